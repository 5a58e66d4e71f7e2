//! Predict-then-run in a lesson (full app, teacher mode): the hook that, once it is on,
//! asks before each step instead of stepping and reveals the step once the class has
//! answered; and the question under the world, "What will the robot do next?", with the
//! choices to tap (or keys 1 to 4), then whether the class was right and what the robot did.

use yew::prelude::*;

use super::i18n::use_i18n;
use super::lesson_view::SessionState;
use crate::predict::{ask, Move, Question};
use crate::session::{Action, Phase};

/// Predict-then-run's state and what the lesson's controls call.
pub struct Predicting {
    pub on: bool,
    pub question: Option<Question>,
    /// Turns it on or off.
    pub toggle: Callback<()>,
    /// A step: asks first when it is on (and waits for an answer), else steps.
    pub step: Callback<()>,
    /// The class's answer: the step is revealed.
    pub pick: Callback<Move>,
    /// Drops the question (the run was reset, run on, or looked back at).
    pub forget: Callback<()>,
}

#[hook]
pub fn use_predict(session: &UseReducerHandle<SessionState>) -> Predicting {
    let on = use_state(|| false);
    let question = use_state(|| None::<Question>);
    {
        // A question about a program that has since changed is forgotten.
        let question = question.clone();
        use_effect_with(session.0.source.clone(), move |_| question.set(None));
    }
    let toggle = {
        let (on, question) = (on.clone(), question.clone());
        Callback::from(move |()| {
            on.set(!*on);
            question.set(None);
        })
    };
    let step = {
        let (on, question, session) = (*on, question.clone(), session.clone());
        Callback::from(move |()| {
            if !on {
                return session.dispatch(Action::Step);
            }
            if question.as_ref().is_some_and(|q| q.picked.is_none()) {
                return; // the class has not answered yet
            }
            // After the end, the next step starts the run again: ask about its first move.
            let mut s = session.0.clone();
            if matches!(s.phase, Phase::Finished { .. } | Phase::Failed(_)) {
                session.dispatch(Action::Reset);
                s.apply(Action::Reset);
            }
            match ask(&s) {
                Some(q) => question.set(Some(q)),
                None => session.dispatch(Action::Step),
            }
        })
    };
    let pick = {
        let (question, session) = (question.clone(), session.clone());
        Callback::from(move |m: Move| {
            if let Some(q) = question.as_ref().filter(|q| q.picked.is_none()) {
                question.set(Some(Question { picked: Some(m), ..q.clone() }));
                session.dispatch(Action::StepToAction);
            }
        })
    };
    let forget = {
        let question = question.clone();
        Callback::from(move |()| question.set(None))
    };
    Predicting { on: *on, question: (*question).clone(), toggle, step, pick, forget }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Question,
    pub on_pick: Callback<Move>,
}

#[component]
pub fn PredictPanel(props: &Props) -> Html {
    let i18n = use_i18n();
    let q = &props.question;
    let onclick = {
        let (on_pick, choices, open) = (props.on_pick.clone(), q.choices.clone(), q.picked.is_none());
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-choice]").ok().flatten())
            else {
                return;
            };
            let index = button.get_attribute("data-choice").and_then(|i| i.parse::<usize>().ok());
            if let (true, Some(m)) = (open, index.and_then(|i| choices.get(i))) {
                on_pick.emit(*m);
            }
        })
    };
    let revealed = q.picked.map(|picked| picked == q.answer);
    html! {
        <section class="predict" data-testid="predict" role="group" aria-labelledby="predict-question"
            data-revealed={revealed.is_some().to_string()} {onclick}>
            <h2 id="predict-question">{ i18n.t("presenter.predict-question") }</h2>
            <div class="choices">
                { for q.choices.iter().enumerate().map(|(i, m)| {
                    let mark = match q.picked {
                        Some(_) if *m == q.answer => Some("answer"),
                        Some(p) if p == *m => Some("wrong"),
                        _ => None,
                    };
                    html! {
                        <button class={classes!("choice", mark)} data-choice={i.to_string()}
                            aria-pressed={(q.picked == Some(*m)).to_string()} disabled={q.picked.is_some() && mark.is_none()}>
                            <span class="number" aria-hidden="true">{ i + 1 }</span>
                            { i18n.t(m.message()) }
                        </button>
                    }
                }) }
            </div>
            if let Some(right) = revealed {
                <p class={if right { "right" } else { "wrong" }} role="status" data-testid="predict-result" data-right={right.to_string()}>
                    { if right {
                        i18n.t("presenter.predict-right")
                    } else {
                        i18n.f("presenter.predict-wrong", &[("move", i18n.t(q.answer.message()))])
                    } }
                </p>
            }
        </section>
    }
}
