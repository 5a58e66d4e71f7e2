//! Which app plays a lesson: the core app, what a pupil loads before the first Run of the
//! first lesson, or the full app, fetched on demand (ARCHITECTURE.md, "Core and full").
//! The rule as code, tested natively against every lesson of the course.

#[cfg(any(feature = "full", test))]
use tafukt_lesson::Goal;
use tafukt_lesson::Lesson;
#[cfg(any(feature = "full", test))]
use tafukt_world::WorldSpec;

/// The app a lesson needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The grid world with the first unit's blocks ([`CORE_BLOCKS`]), run controls, goals,
    /// hints and quizzes.
    Core,
    /// Everything else: the robot on wheels, drawing goals (shape matching), and every part
    /// added on demand since (the course map and teacher mode are full-app screens too).
    Full,
}

/// The blocks the core app's editor offers: the first unit's (moves, turns, picking up and
/// putting down, `repeat` with a number). Their only values are numbers, so the core's editor
/// has no values row, no lists in blocks and no writing dialog (`block_editor_values`); a
/// lesson whose toolbox lists anything else (conditions, sensors, variables, texts, notes,
/// colours, procedures, the pen) is played by the full app.
pub const CORE_BLOCKS: &[&str] = &["move", "turn_left", "turn_right", "pick_up", "put_down", "repeat"];

/// The app `lesson` needs to be played.
pub fn part_for(lesson: &Lesson) -> Part {
    // "Where will the robot end?" is asked by the full app (teacher mode's tools).
    let beyond_core_blocks = lesson.toolbox.iter().any(|k| !CORE_BLOCKS.contains(&k.as_str()));
    let full_only = beyond_core_blocks || lesson.predict_end;
    // Only builds with the engine's `arena` can read an arena lesson, and only those with
    // `later_units` a seeded world or a goal after the first unit's (drawing a shape, a puzzle
    // goal, an AI goal …): the core app hands a lesson it cannot read over without asking here.
    #[cfg(any(feature = "full", test))]
    let full_only = full_only
        || matches!(lesson.world, WorldSpec::Arena(_))
        || matches!(&lesson.world, WorldSpec::Grid(g) if g.variants.as_ref().is_some_and(|v| !v.rules.is_empty()))
        || lesson.goals.iter().any(|g| !core_goal(g));
    if full_only {
        Part::Full
    } else {
        Part::Core
    }
}

#[cfg(test)]
#[test]
fn a_lesson_that_asks_where_the_robot_ends_is_played_by_the_full_app() {
    let file = format!("{}/lessons/loops-1.json", env!("CARGO_MANIFEST_DIR"));
    let mut l = tafukt_lesson::model::parse_lesson(&file, &std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(part_for(&l), Part::Core);
    l.predict_end = true;
    assert_eq!(part_for(&l), Part::Full);
}

/// Whether the core app reads `goal` (the first unit's goals, before `later_units`'s in
/// `tafukt_lesson::Goal`).
#[cfg(any(feature = "full", test))]
fn core_goal(goal: &Goal) -> bool {
    matches!(
        goal,
        Goal::RobotAt { .. }
            | Goal::AtFlag
            | Goal::ItemsCollected { .. }
            | Goal::NoItemsLeft
            | Goal::Heading { .. }
            | Goal::ItemsAt { .. }
            | Goal::WithinSteps { .. }
    )
}

/// Whether this build can play `lesson` itself (the full app plays every lesson).
pub fn playable_here(lesson: &Lesson) -> bool {
    cfg!(feature = "full") || part_for(lesson) == Part::Core
}

#[cfg(test)]
mod tests {
    use super::*;
    use tafukt_lesson::model::parse_lesson;

    /// Whether the world has a rule only the full app reads: a maze carved afresh for each seed,
    /// a start place or walls that stand or not by the seed, portals, switches.
    fn has_puzzle_rule(lesson: &Lesson) -> bool {
        use tafukt_world::spec::RandomRule;
        let WorldSpec::Grid(g) = &lesson.world else { return false };
        g.variants.iter().flat_map(|v| &v.rules).any(|r| {
            matches!(
                r,
                RandomRule::Maze { .. }
                    | RandomRule::StartAt { .. }
                    | RandomRule::WallMaybe { .. }
                    | RandomRule::Portal { .. }
                    | RandomRule::Switches { .. }
            )
        })
    }

    fn lesson(id: &str) -> Lesson {
        let file = format!("{}/lessons/{id}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&file).unwrap();
        parse_lesson(&file, &text).unwrap()
    }

    #[test]
    fn the_first_unit_is_played_by_the_core_app() {
        for id in ["first-steps-1", "first-steps-2", "first-steps-6", "loops-1", "loops-7"] {
            assert_eq!(part_for(&lesson(id)), Part::Core, "{id}");
        }
    }

    /// What the core app's VM runs (`Op::first_unit`) is enough for every program a core
    /// lesson lets run: its starter and solution, and programs its toolbox lets through.
    #[test]
    fn the_core_apps_programs_need_only_the_first_units_instructions() {
        use tafukt_lang::{compiler::compile, parser::parse, Lang};
        let toolbox: Vec<String> = CORE_BLOCKS.iter().map(|k| k.to_string()).collect();
        let mut programs = vec![
            "repeat -2 times\n  move\nend\n".to_string(),
            "repeat n times\n  move\nend\n".to_string(),
            "repeat \"3\" times\n  turn left\nend\n".to_string(),
            "# a note\nmove # and another\npick up\nput down\nturn right\n".to_string(),
            "repeat 2 times\n  repeat 3 times\n    move\n  end\nend\n".to_string(),
        ];
        let dir = format!("{}/lessons", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().to_string();
            if name == "index.json" || !name.ends_with(".json") {
                continue;
            }
            let l = lesson(name.trim_end_matches(".json"));
            if part_for(&l) == Part::Core {
                programs.extend([l.starter.clone(), l.solution.clone()]);
            }
        }
        for source in &programs {
            let program = parse(source, Lang::En).program;
            assert!(tafukt_lesson::runner::toolbox_gap(&program, &toolbox).is_none(), "{source}");
            let Ok(chunk) = compile(&program) else { continue };
            let later: Vec<_> = chunk.code.iter().filter(|op| !op.first_unit()).collect();
            assert!(later.is_empty(), "{source}: {later:?}");
        }
        // And a program the toolbox refuses would need more.
        let program = parse("while not at goal\n  move\nend\n", Lang::En).program;
        assert!(tafukt_lesson::runner::toolbox_gap(&program, &toolbox).is_some());
        assert!(compile(&program).unwrap().code.iter().any(|op| !op.first_unit()));
    }

    #[test]
    fn lessons_with_blocks_beyond_the_first_units_are_played_by_the_full_app() {
        // Colours to paint, conditions and sensors, variables and texts, notes.
        for id in ["loops-2", "conditions-1", "conditions-3", "variables-1", "algorithms-4"] {
            assert_eq!(part_for(&lesson(id)), Part::Full, "{id}");
        }
        let mut l = lesson("first-steps-1");
        l.toolbox.push("while".to_string());
        assert_eq!(part_for(&l), Part::Full);
    }

    #[test]
    fn lessons_with_tiles_to_paint_are_played_by_the_full_app() {
        for id in ["first-steps-3", "loops-5", "conditions-5"] {
            assert_eq!(part_for(&lesson(id)), Part::Full, "{id}");
        }
    }

    #[test]
    fn every_ai_lesson_needs_the_full_app() {
        let data =
            ["ai-data-1", "ai-data-2", "ai-data-3", "ai-data-4", "ai-data-5", "ai-data-6", "ai-data-7"];
        for id in data.into_iter().chain(["ai-reward-1", "ai-reward-2", "ai-reward-3"]) {
            assert_eq!(part_for(&lesson(id)), Part::Full, "{id}");
        }
        // A grid lesson that only allows `record`, and one that only has an AI goal.
        let mut l = lesson("loops-1");
        l.toolbox.push("record".to_string());
        assert_eq!(part_for(&l), Part::Full);
        let mut l = lesson("loops-1");
        l.goals.push(Goal::PolicyReaches { steps: 3 });
        assert_eq!(part_for(&l), Part::Full);
    }

    #[test]
    fn every_wheeled_robot_drawing_ai_puzzle_and_procedure_lesson_needs_the_full_app() {
        let dir = format!("{}/lessons", env!("CARGO_MANIFEST_DIR"));
        let mut full = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name == "index.json" || !name.ends_with(".json") {
                continue;
            }
            let l = lesson(name.trim_end_matches(".json"));
            let needs = matches!(l.world, WorldSpec::Arena(_))
                || l.goals.iter().any(|g| matches!(g, Goal::ShapeDrawn { .. }))
                || l.toolbox.iter().any(|k| !CORE_BLOCKS.contains(&k.as_str()))
                || name.starts_with("ai-")
                || l.goals.iter().any(|g| {
                    matches!(
                        g,
                        Goal::PaintMarked
                            | Goal::SwitchesOn
                            | Goal::BagEmpty
                            | Goal::ItemsAtFlag { .. }
                            | Goal::RowCopied { .. }
                            | Goal::NothingCollectedTwice
                    )
                })
                || has_puzzle_rule(&l)
                || l.predict_end;
            assert_eq!(part_for(&l) == Part::Full, needs, "{name}");
            full += usize::from(needs);
        }
        assert!(full >= 15, "the course has wheeled-robot, drawing and AI lessons: {full}");
        assert!(full < 100, "the first units are the core app's: {full} lessons need the full app");
    }
}
