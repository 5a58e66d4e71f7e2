//! A small picture of a world at its start, as SVG text, for lesson lists (the command line
//! writes one file per lesson; the app shows them as images, so no drawing code is added to
//! the first load). Colours follow the stage's; items are dots, flags are red triangles, tiles
//! to paint are dashed frames around a dot of their colour, portals dark rings in their
//! pair's colour, switches small lamps (filled when on), and the shape a drawing lesson asks
//! for is dotted.

use std::fmt::Write;

use crate::arena::{Arena, RADIUS};
use crate::drawing::Segment;
use crate::grid::{colour_hex, Dir, GridWorld};
use crate::spec::Obstacle;
use crate::world::World;

/// Thumbnail width in pixels; the height follows the world's proportions.
const WIDTH: f64 = 96.0;

fn item_fill(kind: &str) -> &'static str {
    match kind {
        "olive" => "#556b2f",
        "date" => "#8d5524",
        "stone" => "#9e9e9e",
        _ => "#7b1fa2",
    }
}

/// The world, with `guides` (a drawing goal's target, in the world's units) dotted on top.
pub fn svg(world: &World, guides: &[Segment]) -> String {
    let (w, h, mut body) = match world {
        World::Grid(g) => (g.width as f64, g.height as f64, grid(g)),
        World::Arena(a) => (a.width, a.height, arena(a)),
    };
    // Grid strokes join cell centres; arena strokes are in centimetres.
    let (offset, width) = match world {
        World::Grid(_) => (0.5, 0.12),
        World::Arena(a) => (0.0, a.width.max(a.height) / 80.0),
    };
    for g in guides {
        let p = |i: usize| g[i] as f64 + offset;
        let _ = writeln!(
            body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#6d5c45\" stroke-width=\"{width:.2}\" stroke-dasharray=\"{:.2}\"/>",
            p(0),
            p(1),
            p(2),
            p(3),
            width * 2.0
        );
    }
    let height = (WIDTH * h / w).round().max(8.0);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {w} {h}\">\n{body}</svg>\n"
    )
}

fn grid(g: &GridWorld) -> String {
    let mut s = format!("<rect width=\"{}\" height=\"{}\" fill=\"#f3ead2\"/>\n", g.width, g.height);
    for ((x, y), c) in g.paint.iter() {
        let _ =
            writeln!(s, "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" fill=\"{}\"/>", colour_hex(c));
    }
    for ((x, y), c) in g.marks.iter() {
        let _ = writeln!(
            s,
            "<rect x=\"{x}.15\" y=\"{y}.15\" width=\"0.7\" height=\"0.7\" fill=\"none\" stroke=\"#1d2330\" stroke-width=\"0.07\" stroke-dasharray=\"0.14 0.08\"/>\n<circle cx=\"{x}.5\" cy=\"{y}.5\" r=\"0.16\" fill=\"{}\" stroke=\"#1d2330\" stroke-width=\"0.04\"/>",
            colour_hex(c)
        );
    }
    #[cfg(feature = "puzzles")]
    for (i, ends) in g.puzzle.portals.iter().enumerate() {
        let colour = ["#7b3fb5", "#0f7f8a", "#c0561b"][i % 3];
        for (x, y) in ends {
            let _ = writeln!(
                s,
                "<circle cx=\"{x}.5\" cy=\"{y}.5\" r=\"0.3\" fill=\"#1d2330\" stroke=\"{colour}\" stroke-width=\"0.12\"/>"
            );
        }
    }
    // A switch: a lamp, yellow and filled when on, hollow when off.
    #[cfg(feature = "puzzles")]
    for ((x, y), on) in g.puzzle.switches.iter() {
        let (fill, stroke) = if *on { ("#f2c230", "#8d5b00") } else { ("none", "#5b4a36") };
        let _ = writeln!(
            s,
            "<rect x=\"{x}.22\" y=\"{y}.3\" width=\"0.56\" height=\"0.4\" rx=\"0.2\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"0.08\"/>"
        );
    }
    for (x, y) in g.flags.iter() {
        let _ = writeln!(
            s,
            "<path d=\"M{}.25 {}.15 L{}.8 {}.35 L{}.25 {}.55 Z\" fill=\"#c62828\"/>",
            x, y, x, y, x, y
        );
    }
    for ((x, y), kinds) in g.items.iter() {
        if let Some((kind, _)) = kinds.iter().next() {
            let _ =
                writeln!(s, "<circle cx=\"{x}.5\" cy=\"{y}.5\" r=\"0.28\" fill=\"{}\"/>", item_fill(kind));
        }
    }
    for (x, y, side) in g.inner_walls() {
        let (x1, y1, x2, y2) =
            if *side == Dir::East { (x + 1, *y, x + 1, y + 1) } else { (*x, y + 1, x + 1, y + 1) };
        let _ = writeln!(
            s,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#5b4a36\" stroke-width=\"0.15\"/>"
        );
    }
    let _ = writeln!(
        s,
        "<rect width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#5b4a36\" stroke-width=\"0.2\"/>",
        g.width, g.height
    );
    let r = &g.robot;
    let (dx, dy) = r.heading.delta();
    let (cx, cy) = (r.x as f64 + 0.5, r.y as f64 + 0.5);
    robot(&mut s, (cx, cy), 0.35, (dx as f64, dy as f64));
    s
}

fn arena(a: &Arena) -> String {
    let mut s = format!("<rect width=\"{}\" height=\"{}\" fill=\"#f3ead2\"/>\n", a.width, a.height);
    for f in &a.floor {
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            f.x,
            f.y,
            f.w,
            f.h,
            colour_hex(&f.colour)
        );
    }
    for l in &a.lines {
        let _ = writeln!(
            s,
            "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
            l.svg_path(),
            colour_hex(l.colour()),
            l.width()
        );
    }
    for o in &a.obstacles {
        let _ = match *o {
            Obstacle::Rect { x, y, w, h } => {
                writeln!(s, "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"#8d6e63\"/>")
            }
            Obstacle::Circle { x, y, r } => {
                writeln!(s, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"#8d6e63\"/>")
            }
        };
    }
    let border = a.width.max(a.height) / 50.0;
    let _ = writeln!(
        s,
        "<rect width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#5b4a36\" stroke-width=\"{border:.1}\"/>",
        a.width, a.height
    );
    robot(&mut s, (a.robot.x, a.robot.y), RADIUS.max(a.width / 40.0), a.robot.dir);
    s
}

/// The robot: a blue disc with an orange nose pointing its way.
fn robot(s: &mut String, (x, y): (f64, f64), r: f64, (dx, dy): (f64, f64)) {
    let _ = writeln!(s, "<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{r:.2}\" fill=\"#1e88e5\"/>");
    let (nx, ny) = (x + dx * r * 1.3, y + dy * r * 1.3);
    let (lx, ly) = (x - dy * r * 0.6, y + dx * r * 0.6);
    let (rx, ry) = (x + dy * r * 0.6, y - dx * r * 0.6);
    let _ =
        writeln!(s, "<path d=\"M{nx:.2} {ny:.2} L{lx:.2} {ly:.2} L{rx:.2} {ry:.2} Z\" fill=\"#ffb300\"/>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::WorldSpec;

    #[test]
    fn a_grid_thumbnail_shows_walls_items_flags_and_the_robot() {
        let spec: WorldSpec = serde_json::from_str(
            r#"{"grid":{"width":4,"height":2,"robot":{"x":0,"y":1,"heading":"east"},
                "walls":[{"x":1,"y":0,"side":"east"}],"items":[{"x":2,"y":1,"kind":"olive"}],
                "flags":[{"x":3,"y":0}],"paint":[{"x":0,"y":0,"colour":"red"}]}}"#,
        )
        .unwrap();
        let svg = svg(&World::from_spec(&spec, 0), &[[0, 0, 1, 0]]);
        assert!(
            svg.contains("<line x1=\"0.5\" y1=\"0.5\" x2=\"1.5\" y2=\"0.5\""),
            "guide joins centres: {svg}"
        );
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"48\""),
            "{svg}"
        );
        for part in
            ["fill=\"#d94b3d\"", "<line x1=\"2\" y1=\"0\" x2=\"2\" y2=\"1\"", "#556b2f", "#c62828", "#1e88e5"]
        {
            assert!(svg.contains(part), "{part} missing in {svg}");
        }
    }

    #[test]
    fn a_tile_to_paint_is_a_dashed_frame_around_its_colour() {
        let spec: WorldSpec = serde_json::from_str(
            r#"{"grid":{"width":3,"height":1,"robot":{"x":0,"y":0,"heading":"east"},
                "marks":[{"x":2,"y":0,"colour":"blue"}]}}"#,
        )
        .unwrap();
        let svg = svg(&World::from_spec(&spec, 0), &[]);
        assert!(svg.contains("<rect x=\"2.15\" y=\"0.15\" width=\"0.7\""), "{svg}");
        assert!(svg.contains("stroke-dasharray=\"0.14 0.08\""), "{svg}");
        assert!(svg.contains("<circle cx=\"2.5\" cy=\"0.5\" r=\"0.16\" fill=\"#3b7dd8\""), "{svg}");
    }

    #[test]
    fn an_arena_thumbnail_keeps_its_proportions() {
        let spec: WorldSpec = serde_json::from_str(
            r#"{"arena":{"width":200,"height":100,"robot":{"x":20,"y":50,"heading":0},
                "obstacles":[{"circle":{"x":100,"y":50,"r":10}}]}}"#,
        )
        .unwrap();
        let svg = svg(&World::from_spec(&spec, 0), &[]);
        assert!(svg.contains("height=\"48\" viewBox=\"0 0 200 100\""), "{svg}");
        assert!(svg.contains("<circle cx=\"100\" cy=\"50\" r=\"10\""), "{svg}");
    }
}
