//! The teacher's class view (full app, teacher mode): pupils' progress files imported, one
//! or several at a time, into a table of pupils × lessons grouped by unit, with stars and
//! totals. A file that is refused shows its name and the reason and the others still come
//! in; a pupil imported again replaces their row. Nothing from a file is rendered as HTML.

use std::rc::Rc;

use tafukt_lang::Lang;
use tafukt_lesson::model::{CourseIndex, Localized};
use tafukt_lesson::progress_file::{decode_progress, Progress, MAX_PROGRESS_BYTES};
use tafukt_world::sorted::SortedMap;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::app_loading::load_lesson;
use super::i18n::use_i18n;
use super::progress_files::{read_problem, refusal};
use crate::services::files;

/// Longest file name shown beside its problem (the name is the file's, so anything).
const MAX_SHOWN_FILE_NAME: usize = 60;

#[derive(Properties)]
pub struct Props {
    pub index: Rc<CourseIndex>,
    pub lang: Lang,
    pub on_close: Callback<()>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.index, &other.index) && self.lang == other.lang && self.on_close == other.on_close
    }
}

/// The table's pupils and the problems of the latest files.
#[derive(Default, Clone, PartialEq)]
struct Class {
    pupils: Vec<Progress>,
    failures: Vec<(String, String)>,
}

enum Change {
    /// A new batch of files: the previous batch's problems go.
    Batch,
    Pupil(Progress),
    Failed(String, String),
    Clear,
}

impl Reducible for Class {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Batch => next.failures.clear(),
            // The same pupil (by name, whatever the case) replaces the earlier row.
            Change::Pupil(p) => {
                match next.pupils.iter_mut().find(|q| q.pupil.to_lowercase() == p.pupil.to_lowercase()) {
                    Some(row) => *row = p,
                    None => next.pupils.push(p),
                }
            }
            Change::Failed(file, reason) => next.failures.push((file, reason)),
            Change::Clear => next = Class::default(),
        }
        Rc::new(next)
    }
}

#[component]
pub fn ClassView(props: &Props) -> Html {
    let i18n = use_i18n();
    let lang = props.lang;
    let class = use_reducer(Class::default);
    let input = use_node_ref();
    let ids = Rc::new(props.index.lesson_ids());
    // Lesson titles, fetched as the view opens (from the device's copy once kept offline).
    let titles = use_state(|| Rc::new(SortedMap::<String, Localized>::new()));
    {
        let (titles, ids) = (titles.clone(), ids.clone());
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            spawn_local(async move {
                let mut known = SortedMap::new();
                for id in ids.iter() {
                    if let Ok(lesson) = load_lesson(id, lang).await {
                        known.insert(id.clone(), lesson.title);
                    }
                }
                titles.set(Rc::new(known));
            });
        });
    }
    let title = {
        let titles = (*titles).clone();
        move |id: &str| titles.get(id).map(|t| t.get(lang).to_string())
    };

    let on_picked = {
        let (class, ids, i18n, title) = (class.clone(), ids.clone(), i18n.clone(), title.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let picked = files::take_picked(&input);
            if picked.is_empty() {
                return;
            }
            class.dispatch(Change::Batch);
            let (class, ids, i18n, title) = (class.clone(), ids.clone(), i18n.clone(), title.clone());
            spawn_local(async move {
                for file in picked {
                    let name: String =
                        file.name().chars().filter(|c| !c.is_control()).take(MAX_SHOWN_FILE_NAME).collect();
                    let read =
                        files::read(&file, MAX_PROGRESS_BYTES).await.map_err(|e| read_problem(&i18n, &e));
                    let decoded = read.and_then(|bytes| {
                        decode_progress(&bytes, &ids).map_err(|e| refusal(&i18n, &e, &title))
                    });
                    class.dispatch(match decoded {
                        Ok(d) => Change::Pupil(d.progress),
                        Err(reason) => Change::Failed(name, reason),
                    });
                }
            });
        })
    };
    let on_import = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_clear = {
        let class = class.clone();
        Callback::from(move |_: MouseEvent| class.dispatch(Change::Clear))
    };
    let on_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };

    let units: Vec<_> = props.index.courses.iter().flat_map(|c| c.units.iter()).collect();
    let stars_of = |p: &Progress, id: &str| p.lessons.iter().find(|l| l.lesson == id).map_or(0, |l| l.stars);
    let mut number = 0;
    let table = if class.pupils.is_empty() {
        html! { <p class="class-empty" data-testid="class-empty">{ i18n.t("class.empty") }</p> }
    } else {
        html! {
            <div class="class-table-wrap" tabindex="0">
                <table class="class-table" data-testid="class-table">
                    <thead>
                        <tr>
                            <th rowspan="2" scope="col" class="class-pupil">{ i18n.t("class.pupil") }</th>
                            <th rowspan="2" scope="col" class="class-total">{ i18n.t("class.done") }</th>
                            <th rowspan="2" scope="col" class="class-total">{ i18n.t("class.stars") }</th>
                            { for units.iter().map(|u| html! {
                                <th colspan={u.lessons.len().to_string()} scope="colgroup" class="class-unit">{ u.title.get(lang) }</th>
                            }) }
                        </tr>
                        <tr>
                            { for ids.iter().map(|id| {
                                number += 1;
                                let name = title(id).unwrap_or_else(|| id.clone());
                                html! {
                                    <th scope="col" class="class-lesson" title={name.clone()} data-lesson={id.clone()}>
                                        <span class="class-number">{ number }</span>
                                        <span class="lesson-title">{ name }</span>
                                    </th>
                                }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for class.pupils.iter().map(|p| {
                            let done = ids.iter().filter(|id| stars_of(p, id) > 0).count();
                            let extra = ids.iter().filter(|id| stars_of(p, id) > 1).count();
                            html! {
                                <tr data-pupil={p.pupil.clone()}>
                                    <th scope="row" class="class-pupil">{ &p.pupil }</th>
                                    <td class="class-total" data-testid="class-done">{ done }</td>
                                    <td class="class-total" data-testid="class-stars">{ extra }</td>
                                    { for ids.iter().map(|id| {
                                        let stars = stars_of(p, id);
                                        html! {
                                            <td class={classes!("class-cell", (stars > 0).then_some("done"))} data-lesson={id.clone()} data-stars={stars.to_string()}>
                                                { match stars { 0 => "", 1 => "✓", _ => "★" } }
                                            </td>
                                        }
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" class="class-pupil">{ i18n.t("class.finished") }</th>
                            <td></td>
                            <td></td>
                            { for ids.iter().map(|id| {
                                let finished = class.pupils.iter().filter(|p| stars_of(p, id) > 0).count();
                                html! { <td class="class-total">{ finished }</td> }
                            }) }
                        </tr>
                    </tfoot>
                </table>
            </div>
        }
    };

    html! {
        <section class="class-view" data-testid="class-view" aria-labelledby="class-view-title">
            <div class="class-head">
                <h2 id="class-view-title">{ i18n.t("class.title") }</h2>
                <div class="files-actions">
                    <button class="primary" data-testid="class-import" onclick={on_import}>{ "⬆ " }{ i18n.t("class.import") }</button>
                    <input ref={input} type="file" multiple=true accept=".json,application/json" hidden=true
                        data-testid="class-input" onchange={on_picked} />
                    if !class.pupils.is_empty() {
                        <button data-testid="class-clear" onclick={on_clear}>{ i18n.t("class.clear") }</button>
                    }
                    <button data-testid="class-close" onclick={on_close}>{ i18n.t("class.close") }</button>
                </div>
            </div>
            <p class="class-help">{ i18n.t("class.help") }</p>
            if !class.failures.is_empty() {
                <ul class="class-failures" role="alert" data-testid="class-failures">
                    { for class.failures.iter().map(|(file, reason)| html! {
                        <li data-file={file.clone()}>{ i18n.f("class.failed", &[("file", file.clone()), ("reason", reason.clone())]) }</li>
                    }) }
                </ul>
            }
            { table }
        </section>
    }
}
