//! The AI panels' drawing as plain data: where each recorded example, each shaded region
//! cell, the perceptron's line, each node of a decision tree and each cell of a Q-table go
//! on a panel, in the panel's own units (0 to 100 across and down), so the SVG components
//! only render it. Plain Rust, tested natively; part of the full app only.

use tafukt_ai::{Dataset, Knn, Label, Perceptron, PerceptronSet, QTable, Tree};

/// The side of a panel in its own units.
pub const SIDE: f64 = 100.0;
/// Margin kept free around the points, so markers at the extremes are whole.
const MARGIN: f64 = 6.0;

/// One axis: a feature's range mapped onto the panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
}

impl Axis {
    /// The range of `values` with a little room on both sides (a single value gets a unit).
    pub fn around(values: impl Iterator<Item = f64>) -> Axis {
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values {
            min = min.min(v);
            max = max.max(v);
        }
        if min > max {
            return Axis { min: 0.0, max: 1.0 };
        }
        let room = if max > min { (max - min) / 10.0 } else { 1.0 };
        Axis { min: min - room, max: max + room }
    }

    /// Where `v` is on the panel, from the start (0) to the end (100), inside the margin.
    pub fn at(&self, v: f64) -> f64 {
        let t = (v - self.min) / (self.max - self.min);
        MARGIN + t * (SIDE - 2.0 * MARGIN)
    }

    /// The value at panel position `p` (the inverse of [`Axis::at`]).
    pub fn value(&self, p: f64) -> f64 {
        self.min + (p - MARGIN) / (SIDE - 2.0 * MARGIN) * (self.max - self.min)
    }
}

/// A recorded example on the scatter plot.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Its row in the dataset (what a tap on it shows).
    pub index: usize,
    pub x: f64,
    /// Down the panel: larger values are higher, so `y` is measured from the bottom.
    pub y: f64,
    pub label: Label,
}

/// The scatter plot of two features: the axes and every example on them.
#[derive(Clone, Debug, PartialEq)]
pub struct Scatter {
    pub x: Axis,
    pub y: Axis,
    pub points: Vec<Point>,
}

/// The examples of `data` on features `fx` (across) and `fy` (up); `extra` (the reading the
/// robot is on, say) widens the axes so it is on the plot too.
pub fn scatter(data: &Dataset, fx: usize, fy: usize, extra: Option<&[f64]>) -> Scatter {
    let column = |f: usize| {
        data.rows
            .iter()
            .filter_map(move |r| r.features.get(f).copied())
            .chain(extra.and_then(|e| e.get(f).copied()))
    };
    let (x, y) = (Axis::around(column(fx)), Axis::around(column(fy)));
    let points = data
        .rows
        .iter()
        .enumerate()
        .filter_map(|(index, r)| {
            let (vx, vy) = (*r.features.get(fx)?, *r.features.get(fy)?);
            Some(Point { index, x: x.at(vx), y: SIDE - y.at(vy), label: r.label })
        })
        .collect();
    Scatter { x, y, points }
}

/// The shaded decision regions of a kNN model on the scatter's two features: `cells` ×
/// `cells` squares, each with the label the model gives at its centre (none without data).
/// `model` must have been trained on those two features only.
pub fn knn_regions(model: &Knn, plot: &Scatter, cells: usize) -> Vec<(f64, f64, Label)> {
    let side = SIDE / cells as f64;
    let x = (plot.x.value(side / 2.0), plot.x.value(SIDE - side / 2.0));
    // Row 0 is the top of the panel: the largest values of the y feature.
    let y = (plot.y.value(SIDE - side / 2.0), plot.y.value(side / 2.0));
    model
        .regions(x, y, cells, cells)
        .into_iter()
        .enumerate()
        .filter_map(|(i, label)| Some(((i % cells) as f64 * side, (i / cells) as f64 * side, label?)))
        .collect()
}

/// The shaded regions of a perceptron per label: each cell takes the label whose perceptron
/// is surest at its centre, as [`knn_regions`] shades kNN's.
pub fn perceptron_set_regions(model: &PerceptronSet, plot: &Scatter, cells: usize) -> Vec<(f64, f64, Label)> {
    let side = SIDE / cells as f64;
    let x = (plot.x.value(side / 2.0), plot.x.value(SIDE - side / 2.0));
    let y = (plot.y.value(SIDE - side / 2.0), plot.y.value(side / 2.0));
    model
        .regions(x, y, cells, cells)
        .into_iter()
        .enumerate()
        .filter_map(|(i, label)| Some(((i % cells) as f64 * side, (i / cells) as f64 * side, label?)))
        .collect()
}

/// Where the labels of a perceptron per label meet on the scatter: the parts of each pair's
/// line that separate them, as panel segments.
pub fn perceptron_set_lines(model: &PerceptronSet, plot: &Scatter) -> Vec<((f64, f64), (f64, f64))> {
    let labels = model.weights.len();
    let to_panel = |(x, y): (f64, f64)| (plot.x.at(x), SIDE - plot.y.at(y));
    (0..labels)
        .flat_map(|a| (a + 1..labels).map(move |b| (a, b)))
        .flat_map(|(a, b)| model.boundary_runs(a, b, (plot.x.min, plot.x.max), (plot.y.min, plot.y.max)))
        .map(|(p, q)| (to_panel(p), to_panel(q)))
        .collect()
}

/// The perceptron's decision line across the scatter, as two panel points, if it crosses it.
pub fn perceptron_line(model: &Perceptron, plot: &Scatter) -> Option<((f64, f64), (f64, f64))> {
    let ((x1, y1), (x2, y2)) = model.line_in((plot.x.min, plot.x.max), (plot.y.min, plot.y.max))?;
    Some(((plot.x.at(x1), SIDE - plot.y.at(y1)), (plot.x.at(x2), SIDE - plot.y.at(y2))))
}

/// A node of the tree diagram: its place, its parent's, and whether the current example's
/// path goes through it.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub node: usize,
    pub x: f64,
    pub y: f64,
    pub parent: Option<(f64, f64)>,
    pub lit: bool,
}

/// The tree laid out top-down: each level shares the width equally among the places a full
/// binary tree would have there, so a node sits above the middle of its children.
pub fn tree_layout(tree: &Tree, path: &[usize]) -> Vec<NodeBox> {
    let depth = tree.depth().max(1) as f64;
    let mut out: Vec<NodeBox> = Vec::with_capacity(tree.nodes.len());
    // (node, place in its level, its parent's centre); breadth first, as the tree stores them.
    let mut todo = vec![(0usize, 0u64, None)];
    while let Some((i, place, parent)) = todo.pop() {
        let Some(node) = tree.nodes.get(i) else { continue };
        let level = node.depth as f64;
        let width = SIDE / f64::from(1u32 << node.depth.min(20));
        let (x, y) = (width * (place as f64 + 0.5), 8.0 + level / depth * (SIDE - 16.0));
        out.push(NodeBox { node: i, x, y, parent, lit: path.contains(&i) });
        if let (Some(l), Some(r)) = (node.left, node.right) {
            todo.push((r, place * 2 + 1, Some((x, y))));
            todo.push((l, place * 2, Some((x, y))));
        }
    }
    out
}

/// A grid cell of the Q-table panel: its best action (north, east, south, west) and how good
/// its best value is, from 0 (the worst in the table) to 1 (the best); none before learning.
#[derive(Clone, Debug, PartialEq)]
pub struct QCell {
    pub x: u32,
    pub y: u32,
    pub best: Option<usize>,
    pub heat: f64,
}

/// Every cell of a `width` × `height` grid maze whose states are numbered row by row.
pub fn q_cells(q: &QTable, width: u32, height: u32) -> Vec<QCell> {
    let states = (width * height) as usize;
    let values: Vec<f64> = (0..states).map(|s| q.best_value(s)).collect();
    let (lo, hi) =
        values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    (0..states)
        .map(|s| {
            let learnt = q.row(s).iter().any(|v| *v != 0.0);
            QCell {
                x: s as u32 % width,
                y: s as u32 / width,
                best: learnt.then(|| q.best_action(s)),
                heat: if hi > lo { (values[s] - lo) / (hi - lo) } else { 0.0 },
            }
        })
        .collect()
}

/// A chart of one number per episode (the reward, the steps) as panel points, left to right.
pub fn chart(values: &[f64]) -> Vec<(f64, f64)> {
    let axis = Axis::around(values.iter().copied());
    let n = values.len().max(2) as f64 - 1.0;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (MARGIN + i as f64 / n * (SIDE - 2.0 * MARGIN), SIDE - axis.at(*v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tafukt_ai::{Criterion, TreeParams};

    fn table() -> Dataset {
        let mut d = Dataset::new(&["size", "darkness"], &["olive", "stone"]);
        d.push(&[1.0, 8.0], 0);
        d.push(&[1.2, 9.0], 0);
        d.push(&[3.0, 2.0], 1);
        d.push(&[3.4, 1.0], 1);
        d
    }

    #[test]
    fn points_keep_their_order_on_both_axes_and_stay_inside_the_panel() {
        let plot = scatter(&table(), 0, 1, None);
        let p = &plot.points;
        assert_eq!(p.len(), 4);
        assert!(p[0].x < p[1].x && p[1].x < p[2].x && p[2].x < p[3].x, "size grows to the right");
        // Darker olives are higher: a smaller y on the panel.
        assert!(p[1].y < p[0].y && p[0].y < p[2].y && p[2].y < p[3].y);
        assert!(p.iter().all(|q| q.x > 0.0 && q.x < SIDE && q.y > 0.0 && q.y < SIDE));
        assert_eq!(plot.x.value(plot.x.at(2.5)), 2.5);
    }

    #[test]
    fn the_robots_reading_widens_the_axes() {
        let plot = scatter(&table(), 0, 1, Some(&[10.0, 5.0]));
        assert!(plot.x.max > 10.0);
    }

    #[test]
    fn knn_regions_shade_each_side_with_its_label() {
        let model = Knn::new(1, table());
        let plot = scatter(&table(), 0, 1, None);
        let cells = knn_regions(&model, &plot, 10);
        assert_eq!(cells.len(), 100);
        // Top left (small, dark) is olive; bottom right (big, light) is stone.
        assert_eq!(cells[0], (0.0, 0.0, 0));
        assert_eq!(cells[99].2, 1);
    }

    #[test]
    fn a_perceptron_per_label_shades_each_corner_and_draws_a_line_each() {
        // Floor left and right, as the road reads them: a left bend, straight on, a right bend.
        let mut d = Dataset::new(&["floor_left", "floor_right"], &["left", "straight", "right"]);
        for (f, l) in [
            ([1.0, 9.0], 0),
            ([9.0, 9.0], 1),
            ([9.0, 1.0], 2),
            ([2.0, 8.0], 0),
            ([8.0, 10.0], 1),
            ([10.0, 2.0], 2),
        ] {
            d.push(&f, l);
        }
        let set = PerceptronSet::fit(&d, 1.0, 100);
        let plot = scatter(&d, 0, 1, None);
        let cells = perceptron_set_regions(&set, &plot, 10);
        assert_eq!(cells.len(), 100);
        // Row 0 is the top (bright on the right): top left is a left bend, top right straight
        // on; the bottom right is a right bend.
        assert_eq!(cells[0].2, 0);
        assert_eq!(cells[9].2, 1);
        assert_eq!(cells[99].2, 2);
        let lines = perceptron_set_lines(&set, &plot);
        assert!(lines.len() >= 2, "left meets straight, straight meets right: {lines:?}");
        assert!(lines
            .iter()
            .all(|((x1, y1), (x2, y2))| [x1, y1, x2, y2].iter().all(|v| (0.0..=SIDE).contains(*v))));
    }

    #[test]
    fn a_tree_is_laid_out_top_down_with_the_path_lit() {
        let tree = Tree::fit(
            &table(),
            TreeParams {
                criterion: Criterion::Gini,
                max_depth: 2,
                min_samples_split: 2,
                min_samples_leaf: 1,
            },
        );
        let path = tree.predict_path(&[1.0, 8.0]);
        let boxes = tree_layout(&tree, &path);
        assert_eq!(boxes.len(), tree.nodes.len());
        let root = boxes.iter().find(|b| b.node == 0).unwrap();
        assert_eq!((root.x, root.parent, root.lit), (50.0, None, true));
        for b in boxes.iter().filter(|b| b.node != 0) {
            let (_, py) = b.parent.unwrap();
            assert!(b.y > py, "children are below their parent");
        }
        assert_eq!(boxes.iter().filter(|b| b.lit).count(), path.len());
    }

    #[test]
    fn q_cells_show_the_best_move_only_where_something_was_learnt() {
        let mut q = QTable::new(4, 4);
        q.values[4 + 2] = 5.0; // state 1 (its row starts at 4): south (2) is best
        q.values[3 * 4] = -1.0; // state 3: everything else is 0, so east (the first 0) is best
        let cells = q_cells(&q, 2, 2);
        assert_eq!(cells[0].best, None);
        assert_eq!(cells[1].best, Some(2));
        assert_eq!((cells[1].x, cells[1].y, cells[1].heat), (1, 0, 1.0));
        assert_eq!((cells[3].x, cells[3].y), (1, 1));
    }

    #[test]
    fn a_chart_runs_left_to_right_and_up_with_the_values() {
        let points = chart(&[-10.0, -5.0, 3.0]);
        assert!(points[0].0 < points[1].0 && points[1].0 < points[2].0);
        assert!(points[2].1 < points[0].1);
    }
}
