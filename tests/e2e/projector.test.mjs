// The teacher at the front of the class (issue 16): projector mode at 1920×1080 and 1280×720
// in every language (text size from computed styles, the robot's size, 7:1 contrast by
// axe-core's enhanced rule and by the WCAG formula on computed colours), a lesson driven with
// presenter keys only, the `?` list of keys, and the reference solution demonstrated, then
// the pupil's program put back. Every wait is on the app's own state, never a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, useApp } from './app.mjs';
import { touchDrag } from './touch.mjs';

const app = useApp();

const SOLUTION = 'move\nturn left\nrepeat 3 times\n  move\nend\n';
const ready = '[data-testid=lesson] [data-testid=run]';
const lessonReady = (id) => `[data-testid=lesson][data-lesson-id="${id}"] [data-testid=run]`;

/** A page of its own (fresh storage) with the app's first lesson on screen. */
async function open(size, { lang = 'en', lesson, touch = false } = {}) {
  const context = await app.browser.newContext({ viewport: size, hasTouch: touch });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.addInitScript(([lang, lesson]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('tafukt.v1.lang', lang);
    if (lesson) localStorage.setItem('tafukt.v1.lesson', lesson);
  }, [lang, lesson ?? null]);
  await page.goto(app.server.url);
  await page.waitForSelector(`html[lang="${lang}"] ${ready}`);
  return { context, page };
}

/** Projector mode by its key, P: the full app takes over and opens in it. */
async function projectorOn(page) {
  await page.keyboard.press('p');
  await page.waitForSelector(`html[data-projector][data-part="full"] ${ready}`);
  // The full app's own stylesheet has arrived.
  await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/full.css')));
}

/** The smallest text on screen: every visible text, its computed font size (px). */
function smallestText(page) {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let smallest = { px: Infinity, text: '' };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || el.closest('svg, [hidden], noscript, style')) continue;
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < smallest.px) smallest = { px, text: node.textContent.trim().slice(0, 40), tag: el.tagName };
    }
    return smallest;
  });
}

/** Every visible text's WCAG contrast against the background behind it (computed colours,
 *  composited up the ancestors); the lowest is returned. */
function lowestContrast(page) {
  return page.evaluate(() => {
    const rgba = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const over = (top, under) => {
      const a = top[3] ?? 1;
      return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a));
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if ((c[3] ?? 1) > 0) layers.push(c);
        if ((c[3] ?? 1) === 1) break;
      }
      return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255]);
    };
    let lowest = { ratio: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || el.closest('svg, [hidden], noscript, style, :disabled')) continue;
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      const bg = background(el);
      const fg = over(rgba(getComputedStyle(el).color), bg);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < lowest.ratio) lowest = { ratio, text: node.textContent.trim().slice(0, 40) };
    }
    return lowest;
  });
}

/** axe-core's enhanced contrast rule (WCAG AAA, 7:1) on the page: its violations. */
async function axeContrast(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target}: ${n.any.map((a) => a.message).join('; ')}`));
  });
}

/** The robot's drawn size on screen (px): the smaller side of its body. */
function robotSize(page) {
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid=stage] .robot .body').getBoundingClientRect();
    return Math.min(r.width, r.height);
  });
}

/** Whether the three panels sit side by side and fit inside the screen. */
function layout(page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.lesson > .panel')].map((p) => p.getBoundingClientRect());
    const tops = boxes.map((b) => Math.round(b.top));
    return {
      panels: boxes.length,
      sideBySide: tops.every((t) => t === tops[0]),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
      right: Math.max(...boxes.map((b) => b.right)),
      header: document.querySelector('.top-bar .brand')?.checkVisibility({ visibilityProperty: true }) ?? false,
    };
  });
}

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

for (const lang of ['en', 'ar', 'zgh', 'fr']) {
  test(`projector mode in ${lang} at 1920×1080 and 1280×720: large text, a large world, 7:1 contrast, no chrome`, async () => {
    for (const size of SIZES) {
      const { context, page } = await open(size, { lang });
      await projectorOn(page);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      const box = await layout(page);
      assert.equal(box.panels, 3);
      assert.ok(box.sideBySide, 'instructions, program and world side by side');
      assert.ok(box.right <= size.width + 1 && box.bottom <= size.height + 1, `fills the screen, no more: ${JSON.stringify(box)}`);
      assert.equal(box.header, false, 'the brand and tagline are hidden');
      const text = await smallestText(page);
      // 28 px at 1080 lines; 720 lines show the same page, scaled with the screen.
      const least = (28 * size.height) / 1080 - 0.1;
      assert.ok(text.px >= least, `smallest text ${text.px} px (${text.tag} "${text.text}"), at least ${least}`);
      const robot = await robotSize(page);
      assert.ok(robot >= 60, `the grid robot is ${robot} px`);
      const contrast = await lowestContrast(page);
      assert.ok(contrast.ratio >= 7, `lowest contrast ${contrast.ratio.toFixed(2)}:1 ("${contrast.text}")`);
      assert.deepEqual(await axeContrast(page), [], 'axe-core color-contrast-enhanced');
      console.log(`# ${lang} ${size.width}×${size.height}: smallest text ${text.px.toFixed(1)} px, grid robot ${robot.toFixed(0)} px, lowest contrast ${contrast.ratio.toFixed(2)}:1`);
      await page.screenshot({ path: `${OUT}/projector-${lang}-${size.width}x${size.height}.png` });
      assert.deepEqual(page.errors, []);
      await context.close();
    }
  });
}

test('the wheeled robot is at least 40 px in projector mode, and the touch targets grow', async () => {
  for (const size of SIZES) {
    for (const lang of ['en', 'ar']) {
      const { context, page } = await open(size, { lang, touch: true });
      // sensors-1 is played by the full app: the course map (a full-app part) opens it.
      await page.getByTestId('map-toggle').click();
      await page.locator('html[data-part="full"] [data-testid=course-map] [data-lesson="sensors-1"]').click();
      await page.waitForSelector('[data-lesson-id="sensors-1"] .stage.arena');
      await projectorOn(page);
      const robot = await robotSize(page);
      const least = 40;
      console.log(`# wheeled robot ${lang} ${size.width}×${size.height}: ${robot.toFixed(1)} px`);
      assert.ok(robot >= least, `the wheeled robot is ${robot} px at ${size.width}×${size.height}`);
      const smallest = await page.evaluate(() =>
        Math.min(...[...document.querySelectorAll('button, select, .block')].filter((b) => b.checkVisibility({ visibilityProperty: true }))
          .map((b) => Math.min(b.getBoundingClientRect().height, b.getBoundingClientRect().width))));
      assert.ok(smallest >= 56, `every target at least 56 px in projector mode: ${smallest}`);
      await page.screenshot({ path: `${OUT}/projector-arena-${lang}-${size.width}x${size.height}.png` });
      assert.deepEqual(page.errors, []);
      await context.close();
    }
  }
});

test('a teacher drives lesson 1 in projector mode with presenter keys only', async () => {
  const { context, page } = await open({ width: 1920, height: 1080 });
  // The pupil's program, typed before the lesson is shown on the board.
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill(SOLUTION);
  // Keys typed in the editor are text, not commands: P here does not start projector mode.
  await page.getByTestId('source').press('End');
  await page.getByTestId('source').pressSequentially('# ps');
  assert.equal(await page.locator('html[data-projector]').count(), 0);
  assert.equal(await page.getByTestId('status').getAttribute('data-phase'), 'ready');
  await page.getByTestId('source').fill(SOLUTION);
  await page.locator('h1').click();

  const robot = () => page.getByTestId('stage').getAttribute('data-robot');
  const phase = () => page.getByTestId('status').getAttribute('data-phase');
  await projectorOn(page);
  assert.equal(await page.getByTestId('source').inputValue(), SOLUTION, 'the program came along');
  // In the full app too, letters typed in the editor are text: no step, no run, no reset.
  await page.getByTestId('source').press('End');
  await page.getByTestId('source').pressSequentially('# rs0 np?');
  assert.equal(await robot(), '0,3,east');
  assert.equal(await phase(), 'ready');
  assert.equal(await page.getByTestId('presenter-help').count(), 0);
  assert.equal(await page.locator('html[data-projector]').count(), 1);
  await page.getByTestId('source').fill(SOLUTION);
  await page.locator('h1').click();

  // Page Down steps (a presenter remote's "next"), the running line marked boldly.
  await page.keyboard.press('PageDown');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,east"]');
  await page.keyboard.press('PageDown');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,north"]');
  assert.equal(await page.getByTestId('editor').getAttribute('data-active-line'), '2');
  const band = await page.locator('.line-band').evaluate((e) => getComputedStyle(e).boxShadow);
  assert.match(band, /inset/, 'the running line has a bold frame');
  await page.screenshot({ path: `${OUT}/projector-keys-step-en.png` });
  // Page Up steps back (the timeline); S steps on again.
  await page.keyboard.press('PageUp');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,east"]');
  await page.keyboard.press('s');
  await page.waitForFunction(() => document.querySelector('[data-testid=stage]').dataset.robot !== '1,3,east');
  // 0 resets; R (or the remote's B or period) runs to the end.
  await page.keyboard.press('0');
  await page.waitForSelector('[data-testid=stage][data-robot="0,3,east"]');
  assert.equal(await phase(), 'ready');
  await page.keyboard.press('.');
  await page.waitForSelector('[data-testid=status][data-phase="running"]');
  await page.keyboard.press('b');
  await page.waitForSelector('[data-testid=status][data-phase="paused"]');
  await page.keyboard.press('r');
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  assert.equal(await robot(), '1,0,north');
  await page.screenshot({ path: `${OUT}/projector-keys-solved-en.png` });
  // The lesson's end (stars, the next lesson, the question to think about) reads at 7:1 too.
  assert.deepEqual(await axeContrast(page), [], 'axe-core color-contrast-enhanced, solved');
  // The goal's tick too (axe leaves out marks hidden from screen readers; the class sees them).
  const solved = await lowestContrast(page);
  assert.ok(solved.ratio >= 7, `lowest contrast ${solved.ratio.toFixed(2)}:1 ("${solved.text}")`);

  // ? lists the keys, Esc closes the list, then leaves projector mode; P brings it back.
  await page.keyboard.press('?');
  const help = page.getByTestId('presenter-help');
  await help.waitFor();
  assert.equal(await help.locator('dt').count(), 12);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'presenter-help-close', 'the focus is in the list');
  assert.match(await help.innerText(), /Page Down/);
  await page.screenshot({ path: `${OUT}/projector-help-en.png` });
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  assert.equal(await page.locator('html[data-projector]').count(), 1, 'the first Esc only closed the list');

  // N and Shift+N (or Shift+Page Down/Up) go through the lessons.
  await page.keyboard.press('n');
  await page.waitForSelector(lessonReady('first-steps-2'));
  await page.keyboard.press('Shift+PageUp');
  await page.waitForSelector(lessonReady('first-steps-1'));
  await page.keyboard.press('Shift+PageDown');
  await page.waitForSelector(lessonReady('first-steps-2'));
  await page.keyboard.press('Shift+N');
  await page.waitForSelector(lessonReady('first-steps-1'));
  assert.equal(await page.getByTestId('source').inputValue(), SOLUTION, 'the program is still saved');
  await page.keyboard.press('Escape');
  await page.waitForSelector('html:not([data-projector])');
  await page.keyboard.press('p');
  await page.waitForSelector('html[data-projector]');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('projector mode comes back after a reload on the teacher\'s device, and stays off once left', async () => {
  const { context, page } = await open({ width: 1280, height: 720 });
  await projectorOn(page);
  await page.reload();
  await page.waitForSelector(`html[data-projector][data-part="full"] ${ready}`);
  await page.keyboard.press('p');
  await page.waitForSelector('html:not([data-projector])');
  await page.reload();
  await page.waitForSelector(`html[data-ready="1"] ${ready}`);
  assert.equal(await page.locator('html[data-projector]').count(), 0);
  assert.equal(await page.getAttribute('html', 'data-part'), null, 'the core app alone');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the list of keys speaks the teacher\'s language and mirrors in Arabic', async () => {
  for (const [lang, title] of [['fr', 'Touches du présentateur'], ['ar', 'مفاتيح العرض'], ['zgh', 'ⵜⵉⵙⵓⵔⴰ ⵏ ⵓⵙⴽⴰⵏ']]) {
    const { context, page } = await open({ width: 1280, height: 720 }, { lang });
    if (lang === 'fr') {
      // The core app's button, not its key: the same hand-over.
      await page.getByTestId('projector').click();
      await page.waitForSelector(`html[data-projector][data-part="full"] ${ready}`);
    } else {
      await projectorOn(page);
    }
    if (lang === 'ar') {
      // An Arabic keyboard types ؟ (Shift and the same key); the browser's robot has no such key.
      await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '؟', code: 'Slash', shiftKey: true, bubbles: true })));
    } else {
      await page.keyboard.press('?');
    }
    const help = page.getByTestId('presenter-help');
    await help.waitFor();
    assert.equal(await help.locator('h2').innerText(), title);
    await page.screenshot({ path: `${OUT}/projector-help-${lang}.png` });
    await page.getByTestId('presenter-help-close').click();
    await help.waitFor({ state: 'detached' });
    await context.close();
  }
});

test('teacher mode demonstrates the solution step by step, then puts the pupil\'s program back', async () => {
  const { context, page } = await open({ width: 1920, height: 1080 });
  await page.getByTestId('view-text').click();
  const mine = 'move\n# my idea\nmove\n';
  await page.getByTestId('source').fill(mine);
  await page.getByTestId('teacher-toggle').click();
  await page.waitForSelector('html[data-part="full"] [data-testid=demonstration]');
  await projectorOn(page);
  const saved = () => page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1'));
  assert.equal(await saved(), `en\n${mine}`);

  // L: the solution in the editor; the pupil's program stays saved on the device.
  await page.keyboard.press('l');
  await page.waitForSelector('[data-testid=demonstration][data-demonstrating="true"]');
  assert.equal(await page.getByTestId('source').inputValue(), SOLUTION);
  for (const at of ['1,3,east', '1,3,north']) {
    await page.keyboard.press('PageDown');
    await page.waitForSelector(`[data-testid=stage][data-robot="${at}"]`);
  }
  await page.screenshot({ path: `${OUT}/projector-demonstration-en.png` });
  assert.equal(await saved(), `en\n${mine}`, 'the autosave kept the pupil\'s program');

  // L again (or the button): the pupil's program back.
  await page.getByTestId('demo-toggle').click();
  await page.waitForSelector('[data-testid=demonstration][data-demonstrating="false"]');
  assert.equal(await page.getByTestId('source').inputValue(), mine);
  await page.keyboard.press('l');
  await page.waitForSelector('[data-testid=demonstration][data-demonstrating="true"]');
  await page.keyboard.press('l');
  await page.waitForSelector('[data-testid=demonstration][data-demonstrating="false"]');
  assert.equal(await page.getByTestId('source').inputValue(), mine);
  assert.equal(await page.getByTestId('status').getAttribute('data-phase'), 'ready');
  assert.equal(await saved(), `en\n${mine}`);

  // A reload in the middle of a demonstration brings back the pupil's program, not the solution.
  await page.keyboard.press('l');
  await page.waitForSelector('[data-testid=demonstration][data-demonstrating="true"]');
  await page.reload();
  await page.waitForSelector('html[data-part="full"] [data-testid=demonstration][data-demonstrating="false"]');
  assert.equal(await page.getByTestId('source').inputValue(), mine);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('predict-then-run: the class answers before each step, then the step is revealed', async () => {
  const { context, page } = await open({ width: 1920, height: 1080 });
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill(SOLUTION);
  await page.getByTestId('teacher-toggle').click();
  await page.waitForSelector('html[data-part="full"] [data-testid=demonstration]');
  await projectorOn(page);
  // Q turns it on (teacher mode); a step now asks first and the robot waits.
  await page.keyboard.press('q');
  await page.waitForSelector('[data-testid=predict-toggle][aria-pressed="true"]');
  await page.keyboard.press('PageDown');
  const predict = page.getByTestId('predict');
  await predict.waitFor();
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '0,3,east', 'nothing moved yet');
  assert.match(await predict.locator('h2').innerText(), /What will the robot do next\?/);
  const choices = await predict.locator('.choice').allInnerTexts();
  assert.equal(choices.length, 4, choices.join(' | '));
  await page.screenshot({ path: `${OUT}/projector-predict-question-en.png` });
  // A step before the class has answered does nothing.
  await page.keyboard.press('s');
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '0,3,east');
  // The class taps "Turn left": wrong, the robot moved forward; the step is revealed.
  await predict.locator('.choice', { hasText: 'Turn left' }).click();
  await page.waitForSelector('[data-testid=predict-result][data-right="false"]');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,east"]');
  assert.match(await page.getByTestId('predict-result').innerText(), /Move forward one square/);
  await page.screenshot({ path: `${OUT}/projector-predict-revealed-en.png` });
  // Teacher mode's box, the solution and the question read at 7:1 on the board too.
  assert.deepEqual(await axeContrast(page), [], 'axe-core color-contrast-enhanced, predicting');
  const contrast = await lowestContrast(page);
  assert.ok(contrast.ratio >= 7, `lowest contrast ${contrast.ratio.toFixed(2)}:1 ("${contrast.text}")`);
  // Next step: a new question; the answer by key 2 (Turn left) is right this time.
  await page.keyboard.press('PageDown');
  await page.waitForSelector('[data-testid=predict][data-revealed="false"]');
  assert.equal(await predict.locator('.choice').nth(1).innerText().then((t) => t.includes('Turn left')), true);
  await page.keyboard.press('2');
  await page.waitForSelector('[data-testid=predict-result][data-right="true"]');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,north"]');
  // Run too pauses before the next move and asks (the run's own button, by touch).
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=predict][data-revealed="false"]');
  assert.equal(await page.getByTestId('status').getAttribute('data-phase'), 'paused');
  await predict.locator('.choice', { hasText: 'Move forward' }).click();
  await page.waitForSelector('[data-testid=predict-result][data-right="true"]');
  await page.waitForSelector('[data-testid=stage][data-robot="1,2,north"]');
  // Reset drops the question; Q turns it off and steps step again.
  await page.keyboard.press('0');
  await predict.waitFor({ state: 'detached' });
  await page.keyboard.press('q');
  await page.waitForSelector('[data-testid=predict-toggle][aria-pressed="false"]');
  await page.keyboard.press('PageDown');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,east"]');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a lesson sheet prints lesson 1 for coding on paper: the world, the goals, blocks to cut out', async () => {
  for (const [lang, cards] of [
    ['en', ['move', 'turn left', 'repeat 3 times', 'move', 'end', 'turn right']],
    ['ar', ['تقدم', 'استدر يسارا', 'كرر 3 مرات', 'تقدم', 'نهاية', 'استدر يمينا']],
  ]) {
    const { context, page } = await open({ width: 1280, height: 800 }, { lang });
    await page.getByTestId('teacher-toggle').click();
    await page.waitForSelector('html[data-part="full"] [data-testid=print-sheet]');
    await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/full.css')));
    assert.equal(await page.getByTestId('lesson-sheet').isVisible(), false, 'on screen the sheet is hidden');
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('lesson-sheet');
    assert.equal(await sheet.isVisible(), true);
    assert.deepEqual(await sheet.locator('.card').allInnerTexts(), cards);
    for (const hidden of ['.top-bar', '.editor-panel', '.timeline', '[data-testid=solution]']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.getByTestId('stage').isVisible(), true, 'the world is printed');
    await page.screenshot({ path: `${OUT}/lesson-sheet-${lang}.png`, fullPage: true });
    const pdf = await page.pdf({ path: `${OUT}/lesson-sheet-${lang}.pdf`, format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
    assert.equal(pages, 1, 'one A4 page');
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('on an interactive whiteboard a finger builds lesson 1 with the bigger blocks of projector mode', async () => {
  const { context, page } = await open({ width: 1920, height: 1080 }, { touch: true });
  await projectorOn(page);
  const cdp = await context.newCDPSession(page);
  // One finger, as on a whiteboard. The palette is under the program, which the class
  // reads first: scroll to it as a hand would.
  const drag = async (palette, place) => {
    const from = page.locator(`[data-palette="${palette}"]`);
    await from.scrollIntoViewIfNeeded();
    await touchDrag(page, cdp, from, place);
  };
  // Lesson 1's palette: move, turn left, turn right, repeat.
  await drag(1, '/1');
  await drag(3, '/2');
  await drag(0, '2:0/0');
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.first-steps-1') === 'en\nmove\nturn left\nrepeat 3 times\n  move\nend\n');
  // The running block is framed boldly, not only tinted.
  await page.locator('h1').click();
  await page.keyboard.press('s');
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,east"]');
  const framed = await page.evaluate(() =>
    [...document.querySelectorAll('.program .block > .head')].filter((h) => getComputedStyle(h).boxShadow.includes('inset')).length);
  assert.equal(framed, 1, 'one running block, framed');
  await page.locator('.program').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/projector-running-block-en.png` });
  await page.keyboard.press('0');
  await page.waitForSelector('[data-testid=stage][data-robot="0,3,east"]');
  await page.keyboard.press('r');
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  await page.screenshot({ path: `${OUT}/projector-whiteboard-en.png` });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('predict-then-run in Arabic: the question and its choices read right to left', async () => {
  const { context, page } = await open({ width: 1280, height: 720 }, { lang: 'ar' });
  await page.getByTestId('teacher-toggle').click();
  await page.waitForSelector('html[data-part="full"] [data-testid=demonstration]');
  await projectorOn(page);
  await page.keyboard.press('q');
  // The step key is read by the page as it is drawn: wait until Q's answer is on screen.
  await page.waitForSelector('[data-testid=predict-toggle][aria-pressed="true"]');
  await page.keyboard.press('PageDown');
  const predict = page.getByTestId('predict');
  await predict.waitFor();
  assert.equal(await predict.locator('h2').innerText(), 'ماذا سيفعل الروبوت الآن؟');
  const [first, second] = await predict.locator('.choice').evaluateAll((cs) => cs.slice(0, 2).map((c) => c.getBoundingClientRect().x));
  assert.ok(first > second, 'the first choice is on the right');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=predict-result]');
  await page.screenshot({ path: `${OUT}/projector-predict-ar.png` });
  assert.deepEqual(await axeContrast(page), [], 'axe-core color-contrast-enhanced');
  assert.deepEqual(page.errors, []);
  await context.close();
});
