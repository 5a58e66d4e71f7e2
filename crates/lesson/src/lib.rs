//! Lessons: the strict JSON format, loading with friendly errors, goal checking, and the
//! runner that connects the language's VM to a world through the `Host` trait.

#[cfg(feature = "ai")]
pub mod ai_goals;
#[cfg(feature = "ai")]
pub mod ai_host;
#[cfg(feature = "ai")]
pub mod ai_maze;
#[cfg(feature = "ai")]
pub mod ai_road;
#[cfg(feature = "ai")]
pub mod ai_world;
#[cfg(feature = "arena")]
pub mod arena_host;
pub mod authored;
pub mod check;
pub mod circles;
pub mod goals;
pub mod golden;
pub mod host;
#[cfg(feature = "author")]
pub mod markdown;
pub mod model;
pub mod mutation;
pub mod names;
#[cfg(feature = "author")]
pub mod one_language;
#[cfg(feature = "later_units")]
mod pen_host;
pub mod problem;
pub mod progress_file;
pub mod rich;
pub mod runner;
#[cfg(feature = "share")]
pub mod share_link;

pub use goals::{Goal, GoalReport, GoalStatus};
pub use host::GridHost;
pub use model::{CourseIndex, Lesson, LoadError, Localized};
pub use runner::{run_to_end, RunOutcome};
