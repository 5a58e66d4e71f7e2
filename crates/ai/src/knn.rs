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
        let (mut best, mut votes) = (Vec::new(), Vec::new());
        let label = self.vote(features, &mut best, &mut votes)?;
        let neighbours = best
            .iter()
            .map(|&(d2, index)| Neighbour { index, distance: d2.sqrt(), label: self.data.rows[index].label })
            .collect();
        Some(KnnPrediction { label, neighbours, votes })
    }

    /// The label at the centre of each cell of a `columns × rows` grid over `x` (feature 0)
    /// and `y` (feature 1), row by row from the lowest `y`: the plot's shaded regions, for a
    /// model of two features. One pair of buffers serves every cell, so shading a 40×40 plot
    /// allocates nothing per cell.
    pub fn regions(&self, x: (f64, f64), y: (f64, f64), columns: usize, rows: usize) -> Vec<Option<Label>> {
        let (mut best, mut votes) = (Vec::new(), Vec::new());
        let mut out = Vec::with_capacity(columns * rows);
        let (dx, dy) = ((x.1 - x.0) / columns.max(1) as f64, (y.1 - y.0) / rows.max(1) as f64);
        for j in 0..rows {
            for i in 0..columns {
                let point = [x.0 + (i as f64 + 0.5) * dx, y.0 + (j as f64 + 0.5) * dy];
                out.push(self.vote(&point, &mut best, &mut votes));
            }
        }
        out
    }

    /// Fills `best` with the k nearest rows as (squared distance, index), nearest first, and
    /// `votes` with the votes per label; returns the winning label.
    fn vote(&self, features: &[f64], best: &mut Vec<(f64, usize)>, votes: &mut Vec<u32>) -> Option<Label> {
        let k = self.k.max(1);
        best.clear();
        // Kept in order by insertion: k is small, so this beats sorting every row, and it
        // needs no sort code in the wasm.
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
        votes.clear();
        votes.resize(self.data.label_count().max(1), 0);
        for &(_, index) in best.iter() {
            let label = self.data.rows[index].label as usize;
            if votes.len() <= label {
                votes.resize(label + 1, 0);
            }
            votes[label] += 1;
        }
        let most = votes.iter().copied().max().unwrap_or(0);
        // The nearest voter whose label has the most votes decides among tied labels.
        best.iter().map(|&(_, i)| self.data.rows[i].label).find(|&l| votes[l as usize] == most)
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
        // Regions, k=1, cell centres (1.5, 1.5), (4.5, 1.5), (1.5, 4.5), (4.5, 4.5):
        // - (1.5, 1.5): rows 0 and 1 tie at 0.25+0.25=0.5, row 0 wins: stone;
        // - (4.5, 1.5): rows 1, 2 and 3 tie at 6.25+0.25=6.5, row 1 wins: stone;
        // - (1.5, 4.5): row 5 at 0.25+2.25=2.5, nearest: stone;
        // - (4.5, 4.5): rows 2, 3 and 4 tie at 0.5, row 2 wins: olive.
        let regions = Knn::new(1, table()).regions((0.0, 6.0), (0.0, 6.0), 2, 2);
        assert_eq!(regions, vec![Some(1), Some(1), Some(1), Some(0)]);
        assert_eq!(Knn::new(1, table().empty_like()).regions((0.0, 1.0), (0.0, 1.0), 1, 1), vec![None]);
        let mut k_larger = Knn::new(10, table().empty_like());
        k_larger.add(&[0.0, 0.0], 1);
        assert_eq!(k_larger.predict(&[9.0, 9.0]).unwrap().neighbours.len(), 1);
    }
}
