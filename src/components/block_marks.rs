//! The blocks a teacher marks for predict-then-run (full app): in marking mode a tap on a
//! block of the program (or Enter, Space or M on a focused one) marks or unmarks it instead
//! of picking it up, through one listener on the document that sees the tap before the block
//! editor does. Marks are per lesson and kept while the page lives (another lesson and back
//! keeps them); they are drawn as CSS rules, like the editor's own marks, so marking redraws
//! no block.

use std::cell::RefCell;

use tafukt_lang::blocks::Slot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent};
use yew::prelude::*;

use super::block_editor::slot_of;
use super::block_view::selector;
use super::live_style::use_style_sheet;
use crate::predict::toggle_mark;

thread_local! {
    /// Each lesson's marks, by lesson id, for the page's life.
    static KEPT: RefCell<Vec<(String, Vec<Slot>)>> = const { RefCell::new(Vec::new()) };
}

fn kept(id: &str) -> Vec<Slot> {
    KEPT.with(|k| k.borrow().iter().find(|(i, _)| i == id).map(|(_, m)| m.clone()).unwrap_or_default())
}

fn keep(id: &str, marks: &[Slot]) {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(i, _)| i != id);
        k.push((id.to_string(), marks.to_vec()));
    });
}

#[derive(Clone, PartialEq)]
pub struct Marks {
    pub marked: Vec<Slot>,
    /// Marking mode: taps on blocks mark them.
    pub marking: bool,
    pub toggle_marking: Callback<()>,
    pub clear: Callback<()>,
}

/// The marked block the event is about, if it is a block of the program being marked.
fn block_of(e: &Event) -> Option<Slot> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let block = target.closest(".blocks-editor .program .block").ok()??;
    slot_of(&block)
}

#[hook]
/// `shown`: the marks are drawn (predict-then-run is on; off, they wait, kept).
pub fn use_block_marks(lesson_id: &str, shown: bool) -> Marks {
    let id = lesson_id.to_string();
    let marked = use_state(|| kept(&id));
    let marking = use_state(|| false);
    {
        let id = id.clone();
        use_effect_with((*marked).clone(), move |marks| keep(&id, marks));
    }
    {
        // While marking: the document's listener, in the capture phase (before the editor).
        let latest = use_mut_ref(|| marked.clone());
        *latest.borrow_mut() = marked.clone();
        use_effect_with(*marking, move |on| {
            let on = *on;
            let listener = Closure::<dyn Fn(Event)>::new(move |e: Event| {
                let Some(block) = block_of(&e) else { return };
                let toggles = match e.dyn_ref::<KeyboardEvent>() {
                    Some(k) => matches!(k.key().as_str(), "Enter" | " " | "m" | "M"),
                    None => e.type_() == "click",
                };
                if e.dyn_ref::<KeyboardEvent>().is_some() && !toggles {
                    return; // arrows still walk the blocks
                }
                e.prevent_default();
                e.stop_propagation();
                if toggles {
                    let handle: UseStateHandle<Vec<Slot>> = latest.borrow().clone();
                    let mut marks = (*handle).clone();
                    toggle_mark(&mut marks, block);
                    handle.set(marks);
                }
            });
            let document = web_sys::window().and_then(|w| w.document()).filter(|_| on);
            const EVENTS: [&str; 4] = ["pointerdown", "pointerup", "click", "keydown"];
            if let Some(d) = &document {
                for name in EVENTS {
                    let _ = d.add_event_listener_with_callback_and_bool(
                        name,
                        listener.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
            move || {
                if let Some(d) = document {
                    for name in EVENTS {
                        let _ = d.remove_event_listener_with_callback_and_bool(
                            name,
                            listener.as_ref().unchecked_ref(),
                            true,
                        );
                    }
                }
            }
        });
    }
    // Each marked block's first line framed, with a question mark before it.
    let rules: String = marked
        .iter()
        .filter(|_| shown)
        .map(|slot| {
            let head = format!("{}>.head", selector(slot));
            format!("{head}{{box-shadow:inset 0 0 0 4px var(--mark,#6a1b9a)}}{head}::before{{content:\"?\";font-weight:800;color:var(--mark,#6a1b9a)}}")
        })
        .collect();
    use_style_sheet(rules);
    let toggle_marking = {
        let marking = marking.clone();
        Callback::from(move |()| marking.set(!*marking))
    };
    let clear = {
        let marked = marked.clone();
        Callback::from(move |()| marked.set(Vec::new()))
    };
    Marks { marked: (*marked).clone(), marking: *marking, toggle_marking, clear }
}
