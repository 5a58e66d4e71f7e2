// Grid benchmark in Chromium: a 100 × 100 grid with 1,000 items, a program that walks the
// top half of the grid (24 sweeps there and back: 4,896 actions, within a run's 5,000),
// animated at the fastest speed (one action per frame).
// Measures the time between animation frames while it runs and prints
// `grid-frame-ms: <median>` (and the 95th percentile). 16.7 ms means 60 frames per second.
// THROTTLE=4 slows the CPU four times (Chromium's own emulation), like a cheap tablet.
// The starter, which the run animates, stops a row short of the flag (a lesson's starter never
// passes). Usage: node bench/grid-frame.mjs (after `scripts/build`; DIST=dir for another build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir } from '../tests/e2e/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const SIDE = 100;
const items = [];
for (let i = 0; items.length < Number(process.env.ITEMS ?? 1000); i++) {
  const x = (i * 37) % SIDE;
  const y = (i * 53 + Math.floor(i / SIDE)) % SIDE;
  if (!items.some((it) => it.x === x && it.y === y)) items.push({ x, y, kind: i % 3 ? 'olive' : 'date', count: 1 + (i % 3) });
}
const walk = 'repeat 24 times\n  repeat 99 times\n    move\n  end\n  turn right\n  move\n  turn right\n  repeat 99 times\n    move\n  end\n  turn left\n  move\n  turn left\nend\n';
const en = (t) => ({ en: t, fr: t, ar: t, zgh: t });
const lesson = {
  schema_version: 1, id: 'bench-grid', title: en('Benchmark'), instructions: en('Benchmark'),
  world: { grid: { width: SIDE, height: SIDE, robot: { x: 0, y: 0, heading: 'east' }, items } },
  toolbox: ['move', 'turn_left', 'turn_right', 'repeat'], starter: walk, goals: [{ robot_at: { x: 0, y: 49 } }], solution: `${walk}turn right\nmove\n`, reviewed: ['en'],
};
const index = { schema_version: 1, courses: [{ id: 'b', title: en('B'), units: [{ id: 'u', title: en('U'), lessons: ['bench-grid'] }] }] };

// The app reads lessons in their bundled form: bundle this one with the command line.
const work = mkdtempSync(join(tmpdir(), 'tafukt-bench-'));
mkdirSync(join(work, 'src'));
writeFileSync(join(work, 'src', 'index.json'), JSON.stringify(index));
writeFileSync(join(work, 'src', 'bench-grid.json'), JSON.stringify(lesson));
execFileSync('cargo', ['run', '-q', '-p', 'tafukt-cli', '--', 'bundle', join(work, 'src'), 'crates/i18n/messages', join(work, 'out')]);
const bundled = (name) => readFileSync(join(work, 'out', 'lessons', 'en', name));

const server = await serveDir(process.env.DIST ?? 'dist');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.route('**/lessons/*/index.bin', (r) => r.fulfill({ body: bundled('index.bin') }));
await page.route('**/lessons/*/bench-grid.bin', (r) => r.fulfill({ body: bundled('bench-grid.bin') }));
const throttle = Number(process.env.THROTTLE ?? 1);
if (throttle > 1) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
}
await page.goto(server.url);
await page.waitForSelector('[data-testid=lesson][data-lesson-id="bench-grid"]');
await page.getByTestId('speed').fill('5');
await page.getByTestId('run').click();
await page.waitForSelector('[data-testid=status][data-phase="running"]');
const deltas = await page.evaluate(
  () =>
    new Promise((done) => {
      const times = [];
      const tick = (t) => {
        times.push(t);
        if (times.length < 301) requestAnimationFrame(tick);
        else done(times.slice(1).map((v, i) => v - times[i]));
      };
      requestAnimationFrame(tick);
    }),
);
const steps = await page.evaluate(() => document.querySelector('.saved').textContent);
await browser.close();
await server.close();
deltas.sort((a, b) => a - b);
const median = deltas[Math.floor(deltas.length / 2)];
const p95 = deltas[Math.floor(deltas.length * 0.95)];
console.log(`frames measured: ${deltas.length} (${steps.trim()}), CPU throttle ${throttle}x`);
console.log(`grid-frame-p95-ms: ${p95.toFixed(1)}`);
console.log(`grid-frame-ms: ${median.toFixed(1)}`);
