//! One lesson on screen: instructions, editor, stage, run controls and goals. It holds the
//! [`Session`] in a reducer, ticks it while running, and saves the program on every change.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use tafukt_lang::Lang;
use tafukt_lesson::Lesson;
use yew::prelude::*;

use super::block_editor::BlockEditor;
use super::goal_list::GoalList;
use super::i18n::{use_i18n, with_code};
use super::instructions::Instructions;
use super::lesson_parts::{
    ai_panels, link_prompt, program_file, program_tools, teacher_view, text_editor, timeline_bar,
};
use super::run_controls::RunControls;
use super::stage::stage;
use crate::services::storage;
use crate::session::{Action, Phase, Session};

/// The session behind Yew's reducer hook.
#[derive(Clone)]
pub struct SessionState(pub Session);

impl Reducible for SessionState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

#[derive(Properties)]
pub struct Props {
    pub lesson: Rc<Lesson>,
    pub lang: Lang,
    /// The language of the blocks and the program when a teacher chose one apart from the
    /// page's (a class that reads Arabic and codes in French); none: the page's.
    #[cfg(feature = "full")]
    #[prop_or_default]
    pub code: Option<Lang>,
    /// Teacher mode: the reference solution is shown.
    pub teacher: bool,
    /// Opens the next lesson; none on the last.
    pub on_next: Option<Callback<()>>,
    /// Told when the lesson earns stars (already saved on the device).
    pub on_stars: Callback<u8>,
}

/// The same lesson is the same `Rc`: comparing lessons field by field would cost kilobytes of
/// wasm and time on every render.
impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        let same = Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.lang == other.lang
            && self.teacher == other.teacher
            && self.on_next == other.on_next
            && self.on_stars == other.on_stars;
        #[cfg(feature = "full")]
        let same = same && self.code == other.code;
        same
    }
}

/// One animation frame; the session decides how many frames each robot action lasts.
const FRAME_MS: u32 = 16;

#[component]
pub fn LessonView(props: &Props) -> Html {
    let i18n = use_i18n();
    let lesson = props.lesson.clone();
    let lang = props.lang;
    // The words of the blocks and the program: the page's, or the teacher's choice (full app).
    #[cfg(feature = "full")]
    let code = props.code.unwrap_or(lang);
    #[cfg(not(feature = "full"))]
    let code = lang;
    let session = use_reducer(|| {
        // A program saved in another language is reprinted in this one (a language switch
        // mounts the lesson again): the program as it was is kept as an earlier version.
        let saved = storage::load_program(&lesson.id, code).map(|(saved_lang, text)| {
            if saved_lang != code {
                storage::keep_version(&lesson.id, saved_lang, &text);
            }
            crate::session::translate(&text, saved_lang, code).unwrap_or(text)
        });
        SessionState(Session::new(lesson.clone(), code, saved))
    });

    {
        let session = session.clone();
        use_effect_with(code, move |lang| {
            if session.0.lang != *lang {
                session.dispatch(Action::SetLang(*lang));
            }
        });
    }
    // What the pupil is told about saving on this device, as the number of a
    // `storage::Trouble` (a state of a type the app already keeps costs lesson 1 less).
    let notice = use_state(|| storage::trouble() as u32);
    {
        // Autosave on every change of text or language: nothing a pupil writes is lost (and
        // after a pause in editing, the program as it was becomes an earlier version).
        let id = props.lesson.id.clone();
        let notice = notice.clone();
        let saved = move |id: String, lang: Lang, source: &str| {
            storage::save_program(&id, lang, source);
            let now = storage::trouble() as u32;
            if *notice != now {
                notice.set(now);
            }
        };
        // While the teacher demonstrates the solution (full app), the pupil's program stays
        // saved.
        #[cfg(feature = "full")]
        {
            let demo = session.0.demonstrating();
            use_effect_with((session.0.source.clone(), session.0.lang, demo), move |(source, lang, demo)| {
                if !*demo {
                    saved(id, *lang, source);
                }
            });
        }
        #[cfg(not(feature = "full"))]
        {
            use_effect_with((session.0.source.clone(), session.0.lang), move |(source, lang)| {
                saved(id, *lang, source);
            });
        }
    }
    {
        let id = props.lesson.id.clone();
        let on_stars = props.on_stars.clone();
        use_effect_with(session.0.stars(), move |stars| {
            if *stars > 0 {
                storage::save_stars(&id, *stars);
                on_stars.emit(*stars);
            }
        });
    }
    {
        let dispatcher = session.dispatcher();
        use_effect_with(session.0.is_running(), move |running| {
            let interval =
                running.then(|| Interval::new(FRAME_MS, move || dispatcher.dispatch(Action::Tick)));
            move || drop(interval)
        });
    }

    // Predict-then-run (full app, teacher mode).
    #[cfg(feature = "full")]
    let predict = super::predict_panel::use_predict(&session);
    // "Where will the robot end?" (full app): asked by the lesson or switched on by the teacher.
    #[cfg(feature = "full")]
    let end = super::end_guess::use_end_guess(&session);

    // The presenter keys' commands (full app), each once: not again when the lesson changes.
    #[cfg(feature = "full")]
    {
        use super::presenter_keys::Sent;
        use crate::presenter::Command;
        let sent = use_context::<Sent>().unwrap_or_default();
        let seen = use_mut_ref(|| sent.serial);
        let session = session.clone();
        let teacher = props.teacher;
        let (step, run, toggle, pick, forget) = (
            predict.step.clone(),
            predict.run.clone(),
            predict.toggle.clone(),
            predict.pick.clone(),
            predict.forget.clone(),
        );
        // Run and step wait for the class's guess of where the robot ends, if it is asked.
        let gate = end.gate.clone();
        let choices = predict.question.as_ref().map(|q| q.choices.clone()).unwrap_or_default();
        let predicting = predict.on;
        use_effect_with(sent.serial, move |serial| {
            if *seen.borrow() == *serial {
                return;
            }
            *seen.borrow_mut() = *serial;
            let action = match sent.command {
                // Held back until the class has guessed where the robot ends.
                Some(Command::Step | Command::RunPause) if !session.0.is_running() && !gate.emit(()) => {
                    return
                }
                Some(Command::Step) => return step.emit(()),
                Some(Command::Predict) if teacher => return toggle.emit(()),
                Some(Command::Answer(n)) => {
                    if let Some(m) = choices.get(usize::from(n) - 1) {
                        pick.emit(*m);
                    }
                    return;
                }
                Some(Command::RunPause) if session.0.is_running() => Action::Pause,
                // Predicting, the run pauses before each step and asks.
                Some(Command::RunPause) if predicting => return run.emit(()),
                Some(Command::RunPause) => Action::Run,
                Some(Command::StepBack) => Action::StepBack,
                Some(Command::Reset) => Action::Reset,
                Some(Command::Solution) if teacher && session.0.demonstrating() => Action::PutBack,
                Some(Command::Solution) if teacher => Action::ShowSolution,
                _ => return,
            };
            forget.emit(());
            session.dispatch(action);
        });
    }

    // Blocks or text, as this device last chose (blocks first: most pupils never type).
    let blocks_view = use_state(|| storage::get("editor").as_deref() != Some("text"));
    let show_view = |blocks: bool| {
        let blocks_view = blocks_view.clone();
        Callback::from(move |_: MouseEvent| {
            storage::set("editor", if blocks { "blocks" } else { "text" });
            blocks_view.set(blocks);
        })
    };
    // The text view is a full-app part (pupils start with blocks): the core app hands over
    // when it is chosen, here or on an earlier visit, and shows blocks if that fails.
    #[cfg(not(feature = "full"))]
    {
        let blocks_view = blocks_view.clone();
        use_effect_with(*blocks_view, move |blocks| {
            if !*blocks {
                let back = Callback::from(move |()| {
                    storage::set("editor", "blocks");
                    blocks_view.set(true);
                });
                crate::services::boot::hand_over(crate::services::boot::Intent::Lesson, back);
            }
        });
    }
    let s = &session.0;
    let texts = &props.lesson;
    // Run, reset and the others drop a question the class has not answered (full app).
    #[cfg(feature = "full")]
    let send = |a: fn() -> Action| {
        let (session, forget) = (session.clone(), predict.forget.clone());
        Callback::from(move |_| {
            forget.emit(());
            session.dispatch(a())
        })
    };
    #[cfg(not(feature = "full"))]
    let send = |a: fn() -> Action| {
        let session = session.clone();
        Callback::from(move |_| session.dispatch(a()))
    };
    // Step over and step out: for procedures, whose lessons only the full app plays.
    #[cfg(feature = "full")]
    let step_buttons = {
        let step = |a: fn() -> Action| {
            let (session, forget) = (session.clone(), predict.forget.clone());
            Callback::from(move |_: MouseEvent| {
                forget.emit(());
                session.dispatch(a())
            })
        };
        html! { <>
            <button data-testid="step-over" onclick={step(|| Action::StepOver)}>{ i18n.t("ui.step-over") }</button>
            <button data-testid="step-out" onclick={step(|| Action::StepOut)}>{ i18n.t("ui.step-out") }</button>
        </> }
    };
    #[cfg(not(feature = "full"))]
    let step_buttons = Html::default();
    let click = |a: Action| {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| session.dispatch(a.clone()))
    };
    let on_edit = {
        let session = session.clone();
        Callback::from(move |text: String| session.dispatch(Action::Edit(text)))
    };
    let on_scrub = {
        let session = session.clone();
        #[cfg(feature = "full")]
        let forget = predict.forget.clone();
        Callback::from(move |i: usize| {
            #[cfg(feature = "full")]
            forget.emit(());
            session.dispatch(Action::Scrub(i))
        })
    };
    let on_speed = {
        let session = session.clone();
        Callback::from(move |v: u32| session.dispatch(Action::SetSpeed(v)))
    };
    let on_replace = on_edit.clone();
    let files_view = program_file(s, on_edit.clone());
    let note = match *notice {
        1 => Some(("off", "ui.storage-off")),
        2 => Some(("full", "ui.storage-full")),
        3 => Some(("damaged", "ui.storage-damaged")),
        _ => None,
    };
    let (phase_name, status) = match &s.phase {
        Phase::Ready => ("ready", i18n.t("ui.ready")),
        Phase::Running => ("running", i18n.t("ui.running")),
        Phase::Paused => ("paused", i18n.t("ui.paused")),
        Phase::Finished { success: true } => ("success", i18n.t("ui.all-goals-met")),
        Phase::Finished { success: false } => ("finished", i18n.t("ui.goals-not-met")),
        Phase::Failed(d) => {
            let line = s.active_line.map(|l| format!("{}: ", i18n.f("ui.line", &[("line", l.to_string())])));
            ("failed", format!("{}{}", line.unwrap_or_default(), i18n.0.diagnostic(d)))
        }
    };
    let failed = matches!(s.phase, Phase::Failed(_));
    let (variant, variants) = s.variant();
    let (passed, _) = s.variants_passed();
    let success = s.phase == (Phase::Finished { success: true });
    let star_rule =
        s.lesson.stars.as_ref().map(|r| i18n.f("ui.star-rule", &[("count", r.max_blocks.to_string())]));

    #[cfg(feature = "full")]
    let teacher_demo = {
        let action = if s.demonstrating() { Action::PutBack } else { Action::ShowSolution };
        let tools = super::predict_panel::teacher_tools(s, &predict, &end, &i18n);
        teacher_view(props.teacher, texts, lang, &i18n, s.demonstrating(), click(action), tools)
    };
    // Predicting, Run too pauses before each step and asks (the teacher goes on with Run or
    // Step once the class has seen the move).
    #[cfg(feature = "full")]
    let (on_run, on_step, predict_view) = (
        super::end_guess::gated(&end, if predict.on { predict.run.clone() } else { send(|| Action::Run) }),
        super::end_guess::gated(&end, predict.step.clone()),
        html! {
            <>
                { super::end_guess::end_panel(s, &end, &i18n) }
                if let Some(question) = predict.question.clone() {
                    <super::predict_panel::PredictPanel {question} on_pick={predict.pick.clone()} />
                }
            </>
        },
    );
    #[cfg(feature = "full")]
    let over = super::end_guess::end_layer(s, &end, &i18n);
    #[cfg(not(feature = "full"))]
    let over = Html::default();
    #[cfg(not(feature = "full"))]
    let (on_run, on_step, predict_view) = (send(|| Action::Run), send(|| Action::Step), Html::default());
    #[cfg(not(feature = "full"))]
    let teacher_demo = teacher_view(props.teacher, texts, lang, &i18n);

    html! {
        <main class="lesson" data-testid="lesson" data-lesson-id={s.lesson.id.clone()}>
            <section class="panel lesson-panel">
                // Texts come from the lesson as last fetched, in the pupil's language; the
                // session's copy (same world, goals and programs) keeps running.
                <h1 data-testid="lesson-title">{ texts.title.get(lang) }</h1>
                <Instructions text={texts.instructions.get(lang).to_string()} />
                if let Some(rule) = star_rule {
                    <p class="star-rule">{ "★ " }{ rule }</p>
                }
                <GoalList goals={s.goals.clone()} {success} />
                if s.hints_shown() > 0 {
                    <section class="hints" data-testid="hints">
                        <h2>{ i18n.t("ui.hints") }</h2>
                        { for texts.hints.iter().take(s.hints_shown()).map(|h| html! {
                            <Instructions text={h.get(lang).to_string()} />
                        }) }
                    </section>
                }
                { teacher_demo }
            </section>
            <section class="panel editor-panel">
                <h2>{ i18n.t("ui.program") }</h2>
                if let Some((name, key)) = note {
                    <p class="storage-note" role="status" data-testid="storage-note" data-trouble={name}>{ i18n.t(key) }</p>
                }
                { link_prompt(s, code, on_edit.clone()) }
                <div class="view-tabs" role="group">
                    <button data-testid="view-blocks" aria-pressed={(*blocks_view).to_string()} onclick={show_view(true)}>
                        { i18n.t("ui.view-blocks") }
                    </button>
                    <button data-testid="view-text" aria-pressed={(!*blocks_view).to_string()} onclick={show_view(false)}>
                        { i18n.t("ui.view-text") }
                    </button>
                </div>
                if *blocks_view {
                    <BlockEditor source={s.source.clone()} lang={code} lesson={s.lesson.clone()} active={s.shown_block()} error={failed} {on_edit} />
                } else {
                    { text_editor(s, code, failed, on_edit) }
                }
                <RunControls
                    running={s.is_running()}
                    speed={s.speed}
                    {on_run}
                    {on_step}
                    on_pause={send(|| Action::Pause)}
                    on_reset={send(|| Action::Reset)}
                    {on_speed}
                >{ step_buttons }</RunControls>
                <p class={format!("status {phase_name}")} data-testid="status" data-phase={phase_name} role="status" aria-live="polite">
                    { with_code(&status) }
                </p>
                <p class="restore">
                    if s.put_aside.is_some() {
                        <button data-testid="undo-restore" onclick={click(Action::UndoRestore)}>{ i18n.t("ui.undo-restore") }</button>
                    } else {
                        <button data-testid="restore-starter" onclick={{
                            // The program it replaces is kept as an earlier version first.
                            let session = session.clone();
                            Callback::from(move |_| {
                                storage::keep_version(&session.0.lesson.id, session.0.lang, &session.0.source);
                                session.dispatch(Action::RestoreStarter);
                            })
                        }}>{ i18n.t("ui.restore-starter") }</button>
                    }
                </p>
                { program_tools(s, code, on_replace) }
                { files_view }
                <p class="saved">{ if note.is_none() { i18n.t("ui.saved") + " · " } else { String::new() } }{ i18n.f("ui.steps", &[("count", s.steps.to_string())]) }</p>
            </section>
            <section class="panel stage-panel">
                <h2>{ i18n.t("ui.stage") }</h2>
                if variants > 1 {
                    <p class="variant" data-testid="variant" data-passed={passed.to_string()}>
                        { i18n.f("ui.variant", &[("index", (variant + 1).to_string()), ("count", variants.to_string())]) }
                        { " · " }
                        { i18n.f("ui.variants-passed", &[("passed", passed.to_string()), ("count", variants.to_string())]) }
                    </p>
                }
                { stage(s.shown_world(), &tafukt_lesson::goals::guides(&s.lesson.goals), &i18n, over) }
                { timeline_bar(s, on_scrub) }
                { ai_panels(s.shown_world(), &s.lesson.goals) }
                { predict_view }
                // Under the world: the lesson's end never moves the program or the robot.
                if s.stars() > 0 {
                    <div class="complete" data-testid="complete" data-stars={s.stars().to_string()} role="status">
                        <p class="stars">{ "✓" }{ if s.stars() > 1 { " ★" } else { "" } }</p>
                        <p>{ i18n.t("ui.lesson-complete") }</p>
                        if s.stars() == 1 {
                            if let Some(rule) = s.lesson.stars.as_ref() {
                                <p class="hint">{ i18n.f("ui.star-rule", &[("count", rule.max_blocks.to_string())]) }</p>
                            }
                        }
                        if let Some(next) = props.on_next.clone() {
                            // Its arrow is app.css's (`.onward::after`): it points the way of reading.
                            <button class="primary onward" data-testid="complete-next" onclick={Callback::from(move |_| next.emit(()))}>
                                { i18n.t("ui.next-lesson") }
                            </button>
                        }
                    </div>
                    if !texts.quiz.is_empty() {
                        // Questions to think about: tap an answer, see at once if it is right.
                        <section class="quiz" data-testid="quiz">
                            <h2>{ i18n.t("ui.quiz") }</h2>
                            { for texts.quiz.iter().enumerate().map(|(q, question)| {
                                let picked = s.quiz_answers.get(q).copied().flatten();
                                let right = picked == Some(question.answer);
                                html! {
                                    <fieldset class="question">
                                        <Instructions text={question.question.get(lang).to_string()} />
                                        { for question.choices.iter().enumerate().map(|(c, choice)| html! {
                                            <button onclick={click(Action::Answer(q, c as u32))}
                                                aria-pressed={(picked == Some(c as u32)).to_string()}>
                                                { choice.get(lang) }
                                            </button>
                                        }) }
                                        if picked.is_some() {
                                            <p class={if right { "right" } else { "wrong" }} role="status">
                                                { i18n.t(if right { "ui.quiz-right" } else { "ui.quiz-wrong" }) }
                                            </p>
                                        }
                                    </fieldset>
                                }
                            }) }
                        </section>
                    }
                }
                if !s.world.said().is_empty() {
                    <div class="said" data-testid="said">
                        <span>{ i18n.t("ui.said") }</span>
                        <ul>{ for s.world.said().iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                    </div>
                }
            </section>
        </main>
    }
}
