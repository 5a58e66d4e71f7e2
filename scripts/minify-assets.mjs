// Trunk post-build hook (release builds only; part of the first-load budget): minifies the
// JavaScript trunk staged (the wasm-bindgen loader, which trunk's own minifier cannot parse)
// with terser. Subresource integrity is off for the loader in index.html, since it changes
// here. (The lessons are written compact by `tafukt bundle`, the other post-build hook.)
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);

for (const name of await readdir(dir)) {
  if (!name.endsWith('.js')) continue;
  const path = join(dir, name);
  const result = await minify(await readFile(path, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  await writeFile(path, result.code);
}
