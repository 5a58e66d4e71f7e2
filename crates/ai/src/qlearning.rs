//! Tabular Q-learning: a table of how good each action is in each state, learnt from reward
//! one move at a time. Generic over a small [`Environment`] (states and actions are indices),
//! so the grid maze (`grid_env`) is one world among possible others.
//!
//! Moves are chosen ε-greedily: with chance ε a random action (exploring), else the best
//! known one, a random one among equally good ones (so a fresh table of zeros still wanders).
//! The update after a move is `Q(s,a) += α (r + γ max Q(s',·) − Q(s,a))`, with nothing to
//! look forward to after the last move of an episode that ended by `done`.
//! Every draw comes from the learner's seeded generator, so a seed decides the whole run.

use tafukt_world::rng::Rng;

use crate::maths::unit;

/// A world the learner can act in.
pub trait Environment {
    fn state_count(&self) -> usize;
    fn action_count(&self) -> usize;
    /// Starts an episode and returns its first state; `seed` is for worlds with a random
    /// start, others ignore it.
    fn reset(&mut self, seed: u64) -> usize;
    /// Does `action`: `(next_state, reward, done)`.
    fn step(&mut self, action: usize) -> (usize, f64, bool);
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QParams {
    /// Learning rate α: how far one move shifts the estimate.
    pub alpha: f64,
    /// Discount γ: how much later reward counts against reward now.
    pub gamma: f64,
    /// Chance ε of a random move.
    pub epsilon: f64,
    /// An episode that has not ended by itself stops after this many moves.
    pub max_steps: u32,
}

impl Default for QParams {
    fn default() -> QParams {
        QParams { alpha: 0.5, gamma: 0.9, epsilon: 0.1, max_steps: 200 }
    }
}

/// The Q-table: a value per (state, action), all 0 to start.
#[derive(Debug, Clone, PartialEq)]
pub struct QTable {
    pub states: usize,
    pub actions: usize,
    /// Row-major: `values[state * actions + action]`.
    pub values: Vec<f64>,
}

impl QTable {
    pub fn new(states: usize, actions: usize) -> QTable {
        QTable { states, actions, values: vec![0.0; states * actions] }
    }

    pub fn get(&self, state: usize, action: usize) -> f64 {
        self.values[state * self.actions + action]
    }

    /// One state's values, by action (an arrow per action in the app).
    pub fn row(&self, state: usize) -> &[f64] {
        &self.values[state * self.actions..(state + 1) * self.actions]
    }

    /// The action with the highest value; the lowest-numbered one on a tie, so the drawn
    /// policy never flickers.
    pub fn best_action(&self, state: usize) -> usize {
        let row = self.row(state);
        (1..row.len()).fold(0, |best, a| if row[a] > row[best] { a } else { best })
    }

    /// The highest value in a state (the heat map's colour).
    pub fn best_value(&self, state: usize) -> f64 {
        self.row(state).iter().copied().fold(f64::NEG_INFINITY, f64::max)
    }

    /// The best action in every state: the greedy policy.
    pub fn policy(&self) -> Vec<usize> {
        (0..self.states).map(|s| self.best_action(s)).collect()
    }
}

/// What one move did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Move {
    pub state: usize,
    pub action: usize,
    /// The action was drawn at random (the ε part), not the best known.
    pub explored: bool,
    pub reward: f64,
    pub next_state: usize,
    pub done: bool,
    /// Q(state, action) before and after the update.
    pub old_value: f64,
    pub new_value: f64,
    /// The episode is over (done, or `max_steps` reached); the next move starts another.
    pub episode_ended: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EpisodeReport {
    /// 1 for the first episode.
    pub episode: usize,
    pub reward: f64,
    pub steps: u32,
    /// Ended by the world (the flag), not by the move limit.
    pub done: bool,
}

#[derive(Debug, Clone)]
pub struct QLearner<E: Environment> {
    pub env: E,
    pub q: QTable,
    pub params: QParams,
    rng: Rng,
    /// The current state (meaningful during an episode).
    pub state: usize,
    in_episode: bool,
    reward_so_far: f64,
    steps_so_far: u32,
    /// Total reward of each finished episode, in order (the reward chart).
    pub episode_rewards: Vec<f64>,
    /// Moves of each finished episode.
    pub episode_steps: Vec<u32>,
}

impl<E: Environment> QLearner<E> {
    pub fn new(env: E, params: QParams, seed: u64) -> QLearner<E> {
        let q = QTable::new(env.state_count(), env.action_count());
        QLearner {
            env,
            q,
            params,
            rng: Rng::new(seed),
            state: 0,
            in_episode: false,
            reward_so_far: 0.0,
            steps_so_far: 0,
            episode_rewards: Vec::new(),
            episode_steps: Vec::new(),
        }
    }

    /// Episodes finished so far.
    pub fn episodes(&self) -> usize {
        self.episode_rewards.len()
    }

    /// Whether a move has been made in an episode that is not over yet.
    pub fn in_episode(&self) -> bool {
        self.in_episode
    }

    /// One move (starting an episode first if none is under way) and its update.
    pub fn step(&mut self) -> Move {
        if !self.in_episode {
            let seed = self.rng.next_u64();
            self.state = self.env.reset(seed);
            self.in_episode = true;
            self.reward_so_far = 0.0;
            self.steps_so_far = 0;
        }
        let state = self.state;
        let (action, explored) = self.choose(state);
        let (next_state, reward, done) = self.env.step(action);
        let future = if done { 0.0 } else { self.q.best_value(next_state) };
        let i = state * self.q.actions + action;
        let old_value = self.q.values[i];
        let new_value = old_value + self.params.alpha * (reward + self.params.gamma * future - old_value);
        self.q.values[i] = new_value;
        self.state = next_state;
        self.reward_so_far += reward;
        self.steps_so_far += 1;
        let episode_ended = done || self.steps_so_far >= self.params.max_steps;
        if episode_ended {
            self.in_episode = false;
            self.episode_rewards.push(self.reward_so_far);
            self.episode_steps.push(self.steps_so_far);
        }
        Move { state, action, explored, reward, next_state, done, old_value, new_value, episode_ended }
    }

    /// Moves until the current episode ends (a whole one when none is under way).
    pub fn episode(&mut self) -> EpisodeReport {
        loop {
            let m = self.step();
            if m.episode_ended {
                return EpisodeReport {
                    episode: self.episodes(),
                    reward: self.reward_so_far,
                    steps: self.steps_so_far,
                    done: m.done,
                };
            }
        }
    }

    /// `episodes` more episodes.
    pub fn train(&mut self, episodes: usize) {
        for _ in 0..episodes {
            self.episode();
        }
    }

    fn choose(&mut self, state: usize) -> (usize, bool) {
        let actions = self.q.actions;
        if unit(&mut self.rng) < self.params.epsilon {
            return (self.rng.index(actions), true);
        }
        let best = self.q.best_value(state);
        let ties = self.q.row(state).iter().filter(|&&v| v == best).count();
        let pick = if ties > 1 { self.rng.index(ties) } else { 0 };
        let action =
            self.q.row(state).iter().enumerate().filter(|(_, &v)| v == best).nth(pick).map_or(0, |(a, _)| a);
        (action, false)
    }
}

impl<E: Environment + Clone> QLearner<E> {
    /// Follows the learned policy from a fresh start, on a copy of the world (learning is
    /// not disturbed): the states visited, first one included, and whether it ended by itself.
    pub fn greedy_run(&self, seed: u64, max_steps: u32) -> GreedyRun {
        greedy_run(&mut self.env.clone(), &self.q, seed, max_steps)
    }
}

/// Where the greedy policy leads.
#[derive(Debug, Clone, PartialEq)]
pub struct GreedyRun {
    /// States visited, the start first.
    pub states: Vec<usize>,
    pub reward: f64,
    /// Ended by the world (e.g. the flag reached) within the move limit.
    pub done: bool,
}

impl GreedyRun {
    pub fn steps(&self) -> usize {
        self.states.len().saturating_sub(1)
    }
}

/// Plays the table's best action (lowest number on a tie) from `env.reset(seed)`, for at
/// most `max_steps` moves.
pub fn greedy_run(env: &mut impl Environment, q: &QTable, seed: u64, max_steps: u32) -> GreedyRun {
    let mut state = env.reset(seed);
    let mut run = GreedyRun { states: vec![state], reward: 0.0, done: false };
    for _ in 0..max_steps {
        let (next, reward, done) = env.step(q.best_action(state));
        run.states.push(next);
        run.reward += reward;
        state = next;
        if done {
            run.done = true;
            break;
        }
    }
    run
}
