//! The itemised goal checklist: one ✓ or ✗ line per goal, in the pupil's language.

use tafukt_lesson::goals::{GoalReport, GoalStatus};
use yew::prelude::*;

use super::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub goals: Vec<GoalReport>,
    /// True once a run has finished with every goal met.
    pub success: bool,
}

#[component]
pub fn GoalList(props: &Props) -> Html {
    let i18n = use_i18n();
    html! {
        <section class="goals" aria-labelledby="goals-title">
            <h2 id="goals-title">{ i18n.t("ui.goals") }</h2>
            <ul data-testid="goals" data-all-met={props.success.to_string()}>
                { for props.goals.iter().map(|g| {
                    let met = g.status == GoalStatus::Met;
                    // Colours and headings travel as keys (`red`, `north`); the pupil reads them
                    // in their language.
                    let args: Vec<(&str, String)> = g
                        .args
                        .iter()
                        .map(|(n, v)| {
                            let word = match *n {
                                "colour" => i18n.t(&format!("colour.{v}")),
                                "heading" => i18n.t(&format!("ui.heading.{v}")),
                                _ => v.clone(),
                            };
                            (*n, word)
                        })
                        .collect();
                    html! {
                        <li class={if met { "goal met" } else { "goal" }} data-met={met.to_string()}>
                            <span class="mark" aria-hidden="true">{ if met { "✓" } else { "✗" } }</span>
                            { i18n.f(g.key, &args) }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
