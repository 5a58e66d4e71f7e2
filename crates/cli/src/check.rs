//! `tafukt check DIR`: loads the course index and every lesson it names (and any other lesson
//! file in the folder), checks each (`lessons`), prints one line per lesson and the total
//! last, whatever any one lesson holds. `tafukt check FILE.json`: one lesson of a teacher's
//! own (from the studio), checked the same way, in the languages it is written in.

use std::path::Path;

use tafukt_lesson::check::MAX_LESSON_BYTES;
use tafukt_lesson::problem::Scope;

use crate::args::{Args, Stop};
use crate::lessons::{check_file_in, read_limited};

pub const USAGE: &str = "usage: tafukt check [LESSONS_DIR | LESSON.json]
  check every lesson of LESSONS_DIR (default: lessons): one line per lesson, then the total;
  or one lesson file of a teacher's own (as the studio exports it)";

pub fn main(args: &[String]) -> Result<bool, Stop> {
    let dirs = Args::new(args)?.finish(1)?;
    let dir = Path::new(dirs.first().map_or("lessons", String::as_str));
    if dir.extension().is_some_and(|e| e == "json") && dir.is_file() {
        return Ok(one_file(dir));
    }
    let folder = crate::lessons::read_folder(dir)?;
    for line in folder.report() {
        println!("{line}");
    }
    let (failures, total) = (folder.failures(), folder.lessons.len());
    let warned = folder.warnings();
    if warned > 0 {
        println!("{warned} lessons warned: a wrong program passes them too");
    }
    if failures == 0 {
        println!("{total} lessons ok");
    } else {
        println!("{failures} of {total} lessons failed");
    }
    Ok(failures == 0)
}

/// Checks one teacher's lesson file: prints `ok   id`, `warn id: …` or `FAIL file: …`.
fn one_file(path: &Path) -> bool {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("lesson.json");
    let dir = path.parent().unwrap_or(Path::new("."));
    let words = crate::lessons::English::new();
    let checked = read_limited(path, MAX_LESSON_BYTES)
        .map_err(|e| vec![format!("{file}: {e}")])
        .and_then(|text| check_file_in(dir, file, &text, &words, Scope::Own));
    match checked {
        Ok(lesson) => {
            let warnings = tafukt_lesson::mutation::warnings(&lesson);
            if warnings.is_empty() {
                println!("ok   {}", lesson.id);
            } else {
                println!("warn {}: {}", lesson.id, warnings.join("; "));
            }
            true
        }
        Err(problems) => {
            println!("FAIL {file}: {}", problems.join("; "));
            false
        }
    }
}
