//! Compiles a [`Program`] to a [`Chunk`]. Variables are resolved to slots here: names given a
//! value in the main program are shared by every procedure; any other name a procedure
//! assigns is its own.

use crate::ast::*;
#[cfg(feature = "later_units")]
use crate::chunk::LoopVar;
use crate::chunk::{Chunk, Loop, Op, Proc};
use crate::diagnostic::{Code, Diagnostic};
use crate::value::Value;

type CResult<T> = Result<T, Box<Diagnostic>>;

/// Names one procedure (or the main program) may give values, parameters included. Slots
/// are numbered in 16 bits, and each call makes room for all of a procedure's, so this also
/// bounds the memory deep recursion takes.
pub const MAX_VARIABLES: usize = 1000;
/// Parameters of one procedure (a call's count of values is one byte).
pub const MAX_PARAMETERS: usize = 100;

/// A name and the node where it is first met, to point at when there are too many.
type Named = (String, NodeId);

fn too_many(code: Code, at: NodeId, count: usize) -> Box<Diagnostic> {
    Box::new(Diagnostic::at_node(code, at).with("count", count.to_string()))
}

fn check_count(names: &[Named]) -> CResult<()> {
    match names.get(MAX_VARIABLES) {
        Some((_, at)) => Err(too_many(Code::TooManyVariables, *at, MAX_VARIABLES)),
        None => Ok(()),
    }
}

fn add_name(out: &mut Vec<Named>, name: &str, at: NodeId) {
    // Past the limit the program is refused anyway; searching on would take quadratic time.
    if out.len() <= MAX_VARIABLES && !out.iter().any(|(n, _)| n == name) {
        out.push((name.to_string(), at));
    }
}

pub fn compile(program: &Program) -> CResult<Chunk> {
    let mut defs: Vec<(&String, &Vec<String>, &Vec<Stmt>, NodeId)> = Vec::new();
    for s in &program.body {
        if let StmtKind::Define(name, params, body) = &s.kind {
            if defs.iter().any(|d| d.0 == name) {
                return Err(Box::new(
                    Diagnostic::at_node(Code::DuplicateDefine, s.id).with("name", name.clone()),
                ));
            }
            if params.len() > MAX_PARAMETERS {
                return Err(too_many(Code::TooManyParameters, s.id, MAX_PARAMETERS));
            }
            defs.push((name, params, body, s.id));
        }
    }
    // Every slot is known before any code is emitted, so hidden loop slots never collide
    // with a variable: main's names, then each procedure's own.
    let mut globals: Vec<Named> = Vec::new();
    collect_assigned(&program.body, &mut globals, false);
    collect_reads(&program.body, &mut globals, false);
    let mut proc_names = Vec::new();
    for (_, params, body, id) in &defs {
        let mut names: Vec<Named> = params.iter().map(|p| (p.clone(), *id)).collect();
        let mut assigned = Vec::new();
        collect_assigned(body, &mut assigned, true);
        let known =
            |names: &[Named], globals: &[Named], n: &str| names.iter().chain(globals).any(|(k, _)| k == n);
        for (n, at) in assigned {
            if !known(&names, &globals, &n) {
                names.push((n, at));
            }
        }
        let mut reads = Vec::new();
        collect_reads(body, &mut reads, true);
        for (n, at) in reads {
            if !known(&names, &globals, &n) {
                globals.push((n, at));
            }
        }
        check_count(&names)?;
        proc_names.push(names.into_iter().map(|n| n.0).collect::<Vec<_>>());
    }
    check_count(&globals)?;
    let globals: Vec<String> = globals.into_iter().map(|n| n.0).collect();
    // Within 16 bits: at most MAX_VARIABLES names, and hidden loop slots a few per level of
    // nesting, which the parser bounds (`parser::MAX_DEPTH`).
    let main_named = globals.len() as u16;
    let mut c = Compiler {
        chunk: Chunk::default(),
        signatures: defs.iter().map(|d| (d.0.clone(), d.1.len())).collect(),
        scope: Scope {
            names: globals.clone(),
            is_main: true,
            next_hidden: main_named,
            max_slots: main_named,
        },
        globals,
        depth: 0,
        barrier: 0,
    };
    c.chunk.procs.push(Proc { name: String::new(), start: 0, params: 0, slots: 0, names: vec![] });
    c.block(&program.body)?;
    let end = program.body.last().map_or(NodeId(0), |s| s.id);
    c.chunk.emit(Op::Halt, end);
    c.chunk.procs[0].slots = c.scope.max_slots;
    c.chunk.procs[0].names = c.globals.clone();
    for ((name, params, body, id), names) in defs.into_iter().zip(proc_names) {
        let start = c.chunk.code.len() as u32;
        let slots = names.len() as u16;
        c.scope = Scope { names: names.clone(), is_main: false, next_hidden: slots, max_slots: slots };
        c.block(body)?;
        c.chunk.emit(Op::Nothing, id);
        c.chunk.emit(Op::Return, id);
        c.chunk.procs.push(Proc {
            name: name.clone(),
            start,
            params: params.len() as u16,
            slots: c.scope.max_slots,
            names,
        });
    }
    Ok(c.chunk)
}

/// Variable names read in `stmts` (outside procedure definitions unless `inside_define`).
fn collect_reads(stmts: &[Stmt], out: &mut Vec<Named>, inside_define: bool) {
    fn expr(e: &Expr, out: &mut Vec<Named>) {
        if let ExprKind::Var(name) = &e.kind {
            add_name(out, name, e.id);
        }
        e.children().for_each(|c| expr(c, out));
    }
    for s in stmts {
        if matches!(s.kind, StmtKind::Define(..)) && !inside_define {
            continue;
        }
        s.kind.exprs().for_each(|e| expr(e, out));
        for b in s.kind.blocks() {
            collect_reads(b, out, inside_define);
        }
    }
}

/// Names given a value by `=` or `for each` in `stmts`, outside procedure definitions.
fn collect_assigned(stmts: &[Stmt], out: &mut Vec<Named>, inside_define: bool) {
    for s in stmts {
        match &s.kind {
            StmtKind::Assign(name, _) | StmtKind::ForEach(name, _, _) => add_name(out, name, s.id),
            StmtKind::Define(..) if !inside_define => continue,
            _ => {}
        }
        for b in s.kind.blocks() {
            collect_assigned(b, out, inside_define);
        }
    }
}

struct Scope {
    names: Vec<String>,
    is_main: bool,
    next_hidden: u16,
    max_slots: u16,
}

struct Compiler {
    chunk: Chunk,
    /// Each procedure's name and count of parameters (the core app compiles no call).
    #[cfg_attr(not(feature = "later_units"), allow(dead_code))]
    signatures: Vec<(String, usize)>,
    scope: Scope,
    globals: Vec<String>,
    /// Nesting of statement lists: 1 is the top level of the main program or a procedure.
    depth: usize,
    /// The latest jump target; instructions before it are never fused with later ones.
    barrier: u32,
}

enum Slot {
    Local(u16),
    Global(u16),
}

impl Compiler {
    /// Emits `op`, fusing it with the instructions just before when a shorter form exists
    /// and no jump lands between them.
    fn emit(&mut self, op: Op, node: NodeId) -> u32 {
        let n = self.chunk.code.len();
        #[cfg(feature = "later_units")]
        let tail = |k: usize| {
            if n >= k && (n - k) as u32 >= self.barrier {
                Some(&self.chunk.code[n - k..])
            } else {
                None
            }
        };
        // The core app's programs (the first unit's) have no operators or conditions to fuse.
        #[cfg(not(feature = "later_units"))]
        let fused: Option<(usize, Op)> = None;
        #[cfg(feature = "later_units")]
        let fused = match op {
            Op::Bin(bin) => match tail(2) {
                Some([Op::GetGlobal(a), Op::Const(c)]) => Some((2, Op::BinGlobalConst(bin, *a, *c))),
                Some([Op::GetLocal(a), Op::Const(c)]) => Some((2, Op::BinLocalConst(bin, *a, *c))),
                Some([Op::GetGlobal(a), Op::GetGlobal(b)]) => Some((2, Op::BinGlobals(bin, *a, *b))),
                Some([Op::GetLocal(a), Op::GetLocal(b)]) => Some((2, Op::BinLocals(bin, *a, *b))),
                _ => None,
            },
            Op::JumpIfFalse(t) => match (tail(2), tail(1)) {
                (Some([Op::Const(c), Op::Bin(cmp)]), _) if cmp.precedence() == 4 && *c <= u16::MAX as u32 => {
                    Some((2, Op::JumpUnlessConst(*cmp, *c as u16, t)))
                }
                (_, Some([Op::BinGlobalConst(cmp, a, c)]))
                    if cmp.precedence() == 4 && *c <= u16::MAX as u32 =>
                {
                    Some((1, Op::JumpUnlessGlobalConst(*cmp, *a, *c as u16, t)))
                }
                (_, Some([Op::Bin(cmp)])) if cmp.precedence() == 4 => Some((1, Op::JumpUnless(*cmp, t))),
                _ => None,
            },
            _ => None,
        };
        if let Some((replaced, op)) = fused {
            self.chunk.code.truncate(n - replaced);
            self.chunk.nodes.truncate(n - replaced);
            return self.chunk.emit(op, node);
        }
        self.chunk.emit(op, node)
    }

    /// The current position as a jump target: nothing before it may be fused across it.
    fn label(&mut self) -> u32 {
        self.barrier = self.here();
        self.barrier
    }

    fn patch(&mut self, at: u32, target: u32) {
        let op = &mut self.chunk.code[at as usize];
        *op = match *op {
            Op::Jump(_) => Op::Jump(target),
            Op::JumpIfFalse(_) => Op::JumpIfFalse(target),
            Op::JumpUnless(cmp, _) => Op::JumpUnless(cmp, target),
            Op::AndJump(_) => Op::AndJump(target),
            Op::OrJump(_) => Op::OrJump(target),
            Op::RepeatNext(s, _) => Op::RepeatNext(s, target),
            Op::IterNext(s, _) => Op::IterNext(s, target),
            Op::JumpUnlessConst(cmp, c, _) => Op::JumpUnlessConst(cmp, c, target),
            Op::JumpUnlessGlobalConst(cmp, a, c, _) => Op::JumpUnlessGlobalConst(cmp, a, c, target),
            other => other,
        };
    }

    fn here(&self) -> u32 {
        self.chunk.code.len() as u32
    }

    /// Notes a loop whose code starts here; [`Compiler::loop_end`] notes where it ends.
    fn loop_begin(&mut self, began: u16, node: NodeId) -> usize {
        let start = self.here();
        self.chunk.loops.push(Loop { start, end: start, began, node });
        self.chunk.loops.len() - 1
    }

    fn loop_end(&mut self, i: usize) {
        self.chunk.loops[i].end = self.here();
    }

    fn hidden(&mut self, n: u16) -> u16 {
        let slot = self.scope.next_hidden;
        self.scope.next_hidden += n;
        self.scope.max_slots = self.scope.max_slots.max(self.scope.next_hidden);
        slot
    }

    fn resolve(&mut self, name: &str) -> Slot {
        if let Some(i) = self.scope.names.iter().position(|n| n == name) {
            return if self.scope.is_main { Slot::Global(i as u16) } else { Slot::Local(i as u16) };
        }
        // Every name was collected before compiling; a global read but never given a value
        // stays empty, and reading it tells the pupil so at run time.
        let i = self.globals.iter().position(|n| n == name).unwrap_or(0);
        Slot::Global(i as u16)
    }

    fn block(&mut self, stmts: &[Stmt]) -> CResult<()> {
        self.depth += 1;
        for s in stmts {
            self.stmt(s)?;
        }
        self.depth -= 1;
        Ok(())
    }

    #[cfg(feature = "later_units")]
    fn proc_index(&self, name: &str, args: usize, node: NodeId) -> CResult<u32> {
        let Some(i) = self.signatures.iter().position(|(n, _)| n == name) else {
            return Err(Box::new(Diagnostic::at_node(Code::UnknownWord, node).with("word", name)));
        };
        let want = self.signatures[i].1;
        if want != args {
            return Err(Box::new(
                Diagnostic::at_node(Code::WrongArgCount, node)
                    .with("name", name)
                    .with("count", want.to_string()),
            ));
        }
        Ok(i as u32 + 1)
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        let id = s.id;
        if !matches!(s.kind, StmtKind::Comment(_) | StmtKind::Define(..)) {
            // A statement start is a visible step, and nothing is fused across it.
            let at = self.label();
            self.chunk.statements.push((at, id));
        }
        match &s.kind {
            StmtKind::Action(b, args) => self.builtin(*b, args, id)?,
            #[cfg(feature = "later_units")]
            StmtKind::Call(name, args) => {
                self.call(name, args, id)?;
                self.emit(Op::Pop, id);
            }
            #[cfg(feature = "later_units")]
            StmtKind::Assign(name, value) => {
                self.expr(value)?;
                self.store(name, id);
            }
            StmtKind::Repeat(count, body) => {
                self.expr(count)?;
                let saved = self.scope.next_hidden;
                let counter = self.hidden(1);
                let guard = self.hidden(2);
                self.emit(Op::RepeatInit(counter), count.id);
                self.emit(Op::LoopInit(guard), id);
                let the_loop = self.loop_begin(guard + 1, id);
                let top = self.label();
                let exit = self.emit(Op::RepeatNext(counter, 0), id);
                self.emit(Op::LoopTick(guard), id);
                self.block(body)?;
                self.emit(Op::Jump(top), id);
                let end = self.label();
                self.patch(exit, end);
                self.loop_end(the_loop);
                self.scope.next_hidden = saved;
            }
            #[cfg(feature = "later_units")]
            StmtKind::While(cond, body) => {
                let saved = self.scope.next_hidden;
                let guard = self.hidden(2);
                self.emit(Op::LoopInit(guard), id);
                let the_loop = self.loop_begin(guard + 1, id);
                let top = self.label();
                self.expr(cond)?;
                let exit = self.emit(Op::JumpIfFalse(0), cond.id);
                self.emit(Op::LoopTick(guard), id);
                self.block(body)?;
                self.emit(Op::Jump(top), id);
                let end = self.label();
                self.patch(exit, end);
                self.loop_end(the_loop);
                self.scope.next_hidden = saved;
            }
            #[cfg(feature = "later_units")]
            StmtKind::If(arms, otherwise) => {
                let mut to_end = Vec::new();
                for (k, (cond, body)) in arms.iter().enumerate() {
                    self.expr(cond)?;
                    let skip = self.emit(Op::JumpIfFalse(0), cond.id);
                    self.block(body)?;
                    // The last arm with no `else` falls through to the end: no jump needed.
                    if k + 1 < arms.len() || otherwise.is_some() {
                        to_end.push(self.emit(Op::Jump(0), id));
                    }
                    let next = self.label();
                    self.patch(skip, next);
                }
                if let Some(body) = otherwise {
                    self.block(body)?;
                }
                let end = self.label();
                for j in to_end {
                    self.patch(j, end);
                }
            }
            #[cfg(feature = "later_units")]
            StmtKind::ForEach(name, list, body) if matches!(list.kind, ExprKind::Range(..)) => {
                let ExprKind::Range(from, to) = &list.kind else { return Ok(()) };
                self.expr(from)?;
                self.expr(to)?;
                let saved = self.scope.next_hidden;
                let range = self.hidden(4);
                self.emit(Op::RangeInit(range), list.id);
                let the_loop = self.loop_begin(range + 3, id);
                let var = match self.resolve(name) {
                    Slot::Global(v) => LoopVar::Global(v),
                    Slot::Local(v) => LoopVar::Local(v),
                };
                // The test sits at the bottom (entered once by a jump), so each iteration
                // runs one loop instruction instead of a test and a jump back.
                let to_test = self.emit(Op::Jump(0), id);
                let body_start = self.label();
                self.block(body)?;
                let test = self.label();
                self.patch(to_test, test);
                self.emit(Op::RangeLoop(range, var, body_start), id);
                self.label();
                self.loop_end(the_loop);
                self.scope.next_hidden = saved;
            }
            #[cfg(feature = "later_units")]
            StmtKind::ForEach(name, list, body) => {
                self.expr(list)?;
                let saved = self.scope.next_hidden;
                let iter = self.hidden(2);
                let guard = self.hidden(2);
                self.emit(Op::IterInit(iter), list.id);
                self.emit(Op::LoopInit(guard), id);
                let the_loop = self.loop_begin(guard + 1, id);
                let top = self.label();
                let exit = self.emit(Op::IterNext(iter, 0), id);
                self.store(name, id);
                self.emit(Op::LoopTick(guard), id);
                self.block(body)?;
                self.emit(Op::Jump(top), id);
                let end = self.label();
                self.patch(exit, end);
                self.loop_end(the_loop);
                self.scope.next_hidden = saved;
            }
            StmtKind::Define(..) => {
                // Defines at the top level are compiled as procedures; the main program skips them.
                if !self.scope.is_main || self.depth > 1 {
                    return Err(Box::new(Diagnostic::at_node(Code::DefineNotAtTop, id)));
                }
            }
            #[cfg(feature = "later_units")]
            StmtKind::Return(value) => {
                if self.scope.is_main {
                    return Err(Box::new(Diagnostic::at_node(Code::ReturnOutsideDefine, id)));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        self.emit(Op::Nothing, id);
                    }
                }
                self.emit(Op::Return, id);
            }
            StmtKind::Comment(_) => {}
            // The core app runs the first unit's programs only: a program with another block
            // is refused before it is compiled, by its lesson's toolbox.
            #[cfg(not(feature = "later_units"))]
            StmtKind::Call(..)
            | StmtKind::Assign(..)
            | StmtKind::While(..)
            | StmtKind::If(..)
            | StmtKind::ForEach(..)
            | StmtKind::Return(_) => return Err(Box::new(Diagnostic::at_node(Code::NotAllowed, id))),
            StmtKind::Invalid(text) => {
                return Err(Box::new(
                    Diagnostic::at_node(Code::ExpectedStatement, id).with("word", text.clone()),
                ));
            }
        }
        Ok(())
    }

    #[cfg(feature = "later_units")]
    fn store(&mut self, name: &str, id: NodeId) {
        match self.resolve(name) {
            Slot::Local(i) => self.emit(Op::SetLocal(i), id),
            Slot::Global(i) => self.emit(Op::SetGlobal(i), id),
        };
    }

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        let id = e.id;
        match &e.kind {
            ExprKind::Number(n) => self.constant(Value::Num(*n), id),
            ExprKind::Text(t) => self.constant(Value::text(t), id),
            ExprKind::Bool(b) => self.constant(Value::Bool(*b), id),
            ExprKind::Colour(c) => self.constant(Value::Colour(*c), id),
            #[cfg(feature = "later_units")]
            ExprKind::List(items) => {
                for item in items {
                    self.expr(item)?;
                }
                self.emit(Op::MakeList(items.len() as u32), id);
            }
            ExprKind::Var(name) => {
                match self.resolve(name) {
                    Slot::Local(i) => self.emit(Op::GetLocal(i), id),
                    Slot::Global(i) => self.emit(Op::GetGlobal(i), id),
                };
            }
            ExprKind::Sensor(b, args) => self.builtin(*b, args, id)?,
            #[cfg(feature = "later_units")]
            ExprKind::Call(name, args) => self.call(name, args, id)?,
            ExprKind::Unary(op, inner) => {
                self.expr(inner)?;
                self.emit(if *op == UnaryOp::Neg { Op::Neg } else { Op::Not }, id);
            }
            #[cfg(feature = "later_units")]
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), l, r) => {
                self.expr(l)?;
                let jump = self.emit(if *op == BinOp::And { Op::AndJump(0) } else { Op::OrJump(0) }, id);
                self.expr(r)?;
                let end = self.label();
                self.patch(jump, end);
            }
            #[cfg(feature = "later_units")]
            ExprKind::Binary(op, l, r) => {
                self.expr(l)?;
                self.expr(r)?;
                self.emit(Op::Bin(*op), id);
            }
            #[cfg(feature = "later_units")]
            ExprKind::Range(from, to) => {
                self.expr(from)?;
                self.expr(to)?;
                self.emit(Op::MakeRange, id);
            }
            ExprKind::Missing => return Err(Box::new(Diagnostic::at_node(Code::ExpectedValue, id))),
            #[cfg(not(feature = "later_units"))]
            ExprKind::List(_) | ExprKind::Call(..) | ExprKind::Binary(..) | ExprKind::Range(..) => {
                return Err(Box::new(Diagnostic::at_node(Code::NotAllowed, id)))
            }
        }
        Ok(())
    }

    /// A built-in, as a statement (an action) or an expression (a sensor) alike.
    fn builtin(&mut self, b: crate::builtins::Builtin, args: &[Expr], id: NodeId) -> CResult<()> {
        // The parser gives each built-in its own count of values (at most two).
        let Ok(argc) = u8::try_from(args.len()) else {
            return Err(Box::new(Diagnostic::at_node(Code::WrongArgCount, id).with("name", b.key())));
        };
        for a in args {
            self.expr(a)?;
        }
        self.emit(Op::Builtin(b, argc), id);
        // `add 5 to scores`: the VM leaves the changed list, which goes back in `scores`.
        #[cfg(feature = "lists")]
        if let Some(i) = b.list_changed() {
            let Some(ExprKind::Var(name)) = args.get(i).map(|a| &a.kind) else {
                let at = args.get(i).map_or(id, |a| a.id);
                return Err(Box::new(Diagnostic::at_node(Code::ListNeedsVariable, at)));
            };
            self.store(name, id);
        }
        Ok(())
    }

    #[cfg(feature = "later_units")]
    /// A call of a pupil's procedure; its result stays on the stack.
    fn call(&mut self, name: &str, args: &[Expr], id: NodeId) -> CResult<()> {
        let p = self.proc_index(name, args.len(), id)?;
        for a in args {
            self.expr(a)?;
        }
        // `args` matches the procedure's parameters, at most MAX_PARAMETERS.
        self.emit(Op::Call(p, args.len() as u8), id);
        Ok(())
    }

    fn constant(&mut self, v: Value, id: NodeId) {
        self.chunk.consts.push(v);
        let i = self.chunk.consts.len() as u32 - 1;
        self.emit(Op::Const(i), id);
    }
}
