//! The message catalogue: every string a pupil or teacher sees, in English, French, Arabic
//! and Tamazight, with `{name}` placeholders and CLDR plural forms chosen by `{count}`.
//!
//! Catalogue files (`messages/*.txt`) are one `key = text` a line; a plural message has one
//! line per category, `key[one] = …`, `key[other] = …`. They are compiled into the binary, so
//! they work offline and never fail to load.

pub mod plural;

use tafukt_lang::Lang;

pub use plural::{plural_category, PluralCategory};

const SOURCES: [(Lang, &str); 4] = [
    (Lang::En, include_str!("../messages/en.txt")),
    (Lang::Fr, include_str!("../messages/fr.txt")),
    (Lang::Ar, include_str!("../messages/ar.txt")),
    (Lang::Zgh, include_str!("../messages/zgh.txt")),
];

/// One language's messages, with English behind it for any key not yet translated.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    lang: Lang,
    messages: Messages,
    fallback: Messages,
}

/// Messages sorted by key, looked up by binary search: smaller in wasm than a hash map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Messages(Vec<(&'static str, &'static str)>);

impl Messages {
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| self.0[i].1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(k, _)| *k)
    }
}

fn source(lang: Lang) -> &'static str {
    SOURCES.iter().find(|(l, _)| *l == lang).map_or("", |(_, s)| s)
}

/// Parses a catalogue file into `key` (or `key[category]`) → text.
pub fn parse_catalog(src: &'static str) -> Messages {
    let mut list: Vec<(&str, &str)> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    list.sort_by(|a, b| a.0.cmp(b.0));
    Messages(list)
}

impl Catalog {
    pub fn new(lang: Lang) -> Catalog {
        let fallback = if lang == Lang::En { Messages::default() } else { parse_catalog(source(Lang::En)) };
        Catalog { lang, messages: parse_catalog(source(lang)), fallback }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    #[cfg(test)]
    fn lookup(&self, key: &str) -> Option<&'static str> {
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
        let plural = |messages: &Messages, lang: Lang| {
            let n = count? as f64;
            let cat = plural_category(lang, n);
            messages.get(&format!("{key}[{}]", cat.name())).or_else(|| messages.get(&format!("{key}[other]")))
        };
        let template = plural(&self.messages, self.lang)
            .or_else(|| self.messages.get(key))
            .or_else(|| plural(&self.fallback, Lang::En))
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
        let args: Vec<(&str, String)> = d.args.iter().map(|(n, v)| (*n, v.clone())).collect();
        let mut key = d.code.key();
        if d.arg("suggestion").is_some() {
            key.push_str("-suggestion");
        }
        self.format(&key, &args)
    }
}

fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
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
        for code in tafukt_lang::Code::LANGUAGE_CODES {
            let key = code.key();
            assert!(
                en.lookup(&key).is_some() || en.messages.get(&format!("{key}[other]")).is_some(),
                "{key}"
            );
        }
    }
}
