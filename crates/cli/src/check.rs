//! `tafukt check DIR`: loads the course index and every lesson it names (and any other lesson
//! file in the folder), checks each (`lessons`), prints one line per lesson and the total
//! last, whatever any one lesson holds.

use std::path::Path;

use crate::args::{Args, Stop};

pub const USAGE: &str = "usage: tafukt check [LESSONS_DIR]
  check every lesson of LESSONS_DIR (default: lessons): one line per lesson, then the total";

pub fn main(args: &[String]) -> Result<bool, Stop> {
    let dirs = Args::new(args)?.finish(1)?;
    let dir = Path::new(dirs.first().map_or("lessons", String::as_str));
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
