//! Lesson Markdown to bundled lesson text (see `tafukt_lesson::rich`), with pulldown-cmark,
//! natively at build time and in the teacher studio. Lessons use a small, safe part of Markdown: paragraphs, emphasis,
//! inline code and code blocks, lists and images from the lesson folder. Raw HTML, links,
//! headings and tables are refused with a message naming them.

use crate::rich::{encode, Token};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// Bundled text for `markdown`, or what in it a lesson may not use.
pub fn to_rich_text(markdown: &str) -> Result<String, String> {
    let mut out: Vec<Token<'_>> = Vec::new();
    // Text inside an image is its description, not text of its own.
    let mut image: Option<(String, String)> = None;
    let events: Vec<Event<'_>> = Parser::new(markdown).collect();
    let mut owned: Vec<String> = Vec::new();
    for event in &events {
        if let Some((_, alt)) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                Event::End(TagEnd::Image) => {
                    let (src, alt) = image.take().unwrap_or_default();
                    owned.push(src);
                    owned.push(alt);
                    out.push(Token::Close);
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => {
                let name = match tag {
                    Tag::Paragraph => "p",
                    Tag::Emphasis => "em",
                    Tag::Strong => "strong",
                    Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => "pre",
                    Tag::List(None) => "ul",
                    Tag::List(Some(_)) => "ol",
                    Tag::Item => "li",
                    Tag::Image { dest_url, .. } => {
                        let src = dest_url.to_string();
                        if src.contains(':') || src.starts_with('/') || src.contains("..") {
                            return Err(format!("image `{src}` must be a file in the lesson folder"));
                        }
                        image = Some((src, String::new()));
                        out.push(Token::Open("img", None));
                        continue;
                    }
                    other => return Err(format!("lesson text may not use {}", describe(other))),
                };
                out.push(Token::Open(name, None));
            }
            Event::End(_) => out.push(Token::Close),
            Event::Text(t) => out.push(Token::Text(t)),
            Event::Code(t) => {
                out.push(Token::Open("code", None));
                isolate_names(t, &mut out);
                out.push(Token::Close);
            }
            Event::SoftBreak | Event::HardBreak => out.push(Token::Text(" ")),
            Event::Html(_) | Event::InlineHtml(_) => return Err("lesson text may not hold HTML".into()),
            other => return Err(format!("lesson text may not use {other:?}")),
        }
    }
    // Images get their source and description now that both are known.
    let mut pairs = owned.chunks(2);
    let tokens = out.into_iter().map(|t| match t {
        Token::Open("img", None) => {
            let pair = pairs.next().unwrap_or_default();
            let (src, alt) =
                (pair.first().map_or("", String::as_str), pair.get(1).map_or("", String::as_str));
            Token::Open("img", Some((src, alt)))
        }
        t => t,
    });
    Ok(encode(tokens))
}

/// Code with right-to-left letters in it: each Latin name, with the bracketed group right
/// after it, in a `<bdi>` of its own, so `عرف stripe(n, c)` does not read `(stripe(n, c عرف`
/// (the code's own direction is its first strong letter: app.css sets `unicode-bidi:
/// plaintext` on code). Done here, at build time, so the app only renders tokens.
fn isolate_names<'a>(code: &'a str, out: &mut Vec<Token<'a>>) {
    if !code.chars().any(|c| ('\u{590}'..='\u{8ff}').contains(&c)) {
        out.push(Token::Text(code));
        return;
    }
    let mut rest = code;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic() || c == '_') {
        let from_name = &rest[start..];
        let mut end =
            from_name.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(from_name.len());
        if from_name[end..].starts_with('(') {
            let mut depth = 0;
            for (i, c) in from_name[end..].char_indices() {
                depth += i32::from(c == '(') - i32::from(c == ')');
                if depth == 0 {
                    end += i + 1;
                    break;
                }
            }
        }
        if start > 0 {
            out.push(Token::Text(&rest[..start]));
        }
        out.extend([Token::Open("bdi", None), Token::Text(&from_name[..end]), Token::Close]);
        rest = &from_name[end..];
    }
    if !rest.is_empty() {
        out.push(Token::Text(rest));
    }
}

fn describe(tag: &Tag<'_>) -> &'static str {
    match tag {
        Tag::Heading { .. } => "headings",
        Tag::Link { .. } => "links (pupils may be offline)",
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "tables",
        Tag::BlockQuote(_) => "quotes",
        Tag::HtmlBlock => "HTML",
        _ => "this Markdown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich::tokens;

    #[test]
    fn latin_names_in_arabic_code_are_isolated_and_nothing_is_dropped() {
        let mut out = Vec::new();
        isolate_names("عرف stripe(n, c) ثم jump", &mut out);
        assert_eq!(
            out,
            [
                Token::Text("عرف "),
                Token::Open("bdi", None),
                Token::Text("stripe(n, c)"),
                Token::Close,
                Token::Text(" ثم "),
                Token::Open("bdi", None),
                Token::Text("jump"),
                Token::Close,
            ]
        );
        let mut plain = Vec::new();
        isolate_names("repeat 3 times", &mut plain);
        assert_eq!(plain, [Token::Text("repeat 3 times")], "code without right-to-left letters stays whole");
        let mut open = Vec::new();
        isolate_names("كرر f(1", &mut open);
        assert_eq!(
            open,
            [
                Token::Text("كرر "),
                Token::Open("bdi", None),
                Token::Text("f"),
                Token::Close,
                Token::Text("(1")
            ]
        );
    }

    #[test]
    fn paragraphs_emphasis_code_lists_and_images_become_tokens() {
        let text =
            to_rich_text("Use `move` *twice*.\n\n- one\n- **two**\n\n![an olive](img/olive.svg)").unwrap();
        let got: Vec<Token<'_>> = tokens(&text).collect();
        assert_eq!(
            got,
            vec![
                Token::Open("p", None),
                Token::Text("Use "),
                Token::Open("code", None),
                Token::Text("move"),
                Token::Close,
                Token::Text(" "),
                Token::Open("em", None),
                Token::Text("twice"),
                Token::Close,
                Token::Text("."),
                Token::Close,
                Token::Open("ul", None),
                Token::Open("li", None),
                Token::Text("one"),
                Token::Close,
                Token::Open("li", None),
                Token::Open("strong", None),
                Token::Text("two"),
                Token::Close,
                Token::Close,
                Token::Close,
                Token::Open("p", None),
                Token::Open("img", Some(("img/olive.svg", "an olive"))),
                Token::Close,
                Token::Close,
            ]
        );
    }

    #[test]
    fn html_links_headings_and_outside_images_are_refused() {
        for (md, why) in [
            ("<b>bold</b>", "HTML"),
            ("[site](http://example.org)", "links"),
            ("# Title", "headings"),
            ("![x](http://example.org/x.png)", "lesson folder"),
            ("![x](../secret.png)", "lesson folder"),
        ] {
            let err = to_rich_text(md).unwrap_err();
            assert!(err.contains(why), "{md}: {err}");
        }
    }
}
