//! Properties of the shape check: a shape drawn in any order, any direction and any number
//! of pieces matches; leaving out a side or adding a stray line never does.

use proptest::prelude::*;
use tafukt_world::drawing::{draws_shape, Segment};
use tafukt_world::Stroke;

/// A closed polygon on a 10 cm grid (so sides are never tiny): its corners, in order.
fn polygon() -> impl Strategy<Value = Vec<(i32, i32)>> {
    prop::collection::vec((0i32..20, 0i32..20), 3..7)
        .prop_map(|ps| ps.into_iter().map(|(x, y)| (x * 10, y * 10)).collect::<Vec<_>>())
        .prop_filter("distinct neighbouring corners", |ps| {
            ps.iter().zip(ps.iter().cycle().skip(1)).all(|(a, b)| a != b)
        })
}

fn sides(corners: &[(i32, i32)]) -> Vec<Segment> {
    corners.iter().zip(corners.iter().cycle().skip(1)).map(|(a, b)| [a.0, a.1, b.0, b.1]).collect()
}

/// The side split in `pieces` strokes, drawn forwards or backwards.
fn strokes_of(side: &Segment, pieces: u32, backwards: bool) -> Vec<Stroke> {
    let (a, b) = ((side[0] as f64, side[1] as f64), (side[2] as f64, side[3] as f64));
    let at = |t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
    (0..pieces)
        .map(|i| {
            let (t0, t1) = (i as f64 / pieces as f64, (i + 1) as f64 / pieces as f64);
            let (from, to) = if backwards { (at(t1), at(t0)) } else { (at(t0), at(t1)) };
            Stroke { from, to, colour: "black", width: 3 }
        })
        .collect()
}

fn distance(p: (f64, f64), s: &Segment) -> f64 {
    let (ax, ay, bx, by) = (s[0] as f64, s[1] as f64, s[2] as f64, s[3] as f64);
    let (dx, dy) = (bx - ax, by - ay);
    let t = (((p.0 - ax) * dx + (p.1 - ay) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    ((ax + t * dx - p.0).powi(2) + (ay + t * dy - p.1).powi(2)).sqrt()
}

proptest! {
    #[test]
    fn any_order_direction_and_splitting_matches(
        corners in polygon(),
        order in any::<prop::sample::Index>(),
        pieces in prop::collection::vec(1u32..4, 7),
        backwards in prop::collection::vec(any::<bool>(), 7),
    ) {
        let target = sides(&corners);
        let mut sides_drawn: Vec<&Segment> = target.iter().collect();
        sides_drawn.rotate_left(order.index(target.len()));
        let strokes: Vec<Stroke> = sides_drawn
            .iter()
            .enumerate()
            .flat_map(|(i, s)| strokes_of(s, pieces[i], backwards[i]))
            .collect();
        prop_assert!(draws_shape(&strokes, &target, 2.0, false));
    }

    #[test]
    fn a_missing_side_or_a_stray_line_never_matches(corners in polygon(), missing in any::<prop::sample::Index>()) {
        let target = sides(&corners);
        let skip = missing.index(target.len());
        let without: Vec<Stroke> = target
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .flat_map(|(_, s)| strokes_of(s, 1, false))
            .collect();
        // Corners in a line can make one side lie along others; such a side is not missing.
        let m = &target[skip];
        let mid = ((m[0] + m[2]) as f64 / 2.0, (m[1] + m[3]) as f64 / 2.0);
        let alone = target.iter().enumerate().filter(|(i, _)| *i != skip).all(|(_, s)| distance(mid, s) > 4.0);
        prop_assume!(alone);
        prop_assert!(!draws_shape(&without, &target, 2.0, false));
        let mut stray = strokes_of(&target[0], 1, false);
        stray.extend(target.iter().flat_map(|s| strokes_of(s, 1, false)));
        stray.push(Stroke { from: (300.0, 300.0), to: (320.0, 300.0), colour: "black", width: 3 });
        prop_assert!(!draws_shape(&stray, &target, 2.0, false));
    }
}
