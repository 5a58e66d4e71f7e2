//! Runs every pathological program in `tests/hostile/` (issue 12): pasted, nested, endless
//! or oversized programs a pupil can write, each of which must end with the message its
//! comments expect (`tafukt_lesson::golden` format), never a crash or a hang. Each takes a
//! small fraction of a second natively; the slowest are printed, not asserted (timing in
//! a shared test machine is noise).

use std::path::Path;
use std::time::Instant;

use tafukt_lesson::golden::check;

#[test]
fn hostile_programs_end_with_their_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/hostile exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tfk"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 25, "only {} hostile programs", paths.len());
    let mut times = Vec::new();
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let started = Instant::now();
            let result = std::fs::read_to_string(p).map_err(|e| e.to_string()).and_then(|s| check(&s));
            times.push((started.elapsed(), name.clone()));
            result.err().map(|e| format!("{name}: {e}"))
        })
        .collect();
    times.sort();
    for (took, name) in times.iter().rev().take(5) {
        println!("{:>6} ms  {name}", took.as_millis());
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), paths.len(), failures.join("\n"));
}
