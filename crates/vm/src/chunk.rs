//! Bytecode: the contract between compiler and VM. Every instruction has the id of the AST
//! node it came from in a side table, so errors and highlights point at blocks and lines.

use crate::builtins::Builtin;
use crate::ids::{BinOp, NodeId};
use crate::value::{Value, Words};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Const(u32),
    Nothing,
    /// Reads a slot of the current procedure (parameters, locals, hidden loop state).
    GetLocal(u16),
    SetLocal(u16),
    /// Reads a slot of the main program, the variables every procedure can see.
    GetGlobal(u16),
    SetGlobal(u16),
    MakeList(u32),
    /// Pops two values and pushes the result of the operator.
    Bin(BinOp),
    /// The operator on a main-program variable and a constant, fused (`i mod 3`).
    BinGlobalConst(BinOp, u16, u32),
    /// The operator on a procedure's variable and a constant, fused.
    BinLocalConst(BinOp, u16, u32),
    /// The operator on two main-program variables, fused (`n + i`).
    BinGlobals(BinOp, u16, u16),
    /// The operator on two of a procedure's variables, fused.
    BinLocals(BinOp, u16, u16),
    /// Pops two values; jumps if the comparison is false (compare and branch, fused).
    JumpUnless(BinOp, u32),
    /// Pops a value; jumps if comparing it with a constant is false (`… = 0` then branch).
    JumpUnlessConst(BinOp, u16, u32),
    /// Jumps if comparing a main-program variable with a constant is false (`while i < 10`).
    JumpUnlessGlobalConst(BinOp, u16, u16, u32),
    Neg,
    Not,
    Jump(u32),
    JumpIfFalse(u32),
    /// `and`/`or`: if the top is false (true), jump keeping it; otherwise pop it.
    AndJump(u32),
    OrJump(u32),
    Pop,
    /// Pops a repeat count into a local slot, checking it is a whole, non-negative number.
    RepeatInit(u16),
    /// Counts a repeat slot down; jumps out when it is done.
    RepeatNext(u16, u32),
    /// Pops a list into slot and zeroes the index in slot + 1.
    IterInit(u16),
    /// Pushes the next item, or jumps out when there is none.
    IterNext(u16, u32),
    /// Pops the end and start of a counting loop into slots s (next value), s + 1 (last
    /// value) and s + 2 (iterations so far), and notes in s + 3 the step it began at.
    RangeInit(u16),
    /// The bottom of a counting loop: stores the next number in the loop variable and jumps
    /// back to the body, or falls through after the last; too many iterations end the run,
    /// naming this loop.
    RangeLoop(u16, LoopVar, u32),
    /// Pops end and start and pushes the list of whole numbers between them.
    MakeRange,
    /// Zeroes a loop's iteration counter in slot s, and notes in slot s + 1 the step at which
    /// this run of the loop began (to tell a loop that never ends from one that restarts).
    LoopInit(u16),
    /// Counts one iteration; too many ends the run, naming this loop.
    LoopTick(u16),
    Builtin(Builtin, u8),
    Call(u32, u8),
    Return,
    Halt,
}

impl Op {
    /// Whether the first unit's programs use this instruction (actions, `repeat` with a
    /// number, a negative number, a name read): the only ones the core app's VM runs (built
    /// without `later_units`, it stops at any other with `Code::NotAllowed`). A program with
    /// another block is refused before it runs, by its lesson's toolbox.
    pub fn first_unit(self) -> bool {
        matches!(
            self,
            Op::Const(_)
                | Op::Nothing
                | Op::GetLocal(_)
                | Op::GetGlobal(_)
                | Op::Neg
                | Op::Jump(_)
                | Op::Pop
                | Op::RepeatInit(_)
                | Op::RepeatNext(..)
                | Op::LoopInit(_)
                | Op::LoopTick(_)
                | Op::Builtin(..)
                | Op::Halt
        )
    }
}

/// Where a counting loop keeps its variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopVar {
    Global(u16),
    Local(u16),
}

/// Where a loop's code is, which slot of its frame holds the step its current run began at
/// (see [`Op::LoopInit`]), and the loop's node: what the step limit blames.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Loop {
    pub start: u32,
    pub end: u32,
    pub began: u16,
    pub node: NodeId,
}

/// A procedure's place in the code and the size of its frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Proc {
    pub name: String,
    pub start: u32,
    pub params: u16,
    /// Parameters plus locals plus hidden loop slots.
    pub slots: u16,
    /// Names of the named slots, for messages such as "`x` has no value yet".
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chunk {
    pub code: Vec<Op>,
    /// `nodes[i]` is the AST node instruction `i` came from.
    pub nodes: Vec<NodeId>,
    pub consts: Vec<Value>,
    /// Procedure 0 is the main program.
    pub procs: Vec<Proc>,
    /// Where each statement's code starts, in code order, with the statement's node: the
    /// visible steps a pupil can stop at.
    pub statements: Vec<(u32, NodeId)>,
    /// Every loop, in the order its code starts (so an outer loop comes before the loops
    /// inside it).
    pub loops: Vec<Loop>,
    /// How values are shown to the pupil (`say`, joined texts, messages): the words of the
    /// program's language.
    pub words: Words,
}

impl Chunk {
    /// Positions and counts are 32 bits: a program has at most
    /// `tafukt_lang::parser::MAX_CHARS` characters, and each makes at most a few instructions.
    pub fn emit(&mut self, op: Op, node: NodeId) -> u32 {
        self.code.push(op);
        self.nodes.push(node);
        self.code.len() as u32 - 1
    }

    /// The statement whose code begins at `ip`, if one does.
    pub fn statement_at(&self, ip: usize) -> Option<NodeId> {
        let i = self.statements.binary_search_by_key(&(ip as u32), |(at, _)| *at).ok()?;
        Some(self.statements[i].1)
    }

    /// The innermost statement that started at or before `ip`.
    pub fn statement_before(&self, ip: usize) -> Option<NodeId> {
        let i = self.statements.partition_point(|(at, _)| *at as usize <= ip);
        i.checked_sub(1).map(|i| self.statements[i].1)
    }

    pub fn node_at(&self, ip: usize) -> NodeId {
        self.nodes.get(ip).copied().unwrap_or(NodeId(0))
    }
}
