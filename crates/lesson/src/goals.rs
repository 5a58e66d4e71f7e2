//! Lesson goals as a tagged enum, and the itemised check: one ✓/✗ line per goal with a
//! catalogue key, so the pupil sees exactly what is still missing, in their language.

use serde::{Deserialize, Serialize};
#[cfg(feature = "arena")]
use tafukt_world::drawing::draws_shape;
use tafukt_world::drawing::Segment;
use tafukt_world::{Dir, GridWorld, World};

/// How near a grid drawing must be to its target, in cells (strokes join cell centres).
#[cfg(feature = "arena")]
const GRID_TOLERANCE: f64 = 0.25;

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
    /// The grid robot ends facing this way.
    Heading { heading: Dir },
    /// Exactly `count` items (of `kind`, or of any kind) lie on this cell at the end.
    ItemsAt {
        x: u32,
        y: u32,
        #[serde(default)]
        kind: Option<String>,
        count: u32,
    },
    /// The grid robot used at most this many actions (moves, turns, pick-ups …).
    WithinSteps { steps: u32 },
    // The goals of the lessons after the first unit's: only builds with `later_units` read
    // them (the full app; the core app hands such a lesson over). They stay after every goal
    // the core reads, so those goals' places in the bundled form are the same in both apps.
    /// At least this many tiles are painted `colour`.
    #[cfg(feature = "later_units")]
    TilesPainted { colour: String, count: u32 },
    /// The program said exactly this text at some point.
    #[cfg(feature = "later_units")]
    Said { text: String },
    /// The robot ends inside this rectangle: cells in a grid, centimetres in the arena.
    #[cfg(feature = "later_units")]
    InArea { x: i32, y: i32, w: i32, h: i32 },
    /// The robot ends on floor (arena: under its line sensor) or a tile (grid) of this colour.
    #[cfg(feature = "later_units")]
    EndsOn { colour: String },
    /// The pen drew this shape (segments `[x1, y1, x2, y2]`: cells joining cell centres in a
    /// grid, centimetres in the arena) and nothing else, in any order and direction.
    #[cfg(feature = "later_units")]
    ShapeDrawn {
        segments: Vec<Segment>,
        /// Arena only: how far (cm) the drawing may stray from the shape; grids use a quarter cell.
        #[serde(default = "default_tolerance")]
        tolerance: u32,
        /// The shape may be drawn anywhere, not only where the dotted guide shows it.
        #[serde(default)]
        anywhere: bool,
    },
    /// The continuous robot never touches a wall or an obstacle, at any moment of the run.
    #[cfg(feature = "later_units")]
    NotBumped,
    /// The program's last words are how many items the robot holds at the end (so the
    /// count must be worked out, not learnt by heart from one variant).
    #[cfg(feature = "later_units")]
    SaidBagCount,
    /// Every marked tile is painted in its mark's colour, and no other tile is painted:
    /// the right tiles, not only the right number (marks follow the world's seed). A puzzle
    /// goal: only builds with the `puzzles` feature read it (the full app; the core app hands
    /// such a lesson over). It stays after every goal the core reads, so their places in the
    /// bundled form are the same in both apps.
    #[cfg(feature = "puzzles")]
    PaintMarked,
    /// Every switch of the world is on at the end (switches start off or on by the seed).
    /// A puzzle goal, after `PaintMarked` for the same reason.
    #[cfg(feature = "puzzles")]
    SwitchesOn,
    /// The robot's bag is empty at the end: everything it picked up is put down again.
    #[cfg(feature = "puzzles")]
    BagEmpty,
    /// At least `count` items lie on the flag's square at the end, wherever the world's
    /// seed put the flag (on each flag's square, if there are several): "carry it there".
    #[cfg(feature = "puzzles")]
    ItemsAtFlag { count: u32 },
    /// Each square of row `to_y` holds, at the end, as many items as the square of its column
    /// in row `from_y` held at the start, and row `from_y` is as it was (rows counted from 0,
    /// top first): copy a row the seed filled. A puzzle goal.
    #[cfg(feature = "puzzles")]
    RowCopied { from_y: u32, to_y: u32 },
    /// The robot never picks up again something it put down itself (taking from a square
    /// where it put things down takes those first). A puzzle goal.
    #[cfg(feature = "puzzles")]
    NothingCollectedTwice,
    /// AI: at least `count` examples recorded, each kind with a label of its own.
    #[cfg(feature = "ai")]
    Recorded { count: u32 },
    /// AI: every measurable item lies in a bin of its kind, none left in the bag.
    #[cfg(feature = "ai")]
    Sorted { bins: Vec<crate::ai_goals::Bin> },
    /// AI: the model trained on the recordings is right about at least `percent` % of
    /// `count` held-out items drawn from `dataset` for the world's seed.
    #[cfg(feature = "ai")]
    Accuracy { dataset: String, count: u32, percent: u32 },
    /// AI: following the learned best moves from the start reaches a flag within `steps`.
    #[cfg(feature = "ai")]
    PolicyReaches { steps: u32 },
    /// AI: the program's own rule (`answer`) gave at least `count` answers, right on at
    /// least `percent` % of them; the learned model's score on the same items is shown beside.
    #[cfg(feature = "ai")]
    RuleAnswered { count: u32, percent: u32 },
    /// AI: the robot practised (`practise`) at most `episodes` episodes in all, so a lesson
    /// about how fast it learns cannot be passed by practising without end.
    #[cfg(feature = "ai")]
    PractisedAtMost { episodes: u32 },
}

#[cfg(feature = "later_units")]
fn default_tolerance() -> u32 {
    5
}

/// Whether the continuous robot has stopped its motors: the program ends, the robot would not
/// (goals that say "stop the robot" ask it).
#[cfg(feature = "arena")]
fn stopped(a: &tafukt_world::arena::Arena) -> bool {
    a.motors == (0.0, 0.0)
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
            #[cfg(feature = "arena")]
            (Goal::InArea { x, y, w, h }, World::Arena(a)) => {
                let (x, y, w, h) = (*x as f64, *y as f64, *w as f64, *h as f64);
                let inside = a.robot.x >= x && a.robot.x <= x + w && a.robot.y >= y && a.robot.y <= y + h;
                // "Stop the robot inside": a robot whose motors still turn would roll on.
                report("goal.in-area", vec![], inside && stopped(a))
            }
            #[cfg(feature = "arena")]
            (Goal::NotBumped, World::Arena(a)) => not_bumped(a),
            #[cfg(feature = "later_units")]
            (Goal::InArea { x, y, w, h }, World::Grid(g)) => {
                // In i64: a lesson's `x + w` may not fit in an i32.
                let (rx, ry, x, y) = (g.robot.x as i64, g.robot.y as i64, *x as i64, *y as i64);
                report("goal.in-area", vec![], rx >= x && rx < x + *w as i64 && ry >= y && ry < y + *h as i64)
            }
            #[cfg(feature = "later_units")]
            (Goal::EndsOn { colour }, w) => {
                let (under, stopped) = match w {
                    World::Grid(g) => (g.tile_colour(), true),
                    #[cfg(feature = "arena")]
                    World::Arena(a) => (a.floor_colour(), stopped(a)),
                };
                report("goal.ends-on", vec![("colour", colour.clone())], under == colour && stopped)
            }
            #[cfg(feature = "arena")]
            (Goal::ShapeDrawn { segments, tolerance, anywhere }, w) => {
                let (strokes, tolerance) = match w {
                    World::Grid(g) => (g.pen.strokes(), GRID_TOLERANCE),
                    World::Arena(a) => (a.pen.strokes(), *tolerance as f64),
                };
                let key = if *anywhere { "goal.shape-drawn-anywhere" } else { "goal.shape-drawn" };
                report(key, vec![], draws_shape(&strokes, segments, tolerance, *anywhere))
            }
            // The core app hands drawing lessons to the full app before they run.
            #[cfg(all(feature = "later_units", not(feature = "arena")))]
            (Goal::ShapeDrawn { anywhere, .. }, _) => {
                let key = if *anywhere { "goal.shape-drawn-anywhere" } else { "goal.shape-drawn" };
                report(key, vec![], false)
            }
            #[cfg(feature = "later_units")]
            (Goal::NotBumped, _) => report("goal.not-bumped", vec![], false),
            #[cfg(feature = "later_units")]
            (Goal::Said { text }, w) => {
                report("goal.said", vec![("text", text.clone())], w.said().iter().any(|s| s == text))
            }
            (_, World::Grid(g)) => self.check_grid(g),
            #[cfg(feature = "arena")]
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
            #[cfg(feature = "later_units")]
            Goal::TilesPainted { colour, count } => {
                let painted = world.paint.values().filter(|c| *c == colour).count() as u32;
                (
                    "goal.tiles-painted",
                    vec![("count", count.to_string()), ("colour", colour.clone())],
                    painted >= *count,
                )
            }
            #[cfg(feature = "puzzles")]
            Goal::PaintMarked => return paint_marked(world),
            #[cfg(feature = "puzzles")]
            Goal::BagEmpty => match world.bag_total() {
                0 => ("world.bag-emptied", vec![], true),
                n => ("world.bag-left", vec![("count", n.to_string())], false),
            },
            #[cfg(feature = "puzzles")]
            Goal::ItemsAtFlag { count } => {
                let here = |cell| world.items.get(cell).map_or(0, |kinds| kinds.values().sum::<u32>());
                let met = !world.flags.is_empty() && world.flags.iter().all(|f| here(f) >= *count);
                ("world.items-at-flag", vec![("count", count.to_string())], met)
            }
            #[cfg(feature = "puzzles")]
            Goal::RowCopied { from_y, to_y } => return row_copied(world, *from_y, *to_y),
            #[cfg(feature = "puzzles")]
            Goal::NothingCollectedTwice => match world.puzzle.collected_twice {
                0 => ("world.nothing-collected-twice", vec![], true),
                _ => ("world.collected-twice", vec![], false),
            },
            #[cfg(feature = "puzzles")]
            Goal::SwitchesOn => match world.puzzle.switches_off() {
                0 => ("world.switches-on", vec![], true),
                n => ("world.switches-on-left", vec![("count", n.to_string())], false),
            },
            #[cfg(feature = "later_units")]
            Goal::Said { text } => {
                ("goal.said", vec![("text", text.clone())], world.said.iter().any(|s| s == text))
            }
            Goal::Heading { heading } => (
                "goal.heading",
                vec![("heading", heading.name().to_string())],
                world.robot.heading == *heading,
            ),
            Goal::ItemsAt { x, y, kind, count } => {
                let here = world.items.get(&(*x, *y));
                let n: u32 = match kind {
                    Some(k) => here.and_then(|kinds| kinds.get(k)).copied().unwrap_or(0),
                    None => here.map_or(0, |kinds| kinds.values().sum()),
                };
                (
                    "goal.items-at",
                    vec![("count", count.to_string()), ("x", x.to_string()), ("y", y.to_string())],
                    n == *count,
                )
            }
            Goal::WithinSteps { steps } => {
                ("goal.within-steps", vec![("count", steps.to_string())], world.actions <= *steps)
            }
            // Checked in `check` for both worlds.
            #[cfg(feature = "later_units")]
            Goal::InArea { .. } | Goal::NotBumped | Goal::ShapeDrawn { .. } | Goal::EndsOn { .. } => {
                ("goal.in-area", vec![], false)
            }
            #[cfg(feature = "later_units")]
            Goal::SaidBagCount => (
                "goal.said-count",
                vec![],
                world.said.last().is_some_and(|s| *s == world.bag_total().to_string()),
            ),
            #[cfg(feature = "ai")]
            Goal::Recorded { .. }
            | Goal::Sorted { .. }
            | Goal::Accuracy { .. }
            | Goal::PolicyReaches { .. }
            | Goal::RuleAnswered { .. }
            | Goal::PractisedAtMost { .. } => return crate::ai_goals::check(self, world),
        };
        GoalReport { key, args, status: if met { GoalStatus::Met } else { GoalStatus::NotMet } }
    }
}

/// `not_bumped` over the whole run: the first touch is named (a wall or an obstacle) with
/// where the robot was, in whole centimetres as the arena's lessons measure.
#[cfg(feature = "arena")]
fn not_bumped(a: &tafukt_world::Arena) -> GoalReport {
    use tafukt_world::arena::Contact;
    match a.first_touch {
        None => report("goal.not-bumped", vec![], true),
        Some(t) => {
            let key = match t.what {
                Contact::Wall => "world.touched-wall",
                Contact::Obstacle => "world.touched-obstacle",
            };
            let cm = |v: f64| (v.round() as i64).to_string();
            report(key, vec![("x", cm(t.x)), ("y", cm(t.y))], false)
        }
    }
}

/// `paint_marked`, itemised by what is wrong first: a tile painted that is not marked, then
/// a marked tile of another colour (each the first in reading order, named by its column and
/// row counted from 1, as the pupil counts), then how many marked tiles are still unpainted.
/// One walk over the cells in reading order (a plain loop keeps the core app small).
#[cfg(feature = "puzzles")]
fn paint_marked(world: &GridWorld) -> GoalReport {
    let place = |x: u32, y: u32| vec![("column", (x + 1).to_string()), ("row", (y + 1).to_string())];
    let mut left = 0u32;
    let mut wrong = None;
    for y in 0..world.height {
        for x in 0..world.width {
            match (world.paint.get(&(x, y)), world.marks.get(&(x, y))) {
                (Some(_), None) => return report("world.paint-marked-extra", place(x, y), false),
                (Some(p), Some(m)) if p != m && wrong.is_none() => wrong = Some((x, y, m)),
                (None, Some(_)) => left += 1,
                _ => {}
            }
        }
    }
    match (wrong, left) {
        (Some((x, y, colour)), _) => {
            let mut args = place(x, y);
            args.push(("colour", colour.clone()));
            report("world.paint-marked-wrong", args, false)
        }
        (None, 0) => report("world.paint-marked", vec![], true),
        (None, n) => report("world.paint-marked-left", vec![("count", n.to_string())], false),
    }
}

/// `row_copied`: the first column, from the west, whose square in row `from` changed (a copy
/// leaves what it copies as it was), else the first whose square in row `to` holds another
/// number of items than its square in row `from` held at the start, named with both numbers
/// (columns and rows counted from 1, as the pupil counts).
#[cfg(feature = "puzzles")]
fn row_copied(world: &GridWorld, from: u32, to: u32) -> GoalReport {
    let count = |items: &tafukt_world::grid::Items, x: u32, y: u32| {
        items.get(&(x, y)).map_or(0, |kinds| kinds.values().sum::<u32>())
    };
    let rows = vec![("from", (from + 1).to_string()), ("to", (to + 1).to_string())];
    let start = |x| count(&world.puzzle.start_items, x, from);
    // A copy leaves the row it copies as it was.
    let moved = (0..world.width).find(|x| count(&world.items, *x, from) != start(*x));
    let wrong = (0..world.width).find_map(|x| {
        let (want, have) = (start(x), count(&world.items, x, to));
        (want != have).then_some((x, want, have))
    });
    let mut args = rows;
    match (moved, wrong) {
        (Some(x), _) => {
            args.push(("column", (x + 1).to_string()));
            report("world.row-copied-moved", args, false)
        }
        (None, None) => report("world.row-copied", args, true),
        (None, Some((x, want, have))) => {
            args.extend([
                ("column", (x + 1).to_string()),
                ("want", want.to_string()),
                ("have", have.to_string()),
            ]);
            report("world.row-copied-column", args, false)
        }
    }
}

#[cfg(feature = "later_units")]
fn report(key: &'static str, args: Vec<(&'static str, String)>, met: bool) -> GoalReport {
    GoalReport { key, args, status: if met { GoalStatus::Met } else { GoalStatus::NotMet } }
}

/// Checks every goal; the lesson is passed when all are met.
pub fn check_all(goals: &[Goal], world: &World) -> Vec<GoalReport> {
    goals.iter().map(|g| g.check(world)).collect()
}

pub fn all_met(reports: &[GoalReport]) -> bool {
    reports.iter().all(|r| r.status == GoalStatus::Met)
}

/// The dotted guide the stage draws for the lesson's shape goals.
pub fn guides(goals: &[Goal]) -> Vec<Segment> {
    goals
        .iter()
        .flat_map(|g| match g {
            #[cfg(feature = "later_units")]
            Goal::ShapeDrawn { segments, .. } => segments.as_slice(),
            _ => &[],
        })
        .copied()
        .collect()
}
