//! Share links (a full-app part): "Share link" makes a URL that carries the lesson, the
//! language and the program (`tafukt_lesson::share_link`), and a page opened with one
//! (`#p=…`) opens that lesson with the program, asking first when the pupil already has
//! another program there (theirs then becomes the newest earlier version). A link is
//! untrusted: a refused one only shows a message, and its text is only ever shown as text.

use std::cell::RefCell;

use tafukt_lang::Lang;
use tafukt_lesson::share_link::{self, LinkError, SharedProgram};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::i18n::use_i18n;
use crate::services::storage;

/// What the page's link brought, until the lesson it opens takes it: a program, or the
/// message of a refused link (shown by whichever lesson is on screen).
type Incoming = Result<SharedProgram, &'static str>;

thread_local! {
    static INCOMING: RefCell<Option<Incoming>> = const { RefCell::new(None) };
}

/// Reads a share link from the page's address once (and takes it off the address, so a
/// reload does not ask again): the id of the lesson to open, if the link is good and names
/// one of `ids`. What it brought waits for that lesson's [`LinkPrompt`].
pub fn take_link_from_page(ids: &[String]) -> Option<String> {
    let payload = crate::services::page::take_fragment(share_link::FRAGMENT)?;
    let incoming = match share_link::decode(&payload) {
        Ok(shared) if ids.contains(&shared.lesson) => Ok(shared),
        Ok(_) => Err("share.unknown-lesson"),
        Err(LinkError::TooLarge) => Err("share.too-large"),
        Err(LinkError::Malformed) => Err("share.malformed"),
    };
    let open = incoming.as_ref().ok().map(|s| s.lesson.clone());
    INCOMING.with(|i| *i.borrow_mut() = Some(incoming));
    open
}

/// The link waiting for `lesson`, or a refused link's message (taken once).
fn take_incoming(lesson: &str) -> Option<Incoming> {
    INCOMING.with(|i| {
        let mut i = i.borrow_mut();
        match &*i {
            Some(Ok(shared)) if shared.lesson != lesson => None,
            _ => i.take(),
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct PromptProps {
    pub lesson: String,
    pub lang: Lang,
    /// The program in the editor, in `lang`.
    pub source: String,
    /// The lesson's starter (in English, as lessons write it): a pupil who has only that
    /// loses nothing.
    pub starter: String,
    /// Puts a program (already in `lang`) in the editor.
    pub on_replace: Callback<String>,
}

/// What a share link asks or says when its lesson opens.
#[derive(Clone, PartialEq)]
enum Prompt {
    None,
    /// Replace the pupil's own program with this one?
    Ask(String),
    /// Nothing of the pupil's is there (the starter, or nothing): put it in at once.
    Put(String),
    /// The link's program is in the editor.
    Opened,
    Refused(&'static str),
}

#[component]
pub fn LinkPrompt(props: &PromptProps) -> Html {
    let i18n = use_i18n();
    let prompt = use_state(|| match take_incoming(&props.lesson) {
        None => Prompt::None,
        Some(Err(key)) => Prompt::Refused(key),
        Some(Ok(shared)) => {
            let text =
                crate::session::translate(&shared.source, shared.lang, props.lang).unwrap_or(shared.source);
            if text == props.source {
                Prompt::Opened
            } else if props.source.trim().is_empty()
                || crate::session::translate(&props.starter, Lang::En, props.lang).as_ref()
                    == Some(&props.source)
            {
                Prompt::Put(text)
            } else {
                Prompt::Ask(text)
            }
        }
    });
    // The link's program in the editor; what it replaces becomes the newest earlier version.
    let put = {
        let (prompt, lesson, lang, source) =
            (prompt.clone(), props.lesson.clone(), props.lang, props.source.clone());
        let on_replace = props.on_replace.clone();
        Callback::from(move |text: String| {
            storage::keep_version(&lesson, lang, &source);
            on_replace.emit(text);
            prompt.set(Prompt::Opened);
        })
    };
    {
        let (prompt, put) = (prompt.clone(), put.clone());
        use_effect_with((), move |_| {
            if let Prompt::Put(text) = &*prompt {
                put.emit(text.clone());
            }
        });
    }
    let close = {
        let prompt = prompt.clone();
        Callback::from(move |_: MouseEvent| prompt.set(Prompt::None))
    };
    match &*prompt {
        Prompt::None | Prompt::Put(_) => Html::default(),
        Prompt::Ask(text) => {
            let text = text.clone();
            html! {
                <div class="link-prompt" role="alertdialog" aria-labelledby="link-prompt-text" data-testid="link-prompt">
                    <p id="link-prompt-text">{ i18n.t("share.ask") }</p>
                    <pre class="history-preview">{ preview(&text) }</pre>
                    <div class="link-prompt-buttons">
                        <button class="primary" data-testid="link-replace" onclick={Callback::from(move |_| put.emit(text.clone()))}>
                            { i18n.t("share.replace") }
                        </button>
                        <button data-testid="link-keep" onclick={close}>{ i18n.t("share.keep") }</button>
                    </div>
                </div>
            }
        }
        Prompt::Opened => html! {
            <div class="link-prompt" role="status" data-testid="link-opened">
                <p>{ i18n.t("share.opened") }</p>
                <button onclick={close}>{ i18n.t("ui.ok") }</button>
            </div>
        },
        Prompt::Refused(key) => html! {
            <div class="link-prompt refused" role="alert" data-testid="link-refused" data-problem={*key}>
                <p>{ i18n.t(key) }</p>
                <button onclick={close}>{ i18n.t("ui.ok") }</button>
            </div>
        },
    }
}

/// The first lines of a program, as plain text.
fn preview(source: &str) -> String {
    let lines: Vec<&str> = source.lines().take(6).collect();
    let mut text: String = lines.join("\n").chars().take(300).collect();
    if source.lines().nth(6).is_some() || text.len() < lines.join("\n").len() {
        text.push_str(" …");
    }
    text
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lesson: String,
    pub lang: Lang,
    /// The program in the editor, in `lang`.
    pub source: String,
}

/// Where a share link's making stands.
#[derive(Clone, PartialEq)]
enum Made {
    Nothing,
    /// The link, and whether it is on the clipboard.
    Link(String, bool),
    TooLong,
}

#[component]
pub fn SharePanel(props: &Props) -> Html {
    let i18n = use_i18n();
    let made = use_state(|| Made::Nothing);
    let make = {
        let (made, lesson, lang, source) =
            (made.clone(), props.lesson.clone(), props.lang, props.source.clone());
        Callback::from(move |()| {
            let payload =
                share_link::encode(&SharedProgram { lesson: lesson.clone(), lang, source: source.clone() });
            if payload.len() > share_link::MAX_ENCODED {
                return made.set(Made::TooLong);
            }
            let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            let link =
                format!("{}{}{payload}", href.split('#').next().unwrap_or_default(), share_link::FRAGMENT);
            made.set(Made::Link(link.clone(), false));
            let made = made.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if copy(&link).await {
                    made.set(Made::Link(link, true));
                }
            });
        })
    };
    let select = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <>
            <button data-testid="share-link" onclick={Callback::from(move |_| make.emit(()))}>
                { "↗ " }{ i18n.t("share.open") }
            </button>
            {
                match &*made {
                    Made::Nothing => Html::default(),
                    Made::TooLong => html! { <p class="share" role="status" data-testid="share-too-long">{ i18n.t("share.too-long") }</p> },
                    Made::Link(link, copied) => html! {
                        <div class="share" data-testid="share">
                            <label>
                                <span role="status" data-testid="share-status" data-copied={copied.to_string()}>
                                    { i18n.t(if *copied { "share.copied" } else { "share.copy" }) }
                                </span>
                                <input readonly=true dir="ltr" value={link.clone()} data-testid="share-url" onfocus={select} />
                            </label>
                        </div>
                    },
                }
            }
        </>
    }
}

/// Puts `text` on the clipboard, if the browser lets the page (a secure page, a tap).
async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard =
        js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let Ok(write) =
        js_sys::Reflect::get(&clipboard, &"writeText".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()).and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
