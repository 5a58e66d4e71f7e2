//! The `?` overlay: every presenter key and what it does, in the teacher's language.

use yew::prelude::*;

use super::i18n::use_i18n;
use crate::presenter::KEYS;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_close: Callback<()>,
}

#[component]
pub fn PresenterHelp(props: &Props) -> Html {
    let i18n = use_i18n();
    let on_close = props.on_close.clone();
    // The focus goes into the list (Esc, ? or OK close it), not behind it.
    let ok = use_node_ref();
    {
        let ok = ok.clone();
        use_effect_with((), move |_| {
            if let Some(button) = ok.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <div class="presenter-help" role="dialog" aria-modal="true" aria-labelledby="presenter-help-title" data-testid="presenter-help">
            <div class="sheet">
                <h2 id="presenter-help-title">{ i18n.t("presenter.keys") }</h2>
                <dl>
                    { for KEYS.iter().map(|(_, keys, message)| html! {
                        <div class="row">
                            <dt dir="ltr">{ i18n.t(keys) }</dt>
                            <dd>{ i18n.t(message) }</dd>
                        </div>
                    }) }
                </dl>
                <button ref={ok} class="primary" data-testid="presenter-help-close" onclick={Callback::from(move |_| on_close.emit(()))}>
                    { i18n.t("ui.ok") }
                </button>
            </div>
        </div>
    }
}
