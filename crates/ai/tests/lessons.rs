//! The lesson datasets do what their lessons claim: the models learn them, extra data or a
//! better reading helps, and a one-sided sample fails on the side it never saw.

use tafukt_ai::lessons::{self, OLIVE};
use tafukt_ai::{accuracy, confusion, learning_curve, split, Criterion, Knn, Perceptron, Tree, TreeParams};

#[test]
fn knn_sorts_olives_from_stones_and_weight_helps() {
    for seed in 0..10 {
        let (train, test) = split(&lessons::olives_and_stones(seed, 60), 30, seed);
        let all = accuracy(&Knn::new(3, train.clone()), &test);
        let two = accuracy(&Knn::new(3, train.select_features(&[0, 1])), &test.select_features(&[0, 1]));
        assert!(all.percent() >= 90, "seed {seed}: {all:?}");
        assert!(all.correct >= two.correct, "seed {seed}: weight helps, {all:?} vs {two:?}");
    }
}

#[test]
fn a_one_sided_sample_fails_on_big_olives() {
    let (mut fair_right, mut biased_right, mut big) = (0, 0, 0);
    for seed in 0..10 {
        let fair = lessons::olives_and_stones(seed, 40).select_features(&[0, 1]);
        let biased = lessons::one_sided_olives(seed, 40).select_features(&[0, 1]);
        // Held out: olives bigger than any the biased sample holds.
        let mut test = lessons::olives_and_stones(seed + 100, 200).select_features(&[0, 1]);
        test.rows.retain(|r| r.label == OLIVE && r.features[0] >= 2.2);
        big += test.len();
        fair_right += accuracy(&Knn::new(3, fair), &test).correct;
        biased_right += accuracy(&Knn::new(3, biased), &test).correct;
    }
    let (fair, biased) = (fair_right as f64 / big as f64, biased_right as f64 / big as f64);
    eprintln!("big olives recognised: fair {fair:.2}, one-sided {biased:.2} ({big} olives)");
    assert!(fair > 0.8, "{fair}");
    assert!(biased < fair - 0.2, "the one-sided model misses big olives: {biased} vs {fair}");
}

#[test]
fn the_perceptron_keeps_to_the_road() {
    for seed in 0..10 {
        let road = lessons::road(seed, 40);
        let mut p = Perceptron::new(2, 0.1, 100);
        assert!(p.train(&road), "seed {seed}: the road data is separable");
        let held_out = lessons::road(seed + 1000, 100);
        let score = accuracy(&p, &held_out);
        assert!(score.percent() >= 95, "seed {seed}: {score:?} after {} epochs", p.epochs_done);
    }
}

#[test]
fn a_two_level_tree_learns_when_to_turn_and_ignores_the_light() {
    for seed in 0..10 {
        let data = lessons::should_turn(seed, 60);
        let tree = Tree::fit(
            &data,
            TreeParams { criterion: Criterion::Entropy, max_depth: 2, ..TreeParams::default() },
        );
        let root = tree.nodes[0].split.unwrap();
        assert_eq!((root.feature, root.threshold), (0, 1.5), "seed {seed}: distance ahead first");
        assert!(tree.nodes.iter().filter_map(|n| n.split).all(|s| s.feature != 3), "light is never asked");
        let held_out = lessons::should_turn(seed + 1000, 100);
        let c = confusion(&tree, &held_out);
        assert_eq!(c.score().correct, 100, "seed {seed}: {c:?}");
    }
}

#[test]
fn the_learning_curve_rises_with_more_olives() {
    let (train, test) = split(&lessons::olives_and_stones(5, 100), 30, 5);
    let curve = learning_curve(&train, &test, 10, |d| Knn::new(3, d.clone()));
    assert_eq!(curve.len(), 7, "70 training rows by 10");
    assert_eq!(curve.last().unwrap().examples, 70);
    assert!(curve.last().unwrap().score.correct >= curve[0].score.correct, "{curve:?}");
}
