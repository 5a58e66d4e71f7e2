//! `tafukt check DIR`: loads the course index and every lesson it names (and any other lesson
//! file in the folder), checks each, prints one line per lesson and `N lessons ok` last.

use std::path::Path;

use tafukt_lang::Lang;
use tafukt_lesson::check::check_lesson;
use tafukt_lesson::model::Lesson;
use tafukt_lesson::model::{parse_index, parse_lesson};
use tafukt_lesson::rich::{tokens, Token};

pub fn main(args: &[String]) -> Result<bool, String> {
    let dir = Path::new(args.first().map_or("lessons", String::as_str));
    let index_path = dir.join("index.json");
    let index_text =
        std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let index = parse_index("index.json", &index_text).map_err(|e| e.to_string())?;
    let mut ids = index.lesson_ids();
    let mut failures = 0;
    // Lesson files the index does not name are still checked, and reported as unlisted.
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json") && n != "index.json")
        .collect();
    files.sort();
    for f in &files {
        let id = f.trim_end_matches(".json").to_string();
        if !ids.contains(&id) {
            println!("FAIL {id}: not listed in index.json");
            failures += 1;
        }
    }
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    for id in &ids {
        let file = format!("{id}.json");
        let text = match std::fs::read_to_string(dir.join(&file)) {
            Ok(t) => t,
            Err(e) => {
                println!("FAIL {id}: {file}: {e}");
                failures += 1;
                continue;
            }
        };
        let problems = match parse_lesson(&file, &text) {
            Err(e) => vec![e.to_string()],
            Ok(lesson) if lesson.id != *id => {
                vec![format!("file {file} holds lesson id `{}`", lesson.id)]
            }
            Ok(lesson) => {
                let mut problems = check_lesson(&lesson);
                problems.extend(text_problems(&lesson, dir));
                problems
            }
        };
        if problems.is_empty() {
            println!("ok   {id}");
        } else {
            failures += 1;
            println!("FAIL {id}: {}", problems.join("; "));
        }
    }
    if failures == 0 {
        println!("{} lessons ok", ids.len());
        Ok(true)
    } else {
        println!("{failures} of {} lessons failed", ids.len());
        Ok(false)
    }
}

/// Lesson text that would not bundle (Markdown a lesson may not use) or that shows an image
/// missing from the lesson folder.
fn text_problems(lesson: &Lesson, dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        match crate::bundle::lesson_for(lesson, lang) {
            Err(e) => problems.push(format!("{} text: {e}", lang.tag())),
            Ok(bundled) => {
                let texts = std::iter::once(&bundled.instructions).chain(&bundled.hints);
                for text in texts.flat_map(|t| t.0.values()) {
                    for t in tokens(text) {
                        if let Token::Open("img", Some((src, _))) = t {
                            if !dir.join(src).is_file() {
                                problems.push(format!("image `{src}` is not in the lesson folder"));
                            }
                        }
                    }
                }
            }
        }
    }
    problems
}
