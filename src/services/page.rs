//! The page around the app: `<html lang dir>` follows the pupil's language, so the whole
//! layout mirrors for Arabic through CSS logical properties; and the page's own message for
//! when no catalogue at all could be loaded.

use tafukt_lang::Lang;

pub fn set_language(lang: Lang) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.set_attribute("lang", lang.tag());
    let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
}

/// Shows `index.html`'s message (in all four languages) for a first visit with no connection:
/// without a catalogue the app has no words of its own.
pub fn show_boot_error() {
    if let Some(e) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-error"))
    {
        let _ = e.remove_attribute("hidden");
    }
}
