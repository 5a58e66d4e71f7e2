//! Files in and out of the page (full app): a text downloaded as a file, the files picked in
//! a file input read as bytes (their size checked before reading), and the pupil's work on
//! this device gathered from storage and written back.

use js_sys::{Array, Uint8Array};
use tafukt_lang::Lang;
use tafukt_lesson::progress_file::{check_size, FileError, LessonWork, SavedProgram};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, HtmlInputElement, Url};

use super::storage;

/// Why a picked file gave no bytes.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Refused before reading (too big).
    Refused(FileError),
    /// The browser could not read it.
    Failed,
}

/// Offers `text` as a download named `name`. False if the browser would not make it.
pub fn download(name: &str, text: &str) -> bool {
    let make = || -> Option<()> {
        let parts = Array::of1(&text.into());
        let options = BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let a: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        // The download has started from the URL; it can go once this task is over.
        gloo_timers::callback::Timeout::new(1_000, move || {
            let _ = Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    make().is_some()
}

/// The files picked in a file input, then the input emptied, so picking the same file again
/// is a new pick.
pub fn take_picked(input: &HtmlInputElement) -> Vec<File> {
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// A picked file's bytes, refused unread if larger than `limit`.
pub async fn read(file: &File, limit: usize) -> Result<Vec<u8>, ReadError> {
    // `size` is a double in the DOM; anything beyond usize is too big anyway.
    let size = file.size();
    let size =
        if size.is_finite() && size >= 0.0 && size < usize::MAX as f64 { size as usize } else { usize::MAX };
    check_size(size, limit).map_err(ReadError::Refused)?;
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ReadError::Failed)?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    // The file may have grown since it was picked.
    check_size(bytes.len(), limit).map_err(ReadError::Refused)?;
    Ok(bytes)
}

/// Today as `YYYY-MM-DD` (UTC), for the progress file.
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect()
}

/// Every lesson's work on this device, in course order (`fallback`: the language of a
/// program saved without one).
pub fn work_here(ids: &[String], fallback: Lang) -> Vec<LessonWork> {
    ids.iter()
        .map(|id| LessonWork {
            lesson: id.clone(),
            stars: storage::stars(id),
            program: storage::load_program(id, fallback).map(|(lang, source)| SavedProgram { lang, source }),
        })
        .collect()
}

/// The pupil's name for progress files, as last given on this device.
pub fn pupil_name() -> Option<String> {
    storage::get("pupil-name").filter(|n| !n.is_empty())
}

pub fn set_pupil_name(name: &str) -> bool {
    storage::set("pupil-name", name)
}
