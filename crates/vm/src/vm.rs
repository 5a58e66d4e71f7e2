//! The resumable VM. All state lives in the [`Vm`] value (explicit frames, no Rust recursion
//! for pupil calls), so the UI can run it a frame's worth at a time, pause it, and keep
//! cheap copies of it to step back.

use std::cell::Cell;
use std::rc::Rc;

use crate::builtins::{Builtin, BuiltinKind, Colour};
#[cfg(feature = "later_units")]
use crate::chunk::LoopVar;
use crate::chunk::{Chunk, Op};
use crate::diagnostic::{Code, Diagnostic, Place};
use crate::host::Host;
#[cfg(feature = "later_units")]
use crate::ids::BinOp;
use crate::ids::NodeId;
use crate::limits::Limits;
#[cfg(feature = "later_units")]
use crate::limits::MAX_LIST_DEPTH;
#[cfg(feature = "later_units")]
use crate::value::{alphabetical, equal, List};
use crate::value::{shorten, Value, Writer};

/// Where a helper's error points until the loop knows which instruction failed.
const PENDING: NodeId = NodeId(u32::MAX);

/// Why [`Vm::run`] returned.
#[derive(Debug, Clone, PartialEq)]
pub enum Halt {
    /// A robot action was done (the world changed); the pupil should see it happen.
    Action {
        node: NodeId,
        builtin: Builtin,
    },
    /// Stepping by statements: `node` has just run and the next statement is about to.
    Step {
        node: NodeId,
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
    /// Work done inside instructions that walk or copy values (texts and lists), in steps,
    /// not yet counted: the step limit and the fuel bound work, not just instructions.
    work: Cell<u64>,
    ended: Option<Halt>,
}

/// Characters of a value a message shows.
const SHOWN: usize = 40;

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
            work: Cell::new(0),
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

    /// Whether the next instruction begins a statement (stepping over pauses only there).
    pub fn at_statement(&self) -> bool {
        self.chunk.statement_at(self.ip).is_some()
    }

    pub fn is_done(&self) -> bool {
        self.ended.is_some()
    }

    /// Runs one visible step: until the next statement begins, a robot action is done, or
    /// the run ends, whichever comes first. Used for stepping, never for running (it runs one
    /// instruction per call).
    pub fn step_statement(&mut self, host: &mut dyn Host, max_instructions: u64) -> Halt {
        for _ in 0..max_instructions {
            let at = self.ip;
            match self.run(host, 1) {
                Halt::OutOfFuel => {}
                other => return other,
            }
            if self.chunk.statement_at(self.ip).is_some() {
                let node = self.chunk.statement_before(at).unwrap_or_else(|| self.chunk.node_at(at));
                return Halt::Step { node };
            }
        }
        Halt::OutOfFuel
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
        Box::new(Diagnostic::at_node(code, PENDING))
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
                Err(self.fault_with(Code::NotANumber, &[("what", what.into()), ("value", self.show(other))]))
            }
        }
    }

    #[cfg(feature = "later_units")]
    fn boolean(&self, v: &Value) -> Result<bool, Box<Diagnostic>> {
        match v {
            Value::Bool(b) => Ok(*b),
            other => Err(self.fault_with(Code::NotABoolean, &[("value", self.show(other))])),
        }
    }

    /// A value as a message shows it: in the pupil's words, and cut short.
    #[cold]
    fn show(&self, v: &Value) -> String {
        shorten(v, &self.chunk.words, SHOWN)
    }

    /// A list built-in's result as a value, or its fault as a message.
    #[cfg(feature = "lists")]
    #[cold]
    fn list_outcome(
        &self,
        outcome: Result<crate::lists::Outcome, crate::lists::Fault>,
    ) -> Result<Value, Box<Diagnostic>> {
        use crate::lists::{Fault, Outcome};
        match outcome {
            Ok(Outcome::Value(v)) => Ok(v),
            Ok(Outcome::Changed(items)) => {
                // The copy is work, as much as making the list (`make_list` charges that).
                self.charge(items.len() / 8);
                self.make_list(items)
            }
            Err(Fault::NeedsList(v)) => Err(self.fault_with(Code::NeedsList, &[("value", self.show(&v))])),
            Err(Fault::Empty { position }) => {
                Err(self.fault_with(Code::ListEmpty, &[("position", self.show(&position))]))
            }
            Err(Fault::Position { position, count }) => Err(self.fault_with(
                Code::ListPosition,
                &[("position", self.show(&position)), ("count", count.to_string())],
            )),
        }
    }

    /// Counts `steps` of work done inside the instruction being run.
    fn charge(&self, steps: usize) {
        self.work.set(self.work.get() + steps as u64);
    }

    #[cfg(feature = "later_units")]
    /// A new list, if it is within the limits.
    fn make_list(&self, items: Vec<Value>) -> Result<Value, Box<Diagnostic>> {
        let list = List::new(items);
        if list.size() > self.limits.max_list_len {
            let count = self.limits.max_list_len.to_string();
            return Err(self.fault_with(Code::ListTooLong, &[("count", count)]));
        }
        if list.depth() > MAX_LIST_DEPTH {
            return Err(self.fault_with(Code::ListTooDeep, &[("count", MAX_LIST_DEPTH.to_string())]));
        }
        self.charge(list.items.len() / 8);
        Ok(Value::List(Rc::new(list)))
    }

    /// Writes values one after another as the pupil reads them, as one text within the
    /// text limit: it stops as soon as the limit is passed, before building the whole text.
    fn join(&self, values: &[&Value]) -> Result<Value, Box<Diagnostic>> {
        let max = self.limits.max_text_len;
        let mut w = Writer::new(&self.chunk.words, max);
        let fits = values.iter().all(|v| w.value(v));
        self.charge(w.out.len() / 8);
        if !fits {
            return Err(self.fault_with(Code::TextTooLong, &[("count", max.to_string())]));
        }
        Ok(Value::text(&w.out))
    }

    /// The loop to name when the run is too long: of the loops running now (across calls,
    /// outermost first), the innermost whose current run began in the first half of the
    /// outermost one's. A loop that restarts (a `repeat` inside a `while`) began recently; one
    /// that never ends began long ago.
    #[cold]
    fn endless_loop(&self, ip: usize, now: u64) -> Option<NodeId> {
        let mut running = Vec::new();
        for (i, frame) in self.frames.iter().enumerate() {
            let at = self.frames.get(i + 1).map_or(ip, |callee| callee.ret_ip.saturating_sub(1));
            for l in &self.chunk.loops {
                if (l.start as usize..l.end as usize).contains(&at) {
                    if let Some(Value::Num(began)) = self.slots.get(frame.base + l.began as usize) {
                        running.push((*began as u64, l.node));
                    }
                }
            }
        }
        let age = now.saturating_sub(running.first()?.0);
        running.iter().rev().find(|(began, _)| now.saturating_sub(*began) >= age / 2).map(|l| l.1)
    }

    /// Feeds `h` everything the rest of the run depends on: where it is, the calls under way,
    /// and every value on the stack and in the variables; not the step counts loops keep for
    /// their messages (`Loop::began`) nor the counts the limits read. The language has no
    /// randomness, so when this and the world are the same at two actions, the run between
    /// them repeats for ever (`tafukt_lesson::circles`).
    pub fn state_hash(&self, h: &mut impl std::hash::Hasher) {
        h.write_usize(self.ip);
        h.write_usize(self.stack.len());
        for v in &self.stack {
            hash_value(v, h);
        }
        for (i, frame) in self.frames.iter().enumerate() {
            h.write_usize(frame.base);
            h.write_usize(frame.ret_ip);
            h.write_usize(frame.stack_len);
            // The loops running in this frame keep an iteration count and the step they began
            // at (`Op::LoopInit`): only the limits and messages read them. A loop not running
            // may have left its slots to a sibling's counter, which does count.
            let at = self.frames.get(i + 1).map_or(self.ip, |callee| callee.ret_ip.saturating_sub(1));
            let guards: Vec<usize> = self
                .chunk
                .loops
                .iter()
                .filter(|l| (l.start as usize..l.end as usize).contains(&at))
                .flat_map(|l| [l.began as usize - 1, l.began as usize])
                .collect();
            let end = self.frames.get(i + 1).map_or(self.slots.len(), |f| f.base).min(self.slots.len());
            for (slot, v) in self.slots.get(frame.base..end).unwrap_or_default().iter().enumerate() {
                if !guards.contains(&slot) {
                    h.write_usize(slot);
                    hash_value(v, h);
                }
            }
        }
    }

    /// The fault for a run whose state came back after `actions` actions: it names the loop
    /// that never ends, as the step limit does.
    #[cold]
    pub fn circle_fault(&self, actions: u64) -> Diagnostic {
        let mut d = *self.fault_with(Code::EndlessCircle, &[("count", actions.to_string())]);
        if let Some(node) = self.endless_loop(self.ip, self.steps) {
            d.place = Place::Node(node);
        }
        d
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
    /// whether the slice ends in a halt or an error. The instruction pointer and the count
    /// live in locals while it runs; every error leaves the loop with `break`, so both are
    /// written back in one place.
    fn execute(&mut self, host: &mut dyn Host, fuel: u64) -> Result<Halt, Box<Diagnostic>> {
        let chunk = Rc::clone(&self.chunk);
        let code = &chunk.code;
        let consts = &chunk.consts;
        // Steps are counted against the run's limit once per call, not once per instruction.
        let left = self.limits.max_steps.saturating_sub(self.steps);
        let budget = fuel.min(left);
        #[cfg_attr(not(feature = "later_units"), allow(unused_mut))]
        let mut base = self.frames.last().map_or(0, |f| f.base);
        let mut ip = self.ip;
        let mut done = 0u64;
        // The instruction being run, for errors made by helpers (they point at `PENDING`).
        let mut at = ip;
        // On an error: point it at the instruction being run, and leave the loop.
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(d) => break Err(d),
                }
            };
        }
        // After an instruction that may have walked or copied values: count that work.
        macro_rules! charged {
            () => {
                let w = self.work.get();
                if w != 0 {
                    done += w;
                    self.work.set(0);
                }
            };
        }
        macro_rules! read {
            ($frame_base:expr, $slot:expr) => {
                match self.slots.get($frame_base + $slot as usize) {
                    Some(Value::Nothing) | None => {
                        self.ip = ip;
                        break Err(self.no_value($frame_base, $slot));
                    }
                    Some(v) => v,
                }
            };
        }
        let result = loop {
            if done >= budget {
                if budget < fuel {
                    let count = self.limits.max_steps.to_string();
                    self.ip = ip;
                    let mut d = self.fault_with(Code::StepLimit, &[("count", count)]);
                    if let Some(node) = self.endless_loop(ip, self.steps + done) {
                        d.place = Place::Node(node);
                    }
                    break Err(d);
                }
                break Ok(Halt::OutOfFuel);
            }
            done += 1;
            let Some(&op) = code.get(ip) else {
                break Ok(Halt::Finished);
            };
            at = ip;
            match op {
                Op::Const(i) => self.stack.push(consts[i as usize].clone()),
                Op::Nothing => self.stack.push(Value::Nothing),
                Op::GetLocal(i) => {
                    let v = read!(base, i).clone();
                    self.stack.push(v);
                }
                Op::GetGlobal(i) => {
                    let v = read!(0, i).clone();
                    self.stack.push(v);
                }
                #[cfg(feature = "later_units")]
                Op::SetLocal(i) => {
                    let v = self.pop();
                    self.slots[base + i as usize] = v;
                }
                #[cfg(feature = "later_units")]
                Op::SetGlobal(i) => {
                    let v = self.pop();
                    self.slots[i as usize] = v;
                }
                #[cfg(feature = "later_units")]
                Op::MakeList(n) => {
                    let items = self.stack.split_off(self.stack.len().saturating_sub(n as usize));
                    let v = tri!(self.make_list(items));
                    charged!();
                    self.stack.push(v);
                }
                #[cfg(feature = "later_units")]
                Op::Bin(bin) => {
                    let y = self.pop();
                    let x = self.pop();
                    let v = tri!(self.binary(bin, &x, &y));
                    charged!();
                    self.stack.push(v);
                }
                #[cfg(feature = "later_units")]
                Op::BinGlobalConst(bin, a, c) => {
                    let v = tri!(self.binary(bin, read!(0, a), &consts[c as usize]));
                    charged!();
                    self.stack.push(v);
                }
                #[cfg(feature = "later_units")]
                Op::BinLocalConst(bin, a, c) => {
                    let v = tri!(self.binary(bin, read!(base, a), &consts[c as usize]));
                    charged!();
                    self.stack.push(v);
                }
                #[cfg(feature = "later_units")]
                Op::BinGlobals(bin, a, b) => {
                    let v = tri!(self.binary(bin, read!(0, a), read!(0, b)));
                    charged!();
                    self.stack.push(v);
                }
                #[cfg(feature = "later_units")]
                Op::BinLocals(bin, a, b) => {
                    let v = tri!(self.binary(bin, read!(base, a), read!(base, b)));
                    charged!();
                    self.stack.push(v);
                }
                #[cfg(feature = "later_units")]
                Op::JumpUnless(cmp, t) => {
                    let y = self.pop();
                    let x = self.pop();
                    let truth = tri!(self.binary(cmp, &x, &y));
                    charged!();
                    if matches!(truth, Value::Bool(false)) {
                        ip = t as usize;
                        continue;
                    }
                }
                #[cfg(feature = "later_units")]
                Op::JumpUnlessConst(cmp, c, t) => {
                    let x = self.pop();
                    let y = &consts[c as usize];
                    let truth = match (&x, y) {
                        (Value::Num(a), Value::Num(b)) => compare(cmp, *a, *b),
                        _ => {
                            let v = tri!(self.binary(cmp, &x, y));
                            charged!();
                            !matches!(v, Value::Bool(false))
                        }
                    };
                    if !truth {
                        ip = t as usize;
                        continue;
                    }
                }
                #[cfg(feature = "later_units")]
                Op::JumpUnlessGlobalConst(cmp, a, c, t) => {
                    let x = read!(0, a);
                    let y = &consts[c as usize];
                    let truth = match (x, y) {
                        (Value::Num(a), Value::Num(b)) => compare(cmp, *a, *b),
                        _ => {
                            let v = tri!(self.binary(cmp, x, y));
                            charged!();
                            !matches!(v, Value::Bool(false))
                        }
                    };
                    if !truth {
                        ip = t as usize;
                        continue;
                    }
                }
                Op::Neg => {
                    let a = self.pop();
                    let n = tri!(self.num(&a, "-"));
                    self.stack.push(Value::Num(-n));
                }
                #[cfg(feature = "later_units")]
                Op::Not => {
                    let a = self.pop();
                    let b = tri!(self.boolean(&a));
                    self.stack.push(Value::Bool(!b));
                }
                Op::Jump(t) => {
                    ip = t as usize;
                    continue;
                }
                #[cfg(feature = "later_units")]
                Op::JumpIfFalse(t) => {
                    let c = self.pop();
                    let truth = match c {
                        Value::Bool(b) => b,
                        other => tri!(self.boolean(&other)),
                    };
                    if !truth {
                        ip = t as usize;
                        continue;
                    }
                }
                #[cfg(feature = "later_units")]
                Op::AndJump(t) | Op::OrJump(t) => {
                    let top = self.stack.last().cloned().unwrap_or_default();
                    let b = tri!(self.boolean(&top));
                    if b == matches!(op, Op::OrJump(_)) {
                        ip = t as usize;
                        continue;
                    }
                    self.pop();
                }
                Op::Pop => {
                    self.pop();
                }
                Op::RepeatInit(s) => {
                    let v = self.pop();
                    let n = tri!(self.num(&v, "repeat"));
                    if n < 0.0 {
                        self.ip = ip;
                        break Err(self.fault_with(Code::NegativeRepeat, &[("value", self.show(&v))]));
                    }
                    self.slots[base + s as usize] = Value::Num(n.floor());
                }
                Op::RepeatNext(s, exit) => match &mut self.slots[base + s as usize] {
                    Value::Num(n) if *n >= 1.0 => *n -= 1.0,
                    _ => {
                        ip = exit as usize;
                        continue;
                    }
                },
                #[cfg(feature = "later_units")]
                Op::IterInit(s) => {
                    let v = self.pop();
                    if !matches!(v, Value::List(_)) {
                        break Err(self.fault_with(Code::NotAList, &[("value", self.show(&v))]));
                    }
                    self.slots[base + s as usize] = v;
                    self.slots[base + s as usize + 1] = Value::Num(0.0);
                }
                #[cfg(feature = "later_units")]
                Op::IterNext(s, exit) => {
                    let i = base + s as usize;
                    let index = match self.slots[i + 1] {
                        Value::Num(n) => n as usize,
                        _ => usize::MAX,
                    };
                    let item = match &self.slots[i] {
                        Value::List(list) => list.items.get(index).cloned(),
                        _ => None,
                    };
                    match item {
                        Some(item) => {
                            self.slots[i + 1] = Value::Num(index as f64 + 1.0);
                            self.stack.push(item);
                        }
                        None => {
                            ip = exit as usize;
                            continue;
                        }
                    }
                }
                #[cfg(feature = "later_units")]
                Op::RangeInit(s) => {
                    let end = self.pop();
                    let start = self.pop();
                    let start = tri!(self.num(&start, "for each"));
                    let end = tri!(self.num(&end, "for each"));
                    let i = base + s as usize;
                    self.slots[i] = Value::Num(start);
                    self.slots[i + 1] = Value::Num(end);
                    self.slots[i + 2] = Value::Num(0.0);
                    self.slots[i + 3] = Value::Num((self.steps + done) as f64);
                }
                #[cfg(feature = "later_units")]
                Op::RangeLoop(s, var, body) => {
                    let i = base + s as usize;
                    let (Value::Num(next), Value::Num(end), Value::Num(count)) =
                        (&self.slots[i], &self.slots[i + 1], &self.slots[i + 2])
                    else {
                        ip += 1;
                        continue;
                    };
                    let (next, end, count) = (*next, *end, *count);
                    if next > end {
                        ip += 1;
                        continue;
                    }
                    let limit = self.limits.max_loop_iterations;
                    if count >= limit as f64 {
                        break Err(self.fault_with(Code::LoopLimit, &[("count", limit.to_string())]));
                    }
                    self.slots[i] = Value::Num(next + 1.0);
                    self.slots[i + 2] = Value::Num(count + 1.0);
                    // The loop variable is stored here, not by a separate instruction.
                    let target = match var {
                        LoopVar::Global(v) => v as usize,
                        LoopVar::Local(v) => base + v as usize,
                    };
                    self.slots[target] = Value::Num(next);
                    ip = body as usize;
                    continue;
                }
                #[cfg(feature = "later_units")]
                Op::MakeRange => {
                    let end = self.pop();
                    let start = self.pop();
                    let start = tri!(self.num(&start, "to"));
                    let end = tri!(self.num(&end, "to"));
                    let len = if end >= start { (end - start).floor() + 1.0 } else { 0.0 };
                    if len > self.limits.max_list_len as f64 {
                        let count = self.limits.max_list_len.to_string();
                        break Err(self.fault_with(Code::ListTooLong, &[("count", count)]));
                    }
                    let items = (0..len as usize).map(|k| Value::Num(start + k as f64)).collect();
                    let v = tri!(self.make_list(items));
                    charged!();
                    self.stack.push(v);
                }
                Op::LoopInit(s) => {
                    self.slots[base + s as usize] = Value::Num(0.0);
                    self.slots[base + s as usize + 1] = Value::Num((self.steps + done) as f64);
                }
                Op::LoopTick(s) => {
                    let limit = self.limits.max_loop_iterations;
                    if let Value::Num(n) = &mut self.slots[base + s as usize] {
                        *n += 1.0;
                        if *n > limit as f64 {
                            break Err(self.fault_with(Code::LoopLimit, &[("count", limit.to_string())]));
                        }
                    }
                }
                Op::Builtin(b, argc) => {
                    let mut args = self.stack.split_off(self.stack.len().saturating_sub(argc as usize));
                    if b == Builtin::Say {
                        // The VM writes what is said, in the pupil's words and within the text
                        // limit, so a world only ever gets a short text.
                        let said = tri!(self.join(&args.iter().collect::<Vec<_>>()));
                        charged!();
                        args = vec![said];
                    }
                    // Lists are the VM's own: no world sees them, and changing one is no
                    // action (the compiler stores the new list in its variable).
                    #[cfg(feature = "lists")]
                    if let Some(outcome) = crate::lists::apply(b, &args) {
                        let v = tri!(self.list_outcome(outcome));
                        charged!();
                        self.stack.push(v);
                        ip += 1;
                        continue;
                    }
                    let node = chunk.node_at(ip);
                    match host.call(b, &args) {
                        Ok(mut v) => {
                            // Training is work the fuel and the step limit must see.
                            #[cfg(feature = "ai")]
                            {
                                done = done.saturating_add(host.take_work());
                            }
                            if let (Builtin::TileColour, Value::Text(t)) = (b, &v) {
                                // A world names colours by key; the program sees a colour.
                                if let Some(c) = Colour::from_key(t) {
                                    v = Value::Colour(c);
                                }
                            }
                            ip += 1;
                            if b.kind() == BuiltinKind::Action {
                                self.actions += 1;
                                if self.actions > self.limits.max_actions {
                                    let mut d = Diagnostic::at_node(Code::ActionLimit, node);
                                    d.args.push(("count", self.limits.max_actions.to_string()));
                                    break Err(Box::new(d));
                                }
                                break Ok(Halt::Action { node, builtin: b });
                            }
                            self.stack.push(v);
                            continue;
                        }
                        Err(f) => {
                            let mut d = Diagnostic::at_node(Code::World(f.key), node);
                            d.args = f.args;
                            break Err(Box::new(d));
                        }
                    }
                }
                #[cfg(feature = "later_units")]
                Op::Call(p, argc) => {
                    if self.frames.len() >= self.limits.max_call_depth {
                        let count = self.limits.max_call_depth.to_string();
                        break Err(self.fault_with(Code::CallDepth, &[("count", count)]));
                    }
                    let proc = &chunk.procs[p as usize];
                    // Clearing the frame's slots is work too.
                    done += proc.slots as u64 / 8;
                    let args = self.stack.split_off(self.stack.len().saturating_sub(argc as usize));
                    let new_base = self.slots.len();
                    self.slots.extend(args);
                    self.slots.resize(new_base + proc.slots as usize, Value::Nothing);
                    self.frames.push(Frame { base: new_base, ret_ip: ip + 1, stack_len: self.stack.len() });
                    base = new_base;
                    ip = proc.start as usize;
                    continue;
                }
                #[cfg(feature = "later_units")]
                Op::Return => {
                    let v = self.pop();
                    if self.frames.len() <= 1 {
                        break Ok(Halt::Finished);
                    }
                    let frame = self.frames.pop().unwrap_or(Frame { base: 0, ret_ip: 0, stack_len: 0 });
                    self.slots.truncate(frame.base);
                    self.stack.truncate(frame.stack_len);
                    self.stack.push(v);
                    ip = frame.ret_ip;
                    base = self.frames.last().map_or(0, |f| f.base);
                    continue;
                }
                Op::Halt => break Ok(Halt::Finished),
                // The core app runs the first unit's programs only: a program with another
                // block is refused before it runs (`toolbox_gap`), so this is never reached.
                #[cfg(not(feature = "later_units"))]
                _ => break Err(self.fault(Code::NotAllowed)),
            }
            ip += 1;
        };
        let mut result = result;
        if let Err(d) = &mut result {
            if d.place == Place::Node(PENDING) {
                d.place = Place::Node(chunk.node_at(at));
            }
        }
        self.ip = ip;
        self.steps += done;
        result
    }

    /// A binary operator on two values: numbers take the fast path, everything else (texts,
    /// lists, equality of any values, errors) the slow one.
    #[inline(always)]
    #[cfg(feature = "later_units")]
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
    #[cfg(feature = "later_units")]
    fn slow_binary(&self, op: BinOp, a: &Value, b: &Value) -> Result<Value, Box<Diagnostic>> {
        Ok(match (op, a, b) {
            (BinOp::Eq | BinOp::NotEq, a, b) => {
                let mut work = 0;
                let same = equal(a, b, &mut work);
                self.charge(work as usize);
                Value::Bool(same == (op == BinOp::Eq))
            }
            (BinOp::And | BinOp::Or, Value::Bool(x), Value::Bool(y)) => {
                Value::Bool(if op == BinOp::And { *x && *y } else { *x || *y })
            }
            (BinOp::Div | BinOp::Mod, Value::Num(_), Value::Num(_)) => {
                return Err(self.fault(Code::DivideByZero))
            }
            (BinOp::Add, Value::Text(_), _) | (BinOp::Add, _, Value::Text(_)) => return self.join(&[a, b]),
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                return self.make_list(x.items.iter().chain(y.items.iter()).cloned().collect())
            }
            (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge, Value::Text(x), Value::Text(y)) => {
                self.charge(x.len().min(y.len()) / 16);
                let ord = alphabetical(x, y);
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
                    &[("what", symbol(op).into()), ("value", self.show(bad))],
                ));
            }
        })
    }
}

/// A comparison of two numbers, for the fused compare-and-branch instructions (which are
/// only made for comparison operators).
#[inline(always)]
#[cfg(feature = "later_units")]
fn compare(op: BinOp, x: f64, y: f64) -> bool {
    match op {
        BinOp::Eq => x == y,
        BinOp::NotEq => x != y,
        BinOp::Lt => x < y,
        BinOp::Le => x <= y,
        BinOp::Gt => x > y,
        _ => x >= y,
    }
}

/// `x mod y` as pupils expect it (never negative for a positive y). Whole numbers use integer
/// remainder: float remainder is a slow software routine in wasm.
#[inline(always)]
#[cfg(feature = "later_units")]
fn modulo(x: f64, y: f64) -> f64 {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole number below is exact
    if x.fract() == 0.0 && y.fract() == 0.0 && x.abs() < EXACT && y.abs() < EXACT {
        let (a, b) = (x as i64, y as i64);
        // Euclidean remainder by hand: both are below 2^53, so `%` cannot overflow.
        let r = a % b;
        (if r < 0 { r + b.abs() } else { r }) as f64
    } else {
        // Fractions: by division and `floor` (a wasm instruction) rather than the float
        // remainder routine, which costs kilobytes of wasm; brought into [0, |y|).
        let m = y.abs();
        if m.is_infinite() {
            return if x < 0.0 { m } else { x };
        }
        let r = x - m * (x / m).floor();
        if r >= m {
            r - m
        } else if r < 0.0 {
            r + m
        } else {
            r
        }
    }
}

#[cfg(feature = "later_units")]
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

/// A value as [`Vm::state_hash`] feeds it: numbers by their bits, texts and lists by content.
fn hash_value(v: &Value, h: &mut impl std::hash::Hasher) {
    match v {
        Value::Nothing => h.write_u8(0),
        Value::Num(n) => {
            h.write_u8(1);
            h.write_u64(n.to_bits());
        }
        Value::Bool(b) => h.write_u8(2 + u8::from(*b)),
        Value::Text(t) => {
            h.write_u8(4);
            h.write(t.as_bytes());
            h.write_u8(0xff);
        }
        Value::Colour(c) => {
            h.write_u8(5);
            h.write(c.key().as_bytes());
        }
        Value::List(l) => {
            h.write_u8(6);
            h.write_usize(l.items.len());
            for item in &l.items {
                hash_value(item, h);
            }
        }
    }
}

#[cfg(all(test, feature = "later_units"))]
mod tests {
    use super::modulo;

    #[test]
    fn mod_matches_the_euclidean_remainder() {
        for (x, y) in
            [(17.0, 5.0), (-7.0, 3.0), (7.0, -3.0), (5.5, 2.0), (-5.5, 2.0), (0.3, 0.1), (1e15, 7.0)]
        {
            let want = f64::rem_euclid(x, y);
            let got = modulo(x, y);
            assert!(
                (got - want).abs() < 1e-9 && (0.0..y.abs()).contains(&got),
                "{x} mod {y}: {got}, not {want}"
            );
        }
        // Small fractions, many of them: never outside [0, |y|), and close to the exact value
        // (or, where x is a multiple of y up to rounding, 0 where the exact remainder is just
        // under |y|: what a pupil expects of 57.35 mod 1.55).
        for i in -400..400 {
            let (x, y) = (i as f64 * 0.37, 1.3 + (i % 7) as f64 * 0.25);
            let (got, d) = (modulo(x, y), (modulo(x, y) - x.rem_euclid(y)).abs());
            assert!(
                (0.0..y.abs()).contains(&got) && (d < 1e-9 || (d - y.abs()).abs() < 1e-9),
                "{x} mod {y}: {got}"
            );
        }
        assert_eq!(modulo(-2.5, f64::INFINITY), f64::INFINITY);
        assert_eq!(modulo(2.5, f64::INFINITY), 2.5);
    }
}

/// The core app's VM (built without `later_units`, `cargo test -p tafukt-vm
/// --no-default-features`): it runs the first unit's instructions and stops at any other
/// with a message, never a panic.
#[cfg(all(test, not(feature = "later_units")))]
mod first_unit_tests {
    use super::*;
    use crate::host::NullHost;
    use crate::ids::BinOp;

    fn run(code: Vec<Op>) -> Result<Halt, Code> {
        let mut chunk = Chunk { consts: vec![Value::Num(2.0), Value::Bool(true)], ..Chunk::default() };
        chunk.procs.push(crate::chunk::Proc {
            name: String::new(),
            start: 0,
            params: 0,
            slots: 8,
            names: vec![],
        });
        for op in code {
            chunk.emit(op, NodeId(1));
        }
        let mut vm = Vm::new(Rc::new(chunk), Limits::default());
        match vm.run(&mut NullHost::default(), 1000) {
            Halt::Faulted(d) => Err(d.code),
            h => Ok(h),
        }
    }

    #[test]
    fn the_first_units_instructions_run() {
        let ok = run(vec![Op::Const(0), Op::Neg, Op::Pop, Op::Nothing, Op::Pop, Op::Halt]);
        assert!(matches!(ok, Ok(Halt::Finished)), "{ok:?}");
        // repeat 2 times (empty): the count, the loop's slots, its test and jump back.
        let repeat = vec![
            Op::Const(0),
            Op::RepeatInit(0),
            Op::LoopInit(1),
            Op::RepeatNext(0, 6),
            Op::LoopTick(1),
            Op::Jump(3),
            Op::Halt,
        ];
        assert!(matches!(run(repeat), Ok(Halt::Finished)));
    }

    #[test]
    fn any_other_instruction_stops_the_run_with_a_message() {
        let later = [
            Op::SetGlobal(0),
            Op::MakeList(1),
            Op::Bin(BinOp::Add),
            Op::Not,
            Op::JumpIfFalse(3),
            Op::AndJump(3),
            Op::IterInit(0),
            Op::RangeInit(0),
            Op::MakeRange,
            Op::Call(0, 0),
            Op::Return,
        ];
        for op in later {
            assert!(!op.first_unit(), "{op:?}");
            assert_eq!(run(vec![Op::Const(0), Op::Const(1), op, Op::Halt]), Err(Code::NotAllowed), "{op:?}");
        }
    }
}
