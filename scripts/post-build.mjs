// Trunk's post-build step (Trunk.toml), in this order:
// 1. the full app (every on-demand part, ARCHITECTURE.md "Core and full") and the studio app:
//    built with the `full` (`studio`) feature, bound by wasm-bindgen, optimised by wasm-opt (release), named by its
//    content and announced in index.html's meta tags (the studio app's in full.js), with the
//    course's first lesson;
// 2. the wasm-bindgen loaders of both apps minified (scripts/minify-assets.mjs);
// 3. lessons and catalogues bundled, and last the service worker with the list of every
//    file (`tafukt bundle`);
// 4. release builds: `tafukt.html`, the whole app in one file for USB sticks
//    (scripts/single-file.mjs).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
const release = process.env.TRUNK_PROFILE === 'release';

function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

// 1. The full app, and the studio app (the full app with the teacher studio, fetched only
//    when a teacher opens it).
const profile = release ? 'release' : 'debug';
// The full app's VM is built for speed (the AI lessons train models in it); the core's for
// size (Cargo.toml, profile.release).
const fullVm = ['--config', 'profile.release.package.tafukt-vm.opt-level="s"'];
function buildApp(bin, features) {
  run('cargo', ['build', '-q', ...(release ? ['--release', ...fullVm] : []), '--target', 'wasm32-unknown-unknown', '--bin', bin, '--features', features]);
  const tmp = mkdtempSync(join(tmpdir(), `${bin}-`));
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', bin,
    `target/wasm32-unknown-unknown/${profile}/${bin}.wasm`]);
  const wasmPath = join(tmp, `${bin}_bg.wasm`);
  if (release) run('wasm-opt', ['-Oz', '--converge', wasmPath, '-o', wasmPath]);
  const js = readFileSync(join(tmp, `${bin}.js`));
  const wasm = readFileSync(wasmPath);
  const hash = createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16);
  const names = { js: `${bin}-${hash}.js`, wasm: `${bin}-${hash}_bg.wasm` };
  writeFileSync(join(dir, names.js), js);
  writeFileSync(join(dir, names.wasm), wasm);
  rmSync(tmp, { recursive: true });
  return names;
}
const names = buildApp('tafukt-full', 'full');
const studio = buildApp('tafukt-studio', 'studio');

const index = JSON.parse(readFileSync('lessons/index.json', 'utf8'));
const first = index.courses[0].units[0].lessons[0];
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
// The studio app's names go into web/full.js, which loads it (off the first load).
const fullJsPath = join(dir, 'full.js');
let fullJs = readFileSync(fullJsPath, 'utf8');
for (const [placeholder, value] of [['@studio-js@', studio.js], ['@studio-wasm@', studio.wasm]]) {
  if (!fullJs.includes(placeholder)) throw new Error(`web/full.js has no ${placeholder}`);
  fullJs = fullJs.replace(placeholder, value);
}
writeFileSync(fullJsPath, fullJs);
for (const [placeholder, value] of [['@first-lesson@', first], ['@full-js@', names.js], ['@full-wasm@', names.wasm]]) {
  if (!html.includes(placeholder)) throw new Error(`index.html has no ${placeholder}`);
  html = html.replace(placeholder, value);
}
// 2. Loaders minified (release), before the start script below is written: shortening the
// wasm's import names changes its size, which the start script gives the progress bar.
await import('./minify-assets.mjs');

// Trunk starts the app with an inline module script; a Content-Security-Policy without
// 'unsafe-inline' (ARCHITECTURE.md) refuses inline scripts, so each becomes a file of its own,
// named by its content like trunk's files. The browser finds it as it parses the page, in
// parallel with the preloads below it, so it adds no round trip before the wasm.
// Trunk's initializer module (web/progress.js, imported by the start script) goes into the
// same file: one request and one file less before the first Run.
const inline = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)];
for (const [tag, start] of inline) {
  let source = start;
  const imported = start.match(/import initializer from '\.\/([0-9a-f]{8,16}-progress\.js)';/);
  if (imported) {
    // From the source (trunk's staged copy may be minified already, its export renamed).
    const initializer = readFileSync('web/progress.js', 'utf8').replace('export default function progress', 'function initializer');
    if (!initializer.includes('function initializer')) throw new Error('web/progress.js has no default export `progress`');
    source = start.replace(imported[0], initializer);
    rmSync(join(dir, imported[1]));
    html = html.replace(new RegExp(`<link[^>]*${imported[1]}[^>]*>`), '');
  }
  // Trunk writes the wasm's size for the progress bar before its wasm-opt step shrinks the
  // file; the bar counts the bytes that come, so it is given the size of the file served.
  const sized = /(__trunkInitializer\(init, '\.\/([^']+_bg\.wasm)', )(\d+)/;
  if (source.includes('__trunkInitializer(') && !sized.test(source)) throw new Error("trunk's start script has no wasm size");
  source = source.replace(sized, (_, head, wasm) => head + statSync(join(dir, wasm)).size);
  const code = release ? (await minify(source, { module: true, compress: { passes: 2 }, mangle: true })).code : source;
  const name = `init-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  html = html.replace(tag, `<script type=module src=./${name}></script>`);
}
if (release && /<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');
writeFileSync(htmlPath, html);

// 3. Lessons, catalogues and the service worker.
await import('./fonts.mjs'); // Tifinagh and Arabic fonts, before the worker lists every file
// The native tool is built by the stable toolchain, as the tests build it: without the release
// wasm's toolchain and standard library build (scripts/setup.sh, `with_release_toolchain`).
const { RUSTUP_TOOLCHAIN, CARGO_UNSTABLE_BUILD_STD, ...nativeEnv } = process.env;
run('cargo', ['run', '-q', '-p', 'tafukt-cli', '--', 'bundle', 'lessons', 'crates/i18n/messages'], nativeEnv);

// 4. One file for USB sticks.
if (release) await import('./single-file.mjs');
