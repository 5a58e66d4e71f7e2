//! What is wrong with a lesson's content, as data: the field it concerns, a catalogue key and
//! its arguments, so the teacher studio shows each problem in the teacher's language beside
//! its field, and `tafukt check` words the same list in English. One list for both
//! (`check::lesson_problems`), so the page and the command line never disagree.

use tafukt_lang::{Diagnostic, Lang};

use crate::check::Words;
use crate::goals::GoalReport;

/// Which part of a lesson a problem is about (where the studio shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Texts,
    Quiz,
    Toolbox,
    Stars,
    Solution,
    Starter,
}

/// How complete a lesson's texts must be: the course's lessons are in all four languages; a
/// teacher's own lesson is in the languages its class reads (at least one), each with both
/// a title and instructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Course,
    Own,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Reviewed {
        tag: String,
    },
    QuizShape {
        question: usize,
    },
    QuizText {
        question: usize,
        lang: Lang,
    },
    Title {
        lang: Lang,
    },
    Instructions {
        lang: Lang,
    },
    /// No language has both a title and instructions.
    NoLanguage,
    SolutionDoesNotCompile {
        line: usize,
        diagnostic: Diagnostic,
    },
    StarterDoesNotCompile {
        line: usize,
        diagnostic: Diagnostic,
    },
    ToolboxLacks {
        key: &'static str,
    },
    StarsUnreachable {
        max: usize,
        blocks: usize,
    },
    SolutionFaults {
        seed: u64,
        line: usize,
        diagnostic: Diagnostic,
    },
    SolutionMissesGoal {
        seed: u64,
        report: GoalReport,
    },
    StarterOutsideToolbox {
        key: &'static str,
    },
    StarterPasses,
}

impl Problem {
    pub fn field(&self) -> Field {
        match self {
            Problem::Reviewed { .. }
            | Problem::Title { .. }
            | Problem::Instructions { .. }
            | Problem::NoLanguage => Field::Texts,
            Problem::QuizShape { .. } | Problem::QuizText { .. } => Field::Quiz,
            Problem::ToolboxLacks { .. } => Field::Toolbox,
            Problem::StarsUnreachable { .. } => Field::Stars,
            Problem::SolutionDoesNotCompile { .. }
            | Problem::SolutionFaults { .. }
            | Problem::SolutionMissesGoal { .. } => Field::Solution,
            Problem::StarterDoesNotCompile { .. }
            | Problem::StarterOutsideToolbox { .. }
            | Problem::StarterPasses => Field::Starter,
        }
    }

    /// The catalogue key (`check.*`) and its arguments; run-time messages and goals are
    /// worded by `words`, in the same language.
    pub fn message(&self, words: &dyn Words) -> (&'static str, Vec<(&'static str, String)>) {
        let lang = |l: &Lang| ("lang", l.tag().to_string());
        match self {
            Problem::Reviewed { tag } => ("check.reviewed", vec![("tag", tag.clone())]),
            Problem::QuizShape { question } => ("check.quiz-shape", vec![("n", (question + 1).to_string())]),
            Problem::QuizText { question, lang: l } => {
                ("check.quiz-text", vec![("n", (question + 1).to_string()), lang(l)])
            }
            Problem::Title { lang: l } => ("check.title", vec![lang(l)]),
            Problem::Instructions { lang: l } => ("check.instructions", vec![lang(l)]),
            Problem::NoLanguage => ("check.no-language", vec![]),
            Problem::SolutionDoesNotCompile { line, diagnostic } => (
                "check.solution-compile",
                vec![("line", line.to_string()), ("message", words.diagnostic(diagnostic))],
            ),
            Problem::StarterDoesNotCompile { line, diagnostic } => (
                "check.starter-compile",
                vec![("line", line.to_string()), ("message", words.diagnostic(diagnostic))],
            ),
            Problem::ToolboxLacks { key } => ("check.toolbox-lacks", vec![("block", key.to_string())]),
            Problem::StarsUnreachable { max, blocks } => {
                ("check.stars", vec![("max", max.to_string()), ("blocks", blocks.to_string())])
            }
            Problem::SolutionFaults { seed, line, diagnostic } => (
                "check.solution-faults",
                vec![
                    ("seed", seed.to_string()),
                    ("line", line.to_string()),
                    ("message", words.diagnostic(diagnostic)),
                ],
            ),
            Problem::SolutionMissesGoal { seed, report } => {
                ("check.solution-goal", vec![("seed", seed.to_string()), ("goal", words.goal(report))])
            }
            Problem::StarterOutsideToolbox { key } => {
                ("check.starter-toolbox", vec![("block", key.to_string())])
            }
            Problem::StarterPasses => ("check.starter-passes", vec![]),
        }
    }

    /// The problem as `tafukt check` prints it.
    pub fn english(&self, words: &dyn Words) -> String {
        let (key, args) = self.message(words);
        let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| v.as_str());
        match key {
            "check.reviewed" => format!("reviewed names `{}`, which is not a language", arg("tag")),
            "check.quiz-shape" => {
                format!("quiz question {} needs 2 to 4 choices and an answer among them", arg("n"))
            }
            "check.quiz-text" => format!("quiz question {} has no `{}` text", arg("n"), arg("lang")),
            "check.title" => format!("title has no `{}` text", arg("lang")),
            "check.instructions" => format!("instructions have no `{}` text", arg("lang")),
            "check.no-language" => "no language has both a title and instructions".to_string(),
            "check.solution-compile" => {
                format!("the solution does not compile: line {}: {}", arg("line"), arg("message"))
            }
            "check.starter-compile" => {
                format!("the starter does not compile: line {}: {}", arg("line"), arg("message"))
            }
            "check.toolbox-lacks" => format!("toolbox lacks `{}`, which the solution uses", arg("block")),
            "check.stars" => {
                format!("star rule allows {} blocks but the solution has {}", arg("max"), arg("blocks"))
            }
            "check.solution-faults" => format!(
                "the solution fails on seed {}: line {}: {}",
                arg("seed"),
                arg("line"),
                arg("message")
            ),
            "check.solution-goal" => {
                format!("the solution does not meet a goal on seed {}: {}", arg("seed"), arg("goal"))
            }
            "check.starter-toolbox" => {
                format!("the starter uses `{}`, which the toolbox does not list", arg("block"))
            }
            _ => "the starter program already passes".to_string(),
        }
    }
}
