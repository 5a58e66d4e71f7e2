//! Same seed, same results, and stepping gives what running gives: the properties that let
//! the app's timeline replay training and let a lesson check a pupil's model on any machine.

use proptest::prelude::*;
use tafukt_ai::lessons;
use tafukt_ai::{
    split, Dataset, GridEnv, GridRewards, Knn, Perceptron, PerceptronSet, QLearner, QParams, Tree, TreeParams,
};
use tafukt_world::grid::{Dir, GridWorld};

fn maze(seed: u64) -> GridWorld {
    let mut w = GridWorld::default();
    w.width = 5;
    w.height = 4;
    // A wall whose place the seed picks, so the property covers more than one maze.
    w.add_wall((seed % 4) as u32, (seed % 3) as u32, Dir::East);
    w.flags.insert((4, 3));
    w
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn same_seed_same_data_split_and_models(seed in any::<u64>(), n in 1usize..60) {
        let a = lessons::olives_and_stones(seed, n);
        prop_assert_eq!(&a, &lessons::olives_and_stones(seed, n));
        prop_assert_eq!(lessons::road(seed, n), lessons::road(seed, n));
        prop_assert_eq!(lessons::should_turn(seed, n), lessons::should_turn(seed, n));
        prop_assert_eq!(lessons::one_sided_olives(seed, n), lessons::one_sided_olives(seed, n));
        let (train, test) = split(&a, 30, seed);
        prop_assert_eq!((&train, &test), (&split(&a, 30, seed).0, &split(&a, 30, seed).1));
        prop_assert_eq!(Tree::fit(&train, TreeParams::default()), Tree::fit(&train, TreeParams::default()));
        let knn = Knn::new(3, train.clone());
        for r in &test.rows {
            prop_assert_eq!(knn.predict(&r.features), knn.predict(&r.features));
        }
    }

    #[test]
    fn same_seed_same_q_table_and_stepping_equals_running(seed in any::<u64>(), episodes in 1usize..30) {
        let env = GridEnv::from_world(&maze(seed), GridRewards::default());
        let params = QParams { max_steps: 60, ..QParams::default() };
        let mut run = QLearner::new(env.clone(), params, seed);
        run.train(episodes);
        let mut again = QLearner::new(env.clone(), params, seed);
        again.train(episodes);
        prop_assert_eq!(bits(&run.q.values), bits(&again.q.values));
        prop_assert_eq!(bits(&run.episode_rewards), bits(&again.episode_rewards));
        let mut stepped = QLearner::new(env, params, seed);
        while stepped.episodes() < episodes {
            stepped.step();
        }
        prop_assert_eq!(bits(&run.q.values), bits(&stepped.q.values));
        prop_assert_eq!(&run.episode_steps, &stepped.episode_steps);
    }

    #[test]
    fn perceptron_steps_add_up_to_its_epochs(seed in any::<u64>(), epochs in 1u32..20) {
        let road = lessons::road(seed, 20);
        let mut by_epoch = Perceptron::new(2, 0.1, epochs);
        for _ in 0..epochs {
            by_epoch.epoch(&road);
        }
        let mut by_step = Perceptron::new(2, 0.1, epochs);
        for _ in 0..epochs as usize * road.len() {
            by_step.step(&road);
        }
        prop_assert_eq!(by_epoch, by_step);
    }

    #[test]
    fn a_perceptron_per_answer_is_the_same_trained_at_once_or_epoch_by_epoch(seed in any::<u64>(), n in 1usize..40, epochs in 1u32..30) {
        // Three answers from the tree's table (forward, left, right), two of its readings.
        let data: Dataset = lessons::should_turn(seed, n).select_features(&[0, 1]);
        let once = PerceptronSet::fit(&data, 0.5, epochs);
        prop_assert_eq!(&once, &PerceptronSet::fit(&data, 0.5, epochs));
        let mut stepped = PerceptronSet::new(data.label_count(), 2, 0.5, epochs);
        while !stepped.converged && stepped.epochs_done < epochs {
            stepped.epoch(&data);
        }
        prop_assert_eq!(&once, &stepped);
        for r in &data.rows {
            prop_assert!(once.predict(&r.features).is_some_and(|l| (l as usize) < data.label_count()));
        }
    }
}
