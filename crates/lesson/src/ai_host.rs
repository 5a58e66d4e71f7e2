//! The AI built-ins in a grid world (feature `ai`): reading an item's measurements and the
//! floor beside the robot, recording labelled examples, asking the model, forgetting, the
//! answer of a rule written by hand, the models' settings, and learning from reward.
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

/// The label a program gives (`record`, `answer`): its words, at most [`MAX_LABEL`] letters.
fn label_of(args: &[Value]) -> Result<String, HostFault> {
    let label: String =
        args.first().map(|v| v.to_string()).unwrap_or_default().chars().take(MAX_LABEL).collect();
    if label.is_empty() {
        return Err(HostFault::new("empty-label"));
    }
    Ok(label)
}

fn too_many() -> HostFault {
    HostFault { key: "too-many-examples", args: vec![("count", MAX_RECORDED.to_string())] }
}

/// A model's setting (`neighbours 5`): a number, kept within what the model can use.
fn setting(w: &mut GridWorld, builtin: Builtin, args: &[Value]) -> Result<(), HostFault> {
    let Some(Value::Num(n)) = args.first() else {
        return Err(HostFault::new("setting-needs-a-number"));
    };
    let n = *n;
    let whole = |lo: u32, hi: u32| tafukt_ai::maths::within(n, lo as f64, hi as f64) as u32;
    let l = &mut w.ai.learner;
    match builtin {
        Builtin::Neighbours => l.k = whole(1, 25),
        Builtin::TreeDepth => l.depth = whole(1, 6),
        Builtin::Epochs => l.epochs = whole(1, 100),
        Builtin::LearningRate => l.learning_rate = Some(tafukt_ai::maths::within(n, 0.001, 10.0)),
        _ => l.explore_percent = whole(0, 100),
    }
    Ok(())
}

pub fn call(w: &mut GridWorld, builtin: Builtin, args: &[Value]) -> Result<Value, HostFault> {
    let reading =
        |w: &GridWorld, i: usize| w.sample_here().map(|s| Value::Num(s.readings[i])).ok_or_else(nothing_here);
    Ok(match builtin {
        Builtin::ItemSize => reading(w, 0)?,
        Builtin::ItemDarkness => reading(w, 1)?,
        Builtin::ItemWeight => reading(w, 2)?,
        Builtin::FloorLeft => Value::Num(crate::ai_road::floor_beside(w, true)),
        Builtin::FloorRight => Value::Num(crate::ai_road::floor_beside(w, false)),
        Builtin::Record | Builtin::Answer => {
            let readings = ai_world::sense(w).ok_or_else(nothing_here)?;
            let label = label_of(args)?;
            let example = Recorded { readings, label, kind: ai_world::truth(w) };
            let list = if builtin == Builtin::Record { &mut w.ai.recorded } else { &mut w.ai.answers };
            if list.len() >= MAX_RECORDED {
                return Err(too_many());
            }
            Rc::make_mut(list).push(example);
            w.actions += 1;
            Value::Nothing
        }
        Builtin::Prediction => {
            let readings = ai_world::sense(w).ok_or_else(nothing_here)?;
            let (label, work) = ai_world::predict(w, &readings);
            w.ai.work = work;
            Value::text(&label.ok_or_else(|| HostFault::new("nothing-recorded"))?)
        }
        Builtin::Neighbours
        | Builtin::TreeDepth
        | Builtin::Epochs
        | Builtin::LearningRate
        | Builtin::Explore => {
            setting(w, builtin, args)?;
            w.actions += 1;
            Value::Nothing
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
            });
        }
    })
}
