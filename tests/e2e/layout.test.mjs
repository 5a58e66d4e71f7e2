// Every pupil's screen (issue 13): on a portrait tablet, a landscape tablet, a phone and a
// projector, in each of the four languages, a pupil builds lesson 1's
// program by tapping blocks and then sees the Run button and the robot together: both inside
// the screen and not covered by anything (the point at each one's centre is that element).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, useApp } from './app.mjs';
import { slot } from './places.mjs';

const app = useApp();
const SIZES = [[800, 1280, 'portrait-tablet'], [1280, 800, 'landscape-tablet'], [360, 640, 'phone'], [1920, 1080, 'projector']];
// Palette places in lesson 1: repeat, …, move, turn left.
const MOVE = 0; // lesson 1's palette: move, turn left, turn right, repeat
const TURN_LEFT = 1;
const REPEAT = 3;

/** Whether the element of `selector` is on screen and the topmost thing at its centre. */
function seen(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const r = el.getBoundingClientRect();
    const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
    const inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    const top = document.elementFromPoint(x, y);
    return { inside, uncovered: !!top && (el === top || el.contains(top)), rect: [r.top, r.bottom, innerHeight].map(Math.round) };
  }, selector);
}

// Lesson 1's program as each language saves it once built.
const BUILT = {
  en: 'move\nturn left\nrepeat 3 times\n  move\nend\n',
  fr: 'avancer\ntourner à gauche\nrépéter 3 fois\n  avancer\nfin\n',
  ar: 'تقدم\nاستدر يسارا\nكرر 3 مرات\n  تقدم\nنهاية\n',
  zgh: 'ⴷⴷⵓ\nⵏⵏⴹ ⵥⵍⵎⴰⴹ\nⴰⵍⵙ 3 ⵜⵉⴽⴽⴰⵍ\n  ⴷⴷⵓ\nⵜⵉⴳⵉⵔⴰ\n',
};

for (const lang of ['en', 'fr', 'ar', 'zgh']) {
  for (const [width, height, name] of SIZES) {
    test(`${name} (${width}×${height}, ${lang}): the program, Run and the robot in one view`, async () => {
      const context = await app.browser.newContext({ viewport: { width, height }, hasTouch: true });
      await context.addInitScript((l) => localStorage.setItem('tafukt.v1.lang', l), lang);
      const page = await context.newPage();
      await page.goto(app.server.url);
      await page.waitForSelector(`html[lang="${lang}"] [data-testid=lesson] [data-testid=blocks]`);
      const put = async (palette, place) => {
        await page.locator(`[data-palette="${palette}"]`).tap();
        await page.locator(slot(place)).tap();
      };
      await put(TURN_LEFT, '/1');
      await put(REPEAT, '/2');
      await put(MOVE, '2:0/0');
      assert.equal(await page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1')),
        `${lang}\n${BUILT[lang]}`);
      // The pupil reaches for Run where they last tapped: nothing scrolls the page for them.
      const run = await seen(page, '[data-testid=run]');
      const robot = await seen(page, '.stage .robot');
      await page.screenshot({ path: `${OUT}/layout-${lang}-${name}.png` });
      assert.ok(run.inside && run.uncovered, `Run in view and uncovered: ${JSON.stringify(run)}`);
      assert.ok(robot.inside && robot.uncovered, `the robot in view and uncovered: ${JSON.stringify(robot)}`);
      // And it stays in view while the program runs to the flag.
      await page.getByTestId('speed').fill('5');
      await page.getByTestId('run').tap();
      await page.waitForSelector('[data-testid=goals][data-all-met="true"]');
      const after = await seen(page, '.stage .robot');
      assert.ok(after.inside && after.uncovered, `the robot in view at the flag: ${JSON.stringify(after)}`);
      await context.close();
    });
  }
}
