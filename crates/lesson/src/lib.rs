//! Lessons: the strict JSON format, loading with friendly errors, goal checking, and the
//! runner that connects the language's VM to a world through the `Host` trait.

#[cfg(feature = "arena")]
pub mod arena_host;
pub mod check;
pub mod goals;
pub mod golden;
pub mod host;
pub mod model;
mod pen_host;
pub mod rich;
pub mod runner;

pub use goals::{Goal, GoalReport, GoalStatus};
pub use host::GridHost;
pub use model::{CourseIndex, Lesson, LoadError, Localized};
pub use runner::{run_to_end, RunOutcome};
