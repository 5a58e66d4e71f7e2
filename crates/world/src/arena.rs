//! The continuous world (Open Roberta style): a differential-drive robot in an arena measured
//! in centimetres, with obstacles, coloured floor areas and lines, a distance sensor, a line
//! sensor, a bumper and a pen. Fixed time step and only + − × ÷ and √ (which IEEE 754 makes
//! exact everywhere): the heading is a unit vector turned by a short series each step, so
//! native runs and the browser agree to the bit, with no trigonometry library in the bundle.

use serde::{Deserialize, Serialize};

use crate::pen::Pen;
use crate::spec::{Area, Obstacle, MAX_ARENA_SIDE};

/// Simulation step: 100 steps per simulated second (waits of whole hundredths are exact).
pub const DT: f64 = 0.01;
/// Robot radius, distance between the wheels, and top speed at motor power 100 (cm, cm/s).
pub const RADIUS: f64 = 5.0;
pub const WHEEL_BASE: f64 = 10.0;
pub const MAX_SPEED: f64 = 25.0;
/// How far the distance sensor sees, in cm.
pub const SENSOR_RANGE: f64 = 200.0;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pose {
    pub x: f64,
    pub y: f64,
    /// Radians, clockwise from east (y grows downwards, as on screen): for people.
    pub heading: f64,
    /// The heading as a unit vector (cos, sin): what the physics uses.
    pub dir: (f64, f64),
}

/// `v` kept between `lo` and `hi`, NaN becoming `lo`. Not `f64::clamp`: its formatted panic
/// message brings the float formatter (~15 KB of wasm) into the bundle.
#[allow(clippy::manual_clamp)]
pub(crate) fn within(v: f64, lo: f64, hi: f64) -> f64 {
    if v.is_nan() {
        lo
    } else {
        v.max(lo).min(hi)
    }
}

/// sin and cos of a small angle by their series: exact to the last bit for a step's turn
/// (|a| < 0.1 rad), and to ~1e-14 up to 0.4 rad.
fn small_sin_cos(a: f64) -> (f64, f64) {
    let a2 = a * a;
    let sin =
        a * (1.0 - a2 / 6.0 * (1.0 - a2 / 20.0 * (1.0 - a2 / 42.0 * (1.0 - a2 / 72.0 * (1.0 - a2 / 110.0)))));
    let cos = 1.0
        - a2 / 2.0
            * (1.0
                - a2 / 12.0 * (1.0 - a2 / 30.0 * (1.0 - a2 / 56.0 * (1.0 - a2 / 90.0 * (1.0 - a2 / 132.0)))));
    (sin, cos)
}

/// The unit vector for a heading in whole degrees: exact at the right angles, otherwise
/// quarter turns plus a series on what is left (at most 45°).
pub fn direction(degrees: i32) -> (f64, f64) {
    let d = degrees.rem_euclid(360);
    let turns = (d + 45) / 90;
    let rest = (d - turns * 90) as f64 * std::f64::consts::PI / 180.0;
    let quarter = turns % 4;
    // The series converges fast enough up to 45° when taken in halves.
    let (s, c) = small_sin_cos(rest / 2.0);
    let (s, c) = (2.0 * s * c, c * c - s * s);
    match quarter {
        0 => (c, s),
        1 => (-s, c),
        2 => (-c, -s),
        _ => (s, -c),
    }
}

/// What the bumper met: the arena's wall or an obstacle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contact {
    Wall,
    Obstacle,
}

/// The first time the bumper closed in a run: what it met, and where the robot's centre was
/// (cm). Kept for the whole run, so driving into a box and backing away is still a bump.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Touch {
    pub what: Contact,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arena {
    pub width: f64,
    pub height: f64,
    pub obstacles: Vec<Obstacle>,
    /// Floor markings, drawn in order (a line is a thin area).
    pub floor: Vec<Area>,
    pub robot: Pose,
    /// Motor powers, −100 to 100.
    pub motors: (f64, f64),
    /// Whether the bumper is closed now (the last move was blocked).
    pub bumped: bool,
    /// The run's first bump, if any (the `not_bumped` goal).
    pub first_touch: Option<Touch>,
    pub pen: Pen,
    /// Simulated seconds so far.
    pub time: f64,
    pub said: Vec<String>,
}

impl Arena {
    /// The arena a spec describes for one seed: the fixed parts, then one of each list of
    /// choices, drawn from a generator seeded with `seed`.
    pub fn from_spec_seeded(spec: &crate::spec::ArenaSpec, seed: u64) -> Arena {
        let mut arena = Arena::new(spec);
        if spec.seeds.is_empty() {
            return arena;
        }
        let mut rng = crate::rng::Rng::new(seed);
        if let Some(d) = spec.heading_choices.get(rng.index(spec.heading_choices.len())) {
            arena.robot.heading = (*d as f64).to_radians();
            arena.robot.dir = direction(*d);
        }
        arena.obstacles.extend(spec.obstacle_choices.get(rng.index(spec.obstacle_choices.len())).copied());
        arena.floor.extend(spec.floor_choices.get(rng.index(spec.floor_choices.len())).cloned());
        arena
    }

    pub fn new(spec: &crate::spec::ArenaSpec) -> Arena {
        Arena {
            width: spec.width as f64,
            height: spec.height as f64,
            obstacles: spec.obstacles.clone(),
            floor: spec.floor.clone(),
            robot: Pose {
                x: spec.robot.x as f64,
                y: spec.robot.y as f64,
                heading: (spec.robot.heading as f64).to_radians(),
                dir: direction(spec.robot.heading),
            },
            motors: (0.0, 0.0),
            bumped: false,
            first_touch: None,
            pen: Pen::default(),
            time: 0.0,
            said: Vec::new(),
        }
    }

    pub fn set_motors(&mut self, left: f64, right: f64) {
        self.motors = (within(left, -100.0, 100.0), within(right, -100.0, 100.0));
    }

    /// Whether a robot centred at (x, y) would overlap an obstacle or leave the arena.
    pub(crate) fn blocked(&self, x: f64, y: f64) -> bool {
        self.contact(x, y).is_some()
    }

    /// What a robot centred at (x, y) would touch: the wall first, then any obstacle.
    fn contact(&self, x: f64, y: f64) -> Option<Contact> {
        if x < RADIUS || y < RADIUS || x > self.width - RADIUS || y > self.height - RADIUS {
            return Some(Contact::Wall);
        }
        let hit = self.obstacles.iter().any(|o| match *o {
            Obstacle::Rect { x: ox, y: oy, w, h } => {
                let (ox, oy, w, h) = (ox as f64, oy as f64, w as f64, h as f64);
                let cx = x.max(ox).min(ox + w);
                let cy = y.max(oy).min(oy + h);
                (x - cx) * (x - cx) + (y - cy) * (y - cy) < RADIUS * RADIUS
            }
            Obstacle::Circle { x: ox, y: oy, r } => {
                let (ox, oy) = (ox as f64, oy as f64);
                let d = RADIUS + r as f64;
                (x - ox) * (x - ox) + (y - oy) * (y - oy) < d * d
            }
        });
        hit.then_some(Contact::Obstacle)
    }

    /// One fixed step of the differential drive; the robot stops (and the bumper closes) at
    /// a wall or an obstacle.
    pub fn step(&mut self) {
        let vl = self.motors.0 / 100.0 * MAX_SPEED;
        let vr = self.motors.1 / 100.0 * MAX_SPEED;
        // Left wheel faster turns right, which is clockwise on screen: heading grows.
        self.rotate((vl - vr) / WHEEL_BASE * DT);
        self.advance((vl + vr) / 2.0 * DT);
        self.time += DT;
    }

    /// Turns the heading by `angle` radians (small: one step's worth).
    fn rotate(&mut self, angle: f64) {
        let (s, c) = small_sin_cos(angle);
        let (dx, dy) = self.robot.dir;
        let (dx, dy) = (dx * c - dy * s, dx * s + dy * c);
        let norm = (dx * dx + dy * dy).sqrt();
        self.robot.dir = (dx / norm, dy / norm);
        self.robot.heading += angle;
    }

    /// Moves `d` cm along the heading unless that would hit something (then the bumper
    /// closes). False when blocked.
    fn advance(&mut self, d: f64) -> bool {
        let x = self.robot.x + d * self.robot.dir.0;
        let y = self.robot.y + d * self.robot.dir.1;
        let contact = self.contact(x, y);
        self.bumped = contact.is_some();
        if let (Some(what), None) = (contact, self.first_touch) {
            self.first_touch = Some(Touch { what, x: self.robot.x, y: self.robot.y });
        }
        if !self.bumped {
            self.pen.line((self.robot.x, self.robot.y), (x, y));
            self.robot.x = x;
            self.robot.y = y;
        }
        !self.bumped
    }

    /// Drives `cm` straight ahead (back when negative) at half speed, step by step, stopping
    /// early at a wall; the motors are off afterwards. A turtle's `forward`, for drawing.
    pub fn drive(&mut self, cm: f64) {
        self.motors = (0.0, 0.0);
        let mut left = within(cm, -2.0 * MAX_ARENA_SIDE, 2.0 * MAX_ARENA_SIDE);
        let stride = MAX_SPEED / 2.0 * DT;
        while left != 0.0 {
            let d = if left > 0.0 { left.min(stride) } else { left.max(-stride) };
            self.time += DT;
            if !self.advance(d) {
                break;
            }
            left -= d;
        }
    }

    /// Turns on the spot by `degrees`, clockwise (right) when positive, at half speed, step by
    /// step; the motors are off afterwards.
    pub fn turn(&mut self, degrees: f64) {
        self.motors = (0.0, 0.0);
        let mut left = within(degrees, -3600.0, 3600.0).to_radians();
        let stride = MAX_SPEED / WHEEL_BASE * DT;
        while left != 0.0 {
            let a = if left > 0.0 { left.min(stride) } else { left.max(-stride) };
            self.rotate(a);
            self.time += DT;
            left -= a;
        }
    }

    /// Runs the simulation for `seconds` (whole steps; at most a simulated hour at once).
    pub fn wait(&mut self, seconds: f64) {
        let seconds = within(seconds, 0.0, 3600.0);
        let steps = (seconds / DT).round() as u64;
        for _ in 0..steps {
            self.step();
        }
    }

    /// Distance in cm from the robot's front to the nearest wall or obstacle straight ahead.
    pub fn distance(&self) -> f64 {
        let (dx, dy) = self.robot.dir;
        // March along the ray in 0.5 cm steps: simple, exact enough, the same everywhere.
        let mut d = 0.0;
        while d < SENSOR_RANGE {
            let x = self.robot.x + dx * (RADIUS + d);
            let y = self.robot.y + dy * (RADIUS + d);
            if x <= 0.0 || y <= 0.0 || x >= self.width || y >= self.height || self.inside_obstacle(x, y) {
                break;
            }
            d += 0.5;
        }
        (d * 10.0).round() / 10.0
    }

    fn inside_obstacle(&self, x: f64, y: f64) -> bool {
        self.obstacles.iter().any(|o| match *o {
            Obstacle::Rect { x: ox, y: oy, w, h } => {
                let (ox, oy) = (ox as f64, oy as f64);
                x >= ox && x <= ox + w as f64 && y >= oy && y <= oy + h as f64
            }
            Obstacle::Circle { x: ox, y: oy, r } => {
                let (dx, dy, r) = (x - ox as f64, y - oy as f64, r as f64);
                dx * dx + dy * dy <= r * r
            }
        })
    }

    /// The floor colour under the line sensor (just in front of the robot's centre).
    pub fn floor_colour(&self) -> &str {
        let x = self.robot.x + self.robot.dir.0 * RADIUS * 0.6;
        let y = self.robot.y + self.robot.dir.1 * RADIUS * 0.6;
        self.floor.iter().rev().find(|a| a.contains(x, y)).map_or("white", |a| a.colour.as_str())
    }

    pub fn on_line(&self) -> bool {
        self.floor_colour() == "black"
    }

    pub fn summary(&self) -> String {
        format!(
            "robot at ({:.1}, {:.1}) heading {:.0}°; {:.2} s; {} strokes drawn{}",
            self.robot.x,
            self.robot.y,
            self.robot.heading.to_degrees().rem_euclid(360.0),
            self.time,
            self.pen.stroke_count(),
            if self.bumped { "; bumped" } else { "" }
        )
    }
}

/// The result of [`recorded_scenario`], pinned (natively and in wasm alike).
pub const RECORDED_SCENARIO: &str = "13.138212383 27.249825578 -0.439362587 -0.898309812 619";

/// A fixed drive with changing motor powers and the pen down, used to check that native
/// runs and the browser compute the same path to the bit. Returns the final pose printed to
/// nine decimals.
pub fn recorded_scenario() -> String {
    let spec = crate::spec::ArenaSpec::fixed(
        100,
        60,
        crate::spec::ArenaRobotSpec { x: 20, y: 30, heading: 0 },
        vec![],
        vec![],
    );
    let mut a = Arena::new(&spec);
    a.pen.down = true;
    for i in 0..40 {
        a.set_motors(60.0 + (i % 7) as f64 * 5.0, 40.0 + (i % 5) as f64 * 9.0);
        a.wait(0.26);
    }
    format!(
        "{:.9} {:.9} {:.9} {:.9} {}",
        a.robot.x,
        a.robot.y,
        a.robot.dir.0,
        a.robot.dir.1,
        a.pen.stroke_count()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::ArenaSpec;

    fn arena(json: &str) -> Arena {
        let spec: ArenaSpec = serde_json::from_str(json).unwrap();
        assert!(spec.problems().is_empty(), "{:?}", spec.problems());
        Arena::new(&spec)
    }

    const OPEN: &str = r#"{"width":100,"height":60,"robot":{"x":20,"y":30,"heading":0}}"#;

    #[test]
    fn headings_in_degrees_become_unit_vectors() {
        for (deg, want) in
            [(0, (1.0, 0.0)), (90, (0.0, 1.0)), (180, (-1.0, 0.0)), (270, (0.0, -1.0)), (-90, (0.0, -1.0))]
        {
            let (x, y) = direction(deg);
            assert!((x - want.0).abs() < 1e-15 && (y - want.1).abs() < 1e-15, "{deg}: {x} {y}");
        }
        for deg in (0..360).step_by(7) {
            let (x, y) = direction(deg);
            let r = (deg as f64).to_radians();
            assert!((x - r.cos()).abs() < 1e-12 && (y - r.sin()).abs() < 1e-12, "{deg}°: {x} {y}");
        }
    }

    #[test]
    fn equal_motors_drive_straight_at_the_set_speed() {
        let mut a = arena(OPEN);
        a.set_motors(100.0, 100.0);
        a.wait(1.0);
        assert!((a.robot.x - 45.0).abs() < 1e-9 && (a.robot.y - 30.0).abs() < 1e-9, "{:?}", a.robot);
    }

    #[test]
    fn the_robot_stops_at_the_wall_and_the_bumper_closes() {
        let mut a = arena(OPEN);
        a.set_motors(100.0, 100.0);
        a.wait(10.0);
        assert!(a.bumped);
        assert!(a.robot.x <= 100.0 - RADIUS && a.robot.x > 90.0, "{:?}", a.robot);
    }

    #[test]
    fn opposite_motors_turn_on_the_spot() {
        let mut a = arena(OPEN);
        a.set_motors(50.0, -50.0);
        a.wait(0.5);
        assert!((a.robot.x - 20.0).abs() < 1e-9);
        assert!(a.robot.heading > 0.0, "left faster turns clockwise");
    }

    #[test]
    fn the_distance_sensor_sees_walls_and_obstacles() {
        let a = arena(OPEN);
        assert!((a.distance() - 75.0).abs() <= 0.5, "{}", a.distance());
        let b = arena(
            r#"{"width":100,"height":60,"robot":{"x":20,"y":30,"heading":0},
            "obstacles":[{"rect":{"x":50,"y":0,"w":5,"h":60}}]}"#,
        );
        assert!((b.distance() - 25.0).abs() <= 0.5, "{}", b.distance());
    }

    #[test]
    fn the_line_sensor_reads_the_floor() {
        let a = arena(
            r#"{"width":100,"height":60,"robot":{"x":20,"y":30,"heading":0},
            "floor":[{"x":0,"y":28,"w":100,"h":4,"colour":"black"}]}"#,
        );
        assert!(a.on_line());
        assert_eq!(a.floor_colour(), "black");
    }

    #[test]
    fn a_seed_decides_the_arena_variant_and_always_the_same_one() {
        let spec: crate::spec::ArenaSpec = serde_json::from_str(
            r#"{"width":200,"height":100,"robot":{"x":20,"y":50,"heading":0},"seeds":[1,2,3],
                "heading_choices":[0,90,180,270],
                "obstacle_choices":[{"circle":{"x":100,"y":30,"r":10}},{"circle":{"x":100,"y":70,"r":10}}],
                "floor_choices":[{"x":180,"y":0,"w":20,"h":20,"colour":"green"},{"x":180,"y":80,"w":20,"h":20,"colour":"green"}]}"#,
        )
        .unwrap();
        assert!(spec.problems().is_empty(), "{:?}", spec.problems());
        let arenas: Vec<Arena> = (0..16).map(|s| Arena::from_spec_seeded(&spec, s)).collect();
        for (s, a) in arenas.iter().enumerate() {
            assert_eq!(*a, Arena::from_spec_seeded(&spec, s as u64), "seed {s} is deterministic");
            assert_eq!((a.obstacles.len(), a.floor.len()), (1, 1));
        }
        let distinct = |f: &dyn Fn(&Arena) -> String| {
            arenas.iter().map(f).collect::<std::collections::BTreeSet<String>>().len()
        };
        assert!(distinct(&|a| format!("{:?}", a.robot.dir)) > 1, "headings vary");
        assert!(distinct(&|a| format!("{:?}", a.obstacles)) > 1, "obstacles vary");
        assert!(distinct(&|a| format!("{:?}", a.floor)) > 1, "floors vary");
    }

    #[test]
    fn an_obstacle_on_the_start_is_reported() {
        let spec: crate::spec::ArenaSpec = serde_json::from_str(
            r#"{"width":200,"height":100,"robot":{"x":20,"y":50,"heading":0},"seeds":[1],
                "obstacle_choices":[{"circle":{"x":25,"y":50,"r":5}}]}"#,
        )
        .unwrap();
        assert_eq!(spec.problems(), vec!["an obstacle covers the robot's start".to_string()]);
    }

    #[test]
    fn drive_and_turn_draw_a_closed_square() {
        let mut a = arena(r#"{"width":100,"height":100,"robot":{"x":20,"y":20,"heading":0}}"#);
        let start = (a.robot.x, a.robot.y);
        a.pen.down = true;
        for _ in 0..4 {
            a.drive(30.0);
            a.turn(90.0);
        }
        let (dx, dy) = (a.robot.x - start.0, a.robot.y - start.1);
        assert!(dx * dx + dy * dy < 1e-12, "back at the start: {dx} {dy}");
        assert!((a.robot.dir.0 - 1.0).abs() < 1e-12 && a.robot.dir.1.abs() < 1e-12, "{:?}", a.robot.dir);
        assert_eq!(a.pen.stroke_count(), 4, "one stroke per side");
        assert_eq!(a.motors, (0.0, 0.0));
    }

    #[test]
    fn driving_into_a_wall_stops_at_it() {
        let mut a = arena(OPEN);
        a.drive(10_000.0);
        assert!(a.bumped);
        assert!(a.robot.x < a.width - RADIUS + 1e-9 && a.robot.x > a.width - RADIUS - 0.2, "{}", a.robot.x);
        a.drive(-10.0);
        assert!(!a.bumped);
    }

    #[test]
    fn the_first_touch_is_kept_after_backing_away() {
        let mut a = arena(
            r#"{"width":100,"height":60,"robot":{"x":20,"y":30,"heading":0},
            "obstacles":[{"rect":{"x":50,"y":20,"w":10,"h":20}}]}"#,
        );
        a.drive(20.0);
        assert_eq!(a.first_touch, None, "a clean drive touches nothing");
        a.set_motors(80.0, 80.0);
        a.wait(3.0);
        a.drive(-15.0);
        assert!(!a.bumped, "backed away: the bumper is open again");
        let t = a.first_touch.expect("the box was touched");
        assert_eq!(t.what, Contact::Obstacle);
        assert!((t.x - (50.0 - RADIUS)).abs() < 0.3 && t.y == 30.0, "{t:?}");
        a.turn(180.0);
        a.drive(1_000.0);
        assert_eq!(a.first_touch, Some(t), "only the first touch is kept");
        let mut b = arena(OPEN);
        b.turn(-90.0);
        b.drive(1_000.0);
        b.drive(-5.0);
        let t = b.first_touch.expect("the wall was touched");
        assert_eq!(t.what, Contact::Wall);
        assert!((t.y - RADIUS).abs() < 0.2 && (t.x - 20.0).abs() < 1e-9, "{t:?}");
    }

    #[test]
    fn the_pen_leaves_a_trail_only_when_down() {
        let mut a = arena(OPEN);
        a.set_motors(50.0, 50.0);
        a.wait(0.2);
        assert!(a.pen.stroke_count() == 0);
        a.pen.down = true;
        let start = (a.robot.x, a.robot.y);
        a.wait(0.2);
        let strokes = a.pen.strokes();
        assert_eq!(strokes.len(), 1, "a straight drive is one stroke");
        assert_eq!((strokes[0].from, strokes[0].to), (start, (a.robot.x, a.robot.y)));
        a.set_motors(50.0, 20.0);
        a.wait(0.2);
        assert_eq!(a.pen.stroke_count(), 21, "a curve is a stroke per step");
    }

    #[test]
    fn a_recorded_scenario_is_identical_on_every_run() {
        assert_eq!(recorded_scenario(), recorded_scenario());
        // Pinned: the browser test (tests/web.rs) runs the same scenario against this text.
        assert_eq!(recorded_scenario(), RECORDED_SCENARIO);
    }
}
