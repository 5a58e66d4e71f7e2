//! What only the full app's block editor has (the core app plays the first unit's blocks,
//! `parts`): the values row (sensors, variables, operators), lists in blocks, the writing
//! dialog (notes, names, texts) and the pupil's own procedures on the palette.

use std::rc::Rc;

use tafukt_lang::ast::{BinOp, ExprKind, NodeId, Program, Stmt, StmtKind, UnaryOp};
use tafukt_lang::blocks::{value, value_blocks, Slot, ValueBlock};
use tafukt_lang::builtins::{BuiltinKind, Colour};
use tafukt_lang::printer::print_expr;
use tafukt_lang::toolbox::Construct;
use tafukt_lang::{Builtin, Lang};

/// What the small writing dialog writes.
#[derive(Clone, PartialEq)]
pub(super) enum Writing {
    /// The note on a block (or the text of a comment line).
    Note(Slot),
    /// A new name for a variable or procedure (the old name).
    Name(String),
    /// A text value (`say "…"`).
    Text(Slot, Vec<usize>),
}

/// The pupil's own blocks: a call for each procedure the program defines.
pub(super) fn own_blocks(program: &Program) -> impl Iterator<Item = Stmt> + '_ {
    program.body.iter().filter_map(|s| match &s.kind {
        StmtKind::Define(name, params, _) => Some(Stmt {
            id: NodeId(u32::MAX),
            kind: StmtKind::Call(name.clone(), params.iter().map(|_| value(ExprKind::Number(1.0))).collect()),
            comment: None,
        }),
        _ => None,
    })
}

/// What a value of the values row shows: the value it makes around a placeholder (`… + 1`;
/// `… and …`, whose second condition is for the pupil to choose).
pub(super) fn value_label(v: &ValueBlock, lang: Lang) -> String {
    let hole = || value(ExprKind::Var("…".into()));
    let shown = match v {
        ValueBlock::Op(op @ (BinOp::And | BinOp::Or)) => {
            value(ExprKind::Binary(*op, Box::new(hole()), Box::new(hole())))
        }
        v => v.put_into(&hole()),
    };
    print_expr(&shown, lang)
}

/// The value a list field's choice stands for: a colour, a variable (`$n`), a sensor or
/// its opposite (`wall_ahead`, `!wall_ahead`), or `true`.
pub(super) fn chosen(choice: &str) -> ExprKind {
    if let Some(c) = Colour::from_key(choice) {
        return ExprKind::Colour(c);
    }
    if let Some(name) = choice.strip_prefix('$') {
        return ExprKind::Var(name.to_string());
    }
    let (not, key) = match choice.strip_prefix('!') {
        Some(k) => (true, k),
        None => (false, choice),
    };
    match Builtin::from_key(key) {
        Some(b) if not => ExprKind::Unary(UnaryOp::Not, Box::new(value(ExprKind::Sensor(b, vec![])))),
        Some(b) => ExprKind::Sensor(b, vec![]),
        None => ExprKind::Bool(true),
    }
}

/// The name a block gives (a variable it sets or counts with, a procedure), for renaming.
pub(super) fn named(stmt: &Stmt) -> Option<String> {
    match &stmt.kind {
        StmtKind::Assign(n, _)
        | StmtKind::ForEach(n, _, _)
        | StmtKind::Define(n, _, _)
        | StmtKind::Call(n, _) => Some(n.clone()),
        _ => None,
    }
}

/// What the values row and the blocks' lists offer.
pub(super) struct ValuesRow {
    /// The program's procedures: the calls the palette offers, listed on a call.
    pub procedures: Rc<Vec<String>>,
    /// The program's variables, listed where a variable is.
    pub variables: Rc<Vec<String>>,
    /// The row: sensors the lesson allows, the program's variables, operators, and the list
    /// reads the lesson lists.
    pub values: Rc<Vec<ValueBlock>>,
}

/// The values row of `lesson` for `program`, whose palette is `palette`.
pub(super) fn values_row(
    lesson: &tafukt_lesson::Lesson,
    program: &Program,
    palette: &[Stmt],
    new_variable: &str,
) -> ValuesRow {
    let procedures = palette
        .iter()
        .filter_map(|b| match &b.kind {
            StmtKind::Call(name, _) => Some(name.clone()),
            _ => None,
        })
        .collect();
    let sensors = super::block_view::lesson_sensors(lesson);
    let variables = tafukt_lang::blocks::variables(program);
    let families: Vec<Construct> = lesson.toolbox.iter().filter_map(|k| Construct::from_key(k)).collect();
    let mut values = value_blocks(&variables, &sensors, &families);
    // `item … of` and `length of` the program's list, when the lesson lists them.
    let list = tafukt_lang::blocks::list_variable(program, new_variable);
    let reads = lesson.toolbox.iter().filter_map(|k| Builtin::from_key(k));
    let reads = reads.filter(|b| Builtin::LISTS.contains(b) && b.kind() == BuiltinKind::Sensor);
    values.extend(reads.map(|b| ValueBlock::ListRead(b, list.clone())).collect::<Vec<_>>());
    ValuesRow { procedures: Rc::new(procedures), variables: Rc::new(variables), values: Rc::new(values) }
}
