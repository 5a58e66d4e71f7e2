//! The program drawn as blocks: nested elements laid out with flexbox and logical
//! properties (so right-to-left mirrors them), one per statement, with their values as
//! fields, and places to put a block between them (shown by CSS while one is picked up).
//! Blocks are a view of the program, not a model.
//!
//! Each block is a component drawn from its own text (the statement as written, nested
//! statements included) and keyed by it, so an edit redraws only the blocks whose text
//! changed and those around them. No element carries its place in the program: the editor
//! reads a block's place from the page, and marks the running or picked block with a CSS
//! rule ([`selector`]), so moving a block or running the program redraws nothing else.

use std::rc::Rc;

#[cfg(feature = "full")]
use tafukt_lang::ast::UnaryOp;
use tafukt_lang::ast::{BinOp, Expr, ExprKind, Stmt, StmtKind};
use tafukt_lang::blocks::Slot;
#[cfg(feature = "full")]
use tafukt_lang::builtins::Colour;
use tafukt_lang::lexicon::{spelling, Keyword as K, Term};
use tafukt_lang::parser::parse;
use tafukt_lang::printer::{op_word, print_expr};
use tafukt_lang::{Builtin, Lang};
use yew::prelude::*;

use crate::list_keys::{text_hash, ListKeys};

/// What every block is drawn with besides its text; the same from edit to edit.
#[derive(PartialEq)]
pub struct Shared {
    pub lang: Lang,
    /// Sensors the lesson allows, offered in conditions.
    #[cfg(feature = "full")]
    pub sensors: Vec<Builtin>,
    /// The program's variables, offered where a variable is, and its procedures, offered on
    /// a call.
    #[cfg(feature = "full")]
    pub variables: Rc<Vec<String>>,
    #[cfg(feature = "full")]
    pub procedures: Rc<Vec<String>>,
    /// The spoken name of a place to put a block.
    pub put_here: AttrValue,
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
            // Changing a list is changing a variable.
            #[cfg(feature = "full")]
            Builtin::AddTo | Builtin::RemoveItem | Builtin::ReplaceItem => "data",
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

/// The CSS selector of the block after `slot`. A stack holds the first place, then an item
/// (a `div`: the block and the place after it) per statement; a block's children are its
/// first line, then each body after the line that opens it.
pub fn selector(slot: &Slot) -> String {
    let mut out = String::from(".program>.stack");
    for step in &slot.path {
        out += &format!(
            ">div:nth-of-type({})>.block>.body:nth-child({})>.stack",
            step.index + 1,
            2 + 2 * step.body
        );
    }
    out + &format!(">div:nth-of-type({})>.block", slot.index + 1)
}

/// The `data-value` of the list of procedures on a call (not a value's place).
#[cfg(feature = "full")]
pub const CALL: &str = "call";

struct Draw<'a> {
    shared: &'a Rc<Shared>,
}

impl Draw<'_> {
    fn lang(&self) -> Lang {
        self.shared.lang
    }

    fn label(&self, text: &str) -> Html {
        html! { <span class="label">{ text.to_string() }</span> }
    }

    /// A value inside a block, named by where it is in the statement (`data-value`: `0`, or
    /// `0.1` for the right side of the first value): numbers open the pad, texts the writing
    /// dialog; colours, conditions and variables are lists; an operator shows its two sides
    /// as values of their own; any other value is shown as written. The core app's editor
    /// (the first unit's blocks: numbers only) shows every value but a number as written.
    #[cfg_attr(not(feature = "full"), allow(unused_variables))]
    fn field(&self, e: &Expr, at: String, condition: bool) -> Html {
        let l = self.lang();
        let inner = |i: usize, e: &Expr, condition: bool| self.field(e, format!("{at}.{i}"), condition);
        match &e.kind {
            ExprKind::Number(_) => html! {
                <button class="field number" data-edit="number" data-value={at}>{ print_expr(e, l) }</button>
            },
            #[cfg(feature = "full")]
            ExprKind::Text(_) => html! {
                <button class="field text" data-edit="text" data-value={at}>{ print_expr(e, l) }</button>
            },
            #[cfg(feature = "full")]
            ExprKind::Colour(current) => {
                let options: Vec<(String, String)> = Colour::ALL
                    .iter()
                    .map(|c| (c.key().to_string(), spelling(l, Term::Colour(*c)).to_string()))
                    .collect();
                self.choice(at, current.key(), options)
            }
            #[cfg(feature = "full")]
            ExprKind::Var(name) => {
                let options = self.shared.variables.iter().map(|v| (format!("${v}"), v.clone())).collect();
                self.choice(at, &format!("${name}"), options)
            }
            ExprKind::Binary(op, a, b) => {
                // `and` and `or` join conditions; other operators join numbers.
                let joins = matches!(op, BinOp::And | BinOp::Or);
                html! { <span class="expr">{ inner(0, a, joins) }{ self.label(op_word(*op, l)) }{ inner(1, b, joins) }</span> }
            }
            // `item 1 of scores`: its values, each a field, with its words between them.
            #[cfg(feature = "full")]
            ExprKind::Sensor(b, args) if Builtin::LISTS.contains(b) => {
                html! { <span class="expr">{ self.joined(*b, args, &format!("{at}.")) }</span> }
            }
            #[cfg(feature = "full")]
            ExprKind::Unary(UnaryOp::Not, x)
                if !matches!(&x.kind, ExprKind::Sensor(_, args) if args.is_empty()) || !condition =>
            {
                html! {
                    <span class="expr">{ self.label(word(l, K::Not)) }{ inner(0, x, true) }</span>
                }
            }
            #[cfg(feature = "full")]
            _ if condition => {
                // The sensor there, and whether it is negated.
                let (sensor, not) = match &e.kind {
                    ExprKind::Sensor(b, args) if args.is_empty() => (Some(*b), ""),
                    ExprKind::Unary(UnaryOp::Not, inner) => match &inner.kind {
                        ExprKind::Sensor(b, args) if args.is_empty() => (Some(*b), "!"),
                        _ => (None, ""),
                    },
                    _ => (None, ""),
                };
                if sensor.is_none() && !matches!(e.kind, ExprKind::Bool(true)) {
                    return self.shown(e, at);
                }
                let current = sensor.map(|b| format!("{not}{}", b.key())).unwrap_or_default();
                // The lesson's sensors, and the one there if the lesson does not list it.
                let extra = sensor.filter(|b| !self.shared.sensors.contains(b));
                let not = word(l, K::Not);
                let mut options = vec![(String::new(), "…".to_string())];
                for b in self.shared.sensors.iter().chain(&extra) {
                    let name = spelling(l, Term::Builtin(*b));
                    options.push((b.key().to_string(), name.to_string()));
                    options.push((format!("!{}", b.key()), format!("{not} {name}")));
                }
                self.choice(at, &current, options)
            }
            _ => self.shown(e, at),
        }
    }

    /// A value shown as written; a tap on it may put a picked-up sensor there.
    fn shown(&self, e: &Expr, at: String) -> Html {
        html! { <span class="field text" data-value={at} tabindex="0">{ print_expr(e, self.lang()) }</span> }
    }

    #[cfg(feature = "full")]
    fn choice(&self, at: String, current: &str, options: Vec<(String, String)>) -> Html {
        html! {
            <select class="field choice" data-value={at}>
                { for options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option {selected} {value}>{ text }</option> }
                }) }
            </select>
        }
    }

    fn head(&self, kind: &StmtKind) -> Html {
        let l = self.lang();
        let fields = |args: &[Expr]| -> Html {
            args.iter().enumerate().map(|(i, a)| self.field(a, i.to_string(), false)).collect()
        };
        let first = |e: &Expr, condition: bool| self.field(e, "0".into(), condition);
        match kind {
            #[cfg(feature = "full")]
            StmtKind::Action(b, args) if Builtin::LISTS.contains(b) => self.joined(*b, args, ""),
            StmtKind::Action(b, args) => {
                html! { <>{ self.label(spelling(l, Term::Builtin(*b))) }{ fields(args) }</> }
            }
            #[cfg(not(feature = "full"))]
            StmtKind::Call(name, args) => html! { <>{ self.label(name) }{ fields(args) }</> },
            #[cfg(feature = "full")]
            StmtKind::Call(name, args) => {
                // The procedure called is a list of the program's procedures (the one called
                // stays in it even when it is not defined).
                let mut names = self.shared.procedures.to_vec();
                if !names.contains(name) {
                    names.push(name.clone());
                }
                let options = names.into_iter().map(|n| (n.clone(), n)).collect();
                html! { <>{ self.choice(CALL.into(), name, options) }{ fields(args) }</> }
            }
            StmtKind::Assign(name, e) => {
                html! { <>{ self.label(&format!("{name} =")) }{ first(e, false) }</> }
            }
            StmtKind::Repeat(n, _) => html! {
                <>{ self.label(word(l, K::Repeat)) }{ first(n, false) }{ self.label(word(l, K::Times)) }</>
            },
            StmtKind::While(c, _) => html! { <>{ self.label(word(l, K::While)) }{ first(c, true) }</> },
            StmtKind::If(arms, _) => match arms.first() {
                Some((c, _)) => html! { <>{ self.label(word(l, K::If)) }{ first(c, true) }</> },
                None => self.label(word(l, K::If)),
            },
            StmtKind::ForEach(var, e, _) => html! {
                <>{ self.label(&format!("{} {var} {}", word(l, K::ForEach), word(l, K::In))) }{ first(e, false) }</>
            },
            StmtKind::Define(name, params, _) => {
                self.label(&format!("{} {name}({})", word(l, K::Define), params.join(", ")))
            }
            StmtKind::Return(e) => {
                html! { <>{ self.label(word(l, K::Return)) }{ for e.iter().map(|e| first(e, false)) }</> }
            }
            StmtKind::Comment(text) => self.label(&format!("# {text}")),
            StmtKind::Invalid(text) => {
                html! { <>{ self.label(text) }<span class="badge" aria-hidden="true">{ "⚠" }</span></> }
            }
        }
    }

    /// A list built-in's name, then its values as fields (named `{prefix}0`, `{prefix}1` …)
    /// with its words between them: `add [1] to [scores]`.
    #[cfg(feature = "full")]
    fn joined(&self, b: Builtin, args: &[Expr], prefix: &str) -> Html {
        let l = self.lang();
        let joiners = tafukt_lang::lexicon_lists::joiners(b, l);
        html! {
            <>
                { self.label(spelling(l, Term::Builtin(b))) }
                { for args.iter().enumerate().map(|(i, a)| html! {
                    <>
                        { self.field(a, format!("{prefix}{i}"), false) }
                        { for joiners.get(i).map(|k| self.label(word(l, *k))) }
                    </>
                }) }
            </>
        }
    }

    /// A statement list, given each statement's text, with places between its blocks.
    fn stack(&self, texts: Vec<&str>, keys: &mut ListKeys) -> Html {
        let keys = keys.assign(&texts.iter().map(|t| text_hash(t)).collect::<Vec<_>>());
        html! {
            <div class="stack" role="group">
                <button class="slot" key="slot" aria-label={self.shared.put_here.clone()} />
                { for texts.into_iter().zip(keys).map(|(text, key)| html! {
                    <Block {key} text={AttrValue::from(text.to_string())} shared={self.shared.clone()} />
                }) }
            </div>
        }
    }
}

/// The texts of `places` in `source`.
fn texts(source: &str, places: impl Iterator<Item = std::ops::Range<usize>>) -> Vec<&str> {
    places.map(|p| source.get(p).unwrap_or_default()).collect()
}

#[derive(Properties)]
struct BlockProps {
    /// The statement's text, nested statements included.
    text: AttrValue,
    shared: Rc<Shared>,
}

impl PartialEq for BlockProps {
    fn eq(&self, other: &BlockProps) -> bool {
        self.text == other.text && (Rc::ptr_eq(&self.shared, &other.shared) || self.shared == other.shared)
    }
}

/// One block and the place after it (an item of its list, so that a long program's
/// off-screen items, places included, skip style and layout), drawn from the statement's text.
#[component]
fn Block(props: &BlockProps) -> Html {
    let keys = use_mut_ref(Vec::<ListKeys>::new);
    let draw = Draw { shared: &props.shared };
    let program = parse(&props.text, props.shared.lang).program;
    let Some(s) = program.body.first() else { return Html::default() };
    let text_of =
        |list: &[Stmt]| texts(&props.text, list.iter().map(|s| program.span(s.id)).map(|s| s.start..s.end));
    // Each body, with the line that opens it when it is not the block's first.
    let else_word = word(draw.lang(), K::Else);
    let bodies: Vec<(Option<Html>, &Vec<Stmt>)> = match &s.kind {
        StmtKind::If(arms, other) => arms
            .iter()
            .enumerate()
            .map(|(i, (c, b))| {
                let head = (i > 0).then(|| {
                    html! { <>{ draw.label(else_word) }{ draw.label(word(draw.lang(), K::If)) }{ draw.field(c, i.to_string(), true) }</> }
                });
                (head, b)
            })
            .chain(other.iter().map(|b| (Some(draw.label(else_word)), b)))
            .collect(),
        k => k.blocks().map(|b| (None, b)).collect(),
    };
    let mut keys = keys.borrow_mut();
    keys.resize_with(bodies.len(), ListKeys::default);
    html! {
        <div class="item">
            <div class={format!("block {}", family(&s.kind))} tabindex="0" role="treeitem">
                <div class="head">
                    { draw.head(&s.kind) }
                    if let Some(c) = &s.comment {
                        <span class="note">{ format!("# {c}") }</span>
                    }
                </div>
                { for bodies.into_iter().zip(keys.iter_mut()).map(|((head, body), keys)| html! {
                    <>
                        if let Some(head) = head {
                            <div class="head">{ head }</div>
                        }
                        <div class="body">{ draw.stack(text_of(body), keys) }</div>
                    </>
                }) }
            </div>
            <button class="slot" aria-label={props.shared.put_here.clone()} />
        </div>
    }
}

/// The sensors a lesson allows that take no value: what conditions and the palette offer.
#[cfg(feature = "full")]
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
    pub source: AttrValue,
    /// Where each top-level statement's text is in `source` (the same `Rc` until it changes).
    pub places: Rc<Vec<std::ops::Range<usize>>>,
    pub lang: Lang,
    /// The lesson, for the sensors its conditions may use.
    #[cfg(feature = "full")]
    pub lesson: Rc<tafukt_lesson::Lesson>,
    /// The program's variables and procedures, for their lists.
    #[cfg(feature = "full")]
    pub variables: Rc<Vec<String>>,
    #[cfg(feature = "full")]
    pub procedures: Rc<Vec<String>>,
}

impl PartialEq for ProgramProps {
    fn eq(&self, other: &ProgramProps) -> bool {
        let same =
            Rc::ptr_eq(&self.places, &other.places) && self.source == other.source && self.lang == other.lang;
        #[cfg(feature = "full")]
        let same = same
            && Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.variables == other.variables
            && self.procedures == other.procedures;
        same
    }
}

/// The program's blocks: its top-level statements, each drawn by its own component.
#[component]
pub fn ProgramBlocks(props: &ProgramProps) -> Html {
    let i18n = super::i18n::use_i18n();
    let shared = Rc::new(Shared {
        lang: props.lang,
        #[cfg(feature = "full")]
        sensors: lesson_sensors(&props.lesson),
        #[cfg(feature = "full")]
        variables: props.variables.clone(),
        #[cfg(feature = "full")]
        procedures: props.procedures.clone(),
        put_here: i18n.t("ui.put-here").into(),
    });
    let keys = use_mut_ref(ListKeys::default);
    let html = Draw { shared: &shared }
        .stack(texts(&props.source, props.places.iter().cloned()), &mut keys.borrow_mut());
    html
}
