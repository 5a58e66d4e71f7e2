//! The message catalogue: every string a pupil or teacher sees, in English, French, Arabic
//! and Tamazight, with `{name}` placeholders and CLDR plural forms chosen by `{count}`.
//!
//! Catalogue files (`messages/*.txt`) are one `key = text` a line; a plural message has one
//! line per category, `key[one] = …`, `key[other] = …`. With the default `all-languages`
//! feature all four are compiled in and English stands behind the others for any key not yet
//! translated (the command line, tests). The web app leaves it off and loads the pupil's
//! language as a static file, English included, so a catalogue costs first-load bytes only
//! to those who read it (a test keeps every key in every language).

pub mod plural;

use std::ops::Range;
use std::rc::Rc;

use tafukt_lang::Lang;

pub use plural::{plural_category, PluralCategory};

/// The catalogue text compiled into this build for `lang`, if any.
#[cfg(feature = "all-languages")]
pub fn embedded(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::En => include_str!("../messages/en.txt"),
        Lang::Fr => include_str!("../messages/fr.txt"),
        Lang::Ar => include_str!("../messages/ar.txt"),
        Lang::Zgh => include_str!("../messages/zgh.txt"),
    })
}

/// The catalogue text compiled into this build for `lang`, if any.
#[cfg(not(feature = "all-languages"))]
pub fn embedded(_lang: Lang) -> Option<&'static str> {
    None
}

/// One language's messages, with English behind it (when compiled in) for any key not yet
/// translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    lang: Lang,
    messages: Messages,
    fallback: Messages,
}

/// A catalogue file's text and its entries sorted by key, looked up by binary search:
/// smaller in wasm than a hash map, and no copy of the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Messages {
    text: Rc<str>,
    entries: Vec<(Range<usize>, Range<usize>)>,
}

impl Messages {
    /// A part of the text (`get`, not indexing: the wasm then carries no string-slicing panic).
    fn part(&self, range: &Range<usize>) -> &str {
        self.text.get(range.clone()).unwrap_or_default()
    }

    fn key(&self, i: usize) -> &str {
        self.part(&self.entries[i].0)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        let i = self.entries.binary_search_by(|(k, _)| self.part(k).cmp(key)).ok()?;
        Some(self.part(&self.entries[i].1))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.entries.len()).map(|i| self.key(i))
    }
}

/// Parses a catalogue file into `key` (or `key[category]`) → text.
pub fn parse_catalog(src: &str) -> Messages {
    let text: Rc<str> = Rc::from(src);
    let base = text.as_ptr() as usize;
    let range = |part: &str| {
        let start = part.as_ptr() as usize - base;
        start..start + part.len()
    };
    let mut entries: Vec<(Range<usize>, Range<usize>)> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (range(k.trim()), range(v.trim())))
        .collect();
    tafukt_lang::small_sort::sort_by_key(&mut entries, |e| text.get(e.0.clone()).unwrap_or_default());
    Messages { text, entries }
}

impl Catalog {
    /// The catalogue for `lang` from the text compiled in (empty when it is not).
    pub fn new(lang: Lang) -> Catalog {
        Catalog::from_text(lang, embedded(lang).unwrap_or(""))
    }

    /// The catalogue for `lang` from a catalogue file's text (as the web app fetches it).
    pub fn from_text(lang: Lang, text: &str) -> Catalog {
        let fallback = match embedded(Lang::En) {
            Some(english) if lang != Lang::En => parse_catalog(english),
            _ => Messages::default(),
        };
        Catalog { lang, messages: parse_catalog(text), fallback }
    }

    /// True for a catalogue with no messages (not loaded yet).
    pub fn is_empty(&self) -> bool {
        self.messages.entries.is_empty()
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    #[cfg(test)]
    fn lookup(&self, key: &str) -> Option<&str> {
        self.messages.get(key).or_else(|| self.fallback.get(key))
    }

    /// The message for `key` with no arguments.
    pub fn get(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The message for `key` with `{name}` placeholders filled. If an argument is named
    /// `count`, it also picks the plural form. An unknown key shows as itself, never blank.
    pub fn format(&self, key: &str, args: &[(&str, String)]) -> String {
        // Counts are whole numbers (items, steps, blocks); parsing them as integers keeps
        // float parsing out of the wasm bundle.
        let count = args.iter().find(|(n, _)| *n == "count").and_then(|(_, v)| v.parse::<i64>().ok());
        fn plural<'m>(messages: &'m Messages, lang: Lang, key: &str, count: Option<i64>) -> Option<&'m str> {
            let cat = plural_category(lang, count? as f64);
            messages.get(&format!("{key}[{}]", cat.name())).or_else(|| messages.get(&format!("{key}[other]")))
        }
        let template = plural(&self.messages, self.lang, key, count)
            .or_else(|| self.messages.get(key))
            .or_else(|| plural(&self.fallback, Lang::En, key, count))
            .or_else(|| self.fallback.get(key))
            .unwrap_or(key);
        fill(template, args)
    }

    /// Every key in this language's own file (plural keys without their category).
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> =
            self.messages.keys().map(|k| k.split('[').next().unwrap_or(k).to_string()).collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// Words a diagnostic from the language becomes in this language.
    pub fn diagnostic(&self, d: &tafukt_lang::Diagnostic) -> String {
        // Worlds name built-ins by key (`pen_up`); the pupil reads the words of their language.
        let word = |v: &String| match (d.code, tafukt_lang::Builtin::from_key(v)) {
            (tafukt_lang::Code::World(_), Some(b)) => {
                tafukt_lang::lexicon::spelling(self.lang, tafukt_lang::lexicon::Term::Builtin(b)).to_string()
            }
            _ => v.clone(),
        };
        let args: Vec<(&str, String)> =
            d.args.iter().map(|(n, v)| (*n, if *n == "word" { word(v) } else { v.clone() })).collect();
        let mut key = d.code.key();
        if d.arg("suggestion").is_some() {
            key.push_str("-suggestion");
        }
        if d.arg("plain").is_some() {
            key.push_str("-plain");
        }
        // The messages of problems arrive after the first load: until then (or offline), a
        // plain sentence rather than a key.
        if self.messages.get(&key).is_none()
            && self.messages.get(&format!("{key}[other]")).is_none()
            && self.fallback.get(&key).is_none()
        {
            return self.get("ui.problem");
        }
        self.format(&key, &args)
    }
}

fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // Split rather than index, so the wasm carries no string-slicing panic.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((name, next)) => {
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = next;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_english_key() {
        let en = Catalog::new(Lang::En).keys();
        for lang in [Lang::Fr, Lang::Ar, Lang::Zgh] {
            let keys = Catalog::new(lang).keys();
            let missing: Vec<&String> = en.iter().filter(|k| !keys.contains(k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        }
    }

    #[test]
    fn the_block_editors_new_names_are_names_in_their_language() {
        for (lang, key) in Lang::ALL
            .into_iter()
            .flat_map(|l| ["blocks.procedure", "blocks.counter", "blocks.variable"].map(|k| (l, k)))
        {
            let name = Catalog::new(lang).format(key, &[]);
            let program = tafukt_lang::parser::parse(&format!("{name} = 0"), lang).program;
            // `rename` accepts exactly what reads back as a plain name, not a word of the language.
            let named = tafukt_lang::blocks::rename(&program, &name, &name, lang);
            assert!(named.is_some(), "{}: `{name}` is not a name", lang.tag());
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("hi {name}, {x}", &[("name", "Amina".into())]), "hi Amina, {x}");
    }

    #[test]
    fn arabic_plurals_pick_all_six_forms() {
        let ar = Catalog::new(Lang::Ar);
        let forms: Vec<String> = [0.0, 1.0, 2.0, 3.0, 11.0, 100.0]
            .iter()
            .map(|n| ar.format("ui.steps", &[("count", n.to_string())]))
            .collect();
        let mut distinct = forms.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 6, "{forms:?}");
    }

    #[test]
    fn every_diagnostic_code_has_an_english_message() {
        let en = Catalog::new(Lang::En);
        for code in tafukt_lang::Code::every() {
            let key = code.key();
            assert!(
                en.lookup(&key).is_some() || en.messages.get(&format!("{key}[other]")).is_some(),
                "{key}"
            );
        }
    }
}
