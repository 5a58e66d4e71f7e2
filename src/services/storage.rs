//! Saves and loads on this device (localStorage): the pupil's program per lesson with a short
//! history of its earlier versions, the stars, the chosen language and the current lesson.
//! A failing store never breaks the page and never loses the session's work: a value the
//! device did not take (private mode, a full store) is kept in the page's memory
//! (`window.tafuktMemory`, so the full app finds it after a hand-over) and read back from
//! there first, and [`trouble`] says what the pupil should be told. Saved values are untrusted
//! (another tool, an old version, a full disk may have left anything): they are read as
//! best as possible, never with a panic, and nothing else on the device is touched.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};

use tafukt_lang::Lang;

use crate::saved::{cut, decode_versions, push_version, read_stars};
pub use crate::saved::{decode_program, Version};

const PREFIX: &str = "tafukt.v1.";
/// The longest program opened from the device: far above any pupil's program, and short
/// enough for the editors to stay quick. A longer saved value is cut at a line.
pub const MAX_PROGRAM: usize = 100_000;
/// The most bytes the programs of a lesson's earlier versions may take together.
const MAX_HISTORY: usize = 160_000;

/// A pause in editing this long: the program as it was becomes an earlier version.
const PAUSE_MS: f64 = 10_000.0;

/// What the pupil should know about saving on this device (the lesson view keeps it as its
/// number: 0 to 3).
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub enum Trouble {
    #[default]
    None = 0,
    /// No store at all (private mode): the work lasts as long as the page.
    Off,
    /// The last change did not fit on the device (kept in memory; tried again on the next).
    Full,
    /// A saved program was damaged or too long: what could be read was opened.
    Damaged,
}

thread_local! {
    static TROUBLE: Cell<Trouble> = const { Cell::new(Trouble::None) };
    /// When a program was last saved (the page's clock, in milliseconds).
    static LAST_SAVE: Cell<f64> = const { Cell::new(0.0) };
}

/// What the pupil should be told about saving, now.
pub fn trouble() -> Trouble {
    TROUBLE.with(Cell::get)
}

fn store() -> Option<web_sys::Storage> {
    let store = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if store.is_none() {
        TROUBLE.with(|t| t.set(Trouble::Off));
    }
    store
}

/// Values the device did not take, by key (a plain object on the page): read before the
/// device's.
fn memory() -> Option<js_sys::Object> {
    let window = web_sys::window()?;
    let name = JsValue::from_str("tafuktMemory");
    if let Ok(kept) = js_sys::Reflect::get(&window, &name).and_then(|m| m.dyn_into()) {
        return Some(kept);
    }
    let kept = js_sys::Object::new();
    js_sys::Reflect::set(&window, &name, &kept).ok()?;
    Some(kept)
}

pub fn get(key: &str) -> Option<String> {
    let key = JsValue::from_str(&format!("{PREFIX}{key}"));
    let kept = memory().and_then(|m| js_sys::Reflect::get(&m, &key).ok()?.as_string());
    kept.or_else(|| store()?.get_item(&key.as_string()?).ok()?)
}

/// Writes `value`; false when the device did not take it (it is then kept in memory for the
/// session, and [`trouble`] says so).
pub fn set(key: &str, value: &str) -> bool {
    let saved = put(key, value);
    TROUBLE.with(|t| match (saved, t.get()) {
        (true, Trouble::Full) => t.set(Trouble::None),
        (false, Trouble::None | Trouble::Damaged) => t.set(Trouble::Full),
        _ => {}
    });
    saved
}

/// Writes `value` without changing what the pupil is told.
fn put(key: &str, value: &str) -> bool {
    let key = format!("{PREFIX}{key}");
    let saved = store().is_some_and(|s| s.set_item(&key, value).is_ok());
    if let Some(m) = memory() {
        let key = JsValue::from_str(&key);
        let _ = if saved {
            js_sys::Reflect::delete_property(&m, &key)
        } else {
            js_sys::Reflect::set(&m, &key, &JsValue::from_str(value))
        };
    }
    saved
}

pub fn remove(key: &str) -> bool {
    let key = format!("{PREFIX}{key}");
    if let Some(m) = memory() {
        let _ = js_sys::Reflect::delete_property(&m, &JsValue::from_str(&key));
    }
    store().is_some_and(|s| s.remove_item(&key).is_ok())
}

/// A saved program is stored as its language tag, a newline, then the text exactly as typed.
/// The first save after a pause in editing first keeps the program as it was (what the pupil
/// had when they stopped) as an earlier version (not the page's first save: that is the
/// program as it was loaded).
pub fn save_program(lesson_id: &str, lang: Lang, source: &str) -> bool {
    let now = js_sys::Date::now();
    let last = LAST_SAVE.with(|t| t.replace(now));
    if last > 0.0 && now - last > PAUSE_MS {
        if let Some(raw) = get(&format!("program.{lesson_id}")) {
            let (lang, before) = decode_program(&raw, lang);
            if before != source {
                keep_version(lesson_id, lang, &before);
            }
        }
    }
    set(&format!("program.{lesson_id}"), &format!("{}\n{source}", lang.tag()))
}

/// Saves `source` in place of the lesson's program (an import from a file), keeping the
/// program it replaces as an earlier version first, whenever it was last saved.
pub fn replace_program(lesson_id: &str, lang: Lang, source: &str) -> bool {
    if let Some((before_lang, before)) = load_program(lesson_id, lang) {
        if before != source {
            keep_version(lesson_id, before_lang, &before);
        }
    }
    save_program(lesson_id, lang, source)
}

/// The saved program and the language it was written in. A value that does not start with a
/// known language tag is kept as text and read as written in `fallback`; a value longer
/// than [`MAX_PROGRAM`] is cut at a line (and the pupil told).
pub fn load_program(lesson_id: &str, fallback: Lang) -> Option<(Lang, String)> {
    let raw = get(&format!("program.{lesson_id}"))?;
    let (lang, mut text) = decode_program(&raw, fallback);
    let damaged = text.len() > MAX_PROGRAM;
    if damaged {
        text.truncate(cut(&text, MAX_PROGRAM));
    }
    TROUBLE.with(|t| match t.get() {
        Trouble::None if damaged => t.set(Trouble::Damaged),
        Trouble::Damaged if !damaged => t.set(Trouble::None),
        _ => {}
    });
    Some((lang, text))
}

/// Forgets the stars of these lessons on this device (programs stay: they are the pupil's).
pub fn reset_progress(lesson_ids: &[String]) {
    for id in lesson_ids {
        remove(&format!("progress.{id}"));
    }
}

/// Stars saved for a lesson on this device (0 when never completed or unreadable; at most
/// 3 whatever was saved).
pub fn stars(lesson_id: &str) -> u8 {
    get(&format!("progress.{lesson_id}")).map_or(0, |s| read_stars(&s))
}

/// Keeps the best stars a lesson has earned on this device.
pub fn save_stars(lesson_id: &str, stars: u8) -> bool {
    stars <= self::stars(lesson_id) || set(&format!("progress.{lesson_id}"), &stars.to_string())
}

/// The lesson's earlier versions, newest first. A damaged history is read up to the damage.
pub fn versions(lesson_id: &str) -> Vec<Version> {
    get(&format!("history.{lesson_id}")).map(|raw| decode_versions(&raw)).unwrap_or_default()
}

/// Keeps `source` as the lesson's newest earlier version (not when it is empty, too long or
/// the same as the newest; the oldest go). Never a change to what the pupil is told: a full
/// device keeps the history it had (the program's own saving matters more), the page keeps
/// the new one for the session.
pub fn keep_version(lesson_id: &str, lang: Lang, source: &str) {
    let key = format!("history.{lesson_id}");
    let old = get(&key).unwrap_or_default();
    if let Some(new) = push_version(&old, js_sys::Date::now() as u64, lang, source, MAX_HISTORY) {
        put(&key, &new);
    }
}

/// The ids of the teacher's own lessons on this device, in the order they were made (studio
/// app): each lesson is kept as its file's text under `own.<id>`, saved at every edit.
#[cfg(feature = "studio")]
pub fn own_lesson_ids() -> Vec<String> {
    get("own").map(|s| s.lines().filter(|l| !l.is_empty()).map(str::to_string).collect()).unwrap_or_default()
}

/// The text of the teacher's own lesson `id`, as its file holds it.
#[cfg(feature = "studio")]
pub fn own_lesson(id: &str) -> Option<String> {
    get(&format!("own.{id}"))
}

/// Keeps the teacher's own lesson `id`; false when the device did not take it (it is then
/// kept in the page's memory, and the lesson says so).
#[cfg(feature = "studio")]
pub fn save_own_lesson(id: &str, text: &str) -> bool {
    let saved = set(&format!("own.{id}"), text);
    let mut ids = own_lesson_ids();
    if !ids.iter().any(|i| i == id) {
        ids.push(id.to_string());
        return set("own", &ids.join("\n")) && saved;
    }
    saved
}

/// Takes the teacher's own lesson `id` off the device (asked twice by the studio).
#[cfg(feature = "studio")]
pub fn remove_own_lesson(id: &str) {
    let ids: Vec<String> = own_lesson_ids().into_iter().filter(|i| i != id).collect();
    set("own", &ids.join("\n"));
    remove(&format!("own.{id}"));
}
