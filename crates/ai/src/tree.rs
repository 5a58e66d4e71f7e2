//! A decision tree for classification on numeric readings. Each node asks "is feature < t?"
//! and keeps, beside the question it chose, the best question each other feature could have
//! asked and its score, so a pupil can see why this one won; `predict_path` gives the nodes
//! an example passes through, to light its path in the diagram.
//!
//! Determinism: thresholds are midpoints between neighbouring distinct values; among equal
//! scores the earlier feature wins, and within a feature the lower threshold.

use crate::dataset::{Dataset, Label};
use crate::evaluate::Classifier;
use crate::maths::log2;

/// How a node's mix of labels is measured; a split's score is how much it lowers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    /// 1 − Σ p²: the chance two rows drawn at random disagree.
    Gini,
    /// −Σ p log₂ p, in bits; the score is then the information gain.
    Entropy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeParams {
    pub criterion: Criterion,
    /// The root is at depth 0; a node at this depth is always a leaf.
    pub max_depth: u32,
    /// A node with fewer rows is not split.
    pub min_samples_split: usize,
    /// No split may leave fewer rows than this on either side.
    pub min_samples_leaf: usize,
}

impl Default for TreeParams {
    fn default() -> TreeParams {
        TreeParams { criterion: Criterion::Gini, max_depth: 3, min_samples_split: 2, min_samples_leaf: 1 }
    }
}

/// A question: is `feature < threshold`? `score` is the drop in impurity it brings (parent
/// minus the children's impurity weighted by their rows).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Split {
    pub feature: usize,
    pub threshold: f64,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub depth: u32,
    /// Rows per label that reach this node.
    pub counts: Vec<u32>,
    pub impurity: f64,
    /// The most common label here (the lower label on a tie): the answer if this is a leaf.
    pub label: Label,
    /// The question asked; `None` for a leaf.
    pub split: Option<Split>,
    /// The best question of every other feature, in feature order. For a leaf that found no
    /// useful question, every feature's best (all scoring 0 or less); empty when the node
    /// was not examined (pure, too deep, too few rows).
    pub alternatives: Vec<Split>,
    /// Child for rows with `feature < threshold` ("yes").
    pub left: Option<usize>,
    /// Child for the others ("no").
    pub right: Option<usize>,
}

impl Node {
    pub fn samples(&self) -> u32 {
        self.counts.iter().sum()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    /// Breadth first: the root is 0 and a level's nodes come before the next level's, which
    /// is also the order a diagram lays them out.
    pub nodes: Vec<Node>,
    pub params: TreeParams,
}

impl Tree {
    pub fn fit(data: &Dataset, params: TreeParams) -> Tree {
        let labels =
            data.label_count().max(1 + data.rows.iter().map(|r| r.label as usize).max().unwrap_or(0));
        let mut nodes: Vec<Node> = Vec::new();
        // A queue of (node, its rows); the head index walks it, so nodes come out by level.
        let mut queue: Vec<(usize, Vec<usize>)> = Vec::new();
        nodes.push(make_node(data, &(0..data.len()).collect::<Vec<_>>(), 0, labels, params.criterion));
        queue.push((0, (0..data.len()).collect()));
        let mut head = 0;
        while head < queue.len() {
            let (id, rows) = std::mem::take(&mut queue[head]);
            head += 1;
            let node = &nodes[id];
            if node.depth >= params.max_depth
                || rows.len() < params.min_samples_split.max(2)
                || node.impurity <= 0.0
            {
                continue;
            }
            let bests: Vec<Split> = (0..data.feature_count())
                .filter_map(|f| best_split(data, &rows, f, node, labels, params))
                .collect();
            // Strictly better only: the earlier feature keeps a tie.
            let chosen = bests
                .iter()
                .enumerate()
                .fold(None::<(usize, Split)>, |acc, (i, s)| match acc {
                    Some((_, b)) if s.score <= b.score => acc,
                    _ => Some((i, *s)),
                })
                .filter(|(_, s)| s.score > 1e-12);
            let Some((winner, split)) = chosen else {
                nodes[id].alternatives = bests;
                continue;
            };
            let (yes, no): (Vec<usize>, Vec<usize>) =
                rows.iter().partition(|&&r| data.rows[r].features[split.feature] < split.threshold);
            let depth = nodes[id].depth + 1;
            for (side, rows) in [(0, yes), (1, no)] {
                let child = nodes.len();
                nodes.push(make_node(data, &rows, depth, labels, params.criterion));
                if side == 0 {
                    nodes[id].left = Some(child);
                } else {
                    nodes[id].right = Some(child);
                }
                queue.push((child, rows));
            }
            let node = &mut nodes[id];
            node.split = Some(split);
            node.alternatives =
                bests.into_iter().enumerate().filter(|(i, _)| *i != winner).map(|(_, s)| s).collect();
        }
        Tree { nodes, params }
    }

    /// The nodes an example visits, root first, ending at the leaf that answers.
    pub fn predict_path(&self, features: &[f64]) -> Vec<usize> {
        let mut path = Vec::new();
        let mut at = 0;
        while let Some(node) = self.nodes.get(at) {
            path.push(at);
            let (Some(split), Some(left), Some(right)) = (node.split, node.left, node.right) else { break };
            let value = features.get(split.feature).copied().unwrap_or(0.0);
            at = if value < split.threshold { left } else { right };
        }
        path
    }

    /// The leaf's label; `None` for a tree trained on no rows.
    pub fn predict(&self, features: &[f64]) -> Option<Label> {
        let leaf = *self.predict_path(features).last()?;
        let node = &self.nodes[leaf];
        (node.samples() > 0).then_some(node.label)
    }

    /// Levels below the root (0 for a single leaf).
    pub fn depth(&self) -> u32 {
        self.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }
}

impl Classifier for Tree {
    fn classify(&self, features: &[f64]) -> Option<Label> {
        self.predict(features)
    }
}

fn make_node(data: &Dataset, rows: &[usize], depth: u32, labels: usize, criterion: Criterion) -> Node {
    let mut counts = vec![0u32; labels];
    for &r in rows {
        counts[data.rows[r].label as usize] += 1;
    }
    let label = counts.iter().enumerate().fold(0, |best, (i, &c)| if c > counts[best] { i } else { best });
    let impurity = impurity(&counts, rows.len() as u32, criterion);
    Node {
        depth,
        counts,
        impurity,
        label: label as Label,
        split: None,
        alternatives: Vec::new(),
        left: None,
        right: None,
    }
}

/// Gini or entropy of a mix of labels.
pub fn impurity(counts: &[u32], total: u32, criterion: Criterion) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let n = total as f64;
    match criterion {
        Criterion::Gini => 1.0 - counts.iter().map(|&c| (c as f64 / n) * (c as f64 / n)).sum::<f64>(),
        Criterion::Entropy => -counts.iter().map(|&c| c as f64 / n).map(|p| p * log2(p)).sum::<f64>(),
    }
}

/// The best threshold on one feature for these rows, or `None` when the feature has a single
/// value here (or every split would leave too few rows on a side).
fn best_split(
    data: &Dataset,
    rows: &[usize],
    feature: usize,
    node: &Node,
    labels: usize,
    params: TreeParams,
) -> Option<Split> {
    // The crate's one sort: (value, label) pairs, so only this type is instantiated.
    let mut values: Vec<(f64, Label)> =
        rows.iter().map(|&r| (data.rows[r].features[feature], data.rows[r].label)).collect();
    values.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = values.len() as u32;
    let mut left = vec![0u32; labels];
    let mut right = node.counts.clone();
    let min_leaf = params.min_samples_leaf.max(1) as u32;
    let mut best: Option<Split> = None;
    for i in 0..values.len().saturating_sub(1) {
        let l = values[i].1 as usize;
        left[l] += 1;
        right[l] -= 1;
        let (a, b) = (values[i].0, values[i + 1].0);
        let nl = i as u32 + 1;
        if a >= b || nl < min_leaf || n - nl < min_leaf {
            continue;
        }
        let children = (nl as f64 * impurity(&left, nl, params.criterion)
            + (n - nl) as f64 * impurity(&right, n - nl, params.criterion))
            / n as f64;
        let score = node.impurity - children;
        if best.is_none_or(|s| score > s.score) {
            best = Some(Split { feature, threshold: (a + b) / 2.0, score });
        }
    }
    best
}
