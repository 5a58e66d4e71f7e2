//! The grid maze as a Q-learning environment: the state is the robot's cell, the four actions
//! step north, east, south or west (no turning: the table stays 4 arrows a cell). Walls and
//! the grid's edge block a step, which costs a small penalty; reaching a flag ends the
//! episode with a reward; every move costs a little, so shorter paths are worth more.

use tafukt_world::grid::{Dir, GridWorld};
use tafukt_world::rng::Rng;

use crate::qlearning::Environment;

/// Action `i` steps in `ACTIONS[i]`.
pub const ACTIONS: [Dir; 4] = [Dir::North, Dir::East, Dir::South, Dir::West];

/// What each kind of move earns. Public so the "badly designed reward" lesson can change it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridRewards {
    /// Every move (usually negative: time costs).
    pub step: f64,
    /// Added when a wall or the edge blocks the move.
    pub bump: f64,
    /// Added on reaching a flag, which ends the episode.
    pub flag: f64,
    /// Added each time the robot steps onto a cell with items (0 by default: a lesson that
    /// rewards olives may find the robot pacing beside one instead of finishing).
    pub item: f64,
}

impl Default for GridRewards {
    fn default() -> GridRewards {
        GridRewards { step: -1.0, bump: -1.0, flag: 10.0, item: 0.0 }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridEnv {
    pub width: u32,
    pub height: u32,
    /// Per cell, bit `i` set when `ACTIONS[i]` is blocked: read from the world once, so a
    /// move is a lookup (thousands of episodes make millions of moves).
    blocked: Vec<u8>,
    flags: Vec<bool>,
    items: Vec<bool>,
    /// The robot's cell at the start of each episode.
    pub start: usize,
    /// Start each episode on a random cell that is not a flag (seeded by `reset`), so the
    /// whole table gets filled, not just the cells near one path.
    pub random_start: bool,
    pub rewards: GridRewards,
    robot: usize,
}

impl GridEnv {
    /// The maze of a grid world: its walls, flags, items and the robot's cell as the start.
    pub fn from_world(world: &GridWorld, rewards: GridRewards) -> GridEnv {
        let (width, height) = (world.width, world.height);
        let cells = (width * height) as usize;
        let mut env = GridEnv {
            width,
            height,
            blocked: vec![0; cells],
            flags: vec![false; cells],
            items: vec![false; cells],
            start: 0,
            random_start: false,
            rewards,
            robot: 0,
        };
        for y in 0..height {
            for x in 0..width {
                let s = env.state_of(x, y);
                for (i, dir) in ACTIONS.iter().enumerate() {
                    if world.wall(x, y, *dir) {
                        env.blocked[s] |= 1 << i;
                    }
                }
            }
        }
        for &(x, y) in world.flags.iter() {
            if x < width && y < height {
                let s = env.state_of(x, y);
                env.flags[s] = true;
            }
        }
        for (&(x, y), kinds) in world.items.iter() {
            if x < width && y < height && kinds.values().any(|&n| n > 0) {
                let s = env.state_of(x, y);
                env.items[s] = true;
            }
        }
        env.start = env.state_of(world.robot.x.min(width - 1), world.robot.y.min(height - 1));
        env.robot = env.start;
        env
    }

    pub fn state_of(&self, x: u32, y: u32) -> usize {
        (y * self.width + x) as usize
    }

    /// The cell `(x, y)` of a state.
    pub fn cell(&self, state: usize) -> (u32, u32) {
        (state as u32 % self.width, state as u32 / self.width)
    }

    pub fn is_flag(&self, state: usize) -> bool {
        self.flags.get(state).copied().unwrap_or(false)
    }

    pub fn is_blocked(&self, state: usize, action: usize) -> bool {
        self.blocked.get(state).is_some_and(|b| b & (1 << action) != 0)
    }

    /// The robot's cell now.
    pub fn robot(&self) -> usize {
        self.robot
    }
}

impl Environment for GridEnv {
    fn state_count(&self) -> usize {
        self.blocked.len()
    }

    fn action_count(&self) -> usize {
        ACTIONS.len()
    }

    fn reset(&mut self, seed: u64) -> usize {
        self.robot = self.start;
        let open = self.flags.iter().filter(|f| !**f).count();
        if self.random_start && open > 0 {
            let pick = Rng::new(seed).index(open);
            self.robot = (0..self.flags.len()).filter(|&s| !self.flags[s]).nth(pick).unwrap_or(self.start);
        }
        self.robot
    }

    fn step(&mut self, action: usize) -> (usize, f64, bool) {
        let mut reward = self.rewards.step;
        if action >= ACTIONS.len() || self.is_blocked(self.robot, action) {
            return (self.robot, reward + self.rewards.bump, false);
        }
        let (dx, dy) = ACTIONS[action].delta();
        let (x, y) = self.cell(self.robot);
        self.robot = self.state_of((x as i64 + dx) as u32, (y as i64 + dy) as u32);
        if self.items[self.robot] {
            reward += self.rewards.item;
        }
        let done = self.flags[self.robot];
        if done {
            reward += self.rewards.flag;
        }
        (self.robot, reward, done)
    }
}
