//! The only door from the VM to a world: built-ins are handed to a [`Host`], so the VM never
//! knows which world (grid, continuous, or a test double) it is driving.

use crate::builtins::Builtin;
use crate::value::Value;

/// A world fault in the world's own words (a catalogue key under `world.`), e.g. `hit-wall`.
#[derive(Debug, Clone, PartialEq)]
pub struct HostFault {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl HostFault {
    pub fn new(key: &'static str) -> HostFault {
        HostFault { key, args: Vec::new() }
    }
}

pub trait Host {
    /// Performs an action or reads a sensor. Actions return [`Value::Nothing`].
    fn call(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, HostFault>;

    /// Work the last call did beyond one instruction (training a model), taken once: the VM
    /// counts it against the fuel and the run's step limit, so learning never freezes a page.
    #[cfg(feature = "ai")]
    fn take_work(&mut self) -> u64 {
        0
    }
}

/// A host with no world: actions succeed, sensors read false or zero, `say` is recorded.
#[derive(Debug, Default, Clone)]
pub struct NullHost {
    pub said: Vec<String>,
    pub actions: Vec<Builtin>,
}

impl Host for NullHost {
    fn call(&mut self, builtin: Builtin, args: &[Value]) -> Result<Value, HostFault> {
        use crate::builtins::BuiltinKind;
        if builtin == Builtin::Say {
            self.said.push(args.first().map(|v| v.to_string()).unwrap_or_default());
        }
        Ok(match builtin.kind() {
            BuiltinKind::Action => {
                self.actions.push(builtin);
                Value::Nothing
            }
            BuiltinKind::Sensor => match builtin {
                Builtin::ItemCount | Builtin::Distance | Builtin::LineSensor => Value::Num(0.0),
                #[cfg(feature = "ai")]
                Builtin::ItemSize
                | Builtin::ItemDarkness
                | Builtin::ItemWeight
                | Builtin::FloorLeft
                | Builtin::FloorRight => Value::Num(0.0),
                #[cfg(feature = "ai")]
                Builtin::Prediction => Value::text(""),
                Builtin::TileColour => Value::text("white"),
                _ => Value::Bool(false),
            },
        })
    }
}
