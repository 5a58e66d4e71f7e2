//! The timeline under the stage: step back, a slider over every action of the run, step
//! forward. Moving it moves the robot and the highlighted line together.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Frames in the run (the start and one per action).
    pub frames: usize,
    pub position: usize,
    pub on_scrub: Callback<usize>,
}

#[component]
pub fn TimelineBar(props: &Props) -> Html {
    let i18n = use_i18n();
    let last = props.frames.saturating_sub(1);
    let scrub_to = |i: usize| {
        let cb = props.on_scrub.clone();
        Callback::from(move |_: MouseEvent| cb.emit(i))
    };
    let on_scrub = props.on_scrub.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = input.value().parse() {
            on_scrub.emit(v);
        }
    });
    html! {
        <div class="timeline" data-testid="timeline" data-position={props.position.to_string()}>
            <button data-testid="step-back" onclick={scrub_to(props.position.saturating_sub(1))}
                disabled={props.position == 0} aria-label={i18n.t("ui.step-back")}>{ "⏮" }</button>
            <input type="range" min="0" max={last.to_string()} value={props.position.to_string()}
                {oninput} aria-label={i18n.t("ui.timeline")} data-testid="scrub" disabled={last == 0} />
            <button data-testid="step-forward" onclick={scrub_to((props.position + 1).min(last))}
                disabled={props.position >= last} aria-label={i18n.t("ui.step-forward")}>{ "⏭" }</button>
        </div>
    }
}
