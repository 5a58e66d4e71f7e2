//! `tafukt`: the teacher's and CI's command line. `check` validates every lesson natively;
//! `run` runs a program and prints what it said, the final world and any diagnostic;
//! `schema` and `thumbnails` keep generated files in step with the sources.

mod bundle;
mod check;
mod generated;
mod markdown;
mod offline;
mod run;
mod schema;
mod thumbnails;

use std::process::ExitCode;

const USAGE: &str = "usage:
  tafukt check [LESSONS_DIR]                      check every lesson (default: lessons)
  tafukt run FILE [--lang en|fr|ar|zgh] [--world FILE [--seed N]]
                                                  run a program; FILE may be - for stdin;
                                                  --world takes a world or lesson JSON file,
                                                  --seed picks one of its variants
  tafukt schema [DIR] [--check]                   write (or check) the JSON Schemas of the
                                                  lesson formats (default: lessons/schema)
  tafukt thumbnails [LESSONS_DIR] [--check]       write (or check) each lesson's world as a
                                                  small SVG in LESSONS_DIR/thumbs
  tafukt bundle LESSONS_DIR MESSAGES_DIR [OUT_DIR] lessons and catalogues as the app loads
                                                  them: one folder per language, Markdown
                                                  converted, catalogues split (OUT_DIR
                                                  defaults to trunk's staging dir)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check::main(&args[1..]),
        Some("run") => run::main(&args[1..]),
        Some("schema") => schema::main(&args[1..]),
        Some("thumbnails") => thumbnails::main(&args[1..]),
        Some("bundle") => bundle::main(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
