//! `not_bumped` holds over the whole run: driving into an obstacle or a wall and backing
//! away is still a bump, and the report says what was touched and where.
#![cfg(feature = "arena")]

use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{Goal, GoalReport, GoalStatus};
use tafukt_lesson::run_to_end;
use tafukt_world::WorldSpec;

/// A 200 × 100 cm arena, the robot at (20, 50) facing east, a box from x 100 to 120.
fn report(program: &str) -> GoalReport {
    let spec: WorldSpec = serde_json::from_str(
        r#"{"arena":{"width":200,"height":100,"robot":{"x":20,"y":50,"heading":0},
            "obstacles":[{"rect":{"x":100,"y":30,"w":20,"h":40}}]}}"#,
    )
    .unwrap();
    let o = run_to_end(program, Lang::En, &spec, 0, Limits::default()).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(!matches!(o.halt, Halt::Faulted(_)), "{:?}", o.halt);
    Goal::NotBumped.check(&o.world)
}

fn args(r: &GoalReport) -> Vec<(&str, &str)> {
    r.args.iter().map(|(n, v)| (*n, v.as_str())).collect()
}

#[test]
fn driving_into_a_box_and_backing_away_is_a_bump() {
    let r = report("drive 100\ndrive -30\n");
    assert_eq!((r.key, r.status), ("world.touched-obstacle", GoalStatus::NotMet));
    // The robot's centre stops a radius (5 cm) before the box's face at x 100.
    assert_eq!(args(&r), [("x", "95"), ("y", "50")]);
}

#[test]
fn motors_into_a_box_then_reverse_is_a_bump_too() {
    let r = report("motors 60, 60\nwait 8\nmotors -60, -60\nwait 1\nmotors 0, 0\n");
    assert_eq!((r.key, r.status), ("world.touched-obstacle", GoalStatus::NotMet));
}

#[test]
fn touching_the_arena_wall_is_named_as_a_wall() {
    let r = report("turn -90\ndrive 100\nturn 180\ndrive 20\n");
    assert_eq!((r.key, r.status), ("world.touched-wall", GoalStatus::NotMet));
    assert_eq!(args(&r), [("x", "20"), ("y", "5")]);
}

#[test]
fn a_clean_run_meets_the_goal() {
    let r = report("drive 60\nturn 90\ndrive 30\n");
    assert_eq!((r.key, r.status, r.args.len()), ("goal.not-bumped", GoalStatus::Met, 0));
}
