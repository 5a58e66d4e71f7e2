//! Fetches static files (the lesson index, lessons, catalogues) relative to the page, so the
//! app works from any folder a school serves it from. A file `web/boot.js` already fetched
//! ahead (in parallel with the wasm), or one the single-file build carries inside the page,
//! is taken from there instead, once.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

async fn fetch(path: &str) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = super::boot::taken(path).unwrap_or_else(|| window.fetch_with_str(path));
    let response = JsFuture::from(promise).await.map_err(|e| format!("{e:?}"))?;
    let response: Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    Ok(response)
}

/// The text of `path`, or a one-line reason it could not be had.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let response = fetch(path).await?;
    let text =
        JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// The bytes of `path` (bundled lessons), or a one-line reason they could not be had.
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let response = fetch(path).await?;
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
