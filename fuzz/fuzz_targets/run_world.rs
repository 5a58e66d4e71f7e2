//! Fuzz target: a world (JSON, as lessons write it) and a program, split at the first NUL
//! byte. A world that passes the checks the app's worlds pass is built for a few of its
//! seeds, the program runs to its end under small limits in each, and every goal kind is
//! checked and the world drawn: none of it may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tafukt_lang::{Lang, Limits};
use tafukt_lesson::check::world_limits;
use tafukt_lesson::goals::check_all;
use tafukt_lesson::runner::{run_to_end, seeds};
use tafukt_lesson::Goal;
use tafukt_world::WorldSpec;

fuzz_target!(|data: &[u8]| {
    let Some(split) = data.iter().position(|b| *b == 0) else { return };
    let (Ok(world), Ok(program)) = (std::str::from_utf8(&data[..split]), std::str::from_utf8(&data[split + 1..]))
    else {
        return;
    };
    let Ok(spec) = serde_json::from_str::<WorldSpec>(world) else { return };
    if !spec.problems().is_empty() || !world_limits(&spec).is_empty() {
        return;
    }
    let limits = Limits {
        max_steps: 100_000,
        max_actions: 1_000,
        max_loop_iterations: 10_000,
        max_call_depth: 64,
        max_list_len: 1_000,
        max_text_len: 1_000,
    };
    let goals: Vec<Goal> = serde_json::from_str(GOALS).expect("the goal list reads");
    for seed in seeds(&spec).into_iter().take(3) {
        let Ok(outcome) = run_to_end(program, Lang::En, &spec, seed, limits) else { return };
        let _ = check_all(&goals, &outcome.world);
        let _ = outcome.world.summary();
        let _ = tafukt_world::thumbnail::svg(&outcome.world, &[]);
    }
});

/// One goal of each kind, with extreme numbers where a goal takes them.
const GOALS: &str = r#"[
  {"robot_at": {"x": 4294967295, "y": 0}}, "at_flag", {"items_collected": {"count": 4294967295}},
  "no_items_left", {"tiles_painted": {"colour": "red", "count": 4294967295}}, {"said": {"text": ""}},
  {"in_area": {"x": 2147483647, "y": -2147483648, "w": 2147483647, "h": 2147483647}},
  {"ends_on": {"colour": "black"}}, {"heading": {"heading": "north"}},
  {"items_at": {"x": 0, "y": 0, "count": 4294967295}}, {"within_steps": {"steps": 0}},
  "not_bumped", "said_bag_count"
]"#;
