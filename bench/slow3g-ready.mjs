// How long a pupil on a slow link waits for lesson 1: the release build served with brotli
// (as a school's server or a CDN would), Chromium with an 800 × 1280 touch viewport, Slow 3G
// (400 kbit/s down and up, 400 ms round trips) and the CPU slowed four times, cold cache.
// "Ready" is the moment the Run button is on the page, taken inside the page. Prints each
// run, then `slow3g-ready-ms: <median of RUNS>` and, for a repeat visit in the same browser
// profile (the service worker keeps the app), `repeat-ready-ms: <median>`. Also lists when
// each file arrived in the last cold run (the waterfall). A benchmark, never a test.
// Usage: node bench/slow3g-ready.mjs (after `scripts/build`); RUNS=3 by default, DIST=dir
// for another build.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const compressed = new Map();
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(process.env.DIST ?? 'dist', path.endsWith('/') ? path + 'index.html' : path);
  try {
    if (!compressed.has(file)) {
      const body = await readFile(file);
      compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    const body = compressed.get(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'br', 'content-length': body.length });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();

/** Opens the app in `page` under Slow 3G and a 4× slower CPU; ms until Run is on the page. */
async function ready(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid=run]')) {
        window.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => Math.round(window.__ready));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const repeat = [];
let waterfall = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  cold.push(await ready(page));
  waterfall = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => [e.name.replace(location.origin + '/', ''), Math.round(e.startTime), Math.round(e.responseEnd)]));
  // A repeat visit: the service worker has kept the app once the first lesson was shown.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 120_000 });
  const again = await context.newPage();
  repeat.push(await ready(again));
  console.log(`run ${i + 1}: cold ${cold.at(-1)} ms, repeat ${repeat.at(-1)} ms`);
  await context.close();
}
console.log('waterfall of the last cold run (file, start ms, end ms):');
for (const [name, start, end] of waterfall) console.log(`  ${name.padEnd(48)} ${String(start).padStart(6)} ${String(end).padStart(6)}`);
console.log(`slow3g-ready-ms: ${median(cold)}`);
console.log(`repeat-ready-ms: ${median(repeat)}`);
await browser.close();
server.close();
