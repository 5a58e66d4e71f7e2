//! Learning from reward in the grid maze (feature `ai`): `practise N` runs N episodes of
//! tabular Q-learning (tafukt-ai) from where the robot stands, `best move` takes the learned
//! best step, and the policy goal tries the learned table from the robot's start. The table
//! lives in the world (`tafukt_world::ai::AiState::q`), and every episode's random choices
//! come from the world's seed and the episodes already done, so a run is the same anywhere.

use std::rc::Rc;

use tafukt_ai::{greedy_run, GridEnv, GridRewards, QLearner, QParams, ACTIONS};
use tafukt_lang::HostFault;
use tafukt_world::GridWorld;

/// Most episodes one `practise` runs: with the step cap below, one call is at most
/// 500 × 400 moves (a few milliseconds natively), and the VM counts them as fuel.
pub const MAX_EPISODES: u32 = 500;

/// The maze as Q-learning sees it, starting at `start`, with the lesson's rewards (and the
/// program's `item reward`, if it set one).
fn env(world: &GridWorld, start: (u32, u32)) -> GridEnv {
    let r = &world.ai.learner.rewards;
    let rewards = GridRewards {
        step: r.step as f64,
        bump: r.bump as f64,
        flag: r.flag as f64,
        item: world.ai.item_reward.unwrap_or(r.item as f64),
    };
    let mut env = GridEnv::from_world(world, rewards);
    env.start = env.state_of(start.0.min(world.width - 1), start.1.min(world.height - 1));
    env
}

fn params(world: &GridWorld) -> QParams {
    let cells = world.width * world.height;
    QParams {
        alpha: world.ai.learner.q_rate(),
        gamma: 0.9,
        epsilon: world.ai.learner.explore_percent.min(100) as f64 / 100.0,
        max_steps: (cells * 4).clamp(20, 400),
    }
}

/// The stored table, if it fits this maze.
fn table(world: &GridWorld) -> Option<&[f64]> {
    let want = (world.width * world.height) as usize * ACTIONS.len();
    (world.ai.q.len() == want).then_some(world.ai.q.as_slice())
}

/// Runs `episodes` practice episodes from the robot's cell; returns the moves made (work).
pub fn practise(world: &mut GridWorld, episodes: u32) -> u64 {
    let episodes = episodes.min(MAX_EPISODES);
    let done_before = world.ai.episode_rewards.len() as u64;
    let seed = world.ai.seed ^ done_before.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x51_7cc1;
    let mut learner = QLearner::new(env(world, (world.robot.x, world.robot.y)), params(world), seed);
    if let Some(q) = table(world) {
        learner.q.values.copy_from_slice(q);
    }
    learner.train(episodes as usize);
    let work: u64 = learner.episode_steps.iter().map(|&s| s as u64).sum();
    world.ai.q = Rc::new(learner.q.values);
    Rc::make_mut(&mut world.ai.episode_rewards).extend(learner.episode_rewards);
    work
}

/// Turns the robot to the learned best direction from its cell and steps there.
pub fn best_move(world: &mut GridWorld) -> Result<(), HostFault> {
    let Some(q) = table(world) else { return Err(HostFault::new("not-practised")) };
    let state = (world.robot.y * world.width + world.robot.x) as usize;
    let row = &q[state * ACTIONS.len()..(state + 1) * ACTIONS.len()];
    let best = (1..row.len()).fold(0, |b, a| if row[a] > row[b] { a } else { b });
    world.robot.heading = ACTIONS[best];
    world.step().map_err(|f| HostFault::new(f.key()))
}

/// Whether following the learned best moves from the robot's start reaches a flag within
/// `steps` moves.
pub fn policy_reaches(world: &GridWorld, steps: u32) -> bool {
    let Some(q) = table(world) else { return false };
    let mut env = env(world, world.ai.start);
    let mut table = tafukt_ai::QTable::new(world.width as usize * world.height as usize, ACTIONS.len());
    table.values.copy_from_slice(q);
    greedy_run(&mut env, &table, world.ai.seed, steps).done
}
