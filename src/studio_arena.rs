//! The studio's arena in the making (studio app; tested natively): what a finger's stroke on
//! the open floor does for each tool (boxes and rocks dragged out, rocks each world places,
//! floor areas, lines drawn by finger and thinned to the points that matter, the robot's start
//! and heading, the area the robot must end in, erasing), the arena's size, the heading each
//! world turns, and the switch between a grid lesson and an arena lesson.

use tafukt_lesson::{Goal, Lesson};
use tafukt_world::arena::RADIUS;
use tafukt_world::spec::{
    Area, ArenaRobotSpec, ArenaSpec, FloorLine, Obstacle, MAX_FLOOR_LINES, MAX_LINE_POINTS,
};
use tafukt_world::WorldSpec;

use crate::studio::SEEDS;

/// What a stroke on the arena does. A tap is a stroke that hardly moves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ArenaTool {
    /// A tap on the robot turns it an eighth of a turn; a tap elsewhere puts it there; a drag
    /// puts it where the drag starts, facing where the drag goes.
    Robot,
    /// A box from corner to corner (a tap: a box of [`TAP_SIZE`]).
    Box,
    /// A rock (a circle) from its centre out to its edge.
    Rock,
    /// A rock that stands in some worlds only: each world of the lesson places one of them.
    RockMaybe,
    /// A floor area of the chosen colour, from corner to corner.
    Floor,
    /// A floor area that some worlds paint: each world of the lesson paints one of them, so
    /// a stop learnt by heart does not pass.
    FloorMaybe,
    /// A line of the chosen colour along the finger's path.
    Line,
    /// The area the robot must end in (the lesson's `in_area` goal; one at most).
    EndArea,
    /// A tap takes away the topmost thing under it.
    Erase,
    /// A finger moves the view of a zoomed floor (scrolls it) and changes nothing.
    Pan,
}

impl ArenaTool {
    pub const ALL: [ArenaTool; 10] = [
        ArenaTool::Box,
        ArenaTool::Rock,
        ArenaTool::RockMaybe,
        ArenaTool::Floor,
        ArenaTool::FloorMaybe,
        ArenaTool::Line,
        ArenaTool::EndArea,
        ArenaTool::Robot,
        ArenaTool::Erase,
        ArenaTool::Pan,
    ];

    /// Its name in the catalogue (`studio.tool.…`) and in `data-testid="studio-tool-…"`.
    pub fn key(self) -> &'static str {
        match self {
            ArenaTool::Robot => "arena-robot",
            ArenaTool::Box => "box",
            ArenaTool::Rock => "rock",
            ArenaTool::RockMaybe => "rock-maybe",
            ArenaTool::Floor => "floor",
            ArenaTool::FloorMaybe => "floor-maybe",
            ArenaTool::Line => "line",
            ArenaTool::EndArea => "end-area",
            ArenaTool::Erase => "arena-erase",
            ArenaTool::Pan => "pan",
        }
    }

    /// Whether the tool draws in a colour the teacher picks.
    pub fn coloured(self) -> bool {
        matches!(self, ArenaTool::Floor | ArenaTool::FloorMaybe | ArenaTool::Line)
    }
}

/// Most points of a stroke the studio keeps: a longer one is sampled down to this many, so
/// thinning a line (quadratic in its points) stays quick however long a finger scribbles.
pub const MAX_STROKE: usize = 2048;
/// A stroke shorter than this (cm) is a tap.
pub const TAP: i32 = 4;
/// The side of a box, an area or the end area a tap makes, and a tapped rock's diameter (cm).
pub const TAP_SIZE: i32 = 20;
/// How far (cm) a line drawn by finger may stray from the finger's path once thinned.
pub const LINE_TOLERANCE: f64 = 2.0;
/// A line's width (cm): as wide as the course's line-following lessons draw them.
pub const LINE_WIDTH: i32 = 4;
/// Smallest and largest arena side the studio makes, and its step (cm).
pub const MIN_ARENA: i32 = 60;
pub const MAX_ARENA: i32 = 400;
pub const ARENA_STEP: i32 = 20;
/// Most things of one list (obstacles, areas, rock choices) the studio puts in an arena.
pub const MAX_SHAPES: usize = 24;

/// Built-ins of the arena a toolbox can offer, in the palette's order.
pub const ARENA_BUILTINS: [&str; 11] = [
    "drive",
    "turn",
    "motors",
    "wait",
    "pen_down",
    "pen_up",
    "pen_colour",
    "pen_width",
    "distance",
    "line_sensor",
    "tile_colour",
];

/// A new arena: 200 × 150 cm, the robot near a corner facing east, an end area across the
/// floor, and a toolbox to drive with.
pub fn blank_arena() -> ArenaSpec {
    ArenaSpec::fixed(200, 150, ArenaRobotSpec { x: 30, y: 120, heading: 0 }, vec![], vec![])
}

/// Makes the lesson an arena lesson (`arena`) or a grid lesson: a fresh world of that kind,
/// with the goals and toolbox a lesson of that kind starts with (texts and programs stay).
pub fn set_kind(lesson: &mut Lesson, arena: bool) {
    if is_arena(lesson) == arena {
        return;
    }
    let blank = crate::studio::blank_lesson(&lesson.id);
    if arena {
        lesson.world = WorldSpec::Arena(blank_arena());
        lesson.goals = vec![Goal::InArea { x: 150, y: 20, w: 40, h: 40 }, Goal::NotBumped];
        lesson.toolbox = vec!["drive".into(), "turn".into()];
    } else {
        lesson.world = blank.world;
        lesson.goals = blank.goals;
        lesson.toolbox = blank.toolbox;
    }
}

pub fn is_arena(lesson: &Lesson) -> bool {
    matches!(lesson.world, WorldSpec::Arena(_))
}

pub fn arena_mut(lesson: &mut Lesson) -> Option<&mut ArenaSpec> {
    match &mut lesson.world {
        WorldSpec::Arena(a) => Some(a),
        _ => None,
    }
}

/// The area the robot must end in, if the lesson asks one.
pub fn end_area(goals: &[Goal]) -> Option<(i32, i32, i32, i32)> {
    goals.iter().find_map(|g| match g {
        Goal::InArea { x, y, w, h } => Some((*x, *y, *w, *h)),
        _ => None,
    })
}

/// A finger's stroke on the arena, in whole centimetres, from where it touched to where it
/// lifted (one point for a tap).
pub type Stroke = [(i32, i32)];

fn length((ax, ay): (i32, i32), (bx, by): (i32, i32)) -> f64 {
    ((bx - ax) as f64).hypot((by - ay) as f64)
}

fn is_tap(stroke: &Stroke) -> bool {
    match (stroke.first(), stroke.last()) {
        (Some(&a), Some(&b)) => {
            stroke.iter().all(|&p| length(a, p) < TAP as f64) && length(a, b) < TAP as f64
        }
        _ => true,
    }
}

/// The rectangle a stroke spans (a tap: one of [`TAP_SIZE`] centred on it), inside the arena.
pub fn span(stroke: &Stroke, (width, height): (i32, i32)) -> (i32, i32, i32, i32) {
    let (a, b) = (stroke[0], stroke[stroke.len() - 1]);
    let (x0, y0, x1, y1) = if is_tap(stroke) {
        let half = TAP_SIZE / 2;
        (a.0 - half, a.1 - half, a.0 + half, a.1 + half)
    } else {
        (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1))
    };
    let (x0, y0) = (x0.clamp(0, width - 1), y0.clamp(0, height - 1));
    let (x1, y1) = (x1.clamp(x0 + 1, width), y1.clamp(y0 + 1, height));
    (x0, y0, x1 - x0, y1 - y0)
}

/// A rock from a stroke: centred where it starts, reaching where it ends.
pub fn rock(stroke: &Stroke) -> Obstacle {
    let (a, b) = (stroke[0], stroke[stroke.len() - 1]);
    let r = if is_tap(stroke) { TAP_SIZE / 2 } else { length(a, b).round() as i32 };
    Obstacle::Circle { x: a.0, y: a.1, r: r.max(2) }
}

/// Whole degrees, clockwise from east (the arena's), of the way from `a` to `b`, to 15°.
fn heading_towards(a: (i32, i32), b: (i32, i32)) -> i32 {
    let degrees = ((b.1 - a.1) as f64).atan2((b.0 - a.0) as f64).to_degrees();
    ((degrees / 15.0).round() as i32 * 15).rem_euclid(360)
}

/// Applies a stroke with `tool` (and, for floor areas and lines, `colour`) to the lesson's
/// arena; the end area is one of the lesson's goals. Points outside the arena are brought in.
pub fn stroke(lesson: &mut Lesson, tool: ArenaTool, colour: &str, points: &Stroke) {
    let Some(a) = arena_mut(lesson) else { return };
    if points.is_empty() {
        return;
    }
    let size = (a.width, a.height);
    let every = points.len().div_ceil(MAX_STROKE);
    let last = points[points.len() - 1];
    let points: Vec<(i32, i32)> = points
        .iter()
        .step_by(every)
        .chain((every > 1).then_some(&last))
        .map(|&(x, y)| (x.clamp(0, a.width), y.clamp(0, a.height)))
        .collect();
    let (start, end) = (points[0], points[points.len() - 1]);
    let full = |n: usize| n >= MAX_SHAPES;
    match tool {
        ArenaTool::Robot => {
            let on_robot = length(start, (a.robot.x, a.robot.y)) <= RADIUS * 2.0;
            if is_tap(&points) && on_robot {
                a.robot.heading = (a.robot.heading.rem_euclid(360) + 45) % 360;
            } else {
                let r = RADIUS as i32;
                a.robot.x = start.0.clamp(r, a.width - r);
                a.robot.y = start.1.clamp(r, a.height - r);
                if !is_tap(&points) {
                    a.robot.heading = heading_towards(start, end);
                }
            }
            settle_heading_choices(a);
        }
        ArenaTool::Box if !full(a.obstacles.len()) => {
            let (x, y, w, h) = span(&points, size);
            a.obstacles.push(Obstacle::Rect { x, y, w, h });
        }
        ArenaTool::Rock if !full(a.obstacles.len()) => a.obstacles.push(rock(&points)),
        ArenaTool::RockMaybe if !full(a.obstacle_choices.len()) => {
            a.obstacle_choices.push(rock(&points));
            settle_seeds(a);
        }
        ArenaTool::Floor if !full(a.floor.len()) => {
            let (x, y, w, h) = span(&points, size);
            a.floor.push(Area { x, y, w, h, colour: colour.to_string() });
        }
        ArenaTool::FloorMaybe if !full(a.floor_choices.len()) => {
            let (x, y, w, h) = span(&points, size);
            a.floor_choices.push(Area { x, y, w, h, colour: colour.to_string() });
            settle_seeds(a);
        }
        ArenaTool::Line if !is_tap(&points) && a.lines.len() < MAX_FLOOR_LINES => {
            a.lines.push(FloorLine::Path {
                points: thin(&points, MAX_LINE_POINTS).into_iter().map(|(x, y)| [x, y]).collect(),
                width: LINE_WIDTH,
                colour: colour.to_string(),
            });
        }
        ArenaTool::EndArea => {
            let (x, y, w, h) = span(&points, size);
            lesson.goals.retain(|g| !matches!(g, Goal::InArea { .. }));
            lesson.goals.insert(0, Goal::InArea { x, y, w, h });
        }
        ArenaTool::Erase => erase(lesson, start),
        _ => {}
    }
}

fn in_obstacle(o: &Obstacle, (px, py): (i32, i32)) -> bool {
    match *o {
        Obstacle::Rect { x, y, w, h } => px >= x && px <= x + w && py >= y && py <= y + h,
        Obstacle::Circle { x, y, r } => length((x, y), (px, py)) <= r as f64,
    }
}

/// How far (cm) a point is from the segment `a`–`b`.
fn to_segment(p: (i32, i32), a: (i32, i32), b: (i32, i32)) -> f64 {
    let (dx, dy) = ((b.0 - a.0) as f64, (b.1 - a.1) as f64);
    let (px, py) = ((p.0 - a.0) as f64, (p.1 - a.1) as f64);
    let squared = dx * dx + dy * dy;
    let t = if squared == 0.0 { 0.0 } else { ((px * dx + py * dy) / squared).clamp(0.0, 1.0) };
    (px - t * dx).hypot(py - t * dy)
}

/// Whether a tap at `p` falls on the line (a finger's width around it counts).
fn on_line(line: &FloorLine, p: (i32, i32)) -> bool {
    match line {
        FloorLine::Path { points, width, .. } => {
            let reach = *width as f64 / 2.0 + TAP as f64;
            let at = |i: usize| (points[i][0], points[i][1]);
            (1..points.len()).any(|i| to_segment(p, at(i - 1), at(i)) <= reach)
                || (points.len() == 1 && length(at(0), p) <= reach)
        }
        FloorLine::Arc { x, y, r, width, .. } => {
            (length((*x, *y), p) - *r as f64).abs() <= *width as f64 / 2.0 + TAP as f64
        }
    }
}

/// Takes away the topmost thing at `p`: an obstacle, a rock some worlds place, a line, the end
/// area, a floor area some worlds paint, then a floor area (the robot stays: every arena has
/// one).
fn erase(lesson: &mut Lesson, p: (i32, i32)) {
    let Some(a) = arena_mut(lesson) else { return };
    if let Some(i) = a.obstacles.iter().rposition(|o| in_obstacle(o, p)) {
        a.obstacles.remove(i);
    } else if let Some(i) = a.obstacle_choices.iter().rposition(|o| in_obstacle(o, p)) {
        a.obstacle_choices.remove(i);
        settle_seeds(a);
    } else if let Some(i) = a.lines.iter().rposition(|l| on_line(l, p)) {
        a.lines.remove(i);
    } else if end_area(&lesson.goals)
        .is_some_and(|(x, y, w, h)| p.0 >= x && p.0 <= x + w && p.1 >= y && p.1 <= y + h)
    {
        lesson.goals.retain(|g| !matches!(g, Goal::InArea { .. }));
    } else if let Some(a) = arena_mut(lesson) {
        let here = |f: &Area| f.contains(p.0 as f64, p.1 as f64);
        if let Some(i) = a.floor_choices.iter().rposition(here) {
            a.floor_choices.remove(i);
            settle_seeds(a);
        } else if let Some(i) = a.floor.iter().rposition(here) {
            a.floor.remove(i);
        }
    }
}

/// The points of a finger's path that matter: every point within [`LINE_TOLERANCE`] of the
/// thinned line is dropped (Ramer–Douglas–Peucker), and the tolerance grows until at most
/// `most` points are left. The first and last points always stay.
pub fn thin(points: &[(i32, i32)], most: usize) -> Vec<(i32, i32)> {
    let mut path: Vec<(i32, i32)> = points.to_vec();
    path.dedup();
    if path.len() <= 2 {
        return path;
    }
    let mut tolerance = LINE_TOLERANCE;
    loop {
        let mut keep = vec![false; path.len()];
        keep[0] = true;
        keep[path.len() - 1] = true;
        // Spans still to look at, without recursion (a long stroke cannot run the stack dry).
        let mut spans = vec![(0, path.len() - 1)];
        while let Some((first, last)) = spans.pop() {
            let farthest = (first + 1..last)
                .map(|i| (i, to_segment(path[i], path[first], path[last])))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, d)) = farthest {
                if d > tolerance {
                    keep[i] = true;
                    spans.push((first, i));
                    spans.push((i, last));
                }
            }
        }
        let kept: Vec<(i32, i32)> = path.iter().zip(&keep).filter(|(_, k)| **k).map(|(p, _)| *p).collect();
        if kept.len() <= most.max(2) {
            return kept;
        }
        tolerance *= 1.5;
    }
}

/// Seeds for an arena whose worlds differ (rocks some worlds place, headings), none otherwise.
fn settle_seeds(a: &mut ArenaSpec) {
    let varies =
        !(a.heading_choices.is_empty() && a.obstacle_choices.is_empty() && a.floor_choices.is_empty());
    a.seeds = if varies { SEEDS.to_vec() } else { vec![] };
}

/// The headings each world may turn the robot to: its own, and a quarter turn either way.
fn heading_choices(heading: i32) -> Vec<i32> {
    let heading = heading.rem_euclid(360);
    vec![heading, (heading + 90) % 360, (heading + 270) % 360]
}

/// After the robot turns, the headings each world chooses follow it.
fn settle_heading_choices(a: &mut ArenaSpec) {
    if !a.heading_choices.is_empty() {
        a.heading_choices = heading_choices(a.robot.heading);
    }
}

/// Whether each world turns the robot its own way at the start.
pub fn arena_heading_varies(a: &ArenaSpec) -> bool {
    !a.heading_choices.is_empty()
}

pub fn set_arena_heading_varies(a: &mut ArenaSpec, on: bool) {
    a.heading_choices = if on { heading_choices(a.robot.heading) } else { vec![] };
    settle_seeds(a);
}

/// The arena at a new size (within the studio's limits, in its steps): what falls outside goes,
/// the robot and the end area are kept in.
pub fn resize_arena(lesson: &mut Lesson, width: i32, height: i32) {
    let Some(a) = arena_mut(lesson) else { return };
    let fit = |v: i32| (v / ARENA_STEP * ARENA_STEP).clamp(MIN_ARENA, MAX_ARENA);
    let (w, h) = (fit(width), fit(height));
    a.width = w;
    a.height = h;
    let r = RADIUS as i32;
    a.robot.x = a.robot.x.clamp(r, w - r);
    a.robot.y = a.robot.y.clamp(r, h - r);
    let inside = |o: &Obstacle| match *o {
        Obstacle::Rect { x, y, .. } | Obstacle::Circle { x, y, .. } => x < w && y < h,
    };
    a.obstacles.retain(inside);
    a.obstacle_choices.retain(inside);
    a.floor.retain(|f| f.x < w && f.y < h);
    a.floor_choices.retain(|f| f.x < w && f.y < h);
    a.lines.retain(|l| match l {
        FloorLine::Path { points, .. } => points.iter().any(|p| p[0] < w && p[1] < h),
        FloorLine::Arc { x, y, .. } => *x < w && *y < h,
    });
    settle_seeds(a);
    for goal in &mut lesson.goals {
        if let Goal::InArea { x, y, w: gw, h: gh } = goal {
            *x = (*x).clamp(0, w - 1);
            *y = (*y).clamp(0, h - 1);
            *gw = (*gw).clamp(1, w - *x);
            *gh = (*gh).clamp(1, h - *y);
        }
    }
}

/// Goals a teacher picks for an arena (the end area is placed on the floor instead).
pub fn arena_goal_choices() -> [(&'static str, Goal); 3] {
    [
        ("not-bumped", Goal::NotBumped),
        ("ends-on-black", Goal::EndsOn { colour: "black".into() }),
        ("ends-on-green", Goal::EndsOn { colour: "green".into() }),
    ]
}

/// The colours a floor area or a line may have, in the order the studio shows them.
pub const FLOOR_COLOURS: [&str; 5] = ["black", "green", "red", "blue", "yellow"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::studio::blank_lesson;

    fn arena_lesson() -> Lesson {
        let mut l = blank_lesson("my-arena");
        set_kind(&mut l, true);
        l
    }

    fn arena(l: &Lesson) -> &ArenaSpec {
        match &l.world {
            WorldSpec::Arena(a) => a,
            _ => panic!("not an arena"),
        }
    }

    #[test]
    fn a_lesson_becomes_an_arena_and_back_with_goals_and_blocks_of_its_kind() {
        let mut l = blank_lesson("my-x");
        set_kind(&mut l, true);
        assert!(is_arena(&l));
        assert_eq!(end_area(&l.goals), Some((150, 20, 40, 40)));
        assert_eq!(l.toolbox, ["drive", "turn"]);
        assert!(arena(&l).problems().is_empty());
        // Its file is taken in again, an arena still.
        let file = crate::studio::to_file(&l);
        assert_eq!(crate::studio::from_file(file.as_bytes()).map(|back| back.world), Ok(l.world.clone()));
        set_kind(&mut l, false);
        assert_eq!(l.world, blank_lesson("my-x").world);
        assert_eq!(l.goals, [Goal::AtFlag]);
    }

    #[test]
    fn boxes_rocks_and_areas_are_dragged_from_corner_to_corner_and_a_tap_makes_a_small_one() {
        let mut l = arena_lesson();
        stroke(&mut l, ArenaTool::Box, "black", &[(120, 90), (110, 70), (100, 60)]);
        stroke(&mut l, ArenaTool::Box, "black", &[(50, 50), (51, 51)]);
        stroke(&mut l, ArenaTool::Rock, "black", &[(80, 40), (86, 48)]);
        stroke(&mut l, ArenaTool::Floor, "green", &[(190, 140), (250, 200)]);
        let a = arena(&l);
        assert_eq!(
            a.obstacles,
            [
                Obstacle::Rect { x: 100, y: 60, w: 20, h: 30 },
                Obstacle::Rect { x: 40, y: 40, w: 20, h: 20 },
                Obstacle::Circle { x: 80, y: 40, r: 10 },
            ]
        );
        // Dragged past the border: the area stops at it.
        assert_eq!(a.floor, [Area { x: 190, y: 140, w: 10, h: 10, colour: "green".into() }]);
        assert!(a.problems().is_empty());
    }

    #[test]
    fn the_robot_is_placed_by_a_tap_turned_by_a_tap_on_it_and_pointed_by_a_drag() {
        let mut l = arena_lesson();
        stroke(&mut l, ArenaTool::Robot, "", &[(60, 60)]);
        assert_eq!((arena(&l).robot.x, arena(&l).robot.y, arena(&l).robot.heading), (60, 60, 0));
        stroke(&mut l, ArenaTool::Robot, "", &[(62, 61)]);
        assert_eq!(arena(&l).robot.heading, 45);
        // A drag from (20, 100) up and to the right: it faces north-east (315°, clockwise from east).
        stroke(&mut l, ArenaTool::Robot, "", &[(20, 100), (40, 80), (60, 60)]);
        assert_eq!((arena(&l).robot.x, arena(&l).robot.y, arena(&l).robot.heading), (20, 100, 315));
        // On the border, the robot is kept inside.
        stroke(&mut l, ArenaTool::Robot, "", &[(0, 500)]);
        assert_eq!((arena(&l).robot.x, arena(&l).robot.y), (5, 145));
        assert!(arena(&l).problems().is_empty());
    }

    #[test]
    fn a_line_drawn_by_finger_keeps_its_shape_in_few_points_and_a_tap_draws_none() {
        let mut l = arena_lesson();
        // A wobbly straight stroke, then a corner: three points are enough.
        let mut finger: Vec<(i32, i32)> = (0..=100).map(|x| (10 + x, 20 + (x % 2))).collect();
        finger.extend((1..=60).map(|y| (110, 20 + y)));
        stroke(&mut l, ArenaTool::Line, "black", &finger);
        stroke(&mut l, ArenaTool::Line, "black", &[(30, 30)]);
        let a = arena(&l);
        assert_eq!(
            a.lines,
            [FloorLine::Path {
                points: vec![[10, 20], [110, 20], [110, 80]],
                width: LINE_WIDTH,
                colour: "black".into()
            }]
        );
        assert!(a.problems().is_empty());
    }

    #[test]
    fn a_long_scribble_is_thinned_to_the_points_a_line_may_have() {
        // A zigzag of 2,000 points, each corner far from the next.
        let scribble: Vec<(i32, i32)> =
            (0..2000).map(|i| (i % 400, if i % 2 == 0 { 0 } else { 100 })).collect();
        let kept = thin(&scribble, MAX_LINE_POINTS);
        assert!(kept.len() <= MAX_LINE_POINTS && kept.len() >= 2, "{}", kept.len());
        assert_eq!((kept[0], kept[kept.len() - 1]), (scribble[0], scribble[1999]));
        let mut l = arena_lesson();
        stroke(&mut l, ArenaTool::Line, "red", &scribble);
        assert!(arena(&l).problems().is_empty());
    }

    #[test]
    fn rocks_maybe_make_worlds_differ_and_each_world_places_one() {
        let mut l = arena_lesson();
        stroke(&mut l, ArenaTool::RockMaybe, "", &[(100, 40), (110, 40)]);
        stroke(&mut l, ArenaTool::RockMaybe, "", &[(100, 110), (110, 110)]);
        let a = arena(&l);
        assert_eq!(a.seeds, SEEDS);
        let placed: Vec<Vec<Obstacle>> =
            SEEDS.iter().map(|&s| tafukt_world::arena::Arena::from_spec_seeded(a, s).obstacles).collect();
        assert!(placed.iter().all(|o| o.len() == 1));
        assert!(placed.iter().any(|o| o[0] != placed[0][0]), "every world has the same rock: {placed:?}");
        // Erased, the worlds are one again.
        stroke(&mut l, ArenaTool::Erase, "", &[(100, 40)]);
        stroke(&mut l, ArenaTool::Erase, "", &[(104, 112)]);
        assert!(arena(&l).obstacle_choices.is_empty() && arena(&l).seeds.is_empty());
    }

    #[test]
    fn a_floor_area_maybe_is_painted_in_one_world_or_another_and_a_stop_learnt_by_heart_fails() {
        let mut l = arena_lesson();
        l.goals = vec![Goal::EndsOn { colour: "green".into() }];
        stroke(&mut l, ArenaTool::FloorMaybe, "green", &[(60, 110), (80, 130)]);
        stroke(&mut l, ArenaTool::FloorMaybe, "green", &[(120, 110), (140, 130)]);
        assert_eq!(arena(&l).seeds, SEEDS);
        let painted: Vec<Vec<Area>> =
            SEEDS.iter().map(|&s| tafukt_world::arena::Arena::from_spec_seeded(arena(&l), s).floor).collect();
        assert!(
            painted.iter().all(|f| f.len() == 1) && painted.iter().any(|f| f[0] != painted[0][0]),
            "{painted:?}"
        );
        // Driving to the first area by heart: some worlds paint the other one.
        l.toolbox = vec!["drive".into()];
        assert_eq!(tafukt_lesson::check::passes(&l, "drive 40\n"), Ok(false));
        stroke(&mut l, ArenaTool::Erase, "", &[(70, 120)]);
        stroke(&mut l, ArenaTool::Erase, "", &[(130, 120)]);
        assert!(arena(&l).floor_choices.is_empty() && arena(&l).seeds.is_empty());
    }

    #[test]
    fn erase_takes_the_topmost_thing_under_the_finger() {
        let mut l = arena_lesson();
        stroke(&mut l, ArenaTool::Floor, "green", &[(0, 0), (100, 100)]);
        stroke(&mut l, ArenaTool::Line, "black", &[(0, 50), (100, 50)]);
        stroke(&mut l, ArenaTool::Box, "", &[(40, 40), (60, 60)]);
        stroke(&mut l, ArenaTool::Erase, "", &[(50, 50)]);
        assert!(arena(&l).obstacles.is_empty() && arena(&l).lines.len() == 1);
        stroke(&mut l, ArenaTool::Erase, "", &[(50, 52)]);
        assert!(arena(&l).lines.is_empty() && arena(&l).floor.len() == 1);
        stroke(&mut l, ArenaTool::Erase, "", &[(160, 30)]);
        assert_eq!(end_area(&l.goals), None);
        stroke(&mut l, ArenaTool::Erase, "", &[(10, 10)]);
        assert!(arena(&l).floor.is_empty());
        // Nothing left but the robot, which stays.
        stroke(&mut l, ArenaTool::Erase, "", &[(30, 120)]);
        assert_eq!((arena(&l).robot.x, arena(&l).robot.y), (30, 120));
    }

    #[test]
    fn one_end_area_at_most_and_the_heading_choices_follow_the_robot() {
        let mut l = arena_lesson();
        stroke(&mut l, ArenaTool::EndArea, "", &[(10, 10), (40, 30)]);
        assert_eq!(end_area(&l.goals), Some((10, 10, 30, 20)));
        assert_eq!(l.goals.iter().filter(|g| matches!(g, Goal::InArea { .. })).count(), 1);
        let a = arena_mut(&mut l).unwrap();
        set_arena_heading_varies(a, true);
        assert_eq!((a.heading_choices.clone(), a.seeds.clone()), (vec![0, 90, 270], SEEDS.to_vec()));
        stroke(&mut l, ArenaTool::Robot, "", &[(30, 120)]);
        assert_eq!(arena(&l).heading_choices, [45, 135, 315]);
        set_arena_heading_varies(arena_mut(&mut l).unwrap(), false);
        assert!(arena(&l).heading_choices.is_empty() && arena(&l).seeds.is_empty());
    }

    #[test]
    fn a_smaller_arena_drops_what_falls_outside_and_keeps_the_robot_and_end_area_in() {
        let mut l = arena_lesson();
        stroke(&mut l, ArenaTool::Box, "", &[(150, 100), (170, 120)]);
        stroke(&mut l, ArenaTool::Rock, "", &[(20, 20), (25, 20)]);
        resize_arena(&mut l, 100, 85);
        let a = arena(&l);
        assert_eq!((a.width, a.height), (100, 80));
        assert_eq!(a.obstacles, [Obstacle::Circle { x: 20, y: 20, r: 5 }]);
        assert_eq!((a.robot.x, a.robot.y), (30, 75));
        assert_eq!(end_area(&l.goals), Some((99, 20, 1, 40)));
        assert!(a.problems().is_empty());
        resize_arena(&mut l, 10, 10_000);
        assert_eq!((arena(&l).width, arena(&l).height), (MIN_ARENA, MAX_ARENA));
    }

    #[test]
    fn a_hostile_file_and_an_endless_scribble_change_the_arena_and_never_panic() {
        let mut l = arena_lesson();
        let a = arena_mut(&mut l).unwrap();
        (a.robot.heading, a.heading_choices) = (i32::MAX, vec![i32::MIN]);
        stroke(&mut l, ArenaTool::Robot, "", &[(30, 120)]);
        assert_eq!(arena(&l).robot.heading, (i32::MAX.rem_euclid(360) + 45) % 360);
        set_arena_heading_varies(arena_mut(&mut l).unwrap(), true);
        assert!(arena(&l).heading_choices.iter().all(|h| (0..360).contains(h)));
        for tool in ArenaTool::ALL {
            stroke(&mut l, tool, "black", &[(i32::MIN, i32::MAX), (i32::MAX, i32::MIN)]);
        }
        // A million points of scribble: sampled, thinned, within the format's limits.
        let scribble: Vec<(i32, i32)> = (0..1_000_000).map(|i| ((i * 7) % 200, (i * 13) % 150)).collect();
        stroke(&mut l, ArenaTool::Line, "black", &scribble);
        let Some(FloorLine::Path { points, .. }) = arena(&l).lines.last() else { panic!("no line") };
        assert!(
            points.len() <= MAX_LINE_POINTS
                && points.last() == Some(&[(999_999 * 7) % 200, (999_999 * 13) % 150])
        );
        // The box and rock dragged over the whole floor cover the robot: the checker says so.
        let problems = arena(&l).problems();
        assert!(problems.iter().all(|p| p == "an obstacle covers the robot's start"), "{problems:?}");
    }

    #[test]
    fn a_teacher_cannot_heap_up_shapes_without_end() {
        let mut l = arena_lesson();
        for i in 0..100 {
            stroke(&mut l, ArenaTool::Box, "", &[(i, 10)]);
            stroke(&mut l, ArenaTool::Line, "black", &[(0, i), (50, i)]);
        }
        assert_eq!(arena(&l).obstacles.len(), MAX_SHAPES);
        assert_eq!(arena(&l).lines.len(), MAX_FLOOR_LINES);
    }
}
