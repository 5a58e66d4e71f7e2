// Lists a pupil reads and changes (full app): the order list built with blocks as a pupil
// would (a `repeat` put in, `item … of orders` put into its count, `i` into the position),
// the shelf copied on every seed with `add` and `item`, and a position outside the list
// named with the positions there are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, catalogue, openLesson, runToEnd, useApp, watchedPage } from './app.mjs';
import { block, slot } from './places.mjs';

const app = useApp();

test('the order list is built with blocks: item i of orders counts the olives each neighbour gets', async () => {
  const context = await app.browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true });
  await context.addInitScript(() => localStorage.setItem('tafukt.v1.lesson', 'variables-7'));
  const { page, errors } = await watchedPage(context);
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="variables-7"] [data-testid=blocks]');
  const program = () => page.evaluate(() => localStorage.getItem('tafukt.v1.program.variables-7'));
  const palette = (text) => page.locator('.palette:not(.values) [data-palette]').filter({ hasText: text });
  const value = (text) => page.locator('.palette.values [data-palette]').filter({ hasText: text });
  // The values row offers the program's list by name, with the words between the values.
  await value('item … of orders').waitFor();
  await value(/^length of orders$/).waitFor();
  // A `repeat` after the loop's `move`, and `put down` inside it.
  await palette(/^repeat/).tap();
  await page.locator(slot('2:0/1')).tap();
  await palette(/^put down$/).tap();
  await page.locator(slot('2:0,1:0/0')).tap();
  // The repeat's count becomes `item 3 of orders`, then its position the loop's `i`.
  await value('item … of orders').tap();
  await page.waitForSelector('[data-testid=blocks][data-picking-value="true"]');
  await page.locator(`${block('2:0/1')} [data-value="0"]`).tap();
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.variables-7')?.includes('repeat item 3 of orders times'));
  await value(/^i$/).tap();
  await page.locator(`${block('2:0/1')} [data-value="0.0"]`).tap();
  const solved = 'en\norders = [3, 1, 2]\nwhile on item\n  pick up\nend\nfor each i in 1 to length of orders\n  move\n  repeat item i of orders times\n    put down\n  end\nend\n';
  await page.waitForFunction((p) => localStorage.getItem('tafukt.v1.program.variables-7') === p, solved);
  assert.equal(await program(), solved);
  // The block reads as the text does: its name, then the values with their words.
  assert.deepEqual(await page.locator(`${block('2:0/1')} > .head .label`).allTextContents(), ['repeat', 'item', 'of', 'times']);
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').tap();
  await page.waitForSelector('[data-testid=status][data-phase="success"]', { timeout: 60_000 });
  await page.screenshot({ path: `${OUT}/lists-orders-tablet.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the shelf is copied on every seed by a list, and a position outside a list is named', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedPage(context);
  await openLesson(app, page, 'variables-8');
  const solution = 'counts = []\nrepeat 5 times\n  add item count to counts\n  if not wall ahead\n    move\n  end\nend\nturn right\nmove\nturn right\nfor each i in 1 to 5\n  repeat item 6 - i of counts times\n    put down\n  end\n  if not wall ahead\n    move\n  end\nend\n';
  assert.equal(await runToEnd(page, solution), 'success');
  // The next run meets another shelf, and the same program copies it too.
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status][data-phase="success"]', { timeout: 60_000 });
  assert.equal(await page.getByTestId('variant').getAttribute('data-passed'), '2');
  assert.equal(await runToEnd(page, 'counts = [4]\nsay item 3 of counts\n'), 'failed');
  const words = catalogue('en')['run.list-position'].replace('{position}', '3').replace('{count}', '1');
  assert.equal(await page.getByTestId('status').textContent(), `Line 2: ${words}`);
  assert.equal(await page.getByTestId('editor').getAttribute('data-active-line'), '2');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [lang, size] of [['ar', { width: 360, height: 640 }], ['zgh', { width: 1920, height: 1080 }]]) {
  test(`the shelf's list blocks read in ${lang}, right to left where the language is`, async () => {
    const context = await app.browser.newContext({ viewport: size, hasTouch: true });
    await context.addInitScript((l) => {
      localStorage.setItem('tafukt.v1.lang', l);
      localStorage.setItem('tafukt.v1.lesson', 'variables-8');
    }, lang);
    const { page, errors } = await watchedPage(context);
    await page.goto(app.server.url);
    await page.waitForSelector('[data-testid=lesson][data-lesson-id="variables-8"] [data-testid=blocks]');
    // The starter's `add item count to counts`, in the pupil's words, as a block with fields.
    const add = page.locator(`${block('1:0/0')}`);
    await add.waitFor();
    assert.equal(await add.locator('select[data-value="1"]').count(), 1, 'the list is a choice of the variables');
    await page.screenshot({ path: `${OUT}/lists-shelf-${lang}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
