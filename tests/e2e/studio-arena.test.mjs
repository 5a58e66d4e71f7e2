// The studio's arena editor as a teacher uses it on a touch tablet: a lesson for the wheeled
// robot built with a finger (a box dragged out, a line drawn, a rock and floor areas some
// worlds place, the place the robot must end in, the robot set facing where the finger goes), by keyboard too;
// a wrong solution flagged, the right one ready; the file exported passes `tafukt check`; a
// pupil plays it and solves it. Every wait is on the app's own state, never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUT, catalogue, runToEnd, useApp } from './app.mjs';
import { newLessonOnTablet, openFileInStudio, program, status } from './studio-page.mjs';

const app = useApp();
const en = catalogue('en');
const ar = catalogue('ar');
// The robot starts at (30, 120) facing north: up, across above the box, into the end place.
const SOLUTION = 'drive 90\nturn 90\ndrive 140\n';
// Straight on: it never turns, and never reaches the end place.
const WRONG = 'drive 100\n';

const stage = (page) => page.locator('[data-testid=studio-world] svg').first();

/** The page's point for `(x, y)` cm of the arena (the stage keeps its proportions, with a
 * centimetre of border round the floor). */
async function at(page, [x, y]) {
  const svg = stage(page);
  const box = await svg.boundingBox();
  const [, , w, h] = (await svg.getAttribute('viewBox')).split(' ').map(Number);
  const scale = Math.min(box.width / w, box.height / h);
  const left = box.x + (box.width - w * scale) / 2;
  const top = box.y + (box.height - h * scale) / 2;
  // Whole pixels: a pointer event's place is read in whole pixels.
  return { x: Math.round(left + (x + 1) * scale), y: Math.round(top + (y + 1) * scale) };
}

/** A finger on the floor through `points` (cm), lifted at the last; one point is a tap. */
async function finger(page, cdp, points) {
  const pts = [];
  for (const p of points) pts.push(await at(page, p));
  const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [p] });
  await touch('touchStart', pts[0]);
  for (const p of pts.slice(1)) await touch('touchMove', p);
  await touch('touchEnd', pts.at(-1));
  await page.waitForSelector('[data-testid=studio-world][data-drawing="false"]');
}

const count = (page, selector) => page.locator(`[data-testid=studio-world] ${selector}`).count();
const waitCount = (page, selector, n) =>
  page.waitForFunction(([s, n]) => document.querySelectorAll(`[data-testid=studio-world] ${s}`).length === n, [selector, n]);

let exported;

test('a teacher builds an arena lesson with a finger, checks it, and a pupil solves it', async () => {
  const { context, page, errors } = await newLessonOnTablet(app.browser, app.server.url);

  // An open floor instead of squares: a new arena, its goals and blocks.
  await page.locator('[data-testid=studio-kind-arena] input').tap();
  await page.waitForSelector('[data-testid=studio-arena-width]');
  assert.equal(await page.getByTestId('studio-arena-width').textContent(), '200');
  assert.equal(await page.getByTestId('studio-arena-height').textContent(), '150');
  assert.equal(await page.locator('[data-testid=studio-toolbox-drive] input').isChecked(), true);
  assert.equal(await page.locator('[data-testid=studio-goal-not-bumped] input').isChecked(), true);
  assert.equal(await page.getByTestId('studio-tool-help').textContent(), en['studio.tool-help.box']);
  await page.getByTestId('studio-world').scrollIntoViewIfNeeded();
  const cdp = await page.context().newCDPSession(page);

  // A box dragged from corner to corner, in the robot's way along the bottom.
  await finger(page, cdp, [[80, 90], [90, 110], [100, 130], [110, 150]]);
  await waitCount(page, 'rect.obstacle', 1);
  const box = await page.locator('[data-testid=studio-world] rect.obstacle').evaluate((r) =>
    ['x', 'y', 'width', 'height'].map((a) => Math.round(Number(r.getAttribute(a)))));
  assert.deepEqual(box, [80, 90, 30, 60]);
  // Clicks from here on: after a drag through the DevTools protocol, Chromium drops
  // Playwright's taps in the page (see studio-page.mjs).

  // A black line drawn by finger: a wavy stroke, thinned to the points that matter.
  await page.getByTestId('studio-tool-line').click();
  await page.getByTestId('studio-colour-black').waitFor();
  const wave = Array.from({ length: 30 }, (_, i) => [20 + i * 4, 60 + Math.round(8 * Math.sin(i / 3))]);
  await finger(page, cdp, wave);
  await waitCount(page, 'path.floor-line', 1);

  // A rock some worlds place: the worlds pupils meet appear, to compare.
  await page.getByTestId('studio-tool-rock-maybe').click();
  await finger(page, cdp, [[140, 100], [144, 100], [148, 100]]);
  await waitCount(page, '[data-testid=studio-rock-maybe]', 1);
  await page.waitForSelector('[data-testid=studio-seeds] figure[data-seed="5"]');
  // A green floor area some worlds paint, one of two.
  await page.getByTestId('studio-tool-floor-maybe').click();
  await page.getByTestId('studio-colour-green').click();
  await page.waitForSelector('[data-testid=studio-colour-green][aria-checked="true"]');
  await finger(page, cdp, [[60, 10], [70, 20], [80, 30]]);
  await finger(page, cdp, [[100, 10], [110, 20], [120, 30]]);
  await waitCount(page, '[data-testid=studio-floor-maybe]', 2);

  // The place the robot must end in, dragged out where the teacher wants it.
  await page.getByTestId('studio-tool-end-area').click();
  await finger(page, cdp, [[150, 10], [170, 40], [190, 60]]);
  const end = await page.getByTestId('studio-end-area').evaluate((r) =>
    ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))));
  assert.deepEqual(end, [150, 10, 40, 50]);

  // The robot: a drag from its place upwards sets it facing north.
  await page.getByTestId('studio-tool-arena-robot').click();
  await finger(page, cdp, [[30, 120], [30, 100], [30, 80]]);
  await page.waitForFunction(() => /^matrix\(-?0 -1 1 -?0 30 120\)$/
    .test(document.querySelector('[data-testid=studio-world] .robot')?.getAttribute('transform')));

  // By keyboard: a box from the cross, Enter and Enter again; then erased by a tap, and the
  // box before it taken back and brought again by undo and redo.
  await page.getByTestId('studio-tool-box').click();
  await page.getByTestId('studio-world').focus();
  await page.waitForSelector('[data-testid=studio-cross]');
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowUp', 'Enter', 'ArrowRight', 'ArrowUp', 'Enter']) {
    await page.keyboard.press(key);
  }
  await waitCount(page, 'rect.obstacle', 2);
  await page.getByTestId('studio-tool-arena-erase').click();
  await finger(page, cdp, [[55, 95]]);
  await waitCount(page, 'rect.obstacle', 1);
  await page.getByTestId('studio-undo').click();
  await waitCount(page, 'rect.obstacle', 2);
  await page.getByTestId('studio-redo').click();
  await waitCount(page, 'rect.obstacle', 1);

  // Zoomed in, the move tool scrolls the floor with a finger and changes nothing on it.
  const wide = (await stage(page).boundingBox()).width;
  await page.getByTestId('studio-zoom-in').click();
  await page.waitForSelector('[data-testid=studio-world][data-zoom="1"]');
  assert.ok((await stage(page).boundingBox()).width > wide * 1.2, 'the floor is bigger');
  await page.getByTestId('studio-tool-pan').click();
  await page.getByTestId('studio-world').scrollIntoViewIfNeeded();
  await finger(page, cdp, [[120, 75], [100, 75], [80, 75], [60, 75], [40, 75]]);
  await page.waitForFunction(() => document.querySelector('[data-testid=studio-world]').scrollLeft > 0);
  assert.equal(await count(page, 'rect.obstacle'), 1);
  await page.getByTestId('studio-zoom-out').click();
  await page.waitForSelector('[data-testid=studio-world][data-zoom="0"]');

  // Texts in English; a wrong solution is flagged beside its field, the right one is ready.
  await page.getByTestId('studio-title').fill('Round the box');
  await page.getByTestId('studio-instructions').fill('Drive round the **box** to the green place.');
  await page.getByTestId('studio-concepts').fill('obstacles, angles,');
  await page.getByTestId('studio-concepts').press('Tab');
  await program(page, 'solution', WRONG);
  await page.locator('[data-testid=studio-problems-solution] [data-key="check.solution-goal"]').waitFor();
  assert.ok((await status(page)) >= 1);
  await page.screenshot({ path: `${OUT}/studio-arena-wrong-en.png`, fullPage: true });
  await program(page, 'solution', SOLUTION);
  await page.waitForSelector('[data-testid=studio-status][data-problems="0"]');
  await page.getByTestId('studio-world').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/studio-arena-en.png` });
  await page.locator('.studio-arena').screenshot({ path: `${OUT}/studio-arena-editor-en.png` });

  // Exported: `tafukt check` accepts the file as it is.
  const id = await page.getByTestId('studio-editor').getAttribute('data-id');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('studio-export').click()]);
  exported = { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  const lesson = JSON.parse(exported.text);
  assert.equal(lesson.world.arena.lines[0].path.colour, 'black');
  assert.ok(lesson.world.arena.lines[0].path.points.length < wave.length, 'the line is thinned');
  assert.deepEqual(lesson.world.arena.seeds, [1, 2, 3, 4, 5]);
  assert.deepEqual(lesson.world.arena.floor_choices.map((f) => [f.x, f.y, f.w, f.h, f.colour]),
    [[60, 10, 20, 20, 'green'], [100, 10, 20, 20, 'green']]);
  assert.deepEqual(lesson.concepts, ['obstacles', 'angles']);
  const dir = await mkdtemp(join(tmpdir(), 'tafukt-arena-'));
  const file = join(dir, exported.name);
  await writeFile(file, exported.text);
  await writeFile(`${OUT}/studio-arena-lesson.json`, exported.text);
  const checked = spawnSync('cargo', ['run', '-q', '-p', 'tafukt-cli', '--', 'check', file], { encoding: 'utf8' });
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  assert.equal(checked.stdout, `ok   ${id}\n`);

  // Played: the pupil's wrong try fails, the right program solves it.
  await page.getByTestId('studio-play').click();
  await page.waitForSelector(`[data-testid=lesson][data-lesson-id="${id}"]`);
  await page.getByTestId('view-text').click();
  assert.equal(await runToEnd(page, WRONG), 'finished');
  assert.equal(await runToEnd(page, SOLUTION), 'success');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the arena editor in Arabic on a landscape tablet and in Tamazight on a phone', async () => {
  assert.ok(exported, 'the first test exported a lesson');
  for (const [name, viewport, lang, words] of [['landscape-ar', { width: 1280, height: 800 }, 'ar', ar],
    ['phone-zgh', { width: 360, height: 640 }, 'zgh', catalogue('zgh')]]) {
    const { context, page, errors } = await openFileInStudio(app.browser, app.server.url, viewport, lang, exported);
    await page.getByTestId('studio-tool-line').tap();
    assert.equal(await page.getByTestId('studio-tool-help').textContent(), words['studio.tool-help.line']);
    for (const b of await page.locator('.studio-arena .studio-tools button, .studio-arena .studio-size button, .studio-colours button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]))) {
      assert.ok(b[0] >= 44 && b[1] >= 44, `${name}: a ${b[0]}×${b[1]} button`);
    }
    await page.locator('.studio-arena').screenshot({ path: `${OUT}/studio-arena-${name}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
