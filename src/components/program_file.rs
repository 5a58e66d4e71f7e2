//! In a lesson (full app): this lesson's program saved to a file, and a program file opened
//! in its place, after asking; a file for another lesson is refused with that lesson's name.

use tafukt_lang::Lang;
use tafukt_lesson::model::read_bundled_index;
use tafukt_lesson::progress_file::{
    decode_program, encode_program, program_file_name, FileError, ProgramFile, SavedProgram,
    MAX_PROGRAM_BYTES,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::app_loading::load_lesson;
use super::i18n::use_i18n;
use super::progress_files::{read_problem, refusal};
use crate::services::fetch::fetch_bytes;
use crate::services::{files, storage};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lesson: String,
    /// The language of the program on screen.
    pub lang: Lang,
    pub source: String,
    /// Puts a program (in `lang`) in place of the one on screen.
    pub on_replace: Callback<String>,
}

#[derive(Clone, PartialEq)]
enum Card {
    None,
    Said {
        text: String,
        alert: bool,
    },
    /// The file's program, waiting for the pupil's yes.
    Ask(String),
}

#[component]
pub fn ProgramFileButtons(props: &Props) -> Html {
    let i18n = use_i18n();
    let card = use_state(|| Card::None);
    let input = use_node_ref();
    let lang = props.lang;

    let on_save = {
        let (card, i18n) = (card.clone(), i18n.clone());
        let file = ProgramFile {
            lesson: props.lesson.clone(),
            program: SavedProgram { lang, source: props.source.clone() },
        };
        Callback::from(move |_: MouseEvent| {
            let said = match encode_program(&file) {
                Ok(text) => {
                    let name = program_file_name(&file.lesson);
                    if files::download(&name, &text) {
                        Card::Said { text: i18n.f("files.program-saved", &[("file", name)]), alert: false }
                    } else {
                        Card::Said { text: i18n.t("files.save-failed"), alert: true }
                    }
                }
                Err(e) => Card::Said { text: refusal(&i18n, &e, &|_| None), alert: true },
            };
            card.set(said);
        })
    };
    let on_open = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_picked = {
        let (card, i18n, lesson, source) =
            (card.clone(), i18n.clone(), props.lesson.clone(), props.source.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(file) = files::take_picked(&input).into_iter().next() else { return };
            let (card, i18n, lesson, source) = (card.clone(), i18n.clone(), lesson.clone(), source.clone());
            spawn_local(async move {
                let refused = |text: String| Card::Said {
                    text: format!("{} {text}", i18n.t("files.refused")),
                    alert: true,
                };
                let bytes = match files::read(&file, MAX_PROGRAM_BYTES).await {
                    Ok(bytes) => bytes,
                    Err(e) => return card.set(refused(read_problem(&i18n, &e))),
                };
                let known = known_lessons(lang).await.unwrap_or_else(|| vec![lesson.clone()]);
                match decode_program(&bytes, &lesson, &known) {
                    Ok(file) => {
                        let text = crate::session::translate(&file.program.source, file.program.lang, lang)
                            .unwrap_or(file.program.source);
                        card.set(if text.trim() == source.trim() {
                            Card::Said { text: i18n.t("files.program-opened"), alert: false }
                        } else {
                            Card::Ask(text)
                        });
                    }
                    Err(e) => {
                        // The other lesson by its title, in the pupil's language.
                        let title = match &e {
                            FileError::OtherLesson { lesson } => {
                                load_lesson(lesson, lang).await.ok().map(|l| l.title.get(lang).to_string())
                            }
                            _ => None,
                        };
                        card.set(refused(refusal(&i18n, &e, &|_| title.clone())));
                    }
                }
            });
        })
    };
    let close = {
        let card = card.clone();
        Callback::from(move |_: MouseEvent| card.set(Card::None))
    };

    let shown = match &*card {
        Card::None => Html::default(),
        Card::Said { text, alert } => html! {
            <div class={classes!("files-card", alert.then_some("refused"))} data-testid="program-file-message"
                data-kind={if *alert { "refused" } else { "done" }} role={if *alert { "alert" } else { "status" }}>
                <p>{ text }</p>
                <div class="files-actions">
                    <button class="primary" data-testid="files-ok" onclick={close}>{ i18n.t("files.ok") }</button>
                </div>
            </div>
        },
        Card::Ask(text) => {
            let replace = {
                let (card, on_replace, text, i18n) =
                    (card.clone(), props.on_replace.clone(), text.clone(), i18n.clone());
                let (lesson, lang, before) = (props.lesson.clone(), props.lang, props.source.clone());
                Callback::from(move |_: MouseEvent| {
                    // The program the file replaces stays on the device as an earlier version.
                    storage::keep_version(&lesson, lang, &before);
                    on_replace.emit(text.clone());
                    card.set(Card::Said { text: i18n.t("files.program-opened"), alert: false });
                })
            };
            html! {
                <div class="files-card" data-testid="program-file-message" data-kind="ask" role="alertdialog">
                    <p>{ i18n.t("files.program-ask") }</p>
                    <div class="files-actions">
                        <button class="primary" data-testid="program-replace" onclick={replace}>{ i18n.t("files.program-replace") }</button>
                        <button data-testid="program-keep" onclick={close}>{ i18n.t("files.program-keep") }</button>
                    </div>
                </div>
            }
        }
    };

    html! {
        <div class="program-file" data-testid="program-file">
            <div class="files-actions">
                <button data-testid="program-save" onclick={on_save}>{ "⬇ " }{ i18n.t("files.program-save") }</button>
                <button data-testid="program-open" onclick={on_open}>{ "⬆ " }{ i18n.t("files.program-open") }</button>
                <input ref={input} type="file" accept=".json,application/json" hidden=true
                    data-testid="program-input" onchange={on_picked} />
            </div>
            { shown }
        </div>
    }
}

/// Every lesson id of the course, from the index in `lang` (none if it cannot be had).
async fn known_lessons(lang: Lang) -> Option<Vec<String>> {
    let file = format!("{}/index.bin", lang.tag());
    let bytes = fetch_bytes(&format!("lessons/{file}")).await?;
    Some(read_bundled_index(&file, &bytes).ok()?.lesson_ids())
}
