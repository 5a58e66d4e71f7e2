//! Teacher mode's notes on the lesson (full app): the learning goal, common mistakes, a
//! question for the class and an unplugged activity, in the teacher's language. They are not
//! in the lessons a pupil downloads: `tafukt bundle` writes every lesson's notes of a language
//! to `lessons/notes/<lang>.bin`, fetched once when teacher mode first shows a lesson (and
//! kept for the page's life). A lesson without notes shows nothing.

use std::cell::RefCell;
use std::rc::Rc;

use tafukt_lang::Lang;
use tafukt_lesson::model::{read_bundled_notes, NotesBundle};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::i18n::use_i18n;
use super::instructions::Instructions;
use crate::services::fetch::fetch_bytes;

thread_local! {
    /// The notes of the languages fetched so far.
    static FETCHED: RefCell<Vec<(Lang, Rc<NotesBundle>)>> = const { RefCell::new(Vec::new()) };
}

fn fetched(lang: Lang) -> Option<Rc<NotesBundle>> {
    FETCHED.with(|f| f.borrow().iter().find(|(l, _)| *l == lang).map(|(_, n)| n.clone()))
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub lang: Lang,
}

#[component]
pub fn TeacherNotes(props: &Props) -> Html {
    let i18n = use_i18n();
    // The notes of `lang` once they are here (none while they come, or if they cannot).
    let notes = use_state(|| fetched(props.lang).map(|n| (props.lang, n)));
    {
        let notes = notes.clone();
        use_effect_with(props.lang, move |lang| {
            let lang = *lang;
            if let Some(n) = fetched(lang) {
                return notes.set(Some((lang, n)));
            }
            spawn_local(async move {
                let file = format!("notes/{}.bin", lang.tag());
                // Offline before they were kept, or a damaged file: no notes, nothing shown.
                let Some(bytes) = fetch_bytes(&format!("lessons/{file}")).await else { return };
                if let Ok(bundle) = read_bundled_notes(&file, &bytes) {
                    let bundle = Rc::new(bundle);
                    FETCHED.with(|f| f.borrow_mut().push((lang, bundle.clone())));
                    notes.set(Some((lang, bundle)));
                }
            });
        });
    }
    let lang = props.lang;
    let Some(n) = notes.as_ref().filter(|(l, _)| *l == lang).and_then(|(_, b)| b.get(&props.id)) else {
        return Html::default();
    };
    let part = |key: &str, testid: &str, text: &str| {
        html! {
            <section data-testid={testid.to_string()}>
                <h3>{ i18n.t(key) }</h3>
                <Instructions text={text.to_string()} />
            </section>
        }
    };
    html! {
        <details class="teacher-notes" data-testid="teacher-notes" open=true>
            <summary>{ i18n.t("teacher.notes") }</summary>
            { part("teacher.goal", "notes-goal", n.goal.get(lang)) }
            { part("teacher.mistakes", "notes-mistakes", n.mistakes.get(lang)) }
            { part("teacher.question", "notes-question", n.question.get(lang)) }
            { part("teacher.unplugged", "notes-unplugged", n.unplugged.get(lang)) }
        </details>
    }
}
