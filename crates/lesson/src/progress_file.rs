//! A pupil's work as files that travel (a USB stick, a shared folder): the versioned JSON of
//! a pupil's whole progress and of one program, written here and read back from untrusted
//! bytes, with every refusal a typed [`FileError`] that names its catalogue message.
//!
//! Reading never panics and never trusts: the size is checked before parsing, a byte-order
//! mark is allowed, the format tag and version come first, and then every text is cleaned
//! (control characters and bidi overrides out, lengths capped). Lessons this course does not
//! have are left out of a progress file and counted ([`Decoded::unknown_lessons`]), so a file
//! from a newer course still brings what this one knows; a program file for a lesson this
//! course does not have is refused.

mod clean;
mod merge;

use serde::{Deserialize, Serialize};

pub use clean::{clean_name, clean_source, program_file_name, progress_file_name};
use clean::{is_date, quoted_id};
pub use merge::{merge, Merge};
use tafukt_lang::Lang;

/// The format tag of a pupil's progress file.
pub const PROGRESS_FORMAT: &str = "tafukt-progress";
/// The format tag of one program's file.
pub const PROGRAM_FORMAT: &str = "tafukt-program";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Largest progress file read (bytes): 62 lessons of long programs fit many times over.
pub const MAX_PROGRESS_BYTES: usize = 2 * 1024 * 1024;
/// Largest program file read (bytes).
pub const MAX_PROGRAM_BYTES: usize = 64 * 1024;
/// Longest program kept (bytes): JSON at most doubles it, so it fits in a program file.
pub const MAX_SOURCE_BYTES: usize = 30_000;
/// Longest pupil name (characters, after cleaning).
pub const MAX_NAME_CHARS: usize = 40;
/// Most lesson entries a progress file may hold.
pub const MAX_LESSONS: usize = 500;
/// Most stars a lesson gives (a tick, then a star for the block rule).
pub const MAX_STARS: u8 = 2;

/// A program and the language its keywords are written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedProgram {
    pub lang: Lang,
    pub source: String,
}

/// One lesson's work: its stars (0 when not done yet) and the program, if one was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonWork {
    pub lesson: String,
    pub stars: u8,
    pub program: Option<SavedProgram>,
}

/// A pupil's whole progress: the name the pupil chose, the day it was saved (`YYYY-MM-DD`,
/// given by the app: the engine has no clock) and each lesson's work in course order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub pupil: String,
    pub date: Option<String>,
    pub lessons: Vec<LessonWork>,
}

/// One program's file: the lesson it belongs to and the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramFile {
    pub lesson: String,
    pub program: SavedProgram,
}

/// A progress file read back, and how many of its lessons this course does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub progress: Progress,
    pub unknown_lessons: usize,
}

/// Why a file was refused. Each maps to a catalogue key ([`FileError::key`]) whose
/// placeholders [`FileError::args`] fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Larger than the limit (both in kilobytes).
    TooBig {
        size_kb: usize,
        limit_kb: usize,
    },
    /// Not UTF-8, not JSON, or JSON of the wrong shape (types, unknown fields, nesting).
    Broken,
    /// JSON, but not a Tafukt file.
    NotOurs,
    /// A program file where a progress file was expected.
    ProgramNotProgress,
    /// A progress file where a program file was expected.
    ProgressNotProgram,
    /// Written by a newer Tafukt.
    Newer {
        version: u32,
    },
    NameMissing,
    NameTooLong,
    /// A language tag this build does not know.
    UnknownLanguage,
    StarsOutOfRange {
        lesson: String,
    },
    ProgramTooLong {
        lesson: String,
    },
    TooManyLessons,
    Duplicate {
        lesson: String,
    },
    /// A program file for a lesson other than the one on screen.
    OtherLesson {
        lesson: String,
    },
    /// A program file for a lesson this course does not have.
    UnknownLesson {
        lesson: String,
    },
}

impl FileError {
    /// The catalogue key of the message shown for this refusal.
    pub fn key(&self) -> &'static str {
        match self {
            FileError::TooBig { .. } => "files.error.too-big",
            FileError::Broken => "files.error.broken",
            FileError::NotOurs => "files.error.not-ours",
            FileError::ProgramNotProgress => "files.error.program-not-progress",
            FileError::ProgressNotProgram => "files.error.progress-not-program",
            FileError::Newer { .. } => "files.error.newer",
            FileError::NameMissing => "files.error.name-missing",
            FileError::NameTooLong => "files.error.name-too-long",
            FileError::UnknownLanguage => "files.error.language",
            FileError::StarsOutOfRange { .. } => "files.error.stars",
            FileError::ProgramTooLong { .. } => "files.error.program-too-long",
            FileError::TooManyLessons => "files.error.too-many",
            FileError::Duplicate { .. } => "files.error.duplicate",
            FileError::OtherLesson { .. } => "files.error.other-lesson",
            FileError::UnknownLesson { .. } => "files.error.unknown-lesson",
        }
    }

    /// The message's placeholders. `lesson` is a lesson id: the app may show its title.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            FileError::TooBig { size_kb, limit_kb } => {
                vec![("size", size_kb.to_string()), ("limit", limit_kb.to_string())]
            }
            FileError::Newer { version } => vec![("version", version.to_string())],
            FileError::StarsOutOfRange { lesson }
            | FileError::ProgramTooLong { lesson }
            | FileError::Duplicate { lesson }
            | FileError::OtherLesson { lesson }
            | FileError::UnknownLesson { lesson } => vec![("lesson", lesson.clone())],
            _ => vec![],
        }
    }

    /// Every kind of refusal once (for tests that each has its message).
    pub fn examples() -> Vec<FileError> {
        let lesson = String::from("first-steps-1");
        vec![
            FileError::TooBig { size_kb: 3000, limit_kb: 2048 },
            FileError::Broken,
            FileError::NotOurs,
            FileError::ProgramNotProgress,
            FileError::ProgressNotProgram,
            FileError::Newer { version: 2 },
            FileError::NameMissing,
            FileError::NameTooLong,
            FileError::UnknownLanguage,
            FileError::StarsOutOfRange { lesson: lesson.clone() },
            FileError::ProgramTooLong { lesson: lesson.clone() },
            FileError::TooManyLessons,
            FileError::Duplicate { lesson: lesson.clone() },
            FileError::OtherLesson { lesson: lesson.clone() },
            FileError::UnknownLesson { lesson },
        ]
    }
}

// The files as JSON. Strict (`deny_unknown_fields`) like the lesson format: a field this
// version does not know means a file it cannot read faithfully.

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressJson {
    format: String,
    version: u32,
    pupil: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    lessons: Vec<LessonJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonJson {
    lesson: String,
    // Wider than a star count, so a number out of range is told apart from a broken file.
    #[serde(default)]
    stars: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    program: Option<ProgramJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramJson {
    lang: String,
    source: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramFileJson {
    format: String,
    version: u32,
    lesson: String,
    // The program's two fields inline (not `flatten`, which would let unknown fields by).
    lang: String,
    source: String,
}

/// The two fields read first, whatever else the file holds.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// A pupil's progress as the file's text. Refused (`TooBig`) if it would be larger than a
/// progress file may be, so a file Tafukt writes is always one it reads back.
pub fn encode_progress(progress: &Progress) -> Result<String, FileError> {
    let json = ProgressJson {
        format: PROGRESS_FORMAT.into(),
        version: VERSION,
        pupil: progress.pupil.clone(),
        date: progress.date.clone(),
        lessons: progress
            .lessons
            .iter()
            .map(|l| LessonJson {
                lesson: l.lesson.clone(),
                stars: u64::from(l.stars),
                program: l.program.as_ref().map(program_json),
            })
            .collect(),
    };
    let text = serde_json::to_string_pretty(&json).map_err(|_| FileError::Broken)?;
    check_size(text.len(), MAX_PROGRESS_BYTES)?;
    Ok(text)
}

/// One program as the file's text.
pub fn encode_program(file: &ProgramFile) -> Result<String, FileError> {
    let json = ProgramFileJson {
        format: PROGRAM_FORMAT.into(),
        version: VERSION,
        lesson: file.lesson.clone(),
        lang: file.program.lang.tag().into(),
        source: file.program.source.clone(),
    };
    let text = serde_json::to_string_pretty(&json).map_err(|_| FileError::Broken)?;
    check_size(text.len(), MAX_PROGRAM_BYTES)?;
    Ok(text)
}

fn program_json(p: &SavedProgram) -> ProgramJson {
    ProgramJson { lang: p.lang.tag().into(), source: p.source.clone() }
}

/// Refuses a file of `size` bytes before it is read, if larger than `limit`.
pub fn check_size(size: usize, limit: usize) -> Result<(), FileError> {
    if size > limit {
        return Err(FileError::TooBig { size_kb: size.div_ceil(1024), limit_kb: limit / 1024 });
    }
    Ok(())
}

/// Reads a pupil's progress file. `known` is every lesson id of this course: others are left
/// out and counted.
pub fn decode_progress(bytes: &[u8], known: &[String]) -> Result<Decoded, FileError> {
    let text = checked_text(bytes, MAX_PROGRESS_BYTES, PROGRESS_FORMAT)?;
    let json: ProgressJson = serde_json::from_str(text).map_err(|_| FileError::Broken)?;
    if json.lessons.len() > MAX_LESSONS {
        return Err(FileError::TooManyLessons);
    }
    let pupil = clean_name(&json.pupil)?;
    let date = json.date.filter(|d| is_date(d));
    let mut lessons: Vec<LessonWork> = Vec::new();
    let mut unknown_lessons = 0;
    for entry in json.lessons {
        if !known.contains(&entry.lesson) {
            unknown_lessons += 1;
            continue;
        }
        if lessons.iter().any(|l| l.lesson == entry.lesson) {
            return Err(FileError::Duplicate { lesson: entry.lesson });
        }
        let stars = u8::try_from(entry.stars)
            .ok()
            .filter(|s| *s <= MAX_STARS)
            .ok_or_else(|| FileError::StarsOutOfRange { lesson: entry.lesson.clone() })?;
        let program = entry.program.map(|p| read_program(p, &entry.lesson)).transpose()?;
        lessons.push(LessonWork { lesson: entry.lesson, stars, program });
    }
    // Course order, whatever order the file had.
    lessons.sort_by_key(|l| known.iter().position(|k| *k == l.lesson));
    Ok(Decoded { progress: Progress { pupil, date, lessons }, unknown_lessons })
}

/// Reads one program's file for the lesson `expected` (on screen); `known` is every lesson
/// id of this course.
pub fn decode_program(bytes: &[u8], expected: &str, known: &[String]) -> Result<ProgramFile, FileError> {
    let text = checked_text(bytes, MAX_PROGRAM_BYTES, PROGRAM_FORMAT)?;
    let json: ProgramFileJson = serde_json::from_str(text).map_err(|_| FileError::Broken)?;
    if !known.contains(&json.lesson) {
        return Err(FileError::UnknownLesson { lesson: quoted_id(&json.lesson) });
    }
    if json.lesson != expected {
        return Err(FileError::OtherLesson { lesson: json.lesson });
    }
    let program = read_program(ProgramJson { lang: json.lang, source: json.source }, &json.lesson)?;
    Ok(ProgramFile { lesson: json.lesson, program })
}

/// The size checked, the byte-order mark dropped, UTF-8 checked, and the header read: the
/// format tag must be `format` and the version one this build reads.
fn checked_text<'a>(bytes: &'a [u8], limit: usize, format: &str) -> Result<&'a str, FileError> {
    check_size(bytes.len(), limit)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::Broken)?;
    let header: Header = serde_json::from_str(text).map_err(|_| FileError::Broken)?;
    match header.format.as_deref() {
        Some(f) if f == format => {}
        Some(PROGRAM_FORMAT) => return Err(FileError::ProgramNotProgress),
        Some(PROGRESS_FORMAT) => return Err(FileError::ProgressNotProgram),
        _ => return Err(FileError::NotOurs),
    }
    match header.version {
        Some(v) if v > VERSION => Err(FileError::Newer { version: v }),
        Some(v) if v >= 1 => Ok(text),
        _ => Err(FileError::Broken),
    }
}

fn read_program(p: ProgramJson, lesson: &str) -> Result<SavedProgram, FileError> {
    let lang = Lang::from_tag(&p.lang).ok_or(FileError::UnknownLanguage)?;
    let source = clean_source(&p.source);
    if source.len() > MAX_SOURCE_BYTES {
        return Err(FileError::ProgramTooLong { lesson: lesson.to_string() });
    }
    Ok(SavedProgram { lang, source })
}
