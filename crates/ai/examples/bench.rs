//! Training times of the lesson-sized models and of Q-learning on a 10×10 maze, natively
//! (`cargo run --release -p tafukt-ai --example bench`). A benchmark, not a timed test: the
//! figures go to docs/perf.md. Each lesson model is trained many times and the mean printed,
//! since one run is far below the clock's useful resolution.

use std::hint::black_box;
use std::time::Instant;

use tafukt_ai::lessons;
use tafukt_ai::{
    accuracy, split, Dataset, GridEnv, GridRewards, Knn, Perceptron, PerceptronSet, QLearner, QParams, Tree,
    TreeParams,
};
use tafukt_world::grid::{Dir, GridWorld};

/// Mean microseconds of `f` over `runs` runs.
fn mean_us(runs: u32, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    start.elapsed().as_secs_f64() * 1e6 / runs as f64
}

/// A 10×10 serpentine: walls across rows 1, 3, 5 and 7 with the gap at alternate ends, start
/// top-left, flag bottom-right.
fn maze() -> GridWorld {
    let mut w = GridWorld::default();
    w.width = 10;
    w.height = 10;
    for (y, gap) in [(1, 9), (3, 0), (5, 9), (7, 0)] {
        for x in 0..10 {
            if x != gap {
                w.add_wall(x, y, Dir::South);
            }
        }
    }
    w.flags.insert((9, 9));
    w
}

fn main() {
    let runs = 1000;

    let olives = lessons::olives_and_stones(1, 40).select_features(&[0, 1]);
    // kNN has no training: what costs is shading the plot's decision regions, 40×40 cells.
    let knn = Knn::new(3, olives.clone());
    let us = mean_us(50, || {
        black_box(knn.regions((1.0, 5.0), (0.0, 10.0), 40, 40));
    });
    println!("ai-knn-40-rows-regions-40x40-us: {us:.0}");

    let road = lessons::road(1, 40);
    let mut epochs = 0;
    let us = mean_us(runs, || {
        let mut p = Perceptron::new(2, 0.1, 100);
        black_box(p.train(&road));
        epochs = p.epochs_done;
    });
    println!("ai-perceptron-road-40-rows-train-us: {us:.1} ({epochs} epochs)");

    // The road lesson: 12 floor readings (0–10) with three answers, as the practice road
    // gives them; trained again at every `prediction` of the drive, and shaded on the plot.
    let mut floor = Dataset::new(&["floor_left", "floor_right"], &["straight", "left", "right"]);
    let mut rng = tafukt_world::rng::Rng::new(3);
    for i in 0..12 {
        let (dark, bright) = (rng.range(1, 3) as f64, rng.range(8, 10) as f64);
        let other = rng.range(8, 10) as f64;
        match i % 4 {
            1 => floor.push(&[dark, bright], 1),
            3 => floor.push(&[bright, dark], 2),
            _ => floor.push(&[bright, other], 0),
        }
    }
    let mut set = PerceptronSet::fit(&floor, 1.0, 20);
    let us = mean_us(runs, || {
        set = black_box(PerceptronSet::fit(&floor, 1.0, 20));
    });
    println!("ai-perceptron-3-answers-road-12-rows-train-us: {us:.1} ({} epochs)", set.epochs_done);
    let us = mean_us(runs, || {
        black_box(set.regions((0.0, 10.0), (0.0, 10.0), 20, 20));
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            black_box(set.boundary_runs(a, b, (0.0, 10.0), (0.0, 10.0)));
        }
    });
    println!("ai-perceptron-3-answers-plot-20x20-and-lines-us: {us:.1}");

    let turn = lessons::should_turn(1, 60);
    let us = mean_us(runs, || {
        black_box(Tree::fit(&turn, TreeParams::default()));
    });
    println!("ai-tree-should-turn-60-rows-depth-3-us: {us:.1}");

    let (train, test) = split(&lessons::olives_and_stones(2, 100), 30, 2);
    let us = mean_us(runs, || {
        black_box(accuracy(&Knn::new(3, train.clone()), &test));
    });
    println!("ai-knn-olives-70-train-30-test-accuracy-us: {us:.1}");

    let env = GridEnv::from_world(&maze(), GridRewards::default());
    let params = QParams { alpha: 0.5, gamma: 0.95, epsilon: 0.1, max_steps: 400 };
    // The first episode on an empty table is the longest (a random walk up to the cap).
    let us = mean_us(runs, || {
        let mut learner = QLearner::new(env.clone(), params, 7);
        black_box(learner.episode());
    });
    println!("ai-qlearning-10x10-first-episode-us: {us:.1}");

    let start = Instant::now();
    let mut learner = QLearner::new(env.clone(), params, 7);
    learner.train(1000);
    let ms = start.elapsed().as_secs_f64() * 1e3;
    let moves: u32 = learner.episode_steps.iter().sum();
    println!("ai-qlearning-1000-episodes-ms: {ms:.2} ({moves} moves)");
    let run = learner.greedy_run(0, 400);
    println!("ai-qlearning-10x10-greedy-path-moves: {} (flag reached: {})", run.steps(), run.done);
}
