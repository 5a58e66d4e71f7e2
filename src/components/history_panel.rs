//! "Earlier versions" of the lesson's program (a full-app part): the versions kept on the
//! device (`storage::keep_version`), each with its time, size and a plain-text preview, and
//! a button that puts one back in the editor. The program it replaces becomes the newest
//! earlier version first, so a restore can itself be undone.

use tafukt_lang::Lang;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::i18n::use_i18n;
use crate::services::storage::{self, Version};

/// Lines of a version shown in its preview.
const PREVIEW_LINES: usize = 4;
const PREVIEW_CHARS: usize = 160;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lesson: String,
    pub lang: Lang,
    /// The program in the editor, in `lang`.
    pub source: String,
    /// Puts a program (already in `lang`) in the editor.
    pub on_restore: Callback<String>,
}

#[component]
pub fn HistoryPanel(props: &Props) -> Html {
    let i18n = use_i18n();
    let open = use_state(|| false);
    // Bumped by a restore, so the list is read again from the device.
    let serial = use_state(|| 0u32);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let button = html! {
        <button data-testid="history-toggle" aria-expanded={open.to_string()} onclick={toggle}>
            { "↺ " }{ i18n.t("history.open") }
        </button>
    };
    if !*open {
        return button;
    }
    // The versions that differ from the program in the editor, newest first.
    let versions: Vec<(usize, Version)> = storage::versions(&props.lesson)
        .into_iter()
        .enumerate()
        .filter(|(_, v)| v.source != props.source)
        .collect();
    let onclick = {
        let (lesson, lang, source) = (props.lesson.clone(), props.lang, props.source.clone());
        let (on_restore, serial) = (props.on_restore.clone(), serial.clone());
        // One handler for the list: the button carries the version's place.
        Callback::from(move |e: MouseEvent| {
            let target: Option<web_sys::Element> = e.target_dyn_into();
            let Some(place) = target
                .and_then(|t| t.closest("[data-version]").ok().flatten())
                .and_then(|b| b.get_attribute("data-version"))
                .and_then(|n| n.parse::<usize>().ok())
            else {
                return;
            };
            let Some(chosen) = storage::versions(&lesson).into_iter().nth(place) else { return };
            storage::keep_version(&lesson, lang, &source);
            let text = crate::session::translate(&chosen.source, chosen.lang, lang).unwrap_or(chosen.source);
            on_restore.emit(text);
            serial.set(*serial + 1);
        })
    };
    html! {
        <>
            { button }
            <section class="history" data-testid="history" aria-label={i18n.t("history.open")}>
                if versions.is_empty() {
                    <p data-testid="history-empty">{ i18n.t("history.empty") }</p>
                } else {
                    <p class="history-note">{ i18n.t("history.note") }</p>
                    <ol class="history-list" {onclick}>
                        { for versions.iter().map(|(place, v)| html! {
                            <li data-testid="history-version">
                                <p class="history-when">
                                    <time>{ when(v.time, props.lang) }</time>
                                    { " · " }
                                    { i18n.f("history.size", &[("count", v.source.lines().count().to_string())]) }
                                </p>
                                <pre class="history-preview" dir={if v.lang.is_rtl() { "rtl" } else { "ltr" }}>{ preview(&v.source) }</pre>
                                <button data-version={place.to_string()} data-testid="history-restore">
                                    { i18n.t("history.restore") }
                                </button>
                            </li>
                        }) }
                    </ol>
                }
            </section>
        </>
    }
}

/// The first lines of a program as plain text (never markup).
fn preview(source: &str) -> String {
    let mut text: String = source.lines().take(PREVIEW_LINES).collect::<Vec<_>>().join("\n");
    if text.chars().count() > PREVIEW_CHARS {
        text = text.chars().take(PREVIEW_CHARS).collect();
        text.push('…');
    } else if source.lines().nth(PREVIEW_LINES).is_some() {
        text.push_str("\n…");
    }
    text
}

/// The time a version was kept, as the pupil's language writes dates and times.
fn when(time: u64, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(time as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"short".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(lang.tag(), &options).into()
}
