//! The presenter keys' one listener on the document, kept by a hook: it turns a key press
//! into a [`Command`] (the table is `crate::presenter`) unless the key belongs to what has
//! the focus: typing in the text editor or a dialog's field, a block editor key it already
//! handled, Space on a button.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::presenter::{command_for, Command, Press};

/// The latest command for the lesson on screen (run, step, back, reset, solution), passed to
/// it as a context by the app, which owns the listener: each new command has a new `serial`.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub struct Sent {
    pub serial: u32,
    pub command: Option<Command>,
}

/// Whether the key press is someone typing, not the presenter.
fn typing(e: &KeyboardEvent) -> bool {
    if e.default_prevented() || e.is_composing() {
        return true;
    }
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    let editable = "input, textarea, select, [contenteditable=''], [contenteditable='true'], .pad";
    if target.closest(editable).ok().flatten().is_some() {
        return true;
    }
    // Space presses a focused button (the browser clicks it): not a second command.
    e.key() == " " && target.closest("button, a, summary").ok().flatten().is_some()
}

/// Listens to presenter keys on the document while the calling component lives; `on` is
/// told each command (the latest `on` given, so it may change with every render).
#[hook]
pub fn use_presenter_keys(on: Callback<Command>) {
    let latest = use_mut_ref(|| on.clone());
    *latest.borrow_mut() = on;
    use_effect_with((), move |_| {
        let latest: Rc<RefCell<Callback<Command>>> = latest;
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            if typing(&e) {
                return;
            }
            let (key, code) = (e.key(), e.code());
            let press = Press {
                key: &key,
                code: &code,
                shift: e.shift_key(),
                modifier: e.ctrl_key() || e.alt_key() || e.meta_key(),
            };
            if let Some(command) = command_for(&press) {
                // Page Up/Down and Space would scroll the page, Backspace-like keys navigate.
                e.prevent_default();
                let on = latest.borrow().clone();
                on.emit(command);
            }
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            let _ = d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(d) = document {
                let _ = d.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
        }
    });
}
