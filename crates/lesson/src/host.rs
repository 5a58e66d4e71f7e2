//! Connects the VM to the grid world: each built-in becomes a world action or sensor
//! reading, and world faults become the language's `HostFault`.

use tafukt_lang::value::Value;
use tafukt_lang::{Builtin, Host, HostFault};
#[cfg(feature = "later_units")]
use tafukt_world::Dir;
use tafukt_world::GridWorld;

#[cfg(feature = "later_units")]
use crate::pen_host::pen_call;

/// The grid world seen through the language's [`Host`] door.
pub struct GridHost<'w> {
    pub world: &'w mut GridWorld,
}

impl Host for GridHost<'_> {
    #[cfg_attr(not(feature = "later_units"), allow(unused_variables))]
    fn call(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, HostFault> {
        let w = &mut *self.world;
        let fault = |f: tafukt_world::Fault| HostFault::new(f.key());
        Ok(match builtin {
            Builtin::Move => {
                #[cfg(feature = "ai")]
                if crate::ai_road::leaves_road(w) {
                    return Err(HostFault::new("off-road"));
                }
                w.step().map_err(fault)?;
                Value::Nothing
            }
            Builtin::TurnLeft => {
                w.turn_left();
                Value::Nothing
            }
            Builtin::TurnRight => {
                w.turn_right();
                Value::Nothing
            }
            Builtin::PickUp => {
                w.pick_up().map_err(fault)?;
                Value::Nothing
            }
            Builtin::PutDown => {
                w.put_down().map_err(fault)?;
                Value::Nothing
            }
            #[cfg(feature = "later_units")]
            Builtin::Paint => {
                let colour = args.first().map(|v| v.to_string()).unwrap_or_default();
                w.paint(&colour).map_err(fault)?;
                Value::Nothing
            }
            #[cfg(feature = "later_units")]
            Builtin::Say => {
                w.say(args.first().map(|v| v.to_string()).unwrap_or_default());
                Value::Nothing
            }
            #[cfg(feature = "later_units")]
            Builtin::PenUp | Builtin::PenDown | Builtin::PenColour | Builtin::PenWidth => {
                return pen_call(&mut w.pen, builtin, args).unwrap_or(Ok(Value::Nothing))
            }
            #[cfg(feature = "later_units")]
            // Motors, time and turns by degrees are the continuous robot's.
            Builtin::Motors | Builtin::Wait | Builtin::Drive | Builtin::Turn => {
                return Err(HostFault {
                    key: "not-in-this-world",
                    args: vec![("word", builtin.key().to_string())],
                })
            }
            #[cfg(feature = "ai")]
            b if Builtin::AI.contains(&b) => return crate::ai_host::call(w, b, args),
            #[cfg(feature = "later_units")]
            Builtin::WallAhead => Value::Bool(w.wall_ahead()),
            #[cfg(feature = "later_units")]
            Builtin::WallLeft => Value::Bool(w.wall_left()),
            #[cfg(feature = "later_units")]
            Builtin::WallRight => Value::Bool(w.wall_right()),
            #[cfg(feature = "later_units")]
            Builtin::OnItem => Value::Bool(w.item_count_here() > 0),
            #[cfg(feature = "later_units")]
            Builtin::ItemCount => Value::Num(w.item_count_here() as f64),
            #[cfg(feature = "later_units")]
            Builtin::TileColour => Value::text(w.tile_colour()),
            #[cfg(feature = "later_units")]
            Builtin::AtGoal => Value::Bool(w.at_flag()),
            #[cfg(feature = "later_units")]
            Builtin::FacingNorth => Value::Bool(w.robot.heading == Dir::North),
            #[cfg(feature = "later_units")]
            Builtin::FacingEast => Value::Bool(w.robot.heading == Dir::East),
            #[cfg(feature = "later_units")]
            Builtin::FacingSouth => Value::Bool(w.robot.heading == Dir::South),
            #[cfg(feature = "later_units")]
            Builtin::FacingWest => Value::Bool(w.robot.heading == Dir::West),
            #[cfg(feature = "later_units")]
            Builtin::BagEmpty => Value::Bool(w.bag_total() == 0),
            #[cfg(feature = "later_units")]
            Builtin::Distance => {
                let mut d = 0;
                let (mut x, mut y) = (w.robot.x, w.robot.y);
                while !w.wall(x, y, w.robot.heading) {
                    let (dx, dy) = w.robot.heading.delta();
                    x = (x as i64 + dx) as u32;
                    y = (y as i64 + dy) as u32;
                    d += 1;
                }
                Value::Num(d as f64)
            }
            #[cfg(feature = "later_units")]
            Builtin::LineSensor => Value::Bool(w.tile_colour() == "black"),
            #[cfg(feature = "puzzles")]
            Builtin::Toggle => {
                w.toggle().ok_or_else(|| HostFault::new("no-switch"))?;
                Value::Nothing
            }
            #[cfg(feature = "puzzles")]
            Builtin::SwitchOn => Value::Bool(w.on_switch(true)),
            #[cfg(feature = "puzzles")]
            Builtin::SwitchOff => Value::Bool(w.on_switch(false)),
            // Every AI built-in was handled above.
            #[cfg(feature = "ai")]
            _ => Value::Nothing,
            // The core app plays the first unit's lessons, whose toolboxes list no other
            // built-in: a program with one is refused before it runs.
            #[cfg(not(feature = "later_units"))]
            _ => {
                return Err(HostFault {
                    key: "not-in-lesson",
                    args: vec![("word", builtin.key().to_string())],
                })
            }
        })
    }

    #[cfg(feature = "ai")]
    fn take_work(&mut self) -> u64 {
        std::mem::take(&mut self.world.ai.work)
    }
}

/// Runs the VM against whichever world the lesson has, through that world's host.
pub fn run_in(vm: &mut tafukt_lang::Vm, world: &mut tafukt_world::World, fuel: u64) -> tafukt_lang::Halt {
    match world {
        tafukt_world::World::Grid(w) => vm.run(&mut GridHost { world: w }, fuel),
        #[cfg(feature = "arena")]
        tafukt_world::World::Arena(a) => vm.run(&mut crate::arena_host::ArenaHost { arena: a }, fuel),
    }
}

/// One visible step (see `Vm::step_statement`) against whichever world the lesson has.
pub fn step_in(vm: &mut tafukt_lang::Vm, world: &mut tafukt_world::World, fuel: u64) -> tafukt_lang::Halt {
    match world {
        tafukt_world::World::Grid(w) => vm.step_statement(&mut GridHost { world: w }, fuel),
        #[cfg(feature = "arena")]
        tafukt_world::World::Arena(a) => {
            vm.step_statement(&mut crate::arena_host::ArenaHost { arena: a }, fuel)
        }
    }
}
