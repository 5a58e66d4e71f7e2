//! A readable listing of a [`Chunk`], one instruction a line with the node it came from;
//! used by snapshot tests and `tafukt run --disasm`.

use crate::chunk::{Chunk, Op};
use std::fmt::Write;

pub fn disassemble(chunk: &Chunk) -> String {
    let mut out = String::new();
    for (i, op) in chunk.code.iter().enumerate() {
        if let Some(p) = chunk.procs.iter().skip(1).find(|p| p.start as usize == i) {
            let _ = writeln!(out, "proc {} ({} params, {} slots):", p.name, p.params, p.slots);
        }
        let detail = match op {
            Op::Const(c) => format!("Const {:?}", chunk.consts[*c as usize]),
            Op::Builtin(b, n) => format!("Builtin {} {n}", b.key()),
            other => format!("{other:?}"),
        };
        let _ = writeln!(out, "{i:04} n{:<4} {detail}", chunk.node_at(i).0);
    }
    out
}
