//! The message catalogue as a Yew context, so every component speaks the pupil's language,
//! and messages drawn with their program words as code.

use std::rc::Rc;

use tafukt_i18n::Catalog;
use tafukt_lang::Lang;
use yew::prelude::*;

use crate::message_words::pieces;

/// A shared catalogue; two are equal when they are the same loaded catalogue.
#[derive(Clone)]
pub struct I18n(pub Rc<Catalog>);

impl PartialEq for I18n {
    fn eq(&self, other: &I18n) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl I18n {
    /// The catalogue compiled in for `lang`; in the web app nothing is, so this is the empty
    /// catalogue shown until the pupil's language arrives from `messages/`.
    pub fn new(lang: Lang) -> I18n {
        I18n(Rc::new(Catalog::new(lang)))
    }

    pub fn t(&self, key: &str) -> String {
        self.0.get(key)
    }

    pub fn f(&self, key: &str, args: &[(&str, String)]) -> String {
        self.0.format(key, args)
    }
}

/// A message on screen with its program words (and file names) drawn as code
/// ([`crate::message_words`]).
pub fn with_code(text: &str) -> Html {
    pieces(text)
        .into_iter()
        .map(|(p, code)| {
            if code {
                html! { <code>{ p }</code> }
            } else {
                html! { p }
            }
        })
        .collect()
}

#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(Lang::En))
}
