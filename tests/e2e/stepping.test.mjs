// Stepping through a program with procedures, as a pupil looking for a mistake does: Step
// over runs the call on its line (the whole procedure) and stops before the next line; Step
// out finishes the procedure it is in. Lesson 1 has no procedures, and no such buttons.
// Waits are on the app's state (the robot's place and the run's phase), never on sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, openLesson, useApp, watchedPage } from './app.mjs';

const app = useApp();

const PROGRAM = 'define turn_around\n  turn left\n  turn left\nend\nturn_around\nmove\n';

async function procedures(size = { width: 1280, height: 800 }) {
  const context = await app.browser.newContext({ viewport: size });
  const { page, errors } = await watchedPage(context);
  await openLesson(app, page, 'procedures-1');
  const source = page.getByTestId('source');
  await source.fill(PROGRAM);
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  await page.getByTestId('speed').fill('5');
  return { context, page, errors };
}

const robot = (page) => page.getByTestId('stage').getAttribute('data-robot');
const paused = (page) => page.waitForSelector('[data-testid=status][data-phase="paused"]');

test('step over runs the whole procedure on its line and stops before the next line', async () => {
  const { context, page, errors } = await procedures();
  await page.getByTestId('step-over').click();
  await paused(page);
  // Both turns of turn_around, and not the `move` after it.
  assert.equal(await robot(page), '0,0,west');
  await page.getByTestId('step-over').click();
  await page.waitForSelector('[data-testid=status]:is([data-phase="finished"], [data-phase="failed"])');
  await page.screenshot({ path: `${OUT}/stepping-over-en.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('step out finishes the procedure the run is in, and the caller\'s next line waits', async () => {
  const { context, page, errors } = await procedures();
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await page.waitForSelector('[data-testid=stage][data-robot="0,0,north"]');
  await page.getByTestId('step-out').click();
  await paused(page);
  assert.equal(await robot(page), '0,0,west');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lesson 1 has no procedures, and its run controls no step over or step out', async () => {
  const context = await app.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=step]');
  assert.equal(await page.locator('[data-testid=step-over], [data-testid=step-out]').count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.part ?? null), null, 'the core app');
  assert.deepEqual(errors, []);
  await context.close();
});
