//! The resumable VM. All state lives in the [`Vm`] value (explicit frames, no Rust recursion
//! for pupil calls), so the UI can run it a frame's worth at a time, pause it, and keep
//! cheap copies of it to step back.

use std::rc::Rc;

use crate::builtins::{Builtin, BuiltinKind};
use crate::chunk::{Chunk, Op};
use crate::diagnostic::{Code, Diagnostic};
use crate::host::Host;
use crate::ids::{BinOp, NodeId};
use crate::limits::Limits;
use crate::value::Value;

/// Why [`Vm::run`] returned.
#[derive(Debug, Clone, PartialEq)]
pub enum Halt {
    /// A robot action was done (the world changed); the pupil should see it happen.
    Action {
        node: NodeId,
        builtin: Builtin,
    },
    /// The fuel for this call is used up; call `run` again to go on.
    OutOfFuel,
    Finished,
    Faulted(Diagnostic),
}

#[derive(Debug, Clone)]
struct Frame {
    base: usize,
    ret_ip: usize,
    stack_len: usize,
}

#[derive(Debug, Clone)]
pub struct Vm {
    chunk: Rc<Chunk>,
    limits: Limits,
    ip: usize,
    stack: Vec<Value>,
    slots: Vec<Value>,
    frames: Vec<Frame>,
    steps: u64,
    actions: u64,
    ended: Option<Halt>,
}

impl Vm {
    pub fn new(chunk: Rc<Chunk>, limits: Limits) -> Vm {
        let main_slots = chunk.procs.first().map_or(0, |p| p.slots as usize);
        Vm {
            chunk,
            limits,
            ip: 0,
            stack: Vec::with_capacity(64),
            slots: vec![Value::Nothing; main_slots],
            frames: vec![Frame { base: 0, ret_ip: 0, stack_len: 0 }],
            steps: 0,
            actions: 0,
            ended: None,
        }
    }

    /// Procedure calls in progress, counting the main program as 1: what step over and
    /// step out compare against.
    pub fn depth(&self) -> usize {
        self.frames.len()
    }

    /// Instructions executed so far in this run.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The node of the instruction that runs next: what the UI highlights.
    pub fn current_node(&self) -> NodeId {
        self.chunk.node_at(self.ip)
    }

    pub fn is_done(&self) -> bool {
        self.ended.is_some()
    }

    /// Runs at most `fuel` instructions, stopping early after a robot action, at the end, or
    /// on an error. Once finished or faulted, it keeps returning the same halt.
    pub fn run(&mut self, host: &mut dyn Host, fuel: u64) -> Halt {
        if let Some(h) = &self.ended {
            return h.clone();
        }
        let halt = match self.execute(host, fuel) {
            Ok(h) => h,
            Err(d) => Halt::Faulted(*d),
        };
        if matches!(halt, Halt::Finished | Halt::Faulted(_)) {
            self.ended = Some(halt.clone());
        }
        halt
    }

    /// A run-time error at the instruction being run. Boxed, so the hot path's results stay
    /// two words wide.
    #[cold]
    fn fault(&self, code: Code) -> Box<Diagnostic> {
        Box::new(Diagnostic::at_node(code, self.chunk.node_at(self.ip)))
    }

    #[cold]
    fn fault_with(&self, code: Code, args: &[(&'static str, String)]) -> Box<Diagnostic> {
        let mut d = self.fault(code);
        d.args.extend_from_slice(args);
        d
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }

    fn num(&self, v: &Value, what: &'static str) -> Result<f64, Box<Diagnostic>> {
        match v {
            Value::Num(n) => Ok(*n),
            other => {
                Err(self.fault_with(Code::NotANumber, &[("what", what.into()), ("value", other.to_string())]))
            }
        }
    }

    fn boolean(&self, v: &Value) -> Result<bool, Box<Diagnostic>> {
        match v {
            Value::Bool(b) => Ok(*b),
            other => Err(self.fault_with(Code::NotABoolean, &[("value", other.to_string())])),
        }
    }

    #[cold]
    fn no_value(&self, frame_base: usize, local: u16) -> Box<Diagnostic> {
        let proc = if frame_base == 0 { 0 } else { self.current_proc() };
        let name = self.chunk.procs[proc].names.get(local as usize).cloned().unwrap_or_default();
        self.fault_with(Code::NoValue, &[("name", name)])
    }

    fn current_proc(&self) -> usize {
        // The procedure whose code holds the instruction pointer.
        self.chunk.procs.iter().rposition(|p| p.start as usize <= self.ip).unwrap_or(0)
    }

    /// Runs up to `fuel` instructions, counting every one it starts into the run's steps,
    /// whether the slice ends in a halt or an error.
    fn execute(&mut self, host: &mut dyn Host, fuel: u64) -> Result<Halt, Box<Diagnostic>> {
        let mut done = 0;
        let result = self.execute_counted(host, fuel, &mut done);
        self.steps += done;
        result
    }

    fn execute_counted(
        &mut self,
        host: &mut dyn Host,
        fuel: u64,
        counted: &mut u64,
    ) -> Result<Halt, Box<Diagnostic>> {
        let chunk = Rc::clone(&self.chunk);
        let code = &chunk.code;
        // Steps are counted against the run's limit once per call, not once per instruction.
        let left = self.limits.max_steps.saturating_sub(self.steps);
        let budget = fuel.min(left);
        let mut base = self.frames.last().map_or(0, |f| f.base);
        let mut done = 0u64;
        let halt = loop {
            if done == budget {
                if budget < fuel {
                    let count = self.limits.max_steps.to_string();
                    return Err(self.fault_with(Code::StepLimit, &[("count", count)]));
                }
                break Halt::OutOfFuel;
            }
            done += 1;
            *counted = done;
            let Some(&op) = code.get(self.ip) else {
                break Halt::Finished;
            };
            match op {
                Op::Const(i) => self.stack.push(chunk.consts[i as usize].clone()),
                Op::Nothing => self.stack.push(Value::Nothing),
                Op::GetLocal(i) | Op::GetGlobal(i) => {
                    let frame_base = if matches!(op, Op::GetLocal(_)) { base } else { 0 };
                    match self.slots.get(frame_base + i as usize) {
                        Some(Value::Num(n)) => self.stack.push(Value::Num(*n)),
                        Some(Value::Nothing) | None => return Err(self.no_value(frame_base, i)),
                        Some(v) => self.stack.push(v.clone()),
                    }
                }
                Op::SetLocal(i) => {
                    let v = self.pop();
                    self.slots[base + i as usize] = v;
                }
                Op::SetGlobal(i) => {
                    let v = self.pop();
                    self.slots[i as usize] = v;
                }
                Op::MakeList(n) => {
                    let n = n as usize;
                    if n > self.limits.max_list_len {
                        let count = self.limits.max_list_len.to_string();
                        return Err(self.fault_with(Code::ListTooLong, &[("count", count)]));
                    }
                    let items = self.stack.split_off(self.stack.len().saturating_sub(n));
                    self.stack.push(Value::List(Rc::new(items)));
                }
                Op::Bin(bin) => {
                    let y = self.pop();
                    let x = self.pop();
                    let v = self.binary(bin, &x, &y)?;
                    self.stack.push(v);
                }
                Op::BinGlobalConst(bin, a, c) | Op::BinLocalConst(bin, a, c) => {
                    let frame_base = if matches!(op, Op::BinLocalConst(..)) { base } else { 0 };
                    let Some(x) =
                        self.slots.get(frame_base + a as usize).filter(|v| !matches!(v, Value::Nothing))
                    else {
                        return Err(self.no_value(frame_base, a));
                    };
                    let v = self.binary(bin, x, &chunk.consts[c as usize])?;
                    self.stack.push(v);
                }
                Op::BinGlobals(bin, a, b) | Op::BinLocals(bin, a, b) => {
                    let frame_base = if matches!(op, Op::BinLocals(..)) { base } else { 0 };
                    let Some(x) =
                        self.slots.get(frame_base + a as usize).filter(|v| !matches!(v, Value::Nothing))
                    else {
                        return Err(self.no_value(frame_base, a));
                    };
                    let Some(y) =
                        self.slots.get(frame_base + b as usize).filter(|v| !matches!(v, Value::Nothing))
                    else {
                        return Err(self.no_value(frame_base, b));
                    };
                    let v = self.binary(bin, x, y)?;
                    self.stack.push(v);
                }
                Op::JumpUnless(cmp, t) => {
                    let y = self.pop();
                    let x = self.pop();
                    if matches!(self.binary(cmp, &x, &y)?, Value::Bool(false)) {
                        self.ip = t as usize;
                        continue;
                    }
                }
                Op::Neg => {
                    let a = self.pop();
                    let n = self.num(&a, "-")?;
                    self.stack.push(Value::Num(-n));
                }
                Op::Not => {
                    let a = self.pop();
                    let b = self.boolean(&a)?;
                    self.stack.push(Value::Bool(!b));
                }
                Op::Jump(t) => {
                    self.ip = t as usize;
                    continue;
                }
                Op::JumpIfFalse(t) => {
                    let c = self.pop();
                    let truth = match c {
                        Value::Bool(b) => b,
                        other => self.boolean(&other)?,
                    };
                    if !truth {
                        self.ip = t as usize;
                        continue;
                    }
                }
                Op::AndJump(t) | Op::OrJump(t) => {
                    let top = self.stack.last().cloned().unwrap_or_default();
                    let b = self.boolean(&top)?;
                    if b == matches!(op, Op::OrJump(_)) {
                        self.ip = t as usize;
                        continue;
                    }
                    self.pop();
                }
                Op::Pop => {
                    self.pop();
                }
                Op::RepeatInit(s) => {
                    let v = self.pop();
                    let n = self.num(&v, "repeat")?;
                    self.slots[base + s as usize] = Value::Num(n.floor().max(0.0));
                }
                Op::RepeatNext(s, exit) => match &mut self.slots[base + s as usize] {
                    Value::Num(n) if *n >= 1.0 => *n -= 1.0,
                    _ => {
                        self.ip = exit as usize;
                        continue;
                    }
                },
                Op::IterInit(s) => {
                    let v = self.pop();
                    if !matches!(v, Value::List(_)) {
                        return Err(self.fault_with(Code::NotAList, &[("value", v.to_string())]));
                    }
                    self.slots[base + s as usize] = v;
                    self.slots[base + s as usize + 1] = Value::Num(0.0);
                }
                Op::IterNext(s, exit) => {
                    let i = base + s as usize;
                    let index = match self.slots[i + 1] {
                        Value::Num(n) => n as usize,
                        _ => usize::MAX,
                    };
                    let item = match &self.slots[i] {
                        Value::List(items) => items.get(index).cloned(),
                        _ => None,
                    };
                    match item {
                        Some(item) => {
                            self.slots[i + 1] = Value::Num(index as f64 + 1.0);
                            self.stack.push(item);
                        }
                        None => {
                            self.ip = exit as usize;
                            continue;
                        }
                    }
                }
                Op::RangeInit(s) => {
                    let end = self.pop();
                    let start = self.pop();
                    let (start, end) = (self.num(&start, "for each")?, self.num(&end, "for each")?);
                    let i = base + s as usize;
                    self.slots[i] = Value::Num(start);
                    self.slots[i + 1] = Value::Num(end);
                    self.slots[i + 2] = Value::Num(0.0);
                }
                Op::RangeNext(s, exit) => {
                    let i = base + s as usize;
                    let (Value::Num(next), Value::Num(end), Value::Num(count)) =
                        (&self.slots[i], &self.slots[i + 1], &self.slots[i + 2])
                    else {
                        self.ip = exit as usize;
                        continue;
                    };
                    let (next, end, count) = (*next, *end, *count);
                    if next > end {
                        self.ip = exit as usize;
                        continue;
                    }
                    let limit = self.limits.max_loop_iterations;
                    if count >= limit as f64 {
                        return Err(self.fault_with(Code::LoopLimit, &[("count", limit.to_string())]));
                    }
                    self.slots[i] = Value::Num(next + 1.0);
                    self.slots[i + 2] = Value::Num(count + 1.0);
                    self.stack.push(Value::Num(next));
                }
                Op::MakeRange => {
                    let end = self.pop();
                    let start = self.pop();
                    let (start, end) = (self.num(&start, "to")?, self.num(&end, "to")?);
                    let len = if end >= start { (end - start).floor() + 1.0 } else { 0.0 };
                    if len > self.limits.max_list_len as f64 {
                        let count = self.limits.max_list_len.to_string();
                        return Err(self.fault_with(Code::ListTooLong, &[("count", count)]));
                    }
                    let items = (0..len as usize).map(|k| Value::Num(start + k as f64)).collect();
                    self.stack.push(Value::List(Rc::new(items)));
                }
                Op::LoopInit(s) => self.slots[base + s as usize] = Value::Num(0.0),
                Op::LoopTick(s) => {
                    let limit = self.limits.max_loop_iterations;
                    if let Value::Num(n) = &mut self.slots[base + s as usize] {
                        *n += 1.0;
                        if *n > limit as f64 {
                            return Err(self.fault_with(Code::LoopLimit, &[("count", limit.to_string())]));
                        }
                    }
                }
                Op::Builtin(b, argc) => {
                    let args = self.stack.split_off(self.stack.len().saturating_sub(argc as usize));
                    let node = chunk.node_at(self.ip);
                    match host.call(b, &args) {
                        Ok(v) => {
                            self.ip += 1;
                            if b.kind() == BuiltinKind::Action {
                                self.actions += 1;
                                if self.actions > self.limits.max_actions {
                                    let mut d = Diagnostic::at_node(Code::ActionLimit, node);
                                    d.args.push(("count", self.limits.max_actions.to_string()));
                                    return Err(Box::new(d));
                                }
                                break Halt::Action { node, builtin: b };
                            }
                            self.stack.push(v);
                            continue;
                        }
                        Err(f) => {
                            let mut d = Diagnostic::at_node(Code::World(f.key), node);
                            d.args = f.args;
                            return Err(Box::new(d));
                        }
                    }
                }
                Op::Call(p, argc) => {
                    if self.frames.len() >= self.limits.max_call_depth {
                        let count = self.limits.max_call_depth.to_string();
                        return Err(self.fault_with(Code::CallDepth, &[("count", count)]));
                    }
                    let proc = &chunk.procs[p as usize];
                    let args = self.stack.split_off(self.stack.len().saturating_sub(argc as usize));
                    let new_base = self.slots.len();
                    self.slots.extend(args);
                    self.slots.resize(new_base + proc.slots as usize, Value::Nothing);
                    self.frames.push(Frame {
                        base: new_base,
                        ret_ip: self.ip + 1,
                        stack_len: self.stack.len(),
                    });
                    base = new_base;
                    self.ip = proc.start as usize;
                    continue;
                }
                Op::Return => {
                    let v = self.pop();
                    if self.frames.len() <= 1 {
                        break Halt::Finished;
                    }
                    let frame = self.frames.pop().unwrap_or(Frame { base: 0, ret_ip: 0, stack_len: 0 });
                    self.slots.truncate(frame.base);
                    self.stack.truncate(frame.stack_len);
                    self.stack.push(v);
                    self.ip = frame.ret_ip;
                    base = self.frames.last().map_or(0, |f| f.base);
                    continue;
                }
                Op::Halt => break Halt::Finished,
            }
            self.ip += 1;
        };
        Ok(halt)
    }

    /// A binary operator on two values: numbers take the fast path, everything else (texts,
    /// lists, equality of any values, errors) the slow one.
    #[inline(always)]
    fn binary(&self, op: BinOp, a: &Value, b: &Value) -> Result<Value, Box<Diagnostic>> {
        if let (Value::Num(x), Value::Num(y)) = (a, b) {
            let (x, y) = (*x, *y);
            return Ok(match op {
                BinOp::Add => Value::Num(x + y),
                BinOp::Sub => Value::Num(x - y),
                BinOp::Mul => Value::Num(x * y),
                BinOp::Div if y != 0.0 => Value::Num(x / y),
                BinOp::Mod if y != 0.0 => Value::Num(modulo(x, y)),
                BinOp::Eq => Value::Bool(x == y),
                BinOp::NotEq => Value::Bool(x != y),
                BinOp::Lt => Value::Bool(x < y),
                BinOp::Le => Value::Bool(x <= y),
                BinOp::Gt => Value::Bool(x > y),
                BinOp::Ge => Value::Bool(x >= y),
                _ => return self.slow_binary(op, a, b),
            });
        }
        self.slow_binary(op, a, b)
    }

    #[cold]
    fn slow_binary(&self, op: BinOp, a: &Value, b: &Value) -> Result<Value, Box<Diagnostic>> {
        let max_text = self.limits.max_text_len;
        let max_list = self.limits.max_list_len;
        Ok(match (op, a, b) {
            (BinOp::Eq, a, b) => Value::Bool(a == b),
            (BinOp::NotEq, a, b) => Value::Bool(a != b),
            (BinOp::And | BinOp::Or, Value::Bool(x), Value::Bool(y)) => {
                Value::Bool(if op == BinOp::And { *x && *y } else { *x || *y })
            }
            (BinOp::Div | BinOp::Mod, Value::Num(_), Value::Num(_)) => {
                return Err(self.fault(Code::DivideByZero))
            }
            (BinOp::Add, Value::Text(_), _) | (BinOp::Add, _, Value::Text(_)) => {
                let joined = format!("{a}{b}");
                if joined.chars().count() > max_text {
                    return Err(self.fault_with(Code::TextTooLong, &[("count", max_text.to_string())]));
                }
                Value::text(&joined)
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                if x.len() + y.len() > max_list {
                    return Err(self.fault_with(Code::ListTooLong, &[("count", max_list.to_string())]));
                }
                Value::List(Rc::new(x.iter().chain(y.iter()).cloned().collect()))
            }
            (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge, Value::Text(x), Value::Text(y)) => {
                let ord = x.cmp(y);
                Value::Bool(match op {
                    BinOp::Lt => ord.is_lt(),
                    BinOp::Le => ord.is_le(),
                    BinOp::Gt => ord.is_gt(),
                    _ => ord.is_ge(),
                })
            }
            (op, a, b) => {
                let bad = if matches!(a, Value::Num(_)) { b } else { a };
                return Err(self.fault_with(
                    Code::NotANumber,
                    &[("what", symbol(op).into()), ("value", bad.to_string())],
                ));
            }
        })
    }
}

/// `x mod y` as pupils expect it (never negative for a positive y). Whole numbers use integer
/// remainder: float remainder is a slow software routine in wasm.
#[inline(always)]
fn modulo(x: f64, y: f64) -> f64 {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole number below is exact
    if x.fract() == 0.0 && y.fract() == 0.0 && x.abs() < EXACT && y.abs() < EXACT {
        (x as i64).rem_euclid(y as i64) as f64
    } else {
        x.rem_euclid(y)
    }
}

fn symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "×",
        BinOp::Div => "÷",
        BinOp::Mod => "mod",
        BinOp::Lt => "<",
        BinOp::Le => "≤",
        BinOp::Gt => ">",
        BinOp::Ge => "≥",
        BinOp::Eq => "=",
        BinOp::NotEq => "≠",
        BinOp::And => "and",
        BinOp::Or => "or",
    }
}
