//! The studio's world editor (studio app): the tools, the grid's size, and the world drawn as
//! pupils see it, with a tap target over each cell. A tap says which cell and where in it
//! (the nearest edge is the wall's); `studio::tap` decides what it does. By keyboard, the
//! arrows move between squares (one square is in the tab order at a time), Enter or Space
//! applies the tool to the square, and Shift with an arrow puts or takes away the wall on
//! that side.

use tafukt_world::grid::Dir;
use tafukt_world::spec::GridSpec;
use tafukt_world::{World, WorldSpec};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::i18n::use_i18n;
use super::stage::stage;
use super::studio_controls::{size_stepper, tool_bar, zoom_buttons};
use crate::studio::{
    choices, fixed_part, item_choices, portals, switches, wall_choices, Tool, MAX_SIDE, MIN_SIDE,
};

/// A tap on cell `(x, y)` at `(fx, fy)` within it (each from 0 to 1).
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Tap {
    pub x: u32,
    pub y: u32,
    pub fx: f64,
    pub fy: f64,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub grid: GridSpec,
    pub tool: Tool,
    pub on_tool: Callback<Tool>,
    pub on_tap: Callback<Tap>,
    pub on_resize: Callback<(u32, u32)>,
    /// The square the robot must end on (a goal of the lesson), drawn over the world.
    pub end: Option<(u32, u32)>,
    /// Squares where items must lie at the end (goals of the lesson), with how many.
    pub items: Vec<(u32, u32, u32)>,
}

/// The side of a cell in the stage's drawing (`grid_stage`'s).
pub const CELL: u32 = 40;

fn icon(tool: Tool) -> &'static str {
    match tool {
        Tool::Wall => "▮",
        Tool::WallChoice => "┆",
        Tool::Item("stone") => "⬟",
        Tool::Item(_) => "⬮",
        Tool::Flag => "⚑",
        Tool::FlagChoice => "⚐",
        Tool::StartChoice => "⬚",
        Tool::EndHere => "◎",
        Tool::ItemsMaybe => "◌",
        Tool::Portal => "◉",
        Tool::Switch => "⏻",
        Tool::Paint => "▦",
        Tool::Mark => "◪",
        Tool::ItemsHere => "⊡",
        Tool::Robot => "➤",
        Tool::Erase => "⌫",
    }
}

/// The cell and the place in it of a tap on a cell's target.
fn tap_at(e: &MouseEvent) -> Option<Tap> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let cell = target.closest("[data-cell]").ok()??;
    let (x, y) =
        cell.get_attribute("data-cell")?.split_once(',').map(|(x, y)| (x.parse().ok(), y.parse().ok()))?;
    let rect = cell.get_bounding_client_rect();
    let fraction = |at: i32, start: f64, size: f64| if size > 0.0 { (at as f64 - start) / size } else { 0.5 };
    Some(Tap {
        x: x?,
        y: y?,
        fx: fraction(e.client_x(), rect.left(), rect.width()).clamp(0.0, 1.0),
        fy: fraction(e.client_y(), rect.top(), rect.height()).clamp(0.0, 1.0),
    })
}

/// Moves keyboard focus to the square `(x, y)` of the stage (an SVG element, which web-sys
/// gives no `focus` for without a feature of its own).
fn focus_cell(stage: &Element, x: u32, y: u32) {
    if let Ok(Some(cell)) = stage.query_selector(&format!("[data-cell=\"{x},{y}\"]")) {
        if let Ok(focus) = js_sys::Reflect::get(&cell, &"focus".into()) {
            let _ = focus.dyn_into::<js_sys::Function>().map(|f| f.call0(&cell));
        }
    }
}

#[component]
pub fn StudioWorld(props: &Props) -> Html {
    let i18n = use_i18n();
    let g = &props.grid;
    // The fixed part of the world, with the places a seed may choose drawn over it.
    let mut world = World::from_spec(&WorldSpec::Grid(fixed_part(g)), 0);
    // Portals are fixed in the studio (one square each end): drawn as pupils see them.
    // Portals and switches are drawn as pupils see them (a switch each world decides is
    // drawn off, and ringed).
    let (portal_pairs, portal_waiting) = portals(g);
    let switch_list = switches(g);
    if let World::Grid(w) = &mut world {
        let puzzle = std::rc::Rc::make_mut(&mut w.puzzle);
        puzzle.portals = portal_pairs;
        puzzle.switches = switch_list.iter().map(|(x, y, _)| ((*x, *y), false)).collect();
    }
    let (flag_choices, start_choices) = choices(g);
    // The square in the tab order (roving focus).
    let focused = use_state(|| (0u32, 0u32));
    let zoom = use_state(|| 0usize);
    let (fx, fy) = (focused.0.min(g.width - 1), focused.1.min(g.height - 1));
    let targets = html! {
        <g class="studio-cells">
            if let Some((x, y)) = props.end {
                <rect class="studio-end" data-testid="studio-end" x={(x * CELL + 3).to_string()} y={(y * CELL + 3).to_string()}
                    width={(CELL - 6).to_string()} height={(CELL - 6).to_string()} rx="6" />
            }
            { for props.items.iter().map(|(x, y, count)| html! {
                // Items wanted here at the end: a dashed square with how many.
                <g class="studio-items-here" data-testid="studio-items-here" data-count={count.to_string()}
                    transform={format!("translate({} {})", x * CELL, y * CELL)}>
                    <rect x="2" y="2" width={(CELL - 4).to_string()} height={(CELL - 4).to_string()} rx="4" />
                    <text x="29" y="15">{ format!("×{count}") }</text>
                </g>
            }) }
            { for wall_choices(g).iter().map(|w| {
                // The wall's edge: the east or the south side of its cell.
                let east = w.side == Dir::East;
                let (x1, y1) = (if east { w.x + 1 } else { w.x } * CELL, if east { w.y } else { w.y + 1 } * CELL);
                let (x2, y2) = if east { (x1, y1 + CELL) } else { (x1 + CELL, y1) };
                html! {
                    <line class="studio-wall-choice" data-testid="studio-wall-choice" x1={x1.to_string()} y1={y1.to_string()}
                        x2={x2.to_string()} y2={y2.to_string()} />
                }
            }) }
            { for item_choices(g).into_iter().map(|(x, y, fewest, most)| html! {
                // An olive drawn dashed, with how many each world may hold.
                <g class="studio-items-maybe" data-testid="studio-items-maybe" data-count={format!("{fewest}-{most}")}
                    transform={format!("translate({} {})", x * CELL, y * CELL)}>
                    <ellipse cx="20" cy="17" rx="8" ry="10" />
                    <text x="20" y="37">{ format!("{fewest}–{most}") }</text>
                </g>
            }) }
            { for switch_list.iter().filter(|(_, _, maybe)| *maybe).map(|(x, y, _)| html! {
                // A switch each world turns on or off: ringed, dashed.
                <rect class="studio-switch-maybe" data-testid="studio-switch-maybe" x={(x * CELL + 4).to_string()} y={(y * CELL + 9).to_string()}
                    width={(CELL - 8).to_string()} height="26" rx="13" />
            }) }
            if let Some((x, y)) = portal_waiting {
                // The first end of a pair, waiting for the tap that puts the other.
                <circle class="studio-portal-waiting" data-testid="studio-portal-waiting" r="15"
                    cx={(x * CELL + CELL / 2).to_string()} cy={(y * CELL + CELL / 2).to_string()} />
            }
            { for start_choices.iter().map(|c| html! {
                <rect class="studio-start-choice" data-testid="studio-start-choice" x={(c.x * CELL + 6).to_string()} y={(c.y * CELL + 6).to_string()}
                    width={(CELL - 12).to_string()} height={(CELL - 12).to_string()} rx="7" />
            }) }
            { for flag_choices.iter().map(|c| html! {
                <g class="studio-choice" data-testid="studio-flag-choice" transform={format!("translate({} {})", c.x * CELL, c.y * CELL)}>
                    <line x1="12" y1="8" x2="12" y2="34" />
                    <path d="M12 8 L32 14 L12 20 Z" />
                </g>
            }) }
            { for (0..g.height).flat_map(|y| (0..g.width).map(move |x| (x, y))).map(|(x, y)| html! {
                <rect class="studio-cell" data-cell={format!("{x},{y}")} data-testid="studio-cell"
                    tabindex={if (x, y) == (fx, fy) { "0" } else { "-1" }} role="button"
                    aria-label={i18n.f("studio.cell", &[("column", (x + 1).to_string()), ("row", (y + 1).to_string())])}
                    x={(x * CELL).to_string()} y={(y * CELL).to_string()}
                    width={CELL.to_string()} height={CELL.to_string()} />
            }) }
        </g>
    };
    let onkeydown = {
        let (on_tap, focused, (width, height)) = (props.on_tap.clone(), focused.clone(), (g.width, g.height));
        Callback::from(move |e: KeyboardEvent| {
            let (x, y) = (fx, fy);
            // Where a wall goes, or which square is next, for an arrow.
            let side = match e.key().as_str() {
                "ArrowUp" => Some((0.5, 0.0, x, y.saturating_sub(1))),
                "ArrowDown" => Some((0.5, 1.0, x, (y + 1).min(height - 1))),
                "ArrowLeft" => Some((0.0, 0.5, x.saturating_sub(1), y)),
                "ArrowRight" => Some((1.0, 0.5, (x + 1).min(width - 1), y)),
                _ => None,
            };
            match (e.key().as_str(), side) {
                ("Enter" | " ", _) => on_tap.emit(Tap { x, y, fx: 0.5, fy: 0.5 }),
                (_, Some((wx, wy, _, _))) if e.shift_key() => on_tap.emit(Tap { x, y, fx: wx, fy: wy }),
                (_, Some((_, _, nx, ny))) => {
                    focused.set((nx, ny));
                    if let Some(stage) = e.current_target().and_then(|t| t.dyn_into::<Element>().ok()) {
                        focus_cell(&stage, nx, ny);
                    }
                }
                _ => return,
            }
            e.prevent_default();
        })
    };
    let onfocusin = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| {
            let cell = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.get_attribute("data-cell"));
            if let Some((x, y)) = cell.as_deref().and_then(|c| c.split_once(',')) {
                if let (Ok(x), Ok(y)) = (x.parse(), y.parse()) {
                    focused.set((x, y));
                }
            }
        })
    };
    let onclick = {
        let on_tap = props.on_tap.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(tap) = tap_at(&e) {
                on_tap.emit(tap);
            }
        })
    };
    let on_tool = {
        let on_tool = props.on_tool.clone();
        Callback::from(move |key: String| {
            if let Some(tool) = Tool::ALL.into_iter().find(|t| t.key() == key) {
                on_tool.emit(tool);
            }
        })
    };
    let size = |which: &'static str, value: u32| {
        let (width, height, on_resize) = (g.width, g.height, props.on_resize.clone());
        let on_step = Callback::from(move |by: i32| {
            let change = |v: u32| v.saturating_add_signed(by);
            on_resize.emit(if which == "width" { (change(width), height) } else { (width, change(height)) });
        });
        size_stepper(&i18n, which, value as i32, (MIN_SIDE as i32, MAX_SIDE as i32), on_step)
    };
    let tools: Vec<(&'static str, &'static str)> = Tool::ALL.iter().map(|t| (t.key(), icon(*t))).collect();
    html! {
        <div class="studio-world">
            { tool_bar(&i18n, &tools, props.tool.key(), on_tool) }
            <div class="studio-sizes">
                { size("width", g.width) }
                { size("height", g.height) }
            </div>
            <p class="studio-tool-help">{ i18n.t("studio.keys-help") }</p>
            { zoom_buttons(&zoom, &i18n) }
            <div class="studio-stage" data-testid="studio-world" data-tool={props.tool.key()} data-zoom={zoom.to_string()}
                {onclick} {onkeydown} {onfocusin}>
                { stage(&world, &[], &i18n, targets) }
            </div>
        </div>
    }
}
