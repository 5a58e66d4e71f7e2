//! Roads and corridors the AI lessons learn to drive (feature `ai`): a path laid afresh for
//! each seed (`tafukt_world::ai::PathSpec`), the robot's floor and wall sensors as readings,
//! and which way the path really goes on from the robot's cell, which is what a recorded
//! example "really was". A move off a road is a fault, as a move into a wall is.

use std::rc::Rc;

use tafukt_world::ai::{floor_brightness, PathSpec, PathStyle, Reading, Sensed};
use tafukt_world::rng::Rng;
use tafukt_world::{Dir, GridWorld};

/// The ways on a path can go from a cell, as the lessons' labels and the marks' colours.
pub const STRAIGHT: &str = "straight";
pub const LEFT: &str = "left";
pub const RIGHT: &str = "right";

/// Layouts tried before settling for the best one found (each is a short seeded walk).
const ATTEMPTS: u64 = 64;

fn step(cell: (u32, u32), d: Dir, width: u32, height: u32) -> Option<(u32, u32)> {
    let (dx, dy) = d.delta();
    let (x, y) = (cell.0 as i64 + dx, cell.1 as i64 + dy);
    (x >= 0 && y >= 0 && x < width as i64 && y < height as i64).then_some((x as u32, y as u32))
}

/// One seeded walk: straight on twice as often as a bend, never onto or beside a cell it
/// already took (so beside the robot is floor except where the path bends). At most one
/// cell per grid cell, whatever length a lesson asks for; cells taken are marked on a grid,
/// so a walk costs the same per step however long it is.
fn walk(rng: &mut Rng, spec: &PathSpec, width: u32, height: u32) -> (Vec<(u32, u32)>, Vec<&'static str>) {
    let start = (spec.x.min(width - 1), spec.y.min(height - 1));
    let length = (spec.length as usize).min(width as usize * height as usize);
    let mut taken = vec![false; width as usize * height as usize];
    let at = |c: (u32, u32)| c.1 as usize * width as usize + c.0 as usize;
    taken[at(start)] = true;
    let (mut path, mut ways) = (vec![start], Vec::new());
    let mut heading = spec.heading;
    while path.len() < length {
        let here = *path.last().unwrap_or(&start);
        let free = |d: Dir| {
            let next = step(here, d, width, height)?;
            let clear = [Dir::North, Dir::East, Dir::South, Dir::West]
                .into_iter()
                .filter_map(|n| step(next, n, width, height))
                .all(|c| c == here || !taken[at(c)]);
            (clear && !taken[at(next)]).then_some(next)
        };
        let options: Vec<(Dir, &'static str)> =
            [(heading, STRAIGHT), (heading, STRAIGHT), (heading.left(), LEFT), (heading.right(), RIGHT)]
                .into_iter()
                .filter(|(d, _)| free(*d).is_some())
                .collect();
        if options.is_empty() {
            break;
        }
        let (d, way) = options[rng.index(options.len())];
        if let Some(next) = free(d) {
            taken[at(next)] = true;
            path.push(next);
        }
        ways.push(way);
        heading = d;
    }
    (path, ways)
}

/// The cells of the path a spec asks for on a `width × height` grid for `seed`: the first
/// layout that has the full length and both bends among its marked cells and among the
/// rest, else the longest one tried.
pub fn lay_out(spec: &PathSpec, seed: u64, width: u32, height: u32) -> Vec<(u32, u32)> {
    let mut best: Vec<(u32, u32)> = Vec::new();
    let marked = spec.marked as usize;
    for attempt in 0..ATTEMPTS {
        let mut rng = Rng::new(seed ^ attempt.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x0a11_70ad);
        let (path, ways) = walk(&mut rng, spec, width, height);
        let has_all = |w: &[&str]| w.is_empty() || (w.contains(&LEFT) && w.contains(&RIGHT));
        let (taught, rest) = ways.split_at(marked.min(ways.len()));
        let want = (spec.length as usize).min(width as usize * height as usize);
        if path.len() == want && has_all(taught) && (rest.len() < 6 || has_all(rest)) {
            return path;
        }
        if path.len() > best.len() {
            best = path;
        }
    }
    best
}

/// Lays the path in `world`: black tiles or a corridor of walls, the marked cells painted
/// with their way on, a flag at the end, the robot on the first cell.
pub fn lay(world: &mut GridWorld, spec: &PathSpec, seed: u64) {
    let path = lay_out(spec, seed, world.width, world.height);
    let Some(&start) = path.first() else { return };
    world.robot.x = start.0;
    world.robot.y = start.1;
    world.robot.heading = spec.heading;
    world.ai.start = start;
    world.ai.path_style = spec.style;
    let mut heading = spec.heading;
    for (i, &cell) in path.iter().enumerate() {
        let next = path.get(i + 1).copied();
        let way = next.map(|n| way_between(cell, n, heading));
        if spec.style == PathStyle::Road {
            world.paint.insert(cell, "black".to_string());
        }
        if i < spec.marked as usize {
            let colour = match way.map(|(w, _)| w) {
                Some(LEFT) => "blue",
                Some(RIGHT) => "red",
                _ => "green",
            };
            world.paint.insert(cell, colour.to_string());
        }
        if spec.style == PathStyle::Corridor {
            let prev = i.checked_sub(1).map(|p| path[p]);
            for d in [Dir::North, Dir::East, Dir::South, Dir::West] {
                let n = step(cell, d, world.width, world.height);
                if n.is_some() && n != next && n != prev {
                    world.add_wall(cell.0, cell.1, d);
                }
            }
        }
        if let Some((_, d)) = way {
            heading = d;
        }
    }
    if let Some(&end) = path.last() {
        world.flags.insert(end);
    }
    world.ai.path = Rc::new(path);
}

/// Which way `to` (a neighbour of `from`) is for a robot facing `heading`, and its direction.
fn way_between(from: (u32, u32), to: (u32, u32), heading: Dir) -> (&'static str, Dir) {
    let d = [Dir::North, Dir::East, Dir::South, Dir::West]
        .into_iter()
        .find(|d| {
            let (dx, dy) = d.delta();
            (from.0 as i64 + dx, from.1 as i64 + dy) == (to.0 as i64, to.1 as i64)
        })
        .unwrap_or(heading);
    let way = if d == heading {
        STRAIGHT
    } else if d == heading.left() {
        LEFT
    } else if d == heading.right() {
        RIGHT
    } else {
        "back"
    };
    (way, d)
}

/// Which way the path goes on from the robot's cell, for the robot as it faces: `None` off
/// the path and at its end.
pub fn way_on(world: &GridWorld) -> Option<&'static str> {
    let path = &world.ai.path;
    let here = (world.robot.x, world.robot.y);
    let i = path.iter().position(|c| *c == here)?;
    let next = *path.get(i + 1)?;
    Some(way_between(here, next, world.robot.heading).0)
}

/// Whether the next move would take the robot off its road (onto a tile that is not road).
pub fn leaves_road(world: &GridWorld) -> bool {
    if world.ai.path_style != PathStyle::Road || world.ai.path.is_empty() {
        return false;
    }
    step((world.robot.x, world.robot.y), world.robot.heading, world.width, world.height)
        .is_some_and(|next| !world.ai.path.contains(&next))
}

/// How bright the floor is on the robot's left (`left`) or right, 0 (black) to 10 (white).
pub fn floor_beside(world: &GridWorld, left: bool) -> f64 {
    let d = if left { world.robot.heading.left() } else { world.robot.heading.right() };
    let (dx, dy) = d.delta();
    let cell = (world.robot.x as i64 + dx, world.robot.y as i64 + dy);
    let colour = if cell.0 < 0 || cell.1 < 0 {
        "white"
    } else {
        world.paint.get(&(cell.0 as u32, cell.1 as u32)).map_or("white", String::as_str)
    };
    floor_brightness(world.ai.seed, cell, colour)
}

/// The robot's own sensors as readings (the item's measurements left at 0).
pub fn sensors(world: &GridWorld) -> Sensed {
    let mut s = [0.0; 8];
    let yes = |b: bool| f64::from(u8::from(b));
    s[Reading::FloorLeft.index()] = floor_beside(world, true);
    s[Reading::FloorRight.index()] = floor_beside(world, false);
    s[Reading::WallAhead.index()] = yes(world.wall_ahead());
    s[Reading::WallLeft.index()] = yes(world.wall_left());
    s[Reading::WallRight.index()] = yes(world.wall_right());
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(length: u32, marked: u32, style: PathStyle) -> PathSpec {
        PathSpec { x: 0, y: 3, heading: Dir::East, length, marked, style }
    }

    fn world(spec: &PathSpec, seed: u64) -> GridWorld {
        let mut w = GridWorld::default();
        (w.width, w.height) = (12, 8);
        w.ai.seed = seed;
        lay(&mut w, spec, seed);
        w
    }

    #[test]
    fn a_path_has_its_length_never_touches_itself_and_differs_by_seed() {
        let s = spec(30, 10, PathStyle::Road);
        let mut layouts = Vec::new();
        for seed in 1..=8 {
            let path = lay_out(&s, seed, 12, 8);
            assert_eq!(path.len(), 30, "seed {seed}");
            for (i, a) in path.iter().enumerate() {
                for (j, b) in path.iter().enumerate() {
                    let touch = a.0.abs_diff(b.0) + a.1.abs_diff(b.1) <= 1;
                    assert_eq!(touch, i.abs_diff(j) <= 1, "seed {seed}: cells {i} and {j} touch");
                }
            }
            assert_eq!(path, lay_out(&s, seed, 12, 8), "a seed always lays the same path");
            layouts.push(path);
        }
        layouts.dedup();
        assert!(layouts.len() >= 7, "seeds lay different roads");
    }

    #[test]
    fn the_marks_say_the_way_on_and_the_sensors_see_the_bends() {
        let s = spec(30, 10, PathStyle::Road);
        let mut w = world(&s, 3);
        let path = w.ai.path.clone();
        assert_eq!((w.robot.x, w.robot.y), path[0]);
        assert!(w.flags.contains(path.last().unwrap()));
        let mut seen = Vec::new();
        // Drive the path by its truth, checking the marks and the sensors at each cell.
        for i in 0..path.len() - 1 {
            let way = way_on(&w).unwrap();
            let mark = w.tile_colour().to_string();
            if i < 10 {
                let want = match way {
                    LEFT => "blue",
                    RIGHT => "red",
                    _ => "green",
                };
                assert_eq!(mark, want, "cell {i}");
            } else {
                assert_eq!(mark, "black");
            }
            let (l, r) = (floor_beside(&w, true), floor_beside(&w, false));
            assert_eq!((l < 5.0, r < 5.0), (way == LEFT, way == RIGHT), "cell {i}: {way} reads {l} {r}");
            match way {
                LEFT => w.turn_left(),
                RIGHT => w.turn_right(),
                _ => {}
            }
            assert!(!leaves_road(&w));
            seen.push(way);
            w.step().unwrap();
        }
        assert!(w.at_flag());
        assert_eq!(way_on(&w), None, "the end of the road");
        assert!(seen.contains(&LEFT) && seen.contains(&RIGHT) && seen.contains(&STRAIGHT));
        let before = path[path.len() - 2];
        for _ in 0..4 {
            w.turn_left();
            if let Some(next) = step((w.robot.x, w.robot.y), w.robot.heading, w.width, w.height) {
                assert_eq!(leaves_road(&w), next != before, "off the end of the road is off the road");
            }
        }
    }

    #[test]
    fn a_path_longer_than_the_grid_stops_where_the_walk_is_stuck() {
        let mut s = spec(u32::MAX, 5, PathStyle::Road);
        (s.x, s.y) = (500, 500);
        let path = lay_out(&s, 1, 100, 100);
        assert!(path.len() > 100 && path.len() < 100 * 100, "{}", path.len());
        assert_eq!(lay_out(&s, 1, 1, 1), vec![(0, 0)], "a one-cell grid");
    }

    #[test]
    fn a_corridor_has_walls_everywhere_but_the_way_on() {
        let s = spec(25, 0, PathStyle::Corridor);
        let mut w = world(&s, 5);
        for _ in 0..24 {
            let way = way_on(&w).unwrap();
            let sensed = sensors(&w);
            let open = |r: Reading| sensed[r.index()] == 0.0;
            assert_eq!(
                (open(Reading::WallAhead), open(Reading::WallLeft), open(Reading::WallRight)),
                (way == STRAIGHT, way == LEFT, way == RIGHT)
            );
            match way {
                LEFT => w.turn_left(),
                RIGHT => w.turn_right(),
                _ => {}
            }
            assert!(!leaves_road(&w), "walls, not road, keep the robot in a corridor");
            w.step().unwrap();
        }
        assert!(w.at_flag());
        assert!(w.wall_ahead() && w.wall_left() && w.wall_right(), "the corridor ends");
    }
}
