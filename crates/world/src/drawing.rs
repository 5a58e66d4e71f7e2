//! Whether a pen's trail draws a target shape: every part of the shape is covered and
//! nothing else is drawn, within a tolerance, whatever order or direction the strokes took
//! and however they were split.

#[cfg(feature = "arena")]
use crate::arena::within;
#[cfg(feature = "arena")]
use crate::pen::Stroke;

/// A straight piece of a target shape: `[x1, y1, x2, y2]` in the world's units.
pub type Segment = [i32; 4];

#[cfg(feature = "arena")]
/// How far apart the checked points are, as a share of the tolerance.
const SAMPLES_PER_TOLERANCE: f64 = 2.0;
#[cfg(feature = "arena")]
/// Points checked on one segment at most, so a huge shape with a tiny tolerance stays quick.
const MAX_SAMPLES: f64 = 2_000.0;

#[cfg(feature = "arena")]
type Point = (f64, f64);

#[cfg(feature = "arena")]
fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { ((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2 };
    let t = within(t, 0.0, 1.0);
    let (qx, qy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (qx * qx + qy * qy).sqrt()
}

#[cfg(feature = "arena")]
/// Points along a segment, ends included, at most `tolerance / 2` apart.
fn samples(a: Point, b: Point, tolerance: f64) -> impl Iterator<Item = Point> {
    let len = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).sqrt();
    let n = within((len * SAMPLES_PER_TOLERANCE / tolerance).ceil(), 1.0, MAX_SAMPLES) as u32;
    (0..=n).map(move |i| {
        let t = i as f64 / n as f64;
        (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
    })
}

#[cfg(feature = "arena")]
fn lowest_corner(points: impl Iterator<Item = Point>) -> Option<Point> {
    points.fold(None, |low, (x, y)| match low {
        None => Some((x, y)),
        Some((lx, ly)) => Some((lx.min(x), ly.min(y))),
    })
}

#[cfg(feature = "arena")]
/// True when `strokes` draw `target` within `tolerance`. With `anywhere`, the shape may be
/// drawn at any place: the target is moved so its lowest corner meets the drawing's.
pub fn draws_shape(strokes: &[Stroke], target: &[Segment], tolerance: f64, anywhere: bool) -> bool {
    if strokes.is_empty() || target.is_empty() {
        return false;
    }
    let mut shape: Vec<(Point, Point)> =
        target.iter().map(|s| ((s[0] as f64, s[1] as f64), (s[2] as f64, s[3] as f64))).collect();
    if anywhere {
        let drawn = lowest_corner(strokes.iter().flat_map(|s| [s.from, s.to]));
        let wanted = lowest_corner(shape.iter().flat_map(|(a, b)| [*a, *b]));
        if let (Some(d), Some(w)) = (drawn, wanted) {
            let (ox, oy) = (d.0 - w.0, d.1 - w.1);
            for (a, b) in &mut shape {
                *a = (a.0 + ox, a.1 + oy);
                *b = (b.0 + ox, b.1 + oy);
            }
        }
    }
    let near_drawing = |p: Point| strokes.iter().any(|s| distance_to_segment(p, s.from, s.to) <= tolerance);
    let near_shape = |p: Point| shape.iter().any(|(a, b)| distance_to_segment(p, *a, *b) <= tolerance);
    let covered = shape.iter().all(|(a, b)| samples(*a, *b, tolerance).all(near_drawing));
    covered && strokes.iter().all(|s| samples(s.from, s.to, tolerance).all(near_shape))
}

#[cfg(all(test, feature = "arena"))]
mod tests {
    use super::*;

    fn strokes(points: &[(f64, f64)]) -> Vec<Stroke> {
        points.windows(2).map(|w| Stroke { from: w[0], to: w[1], colour: "black", width: 3 }).collect()
    }

    const SQUARE: [Segment; 4] = [[0, 0, 2, 0], [2, 0, 2, 2], [2, 2, 0, 2], [0, 2, 0, 0]];

    #[test]
    fn a_square_drawn_any_way_round_matches() {
        let clockwise = strokes(&[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]);
        let backwards = strokes(&[(0.0, 0.0), (0.0, 2.0), (2.0, 2.0), (2.0, 0.0), (0.0, 0.0)]);
        let in_small_steps = strokes(&[
            (1.0, 2.0),
            (0.0, 2.0),
            (0.0, 1.0),
            (0.0, 0.0),
            (1.0, 0.0),
            (2.0, 0.0),
            (2.0, 1.0),
            (2.0, 2.0),
            (1.0, 2.0),
        ]);
        for s in [clockwise, backwards, in_small_steps] {
            assert!(draws_shape(&s, &SQUARE, 0.25, false));
        }
    }

    #[test]
    fn a_missing_side_or_an_extra_line_does_not_match() {
        let three_sides = strokes(&[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]);
        assert!(!draws_shape(&three_sides, &SQUARE, 0.25, false));
        let mut with_tail = strokes(&[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]);
        with_tail.extend(strokes(&[(2.0, 2.0), (3.0, 2.0)]));
        assert!(!draws_shape(&with_tail, &SQUARE, 0.25, false));
        assert!(!draws_shape(&[], &SQUARE, 0.25, false));
    }

    #[test]
    fn anywhere_lets_the_shape_move_but_not_change() {
        let moved = strokes(&[(5.0, 3.0), (7.0, 3.0), (7.0, 5.0), (5.0, 5.0), (5.0, 3.0)]);
        assert!(!draws_shape(&moved, &SQUARE, 0.25, false));
        assert!(draws_shape(&moved, &SQUARE, 0.25, true));
        let bigger = strokes(&[(5.0, 3.0), (8.0, 3.0), (8.0, 6.0), (5.0, 6.0), (5.0, 3.0)]);
        assert!(!draws_shape(&bigger, &SQUARE, 0.25, true));
    }

    #[test]
    fn a_wobbly_line_within_tolerance_matches() {
        let wobbly = strokes(&[(0.0, 0.0), (50.0, 2.0), (100.0, -1.5)]);
        assert!(draws_shape(&wobbly, &[[0, 0, 100, 0]], 3.0, false));
        assert!(!draws_shape(&wobbly, &[[0, 0, 100, 0]], 1.0, false));
    }
}
