//! Which app plays a lesson: the core app, what a pupil loads before the first Run of the
//! first lesson, or the full app, fetched on demand (ARCHITECTURE.md, "Core and full").
//! The rule as code, tested natively against every lesson of the course.

use tafukt_lesson::{Goal, Lesson};
use tafukt_world::WorldSpec;

/// The app a lesson needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The grid world with blocks, text, run controls, goals, hints and quizzes.
    Core,
    /// Everything else: the robot on wheels, drawing goals (shape matching), and every part
    /// added on demand since (the course map and teacher mode are full-app screens too).
    Full,
}

/// The app `lesson` needs to be played.
pub fn part_for(lesson: &Lesson) -> Part {
    let arena = matches!(lesson.world, WorldSpec::Arena(_));
    let drawing = lesson.goals.iter().any(|g| matches!(g, Goal::ShapeDrawn { .. }));
    // "Where will the robot end?" is asked by the full app (teacher mode's tools).
    // The pen is drawn by the full app only (its layer and the drawing check), and so are
    // step over and step out, which are for procedures (`define`).
    let pen_or_define = lesson.toolbox.iter().any(|k| k.starts_with("pen_") || k == "define");
    let full_only = arena || drawing || pen_or_define || lesson.predict_end;
    // Only builds with the engine's `ai` feature can read an AI lesson (see `uses_ai`), and
    // only those with `puzzles` a lesson with a puzzle goal (marked tiles to paint).
    #[cfg(any(feature = "full", test))]
    let full_only = full_only
        || uses_ai(lesson)
        || lesson.goals.iter().any(|g| {
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
        || lesson.toolbox.iter().any(|k| {
            use tafukt_lang::Builtin;
            Builtin::from_key(k).is_some_and(|b| Builtin::PUZZLES.contains(&b) || Builtin::LISTS.contains(&b))
        })
        || has_puzzle_rule(lesson);
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

/// Whether the lesson allows an AI built-in or has an AI goal. Only builds with the engine's
/// `ai` feature can read such a lesson at all (its rules, goals and built-ins are unknown to
/// the core app's reader), so the core app has nothing to ask here.
#[cfg(any(feature = "full", test))]
fn uses_ai(lesson: &Lesson) -> bool {
    use tafukt_lang::Builtin;
    let ai_key = |k: &String| Builtin::from_key(k).is_some_and(|b| Builtin::AI.contains(&b));
    let ai_goal = |g: &Goal| {
        matches!(
            g,
            Goal::Recorded { .. }
                | Goal::Sorted { .. }
                | Goal::Accuracy { .. }
                | Goal::PolicyReaches { .. }
                | Goal::RuleAnswered { .. }
                | Goal::PractisedAtMost { .. }
        )
    };
    lesson.toolbox.iter().any(ai_key) || lesson.goals.iter().any(ai_goal)
}

/// Whether the world has a rule only the full app reads: a maze carved afresh for each seed,
/// a start place or walls that stand or not by the seed, portals, switches.
#[cfg(any(feature = "full", test))]
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

/// Whether this build can play `lesson` itself (the full app plays every lesson).
pub fn playable_here(lesson: &Lesson) -> bool {
    cfg!(feature = "full") || part_for(lesson) == Part::Core
}

#[cfg(test)]
mod tests {
    use super::*;
    use tafukt_lesson::model::parse_lesson;

    fn lesson(id: &str) -> Lesson {
        let file = format!("{}/lessons/{id}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&file).unwrap();
        parse_lesson(&file, &text).unwrap()
    }

    #[test]
    fn the_first_unit_is_played_by_the_core_app() {
        for id in ["first-steps-1", "first-steps-2", "loops-1", "conditions-1", "variables-1"] {
            assert_eq!(part_for(&lesson(id)), Part::Core, "{id}");
        }
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
                || l.toolbox.iter().any(|k| k.starts_with("pen_") || k == "define")
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
                    ) || l.toolbox.iter().any(|k| {
                        ["item_of", "length_of", "add_to", "remove_item", "replace_item"]
                            .contains(&k.as_str())
                    })
                })
                || has_puzzle_rule(&l)
                || l.predict_end;
            assert_eq!(part_for(&l) == Part::Full, needs, "{name}");
            full += usize::from(needs);
        }
        assert!(full >= 15, "the course has wheeled-robot, drawing and AI lessons: {full}");
    }
}
