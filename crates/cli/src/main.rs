//! `tafukt`: the teacher's and CI's command line. `check` validates every lesson natively;
//! `run` runs a program and prints what it said, the final world and any diagnostic;
//! `bundle` writes what the app loads; `schema` and `thumbnails` keep generated files in
//! step with the sources. The subcommands live in the library (`tafukt_cli`).

use std::process::ExitCode;

fn main() -> ExitCode {
    // Lossy, not `args()`: an argument that is not UTF-8 gets a message, not a panic.
    let args: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    tafukt_cli::main(&args)
}
