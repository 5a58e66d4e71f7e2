//! Goals that compare with the start: `row_copied` (a row the seed filled, copied into
//! another) and `nothing_collected_twice` (the robot never takes back what it put down).
//! A program that remembers the row in a list passes on every seed; one that copies one
//! seed's numbers does not.

use proptest::prelude::*;
use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{check_all, Goal, GoalStatus};
use tafukt_lesson::run_to_end;
use tafukt_world::{World, WorldSpec};

/// Two rows of five: the top row's squares hold 0–3 olives by the seed; the robot starts at
/// the top row's west end facing east, with 15 olives in its bag.
fn shelves() -> WorldSpec {
    let rules: Vec<String> = (0..5)
        .map(|x| format!(r#"{{"item_count":{{"x":{x},"y":0,"kind":"olive","min":0,"max":3}}}}"#))
        .collect();
    serde_json::from_str(&format!(
        r#"{{"grid":{{"width":5,"height":2,"robot":{{"x":0,"y":0,"heading":"east","bag":{{"olive":15}}}},
        "variants":{{"seeds":[1],"rules":[{}]}}}}}}"#,
        rules.join(",")
    ))
    .unwrap()
}

fn run(source: &str, spec: &WorldSpec, seed: u64) -> World {
    let out = run_to_end(source, Lang::En, spec, seed, Limits::default()).unwrap();
    assert_eq!(out.halt, Halt::Finished, "{source}");
    out.world
}

fn report(goal: Goal, world: &World) -> (&'static str, GoalStatus, Vec<String>) {
    let r = check_all(&[goal], world).remove(0);
    (r.key, r.status, r.args.into_iter().map(|(_, v)| v).collect())
}

/// Walk the top row noting each square's count in a list, go down, and walk back west
/// putting down the counts from the last to the first.
const WITH_A_LIST: &str = "counts = []
repeat 5 times
  add item count to counts
  if not wall ahead
    move
  end
end
turn right
move
turn right
for each i in 1 to 5
  repeat item 6 - i of counts times
    put down
  end
  if not wall ahead
    move
  end
end
";

const COPY: Goal = Goal::RowCopied { from_y: 0, to_y: 1 };

#[test]
fn row_copied_names_the_first_column_that_differs_with_both_numbers() {
    let spec = shelves();
    let world = run("", &spec, 1);
    let World::Grid(g) = &world else { panic!("a grid") };
    let first = (0..5).find(|x| g.items.get(&(*x, 0)).is_some_and(|k| k.values().sum::<u32>() > 0)).unwrap();
    let want = g.items.get(&(first, 0)).map_or(0, |k| k.values().sum::<u32>());
    let (key, status, args) = report(COPY, &world);
    assert_eq!((key, status), ("world.row-copied-column", GoalStatus::NotMet));
    assert_eq!(args, ["1", "2", (first + 1).to_string().as_str(), want.to_string().as_str(), "0"]);
    assert_eq!(
        report(COPY, &run(WITH_A_LIST, &spec, 1)),
        ("world.row-copied", GoalStatus::Met, vec!["1".into(), "2".into()])
    );
}

#[test]
fn taking_the_top_rows_olives_down_does_not_copy_it() {
    // Carried down column by column, the bottom row looks like the top one did; but a copy
    // leaves the top row as it was, and here it is empty.
    let spec = shelves();
    let carry = "repeat 5 times
  n = 0
  while on item
    pick up
    n = n + 1
  end
  turn right
  move
  repeat n times
    put down
  end
  turn right
  turn right
  move
  turn right
  if not wall ahead
    move
  end
  turn right
  turn right
  turn right
  turn right
end
";
    for seed in 1..20 {
        let world = run(carry, &spec, seed);
        let World::Grid(g) = run("", &spec, seed) else { panic!("a grid") };
        let emptied = (0..5).find(|x| g.items.get(&(*x, 0)).is_some());
        let (key, status, args) = report(COPY, &world);
        match emptied {
            Some(x) => assert_eq!(
                (key, status, args[2].clone()),
                ("world.row-copied-moved", GoalStatus::NotMet, (x + 1).to_string())
            ),
            // A seed that left the top row empty: nothing to carry, nothing to copy.
            None => assert_eq!(status, GoalStatus::Met),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The list program copies every seed's row; the numbers of one seed, put down by
    /// heart, copy only the seeds whose top row is the same.
    #[test]
    fn remembering_the_row_in_a_list_copies_every_seed(seed in 1u64..10_000, other in 1u64..10_000) {
        let spec = shelves();
        prop_assert_eq!(report(COPY, &run(WITH_A_LIST, &spec, seed)).1, GoalStatus::Met);
        let World::Grid(g) = run("", &spec, other) else { panic!("a grid") };
        let counts: Vec<u32> = (0..5).map(|x| g.items.get(&(x, 0)).map_or(0, |k| k.values().sum())).collect();
        let by_heart: String = "turn right\nmove\nturn left\n".to_string()
            + &counts.iter().map(|n| "put down\n".repeat(*n as usize)).collect::<Vec<_>>().join("move\n");
        let World::Grid(at_seed) = run("", &spec, seed) else { panic!("a grid") };
        let same = (0..5).all(|x| at_seed.items.get(&(x, 0)).map_or(0, |k| k.values().sum::<u32>()) == counts[x as usize]);
        let met = report(COPY, &run(&by_heart, &spec, seed)).1 == GoalStatus::Met;
        prop_assert_eq!(met, same);
    }
}

#[test]
fn picking_up_what_the_robot_put_down_is_collecting_it_twice() {
    let spec: WorldSpec = serde_json::from_str(
        r#"{"grid":{"width":3,"height":1,"robot":{"x":0,"y":0,"heading":"east"},
        "items":[{"x":0,"y":0,"kind":"olive","count":2}]}}"#,
    )
    .unwrap();
    let goal = Goal::NothingCollectedTwice;
    let once = run("pick up\npick up\nmove\nput down\nput down\n", &spec, 1);
    assert_eq!(report(goal.clone(), &once), ("world.nothing-collected-twice", GoalStatus::Met, vec![]));
    let twice = run("pick up\nmove\nput down\npick up\nput down\n", &spec, 1);
    assert_eq!(report(goal.clone(), &twice), ("world.collected-twice", GoalStatus::NotMet, vec![]));
    // Taking the other olive from the start square after putting one down elsewhere is fine;
    // taking from a square where the robot put one down is not, whatever lay there before.
    let fine = run("pick up\nmove\nput down\nturn left\nturn left\nmove\npick up\n", &spec, 1);
    assert_eq!(report(goal.clone(), &fine).1, GoalStatus::Met);
    let back = run("pick up\nput down\npick up\n", &spec, 1);
    assert_eq!(report(goal, &back).1, GoalStatus::NotMet);
}

/// One step of a program walking a row: the guarded actions the property test strings
/// together.
#[derive(Debug, Clone, Copy)]
enum Step {
    PickUp,
    PutDown,
    Move,
    TurnAround,
}

impl Step {
    fn code(self) -> &'static str {
        match self {
            Step::PickUp => "if on item\n  pick up\nend\n",
            Step::PutDown => "if not bag empty\n  put down\nend\n",
            Step::Move => "if not wall ahead\n  move\nend\n",
            Step::TurnAround => "turn left\nturn left\n",
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Model-based: a program of guarded picks, puts, moves and turns along a row meets
    /// `nothing_collected_twice` exactly when, walking the same steps on paper (a pick on a
    /// square where the robot's own things lie takes one of those), no pick takes back one.
    #[test]
    fn collecting_twice_is_taking_back_what_the_robot_put_down(
        start in prop::collection::vec(0u32..3, 5),
        steps in prop::collection::vec(prop_oneof![Just(Step::PickUp), Just(Step::PutDown), Just(Step::Move), Just(Step::TurnAround)], 0..40),
    ) {
        let items: Vec<String> = start.iter().enumerate().filter(|(_, n)| **n > 0)
            .map(|(x, n)| format!(r#"{{"x":{x},"y":0,"kind":"olive","count":{n}}}"#)).collect();
        let spec: WorldSpec = serde_json::from_str(&format!(
            r#"{{"grid":{{"width":5,"height":1,"robot":{{"x":0,"y":0,"heading":"east"}},"items":[{}]}}}}"#,
            items.join(",")
        )).unwrap();
        let source: String = steps.iter().map(|s| s.code()).collect();
        // On paper.
        let (mut x, mut east, mut bag, mut twice) = (0usize, true, 0u32, false);
        let (mut here, mut mine) = (start.clone(), [0u32; 5]);
        for step in &steps {
            match step {
                Step::PickUp if here[x] > 0 => {
                    here[x] -= 1;
                    bag += 1;
                    if mine[x] > 0 {
                        mine[x] -= 1;
                        twice = true;
                    }
                }
                Step::PutDown if bag > 0 => {
                    bag -= 1;
                    here[x] += 1;
                    mine[x] += 1;
                }
                Step::Move if east && x < 4 => x += 1,
                Step::Move if !east && x > 0 => x -= 1,
                Step::TurnAround => east = !east,
                _ => {}
            }
        }
        let world = run(&source, &spec, 1);
        let want = if twice { GoalStatus::NotMet } else { GoalStatus::Met };
        prop_assert_eq!(report(Goal::NothingCollectedTwice, &world).1, want);
    }
}
