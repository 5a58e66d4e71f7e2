//! Tafukt's runtime: bytecode, values, the `Host` door to a world, safety limits,
//! diagnostics as data, and the resumable VM. Kept apart from the front end (parser,
//! printer, compiler in `tafukt-lang`) so the release build can optimise this crate for speed
//! and the rest for size.

pub mod builtins;
pub mod chunk;
pub mod diagnostic;
pub mod disasm;
pub mod host;
pub mod ids;
pub mod limits;
#[cfg(feature = "lists")]
pub mod lists;
pub use tafukt_number as number;
pub mod value;
pub mod vm;

pub use builtins::Builtin;
pub use diagnostic::{Code, Diagnostic};
pub use host::{Host, HostFault};
pub use ids::{NodeId, Span};
pub use limits::Limits;
pub use vm::{Halt, Vm};
