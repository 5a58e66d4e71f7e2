//! Lesson Markdown to bundled lesson text (see `tafukt_lesson::rich`), with pulldown-cmark,
//! natively at build time. Lessons use a small, safe part of Markdown: paragraphs, emphasis,
//! inline code and code blocks, lists and images from the lesson folder. Raw HTML, links,
//! headings and tables are refused with a message naming them.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use tafukt_lesson::rich::{encode, Token};

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
                out.push(Token::Text(t));
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
    use tafukt_lesson::rich::tokens;

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
