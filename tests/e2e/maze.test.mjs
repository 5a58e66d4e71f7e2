// A maze carved afresh for each seed (the `maze` variant rule, full app): the core app hands
// the lesson over, the right-hand rule reaches the flag, and the next run meets another maze
// with the robot somewhere else, so a route learnt by heart does not pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, catalogue, openLesson as open, runToEnd, useApp, watchedPage } from './app.mjs';

const app = useApp();

const RIGHT_HAND = 'while not at goal\n  if wall right\n    if wall ahead\n      turn left\n    else\n      move\n    end\n  else\n    turn right\n    move\n  end\nend\n';

test('the right-hand rule gets through every maze, and every run meets a new one', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedPage(context);
  await open(app, page, 'algorithms-1');
  const maze = () => page.locator('[data-testid=stage] line.wall').evaluateAll((ls) =>
    ls.map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => l.getAttribute(a)).join(',')).sort().join(' '));
  const walls = await maze();
  // A 5 × 5 perfect maze: 40 sides between squares, 24 of them open.
  assert.equal(walls.split(' ').length, 16, walls);
  assert.equal(await runToEnd(page, RIGHT_HAND), 'success');
  const variant = page.getByTestId('variant');
  assert.equal(await variant.getAttribute('data-passed'), '1');
  const next = await maze();
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status][data-phase="success"]', { timeout: 60_000 });
  assert.equal(await variant.getAttribute('data-passed'), '2');
  assert.notEqual(await maze(), next, 'another maze on the next run');
  await page.screenshot({ path: `${OUT}/maze-en.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a robot going round in circles is stopped at once, at the loop, in the pupil\'s words', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedPage(context);
  await open(app, page, 'algorithms-1');
  // Four turns and everything is as it was: the run can never end (it ran 5,000 actions,
  // a minute and more on screen, before).
  assert.equal(await runToEnd(page, 'while not at goal\n  turn left\nend\n'), 'failed');
  const words = catalogue('en')['run.endless-circle[other]'].replace('{count}', '4');
  assert.equal(await page.getByTestId('status').textContent(), `Line 1: ${words}`);
  assert.equal(await page.getByTestId('editor').getAttribute('data-active-line'), '1');
  assert.deepEqual(errors, []);
  await context.close();
});
