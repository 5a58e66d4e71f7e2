//! Entry point of the studio app: the full app with the teacher studio (ARCHITECTURE.md,
//! "Core and full"), built with the `studio` feature and loaded only when a teacher opens it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tafukt::start();
}
