//! `tafukt schema DIR` writes the JSON Schemas of the lesson and course-index formats,
//! generated from the Rust types (so they cannot drift); `--check` fails if the files in DIR
//! are stale. Lesson files point at them with `$schema`, so editors autocomplete.

use std::path::Path;

use crate::args::{Args, Stop};

use tafukt_lesson::model::{CourseIndex, Lesson};
use tafukt_world::WorldSpec;

fn schemas() -> Result<Vec<(String, String)>, String> {
    let pretty =
        |s: schemars::Schema| serde_json::to_string_pretty(&s).map(|t| t + "\n").map_err(|e| e.to_string());
    Ok(vec![
        ("lesson.schema.json".into(), pretty(schemars::schema_for!(Lesson))?),
        ("index.schema.json".into(), pretty(schemars::schema_for!(CourseIndex))?),
        ("world.schema.json".into(), pretty(schemars::schema_for!(WorldSpec))?),
    ])
}

pub const USAGE: &str = "usage: tafukt schema [DIR] [--check]
  write (or with --check, check) the JSON Schemas of the lesson formats (default: lessons/schema)";

pub fn main(args: &[String]) -> Result<bool, Stop> {
    let mut args = Args::new(args)?;
    let check = args.switch("--check");
    let dirs = args.finish(1)?;
    let dir = Path::new(dirs.first().map_or("lessons/schema", String::as_str));
    Ok(crate::generated::write_or_check(dir, schemas()?, check, &format!("tafukt schema {}", dir.display()))?)
}
