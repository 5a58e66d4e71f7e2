//! The lesson view's parts that only the full app has (teacher mode's tools and the
//! reference solution, the AI panels, the text view, the timeline bar, earlier versions and
//! share links), and the core app's stand-ins for them, so the lesson view reads the same in
//! both builds.

#[cfg(feature = "full")]
use std::rc::Rc;

use tafukt_lang::Lang;
use tafukt_lesson::Lesson;
use yew::prelude::*;

#[cfg(feature = "full")]
use super::editor::Editor;
#[cfg(feature = "full")]
use super::timeline_bar::TimelineBar;
use crate::session::Session;

/// What teacher mode adds to a lesson (a full-app part: the core app hands teacher mode
/// over to the full app): the lesson's teacher notes, the translation's review flag, the
/// reference solution, and a button that puts it in the editor to step through (then the
/// pupil's program back); `tools` are the prediction switches (`predict_panel`).
#[cfg(feature = "full")]
pub(super) fn teacher_view(
    teacher: bool,
    texts: &Rc<Lesson>,
    lang: Lang,
    i18n: &super::i18n::I18n,
    demonstrating: bool,
    on_demo: Callback<MouseEvent>,
    // Predict-then-run's switches (none for the robot on wheels).
    tools: Html,
) -> Html {
    if !teacher {
        return Html::default();
    }
    html! {
        <>
            <super::teacher_notes::TeacherNotes id={texts.id.clone()} {lang} />
            <div class="demonstration" data-testid="demonstration" data-demonstrating={demonstrating.to_string()}>
                <button class="primary" data-testid="demo-toggle" onclick={on_demo}>
                    { i18n.t(if demonstrating { "presenter.put-back" } else { "presenter.show-solution" }) }
                </button>
                { tools }
                <button data-testid="print-sheet" onclick={Callback::from(|_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                })}>
                    { "🖨 " }{ i18n.t("presenter.print") }
                </button>
                if demonstrating {
                    <p role="status">{ i18n.t("presenter.demonstrating") }</p>
                }
            </div>
            if !texts.reviewed.iter().any(|t| t == lang.tag()) {
                <p class="unreviewed" data-testid="unreviewed">{ i18n.t("ui.translation-unreviewed") }</p>
            }
            <super::lesson_sheet::LessonSheet lesson={texts.clone()} {lang} />
            <section class="teacher-solution" data-testid="solution">
                <h2>{ i18n.t("ui.solution") }</h2>
                <pre dir={if lang.is_rtl() { "rtl" } else { "ltr" }}>
                    { crate::session::translate(&texts.solution, Lang::En, lang).unwrap_or_else(|| texts.solution.clone()) }
                </pre>
            </section>
        </>
    }
}

#[cfg(not(feature = "full"))]
pub(super) fn teacher_view(_: bool, _: &Lesson, _: Lang, _: &super::i18n::I18n) -> Html {
    Html::default()
}

/// This lesson's program saved to a file and a program file opened (a full-app part).
#[cfg(feature = "full")]
pub(super) fn program_file(s: &Session, on_replace: Callback<String>) -> Html {
    html! { <super::program_file::ProgramFileButtons lesson={s.lesson.id.clone()} lang={s.lang} source={s.source.clone()} {on_replace} /> }
}

#[cfg(not(feature = "full"))]
pub(super) fn program_file(_: &Session, _: Callback<String>) -> Html {
    Html::default()
}

/// The AI panels under the stage (a full-app part: AI lessons are played by the full app).
#[cfg(feature = "full")]
pub(super) fn ai_panels(world: &tafukt_world::World, goals: &[tafukt_lesson::Goal]) -> Html {
    match world {
        tafukt_world::World::Grid(g) => super::ai_view::ai_view(g, goals),
        _ => Html::default(),
    }
}

#[cfg(not(feature = "full"))]
pub(super) fn ai_panels(_: &tafukt_world::World, _: &[tafukt_lesson::Goal]) -> Html {
    Html::default()
}

/// The text view (a full-app part: the core app hands over when it is chosen).
#[cfg(feature = "full")]
pub(super) fn text_editor(s: &Session, lang: Lang, failed: bool, on_edit: Callback<String>) -> Html {
    html! { <Editor source={s.source.clone()} {lang} active_line={s.shown_line()} error={failed} {on_edit} /> }
}

#[cfg(not(feature = "full"))]
pub(super) fn text_editor(_: &Session, _: Lang, _: bool, _: Callback<String>) -> Html {
    html! { <p class="loading" aria-busy="true"></p> }
}

/// The timeline under the stage, to step back and scrub through a run (a full-app part:
/// lesson 1 is played without it).
#[cfg(feature = "full")]
pub(super) fn timeline_bar(s: &Session, on_scrub: Callback<usize>) -> Html {
    html! { <TimelineBar frames={s.timeline.len()} position={s.timeline.position()} {on_scrub} /> }
}

#[cfg(not(feature = "full"))]
pub(super) fn timeline_bar(_: &Session, _: Callback<usize>) -> Html {
    Html::default()
}

/// The program's earlier versions and its share link (full-app parts). The core app has no
/// stand-in for them: every first-lesson byte counts, versions are kept by the core app too,
/// and they show as soon as the full app runs (any other part hands over to it).
#[cfg(feature = "full")]
pub(super) fn program_tools(s: &Session, lang: Lang, on_restore: Callback<String>) -> Html {
    let (lesson, source) = (s.lesson.id.clone(), s.source.clone());
    html! {
        <div class="program-tools">
            <super::history_panel::HistoryPanel lesson={lesson.clone()} {lang} source={source.clone()} {on_restore} />
            <super::share_panel::SharePanel {lesson} {lang} {source} />
        </div>
    }
}

#[cfg(not(feature = "full"))]
pub(super) fn program_tools(_: &Session, _: Lang, _: Callback<String>) -> Html {
    Html::default()
}

/// What a share link the page was opened with asks or says (full app: the core app hands
/// such a page over).
#[cfg(feature = "full")]
pub(super) fn link_prompt(s: &Session, lang: Lang, on_replace: Callback<String>) -> Html {
    html! {
        <super::share_panel::LinkPrompt lesson={s.lesson.id.clone()} {lang} source={s.source.clone()}
            starter={s.lesson.starter.clone()} {on_replace} />
    }
}

#[cfg(not(feature = "full"))]
pub(super) fn link_prompt(_: &Session, _: Lang, _: Callback<String>) -> Html {
    Html::default()
}
