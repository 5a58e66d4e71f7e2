//! The lesson and course-index formats. Strict on purpose (`deny_unknown_fields`, a
//! `schema_version`): a typo in a lesson file is reported, never silently ignored.

use serde::{Deserialize, Serialize};
use tafukt_world::sorted::SortedMap;

use tafukt_lang::Lang;
use tafukt_world::WorldSpec;

use crate::goals::Goal;

pub const LESSON_SCHEMA_VERSION: u32 = 1;

/// Text in each pupil language, keyed by language tag (`en`, `fr`, `ar`, `zgh`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Localized(pub SortedMap<String, String>);

impl Localized {
    /// The text in `lang`, else English, else any; never panics on a missing language.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.tag())
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub schema_version: u32,
    pub id: String,
    pub title: Localized,
    pub instructions: Localized,
    #[serde(default)]
    pub concepts: Vec<String>,
    pub world: WorldSpec,
    /// Everything the pupil may use, in the order the palette shows it: built-in keys (see
    /// `Builtin::key`) and blocks and operator families (`repeat`, `while`, `if`, `else`,
    /// `for_each`, `define`, `variables`, `arithmetic`, `compare`, `logic`, `lists`, `note`;
    /// see `tafukt_lang::toolbox` for what each covers).
    pub toolbox: Vec<String>,
    /// Programs are stored as canonical English text, the language-neutral form.
    pub starter: String,
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub stars: Option<StarRule>,
    #[serde(default)]
    pub hints: Vec<Localized>,
    pub solution: String,
    /// Questions to think about once the lesson is solved; not graded, answered by tapping.
    #[serde(default)]
    pub quiz: Vec<Question>,
    /// What the teacher reads before the lesson (teacher mode); not part of the pupil's page.
    #[serde(default)]
    pub teacher_notes: Option<TeacherNotes>,
    /// Before the Run, the class taps the square where it thinks the robot will stop (grid
    /// worlds; teacher mode can ask it in any grid lesson too).
    #[serde(default)]
    pub predict_end: bool,
    /// Languages (tags) whose title, instructions and hints a native speaker has reviewed;
    /// the others are shown to teachers as awaiting review.
    pub reviewed: Vec<String>,
    /// The names and said texts of the lesson's programs in each language (`names`): the
    /// bundle writes each language's programs with its own words; never in the bundled form.
    #[serde(default, skip_serializing_if = "crate::names::none", with = "crate::authored")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::names::Names"))]
    pub names: crate::names::Names,
    /// Other right answers the author knows of (`authored::OtherSolutions`); never bundled.
    #[serde(default, skip_serializing_if = "crate::authored::no_other_solutions", with = "crate::authored")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<String>"))]
    pub other_solutions: crate::authored::OtherSolutions,
}

/// A lesson's notes for the teacher's preparation, in each language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TeacherNotes {
    /// What the pupils learn (one or two sentences).
    pub goal: Localized,
    /// Mistakes pupils often make here, and how to help without giving the answer.
    pub mistakes: Localized,
    /// A question to ask the whole class (before or after the lesson).
    pub question: Localized,
    /// An unplugged activity: the same idea without a device (paper, floor, bodies).
    pub unplugged: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub question: Localized,
    /// Two to four answers to choose from.
    pub choices: Vec<Localized>,
    /// The right answer's place in `choices`, from 0.
    pub answer: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StarRule {
    pub max_blocks: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CourseIndex {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub schema_version: u32,
    pub courses: Vec<Course>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub id: String,
    pub title: Localized,
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub title: Localized,
    pub lessons: Vec<String>,
}

impl CourseIndex {
    /// Every lesson id in course order.
    pub fn lesson_ids(&self) -> Vec<String> {
        self.courses.iter().flat_map(|c| &c.units).flat_map(|u| u.lessons.iter().cloned()).collect()
    }
}

/// Why a lesson or index could not be loaded, in words a teacher can act on.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub problem: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

fn json_error(file: &str, e: serde_json::Error) -> LoadError {
    LoadError { file: file.to_string(), problem: format!("line {}, column {}: {e}", e.line(), e.column()) }
}

/// Parses and validates one lesson file's text (the JSON a lesson is written in).
pub fn parse_lesson(file: &str, text: &str) -> Result<Lesson, LoadError> {
    let lesson: Lesson = serde_json::from_str(text).map_err(|e| json_error(file, e))?;
    validate(file, lesson)
}

/// A lesson or index in the form the app loads (written by `tafukt bundle`): postcard, a
/// positional binary form whose reader is a fraction of JSON's in the wasm (−25 KB). The
/// strict checks with line and column run on the JSON sources, natively, in `tafukt check`.
pub fn to_bundled<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(value).map_err(|e| e.to_string())
}

/// A bundled file postcard could not read. Its reason is left out: bundles are written by
/// `tafukt bundle` from checked sources, so the reason is never the author's to fix, and
/// postcard's words for it would weigh on lesson 1's load.
fn damaged(file: &str, _: postcard::Error) -> LoadError {
    LoadError { file: file.to_string(), problem: DAMAGED.to_string() }
}

const DAMAGED: &str = "the file is damaged or from another version";

/// Reads and validates one bundled lesson. Never inlined: the web app calls it from more
/// than one place, and its reader is large.
#[inline(never)]
pub fn read_bundled_lesson(file: &str, bytes: &[u8]) -> Result<Lesson, LoadError> {
    let lesson: Lesson = postcard::from_bytes(bytes).map_err(|e| damaged(file, e))?;
    // A bundle is written from sources `tafukt check` passed, so a problem here means a
    // damaged file: the app says so (in the pupil's words), and the checker's words for
    // what is wrong are left out of its build.
    let mut sound = true;
    check(&lesson, &mut |_| sound = false);
    if !sound {
        return Err(LoadError { file: file.to_string(), problem: DAMAGED.to_string() });
    }
    Ok(lesson)
}

/// Every lesson's teacher notes in one language, as `tafukt bundle` writes them apart from the
/// lessons (`lessons/notes/<lang>.bin`), so a pupil never downloads them: only teacher mode
/// (full app) reads them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NotesBundle {
    /// By lesson id, in course order.
    pub lessons: Vec<(String, TeacherNotes)>,
}

impl NotesBundle {
    pub fn get(&self, id: &str) -> Option<&TeacherNotes> {
        self.lessons.iter().find(|(i, _)| i == id).map(|(_, n)| n)
    }
}

pub fn read_bundled_notes(file: &str, bytes: &[u8]) -> Result<NotesBundle, LoadError> {
    postcard::from_bytes(bytes).map_err(|e| damaged(file, e))
}

pub fn read_bundled_index(file: &str, bytes: &[u8]) -> Result<CourseIndex, LoadError> {
    postcard::from_bytes(bytes).map_err(|e| damaged(file, e))
}

/// What makes a lesson unusable whatever form it came in, each told to `report`.
fn check(lesson: &Lesson, report: &mut impl FnMut(std::fmt::Arguments)) {
    if lesson.schema_version != LESSON_SCHEMA_VERSION {
        report(format_args!(
            "schema_version is {}, this version of Tafukt reads {LESSON_SCHEMA_VERSION}",
            lesson.schema_version
        ));
    }
    lesson.world.check(&mut |p| report(format_args!("world: {p}")));
    for key in &lesson.toolbox {
        if tafukt_lang::Builtin::from_key(key).is_none()
            && tafukt_lang::toolbox::Construct::from_key(key).is_none()
        {
            report(format_args!("toolbox names `{key}`, which is not a built-in or a block"));
        }
    }
    if lesson.goals.is_empty() {
        report(format_args!("a lesson needs at least one goal"));
    }
}

/// The lesson, or the first thing that makes it unusable, in words for its author.
fn validate(file: &str, lesson: Lesson) -> Result<Lesson, LoadError> {
    let mut first = None;
    check(&lesson, &mut |p| {
        first.get_or_insert_with(|| p.to_string());
    });
    match first {
        Some(problem) => Err(LoadError { file: file.to_string(), problem }),
        None => Ok(lesson),
    }
}

pub fn parse_index(file: &str, text: &str) -> Result<CourseIndex, LoadError> {
    serde_json::from_str(text).map_err(|e| json_error(file, e))
}
