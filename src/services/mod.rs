//! Web glue: the only modules that touch browser APIs besides the components.

pub mod boot;
pub mod fetch;
pub mod page;
pub mod storage;
