//! On the course map (full app): "Save my work to a file" (the pupil's name asked once and
//! kept on the device) and "Open my work from a file", merged into this device (stars keep
//! the best; a different program already here is kept, and the pupil may take the file's
//! instead), with a message card for every outcome and every refused file.

use std::rc::Rc;

use tafukt_lang::Lang;
use tafukt_lesson::model::{CourseIndex, Localized};
use tafukt_lesson::progress_file::{
    clean_name, decode_progress, encode_progress, merge, progress_file_name, FileError, Progress,
    SavedProgram, MAX_PROGRESS_BYTES,
};
use tafukt_world::sorted::SortedMap;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::app_loading::load_lesson;
use super::i18n::{use_i18n, I18n};
use crate::services::files::{self, ReadError};
use crate::services::storage;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub index: Rc<CourseIndex>,
    pub lang: Lang,
    /// Lesson titles known so far, to name lessons in messages.
    pub titles: Rc<SortedMap<String, Localized>>,
    /// Told when work from a file was written on this device.
    pub on_imported: Callback<()>,
}

/// What the card under the buttons says.
#[derive(Clone, PartialEq)]
enum Card {
    None,
    /// The name typed so far, and whether saving was tried with it.
    AskName(String, bool),
    Saved(String),
    /// A file picked to open was refused.
    Refused(String),
    /// Saving failed.
    Problem(String),
    /// Lines of what happened, and the file's programs the pupil may still take.
    Opened(Vec<String>, Rc<Vec<(String, SavedProgram)>>),
}

/// A refused file's message, lessons named by their titles where known.
pub(super) fn refusal(i18n: &I18n, error: &FileError, title: &dyn Fn(&str) -> Option<String>) -> String {
    let args: Vec<(&str, String)> = error
        .args()
        .into_iter()
        .map(|(k, v)| if k == "lesson" { (k, title(&v).unwrap_or(v)) } else { (k, v) })
        .collect();
    i18n.f(error.key(), &args)
}

/// Why a picked file was not read, in words.
pub(super) fn read_problem(i18n: &I18n, error: &ReadError) -> String {
    match error {
        ReadError::Refused(e) => refusal(i18n, e, &|_| None),
        ReadError::Failed => i18n.t("files.read-failed"),
    }
}

#[component]
pub fn ProgressFiles(props: &Props) -> Html {
    let i18n = use_i18n();
    let card = use_state(|| Card::None);
    let input = use_node_ref();
    let ids = Rc::new(props.index.lesson_ids());
    let lang = props.lang;
    let titles = props.titles.clone();
    let title = move |id: &str| titles.get(id).map(|t| t.get(lang).to_string());

    let save = {
        let (card, ids, i18n) = (card.clone(), ids.clone(), i18n.clone());
        Callback::from(move |name: String| {
            let progress = Progress {
                pupil: name.clone(),
                date: Some(files::today()),
                lessons: files::work_here(&ids, lang)
                    .into_iter()
                    .filter(|w| w.stars > 0 || w.program.is_some())
                    .collect(),
            };
            card.set(match encode_progress(&progress) {
                Ok(text) => {
                    let file = progress_file_name(&name, progress.date.as_deref());
                    if files::download(&file, &text) {
                        Card::Saved(i18n.f("files.saved", &[("file", file)]))
                    } else {
                        Card::Problem(i18n.t("files.save-failed"))
                    }
                }
                Err(e) => Card::Problem(refusal(&i18n, &e, &|_| None)),
            });
        })
    };
    let on_save = {
        let (card, save) = (card.clone(), save.clone());
        Callback::from(move |_: MouseEvent| match files::pupil_name() {
            Some(name) => save.emit(name),
            None => card.set(Card::AskName(String::new(), false)),
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
        let (card, ids, i18n, on_imported, title) =
            (card.clone(), ids.clone(), i18n.clone(), props.on_imported.clone(), title.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(file) = files::take_picked(&input).into_iter().next() else { return };
            let (card, ids, i18n, on_imported, title) =
                (card.clone(), ids.clone(), i18n.clone(), on_imported.clone(), title.clone());
            spawn_local(async move {
                let bytes = match files::read(&file, MAX_PROGRESS_BYTES).await {
                    Ok(bytes) => bytes,
                    Err(e) => return card.set(Card::Refused(read_problem(&i18n, &e))),
                };
                let decoded = match decode_progress(&bytes, &ids) {
                    Ok(d) => d,
                    Err(e) => {
                        // The lesson named by its title, fetched if the map has not got it yet.
                        let named = match e.args().into_iter().find(|(k, _)| *k == "lesson") {
                            Some((_, id)) if title(&id).is_none() => {
                                load_lesson(&id, lang).await.ok().map(|l| l.title.get(lang).to_string())
                            }
                            _ => None,
                        };
                        let name = |id: &str| title(id).or_else(|| named.clone());
                        return card.set(Card::Refused(refusal(&i18n, &e, &name)));
                    }
                };
                let device = files::work_here(&ids, lang);
                let mut m = merge(&device, &decoded.progress);
                // The same program in another language is no conflict; a lesson opened but not
                // worked on holds its starter program: no work to keep.
                let mut conflicts = Vec::new();
                for (id, program) in std::mem::take(&mut m.conflicts) {
                    let here = device.iter().find(|d| d.lesson == id).and_then(|d| d.program.clone());
                    if here.as_ref().is_some_and(|h| same_program(h, &program)) {
                        m.unchanged += 1;
                    } else if is_starter(&id, here, lang).await {
                        m.programs.push((id, program));
                    } else {
                        conflicts.push((id, program));
                    }
                }
                for (id, stars) in &m.stars {
                    storage::save_stars(id, *stars);
                }
                for (id, p) in &m.programs {
                    storage::replace_program(id, p.lang, &p.source);
                }
                let mut changed: Vec<&String> =
                    m.stars.iter().map(|s| &s.0).chain(m.programs.iter().map(|p| &p.0)).collect();
                changed.sort();
                changed.dedup();
                let mut lines = vec![i18n.f(
                    "files.opened",
                    &[("pupil", decoded.progress.pupil.clone()), ("count", changed.len().to_string())],
                )];
                if changed.is_empty() && conflicts.is_empty() {
                    lines.push(i18n.t("files.nothing-new"));
                }
                if decoded.unknown_lessons > 0 {
                    lines.push(i18n.f("files.left-out", &[("count", decoded.unknown_lessons.to_string())]));
                }
                if !conflicts.is_empty() {
                    let names: Vec<String> =
                        conflicts.iter().map(|(id, _)| title(id).unwrap_or_else(|| id.clone())).collect();
                    lines.push(i18n.f("files.conflicts", &[("lessons", names.join(", "))]));
                }
                if !changed.is_empty() {
                    on_imported.emit(());
                }
                card.set(Card::Opened(lines, Rc::new(conflicts)));
            });
        })
    };
    let close = {
        let card = card.clone();
        Callback::from(move |_: MouseEvent| card.set(Card::None))
    };

    let shown = match &*card {
        Card::None => Html::default(),
        Card::AskName(typed, tried) => {
            let typed = typed.clone();
            let problem = if *tried { clean_name(&typed).err() } else { None };
            let onsubmit = {
                let (card, save, typed) = (card.clone(), save.clone(), typed.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    match clean_name(&typed) {
                        Ok(name) => {
                            files::set_pupil_name(&name);
                            save.emit(name);
                        }
                        // Shown under the field; the pupil corrects it.
                        Err(_) => card.set(Card::AskName(typed.clone(), true)),
                    }
                })
            };
            let oninput = {
                let card = card.clone();
                Callback::from(move |e: InputEvent| {
                    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                        card.set(Card::AskName(input.value(), false));
                    }
                })
            };
            html! {
                <form class="files-card" data-testid="files-name" {onsubmit}>
                    <p>{ i18n.t("files.name-ask") }</p>
                    <label>
                        <span>{ i18n.t("files.name-label") }</span>
                        <input data-testid="pupil-name" value={typed} {oninput} autocomplete="off" maxlength="80" />
                    </label>
                    if let Some(e) = problem {
                        <p class="files-problem" role="alert">{ refusal(&i18n, &e, &|_| None) }</p>
                    }
                    <div class="files-actions">
                        <button type="submit" class="primary" data-testid="pupil-name-ok">{ i18n.t("files.name-ok") }</button>
                        <button type="button" onclick={close.clone()}>{ i18n.t("files.cancel") }</button>
                    </div>
                </form>
            }
        }
        Card::Saved(text) => {
            message("saved", "status", std::slice::from_ref(text), Html::default(), close.clone(), &i18n)
        }
        Card::Problem(text) => {
            message("refused", "alert", std::slice::from_ref(text), Html::default(), close.clone(), &i18n)
        }
        Card::Refused(text) => {
            let lines = [i18n.t("files.refused"), text.clone()];
            message("refused", "alert", &lines, Html::default(), close.clone(), &i18n)
        }
        Card::Opened(lines, conflicts) => {
            let take = if conflicts.is_empty() {
                Html::default()
            } else {
                let (card, conflicts, on_imported, done) =
                    (card.clone(), conflicts.clone(), props.on_imported.clone(), i18n.t("files.used-file"));
                let onclick = Callback::from(move |_: MouseEvent| {
                    for (id, p) in conflicts.iter() {
                        storage::replace_program(id, p.lang, &p.source);
                    }
                    on_imported.emit(());
                    card.set(Card::Saved(done.clone()));
                });
                html! { <button data-testid="files-use-file" {onclick}>{ i18n.t("files.use-file") }</button> }
            };
            let kind = if conflicts.is_empty() { "opened" } else { "conflicts" };
            message(kind, "status", lines, take, close.clone(), &i18n)
        }
    };

    html! {
        <section class="progress-files" data-testid="progress-files">
            <div class="files-actions">
                <button data-testid="files-save" onclick={on_save}>{ "⬇ " }{ i18n.t("files.save") }</button>
                <button data-testid="files-open" onclick={on_open}>{ "⬆ " }{ i18n.t("files.open") }</button>
                <input ref={input} type="file" accept=".json,application/json" hidden=true
                    data-testid="files-input" onchange={on_picked} />
            </div>
            { shown }
        </section>
    }
}

/// A message card: its lines as text, an action if any, and OK.
fn message(
    kind: &str,
    role: &str,
    lines: &[String],
    action: Html,
    close: Callback<MouseEvent>,
    i18n: &I18n,
) -> Html {
    html! {
        <div class={classes!("files-card", kind.to_string())} data-testid="files-message" data-kind={kind.to_string()} role={role.to_string()}>
            { for lines.iter().map(|l| html! { <p>{ l }</p> }) }
            <div class="files-actions">
                { action }
                <button class="primary" data-testid="files-ok" onclick={close}>{ i18n.t("files.ok") }</button>
            </div>
        </div>
    }
}

/// Whether two programs are the same once written in the same language.
fn same_program(here: &SavedProgram, file: &SavedProgram) -> bool {
    crate::session::translate(&file.source, file.lang, here.lang)
        .is_some_and(|t| t.trim() == here.source.trim())
}

/// Whether the program saved here for `id` is the lesson's starter (in its own language).
async fn is_starter(id: &str, here: Option<SavedProgram>, lang: Lang) -> bool {
    let Some(here) = here else { return false };
    match load_lesson(id, lang).await {
        Ok(lesson) => crate::session::translate(&lesson.starter, Lang::En, here.lang)
            .is_some_and(|starter| starter.trim() == here.source.trim()),
        Err(_) => false,
    }
}
