//! Keyword, built-in and colour names for each pupil language, and the word normalisation
//! that lets a child type `repeter` for `répéter` or `اذا` for `إذا`.
//!
//! Names may be phrases of several words (`turn left`, `tant que`); the parser matches the
//! longest phrase. The first phrase listed for a term is the one the printer writes.
//! Arabic and Tamazight tables await review by native-speaking teachers.

use crate::builtins::{Builtin, Colour};

/// A pupil language. Programs are stored language-neutrally and shown in any of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Ar,
    Zgh,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Ar, Lang::Zgh];

    /// BCP 47 tag, as used in `<html lang>` and file names.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::Zgh => "zgh",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }
}

/// Structural words of the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Keyword {
    Repeat,
    Times,
    End,
    While,
    If,
    Else,
    ForEach,
    In,
    Define,
    Return,
    And,
    Or,
    Not,
    True,
    False,
    Mod,
    To,
    /// Between a list built-in's values (`item 2 of scores`): the full app's.
    #[cfg(feature = "lists")]
    Of,
    #[cfg(feature = "lists")]
    With,
}

/// Anything a phrase of words can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Keyword(Keyword),
    Builtin(Builtin),
    Colour(Colour),
}

use Builtin as B;
use Keyword as K;
use Term::{Builtin as Tb, Colour as Tc, Keyword as Tk};

const EN: &[(&str, Term)] = &[
    ("repeat", Tk(K::Repeat)),
    ("times", Tk(K::Times)),
    ("end", Tk(K::End)),
    ("while", Tk(K::While)),
    ("if", Tk(K::If)),
    ("else", Tk(K::Else)),
    ("for each", Tk(K::ForEach)),
    ("in", Tk(K::In)),
    ("define", Tk(K::Define)),
    ("return", Tk(K::Return)),
    ("and", Tk(K::And)),
    ("or", Tk(K::Or)),
    ("not", Tk(K::Not)),
    ("true", Tk(K::True)),
    ("false", Tk(K::False)),
    ("mod", Tk(K::Mod)),
    ("to", Tk(K::To)),
    ("move", Tb(B::Move)),
    ("turn left", Tb(B::TurnLeft)),
    ("turn right", Tb(B::TurnRight)),
    ("pick up", Tb(B::PickUp)),
    ("put down", Tb(B::PutDown)),
    ("paint", Tb(B::Paint)),
    ("say", Tb(B::Say)),
    ("pen up", Tb(B::PenUp)),
    ("pen down", Tb(B::PenDown)),
    ("pen colour", Tb(B::PenColour)),
    ("pen color", Tb(B::PenColour)),
    ("pen width", Tb(B::PenWidth)),
    ("motors", Tb(B::Motors)),
    ("wait", Tb(B::Wait)),
    ("drive", Tb(B::Drive)),
    ("turn", Tb(B::Turn)),
    ("wall ahead", Tb(B::WallAhead)),
    ("wall left", Tb(B::WallLeft)),
    ("wall right", Tb(B::WallRight)),
    ("on item", Tb(B::OnItem)),
    ("item count", Tb(B::ItemCount)),
    ("tile colour", Tb(B::TileColour)),
    ("tile color", Tb(B::TileColour)),
    ("at goal", Tb(B::AtGoal)),
    ("at flag", Tb(B::AtGoal)),
    ("facing north", Tb(B::FacingNorth)),
    ("facing east", Tb(B::FacingEast)),
    ("facing south", Tb(B::FacingSouth)),
    ("facing west", Tb(B::FacingWest)),
    ("bag empty", Tb(B::BagEmpty)),
    ("distance", Tb(B::Distance)),
    ("line sensor", Tb(B::LineSensor)),
    ("red", Tc(Colour::Red)),
    ("green", Tc(Colour::Green)),
    ("blue", Tc(Colour::Blue)),
    ("yellow", Tc(Colour::Yellow)),
    ("black", Tc(Colour::Black)),
    ("white", Tc(Colour::White)),
];

const FR: &[(&str, Term)] = &[
    ("répéter", Tk(K::Repeat)),
    ("fois", Tk(K::Times)),
    ("fin", Tk(K::End)),
    ("tant que", Tk(K::While)),
    ("si", Tk(K::If)),
    ("sinon", Tk(K::Else)),
    ("pour chaque", Tk(K::ForEach)),
    ("dans", Tk(K::In)),
    ("définir", Tk(K::Define)),
    ("retourner", Tk(K::Return)),
    ("et", Tk(K::And)),
    ("ou", Tk(K::Or)),
    ("non", Tk(K::Not)),
    ("vrai", Tk(K::True)),
    ("faux", Tk(K::False)),
    ("modulo", Tk(K::Mod)),
    ("jusqu'à", Tk(K::To)),
    ("avancer", Tb(B::Move)),
    ("tourner à gauche", Tb(B::TurnLeft)),
    ("tourner a gauche", Tb(B::TurnLeft)),
    ("tourner à droite", Tb(B::TurnRight)),
    ("tourner a droite", Tb(B::TurnRight)),
    ("ramasser", Tb(B::PickUp)),
    ("déposer", Tb(B::PutDown)),
    ("peindre", Tb(B::Paint)),
    ("dire", Tb(B::Say)),
    ("lever stylo", Tb(B::PenUp)),
    ("baisser stylo", Tb(B::PenDown)),
    ("couleur stylo", Tb(B::PenColour)),
    ("épaisseur stylo", Tb(B::PenWidth)),
    ("moteurs", Tb(B::Motors)),
    ("attendre", Tb(B::Wait)),
    ("rouler", Tb(B::Drive)),
    ("pivoter", Tb(B::Turn)),
    ("mur devant", Tb(B::WallAhead)),
    ("mur à gauche", Tb(B::WallLeft)),
    ("mur a gauche", Tb(B::WallLeft)),
    ("mur à droite", Tb(B::WallRight)),
    ("mur a droite", Tb(B::WallRight)),
    ("sur objet", Tb(B::OnItem)),
    ("nombre d'objets", Tb(B::ItemCount)),
    ("nombre objets", Tb(B::ItemCount)),
    ("couleur case", Tb(B::TileColour)),
    ("au but", Tb(B::AtGoal)),
    ("face au nord", Tb(B::FacingNorth)),
    ("face à l'est", Tb(B::FacingEast)),
    ("face au sud", Tb(B::FacingSouth)),
    ("face à l'ouest", Tb(B::FacingWest)),
    ("sac vide", Tb(B::BagEmpty)),
    ("distance", Tb(B::Distance)),
    ("capteur de ligne", Tb(B::LineSensor)),
    ("rouge", Tc(Colour::Red)),
    ("vert", Tc(Colour::Green)),
    ("bleu", Tc(Colour::Blue)),
    ("jaune", Tc(Colour::Yellow)),
    ("noir", Tc(Colour::Black)),
    ("blanc", Tc(Colour::White)),
];

const AR: &[(&str, Term)] = &[
    ("كرر", Tk(K::Repeat)),
    ("مرات", Tk(K::Times)),
    ("مرة", Tk(K::Times)),
    ("نهاية", Tk(K::End)),
    ("طالما", Tk(K::While)),
    ("إذا", Tk(K::If)),
    ("وإلا", Tk(K::Else)),
    ("لكل", Tk(K::ForEach)),
    ("في", Tk(K::In)),
    ("عرف", Tk(K::Define)),
    ("أرجع", Tk(K::Return)),
    ("و", Tk(K::And)),
    ("أو", Tk(K::Or)),
    ("ليس", Tk(K::Not)),
    ("صحيح", Tk(K::True)),
    ("خطأ", Tk(K::False)),
    ("باقي", Tk(K::Mod)),
    ("إلى", Tk(K::To)),
    ("تقدم", Tb(B::Move)),
    ("استدر يسارا", Tb(B::TurnLeft)),
    ("استدر يمينا", Tb(B::TurnRight)),
    ("التقط", Tb(B::PickUp)),
    ("ضع", Tb(B::PutDown)),
    ("لون", Tb(B::Paint)),
    ("قل", Tb(B::Say)),
    ("ارفع القلم", Tb(B::PenUp)),
    ("أنزل القلم", Tb(B::PenDown)),
    ("لون القلم", Tb(B::PenColour)),
    ("سمك القلم", Tb(B::PenWidth)),
    ("المحركات", Tb(B::Motors)),
    ("انتظر", Tb(B::Wait)),
    ("سر", Tb(B::Drive)),
    ("دور", Tb(B::Turn)),
    ("حائط أمامي", Tb(B::WallAhead)),
    ("حائط يساري", Tb(B::WallLeft)),
    ("حائط يميني", Tb(B::WallRight)),
    ("على شيء", Tb(B::OnItem)),
    ("عدد الأشياء", Tb(B::ItemCount)),
    ("لون الخانة", Tb(B::TileColour)),
    ("عند الهدف", Tb(B::AtGoal)),
    ("نحو الشمال", Tb(B::FacingNorth)),
    ("نحو الشرق", Tb(B::FacingEast)),
    ("نحو الجنوب", Tb(B::FacingSouth)),
    ("نحو الغرب", Tb(B::FacingWest)),
    ("الحقيبة فارغة", Tb(B::BagEmpty)),
    ("المسافة", Tb(B::Distance)),
    ("حساس الخط", Tb(B::LineSensor)),
    ("أحمر", Tc(Colour::Red)),
    ("أخضر", Tc(Colour::Green)),
    ("أزرق", Tc(Colour::Blue)),
    ("أصفر", Tc(Colour::Yellow)),
    ("أسود", Tc(Colour::Black)),
    ("أبيض", Tc(Colour::White)),
];

const ZGH: &[(&str, Term)] = &[
    ("ⴰⵍⵙ", Tk(K::Repeat)),
    ("ⵜⵉⴽⴽⴰⵍ", Tk(K::Times)),
    ("ⵜⵉⴳⵉⵔⴰ", Tk(K::End)),
    ("ⴰⵍⵍⵉⴳ", Tk(K::While)),
    ("ⵎⴽ", Tk(K::If)),
    ("ⵎⵍⴰ ⵓⵀⵓ", Tk(K::Else)),
    ("ⵉ ⴽⵓ", Tk(K::ForEach)),
    ("ⴳ", Tk(K::In)),
    ("ⵙⵏⵎⵍ", Tk(K::Define)),
    ("ⵔⴰⵔ", Tk(K::Return)),
    ("ⴷ", Tk(K::And)),
    ("ⵏⵖ", Tk(K::Or)),
    ("ⵓⵔ", Tk(K::Not)),
    ("ⵜⵉⴷⵜ", Tk(K::True)),
    ("ⵜⵉⴽⵔⴽⵙ", Tk(K::False)),
    ("ⵜⴰⵇⵇⵉⵎⵜ", Tk(K::Mod)),
    ("ⴰⵔ", Tk(K::To)),
    ("ⴷⴷⵓ", Tb(B::Move)),
    ("ⵏⵏⴹ ⵥⵍⵎⴰⴹ", Tb(B::TurnLeft)),
    ("ⵏⵏⴹ ⴼⴰⵙⵙⵉ", Tb(B::TurnRight)),
    ("ⴰⵙⵉ", Tb(B::PickUp)),
    ("ⵙⵔⵙ", Tb(B::PutDown)),
    ("ⵚⴱⵖ", Tb(B::Paint)),
    ("ⵉⵏⵉ", Tb(B::Say)),
    ("ⵙⵙⴰⵍⵉ ⴰⵙⵏⴰⴳ", Tb(B::PenUp)),
    ("ⵙⵙⵓⴷⵙ ⴰⵙⵏⴰⴳ", Tb(B::PenDown)),
    ("ⴰⴽⵍⵓ ⵏ ⵓⵙⵏⴰⴳ", Tb(B::PenColour)),
    ("ⵜⴰⵣⵓⵔⵜ ⵏ ⵓⵙⵏⴰⴳ", Tb(B::PenWidth)),
    ("ⵉⵎⵙⵎⵓⵙⵏ", Tb(B::Motors)),
    ("ⵔⵊⵓ", Tb(B::Wait)),
    ("ⵎⵎⵓⴷⴷⵓ", Tb(B::Drive)),
    ("ⵏⵏⴹ", Tb(B::Turn)),
    ("ⴰⵖⵔⴰⴱ ⴷⴰⵜ", Tb(B::WallAhead)),
    ("ⴰⵖⵔⴰⴱ ⵥⵍⵎⴰⴹ", Tb(B::WallLeft)),
    ("ⴰⵖⵔⴰⴱ ⴼⴰⵙⵙⵉ", Tb(B::WallRight)),
    ("ⵅ ⵓⵎⴰⵙⵙ", Tb(B::OnItem)),
    ("ⵎⵏⵛⴽ ⵉⵎⴰⵙⵙⵏ", Tb(B::ItemCount)),
    ("ⴰⴽⵍⵓ ⵏ ⵜⵙⵓⵔⵜ", Tb(B::TileColour)),
    ("ⵢⵓⵡⴹ ⴰⵏⵙⴰ", Tb(B::AtGoal)),
    ("ⵙ ⴰⴳⴰⴼⴰ", Tb(B::FacingNorth)),
    ("ⵙ ⴰⵏⵏⴰⴳ", Tb(B::FacingEast)),
    ("ⵙ ⴰⴼⵍⵙⵓ", Tb(B::FacingSouth)),
    ("ⵙ ⴰⵜⵔⴰⵎ", Tb(B::FacingWest)),
    ("ⵉⵅⵡⴰ ⵓⵇⵔⴰⴱ", Tb(B::BagEmpty)),
    ("ⴰⵖⴰⵔⴰⵙ", Tb(B::Distance)),
    ("ⴰⵏⴰⵎⵓⵙ ⵏ ⵓⵣⵔⵉⵔⴳ", Tb(B::LineSensor)),
    ("ⴰⵣⴳⴳⵡⴰⵖ", Tc(Colour::Red)),
    ("ⴰⵣⴳⵣⴰⵡ", Tc(Colour::Green)),
    ("ⴰⵏⵉⵍⵉ", Tc(Colour::Blue)),
    ("ⴰⵡⵔⴰⵖ", Tc(Colour::Yellow)),
    ("ⴰⴱⵔⴽⴰⵏ", Tc(Colour::Black)),
    ("ⴰⵎⵍⵍⴰⵍ", Tc(Colour::White)),
];

fn table(lang: Lang) -> &'static [(&'static str, Term)] {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
        Lang::Ar => AR,
        Lang::Zgh => ZGH,
    }
}

/// One language's phrases, split into normalised words, longest phrase first.
#[derive(Debug, Clone)]
pub struct Lexicon {
    lang: Lang,
    phrases: Vec<(Vec<String>, Term)>,
}

impl Lexicon {
    pub fn new(lang: Lang) -> Lexicon {
        // The core table, then the AI built-ins' phrases in builds that have them.
        let phrases = table(lang).iter();
        #[cfg(feature = "ai")]
        let phrases = phrases.chain(crate::lexicon_ai::table(lang));
        #[cfg(feature = "puzzles")]
        let phrases = phrases.chain(crate::lexicon_puzzles::table(lang));
        #[cfg(feature = "lists")]
        let phrases = phrases.chain(crate::lexicon_lists::table(lang));
        let split: Vec<(Vec<String>, Term)> =
            phrases.map(|(phrase, term)| (phrase.split(' ').map(normalize_word).collect(), *term)).collect();
        // Longest first, so `tourner à gauche` wins over a shorter phrase; the table's order
        // is kept among phrases of one length.
        let longest = split.iter().map(|p| p.0.len()).max().unwrap_or(0);
        let phrases =
            (1..=longest).rev().flat_map(|n| split.iter().filter(move |p| p.0.len() == n).cloned()).collect();
        Lexicon { lang, phrases }
    }

    /// `lang`'s lexicon that also reads the words of every other language, `lang`'s first
    /// (see [`Lexicon::every_language`]).
    fn of_all(lang: Lang) -> Lexicon {
        let langs = core::iter::once(lang).chain(Lang::ALL.into_iter().filter(move |l| *l != lang));
        // The core table, then the AI built-ins', the switches' and the lists' in builds that
        // have them (`ai` brings `puzzles`, which brings `lists`).
        #[cfg(feature = "lists")]
        let lists = langs.clone().flat_map(crate::lexicon_lists::table);
        #[cfg(not(feature = "puzzles"))]
        let phrases = langs.flat_map(|l| table(l).iter());
        #[cfg(feature = "puzzles")]
        let phrases = {
            let switches = langs.clone().flat_map(crate::lexicon_puzzles::table);
            #[cfg(feature = "ai")]
            let phrases = langs.flat_map(|l| table(l).iter().chain(crate::lexicon_ai::table(l)));
            #[cfg(not(feature = "ai"))]
            let phrases = langs.flat_map(|l| table(l).iter());
            phrases.chain(switches)
        };
        #[cfg(feature = "lists")]
        let phrases = phrases.chain(lists);
        // As `new` orders them (written apart so lesson 1's reader stays as small as it was).
        let split: Vec<(Vec<String>, Term)> =
            phrases.map(|(phrase, term)| (phrase.split(' ').map(normalize_word).collect(), *term)).collect();
        let longest = split.iter().map(|p| p.0.len()).max().unwrap_or(0);
        let phrases =
            (1..=longest).rev().flat_map(|n| split.iter().filter(move |p| p.0.len() == n).cloned()).collect();
        Lexicon { lang, phrases }
    }

    /// The language's lexicon, built once and kept for the life of the program (every parse
    /// uses one, and the block editor parses each block's text on its own). The four are
    /// leaked on purpose: a cell of plain references needs no destructor, so the wasm carries
    /// no thread-local bookkeeping.
    pub fn shared(lang: Lang) -> &'static Lexicon {
        thread_local! {
            static BUILT: std::cell::Cell<[Option<&'static Lexicon>; 4]> = const { std::cell::Cell::new([None; 4]) };
        }
        BUILT.with(|built| {
            let mut all = built.get();
            let lex = *all[lang as usize].get_or_insert_with(|| Box::leak(Box::new(Lexicon::new(lang))));
            built.set(all);
            lex
        })
    }

    /// A lexicon that reads the words of all four languages, `lang`'s first where two
    /// languages share a word: for a program a pupil went on typing after switching language
    /// (the full app's `session::translate_any`). Built once per language and kept, as
    /// [`Lexicon::shared`].
    pub fn every_language(lang: Lang) -> &'static Lexicon {
        thread_local! {
            static BUILT: std::cell::Cell<[Option<&'static Lexicon>; 4]> = const { std::cell::Cell::new([None; 4]) };
        }
        BUILT.with(|built| {
            let mut all = built.get();
            let lex = *all[lang as usize].get_or_insert_with(|| Box::leak(Box::new(Lexicon::of_all(lang))));
            built.set(all);
            lex
        })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The longest phrase that matches the start of `words` (words already passed through
    /// [`normalize_word`], so each is folded once), with its length in words.
    pub fn match_words<'a>(&self, words: impl Fn(usize) -> Option<&'a str>) -> Option<(Term, usize)> {
        'phrases: for (phrase, term) in &self.phrases {
            for (i, want) in phrase.iter().enumerate() {
                match words(i) {
                    Some(w) if w == want => {}
                    _ => continue 'phrases,
                }
            }
            return Some((*term, phrase.len()));
        }
        None
    }

    /// Whether `word` is the first word of some phrase (so it cannot name a variable).
    pub fn starts_phrase(&self, word: &str) -> bool {
        let w = normalize_word(word);
        self.phrases.iter().any(|(p, _)| p[0] == w)
    }
}

/// The words the printer writes for `term` in `lang`: the first phrase listed.
pub fn spelling(lang: Lang, term: Term) -> &'static str {
    let phrases = table(lang).iter();
    #[cfg(feature = "ai")]
    let phrases = phrases.chain(crate::lexicon_ai::table(lang));
    #[cfg(feature = "puzzles")]
    let phrases = phrases.chain(crate::lexicon_puzzles::table(lang));
    #[cfg(feature = "lists")]
    let phrases = phrases.chain(crate::lexicon_lists::table(lang));
    phrases.into_iter().find(|(_, t)| *t == term).map(|(p, _)| *p).unwrap_or("?")
}

/// Case-folds and removes the marks children often leave out: Latin accents, Arabic short
/// vowels and tatweel, and the hamza forms of alef. Arabic and Tifinagh have no case, so
/// folding Latin letters is enough (and spares the wasm bundle Unicode's case tables).
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let mapped = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => continue,
            '’' => '\'',
            c => c,
        };
        out.push(mapped.to_ascii_lowercase());
    }
    out
}

/// Test helper: `en` (canonical English) printed in every language reads back without a
/// problem and prints as `en` again; and every built-in of `builtins` has a phrase in every
/// language. For the tables kept apart from the core one (AI, switches).
#[cfg(test)]
pub(crate) fn assert_every_language_reads(en: &str, builtins: &[B]) {
    let program = crate::parser::parse(en, Lang::En).program;
    for lang in Lang::ALL {
        let text = crate::printer::print(&program, lang);
        let back = crate::parser::parse(&text, lang);
        assert!(back.diagnostics.is_empty(), "{lang:?}: {text}: {:?}", back.diagnostics);
        assert_eq!(crate::printer::print(&back.program, Lang::En), en, "{lang:?}: {text}");
        for b in builtins {
            assert_ne!(spelling(lang, Tb(*b)), "?", "{lang:?} lacks {b:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_has_a_spelling_in_every_language() {
        for lang in Lang::ALL {
            for (_, term) in EN {
                assert_ne!(spelling(lang, *term), "?", "{lang:?} lacks {term:?}");
            }
        }
    }

    #[test]
    fn longest_phrase_wins_and_marks_are_optional() {
        let fr = Lexicon::new(Lang::Fr);
        let words = ["tourner", "a", "gauche", "x"];
        let got = fr.match_words(|i| words.get(i).copied());
        assert_eq!(got, Some((Tb(B::TurnLeft), 3)));
        let ar = Lexicon::new(Lang::Ar);
        let words = ["اذا"];
        assert_eq!(ar.match_words(|i| words.get(i).copied()), Some((Tk(K::If), 1)));
    }

    #[test]
    fn no_two_terms_share_a_phrase_in_one_language() {
        for lang in Lang::ALL {
            let lex = Lexicon::new(lang);
            for (i, (a, ta)) in lex.phrases.iter().enumerate() {
                for (b, tb) in &lex.phrases[i + 1..] {
                    assert!(a != b || ta == tb, "{lang:?}: {a:?} means {ta:?} and {tb:?}");
                }
            }
        }
    }
}
