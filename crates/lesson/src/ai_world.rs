//! The AI lessons' side of a grid world (feature `ai`): drawing the seeded samples a spec
//! asks for, and the models built from what a program recorded. The world keeps only data
//! (`tafukt_world::ai`); the algorithms are tafukt-ai's.

use std::rc::Rc;

use tafukt_ai::{Dataset, Knn, Perceptron, PerceptronSet, Tree, TreeParams};
use tafukt_world::ai::{Model, Readings, Sensed};
use tafukt_world::{GridSpec, GridWorld, RandomRule};

/// The datasets a lesson may draw items from, by name: `olives_and_stones` (balanced) and
/// `one_sided_olives` (small olives only) and `large_olives` (big olives only): the bias
/// lesson trains on the first and is tested on the second.
pub fn dataset(name: &str, seed: u64, n: usize) -> Option<Dataset> {
    match name {
        "olives_and_stones" => Some(tafukt_ai::lessons::olives_and_stones(seed, n)),
        "one_sided_olives" => Some(tafukt_ai::lessons::one_sided_olives(seed, n)),
        "large_olives" => Some(tafukt_ai::lessons::large_olives(seed, n)),
        _ => None,
    }
}

/// A dataset row as the robot reads it: the generators give sizes in cm with one decimal,
/// the robot measures whole millimetres.
pub fn readings(features: &[f64]) -> Readings {
    let f = |i: usize| features.get(i).copied().unwrap_or(0.0);
    [tafukt_ai::maths::round(f(0) * 10.0), f(1), f(2)]
}

/// Mixes a seed with a rule's place, so each rule draws its own stream.
fn mix(seed: u64, salt: u64) -> u64 {
    seed ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Adds what the spec's AI rules ask for to a world built from it for `seed`.
pub fn apply(world: &mut GridWorld, spec: &GridSpec, seed: u64) {
    world.ai.seed = seed;
    world.ai.start = (world.robot.x, world.robot.y);
    let Some(variants) = &spec.variants else { return };
    let (width, height) = (world.width, world.height);
    for rule in &variants.rules {
        match rule {
            RandomRule::Samples(s) => {
                let n = s.skip as usize + s.cells.len();
                // One stream per dataset name, so two rules on one dataset share its rows.
                let salt = s.dataset.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
                let Some(data) = dataset(&s.dataset, mix(seed, salt), n) else { continue };
                let mut cells = s.cells.clone();
                if s.shuffle {
                    // Fisher–Yates, from the rule's own stream.
                    let mut rng = tafukt_world::rng::Rng::new(mix(seed, salt ^ 0x5bd1_e995));
                    for i in (1..cells.len()).rev() {
                        cells.swap(i, rng.index(i + 1));
                    }
                }
                for (cell, row) in cells.iter().zip(data.rows.iter().skip(s.skip as usize)) {
                    let at = (cell.x.min(width - 1), cell.y.min(height - 1));
                    let kind = data.label_name(row.label).to_string();
                    if let Some(colour) = s.paint.get(&kind) {
                        world.paint.insert(at, colour.clone());
                    }
                    world.add_sample(at, readings(&row.features), &kind);
                }
            }
            RandomRule::Learner(l) => world.ai.learner = l.clone(),
            RandomRule::Path(p) => crate::ai_road::lay(world, p, seed),
            _ => {}
        }
    }
}

/// The pupil's recordings as a table over the lesson's readings, labels in first-recorded
/// order.
pub fn recorded_table(world: &GridWorld) -> Dataset {
    let columns = world.ai.learner.columns();
    let names: Vec<&str> = columns.iter().map(|c| c.key()).collect();
    let mut d = Dataset::new(&names, &[]);
    for r in world.ai.recorded.iter() {
        let label = d.label_id(&r.label);
        let row: Vec<f64> = columns.iter().map(|c| r.readings[c.index()]).collect();
        d.push(&row, label);
    }
    d
}

/// A model trained on the recordings, as the lesson chose it.
pub enum Trained {
    Knn(Knn),
    Perceptron(Perceptron),
    /// A perceptron per label, for more than two labels.
    Perceptrons(PerceptronSet),
    Tree(Tree),
}

impl Trained {
    /// Trains the lesson's model on `data`; the work done (row visits), for the fuel.
    pub fn fit(world: &GridWorld, data: Dataset) -> (Trained, u64) {
        let l = &world.ai.learner;
        let rows = data.len() as u64;
        match l.model {
            Model::Perceptron => {
                let epochs = l.epochs.clamp(1, 100);
                let labels = data.label_count() as u64;
                if labels > 2 {
                    let set = PerceptronSet::fit(&data, l.perceptron_rate(), epochs);
                    return (Trained::Perceptrons(set), rows * labels * epochs as u64);
                }
                let mut p = Perceptron::new(data.feature_count(), l.perceptron_rate(), epochs);
                p.train(&data);
                (Trained::Perceptron(p), rows * epochs as u64)
            }
            Model::Tree => {
                let params = TreeParams { max_depth: l.depth.min(6), ..TreeParams::default() };
                (Trained::Tree(Tree::fit(&data, params)), rows * rows.max(1) * 4)
            }
            Model::Knn | Model::QLearning => (Trained::Knn(Knn::new(l.k.max(1) as usize, data)), 0),
        }
    }

    /// The label index for `readings` (already in the model's columns).
    pub fn classify(&self, row: &[f64]) -> Option<u8> {
        match self {
            Trained::Knn(k) => k.predict(row).map(|p| p.label),
            Trained::Perceptron(p) => Some(p.predict(row)),
            Trained::Perceptrons(p) => p.predict(row),
            Trained::Tree(t) => t.predict(row),
        }
    }
}

/// The readings of `r` in the model's columns.
pub fn columns_of(world: &GridWorld, r: &Sensed) -> Vec<f64> {
    world.ai.learner.columns().iter().map(|c| r[c.index()]).collect()
}

/// What the robot reads now: the item under it and its own sensors. `None` when the model
/// looks at an item's measurements and there is no item here.
pub fn sense(world: &GridWorld) -> Option<Sensed> {
    let mut s = crate::ai_road::sensors(world);
    match world.sample_here() {
        Some(item) => s[..3].copy_from_slice(&item.readings),
        None if world.ai.learner.columns().iter().any(|c| c.of_item()) => return None,
        None => {}
    }
    Some(s)
}

/// What the reading now really is: the item's kind, or which way the path goes on.
pub fn truth(world: &GridWorld) -> String {
    match world.sample_here() {
        Some(item) => item.kind.clone(),
        None => crate::ai_road::way_on(world).unwrap_or("none").to_string(),
    }
}

/// What the model says the reading `readings` is, as the label the program recorded; and
/// the work it took. `None` before anything is recorded.
pub fn predict(world: &GridWorld, readings: &Sensed) -> (Option<String>, u64) {
    let data = recorded_table(world);
    if data.is_empty() {
        return (None, 0);
    }
    let labels = data.labels.clone();
    let rows = data.len() as u64;
    let (model, work) = Trained::fit(world, data);
    let label = model.classify(&columns_of(world, readings));
    (label.and_then(|l| labels.get(l as usize).cloned()), work + rows)
}

/// Forgets every recording (keeping what was practised in the maze).
pub fn forget(world: &mut GridWorld) {
    world.ai.recorded = Rc::new(Vec::new());
}
