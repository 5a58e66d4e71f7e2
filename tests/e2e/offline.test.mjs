// Schools can be without a connection for days: after one visit, Tafukt must open and work
// offline, every lesson and language included (the service worker, `web/sw.js`).
// Every wait is on the app's or the browser's own state, never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './app.mjs';

const app = useApp();

test('after one visit, Tafukt opens with no connection, with lessons and languages it has not shown yet', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=blocks]');
  // The worker takes the page once it has stored every file of the build.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=blocks]');
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  // A lesson never opened, then another language, both from the device.
  await page.getByTestId('next-lesson').click();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-2"]');
  await page.getByTestId('language').selectOption('zgh');
  await page.waitForSelector('html[lang="zgh"]');
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-2"] [data-testid=blocks]');
  assert.equal(await page.locator('#boot-error').isHidden(), true);
  // And the pupil's program runs.
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals]');
  await context.close();
});
