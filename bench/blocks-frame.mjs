// Block editor benchmark in Chromium: a 1,000-block program (lesson 1's world), with the
// CPU slowed 4× like a cheap tablet (THROTTLE to change). Measures
//  - dragging a block: the time between animation frames while the pointer moves, picking
//    the block up included (the places to put it appear then), and
//  - editing: a tap on a palette block and a tap on a place: the work each causes, and
//    the frame it lands in.
// Prints `blocks-1000-frame-ms: <median frame while dragging>` last, and the edit times.
// Usage: node bench/blocks-frame.mjs (after `scripts/build`; DIST=dir for another build).
import { serveDir } from '../tests/e2e/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { block, slot } from '../tests/e2e/places.mjs';

const lines = [];
for (let i = 0; i < 100; i++) {
  lines.push('repeat 3 times', '  move', '  turn left', '  move', '  turn right', '  move', '  turn left', '  move', '  turn right', 'end', 'move');
}
const program = `en\n${lines.join('\n')}\n`;
const throttle = Number(process.env.THROTTLE ?? 4);

const server = await serveDir(process.env.DIST ?? 'dist');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript((p) => localStorage.setItem('tafukt.v1.program.first-steps-1', p), program);
await page.goto(server.url);
await page.waitForSelector(block('/199'));
const blocks = await page.locator('.program .block').count();
if (throttle > 1) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
}

const drag = await page.evaluate(
  (second) =>
    new Promise((done) => {
      const block = document.querySelector(second);
      const box = block.getBoundingClientRect();
      const at = (i) => ({ clientX: box.x + 20 + i * 4, clientY: box.y + 10 + i * 3, pointerId: 7, bubbles: true, isPrimary: true });
      block.dispatchEvent(new PointerEvent('pointerdown', at(0)));
      const times = [];
      let i = 0;
      const frame = (t) => {
        times.push(t);
        if (i < 120) {
          i += 1;
          block.dispatchEvent(new PointerEvent('pointermove', at(i)));
          requestAnimationFrame(frame);
        } else {
          block.dispatchEvent(new PointerEvent('pointercancel', at(i)));
          done(times.slice(1).map((v, k) => v - times[k]));
        }
      };
      requestAnimationFrame(frame);
    }),
  block('/1'),
);
await page.waitForSelector('[data-testid=blocks][data-picking="false"]');

// An edit: a tap on a palette block (pick), then a tap on a place (put). Each is measured
// two ways: the work (from the tap until the app has redrawn and the browser has laid the
// page out: Yew draws in a microtask, reading `offsetHeight` forces style and layout), and
// the frame the tap lands in (tapped at the start of a frame, until the next frame starts:
// 16.7 ms when it fits in one frame at 60 fps). The work's script part (the app's, until it
// has redrawn) is printed in brackets; the rest is the browser's style and layout.
const edit = (selector, picking) =>
  page.evaluate(
    ([selector, picking]) =>
      new Promise((done) => {
        requestAnimationFrame(async (start) => {
          const t0 = performance.now();
          document.querySelector(selector).click();
          const editor = document.querySelector('[data-testid=blocks]');
          for (let i = 0; editor.dataset.picking !== picking; i++) {
            await (i < 50 ? Promise.resolve() : new Promise((r) => setTimeout(r, 0)));
          }
          const script = performance.now() - t0;
          void document.body.offsetHeight;
          const work = performance.now() - t0;
          requestAnimationFrame((next) => done([work, next - start, script]));
        });
      }),
    [selector, picking],
  );
const picks = [];
const puts = [];
for (let k = 0; k < 7; k++) {
  picks.push(await edit('[data-palette="0"]', 'true'));
  await page.waitForSelector('[data-testid=blocks][data-picking="true"]');
  puts.push(await edit(slot(`/${k}`), 'false'));
  await page.waitForSelector('[data-testid=blocks][data-picking="false"]');
}
await browser.close();
await server.close();

const sorted = [...drag].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const p95 = sorted[Math.floor(sorted.length * 0.95)];
const longest = sorted[sorted.length - 1];
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
const work = (xs) => mid(xs.map((x) => x[0]));
const frame = (xs) => mid(xs.map((x) => x[1]));
const script = (xs) => mid(xs.map((x) => x[2]));
const edits = [...picks, ...puts];
console.log(`blocks on screen: ${blocks}, CPU throttle ${throttle}x`);
console.log(`blocks-1000-drag-longest-frame-ms: ${longest.toFixed(1)} (the frame the block is picked up: places appear)`);
console.log(`blocks-1000-drag-p95-ms: ${p95.toFixed(1)}`);
console.log(`blocks-1000-pick-ms: ${work(picks)} work (${script(picks)} script), ${frame(picks)} frame (tap a palette block; median of 7)`);
console.log(`blocks-1000-put-ms: ${work(puts)} work (${script(puts)} script), ${frame(puts)} frame (tap a place: the program changes and is redrawn; median of 7)`);
console.log(`blocks-1000-edit-frame-ms: ${frame(edits)} (pick and put together, median)`);
console.log(`blocks-1000-frame-ms: ${median.toFixed(1)}`);
