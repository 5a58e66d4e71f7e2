// Where lesson 1's start goes once the wasm is here: Chromium at 800 × 1280 (touch), the CPU
// slowed 4×, a cold cache and no network throttle, the release build served plainly. Traces
// each load and prints, per run, when the wasm arrived, when the app started (trunk's
// `TrunkApplicationStarted`, after `main`) and when the Run button was on the page, then the
// main thread's busiest trace events in that span (from the wasm's arrival, or from the
// app's start with FROM_START=1). SLOW3G=1 adds bench/slow3g-ready.mjs's network (400 kbit/s,
// 400 ms round trips; served plainly here, so the wasm takes longer). A benchmark, never a test.
// Usage: node bench/start-trace.mjs (after `scripts/build`); RUNS=3 by default, DIST=dir.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = join(process.env.DIST ?? 'dist', path.endsWith('/') ? path + 'index.html' : path);
  try { const body = await readFile(file); res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }); res.end(body); }
  catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
for (let run = 0; run < Number(process.env.RUNS ?? 3); run++) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (process.env.SLOW3G) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8,
    });
  }
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); });
    new MutationObserver((_, o) => { if (document.querySelector('[data-testid=run]')) { window.__ready = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });
  });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,disabled-by-default-devtools.timeline,blink', transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== undefined);
  await cdp.send('Tracing.end'); await done;
  const t = await page.evaluate(() => ({ ready: window.__ready, started: window.__started, origin: performance.timeOrigin,
    wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd }));
  // trace ts are in µs of a monotonic clock; find the navigation start in it
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart');
  const base = nav ? nav.ts : Math.min(...events.filter((e) => e.ts).map((e) => e.ts));
  const from = base + (process.env.FROM_START ? t.started : t.wasm) * 1000, to = base + t.ready * 1000;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < from || e.ts > to || (main && (e.pid !== main.pid || e.tid !== main.tid))) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  console.log(`run ${run + 1}: wasm end ${t.wasm?.toFixed(0)} started ${t.started?.toFixed(0)} ready ${t.ready.toFixed(0)} (wasm→ready ${(t.ready - t.wasm).toFixed(0)} ms)`);
  for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`   ${v.toFixed(1).padStart(8)}  ${k}`);
  await context.close();
}
await browser.close(); server.close();
