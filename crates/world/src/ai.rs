//! What the AI lessons add to a grid world (only with the `ai` feature): items the robot can
//! measure (size in mm, darkness 0–10, weight in g), the rules that place them, the model a
//! lesson chooses, and the learner's memory, kept in the world so that the timeline's copy
//! after each action holds what had been learnt by then (stepping back undoes a `record`).
//!
//! The world only holds data: the models (crates/ai) run in the lesson crate's host, which
//! also draws the seeded samples (the generators live with the models).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::sorted::SortedMap;
use crate::spec::Cell;

/// What the robot can read at a moment: an item's measurements (size, darkness, weight of
/// the item under it) and its own sensors (how bright the floor is on its left and right,
/// walls around it), in the order [`Sensed`] keeps them. A lesson's model looks at some of
/// them (`LearnerSpec::readings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// Millimetres.
    Size,
    /// 0 (pale) to 10 (black).
    Darkness,
    /// Grams.
    Weight,
    /// How bright the floor is on the robot's left: 0 (black) to 10 (white).
    FloorLeft,
    /// How bright the floor is on the robot's right.
    FloorRight,
    /// 1 when a wall is ahead, else 0.
    WallAhead,
    /// 1 when a wall is on the left, else 0.
    WallLeft,
    /// 1 when a wall is on the right, else 0.
    WallRight,
}

impl Reading {
    pub const ALL: [Reading; 8] = [
        Reading::Size,
        Reading::Darkness,
        Reading::Weight,
        Reading::FloorLeft,
        Reading::FloorRight,
        Reading::WallAhead,
        Reading::WallLeft,
        Reading::WallRight,
    ];

    /// An item's measurements: what a model looks at unless the lesson says otherwise.
    pub const ITEM: [Reading; 3] = [Reading::Size, Reading::Darkness, Reading::Weight];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether this is a measurement of the item under the robot (so there must be one).
    pub fn of_item(self) -> bool {
        self.index() < 3
    }

    /// Whether the reading is yes or no (1 or 0), not a measure: a scatter plot of it says
    /// little, a tree's question on it says all.
    pub fn yes_or_no(self) -> bool {
        matches!(self, Reading::WallAhead | Reading::WallLeft | Reading::WallRight)
    }

    /// The id the app looks up in the catalogue (`ai.reading.size` …) and models name columns by.
    pub fn key(self) -> &'static str {
        match self {
            Reading::Size => "size",
            Reading::Darkness => "darkness",
            Reading::Weight => "weight",
            Reading::FloorLeft => "floor_left",
            Reading::FloorRight => "floor_right",
            Reading::WallAhead => "wall_ahead",
            Reading::WallLeft => "wall_left",
            Reading::WallRight => "wall_right",
        }
    }
}

/// Size (mm), darkness and weight (g) of one item.
pub type Readings = [f64; 3];

/// Everything the robot read at one moment, by [`Reading::index`]: the item's measurements
/// (0 when there was no item) and its sensors.
pub type Sensed = [f64; 8];

/// An item's measurements as a full reading (sensors at 0): how held-out items, which are
/// never in the world, are read.
pub fn item_only(r: &Readings) -> Sensed {
    let mut s = [0.0; 8];
    s[..3].copy_from_slice(r);
    s
}

/// An item that can be measured, with what it really is (`kind`, e.g. `olive`): the robot
/// only sees the readings; the goals and the stage know the kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub readings: Readings,
    pub kind: String,
}

/// One example the program recorded: what the robot read, the label the program gave (any
/// word, in the pupil's language) and what the item really was, or on a road or in a
/// corridor which way it really goes on (`straight`, `left`, `right`, `back`). An answer of
/// the pupil's own rule (`answer`) is kept the same way.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub readings: Sensed,
    pub label: String,
    pub kind: String,
}

/// Items placed from a seeded dataset of crates/ai (`olives_and_stones`, `one_sided_olives`):
/// row `skip + i` goes on `cells[i]`, as an item of its label's kind. Two rules on one
/// dataset with different `skip` give different items from the same orchard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SamplesSpec {
    pub dataset: String,
    pub cells: Vec<Cell>,
    #[serde(default)]
    pub skip: u32,
    /// Paints each item's tile by its kind (`{"olive": "green"}`), so a program can label
    /// examples with the colour sensor.
    #[serde(default)]
    pub paint: SortedMap<String, String>,
    /// Places the rows on the cells in an order drawn from the seed (the datasets alternate
    /// their labels, which a program could learn by heart).
    #[serde(default)]
    pub shuffle: bool,
}

/// One item with readings given by the lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeasuredItemSpec {
    pub x: u32,
    pub y: u32,
    pub kind: String,
    pub size: f64,
    pub darkness: f64,
    pub weight: f64,
}

/// How a seeded path is laid in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PathStyle {
    /// Black tiles on a white floor, read by the floor sensors; a move off them is a fault.
    #[default]
    Road,
    /// A corridor between walls, read by the wall sensors.
    Corridor,
}

/// A path drawn afresh for each seed, from `(x, y)` facing `heading`, `length` cells long:
/// it goes straight or bends left or right, never touching itself, so beside the robot is
/// floor (or wall) except where the path bends. Its first `marked` cells carry the right
/// way on as paint (blue: bend left, red: bend right, green: straight on), as a driving
/// teacher's marks, so a program can label what the robot reads there; a flag is at its end
/// and the robot starts on its first cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathSpec {
    pub x: u32,
    pub y: u32,
    pub heading: crate::grid::Dir,
    pub length: u32,
    #[serde(default)]
    pub marked: u32,
    #[serde(default)]
    pub style: PathStyle,
}

/// The model a lesson chooses for its AI built-ins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// k-nearest neighbours (`k`).
    #[default]
    Knn,
    /// A perceptron (`epochs`), for two labels.
    Perceptron,
    /// A decision tree (`depth`).
    Tree,
    /// Tabular Q-learning on the grid maze (`practise`, `best move`).
    QLearning,
}

/// Rewards of the maze, in whole points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RewardSpec {
    /// Every move (negative: a cost, so short paths are worth more).
    pub step: i32,
    /// Bumping into a wall, on top of the step.
    pub bump: i32,
    /// Reaching a flag (ends the episode).
    pub flag: i32,
    /// Arriving on a cell with an item (the items stay, so this can be earned again).
    #[serde(default)]
    pub item: i32,
}

impl Default for RewardSpec {
    fn default() -> RewardSpec {
        RewardSpec { step: -1, bump: -1, flag: 10, item: 0 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LearnerSpec {
    pub model: Model,
    /// Neighbours that vote (kNN).
    #[serde(default = "three")]
    pub k: u32,
    /// Deepest question of the tree.
    #[serde(default = "three")]
    pub depth: u32,
    /// Passes over the examples (perceptron).
    #[serde(default = "twenty")]
    pub epochs: u32,
    /// How far one lesson learnt moves the model: one mistake the perceptron's line (from
    /// a start at zero this only scales the line, so its answers stay the same), one
    /// practice move a Q-learning value (from 0.001 to 1: a small rate barely fills the
    /// table). `None`: the model's own default, [`LearnerSpec::perceptron_rate`] and
    /// [`LearnerSpec::q_rate`].
    #[serde(default)]
    pub learning_rate: Option<f64>,
    /// The readings the model looks at; all three when empty.
    #[serde(default)]
    pub readings: Vec<Reading>,
    /// Q-learning: the maze's rewards.
    #[serde(default)]
    pub rewards: RewardSpec,
    /// Q-learning: how often a random move is tried while practising, in percent.
    #[serde(default = "ten")]
    pub explore_percent: u32,
}

fn three() -> u32 {
    3
}

fn ten() -> u32 {
    10
}

fn twenty() -> u32 {
    20
}

impl Default for LearnerSpec {
    fn default() -> LearnerSpec {
        LearnerSpec {
            model: Model::Knn,
            k: 3,
            depth: 3,
            epochs: 20,
            learning_rate: None,
            readings: Vec::new(),
            rewards: RewardSpec::default(),
            explore_percent: 10,
        }
    }
}

impl LearnerSpec {
    /// The perceptron's learning rate: the lesson's or the program's, else 1.
    pub fn perceptron_rate(&self) -> f64 {
        self.learning_rate.unwrap_or(1.0)
    }

    /// Q-learning's learning rate (its α): the lesson's or the program's, at most 1 (above
    /// it a value would overshoot what it learns from), else 0.5.
    pub fn q_rate(&self) -> f64 {
        self.learning_rate.map_or(0.5, |r| r.min(1.0))
    }

    /// The readings the model uses, in column order.
    pub fn columns(&self) -> Vec<Reading> {
        if self.readings.is_empty() {
            Reading::ITEM.to_vec()
        } else {
            self.readings.clone()
        }
    }
}

/// The learner's memory and the measurable items, beside the grid. Shared parts are behind
/// `Rc` (copy on write), as the grid's items are, so the timeline's copies cost little.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AiState {
    /// The world's seed: training and held-out data are drawn from it.
    pub seed: u64,
    /// Where the robot started: the learned policy is tried from here.
    pub start: (u32, u32),
    pub learner: LearnerSpec,
    /// Measurable items per cell, the last one on top (the one `pick up` takes).
    pub samples: Rc<SortedMap<(u32, u32), Vec<Sample>>>,
    /// Measurable items in the robot's bag, the last one picked up on top.
    pub bag: Vec<Sample>,
    /// What the program recorded, in order.
    pub recorded: Rc<Vec<Recorded>>,
    /// The Q-table, 4 values (north, east, south, west) per cell, row by row; empty before
    /// the first `practise`.
    pub q: Rc<Vec<f64>>,
    /// The total reward of every practice episode, in order (the reward chart).
    pub episode_rewards: Rc<Vec<f64>>,
    /// The item reward set by the program (`item reward`), over the lesson's.
    pub item_reward: Option<f64>,
    /// Work done by the last built-in beyond one instruction, for the VM's fuel.
    pub work: u64,
    /// The seeded path's cells in order (empty without one), and how it is laid.
    pub path: Rc<Vec<(u32, u32)>>,
    pub path_style: PathStyle,
    /// The answers of the pupil's own rule (`answer`), judged beside the learned model's.
    pub answers: Rc<Vec<Recorded>>,
}

/// How bright the floor of a tile of `colour` looks to the robot's sensors, 0 (black) to 10
/// (white): the colour's own brightness give or take 1, the same for a tile and a seed every
/// time (sensors are never perfect, and this way a lesson cannot be learnt by heart).
/// Outside the grid counts as white floor.
pub fn floor_brightness(seed: u64, cell: (i64, i64), colour: &str) -> f64 {
    let base: i64 = match colour {
        "black" => 1,
        "blue" => 2,
        "red" | "green" => 3,
        "yellow" => 7,
        _ => 9,
    };
    let mix = seed
        ^ (cell.0 as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ (cell.1 as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    let jitter = (crate::rng::Rng::new(mix).next_u64() % 3) as i64 - 1;
    (base + jitter).clamp(0, 10) as f64
}

impl AiState {
    /// The measurable item on top at `cell`.
    pub fn top(&self, cell: (u32, u32)) -> Option<&Sample> {
        self.samples.get(&cell).and_then(|s| s.last())
    }

    /// Adds a measurable item on top at `cell`.
    pub fn place(&mut self, cell: (u32, u32), sample: Sample) {
        Rc::make_mut(&mut self.samples).get_or_default(cell).push(sample);
    }

    /// Takes the measurable item on top at `cell` into the bag; its kind, if there was one.
    pub fn pick_up(&mut self, cell: (u32, u32)) -> Option<String> {
        let samples = Rc::make_mut(&mut self.samples);
        let stack = samples.get_mut(&cell)?;
        let sample = stack.pop()?;
        if stack.is_empty() {
            samples.remove(&cell);
        }
        let kind = sample.kind.clone();
        self.bag.push(sample);
        Some(kind)
    }

    /// The kind `put down` should take from the bag: the measurable item picked up last.
    pub fn bag_top_kind(&self) -> Option<&str> {
        self.bag.last().map(|s| s.kind.as_str())
    }

    /// Puts the measurable item picked up last on `cell`.
    pub fn put_down(&mut self, cell: (u32, u32)) {
        if let Some(s) = self.bag.pop() {
            self.place(cell, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_stack_and_travel_in_the_bag_last_in_first_out() {
        let mut ai = AiState::default();
        let s = |k: &str, size: f64| Sample { readings: [size, 1.0, 2.0], kind: k.to_string() };
        ai.place((1, 0), s("olive", 20.0));
        ai.place((1, 0), s("stone", 40.0));
        assert_eq!(ai.top((1, 0)).unwrap().kind, "stone");
        assert_eq!(ai.pick_up((1, 0)).as_deref(), Some("stone"));
        assert_eq!(ai.pick_up((1, 0)).as_deref(), Some("olive"));
        assert_eq!(ai.pick_up((1, 0)), None);
        assert_eq!(ai.bag_top_kind(), Some("olive"));
        ai.put_down((2, 0));
        assert_eq!(ai.top((2, 0)).unwrap().readings[0], 20.0);
        assert_eq!(ai.bag_top_kind(), Some("stone"));
        let copy = ai.clone();
        ai.put_down((2, 0));
        assert_eq!(copy.top((2, 0)).unwrap().kind, "olive", "a copy keeps its own items");
        assert_eq!(LearnerSpec::default().columns(), Reading::ITEM.to_vec());
    }
}
