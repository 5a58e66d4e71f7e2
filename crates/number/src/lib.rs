//! Numbers written as pupils read them, digit for digit: whole numbers exactly, others with
//! the fewest digits that read back as the same number (shortest round trip). Worked out
//! with integers on small big numbers (the free-format algorithm of Steele & White, Burger &
//! Dybvig), so the wasm carries no float formatting code and every platform prints the same.
//! The VM's `number` module (`tafukt_vm::number`).

use std::cmp::Ordering;

pub fn format_number(n: f64) -> String {
    if n.is_nan() {
        return "?".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "∞" } else { "-∞" }.into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let a = n.abs();
    if a.fract() == 0.0 && a < 18e18 {
        // Every whole number below 2^64, -0 included, fits a u64 exactly.
        return format!("{sign}{}", a as u64);
    }
    if let Some(out) = few_decimals(sign, a) {
        return out;
    }
    let bits = a.to_bits();
    let biased = (bits >> 52) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // a = f × 2^e exactly.
    let (f, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    let mut out = String::from(sign);
    if e >= 0 {
        let mut whole = Big::from_u64(f);
        whole.shl(e as u32);
        write_whole(&mut whole, &mut out);
    } else {
        let (digits, k) = shortest(f, e);
        write_positional(&digits, k, &mut out);
    }
    out
}

/// `n` rounded to at most `decimals` decimals (at most 6), for drawing: an SVG coordinate
/// needs no more, and its exact digits would only lengthen the page.
pub fn format_rounded(n: f64, decimals: u32) -> String {
    let scale = 10f64.powi(decimals.min(6) as i32);
    let scaled = (n * scale).round();
    if scaled.abs() < 1e15 {
        format_number(scaled / scale)
    } else {
        format_number(n)
    }
}

/// The fast path for what pupils type and most results: a number with at most 6 decimals.
/// When a × 10^d is below 2^50, the float product is within 1/8 of the exact one, so the
/// only decimal with d decimals that can read back as `a` is the rounded product, and it
/// does when dividing it back gives `a` (a correctly rounded division of exact numbers).
/// Trying d = 1, 2, … finds the fewest decimals, which is the shortest round trip.
fn few_decimals(sign: &str, a: f64) -> Option<String> {
    let mut scale = 1.0;
    for d in 1..=6 {
        scale *= 10.0;
        let t = (a * scale).round();
        if t >= (1u64 << 50) as f64 {
            return None;
        }
        if t / scale == a {
            let digits = (t as u64).to_string();
            let (whole, fraction) = digits.split_at(digits.len().saturating_sub(d));
            let whole = if whole.is_empty() { "0" } else { whole };
            let zeros = "000000".get(..d - fraction.len()).unwrap_or_default();
            return Some(format!("{sign}{whole}.{zeros}{fraction}"));
        }
    }
    None
}

/// The shortest digits d₁d₂… and exponent k with 0.d₁d₂… × 10^k inside the interval of
/// numbers that round to f × 2^e (e < 0), nearest to it when several are as short.
fn shortest(f: u64, e: i32) -> (Vec<u8>, i32) {
    // Both ends of the interval belong to it when f is even (round half to even).
    let inclusive = f % 2 == 0;
    // a = r / s; the interval is (r - m⁻) / s to (r + m⁺) / s. Just above a power of two the
    // gap below is half the gap above.
    let boundary = f == 1 << 52 && e > -1074;
    let (mut r, mut s, mut m_plus, mut m_minus) = if boundary {
        (Big::from_u64(4 * f), Big::pow2((2 - e) as u32), Big::from_u64(2), Big::from_u64(1))
    } else {
        (Big::from_u64(2 * f), Big::pow2((1 - e) as u32), Big::from_u64(1), Big::from_u64(1))
    };
    // Estimate k from the binary exponent (log10 2 ≈ 78913 / 2^18), then correct it.
    let log2 = e + 63 - f.leading_zeros() as i32;
    let mut k = (log2 * 78913) >> 18;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        for b in [&mut r, &mut m_plus, &mut m_minus] {
            b.mul_pow10((-k) as u32);
        }
    }
    let too_low = |r: &Big, m_plus: &Big, s: &Big| {
        let high = r.add(m_plus).cmp(s);
        high == Ordering::Greater || inclusive && high == Ordering::Equal
    };
    while too_low(&r, &m_plus, &s) {
        s.mul_small(10);
        k += 1;
    }
    loop {
        let (mut r10, mut m10) = (r.clone(), m_plus.clone());
        r10.mul_small(10);
        m10.mul_small(10);
        if too_low(&r10, &m10, &s) {
            break;
        }
        r = r10;
        m_plus = m10;
        m_minus.mul_small(10);
        k -= 1;
    }
    let mut digits = Vec::new();
    loop {
        r.mul_small(10);
        m_plus.mul_small(10);
        m_minus.mul_small(10);
        let mut d = 0u8;
        while r.cmp(&s) != Ordering::Less {
            r.sub_assign(&s);
            d += 1;
        }
        let low = r.cmp(&m_minus);
        let low_done = low == Ordering::Less || inclusive && low == Ordering::Equal;
        let high_done = too_low(&r, &m_plus, &s);
        if !low_done && !high_done {
            digits.push(d);
            continue;
        }
        let round_up = match (low_done, high_done) {
            (true, false) => false,
            (false, true) => true,
            _ => {
                let mut twice = r.clone();
                twice.mul_small(2);
                twice.cmp(&s) != Ordering::Less
            }
        };
        digits.push(d + round_up as u8);
        return (digits, k);
    }
}

/// Writes 0.d₁d₂… × 10^k without an exponent: pupils have not met one, and the language
/// reads none.
fn write_positional(digits: &[u8], k: i32, out: &mut String) {
    let digit = |d: &u8| char::from(b'0' + d);
    if k <= 0 {
        out.push_str("0.");
        (0..-k).for_each(|_| out.push('0'));
        out.extend(digits.iter().map(digit));
    } else {
        let k = k as usize;
        for (i, d) in digits.iter().enumerate() {
            if i == k {
                out.push('.');
            }
            out.push(digit(d));
        }
        (digits.len()..k).for_each(|_| out.push('0'));
    }
}

/// Writes a big whole number in decimal, nine digits at a time.
fn write_whole(n: &mut Big, out: &mut String) {
    let mut groups = Vec::new();
    while !n.0.is_empty() {
        groups.push(n.div_small(1_000_000_000));
    }
    let mut groups = groups.into_iter().rev();
    out.push_str(&groups.next().unwrap_or(0).to_string());
    for mut g in groups {
        let mut nine = [b'0'; 9];
        for place in nine.iter_mut().rev() {
            *place = b'0' + (g % 10) as u8;
            g /= 10;
        }
        nine.iter().for_each(|&b| out.push(char::from(b)));
    }
}

/// A non-negative whole number in base 2^32, least significant limb first, without
/// leading zero limbs (so lengths compare first).
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn pow2(bits: u32) -> Big {
        let mut limbs = vec![0; (bits / 32) as usize];
        limbs.push(1 << (bits % 32));
        Big(limbs)
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for l in &mut self.0 {
                let v = (*l as u64) << bits | carry;
                *l = v as u32;
                carry = v >> 32;
            }
            if carry > 0 {
                self.0.push(carry as u32);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for l in &mut self.0 {
            let v = *l as u64 * m as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(9);
            self.mul_small(10u32.pow(step));
            k -= step;
        }
    }

    /// Divides in place, returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for l in self.0.iter_mut().rev() {
            let v = rem << 32 | *l as u64;
            *l = (v / d as u64) as u32;
            rem = v % d as u64;
        }
        self.trim();
        rem as u32
    }

    fn add(&self, other: &Big) -> Big {
        let (long, short) = if self.0.len() >= other.0.len() { (self, other) } else { (other, self) };
        let mut out = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, l) in long.0.iter().enumerate() {
            let v = *l as u64 + *short.0.get(i).unwrap_or(&0) as u64 + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        Big(out)
    }

    /// `self -= other`, for `other <= self`.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, l) in self.0.iter_mut().enumerate() {
            let v = *l as i64 - *other.0.get(i).unwrap_or(&0) as i64 - borrow;
            *l = v as u32;
            borrow = (v < 0) as i64;
        }
        self.trim();
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_print_as_pupils_write_them() {
        assert_eq!(format_number(1e20), "100000000000000000000");
        assert_eq!(format_number(-2f64.powi(70)), "-1180591620717411303424");
        for (n, want) in [
            (3.0, "3"),
            (-2.0, "-2"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (-0.25, "-0.25"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.05, "2.05"),
            (10000000000000.5, "10000000000000.5"),
            (99999999999.125, "99999999999.125"),
            (0.000001, "0.000001"),
            (-0.05, "-0.05"),
            (123456.789012, "123456.789012"),
            (f64::NAN, "?"),
            (f64::NEG_INFINITY, "-∞"),
        ] {
            assert_eq!(format_number(n), want);
        }
        // The smallest float: 323 zeros after the point (Rust's own writer as the reference).
        assert_eq!(format_number(5e-324), format!("{}", 5e-324));
        assert_eq!(super::format_rounded(12.3456789, 2), "12.35");
        assert_eq!(super::format_rounded(-0.0001, 2), "0");
    }
}
