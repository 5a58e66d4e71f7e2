// Places in the block editor's program, written as in the tests (`/1` is the second top-level
// block or the place before it; `2:0/0` the first inside the first body of the third) and
// turned into CSS selectors. A stack holds the first place, then an item per statement (a
// `div`: the block and the place after it). Blocks carry no position in the page; this follows the same
// structure the app reads (`slot_of` and `selector` in the block editor).

function inside(key) {
  const [path, index] = key.split('/');
  let sel = '.program>.stack';
  for (const step of path.split(',').filter(Boolean)) {
    const [i, body] = step.split(':').map(Number);
    sel += `>div:nth-of-type(${i + 1})>.block>.body:nth-child(${2 + 2 * body})>.stack`;
  }
  return [sel, Number(index)];
}

/** The block at `key`. */
export function block(key) {
  const [stack, index] = inside(key);
  return `${stack}>div:nth-of-type(${index + 1})>.block`;
}

/** The place to put a block at `key` (before the block of the same key): the first place of
 * its stack, or the place after the block before. */
export function slot(key) {
  const [stack, index] = inside(key);
  return index === 0 ? `${stack}>.slot` : `${stack}>div:nth-of-type(${index})>.slot`;
}

/** In the page: the key of a block element (the inverse of `block`). */
export function keyOf(el) {
  const item = el.parentElement;
  const index = [...item.parentElement.children].filter((c) => c.tagName === 'DIV').indexOf(item);
  const holder = item.parentElement.parentElement;
  if (holder.classList.contains('program')) return `/${index}`;
  const body = ([...holder.parentElement.children].indexOf(holder) - 1) / 2;
  const [path, outer] = keyOf(holder.parentElement).split('/');
  return `${path ? `${path},` : ''}${outer}:${body}/${index}`;
}
