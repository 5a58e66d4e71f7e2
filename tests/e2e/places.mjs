// Places in the block editor's program, written as in the tests (`/1` is the second top-level
// block or the place before it; `2:0/0` the first inside the first body of the third) and
// turned into CSS selectors. Blocks carry no position in the page; this follows the same
// structure the app reads (`slot_of` and `selector` in the block editor).

function inside(key) {
  const [path, index] = key.split('/');
  let sel = '.program>.stack';
  for (const step of path.split(',').filter(Boolean)) {
    const [i, body] = step.split(':').map(Number);
    sel += `>.block:nth-of-type(${i + 1})>.body:nth-child(${2 + 2 * body})>.stack`;
  }
  return [sel, Number(index)];
}

/** The block at `key`. */
export function block(key) {
  const [stack, index] = inside(key);
  return `${stack}>.block:nth-of-type(${index + 1})`;
}

/** The place to put a block at `key` (before the block of the same key). */
export function slot(key) {
  const [stack, index] = inside(key);
  return `${stack}>.slot:nth-of-type(${index + 1})`;
}

/** In the page: the key of a block element (the inverse of `block`). */
export function keyOf(el) {
  const index = [...el.parentElement.children].filter((c) => c.tagName === 'DIV').indexOf(el);
  const holder = el.parentElement.parentElement;
  if (holder.classList.contains('program')) return `/${index}`;
  const body = ([...holder.parentElement.children].indexOf(holder) - 1) / 2;
  const [path, outer] = keyOf(holder.parentElement).split('/');
  return `${path ? `${path},` : ''}${outer}:${body}/${index}`;
}
