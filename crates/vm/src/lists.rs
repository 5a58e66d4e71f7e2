//! What the list built-ins mean (full app): reading an item by its position (counted from 1,
//! as pupils count) and a list's length, and the lists `add`, `remove item` and `replace
//! item` make. Lists are values, shared behind `Rc`: a change makes a new list, which the
//! compiler stores back in the variable (see [`Builtin::list_changed`]); copying it is work
//! the VM charges, through the limits it checks on every new list.

use crate::builtins::Builtin;
use crate::value::Value;

/// What a list built-in gives: a value to push, or the items of a changed list (the VM makes
/// the list, checking its limits).
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Value(Value),
    Changed(Vec<Value>),
}

/// Why a list built-in cannot be worked out.
#[derive(Debug, PartialEq)]
pub enum Fault {
    /// The value where the list should be.
    NeedsList(Value),
    /// A position that is no item of a list of `count` items.
    Position { position: Value, count: usize },
    /// Any position of an empty list.
    Empty { position: Value },
}

/// Works out list built-in `b` on its values (in the order the program writes them), or
/// `None` for a built-in that is not about lists.
pub fn apply(b: Builtin, args: &[Value]) -> Option<Result<Outcome, Fault>> {
    Builtin::LISTS.contains(&b).then(|| work_out(b, args))
}

fn work_out(b: Builtin, args: &[Value]) -> Result<Outcome, Fault> {
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    match b {
        Builtin::LengthOf => match arg(0) {
            Value::List(l) => Ok(Outcome::Value(Value::Num(l.items.len() as f64))),
            // Texts have a length too: how many letters.
            Value::Text(t) => Ok(Outcome::Value(Value::Num(t.chars().count() as f64))),
            other => Err(Fault::NeedsList(other)),
        },
        Builtin::ItemOf => {
            let items = items(arg(1))?;
            let i = index(&arg(0), items.len())?;
            Ok(Outcome::Value(items[i].clone()))
        }
        Builtin::AddTo => {
            let mut items = items(arg(1))?;
            items.push(arg(0));
            Ok(Outcome::Changed(items))
        }
        Builtin::RemoveItem => {
            let mut items = items(arg(1))?;
            let i = index(&arg(0), items.len())?;
            items.remove(i);
            Ok(Outcome::Changed(items))
        }
        Builtin::ReplaceItem => {
            let mut items = items(arg(1))?;
            let i = index(&arg(0), items.len())?;
            items[i] = arg(2);
            Ok(Outcome::Changed(items))
        }
        // Never reached: `apply` asks only about list built-ins.
        _ => Err(Fault::NeedsList(arg(0))),
    }
}

/// A copy of the list's items (the new list a change makes starts as one).
fn items(v: Value) -> Result<Vec<Value>, Fault> {
    match v {
        Value::List(l) => Ok(l.items.clone()),
        other => Err(Fault::NeedsList(other)),
    }
}

/// The index of the item at `position` (1 is the first) in a list of `count` items.
fn index(position: &Value, count: usize) -> Result<usize, Fault> {
    match position {
        Value::Num(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= count as f64 => Ok(*n as usize - 1),
        _ if count == 0 => Err(Fault::Empty { position: position.clone() }),
        _ => Err(Fault::Position { position: position.clone(), count }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(ns: &[f64]) -> Value {
        Value::list(ns.iter().map(|n| Value::Num(*n)).collect())
    }

    fn changed(b: Builtin, args: &[Value]) -> Vec<Value> {
        match apply(b, args) {
            Some(Ok(Outcome::Changed(items))) => items,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn positions_count_from_one_and_a_change_makes_a_new_list() {
        let l = nums(&[3.0, 5.0, 2.0]);
        assert_eq!(
            apply(Builtin::ItemOf, &[Value::Num(1.0), l.clone()]),
            Some(Ok(Outcome::Value(Value::Num(3.0))))
        );
        assert_eq!(
            apply(Builtin::ItemOf, &[Value::Num(3.0), l.clone()]),
            Some(Ok(Outcome::Value(Value::Num(2.0))))
        );
        assert_eq!(
            apply(Builtin::LengthOf, std::slice::from_ref(&l)),
            Some(Ok(Outcome::Value(Value::Num(3.0))))
        );
        assert_eq!(changed(Builtin::AddTo, &[Value::Num(7.0), l.clone()]).len(), 4);
        assert_eq!(
            changed(Builtin::RemoveItem, &[Value::Num(1.0), l.clone()]),
            vec![Value::Num(5.0), Value::Num(2.0)]
        );
        let replaced = changed(Builtin::ReplaceItem, &[Value::Num(2.0), l.clone(), Value::text("x")]);
        assert_eq!(replaced, vec![Value::Num(3.0), Value::text("x"), Value::Num(2.0)]);
        // The list a variable held is not changed in place.
        assert_eq!(l, nums(&[3.0, 5.0, 2.0]));
        assert_eq!(
            apply(Builtin::LengthOf, &[Value::text("زيتون")]),
            Some(Ok(Outcome::Value(Value::Num(5.0))))
        );
        assert_eq!(apply(Builtin::Move, &[]), None);
    }

    #[test]
    fn a_position_outside_the_list_or_not_whole_is_named_with_the_list_length() {
        let l = nums(&[3.0, 5.0]);
        for bad in [0.0, 3.0, -1.0, 1.5, f64::NAN, f64::INFINITY] {
            let got = apply(Builtin::ItemOf, &[Value::Num(bad), l.clone()]);
            assert!(matches!(got, Some(Err(Fault::Position { count: 2, .. }))), "{bad}: {got:?}");
        }
        let got = apply(Builtin::RemoveItem, &[Value::Num(1.0), nums(&[])]);
        assert_eq!(got, Some(Err(Fault::Empty { position: Value::Num(1.0) })));
        let got = apply(Builtin::ItemOf, &[Value::text("one"), l]);
        assert!(matches!(got, Some(Err(Fault::Position { .. }))), "{got:?}");
        let got = apply(Builtin::AddTo, &[Value::Num(1.0), Value::Num(4.0)]);
        assert_eq!(got, Some(Err(Fault::NeedsList(Value::Num(4.0)))));
    }
}
