//! Entry point of the web build: mounts the app. Native builds have nothing to run here;
//! the engine's command line is the `tafukt` binary.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tafukt::start();
}
