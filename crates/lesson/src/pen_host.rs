//! The pen's built-ins (`pen up`, `pen down`, `pen colour`, `pen width`), the same in both
//! worlds, and the argument readers the hosts share.

use tafukt_lang::value::Value;
use tafukt_lang::{Builtin, HostFault};
use tafukt_world::Pen;

/// The number argument `i` (0 when it is missing or not a number).
pub(crate) fn number(args: &[Value], i: usize) -> f64 {
    match args.get(i) {
        Some(Value::Num(n)) => *n,
        _ => 0.0,
    }
}

/// Pen colours by key (the names the language's colour words give).
pub(crate) fn pen_colour(v: Option<&Value>) -> Result<&'static str, HostFault> {
    let text = v.map(|v| v.to_string()).unwrap_or_default();
    tafukt_world::grid::COLOURS.into_iter().find(|c| *c == text).ok_or(HostFault::new("unknown-colour"))
}

/// Carries out `builtin` on the pen if it is one of the pen's; `None` for any other.
pub(crate) fn pen_call(pen: &mut Pen, builtin: Builtin, args: &[Value]) -> Option<Result<Value, HostFault>> {
    match builtin {
        Builtin::PenUp => pen.down = false,
        Builtin::PenDown => pen.down = true,
        Builtin::PenColour => match pen_colour(args.first()) {
            Ok(c) => pen.colour = c,
            Err(f) => return Some(Err(f)),
        },
        Builtin::PenWidth => pen.set_width(number(args, 0)),
        _ => return None,
    }
    Some(Ok(Value::Nothing))
}
