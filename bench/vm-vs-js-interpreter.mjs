// The VM benchmark under node: Tafukt's VM compiled to wasm and driven with a per-frame fuel
// budget (as the app drives it), beside JS-Interpreter (the step-able interpreter Blockly
// Games and Code.org use) running the same program. Prints iterations per second for each
// and, last, `vm-vs-js-interpreter: <ratio>x`. Usage: node bench/vm-vs-js-interpreter.mjs DIR
// where DIR holds the wasm-bindgen (nodejs target) output of crates/vm-bench.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const dir = resolve(process.argv[2] ?? 'target/vm-bench');
const { BenchRun } = require(join(dir, 'tafukt_vm_bench.js'));
const Interpreter = require('js-interpreter');

const FUEL_PER_FRAME = 200_000; // the app's per-frame fuel (src/session.rs)
const VM_ITERATIONS = 5_000_000; // long enough for the engine to reach its optimising tier
const JS_ITERATIONS = 200_000; // JS-Interpreter is slow; its rate does not depend on N
const STEPS_PER_FRAME = 1_000; // JS-Interpreter steps between yields, as a page would

function best(times, f) {
  let min = Infinity;
  let result;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    result = f();
    min = Math.min(min, performance.now() - t0);
  }
  return { ms: min, result };
}

const vm = best(7, () => {
  const run = new BenchRun(VM_ITERATIONS);
  let frames = 0;
  while (!run.frame(FUEL_PER_FRAME)) frames++;
  const said = run.said();
  run.free();
  return { said, frames };
});
const expected = String((VM_ITERATIONS - 1 - ((VM_ITERATIONS - 1) % 3)) / 3 * ((VM_ITERATIONS - 1 - ((VM_ITERATIONS - 1) % 3)) / 3 + 1) / 2 * 3);
if (vm.result.said !== expected) throw new Error(`VM said ${vm.result.said}, expected ${expected}`);

const source = `var n = 0; for (var i = 0; i < ${JS_ITERATIONS}; i++) { if (i % 3 == 0) { n = n + i; } } n;`;
const js = best(3, () => {
  const it = new Interpreter(source);
  let more = true;
  while (more) {
    for (let k = 0; k < STEPS_PER_FRAME && more; k++) more = it.step();
  }
  return it.value;
});

const vmRate = VM_ITERATIONS / (vm.ms / 1000);
const jsRate = JS_ITERATIONS / (js.ms / 1000);
console.log(`tafukt-vm (wasm, ${FUEL_PER_FRAME} fuel/frame): ${(vmRate / 1e6).toFixed(2)} M iterations/s (${vm.ms.toFixed(0)} ms for ${VM_ITERATIONS})`);
console.log(`js-interpreter (${STEPS_PER_FRAME} steps/frame): ${(jsRate / 1e6).toFixed(3)} M iterations/s (${js.ms.toFixed(0)} ms for ${JS_ITERATIONS})`);
console.log(`vm-vs-js-interpreter: ${(vmRate / jsRate).toFixed(1)}x`);
