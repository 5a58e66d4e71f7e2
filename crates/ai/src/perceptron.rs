//! The perceptron: a weighted sum of the readings plus a bias; above 0 means label 1, else
//! label 0. It learns one example at a time (Rosenblatt's rule: on a mistake, move the
//! weights towards the example's side), so the app can show each update and redraw the
//! decision line `w·x + b = 0`.
//!
//! Examples are visited in the dataset's order, epoch after epoch (no shuffling, so a pupil
//! can follow along; a seeded split already mixes the rows). An epoch without a mistake means
//! the line separates the data: the perceptron has converged.

use crate::dataset::{Dataset, Label};
use crate::evaluate::Classifier;

#[derive(Debug, Clone, PartialEq)]
pub struct Perceptron {
    /// One weight per feature.
    pub weights: Vec<f64>,
    pub bias: f64,
    pub learning_rate: f64,
    /// The most epochs [`Perceptron::train`] runs before giving up.
    pub max_epochs: u32,
    /// Epochs finished so far.
    pub epochs_done: u32,
    /// Set by an epoch without mistakes; cleared by any later mistake.
    pub converged: bool,
    /// The row the next step looks at.
    pub cursor: usize,
    mistakes_this_epoch: u32,
}

/// What one step did.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    /// The row looked at.
    pub index: usize,
    /// `w·x + b` before the update.
    pub activation: f64,
    pub predicted: Label,
    pub label: Label,
    /// Added to each weight (all 0 when the prediction was right).
    pub weight_change: Vec<f64>,
    pub bias_change: f64,
    /// This was the last row of an epoch.
    pub epoch_ended: bool,
}

impl Update {
    pub fn changed(&self) -> bool {
        self.predicted != self.label
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochReport {
    /// Which epoch this was (1 for the first).
    pub epoch: u32,
    pub mistakes: u32,
    pub converged: bool,
}

impl Perceptron {
    /// All weights and the bias start at 0.
    pub fn new(features: usize, learning_rate: f64, max_epochs: u32) -> Perceptron {
        Perceptron {
            weights: vec![0.0; features],
            bias: 0.0,
            learning_rate,
            max_epochs,
            epochs_done: 0,
            converged: false,
            cursor: 0,
            mistakes_this_epoch: 0,
        }
    }

    /// `w·x + b`.
    pub fn activation(&self, features: &[f64]) -> f64 {
        self.weights.iter().zip(features).map(|(w, x)| w * x).sum::<f64>() + self.bias
    }

    /// 1 above the line, 0 on it or below.
    pub fn predict(&self, features: &[f64]) -> Label {
        Label::from(self.activation(features) > 0.0)
    }

    /// Where the decision line `w₀x + w₁y + b = 0` of a two-feature perceptron crosses the
    /// plot's box `x × y`: its two ends, or `None` when it misses the box (or the weights are
    /// all 0, when there is no line yet). Computed here so the app never divides by a zero
    /// weight (a vertical or horizontal line is an ordinary case).
    pub fn line_in(&self, x: (f64, f64), y: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
        let (a, b, c) = (*self.weights.first()?, *self.weights.get(1)?, self.bias);
        let mut ends: Vec<(f64, f64)> = Vec::with_capacity(4);
        let mut add = |p: (f64, f64)| {
            let inside = p.0 >= x.0 - 1e-9 && p.0 <= x.1 + 1e-9 && p.1 >= y.0 - 1e-9 && p.1 <= y.1 + 1e-9;
            let seen = ends.iter().any(|q| (q.0 - p.0).abs() < 1e-9 && (q.1 - p.1).abs() < 1e-9);
            if inside && !seen {
                ends.push(p);
            }
        };
        if b != 0.0 {
            add((x.0, -(a * x.0 + c) / b));
            add((x.1, -(a * x.1 + c) / b));
        }
        if a != 0.0 {
            add((-(b * y.0 + c) / a, y.0));
            add((-(b * y.1 + c) / a, y.1));
        }
        (ends.len() >= 2).then(|| (ends[0], ends[1]))
    }

    /// Looks at the next row and corrects the weights if it was wrong; `None` for an empty
    /// dataset. Label 0 is one side, any other label the other.
    pub fn step(&mut self, data: &Dataset) -> Option<Update> {
        if data.is_empty() {
            return None;
        }
        if self.cursor >= data.len() {
            self.cursor = 0;
        }
        let index = self.cursor;
        let row = &data.rows[index];
        let label = Label::from(row.label != 0);
        let activation = self.activation(&row.features);
        let predicted = Label::from(activation > 0.0);
        let mut weight_change = vec![0.0; self.weights.len()];
        let mut bias_change = 0.0;
        if predicted != label {
            let sign = if label == 1 { 1.0 } else { -1.0 };
            for ((w, change), x) in self.weights.iter_mut().zip(&mut weight_change).zip(&row.features) {
                *change = self.learning_rate * sign * x;
                *w += *change;
            }
            bias_change = self.learning_rate * sign;
            self.bias += bias_change;
            self.mistakes_this_epoch += 1;
            self.converged = false;
        }
        self.cursor += 1;
        let epoch_ended = self.cursor == data.len();
        if epoch_ended {
            self.cursor = 0;
            self.epochs_done += 1;
            self.converged = self.mistakes_this_epoch == 0;
            self.mistakes_this_epoch = 0;
        }
        Some(Update { index, activation, predicted, label, weight_change, bias_change, epoch_ended })
    }

    /// Steps to the end of the current epoch (a whole one when called at its start).
    pub fn epoch(&mut self, data: &Dataset) -> Option<EpochReport> {
        let mut mistakes = 0;
        loop {
            let u = self.step(data)?;
            mistakes += u32::from(u.changed());
            if u.epoch_ended {
                return Some(EpochReport { epoch: self.epochs_done, mistakes, converged: self.converged });
            }
        }
    }

    /// Epochs until converged or `max_epochs` have been run in all; whether it converged.
    pub fn train(&mut self, data: &Dataset) -> bool {
        while !self.converged && self.epochs_done < self.max_epochs {
            if self.epoch(data).is_none() {
                break;
            }
        }
        self.converged
    }
}

impl Classifier for Perceptron {
    fn classify(&self, features: &[f64]) -> Option<Label> {
        Some(self.predict(features))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::accuracy;

    fn truth_table(outputs: [Label; 4]) -> Dataset {
        let mut d = Dataset::new(&["a", "b"], &["no", "yes"]);
        for (i, (a, b)) in [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)].into_iter().enumerate() {
            d.push(&[a, b], outputs[i]);
        }
        d
    }

    #[test]
    fn converges_on_and_and_the_line_separates_it() {
        let and = truth_table([0, 0, 0, 1]);
        let mut p = Perceptron::new(2, 1.0, 100);
        assert!(p.train(&and), "AND is linearly separable");
        assert!(p.epochs_done < 100);
        assert_eq!(accuracy(&p, &and).correct, 4);
        // Worked by hand with rate 1 from zero, (w1, w2, b) after each epoch: (1, 1, 1),
        // (2, 1, 0), (2, 1, −1), (2, 2, −1), (2, 1, −2), then an epoch without a mistake:
        // the line 2a + b = 2, after 6 epochs.
        assert_eq!((p.weights.clone(), p.bias, p.epochs_done), (vec![2.0, 1.0], -2.0, 6));
        let before = p.clone();
        assert_eq!(p.epoch(&and).unwrap().mistakes, 0);
        assert_eq!((p.weights.clone(), p.bias), (before.weights, before.bias), "nothing left to learn");
    }

    #[test]
    fn does_not_converge_on_xor() {
        let xor = truth_table([0, 1, 1, 0]);
        let mut p = Perceptron::new(2, 0.5, 200);
        assert!(!p.train(&xor), "no line separates XOR");
        assert_eq!(p.epochs_done, 200);
        assert!(accuracy(&p, &xor).correct < 4);
    }

    #[test]
    fn the_decision_line_is_clipped_to_the_plot() {
        let mut p = Perceptron::new(2, 1.0, 1);
        assert_eq!(p.line_in((0.0, 1.0), (0.0, 1.0)), None, "no weights, no line");
        // 2x + y − 2 = 0 (the AND line above): y = 2 − 2x, from (0.5, 1) to (1, 0).
        (p.weights, p.bias) = (vec![2.0, 1.0], -2.0);
        assert_eq!(p.line_in((0.0, 1.0), (0.0, 1.0)), Some(((1.0, 0.0), (0.5, 1.0))));
        // x = 0.25, vertical: w₁ = 0.
        (p.weights, p.bias) = (vec![4.0, 0.0], -1.0);
        assert_eq!(p.line_in((0.0, 1.0), (0.0, 2.0)), Some(((0.25, 0.0), (0.25, 2.0))));
        // x + y = 5 misses the unit box.
        (p.weights, p.bias) = (vec![1.0, 1.0], -5.0);
        assert_eq!(p.line_in((0.0, 1.0), (0.0, 1.0)), None);
    }

    #[test]
    fn a_step_reports_what_changed() {
        let and = truth_table([0, 0, 0, 1]);
        let mut p = Perceptron::new(2, 0.5, 10);
        // Rows 0..2 are label 0 and the activation 0 already says 0: nothing changes.
        for i in 0..3 {
            let u = p.step(&and).unwrap();
            assert_eq!((u.index, u.changed(), u.epoch_ended), (i, false, false));
        }
        // Row 3, (1, 1) → 1, is wrong: each weight moves by 0.5 · 1, the bias by 0.5.
        let u = p.step(&and).unwrap();
        assert_eq!((u.index, u.activation, u.predicted, u.label), (3, 0.0, 0, 1));
        assert_eq!((u.weight_change, u.bias_change, u.epoch_ended), (vec![0.5, 0.5], 0.5, true));
        assert_eq!((p.weights.clone(), p.bias, p.epochs_done, p.converged), (vec![0.5, 0.5], 0.5, 1, false));
        assert_eq!(p.cursor, 0);
        assert_eq!(Perceptron::new(2, 1.0, 5).step(&and.empty_like()), None);
    }
}
