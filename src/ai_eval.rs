//! How well the pupil's model does on items it never saw, for the evaluation panel: the
//! score on a lesson's held-out items (the same ones its accuracy goal counts), the confusion
//! table (what each kind was taken for) and the learning curve (the score when trained on the
//! first 1, 2, … recorded examples). Plain Rust, tested natively; part of the full app only.

use tafukt_lesson::ai_goals::{held_out, kind_of_label};
use tafukt_lesson::ai_world::{recorded_table, Trained};
use tafukt_world::GridWorld;

/// The evaluation of the recordings in `world` on a lesson's held-out items.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub right: u32,
    pub total: u32,
    /// The kinds of the held-out items, the order of `confusion`'s rows and columns.
    pub kinds: Vec<String>,
    /// `confusion[real][taken for]`, with one more column for "no answer".
    pub confusion: Vec<Vec<u32>>,
    /// (examples trained on, percent right), for growing numbers of examples.
    pub curve: Vec<(usize, u32)>,
}

impl Evaluation {
    pub fn percent(&self) -> u32 {
        (self.right * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// Points on the learning curve at most (each trains the model once more).
const CURVE_POINTS: usize = 12;

/// The evaluation on `count` held-out items of `dataset` for the world's seed; none when
/// the dataset is unknown.
pub fn evaluate(world: &GridWorld, dataset: &str, count: u32) -> Option<Evaluation> {
    let test = held_out(world, dataset, count)?;
    let kinds = test.labels.clone();
    let data = recorded_table(world);
    // The kind each of the pupil's labels stands for, as a column of the table.
    let column: Vec<usize> = data
        .labels
        .iter()
        .map(|l| {
            kind_of_label(world, l).and_then(|k| kinds.iter().position(|x| *x == k)).unwrap_or(kinds.len())
        })
        .collect();
    let answers = |n: usize| -> Vec<usize> {
        if n == 0 {
            return vec![kinds.len(); test.len()];
        }
        let (model, _) = Trained::fit(world, data.prefix(n));
        test.rows
            .iter()
            .map(|r| {
                model
                    .classify(&r.features)
                    .and_then(|l| column.get(l as usize).copied())
                    .unwrap_or(kinds.len())
            })
            .collect()
    };
    let all = answers(data.len());
    let mut confusion = vec![vec![0u32; kinds.len() + 1]; kinds.len()];
    let mut right = 0;
    for (row, taken) in test.rows.iter().zip(&all) {
        let real = row.label as usize;
        if let Some(cell) = confusion.get_mut(real).and_then(|r| r.get_mut(*taken)) {
            *cell += 1;
        }
        right += u32::from(real == *taken);
    }
    let total = test.len() as u32;
    let step = data.len().div_ceil(CURVE_POINTS).max(1);
    let curve = (1..=data.len())
        .filter(|n| n % step == 0 || *n == data.len())
        .map(|n| {
            let got =
                answers(n).iter().zip(&test.rows).filter(|(t, r)| **t == r.label as usize).count() as u32;
            (n, (got * 100).checked_div(total).unwrap_or(0))
        })
        .collect();
    Some(Evaluation { right, total, kinds, confusion, curve })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tafukt_lang::{Lang, Limits};
    use tafukt_lesson::ai_goals::held_out_score;
    use tafukt_lesson::model::parse_lesson;
    use tafukt_lesson::runner::run_to_end;
    use tafukt_world::World;

    fn solved(id: &str, seed: u64) -> GridWorld {
        let file = format!("{}/lessons/{id}.json", env!("CARGO_MANIFEST_DIR"));
        let lesson = parse_lesson(&file, &std::fs::read_to_string(&file).unwrap()).unwrap();
        let out = run_to_end(&lesson.solution, Lang::En, &lesson.world, seed, Limits::default()).unwrap();
        match out.world {
            World::Grid(g) => g,
            _ => panic!("{id} is a grid lesson"),
        }
    }

    #[test]
    fn the_panel_scores_as_the_accuracy_goal_does_and_the_table_adds_up() {
        let world = solved("ai-data-3", 1);
        let e = evaluate(&world, "olives_and_stones", 100).unwrap();
        assert_eq!((e.right, e.total), held_out_score(&world, "olives_and_stones", 100));
        assert!(e.percent() >= 90, "the reference solution passes its goal: {}", e.percent());
        let cells: u32 = e.confusion.iter().flatten().sum();
        assert_eq!(cells, e.total);
        let diagonal: u32 = (0..e.kinds.len()).map(|k| e.confusion[k][k]).sum();
        assert_eq!(diagonal, e.right);
        // The curve ends with every example, where its score is the panel's.
        assert_eq!(e.curve.last(), Some(&(world.ai.recorded.len(), e.percent())));
        assert!(e.curve.len() <= CURVE_POINTS + 1);
    }

    #[test]
    fn nothing_recorded_is_no_answer_for_every_item() {
        let file = format!("{}/lessons/ai-data-3.json", env!("CARGO_MANIFEST_DIR"));
        let lesson = parse_lesson(&file, &std::fs::read_to_string(&file).unwrap()).unwrap();
        let World::Grid(world) = tafukt_lesson::runner::world_from(&lesson.world, 1) else { panic!() };
        let e = evaluate(&world, "olives_and_stones", 40).unwrap();
        assert_eq!(e.right, 0);
        assert!(e.confusion.iter().all(|row| row[e.kinds.len()] == row.iter().sum::<u32>()));
        assert!(e.curve.is_empty());
        assert!(evaluate(&world, "no such dataset", 40).is_none());
    }
}
