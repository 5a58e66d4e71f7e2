//! The switches' phrases in each pupil language (`puzzles`), kept apart from the core table
//! so the core app carries none of them. Same rules as the main table: the first phrase of
//! a term is the one the printer writes. The Arabic and Tamazight phrases await review by
//! native-speaking teachers, as the core ones do.

use crate::builtins::Builtin as B;
use crate::lexicon::{Lang, Term, Term::Builtin as Tb};

const EN: &[(&str, Term)] =
    &[("toggle", Tb(B::Toggle)), ("switch on", Tb(B::SwitchOn)), ("switch off", Tb(B::SwitchOff))];

const FR: &[(&str, Term)] = &[
    ("basculer", Tb(B::Toggle)),
    ("interrupteur allumé", Tb(B::SwitchOn)),
    ("interrupteur éteint", Tb(B::SwitchOff)),
];

const AR: &[(&str, Term)] =
    &[("بدّل المفتاح", Tb(B::Toggle)), ("المفتاح مشغّل", Tb(B::SwitchOn)), ("المفتاح مطفأ", Tb(B::SwitchOff))];

const ZGH: &[(&str, Term)] =
    &[("ⵙⵏⴼⵍ ⵜⴰⵙⴰⵔⵓⵜ", Tb(B::Toggle)), ("ⵜⴰⵙⴰⵔⵓⵜ ⵜⵔⵖⴰ", Tb(B::SwitchOn)), ("ⵜⴰⵙⴰⵔⵓⵜ ⵜⵅⵙⵉ", Tb(B::SwitchOff))];

/// The switches' phrases in `lang`, first the printer's for each.
pub fn table(lang: Lang) -> &'static [(&'static str, Term)] {
    // In `Lang::ALL`'s order.
    [EN, FR, AR, ZGH][lang as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switch_programs_read_the_same_in_every_language_and_every_switch_built_in_has_a_phrase() {
        let en = "while not switch on\n  toggle\nend\nif switch off\n  toggle\nend\n";
        crate::lexicon::assert_every_language_reads(en, &B::PUZZLES);
        // Without its accents, as children type it.
        let fr = crate::parser::parse("si interrupteur eteint\n  basculer\nfin\n", Lang::Fr);
        assert!(fr.diagnostics.is_empty(), "{:?}", fr.diagnostics);
    }
}
