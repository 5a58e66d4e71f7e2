//! The language switch: always visible, each language named in its own script.

use tafukt_lang::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

pub fn native_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fr => "Français",
        Lang::Ar => "العربية",
        Lang::Zgh => "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    }
}

#[component]
pub fn LanguagePicker(props: &Props) -> Html {
    let i18n = use_i18n();
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(lang) = Lang::from_tag(&select.value()) {
            on_change.emit(lang);
        }
    });
    html! {
        <label class="language-picker">
            <span>{ i18n.t("ui.language") }</span>
            <select data-testid="language" {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} selected={*l == props.lang} lang={l.tag()}>{ native_name(*l) }</option>
                }) }
            </select>
        </label>
    }
}
