// Loads the full app (every on-demand part: see ARCHITECTURE.md) or the studio app (the full
// app and the teacher studio) when the running app asks for it through `tafuktSwitch`
// (web/boot.js, which sets `tafuktApp`): the code is fetched and compiled first, then the
// running app is stopped and the new one mounts in its place. The file names, with their
// content hashes, are written by the post-build step: the full app's into index.html's meta
// tags, the studio app's here (off the first load).
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
const done = (error) => window.tafuktFullLoaded?.(error);
const app = window.tafuktApp === 'studio' ? 'studio' : 'full';
const studio = { js: '@studio-js@', wasm: '@studio-wasm@' };
const { js, wasm } = app === 'studio' ? studio : { js: meta('tafukt-full-js'), wasm: meta('tafukt-full-wasm') };
if (!js || !wasm || js.startsWith('@')) {
  done(new Error(`no ${app} app in this build`));
} else {
  Promise.all([import(`./${js}`), fetch(wasm)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${wasm}: HTTP ${r.status}`))))
      .then((bytes) => WebAssembly.compile(bytes))])
    .then(([module, compiled]) => {
      window.tafuktStopCore?.();
      return module.default({ module_or_path: compiled });
    })
    .then(() => done(), done);
}
