//! The course map: every unit and lesson in order, with a thumbnail of its world, the
//! pupil's progress and stars on this device, the current lesson marked and the next one to
//! do highlighted.

use std::rc::Rc;
use tafukt_world::sorted::SortedMap;

use tafukt_lang::Lang;
use tafukt_lesson::model::{CourseIndex, Localized};
use yew::prelude::*;

use super::i18n::use_i18n;
use super::progress_files::ProgressFiles;

#[derive(Properties)]
pub struct Props {
    pub index: Rc<CourseIndex>,
    pub lang: Lang,
    pub current: Option<String>,
    /// Lesson titles known so far (fetched as the map opens).
    pub titles: Rc<SortedMap<String, Localized>>,
    /// Stars per lesson id, as saved on this device.
    pub stars: Rc<SortedMap<String, u8>>,
    pub on_open: Callback<String>,
    /// Told when work from a file was written on this device.
    pub on_imported: Callback<()>,
}

/// Shared data compares by pointer: a new `Rc` is made whenever it changes.
impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
            && self.lang == other.lang
            && self.current == other.current
            && Rc::ptr_eq(&self.titles, &other.titles)
            && *self.stars == *other.stars
            && self.on_open == other.on_open
            && self.on_imported == other.on_imported
    }
}

#[component]
pub fn CourseMap(props: &Props) -> Html {
    let i18n = use_i18n();
    let ids = props.index.lesson_ids();
    // The next lesson to do: the first in course order without a star.
    let next = ids.iter().find(|id| props.stars.get(*id).copied().unwrap_or(0) == 0).cloned();
    let mut number = 0;
    html! {
        <nav class="course-map" data-testid="course-map" aria-label={i18n.t("ui.course-map")}>
            <ProgressFiles index={props.index.clone()} lang={props.lang} titles={props.titles.clone()} on_imported={props.on_imported.clone()} />
            { for props.index.courses.iter().flat_map(|c| c.units.iter()).map(|unit| html! {
                <section class="unit">
                    <h2>{ unit.title.get(props.lang) }</h2>
                    <ol>
                        { for unit.lessons.iter().map(|id| {
                            number += 1;
                            let stars = props.stars.get(id).copied().unwrap_or(0);
                            let title = props.titles.get(id).map(|t| t.get(props.lang).to_string()).unwrap_or_default();
                            let on_open = props.on_open.clone();
                            let target = id.clone();
                            let classes = classes!(
                                "map-lesson",
                                (props.current.as_ref() == Some(id)).then_some("current"),
                                (next.as_ref() == Some(id)).then_some("next"),
                                (stars > 0).then_some("done"),
                            );
                            html! {
                                <li>
                                    <button class={classes} data-lesson={id.clone()} data-stars={stars.to_string()}
                                        onclick={Callback::from(move |_| on_open.emit(target.clone()))}>
                                        <span class="number">{ number }</span>
                                        // The world at a glance; drawn by `tafukt thumbnails`.
                                        <img src={format!("lessons/thumbs/{id}.svg")} alt="" loading="lazy" />
                                        <span class="title">{ title }</span>
                                        <span class="stars" aria-label={i18n.f("ui.stars", &[("count", stars.saturating_sub(1).to_string())])}>
                                            { if stars > 0 { "✓" } else { "" } }{ if stars > 1 { " ★" } else { "" } }
                                        </span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                </section>
            }) }
        </nav>
    }
}
