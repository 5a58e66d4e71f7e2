//! Hostile lesson folders through `tafukt check` and `tafukt bundle`, and bad arguments to
//! every subcommand: one bad file gives one FAIL line and the rest is still checked, bundle
//! refuses what check refuses and writes nothing, nothing is written outside OUT_DIR, every
//! size has a limit. Each test is named after the bug it pins.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

/// The sound lesson every folder starts from (`id` "lesson", one seed).
fn sound() -> Value {
    let text = include_str!("fixtures/lesson.json");
    serde_json::from_str(text).unwrap()
}

/// A fresh folder for one test: `lessons/` with an index naming `listed`, and `out/`.
fn folder(test: &str, lessons: &[(&str, Value)], listed: &[&str]) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile").join(test);
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("lessons");
    std::fs::create_dir_all(&dir).unwrap();
    let index = json!({"schema_version": 1, "courses": [{"id": "c", "title": {"en": "C"},
        "units": [{"id": "u", "title": {"en": "U"}, "lessons": listed}]}]});
    std::fs::write(dir.join("index.json"), index.to_string()).unwrap();
    for (file, lesson) in lessons {
        std::fs::write(dir.join(file), lesson.to_string()).unwrap();
    }
    root
}

fn lesson(id: &str) -> Value {
    let mut l = sound();
    l["id"] = json!(id);
    l
}

fn tafukt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tafukt")).args(args).output().unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn check(root: &Path) -> Output {
    tafukt(&["check", root.join("lessons").to_str().unwrap()])
}

fn bundle(root: &Path) -> Output {
    let messages = concat!(env!("CARGO_MANIFEST_DIR"), "/../i18n/messages");
    bundle_with(root, messages)
}

fn bundle_with(root: &Path, messages: &str) -> Output {
    let (lessons, out) = (root.join("lessons"), root.join("out"));
    tafukt(&["bundle", lessons.to_str().unwrap(), messages, out.to_str().unwrap()])
}

#[test]
fn check_panicked_on_an_overflowing_seeded_range_and_checked_no_other_lesson() {
    let mut bad = lesson("b");
    bad["world"]["grid"]["variants"] = json!({"seeds": [1], "rules": [
        {"item_count": {"x": 0, "y": 0, "kind": "olive", "min": 0, "max": u32::MAX}}]});
    let mut counts = lesson("c");
    counts["world"]["grid"]["items"] = json!([{"x": 0, "y": 0, "kind": "olive", "count": u32::MAX},
        {"x": 0, "y": 0, "kind": "olive", "count": 2}]);
    let root = folder(
        "overflow",
        &[("a.json", lesson("a")), ("b.json", bad), ("c.json", counts), ("d.json", lesson("d"))],
        &["a", "b", "c", "d"],
    );
    let out = check(&root);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert_eq!(lines[0], "ok   a");
    assert_eq!(
        lines[1],
        "FAIL b: b.json: world: the world holds up to 4294967295 items; at most 10000 are allowed"
    );
    assert_eq!(
        lines[2],
        "FAIL c: c.json: world: the world holds up to 4294967297 items; at most 10000 are allowed"
    );
    assert_eq!(lines[3], "ok   d");
    assert_eq!(lines[4], "2 of 4 lessons failed");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{}", text(&out));
}

#[test]
fn bundle_wrote_outside_its_folder_for_an_id_with_dot_dot_or_an_absolute_path() {
    let escape = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile/escaped");
    let _ = std::fs::remove_dir_all(&escape);
    let absolute = escape.join("abs").to_str().unwrap().to_string();
    let root = folder(
        "escape",
        &[("a.json", lesson("../../../escaped/a")), ("b.json", lesson(&absolute)), ("c.json", lesson("c"))],
        &["a", "b", "c", "../../escaped/x"],
    );
    let out = check(&root);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL a: id `../../../escaped/a` must be the file name, `a`"), "{stdout}");
    assert!(stdout.contains(&format!("FAIL b: id `{absolute}` must be the file name, `b`")), "{stdout}");
    assert!(
        stdout.contains("FAIL ../../escaped/x: index.json names it, but a lesson id is a plain file name")
    );
    assert!(stdout.contains("ok   c\n") && stdout.ends_with("3 of 4 lessons failed\n"), "{stdout}");
    let out = bundle(&root);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("bundle refused: 3 of 4 lessons fail `tafukt check`; nothing was written"));
    assert!(!escape.exists(), "nothing is written outside the output folder");
    assert!(!root.join("out").exists(), "nothing is written at all");
}

#[test]
fn bundle_skipped_the_checks_and_bundled_a_lesson_with_a_missing_image() {
    let mut l = lesson("lesson");
    l["instructions"]["en"] = json!("Look: ![an olive](img/olive.svg)");
    let root = folder("image", &[("lesson.json", l)], &["lesson"]);
    let expected = "FAIL lesson: image `img/olive.svg` is not in the lesson folder";
    assert!(String::from_utf8_lossy(&check(&root).stdout).contains(expected));
    let out = bundle(&root);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains(expected), "{}", text(&out));
    assert!(!root.join("out").exists());
    // Once the image is there (and small), the same folder bundles.
    std::fs::create_dir_all(root.join("lessons/img")).unwrap();
    std::fs::write(root.join("lessons/img/olive.svg"), "<svg/>").unwrap();
    let out = bundle(&root);
    assert!(out.status.success(), "{}", text(&out));
    assert!(root.join("out/lessons/img/olive.svg").is_file());
    assert!(root.join("out/lessons/fr/lesson.bin").is_file());
}

#[test]
fn a_50_mb_lesson_was_bundled_for_every_device() {
    let mut big = lesson("big");
    big["hints"] = json!([{"en": "x".repeat(200 * 1024)}]);
    let mut wide = lesson("wide");
    wide["world"]["grid"]["width"] = json!(100_000);
    let mut seeds = lesson("seeds");
    let many: Vec<u64> = (0..1000).collect();
    seeds["world"]["grid"]["variants"] = json!({"seeds": many, "rules": []});
    let mut walls = lesson("walls");
    walls["world"]["grid"]["walls"] = json!(vec![json!({"x": 0, "y": 0, "side": "east"}); 2_001]);
    let lessons = [("big.json", big), ("wide.json", wide), ("seeds.json", seeds), ("walls.json", walls)];
    let root = folder("sizes", &lessons, &["big", "wide", "seeds", "walls"]);
    let stdout = String::from_utf8_lossy(&check(&root).stdout).to_string();
    for line in [
        "FAIL big: big.json: the file is over 128 KB, the most allowed",
        "FAIL wide: wide.json: world: grid size 100000×4 must be between 1 and 100",
        "FAIL seeds: world: variants.seeds has 1000 entries; at most 20 are allowed",
        "FAIL walls: world: walls has 2001 entries; at most 2000 are allowed",
        "4 of 4 lessons failed",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
    assert_eq!(bundle(&root).status.code(), Some(2));
    assert!(!root.join("out").exists());
}

#[test]
fn bundle_took_a_catalogue_of_any_size() {
    let root = folder("catalogue", &[("lesson.json", lesson("lesson"))], &["lesson"]);
    let messages = root.join("messages");
    std::fs::create_dir_all(&messages).unwrap();
    for tag in ["en", "fr", "ar", "zgh"] {
        std::fs::write(messages.join(format!("{tag}.txt")), "ui.run = Run\n").unwrap();
    }
    std::fs::write(messages.join("fr.txt"), "ui.run = Lancer\n".repeat(20_000)).unwrap();
    let out = bundle_with(&root, messages.to_str().unwrap());
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("fr.txt: the file is over 128 KB, the most allowed"), "{}", text(&out));
    assert!(!root.join("out").exists());
}

#[test]
fn check_said_only_that_the_solution_does_not_meet_every_goal() {
    let mut wall = lesson("wall");
    wall["solution"] = json!("move\nmove\nmove\nmove\n");
    let mut endless = lesson("endless");
    endless["solution"] = json!("move\nwhile true\n  turn left\nend\n");
    endless["toolbox"] = json!(["move", "turn_left", "turn_right", "repeat", "while"]);
    let mut lost = lesson("lost");
    lost["solution"] = json!("turn left\nrepeat 3 times\n  turn left\nend\n");
    let lessons = [("wall.json", wall), ("endless.json", endless), ("lost.json", lost)];
    let root = folder("failures", &lessons, &["wall", "endless", "lost"]);
    let stdout = String::from_utf8_lossy(&check(&root).stdout).to_string();
    let wall_line = "FAIL wall: the solution fails on seed 0: line 4: The robot bumped into a wall.";
    assert!(stdout.contains(wall_line), "{stdout}");
    let endless_line = "FAIL endless: the solution fails on seed 0: line 2: The robot goes round in circles";
    assert!(stdout.contains(endless_line), "{stdout}");
    let goal_line = "FAIL lost: the solution does not meet a goal on seed 0: Bring the robot to the flag";
    assert!(stdout.contains(goal_line), "{stdout}");
}

#[test]
fn run_help_opened_a_file_named_help() {
    for (command, first) in [
        ("run", "usage: tafukt run FILE"),
        ("check", "usage: tafukt check"),
        ("bundle", "usage: tafukt bundle"),
        ("schema", "usage: tafukt schema"),
        ("thumbnails", "usage: tafukt thumbnails"),
    ] {
        for help in ["--help", "-h"] {
            let out = tafukt(&[command, help]);
            assert!(out.status.success(), "{command} {help}: {}", text(&out));
            assert!(String::from_utf8_lossy(&out.stdout).starts_with(first), "{command}: {}", text(&out));
        }
        let out = tafukt(&[command, "--no-such-option"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("unknown option `--no-such-option`") && stderr.contains(first), "{stderr}");
    }
    for args in [
        &["run"][..],
        &["run", "a", "b"],
        &["run", "a", "--seed", "x"],
        &["run", "a", "--lang"],
        &["frob"],
        &[],
    ] {
        let out = tafukt(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"), "{args:?}");
    }
    assert!(tafukt(&["--help"]).status.success());
}
