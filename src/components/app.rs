//! The app shell: loads the course index and the current lesson from `lessons/`, keeps the
//! chosen language, and shows the lesson, a loading line, or an error card.

use std::rc::Rc;

use tafukt_lang::Lang;
use tafukt_lesson::model::{parse_index, parse_lesson, CourseIndex};
use tafukt_lesson::Lesson;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::i18n::I18n;
use super::language_picker::LanguagePicker;
use super::lesson_view::LessonView;
use crate::services::{fetch::fetch_text, page, storage};

#[derive(Clone, PartialEq)]
enum Load<T> {
    Loading,
    Ready(T),
    Failed { file: String, problem: String },
}

fn initial_lang() -> Lang {
    storage::get("lang").and_then(|t| Lang::from_tag(&t)).unwrap_or_else(|| {
        let nav = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
        Lang::from_tag(nav.split('-').next().unwrap_or("")).unwrap_or(Lang::En)
    })
}

#[component]
pub fn App() -> Html {
    let lang = use_state(initial_lang);
    let index = use_state(|| Load::<Rc<CourseIndex>>::Loading);
    let current = use_state(|| storage::get("lesson"));
    let lesson = use_state(|| Load::<Rc<Lesson>>::Loading);

    use_effect_with(*lang, |lang| {
        page::set_language(*lang);
        storage::set("lang", lang.tag());
    });
    {
        let index = index.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                index.set(match fetch_text("lessons/index.json").await {
                    Ok(text) => match parse_index("index.json", &text) {
                        Ok(i) => Load::Ready(Rc::new(i)),
                        Err(e) => Load::Failed { file: e.file, problem: e.problem },
                    },
                    Err(problem) => Load::Failed { file: "index.json".into(), problem },
                });
            });
        });
    }
    let ids = match &*index {
        Load::Ready(i) => i.lesson_ids(),
        _ => vec![],
    };
    let position = current.as_ref().and_then(|id| ids.iter().position(|i| i == id)).unwrap_or(0);
    let lesson_id = ids.get(position).cloned();
    {
        let lesson = lesson.clone();
        use_effect_with(lesson_id.clone(), move |id| {
            if let Some(id) = id.clone() {
                lesson.set(Load::Loading);
                storage::set("lesson", &id);
                spawn_local(async move {
                    let file = format!("{id}.json");
                    lesson.set(match fetch_text(&format!("lessons/{file}")).await {
                        Ok(text) => match parse_lesson(&file, &text) {
                            Ok(l) => Load::Ready(Rc::new(l)),
                            Err(e) => Load::Failed { file: e.file, problem: e.problem },
                        },
                        Err(problem) => Load::Failed { file, problem },
                    });
                });
            }
        });
    }

    let i18n = I18n::new(*lang);
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    let go = |delta: isize| {
        let current = current.clone();
        let ids = ids.clone();
        Callback::from(move |_: MouseEvent| {
            let next = position as isize + delta;
            if let Some(id) = usize::try_from(next).ok().and_then(|n| ids.get(n)) {
                current.set(Some(id.clone()));
            }
        })
    };
    let counter =
        i18n.f("ui.lesson-of", &[("index", (position + 1).to_string()), ("count", ids.len().to_string())]);
    let error_card = |file: &str, problem: &str| {
        html! {
            <div class="error-card" role="alert" data-testid="error-card">
                <h2>{ i18n.t("ui.lesson-error") }</h2>
                <p>{ i18n.f("ui.lesson-error-detail", &[("file", file.to_string()), ("problem", problem.to_string())]) }</p>
            </div>
        }
    };

    html! {
        <ContextProvider<I18n> context={i18n.clone()}>
            <header class="top-bar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "☀" }</span>
                    <span class="name">{ i18n.t("app.title") }</span>
                    <span class="tagline">{ i18n.t("app.tagline") }</span>
                </div>
                <nav class="lesson-nav">
                    <button onclick={go(-1)} disabled={position == 0} aria-label={i18n.t("ui.previous-lesson")}>{ "‹" }</button>
                    <span data-testid="lesson-counter">{ counter }</span>
                    <button onclick={go(1)} disabled={position + 1 >= ids.len()} aria-label={i18n.t("ui.next-lesson")} data-testid="next-lesson">{ "›" }</button>
                </nav>
                <LanguagePicker lang={*lang} on_change={on_lang} />
            </header>
            {
                match (&*index, &*lesson) {
                    (Load::Failed { file, problem }, _) => error_card(file, problem),
                    (_, Load::Failed { file, problem }) => error_card(file, problem),
                    (Load::Ready(_), Load::Ready(l)) => html! { <LessonView key={l.id.clone()} lesson={l.clone()} lang={*lang} /> },
                    _ => html! { <p class="loading" data-testid="loading">{ i18n.t("ui.loading") }</p> },
                }
            }
        </ContextProvider<I18n>>
    }
}
