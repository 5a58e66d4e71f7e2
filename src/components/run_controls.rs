//! Run, Step, Pause and Reset (and what the app adds after Step), plus the speed slider:
//! large buttons for fingers.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub running: bool,
    pub speed: u32,
    pub on_run: Callback<()>,
    pub on_step: Callback<()>,
    pub on_pause: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_speed: Callback<u32>,
    /// Buttons after Step: step over and step out, in the full app (which plays the lessons
    /// with procedures).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn RunControls(props: &Props) -> Html {
    let i18n = use_i18n();
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_speed = props.on_speed.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = input.value().parse() {
            on_speed.emit(v);
        }
    });
    html! {
        <div class="run-controls" role="toolbar">
            if props.running {
                <button class="primary" data-testid="pause" onclick={click(&props.on_pause)}>{ i18n.t("ui.pause") }</button>
            } else {
                <button class="primary" data-testid="run" onclick={click(&props.on_run)}>{ "▶ " }{ i18n.t("ui.run") }</button>
            }
            <button data-testid="step" onclick={click(&props.on_step)}>{ i18n.t("ui.step") }</button>
            { props.children.clone() }
            <button data-testid="reset" onclick={click(&props.on_reset)}>{ i18n.t("ui.reset") }</button>
            <label class="speed">
                <span>{ i18n.t("ui.speed") }</span>
                <input type="range" min="1" max="5" value={props.speed.to_string()} {oninput} data-testid="speed" />
            </label>
        </div>
    }
}
