//! The text editor: a plain textarea (works with every keyboard, IME and screen reader) with
//! line numbers, and the running or failing line highlighted.

use tafukt_lang::Lang;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::i18n::use_i18n;
use super::live_style::use_css_text;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub source: AttrValue,
    pub lang: Lang,
    pub active_line: Option<usize>,
    /// The highlighted line is an error, not the running statement.
    pub error: bool,
    pub on_edit: Callback<String>,
}

/// The line numbers `from` to `to`, one a line.
fn numbers(from: usize, to: usize) -> String {
    let mut text = String::with_capacity((to + 1 - from) * 6);
    for n in from..=to {
        if n > from {
            text.push('\n');
        }
        text.push_str(&n.to_string());
    }
    text
}

#[component]
pub fn Editor(props: &Props) -> Html {
    let i18n = use_i18n();
    let on_edit = props.on_edit.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        on_edit.emit(area.value());
    });
    let lines = props.source.split('\n').count().max(1);
    let active = props.active_line.unwrap_or(0);
    let band = use_node_ref();
    use_css_text(&band, format!("--line: {}", active.saturating_sub(1)));
    html! {
        <div class="editor" data-testid="editor" data-active-line={active.to_string()}>
            // The numbers as three runs of text (before, at and after the highlighted line),
            // not an element a line: a pasted program of 70,000 lines would make 70,000 of
            // them, and adding or removing them took a third of a second (bench/hostile-page).
            <div class="gutter" aria-hidden="true">
                if (1..=lines).contains(&active) {
                    if active > 1 { <span>{ numbers(1, active - 1) }</span> }
                    <span class={if props.error { "error" } else { "active" }}>{ active }</span>
                    if active < lines { <span>{ numbers(active + 1, lines) }</span> }
                } else {
                    <span>{ numbers(1, lines) }</span>
                }
            </div>
            <div class="code">
                if active > 0 {
                    <div class={classes!("line-band", props.error.then_some("error"))} ref={band} aria-hidden="true" />
                }
                <textarea
                    data-testid="source"
                    aria-label={i18n.t("ui.program")}
                    dir={if props.lang.is_rtl() { "rtl" } else { "ltr" }}
                    spellcheck="false"
                    autocapitalize="off"
                    autocomplete="off"
                    rows={(lines + 1).to_string()}
                    value={props.source.clone()}
                    {oninput}
                />
            </div>
        </div>
    }
}
