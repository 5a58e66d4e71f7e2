// A finger on the page, as the DevTools protocol sends it: what the block tests and the
// whiteboard test drag with.
import { slot as slotAt } from './places.mjs';

/** The middle of what `locator` shows, in page coordinates. */
export async function center(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with one finger from `from` to the place `slotKey`, in steps like a real hand. */
export async function touchDrag(page, cdp, from, slotKey) {
  const start = await center(from);
  const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: p.x, y: p.y }] });
  await touch('touchStart', start);
  for (let i = 1; i <= 4; i++) await touch('touchMove', { x: start.x + i * 6, y: start.y + i * 6 });
  // Places appear once the block is picked up; then the finger goes to the right one.
  const slot = page.locator(slotAt(slotKey));
  await slot.waitFor();
  const end = await center(slot);
  for (let i = 1; i <= 5; i++) {
    await touch('touchMove', { x: start.x + ((end.x - start.x) * i) / 5, y: start.y + ((end.y - start.y) * i) / 5 });
  }
  await touch('touchEnd', end);
  await page.waitForSelector('[data-testid=blocks][data-picking="false"]');
}
