//! Run-time values: numbers, booleans, texts and lists. Texts and lists are shared behind
//! `Rc`, so copying a value (and snapshotting a whole VM) is cheap.

use std::fmt;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// What a procedure without `return` gives back.
    #[default]
    Nothing,
    Num(f64),
    Bool(bool),
    /// `Rc<Box<str>>` rather than `Rc<str>`: a thin pointer keeps every value at 16 bytes,
    /// which the VM moves on every instruction.
    Text(Rc<Box<str>>),
    List(Rc<Vec<Value>>),
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(Rc::new(Box::from(s)))
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nothing => Ok(()),
            Value::Num(n) => f.write_str(&format_number(*n)),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Text(t) => f.write_str(t),
            Value::List(items) => {
                f.write_str("[")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("]")
            }
        }
    }
}

/// Writes a number as pupils read it: whole numbers plainly, others with at most six
/// decimals. Done with integers, so every platform prints the same digits.
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return if n.is_nan() {
            "?".into()
        } else if n > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    if n.fract() == 0.0 && n.abs() < 9e15 {
        return (n as i64).to_string();
    }
    if n.abs() >= 9e15 {
        // Every float this large is a whole number; write all its digits exactly.
        let sign = if n < 0.0 { "-" } else { "" };
        return format!("{sign}{}", whole_digits(n.abs()));
    }
    let scaled = (n.abs() * 1e6).round() as i64;
    let (whole, mut frac) = (scaled / 1_000_000, scaled % 1_000_000);
    let sign = if n < 0.0 && scaled != 0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let mut digits = 6;
    while frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    format!("{sign}{whole}.{frac:0digits$}")
}

/// The exact decimal digits of a large whole float: its 53-bit mantissa times a power of two,
/// worked out in base-10⁹ limbs (no float formatting code in the wasm bundle).
fn whole_digits(n: f64) -> String {
    let bits = n.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut limbs: Vec<u64> = vec![mantissa % 1_000_000_000, mantissa / 1_000_000_000];
    for _ in 0..exponent.max(0) {
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let v = *limb * 2 + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = limbs.last().map_or(String::new(), |l| l.to_string());
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
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
            (0.5, "0.5"),
            (-0.25, "-0.25"),
            (1.0 / 3.0, "0.333333"),
            (2.05, "2.05"),
        ] {
            assert_eq!(format_number(n), want);
        }
    }
}

#[cfg(test)]
mod size {
    #[test]
    fn a_value_is_two_words() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }
}
