//! Predict-then-run in a lesson (full app, teacher mode): the hook that, once it is on,
//! asks before each step instead of stepping (or, when the teacher has marked blocks, runs
//! and asks only at them) and reveals the step once the class has answered; and the question
//! under the world, "What will the robot do next?", with the choices to tap (or keys 1 to 4),
//! then whether the class was right and what the robot did. Marking is `block_marks`.

use tafukt_lang::blocks::Slot;
use yew::prelude::*;

use super::block_marks::{use_block_marks, Marks};
use super::end_guess::EndGuess;
use super::i18n::{use_i18n, I18n};
use super::lesson_view::SessionState;
use crate::predict::{actions_before_mark, ask, Move, Question};
use crate::session::{Action, Phase, Session};

/// Predict-then-run's state and what the lesson's controls call.
pub struct Predicting {
    pub on: bool,
    pub question: Option<Question>,
    /// Turns it on or off.
    pub toggle: Callback<()>,
    /// A step: asks first when it is on (and waits for an answer), else steps.
    pub step: Callback<()>,
    /// Run: with marked blocks, runs to the next one and asks there; else, when it is on,
    /// a step that asks; else a run.
    pub run: Callback<()>,
    /// The blocks the teacher marked in this lesson, and marking mode.
    pub marks: Marks,
    /// The class's answer: the step is revealed.
    pub pick: Callback<Move>,
    /// Drops the question (the run was reset, run on, or looked back at).
    pub forget: Callback<()>,
}

#[hook]
pub fn use_predict(session: &UseReducerHandle<SessionState>) -> Predicting {
    let on = use_state(|| false);
    let question = use_state(|| None::<Question>);
    let mut marks = use_block_marks(&session.0.lesson.id, *on);
    {
        // Marking blocks is for predict-then-run: it turns it on.
        let (on, question, toggle) = (on.clone(), question.clone(), marks.toggle_marking.clone());
        let marking = marks.marking;
        marks.toggle_marking = Callback::from(move |()| {
            if !marking && !*on {
                on.set(true);
                question.set(None);
            }
            toggle.emit(());
        });
    }
    // A run going on to the next marked block: the number of actions where it pauses to ask.
    let awaiting = use_state(|| None::<usize>);
    {
        let (awaiting, question, session) = (awaiting.clone(), question.clone(), session.clone());
        let paused = session.0.phase == Phase::Paused;
        use_effect_with(
            (session.0.steps, session.0.is_running(), paused),
            move |&(steps, running, paused)| match *awaiting {
                Some(n) if paused && steps >= n => {
                    question.set(ask(&session.0));
                    awaiting.set(None);
                }
                Some(_) if !running => awaiting.set(None),
                _ => {}
            },
        );
    }
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
    // Predicting, a step or a run asks first; `whole` runs on to the next marked block.
    let go = |whole: bool| {
        let (on, question, session, awaiting) = (*on, question.clone(), session.clone(), awaiting.clone());
        let marked: Vec<Slot> = marks.marked.clone();
        Callback::from(move |()| {
            if !on {
                return session.dispatch(if whole { Action::Run } else { Action::Step });
            }
            if question.as_ref().is_some_and(|q| q.picked.is_none()) {
                return; // the class has not answered yet
            }
            // After the end, the next step starts the run again: ask about its first move.
            let mut s = session.0.clone();
            if matches!(s.phase, Phase::Finished { .. } | Phase::Failed(_)) {
                session.dispatch(Action::Rewind);
                s.apply(Action::Rewind);
            }
            if marked.is_empty() {
                return match ask(&s) {
                    Some(q) => question.set(Some(q)),
                    None => session.dispatch(Action::Step),
                };
            }
            question.set(None);
            match actions_before_mark(&s, &marked) {
                Some(0) => question.set(ask(&s)),
                Some(n) if whole => {
                    awaiting.set(Some(s.steps + n));
                    session.dispatch(Action::RunUntilSteps(s.steps + n));
                }
                _ => session.dispatch(if whole { Action::Run } else { Action::Step }),
            }
        })
    };
    let (step, run) = (go(false), go(true));
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
        let (question, awaiting) = (question.clone(), awaiting.clone());
        Callback::from(move |()| {
            question.set(None);
            awaiting.set(None);
        })
    };
    Predicting { on: *on, question: (*question).clone(), toggle, step, run, marks, pick, forget }
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

/// Teacher mode's switches for the predictions of a grid lesson: predict-then-run, marking
/// the blocks where it asks (with how many are marked, and a clear), and "where will it
/// end?" (unless the lesson always asks it).
pub fn teacher_tools(s: &Session, p: &Predicting, g: &EndGuess, i18n: &I18n) -> Html {
    if s.world.grid().is_none() {
        return Html::default();
    }
    let marks = &p.marks;
    let on_predict = {
        let toggle = p.toggle.clone();
        Callback::from(move |_: MouseEvent| toggle.emit(()))
    };
    let on_end = {
        let toggle = g.toggle.clone();
        Callback::from(move |_: MouseEvent| toggle.emit(()))
    };
    let on_mark = {
        let toggle = marks.toggle_marking.clone();
        Callback::from(move |_: MouseEvent| toggle.emit(()))
    };
    let on_clear = {
        let clear = marks.clear.clone();
        Callback::from(move |_: MouseEvent| clear.emit(()))
    };
    let count = marks.marked.len();
    html! {
        <>
            <button data-testid="predict-toggle" aria-pressed={p.on.to_string()} onclick={on_predict}>
                { i18n.t("presenter.predict-toggle") }
            </button>
            if !s.lesson.predict_end {
                <button data-testid="end-toggle" aria-pressed={g.teacher_on.to_string()} onclick={on_end}>
                    { i18n.t("teacher.end-toggle") }
                </button>
            }
            <button data-testid="mark-toggle" aria-pressed={marks.marking.to_string()} data-marks={count.to_string()} onclick={on_mark}>
                { i18n.t("teacher.mark-blocks") }
            </button>
            if count > 0 {
                <button data-testid="marks-clear" onclick={on_clear}>
                    { i18n.f("teacher.marks-clear", &[("count", count.to_string())]) }
                </button>
            }
            if marks.marking {
                <p role="status" data-testid="marking-help">{ i18n.t("teacher.marking-help") }</p>
            }
        </>
    }
}
