//! Tafukt's web app: Yew components that render engine state and dispatch pupil actions.
//! Logic lives in [`session`] (plain Rust, tested natively); web glue lives in [`services`].

pub mod session;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod services;

/// Mounts the app on the page's `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::Renderer::<components::app::App>::new().render();
}
