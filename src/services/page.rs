//! The page around the app: `<html lang dir>` follows the pupil's language, so the whole
//! layout mirrors for Arabic through CSS logical properties.

use tafukt_lang::Lang;

pub fn set_language(lang: Lang) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    let _ = root.set_attribute("lang", lang.tag());
    let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
}
