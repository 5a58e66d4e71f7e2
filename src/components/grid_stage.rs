//! The grid world drawn as SVG (crisp at any zoom, and each part is an element the tests can
//! find).

use std::rc::Rc;

use tafukt_world::grid::Items;
#[cfg(feature = "full")]
use tafukt_world::grid::Marks;
use tafukt_world::{Dir, GridWorld};
use yew::prelude::*;

use super::i18n::I18n;
#[cfg(feature = "full")]
use super::pen_layer::{pen_layer, Scale};
use tafukt_world::drawing::Segment;

const CELL: u32 = 40;
/// Pen strokes join cell centres; a width of 10 is half a cell.
#[cfg(feature = "full")]
const PEN_SCALE: Scale =
    Scale { scale: CELL as f64, offset: (CELL / 2) as f64, width_unit: (CELL / 20) as f64 };

/// The pen's strokes and a drawing goal's dotted guide. Only the full app plays lessons with
/// the pen (`parts`), so the core app draws none.
#[cfg(feature = "full")]
fn pen(w: &GridWorld, guides: &[Segment]) -> Html {
    pen_layer(&w.pen.strokes(), guides, PEN_SCALE)
}

#[cfg(not(feature = "full"))]
fn pen(_: &GridWorld, _: &[Segment]) -> Html {
    Html::default()
}

pub use tafukt_world::grid::colour_hex as paint_fill;

/// A small mark in a painted tile's corner, one shape per colour, so pupils who do not see
/// colours well can still tell tiles apart.
fn colour_mark(colour: &str) -> &'static str {
    match colour {
        "red" => "M8 4 A4 4 0 1 1 8 12 A4 4 0 1 1 8 4 Z",
        "green" => "M8 3 L13 12 L3 12 Z",
        "blue" => "M4 4 H12 V12 H4 Z",
        "yellow" => "M8 3 L13 8 L8 13 L3 8 Z",
        "black" => "M4 4 L12 12 M12 4 L4 12",
        _ => "",
    }
}

/// Tiles to paint: one dashed path frames them all, and each shows its colour's shape, bigger
/// than a painted tile's corner mark, so the colour is never the only sign. (Few elements:
/// every element drawn costs the core app's wasm.) Only the full app plays lessons with marks.
#[cfg(feature = "full")]
fn targets(marks: &Marks) -> Html {
    let mut frames = String::new();
    for ((x, y), _) in marks.iter() {
        frames.push_str(&format!("M{} {}h32v32h-32z", x * CELL + 4, y * CELL + 4));
    }
    html! {
        <g class="targets" fill="none" stroke="#1d2330" stroke-width="2">
            <path d={frames} stroke-dasharray="5 3" />
            { for marks.iter().map(|((x, y), c)| html! {
                <path data-colour={c.clone()} d={colour_mark(c)} fill={paint_fill(c)} stroke-width="1.2"
                    transform={format!("translate({} {}) scale(1.5)", x * CELL + 8, y * CELL + 8)} />
            }) }
        </g>
    }
}

#[cfg(feature = "full")]
fn targets_of(w: &GridWorld) -> Html {
    targets(&w.marks)
}

#[cfg(not(feature = "full"))]
fn targets_of(_: &GridWorld) -> Html {
    Html::default()
}

/// Pairs of portals: both ends of a pair have its colour and its number (so the colour is
/// never the only sign), a ring around a dark middle. Only the full app plays portal lessons.
#[cfg(feature = "full")]
fn portals_of(w: &GridWorld) -> Html {
    html! {
        <g class="portals">
            { for w.puzzle.portals.iter().enumerate().flat_map(|(i, ends)| ends.map(|(x, y)| html! {
                <g class={format!("portal pair-{}", i % 3)} data-pair={(i + 1).to_string()}
                    transform={format!("translate({} {})", x * CELL + CELL / 2, y * CELL + CELL / 2)}>
                    <circle r="15" class="ring" />
                    <circle r="8" class="middle" />
                    <text y="5" text-anchor="middle">{ i + 1 }</text>
                </g>
            })) }
        </g>
    }
}

#[cfg(not(feature = "full"))]
fn portals_of(_: &GridWorld) -> Html {
    Html::default()
}

/// Switches: a track with a knob, at the start (left) when off, at the end when on, and the
/// "on" one yellow with rays of light and its square lit (seen around the robot standing on
/// it), so colour is never the only sign. Full app only.
#[cfg(feature = "full")]
fn switches_of(w: &GridWorld) -> Html {
    html! {
        <g class="switches">
            { for w.puzzle.switches.iter().map(|((x, y), on)| html! {
                <g class={if *on { "switch on" } else { "switch off" }} data-on={on.to_string()}
                    transform={format!("translate({} {})", x * CELL, y * CELL)}>
                    if *on {
                        // The lamp lights its square: seen around the robot standing on it.
                        <rect class="glow" width={CELL.to_string()} height={CELL.to_string()} />
                        <path class="rays" d="M20 3v5M9 7l3 3M31 7l-3 3" />
                    }
                    <rect class="track" x="8" y="14" width="24" height="16" rx="8" />
                    <circle class="knob" cx={if *on { "24" } else { "16" }} cy="22" r="5.5" />
                </g>
            }) }
        </g>
    }
}

#[cfg(not(feature = "full"))]
fn switches_of(_: &GridWorld) -> Html {
    Html::default()
}

/// The robot's class: `jump` right after a portal took it across, so the stage shows a jump,
/// not a slide over the world.
#[cfg(feature = "full")]
fn robot_class(w: &GridWorld) -> &'static str {
    if w.puzzle.jumped_at.is_some_and(|n| n == w.actions) {
        "robot jump"
    } else {
        "robot"
    }
}

#[cfg(not(feature = "full"))]
fn robot_class(_: &GridWorld) -> &'static str {
    "robot"
}

/// Each kind of item has its own outline as well as its own colour.
fn item_shape(kind: &str) -> &'static str {
    match kind {
        "olive" => "M0 -12 A9 12 0 1 1 0 12 A9 12 0 1 1 0 -12 Z",
        "date" => {
            "M-5 -13 H5 A5 5 0 0 1 10 -8 V8 A5 5 0 0 1 5 13 H-5 A5 5 0 0 1 -10 8 V-8 A5 5 0 0 1 -5 -13 Z"
        }
        "stone" => "M-11 4 L-6 -9 L6 -11 L12 0 L7 10 L-6 11 Z",
        _ => "M0 -10 L10 0 L0 10 L-10 0 Z",
    }
}

fn heading_key(d: Dir) -> &'static str {
    match d {
        Dir::North => "ui.heading.north",
        Dir::East => "ui.heading.east",
        Dir::South => "ui.heading.south",
        Dir::West => "ui.heading.west",
    }
}

#[derive(Properties)]
struct ItemsProps {
    items: Rc<Items>,
}

/// Items change only when picked up or put down, and the world shares them until then: the
/// same pointer means nothing to redraw (a big grid's items would otherwise be re-diffed on
/// every frame of a run).
impl PartialEq for ItemsProps {
    fn eq(&self, other: &ItemsProps) -> bool {
        Rc::ptr_eq(&self.items, &other.items)
    }
}

#[component]
fn ItemsLayer(props: &ItemsProps) -> Html {
    html! {
        <g class="items">
            { for props.items.iter().map(|((x, y), kinds)| {
                let count: u32 = kinds.values().sum();
                let kind = kinds.iter().next().map(|(k, _)| k.clone()).unwrap_or_default();
                let (cx, cy) = (x * CELL + CELL / 2, y * CELL + CELL / 2);
                html! {
                    <g class={format!("item {kind}")} data-count={count.to_string()}>
                        <path transform={format!("translate({cx} {cy})")} d={item_shape(&kind)} />
                        if count > 1 {
                            <text x={(cx + 10).to_string()} y={(cy + 14).to_string()}>{ count }</text>
                        }
                    </g>
                }
            }) }
        </g>
    }
}

/// A plain function, not a component: the stage is redrawn with every step of a run, and a
/// component would compare and copy the whole world as its props each time. `over` is drawn
/// last, over the robot, in the grid's units (a square is 40).
pub fn grid_stage(w: &GridWorld, guides: &[Segment], i18n: &I18n, over: Html) -> Html {
    let (width, height) = (w.width * CELL, w.height * CELL);
    let robot = &w.robot;
    let label = format!(
        "{} ({}, {})",
        i18n.f("ui.robot", &[("heading", i18n.t(heading_key(robot.heading)))]),
        robot.x,
        robot.y
    );
    // The `transform` attribute, not a `style` (the page's Content-Security-Policy refuses
    // those); it is a presentation attribute, so the stylesheet's transition still animates it.
    let robot_place = format!(
        "translate({} {}) rotate({})",
        robot.x * CELL + CELL / 2,
        robot.y * CELL + CELL / 2,
        robot.heading.degrees()
    );
    html! {
        <div class="stage" dir="ltr">
            <svg
                viewBox={format!("-2 -2 {} {}", width + 4, height + 4)}
                role="img"
                aria-label={label}
                data-testid="stage"
                data-robot={format!("{},{},{}", robot.x, robot.y, robot.heading.name())}
            >
                <rect class="floor" x="0" y="0" width={width.to_string()} height={height.to_string()} />
                { for w.paint.iter().map(|((x, y), c)| html! {
                    <g class="paint" data-colour={c.clone()} transform={format!("translate({} {})", x * CELL, y * CELL)}>
                        <rect width={CELL.to_string()} height={CELL.to_string()} fill={paint_fill(c)} />
                        <path class="mark" d={colour_mark(c)} />
                    </g>
                }) }
                { targets_of(w) }
                { for (1..w.width).map(|x| html! {
                    <line class="grid" x1={(x * CELL).to_string()} y1="0" x2={(x * CELL).to_string()} y2={height.to_string()} />
                }) }
                { for (1..w.height).map(|y| html! {
                    <line class="grid" x1="0" y1={(y * CELL).to_string()} x2={width.to_string()} y2={(y * CELL).to_string()} />
                }) }
                { portals_of(w) }
                { switches_of(w) }
                { for w.flags.iter().map(|(x, y)| {
                    let (px, py) = (x * CELL, y * CELL);
                    html! {
                        <g class="flag" transform={format!("translate({px} {py})")}>
                            <line x1="12" y1="8" x2="12" y2="34" />
                            <path d="M12 8 L32 14 L12 20 Z" />
                        </g>
                    }
                }) }
                <ItemsLayer items={w.items.clone()} />
                <rect class="border" x="0" y="0" width={width.to_string()} height={height.to_string()} />
                { for w.inner_walls().map(|(x, y, side)| {
                    let (x, y) = (x * CELL, y * CELL);
                    let (x1, y1, x2, y2) = if *side == Dir::East {
                        (x + CELL, y, x + CELL, y + CELL)
                    } else {
                        (x, y + CELL, x + CELL, y + CELL)
                    };
                    html! { <line class="wall" x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} /> }
                }) }
                { pen(w, guides) }
                <g class={robot_class(w)} transform={robot_place}>
                    <rect x="-14" y="-13" width="28" height="28" rx="7" class="body" />
                    <path d="M0 -19 L8 -8 L-8 -8 Z" class="nose" />
                    <circle cx="-6" cy="0" r="3" class="eye" />
                    <circle cx="6" cy="0" r="3" class="eye" />
                </g>
                { over }
            </svg>
        </div>
    }
}
