//! The checked-in JSON Schemas match the Rust types; regenerate with `tafukt schema`.

use std::process::Command;

#[test]
fn lesson_schemas_are_not_stale() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/schema");
    let out = Command::new(env!("CARGO_BIN_EXE_tafukt")).args(["schema", dir, "--check"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn every_lesson_check_passes_through_the_command_line() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons");
    let out = Command::new(env!("CARGO_BIN_EXE_tafukt")).args(["check", dir]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.trim_end().ends_with("lessons ok"), "{stdout}");
}
