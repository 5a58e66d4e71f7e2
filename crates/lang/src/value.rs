//! Run-time values: numbers, booleans, texts and lists. Texts and lists are shared behind
//! `Rc`, so copying a value (and snapshotting a whole VM) is cheap.

use std::fmt;
use std::rc::Rc;

use crate::printer::format_number;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// What a procedure without `return` gives back.
    #[default]
    Nothing,
    Num(f64),
    Bool(bool),
    Text(Rc<str>),
    List(Rc<Vec<Value>>),
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(Rc::from(s))
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
