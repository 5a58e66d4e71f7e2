//! Writes a [`Program`] as canonical text in any pupil language: two-space indents, one
//! statement per line, the fewest parentheses that keep the meaning, comments kept.

use crate::ast::*;
use crate::lexicon::{spelling, Keyword, Lang, Term};
pub use tafukt_vm::value::format_number;

pub fn print(program: &Program, lang: Lang) -> String {
    print_with_places(program, lang).0
}

/// The program's text, and where each of its top-level statements is in it (the byte range
/// the parser would give it: its first line to its `end`, without the last line break). The
/// block editor draws its blocks from these texts without reading the program back.
pub fn print_with_places(program: &Program, lang: Lang) -> (String, Vec<std::ops::Range<usize>>) {
    let mut p = Printer { lang, out: String::new() };
    let places = program
        .body
        .iter()
        .map(|s| {
            let start = p.out.len();
            p.stmt(s, 0);
            start..p.out.len() - 1
        })
        .collect();
    (p.out, places)
}

/// Prints one expression, as the block editor shows it inside a slot.
pub fn print_expr(expr: &Expr, lang: Lang) -> String {
    let mut p = Printer { lang, out: String::new() };
    p.expr(expr, 0);
    p.out
}

/// How an operator is written between its two sides.
pub fn op_word(op: BinOp, lang: Lang) -> &'static str {
    let kw = |k| spelling(lang, Term::Keyword(k));
    match op {
        BinOp::Or => kw(Keyword::Or),
        BinOp::And => kw(Keyword::And),
        BinOp::Mod => kw(Keyword::Mod),
        BinOp::Eq => "=",
        BinOp::NotEq => "≠",
        BinOp::Lt => "<",
        BinOp::Le => "≤",
        BinOp::Gt => ">",
        BinOp::Ge => "≥",
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "×",
        BinOp::Div => "÷",
    }
}

struct Printer {
    lang: Lang,
    out: String,
}

impl Printer {
    fn kw(&mut self, k: Keyword) {
        self.out.push_str(spelling(self.lang, Term::Keyword(k)));
    }

    fn line_start(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    fn block(&mut self, stmts: &[Stmt], depth: usize) {
        for s in stmts {
            self.stmt(s, depth);
        }
    }

    fn end(&mut self, depth: usize) {
        self.line_start(depth);
        self.kw(Keyword::End);
        self.out.push('\n');
    }

    fn header_end(&mut self, comment: &Option<String>) {
        if let Some(c) = comment {
            self.out.push_str(" # ");
            self.out.push_str(c);
        }
        self.out.push('\n');
    }

    fn stmt(&mut self, s: &Stmt, depth: usize) {
        self.line_start(depth);
        match &s.kind {
            StmtKind::Action(b, args) => {
                self.out.push_str(spelling(self.lang, Term::Builtin(*b)));
                self.builtin_args(*b, args);
            }
            StmtKind::Call(name, args) => {
                self.out.push_str(name);
                if !args.is_empty() {
                    self.args_parens(args);
                }
            }
            StmtKind::Assign(name, value) => {
                self.out.push_str(name);
                self.out.push_str(" = ");
                self.expr(value, 0);
            }
            StmtKind::Repeat(count, body) => {
                self.kw(Keyword::Repeat);
                self.out.push(' ');
                self.expr(count, 0);
                self.out.push(' ');
                self.kw(Keyword::Times);
                self.header_end(&s.comment);
                self.block(body, depth + 1);
                return self.end(depth);
            }
            StmtKind::While(cond, body) => {
                self.kw(Keyword::While);
                self.out.push(' ');
                self.expr(cond, 0);
                self.header_end(&s.comment);
                self.block(body, depth + 1);
                return self.end(depth);
            }
            StmtKind::If(arms, otherwise) => {
                for (i, (cond, body)) in arms.iter().enumerate() {
                    if i > 0 {
                        self.line_start(depth);
                        self.kw(Keyword::Else);
                        self.out.push(' ');
                    }
                    self.kw(Keyword::If);
                    self.out.push(' ');
                    self.expr(cond, 0);
                    if i == 0 {
                        self.header_end(&s.comment);
                    } else {
                        self.out.push('\n');
                    }
                    self.block(body, depth + 1);
                }
                if let Some(body) = otherwise {
                    self.line_start(depth);
                    self.kw(Keyword::Else);
                    self.out.push('\n');
                    self.block(body, depth + 1);
                }
                return self.end(depth);
            }
            StmtKind::ForEach(name, list, body) => {
                self.kw(Keyword::ForEach);
                self.out.push(' ');
                self.out.push_str(name);
                self.out.push(' ');
                self.kw(Keyword::In);
                self.out.push(' ');
                self.expr(list, 0);
                self.header_end(&s.comment);
                self.block(body, depth + 1);
                return self.end(depth);
            }
            StmtKind::Define(name, params, body) => {
                self.kw(Keyword::Define);
                self.out.push(' ');
                self.out.push_str(name);
                if !params.is_empty() {
                    self.out.push('(');
                    self.out.push_str(&params.join(", "));
                    self.out.push(')');
                }
                self.header_end(&s.comment);
                self.block(body, depth + 1);
                return self.end(depth);
            }
            StmtKind::Return(value) => {
                self.kw(Keyword::Return);
                if let Some(v) = value {
                    self.out.push(' ');
                    self.expr(v, 0);
                }
            }
            StmtKind::Comment(text) => {
                self.out.push_str("# ");
                self.out.push_str(text);
            }
            StmtKind::Invalid(text) => self.out.push_str(text.trim_start()),
        }
        self.header_end(&s.comment);
    }

    fn args_bare(&mut self, args: &[Expr]) {
        for (i, a) in args.iter().enumerate() {
            self.out.push_str(if i == 0 { " " } else { ", " });
            self.expr(a, 0);
        }
    }

    /// A built-in's values: with commas, or with a list built-in's words between them.
    #[cfg_attr(not(feature = "lists"), inline(always))]
    fn builtin_args(&mut self, _b: crate::Builtin, args: &[Expr]) {
        #[cfg(feature = "lists")]
        {
            let joiners = crate::lexicon_lists::joiners(_b, self.lang);
            if crate::Builtin::LISTS.contains(&_b) && args.len() == joiners.len() + 1 {
                // A value's last value is one word or bracket (see the parser).
                let last = if _b.kind() == crate::builtins::BuiltinKind::Sensor { 7 } else { 0 };
                for (i, a) in args.iter().enumerate() {
                    self.out.push(' ');
                    // Before a word, `a to b` needs brackets (the reader stops at `to`), and
                    // so does a value with words of its own, to be read at a glance:
                    // `item (length of scores) of scores`.
                    let inner =
                        i < joiners.len() && matches!(&a.kind, ExprKind::Sensor(_, x) if !x.is_empty());
                    if inner {
                        self.out.push('(');
                    }
                    self.expr(a, if i < joiners.len() { 1 } else { last });
                    if inner {
                        self.out.push(')');
                    }
                    if let Some(k) = joiners.get(i) {
                        self.out.push(' ');
                        self.kw(*k);
                    }
                }
                return;
            }
        }
        self.args_bare(args);
    }

    fn args_parens(&mut self, args: &[Expr]) {
        self.out.push('(');
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(a, 0);
        }
        self.out.push(')');
    }

    /// `min_prec` is the weakest operator that may appear without parentheses here.
    fn expr(&mut self, e: &Expr, min_prec: u8) {
        match &e.kind {
            ExprKind::Number(n) => self.out.push_str(&format_number(*n)),
            ExprKind::Text(t) => {
                let (open, close) = if t.contains('"') { ('«', '»') } else { ('"', '"') };
                self.out.push(open);
                self.out.push_str(t);
                self.out.push(close);
            }
            ExprKind::Bool(b) => self.kw(if *b { Keyword::True } else { Keyword::False }),
            ExprKind::Colour(c) => self.out.push_str(spelling(self.lang, Term::Colour(*c))),
            ExprKind::List(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.expr(item, 0);
                }
                self.out.push(']');
            }
            ExprKind::Var(name) => self.out.push_str(name),
            ExprKind::Sensor(b, args) => {
                // A list built-in's last value is one word or bracket: it needs none.
                #[cfg(feature = "lists")]
                let min_prec = if crate::Builtin::LISTS.contains(b) { 0 } else { min_prec };
                let wrap = !args.is_empty() && min_prec > 0;
                if wrap {
                    self.out.push('(');
                }
                self.out.push_str(spelling(self.lang, Term::Builtin(*b)));
                self.builtin_args(*b, args);
                if wrap {
                    self.out.push(')');
                }
            }
            ExprKind::Call(name, args) => {
                self.out.push_str(name);
                self.args_parens(args);
            }
            ExprKind::Unary(UnaryOp::Neg, inner) => {
                self.out.push('-');
                self.expr(inner, 7);
            }
            ExprKind::Unary(UnaryOp::Not, inner) => {
                let wrap = min_prec > NOT_PRECEDENCE;
                if wrap {
                    self.out.push('(');
                }
                self.kw(Keyword::Not);
                self.out.push(' ');
                self.expr(inner, NOT_PRECEDENCE + 1);
                if wrap {
                    self.out.push(')');
                }
            }
            ExprKind::Binary(op, l, r) => {
                let prec = op.precedence();
                let wrap = prec < min_prec;
                if wrap {
                    self.out.push('(');
                }
                self.expr(l, prec);
                self.out.push(' ');
                self.out.push_str(op_word(*op, self.lang));
                self.out.push(' ');
                // Operators are left-associative: a right operand of equal strength needs
                // parentheses to keep its grouping.
                self.expr(r, prec + 1);
                if wrap {
                    self.out.push(')');
                }
            }
            ExprKind::Range(from, to) => {
                let wrap = min_prec > 0;
                if wrap {
                    self.out.push('(');
                }
                self.expr(from, 1);
                self.out.push(' ');
                self.kw(Keyword::To);
                self.out.push(' ');
                self.expr(to, 1);
                if wrap {
                    self.out.push(')');
                }
            }
            ExprKind::Missing => self.out.push('?'),
        }
    }
}
