//! The few numeric helpers the models share: uniform draws from the seeded generator, a
//! base-2 logarithm made of + − × ÷ only, rounding by `floor`, and clamping without
//! `f64::clamp`.
//!
//! Why not `f64::log2` and `f64::round`: in wasm they are library routines (libm), not
//! instructions, so they add code to the on-demand part and may differ in the last bit
//! between machines; `floor`, `sqrt` and the four operations are exact instructions
//! everywhere, so the browser and the native tests compute the same bits.

use tafukt_world::rng::Rng;

/// A number in `0.0..1.0` with 53 random bits.
pub fn unit(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// A number in `lo..hi`.
pub fn uniform(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * unit(rng)
}

/// `x` rounded to `places` decimals (0 to 3), halves away from zero for positive `x`: datasets
/// a pupil reads in a table should hold 2.4, not 2.4000000000000004 from a draw.
pub fn round_to(x: f64, places: u32) -> f64 {
    let scale = match places {
        0 => 1.0,
        1 => 10.0,
        2 => 100.0,
        _ => 1000.0,
    };
    (x * scale + 0.5).floor() / scale
}

/// `x` rounded to the nearest whole number (for percentages shown to pupils).
pub fn round(x: f64) -> f64 {
    (x + 0.5).floor()
}

/// `v` kept between `lo` and `hi`. Not `f64::clamp`: its formatted panic message brings the
/// float formatter into the wasm.
#[allow(clippy::manual_clamp)]
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// Base-2 logarithm of a positive `x` (0 for anything else: entropy sums `p log p` and
/// `0 log 0` counts as 0). `x = m · 2^e` with `m` in [1, 2), then
/// `log2 m = 2 atanh(t) / ln 2` with `t = (m − 1)/(m + 1)` in [0, 1/3), whose series
/// converges to well under 1e-12 within 14 terms.
pub fn log2(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return 0.0;
    }
    let mut m = x;
    let mut e = 0.0;
    // Scaling by powers of two is exact, so only the series rounds.
    while m >= 2.0 {
        m *= 0.5;
        e += 1.0;
    }
    while m < 1.0 {
        m *= 2.0;
        e -= 1.0;
    }
    let t = (m - 1.0) / (m + 1.0);
    let t2 = t * t;
    let mut term = t;
    let mut sum = 0.0;
    let mut k = 1.0;
    while k < 30.0 {
        sum += term / k;
        term *= t2;
        k += 2.0;
    }
    const LN_2: f64 = std::f64::consts::LN_2;
    e + 2.0 * sum / LN_2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log2_matches_the_library_and_powers_of_two_are_exact() {
        for (x, want) in [(1.0, 0.0), (2.0, 1.0), (8.0, 3.0), (0.5, -1.0), (0.125, -3.0)] {
            assert_eq!(log2(x), want, "log2({x})");
        }
        for i in 1..2000 {
            let x = i as f64 * 0.0137;
            assert!((log2(x) - x.log2()).abs() < 1e-12, "log2({x}) = {} vs {}", log2(x), x.log2());
        }
        assert_eq!(log2(0.0), 0.0);
        assert_eq!(log2(-1.0), 0.0);
    }

    #[test]
    fn uniform_draws_stay_in_range_and_rounding_reads_well() {
        let mut rng = Rng::new(3);
        for _ in 0..1000 {
            let u = uniform(&mut rng, 2.0, 5.0);
            assert!((2.0..5.0).contains(&u));
        }
        assert_eq!(round_to(2.449, 1), 2.4);
        assert_eq!(round_to(2.45, 1), 2.5);
        assert_eq!(round_to(0.1 + 0.2, 2), 0.3);
        assert_eq!(round(66.5), 67.0);
        assert_eq!(round(66.4), 66.0);
    }
}
