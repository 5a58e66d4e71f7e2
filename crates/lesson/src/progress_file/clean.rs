//! Cleaning what a file says before it is kept or shown: pupils' names and programs
//! without hidden characters (controls, bidi overrides), lesson ids short enough to quote,
//! dates checked, and the file names of downloads.

use super::{FileError, MAX_NAME_CHARS};

/// Longest lesson id quoted back in a message (an unknown id is the file's own text).
const MAX_QUOTED_ID: usize = 40;

/// A lesson id from a file, short and printable enough to quote in a message.
pub(super) fn quoted_id(id: &str) -> String {
    let clean: String = id.chars().filter(|c| !is_hidden(*c)).take(MAX_QUOTED_ID).collect();
    if clean.chars().count() < id.chars().count() {
        clean + "…"
    } else {
        clean
    }
}

/// Characters that could hide or reorder text: controls (C0, DEL, C1), bidi embeddings,
/// overrides and isolates, line and paragraph separators, the byte-order mark.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// The marks a name has no use for either: left-to-right, right-to-left and Arabic letter
/// marks and the zero-width space (joiners stay: some scripts need them).
fn is_name_mark(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A pupil's name as kept: hidden characters and marks out, runs of spaces made one,
/// trimmed; refused when nothing is left or it is longer than [`MAX_NAME_CHARS`].
pub fn clean_name(raw: &str) -> Result<String, FileError> {
    let mut name = String::new();
    for c in raw.chars() {
        if c.is_whitespace() {
            // A tab or a newline parts words like a space.
            if !name.is_empty() && !name.ends_with(' ') {
                name.push(' ');
            }
        } else if !is_hidden(c) && !is_name_mark(c) {
            name.push(c);
        }
    }
    let name = name.trim_end().to_string();
    match name.chars().count() {
        0 => Err(FileError::NameMissing),
        n if n > MAX_NAME_CHARS => Err(FileError::NameTooLong),
        _ => Ok(name),
    }
}

/// A program as kept: line ends made `\n`, hidden characters out but tabs kept.
pub fn clean_source(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| matches!(c, '\n' | '\t') || !is_hidden(*c))
        .collect()
}

pub(super) fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The download's file name: `tafukt-<name>-<date>.json`.
pub fn progress_file_name(pupil: &str, date: Option<&str>) -> String {
    let mut name = String::from("tafukt");
    for part in [slug(pupil), date.filter(|d| is_date(d)).unwrap_or("").to_string()] {
        if !part.is_empty() {
            name.push('-');
            name.push_str(&part);
        }
    }
    name + ".json"
}

/// The download's file name for one lesson's program: `tafukt-<lesson>.json`.
pub fn program_file_name(lesson: &str) -> String {
    format!("tafukt-{}.json", slug(lesson))
}

/// Letters and digits kept in any script, every other run of characters one dash.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().take(MAX_NAME_CHARS) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}
