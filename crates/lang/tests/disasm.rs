//! Snapshot of the bytecode for a small program, so a change in what the compiler emits
//! (fused instructions, loop shapes, the node side table) is seen in review.

use tafukt_lang::disasm::disassemble;
use tafukt_lang::Lang;

#[test]
fn bytecode_of_a_counting_loop_with_a_procedure() {
    let src = "define hop(k)\n  say k × 2\nend\nn = 0\nfor each i in 1 to 3\n  if i mod 2 = 0\n    n = n + i\n  end\nend\nhop(n)\n";
    let (_, chunk) = tafukt_lang::build(src, Lang::En).expect("compiles");
    insta::assert_snapshot!(disassemble(&chunk));
}
