//! The pen's trail and the dotted guides of shape goals, drawn the same way on either stage.
//! Joined strokes of one colour and width become one SVG path, so a long drawing stays a
//! handful of elements.

use tafukt_lang::value::format_rounded;

/// A coordinate for SVG: two decimals are finer than a pixel, and short.
fn n(x: f64) -> String {
    format_rounded(x, 2)
}
use tafukt_world::drawing::Segment;
use tafukt_world::Stroke;
use yew::prelude::*;

use super::grid_stage::paint_fill;

/// How world units become drawing units: `drawing = world × scale + offset`, and a pen
/// width of 1 is `width_unit` drawing units wide.
#[derive(Clone, Copy)]
pub struct Scale {
    pub scale: f64,
    pub offset: f64,
    pub width_unit: f64,
}

impl Scale {
    fn point(self, (x, y): (f64, f64)) -> String {
        format!("{} {}", n(x * self.scale + self.offset), n(y * self.scale + self.offset))
    }
}

pub fn pen_layer(strokes: &[Stroke], guides: &[Segment], s: Scale) -> Html {
    let mut paths: Vec<(String, &Stroke)> = Vec::new();
    let mut last: Option<&Stroke> = None;
    for stroke in strokes {
        let joined =
            last.is_some_and(|l| l.to == stroke.from && l.colour == stroke.colour && l.width == stroke.width);
        match paths.last_mut() {
            Some((d, _)) if joined => {
                d.push_str(" L");
                d.push_str(&s.point(stroke.to));
            }
            _ => paths.push((format!("M{} L{}", s.point(stroke.from), s.point(stroke.to)), stroke)),
        }
        last = Some(stroke);
    }
    let guide: String = guides
        .iter()
        .map(|g| {
            let (a, b) = ((g[0] as f64, g[1] as f64), (g[2] as f64, g[3] as f64));
            format!("M{} L{} ", s.point(a), s.point(b))
        })
        .collect();
    html! {
        <g class="pen">
            if !guide.is_empty() {
                <path class="guide" d={guide} data-testid="guide" />
            }
            { for paths.into_iter().map(|(d, first)| html! {
                <path class="trail" d={d} stroke={paint_fill(first.colour)}
                    stroke-width={n(first.width as f64 * s.width_unit)} />
            }) }
        </g>
    }
}
