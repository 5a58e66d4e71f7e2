//! Tafukt's introductory AI: k-nearest neighbours, a perceptron, a decision tree and tabular
//! Q-learning, small enough to draw and steppable one example, one update, one episode at a
//! time. Plain Rust with no web dependency; every run is decided by a seed
//! (`tafukt_world::rng::Rng`), never by a clock, a global generator or a hash map's order.
//!
//! The app loads this crate on demand (only AI lessons need it), so it stays small: floats
//! are never formatted here, logarithms are computed with + − × ÷ (`maths`), and sorting is
//! done in one place (the tree's thresholds).

pub mod dataset;
pub mod evaluate;
pub mod grid_env;
pub mod knn;
pub mod lessons;
pub mod maths;
pub mod perceptron;
pub mod perceptron_set;
pub mod qlearning;
pub mod tree;

pub use dataset::{Dataset, Example, Label};
pub use evaluate::{accuracy, confusion, learning_curve, split, Classifier, Confusion, CurvePoint, Score};
pub use grid_env::{GridEnv, GridRewards, ACTIONS};
pub use knn::{Knn, KnnPrediction, Neighbour};
pub use perceptron::{EpochReport, Perceptron, Update};
pub use perceptron_set::PerceptronSet;
pub use qlearning::{greedy_run, Environment, EpisodeReport, GreedyRun, Move, QLearner, QParams, QTable};
pub use tree::{Criterion, Node, Split, Tree, TreeParams};
