// Loads the full app (every on-demand part: see ARCHITECTURE.md) when the core app asks for
// it through `tafuktSwitch` (web/boot.js): the code is fetched and compiled first, then the
// core app is stopped and the full app mounts in its place. The file names, with their
// content hashes, are written into index.html's meta tags by the post-build step.
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
const done = (error) => window.tafuktFullLoaded?.(error);
const js = meta('tafukt-full-js');
const wasm = meta('tafukt-full-wasm');
if (!js || !wasm) {
  done(new Error('no full app in this build'));
} else {
  Promise.all([import(`./${js}`), fetch(wasm)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${wasm}: HTTP ${r.status}`))))
      .then((bytes) => WebAssembly.compile(bytes))])
    .then(([app, module]) => {
      window.tafuktStopCore?.();
      return app.default({ module_or_path: module });
    })
    .then(() => done(), done);
}
