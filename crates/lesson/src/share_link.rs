//! Share links: a lesson id, a language and a program carried in a URL fragment (`#p=…`),
//! or a teacher's whole lesson file (`#l=…`, from the studio), compressed with raw deflate
//! and written in base64url. Links are untrusted: every size is
//! bounded before any work (the encoded text, and the inflated bytes, so a deflate bomb
//! stops at the limit), and anything unreadable is an error, never a panic.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use tafukt_lang::Lang;

/// The fragment's start: `#p=` then the payload.
pub const FRAGMENT: &str = "#p=";
/// The longest payload accepted (base64url characters). A link of a long program compresses
/// to a few kilobytes; browsers and chat apps cut much longer URLs anyway.
pub const MAX_ENCODED: usize = 32 * 1024;
/// The most bytes a payload may inflate to: far above any pupil's program, and the most the
/// decoder ever allocates.
pub const MAX_DECODED: usize = 128 * 1024;
/// The fragment's start of a link that carries a whole lesson file (the studio's).
pub const LESSON_FRAGMENT: &str = "#l=";
/// The format's first line, so a later format can be told apart.
const VERSION: &str = "1";

/// What a share link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedProgram {
    pub lesson: String,
    pub lang: Lang,
    pub source: String,
}

/// Why a link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_ENCODED`], or inflates past [`MAX_DECODED`].
    TooLarge,
    /// Not base64url, not deflate, not UTF-8, or not the format's lines.
    Malformed,
}

/// A lesson id as the course uses them: lowercase letters, digits and dashes.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The payload for a link (what follows `#p=`).
pub fn encode(shared: &SharedProgram) -> String {
    let text = format!("{VERSION}\n{}\n{}\n{}", shared.lesson, shared.lang.tag(), shared.source);
    pack(text.as_bytes())
}

/// Bytes as a link's payload: raw deflate, then base64url.
pub fn pack(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9))
}

/// A payload's bytes, within the limits (the encoded length first, then the inflated size).
pub fn unpack(payload: &str) -> Result<Vec<u8>, LinkError> {
    if payload.len() > MAX_ENCODED {
        return Err(LinkError::TooLarge);
    }
    // Some apps append padding to what they take for base64.
    let packed = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).map_err(|_| LinkError::Malformed)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DECODED).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
        _ => LinkError::Malformed,
    })
}

/// The payload of a page's fragment, if it is a share link (`#p=…`).
pub fn payload(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(FRAGMENT)
}

/// Reads a payload (what follows `#p=`) within the limits.
pub fn decode(payload: &str) -> Result<SharedProgram, LinkError> {
    let bytes = unpack(payload)?;
    let text = String::from_utf8(bytes).map_err(|_| LinkError::Malformed)?;
    let mut lines = text.splitn(4, '\n');
    let (Some(VERSION), Some(lesson), Some(tag), Some(source)) =
        (lines.next(), lines.next(), lines.next(), lines.next())
    else {
        return Err(LinkError::Malformed);
    };
    let lang = Lang::from_tag(tag).ok_or(LinkError::Malformed)?;
    if !valid_id(lesson) {
        return Err(LinkError::Malformed);
    }
    Ok(SharedProgram { lesson: lesson.to_string(), lang, source: source.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shared(source: &str) -> SharedProgram {
        SharedProgram { lesson: "first-steps-1".into(), lang: Lang::Ar, source: source.into() }
    }

    fn raw(text: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(text, 6))
    }

    #[test]
    fn a_program_comes_back_as_it_was_shared() {
        let s = shared("تقدم\n# <script>alert(1)</script>\nقل \"<b>hi</b>\"\n");
        let link = encode(&s);
        assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{link}");
        assert_eq!(decode(&link), Ok(s));
        assert_eq!(payload(&format!("#p={link}")), Some(link.as_str()));
        assert_eq!(payload("#other"), None);
    }

    #[test]
    fn a_lesson_file_comes_back_as_it_was_packed_and_a_bomb_stops_at_the_limit() {
        let file = include_str!("../../cli/tests/fixtures/own/my-olive.json");
        let link = pack(file.as_bytes());
        assert!(link.len() < file.len(), "{} of {}", link.len(), file.len());
        assert_eq!(unpack(&link).as_deref(), Ok(file.as_bytes()));
        assert_eq!(unpack(&pack(&vec![b'a'; MAX_DECODED + 1])), Err(LinkError::TooLarge));
        assert_eq!(unpack("AAAA!"), Err(LinkError::Malformed));
        assert_eq!(unpack(&"A".repeat(MAX_ENCODED + 1)), Err(LinkError::TooLarge));
    }

    #[test]
    fn a_short_program_makes_a_short_link() {
        let s = shared("move\nturn left\nrepeat 3 times\n  move\nend\n");
        assert!(encode(&s).len() < 90, "{}", encode(&s).len());
    }

    #[test]
    fn padding_added_by_an_app_is_ignored() {
        let s = shared("move\n");
        assert_eq!(decode(&format!("{}==", encode(&s))), Ok(s));
    }

    #[test]
    fn an_oversized_link_is_refused_before_any_work() {
        assert_eq!(decode(&"A".repeat(MAX_ENCODED + 1)), Err(LinkError::TooLarge));
    }

    #[test]
    fn a_deflate_bomb_stops_at_the_limit() {
        // 16 MB of one letter packs into about 22 KB of link.
        let bomb = raw(&vec![b'a'; 16 << 20]);
        assert!(bomb.len() <= MAX_ENCODED, "{}", bomb.len());
        assert_eq!(decode(&bomb), Err(LinkError::TooLarge));
        // Just within the limit is fine.
        let text = format!("1\nfirst-steps-1\nen\n{}", "m".repeat(MAX_DECODED - 19));
        assert_eq!(text.len(), MAX_DECODED);
        assert_eq!(decode(&raw(text.as_bytes())).map(|s| s.source.len()), Ok(MAX_DECODED - 19));
    }

    #[test]
    fn malformed_links_are_refused() {
        for bad in [
            "",
            "not base64!",
            "AAAA",
            &raw(b"2\nfirst-steps-1\nen\nmove"),
            &raw(b"1\nfirst-steps-1\nxx\nmove"),
            &raw(b"1\n../../etc\nen\nmove"),
            &raw(b"1\n<b>x</b>\nen\nmove"),
            &raw(b"1\nfirst-steps-1\nen"),
            &raw(b"1\nfirst-steps-1\nen\n\xff\xfe"),
        ] {
            assert_eq!(decode(bad), Err(LinkError::Malformed), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_program_round_trips(source in "(?s).{0,400}", lesson in "[a-z0-9-]{1,30}", lang in 0usize..4) {
            let lang = [Lang::En, Lang::Fr, Lang::Ar, Lang::Zgh][lang];
            let s = SharedProgram { lesson, lang, source };
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }

        #[test]
        fn any_text_decodes_or_is_refused(text in "[A-Za-z0-9_=-]{0,300}") {
            let _ = decode(&text);
        }
    }
}
