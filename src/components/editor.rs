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
            <ol class="gutter" aria-hidden="true">
                { for (1..=lines).map(|n| html! {
                    <li class={classes!((n == active).then_some(if props.error { "error" } else { "active" }))}>{ n }</li>
                }) }
            </ol>
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
