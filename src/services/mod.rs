//! Web glue: the only modules that touch browser APIs besides the components.

pub mod boot;
pub mod fetch;
#[cfg(feature = "full")]
pub mod files;
pub mod page;
pub mod storage;
