//! The perceptron for more than two labels: one weighted sum per label, and the answer is
//! the label whose sum is largest (the lower label on a tie). It learns one example at a
//! time, as the two-label [`Perceptron`] does: on a mistake, the right label's weights move
//! towards the example and the wrongly chosen label's weights move away from it.
//!
//! Where two labels' sums are equal is a straight line ([`PerceptronSet::boundary`]), so
//! the plane is cut into regions by straight lines; [`PerceptronSet::boundary_runs`] gives
//! the parts of each line that really separate the two labels, for the plot to draw.

use crate::dataset::{Dataset, Label};
use crate::evaluate::Classifier;
use crate::perceptron::Perceptron;

#[derive(Debug, Clone, PartialEq)]
pub struct PerceptronSet {
    /// One weight per feature for each label: label `i`'s are `weights[i]`.
    pub weights: Vec<Vec<f64>>,
    pub bias: Vec<f64>,
    pub learning_rate: f64,
    pub max_epochs: u32,
    pub epochs_done: u32,
    /// Set by an epoch without mistakes.
    pub converged: bool,
}

impl PerceptronSet {
    /// All weights at 0, for `labels` labels of `features` readings.
    pub fn new(labels: usize, features: usize, learning_rate: f64, max_epochs: u32) -> PerceptronSet {
        PerceptronSet {
            weights: vec![vec![0.0; features]; labels],
            bias: vec![0.0; labels],
            learning_rate,
            max_epochs,
            epochs_done: 0,
            converged: false,
        }
    }

    /// Trains on `data` until an epoch without mistakes or `max_epochs` epochs.
    pub fn fit(data: &Dataset, learning_rate: f64, max_epochs: u32) -> PerceptronSet {
        let labels =
            data.label_count().max(1 + data.rows.iter().map(|r| r.label as usize).max().unwrap_or(0));
        let mut set = PerceptronSet::new(labels, data.feature_count(), learning_rate, max_epochs);
        while !set.converged && set.epochs_done < max_epochs && !data.is_empty() {
            set.epoch(data);
        }
        set
    }

    /// Label `label`'s weighted sum for `features`.
    pub fn score(&self, label: usize, features: &[f64]) -> f64 {
        self.weights[label].iter().zip(features).map(|(w, x)| w * x).sum::<f64>() + self.bias[label]
    }

    /// The label with the largest sum; `None` with no labels.
    pub fn predict(&self, features: &[f64]) -> Option<Label> {
        let mut best: Option<(usize, f64)> = None;
        for l in 0..self.weights.len() {
            let s = self.score(l, features);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((l, s));
            }
        }
        best.map(|(l, _)| l as Label)
    }

    /// One pass over `data` in order; the mistakes made.
    pub fn epoch(&mut self, data: &Dataset) -> u32 {
        let mut mistakes = 0;
        for row in &data.rows {
            let (Some(guess), label) = (self.predict(&row.features), row.label as usize) else { continue };
            let guess = guess as usize;
            if guess == label || label >= self.weights.len() {
                continue;
            }
            mistakes += 1;
            let rate = self.learning_rate;
            for (i, x) in row.features.iter().enumerate() {
                self.weights[label][i] += rate * x;
                self.weights[guess][i] -= rate * x;
            }
            self.bias[label] += rate;
            self.bias[guess] -= rate;
        }
        self.epochs_done += 1;
        self.converged = mistakes == 0;
        mistakes
    }

    /// Where labels `a` and `b` have equal sums, as a two-label perceptron (above its line
    /// means `a`): its [`Perceptron::line_in`] is the line.
    pub fn boundary(&self, a: usize, b: usize) -> Perceptron {
        let mut p = Perceptron::new(self.weights[a].len(), self.learning_rate, 0);
        p.weights = self.weights[a].iter().zip(&self.weights[b]).map(|(x, y)| x - y).collect();
        p.bias = self.bias[a] - self.bias[b];
        p
    }

    /// The parts of the line between `a` and `b` inside the box `x × y` where those two
    /// labels really meet (no third label wins there), as segments; a model of two features.
    pub fn boundary_runs(
        &self,
        a: usize,
        b: usize,
        x: (f64, f64),
        y: (f64, f64),
    ) -> Vec<((f64, f64), (f64, f64))> {
        const PIECES: usize = 48;
        let Some((p, q)) = self.boundary(a, b).line_in(x, y) else { return Vec::new() };
        let at = |t: f64| (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
        let mut runs: Vec<((f64, f64), (f64, f64))> = Vec::new();
        let mut open: Option<(f64, f64)> = None;
        for i in 0..PIECES {
            let (t0, t1) = (i as f64 / PIECES as f64, (i + 1) as f64 / PIECES as f64);
            let mid = at((t0 + t1) / 2.0);
            let top = self.score(a, &[mid.0, mid.1]).max(self.score(b, &[mid.0, mid.1]));
            let meets =
                (0..self.weights.len()).all(|l| l == a || l == b || self.score(l, &[mid.0, mid.1]) <= top);
            match (meets, open) {
                (true, None) => open = Some(at(t0)),
                (false, Some(start)) => {
                    runs.push((start, at(t0)));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            runs.push((start, q));
        }
        runs
    }

    /// The label at the centre of each cell of a `columns × rows` grid over `x` (feature 0)
    /// and `y` (feature 1), row by row from the lowest `y`, as `Knn::regions` gives them.
    pub fn regions(&self, x: (f64, f64), y: (f64, f64), columns: usize, rows: usize) -> Vec<Option<Label>> {
        let (dx, dy) = ((x.1 - x.0) / columns.max(1) as f64, (y.1 - y.0) / rows.max(1) as f64);
        (0..rows)
            .flat_map(|j| (0..columns).map(move |i| (i, j)))
            .map(|(i, j)| self.predict(&[x.0 + (i as f64 + 0.5) * dx, y.0 + (j as f64 + 0.5) * dy]))
            .collect()
    }
}

impl Classifier for PerceptronSet {
    fn classify(&self, features: &[f64]) -> Option<Label> {
        self.predict(features)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::accuracy;

    /// Three corners of a square: (0, 1) is "a", (1, 1) is "b", (1, 0) is "c", as the road's
    /// floor sensors read a left bend, a straight road and a right bend.
    fn corners() -> Dataset {
        let mut d = Dataset::new(&["left", "right"], &["a", "b", "c"]);
        for (f, l) in [
            ([0.0, 1.0], 0),
            ([1.0, 1.0], 1),
            ([1.0, 0.0], 2),
            ([0.25, 0.75], 0),
            ([0.75, 0.75], 1),
            ([0.75, 0.25], 2),
        ] {
            d.push(&f, l);
        }
        d
    }

    #[test]
    fn the_first_epoch_worked_by_hand() {
        // Rate 1 from zero. Row (0, 1) "a": every sum is 0, the tie goes to "a": right.
        // Row (1, 1) "b": 0 for all, "a" is chosen: wrong, so w_b = (1, 1), b_b = 1 and
        // w_a = (−1, −1), b_a = −1. Row (1, 0) "c": sums a −2, b 2, c 0: "b", wrong:
        // w_c = (1, 0), b_c = 1; w_b = (0, 1), b_b = 0. Row (0.25, 0.75) "a": a −2, b 0.75,
        // c 1.25: "c", wrong: w_a = (−0.75, −0.25), b_a = 0; w_c = (0.75, −0.75), b_c = 0.
        let mut set = PerceptronSet::new(3, 2, 1.0, 10);
        let data = corners();
        let first_four = data.prefix(4);
        assert_eq!(set.epoch(&first_four), 3);
        assert_eq!(set.weights, vec![vec![-0.75, -0.25], vec![0.0, 1.0], vec![0.75, -0.75]]);
        assert_eq!(set.bias, vec![0.0, 0.0, 0.0]);
        assert!(!set.converged);
    }

    #[test]
    fn three_corners_are_learnt_and_the_lines_meet_between_them() {
        let set = PerceptronSet::fit(&corners(), 1.0, 100);
        assert!(set.converged, "the corners can be cut apart by straight lines");
        assert!(set.epochs_done < 100);
        assert_eq!(accuracy(&set, &corners()).correct, 6);
        // Regions over the unit square, 2 × 2 from the bottom: top left "a", top right "b",
        // bottom right "c".
        let regions = set.regions((0.0, 1.0), (0.0, 1.0), 2, 2);
        assert_eq!((regions[2], regions[3], regions[1]), (Some(0), Some(1), Some(2)));
        // Each pair meets along a part of its line, and points on those parts tie.
        for (a, b) in [(0, 1), (1, 2)] {
            let runs = set.boundary_runs(a, b, (0.0, 1.0), (0.0, 1.0));
            assert!(!runs.is_empty(), "{a} and {b} meet");
            for ((x1, y1), (x2, y2)) in runs {
                let mid = [(x1 + x2) / 2.0, (y1 + y2) / 2.0];
                assert!((set.score(a, &mid) - set.score(b, &mid)).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn nothing_learnt_answers_the_first_label_and_no_labels_none() {
        let set = PerceptronSet::fit(&corners().empty_like(), 1.0, 10);
        assert_eq!(set.predict(&[0.5, 0.5]), Some(0), "all zero: the tie goes to the lower label");
        assert_eq!(set.epochs_done, 0);
        assert_eq!(PerceptronSet::new(0, 2, 1.0, 1).predict(&[1.0, 1.0]), None);
    }
}
