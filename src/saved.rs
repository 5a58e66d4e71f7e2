//! The forms of what is saved on the device, as plain Rust (tested natively): a program
//! with its language tag, and a lesson's earlier versions. Saved values are untrusted, so
//! every reader takes what it can and never panics.

use tafukt_lang::Lang;

/// Versions kept per lesson.
pub const MAX_VERSIONS: usize = 8;

/// A saved program: its language tag, a newline, the text (without a known tag, the whole
/// value is the text, read as written in `fallback`).
pub fn decode_program(raw: &str, fallback: Lang) -> (Lang, String) {
    match raw.split_once('\n') {
        Some((tag, text)) => match Lang::from_tag(tag) {
            Some(lang) => (lang, text.to_string()),
            None => (fallback, raw.to_string()),
        },
        None => (fallback, raw.to_string()),
    }
}

/// Saved stars: 0 when unreadable, at most 3 whatever was saved.
pub fn read_stars(raw: &str) -> u8 {
    raw.trim().parse::<u64>().map_or(0, |n| n.min(3) as u8)
}

/// One earlier version of a lesson's program.
#[derive(Clone, PartialEq, Debug)]
pub struct Version {
    /// When it was kept (milliseconds since 1970, the device's clock).
    pub time: u64,
    pub lang: Lang,
    pub source: String,
}

/// One version in a history's text (`<time> <tag> <bytes>\n<program>`, newest first, one
/// after the other): when it was kept, its language, its program, and where it ends.
pub struct Record<'a> {
    pub time: &'a str,
    pub lang: Lang,
    pub source: &'a str,
    pub end: usize,
}

/// The version that starts at byte `at` of `raw`, if it is whole and well formed.
pub fn record_at(raw: &str, at: usize) -> Option<Record<'_>> {
    let (head, body) = raw.get(at..)?.split_once('\n')?;
    let mut fields = head.split(' ');
    let (time, lang, len) =
        (fields.next()?, Lang::from_tag(fields.next()?)?, fields.next()?.parse::<usize>().ok()?);
    if fields.next().is_some() || time.is_empty() || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let source = body.get(..len)?;
    Some(Record { time, lang, source, end: at + head.len() + 1 + len })
}

/// The lesson's earlier versions, newest first; a damaged history is read up to the damage.
pub fn decode_versions(raw: &str) -> Vec<Version> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(r) = record_at(raw, at).filter(|_| out.len() < MAX_VERSIONS) {
        out.push(Version { time: r.time.parse().unwrap_or(0), lang: r.lang, source: r.source.to_string() });
        at = r.end;
    }
    out
}

/// The history `raw` with `source` as its newest version, keeping at most [`MAX_VERSIONS`]
/// whole versions in `max` bytes (what was damaged goes). `None` when there is nothing to
/// keep: an empty program, the same as the newest, or one longer than `max` alone.
pub fn push_version(raw: &str, time: u64, lang: Lang, source: &str, max: usize) -> Option<String> {
    if source.trim().is_empty() || record_at(raw, 0).is_some_and(|r| r.source == source) {
        return None;
    }
    let mut all = format!("{time} {} {}\n{source}{raw}", lang.tag(), source.len());
    let (mut end, mut count) = (0, 0);
    while let Some(r) = record_at(&all, end).filter(|r| r.end <= max && count < MAX_VERSIONS) {
        end = r.end;
        count += 1;
    }
    all.truncate(end);
    (end > 0).then_some(all)
}

/// Where to cut `text` to at most `max` bytes: after the last whole line that fits, else at
/// a character boundary.
pub fn cut(text: &str, max: usize) -> usize {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].rfind('\n').map_or(end, |n| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(time: u64, source: &str) -> Version {
        Version { time, lang: Lang::Ar, source: source.into() }
    }

    fn encode_versions(versions: &[Version]) -> String {
        versions
            .iter()
            .map(|v| format!("{} {} {}\n{}", v.time, v.lang.tag(), v.source.len(), v.source))
            .collect()
    }

    #[test]
    fn a_new_version_goes_first_and_the_oldest_go() {
        let mut raw = String::new();
        for n in 0..12 {
            raw = push_version(&raw, n, Lang::En, &format!("move\n{n}"), 1000).unwrap();
        }
        let all = decode_versions(&raw);
        assert_eq!(all.len(), MAX_VERSIONS);
        assert_eq!((all[0].time, all[0].source.as_str()), (11, "move\n11"));
        assert_eq!(all[7].source, "move\n4");
        // The same program as the newest, or nothing, is not kept again.
        assert_eq!(push_version(&raw, 99, Lang::En, "move\n11", 1000), None);
        assert_eq!(push_version(&raw, 99, Lang::En, " \n", 1000), None);
        // Within the byte limit: the oldest go; a program longer than the limit is not kept.
        // (A header and 990 bytes: the whole 1000 bytes.)
        let raw = push_version(&raw, 12, Lang::En, &"x".repeat(990), 1000).unwrap();
        assert_eq!(decode_versions(&raw).len(), 1);
        assert_eq!(push_version(&raw, 13, Lang::En, &"y".repeat(1001), 1000), None);
        // A damaged history is replaced by what could be read of it.
        let raw = push_version("1 en 5\nmove\n1 en 999\nbroken", 2, Lang::Fr, "avancer", 1000).unwrap();
        assert_eq!(
            decode_versions(&raw).iter().map(|v| v.source.as_str()).collect::<Vec<_>>(),
            ["avancer", "move\n"]
        );
        assert_eq!(raw.len(), "2 fr 7\navancer1 en 5\nmove\n".len());
    }

    #[test]
    fn versions_round_trip_whatever_the_program_holds() {
        let all = vec![v(1, "تقدم\n"), v(2, "1 ar 3\nx"), v(3, ""), v(4, "a\u{1}\r\n\u{FFFD}")];
        assert_eq!(decode_versions(&encode_versions(&all)), all);
    }

    #[test]
    fn a_damaged_history_is_read_up_to_the_damage() {
        let good = encode_versions(&[v(1, "move\n"), v(2, "turn left\n")]);
        for damage in [
            "x",
            "9 ar 99999\nshort",
            "1 xx 2\nab",
            "1 ar -1\n",
            "1 ar 2",
            "a b c d\n",
            "x ar 1\na",
            " ar 1\na",
        ] {
            assert_eq!(decode_versions(&format!("{good}{damage}")).len(), 2, "{damage}");
        }
        // A length that ends inside a character stops there, with no panic.
        assert_eq!(decode_versions("1 ar 1\nت"), vec![]);
        assert_eq!(decode_versions(""), vec![]);
    }

    #[test]
    fn a_program_value_without_its_tag_is_read_as_text() {
        assert_eq!(decode_program("fr\navancer", Lang::En), (Lang::Fr, "avancer".into()));
        assert_eq!(decode_program("move\nmove", Lang::En), (Lang::En, "move\nmove".into()));
        assert_eq!(decode_program("", Lang::Ar), (Lang::Ar, String::new()));
    }

    #[test]
    fn stars_are_read_as_best_as_possible() {
        for (raw, stars) in [
            ("2", 2),
            (" 1\n", 1),
            ("3", 3),
            ("5", 3),
            ("300", 3),
            ("99999999999999999999", 0),
            ("-1", 0),
            ("abc", 0),
            ("", 0),
            ("2.5", 0),
        ] {
            assert_eq!(read_stars(raw), stars, "{raw:?}");
        }
    }

    #[test]
    fn a_long_program_is_cut_after_a_whole_line() {
        assert_eq!(cut("ab\ncd\nef", 7), 6);
        assert_eq!(cut("abcdef", 4), 4);
        // Inside a two-byte character: back to its start.
        assert_eq!(cut("aتb", 2), 1);
        assert_eq!(cut("ab", 10), 2);
    }
}
