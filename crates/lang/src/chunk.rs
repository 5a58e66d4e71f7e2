//! Bytecode: the contract between compiler and VM. Every instruction has the id of the AST
//! node it came from in a side table, so errors and highlights point at blocks and lines.

use crate::ast::NodeId;
use crate::builtins::Builtin;
use crate::value::Value;

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
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Eq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
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
    /// Zeroes a loop's iteration counter.
    LoopInit(u16),
    /// Counts one iteration; too many ends the run, naming this loop.
    LoopTick(u16),
    Builtin(Builtin, u8),
    Call(u32, u8),
    Return,
    Halt,
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
}

impl Chunk {
    pub fn emit(&mut self, op: Op, node: NodeId) -> u32 {
        self.code.push(op);
        self.nodes.push(node);
        self.code.len() as u32 - 1
    }

    pub fn node_at(&self, ip: usize) -> NodeId {
        self.nodes.get(ip).copied().unwrap_or(NodeId(0))
    }
}
