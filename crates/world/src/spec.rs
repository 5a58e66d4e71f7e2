//! The JSON form of a world, as lessons write it: strict (`deny_unknown_fields`), versioned,
//! and data only, never code.

use crate::sorted::SortedMap;
use serde::{Deserialize, Serialize};

use crate::grid::Dir;

pub const WORLD_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// Externally tagged (`{"grid": {…}}`): serde reads it without buffering, which keeps the
/// wasm bundle small.
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum WorldSpec {
    Grid(GridSpec),
    /// The continuous robot's arena. Only builds with the `arena` read it (the core app
    /// hands such a lesson over).
    #[cfg(feature = "arena")]
    Arena(ArenaSpec),
}

impl WorldSpec {
    /// Problems that make the world impossible to build, whatever its kind.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.check(&mut |p| out.push(p.to_string()));
        out
    }

    /// Tells `report` each problem that makes the world impossible to build. A caller that
    /// only asks whether there is one (the app, reading bundles written from checked
    /// sources) ignores the words, and they are left out of its build.
    pub fn check(&self, report: &mut impl FnMut(std::fmt::Arguments)) {
        match self {
            WorldSpec::Grid(g) => g.check(report),
            #[cfg(feature = "arena")]
            WorldSpec::Arena(a) => a.check(report),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GridSpec {
    pub width: u32,
    pub height: u32,
    pub robot: RobotSpec,
    #[serde(default)]
    pub walls: Vec<WallSpec>,
    #[serde(default)]
    pub items: Vec<ItemSpec>,
    #[serde(default)]
    pub paint: Vec<PaintSpec>,
    /// Flag markers that the `at goal` sensor detects.
    #[serde(default)]
    pub flags: Vec<Cell>,
    /// Marked tiles: each one the lesson wants painted in its colour (the `paint_marked`
    /// goal: every mark painted, and no other tile). A tile painted at the start that must
    /// stay so is marked in its colour too.
    #[serde(default)]
    pub marks: Vec<PaintSpec>,
    /// Seeded variations of this world, so a path learnt by heart does not pass.
    #[serde(default)]
    pub variants: Option<Variants>,
}

/// The seeds a solution must pass on, and what each seed changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Variants {
    pub seeds: Vec<u64>,
    pub rules: Vec<RandomRule>,
}

/// One thing a seed decides, applied in order after the fixed parts of the world. Only
/// builds with `later_units` read any (the first unit's lessons have none: the core app
/// hands a lesson with one over), and the full app's own rules come after them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RandomRule {
    /// The number of items of `kind` on a cell, between `min` and `max` (0 means none).
    #[cfg(feature = "later_units")]
    ItemCount { x: u32, y: u32, kind: String, min: u32, max: u32 },
    /// All of these walls but one, chosen by the seed: a gap the robot must find.
    #[cfg(feature = "later_units")]
    WallGap { walls: Vec<WallSpec> },
    /// The robot starts facing one of these directions.
    #[cfg(feature = "later_units")]
    StartHeading { choices: Vec<Dir> },
    /// The flag stands on one of these cells.
    #[cfg(feature = "later_units")]
    FlagAt { cells: Vec<Cell> },
    /// A tile marked `colour` on one of these cells (for `paint_marked`): the tiles to paint
    /// change with the seed, so a painting learnt by heart does not pass.
    #[cfg(feature = "later_units")]
    MarkAt { cells: Vec<Cell>, colour: String },
    /// AI lessons: measurable items drawn from a seeded dataset (see `crate::ai`).
    #[cfg(feature = "ai")]
    Samples(crate::ai::SamplesSpec),
    /// AI lessons: one measurable item with the readings given.
    #[cfg(feature = "ai")]
    MeasuredItem(crate::ai::MeasuredItemSpec),
    /// AI lessons: the model the AI built-ins use (its random choices follow the seed).
    #[cfg(feature = "ai")]
    Learner(crate::ai::LearnerSpec),
    /// AI lessons: a road or corridor drawn afresh for each seed (see `crate::ai::PathSpec`).
    #[cfg(feature = "ai")]
    Path(crate::ai::PathSpec),
    /// A perfect maze carved into the region for each seed, the robot on a seeded square and
    /// the flag on the square farthest from it (see `crate::maze`). Full app only: it comes
    /// after the AI rules, so the core app, which cannot read it, hands the lesson over.
    #[cfg(feature = "puzzles")]
    Maze { x: u32, y: u32, width: u32, height: u32 },
    /// The robot starts on one of these squares, chosen by the seed (facing as the world
    /// says, or as a `start_heading` rule draws it). Full app only, after the maze for the
    /// same reason.
    #[cfg(feature = "puzzles")]
    StartAt { cells: Vec<Cell> },
    /// Each of these walls stands or not, drawn for each wall on its own (one chance in two):
    /// a program must look before it moves, not remember. Full app only.
    #[cfg(feature = "puzzles")]
    WallMaybe { walls: Vec<WallSpec> },
    /// A pair of portals: one on one of the cells `a`, the other on one of the cells `b`,
    /// each chosen by the seed (one cell each: always there). A robot that moves onto one
    /// comes out of the other, facing the same way. Full app only.
    #[cfg(feature = "puzzles")]
    Portal { a: Vec<Cell>, b: Vec<Cell> },
    /// A switch on each of these squares, off at the start; with `maybe`, each one on or
    /// off by the seed (one chance in two), so a program must look before it toggles.
    /// `toggle` flips the switch under the robot; the `switches_on` goal wants them all on.
    /// Full app only.
    #[cfg(feature = "puzzles")]
    Switches {
        cells: Vec<Cell>,
        #[serde(default)]
        maybe: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub x: u32,
    pub y: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RobotSpec {
    pub x: u32,
    pub y: u32,
    pub heading: Dir,
    /// Items the robot starts with, by kind.
    #[serde(default)]
    pub bag: SortedMap<String, u32>,
}

/// A wall on one side of a cell. The world's border is always a wall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WallSpec {
    pub x: u32,
    pub y: u32,
    pub side: Dir,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    pub x: u32,
    pub y: u32,
    pub kind: String,
    #[serde(default = "one")]
    pub count: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PaintSpec {
    pub x: u32,
    pub y: u32,
    pub colour: String,
}

/// Largest grid side a lesson may ask for: big enough for any lesson, small enough to draw.
pub const MAX_SIDE: u32 = 100;

/// Most items a grid world may hold (on the ground, in the bag, and the most a seed may
/// draw, together). Items are only moved, never made, so every count a run adds up fits.
pub const MAX_ITEMS: u32 = 10_000;

impl GridSpec {
    /// Problems that make the world impossible to build.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.check(&mut |p| out.push(p.to_string()));
        out
    }

    /// Tells `report` each problem that makes the world impossible to build.
    pub fn check(&self, report: &mut impl FnMut(std::fmt::Arguments)) {
        if self.width == 0 || self.height == 0 || self.width > MAX_SIDE || self.height > MAX_SIDE {
            report(format_args!("grid size {}×{} must be between 1 and {MAX_SIDE}", self.width, self.height));
        }
        let inside = |x: u32, y: u32| x < self.width && y < self.height;
        if !inside(self.robot.x, self.robot.y) {
            report(format_args!("robot at ({}, {}) is outside the grid", self.robot.x, self.robot.y));
        }
        for w in &self.walls {
            if !inside(w.x, w.y) {
                report(format_args!("wall at ({}, {}) is outside the grid", w.x, w.y));
            }
        }
        for i in &self.items {
            if !inside(i.x, i.y) {
                report(format_args!("item at ({}, {}) is outside the grid", i.x, i.y));
            }
        }
        for p in &self.paint {
            if !inside(p.x, p.y) {
                report(format_args!("paint at ({}, {}) is outside the grid", p.x, p.y));
            }
        }
        for f in &self.flags {
            if !inside(f.x, f.y) {
                report(format_args!("flag at ({}, {}) is outside the grid", f.x, f.y));
            }
        }
        #[cfg(feature = "later_units")]
        let chosen_marks = self.variants.iter().flat_map(|v| &v.rules).filter_map(|r| match r {
            RandomRule::MarkAt { colour, .. } => Some(colour),
            _ => None,
        });
        #[cfg(not(feature = "later_units"))]
        let chosen_marks = std::iter::empty();
        for m in &self.marks {
            if !inside(m.x, m.y) {
                report(format_args!("mark at ({}, {}) is outside the grid", m.x, m.y));
            }
        }
        for colour in self.marks.iter().map(|m| &m.colour).chain(chosen_marks) {
            if !crate::grid::COLOURS.contains(&colour.as_str()) {
                report(format_args!("a mark's colour `{colour}` is not one the robot can paint"));
            }
        }
        let fixed = self.items.iter().map(|i| i.count).chain(self.robot.bag.values().copied());
        #[cfg(feature = "later_units")]
        let drawn = self.variants.iter().flat_map(|v| &v.rules).filter_map(|r| match r {
            RandomRule::ItemCount { max, .. } => Some(*max),
            _ => None,
        });
        #[cfg(not(feature = "later_units"))]
        let drawn = std::iter::empty();
        let total = fixed.chain(drawn).fold(0u64, |sum, n| sum.saturating_add(n as u64));
        if total > MAX_ITEMS as u64 {
            report(format_args!("the world holds up to {total} items; at most {MAX_ITEMS} are allowed"));
        }
        if let Some(v) = &self.variants {
            if v.seeds.is_empty() {
                report(format_args!("variants need at least one seed"));
            }
            #[cfg(feature = "later_units")]
            for rule in &v.rules {
                let cells: Vec<(u32, u32)> = match rule {
                    RandomRule::ItemCount { x, y, min, max, .. } => {
                        if min > max {
                            report(format_args!("item count at ({x}, {y}) has min {min} above max {max}"));
                        }
                        vec![(*x, *y)]
                    }
                    RandomRule::WallGap { walls } => walls.iter().map(|w| (w.x, w.y)).collect(),
                    RandomRule::FlagAt { cells } | RandomRule::MarkAt { cells, .. } => {
                        cells.iter().map(|c| (c.x, c.y)).collect()
                    }
                    RandomRule::StartHeading { choices } => {
                        if choices.is_empty() {
                            report(format_args!("start_heading needs at least one choice"));
                        }
                        vec![]
                    }
                    #[cfg(feature = "ai")]
                    RandomRule::Samples(s) => {
                        if s.cells.is_empty() {
                            report(format_args!("samples need at least one cell"));
                        }
                        s.cells.iter().map(|c| (c.x, c.y)).collect()
                    }
                    #[cfg(feature = "ai")]
                    RandomRule::MeasuredItem(i) => vec![(i.x, i.y)],
                    #[cfg(feature = "ai")]
                    RandomRule::Learner(_) => vec![],
                    #[cfg(feature = "puzzles")]
                    RandomRule::Maze { x, y, width, height } => {
                        if *width < 2 || *height < 2 {
                            report(format_args!("a maze needs a region of 2 × 2 squares or more"));
                        }
                        vec![(*x, *y), (x + width.saturating_sub(1), y + height.saturating_sub(1))]
                    }
                    #[cfg(feature = "puzzles")]
                    RandomRule::StartAt { cells } => cells.iter().map(|c| (c.x, c.y)).collect(),
                    #[cfg(feature = "puzzles")]
                    RandomRule::WallMaybe { walls } => walls.iter().map(|w| (w.x, w.y)).collect(),
                    #[cfg(feature = "puzzles")]
                    RandomRule::Portal { a, b } => {
                        if a.iter().any(|c| b.contains(c)) {
                            report(format_args!("a portal's two ends may not be on the same square"));
                        }
                        a.iter().chain(b).map(|c| (c.x, c.y)).collect()
                    }
                    #[cfg(feature = "puzzles")]
                    RandomRule::Switches { cells, .. } => cells.iter().map(|c| (c.x, c.y)).collect(),
                    #[cfg(feature = "ai")]
                    RandomRule::Path(p) => {
                        if p.length < 2 || p.marked > p.length {
                            report(format_args!(
                                "a path needs a length of 2 or more, and no more marked cells"
                            ));
                        }
                        vec![(p.x, p.y)]
                    }
                };
                #[cfg(feature = "puzzles")]
                let empty = matches!(rule, RandomRule::StartAt { cells } if cells.is_empty())
                    || matches!(rule, RandomRule::WallMaybe { walls } if walls.is_empty())
                    || matches!(rule, RandomRule::Portal { a, b } if a.is_empty() || b.is_empty())
                    || matches!(rule, RandomRule::Switches { cells, .. } if cells.is_empty());
                #[cfg(not(feature = "puzzles"))]
                let empty = false;
                if empty
                    || matches!(rule, RandomRule::WallGap { walls } if walls.is_empty())
                    || matches!(rule, RandomRule::FlagAt { cells } | RandomRule::MarkAt { cells, .. } if cells.is_empty())
                {
                    report(format_args!("a random rule needs at least one place to choose from"));
                }
                for (x, y) in cells {
                    if !inside(x, y) {
                        report(format_args!("random rule place ({x}, {y}) is outside the grid"));
                    }
                }
            }
        }
    }
}

/// A continuous arena (see [`crate::arena`]), measured in whole centimetres (and whole
/// degrees): plain integers keep lesson files readable and float parsing out of the bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArenaSpec {
    pub width: i32,
    pub height: i32,
    pub robot: ArenaRobotSpec,
    #[serde(default)]
    pub obstacles: Vec<Obstacle>,
    /// Coloured floor areas, later ones on top; a line to follow is a thin black area.
    #[serde(default)]
    pub floor: Vec<Area>,
    /// The seeds a solution must pass on. Each seed picks one of each `…_choices` list, so a
    /// drive timed by heart does not pass. (Flat lists rather than rules like the grid's: they
    /// reuse the readers the arena already has, which keeps the wasm small.)
    #[serde(default)]
    pub seeds: Vec<u64>,
    /// The robot starts facing one of these headings (degrees clockwise from east).
    #[serde(default)]
    pub heading_choices: Vec<i32>,
    /// One of these obstacles stands in the arena.
    #[serde(default)]
    pub obstacle_choices: Vec<Obstacle>,
    /// One of these floor areas is painted, on top of the fixed floor.
    #[serde(default)]
    pub floor_choices: Vec<Area>,
    /// Lines painted over the floor areas, later ones on top: a road that bends (straight
    /// pieces through points) or curves (an arc). Last, and only in builds with the arena:
    /// the core app hands every arena lesson over, and its reader stops before them.
    #[cfg(feature = "arena")]
    #[serde(default)]
    pub lines: Vec<FloorLine>,
    /// How many different `obstacle_choices` stand in each seed's arena (one when not
    /// given): rocks in other places every time, so a way round learnt by heart fails.
    #[cfg(feature = "arena")]
    #[serde(default)]
    pub obstacle_count: Option<u32>,
}

/// A line painted on the arena's floor, `width` cm wide, in whole centimetres and degrees.
#[cfg(feature = "arena")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum FloorLine {
    /// Straight pieces from point to point (`[x, y]`), with round joins.
    Path { points: Vec<[i32; 2]>, width: i32, colour: String },
    /// The part of the circle around `(x, y)` of radius `r` from heading `from` to heading
    /// `to`, clockwise (headings in degrees clockwise from east, as the robot's).
    Arc { x: i32, y: i32, r: i32, from: i32, to: i32, width: i32, colour: String },
}

/// Most lines an arena may have, and most points a line may pass through: the line sensor
/// measures its distance to every piece at every step of a run.
#[cfg(feature = "arena")]
pub const MAX_FLOOR_LINES: usize = 32;
#[cfg(feature = "arena")]
pub const MAX_LINE_POINTS: usize = 64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArenaRobotSpec {
    pub x: i32,
    pub y: i32,
    /// Degrees, clockwise from east.
    pub heading: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Obstacle {
    Rect { x: i32, y: i32, w: i32, h: i32 },
    Circle { x: i32, y: i32, r: i32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub colour: String,
}

impl Area {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let (ax, ay) = (self.x as f64, self.y as f64);
        x >= ax && x <= ax + self.w as f64 && y >= ay && y <= ay + self.h as f64
    }
}

/// Largest arena side, in cm.
pub const MAX_ARENA_SIDE: f64 = 1000.0;

impl ArenaSpec {
    /// An arena with no variants: what tests and benchmarks build in code.
    pub fn fixed(
        width: i32,
        height: i32,
        robot: ArenaRobotSpec,
        obstacles: Vec<Obstacle>,
        floor: Vec<Area>,
    ) -> ArenaSpec {
        ArenaSpec {
            width,
            height,
            robot,
            obstacles,
            floor,
            seeds: vec![],
            heading_choices: vec![],
            obstacle_choices: vec![],
            floor_choices: vec![],
            #[cfg(feature = "arena")]
            lines: vec![],
            #[cfg(feature = "arena")]
            obstacle_count: None,
        }
    }

    /// Problems that make the arena impossible to simulate.
    #[cfg(feature = "arena")]
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.check(&mut |p| out.push(p.to_string()));
        out
    }

    /// Tells `report` each problem that makes the arena impossible to simulate.
    #[cfg(feature = "arena")]
    pub fn check(&self, report: &mut impl FnMut(std::fmt::Arguments)) {
        let max = MAX_ARENA_SIDE as i32;
        if self.width < 20 || self.height < 20 || self.width > max || self.height > max {
            report(format_args!("arena size must be between 20 and {max} cm"));
        }
        // In i64: `width - r` overflows an i32 for a width near i32::MIN.
        let r = crate::arena::RADIUS as i64;
        let (x, y) = (self.robot.x as i64, self.robot.y as i64);
        if x < r || y < r || x > self.width as i64 - r || y > self.height as i64 - r {
            report(format_args!("the robot must start inside the arena"));
        }
        let chosen = &self.obstacle_choices;
        let mut arena = crate::arena::Arena::new(self);
        for o in self.obstacles.iter().chain(chosen) {
            let fine = match *o {
                Obstacle::Rect { w, h, .. } => w > 0 && h > 0,
                Obstacle::Circle { r, .. } => r > 0,
            };
            if !fine {
                report(format_args!("an obstacle needs a positive size"));
            }
            arena.obstacles = vec![*o];
            if arena.blocked(arena.robot.x, arena.robot.y) {
                report(format_args!("an obstacle covers the robot's start"));
            }
        }
        if self.lines.len() > MAX_FLOOR_LINES {
            report(format_args!("at most {MAX_FLOOR_LINES} lines may be painted on the floor"));
        }
        for line in &self.lines {
            let (width, fine) = match line {
                FloorLine::Path { points, width, .. } => {
                    (*width, (2..=MAX_LINE_POINTS).contains(&points.len()))
                }
                FloorLine::Arc { r, from, to, width, .. } => {
                    (*width, *r > 0 && *r <= max && (-360..=720).contains(from) && (-360..=720).contains(to))
                }
            };
            if !fine || !(1..=50).contains(&width) {
                report(format_args!(
                    "a floor line needs 2 to {MAX_LINE_POINTS} points (an arc a radius up to {max} cm and headings from -360 to 720), and a width of 1 to 50 cm"
                ));
            }
        }
        if let Some(n) = self.obstacle_count {
            if n == 0 || n as usize > self.obstacle_choices.len() {
                report(format_args!(
                    "obstacle_count must be between 1 and the {} obstacle choices",
                    self.obstacle_choices.len()
                ));
            }
        }
        let choices = !(self.heading_choices.is_empty()
            && self.obstacle_choices.is_empty()
            && self.floor_choices.is_empty());
        if choices && self.seeds.is_empty() {
            report(format_args!("choices need at least one seed"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arena_as_wide_as_i32_min_is_a_problem_not_an_overflow() {
        let robot = ArenaRobotSpec { x: 0, y: 0, heading: 0 };
        let arena = ArenaSpec::fixed(i32::MIN, i32::MIN, robot, vec![], vec![]);
        assert_eq!(
            arena.problems()[..2],
            ["arena size must be between 20 and 1000 cm", "the robot must start inside the arena"]
        );
    }
}
