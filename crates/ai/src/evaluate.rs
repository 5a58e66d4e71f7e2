//! How good is a model: a seeded train/test split, accuracy, the confusion table (which
//! labels it mixes up) and the learning curve (held-out accuracy as the training set grows).

use tafukt_world::rng::Rng;

use crate::dataset::{Dataset, Label};
use crate::maths;

/// Anything that gives a label for a row of readings; `None` when it cannot answer yet
/// (an empty k-NN table, a tree never trained).
pub trait Classifier {
    fn classify(&self, features: &[f64]) -> Option<Label>;
}

/// Right answers out of all: integers, so the app shows "7 / 10" without formatting floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
}

impl Score {
    /// Accuracy in 0..=1 (0 for an empty test set).
    pub fn fraction(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }

    /// Accuracy as a whole percentage, rounded half up.
    pub fn percent(self) -> u32 {
        maths::round(self.fraction() * 100.0) as u32
    }
}

/// Shuffles the rows with `seed` and puts `test_percent` of them (rounded to the nearest
/// row) in the test set; both keep the shuffled order. Same data and seed, same split.
pub fn split(data: &Dataset, test_percent: u32, seed: u64) -> (Dataset, Dataset) {
    let n = data.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng::new(seed);
    // Fisher–Yates, from the end.
    for i in (1..n).rev() {
        let j = rng.index(i + 1);
        order.swap(i, j);
    }
    let test_n = ((n * test_percent.min(100) as usize) + 50) / 100;
    let (test, train) = order.split_at(test_n);
    (data.subset(train), data.subset(test))
}

/// How many test rows the model labels correctly.
pub fn accuracy(model: &impl Classifier, test: &Dataset) -> Score {
    let correct = test.rows.iter().filter(|r| model.classify(&r.features) == Some(r.label)).count();
    Score { correct: correct as u32, total: test.len() as u32 }
}

/// Counts of (true label, predicted label); rows the model could not answer are counted apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusion {
    pub labels: usize,
    /// Row-major: `counts[actual * labels + predicted]`.
    pub counts: Vec<u32>,
    pub unanswered: u32,
}

impl Confusion {
    pub fn get(&self, actual: Label, predicted: Label) -> u32 {
        let (a, p) = (actual as usize, predicted as usize);
        if a < self.labels && p < self.labels {
            self.counts[a * self.labels + p]
        } else {
            0
        }
    }

    /// The table's row for one true label.
    pub fn row(&self, actual: Label) -> &[u32] {
        let a = actual as usize;
        self.counts.get(a * self.labels..(a + 1) * self.labels).unwrap_or(&[])
    }

    /// The diagonal and the whole, as a score.
    pub fn score(&self) -> Score {
        let correct = (0..self.labels).map(|i| self.counts[i * self.labels + i]).sum();
        Score { correct, total: self.counts.iter().sum::<u32>() + self.unanswered }
    }
}

/// The confusion table of `model` on `test`, labels × labels in label order.
pub fn confusion(model: &impl Classifier, test: &Dataset) -> Confusion {
    let labels = test.label_count();
    let mut c = Confusion { labels, counts: vec![0; labels * labels], unanswered: 0 };
    for r in &test.rows {
        match model.classify(&r.features) {
            Some(p) if (p as usize) < labels && (r.label as usize) < labels => {
                c.counts[r.label as usize * labels + p as usize] += 1
            }
            _ => c.unanswered += 1,
        }
    }
    c
}

/// One point of the learning curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurvePoint {
    /// Training rows used (the first ones of the training set).
    pub examples: usize,
    pub score: Score,
}

/// Trains on the first `step`, `2·step`, … rows of `train` (the last point uses them all)
/// and scores each model on `test`: `ceil(len / step)` points.
pub fn learning_curve<M: Classifier>(
    train: &Dataset,
    test: &Dataset,
    step: usize,
    mut fit: impl FnMut(&Dataset) -> M,
) -> Vec<CurvePoint> {
    let step = step.max(1);
    let mut points = Vec::new();
    let mut n = 0;
    while n < train.len() {
        n = (n + step).min(train.len());
        let model = fit(&train.prefix(n));
        points.push(CurvePoint { examples: n, score: accuracy(&model, test) });
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Says "olive" (0) when the first reading is above 2, else "stone" (1).
    struct Rule;
    impl Classifier for Rule {
        fn classify(&self, f: &[f64]) -> Option<Label> {
            Some(if f[0] > 2.0 { 0 } else { 1 })
        }
    }

    fn table() -> Dataset {
        let mut d = Dataset::new(&["size"], &["olive", "stone"]);
        // Olives at 3, 4, 1 (the last one the rule gets wrong); stones at 1, 2, 5 (5 is wrong).
        for (x, l) in [(3.0, 0), (4.0, 0), (1.0, 0), (1.0, 1), (2.0, 1), (5.0, 1), (0.5, 1)] {
            d.push(&[x], l);
        }
        d
    }

    #[test]
    fn accuracy_and_confusion_on_a_hand_made_case() {
        let d = table();
        let s = accuracy(&Rule, &d);
        assert_eq!(s, Score { correct: 5, total: 7 });
        assert_eq!(s.percent(), 71, "5/7 = 71.4 %");
        // Rows: true olive → [2 olive, 1 stone]; true stone → [1 olive, 3 stone].
        let c = confusion(&Rule, &d);
        assert_eq!(c.counts, vec![2, 1, 1, 3]);
        assert_eq!((c.get(0, 1), c.get(1, 0)), (1, 1));
        assert_eq!(c.row(1), &[1, 3]);
        assert_eq!(c.score(), s);
        assert_eq!(Score::default().percent(), 0);
    }

    #[test]
    fn split_sizes_add_up_and_a_seed_always_gives_the_same_split() {
        let mut d = Dataset::new(&["i"], &["x"]);
        for i in 0..10 {
            d.push(&[i as f64], 0);
        }
        let (train, test) = split(&d, 30, 7);
        assert_eq!((train.len(), test.len()), (7, 3));
        assert_eq!(split(&d, 30, 7), (train.clone(), test.clone()));
        let mut all: Vec<f64> = train.rows.iter().chain(&test.rows).map(|r| r.features[0]).collect();
        all.sort_by(f64::total_cmp);
        assert_eq!(all, (0..10).map(|i| i as f64).collect::<Vec<_>>(), "every row once");
        assert_ne!(split(&d, 30, 8).1, test, "another seed, another split");
        assert_eq!(split(&d, 25, 1).1.len(), 3, "2.5 rows round up");
        assert_eq!(split(&d, 0, 1).0.len(), 10);
        assert_eq!(split(&d, 100, 1).1.len(), 10);
    }

    #[test]
    fn the_learning_curve_has_one_point_per_step_and_ends_with_every_row() {
        let d = table();
        let mut sizes = Vec::new();
        let curve = learning_curve(&d, &d, 3, |train| {
            sizes.push(train.len());
            Rule
        });
        assert_eq!(curve.len(), 3, "7 rows by 3: 3, 6, 7");
        assert_eq!(sizes, vec![3, 6, 7]);
        assert_eq!(curve.iter().map(|p| p.examples).collect::<Vec<_>>(), vec![3, 6, 7]);
        assert!(curve.iter().all(|p| p.score == Score { correct: 5, total: 7 }));
        assert!(learning_curve(&d.empty_like(), &d, 3, |_| Rule).is_empty());
    }
}
