//! What the block editor does to a program, as operations on the tree both editors share:
//! blocks are a view of the [`Program`], not a second model. A place in the program is a
//! [`Slot`] (which statement list, and where in it); operations return the changed program,
//! which the editor prints back to text in the pupil's language, so switching between
//! blocks and text loses nothing (comments included).

use crate::ast::{Expr, ExprKind, NodeId, Program, Stmt, StmtKind};
use crate::toolbox::Construct;
use tafukt_vm::builtins::{Builtin, BuiltinKind, Colour};

/// One step down into a nested statement list: the statement's index in its list, and which
/// of its bodies (0 for loops and `define`; for `if`, one per arm, then `else`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub index: usize,
    pub body: usize,
}

/// A place between statements: the list (reached by `path` from the program's body) and
/// the position in it (0 is before the first statement).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Slot {
    pub path: Vec<Step>,
    pub index: usize,
}

impl Slot {
    /// The slot as text for a page attribute: `index:body,index:body/position`.
    pub fn key(&self) -> String {
        let path: Vec<String> = self.path.iter().map(|s| format!("{}:{}", s.index, s.body)).collect();
        format!("{}/{}", path.join(","), self.index)
    }

    /// Reads [`Slot::key`] back; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Slot> {
        let (path, index) = key.split_once('/')?;
        let number = |t: &str| t.parse::<usize>().ok();
        let path = path
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (i, b) = p.split_once(':')?;
                Some(Step { index: number(i)?, body: number(b)? })
            })
            .collect::<Option<Vec<Step>>>()?;
        Some(Slot { path, index: number(index)? })
    }

    /// The slot of the statement at `index` of the list at `path`.
    pub fn at(path: &[Step], index: usize) -> Slot {
        Slot { path: path.to_vec(), index }
    }
}

/// The statement just after `slot`, if there is one.
pub fn stmt_at<'a>(program: &'a Program, slot: &Slot) -> Option<&'a Stmt> {
    let mut list = &program.body;
    for step in &slot.path {
        list = list.get(step.index)?.kind.blocks().nth(step.body)?;
    }
    list.get(slot.index)
}

/// A value of the statement after `slot`: `[i]` is its i-th own value, `[i, j]` the j-th
/// value inside that one (`[0, 1]` is the right side of `n + 1` in `say n + 1`).
pub fn value_at<'a>(program: &'a Program, slot: &Slot, at: &[usize]) -> Option<&'a Expr> {
    let (first, rest) = at.split_first()?;
    let mut e = stmt_at(program, slot)?.kind.exprs().nth(*first)?;
    for i in rest {
        e = e.children().nth(*i)?;
    }
    Some(e)
}

/// The statement that starts on `line` (1-based) of `source`, the text `program` was read
/// from: the block the running highlight marks.
pub fn slot_on_line(program: &Program, source: &str, line: usize) -> Option<Slot> {
    let start = match line {
        0 => return None,
        1 => 0,
        n => source.match_indices('\n').nth(n - 2)?.0 + 1,
    };
    let end = source.get(start..)?.find('\n').map_or(source.len(), |i| start + i);
    let mut path = Vec::new();
    find_on_line(program, &program.body, start..end, &mut path)
}

fn find_on_line(
    program: &Program,
    list: &[Stmt],
    line: std::ops::Range<usize>,
    path: &mut Vec<Step>,
) -> Option<Slot> {
    for (index, s) in list.iter().enumerate() {
        let span = program.span(s.id);
        if line.contains(&span.start) {
            return Some(Slot { path: path.clone(), index });
        }
        if span.start < line.start && span.end >= line.start {
            for (body, list) in s.kind.blocks().enumerate() {
                path.push(Step { index, body });
                if let Some(found) = find_on_line(program, list, line.clone(), path) {
                    return Some(found);
                }
                path.pop();
            }
        }
    }
    None
}

/// The number typed on the number pad (digits, one point, a leading minus), built without
/// float parsing, which would add kilobytes to the wasm. `None` if it is not a number.
pub fn pad_number(typed: &str) -> Option<f64> {
    let (negative, digits) = match typed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, typed),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() || whole.len() + fraction.len() > 15 {
        return None;
    }
    let mut n = 0.0;
    for c in whole.chars().chain(fraction.chars()) {
        n = n * 10.0 + c.to_digit(10)? as f64;
    }
    // One division, as the lexer does: both sides are exact, so the quotient is the number
    // nearest the typed one (dividing by 10 a digit at a time rounds at each step, and the
    // result then prints with more digits than were typed).
    if !fraction.is_empty() {
        n /= 10f64.powi(fraction.len() as i32);
    }
    Some(if negative { -n } else { n })
}

fn body_mut(kind: &mut StmtKind, body: usize) -> Option<&mut Vec<Stmt>> {
    bodies_mut(kind).into_iter().nth(body)
}

/// The values directly inside a statement (not inside its bodies).
fn exprs_mut(kind: &mut StmtKind) -> Vec<&mut Expr> {
    match kind {
        StmtKind::Action(_, args) | StmtKind::Call(_, args) => args.iter_mut().collect(),
        StmtKind::Assign(_, e)
        | StmtKind::Repeat(e, _)
        | StmtKind::While(e, _)
        | StmtKind::ForEach(_, e, _) => {
            vec![e]
        }
        StmtKind::If(arms, _) => arms.iter_mut().map(|(c, _)| c).collect(),
        StmtKind::Return(e) => e.iter_mut().collect(),
        _ => vec![],
    }
}

/// The statement lists nested in a statement, in order.
fn bodies_mut(kind: &mut StmtKind) -> Vec<&mut Vec<Stmt>> {
    match kind {
        StmtKind::Repeat(_, b)
        | StmtKind::While(_, b)
        | StmtKind::ForEach(_, _, b)
        | StmtKind::Define(_, _, b) => vec![b],
        StmtKind::If(arms, other) => arms.iter_mut().map(|(_, b)| b).chain(other.iter_mut()).collect(),
        _ => vec![],
    }
}

fn list_mut<'a>(program: &'a mut Program, path: &[Step]) -> Option<&'a mut Vec<Stmt>> {
    let mut list = &mut program.body;
    for step in path {
        let stmt = list.get_mut(step.index)?;
        list = body_mut(&mut stmt.kind, step.body)?;
    }
    Some(list)
}

/// Puts `stmt` at `slot`. `None` if the slot is not in the program, or the program would
/// nest deeper than the parser accepts.
pub fn insert(program: &Program, slot: &Slot, stmt: Stmt) -> Option<Program> {
    let mut out = program.clone();
    let list = list_mut(&mut out, &slot.path)?;
    if slot.index > list.len() {
        return None;
    }
    list.insert(slot.index, stmt);
    (!out.too_deep()).then_some(out)
}

/// Takes out the statement just after `slot` (with everything nested in it).
pub fn remove(program: &Program, slot: &Slot) -> Option<(Program, Stmt)> {
    let mut out = program.clone();
    let list = list_mut(&mut out, &slot.path)?;
    if slot.index >= list.len() {
        return None;
    }
    let stmt = list.remove(slot.index);
    Some((out, stmt))
}

/// Whether `inner` lies inside the statement at `outer` (a block cannot go into itself).
fn is_inside(outer: &Slot, inner: &Slot) -> bool {
    let mut own = outer.path.clone();
    own.push(Step { index: outer.index, body: 0 });
    inner.path.len() >= own.len() && inner.path.iter().zip(&own).all(|(a, b)| a.index == b.index)
}

/// Moves the statement after `from` to `to` (a slot in the program as it is before the
/// move). `None` for a move into the block itself or a slot not in the program.
pub fn move_stmt(program: &Program, from: &Slot, to: &Slot) -> Option<Program> {
    if is_inside(from, to) {
        return None;
    }
    let (without, stmt) = remove(program, from)?;
    // Taking the block out shifts what came after it in the same list, and below it.
    let mut to = to.clone();
    let depth = from.path.len();
    if to.path.len() > depth && to.path[..depth] == from.path[..] && to.path[depth].index > from.index {
        to.path[depth].index -= 1;
    } else if to.path == from.path && to.index > from.index {
        to.index -= 1;
    }
    insert(&without, &to, stmt)
}

/// Writes (or with an empty text, removes) the note on the statement after `slot`: the
/// `# comment` at the end of its line in the text view; for a comment on a line of its own,
/// the line's text. Line breaks become spaces.
pub fn set_comment(program: &Program, slot: &Slot, text: &str) -> Option<Program> {
    let mut out = program.clone();
    let stmt = list_mut(&mut out, &slot.path)?.get_mut(slot.index)?;
    let text: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let text = text.trim().to_string();
    match &mut stmt.kind {
        StmtKind::Comment(line) => *line = text,
        _ => stmt.comment = (!text.is_empty()).then_some(text),
    }
    Some(out)
}

fn rename_in_expr(e: &mut Expr, from: &str, to: &str) {
    match &mut e.kind {
        ExprKind::Var(n) | ExprKind::Call(n, _) if n == from => *n = to.to_string(),
        _ => {}
    }
    match &mut e.kind {
        ExprKind::List(items) | ExprKind::Sensor(_, items) | ExprKind::Call(_, items) => {
            items.iter_mut().for_each(|c| rename_in_expr(c, from, to))
        }
        ExprKind::Unary(_, a) => rename_in_expr(a, from, to),
        ExprKind::Binary(_, a, b) | ExprKind::Range(a, b) => {
            rename_in_expr(a, from, to);
            rename_in_expr(b, from, to);
        }
        _ => {}
    }
}

fn rename_in(list: &mut [Stmt], from: &str, to: &str) {
    for s in list {
        match &mut s.kind {
            StmtKind::Call(n, _)
            | StmtKind::Assign(n, _)
            | StmtKind::ForEach(n, _, _)
            | StmtKind::Define(n, _, _)
                if n == from =>
            {
                *n = to.to_string()
            }
            _ => {}
        }
        if let StmtKind::Define(_, params, _) = &mut s.kind {
            params.iter_mut().filter(|p| *p == from).for_each(|p| *p = to.to_string());
        }
        let exprs = exprs_mut(&mut s.kind);
        exprs.into_iter().for_each(|e| rename_in_expr(e, from, to));
        for body in bodies_mut(&mut s.kind) {
            rename_in(body, from, to);
        }
    }
}

/// Renames a variable or a procedure of the pupil's everywhere it is used. `None` when `to`
/// is not a name the language reads back as one (a keyword, a number, spaces …).
pub fn rename(program: &Program, from: &str, to: &str, lang: crate::lexicon::Lang) -> Option<Program> {
    let to = to.trim();
    let probe = crate::parser::parse(&format!("{to} = 0"), lang);
    let plain =
        matches!(probe.program.body.as_slice(), [Stmt { kind: StmtKind::Assign(n, _), .. }] if n == to);
    if !plain || !probe.diagnostics.is_empty() {
        return None;
    }
    let mut out = program.clone();
    rename_in(&mut out.body, from, to);
    Some(out)
}

/// Puts `to` in place of every text value `from` in the program (a lesson's said words in
/// the pupil's language, see `tafukt_lesson::names`).
pub fn replace_text(program: &Program, from: &str, to: &str) -> Program {
    fn in_expr(e: &mut Expr, from: &str, to: &str) {
        match &mut e.kind {
            ExprKind::Text(t) if t == from => *t = to.to_string(),
            ExprKind::List(items) | ExprKind::Sensor(_, items) | ExprKind::Call(_, items) => {
                items.iter_mut().for_each(|c| in_expr(c, from, to))
            }
            ExprKind::Unary(_, a) => in_expr(a, from, to),
            ExprKind::Binary(_, a, b) | ExprKind::Range(a, b) => {
                in_expr(a, from, to);
                in_expr(b, from, to);
            }
            _ => {}
        }
    }
    fn in_list(list: &mut [Stmt], from: &str, to: &str) {
        for s in list {
            exprs_mut(&mut s.kind).into_iter().for_each(|e| in_expr(e, from, to));
            bodies_mut(&mut s.kind).into_iter().for_each(|b| in_list(b, from, to));
        }
    }
    let mut out = program.clone();
    in_list(&mut out.body, from, to);
    out
}

/// Makes the call after `slot` call the procedure `name` instead (its values stay).
pub fn call_other(program: &Program, slot: &Slot, name: &str) -> Option<Program> {
    let mut out = program.clone();
    match &mut list_mut(&mut out, &slot.path)?.get_mut(slot.index)?.kind {
        StmtKind::Call(called, _) => *called = name.to_string(),
        _ => return None,
    }
    Some(out)
}

/// A copy of the statement after `slot`, placed right after it.
pub fn duplicate(program: &Program, slot: &Slot) -> Option<Program> {
    let list = {
        let mut p = program.clone();
        list_mut(&mut p, &slot.path)?.get(slot.index)?.clone()
    };
    insert(program, &Slot { path: slot.path.clone(), index: slot.index + 1 }, list)
}

fn child_mut(e: &mut Expr, i: usize) -> Option<&mut Expr> {
    match &mut e.kind {
        ExprKind::List(items) | ExprKind::Sensor(_, items) | ExprKind::Call(_, items) => items.get_mut(i),
        ExprKind::Unary(_, a) if i == 0 => Some(a),
        ExprKind::Binary(_, a, b) | ExprKind::Range(a, b) => [a, b].into_iter().nth(i).map(|e| &mut **e),
        _ => None,
    }
}

/// Puts `with` where the value at `at` of the statement after `slot` is (see [`value_at`]):
/// a number typed on the pad, a colour or a condition chosen, a sensor or a variable put in.
pub fn set_value_at(program: &Program, slot: &Slot, at: &[usize], with: Expr) -> Option<Program> {
    let mut out = program.clone();
    let (first, rest) = at.split_first()?;
    let stmt = list_mut(&mut out, &slot.path)?.get_mut(slot.index)?;
    let mut e = exprs_mut(&mut stmt.kind).into_iter().nth(*first)?;
    for i in rest {
        e = child_mut(e, *i)?;
    }
    *e = with;
    // Putting an operator around a value again and again would deepen it without end.
    (!out.too_deep()).then_some(out)
}

/// A value of the palette's values row, put into a value of a block: a sensor, a variable,
/// or an operator put around the value that is there (`n` becomes `n + 1`), so nothing the
/// pupil put is lost.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueBlock {
    Sensor(Builtin),
    Var(String),
    Op(crate::ast::BinOp),
    Not,
    /// `item … of` or `length of` a list variable of the program's.
    #[cfg(feature = "lists")]
    ListRead(Builtin, String),
}

impl ValueBlock {
    /// The value this block makes where `old` was.
    pub fn put_into(&self, old: &Expr) -> Expr {
        use crate::ast::BinOp as B;
        let boxed = || Box::new(old.clone());
        value(match self {
            ValueBlock::Sensor(b) => ExprKind::Sensor(*b, vec![]),
            ValueBlock::Var(name) => ExprKind::Var(name.clone()),
            ValueBlock::Not => ExprKind::Unary(crate::ast::UnaryOp::Not, boxed()),
            ValueBlock::Op(op @ (B::And | B::Or)) => {
                ExprKind::Binary(*op, boxed(), Box::new(value(ExprKind::Bool(true))))
            }
            ValueBlock::Op(op @ (B::Add | B::Sub | B::Mul | B::Div)) => {
                ExprKind::Binary(*op, boxed(), Box::new(value(ExprKind::Number(1.0))))
            }
            ValueBlock::Op(op) => ExprKind::Binary(*op, boxed(), Box::new(value(ExprKind::Number(0.0)))),
            // The value that was there becomes the position: `n` becomes `item n of scores`.
            #[cfg(feature = "lists")]
            ValueBlock::ListRead(b, list) => {
                let list = value(ExprKind::Var(list.clone()));
                match b {
                    Builtin::ItemOf => ExprKind::Sensor(*b, vec![old.clone(), list]),
                    _ => ExprKind::Sensor(*b, vec![list]),
                }
            }
        })
    }
}

/// The values row: the lesson's sensors, the operators of the families its toolbox lists
/// (`listed`), and the program's variables (see [`variables`]).
pub fn value_blocks(vars: &[String], sensors: &[Builtin], listed: &[Construct]) -> Vec<ValueBlock> {
    use crate::ast::BinOp as B;
    let mut out: Vec<ValueBlock> = sensors.iter().map(|b| ValueBlock::Sensor(*b)).collect();
    for family in listed {
        match family {
            Construct::Arithmetic => out.extend([B::Add, B::Sub, B::Mul, B::Div].map(ValueBlock::Op)),
            Construct::Compare => out.extend([B::Lt, B::Gt, B::Eq].map(ValueBlock::Op)),
            Construct::Logic => out.extend([ValueBlock::Op(B::And), ValueBlock::Op(B::Or), ValueBlock::Not]),
            _ => {}
        }
    }
    out.extend(vars.iter().cloned().map(ValueBlock::Var));
    out
}

/// The names the program gives values (variables it sets, loop counters, parameters), each
/// once, in the order they first appear: what a variable's list offers.
pub fn variables(program: &Program) -> Vec<String> {
    fn walk(list: &[Stmt], out: &mut Vec<String>) {
        for s in list {
            let names: Vec<&String> = match &s.kind {
                StmtKind::Assign(n, _) | StmtKind::ForEach(n, _, _) => vec![n],
                StmtKind::Define(_, params, _) => params.iter().collect(),
                _ => vec![],
            };
            for n in names {
                if !out.contains(n) {
                    out.push(n.clone());
                }
            }
            s.kind.blocks().for_each(|b| walk(b, out));
        }
    }
    let mut out = Vec::new();
    walk(&program.body, &mut out);
    out
}

/// A value made by the editor; its id is reassigned when the program is printed and read
/// back.
pub fn value(kind: ExprKind) -> Expr {
    Expr { id: NodeId(u32::MAX), kind }
}

fn stmt(kind: StmtKind) -> Stmt {
    Stmt { id: NodeId(u32::MAX), kind, comment: None }
}

/// The block a palette shows for a robot action, with values a pupil can change.
pub fn action_block(b: Builtin) -> Option<Stmt> {
    let num = |n: f64| value(ExprKind::Number(n));
    let args = match b {
        Builtin::Paint | Builtin::PenColour => vec![value(ExprKind::Colour(Colour::Red))],
        Builtin::Say => vec![value(ExprKind::Text(String::new()))],
        Builtin::Wait => vec![num(1.0)],
        Builtin::Motors => vec![num(50.0), num(50.0)],
        Builtin::Drive => vec![num(50.0)],
        Builtin::Turn => vec![num(90.0)],
        Builtin::PenWidth => vec![num(3.0)],
        // The label is the pupil's word, typed in, as `say`'s text is.
        #[cfg(feature = "ai")]
        Builtin::Record | Builtin::Answer => vec![value(ExprKind::Text(String::new()))],
        #[cfg(feature = "ai")]
        Builtin::Neighbours => vec![num(3.0)],
        #[cfg(feature = "ai")]
        Builtin::TreeDepth => vec![num(2.0)],
        #[cfg(feature = "ai")]
        Builtin::Epochs => vec![num(20.0)],
        #[cfg(feature = "ai")]
        Builtin::LearningRate => vec![num(1.0)],
        #[cfg(feature = "ai")]
        Builtin::Explore => vec![num(10.0)],
        #[cfg(feature = "ai")]
        Builtin::Practise => vec![num(100.0)],
        #[cfg(feature = "ai")]
        Builtin::ItemReward => vec![num(0.0)],
        _ => vec![],
    };
    #[cfg(feature = "lists")]
    if b.list_changed().is_some() {
        // Its list is a variable of the program's: see `list_block`.
        return None;
    }
    (b.kind() == BuiltinKind::Action).then(|| stmt(StmtKind::Action(b, args)))
}

/// The block a palette shows for a built-in that changes a list, on the list variable `var`
/// (the program's: the editor names one), with values a pupil can change.
#[cfg(feature = "lists")]
pub fn list_block(b: Builtin, var: &str) -> Option<Stmt> {
    let (num, list) = (|n: f64| value(ExprKind::Number(n)), || value(ExprKind::Var(var.into())));
    let args = match b {
        Builtin::AddTo => vec![num(1.0), list()],
        Builtin::RemoveItem => vec![num(1.0), list()],
        Builtin::ReplaceItem => vec![num(1.0), list(), num(0.0)],
        _ => return None,
    };
    Some(stmt(StmtKind::Action(b, args)))
}

/// The variable a list block starts on: the first the program gives a list in brackets,
/// else its first variable, else `new` (the word for a new variable).
#[cfg(feature = "lists")]
pub fn list_variable(program: &Program, new: &str) -> String {
    fn holds_list(list: &[Stmt]) -> Option<&String> {
        list.iter().find_map(|s| match &s.kind {
            StmtKind::Assign(name, Expr { kind: ExprKind::List(_), .. }) => Some(name),
            other => other.blocks().find_map(|b| holds_list(b)),
        })
    }
    holds_list(&program.body).or(variables(program).first()).map_or_else(|| new.to_string(), Clone::clone)
}

/// The words new palette blocks start with, in the pupil's language: a new procedure's name,
/// a new note's text, a `for each` block's counter and a new variable.
pub struct NewWords<'a> {
    pub procedure: &'a str,
    pub note: &'a str,
    pub counter: &'a str,
    pub variable: &'a str,
}

/// The palette block a toolbox entry puts there (`None` for the operator families and
/// lists, which are values, not blocks), named with `words`.
pub fn control_block(c: Construct, words: &NewWords) -> Option<Stmt> {
    let yes = || value(ExprKind::Bool(true));
    Some(stmt(match c {
        Construct::Repeat => StmtKind::Repeat(value(ExprKind::Number(3.0)), vec![]),
        Construct::While => StmtKind::While(yes(), vec![]),
        Construct::If => StmtKind::If(vec![(yes(), vec![])], None),
        Construct::Else => StmtKind::If(vec![(yes(), vec![])], Some(vec![])),
        Construct::ForEach => StmtKind::ForEach(
            words.counter.into(),
            value(ExprKind::Range(
                Box::new(value(ExprKind::Number(1.0))),
                Box::new(value(ExprKind::Number(10.0))),
            )),
            vec![],
        ),
        Construct::Define => StmtKind::Define(words.procedure.into(), vec![], vec![]),
        Construct::Variables => StmtKind::Assign(words.variable.into(), value(ExprKind::Number(0.0))),
        Construct::Note => StmtKind::Comment(words.note.into()),
        Construct::Arithmetic | Construct::Compare | Construct::Logic | Construct::Lists => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lang;
    use crate::parser::parse;
    use crate::printer::print;

    const WORDS: NewWords = NewWords { procedure: "hop", note: "note", counter: "i", variable: "n" };

    fn program(src: &str) -> Program {
        let parsed = parse(src, Lang::En);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        parsed.program
    }

    fn text(p: &Program) -> String {
        print(p, Lang::En)
    }

    fn at(path: &[(usize, usize)], index: usize) -> Slot {
        Slot { path: path.iter().map(|&(index, body)| Step { index, body }).collect(), index }
    }

    #[test]
    fn a_palette_block_goes_into_a_loop_body() {
        let p = program("repeat 3 times\n  move\nend\n");
        let p = insert(&p, &at(&[(0, 0)], 1), action_block(Builtin::TurnLeft).unwrap()).unwrap();
        assert_eq!(text(&p), "repeat 3 times\n  move\n  turn left\nend\n");
    }

    #[test]
    fn moving_a_block_out_of_a_loop_and_down_keeps_the_rest_in_order() {
        let p = program("# walk\nrepeat 2 times\n  move\n  turn left # corner\nend\npick up\n");
        let moved = move_stmt(&p, &at(&[(1, 0)], 1), &at(&[], 3)).unwrap();
        assert_eq!(text(&moved), "# walk\nrepeat 2 times\n  move\nend\npick up\nturn left # corner\n");
        let up = move_stmt(&p, &at(&[], 2), &at(&[(1, 0)], 0)).unwrap();
        assert_eq!(text(&up), "# walk\nrepeat 2 times\n  pick up\n  move\n  turn left # corner\nend\n");
    }

    #[test]
    fn a_block_cannot_go_into_itself_and_bad_slots_are_refused() {
        let p = program("repeat 2 times\n  move\nend\n");
        assert!(move_stmt(&p, &at(&[], 0), &at(&[(0, 0)], 1)).is_none());
        assert!(insert(&p, &at(&[(5, 0)], 0), action_block(Builtin::Move).unwrap()).is_none());
        assert!(remove(&p, &at(&[], 1)).is_none());
        assert!(action_block(Builtin::WallAhead).is_none(), "a sensor is not a statement");
    }

    #[test]
    fn else_bodies_are_reached_after_the_arms() {
        let p = program("if wall ahead\n  turn left\nelse\n  move\nend\n");
        let p = insert(&p, &at(&[(0, 1)], 1), action_block(Builtin::PickUp).unwrap()).unwrap();
        assert_eq!(text(&p), "if wall ahead\n  turn left\nelse\n  move\n  pick up\nend\n");
    }

    #[test]
    fn values_change_in_place_and_duplicates_follow_their_original() {
        let p = program("repeat 3 times\n  paint red\nend\n");
        let p = set_value_at(&p, &at(&[], 0), &[0], value(ExprKind::Number(5.0))).unwrap();
        let p = duplicate(&p, &at(&[(0, 0)], 0)).unwrap();
        assert_eq!(text(&p), "repeat 5 times\n  paint red\n  paint red\nend\n");
        assert!(set_value_at(&p, &at(&[], 0), &[1], value(ExprKind::Bool(true))).is_none());
        assert!(set_value_at(&p, &at(&[], 0), &[0, 0], value(ExprKind::Bool(true))).is_none());
        assert!(set_value_at(&p, &at(&[], 3), &[0], value(ExprKind::Bool(true))).is_none());
    }

    #[test]
    fn values_go_into_values_and_operators_keep_what_was_there() {
        use crate::ast::BinOp as B;
        let p = program("n = 0\nwhile wall ahead\n  say n\nend\n");
        assert_eq!(variables(&p), ["n"]);
        let sensors = [Builtin::WallAhead, Builtin::OnItem];
        let row = value_blocks(&variables(&p), &sensors, &[Construct::Arithmetic, Construct::Logic]);
        assert!(row.contains(&ValueBlock::Var("n".into())) && row.contains(&ValueBlock::Not));
        let put = |p: &Program, slot: Slot, at: &[usize], v: ValueBlock| {
            let old = value_at(p, &slot, at).unwrap().clone();
            set_value_at(p, &slot, at, v.put_into(&old)).unwrap()
        };
        let p = put(&p, at(&[(1, 0)], 0), &[0], ValueBlock::Op(crate::ast::BinOp::Add));
        let p = put(&p, at(&[(1, 0)], 0), &[0, 1], ValueBlock::Var("n".into()));
        let p = put(&p, at(&[], 1), &[0], ValueBlock::Op(crate::ast::BinOp::And));
        let p = put(&p, at(&[], 1), &[0, 1], ValueBlock::Sensor(Builtin::OnItem));
        let p = put(&p, at(&[], 1), &[0, 1], ValueBlock::Not);
        assert_eq!(text(&p), "n = 0\nwhile wall ahead and not on item\n  say n + n\nend\n");
        // Only what the toolbox lists: no family, no operator.
        let bare = value_blocks(&variables(&program("move\n")), &[], &[Construct::Repeat]);
        assert!(bare.is_empty(), "{bare:?}");
        let compare = value_blocks(&[], &[], &[Construct::Compare]);
        assert_eq!(compare, [B::Lt, B::Gt, B::Eq].map(ValueBlock::Op));
    }

    #[test]
    fn a_call_is_pointed_at_another_procedure_and_only_a_call() {
        let p = program("define hop\n  move\nend\ndefine skip\n  turn left\nend\nhop\n");
        let p2 = call_other(&p, &at(&[], 2), "skip").unwrap();
        assert!(text(&p2).ends_with("end\nskip\n"), "{}", text(&p2));
        assert!(call_other(&p, &at(&[], 0), "skip").is_none(), "a definition is not a call");
    }

    #[test]
    fn a_comment_line_is_written_from_its_block() {
        let p = program("# first\nmove\n");
        let p = set_comment(&p, &at(&[], 0), "walk  twice ").unwrap();
        assert_eq!(text(&p), "# walk  twice\nmove\n");
    }

    #[test]
    fn a_note_on_a_block_is_the_comment_on_its_line() {
        let p = program("repeat 2 times\n  move\nend\n");
        let p = set_comment(&p, &at(&[(0, 0)], 0), "one step\nat a time").unwrap();
        assert_eq!(text(&p), "repeat 2 times\n  move # one step at a time\nend\n");
        let p = set_comment(&p, &at(&[(0, 0)], 0), "  ").unwrap();
        assert_eq!(text(&p), "repeat 2 times\n  move\nend\n");
    }

    #[test]
    fn renaming_reaches_every_use_and_refuses_words_of_the_language() {
        let p = program(
            "define hop(n)\n  repeat n times\n    move\n  end\nend\nsteps = 2\nhop(steps)\nsay steps + 1\n",
        );
        let p2 = rename(&p, "steps", "pas", Lang::En).unwrap();
        assert_eq!(
            text(&p2),
            "define hop(n)\n  repeat n times\n    move\n  end\nend\npas = 2\nhop(pas)\nsay pas + 1\n"
        );
        let p3 = rename(&p2, "hop", "jump", Lang::En).unwrap();
        assert!(
            text(&p3).starts_with("define jump(n)") && text(&p3).contains("\njump(pas)\n"),
            "{}",
            text(&p3)
        );
        for bad in ["move", "repeat", "2x", "two words", ""] {
            assert!(rename(&p, "steps", bad, Lang::En).is_none(), "{bad}");
        }
    }

    #[test]
    fn editing_blocks_keeps_the_lines_that_did_not_parse() {
        let parsed = parse("move\nrepeat 2 tmes\n  turn left\nend\n!!! ???\n", Lang::En);
        assert!(!parsed.diagnostics.is_empty());
        let p = insert(&parsed.program, &at(&[], 0), action_block(Builtin::PickUp).unwrap()).unwrap();
        let printed = text(&p);
        assert!(printed.starts_with("pick up\nmove\n"), "{printed}");
        assert!(printed.contains("!!! ???"), "an unreadable line is kept: {printed}");
        assert!(printed.contains("tmes"), "so is the misspelt loop: {printed}");
    }

    #[test]
    fn slots_travel_as_text_and_back() {
        for slot in [at(&[], 0), at(&[(2, 1), (0, 0)], 3)] {
            assert_eq!(Slot::from_key(&slot.key()), Some(slot.clone()));
        }
        assert_eq!(at(&[(2, 1)], 3).key(), "2:1/3");
        for bad in ["", "3", "x/1", "1:/2", "1:2:3/0"] {
            assert_eq!(Slot::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn statements_and_values_are_found_by_place_and_by_line() {
        let src = "move\nrepeat 2 times\n  say n + 1\n  if wall ahead\n    turn left\n  end\nend\n";
        let p = program(src);
        let say = stmt_at(&p, &at(&[(1, 0)], 0)).unwrap();
        assert!(matches!(&say.kind, StmtKind::Action(Builtin::Say, _)));
        let one = value_at(&p, &at(&[(1, 0)], 0), &[0, 1]).unwrap();
        assert_eq!(one.kind, ExprKind::Number(1.0));
        assert!(value_at(&p, &at(&[(1, 0)], 0), &[0, 2]).is_none());
        assert!(value_at(&p, &at(&[(1, 0)], 0), &[]).is_none());
        assert!(stmt_at(&p, &at(&[(1, 1)], 0)).is_none(), "a loop has one body");
        assert_eq!(slot_on_line(&p, src, 1), Some(at(&[], 0)));
        assert_eq!(slot_on_line(&p, src, 3), Some(at(&[(1, 0)], 0)));
        assert_eq!(slot_on_line(&p, src, 5), Some(at(&[(1, 0), (1, 0)], 0)));
        for none in [0, 6, 7, 99] {
            assert_eq!(slot_on_line(&p, src, none), None, "line {none}");
        }
    }

    #[test]
    fn an_edit_that_would_nest_too_deeply_is_refused() {
        let depth = crate::parser::MAX_DEPTH;
        let src = format!("{}move\n{}", "repeat 2 times\n".repeat(depth - 1), "end\n".repeat(depth - 1));
        let p = program(&src);
        let deepest: Vec<(usize, usize)> = vec![(0, 0); depth - 1];
        assert!(insert(&p, &at(&deepest, 0), action_block(Builtin::Move).unwrap()).is_some());
        let repeat = control_block(Construct::Repeat, &WORDS).unwrap();
        assert!(insert(&p, &at(&deepest, 0), repeat).is_none());
        // An operator put around a value again and again.
        let mut p = program("say 1\n");
        let mut puts = 0;
        while let Some(next) = set_value_at(
            &p,
            &at(&[], 0),
            &[0],
            ValueBlock::Op(crate::ast::BinOp::Add).put_into(value_at(&p, &at(&[], 0), &[0]).unwrap()),
        ) {
            p = next;
            puts += 1;
        }
        assert_eq!(puts, depth - 1);
        assert!(parse(&text(&p), Lang::En).diagnostics.is_empty(), "what was accepted reads back");
    }

    #[test]
    fn the_number_pad_reads_what_was_typed() {
        assert_eq!(pad_number("42"), Some(42.0));
        assert_eq!(pad_number("-0.5"), Some(-0.5));
        assert_eq!(pad_number("7."), Some(7.0));
        assert_eq!(pad_number(".25"), Some(0.25));
        assert_eq!(pad_number("123456.789012"), Some(123456.789012));
        for bad in ["", "-", ".", "1.2.3", "12a", "1234567890123456"] {
            assert_eq!(pad_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_palette_block_prints_and_reads_back() {
        let blocks = Construct::ALL
            .into_iter()
            .filter_map(|c| control_block(c, &WORDS))
            .chain(Builtin::ALL.into_iter().filter_map(action_block));
        #[cfg(feature = "lists")]
        let blocks = blocks.chain(Builtin::LISTS.into_iter().filter_map(|b| list_block(b, "scores")));
        for b in blocks {
            let p = Program { body: vec![b], spans: vec![] };
            let printed = text(&p);
            let back = parse(&printed, Lang::En);
            assert!(back.diagnostics.is_empty(), "{printed}: {:?}", back.diagnostics);
            assert_eq!(text(&back.program), printed);
        }
    }
}
