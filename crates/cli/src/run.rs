//! `tafukt run FILE`: runs a program against a world (a world file, a lesson's world, or an
//! empty 10 × 10 grid) and prints what it said, the final world, and any diagnostic, in the
//! chosen language.

use tafukt_i18n::Catalog;
use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::goals::{check_all, GoalStatus};
use tafukt_lesson::model::parse_lesson;
use tafukt_lesson::runner::run_to_end;
use tafukt_world::WorldSpec;

const EMPTY_WORLD: &str = r#"{"grid":{"width":10,"height":10,"robot":{"x":0,"y":0,"heading":"east"}}}"#;

pub fn main(args: &[String]) -> Result<bool, String> {
    let mut file = None;
    let mut lang = Lang::En;
    let mut world_file = None;
    let mut seed: Option<u64> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => {
                let tag = it.next().ok_or("--lang needs a language: en, fr, ar or zgh")?;
                lang = Lang::from_tag(tag).ok_or_else(|| format!("unknown language `{tag}`"))?;
            }
            "--world" => world_file = Some(it.next().ok_or("--world needs a file")?.clone()),
            "--seed" => {
                let n = it.next().ok_or("--seed needs a number")?;
                seed = Some(n.parse().map_err(|_| format!("--seed needs a whole number, not `{n}`"))?);
            }
            other if file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let file = file.ok_or("run needs a program file (or - for standard input)")?;
    let source = if file == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| e.to_string())?
    } else {
        std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?
    };
    let catalog = Catalog::new(lang);
    let (world, goals) = match &world_file {
        None => (serde_json::from_str::<WorldSpec>(EMPTY_WORLD).map_err(|e| e.to_string())?, vec![]),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            match serde_json::from_str::<WorldSpec>(&text) {
                Ok(w) => (w, vec![]),
                Err(_) => {
                    let lesson = parse_lesson(path, &text).map_err(|e| e.to_string())?;
                    (lesson.world, lesson.goals)
                }
            }
        }
    };
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
        let args: Vec<(&str, String)> = report
            .args
            .iter()
            .map(|(n, v)| (*n, if *n == "colour" { catalog.get(&format!("colour.{v}")) } else { v.clone() }))
            .collect();
        println!("goal {mark} {}", catalog.format(report.key, &args));
        ok &= report.status == GoalStatus::Met;
    }
    Ok(ok)
}
