//! Saves and loads on this device (localStorage): the pupil's program per lesson, the chosen
//! language and the current lesson. A failing store (private mode, full disk) never breaks
//! the page: reads then find nothing and writes report false.

use tafukt_lang::Lang;

const PREFIX: &str = "tafukt.v1.";

fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn get(key: &str) -> Option<String> {
    store()?.get_item(&format!("{PREFIX}{key}")).ok()?
}

pub fn set(key: &str, value: &str) -> bool {
    store().is_some_and(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok())
}

/// A saved program is stored as its language tag, a newline, then the text exactly as typed.
pub fn save_program(lesson_id: &str, lang: Lang, source: &str) -> bool {
    set(&format!("program.{lesson_id}"), &format!("{}\n{source}", lang.tag()))
}

/// The saved program and the language it was written in. A value that does not start with a
/// known language tag is kept as text and read as written in `fallback`.
pub fn load_program(lesson_id: &str, fallback: Lang) -> Option<(Lang, String)> {
    let raw = get(&format!("program.{lesson_id}"))?;
    Some(decode_program(&raw, fallback))
}

pub fn remove(key: &str) -> bool {
    store().is_some_and(|s| s.remove_item(&format!("{PREFIX}{key}")).is_ok())
}

/// Forgets the stars of these lessons on this device (programs stay: they are the pupil's).
pub fn reset_progress(lesson_ids: &[String]) {
    for id in lesson_ids {
        remove(&format!("progress.{id}"));
    }
}

/// Stars saved for a lesson on this device (0 when never completed).
pub fn stars(lesson_id: &str) -> u8 {
    get(&format!("progress.{lesson_id}")).and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// Keeps the best stars a lesson has earned on this device.
pub fn save_stars(lesson_id: &str, stars: u8) -> bool {
    stars <= self::stars(lesson_id) || set(&format!("progress.{lesson_id}"), &stars.to_string())
}

pub fn decode_program(raw: &str, fallback: Lang) -> (Lang, String) {
    match raw.split_once('\n') {
        Some((tag, text)) => match Lang::from_tag(tag) {
            Some(lang) => (lang, text.to_string()),
            None => (fallback, raw.to_string()),
        },
        None => (fallback, raw.to_string()),
    }
}
