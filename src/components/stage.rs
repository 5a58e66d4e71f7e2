//! The stage: whichever world the lesson has, drawn as SVG.

use tafukt_world::World;
use yew::prelude::*;

use super::arena_stage::arena_stage;
use super::grid_stage::grid_stage;
use super::i18n::I18n;

pub fn stage(world: &World, i18n: &I18n) -> Html {
    match world {
        World::Grid(g) => grid_stage(g, i18n),
        World::Arena(a) => arena_stage(a, i18n),
    }
}
