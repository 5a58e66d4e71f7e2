//! The continuous world (Open Roberta style): a differential-drive robot in an arena measured
//! in centimetres, with obstacles, coloured floor areas and lines, a distance sensor, a line
//! sensor, a bumper and a pen. Fixed time step and only + − × ÷ and √ (which IEEE 754 makes
//! exact everywhere): the heading is a unit vector turned by a short series each step, so
//! native runs and the browser agree to the bit, with no trigonometry library in the bundle.

use serde::{Deserialize, Serialize};

use crate::pen::Pen;
use crate::spec::{Area, FloorLine, Obstacle, MAX_ARENA_SIDE};

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
    /// Floor markings, drawn in order (a straight line may be a thin area).
    pub floor: Vec<Area>,
    /// Lines painted over the areas: bends and curves.
    pub lines: Vec<FloorLine>,
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
        // `obstacle_count` different choices; the first is drawn as when there was only one,
        // so arenas of one obstacle stay what they were for every seed.
        let mut left = spec.obstacle_choices.clone();
        for n in 0..spec.obstacle_count.unwrap_or(1).max(1) {
            if n > 0 && left.is_empty() {
                break;
            }
            let i = rng.index(left.len());
            if i < left.len() {
                arena.obstacles.push(left.remove(i));
            }
        }
        arena.floor.extend(spec.floor_choices.get(rng.index(spec.floor_choices.len())).cloned());
        arena
    }

    pub fn new(spec: &crate::spec::ArenaSpec) -> Arena {
        Arena {
            width: spec.width as f64,
            height: spec.height as f64,
            obstacles: spec.obstacles.clone(),
            floor: spec.floor.clone(),
            lines: spec.lines.clone(),
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
        let line = self.lines.iter().rev().find(|l| l.covers(x, y)).map(FloorLine::colour);
        line.or_else(|| self.floor.iter().rev().find(|a| a.contains(x, y)).map(|a| a.colour.as_str()))
            .unwrap_or("white")
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

/// The result of [`recorded_line_scenario`], pinned (natively and in wasm alike).
pub const RECORDED_LINE_SCENARIO: &str = "167.782214076 34.369539719 0.795801044 -0.605558170 229";

/// A line follower on a road that bends and curves (at its end after 24 s): each reading of
/// the line sensor steers the next 50 ms, so one bit of difference in the floor's geometry
/// would change the path.
pub fn recorded_line_scenario() -> String {
    let spec: crate::spec::ArenaSpec = crate::spec::ArenaSpec {
        lines: vec![
            FloorLine::Path { points: vec![[0, 120], [100, 120]], width: 4, colour: "black".into() },
            FloorLine::Arc { x: 100, y: 75, r: 45, from: 0, to: 90, width: 4, colour: "black".into() },
            FloorLine::Path {
                points: vec![[145, 75], [145, 50], [170, 30]],
                width: 4,
                colour: "black".into(),
            },
        ],
        ..crate::spec::ArenaSpec::fixed(
            200,
            150,
            crate::spec::ArenaRobotSpec { x: 15, y: 122, heading: 10 },
            vec![],
            vec![],
        )
    };
    let mut a = Arena::new(&spec);
    let mut readings = 0;
    for _ in 0..480 {
        if a.on_line() {
            readings += 1;
            a.set_motors(50.0, 20.0);
        } else {
            a.set_motors(20.0, 50.0);
        }
        a.wait(0.05);
    }
    format!("{:.9} {:.9} {:.9} {:.9} {readings}", a.robot.x, a.robot.y, a.robot.dir.0, a.robot.dir.1)
}

impl FloorLine {
    pub fn colour(&self) -> &str {
        match self {
            FloorLine::Path { colour, .. } | FloorLine::Arc { colour, .. } => colour,
        }
    }

    /// Whether the point `(x, y)` is on the painted line (within half its width of its middle).
    pub fn covers(&self, x: f64, y: f64) -> bool {
        let (width, distance) = match self {
            FloorLine::Path { points, width, .. } => {
                let p = |i: usize| points.get(i).map(|&[x, y]| (x as f64, y as f64));
                let pieces =
                    (1..points.len()).filter_map(|i| Some(segment_distance((x, y), p(i - 1)?, p(i)?)));
                (*width, pieces.fold(f64::INFINITY, f64::min))
            }
            FloorLine::Arc { x: cx, y: cy, r, from, to, width, .. } => {
                (*width, arc_distance((x, y), (*cx as f64, *cy as f64), *r as f64, *from, *to))
            }
        };
        distance <= width as f64 / 2.0
    }

    pub fn width(&self) -> i32 {
        match self {
            FloorLine::Path { width, .. } | FloorLine::Arc { width, .. } => *width,
        }
    }

    /// The line's middle as SVG path data (drawn with round caps and joins, `width` wide, it
    /// paints what [`FloorLine::covers`] reads).
    pub fn svg_path(&self) -> String {
        let n = |v: f64| format!("{:.1}", v).trim_end_matches(".0").to_string();
        match self {
            FloorLine::Path { points, .. } => points
                .iter()
                .enumerate()
                .map(|(i, [x, y])| format!("{}{x} {y}", if i == 0 { "M" } else { "L" }))
                .collect::<Vec<_>>()
                .join(" "),
            FloorLine::Arc { x, y, r, from, to, .. } => {
                let at = |deg: i32| {
                    let (dx, dy) = direction(deg);
                    format!("{} {}", n(*x as f64 + *r as f64 * dx), n(*y as f64 + *r as f64 * dy))
                };
                let turn = sweep(*from, *to);
                // An SVG arc cannot end where it starts: a whole circle is two halves.
                let ends = if turn == 360 { vec![from + 180, from + 360] } else { vec![from + turn] };
                let large = u8::from(turn > 180 && turn < 360);
                let mut d = format!("M{}", at(*from));
                for end in ends {
                    d.push_str(&format!(" A{r} {r} 0 {large} 1 {}", at(end)));
                }
                d
            }
        }
    }
}

/// Degrees turned clockwise from heading `from` to heading `to` (a whole turn when they meet).
fn sweep(from: i32, to: i32) -> i32 {
    match (to - from).rem_euclid(360) {
        0 => 360,
        d => d,
    }
}

/// Distance from `p` to the segment from `a` to `b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0) } else { 0.0 };
    let (ex, ey) = (p.0 - a.0 - t * dx, p.1 - a.1 - t * dy);
    (ex * ex + ey * ey).sqrt()
}

/// Distance from `p` to the arc of the circle around `c` of radius `r`, clockwise from
/// heading `from` to heading `to`. Only + − × ÷ √ and [`direction`], so the browser and
/// `tafukt check` compute the same bits (a run's path depends on every reading).
fn arc_distance(p: (f64, f64), c: (f64, f64), r: f64, from: i32, to: i32) -> f64 {
    let v = (p.0 - c.0, p.1 - c.1);
    let (a, b) = (direction(from), direction(to));
    // In the page's coordinates (y down) a positive cross product is a clockwise turn.
    let cross = |u: (f64, f64), w: (f64, f64)| u.0 * w.1 - u.1 * w.0;
    let turn = sweep(from, to);
    let within = if turn == 360 {
        true
    } else if turn <= 180 {
        cross(a, v) >= 0.0 && cross(v, b) >= 0.0
    } else {
        !(cross(b, v) > 0.0 && cross(v, a) > 0.0)
    };
    if within {
        return ((v.0 * v.0 + v.1 * v.1).sqrt() - r).abs();
    }
    let end = |d: (f64, f64)| {
        let (ex, ey) = (v.0 - r * d.0, v.1 - r * d.1);
        (ex * ex + ey * ey).sqrt()
    };
    end(a).min(end(b))
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
    fn a_bent_line_and_a_curve_are_read_by_the_line_sensor() {
        let line = |json: &str| serde_json::from_str::<FloorLine>(json).unwrap();
        let path = line(r#"{"path":{"points":[[10,10],[60,10],[60,50]],"width":4,"colour":"black"}}"#);
        assert!(
            path.covers(30.0, 11.5) && path.covers(60.0, 30.0) && path.covers(61.0, 9.0),
            "pieces and the bend"
        );
        assert!(!path.covers(30.0, 13.0) && !path.covers(30.0, 30.0) && !path.covers(65.0, 10.0));
        // A quarter of the circle around (50, 50), from east (0°) clockwise to south (90°).
        let arc = line(r#"{"arc":{"x":50,"y":50,"r":30,"from":0,"to":90,"width":6,"colour":"black"}}"#);
        let at = |deg: f64, r: f64| (50.0 + r * deg.to_radians().cos(), 50.0 + r * deg.to_radians().sin());
        for (deg, r, on) in [
            (45.0, 30.0, true),
            (45.0, 32.5, true),
            (45.0, 34.0, false),
            (0.0, 30.0, true),
            (90.0, 28.0, true),
            (180.0, 30.0, false),
            (-45.0, 30.0, false),
        ] {
            let (x, y) = at(deg, r);
            assert_eq!(arc.covers(x, y), on, "{deg}° at {r} cm");
        }
        // A whole circle when the ends meet.
        let ring = line(r#"{"arc":{"x":50,"y":50,"r":30,"from":90,"to":90,"width":4,"colour":"black"}}"#);
        assert!([0.0, 100.0, 200.0, 300.0].iter().all(|d| {
            let (x, y) = at(*d, 30.0);
            ring.covers(x, y)
        }));
        // In an arena: lines lie over the areas, and the sensor reads them.
        let mut a = arena(
            r#"{"width":100,"height":100,"robot":{"x":50,"y":40,"heading":0},
            "floor":[{"x":0,"y":0,"w":100,"h":100,"colour":"green"}],
            "lines":[{"arc":{"x":50,"y":50,"r":30,"from":180,"to":360,"width":4,"colour":"black"}}]}"#,
        );
        assert_eq!(a.floor_colour(), "green", "inside the curve");
        // The sensor (ahead of the robot's centre) right on the top of the curve.
        (a.robot.x, a.robot.y) = (50.0 - RADIUS * 0.6, 20.0);
        assert!(a.on_line());
    }

    #[test]
    fn a_floor_line_too_long_or_too_thin_is_a_problem() {
        let spec = |lines: &str| -> crate::spec::ArenaSpec {
            serde_json::from_str(&format!(
                r#"{{"width":100,"height":100,"robot":{{"x":50,"y":50,"heading":0}},"lines":{lines}}}"#
            ))
            .unwrap()
        };
        assert!(spec(r#"[{"path":{"points":[[0,0],[10,10]],"width":4,"colour":"black"}}]"#)
            .problems()
            .is_empty());
        let many: Vec<String> = (0..100).map(|i| format!("[{i},{i}]")).collect();
        for bad in [
            r#"[{"path":{"points":[[0,0]],"width":4,"colour":"black"}}]"#.to_string(),
            r#"[{"path":{"points":[[0,0],[1,1]],"width":0,"colour":"black"}}]"#.to_string(),
            r#"[{"arc":{"x":0,"y":0,"r":0,"from":0,"to":90,"width":4,"colour":"black"}}]"#.to_string(),
            format!(r#"[{{"path":{{"points":[{}],"width":4,"colour":"black"}}}}]"#, many.join(",")),
        ] {
            assert_eq!(spec(&bad).problems().len(), 1, "{bad}");
        }
    }

    proptest::proptest! {
        /// Every point of every piece of a path, and of an arc, is on the line.
        #[test]
        fn every_point_of_a_line_is_on_it(
            points in proptest::collection::vec((0i32..500, 0i32..500), 2..8),
            t in 0.0f64..=1.0,
            r in 1i32..300, from in -360i32..720, to in -360i32..720, width in 1i32..50,
        ) {
            let path = FloorLine::Path { points: points.iter().map(|&(x, y)| [x, y]).collect(), width, colour: "black".into() };
            for w in points.windows(2) {
                let (a, b) = (w[0], w[1]);
                let (x, y) = (a.0 as f64 + t * (b.0 - a.0) as f64, a.1 as f64 + t * (b.1 - a.1) as f64);
                proptest::prop_assert!(path.covers(x, y));
            }
            let arc = FloorLine::Arc { x: 500, y: 500, r, from, to, width, colour: "black".into() };
            let heading = (from as f64 + t * sweep(from, to) as f64).to_radians();
            let (x, y) = (500.0 + r as f64 * heading.cos(), 500.0 + r as f64 * heading.sin());
            proptest::prop_assert!(arc.covers(x, y));
        }
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
    fn several_seeded_obstacles_are_different_ones_and_the_first_is_drawn_as_before() {
        let json = |count: &str| {
            format!(
                r#"{{"width":220,"height":100,"robot":{{"x":15,"y":50,"heading":0}},"seeds":[1,2,3],
                "obstacle_choices":[{{"circle":{{"x":70,"y":50,"r":10}}}},{{"circle":{{"x":110,"y":50,"r":10}}}},{{"circle":{{"x":150,"y":50,"r":10}}}}],
                "floor_choices":[{{"x":185,"y":0,"w":35,"h":40,"colour":"green"}},{{"x":185,"y":60,"w":35,"h":40,"colour":"green"}}]{count}}}"#
            )
        };
        let one: crate::spec::ArenaSpec = serde_json::from_str(&json("")).unwrap();
        let two: crate::spec::ArenaSpec = serde_json::from_str(&json(r#","obstacle_count":2"#)).unwrap();
        assert!(two.problems().is_empty(), "{:?}", two.problems());
        let mut pairs = std::collections::BTreeSet::new();
        for seed in 0..24 {
            let (a, b) = (Arena::from_spec_seeded(&one, seed), Arena::from_spec_seeded(&two, seed));
            assert_eq!(b.obstacles.len(), 2, "seed {seed}");
            assert_ne!(b.obstacles[0], b.obstacles[1], "two different rocks");
            assert_eq!(a.obstacles[0], b.obstacles[0], "the first rock as with one");
            pairs.insert(format!("{:?}", b.obstacles));
        }
        assert!(pairs.len() > 2, "the rocks stand in different places: {pairs:?}");
        for bad in [r#","obstacle_count":0"#, r#","obstacle_count":4"#] {
            let spec: crate::spec::ArenaSpec = serde_json::from_str(&json(bad)).unwrap();
            assert_eq!(
                spec.problems(),
                ["obstacle_count must be between 1 and the 3 obstacle choices"],
                "{bad}"
            );
        }
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

    #[test]
    fn a_line_follower_on_a_curved_road_is_pinned() {
        // Pinned: the browser test (tests/web.rs) runs the same scenario against this text.
        assert_eq!(recorded_line_scenario(), RECORDED_LINE_SCENARIO);
    }
}
