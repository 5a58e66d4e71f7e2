//! Run-time values: numbers, booleans, texts, colours and lists. Texts and lists are shared
//! behind `Rc`, so copying a value (and snapshotting a whole VM) is cheap. A list carries its
//! total size and nesting depth, so a list nested in itself cannot grow beyond what printing,
//! comparing or dropping it can afford.

use std::fmt;
use std::rc::Rc;

use crate::builtins::Colour;
pub use crate::number::{format_number, format_rounded};

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
    /// A colour named in code: the world gets its key, a pupil reads its name.
    Colour(Colour),
    List(Rc<List>),
}

/// A list's items, with how many values it holds counting those of the lists inside it, and
/// how deeply lists nest in it (1 for a list of plain values).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct List {
    pub items: Vec<Value>,
    size: usize,
    depth: usize,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        let (mut size, mut depth) = (items.len(), 1);
        for item in &items {
            if let Value::List(l) = item {
                size += l.size;
                depth = depth.max(l.depth + 1);
            }
        }
        List { items, size, depth }
    }

    /// Values in the list and, at every level, in the lists inside it.
    pub fn size(&self) -> usize {
        self.size
    }

    pub fn depth(&self) -> usize {
        self.depth
    }
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(Rc::new(Box::from(s)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(List::new(items)))
    }
}

/// The words values are shown with in a pupil's language: `true`, `false` and the colours
/// (in [`Colour::ALL`] order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Words {
    pub yes: &'static str,
    pub no: &'static str,
    pub colours: [&'static str; 6],
}

impl Default for Words {
    /// The language-neutral keys, which are also the English words.
    fn default() -> Words {
        Words { yes: "true", no: "false", colours: Colour::ALL.map(Colour::key) }
    }
}

/// Writes values as text with a budget of characters: writing stops as soon as the budget
/// is spent, so a huge value costs no more than the text it may become.
pub struct Writer<'w> {
    pub out: String,
    chars: usize,
    max: usize,
    words: &'w Words,
}

impl<'w> Writer<'w> {
    pub fn new(words: &'w Words, max: usize) -> Writer<'w> {
        Writer { out: String::new(), chars: 0, max, words }
    }

    /// Appends `s`; `false` (with as much of `s` as fits) when it passes the budget.
    fn push(&mut self, s: &str) -> bool {
        if self.chars + s.len() <= self.max {
            self.out.push_str(s);
            self.chars += s.chars().count();
            return true;
        }
        for c in s.chars() {
            if self.chars == self.max {
                return false;
            }
            self.out.push(c);
            self.chars += 1;
        }
        true
    }

    /// Appends `v` as a pupil reads it; `false` when it does not fit in the budget.
    pub fn value(&mut self, v: &Value) -> bool {
        match v {
            Value::Nothing => true,
            Value::Num(n) => self.push(&format_number(*n)),
            Value::Bool(b) => self.push(if *b { self.words.yes } else { self.words.no }),
            Value::Text(t) => self.push(t),
            Value::Colour(c) => self.push(self.words.colours[*c as usize]),
            Value::List(list) => {
                // Depth is bounded when lists are made (`limits::MAX_LIST_DEPTH`).
                self.push("[")
                    && list
                        .items
                        .iter()
                        .enumerate()
                        .all(|(i, item)| (i == 0 || self.push(", ")) && self.value(item))
                    && self.push("]")
            }
        }
    }
}

/// `v` as a pupil reads it in `words`, at most `max` characters; a longer one is cut and
/// ends with `…` (for messages, which show what went wrong, not all of it).
pub fn shorten(v: &Value, words: &Words, max: usize) -> String {
    let mut w = Writer::new(words, max);
    if !w.value(v) {
        w.out.push('…');
    }
    w.out
}

/// Whether two values are equal, adding the work it took (values visited, and texts compared
/// by 16 bytes) to `work`. Lists bound the walk: see [`List`].
pub fn equal(a: &Value, b: &Value, work: &mut u64) -> bool {
    *work += 1;
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => {
            *work += x.len() as u64 / 16;
            x == y
        }
        (Value::List(x), Value::List(y)) => {
            Rc::ptr_eq(x, y)
                || x.size == y.size
                    && x.items.len() == y.items.len()
                    && x.items.iter().zip(&y.items).all(|(p, q)| equal(p, q, work))
        }
        _ => a == b,
    }
}

impl fmt::Display for Value {
    /// In the language-neutral words (the keys a world reads), at most 10,000 characters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&shorten(self, &Words::default(), 10_000))
    }
}

/// Texts in the order a pupil expects, as in a dictionary: letters by their place in the
/// alphabet whatever their case or accent (`apple` before `Banana`, `été` before `fin`), then,
/// for texts alike that way, by character code, so that no two different texts are ever in
/// the same place. (Arabic and Tifinagh letters are in alphabetical order in Unicode.)
pub fn alphabetical(x: &str, y: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (x.chars(), y.chars());
    loop {
        match (a.next(), b.next()) {
            (Some(p), Some(q)) if letter(p) == letter(q) => {}
            (Some(p), Some(q)) => return letter(p).cmp(&letter(q)),
            (p, q) => return p.is_some().cmp(&q.is_some()).then_with(|| x.cmp(y)),
        }
    }
}

/// A character's place in the alphabet: Latin capitals and the accented letters of French
/// (Latin-1) as their plain small letter.
fn letter(c: char) -> u32 {
    // The plain letter of each of U+00C0..U+00DF, and of U+00E0..U+00FF below it by 0x20
    // (a space: a sign or a letter of its own, kept).
    const PLAIN: &[u8; 32] = b"aaaaaa ceeeeiiii nooooo ouuuuy  ";
    let n = c as u32;
    match n {
        0x41..=0x5A => n + 0x20,
        0xC0..=0xFF => match PLAIN[n as usize & 31] {
            b' ' => n,
            plain => plain as u32,
        },
        _ => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn lists_know_their_size_and_depth_and_print_within_a_budget() {
        let inner = Value::list(vec![Value::Num(1.0), Value::Colour(Colour::Red)]);
        let outer = List::new(vec![inner.clone(), inner, Value::Bool(true)]);
        assert_eq!((outer.size(), outer.depth()), (7, 2));
        let outer = Value::List(Rc::new(outer));
        assert_eq!(outer.to_string(), "[[1, red], [1, red], true]");
        assert_eq!(shorten(&outer, &Words::default(), 8), "[[1, red…");
        let fr = Words { yes: "vrai", colours: ["rouge"; 6], ..Words::default() };
        assert_eq!(shorten(&outer, &fr, 100), "[[1, rouge], [1, rouge], vrai]");
    }

    #[test]
    fn texts_are_in_dictionary_order_whatever_their_case_or_accents() {
        use std::cmp::Ordering::*;
        let order = |x, y| alphabetical(x, y);
        assert_eq!(order("apple", "Banana"), Less);
        assert_eq!(order("Zebra", "apple"), Greater);
        assert_eq!(order("été", "fin"), Less);
        assert_eq!(order("Élan", "elle"), Less);
        assert_eq!(order("ça", "cb"), Less);
        assert_eq!(order("أحمد", "باب"), Less);
        assert_eq!(order("ⴰⵎⴰⵏ", "ⵜⴰⵎⴰⵣⵉⵖⵜ"), Less);
        // Alike as letters, the character codes decide: one order, never a tie.
        assert_eq!(order("Apple", "apple"), Less);
        assert_eq!(order("apple", "Apple"), Greater);
        assert_eq!(order("apple", "apple"), Equal);
        assert_eq!(order("a", "ab"), Less);
        assert_eq!(order("×", "x"), Greater, "a sign is not a letter");
        assert_eq!(order("ÿ", "z"), Greater, "a letter of its own after z");
    }
}
