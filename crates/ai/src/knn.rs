//! k-nearest neighbours: the model is the table itself; a new example takes the label most of
//! its `k` closest rows have, and those rows (with their distances) are returned so the app
//! can draw the lines to the voters.
//!
//! Tie rules, so every machine and every run answers alike:
//! - neighbours are ordered by distance, then by row index (the earlier row is nearer);
//! - when labels tie on votes, the label of the nearest voter among the tied labels wins.

use crate::dataset::{Dataset, Label};
use crate::evaluate::Classifier;

/// A row that voted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbour {
    /// Row index in the model's dataset.
    pub index: usize,
    /// Euclidean distance to the example.
    pub distance: f64,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KnnPrediction {
    pub label: Label,
    /// The voters, nearest first (at most `k`, fewer when the table is smaller).
    pub neighbours: Vec<Neighbour>,
    /// Votes per label, in label order.
    pub votes: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Knn {
    /// How many neighbours vote (0 counts as 1).
    pub k: usize,
    /// The remembered examples: "training" is adding rows.
    pub data: Dataset,
}

impl Knn {
    pub fn new(k: usize, data: Dataset) -> Knn {
        Knn { k, data }
    }

    /// Remembers one more example.
    pub fn add(&mut self, features: &[f64], label: Label) {
        self.data.push(features, label);
    }

    /// The predicted label and who voted for it; `None` while the table is empty.
    pub fn predict(&self, features: &[f64]) -> Option<KnnPrediction> {
        let k = self.k.max(1);
        // The k best so far as (squared distance, index), kept in order by insertion: k is
        // small, so this beats sorting every row, and it needs no sort code in the wasm.
        let mut best: Vec<(f64, usize)> = Vec::with_capacity(k + 1);
        for (i, row) in self.data.rows.iter().enumerate() {
            let d2 = squared_distance(&row.features, features);
            if best.len() == k && d2 >= best[k - 1].0 {
                continue;
            }
            // After every equal distance: rows come in index order, so ties keep index order.
            let at = best.iter().position(|&(d, _)| d2 < d).unwrap_or(best.len());
            best.insert(at, (d2, i));
            best.truncate(k);
        }
        if best.is_empty() {
            return None;
        }
        let mut votes = vec![0u32; self.data.label_count().max(1)];
        let neighbours: Vec<Neighbour> = best
            .iter()
            .map(|&(d2, index)| {
                let label = self.data.rows[index].label;
                if votes.len() <= label as usize {
                    votes.resize(label as usize + 1, 0);
                }
                votes[label as usize] += 1;
                Neighbour { index, distance: d2.sqrt(), label }
            })
            .collect();
        let most = votes.iter().copied().max().unwrap_or(0);
        // The nearest voter whose label has the most votes decides among tied labels.
        let label = neighbours.iter().find(|n| votes[n.label as usize] == most).map(|n| n.label)?;
        Some(KnnPrediction { label, neighbours, votes })
    }
}

impl Classifier for Knn {
    fn classify(&self, features: &[f64]) -> Option<Label> {
        self.predict(features).map(|p| p.label)
    }
}

fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Six fruit in two columns (size, darkness):
    ///
    /// | row | size | dark | label |
    /// |-----|------|------|-------|
    /// | 0   | 1    | 1    | stone |
    /// | 1   | 2    | 1    | stone |
    /// | 2   | 4    | 4    | olive |
    /// | 3   | 5    | 4    | olive |
    /// | 4   | 5    | 5    | olive |
    /// | 5   | 1    | 3    | stone |
    fn table() -> Dataset {
        let mut d = Dataset::new(&["size", "darkness"], &["olive", "stone"]);
        for (f, l) in [
            ([1.0, 1.0], 1),
            ([2.0, 1.0], 1),
            ([4.0, 4.0], 0),
            ([5.0, 4.0], 0),
            ([5.0, 5.0], 0),
            ([1.0, 3.0], 1),
        ] {
            d.push(&f, l);
        }
        d
    }

    #[test]
    fn three_neighbours_match_the_hand_computed_distances() {
        // Query (2, 3). Squared distances: row0 1+4=5, row1 0+4=4, row2 4+1=5, row3 9+1=10,
        // row4 9+4=13, row5 1+0=1. Nearest three: row5 (1), row1 (2), then rows 0 and 2 tie
        // at √5 and the earlier row, 0, is nearer. Votes: stone 3, olive 0.
        let p = Knn::new(3, table()).predict(&[2.0, 3.0]).unwrap();
        assert_eq!(p.label, 1);
        let got: Vec<(usize, f64)> = p.neighbours.iter().map(|n| (n.index, n.distance)).collect();
        assert_eq!(got, vec![(5, 1.0), (1, 2.0), (0, 5f64.sqrt())]);
        assert_eq!(p.votes, vec![0, 3]);
    }

    #[test]
    fn a_point_among_the_olives_is_an_olive_and_k_changes_the_answer() {
        // Query (4, 3). Squared: row0 9+4=13, row1 4+4=8, row2 0+1=1, row3 1+1=2, row4 1+4=5,
        // row5 9+0=9. k=1: row2 (olive). k=3: rows 2, 3, 4: olive ×3.
        let knn = Knn::new(1, table());
        let p = knn.predict(&[4.0, 3.0]).unwrap();
        assert_eq!((p.label, p.neighbours[0].index, p.neighbours[0].distance), (0, 2, 1.0));
        let p = Knn::new(3, table()).predict(&[4.0, 3.0]).unwrap();
        assert_eq!(p.neighbours.iter().map(|n| n.index).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert_eq!(p.votes, vec![3, 0]);
        // Query (3, 2), k=6 (everyone votes: 3 olives, 3 stones). Squared: row0 4+1=5,
        // row1 1+1=2, row2 1+4=5, row3 4+4=8, row4 4+9=13, row5 4+1=5. The nearest voter is
        // row1, a stone, so the tie goes to stone.
        let p = Knn::new(6, table()).predict(&[3.0, 2.0]).unwrap();
        assert_eq!(p.votes, vec![3, 3]);
        assert_eq!(p.label, 1);
        assert_eq!(p.neighbours.iter().map(|n| n.index).collect::<Vec<_>>(), vec![1, 0, 2, 5, 3, 4]);
    }

    #[test]
    fn a_two_two_tie_goes_to_the_nearest_voter_and_an_empty_table_has_no_answer() {
        // Query (3, 3), k=4. Squared: row0 8, row1 5, row2 2, row3 5, row4 8, row5 4.
        // Order: row2 (2), row5 (4), row1 (5), row3 (5). Votes 2-2; row2 is nearest: olive.
        let p = Knn::new(4, table()).predict(&[3.0, 3.0]).unwrap();
        assert_eq!(p.neighbours.iter().map(|n| n.index).collect::<Vec<_>>(), vec![2, 5, 1, 3]);
        assert_eq!((p.label, p.votes.clone()), (0, vec![2, 2]));
        let empty = Knn::new(3, table().empty_like());
        assert_eq!(empty.predict(&[1.0, 1.0]), None);
        let mut k_larger = Knn::new(10, table().empty_like());
        k_larger.add(&[0.0, 0.0], 1);
        assert_eq!(k_larger.predict(&[9.0, 9.0]).unwrap().neighbours.len(), 1);
    }
}
