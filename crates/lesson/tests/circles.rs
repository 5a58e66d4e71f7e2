//! Endless circles (issue 13): a grid run whose whole state comes back is stopped at once
//! with a message naming the loop; a run that only looks the same (a counter still counts,
//! a repeat still has turns to go, a sibling loop reuses a slot) is never stopped.

use proptest::prelude::*;
use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::runner::run_to_end;
use tafukt_world::WorldSpec;

fn world() -> WorldSpec {
    serde_json::from_str(r#"{"grid":{"width":5,"height":5,"robot":{"x":2,"y":2,"heading":"east"}}}"#).unwrap()
}

/// The key and line a run ends with, or `None` when it finished.
fn end(src: &str) -> Option<(String, usize)> {
    let o = run_to_end(src, Lang::En, &world(), 1, Limits::default()).unwrap();
    match o.halt {
        Halt::Faulted(d) => Some((d.code.key(), d.span(&o.program).line(src))),
        _ => None,
    }
}

#[test]
fn a_robot_turning_for_ever_is_stopped_at_the_loop_that_never_ends() {
    let circle = Some(("run.endless-circle".to_string(), 1));
    assert_eq!(end("while true\n  turn left\nend\n"), circle);
    assert_eq!(end("while true\n  repeat 4 times\n    turn left\n  end\nend\n"), circle);
    assert_eq!(end("while true\n  move\n  turn left\n  turn left\nend\n"), circle);
    // Called from the loop, the procedure's turn is part of the circle; the loop is named.
    assert_eq!(
        end("define spin\n  turn right\nend\nwhile true\n  spin\nend\n"),
        Some(("run.endless-circle".to_string(), 4))
    );
    // Painting the same tile again and again changes nothing after the first time.
    assert_eq!(end("x = 1\nwhile x > 0\n  paint red\nend\n"), Some(("run.endless-circle".to_string(), 2)));
}

#[test]
fn runs_that_only_look_the_same_go_on() {
    // A counter that grows: never the same state, so the action limit ends it.
    assert_eq!(
        end("x = 0\nwhile true\n  turn left\n  x = x + 1\nend\n").map(|e| e.0).as_deref(),
        Some("run.action-limit")
    );
    // A repeat with turns still to go ends by itself; so does one in a slot a finished
    // loop left behind.
    assert_eq!(end("repeat 400 times\n  turn left\nend\n"), None);
    assert_eq!(end("while false\nend\nrepeat 400 times\n  turn left\nend\n"), None);
    assert_eq!(end("repeat 3 times\n  turn left\nend\nfor each i in 1 to 300\n  turn right\nend\n"), None);
    // What was said is not read back, but a list that grows is state.
    assert_eq!(
        end("l = []\nwhile true\n  turn left\n  l = l + [1]\nend\n").map(|e| e.0).as_deref(),
        Some("run.action-limit")
    );
}

#[derive(Debug, Clone)]
enum Stmt {
    Left,
    Right,
    Paint,
    Repeat(u8, Vec<Stmt>),
}

fn print(stmts: &[Stmt], depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    for s in stmts {
        match s {
            Stmt::Left => out.push_str(&format!("{pad}turn left\n")),
            Stmt::Right => out.push_str(&format!("{pad}turn right\n")),
            Stmt::Paint => out.push_str(&format!("{pad}paint red\n")),
            Stmt::Repeat(n, body) => {
                out.push_str(&format!("{pad}repeat {n} times\n"));
                print(body, depth + 1, out);
                out.push_str(&format!("{pad}end\n"));
            }
        }
    }
}

fn stmt() -> impl Strategy<Value = Stmt> {
    let leaf = prop_oneof![Just(Stmt::Left), Just(Stmt::Right), Just(Stmt::Paint)];
    leaf.prop_recursive(3, 24, 4, |inner| {
        (1u8..40, prop::collection::vec(inner, 1..4)).prop_map(|(n, body)| Stmt::Repeat(n, body))
    })
}

proptest! {
    /// Programs of turns, paint and nested repeats always end: none is ever stopped as a
    /// circle, however often its robot comes back to where it was.
    #[test]
    fn a_program_that_ends_is_never_stopped_as_a_circle(program in prop::collection::vec(stmt(), 1..5)) {
        let mut src = String::new();
        print(&program, 0, &mut src);
        let key = end(&src).map(|e| e.0);
        prop_assert!(key.is_none() || key.as_deref() == Some("run.action-limit"), "{src}: {key:?}");
    }
}
