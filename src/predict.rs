//! Predict-then-run (PRIMM's "predict"): before each step, or only at the blocks the teacher
//! marked, the class says what the robot will do next, then the step shows it. The next move
//! is found by running a copy of the session to its next robot action, and is told apart by
//! what changed in the grid world. Plain Rust, tested natively; the full app asks and reveals
//! (`components::predict_panel`).

use crate::session::{Action, Phase, Session};
use tafukt_lang::blocks::Slot;
use tafukt_world::grid::GridWorld;

/// Statements a look ahead for a marked block goes through at most (a program's run limits
/// end an endless one long before; this only bounds the work of one look).
const MAX_LOOK_AHEAD: usize = 100_000;
/// Robot actions a look ahead goes through at most: a marked block further on than this is
/// not waited for (the copy records each action for stepping back, and a class follows a few
/// dozen moves, not thousands).
pub const MAX_ACTIONS_AHEAD: usize = 500;

/// What the robot does next, as the class can say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Forward,
    TurnLeft,
    TurnRight,
    PickUp,
    PutDown,
    Paint,
    Say,
    /// The program ends without another action.
    End,
    /// The program stops with a problem (a wall, a missing item, a loop that never ends).
    Problem,
    /// An action the choices do not name (the pen, for instance).
    Other,
}

impl Move {
    /// The catalogue key of the move's words.
    pub fn message(self) -> &'static str {
        match self {
            Move::Forward => "presenter.predict-forward",
            Move::TurnLeft => "presenter.predict-turn-left",
            Move::TurnRight => "presenter.predict-turn-right",
            Move::PickUp => "presenter.predict-pick-up",
            Move::PutDown => "presenter.predict-put-down",
            Move::Paint => "presenter.predict-paint",
            Move::Say => "presenter.predict-say",
            Move::End => "presenter.predict-end",
            Move::Problem => "presenter.predict-problem",
            Move::Other => "presenter.predict-other",
        }
    }
}

/// A question: the move the class must predict, and the choices to tap (3 or 4).
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub answer: Move,
    pub choices: Vec<Move>,
    /// The choice tapped; the step is revealed once there is one.
    pub picked: Option<Move>,
}

/// What the robot will do at the session's next step (a copy is run; `s` is left as it is).
/// `None` for a world that is not a grid (the robot on wheels moves continuously), or for a
/// run that has ended (the next step would start another: reset first).
pub fn next_move(s: &Session) -> Option<Move> {
    if !matches!(s.phase, Phase::Ready | Phase::Paused) {
        return None;
    }
    let before = s.world.grid()?;
    let mut probe = s.clone();
    probe.apply(Action::StepToAction);
    let after = probe.world.grid()?;
    Some(match probe.phase {
        Phase::Failed(_) => Move::Problem,
        _ if probe.steps == s.steps => Move::End,
        _ => changed(before, after),
    })
}

/// The move that turned `before` into `after`.
fn changed(before: &GridWorld, after: &GridWorld) -> Move {
    let (b, a) = (&before.robot, &after.robot);
    let carried = |r: &tafukt_world::grid::Robot| r.bag.values().sum::<u32>();
    if (b.x, b.y) != (a.x, a.y) {
        Move::Forward
    } else if b.heading != a.heading {
        if (a.heading.degrees() + 360 - b.heading.degrees()) % 360 == 270 {
            Move::TurnLeft
        } else {
            Move::TurnRight
        }
    } else if carried(a) > carried(b) {
        Move::PickUp
    } else if carried(a) < carried(b) {
        Move::PutDown
    } else if before.paint != after.paint {
        Move::Paint
    } else if before.said.len() != after.said.len() {
        Move::Say
    } else {
        Move::Other
    }
}

/// The choices for `answer`: always forward, left and right (so the choices alone give
/// nothing away), and a fourth: the answer when it is none of those, else the first other
/// action the lesson's blocks allow (so it is the same all through a lesson).
pub fn choices(answer: Move, toolbox: &[String]) -> Vec<Move> {
    let mut all = vec![Move::Forward, Move::TurnLeft, Move::TurnRight];
    if !all.contains(&answer) {
        all.push(answer);
        return all;
    }
    let extra =
        [("pick_up", Move::PickUp), ("put_down", Move::PutDown), ("paint", Move::Paint), ("say", Move::Say)]
            .into_iter()
            .find(|(block, _)| toolbox.iter().any(|t| t == block))
            .map_or(Move::End, |(_, m)| m);
    all.push(extra);
    all
}

/// The question before the session's next step, if its world is a grid.
pub fn ask(s: &Session) -> Option<Question> {
    let answer = next_move(s)?;
    Some(Question { answer, choices: choices(answer, &s.lesson.toolbox), picked: None })
}

/// Whether `block` is the marked block `mark` or inside it (a marked `repeat` marks its body).
pub fn within(block: &Slot, mark: &Slot) -> bool {
    let depth = mark.path.len();
    block == mark
        || (block.path.len() > depth
            && block.path[..depth] == mark.path[..]
            && block.path[depth].index == mark.index)
}

/// Predict at marked blocks: how many robot actions a run makes from where `s` is before the
/// first one made after reaching a marked block (the marked block's own, or the first of its
/// body, or of the procedure it calls), a copy being run; `s` is left as it is. `None` when
/// the run ends without reaching a marked block again, or not within [`MAX_ACTIONS_AHEAD`].
/// A run that stops with a problem at or after a marked block asks too: "it stops with a
/// problem" is a prediction.
pub fn actions_before_mark(s: &Session, marks: &[Slot]) -> Option<usize> {
    if marks.is_empty() || !matches!(s.phase, Phase::Ready | Phase::Paused) {
        return None;
    }
    let mut probe = s.clone();
    let start = probe.steps;
    let mut reached = false;
    for _ in 0..MAX_LOOK_AHEAD {
        let before = probe.steps;
        probe.apply(Action::Step);
        reached |= probe.shown_block().is_some_and(|b| marks.iter().any(|m| within(&b, m)));
        match probe.phase {
            Phase::Failed(_) => return reached.then_some(probe.steps - start),
            Phase::Paused if reached && probe.steps != before => return Some(before - start),
            Phase::Paused if probe.steps - start > MAX_ACTIONS_AHEAD => return None,
            Phase::Paused => {}
            _ => return None,
        }
    }
    None
}

/// Marks one block more, or one fewer: the teacher's tap in marking mode.
pub fn toggle_mark(marks: &mut Vec<Slot>, block: Slot) {
    match marks.iter().position(|m| *m == block) {
        Some(i) => {
            marks.remove(i);
        }
        None => marks.push(block),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;
    use tafukt_lang::Lang;

    fn session(program: &str) -> Session {
        let text = include_str!("../lessons/first-steps-1.json");
        let lesson = Rc::new(tafukt_lesson::model::parse_lesson("first-steps-1.json", text).unwrap());
        Session::new(lesson, Lang::En, Some(program.into()))
    }

    /// Asks, then reveals, until the program ends: the answers in order.
    fn predictions(s: &mut Session) -> Vec<Move> {
        let mut seen = Vec::new();
        for _ in 0..20 {
            let q = ask(s).unwrap();
            assert!(q.choices.contains(&q.answer) && (3..=4).contains(&q.choices.len()), "{q:?}");
            seen.push(q.answer);
            if matches!(q.answer, Move::End | Move::Problem) {
                break;
            }
            let steps = s.steps;
            s.apply(Action::StepToAction);
            assert_eq!(s.steps, steps + 1, "the reveal is exactly one action");
        }
        seen
    }

    #[test]
    fn the_class_predicts_each_move_of_lesson_one() {
        let mut s = session("move\nturn left\nrepeat 3 times\n  move\nend\n");
        use Move::*;
        assert_eq!(predictions(&mut s), [Forward, TurnLeft, Forward, Forward, Forward, End]);
        assert_eq!(s.phase, Phase::Paused, "the end is predicted, not yet run");
    }

    #[test]
    fn asking_changes_nothing_and_a_wall_is_a_problem() {
        let mut s = session("turn right\nmove\n");
        let world = s.world.clone();
        assert_eq!(next_move(&s), Some(Move::TurnRight));
        assert_eq!((s.world == world, s.steps, s.phase.clone()), (true, 0, Phase::Ready));
        s.apply(Action::StepToAction);
        // Facing south on the bottom row: the move bumps into the border.
        assert_eq!(next_move(&s), Some(Move::Problem));
    }

    #[test]
    fn the_fourth_choice_does_not_give_the_answer_away() {
        let toolbox = ["move", "turn_left", "pick_up"].map(String::from);
        for answer in [Move::Forward, Move::TurnLeft, Move::PickUp] {
            assert_eq!(choices(answer, &toolbox)[3], Move::PickUp);
        }
        assert_eq!(choices(Move::TurnRight, &["move".to_string()])[3], Move::End);
        assert_eq!(
            choices(Move::Say, &["move".to_string()]),
            [Move::Forward, Move::TurnLeft, Move::TurnRight, Move::Say]
        );
    }

    fn slot(path: &[(usize, usize)], index: usize) -> Slot {
        let path = path.iter().map(|&(index, body)| tafukt_lang::blocks::Step { index, body }).collect();
        Slot { path, index }
    }

    #[test]
    fn a_run_is_asked_only_at_the_marked_blocks() {
        // move · turn left · repeat 3 times [move]
        let mut s = session("move\nturn left\nrepeat 3 times\n  move\nend\n");
        assert_eq!(actions_before_mark(&s, &[]), None);
        assert_eq!(actions_before_mark(&s, &[slot(&[], 0)]), Some(0), "the first block: ask at once");
        assert_eq!(actions_before_mark(&s, &[slot(&[], 1)]), Some(1), "one move, then ask");
        let world = s.world.clone();
        assert_eq!((s.world == world, s.steps, s.phase.clone()), (true, 0, Phase::Ready), "only a copy ran");
        // The repeat's body, or the repeat itself: each time round.
        for mark in [slot(&[(2, 0)], 0), slot(&[], 2)] {
            let mut s = session("move\nturn left\nrepeat 3 times\n  move\nend\n");
            let mut asked_after = Vec::new();
            while let Some(n) = actions_before_mark(&s, std::slice::from_ref(&mark)) {
                for _ in 0..=n {
                    s.apply(Action::StepToAction);
                }
                asked_after.push(s.steps);
                assert!(asked_after.len() < 10, "{asked_after:?}");
            }
            assert_eq!(asked_after, [3, 4, 5], "{mark:?}");
        }
        s.apply(Action::StepToAction);
        assert_eq!(actions_before_mark(&s, &[slot(&[], 0)]), None, "the marked move is behind");
    }

    #[test]
    fn a_marked_block_far_ahead_is_not_waited_for() {
        let far = format!("repeat {} times\n  turn left\nend\nmove\n", MAX_ACTIONS_AHEAD + 4);
        let s = session(&far);
        assert_eq!(actions_before_mark(&s, &[slot(&[], 1)]), None);
        let near = format!("repeat {} times\n  turn left\nend\nmove\n", MAX_ACTIONS_AHEAD - 4);
        assert_eq!(actions_before_mark(&session(&near), &[slot(&[], 1)]), Some(MAX_ACTIONS_AHEAD - 4));
    }

    #[test]
    fn a_marked_block_that_hits_a_wall_is_asked_about() {
        let s = session("move\nturn right\nmove\n");
        assert_eq!(actions_before_mark(&s, &[slot(&[], 2)]), Some(2));
        assert_eq!(actions_before_mark(&s, &[slot(&[], 1)]), Some(1));
    }

    #[test]
    fn marks_toggle_and_a_mark_covers_what_is_inside_it() {
        let mut marks = vec![];
        toggle_mark(&mut marks, slot(&[], 2));
        toggle_mark(&mut marks, slot(&[(2, 0)], 1));
        toggle_mark(&mut marks, slot(&[], 2));
        assert_eq!(marks, [slot(&[(2, 0)], 1)]);
        assert!(within(&slot(&[(2, 0)], 1), &slot(&[], 2)));
        assert!(within(&slot(&[(2, 1), (0, 0)], 0), &slot(&[], 2)), "the else part, nested deeper");
        assert!(!within(&slot(&[(3, 0)], 0), &slot(&[], 2)));
        assert!(!within(&slot(&[], 2), &slot(&[(2, 0)], 0)), "the body's mark does not cover the repeat");
    }
}
