//! Lesson goals as a tagged enum, and the itemised check: one ✓/✗ line per goal with a
//! catalogue key, so the pupil sees exactly what is still missing, in their language.

use serde::{Deserialize, Serialize};
use tafukt_world::{GridWorld, World};

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
    /// The continuous robot ends inside this rectangle of the arena (cm).
    InArea { x: i32, y: i32, w: i32, h: i32 },
    /// The continuous robot never ends a run pressed against a wall or an obstacle.
    NotBumped,
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
    /// Checks the goal in any world; a goal of the other kind of world is never met.
    pub fn check(&self, world: &World) -> GoalReport {
        match (self, world) {
            (Goal::InArea { x, y, w, h }, World::Arena(a)) => {
                let (x, y, w, h) = (*x as f64, *y as f64, *w as f64, *h as f64);
                let inside = a.robot.x >= x && a.robot.x <= x + w && a.robot.y >= y && a.robot.y <= y + h;
                report("goal.in-area", vec![], inside)
            }
            (Goal::NotBumped, World::Arena(a)) => report("goal.not-bumped", vec![], !a.bumped),
            (Goal::InArea { .. }, _) => report("goal.in-area", vec![], false),
            (Goal::NotBumped, _) => report("goal.not-bumped", vec![], false),
            (Goal::Said { text }, w) => {
                report("goal.said", vec![("text", text.clone())], w.said().iter().any(|s| s == text))
            }
            (_, World::Grid(g)) => self.check_grid(g),
            (_, World::Arena(_)) => {
                let mut r = self.check_grid(&GridWorld::default());
                r.status = GoalStatus::NotMet;
                r
            }
        }
    }

    fn check_grid(&self, world: &GridWorld) -> GoalReport {
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
            Goal::InArea { .. } | Goal::NotBumped => ("goal.in-area", vec![], false),
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
fn report(key: &'static str, args: Vec<(&'static str, String)>, met: bool) -> GoalReport {
    GoalReport { key, args, status: if met { GoalStatus::Met } else { GoalStatus::NotMet } }
}

pub fn check_all(goals: &[Goal], world: &World) -> Vec<GoalReport> {
    goals.iter().map(|g| g.check(world)).collect()
}

pub fn all_met(reports: &[GoalReport]) -> bool {
    reports.iter().all(|r| r.status == GoalStatus::Met)
}
