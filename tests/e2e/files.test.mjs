// Work as files (issues 12 and 16): a pupil solves lesson 1 and saves the progress file (a
// real download), a fresh browser imports it and finds the program and the stars; hostile
// files (HTML in the name, too big, broken JSON, a program file) give their message and
// change nothing; a lesson's program goes to a file and back, and a file for another lesson
// is refused by name; the teacher imports pupils' files into the class view (several at once,
// one refused, one pupil again), pictured at 1920×1080 and 800×1280 in English and Arabic.
// Every wait is on the app's own state, never a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, mkdir } from 'node:fs/promises';
import { OUT, useApp, openLesson, runToEnd } from './app.mjs';

const app = useApp();
const SHOTS = process.env.SHOTS ?? `${OUT}/files`;
const SOLUTION = 'move\nturn left\nrepeat 3 times\n  move\nend\n';

/** A fresh browser (its own storage) in `lang`, lesson 1 on screen. */
async function fresh({ lang = 'en', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await app.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.addInitScript((lang) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('tafukt.v1.lang', lang);
  }, lang);
  await page.goto(app.server.url);
  await page.waitForSelector(`html[lang="${lang}"] [data-testid=lesson] [data-testid=run]`);
  return { context, page };
}

/** The course map open (the full app takes over for it). */
async function openMap(page) {
  await page.getByTestId('map-toggle').click();
  await page.waitForSelector('[data-testid=course-map] [data-testid=files-open]');
}

/** Everything Tafukt keeps on this device. */
const saved = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('tafukt.v1.program.') || k.startsWith('tafukt.v1.progress.')).map((k) => [k, localStorage.getItem(k)])));

const progressFile = (pupil, lessons) =>
  JSON.stringify({ format: 'tafukt-progress', version: 1, pupil, date: '2026-11-30', lessons });

/** Picks files in the file input `testid`: `{ name, text }` each. */
async function pick(page, testid, files) {
  await page.getByTestId(testid).setInputFiles(
    files.map(({ name, text }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) })),
  );
}

let amina; // the progress file the pupil saved, as downloaded

test('a pupil saves lesson 1 to a file, and a fresh browser opens it with the program and stars', async () => {
  const { context, page } = await fresh();
  await openLesson(app, page, 'first-steps-1');
  assert.equal(await runToEnd(page, SOLUTION), 'success');
  await page.waitForSelector('[data-testid=complete][data-stars="2"]');
  await openMap(page);
  // The name is asked once, then kept on the device.
  await page.getByTestId('files-save').click();
  await page.getByTestId('pupil-name-ok').click();
  await page.waitForSelector('[data-testid=files-name] [role=alert]');
  await page.getByTestId('pupil-name').fill('  Amina\u202E  ');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pupil-name-ok').click()]);
  assert.match(download.suggestedFilename(), /^tafukt-Amina-\d{4}-\d{2}-\d{2}\.json$/);
  amina = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(amina);
  assert.equal(file.format, 'tafukt-progress');
  assert.equal(file.pupil, 'Amina');
  const first = file.lessons.find((l) => l.lesson === 'first-steps-1');
  assert.equal(first.stars, 2);
  assert.equal(first.program.lang, 'en');
  assert.equal(first.program.source, SOLUTION);
  await page.waitForSelector('[data-testid=files-message][data-kind=saved]');
  assert.equal(await page.evaluate(() => localStorage.getItem('tafukt.v1.pupil-name')), 'Amina');
  // A second save asks no name.
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('files-save').click()]);
  assert.equal(again.suggestedFilename(), download.suggestedFilename());
  assert.deepEqual(page.errors, []);
  await context.close();

  // A wiped tablet: nothing but lesson 1's starter on it.
  const other = await fresh();
  const p = other.page;
  await openMap(p);
  assert.equal(await p.locator('[data-lesson="first-steps-1"]').first().getAttribute('data-stars'), '0');
  await pick(p, 'files-input', [{ name: 'amina.json', text: amina }]);
  await p.waitForSelector('[data-testid=files-message][data-kind=opened]');
  assert.match(await p.getByTestId('files-message').innerText(), /Amina/);
  await p.waitForSelector('.course-map [data-lesson="first-steps-1"][data-stars="2"]');
  await p.locator('.course-map [data-lesson="first-steps-1"]').click();
  await p.getByTestId('view-text').click();
  assert.equal(await p.getByTestId('source').inputValue(), SOLUTION);
  assert.deepEqual(other.page.errors, []);
  await other.context.close();
});

test('a different program already on the device is kept unless the pupil chooses the file', async () => {
  assert.ok(amina, 'the first test saved a file');
  const { context, page } = await fresh();
  await openLesson(app, page, 'first-steps-1');
  await page.getByTestId('source').fill('move\nmove\n');
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.first-steps-1')?.endsWith('move\nmove\n'));
  await openMap(page);
  await pick(page, 'files-input', [{ name: 'amina.json', text: amina }]);
  await page.waitForSelector('[data-testid=files-message][data-kind=conflicts]');
  // Stars come in (the best kept), the device's program stays.
  await page.waitForSelector('.course-map [data-lesson="first-steps-1"][data-stars="2"]');
  assert.equal(await page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1')), 'en\nmove\nmove\n');
  await page.getByTestId('files-use-file').click();
  await page.waitForSelector('[data-testid=files-message][data-kind=saved]');
  assert.equal(await page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1')), `en\n${SOLUTION}`);
  // The program the file replaced is the newest earlier version: nothing is lost.
  assert.match(await page.evaluate(() => localStorage.getItem('tafukt.v1.history.first-steps-1')), /^\d+ en 10\nmove\nmove\n/);
  await context.close();
});

test('hostile progress files give their message and change nothing', async () => {
  const { context, page } = await fresh();
  await openMap(page);
  const before = await saved(page);
  const hostileName = '<img src=x onerror="window.pwned=1">';
  const cases = [
    { name: 'html.json', text: progressFile(hostileName, []), kind: 'opened', says: hostileName },
    { name: 'big.json', text: progressFile('Big', []) + ' '.repeat(2 * 1024 * 1024), kind: 'refused', says: 'too big' },
    { name: 'broken.json', text: '{"format":"tafukt-progress","version":1,"pupil":"A","lessons":[', kind: 'refused', says: 'damaged' },
    { name: 'stars.json', text: progressFile('A', [{ lesson: 'first-steps-1', stars: 9 }]), kind: 'refused', says: 'lesson To the olive tree in this file are not possible' },
    { name: 'newer.json', text: JSON.stringify({ format: 'tafukt-progress', version: 9 }), kind: 'refused', says: 'newer' },
    {
      name: 'program.json',
      text: JSON.stringify({ format: 'tafukt-program', version: 1, lesson: 'first-steps-1', lang: 'en', source: 'move' }),
      kind: 'refused',
      says: 'one program',
    },
  ];
  for (const c of cases) {
    await pick(page, 'files-input', [c]);
    const card = page.locator(`[data-testid=files-message][data-kind=${c.kind}]`);
    await card.waitFor();
    const text = await card.innerText();
    assert.ok(text.includes(c.says), `${c.name}: ${text}`);
    // Only text: no element from the file, nothing run.
    assert.equal(await card.locator('img, script').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.deepEqual(await saved(page), before, c.name);
    await page.getByTestId('files-ok').click();
    await card.waitFor({ state: 'detached' });
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a lesson's program goes to a file and back; a file for another lesson is refused by name", async () => {
  const { context, page } = await fresh();
  await openLesson(app, page, 'first-steps-2');
  await page.getByTestId('source').fill('move\nturn right\n');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('program-save').click()]);
  assert.equal(download.suggestedFilename(), 'tafukt-first-steps-2.json');
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).source, 'move\nturn right\n');
  // Opened over a different program: asked first; "keep mine" keeps it.
  await page.getByTestId('source').fill('move\n');
  await pick(page, 'program-input', [{ name: 'p.json', text }]);
  await page.waitForSelector('[data-testid=program-file-message][data-kind=ask]');
  await page.getByTestId('program-keep').click();
  assert.equal(await page.getByTestId('source').inputValue(), 'move\n');
  await pick(page, 'program-input', [{ name: 'p.json', text }]);
  await page.getByTestId('program-replace').click();
  await page.waitForSelector('[data-testid=program-file-message][data-kind=done]');
  assert.equal(await page.getByTestId('source').inputValue(), 'move\nturn right\n');
  assert.match(await page.evaluate(() => localStorage.getItem('tafukt.v1.history.first-steps-2')), /^\d+ en 5\nmove\n/, 'the replaced program is kept');
  // HTML in a program stays text, in the text view and as blocks.
  const html = '# <img src=x onerror="window.pwned=1">\nsay "<b>hi</b>"\nmove\n';
  const hostile = JSON.stringify({ format: 'tafukt-program', version: 1, lesson: 'first-steps-2', lang: 'en', source: html });
  await pick(page, 'program-input', [{ name: 'h.json', text: hostile }]);
  await page.getByTestId('program-replace').click();
  await page.waitForSelector('[data-testid=program-file-message][data-kind=done]');
  assert.equal(await page.getByTestId('source').inputValue(), html);
  await page.getByTestId('view-blocks').click();
  await page.waitForSelector('[data-testid=lesson] [data-testid=blocks]');
  assert.ok((await page.getByTestId('blocks').innerText()).includes('<b>hi</b>'), 'the text shows as written');
  assert.equal(await page.locator('[data-testid=lesson] img[src=x], [data-testid=lesson] b').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.getByTestId('view-text').click();
  // In another lesson, the file is refused with its lesson's title.
  await openLesson(app, page, 'first-steps-3');
  await pick(page, 'program-input', [{ name: 'p.json', text }]);
  const card = page.locator('[data-testid=program-file-message][data-kind=refused]');
  await card.waitFor();
  assert.match(await card.innerText(), /another lesson/);
  assert.match(await card.innerText(), /Olive harvest/, 'named by its title');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the teacher imports pupils’ files into the class view', async () => {
  assert.ok(amina, 'the first test saved a file');
  await mkdir(SHOTS, { recursive: true });
  const yuba = progressFile('Yuba', [
    { lesson: 'first-steps-1', stars: 1 },
    { lesson: 'first-steps-2', stars: 2, program: { lang: 'ar', source: 'تقدم' } },
    { lesson: 'loops-1', stars: 2 },
    { lesson: 'lesson-from-the-future', stars: 2 },
  ]);
  for (const [lang, viewport] of [
    ['en', { width: 1920, height: 1080 }],
    ['ar', { width: 1920, height: 1080 }],
    ['en', { width: 800, height: 1280 }],
    ['ar', { width: 800, height: 1280 }],
  ]) {
    const { context, page } = await fresh({ lang, viewport });
    await page.getByTestId('teacher-toggle').click();
    await page.getByTestId('class-toggle').click();
    await page.waitForSelector('[data-testid=class-view] [data-testid=class-empty]');
    // Several at once; the broken one is named with its reason and stops nothing.
    await pick(page, 'class-input', [
      { name: 'amina.json', text: amina },
      { name: 'not-a-file.json', text: 'PK\u0003\u0004' },
      { name: 'yuba.json', text: yuba },
    ]);
    await page.waitForSelector('[data-testid=class-table] tbody tr:nth-child(2)');
    await page.waitForSelector('[data-testid=class-failures] li[data-file="not-a-file.json"]');
    const row = (pupil) => page.locator(`[data-testid=class-table] tr[data-pupil="${pupil}"]`);
    const stars = (pupil, lesson) => row(pupil).locator(`td[data-lesson="${lesson}"]`).getAttribute('data-stars');
    assert.equal(await stars('Amina', 'first-steps-1'), '2');
    assert.equal(await stars('Yuba', 'first-steps-1'), '1');
    assert.equal(await stars('Yuba', 'loops-1'), '2');
    assert.equal(await row('Yuba').getByTestId('class-done').innerText(), '3');
    assert.equal(await row('Yuba').getByTestId('class-stars').innerText(), '2');
    // Lesson titles from the lessons, grouped under their units.
    const titled = { en: 'To the olive tree', ar: /[\u0600-\u06FF]/ }[lang];
    await page.waitForFunction(() => document.querySelector('th[data-lesson="first-steps-1"] .lesson-title')?.textContent !== 'first-steps-1');
    const firstTitle = await page.locator('th[data-lesson="first-steps-1"] .lesson-title').innerText();
    if (typeof titled === 'string') assert.equal(firstTitle, titled);
    else assert.match(firstTitle, titled);
    const units = await page.locator('[data-testid=class-table] thead th[scope=colgroup]').allInnerTexts();
    const course = JSON.parse(readFileSync('lessons/index.json', 'utf8')).courses[0];
    assert.equal(units.length, course.units.length, 'one group per unit of the course');
    // The same pupil again, one by one: the row is replaced, not added.
    await pick(page, 'class-input', [{ name: 'yuba-later.json', text: yuba.replace('"stars":1', '"stars":2') }]);
    await page.waitForFunction(() => document.querySelector('tr[data-pupil="Yuba"] td[data-lesson="first-steps-1"]')?.dataset.stars === '2');
    assert.equal(await page.locator('[data-testid=class-table] tbody tr').count(), 2);
    assert.equal(await page.locator('[data-testid=class-failures]').count(), 0, 'a new batch clears the old problems');
    await pick(page, 'class-input', [{ name: 'broken.json', text: '{' }]);
    await page.waitForSelector('[data-testid=class-failures] li[data-file="broken.json"]');
    // Readable by touch: every button of the view at least 44 px.
    const small = await page.$$eval('[data-testid=class-view] button', (bs) =>
      bs.map((b) => b.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length,
    );
    assert.equal(small, 0);
    if (lang === 'ar') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.screenshot({ path: `${SHOTS}/class-${lang}-${viewport.width}x${viewport.height}.png` });
    if (viewport.width === 1920) {
      // On the projector (its key, P): the class view fills the screen, in larger type.
      const before = await page.locator('[data-testid=class-table] td[data-lesson]').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      await page.keyboard.press('p');
      await page.waitForSelector('html[data-projector] [data-testid=class-view]');
      const box = await page.getByTestId('class-view').boundingBox();
      assert.equal(Math.round(box.width), viewport.width);
      const after = await page.locator('[data-testid=class-table] td[data-lesson]').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(after > before, `${after} px on the projector, ${before} px before`);
      await page.screenshot({ path: `${SHOTS}/class-${lang}-projector.png` });
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
