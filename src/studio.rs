//! The teacher studio's lesson in the making, as plain data (tested natively): a blank
//! lesson, the world edited by taps (walls on cell edges, items, flags, paint, the robot),
//! its size, the toolbox and goals picked from lists, undo and redo, and the lesson file
//! written and read back. `components::studio` only draws it and sends taps here.

use tafukt_lang::toolbox::Construct;
use tafukt_lesson::check::{is_plain_id, world_limits, MAX_LESSON_BYTES};
use tafukt_lesson::model::{parse_lesson, Localized, Question, StarRule, LESSON_SCHEMA_VERSION};
use tafukt_lesson::{Goal, Lesson};
use tafukt_world::grid::Dir;
use tafukt_world::spec::{
    Cell, GridSpec, ItemSpec, PaintSpec, RandomRule, RobotSpec, Variants, WallSpec,
    MAX_SIDE as FORMAT_MAX_SIDE,
};
use tafukt_world::WorldSpec;

use crate::studio_arena::{arena_goal_choices, ARENA_BUILTINS};

/// What a tap on the world does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tool {
    /// Puts or takes away the wall on the cell's edge nearest to the tap.
    Wall,
    /// One more item of this kind on the cell (up to [`MAX_ITEMS`]).
    Item(&'static str),
    Flag,
    /// Paints the tile, or takes its paint away.
    Paint,
    /// Moves the robot to the cell; a tap on the robot turns it right.
    Robot,
    /// Takes away what is on the cell (items, flag, paint).
    Erase,
    /// Makes the cell one of the places the flag may be: each seed's world puts the flag on
    /// one of them, so a path learnt by heart does not pass.
    FlagChoice,
    /// Makes the cell one of the places the robot may start on: each seed's world starts it
    /// on one of them.
    StartChoice,
    /// Puts or takes away a wall that stands in some worlds and not in others (each such wall
    /// on its own), on the cell's edge nearest to the tap.
    WallChoice,
    /// The square the robot must end on (a `robot_at` goal; tap it again to take it away).
    EndHere,
    /// Olives whose number each seed's world chooses: none or one, then up to
    /// [`MAX_MAYBE_ITEMS`] with each tap; one tap more takes the choice away.
    ItemsMaybe,
    /// A pair of portals: the first tap puts one end, the next the other; a tap on either
    /// end takes the pair away. At most [`MAX_PORTALS`] pairs.
    Portal,
    /// A switch: off at the start, then (tap again) on or off by each seed's world, then
    /// (one tap more) no switch.
    Switch,
    /// A tile pupils must paint (a mark; tap it again to take it away). With marks, the
    /// lesson wants every marked tile painted and no other (`paint_marked`).
    Mark,
    /// A square where items must lie at the end (an `items_at` goal): one, then one more with
    /// each tap up to [`MAX_ITEMS`], then (one tap more) no such goal.
    ItemsHere,
}

impl Tool {
    pub const ALL: [Tool; 16] = [
        Tool::Wall,
        Tool::WallChoice,
        Tool::Item("olive"),
        Tool::ItemsMaybe,
        Tool::Item("stone"),
        Tool::Flag,
        Tool::FlagChoice,
        Tool::StartChoice,
        Tool::EndHere,
        Tool::Portal,
        Tool::Switch,
        Tool::Paint,
        Tool::Mark,
        Tool::ItemsHere,
        Tool::Robot,
        Tool::Erase,
    ];

    /// Its name in the catalogue and in `data-testid="studio-tool-…"`.
    pub fn key(self) -> &'static str {
        match self {
            Tool::Wall => "wall",
            Tool::Item(kind) => kind,
            Tool::Flag => "flag",
            Tool::Paint => "paint",
            Tool::Robot => "robot",
            Tool::Erase => "erase",
            Tool::FlagChoice => "flag-choice",
            Tool::StartChoice => "start-choice",
            Tool::WallChoice => "wall-choice",
            Tool::EndHere => "end-here",
            Tool::ItemsMaybe => "items-maybe",
            Tool::Portal => "portal",
            Tool::Switch => "switch",
            Tool::Mark => "mark",
            Tool::ItemsHere => "items-here",
        }
    }
}

/// Most items of one kind a tap can heap on a cell.
pub const MAX_ITEMS: u32 = 9;
/// Most olives the "olives maybe" tool lets a seed put on a cell.
pub const MAX_MAYBE_ITEMS: u32 = 3;
/// Most pairs of portals the studio puts in a world (each pair has its own colour).
pub const MAX_PORTALS: usize = 3;
/// The kind of item the "olives maybe" tool varies.
const MAYBE_KIND: &str = "olive";
/// The paint colour of the paint tool.
pub const PAINT: &str = "green";
/// Smallest and largest world side the studio makes: a larger world is too small to tap on a
/// tablet (the format allows up to `FORMAT_MAX_SIDE`).
pub const MIN_SIDE: u32 = 2;
pub const MAX_SIDE: u32 = 16;
const _: () = assert!(MAX_SIDE <= FORMAT_MAX_SIDE);

/// Built-ins of the grid a toolbox can offer, in the palette's order; the blocks and values
/// of `tafukt_lang::toolbox` follow them.
pub const BUILTINS: [&str; 21] = [
    "move",
    "turn_left",
    "turn_right",
    "pick_up",
    "put_down",
    "paint",
    "say",
    "toggle",
    "wall_ahead",
    "wall_left",
    "wall_right",
    "on_item",
    "at_goal",
    "bag_empty",
    "switch_on",
    "switch_off",
    "item_of",
    "length_of",
    "add_to",
    "remove_item",
    "replace_item",
];

/// Every toolbox entry the studio offers, in the order a toolbox lists them.
pub fn toolbox_choices() -> Vec<&'static str> {
    BUILTINS.into_iter().chain(Construct::ALL.map(Construct::key)).collect()
}

/// Goals a teacher picks from (each one holds on the world, whatever the seed).
pub fn goal_choices() -> [(&'static str, Goal); 8] {
    [
        ("at-flag", Goal::AtFlag),
        ("no-items-left", Goal::NoItemsLeft),
        ("not-bumped", Goal::NotBumped),
        ("said-bag-count", Goal::SaidBagCount),
        ("bag-empty", Goal::BagEmpty),
        ("switches-on", Goal::SwitchesOn),
        ("items-at-flag", Goal::ItemsAtFlag { count: 1 }),
        ("nothing-collected-twice", Goal::NothingCollectedTwice),
    ]
}

/// A new lesson: a 6 × 6 field with the robot in a corner, moves in the toolbox, one goal.
pub fn blank_lesson(id: &str) -> Lesson {
    Lesson {
        schema: None,
        schema_version: LESSON_SCHEMA_VERSION,
        id: id.to_string(),
        title: Localized::default(),
        instructions: Localized::default(),
        concepts: vec![],
        world: WorldSpec::Grid(GridSpec {
            width: 6,
            height: 6,
            robot: RobotSpec { x: 0, y: 5, heading: Dir::East, bag: Default::default() },
            walls: vec![],
            items: vec![],
            paint: vec![],
            flags: vec![],
            marks: vec![],
            variants: None,
        }),
        toolbox: vec!["move".into(), "turn_left".into(), "turn_right".into()],
        starter: String::new(),
        goals: vec![Goal::AtFlag],
        stars: None,
        hints: vec![],
        solution: String::new(),
        quiz: vec![],
        teacher_notes: None,
        predict_end: false,
        reviewed: vec![],
        names: Default::default(),
        other_solutions: Default::default(),
    }
}

/// A lesson id no other of `taken` has, made from `stamp` (e.g. the time in milliseconds):
/// `my-` and base 36, a plain file name (`check::is_plain_id`).
pub fn new_id(stamp: u64, taken: &[String]) -> String {
    let mut n = stamp;
    loop {
        let mut digits = Vec::new();
        let mut m = n;
        loop {
            digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(m % 36) as usize]);
            m /= 36;
            if m == 0 {
                break;
            }
        }
        digits.reverse();
        let id = format!("my-{}", String::from_utf8(digits).unwrap_or_default());
        if !taken.contains(&id) {
            return id;
        }
        n += 1;
    }
}

/// The world's grid, if it is one (the studio edits grids).
pub fn grid_mut(lesson: &mut Lesson) -> Option<&mut GridSpec> {
    match &mut lesson.world {
        WorldSpec::Grid(g) => Some(g),
        WorldSpec::Arena(_) => None,
    }
}

/// The edge of a cell nearest to a tap at `(fx, fy)` inside it (each from 0 to 1, y down).
pub fn nearest_side(fx: f64, fy: f64) -> Dir {
    let sides = [(fy, Dir::North), (1.0 - fx, Dir::East), (1.0 - fy, Dir::South), (fx, Dir::West)];
    let mut best = sides[0];
    for s in sides {
        if s.0 < best.0 {
            best = s;
        }
    }
    best.1
}

/// A wall as the world stores it once: on the east or south edge of a cell; `None` on the
/// border, which is always closed.
fn canonical((width, height): (u32, u32), x: u32, y: u32, side: Dir) -> Option<(u32, u32, Dir)> {
    match side {
        Dir::East if x + 1 < width => Some((x, y, Dir::East)),
        Dir::South if y + 1 < height => Some((x, y, Dir::South)),
        Dir::West if x > 0 => Some((x - 1, y, Dir::East)),
        Dir::North if y > 0 => Some((x, y - 1, Dir::South)),
        _ => None,
    }
}

/// Applies `tool` to cell `(x, y)`, tapped at `(fx, fy)` within it. Taps outside the grid
/// or on its border edge change nothing.
pub fn tap(g: &mut GridSpec, tool: Tool, x: u32, y: u32, fx: f64, fy: f64) {
    if x >= g.width || y >= g.height {
        return;
    }
    match tool {
        Tool::Wall => {
            let size = (g.width, g.height);
            let Some(wall) = canonical(size, x, y, nearest_side(fx, fy)) else { return };
            toggle_wall(&mut g.walls, size, wall);
        }
        Tool::WallChoice => {
            let size = (g.width, g.height);
            let Some(wall) = canonical(size, x, y, nearest_side(fx, fy)) else { return };
            edit_rules(g, |rules| {
                match rules.iter_mut().find_map(|r| match r {
                    RandomRule::WallMaybe { walls } => Some(walls),
                    _ => None,
                }) {
                    Some(walls) => toggle_wall(walls, size, wall),
                    None => rules.push(RandomRule::WallMaybe {
                        walls: vec![WallSpec { x: wall.0, y: wall.1, side: wall.2 }],
                    }),
                }
            });
        }
        Tool::Item(kind) => match g.items.iter_mut().find(|i| i.x == x && i.y == y && i.kind == kind) {
            Some(item) => item.count = (item.count + 1).min(MAX_ITEMS),
            None => g.items.push(ItemSpec { x, y, kind: kind.to_string(), count: 1 }),
        },
        Tool::Flag => {
            let before = g.flags.len();
            g.flags.retain(|c| (c.x, c.y) != (x, y));
            if g.flags.len() == before {
                g.flags.push(Cell { x, y });
            }
        }
        Tool::Paint => {
            let before = g.paint.len();
            g.paint.retain(|p| (p.x, p.y) != (x, y));
            if g.paint.len() == before {
                g.paint.push(PaintSpec { x, y, colour: PAINT.to_string() });
            }
        }
        Tool::Robot if (g.robot.x, g.robot.y) == (x, y) => g.robot.heading = g.robot.heading.right(),
        Tool::Robot => (g.robot.x, g.robot.y) = (x, y),
        Tool::Mark => {
            let before = g.marks.len();
            g.marks.retain(|p| (p.x, p.y) != (x, y));
            if g.marks.len() == before {
                g.marks.push(PaintSpec { x, y, colour: PAINT.to_string() });
            }
        }
        Tool::Erase => {
            g.items.retain(|i| (i.x, i.y) != (x, y));
            g.flags.retain(|c| (c.x, c.y) != (x, y));
            g.paint.retain(|p| (p.x, p.y) != (x, y));
            g.marks.retain(|p| (p.x, p.y) != (x, y));
            edit_rules(g, |rules| {
                for cells in rules.iter_mut().filter_map(choice_cells) {
                    cells.retain(|c| (c.x, c.y) != (x, y));
                }
                rules.retain(
                    |r| !matches!(r, RandomRule::ItemCount { x: rx, y: ry, .. } if (*rx, *ry) == (x, y)),
                );
                let cell = Cell { x, y };
                rules.retain(
                    |r| !matches!(r, RandomRule::Portal { a, b } if a.contains(&cell) || b.contains(&cell)),
                );
                for rule in rules.iter_mut() {
                    if let RandomRule::Switches { cells, .. } = rule {
                        cells.retain(|c| *c != cell);
                    }
                }
            });
        }
        Tool::ItemsMaybe => edit_rules(g, |rules| {
            let here = |r: &RandomRule| matches!(r, RandomRule::ItemCount { x: rx, y: ry, kind, .. } if (*rx, *ry) == (x, y) && kind == MAYBE_KIND);
            match rules.iter().position(here) {
                Some(i) => match &mut rules[i] {
                    RandomRule::ItemCount { max, .. } if *max < MAX_MAYBE_ITEMS => *max += 1,
                    _ => {
                        rules.remove(i);
                    }
                },
                None => {
                    rules.push(RandomRule::ItemCount { x, y, kind: MAYBE_KIND.to_string(), min: 0, max: 1 })
                }
            }
        }),
        Tool::Portal => edit_rules(g, |rules| {
            let cell = Cell { x, y };
            let pairs = |r: &RandomRule| matches!(r, RandomRule::Portal { .. });
            let here = |r: &RandomRule| matches!(r, RandomRule::Portal { a, b } if a.contains(&cell) || b.contains(&cell));
            if let Some(i) = rules.iter().position(here) {
                rules.remove(i);
            } else if let Some(RandomRule::Portal { b, .. }) =
                rules.iter_mut().find(|r| matches!(r, RandomRule::Portal { b, .. } if b.is_empty()))
            {
                b.push(cell);
            } else if rules.iter().filter(|r| pairs(r)).count() < MAX_PORTALS {
                rules.push(RandomRule::Portal { a: vec![cell], b: vec![] });
            }
        }),
        Tool::Switch => edit_rules(g, |rules| toggle_switch(rules, Cell { x, y })),
        // Goals of the lesson, not parts of the world: see `tap_lesson`.
        Tool::EndHere | Tool::ItemsHere => {}
        Tool::FlagChoice | Tool::StartChoice => edit_rules(g, |rules| {
            let cell = Cell { x, y };
            let flag = tool == Tool::FlagChoice;
            let ours = |r: &RandomRule| matches!(r, RandomRule::FlagAt { .. }) == flag;
            match rules.iter_mut().filter(|r| ours(r)).find_map(choice_cells) {
                Some(cells) if cells.contains(&cell) => cells.retain(|c| *c != cell),
                Some(cells) => cells.push(cell),
                None if flag => rules.push(RandomRule::FlagAt { cells: vec![cell] }),
                None => rules.push(RandomRule::StartAt { cells: vec![cell] }),
            }
        }),
    }
}

/// The switch tool on `cell`: a switch off at the start, then one that each seed's world
/// turns on or off, then none.
fn toggle_switch(rules: &mut Vec<RandomRule>, cell: Cell) {
    if let Some(off) = switch_cells(rules, false).filter(|cells| cells.contains(&cell)) {
        off.retain(|c| *c != cell);
        add_switch(rules, cell, true);
    } else if let Some(maybe) = switch_cells(rules, true).filter(|cells| cells.contains(&cell)) {
        maybe.retain(|c| *c != cell);
    } else {
        add_switch(rules, cell, false);
    }
}

/// The squares of the switches rule that starts them off (or, `maybe`, as the seed says).
fn switch_cells(rules: &mut [RandomRule], maybe: bool) -> Option<&mut Vec<Cell>> {
    rules.iter_mut().find_map(|r| match r {
        RandomRule::Switches { cells, maybe: m } if *m == maybe => Some(cells),
        _ => None,
    })
}

fn add_switch(rules: &mut Vec<RandomRule>, cell: Cell, maybe: bool) {
    match switch_cells(rules, maybe) {
        Some(cells) => cells.push(cell),
        None => rules.push(RandomRule::Switches { cells: vec![cell], maybe }),
    }
}

/// Takes `wall` (as `canonical` gives it) out of `walls`, or puts it in when it was not there.
fn toggle_wall(walls: &mut Vec<WallSpec>, size: (u32, u32), wall: (u32, u32, Dir)) {
    let before = walls.len();
    walls.retain(|w| canonical(size, w.x, w.y, w.side) != Some(wall));
    if walls.len() == before {
        walls.push(WallSpec { x: wall.0, y: wall.1, side: wall.2 });
    }
}

/// The squares a seeded rule chooses from, for the rules the choice tools make (the flag's,
/// the robot's start).
fn choice_cells(rule: &mut RandomRule) -> Option<&mut Vec<Cell>> {
    match rule {
        RandomRule::FlagAt { cells } | RandomRule::StartAt { cells } => Some(cells),
        _ => None,
    }
}

/// The seeds a world the studio varies is checked on (and pupils meet).
pub const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];

/// Edits the grid's seeded rules; rules left empty go, and with no rule the world has no
/// variants (one world, seed 0).
fn edit_rules(g: &mut GridSpec, edit: impl FnOnce(&mut Vec<RandomRule>)) {
    let mut rules = g.variants.take().map(|v| v.rules).unwrap_or_default();
    edit(&mut rules);
    rules.retain(|r| match r {
        RandomRule::FlagAt { cells } | RandomRule::StartAt { cells } => !cells.is_empty(),
        RandomRule::WallMaybe { walls } => !walls.is_empty(),
        RandomRule::StartHeading { choices } => !choices.is_empty(),
        RandomRule::Switches { cells, .. } => !cells.is_empty(),
        _ => true,
    });
    if !rules.is_empty() {
        g.variants = Some(Variants { seeds: SEEDS.to_vec(), rules });
    }
}

/// Applies `tool` to cell `(x, y)` of the lesson, tapped at `(fx, fy)` within it: the world's
/// tools change the grid (`tap`), the end square and the items-here squares are goals; the
/// `paint_marked` goal is there exactly when the world has marks.
pub fn tap_lesson(l: &mut Lesson, tool: Tool, x: u32, y: u32, fx: f64, fy: f64) {
    match tool {
        Tool::EndHere => l.goals = toggle_end_square(&l.goals, x, y),
        Tool::ItemsHere => l.goals = items_here(&l.goals, x, y),
        _ => {
            if let Some(g) = grid_mut(l) {
                tap(g, tool, x, y, fx, fy);
            }
        }
    }
    settle_mark_goal(l);
}

/// Puts the `paint_marked` goal in when the world has marks (tiles pupils must paint), and
/// takes it out when it has none.
pub fn settle_mark_goal(l: &mut Lesson) {
    let marked = matches!(&l.world, WorldSpec::Grid(g) if !g.marks.is_empty());
    l.goals.retain(|g| *g != Goal::PaintMarked);
    if marked {
        l.goals.push(Goal::PaintMarked);
    }
}

/// The goals with one more item wanted on `(x, y)` at the end (the first tap: one), or none
/// once [`MAX_ITEMS`] were wanted there.
fn items_here(goals: &[Goal], x: u32, y: u32) -> Vec<Goal> {
    let here = |g: &Goal| matches!(g, Goal::ItemsAt { x: gx, y: gy, .. } if (*gx, *gy) == (x, y));
    let mut out = goals.to_vec();
    match out.iter().position(here) {
        Some(i) => match &mut out[i] {
            Goal::ItemsAt { count, .. } if *count < MAX_ITEMS => *count += 1,
            _ => {
                out.remove(i);
            }
        },
        None => out.push(Goal::ItemsAt { x, y, kind: None, count: 1 }),
    }
    out
}

/// The squares where items must lie at the end, with how many.
pub fn items_wanted(goals: &[Goal]) -> Vec<(u32, u32, u32)> {
    goals
        .iter()
        .filter_map(|g| match g {
            Goal::ItemsAt { x, y, count, .. } => Some((*x, *y, *count)),
            _ => None,
        })
        .collect()
}

/// The goals with the robot's end square at `(x, y)`, or without one when it was there: one
/// end square at most.
pub fn toggle_end_square(goals: &[Goal], x: u32, y: u32) -> Vec<Goal> {
    let was_here = goals.contains(&Goal::RobotAt { x, y });
    let mut out: Vec<Goal> = goals.iter().filter(|g| !matches!(g, Goal::RobotAt { .. })).cloned().collect();
    if !was_here {
        out.push(Goal::RobotAt { x, y });
    }
    out
}

/// The square the robot must end on, if the lesson asks one.
pub fn end_square(goals: &[Goal]) -> Option<(u32, u32)> {
    goals.iter().find_map(|g| match g {
        Goal::RobotAt { x, y } => Some((*x, *y)),
        _ => None,
    })
}

/// The walls that stand in some worlds and not in others (the wall-choice tool's).
pub fn wall_choices(g: &GridSpec) -> Vec<WallSpec> {
    let rules = g.variants.iter().flat_map(|v| &v.rules);
    rules
        .filter_map(|r| if let RandomRule::WallMaybe { walls } = r { Some(walls.clone()) } else { None })
        .flatten()
        .collect()
}

/// The squares whose olives each seed's world counts anew: `(x, y, fewest, most)`.
pub fn item_choices(g: &GridSpec) -> Vec<(u32, u32, u32, u32)> {
    let rules = g.variants.iter().flat_map(|v| &v.rules);
    rules
        .filter_map(|r| match r {
            RandomRule::ItemCount { x, y, min, max, .. } => Some((*x, *y, *min, *max)),
            _ => None,
        })
        .collect()
}

/// The cells the flag may be on, one per seed's world (the flag-choice tool's), and those
/// the robot may start on (the start-choice tool's).
pub fn choices(g: &GridSpec) -> (Vec<Cell>, Vec<Cell>) {
    let (mut flag, mut start) = (Vec::new(), Vec::new());
    for rule in g.variants.iter().flat_map(|v| &v.rules) {
        match rule {
            RandomRule::FlagAt { cells } => flag.extend(cells),
            RandomRule::StartAt { cells } => start.extend(cells),
            _ => {}
        }
    }
    (flag, start)
}

/// The studio's pairs of portals: both ends of each finished pair, and the end of a pair
/// whose other end is still to be tapped.
pub fn portals(g: &GridSpec) -> (Vec<tafukt_world::puzzle::PortalPair>, Option<(u32, u32)>) {
    let (mut pairs, mut waiting) = (Vec::new(), None);
    for rule in g.variants.iter().flat_map(|v| &v.rules) {
        if let RandomRule::Portal { a, b } = rule {
            match (a.first(), b.first()) {
                (Some(a), Some(b)) => pairs.push([(a.x, a.y), (b.x, b.y)]),
                (Some(a), None) => waiting = Some((a.x, a.y)),
                _ => {}
            }
        }
    }
    (pairs, waiting)
}

/// The studio's switches: each square with one, and whether each seed's world decides if
/// it starts on (else it starts off).
pub fn switches(g: &GridSpec) -> Vec<(u32, u32, bool)> {
    let rules = g.variants.iter().flat_map(|v| &v.rules);
    rules
        .flat_map(|r| match r {
            RandomRule::Switches { cells, maybe } => cells.iter().map(|c| (c.x, c.y, *maybe)).collect(),
            _ => vec![],
        })
        .collect()
}

/// Whether the robot's heading is chosen by each seed.
pub fn heading_varies(g: &GridSpec) -> bool {
    g.variants.iter().flat_map(|v| &v.rules).any(|r| matches!(r, RandomRule::StartHeading { .. }))
}

/// The robot starts facing a direction each seed chooses, or the one set.
pub fn set_heading_varies(g: &mut GridSpec, on: bool) {
    edit_rules(g, |rules| {
        rules.retain(|r| !matches!(r, RandomRule::StartHeading { .. }));
        if on {
            rules.push(RandomRule::StartHeading {
                choices: vec![Dir::North, Dir::East, Dir::South, Dir::West],
            });
        }
    });
}

/// Whether each seed carves a new maze into the whole grid.
pub fn maze_varies(g: &GridSpec) -> bool {
    g.variants.iter().flat_map(|v| &v.rules).any(|r| matches!(r, RandomRule::Maze { .. }))
}

/// Each seed carves a new perfect maze into the whole grid, starts the robot somewhere in
/// it and puts the flag where the maze is deepest (the walls, robot and flag the teacher
/// placed are then only what the seeds start from), or not.
pub fn set_maze_varies(g: &mut GridSpec, on: bool) {
    let (width, height) = (g.width, g.height);
    edit_rules(g, |rules| {
        rules.retain(|r| !matches!(r, RandomRule::Maze { .. }));
        if on {
            rules.push(RandomRule::Maze { x: 0, y: 0, width, height });
        }
    });
}

/// The grid without its seeded rules: what the teacher edits (the choices drawn over it).
pub fn fixed_part(g: &GridSpec) -> GridSpec {
    GridSpec { variants: None, ..g.clone() }
}

/// The grid made `width` × `height` (within the studio's sizes); what falls outside goes,
/// and the robot moves in.
pub fn resize(g: &mut GridSpec, width: u32, height: u32) {
    let (width, height) = (width.clamp(MIN_SIDE, MAX_SIDE), height.clamp(MIN_SIDE, MAX_SIDE));
    g.width = width;
    g.height = height;
    let inside = |x: u32, y: u32| x < width && y < height;
    g.items.retain(|i| inside(i.x, i.y));
    g.flags.retain(|c| inside(c.x, c.y));
    g.paint.retain(|p| inside(p.x, p.y));
    g.marks.retain(|p| inside(p.x, p.y));
    g.walls.retain(|w| inside(w.x, w.y) && canonical((width, height), w.x, w.y, w.side).is_some());
    g.robot.x = g.robot.x.min(width - 1);
    g.robot.y = g.robot.y.min(height - 1);
    edit_rules(g, |rules| {
        for rule in rules.iter_mut() {
            match rule {
                RandomRule::FlagAt { cells } | RandomRule::StartAt { cells } => {
                    cells.retain(|c| inside(c.x, c.y))
                }
                RandomRule::WallMaybe { walls } => walls
                    .retain(|w| inside(w.x, w.y) && canonical((width, height), w.x, w.y, w.side).is_some()),
                RandomRule::Switches { cells, .. } => cells.retain(|c| inside(c.x, c.y)),
                // The maze keeps filling the whole grid.
                RandomRule::Maze { width: w, height: h, .. } => (*w, *h) = (width, height),
                _ => {}
            }
        }
        rules.retain(|r| !matches!(r, RandomRule::ItemCount { x, y, .. } if !inside(*x, *y)));
        rules.retain(
            |r| !matches!(r, RandomRule::Portal { a, b } if a.iter().chain(b).any(|c| !inside(c.x, c.y))),
        );
    });
}

/// Every toolbox entry the studio offers for the lesson's kind of world, in the toolbox's order.
pub fn lesson_toolbox_choices(lesson: &Lesson) -> Vec<&'static str> {
    match lesson.world {
        WorldSpec::Arena(_) => ARENA_BUILTINS.into_iter().chain(Construct::ALL.map(Construct::key)).collect(),
        _ => toolbox_choices(),
    }
}

/// Goals a teacher picks from for the lesson's kind of world.
pub fn lesson_goal_choices(lesson: &Lesson) -> Vec<(&'static str, Goal)> {
    match lesson.world {
        WorldSpec::Arena(_) => arena_goal_choices().to_vec(),
        _ => goal_choices().to_vec(),
    }
}

/// The toolbox with `key` put in (in the studio's order: the grid's built-ins, the arena's,
/// then control blocks and values) or taken out.
pub fn toggle_toolbox(toolbox: &[String], key: &str) -> Vec<String> {
    let on =
        |k: &str| if k == key { !toolbox.iter().any(|t| t == k) } else { toolbox.iter().any(|t| t == k) };
    let mut order = toolbox_choices();
    order.extend(ARENA_BUILTINS.into_iter().filter(|k| !BUILTINS.contains(k)));
    order.into_iter().filter(|k| on(k)).map(str::to_string).collect()
}

/// The goals with the studio's goal `key` (of a grid or an arena) put in or taken out, in the
/// list's order; goals of the lesson the studio does not offer are kept.
pub fn toggle_goal(goals: &[Goal], key: &str) -> Vec<Goal> {
    let mut choices = goal_choices().to_vec();
    choices
        .extend(arena_goal_choices().into_iter().filter(|(k, _)| goal_choices().iter().all(|(g, _)| g != k)));
    let offered = |g: &Goal| choices.iter().any(|(_, c)| c == g);
    let mut out: Vec<Goal> = goals.iter().filter(|g| !offered(g)).cloned().collect();
    for (k, goal) in choices {
        let has = goals.contains(&goal);
        if (k == key) != has {
            out.push(goal);
        }
    }
    out
}

/// Most concepts a lesson lists, and the most characters of one.
pub const MAX_CONCEPTS: usize = 8;
pub const MAX_CONCEPT_CHARS: usize = 40;

/// The concepts a teacher typed, a comma (Latin or Arabic) between them: trimmed, without
/// empty or repeated ones, each and their number kept within the limits.
pub fn concepts_from_text(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for concept in text.split([',', '،']).map(str::trim).filter(|c| !c.is_empty()) {
        let concept: String = concept.chars().take(MAX_CONCEPT_CHARS).collect();
        if !out.contains(&concept) && out.len() < MAX_CONCEPTS {
            out.push(concept);
        }
    }
    out
}

/// The star rule for a number typed by the teacher: none when empty or zero.
pub fn star_rule(text: &str) -> Option<StarRule> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=999).contains(n))
        .map(|max_blocks| StarRule { max_blocks })
}

/// Sets `lang`'s text in `texts`; an empty text takes the language out.
pub fn set_text(texts: &mut Localized, lang: &str, text: &str) {
    if text.trim().is_empty() {
        texts.0.remove(lang);
    } else {
        texts.0.insert(lang.to_string(), text.to_string());
    }
}

/// Most hints a lesson's studio offers fields for.
pub const MAX_HINTS: usize = 3;

/// Most questions after a lesson, and most answers to one (the format's rule: 2 to 4).
pub const MAX_QUESTIONS: usize = 5;
pub const MAX_CHOICES: usize = 4;

/// A change to the lesson's questions (asked once it is solved; tapped, not graded).
#[derive(Clone, Debug, PartialEq)]
pub enum QuizEdit {
    Add,
    Remove(usize),
    Question(usize, String),
    AddChoice(usize),
    RemoveChoice(usize, usize),
    Choice(usize, usize, String),
    Answer(usize, usize),
}

/// Applies a change to the questions; texts are in `lang`. A question starts with two
/// empty answers, the first one right.
pub fn edit_quiz(quiz: &mut Vec<Question>, lang: &str, edit: QuizEdit) {
    match edit {
        QuizEdit::Add if quiz.len() < MAX_QUESTIONS => quiz.push(Question {
            question: Localized::default(),
            choices: vec![Localized::default(), Localized::default()],
            answer: 0,
        }),
        QuizEdit::Remove(i) if i < quiz.len() => {
            quiz.remove(i);
        }
        QuizEdit::Question(i, text) => {
            if let Some(q) = quiz.get_mut(i) {
                set_text(&mut q.question, lang, &text);
            }
        }
        QuizEdit::AddChoice(i) => {
            if let Some(q) = quiz.get_mut(i).filter(|q| q.choices.len() < MAX_CHOICES) {
                q.choices.push(Localized::default());
            }
        }
        QuizEdit::RemoveChoice(i, j) => {
            if let Some(q) = quiz.get_mut(i).filter(|q| j < q.choices.len() && q.choices.len() > 2) {
                q.choices.remove(j);
                // The right answer keeps its text when another goes; when it goes itself,
                // the one after it (or the last) is right.
                let a = q.answer as usize;
                let a = if j < a { a - 1 } else { a.min(q.choices.len() - 1) };
                q.answer = a as u32;
            }
        }
        QuizEdit::Choice(i, j, text) => {
            if let Some(c) = quiz.get_mut(i).and_then(|q| q.choices.get_mut(j)) {
                set_text(c, lang, &text);
            }
        }
        QuizEdit::Answer(i, j) => {
            if let Some(q) = quiz.get_mut(i).filter(|q| j < q.choices.len()) {
                q.answer = j as u32;
            }
        }
        _ => {}
    }
}

/// The lesson as the file a teacher exports (what `tafukt check` reads).
pub fn to_file(lesson: &Lesson) -> String {
    let mut lesson = lesson.clone();
    lesson.schema = None;
    serde_json::to_string_pretty(&lesson).unwrap_or_default()
}

/// Why a file could not be taken in as a lesson (shown on the studio's error card).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Larger than the most (in KB) a lesson or a pack may be.
    TooBig(usize),
    Unreadable(String),
}

/// A lesson file picked by the teacher, read as strictly as `tafukt check` reads one: the
/// size first, then the format (line and column of a mistake), the id and the world's limits.
pub fn from_file(bytes: &[u8]) -> Result<Lesson, ImportError> {
    if bytes.len() > MAX_LESSON_BYTES {
        return Err(ImportError::TooBig(MAX_LESSON_BYTES / 1024));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::Unreadable("not UTF-8 text".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lesson = parse_lesson("lesson.json", text).map_err(|e| ImportError::Unreadable(e.problem))?;
    if !is_plain_id(&lesson.id) {
        return Err(ImportError::Unreadable(format!("id `{}` is not a plain name", lesson.id)));
    }
    if let Some(p) = world_limits(&lesson.world).into_iter().next() {
        return Err(ImportError::Unreadable(p));
    }
    Ok(lesson)
}

/// What names a course pack file (several lessons, in order, for a USB stick).
pub const PACK_FORMAT: &str = "tafukt-course-pack";
pub const PACK_VERSION: u32 = 1;
/// Most lessons in one pack, and its largest file.
pub const MAX_PACK_LESSONS: usize = 100;
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Pack {
    format: String,
    version: u32,
    lessons: Vec<serde_json::Value>,
}

/// Whether a file says it is a course pack (else it is read as one lesson).
pub fn is_pack(bytes: &[u8]) -> bool {
    let pattern = PACK_FORMAT.as_bytes();
    bytes.windows(pattern.len()).any(|w| w == pattern)
}

/// Several lessons, in their order, as one course pack file.
pub fn pack_to_file(lessons: &[Lesson]) -> String {
    let lessons = lessons
        .iter()
        .filter_map(|l| serde_json::to_value(Lesson { schema: None, ..l.clone() }).ok())
        .collect();
    let pack = Pack { format: PACK_FORMAT.into(), version: PACK_VERSION, lessons };
    serde_json::to_string_pretty(&pack).unwrap_or_default()
}

/// The lessons of a picked file: one lesson, or every lesson of a course pack, each read as
/// strictly as [`from_file`]. One bad lesson refuses the whole pack, naming it (nothing is
/// half taken in).
pub fn lessons_from_file(bytes: &[u8]) -> Result<Vec<Lesson>, ImportError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(ImportError::TooBig(MAX_PACK_BYTES / 1024));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::Unreadable("not UTF-8 text".into()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !is_pack(text.as_bytes()) {
        return from_file(text.as_bytes()).map(|l| vec![l]);
    }
    let pack: Pack = serde_json::from_str(text)
        .map_err(|e| ImportError::Unreadable(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    if pack.format != PACK_FORMAT || pack.version != PACK_VERSION {
        return Err(ImportError::Unreadable(format!(
            "a {} file of version {}; this version of Tafukt reads {PACK_FORMAT} {PACK_VERSION}",
            pack.format, pack.version
        )));
    }
    if pack.lessons.is_empty() || pack.lessons.len() > MAX_PACK_LESSONS {
        return Err(ImportError::Unreadable(format!("a pack holds 1 to {MAX_PACK_LESSONS} lessons")));
    }
    pack.lessons
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let text = serde_json::to_string(value).unwrap_or_default();
            from_file(text.as_bytes()).map_err(|e| match e {
                ImportError::Unreadable(p) => ImportError::Unreadable(format!("lesson {}: {p}", i + 1)),
                other => other,
            })
        })
        .collect()
}

/// The lesson in the making, with what undo and redo go back and forth through.
#[derive(Clone, PartialEq, Debug)]
pub struct Draft {
    pub lesson: Lesson,
    undo: Vec<Lesson>,
    redo: Vec<Lesson>,
}

/// Edits kept for undo.
const MAX_UNDO: usize = 100;

impl Draft {
    pub fn new(lesson: Lesson) -> Draft {
        Draft { lesson, undo: vec![], redo: vec![] }
    }

    /// Applies `edit`; an edit that changes something can be undone.
    pub fn edit(&mut self, edit: impl FnOnce(&mut Lesson)) {
        let before = self.lesson.clone();
        edit(&mut self.lesson);
        if self.lesson != before {
            self.undo.push(before);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) {
        if let Some(before) = self.undo.pop() {
            self.redo.push(std::mem::replace(&mut self.lesson, before));
        }
    }

    pub fn redo(&mut self) {
        if let Some(after) = self.redo.pop() {
            self.undo.push(std::mem::replace(&mut self.lesson, after));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tafukt_lesson::check::check_lesson_file;
    use tafukt_lesson::problem::{Problem, Scope};

    fn grid(lesson: &mut Lesson) -> &mut GridSpec {
        grid_mut(lesson).unwrap()
    }

    #[test]
    fn a_tap_near_an_edge_walls_it_and_the_neighbours_side_is_the_same_wall() {
        let mut l = blank_lesson("my-t");
        let g = grid(&mut l);
        tap(g, Tool::Wall, 2, 2, 0.95, 0.5);
        assert_eq!(g.walls, vec![WallSpec { x: 2, y: 2, side: Dir::East }]);
        // The same edge tapped from the cell on its other side takes it away.
        tap(g, Tool::Wall, 3, 2, 0.05, 0.4);
        assert!(g.walls.is_empty());
        tap(g, Tool::Wall, 2, 2, 0.5, 0.02);
        assert_eq!(g.walls, vec![WallSpec { x: 2, y: 1, side: Dir::South }]);
        // The border is always closed: nothing to add.
        tap(g, Tool::Wall, 0, 0, 0.01, 0.5);
        tap(g, Tool::Wall, 5, 5, 0.5, 0.99);
        assert_eq!(g.walls.len(), 1);
    }

    #[test]
    fn items_heap_up_to_a_limit_flags_and_paint_toggle_erase_clears_and_the_robot_turns() {
        let mut l = blank_lesson("my-t");
        let g = grid(&mut l);
        for _ in 0..12 {
            tap(g, Tool::Item("olive"), 1, 1, 0.5, 0.5);
        }
        assert_eq!(g.items[0].count, MAX_ITEMS);
        tap(g, Tool::Flag, 1, 1, 0.5, 0.5);
        tap(g, Tool::Paint, 1, 1, 0.5, 0.5);
        assert_eq!((g.flags.len(), g.paint.len()), (1, 1));
        tap(g, Tool::Flag, 1, 1, 0.5, 0.5);
        assert!(g.flags.is_empty());
        tap(g, Tool::Erase, 1, 1, 0.5, 0.5);
        assert!(g.items.is_empty() && g.paint.is_empty());
        tap(g, Tool::Robot, 3, 2, 0.5, 0.5);
        assert_eq!((g.robot.x, g.robot.y, g.robot.heading), (3, 2, Dir::East));
        tap(g, Tool::Robot, 3, 2, 0.5, 0.5);
        assert_eq!(g.robot.heading, Dir::South);
        tap(g, Tool::Flag, 9, 9, 0.5, 0.5);
        assert!(g.flags.is_empty(), "outside the grid");
    }

    #[test]
    fn flag_places_and_the_heading_vary_by_seed_and_a_path_learnt_by_heart_fails() {
        let mut l = blank_lesson("my-t");
        let g = grid(&mut l);
        tap(g, Tool::FlagChoice, 3, 5, 0.5, 0.5);
        tap(g, Tool::FlagChoice, 5, 5, 0.5, 0.5);
        assert_eq!(choices(g).0, [Cell { x: 3, y: 5 }, Cell { x: 5, y: 5 }]);
        assert_eq!(g.variants.as_ref().unwrap().seeds, SEEDS);
        l.toolbox = toggle_toolbox(&toggle_toolbox(&l.toolbox, "at_goal"), "while");
        l.toolbox = toggle_toolbox(&l.toolbox, "logic");
        set_text(&mut l.title, "en", "T");
        set_text(&mut l.instructions, "en", "I");
        l.solution = "while not at goal\n  move\nend\n".into();
        assert_eq!(tafukt_lesson::check::lesson_problems(&l, Scope::Own), []);
        // Learnt by heart: three moves reach the flag on some seeds, not on all.
        l.solution = "move\nmove\nmove\n".into();
        let problems = tafukt_lesson::check::lesson_problems(&l, Scope::Own);
        assert!(matches!(problems[..], [Problem::SolutionMissesGoal { .. }]), "{problems:?}");
        // Choices go with a tap again, by erasing, or when the grid shrinks past them.
        let g = grid(&mut l);
        tap(g, Tool::FlagChoice, 3, 5, 0.5, 0.5);
        resize(g, 5, 6);
        assert_eq!(g.variants, None, "no choice left, no variants");
        set_heading_varies(g, true);
        assert!(heading_varies(g));
        tap(g, Tool::FlagChoice, 1, 1, 0.5, 0.5);
        tap(g, Tool::Erase, 1, 1, 0.5, 0.5);
        set_heading_varies(g, false);
        assert_eq!(g.variants, None);
        assert_eq!(fixed_part(g).variants, None);
    }

    #[test]
    fn the_robot_may_start_on_squares_the_teacher_taps_and_each_world_starts_it_on_one() {
        let mut l = blank_lesson("s");
        let g = grid(&mut l);
        // A row to the flag, the robot starting on one of three squares of it.
        tap(g, Tool::Flag, 5, 5, 0.5, 0.5);
        for x in [0, 1, 2] {
            tap(g, Tool::StartChoice, x, 5, 0.5, 0.5);
        }
        tap(g, Tool::StartChoice, 1, 5, 0.5, 0.5);
        assert_eq!(choices(g), (vec![], vec![Cell { x: 0, y: 5 }, Cell { x: 2, y: 5 }]));
        let starts: std::collections::BTreeSet<u32> =
            SEEDS.iter().map(|s| tafukt_world::grid::GridWorld::from_spec_seeded(g, *s).robot.x).collect();
        assert!(starts.iter().all(|x| [0, 2].contains(x)), "{starts:?}");
        l.toolbox = toggle_toolbox(&toggle_toolbox(&toggle_toolbox(&l.toolbox, "at_goal"), "while"), "logic");
        set_text(&mut l.title, "en", "T");
        set_text(&mut l.instructions, "en", "I");
        l.solution = "while not at goal\n  move\nend\n".into();
        assert_eq!(tafukt_lesson::check::lesson_problems(&l, Scope::Own), []);
        // Learnt by heart from one start: fails from the other.
        if starts.len() == 2 {
            l.solution = "move\nmove\nmove\nmove\nmove\n".into();
            let problems = tafukt_lesson::check::lesson_problems(&l, Scope::Own);
            let caught =
                matches!(problems[..], [Problem::SolutionMissesGoal { .. } | Problem::SolutionFaults { .. }]);
            assert!(caught, "{problems:?}");
        }
        // Erased or shrunk away like the flag's choices.
        let g = grid(&mut l);
        tap(g, Tool::Erase, 0, 5, 0.5, 0.5);
        resize(g, 2, 6);
        assert_eq!(g.variants, None, "no choice left, no variants");
    }

    #[test]
    fn portals_come_in_pairs_of_two_taps_at_most_three_and_a_tap_on_an_end_takes_its_pair_away() {
        let mut l = blank_lesson("p");
        let g = grid(&mut l);
        tap(g, Tool::Portal, 0, 0, 0.5, 0.5);
        assert_eq!(portals(g), (vec![], Some((0, 0))), "the first end waits for the second");
        tap(g, Tool::Portal, 4, 3, 0.5, 0.5);
        assert_eq!(portals(g), (vec![[(0, 0), (4, 3)]], None));
        assert!(g.problems().is_empty(), "{:?}", g.problems());
        let w = tafukt_world::grid::GridWorld::from_spec_seeded(g, SEEDS[0]);
        assert_eq!(w.puzzle.portal_exit((4, 3)), Some((0, 0)));
        for (x, y) in [(1, 1), (2, 1), (1, 2), (2, 2), (3, 3), (3, 4)] {
            tap(g, Tool::Portal, x, y, 0.5, 0.5);
        }
        assert_eq!(portals(g).0.len(), MAX_PORTALS, "a fourth pair is not started");
        tap(g, Tool::Portal, 2, 1, 0.5, 0.5);
        assert_eq!(portals(g), (vec![[(0, 0), (4, 3)], [(1, 2), (2, 2)]], None));
        tap(g, Tool::Erase, 4, 3, 0.5, 0.5);
        assert_eq!(portals(g), (vec![[(1, 2), (2, 2)]], None));
        resize(g, 2, 2);
        assert_eq!(g.variants, None, "a pair with an end outside goes with the squares");
    }

    #[test]
    fn a_switch_is_off_then_up_to_the_seed_then_gone_and_the_goal_wants_them_all_on() {
        let mut l = blank_lesson("s");
        let g = grid(&mut l);
        tap(g, Tool::Switch, 1, 5, 0.5, 0.5);
        tap(g, Tool::Switch, 2, 5, 0.5, 0.5);
        assert_eq!(switches(g), [(1, 5, false), (2, 5, false)]);
        tap(g, Tool::Switch, 2, 5, 0.5, 0.5);
        assert_eq!(switches(g), [(1, 5, false), (2, 5, true)], "the second now up to each world");
        assert!(g.problems().is_empty(), "{:?}", g.problems());
        let starts: std::collections::BTreeSet<bool> = (1..=20)
            .map(|s| tafukt_world::grid::GridWorld::from_spec_seeded(g, s))
            .inspect(|w| assert_eq!(w.puzzle.switches.get(&(1, 5)), Some(&false)))
            .map(|w| w.puzzle.switches.get(&(2, 5)) == Some(&true))
            .collect();
        assert_eq!(starts.len(), 2, "on in some worlds, off in others");
        set_text(&mut l.title, "en", "T");
        set_text(&mut l.instructions, "en", "I");
        l.goals = vec![Goal::SwitchesOn];
        l.toolbox = vec!["move".into(), "toggle".into(), "switch_off".into(), "if".into()];
        l.solution = "move\ntoggle\nmove\nif switch off\n  toggle\nend\n".into();
        assert_eq!(tafukt_lesson::check::lesson_problems(&l, Scope::Own), []);
        l.solution = "move\ntoggle\nmove\ntoggle\n".into();
        assert!(
            !tafukt_lesson::check::lesson_problems(&l, Scope::Own).is_empty(),
            "a switch turned off again"
        );
        let g = grid(&mut l);
        tap(g, Tool::Switch, 2, 5, 0.5, 0.5);
        tap(g, Tool::Erase, 1, 5, 0.5, 0.5);
        assert_eq!(switches(g), []);
        assert_eq!(g.variants, None);
    }

    #[test]
    fn a_maybe_wall_is_the_same_edge_from_either_side_and_stands_in_some_worlds_only() {
        let mut l = blank_lesson("w");
        let g = grid(&mut l);
        tap(g, Tool::WallChoice, 2, 3, 0.95, 0.5);
        assert_eq!(wall_choices(g), [WallSpec { x: 2, y: 3, side: Dir::East }]);
        // The west edge of the next square is the same wall: taken away.
        tap(g, Tool::WallChoice, 3, 3, 0.05, 0.5);
        assert_eq!(g.variants, None, "no choice left, no variants");
        tap(g, Tool::WallChoice, 2, 3, 0.95, 0.5);
        tap(g, Tool::WallChoice, 4, 1, 0.5, 0.97);
        // The border is always closed: no maybe wall there.
        tap(g, Tool::WallChoice, 5, 1, 0.97, 0.5);
        assert_eq!(wall_choices(g).len(), 2);
        let stands: std::collections::BTreeSet<(bool, bool)> = SEEDS
            .iter()
            .map(|s| tafukt_world::grid::GridWorld::from_spec_seeded(g, *s))
            .map(|w| (w.wall(2, 3, Dir::East), w.wall(4, 1, Dir::South)))
            .collect();
        assert!(stands.len() > 1, "the worlds differ: {stands:?}");
        assert!(g.walls.is_empty(), "a maybe wall is not one of the world's own walls");
        resize(g, 3, 6);
        assert_eq!(g.variants, None, "the last maybe wall fell outside");
    }

    #[test]
    fn olives_maybe_count_anew_in_each_world_and_a_count_learnt_by_heart_fails() {
        let mut l = blank_lesson("o");
        let g = grid(&mut l);
        // Each tap allows one more olive; one tap past the most takes the choice away.
        for most in 1..=MAX_MAYBE_ITEMS {
            tap(g, Tool::ItemsMaybe, 2, 5, 0.5, 0.5);
            assert_eq!(item_choices(g), [(2, 5, 0, most)]);
        }
        tap(g, Tool::ItemsMaybe, 2, 5, 0.5, 0.5);
        assert_eq!(g.variants, None, "no choice left, no variants");
        for x in 1..=5 {
            tap(g, Tool::ItemsMaybe, x, 5, 0.5, 0.5);
            tap(g, Tool::ItemsMaybe, x, 5, 0.5, 0.5);
        }
        let counts = |g: &GridSpec| -> std::collections::BTreeSet<Vec<u32>> {
            SEEDS
                .iter()
                .map(|s| tafukt_world::grid::GridWorld::from_spec_seeded(g, *s))
                .map(|w| {
                    (1..=5)
                        .map(|x| w.items.get(&(x, 5)).and_then(|k| k.get("olive")).copied().unwrap_or(0))
                        .collect()
                })
                .collect()
        };
        assert!(counts(g).len() > 1, "the worlds differ: {:?}", counts(g));
        assert!(counts(g).iter().flatten().all(|n| *n <= 2));
        l.toolbox = ["move", "pick_up", "on_item", "repeat", "while"].map(String::from).to_vec();
        l.goals = vec![Goal::NoItemsLeft];
        set_text(&mut l.title, "en", "T");
        set_text(&mut l.instructions, "en", "I");
        l.solution = "repeat 5 times\n  move\n  while on item\n    pick up\n  end\nend\n".into();
        assert_eq!(tafukt_lesson::check::lesson_problems(&l, Scope::Own), []);
        // One olive a square, as one world had it: not every world.
        l.solution = "repeat 5 times\n  move\n  pick up\nend\n".into();
        assert!(!tafukt_lesson::check::lesson_problems(&l, Scope::Own).is_empty());
        // Erased and shrunk away.
        let g = grid(&mut l);
        tap(g, Tool::Erase, 1, 5, 0.5, 0.5);
        assert_eq!(item_choices(g).len(), 4);
        resize(g, 2, 6);
        assert_eq!(g.variants, None, "the last olives maybe fell outside");
    }

    #[test]
    fn a_maze_per_seed_fills_the_grid_and_follows_its_size() {
        let mut l = blank_lesson("m");
        let g = grid_mut(&mut l).unwrap();
        set_maze_varies(g, true);
        assert!(maze_varies(g));
        assert_eq!(g.variants.as_ref().unwrap().seeds, SEEDS);
        resize(g, 7, 4);
        let maze = g.variants.iter().flat_map(|v| &v.rules).find(|r| matches!(r, RandomRule::Maze { .. }));
        assert_eq!(maze, Some(&RandomRule::Maze { x: 0, y: 0, width: 7, height: 4 }));
        assert!(g.problems().is_empty(), "{:?}", g.problems());
        // Every seed a different maze, each with one flag.
        let worlds: Vec<_> = SEEDS.iter().map(|&s| tafukt_world::GridWorld::from_spec_seeded(g, s)).collect();
        assert!(worlds.iter().all(|w| w.flags.len() == 1));
        assert!(worlds.windows(2).all(|p| p[0] != p[1]));
        set_maze_varies(g, false);
        assert!(!maze_varies(g) && g.variants.is_none());
    }

    #[test]
    fn questions_are_added_written_per_language_and_keep_their_right_answer() {
        let mut quiz = Vec::new();
        edit_quiz(&mut quiz, "en", QuizEdit::Add);
        edit_quiz(&mut quiz, "en", QuizEdit::Question(0, "How many moves?".into()));
        edit_quiz(&mut quiz, "ar", QuizEdit::Question(0, "كم خطوة؟".into()));
        for (j, t) in ["One", "Two"].into_iter().enumerate() {
            edit_quiz(&mut quiz, "en", QuizEdit::Choice(0, j, t.into()));
        }
        edit_quiz(&mut quiz, "en", QuizEdit::AddChoice(0));
        edit_quiz(&mut quiz, "en", QuizEdit::Choice(0, 2, "Three".into()));
        edit_quiz(&mut quiz, "en", QuizEdit::Answer(0, 2));
        assert_eq!(quiz[0].question.0.len(), 2);
        // Taking away an answer before the right one keeps the right one right.
        edit_quiz(&mut quiz, "en", QuizEdit::RemoveChoice(0, 0));
        assert_eq!(quiz[0].choices[quiz[0].answer as usize].get(tafukt_lang::Lang::En), "Three");
        // Taking away the right one makes another right, never one out of range.
        edit_quiz(&mut quiz, "en", QuizEdit::AddChoice(0));
        edit_quiz(&mut quiz, "en", QuizEdit::RemoveChoice(0, 1));
        assert!((quiz[0].answer as usize) < quiz[0].choices.len());
        // Never fewer than two answers, never more than four, nor more questions than allowed.
        edit_quiz(&mut quiz, "en", QuizEdit::RemoveChoice(0, 0));
        edit_quiz(&mut quiz, "en", QuizEdit::RemoveChoice(0, 0));
        assert_eq!(quiz[0].choices.len(), 2);
        for _ in 0..9 {
            edit_quiz(&mut quiz, "en", QuizEdit::AddChoice(0));
            edit_quiz(&mut quiz, "en", QuizEdit::Add);
        }
        assert_eq!((quiz.len(), quiz[0].choices.len()), (MAX_QUESTIONS, MAX_CHOICES));
        edit_quiz(&mut quiz, "en", QuizEdit::Remove(9));
        edit_quiz(&mut quiz, "en", QuizEdit::Remove(1));
        assert_eq!(quiz.len(), MAX_QUESTIONS - 1);
    }

    #[test]
    fn marked_squares_make_the_paint_goal_and_a_painting_learnt_elsewhere_fails() {
        let mut l = blank_lesson("my-marks");
        l.goals = vec![];
        l.toolbox = toggle_toolbox(&l.toolbox, "paint");
        tap_lesson(&mut l, Tool::Mark, 1, 5, 0.5, 0.5);
        tap_lesson(&mut l, Tool::Mark, 2, 5, 0.5, 0.5);
        assert_eq!(l.goals, [Goal::PaintMarked]);
        assert_eq!(grid(&mut l).marks.len(), 2);
        l.solution = "move\npaint green\nmove\npaint green\n".into();
        l.starter = String::new();
        assert_eq!(tafukt_lesson::check::passes(&l, &l.solution.clone()), Ok(true));
        // One square too far: the wrong tiles, not only the wrong number.
        assert_eq!(
            tafukt_lesson::check::passes(&l, "move\nmove\npaint green\nmove\npaint green\n"),
            Ok(false)
        );
        // Marks go by a second tap or by erasing; with none, the goal goes too.
        tap_lesson(&mut l, Tool::Mark, 1, 5, 0.5, 0.5);
        tap_lesson(&mut l, Tool::Erase, 2, 5, 0.5, 0.5);
        assert!(grid(&mut l).marks.is_empty() && l.goals.is_empty());
    }

    #[test]
    fn items_wanted_on_a_square_count_up_with_each_tap_then_go() {
        let mut l = blank_lesson("my-carry");
        tap(grid(&mut l), Tool::Item("olive"), 1, 5, 0.5, 0.5);
        tap_lesson(&mut l, Tool::ItemsHere, 3, 5, 0.5, 0.5);
        tap_lesson(&mut l, Tool::ItemsHere, 4, 4, 0.5, 0.5);
        tap_lesson(&mut l, Tool::ItemsHere, 4, 4, 0.5, 0.5);
        assert_eq!(items_wanted(&l.goals), [(3, 5, 1), (4, 4, 2)]);
        for _ in 0..MAX_ITEMS - 1 {
            tap_lesson(&mut l, Tool::ItemsHere, 4, 4, 0.5, 0.5);
        }
        assert_eq!(items_wanted(&l.goals), [(3, 5, 1)]);
        // Carried there: the goal holds; left where it was, it does not.
        l.goals = vec![Goal::ItemsAt { x: 3, y: 5, kind: None, count: 1 }];
        l.toolbox = toggle_toolbox(&toggle_toolbox(&l.toolbox, "pick_up"), "put_down");
        assert_eq!(tafukt_lesson::check::passes(&l, "move\npick up\nmove\nmove\nput down\n"), Ok(true));
        assert_eq!(tafukt_lesson::check::passes(&l, "move\nmove\nmove\n"), Ok(false));
    }

    #[test]
    fn one_end_square_at_most_moved_by_a_tap_and_taken_away_by_a_tap_on_it() {
        let goals = toggle_end_square(&[Goal::AtFlag], 2, 3);
        assert_eq!(goals, [Goal::AtFlag, Goal::RobotAt { x: 2, y: 3 }]);
        assert_eq!(end_square(&goals), Some((2, 3)));
        let moved = toggle_end_square(&goals, 4, 1);
        assert_eq!(moved, [Goal::AtFlag, Goal::RobotAt { x: 4, y: 1 }]);
        assert_eq!(toggle_end_square(&moved, 4, 1), [Goal::AtFlag]);
        // A robot_at goal is one the checker runs like any other.
        let mut l = blank_lesson("my-t");
        l.goals = toggle_end_square(&[], 2, 5);
        set_text(&mut l.title, "en", "T");
        set_text(&mut l.instructions, "en", "I");
        l.solution = "move\nmove\n".into();
        assert_eq!(tafukt_lesson::check::lesson_problems(&l, Scope::Own), []);
        l.solution = "move\n".into();
        assert!(matches!(
            tafukt_lesson::check::lesson_problems(&l, Scope::Own)[..],
            [Problem::SolutionMissesGoal { .. }]
        ));
    }

    #[test]
    fn a_smaller_grid_drops_what_falls_outside_and_keeps_the_robot_in() {
        let mut l = blank_lesson("my-t");
        let g = grid(&mut l);
        tap(g, Tool::Flag, 5, 0, 0.5, 0.5);
        tap(g, Tool::Wall, 3, 0, 0.99, 0.5);
        tap(g, Tool::Wall, 1, 0, 0.99, 0.5);
        resize(g, 4, 3);
        assert!(g.flags.is_empty());
        assert_eq!(
            g.walls,
            vec![WallSpec { x: 1, y: 0, side: Dir::East }],
            "the east edge of x=3 is the border now"
        );
        assert_eq!((g.robot.x, g.robot.y), (0, 2));
        resize(g, 0, 99);
        assert_eq!((g.width, g.height), (MIN_SIDE, MAX_SIDE));
    }

    #[test]
    fn undo_and_redo_walk_through_real_changes_only() {
        let mut d = Draft::new(blank_lesson("my-t"));
        d.edit(|l| tap(grid(l), Tool::Flag, 2, 2, 0.5, 0.5));
        d.edit(|l| tap(grid(l), Tool::Flag, 9, 9, 0.5, 0.5)); // nothing changes: not kept
        d.edit(|l| l.toolbox = toggle_toolbox(&l.toolbox, "repeat"));
        d.undo();
        assert_eq!(d.lesson.toolbox, ["move", "turn_left", "turn_right"]);
        d.undo();
        assert!(grid(&mut d.lesson).flags.is_empty());
        assert!(!d.can_undo());
        d.redo();
        d.redo();
        assert!(!d.can_redo());
        assert_eq!(d.lesson.toolbox, ["move", "turn_left", "turn_right", "repeat"]);
    }

    #[test]
    fn toolbox_and_goals_keep_their_order_whatever_the_tapping_order() {
        let t = toggle_toolbox(&["repeat".to_string()], "move");
        assert_eq!(t, ["move", "repeat"]);
        assert_eq!(toggle_toolbox(&t, "repeat"), ["move"]);
        let g = toggle_goal(&[Goal::NotBumped, Goal::RobotAt { x: 1, y: 1 }], "at-flag");
        assert_eq!(g, [Goal::RobotAt { x: 1, y: 1 }, Goal::AtFlag, Goal::NotBumped]);
        assert_eq!(star_rule(" 4 "), Some(StarRule { max_blocks: 4 }));
        assert_eq!(star_rule("0"), None);
        assert_eq!(star_rule("four"), None);
    }

    #[test]
    fn concepts_are_read_between_commas_without_empty_or_repeated_ones_and_within_limits() {
        assert_eq!(
            concepts_from_text(" loops, ,conditions،الحلقات , loops,"),
            ["loops", "conditions", "الحلقات"]
        );
        assert!(concepts_from_text(" , ،").is_empty());
        let many = (0..50).map(|i| format!("c{i}")).collect::<Vec<_>>().join(",");
        assert_eq!(concepts_from_text(&many).len(), MAX_CONCEPTS);
        assert_eq!(concepts_from_text(&"ⵣ".repeat(100))[0].chars().count(), MAX_CONCEPT_CHARS);
    }

    #[test]
    fn ids_are_plain_names_and_never_taken() {
        let id = new_id(1_700_000_000_000, &[]);
        assert!(is_plain_id(&id) && id.starts_with("my-"), "{id}");
        let next = new_id(1_700_000_000_000, std::slice::from_ref(&id));
        assert_ne!(next, id);
    }

    /// The lesson a teacher makes in the studio: its file passes the checker unchanged, and a
    /// wrong solution is reported on the solution's field.
    #[test]
    fn a_studio_lesson_in_two_languages_passes_the_checker_and_a_wrong_solution_is_caught() {
        let mut l = blank_lesson("my-olive");
        {
            let g = grid(&mut l);
            tap(g, Tool::Wall, 1, 5, 0.99, 0.5);
            tap(g, Tool::Item("olive"), 0, 3, 0.5, 0.5);
            tap(g, Tool::Flag, 0, 0, 0.5, 0.5);
        }
        set_text(&mut l.title, "en", "The olive and the flag");
        set_text(&mut l.instructions, "en", "Pick up the olive on the way to the flag.");
        set_text(&mut l.title, "ar", "الزيتونة والعلم");
        set_text(&mut l.instructions, "ar", "التقط الزيتونة في طريقك إلى العلم.");
        l.toolbox = toggle_toolbox(&toggle_toolbox(&l.toolbox, "pick_up"), "repeat");
        l.goals = toggle_goal(&l.goals, "no-items-left");
        l.starter = "turn left\n".into();
        l.solution = "turn left\nrepeat 2 times\n  move\nend\npick up\nrepeat 3 times\n  move\nend\n".into();
        let file = to_file(&l);
        let checked = check_lesson_file("my-olive.json", &file, &tafukt_lesson::check::Keys, Scope::Own);
        assert!(checked.is_ok(), "{checked:?}");
        assert_eq!(from_file(file.as_bytes()), Ok(l.clone()));
        // A course lesson would need all four languages.
        assert!(
            check_lesson_file("my-olive.json", &file, &tafukt_lesson::check::Keys, Scope::Course).is_err()
        );

        l.solution = "turn left\nrepeat 5 times\n  move\nend\n".into();
        let problems = tafukt_lesson::check::lesson_problems(&l, Scope::Own);
        assert!(matches!(problems[..], [Problem::SolutionMissesGoal { .. }]), "{problems:?}");
        assert_eq!(problems[0].field(), tafukt_lesson::problem::Field::Solution);
    }

    #[test]
    fn a_course_pack_keeps_its_lessons_in_order_and_one_bad_lesson_refuses_it_whole() {
        let mut a = blank_lesson("my-a");
        set_text(&mut a.title, "fr", "Un");
        let b = blank_lesson("my-b");
        let file = pack_to_file(&[a.clone(), b.clone()]);
        assert_eq!(lessons_from_file(file.as_bytes()), Ok(vec![a.clone(), b.clone()]));
        // A single lesson file reads as one lesson.
        assert_eq!(lessons_from_file(to_file(&b).as_bytes()), Ok(vec![b.clone()]));
        let bad = file.replacen("\"my-b\"", "\"../b\"", 1);
        assert!(
            matches!(lessons_from_file(bad.as_bytes()), Err(ImportError::Unreadable(p)) if p.starts_with("lesson 2: "))
        );
        let other = file.replacen("\"version\": 1", "\"version\": 9", 1);
        assert!(
            matches!(lessons_from_file(other.as_bytes()), Err(ImportError::Unreadable(p)) if p.contains("version 9"))
        );
        let empty = format!("{{\"format\": \"{PACK_FORMAT}\", \"version\": 1, \"lessons\": []}}");
        assert!(lessons_from_file(empty.as_bytes()).is_err());
        assert_eq!(lessons_from_file(&vec![b' '; MAX_PACK_BYTES + 1]), Err(ImportError::TooBig(4096)));
    }

    #[test]
    fn a_file_that_is_not_a_lesson_is_refused_with_its_problem() {
        assert_eq!(from_file(&vec![b' '; MAX_LESSON_BYTES + 1]), Err(ImportError::TooBig(128)));
        assert!(
            matches!(from_file(b"{\"schema_version\": 1"), Err(ImportError::Unreadable(p)) if p.contains("line 1"))
        );
        assert!(matches!(from_file(&[0xff, 0xfe]), Err(ImportError::Unreadable(_))));
        let mut l = blank_lesson("../evil");
        l.solution = "move\n".into();
        assert!(
            matches!(from_file(to_file(&l).as_bytes()), Err(ImportError::Unreadable(p)) if p.contains("id"))
        );
    }

    /// Keys the studio makes from its lists (tools, goals, value families, checker problems)
    /// are in every catalogue.
    #[test]
    fn every_key_the_studio_builds_is_in_all_four_catalogues() {
        use crate::studio_arena::ArenaTool;
        let mut keys: Vec<String> = Vec::new();
        for t in Tool::ALL {
            keys.push(format!("studio.tool.{}", t.key()));
            keys.push(format!("studio.tool-help.{}", t.key()));
        }
        for t in ArenaTool::ALL {
            keys.push(format!("studio.tool.{}", t.key()));
            keys.push(format!("studio.tool-help.{}", t.key()));
        }
        for (k, _) in goal_choices().into_iter().chain(arena_goal_choices()) {
            keys.push(format!("studio.goal.{k}"));
        }
        for colour in crate::studio_arena::FLOOR_COLOURS {
            keys.push(format!("colour.{colour}"));
        }
        for family in ["note", "variables", "arithmetic", "compare", "logic", "lists"] {
            keys.push(format!("studio.block.{family}"));
        }
        let mut l = blank_lesson("my-t");
        l.reviewed = vec!["xx".into()];
        l.stars = Some(StarRule { max_blocks: 1 });
        l.solution = "move\nwhile\n".into();
        l.starter = "turn left\n".into();
        for p in tafukt_lesson::check::lesson_problems(&l, Scope::Own) {
            keys.push(p.message(&tafukt_lesson::check::Keys).0.to_string());
        }
        assert!(keys.len() > 25, "{keys:?}");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/i18n/messages");
        for lang in ["en", "fr", "ar", "zgh"] {
            let text = std::fs::read_to_string(format!("{dir}/{lang}.txt")).unwrap();
            for key in &keys {
                let found = text
                    .lines()
                    .any(|line| line.split(['=', '[']).next().is_some_and(|k| k.trim() == key.as_str()));
                assert!(found, "{lang}.txt has no {key}");
            }
        }
    }
}
