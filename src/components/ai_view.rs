//! Which AI panels a lesson's world shows, from what the learner holds beside the grid
//! (`GridWorld::ai`): for data lessons the recorded examples and the model the lesson chose,
//! trained as the program's `prediction` would be (`tafukt_lesson::ai_world`), the example
//! a tap on a point picked, and the pupil's own rule beside the model when the program
//! answered by hand; for reward lessons the Q-table and the reward of each practice run.
//! Full app only.

use std::rc::Rc;

use tafukt_ai::QTable;
use tafukt_lesson::ai_goals::compare;
use tafukt_lesson::ai_world::{columns_of, recorded_table, sense, Trained};
use tafukt_world::ai::Model as Chosen;
use tafukt_world::GridWorld;
use yew::prelude::*;

use tafukt_lesson::Goal;

use super::ai_panel::{
    comparison_panel, data_panel, evaluation_panel, example_card, reward_panel, tree_panel, Model,
};
use super::i18n::{use_i18n, I18n};
use crate::ai_eval::evaluate;

/// The panels for `world`, or nothing when it is not an AI lesson's world; `goals` (the
/// lesson's) say whether the model is judged on held-out items, shown too.
pub fn ai_view(world: &GridWorld, goals: &[Goal]) -> Html {
    let ai = &world.ai;
    let learning =
        !ai.q.is_empty() || !ai.recorded.is_empty() || !ai.samples.is_empty() || !ai.path.is_empty();
    if !learning {
        return Html::default();
    }
    let held_out = goals.iter().find_map(|g| match g {
        Goal::Accuracy { dataset, count, .. } => Some((dataset.clone(), *count)),
        _ => None,
    });
    html! { <AiPanels world={Rc::new(world.clone())} {held_out} /> }
}

#[derive(Properties)]
pub struct Props {
    pub world: Rc<GridWorld>,
    /// The dataset and number of held-out items the lesson's accuracy goal counts.
    pub held_out: Option<(String, u32)>,
}

/// The panels change only when what was learnt, the items, the model's settings or the
/// robot's cell or heading (its sensors) change: the learner's shared parts compare by
/// pointer (a new one is made on every change).
impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        let (a, b) = (&self.world.ai, &other.world.ai);
        let (r, s) = (&self.world.robot, &other.world.robot);
        Rc::ptr_eq(&a.recorded, &b.recorded)
            && Rc::ptr_eq(&a.answers, &b.answers)
            && Rc::ptr_eq(&a.q, &b.q)
            && Rc::ptr_eq(&a.samples, &b.samples)
            && a.learner == b.learner
            && (r.x, r.y, r.heading) == (s.x, s.y, s.heading)
            && self.held_out == other.held_out
    }
}

/// The panels, and the example whose point was tapped (its readings and label in words).
#[component]
pub fn AiPanels(props: &Props) -> Html {
    let i18n = use_i18n();
    let tapped = use_state(|| None::<usize>);
    let onclick = {
        let tapped = tapped.clone();
        Callback::from(move |e: MouseEvent| {
            let example = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.closest("[data-example]").ok().flatten())
                .and_then(|el| el.get_attribute("data-example"))
                .and_then(|i| i.parse().ok());
            tapped.set(example);
        })
    };
    let world = &props.world;
    // Judged again only when a new example is recorded (not as the robot walks): a dozen
    // trainings for the learning curve, each tried on every held-out item.
    let evaluation = {
        let world = world.clone();
        let recorded = &world.ai.recorded;
        let key = (
            (Rc::as_ptr(recorded) as usize, recorded.len()),
            props.held_out.clone(),
            world.ai.learner.clone(),
        );
        use_memo(key, move |(_, held_out, _)| {
            let (dataset, count) = held_out.as_ref()?;
            if world.ai.recorded.is_empty() {
                return None;
            }
            evaluate(&world, dataset, *count)
        })
    };
    let data = (world.ai.learner.model != Chosen::QLearning).then(|| named_table(world, &i18n));
    html! {
        <div {onclick}>
            { panels(world, &i18n) }
            if let Some(e) = evaluation.as_ref() {
                { evaluation_panel(e, &i18n) }
            }
            if !world.ai.answers.is_empty() {
                { comparison_panel(&compare(world), &i18n) }
            }
            if let (Some(i), Some(data)) = (*tapped, data) {
                { example_card(&data, i) }
            }
        </div>
    }
}

/// The recorded examples, with the readings' names in the pupil's language.
fn named_table(world: &GridWorld, i18n: &I18n) -> tafukt_ai::Dataset {
    let mut data = recorded_table(world);
    data.feature_names = data.feature_names.iter().map(|k| i18n.t(&format!("ai.reading.{k}"))).collect();
    data
}

fn panels(world: &GridWorld, i18n: &I18n) -> Html {
    let ai = &world.ai;
    if ai.learner.model == Chosen::QLearning {
        if ai.q.is_empty() {
            return Html::default();
        }
        let q = QTable { states: ai.q.len() / 4, actions: 4, values: ai.q.to_vec() };
        return html! {
            <section class="ai-panels" data-testid="ai-panels">
                { reward_panel(&q, world.width, world.height, &ai.episode_rewards, i18n) }
            </section>
        };
    }
    let data = named_table(world, i18n);
    let here = sense(world).map(|s| columns_of(world, &s));
    let (fx, fy) = (0, usize::from(data.feature_count() > 1));
    let (trained, _) = Trained::fit(world, data.clone());
    let reading = here.as_deref();
    // Walls are there or not: a scatter of 0s and 1s says nothing the tree does not.
    let plotted = !ai.learner.columns().iter().all(|c| c.yes_or_no());
    html! {
        <section class="ai-panels" data-testid="ai-panels">
            {
                match &trained {
                    Trained::Knn(k) => data_panel(&data, &Model::Knn(k), fx, fy, reading, i18n),
                    Trained::Perceptron(p) => data_panel(&data, &Model::Perceptron(p), fx, fy, reading, i18n),
                    Trained::Perceptrons(p) => data_panel(&data, &Model::Perceptrons(p), fx, fy, reading, i18n),
                    Trained::Tree(t) => html! {
                        <>
                            if plotted { { data_panel(&data, &Model::Tree(t), fx, fy, reading, i18n) } }
                            if !data.is_empty() { { tree_panel(t, &data, reading, i18n) } }
                        </>
                    },
                }
            }
        </section>
    }
}
