//! Golden programs: every `tests/programs/*.tfk` runs on an empty 10 × 10 grid (robot at the
//! top-left facing east) and must produce what its comments expect:
//! `# lang: fr`, `# expect: <said text>` (in order), `# expect world: <summary prefix>`,
//! `# expect error: <message key> line <n>`.

use std::path::Path;

use tafukt_lang::{Halt, Lang, Limits};
use tafukt_lesson::runner::run_to_end;
use tafukt_world::WorldSpec;

const EMPTY_WORLD: &str = r#"{"kind":"grid","width":10,"height":10,"robot":{"x":0,"y":0,"heading":"east"}}"#;

struct Expected {
    lang: Lang,
    said: Vec<String>,
    world: Option<String>,
    error: Option<(String, usize)>,
}

fn expectations(src: &str) -> Expected {
    let mut e = Expected { lang: Lang::En, said: vec![], world: None, error: None };
    for line in src.lines().map(str::trim) {
        if let Some(tag) = line.strip_prefix("# lang:") {
            e.lang = Lang::from_tag(tag.trim()).expect("known language");
        } else if let Some(text) = line.strip_prefix("# expect world:") {
            e.world = Some(text.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("# expect error:") {
            let (key, line_no) = rest.trim().split_once(" line ").expect("`<key> line <n>`");
            e.error = Some((key.to_string(), line_no.trim().parse().expect("line number")));
        } else if let Some(text) = line.strip_prefix("# expect:") {
            e.said.push(text.trim().to_string());
        }
    }
    e
}

fn run_one(path: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let want = expectations(&src);
    let world: WorldSpec = serde_json::from_str(EMPTY_WORLD).map_err(|e| e.to_string())?;
    let (said, summary, error) = match run_to_end(&src, want.lang, &world, Limits::default()) {
        Err(d) => (vec![], None, Some((d.code.key(), d.span(&Default::default()).line(&src)))),
        Ok(o) => {
            let error = match &o.halt {
                Halt::Faulted(d) => Some((d.code.key(), d.span(&o.program).line(&src))),
                _ => None,
            };
            (o.world.said.clone(), Some(o.world.summary()), error)
        }
    };
    if said != want.said {
        return Err(format!("said {said:?}, expected {:?}", want.said));
    }
    if error != want.error {
        return Err(format!("error {error:?}, expected {:?}", want.error));
    }
    if let Some(prefix) = &want.world {
        let summary = summary.unwrap_or_default();
        if !summary.starts_with(prefix.as_str()) {
            return Err(format!("world `{summary}`, expected it to start with `{prefix}`"));
        }
    }
    Ok(())
}

#[test]
fn golden_programs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tfk"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "only {} golden programs", paths.len());
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            run_one(p).err().map(|e| format!("{}: {e}", p.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} golden programs failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}
