//! The teacher studio (studio app): the teacher's own lessons on this device (play, change,
//! export, delete), a lesson file taken in, and the lesson editor: the world, the texts in
//! each language with a live preview, the toolbox, goals, star rule, starter and solution,
//! checked as the teacher goes by the same code as `tafukt check`, each problem beside its
//! field. Every edit is saved on the device at once; the lesson model is `crate::studio`.

use std::rc::Rc;

use tafukt_i18n::Catalog;
use tafukt_lang::{Diagnostic, Lang};
use tafukt_lesson::check::{lesson_problems, Words};
use tafukt_lesson::markdown::to_rich_text;
use tafukt_lesson::model::{CourseIndex, Unit};
use tafukt_lesson::problem::{Field, Problem, Scope};
use tafukt_lesson::runner::toolbox_words;
use tafukt_lesson::share_link::{self, LinkError};
use tafukt_lesson::{Goal, GoalReport, Lesson, Localized};
use tafukt_world::GridSpec;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::block_editor::BlockEditor;
use super::editor::Editor;
use super::i18n::{use_i18n, I18n};
use super::instructions::Instructions;
use super::language_picker::native_name;
use super::stage::stage;
use super::studio_arena::StudioArena;
use super::studio_world::{StudioWorld, Tap, CELL};
use crate::services::{files, page, storage};
use crate::session::translate;
use crate::studio::{
    blank_lesson, concepts_from_text, edit_quiz, end_square, from_file, grid_mut, heading_varies, is_pack,
    items_wanted, lesson_goal_choices, lesson_toolbox_choices, lessons_from_file, maze_varies, new_id,
    pack_to_file, resize, set_heading_varies, set_maze_varies, set_text, settle_mark_goal, star_rule,
    tap_lesson, to_file, toggle_goal, toggle_toolbox, Draft, ImportError, QuizEdit, Tool, MAX_CHOICES,
    MAX_HINTS, MAX_PACK_BYTES, MAX_QUESTIONS, SEEDS,
};
use crate::studio_arena::{
    arena_heading_varies, arena_mut, end_area, resize_arena, set_arena_heading_varies, set_kind, stroke,
    ArenaTool,
};
use tafukt_lang::blocks::Slot;
use tafukt_world::World;

/// Where the robot must end (the end square of a grid, the end area of an arena), drawn over
/// each world pupils meet.
fn end_mark(lesson: &Lesson) -> Html {
    if let Some((x, y)) = end_square(&lesson.goals) {
        let (x, y, side) = (x * CELL + 3, y * CELL + 3, CELL - 6);
        return html! {
            <rect class="studio-end" x={x.to_string()} y={y.to_string()} width={side.to_string()} height={side.to_string()} rx="6" />
        };
    }
    match end_area(&lesson.goals) {
        Some((x, y, w, h)) => html! {
            <rect class="studio-end-area" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} />
        },
        None => Html::default(),
    }
}

/// The course with the teacher's own lessons as a last unit (`title` in `lang`), if any.
pub fn with_own_lessons(index: &Rc<CourseIndex>, title: &str, lang: Lang) -> Rc<CourseIndex> {
    let own = storage::own_lesson_ids();
    if own.is_empty() || index.courses.is_empty() {
        return index.clone();
    }
    let mut course = (**index).clone();
    let mut name = Localized::default();
    name.0.insert(lang.tag().to_string(), title.to_string());
    course.courses[0].units.push(Unit { id: "my-lessons".into(), title: name, lessons: own });
    Rc::new(course)
}

/// Run-time messages and goals in the teacher's language, for the checker's problems.
struct CatalogWords<'a>(&'a Catalog);

impl Words for CatalogWords<'_> {
    fn diagnostic(&self, d: &Diagnostic) -> String {
        self.0.diagnostic(d)
    }
    fn goal(&self, report: &GoalReport) -> String {
        let args: Vec<(&str, String)> = (report.args.iter())
            .map(|(n, v)| (*n, if *n == "colour" { self.0.get(&format!("colour.{v}")) } else { v.clone() }))
            .collect();
        self.0.format(report.key, &args)
    }
}

/// The lesson open in the editor, with its programs as the teacher typed them (in the
/// language of the page) and its problems for the version they were found on.
struct Open {
    draft: Draft,
    /// The programs as typed, in `texts_lang`.
    starter: String,
    solution: String,
    texts_lang: Lang,
    checked: Option<(Lesson, Rc<Vec<Problem>>)>,
}

impl Open {
    fn new(lesson: Lesson, lang: Lang) -> Open {
        let mut open = Open {
            draft: Draft::new(lesson),
            starter: String::new(),
            solution: String::new(),
            texts_lang: lang,
            checked: None,
        };
        open.programs_from_lesson(lang);
        open
    }

    /// The programs as the lesson holds them (English), shown in `lang`.
    fn programs_from_lesson(&mut self, lang: Lang) {
        let shown = |text: &str| translate(text, Lang::En, lang).unwrap_or_else(|| text.to_string());
        self.starter = shown(&self.draft.lesson.starter);
        self.solution = shown(&self.draft.lesson.solution);
        self.texts_lang = lang;
    }

    fn problems(&mut self) -> Rc<Vec<Problem>> {
        match &self.checked {
            Some((lesson, problems)) if *lesson == self.draft.lesson => problems.clone(),
            _ => {
                let problems = Rc::new(lesson_problems(&self.draft.lesson, Scope::Own));
                self.checked = Some((self.draft.lesson.clone(), problems.clone()));
                problems
            }
        }
    }
}

/// An edit of the lesson by a value the teacher typed or picked.
type LessonEdit = dyn Fn(&mut Lesson, String);

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Plays one of the teacher's lessons (by id) as pupils do.
    pub on_play: Callback<String>,
    pub on_close: Callback<()>,
}

/// A text of the questions, by its place.
#[derive(Clone, Copy)]
enum QuizField {
    Question(usize),
    Choice(usize, usize),
}

/// What the studio says after a file was picked or a lesson exported.
#[derive(Clone, PartialEq)]
enum Said {
    Nothing,
    Refused(String),
    /// Refused, in words looked up when drawn (a link is read before the studio's words
    /// have arrived).
    RefusedKey(&'static str),
    Done(String),
    /// A link that carries the lesson, to copy and send.
    Link(String),
}

fn refusal(i18n: &I18n, e: &ImportError) -> String {
    match e {
        ImportError::TooBig(kb) => i18n.f("studio.import-too-big", &[("kb", kb.to_string())]),
        ImportError::Unreadable(problem) => {
            i18n.f("studio.import-unreadable", &[("problem", problem.clone())])
        }
    }
}

fn value_of(e: &InputEvent) -> String {
    if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
        return area.value();
    }
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// The problems of one field, each in the teacher's language.
fn problem_list(i18n: &I18n, problems: &[Problem], field: Field, name: &str) -> Html {
    let words = CatalogWords(&i18n.0);
    let mine: Vec<&Problem> = problems.iter().filter(|p| p.field() == field).collect();
    if mine.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="studio-problems" role="alert" data-testid={format!("studio-problems-{name}")}>
            { for mine.into_iter().map(|p| {
                let (key, mut args) = p.message(&words);
                for (n, v) in args.iter_mut() {
                    if *n == "lang" {
                        *v = Lang::from_tag(v).map_or(v.clone(), |l| native_name(l).to_string());
                    }
                }
                html! { <li data-testid="studio-problem" data-key={key}>{ i18n.f(key, &args) }</li> }
            }) }
        </ul>
    }
}

/// The address of this page with a lesson in it (`#l=…`), or `None` when it would be too long.
fn lesson_link(lesson: &Lesson) -> Option<String> {
    let payload = share_link::pack(to_file(lesson).as_bytes());
    if payload.len() > share_link::MAX_ENCODED {
        return None;
    }
    let href = web_sys::window()?.location().href().ok()?;
    let bare = href.split('#').next().unwrap_or_default();
    Some(format!("{bare}{}{payload}", share_link::LESSON_FRAGMENT))
}

/// Takes a picked file's or a link's lessons onto the device (a lesson of the same name is
/// never replaced: the newcomer gets a name of its own) and says so; a single lesson opens
/// in the editor. Returns the ids the lessons were kept under.
fn take_in(
    bytes: &[u8],
    i18n: &I18n,
    said: &UseStateHandle<Said>,
    open_lesson: &Rc<dyn Fn(Lesson)>,
) -> Vec<String> {
    let lessons = match lessons_from_file(bytes) {
        Ok(lessons) => lessons,
        Err(e) => {
            said.set(Said::Refused(refusal(i18n, &e)));
            return vec![];
        }
    };
    let pack = is_pack(bytes);
    let mut kept = Vec::new();
    for mut lesson in lessons {
        let taken = storage::own_lesson_ids();
        let same = storage::own_lesson(&lesson.id).is_some_and(|t| t == to_file(&lesson));
        if taken.contains(&lesson.id) && !same {
            lesson.id = new_id(js_sys::Date::now() as u64, &taken);
        }
        storage::save_own_lesson(&lesson.id, &to_file(&lesson));
        kept.push(lesson);
    }
    let ids: Vec<String> = kept.iter().map(|l| l.id.clone()).collect();
    match kept.pop() {
        Some(lesson) if !pack => {
            open_lesson(lesson);
            said.set(Said::Done(i18n.t("studio.imported")));
        }
        _ => said.set(Said::Done(i18n.f("studio.imported-pack", &[("count", ids.len().to_string())]))),
    }
    ids
}

#[component]
pub fn Studio(props: &Props) -> Html {
    let i18n = use_i18n();
    let lang = props.lang;
    let open = use_mut_ref(|| None::<Open>);
    let redraw = use_force_update();
    let tool = use_state(|| Tool::Wall);
    let arena_tool = use_state(|| ArenaTool::Box);
    let colour = use_state(|| "black");
    let text_lang = use_state(|| lang);
    let said = use_state(|| Said::Nothing);
    let armed = use_state(|| None::<String>);
    let file_input = use_node_ref();
    let saved_ok = use_state(|| true);
    let solution_tab = use_state(|| false);
    let blocks_view = use_state(|| true);

    // Applies an edit to the open lesson and keeps it on the device at once.
    let edit = {
        let (open, redraw, saved_ok) = (open.clone(), redraw.clone(), saved_ok.clone());
        Rc::new(move |f: Box<dyn FnOnce(&mut Open)>| {
            let mut slot = open.borrow_mut();
            let Some(o) = slot.as_mut() else { return };
            f(o);
            saved_ok.set(storage::save_own_lesson(&o.draft.lesson.id, &to_file(&o.draft.lesson)));
            drop(slot);
            redraw.force_update();
        })
    };
    let lesson_edit = |f: Rc<LessonEdit>| {
        let edit = edit.clone();
        Callback::from(move |value: String| {
            let f = f.clone();
            edit(Box::new(move |o: &mut Open| o.draft.edit(|l| f(l, value))));
        })
    };
    let open_lesson: Rc<dyn Fn(Lesson)> = {
        let (open, redraw, said) = (open.clone(), redraw.clone(), said.clone());
        Rc::new(move |lesson: Lesson| {
            *open.borrow_mut() = Some(Open::new(lesson, lang));
            said.set(Said::Nothing);
            redraw.force_update();
        })
    };

    // A page opened with a lesson link (`#l=…`, web/boot.js hands it to this app): the lesson
    // joins the teacher's (or pupil's) lessons and plays at once; a broken link changes nothing.
    // Once the studio's words have arrived (the later half of the catalogue), so whatever it
    // says about the link is in the teacher's language.
    let link_taken = use_mut_ref(|| false);
    {
        let (i18n, said, open_lesson, on_play) =
            (i18n.clone(), said.clone(), open_lesson.clone(), props.on_play.clone());
        use_effect_with(i18n.clone(), move |_| {
            let words_here = i18n.t("studio.link-broken") != "studio.link-broken";
            if !words_here || std::mem::replace(&mut *link_taken.borrow_mut(), true) {
                return;
            }
            if let Some(payload) = page::take_fragment(share_link::LESSON_FRAGMENT) {
                match share_link::unpack(&payload) {
                    Ok(bytes) => {
                        if let [id] = &take_in(&bytes, &i18n, &said, &open_lesson)[..] {
                            on_play.emit(id.clone());
                        }
                    }
                    Err(LinkError::TooLarge) => said.set(Said::RefusedKey("studio.link-too-long")),
                    Err(LinkError::Malformed) => said.set(Said::RefusedKey("studio.link-broken")),
                }
            }
        });
    }
    let on_new = {
        let (open_lesson, saved_ok) = (open_lesson.clone(), saved_ok.clone());
        Callback::from(move |_: MouseEvent| {
            let id = new_id(js_sys::Date::now() as u64, &storage::own_lesson_ids());
            let lesson = blank_lesson(&id);
            saved_ok.set(storage::save_own_lesson(&id, &to_file(&lesson)));
            open_lesson(lesson);
        })
    };
    let on_pick = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_picked = {
        let (said, i18n, open_lesson) = (said.clone(), i18n.clone(), open_lesson.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(file) = files::take_picked(&input).into_iter().next() else { return };
            let (said, i18n, open_lesson) = (said.clone(), i18n.clone(), open_lesson.clone());
            spawn_local(async move {
                let bytes = match files::read(&file, MAX_PACK_BYTES).await {
                    Ok(bytes) => bytes,
                    Err(files::ReadError::Refused(_)) => {
                        return said
                            .set(Said::Refused(refusal(&i18n, &ImportError::TooBig(MAX_PACK_BYTES / 1024))))
                    }
                    Err(files::ReadError::Failed) => {
                        return said.set(Said::Refused(i18n.t("studio.import-failed")))
                    }
                };
                take_in(&bytes, &i18n, &said, &open_lesson);
            });
        })
    };
    let export = |lesson: &Lesson| {
        let (said, i18n, lesson) = (said.clone(), i18n.clone(), lesson.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.json", lesson.id);
            said.set(if files::download(&name, &to_file(&lesson)) {
                Said::Done(i18n.f("studio.exported", &[("file", name)]))
            } else {
                Said::Refused(i18n.t("studio.export-failed"))
            });
        })
    };
    let export_pack = |lessons: &[Lesson]| {
        let (said, i18n, lessons) = (said.clone(), i18n.clone(), lessons.to_vec());
        Callback::from(move |_: MouseEvent| {
            let name = format!("tafukt-lessons-{}.json", files::today());
            said.set(if files::download(&name, &pack_to_file(&lessons)) {
                Said::Done(
                    i18n.f("studio.exported-pack", &[("file", name), ("count", lessons.len().to_string())]),
                )
            } else {
                Said::Refused(i18n.t("studio.export-failed"))
            });
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let said_view = match &*said {
        Said::Nothing => Html::default(),
        Said::Refused(text) => html! {
            <div class="error-card studio-said" role="alert" data-testid="studio-import-error"><p>{ text }</p></div>
        },
        Said::RefusedKey(key) => html! {
            <div class="error-card studio-said" role="alert" data-testid="studio-import-error"><p>{ i18n.t(key) }</p></div>
        },
        Said::Done(text) => {
            html! { <p class="studio-said" role="status" data-testid="studio-said">{ text }</p> }
        }
        Said::Link(url) => html! {
            <div class="studio-said" role="status">
                <label class="studio-field">
                    <span>{ i18n.t("studio.link-ready") }</span>
                    <input type="text" readonly=true dir="ltr" data-testid="studio-link" value={url.clone()}
                        onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                                input.select();
                            }
                        })} />
                </label>
            </div>
        },
    };
    let not_saved = if *saved_ok {
        Html::default()
    } else {
        html! { <p class="studio-said" role="alert" data-testid="studio-not-saved">{ i18n.t("studio.not-saved") }</p> }
    };
    let file_picker = html! {
        <input type="file" accept=".json,application/json" hidden=true ref={file_input.clone()}
            data-testid="studio-import-file" onchange={on_picked} />
    };

    let mut slot = open.borrow_mut();
    let Some(o) = slot.as_mut() else {
        drop(slot);
        // The list of the teacher's lessons on this device.
        let ids = storage::own_lesson_ids();
        let lessons: Vec<Lesson> = ids
            .iter()
            .filter_map(|id| storage::own_lesson(id))
            .filter_map(|t| from_file(t.as_bytes()).ok())
            .collect();
        return html! {
            <section class="studio" data-testid="studio-panel" aria-labelledby="studio-heading">
                <div class="studio-head">
                    <h2 id="studio-heading">{ i18n.t("studio.title") }</h2>
                    <button class="primary" data-testid="studio-new" onclick={on_new}>{ i18n.t("studio.new") }</button>
                    <button data-testid="studio-import" onclick={on_pick}>{ i18n.t("studio.import") }</button>
                    if !lessons.is_empty() {
                        <button data-testid="studio-export-pack" onclick={export_pack(&lessons)}>{ i18n.t("studio.export-pack") }</button>
                    }
                    <button data-testid="studio-close" onclick={close}>{ i18n.t("studio.close") }</button>
                    { file_picker }
                </div>
                { said_view }
                { not_saved }
                if lessons.is_empty() {
                    <p class="studio-empty" data-testid="studio-empty">{ i18n.t("studio.empty") }</p>
                }
                <ul class="studio-lessons" data-testid="studio-lessons">
                    { for lessons.iter().map(|l| {
                        let id = l.id.clone();
                        let title = l.title.get(lang);
                        let title = if title.is_empty() { i18n.t("studio.untitled") } else { title.to_string() };
                        let play = {
                            let (on_play, id) = (props.on_play.clone(), id.clone());
                            Callback::from(move |_: MouseEvent| on_play.emit(id.clone()))
                        };
                        let change = {
                            let (open_lesson, l) = (open_lesson.clone(), l.clone());
                            Callback::from(move |_: MouseEvent| open_lesson(l.clone()))
                        };
                        let is_armed = armed.as_deref() == Some(id.as_str());
                        let delete = {
                            let (armed, id, redraw) = (armed.clone(), id.clone(), redraw.clone());
                            Callback::from(move |_: MouseEvent| {
                                if armed.as_deref() == Some(id.as_str()) {
                                    storage::remove_own_lesson(&id);
                                    armed.set(None);
                                    redraw.force_update();
                                } else {
                                    armed.set(Some(id.clone()));
                                }
                            })
                        };
                        html! {
                            <li data-testid="studio-lesson" data-id={id.clone()}>
                                <span class="studio-lesson-title">{ title }</span>
                                <button class="primary" data-testid="studio-lesson-play" onclick={play}>{ i18n.t("studio.play") }</button>
                                <button data-testid="studio-lesson-edit" onclick={change}>{ i18n.t("studio.edit") }</button>
                                <button data-testid="studio-lesson-export" onclick={export(l)}>{ i18n.t("studio.export") }</button>
                                <button data-testid="studio-lesson-delete" class={classes!(is_armed.then_some("armed"))} onclick={delete}>
                                    { if is_armed { i18n.t("studio.delete-confirm") } else { i18n.t("studio.delete") } }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        };
    };

    // The editor; the programs follow a change of the page's language.
    if o.texts_lang != lang {
        o.programs_from_lesson(lang);
    }
    let problems = o.problems();
    let lesson = o.draft.lesson.clone();
    let (starter_text, solution_text) = (o.starter.clone(), o.solution.clone());
    let (can_undo, can_redo) = (o.draft.can_undo(), o.draft.can_redo());
    drop(slot);
    let grid = match &lesson.world {
        tafukt_world::WorldSpec::Grid(g) => Some(g.clone()),
        _ => None,
    };
    let arena = match &lesson.world {
        tafukt_world::WorldSpec::Arena(a) => Some(a.clone()),
        _ => None,
    };
    let history = |undo: bool| {
        let edit = edit.clone();
        Callback::from(move |_: MouseEvent| {
            edit(Box::new(move |o: &mut Open| {
                if undo {
                    o.draft.undo();
                } else {
                    o.draft.redo();
                }
                o.programs_from_lesson(lang);
            }))
        })
    };
    let back = {
        let (open, redraw, said) = (open.clone(), redraw.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            *open.borrow_mut() = None;
            said.set(Said::Nothing);
            redraw.force_update();
        })
    };
    let play = {
        let (on_play, id) = (props.on_play.clone(), lesson.id.clone());
        Callback::from(move |_: MouseEvent| on_play.emit(id.clone()))
    };
    let on_tap = {
        let (edit, tool) = (edit.clone(), *tool);
        Callback::from(move |t: Tap| {
            edit(Box::new(move |o: &mut Open| o.draft.edit(|l| tap_lesson(l, tool, t.x, t.y, t.fx, t.fy))))
        })
    };
    let on_resize = {
        let edit = edit.clone();
        Callback::from(move |(w, h): (u32, u32)| {
            edit(Box::new(move |o: &mut Open| {
                o.draft.edit(|l| {
                    if let Some(g) = grid_mut(l) {
                        resize(g, w, h);
                        let (w, h) = (g.width, g.height);
                        // An end square that fell outside goes with it.
                        l.goals.retain(|goal| {
                            !matches!(goal, Goal::RobotAt { x, y } | Goal::ItemsAt { x, y, .. } if *x >= w || *y >= h)
                        });
                        settle_mark_goal(l);
                    }
                })
            }))
        })
    };
    // A seeded rule of the grid switched on or off (the heading each world chooses, a maze
    // in each world).
    let rule_toggle = |varies: fn(&GridSpec) -> bool, set: fn(&mut GridSpec, bool)| {
        let edit = edit.clone();
        Callback::from(move |_: Event| {
            edit(Box::new(move |o: &mut Open| {
                o.draft.edit(|l| {
                    if let Some(g) = grid_mut(l) {
                        set(g, !varies(g));
                    }
                })
            }))
        })
    };
    let heading_toggle = rule_toggle(heading_varies, set_heading_varies);
    let maze_toggle = rule_toggle(maze_varies, set_maze_varies);
    let on_tool = {
        let tool = tool.clone();
        Callback::from(move |t: Tool| tool.set(t))
    };
    // The arena's tools: a stroke of a finger, its size, the heading each world turns.
    let on_arena_tool = {
        let tool = arena_tool.clone();
        Callback::from(move |t: ArenaTool| tool.set(t))
    };
    let on_colour = {
        let colour = colour.clone();
        Callback::from(move |c: &'static str| colour.set(c))
    };
    let on_stroke = {
        let (edit, tool, colour) = (edit.clone(), *arena_tool, *colour);
        Callback::from(move |points: Vec<(i32, i32)>| {
            edit(Box::new(move |o: &mut Open| o.draft.edit(|l| stroke(l, tool, colour, &points))))
        })
    };
    let on_arena_resize = {
        let edit = edit.clone();
        Callback::from(move |(w, h): (i32, i32)| {
            edit(Box::new(move |o: &mut Open| o.draft.edit(|l| resize_arena(l, w, h))))
        })
    };
    let arena_heading_toggle = {
        let edit = edit.clone();
        Callback::from(move |_: Event| {
            edit(Box::new(move |o: &mut Open| {
                o.draft.edit(|l| {
                    if let Some(a) = arena_mut(l) {
                        set_arena_heading_varies(a, !arena_heading_varies(a));
                    }
                })
            }))
        })
    };
    let kind = |to_arena: bool| {
        let edit = edit.clone();
        Callback::from(move |_: Event| {
            edit(Box::new(move |o: &mut Open| {
                o.draft.edit(|l| set_kind(l, to_arena));
                o.programs_from_lesson(lang);
            }))
        })
    };
    let varies = grid.as_ref().is_some_and(|g| g.variants.is_some())
        || arena.as_ref().is_some_and(|a| !a.seeds.is_empty());
    let world_editor = match (&grid, &arena) {
        (Some(grid), _) => html! {
            <>
                <StudioWorld grid={grid.clone()} tool={*tool} {on_tool} {on_tap} {on_resize} end={end_square(&lesson.goals)}
                    items={items_wanted(&lesson.goals)} />
                <label class="studio-check" data-testid="studio-heading-varies">
                    <input type="checkbox" checked={heading_varies(grid)} onchange={heading_toggle} />
                    <span>{ i18n.t("studio.heading-varies") }</span>
                </label>
                <label class="studio-check" data-testid="studio-maze-varies">
                    <input type="checkbox" checked={maze_varies(grid)} onchange={maze_toggle} />
                    <span>{ i18n.t("studio.maze-varies") }</span>
                </label>
            </>
        },
        (None, Some(a)) => html! {
            <>
                <StudioArena arena={a.clone()} tool={*arena_tool} colour={*colour} on_tool={on_arena_tool} {on_colour}
                    {on_stroke} on_resize={on_arena_resize} end={end_area(&lesson.goals)} />
                <label class="studio-check" data-testid="studio-heading-varies">
                    <input type="checkbox" checked={arena_heading_varies(a)} onchange={arena_heading_toggle} />
                    <span>{ i18n.t("studio.heading-varies") }</span>
                </label>
            </>
        },
        (None, None) => Html::default(),
    };
    let is_arena = arena.is_some();

    // Texts, in the language the teacher picked.
    let tl = *text_lang;
    let tag = tl.tag();
    let text_of = |t: &Localized| t.0.get(tag).cloned().unwrap_or_default();
    let title_edit = lesson_edit(Rc::new(move |l: &mut Lesson, v: String| set_text(&mut l.title, tag, &v)));
    let instructions_edit =
        lesson_edit(Rc::new(move |l: &mut Lesson, v: String| set_text(&mut l.instructions, tag, &v)));
    // Hints, shown one after another to a pupil who asks: one field per hint and an empty one
    // for the next (up to three); a hint emptied in every language goes.
    let hint_edit = |i: usize| {
        lesson_edit(Rc::new(move |l: &mut Lesson, v: String| {
            if i == l.hints.len() {
                l.hints.push(Localized::default());
            }
            if let Some(hint) = l.hints.get_mut(i) {
                set_text(hint, tag, &v);
                if hint.0.is_empty() {
                    l.hints.remove(i);
                }
            }
        }))
    };
    let hint_fields = (lesson.hints.len() + 1).min(MAX_HINTS);
    let reviewed = lesson.reviewed.iter().any(|r| r == tag);
    let reviewed_toggle = {
        let edit = lesson_edit(Rc::new(move |l: &mut Lesson, _: String| {
            if l.reviewed.iter().any(|r| r == tag) {
                l.reviewed.retain(|r| r != tag);
            } else {
                l.reviewed.push(tag.to_string());
            }
        }));
        Callback::from(move |_: Event| edit.emit(String::new()))
    };
    let instructions = text_of(&lesson.instructions);
    let preview = match to_rich_text(&instructions) {
        Ok(rich) => html! { <Instructions text={AttrValue::from(rich)} /> },
        Err(problem) => html! {
            <p class="studio-problems" role="alert" data-testid="studio-markdown-problem">
                { i18n.f("studio.markdown-problem", &[("problem", problem)]) }
            </p>
        },
    };
    let lang_tabs = html! {
        <div class="studio-langs" role="tablist" aria-label={i18n.t("studio.text-language")}>
            { for Lang::ALL.into_iter().map(|l| {
                let text_lang = text_lang.clone();
                let has = lesson.title.0.contains_key(l.tag()) || lesson.instructions.0.contains_key(l.tag());
                html! {
                    <button role="tab" aria-selected={(l == tl).to_string()} data-testid={format!("studio-lang-{}", l.tag())}
                        data-written={has.to_string()} lang={l.tag()}
                        onclick={Callback::from(move |_: MouseEvent| text_lang.set(l))}>
                        { native_name(l) }
                        if has { <span aria-hidden="true">{ " ✓" }</span> }
                    </button>
                }
            }) }
        </div>
    };
    let dir = if tl == Lang::Ar { "rtl" } else { "auto" };

    // Toolbox and goals, picked from lists.
    let toolbox_toggle =
        lesson_edit(Rc::new(|l: &mut Lesson, key: String| l.toolbox = toggle_toolbox(&l.toolbox, &key)));
    let goal_toggle =
        lesson_edit(Rc::new(|l: &mut Lesson, key: String| l.goals = toggle_goal(&l.goals, &key)));
    let checkbox = |name: &str, key: &str, on: bool, label: String, toggle: &Callback<String>| {
        let (toggle, key_owned) = (toggle.clone(), key.to_string());
        html! {
            <label class="studio-check" data-testid={format!("studio-{name}-{key}")}>
                <input type="checkbox" checked={on} onchange={Callback::from(move |_: Event| toggle.emit(key_owned.clone()))} />
                <span>{ label }</span>
            </label>
        }
    };
    // Blocks by the words pupils see; the value families by what they are, with their signs.
    let block_name = |key: &str| match key {
        "note" | "variables" | "arithmetic" | "compare" | "logic" | "lists" => {
            let signs = toolbox_words(&[key.to_string()], lang);
            i18n.f(&format!("studio.block.{key}"), &[("signs", signs)])
        }
        _ => toolbox_words(&[key.to_string()], lang),
    };
    let stars_edit = lesson_edit(Rc::new(|l: &mut Lesson, v: String| l.stars = star_rule(&v)));
    let concepts_edit = lesson_edit(Rc::new(|l: &mut Lesson, v: String| l.concepts = concepts_from_text(&v)));
    let program_edit = |solution: bool| {
        let edit = edit.clone();
        Callback::from(move |text: String| {
            edit(Box::new(move |o: &mut Open| {
                let english = translate(&text, lang, Lang::En).unwrap_or_else(|| text.clone());
                if !solution {
                    o.starter = text;
                    o.draft.edit(|l| l.starter = english);
                } else {
                    o.solution = text;
                    o.draft.edit(|l| l.solution = english);
                }
            }))
        })
    };
    // One program at a time (the starter or the solution), as blocks or as text.
    let program_text = if *solution_tab { solution_text } else { starter_text };
    let show_solution = |on: bool| {
        let solution_tab = solution_tab.clone();
        Callback::from(move |_: MouseEvent| solution_tab.set(on))
    };
    let show_blocks = |on: bool| {
        let blocks_view = blocks_view.clone();
        Callback::from(move |_: MouseEvent| blocks_view.set(on))
    };
    // The questions after the lesson, in the language of the texts.
    let quiz_apply = {
        let edit = edit.clone();
        Rc::new(move |change: QuizEdit| {
            edit(Box::new(move |o: &mut Open| o.draft.edit(|l| edit_quiz(&mut l.quiz, tag, change))))
        })
    };
    let quiz_click = |change: QuizEdit| {
        let apply = quiz_apply.clone();
        Callback::from(move |_: MouseEvent| apply(change.clone()))
    };
    let quiz_do = |change: QuizEdit| {
        let apply = quiz_apply.clone();
        Callback::from(move |_: Event| apply(change.clone()))
    };
    let quiz_input = |field: QuizField| {
        let apply = quiz_apply.clone();
        Callback::from(move |e: InputEvent| {
            let text = value_of(&e);
            apply(match field {
                QuizField::Question(i) => QuizEdit::Question(i, text),
                QuizField::Choice(i, j) => QuizEdit::Choice(i, j, text),
            })
        })
    };
    let input_cb = |cb: Callback<String>| Callback::from(move |e: InputEvent| cb.emit(value_of(&e)));

    html! {
        <section class="studio editing" data-testid="studio-editor" data-id={lesson.id.clone()} aria-labelledby="studio-heading">
            <div class="studio-head">
                <button data-testid="studio-back" onclick={back}>{ i18n.t("studio.back") }</button>
                <h2 id="studio-heading">{ i18n.t("studio.editing") }</h2>
                <button data-testid="studio-undo" onclick={history(true)} disabled={!can_undo}>{ "↶ " }{ i18n.t("studio.undo") }</button>
                <button data-testid="studio-redo" onclick={history(false)} disabled={!can_redo}>{ "↷ " }{ i18n.t("studio.redo") }</button>
                <button data-testid="studio-play" onclick={play}>{ i18n.t("studio.play") }</button>
                <button data-testid="studio-share-link" onclick={{
                    let (said, i18n, lesson) = (said.clone(), i18n.clone(), lesson.clone());
                    Callback::from(move |_: MouseEvent| said.set(match lesson_link(&lesson) {
                        Some(url) => Said::Link(url),
                        None => Said::Refused(i18n.t("studio.link-too-long")),
                    }))
                }}>{ i18n.t("studio.share-link") }</button>
                <button class="primary" data-testid="studio-export" onclick={export(&lesson)}>{ i18n.t("studio.export") }</button>
            </div>
            { said_view }
            { not_saved }
            <p class={classes!("studio-status", problems.is_empty().then_some("ok"))} role="status" data-testid="studio-status"
                data-problems={problems.len().to_string()}>
                { if problems.is_empty() { i18n.t("studio.ready") } else { i18n.f("studio.problems", &[("count", problems.len().to_string())]) } }
            </p>
            <div class="studio-columns">
                <div class="studio-column">
                    <h3>{ i18n.t("studio.world") }</h3>
                    <div class="studio-kind" role="radiogroup" aria-label={i18n.t("studio.kind")}>
                        <label class="studio-check" data-testid="studio-kind-grid">
                            <input type="radio" name="studio-kind" checked={!is_arena} onchange={kind(false)} />
                            <span>{ i18n.t("studio.kind-grid") }</span>
                        </label>
                        <label class="studio-check" data-testid="studio-kind-arena">
                            <input type="radio" name="studio-kind" checked={is_arena} onchange={kind(true)} />
                            <span>{ i18n.t("studio.kind-arena") }</span>
                        </label>
                    </div>
                    <p class="studio-help">{ i18n.t("studio.kind-help") }</p>
                    { world_editor }
                    if varies {
                        <h3>{ i18n.t("studio.seeds") }</h3>
                        <div class="studio-seeds" data-testid="studio-seeds">
                            { for SEEDS.into_iter().map(|seed| html! {
                                <figure data-seed={seed.to_string()}>
                                    { stage(&World::from_spec(&lesson.world, seed), &[], &i18n, end_mark(&lesson)) }
                                    <figcaption>{ i18n.f("studio.seed", &[("seed", seed.to_string())]) }</figcaption>
                                </figure>
                            }) }
                        </div>
                    }
                    <h3>{ i18n.t("studio.goals") }</h3>
                    <div class="studio-checks" data-testid="studio-goals">
                        { for lesson_goal_choices(&lesson).into_iter().map(|(key, goal)| {
                            checkbox("goal", key, lesson.goals.contains(&goal), i18n.t(&format!("studio.goal.{key}")), &goal_toggle)
                        }) }
                    </div>
                    <h3>{ i18n.t("studio.toolbox") }</h3>
                    <div class="studio-checks" data-testid="studio-toolbox">
                        { for lesson_toolbox_choices(&lesson).into_iter().map(|key| {
                            checkbox("toolbox", key, lesson.toolbox.iter().any(|k| k == key), block_name(key), &toolbox_toggle)
                        }) }
                    </div>
                    { problem_list(&i18n, &problems, Field::Toolbox, "toolbox") }
                </div>
                <div class="studio-column">
                    <h3>{ i18n.t("studio.texts") }</h3>
                    { lang_tabs }
                    <label class="studio-field">
                        <span>{ i18n.t("studio.lesson-title") }</span>
                        <input type="text" data-testid="studio-title" lang={tag} dir={dir} maxlength="120"
                            value={text_of(&lesson.title)} oninput={input_cb(title_edit)} />
                    </label>
                    <label class="studio-field">
                        <span>{ i18n.t("studio.instructions") }</span>
                        <textarea data-testid="studio-instructions" lang={tag} dir={dir} rows="4" maxlength="4000"
                            value={instructions.clone()} oninput={input_cb(instructions_edit)} />
                    </label>
                    <div class="studio-preview" data-testid="studio-preview" lang={tag} dir={dir}
                        aria-label={i18n.t("studio.preview")}>{ preview }</div>
                    { for (0..hint_fields).map(|i| html! {
                        <label class="studio-field">
                            <span>{ i18n.f("studio.hint-n", &[("n", (i + 1).to_string())]) }</span>
                            <textarea data-testid="studio-hint" lang={tag} dir={dir} rows="2" maxlength="1000"
                                value={lesson.hints.get(i).map(text_of).unwrap_or_default()} oninput={input_cb(hint_edit(i))} />
                        </label>
                    }) }
                    <label class="studio-check" data-testid="studio-reviewed">
                        <input type="checkbox" checked={reviewed} onchange={reviewed_toggle} />
                        <span>{ i18n.f("studio.reviewed", &[("lang", native_name(tl).to_string())]) }</span>
                    </label>
                    { problem_list(&i18n, &problems, Field::Texts, "texts") }
                    // Read when the field is left, so a comma being typed is not taken away.
                    <label class="studio-field">
                        <span>{ i18n.t("studio.concepts") }</span>
                        <input type="text" data-testid="studio-concepts" maxlength="400" dir="auto"
                            value={lesson.concepts.join(", ")} onchange={{
                                let edit = concepts_edit.clone();
                                Callback::from(move |e: Event| {
                                    let value = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                                    edit.emit(value)
                                })
                            }} />
                    </label>
                    <h3>{ i18n.t("studio.programs") }</h3>
                    <div class="studio-program-bar">
                        <div role="tablist" class="studio-tabs">
                            <button role="tab" data-testid="studio-tab-starter" aria-selected={(!*solution_tab).to_string()}
                                onclick={show_solution(false)}>{ i18n.t("studio.starter") }</button>
                            <button role="tab" data-testid="studio-tab-solution" aria-selected={solution_tab.to_string()}
                                onclick={show_solution(true)}>{ i18n.t("studio.solution") }</button>
                        </div>
                        <div class="studio-tabs">
                            <button data-testid="studio-view-blocks" aria-pressed={blocks_view.to_string()}
                                onclick={show_blocks(true)}>{ i18n.t("ui.view-blocks") }</button>
                            <button data-testid="studio-view-text" aria-pressed={(!*blocks_view).to_string()}
                                onclick={show_blocks(false)}>{ i18n.t("ui.view-text") }</button>
                        </div>
                    </div>
                    <p class="studio-help">{ i18n.t(if *solution_tab { "studio.solution-help" } else { "studio.starter-help" }) }</p>
                    <div class="studio-program" data-testid={if *solution_tab { "studio-solution" } else { "studio-starter" }}>
                        if *blocks_view {
                            <BlockEditor key={if *solution_tab { "solution" } else { "starter" }} source={AttrValue::from(program_text)} {lang}
                                lesson={Rc::new(lesson.clone())} active={None::<Slot>} error={false} on_edit={program_edit(*solution_tab)} />
                        } else {
                            <Editor key={if *solution_tab { "solution-text" } else { "starter-text" }} source={AttrValue::from(program_text)} {lang}
                                active_line={None::<usize>} error={false} on_edit={program_edit(*solution_tab)} />
                        }
                    </div>
                    { problem_list(&i18n, &problems, Field::Starter, "starter") }
                    { problem_list(&i18n, &problems, Field::Solution, "solution") }
                    <label class="studio-field studio-stars">
                        <span>{ i18n.t("studio.stars") }</span>
                        <input type="number" min="1" max="999" inputmode="numeric" data-testid="studio-stars"
                            value={lesson.stars.as_ref().map(|s| s.max_blocks.to_string()).unwrap_or_default()}
                            oninput={input_cb(stars_edit)} />
                    </label>
                    { problem_list(&i18n, &problems, Field::Stars, "stars") }
                    <h3>{ i18n.t("studio.quiz") }</h3>
                    <p class="studio-help">{ i18n.t("studio.quiz-help") }</p>
                    <ol class="studio-quiz" data-testid="studio-quiz">
                        { for lesson.quiz.iter().enumerate().map(|(i, q)| html! {
                            <li data-testid="studio-question">
                                <label class="studio-field">
                                    <span>{ i18n.f("studio.question", &[("n", (i + 1).to_string())]) }</span>
                                    <input type="text" lang={tag} dir={dir} maxlength="300" data-testid="studio-question-text"
                                        value={text_of(&q.question)} oninput={quiz_input(QuizField::Question(i))} />
                                </label>
                                <div class="studio-choices" role="radiogroup" aria-label={i18n.t("studio.right-answer")}>
                                    { for q.choices.iter().enumerate().map(|(j, c)| html! {
                                        <div class="studio-choice-row">
                                            <label class="studio-radio"><input type="radio" name={format!("studio-answer-{i}")} checked={q.answer as usize == j}
                                                aria-label={i18n.t("studio.right-answer")} data-testid="studio-answer"
                                                onchange={quiz_do(QuizEdit::Answer(i, j))} /></label>
                                            <input type="text" lang={tag} dir={dir} maxlength="200" data-testid="studio-choice-text"
                                                aria-label={i18n.f("studio.answer", &[("n", (j + 1).to_string())])}
                                                value={text_of(c)} oninput={quiz_input(QuizField::Choice(i, j))} />
                                            <button disabled={q.choices.len() <= 2} aria-label={i18n.t("studio.remove-answer")}
                                                onclick={quiz_click(QuizEdit::RemoveChoice(i, j))}>{ "✕" }</button>
                                        </div>
                                    }) }
                                </div>
                                <button disabled={q.choices.len() >= MAX_CHOICES} data-testid="studio-add-answer"
                                    onclick={quiz_click(QuizEdit::AddChoice(i))}>{ i18n.t("studio.add-answer") }</button>
                                <button onclick={quiz_click(QuizEdit::Remove(i))}>{ i18n.t("studio.remove-question") }</button>
                            </li>
                        }) }
                    </ol>
                    <button data-testid="studio-add-question" disabled={lesson.quiz.len() >= MAX_QUESTIONS}
                        onclick={quiz_click(QuizEdit::Add)}>{ i18n.t("studio.add-question") }</button>
                    { problem_list(&i18n, &problems, Field::Quiz, "quiz") }
                </div>
            </div>
        </section>
    }
}
