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
    for tag in &lesson.reviewed {
        if Lang::from_tag(tag).is_none() {
            problems.push(format!("reviewed names `{tag}`, which is not a language"));
        }
    }
    for (i, q) in lesson.quiz.iter().enumerate() {
        if !(2..=4).contains(&q.choices.len()) || q.answer as usize >= q.choices.len() {
            problems.push(format!("quiz question {} needs 2 to 4 choices and an answer among them", i + 1));
        }
        let texts = std::iter::once(&q.question).chain(&q.choices);
        for (text, lang) in texts.flat_map(|t| Lang::ALL.map(|l| (t, l))) {
            if !text.0.contains_key(lang.tag()) {
                problems.push(format!("quiz question {} has no `{}` text", i + 1, lang.tag()));
                break;
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_lesson;

    fn lesson(solution: &str, starter: &str, toolbox: &str) -> Lesson {
        let text = format!(
            r#"{{"schema_version":1,"id":"t","title":{{"en":"T"}},"instructions":{{"en":"I"}},
            "world":{{"grid":{{"width":3,"height":1,"robot":{{"x":0,"y":0,"heading":"east"}},
              "variants":{{"seeds":[1,2,3],"rules":[{{"flag_at":{{"cells":[{{"x":1,"y":0}},{{"x":2,"y":0}}]}}}}]}}}}}},
            "toolbox":{toolbox},"starter":{starter:?},"goals":["at_flag"],"stars":{{"max_blocks":2}},
            "solution":{solution:?},"reviewed":["en","xx"]}}"#
        );
        parse_lesson("t.json", &text).unwrap()
    }

    #[test]
    fn a_sound_lesson_only_lacks_its_other_languages() {
        let problems =
            check_lesson(&lesson("while not at goal\n  move\nend\n", "move\n", r#"["move","at_goal"]"#));
        assert_eq!(problems.len(), 7, "{problems:?}");
        assert_eq!(problems[0], "reviewed names `xx`, which is not a language");
        assert!(problems[1..].iter().all(|p| p.contains("text")), "{problems:?}");
    }

    #[test]
    fn a_path_learnt_by_heart_fails_on_another_seed() {
        let problems = check_lesson(&lesson("move\n", "", r#"["move","at_goal"]"#));
        assert!(problems.iter().any(|p| p.contains("does not meet every goal")), "{problems:?}");
    }

    #[test]
    fn starter_that_passes_toolbox_gaps_and_unreachable_stars_are_reported() {
        let solution = "while not at goal\n  move\nend\n";
        let problems = check_lesson(&lesson(solution, solution, r#"["move"]"#));
        assert!(problems.iter().any(|p| p.contains("starter program already passes")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("toolbox lacks")), "{problems:?}");
        let long = "move\nmove\nmove\n";
        let problems = check_lesson(&lesson(long, "", r#"["move","at_goal"]"#));
        assert!(problems.iter().any(|p| p.contains("star rule")), "{problems:?}");
    }
}
