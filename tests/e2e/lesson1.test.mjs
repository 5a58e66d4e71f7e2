// The teacher's flow from the foundation issue, as a pupil does it: open the app, type the
// solution into the editor, press Run, watch the running line, see every goal met, reload
// and find the program still there; then switch to Arabic and see the page mirror.
// Every wait is on the app's own state (data attributes), never on a sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, openLesson, useApp, watchedPage } from './app.mjs';

const app = useApp();

test('a pupil solves lesson 1 by typing, and the program survives a reload', async () => {
  const context = await app.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"]');
  // This pupil types: the text view, instead of the blocks shown first.
  await page.getByTestId('view-text').click();
  const source = page.locator('[data-testid=source]');
  assert.equal(await source.inputValue(), 'move\n', 'the starter program is in the editor');

  await source.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('move\nturn left\nrepeat 3 times\n  move\nend\n');
  await page.getByTestId('run').click();

  // The running line is highlighted while the robot walks up the column.
  await page.waitForSelector('[data-testid=editor][data-active-line="4"]');
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  assert.equal(await page.getByTestId('status').getAttribute('data-phase'), 'success');
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '1,0,north');
  await page.screenshot({ path: `${OUT}/lesson1-solved-en.png`, fullPage: true });

  // Replay: scrub back to the start, then step forward; robot and highlight move together.
  await page.getByTestId('scrub').fill('0');
  await page.waitForSelector('[data-testid=stage][data-robot="0,3,east"]');
  assert.equal(await page.getByTestId('editor').getAttribute('data-active-line'), '0');
  await page.getByTestId('step-forward').click();
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,east"]');
  assert.equal(await page.getByTestId('editor').getAttribute('data-active-line'), '1');
  await page.getByTestId('step-forward').click();
  await page.waitForSelector('[data-testid=stage][data-robot="1,3,north"]');
  assert.equal(await page.getByTestId('editor').getAttribute('data-active-line'), '2');
  await page.screenshot({ path: `${OUT}/lesson1-replay-en.png`, fullPage: true });

  await page.reload();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"]');
  assert.equal(
    await page.getByTestId('source').inputValue(),
    'move\nturn left\nrepeat 3 times\n  move\nend\n',
    'the program is still there after a reload',
  );

  await page.getByTestId('language').selectOption('ar');
  await page.waitForSelector('html[dir="rtl"][lang="ar"]');
  await page.waitForFunction(() => document.querySelector('[data-testid=source]').value.startsWith('تقدم'));
  assert.equal(
    await page.getByTestId('source').inputValue(),
    'تقدم\nاستدر يسارا\nكرر 3 مرات\n  تقدم\nنهاية\n',
    'the program is shown with Arabic keywords',
  );
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  await page.screenshot({ path: `${OUT}/lesson1-solved-ar.png`, fullPage: true });
  assert.deepEqual(errors, [], 'no script error on the page');
  await context.close();
});

test('a runtime error names the line in the pupil language, and nothing freezes', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // A lesson whose toolbox has `while` (lesson 1's has not: it would refuse the program).
  await page.addInitScript(() => localStorage.setItem('tafukt.v1.lesson', 'conditions-2'));
  await page.goto(app.server.url);
  await page.getByTestId('language').selectOption('fr');
  await page.waitForSelector('html[lang="fr"]');
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="conditions-2"]');
  await page.getByTestId('view-text').click();
  const source = page.getByTestId('source');
  await source.fill('tant que vrai\nfin\n');
  await page.getByTestId('run').click();
  // An endless loop with no robot action must end with a message, not a frozen tab.
  await page.waitForSelector('[data-testid=status][data-phase="failed"]', { timeout: 30_000 });
  const status = await page.getByTestId('status').textContent();
  assert.match(status, /Ligne 1/);
  assert.match(status, /boucle/);
  await context.close();
});

test('a language switch in the middle of a program: the pupil finishes it in the new language, and Run reads both', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(app.server.url);
  await page.getByTestId('language').selectOption('fr');
  await page.waitForSelector('html[lang="fr"] [data-testid=lesson][data-lesson-id="first-steps-1"]');
  await page.getByTestId('view-text').click();
  const source = page.getByTestId('source');
  // Half-typed in French (the loop has no `fin` yet): it cannot be reprinted, so it stays.
  await source.fill('avancer\ntourner à gauche\nrépéter 3 fois\n  avancer\n');
  await page.getByTestId('language').selectOption('ar');
  await page.waitForSelector('html[lang="ar"] [data-testid=source]');
  assert.equal(await source.inputValue(), 'avancer\ntourner à gauche\nrépéter 3 fois\n  avancer\n');
  // The pupil ends it in Arabic; Run reads both languages and shows it all in Arabic.
  await source.fill(`${await source.inputValue()}نهاية\n`);
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  assert.equal(await source.inputValue(), 'تقدم\nاستدر يسارا\nكرر 3 مرات\n  تقدم\nنهاية\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a completed lesson earns stars, leads to the next, and shows on the course map', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"]');
  await page.getByTestId('view-text').click();
  await page.getByTestId('source').fill('move\nturn left\nrepeat 3 times\n  move\nend\n');
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=complete][data-stars="2"]', { timeout: 30_000 });
  // The lesson's Markdown arrived as nodes: inline code is a <code> element, not text.
  assert.equal(await page.locator('.instructions p code').first().textContent(), 'repeat 3 times … end');
  // A question to think about: a wrong answer says so, the right one is confirmed.
  const quiz = page.getByTestId('quiz');
  await quiz.locator('button').nth(0).click();
  await quiz.locator('.wrong').waitFor();
  await quiz.locator('button').nth(1).click();
  await quiz.locator('.right').waitFor();
  await page.getByTestId('complete-next').click();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-2"]');
  await page.getByTestId('map-toggle').click();
  await page.waitForSelector('[data-testid=course-map] [data-lesson="first-steps-1"][data-stars="2"]');
  const next = page.locator('[data-testid=course-map] .map-lesson.next');
  assert.equal(await next.getAttribute('data-lesson'), 'first-steps-2');
  // Titles arrive as the map opens; wait for the first one, then keep a picture.
  await page.waitForFunction(() => document.querySelector('[data-lesson="first-steps-1"] .title')?.textContent.length > 0);
  await page.screenshot({ path: `${OUT}/course-map-en.png`, fullPage: true });
  await page.locator('[data-testid=course-map] [data-lesson="conditions-2"]').click();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="conditions-2"]');
  await page.waitForSelector('[data-testid=variant]');
  await context.close();
});

test('the robot on wheels stops before the wall in the continuous arena', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLesson(app, page, 'sensors-1');
  await page.getByTestId('source').fill('motors 60, 60\nwhile distance > 10\n  wait 0.05\nend\nmotors 0, 0\n');
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 30_000 });
  assert.equal(await page.getByTestId('stage').getAttribute('data-robot'), '105,30');
  assert.equal(await page.getByTestId('stage').getAttribute('data-bumped'), 'false');
  await page.screenshot({ path: `${OUT}/arena-stop-before-wall.png`, fullPage: true });
  await context.close();
});

test('a road that bends and curves is drawn on the arena floor, and the line follower drives it to the green yard', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLesson(app, page, 'sensors-7');
  // Two straight pieces and a curve: an arc in the SVG path of the middle one.
  const roads = await page.locator('[data-testid=stage] path.floor-line').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  assert.equal(roads.length, 3);
  assert.match(roads[1], /^M145 75 A45 45 0 0 1 100 120$/);
  await page.getByTestId('source').fill('while tile colour ≠ green\n  if line sensor\n    motors 50, 20\n  else\n    motors 20, 50\n  end\n  wait 0.05\nend\nmotors 0, 0\n');
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 60_000 });
  const [x, y] = (await page.getByTestId('stage').getAttribute('data-robot')).split(',').map(Number);
  assert.ok(x >= 140 && y <= 40, `in the yard: ${x}, ${y}`);
  await page.screenshot({ path: `${OUT}/arena-winding-road-en.png`, fullPage: true });
  await context.close();
});

test('two rocks stand on the way, elsewhere in each world, and the program that decides at every step passes them', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLesson(app, page, 'sensors-8');
  const rocks = () => page.locator('[data-testid=stage] circle.obstacle').evaluateAll((cs) => cs.map((c) => c.getAttribute('cx')).join());
  assert.equal((await rocks()).split(',').length, 2);
  const source = await page.getByTestId('source').inputValue();
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  // The starter goes around the first rock once, then drives into the second.
  await page.waitForSelector('[data-testid=stage][data-bumped="true"]', { timeout: 60_000 });
  assert.ok(source.includes('drive 40'));
  await page.getByTestId('source').fill('while tile colour ≠ green\n  if distance < 10\n    turn -90\n    drive 25\n    turn 90\n    drive 40\n    turn 90\n    drive 25\n    turn -90\n  else\n    drive 2\n  end\nend\n');
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 60_000 });
  await page.screenshot({ path: `${OUT}/arena-two-rocks-en.png`, fullPage: true });
  await context.close();
});

test('a portal takes the robot through the wall: it jumps to the other end and picks the olive waiting there', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLesson(app, page, 'loops-9');
  assert.equal(await page.locator('[data-testid=stage] .portal[data-pair="1"]').count(), 2);
  await page.getByTestId('source').fill('repeat 4 times\n  move\n  pick up\nend\n');
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  // Every place the stage shows the robot in, with its class (a jump lasts one step).
  await page.evaluate(() => {
    window.robotSeen = [];
    new MutationObserver(() => {
      const stage = document.querySelector('[data-testid=stage]');
      const seen = `${stage?.dataset.robot} ${stage?.querySelector('.robot')?.getAttribute('class')}`;
      if (window.robotSeen.at(-1) !== seen) window.robotSeen.push(seen);
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  });
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 60_000 });
  // The second move lands on the portal: the robot shows at the other end as a jump, not a
  // slide, and moves on as usual.
  assert.deepEqual((await page.evaluate(() => window.robotSeen)).filter((seen) => !seen.startsWith('0,1,')), [
    '1,1,east robot', '4,0,east robot jump', '4,0,east robot', '5,0,east robot', '6,0,east robot',
  ]);
  await page.screenshot({ path: `${OUT}/portal-en.png`, fullPage: true });
  await context.close();
});

test('switches in the souk: toggling every switch turns the lit ones off; looking first lights them all', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLesson(app, page, 'conditions-13');
  const lit = () => page.locator('[data-testid=stage] .switch[data-on="true"]').count();
  assert.equal(await page.locator('[data-testid=stage] .switch').count(), 6);
  const litAtStart = await lit();
  await page.getByTestId('speed').fill('5');
  // The starter toggles every switch: those already on go off.
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status][data-phase="finished"], [data-testid=status][data-phase="success"]', { timeout: 60_000 });
  assert.equal(await lit(), 6 - litAtStart);
  await page.getByTestId('source').fill('while not at goal\n  move\n  if switch off\n    toggle\n  end\nend\n');
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 60_000 });
  assert.equal(await lit(), 6);
  await page.screenshot({ path: `${OUT}/switches-en.png`, fullPage: true });
  await context.close();
});

test('olives to the mill: the walk counted for one day misses the mill; asking at goal carries them there', async () => {
  const context = await app.browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  await openLesson(app, page, 'conditions-14');
  assert.match(await page.getByTestId('goals').innerText(), /Put 2 items on the flag's square/);
  await page.getByTestId('speed').fill('5');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status][data-phase="finished"]', { timeout: 60_000 });
  await page.getByTestId('source').fill('repeat 2 times\n  pick up\nend\nwhile not at goal\n  move\nend\nrepeat 2 times\n  put down\nend\n');
  await page.waitForSelector('[data-testid=status][data-phase="ready"]');
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=goals][data-all-met="true"]', { timeout: 60_000 });
  assert.equal(await page.locator('[data-testid=stage] .flag').count(), 1);
  await page.screenshot({ path: `${OUT}/mill-en.png`, fullPage: true });
  await context.close();
});

/** Lesson 1 in `locale`, then the next lesson, whose file `answer` (a route handler) spoils:
 * the page and the error card's text. */
async function nextLessonFails(locale, viewport, answer) {
  // A service worker would answer from its cache, out of the reach of `page.route`.
  const context = await app.browser.newContext({ locale, viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(`**/lessons/${locale.slice(0, 2)}/first-steps-2.bin`, answer);
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"]');
  await page.getByTestId('next-lesson').click();
  const card = page.getByTestId('error-card');
  await card.waitFor();
  return { context, page, text: await card.innerText() };
}

test('a broken lesson file shows an error card naming it; the other lessons keep working', async () => {
  const { context, page, text } = await nextLessonFails('en-GB', { width: 1280, height: 800 }, (r) => r.fulfill({ body: Buffer.from([1, 9, 9]) }));
  assert.match(text, /en\/first-steps-2\.bin/);
  assert.match(text, /is damaged or from another version of Tafukt/);
  assert.equal(await page.getByTestId('error-card').locator('code').textContent(), 'en/first-steps-2.bin');
  // Only the pupil's words: nothing of the reader's own (postcard's, in English).
  assert.doesNotMatch(text, /postcard|feature|\(/i);
  await page.getByTestId('next-lesson').click();
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-3"]');
  await context.close();
});

test('a lesson that cannot be fetched says so in the pupil language and asks to check the connection', async () => {
  const { context, page, text } = await nextLessonFails('ar', { width: 360, height: 640 }, (r) => r.abort('internetdisconnected'));
  // The file name is isolated from the Arabic around it (U+2068 … U+2069), so it reads whole.
  assert.match(text, /تعذّر تنزيل «\u2068ar\/first-steps-2\.bin\u2069»/);
  assert.match(text, /تحقّق من الاتصال/);
  // No browser words (TypeError, Failed to fetch, JsValue) reach the pupil.
  assert.doesNotMatch(text.replace('ar/first-steps-2.bin', ''), /[A-Za-z]{3,}/);
  // The name between the quotation marks is drawn as code, on one line: a phone's narrow card
  // does not break it at its hyphen.
  const code = page.getByTestId('error-card').locator('code');
  assert.equal(await code.textContent(), '\u2068ar/first-steps-2.bin\u2069');
  assert.equal(await code.evaluate((c) => c.getClientRects().length), 1);
  await page.screenshot({ path: `${OUT}/unreachable-ar-phone.png` });
  await context.close();
});

test('a first visit whose lesson index cannot be fetched says so, not a spinner for ever', async () => {
  // The page keeps its spinner until the first lesson can be drawn; a lesson index that never
  // comes means no lesson will: the error card names the file.
  const context = await app.browser.newContext({ locale: 'en-GB', viewport: { width: 800, height: 1280 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/lessons/en/index.bin', (r) => r.abort('internetdisconnected'));
  await page.goto(app.server.url);
  const card = page.getByTestId('error-card');
  await card.waitFor();
  assert.equal(await card.locator('code').textContent(), 'en/index.bin');
  assert.equal(await page.getByTestId('loading').count(), 0);
  await context.close();
});

test('a panic in the app (a trap of its wasm) shows the calm card in the page language, with reload', async () => {
  const context = await app.browser.newContext({ locale: 'fr', viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"]');
  assert.equal(await page.locator('#panic').isVisible(), false);
  // What a panic becomes in the release build (panic = "abort"): the wasm's `unreachable`
  // trap, thrown out of the event or task that ran it. Thrown here from a timer, uncaught.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  await page.locator('#panic').waitFor();
  assert.match(await page.locator('#panic').innerText(), /Ton travail est enregistré/);
  // An ordinary script error elsewhere on the page is not a panic of the app.
  await page.evaluate(() => document.getElementById('panic').setAttribute('hidden', ''));
  await page.evaluate(() => { setTimeout(() => { throw new TypeError('not the app'); }); });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  assert.equal(await page.locator('#panic').isVisible(), false);
  await page.locator('#panic [data-reload]').evaluate((b) => b.closest('#panic').removeAttribute('hidden'));
  await Promise.all([page.waitForEvent('load'), page.locator('#panic [data-reload]').click()]);
  await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-1"]');
  await context.close();
});
