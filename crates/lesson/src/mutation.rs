//! Simple wrong programs made from a lesson's solution: one statement left out, one turn the
//! other way, one `repeat` count off by one. `tafukt check` runs each on every seed and warns
//! when one passes: the lesson's goals are too loose to tell it from the solution (or the
//! solution does something it does not need). Used by the command line, not by the app.

use tafukt_lang::ast::{Expr, ExprKind, Stmt, StmtKind};
use tafukt_lang::blocks::{action_block, insert, remove, stmt_at, Slot, Step};
use tafukt_lang::parser::parse;
use tafukt_lang::printer::print;
use tafukt_lang::{Builtin, Lang, Limits, Program};

use crate::check::passes;
use crate::model::Lesson;
use crate::runner::{run_to_end, seeds, toolbox_gap, RunOutcome};
use tafukt_world::World;

/// One wrong program: what was changed (for the warning) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mutant {
    pub change: String,
    pub source: String,
}

/// Every slot that has a statement after it, in reading order.
fn slots(list: &[Stmt], path: &[Step], out: &mut Vec<Slot>) {
    for (index, s) in list.iter().enumerate() {
        out.push(Slot { path: path.to_vec(), index });
        for (body, b) in s.kind.blocks().enumerate() {
            let mut inner = path.to_vec();
            inner.push(Step { index, body });
            slots(b, &inner, out);
        }
    }
}

/// Most wrong programs made from one solution: each is run on every seed, so a lesson file
/// with a solution of thousands of lines must not make `tafukt check` run for hours (real
/// solutions have under 40 statements, so under 100 wrong programs).
pub const MAX_MUTANTS: usize = 200;

/// The wrong programs made from `solution` (canonical English text), at most [`MAX_MUTANTS`],
/// the first statements' first.
pub fn mutants(solution: &str) -> Vec<Mutant> {
    let parsed = parse(solution, Lang::En);
    if !parsed.diagnostics.is_empty() {
        return vec![];
    }
    let program = parsed.program;
    let mut all = Vec::new();
    slots(&program.body, &[], &mut all);
    let mut out = Vec::new();
    for slot in all {
        if out.len() >= MAX_MUTANTS {
            break;
        }
        let Some(stmt) = stmt_at(&program, &slot) else { continue };
        let line = program.span(stmt.id).line(solution);
        let mut add = |change: String, p: Option<Program>| {
            if let Some(p) = p {
                out.push(Mutant { change, source: print(&p, Lang::En) });
            }
        };
        if matches!(stmt.kind, StmtKind::Comment(_)) {
            continue;
        }
        add(format!("line {line} left out"), remove(&program, &slot).map(|(p, _)| p));
        let other = match stmt.kind {
            StmtKind::Action(Builtin::TurnLeft, _) => Some(Builtin::TurnRight),
            StmtKind::Action(Builtin::TurnRight, _) => Some(Builtin::TurnLeft),
            _ => None,
        };
        if let Some(turn) = other.and_then(action_block) {
            let swapped = remove(&program, &slot).and_then(|(p, _)| insert(&p, &slot, turn));
            add(format!("line {line} turning the other way"), swapped);
        }
        if let StmtKind::Repeat(Expr { kind: ExprKind::Number(n), .. }, _) = &stmt.kind {
            for count in [n - 1.0, n + 1.0].into_iter().filter(|c| *c >= 1.0) {
                let mut changed = stmt.clone();
                if let StmtKind::Repeat(e, _) = &mut changed.kind {
                    e.kind = ExprKind::Number(count);
                }
                let p = remove(&program, &slot).and_then(|(p, _)| insert(&p, &slot, changed));
                add(format!("line {line} repeating {count} times"), p);
            }
        }
    }
    out.truncate(MAX_MUTANTS);
    out
}

/// Whether two programs leave the same grid on every seed (the robot where and as it was,
/// the same items, paint, words and recordings; only the number of actions may differ):
/// then the changed program is another right answer, not a wrong one the goals let through
/// (a wall followed the other way round to the same end). Arena runs are never alike: their
/// drawings and poses are compared by the goals, with tolerances.
fn ends_alike(lesson: &Lesson, a: &str, b: &str) -> bool {
    let end = |source: &str, seed| match run_to_end(source, Lang::En, &lesson.world, seed, Limits::default())
    {
        Ok(RunOutcome { world: World::Grid(mut g), .. }) => {
            g.actions = 0;
            Some(g)
        }
        _ => None,
    };
    seeds(&lesson.world).into_iter().all(|seed| end(a, seed).is_some_and(|g| Some(g) == end(b, seed)))
}

/// The lesson's other right answers (`other_solutions`), printed as the wrong programs are.
fn other_solutions(lesson: &Lesson) -> Vec<String> {
    #[cfg(feature = "author")]
    return lesson.other_solutions.iter().map(|s| print(&parse(s, Lang::En).program, Lang::En)).collect();
    #[cfg(not(feature = "author"))]
    return {
        let _ = lesson;
        Vec::new()
    };
}

/// What is wrong with the lesson's other solutions, in English: each must read, stay within
/// the toolbox, differ from the solution and pass on every seed, so that naming one never
/// hides a wrong program.
#[cfg(feature = "author")]
pub fn other_solution_problems(lesson: &Lesson) -> Vec<String> {
    let solution = print(&parse(&lesson.solution, Lang::En).program, Lang::En);
    let mut problems = Vec::new();
    for (n, source) in lesson.other_solutions.iter().enumerate().map(|(i, s)| (i + 1, s)) {
        let parsed = parse(source, Lang::En);
        let problem = if !parsed.diagnostics.is_empty() {
            Some("does not read".to_string())
        } else if let Some((bad, _)) = toolbox_gap(&parsed.program, &lesson.toolbox) {
            Some(format!("uses `{}`, which the toolbox lacks", bad.key()))
        } else if print(&parsed.program, Lang::En) == solution {
            Some("is the solution itself".to_string())
        } else {
            match crate::check::first_failure(lesson, source) {
                Ok(None) => None,
                Err(_) => Some("does not compile".to_string()),
                Ok(Some(crate::check::Failure::Fault { seed, line, .. })) => {
                    Some(format!("stops with an error on line {line} with seed {seed}"))
                }
                Ok(Some(crate::check::Failure::Goal { seed, .. })) => {
                    Some(format!("misses a goal with seed {seed}"))
                }
            }
        };
        if let Some(problem) = problem {
            problems.push(format!("other solution {n} {problem}"));
        }
    }
    problems
}

/// One warning for each wrong program a pupil could make (within the toolbox) that passes
/// `lesson` on every seed, ends differently from the solution on some seed, and is none of
/// the other right answers the lesson names.
pub fn warnings(lesson: &Lesson) -> Vec<String> {
    let in_toolbox = |m: &Mutant| toolbox_gap(&parse(&m.source, Lang::En).program, &lesson.toolbox).is_none();
    let right = other_solutions(lesson);
    mutants(&lesson.solution)
        .into_iter()
        .filter(|m| !right.contains(&m.source))
        .filter(|m| in_toolbox(m) && passes(lesson, &m.source) == Ok(true))
        .filter(|m| !ends_alike(lesson, &lesson.solution, &m.source))
        .map(|m| format!("the solution still passes with {}", m.change))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_lesson;

    #[test]
    fn each_statement_is_left_out_turns_are_swapped_and_counts_moved() {
        let changes: Vec<(String, String)> = mutants("move\nrepeat 2 times\n  turn left\nend\n")
            .into_iter()
            .map(|m| (m.change, m.source))
            .collect();
        let expected = [
            ("line 1 left out", "repeat 2 times\n  turn left\nend\n"),
            ("line 2 left out", "move\n"),
            ("line 2 repeating 1 times", "move\nrepeat 1 times\n  turn left\nend\n"),
            ("line 2 repeating 3 times", "move\nrepeat 3 times\n  turn left\nend\n"),
            ("line 3 left out", "move\nrepeat 2 times\nend\n"),
            ("line 3 turning the other way", "move\nrepeat 2 times\n  turn right\nend\n"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(changes, expected);
    }

    #[test]
    fn a_solution_of_the_longest_length_makes_a_bounded_number_of_wrong_programs() {
        let long = "turn left\n".repeat(1_900);
        let started = std::time::Instant::now();
        let made = mutants(&long);
        assert_eq!(made.len(), MAX_MUTANTS);
        assert_eq!(made[1].change, "line 1 turning the other way");
        // Not a timing assertion: a report if the bound stops bounding the work.
        println!("1,900-line solution: {} wrong programs in {:?}", made.len(), started.elapsed());
    }

    fn lesson(goals: &str) -> Lesson {
        let text = format!(
            r#"{{"schema_version":1,"id":"t","title":{{"en":"T"}},"instructions":{{"en":"I"}},
            "world":{{"grid":{{"width":4,"height":2,"robot":{{"x":0,"y":0,"heading":"east"}}}}}},
            "toolbox":["move","turn_right"],"starter":"","goals":{goals},
            "solution":"move\nmove\nturn right\n","reviewed":[]}}"#
        );
        parse_lesson("t.json", &text).unwrap()
    }

    #[test]
    fn a_goal_that_ignores_the_heading_warns_and_a_strict_one_does_not() {
        let loose = warnings(&lesson(r#"[{"robot_at":{"x":2,"y":0}}]"#));
        assert_eq!(loose, ["the solution still passes with line 3 left out"]);
        let strict = warnings(&lesson(r#"[{"robot_at":{"x":2,"y":0}},{"heading":{"heading":"south"}}]"#));
        assert_eq!(strict, Vec::<String>::new());
    }

    #[test]
    fn a_changed_program_that_ends_the_same_way_is_another_right_answer() {
        let mut l = lesson(r#"[{"robot_at":{"x":2,"y":0}}]"#);
        // A turn right and back, or four right turns: the robot ends as it was.
        l.solution = "move\nmove\nrepeat 4 times\n  turn right\nend\n".into();
        l.toolbox.push("repeat".into());
        let changes: Vec<String> = mutants(&l.solution).into_iter().map(|m| m.change).collect();
        assert!(changes.contains(&"line 3 repeating 5 times".to_string()), "{changes:?}");
        // Without the loop or the turn in it, the robot ends as the solution's does (facing
        // east): no warning; three or five turns end facing another way, which the goals let
        // through.
        assert_eq!(
            warnings(&l),
            [
                "the solution still passes with line 3 repeating 3 times",
                "the solution still passes with line 3 repeating 5 times",
            ]
        );
    }

    #[test]
    fn a_named_other_solution_is_not_a_warning_and_must_itself_pass() {
        let mut l = lesson(r#"[{"robot_at":{"x":2,"y":0}}]"#);
        l.solution = "move\nmove\nrepeat 4 times\n  turn right\nend\n".into();
        l.toolbox.push("repeat".into());
        // Written loosely: it is compared as printed.
        l.other_solutions = vec!["move\nmove\nrepeat  3 times\n    turn right\nend".into()];
        assert_eq!(warnings(&l), ["the solution still passes with line 3 repeating 5 times"]);
        assert_eq!(other_solution_problems(&l), Vec::<String>::new());
        l.other_solutions = vec![
            "move\n".into(),
            "move\nmove\nrepeat 4 times\n  turn right\nend\n".into(),
            "move\nmove\nturn left\n".into(),
            "move\nmove\nmove\nmove\nmove\n".into(),
            "repeat 3 times\n".into(),
        ];
        assert_eq!(
            other_solution_problems(&l),
            [
                "other solution 1 misses a goal with seed 0",
                "other solution 2 is the solution itself",
                "other solution 3 uses `turn_left`, which the toolbox lacks",
                "other solution 4 stops with an error on line 4 with seed 0",
                "other solution 5 does not read",
            ]
        );
    }
}
