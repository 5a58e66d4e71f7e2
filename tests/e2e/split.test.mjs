// The app in two parts (ARCHITECTURE.md, "Core and full"): lesson 1 is played by the core
// app alone, the full app arrives when a pupil opens what the core lacks, both are kept for
// offline use once the first lesson is on screen, and `tafukt.html` carries the whole app in
// one file for USB sticks. Every wait is on the app's or the browser's state, never a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { OUT, useApp } from './app.mjs';

const app = useApp();

const ready = '[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=run]';

test('lesson 1 needs only the core app, and fetches what it needs once, before it is ready', async () => {
  const context = await app.browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname.slice(1)));
  await page.goto(app.server.url);
  await page.waitForSelector(ready);
  await page.waitForSelector('html[data-ready="1"]');
  const before = [...requests];
  assert.ok(!before.some((p) => p.startsWith('tafukt-full') || p === 'full.js'), `no on-demand part before ready: ${before}`);
  for (const file of ['messages/en.txt', 'lessons/en/index.bin', 'lessons/en/first-steps-1.bin']) {
    assert.equal(before.filter((p) => p === file).length, 1, `${file} fetched once: ${before}`);
  }
  // The progress bar was there for the wasm and is gone once it arrived.
  assert.equal(await page.locator('#boot-progress').isHidden(), true);
  await context.close();
});

test('the progress bar counts the wasm\'s bytes toward the size of the file served', async () => {
  const context = await app.browser.newContext({ viewport: { width: 360, height: 640 } });
  // Every value the page gives the bar, in order (the setter is wrapped before any script).
  await context.addInitScript(() => {
    const own = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value');
    window.barValues = [];
    Object.defineProperty(HTMLProgressElement.prototype, 'value', {
      get() { return own.get.call(this); },
      set(v) { window.barValues.push(v); own.set.call(this, v); },
    });
  });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector(ready);
  const values = await page.evaluate(() => window.barValues);
  // Rising with each piece that came, and full when the last piece came (before the end of
  // the stream sets it full again): a total larger than the file would stop short.
  assert.ok(values.length >= 2, `${values}`);
  assert.deepEqual([...values].sort((a, b) => a - b), values);
  assert.ok(values.at(-2) > 0.999, `the last piece fills the bar: ${values}`);
  await context.close();
});

test('the course map hands the page to the full app, and the pupil carries on there', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector(ready);
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill('move\nturn left\n');
  await page.getByTestId('map-toggle').click();
  await page.waitForSelector('html[data-part="full"] [data-testid=course-map]');
  // One app on the page: the core app gave its place up.
  assert.equal(await page.locator('[data-testid=lesson]').count(), 1);
  await page.locator('[data-testid=course-map] [data-lesson="first-steps-1"]').click();
  // The program typed in the core app is there in the full app.
  assert.equal(await page.getByTestId('source').inputValue(), 'move\nturn left\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lesson the core app cannot play or read is handed over, the pupil\'s program kept as it was', async () => {
  // Blocks after the first unit's (conditions), a goal of the later units (tiles to paint), a
  // world drawn afresh for each seed: the core app hands each of them to the full app.
  for (const [id, program] of [
    ['conditions-3', 'en\nwhile not at goal\n  move\nend\n'],
    ['loops-2', 'en\nrepeat 2 times\n  paint red\n  move\nend\n'],
    ['loops-9', 'en\nrepeat 4 times\n  move\nend\n'],
  ]) {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(([id, program]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('tafukt.v1.lesson', id);
      localStorage.setItem(`tafukt.v1.program.${id}`, program);
    }, [id, program]);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(app.server.url);
    await page.waitForSelector(`html[data-part="full"] [data-testid=lesson][data-lesson-id="${id}"] [data-testid=run]`);
    assert.equal(await page.evaluate((id) => localStorage.getItem(`tafukt.v1.program.${id}`), id), program, id);
    assert.equal(await page.locator('[data-testid=lesson]').count(), 1, id);
    assert.deepEqual(errors, [], id);
    await context.close();
  }
});

test('after a visit to lesson 1 only, the wheeled robot and the course map open with no connection', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector(ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector(ready);
  await page.getByTestId('map-toggle').click();
  await page.locator('[data-testid=course-map] [data-lesson="sensors-1"]').click();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="sensors-1"] [data-testid=stage]');
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status]:not([data-phase="ready"])');
  await context.close();
});

test('with no connection and nothing kept yet, the core app says the part is missing and keeps the lesson', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/tafukt-full-*', (r) => r.abort('internetdisconnected'));
  await page.goto(app.server.url);
  await page.waitForSelector(ready);
  await page.getByTestId('map-toggle').click();
  await page.getByTestId('part-unavailable').waitFor();
  await context.close();
});

test('tafukt.html opens from the disk and a pupil solves lesson 1 in it', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(resolve(process.env.DIST ?? 'dist', 'tafukt.html')).href);
  await page.waitForSelector(ready);
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill('move\nturn left\nrepeat 3 times\n  move\nend\n');
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  // Every language is inside the file too.
  await page.getByTestId('language').selectOption('ar');
  await page.waitForSelector('html[lang="ar"][dir="rtl"] [data-testid=lesson]');
  await page.screenshot({ path: `${OUT}/single-file-ar.png` });
  // Teacher mode works from the file, but the studio (a part the file does not carry) is
  // not offered: no button that could only say "not available".
  await page.getByTestId('teacher-toggle').click();
  await page.waitForSelector('[data-testid=teacher-bar]');
  assert.equal(await page.getByTestId('studio').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
