// A pupil's work survives any storage, keeps a short history, and travels by link: no store
// at all (private mode), a full store, damaged saved values, earlier versions brought back,
// a share link opened where the pupil already has another program, and hostile links.
// Every wait is on the app's own state (data attributes), never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { OUT, openLesson, useApp, watchedPage } from './app.mjs';
import { slot } from './places.mjs';

const app = useApp();
const SHOTS = process.env.SHOTS ?? OUT;
const lesson1 = '[data-testid=lesson][data-lesson-id="first-steps-1"] [data-testid=run]';
const MOVE = 0; // the palette's place of `move` in lesson 1 (its toolbox's first block)
const KEY = 'tafukt.v1.program.first-steps-1';

/** Adds a `move` at the end of lesson 1's program with two taps (the core app's blocks). */
async function addMove(page, at) {
  await page.locator(`[data-palette="${MOVE}"]`).click();
  await page.locator(slot(`/${at}`)).click();
}

/** A share link's payload for `text` (raw deflate, base64url), as the app writes them. */
function payload(text) {
  return deflateRawSync(Buffer.from(text)).toString('base64url');
}

async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('with no storage at all (private mode) the page works, says so, and keeps the work for the session', async () => {
  const context = await app.browser.newContext({ viewport: { width: 800, height: 1280 } });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const { page, errors } = await watchedPage(context);
  await page.goto(app.server.url);
  await page.waitForSelector(lesson1);
  const note = page.locator('[data-testid=storage-note][data-trouble="off"]');
  await note.waitFor();
  assert.match(await note.textContent(), /will not keep your work.*file/);
  await addMove(page, 1);
  await page.waitForFunction((key) => window.tafuktMemory?.[key] === 'en\nmove\nmove\n', KEY);
  await shot(page, 'storage-off-en-800');
  // The full app (after a hand-over) finds the session's work in the page's memory.
  await page.getByTestId('map-toggle').click();
  await page.locator('[data-testid=course-map] [data-lesson="first-steps-1"]').click();
  await page.getByTestId('view-text').click();
  assert.equal(await page.getByTestId('source').inputValue(), 'move\nmove\n');
  await page.locator('[data-testid=storage-note][data-trouble="off"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full device: the last change is not saved, nothing saved is lost, and the next edit tries again', async () => {
  const context = await app.browser.newContext({ viewport: { width: 360, height: 640 } });
  // Every write throws as a full store does, while the page's test switch is on.
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (this.getItem('test.full') === '1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const { page, errors } = await watchedPage(context);
  await page.goto(app.server.url);
  await page.waitForSelector(lesson1);
  await page.waitForFunction((key) => localStorage.getItem(key) === 'en\nmove\n', KEY);
  const before = {
    'tafukt.v1.program.first-steps-2': 'en\nturn left\nmove\n',
    'tafukt.v1.progress.first-steps-2': '2',
  };
  await page.evaluate((before) => {
    for (const [k, v] of Object.entries(before)) localStorage.setItem(k, v);
    localStorage.setItem('test.full', '1');
  }, before);
  await addMove(page, 1);
  const note = page.locator('[data-testid=storage-note][data-trouble="full"]');
  await note.waitFor();
  assert.match(await note.textContent(), /could not be saved/);
  await shot(page, 'storage-full-en-360');
  // The device keeps what it had; the page keeps the new program.
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.equal(stored[KEY], 'en\nmove\n');
  for (const [k, v] of Object.entries(before)) assert.equal(stored[k], v, k);
  assert.equal(await page.evaluate((key) => window.tafuktMemory[key], KEY), 'en\nmove\nmove\n');
  // Space again: the next edit is saved, and the note goes.
  await page.evaluate(() => localStorage.removeItem('test.full'));
  await addMove(page, 2);
  await page.waitForFunction((key) => localStorage.getItem(key) === 'en\nmove\nmove\nmove\n', KEY);
  await page.locator('[data-testid=storage-note]').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('damaged saved values are read as best as possible, and nothing else on the device changes', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(app.server.url);
  await page.waitForSelector(lesson1);
  const damaged = {
    // No language tag, markup, and a lone surrogate (not valid UTF-16).
    [KEY]: 'xx\n<b data-x>bold</b> \uD800 move',
    'tafukt.v1.progress.first-steps-1': 'lots',
    'tafukt.v1.progress.first-steps-2': '999',
    'tafukt.v1.history.first-steps-1': '1 en 99999\nbroken',
    'tafukt.v1.program.first-steps-3': `en\n${'move\n'.repeat(60_000)}`,
    'another.app': 'keep me',
  };
  await page.evaluate((damaged) => {
    for (const [k, v] of Object.entries(damaged)) localStorage.setItem(k, v);
    localStorage.setItem('tafukt.v1.editor', 'text');
  }, damaged);
  await page.reload();
  // The text view is a full-app part: the page hands over, and reads the same values.
  await page.waitForSelector('html[data-part="full"] [data-testid=source]');
  assert.equal(await page.getByTestId('source').inputValue(), 'xx\n<b data-x>bold</b> \uFFFD move');
  assert.equal(await page.locator('[data-testid=lesson] b[data-x]').count(), 0, 'markup stays text');
  // The earlier versions of a damaged history: none, and no failure.
  await page.getByTestId('history-toggle').click();
  await page.getByTestId('history-empty').waitFor();
  // Stars: unreadable is none, too many is the most there are.
  await page.getByTestId('map-toggle').click();
  await page.waitForSelector('[data-testid=course-map] [data-lesson="first-steps-2"][data-stars="3"]');
  assert.equal(await page.locator('[data-lesson="first-steps-1"]').getAttribute('data-stars'), '0');
  // An enormous program opens cut to its first lines, and the pupil is told.
  await page.locator('[data-testid=course-map] [data-lesson="first-steps-3"]').click();
  await page.locator('[data-testid=storage-note][data-trouble="damaged"]').waitFor();
  const length = (await page.getByTestId('source').inputValue()).length;
  assert.ok(length > 90_000 && length <= 100_000, `${length}`);
  const after = await page.evaluate(() => ({ ...localStorage }));
  for (const k of ['tafukt.v1.progress.first-steps-1', 'tafukt.v1.progress.first-steps-2', 'another.app']) {
    assert.equal(after[k], damaged[k], k);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('earlier versions: kept before a restart and after a pause, listed, and brought back (undoably)', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.install();
  await openLesson(app, page, 'first-steps-1');
  const source = page.getByTestId('source');
  await source.fill('move\nmove\n');
  // "Start this lesson again" keeps the program first.
  await page.getByTestId('restore-starter').click();
  assert.equal(await source.inputValue(), 'move\n');
  await source.fill('turn left\n');
  await page.waitForFunction((key) => localStorage.getItem(key) === 'en\nturn left\n', KEY);
  // After a pause in editing, the program as it was becomes an earlier version.
  await page.clock.fastForward(11_000);
  await source.fill('turn left\nturn left\n');
  await page.waitForFunction(() => (localStorage.getItem('tafukt.v1.history.first-steps-1') ?? '').includes('turn left'));
  await page.getByTestId('history-toggle').click();
  const versions = page.getByTestId('history-version');
  await versions.first().waitFor();
  assert.equal(await versions.count(), 2);
  assert.match(await versions.nth(0).textContent(), /turn left/);
  assert.match(await versions.nth(1).textContent(), /move\s*move/);
  assert.match(await versions.nth(1).locator('.history-when').textContent(), /2 lines/);
  await versions.nth(1).getByTestId('history-restore').click();
  assert.equal(await source.inputValue(), 'move\nmove\n');
  // The program it replaced is the newest earlier version: the restore can be undone.
  assert.match(await versions.nth(0).textContent(), /turn left\s*turn left/);
  await versions.nth(0).getByTestId('history-restore').click();
  assert.equal(await source.inputValue(), 'turn left\nturn left\n');
  await page.waitForFunction((key) => localStorage.getItem(key) === 'en\nturn left\nturn left\n', KEY);
  // A language switch reprints the program: the program as it was is kept first.
  await page.getByTestId('language').selectOption('fr');
  await page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('fr\n'), KEY);
  const history = await page.evaluate(() => localStorage.getItem('tafukt.v1.history.first-steps-1'));
  assert.match(history, /^\d+ en 20\nturn left\nturn left\n/);
  await context.close();
});

test('a share link opens its lesson in a fresh device, asks before replacing, and keeps the old program', async () => {
  const shared = 'move\nturn left\n# <img src=x onerror="window.pwned=1">\nsay "<script>window.pwned=2</script>"\n';
  const a = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const pageA = await a.newPage();
  await openLesson(app, pageA, 'first-steps-1');
  await pageA.getByTestId('source').fill(shared);
  await pageA.getByTestId('share-link').click();
  const link = await pageA.getByTestId('share-url').inputValue();
  assert.match(link, /#p=[A-Za-z0-9_-]+$/);
  await a.close();

  const b = await app.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await b.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector(lesson1);
  await page.evaluate(() => {
    localStorage.setItem('tafukt.v1.program.first-steps-1', 'en\nturn right\nmove\n');
    localStorage.setItem('tafukt.v1.lesson', 'first-steps-2');
    localStorage.setItem('tafukt.v1.editor', 'text');
  });
  await page.goto('about:blank');
  await page.goto(link);
  const prompt = page.getByTestId('link-prompt');
  await prompt.waitFor();
  await page.waitForSelector('html[data-part="full"] [data-testid=lesson][data-lesson-id="first-steps-1"]');
  assert.equal(await page.getByTestId('source').inputValue(), 'turn right\nmove\n', 'nothing replaced before the pupil says so');
  await shot(page, 'share-ask-en-800');
  await page.getByTestId('link-replace').click();
  assert.equal(await page.getByTestId('source').inputValue(), shared);
  await page.waitForFunction(() => !location.hash, null, { timeout: 5000 });
  await page.getByTestId('history-toggle').click();
  assert.match(await page.getByTestId('history-version').first().textContent(), /turn right/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('[data-testid=lesson] img, [data-testid=lesson] script').count(), 0);
  assert.deepEqual(errors, []);
  await b.close();
});

test('hostile links get a message, and nothing is overwritten or rendered', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(app.server.url);
  await page.waitForSelector(lesson1);
  await page.evaluate(() => localStorage.setItem('tafukt.v1.program.first-steps-1', 'en\nturn right\n'));
  const cases = [
    ['!!not-a-link<b>', 'share.malformed'],
    [payload('1\nfirst-steps-1\nen\n' + 'a'.repeat(16 << 20)), 'share.too-large'],
    ['A'.repeat(40_000), 'share.too-large'],
    [payload('1\nno-such-lesson\nen\nmove\n'), 'share.unknown-lesson'],
    [payload('1\n<img src=x onerror=alert(1)>\nen\nmove\n'), 'share.malformed'],
  ];
  for (const [p, problem] of cases) {
    await page.goto('about:blank');
    await page.goto(`${app.server.url}#p=${p}`);
    const refused = page.locator(`[data-testid=link-refused][data-problem="${problem}"]`);
    await refused.waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('tafukt.v1.program.first-steps-1')), 'en\nturn right\n');
  }
  await shot(page, 'share-refused-en-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the messages and the earlier versions, pictured in English and Arabic at 800×1280 and 360×640', async () => {
  const noStore = () =>
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  const fullStore = () => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  for (const lang of ['en', 'ar']) {
    for (const [width, height] of [[800, 1280], [360, 640]]) {
      const open = async (script) => {
        // The browser's language picks the page's (nothing may be saved in these).
        const context = await app.browser.newContext({ viewport: { width, height }, locale: lang });
        if (script) await context.addInitScript(script);
        const page = await context.newPage();
        await page.goto(app.server.url);
        await page.waitForSelector(`html[lang="${lang}"] ${lesson1}`);
        return [context, page];
      };
      for (const [trouble, script] of [['off', noStore], ['full', fullStore]]) {
        const [context, page] = await open(script);
        const note = page.locator(`[data-testid=storage-note][data-trouble="${trouble}"]`);
        await note.waitFor();
        await note.scrollIntoViewIfNeeded();
        await shot(page, `storage-${trouble}-${lang}-${width}`);
        await context.close();
      }
      const [context, page] = await open();
      await page.evaluate(() => {
        const now = Date.now();
        const v = (t, s) => `${now - t} en ${new TextEncoder().encode(s).length}\n${s}`;
        localStorage.setItem('tafukt.v1.history.first-steps-1',
          v(60_000, 'move\nturn left\nrepeat 3 times\n  move\nend\n') + v(3_600_000, 'move\nmove\n'));
        localStorage.setItem('tafukt.v1.editor', 'text');
      });
      await page.reload();
      await page.waitForSelector('html[data-part="full"] [data-testid=source]');
      await page.getByTestId('history-toggle').click();
      await page.getByTestId('history').waitFor();
      await page.getByTestId('history-toggle').scrollIntoViewIfNeeded();
      await shot(page, `history-${lang}-${width}`);
      await page.getByTestId('share-link').click();
      await page.getByTestId('share-url').scrollIntoViewIfNeeded();
      await shot(page, `share-${lang}-${width}`);
      await page.evaluate(() => localStorage.setItem('tafukt.v1.program.first-steps-1', 'en\nturn right\n'));
      await page.goto('about:blank');
      await page.goto(`${app.server.url}#p=${payload('1\nfirst-steps-1\nen\nmove\nturn left\n')}`);
      await page.getByTestId('link-prompt').waitFor();
      await shot(page, `link-ask-${lang}-${width}`);
      await page.goto('about:blank');
      await page.goto(`${app.server.url}#p=${payload('1\nno-such-lesson\nen\nmove\n')}`);
      await page.getByTestId('link-refused').waitFor();
      await shot(page, `link-refused-${lang}-${width}`);
      await context.close();
    }
  }
});
