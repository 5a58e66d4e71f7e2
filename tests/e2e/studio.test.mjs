// The teacher studio as a teacher uses it on a touch tablet: teacher mode, then the studio
// (the studio app, fetched only now); a 6 × 6 world with walls, an olive and a flag built by
// taps; the lesson written in English and Arabic; toolbox, goals, starter and solution set; a
// wrong solution flagged beside its field; the lesson exported as a file that `tafukt check`
// accepts as it is. On another device the file is opened in the studio, played, and a pupil
// solves it with blocks dragged by a finger. A file that is not a lesson gets an error card
// and changes nothing. Every wait is on the app's own state, never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUT, catalogue, useApp, watchedPage } from './app.mjs';
import { touchDrag } from './touch.mjs';
import { cell, newLessonOnTablet, openFileInStudio, openStudio, program, status, tapCell } from './studio-page.mjs';

const app = useApp();
const en = catalogue('en');
const SOLUTION = 'move\nmove\npick up\nmove\nmove\n';
const WRONG = 'move\nmove\nmove\nmove\n';
// The lesson's palette: its toolbox in the studio's order (move, turn left, turn right,
// pick up, repeat).
const MOVE = 0;
const PICK_UP = 3;

/** The lesson as the device keeps it. */
async function kept(page, id) {
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `tafukt.v1.own.${id}`));
}

let exported; // the lesson file, as downloaded
let pack; // the course pack, as downloaded
let link; // the lesson as a link

test('a teacher builds, writes, checks and exports a lesson by touch', async () => {
  const context = await app.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 1280, height: 800 } });
  const { page, errors } = await watchedPage(context);
  await openStudio(page, app.server.url);
  assert.equal(await page.getByTestId('studio-empty').textContent(), en['studio.empty']);
  await page.getByTestId('studio-new').tap();
  await page.waitForSelector('[data-testid=studio-editor]');
  assert.equal(await page.getByTestId('studio-width').textContent(), '6');
  assert.equal(await page.getByTestId('studio-height').textContent(), '6');

  // The world: two walls above the robot's row, an olive and a flag on it.
  await page.getByTestId('studio-tool-wall').tap();
  await tapCell(page, 1, 5, 0.5, 0.05);
  await tapCell(page, 2, 5, 0.5, 0.05);
  await page.getByTestId('studio-tool-olive').tap();
  await tapCell(page, 2, 5);
  await page.getByTestId('studio-tool-flag').tap();
  await tapCell(page, 4, 5);
  const stage = page.locator('[data-testid=studio-world] [data-testid=stage]');
  await stage.locator('.flag').waitFor();
  assert.equal(await stage.locator('line.wall').count(), 2);
  assert.equal(await stage.locator('.item.olive').count(), 1);
  assert.equal(await stage.getAttribute('data-robot'), '0,5,east');
  // A third wall, taken back by undo, and put again by redo, then taken away by a tap.
  await page.getByTestId('studio-tool-wall').tap();
  await tapCell(page, 3, 5, 0.5, 0.05);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-world] line.wall').length === 3);
  await page.getByTestId('studio-undo').tap();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-world] line.wall').length === 2);
  await page.getByTestId('studio-redo').tap();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-world] line.wall').length === 3);
  await tapCell(page, 3, 4, 0.5, 0.95); // the same edge, from the cell above
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-world] line.wall').length === 2);

  // Nothing written yet: the texts are asked for, next to their field.
  await page.locator('[data-testid=studio-problems-texts] [data-key="check.no-language"]').waitFor();

  // Texts in English, with Markdown previewed as pupils see it, then in Arabic.
  await page.getByTestId('studio-title').fill('Olives on the way');
  await page.getByTestId('studio-instructions').fill('Pick up the **olive** on the way to the flag.');
  await page.locator('[data-testid=studio-preview] strong', { hasText: 'olive' }).waitFor();
  // Hints, one after another: a field for the next appears as one is written.
  await page.getByTestId('studio-hint').first().fill('The olive is on your way.');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-hint]').length === 2);
  await page.getByTestId('studio-hint').nth(1).fill('Pick it up when you stand on it.');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-hint]').length === 3);
  await page.getByTestId('studio-lang-ar').tap();
  await page.waitForSelector('[data-testid=studio-lang-ar][aria-selected="true"]');
  assert.equal(await page.getByTestId('studio-title').inputValue(), '');
  assert.equal(await page.getByTestId('studio-title').getAttribute('dir'), 'rtl');
  await page.getByTestId('studio-title').fill('زيتون في الطريق');
  await page.getByTestId('studio-instructions').fill('التقط **الزيتونة** في طريقك إلى العلم.');
  await page.locator('[data-testid=studio-preview] strong', { hasText: 'الزيتونة' }).waitFor();
  await page.waitForSelector('[data-testid=studio-lang-en][data-written="true"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=studio-problems-texts]'));

  // Toolbox and goals, picked by taps.
  await page.locator('[data-testid=studio-toolbox-pick_up] input').tap();
  await page.locator('[data-testid=studio-toolbox-repeat] input').tap();
  await page.locator('[data-testid=studio-goal-no-items-left] input').tap();
  assert.equal(await page.locator('[data-testid=studio-goal-at-flag] input').isChecked(), true);

  // The starter with blocks, as pupils build programs: its palette is the toolbox just set.
  const id = await page.getByTestId('studio-editor').getAttribute('data-id');
  assert.match(id, /^my-[0-9a-z]+$/);
  await page.waitForSelector('[data-testid=studio-tab-starter][aria-selected="true"]');
  const starter = page.locator('[data-testid=studio-starter] .palette:not(.values) [data-palette]');
  assert.equal(await starter.count(), 5, 'move, turn left, turn right, pick up, repeat');
  const cdp = await page.context().newCDPSession(page);
  // A finger touches what is on screen: the editor is brought into view first.
  await page.getByTestId('studio-starter').scrollIntoViewIfNeeded();
  await touchDrag(page, cdp, page.locator('[data-testid=studio-starter] [data-palette="0"]'), '/0');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).starter === 'move\n', `tafukt.v1.own.${id}`);
  await page.screenshot({ path: `${OUT}/studio-starter-blocks-en.png`, fullPage: true });

  // A wrong solution: flagged beside the solution, in the teacher's words.
  await program(page, 'solution', WRONG);
  const flagged = page.locator('[data-testid=studio-problems-solution] [data-key="check.solution-goal"]');
  await flagged.waitFor();
  assert.match(await flagged.textContent(), /^Your solution does not solve the lesson \(world 0\): /);
  assert.ok((await status(page)) >= 1);
  await page.screenshot({ path: `${OUT}/studio-wrong-solution-en.png`, fullPage: true });

  // The right solution: ready.
  await program(page, 'solution', SOLUTION);
  await page.waitForSelector('[data-testid=studio-status][data-problems="0"]');

  // A question for after the lesson: written in English, it is asked in Arabic too.
  await page.getByTestId('studio-lang-en').click();
  await page.getByTestId('studio-add-question').click();
  await page.getByTestId('studio-question-text').fill('What did the robot carry to the flag?');
  const choices = page.getByTestId('studio-choice-text');
  await choices.nth(0).fill('A stone');
  await choices.nth(1).fill('An olive');
  await page.getByTestId('studio-answer').nth(1).check();
  await page.locator('[data-testid=studio-problems-quiz] [data-key="check.quiz-text"]').waitFor();
  await page.getByTestId('studio-lang-ar').click();
  await page.getByTestId('studio-question-text').fill('ماذا حمل الروبوت إلى العلم؟');
  await choices.nth(0).fill('حجرًا');
  await choices.nth(1).fill('زيتونة');
  await page.getByTestId('studio-lang-en').click();
  await page.waitForSelector('[data-testid=studio-status][data-problems="0"]');
  assert.equal(await page.getByTestId('studio-status').textContent(), en['studio.ready']);
  await page.screenshot({ path: `${OUT}/studio-en.png`, fullPage: true });

  // Every edit is on the device already.
  assert.equal((await kept(page, id)).solution, SOLUTION);
  assert.deepEqual((await kept(page, id)).hints.map((h) => h.en), ['The olive is on your way.', 'Pick it up when you stand on it.']);

  // Exported: the file `tafukt check` reads, unchanged.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('studio-export').click()]);
  assert.equal(download.suggestedFilename(), `${id}.json`);
  exported = { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  const dir = await mkdtemp(join(tmpdir(), 'tafukt-studio-'));
  const file = join(dir, exported.name);
  await writeFile(file, exported.text);
  const checked = spawnSync('cargo', ['run', '-q', '-p', 'tafukt-cli', '--', 'check', file], { encoding: 'utf8' });
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  assert.equal(checked.stdout, `ok   ${id}\n`);
  await copyFile(file, `${OUT}/studio-lesson.json`);

  // The same lesson as a link, for a class with a network.
  await page.getByTestId('studio-share-link').click();
  link = await page.getByTestId('studio-link').inputValue();
  assert.ok(link.startsWith(`${app.server.url}#l=`), link);

  // All the teacher's lessons as one course pack, for a USB stick.
  await page.getByTestId('studio-back').click();
  await page.waitForSelector(`[data-testid=studio-lesson][data-id="${id}"]`);
  const [packed] = await Promise.all([page.waitForEvent('download'), page.getByTestId('studio-export-pack').click()]);
  assert.match(packed.suggestedFilename(), /^tafukt-lessons-\d{4}-\d{2}-\d{2}\.json$/);
  pack = { name: packed.suggestedFilename(), text: await readFile(await packed.path(), 'utf8') };
  await page.locator(`[data-testid=studio-lesson][data-id="${id}"] [data-testid=studio-lesson-edit]`).click();
  await page.waitForSelector('[data-testid=studio-editor] [data-testid=studio-status][data-problems="0"]');

  // The same studio in Arabic: right to left, every word from the catalogue.
  await page.getByTestId('language').selectOption('ar');
  await page.waitForSelector('html[dir="rtl"] [data-testid=studio-editor]');
  await page.waitForFunction((ready) => document.querySelector('[data-testid=studio-status]')?.textContent === ready,
    catalogue('ar')['studio.ready']);
  await page.screenshot({ path: `${OUT}/studio-ar.png`, fullPage: true });
  await page.getByTestId('studio-lang-en').click();
  await program(page, 'solution', WRONG);
  await page.locator('[data-testid=studio-problems-solution] [data-key="check.solution-goal"]').waitFor();
  await page.screenshot({ path: `${OUT}/studio-wrong-solution-ar.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on another device the file opens in the studio and a pupil solves it with blocks', async () => {
  assert.ok(exported, 'the first test exported a lesson');
  const context = await app.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 1280, height: 800 } });
  const { page, errors } = await watchedPage(context);
  await openStudio(page, app.server.url);

  // A file that is not a lesson: an error card naming the problem, nothing changed.
  await page.getByTestId('studio-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json',
    buffer: Buffer.from(exported.text.replace('"schema_version"', '"schema_versoin"')) });
  const card = page.getByTestId('studio-import-error');
  await card.waitFor();
  assert.match(await card.textContent(), /schema_versoin/);
  assert.equal(await page.locator('[data-testid=studio-lesson]').count(), 0);
  await page.screenshot({ path: `${OUT}/studio-import-refused-en.png` });

  // The exported file: opened, checked, played.
  await page.getByTestId('studio-import-file').setInputFiles({ name: exported.name, mimeType: 'application/json',
    buffer: Buffer.from(exported.text) });
  await page.waitForSelector('[data-testid=studio-editor] [data-testid=studio-status][data-problems="0"]');
  const id = await page.getByTestId('studio-editor').getAttribute('data-id');
  await page.getByTestId('studio-play').tap();
  await page.waitForSelector(`[data-testid=lesson][data-lesson-id="${id}"]`);
  await page.waitForSelector('[data-testid=blocks]');

  // The pupil: the starter's `move`, then move, pick up, move, move by finger.
  const cdp = await page.context().newCDPSession(page);
  const palette = (i) => page.locator(`[data-palette="${i}"]`);
  assert.equal(await page.locator('.palette:not(.values) [data-palette]').count(), 5, 'the toolbox the teacher set');
  await touchDrag(page, cdp, palette(MOVE), '/1');
  await touchDrag(page, cdp, palette(PICK_UP), '/2');
  await touchDrag(page, cdp, palette(MOVE), '/3');
  await touchDrag(page, cdp, palette(MOVE), '/4');
  const saved = await page.evaluate((key) => localStorage.getItem(key), `tafukt.v1.program.${id}`);
  assert.equal(saved, `en\n${SOLUTION}`);
  await page.getByTestId('speed').fill('5');
  // A click, as the block tests do: after a drag through the DevTools protocol, Chromium
  // drops Playwright's taps in the page (see `program`).
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  // The teacher's question, once the lesson is solved.
  await page.locator('[data-testid=quiz]', { hasText: 'What did the robot carry to the flag?' }).waitFor();
  await page.screenshot({ path: `${OUT}/studio-lesson-solved-en.png`, fullPage: true });

  // The teacher's lesson is a unit of the course map (a click: see Run above).
  await page.getByTestId('map-toggle').click();
  await page.locator(`[data-testid=course-map] [data-lesson="${id}"]`).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a course pack brings a teacher\'s lessons to another device in one file', async () => {
  assert.ok(pack, 'the first test saved a course pack');
  const context = await app.browser.newContext({ hasTouch: true, viewport: { width: 1366, height: 768 } });
  const { page, errors } = await watchedPage(context);
  await openStudio(page, app.server.url);
  await page.getByTestId('studio-import-file').setInputFiles({ name: pack.name, mimeType: 'application/json',
    buffer: Buffer.from(pack.text) });
  await page.waitForSelector('[data-testid=studio-said]');
  assert.equal(await page.getByTestId('studio-said').textContent(), '1 lesson was taken in from the course pack.');
  const ids = JSON.parse(pack.text).lessons.map((l) => l.id);
  assert.deepEqual(await page.locator('[data-testid=studio-lesson]').evaluateAll((els) => els.map((e) => e.dataset.id)), ids);
  await page.screenshot({ path: `${OUT}/studio-lessons-en.png` });

  // The world by keyboard alone: arrows between squares, Enter for the tool, Shift and an
  // arrow for a wall.
  await page.locator(`[data-testid=studio-lesson][data-id="${ids[0]}"] [data-testid=studio-lesson-edit]`).click();
  await page.getByTestId('studio-tool-flag').click();
  const flags = () => page.locator('[data-testid=studio-world] .flag').count();
  const walls = () => page.locator('[data-testid=studio-world] line.wall').count();
  const [flagsBefore, wallsBefore] = [await flags(), await walls()];
  await page.locator('[data-testid=studio-cell][tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), '2,1');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=studio-world] .flag').length === n, flagsBefore + 1);
  await page.getByTestId('studio-tool-wall').click();
  await page.locator('[data-testid=studio-cell][tabindex="0"]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=studio-world] line.wall').length === n, wallsBefore + 1);
  assert.equal(await flags(), flagsBefore + 1);

  // The square the robot must end on: a goal placed on the world, moved and taken away by taps.
  await page.getByTestId('studio-tool-end-here').click();
  await page.locator('[data-testid=studio-cell][data-cell="3,3"]').click();
  await page.waitForSelector('[data-testid=studio-end][x="123"][y="123"]');
  assert.deepEqual((await kept(page, ids[0])).goals.filter((g) => g.robot_at), [{ robot_at: { x: 3, y: 3 } }]);
  await page.locator('[data-testid=studio-cell][data-cell="3,3"]').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=studio-end]'));

  // Worlds that vary: the flag may be on one of two squares, and the robot faces a way each
  // world chooses; every world is drawn, and the solution learnt by heart no longer passes.
  await page.getByTestId('studio-tool-flag-choice').click();
  await page.locator('[data-testid=studio-cell][data-cell="5,0"]').click();
  await page.locator('[data-testid=studio-cell][data-cell="5,2"]').click();
  await page.locator('[data-testid=studio-heading-varies] input').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-seeds] figure').length === 5);
  assert.equal(await page.locator('[data-testid=studio-world] [data-testid=studio-flag-choice]').count(), 2);
  const worlds = await page.locator('[data-testid=studio-seeds] figure').evaluateAll((figures) => figures.map((f) => ({
    flags: [...f.querySelectorAll('.flag')].map((g) => g.getAttribute('transform')).sort().join(' '),
    robot: f.querySelector('[data-testid=stage]').dataset.robot,
  })));
  assert.ok(new Set(worlds.map((w) => w.flags)).size >= 2, JSON.stringify(worlds));
  assert.ok(new Set(worlds.map((w) => w.robot)).size >= 2, JSON.stringify(worlds));
  // (It stops short of the flag, or drives into the border, on some world.)
  await page.locator('[data-testid=studio-problems-solution] [data-testid=studio-problem]').waitFor();
  // The robot may start on one of two squares too: drawn on the world, kept as the lesson's
  // rule, and the worlds start it on them.
  const startsBefore = new Set(worlds.map((w) => w.robot.split(',').slice(0, 2).join()));
  await page.getByTestId('studio-tool-start-choice').click();
  await page.locator('[data-testid=studio-cell][data-cell="0,2"]').click();
  await page.locator('[data-testid=studio-cell][data-cell="0,3"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-world] [data-testid=studio-start-choice]').length === 2);
  assert.deepEqual((await kept(page, ids[0])).world.grid.variants.rules.find((r) => r.start_at).start_at.cells, [{ x: 0, y: 2 }, { x: 0, y: 3 }]);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=studio-seeds] [data-testid=stage]')]
    .every((s) => ['0,2', '0,3'].includes(s.dataset.robot.split(',').slice(0, 2).join())));
  assert.ok(startsBefore.size >= 1);
  // A wall that stands in some worlds and not in others: dashed on the world, kept as the rule.
  await page.getByTestId('studio-tool-wall-choice').click();
  const edge = await cell(page, 3, 4).boundingBox();
  await cell(page, 3, 4).click({ position: { x: edge.width * 0.95, y: edge.height / 2 } });
  await page.waitForSelector('[data-testid=studio-world] [data-testid=studio-wall-choice]', { state: 'attached' });
  const maybe = (await kept(page, ids[0])).world.grid.variants.rules.find((r) => r.wall_maybe);
  assert.deepEqual(maybe.wall_maybe.walls, [{ x: 3, y: 4, side: 'east' }]);
  // Olives whose number each world chooses: two taps on each of three squares (none to two
  // olives), drawn dashed with their range; the worlds hold different numbers of olives.
  await page.getByTestId('studio-tool-items-maybe').click();
  for (const x of [1, 2, 3]) {
    await page.locator(`[data-testid=studio-cell][data-cell="${x},1"]`).click();
    await page.locator(`[data-testid=studio-cell][data-cell="${x},1"]`).click();
  }
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=studio-world] [data-testid=studio-items-maybe]')]
    .filter((g) => g.dataset.count === '0-2').length === 3);
  const counts = (await kept(page, ids[0])).world.grid.variants.rules.filter((r) => r.item_count).map((r) => r.item_count);
  assert.deepEqual(counts.map((c) => [c.x, c.y, c.kind, c.min, c.max]), [[1, 1, 'olive', 0, 2], [2, 1, 'olive', 0, 2], [3, 1, 'olive', 0, 2]]);
  const olives = await page.locator('[data-testid=studio-seeds] figure').evaluateAll((figures) => figures.map((f) =>
    [...f.querySelectorAll('.item.olive')].map((i) => `${i.querySelector('path').getAttribute('transform')}:${i.dataset.count}`).sort().join(' ')));
  assert.ok(new Set(olives).size >= 2, JSON.stringify(olives));
  // A pair of portals: one tap for each end (the first waits, ringed, for the second), kept
  // as the rule and drawn in the world and in every seed's world; a tap on an end takes
  // the pair away.
  await page.getByTestId('studio-tool-portal').click();
  await page.locator('[data-testid=studio-cell][data-cell="0,3"]').click();
  await page.waitForSelector('[data-testid=studio-world] [data-testid=studio-portal-waiting]', { state: 'attached' });
  await page.locator('[data-testid=studio-cell][data-cell="5,2"]').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=studio-portal-waiting]')
    && document.querySelectorAll('[data-testid=studio-world] .portal[data-pair="1"]').length === 2);
  assert.deepEqual((await kept(page, ids[0])).world.grid.variants.rules.find((r) => r.portal).portal, { a: [{ x: 0, y: 3 }], b: [{ x: 5, y: 2 }] });
  assert.equal(await page.locator('[data-testid=studio-seeds] .portal').count(), 10, 'both ends in each of five worlds');
  await page.screenshot({ path: `${OUT}/studio-portals-en.png`, fullPage: true });
  await page.locator('[data-testid=studio-cell][data-cell="5,2"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-world] .portal').length === 0);
  assert.ok(!(await kept(page, ids[0])).world.grid.variants.rules.some((r) => r.portal));
  // A switch: off at the start, then on or off by each world (ringed), then gone.
  await page.getByTestId('studio-tool-switch').click();
  await page.locator('[data-testid=studio-cell][data-cell="4,0"]').click();
  await page.waitForSelector('[data-testid=studio-world] .switch[data-on="false"]', { state: 'attached' });
  assert.deepEqual((await kept(page, ids[0])).world.grid.variants.rules.find((r) => r.switches).switches, { cells: [{ x: 4, y: 0 }], maybe: false });
  await page.locator('[data-testid=studio-cell][data-cell="4,0"]').click();
  await page.waitForSelector('[data-testid=studio-world] [data-testid=studio-switch-maybe]', { state: 'attached' });
  await page.screenshot({ path: `${OUT}/studio-switch-en.png`, fullPage: true });
  await page.locator('[data-testid=studio-cell][data-cell="4,0"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=studio-world] .switch').length === 0);
  assert.ok(!(await kept(page, ids[0])).world.grid.variants.rules.some((r) => r.switches));
  // Zoom: the squares grow (the stage scrolls), and come back.
  const side = async () => (await cell(page, 0, 0).boundingBox()).width;
  const fitted = await side();
  await page.getByTestId('studio-zoom-in').click();
  await page.waitForSelector('[data-testid=studio-world][data-zoom="1"]');
  assert.ok(await side() > fitted * 1.2, `${fitted} then ${await side()}`);
  await page.getByTestId('studio-zoom-out').click();
  await page.waitForSelector('[data-testid=studio-world][data-zoom="0"]');
  assert.equal(await side(), fitted);
  await page.screenshot({ path: `${OUT}/studio-seeds-en.png`, fullPage: true });
  // A new maze in each world: every preview has its own walls, and the robot and the flag
  // move with them; unticked, the teacher's own walls are back.
  const seedWalls = () => page.locator('[data-testid=studio-seeds] figure').evaluateAll((figures) =>
    figures.map((f) => [...f.querySelectorAll('line.wall')].map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => l.getAttribute(a)).join()).sort().join(' ')));
  const before = await seedWalls();
  await page.locator('[data-testid=studio-maze-varies] input').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=studio-maze-varies] input').checked);
  const mazes = await seedWalls();
  assert.equal(new Set(mazes).size, 5, 'five different mazes');
  assert.ok(mazes.every((m) => m.split(' ').length > before[0].split(' ').length), 'a maze has more walls');
  assert.ok((await kept(page, ids[0])).world.grid.variants.rules.some((r) => r.maze), 'the lesson keeps the rule');
  await page.screenshot({ path: `${OUT}/studio-mazes-en.png`, fullPage: true });
  await page.locator('[data-testid=studio-maze-varies] input').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=studio-maze-varies] input').checked);
  assert.deepEqual(await seedWalls(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('squares to paint and a square where things must be carried are goals placed by a tap', async () => {
  const { context, page, errors } = await newLessonOnTablet(app.browser, app.server.url);
  // An olive to carry, a square to paint, and the square it must be carried to (two taps:
  // two things wanted, one tap less for one).
  await page.getByTestId('studio-tool-olive').tap();
  await tapCell(page, 1, 5);
  await page.getByTestId('studio-tool-mark').tap();
  assert.equal(await page.getByTestId('studio-tool-help').textContent(), en['studio.tool-help.mark']);
  await tapCell(page, 2, 5);
  await page.waitForSelector('[data-testid=studio-world] .targets path[data-colour="green"]');
  await page.getByTestId('studio-tool-items-here').tap();
  await tapCell(page, 3, 5);
  await tapCell(page, 3, 5);
  await page.waitForSelector('[data-testid=studio-items-here][data-count="2"]');
  await page.getByTestId('studio-undo').tap();
  await page.waitForSelector('[data-testid=studio-items-here][data-count="1"]');
  await page.locator('[data-testid=studio-goal-at-flag] input').tap();
  for (const block of ['pick_up', 'put_down', 'paint']) await page.locator(`[data-testid=studio-toolbox-${block}] input`).tap();
  await page.getByTestId('studio-title').fill('Paint and carry');
  await page.getByTestId('studio-instructions').fill('Paint the marked square and carry the olive one square further.');
  // Painted one square too soon: flagged. Painted on its mark, the olive put down: ready.
  await program(page, 'solution', 'move\npaint green\npick up\nmove\nmove\nput down\n');
  await page.locator('[data-testid=studio-problems-solution] [data-key="check.solution-goal"]').waitFor();
  await program(page, 'solution', 'move\npick up\nmove\npaint green\nmove\nput down\n');
  await page.waitForSelector('[data-testid=studio-status][data-problems="0"]');
  const id = await page.getByTestId('studio-editor').getAttribute('data-id');
  const goals = (await kept(page, id)).goals;
  assert.deepEqual(goals, [{ items_at: { x: 3, y: 5, kind: null, count: 1 } }, 'paint_marked']);
  await page.getByTestId('studio-world').screenshot({ path: `${OUT}/studio-marks-en.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the studio fits a phone, a portrait tablet and a projector, in Tamazight, Arabic and English', async () => {
  assert.ok(exported, 'the first test exported a lesson');
  for (const [name, viewport, lang] of [['phone-zgh', { width: 360, height: 640 }, 'zgh'],
    ['portrait-ar', { width: 800, height: 1280 }, 'ar'], ['projector-en', { width: 1920, height: 1080 }, 'en']]) {
    const { context, page, errors } = await openFileInStudio(app.browser, app.server.url, viewport, lang, exported);
    // Every tool and the size buttons are big enough for a finger.
    for (const box of await page.locator('.studio-tools button, .studio-size button').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]))) {
      assert.ok(box[0] >= 44 && box[1] >= 44, `${name}: a ${box[0]}×${box[1]} button`);
    }
    const square = await page.locator('[data-testid=studio-cell]').first().boundingBox();
    assert.ok(square.width >= 44, `${name}: squares of ${square.width} px`);
    await page.screenshot({ path: `${OUT}/studio-${name}.png`, fullPage: true });
    await page.locator('.studio-tools').screenshot({ path: `${OUT}/studio-tools-${name}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a lesson link opens the lesson on a pupil\'s device, and a broken link changes nothing', async () => {
  assert.ok(link, 'the first test made a link');
  const id = JSON.parse(exported.text).id;
  const context = await app.browser.newContext({ hasTouch: true, viewport: { width: 800, height: 1280 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(`${app.server.url}#l=AAAA`);
  await page.waitForSelector('html[data-part="studio"] [data-testid=studio-import-error]');
  assert.equal(await page.getByTestId('studio-import-error').textContent(), en['studio.link-broken']);
  assert.equal(await page.evaluate(() => localStorage.getItem('tafukt.v1.own')), null);
  // The good link, opened in a new tab of the same device.
  const opened = await watchedPage(context);
  await opened.page.goto(link);
  await opened.page.waitForSelector(`html[data-part="studio"] [data-testid=lesson][data-lesson-id="${id}"]`);
  assert.equal(await opened.page.evaluate(() => location.hash), '', 'the link is taken off the address');
  assert.equal(await opened.page.evaluate(() => localStorage.getItem('tafukt.v1.own')), id);
  await opened.page.screenshot({ path: `${OUT}/studio-link-opened-en.png` });
  assert.deepEqual([...errors, ...opened.errors], []);
  await context.close();
});
