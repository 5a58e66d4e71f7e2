//! Teacher mode's choice of the language the blocks and programs are written in, apart from
//! the page's (as Reeborg's World offers): a class that reads Arabic can code in French. A
//! full-app part, kept on the device.

use tafukt_lang::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::i18n::use_i18n;
use super::language_picker::native_name;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// None: the page's language.
    pub chosen: Option<Lang>,
    pub on_change: Callback<Option<Lang>>,
}

#[component]
pub fn CodeLanguage(props: &Props) -> Html {
    let i18n = use_i18n();
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        on_change.emit(Lang::from_tag(&select.value()));
    });
    html! {
        <label class="code-language">
            <span>{ i18n.t("teacher.code-language") }</span>
            <select data-testid="code-language" {onchange}>
                <option value="" selected={props.chosen.is_none()}>{ i18n.t("teacher.code-language-page") }</option>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} selected={props.chosen == Some(*l)} lang={l.tag()}>{ native_name(*l) }</option>
                }) }
            </select>
        </label>
    }
}
