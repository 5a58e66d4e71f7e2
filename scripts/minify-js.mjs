// Trunk post-build hook: minifies the JavaScript trunk staged (the wasm-bindgen loader),
// which trunk's own minifier cannot parse. Release builds only; part of the first-load
// budget. Subresource integrity is off for these files in index.html, since they change here.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== 'release') process.exit(0);
for (const name of await readdir(dir)) {
  if (!name.endsWith('.js')) continue;
  const path = join(dir, name);
  const source = await readFile(path, 'utf8');
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  await writeFile(path, result.code);
}
