//! The closest word a lesson allows, for a line the parser could not read: "Did you mean
//! `turn left`?" for `turn lft`, `turn_left` or `repeet 3 times`, comparing the line's first
//! words with each whole phrase of the pupil's language (one wrong, missing or extra letter
//! in short words, two in longer ones), and never suggesting a block the lesson does not
//! offer.

use crate::ast::StmtKind;
use crate::builtins::{Builtin, BuiltinKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexicon::{normalize_word, spelling, Keyword, Lang, Term};
use crate::toolbox::Construct;
use crate::{Program, Span};

/// The words a line may start with in this lesson: the robot actions and blocks its toolbox
/// lists, `else` and `end`, and the pupil's own procedures.
fn phrases(lang: Lang, toolbox: &[String], program: &Program) -> Vec<String> {
    let kw = |k| spelling(lang, Term::Keyword(k)).to_string();
    let mut out = vec![kw(Keyword::End)];
    for key in toolbox {
        if let Some(b) = Builtin::from_key(key).filter(|b| b.kind() == BuiltinKind::Action) {
            out.push(spelling(lang, Term::Builtin(b)).to_string());
        }
        let keyword = match Construct::from_key(key) {
            Some(Construct::Repeat) => Keyword::Repeat,
            Some(Construct::While) => Keyword::While,
            Some(Construct::If) => Keyword::If,
            Some(Construct::Else) => Keyword::Else,
            Some(Construct::ForEach) => Keyword::ForEach,
            Some(Construct::Define) => Keyword::Define,
            _ => continue,
        };
        out.push(kw(keyword));
    }
    for s in &program.body {
        if let StmtKind::Define(name, _, _) = &s.kind {
            out.push(name.clone());
        }
    }
    out
}

/// `d` (the first problem of the pupil's program) with the closest phrase the lesson allows
/// when the problem's line starts with a near miss of one: an `unknown-word` problem naming
/// what was typed and suggesting the phrase. A suggestion the lesson does not allow is
/// dropped; any other problem is left as it is.
pub fn nearest_allowed(
    d: Diagnostic,
    source: &str,
    program: &Program,
    lang: Lang,
    toolbox: &[String],
) -> Diagnostic {
    let span = d.span(program);
    let line_start =
        source.get(..span.start.min(source.len())).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
    let line = source.get(line_start..).and_then(|s| s.split('\n').next()).unwrap_or("");
    // The line's words with where each ends in the source.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(|c: char| !c.is_whitespace()) {
        let word = rest[at..].split(char::is_whitespace).next().unwrap_or("");
        let start = line_start + (line.len() - rest.len()) + at;
        words.push((start, word));
        rest = &rest[at + word.len()..];
    }
    let unchanged = |d: Diagnostic| {
        if d.code == Code::UnknownWord {
            // A suggestion of the whole language's words, not this lesson's: dropped.
            Diagnostic { args: d.args.into_iter().filter(|(n, _)| *n != "suggestion").collect(), ..d }
        } else {
            d
        }
    };
    // A variable being set (`mov = 3`) is the pupil's own name, not a typo.
    if words.is_empty() || words.get(1).is_some_and(|(_, w)| *w == "=") {
        return unchanged(d);
    }
    let mut best: Option<(usize, String, usize)> = None;
    for phrase in phrases(lang, toolbox, program) {
        let k = phrase.split(' ').count().min(words.len());
        let typed: Vec<&str> = words[..k].iter().map(|(_, w)| *w).collect();
        let typed = normalize_word(&typed.join(" "));
        let distance = edit_distance(&typed, &normalize_word(&phrase));
        if distance == 0 {
            // The line starts as it should: the problem is elsewhere on it.
            return unchanged(d);
        }
        let letters = typed.chars().count();
        let near = distance <= 2 && distance * 3 <= letters + 2;
        if near && best.as_ref().is_none_or(|(b, _, _)| distance < *b) {
            best = Some((distance, phrase, k));
        }
    }
    match best {
        Some((_, phrase, k)) => {
            let (start, _) = words[0];
            let (last, word) = words[k - 1];
            let typed = source[start..last + word.len()].to_string();
            Diagnostic::at_span(Code::UnknownWord, Span::new(start, last + word.len()))
                .with("word", typed)
                .with("suggestion", phrase)
        }
        None => unchanged(d),
    }
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = if ca == b[j] { prev } else { 1 + prev.min(row[j]).min(row[j + 1]) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse;

    fn said(source: &str, lang: Lang, toolbox: &[&str]) -> (Code, Option<String>, Option<String>) {
        let toolbox: Vec<String> = toolbox.iter().map(|s| s.to_string()).collect();
        // As the app meets it: the first problem of parsing, then of compiling, then a
        // built-in the toolbox does not list (`turn lft` reads as `turn` with a value).
        let program = parse(source, lang).program;
        let unlisted = || {
            let bad = program.builtins_used().into_iter().find(|b| !toolbox.iter().any(|k| k == b.key()))?;
            Some(Diagnostic::at_node(Code::NotAllowed, program.first_use(bad)?))
        };
        let d = crate::build(source, lang).err().or_else(unlisted).expect("a problem");
        let d = nearest_allowed(d, source, &program, lang, &toolbox);
        (d.code, d.arg("word").map(String::from), d.arg("suggestion").map(String::from))
    }

    const FIRST: &[&str] = &["move", "turn_left", "turn_right", "repeat"];

    #[test]
    fn a_near_miss_of_a_two_word_command_names_the_whole_command() {
        for typed in ["turn lft", "turn_left", "trun left", "Turn Left!"] {
            let source = format!("move\n{typed}\nmove\n");
            let (code, word, suggestion) = said(&source, Lang::En, FIRST);
            assert_eq!(code, Code::UnknownWord, "{typed}");
            assert_eq!(suggestion.as_deref(), Some("turn left"), "{typed}");
            assert!(word.is_some_and(|w| typed.starts_with(&w) || w == typed), "{typed}");
        }
        let (_, word, suggestion) = said("repeet 3 times\n  move\nend\n", Lang::En, FIRST);
        assert_eq!((word.as_deref(), suggestion.as_deref()), (Some("repeet"), Some("repeat")));
    }

    #[test]
    fn only_what_the_lesson_offers_is_suggested() {
        // `pick up` is a word of the language, but not of this lesson.
        let (_, _, suggestion) = said("pik up\n", Lang::En, FIRST);
        assert_eq!(suggestion, None);
        let (code, word, suggestion) = said("pik\n", Lang::En, FIRST);
        assert_eq!((code, word.as_deref(), suggestion), (Code::UnknownWord, Some("pik"), None));
        let (_, _, suggestion) = said("pik up\n", Lang::En, &["move", "pick_up"]);
        assert_eq!(suggestion.as_deref(), Some("pick up"));
    }

    #[test]
    fn a_missing_letter_in_every_language() {
        let left = |lang| spelling(lang, Term::Builtin(Builtin::TurnLeft)).to_string();
        for lang in [Lang::Fr, Lang::Ar, Lang::Zgh] {
            let word = left(lang);
            // One letter of the last word left out.
            let mut chars: Vec<char> = word.chars().collect();
            chars.remove(chars.len() - 2);
            let typed: String = chars.into_iter().collect();
            let (code, _, suggestion) = said(&format!("{typed}\n"), lang, FIRST);
            assert_eq!((code, suggestion), (Code::UnknownWord, Some(word.clone())), "{lang:?}: {typed}");
        }
    }

    #[test]
    fn lines_that_start_right_or_set_a_variable_keep_their_own_message() {
        let (code, _, suggestion) = said("repeat 3 tims\n  move\nend\n", Lang::En, FIRST);
        assert_ne!((code, suggestion.as_deref()), (Code::UnknownWord, Some("repeat")));
        let (_, word, suggestion) = said("mov = \n", Lang::En, FIRST);
        assert!(suggestion.is_none() && word.as_deref() != Some("mov"));
    }
}
