//! Fetches static files (the lesson index, lessons, catalogues) relative to the page, so the
//! app works from any folder a school serves it from. A file `web/boot.js` already fetched
//! ahead (in parallel with the wasm), or one the single-file build carries inside the page,
//! is taken from there instead, once.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The bytes of `path` (bundled lessons, and catalogues through [`fetch_text`]), or nothing
/// when they could not be had (no connection, or a file the server does not have): the pupil
/// is told so in their language, never the browser's words for it. A file the boot script
/// fetched ahead comes already read, so it takes no wait for its body.
pub async fn fetch_bytes(path: &str) -> Option<Vec<u8>> {
    let buffer = match super::boot::taken(path) {
        Some(ahead) => JsFuture::from(ahead).await.ok()?,
        None => {
            let response: Response =
                JsFuture::from(web_sys::window()?.fetch_with_str(path)).await.ok()?.dyn_into().ok()?;
            JsFuture::from(response.ok().then_some(response)?.array_buffer().ok()?).await.ok()?
        }
    };
    (!buffer.is_null()).then(|| js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The text of `path` (catalogues), or nothing when it could not be had or is not UTF-8.
pub async fn fetch_text(path: &str) -> Option<String> {
    String::from_utf8(fetch_bytes(path).await?).ok()
}
