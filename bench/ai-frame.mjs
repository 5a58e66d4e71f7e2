// AI work in the page, as a pupil's tablet feels it: the full app in Chromium with the CPU
// slowed four times, running an AI lesson's program; the longest task while it runs (a
// PerformanceObserver of long tasks, 50 ms and over; 0 means every task was shorter) and the
// run's whole time. Prints `ai-practise-300-longest-task-ms` (a maze, 300 practice runs in one
// built-in call), `ai-record-20-longest-task-ms` (20 examples recorded, the model judged on
// 100 held-out items and drawn after each action). Each program runs twice in the same page:
// the first Run is cold (the browser compiles the full app's code the first time it is
// called), the second, after Reset, is what every later run feels. A benchmark, never a test.
// Usage: node bench/ai-frame.mjs (after `scripts/build`); DIST=folder to choose a build.
import { serveDir } from '../tests/e2e/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const server = await serveDir(process.env.DIST ?? 'dist');
const browser = await launch();

async function measure(lesson, source) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=lesson]');
  await page.getByTestId('map-toggle').click();
  await page.locator(`[data-testid=course-map] [data-lesson="${lesson}"]`).click();
  await page.waitForSelector(`[data-testid=lesson][data-lesson-id="${lesson}"]`);
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill(source);
  await page.getByTestId('speed').fill('5');
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const once = async () => {
    await page.evaluate(() => { window.__long = []; });
    const start = Date.now();
    await page.getByTestId('run').click();
    await page.waitForSelector('[data-testid=status][data-phase="success"], [data-testid=status][data-phase="finished"]', { timeout: 120_000 });
    const whole = Date.now() - start;
    return { longest: await page.evaluate(() => Math.round(Math.max(0, ...window.__long))), whole };
  };
  const cold = await once();
  await page.getByTestId('reset').click();
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  const warm = await once();
  await page.close();
  return { cold, warm };
}

const line = (name, { cold, warm }) =>
  `${name}: ${cold.longest} (first run, ${cold.whole} ms at 4x CPU); ${warm.longest} (next run, ${warm.whole} ms)`;

const maze = await measure('ai-reward-1', 'practise 300\nwhile not at flag\n  best move\nend\n');
console.log(line('ai-practise-300-longest-task-ms', maze));
const data = await measure('ai-data-3', 'repeat 20 times\n  move\n  if tile colour = green\n    record "olive"\n  else\n    record "stone"\n  end\nend\n');
console.log(line('ai-record-20-longest-task-ms', data));
await browser.close();
await server.close();
