//! Perfect mazes drawn from a seed (the `maze` variant rule, full app only): walls between
//! every two squares of a region, then a passage carved by a seeded depth-first walk, so
//! every square is reachable by exactly one path (a wall-follower always gets through). The
//! robot starts on a seeded square facing a seeded way, and the flag stands on the square
//! farthest from it: a route learnt by heart fails on the next seed.

use crate::grid::{Dir, GridWorld};
use crate::rng::Rng;

const DIRS: [Dir; 4] = [Dir::North, Dir::East, Dir::South, Dir::West];

/// A region of the grid, clamped to it (at least one square).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Region {
    fn within(self, world: &GridWorld) -> Region {
        let x = self.x.min(world.width - 1);
        let y = self.y.min(world.height - 1);
        Region {
            x,
            y,
            width: self.width.clamp(1, world.width - x),
            height: self.height.clamp(1, world.height - y),
        }
    }

    fn contains(self, (x, y): (u32, u32)) -> bool {
        x >= self.x && y >= self.y && x < self.x + self.width && y < self.y + self.height
    }

    fn index(self, (x, y): (u32, u32)) -> usize {
        ((y - self.y) * self.width + (x - self.x)) as usize
    }

    fn cell(self, i: usize) -> (u32, u32) {
        (self.x + i as u32 % self.width, self.y + i as u32 / self.width)
    }

    /// The square beside `cell` on `side`, if it is in the region.
    fn beside(self, (x, y): (u32, u32), side: Dir) -> Option<(u32, u32)> {
        let (dx, dy) = side.delta();
        let (nx, ny) = (x as i64 + dx, y as i64 + dy);
        (nx >= 0 && ny >= 0).then_some((nx as u32, ny as u32)).filter(|c| self.contains(*c))
    }
}

/// Carves a new maze into `region` of `world`, and places the robot and the flag in it.
pub fn carve(world: &mut GridWorld, region: Region, rng: &mut Rng) {
    let r = region.within(world);
    let squares = (r.width * r.height) as usize;
    let (width, height) = (world.width, world.height);
    // Every side of every square walled: inside the region and around it (the grid's own
    // border is a wall already).
    for i in 0..squares {
        let (x, y) = r.cell(i);
        let on_border = |side: Dir| match side {
            Dir::North => y == 0,
            Dir::West => x == 0,
            Dir::East => x + 1 == width,
            Dir::South => y + 1 == height,
        };
        for side in DIRS.into_iter().filter(|&s| !on_border(s)) {
            world.add_wall(x, y, side);
        }
    }
    // A depth-first walk from a seeded square opens one wall to each square not yet reached.
    let mut reached = vec![false; squares];
    let first = rng.index(squares);
    reached[first] = true;
    let mut path = vec![first];
    while let Some(&here) = path.last() {
        let cell = r.cell(here);
        let open: Vec<(Dir, usize)> = DIRS
            .iter()
            .filter_map(|&side| r.beside(cell, side).map(|c| (side, r.index(c))))
            .filter(|&(_, i)| !reached[i])
            .collect();
        if open.is_empty() {
            path.pop();
            continue;
        }
        let (side, next) = open[rng.index(open.len())];
        world.remove_wall(cell.0, cell.1, side);
        reached[next] = true;
        path.push(next);
    }
    // The robot on a seeded square, the flag as far from it as the maze allows.
    let start = r.cell(rng.index(squares));
    let heading = DIRS[rng.index(DIRS.len())];
    let far = farthest(world, r, start);
    let flags: Vec<(u32, u32)> = world.flags.iter().copied().filter(|&c| !r.contains(c)).collect();
    world.flags = flags.into_iter().collect();
    world.flags.insert(far);
    world.robot.x = start.0;
    world.robot.y = start.1;
    world.robot.heading = heading;
}

/// The square of the region farthest from `start` through open sides (the first of them in
/// reading order on a tie).
fn farthest(world: &GridWorld, r: Region, start: (u32, u32)) -> (u32, u32) {
    let d = distances(world, r, start);
    let far = (0..d.len()).filter(|&i| d[i] != u32::MAX).fold(r.index(start), |best, i| {
        if d[i] > d[best] {
            i
        } else {
            best
        }
    });
    r.cell(far)
}

/// Moves from `start` to each square of the region through open sides, breadth first;
/// `u32::MAX` for a square it cannot reach.
fn distances(world: &GridWorld, r: Region, start: (u32, u32)) -> Vec<u32> {
    let mut d = vec![u32::MAX; (r.width * r.height) as usize];
    d[r.index(start)] = 0;
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(cell) = queue.pop_front() {
        for side in DIRS {
            let Some(next) = r.beside(cell, side) else { continue };
            if !world.wall(cell.0, cell.1, side) && d[r.index(next)] == u32::MAX {
                d[r.index(next)] = d[r.index(cell)] + 1;
                queue.push_back(next);
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::GridSpec;

    fn open_world(width: u32, height: u32) -> GridWorld {
        let spec: GridSpec = serde_json::from_str(&format!(
            r#"{{"width":{width},"height":{height},"robot":{{"x":0,"y":0,"heading":"east"}},"flags":[{{"x":1,"y":1}}]}}"#
        ))
        .unwrap();
        GridWorld::from_spec(&spec)
    }

    /// Open sides between squares of the region, each counted once.
    fn passages(world: &GridWorld, r: Region) -> usize {
        (0..(r.width * r.height) as usize)
            .map(|i| r.cell(i))
            .map(|c| {
                [Dir::East, Dir::South]
                    .iter()
                    .filter(|&&s| r.beside(c, s).is_some() && !world.wall(c.0, c.1, s))
                    .count()
            })
            .sum()
    }

    #[test]
    fn every_square_is_reached_by_exactly_one_path_and_the_flag_is_farthest() {
        for seed in 1..40 {
            let mut w = open_world(7, 5);
            let r = Region { x: 0, y: 0, width: 7, height: 5 };
            carve(&mut w, r, &mut Rng::new(seed));
            let start = (w.robot.x, w.robot.y);
            let d = distances(&w, r, start);
            assert!(d.iter().all(|&x| x != u32::MAX), "seed {seed}: every square reached");
            // Connected with squares − 1 passages: a tree, so one path between any two squares.
            assert_eq!(passages(&w, r), 7 * 5 - 1, "seed {seed}: no loop");
            let flags: Vec<_> = w.flags.iter().copied().collect();
            assert_eq!(flags.len(), 1, "the old flag is gone, one new one");
            assert_eq!(d[r.index(flags[0])], *d.iter().max().unwrap(), "seed {seed}: the farthest square");
        }
    }

    #[test]
    fn the_seed_decides_the_maze_and_the_same_seed_gives_the_same_one() {
        let maze = |seed| {
            let mut w = open_world(6, 6);
            carve(&mut w, Region { x: 0, y: 0, width: 6, height: 6 }, &mut Rng::new(seed));
            w
        };
        assert_eq!(maze(3), maze(3));
        let different = (4..10).filter(|&s| maze(s) != maze(3)).count();
        assert_eq!(different, 6, "every other seed another maze");
    }

    #[test]
    fn a_region_is_walled_in_and_what_lies_outside_is_kept() {
        let mut w = open_world(8, 8);
        let r = Region { x: 2, y: 2, width: 4, height: 3 };
        carve(&mut w, r, &mut Rng::new(9));
        assert!(r.contains((w.robot.x, w.robot.y)));
        assert_eq!(w.flags.iter().filter(|&&f| r.contains(f)).count(), 1, "one flag in the maze");
        assert!(w.flags.contains(&(1, 1)), "the flag outside it stays");
        for x in 2..6 {
            assert!(w.wall(x, 2, Dir::North) && w.wall(x, 4, Dir::South), "closed above and below");
        }
        assert!(!w.wall(0, 0, Dir::East) && !w.wall(7, 7, Dir::North), "outside untouched");
        // Larger than the grid, or from outside it: clamped, never a panic.
        let mut w = open_world(3, 3);
        carve(&mut w, Region { x: 9, y: 9, width: 99, height: 99 }, &mut Rng::new(1));
        let mut w2 = open_world(3, 3);
        carve(&mut w2, Region { x: 0, y: 0, width: 99, height: 99 }, &mut Rng::new(1));
        assert!(w.flags.contains(&(2, 2)) && (w.robot.x, w.robot.y) == (2, 2), "one square: the last one");
        assert_eq!(passages(&w2, Region { x: 0, y: 0, width: 3, height: 3 }), 8);
    }
}
