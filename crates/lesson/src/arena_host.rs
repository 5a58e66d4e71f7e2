//! Connects the VM to the continuous arena: motors, `wait`, the pen and the sensors. The
//! grid-only built-ins fault with a friendly message.

use tafukt_lang::value::Value;
use tafukt_lang::{Builtin, Host, HostFault};
use tafukt_world::Arena;

/// The arena seen through the language's [`Host`] door.
pub struct ArenaHost<'a> {
    pub arena: &'a mut Arena,
}

pub(crate) fn number(args: &[Value], i: usize) -> f64 {
    match args.get(i) {
        Some(Value::Num(n)) => *n,
        _ => 0.0,
    }
}

/// Pen colours by key (the names the language's colour words give).
pub(crate) fn pen_colour(v: Option<&Value>) -> Option<&'static str> {
    let text = v?.to_string();
    tafukt_world::grid::COLOURS.into_iter().find(|c| *c == text)
}

impl Host for ArenaHost<'_> {
    fn call(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, HostFault> {
        let a = &mut *self.arena;
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
            Builtin::PenDown => {
                a.pen.down = true;
                Value::Nothing
            }
            Builtin::PenUp => {
                a.pen.down = false;
                Value::Nothing
            }
            // In the arena, `paint` is another way to choose the pen's colour.
            Builtin::Paint | Builtin::PenColour => {
                a.pen.colour = pen_colour(args.first()).ok_or(HostFault::new("unknown-colour"))?;
                Value::Nothing
            }
            Builtin::PenWidth => {
                a.pen.set_width(number(args, 0));
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
