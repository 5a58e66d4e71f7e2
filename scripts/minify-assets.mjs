// Trunk post-build hook (release builds only; part of the first-load budget): minifies the
// JavaScript trunk staged (the wasm-bindgen loader, which trunk's own minifier cannot parse)
// with terser, and shortens the names the wasm imports its JavaScript bindings by
// (`./tafukt-web_bg.js` / `__wbg_setAttribute_f75317b2b5cabfb4` become `a` / `$4`, in the
// wasm's import section and in the loader alike): the names' random hashes do not compress,
// and they were about 2 KB of the first load. Subresource integrity is off for the loader
// in index.html, since it changes here. The closure invokers the wasm exports, whose names
// carry the crates' hashes too, are renamed the same way (`_i0` …). (The lessons are written
// compact by `tafukt bundle`, the other post-build hook.)
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);

/** Reads an unsigned LEB128 number at `i`: [value, next index]. */
function leb(bytes, i) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, i];
  }
}

function lebBytes(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

const text = new TextDecoder();
const encode = (s) => {
  const b = new TextEncoder().encode(s);
  return [...lebBytes(b.length), ...b];
};

/**
 * The wasm with the entries of its section `id` rewritten: `entry(body, k)` reads the entry at
 * `k`, pushes its new bytes onto `body` and returns where the next entry starts.
 */
function rewriteSection(wasm, id, entry) {
  const out = [wasm.subarray(0, 8)];
  let i = 8;
  while (i < wasm.length) {
    const [size, start] = leb(wasm, i + 1);
    const end = start + size;
    if (wasm[i] !== id) {
      out.push(wasm.subarray(i, end));
      i = end;
      continue;
    }
    const [count, first] = leb(wasm, start);
    const body = [...lebBytes(count)];
    let k = first;
    for (let n = 0; n < count; n++) k = entry(body, k);
    out.push(Uint8Array.from([id, ...lebBytes(body.length), ...body]));
    i = end;
  }
  return Buffer.concat(out);
}

/** The name at `k`: [name, next index]. */
function nameAt(wasm, k) {
  const [len, from] = leb(wasm, k);
  return [text.decode(wasm.subarray(from, from + len)), from + len];
}

/**
 * The wasm with its imports from `module` renamed (module to `a`, fields to `$0`, `$1` …),
 * and the renaming: [[old field, new field], …].
 */
function shortenWasmImports(wasm, module) {
  const renamed = [];
  // The import section: module name, field name, then the import's description, copied.
  const out = rewriteSection(wasm, 2, (body, k) => {
    let mod, field;
    [mod, k] = nameAt(wasm, k);
    [field, k] = nameAt(wasm, k);
    const descStart = k;
    const kind = wasm[k++];
    if (kind === 0) [, k] = leb(wasm, k); // function: type index
    else if (kind === 1) { k += 1; const flags = wasm[k++]; [, k] = leb(wasm, k); if (flags & 1) [, k] = leb(wasm, k); } // table
    else if (kind === 2) { const flags = wasm[k++]; [, k] = leb(wasm, k); if (flags & 1) [, k] = leb(wasm, k); } // memory
    else if (kind === 3) k += 2; // global: type, mutability
    else throw new Error(`unknown import kind ${kind}`);
    let newField = field;
    if (mod === module) {
      newField = `$${renamed.length.toString(36)}`;
      renamed.push([field, newField]);
    }
    body.push(...encode(mod === module ? 'a' : mod), ...encode(newField), ...wasm.subarray(descStart, k));
    return k;
  });
  return [out, renamed];
}

/**
 * The wasm with its closure invokers' exports renamed (`wasm_bindgen_<hash>___convert__closures…`,
 * names of up to 200 characters with the crates' hashes in them, become `_i0`, `_i1` …), and
 * the renaming: [[old name, new name], …]. The loader calls them by these names.
 */
function shortenWasmExports(wasm) {
  const renamed = [];
  // The export section: a name, then its kind and index, copied.
  const out = rewriteSection(wasm, 7, (body, k) => {
    let name;
    [name, k] = nameAt(wasm, k);
    const descStart = k;
    [, k] = leb(wasm, k + 1);
    let newName = name;
    if (/^wasm_bindgen_[0-9a-f]+___convert__closures_/.test(name)) {
      newName = `_i${renamed.length.toString(36)}`;
      renamed.push([name, newName]);
    }
    body.push(...encode(newName), ...wasm.subarray(descStart, k));
    return k;
  });
  return [out, renamed];
}

const names = await readdir(dir);
// Only the loader (beside its wasm): the service worker, `sw.js`, is written by the other
// hook, at the same time.
for (const name of names.filter((n) => n.endsWith('.js') && names.includes(n.replace(/\.js$/, '_bg.wasm')))) {
  const path = join(dir, name);
  let js = (await minify(await readFile(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true })).code;
  const wasmName = name.replace(/\.js$/, '_bg.wasm');
  const module = `./${name.replace(/-[0-9a-f]{8,16}\.js$/, '')}_bg.js`;
  const [imported, renamed] = shortenWasmImports(await readFile(join(dir, wasmName)), module);
  const [wasm, exported] = shortenWasmExports(imported);
  const quoted = JSON.stringify(module);
  if (!js.includes(`${quoted}:`) || renamed.length === 0) throw new Error(`${name}: no imports from ${module}`);
  js = js.replace(`${quoted}:`, 'a:');
  for (const [from, to] of renamed) {
    const pattern = new RegExp(`(?<![\\w$])${from.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    if (!pattern.test(js)) throw new Error(`${name}: import ${from} not found`);
    js = js.replace(pattern, () => to);
  }
  for (const [from, to] of exported) {
    const pattern = new RegExp(`(?<=\\.)${from}(?![\\w$])`, 'g');
    if (!pattern.test(js)) throw new Error(`${name}: export ${from} not found`);
    js = js.replace(pattern, () => to);
  }
  await writeFile(join(dir, wasmName), wasm);
  await writeFile(path, js);
}
