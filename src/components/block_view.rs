//! The program drawn as blocks: nested elements laid out with flexbox and logical
//! properties (so right-to-left mirrors them), one per statement, with their values as
//! fields, and places to put a block between them (shown by CSS while one is picked up).
//! Blocks are a view of the program, not a model. [`ProgramBlocks`] redraws only when the
//! program, language or highlighted line changes, so picking a block up costs no redraw of
//! a long program.

use tafukt_lang::ast::{Expr, ExprKind, Program, Stmt, StmtKind, UnaryOp};
use tafukt_lang::blocks::{Slot, Step};
use tafukt_lang::builtins::Colour;
use tafukt_lang::lexicon::{spelling, Keyword as K, Term};
use tafukt_lang::printer::print_expr;
use tafukt_lang::{Builtin, Lang};
use yew::prelude::*;

use super::i18n::I18n;

/// What a field edit asks for: a number to type, or a new value picked from a list.
#[derive(Clone, PartialEq)]
pub enum FieldEdit {
    /// Open the number pad on this value (its id and its current text).
    Number(u32, String),
    /// Replace this value by the one chosen (`red`, `wall_ahead`, `!wall_ahead`).
    Choose(u32, String),
    /// A value was tapped (where a sensor picked up from the palette may go).
    Tap(u32),
}

/// Everything the view needs besides the program.
pub struct View<'a> {
    pub program: &'a Program,
    pub source: &'a str,
    pub lang: Lang,
    pub i18n: &'a I18n,
    /// Sensors the lesson allows, offered in conditions.
    pub sensors: &'a [Builtin],
    pub active_line: usize,
    pub error: bool,
    pub on_slot: Callback<Slot>,
    pub on_field: Callback<FieldEdit>,
}

fn word(lang: Lang, k: K) -> &'static str {
    spelling(lang, Term::Keyword(k))
}

/// Colour and shape family of a block (the CSS gives each its colour and outline).
pub fn family(kind: &StmtKind) -> &'static str {
    match kind {
        StmtKind::Action(b, _) => match b {
            Builtin::Move
            | Builtin::TurnLeft
            | Builtin::TurnRight
            | Builtin::Drive
            | Builtin::Turn
            | Builtin::Motors
            | Builtin::Wait => "motion",
            _ => "action",
        },
        StmtKind::Repeat(..) | StmtKind::While(..) | StmtKind::ForEach(..) => "loop",
        StmtKind::If(..) => "logic",
        StmtKind::Define(..) | StmtKind::Call(..) | StmtKind::Return(_) => "procedure",
        StmtKind::Assign(..) => "data",
        StmtKind::Comment(_) => "comment",
        StmtKind::Invalid(_) => "invalid",
    }
}

impl View<'_> {
    fn label(&self, text: &str) -> Html {
        html! { <span class="label">{ text.to_string() }</span> }
    }

    /// A value inside a block: numbers open the pad, colours and conditions are lists, any
    /// other value is shown as written.
    fn field(&self, e: &Expr, condition: bool) -> Html {
        let id = e.id.0;
        match &e.kind {
            ExprKind::Number(_) => {
                let text = print_expr(e, self.lang);
                let on_field = self.on_field.clone();
                let shown = text.clone();
                html! {
                    <button class="field number" data-field="number" data-value={id.to_string()}
                        onclick={Callback::from(move |ev: MouseEvent| { ev.stop_propagation(); on_field.emit(FieldEdit::Number(id, text.clone())) })}>
                        { shown }
                    </button>
                }
            }
            ExprKind::Colour(current) => {
                let options: Vec<(String, String)> = Colour::ALL
                    .iter()
                    .map(|c| (c.key().to_string(), spelling(self.lang, Term::Colour(*c)).to_string()))
                    .collect();
                self.choice(id, current.key(), options)
            }
            _ if condition => {
                let current = match &e.kind {
                    ExprKind::Sensor(b, args) if args.is_empty() => b.key().to_string(),
                    ExprKind::Unary(UnaryOp::Not, inner) => match &inner.kind {
                        ExprKind::Sensor(b, args) if args.is_empty() => format!("!{}", b.key()),
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                let known = current.is_empty() && !matches!(e.kind, ExprKind::Bool(true));
                if known {
                    return self.shown(e);
                }
                let not = word(self.lang, K::Not);
                let mut options = vec![(String::new(), "…".to_string())];
                for b in self.sensors {
                    let name = spelling(self.lang, Term::Builtin(*b));
                    options.push((b.key().to_string(), name.to_string()));
                    options.push((format!("!{}", b.key()), format!("{not} {name}")));
                }
                self.choice(id, &current, options)
            }
            _ => self.shown(e),
        }
    }

    /// A value shown as written; a tap on it may put a picked-up sensor there.
    fn shown(&self, e: &Expr) -> Html {
        let (id, on_field) = (e.id.0, self.on_field.clone());
        html! {
            <span class="field text" data-value={id.to_string()}
                onclick={Callback::from(move |ev: MouseEvent| { ev.stop_propagation(); on_field.emit(FieldEdit::Tap(id)) })}>
                { print_expr(e, self.lang) }
            </span>
        }
    }

    fn choice(&self, id: u32, current: &str, options: Vec<(String, String)>) -> Html {
        let on_field = self.on_field.clone();
        let on_tap = on_field.clone();
        let onchange = Callback::from(move |ev: Event| {
            let select: web_sys::HtmlSelectElement = ev.target_unchecked_into();
            on_field.emit(FieldEdit::Choose(id, select.value()));
        });
        html! {
            <select class="field choice" data-value={id.to_string()} {onchange}
                onclick={Callback::from(move |ev: MouseEvent| { ev.stop_propagation(); on_tap.emit(FieldEdit::Tap(id)) })}
                onpointerdown={Callback::from(|ev: PointerEvent| ev.stop_propagation())}>
                { for options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option {selected} {value}>{ text }</option> }
                }) }
            </select>
        }
    }

    fn head(&self, kind: &StmtKind) -> Html {
        let l = self.lang;
        match kind {
            StmtKind::Action(b, args) => html! {
                <>{ self.label(spelling(l, Term::Builtin(*b))) }{ for args.iter().map(|a| self.field(a, false)) }</>
            },
            StmtKind::Call(name, args) => html! {
                <>{ self.label(name) }{ for args.iter().map(|a| self.field(a, false)) }</>
            },
            StmtKind::Assign(name, e) => {
                html! { <>{ self.label(&format!("{name} =")) }{ self.field(e, false) }</> }
            }
            StmtKind::Repeat(n, _) => html! {
                <>{ self.label(word(l, K::Repeat)) }{ self.field(n, false) }{ self.label(word(l, K::Times)) }</>
            },
            StmtKind::While(c, _) => html! { <>{ self.label(word(l, K::While)) }{ self.field(c, true) }</> },
            StmtKind::If(arms, _) => match arms.first() {
                Some((c, _)) => html! { <>{ self.label(word(l, K::If)) }{ self.field(c, true) }</> },
                None => self.label(word(l, K::If)),
            },
            StmtKind::ForEach(var, e, _) => html! {
                <>{ self.label(&format!("{} {var} {}", word(l, K::ForEach), word(l, K::In))) }{ self.field(e, false) }</>
            },
            StmtKind::Define(name, params, _) => {
                self.label(&format!("{} {name}({})", word(l, K::Define), params.join(", ")))
            }
            StmtKind::Return(e) => html! {
                <>{ self.label(word(l, K::Return)) }{ for e.iter().map(|e| self.field(e, false)) }</>
            },
            StmtKind::Comment(text) => self.label(&format!("# {text}")),
            StmtKind::Invalid(text) => {
                html! { <>{ self.label(text) }<span class="badge" aria-hidden="true">{ "⚠" }</span></> }
            }
        }
    }

    /// A statement list with places between its blocks.
    pub fn list(&self, stmts: &[Stmt], path: &[Step]) -> Html {
        html! {
            <div class="stack" role="group">
                { self.slot(path, 0) }
                { for stmts.iter().enumerate().map(|(i, s)| html! { <>{ self.block(s, path, i) }{ self.slot(path, i + 1) }</> }) }
            </div>
        }
    }

    fn slot(&self, path: &[Step], index: usize) -> Html {
        let slot = Slot::at(path, index);
        let on_slot = self.on_slot.clone();
        let key = slot.key();
        html! {
            <button class="slot" data-slot={key} aria-label={self.i18n.t("ui.put-here")}
                onclick={Callback::from(move |e: MouseEvent| { e.stop_propagation(); on_slot.emit(slot.clone()) })} />
        }
    }

    fn block(&self, s: &Stmt, path: &[Step], index: usize) -> Html {
        let slot = Slot::at(path, index);
        let line = self.program.span(s.id).line(self.source);
        let here = line == self.active_line;
        // Each body, with the line that opens it when it is not the block's first.
        let else_word = word(self.lang, K::Else);
        let bodies: Vec<(Option<Html>, &Vec<Stmt>)> = match &s.kind {
            StmtKind::If(arms, other) => arms
                .iter()
                .enumerate()
                .map(|(i, (c, b))| {
                    let head = (i > 0).then(|| {
                        html! { <>{ self.label(else_word) }{ self.label(word(self.lang, K::If)) }{ self.field(c, true) }</> }
                    });
                    (head, b)
                })
                .chain(other.iter().map(|b| (Some(self.label(else_word)), b)))
                .collect(),
            k => k.blocks().map(|b| (None, b)).collect(),
        };
        let classes = classes!(
            "block",
            family(&s.kind),
            (here && !self.error).then_some("running"),
            (here && self.error).then_some("error"),
        );
        html! {
            <div class={classes} data-block={slot.key()} data-line={line.to_string()} tabindex="0" role="treeitem">
                <div class="head">
                    { self.head(&s.kind) }
                    if let Some(c) = &s.comment {
                        <span class="note">{ format!("# {c}") }</span>
                    }
                    if here && self.error {
                        <span class="badge" aria-hidden="true">{ "⚠" }</span>
                    }
                </div>
                { for bodies.into_iter().enumerate().map(|(b, (head, body))| {
                    let mut inner = path.to_vec();
                    inner.push(Step { index, body: b });
                    html! {
                        <>
                            if let Some(head) = head {
                                <div class="head">{ head }</div>
                            }
                            <div class="body">{ self.list(body, &inner) }</div>
                        </>
                    }
                }) }
            </div>
        }
    }
}

/// The sensors a lesson allows that take no value: what conditions and the palette offer.
pub fn lesson_sensors(lesson: &tafukt_lesson::Lesson) -> Vec<Builtin> {
    lesson
        .toolbox
        .iter()
        .filter_map(|k| Builtin::from_key(k))
        .filter(|b| b.kind() == tafukt_lang::builtins::BuiltinKind::Sensor && b.arity() == 0)
        .collect()
}

#[derive(Properties)]
pub struct ProgramProps {
    /// The program as the editor read it (the same `Rc` until the text changes).
    pub program: std::rc::Rc<Program>,
    pub source: AttrValue,
    pub lang: Lang,
    /// The lesson, for the sensors its conditions may use.
    pub lesson: std::rc::Rc<tafukt_lesson::Lesson>,
    pub active_line: Option<usize>,
    pub error: bool,
    /// Stable callbacks (the editor forwards them to its latest handlers).
    pub on_slot: Callback<Slot>,
    pub on_field: Callback<FieldEdit>,
}

impl PartialEq for ProgramProps {
    fn eq(&self, other: &ProgramProps) -> bool {
        std::rc::Rc::ptr_eq(&self.program, &other.program)
            && self.source == other.source
            && self.lang == other.lang
            && std::rc::Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.active_line == other.active_line
            && self.error == other.error
            && self.on_slot == other.on_slot
            && self.on_field == other.on_field
    }
}

#[component]
pub fn ProgramBlocks(props: &ProgramProps) -> Html {
    let i18n = super::i18n::use_i18n();
    let program = &props.program;
    let sensors = lesson_sensors(&props.lesson);
    let view = View {
        program,
        source: &props.source,
        lang: props.lang,
        i18n: &i18n,
        sensors: &sensors,
        active_line: props.active_line.unwrap_or(0),
        error: props.error,
        on_slot: props.on_slot.clone(),
        on_field: props.on_field.clone(),
    };
    view.list(&program.body, &[])
}
