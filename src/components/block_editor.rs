//! The block editor: the program as blocks a pupil taps or drags. Tap a block in the palette
//! or the program, then tap the place where it goes (or drag it there with a finger or a
//! mouse: Pointer Events with capture and a small threshold, so taps stay taps); drag it
//! back to the palette or onto the bin to delete it. Values (sensors, variables, operators)
//! go into the values of blocks the same way. Numbers open a large number pad; colours,
//! conditions and variables are lists; texts, notes and names are written in a small
//! dialog. Every change is made on the program tree (`tafukt_lang::blocks`) and printed back
//! as text in the pupil's language, so the text view always shows the same program,
//! comments included. On a device's first visit the palette shows its label (how to put a
//! block) until a block is put or the line is tapped away; Escape closes the pad and the dialog.
//!
//! Taps, presses, keys and choices reach the editor through one handler each on its root,
//! which reads from the page what they are on: blocks carry no callbacks and no position.

use std::rc::Rc;

use tafukt_lang::ast::{ExprKind, Program, Stmt, StmtKind};
use tafukt_lang::blocks::{
    action_block, control_block, duplicate, insert, move_stmt, pad_number, remove, set_value_at, stmt_at,
    value, NewWords, Slot, Step,
};
use tafukt_lang::lexicon::{spelling, Keyword, Term};
use tafukt_lang::parser::parse;
use tafukt_lang::printer::{print, print_with_places};
use tafukt_lang::toolbox::Construct;
use tafukt_lang::{Builtin, Lang};
use tafukt_lesson::Lesson;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

#[cfg(feature = "full")]
use super::block_editor_values::{chosen, named, value_label, Writing};
use super::block_view::{family, selector, ProgramBlocks};
use super::i18n::use_i18n;
use crate::services::storage;
#[cfg(feature = "full")]
use tafukt_lang::blocks::{call_other, rename, set_comment, value_at, ValueBlock};

#[derive(Properties)]
pub struct Props {
    pub source: AttrValue,
    pub lang: Lang,
    /// The lesson, for its toolbox.
    pub lesson: Rc<Lesson>,
    /// The block that ran last (or failed), marked.
    pub active: Option<Slot>,
    pub error: bool,
    pub on_edit: Callback<String>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        self.source == other.source
            && self.lang == other.lang
            && Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.active == other.active
            && self.error == other.error
            && self.on_edit == other.on_edit
    }
}

/// A block picked up: a new one from the palette, one of the program's, or a value from the
/// values row (by its place in the row; the full app's editor only).
#[derive(Clone, PartialEq)]
enum Pick {
    New(usize),
    Existing(Slot),
    #[cfg(feature = "full")]
    Value(usize),
}

/// A pointer pressed on a block; it becomes a drag once it has moved a few pixels.
struct Press {
    pick: Pick,
    label: String,
    from: (i32, i32),
    dragging: bool,
}

/// The program as the editor holds it, and where each top-level statement's text is.
type Shown = (Rc<Program>, Rc<Vec<std::ops::Range<usize>>>);

/// Puts what was picked at a place between blocks, or into a value of a block.
type Put = dyn Fn(&Pick, &Target);

/// How far (px) a pointer moves before a press becomes a drag.
const DRAG_THRESHOLD: i32 = 8;

/// The palette: the blocks the lesson's toolbox lists, in its order (robot actions and
/// control blocks; operator families go on the values row), then the pupil's own blocks.
#[cfg_attr(not(feature = "full"), allow(unused_variables))]
fn palette(lesson: &Lesson, program: &Program, words: &NewWords) -> Vec<Stmt> {
    let listed = lesson.toolbox.iter().filter_map(|k| match Construct::from_key(k) {
        Some(c) => control_block(c, words),
        None => {
            let b = Builtin::from_key(k)?;
            // A list is changed in one of the program's variables.
            #[cfg(feature = "full")]
            if b.list_changed().is_some() {
                let list = tafukt_lang::blocks::list_variable(program, words.variable);
                return tafukt_lang::blocks::list_block(b, &list);
            }
            action_block(b)
        }
    });
    // The core app plays no lesson with procedures (`parts`).
    #[cfg(not(feature = "full"))]
    return listed.collect();
    #[cfg(feature = "full")]
    listed.chain(super::block_editor_values::own_blocks(program)).collect()
}

/// The first line of a block as text (and `… else` for an `if` that has one): its name on
/// the palette and on the dragged ghost.
fn label(stmt: &Stmt, lang: Lang) -> String {
    let text = print(&Program { body: vec![stmt.clone()], spans: vec![] }, lang);
    let first = text.lines().next().unwrap_or_default();
    match &stmt.kind {
        StmtKind::If(_, Some(_)) => format!("{first} … {}", spelling(lang, Term::Keyword(Keyword::Else))),
        _ => first.to_string(),
    }
}

/// What a pupil's tap or press in the program is on.
enum Target {
    /// A place between blocks.
    Place(Slot),
    /// A value of the block after the slot (where in the statement: see `value_at`).
    Value(Slot, Vec<usize>, Element),
    Block(Slot),
}

/// Whether an element's classes start with `name`.
fn is(el: &Element, name: &str) -> bool {
    el.get_attribute("class").is_some_and(|c| c.starts_with(name))
}

/// How many elements come before `el` among its siblings.
fn count_before(el: &Element) -> usize {
    let mut n = 0;
    let mut sibling = el.previous_element_sibling();
    while let Some(s) = sibling {
        n += 1;
        sibling = s.previous_element_sibling();
    }
    n
}

/// Where a block or a place between blocks is in the program, read from the page: the
/// inverse of `block_view::selector`. A stack holds the first place, then an item per
/// statement (its block, and the place after it).
pub(super) fn slot_of(el: &Element) -> Option<Slot> {
    let parent = el.parent_element()?;
    let (index, stack) = if is(&parent, "item") {
        // The item's place in its stack (the first place comes before it), and one more for
        // the place after its block.
        (count_before(&parent).checked_sub(1)? + usize::from(is(el, "slot")), parent.parent_element()?)
    } else {
        (0, parent)
    };
    let holder = stack.parent_element()?;
    if is(&holder, "program") {
        return Some(Slot { path: vec![], index });
    }
    // A block's children are its first line, then each body after the line that opens it.
    let body = count_before(&holder).checked_sub(1)? / 2;
    let mut outer = slot_of(&holder.parent_element()?)?;
    outer.path.push(Step { index: outer.index, body });
    Some(Slot { path: outer.path, index })
}

fn closest(el: &Element, selector: &str) -> Option<Element> {
    el.closest(selector).ok().flatten()
}

fn target_at(el: &Element) -> Option<Target> {
    if let Some(field) = closest(el, ".program [data-value]") {
        let at =
            field.get_attribute("data-value")?.split('.').map(|i| i.parse().ok()).collect::<Option<_>>()?;
        return Some(Target::Value(slot_of(&closest(&field, ".block")?)?, at, field));
    }
    if let Some(place) = closest(el, ".program .slot") {
        return Some(Target::Place(slot_of(&place)?));
    }
    Some(Target::Block(slot_of(&closest(el, ".program .block")?)?))
}

fn element_of(e: &Event) -> Option<Element> {
    e.target()?.dyn_into().ok()
}

/// The pick a palette button stands for (`data-palette`: `3` a block, `v3` a value).
fn palette_pick(el: &Element) -> Option<(Pick, String)> {
    let button = closest(el, "[data-palette]")?;
    let key = button.get_attribute("data-palette")?;
    #[cfg(feature = "full")]
    if let Some(i) = key.strip_prefix('v') {
        return Some((Pick::Value(i.parse().ok()?), button.text_content().unwrap_or_default()));
    }
    let pick = Pick::New(key.parse().ok()?);
    Some((pick, button.text_content().unwrap_or_default()))
}

/// The number pad's next text after the key `k`.
fn pad_key(typed: &str, k: &str) -> String {
    match k {
        "⌫" => typed.chars().take(typed.chars().count().saturating_sub(1)).collect(),
        "-" if typed.is_empty() => "-".to_string(),
        "-" => typed.to_string(),
        _ if typed.len() >= 15 => typed.to_string(),
        _ => format!("{typed}{k}"),
    }
}

#[component]
pub fn BlockEditor(props: &Props) -> Html {
    let i18n = use_i18n();
    let picked = use_state(|| None::<Pick>);
    // The number pad: the value's block and place in it, what has been typed, and the value
    // it replaces.
    let pad = use_state(|| None::<(Slot, Vec<usize>, String, String)>);
    let zoom = use_state(|| 0i32);
    let ghost_label = use_state(|| None::<String>);
    let press = use_mut_ref(|| None::<Press>);
    // A drag ends with a click on the block it started from; that click is not a tap.
    let swallow_click = use_mut_ref(|| false);
    // Earlier texts to go back to, and texts undone.
    let history = use_mut_ref(|| (Vec::<String>::new(), Vec::<String>::new()));
    let ghost = use_node_ref();
    let root = use_node_ref();

    let lang = props.lang;
    // The program, and where each top-level statement's text is: read from the text once per
    // change, not on every pick or tap; after the editor's own change, the tree it printed,
    // so that a long program is not read back (printing then reading gives the same tree).
    let printed = use_mut_ref(|| None::<(String, Shown)>);
    let (program, places) = {
        let printed = printed.clone();
        (*use_memo((props.source.clone(), lang), move |(source, lang)| match printed.borrow_mut().take() {
            Some((text, shown)) if text == source.as_str() => shown,
            _ => {
                let program = parse(source, *lang).program;
                let places =
                    program.body.iter().map(|s| program.span(s.id)).map(|s| s.start..s.end).collect();
                (Rc::new(program), Rc::new(places))
            }
        }))
        .clone()
    };
    let (procedure, note) = (i18n.t("blocks.procedure"), i18n.t("blocks.note"));
    let (counter, variable) = (i18n.t("blocks.counter"), i18n.t("blocks.variable"));
    let words = NewWords { procedure: &procedure, note: &note, counter: &counter, variable: &variable };
    let blocks = Rc::new(palette(&props.lesson, &program, &words));
    #[cfg(feature = "full")]
    let super::block_editor_values::ValuesRow { procedures, variables, values } =
        super::block_editor_values::values_row(&props.lesson, &program, &blocks, &variable);
    #[cfg(feature = "full")]
    let writing = use_state(|| None::<(Writing, String)>);

    // Every change: remember the text before, print the new program, close what was open.
    let commit: Rc<dyn Fn(Option<Program>)> = {
        let (source, on_edit, history, picked, pad, printed) = (
            props.source.to_string(),
            props.on_edit.clone(),
            history.clone(),
            picked.clone(),
            pad.clone(),
            printed.clone(),
        );
        #[cfg(feature = "full")]
        let writing = writing.clone();
        Rc::new(move |changed: Option<Program>| {
            if let Some(p) = changed {
                storage::set("tap-hint", "1");
                let mut h = history.borrow_mut();
                h.0.push(source.clone());
                h.1.clear();
                let (text, places) = print_with_places(&p, lang);
                *printed.borrow_mut() = Some((text.clone(), (Rc::new(p), Rc::new(places))));
                on_edit.emit(text);
            }
            picked.set(None);
            pad.set(None);
            #[cfg(feature = "full")]
            writing.set(None);
        })
    };
    let put: Rc<Put> = {
        let (program, blocks, commit) = (program.clone(), blocks.clone(), commit.clone());
        #[cfg(feature = "full")]
        let values = values.clone();
        Rc::new(move |pick: &Pick, target: &Target| {
            commit(match (pick, target) {
                (Pick::New(i), Target::Place(slot)) => {
                    blocks.get(*i).and_then(|b| insert(&program, slot, b.clone()))
                }
                (Pick::Existing(from), Target::Place(slot)) => move_stmt(&program, from, slot),
                #[cfg(feature = "full")]
                (Pick::Value(i), Target::Value(slot, at, _)) => values.get(*i).and_then(|v| {
                    let with = v.put_into(value_at(&program, slot, at)?);
                    set_value_at(&program, slot, at, with)
                }),
                _ => None,
            })
        })
    };
    let delete: Rc<dyn Fn(&Pick)> = {
        let (program, commit) = (program.clone(), commit.clone());
        Rc::new(move |pick: &Pick| match pick {
            Pick::Existing(from) => commit(remove(&program, from).map(|(p, _)| p)),
            _ => commit(None),
        })
    };
    // A tap picks a block up, or drops the one already picked.
    let tap = {
        let picked = picked.clone();
        move |pick: Pick| picked.set(if picked.as_ref() == Some(&pick) { None } else { Some(pick) })
    };

    let onclick = {
        let (picked, program, put, delete, tap) =
            (picked.clone(), program.clone(), put.clone(), delete.clone(), tap.clone());
        let (swallow, pad, zoom, commit) = (swallow_click.clone(), pad.clone(), zoom.clone(), commit.clone());
        #[cfg(feature = "full")]
        let writing = writing.clone();
        let (history, on_edit, source) = (history.clone(), props.on_edit.clone(), props.source.to_string());
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut *swallow.borrow_mut()) {
                return;
            }
            let Some(el) = element_of(&e) else { return };
            if let Some((pick, _)) = palette_pick(&el) {
                return tap(pick);
            }
            if let Some(tool) = closest(&el, "[data-tool]").and_then(|t| t.get_attribute("data-tool")) {
                let picked_slot = match &*picked {
                    Some(Pick::Existing(slot)) => Some(slot.clone()),
                    _ => None,
                };
                #[cfg(feature = "full")]
                let picked_stmt = picked_slot.as_ref().and_then(|s| stmt_at(&program, s));
                match tool.as_str() {
                    // Undo takes the last text off the undo list and keeps the present one for
                    // redo; redo does the same the other way round.
                    "undo" | "redo" => {
                        let mut guard = history.borrow_mut();
                        let (undo, redo) = &mut *guard;
                        let (from, to) = if tool == "undo" { (undo, redo) } else { (redo, undo) };
                        if let Some(text) = from.pop() {
                            to.push(source.clone());
                            on_edit.emit(text);
                        }
                    }
                    "copy" => commit(picked_slot.and_then(|s| duplicate(&program, &s))),
                    "bin" => {
                        if let Some(p) = (*picked).clone() {
                            delete(&p)
                        }
                    }
                    #[cfg(feature = "full")]
                    "note" => {
                        if let (Some(slot), Some(s)) = (picked_slot.clone(), picked_stmt) {
                            let old = match &s.kind {
                                StmtKind::Comment(text) => text.clone(),
                                _ => s.comment.clone().unwrap_or_default(),
                            };
                            writing.set(Some((Writing::Note(slot), old)));
                        }
                    }
                    #[cfg(feature = "full")]
                    "rename" => {
                        if let Some(name) = picked_stmt.and_then(named) {
                            writing.set(Some((Writing::Name(name.clone()), name)));
                        }
                    }
                    "smaller" | "bigger" => {
                        zoom.set((*zoom + if tool == "bigger" { 1 } else { -1 }).clamp(-2, 4))
                    }
                    "pad-ok" => {
                        if let Some((slot, at, typed, _)) = (*pad).clone() {
                            let number = pad_number(&typed).map(|n| value(ExprKind::Number(n)));
                            commit(number.and_then(|n| set_value_at(&program, &slot, &at, n)))
                        }
                    }
                    #[cfg(feature = "full")]
                    "write-ok" => {
                        if let Some((what, text)) = (*writing).clone() {
                            commit(match what {
                                Writing::Note(slot) => set_comment(&program, &slot, &text),
                                Writing::Name(old) => rename(&program, &old, &text, lang),
                                Writing::Text(slot, at) => {
                                    set_value_at(&program, &slot, &at, value(ExprKind::Text(text)))
                                }
                            })
                        }
                    }
                    "cancel" => {
                        pad.set(None);
                        #[cfg(feature = "full")]
                        writing.set(None);
                    }
                    "hint-ok" => {
                        storage::set("tap-hint", "1");
                        picked.set(None);
                    }
                    key => {
                        if let Some((slot, at, typed, old)) = (*pad).clone() {
                            pad.set(Some((slot, at, pad_key(&typed, key), old)));
                        }
                    }
                }
                return;
            }
            match (target_at(&el), (*picked).clone()) {
                #[cfg(feature = "full")]
                (Some(target @ Target::Value(..)), Some(pick @ Pick::Value(_))) => put(&pick, &target),
                (Some(Target::Value(slot, at, field)), _) => {
                    match field.get_attribute("data-edit").as_deref() {
                        Some("number") => {
                            pad.set(Some((slot, at, String::new(), field.text_content().unwrap_or_default())))
                        }
                        #[cfg(feature = "full")]
                        Some("text") => {
                            let old = match value_at(&program, &slot, &at).map(|e| &e.kind) {
                                Some(ExprKind::Text(t)) => t.clone(),
                                _ => String::new(),
                            };
                            writing.set(Some((Writing::Text(slot, at), old)));
                        }
                        _ => {}
                    }
                }
                (Some(target @ Target::Place(_)), Some(pick)) => put(&pick, &target),
                // A list on a block (the procedure a call calls) opens; it does not pick.
                (Some(Target::Block(slot)), _) if closest(&el, "select").is_none() => {
                    tap(Pick::Existing(slot))
                }
                _ => {}
            }
        })
    };

    let onpointerdown = {
        let (press, swallow, program) = (press.clone(), swallow_click.clone(), program.clone());
        Callback::from(move |e: PointerEvent| {
            // A new touch or press: the click a mouse drag ends with came before it, and a
            // finger's drag ends with none, so nothing is left to swallow (else the pupil's
            // next tap, on Run say, would be lost).
            *swallow.borrow_mut() = false;
            let Some(el) = element_of(&e) else { return };
            let pressed = match palette_pick(&el) {
                Some(found) => Some(found),
                // Fields and places inside a block handle their own taps.
                None if closest(&el, "button, select, input").is_some() => None,
                None => match target_at(&el) {
                    Some(Target::Block(slot)) => {
                        let text = stmt_at(&program, &slot).map(|s| label(s, lang)).unwrap_or_default();
                        Some((Pick::Existing(slot), text))
                    }
                    _ => None,
                },
            };
            let Some((pick, label)) = pressed else { return };
            // Capture on the block itself (Yew's listeners sit on the app's root, so the event's
            // current target is the root): the release and the click then reach the block.
            if let Some(block) = closest(&el, "[data-palette], .block") {
                let _ = block.set_pointer_capture(e.pointer_id());
            }
            *press.borrow_mut() =
                Some(Press { pick, label, from: (e.client_x(), e.client_y()), dragging: false });
        })
    };
    let onpointermove = {
        let (press, picked, ghost_label, ghost) =
            (press.clone(), picked.clone(), ghost_label.clone(), ghost.clone());
        Callback::from(move |e: PointerEvent| {
            let mut p = press.borrow_mut();
            let Some(p) = p.as_mut() else { return };
            let (dx, dy) = (e.client_x() - p.from.0, e.client_y() - p.from.1);
            if !p.dragging && dx * dx + dy * dy > DRAG_THRESHOLD * DRAG_THRESHOLD {
                p.dragging = true;
                picked.set(Some(p.pick.clone()));
                ghost_label.set(Some(p.label.clone()));
            }
            if let Some(g) = ghost.cast::<web_sys::HtmlElement>() {
                let _ = g.style().set_property(
                    "transform",
                    &format!("translate({}px, {}px)", e.client_x() + 12, e.client_y() + 12),
                );
            }
        })
    };
    let onpointerup = {
        let (press, swallow, ghost_label, put, delete, picked) = (
            press.clone(),
            swallow_click.clone(),
            ghost_label.clone(),
            put.clone(),
            delete.clone(),
            picked.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let Some(p) = press.borrow_mut().take() else { return };
            if !p.dragging {
                return;
            }
            *swallow.borrow_mut() = true;
            ghost_label.set(None);
            let under = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.element_from_point(e.client_x() as f32, e.client_y() as f32));
            match (under.as_ref().and_then(target_at), under.as_ref().and_then(|u| closest(u, "[data-bin]")))
            {
                (Some(target @ (Target::Place(_) | Target::Value(..))), _) => put(&p.pick, &target),
                (_, Some(_)) => delete(&p.pick),
                _ => picked.set(None),
            }
        })
    };
    let onpointercancel = {
        let (press, ghost_label, picked) = (press.clone(), ghost_label.clone(), picked.clone());
        Callback::from(move |_: PointerEvent| {
            if press.borrow_mut().take().is_some_and(|p| p.dragging) {
                ghost_label.set(None);
                picked.set(None);
            }
        })
    };
    // A value's list or a call's procedure chosen, a text written (full app only).
    #[cfg(not(feature = "full"))]
    let (onchange, oninput) = (None::<Callback<Event>>, None::<Callback<InputEvent>>);
    #[cfg(feature = "full")]
    let onchange = {
        let (program, commit) = (program.clone(), commit.clone());
        Callback::from(move |e: Event| {
            let Some(el) = element_of(&e) else { return };
            let choice = el.clone().unchecked_into::<web_sys::HtmlSelectElement>().value();
            // The list of procedures on a call, or a value's list.
            if el.get_attribute("data-value").as_deref() == Some(super::block_view::CALL) {
                let slot = closest(&el, ".block").as_ref().and_then(slot_of);
                return commit(slot.and_then(|slot| call_other(&program, &slot, &choice)));
            }
            if let Some(Target::Value(slot, at, _)) = target_at(&el) {
                commit(set_value_at(&program, &slot, &at, value(chosen(&choice))))
            }
        })
    };
    #[cfg(feature = "full")]
    let oninput = {
        let writing = writing.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some((what, _)) = (*writing).clone() {
                writing.set(Some((what, input.value())));
            }
        })
    };
    let onkeydown = {
        let (tap, delete) = (tap.clone(), delete.clone());
        #[cfg(feature = "full")]
        let (picked, put) = (picked.clone(), put.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Escape puts down what was picked and closes the number pad or the writing dialog,
            // as Cancel does: deleting a new block is a change of nothing, which closes them all.
            if e.key() == "Escape" {
                return delete(&Pick::New(0));
            }
            let Some(block) = element_of(&e) else { return };
            // Enter on a value (a list too, which a click would open) puts a picked value there.
            let target = target_at(&block);
            #[cfg(feature = "full")]
            if let (Some(pick @ Pick::Value(_)), Some(target @ Target::Value(..)), "Enter") =
                ((*picked).clone(), &target, e.key().as_str())
            {
                e.prevent_default();
                return put(&pick, target);
            }
            let Some(Target::Block(slot)) = target else { return };
            match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    tap(Pick::Existing(slot));
                }
                "Delete" | "Backspace" => {
                    e.prevent_default();
                    delete(&Pick::Existing(slot));
                }
                // Up and down walk the blocks in reading order, nested ones included.
                "ArrowDown" | "ArrowUp" => {
                    e.prevent_default();
                    let Some(all) =
                        closest(&block, ".program").and_then(|p| p.query_selector_all(".block").ok())
                    else {
                        return;
                    };
                    let here = (0..all.length())
                        .find(|i| all.item(*i).is_some_and(|n| n.is_same_node(Some(&block))));
                    let next = match (here, e.key() == "ArrowDown") {
                        (Some(i), true) => i + 1,
                        (Some(i), false) if i > 0 => i - 1,
                        _ => return,
                    };
                    if let Some(el) = all.item(next).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = el.focus();
                    }
                }
                _ => {}
            }
        })
    };

    // The marks on the program's blocks are attributes put on the drawn blocks after each
    // render (app.css styles them), so picking a block up or running the program redraws no
    // block: the picked block is outlined; the running one, or the one that failed, has its
    // first line coloured (and a badge when it failed).
    let picked_slot = match &*picked {
        Some(Pick::Existing(slot)) => Some(slot),
        _ => None,
    };
    {
        let root = root.clone();
        let picked = picked_slot.map(selector);
        let active = props
            .active
            .as_ref()
            .map(|slot| (selector(slot), if props.error { "failed" } else { "running" }));
        use_effect(move || mark_blocks(&root, picked.as_deref(), active));
    }
    let (undo_list, redo_list) = (history.borrow().0.len(), history.borrow().1.len());
    let tool = |name: &'static str, text: Html, enabled: bool| {
        html! { <button data-tool={name} data-testid={name} disabled={!enabled}>{ text }</button> }
    };
    let is_picked = |p: Pick| (*picked == Some(p)).to_string();
    // The full app's editor only: the note and rename tools, the values row, the writing
    // dialog, and the lists the program's blocks offer.
    #[cfg(feature = "full")]
    let (name_tools, values_view, writing_view, program_blocks) = {
        let picked_name = picked_slot.and_then(|s| stmt_at(&program, s)).and_then(named);
        let name_tools = html! {
            <>
                { tool("note", html! { <>{ "✎ " }{ i18n.t("ui.note") }</> }, picked_slot.is_some()) }
                { tool("rename", i18n.t("ui.rename").into(), picked_name.is_some()) }
            </>
        };
        let writing_view = (*writing).clone().map(|(what, text)| {
            // A new name must read back as a name; until it does, OK waits.
            let valid = match &what {
                Writing::Name(old) => rename(&program, old, &text, lang).is_some(),
                _ => true,
            };
            let title = i18n.t(match what {
                Writing::Note(_) => "ui.note",
                Writing::Name(_) => "ui.rename",
                Writing::Text(..) => "ui.text",
            });
            html! {
                <div class="pad" role="dialog" aria-label={title.clone()} data-testid="note-editor">
                    <input class={if valid { "note-text" } else { "note-text invalid" }} data-testid="note-text" value={text}
                        aria-label={title} aria-invalid={(!valid).to_string()} />
                    <button class="primary" data-tool="write-ok" data-testid="note-ok" disabled={!valid}>{ i18n.t("ui.ok") }</button>
                    <button data-tool="cancel">{ i18n.t("ui.cancel") }</button>
                </div>
            }
        });
        let values_view = html! {
            if !values.is_empty() {
                <div class="palette values" role="toolbar" aria-label={i18n.t("ui.palette-values")} data-bin="values">
                    { for values.iter().enumerate().map(|(i, v)| html! {
                        <button class={if matches!(v, ValueBlock::Var(_)) { "block new value data" } else { "block new value" }}
                            data-palette={format!("v{i}")} aria-pressed={is_picked(Pick::Value(i))}>
                            { value_label(v, lang) }
                        </button>
                    }) }
                </div>
            }
        };
        let program_blocks = html! {
            <ProgramBlocks source={props.source.clone()} {places} {lang} lesson={props.lesson.clone()}
                {variables} {procedures} />
        };
        (name_tools, values_view, writing_view.unwrap_or_default(), program_blocks)
    };
    #[cfg(not(feature = "full"))]
    let (name_tools, values_view, writing_view, program_blocks) = (
        Html::default(),
        Html::default(),
        Html::default(),
        html! { <ProgramBlocks source={props.source.clone()} {places} {lang} /> },
    );
    let pad_view = (*pad).clone().map(|(_, _, typed, old)| {
        html! {
            <div class="pad" role="dialog" aria-label={i18n.t("ui.number-pad")} data-testid="number-pad" dir="ltr">
                if typed.is_empty() {
                    <output class="typed old">{ old }</output>
                } else {
                    <output class="typed">{ typed }</output>
                }
                <div class="keys">
                    { for ["7", "8", "9", "4", "5", "6", "1", "2", "3", "-", "0", ".", "⌫"].into_iter().map(|k| html! {
                        <button class="key" data-tool={k}>{ k }</button>
                    }) }
                </div>
                <button class="primary" data-tool="pad-ok" data-testid="pad-ok">{ i18n.t("ui.ok") }</button>
                <button data-tool="cancel">{ i18n.t("ui.cancel") }</button>
            </div>
        }
    });

    html! {
        <div class="blocks-editor" data-testid="blocks"
            data-picking={matches!(&*picked, Some(Pick::New(_) | Pick::Existing(_))).to_string()}
            data-picking-value={picking_value(&picked).to_string()}
            data-blocks={program.block_count().to_string()}
            ref={root} data-zoom={zoom.to_string()}
            {onclick} {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onchange} {oninput} {onkeydown}>
            // Until a block is put or the line is tapped away (once per device), app.css shows the
            // palette's label ("tap one, then tap where it goes") above it.
            <div class="palette" role="toolbar" aria-label={i18n.t("ui.palette")} data-bin="palette"
                data-tool={storage::get("tap-hint").is_none().then_some("hint-ok")}>
                { for blocks.iter().enumerate().map(|(i, b)| html! {
                    <button class={format!("block new {}", family(&b.kind))}
                        data-palette={i.to_string()} aria-pressed={is_picked(Pick::New(i))}>
                        { label(b, lang) }
                    </button>
                }) }
            </div>
            { values_view }
            <div class="tools">
                { tool("undo", html! { <>{ "↶ " }{ i18n.t("ui.undo") }</> }, undo_list > 0) }
                { tool("redo", html! { <>{ "↷ " }{ i18n.t("ui.redo") }</> }, redo_list > 0) }
                { tool("copy", i18n.t("ui.duplicate").into(), picked_slot.is_some()) }
                { name_tools }
                <button data-tool="bin" data-testid="bin" data-bin="bin" disabled={picked_slot.is_none()}>{ "🗑 " }{ i18n.t("ui.delete") }</button>
                // A sign every language reads (a magnifier, minus, plus), named in words.
                <button data-tool="smaller" aria-label={i18n.t("ui.zoom-out")}>{ "🔍−" }</button>
                <button data-tool="bigger" aria-label={i18n.t("ui.zoom-in")}>{ "🔍+" }</button>
            </div>
            <div class="program" role="tree" aria-label={i18n.t("ui.program")}>
                { program_blocks }
            </div>
            if let Some(text) = (*ghost_label).clone() {
                <div class="ghost block" ref={ghost} aria-hidden="true">{ text }</div>
            }
            { for pad_view }
            { writing_view }
        </div>
    }
}

/// Whether a value of the values row is picked up (the full app's editor only).
#[cfg_attr(not(feature = "full"), allow(unused_variables))]
fn picking_value(picked: &Option<Pick>) -> bool {
    #[cfg(feature = "full")]
    return matches!(picked, Some(Pick::Value(_)));
    #[cfg(not(feature = "full"))]
    false
}

/// Puts the editor's marks on the drawn blocks: `data-picked` on the picked one, `data-run`
/// (`running` or `failed`) on the one the run is at; every earlier mark goes first.
fn mark_blocks(root: &NodeRef, picked: Option<&str>, active: Option<(String, &str)>) {
    let Some(root) = root.cast::<Element>() else { return };
    if let Ok(marked) = root.query_selector_all("[data-picked], [data-run]") {
        for i in 0..marked.length() {
            if let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.remove_attribute("data-picked");
                let _ = el.remove_attribute("data-run");
            }
        }
    }
    let at = |sel: &str| root.query_selector(sel).ok().flatten();
    if let Some(el) = picked.and_then(at) {
        let _ = el.set_attribute("data-picked", "");
    }
    if let Some((el, kind)) = active.and_then(|(sel, kind)| Some((at(&sel)?, kind))) {
        let _ = el.set_attribute("data-run", kind);
    }
}
