//! A lesson folder read and checked the one way `tafukt check` and `tafukt bundle` share:
//! every file within its size limit, every lesson id a plain name equal to its file's, every
//! lesson through `tafukt_lesson::check`, its Markdown and images included. One bad lesson
//! gives one failure and every other lesson is still checked; a panic in the checker (a bug)
//! is caught as a last line of defence and reported as that lesson's failure.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use tafukt_i18n::Catalog;
use tafukt_lang::{Diagnostic, Lang};
use tafukt_lesson::check::{
    check_lesson_file, is_plain_id, notes_problems, Words, MAX_IMAGE_BYTES, MAX_LESSON_BYTES,
};
use tafukt_lesson::goals::GoalReport;
use tafukt_lesson::model::{parse_index, CourseIndex, Lesson};
use tafukt_lesson::problem::Scope;
use tafukt_lesson::rich::{tokens, Token};

/// Units whose every lesson must have complete teacher notes (`check::notes_problems`):
/// the core course a teacher prepares from. The AI, drawing and wheeled-robot units are not
/// asked (yet).
pub const NOTES_REQUIRED_IN: &[&str] =
    &["first-steps", "loops", "conditions", "procedures", "variables", "sensors"];

/// Run-time messages and goals in English, as `tafukt run` prints them.
pub struct English(Catalog);

impl English {
    pub fn new() -> English {
        English(Catalog::new(Lang::En))
    }
}

impl Default for English {
    fn default() -> English {
        English::new()
    }
}

impl Words for English {
    fn diagnostic(&self, d: &Diagnostic) -> String {
        self.0.diagnostic(d)
    }
    fn goal(&self, report: &GoalReport) -> String {
        crate::run::goal_text(&self.0, report)
    }
}

/// One lesson file's verdict: the lesson, or every problem found in it.
pub struct Checked {
    /// The id the index names (or the file's name, for a file the index does not list).
    pub name: String,
    pub result: Result<Lesson, Vec<String>>,
    /// Wrong programs that pass all the same (`tafukt_lesson::mutation`): goals too loose.
    pub warnings: Vec<String>,
}

pub struct Folder {
    pub index: CourseIndex,
    /// Each lesson the index names, once, in course order.
    pub lessons: Vec<Checked>,
    /// Lesson files in the folder that the index does not name (each a failure).
    pub unlisted: Vec<String>,
}

impl Folder {
    pub fn failures(&self) -> usize {
        self.unlisted.len() + self.lessons.iter().filter(|c| c.result.is_err()).count()
    }

    /// The lessons to bundle, when every one passed.
    pub fn sound(&self) -> Option<Vec<&Lesson>> {
        if !self.unlisted.is_empty() {
            return None;
        }
        self.lessons.iter().map(|c| c.result.as_ref().ok()).collect()
    }

    pub fn warnings(&self) -> usize {
        self.lessons.iter().filter(|c| !c.warnings.is_empty()).count()
    }

    /// One line per lesson (`ok   id`, `warn id: warnings` or `FAIL id: problems`), unlisted
    /// files first.
    pub fn report(&self) -> Vec<String> {
        let unlisted = self.unlisted.iter().map(|f| format!("FAIL {f}: not listed in index.json"));
        let lessons = self.lessons.iter().map(|c| match &c.result {
            Ok(_) if !c.warnings.is_empty() => format!("warn {}: {}", c.name, c.warnings.join("; ")),
            Ok(_) => format!("ok   {}", c.name),
            Err(problems) => format!("FAIL {}: {}", c.name, problems.join("; ")),
        });
        unlisted.chain(lessons).collect()
    }
}

/// A file's text, refused unread past `max` bytes (a 50 MB file is not read to be refused).
pub fn read_limited(path: &Path, max: usize) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() > max {
        return Err(format!("the file is over {} KB, the most allowed", max / 1024));
    }
    String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())
}

/// Reads and checks every lesson of `dir`; `Err` only when the index itself cannot be read.
pub fn read_folder(dir: &Path) -> Result<Folder, String> {
    read_folder_asking_notes_in(dir, NOTES_REQUIRED_IN)
}

/// [`read_folder`], asking complete teacher notes of every lesson of the units `notes_in`.
pub fn read_folder_asking_notes_in(dir: &Path, notes_in: &[&str]) -> Result<Folder, String> {
    let text = read_limited(&dir.join("index.json"), MAX_LESSON_BYTES)
        .map_err(|e| format!("{}: {e}", dir.join("index.json").display()))?;
    let index = parse_index("index.json", &text).map_err(|e| e.to_string())?;
    let with_notes: Vec<&String> = (index.courses.iter().flat_map(|c| &c.units))
        .filter(|u| notes_in.contains(&u.id.as_str()))
        .flat_map(|u| &u.lessons)
        .collect();
    let mut ids = index.lesson_ids();
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    let mut unlisted: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json") && n != "index.json")
        .filter(|n| !ids.iter().any(|id| n.strip_suffix(".json") == Some(id)))
        .collect();
    unlisted.sort();
    let words = English::new();
    let lessons = ids
        .into_iter()
        .map(|id| {
            let result = if is_plain_id(&id) {
                let file = format!("{id}.json");
                read_limited(&dir.join(&file), MAX_LESSON_BYTES)
                    .map_err(|e| vec![format!("{file}: {e}")])
                    .and_then(|text| check_file(dir, &file, &text, &words))
                    .and_then(|lesson| {
                        let problems =
                            if with_notes.contains(&&id) { notes_problems(&lesson) } else { vec![] };
                        if problems.is_empty() {
                            Ok(lesson)
                        } else {
                            Err(problems)
                        }
                    })
            } else {
                // Never read: `../x` would reach outside the folder, and bundle writes by id.
                Err(vec!["index.json names it, but a lesson id is a plain file name".to_string()])
            };
            let warnings = result.as_ref().map(tafukt_lesson::mutation::warnings).unwrap_or_default();
            Checked { name: id, result, warnings }
        })
        .collect();
    Ok(Folder { index, lessons, unlisted })
}

/// Everything `check` asks of one lesson file's text; what the `lesson_json` fuzz target runs.
pub fn check_file(dir: &Path, file: &str, text: &str, words: &dyn Words) -> Result<Lesson, Vec<String>> {
    check_file_in(dir, file, text, words, Scope::Course)
}

/// [`check_file`] for a lesson of the course or a teacher's own (`scope`).
pub fn check_file_in(
    dir: &Path,
    file: &str,
    text: &str,
    words: &dyn Words,
    scope: Scope,
) -> Result<Lesson, Vec<String>> {
    let checked = catch_unwind(AssertUnwindSafe(|| {
        let lesson = check_lesson_file(file, text, words, scope)?;
        let problems = text_problems(&lesson, dir, scope);
        if problems.is_empty() {
            Ok(lesson)
        } else {
            Err(problems)
        }
    }));
    checked.unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(vec![format!("the checker failed on this lesson (a bug in tafukt, please report it): {message}")])
    })
}

/// Lesson text that would not bundle (Markdown a lesson may not use), or that shows an image
/// that is not a file of the lesson folder's `img/` within the size limit.
///
/// A course lesson's names must be in every language (`tafukt_lesson::names`), and its
/// solution must pass and its starter fail with each language's words too.
fn text_problems(lesson: &Lesson, dir: &Path, scope: Scope) -> Vec<String> {
    let mut problems = Vec::new();
    if scope == Scope::Course {
        problems.extend(tafukt_lesson::names::problems(lesson));
    }
    for lang in Lang::ALL {
        match crate::bundle::lesson_for(lesson, lang) {
            Err(e) => problems.push(format!("{} text: {e}", lang.tag())),
            Ok(bundled) => {
                if !lesson.names.is_empty() && lang != Lang::En {
                    problems.extend(named_runs(&bundled, lang));
                }
                if let Err(e) = crate::bundle::notes_for(lesson, lang) {
                    problems.push(format!("{} teacher notes: {e}", lang.tag()));
                }
                let texts = std::iter::once(&bundled.instructions).chain(&bundled.hints);
                for text in texts.flat_map(|t| t.0.values()) {
                    for t in tokens(text) {
                        if let Token::Open("img", Some((src, _))) = t {
                            if let Some(p) = image_problem(dir, src) {
                                problems.push(p);
                            }
                        }
                    }
                }
            }
        }
    }
    problems.dedup();
    problems
}

/// A bundled lesson whose names are in `lang`'s words: its solution must still pass on every
/// seed and its starter still fail (a word may clash with the language's keywords).
fn named_runs(bundled: &Lesson, lang: Lang) -> Vec<String> {
    let tag = lang.tag();
    let mut problems = Vec::new();
    match tafukt_lesson::check::first_failure(bundled, &bundled.solution) {
        Ok(None) => {}
        Ok(Some(_)) | Err(_) => {
            problems.push(format!("names: with the `{tag}` words the solution no longer passes"))
        }
    }
    if let Ok(true) = tafukt_lesson::check::passes(bundled, &bundled.starter) {
        problems.push(format!("names: with the `{tag}` words the starter passes"));
    }
    problems
}

/// Only the folder's `img/` and `thumbs/` are copied into the build, so only they can be shown.
fn image_problem(dir: &Path, src: &str) -> Option<String> {
    let place = src
        .split_once('/')
        .filter(|(folder, name)| (*folder == "img" || *folder == "thumbs") && is_plain_file_name(name));
    let Some((folder, name)) = place else {
        return Some(format!("image `{src}` must be `img/` and a file name"));
    };
    match std::fs::symlink_metadata(dir.join(folder).join(name)) {
        Ok(m) if m.is_file() && m.len() <= MAX_IMAGE_BYTES => None,
        Ok(m) if m.is_file() => Some(format!(
            "image `{src}` is {} KB; at most {} KB",
            m.len().div_ceil(1024),
            MAX_IMAGE_BYTES / 1024
        )),
        _ => Some(format!("image `{src}` is not in the lesson folder")),
    }
}

/// A name with no folder in it (`a.png`, not `../a.png` or `a/b.png`).
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lesson folder of the fixture lesson under three ids, in two units.
    fn folder(name: &str, notes: &[(&str, &str)]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("tafukt-notes-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let index = r#"{"schema_version":1,"courses":[{"id":"c","title":{"en":"C"},"units":[
            {"id":"loops","title":{"en":"L"},"lessons":["a","b"]},
            {"id":"drawing","title":{"en":"D"},"lessons":["c"]}]}]}"#;
        std::fs::write(dir.join("index.json"), index).unwrap();
        let fixture = include_str!("../tests/fixtures/lesson.json");
        for id in ["a", "b", "c"] {
            let mut text = fixture.replacen(r#""id": "lesson""#, &format!(r#""id": "{id}""#), 1);
            if let Some((_, json)) = notes.iter().find(|(i, _)| *i == id) {
                text = text.replacen(r#""reviewed""#, &format!(r#""teacher_notes": {json}, "reviewed""#), 1);
            }
            std::fs::write(dir.join(format!("{id}.json")), text).unwrap();
        }
        dir
    }

    #[test]
    fn lessons_of_the_named_units_need_every_note_in_every_language() {
        let all = r#"{"en":"a","fr":"b","ar":"c","zgh":"ⴰ"}"#;
        let whole = format!(r#"{{"goal":{all},"mistakes":{all},"question":{all},"unplugged":{all}}}"#);
        let partial = whole.replacen(all, r#"{"en":"a","fr":"b","ar":"c"}"#, 1);
        let dir = folder("units", &[("a", &whole), ("b", &partial)]);
        let checked = read_folder_asking_notes_in(&dir, &["loops"]).unwrap();
        assert_eq!(
            checked.report(),
            ["ok   a", "FAIL b: teacher notes: `goal` has no `zgh` text", "ok   c"],
            "c is in a unit that is not asked"
        );
        let checked = read_folder_asking_notes_in(&dir, &["loops", "drawing"]).unwrap();
        assert_eq!(
            checked.report()[2],
            "FAIL c: teacher notes are missing (goal, mistakes, question, unplugged, in every language)"
        );
        assert_eq!(read_folder_asking_notes_in(&dir, &[]).unwrap().failures(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn notes_that_would_not_bundle_are_a_problem_anywhere() {
        let raw = r#"{"en":"<b>hi</b>","fr":"b","ar":"c","zgh":"ⴰ"}"#;
        let notes = format!(r#"{{"goal":{raw},"mistakes":{raw},"question":{raw},"unplugged":{raw}}}"#);
        let dir = folder("html", &[("c", &notes)]);
        let report = read_folder_asking_notes_in(&dir, &[]).unwrap().report();
        assert!(report[2].starts_with("FAIL c: en teacher notes: "), "{report:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_units_asked_for_notes_are_units_of_the_course() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons"));
        let index =
            parse_index("index.json", &std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
        let units: Vec<&str> = index.courses.iter().flat_map(|c| &c.units).map(|u| u.id.as_str()).collect();
        for unit in NOTES_REQUIRED_IN {
            assert!(units.contains(unit), "{unit} is not a unit of lessons/index.json");
        }
    }
}
