//! The printed lesson sheet's own part (teacher mode, full app): the blocks to cut out and a
//! frame to glue the program in. On screen it is hidden; the print stylesheet (full.css)
//! prints it after the lesson's title, instructions, goals and world.

use std::rc::Rc;

use tafukt_lang::Lang;
use tafukt_lesson::Lesson;
use yew::prelude::*;

use super::i18n::use_i18n;

#[derive(Properties)]
pub struct Props {
    pub lesson: Rc<Lesson>,
    pub lang: Lang,
}

/// The same lesson is the same `Rc` (see `lesson_view`).
impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        Rc::ptr_eq(&self.lesson, &other.lesson) && self.lang == other.lang
    }
}

#[component]
pub fn LessonSheet(props: &Props) -> Html {
    let i18n = use_i18n();
    let cards = crate::sheet::cut_outs(&props.lesson, props.lang);
    html! {
        <section class="lesson-sheet" data-testid="lesson-sheet">
            <h2>{ "✂ " }{ i18n.t("presenter.sheet-cut") }</h2>
            <ul class="cards">
                { for cards.iter().map(|c| html! { <li class="card">{ c }</li> }) }
            </ul>
            <h2>{ i18n.t("presenter.sheet-glue") }</h2>
            <div class="glue" />
        </section>
    }
}
