//! Seeded datasets for the AI lessons: small tables whose rule a pupil can say in one
//! sentence, drawn afresh for each seed so a lesson cannot be passed by memorising rows.
//! Values are rounded (one decimal, or whole numbers) because pupils read them in a table.

use tafukt_world::rng::Rng;

use crate::dataset::{Dataset, Label};
use crate::maths::{round_to, uniform, within};

pub const OLIVE: Label = 0;
pub const STONE: Label = 1;

/// Olives and stones, half each (alternating, so any `n` is balanced), with three readings:
/// size in cm, darkness 0–10 and weight in g. Olives are 1.2–3 cm, dark (5–9) and light
/// (about 2.5 g per cm); stones are 1.5–5 cm, of any shade from 1 to 7, and heavy (weight
/// grows with size²). Size and darkness overlap, so two readings leave some doubt; weight
/// settles it: "more data or better data".
pub fn olives_and_stones(seed: u64, n: usize) -> Dataset {
    sample_olives(seed, n, 1.2, 3.0)
}

/// The same as [`olives_and_stones`] but every olive is small (under 1.9 cm): the one-sided
/// sample of the bias lesson. A model trained on it calls big olives stones.
pub fn one_sided_olives(seed: u64, n: usize) -> Dataset {
    sample_olives(seed, n, 1.2, 1.9)
}

/// The other side of the bias lesson: every olive is big (2.2 cm and more), the stones as
/// usual. A model that only ever saw small olives gets many of these wrong.
pub fn large_olives(seed: u64, n: usize) -> Dataset {
    sample_olives(seed, n, 2.2, 3.0)
}

fn sample_olives(seed: u64, n: usize, smallest_olive: f64, largest_olive: f64) -> Dataset {
    let mut rng = Rng::new(seed);
    let mut d = Dataset::new(&["size", "darkness", "weight"], &["olive", "stone"]);
    for i in 0..n {
        let label = if i % 2 == 0 { OLIVE } else { STONE };
        let (size, darkness, weight) = if label == OLIVE {
            let size = uniform(&mut rng, smallest_olive, largest_olive);
            (size, uniform(&mut rng, 5.0, 9.0), size * 2.5 + uniform(&mut rng, -0.5, 0.5))
        } else {
            let size = uniform(&mut rng, 1.5, 5.0);
            (size, uniform(&mut rng, 1.0, 7.0), size * size * 2.6 + uniform(&mut rng, -1.0, 1.0))
        };
        d.push(&[round_to(size, 1), round_to(darkness, 1), round_to(weight, 1)], label);
    }
    d
}

pub const TURN_LEFT: Label = 0;
pub const TURN_RIGHT: Label = 1;

/// The road for the perceptron: two line sensors either side of the robot's nose read how
/// dark the ground is (0–100). When the line drifts left, the left sensor reads darker and
/// the robot should turn left. Only moments when the line is clearly off-centre are kept,
/// so a straight line (left − right = 0) separates the two labels with room to spare.
pub fn road(seed: u64, n: usize) -> Dataset {
    let mut rng = Rng::new(seed);
    let mut d = Dataset::new(&["left-sensor", "right-sensor"], &["left", "right"]);
    for i in 0..n {
        let label = if i % 2 == 0 { TURN_LEFT } else { TURN_RIGHT };
        // Where the line is, −1 (far left) to 1 (far right), at least 0.25 off-centre.
        let off = uniform(&mut rng, 0.25, 1.0);
        let line = if label == TURN_LEFT { -off } else { off };
        let read = |centre: f64, rng: &mut Rng| {
            let v = centre + uniform(rng, -0.05, 0.05);
            round_to(within(v, 0.0, 1.0) * 100.0, 0)
        };
        let left = read(0.5 - line / 2.0, &mut rng);
        let right = read(0.5 + line / 2.0, &mut rng);
        d.push(&[left, right], label);
    }
    d
}

pub const FORWARD: Label = 0;
pub const LEFT: Label = 1;
pub const RIGHT: Label = 2;

/// "Should the robot turn?" for the decision tree: distance to the wall ahead (0–5 cells),
/// walls on the left and right (0 or 1) and the light level (0–10, which does not matter:
/// the tree should learn to ignore it). The rule: 2 or more cells ahead, go forward; else
/// turn left if the left is open, else right.
pub fn should_turn(seed: u64, n: usize) -> Dataset {
    let mut rng = Rng::new(seed);
    let mut d =
        Dataset::new(&["distance-ahead", "wall-left", "wall-right", "light"], &["forward", "left", "right"]);
    for _ in 0..n {
        let ahead = rng.range(0, 5);
        let wall_left = rng.range(0, 1);
        let wall_right = rng.range(0, 1);
        let light = rng.range(0, 10);
        let label = if ahead >= 2 {
            FORWARD
        } else if wall_left == 0 {
            LEFT
        } else {
            RIGHT
        };
        d.push(&[ahead as f64, wall_left as f64, wall_right as f64, light as f64], label);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generators_are_balanced_rounded_and_in_range() {
        let d = olives_and_stones(1, 41);
        assert_eq!(d.label_counts(), vec![21, 20]);
        for r in &d.rows {
            let size = r.features[0];
            assert_eq!(round_to(size, 1), size);
            if r.label == OLIVE {
                assert!((1.2..=3.0).contains(&size) && r.features[2] < 8.6, "{:?}", r.features);
            } else {
                assert!((1.5..=5.0).contains(&size) && r.features[2] > 4.5, "{:?}", r.features);
            }
        }
        let biased = one_sided_olives(1, 40);
        assert!(biased.rows.iter().filter(|r| r.label == OLIVE).all(|r| r.features[0] <= 1.9));
        let large = large_olives(1, 40);
        assert!(large.rows.iter().filter(|r| r.label == OLIVE).all(|r| r.features[0] >= 2.2));
        for r in &road(2, 50).rows {
            let (l, rt) = (r.features[0], r.features[1]);
            assert!((0.0..=100.0).contains(&l) && (0.0..=100.0).contains(&rt));
            assert_eq!(r.label == TURN_LEFT, l > rt, "{l} {rt}");
            assert!((l - rt).abs() >= 10.0, "a clear margin: {l} {rt}");
        }
        let t = should_turn(3, 100);
        assert_eq!(t.feature_count(), 4);
        assert!(t.label_counts().iter().all(|&c| c > 0), "every answer appears: {:?}", t.label_counts());
    }
}
