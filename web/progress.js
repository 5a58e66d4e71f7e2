// Trunk's initializer for the core app (data-initializer in index.html): the progress bar
// shows the bytes of the wasm received, so a pupil on a slow link sees the page coming; a
// wasm the browser cannot compile gets the four-language "too old" message, anything else
// (no connection) the page's connection message.
export default function progress() {
  const bar = document.getElementById('boot-progress');
  return {
    onProgress: ({ current, total }) => {
      if (bar && total > 0) bar.value = Math.min(1, current / total);
    },
    onComplete: () => bar?.setAttribute('hidden', ''),
    onFailure: (error) => {
      const old = error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError;
      window.tafuktShowBootError?.(old ? 'old-browser' : 'boot-error');
    },
  };
}
