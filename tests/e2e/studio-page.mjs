// The teacher studio's pages as the end-to-end tests reach them: teacher mode, then the studio;
// the grid's squares; the checker's count of problems; a program typed in the text view.
import { watchedPage } from './app.mjs';

/** Teacher mode (the full app), then the studio (the studio app). */
export async function openStudio(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-testid=lesson]');
  await page.getByTestId('teacher-toggle').tap();
  await page.waitForSelector('html[data-part="full"] [data-testid=teacher-bar] [data-testid=studio]');
  await page.getByTestId('studio').tap();
  await page.waitForSelector('html[data-part="studio"] [data-testid=studio-panel]');
}

export const cell = (page, x, y) => page.locator(`[data-testid=studio-cell][data-cell="${x},${y}"]`);

/** Taps cell (x, y) at (fx, fy) of its size. */
export async function tapCell(page, x, y, fx = 0.5, fy = 0.5) {
  const target = cell(page, x, y);
  const box = await target.boundingBox();
  await target.tap({ position: { x: box.width * fx, y: box.height * fy } });
}

export async function status(page) {
  return Number(await page.getByTestId('studio-status').getAttribute('data-problems'));
}

/** Types a program (the starter or the solution) in the studio's text view. Clicks, not
 * taps: once a finger has dragged through the DevTools protocol (`touchDrag`), Chromium
 * drops Playwright's own taps in that page; every step after the first drag clicks. */
export async function program(page, which, text) {
  await page.getByTestId(`studio-tab-${which}`).click();
  await page.getByTestId('studio-view-text').click();
  await page.locator(`[data-testid=studio-${which}] textarea`).fill(text);
}

/** A portrait touch tablet in the studio, a new lesson open in the editor. */
export async function newLessonOnTablet(browser, url) {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 800, height: 1280 } });
  const { page, errors } = await watchedPage(context);
  await openStudio(page, url);
  await page.getByTestId('studio-new').tap();
  await page.waitForSelector('[data-testid=studio-editor]');
  return { context, page, errors };
}

/** A touch device of `viewport` with the page in `lang`, the lesson `file` (`{ name, text }`)
 * opened in the studio and checked ready, and nothing wider than the screen. */
export async function openFileInStudio(browser, url, viewport, lang, file) {
  const context = await browser.newContext({ hasTouch: true, viewport });
  // The language is set before any of the page's scripts run: set after the first page
  // loaded, it raced with the app booting there, and the studio sometimes opened in English.
  await context.addInitScript((l) => localStorage.setItem('tafukt.v1.lang', l), lang);
  const { page, errors } = await watchedPage(context);
  await page.goto(url);
  await openStudio(page, url);
  await page.getByTestId('studio-import-file').setInputFiles({ name: file.name, mimeType: 'application/json',
    buffer: Buffer.from(file.text) });
  await page.waitForSelector(`html[lang="${lang}"] [data-testid=studio-editor] [data-testid=studio-status][data-problems="0"]`);
  // Nothing wider than the screen: the page never scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${viewport.width}×${viewport.height} ${lang}: ${overflow} px wider than the screen`);
  return { context, page, errors };
}
