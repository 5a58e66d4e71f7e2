// The app under the strict Content-Security-Policy a school's server may send (issue 12):
// no inline script, no inline style, wasm compiled with 'wasm-unsafe-eval' only. The page
// reports every refusal as a `securitypolicyviolation` event; the test collects them while a
// pupil plays lesson 1 with blocks (the core app: picking marks, the running block, zoom),
// then opens the course map (the hand-over to the full app and its stylesheet), the text
// view's running line, the robot on wheels, an AI lesson, projector mode and the teacher
// studio (the studio app), and expects none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, useApp } from './app.mjs';
import { slot } from './places.mjs';

export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const app = useApp({ 'content-security-policy': POLICY });

async function openFromMap(page, id) {
  await page.getByTestId('map-toggle').click();
  await page.locator(`[data-testid=course-map] [data-lesson="${id}"]`).click();
  await page.waitForSelector(`[data-testid=lesson][data-lesson-id="${id}"]`);
}

test('every part of the app runs under the strict policy, with nothing refused', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__refused = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__refused.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=blocks]');

  // Lesson 1 with blocks: a picked block is outlined, the zoom grows the blocks.
  await page.locator('[data-palette="0"]').click();
  await page.locator(slot('/0')).click();
  await page.locator('[data-palette="1"]').click();
  await page.locator(slot('/0')).click();
  await page.locator('.program .block').first().click();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.program .block')).outlineStyle === 'solid');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.blocks-editor')).fontSize));
  const before = await size();
  await page.locator('[data-tool="bigger"]').click();
  await page.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('.blocks-editor')).fontSize) > b, before);
  // Stepping colours the running block and moves the robot (its transform follows the world).
  const robot = () => page.evaluate(() => document.querySelector('.stage .robot').getAttribute('transform'));
  const start = await robot();
  await page.getByTestId('step').click();
  await page.waitForFunction(() => [...document.querySelectorAll('.program .block > .head')]
    .some((h) => getComputedStyle(h).backgroundColor === 'rgb(255, 243, 196)'));
  await page.getByTestId('step').click();
  await page.waitForFunction((s) => document.querySelector('.stage .robot').getAttribute('transform') !== s, start);

  // The full app: course map, the text view's running line, the robot on wheels, AI, projector.
  await openFromMap(page, 'loops-1');
  await page.waitForSelector('html[data-part="full"]');
  await page.getByTestId('view-text').click();
  await page.getByTestId('step').click();
  await page.waitForFunction(() => {
    const band = document.querySelector('.line-band');
    return band && getComputedStyle(band).getPropertyValue('--line').trim() === '0';
  });
  await openFromMap(page, 'sensors-1');
  await page.waitForSelector('.stage.arena .robot[transform]');
  await openFromMap(page, 'ai-data-1');
  await page.getByTestId('projector').click();
  await page.waitForSelector('html[data-projector]');
  await page.screenshot({ path: `${OUT}/csp-projector-ai.png` });
  await page.getByTestId('projector').click();
  await page.waitForSelector('html:not([data-projector])');

  // The studio app (teacher mode's Studio button): its stylesheet, the world editor, the
  // block editor of a program, the preview of the instructions.
  await page.getByTestId('teacher-toggle').click();
  await page.getByTestId('studio').click();
  await page.waitForSelector('html[data-part="studio"] [data-testid=studio-panel]');
  await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/studio.css')));
  await page.getByTestId('studio-new').click();
  await page.getByTestId('studio-tool-flag').click();
  await page.locator('[data-testid=studio-cell][data-cell="2,2"]').click();
  await page.getByTestId('studio-instructions').fill('Go to the **flag**.');
  await page.locator('[data-testid=studio-preview] strong').waitFor();
  await page.locator('[data-testid=studio-starter] [data-palette="0"]').click();
  await page.locator(`[data-testid=studio-starter] ${slot('/0')}`).click();
  await page.waitForSelector('[data-testid=studio-starter] .program .block');

  assert.deepEqual(await page.evaluate(() => window.__refused), []);
  assert.deepEqual(errors, []);
  await context.close();
});
