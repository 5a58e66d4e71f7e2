//! Lesson fields only authors read (`names`, `other_solutions`): kept in lesson JSON, written
//! as nothing in the bundled, positional form, and a field of no size in the players (web
//! apps without `author`), which pay no code to read them.

use serde::{Deserializer, Serializer};

/// A field only authors read: its value in lesson JSON, and what players hold instead.
#[cfg(feature = "author")]
pub trait Authored: serde::Serialize + serde::de::DeserializeOwned + Default {}
#[cfg(feature = "author")]
impl<T: serde::Serialize + serde::de::DeserializeOwned + Default> Authored for T {}

#[cfg(not(feature = "author"))]
pub trait Authored: Default {}
#[cfg(not(feature = "author"))]
impl<T: Default> Authored for T {}

/// How an authored field is read and written (`#[serde(with = "crate::authored")]`): in
/// lesson JSON as its value; in the bundled form as nothing at all.
pub fn serialize<S: Serializer, T: Authored>(value: &T, to: S) -> Result<S::Ok, S::Error> {
    #[cfg(feature = "author")]
    if to.is_human_readable() {
        return serde::Serialize::serialize(value, to);
    }
    let _ = value;
    to.serialize_unit()
}

pub fn deserialize<'de, D: Deserializer<'de>, T: Authored>(from: D) -> Result<T, D::Error> {
    if !from.is_human_readable() {
        return Ok(T::default());
    }
    #[cfg(feature = "author")]
    return T::deserialize(from);
    #[cfg(not(feature = "author"))]
    return <serde::de::IgnoredAny as serde::Deserialize>::deserialize(from).map(|_| T::default());
}

/// Other right answers a lesson's author knows of, each a program in canonical English:
/// `tafukt check` runs each on every seed, and its mutation check does not call a changed
/// solution wrong when it is one of them (a wall followed the other way round).
#[cfg(feature = "author")]
pub type OtherSolutions = Vec<String>;

/// The players never check lessons: they hold no other solutions.
#[cfg(not(feature = "author"))]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct OtherSolutions;

/// Whether a lesson names no other solution (then its JSON leaves the field out).
pub fn no_other_solutions(other: &OtherSolutions) -> bool {
    #[cfg(feature = "author")]
    return other.is_empty();
    #[cfg(not(feature = "author"))]
    return *other == OtherSolutions;
}
