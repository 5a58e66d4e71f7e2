//! Styles that follow the full app's state (the text editor's running line, the blocks
//! marked for predict-then-run), set through the CSS object model: the page's
//! Content-Security-Policy (`style-src 'self'`, ARCHITECTURE.md) refuses `style` attributes
//! and `<style>` elements. (Lesson 1's block marks and zoom are attributes app.css styles.)

use wasm_bindgen::JsCast;
use web_sys::CssStyleDeclaration;
use yew::prelude::*;

/// Sets `css` (declarations, as in a `style` attribute) on the element of `node` after every
/// render, so an element that was drawn anew gets it too.
#[hook]
pub fn use_css_text(node: &NodeRef, css: String) {
    let node = node.clone();
    use_effect(move || {
        if let Some(style) = node.get().and_then(|el| js_sys::Reflect::get(&el, &"style".into()).ok()) {
            let style: CssStyleDeclaration = style.unchecked_into();
            if style.css_text() != css {
                style.set_css_text(&css);
            }
        }
    });
}

/// A style sheet of this component's own holding `rules`, in the page while the component is.
/// Browsers without constructable style sheets get a `<style>` element instead (they predate
/// the policy that would refuse it).
#[hook]
pub fn use_style_sheet(rules: String) {
    let sheet = use_memo((), |_| Sheet::new());
    {
        let sheet = sheet.clone();
        use_effect_with((), move |_| move || sheet.remove());
    }
    use_effect_with(rules, move |rules| sheet.set(rules));
}

enum Sheet {
    Adopted(web_sys::CssStyleSheet),
    Element(web_sys::Element),
    None,
}

impl Sheet {
    fn new() -> Self {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return Sheet::None };
        if let Ok(sheet) = web_sys::CssStyleSheet::new() {
            let all = doc.adopted_style_sheets();
            all.push(&sheet);
            doc.set_adopted_style_sheets(&all);
            return Sheet::Adopted(sheet);
        }
        match (doc.create_element("style"), doc.query_selector("head")) {
            (Ok(el), Ok(Some(head))) if head.append_child(&el).is_ok() => Sheet::Element(el),
            _ => Sheet::None,
        }
    }

    fn set(&self, rules: &str) {
        match self {
            Sheet::Adopted(sheet) => {
                // A rule the browser cannot parse drops only itself, never the sheet.
                let _ = sheet.replace_sync(rules);
            }
            Sheet::Element(el) => el.set_text_content(Some(rules)),
            Sheet::None => {}
        }
    }

    fn remove(&self) {
        match self {
            Sheet::Adopted(sheet) => {
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    let all = doc.adopted_style_sheets();
                    let kept: js_sys::Array =
                        all.iter().filter(|s| s != sheet.as_ref() as &wasm_bindgen::JsValue).collect();
                    doc.set_adopted_style_sheets(&kept);
                }
            }
            Sheet::Element(el) => el.remove(),
            Sheet::None => {}
        }
    }
}
