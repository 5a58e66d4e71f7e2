// Drawing with the pen, as a pupil does it: open a drawing lesson from the course map, see
// the dotted target, draw it (first wrongly, then rightly), see the shape goal follow; and a
// first visit with no connection, where the page still speaks the pupil's languages.
// Every wait is on the app's own state (data attributes), never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, openLesson as open, runToEnd, useApp } from './app.mjs';

const app = useApp();

const openLesson = (page, id) => open(app, page, id);
const run = runToEnd;

test('a pupil draws the square in the grid; a wrong drawing is not accepted', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openLesson(page, 'drawing-1');
  await page.waitForSelector('[data-testid=guide]');

  // Three sides only: the pen drew, but the shape goal stays unmet.
  await run(page, 'pen down\nrepeat 3 times\n  move\n  move\n  turn right\nend\n');
  assert.equal(await page.getByTestId('goals').getAttribute('data-all-met'), 'false');
  assert.equal(await page.locator('[data-testid=stage] path.trail').count(), 1, 'joined strokes are one path');

  await run(page, 'pen down\nrepeat 4 times\n  move\n  move\n  turn right\nend\n');
  assert.equal(await page.getByTestId('goals').getAttribute('data-all-met'), 'true');
  await page.screenshot({ path: `${OUT}/drawing-square-grid.png`, fullPage: true });
  await context.close();
});

test('the robot on wheels draws a star with drive and turn, in Arabic', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openLesson(page, 'drawing-6');
  await page.getByTestId('language').selectOption('ar');
  await page.waitForSelector('html[dir="rtl"][lang="ar"]');
  await run(page, 'لون القلم أصفر\nأنزل القلم\nكرر 5 مرات\n  سر 100\n  دور 144\nنهاية\n');
  assert.equal(await page.getByTestId('goals').getAttribute('data-all-met'), 'true');
  await page.screenshot({ path: `${OUT}/drawing-star-arena-ar.png`, fullPage: true });
  await context.close();
});

test('a first visit with no catalogue reachable shows the page message in four languages', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1024, height: 700 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/messages/*.txt', (route) => route.abort());
  await page.goto(app.server.url);
  await page.waitForSelector('#boot-error:not([hidden])');
  const text = await page.locator('#boot-error').innerText();
  for (const words of ['Check the connection', 'Vérifie la connexion', 'تحقّق من الاتصال', 'ⵥⵕ ⴰⵣⴷⴰⵢ']) {
    assert.ok(text.includes(words), `${words} in ${text}`);
  }
  await context.close();
});
