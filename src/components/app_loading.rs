//! What the app shell fetches and reads: the language a pupil starts in, a lesson from
//! `lessons/<lang>/`, and the catalogue of a language in its two halves.

use std::rc::Rc;

use tafukt_i18n::Catalog;
use tafukt_lang::Lang;
use tafukt_lesson::model::read_bundled_lesson;
use tafukt_lesson::Lesson;

use super::i18n::I18n;
use crate::services::fetch::{fetch_bytes, fetch_text};
use crate::services::storage;

pub(super) fn initial_lang() -> Lang {
    storage::get("lang").and_then(|t| Lang::from_tag(&t)).unwrap_or_else(|| {
        let nav = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
        Lang::from_tag(nav.split('-').next().unwrap_or("")).unwrap_or(Lang::En)
    })
}

/// A file that could not be used, and whether it came (so it was its form that could not be
/// read) or never did (no connection): what the pupil is told, in their language.
#[derive(Clone, PartialEq, Debug)]
pub(super) struct Unusable {
    pub file: String,
    pub came: bool,
}

/// A lesson in the pupil's language from `lessons/<lang>/` (bundled by `tafukt bundle`), or
/// why it could not be had. The one place lessons are fetched and parsed, so the parser is
/// in the bundle once.
pub(super) async fn load_lesson(id: &str, lang: Lang) -> Result<Lesson, Unusable> {
    // A teacher's own lesson (studio app) is kept on the device as its file.
    #[cfg(feature = "studio")]
    if let Some(text) = storage::own_lesson(id) {
        return own_lesson(id, &text, lang).map_err(|_| Unusable { file: format!("{id}.json"), came: true });
    }
    let file = format!("{}/{id}.bin", lang.tag());
    match fetch_bytes(&format!("lessons/{file}")).await {
        Some(bytes) => read_bundled_lesson(&file, &bytes).map_err(|_| Unusable { file, came: true }),
        None => Err(Unusable { file, came: false }),
    }
}

/// The catalogue for `lang`, fetched from `messages/` (none is compiled into the app): what
/// a pupil sees before the first Run, and its text. `tafukt bundle` splits the catalogues.
/// The full app, which shows some of the later half's words at once (the block editor's
/// notes and names, the later units' goals), takes both halves before its first screen.
pub(super) async fn load_catalog(lang: Lang) -> Option<(I18n, String)> {
    let text = fetch_text(&format!("messages/{}.txt", lang.tag())).await?;
    #[cfg(feature = "full")]
    let text = text + &fetch_text(&format!("messages/{}.more.txt", lang.tag())).await.unwrap_or_default();
    Some((I18n(Rc::new(Catalog::from_text(lang, &text))), text))
}

/// The catalogue `first` (its text) with the messages of problems added (`xx.more.txt`),
/// fetched once the first load is done.
pub(super) async fn load_more(lang: Lang, first: String) -> Option<I18n> {
    // The full app has both halves already (`load_catalog`).
    if cfg!(feature = "full") {
        return None;
    }
    let text = first + &fetch_text(&format!("messages/{}.more.txt", lang.tag())).await?;
    Some(I18n(Rc::new(Catalog::from_text(lang, &text))))
}

/// A teacher's own lesson as pupils of `lang` see it (its Markdown turned into lesson text).
#[cfg(feature = "studio")]
fn own_lesson(id: &str, text: &str, lang: Lang) -> Result<Lesson, String> {
    let lesson = crate::studio::from_file(text.as_bytes()).map_err(|e| format!("{e:?}"))?;
    if lesson.id != id {
        return Err(format!("the file holds `{}`", lesson.id));
    }
    tafukt_lesson::one_language::lesson_for(&lesson, lang)
}
