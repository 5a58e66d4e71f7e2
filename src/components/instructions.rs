//! Lesson text as Yew nodes. Bundled text (Markdown turned into tokens at build time, see
//! `tafukt_lesson::rich`) becomes paragraphs, emphasis, code, lists and images; anything
//! else is one paragraph of plain text. Text is never parsed as HTML. Code in right-to-left
//! text keeps its order: each Latin name in it is isolated (see [`names`]).

use tafukt_lesson::rich::{is_bundled, tokens, Token};
use yew::prelude::*;
use yew::virtual_dom::VTag;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
}

/// Where finished nodes go: into the innermost open element, or the top level.
fn add(stack: &mut [VTag], top: &mut Vec<Html>, node: Html) {
    match stack.last_mut() {
        Some(parent) => parent.add_child(node),
        None => top.push(node),
    }
}

/// Builds the element tree from tokens with a stack of open elements; stray closes are
/// ignored and unclosed elements are closed at the end, so no text is ever dropped.
fn render(text: &str) -> Html {
    let mut stack: Vec<VTag> = Vec::new();
    let mut top: Vec<Html> = Vec::new();
    // Whether the text that comes is a code span's (Markdown's inline code is one text).
    let mut code = false;
    for token in tokens(text) {
        match token {
            // An image is written out whole (attributes set on a built tag would cost
            // kilobytes of wasm); an empty span stands for it until its close.
            Token::Open("img", Some((src, alt))) => {
                add(
                    &mut stack,
                    &mut top,
                    html! { <img src={format!("lessons/{src}")} alt={alt.to_string()} /> },
                );
                stack.push(VTag::new("span"));
            }
            Token::Open(tag, _) => {
                code = tag == "code";
                stack.push(VTag::new(tag));
            }
            Token::Close => {
                code = false;
                if let Some(done) = stack.pop() {
                    add(&mut stack, &mut top, done.into());
                }
            }
            Token::Text(t) => {
                // Code with right-to-left letters in it (UTF-8 lead bytes of U+0580 to U+07FF):
                // each Latin name, with the brackets after it, in a `<bdi>` of its own, so
                // `عرف stripe(n, c)` does not read `(stripe(n, c عرف`; the code's own direction
                // is its first letter outside them (app.css: `unicode-bidi: plaintext`). Bytes,
                // not chars: names and brackets are ASCII, which UTF-8 never uses inside another
                // letter, and every node goes through `add` (a scan of chars, or another call of
                // `VTag::add_child`, costs lesson 1 hundreds of bytes).
                let rtl = code && t.bytes().any(|b| (0xd6..0xe0).contains(&b));
                let (mut i, mut from) = (0, 0);
                while rtl && i < t.len() {
                    let b = t.as_bytes()[i];
                    if b.is_ascii_alphabetic() || b == b'_' {
                        let end = i + name_len(&t.as_bytes()[i..]);
                        add(&mut stack, &mut top, Html::from(t[from..i].to_string()));
                        stack.push(VTag::new("bdi"));
                        add(&mut stack, &mut top, Html::from(t[i..end].to_string()));
                        if let Some(name) = stack.pop() {
                            add(&mut stack, &mut top, name.into());
                        }
                        (i, from) = (end, end);
                    } else {
                        i += 1;
                    }
                }
                add(&mut stack, &mut top, Html::from(t[from..].to_string()));
            }
        }
    }
    while let Some(done) = stack.pop() {
        add(&mut stack, &mut top, done.into());
    }
    html! { <div class="instructions">{ for top }</div> }
}

/// The length in bytes of the name `code` starts with, and of the bracketed group right after
/// it if there is one (`stripe(n, c)`); an unclosed group is left out.
fn name_len(code: &[u8]) -> usize {
    let mut name = code.len();
    let mut depth = 0;
    for (i, &c) in code.iter().enumerate() {
        if name == code.len() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                continue;
            }
            name = i;
        }
        depth += (c == b'(') as i32 - (c == b')') as i32;
        if depth <= 0 {
            return if i > name { i + 1 } else { name };
        }
    }
    name
}

#[component]
pub fn Instructions(props: &Props) -> Html {
    if is_bundled(&props.text) {
        render(&props.text)
    } else {
        html! { <div class="instructions"><p>{ props.text.clone() }</p></div> }
    }
}
