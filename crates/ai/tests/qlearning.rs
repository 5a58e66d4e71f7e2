//! Q-learning on the grid maze: the environment's rewards and walls, one move's update worked
//! by hand, and the learned policy taking the shortest path on a fixed maze and seed.

use tafukt_ai::{Environment, GridEnv, GridRewards, QLearner, QParams, ACTIONS};
use tafukt_world::grid::{Dir, GridWorld};

const NORTH: usize = 0;
const EAST: usize = 1;
const SOUTH: usize = 2;
const WEST: usize = 3;

/// A 4×4 maze, start top-left, flag top-right, and a wall down the middle except at the
/// bottom row:
///
/// ```text
///   S . | . F
///   . . | . .
///   . . | . .
///   . . . . .   (the gap)
/// ```
/// The flag is 3 cells away as the crow flies, but every path goes round the wall: down 3,
/// across 3 (through the gap), up 3 = 9 moves (e.g. E S S S E N N N E).
fn maze() -> GridWorld {
    let mut w = GridWorld::default();
    w.width = 4;
    w.height = 4;
    for y in 0..3 {
        w.add_wall(1, y, Dir::East);
    }
    w.flags.insert((3, 0));
    w.robot.x = 0;
    w.robot.y = 0;
    w
}

/// Shortest number of moves from start to a flag, by breadth-first search: an independent
/// check of the hand count above.
fn shortest(env: &GridEnv) -> usize {
    let mut dist = vec![usize::MAX; env.state_count()];
    dist[env.start] = 0;
    let mut queue = vec![env.start];
    let mut head = 0;
    while head < queue.len() {
        let s = queue[head];
        head += 1;
        if env.is_flag(s) {
            return dist[s];
        }
        let mut probe = env.clone();
        for a in 0..4 {
            probe.random_start = false;
            probe.start = s;
            probe.reset(0);
            let (next, _, _) = probe.step(a);
            if dist[next] == usize::MAX {
                dist[next] = dist[s] + 1;
                queue.push(next);
            }
        }
    }
    usize::MAX
}

#[test]
fn walls_and_edges_block_with_a_penalty_and_the_flag_ends_the_episode() {
    let mut env = GridEnv::from_world(&maze(), GridRewards::default());
    assert_eq!((env.state_count(), env.action_count()), (16, 4));
    assert_eq!(ACTIONS[EAST], Dir::East);
    assert_eq!(env.reset(0), 0);
    assert_eq!(env.step(NORTH), (0, -2.0, false), "the edge: step cost −1 and bump −1");
    assert_eq!(env.step(EAST), (1, -1.0, false));
    assert_eq!(env.step(EAST), (1, -2.0, false), "the inner wall blocks too");
    env.start = env.state_of(3, 1);
    env.reset(0);
    assert_eq!(env.step(NORTH), (3, 9.0, true), "the flag: +10 after the step cost");
    assert_eq!(env.cell(13), (1, 3));
    assert_eq!(shortest(&GridEnv::from_world(&maze(), GridRewards::default())), 9);
}

#[test]
fn one_move_updates_the_table_by_the_rule() {
    let env = GridEnv::from_world(&maze(), GridRewards::default());
    // ε = 1: every move is random, so no tie-breaking draw is involved.
    let params = QParams { alpha: 0.5, gamma: 0.9, epsilon: 1.0, max_steps: 3 };
    let mut learner = QLearner::new(env, params, 4);
    let m = learner.step();
    assert!(m.explored);
    // Fresh table: Q = 0 + 0.5 · (r + 0.9 · 0 − 0) = r / 2.
    assert_eq!((m.old_value, m.new_value), (0.0, m.reward / 2.0));
    assert_eq!(learner.q.get(m.state, m.action), m.reward / 2.0);
    assert!(learner.in_episode());
    learner.step();
    let last = learner.step();
    assert!(last.episode_ended, "max_steps ends the episode");
    assert_eq!(learner.episodes(), 1);
    assert_eq!(learner.episode_steps, vec![3]);
}

#[test]
fn q_learning_finds_the_shortest_path_on_a_fixed_maze_and_seed() {
    let env = GridEnv::from_world(&maze(), GridRewards::default());
    let want = shortest(&env);
    let params = QParams { alpha: 0.5, gamma: 0.9, epsilon: 0.2, max_steps: 100 };
    let mut learner = QLearner::new(env, params, 2024);
    learner.train(300);
    assert_eq!(learner.episodes(), 300);
    let run = learner.greedy_run(0, 50);
    assert!(run.done, "the greedy policy reaches the flag: {:?}", run.states);
    assert_eq!(run.steps(), want, "in exactly the shortest number of moves: {:?}", run.states);
    assert_eq!(*run.states.last().unwrap(), learner.env.state_of(3, 0));
    // From the start the first move must be east or south (the two shortest paths).
    assert!([EAST, SOUTH].contains(&learner.q.best_action(0)));
    // Learning shows in the reward chart: the last episodes beat the first ones.
    let first: f64 = learner.episode_rewards[..20].iter().sum();
    let last: f64 = learner.episode_rewards[280..].iter().sum();
    assert!(last > first, "{first} → {last}");
}

#[test]
fn random_starts_fill_the_whole_table() {
    let mut env = GridEnv::from_world(&maze(), GridRewards::default());
    env.random_start = true;
    let mut learner = QLearner::new(env, QParams::default(), 9);
    learner.train(400);
    // From every cell, the greedy policy now reaches the flag by a shortest path.
    for s in 0..16 {
        let mut probe = learner.env.clone();
        probe.random_start = false;
        probe.start = s;
        if probe.is_flag(s) {
            continue;
        }
        let want = shortest(&probe);
        let run = tafukt_ai::greedy_run(&mut probe, &learner.q, 0, 50);
        assert_eq!(run.steps(), want, "from cell {:?}: {:?}", probe.cell(s), run.states);
    }
    assert_eq!(learner.q.policy().len(), 16);
    assert!(learner.q.best_value(learner.env.state_of(3, 1)) > 8.0, "next to the flag ≈ 9");
    let _ = WEST;
}
