// Trunk post-build hook (release builds only; part of the first-load budget): minifies the
// JavaScript trunk staged (the wasm-bindgen loader, which trunk's own minifier cannot parse)
// with terser, and rewrites the lesson JSON without indentation. Subresource integrity is
// off for the loader in index.html, since it changes here.
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

const lessons = join(dir, 'lessons');
for (const name of await readdir(lessons)) {
  if (!name.endsWith('.json')) continue;
  const path = join(lessons, name);
  await writeFile(path, JSON.stringify(JSON.parse(await readFile(path, 'utf8'))));
}
