//! Endless circles: in a grid world a run is deterministic, so when the whole state (the
//! world, and the program's place and values) is one it had at an earlier action, the run
//! repeats for ever. [`CircleWatch`] stops it there with a message naming the loop, instead of
//! letting the robot turn for thousands of actions (a minute and more on screen) until the
//! action limit. Worlds that cannot say their state (the arena, AI lessons with data) are not
//! watched.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use tafukt_lang::{Diagnostic, Vm};
use tafukt_world::World;

/// The states a run has been in at each action, by fingerprint.
#[derive(Debug, Clone, Default)]
pub struct CircleWatch {
    seen: HashMap<u64, u64>,
    actions: u64,
}

impl CircleWatch {
    /// Call after every action of a run; the fault to end it with when the state has come
    /// back. A fingerprint is 64 bits: for the few thousand actions a run may do, two
    /// different states share one with a chance below one in a hundred million.
    pub fn after_action(&mut self, vm: &Vm, world: &World) -> Option<Diagnostic> {
        self.actions += 1;
        let mut h = DefaultHasher::new();
        if !world.state_hash(&mut h) {
            return None;
        }
        vm.state_hash(&mut h);
        let before = self.seen.insert(h.finish(), self.actions)?;
        Some(vm.circle_fault(self.actions - before))
    }
}
