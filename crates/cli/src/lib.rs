//! The `tafukt` command line's subcommands as a library, so the integration tests and the
//! fuzz targets go through the very code teachers and CI run (`lessons::check_file`).

pub mod args;
pub mod bundle;
pub mod check;
mod generated;
pub mod lessons;
mod offline;
pub mod run;
mod schema;
mod thumbnails;

use std::process::ExitCode;

use args::Stop;

const USAGE: &str = "usage: tafukt COMMAND [ARGS] (tafukt COMMAND --help tells more)
  tafukt check [LESSONS_DIR]                      check every lesson (default: lessons)
  tafukt run FILE [--lang en|fr|ar|zgh] [--world FILE [--seed N]]
                                                  run a program; FILE may be - for stdin
  tafukt schema [DIR] [--check]                   write (or check) the lesson formats' JSON
                                                  Schemas (default: lessons/schema)
  tafukt thumbnails [LESSONS_DIR] [--check]       write (or check) each lesson's thumbnail
  tafukt bundle [LESSONS_DIR [MESSAGES_DIR [OUT_DIR]]]
                                                  lessons and catalogues as the app loads them";

type Command = fn(&[String]) -> Result<bool, Stop>;

const COMMANDS: [(&str, &str, Command); 5] = [
    ("check", check::USAGE, check::main),
    ("run", run::USAGE, run::main),
    ("schema", schema::USAGE, schema::main),
    ("thumbnails", thumbnails::USAGE, thumbnails::main),
    ("bundle", bundle::USAGE, bundle::main),
];

/// Runs the command line (`args` without the program's name): 0 when all is well, 1 when a
/// check failed, 2 for bad arguments or a failure to do the work.
pub fn main(args: &[String]) -> ExitCode {
    let Some(name) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if ["--help", "-h", "help"].contains(&name.as_str()) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let Some((_, usage, command)) = COMMANDS.iter().find(|(n, _, _)| n == name) else {
        eprintln!("tafukt: unknown command `{name}`\n{USAGE}");
        return ExitCode::from(2);
    };
    match command(&args[1..]) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Stop::Help) => {
            println!("{usage}");
            ExitCode::SUCCESS
        }
        Err(Stop::Usage(message)) => {
            eprintln!("tafukt {name}: {message}\n{usage}");
            ExitCode::from(2)
        }
        Err(Stop::Failed(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
