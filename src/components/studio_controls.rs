//! Controls the studio's two world editors share (grid and arena): the tool bar with the
//! chosen tool's help, one side of the world's size with − and +, and the zoom buttons.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::i18n::I18n;

/// Zoom steps of the world (0: the world fits the column); a zoomed world scrolls.
pub const ZOOMS: usize = 3;

/// The tools (`(key, icon)`, named `studio.tool.<key>`), `chosen` marked, and the chosen
/// tool's help (`studio.tool-help.<key>`); a tap on one sends its key.
pub fn tool_bar(
    i18n: &I18n,
    tools: &[(&'static str, &'static str)],
    chosen: &str,
    on_tool: Callback<String>,
) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        let key = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-tool]").ok().flatten())
            .and_then(|b| b.get_attribute("data-tool"));
        if let Some(key) = key {
            on_tool.emit(key);
        }
    });
    html! {
        <>
            <div class="studio-tools" role="radiogroup" aria-label={i18n.t("studio.tools")} {onclick}>
                { for tools.iter().map(|(key, icon)| html! {
                    <button role="radio" aria-checked={(*key == chosen).to_string()} data-tool={*key}
                        data-testid={format!("studio-tool-{key}")}>
                        <span class="studio-tool-icon" aria-hidden="true">{ *icon }</span>
                        { i18n.t(&format!("studio.tool.{key}")) }
                    </button>
                }) }
            </div>
            <p class="studio-tool-help" data-testid="studio-tool-help">{ i18n.t(&format!("studio.tool-help.{chosen}")) }</p>
        </>
    }
}

/// One side of the world's size, named `studio.<name>` (`-less`, `-more` for its buttons, and
/// `data-testid="studio-<name>…"`): − sends −1, + sends +1, each off at its limit.
pub fn size_stepper(
    i18n: &I18n,
    name: &str,
    value: i32,
    (least, most): (i32, i32),
    on_step: Callback<i32>,
) -> Html {
    let step = |by: i32| {
        let on_step = on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(by))
    };
    html! {
        <div class="studio-size" role="group" aria-label={i18n.t(&format!("studio.{name}"))}>
            <span class="studio-size-name">{ i18n.t(&format!("studio.{name}")) }</span>
            <button data-testid={format!("studio-{name}-minus")} onclick={step(-1)} disabled={value <= least}
                aria-label={i18n.t(&format!("studio.{name}-less"))}>{ "−" }</button>
            <output data-testid={format!("studio-{name}")}>{ value }</output>
            <button data-testid={format!("studio-{name}-plus")} onclick={step(1)} disabled={value >= most}
                aria-label={i18n.t(&format!("studio.{name}-more"))}>{ "+" }</button>
        </div>
    }
}

/// The buttons that make the studio's world bigger or smaller.
pub fn zoom_buttons(zoom: &UseStateHandle<usize>, i18n: &I18n) -> Html {
    let zoom_by = |delta: isize| {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| zoom.set(zoom.saturating_add_signed(delta).min(ZOOMS - 1)))
    };
    html! {
        <div class="studio-zoom" role="group">
            // A sign every language reads (a magnifier, minus, plus), named in words.
            <button data-testid="studio-zoom-out" aria-label={i18n.t("ui.zoom-out")} disabled={**zoom == 0}
                onclick={zoom_by(-1)}>{ "🔍−" }</button>
            <button data-testid="studio-zoom-in" aria-label={i18n.t("ui.zoom-in")} disabled={**zoom + 1 >= ZOOMS}
                onclick={zoom_by(1)}>{ "🔍+" }</button>
        </div>
    }
}
