//! Tafukt's web app: Yew components that render engine state and dispatch pupil actions.
//! Logic lives in [`session`] (plain Rust, tested natively); web glue lives in [`services`].

/// The AI evaluation panel's figures (full app; its tests run natively).
#[cfg(any(feature = "full", test))]
pub mod ai_eval;
/// The AI panels' drawing (full app; its tests run natively).
#[cfg(any(feature = "full", test))]
pub mod ai_plot;
pub mod list_keys;
pub mod message_words;
pub mod parts;
/// Predict-then-run (full app; its tests run natively).
#[cfg(any(feature = "full", test))]
pub mod predict;
/// "Where will the robot end?" (full app; its tests run natively).
#[cfg(any(feature = "full", test))]
pub mod predict_end;
pub mod presenter;
pub mod saved;
pub mod session;
/// The printed lesson sheet (full app; its tests run natively).
#[cfg(any(feature = "full", test))]
pub mod sheet;
/// The teacher studio's lesson in the making (studio app; its tests run natively).
#[cfg(any(feature = "studio", test))]
pub mod studio;
/// The studio's arena in the making (studio app; its tests run natively).
#[cfg(any(feature = "studio", test))]
pub mod studio_arena;
pub mod timeline;

/// The wasm's memory allocator: talc, in place of the standard library's dlmalloc (smaller
/// code in lesson 1's load, and faster; figures in docs/perf.md). The page runs one thread.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod services;

/// Mounts the app in the page's `<div id="app">` (the body also holds the page's own
/// message for when nothing can be loaded, which the app must not wipe).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // No panic reaches a pupil as a frozen page: a panic ends in a trap (`panic = "abort"`),
    // which the boot script meets as a `WebAssembly.RuntimeError` and answers with the
    // page's own calm card and a reload button (every edit was already saved on the device).
    // Yew's renderer installs its own panic hook, which writes the panic to the console.
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    let app = match root {
        Some(root) => yew::Renderer::<components::app::App>::with_root(root).render(),
        None => yew::Renderer::<components::app::App>::new().render(),
    };
    // The core app gives the page up when the full app takes over, and the full app when
    // the studio app does (ARCHITECTURE.md).
    #[cfg(not(feature = "studio"))]
    services::boot::stoppable(app);
    #[cfg(feature = "studio")]
    drop(app);
    #[cfg(feature = "full")]
    services::page::add_stylesheet("full.css");
    #[cfg(feature = "studio")]
    services::page::add_stylesheet("studio.css");
}
