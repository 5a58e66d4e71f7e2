//! Switches (full app, `puzzles`): `toggle` flips the switch under the robot and fails with a
//! plain message where there is none; `switch on` and `switch off` read it; the
//! `switches_on` goal counts the switches still off; a seed decides the `maybe` ones; and a
//! program that looks before it toggles turns every switch on, whatever the seed.

use proptest::prelude::*;
use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{check_all, Goal, GoalStatus};
use tafukt_lesson::run_to_end;
use tafukt_world::{World, WorldSpec};

/// A row of `width` squares, the robot at the west end facing east, a switch on each square
/// listed (`maybe`: on or off by the seed).
fn row(width: u32, switches: &[u32], maybe: bool) -> WorldSpec {
    let cells: Vec<String> = switches.iter().map(|x| format!(r#"{{"x":{x},"y":0}}"#)).collect();
    serde_json::from_str(&format!(
        r#"{{"grid":{{"width":{width},"height":1,"robot":{{"x":0,"y":0,"heading":"east"}},
        "variants":{{"seeds":[1],"rules":[{{"switches":{{"cells":[{}],"maybe":{maybe}}}}}]}}}}}}"#,
        cells.join(",")
    ))
    .unwrap()
}

fn run(source: &str, spec: &WorldSpec, seed: u64) -> (World, Halt) {
    let out = run_to_end(source, Lang::En, spec, seed, Limits::default()).unwrap();
    (out.world, out.halt)
}

fn goal(world: &World) -> (&'static str, GoalStatus, Vec<String>) {
    let r = check_all(&[Goal::SwitchesOn], world).remove(0);
    (r.key, r.status, r.args.into_iter().map(|(_, v)| v).collect())
}

#[test]
fn toggle_flips_the_switch_under_the_robot_and_the_goal_counts_those_still_off() {
    let spec = row(4, &[1, 3], false);
    let (world, halt) = run("say switch off\n", &spec, 1);
    assert_eq!(halt, Halt::Finished);
    assert_eq!(world.said(), ["false"], "no switch under the robot: neither on nor off");
    assert_eq!(goal(&world), ("world.switches-on-left", GoalStatus::NotMet, vec!["2".into()]));

    let (world, _) = run("move\nsay switch off\ntoggle\nsay switch on\n", &spec, 1);
    assert_eq!(world.said(), ["true", "true"]);
    assert_eq!(goal(&world), ("world.switches-on-left", GoalStatus::NotMet, vec!["1".into()]));

    let (world, _) = run("move\ntoggle\nmove\nmove\ntoggle\n", &spec, 1);
    assert_eq!(goal(&world), ("world.switches-on", GoalStatus::Met, vec![]));

    // Twice is back to off.
    let (world, _) = run("move\ntoggle\ntoggle\nmove\nmove\ntoggle\n", &spec, 1);
    assert_eq!(goal(&world).1, GoalStatus::NotMet);
}

#[test]
fn toggle_where_there_is_no_switch_stops_with_a_plain_message() {
    let (_, halt) = run("toggle\n", &row(3, &[2], false), 1);
    match halt {
        Halt::Faulted(d) => assert_eq!(d.code.key(), "world.no-switch"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_program_that_toggles_and_toggles_back_forever_is_stopped() {
    // The whole state comes back every two toggles: stopped at once, not at the step limit.
    let (world, halt) = run("while true\n  toggle\nend\n", &row(2, &[0], false), 1);
    assert!(matches!(halt, Halt::Faulted(_)), "{halt:?}");
    assert!(matches!(world, World::Grid(g) if g.actions < 10), "stopped early");
}

proptest! {
    /// Any row of switches, each on or off by any seed: walking the row and toggling only
    /// the switches that are off meets the goal; toggling every switch meets it only when all
    /// started off.
    #[test]
    fn looking_before_toggling_turns_every_switch_on(
        width in 2u32..12,
        places in prop::collection::btree_set(0u32..12, 1..6),
        seed in any::<u64>(),
    ) {
        let places: Vec<u32> = places.into_iter().filter(|x| *x < width).collect();
        prop_assume!(!places.is_empty());
        let spec = row(width, &places, true);
        let look = "repeat W times\n  if switch off\n    toggle\n  end\n  if not wall ahead\n    move\n  end\nend\n"
            .replace('W', &width.to_string());
        let (world, halt) = run(&look, &spec, seed);
        prop_assert_eq!(halt, Halt::Finished);
        prop_assert_eq!(goal(&world).1, GoalStatus::Met);

        let World::Grid(start) = World::from_spec(&spec, seed) else { unreachable!() };
        let all_off = start.puzzle.switches.iter().all(|(_, on)| !on);
        let blind = "repeat W times\n  if switch off or switch on\n    toggle\n  end\n  if not wall ahead\n    move\n  end\nend\n"
            .replace('W', &width.to_string());
        let (world, _) = run(&blind, &spec, seed);
        prop_assert_eq!(goal(&world).1 == GoalStatus::Met, all_off);
    }
}

#[test]
fn a_hostile_world_of_ten_thousand_switches_and_portal_ends_builds_at_once_and_runs() {
    // Far more places than squares, most outside the grid: clamped, one element per square.
    let cells: Vec<String> = (0..10_000).map(|i| format!(r#"{{"x":{},"y":{}}}"#, i % 97, i / 97)).collect();
    let cells = cells.join(",");
    let spec: WorldSpec = serde_json::from_str(&format!(
        r#"{{"grid":{{"width":16,"height":16,"robot":{{"x":0,"y":0,"heading":"east"}},
        "variants":{{"seeds":[1],"rules":[{{"portal":{{"a":[{cells}],"b":[{cells}]}}}},
        {{"switches":{{"cells":[{cells}],"maybe":true}}}}]}}}}}}"#
    ))
    .unwrap();
    let World::Grid(g) = World::from_spec(&spec, 7) else { unreachable!() };
    assert!(g.puzzle.switches.iter().count() <= 256);
    let (world, halt) = run("repeat 15 times\n  if switch off\n    toggle\n  end\n  move\nend\n", &spec, 7);
    assert!(matches!(halt, Halt::Finished | Halt::Faulted(_)), "{halt:?}");
    assert!(matches!(world, World::Grid(_)));
}
