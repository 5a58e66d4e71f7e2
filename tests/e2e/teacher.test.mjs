// Teacher mode's preparation and predictions (issue 16): the lesson's teacher notes in the
// teacher's language (and not in what a pupil downloads), "where will the robot stop?" (a
// square tapped or chosen by keys, the run, the verdict), and predict-then-run asking only at
// the blocks the teacher marked. Screenshots at 1920×1080 and 800×1280 in English, Arabic and
// Tamazight. Every wait is on the app's own state, never a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { OUT, catalogue, useApp } from './app.mjs';

const app = useApp();
const DIST = process.env.DIST ?? 'dist';

const lessonJson = (id) => JSON.parse(readFileSync(`lessons/${id}.json`, 'utf8'));
const fill = (text, args) => text.replace(/\{(\w+)\}/g, (_, k) => args[k]);
const plain = (text) => text.replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();

/** A page of its own (fresh storage) with `lesson` (else lesson 1) on screen. */
async function open(size, { lang = 'en', lesson, teacher = false } = {}) {
  const context = await app.browser.newContext({ viewport: size });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.addInitScript(([lang, lesson, teacher]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('tafukt.v1.lang', lang);
    if (lesson) localStorage.setItem('tafukt.v1.lesson', lesson);
    if (teacher) localStorage.setItem('tafukt.v1.teacher', '1');
  }, [lang, lesson ?? null, teacher]);
  await page.goto(app.server.url);
  const id = lesson ?? 'first-steps-1';
  const full = teacher || lesson === 'first-steps-3' ? '[data-part="full"]' : '';
  await page.waitForSelector(`html[lang="${lang}"]${full} [data-testid=lesson][data-lesson-id="${id}"] [data-testid=run]`);
  return { context, page };
}

/** Words of the notes' `part` that no pupil-facing text of the lesson uses (so finding them
 *  in a file means the notes are in it). */
function notesOnlyWords(json, part, lang) {
  const elsewhere = plain(
    [json.title, json.instructions, ...(json.hints ?? []), ...(json.quiz ?? []).flatMap((q) => [q.question, ...q.choices])]
      .map((t) => t[lang] ?? '')
      .join(' '),
  );
  return plain(json.teacher_notes[part][lang])
    .split(' ')
    .map((w) => w.replace(/[.,:;!?«»“”()،؟]/g, ''))
    .filter((w) => w.length >= 6 && !elsewhere.includes(w))
    .slice(0, 3);
}

for (const lang of ['en', 'ar']) {
  test(`teacher mode shows lesson 1's notes in ${lang}, collapsible, and a pupil never downloads them`, async () => {
    const words = catalogue(lang);
    const json = lessonJson('first-steps-1');
    assert.ok(json.teacher_notes, 'lesson 1 has notes to show');
    const { context, page } = await open({ width: 1920, height: 1080 }, { lang });
    assert.equal(await page.getByTestId('teacher-notes').count(), 0, 'a pupil sees no notes');
    await page.getByTestId('teacher-toggle').click();
    const notes = page.getByTestId('teacher-notes');
    await notes.waitFor();
    assert.equal(await notes.locator('summary').innerText(), words['teacher.notes']);
    const parts = { goal: 'teacher.goal', mistakes: 'teacher.mistakes', question: 'teacher.question', unplugged: 'teacher.unplugged' };
    for (const [part, key] of Object.entries(parts)) {
      const section = page.getByTestId(`notes-${part}`);
      assert.equal(await section.locator('h3').innerText(), words[key]);
      const shown = plain(await section.innerText());
      const first = plain(json.teacher_notes[part][lang]).split(' ').slice(0, 3).join(' ');
      assert.ok(shown.includes(first), `${part}: "${first}" in "${shown.slice(0, 80)}"`);
    }
    assert.equal(await notes.evaluate((e) => getComputedStyle(e).direction), lang === 'ar' ? 'rtl' : 'ltr');
    if (lang === 'ar') {
      // Right to left: the box's coloured edge is on the right, its heading starts on the right.
      const box = await notes.evaluate((e) => ({ right: getComputedStyle(e).borderRightWidth, left: getComputedStyle(e).borderLeftWidth }));
      assert.deepEqual(box, { right: '6px', left: '0px' });
    }
    await page.screenshot({ path: `${OUT}/teacher-notes-${lang}.png` });
    // Collapsible: a tap closes it, another opens it again.
    await notes.locator('summary').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=teacher-notes]').open);
    assert.equal(await page.getByTestId('notes-goal').isVisible(), false);
    await notes.locator('summary').click();
    await page.getByTestId('notes-goal').waitFor({ state: 'visible' });

    // The notes are in their own file, not in the lesson a pupil loads.
    const text = (path) => page.evaluate(async (p) => new TextDecoder().decode(await (await fetch(p)).arrayBuffer()), path);
    const telling = notesOnlyWords(json, 'mistakes', lang);
    assert.ok(telling.length > 0, 'the notes have words of their own');
    const [lesson, all] = [await text(`lessons/${lang}/first-steps-1.bin`), await text(`lessons/notes/${lang}.bin`)];
    for (const w of telling) {
      assert.ok(all.includes(w), `notes/${lang}.bin has "${w}"`);
      assert.ok(!lesson.includes(w), `${lang}/first-steps-1.bin has no "${w}"`);
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('the notes are kept offline and in the one-file build; a lesson without notes shows no box', async () => {
  const sw = readFileSync(`${DIST}/sw.js`, 'utf8');
  const single = readFileSync(`${DIST}/tafukt.html`, 'utf8');
  for (const lang of ['en', 'fr', 'ar', 'zgh']) {
    assert.ok(sw.includes(`"lessons/notes/${lang}.bin"`), `sw.js keeps notes/${lang}.bin`);
    assert.ok(single.includes(`"lessons/notes/${lang}.bin":`), `tafukt.html carries notes/${lang}.bin`);
  }
  const index = JSON.parse(readFileSync('lessons/index.json', 'utf8'));
  const ids = index.courses.flatMap((c) => c.units.flatMap((u) => u.lessons));
  const bare = ids.find((id) => !lessonJson(id).teacher_notes && 'grid' in lessonJson(id).world);
  assert.ok(bare, 'a grid lesson without notes');
  const { context, page } = await open({ width: 1280, height: 800 }, { lesson: bare, teacher: true });
  await page.getByTestId('demonstration').waitFor();
  // The notes of the language have come (another lesson's notes are in the same file).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/lessons/notes/en.bin')));
  assert.equal(await page.locator('.teacher-notes').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The squares to tap: each one's box on screen. */
const targets = (page) => page.locator('[data-testid=end-target]').evaluateAll((all) => all.map((t) => {
  const r = t.getBoundingClientRect();
  return { cell: t.dataset.cell, w: r.width, h: r.height };
}));

test('where will the robot stop? the class taps a square (or picks it by keys), the run plays, the verdict names the square', async () => {
  const en = catalogue('en');
  const { context, page } = await open({ width: 800, height: 1280 }, { lesson: 'first-steps-3' });
  const panel = page.getByTestId('end-guess');
  await panel.waitFor();
  assert.equal(await panel.locator('h2').innerText(), en['teacher.end-question']);
  assert.equal(await page.getByTestId('end-verdict').innerText(), en['teacher.end-tap']);
  const boxes = await targets(page);
  assert.equal(boxes.length, 10, 'every square of the 5 × 2 yard');
  for (const b of boxes) assert.ok(b.w >= 44 && b.h >= 44, `square ${b.cell} is ${b.w}×${b.h}`);

  // Run before a guess: nothing moves, the question is pointed at.
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill('repeat 4 times\n  move\n  paint green\nend\n');
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=end-guess][data-nudged="true"]');
  assert.equal(await page.getByTestId('status').getAttribute('data-phase'), 'ready');
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '0,1,east');

  // By keys: the robot's square has the focus, arrows walk, Enter chooses.
  await page.locator('[data-cell="0,1"]').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-cell="4,1"][aria-pressed="true"]');
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '0,1,east', 'Enter chose, it did not run');
  // A tap changes the guess: the class thinks the robot stops one square earlier.
  await page.locator('[data-cell="3,1"]').click();
  await page.waitForSelector('[data-cell="3,1"][aria-pressed="true"]');
  assert.equal(await page.locator('[aria-pressed="true"][data-cell]').count(), 1);
  assert.equal(await page.getByTestId('end-verdict').innerText(), en['teacher.end-guessed']);
  assert.equal(await page.locator('.end-guess-mark').count(), 1, 'the guess is marked on the grid');
  await page.screenshot({ path: `${OUT}/end-guess-chosen-en-800x1280.png` });

  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=end-guess][data-verdict="wrong"]');
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '4,1,east');
  assert.equal(await page.getByTestId('end-verdict').innerText(), fill(en['teacher.end-wrong'], { column: 5, row: 2 }));
  assert.equal(await page.locator('.end-at-mark').count(), 1, 'where it stopped is marked too');
  assert.equal(await page.locator('[data-testid=end-target]').count(), 0, 'no squares to tap after the run');
  await page.screenshot({ path: `${OUT}/end-guess-wrong-en-800x1280.png` });

  // Run again: the world of the next run, and a new guess first.
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=end-guess][data-verdict="none"] [data-testid=end-verdict]');
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  await page.locator('[data-cell="4,1"]').click();
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=end-guess][data-verdict="right"]');
  assert.equal(await page.getByTestId('end-verdict').innerText(), en['teacher.end-right']);
  assert.equal(await page.locator('.end-at-mark').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('teacher mode asks where the robot stops in any grid lesson', async () => {
  const { context, page } = await open({ width: 1280, height: 800 }, { teacher: true });
  assert.equal(await page.getByTestId('end-guess').count(), 0, 'lesson 1 does not ask it by itself');
  await page.getByTestId('end-toggle').click();
  await page.getByTestId('end-guess').waitFor();
  assert.equal((await targets(page)).length, 16);
  await page.getByTestId('end-toggle').click();
  await page.getByTestId('end-guess').waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('predict-then-run at a marked block: the run goes through the others and pauses to ask only there', async () => {
  const { context, page } = await open({ width: 1920, height: 1080 }, { teacher: true });
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill('move\nturn left\nrepeat 3 times\n  move\nend\n');
  await page.getByTestId('view-blocks').click();
  await page.getByTestId('speed').fill('5');

  // Marking mode (it turns predict-then-run on): a tap marks a block instead of picking it up.
  await page.getByTestId('mark-toggle').click();
  await page.waitForSelector('[data-testid=predict-toggle][aria-pressed="true"]');
  await page.getByTestId('marking-help').waitFor();
  const turn = page.locator('.blocks-editor .program .block', { hasText: 'turn left' });
  await turn.click();
  await page.waitForSelector('[data-testid=mark-toggle][data-marks="1"]');
  assert.equal(await page.getByTestId('blocks').getAttribute('data-picking'), 'false', 'not picked up');
  const framed = () => turn.locator(':scope > .head').evaluate((h) => getComputedStyle(h).boxShadow);
  assert.match(await framed(), /inset/);
  // A second tap unmarks it, a third marks it again.
  await turn.click();
  await page.waitForSelector('[data-testid=mark-toggle][data-marks="0"]');
  await turn.click();
  await page.waitForSelector('[data-testid=mark-toggle][data-marks="1"]');
  // By keys: Enter (or M) on a focused block marks it, arrows still walk the blocks.
  const repeat = page.locator('.blocks-editor .program .block', { hasText: 'repeat' }).first();
  await repeat.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=mark-toggle][data-marks="2"]');
  await page.keyboard.press('m');
  await page.waitForSelector('[data-testid=mark-toggle][data-marks="1"]');
  assert.equal(await page.getByTestId('blocks').getAttribute('data-picking'), 'false', 'Enter did not pick it up');
  await page.getByTestId('mark-toggle').click();
  await page.waitForSelector('[data-testid=mark-toggle][aria-pressed="false"]');
  await page.screenshot({ path: `${OUT}/marked-block-en.png` });

  // Run: the first move is made without a question; the run pauses before `turn left`.
  await page.getByTestId('run').click();
  const predict = page.getByTestId('predict');
  await page.waitForSelector('[data-testid=predict][data-revealed="false"]');
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '1,3,east', 'asked after the first move, not before it');
  assert.equal(await page.getByTestId('status').getAttribute('data-phase'), 'paused');
  await page.screenshot({ path: `${OUT}/marked-block-question-en.png` });
  await predict.locator('.choice', { hasText: 'Turn left' }).click();
  await page.waitForSelector('[data-testid=predict-result][data-right="true"]');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,north"]');
  // Run on: no other block is marked, so it runs to the end without asking.
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status][data-phase="success"]');
  assert.equal(await predict.count(), 0, 'no question after the marked block');
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '1,0,north');
  // Predict-then-run off: the marks are kept but not drawn; on again, they are back.
  await page.getByTestId('predict-toggle').click();
  await page.waitForSelector('[data-testid=predict-toggle][aria-pressed="false"]');
  assert.doesNotMatch(await framed(), /inset/);
  assert.equal(await page.getByTestId('mark-toggle').getAttribute('data-marks'), '1');
  await page.getByTestId('predict-toggle').click();
  await page.waitForSelector('[data-testid=predict-toggle][aria-pressed="true"]');
  assert.match(await framed(), /inset/);

  // The marks stay with the lesson for the session: another lesson and back.
  await page.getByTestId('next-lesson').click();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-2"] [data-testid=mark-toggle][data-marks="0"]');
  await page.getByRole('button', { name: /previous lesson/i }).click();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=mark-toggle][data-marks="1"]');
  assert.deepEqual(page.errors, []);
  await context.close();
});

for (const lang of ['en', 'ar', 'zgh']) {
  for (const size of [{ width: 1920, height: 1080 }, { width: 800, height: 1280 }]) {
    test(`screens in ${lang} at ${size.width}×${size.height}: notes, the squares to tap, the verdict`, async () => {
      const words = catalogue(lang);
      const { context, page } = await open(size, { lang, lesson: 'loops-3', teacher: true });
      await page.getByTestId('teacher-notes').waitFor();
      for (const b of await targets(page)) assert.ok(b.w >= 44 && b.h >= 44, `square ${b.cell} is ${b.w}×${b.h}`);
      await page.locator('[data-cell="5,0"]').click();
      await page.waitForSelector('[data-cell="5,0"][aria-pressed="true"]');
      await page.screenshot({ path: `${OUT}/teacher-end-guess-${lang}-${size.width}x${size.height}.png`, fullPage: true });
      // The lesson's starter climbs one step only: the class guessed the top, it stops lower.
      await page.getByTestId('speed').fill('5');
      await page.getByTestId('run').click();
      await page.waitForSelector('[data-testid=end-guess][data-verdict="wrong"]');
      assert.equal(await page.getByTestId('end-verdict').innerText(), fill(words['teacher.end-wrong'], { column: 2, row: 5 }));
      assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      await page.screenshot({ path: `${OUT}/teacher-end-verdict-${lang}-${size.width}x${size.height}.png`, fullPage: true });
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  }
}

test('on the projector the notes and the question of where the robot stops read from the back row (28 px, 7:1), in Arabic', async () => {
  const { context, page } = await open({ width: 1920, height: 1080 }, { lang: 'ar', lesson: 'loops-3', teacher: true });
  await page.keyboard.press('p');
  await page.waitForSelector('html[data-projector] [data-testid=teacher-notes]');
  await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/full.css')));
  const smallest = await page.evaluate(() => {
    const sizes = [...document.querySelectorAll('.teacher-notes *, .end-guess *')]
      .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      .map((e) => parseFloat(getComputedStyle(e).fontSize));
    return Math.min(...sizes);
  });
  assert.ok(smallest >= 28, `smallest text of the notes and the question: ${smallest}px`);
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(['.teacher-notes', '.end-guess', '.demonstration'], { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${n.target}: ${n.any.map((a) => a.message).join('; ')}`));
  });
  assert.deepEqual(violations, [], 'axe-core color-contrast-enhanced');
  for (const b of await targets(page)) assert.ok(b.w >= 44 && b.h >= 44, `square ${b.cell} is ${b.w}×${b.h}`);
  await page.screenshot({ path: `${OUT}/teacher-projector-ar-1920x1080.png` });
  assert.deepEqual(page.errors, []);
  await context.close();
});
