//! The grid world (Karel / Reeborg style): cells, walls on cell edges, items, painted tiles,
//! marked tiles (to paint), flags, and a robot with a heading and a bag. `y` grows downwards
//! (row 0 is the top).

use serde::{Deserialize, Serialize};

use std::rc::Rc;

use crate::pen::Pen;
use crate::sorted::{SortedMap, SortedSet};

/// Items on the ground: kinds and counts by cell.
pub type Items = SortedMap<(u32, u32), SortedMap<String, u32>>;
/// Tiles the lesson wants painted, with the colour of each.
pub type Marks = SortedMap<(u32, u32), String>;
use crate::spec::GridSpec;
#[cfg(feature = "later_units")]
use crate::spec::RandomRule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dir {
    North,
    East,
    South,
    West,
}

impl Dir {
    pub fn left(self) -> Dir {
        match self {
            Dir::North => Dir::West,
            Dir::West => Dir::South,
            Dir::South => Dir::East,
            Dir::East => Dir::North,
        }
    }

    pub fn right(self) -> Dir {
        self.left().left().left()
    }

    pub fn delta(self) -> (i64, i64) {
        match self {
            Dir::North => (0, -1),
            Dir::East => (1, 0),
            Dir::South => (0, 1),
            Dir::West => (-1, 0),
        }
    }

    /// The direction's name, as data attributes and summaries write it.
    pub fn name(self) -> &'static str {
        match self {
            Dir::North => "north",
            Dir::East => "east",
            Dir::South => "south",
            Dir::West => "west",
        }
    }

    /// Clockwise angle from north, in degrees, for drawing.
    pub fn degrees(self) -> u32 {
        match self {
            Dir::North => 0,
            Dir::East => 90,
            Dir::South => 180,
            Dir::West => 270,
        }
    }
}

/// What went wrong in the world, as the pupil should hear it (a catalogue key under `world.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    HitWall,
    NothingToPickUp,
    BagEmpty,
    UnknownColour,
}

impl Fault {
    pub fn key(self) -> &'static str {
        match self {
            Fault::HitWall => "hit-wall",
            Fault::NothingToPickUp => "nothing-to-pick-up",
            Fault::BagEmpty => "bag-empty",
            Fault::UnknownColour => "unknown-colour",
        }
    }

    pub const ALL: [Fault; 4] =
        [Fault::HitWall, Fault::NothingToPickUp, Fault::BagEmpty, Fault::UnknownColour];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Robot {
    pub x: u32,
    pub y: u32,
    pub heading: Dir,
    pub bag: SortedMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridWorld {
    pub width: u32,
    pub height: u32,
    /// Each wall once, as the cell on its west or north side and `East` or `South`.
    walls: SortedSet<(u32, u32, Dir)>,
    /// Shared until changed (copy on write), so keeping a copy of the world after every
    /// action (the timeline) costs nothing for the items, and the stage can tell they did not
    /// change by pointer.
    pub items: Rc<Items>,
    pub paint: SortedMap<(u32, u32), String>,
    pub marks: Marks,
    pub flags: SortedSet<(u32, u32)>,
    pub robot: Robot,
    /// The pen; its strokes join cell centres, in cells.
    pub pen: Pen,
    /// Everything the program said, in order.
    pub said: Vec<String>,
    /// Actions done so far (moves, turns, pick-ups …).
    pub actions: u32,
    /// Measurable items and the learner's memory (AI lessons).
    #[cfg(feature = "ai")]
    pub ai: crate::ai::AiState,
    /// Portals and switches (`crate::puzzle`), shared until changed like the items.
    #[cfg(feature = "puzzles")]
    pub puzzle: Rc<crate::puzzle::Puzzle>,
}

impl Default for GridWorld {
    /// A one-cell world with the robot facing east: a neutral stand-in.
    fn default() -> GridWorld {
        GridWorld {
            width: 1,
            height: 1,
            walls: SortedSet::new(),
            items: Rc::default(),
            paint: SortedMap::new(),
            marks: SortedMap::new(),
            flags: SortedSet::new(),
            robot: Robot { x: 0, y: 0, heading: Dir::East, bag: SortedMap::new() },
            pen: Pen::default(),
            said: Vec::new(),
            actions: 0,
            #[cfg(feature = "ai")]
            ai: Default::default(),
            #[cfg(feature = "puzzles")]
            puzzle: Rc::default(),
        }
    }
}

/// Colours a tile may be painted, by canonical key.
pub const COLOURS: [&str; 6] = ["red", "green", "blue", "yellow", "black", "white"];

/// How a colour key is drawn (the stage and the thumbnails agree); white for anything else.
pub fn colour_hex(colour: &str) -> &'static str {
    match colour {
        "red" => "#d94b3d",
        "green" => "#4caf50",
        "blue" => "#3b7dd8",
        "yellow" => "#f2c230",
        "black" => "#333333",
        _ => "#ffffff",
    }
}

impl GridWorld {
    /// The world a spec describes for one seed: the fixed parts, then each random rule
    /// drawn from a generator seeded with `seed`. Same spec and seed, same world, anywhere.
    pub fn from_spec_seeded(spec: &GridSpec, seed: u64) -> GridWorld {
        let world = GridWorld::from_spec(spec);
        match &spec.variants {
            #[cfg(feature = "later_units")]
            Some(variants) => world.with_rules(&variants.rules, seed).started(),
            // The core app reads no rule (its lessons have none): only the seeds are left.
            _ => {
                let _ = seed;
                world.started()
            }
        }
    }

    /// The world with each random rule drawn from a generator seeded with `seed`.
    #[cfg(feature = "later_units")]
    fn with_rules(mut self, rules: &[RandomRule], seed: u64) -> GridWorld {
        let world = &mut self;
        let mut rng = crate::rng::Rng::new(seed);
        let (width, height) = (world.width, world.height);
        let clamp = |x: u32, y: u32| (x.min(width - 1), y.min(height - 1));
        for rule in rules {
            match rule {
                RandomRule::ItemCount { x, y, kind, min, max } => {
                    let cell = clamp(*x, *y);
                    let n = rng.range(*min, *max);
                    let items = Rc::make_mut(&mut world.items);
                    let kinds = items.get_or_default(cell);
                    if n == 0 {
                        kinds.remove(kind);
                    } else {
                        kinds.insert(kind.clone(), n);
                    }
                    if kinds.is_empty() {
                        items.remove(&cell);
                    }
                }
                RandomRule::WallGap { walls } => {
                    let gap = rng.index(walls.len());
                    for (i, w) in walls.iter().enumerate() {
                        if i != gap {
                            let (x, y) = clamp(w.x, w.y);
                            world.add_wall(x, y, w.side);
                        }
                    }
                }
                RandomRule::StartHeading { choices } => {
                    if let Some(d) = choices.get(rng.index(choices.len())) {
                        world.robot.heading = *d;
                    }
                }
                RandomRule::FlagAt { cells } => {
                    if let Some(c) = cells.get(rng.index(cells.len())) {
                        world.flags.insert(clamp(c.x, c.y));
                    }
                }
                RandomRule::MarkAt { cells, colour } => {
                    if let Some(c) = cells.get(rng.index(cells.len())) {
                        world.marks.insert(clamp(c.x, c.y), colour.clone());
                    }
                }
                // Drawn by the lesson crate, where the datasets and models are.
                #[cfg(feature = "ai")]
                RandomRule::Samples(_) | RandomRule::Learner(_) | RandomRule::Path(_) => {}
                #[cfg(feature = "ai")]
                RandomRule::MeasuredItem(i) => {
                    let cell = clamp(i.x, i.y);
                    world.add_sample(cell, [i.size, i.darkness, i.weight], &i.kind);
                }
                #[cfg(feature = "puzzles")]
                RandomRule::Maze { x, y, width, height } => {
                    let region = crate::maze::Region { x: *x, y: *y, width: *width, height: *height };
                    crate::maze::carve(world, region, &mut rng);
                }
                #[cfg(feature = "puzzles")]
                RandomRule::StartAt { cells } => {
                    if let Some(c) = cells.get(rng.index(cells.len())) {
                        (world.robot.x, world.robot.y) = clamp(c.x, c.y);
                    }
                }
                #[cfg(feature = "puzzles")]
                RandomRule::Portal { a, b } => {
                    let mut end = |cells: &[crate::spec::Cell]| {
                        cells.get(rng.index(cells.len())).map(|c| clamp(c.x, c.y))
                    };
                    let (a, b) = (end(a), end(b));
                    if let (Some(a), Some(b)) = (a, b) {
                        // One element per square: a later pair never takes a square in use.
                        if a != b && !world.puzzle.taken(a) && !world.puzzle.taken(b) {
                            Rc::make_mut(&mut world.puzzle).portals.push([a, b]);
                        }
                    }
                }
                #[cfg(feature = "puzzles")]
                RandomRule::Switches { cells, maybe } => {
                    for c in cells {
                        let cell = clamp(c.x, c.y);
                        let on = *maybe && rng.index(2) == 0;
                        if !world.puzzle.taken(cell) {
                            Rc::make_mut(&mut world.puzzle).switches.insert(cell, on);
                        }
                    }
                }
                #[cfg(feature = "puzzles")]
                RandomRule::WallMaybe { walls } => {
                    for w in walls {
                        if rng.index(2) == 0 {
                            let (x, y) = clamp(w.x, w.y);
                            world.add_wall(x, y, w.side);
                        }
                    }
                }
            }
        }
        self
    }

    /// The world as a run starts in it: in builds with puzzles, it remembers where the
    /// items were (goals such as `row_copied` compare with the start).
    #[inline(always)]
    fn started(self) -> GridWorld {
        #[cfg(feature = "puzzles")]
        let mut world = self;
        #[cfg(feature = "puzzles")]
        {
            Rc::make_mut(&mut world.puzzle).start_items = world.items.clone();
            world
        }
        #[cfg(not(feature = "puzzles"))]
        self
    }

    /// Builds the world a spec describes, without its random rules. Call
    /// [`GridSpec::problems`] first for a friendly report; out-of-range positions are clamped
    /// here so the world is always drawable.
    pub fn from_spec(spec: &GridSpec) -> GridWorld {
        let width = spec.width.clamp(1, crate::spec::MAX_SIDE);
        let height = spec.height.clamp(1, crate::spec::MAX_SIDE);
        let clamp = |x: u32, y: u32| (x.min(width - 1), y.min(height - 1));
        let mut world = GridWorld {
            width,
            height,
            walls: SortedSet::new(),
            items: Rc::default(),
            paint: SortedMap::new(),
            marks: SortedMap::new(),
            flags: spec.flags.iter().map(|c| clamp(c.x, c.y)).collect(),
            robot: {
                let (x, y) = clamp(spec.robot.x, spec.robot.y);
                Robot { x, y, heading: spec.robot.heading, bag: spec.robot.bag.clone() }
            },
            pen: Pen::default(),
            said: Vec::new(),
            actions: 0,
            #[cfg(feature = "ai")]
            ai: Default::default(),
            #[cfg(feature = "puzzles")]
            puzzle: Rc::default(),
        };
        for w in &spec.walls {
            let (x, y) = clamp(w.x, w.y);
            world.add_wall(x, y, w.side);
        }
        for i in &spec.items {
            let cell = clamp(i.x, i.y);
            // Saturating: a spec is built even before its problems are read (MAX_ITEMS).
            let n = Rc::make_mut(&mut world.items).get_or_default(cell).get_or_default(i.kind.clone());
            *n = n.saturating_add(i.count);
        }
        for p in &spec.paint {
            world.paint.insert(clamp(p.x, p.y), p.colour.clone());
        }
        for m in &spec.marks {
            world.marks.insert(clamp(m.x, m.y), m.colour.clone());
        }
        world
    }

    /// Puts a measurable item (an item of `kind` with readings) on `cell`.
    #[cfg(feature = "ai")]
    pub fn add_sample(&mut self, cell: (u32, u32), readings: crate::ai::Readings, kind: &str) {
        let n = Rc::make_mut(&mut self.items).get_or_default(cell).get_or_default(kind.to_string());
        *n = n.saturating_add(1);
        self.ai.place(cell, crate::ai::Sample { readings, kind: kind.to_string() });
    }

    /// The measurable item under the robot, if any.
    #[cfg(feature = "ai")]
    pub fn sample_here(&self) -> Option<&crate::ai::Sample> {
        self.ai.top(self.here())
    }

    fn neighbour(&self, x: u32, y: u32, dir: Dir) -> Option<(u32, u32)> {
        let (dx, dy) = dir.delta();
        let nx = x as i64 + dx;
        let ny = y as i64 + dy;
        (nx >= 0 && ny >= 0 && nx < self.width as i64 && ny < self.height as i64)
            .then_some((nx as u32, ny as u32))
    }

    fn wall_key(&self, x: u32, y: u32, side: Dir) -> Option<(u32, u32, Dir)> {
        match side {
            Dir::East | Dir::South => Some((x, y, side)),
            Dir::West => self.neighbour(x, y, Dir::West).map(|(nx, ny)| (nx, ny, Dir::East)),
            Dir::North => self.neighbour(x, y, Dir::North).map(|(nx, ny)| (nx, ny, Dir::South)),
        }
    }

    pub fn add_wall(&mut self, x: u32, y: u32, side: Dir) {
        if let Some(k) = self.wall_key(x, y, side) {
            self.walls.insert(k);
        }
    }

    /// Feeds `h` what a program can still change or read in this world: the robot, its bag,
    /// the items, the paint and the pen's state (not what was said or drawn, which nothing
    /// reads back, nor the action count, which only a limit reads). False when it cannot say:
    /// an AI lesson's examples, samples or learned table are in play.
    pub fn state_hash(&self, h: &mut impl std::hash::Hasher) -> bool {
        #[cfg(feature = "ai")]
        {
            let ai = &self.ai;
            if !(ai.samples.is_empty() && ai.recorded.is_empty() && ai.q.is_empty() && ai.bag.is_empty()) {
                return false;
            }
            h.write_u64(ai.item_reward.map_or(u64::MAX, f64::to_bits));
        }
        let r = &self.robot;
        h.write_u32(r.x);
        h.write_u32(r.y);
        h.write_u8(r.heading as u8);
        fn counts(h: &mut impl std::hash::Hasher, kinds: &SortedMap<String, u32>) {
            for (kind, n) in kinds.iter() {
                h.write(kind.as_bytes());
                h.write_u32(*n);
            }
        }
        counts(h, &r.bag);
        h.write_u8(0xfe);
        for ((x, y), kinds) in self.items.iter() {
            h.write_u32(*x);
            h.write_u32(*y);
            counts(h, kinds);
        }
        h.write_u8(0xfe);
        for ((x, y), colour) in self.paint.iter() {
            h.write_u32(*x);
            h.write_u32(*y);
            h.write(colour.as_bytes());
        }
        #[cfg(feature = "puzzles")]
        for ((x, y), on) in self.puzzle.switches.iter() {
            h.write_u32(*x);
            h.write_u32(*y);
            h.write_u8(u8::from(*on));
        }
        h.write_u8(u8::from(self.pen.down));
        h.write(self.pen.colour.as_bytes());
        h.write_u8(self.pen.width);
        true
    }

    /// Opens the edge on `side` of the cell (the border stays a wall).
    #[cfg(feature = "puzzles")]
    pub fn remove_wall(&mut self, x: u32, y: u32, side: Dir) {
        if let Some(k) = self.wall_key(x, y, side) {
            self.walls.remove(&k);
        }
    }

    /// Whether the edge on `side` of the cell is blocked (the border always is).
    pub fn wall(&self, x: u32, y: u32, side: Dir) -> bool {
        if self.neighbour(x, y, side).is_none() {
            return true;
        }
        self.wall_key(x, y, side).is_some_and(|k| self.walls.contains(&k))
    }

    /// Inner walls, each once, for drawing: (x, y, East|South).
    pub fn inner_walls(&self) -> impl Iterator<Item = &(u32, u32, Dir)> {
        self.walls.iter()
    }

    pub fn wall_ahead(&self) -> bool {
        self.wall(self.robot.x, self.robot.y, self.robot.heading)
    }

    pub fn wall_left(&self) -> bool {
        self.wall(self.robot.x, self.robot.y, self.robot.heading.left())
    }

    pub fn wall_right(&self) -> bool {
        self.wall(self.robot.x, self.robot.y, self.robot.heading.right())
    }

    pub fn step(&mut self) -> Result<(), Fault> {
        if self.wall_ahead() {
            return Err(Fault::HitWall);
        }
        if let Some((x, y)) = self.neighbour(self.robot.x, self.robot.y, self.robot.heading) {
            self.pen.line((self.robot.x as f64, self.robot.y as f64), (x as f64, y as f64));
            self.robot.x = x;
            self.robot.y = y;
        }
        self.actions += 1;
        #[cfg(feature = "puzzles")]
        self.through_portal();
        Ok(())
    }

    /// After a move onto a portal: the robot comes out of the other end, facing the same
    /// way (the pen lifts across: no line joins the two ends).
    #[cfg(feature = "puzzles")]
    fn through_portal(&mut self) {
        if let Some((x, y)) = self.puzzle.portal_exit(self.here()) {
            (self.robot.x, self.robot.y) = (x, y);
            Rc::make_mut(&mut self.puzzle).jumped_at = Some(self.actions);
        }
    }

    /// Flips the switch under the robot (an action); `None` when there is no switch here.
    #[cfg(feature = "puzzles")]
    pub fn toggle(&mut self) -> Option<bool> {
        let here = self.here();
        let on = !*self.puzzle.switches.get(&here)?;
        Rc::make_mut(&mut self.puzzle).switches.insert(here, on);
        self.actions += 1;
        Some(on)
    }

    /// Whether the robot stands on a switch that is `on` (false on a square without one).
    #[cfg(feature = "puzzles")]
    pub fn on_switch(&self, on: bool) -> bool {
        self.puzzle.switches.get(&self.here()) == Some(&on)
    }

    pub fn turn_left(&mut self) {
        self.robot.heading = self.robot.heading.left();
        self.actions += 1;
    }

    pub fn turn_right(&mut self) {
        self.robot.heading = self.robot.heading.right();
        self.actions += 1;
    }

    fn here(&self) -> (u32, u32) {
        (self.robot.x, self.robot.y)
    }

    /// Items on the robot's cell, all kinds together.
    pub fn item_count_here(&self) -> u32 {
        self.items.get(&self.here()).map_or(0, |k| k.values().sum())
    }

    /// Picks up one item (the first kind in name order) from the robot's cell.
    pub fn pick_up(&mut self) -> Result<(), Fault> {
        let here = self.here();
        if self.item_count_here() == 0 {
            return Err(Fault::NothingToPickUp);
        }
        let items = Rc::make_mut(&mut self.items);
        let kinds = items.get_mut(&here).ok_or(Fault::NothingToPickUp)?;
        let kind =
            kinds.iter().find(|(_, n)| **n > 0).map(|(k, _)| k.clone()).ok_or(Fault::NothingToPickUp)?;
        // A measurable item on top is the one taken, so its readings travel with it.
        #[cfg(feature = "ai")]
        let kind = match self.ai.top(here) {
            Some(s) if kinds.get(&s.kind).is_some_and(|n| *n > 0) => self.ai.pick_up(here).unwrap_or(kind),
            _ => kind,
        };
        if let Some(n) = kinds.get_mut(&kind) {
            *n -= 1;
            if *n == 0 {
                kinds.remove(&kind);
            }
        }
        if kinds.is_empty() {
            items.remove(&here);
        }
        *self.robot.bag.get_or_default(kind) += 1;
        self.actions += 1;
        #[cfg(feature = "puzzles")]
        Rc::make_mut(&mut self.puzzle).picked_up(here);
        Ok(())
    }

    pub fn put_down(&mut self) -> Result<(), Fault> {
        let kind =
            self.robot.bag.iter().find(|(_, n)| **n > 0).map(|(k, _)| k.clone()).ok_or(Fault::BagEmpty)?;
        // The measurable item picked up last goes down first, with its readings.
        #[cfg(feature = "ai")]
        let kind = match self.ai.bag_top_kind() {
            Some(k) if self.robot.bag.get(k).is_some_and(|n| *n > 0) => {
                let k = k.to_string();
                let here = self.here();
                self.ai.put_down(here);
                k
            }
            _ => kind,
        };
        if let Some(n) = self.robot.bag.get_mut(&kind) {
            *n -= 1;
        }
        let here = self.here();
        *Rc::make_mut(&mut self.items).get_or_default(here).get_or_default(kind) += 1;
        self.actions += 1;
        #[cfg(feature = "puzzles")]
        Rc::make_mut(&mut self.puzzle).put_down(here);
        Ok(())
    }

    pub fn paint(&mut self, colour: &str) -> Result<(), Fault> {
        if !COLOURS.contains(&colour) {
            return Err(Fault::UnknownColour);
        }
        let here = self.here();
        self.paint.insert(here, colour.to_string());
        self.actions += 1;
        Ok(())
    }

    pub fn tile_colour(&self) -> &str {
        self.paint.get(&self.here()).map_or("white", String::as_str)
    }

    pub fn at_flag(&self) -> bool {
        self.flags.contains(&self.here())
    }

    pub fn bag_total(&self) -> u32 {
        self.robot.bag.values().sum()
    }

    pub fn say(&mut self, text: String) {
        self.said.push(text);
        self.actions += 1;
    }

    /// A short, stable, human-readable summary (used by the command line and golden tests).
    pub fn summary(&self) -> String {
        let heading = self.robot.heading.name();
        let bag: Vec<String> =
            self.robot.bag.iter().filter(|(_, n)| **n > 0).map(|(k, n)| format!("{k}×{n}")).collect();
        let items: u32 = self.items.values().flat_map(|k| k.values()).sum();
        format!(
            "robot at ({}, {}) facing {heading}; bag [{}]; {items} items on the ground; {} tiles painted; {} strokes drawn; {} actions",
            self.robot.x,
            self.robot.y,
            bag.join(", "),
            self.paint.len(),
            self.pen.stroke_count(),
            self.actions
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::*;

    fn world(json: &str) -> GridWorld {
        let spec: GridSpec = serde_json::from_str(json).unwrap();
        assert!(spec.problems().is_empty(), "{:?}", spec.problems());
        GridWorld::from_spec(&spec)
    }

    #[test]
    fn border_is_a_wall_and_bumping_faults() {
        let mut w = world(r#"{"width":2,"height":1,"robot":{"x":0,"y":0,"heading":"east"}}"#);
        assert!(!w.wall_ahead());
        w.step().unwrap();
        assert_eq!((w.robot.x, w.robot.y), (1, 0));
        assert_eq!(w.step(), Err(Fault::HitWall));
        assert_eq!((w.robot.x, w.robot.y), (1, 0), "a failed move leaves the robot in place");
    }

    #[test]
    fn inner_walls_block_from_both_sides() {
        let mut w = world(
            r#"{"width":3,"height":1,"robot":{"x":2,"y":0,"heading":"west"},"walls":[{"x":0,"y":0,"side":"east"}]}"#,
        );
        w.step().unwrap();
        assert!(w.wall_ahead());
        assert!(w.wall(0, 0, Dir::East));
    }

    #[test]
    fn pick_up_and_put_down_move_items_through_the_bag() {
        let mut w = world(
            r#"{"width":2,"height":1,"robot":{"x":0,"y":0,"heading":"east"},"items":[{"x":0,"y":0,"kind":"olive","count":2}]}"#,
        );
        w.pick_up().unwrap();
        w.pick_up().unwrap();
        assert_eq!(w.pick_up(), Err(Fault::NothingToPickUp));
        assert_eq!(w.bag_total(), 2);
        w.step().unwrap();
        w.put_down().unwrap();
        assert_eq!(w.item_count_here(), 1);
    }

    #[cfg(feature = "puzzles")]
    #[test]
    fn a_portal_takes_the_robot_across_without_a_line_and_pairs_never_share_a_square() {
        let spec: GridSpec = serde_json::from_str(
            r#"{"width":5,"height":2,"robot":{"x":0,"y":0,"heading":"east"},"variants":{"seeds":[1],"rules":[
                {"portal":{"a":[{"x":1,"y":0}],"b":[{"x":3,"y":1}]}},
                {"portal":{"a":[{"x":3,"y":1}],"b":[{"x":4,"y":0}]}}]}}"#,
        )
        .unwrap();
        assert!(spec.problems().is_empty(), "{:?}", spec.problems());
        let mut w = GridWorld::from_spec_seeded(&spec, 1);
        assert_eq!(w.puzzle.portals, vec![[(1, 0), (3, 1)]], "the second pair would share (3, 1): left out");
        w.pen.down = true;
        w.step().unwrap();
        assert_eq!((w.robot.x, w.robot.y, w.robot.heading), (3, 1, Dir::East));
        assert_eq!(w.puzzle.jumped_at, Some(1));
        w.step().unwrap();
        assert_eq!((w.robot.x, w.robot.y), (4, 1), "out of the portal, a plain step");
        let lines: Vec<_> = w.pen.strokes().iter().map(|s| (s.from, s.to)).collect();
        assert_eq!(lines, [((0.0, 0.0), (1.0, 0.0)), ((3.0, 1.0), (4.0, 1.0))], "no line across");
        // Coming back west onto (3, 1) goes through to (1, 0).
        w.turn_left();
        w.turn_left();
        w.step().unwrap();
        assert_eq!((w.robot.x, w.robot.y, w.robot.heading), (1, 0, Dir::West));
        let same: GridSpec = serde_json::from_str(
            r#"{"width":3,"height":1,"robot":{"x":0,"y":0,"heading":"east"},"variants":{"seeds":[1],"rules":[
                {"portal":{"a":[{"x":1,"y":0}],"b":[{"x":1,"y":0}, {"x":2,"y":0}]}},{"portal":{"a":[],"b":[{"x":9,"y":0}]}}]}}"#,
        )
        .unwrap();
        assert_eq!(
            same.problems(),
            [
                "a portal's two ends may not be on the same square",
                "a random rule needs at least one place to choose from",
                "random rule place (9, 0) is outside the grid",
            ]
        );
    }

    #[test]
    fn turning_four_times_is_identity() {
        let mut w = world(r#"{"width":1,"height":1,"robot":{"x":0,"y":0,"heading":"north"}}"#);
        for _ in 0..4 {
            w.turn_left();
        }
        assert_eq!(w.robot.heading, Dir::North);
        w.turn_right();
        assert_eq!(w.robot.heading, Dir::East);
    }

    #[test]
    fn a_seed_decides_the_variant_and_always_the_same_one() {
        let spec: GridSpec = serde_json::from_str(
            r#"{"width":5,"height":3,"robot":{"x":0,"y":1,"heading":"east"},
                "variants":{"seeds":[1,2,3],"rules":[
                  {"wall_gap":{"walls":[{"x":2,"y":0,"side":"east"},{"x":2,"y":1,"side":"east"},{"x":2,"y":2,"side":"east"}]}},
                  {"item_count":{"x":4,"y":1,"kind":"olive","min":1,"max":5}},
                  {"flag_at":{"cells":[{"x":4,"y":0},{"x":4,"y":2}]}}]}}"#,
        )
        .unwrap();
        assert!(spec.problems().is_empty(), "{:?}", spec.problems());
        let worlds: Vec<GridWorld> = (0..20).map(|s| GridWorld::from_spec_seeded(&spec, s)).collect();
        for (s, w) in worlds.iter().enumerate() {
            assert_eq!(*w, GridWorld::from_spec_seeded(&spec, s as u64), "seed {s} is deterministic");
            let walls = (0..3).filter(|y| w.wall(2, *y, Dir::East)).count();
            assert_eq!(walls, 2, "exactly one gap");
            assert!((1..=5).contains(w.items.get(&(4, 1)).and_then(|k| k.get("olive")).unwrap()));
            assert_eq!(w.flags.len(), 1);
        }
        let gaps: std::collections::BTreeSet<u32> =
            worlds.iter().map(|w| (0..3).find(|y| !w.wall(2, *y, Dir::East)).unwrap()).collect();
        assert!(gaps.len() > 1, "different seeds make different worlds");
    }

    #[cfg(feature = "puzzles")]
    #[test]
    fn the_seed_places_the_robot_and_stands_each_maybe_wall_on_its_own() {
        let spec: GridSpec = serde_json::from_str(
            r#"{"width":8,"height":2,"robot":{"x":0,"y":1,"heading":"east"},
                "variants":{"seeds":[1],"rules":[
                  {"start_at":{"cells":[{"x":0,"y":1},{"x":2,"y":1},{"x":9,"y":1}]}},
                  {"wall_maybe":{"walls":[{"x":1,"y":1,"side":"east"},{"x":3,"y":1,"side":"east"}]}}]}}"#,
        )
        .unwrap();
        assert_eq!(spec.problems(), ["random rule place (9, 1) is outside the grid"]);
        let (mut starts, mut walls) = (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
        for seed in 0..40 {
            let w = GridWorld::from_spec_seeded(&spec, seed);
            assert_eq!(w, GridWorld::from_spec_seeded(&spec, seed), "seed {seed} is deterministic");
            assert!(
                [(0, 1), (2, 1), (7, 1)].contains(&(w.robot.x, w.robot.y)),
                "{:?}",
                (w.robot.x, w.robot.y)
            );
            starts.insert((w.robot.x, w.robot.y));
            walls.insert((w.wall(1, 1, Dir::East), w.wall(3, 1, Dir::East)));
        }
        assert_eq!(starts.len(), 3, "every start place comes up");
        // Each wall on its own: all four ways of standing or not come up.
        assert_eq!(walls.len(), 4, "{walls:?}");
        let empty: GridSpec = serde_json::from_str(
            r#"{"width":2,"height":1,"robot":{"x":0,"y":0,"heading":"east"},
                "variants":{"seeds":[1],"rules":[{"start_at":{"cells":[]}},{"wall_maybe":{"walls":[]}}]}}"#,
        )
        .unwrap();
        assert_eq!(empty.problems().len(), 2, "{:?}", empty.problems());
    }

    #[test]
    fn marks_come_from_the_spec_and_follow_the_seed() {
        let spec: GridSpec = serde_json::from_str(
            r#"{"width":6,"height":2,"robot":{"x":0,"y":0,"heading":"east"},
                "marks":[{"x":1,"y":0,"colour":"green"}],
                "variants":{"seeds":[1],"rules":[
                  {"mark_at":{"cells":[{"x":2,"y":1},{"x":3,"y":1},{"x":4,"y":1},{"x":5,"y":1}],"colour":"red"}}]}}"#,
        )
        .unwrap();
        assert!(spec.problems().is_empty(), "{:?}", spec.problems());
        assert_eq!(GridWorld::from_spec(&spec).marks.iter().count(), 1, "no rule without a seed");
        let mut chosen = std::collections::BTreeSet::new();
        for seed in 0..20 {
            let w = GridWorld::from_spec_seeded(&spec, seed);
            assert_eq!(w, GridWorld::from_spec_seeded(&spec, seed), "seed {seed} is deterministic");
            assert_eq!(w.marks.get(&(1, 0)).map(String::as_str), Some("green"));
            let red: Vec<_> = w.marks.iter().filter(|(_, c)| *c == "red").map(|(cell, _)| *cell).collect();
            assert_eq!(red.len(), 1, "one red mark for seed {seed}");
            assert!((2..6).contains(&red[0].0) && red[0].1 == 1, "{red:?}");
            chosen.insert(red[0]);
            assert!(w.paint.is_empty(), "a mark is not paint");
        }
        assert!(chosen.len() > 1, "different seeds mark different tiles");
    }

    #[test]
    fn marks_outside_the_grid_or_in_unknown_colours_are_reported() {
        let spec: GridSpec = serde_json::from_str(
            r#"{"width":2,"height":1,"robot":{"x":0,"y":0,"heading":"east"},
                "marks":[{"x":2,"y":0,"colour":"green"},{"x":1,"y":0,"colour":"purple"}],
                "variants":{"seeds":[1],"rules":[{"mark_at":{"cells":[],"colour":"red"}}]}}"#,
        )
        .unwrap();
        assert_eq!(
            spec.problems(),
            [
                "mark at (2, 0) is outside the grid",
                "a mark's colour `purple` is not one the robot can paint",
                "a random rule needs at least one place to choose from"
            ]
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        let r: Result<GridSpec, _> = serde_json::from_str(
            r#"{"width":1,"height":1,"robot":{"x":0,"y":0,"heading":"north"},"wals":[]}"#,
        );
        assert!(r.is_err());
    }

    #[test]
    fn out_of_grid_positions_are_reported() {
        let spec: GridSpec =
            serde_json::from_str(r#"{"width":2,"height":2,"robot":{"x":5,"y":0,"heading":"north"}}"#)
                .unwrap();
        assert_eq!(spec.problems().len(), 1);
    }

    #[test]
    fn item_counts_past_u32_are_a_problem_not_an_overflow() {
        let spec: GridSpec = serde_json::from_str(
            r#"{"width":2,"height":1,"robot":{"x":0,"y":0,"heading":"east","bag":{"olive":4294967295}},
                "items":[{"x":0,"y":0,"kind":"olive","count":4294967295},{"x":0,"y":0,"kind":"olive","count":9}],
                "variants":{"seeds":[1],"rules":[{"item_count":{"x":1,"y":0,"kind":"fig","min":0,"max":4294967295}}]}}"#,
        )
        .unwrap();
        let problems = spec.problems();
        assert_eq!(problems, ["the world holds up to 12884901894 items; at most 10000 are allowed"]);
        // Built anyway (the app never builds a world with problems, a tool might): no panic.
        let w = GridWorld::from_spec_seeded(&spec, 1);
        assert_eq!(w.items.get(&(0, 0)).and_then(|k| k.get("olive")), Some(&u32::MAX));
    }
}
