//! The grid world drawn as SVG (crisp at any zoom, and each part is an element the tests can
//! find).

use tafukt_world::{Dir, GridWorld};
use yew::prelude::*;

use super::i18n::I18n;

const CELL: u32 = 40;

pub fn paint_fill(colour: &str) -> &'static str {
    match colour {
        "red" => "#d94b3d",
        "green" => "#4caf50",
        "blue" => "#3b7dd8",
        "yellow" => "#f2c230",
        "black" => "#333333",
        _ => "#ffffff",
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

/// A plain function, not a component: the stage is redrawn with every step of a run, and a
/// component would compare and copy the whole world as its props each time.
pub fn grid_stage(w: &GridWorld, i18n: &I18n) -> Html {
    let (width, height) = (w.width * CELL, w.height * CELL);
    let robot = &w.robot;
    let label = format!(
        "{} ({}, {})",
        i18n.f("ui.robot", &[("heading", i18n.t(heading_key(robot.heading)))]),
        robot.x,
        robot.y
    );
    let robot_style = format!(
        "transform: translate({}px, {}px) rotate({}deg)",
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
                    <rect class="paint" data-colour={c.clone()} x={(x * CELL).to_string()} y={(y * CELL).to_string()}
                        width={CELL.to_string()} height={CELL.to_string()} fill={paint_fill(c)} />
                }) }
                { for (1..w.width).map(|x| html! {
                    <line class="grid" x1={(x * CELL).to_string()} y1="0" x2={(x * CELL).to_string()} y2={height.to_string()} />
                }) }
                { for (1..w.height).map(|y| html! {
                    <line class="grid" x1="0" y1={(y * CELL).to_string()} x2={width.to_string()} y2={(y * CELL).to_string()} />
                }) }
                { for w.flags.iter().map(|(x, y)| {
                    let (px, py) = (x * CELL, y * CELL);
                    html! {
                        <g class="flag" transform={format!("translate({px} {py})")}>
                            <line x1="12" y1="8" x2="12" y2="34" />
                            <path d="M12 8 L32 14 L12 20 Z" />
                        </g>
                    }
                }) }
                { for w.items.iter().map(|((x, y), kinds)| {
                    let count: u32 = kinds.values().sum();
                    let kind = kinds.iter().next().map(|(k, _)| k.clone()).unwrap_or_default();
                    let (cx, cy) = (x * CELL + CELL / 2, y * CELL + CELL / 2);
                    html! {
                        <g class={classes!("item", kind.clone())} data-count={count.to_string()}>
                            <ellipse cx={cx.to_string()} cy={cy.to_string()} rx="9" ry="12" />
                            if count > 1 {
                                <text x={(cx + 10).to_string()} y={(cy + 14).to_string()}>{ count }</text>
                            }
                        </g>
                    }
                }) }
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
                <g class="robot" style={robot_style}>
                    <rect x="-14" y="-13" width="28" height="28" rx="7" class="body" />
                    <path d="M0 -19 L8 -8 L-8 -8 Z" class="nose" />
                    <circle cx="-6" cy="0" r="3" class="eye" />
                    <circle cx="6" cy="0" r="3" class="eye" />
                </g>
            </svg>
        </div>
    }
}
