//! Fetches static files (the lesson index, lessons, catalogues) relative to the page, so the
//! app works from any folder a school serves it from. A file `web/boot.js` already fetched
//! ahead (in parallel with the wasm), or one the single-file build carries inside the page,
//! is taken from there instead, once.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The response for `path`, or nothing when it could not be had (no connection, or a file
/// the server does not have): the pupil is told so in their language, never the browser's
/// words for it.
async fn fetch(path: &str) -> Option<Response> {
    let promise = super::boot::taken(path).or_else(|| Some(web_sys::window()?.fetch_with_str(path)))?;
    let response: Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    response.ok().then_some(response)
}

/// The text of `path`, or nothing when it could not be had.
pub async fn fetch_text(path: &str) -> Option<String> {
    JsFuture::from(fetch(path).await?.text().ok()?).await.ok()?.as_string()
}

/// The bytes of `path` (bundled lessons), or nothing when they could not be had.
pub async fn fetch_bytes(path: &str) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(fetch(path).await?.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
