//! Entry point of the full app: every on-demand part (ARCHITECTURE.md, "Core and full"),
//! built with the `full` feature and loaded by the core app when a pupil needs a part of it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tafukt::start();
}
