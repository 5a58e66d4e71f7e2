// Tiles to paint (issue 14): first-steps-3 in the core app draws its four marked tiles with a
// dashed frame and their colour's shape; a painting of the right count on the wrong tiles
// fails and the goal names the first wrong tile; the solution passes. Screenshots in English
// and Arabic, wide and on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, watchedPage, OUT } from './app.mjs';

const app = useApp();

/** Types `source`, says where the robot will stop (the lesson asks before each Run: the
 * flag's square), runs it at full speed and returns the phase it ended in. */
async function runToEnd(page, source) {
  await page.getByTestId('source').fill(source);
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  await page.locator('[data-cell="4,1"]').click();
  await page.waitForSelector('[data-cell="4,1"][aria-pressed="true"]');
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  const end = ['success', 'finished', 'failed'].map((p) => `[data-testid=status][data-phase="${p}"]`).join(', ');
  await page.waitForSelector(end, { timeout: 20_000 });
  return page.getByTestId('status').getAttribute('data-phase');
}

async function lesson(lang, viewport) {
  const context = await app.browser.newContext({ viewport });
  const { page, errors } = await watchedPage(context);
  await page.addInitScript((l) => {
    localStorage.setItem('tafukt.v1.lesson', 'first-steps-3');
    localStorage.setItem('tafukt.v1.lang', l);
  }, lang);
  await page.goto(app.server.url);
  await page.waitForSelector(`html[lang="${lang}"] [data-testid=lesson][data-lesson-id="first-steps-3"]`);
  return { context, page, errors };
}

test('marked tiles are drawn, a wrong painting of the right count fails, the solution passes', async () => {
  const { context, page, errors } = await lesson('en', { width: 1280, height: 800 });
  const marks = page.locator('[data-testid=stage] .targets path[data-colour]');
  assert.equal(await marks.count(), 4);
  for (let i = 0; i < 4; i++) assert.equal(await marks.nth(i).getAttribute('data-colour'), 'green');
  const frames = page.locator('[data-testid=stage] .targets path[stroke-dasharray]');
  assert.equal((await frames.getAttribute('d')).match(/h32v32h-32z/g).length, 4, 'a dashed frame each');
  await page.screenshot({ path: `${OUT}/marks-first-steps-3-en.png` });

  await page.getByTestId('view-text').click();
  const wrong = 'paint green\nrepeat 3 times\n  move\n  paint green\nend\nmove\n';
  assert.notEqual(await runToEnd(page, wrong), 'success');
  const goal = page.locator('[data-testid=goals] li').first();
  assert.equal(await goal.getAttribute('data-met'), 'false');
  assert.match(await goal.innerText(), /column 1, row 2 is not marked/);
  assert.equal(await page.locator('[data-testid=stage] g.paint').count(), 4, 'four tiles painted');
  await page.screenshot({ path: `${OUT}/marks-first-steps-3-wrong-en.png` });

  assert.equal(await runToEnd(page, 'repeat 4 times\n  move\n  paint green\nend\n'), 'success');
  assert.equal(await goal.getAttribute('data-met'), 'true');
  await page.screenshot({ path: `${OUT}/marks-first-steps-3-done-en.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('marked tiles in Arabic, wide and on a phone', async () => {
  for (const [name, viewport] of [['wide', { width: 1280, height: 800 }], ['phone', { width: 360, height: 640 }]]) {
    const { context, page, errors } = await lesson('ar', viewport);
    await page.waitForSelector('html[dir="rtl"]');
    assert.equal(await page.locator('[data-testid=stage] .targets path[data-colour]').count(), 4);
    await page.screenshot({ path: `${OUT}/marks-first-steps-3-ar-${name}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
