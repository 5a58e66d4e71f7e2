//! The printed lesson sheet's blocks to cut out, for classes that code on paper: one card
//! for each line of the reference solution in the pupil's language (so the pieces are all
//! there, in no order), and one for each of the lesson's robot actions the solution does not
//! use. Plain Rust, tested natively; `components::lesson_sheet` lays them out for print.

use tafukt_lang::blocks::action_block;
use tafukt_lang::printer::print;
use tafukt_lang::{Builtin, Lang, Program};
use tafukt_lesson::Lesson;

/// The cards' texts, in the order the solution reads, the extra actions last.
pub fn cut_outs(lesson: &Lesson, lang: Lang) -> Vec<String> {
    let solution = crate::session::translate(&lesson.solution, Lang::En, lang).unwrap_or_default();
    let mut cards: Vec<String> = solution
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    // A list block is drawn on the solution's list (the first it writes in brackets).
    let list = tafukt_lang::blocks::list_variable(
        &tafukt_lang::parser::parse(&lesson.solution, Lang::En).program,
        "",
    );
    let block_of = |b: Builtin| action_block(b).or_else(|| tafukt_lang::blocks::list_block(b, &list));
    for block in lesson.toolbox.iter().filter_map(|k| Builtin::from_key(k)).filter_map(block_of) {
        let text = print(&Program { body: vec![block], spans: vec![] }, lang);
        let line = text.lines().next().unwrap_or_default().trim().to_string();
        if !line.is_empty() && !cards.contains(&line) {
            cards.push(line);
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(id: &str) -> Lesson {
        let file = format!("{}/lessons/{id}.json", env!("CARGO_MANIFEST_DIR"));
        tafukt_lesson::model::parse_lesson(&file, &std::fs::read_to_string(&file).unwrap()).unwrap()
    }

    #[test]
    fn lesson_one_cuts_into_its_solution_and_the_other_turn() {
        let l = lesson("first-steps-1");
        assert_eq!(
            cut_outs(&l, Lang::En),
            ["move", "turn left", "repeat 3 times", "move", "end", "turn right"]
        );
        assert_eq!(
            cut_outs(&l, Lang::Ar),
            ["تقدم", "استدر يسارا", "كرر 3 مرات", "تقدم", "نهاية", "استدر يمينا"]
        );
    }

    #[test]
    fn a_list_block_the_solution_does_not_use_gets_a_card_on_the_solutions_list() {
        // (The bundle gives the lesson its names in the pupil's language; the file has them
        // in English.)
        let cards = cut_outs(&lesson("variables-8"), Lang::Fr);
        assert!(cards.contains(&"ajouter nombre d'objets dans counts".to_string()), "{cards:?}");
        assert!(cards.contains(&"retirer élément 1 de counts".to_string()), "{cards:?}");
    }
}
