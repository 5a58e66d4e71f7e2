//! Goals that follow the seed for carrying: `bag_empty` (everything picked up is put down
//! again, with how many things are still carried) and `items_at_flag` (the items lie on the
//! flag's square, wherever the seed put the flag). A program that looks for the flag passes
//! on every seed; one that counts the squares of one seed's world does not.

use proptest::prelude::*;
use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{check_all, Goal, GoalStatus};
use tafukt_lesson::run_to_end;
use tafukt_world::{World, WorldSpec};

/// A row of `width` squares: the robot at the west end facing east on `olives` olives, the
/// flag on one of `flags` (by the seed).
fn row(width: u32, olives: u32, flags: &[u32]) -> WorldSpec {
    let cells: Vec<String> = flags.iter().map(|x| format!(r#"{{"x":{x},"y":0}}"#)).collect();
    serde_json::from_str(&format!(
        r#"{{"grid":{{"width":{width},"height":1,"robot":{{"x":0,"y":0,"heading":"east"}},
        "items":[{{"x":0,"y":0,"kind":"olive","count":{olives}}}],
        "variants":{{"seeds":[1],"rules":[{{"flag_at":{{"cells":[{}]}}}}]}}}}}}"#,
        cells.join(",")
    ))
    .unwrap()
}

fn run(source: &str, spec: &WorldSpec, seed: u64) -> World {
    let out = run_to_end(source, Lang::En, spec, seed, Limits::default()).unwrap();
    assert_eq!(out.halt, Halt::Finished);
    out.world
}

fn report(goal: Goal, world: &World) -> (&'static str, GoalStatus, Vec<String>) {
    let r = check_all(&[goal], world).remove(0);
    (r.key, r.status, r.args.into_iter().map(|(_, v)| v).collect())
}

#[test]
fn bag_empty_says_how_many_things_are_still_carried() {
    let spec = row(4, 3, &[3]);
    let world = run("pick up\npick up\n", &spec, 1);
    assert_eq!(report(Goal::BagEmpty, &world), ("world.bag-left", GoalStatus::NotMet, vec!["2".into()]));
    let world = run("pick up\npick up\nmove\nput down\nput down\n", &spec, 1);
    assert_eq!(report(Goal::BagEmpty, &world), ("world.bag-emptied", GoalStatus::Met, vec![]));
    // Nothing picked up is an empty bag too: the goal goes with another that needs carrying.
    assert_eq!(report(Goal::BagEmpty, &run("", &spec, 1)).1, GoalStatus::Met);
}

#[test]
fn items_at_flag_looks_on_the_flags_square_only() {
    let spec = row(5, 2, &[3]);
    let goal = Goal::ItemsAtFlag { count: 2 };
    let world = run("pick up\npick up\nmove\nmove\nput down\nput down\n", &spec, 1);
    assert_eq!(report(goal.clone(), &world), ("world.items-at-flag", GoalStatus::NotMet, vec!["2".into()]));
    let world = run("pick up\npick up\nmove\nmove\nmove\nput down\nput down\n", &spec, 1);
    assert_eq!(report(goal, &world).1, GoalStatus::Met);
    // A world without a flag never meets it.
    let flagless: WorldSpec =
        serde_json::from_str(r#"{"grid":{"width":2,"height":1,"robot":{"x":0,"y":0,"heading":"east"}}}"#)
            .unwrap();
    assert_eq!(report(Goal::ItemsAtFlag { count: 0 }, &run("", &flagless, 1)).1, GoalStatus::NotMet);
}

proptest! {
    /// The flag anywhere in a row, any seed: carrying the olives until `at goal` meets both
    /// goals; carrying them as far as one seed's flag meets them only where the flag is there.
    #[test]
    fn carrying_to_the_flag_follows_the_seed(
        width in 3u32..12,
        olives in 1u32..4,
        flags in prop::collection::btree_set(1u32..12, 1..5),
        seed in any::<u64>(),
    ) {
        let flags: Vec<u32> = flags.into_iter().filter(|x| *x < width).collect();
        prop_assume!(!flags.is_empty());
        let spec = row(width, olives, &flags);
        let goals = [Goal::ItemsAtFlag { count: olives }, Goal::BagEmpty];
        let carry = format!("repeat {olives} times\n  pick up\nend\nwhile not at goal\n  move\nend\nrepeat {olives} times\n  put down\nend\n");
        let world = run(&carry, &spec, seed);
        prop_assert!(check_all(&goals, &world).iter().all(|r| r.status == GoalStatus::Met));

        let by_heart = format!("repeat {olives} times\n  pick up\nend\nrepeat {} times\n  move\nend\nrepeat {olives} times\n  put down\nend\n", flags[0]);
        let World::Grid(start) = World::from_spec(&spec, seed) else { unreachable!() };
        let world = run(&by_heart, &spec, seed);
        let met = check_all(&goals, &world).iter().all(|r| r.status == GoalStatus::Met);
        prop_assert_eq!(met, start.flags.contains(&(flags[0], 0)));
    }
}
