//! `tafukt run FILE`: runs a program against a world (a world file, a lesson's world, or an
//! empty 10 × 10 grid) and prints what it said, the final world, and any diagnostic, in the
//! chosen language.

use tafukt_i18n::Catalog;
use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{check_all, GoalReport, GoalStatus};
use tafukt_lesson::model::parse_lesson;
use tafukt_lesson::runner::run_to_end;
use tafukt_world::WorldSpec;

use crate::args::{Args, Stop};

pub const USAGE: &str = "usage: tafukt run FILE [--lang en|fr|ar|zgh] [--world FILE [--seed N]]
  run a program (FILE may be - for standard input) and print what it said, the final world
  and any error; --world takes a world or lesson JSON file (default: an empty 10 × 10 grid),
  --seed picks one of its variants";

const EMPTY_WORLD: &str = r#"{"grid":{"width":10,"height":10,"robot":{"x":0,"y":0,"heading":"east"}}}"#;

pub fn main(args: &[String]) -> Result<bool, Stop> {
    let mut args = Args::new(args)?;
    let lang = match args.value("--lang")? {
        None => Lang::En,
        Some(tag) => Lang::from_tag(&tag)
            .ok_or_else(|| Stop::Usage(format!("unknown language `{tag}`: en, fr, ar or zgh")))?,
    };
    let world_file = args.value("--world")?;
    let seed: Option<u64> = match args.value("--seed")? {
        None => None,
        Some(n) => {
            Some(n.parse().map_err(|_| Stop::Usage(format!("--seed needs a whole number, not `{n}`")))?)
        }
    };
    let file = args
        .finish(1)?
        .pop()
        .ok_or_else(|| Stop::Usage("run needs a program file (or - for standard input)".into()))?;
    let source = if file == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| e.to_string())?
    } else {
        std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?
    };
    let catalog = Catalog::new(lang);
    let (world, goals) = match &world_file {
        None => (serde_json::from_str::<WorldSpec>(EMPTY_WORLD).map_err(|e| e.to_string())?, vec![]),
        Some(path) => {
            let text = crate::lessons::read_limited(path.as_ref(), tafukt_lesson::check::MAX_LESSON_BYTES)
                .map_err(|e| format!("{path}: {e}"))?;
            match serde_json::from_str::<WorldSpec>(&text) {
                Ok(w) => (w, vec![]),
                Err(_) => {
                    let lesson = parse_lesson(path, &text).map_err(|e| e.to_string())?;
                    (lesson.world, lesson.goals)
                }
            }
        }
    };
    // A world file is read without a lesson's validation: refuse what cannot be built.
    if let Some(p) = world.problems().into_iter().chain(tafukt_lesson::check::world_limits(&world)).next() {
        return Err(Stop::Failed(format!("{}: world: {p}", world_file.unwrap_or_default())));
    }
    // Without --seed, the first of the world's own seeds.
    let seed = seed.unwrap_or_else(|| tafukt_lesson::runner::seeds(&world)[0]);
    let outcome = match run_to_end(&source, lang, &world, seed, Limits::default()) {
        Ok(o) => o,
        Err(d) => {
            let line = d.span(&tafukt_lang::Program::default()).line(&source);
            println!(
                "error: {}: {}",
                catalog.format("ui.line", &[("line", line.to_string())]),
                catalog.diagnostic(&d)
            );
            return Ok(false);
        }
    };
    for said in outcome.world.said() {
        println!("said: {said}");
    }
    println!("world: {}", outcome.world.summary());
    let mut ok = true;
    if let Halt::Faulted(d) = &outcome.halt {
        let line = d.span(&outcome.program).line(&source);
        println!(
            "error: {}: {}",
            catalog.format("ui.line", &[("line", line.to_string())]),
            catalog.diagnostic(d)
        );
        ok = false;
    }
    for report in check_all(&goals, &outcome.world) {
        let mark = if report.status == GoalStatus::Met { "✓" } else { "✗" };
        println!("goal {mark} {}", goal_text(&catalog, &report));
        ok &= report.status == GoalStatus::Met;
    }
    Ok(ok)
}

/// A goal's line in the catalogue's language (colours named in it too).
pub fn goal_text(catalog: &Catalog, report: &GoalReport) -> String {
    let args: Vec<(&str, String)> = report
        .args
        .iter()
        .map(|(n, v)| (*n, if *n == "colour" { catalog.get(&format!("colour.{v}")) } else { v.clone() }))
        .collect();
    catalog.format(report.key, &args)
}
