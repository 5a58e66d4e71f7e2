//! The AI lessons' goals (feature `ai`): examples recorded with consistent labels, every
//! measurable item sorted into its kind's bin, accuracy on held-out items, and a learned
//! policy that reaches the flag. Labels are the pupil's own words in any language, so goals
//! never compare them with a fixed word: a label means the kind most of its examples were.

use serde::{Deserialize, Serialize};
use tafukt_ai::Dataset;
use tafukt_world::GridWorld;

use crate::ai_world;
use crate::goals::{Goal, GoalReport, GoalStatus};

/// The squares where items of `kind` belong: a rectangle of cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bin {
    pub kind: String,
    pub x: u32,
    pub y: u32,
    #[serde(default = "one")]
    pub w: u32,
    #[serde(default = "one")]
    pub h: u32,
}

fn one() -> u32 {
    1
}

impl Bin {
    fn holds(&self, (x, y): (u32, u32)) -> bool {
        x >= self.x && y >= self.y && x - self.x < self.w && y - self.y < self.h
    }
}

/// Held-out items come from their own stream of the world's seed, never placed in the world.
const HELD_OUT_SALT: u64 = 0x00ac_c0ac_c0ac;

/// Whether every label was given to one kind only and every kind got one label only.
pub fn labels_consistent(world: &GridWorld) -> bool {
    let rec = &world.ai.recorded;
    rec.iter().all(|a| rec.iter().all(|b| (a.label == b.label) == (a.kind == b.kind)))
}

/// The kind a label stands for: the kind most of its recorded examples were (the earliest
/// recorded kind among equals).
pub fn kind_of_label(world: &GridWorld, label: &str) -> Option<String> {
    let rec: Vec<_> = world.ai.recorded.iter().filter(|r| r.label == label).collect();
    let count = |k: &str| rec.iter().filter(|r| r.kind == k).count();
    let mut best: Option<(&str, usize)> = None;
    for r in &rec {
        let n = count(&r.kind);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((&r.kind, n));
        }
    }
    best.map(|(k, _)| k.to_string())
}

/// The `count` held-out items of `dataset` for this world's seed (never placed in the
/// world), in the model's columns and readings as the robot measures them; labels are the
/// items' kinds. What the accuracy goal tests on, and what a confusion table or a learning
/// curve would be drawn from. `None` for an unknown dataset.
pub fn held_out(world: &GridWorld, dataset: &str, count: u32) -> Option<Dataset> {
    let items = ai_world::dataset(dataset, world.ai.seed ^ HELD_OUT_SALT, count as usize)?;
    let names: Vec<&str> = world.ai.learner.columns().iter().map(|c| c.key()).collect();
    let labels: Vec<&str> = items.labels.iter().map(String::as_str).collect();
    let mut out = Dataset::new(&names, &labels);
    for row in &items.rows {
        let sensed = tafukt_world::ai::item_only(&ai_world::readings(&row.features));
        out.push(&ai_world::columns_of(world, &sensed), row.label);
    }
    Some(out)
}

/// Right guesses out of `count` held-out items of `dataset` for this world's seed. A guess
/// is right when the label the model gives stands for the item's kind.
pub fn held_out_score(world: &GridWorld, dataset: &str, count: u32) -> (u32, u32) {
    let Some(test) = held_out(world, dataset, count) else {
        return (0, count);
    };
    let data = ai_world::recorded_table(world);
    if data.is_empty() {
        return (0, count);
    }
    let kinds: Vec<Option<String>> = data.labels.iter().map(|l| kind_of_label(world, l)).collect();
    let (model, _) = ai_world::Trained::fit(world, data);
    let right = test
        .rows
        .iter()
        .filter(|row| {
            let guess = model.classify(&row.features);
            let kind = guess.and_then(|g| kinds.get(g as usize).cloned().flatten());
            kind.as_deref() == Some(test.label_name(row.label))
        })
        .count() as u32;
    (right, count)
}

/// The pupil's own rule beside the learned model, on the same items: the items the
/// program gave an `answer` for, each judged by the kind its label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    /// Answers of the rule written by hand that were right.
    pub rule_right: u32,
    /// The model's right guesses on those items (trained on every recording).
    pub model_right: u32,
    pub total: u32,
}

/// The rule's and the model's scores on the answered items.
pub fn compare(world: &GridWorld) -> Comparison {
    let answers = &world.ai.answers;
    let total = answers.len() as u32;
    let stands_for = |label: &str| kind_of_label(world, label);
    let rule_right =
        answers.iter().filter(|a| stands_for(&a.label).as_deref() == Some(a.kind.as_str())).count() as u32;
    let data = ai_world::recorded_table(world);
    let model_right = if data.is_empty() {
        0
    } else {
        let labels = data.labels.clone();
        let (model, _) = ai_world::Trained::fit(world, data);
        answers
            .iter()
            .filter(|a| {
                let guess = model.classify(&ai_world::columns_of(world, &a.readings));
                let label = guess.and_then(|g| labels.get(g as usize));
                label.and_then(|l| stands_for(l)).as_deref() == Some(a.kind.as_str())
            })
            .count() as u32
    };
    Comparison { rule_right, model_right, total }
}

/// Checks an AI goal in a grid world.
pub fn check(goal: &Goal, world: &GridWorld) -> GoalReport {
    let (key, args, met): (&'static str, Vec<(&'static str, String)>, bool) = match goal {
        Goal::Recorded { count } => (
            "ai.goal.recorded",
            vec![("count", count.to_string())],
            world.ai.recorded.len() as u32 >= *count && labels_consistent(world),
        ),
        Goal::Sorted { bins } => {
            let mut any = false;
            let all_in = world.ai.samples.iter().all(|(cell, stack)| {
                any |= !stack.is_empty();
                stack.iter().all(|s| bins.iter().any(|b| b.kind == s.kind && b.holds(*cell)))
            });
            ("ai.goal.sorted", vec![], any && all_in && world.ai.bag.is_empty())
        }
        Goal::Accuracy { dataset, count, percent } => {
            let (right, of) = held_out_score(world, dataset, *count);
            (
                "ai.goal.accuracy",
                vec![("percent", percent.to_string())],
                of > 0 && right * 100 >= percent * of,
            )
        }
        Goal::PolicyReaches { steps } => (
            "ai.goal.policy-reaches",
            vec![("count", steps.to_string())],
            crate::ai_maze::policy_reaches(world, *steps),
        ),
        Goal::RuleAnswered { count, percent } => {
            let c = compare(world);
            (
                "ai.goal.rule-answered",
                vec![("count", count.to_string()), ("percent", percent.to_string())],
                c.total >= *count && c.total > 0 && c.rule_right * 100 >= percent * c.total,
            )
        }
        Goal::PractisedAtMost { episodes } => (
            "ai.goal.practised-at-most",
            vec![("count", episodes.to_string())],
            world.ai.episode_rewards.len() as u64 <= u64::from(*episodes),
        ),
        _ => ("goal.no-error", vec![], false),
    };
    GoalReport { key, args, status: if met { GoalStatus::Met } else { GoalStatus::NotMet } }
}
