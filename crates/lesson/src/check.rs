//! Checks a lesson's content the way CI and `tafukt check` do: the reference solution passes,
//! the starter does not, the toolbox covers the solution, the star rule is reachable, and
//! every language has a title and instructions.

use tafukt_lang::{Halt, Lang, Limits};

use crate::goals::{all_met, check_all};
use crate::model::Lesson;
use crate::runner::{run_to_end, seeds, toolbox_violation};

/// Whether `source` meets every goal of `lesson` without an error, on every seed.
pub fn passes(lesson: &Lesson, source: &str) -> Result<bool, String> {
    for seed in seeds(&lesson.world) {
        let outcome = run_to_end(source, Lang::En, &lesson.world, seed, Limits::default())
            .map_err(|d| format!("{d:?}"))?;
        if !(matches!(outcome.halt, Halt::Finished) && all_met(&check_all(&lesson.goals, &outcome.world))) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Every problem with the lesson's content; empty means the lesson is sound.
pub fn check_lesson(lesson: &Lesson) -> Vec<String> {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        if !lesson.title.0.contains_key(lang.tag()) {
            problems.push(format!("title has no `{}` text", lang.tag()));
        }
        if !lesson.instructions.0.contains_key(lang.tag()) {
            problems.push(format!("instructions have no `{}` text", lang.tag()));
        }
    }
    match tafukt_lang::build(&lesson.solution, Lang::En) {
        Err(d) => problems.push(format!("solution does not compile: {:?} {:?}", d.code, d.args)),
        Ok((program, _)) => {
            if let Some(d) = toolbox_violation(&program, &lesson.toolbox, Lang::En) {
                problems.push(format!(
                    "toolbox lacks `{}`, which the solution uses",
                    d.arg("word").unwrap_or("?")
                ));
            }
            if let Some(rule) = &lesson.stars {
                if program.block_count() > rule.max_blocks {
                    problems.push(format!(
                        "star rule allows {} blocks but the solution has {}",
                        rule.max_blocks,
                        program.block_count()
                    ));
                }
            }
            match passes(lesson, &lesson.solution) {
                Ok(true) => {}
                Ok(false) => problems.push("the solution does not meet every goal".to_string()),
                Err(e) => problems.push(format!("the solution fails: {e}")),
            }
        }
    }
    if let Ok(true) = passes(lesson, &lesson.starter) {
        problems.push("the starter program already passes".to_string());
    }
    problems
}
