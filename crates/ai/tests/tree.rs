//! The decision tree against a table worked by hand: the split chosen, the alternatives it
//! beat, the depth limit and the path an example takes.

use tafukt_ai::tree::impurity;
use tafukt_ai::{Criterion, Dataset, Tree, TreeParams};

const TURN: u8 = 0;
const GO: u8 = 1;

/// Eight moments of a robot: (light, distance ahead) → turn or go.
///
/// | row | light | ahead | label |
/// |-----|-------|-------|-------|
/// | 0   | 2     | 1     | turn  |
/// | 1   | 7     | 2     | turn  |
/// | 2   | 4     | 3     | turn  |
/// | 3   | 5     | 4     | go    |
/// | 4   | 1     | 5     | turn  |
/// | 5   | 8     | 6     | go    |
/// | 6   | 3     | 7     | go    |
/// | 7   | 6     | 8     | go    |
fn table() -> Dataset {
    let mut d = Dataset::new(&["light", "ahead"], &["turn", "go"]);
    let rows = [
        (2, 1, TURN),
        (7, 2, TURN),
        (4, 3, TURN),
        (5, 4, GO),
        (1, 5, TURN),
        (8, 6, GO),
        (3, 7, GO),
        (6, 8, GO),
    ];
    for (light, ahead, label) in rows {
        d.push(&[light as f64, ahead as f64], label);
    }
    d
}

fn params(criterion: Criterion, max_depth: u32) -> TreeParams {
    TreeParams { criterion, max_depth, ..TreeParams::default() }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn gini_picks_the_best_split_and_keeps_the_one_it_beat() {
    // Root: 4 turn, 4 go, Gini 1 − (½² + ½²) = 0.5.
    // ahead, sorted: t t t g t g g g. "ahead < 3.5": left 3 turn (Gini 0), right 1 turn 4 go
    // (1 − 0.04 − 0.64 = 0.32), so 0.5 − 5/8·0.32 = 0.3. "ahead < 5.5" also scores 0.3
    // (mirror image) and loses the tie to the lower threshold. Others: 1.5 → 0.0714,
    // 2.5 → 0.1667, 4.5 → 0.125, 6.5 → 0.1667, 7.5 → 0.0714.
    // light, sorted: t t g t g g t g. Best "light < 2.5": left 2 turn, right 2 turn 4 go
    // (1 − 4/36 − 16/36 = 4/9), so 0.5 − 6/8·4/9 = 1/6.
    let tree = Tree::fit(&table(), params(Criterion::Gini, 1));
    let root = &tree.nodes[0];
    assert!(close(root.impurity, 0.5));
    let split = root.split.unwrap();
    assert_eq!((split.feature, split.threshold), (1, 3.5));
    assert!(close(split.score, 0.3), "{}", split.score);
    assert_eq!(root.alternatives.len(), 1);
    let alt = root.alternatives[0];
    assert_eq!((alt.feature, alt.threshold), (0, 2.5));
    assert!(close(alt.score, 1.0 / 6.0), "{}", alt.score);
    assert!(alt.score < split.score);
}

#[test]
fn entropy_gives_the_information_gain_by_hand() {
    // Root entropy: 1 bit. "ahead < 3.5": right is 1 turn 4 go, H(0.2) = 0.7219280948873623,
    // gain 1 − 5/8·H(0.2) = 0.548795. "light < 2.5": right 2 turn 4 go, H(1/3) =
    // 0.9182958340544896, gain 1 − 6/8·H(1/3) = 0.311278.
    let tree = Tree::fit(&table(), params(Criterion::Entropy, 1));
    let root = &tree.nodes[0];
    assert!(close(root.impurity, 1.0));
    let split = root.split.unwrap();
    assert_eq!((split.feature, split.threshold), (1, 3.5));
    assert!(close(split.score, 1.0 - 0.625 * 0.7219280948873623), "{}", split.score);
    let alt = root.alternatives[0];
    assert_eq!((alt.feature, alt.threshold), (0, 2.5));
    assert!(close(alt.score, 1.0 - 0.75 * 0.9182958340544896), "{}", alt.score);
    assert!(close(impurity(&[1, 1, 1, 1], 4, Criterion::Entropy), 2.0));
}

#[test]
fn the_depth_limit_is_respected_and_a_deeper_tree_learns_the_rest() {
    let shallow = Tree::fit(&table(), params(Criterion::Gini, 1));
    assert_eq!(shallow.depth(), 1);
    assert_eq!(shallow.nodes.len(), 3);
    // The right leaf holds rows 3..=7: 1 turn, 4 go, so it says go and gets row 4 wrong.
    assert_eq!((shallow.nodes[2].counts.clone(), shallow.nodes[2].label), (vec![1, 4], GO));
    assert_eq!(shallow.predict(&[1.0, 5.0]), Some(GO));

    let stump = Tree::fit(&table(), params(Criterion::Gini, 0));
    assert_eq!((stump.nodes.len(), stump.nodes[0].split), (1, None));
    assert_eq!(stump.predict(&[0.0, 0.0]), Some(TURN), "a 4–4 tie goes to the lower label");

    // Depth 2: the right node (1 turn, 4 go, Gini 0.32) splits on "light < 2" (light 1 is the
    // only turn): gain 0.32, beating "ahead < 5.5" (0.32 − 2/5·0.5 = 0.12).
    let deep = Tree::fit(&table(), params(Criterion::Gini, 5));
    assert_eq!(deep.depth(), 2, "pure leaves stop before the limit");
    let right = &deep.nodes[2];
    let s = right.split.unwrap();
    assert_eq!((s.feature, s.threshold), (0, 2.0));
    assert!(close(s.score, 0.32));
    assert!(close(right.alternatives[0].score, 0.12));
    for r in &table().rows {
        assert_eq!(deep.predict(&r.features), Some(r.label));
    }
    assert!(deep.nodes.iter().all(|n| n.depth <= 2));
}

#[test]
fn predict_path_lists_the_nodes_from_root_to_leaf() {
    let tree = Tree::fit(&table(), params(Criterion::Gini, 2));
    // Nodes by level: 0 root (ahead < 3.5), 1 its yes-leaf, 2 its no-node (light < 2),
    // 3 and 4 that node's leaves.
    assert_eq!(tree.nodes[0].left, Some(1));
    assert_eq!(tree.nodes[0].right, Some(2));
    assert_eq!(tree.predict_path(&[1.0, 5.0]), vec![0, 2, 3]);
    assert_eq!(tree.predict_path(&[9.0, 5.0]), vec![0, 2, 4]);
    assert_eq!(tree.predict_path(&[9.0, 1.0]), vec![0, 1]);
    assert_eq!(tree.predict(&[1.0, 5.0]), Some(TURN));
}

#[test]
fn min_samples_stop_splitting_and_an_empty_table_answers_nothing() {
    let few = Tree::fit(&table(), TreeParams { min_samples_split: 9, ..TreeParams::default() });
    assert_eq!(few.nodes.len(), 1);
    // With 4 rows required on each side, only "< 4.5" thresholds are allowed: "light < 4.5"
    // (3 turn 1 go | 1 turn 3 go) and "ahead < 4.5" (the same mix) both score
    // 0.5 − 0.375 = 0.125, and the earlier feature, light, wins the tie.
    let wide = Tree::fit(&table(), TreeParams { min_samples_leaf: 4, max_depth: 1, ..TreeParams::default() });
    let s = wide.nodes[0].split.unwrap();
    assert_eq!((s.feature, s.threshold), (0, 4.5));
    assert_eq!(wide.nodes[0].alternatives[0].threshold, 4.5);
    assert!(close(s.score, 0.125));
    let empty = Tree::fit(&table().empty_like(), TreeParams::default());
    assert_eq!(empty.predict(&[1.0, 1.0]), None);
}
