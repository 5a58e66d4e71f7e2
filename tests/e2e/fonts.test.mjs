// The fonts a Tamazight or Arabic pupil needs (issue 13, scripts/fonts.mjs): on a device
// without them, the page in Tamazight draws its Tifinagh with the shipped Noto Sans Tifinagh
// and the page in Arabic its Arabic with Noto Sans Arabic; a page in English downloads no
// font; the service worker keeps them; and the single file for USB sticks carries them.
// "A device without them" is made by taking `local()` out of the @font-face rules on their
// way to the page (this machine has Noto installed), so the woff2 must be fetched and used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OUT, useApp } from './app.mjs';

// Served under the strict policy of tests/e2e/csp.test.mjs: the rules and files are allowed.
const app = useApp({ 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" });
const SHOTS = process.env.SHOTS ?? OUT;
const FAMILY = { zgh: 'Noto Sans Tifinagh', ar: 'Noto Sans Arabic' };
const SAMPLE = { zgh: 'ⵜⴰⴼⵓⴽⵜ', ar: 'تافوكت' };
const withoutLocal = (css) => css.replace(/local\("[^"]*"\),/g, '');

/** Lesson 1 in `lang` on a fresh device; `noLocal` hides the installed fonts from the page.
 * Returns the page and the font files it requested. No service worker: its download of every
 * file for offline use is not the page asking for a font. */
async function open(lang, { noLocal = true, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await app.browser.newContext({ viewport, serviceWorkers: 'block' });
  await context.addInitScript((l) => {
    localStorage.setItem('tafukt.v1.lang', l);
    window.__refused = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(`${e.violatedDirective} ${e.blockedURI}`));
  }, lang);
  const fonts = [];
  context.on('request', (r) => {
    if (/\.woff2$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname.replace(/^\//, ''));
  });
  if (noLocal) {
    await context.route(/\/fonts-[0-9a-f]{16}\.css$/, async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: withoutLocal(await response.text()) });
    });
  }
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector(`html[lang="${lang}"] [data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=blocks]`);
  await page.evaluate(() => document.fonts.ready);
  return { context, page, fonts, refused: () => page.evaluate(() => window.__refused) };
}

/** The fonts Chromium drew `selector`'s text with: [{ familyName, isCustomFont, glyphCount }]. */
async function drawnWith(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  assert.ok(nodeId, `${selector} is on the page`);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

for (const lang of ['zgh', 'ar']) {
  test(`in ${lang}, on a device without the font, the page's script is drawn with the shipped font`, async () => {
    const { context, page, fonts, refused } = await open(lang);
    const family = FAMILY[lang];
    await page.waitForFunction((f) => [...document.fonts].some((face) => face.family.replace(/"/g, '') === f
      && face.weight === '400' && face.status === 'loaded'), family);
    assert.ok(await page.evaluate(([f, text]) => document.fonts.check(`20px "${f}"`, text), [family, SAMPLE[lang]]));
    const name = lang === 'zgh' ? 'tifinagh' : 'arabic-400';
    assert.ok(fonts.some((f) => new RegExp(`^fonts/${name}-[0-9a-f]{16}\\.woff2$`).test(f)), `the ${name} file was fetched: ${fonts}`);
    // The app's name in the header is drawn with it, every glyph (no box from another font).
    const used = await drawnWith(page, '.brand .name');
    assert.deepEqual(used.map((f) => [f.familyName, f.isCustomFont]), [[family, true]], JSON.stringify(used));
    // And so is code inside the instructions (a monospace stack).
    const code = await drawnWith(page, '.instructions code');
    assert.ok(code.some((f) => f.familyName === family && f.isCustomFont), JSON.stringify(code));
    // The other script's font is not fetched for a language that does not show it.
    const other = lang === 'zgh' ? 'arabic' : 'tifinagh';
    assert.ok(!fonts.some((f) => f.startsWith(`fonts/${other}`)), `no ${other} font in ${lang}: ${fonts}`);
    assert.deepEqual(await refused(), [], 'nothing refused by the policy');
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/fonts-${lang}-1280x800.png` });
    await context.close();
  });
}

test('in Arabic, bold text (the Run button) is drawn with the shipped bold face', async () => {
  const { context, page, fonts } = await open('ar');
  await page.waitForFunction(() => [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Noto Sans Arabic'
    && face.weight === '700' && face.status === 'loaded'));
  assert.ok(fonts.some((f) => /^fonts\/arabic-700-[0-9a-f]{16}\.woff2$/.test(f)), `the bold file was fetched: ${fonts}`);
  const used = await drawnWith(page, '[data-testid=run]');
  assert.ok(used.some((f) => f.familyName === 'Noto Sans Arabic' && f.isCustomFont), JSON.stringify(used));
  await context.close();
});

test('a device that has the font uses it and downloads nothing (local() first)', async (t) => {
  const installed = spawnSync('fc-list', [':family=Noto Sans Tifinagh', 'family'], { encoding: 'utf8' }).stdout ?? '';
  if (!installed.trim()) return t.skip('this machine has no Noto Sans Tifinagh installed');
  const { context, page, fonts } = await open('zgh', { noLocal: false });
  assert.deepEqual(fonts, []);
  assert.deepEqual(await drawnWith(page, '.brand .name').then((u) => u.map((f) => [f.familyName, f.isCustomFont])),
    [['Noto Sans Tifinagh', false]]);
  await context.close();
});

test('in English and French no font file is requested', async () => {
  for (const lang of ['en', 'fr']) {
    const { context, page, fonts } = await open(lang);
    // Also after a run (its status message).
    await page.getByTestId('run').click();
    await page.evaluate(() => document.fonts.ready);
    assert.deepEqual(fonts, [], `${lang}: no font fetched`);
    assert.deepEqual(await page.evaluate(() => [...new Set([...document.fonts].map((f) => f.status))]), ['unloaded']);
    await context.close();
  }
});

test('lesson 1 in Tamazight and Arabic, fonts forced from the app, at the four sizes', async () => {
  for (const lang of ['zgh', 'ar']) {
    for (const [width, height] of [[800, 1280], [1280, 800], [360, 640], [1920, 1080]]) {
      const { context, page } = await open(lang, { viewport: { width, height } });
      await page.waitForFunction((f) => [...document.fonts].some((face) => face.family.replace(/"/g, '') === f
        && face.status === 'loaded'), FAMILY[lang]);
      await page.screenshot({ path: `${SHOTS}/fonts-${lang}-${width}x${height}.png` });
      await context.close();
    }
  }
});

test('the fonts and their rules are in the service worker list, named by content', async () => {
  const get = async (path) => (await fetch(app.server.url + path)).text();
  const html = await get('index.html');
  const css = html.match(/href=\.?\/?(fonts-[0-9a-f]{16}\.css)/)?.[1];
  assert.ok(css, 'index.html links the fonts css');
  const rules = await get(css);
  const files = [...rules.matchAll(/url\((fonts\/[a-z0-9-]+-[0-9a-f]{16}\.woff2)\)/g)].map((m) => m[1]);
  assert.deepEqual(files.map((f) => f.replace(/-[0-9a-f]{16}\.woff2$/, '')).sort(), ['fonts/arabic-400', 'fonts/arabic-700', 'fonts/tifinagh']);
  // Each face: local() first, a unicode-range, font-display swap.
  for (const rule of rules.match(/@font-face\s*\{[^}]*\}/g)) {
    assert.match(rule, /src:\s*local\(/);
    assert.match(rule, /unicode-range:\s*U\+/);
    assert.match(rule, /font-display:\s*swap/);
  }
  const sw = await get('sw.js');
  const list = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  for (const f of [css, ...files]) assert.ok(list.includes(f), `${f} in the service worker's list`);
});

test('the single file for USB sticks carries the fonts', async () => {
  const dist = process.env.DIST ?? 'dist';
  const single = await readFile(join(dist, 'tafukt.html'), 'utf8').catch(() => null);
  if (single === null) return; // debug builds have none
  assert.ok(!/url\(fonts\//.test(single), 'no font is fetched beside the file');
  const file = join(tmpdir(), `tafukt-fonts-${process.pid}.html`);
  await writeFile(file, withoutLocal(single));
  const context = await app.browser.newContext({ viewport: { width: 800, height: 1280 } });
  await context.addInitScript(() => localStorage.setItem('tafukt.v1.lang', 'zgh'));
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[lang="zgh"] [data-testid=lesson] [data-testid=blocks]');
  await page.waitForFunction(() => [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Noto Sans Tifinagh'
    && face.status === 'loaded'));
  const used = await drawnWith(page, '.brand .name');
  assert.deepEqual(used.map((f) => [f.familyName, f.isCustomFont]), [['Noto Sans Tifinagh', true]], JSON.stringify(used));
  await context.close();
});
