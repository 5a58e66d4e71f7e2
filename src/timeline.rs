//! The run's timeline: the world after each robot action, with the line that did it, so the
//! pupil can step back and scrub through a run (blocks or text highlighted in step). Plain
//! Rust, tested natively.

use tafukt_world::World;

/// Frames kept at most; beyond it the oldest (after the start) make room, so a very long run
/// cannot eat a tablet's memory.
pub const MAX_FRAMES: usize = 2_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub world: World,
    /// The line that made this frame (none for the start).
    pub line: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    frames: Vec<Frame>,
    /// The frame being looked at, or `None` when following the live run.
    view: Option<usize>,
}

impl Timeline {
    /// A timeline whose first frame is the world before the program runs.
    pub fn start(world: World) -> Timeline {
        Timeline { frames: vec![Frame { world, line: None }], view: None }
    }

    pub fn record(&mut self, world: &World, line: Option<usize>) {
        if self.frames.len() >= MAX_FRAMES {
            self.frames.remove(1);
        }
        self.frames.push(Frame { world: world.clone(), line });
    }

    pub fn len(&self) -> usize {
        self.frames.len()
    }

    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    /// The frame on screen: the one looked at, or the latest.
    pub fn position(&self) -> usize {
        self.view.unwrap_or(self.frames.len() - 1)
    }

    /// Whether an earlier frame is on screen instead of the live run.
    pub fn is_looking_back(&self) -> bool {
        self.view.is_some()
    }

    /// Shows frame `i` (clamped); the last frame means following the run again.
    pub fn scrub(&mut self, i: usize) {
        let last = self.frames.len() - 1;
        self.view = if i >= last { None } else { Some(i) };
    }

    pub fn back(&mut self) {
        self.scrub(self.position().saturating_sub(1));
    }

    pub fn forward(&mut self) {
        self.scrub(self.position() + 1);
    }

    pub fn follow_live(&mut self) {
        self.view = None;
    }

    /// The frame being looked at, when looking back.
    pub fn shown(&self) -> Option<&Frame> {
        self.view.and_then(|i| self.frames.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tafukt_world::{Dir, GridSpec, GridWorld};

    fn world(x: u32) -> World {
        let spec: GridSpec = serde_json::from_str(&format!(
            r#"{{"width":9,"height":1,"robot":{{"x":{x},"y":0,"heading":"east"}}}}"#
        ))
        .unwrap();
        World::Grid(GridWorld::from_spec(&spec))
    }

    fn grid(frame: Option<&Frame>) -> Option<&GridWorld> {
        frame.and_then(|f| f.world.grid())
    }

    #[test]
    fn scrubbing_shows_earlier_frames_and_the_end_follows_the_run() {
        let mut t = Timeline::start(world(0));
        t.record(&world(1), Some(1));
        t.record(&world(2), Some(2));
        assert_eq!((t.position(), t.shown()), (2, None));
        t.scrub(0);
        assert_eq!(grid(t.shown()).map(|w| w.robot.x), Some(0));
        t.forward();
        assert_eq!(grid(t.shown()).map(|w| w.robot.x), Some(1));
        assert_eq!(t.shown().map(|f| f.line), Some(Some(1)));
        t.forward();
        assert!(!t.is_looking_back(), "the last frame is the live run");
        t.back();
        assert_eq!(grid(t.shown()).map(|w| w.robot.heading), Some(Dir::East));
    }

    #[test]
    fn a_long_run_keeps_the_start_and_the_latest_frames() {
        let mut t = Timeline::start(world(0));
        for i in 0..MAX_FRAMES + 10 {
            t.record(&world((i % 9) as u32), Some(i));
        }
        assert_eq!(t.len(), MAX_FRAMES);
        t.scrub(0);
        assert_eq!(t.shown().map(|f| f.line), Some(None), "the start stays");
    }
}
