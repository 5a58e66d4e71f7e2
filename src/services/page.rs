//! The page around the app: `<html lang dir>` follows the pupil's language, so the whole
//! layout mirrors for Arabic through CSS logical properties; and the page's own message for
//! when no catalogue at all could be loaded; in the full app, its own stylesheet and
//! projector mode (`<html data-projector>`, which `styles/full.css` styles), and the link a
//! page was opened with (`#p=…`, `#l=…`), taken off its address.

use tafukt_lang::Lang;

pub fn set_language(lang: Lang) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.set_attribute("lang", lang.tag());
    let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
}

/// The blocks' direction when a teacher chose a language for them written the other way
/// from the page's (`<html data-code-dir>`, styled by `full.css`); none: the page's.
#[cfg(feature = "full")]
pub fn set_code_direction(code: Option<Lang>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match code {
        Some(lang) => root.set_attribute("data-code-dir", if lang.is_rtl() { "rtl" } else { "ltr" }),
        None => root.remove_attribute("data-code-dir"),
    };
}

/// The tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Shows `index.html`'s message (in all four languages) for a first visit with no connection:
/// without a catalogue the app has no words of its own.
pub fn show_boot_error() {
    reveal("boot-error");
}

/// A part's stylesheet (`full.css`: projector mode and every on-demand part; `studio.css`),
/// added when its app starts, so it never weighs on the core app's first load. A page that
/// carries it inline already (`<style data-full-css>`, the single file) keeps that.
#[cfg(feature = "full")]
pub fn add_stylesheet(href: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector = format!("link[href='{href}'], style[data-{}]", href.replace('.', "-"));
    if doc.query_selector(&selector).ok().flatten().is_some() {
        return;
    }
    let (Ok(link), Ok(Some(head))) = (doc.create_element("link"), doc.query_selector("head")) else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", href);
    let _ = head.append_child(&link);
}

/// What follows `prefix` in the page's address fragment, if it starts so; the fragment is
/// then taken off the address (`history.replaceState`), so a reload does not take the link
/// in again.
#[cfg(feature = "full")]
pub fn take_fragment(prefix: &str) -> Option<String> {
    use wasm_bindgen::{JsCast, JsValue};
    let window = web_sys::window()?;
    let payload = window.location().hash().ok()?.strip_prefix(prefix)?.to_string();
    let href = window.location().href().unwrap_or_default();
    let bare = href.split('#').next().unwrap_or_default().to_string();
    let history = js_sys::Reflect::get(&window, &"history".into()).unwrap_or(JsValue::UNDEFINED);
    if let Ok(replace) =
        js_sys::Reflect::get(&history, &"replaceState".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = replace.call3(&history, &JsValue::NULL, &"".into(), &bare.into());
    }
    Some(payload)
}

/// Projector mode on or off for the whole page (the top bar and everything else follow).
#[cfg(feature = "full")]
pub fn set_projector(on: bool) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ =
        if on { root.set_attribute("data-projector", "") } else { root.remove_attribute("data-projector") };
}

/// Shows one of the page's own messages (hidden in `index.html` until needed).
fn reveal(id: &str) {
    if let Some(e) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        let _ = e.remove_attribute("hidden");
    }
}
