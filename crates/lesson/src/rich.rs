//! Lesson text after the build: the Markdown a lesson is written in, turned (natively, by
//! `tafukt bundle`) into a flat list of tokens the app renders as nodes, so the app carries
//! no Markdown parser and no text is ever read as HTML.
//!
//! A bundled text starts with a record separator (`␞`, U+241E: printable, so JSON keeps it as
//! it is) and is a list of records, each ended by one: `<tag` opens an element (an image's
//! source and description follow its name, each after `␟`, U+241F), `>` closes the last open
//! element, and `=text` is text. Only the tags in [`TAGS`] are ever opened.

const RECORD: char = '\u{241e}';
const UNIT: char = '\u{241f}';

/// Elements lesson text may use.
pub const TAGS: [&str; 10] = ["p", "em", "strong", "code", "pre", "ul", "ol", "li", "img", "bdi"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// An element from [`TAGS`]; for `img`, its source and description.
    Open(&'a str, Option<(&'a str, &'a str)>),
    Close,
    Text(&'a str),
}

/// Whether `text` is bundled lesson text (else it is plain text, shown as one paragraph).
pub fn is_bundled(text: &str) -> bool {
    text.starts_with(RECORD)
}

/// The tokens of bundled text; records that are not well-formed are skipped.
pub fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split(RECORD).filter_map(|record| {
        let mut chars = record.chars();
        match chars.next()? {
            '=' => Some(Token::Text(chars.as_str())),
            '>' => Some(Token::Close),
            '<' => {
                let mut parts = chars.as_str().split(UNIT);
                let name = parts.next()?;
                let tag = TAGS.into_iter().find(|t| *t == name)?;
                let image = match (parts.next(), parts.next()) {
                    (Some(src), Some(alt)) => Some((src, alt)),
                    _ => None,
                };
                Some(Token::Open(tag, image))
            }
            _ => None,
        }
    })
}

/// Writes tokens as bundled text (the inverse of [`tokens`]).
pub fn encode<'a>(tokens: impl IntoIterator<Item = Token<'a>>) -> String {
    let mut out = String::new();
    out.push(RECORD);
    for t in tokens {
        match t {
            Token::Open(tag, image) => {
                out.push('<');
                out.push_str(tag);
                if let Some((src, alt)) = image {
                    out.push(UNIT);
                    out.push_str(src);
                    out.push(UNIT);
                    out.push_str(alt);
                }
            }
            Token::Close => out.push('>'),
            Token::Text(text) => {
                out.push('=');
                out.extend(text.chars().map(|c| if c == RECORD || c == UNIT { ' ' } else { c }));
            }
        }
        out.push(RECORD);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_text_cannot_become_a_tag() {
        let list = vec![
            Token::Open("p", None),
            Token::Text("Use "),
            Token::Open("code", None),
            Token::Text("<b>move</b>"),
            Token::Close,
            Token::Close,
            Token::Open("img", Some(("img/olive.svg", "an olive"))),
            Token::Close,
        ];
        let text = encode(list.clone());
        assert!(is_bundled(&text));
        assert_eq!(tokens(&text).collect::<Vec<_>>(), list);
    }

    #[test]
    fn unknown_tags_are_dropped() {
        let text = "␞<script␞=x␞>␞";
        assert_eq!(tokens(text).collect::<Vec<_>>(), vec![Token::Text("x"), Token::Close]);
        assert!(!is_bundled("plain words"));
    }
}
