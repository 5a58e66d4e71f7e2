//! The continuous arena drawn as SVG: floor areas and lines, obstacles, the pen's trail and
//! the robot with its heading (centimetres are the drawing's units).

use tafukt_world::spec::Obstacle;
use tafukt_world::Arena;
use yew::prelude::*;

use tafukt_lang::value::format_rounded;

/// A coordinate for SVG: two decimals are finer than a pixel, and short.
fn n(x: f64) -> String {
    format_rounded(x, 2)
}

use super::grid_stage::paint_fill;
use super::i18n::I18n;
use super::pen_layer::{pen_layer, Scale};
use tafukt_world::drawing::Segment;

/// A plain function, like [`super::grid_stage::grid_stage`]; `over` is drawn over the world,
/// in its centimetres.
pub fn arena_stage(a: &Arena, guides: &[Segment], i18n: &I18n, over: Html) -> Html {
    let r = tafukt_world::arena::RADIUS;
    // The heading is a unit vector, so the robot turns with a matrix, not an angle; numbers
    // are written with the language's integer-based formatting (no float formatter).
    let (dx, dy) = a.robot.dir;
    // An attribute, not a `style` (the page's Content-Security-Policy refuses those).
    let robot_place =
        format!("matrix({} {} {} {} {} {})", n(dx), n(dy), n(-dy), n(dx), n(a.robot.x), n(a.robot.y));
    let (rx, ry) = (n(a.robot.x.round()), n(a.robot.y.round()));
    let label = format!("{} ({rx}, {ry})", i18n.t("ui.stage"));
    html! {
        <div class="stage arena" dir="ltr">
            <svg viewBox={format!("-1 -1 {} {}", n(a.width + 2.0), n(a.height + 2.0))} role="img" aria-label={label}
                data-testid="stage" data-robot={format!("{rx},{ry}")} data-bumped={a.bumped.to_string()}>
                <rect class="floor" x="0" y="0" width={n(a.width)} height={n(a.height)} />
                { for a.floor.iter().map(|f| html! {
                    <rect class="area" x={f.x.to_string()} y={f.y.to_string()} width={f.w.to_string()} height={f.h.to_string()}
                        fill={paint_fill(&f.colour)} />
                }) }
                { for a.lines.iter().map(|l| html! {
                    <path class="floor-line" d={l.svg_path()} fill="none" stroke={paint_fill(l.colour())}
                        stroke-width={l.width().to_string()} stroke-linecap="round" stroke-linejoin="round" />
                }) }
                { for a.obstacles.iter().map(|o| match *o {
                    Obstacle::Rect { x, y, w, h } => html! {
                        <rect class="obstacle" x={x.to_string()} y={y.to_string()} width={w.to_string()} height={h.to_string()} />
                    },
                    Obstacle::Circle { x, y, r } => html! {
                        <circle class="obstacle" cx={x.to_string()} cy={y.to_string()} r={r.to_string()} />
                    },
                }) }
                { pen_layer(&a.pen.strokes(), guides, Scale { scale: 1.0, offset: 0.0, width_unit: 1.0 }) }
                <rect class="border" x="0" y="0" width={n(a.width)} height={n(a.height)} />
                <g class="robot" transform={robot_place}>
                    <circle r={n(r)} class="body" />
                    <path d={format!("M{} 0 L{} {} L{} {} Z", n(r), n(r * 0.2), n(-r * 0.6), n(r * 0.2), n(r * 0.6))} class="nose" />
                </g>
                { over }
            </svg>
        </div>
    }
}
