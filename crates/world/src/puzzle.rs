//! The grid's elements of classic puzzles (full app only: `puzzles`): pairs of portals and
//! switches the robot toggles. Kept together behind one shared pointer, so a world without
//! them costs one pointer, and copying a world (the timeline keeps one per action) copies
//! them only once they change.

use std::rc::Rc;

use crate::grid::Items;
use crate::sorted::SortedMap;

/// The two squares a pair of portals joins.
pub type PortalPair = [(u32, u32); 2];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Puzzle {
    /// Pairs of portals (`portal` rules): moving onto one end puts the robot on the other.
    pub portals: Vec<PortalPair>,
    /// The action (its number, see `GridWorld::actions`) that last took the robot through a
    /// portal: the stage shows that move as a jump, not a slide across the world.
    pub jumped_at: Option<u32>,
    /// Each switch's square, and whether it is on (`switches` rules; `toggle` flips it).
    pub switches: SortedMap<(u32, u32), bool>,
    /// The items on each square when the run began (`row_copied` compares with them).
    pub start_items: Rc<Items>,
    /// How many things the robot has put down on each square and not picked up again.
    pub put_down_at: SortedMap<(u32, u32), u32>,
    /// How many times the robot picked up again something it had put down itself (the
    /// `nothing_collected_twice` goal): taking from a square where it put things down takes
    /// what it put there first, as a pupil watching would say. Neither this nor
    /// `put_down_at` is read by any sensor, so the circle watch leaves them out.
    pub collected_twice: u32,
}

impl Puzzle {
    /// The other end of the portal on `cell`, if there is one.
    pub fn portal_exit(&self, cell: (u32, u32)) -> Option<(u32, u32)> {
        self.portals.iter().find_map(|[a, b]| match cell {
            c if c == *a => Some(*b),
            c if c == *b => Some(*a),
            _ => None,
        })
    }

    /// Whether a portal end or a switch is already on `cell` (one element per square).
    pub fn taken(&self, cell: (u32, u32)) -> bool {
        self.portal_exit(cell).is_some() || self.switches.get(&cell).is_some()
    }

    /// The robot put something down on `cell`.
    pub fn put_down(&mut self, cell: (u32, u32)) {
        *self.put_down_at.get_or_default(cell) += 1;
    }

    /// The robot picked something up on `cell`: something it put there, if it put any.
    pub fn picked_up(&mut self, cell: (u32, u32)) {
        if let Some(n) = self.put_down_at.get_mut(&cell).filter(|n| **n > 0) {
            *n -= 1;
            self.collected_twice += 1;
        }
    }

    /// How many switches are still off.
    pub fn switches_off(&self) -> usize {
        self.switches.iter().filter(|(_, on)| !**on).count()
    }
}
