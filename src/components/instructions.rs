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
            Token::Open(tag, _) => stack.push(VTag::new(tag)),
            Token::Close => {
                if let Some(done) = stack.pop() {
                    add(&mut stack, &mut top, done.into());
                }
            }
            // Code with Arabic in it: each Latin name (with the brackets after it) in an isolate of
            // its own, so `عرف stripe(n, c)` does not read `(stripe(n, c عرف`; the code's own
            // direction is its first letter outside them (app.css: `unicode-bidi: plaintext`).
            Token::Text(t) => match stack.last_mut() {
                Some(code) if code.tag() == "code" && t.contains(|c| ('\u{590}'..'\u{8ff}').contains(&c)) => {
                    for (part, name) in names(t) {
                        code.add_child(if name {
                            html! { <bdi>{ part }</bdi> }
                        } else {
                            part.into()
                        });
                    }
                }
                _ => add(&mut stack, &mut top, Html::from(t.to_string())),
            },
        }
    }
    while let Some(done) = stack.pop() {
        add(&mut stack, &mut top, done.into());
    }
    html! { <div class="instructions">{ for top }</div> }
}

/// `code` cut into its Latin names, each with the bracketed group right after it (`stripe(n, c)`),
/// marked `true`, and the text between them, marked `false`; nothing is dropped.
fn names(code: &str) -> Vec<(String, bool)> {
    let mut parts = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic() || c == '_') {
        let name = &rest[start..];
        let mut end = name.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(name.len());
        if name[end..].starts_with('(') {
            let mut depth = 0;
            for (i, c) in name[end..].char_indices() {
                depth += (c == '(') as i32 - (c == ')') as i32;
                if depth == 0 {
                    end += i + 1;
                    break;
                }
            }
        }
        parts.push((rest[..start].to_string(), false));
        parts.push((name[..end].to_string(), true));
        rest = &name[end..];
    }
    parts.push((rest.to_string(), false));
    parts
}

#[component]
pub fn Instructions(props: &Props) -> Html {
    if is_bundled(&props.text) {
        render(&props.text)
    } else {
        html! { <div class="instructions"><p>{ props.text.clone() }</p></div> }
    }
}

#[cfg(test)]
mod tests {
    use super::names;

    fn check(code: &str, expected: &[(&str, bool)]) {
        let parts = names(code);
        let got: Vec<(&str, bool)> =
            parts.iter().filter(|(p, _)| !p.is_empty()).map(|(p, n)| (p.as_str(), *n)).collect();
        assert_eq!(got, expected, "{code}");
        assert_eq!(parts.iter().map(|(p, _)| p.as_str()).collect::<String>(), code, "nothing dropped");
    }

    #[test]
    fn a_call_is_isolated_with_its_brackets() {
        check("عرف stripe(n, c)", &[("عرف ", false), ("stripe(n, c)", true)]);
        check("عرف harvest_row()", &[("عرف ", false), ("harvest_row()", true)]);
        check("stripe(3, أخضر)", &[("stripe(3, أخضر)", true)]);
        check("garden(size + (1)) 2", &[("garden(size + (1))", true), (" 2", false)]);
    }

    #[test]
    fn names_between_arabic_words_are_isolated_one_by_one() {
        check("way = التنبؤ", &[("way", true), (" = التنبؤ", false)]);
        check("قل 7 * i", &[("قل 7 * ", false), ("i", true)]);
        check(
            "إذا way = \"left\"",
            &[("إذا ", false), ("way", true), (" = \"", false), ("left", true), ("\"", false)],
        );
    }

    #[test]
    fn unclosed_brackets_and_code_without_names_keep_every_character() {
        check("f(1, (2", &[("f", true), ("(1, (2", false)]);
        check("كرر 3 مرات … نهاية", &[("كرر 3 مرات … نهاية", false)]);
        check("", &[]);
    }
}
