//! The stage: whichever world the lesson has, drawn as SVG.

use tafukt_world::drawing::Segment;
use tafukt_world::World;
use yew::prelude::*;

#[cfg(feature = "full")]
use super::arena_stage::arena_stage;
use super::grid_stage::grid_stage;
use super::i18n::I18n;

/// `guides` are the dotted target shapes of the lesson's drawing goals; `over` is drawn over the
/// world (the squares of "where will the robot end?", the studio's marks and targets).
pub fn stage(world: &World, guides: &[Segment], i18n: &I18n, over: Html) -> Html {
    match world {
        World::Grid(g) => grid_stage(g, guides, i18n, over),
        #[cfg(feature = "full")]
        World::Arena(a) => arena_stage(a, guides, i18n, over),
    }
}
