//! The AI built-ins, sensors and goals through the runner, as a lesson uses them: items with
//! readings, recording and predicting with each model, forgetting, practising in a maze
//! (deterministic for a seed, counted as fuel), the best move, and each AI goal.
#![cfg(feature = "ai")]

use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{check_all, Goal, GoalStatus};
use tafukt_lesson::run_to_end;
use tafukt_world::{World, WorldSpec};

/// Three measured items in a row (olive, stone, olive) east of the robot, and a learner.
fn row(model: &str) -> WorldSpec {
    let json = format!(
        r#"{{"grid":{{"width":5,"height":2,"robot":{{"x":0,"y":0,"heading":"east"}},
        "variants":{{"seeds":[7],"rules":[
          {{"measured_item":{{"x":1,"y":0,"kind":"olive","size":20,"darkness":8,"weight":5}}}},
          {{"measured_item":{{"x":2,"y":0,"kind":"stone","size":40,"darkness":3,"weight":42}}}},
          {{"measured_item":{{"x":3,"y":0,"kind":"olive","size":22,"darkness":7,"weight":5.5}}}},
          {{"measured_item":{{"x":4,"y":0,"kind":"stone","size":38,"darkness":2,"weight":39}}}},
          {{"learner":{{"model":"{model}","k":1}}}}]}}}}}}"#
    );
    serde_json::from_str(&json).unwrap()
}

fn run(src: &str, lang: Lang, spec: &WorldSpec, seed: u64) -> (World, Halt) {
    let o = run_to_end(src, lang, spec, seed, Limits::default()).unwrap_or_else(|d| panic!("{d:?}"));
    (o.world, o.halt)
}

fn grid(w: &World) -> &tafukt_world::GridWorld {
    match w {
        World::Grid(g) => g,
        #[allow(unreachable_patterns)]
        _ => panic!("a grid"),
    }
}

fn fault_key(h: &Halt) -> Option<String> {
    match h {
        Halt::Faulted(d) => Some(d.code.key()),
        _ => None,
    }
}

#[test]
fn the_sensors_read_the_item_under_the_robot_and_fault_where_there_is_none() {
    let (w, halt) =
        run("move\nsay item size\nsay item darkness\nsay item weight\n", Lang::En, &row("knn"), 7);
    assert_eq!(w.said(), ["20", "8", "5"], "{halt:?}");
    let (_, halt) = run("say item size\n", Lang::En, &row("knn"), 7);
    assert_eq!(fault_key(&halt).as_deref(), Some("world.nothing-to-measure"));
}

#[test]
fn recorded_examples_predict_new_items_with_every_model_and_forget_clears_them() {
    let src = "move\nrecord \"olive\"\nmove\nrecord \"stone\"\nmove\nsay prediction\nmove\nsay prediction\n";
    for model in ["knn", "perceptron", "tree"] {
        let (w, halt) = run(src, Lang::En, &row(model), 7);
        assert_eq!(w.said(), ["olive", "stone"], "{model}: {halt:?}");
        assert_eq!(grid(&w).ai.recorded.len(), 2);
    }
    let (w, halt) = run("move\nrecord \"olive\"\nforget\nsay prediction\n", Lang::En, &row("knn"), 7);
    assert_eq!(fault_key(&halt).as_deref(), Some("world.nothing-recorded"));
    assert!(grid(&w).ai.recorded.is_empty());
    let (_, halt) = run("move\nrecord \"\"\n", Lang::En, &row("knn"), 7);
    assert_eq!(fault_key(&halt).as_deref(), Some("world.empty-label"));
}

#[test]
fn labels_are_the_pupils_own_words_in_any_language() {
    let src = "تقدم\nسجّل \"زيتونة\"\nتقدم\nسجّل \"حجر\"\nتقدم\nقل التنبؤ\n";
    let (w, halt) = run(src, Lang::Ar, &row("knn"), 7);
    assert_eq!(w.said(), ["زيتونة"], "{halt:?}");
    let recorded = Goal::Recorded { count: 2 };
    assert_eq!(check_all(&[recorded], &w)[0].status, GoalStatus::Met);
}

#[test]
fn the_recorded_goal_wants_enough_examples_and_one_label_per_kind() {
    let goal = [Goal::Recorded { count: 2 }];
    let cases = [
        ("move\nrecord \"a\"\nmove\nrecord \"b\"\n", true),
        ("move\nrecord \"a\"\n", false),
        ("move\nrecord \"a\"\nmove\nrecord \"a\"\n", false),
        ("move\nrecord \"a\"\nmove\nrecord \"b\"\nmove\nrecord \"b\"\n", false),
    ];
    for (src, met) in cases {
        let (w, _) = run(src, Lang::En, &row("knn"), 7);
        assert_eq!(check_all(&goal, &w)[0].status == GoalStatus::Met, met, "{src}");
    }
}

#[test]
fn picked_items_carry_their_readings_and_the_sorted_goal_checks_every_bin() {
    use tafukt_lesson::ai_goals::Bin;
    let bins = vec![
        Bin { kind: "olive".into(), x: 0, y: 1, w: 5, h: 1 },
        Bin { kind: "stone".into(), x: 4, y: 0, w: 1, h: 1 },
    ];
    let goal = [Goal::Sorted { bins }];
    // Olives go down one square, stones stay at the end of the row.
    let src = "move\npick up\nturn right\nmove\nput down\nsay item size\nturn left\nturn left\nmove\nturn right\n\
               move\npick up\nmove\nmove\nput down\nturn left\nturn left\nmove\npick up\nturn left\nmove\nput down\n";
    let (w, halt) = run(src, Lang::En, &row("knn"), 7);
    assert_eq!(w.said(), ["20"], "the olive kept its size: {halt:?}");
    assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::Met, "{}", w.summary());
    let (w, _) = run("move\npick up\n", Lang::En, &row("knn"), 7);
    assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::NotMet, "items left in the row and the bag");
}

/// A seeded orchard: 20 labelled items on painted tiles (olives green, stones yellow).
fn orchard(dataset: &str) -> WorldSpec {
    let cells: Vec<String> = (1..=20).map(|x| format!(r#"{{"x":{x},"y":0}}"#)).collect();
    let json = format!(
        r#"{{"grid":{{"width":21,"height":1,"robot":{{"x":0,"y":0,"heading":"east"}},
        "variants":{{"seeds":[1,2,3],"rules":[
          {{"samples":{{"dataset":"{dataset}","cells":[{}],"paint":{{"olive":"green","stone":"yellow"}}}}}},
          {{"learner":{{"model":"knn","k":1}}}}]}}}}}}"#,
        cells.join(",")
    );
    serde_json::from_str(&json).unwrap()
}

#[test]
fn seeded_samples_differ_by_seed_and_accuracy_grows_with_the_data() {
    let record_all = "repeat 20 times\n  move\n  if tile colour = green\n    record \"o\"\n  else\n    record \"s\"\n  end\nend\n";
    let record_two = "repeat 2 times\n  move\n  if tile colour = green\n    record \"o\"\n  else\n    record \"s\"\n  end\nend\n";
    let spec = orchard("olives_and_stones");
    let accuracy = |src: &str, seed: u64| {
        let (w, _) = run(src, Lang::En, &spec, seed);
        tafukt_lesson::ai_goals::held_out_score(grid(&w), "olives_and_stones", 100).0
    };
    let (a, b) = (run(record_all, Lang::En, &spec, 1).0, run(record_all, Lang::En, &spec, 2).0);
    assert_ne!(grid(&a).ai.recorded, grid(&b).ai.recorded, "each seed its own orchard");
    assert_eq!(grid(&a).ai.recorded, grid(&run(record_all, Lang::En, &spec, 1).0).ai.recorded);
    for seed in [1, 3, 5] {
        let (all, two) = (accuracy(record_all, seed), accuracy(record_two, seed));
        assert!(all >= 90 && two < 80, "seed {seed}: 20 examples give {all}%, 2 give {two}%");
        let goal = [Goal::Accuracy { dataset: "olives_and_stones".into(), count: 100, percent: 90 }];
        let (w, _) = run(record_all, Lang::En, &spec, seed);
        assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::Met);
    }
    let (w, _) = run("move\n", Lang::En, &spec, 1);
    let goal = [Goal::Accuracy { dataset: "olives_and_stones".into(), count: 100, percent: 10 }];
    assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::NotMet, "nothing recorded, nothing right");
}

/// A 4×4 maze with a wall to go around; the flag in the far corner.
fn maze(rewards: &str) -> WorldSpec {
    let json = format!(
        r#"{{"grid":{{"width":4,"height":4,"robot":{{"x":0,"y":0,"heading":"east"}},
        "walls":[{{"x":0,"y":0,"side":"south"}},{{"x":1,"y":0,"side":"south"}},{{"x":2,"y":0,"side":"south"}},
                 {{"x":1,"y":2,"side":"east"}},{{"x":1,"y":3,"side":"east"}}],
        "items":[{{"x":0,"y":1,"kind":"olive"}}],
        "flags":[{{"x":3,"y":3}}],
        "variants":{{"seeds":[5],"rules":[{{"learner":{{"model":"q_learning","rewards":{rewards}}}}}]}}}}}}"#
    );
    serde_json::from_str(&json).unwrap()
}

const GOOD: &str = r#"{"step":-1,"bump":-1,"flag":10}"#;

#[test]
fn practice_is_the_same_for_a_seed_and_the_best_moves_reach_the_flag() {
    let src = "practise 300\nwhile not at flag\n  best move\nend\n";
    let spec = maze(GOOD);
    let (a, halt) = run(src, Lang::En, &spec, 5);
    assert!(matches!(halt, Halt::Finished), "{halt:?}");
    let (b, _) = run(src, Lang::En, &spec, 5);
    assert_eq!(grid(&a).ai.q, grid(&b).ai.q, "deterministic for the seed");
    assert_eq!(grid(&a).ai.episode_rewards.len(), 300);
    let (c, _) = run(src, Lang::En, &spec, 6);
    assert_ne!(grid(&a).ai.q, grid(&c).ai.q, "another seed explores otherwise");
    assert!(grid(&a).at_flag());
    let goals = [Goal::PolicyReaches { steps: 7 }, Goal::AtFlag];
    assert!(check_all(&goals, &a).iter().all(|r| r.status == GoalStatus::Met));
    let (before, halt) = run("best move\n", Lang::En, &spec, 5);
    assert_eq!(fault_key(&halt).as_deref(), Some("world.not-practised"));
    assert_eq!(check_all(&goals[..1], &before)[0].status, GoalStatus::NotMet);
}

#[test]
fn the_learning_rate_sets_how_far_one_practice_move_changes_what_the_robot_learnt() {
    let spec = maze(GOOD);
    let reaches = [Goal::PolicyReaches { steps: 7 }];
    let (slow, _) = run("learning rate 0.1\npractise 10\n", Lang::En, &spec, 5);
    let (fast, _) = run("learning rate 1\npractise 10\n", Lang::En, &spec, 5);
    assert_eq!(
        check_all(&reaches, &slow)[0].status,
        GoalStatus::NotMet,
        "small steps: 10 runs are not enough"
    );
    assert_eq!(check_all(&reaches, &fast)[0].status, GoalStatus::Met, "big steps: the same 10 runs are");
    // Above 1 a value would overshoot what it learns from: 5 acts as 1.
    let (over, _) = run("learning rate 5\npractise 10\n", Lang::En, &spec, 5);
    assert_eq!(grid(&over).ai.q, grid(&fast).ai.q);
    // Without a setting, Q-learning's own default (0.5), not the perceptron's (1).
    let (default, _) = run("practise 20\n", Lang::En, &spec, 5);
    let (half, _) = run("learning rate 0.5\npractise 20\n", Lang::En, &spec, 5);
    assert_eq!(grid(&default).ai.q, grid(&half).ai.q);
    assert_ne!(grid(&default).ai.q, grid(&fast).ai.q);
}

#[test]
fn practised_at_most_counts_every_practice_run_of_the_program() {
    let goal = [Goal::PractisedAtMost { episodes: 20 }];
    let (w, _) = run("practise 20\n", Lang::En, &maze(GOOD), 5);
    assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::Met);
    let (w, _) = run("practise 10\npractise 11\n", Lang::En, &maze(GOOD), 5);
    assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::NotMet, "two calls add up");
}

#[test]
fn practice_counts_as_fuel_so_the_step_limit_stops_endless_training() {
    let limits = Limits { max_steps: 20_000, ..Limits::default() };
    let o = run_to_end("repeat 100 times\n  practise 500\nend\n", Lang::En, &maze(GOOD), 5, limits).unwrap();
    assert_eq!(fault_key(&o.halt).as_deref(), Some("run.step-limit"), "{:?}", o.halt);
    let episodes = match &o.world {
        World::Grid(g) => g.ai.episode_rewards.len(),
        #[allow(unreachable_patterns)]
        _ => 0,
    };
    assert!(episodes < 100 * 500, "stopped early: {episodes}");
}

#[test]
fn a_reward_for_items_teaches_the_robot_to_farm_them_until_the_program_changes_it() {
    let bad = maze(r#"{"step":0,"bump":-1,"flag":10,"item":3}"#);
    let goal = [Goal::PolicyReaches { steps: 12 }];
    let (w, _) = run("practise 300\n", Lang::En, &bad, 5);
    assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::NotMet, "it stays near the olive");
    let (w, _) = run("item reward 0\npractise 300\n", Lang::En, &bad, 5);
    assert_eq!(check_all(&goal, &w)[0].status, GoalStatus::Met);
}

#[test]
fn practise_and_item_reward_need_numbers_and_one_practise_is_capped() {
    let (_, halt) = run("practise \"lots\"\n", Lang::En, &maze(GOOD), 5);
    assert_eq!(fault_key(&halt).as_deref(), Some("world.practise-needs-a-number"));
    let (_, halt) = run("item reward \"big\"\n", Lang::En, &maze(GOOD), 5);
    assert_eq!(fault_key(&halt).as_deref(), Some("world.reward-needs-a-number"));
    let (w, _) = run("practise 100000\n", Lang::En, &maze(GOOD), 5);
    assert_eq!(grid(&w).ai.episode_rewards.len(), tafukt_lesson::ai_maze::MAX_EPISODES as usize);
}

#[test]
fn held_out_items_are_measured_like_the_robots_and_labelled_by_kind() {
    let (w, _) = run("move\n", Lang::En, &orchard("olives_and_stones"), 1);
    let test = tafukt_lesson::ai_goals::held_out(grid(&w), "olives_and_stones", 10).unwrap();
    assert_eq!(test.len(), 10);
    assert_eq!(test.labels, ["olive", "stone"]);
    assert_eq!(test.feature_names, ["size", "darkness", "weight"]);
    assert!(
        test.rows.iter().all(|r| r.features[0] >= 12.0 && r.features[0] == r.features[0].floor()),
        "whole mm"
    );
    assert!(tafukt_lesson::ai_goals::held_out(grid(&w), "no such data", 10).is_none());
}
