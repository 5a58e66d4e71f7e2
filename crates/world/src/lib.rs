//! Tafukt's robot worlds. They know nothing of the language: the lesson crate connects a
//! world to the VM through the language's `Host` trait. Everything here is deterministic.

#[cfg(feature = "ai")]
pub mod ai;
#[cfg(feature = "arena")]
pub mod arena;
pub mod drawing;
pub mod grid;
#[cfg(feature = "puzzles")]
pub mod maze;
pub mod pen;
#[cfg(feature = "puzzles")]
pub mod puzzle;
pub mod rng;
pub mod sorted;
pub mod spec;
#[cfg(feature = "arena")]
pub mod thumbnail;
pub mod world;

#[cfg(feature = "arena")]
pub use arena::Arena;
pub use grid::{Dir, Fault, GridWorld, Robot};
pub use pen::{Pen, Stroke};
pub use spec::{ArenaSpec, GridSpec, RandomRule, Variants, WorldSpec};
pub use world::World;
