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
            // Latin names in Arabic code come isolated in `bdi` elements from the build
            // (`tafukt bundle`), so the app only adds text.
            Token::Text(t) => add(&mut stack, &mut top, Html::from(t.to_string())),
        }
    }
    while let Some(done) = stack.pop() {
        add(&mut stack, &mut top, done.into());
    }
    html! { <div class="instructions">{ for top }</div> }
}

#[component]
pub fn Instructions(props: &Props) -> Html {
    if is_bundled(&props.text) {
        render(&props.text)
    } else {
        html! { <div class="instructions"><p>{ props.text.clone() }</p></div> }
    }
}
