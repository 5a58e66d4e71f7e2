//! The AI built-ins' phrases in each pupil language, kept apart from the core table so the
//! core app (built without the `ai` feature) carries none of them. Same rules as the main
//! table: the first phrase of a term is the one the printer writes. The Arabic and
//! Tamazight phrases await review by native-speaking teachers, as the core ones do.

use crate::builtins::Builtin as B;
use crate::lexicon::{Lang, Term, Term::Builtin as Tb};

const EN: &[(&str, Term)] = &[
    ("record", Tb(B::Record)),
    ("forget", Tb(B::Forget)),
    ("practise", Tb(B::Practise)),
    ("practice", Tb(B::Practise)),
    ("best move", Tb(B::BestMove)),
    ("item reward", Tb(B::ItemReward)),
    ("prediction", Tb(B::Prediction)),
    ("item size", Tb(B::ItemSize)),
    ("item darkness", Tb(B::ItemDarkness)),
    ("item weight", Tb(B::ItemWeight)),
    ("floor left", Tb(B::FloorLeft)),
    ("floor right", Tb(B::FloorRight)),
    ("answer", Tb(B::Answer)),
    ("neighbours", Tb(B::Neighbours)),
    ("neighbors", Tb(B::Neighbours)),
    ("tree depth", Tb(B::TreeDepth)),
    ("epochs", Tb(B::Epochs)),
    ("learning rate", Tb(B::LearningRate)),
    ("explore", Tb(B::Explore)),
];

const FR: &[(&str, Term)] = &[
    ("enregistrer", Tb(B::Record)),
    ("oublier", Tb(B::Forget)),
    ("s'entraîner", Tb(B::Practise)),
    ("entraîner", Tb(B::Practise)),
    ("meilleur mouvement", Tb(B::BestMove)),
    ("récompense objet", Tb(B::ItemReward)),
    ("prédiction", Tb(B::Prediction)),
    ("taille objet", Tb(B::ItemSize)),
    ("noirceur objet", Tb(B::ItemDarkness)),
    ("poids objet", Tb(B::ItemWeight)),
    // What a child may write in full, as `nombre d'objets` is.
    ("taille de l'objet", Tb(B::ItemSize)),
    ("noirceur de l'objet", Tb(B::ItemDarkness)),
    ("poids de l'objet", Tb(B::ItemWeight)),
    ("récompense des objets", Tb(B::ItemReward)),
    ("sol à gauche", Tb(B::FloorLeft)),
    ("sol à droite", Tb(B::FloorRight)),
    ("répondre", Tb(B::Answer)),
    ("voisins", Tb(B::Neighbours)),
    ("profondeur arbre", Tb(B::TreeDepth)),
    ("profondeur de l'arbre", Tb(B::TreeDepth)),
    ("époques", Tb(B::Epochs)),
    ("taux d'apprentissage", Tb(B::LearningRate)),
    ("explorer", Tb(B::Explore)),
];

const AR: &[(&str, Term)] = &[
    ("سجّل", Tb(B::Record)),
    ("انسَ", Tb(B::Forget)),
    ("تدرّب", Tb(B::Practise)),
    ("أفضل خطوة", Tb(B::BestMove)),
    ("مكافأة الشيء", Tb(B::ItemReward)),
    ("التنبؤ", Tb(B::Prediction)),
    ("حجم الشيء", Tb(B::ItemSize)),
    ("قتامة الشيء", Tb(B::ItemDarkness)),
    ("وزن الشيء", Tb(B::ItemWeight)),
    ("أرضية اليسار", Tb(B::FloorLeft)),
    ("أرضية اليمين", Tb(B::FloorRight)),
    ("أجب", Tb(B::Answer)),
    ("الجيران", Tb(B::Neighbours)),
    ("عمق الشجرة", Tb(B::TreeDepth)),
    ("الدورات", Tb(B::Epochs)),
    ("سرعة التعلم", Tb(B::LearningRate)),
    ("استكشف", Tb(B::Explore)),
];

const ZGH: &[(&str, Term)] = &[
    ("ⵙⵊⵊⵍ", Tb(B::Record)),
    ("ⵜⵜⵓ", Tb(B::Forget)),
    ("ⵎⵔⵏ", Tb(B::Practise)),
    ("ⴰⵎⵓⵙⵙⵓ ⵢⵓⴼⵏ", Tb(B::BestMove)),
    ("ⴰⵔⴰⵣ ⵏ ⵓⵎⴰⵙⵙ", Tb(B::ItemReward)),
    ("ⴰⵙⵓⴳⵎ", Tb(B::Prediction)),
    ("ⵜⵉⴷⴷⵉ ⵏ ⵓⵎⴰⵙⵙ", Tb(B::ItemSize)),
    ("ⵜⵉⵍⵍⴰⵙ ⵏ ⵓⵎⴰⵙⵙ", Tb(B::ItemDarkness)),
    ("ⴰⵥⴰⵢ ⵏ ⵓⵎⴰⵙⵙ", Tb(B::ItemWeight)),
    ("ⴰⴽⴰⵍ ⵥⵍⵎⴰⴹ", Tb(B::FloorLeft)),
    ("ⴰⴽⴰⵍ ⴼⴰⵙⵙⵉ", Tb(B::FloorRight)),
    ("ⴰⵔⴰⵔ", Tb(B::Answer)),
    ("ⵉⵊⵉⵔⴰⵏ", Tb(B::Neighbours)),
    ("ⵜⴰⵏⵣⴰⴳⵜ ⵏ ⵜⵙⴳⵔⵜ", Tb(B::TreeDepth)),
    ("ⵉⵏⴰⴹⵏ", Tb(B::Epochs)),
    ("ⵜⴰⵣⵣⵍⴰ ⵏ ⵓⵍⵎⵎⵓⴷ", Tb(B::LearningRate)),
    ("ⵙⵙⴽⵛⴼ", Tb(B::Explore)),
];

/// The AI phrases of `lang`.
pub(crate) fn table(lang: Lang) -> &'static [(&'static str, Term)] {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
        Lang::Ar => AR,
        Lang::Zgh => ZGH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ai_programs_read_the_same_in_every_language_and_every_ai_built_in_has_a_phrase() {
        let en = "record \"olive\"\nsay prediction\npractise 200\nbest move\nitem reward 0\nsay item size + item darkness + item weight\nforget\nsay floor left - floor right\nanswer \"stone\"\nneighbours 5\ntree depth 2\nepochs 50\nlearning rate 0.5\nexplore 20\n";
        crate::lexicon::assert_every_language_reads(en, &B::AI);
        let fr = crate::parser::parse("dire taille de l'objet\n", Lang::Fr);
        assert!(fr.diagnostics.is_empty(), "{:?}", fr.diagnostics);
    }
}
