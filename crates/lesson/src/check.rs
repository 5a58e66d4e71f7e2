//! Checks a lesson's content the way CI and `tafukt check` do: the file is within the size
//! limits and named after its id, the reference solution passes (and when it does not: which
//! seed, which goal, which run-time message on which line), the starter does not, the toolbox
//! covers the solution, the star rule is reachable, and every language has a title and
//! instructions. Used by the command line and the fuzz targets, not by the app.

use tafukt_lang::{Diagnostic, Halt, Lang, Limits, Program};
use tafukt_world::WorldSpec;

use crate::goals::{check_all, GoalReport, GoalStatus};
use crate::model::{parse_lesson, Lesson};
use crate::problem::{Problem, Scope};
use crate::runner::{run_to_end, seeds, toolbox_gap};

/// Largest lesson file: every pupil's device keeps every lesson for offline use (the
/// largest real lesson is about 5 KB).
pub const MAX_LESSON_BYTES: usize = 128 * 1024;
/// Most seeds a world may list: the checker runs the solution and the starter on each.
pub const MAX_SEEDS: usize = 20;
/// Most entries in any one list of a world (walls, items, rules, obstacles, choices …): a
/// 30 × 30 maze has under 2,000 inner walls, and the arena steps through its obstacles
/// every 10 ms of a run.
pub const MAX_GRID_ENTRIES: usize = 2_000;
pub const MAX_ARENA_ENTRIES: usize = 200;
/// Largest catalogue file and image that `tafukt bundle` puts in the build.
pub const MAX_CATALOGUE_BYTES: usize = 128 * 1024;
pub const MAX_IMAGE_BYTES: u64 = 256 * 1024;
/// Longest lesson id (it names the bundled file).
pub const MAX_ID_LEN: usize = 64;

/// How the checker words what a run said; the command line renders with the English
/// catalogue, as `tafukt run` does.
pub trait Words {
    fn diagnostic(&self, d: &Diagnostic) -> String;
    fn goal(&self, report: &GoalReport) -> String;
}

/// Codes and keys as they are, for tests and fuzzing (no catalogue).
pub struct Keys;

impl Words for Keys {
    fn diagnostic(&self, d: &Diagnostic) -> String {
        format!("{:?} {:?}", d.code, d.args)
    }
    fn goal(&self, report: &GoalReport) -> String {
        format!("{} {:?}", report.key, report.args)
    }
}

/// Why a program does not pass a lesson, on the first seed where it does not.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// A run-time error, with the line it happened on.
    Fault { seed: u64, line: usize, diagnostic: Diagnostic },
    /// The run ended cleanly but a goal is not met.
    Goal { seed: u64, report: GoalReport },
}

/// Whether `source` meets every goal of `lesson` without an error, on every seed.
pub fn passes(lesson: &Lesson, source: &str) -> Result<bool, String> {
    first_failure(lesson, source).map(|f| f.is_none()).map_err(|d| format!("{d:?}"))
}

/// The first seed on which `source` fails `lesson`, and why; `Err` when it does not compile.
pub fn first_failure(lesson: &Lesson, source: &str) -> Result<Option<Failure>, Diagnostic> {
    for seed in seeds(&lesson.world) {
        let outcome = run_to_end(source, Lang::En, &lesson.world, seed, Limits::default())?;
        if let Halt::Faulted(d) = outcome.halt {
            let line = d.span(&outcome.program).line(source);
            // Worded as the pupil would read it: no advice about blocks the lesson lacks.
            let diagnostic = crate::runner::fit_to_toolbox(d, &lesson.toolbox);
            return Ok(Some(Failure::Fault { seed, line, diagnostic }));
        }
        let unmet =
            check_all(&lesson.goals, &outcome.world).into_iter().find(|r| r.status != GoalStatus::Met);
        if let Some(report) = unmet {
            return Ok(Some(Failure::Goal { seed, report }));
        }
    }
    Ok(None)
}

/// A lesson id is a plain file name: lower-case letters, digits, `-` and `_`. It names the
/// bundled file, so `..`, `/` or `\` would write outside the output folder.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Everything `tafukt check` asks of one lesson file (`file` is its name, e.g. `loops-1.json`)
/// but its Markdown and images: the lesson, or every problem found. `scope`: a lesson of the
/// course, or a teacher's own (see [`Scope`]).
pub fn check_lesson_file(
    file: &str,
    text: &str,
    words: &dyn Words,
    scope: Scope,
) -> Result<Lesson, Vec<String>> {
    if text.len() > MAX_LESSON_BYTES {
        return Err(vec![format!(
            "the file is {} KB; a lesson may be at most {} KB (every device downloads it)",
            text.len().div_ceil(1024),
            MAX_LESSON_BYTES / 1024
        )]);
    }
    let lesson = parse_lesson(file, text).map_err(|e| vec![e.to_string()])?;
    let stem = file.strip_suffix(".json").unwrap_or(file);
    if lesson.id != stem {
        return Err(vec![format!("id `{}` must be the file name, `{stem}`", lesson.id)]);
    }
    if !is_plain_id(&lesson.id) {
        return Err(vec![format!(
            "id `{}` must be 1 to {MAX_ID_LEN} lower-case letters, digits, `-` or `_`",
            lesson.id
        )]);
    }
    // Before any run: a world past these limits would make the checker itself slow.
    let too_big = world_limits(&lesson.world);
    if !too_big.is_empty() {
        return Err(too_big);
    }
    #[allow(unused_mut)]
    let mut problems: Vec<String> =
        lesson_problems(&lesson, scope).iter().map(|p| p.english(words)).collect();
    #[cfg(feature = "author")]
    problems.extend(crate::mutation::other_solution_problems(&lesson));
    if problems.is_empty() {
        Ok(lesson)
    } else {
        Err(problems)
    }
}

/// Lists of a world longer than the limits above.
pub fn world_limits(world: &WorldSpec) -> Vec<String> {
    let (lists, max): (Vec<(&str, usize)>, usize) = match world {
        WorldSpec::Grid(g) => {
            let v = g.variants.as_ref();
            let lists = vec![
                ("walls", g.walls.len()),
                ("items", g.items.len()),
                ("paint", g.paint.len()),
                ("flags", g.flags.len()),
                ("bag", g.robot.bag.len()),
                ("variants.seeds", v.map_or(0, |v| v.seeds.len())),
                ("variants.rules", v.map_or(0, |v| v.rules.len())),
            ];
            (lists, MAX_GRID_ENTRIES)
        }
        #[cfg(feature = "arena")]
        WorldSpec::Arena(a) => {
            let lists = vec![
                ("obstacles", a.obstacles.len()),
                ("floor", a.floor.len()),
                ("seeds", a.seeds.len()),
                ("heading_choices", a.heading_choices.len()),
                ("obstacle_choices", a.obstacle_choices.len()),
                ("floor_choices", a.floor_choices.len()),
            ];
            (lists, MAX_ARENA_ENTRIES)
        }
    };
    let mut out = Vec::new();
    for (name, len) in lists {
        let max = if name.ends_with("seeds") { MAX_SEEDS } else { max };
        if len > max {
            out.push(format!("world: {name} has {len} entries; at most {max} are allowed"));
        }
    }
    out
}

/// What is missing from a lesson's teacher notes: every field (learning goal, common
/// mistakes, a question for the class, an unplugged activity) in every language, one line
/// for each text missing (or blank). `tafukt check` asks it of the core units' lessons.
pub fn notes_problems(lesson: &Lesson) -> Vec<String> {
    let Some(notes) = &lesson.teacher_notes else {
        return vec![
            "teacher notes are missing (goal, mistakes, question, unplugged, in every language)".into()
        ];
    };
    let fields = [
        ("goal", &notes.goal),
        ("mistakes", &notes.mistakes),
        ("question", &notes.question),
        ("unplugged", &notes.unplugged),
    ];
    let mut problems = Vec::new();
    for (name, text) in fields {
        for lang in Lang::ALL {
            if text.0.get(lang.tag()).is_none_or(|t| t.trim().is_empty()) {
                problems.push(format!("teacher notes: `{name}` has no `{}` text", lang.tag()));
            }
        }
    }
    problems
}

/// The lesson's `source` (solution or starter) as a program, or where and why it does not
/// compile.
fn built(source: &str) -> Result<Program, (usize, Diagnostic)> {
    tafukt_lang::build(source, Lang::En)
        .map(|(program, _)| program)
        .map_err(|d| (d.span(&Program::default()).line(source), d))
}

/// Every problem with the lesson's content, in English; empty means the lesson is sound.
pub fn check_lesson(lesson: &Lesson, words: &dyn Words) -> Vec<String> {
    lesson_problems(lesson, Scope::Course).iter().map(|p| p.english(words)).collect()
}

/// Every problem with the lesson's content, as data (the studio shows each beside its
/// field); `scope` says how many languages its texts need.
pub fn lesson_problems(lesson: &Lesson, scope: Scope) -> Vec<Problem> {
    let mut problems = Vec::new();
    for tag in &lesson.reviewed {
        if Lang::from_tag(tag).is_none() {
            problems.push(Problem::Reviewed { tag: tag.clone() });
        }
    }
    // A course lesson is in all four languages; a teacher's own in those it has a title or
    // instructions in (at least one).
    let has = |text: &crate::model::Localized, lang: Lang| {
        text.0.get(lang.tag()).is_some_and(|t| !t.trim().is_empty())
    };
    let langs: Vec<Lang> = match scope {
        Scope::Course => Lang::ALL.to_vec(),
        Scope::Own => Lang::ALL
            .into_iter()
            .filter(|l| has(&lesson.title, *l) || has(&lesson.instructions, *l))
            .collect(),
    };
    if langs.is_empty() {
        problems.push(Problem::NoLanguage);
    }
    for (i, q) in lesson.quiz.iter().enumerate() {
        if !(2..=4).contains(&q.choices.len()) || q.answer as usize >= q.choices.len() {
            problems.push(Problem::QuizShape { question: i });
        }
        let texts = std::iter::once(&q.question).chain(&q.choices);
        for (text, lang) in texts.flat_map(|t| langs.iter().map(move |l| (t, *l))) {
            if !text.0.contains_key(lang.tag()) {
                problems.push(Problem::QuizText { question: i, lang });
                break;
            }
        }
    }
    for &lang in &langs {
        let (title, instructions) = match scope {
            Scope::Course => {
                (lesson.title.0.contains_key(lang.tag()), lesson.instructions.0.contains_key(lang.tag()))
            }
            Scope::Own => (has(&lesson.title, lang), has(&lesson.instructions, lang)),
        };
        if !title {
            problems.push(Problem::Title { lang });
        }
        if !instructions {
            problems.push(Problem::Instructions { lang });
        }
    }
    match built(&lesson.solution) {
        Err((line, diagnostic)) => problems.push(Problem::SolutionDoesNotCompile { line, diagnostic }),
        Ok(program) => {
            if let Some((bad, _)) = toolbox_gap(&program, &lesson.toolbox) {
                problems.push(Problem::ToolboxLacks { key: bad.key() });
            }
            if let Some(rule) = &lesson.stars {
                if program.block_count() > rule.max_blocks {
                    problems.push(Problem::StarsUnreachable {
                        max: rule.max_blocks,
                        blocks: program.block_count(),
                    });
                }
            }
            match first_failure(lesson, &lesson.solution) {
                Ok(None) | Err(_) => {}
                Ok(Some(Failure::Fault { seed, line, diagnostic })) => {
                    problems.push(Problem::SolutionFaults { seed, line, diagnostic })
                }
                Ok(Some(Failure::Goal { seed, report })) => {
                    problems.push(Problem::SolutionMissesGoal { seed, report })
                }
            }
        }
    }
    // The pupil's first program: it must read, stay within the toolbox, and not pass yet.
    match built(&lesson.starter) {
        Err((line, diagnostic)) => problems.push(Problem::StarterDoesNotCompile { line, diagnostic }),
        Ok(program) => {
            if let Some((bad, _)) = toolbox_gap(&program, &lesson.toolbox) {
                problems.push(Problem::StarterOutsideToolbox { key: bad.key() });
            }
            if let Ok(true) = passes(lesson, &lesson.starter) {
                problems.push(Problem::StarterPasses);
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_lesson;

    fn lesson(solution: &str, starter: &str, toolbox: &str) -> Lesson {
        parse_lesson("t.json", &lesson_text(solution, starter, toolbox)).unwrap()
    }

    fn lesson_text(solution: &str, starter: &str, toolbox: &str) -> String {
        format!(
            r#"{{"schema_version":1,"id":"t","title":{{"en":"T"}},"instructions":{{"en":"I"}},
            "world":{{"grid":{{"width":3,"height":1,"robot":{{"x":0,"y":0,"heading":"east"}},
              "variants":{{"seeds":[1,2,3],"rules":[{{"flag_at":{{"cells":[{{"x":1,"y":0}},{{"x":2,"y":0}}]}}}}]}}}}}},
            "toolbox":{toolbox},"starter":{starter:?},"goals":["at_flag"],"stars":{{"max_blocks":2}},
            "solution":{solution:?},"reviewed":["en","xx"]}}"#
        )
    }

    #[test]
    fn a_sound_lesson_only_lacks_its_other_languages() {
        let problems = check_lesson(
            &lesson("while not at goal\n  move\nend\n", "move\n", r#"["move","at_goal","while","logic"]"#),
            &Keys,
        );
        assert_eq!(problems.len(), 7, "{problems:?}");
        assert_eq!(problems[0], "reviewed names `xx`, which is not a language");
        assert!(problems[1..].iter().all(|p| p.contains("text")), "{problems:?}");
    }

    #[test]
    fn teacher_notes_lack_one_line_per_missing_text() {
        let base = lesson_text("move\n", "", r#"["move"]"#);
        let none = parse_lesson("t.json", &base).unwrap();
        assert_eq!(
            notes_problems(&none),
            ["teacher notes are missing (goal, mistakes, question, unplugged, in every language)"]
        );
        let all = r#"{"en":"a","fr":"b","ar":"c","zgh":"d"}"#;
        let notes = format!(
            r#""teacher_notes":{{"goal":{all},"mistakes":{{"en":"a","fr":"b","ar":" "}},"question":{all},"unplugged":{all}}},"reviewed""#
        );
        let partial = parse_lesson("t.json", &base.replacen("\"reviewed\"", &notes, 1)).unwrap();
        assert_eq!(
            notes_problems(&partial),
            ["teacher notes: `mistakes` has no `ar` text", "teacher notes: `mistakes` has no `zgh` text"]
        );
        let whole = notes.replace(r#"{"en":"a","fr":"b","ar":" "}"#, all);
        let whole = parse_lesson("t.json", &base.replacen("\"reviewed\"", &whole, 1)).unwrap();
        assert_eq!(notes_problems(&whole), Vec::<String>::new());
    }

    #[test]
    fn a_path_learnt_by_heart_fails_on_another_seed() {
        let problems = check_lesson(&lesson("move\n", "", r#"["move","at_goal"]"#), &Keys);
        assert!(
            problems.iter().any(|p| p.starts_with("the solution does not meet a goal on seed ")),
            "{problems:?}"
        );
    }

    #[test]
    fn starter_that_passes_toolbox_gaps_and_unreachable_stars_are_reported() {
        let solution = "while not at goal\n  move\nend\n";
        let problems = check_lesson(&lesson(solution, solution, r#"["move"]"#), &Keys);
        assert!(problems.iter().any(|p| p.contains("starter program already passes")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("toolbox lacks")), "{problems:?}");
        let long = "move\nmove\nmove\n";
        let problems = check_lesson(&lesson(long, "", r#"["move","at_goal"]"#), &Keys);
        assert!(problems.iter().any(|p| p.contains("star rule")), "{problems:?}");
    }

    #[test]
    fn a_starter_must_read_stay_in_the_toolbox_and_fail() {
        let solution = "while not at goal\n  move\nend\n";
        let toolbox = r#"["move","at_goal","while","logic"]"#;
        let starter_problems = |starter: &str| -> Vec<String> {
            check_lesson(&lesson(solution, starter, toolbox), &Keys)
                .into_iter()
                .filter(|p| p.contains("starter"))
                .collect()
        };
        assert_eq!(starter_problems("move\n"), Vec::<String>::new());
        assert_eq!(
            starter_problems("repeat 2 times\nend\n"),
            ["the starter uses `repeat`, which the toolbox does not list"]
        );
        assert_eq!(
            starter_problems("turn left\n"),
            ["the starter uses `turn_left`, which the toolbox does not list"]
        );
        let unreadable = starter_problems("move\nrepeat\n");
        assert!(
            unreadable.len() == 1 && unreadable[0].starts_with("the starter does not compile: line 2: "),
            "{unreadable:?}"
        );
        assert_eq!(starter_problems(solution), ["the starter program already passes"]);
    }

    #[test]
    fn a_solution_with_a_block_the_toolbox_does_not_list_is_refused() {
        let problems = check_lesson(
            &lesson("while not at goal\n  move\nend\n", "", r#"["move","at_goal","while"]"#),
            &Keys,
        );
        assert!(
            problems.contains(&"toolbox lacks `logic`, which the solution uses".to_string()),
            "{problems:?}"
        );
    }

    #[test]
    fn a_solution_that_hits_a_wall_names_the_seed_the_line_and_the_message() {
        let problems = check_lesson(&lesson("move\nmove\nmove\n", "", r#"["move","at_goal"]"#), &Keys);
        let fault = problems.iter().find(|p| p.contains("fails on seed")).expect("a fault is reported");
        assert!(fault.starts_with(r#"the solution fails on seed 1: line 3: World("hit-wall")"#), "{fault}");
    }

    #[test]
    fn an_endless_solution_names_its_loop_line() {
        let problems = check_lesson(&lesson("move\nwhile true\nend\n", "", r#"["move"]"#), &Keys);
        assert!(
            problems.iter().any(|p| p.starts_with("the solution fails on seed 1: line 2: ")),
            "{problems:?}"
        );
    }

    #[test]
    fn an_id_that_climbs_out_of_the_folder_or_differs_from_the_file_is_refused() {
        let text = lesson_text("move\n", "", r#"["move"]"#);
        for (file, id) in [("t.json", "../../t"), ("t.json", "/tmp/t"), ("t.json", "u")] {
            let text = text.replacen(r#""id":"t""#, &format!("\"id\":{id:?}"), 1);
            let err = check_lesson_file(file, &text, &Keys, Scope::Course).unwrap_err();
            assert_eq!(err, [format!("id `{id}` must be the file name, `t`")]);
        }
        let text = text.replacen(r#""id":"t""#, r#""id":"T.x""#, 1);
        let err = check_lesson_file("T.x.json", &text, &Keys, Scope::Course).unwrap_err();
        assert!(err[0].contains("lower-case letters"), "{err:?}");
    }

    #[test]
    fn a_lesson_past_a_limit_is_refused_before_it_runs() {
        let text = lesson_text("move\n", "", r#"["move"]"#);
        let big = text.replacen(
            "\"reviewed\"",
            &format!("\"concepts\":[{:?}],\"reviewed\"", "x".repeat(MAX_LESSON_BYTES)),
            1,
        );
        let err = check_lesson_file("t.json", &big, &Keys, Scope::Course).unwrap_err();
        assert_eq!(err, ["the file is 129 KB; a lesson may be at most 128 KB (every device downloads it)"]);
        let seeds: Vec<String> = (0..1000).map(|n| n.to_string()).collect();
        let many = text.replacen("[1,2,3]", &format!("[{}]", seeds.join(",")), 1);
        let err = check_lesson_file("t.json", &many, &Keys, Scope::Course).unwrap_err();
        assert_eq!(err, ["world: variants.seeds has 1000 entries; at most 20 are allowed"]);
    }
}
