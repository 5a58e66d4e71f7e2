//! The pen both robots carry (up or down, a colour, a width) and the trail it leaves: straight
//! strokes in the world's own units (cells for the grid, centimetres for the arena).
//!
//! The trail is shared between copies of a world and only ever grows, so the timeline can
//! keep the world after every action without copying every stroke each time. A straight line
//! drawn in many small steps (the arena's 10 ms steps) is kept as one stroke.

use std::cell::RefCell;
use std::rc::Rc;

/// Widths a pen may have, in tenths of a cell (grid) or in centimetres (arena).
pub const MIN_WIDTH: u8 = 1;
pub const MAX_WIDTH: u8 = 10;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub colour: &'static str,
    pub width: u8,
}

#[derive(Debug, Clone)]
pub struct Pen {
    pub down: bool,
    pub colour: &'static str,
    pub width: u8,
    /// Finished strokes of every copy of this world; this copy sees the first `len`.
    all: Rc<RefCell<Vec<Stroke>>>,
    len: usize,
    /// This copy's last stroke, still growing while the line goes straight on.
    open: Option<Stroke>,
}

impl Default for Pen {
    fn default() -> Pen {
        Pen { down: false, colour: "black", width: 3, all: Rc::default(), len: 0, open: None }
    }
}

impl PartialEq for Pen {
    fn eq(&self, other: &Pen) -> bool {
        self.down == other.down
            && self.colour == other.colour
            && self.width == other.width
            && self.strokes() == other.strokes()
    }
}

impl Pen {
    /// Draws a stroke if the pen is down.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64)) {
        if !self.down || from == to {
            return;
        }
        let stroke = Stroke { from, to, colour: self.colour, width: self.width };
        match &mut self.open {
            Some(last) if goes_straight_on(last, &stroke) => last.to = to,
            _ => {
                if let Some(done) = self.open.replace(stroke) {
                    self.finish(done);
                }
            }
        }
    }

    fn finish(&mut self, stroke: Stroke) {
        let shared_tail = self.all.borrow().len() == self.len;
        if shared_tail {
            self.all.borrow_mut().push(stroke);
        } else {
            // Another copy drew further from here: this copy starts its own trail.
            let mut mine = self.all.borrow()[..self.len].to_vec();
            mine.push(stroke);
            self.all = Rc::new(RefCell::new(mine));
        }
        self.len += 1;
    }

    /// Sets the width, kept between [`MIN_WIDTH`] and [`MAX_WIDTH`].
    pub fn set_width(&mut self, width: f64) {
        let w = if width >= MAX_WIDTH as f64 {
            MAX_WIDTH
        } else if width >= MIN_WIDTH as f64 {
            width as u8
        } else {
            MIN_WIDTH
        };
        self.width = w;
    }

    /// The strokes this copy of the world has drawn, oldest first.
    pub fn strokes(&self) -> Vec<Stroke> {
        let mut out = self.all.borrow()[..self.len].to_vec();
        out.extend(self.open);
        out
    }

    pub fn stroke_count(&self) -> usize {
        self.len + usize::from(self.open.is_some())
    }
}

/// Whether `next` carries `last` on in the same direction with the same pen.
fn goes_straight_on(last: &Stroke, next: &Stroke) -> bool {
    let (ax, ay) = (last.to.0 - last.from.0, last.to.1 - last.from.1);
    let (bx, by) = (next.to.0 - next.from.0, next.to.1 - next.from.1);
    let cross = ax * by - ay * bx;
    let dot = ax * bx + ay * by;
    last.to == next.from
        && last.colour == next.colour
        && last.width == next.width
        && dot > 0.0
        && cross * cross <= 1e-18 * (ax * ax + ay * ay) * (bx * bx + by * by)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_share_strokes_but_never_see_each_others() {
        let mut a = Pen { down: true, ..Pen::default() };
        a.line((0.0, 0.0), (1.0, 0.0));
        let snapshot = a.clone();
        a.line((1.0, 0.0), (1.0, 1.0));
        let mut b = snapshot.clone();
        b.line((1.0, 0.0), (1.0, -1.0));
        assert_eq!(snapshot.strokes().len(), 1);
        assert_eq!(a.strokes()[1].to, (1.0, 1.0));
        assert_eq!(b.strokes()[1].to, (1.0, -1.0));
        assert_eq!(a.strokes()[0], b.strokes()[0]);
        assert_ne!(a, b);
    }

    #[test]
    fn a_straight_line_in_small_steps_is_one_stroke() {
        let mut p = Pen { down: true, ..Pen::default() };
        for i in 0..10 {
            p.line((i as f64 * 0.1, 0.0), ((i + 1) as f64 * 0.1, 0.0));
        }
        p.line((1.0, 0.0), (1.0, 1.0));
        p.line((1.0, 1.0), (1.0, 0.0));
        let s = p.strokes();
        assert_eq!(s.len(), 3, "turning back starts a new stroke: {s:?}");
        assert_eq!(s[0].to, (1.0, 0.0));
        p.colour = "red";
        p.line((1.0, 0.0), (1.0, -1.0));
        assert_eq!(p.stroke_count(), 4, "a new colour starts a new stroke");
    }

    #[test]
    fn a_raised_pen_draws_nothing() {
        let mut p = Pen::default();
        p.line((0.0, 0.0), (1.0, 0.0));
        assert_eq!(p.stroke_count(), 0);
    }

    #[test]
    fn width_is_kept_in_range() {
        let mut p = Pen::default();
        p.set_width(-5.0);
        assert_eq!(p.width, MIN_WIDTH);
        p.set_width(1e9);
        assert_eq!(p.width, MAX_WIDTH);
        p.set_width(4.7);
        assert_eq!(p.width, 4);
    }
}
