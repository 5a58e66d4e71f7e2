// The block editor as pupils use it: building lesson 1's solution by dragging blocks with a
// finger (real touch events through Chromium's DevTools protocol, so the browser makes the
// pointer events itself), the same in Arabic (right to left), by keyboard alone; numbers,
// notes, undo, and sensors put into conditions by tap and by drag.
// Every wait is on the app's own state (data attributes), never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, useApp } from './app.mjs';
import { block, keyOf, slot as slotAt } from './places.mjs';
import { touchDrag } from './touch.mjs';

// Lesson 1's palette: its toolbox, in order (move, turn left, turn right, repeat).
const MOVE = 0;
const TURN_LEFT = 1;
const REPEAT = 3;
/** A block of the palette (not the values row) by the words it shows. */
const paletteBlock = (page, words) => page.locator('.palette:not(.values) [data-palette]').filter({ hasText: words });
const SOLUTION = 'move\nturn left\nrepeat 3 times\n  move\nend\n';
const app = useApp();

async function buildByTouch(page) {
  const cdp = await page.context().newCDPSession(page);
  const palette = (i) => page.locator(`[data-palette="${i}"]`);
  await touchDrag(page, cdp, palette(TURN_LEFT), '/1');
  await touchDrag(page, cdp, palette(REPEAT), '/2');
  await touchDrag(page, cdp, palette(MOVE), '2:0/0');
}

async function runAndExpectSuccess(page) {
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
}

async function sourceText(page) {
  return page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1'));
}

test('a pupil builds lesson 1 by dragging blocks with a finger, and it runs', async () => {
  const context = await app.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 1024, height: 1100 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=blocks]');
  await buildByTouch(page);
  assert.equal(await sourceText(page), `en\n${SOLUTION}`);
  // Stepping marks the block that ran: the fourth step is the `move` inside the loop.
  const head = (key) => page.locator(`${block(key)} > .head`);
  const running = 'rgb(255, 243, 196)';
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  await page.waitForFunction((sel) => getComputedStyle(document.querySelector(sel)).backgroundColor === 'rgb(255, 243, 196)', `${block('2:0/0')} > .head`);
  assert.notEqual(await head('/0').evaluate((el) => getComputedStyle(el).backgroundColor), running);
  await page.getByTestId('reset').click();
  await runAndExpectSuccess(page);
  // The text view shows the same program.
  await page.screenshot({ path: `${OUT}/blocks-en.png`, fullPage: true });
  await page.getByTestId('view-text').click();
  assert.equal(await page.getByTestId('source').inputValue(), SOLUTION);
  await context.close();
});

test('the same in Arabic: the blocks read right to left', async () => {
  const context = await app.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 1024, height: 1100 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.getByTestId('language').selectOption('ar');
  await page.waitForSelector('html[dir="rtl"][lang="ar"]');
  await page.waitForSelector(block('/0'));
  await buildByTouch(page);
  assert.equal(await sourceText(page), 'ar\nتقدم\nاستدر يسارا\nكرر 3 مرات\n  تقدم\nنهاية\n');
  // Right to left: a body sits to the left of its block's start edge.
  const outer = await page.locator(block('/2')).boundingBox();
  const inner = await page.locator(block('2:0/0')).boundingBox();
  assert.ok(inner.x + inner.width < outer.x + outer.width - 10, 'the body is indented from the right');
  await runAndExpectSuccess(page);
  await page.screenshot({ path: `${OUT}/blocks-ar.png`, fullPage: true });
  await context.close();
});

/** Presses Tab until the focused element matches `selector` (a keyboard user's way). */
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the same by keyboard alone: pick up with Enter, put down with Enter, delete with Delete', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector(block('/0'));
  const place = async (palette, slot) => {
    await tabTo(page, `[data-palette="${palette}"]`);
    await page.keyboard.press('Enter');
    await tabTo(page, slotAt(slot));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=blocks][data-picking="false"]');
  };
  await place(TURN_LEFT, '/1');
  await place(REPEAT, '/2');
  await place(MOVE, '2:0/0');
  // A block too many, removed from the keyboard.
  await place(MOVE, '/3');
  await tabTo(page, block('/3'));
  await page.keyboard.press('Delete');
  await page.waitForFunction((sel) => !document.querySelector(sel), block('/3'));
  assert.equal(await sourceText(page), `en\n${SOLUTION}`);
  // Arrow keys walk the blocks in reading order, into the loop and back.
  await tabTo(page, block('/1'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(`(${keyOf})(document.activeElement)`), '2:0/0');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(`(${keyOf})(document.activeElement)`), '/2');
  await tabTo(page, '[data-testid=run]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  await context.close();
});

test('numbers are typed on the pad, and undo brings the old program back', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector(block('/0'));
  await page.locator(`[data-palette="${REPEAT}"]`).click();
  await page.locator(slotAt('/1')).click();
  await page.locator(`${block('/1')} .field.number`).click();
  const pad = page.getByTestId('number-pad');
  await pad.getByRole('button', { name: '1', exact: true }).click();
  await pad.getByRole('button', { name: '2', exact: true }).click();
  await page.getByTestId('pad-ok').click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.first-steps-1') === 'en\nmove\nrepeat 12 times\nend\n');
  await page.getByTestId('undo').click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.first-steps-1') === 'en\nmove\nrepeat 3 times\nend\n');
  await page.getByTestId('redo').click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.first-steps-1') === 'en\nmove\nrepeat 12 times\nend\n');
  // Lesson 1's editor (the core app's) has the first unit's tools: notes and names are
  // written in the full app's (the next test but one).
  assert.equal(await page.getByTestId('note').count(), 0);
  await context.close();
});

test('a sensor from the palette goes into a condition, by tap and by drag', async () => {
  const context = await browser_context();
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('tafukt.v1.lesson', 'conditions-3'));
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="conditions-3"] [data-testid=blocks]');
  const program = () => page.evaluate(() => localStorage.getItem('tafukt.v1.program.conditions-3'));
  // `while true` at the top, then `at goal` tapped into its condition.
  await paletteBlock(page, /^while/).click();
  await page.locator(slotAt('/0')).click();
  const atGoal = page.locator('.palette.values [data-palette]').filter({ hasText: /^at goal$/ });
  await atGoal.click();
  await page.waitForSelector('[data-testid=blocks][data-picking-value="true"]');
  await page.locator(`${block('/0')} [data-value]`).first().click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.conditions-3')?.startsWith('en\nwhile at goal\n'));
  // An `if true` below, and `at goal` dragged into it with the mouse.
  await paletteBlock(page, /^if true$/).click();
  await page.locator(slotAt('/1')).click();
  const target = page.locator(`${block('/1')} [data-value]`).first();
  await atGoal.hover();
  await page.mouse.down();
  const box = await target.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => /\nif at goal\n/.test(localStorage.getItem('tafukt.v1.program.conditions-3') ?? ''));
  assert.match(await program(), /^en\nwhile at goal\n/);
  await context.close();
});

function browser_context() {
  return app.browser.newContext({ viewport: { width: 1280, height: 1000 } });
}

test('values go into values: an operator around a variable, a number typed into it, a text written; notes as lines', async () => {
  const context = await browser_context();
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('tafukt.v1.lesson', 'variables-1'));
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="variables-1"] [data-testid=blocks]');
  const program = () => page.evaluate(() => localStorage.getItem('tafukt.v1.program.variables-1'));
  const value = (text) => page.locator('.palette.values [data-palette]').filter({ hasText: text });
  // The starter is `n = 0` and `say n`: the program's variable is offered with the operators.
  await value(/^n$/).waitFor();
  await value('… + 1').click();
  await page.waitForSelector('[data-testid=blocks][data-picking-value="true"]');
  await page.locator(`${block('/1')} [data-value="0"]`).click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.variables-1') === 'en\nn = 0\nsay n + 1\n');
  // The operator's sides are values of their own: the 1 is typed over, the n is a list.
  await page.locator(`${block('/1')} [data-value="0.1"]`).click();
  await page.getByTestId('number-pad').getByRole('button', { name: '2', exact: true }).click();
  await page.getByTestId('pad-ok').click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.variables-1') === 'en\nn = 0\nsay n + 2\n');
  assert.deepEqual(await page.locator(`${block('/1')} select[data-value="0.0"] option`).allTextContents(), ['n']);
  // By keyboard: Enter on an operator, then Enter on the list where it goes.
  await tabTo(page, '.palette.values [data-palette="v3"]');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '… × 1');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=blocks][data-picking-value="true"]');
  await tabTo(page, `${block('/1')} select[data-value="0.0"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.variables-1') === 'en\nn = 0\nsay n × 1 + 2\n');
  // A `say` from the palette: its text is written in the dialog.
  const say = page.locator('.palette:not(.values) [data-palette]').filter({ hasText: /^say/ });
  await say.click();
  await page.locator(slotAt('/2')).click();
  await page.locator(`${block('/2')} [data-value="0"]`).click();
  await page.getByTestId('note-text').fill('olives!');
  await page.getByTestId('note-ok').click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.variables-1')?.endsWith('say "olives!"\n'));
  // A note on a line of its own, put in from the palette and written like a block's note.
  await paletteBlock(page, /^# /).click();
  await page.locator(slotAt('/0')).click();
  await page.locator(block('/0')).click();
  await page.getByTestId('note').click();
  await page.getByTestId('note-text').fill('count the olives');
  await page.getByTestId('note-ok').click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.variables-1')?.startsWith('en\n# count the olives\nn = 0\n'));
  assert.equal(await program(), 'en\n# count the olives\nn = 0\nsay n × 1 + 2\nsay "olives!"\n');
  // A variable is renamed everywhere; a keyword is refused as a name.
  await page.locator(block('/1')).click();
  await page.getByTestId('rename').click();
  await page.getByTestId('note-text').fill('repeat');
  assert.equal(await page.getByTestId('note-ok').isDisabled(), true);
  await page.getByTestId('note-text').fill('olives');
  await page.getByTestId('note-ok').click();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.variables-1') === 'en\n# count the olives\nolives = 0\nsay olives × 1 + 2\nsay "olives!"\n');
  await context.close();
});

test('a call block lists the program\'s procedures: choosing one calls it instead', async () => {
  const context = await browser_context();
  const page = await context.newPage();
  const start = 'en\ndefine hop\n  move\nend\ndefine skip\n  turn left\nend\nhop\n';
  // A lesson with procedures (the full app's editor: the core's plays the first unit's blocks).
  await page.addInitScript((p) => {
    localStorage.setItem('tafukt.v1.lesson', 'procedures-1');
    localStorage.setItem('tafukt.v1.program.procedures-1', p);
  }, start);
  await page.goto(app.server.url);
  const call = page.locator(`[data-lesson-id="procedures-1"] ${block('/2')} select[data-value=call]`);
  await call.waitFor();
  assert.deepEqual(await call.locator('option').allTextContents(), ['hop', 'skip']);
  await call.selectOption('skip');
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.procedures-1')?.endsWith('end\nskip\n'));
  // Choosing did not pick the block up.
  assert.equal(await page.getAttribute('[data-testid=blocks]', 'data-picking'), 'false');
  await context.close();
});

test('the star rule counts blocks as the editor draws them: an else-if chain is one block, notes are none', async () => {
  const context = await browser_context();
  const page = await context.newPage();
  const program = [
    'en', '# walk to the flag', 'while not at goal',
    '  if wall ahead', '    turn left', '  else if at goal', '    move', '  else', '    move', '    turn right', '  end',
    'end', 'repeat 2 times', '  turn left # back', 'end', '',
  ].join('\n');
  await page.addInitScript((p) => {
    localStorage.setItem('tafukt.v1.lesson', 'conditions-3');
    localStorage.setItem('tafukt.v1.program.conditions-3', p);
  }, program);
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="conditions-3"] [data-testid=blocks] .program .block');
  const drawn = await page.locator('.program .block:not(.comment)').count();
  const counted = Number(await page.getAttribute('[data-testid=blocks]', 'data-blocks'));
  // while, if (with its two other arms), turn left, move, move, turn right, repeat, turn left.
  assert.equal(drawn, 8);
  assert.equal(counted, drawn);
  await context.close();
});

test('lesson 1\'s palette holds only the blocks its toolbox lists, in its order; the run refuses a block outside it and names the allowed ones', async () => {
  const context = await browser_context();
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=blocks] .program .block');
  const blocks = await page.locator('.palette:not(.values) [data-palette]').allTextContents();
  assert.deepEqual(blocks.map((t) => t.trim()), ['move', 'turn left', 'turn right', 'repeat 3 times']);
  assert.equal(await page.locator('.palette.values [data-palette]').count(), 0, 'no values row: lesson 1 has no sensor, variable or operator');
  // A program typed in the text view with a `while` is refused, with the lesson's blocks named.
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill('while true\n  move\nend\n');
  await page.getByTestId('run').click();
  const status = page.locator('[data-testid=status][data-phase=failed]');
  await status.waitFor();
  assert.match(await status.textContent(), /^Line 1: “while” is not used in this lesson\. Its blocks are: move, turn left, turn right, repeat\.$/);
  await context.close();
});

for (const [lang, size, start] of [['en', [800, 1280], 'left'], ['ar', [360, 640], 'right'], ['zgh', [1920, 1080], 'left']]) {
  test(`${lang}: statements notch together: a tab in the block's colours under each one, mirrored right to left`, async () => {
    const context = await app.browser.newContext({ viewport: { width: size[0], height: size[1] } });
    await context.addInitScript((lang) => {
      localStorage.setItem('tafukt.v1.lang', lang);
      localStorage.setItem('tafukt.v1.tap-hint', '1');
      localStorage.setItem('tafukt.v1.program.first-steps-1', 'en\nmove\nrepeat 3 times\n  move\nend\n');
    }, lang);
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.waitForSelector(`html[lang="${lang}"] [data-testid=blocks] ${block('1:0/0')}`);
    const tabs = await page.locator('.program .block').evaluateAll((blocks, start) =>
      blocks.map((b) => {
        const tab = getComputedStyle(b, '::after');
        const own = getComputedStyle(b);
        return {
          content: tab.content,
          height: parseFloat(tab.height),
          colours: tab.backgroundColor === own.backgroundColor && tab.borderBottomColor === own.borderBottomColor,
          start: parseFloat(start === 'left' ? tab.marginLeft : tab.marginRight),
          hangs: parseFloat(tab.marginBottom),
        };
      }), start);
    // move, repeat, and the move inside it: three statements, three tabs.
    assert.equal(tabs.length, 3);
    for (const t of tabs) {
      assert.equal(t.content, '""');
      assert.ok(t.height > 5 && t.colours && t.start > 10 && Math.abs(t.hangs + t.height) < 0.1, JSON.stringify(t));
    }
    // The palette's blocks are not stacked, and have no tab.
    assert.equal(await page.locator('.palette .block').first().evaluate((b) => getComputedStyle(b, '::after').content), 'none');
    await page.locator('.program').screenshot({ path: `${OUT}/notches-${lang}.png` });
    await context.close();
  });
}

test('blocks have the shapes pupils know: a condition has pointed ends, a value is round', async () => {
  const context = await browser_context();
  const page = await context.newPage();
  await page.addInitScript(() => {
    localStorage.setItem('tafukt.v1.lesson', 'conditions-3');
    localStorage.setItem('tafukt.v1.program.conditions-3', 'en\nwhile not at goal\n  if wall ahead\n    turn left\n  else\n    move\n  end\nend\n');
  });
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="conditions-3"] [data-testid=blocks] .program .block');
  const shape = (sel) => page.locator(sel).evaluate((el) => getComputedStyle(el).clipPath);
  // The `while` and the `if` each hold a condition with six corners, pointed at both ends.
  for (const key of ['/0', '0:0/0']) {
    assert.match(await shape(`${block(key)} > .head > select.field`), /^polygon\(.*50%.*50%\)$/, key);
  }
  // Focused by keyboard, the condition shows whole, so its outline is not cut off.
  await page.locator(`${block('/0')} > .head > select.field`).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await shape(`${block('/0')} > .head > select.field`), 'none');
  await context.close();
});
