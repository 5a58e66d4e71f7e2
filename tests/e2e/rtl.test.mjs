// Every pupil's screen in right to left, and the small things a pupil meets first (issue 13):
// arrows point the way of reading in Arabic (compared as drawn: the Arabic glyph must be the
// English one turned over), code in Arabic lesson text keeps its order, the teacher's reference
// solution reads right to left in an Arabic face, Escape closes the number pad, the text-size
// buttons and the places for blocks have names in four languages (axe-core), and the first
// block editor a pupil opens shows how to put a block (the palette's own words), once per device.
// Every wait is on the app's own state, never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { OUT, catalogue, runToEnd, useApp } from './app.mjs';
import { block, slot } from './places.mjs';

const app = useApp();
const LANGS = ['en', 'fr', 'ar', 'zgh'];
const SOLUTION = 'en\nmove\nturn left\nrepeat 3 times\n  move\nend\n';

/** A page of a fresh device in `lang`, with `seed` put in its storage first (once), showing
 *  `lesson` (else lesson 1); `full` waits for the full app (teacher mode hands over to it). */
async function open(lang, { seed = {}, lesson = 'first-steps-1', full = false, size = [1280, 800], bypassCSP = false, deviceScaleFactor = 1 } = {}) {
  const context = await app.browser.newContext({ viewport: { width: size[0], height: size[1] }, bypassCSP, deviceScaleFactor });
  await context.addInitScript(([lang, seed]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('tafukt.v1.lang', lang);
    for (const [k, v] of Object.entries(seed)) localStorage.setItem(`tafukt.v1.${k}`, v);
  }, [lang, { lesson, ...seed }]);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(app.server.url);
  const part = full ? '[data-part="full"]' : '';
  await page.waitForSelector(`html[lang="${lang}"]${part} [data-testid=lesson][data-lesson-id="${lesson}"] [data-testid=run]`);
  return { context, page };
}

// --- Glyphs as drawn -------------------------------------------------------------------------

/** The ink of a PNG (anything not near white, away from its edges) inside its bounding box, sampled on a 12×12 grid
 *  (each cell: the share of inked pixels), read by a canvas in a page of its own. */
async function inkGrid(png) {
  const page = await app.browser.newPage();
  try {
    return await page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      // The outermost pixels may be the page around the button (its box is not on whole pixels).
      const edge = 6;
      const ink = (x, y) => {
        if (x < edge || y < edge || x >= c.width - edge || y >= c.height - edge) return false;
        const i = 4 * (y * c.width + x);
        return 765 - px[i] - px[i + 1] - px[i + 2] > 150;
      };
      let [x0, y0, x1, y1] = [c.width, c.height, -1, -1];
      for (let y = 0; y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          if (ink(x, y)) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
        }
      }
      if (x1 < 0) return null;
      const N = 12;
      const grid = [];
      for (let gy = 0; gy < N; gy++) {
        for (let gx = 0; gx < N; gx++) {
          let [n, inked] = [0, 0];
          for (let y = y0 + Math.floor(((y1 - y0 + 1) * gy) / N); y < y0 + Math.ceil(((y1 - y0 + 1) * (gy + 1)) / N); y++) {
            for (let x = x0 + Math.floor(((x1 - x0 + 1) * gx) / N); x < x0 + Math.ceil(((x1 - x0 + 1) * (gx + 1)) / N); x++) {
              n++;
              inked += ink(x, y);
            }
          }
          grid.push(n ? inked / n : 0);
        }
      }
      return grid;
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

const distance = (a, b) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0);
const turnedOver = (grid) => grid.map((_, i) => grid[i - (i % 12) + 11 - (i % 12)]);

// Only the glyph is drawn: black on white, its words (the complete panel's button) and the
// buttons' frames made invisible. (A test style sheet: the page's policy is bypassed for it.)
const GLYPHS_ONLY = `
  .lesson-nav button, .timeline button, .onward { color: transparent !important; background: #fff !important;
    border-color: #fff !important; border-radius: 0 !important; opacity: 1 !important; box-shadow: none !important; }
  .lesson-nav button, .timeline button, .onward::after { color: #000 !important; }`;

/** Screenshots of the glyphs that point, in `lang`: the top bar's ‹ and ›, the timeline's ⏮ and
 *  ⏭ (full app), and the arrow of "Next lesson" once lesson 1 is solved. */
async function pointingGlyphs(lang) {
  const { context, page } = await open(lang, { seed: { 'program.first-steps-1': SOLUTION, teacher: '1' }, full: true, bypassCSP: true, deviceScaleFactor: 3 });
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=complete-next]');
  await page.screenshot({ path: `${OUT}/rtl-arrows-${lang}.png` });
  await page.addStyleTag({ content: GLYPHS_ONLY });
  const shots = {
    previous: await page.locator('.lesson-nav button').first().screenshot(),
    next: await page.getByTestId('next-lesson').screenshot(),
    'step back': await page.getByTestId('step-back').screenshot(),
    'step forward': await page.getByTestId('step-forward').screenshot(),
    'next lesson': await page.getByTestId('complete-next').screenshot(),
  };
  // And where the timeline's buttons are: its slider runs the way of reading too.
  const backLeftOfForward = await page.evaluate(
    () => document.querySelector('[data-testid=step-back]').getBoundingClientRect().x
      < document.querySelector('[data-testid=step-forward]').getBoundingClientRect().x,
  );
  assert.deepEqual(page.errors, []);
  await context.close();
  const grids = {};
  for (const [name, png] of Object.entries(shots)) {
    await writeFile(`${OUT}/rtl-glyph-${lang}-${name.replace(' ', '-')}.png`, png);
    grids[name] = await inkGrid(png);
  }
  return { grids, backLeftOfForward };
}

test('arrows and the timeline point the way of reading: Arabic draws each one turned over', async () => {
  const en = await pointingGlyphs('en');
  const ar = await pointingGlyphs('ar');
  assert.equal(en.backLeftOfForward, true, 'English: step back on the left');
  assert.equal(ar.backLeftOfForward, false, 'Arabic: step back on the right');
  for (const name of Object.keys(en.grids)) {
    const [e, a] = [en.grids[name], ar.grids[name]];
    assert.ok(e && a, `${name}: a glyph is drawn`);
    // The glyph is not symmetric, so being turned over is visible.
    assert.ok(distance(e, turnedOver(e)) > 6, `${name}: an asymmetric glyph (${distance(e, turnedOver(e)).toFixed(1)})`);
    const [same, mirrored] = [distance(a, e), distance(a, turnedOver(e))];
    assert.ok(mirrored * 2 < same, `${name}: Arabic is English turned over (to the mirror ${mirrored.toFixed(1)}, to English ${same.toFixed(1)})`);
  }
});

// --- Code in Arabic text ---------------------------------------------------------------------

/** In the page: each code element of the lesson's text with a call in it (a Latin name and a
 *  bracket), the x of the centre of each of its characters (one line only). */
function callsAsDrawn() {
  const out = [];
  for (const code of document.querySelectorAll('[data-testid=lesson] .instructions code')) {
    const text = code.textContent;
    if (!/[A-Za-z_]\w*\(/.test(text)) continue;
    const xs = [];
    const tops = new Set();
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        xs.push(r.x + r.width / 2);
        if (r.width > 0) tops.add(Math.round(r.top / 4));
      }
    }
    if (tops.size === 1) out.push({ text, xs });
  }
  return out;
}

for (const lang of ['en', 'ar']) {
  test(`code in ${lang} lesson text keeps its order: a call reads left to right, after the word before it`, async (t) => {
    const { context, page } = await open(lang, { lesson: 'procedures-2' });
    const calls = await page.evaluate(callsAsDrawn);
    await page.locator('[data-testid=lesson] .instructions').first().screenshot({ path: `${OUT}/rtl-code-${lang}.png` });
    assert.deepEqual(page.errors, []);
    await context.close();
    // `عرف stripe(n, c)`: a word of the sentence's language, then a call.
    const letter = lang === 'ar' ? /[\u0600-\u06ff]/ : /[A-Za-z]/;
    const worded = calls.filter(({ text }) => letter.test(text.slice(0, /[A-Za-z_]\w*\(/.exec(text).index)));
    if (worded.length === 0) return t.skip('procedures-2 no longer quotes a word then a call in its text');
    // Every call (`stripe(3, أخضر)` too) reads left to right, its closing bracket last.
    for (const { text, xs } of calls) {
      const m = /[A-Za-z_]\w*\(/.exec(text);
      const [start, open] = [m.index, m.index + m[0].length - 1];
      const close = text.indexOf(')', open);
      assert.ok(xs[start] < xs[open] && xs[open] < xs[close], `${text}: name, ( and ) from left to right`);
      // The word before the call reads first: to its right in Arabic, to its left in English.
      const word = text.slice(0, start).search(letter);
      if (word >= 0) {
        assert.ok(lang === 'ar' ? xs[word] > xs[close] : xs[word] < xs[start], `${text}: the word before the call reads first`);
      }
    }
  });
}

test('the teacher’s reference solution reads right to left in an Arabic face, with joined letters', async () => {
  for (const lang of ['ar', 'en']) {
    const { context, page } = await open(lang, { seed: { teacher: '1' }, full: true });
    const pre = page.locator('[data-testid=solution] pre');
    const style = await pre.evaluate((el) => ({ dir: getComputedStyle(el).direction, font: getComputedStyle(el).fontFamily }));
    if (lang === 'ar') {
      assert.equal(style.dir, 'rtl');
      assert.match(style.font, /^"?Noto Sans Arabic"?,/, 'an Arabic face first, not a monospace one');
      // Joined letters: a word is narrower than its letters drawn apart (as a monospace face does).
      const [joined, apart] = await pre.evaluate((el) => {
        const measure = (text) => {
          const span = document.createElement('span');
          span.textContent = text;
          el.append(span);
          const w = span.getBoundingClientRect().width;
          span.remove();
          return w;
        };
        return [measure('التقط'), measure('ا ل ت ق ط') - 4 * measure(' ')];
      });
      assert.ok(joined < apart, `joined ${joined} < apart ${apart}`);
      await pre.screenshot({ path: `${OUT}/rtl-solution-ar.png` });
    } else {
      assert.equal(style.dir, 'ltr');
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

// --- Keys, names and the first hint ----------------------------------------------------------

test('Escape closes the number pad (and the writing dialog) and leaves the value as it was', async () => {
  const { context, page } = await open('en', { seed: { 'program.first-steps-1': 'en\nrepeat 3 times\n  move\nend\n', 'tap-hint': '1' } });
  const field = page.locator(`${block('/0')} .field.number`);
  // By keyboard: the field takes the focus, Enter opens the pad.
  await field.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('number-pad').getByRole('button', { name: '7', exact: true }).click();
  await page.waitForSelector('[data-testid=number-pad] output:not(.old)');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=number-pad]', { state: 'detached' });
  assert.equal(await page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1')), 'en\nrepeat 3 times\n  move\nend\n');
  assert.deepEqual(page.errors, []);
  await context.close();
  // The note dialog too, from its text box (the full app's editor: a lesson that lists notes).
  const full = await open('en', { lesson: 'variables-1', full: true, seed: { 'program.variables-1': 'en\nn = 0\n', 'tap-hint': '1' } });
  await full.page.locator(block('/0')).click();
  await full.page.getByTestId('note').click();
  await full.page.getByTestId('note-text').fill('never written');
  await full.page.keyboard.press('Escape');
  await full.page.waitForSelector('[data-testid=note-editor]', { state: 'detached' });
  assert.equal(await full.page.evaluate(() => localStorage.getItem('tafukt.v1.program.variables-1')), 'en\nn = 0\n');
  assert.deepEqual(full.page.errors, []);
  await full.context.close();
});

for (const lang of LANGS) {
  test(`${lang}: the text-size buttons and the places for blocks are named in the pupil's language (axe-core)`, async () => {
    const words = catalogue(lang);
    const { context, page } = await open(lang, { seed: { 'tap-hint': '1' } });
    // A block in hand: the places show.
    await page.locator('[data-palette="0"]').click();
    const names = await page.evaluate(() => ({
      smaller: document.querySelector('[data-tool=smaller]').getAttribute('aria-label'),
      bigger: document.querySelector('[data-tool=bigger]').getAttribute('aria-label'),
      places: [...document.querySelectorAll('.program .slot')].map((s) => s.getAttribute('aria-label')),
    }));
    assert.equal(names.smaller, words['ui.zoom-out']);
    assert.equal(names.bigger, words['ui.zoom-in']);
    assert.ok(names.places.length >= 2);
    for (const place of names.places) assert.equal(place, words['ui.put-here']);
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () => {
      const rules = ['button-name', 'label-content-name-mismatch', 'aria-toggle-field-name'];
      const result = await window.axe.run(document.querySelector('[data-testid=blocks]'), {
        runOnly: { type: 'rule', values: rules },
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

for (const lang of LANGS) {
  test(`${lang}: lesson 1's whole page passes axe-core (every rule it runs by default), on a tablet and a phone, with a run shown`, async () => {
    for (const size of [[800, 1280], [360, 640]]) {
      const { context, page } = await open(lang, { size, seed: { 'tap-hint': '1' } });
      await page.getByTestId('step').click();
      await page.waitForSelector('[data-testid=status]:not([data-phase="ready"])');
      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document);
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      });
      assert.deepEqual(violations, [], size.join('×'));
      assert.deepEqual(page.errors, []);
      await context.close();
    }
  });
}

/** In the page: the hint the palette shows (its `::before`), or null when it shows none. */
function paletteHint() {
  const palette = document.querySelector('[data-testid=blocks] .palette');
  if (palette.getAttribute('data-tool') !== 'hint-ok') return null;
  const before = getComputedStyle(palette, '::before');
  const height = ['height', 'paddingTop', 'paddingBottom'].reduce((h, p) => h + parseFloat(before[p]), 0);
  return { content: before.content, height, label: palette.getAttribute('aria-label') };
}

for (const lang of LANGS) {
  test(`${lang}: a new pupil is told how to put a block, once per device`, async () => {
    const words = catalogue(lang);
    const size = lang === 'ar' ? [360, 640] : [1280, 800];
    // Tapped away.
    let { context, page } = await open(lang, { size });
    const hint = await page.evaluate(paletteHint);
    assert.ok(hint, 'a hint on a new device');
    assert.equal(hint.label, words['ui.palette']);
    // It shows the palette's words (tap one, then tap where it goes), as Chromium reports them.
    assert.ok([`"${words['ui.palette']}  ✕"`, 'attr(aria-label) "  ✕"'].includes(hint.content), hint.content);
    assert.ok(hint.height >= 44, `a 44 px line to tap: ${hint.height}`);
    await page.locator('[data-testid=blocks] .palette').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/rtl-hint-${lang}.png` });
    const program = () => page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1'));
    const before = await program();
    await page.locator('[data-testid=blocks] .palette').click({ position: { x: 30, y: 12 } });
    await page.waitForSelector('[data-testid=blocks] .palette:not([data-tool])');
    assert.equal(await program(), before, 'tapping the hint changed no block');
    await page.reload();
    await page.waitForSelector(`html[lang="${lang}"] [data-testid=blocks]`);
    assert.equal(await page.evaluate(paletteHint), null, 'not again after a reload');
    assert.deepEqual(page.errors, []);
    await context.close();
    // Done once: a block put is a hint learnt.
    ({ context, page } = await open(lang, { size }));
    assert.ok(await page.evaluate(paletteHint));
    await page.locator('[data-palette="0"]').click();
    await page.locator(slot('/1')).click();
    await page.waitForSelector('[data-testid=blocks] .palette:not([data-tool])');
    await page.reload();
    await page.waitForSelector(`html[lang="${lang}"] [data-testid=blocks] ${block('/1')}`);
    assert.equal(await page.evaluate(paletteHint), null, 'not again after a block was put');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('the decision tree asks its questions in words in Arabic, so they read right to left', async () => {
  const { context, page } = await open('ar', { lesson: 'ai-data-7', full: true, size: [1280, 900] });
  await page.getByTestId('view-text').click();
  // The program in the pupil's language (the labels are any words: the model learns them).
  const record = 'كرر 20 مرات\n  تقدم\n  إذا لون الخانة = أخضر\n    سجّل "olive"\n  وإلا\n    سجّل "stone"\n  نهاية\nنهاية\n';
  assert.equal(await runToEnd(page, record), 'success', await page.getByTestId('status').textContent());
  const questions = await page.locator('[data-testid=ai-tree] .ai-node text').allTextContents();
  const asked = questions.filter((q) => /[0-9]/.test(q));
  assert.ok(asked.length >= 1, `the tree asks about a number: ${questions}`);
  const [before, after] = catalogue('ar')['ai.tree-less'].split('{value}');
  for (const q of asked) {
    assert.ok(!q.includes('<') && q.includes(before.replace('{reading} ', '')) && q.endsWith(after), `in words, with the Arabic question mark: ${q}`);
  }
  // As drawn: the reading's name first at the right, then the number, the question mark last at the left.
  const xs = await page.locator('[data-testid=ai-tree] .ai-node text').evaluateAll((all) => all
    .filter((t) => /[0-9]/.test(t.textContent))
    .map((t) => {
      const s = t.textContent;
      const at = (i) => { const r = t.getExtentOfChar(i); return r.x + r.width / 2; };
      return { word: at(0), number: at(s.search(/[0-9]/)), mark: at(s.length - 1) };
    }));
  for (const x of xs) assert.ok(x.word > x.number && x.number > x.mark, `right to left: ${JSON.stringify(x)}`);
  await page.getByTestId('ai-tree').screenshot({ path: `${OUT}/rtl-tree-ar.png` });
  assert.deepEqual(page.errors, []);
  await context.close();
});
