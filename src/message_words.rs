//! A message's program words: the catalogue sets them between its language's quotation
//! marks (“move”, « avancer », «تقدم», «ⴷⴷⵓ»), and the app draws them as code, the marks
//! and the spaces inside them left around the code.

/// `text` cut into pieces in order, each with whether it is a program word. A closing mark
/// with no opening mark before it closes nothing (a pupil's own text may hold one). Written
/// as one walk over the characters: `str`'s pattern searches would weigh more in lesson 1's
/// load.
pub fn pieces(text: &str) -> Vec<(&str, bool)> {
    const NBSP: &[u8] = "\u{a0}".as_bytes();
    let (bytes, mut out, mut from, mut open) = (text.as_bytes(), Vec::new(), 0, None);
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“' | '«', _) => open = Some(i + c.len_utf8()),
            ('”' | '»', Some(mut start)) => {
                let mut end = i;
                while bytes[start..end].starts_with(NBSP) {
                    start += NBSP.len();
                }
                while bytes[start..end].ends_with(NBSP) {
                    end -= NBSP.len();
                }
                out.extend([(&text[from..start], false), (&text[start..end], true)]);
                (from, open) = (end, None);
            }
            _ => {}
        }
    }
    out.push((&text[from..], false));
    out.retain(|(p, _)| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::pieces;

    fn drawn(text: &str) -> String {
        pieces(text)
            .into_iter()
            .map(|(p, code)| if code { format!("<{p}>") } else { p.to_string() })
            .collect()
    }

    #[test]
    fn the_words_between_each_languages_marks_are_code() {
        assert_eq!(
            drawn("I don't know “muve”. Did you mean “move”?"),
            "I don't know “<muve>”. Did you mean “<move>”?"
        );
        assert_eq!(
            drawn("Je ne connais pas «\u{a0}avncer\u{a0}»."),
            "Je ne connais pas «\u{a0}<avncer>\u{a0}»."
        );
        assert_eq!(drawn("لا أعرف «تقدمم»."), "لا أعرف «<تقدمم>».");
        assert_eq!(drawn("ⵓⵔ ⵙⵙⵏⵖ «ⵙⵉⵔⵉ»."), "ⵓⵔ ⵙⵙⵏⵖ «<ⵙⵉⵔⵉ>».");
    }

    #[test]
    fn nothing_is_lost_and_odd_marks_close_nothing() {
        for text in ["", "plain", "a ” b", "“open", "“a” b”", "“«hi»”", "« »", "“”", "«\u{a0}\u{a0}»"]
        {
            let joined: String = pieces(text).into_iter().map(|(p, _)| p).collect();
            assert_eq!(joined, text);
        }
        assert_eq!(drawn("a ” b"), "a ” b");
        assert_eq!(drawn("“a” b”"), "“<a>” b”");
        // A pupil's text holding marks of its own: the innermost pair is the word.
        assert_eq!(drawn("got “«hi»”"), "got “«<hi>»”");
        assert_eq!(drawn("“”"), "“”");
    }

    /// Every text of up to five characters from the marks, a no-break space and a letter.
    #[test]
    fn every_short_text_is_kept_whole_and_its_code_holds_no_mark_or_edge_space() {
        let alphabet = ['a', '“', '”', '«', '»', '\u{a0}'];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(longer);
        }
        texts.sort();
        texts.dedup();
        for text in &texts {
            let cut = pieces(text);
            assert_eq!(cut.iter().map(|(p, _)| *p).collect::<String>(), *text);
            for (p, code) in cut {
                assert!(!p.is_empty());
                if code {
                    assert!(!p.contains(['“', '”', '«', '»']), "{text:?} gave code {p:?}");
                    assert!(!p.starts_with('\u{a0}') && !p.ends_with('\u{a0}'), "{text:?} gave code {p:?}");
                }
            }
        }
    }
}
