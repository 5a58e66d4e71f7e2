//! Fuzz target: any bytes as a lesson file go through what `tafukt check` runs on one lesson
//! (size limits, strict JSON, id, world limits, the solution and starter on every seed, the
//! Markdown and images) without panicking, running out of memory or hanging.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tafukt_cli::lessons::{check_file, English};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // A folder that does not exist: every image is missing, nothing is read outside.
    let dir = Path::new("/nonexistent/tafukt-fuzz");
    // check_file catches panics for the command line, but libFuzzer's panic hook aborts
    // first, so a panic here is still a finding.
    let _ = check_file(dir, "fuzz.json", text, &English::new());
});
