//! The command line as teachers and CI use it: schemas not stale, every lesson checked, a
//! program run against a continuous arena.

use std::process::Command;

#[test]
fn lesson_schemas_are_not_stale() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/schema");
    let out = Command::new(env!("CARGO_BIN_EXE_tafukt")).args(["schema", dir, "--check"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn lesson_thumbnails_are_not_stale() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons");
    let out =
        Command::new(env!("CARGO_BIN_EXE_tafukt")).args(["thumbnails", dir, "--check"]).output().unwrap();
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

#[test]
fn a_program_drives_the_continuous_robot_and_stops_before_the_wall() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/arenas");
    let out = Command::new(env!("CARGO_BIN_EXE_tafukt"))
        .args(["run", &format!("{root}/stop-before-wall.tfk"), "--world", &format!("{root}/corridor.json")])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("said: 10\n"), "{stdout}");
    assert!(stdout.contains("world: robot at (105.0, 30.0)"), "{stdout}");
}

/// A teacher's own lesson, in the two languages its class reads, as the studio exports it.
#[test]
fn a_teachers_lesson_file_is_checked_on_its_own_in_its_languages() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/own/my-olive.json");
    let out = Command::new(env!("CARGO_BIN_EXE_tafukt")).args(["check", file]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(stdout, "ok   my-olive\n");

    // The same lesson with a solution that stops short: refused, with the goal it misses.
    let dir = std::env::temp_dir().join(format!("tafukt-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wrong = std::fs::read_to_string(file).unwrap().replace("repeat 3 times", "repeat 2 times");
    let path = dir.join("my-olive.json");
    std::fs::write(&path, wrong).unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_tafukt")).args(["check", path.to_str().unwrap()]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.starts_with("FAIL my-olive.json: the solution does not meet a goal on seed 0"),
        "{stdout}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
