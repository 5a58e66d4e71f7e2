//! The list built-ins' phrases in each pupil language (`lists`), and the words between their
//! values (`item 2 of scores`, `replace item 2 of scores with 7`), kept apart from the core
//! table so the core app carries none of them. Same rules as the main table: the first
//! phrase of a term is the one the printer writes. The Arabic and Tamazight phrases await
//! review by native-speaking teachers, as the core ones do.

use crate::builtins::Builtin as B;
use crate::lexicon::{Keyword as K, Lang, Term, Term::Builtin as Tb, Term::Keyword as Tk};

const EN: &[(&str, Term)] = &[
    ("item", Tb(B::ItemOf)),
    ("length of", Tb(B::LengthOf)),
    ("add", Tb(B::AddTo)),
    ("remove item", Tb(B::RemoveItem)),
    ("replace item", Tb(B::ReplaceItem)),
    ("of", Tk(K::Of)),
    ("with", Tk(K::With)),
];

const FR: &[(&str, Term)] = &[
    ("élément", Tb(B::ItemOf)),
    ("longueur de", Tb(B::LengthOf)),
    ("ajouter", Tb(B::AddTo)),
    ("retirer élément", Tb(B::RemoveItem)),
    ("enlever élément", Tb(B::RemoveItem)),
    ("remplacer élément", Tb(B::ReplaceItem)),
    ("de", Tk(K::Of)),
    ("par", Tk(K::With)),
];

const AR: &[(&str, Term)] = &[
    ("العنصر", Tb(B::ItemOf)),
    ("طول", Tb(B::LengthOf)),
    ("أضف", Tb(B::AddTo)),
    ("احذف العنصر", Tb(B::RemoveItem)),
    ("استبدل العنصر", Tb(B::ReplaceItem)),
    ("من", Tk(K::Of)),
    ("ب", Tk(K::With)),
];

const ZGH: &[(&str, Term)] = &[
    ("ⴰⴼⵔⴷⵉⵙ", Tb(B::ItemOf)),
    ("ⵜⵉⵖⵣⵉ ⵏ", Tb(B::LengthOf)),
    ("ⵔⵏⵓ", Tb(B::AddTo)),
    ("ⴽⴽⵙ ⴰⴼⵔⴷⵉⵙ", Tb(B::RemoveItem)),
    ("ⵙⵏⴼⵍ ⴰⴼⵔⴷⵉⵙ", Tb(B::ReplaceItem)),
    ("ⵏ", Tk(K::Of)),
    ("ⵙ", Tk(K::With)),
];

/// The lists' phrases in `lang`, first the printer's for each.
pub fn table(lang: Lang) -> &'static [(&'static str, Term)] {
    // In `Lang::ALL`'s order.
    [EN, FR, AR, ZGH][lang as usize]
}

/// The words a list built-in writes between its values in `lang`, one fewer than its values
/// (none for a built-in written with commas). `add 5 to scores` is `ajouter 5 dans scores`
/// in French and `ⵔⵏⵓ 5 ⴳ scores` in Tamazight: the reader takes either word there
/// ([`joins`]), so a program typed in one language reads in another.
pub fn joiners(b: B, lang: Lang) -> &'static [K] {
    match b {
        B::ItemOf | B::RemoveItem => &[K::Of],
        B::ReplaceItem => &[K::Of, K::With],
        B::AddTo if matches!(lang, Lang::Fr | Lang::Zgh) => &[K::In],
        B::AddTo => &[K::To],
        _ => &[],
    }
}

/// Whether `found` may stand where `want` is expected between a list built-in's values.
pub fn joins(want: K, found: K) -> bool {
    want == found || matches!((want, found), (K::To, K::In) | (K::In, K::To))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_programs_read_the_same_in_every_language_and_every_list_built_in_has_a_phrase() {
        let en = "scores = [3, 5]\nadd 7 to scores\nreplace item 1 of scores with item 2 of scores + 1\n\
                  remove item (length of scores) of scores\nsay item 1 of scores + length of scores\n";
        crate::lexicon::assert_every_language_reads(en, &B::LISTS);
        // Without accents, as children type them, and `to` where French says `dans`.
        let fr = crate::parser::parse(
            "notes = []\najouter 5 jusqu'a notes\nretirer element 1 de notes\n",
            Lang::Fr,
        );
        assert!(fr.diagnostics.is_empty(), "{:?}", fr.diagnostics);
    }
}
