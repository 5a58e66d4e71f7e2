//! The page's boot script (`web/boot.js`) as the app sees it: files it fetched ahead, the
//! signal that the first lesson is on screen, and the hand-over from the core app to the
//! full app (ARCHITECTURE.md, "Core and full"). Each call is harmless when the page has no
//! boot script (the wasm-bindgen tests): it is caught and ignored.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = tafuktTake, catch)]
    fn take(path: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = tafuktReady, catch)]
    fn ready() -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = tafuktSwitch, catch)]
    fn switch(intent: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = tafuktHandedOver, catch)]
    fn handed_over() -> Result<String, JsValue>;
}

/// The file the boot script already fetched for `path`, once: a promise of its bytes (an
/// `ArrayBuffer`), or of null when it could not be had.
pub fn taken(path: &str) -> Option<js_sys::Promise> {
    take(path).ok()?.dyn_into().ok()
}

/// The first lesson is on screen: the boot script may now keep the app for offline use.
pub fn first_lesson_shown() {
    let _ = ready();
}

/// Asks for the full app (the studio app for [`Intent::Studio`]), which takes over the page
/// once its code has arrived; `intent` (see [`Intent`]) says what the pupil asked for. Resolves when the full app runs, fails
/// when it could not be had (the core app then stays).
pub async fn switch_to_full(intent: Intent) -> Result<(), ()> {
    let promise = switch(intent.as_str()).map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// What the pupil asked for when the core app handed over, so the full app opens it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Intent {
    /// A lesson the core app cannot play (its id is already saved as the current lesson).
    Lesson,
    CourseMap,
    Teacher,
    /// Projector mode (the key P or its button): the full app opens in it.
    Projector,
    /// The teacher studio: the studio app (the full app and the studio) opens it.
    #[cfg(feature = "full")]
    Studio,
}

impl Intent {
    fn as_str(self) -> &'static str {
        match self {
            Intent::Lesson => "lesson",
            Intent::CourseMap => "map",
            Intent::Teacher => "teacher",
            Intent::Projector => "projector",
            #[cfg(feature = "full")]
            Intent::Studio => "studio",
        }
    }

    /// The intent the core app handed over with, if this app was started by a hand-over.
    pub fn handed_over() -> Option<Intent> {
        let intent = handed_over().ok()?;
        #[cfg(feature = "full")]
        let all = [Intent::Lesson, Intent::CourseMap, Intent::Teacher, Intent::Projector, Intent::Studio];
        #[cfg(not(feature = "full"))]
        let all = [Intent::Lesson, Intent::CourseMap, Intent::Teacher, Intent::Projector];
        all.into_iter().find(|i| i.as_str() == intent)
    }
}

/// Hands the page over to the full app for `intent`; `on_failure` is told when the full
/// app could not be had (no connection and not yet kept on the device).
pub fn hand_over(intent: Intent, on_failure: yew::Callback<()>) {
    wasm_bindgen_futures::spawn_local(async move {
        if switch_to_full(intent).await.is_err() {
            on_failure.emit(());
        }
    });
}

/// The page is the single-file build (`tafukt.html`, opened from a USB stick): it carries
/// the core and full apps only, so what needs another part (the studio) is not offered.
#[cfg(feature = "full")]
pub fn single_file() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &JsValue::from_str("tafuktEmbedded")).unwrap_or(false))
}

/// Lets the boot script stop this (core) app once the full app's code has arrived, so the
/// full app mounts in an empty `<div id="app">` (`window.tafuktStopCore`).
pub fn stoppable<C: yew::BaseComponent>(app: yew::AppHandle<C>) {
    let stop = Closure::once_into_js(move || app.destroy());
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str("tafuktStopCore"), &stop);
    }
}
