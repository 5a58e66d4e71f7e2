//! The AI built-ins in a grid world (feature `ai`): reading an item's measurements,
//! recording labelled examples, asking the model, forgetting, and learning from reward.
//! Training work is left in `world.ai.work` for the VM to count as fuel.

use std::rc::Rc;

use tafukt_lang::value::Value;
use tafukt_lang::{Builtin, HostFault};
use tafukt_world::ai::Recorded;
use tafukt_world::GridWorld;

use crate::{ai_maze, ai_world};

/// Longest label a program may record: labels are shown in the data table.
const MAX_LABEL: usize = 40;

/// Most examples kept: the table and the plot stay drawable, and training stays quick.
pub const MAX_RECORDED: usize = 500;

fn nothing_here() -> HostFault {
    HostFault::new("nothing-to-measure")
}

pub fn call(w: &mut GridWorld, builtin: Builtin, args: &[Value]) -> Result<Value, HostFault> {
    let reading =
        |w: &GridWorld, i: usize| w.sample_here().map(|s| Value::Num(s.readings[i])).ok_or_else(nothing_here);
    Ok(match builtin {
        Builtin::ItemSize => reading(w, 0)?,
        Builtin::ItemDarkness => reading(w, 1)?,
        Builtin::ItemWeight => reading(w, 2)?,
        Builtin::Record => {
            let sample = w.sample_here().ok_or_else(nothing_here)?.clone();
            let label: String =
                args.first().map(|v| v.to_string()).unwrap_or_default().chars().take(MAX_LABEL).collect();
            if label.is_empty() {
                return Err(HostFault::new("empty-label"));
            }
            if w.ai.recorded.len() >= MAX_RECORDED {
                return Err(HostFault {
                    key: "too-many-examples",
                    args: vec![("count", MAX_RECORDED.to_string())],
                });
            }
            Rc::make_mut(&mut w.ai.recorded).push(Recorded {
                readings: sample.readings,
                label,
                kind: sample.kind,
            });
            w.actions += 1;
            Value::Nothing
        }
        Builtin::Prediction => {
            let readings = w.sample_here().ok_or_else(nothing_here)?.readings;
            let (label, work) = ai_world::predict(w, &readings);
            w.ai.work = work;
            Value::text(&label.ok_or_else(|| HostFault::new("nothing-recorded"))?)
        }
        Builtin::Forget => {
            ai_world::forget(w);
            w.actions += 1;
            Value::Nothing
        }
        Builtin::Practise => {
            let n = match args.first() {
                Some(Value::Num(n)) if *n >= 0.0 => *n as u32,
                _ => return Err(HostFault::new("practise-needs-a-number")),
            };
            w.ai.work = ai_maze::practise(w, n);
            w.actions += 1;
            Value::Nothing
        }
        Builtin::BestMove => {
            ai_maze::best_move(w)?;
            Value::Nothing
        }
        Builtin::ItemReward => {
            let r = match args.first() {
                Some(Value::Num(n)) => *n,
                _ => return Err(HostFault::new("reward-needs-a-number")),
            };
            // Kept within what the table can add up without losing meaning.
            w.ai.item_reward = Some(tafukt_ai::maths::within(r, -1000.0, 1000.0));
            w.actions += 1;
            Value::Nothing
        }
        _ => {
            return Err(HostFault {
                key: "not-in-this-world",
                args: vec![("word", builtin.key().to_string())],
            })
        }
    })
}
