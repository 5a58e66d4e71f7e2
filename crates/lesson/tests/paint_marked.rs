//! The `paint_marked` goal: met exactly when the painted tiles are the marked ones, each in
//! its mark's colour; its report names what is wrong first; and the painting lessons that use
//! it refuse a painting of the right count on the wrong tiles (which `tiles_painted` let pass).

use proptest::prelude::*;
use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{all_met, check_all, Goal, GoalReport, GoalStatus};
use tafukt_lesson::model::{parse_lesson, Lesson};
use tafukt_lesson::run_to_end;
use tafukt_lesson::runner::seeds;
use tafukt_world::{GridSpec, GridWorld, World};

fn world(marks: &str) -> GridWorld {
    let spec: GridSpec = serde_json::from_str(&format!(
        r#"{{"width":4,"height":3,"robot":{{"x":0,"y":0,"heading":"east"}},"marks":[{marks}]}}"#
    ))
    .unwrap();
    assert!(spec.problems().is_empty(), "{:?}", spec.problems());
    GridWorld::from_spec(&spec)
}

fn check(w: &GridWorld) -> GoalReport {
    Goal::PaintMarked.check(&World::Grid(w.clone()))
}

fn args(r: &GoalReport) -> Vec<(&str, &str)> {
    r.args.iter().map(|(n, v)| (*n, v.as_str())).collect()
}

#[test]
fn the_report_names_what_is_wrong_first() {
    let mut w = world(r#"{"x":1,"y":0,"colour":"green"},{"x":2,"y":1,"colour":"red"}"#);
    let r = check(&w);
    assert_eq!((r.key, r.status), ("world.paint-marked-left", GoalStatus::NotMet));
    assert_eq!(args(&r), [("count", "2")]);

    w.paint.insert((1, 0), "green".into());
    assert_eq!(args(&check(&w)), [("count", "1")]);

    // A marked tile of another colour is named by column and row, counted from 1.
    w.paint.insert((2, 1), "blue".into());
    let r = check(&w);
    assert_eq!(r.key, "world.paint-marked-wrong");
    assert_eq!(args(&r), [("column", "3"), ("row", "2"), ("colour", "red")]);

    // A tile painted that is not marked comes first, the first in reading order.
    w.paint.insert((3, 2), "green".into());
    w.paint.insert((0, 1), "green".into());
    let r = check(&w);
    assert_eq!(r.key, "world.paint-marked-extra");
    assert_eq!(args(&r), [("column", "1"), ("row", "2")], "row 2 comes before row 3");

    w.paint.remove(&(3, 2));
    w.paint.remove(&(0, 1));
    w.paint.insert((2, 1), "red".into());
    let r = check(&w);
    assert_eq!((r.key, r.status, r.args.len()), ("world.paint-marked", GoalStatus::Met, 0));
}

#[test]
fn no_marks_means_paint_nothing() {
    let mut w = world("");
    assert_eq!(check(&w).status, GoalStatus::Met);
    w.paint("yellow").unwrap();
    assert_eq!(check(&w).key, "world.paint-marked-extra");
}

const COLOURS: [&str; 3] = ["red", "green", "blue"];

/// A colour (or none) for each of the 12 cells of a 4×3 grid.
fn layer() -> impl Strategy<Value = Vec<Option<usize>>> {
    prop::collection::vec(prop::option::of(0..COLOURS.len()), 12)
}

proptest! {
    #[test]
    fn met_exactly_when_the_painting_is_the_marking(marks in layer(), paint in layer(), copy in any::<bool>()) {
        // Half the cases paint exactly the marks, so both answers are well explored.
        let paint = if copy { marks.clone() } else { paint };
        let cell = |i: usize| ((i % 4) as u32, (i / 4) as u32);
        let listed: Vec<String> = marks
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| {
                let (x, y) = cell(i);
                format!(r#"{{"x":{x},"y":{y},"colour":"{}"}}"#, COLOURS[c])
            }))
            .collect();
        let mut w = world(&listed.join(","));
        for (i, c) in paint.iter().enumerate() {
            if let Some(c) = c {
                w.paint.insert(cell(i), COLOURS[*c].to_string());
            }
        }
        let r = check(&w);
        prop_assert_eq!(r.status == GoalStatus::Met, paint == marks);
        let extra = (0..12).any(|i| paint[i].is_some() && marks[i].is_none());
        let wrong = (0..12).any(|i| paint[i].is_some() && marks[i].is_some() && paint[i] != marks[i]);
        let left = (0..12).filter(|i| paint[*i].is_none() && marks[*i].is_some()).count();
        let key = if extra {
            "world.paint-marked-extra"
        } else if wrong {
            "world.paint-marked-wrong"
        } else if left > 0 {
            "world.paint-marked-left"
        } else {
            "world.paint-marked"
        };
        prop_assert_eq!(r.key, key);
        if key == "world.paint-marked-left" {
            let left = left.to_string();
            prop_assert_eq!(args(&r), [("count", left.as_str())]);
        }
    }
}

fn lesson(id: &str) -> Lesson {
    let file = format!("{}/../../lessons/{id}.json", env!("CARGO_MANIFEST_DIR"));
    parse_lesson(&file, &std::fs::read_to_string(&file).unwrap()).unwrap()
}

/// The goal reports after `src` ran on `seed`, and whether the run ended without a fault.
fn run(l: &Lesson, src: &str, seed: u64) -> (Vec<GoalReport>, World, bool) {
    let o = run_to_end(src, Lang::En, &l.world, seed, Limits::default()).unwrap_or_else(|d| panic!("{d:?}"));
    (check_all(&l.goals, &o.world), o.world, !matches!(o.halt, Halt::Faulted(_)))
}

/// Each painting lesson, its solution, and a program that paints as many tiles of the right
/// colour on the wrong squares and still ends where the lesson asks.
const LESSONS: [(&str, &str, &str, &str); 3] = [
    (
        "first-steps-3",
        "green",
        "paint green\nrepeat 3 times\n  move\n  paint green\nend\nmove\n",
        "world.paint-marked-extra",
    ),
    (
        "loops-5",
        "yellow",
        "repeat 3 times\n  move\n  paint yellow\n  move\nend\n",
        "world.paint-marked-extra",
    ),
    (
        "conditions-5",
        "green",
        "paint green\nmove\npaint green\nmove\nmove\nmove\npaint green\nmove\nmove\n",
        "world.paint-marked-extra",
    ),
];

#[test]
fn the_painting_lessons_pass_their_solution_and_refuse_the_wrong_tiles() {
    for (id, colour, wrong, why) in LESSONS {
        let l = lesson(id);
        assert!(l.goals.contains(&Goal::PaintMarked), "{id} uses paint_marked");
        assert!(
            !l.goals.iter().any(|g| matches!(g, Goal::TilesPainted { .. })),
            "{id}: no counting goal left"
        );
        for seed in seeds(&l.world) {
            let (reports, _, clean) = run(&l, &l.solution, seed);
            assert!(clean && all_met(&reports), "{id} seed {seed}: {reports:?}");
            let (reports, end, clean) = run(&l, wrong, seed);
            assert!(clean, "{id}: the wrong painting runs to its end");
            let paint = |w: &World| w.grid().unwrap().paint.values().filter(|c| *c == colour).count();
            let (_, right, _) = run(&l, &l.solution, seed);
            assert_eq!(paint(&end), paint(&right), "{id}: as many {colour} tiles as the solution");
            let failed: Vec<&str> =
                reports.iter().filter(|r| r.status == GoalStatus::NotMet).map(|r| r.key).collect();
            assert_eq!(failed, [why], "{id} seed {seed}: only the painting is refused");
        }
    }
}

#[test]
fn conditions_5_refuses_a_yellow_tile_painted_green() {
    let l = lesson("conditions-5");
    // "Not green" instead of "white": the same number of tiles change, the yellow one too.
    let (reports, _, _) =
        run(&l, "repeat 6 times\n  move\n  if not (tile colour = green)\n    paint green\n  end\nend\n", 0);
    let r = reports.iter().find(|r| r.status == GoalStatus::NotMet).expect("a goal fails");
    assert_eq!(r.key, "world.paint-marked-wrong");
    assert_eq!(args(r), [("column", "4"), ("row", "1"), ("colour", "yellow")]);
    let (reports, _, _) = run(&l, &l.starter, 0);
    assert!(!all_met(&reports), "the starter paints every tile and fails");
}
