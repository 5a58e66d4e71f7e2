//! The AI lessons that learn to drive and the rule written by hand, as a pupil meets them:
//! the reference solution passes on every seed, a program learnt by heart from one seed
//! fails on the others, the models' settings change what the robot learns (one pass of the
//! perceptron, one question of the tree are not enough), and the rule's answers are judged
//! beside the learned model's on the same items.
#![cfg(feature = "ai")]

use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::ai_goals::compare;
use tafukt_lesson::ai_road::{way_on, LEFT, RIGHT};
use tafukt_lesson::goals::{all_met, check_all};
use tafukt_lesson::model::{parse_lesson, Lesson};
use tafukt_lesson::run_to_end;
use tafukt_lesson::runner::{seeds, world_from};
use tafukt_world::{GridWorld, World};

fn lesson(id: &str) -> Lesson {
    let file = format!("{}/../../lessons/{id}.json", env!("CARGO_MANIFEST_DIR"));
    parse_lesson(&file, &std::fs::read_to_string(&file).unwrap()).unwrap()
}

fn grid(w: World) -> GridWorld {
    match w {
        World::Grid(g) => g,
        #[allow(unreachable_patterns)]
        _ => panic!("a grid"),
    }
}

/// Whether `src` passes the lesson on `seed`, and the world it ends in.
fn passes(l: &Lesson, src: &str, seed: u64) -> (bool, GridWorld, Halt) {
    let o = run_to_end(src, Lang::En, &l.world, seed, Limits::default()).unwrap_or_else(|d| panic!("{d:?}"));
    let met = all_met(&check_all(&l.goals, &o.world)) && !matches!(o.halt, Halt::Faulted(_));
    (met, grid(o.world), o.halt)
}

/// The moves that drive seed `seed`'s road from where the marked tiles end, written out:
/// what a pupil who learnt one road by heart would type.
fn by_heart(l: &Lesson, seed: u64, marked: usize) -> String {
    let mut w = grid(world_from(&l.world, seed));
    let mut out = String::new();
    for _ in 0..marked {
        step_by_truth(&mut w, &mut String::new());
    }
    while way_on(&w).is_some() {
        step_by_truth(&mut w, &mut out);
    }
    out
}

fn step_by_truth(w: &mut GridWorld, out: &mut String) {
    match way_on(w) {
        Some(LEFT) => {
            w.turn_left();
            out.push_str("turn left\n");
        }
        Some(RIGHT) => {
            w.turn_right();
            out.push_str("turn right\n");
        }
        _ => {}
    }
    w.step().unwrap();
    out.push_str("move\n");
}

#[test]
fn the_road_is_driven_by_prediction_on_every_seed_and_a_road_learnt_by_heart_fails_elsewhere() {
    for id in ["ai-data-12", "ai-data-13"] {
        let l = lesson(id);
        let all = seeds(&l.world);
        assert!(all.len() >= 5, "{id}: enough roads to tell learning from memory");
        for &seed in &all {
            let (ok, w, halt) = passes(&l, &l.solution, seed);
            assert!(ok, "{id} seed {seed}: {halt:?}");
            assert!(w.at_flag());
            assert_eq!(w.ai.recorded.len(), 12);
            let (ok, _, _) = passes(&l, &l.starter, seed);
            assert!(!ok, "{id} seed {seed}: the starter does not drive");
        }
        // The starter's recording, then seed 1's road typed out move by move.
        let memorised = format!("{}{}", l.starter, by_heart(&l, all[0], 12));
        assert!(passes(&l, &memorised, all[0]).0, "{id}: the typed-out road is right for its own seed");
        let fails = all[1..].iter().filter(|&&s| !passes(&l, &memorised, s).0).count();
        assert_eq!(fails, all.len() - 1, "{id}: every other seed has another road");
    }
}

#[test]
fn one_pass_of_the_perceptron_or_one_question_of_the_tree_is_not_enough() {
    for (id, weak, strong) in
        [("ai-data-12", "epochs 1", "epochs 20"), ("ai-data-13", "tree depth 1", "tree depth 2")]
    {
        let l = lesson(id);
        assert!(l.solution.starts_with(strong) && l.starter.starts_with(weak), "{id}");
        let weak_solution = l.solution.replacen(strong, weak, 1);
        let failed = seeds(&l.world).iter().filter(|&&s| !passes(&l, &weak_solution, s).0).count();
        assert_eq!(failed, seeds(&l.world).len(), "{id}: {weak} fails on {failed} seeds only");
    }
}

#[test]
fn leaving_the_road_is_a_fault_and_wrong_labels_break_the_recorded_goal() {
    let l = lesson("ai-data-12");
    // Straight on from the start: the road bends somewhere, and the robot leaves it there.
    let o = run_to_end("repeat 40 times\n  move\nend\n", Lang::En, &l.world, 1, Limits::default()).unwrap();
    match &o.halt {
        Halt::Faulted(d) => assert_eq!(d.code.key(), "world.off-road"),
        other => panic!("{other:?}"),
    }
    // Every tile labelled "straight": one label for three ways on.
    let lazy = l
        .starter
        .replace("record \"left\"", "record \"straight\"")
        .replace("record \"right\"", "record \"straight\"");
    let (_, w, _) = passes(&l, &lazy, 1);
    let recorded = &check_all(&l.goals, &World::Grid(w))[0];
    assert_eq!(recorded.key, "ai.goal.recorded");
    assert_eq!(recorded.status, tafukt_lesson::GoalStatus::NotMet);
}

#[test]
fn the_hand_rule_is_judged_beside_the_learned_model_on_the_same_items() {
    let l = lesson("ai-data-14");
    let all = seeds(&l.world);
    for &seed in &all {
        let (ok, w, halt) = passes(&l, &l.solution, seed);
        assert!(ok, "seed {seed}: {halt:?}");
        let c = compare(&w);
        assert_eq!(c.total, 8);
        assert!(c.rule_right >= 7, "seed {seed}: {c:?}");
        assert!(c.model_right >= 5, "seed {seed}: the learned model does well too: {c:?}");
        let (ok, w, _) = passes(&l, &l.starter, seed);
        assert!(!ok && compare(&w).rule_right < 7, "seed {seed}: the starter's 30 g calls stones olives");
    }
    // The answers of seed 1, learnt by heart, and answers that just alternate.
    let (_, w, _) = passes(&l, &l.solution, all[0]);
    let heart: String = w.ai.answers.iter().map(|a| format!("answer \"{}\"\nmove\n", a.kind)).collect();
    let alternate = "repeat 4 times\n  answer \"olive\"\n  move\n  answer \"stone\"\n  move\nend\n";
    let walk = l.solution.split("repeat 8 times\n  if item weight").next().unwrap().to_string();
    for guess in [heart, alternate.to_string()] {
        let src = format!("{walk}{guess}");
        let fails = all.iter().filter(|&&s| !passes(&l, &src, s).0).count();
        assert!(fails >= 2, "answers learnt by heart fail on other seeds: {fails}\n{src}");
    }
}

#[test]
fn the_settings_reach_the_learner_and_need_a_number() {
    let l = lesson("ai-data-14");
    let o = run_to_end(
        "neighbours 5\ntree depth 4\nepochs 7\nlearning rate 0.5\nexplore 30\n",
        Lang::En,
        &l.world,
        1,
        Limits::default(),
    )
    .unwrap();
    let w = grid(o.world);
    let s = &w.ai.learner;
    assert_eq!((s.k, s.depth, s.epochs, s.learning_rate, s.explore_percent), (5, 4, 7, Some(0.5), 30));
    let o = run_to_end("neighbours 500\nexplore -3\n", Lang::En, &l.world, 1, Limits::default()).unwrap();
    let w = grid(o.world);
    assert_eq!((w.ai.learner.k, w.ai.learner.explore_percent), (25, 0), "kept within what the model can use");
    let o = run_to_end("tree depth \"deep\"\n", Lang::En, &l.world, 1, Limits::default()).unwrap();
    match &o.halt {
        Halt::Faulted(d) => assert_eq!(d.code.key(), "world.setting-needs-a-number"),
        other => panic!("{other:?}"),
    }
    // In Arabic too, as a block would print it.
    let o = run_to_end("عمق الشجرة 3\n", Lang::Ar, &l.world, 1, Limits::default()).unwrap();
    assert_eq!(grid(o.world).ai.learner.depth, 3);
}
