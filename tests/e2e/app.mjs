// One test file's app: the built `dist/` served on a free port and one Chromium, started
// before the file's tests and closed after them; screenshots go to OUT.
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';

export const OUT = 'test-output/e2e';

/** Registers the file's set-up; the returned object has `server` and `browser` once started. */
export function useApp() {
  const app = { server: null, browser: null };
  before(async () => {
    await mkdir(OUT, { recursive: true });
    app.server = await serveDir(process.env.DIST ?? 'dist');
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
