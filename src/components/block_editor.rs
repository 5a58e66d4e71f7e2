//! The block editor: the program as blocks a pupil taps or drags. Tap a block in the palette
//! or the program, then tap the place where it goes (or drag it there with a finger or a
//! mouse: Pointer Events with capture and a small threshold, so taps stay taps); drag it
//! back to the palette or onto the bin to delete it. Numbers open a large number pad;
//! colours and conditions are lists. Every change is made on the program tree
//! (`tafukt_lang::blocks`) and printed back as text in the pupil's language, so the text
//! view always shows the same program, comments included.

use std::rc::Rc;

use tafukt_lang::ast::{ExprKind, NodeId, Program, Stmt, StmtKind, UnaryOp};
use tafukt_lang::blocks::{
    action_block, control_blocks, duplicate, insert, move_stmt, pad_number, remove, rename, set_comment,
    set_value, value, Slot,
};
use tafukt_lang::builtins::Colour;
use tafukt_lang::parser::parse;
use tafukt_lang::printer::print;
use tafukt_lang::{Builtin, Lang};
use tafukt_lesson::Lesson;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::block_view::{family, lesson_sensors, FieldEdit, ProgramBlocks};
use super::i18n::use_i18n;

#[derive(Properties)]
pub struct Props {
    pub source: AttrValue,
    pub lang: Lang,
    /// The lesson, for its toolbox.
    pub lesson: Rc<Lesson>,
    pub active_line: Option<usize>,
    pub error: bool,
    pub on_edit: Callback<String>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        self.source == other.source
            && self.lang == other.lang
            && Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.active_line == other.active_line
            && self.error == other.error
            && self.on_edit == other.on_edit
    }
}

/// A block picked up: a new one from the palette, one of the program's, or a sensor from
/// the palette (it goes into a value: a condition or a number).
#[derive(Clone, PartialEq)]
enum Pick {
    New(usize),
    Existing(Slot),
    Sensor(Builtin),
}

/// A pointer pressed on a block; it becomes a drag once it has moved a few pixels.
struct Press {
    pick: Pick,
    label: String,
    from: (i32, i32),
    dragging: bool,
}

/// Puts a picked block at a slot.
type Place = dyn Fn(&Pick, &Slot);

/// How far (px) a pointer moves before a press becomes a drag.
const DRAG_THRESHOLD: i32 = 8;

/// The palette: control blocks, the lesson's robot actions, and the pupil's own blocks.
fn palette(lesson: &Lesson, program: &Program) -> Vec<Stmt> {
    let actions = lesson.toolbox.iter().filter_map(|k| Builtin::from_key(k)).filter_map(action_block);
    let own = program.body.iter().filter_map(|s| match &s.kind {
        StmtKind::Define(name, params, _) => Some(Stmt {
            id: NodeId(u32::MAX),
            kind: StmtKind::Call(name.clone(), params.iter().map(|_| value(ExprKind::Number(1.0))).collect()),
            comment: None,
        }),
        _ => None,
    });
    control_blocks().into_iter().chain(actions).chain(own).collect()
}

/// The first line of a block as text: its name on the palette and on the dragged ghost.
fn label(stmt: &Stmt, lang: Lang) -> String {
    let text = print(&Program { body: vec![stmt.clone()], spans: vec![] }, lang);
    text.lines().next().unwrap_or_default().to_string()
}

fn statement_at(program: &Program, slot: &Slot) -> Option<Stmt> {
    remove(program, slot).map(|(_, s)| s)
}

/// The value a list field's choice stands for.
fn chosen(choice: &str) -> ExprKind {
    if let Some(c) = Colour::from_key(choice) {
        return ExprKind::Colour(c);
    }
    let (not, key) = match choice.strip_prefix('!') {
        Some(k) => (true, k),
        None => (false, choice),
    };
    match Builtin::from_key(key) {
        Some(b) if not => ExprKind::Unary(UnaryOp::Not, Box::new(value(ExprKind::Sensor(b, vec![])))),
        Some(b) => ExprKind::Sensor(b, vec![]),
        None => ExprKind::Bool(true),
    }
}

#[component]
pub fn BlockEditor(props: &Props) -> Html {
    let i18n = use_i18n();
    let picked = use_state(|| None::<Pick>);
    // The number pad: the value's id, what has been typed, and the value it replaces.
    let pad = use_state(|| None::<(u32, String, String)>);
    let zoom = use_state(|| 0i32);
    // The text being written for a block: where, the name it renames (none for a note), and
    // the text so far.
    let note = use_state(|| None::<(Slot, Option<String>, String)>);
    let ghost_label = use_state(|| None::<String>);
    let press = use_mut_ref(|| None::<Press>);
    // A drag ends with a click on the block it started from; that click is not a tap.
    let swallow_click = use_mut_ref(|| false);
    // Earlier texts to go back to, and texts undone.
    let history = use_mut_ref(|| (Vec::<String>::new(), Vec::<String>::new()));
    let ghost = use_node_ref();

    let lang = props.lang;
    // Read once per program, not on every pick or tap.
    let program = use_memo((props.source.clone(), lang), |(source, lang)| parse(source, *lang).program);
    let blocks = Rc::new(palette(&props.lesson, &program));
    // Sensors the lesson allows, to put into conditions and numbers.
    let sensors = lesson_sensors(&props.lesson);
    // Every change: remember the text before, print the new program, drop the pick.
    let commit: Rc<dyn Fn(Option<Program>)> = {
        let (source, on_edit, history, picked, pad, note) = (
            props.source.to_string(),
            props.on_edit.clone(),
            history.clone(),
            picked.clone(),
            pad.clone(),
            note.clone(),
        );
        Rc::new(move |changed: Option<Program>| {
            if let Some(p) = changed {
                let mut h = history.borrow_mut();
                h.0.push(source.clone());
                h.1.clear();
                on_edit.emit(print(&p, lang));
            }
            picked.set(None);
            pad.set(None);
            note.set(None);
        })
    };
    let place: Rc<Place> = {
        let (program, blocks, commit) = (program.clone(), blocks.clone(), commit.clone());
        Rc::new(move |pick: &Pick, slot: &Slot| {
            commit(match pick {
                Pick::New(i) => blocks.get(*i).and_then(|b| insert(&program, slot, b.clone())),
                Pick::Existing(from) => move_stmt(&program, from, slot),
                Pick::Sensor(_) => None,
            })
        })
    };
    let delete: Rc<dyn Fn(&Pick)> = {
        let (program, commit) = (program.clone(), commit.clone());
        Rc::new(move |pick: &Pick| match pick {
            Pick::Existing(from) => commit(remove(&program, from).map(|(p, _)| p)),
            Pick::New(_) | Pick::Sensor(_) => commit(None),
        })
    };
    // A tap picks a block up, or puts down the one already picked.
    let tap = {
        let (picked, swallow) = (picked.clone(), swallow_click.clone());
        move |pick: Pick| {
            if std::mem::take(&mut *swallow.borrow_mut()) {
                return;
            }
            picked.set(if picked.as_ref() == Some(&pick) { None } else { Some(pick) });
        }
    };
    let press_on = {
        let (press, swallow) = (press.clone(), swallow_click.clone());
        move |pick: Pick, label: String, e: &PointerEvent| {
            e.stop_propagation();
            *swallow.borrow_mut() = false;
            // Capture on the block itself (Yew's listeners sit on the app's root, so the event's
            // current target is the root): the release and the click then reach the block.
            let block = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-palette], [data-block]").ok().flatten());
            if let Some(block) = block {
                let _ = block.set_pointer_capture(e.pointer_id());
            }
            *press.borrow_mut() =
                Some(Press { pick, label, from: (e.client_x(), e.client_y()), dragging: false });
        }
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
    // Puts a sensor picked up from the palette into the value `id`.
    let put_sensor: Rc<dyn Fn(Builtin, u32)> = {
        let (program, commit) = (program.clone(), commit.clone());
        Rc::new(move |b: Builtin, id: u32| {
            commit(set_value(&program, NodeId(id), value(ExprKind::Sensor(b, vec![]))))
        })
    };
    let onpointerup = {
        let (press, swallow, ghost_label, place, delete, picked, put_sensor) = (
            press.clone(),
            swallow_click.clone(),
            ghost_label.clone(),
            place.clone(),
            delete.clone(),
            picked.clone(),
            put_sensor.clone(),
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
            let find = |sel: &str| under.as_ref().and_then(|el| el.closest(sel).ok().flatten());
            if let Pick::Sensor(b) = p.pick {
                match find("[data-value]")
                    .and_then(|el| el.get_attribute("data-value"))
                    .and_then(|v| v.parse().ok())
                {
                    Some(id) => put_sensor(b, id),
                    None => picked.set(None),
                }
            } else if let Some(slot) = find("[data-slot]")
                .and_then(|el| el.get_attribute("data-slot"))
                .and_then(|k| Slot::from_key(&k))
            {
                place(&p.pick, &slot);
            } else if find("[data-bin]").is_some() {
                delete(&p.pick);
            } else {
                picked.set(None);
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

    let on_slot = {
        let (picked, place) = (picked.clone(), place.clone());
        Callback::from(move |slot: Slot| {
            if let Some(pick) = (*picked).clone() {
                place(&pick, &slot);
            }
        })
    };
    let on_field = {
        let (program, commit, pad, picked, put_sensor) =
            (program.clone(), commit.clone(), pad.clone(), picked.clone(), put_sensor.clone());
        Callback::from(move |edit: FieldEdit| {
            let id = match &edit {
                FieldEdit::Number(id, _) | FieldEdit::Choose(id, _) | FieldEdit::Tap(id) => *id,
            };
            if let Some(Pick::Sensor(b)) = *picked {
                return put_sensor(b, id);
            }
            match edit {
                FieldEdit::Number(id, text) => pad.set(Some((id, String::new(), text))),
                FieldEdit::Choose(id, choice) => {
                    commit(set_value(&program, NodeId(id), value(chosen(&choice))))
                }
                FieldEdit::Tap(_) => {}
            }
        })
    };

    // The program view keeps the same callbacks from render to render (so it redraws only
    // when the program changes); they call the handlers of the latest render.
    let latest = use_mut_ref(|| (Callback::<Slot>::noop(), Callback::<FieldEdit>::noop()));
    *latest.borrow_mut() = (on_slot, on_field);
    let stable = {
        let latest = latest.clone();
        use_memo((), move |_| {
            let (a, b) = (latest.clone(), latest);
            (
                Callback::from(move |s: Slot| {
                    let cb = a.borrow().0.clone();
                    cb.emit(s)
                }),
                Callback::from(move |f: FieldEdit| {
                    let cb = b.borrow().1.clone();
                    cb.emit(f)
                }),
            )
        })
    };
    // The picked block is outlined by a rule rather than a class, so picking redraws nothing.
    let picked_rule = match &*picked {
        Some(Pick::Existing(slot)) => format!(
            "[data-block=\"{}\"] {{ outline: 3px solid var(--accent); outline-offset: 2px; }}",
            slot.key()
        ),
        _ => String::new(),
    };
    // Taps, presses and keys on the program's blocks reach the editor through the block's
    // `data-block` key (one handler for all, rather than closures for every block).
    let block_of = {
        let program = program.clone();
        move |e: &Event| -> Option<(Slot, String)> {
            let el: web_sys::Element = e.target()?.dyn_into().ok()?;
            // Fields and places inside a block handle their own taps and keys.
            if el.closest("button, select").ok().flatten().is_some() {
                return None;
            }
            let block = el.closest("[data-block]").ok()??;
            let slot = Slot::from_key(&block.get_attribute("data-block")?)?;
            let text = statement_at(&program, &slot).map(|s| label(&s, lang)).unwrap_or_default();
            Some((slot, text))
        }
    };
    let onclick = {
        let tap = tap.clone();
        let block_of = block_of.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((slot, _)) = block_of(&e) {
                tap(Pick::Existing(slot));
            }
        })
    };
    let onpointerdown = {
        let press_on = press_on.clone();
        let block_of = block_of.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((slot, text)) = block_of(&e) {
                press_on(Pick::Existing(slot), text, &e);
            }
        })
    };
    let onkeydown = {
        let (tap, delete, picked) = (tap.clone(), delete.clone(), picked.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some((slot, _)) = block_of(&e) else { return };
            match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    tap(Pick::Existing(slot));
                }
                "Delete" | "Backspace" => {
                    e.prevent_default();
                    delete(&Pick::Existing(slot));
                }
                "Escape" => picked.set(None),
                // Up and down walk the blocks in reading order, nested ones included.
                "ArrowDown" | "ArrowUp" => {
                    e.prevent_default();
                    let down = e.key() == "ArrowDown";
                    let Some(block) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                        return;
                    };
                    let Some(all) = block
                        .closest(".program")
                        .ok()
                        .flatten()
                        .and_then(|p| p.query_selector_all("[data-block]").ok())
                    else {
                        return;
                    };
                    let here = (0..all.length())
                        .find(|i| all.item(*i).is_some_and(|n| n.is_same_node(Some(&block))));
                    let next = match (here, down) {
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

    let (undo_list, redo_list) = (history.borrow().0.len(), history.borrow().1.len());
    // Undo takes the last text off the undo list and keeps the present one for redo; redo
    // does the same the other way round.
    let history_step = |back: bool| {
        let (history, on_edit, source) = (history.clone(), props.on_edit.clone(), props.source.to_string());
        Callback::from(move |_: MouseEvent| {
            let mut guard = history.borrow_mut();
            let (undo, redo) = &mut *guard;
            let (from, to) = if back { (undo, redo) } else { (redo, undo) };
            if let Some(text) = from.pop() {
                to.push(source.clone());
                on_edit.emit(text);
            }
        })
    };
    let (undo, redo) = (history_step(true), history_step(false));
    let picked_existing = matches!(&*picked, Some(Pick::Existing(_)));
    let on_bin = {
        let (picked, delete) = (picked.clone(), delete.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = (*picked).clone() {
                delete(&p);
            }
        })
    };
    let on_copy = {
        let (picked, program, commit) = (picked.clone(), program.clone(), commit.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Pick::Existing(slot)) = (*picked).clone() {
                commit(duplicate(&program, &slot));
            }
        })
    };
    let on_note = {
        let (picked, program, note) = (picked.clone(), program.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Pick::Existing(slot)) = (*picked).clone() {
                let old = statement_at(&program, &slot).and_then(|s| s.comment).unwrap_or_default();
                note.set(Some((slot, None, old)));
            }
        })
    };
    // The name a picked block gives (a variable it sets or counts with, a procedure).
    let picked_name = match &*picked {
        Some(Pick::Existing(slot)) => statement_at(&program, slot).and_then(|s| match s.kind {
            StmtKind::Assign(n, _)
            | StmtKind::ForEach(n, _, _)
            | StmtKind::Define(n, _, _)
            | StmtKind::Call(n, _) => Some(n),
            _ => None,
        }),
        _ => None,
    };
    let on_rename = {
        let (picked, note, name) = (picked.clone(), note.clone(), picked_name.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(Pick::Existing(slot)), Some(name)) = ((*picked).clone(), name.clone()) {
                note.set(Some((slot, Some(name.clone()), name)));
            }
        })
    };
    let note_view = (*note).clone().map(|(slot, renaming, text)| {
        let renamed = renaming.as_ref().map(|old| rename(&program, old, &text, lang));
        let oninput = {
            let (note, slot, renaming) = (note.clone(), slot.clone(), renaming.clone());
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                note.set(Some((slot.clone(), renaming.clone(), input.value())));
            })
        };
        // A new name must read back as a name; until it does, OK waits.
        let valid = !matches!(renamed, Some(None));
        let ok = {
            let (program, commit, slot, text) = (program.clone(), commit.clone(), slot.clone(), text.clone());
            Callback::from(move |_: MouseEvent| match &renamed {
                Some(changed) => commit(changed.clone()),
                None => commit(set_comment(&program, &slot, &text)),
            })
        };
        let cancel = {
            let note = note.clone();
            Callback::from(move |_: MouseEvent| note.set(None))
        };
        let title = i18n.t(if renaming.is_some() { "ui.rename" } else { "ui.note" });
        html! {
            <div class="pad" role="dialog" aria-label={title.clone()} data-testid="note-editor">
                <input class={classes!("note-text", (!valid).then_some("invalid"))} data-testid="note-text" value={text}
                    {oninput} aria-label={title} aria-invalid={(!valid).to_string()} />
                <button class="primary" data-testid="note-ok" onclick={ok} disabled={!valid}>{ i18n.t("ui.ok") }</button>
                <button onclick={cancel}>{ i18n.t("ui.cancel") }</button>
            </div>
        }
    });
    let zoom_by = |d: i32| {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| zoom.set((*zoom + d).clamp(-2, 4)))
    };
    let pad_view = (*pad).clone().map(|(id, typed, old)| {
        let key = |k: &'static str| {
            let (pad, typed, old) = (pad.clone(), typed.clone(), old.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                let next = match k {
                    "⌫" => typed.chars().take(typed.chars().count().saturating_sub(1)).collect(),
                    "-" if typed.is_empty() => "-".to_string(),
                    "-" => typed.clone(),
                    _ if typed.len() >= 15 => typed.clone(),
                    _ => format!("{typed}{k}"),
                };
                pad.set(Some((id, next, old.clone())));
            });
            html! { <button class="key" {onclick}>{ k }</button> }
        };
        let ok = {
            let (program, commit, typed) = (program.clone(), commit.clone(), typed.clone());
            Callback::from(move |_: MouseEvent| {
                commit(pad_number(&typed).and_then(|n| set_value(&program, NodeId(id), value(ExprKind::Number(n)))))
            })
        };
        let cancel = {
            let pad = pad.clone();
            Callback::from(move |_: MouseEvent| pad.set(None))
        };
        html! {
            <div class="pad" role="dialog" aria-label={i18n.t("ui.number-pad")} data-testid="number-pad" dir="ltr">
                if typed.is_empty() {
                    <output class="typed old">{ old.clone() }</output>
                } else {
                    <output class="typed">{ typed.clone() }</output>
                }
                <div class="keys">
                    { for ["7", "8", "9", "4", "5", "6", "1", "2", "3", "-", "0", ".", "⌫"].into_iter().map(key) }
                </div>
                <button class="primary" data-testid="pad-ok" onclick={ok}>{ i18n.t("ui.ok") }</button>
                <button onclick={cancel}>{ i18n.t("ui.cancel") }</button>
            </div>
        }
    });

    html! {
        <div class="blocks-editor" data-testid="blocks"
            data-picking={matches!(&*picked, Some(Pick::New(_) | Pick::Existing(_))).to_string()}
            data-picking-value={matches!(&*picked, Some(Pick::Sensor(_))).to_string()}
            style={format!("--zoom: {}", 100 + *zoom * 15)} {onpointermove} {onpointerup} {onpointercancel}>
            <div class="palette" role="toolbar" aria-label={i18n.t("ui.palette")} data-bin="palette">
                { for blocks.iter().enumerate().map(|(i, b)| {
                    let text = label(b, lang);
                    let is_picked = *picked == Some(Pick::New(i));
                    let onclick = { let tap = tap.clone(); Callback::from(move |_: MouseEvent| tap(Pick::New(i))) };
                    let onpointerdown = {
                        let (press_on, text) = (press_on.clone(), text.clone());
                        Callback::from(move |e: PointerEvent| press_on(Pick::New(i), text.clone(), &e))
                    };
                    html! {
                        <button class={classes!("block", "new", family(&b.kind), is_picked.then_some("picked"))}
                            data-palette={i.to_string()} aria-pressed={is_picked.to_string()} {onclick} {onpointerdown}>
                            { text }
                        </button>
                    }
                }) }
            </div>
            if !sensors.is_empty() {
            <div class="palette values" role="toolbar" aria-label={i18n.t("ui.palette-values")}>
                { for sensors.iter().map(|b| {
                    let b = *b;
                    let text = tafukt_lang::lexicon::spelling(lang, tafukt_lang::lexicon::Term::Builtin(b)).to_string();
                    let is_picked = *picked == Some(Pick::Sensor(b));
                    let onclick = { let tap = tap.clone(); Callback::from(move |_: MouseEvent| tap(Pick::Sensor(b))) };
                    let onpointerdown = {
                        let (press_on, text) = (press_on.clone(), text.clone());
                        Callback::from(move |e: PointerEvent| press_on(Pick::Sensor(b), text.clone(), &e))
                    };
                    html! {
                        <button class={classes!("block", "new", "sensor", is_picked.then_some("picked"))}
                            data-palette={format!("sensor:{}", b.key())} aria-pressed={is_picked.to_string()} {onclick} {onpointerdown}>
                            { text }
                        </button>
                    }
                }) }
            </div>
            }
            <div class="tools">
                <button onclick={undo} disabled={undo_list == 0} data-testid="undo">{ "↶ " }{ i18n.t("ui.undo") }</button>
                <button onclick={redo} disabled={redo_list == 0} data-testid="redo">{ "↷ " }{ i18n.t("ui.redo") }</button>
                <button onclick={on_copy} disabled={!picked_existing} data-testid="copy">{ i18n.t("ui.duplicate") }</button>
                <button onclick={on_note} disabled={!picked_existing} data-testid="note">{ "✎ " }{ i18n.t("ui.note") }</button>
                <button onclick={on_rename} disabled={picked_name.is_none()} data-testid="rename">{ i18n.t("ui.rename") }</button>
                <button onclick={on_bin} disabled={!picked_existing} data-bin="bin" data-testid="bin">{ "🗑 " }{ i18n.t("ui.delete") }</button>
                <button onclick={zoom_by(-1)} aria-label={i18n.t("ui.zoom-out")}>{ "A−" }</button>
                <button onclick={zoom_by(1)} aria-label={i18n.t("ui.zoom-in")}>{ "A+" }</button>
            </div>
            <style>{ picked_rule }</style>
            <div class="program" role="tree" aria-label={i18n.t("ui.program")} {onclick} {onpointerdown} {onkeydown}>
                <ProgramBlocks program={program.clone()} source={props.source.clone()} {lang} lesson={props.lesson.clone()} active_line={props.active_line}
                    error={props.error} on_slot={stable.0.clone()} on_field={stable.1.clone()} />
            </div>
            if let Some(text) = (*ghost_label).clone() {
                <div class="ghost block" ref={ghost} aria-hidden="true">{ text }</div>
            }
            { for pad_view }
            { for note_view }
        </div>
    }
}
