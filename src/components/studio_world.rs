//! The studio's world editor (studio app): the tools, the grid's size, and the world drawn as
//! pupils see it, with a tap target over each cell. A tap says which cell and where in it
//! (the nearest edge is the wall's); `studio::tap` decides what it does.

use tafukt_world::spec::GridSpec;
use tafukt_world::{World, WorldSpec};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::i18n::use_i18n;
use super::stage::stage;
use crate::studio::{Tool, MAX_SIDE, MIN_SIDE};

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
}

/// The side of a cell in the stage's drawing (`grid_stage`'s).
const CELL: u32 = 40;

fn icon(tool: Tool) -> &'static str {
    match tool {
        Tool::Wall => "▮",
        Tool::Item("stone") => "⬟",
        Tool::Item(_) => "⬮",
        Tool::Flag => "⚑",
        Tool::Paint => "▦",
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

#[component]
pub fn StudioWorld(props: &Props) -> Html {
    let i18n = use_i18n();
    let g = &props.grid;
    let world = World::from_spec(&WorldSpec::Grid(g.clone()), 0);
    let targets = html! {
        <g class="studio-cells">
            { for (0..g.height).flat_map(|y| (0..g.width).map(move |x| (x, y))).map(|(x, y)| html! {
                <rect class="studio-cell" data-cell={format!("{x},{y}")} data-testid="studio-cell"
                    x={(x * CELL).to_string()} y={(y * CELL).to_string()}
                    width={CELL.to_string()} height={CELL.to_string()} />
            }) }
        </g>
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
        Callback::from(move |e: MouseEvent| {
            let key = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-tool]").ok().flatten())
                .and_then(|b| b.get_attribute("data-tool"));
            if let Some(tool) = Tool::ALL.into_iter().find(|t| Some(t.key()) == key.as_deref()) {
                on_tool.emit(tool);
            }
        })
    };
    let size = |which: &'static str, value: u32| {
        let (width, height) = (g.width, g.height);
        let resize = |delta: i32| {
            let on_resize = props.on_resize.clone();
            Callback::from(move |_: MouseEvent| {
                let change = |v: u32| v.saturating_add_signed(delta);
                on_resize.emit(if which == "width" {
                    (change(width), height)
                } else {
                    (width, change(height))
                });
            })
        };
        html! {
            <div class="studio-size" role="group" aria-label={i18n.t(&format!("studio.{which}"))}>
                <span class="studio-size-name">{ i18n.t(&format!("studio.{which}")) }</span>
                <button data-testid={format!("studio-{which}-minus")} onclick={resize(-1)} disabled={value <= MIN_SIDE}
                    aria-label={i18n.t(&format!("studio.{which}-less"))}>{ "−" }</button>
                <output data-testid={format!("studio-{which}")}>{ value }</output>
                <button data-testid={format!("studio-{which}-plus")} onclick={resize(1)} disabled={value >= MAX_SIDE}
                    aria-label={i18n.t(&format!("studio.{which}-more"))}>{ "+" }</button>
            </div>
        }
    };
    html! {
        <div class="studio-world">
            <div class="studio-tools" role="radiogroup" aria-label={i18n.t("studio.tools")} onclick={on_tool}>
                { for Tool::ALL.into_iter().map(|t| html! {
                    <button role="radio" aria-checked={(t == props.tool).to_string()} data-tool={t.key()}
                        data-testid={format!("studio-tool-{}", t.key())}>
                        <span class="studio-tool-icon" aria-hidden="true">{ icon(t) }</span>
                        { i18n.t(&format!("studio.tool.{}", t.key())) }
                    </button>
                }) }
            </div>
            <p class="studio-tool-help" data-testid="studio-tool-help">{ i18n.t(&format!("studio.tool-help.{}", props.tool.key())) }</p>
            <div class="studio-sizes">
                { size("width", g.width) }
                { size("height", g.height) }
            </div>
            <div class="studio-stage" data-testid="studio-world" data-tool={props.tool.key()} {onclick}>
                { stage(&world, &[], &i18n, targets) }
            </div>
        </div>
    }
}
