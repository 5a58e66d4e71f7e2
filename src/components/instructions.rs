//! Lesson instructions as Yew nodes: paragraphs, and `code` between backticks shown as code.
//! Text is never parsed as HTML.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
}

fn inline(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part }</code> }
            } else {
                html! { { part } }
            }
        })
        .collect()
}

#[component]
pub fn Instructions(props: &Props) -> Html {
    html! {
        <div class="instructions">
            { for props.text.split("\n\n").map(|p| html! { <p>{ inline(p) }</p> }) }
        </div>
    }
}
