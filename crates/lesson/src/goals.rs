//! Lesson goals as a tagged enum, and the itemised check: one ✓/✗ line per goal with a
//! catalogue key, so the pupil sees exactly what is still missing, in their language.

use serde::{Deserialize, Serialize};
use tafukt_world::GridWorld;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// Externally tagged (`{"robot_at": {"x": 1, "y": 0}}`, or `"no_items_left"`): serde reads
/// it without buffering, which keeps the wasm bundle small.
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Goal {
    /// The robot ends on this cell (shown as "reach the flag" when a flag is there).
    RobotAt { x: u32, y: u32 },
    /// The robot ends on a flag, wherever the world's variant put it.
    AtFlag,
    /// The robot's bag holds at least this many items at the end.
    ItemsCollected { count: u32 },
    /// No item is left on the ground.
    NoItemsLeft,
    /// At least this many tiles are painted `colour`.
    TilesPainted { colour: String, count: u32 },
    /// The program said exactly this text at some point.
    Said { text: String },
    /// The program's last words are how many items the robot holds at the end (so the
    /// count must be worked out, not learnt by heart from one variant).
    SaidBagCount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalStatus {
    Met,
    NotMet,
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalReport {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub status: GoalStatus,
}

impl Goal {
    pub fn check(&self, world: &GridWorld) -> GoalReport {
        let (key, args, met): (&'static str, Vec<(&'static str, String)>, bool) = match self {
            Goal::RobotAt { x, y } => {
                let key =
                    if world.flags.contains(&(*x, *y)) { "goal.robot-at" } else { "goal.robot-at-cell" };
                (
                    key,
                    vec![("x", x.to_string()), ("y", y.to_string())],
                    world.robot.x == *x && world.robot.y == *y,
                )
            }
            Goal::AtFlag => ("goal.robot-at", vec![], world.at_flag()),
            Goal::ItemsCollected { count } => {
                ("goal.items-collected", vec![("count", count.to_string())], world.bag_total() >= *count)
            }
            Goal::NoItemsLeft => {
                ("goal.no-items-left", vec![], world.items.values().all(|k| k.values().all(|n| *n == 0)))
            }
            Goal::TilesPainted { colour, count } => {
                let painted = world.paint.values().filter(|c| *c == colour).count() as u32;
                (
                    "goal.tiles-painted",
                    vec![("count", count.to_string()), ("colour", colour.clone())],
                    painted >= *count,
                )
            }
            Goal::Said { text } => {
                ("goal.said", vec![("text", text.clone())], world.said.iter().any(|s| s == text))
            }
            Goal::SaidBagCount => (
                "goal.said-count",
                vec![],
                world.said.last().is_some_and(|s| *s == world.bag_total().to_string()),
            ),
        };
        GoalReport { key, args, status: if met { GoalStatus::Met } else { GoalStatus::NotMet } }
    }
}

/// Checks every goal; the lesson is passed when all are met.
pub fn check_all(goals: &[Goal], world: &GridWorld) -> Vec<GoalReport> {
    goals.iter().map(|g| g.check(world)).collect()
}

pub fn all_met(reports: &[GoalReport]) -> bool {
    reports.iter().all(|r| r.status == GoalStatus::Met)
}
