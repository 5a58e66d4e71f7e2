//! "Stop the robot inside the area / on the colour": the continuous robot must end with its
//! motors off. A program that ends while the wheels still turn leaves a robot that would
//! roll on, so the goal is not met (a run does not stop the robot for the pupil).
#![cfg(feature = "arena")]

use tafukt_lang::{Lang, Limits};
use tafukt_lesson::goals::{Goal, GoalStatus};
use tafukt_lesson::run_to_end;
use tafukt_world::WorldSpec;

/// A 200 × 100 cm arena with a green floor from x 60 to 100, the robot at (20, 50) facing east.
fn statuses(program: &str) -> (GoalStatus, GoalStatus) {
    let spec: WorldSpec = serde_json::from_str(
        r#"{"arena":{"width":200,"height":100,"robot":{"x":20,"y":50,"heading":0},
            "floor":[{"x":60,"y":0,"w":40,"h":100,"colour":"green"}]}}"#,
    )
    .unwrap();
    let o = run_to_end(program, Lang::En, &spec, 0, Limits::default()).unwrap_or_else(|d| panic!("{d:?}"));
    let area = Goal::InArea { x: 60, y: 0, w: 40, h: 100 };
    let floor = Goal::EndsOn { colour: "green".into() };
    (area.check(&o.world).status, floor.check(&o.world).status)
}

#[test]
fn a_robot_that_stops_on_the_green_meets_both_goals() {
    assert_eq!(statuses("drive 60\n"), (GoalStatus::Met, GoalStatus::Met));
    assert_eq!(statuses("motors 50, 50\nwait 5\nmotors 0, 0\n"), (GoalStatus::Met, GoalStatus::Met));
}

#[test]
fn a_program_that_ends_with_the_motors_on_has_not_stopped_the_robot() {
    assert_eq!(statuses("motors 50, 50\nwait 5\n"), (GoalStatus::NotMet, GoalStatus::NotMet));
}
