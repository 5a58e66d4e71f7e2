//! Runs a program against a lesson's world from start to end, natively: what the command
//! line, the lesson checker and the tests use. The app drives the same VM frame by frame.

use std::rc::Rc;

use tafukt_lang::ast::NodeId;
use tafukt_lang::lexicon::{spelling, Term};
use tafukt_lang::toolbox::{constructs_used, Construct};
use tafukt_lang::{Builtin, Code, Diagnostic, Halt, Lang, Limits, Program, Vm};
use tafukt_world::{World, WorldSpec};

use crate::host::run_in;

#[derive(Debug, Clone)]
pub struct RunOutcome {
    pub program: Program,
    pub world: World,
    /// `Finished`, or `Faulted` with the runtime error.
    pub halt: Halt,
    /// The node of every robot action, in order: what the UI highlights as it animates.
    pub actions: Vec<NodeId>,
}

/// The world for one seed of the spec's variants.
pub fn world_from(spec: &WorldSpec, seed: u64) -> World {
    #[allow(unused_mut)]
    let mut world = World::from_spec(spec, seed);
    // The AI lessons' samples and learner (the datasets live with the models, not the world).
    #[cfg(feature = "ai")]
    if let (World::Grid(g), WorldSpec::Grid(s)) = (&mut world, spec) {
        crate::ai_world::apply(g, s, seed);
    }
    world
}

/// The seeds a solution must pass on: the spec's variants, or the one world it describes.
pub fn seeds(spec: &WorldSpec) -> Vec<u64> {
    let seeds = match spec {
        WorldSpec::Grid(g) => g.variants.as_ref().map(|v| &v.seeds),
        #[cfg(feature = "arena")]
        WorldSpec::Arena(a) => Some(&a.seeds),
    };
    seeds.filter(|s| !s.is_empty()).cloned().unwrap_or(vec![0])
}

/// Something a program uses that its toolbox does not list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unlisted {
    Builtin(Builtin),
    Block(Construct),
}

impl Unlisted {
    /// Its toolbox key.
    pub fn key(self) -> &'static str {
        match self {
            Unlisted::Builtin(b) => b.key(),
            Unlisted::Block(c) => c.key(),
        }
    }
}

/// The first built-in, then the first block (see `tafukt_lang::toolbox`), that the program
/// uses and the toolbox does not list, with its first use.
pub fn toolbox_gap(program: &Program, toolbox: &[String]) -> Option<(Unlisted, NodeId)> {
    let listed = |key: &str| toolbox.iter().any(|k| k == key);
    match program.builtins_used().into_iter().find(|b| !listed(b.key())) {
        Some(bad) => Some((Unlisted::Builtin(bad), program.first_use(bad).unwrap_or(NodeId(0)))),
        None => constructs_used(program)
            .into_iter()
            .find(|(c, _)| !listed(c.key()))
            .map(|(c, at)| (Unlisted::Block(c), at)),
    }
}

/// The pupil's message for [`toolbox_gap`]: what is not used in this lesson, pointing at
/// its use, and what the lesson allows.
pub fn toolbox_violation(program: &Program, toolbox: &[String], lang: Lang) -> Option<Diagnostic> {
    let (bad, node) = toolbox_gap(program, toolbox)?;
    let word = match bad {
        Unlisted::Builtin(b) => spelling(lang, Term::Builtin(b)).to_string(),
        Unlisted::Block(c) => c.word(lang),
    };
    Some(
        Diagnostic::at_node(Code::NotAllowed, node)
            .with("word", word)
            .with("allowed", toolbox_words(toolbox, lang)),
    )
}

/// A world fault whose message tells the pupil to check a sensor first (`hit-wall`: "check
/// with `wall ahead`") gets the `plain` argument in a lesson whose toolbox lacks that sensor,
/// so the message gives advice the pupil can follow (`world.hit-wall-plain`). An empty
/// toolbox allows everything.
pub fn fit_to_toolbox(d: Diagnostic, toolbox: &[String]) -> Diagnostic {
    let sensor = match d.code {
        Code::World("hit-wall") => "wall_ahead",
        Code::World("nothing-to-pick-up" | "nothing-to-measure") => "on_item",
        _ => return d,
    };
    if toolbox.is_empty() || toolbox.iter().any(|t| t == sensor) {
        d
    } else {
        d.with("plain", "")
    }
}

/// The toolbox as a message lists it: each block's word in the pupil's language.
pub fn toolbox_words(toolbox: &[String], lang: Lang) -> String {
    let word = |key: &String| match Construct::from_key(key) {
        Some(Construct::Note) => None,
        Some(c) => Some(c.word(lang)),
        None => Builtin::from_key(key).map(|b| spelling(lang, Term::Builtin(b)).to_string()),
    };
    // Arabic lists with its own comma.
    let comma = if lang == Lang::Ar { "، " } else { ", " };
    toolbox.iter().filter_map(word).collect::<Vec<_>>().join(comma)
}

/// Parses, compiles and runs `source` to the end. Parse and compile problems come back as
/// `Err`; a run-time problem is an `Ok` outcome whose halt is `Faulted`.
pub fn run_to_end(
    source: &str,
    lang: Lang,
    spec: &WorldSpec,
    seed: u64,
    limits: Limits,
) -> Result<RunOutcome, Diagnostic> {
    let (program, chunk) = tafukt_lang::build(source, lang)?;
    let mut world = world_from(spec, seed);
    let mut vm = Vm::new(Rc::new(chunk), limits);
    let mut actions = Vec::new();
    let mut circles = crate::circles::CircleWatch::default();
    let halt = loop {
        match run_in(&mut vm, &mut world, 100_000) {
            Halt::Action { node, .. } => {
                actions.push(node);
                if let Some(d) = circles.after_action(&vm, &world) {
                    break Halt::Faulted(d);
                }
            }
            Halt::OutOfFuel => {}
            done => break done,
        }
    };
    Ok(RunOutcome { program, world, halt, actions })
}
