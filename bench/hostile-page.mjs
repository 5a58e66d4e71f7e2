// The hostile corpus in the page, as a pupil's tablet feels it: the programs of tests/hostile/
// (values nested in themselves, thousands of terms, brackets and nested blocks, too many
// variables, endless loops, deep recursion, a robot turning for ever, words of other
// languages), each put into the text view of the full app as a paste would and run at full
// speed. Prints, for each, the longest task from
// typing to the end of the run (PerformanceObserver long tasks, 50 ms and over; 0 means every
// task was shorter), how long it took to end and the message it ended with; then
// `hostile-page-longest-task-ms: N`, the worst. The bound is 200 ms. A benchmark,
// never a test.
// Lesson 1 allows four blocks, so the page plays a copy of the build whose lesson 1 allows
// every block (bundled again by `tafukt bundle` into a scratch folder).
// Usage: node bench/hostile-page.mjs (after `scripts/build`); DIST=folder to choose a
// build, CPU=4 to slow the CPU four times.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDir } from '../tests/e2e/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'tafukt-hostile-'));
const dist = join(scratch, 'dist');
cpSync(process.env.DIST ?? 'dist', dist, { recursive: true });
cpSync('lessons', join(scratch, 'lessons'), { recursive: true });
const first = join(scratch, 'lessons', 'first-steps-1.json');
const lesson = JSON.parse(readFileSync(first, 'utf8'));
lesson.toolbox = [...lesson.toolbox, 'while', 'if', 'else', 'for_each', 'define', 'variables', 'arithmetic', 'compare', 'logic', 'lists', 'note', 'say', 'turn_right'];
writeFileSync(first, JSON.stringify(lesson, null, 2));
execFileSync('cargo', ['run', '-q', '-p', 'tafukt-cli', '--', 'bundle', join(scratch, 'lessons'), 'crates/i18n/messages', dist], { stdio: 'inherit' });

// The corpus the native tests run (tests/hostile/, crates/lesson/tests/hostile.rs), and a
// pasted program of 70,000 lines, longer than a program may be.
const corpus = readdirSync('tests/hostile')
  .filter((f) => f.endsWith('.tfk'))
  .sort()
  .map((f) => [f.replace(/\.tfk$/, ''), readFileSync(join('tests/hostile', f), 'utf8')]);
corpus.push(['pasted-70000-lines', Array.from({ length: 70_000 }, (_, i) => `v${i} = 0\n`).join('')]);

const server = await serveDir(dist);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector('[data-testid=lesson]');
await page.getByTestId('map-toggle').click();
await page.locator('[data-testid=course-map] [data-lesson="first-steps-1"]').click();
await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"]');
await page.getByTestId('view-text').click();
await page.getByTestId('speed').fill('5');
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
});
const cpu = Number(process.env.CPU ?? 1);
if (cpu > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });

let worst = 0;
for (const [name, source] of corpus) {
  // Each program starts from an empty editor, so none pays for the one before.
  await page.getByTestId('source').evaluate((area) => {
    area.value = '';
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => { window.__long = []; });
  const start = Date.now();
  // Put in as one paste would be (one input event). Playwright's `fill` types it through the
  // browser's editing commands, which take seconds a line for tens of thousands of lines: the
  // browser's cost, not the app's, and not what a pupil's paste does.
  await page.getByTestId('source').evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, source);
  // A program the editor already refuses (too deep, too long) never starts.
  const ended = ['success', 'finished', 'failed'].map((p) => `[data-testid=status][data-phase="${p}"]`).join(', ');
  await page.waitForSelector(`[data-testid=status][data-phase="ready"], ${ended}`);
  if (await page.getByTestId('run').isEnabled()) await page.getByTestId('run').click();
  await page.waitForSelector(ended, { timeout: 300_000 });
  const took = Date.now() - start;
  const longest = await page.evaluate(() => Math.round(Math.max(0, ...window.__long)));
  const said = (await page.getByTestId('status').textContent()).replace(/\s+/g, ' ').slice(0, 90);
  worst = Math.max(worst, longest);
  console.log(`hostile-${name}: longest task ${longest} ms, ended after ${took} ms: ${said}`);
}
console.log(`hostile-page-longest-task-ms: ${worst} (CPU ${cpu}x)`);
await browser.close();
await server.close();
rmSync(scratch, { recursive: true, force: true });
