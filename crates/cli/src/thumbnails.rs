//! `tafukt thumbnails DIR` draws each lesson's world (its first variant) as a small SVG in
//! `DIR/thumbs/`, for the course map; `--check` fails if one is stale or missing.

use std::path::Path;

use crate::args::{Args, Stop};

use tafukt_lesson::model::{parse_index, parse_lesson};
use tafukt_lesson::runner::{seeds, world_from};
use tafukt_world::thumbnail;

fn thumbnails(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).map_err(|e| format!("{file}: {e}"));
    let index = parse_index("index.json", &read("index.json")?).map_err(|e| e.to_string())?;
    index
        .lesson_ids()
        .into_iter()
        .map(|id| {
            // The id names the file read and the one written: never `../`.
            if !tafukt_lesson::check::is_plain_id(&id) {
                return Err(format!("index.json names `{id}`, but a lesson id is a plain file name"));
            }
            let file = format!("{id}.json");
            let lesson = parse_lesson(&file, &read(&file)?).map_err(|e| e.to_string())?;
            let seed = seeds(&lesson.world)[0];
            let guides = tafukt_lesson::goals::guides(&lesson.goals);
            Ok((format!("{id}.svg"), thumbnail::svg(&world_from(&lesson.world, seed), &guides)))
        })
        .collect()
}

pub const USAGE: &str = "usage: tafukt thumbnails [LESSONS_DIR] [--check]
  write (or with --check, check) each lesson's world as a small SVG in LESSONS_DIR/thumbs";

pub fn main(args: &[String]) -> Result<bool, Stop> {
    let mut args = Args::new(args)?;
    let check = args.switch("--check");
    let dirs = args.finish(1)?;
    let dir = Path::new(dirs.first().map_or("lessons", String::as_str));
    let files = thumbnails(dir)?;
    Ok(crate::generated::write_or_check(
        &dir.join("thumbs"),
        files,
        check,
        &format!("tafukt thumbnails {}", dir.display()),
    )?)
}
