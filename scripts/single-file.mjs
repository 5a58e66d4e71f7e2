// Writes `tafukt.html` into the build: the whole app in one file, for schools that pass files
// on USB sticks and old laptops without a web server. Opened from disk (file://), a page may
// not load modules, register a service worker or fetch files beside it, so everything is
// inside: the styles (the full app's too) and fonts, the boot script, the full app's loader
// and its wasm (base64), and every lesson and catalogue in every language, answered by
// `window.tafuktEmbedded` (web/boot.js asks it before the network). It is left out of the
// service worker's list: pupils of a served Tafukt never download it. Run by
// scripts/post-build.mjs on release builds.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const meta = (name) => {
  const m = html.match(new RegExp(`name="?${name}"? content="?([^"> ]+)`)) ?? html.match(new RegExp(`content="?([^"> ]+)"? name="?${name}"?`));
  if (!m) throw new Error(`index.html has no ${name}`);
  return m[1];
};
const names = readdirSync(dir);
const css = names.find((n) => /^app-[0-9a-f]{8,16}\.css$/.test(n));
const boot = names.find((n) => /^boot-[0-9a-f]{8,16}\.js$/.test(n));
if (!css || !boot) throw new Error('the staged build has no app css or boot script');
// The Tifinagh and Arabic fonts (scripts/fonts.mjs), their files inside the rules as data URLs.
const fontsCss = names.find((n) => /^fonts-[0-9a-f]{16}\.css$/.test(n));
if (!fontsCss) throw new Error('the staged build has no fonts css');
const fonts = readFileSync(join(dir, fontsCss), 'utf8').replace(/url\((fonts\/[^)]+\.woff2)\)/g,
  (_, file) => `url(data:font/woff2;base64,${readFileSync(join(dir, file)).toString('base64')})`);

// The full app's loader (an ES module) with its export turned into the call that starts it.
let loader = readFileSync(join(dir, meta('tafukt-full-js')), 'utf8');
const exported = loader.match(/export\s*\{([^}]*)\}\s*;?\s*$/);
const init = exported?.[1].split(',').map((p) => p.trim().split(/\s+as\s+/)).find(([, as]) => as === 'default')?.[0];
if (!init) throw new Error('the full app loader has no default export');
loader = loader.slice(0, exported.index);
const wasm = readFileSync(join(dir, meta('tafukt-full-wasm'))).toString('base64');

// Every lesson and catalogue, by the path the app asks for.
const files = {};
function embed(folder) {
  for (const name of readdirSync(join(dir, folder))) {
    const path = `${folder}/${name}`;
    if (statSync(join(dir, path)).isDirectory()) embed(path);
    else if (/\.(bin|txt)$/.test(name)) files[path] = readFileSync(join(dir, path)).toString('base64');
  }
}
embed('lessons');
embed('messages');

const body = html.slice(html.indexOf('<body'), html.lastIndexOf('</body>')).replace(/<body[^>]*>/, '').replace(/<script[\s\S]*?<\/script>/g, '');
const safe = (text) => text.replace(/<\/script/gi, '<\\/script');
const page = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Tafukt</title>
<style>${fonts}</style>
<style>${readFileSync(join(dir, css), 'utf8')}</style>
<style data-full-css>${readFileSync(join(dir, 'full.css'), 'utf8')}</style>
<script>
window.tafuktEmbedded = (function () {
  var files = ${JSON.stringify(files)};
  return function (path) {
    var b64 = files[path];
    if (b64 === undefined) return Promise.resolve(null);
    var text = atob(b64), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return Promise.resolve(bytes.buffer);
  };
})();
</script>
<script>${safe(readFileSync(join(dir, boot), 'utf8'))}</script>
</head>
<body>
${body}
<script type="module">
${safe(loader)}
const wasm = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));
${init}({ module_or_path: wasm }).then(
  () => document.getElementById('boot-progress')?.setAttribute('hidden', ''),
  () => window.tafuktShowBootError?.('old-browser'),
);
</script>
</body>
</html>
`;
writeFileSync(join(dir, 'tafukt.html'), page);
