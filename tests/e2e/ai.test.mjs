// Introductory AI as a pupil meets it (full app): the robot records labelled examples and
// the plot beside the stage fills and shades; it then sorts items it has never seen by the
// model's prediction; in a maze, practice fills the Q-table and the learned moves reach the
// flag. Every wait is on the app's own state (data attributes), never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, openLesson as open, runToEnd, useApp } from './app.mjs';

const app = useApp();

const openLesson = (page, id) => open(app, page, id);
const run = runToEnd;

test('the robot records labelled examples and the plot fills and shades', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openLesson(page, 'ai-data-1');
  // Before any example: the items are there to measure, the plot is empty.
  const plot = page.getByTestId('ai-plot');
  await plot.waitFor();
  assert.equal(await plot.getAttribute('data-examples'), '0');
  // Two examples by hand: the plot shows them, and the model shades the plane.
  assert.equal(await run(page, 'move\nrecord "olive"\nmove\nrecord "olive"\n'), 'finished');
  assert.equal(await plot.getAttribute('data-examples'), '2');
  assert.ok(Number(await plot.getAttribute('data-regions')) > 0, 'the model shades its regions');
  // The whole row, labelled by the tile's colour.
  const solution = 'repeat 8 times\n  move\n  if tile colour = green\n    record "olive"\n  else\n    record "stone"\n  end\nend\n';
  assert.equal(await run(page, solution), 'success');
  assert.equal(await plot.getAttribute('data-examples'), '8');
  assert.equal(await page.locator('[data-testid=ai-plot] .ai-point').count(), 8);
  await page.screenshot({ path: `${OUT}/ai-data-en.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('after recording, the robot sorts olives and stones it has never seen by its prediction', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openLesson(page, 'ai-data-2');
  const learn = 'repeat 6 times\n  move\n  if tile colour = green\n    record "olive"\n  else\n    record "stone"\n  end\nend\n';
  const sort = 'turn right\nmove\nmove\nturn right\nrepeat 6 times\n  if prediction = "olive"\n    pick up\n    turn right\n    move\n    put down\n    turn left\n    turn left\n    move\n    turn right\n  else\n    pick up\n    turn left\n    move\n    put down\n    turn left\n    turn left\n    move\n    turn left\n  end\n  move\nend\n';
  // Sorting with nothing recorded: the model knows nothing, the goal is not met.
  assert.notEqual(await run(page, sort), 'success');
  // Recording first: six examples on the plot, then every new item goes to its bin.
  assert.equal(await run(page, learn + sort), 'success');
  assert.equal(await page.getByTestId('ai-plot').getAttribute('data-examples'), '6');
  assert.equal(await page.getByTestId('goals').getAttribute('data-all-met'), 'true');
  await page.screenshot({ path: `${OUT}/ai-sorted-en.png`, fullPage: true });
  // The same program in Arabic and Tamazight: reprinted in the pupil's words, the panels
  // mirrored, and the robot still sorts every item.
  for (const lang of ['ar', 'zgh']) {
    await page.getByTestId('language').selectOption(lang);
    await page.waitForSelector(`html[lang="${lang}"] [data-testid=lesson][data-lesson-id="ai-data-2"]`);
    await page.getByTestId('run').click();
    await page.waitForSelector('[data-testid=status][data-phase="success"]', { timeout: 60_000 });
    assert.equal(await page.getByTestId('ai-plot').getAttribute('data-examples'), '6');
    await page.screenshot({ path: `${OUT}/ai-sorted-${lang}.png`, fullPage: true });
  }
  await context.close();
});

test('in a maze, practice fills the Q-table and the learned moves reach the flag', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openLesson(page, 'ai-reward-1');
  // A little practice: some cells learnt, the chart has a point per practice run.
  assert.equal(await run(page, 'practise 5\n'), 'finished');
  const table = page.getByTestId('ai-qtable');
  assert.equal(await table.getAttribute('data-episodes'), '5');
  const some = Number(await table.getAttribute('data-learnt'));
  assert.ok(some > 0, 'practice fills part of the table');
  // More practice, then the robot follows what it learnt to the flag.
  assert.equal(await run(page, 'practise 300\nwhile not at flag\n  best move\nend\n'), 'success');
  assert.equal(await table.getAttribute('data-episodes'), '300');
  assert.ok(Number(await table.getAttribute('data-learnt')) >= some, 'more practice keeps what was learnt');
  await page.screenshot({ path: `${OUT}/ai-maze-en.png`, fullPage: true });
  // Practice in steps is a run like any other: the timeline steps back through the training.
  assert.equal(await run(page, 'repeat 4 times\n  practise 5\nend\n'), 'finished');
  assert.equal(await table.getAttribute('data-episodes'), '20');
  await page.getByTestId('scrub').fill('2');
  await page.waitForSelector('[data-testid=ai-qtable][data-episodes="10"]');
  await page.getByTestId('step-back').click();
  await page.waitForSelector('[data-testid=ai-qtable][data-episodes="5"]');
  await context.close();
});

test('the learning rate: with the same 60 practice runs, small steps leave the robot lost, big ones bring it to the flag', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openLesson(page, 'ai-reward-7');
  const starter = 'practise 60\nrepeat 40 times\n  best move\nend\n';
  // The lesson's own small rate (0.1): the table hardly fills, and the learned moves fail.
  assert.notEqual(await run(page, starter), 'success');
  const table = page.getByTestId('ai-qtable');
  assert.equal(await table.getAttribute('data-episodes'), '60');
  // More practice than the lesson allows is not the answer: the goal counts the runs.
  assert.notEqual(await run(page, `practise 500\n${starter}`), 'success');
  const solution = 'learning rate 1\npractise 60\nwhile not at flag\n  best move\nend\n';
  assert.equal(await run(page, solution), 'success');
  assert.equal(await table.getAttribute('data-episodes'), '60');
  await page.screenshot({ path: `${OUT}/ai-learning-rate-en.png`, fullPage: true });
  await context.close();
});

test('the model is judged on items it never saw: the score, the confusion table and the learning curve', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openLesson(page, 'ai-data-3');
  // Two examples: a weak model.
  await run(page, 'move\nif tile colour = green\n  record "olive"\nelse\n  record "stone"\nend\nmove\nif tile colour = green\n  record "olive"\nelse\n  record "stone"\nend\n');
  const panel = page.getByTestId('ai-eval');
  const few = Number(await panel.getAttribute('data-right'));
  // Twenty examples: right on at least 90 of 100, and the table's cells add up.
  const solution = 'repeat 20 times\n  move\n  if tile colour = green\n    record "olive"\n  else\n    record "stone"\n  end\nend\n';
  assert.equal(await run(page, solution), 'success');
  const many = Number(await panel.getAttribute('data-right'));
  assert.equal(await panel.getAttribute('data-total'), '100');
  assert.ok(many >= 90 && many >= few, `${few} then ${many} right of 100`);
  const cells = await page.locator('[data-testid=ai-confusion] td').allTextContents();
  assert.equal(cells.map(Number).reduce((a, b) => a + b, 0), 100);
  await page.screenshot({ path: `${OUT}/ai-eval-en.png`, fullPage: true });
  await context.close();
});

test('in Arabic the labels are Arabic words: the starter records "زيتونة", and the table names the kinds in Arabic', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('tafukt.v1.lang', 'ar'));
  const page = await context.newPage();
  await openLesson(page, 'ai-data-3');
  const starter = await page.getByTestId('source').inputValue();
  assert.ok(starter.includes('"زيتونة"') && !/olive|stone/.test(starter), starter);
  // A program typed in English words reads too (and is shown in Arabic when it runs).
  const solution = 'repeat 20 times\n  move\n  if tile colour = green\n    record "زيتونة"\n  else\n    record "حجر"\n  end\nend\n';
  assert.equal(await run(page, solution), 'success');
  const kinds = await page.locator('[data-testid=ai-confusion] th[scope=row]').allTextContents();
  assert.deepEqual(kinds, ['زيتونة', 'حجر']);
  await page.getByTestId('ai-eval').screenshot({ path: `${OUT}/ai-eval-ar.png` });
  await context.close();
});

// The road lesson as a pupil meets it: the starter records the marked practice road, the
// plot shows the readings with the perceptron's regions and the lines where its answers
// meet; one pass over the examples is not enough to stay on the road, twenty are; and after
// each success the next run meets a road the robot has never seen, driven by prediction.
const RECORD_ROAD = 'repeat 12 times\n  if tile colour = blue\n    record "left"\n    turn left\n  else\n    if tile colour = red\n      record "right"\n      turn right\n    else\n      record "straight"\n    end\n  end\n  move\nend\n';
const DRIVE = 'while not at flag\n  way = prediction\n  if way = "left"\n    turn left\n  end\n  if way = "right"\n    turn right\n  end\n  move\nend\n';

test('the robot records the practice road, learns, and drives roads it has never seen', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openLesson(page, 'ai-data-12');
  const plot = page.getByTestId('ai-plot');
  await plot.waitFor();
  assert.equal(await plot.getAttribute('data-examples'), '0');
  // Record: twelve examples, three answers, the plane shaded and cut by straight lines.
  assert.equal(await run(page, `epochs 20\n${RECORD_ROAD}`), 'finished');
  assert.equal(await plot.getAttribute('data-examples'), '12');
  assert.ok(Number(await plot.getAttribute('data-regions')) > 0, 'the regions are shaded');
  assert.ok((await page.locator('[data-testid=ai-plot] [data-testid=ai-line]').count()) >= 2, 'lines where answers meet');
  assert.equal(await page.locator('[data-testid=ai-plot] .ai-legend li').count(), 3);
  // One pass over the examples: the robot leaves the road somewhere.
  assert.equal(await run(page, `epochs 1\n${RECORD_ROAD}${DRIVE}`), 'failed');
  // Twenty passes: the robot reaches the flag by prediction, then the next road is new.
  const road = () => page.locator('[data-testid=stage] .paint').evaluateAll((gs) => gs.map((g) => g.getAttribute('transform')).join(' '));
  assert.equal(await run(page, `epochs 20\n${RECORD_ROAD}${DRIVE}`), 'success');
  const variant = page.getByTestId('variant');
  assert.equal(await variant.getAttribute('data-passed'), '1');
  await page.screenshot({ path: `${OUT}/ai-road-en.png`, fullPage: true });
  const next = await road();
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status][data-phase="success"]', { timeout: 60_000 });
  assert.equal(await variant.getAttribute('data-passed'), '2');
  assert.notEqual(await road(), next, 'another road after the second success');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the tree lights the questions of the reading the robot is on, and the hand rule is scored beside the model', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openLesson(page, 'ai-data-13');
  // One question: the tree cannot tell left from right, and the robot bumps into a wall.
  assert.equal(await run(page, `tree depth 1\n${RECORD_ROAD}${DRIVE}`), 'failed');
  assert.equal(await page.getByTestId('ai-tree').getAttribute('data-nodes'), '3');
  assert.equal(await run(page, `tree depth 2\n${RECORD_ROAD}${DRIVE}`), 'success');
  const tree = page.getByTestId('ai-tree');
  assert.equal(await tree.getAttribute('data-nodes'), '5');
  assert.ok((await page.locator('[data-testid=ai-tree] .ai-node.lit').count()) >= 2, 'the path of the reading is lit');
  assert.equal(await page.getByTestId('ai-plot').count(), 0, 'walls are yes or no: no scatter');
  await openLesson(page, 'ai-data-14');
  const walk = 'repeat 8 times\n  move\n  if tile colour = green\n    record "olive"\n  else\n    record "stone"\n  end\nend\nturn right\nmove\nmove\nturn right\n';
  const judge = (grams) => `repeat 8 times\n  if item weight < ${grams}\n    answer "olive"\n  else\n    answer "stone"\n  end\n  move\nend\n`;
  assert.notEqual(await run(page, walk + judge(30)), 'success');
  const panel = page.getByTestId('ai-compare');
  const weak = Number(await panel.getAttribute('data-rule'));
  assert.equal(await run(page, walk + judge(8)), 'success');
  assert.equal(await panel.getAttribute('data-total'), '8');
  assert.ok(Number(await panel.getAttribute('data-rule')) > weak, 'a better weight, a better score');
  assert.ok(Number(await panel.getAttribute('data-model')) >= 5, 'the model scored on the same items');
  await context.close();
});
