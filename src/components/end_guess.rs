//! "Where will the robot end?" in a lesson (full app): the hook that holds the class's guess
//! and holds Run back until there is one; the squares to tap, drawn over the grid (one
//! listener for all, arrow keys and Enter too), with the guess and, after the run, the square
//! where the robot stopped; and the question and verdict under the world. The rules are
//! `crate::predict_end`.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::i18n::I18n;
use super::lesson_view::SessionState;
use crate::predict_end::{asked, cursor_move, must_guess, parse_cell, verdict, Cell};
use crate::session::{Action, Phase, Session};

/// Side of a square in the grid's drawing (`grid_stage`).
const CELL: u32 = 40;

pub struct EndGuess {
    /// The question is asked in this lesson now.
    pub on: bool,
    /// The teacher's switch (any grid lesson).
    pub teacher_on: bool,
    pub guess: Option<Cell>,
    /// Run or Step was pressed before the class guessed.
    pub nudged: bool,
    pub toggle: Callback<()>,
    pub pick: Callback<Cell>,
    /// Whether a Run or a Step may go now; when not, it was held back (the class guesses
    /// first, or the world of the next run was put on the stage to guess on).
    pub gate: Callback<(), bool>,
}

#[hook]
pub fn use_end_guess(session: &UseReducerHandle<SessionState>) -> EndGuess {
    let teacher_on = use_state(|| false);
    let guess = use_state(|| None::<Cell>);
    let nudged = use_state(|| false);
    let s = &session.0;
    let on = asked(&s.lesson, *teacher_on, s.world.grid().is_some());
    {
        // Back at the start (reset, an edit during a run, the next run's world): guess again.
        let (guess, nudged) = (guess.clone(), nudged.clone());
        use_effect_with(s.phase == Phase::Ready, move |ready| {
            if *ready {
                guess.set(None);
            }
            nudged.set(false);
        });
    }
    let toggle = {
        let (teacher_on, guess) = (teacher_on.clone(), guess.clone());
        Callback::from(move |()| {
            teacher_on.set(!*teacher_on);
            guess.set(None);
        })
    };
    let pick = {
        let (guess, nudged, session) = (guess.clone(), nudged.clone(), session.clone());
        Callback::from(move |cell: Cell| {
            if must_guess(&session.0, None) {
                guess.set(Some(cell));
                nudged.set(false);
            }
        })
    };
    let gate = {
        let (guess, nudged, session) = (*guess, nudged.clone(), session.clone());
        Callback::from(move |()| {
            if !on {
                return true;
            }
            if matches!(session.0.phase, Phase::Finished { .. } | Phase::Failed(_)) {
                session.dispatch(Action::Rewind);
                return false;
            }
            if must_guess(&session.0, guess) {
                nudged.set(true);
                return false;
            }
            true
        })
    };
    EndGuess { on, teacher_on: *teacher_on, guess: *guess, nudged: *nudged, toggle, pick, gate }
}

fn cell_of(e: &Event) -> Option<(Element, String)> {
    let el = e.target()?.dyn_into::<Element>().ok()?.closest("[data-cell]").ok()??;
    let cell = el.get_attribute("data-cell")?;
    Some((el, cell))
}

/// What is drawn over the grid: the squares to tap while the class guesses, the guess, and
/// the square where the robot stopped. A plain function, like the stage it is drawn in.
pub fn end_layer(s: &Session, g: &EndGuess, i18n: &I18n) -> Html {
    let Some(w) = s.world.grid().filter(|_| g.on) else { return Html::default() };
    let (width, height) = (w.width, w.height);
    let square = |(x, y): Cell| (x * CELL, y * CELL);
    let choosing = must_guess(s, None);
    let ended = g.guess.and_then(|guess| verdict(s, guess));
    let targets = if choosing {
        let onclick = {
            let pick = g.pick.clone();
            Callback::from(move |e: MouseEvent| {
                if let Some(cell) = cell_of(&e).and_then(|(_, c)| parse_cell(&c, width, height)) {
                    pick.emit(cell);
                }
            })
        };
        let onkeydown = {
            let pick = g.pick.clone();
            Callback::from(move |e: KeyboardEvent| {
                let Some((el, text)) = cell_of(&e) else { return };
                let Some(cell) = parse_cell(&text, width, height) else { return };
                let key = e.key();
                if key == "Enter" || key == " " {
                    e.prevent_default();
                    return pick.emit(cell);
                }
                let (x, y) = cursor_move(cell, &key, width, height);
                if (x, y) == cell {
                    return;
                }
                e.prevent_default();
                let next = el
                    .parent_element()
                    .and_then(|p| p.query_selector(&format!("[data-cell=\"{x},{y}\"]")).ok().flatten());
                // A square is an SVG element: its `focus` is called as the page has it.
                if let Some(next) = next {
                    let _ = js_sys::Reflect::get(&next, &"focus".into())
                        .ok()
                        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                        .map(|f| f.call0(&next));
                }
            })
        };
        // One square takes the keyboard's focus (the guess, else the robot's): arrows walk.
        let home = g.guess.unwrap_or((w.robot.x, w.robot.y));
        html! {
            <g class="end-targets" role="group" aria-label={i18n.t("teacher.end-question")} {onclick} {onkeydown}>
                { for (0..height).flat_map(|y| (0..width).map(move |x| (x, y))).map(|(x, y)| {
                    let (px, py) = square((x, y));
                    html! {
                        <rect class="end-target" data-testid="end-target" data-cell={format!("{x},{y}")}
                            x={px.to_string()} y={py.to_string()} width={CELL.to_string()} height={CELL.to_string()}
                            role="button" tabindex={if (x, y) == home { "0" } else { "-1" }}
                            aria-pressed={(g.guess == Some((x, y))).to_string()}
                            aria-label={i18n.f("teacher.end-square", &[("column", (x + 1).to_string()), ("row", (y + 1).to_string())])} />
                    }
                }) }
            </g>
        }
    } else {
        Html::default()
    };
    let mark = |class: &'static str, cell: Cell, text: &'static str| {
        let (px, py) = square(cell);
        html! {
            <g class={class} transform={format!("translate({px} {py})")}>
                <rect x="3" y="3" width={(CELL - 6).to_string()} height={(CELL - 6).to_string()} rx="6" />
                <text x={(CELL / 2).to_string()} y="15" text-anchor="middle">{ text }</text>
            </g>
        }
    };
    html! {
        <g class="end-guess-layer" data-testid="end-layer">
            if let Some(cell) = g.guess {
                { mark("end-guess-mark", cell, "?") }
            }
            if let Some((false, at)) = ended {
                { mark("end-at-mark", at, "") }
            }
            { targets }
        </g>
    }
}

/// The question under the world, then what the class guessed, then the verdict.
pub fn end_panel(s: &Session, g: &EndGuess, i18n: &I18n) -> Html {
    if !g.on {
        return Html::default();
    }
    let ended = g.guess.and_then(|guess| verdict(s, guess));
    let text = match (g.guess, ended) {
        (_, Some((true, _))) => i18n.t("teacher.end-right"),
        (_, Some((false, (x, y)))) => {
            i18n.f("teacher.end-wrong", &[("column", (x + 1).to_string()), ("row", (y + 1).to_string())])
        }
        (Some(_), None) => i18n.t("teacher.end-guessed"),
        (None, None) => i18n.t("teacher.end-tap"),
    };
    let result = ended.map(|(right, _)| if right { "right" } else { "wrong" });
    html! {
        <section class={classes!("end-guess", result)} data-testid="end-guess" data-nudged={g.nudged.to_string()}
            data-verdict={result.unwrap_or("none")}>
            <h2>{ i18n.t("teacher.end-question") }</h2>
            <p role="status" data-testid="end-verdict">{ text }</p>
        </section>
    }
}

/// `then`, once the guess of where the robot ends allows it (see [`EndGuess::gate`]).
pub fn gated(g: &EndGuess, then: Callback<()>) -> Callback<()> {
    let gate = g.gate.clone();
    Callback::from(move |()| {
        if gate.emit(()) {
            then.emit(());
        }
    })
}
