//! CLDR plural categories for our four languages. Four small rules cost far less in the
//! wasm bundle than a general plural-rules crate (≈ 5 KB gzipped measured for
//! `intl_pluralrules`), and the tests pin them to CLDR's own examples.

use tafukt_lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// `i % m` for a whole `i ≥ 0` and `m > 0`, by division and `floor` (wasm instructions):
/// the float remainder routine costs kilobytes of wasm. Exact while `i` is below 2^53.
fn rem(i: f64, m: f64) -> f64 {
    i - (i / m).floor() * m
}

/// The CLDR category of `n` in `lang` (integers and decimals as written with no exponent).
pub fn plural_category(lang: Lang, n: f64) -> PluralCategory {
    use PluralCategory::*;
    let whole = n.fract() == 0.0 && n.is_finite();
    let i = n.abs().trunc();
    match lang {
        // one: i = 1 and v = 0
        Lang::En => {
            if whole && i == 1.0 {
                One
            } else {
                Other
            }
        }
        // one: i = 0,1; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0
        Lang::Fr => {
            if i == 0.0 || i == 1.0 {
                One
            } else if whole && rem(i, 1_000_000.0) == 0.0 {
                Many
            } else {
                Other
            }
        }
        // zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99
        Lang::Ar => {
            if !whole {
                return Other;
            }
            let m = rem(i, 100.0);
            if i == 0.0 {
                Zero
            } else if i == 1.0 {
                One
            } else if i == 2.0 {
                Two
            } else if (3.0..=10.0).contains(&m) {
                Few
            } else if (11.0..=99.0).contains(&m) {
                Many
            } else {
                Other
            }
        }
        // CLDR has no rules for zgh; it uses those of Central Atlas Tamazight (tzm):
        // one: n = 0..1 or n = 11..99
        Lang::Zgh => {
            if whole && (i <= 1.0 || (11.0..=99.0).contains(&i)) {
                One
            } else {
                Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralCategory::*;

    #[test]
    fn cldr_examples() {
        let cases: &[(Lang, &[f64], PluralCategory)] = &[
            (Lang::En, &[1.0], One),
            (Lang::En, &[0.0, 2.0, 16.0, 1.5], Other),
            (Lang::Fr, &[0.0, 1.0, 1.5], One),
            (Lang::Fr, &[1_000_000.0], Many),
            (Lang::Fr, &[2.0, 17.0, 100.0], Other),
            (Lang::Ar, &[0.0], Zero),
            (Lang::Ar, &[1.0], One),
            (Lang::Ar, &[2.0], Two),
            (Lang::Ar, &[3.0, 10.0, 103.0, 110.0], Few),
            (Lang::Ar, &[11.0, 26.0, 111.0, 1011.0], Many),
            (Lang::Ar, &[100.0, 101.0, 102.0, 0.5], Other),
            (Lang::Zgh, &[0.0, 1.0, 11.0, 99.0], One),
            (Lang::Zgh, &[2.0, 10.0, 100.0], Other),
        ];
        for (lang, ns, want) in cases {
            for n in *ns {
                assert_eq!(plural_category(*lang, *n), *want, "{lang:?} {n}");
            }
        }
    }
}
