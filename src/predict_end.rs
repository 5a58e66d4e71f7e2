//! "Where will the robot end?": before the Run, the class taps the square where it thinks
//! the robot will stop; once the run has ended, the guess is right or wrong, and the robot's
//! square is named. Plain Rust, tested natively; the full app draws the squares to tap and
//! the verdict (`components::end_guess`).

use tafukt_lesson::Lesson;

use crate::session::{Phase, Session};

/// A square of the grid, `(x, y)` from the top-left corner.
pub type Cell = (u32, u32);

/// Whether the guess is asked in this lesson: the lesson asks it, or the teacher switched it
/// on; grid worlds only (the robot on wheels does not stop on squares).
pub fn asked(lesson: &Lesson, teacher_on: bool, grid: bool) -> bool {
    grid && (lesson.predict_end || teacher_on)
}

/// Whether the class still has to guess before the run may start: nothing has run yet.
pub fn must_guess(s: &Session, guess: Option<Cell>) -> bool {
    guess.is_none() && s.phase == Phase::Ready && s.steps == 0
}

/// Once the run has ended: whether the guess was right, and where the robot stopped. `None`
/// while it runs, or when the program could not start (nothing ran, so nothing to compare).
pub fn verdict(s: &Session, guess: Cell) -> Option<(bool, Cell)> {
    let ended = match &s.phase {
        Phase::Finished { .. } => true,
        Phase::Failed(_) => s.program.is_some(),
        _ => false,
    };
    let robot = &s.world.grid()?.robot;
    let at = (robot.x, robot.y);
    ended.then_some((at == guess, at))
}

/// The square an arrow key moves the keyboard's cursor to (the grid is drawn left to right
/// in every language); the same square at an edge, or for any other key.
pub fn cursor_move(cell: Cell, key: &str, width: u32, height: u32) -> Cell {
    let (x, y) = cell;
    match key {
        "ArrowLeft" => (x.saturating_sub(1), y),
        "ArrowRight" => ((x + 1).min(width.saturating_sub(1)), y),
        "ArrowUp" => (x, y.saturating_sub(1)),
        "ArrowDown" => (x, (y + 1).min(height.saturating_sub(1))),
        "Home" => (0, y),
        "End" => (width.saturating_sub(1), y),
        _ => cell,
    }
}

/// A square read from the page (`data-cell="x,y"`), only when it is inside the grid.
pub fn parse_cell(text: &str, width: u32, height: u32) -> Option<Cell> {
    let (x, y) = text.split_once(',')?;
    let cell = (x.parse().ok()?, y.parse().ok()?);
    (cell.0 < width && cell.1 < height).then_some(cell)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Action;
    use std::rc::Rc;
    use tafukt_lang::Lang;

    fn lesson(id: &str) -> Rc<Lesson> {
        let file = format!("{}/lessons/{id}.json", env!("CARGO_MANIFEST_DIR"));
        Rc::new(tafukt_lesson::model::parse_lesson(&file, &std::fs::read_to_string(&file).unwrap()).unwrap())
    }

    fn run(s: &mut Session) {
        s.apply(Action::SetSpeed(5));
        s.apply(Action::Run);
        for _ in 0..10_000 {
            if !s.is_running() {
                break;
            }
            s.apply(Action::Tick);
        }
    }

    #[test]
    fn the_stairs_lesson_asks_and_a_guess_is_judged_where_the_robot_stops() {
        let stairs = lesson("loops-3");
        assert!(asked(&stairs, false, true));
        assert!(!asked(&lesson("loops-1"), false, true), "a lesson that does not ask");
        assert!(asked(&lesson("loops-1"), true, true), "unless the teacher asks");
        assert!(!asked(&stairs, true, false), "never on the robot on wheels");
        let mut s = Session::new(stairs.clone(), Lang::En, Some(stairs.solution.clone()));
        assert!(must_guess(&s, None) && !must_guess(&s, Some((5, 0))));
        assert_eq!(verdict(&s, (5, 0)), None, "nothing has run");
        run(&mut s);
        assert_eq!(verdict(&s, (5, 0)), Some((true, (5, 0))), "the top of the stairs");
        assert_eq!(verdict(&s, (4, 0)), Some((false, (5, 0))));
        assert!(!must_guess(&s, None), "after the run the verdict shows, not the question");
    }

    #[test]
    fn a_run_that_hits_a_wall_ends_there_but_a_program_that_never_ran_has_no_verdict() {
        let stairs = lesson("loops-3");
        let mut s = Session::new(stairs.clone(), Lang::En, Some("turn right\nmove\n".into()));
        run(&mut s);
        assert!(matches!(s.phase, Phase::Failed(_)));
        assert_eq!(verdict(&s, (0, 5)), Some((true, (0, 5))), "it stopped where it started");
        let mut s = Session::new(stairs, Lang::En, Some("repeat\n".into()));
        run(&mut s);
        assert!(matches!(s.phase, Phase::Failed(_)));
        assert_eq!(verdict(&s, (0, 5)), None);
    }

    #[test]
    fn the_cursor_stays_on_the_grid_and_squares_from_the_page_are_checked() {
        assert_eq!(cursor_move((0, 0), "ArrowLeft", 3, 2), (0, 0));
        assert_eq!(cursor_move((0, 0), "ArrowRight", 3, 2), (1, 0));
        assert_eq!(cursor_move((2, 0), "ArrowRight", 3, 2), (2, 0));
        assert_eq!(cursor_move((2, 1), "ArrowDown", 3, 2), (2, 1));
        assert_eq!(cursor_move((2, 1), "ArrowUp", 3, 2), (2, 0));
        assert_eq!(cursor_move((1, 1), "Home", 3, 2), (0, 1));
        assert_eq!(cursor_move((1, 1), "End", 3, 2), (2, 1));
        assert_eq!(cursor_move((1, 1), "x", 3, 2), (1, 1));
        assert_eq!(parse_cell("2,1", 3, 2), Some((2, 1)));
        for bad in ["3,1", "1,2", "-1,0", "a,b", "1", ""] {
            assert_eq!(parse_cell(bad, 3, 2), None, "{bad}");
        }
    }
}
