//! Connects the VM to the continuous arena: motors, `wait`, the pen and the sensors. The
//! grid-only built-ins fault with a friendly message.

use tafukt_lang::value::Value;
use tafukt_lang::{Builtin, Host, HostFault};
use tafukt_world::Arena;

use crate::pen_host::{number, pen_call, pen_colour};

/// The arena seen through the language's [`Host`] door.
pub struct ArenaHost<'a> {
    pub arena: &'a mut Arena,
}

impl Host for ArenaHost<'_> {
    fn call(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, HostFault> {
        let a = &mut *self.arena;
        if let Some(done) = pen_call(&mut a.pen, builtin, args) {
            return done;
        }
        Ok(match builtin {
            Builtin::Motors => {
                a.set_motors(number(args, 0), number(args, 1));
                Value::Nothing
            }
            Builtin::Wait => {
                a.wait(number(args, 0));
                Value::Nothing
            }
            Builtin::Drive => {
                a.drive(number(args, 0));
                Value::Nothing
            }
            Builtin::Turn => {
                a.turn(number(args, 0));
                Value::Nothing
            }
            // In the arena, `paint` is another way to choose the pen's colour.
            Builtin::Paint => {
                a.pen.colour = pen_colour(args.first())?;
                Value::Nothing
            }
            Builtin::Say => {
                a.said.push(args.first().map(|v| v.to_string()).unwrap_or_default());
                Value::Nothing
            }
            Builtin::Distance => Value::Num(a.distance()),
            Builtin::LineSensor => Value::Bool(a.on_line()),
            Builtin::TileColour => Value::text(a.floor_colour()),
            Builtin::WallAhead => Value::Bool(a.bumped || a.distance() < 1.0),
            _ => return Err(HostFault { key: "grid-only", args: vec![("word", builtin.key().to_string())] }),
        })
    }
}
