//! Turns source text into tokens with byte spans. Words may be in any script; digits may be
//! Western (0-9) or Eastern Arabic (٠-٩, ۰-۹). The lexer never fails: a character it does
//! not know becomes an `Unknown` token for the parser to report.

use crate::ast::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Word(String),
    Number(f64),
    /// A quoted text; `closed` is false when the line ended before the closing quote.
    Text {
        value: String,
        closed: bool,
    },
    Comment(String),
    Newline,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    /// `=` (assignment at the start of a statement, comparison elsewhere) or `==`.
    Eq,
    EqEq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    /// A number with more digits than a program may hold.
    LongNumber,
    Unknown(char),
    Eof,
}

/// Digits a number in a program may have, and how many of them after the point.
pub const MAX_DIGITS: usize = 15;
pub const MAX_DECIMALS: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{2D7F}')
}

/// Splits `src` into tokens. The last token is always `Eof`.
pub fn lex(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let single = |tok: Tok| Token { tok, span: Span::new(start, start + c.len_utf8()) };
        if c == '\n' {
            chars.next();
            out.push(single(Tok::Newline));
        } else if c.is_whitespace()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{200B}')
        {
            // Spaces, the invisible direction marks an RTL keyboard may insert, and the
            // byte-order mark and zero-width space some editors put in a saved or copied text.
            chars.next();
        } else if c == '#' {
            let mut end = start;
            for (i, ch) in chars.by_ref() {
                if ch == '\n' {
                    break;
                }
                end = i + ch.len_utf8();
            }
            let text = src.get(start + 1..end).unwrap_or_default().trim().to_string();
            out.push(Token { tok: Tok::Comment(text), span: Span::new(start, end) });
            // The newline that ended the comment still separates statements.
            if end < src.len() {
                out.push(Token { tok: Tok::Newline, span: Span::new(end, end + 1) });
            }
        } else if digit_value(c).is_some() {
            // Digits are gathered as one whole number and divided once by a power of ten, so
            // "2.05" reads as the same number Rust's own parser gives.
            let mut mantissa = 0f64;
            let mut end = start;
            let mut decimals: Option<i32> = None;
            while let Some(&(i, ch)) = chars.peek() {
                if let Some(d) = digit_value(ch) {
                    mantissa = mantissa * 10.0 + d as f64;
                    if let Some(k) = decimals.as_mut() {
                        *k += 1;
                    }
                } else if (ch == '.' || ch == '٫') && decimals.is_none() && {
                    let mut ahead = src.get(i + ch.len_utf8()..).unwrap_or_default().chars();
                    ahead.next().and_then(digit_value).is_some()
                } {
                    decimals = Some(0);
                } else {
                    break;
                }
                end = i + ch.len_utf8();
                chars.next();
            }
            let value = match decimals {
                Some(k) if k > 0 => mantissa / 10f64.powi(k),
                _ => mantissa,
            };
            // Up to 15 digits, 6 of them after the point, read and print back exactly.
            let digits =
                src.get(start..end).unwrap_or_default().chars().filter(|c| digit_value(*c).is_some()).count();
            let tok = if digits > MAX_DIGITS || decimals.unwrap_or(0) > MAX_DECIMALS as i32 {
                Tok::LongNumber
            } else {
                Tok::Number(value)
            };
            out.push(Token { tok, span: Span::new(start, end) });
        } else if is_word_char(c) {
            let mut end = start;
            while let Some(&(i, ch)) = chars.peek() {
                let apostrophe_in_word = (ch == '\'' || ch == '’')
                    && src
                        .get(i + ch.len_utf8()..)
                        .unwrap_or_default()
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if !(is_word_char(ch) || apostrophe_in_word) {
                    break;
                }
                end = i + ch.len_utf8();
                chars.next();
            }
            out.push(Token {
                tok: Tok::Word(src.get(start..end).unwrap_or_default().to_string()),
                span: Span::new(start, end),
            });
        } else if matches!(c, '"' | '«' | '“') {
            let close = match c {
                '«' => '»',
                '“' => '”',
                _ => '"',
            };
            chars.next();
            let mut value = String::new();
            let mut end = start + c.len_utf8();
            let mut closed = false;
            while let Some(&(i, ch)) = chars.peek() {
                if ch == '\n' {
                    break;
                }
                chars.next();
                end = i + ch.len_utf8();
                if ch == close {
                    closed = true;
                    break;
                }
                value.push(ch);
            }
            out.push(Token { tok: Tok::Text { value, closed }, span: Span::new(start, end) });
        } else {
            chars.next();
            let next = chars.peek().map(|&(_, n)| n);
            let (tok, len) = match (c, next) {
                ('=', Some('=')) => (Tok::EqEq, 2),
                ('!', Some('=')) => (Tok::NotEq, 2),
                ('<', Some('=')) => (Tok::Le, 2),
                ('>', Some('=')) => (Tok::Ge, 2),
                ('<', Some('>')) => (Tok::NotEq, 2),
                ('=', _) => (Tok::Eq, 1),
                ('≠', _) => (Tok::NotEq, 1),
                ('≤', _) => (Tok::Le, 1),
                ('≥', _) => (Tok::Ge, 1),
                ('<', _) => (Tok::Lt, 1),
                ('>', _) => (Tok::Gt, 1),
                ('(', _) => (Tok::LParen, 1),
                (')', _) => (Tok::RParen, 1),
                ('[', _) => (Tok::LBracket, 1),
                (']', _) => (Tok::RBracket, 1),
                (',' | '،', _) => (Tok::Comma, 1),
                ('+', _) => (Tok::Plus, 1),
                ('-' | '−', _) => (Tok::Minus, 1),
                ('*' | '×', _) => (Tok::Star, 1),
                ('/' | '÷', _) => (Tok::Slash, 1),
                (';', _) => (Tok::Newline, 1),
                _ => (Tok::Unknown(c), 1),
            };
            let mut end = start + c.len_utf8();
            if len == 2 {
                if let Some((i, n)) = chars.next() {
                    end = i + n.len_utf8();
                }
            }
            out.push(Token { tok, span: Span::new(start, end) });
        }
    }
    out.push(Token { tok: Tok::Eof, span: Span::new(src.len(), src.len()) });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        lex(src).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn eastern_arabic_digits_are_numbers() {
        assert_eq!(toks("٤٢"), vec![Tok::Number(42.0), Tok::Eof]);
        assert_eq!(toks("3.5"), vec![Tok::Number(3.5), Tok::Eof]);
    }

    #[test]
    fn words_in_any_script_and_comments() {
        assert_eq!(
            toks("ⴷⴷⵓ # go\nكرر"),
            vec![
                Tok::Word("ⴷⴷⵓ".into()),
                Tok::Comment("go".into()),
                Tok::Newline,
                Tok::Word("كرر".into()),
                Tok::Eof
            ]
        );
    }

    #[test]
    fn spans_are_byte_ranges() {
        let t = lex("  move");
        assert_eq!(t[0].span, Span::new(2, 6));
    }

    #[test]
    fn numbers_longer_than_a_program_may_hold_are_marked() {
        // Found by fuzzing: 43 nines printed back as a different number.
        assert_eq!(toks("9999999999999999999999"), vec![Tok::LongNumber, Tok::Eof]);
        assert_eq!(toks("0.1234567"), vec![Tok::LongNumber, Tok::Eof]);
        assert_eq!(toks("123456789012345"), vec![Tok::Number(123456789012345.0), Tok::Eof]);
    }

    #[test]
    fn unterminated_text_is_marked() {
        assert_eq!(
            toks("say \"hi"),
            vec![Tok::Word("say".into()), Tok::Text { value: "hi".into(), closed: false }, Tok::Eof]
        );
    }
}
