//! A lesson's world: the grid or the continuous arena. What both share (what was said, a
//! summary) is asked here; everything else belongs to the kind.

#[cfg(feature = "arena")]
use crate::arena::Arena;
use crate::grid::GridWorld;
use crate::spec::WorldSpec;

#[derive(Debug, Clone, PartialEq)]
pub enum World {
    Grid(GridWorld),
    #[cfg(feature = "arena")]
    Arena(Arena),
}

impl World {
    /// Feeds `h` what the rest of a run depends on in this world, if it can say: a grid
    /// (see [`GridWorld::state_hash`]); the arena's robot moves continuously and never comes
    /// back exactly, so it cannot.
    pub fn state_hash(&self, h: &mut impl std::hash::Hasher) -> bool {
        match self {
            World::Grid(g) => g.state_hash(h),
            #[cfg(feature = "arena")]
            World::Arena(_) => false,
        }
    }

    /// The world a spec describes for one seed.
    pub fn from_spec(spec: &WorldSpec, seed: u64) -> World {
        match spec {
            WorldSpec::Grid(g) => World::Grid(GridWorld::from_spec_seeded(g, seed)),
            #[cfg(feature = "arena")]
            WorldSpec::Arena(a) => World::Arena(Arena::from_spec_seeded(a, seed)),
        }
    }

    pub fn said(&self) -> &[String] {
        match self {
            World::Grid(g) => &g.said,
            #[cfg(feature = "arena")]
            World::Arena(a) => &a.said,
        }
    }

    pub fn summary(&self) -> String {
        match self {
            World::Grid(g) => g.summary(),
            #[cfg(feature = "arena")]
            World::Arena(a) => a.summary(),
        }
    }

    pub fn grid(&self) -> Option<&GridWorld> {
        match self {
            World::Grid(g) => Some(g),
            #[cfg(feature = "arena")]
            World::Arena(_) => None,
        }
    }

    #[cfg(feature = "arena")]
    pub fn arena(&self) -> Option<&Arena> {
        match self {
            World::Arena(a) => Some(a),
            World::Grid(_) => None,
        }
    }
}
