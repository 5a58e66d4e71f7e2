//! The app shell: loads the course index and the current lesson from `lessons/`, keeps the
//! chosen language, and shows the lesson, a loading line, or an error card. Built as the
//! core app, it hands the page to the full app for what it lacks (the course map, teacher
//! mode, lessons of `Part::Full`); built as the full app, it opens what it was handed.

use std::rc::Rc;
#[cfg(feature = "full")]
use tafukt_world::sorted::SortedMap;

use tafukt_lang::Lang;
#[cfg(feature = "full")]
use tafukt_lesson::model::Localized;
use tafukt_lesson::model::{read_bundled_index, CourseIndex};
use tafukt_lesson::Lesson;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::app_loading::{initial_lang, load_catalog, load_lesson, load_more, Unusable};
#[cfg(feature = "full")]
use super::class_view::ClassView;
#[cfg(feature = "full")]
use super::course_map::CourseMap;
use super::i18n::{with_code, I18n};
use super::language_picker::LanguagePicker;
use super::lesson_view::LessonView;
#[cfg(feature = "full")]
use super::presenter_help::PresenterHelp;
#[cfg(feature = "full")]
use super::presenter_keys::{use_presenter_keys, Sent};
#[cfg(feature = "studio")]
use super::studio::{with_own_lessons, Studio};
use crate::parts::playable_here;
#[cfg(feature = "full")]
use crate::presenter::Command;
#[cfg(not(feature = "studio"))]
use crate::services::boot::hand_over;
use crate::services::boot::{first_lesson_shown, Intent};
use crate::services::fetch::fetch_bytes;
use crate::services::{page, storage};

#[derive(Clone, PartialEq)]
enum Load<T> {
    Loading,
    Ready(T),
    Failed(Unusable),
    /// Came, but in a form only the full app reads (a lesson of one of its parts, such as
    /// AI): the core app hands it over.
    Elsewhere,
}

#[component]
pub fn App() -> Html {
    // The language the pupil chose, and the catalogue on screen (it follows once loaded).
    let wanted = use_state(initial_lang);
    // Empty until the first catalogue arrives: until then the page shows a wordless spinner.
    let i18n = use_state(|| I18n::new(Lang::En));
    let lang = i18n.0.lang();
    let index = use_state(|| Load::<Rc<CourseIndex>>::Loading);
    let current = use_state(|| storage::get("lesson"));
    let lesson = use_state(|| Load::<Rc<Lesson>>::Loading);

    use_effect_with(lang, |lang| page::set_language(*lang));
    // The language whose catalogue was asked for last, so a late answer for another one is
    // not shown.
    let asked = use_mut_ref(|| Lang::En);
    {
        let i18n = i18n.clone();
        let wanted_handle = wanted.clone();
        let asked = asked.clone();
        use_effect_with(*wanted, move |wanted| {
            storage::set("lang", wanted.tag());
            let wanted = *wanted;
            *asked.borrow_mut() = wanted;
            spawn_local(async move {
                match load_catalog(wanted).await {
                    Some((catalog, text)) => {
                        i18n.set(catalog);
                        // Then, off the first load, the messages of problems.
                        if let Some(full) = load_more(wanted, text).await {
                            if *asked.borrow() == wanted {
                                i18n.set(full);
                            }
                        }
                    }
                    // Offline before any catalogue came: try English, then give up with the
                    // page's own message in all four languages.
                    None if i18n.0.is_empty() => match wanted {
                        Lang::En => page::show_boot_error(),
                        _ => wanted_handle.set(Lang::En),
                    },
                    // Offline later: stay in the language on screen.
                    None => wanted_handle.set(i18n.0.lang()),
                }
            });
        });
    }
    let ready = lang == *wanted && !i18n.0.is_empty();
    {
        let index = index.clone();
        use_effect_with(*wanted, move |lang| {
            let file = format!("{}/index.bin", lang.tag());
            spawn_local(async move {
                index.set(match fetch_bytes(&format!("lessons/{file}")).await {
                    Some(bytes) => match read_bundled_index(&file, &bytes) {
                        Ok(i) => Load::Ready(Rc::new(i)),
                        Err(_) => Load::Failed(Unusable { file, came: true }),
                    },
                    None => Load::Failed(Unusable { file, came: false }),
                });
            });
        });
    }
    // The course as shown: the studio app adds the teacher's own lessons as a unit of theirs.
    #[cfg(feature = "studio")]
    let course = &match &*index {
        Load::Ready(i) => Load::Ready(with_own_lessons(i, &i18n.t("studio.my-lessons"), *wanted)),
        other => other.clone(),
    };
    #[cfg(not(feature = "studio"))]
    let course = &*index;
    let ids = match course {
        Load::Ready(i) => i.lesson_ids(),
        _ => vec![],
    };
    let position = current.as_ref().and_then(|id| ids.iter().position(|i| i == id)).unwrap_or(0);
    let lesson_id = ids.get(position).cloned();
    {
        let lesson = lesson.clone();
        // The lesson asked for last: an earlier one that arrives later is not shown (a quick
        // tap on the map, or the next lesson while the first still loads).
        let asked = use_mut_ref(|| 0u32);
        use_effect_with((lesson_id.clone(), *wanted), move |(id, lang)| {
            if let Some(id) = id.clone() {
                // A new language keeps the lesson on screen (and its run) until the texts come.
                let same = matches!(&*lesson, Load::Ready(l) if l.id == id);
                if !same {
                    lesson.set(Load::Loading);
                }
                storage::set("lesson", &id);
                let lang = *lang;
                let ticket = *asked.borrow() + 1;
                *asked.borrow_mut() = ticket;
                spawn_local(async move {
                    let loaded = load_lesson(&id, lang).await;
                    if *asked.borrow() != ticket {
                        return;
                    }
                    lesson.set(match loaded {
                        Ok(l) => Load::Ready(Rc::new(l)),
                        // The core app reads the lessons it plays; the full app reads every
                        // lesson (and shows the error card if it cannot either).
                        Err(Unusable { came: true, .. }) if !cfg!(feature = "full") => Load::Elsewhere,
                        Err(e) => Load::Failed(e),
                    });
                });
            }
        });
    }

    // What the core app handed over for, if this (full) app was started so.
    let handed = *use_state(Intent::handed_over);
    // The teacher studio (studio app): open, or the lessons as usual.
    #[cfg(feature = "studio")]
    let studio_open = use_state(|| handed == Some(Intent::Studio));
    let show_map = use_state(|| handed == Some(Intent::CourseMap));
    let teacher = use_state(|| storage::get("teacher").as_deref() == Some("1"));
    // Projector mode (a full-app part): the page as a presentation for the back row.
    #[cfg(feature = "full")]
    let projector = use_state(|| handed == Some(Intent::Projector));
    #[cfg(feature = "full")]
    {
        // Kept on the device, so a reload in class comes back to it (web/boot.js).
        use_effect_with(*projector, |on| {
            page::set_projector(*on);
            storage::set("projector", if *on { "1" } else { "0" });
        });
    }
    // The full app could not be had (core app, no connection): said instead of the lesson.
    let part_failed = use_state(|| false);
    let on_part_failed = {
        let part_failed = part_failed.clone();
        Callback::from(move |()| part_failed.set(true))
    };
    // The core app hands teacher mode over at once (a teacher's device keeps it on).
    #[cfg(not(feature = "full"))]
    {
        let on_part_failed = on_part_failed.clone();
        use_effect_with(*teacher, move |on| {
            if *on {
                hand_over(Intent::Teacher, on_part_failed);
            }
        });
    }
    // A page opened with a share link (`#p=…`; the core app hands such a page over, see
    // web/boot.js): its lesson opens, and asks before it replaces anything.
    #[cfg(feature = "full")]
    {
        let current = current.clone();
        // Once the course's lessons are known (the link must name one of them).
        use_effect_with(ids.clone(), move |ids| {
            if let Some(id) =
                (!ids.is_empty()).then(|| super::share_panel::take_link_from_page(ids)).flatten()
            {
                current.set(Some(id));
            }
        });
    }
    // Resetting progress takes two taps: the first arms it.
    let reset_armed = use_state(|| false);
    // The blocks' and programs' language a teacher chose apart from the page's (full app;
    // `web/boot.js` starts the full app on a device where it is set).
    #[cfg(feature = "full")]
    let code_lang = use_state(|| storage::get("code-lang").and_then(|t| Lang::from_tag(&t)));
    // Bumped when a lesson earns stars, so the map re-reads progress from the device.
    let progress = use_state(|| 0u32);
    // Full app: bumped when work comes in from a file, so the lesson re-reads its program;
    // and the teacher's class view, open or not.
    #[cfg(feature = "full")]
    let (imported, class_open) = (use_state(|| 0u32), use_state(|| false));
    // Lesson titles for the map (a full-app screen), in the language they were fetched in.
    #[cfg(feature = "full")]
    let titles = use_state(|| (Lang::En, Rc::new(SortedMap::<String, Localized>::new())));
    #[cfg(feature = "full")]
    {
        let titles = titles.clone();
        let ids = ids.clone();
        // The index's size too: a map opened by the hand-over is open before the index comes.
        use_effect_with((*show_map, *wanted, ids.len()), move |(open, lang, _)| {
            if *open {
                let lang = *lang;
                spawn_local(async move {
                    let mut known =
                        if titles.0 == lang { titles.1.as_ref().clone() } else { SortedMap::new() };
                    let missing: Vec<String> =
                        ids.iter().filter(|id| !known.contains_key(*id)).cloned().collect();
                    for id in missing {
                        if let Ok(lesson) = load_lesson(&id, lang).await {
                            known.insert(id, lesson.title);
                        }
                    }
                    titles.set((lang, Rc::new(known)));
                });
            }
        });
    }
    {
        // A lesson on screen lets the boot script keep the whole app for offline use (not
        // before: it would compete with the first load); one the core app cannot play goes
        // to the full app.
        let on_part_failed = on_part_failed.clone();
        let shown = match &*lesson {
            Load::Ready(l) if ready => Some((l.id.clone(), playable_here(l))),
            Load::Elsewhere if ready => Some((String::new(), false)),
            _ => None,
        };
        use_effect_with(shown, move |shown| match shown {
            Some((_, true)) => first_lesson_shown(),
            #[cfg(not(feature = "full"))]
            Some((_, false)) => hand_over(Intent::Lesson, on_part_failed),
            _ => drop(on_part_failed),
        });
    }
    #[cfg(feature = "full")]
    let stars: Rc<SortedMap<String, u8>> =
        Rc::new(ids.iter().map(|id| (id.clone(), storage::stars(id))).collect());

    let i18n = (*i18n).clone();
    let on_lang = {
        let wanted = wanted.clone();
        Callback::from(move |l: Lang| wanted.set(l))
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
    // Presenter keys (full app): the app's own commands here, the lesson's passed on to it.
    #[cfg(feature = "full")]
    let help = use_state(|| false);
    #[cfg(feature = "full")]
    let sent = use_state(Sent::default);
    #[cfg(feature = "full")]
    {
        let (projector, help, sent, current, ids) =
            (projector.clone(), help.clone(), sent.clone(), current.clone(), ids.clone());
        use_presenter_keys(Callback::from(move |command: Command| {
            let open = |delta: isize| {
                let next = position as isize + delta;
                if let Some(id) = usize::try_from(next).ok().and_then(|n| ids.get(n)) {
                    current.set(Some(id.clone()));
                }
            };
            match command {
                Command::Projector => projector.set(!*projector),
                Command::Help => help.set(!*help),
                Command::Close if *help => help.set(false),
                Command::Close => projector.set(false),
                Command::PreviousLesson => open(-1),
                Command::NextLesson => open(1),
                _ => sent.set(Sent { serial: sent.serial.wrapping_add(1), command: Some(command) }),
            }
        }));
    }
    let counter =
        i18n.f("ui.lesson-of", &[("index", (position + 1).to_string()), ("count", ids.len().to_string())]);
    // Why, in the pupil's words: the file never came, or came in a form this app cannot read.
    let error_card = |e: &Unusable| {
        let why = if e.came { "ui.lesson-damaged" } else { "ui.lesson-unreachable" };
        html! {
            <div class="error-card" role="alert" data-testid="error-card">
                <h2>{ i18n.t("ui.lesson-error") }</h2>
                // The file name, between quotation marks, is drawn as code: it never wraps.
                <p>{ with_code(&i18n.f(why, &[("file", e.file.clone())])) }</p>
            </div>
        }
    };

    // The course map is a full-app screen: the core app hands over when it is asked for.
    #[cfg(feature = "full")]
    let course_map = match course {
        Load::Ready(index) if *show_map => html! {
            <CourseMap index={index.clone()} {lang} current={lesson_id.clone()} titles={titles.1.clone()}
                stars={stars.clone()} on_open={{
                    let current = current.clone();
                    let show_map = show_map.clone();
                    Callback::from(move |id: String| { current.set(Some(id)); show_map.set(false); })
                }} on_imported={{
                    let (progress, imported) = (progress.clone(), imported.clone());
                    Callback::from(move |()| { progress.set(*progress + 1); imported.set(*imported + 1); })
                }} />
        },
        _ => Html::default(),
    };
    #[cfg(not(feature = "full"))]
    let course_map = Html::default();

    // The studio: the full app hands it to the studio app, which opens and closes it.
    #[cfg(feature = "studio")]
    let studio_toggle = html! {
        <button data-testid="studio" aria-expanded={studio_open.to_string()} onclick={{
            let studio_open = studio_open.clone();
            Callback::from(move |_| studio_open.set(!*studio_open))
        }}>
            { i18n.t("studio.open") }
        </button>
    };
    // The single file for USB sticks has no studio app in it: no button that cannot work.
    #[cfg(all(feature = "full", not(feature = "studio")))]
    let studio_toggle = if crate::services::boot::single_file() {
        Html::default()
    } else {
        html! {
            <button data-testid="studio" onclick={{
                let on_part_failed = on_part_failed.clone();
                Callback::from(move |_| hand_over(Intent::Studio, on_part_failed.clone()))
            }}>
                { i18n.t("studio.open") }
            </button>
        }
    };
    // Teacher mode's bar is a full-app part (the core app hands teacher mode over).
    #[cfg(feature = "full")]
    let teacher_bar = if *teacher {
        html! {
            <>
                <div class="teacher-bar" data-testid="teacher-bar">
                    <button data-testid="reset-progress" onclick={{
                        let reset_armed = reset_armed.clone();
                        let progress = progress.clone();
                        let ids = ids.clone();
                        Callback::from(move |_| {
                            if *reset_armed {
                                storage::reset_progress(&ids);
                                progress.set(*progress + 1);
                            }
                            reset_armed.set(!*reset_armed);
                        })
                    }}>
                        { if *reset_armed { i18n.t("ui.reset-progress-confirm") } else { i18n.t("ui.reset-progress") } }
                    </button>
                    <button data-testid="class-toggle" aria-expanded={class_open.to_string()} onclick={{
                        let class_open = class_open.clone();
                        Callback::from(move |_| class_open.set(!*class_open))
                    }}>
                        { i18n.t("class.open") }
                    </button>
                    { studio_toggle }
                    <super::code_language::CodeLanguage chosen={*code_lang} on_change={{
                        let code_lang = code_lang.clone();
                        Callback::from(move |chosen: Option<Lang>| {
                            storage::set("code-lang", chosen.map_or("", |l| l.tag()));
                            code_lang.set(chosen);
                        })
                    }} />
                </div>
                if let (true, Load::Ready(index)) = (*class_open, course) {
                    <ClassView index={index.clone()} {lang} on_close={{
                        let class_open = class_open.clone();
                        Callback::from(move |()| class_open.set(false))
                    }} />
                }
            </>
        }
    } else {
        Html::default()
    };
    #[cfg(not(feature = "full"))]
    let teacher_bar = {
        let _ = (&reset_armed, &progress);
        Html::default()
    };

    // The core app hands what it lacks to the full app: one callback for every button.
    #[cfg(not(feature = "full"))]
    let ask_full = |intent: Intent| {
        let on_part_failed = on_part_failed.clone();
        Callback::from(move |_: MouseEvent| hand_over(intent, on_part_failed.clone()))
    };
    // Projector mode: the core app hands it over (its key P too, in web/boot.js); the full
    // app turns it on and off.
    #[cfg(feature = "full")]
    let projector_toggle = html! {
        <button class="projector-toggle" data-testid="projector" aria-pressed={projector.to_string()}
            onclick={{
                let projector = projector.clone();
                Callback::from(move |_| projector.set(!*projector))
            }}>
            { i18n.t("ui.projector") }
        </button>
    };
    #[cfg(not(feature = "full"))]
    let projector_toggle = html! {
        <button class="projector-toggle" data-testid="projector" onclick={ask_full(Intent::Projector)}>
            { i18n.t("ui.projector") }
        </button>
    };
    #[cfg(feature = "full")]
    let help_toggle = html! {
        <button class="help-toggle" data-testid="presenter-help-toggle" aria-label={i18n.t("presenter.keys")}
            aria-expanded={help.to_string()} onclick={{
                let help = help.clone();
                Callback::from(move |_| help.set(!*help))
            }}>
            { "?" }
        </button>
    };
    #[cfg(not(feature = "full"))]
    let help_toggle = Html::default();
    #[cfg(feature = "full")]
    let help_view = if *help {
        let help = help.clone();
        html! { <PresenterHelp on_close={Callback::from(move |()| help.set(false))} /> }
    } else {
        Html::default()
    };
    #[cfg(not(feature = "full"))]
    let help_view = Html::default();

    #[cfg(feature = "studio")]
    let (studio_is_open, studio_view) = (
        *studio_open,
        html! {
            <Studio {lang} on_play={{
                let (current, studio_open) = (current.clone(), studio_open.clone());
                Callback::from(move |id: String| { current.set(Some(id)); studio_open.set(false); })
            }} on_close={{
                let studio_open = studio_open.clone();
                Callback::from(move |()| studio_open.set(false))
            }} />
        },
    );
    #[cfg(not(feature = "studio"))]
    let (studio_is_open, studio_view) = (false, Html::default());

    // Blocks in a language written the other way from the page's run their own way.
    #[cfg(feature = "full")]
    page::set_code_direction(code_lang.filter(|c| c.is_rtl() != lang.is_rtl()));

    // The tab's title: the lesson's, in the pupil's language (index.html's is the app's
    // name). Set as the app draws, on a new lesson or language, not as a program runs: an
    // effect hook on a text would cost more code than this call.
    if let Load::Ready(l) = &*lesson {
        page::set_title(l.title.get(lang));
    }

    // No words to show yet (the pupil's language is still on its way), or, on the page's
    // first screen, no lesson yet: the page keeps its wordless spinner, so the top bar and the
    // lesson come in one go and the browser lays the page out once, not the bar first (on a
    // slow device, a frame of layout) and the lesson after it.
    // (A lesson index that never came means no lesson will: its error card is shown.)
    let first_screen = use_mut_ref(|| true);
    let waiting = matches!((course, &*lesson), (Load::Loading, _) | (Load::Ready(_), Load::Loading));
    if i18n.0.is_empty() || (waiting && *first_screen.borrow()) {
        return html! { <p class="loading" data-testid="loading" aria-busy="true"></p> };
    }
    *first_screen.borrow_mut() = false;
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
                <button class="map-toggle" data-testid="map-toggle" aria-expanded={show_map.to_string()}
                    onclick={{
                        #[cfg(feature = "full")]
                        let show_map = show_map.clone();
                        #[cfg(feature = "full")]
                        let toggle = Callback::from(move |_| show_map.set(!*show_map));
                        #[cfg(not(feature = "full"))]
                        let toggle = ask_full(Intent::CourseMap);
                        toggle
                    }}>
                    { "☰ " }{ i18n.t("ui.course-map") }
                </button>
                <button class="teacher-toggle" data-testid="teacher-toggle" aria-pressed={teacher.to_string()}
                    onclick={{
                        let teacher = teacher.clone();
                        Callback::from(move |_| {
                            storage::set("teacher", if *teacher { "0" } else { "1" });
                            teacher.set(!*teacher);
                        })
                    }}>
                    { i18n.t("ui.teacher") }
                </button>
                { projector_toggle }
                { help_toggle }
                <LanguagePicker lang={*wanted} on_change={on_lang} />
            </header>
            { teacher_bar }
            { course_map }
            { help_view }
            {
                match (course, &*lesson) {
                    _ if studio_is_open => studio_view,
                    (Load::Failed(e), _) | (_, Load::Failed(e)) => error_card(e),
                    _ if *part_failed => html! {
                        <div class="error-card" role="alert" data-testid="part-unavailable">
                            <p>{ i18n.t("ui.part-unavailable") }</p>
                        </div>
                    },
                    // The core app hands this lesson to the full app (see the effect above).
                    (Load::Ready(_), Load::Ready(l)) if !playable_here(l) => {
                        html! { <p class="loading" data-testid="loading">{ i18n.t("ui.loading") }</p> }
                    }
                    (_, Load::Elsewhere) => {
                        html! { <p class="loading" data-testid="loading">{ i18n.t("ui.loading") }</p> }
                    }
                    (Load::Ready(_), Load::Ready(l)) if ready => {
                        let on_next = ids.get(position + 1).map(|next| {
                            let current = current.clone();
                            let next = next.clone();
                            Callback::from(move |_| current.set(Some(next.clone())))
                        });
                        let on_stars = {
                            let progress = progress.clone();
                            Callback::from(move |_| progress.set(*progress + 1))
                        };
                        // Full app: a lesson whose work came in from a file starts again from it.
                        #[cfg(feature = "full")]
                        let key = format!("{}#{}", l.id, *imported);
                        #[cfg(not(feature = "full"))]
                        let key = l.id.clone();
                        #[cfg(feature = "full")]
                        let view = html! { <LessonView key={key} lesson={l.clone()} {lang} code={*code_lang} teacher={*teacher} {on_next} {on_stars} /> };
                        #[cfg(not(feature = "full"))]
                        let view = html! { <LessonView key={key} lesson={l.clone()} {lang} teacher={*teacher} {on_next} {on_stars} /> };
                        // The presenter keys' commands for the lesson (full app).
                        #[cfg(feature = "full")]
                        let view = html! { <ContextProvider<Sent> context={*sent}>{ view }</ContextProvider<Sent>> };
                        view
                    }
                    _ => html! { <p class="loading" data-testid="loading">{ i18n.t("ui.loading") }</p> },
                }
            }
        </ContextProvider<I18n>>
    }
}
