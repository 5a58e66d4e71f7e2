//! Runs every golden program in `tests/programs/` (see `tafukt_lesson::golden`).

use std::path::Path;

use tafukt_lesson::golden::check;

#[test]
fn golden_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tfk"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "only {} golden programs", paths.len());
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .map_err(|e| e.to_string())
                .and_then(|s| check(&s))
                .err()
                .map(|e| format!("{}: {e}", p.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} golden programs failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}
