//! The program tree both editors share. Every statement and expression has a stable
//! [`NodeId`] (its index in parse order); byte spans live in a side table on [`Program`], so
//! two programs that differ only in layout compare equal.

use tafukt_vm::builtins::{Builtin, Colour};
pub use tafukt_vm::ids::{BinOp, NodeId, Span};

#[derive(Debug, Clone, Default)]
pub struct Program {
    pub body: Vec<Stmt>,
    /// Spans by node id. Not part of equality.
    pub spans: Vec<Span>,
}

impl PartialEq for Program {
    /// Layout (spans) does not count: two programs are equal when their trees are.
    fn eq(&self, other: &Program) -> bool {
        self.body == other.body
    }
}

impl tafukt_vm::ids::SpanTable for Program {
    fn span_of(&self, id: NodeId) -> Span {
        self.span(id)
    }
}

impl Program {
    pub fn span(&self, id: NodeId) -> Span {
        self.spans.get(id.0 as usize).copied().unwrap_or_default()
    }

    /// Whether the tree is deeper than the parser accepts ([`crate::parser::MAX_DEPTH`]:
    /// blocks inside blocks, plus values inside values below them). Block operations refuse
    /// an edit that would make it so, since every walk of the tree recurses on it. The walk
    /// stops at the limit, so it is safe on any tree.
    pub fn too_deep(&self) -> bool {
        fn expr(e: &Expr, room: usize) -> bool {
            room == 0 || e.children().any(|c| expr(c, room - 1))
        }
        fn stmts(list: &[Stmt], room: usize) -> bool {
            list.iter().any(|s| {
                s.kind.exprs().any(|e| expr(e, room))
                    || s.kind.blocks().any(|b| room <= 1 || stmts(b, room - 1))
            })
        }
        stmts(&self.body, crate::parser::MAX_DEPTH)
    }

    /// Counts blocks the way the block editor draws them, the unit of lesson star rules: one
    /// per statement, nested ones included; an `if` with its `else if` and `else` arms is one
    /// block with several bodies (drawn so); notes on lines of their own do not count. The
    /// editor shows this count (`data-blocks`), and an end-to-end test holds it to the drawing.
    pub fn block_count(&self) -> usize {
        fn count(stmts: &[Stmt]) -> usize {
            stmts
                .iter()
                .map(|s| match &s.kind {
                    StmtKind::Comment(_) => 0,
                    other => 1 + other.blocks().map(|b| count(b)).sum::<usize>(),
                })
                .sum()
        }
        count(&self.body)
    }

    /// The first statement or expression that uses `builtin`, in source order.
    pub fn first_use(&self, builtin: Builtin) -> Option<NodeId> {
        fn expr(e: &Expr, b: Builtin) -> Option<NodeId> {
            match &e.kind {
                ExprKind::Sensor(x, _) if *x == b => Some(e.id),
                _ => e.children().find_map(|c| expr(c, b)),
            }
        }
        fn stmts(list: &[Stmt], b: Builtin) -> Option<NodeId> {
            list.iter().find_map(|s| match &s.kind {
                StmtKind::Action(x, _) if *x == b => Some(s.id),
                k => {
                    k.exprs().find_map(|e| expr(e, b)).or_else(|| k.blocks().find_map(|body| stmts(body, b)))
                }
            })
        }
        stmts(&self.body, builtin)
    }

    /// Every built-in the program uses, for toolbox checks.
    pub fn builtins_used(&self) -> Vec<Builtin> {
        let mut out = Vec::new();
        fn expr(e: &Expr, out: &mut Vec<Builtin>) {
            if let ExprKind::Sensor(b, _) = &e.kind {
                if !out.contains(b) {
                    out.push(*b);
                }
            }
            e.children().for_each(|c| expr(c, out));
        }
        fn stmts(list: &[Stmt], out: &mut Vec<Builtin>) {
            for s in list {
                if let StmtKind::Action(b, _) = &s.kind {
                    if !out.contains(b) {
                        out.push(*b);
                    }
                }
                s.kind.exprs().for_each(|e| expr(e, out));
                s.kind.blocks().for_each(|b| stmts(b, out));
            }
        }
        stmts(&self.body, &mut out);
        // At most one of each built-in, so the list is short.
        crate::small_sort::sort_by_key(&mut out, |b| *b);
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub id: NodeId,
    pub kind: StmtKind,
    /// A `# comment` written at the end of the statement's first line.
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// A robot action such as `move` or `paint red`.
    Action(Builtin, Vec<Expr>),
    /// A call of a procedure the pupil defined.
    Call(String, Vec<Expr>),
    Assign(String, Expr),
    Repeat(Expr, Vec<Stmt>),
    While(Expr, Vec<Stmt>),
    /// `if` and each `else if`: condition and body; then the optional `else` body.
    If(Vec<(Expr, Vec<Stmt>)>, Option<Vec<Stmt>>),
    ForEach(String, Expr, Vec<Stmt>),
    Define(String, Vec<String>, Vec<Stmt>),
    Return(Option<Expr>),
    /// A comment on a line of its own.
    Comment(String),
    /// A line the parser could not read; kept so that nothing typed is lost.
    Invalid(String),
}

impl StmtKind {
    /// The nested statement lists, in source order.
    pub fn blocks(&self) -> impl Iterator<Item = &Vec<Stmt>> {
        let list: Vec<&Vec<Stmt>> = match self {
            StmtKind::Repeat(_, b) | StmtKind::While(_, b) | StmtKind::ForEach(_, _, b) => vec![b],
            StmtKind::Define(_, _, b) => vec![b],
            StmtKind::If(arms, other) => arms.iter().map(|(_, b)| b).chain(other.iter()).collect(),
            _ => vec![],
        };
        list.into_iter()
    }

    /// The expressions directly inside this statement (not inside nested statements).
    pub fn exprs(&self) -> impl Iterator<Item = &Expr> {
        let list: Vec<&Expr> = match self {
            StmtKind::Action(_, args) | StmtKind::Call(_, args) => args.iter().collect(),
            StmtKind::Assign(_, e) | StmtKind::Repeat(e, _) | StmtKind::While(e, _) => vec![e],
            StmtKind::ForEach(_, e, _) => vec![e],
            StmtKind::If(arms, _) => arms.iter().map(|(c, _)| c).collect(),
            StmtKind::Return(e) => e.iter().collect(),
            _ => vec![],
        };
        list.into_iter()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub id: NodeId,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number(f64),
    Text(String),
    Bool(bool),
    Colour(Colour),
    List(Vec<Expr>),
    Var(String),
    Sensor(Builtin, Vec<Expr>),
    Call(String, Vec<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `a to b`: the whole numbers from a up to b. A `for each` over it counts without
    /// building a list.
    Range(Box<Expr>, Box<Expr>),
    /// An expression the parser could not read.
    Missing,
}

impl Expr {
    /// The expressions directly inside this one, in source order.
    pub fn children(&self) -> impl Iterator<Item = &Expr> {
        let list: Vec<&Expr> = match &self.kind {
            ExprKind::List(items) | ExprKind::Sensor(_, items) | ExprKind::Call(_, items) => {
                items.iter().collect()
            }
            ExprKind::Unary(_, a) => vec![a],
            ExprKind::Binary(_, a, b) | ExprKind::Range(a, b) => vec![a, b],
            _ => vec![],
        };
        list.into_iter()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

/// Precedence of `not`: between `and` and comparisons.
pub const NOT_PRECEDENCE: u8 = 3;
