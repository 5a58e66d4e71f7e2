//! Golden programs: a program file whose comments say what it must do. It runs on an empty
//! 10 × 10 grid (robot at the top-left facing east), or on the world of a `# world: <JSON>`
//! line (one line, run with its first seed: the AI programs need items and a learner).
//! Comments: `# lang: fr`, `# expect: <said text>` (in order), `# expect world: <summary
//! prefix>`, `# expect error: <message key> line <n>`. Used by the native harness and the
//! wasm sample.

use tafukt_lang::{Halt, Lang, Limits};
use tafukt_world::WorldSpec;

use crate::runner::run_to_end;

const EMPTY_WORLD: &str = r#"{"grid":{"width":10,"height":10,"robot":{"x":0,"y":0,"heading":"east"}}}"#;

struct Expected {
    lang: Lang,
    world_spec: Option<String>,
    said: Vec<String>,
    world: Option<String>,
    error: Option<(String, usize)>,
}

fn expectations(src: &str) -> Expected {
    let mut e = Expected { lang: Lang::En, world_spec: None, said: vec![], world: None, error: None };
    for line in src.lines().map(str::trim) {
        if let Some(tag) = line.strip_prefix("# lang:") {
            e.lang = Lang::from_tag(tag.trim()).unwrap_or_default();
        } else if let Some(json) = line.strip_prefix("# world:") {
            e.world_spec = Some(json.trim().to_string());
        } else if let Some(text) = line.strip_prefix("# expect world:") {
            e.world = Some(text.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("# expect error:") {
            if let Some((key, line_no)) = rest.trim().split_once(" line ") {
                e.error = Some((key.to_string(), line_no.trim().parse().unwrap_or(0)));
            }
        } else if let Some(text) = line.strip_prefix("# expect:") {
            e.said.push(text.trim().to_string());
        }
    }
    e
}

/// Runs one golden program and compares what it did with what its comments expect.
pub fn check(src: &str) -> Result<(), String> {
    let want = expectations(src);
    let spec = want.world_spec.as_deref().unwrap_or(EMPTY_WORLD);
    let world: WorldSpec = serde_json::from_str(spec).map_err(|e| e.to_string())?;
    let seed = crate::runner::seeds(&world)[0];
    let (said, summary, error) = match run_to_end(src, want.lang, &world, seed, Limits::default()) {
        Err(d) => (vec![], None, Some((d.code.key(), d.span(&tafukt_lang::Program::default()).line(src)))),
        Ok(o) => {
            let error = match &o.halt {
                Halt::Faulted(d) => Some((d.code.key(), d.span(&o.program).line(src))),
                _ => None,
            };
            (o.world.said().to_vec(), Some(o.world.summary()), error)
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
