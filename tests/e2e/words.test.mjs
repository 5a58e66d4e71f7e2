// Every word in the pupil's language: the names a lesson's programs give (procedures,
// variables) come in the pupil's words, blocks and text alike, and a typed near miss names the
// closest block the lesson offers. Waits are on the app's state, never on sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUT, useApp } from './app.mjs';

const app = useApp();

async function open(lang, lesson, size = [800, 1280]) {
  const context = await app.browser.newContext({ viewport: { width: size[0], height: size[1] } });
  await context.addInitScript(([lang, lesson]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('tafukt.v1.lang', lang);
    localStorage.setItem('tafukt.v1.lesson', lesson);
    localStorage.setItem('tafukt.v1.tap-hint', '1');
  }, [lang, lesson]);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector(`html[lang="${lang}"] [data-testid=lesson][data-lesson-id="${lesson}"] [data-testid=run]`);
  return { context, page };
}

for (const [lang, name] of [['ar', 'نصف_دورة'], ['zgh', 'ⵓⵖⵓⵍ'], ['fr', 'demi_tour'], ['en', 'turn_around']]) {
  test(`${lang}: a lesson's own block is named in the pupil's words, in the blocks and the text`, async () => {
    const { context, page } = await open(lang, 'procedures-1');
    const blocks = page.getByTestId('blocks');
    await page.waitForFunction((name) => document.querySelector('[data-testid=blocks]').textContent.includes(name), name);
    const words = await page.evaluate(() => ({
      blocks: document.querySelector('[data-testid=blocks]').textContent,
      lesson: document.querySelector('[data-testid=lesson] .instructions').textContent,
    }));
    assert.ok(words.lesson.includes(name), `the instructions say ${name}`);
    if (lang !== 'en') {
      assert.ok(!words.blocks.includes('turn_around') && !words.lesson.includes('turn_around'), 'no English name is left');
    }
    await blocks.screenshot({ path: `${OUT}/words-procedures-1-${lang}.png` });
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('the countdown says its last word in the pupil\'s language, and the goal asks for that word', async () => {
  const { context, page } = await open('ar', 'variables-3');
  const goals = await page.getByTestId('goals').textContent();
  assert.ok(goals.includes('انطلق!'), goals);
  assert.ok(!goals.includes('Go!'), goals);
  assert.deepEqual(page.errors, []);
  await context.close();
});

for (const [lang, typed, meant] of [
  ['en', 'turn lft', 'turn left'],
  ['en', 'turn_left', 'turn left'],
  ['ar', 'استدر يسار', 'استدر يسارا'],
  ['fr', 'tourner a gauhe', 'tourner à gauche'],
]) {
  test(`${lang}: "${typed}" typed in lesson 1 asks "did you mean ${meant}?" and points at its line`, async () => {
    const { context, page } = await open(lang, 'first-steps-1', [1280, 800]);
    await page.getByTestId('view-text').click();
    await page.waitForSelector('[data-part="full"] [data-testid=source]');
    const source = page.getByTestId('source');
    await source.evaluate((el, text) => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, `${await source.inputValue()}${typed}\n`);
    await page.getByTestId('run').click();
    await page.waitForSelector('[data-testid=status][data-phase="failed"]');
    const status = await page.getByTestId('status').textContent();
    assert.ok(status.includes(meant) && status.includes(typed.split(' ')[0]), status);
    assert.equal(await page.getByTestId('editor').getAttribute('data-active-line'), '2');
    await page.screenshot({ path: `${OUT}/words-typo-${lang}-${typed.replace(/\W+/g, '_')}.png` });
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('a near miss of a block lesson 1 does not offer gets no suggestion of it', async () => {
  const { context, page } = await open('en', 'first-steps-1', [1280, 800]);
  await page.getByTestId('view-text').click();
  await page.waitForSelector('[data-part="full"] [data-testid=source]');
  await page.getByTestId('source').evaluate((el) => {
    el.value = 'move\npik\n';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status][data-phase="failed"]');
  const status = await page.getByTestId('status').textContent();
  assert.ok(status.includes('pik') && !status.includes('pick up'), status);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a teacher has a class that reads Arabic code in French: blocks in French, the page in Arabic, kept after a reload', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('tafukt.v1.lang', 'ar');
    localStorage.setItem('tafukt.v1.teacher', '1');
    localStorage.setItem('tafukt.v1.tap-hint', '1');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.server.url);
  await page.waitForSelector('html[lang="ar"][data-part="full"] [data-testid=teacher-bar] [data-testid=code-language]');
  const blocksSay = (word) => page.waitForFunction((w) => document.querySelector('[data-testid=blocks]')?.textContent.includes(w), word);
  await blocksSay('تقدم');
  await page.getByTestId('code-language').selectOption('fr');
  await blocksSay('avancer');
  // The page stays Arabic; the blocks run left to right, as French is written.
  assert.equal(await page.getByTestId('lesson-title').textContent(), 'إلى شجرة الزيتون');
  const direction = (selector) => page.locator(selector).evaluate((el) => getComputedStyle(el).direction);
  assert.equal(await direction('[data-testid=blocks] .program'), 'ltr');
  assert.equal(await direction('[data-testid=blocks] .tools'), 'rtl', 'the tools keep the page\'s words and way');
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.first-steps-1')?.startsWith('fr\n'));
  await page.screenshot({ path: `${OUT}/words-code-in-french-ar.png` });
  // A reload keeps the class's choice (the boot script starts the app that has it).
  await page.reload();
  await page.waitForSelector('html[data-part="full"] [data-testid=blocks]');
  await blocksSay('avancer');
  assert.equal(await page.getByTestId('code-language').inputValue(), 'fr');
  // Back to the page's language: the program is reprinted in Arabic, nothing lost.
  await page.getByTestId('code-language').selectOption('');
  await blocksSay('تقدم');
  await page.waitForFunction(() => localStorage.getItem('tafukt.v1.program.first-steps-1')?.startsWith('ar\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the tab is named after the lesson, in the pupil\'s language, from lesson 1 on (the core app)', async () => {
  for (const lang of ['zgh', 'ar']) {
    const { context, page } = await open(lang, 'first-steps-1', [360, 640]);
    const parts = [];
    page.on('request', (r) => parts.push(new URL(r.url()).pathname));
    const title = await page.getByTestId('lesson-title').innerText();
    assert.ok(title.length > 0 && !/[A-Za-z]/.test(title), `a title in ${lang}: ${title}`);
    await page.waitForFunction((t) => document.title === t, title);
    await page.getByTestId('next-lesson').click();
    await page.waitForSelector('[data-testid=lesson][data-lesson-id="first-steps-2"]');
    const next = await page.getByTestId('lesson-title').innerText();
    await page.waitForFunction((t) => document.title === t, next);
    assert.notEqual(next, title);
    // Lesson 2 is the core app's too: no on-demand part was fetched for either title.
    assert.ok(!parts.some((p) => p.includes('tafukt-full')), `the core app named the tab: ${parts}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('the program words in a message are drawn as code, between the quotation marks of the pupil\'s language', async () => {
  for (const [lang, typo, words, shot] of [
    ['fr', 'avancr', ['avancr', 'avancer'], [1280, 800]],
    ['ar', 'تقدمم', ['تقدمم', 'تقدم'], [360, 640]],
  ]) {
    const { context, page } = await open(lang, 'first-steps-1', shot);
    await page.getByTestId('view-text').click();
    await page.waitForSelector('[data-part="full"] [data-testid=source]');
    await page.getByTestId('source').evaluate((el, typo) => {
      el.value = `${typo}\n`;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, typo);
    await page.getByTestId('run').click();
    await page.waitForSelector('[data-testid=status][data-phase="failed"] code');
    const status = page.getByTestId('status');
    assert.deepEqual(await status.locator('code').allTextContents(), words);
    // The marks stay around the code, outside it, and nothing of the message is lost.
    const text = await status.textContent();
    assert.ok(lang === 'fr' ? text.includes(`«\u00a0${typo}\u00a0»`) : text.includes(`«${typo}»`), text);
    await status.screenshot({ path: `${OUT}/message-code-${lang}.png` });
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
