// One test file's app: the built `dist/` served on a free port and one Chromium, started
// before the file's tests and closed after them; screenshots go to OUT.
import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';

export const OUT = 'test-output/e2e';

/** A language's catalogue as the source holds it (`key = text` lines), by key. */
export const catalogue = (lang) =>
  Object.fromEntries(
    readFileSync(`crates/i18n/messages/${lang}.txt`, 'utf8')
      .split('\n')
      .filter((l) => l.includes(' = ') && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf(' = ')), l.slice(l.indexOf(' = ') + 3)]),
  );

/** Registers the file's set-up; the returned object has `server` and `browser` once started.
 * `headers` are sent with every file (the CSP test's policy). */
export function useApp(headers = {}) {
  const app = { server: null, browser: null };
  before(async () => {
    await mkdir(OUT, { recursive: true });
    app.server = await serveDir(process.env.DIST ?? 'dist', headers);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** A new page of `context` and the list its uncaught errors go into (a test ends with none). */
export async function watchedPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

/** Opens lesson `id` from the course map (the full app) and shows the text view. */
export async function openLesson(app, page, id) {
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson]');
  await page.getByTestId('map-toggle').click();
  await page.locator(`[data-testid=course-map] [data-lesson="${id}"]`).click();
  await page.waitForSelector(`[data-testid=lesson][data-lesson-id="${id}"]`);
  await page.getByTestId('view-text').click();
}

/** Types `source`, runs it at full speed, and returns the phase it ended in. */
export async function runToEnd(page, source) {
  await page.getByTestId('source').fill(source);
  // Editing ends the previous run, so the next end is this run's.
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  const end = ['success', 'finished', 'failed'].map((p) => `[data-testid=status][data-phase="${p}"]`).join(', ');
  await page.waitForSelector(end, { timeout: 60_000 });
  return page.getByTestId('status').getAttribute('data-phase');
}
