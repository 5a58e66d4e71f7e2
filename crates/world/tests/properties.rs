//! Properties of the worlds for any sequence of actions: the grid robot never stands in a wall
//! or outside the grid, replaying the actions that succeeded gives the same world, and the
//! continuous robot never overlaps an obstacle or leaves the arena.

use proptest::prelude::*;
use tafukt_world::arena::RADIUS;
use tafukt_world::spec::{ArenaRobotSpec, ArenaSpec, Obstacle};
use tafukt_world::{Arena, GridSpec, GridWorld};

#[derive(Debug, Clone, Copy)]
enum Act {
    Move,
    Left,
    Right,
    PickUp,
    PutDown,
    Paint,
}

fn apply(w: &mut GridWorld, a: Act) -> bool {
    match a {
        Act::Move => w.step().is_ok(),
        Act::Left => {
            w.turn_left();
            true
        }
        Act::Right => {
            w.turn_right();
            true
        }
        Act::PickUp => w.pick_up().is_ok(),
        Act::PutDown => w.put_down().is_ok(),
        Act::Paint => w.paint("red").is_ok(),
    }
}

fn maze() -> GridWorld {
    let spec: GridSpec = serde_json::from_str(
        r#"{"width":5,"height":4,"robot":{"x":0,"y":0,"heading":"east"},
            "walls":[{"x":1,"y":0,"side":"east"},{"x":1,"y":1,"side":"south"},{"x":3,"y":2,"side":"east"},
                     {"x":2,"y":3,"side":"north"}],
            "items":[{"x":2,"y":2,"kind":"olive","count":3},{"x":4,"y":0,"kind":"date"}]}"#,
    )
    .unwrap();
    GridWorld::from_spec(&spec)
}

fn act() -> impl Strategy<Value = Act> {
    prop::sample::select(vec![
        Act::Move,
        Act::Move,
        Act::Move,
        Act::Left,
        Act::Right,
        Act::PickUp,
        Act::PutDown,
        Act::Paint,
    ])
}

proptest! {
    #[test]
    fn the_grid_robot_never_crosses_a_wall_or_leaves_the_grid(acts in prop::collection::vec(act(), 0..200)) {
        let mut w = maze();
        for a in acts {
            let (x, y, heading) = (w.robot.x, w.robot.y, w.robot.heading);
            let blocked = w.wall(x, y, heading);
            let ok = apply(&mut w, a);
            prop_assert!(w.robot.x < w.width && w.robot.y < w.height);
            if matches!(a, Act::Move) {
                // A move through a wall fails and leaves the robot where it was.
                prop_assert_eq!(ok, !blocked);
                if blocked {
                    prop_assert_eq!((w.robot.x, w.robot.y), (x, y));
                }
            }
        }
    }

    #[test]
    fn replaying_the_actions_that_succeeded_reproduces_the_world(acts in prop::collection::vec(act(), 0..200)) {
        let mut w = maze();
        let mut trace = Vec::new();
        for a in acts {
            if apply(&mut w, a) {
                trace.push(a);
            }
        }
        let mut replay = maze();
        for a in trace {
            prop_assert!(apply(&mut replay, a), "every recorded action succeeds again");
        }
        prop_assert_eq!(replay, w);
    }

    #[test]
    fn the_continuous_robot_never_overlaps_an_obstacle(
        drives in prop::collection::vec((-100i32..=100, -100i32..=100, 1u32..60), 0..40)
    ) {
        let spec = ArenaSpec::fixed(120, 80, ArenaRobotSpec { x: 20, y: 40, heading: 0 }, vec![
                Obstacle::Rect { x: 50, y: 20, w: 10, h: 40 },
                Obstacle::Circle { x: 90, y: 40, r: 8 },
            ], vec![]);
        let mut a = Arena::new(&spec);
        for (l, r, hundredths) in drives {
            a.set_motors(l as f64, r as f64);
            for _ in 0..hundredths {
                a.step();
                let (x, y) = (a.robot.x, a.robot.y);
                prop_assert!(x >= RADIUS && y >= RADIUS && x <= 120.0 - RADIUS && y <= 80.0 - RADIUS, "left the arena: {x} {y}");
                let (cx, cy) = (x.clamp(50.0, 60.0), y.clamp(20.0, 60.0));
                prop_assert!((x - cx).powi(2) + (y - cy).powi(2) >= RADIUS * RADIUS, "inside the box: {x} {y}");
                prop_assert!((x - 90.0).powi(2) + (y - 40.0).powi(2) >= (RADIUS + 8.0).powi(2), "inside the post: {x} {y}");
            }
        }
    }
}

/// How many squares of a `width × height` grid the robot can reach from where it stands,
/// and how many open sides lie between squares (each counted once).
fn reach_and_passages(w: &GridWorld) -> (usize, usize) {
    use tafukt_world::grid::Dir;
    let (width, height) = (w.width, w.height);
    let mut seen = vec![false; (width * height) as usize];
    let mut todo = vec![(w.robot.x, w.robot.y)];
    seen[(w.robot.y * width + w.robot.x) as usize] = true;
    while let Some((x, y)) = todo.pop() {
        for (side, nx, ny) in [(Dir::East, x + 1, y), (Dir::South, x, y + 1)]
            .into_iter()
            .chain((x > 0).then(|| (Dir::West, x - 1, y)))
            .chain((y > 0).then(|| (Dir::North, x, y - 1)))
        {
            if nx < width && ny < height && !w.wall(x, y, side) && !seen[(ny * width + nx) as usize] {
                seen[(ny * width + nx) as usize] = true;
                todo.push((nx, ny));
            }
        }
    }
    let open = (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .map(|(x, y)| {
            usize::from(x + 1 < width && !w.wall(x, y, Dir::East))
                + usize::from(y + 1 < height && !w.wall(x, y, Dir::South))
        })
        .sum();
    (seen.iter().filter(|s| **s).count(), open)
}

proptest! {
    /// A `maze` rule over the whole grid, any size and seed: a perfect maze (every square
    /// reached, one path between any two: squares − 1 passages), the flag on it.
    #[test]
    fn a_seeded_maze_is_perfect_for_any_size_and_seed(width in 2u32..12, height in 2u32..12, seed in any::<u64>()) {
        let spec: GridSpec = serde_json::from_str(&format!(
            r#"{{"width":{width},"height":{height},"robot":{{"x":0,"y":0,"heading":"east"}},
            "variants":{{"seeds":[1],"rules":[{{"maze":{{"x":0,"y":0,"width":{width},"height":{height}}}}}]}}}}"#
        )).unwrap();
        let w = GridWorld::from_spec_seeded(&spec, seed);
        let squares = (width * height) as usize;
        prop_assert_eq!(reach_and_passages(&w), (squares, squares - 1));
        prop_assert_eq!(w.flags.len(), 1);
        prop_assert_eq!(w.clone(), GridWorld::from_spec_seeded(&spec, seed), "the same seed, the same maze");
    }
}

proptest! {
    /// A `portal` rule in a grid of any size, its ends anywhere: every move lands where a
    /// plain step would, unless that square is a portal end, and then on the other end,
    /// facing the same way; the robot never leaves the grid, and turns never jump.
    #[test]
    fn a_move_onto_a_portal_comes_out_of_the_other_end(
        width in 2u32..8,
        height in 1u32..8,
        ends in (0u32..64, 0u32..64),
        seed in any::<u64>(),
        acts in prop::collection::vec(prop::sample::select(vec![Act::Move, Act::Move, Act::Left, Act::Right]), 0..120),
    ) {
        let cell = |i: u32| (i % width, (i / width) % height);
        let (a, b) = (cell(ends.0), cell(ends.1));
        prop_assume!(a != b);
        let spec: GridSpec = serde_json::from_str(&format!(
            r#"{{"width":{width},"height":{height},"robot":{{"x":0,"y":0,"heading":"east"}},
            "variants":{{"seeds":[1],"rules":[{{"portal":{{"a":[{{"x":{},"y":{}}}],"b":[{{"x":{},"y":{}}}]}}}}]}}}}"#,
            a.0, a.1, b.0, b.1
        )).unwrap();
        let mut w = GridWorld::from_spec_seeded(&spec, seed);
        prop_assert_eq!(&w.puzzle.portals, &vec![[a, b]]);
        for act in acts {
            let (x, y, heading) = (w.robot.x, w.robot.y, w.robot.heading);
            let (dx, dy) = heading.delta();
            let plain = (x as i64 + dx, y as i64 + dy);
            let inside = plain.0 >= 0 && plain.1 >= 0 && plain.0 < width as i64 && plain.1 < height as i64;
            let moved = apply(&mut w, act);
            let here = (w.robot.x, w.robot.y);
            match act {
                Act::Move if inside => {
                    prop_assert!(moved);
                    let landed = (plain.0 as u32, plain.1 as u32);
                    let expected = if landed == a { b } else if landed == b { a } else { landed };
                    prop_assert_eq!(here, expected);
                    prop_assert_eq!(w.robot.heading, heading);
                    prop_assert_eq!(w.puzzle.jumped_at == Some(w.actions), expected != landed);
                }
                Act::Move => prop_assert!(!moved && here == (x, y)),
                _ => prop_assert_eq!(here, (x, y)),
            }
        }
    }
}
