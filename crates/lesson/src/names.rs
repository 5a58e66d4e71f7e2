//! A lesson's names in the pupil's language: the procedures, parameters and variables its
//! programs name (`turn_around`, `size`, `n`) and the texts they say (`"Go!"`), each with
//! its word in the other languages. Lesson JSON carries them (`names`); `tafukt bundle`
//! writes each language's lesson with its own words (`one_language::lesson_for`), so the app
//! never reads them, and the bundled form spends no byte on them.

#[cfg(feature = "author")]
use tafukt_lang::ast::Program;
#[cfg(feature = "author")]
use tafukt_lang::{blocks, parser, printer, Lang};

#[cfg(feature = "author")]
use crate::goals::Goal;
#[cfg(feature = "author")]
use crate::model::{Lesson, Localized};

/// Each English name or said text of a lesson's programs, with its word in the other
/// languages (English is the key itself).
#[cfg(feature = "author")]
pub type Names = tafukt_world::sorted::SortedMap<String, crate::model::Localized>;

/// The players (web apps without `author`) load lessons bundled, already in one language's
/// words: they hold no names, and pay no code for them.
#[cfg(not(feature = "author"))]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Names;

/// Whether a lesson has no names (then its JSON leaves the field out).
pub fn none(names: &Names) -> bool {
    #[cfg(feature = "author")]
    return names.is_empty();
    #[cfg(not(feature = "author"))]
    return *names == Names;
}

/// The names a program gives: procedures, their parameters, variables and loop counters,
/// each once.
#[cfg(feature = "author")]
pub fn given(program: &Program) -> Vec<String> {
    fn procedures(list: &[tafukt_lang::ast::Stmt], out: &mut Vec<String>) {
        for s in list {
            if let tafukt_lang::ast::StmtKind::Define(name, _, _) = &s.kind {
                if !out.contains(name) {
                    out.push(name.clone());
                }
            }
            s.kind.blocks().for_each(|b| procedures(b, out));
        }
    }
    let mut out = blocks::variables(program);
    procedures(&program.body, &mut out);
    out
}

/// `source` (a program in canonical English) with `names` in `lang`'s words, still written
/// with English keywords (the form lessons keep programs in). A program that does not read
/// is left as it is: the checker reports it on its own.
#[cfg(feature = "author")]
pub fn program_in(source: &str, names: &Names, lang: Lang) -> Result<String, String> {
    if names.is_empty() || lang == Lang::En {
        return Ok(source.to_string());
    }
    let parsed = parser::parse(source, Lang::En);
    if !parsed.diagnostics.is_empty() {
        return Ok(source.to_string());
    }
    let given = given(&parsed.program);
    let mut program = parsed.program;
    for (english, words) in names.iter() {
        let Some(word) = words.0.get(lang.tag()) else {
            return Err(format!("names: `{english}` has no `{}` word", lang.tag()));
        };
        program = if given.contains(english) {
            // A word the pupil's language reads as a name, and English keywords too.
            let renamed = blocks::rename(&program, english, word, lang)
                .and_then(|p| blocks::rename(&p, word, word, Lang::En));
            renamed.ok_or_else(|| {
                format!("names: `{word}` ({}) is not a word a program can name something with", lang.tag())
            })?
        } else {
            blocks::replace_text(&program, english, word)
        };
    }
    Ok(printer::print(&program, Lang::En))
}

/// The lesson's programs and said-text goals in `lang`'s words.
#[cfg(feature = "author")]
pub fn apply(lesson: &mut Lesson, lang: Lang) -> Result<(), String> {
    if lesson.names.is_empty() || lang == Lang::En {
        return Ok(());
    }
    lesson.starter = program_in(&lesson.starter, &lesson.names, lang)?;
    lesson.solution = program_in(&lesson.solution, &lesson.names, lang)?;
    for goal in &mut lesson.goals {
        if let Goal::Said { text } = goal {
            if let Some(word) = lesson.names.get(text.as_str()).and_then(|w| w.0.get(lang.tag())) {
                *text = word.clone();
            }
        }
    }
    Ok(())
}

/// What `tafukt check` finds wrong with a course lesson's names: a name its programs give
/// with no word in a language, a `names` entry its programs never use, and an English name
/// left in another language's code (between backticks) in its texts.
#[cfg(feature = "author")]
pub fn problems(lesson: &Lesson) -> Vec<String> {
    let read = |source: &str| {
        let parsed = parser::parse(source, Lang::En);
        parsed.diagnostics.is_empty().then_some(parsed.program)
    };
    let programs: Vec<Program> =
        [&lesson.starter, &lesson.solution].into_iter().filter_map(|s| read(s)).collect();
    let mut named: Vec<String> = Vec::new();
    for p in &programs {
        for n in given(p) {
            if !named.contains(&n) {
                named.push(n);
            }
        }
    }
    let mut out = Vec::new();
    for name in &named {
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            if lesson.names.get(name.as_str()).and_then(|w| w.0.get(lang.tag())).is_none() {
                out.push(format!("names: `{name}` has no `{}` word (pupils would read English)", lang.tag()));
            }
        }
    }
    let said = |text: &str| {
        programs.iter().any(|p| blocks::replace_text(p, text, "\u{0}") != *p)
            || lesson.goals.iter().any(|g| matches!(g, Goal::Said { text: t } if t == text))
    };
    for (english, _) in lesson.names.iter() {
        if !named.contains(english) && !said(english) {
            out.push(format!("names: `{english}` is neither a name nor a text of the lesson's programs"));
        }
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        // A text the programs say or compare (`record "olive"`) quoted in English in code.
        for (english, words) in lesson.names.iter().filter(|(e, _)| !named.contains(e)) {
            let quoted = format!("\"{english}\"");
            if words.0.get(lang.tag()).is_some_and(|w| w != english)
                && texts(lesson, lang).any(|t| code_spans(t).any(|code| code.contains(&quoted)))
            {
                out.push(format!(
                    "names: the `{}` texts write {quoted} in code, not its `{}` word",
                    lang.tag(),
                    lang.tag()
                ));
            }
        }
        for name in &named {
            let own = lesson.names.get(name.as_str()).and_then(|w| w.0.get(lang.tag()));
            if own.is_some_and(|w| w == name) {
                continue;
            }
            if texts(lesson, lang).any(|t| code_spans(t).any(|code| has_word(code, name))) {
                out.push(format!(
                    "names: the `{}` texts write `{name}` in code, not its `{}` word",
                    lang.tag(),
                    lang.tag()
                ));
            }
        }
    }
    out
}

/// Every text of the lesson in `lang`: instructions, hints, questions and answers, teacher notes.
#[cfg(feature = "author")]
fn texts(lesson: &Lesson, lang: Lang) -> impl Iterator<Item = &str> {
    let quiz = lesson.quiz.iter().flat_map(|q| std::iter::once(&q.question).chain(&q.choices));
    let notes = lesson.teacher_notes.iter().flat_map(|n| [&n.goal, &n.mistakes, &n.question, &n.unplugged]);
    let all: Vec<&Localized> =
        std::iter::once(&lesson.instructions).chain(&lesson.hints).chain(quiz).chain(notes).collect();
    all.into_iter().filter_map(move |t| t.0.get(lang.tag()).map(String::as_str))
}

/// The parts of Markdown text between backticks.
#[cfg(feature = "author")]
fn code_spans(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

/// Whether `word` stands in `text` as a word of its own (not inside a longer name).
#[cfg(feature = "author")]
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|w| w == word)
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;

    fn names(json: &str) -> Names {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_program_takes_the_words_of_the_pupils_language_and_keeps_english_keywords() {
        let names = names(
            r#"{"turn_around":{"fr":"demi_tour","ar":"استدر_للخلف","zgh":"ⵏⵏⴹ"},"Go!":{"fr":"Partez !","ar":"انطلق!","zgh":"ⴷⴷⵓ!"}}"#,
        );
        let source = "define turn_around\n  turn left\n  turn left\nend\nturn_around\nsay \"Go!\"\n";
        let ar = program_in(source, &names, Lang::Ar).unwrap();
        assert_eq!(ar, "define استدر_للخلف\n  turn left\n  turn left\nend\nاستدر_للخلف\nsay \"انطلق!\"\n");
        assert_eq!(program_in(source, &names, Lang::En).unwrap(), source);
        let fr = program_in(source, &names, Lang::Fr).unwrap();
        assert!(fr.contains("define demi_tour\n") && fr.contains("say \"Partez !\""), "{fr}");
    }

    #[test]
    fn lesson_json_keeps_the_names_and_the_bundled_form_spends_nothing_on_them() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/procedures-1.json"))
                .unwrap();
        let mut lesson = crate::model::parse_lesson("procedures-1.json", &text).unwrap();
        lesson.names = names(r#"{"turn_around":{"fr":"demi_tour","ar":"استدر_للخلف","zgh":"ⵏⵏⴹ"}}"#);
        let json = serde_json::to_string(&lesson).unwrap();
        assert_eq!(crate::model::parse_lesson("procedures-1.json", &json).unwrap(), lesson);
        let bundled = crate::model::to_bundled(&lesson).unwrap();
        let without =
            crate::model::to_bundled(&Lesson { names: Names::default(), ..lesson.clone() }).unwrap();
        assert_eq!(bundled, without);
        let read = crate::model::read_bundled_lesson("procedures-1.bin", &bundled).unwrap();
        assert_eq!(read, Lesson { names: Names::default(), ..lesson });
    }

    #[test]
    fn a_word_that_is_a_keyword_or_two_words_is_refused() {
        let source = "define jump\n  move\nend\njump\n";
        for bad in ["répéter", "saute encore", "1er"] {
            let names = names(&format!(r#"{{"jump":{{"fr":"{bad}","ar":"قفز","zgh":"ⵏⴹⵓ"}}}}"#));
            assert!(program_in(source, &names, Lang::Fr).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_hostile_word_is_refused_with_a_message_not_a_hang() {
        let source = "define jump\n  move\nend\njump\n";
        let huge = "ⵏ".repeat(30_000);
        for bad in [huge.as_str(), "", "a\nb", "\"x\"", "jump(1)", "# note"] {
            let names =
                names(&serde_json::json!({ "jump": { "fr": bad, "ar": "قفز", "zgh": "ⵏⴳⵣ" } }).to_string());
            assert!(program_in(source, &names, Lang::Fr).is_err(), "{:?}", bad.get(..20));
        }
        // A said text may be anything: it stays a text, however long or strange.
        let names = names(
            &serde_json::json!({ "Go!": { "fr": "\"end\nrepeat", "ar": huge, "zgh": "" } }).to_string(),
        );
        let ar = program_in("say \"Go!\"\n", &names, Lang::Ar).unwrap();
        assert_eq!(parser::parse(&ar, Lang::En).program.body.len(), 1);
        // A text with a line break does not print back as one line: `tafukt check` refuses it
        // when that language's solution no longer passes (`lessons::named_runs`), no crash here.
        assert!(program_in("say \"Go!\"\n", &names, Lang::Fr).is_ok());
    }

    #[test]
    fn parameters_and_counters_are_renamed_where_they_are_used() {
        let names = names(
            r#"{"side":{"fr":"côté","ar":"ضلع","zgh":"ⴰⵎⵙⴰⵍ"},"n":{"fr":"n","ar":"عدد","zgh":"ⵓⵟⵟⵓⵏ"}}"#,
        );
        let source = "define square(side)\n  repeat side times\n    move\n  end\nend\nfor each n in 1 to 3\n  square(n)\nend\n";
        let ar = program_in(source, &names, Lang::Ar).unwrap();
        assert!(!has_word(&ar, "side") && !has_word(&ar, "n"), "{ar}");
        assert!(ar.contains("square(ضلع)") && ar.contains("for each عدد in 1 to 3"), "{ar}");
    }

    #[test]
    fn an_ai_label_is_the_pupils_word_in_programs_and_texts() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/ai-data-1.json"))
                .unwrap();
        let mut lesson = crate::model::parse_lesson("ai-data-1.json", &text).unwrap();
        assert_eq!(problems(&lesson), Vec::<String>::new());
        let ar = program_in(&lesson.solution, &lesson.names, Lang::Ar).unwrap();
        assert!(
            ar.contains("record \"زيتونة\"") && ar.contains("record \"حجر\"") && !ar.contains("olive"),
            "{ar}"
        );
        // The Arabic instructions going back to the English label are refused.
        let instructions = lesson.instructions.0.get_mut("ar").unwrap();
        *instructions = instructions.replace("\"حجر\"", "\"stone\"");
        assert_eq!(
            problems(&lesson),
            vec!["names: the `ar` texts write \"stone\" in code, not its `ar` word".to_string()]
        );
    }
}
