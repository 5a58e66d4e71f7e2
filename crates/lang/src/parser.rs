//! Reads tokens into a [`Program`]. It never fails outright: on a problem it records one
//! diagnostic, keeps the line as an `Invalid` statement and carries on at the next line, so
//! a half-typed program still has a tree.

use crate::ast::*;
use crate::builtins::{Builtin, BuiltinKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::{lex, Tok, Token};
use crate::lexicon::{normalize_word, spelling, Keyword, Lang, Lexicon, Term};

/// How deep a program's tree may be: blocks inside blocks, plus values inside values below
/// them (`1 + 1 + … + 1` is as deep as it is long). Deeper is refused, so no walk of the tree
/// (this parser, the printer, the compiler, block operations) can exhaust the stack, the
/// browser's included: `the_deepest_accepted_programs_fit_in_a_small_stack` in
/// `tests/hostile.rs` runs every walk at this depth in a quarter of wasm's stack.
pub const MAX_DEPTH: usize = 48;

/// Characters a program may have: about 2,000 lines, ten times the longest program a lesson
/// asks for. Reading and compiling that many take a few milliseconds in the page (a pasted
/// 70,000-line program held the page for over half a second: bench/hostile-page.mjs), and in
/// the widest script (3 bytes a letter) it still fits a program file
/// (`progress_file::MAX_PROGRAM_BYTES`) and the device's store. A longer text is kept whole,
/// as one unreadable line.
pub const MAX_CHARS: usize = 20_000;

#[derive(Debug, Clone)]
pub struct Parsed {
    pub program: Program,
    /// Sorted by position; the UI shows the first.
    pub diagnostics: Vec<Diagnostic>,
}

pub fn parse(src: &str, lang: Lang) -> Parsed {
    parse_with(src, Lexicon::shared(lang))
}

/// Parses `src` with the words of `lex` (a language's, or [`Lexicon::every_language`]).
pub fn parse_with(src: &str, words_of: &'static Lexicon) -> Parsed {
    if src.len() > MAX_CHARS && src.chars().count() > MAX_CHARS {
        let text = src.trim_end().to_string();
        let span = Span::new(0, text.len());
        return Parsed {
            program: Program {
                body: vec![Stmt { id: NodeId(0), kind: StmtKind::Invalid(text), comment: None }],
                spans: vec![span],
            },
            diagnostics: vec![Diagnostic::at_span(Code::ProgramTooLong, Span::new(0, 0))
                .with("count", MAX_CHARS.to_string())],
        };
    }
    let toks = lex(src);
    let words = toks
        .iter()
        .map(|t| match &t.tok {
            Tok::Word(w) => Some(normalize_word(w)),
            _ => None,
        })
        .collect();
    let mut p = Parser {
        src,
        toks,
        words,
        pos: 0,
        lex: words_of,
        spans: Vec::new(),
        diags: Vec::new(),
        depth: 0,
        blocks: 0,
        height: 0,
        header_comment: None,
    };
    let body = p.block(&[]);
    let mut program = Program { body, spans: p.spans };
    check_calls(&mut program, p.lex, &mut p.diags);
    crate::small_sort::sort_by_key(&mut p.diags, |d| match d.place {
        crate::diagnostic::Place::Span(s) => s.start,
        crate::diagnostic::Place::Node(n) => program.span(n).start,
    });
    Parsed { program, diagnostics: p.diags }
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    /// Each token's word, normalised once (`None` for tokens that are not words).
    words: Vec<Option<String>>,
    pos: usize,
    lex: &'static Lexicon,
    spans: Vec<Span>,
    diags: Vec<Diagnostic>,
    depth: usize,
    /// Blocks around the statement being read.
    blocks: usize,
    /// The height of the value just read: 1 for a number or a name, one more than its
    /// deepest part for an operator, a list or a call.
    height: usize,
    /// A `# comment` at the end of a block's header line, handed from the block's body to
    /// the statement that owns it.
    header_comment: Option<String>,
}

/// Thrown inside a line; the line is then skipped and kept as `Invalid`.
struct LineError;

type PResult<T> = Result<T, LineError>;

impl<'a> Parser<'a> {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].tok
    }

    fn span(&self) -> Span {
        self.toks[self.pos].span
    }

    fn prev_end(&self) -> usize {
        if self.pos == 0 {
            0
        } else {
            self.toks[self.pos - 1].span.end
        }
    }

    fn bump(&mut self) -> Span {
        let s = self.span();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        s
    }

    fn new_id(&mut self, start: usize) -> NodeId {
        self.spans.push(Span::new(start, start));
        NodeId(self.spans.len() as u32 - 1)
    }

    fn finish(&mut self, id: NodeId) {
        let end = self.prev_end();
        let span = &mut self.spans[id.0 as usize];
        span.end = end.max(span.start);
    }

    /// The phrase at the cursor, if the words there name a keyword, built-in or colour.
    fn term(&self) -> Option<(Term, usize)> {
        let words = &self.words[self.pos..];
        self.lex.match_words(|i| words.get(i)?.as_deref())
    }

    fn at_keyword(&self, k: Keyword) -> Option<usize> {
        match self.term() {
            Some((Term::Keyword(found), n)) if found == k => Some(n),
            _ => None,
        }
    }

    fn eat_keyword(&mut self, k: Keyword) -> Option<Span> {
        let n = self.at_keyword(k)?;
        let start = self.span();
        let mut end = start;
        for _ in 0..n {
            end = self.bump();
        }
        Some(start.to(end))
    }

    fn at_line_end(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Comment(_))
    }

    fn error(&mut self, d: Diagnostic) -> LineError {
        // One error per line: the first is the one that explains the problem.
        self.diags.push(d);
        LineError
    }

    /// Source text by byte range (`get`, not indexing: the wasm then carries no string-slicing
    /// panic and its formatting code).
    fn text(&self, range: std::ops::Range<usize>) -> String {
        self.src.get(range).unwrap_or_default().to_string()
    }

    fn word_text(&self, n: usize) -> String {
        let a = self.toks[self.pos].span.start;
        let b = self.toks[(self.pos + n).min(self.toks.len()) - 1].span.end;
        self.text(a..b)
    }

    /// Statements until one of `closers` (not consumed) or the end of the text.
    fn block(&mut self, closers: &[Keyword]) -> Vec<Stmt> {
        let mut out = Vec::new();
        loop {
            while matches!(self.peek(), Tok::Newline) {
                self.bump();
            }
            if matches!(self.peek(), Tok::Eof) {
                return out;
            }
            if closers.iter().any(|&k| self.at_keyword(k).is_some()) {
                return out;
            }
            let line_start = self.span().start;
            let id = self.new_id(line_start);
            self.header_comment = None;
            let result = self.statement();
            let mut stmt = match result.and_then(|kind| self.line_end().map(|c| (kind, c))) {
                Ok((kind, end_comment)) => {
                    // A comment after `end` joins the header's, so neither is lost.
                    let comment = match (self.header_comment.take(), end_comment) {
                        (Some(h), Some(e)) => Some(format!("{h}; {e}")),
                        (h, e) => h.or(e),
                    };
                    Stmt { id, kind, comment }
                }
                Err(LineError) => {
                    self.skip_line();
                    let text = self.text(line_start..self.prev_end()).trim_end().to_string();
                    Stmt { id, kind: StmtKind::Invalid(text), comment: None }
                }
            };
            if let StmtKind::Comment(_) = stmt.kind {
                stmt.comment = None;
            }
            let span_end = self.prev_end();
            self.spans[id.0 as usize].end = span_end;
            out.push(stmt);
        }
    }

    /// After a statement: an optional trailing comment, then a newline or the end.
    fn line_end(&mut self) -> PResult<Option<String>> {
        let comment = if let Tok::Comment(c) = self.peek() {
            let c = c.clone();
            self.bump();
            Some(c)
        } else {
            None
        };
        match self.peek() {
            Tok::Newline | Tok::Eof => Ok(comment),
            _ => {
                let span = self.span();
                Err(self.error(Diagnostic::at_span(Code::ExtraOnLine, span)))
            }
        }
    }

    fn skip_line(&mut self) {
        while !matches!(self.peek(), Tok::Newline | Tok::Eof) {
            self.bump();
        }
    }

    fn statement(&mut self) -> PResult<StmtKind> {
        let start = self.span();
        if let Tok::Comment(c) = self.peek() {
            let c = c.clone();
            self.bump();
            return Ok(StmtKind::Comment(c));
        }
        match self.term() {
            Some((Term::Keyword(k), _)) => {
                let kw_span = self.eat_keyword(k).unwrap_or(start);
                self.keyword_statement(k, kw_span)
            }
            Some((Term::Builtin(b), n)) => {
                let text = self.word_text(n);
                for _ in 0..n {
                    self.bump();
                }
                let span = start.to(Span::new(start.start, self.prev_end()));
                if b.kind() == BuiltinKind::Sensor {
                    return Err(
                        self.error(Diagnostic::at_span(Code::SensorAsStatement, span).with("word", text))
                    );
                }
                let args = self.builtin_args(b, &text, span)?;
                Ok(StmtKind::Action(b, args))
            }
            Some((Term::Colour(_), n)) => {
                let text = self.word_text(n);
                Err(self.error(Diagnostic::at_span(Code::ExpectedStatement, start).with("word", text)))
            }
            None => match self.peek().clone() {
                Tok::Word(name) => {
                    self.bump();
                    if matches!(self.peek(), Tok::Eq) {
                        self.bump();
                        let value = self.expr_or_missing(Code::ExpectedValue)?;
                        Ok(StmtKind::Assign(name, value))
                    } else {
                        let args =
                            if matches!(self.peek(), Tok::LParen) { self.call_args()? } else { vec![] };
                        Ok(StmtKind::Call(name, args))
                    }
                }
                _ => Err(self.token_error(Code::ExpectedStatement)),
            },
        }
    }

    /// A diagnostic for the token at the cursor, naming unknown characters and open texts.
    fn token_error(&mut self, fallback: Code) -> LineError {
        let span = self.span();
        let d = match self.peek().clone() {
            Tok::Unknown(c) => Diagnostic::at_span(Code::UnexpectedChar, span).with("char", visible(c)),
            Tok::Text { closed: false, .. } => Diagnostic::at_span(Code::UnclosedText, span),
            Tok::LongNumber => Diagnostic::at_span(Code::NumberTooLong, span)
                .with("digits", crate::lexer::MAX_DIGITS.to_string())
                .with("decimals", crate::lexer::MAX_DECIMALS.to_string()),
            _ => Diagnostic::at_span(fallback, span).with("word", self.text(span.start..span.end)),
        };
        self.error(d)
    }

    fn keyword_statement(&mut self, k: Keyword, kw: Span) -> PResult<StmtKind> {
        match k {
            Keyword::Repeat => {
                if self.at_line_end() || self.at_keyword(Keyword::Times).is_some() {
                    return Err(self.error(Diagnostic::at_span(Code::RepeatNeedsCount, kw)));
                }
                let count = self.expr(0)?;
                if self.eat_keyword(Keyword::Times).is_none() {
                    let span = Span::new(kw.start, self.prev_end());
                    return Err(self.error(Diagnostic::at_span(Code::RepeatNeedsTimes, span)));
                }
                let body = self.body(kw, k)?;
                Ok(StmtKind::Repeat(count, body))
            }
            Keyword::While => {
                let cond = self.condition(kw, k)?;
                let body = self.body(kw, k)?;
                Ok(StmtKind::While(cond, body))
            }
            Keyword::If => self.if_statement(kw),
            Keyword::ForEach => {
                let name = match self.peek().clone() {
                    Tok::Word(w) if !self.lex.starts_phrase(&w) => {
                        self.bump();
                        w
                    }
                    _ => return Err(self.error(Diagnostic::at_span(Code::ForEachShape, kw))),
                };
                if self.eat_keyword(Keyword::In).is_none() || self.at_line_end() {
                    return Err(self.error(Diagnostic::at_span(Code::ForEachShape, kw)));
                }
                let list = self.expr(0)?;
                let body = self.body(kw, k)?;
                Ok(StmtKind::ForEach(name, list, body))
            }
            Keyword::Define => {
                let name = match self.peek().clone() {
                    Tok::Word(w) if self.term().is_none() => {
                        self.bump();
                        w
                    }
                    _ => return Err(self.error(Diagnostic::at_span(Code::DefineNeedsName, kw))),
                };
                let mut params = Vec::new();
                if matches!(self.peek(), Tok::LParen) {
                    let open = self.bump();
                    loop {
                        match self.peek().clone() {
                            Tok::RParen => {
                                self.bump();
                                break;
                            }
                            Tok::Word(w) if self.term().is_none() => {
                                self.bump();
                                params.push(w);
                                if matches!(self.peek(), Tok::Comma) {
                                    self.bump();
                                }
                            }
                            _ => return Err(self.error(Diagnostic::at_span(Code::UnclosedParen, open))),
                        }
                    }
                }
                let body = self.body(kw, k)?;
                Ok(StmtKind::Define(name, params, body))
            }
            Keyword::Return => {
                let value = if self.at_line_end() { None } else { Some(self.expr(0)?) };
                Ok(StmtKind::Return(value))
            }
            Keyword::End => Err(self.error(Diagnostic::at_span(Code::StrayEnd, kw))),
            Keyword::Else => Err(self.error(Diagnostic::at_span(Code::StrayElse, kw))),
            _ => {
                let word = self.text(kw.start..kw.end);
                Err(self.error(Diagnostic::at_span(Code::ExpectedStatement, kw).with("word", word)))
            }
        }
    }

    fn condition(&mut self, kw: Span, k: Keyword) -> PResult<Expr> {
        if self.at_line_end() {
            let word = spelling(self.lex.lang(), Term::Keyword(k)).to_string();
            return Err(self.error(Diagnostic::at_span(Code::NeedsCondition, kw).with("keyword", word)));
        }
        self.expr(0)
    }

    /// The rest of a block header line, the nested statements, and the closing `end`.
    /// A comment right after a block header, before the line ends.
    fn take_header_comment(&mut self) -> Option<String> {
        if let Tok::Comment(c) = self.peek() {
            let c = c.clone();
            self.bump();
            return Some(c);
        }
        None
    }

    fn body(&mut self, kw: Span, k: Keyword) -> PResult<Vec<Stmt>> {
        let header = self.take_header_comment();
        self.enter_block(kw)?;
        let body = self.block(&[Keyword::End]);
        self.leave_block();
        self.expect_end(kw, k)?;
        self.header_comment = header;
        Ok(body)
    }

    /// One more nested call of the parser (a block, a value, brackets). Brackets and an
    /// operand each take one, so a printed tree of the deepest height reads back: the calls
    /// may go twice as deep as the tree.
    fn enter(&mut self, at: Span) -> PResult<()> {
        if self.depth >= 2 * MAX_DEPTH {
            return Err(self.error(Diagnostic::at_span(Code::TooDeep, at)));
        }
        self.depth += 1;
        Ok(())
    }

    /// One more block around what follows, leaving room below it for a value.
    fn enter_block(&mut self, at: Span) -> PResult<()> {
        if self.blocks + 1 >= MAX_DEPTH {
            return Err(self.error(Diagnostic::at_span(Code::TooDeep, at)));
        }
        self.enter(at)?;
        self.blocks += 1;
        Ok(())
    }

    fn leave_block(&mut self) {
        self.depth -= 1;
        self.blocks -= 1;
    }

    /// A value one level above the deepest of its parts (`self.height`, set as each part
    /// is read): refused when the tree would be too deep, before it is built any deeper.
    fn grow(&mut self, at: Span) -> PResult<()> {
        self.height += 1;
        if self.blocks + self.height > MAX_DEPTH {
            return Err(self.error(Diagnostic::at_span(Code::TooDeep, at)));
        }
        Ok(())
    }

    fn expect_end(&mut self, kw: Span, k: Keyword) -> PResult<()> {
        if self.eat_keyword(Keyword::End).is_some() {
            return Ok(());
        }
        let word = spelling(self.lex.lang(), Term::Keyword(k)).to_string();
        self.diags.push(Diagnostic::at_span(Code::MissingEnd, kw).with("keyword", word));
        // The body is kept: a missing `end` at the bottom loses nothing the pupil wrote.
        Ok(())
    }

    fn if_statement(&mut self, kw: Span) -> PResult<StmtKind> {
        let mut arms = Vec::new();
        let mut otherwise = None;
        let cond = self.condition(kw, Keyword::If)?;
        let header = self.take_header_comment();
        self.enter_block(kw)?;
        let body = self.block(&[Keyword::End, Keyword::Else]);
        arms.push((cond, body));
        while let Some(else_span) = self.eat_keyword(Keyword::Else) {
            if let Some(if_span) = self.eat_keyword(Keyword::If) {
                let cond = match self.condition(if_span, Keyword::If) {
                    Ok(c) => c,
                    Err(e) => {
                        self.leave_block();
                        return Err(e);
                    }
                };
                let body = self.block(&[Keyword::End, Keyword::Else]);
                arms.push((cond, body));
            } else {
                // A comment after `else` stays: it becomes the else block's first line.
                if !self.at_line_end() {
                    self.leave_block();
                    let span = self.span();
                    return Err(self.error(Diagnostic::at_span(Code::ExtraOnLine, span)));
                }
                otherwise = Some(self.block(&[Keyword::End]));
                if self.at_keyword(Keyword::Else).is_some() {
                    let span = self.span();
                    self.diags.push(Diagnostic::at_span(Code::StrayElse, span.to(else_span)));
                    self.bump();
                }
                break;
            }
        }
        self.leave_block();
        self.expect_end(kw, Keyword::If)?;
        self.header_comment = header;
        Ok(StmtKind::If(arms, otherwise))
    }

    fn builtin_args(&mut self, b: Builtin, text: &str, span: Span) -> PResult<Vec<Expr>> {
        let want = b.arity();
        self.height = 0;
        if want == 0 {
            return Ok(vec![]);
        }
        // A list built-in reads exactly its values, so `length of scores` may stand among
        // other values (`plant(length of scores, 2)`).
        #[cfg(feature = "lists")]
        if Builtin::LISTS.contains(&b) {
            // A value's last value is one word or bracket (`item 1 of scores + 1` adds 1 to
            // the item); a statement's takes the rest of the line.
            let last = if b.kind() == BuiltinKind::Sensor { 7 } else { 0 };
            return self.joined_args(crate::lexicon_lists::joiners(b, self.lex.lang()), last);
        }
        // `motors 50, 50` and `motors(50, 50)` both work: read a bare list first, and if that
        // does not fill the line, read it again as one bracketed list.
        let saved = (self.pos, self.spans.len(), self.diags.len());
        let mut args = self.bare_args();
        if want > 1 && saved.0 < self.toks.len() && matches!(self.toks[saved.0].tok, Tok::LParen) {
            let fits = matches!(&args, Ok(a) if a.len() == want) && self.at_line_end();
            if !fits {
                self.pos = saved.0;
                self.spans.truncate(saved.1);
                self.diags.truncate(saved.2);
                args = self.call_args();
            }
        }
        let args = args?;
        if args.len() != want {
            let d = Diagnostic::at_span(Code::WrongArgCount, span.to(Span::new(span.start, self.prev_end())))
                .with("name", text)
                .with("count", want.to_string());
            return Err(self.error(d));
        }
        Ok(args)
    }

    /// A list built-in's values with a word between each two (`item 2 of scores`). The words
    /// end the values before them, which are read without `a to b` (`to` may be one of the
    /// words); the last value is read with operators of at least `last`'s precedence.
    /// `self.height` is then the tallest's.
    #[cfg(feature = "lists")]
    fn joined_args(&mut self, joiners: &[Keyword], last: u8) -> PResult<Vec<Expr>> {
        let (mut args, mut tallest) = (Vec::new(), 0);
        for want in joiners {
            if self.at_line_end() {
                let span = self.span();
                return Err(self.error(Diagnostic::at_span(Code::ExpectedValue, span)));
            }
            args.push(self.expr(1)?);
            tallest = tallest.max(self.height);
            match self.term() {
                Some((Term::Keyword(found), n)) if crate::lexicon_lists::joins(*want, found) => {
                    for _ in 0..n {
                        self.bump();
                    }
                }
                _ => {
                    let word = crate::lexicon::spelling(self.lex.lang(), Term::Keyword(*want));
                    let span = self.span();
                    return Err(self.error(Diagnostic::at_span(Code::ExpectedWord, span).with("word", word)));
                }
            }
        }
        if self.at_line_end() {
            let span = self.span();
            return Err(self.error(Diagnostic::at_span(Code::ExpectedValue, span)));
        }
        args.push(self.expr(last)?);
        self.height = self.height.max(tallest);
        Ok(args)
    }

    /// Reads a value that is part of a bigger one, keeping the tallest part's height in
    /// `tallest`.
    fn part(&mut self, tallest: &mut usize) -> PResult<Expr> {
        let e = self.expr(0)?;
        *tallest = (*tallest).max(self.height);
        Ok(e)
    }

    /// Values after a built-in, separated by commas; `self.height` is then the tallest's.
    fn bare_args(&mut self) -> PResult<Vec<Expr>> {
        let (mut args, mut tallest) = (Vec::new(), 0);
        while !self.at_line_end() {
            args.push(self.part(&mut tallest)?);
            if !matches!(self.peek(), Tok::Comma) {
                break;
            }
            self.bump();
        }
        self.height = tallest;
        Ok(args)
    }

    /// Values in brackets, separated by commas; `self.height` is then the tallest's.
    fn call_args(&mut self) -> PResult<Vec<Expr>> {
        let open = self.bump();
        let (mut args, mut tallest) = (Vec::new(), 0);
        self.height = 0;
        if matches!(self.peek(), Tok::RParen) {
            self.bump();
            return Ok(args);
        }
        loop {
            args.push(self.part(&mut tallest)?);
            match self.peek() {
                Tok::Comma => {
                    self.bump();
                }
                Tok::RParen => {
                    self.bump();
                    self.height = tallest;
                    return Ok(args);
                }
                _ => return Err(self.error(Diagnostic::at_span(Code::UnclosedParen, open))),
            }
        }
    }

    fn expr_or_missing(&mut self, code: Code) -> PResult<Expr> {
        if self.at_line_end() {
            let span = self.span();
            return Err(self.error(Diagnostic::at_span(code, span)));
        }
        self.expr(0)
    }

    fn binop(&self) -> Option<(BinOp, usize)> {
        let op = match self.peek() {
            Tok::Plus => BinOp::Add,
            Tok::Minus => BinOp::Sub,
            Tok::Star => BinOp::Mul,
            Tok::Slash => BinOp::Div,
            Tok::Eq | Tok::EqEq => BinOp::Eq,
            Tok::NotEq => BinOp::NotEq,
            Tok::Lt => BinOp::Lt,
            Tok::Le => BinOp::Le,
            Tok::Gt => BinOp::Gt,
            Tok::Ge => BinOp::Ge,
            Tok::Word(_) => {
                return match self.term() {
                    Some((Term::Keyword(Keyword::And), n)) => Some((BinOp::And, n)),
                    Some((Term::Keyword(Keyword::Or), n)) => Some((BinOp::Or, n)),
                    Some((Term::Keyword(Keyword::Mod), n)) => Some((BinOp::Mod, n)),
                    _ => None,
                }
            }
            _ => return None,
        };
        Some((op, 1))
    }

    fn expr(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.span();
        self.enter(start)?;
        let result = self.expr_inner(min_prec, start);
        self.depth -= 1;
        result
    }

    fn expr_inner(&mut self, min_prec: u8, start: Span) -> PResult<Expr> {
        let id = self.new_id(start.start);
        let mut lhs = if self.at_keyword(Keyword::Not).is_some() {
            self.eat_keyword(Keyword::Not);
            let operand = self.expr(NOT_PRECEDENCE + 1)?;
            self.grow(start)?;
            Expr { id, kind: ExprKind::Unary(UnaryOp::Not, Box::new(operand)) }
        } else if matches!(self.peek(), Tok::Minus) {
            self.bump();
            let operand = self.expr(7)?;
            self.grow(start)?;
            Expr { id, kind: ExprKind::Unary(UnaryOp::Neg, Box::new(operand)) }
        } else {
            self.spans.pop();
            let e = self.primary()?;
            self.finish(e.id);
            e
        };
        if matches!(lhs.kind, ExprKind::Unary(..)) {
            self.finish(id);
        }
        while let Some((op, words)) = self.binop() {
            if op.precedence() < min_prec {
                break;
            }
            // A binary node is numbered after its operands: ids follow the order nodes end.
            let parent = lhs.id;
            let lhs_start = self.spans[parent.0 as usize].start;
            for _ in 0..words {
                self.bump();
            }
            let lhs_height = self.height;
            let rhs = self.expr(op.precedence() + 1)?;
            // A chain (`1 + 1 + …`) grows the tree without nesting calls here: its height
            // is what bounds it.
            self.height = self.height.max(lhs_height);
            self.grow(start)?;
            let id = self.new_id(lhs_start);
            self.finish(id);
            lhs = Expr { id, kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)) };
        }
        // `a to b` binds loosest of all and does not chain.
        if min_prec == 0 && self.at_keyword(Keyword::To).is_some() {
            let lhs_start = self.spans[lhs.id.0 as usize].start;
            self.eat_keyword(Keyword::To);
            if self.at_line_end() {
                let span = self.span();
                return Err(self.error(Diagnostic::at_span(Code::ExpectedValue, span)));
            }
            let lhs_height = self.height;
            let rhs = self.expr(1)?;
            self.height = self.height.max(lhs_height);
            self.grow(start)?;
            let id = self.new_id(lhs_start);
            self.finish(id);
            lhs = Expr { id, kind: ExprKind::Range(Box::new(lhs), Box::new(rhs)) };
        }
        Ok(lhs)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        self.height = 0;
        let e = self.primary_inner(start)?;
        self.grow(start)?;
        Ok(e)
    }

    /// A value with no operator around it; `self.height` is then its tallest part's (0 for
    /// none), except for a value in brackets, which is the value's own height less one.
    fn primary_inner(&mut self, start: Span) -> PResult<Expr> {
        if let Some((term, n)) = self.term() {
            let text = self.word_text(n);
            return match term {
                Term::Keyword(Keyword::True) | Term::Keyword(Keyword::False) => {
                    let id = self.new_id(start.start);
                    for _ in 0..n {
                        self.bump();
                    }
                    Ok(Expr { id, kind: ExprKind::Bool(term == Term::Keyword(Keyword::True)) })
                }
                Term::Colour(c) => {
                    let id = self.new_id(start.start);
                    for _ in 0..n {
                        self.bump();
                    }
                    Ok(Expr { id, kind: ExprKind::Colour(c) })
                }
                Term::Builtin(b) if b.kind() == BuiltinKind::Sensor => {
                    let id = self.new_id(start.start);
                    for _ in 0..n {
                        self.bump();
                    }
                    let span = Span::new(start.start, self.prev_end());
                    let args = self.builtin_args(b, &text, span)?;
                    Ok(Expr { id, kind: ExprKind::Sensor(b, args) })
                }
                Term::Builtin(_) => {
                    Err(self.error(Diagnostic::at_span(Code::ActionAsValue, start).with("word", text)))
                }
                Term::Keyword(_) => {
                    Err(self.error(Diagnostic::at_span(Code::ExpectedValue, start).with("word", text)))
                }
            };
        }
        let id = self.new_id(start.start);
        let kind = match self.peek().clone() {
            Tok::Number(n) => {
                self.bump();
                ExprKind::Number(n)
            }
            Tok::Text { value, closed: true } => {
                self.bump();
                ExprKind::Text(value)
            }
            Tok::Word(w) => {
                self.bump();
                if matches!(self.peek(), Tok::LParen) {
                    ExprKind::Call(w, self.call_args()?)
                } else {
                    ExprKind::Var(w)
                }
            }
            Tok::LParen => {
                self.spans.pop();
                let open = self.bump();
                let inner = self.expr(0)?;
                if !matches!(self.peek(), Tok::RParen) {
                    return Err(self.error(Diagnostic::at_span(Code::UnclosedParen, open)));
                }
                self.bump();
                // Brackets add no node: `primary` adds the level back.
                self.height -= 1;
                return Ok(inner);
            }
            Tok::LBracket => {
                let open = self.bump();
                let (mut items, mut tallest) = (Vec::new(), 0);
                loop {
                    if matches!(self.peek(), Tok::RBracket) {
                        self.bump();
                        self.height = tallest;
                        break;
                    }
                    items.push(self.part(&mut tallest)?);
                    match self.peek() {
                        Tok::Comma => {
                            self.bump();
                        }
                        Tok::RBracket => {}
                        _ => return Err(self.error(Diagnostic::at_span(Code::UnclosedList, open))),
                    }
                }
                ExprKind::List(items)
            }
            _ => return Err(self.token_error(Code::ExpectedValue)),
        };
        Ok(Expr { id, kind })
    }
}

/// A character as a message can show it: an invisible one (a control or formatting
/// character pasted with the text) by its code, `U+0007`, so the pupil sees what to remove.
fn visible(c: char) -> String {
    let invisible = c.is_control()
        || matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}')
        || matches!(c, '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}');
    if !invisible {
        return c.to_string();
    }
    let code = c as u32;
    let mut out = String::from("U+");
    for shift in (0..if code > 0xFFFF { 6 } else { 4 }).rev() {
        out.push(char::from(b"0123456789ABCDEF"[(code >> (shift * 4) & 0xF) as usize]));
    }
    out
}

/// Calls of procedures that are never defined get an `unknown-word` diagnostic with the
/// closest known name as a suggestion ("Did you mean `move`?").
fn check_calls(program: &mut Program, lex: &Lexicon, diags: &mut Vec<Diagnostic>) {
    let defined: Vec<String> = program
        .body
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Define(name, _, _) => Some(name.clone()),
            _ => None,
        })
        .collect();
    fn walk(stmts: &[Stmt], f: &mut dyn FnMut(&Stmt)) {
        for s in stmts {
            f(s);
            s.kind.blocks().for_each(|b| walk(b, f));
        }
    }
    let mut unknown = Vec::new();
    walk(&program.body, &mut |s| {
        if let StmtKind::Call(name, _) = &s.kind {
            if !defined.contains(name) {
                unknown.push((s.id, name.clone()));
            }
        }
    });
    for (id, name) in unknown {
        let mut d = Diagnostic::at_span(Code::UnknownWord, program.span(id)).with("word", name.clone());
        if let Some(s) = suggest(&name, lex, &defined) {
            d = d.with("suggestion", s);
        }
        diags.push(d);
    }
}

fn suggest(word: &str, lex: &Lexicon, defined: &[String]) -> Option<String> {
    let lang = lex.lang();
    let mut candidates: Vec<String> = defined.to_vec();
    for b in Builtin::ALL {
        if b.kind() == BuiltinKind::Action {
            candidates.push(spelling(lang, Term::Builtin(b)).to_string());
        }
    }
    for k in [Keyword::Repeat, Keyword::While, Keyword::If, Keyword::Define, Keyword::End] {
        candidates.push(spelling(lang, Term::Keyword(k)).to_string());
    }
    let w = crate::lexicon::normalize_word(word);
    candidates
        .into_iter()
        .map(|c| {
            let first = c.split(' ').next().unwrap_or(&c).to_string();
            (crate::typo::edit_distance(&w, &crate::lexicon::normalize_word(&first)), c)
        })
        .filter(|(d, _)| *d <= 2 && *d * 3 <= w.chars().count().max(1) + 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}
