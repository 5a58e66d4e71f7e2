//! A lesson's world: the grid or the continuous arena. What both share (what was said, a
//! summary) is asked here; everything else belongs to the kind.

use crate::arena::Arena;
use crate::grid::GridWorld;
use crate::spec::WorldSpec;

#[derive(Debug, Clone, PartialEq)]
pub enum World {
    Grid(GridWorld),
    Arena(Arena),
}

impl World {
    /// The world a spec describes for one seed.
    pub fn from_spec(spec: &WorldSpec, seed: u64) -> World {
        match spec {
            WorldSpec::Grid(g) => World::Grid(GridWorld::from_spec_seeded(g, seed)),
            WorldSpec::Arena(a) => World::Arena(Arena::from_spec_seeded(a, seed)),
        }
    }

    pub fn said(&self) -> &[String] {
        match self {
            World::Grid(g) => &g.said,
            World::Arena(a) => &a.said,
        }
    }

    pub fn summary(&self) -> String {
        match self {
            World::Grid(g) => g.summary(),
            World::Arena(a) => a.summary(),
        }
    }

    pub fn grid(&self) -> Option<&GridWorld> {
        match self {
            World::Grid(g) => Some(g),
            World::Arena(_) => None,
        }
    }

    pub fn arena(&self) -> Option<&Arena> {
        match self {
            World::Arena(a) => Some(a),
            World::Grid(_) => None,
        }
    }
}
