//! Property tests for how numbers print: every value a program can produce (any float, not
//! only what a pupil can type) prints digits that read back as exactly that value, with no
//! more digits than needed; and every number a pupil can type prints back as typed.

use proptest::prelude::*;
use tafukt_lang::lexer::{lex, Tok, MAX_DECIMALS, MAX_DIGITS};
use tafukt_lang::value::format_number;

/// The number the lexer reads from `text`, if it reads one number.
fn lexed(text: &str) -> Option<f64> {
    match lex(text).first().map(|t| &t.tok) {
        Some(Tok::Number(n)) => Some(*n),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Any finite float that is not whole: the digits Rust's own shortest round-trip writer
    /// gives (it writes no exponent either), which read back as the same float.
    #[test]
    fn a_fraction_prints_the_shortest_digits_that_read_back(
        negative in any::<bool>(),
        exponent in 0u64..1075,
        fraction in 0u64..(1 << 52),
    ) {
        // Exponents below 1075 (unbiased below 0) make every float that is not whole.
        let x = f64::from_bits((negative as u64) << 63 | exponent << 52 | fraction);
        prop_assume!(x.is_finite() && x.fract() != 0.0);
        let printed = format_number(x);
        prop_assert_eq!(&printed, &format!("{x}"));
        prop_assert_eq!(printed.parse::<f64>().unwrap(), x);
    }

    /// Whole floats, however large: every digit of the exact value.
    #[test]
    fn a_whole_number_prints_every_digit(mantissa in 1u64..(1 << 53), shift in 0u32..=971) {
        let x = mantissa as f64 * 2f64.powi(shift as i32);
        prop_assume!(x.is_finite());
        let printed = format_number(x);
        prop_assert_eq!(printed.parse::<f64>().unwrap(), x);
        prop_assert_eq!(format_number(-x), format!("-{printed}"));
        if shift < 64 {
            prop_assert_eq!(printed, (mantissa as u128 * (1u128 << shift.min(74))).to_string());
        }
    }

    /// Sums, products and quotients of numbers a pupil typed read back exactly.
    #[test]
    fn arithmetic_on_typed_numbers_reads_back(a in 0u64..1_000_000_000_000_000, b in 1u64..1_000_000, k in 0i32..=6) {
        let (x, y) = (a as f64 / 10f64.powi(k), b as f64 / 10f64.powi(6 - k));
        for r in [x + y, x - y, x * y, x / y] {
            prop_assert_eq!(format_number(r).parse::<f64>().unwrap(), r);
        }
    }

    /// Every number a pupil can type (at most 15 digits, 6 after the point) prints back as
    /// typed, without needless zeros.
    #[test]
    fn a_typed_number_prints_back_as_typed(digits in 1usize..=MAX_DIGITS, seed in any::<u64>(), decimals in 0usize..=MAX_DECIMALS) {
        let decimals = decimals.min(digits - 1);
        let mantissa = seed % 10u64.pow(digits as u32);
        let mut text = format!("{mantissa:0digits$}");
        if decimals > 0 {
            text.insert(digits - decimals, '.');
        }
        let canonical = {
            let t = text.trim_start_matches('0');
            let t = if t.is_empty() || t.starts_with('.') { format!("0{t}") } else { t.to_string() };
            if t.contains('.') { t.trim_end_matches('0').trim_end_matches('.').to_string() } else { t }
        };
        let n = lexed(&text).unwrap();
        prop_assert_eq!(format_number(n), canonical.clone());
        prop_assert_eq!(lexed(&canonical), Some(n));
    }
}

#[test]
fn the_numbers_of_issue_12_print_their_digits() {
    assert_eq!(format_number(10000000000000.0 + 0.5), "10000000000000.5");
    assert_eq!(format_number(lexed("99999999999.125").unwrap()), "99999999999.125");
    assert_eq!(format_number(f64::MAX).len(), 309);
    assert_eq!(format_number(f64::MIN_POSITIVE).parse::<f64>().unwrap(), f64::MIN_POSITIVE);
}
