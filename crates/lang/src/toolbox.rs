//! What a lesson's toolbox lists besides robot built-ins — control blocks, variables, the
//! operator families, lists, notes — and which of them a program uses, so that the palette
//! shows only what a lesson lists and a program outside it is refused with one rule.
//!
//! The rule, stated once: a program uses
//! - `repeat`, `while`, `for_each`, `define` for those blocks (a `return` and a call of the
//!   pupil's own block need `define`);
//! - `if` for an `if` block, and `else` as well when the block has an `else` or `else if`
//!   (the editor draws a whole `if … else if … else` chain as one block with several arms);
//! - `variables` for setting a variable (reading a loop's counter or a parameter needs only
//!   the block that made it);
//! - `arithmetic` for + − × ÷ and `mod`, `compare` for = ≠ < ≤ > ≥, `logic` for `and`,
//!   `or`, `not`, `lists` for a list written in brackets or `a to b` outside a `for each`.
//!
//! Notes (`# …`) change nothing a robot does, so a program may always have them; `note` in a
//! toolbox only puts the note block on the palette.

use crate::ast::{BinOp, Expr, ExprKind, NodeId, Program, Stmt, StmtKind, UnaryOp};
use crate::lexicon::{spelling, Keyword, Lang, Term};

/// A toolbox entry that is not a built-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Construct {
    Repeat,
    While,
    If,
    Else,
    ForEach,
    Define,
    Variables,
    Arithmetic,
    Compare,
    Logic,
    Lists,
    Note,
}

impl Construct {
    pub const ALL: [Construct; 12] = [
        Construct::Repeat,
        Construct::While,
        Construct::If,
        Construct::Else,
        Construct::ForEach,
        Construct::Define,
        Construct::Variables,
        Construct::Arithmetic,
        Construct::Compare,
        Construct::Logic,
        Construct::Lists,
        Construct::Note,
    ];

    /// The key a lesson's toolbox lists it by.
    pub fn key(self) -> &'static str {
        match self {
            Construct::Repeat => "repeat",
            Construct::While => "while",
            Construct::If => "if",
            Construct::Else => "else",
            Construct::ForEach => "for_each",
            Construct::Define => "define",
            Construct::Variables => "variables",
            Construct::Arithmetic => "arithmetic",
            Construct::Compare => "compare",
            Construct::Logic => "logic",
            Construct::Lists => "lists",
            Construct::Note => "note",
        }
    }

    pub fn from_key(key: &str) -> Option<Construct> {
        Construct::ALL.into_iter().find(|c| c.key() == key)
    }

    /// How a message names it: the block's word as the pupil's language writes it, or the
    /// signs of an operator family.
    pub fn word(self, lang: Lang) -> String {
        let kw = |k| spelling(lang, Term::Keyword(k));
        match self {
            Construct::Repeat => kw(Keyword::Repeat).into(),
            Construct::While => kw(Keyword::While).into(),
            Construct::If => kw(Keyword::If).into(),
            Construct::Else => kw(Keyword::Else).into(),
            Construct::ForEach => kw(Keyword::ForEach).into(),
            Construct::Define => kw(Keyword::Define).into(),
            Construct::Variables => "=".into(),
            Construct::Arithmetic => "+ - × ÷".into(),
            Construct::Compare => "= < >".into(),
            Construct::Logic => format!("{} {} {}", kw(Keyword::And), kw(Keyword::Or), kw(Keyword::Not)),
            Construct::Lists => "[ ]".into(),
            Construct::Note => "#".into(),
        }
    }
}

/// Every construct the program uses, each once with its first use in source order.
pub fn constructs_used(program: &Program) -> Vec<(Construct, NodeId)> {
    let mut out = Vec::new();
    stmts(&program.body, &mut out);
    out
}

fn note(out: &mut Vec<(Construct, NodeId)>, c: Construct, at: NodeId) {
    if !out.iter().any(|(seen, _)| *seen == c) {
        out.push((c, at));
    }
}

fn stmts(list: &[Stmt], out: &mut Vec<(Construct, NodeId)>) {
    for s in list {
        let used = match &s.kind {
            StmtKind::Repeat(..) => Some(Construct::Repeat),
            StmtKind::While(..) => Some(Construct::While),
            StmtKind::ForEach(..) => Some(Construct::ForEach),
            StmtKind::Define(..) | StmtKind::Return(_) | StmtKind::Call(..) => Some(Construct::Define),
            StmtKind::Assign(..) => Some(Construct::Variables),
            StmtKind::If(..) => Some(Construct::If),
            StmtKind::Action(..) | StmtKind::Comment(_) | StmtKind::Invalid(_) => None,
        };
        if let Some(c) = used {
            note(out, c, s.id);
        }
        if let StmtKind::If(arms, other) = &s.kind {
            if arms.len() > 1 || other.is_some() {
                note(out, Construct::Else, s.id);
            }
        }
        match &s.kind {
            // The range a `for each` counts over is part of the block.
            StmtKind::ForEach(_, Expr { kind: ExprKind::Range(a, b), .. }, _) => {
                expr(a, out);
                expr(b, out);
            }
            k => k.exprs().for_each(|e| expr(e, out)),
        }
        s.kind.blocks().for_each(|b| stmts(b, out));
    }
}

fn expr(e: &Expr, out: &mut Vec<(Construct, NodeId)>) {
    let used = match &e.kind {
        ExprKind::Binary(op, ..) => Some(match op {
            BinOp::Or | BinOp::And => Construct::Logic,
            BinOp::Eq | BinOp::NotEq | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => Construct::Compare,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod => Construct::Arithmetic,
        }),
        ExprKind::Unary(UnaryOp::Not, _) => Some(Construct::Logic),
        // A minus before a number is how a negative number is written.
        ExprKind::Unary(UnaryOp::Neg, inner) if !matches!(inner.kind, ExprKind::Number(_)) => {
            Some(Construct::Arithmetic)
        }
        ExprKind::List(_) | ExprKind::Range(..) => Some(Construct::Lists),
        ExprKind::Call(..) => Some(Construct::Define),
        _ => None,
    };
    if let Some(c) = used {
        note(out, c, e.id);
    }
    e.children().for_each(|c| expr(c, out));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse;

    fn used(src: &str) -> Vec<&'static str> {
        let parsed = parse(src, Lang::En);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        constructs_used(&parsed.program).into_iter().map(|(c, _)| c.key()).collect()
    }

    #[test]
    fn a_sequence_of_actions_and_notes_uses_nothing() {
        assert!(used("# go\nmove\nturn left\nmove\n").is_empty());
    }

    #[test]
    fn each_block_is_named_once_in_the_order_it_first_appears() {
        assert_eq!(used("repeat 2 times\n  move\n  repeat 2 times\n    turn left\n  end\nend\n"), ["repeat"]);
        assert_eq!(
            used("while not wall ahead\n  move\nend\nn = 1 + 2\n"),
            ["while", "logic", "variables", "arithmetic"]
        );
    }

    #[test]
    fn an_else_if_chain_needs_if_and_else() {
        assert_eq!(used("if wall ahead\n  turn left\nend\n"), ["if"]);
        assert_eq!(used("if wall ahead\n  turn left\nelse\n  move\nend\n"), ["if", "else"]);
        assert_eq!(used("if wall ahead\n  turn left\nelse if wall ahead\n  move\nend\n"), ["if", "else"]);
    }

    #[test]
    fn a_for_each_counts_over_its_range_without_lists_but_a_list_needs_lists() {
        assert_eq!(used("for each i in 1 to 4\n  move\nend\n"), ["for_each"]);
        assert_eq!(used("for each i in [1, 2]\n  move\nend\n"), ["for_each", "lists"]);
    }

    #[test]
    fn a_procedure_its_calls_and_its_return_need_define() {
        assert_eq!(used("define hop\n  move\nend\nhop\n"), ["define"]);
        assert_eq!(used("x = -3\n"), ["variables"]);
    }

    #[test]
    fn comparisons_are_a_family_of_their_own() {
        assert_eq!(
            used("n = 3\nwhile n > 0\n  n = n - 1\nend\n"),
            ["variables", "while", "compare", "arithmetic"]
        );
    }

    #[test]
    fn every_key_reads_back() {
        for c in Construct::ALL {
            assert_eq!(Construct::from_key(c.key()), Some(c));
            assert!(crate::Builtin::from_key(c.key()).is_none(), "{} is also a built-in", c.key());
        }
    }
}
