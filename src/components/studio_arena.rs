//! The studio's arena editor (studio app): the tools, the colour of floor areas and lines, the
//! arena's size, and the floor drawn as pupils see it, on which a finger (or a mouse, or a pen)
//! drags out boxes, rocks, areas and the end place, and draws lines. A stroke is followed as
//! it is drawn; when the finger lifts, `studio_arena::stroke` decides what it does. By
//! keyboard, the arrows move a cross over the floor, Enter starts a shape and ends it, Space
//! adds a bend to a line, Escape lets go.

use tafukt_world::arena::Arena;
use tafukt_world::spec::{ArenaSpec, Obstacle};
use tafukt_world::World;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

use super::grid_stage::paint_fill;
use super::i18n::use_i18n;
use super::stage::stage;
use super::studio_controls::{size_stepper, tool_bar, zoom_buttons};
use crate::studio_arena::{
    rock, span, ArenaTool, ARENA_STEP, FLOOR_COLOURS, MAX_ARENA, MAX_STROKE, MIN_ARENA,
};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub arena: ArenaSpec,
    /// The place the robot must end in (a goal of the lesson), drawn over the floor.
    pub end: Option<(i32, i32, i32, i32)>,
    pub tool: ArenaTool,
    pub colour: &'static str,
    pub on_tool: Callback<ArenaTool>,
    pub on_colour: Callback<&'static str>,
    /// A finished stroke, in whole centimetres of the arena.
    pub on_stroke: Callback<Vec<(i32, i32)>>,
    pub on_resize: Callback<(i32, i32)>,
}

fn icon(tool: ArenaTool) -> &'static str {
    match tool {
        ArenaTool::Box => "■",
        ArenaTool::Rock => "●",
        ArenaTool::RockMaybe => "◌",
        ArenaTool::Floor => "▦",
        ArenaTool::FloorMaybe => "▨",
        ArenaTool::Line => "✎",
        ArenaTool::EndArea => "◎",
        ArenaTool::Robot => "➤",
        ArenaTool::Erase => "⌫",
        ArenaTool::Pan => "✋",
    }
}

/// Where a pointer is on the arena, in centimetres: the stage's SVG keeps its proportions
/// (`xMidYMid meet`) with a centimetre of border round the floor.
fn at_cm(stage: &Element, e: &PointerEvent, (width, height): (i32, i32)) -> Option<(i32, i32)> {
    let svg = stage.query_selector("svg").ok()??;
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (width as f64 + 2.0, height as f64 + 2.0);
    let scale = (rect.width() / w).min(rect.height() / h);
    if scale <= 0.0 {
        return None;
    }
    let left = rect.left() + (rect.width() - w * scale) / 2.0;
    let top = rect.top() + (rect.height() - h * scale) / 2.0;
    let x = (e.client_x() as f64 - left) / scale - 1.0;
    let y = (e.client_y() as f64 - top) / scale - 1.0;
    Some((x.round() as i32, y.round() as i32))
}

fn obstacle(o: Obstacle, class: &'static str, testid: &'static str) -> Html {
    match o {
        Obstacle::Rect { x, y, w, h } => html! {
            <rect class={class} data-testid={testid} x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} />
        },
        Obstacle::Circle { x, y, r } => html! {
            <circle class={class} data-testid={testid} cx={x.to_string()} cy={y.to_string()} r={r.to_string()} />
        },
    }
}

/// The shape a stroke in progress will make, drawn as it is drawn.
fn preview(tool: ArenaTool, colour: &str, points: &[(i32, i32)], size: (i32, i32)) -> Html {
    if points.is_empty() {
        return Html::default();
    }
    match tool {
        ArenaTool::Box | ArenaTool::Floor | ArenaTool::FloorMaybe | ArenaTool::EndArea => {
            let (x, y, w, h) = span(points, size);
            let fill = if tool.coloured() { paint_fill(colour) } else { "none" };
            html! {
                <rect class="studio-arena-preview" data-testid="studio-arena-preview" x={x.to_string()} y={y.to_string()}
                    width={w.to_string()} height={h.to_string()} fill={fill} />
            }
        }
        ArenaTool::Rock | ArenaTool::RockMaybe => {
            obstacle(rock(points), "studio-arena-preview", "studio-arena-preview")
        }
        ArenaTool::Line => {
            let path: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
            html! {
                <polyline class="studio-arena-preview line" data-testid="studio-arena-preview" points={path.join(" ")}
                    stroke={paint_fill(colour)} />
            }
        }
        ArenaTool::Robot | ArenaTool::Erase | ArenaTool::Pan => Html::default(),
    }
}

#[component]
pub fn StudioArena(props: &Props) -> Html {
    let i18n = use_i18n();
    let a = &props.arena;
    let size = (a.width, a.height);
    // The stroke being drawn (by pointer or keyboard) and the keyboard's cross are shared
    // cells, not states: events may come several to a frame, before the next render, and each
    // must see what the last one did.
    let drawing = use_mut_ref(Vec::<(i32, i32)>::new);
    let redraw = use_force_update();
    let cross = use_mut_ref(|| (a.robot.x, a.robot.y));
    let focused = use_state(|| false);
    let zoom = use_state(|| 0usize);

    // The fixed part of the floor; the rocks each world places are drawn dashed over it.
    let world = Arena::new(a);
    let over = html! {
        <g class="studio-arena-marks">
            { for a.floor_choices.iter().map(|f| html! {
                <rect class="studio-floor-maybe" data-testid="studio-floor-maybe" x={f.x.to_string()} y={f.y.to_string()}
                    width={f.w.to_string()} height={f.h.to_string()} fill={paint_fill(&f.colour)} />
            }) }
            { for a.obstacle_choices.iter().map(|o| obstacle(*o, "studio-rock-maybe", "studio-rock-maybe")) }
            if let Some((x, y, w, h)) = props.end {
                <rect class="studio-end-area" data-testid="studio-end-area" x={x.to_string()} y={y.to_string()}
                    width={w.to_string()} height={h.to_string()} />
            }
            { preview(props.tool, props.colour, &drawing.borrow(), size) }
            if *focused {
                <g class="studio-cross" data-testid="studio-cross" transform={format!("translate({} {})", cross.borrow().0, cross.borrow().1)}>
                    <line x1="-6" y1="0" x2="6" y2="0" />
                    <line x1="0" y1="-6" x2="0" y2="6" />
                </g>
            }
        </g>
    };

    // The stage itself, not the event's `current_target`: Yew listens at the app's root, so
    // that is the root, and capturing the pointer there would send the rest of the stroke
    // past this component.
    let stage_ref = use_node_ref();
    let onpointerdown = {
        let (drawing, redraw, stage_ref, tool) =
            (drawing.clone(), redraw.clone(), stage_ref.clone(), props.tool);
        Callback::from(move |e: PointerEvent| {
            // Moving the view: the browser scrolls the stage (its `touch-action` allows it).
            if tool == ArenaTool::Pan {
                return;
            }
            let Some(stage) = stage_ref.cast::<Element>() else { return };
            if let Some(p) = at_cm(&stage, &e, size) {
                // The stroke follows this pointer even off the stage, until it lifts.
                let _ = stage.set_pointer_capture(e.pointer_id());
                e.prevent_default();
                *drawing.borrow_mut() = vec![p];
                redraw.force_update();
            }
        })
    };
    let onpointermove = {
        let (drawing, redraw, stage_ref) = (drawing.clone(), redraw.clone(), stage_ref.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(stage) = stage_ref.cast::<Element>() else { return };
            let mut points = drawing.borrow_mut();
            if points.is_empty() {
                return;
            }
            if let Some(p) = at_cm(&stage, &e, size) {
                // A stroke past its most points keeps its end under the finger.
                if points.len() >= MAX_STROKE {
                    points.pop();
                }
                if points.last() != Some(&p) {
                    points.push(p);
                    redraw.force_update();
                }
            }
        })
    };
    let onpointerup = {
        let (drawing, redraw, on_stroke, stage_ref) =
            (drawing.clone(), redraw.clone(), props.on_stroke.clone(), stage_ref.clone());
        Callback::from(move |e: PointerEvent| {
            let mut points = std::mem::take(&mut *drawing.borrow_mut());
            if points.is_empty() {
                return;
            }
            if let Some(p) = stage_ref.cast::<Element>().and_then(|stage| at_cm(&stage, &e, size)) {
                if points.last() != Some(&p) {
                    points.push(p);
                }
            }
            redraw.force_update();
            on_stroke.emit(points);
        })
    };
    let onpointercancel = {
        let (drawing, redraw) = (drawing.clone(), redraw.clone());
        Callback::from(move |_: PointerEvent| {
            drawing.borrow_mut().clear();
            redraw.force_update();
        })
    };
    let onkeydown = {
        let (drawing, redraw, cross, on_stroke, tool) =
            (drawing.clone(), redraw.clone(), cross.clone(), props.on_stroke.clone(), props.tool);
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let mut points = drawing.borrow_mut();
            let mut at = cross.borrow_mut();
            let (x, y) = *at;
            let step = 10;
            let moved = match key.as_str() {
                "ArrowUp" => Some((x, y - step)),
                "ArrowDown" => Some((x, y + step)),
                "ArrowLeft" => Some((x - step, y)),
                "ArrowRight" => Some((x + step, y)),
                _ => None,
            };
            let taps = matches!(tool, ArenaTool::Robot | ArenaTool::Erase);
            let done = match (key.as_str(), moved) {
                (_, Some((nx, ny))) => {
                    *at = (nx.clamp(0, size.0), ny.clamp(0, size.1));
                    None
                }
                ("Enter" | " ", _) if taps => Some(vec![(x, y)]),
                ("Enter", _) if !points.is_empty() => {
                    points.push((x, y));
                    Some(std::mem::take(&mut *points))
                }
                ("Enter" | " ", _) => {
                    points.push((x, y));
                    None
                }
                ("Escape", _) => {
                    points.clear();
                    None
                }
                _ => return,
            };
            // The cells are let go before the stroke is sent: the edit redraws the stage.
            drop((points, at));
            if let Some(stroke) = done {
                on_stroke.emit(stroke);
            }
            e.prevent_default();
            redraw.force_update();
        })
    };
    let focus = |on: bool| {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(on))
    };
    let on_tool = {
        let on_tool = props.on_tool.clone();
        Callback::from(move |key: String| {
            if let Some(tool) = ArenaTool::ALL.into_iter().find(|t| t.key() == key) {
                on_tool.emit(tool);
            }
        })
    };
    let side = |which: &'static str, value: i32| {
        let on_resize = props.on_resize.clone();
        let on_step = Callback::from(move |by: i32| {
            let delta = by * ARENA_STEP;
            on_resize.emit(if which == "width" {
                (size.0 + delta, size.1)
            } else {
                (size.0, size.1 + delta)
            });
        });
        size_stepper(&i18n, &format!("arena-{which}"), value, (MIN_ARENA, MAX_ARENA), on_step)
    };
    let tools: Vec<(&'static str, &'static str)> =
        ArenaTool::ALL.iter().map(|t| (t.key(), icon(*t))).collect();
    html! {
        <div class="studio-world studio-arena">
            { tool_bar(&i18n, &tools, props.tool.key(), on_tool) }
            if props.tool.coloured() {
                <div class="studio-colours" role="radiogroup" aria-label={i18n.t("studio.colour")}>
                    { for FLOOR_COLOURS.into_iter().map(|c| {
                        let on_colour = props.on_colour.clone();
                        html! {
                            <button role="radio" aria-checked={(c == props.colour).to_string()} data-testid={format!("studio-colour-{c}")}
                                onclick={Callback::from(move |_: MouseEvent| on_colour.emit(c))}>
                                <svg class="studio-swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill={paint_fill(c)} /></svg>
                                { i18n.t(&format!("colour.{c}")) }
                            </button>
                        }
                    }) }
                </div>
            }
            <div class="studio-sizes">
                { side("width", a.width) }
                { side("height", a.height) }
            </div>
            <p class="studio-tool-help">{ i18n.t("studio.arena-keys-help") }</p>
            { zoom_buttons(&zoom, &i18n) }
            <div ref={stage_ref} class="studio-stage studio-arena-stage" data-testid="studio-world" data-tool={props.tool.key()} data-zoom={zoom.to_string()} tabindex="0"
                role="application" aria-label={i18n.t(&format!("studio.tool-help.{}", props.tool.key()))}
                data-drawing={(!drawing.borrow().is_empty()).to_string()}
                {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onkeydown}
                onfocus={focus(true)} onblur={focus(false)}>
                { stage(&World::Arena(world), &[], &i18n, over) }
            </div>
        </div>
    }
}
