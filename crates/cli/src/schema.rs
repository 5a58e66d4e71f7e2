//! `tafukt schema DIR` writes the JSON Schemas of the lesson and course-index formats,
//! generated from the Rust types (so they cannot drift); `--check` fails if the files in DIR
//! are stale. Lesson files point at them with `$schema`, so editors autocomplete.

use std::path::Path;

use tafukt_lesson::model::{CourseIndex, Lesson};
use tafukt_world::WorldSpec;

fn schemas() -> Result<Vec<(&'static str, String)>, String> {
    let pretty =
        |s: schemars::Schema| serde_json::to_string_pretty(&s).map(|t| t + "\n").map_err(|e| e.to_string());
    Ok(vec![
        ("lesson.schema.json", pretty(schemars::schema_for!(Lesson))?),
        ("index.schema.json", pretty(schemars::schema_for!(CourseIndex))?),
        ("world.schema.json", pretty(schemars::schema_for!(WorldSpec))?),
    ])
}

pub fn main(args: &[String]) -> Result<bool, String> {
    let check = args.iter().any(|a| a == "--check");
    let dir = args.iter().find(|a| !a.starts_with("--")).map_or("lessons/schema", String::as_str);
    let dir = Path::new(dir);
    let mut ok = true;
    for (name, text) in schemas()? {
        let path = dir.join(name);
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current != text {
                println!("stale: {} (run `tafukt schema {}`)", path.display(), dir.display());
                ok = false;
            } else {
                println!("ok   {}", path.display());
            }
        } else {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    Ok(ok)
}
