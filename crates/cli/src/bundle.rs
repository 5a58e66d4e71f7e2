//! `tafukt bundle LESSONS_DIR MESSAGES_DIR [OUT_DIR]`: lessons and catalogues as the app
//! loads them. Lessons: one folder per language (`OUT_DIR/lessons/en/index.bin`,
//! `…/en/first-steps-1.bin` …) holding only that language's texts, with instructions and
//! hints turned from Markdown into bundled lesson text (`tafukt_lesson::rich`), in the
//! binary form the app reads (`tafukt_lesson::model::to_bundled`); thumbnails and images
//! copied beside them. Teacher notes are not in them: every lesson's notes of a language go
//! to `OUT_DIR/lessons/notes/en.bin` (…), which only teacher mode fetches. Catalogues: `OUT_DIR/messages/en.txt`
//! holds what a pupil sees before the first Run, `en.more.txt` the messages of problems
//! (fetched right after, off the first load). A pupil downloads one language, and the app
//! carries no Markdown parser. Then the service worker listing every file of the build
//! (`offline`). OUT_DIR defaults to trunk's staging folder, so this runs as a trunk
//! post-build hook.
//!
//! Every lesson goes through the same checks as `tafukt check` first (`lessons`), and the
//! catalogues through their size limit: if anything fails, nothing is written. Files are
//! only written under OUT_DIR, named by lesson ids that the checks keep to plain names.

use std::path::{Path, PathBuf};

use tafukt_lang::Lang;
use tafukt_lesson::check::{MAX_CATALOGUE_BYTES, MAX_IMAGE_BYTES};
use tafukt_lesson::model::{to_bundled, Lesson, Localized, NotesBundle, TeacherNotes};

use crate::args::{Args, Stop};
use crate::lessons::{is_plain_file_name, read_limited};
use tafukt_lesson::markdown::to_rich_text;
pub use tafukt_lesson::one_language::{keep, lesson_for, one_language};

pub const USAGE: &str = "usage: tafukt bundle [LESSONS_DIR [MESSAGES_DIR [OUT_DIR]]]
  check every lesson as `tafukt check` does, then write lessons and catalogues as the app
  loads them into OUT_DIR: one folder per language, Markdown converted, catalogues split
  (defaults: lessons, crates/i18n/messages, trunk's TRUNK_STAGING_DIR); writes nothing if
  any lesson or catalogue fails";

/// The lesson's teacher notes in `lang` (Markdown converted), if it has any.
pub fn notes_for(lesson: &Lesson, lang: Lang) -> Result<Option<TeacherNotes>, String> {
    let Some(n) = &lesson.teacher_notes else { return Ok(None) };
    let one = |t: &Localized| one_language(t, lang, to_rich_text);
    Ok(Some(TeacherNotes {
        goal: one(&n.goal)?,
        mistakes: one(&n.mistakes)?,
        question: one(&n.question)?,
        unplugged: one(&n.unplugged)?,
    }))
}

/// Every lesson's notes in `lang`, for `lessons/notes/<lang>.bin` (beside the language
/// folders, so no lesson id can name it).
pub fn notes_bundle(lessons: &[&Lesson], lang: Lang) -> Result<NotesBundle, String> {
    let mut out = NotesBundle::default();
    for lesson in lessons {
        if let Some(notes) =
            notes_for(lesson, lang).map_err(|e| format!("{}.json ({}): {e}", lesson.id, lang.tag()))?
        {
            out.lessons.push((lesson.id.clone(), notes));
        }
    }
    Ok(out)
}

fn write(path: &Path, text: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The files of `from` (an image folder), each a plain name and a regular file within the
/// image limit: a link could pull a file from anywhere into the build.
fn folder_files(from: &Path) -> Result<Vec<std::fs::DirEntry>, String> {
    let Ok(entries) = std::fs::read_dir(from) else { return Ok(vec![]) };
    let mut files = Vec::new();
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        let meta = std::fs::symlink_metadata(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        let name_ok = e.file_name().to_str().is_some_and(is_plain_file_name);
        if !name_ok || !meta.is_file() {
            return Err(format!("{}: only plain files with plain names are bundled", path.display()));
        }
        if meta.len() > MAX_IMAGE_BYTES {
            return Err(format!(
                "{}: the file is over {} KB, the most allowed",
                path.display(),
                MAX_IMAGE_BYTES / 1024
            ));
        }
        files.push(e);
    }
    Ok(files)
}

fn copy_files(files: &[std::fs::DirEntry], to: &Path) -> Result<(), String> {
    if files.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for e in files {
        std::fs::copy(e.path(), to.join(e.file_name()))
            .map_err(|err| format!("{}: {err}", e.path().display()))?;
    }
    Ok(())
}

/// Messages of problems, shown only once a program has run.
/// (`ai.`, `presenter.`, `projector.`, `teacher.`, `class.`, `files.`, `share.`, `history.`:
/// words of the full app only, which loads them after; `colour.`: the later units' goals
/// name colours, the first unit's do not.)
const LATER_PREFIXES: [&str; 15] = [
    "parse.",
    "run.",
    "world.",
    "compile.",
    "ai.",
    "presenter.",
    "projector.",
    "teacher.",
    "class.",
    "files.",
    "share.",
    "history.",
    "studio.",
    "check.",
    "colour.",
];
/// Messages shown only after a run (results, hints, questions) or to a teacher, and the
/// full app's (the timeline, the later units' goals, the block editor's notes, names, texts
/// and values row, step over and out: lessons the core app hands over).
const LATER_KEYS: [&str; 29] = [
    "ui.all-goals-met",
    "ui.goals-not-met",
    "ui.lesson-complete",
    "ui.quiz",
    "ui.quiz-right",
    "ui.quiz-wrong",
    "ui.hints",
    "ui.said",
    "ui.translation-unreviewed",
    "ui.solution",
    "ui.reset-progress",
    "ui.reset-progress-confirm",
    "ui.step-back",
    "ui.step-forward",
    "ui.timeline",
    "goal.shape-drawn",
    "goal.shape-drawn-anywhere",
    "goal.tiles-painted",
    "goal.said",
    "goal.said-count",
    "goal.in-area",
    "goal.not-bumped",
    "goal.ends-on",
    "ui.note",
    "ui.rename",
    "ui.text",
    "ui.palette-values",
    "ui.step-over",
    "ui.step-out",
];

fn shown_later(line: &str) -> bool {
    let key = line.split(['=', '[']).next().unwrap_or("").trim();
    LATER_PREFIXES.iter().any(|p| key.starts_with(p)) || LATER_KEYS.contains(&key)
}

/// Splits a catalogue file into what is needed before the first Run and the rest.
pub fn split_catalogue(text: &str) -> (String, String) {
    let (mut now, mut later) = (String::new(), String::new());
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let part = if shown_later(line) { &mut later } else { &mut now };
        part.push_str(line);
        part.push('\n');
    }
    (now, later)
}

pub fn main(args: &[String]) -> Result<bool, Stop> {
    let args = Args::new(args)?.finish(3)?;
    let dir = Path::new(args.first().map_or("lessons", String::as_str));
    let messages = Path::new(args.get(1).map_or("crates/i18n/messages", String::as_str));
    let root = match args.get(2) {
        Some(o) => PathBuf::from(o),
        None => PathBuf::from(
            std::env::var("TRUNK_STAGING_DIR")
                .map_err(|_| Stop::Usage("bundle needs OUT_DIR (or trunk's TRUNK_STAGING_DIR)".into()))?,
        ),
    };
    // Everything is read and checked before anything is written.
    let folder = crate::lessons::read_folder(dir)?;
    let Some(lessons) = folder.sound() else {
        for line in folder.report().iter().filter(|l| l.starts_with("FAIL")) {
            println!("{line}");
        }
        return Err(Stop::Failed(format!(
            "bundle refused: {} of {} lessons fail `tafukt check`; nothing was written",
            folder.failures(),
            folder.lessons.len()
        )));
    };
    let mut catalogues = Vec::new();
    for lang in Lang::ALL {
        let file = messages.join(format!("{}.txt", lang.tag()));
        let text =
            read_limited(&file, MAX_CATALOGUE_BYTES).map_err(|e| format!("{}: {e}", file.display()))?;
        catalogues.push((lang, split_catalogue(&text)));
    }
    let thumbs = folder_files(&dir.join("thumbs"))?;
    let images = folder_files(&dir.join("img"))?;
    let out = root.join("lessons");
    let mut files = Vec::new();
    for lang in Lang::ALL {
        let folder_out = out.join(lang.tag());
        let mut local = folder.index.clone();
        local.schema = None;
        for course in &mut local.courses {
            course.title = one_language(&course.title, lang, keep)?;
            for unit in &mut course.units {
                unit.title = one_language(&unit.title, lang, keep)?;
            }
        }
        files.push((folder_out.join("index.bin"), to_bundled(&local)?));
        for lesson in &lessons {
            let bundled =
                lesson_for(lesson, lang).map_err(|e| format!("{}.json ({}): {e}", lesson.id, lang.tag()))?;
            files.push((folder_out.join(format!("{}.bin", lesson.id)), to_bundled(&bundled)?));
        }
        let notes = notes_bundle(&lessons, lang)?;
        files.push((out.join("notes").join(format!("{}.bin", lang.tag())), to_bundled(&notes)?));
    }
    for (lang, (now, later)) in &catalogues {
        write(&root.join("messages").join(format!("{}.txt", lang.tag())), now)?;
        write(&root.join("messages").join(format!("{}.more.txt", lang.tag())), later)?;
    }
    for (path, bytes) in &files {
        write(path, bytes)?;
    }
    copy_files(&thumbs, &out.join("thumbs"))?;
    copy_files(&images, &out.join("img"))?;
    // Last, so it lists everything above: the service worker that keeps the app offline.
    crate::offline::write_service_worker(&root)?;
    println!(
        "bundled {} lessons and catalogues in {} languages into {}",
        lessons.len(),
        Lang::ALL.len(),
        root.display()
    );
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tafukt_lesson::model::{parse_index, parse_lesson, read_bundled_lesson};

    #[test]
    fn every_lesson_reads_back_from_its_bundle_in_every_language() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons"));
        let index =
            parse_index("index.json", &std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
        for id in index.lesson_ids() {
            let text = std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap();
            let lesson = parse_lesson(&id, &text).unwrap();
            for lang in Lang::ALL {
                let bundled = lesson_for(&lesson, lang).unwrap();
                let back = read_bundled_lesson(&id, &to_bundled(&bundled).unwrap()).unwrap();
                assert_eq!(back, bundled, "{id} in {}", lang.tag());
            }
        }
    }

    #[test]
    fn teacher_notes_leave_the_lesson_for_a_file_of_their_own() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/first-steps-2.json"))
                .unwrap();
        let mut lesson = parse_lesson("first-steps-2", &text).unwrap();
        let all = |word: &str| {
            Localized(
                Lang::ALL.iter().map(|l| (l.tag().to_string(), format!("{word} **{}**", l.tag()))).collect(),
            )
        };
        lesson.teacher_notes = Some(TeacherNotes {
            goal: all("goal"),
            mistakes: all("mistakes"),
            question: all("question"),
            unplugged: all("unplugged"),
        });
        let bare = lesson_for(&lesson, Lang::Ar).unwrap();
        assert_eq!(bare.teacher_notes, None, "a pupil's download has no notes");
        let mut without = lesson.clone();
        without.teacher_notes = None;
        assert_eq!(to_bundled(&bare).unwrap(), to_bundled(&lesson_for(&without, Lang::Ar).unwrap()).unwrap());
        let bundle = notes_bundle(&[&lesson, &without], Lang::Ar).unwrap();
        let back =
            tafukt_lesson::model::read_bundled_notes("notes/ar.bin", &to_bundled(&bundle).unwrap()).unwrap();
        assert_eq!(back.lessons.len(), 1, "a lesson without notes has no entry");
        let notes = back.get("first-steps-2").unwrap();
        assert_eq!(notes.mistakes.0.len(), 1, "one language per file");
        let text = notes.mistakes.get(Lang::Ar);
        assert!(text.contains("mistakes ") && text.contains("strong") && !text.contains("**"), "{text:?}");
    }

    #[test]
    fn a_damaged_bundle_is_refused_with_the_file_named() {
        let err = read_bundled_lesson("en/x.bin", b"\x01garbage").unwrap_err();
        assert_eq!(err.file, "en/x.bin");
        assert!(err.problem.starts_with("the file is damaged"), "{}", err.problem);
    }

    #[test]
    fn problems_wait_and_everything_else_comes_first() {
        let (now, later) =
            split_catalogue("# English\nui.run = Run\nparse.x = Bad\n\nrun.y = Slow\ngoal.z = Go\n");
        assert_eq!(now, "ui.run = Run\ngoal.z = Go\n");
        assert_eq!(later, "parse.x = Bad\nrun.y = Slow\n");
    }
}
