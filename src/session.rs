//! The lesson session: the pupil's program, the run in progress and what the UI shows of it.
//! Plain Rust with no web dependency, so every transition is tested natively; components
//! only render it and dispatch [`Action`]s.

use std::rc::Rc;

use tafukt_lang::blocks::{slot_on_line, Slot};
use tafukt_lang::parser::parse;
use tafukt_lang::printer::print;
use tafukt_lang::{Diagnostic, Halt, Lang, Limits, Program, Vm};
use tafukt_lesson::goals::{all_met, check_all, GoalReport};
use tafukt_lesson::host::{run_in, step_in};
use tafukt_lesson::runner::{fit_to_toolbox, seeds, toolbox_violation, world_from};
use tafukt_lesson::Lesson;
use tafukt_world::World;

use crate::timeline::Timeline;

/// Instructions the VM may run per animation tick (one frame, ~16 ms): a few milliseconds of
/// work at most, so the page never freezes, whatever the program does.
pub const FUEL_PER_TICK: u64 = 200_000;

/// Speeds the pupil can pick, slowest first.
pub const SPEEDS: std::ops::RangeInclusive<u32> = 1..=5;

/// Frames the robot waits after each action at `speed`, so the pupil can follow it.
pub fn frames_per_action(speed: u32) -> u32 {
    match speed {
        1 => 50,
        2 => 30,
        3 => 15,
        4 => 6,
        _ => 1,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Not running; the world shows the lesson's start.
    Ready,
    Running,
    Paused,
    /// The program ended; `success` is whether every goal is met.
    Finished {
        success: bool,
    },
    /// A parse, compile or run-time problem, shown to the pupil.
    Failed(Diagnostic),
}

#[derive(Debug, Clone)]
pub struct Session {
    pub lesson: Rc<Lesson>,
    pub lang: Lang,
    pub source: String,
    pub phase: Phase,
    pub world: World,
    /// The program being run, to map nodes back to source lines.
    pub program: Option<Program>,
    vm: Option<Vm>,
    /// The states the run has been in (full app): a robot going round in circles is stopped
    /// at once (`tafukt_lesson::circles`).
    #[cfg(any(test, feature = "full"))]
    circles: tafukt_lesson::circles::CircleWatch,
    /// 1-based line of the statement that ran last, highlighted in the editor.
    pub active_line: Option<usize>,
    pub goals: Vec<GoalReport>,
    /// Robot actions done in this run.
    pub steps: usize,
    pub speed: u32,
    /// Frames left before the next action may run.
    cooldown: u32,
    /// Predict at marked blocks: a run pauses once the robot has made this many actions.
    #[cfg(any(test, feature = "full"))]
    pause_at_steps: Option<usize>,
    /// While stepping over or out (full app, where procedures are): pause before the first
    /// statement at this call depth or shallower.
    #[cfg(any(test, feature = "full"))]
    pause_depth: Option<usize>,
    /// The lesson world's seeds, and which one is on the stage.
    seeds: Vec<u64>,
    variant: usize,
    /// Variants on which a run met every goal.
    passed: tafukt_world::sorted::SortedSet<usize>,
    /// Blocks in the program of the latest passing run (for the star rule).
    passing_blocks: Option<usize>,
    /// Runs that ended without meeting every goal: each one shows one more hint.
    pub failed_runs: usize,
    /// The answer tapped last for each quiz question (not graded, not saved).
    pub quiz_answers: Vec<Option<u32>>,
    /// The pupil's program while the starter is back in the editor.
    pub put_aside: Option<String>,
    /// The world after each action of this run, to step back and scrub through.
    pub timeline: Timeline,
    /// The pupil's program while the teacher demonstrates the reference solution (a
    /// full-app part): it comes back with [`Action::PutBack`], and is what stays saved.
    #[cfg(any(test, feature = "full"))]
    pub demo: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Action {
    Edit(String),
    /// Runs continuously (ticks follow) or resumes after a pause.
    Run,
    /// Runs until the next robot action, then pauses.
    Step,
    /// Runs the statement on its line, a procedure it calls included, and pauses before the
    /// next one (full app: lessons with procedures are played there).
    #[cfg(any(test, feature = "full"))]
    StepOver,
    /// Runs the rest of the current procedure and pauses before the caller's next statement.
    #[cfg(any(test, feature = "full"))]
    StepOut,
    Pause,
    /// One animation frame while running.
    Tick,
    /// Shows frame `n` of the run's timeline (pausing a run).
    Scrub(usize),
    /// Shows the frame before the one on screen (pausing a run).
    StepBack,
    SetSpeed(u32),
    Reset,
    /// Puts the lesson's starter program back in the editor (in the pupil's language); the
    /// pupil's program is kept aside so it can come back.
    RestoreStarter,
    /// Brings back the program that `RestoreStarter` put aside.
    UndoRestore,
    SetLang(Lang),
    /// Answers quiz question `.0` with choice `.1`.
    Answer(usize, u32),
    /// Teacher mode: the reference solution in the editor (in the session's language), the
    /// pupil's program kept aside, not lost.
    #[cfg(any(test, feature = "full"))]
    ShowSolution,
    /// Ends a demonstration: the pupil's program back, as it was.
    #[cfg(any(test, feature = "full"))]
    PutBack,
    /// Steps statement by statement until the robot acts or the run ends (predict-then-run
    /// reveals one move at a time).
    #[cfg(any(test, feature = "full"))]
    StepToAction,
    /// Runs like [`Action::Run`], pausing once the robot has made this many actions in all
    /// (predict-then-run asks at the block the teacher marked, not before).
    #[cfg(any(test, feature = "full"))]
    RunUntilSteps(usize),
    /// After a run has ended: the world of the next run on the stage (the next variant after
    /// a success, else the same), so the class can predict before it starts.
    #[cfg(any(test, feature = "full"))]
    Rewind,
}

/// Statements [`Action::StepToAction`] may go through: a loop without actions ends as a
/// problem long before (the run's limits), so this only bounds the work.
#[cfg(any(test, feature = "full"))]
const MAX_STATEMENTS_PER_ACTION: usize = 100_000;

impl Session {
    /// A session on `lesson` with the pupil's saved program, or the starter in `lang`.
    pub fn new(lesson: Rc<Lesson>, lang: Lang, saved: Option<String>) -> Session {
        let lesson_quiz_len = lesson.quiz.len();
        let source = saved.unwrap_or_else(|| translate(&lesson.starter, Lang::En, lang).unwrap_or_default());
        let seeds = seeds(&lesson.world);
        let world = world_from(&lesson.world, seeds[0]);
        let timeline = Timeline::start(world.clone());
        let goals = check_all(&lesson.goals, &world);
        Session {
            lesson,
            lang,
            source,
            phase: Phase::Ready,
            world,
            program: None,
            vm: None,
            active_line: None,
            goals,
            steps: 0,
            speed: 3,
            cooldown: 0,
            #[cfg(any(test, feature = "full"))]
            pause_at_steps: None,
            #[cfg(any(test, feature = "full"))]
            circles: Default::default(),
            #[cfg(any(test, feature = "full"))]
            pause_depth: None,
            seeds,
            variant: 0,
            passed: Default::default(),
            passing_blocks: None,
            failed_runs: 0,
            quiz_answers: vec![None; lesson_quiz_len],
            put_aside: None,
            timeline,
            #[cfg(any(test, feature = "full"))]
            demo: None,
        }
    }

    /// The hints to show: one more after each run that did not succeed.
    pub fn hints_shown(&self) -> usize {
        self.failed_runs.min(self.lesson.hints.len())
    }

    /// Which variant of the world is on the stage (from 0), and how many there are.
    pub fn variant(&self) -> (usize, usize) {
        (self.variant, self.seeds.len())
    }

    /// How many variants a run has passed, of how many: the lesson is done when all.
    pub fn variants_passed(&self) -> (usize, usize) {
        (self.passed.len(), self.seeds.len())
    }

    /// Stars earned in this session: 0 until the program has passed every variant of the
    /// world, 1 then, 2 if it also keeps to the lesson's star rule (at most N blocks).
    pub fn stars(&self) -> u8 {
        if self.passed.len() < self.seeds.len() {
            return 0;
        }
        let within_rule = match (&self.lesson.stars, &self.passing_blocks) {
            (Some(rule), Some(blocks)) => *blocks <= rule.max_blocks,
            (None, _) => true,
            _ => false,
        };
        1 + u8::from(within_rule)
    }

    /// The world on the stage: an earlier frame while looking back, else the live one.
    pub fn shown_world(&self) -> &World {
        self.timeline.shown().map_or(&self.world, |f| &f.world)
    }

    /// The line highlighted: the one that made the frame on screen.
    pub fn shown_line(&self) -> Option<usize> {
        match self.timeline.shown() {
            Some(frame) => frame.line,
            None => self.active_line,
        }
    }

    /// The block the block editor marks: the statement on the shown line, found in the
    /// program being run (or, for a program that could not be built, read again).
    pub fn shown_block(&self) -> Option<Slot> {
        let line = self.shown_line()?;
        match &self.program {
            Some(p) => slot_on_line(p, &self.source, line),
            None => slot_on_line(&parse(&self.source, self.lang).program, &self.source, line),
        }
    }

    /// Whether the editor holds the reference solution for a demonstration, so the
    /// pupil's saved program must not be overwritten by it.
    pub fn demonstrating(&self) -> bool {
        #[cfg(any(test, feature = "full"))]
        return self.demo.is_some();
        #[cfg(not(any(test, feature = "full")))]
        false
    }

    pub fn is_running(&self) -> bool {
        self.phase == Phase::Running
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(text) => {
                self.source = text;
                // Editing stops a run: the program on screen is no longer the one running.
                if self.vm.is_some() {
                    self.reset();
                }
            }
            Action::Run => {
                self.timeline.follow_live();
                #[cfg(any(test, feature = "full"))]
                {
                    self.pause_at_steps = None;
                    self.pause_depth = None;
                }
                if self.start_if_needed() {
                    self.phase = Phase::Running;
                }
            }
            Action::Step => {
                self.timeline.follow_live();
                if self.start_if_needed() {
                    self.advance(true);
                    if matches!(self.phase, Phase::Running | Phase::Ready) {
                        self.phase = Phase::Paused;
                    }
                }
            }
            #[cfg(any(test, feature = "full"))]
            Action::StepOver | Action::StepOut => {
                if self.start_if_needed() {
                    let depth = self.vm.as_ref().map_or(1, Vm::depth);
                    let target =
                        if matches!(action, Action::StepOut) { depth.saturating_sub(1) } else { depth };
                    self.pause_depth = Some(target);
                    self.phase = Phase::Running;
                }
            }
            Action::Pause => {
                if self.phase == Phase::Running {
                    self.phase = Phase::Paused;
                }
            }
            Action::Tick => {
                if self.phase != Phase::Running {
                    return;
                }
                if self.cooldown > 0 {
                    self.cooldown -= 1;
                    return;
                }
                #[cfg(any(test, feature = "full"))]
                if let Some(target) = self.pause_depth {
                    self.step_to_depth(target);
                    return;
                }
                if self.advance(false) {
                    self.cooldown = frames_per_action(self.speed).saturating_sub(1);
                    #[cfg(any(test, feature = "full"))]
                    if self.pause_at_steps.is_some_and(|n| self.steps >= n) && self.phase == Phase::Running {
                        self.pause_at_steps = None;
                        self.phase = Phase::Paused;
                    }
                }
            }
            Action::SetSpeed(speed) => self.speed = speed.clamp(*SPEEDS.start(), *SPEEDS.end()),
            Action::Reset => self.reset(),
            Action::RestoreStarter => {
                self.reset();
                let starter = translate(&self.lesson.starter, Lang::En, self.lang).unwrap_or_default();
                let mine = std::mem::replace(&mut self.source, starter);
                if mine != self.source {
                    self.put_aside = Some(mine);
                }
            }
            Action::UndoRestore => {
                if let Some(mine) = self.put_aside.take() {
                    self.reset();
                    self.source = mine;
                }
            }
            Action::Scrub(i) => {
                self.apply(Action::Pause);
                self.timeline.scrub(i);
            }
            Action::StepBack => {
                self.apply(Action::Pause);
                self.timeline.back();
            }
            Action::Answer(question, choice) => {
                if let Some(slot) = self.quiz_answers.get_mut(question) {
                    *slot = Some(choice);
                }
            }
            Action::SetLang(lang) => {
                if let Some(text) = translate(&self.source, self.lang, lang) {
                    self.source = text;
                }
                #[cfg(any(test, feature = "full"))]
                if let Some(mine) = self.demo.as_mut() {
                    if let Some(text) = translate(mine, self.lang, lang) {
                        *mine = text;
                    }
                }
                self.lang = lang;
            }
            #[cfg(any(test, feature = "full"))]
            Action::ShowSolution => {
                self.reset();
                let solution = translate(&self.lesson.solution, Lang::En, self.lang)
                    .unwrap_or_else(|| self.lesson.solution.clone());
                let mine = std::mem::replace(&mut self.source, solution);
                // A second demonstration keeps the pupil's program, not the first solution.
                self.demo.get_or_insert(mine);
            }
            #[cfg(any(test, feature = "full"))]
            Action::StepToAction => {
                let steps = self.steps;
                for _ in 0..MAX_STATEMENTS_PER_ACTION {
                    self.apply(Action::Step);
                    if self.steps != steps || self.phase != Phase::Paused {
                        break;
                    }
                }
            }
            #[cfg(any(test, feature = "full"))]
            Action::RunUntilSteps(n) => {
                self.apply(Action::Run);
                self.pause_at_steps = (n > self.steps).then_some(n);
            }
            #[cfg(any(test, feature = "full"))]
            Action::Rewind => {
                if matches!(self.phase, Phase::Finished { .. } | Phase::Failed(_)) {
                    self.rewind();
                }
            }
            #[cfg(any(test, feature = "full"))]
            Action::PutBack => {
                if let Some(mine) = self.demo.take() {
                    self.reset();
                    self.source = mine;
                }
            }
        }
    }

    fn reset(&mut self) {
        self.world = world_from(&self.lesson.world, self.seeds[self.variant]);
        self.timeline = Timeline::start(self.world.clone());
        self.goals = check_all(&self.lesson.goals, &self.world);
        self.vm = None;
        self.program = None;
        self.active_line = None;
        self.steps = 0;
        self.cooldown = 0;
        #[cfg(any(test, feature = "full"))]
        {
            self.pause_depth = None;
            self.pause_at_steps = None;
            self.circles = Default::default();
        }
        self.phase = Phase::Ready;
    }

    /// After a success, the next run meets the next variant of the world, so a path learnt
    /// by heart does not pass; after a failure, the same world again.
    fn rewind(&mut self) {
        if self.phase == (Phase::Finished { success: true }) {
            self.variant = (self.variant + 1) % self.seeds.len();
        }
        self.reset();
    }

    /// Compiles the program if no run is under way. False if it cannot run (the problem is
    /// then shown) or has already ended.
    fn start_if_needed(&mut self) -> bool {
        match self.phase {
            Phase::Running | Phase::Paused => return true,
            Phase::Finished { .. } | Phase::Failed(_) => self.rewind(),
            Phase::Ready => {}
        }
        // The lesson's toolbox is checked before the program is compiled: the core app
        // compiles the first unit's blocks only (ARCHITECTURE.md, "Core and full").
        let built = tafukt_lang::read(&self.source, self.lang).and_then(|program| {
            match toolbox_violation(&program, &self.lesson.toolbox, self.lang) {
                Some(d) => Ok((program, Err(d))),
                None => tafukt_lang::compile(&program, self.lang).map(|chunk| (program, Ok(chunk))),
            }
        });
        match built {
            Err(d) => {
                // Half in the language the pupil switched from: read in every language and
                // reprinted in the pupil's, then run (once: the reprint reads in it).
                #[cfg(any(test, feature = "full"))]
                if let Some(text) = translate_any(&self.source, self.lang).filter(|t| *t != self.source) {
                    self.source = text;
                    return self.start_if_needed();
                }
                #[cfg(any(test, feature = "full"))]
                let d = self.nearest_allowed(d, &tafukt_lang::parser::parse(&self.source, self.lang).program);
                self.active_line = Some(line_of(&self.source, &d, None));
                self.phase = Phase::Failed(d);
                false
            }
            Ok((program, Err(d))) => {
                #[cfg(any(test, feature = "full"))]
                let d = self.nearest_allowed(d, &program);
                self.active_line = Some(line_of(&self.source, &d, Some(&program)));
                self.phase = Phase::Failed(d);
                false
            }
            Ok((program, Ok(chunk))) => {
                self.vm = Some(Vm::new(Rc::new(chunk), Limits::default()));
                self.program = Some(program);
                true
            }
        }
    }

    /// A typed line that nearly reads as a block of the lesson: "Did you mean …?" (only text
    /// is typed, and only the full app has the text view).
    #[cfg(any(test, feature = "full"))]
    fn nearest_allowed(&self, d: Diagnostic, program: &Program) -> Diagnostic {
        tafukt_lang::typo::nearest_allowed(d, &self.source, program, self.lang, &self.lesson.toolbox)
    }

    /// Runs until the next robot action (or, when `one_statement`, the next statement) or
    /// until the fuel for one tick is used. True if the robot acted.
    fn advance(&mut self, one_statement: bool) -> bool {
        let Some(vm) = self.vm.as_mut() else { return false };
        let halt = if one_statement {
            step_in(vm, &mut self.world, FUEL_PER_TICK)
        } else {
            run_in(vm, &mut self.world, FUEL_PER_TICK)
        };
        self.take(halt)
    }

    /// Stepping over or out: statement by statement within one tick's fuel, each action
    /// shown as in a run, until the run is about to begin a statement at call depth `target`
    /// or shallower; it pauses there, before that statement (the one after the call is not
    /// run).
    #[cfg(any(test, feature = "full"))]
    fn step_to_depth(&mut self, target: usize) {
        let mut fuel = FUEL_PER_TICK;
        while let Some(vm) = self.vm.as_mut() {
            let before = vm.steps();
            let halt = step_in(vm, &mut self.world, fuel);
            fuel = fuel.saturating_sub(vm.steps() - before);
            let stepped = matches!(halt, Halt::Step { .. });
            let acted = self.take(halt);
            if self.phase != Phase::Running {
                return;
            }
            // An action can end a statement with the next one about to begin.
            let next = self.vm.as_ref().filter(|vm| stepped || (acted && vm.at_statement()));
            if next.is_some_and(|vm| vm.depth() <= target) {
                self.pause_depth = None;
                self.phase = Phase::Paused;
                return;
            }
            if acted {
                self.cooldown = frames_per_action(self.speed).saturating_sub(1);
                return;
            }
            if fuel == 0 {
                return;
            }
        }
    }

    /// What the UI shows of where a run stopped; true if the robot acted.
    fn take(&mut self, halt: Halt) -> bool {
        match halt {
            Halt::Step { node } => {
                self.active_line = self.program.as_ref().map(|p| p.span(node).line(&self.source));
                false
            }
            Halt::Action { node, .. } => {
                self.steps += 1;
                self.active_line = self.program.as_ref().map(|p| p.span(node).line(&self.source));
                self.timeline.record(&self.world, self.active_line);
                self.goals = check_all(&self.lesson.goals, &self.world);
                #[cfg(any(test, feature = "full"))]
                if let Some(d) = self.vm.as_ref().and_then(|vm| self.circles.after_action(vm, &self.world)) {
                    self.fail(d);
                }
                true
            }
            Halt::OutOfFuel => false,
            Halt::Finished => {
                self.goals = check_all(&self.lesson.goals, &self.world);
                let success = all_met(&self.goals);
                if success {
                    self.passed.insert(self.variant);
                    self.passing_blocks = self.program.as_ref().map(Program::block_count);
                } else {
                    self.failed_runs += 1;
                }
                self.phase = Phase::Finished { success };
                self.active_line = None;
                false
            }
            Halt::Faulted(d) => {
                self.fail(d);
                false
            }
        }
    }

    /// Ends the run with `d`, shown at its line.
    fn fail(&mut self, d: tafukt_lang::Diagnostic) {
        let d = fit_to_toolbox(d, &self.lesson.toolbox);
        self.failed_runs += 1;
        self.active_line = Some(line_of(&self.source, &d, self.program.as_ref()));
        self.phase = Phase::Failed(d);
        self.goals = check_all(&self.lesson.goals, &self.world);
    }
}

fn line_of(source: &str, d: &Diagnostic, program: Option<&Program>) -> usize {
    let empty = Program::default();
    d.span(program.unwrap_or(&empty)).line(source)
}

/// The program reprinted in another language, if it parses cleanly and the reprint means
/// the same. Otherwise `None`, and the caller keeps the text exactly as the pupil wrote it.
pub fn translate(source: &str, from: Lang, to: Lang) -> Option<String> {
    if from == to {
        return Some(source.to_string());
    }
    reprint(parse(source, from), to)
}

/// A program typed in a mix of languages (the pupil switched language in the middle of it
/// and went on in the new one), reprinted in `to`, if it reads with the words of all four
/// (`to`'s first where two share one). Full app: the text view is where such a mix is typed.
#[cfg(any(test, feature = "full"))]
pub fn translate_any(source: &str, to: Lang) -> Option<String> {
    reprint(tafukt_lang::parser::parse_with(source, tafukt_lang::lexicon::Lexicon::every_language(to)), to)
}

/// `parsed` printed in `to`, if it parsed cleanly and the reprint means the same.
fn reprint(parsed: tafukt_lang::parser::Parsed, to: Lang) -> Option<String> {
    if !parsed.diagnostics.is_empty() {
        return None;
    }
    let text = print(&parsed.program, to);
    let back = parse(&text, to);
    (back.diagnostics.is_empty() && back.program == parsed.program).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson() -> Rc<Lesson> {
        let text = include_str!("../lessons/first-steps-1.json");
        Rc::new(tafukt_lesson::model::parse_lesson("first-steps-1.json", text).unwrap())
    }

    /// Lesson 1 with every block on its toolbox, for programs that use more than it allows.
    fn open_lesson() -> Rc<Lesson> {
        let mut l = (*lesson()).clone();
        l.toolbox.extend(tafukt_lang::toolbox::Construct::ALL.map(|c| c.key().to_string()));
        Rc::new(l)
    }

    /// The way the robot on the stage faces.
    fn heading(s: &Session) -> &'static str {
        s.shown_world().grid().unwrap().robot.heading.name()
    }

    fn run_all(s: &mut Session) {
        s.apply(Action::SetSpeed(5));
        s.apply(Action::Run);
        ticks_until_paused(s);
    }

    #[test]
    fn the_solution_meets_every_goal_tick_by_tick() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        run_all(&mut s);
        assert_eq!(s.phase, Phase::Finished { success: true });
        assert_eq!(s.steps, 5);
    }

    #[test]
    fn a_typed_near_miss_names_the_lessons_block_and_its_line() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some("move\nturn lft\n".into()));
        s.apply(Action::Run);
        let Phase::Failed(d) = &s.phase else { panic!("{:?}", s.phase) };
        assert_eq!((d.arg("word"), d.arg("suggestion")), (Some("turn lft"), Some("turn left")));
        assert_eq!(s.active_line, Some(2));
        // Lesson 1 offers no `pick up`: no suggestion of it.
        let mut s = Session::new(l, Lang::En, Some("pik\n".into()));
        s.apply(Action::Run);
        let Phase::Failed(d) = &s.phase else { panic!("{:?}", s.phase) };
        assert_eq!((d.arg("word"), d.arg("suggestion")), (Some("pik"), None));
    }

    #[test]
    fn the_starter_finishes_without_success() {
        let mut s = Session::new(lesson(), Lang::En, None);
        assert_eq!(s.source, "move\n");
        run_all(&mut s);
        assert_eq!(s.phase, Phase::Finished { success: false });
    }

    #[test]
    fn step_pauses_after_each_statement_and_highlights_its_line() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        let mut lines = Vec::new();
        for _ in 0..6 {
            s.apply(Action::Step);
            lines.push(s.active_line);
        }
        assert_eq!(s.phase, Phase::Paused);
        // move, turn left, the repeat header, a move, the repeat going round, a move.
        assert_eq!(lines, [Some(1), Some(2), Some(3), Some(4), Some(3), Some(4)]);
        assert_eq!(s.steps, 4);
    }

    #[test]
    fn step_shows_statements_that_do_not_move_the_robot() {
        let mut s = Session::new(open_lesson(), Lang::En, Some("x = 1\nx = x + 1\nmove\n".into()));
        s.apply(Action::Step);
        assert_eq!((s.active_line, s.steps), (Some(1), 0));
        s.apply(Action::Step);
        assert_eq!((s.active_line, s.steps), (Some(2), 0));
        s.apply(Action::Step);
        assert_eq!((s.active_line, s.steps), (Some(3), 1));
    }

    #[test]
    fn slower_speeds_wait_more_frames_between_actions() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        s.apply(Action::SetSpeed(3));
        s.apply(Action::Run);
        for _ in 0..frames_per_action(3) {
            s.apply(Action::Tick);
        }
        assert_eq!(s.steps, 1, "one action, then a pause of {} frames", frames_per_action(3));
        s.apply(Action::Tick);
        assert_eq!(s.steps, 2);
    }

    #[test]
    fn a_loop_without_actions_is_stopped_within_a_few_dozen_frames() {
        let mut s = Session::new(open_lesson(), Lang::En, Some("while true\n  x = 1\nend\n".into()));
        s.apply(Action::Run);
        let mut frames = 0;
        while s.is_running() && frames < 1_000 {
            s.apply(Action::Tick);
            frames += 1;
        }
        assert!(
            matches!(&s.phase, Phase::Failed(d) if d.code == tafukt_lang::Code::LoopLimit),
            "{:?}",
            s.phase
        );
        assert!(frames <= 40, "{frames} frames");
    }

    const JUMPS: &str = "define hop\n  turn left\n  turn right\nend\nhop\nturn left\nhop\n";

    /// Ticks while the session runs (bounded, so a broken session fails the test, not hangs).
    fn ticks_until_paused(s: &mut Session) {
        for _ in 0..100_000 {
            if !s.is_running() {
                return;
            }
            s.apply(Action::Tick);
        }
    }

    #[test]
    fn step_over_runs_a_whole_procedure_call_then_pauses() {
        let mut s = Session::new(open_lesson(), Lang::En, Some(JUMPS.into()));
        s.apply(Action::SetSpeed(5));
        s.apply(Action::StepOver);
        ticks_until_paused(&mut s);
        // Both turns inside `hop` ran, and nothing after it: the robot faces east again and
        // `turn left` (line 6) waits.
        assert_eq!((s.phase.clone(), s.steps), (Phase::Paused, 2));
        assert_eq!(heading(&s), "east");
        // Over a plain action: that action only.
        s.apply(Action::StepOver);
        ticks_until_paused(&mut s);
        assert_eq!((s.phase.clone(), s.steps, heading(&s)), (Phase::Paused, 3, "north"));
        // Over the second call: its two turns, then the end of the program.
        s.apply(Action::StepOver);
        ticks_until_paused(&mut s);
        assert_eq!((s.steps, heading(&s)), (5, "north"));
        assert!(matches!(s.phase, Phase::Finished { .. }), "{:?}", s.phase);
    }

    #[test]
    fn step_over_a_call_in_a_loop_pauses_before_the_loops_next_statement() {
        let source = "define hop\n  turn left\n  turn right\nend\nrepeat 2 times\n  hop\n  move\nend\n";
        let mut s = Session::new(open_lesson(), Lang::En, Some(source.into()));
        s.apply(Action::SetSpeed(5));
        s.apply(Action::Step);
        s.apply(Action::StepOver);
        ticks_until_paused(&mut s);
        assert_eq!((s.phase.clone(), s.steps), (Phase::Paused, 2), "the call only: `move` waits");
    }

    #[test]
    fn step_out_finishes_the_current_procedure() {
        let mut s = Session::new(open_lesson(), Lang::En, Some(JUMPS.into()));
        s.apply(Action::SetSpeed(5));
        s.apply(Action::Step);
        assert_eq!(s.active_line, Some(5), "the call of hop");
        s.apply(Action::Step);
        assert_eq!(s.active_line, Some(2), "stepped into hop");
        s.apply(Action::StepOut);
        ticks_until_paused(&mut s);
        // The rest of `hop` ran (its second turn), not the caller's next statement.
        assert_eq!((s.phase.clone(), s.steps, heading(&s)), (Phase::Paused, 2, "east"));
    }

    fn lesson_with_variants() -> Rc<Lesson> {
        let text = include_str!("../lessons/conditions-2.json");
        Rc::new(tafukt_lesson::model::parse_lesson("conditions-2.json", text).unwrap())
    }

    #[test]
    fn after_a_success_the_next_run_meets_the_next_variant() {
        let l = lesson_with_variants();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        let (_, count) = s.variant();
        let mut flags = std::collections::BTreeSet::new();
        for round in 0..count {
            run_all(&mut s);
            assert_eq!(s.variant().0, round, "each new run after a success moves on");
            assert_eq!(s.phase, Phase::Finished { success: true });
            flags.insert(s.world.grid().unwrap().robot.x);
        }
        assert_eq!(s.variants_passed(), (count, count));
        assert!(flags.len() > 1, "the flag moved between variants");
    }

    #[test]
    fn after_a_failure_the_same_variant_comes_back() {
        let l = lesson_with_variants();
        let mut s = Session::new(l, Lang::En, Some("move\n".into()));
        run_all(&mut s);
        assert_eq!(s.phase, Phase::Finished { success: false });
        s.apply(Action::Run);
        assert_eq!(s.variant().0, 0);
    }

    #[test]
    fn stepping_back_shows_the_world_and_line_of_earlier_actions() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        run_all(&mut s);
        assert_eq!(s.timeline.len(), 6, "the start and five actions");
        s.apply(Action::StepBack);
        assert_eq!((s.shown_world().grid().unwrap().robot.y, s.shown_line()), (1, Some(4)));
        s.apply(Action::Scrub(2));
        assert_eq!(
            (s.shown_world().grid().unwrap().robot.heading.name(), s.shown_line()),
            ("north", Some(2))
        );
        s.apply(Action::Scrub(0));
        assert_eq!(
            (
                s.shown_world().grid().unwrap().robot.x,
                s.shown_world().grid().unwrap().robot.y,
                s.shown_line()
            ),
            (0, 3, None)
        );
        s.apply(Action::Scrub(5));
        assert!(!s.timeline.is_looking_back());
        assert_eq!(s.shown_world(), &s.world);
    }

    #[test]
    fn scrubbing_during_a_run_pauses_it() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        s.apply(Action::SetSpeed(5));
        s.apply(Action::Run);
        s.apply(Action::Tick);
        s.apply(Action::Tick);
        s.apply(Action::Scrub(0));
        assert_eq!(s.phase, Phase::Paused);
        s.apply(Action::Run);
        assert!(!s.timeline.is_looking_back(), "running again follows the live run");
    }

    #[test]
    fn stars_need_every_variant_and_the_star_rule() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        assert_eq!(s.stars(), 0);
        run_all(&mut s);
        assert_eq!(s.stars(), 2, "the solution keeps to at most 4 blocks");
        let long = "move\nturn left\nmove\nmove\nmove\n";
        let mut s = Session::new(l, Lang::En, Some(long.into()));
        run_all(&mut s);
        assert_eq!((s.phase.clone(), s.stars()), (Phase::Finished { success: true }, 1));
        let v = lesson_with_variants();
        let mut s = Session::new(v.clone(), Lang::En, Some(v.solution.clone()));
        run_all(&mut s);
        assert_eq!(s.stars(), 0, "one variant of five is not enough");
    }

    #[test]
    fn each_failed_run_shows_one_more_hint_and_the_starter_can_come_back() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::Fr, Some("avancer\navancer\n".into()));
        assert_eq!(s.hints_shown(), 0);
        run_all(&mut s);
        assert_eq!((s.failed_runs, s.hints_shown()), (1, 1));
        run_all(&mut s);
        assert_eq!(s.hints_shown(), 1, "lesson 1 has one hint");
        s.apply(Action::RestoreStarter);
        assert_eq!((s.source.as_str(), s.phase.clone()), ("avancer\n", Phase::Ready));
        s.apply(Action::UndoRestore);
        assert_eq!(s.source, "avancer\navancer\n", "nothing the pupil wrote is lost");
    }

    #[test]
    fn a_program_finished_in_another_language_after_a_switch_runs_and_is_reprinted() {
        // Half-typed in French (no `fin`): the switch to English cannot reprint it.
        let mut s = Session::new(
            open_lesson(),
            Lang::Fr,
            Some("avancer\ntourner à gauche\nrépéter 3 fois\n  avancer\n".into()),
        );
        s.apply(Action::SetLang(Lang::En));
        assert_eq!(s.source, "avancer\ntourner à gauche\nrépéter 3 fois\n  avancer\n");
        // The pupil goes on in English; Run reads both and puts it all in English.
        let typed = format!("{}end\n", s.source);
        s.apply(Action::Edit(typed));
        run_all(&mut s);
        assert_eq!(s.source, "move\nturn left\nrepeat 3 times\n  move\nend\n");
        assert!(matches!(s.phase, Phase::Finished { success: true }), "{:?}", s.phase);
        // A program that reads in no language is left exactly as typed.
        s.apply(Action::Edit("move\nrepeat\n".into()));
        s.apply(Action::Run);
        assert_eq!(s.source, "move\nrepeat\n");
        assert!(matches!(s.phase, Phase::Failed(_)));
    }

    #[test]
    fn an_endless_loop_ends_with_a_message_not_a_hang() {
        let mut s = Session::new(open_lesson(), Lang::En, Some("while true\n  turn left\nend\n".into()));
        run_all(&mut s);
        // Back where it was after four turns: stopped at once, at the loop (full app).
        assert!(
            matches!(&s.phase, Phase::Failed(d) if d.code == tafukt_lang::Code::EndlessCircle),
            "{:?}",
            s.phase
        );
        assert_eq!((s.active_line, s.steps), (Some(1), 5));
    }

    #[test]
    fn a_syntax_error_points_at_its_line() {
        let mut s = Session::new(lesson(), Lang::En, Some("move\nrepeat times\nend\n".into()));
        s.apply(Action::Run);
        assert!(matches!(s.phase, Phase::Failed(_)));
        assert_eq!(s.active_line, Some(2));
        assert_eq!(s.shown_block(), Some(Slot { path: vec![], index: 1 }));
    }

    #[test]
    fn the_running_block_is_found_by_its_place() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        s.apply(Action::Step);
        assert_eq!(s.shown_block(), Some(Slot { path: vec![], index: 0 }));
        for _ in 0..3 {
            s.apply(Action::Step);
        }
        // Line 4 is the `move` inside `repeat 3 times`.
        assert_eq!(s.shown_line(), Some(4));
        let in_loop = vec![tafukt_lang::blocks::Step { index: 2, body: 0 }];
        assert_eq!(s.shown_block(), Some(Slot { path: in_loop, index: 0 }));
    }

    #[test]
    fn switching_language_reprints_a_clean_program_and_keeps_a_broken_one() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        s.apply(Action::SetLang(Lang::Fr));
        assert_eq!(s.source, "avancer\ntourner à gauche\nrépéter 3 fois\n  avancer\nfin\n");
        s.apply(Action::Edit("avancer\nrépéter\n".into()));
        s.apply(Action::SetLang(Lang::Ar));
        assert_eq!(s.source, "avancer\nrépéter\n");
    }

    #[test]
    fn a_demonstration_steps_through_the_solution_then_puts_the_pupils_program_back() {
        let l = lesson();
        let mine = "avancer\n# mon idée\navancer\n";
        let mut s = Session::new(l, Lang::Fr, Some(mine.into()));
        assert!(!s.demonstrating());
        s.apply(Action::ShowSolution);
        assert!(s.demonstrating());
        assert_eq!(s.source, "avancer\ntourner à gauche\nrépéter 3 fois\n  avancer\nfin\n");
        for _ in 0..6 {
            s.apply(Action::Step);
        }
        assert_eq!((s.phase.clone(), s.shown_line()), (Phase::Paused, Some(4)));
        // Asked twice (a second key press), the pupil's program is still the one kept.
        s.apply(Action::ShowSolution);
        s.apply(Action::SetLang(Lang::En));
        s.apply(Action::PutBack);
        assert!(!s.demonstrating());
        assert_eq!(s.source, "move\n# mon idée\nmove\n", "kept, and reprinted in the new language");
        assert_eq!(s.phase, Phase::Ready);
        s.apply(Action::PutBack);
        assert_eq!(s.source, "move\n# mon idée\nmove\n", "a second put-back changes nothing");
    }

    #[test]
    fn blocks_outside_the_toolbox_are_refused() {
        let mut s = Session::new(lesson(), Lang::En, Some("paint red\n".into()));
        s.apply(Action::Run);
        assert!(matches!(&s.phase, Phase::Failed(d) if d.code == tafukt_lang::Code::NotAllowed));
    }

    /// The toolbox is checked before the program is compiled (the core app compiles the
    /// first unit's blocks only): a block the lesson does not list is named, even where
    /// compiling would have found something else wrong with it.
    #[test]
    fn the_toolbox_is_checked_before_the_program_is_compiled() {
        let l = lesson();
        assert!(!l.toolbox.iter().any(|k| k == "define"));
        // `return` outside a procedure does not compile; it is `define`'s block.
        let mut s = Session::new(l, Lang::En, Some("move\nreturn\n".into()));
        s.apply(Action::Run);
        assert!(
            matches!(&s.phase, Phase::Failed(d) if d.code == tafukt_lang::Code::NotAllowed),
            "{:?}",
            s.phase
        );
        assert_eq!(s.active_line, Some(2));
    }

    #[test]
    fn a_run_can_pause_after_a_number_of_actions_and_rewind_to_the_next_variant() {
        let l = lesson();
        let mut s = Session::new(l.clone(), Lang::En, Some(l.solution.clone()));
        s.apply(Action::SetSpeed(5));
        s.apply(Action::RunUntilSteps(2));
        ticks_until_paused(&mut s);
        assert_eq!((s.phase.clone(), s.steps), (Phase::Paused, 2));
        s.apply(Action::RunUntilSteps(2));
        ticks_until_paused(&mut s);
        assert_eq!(s.phase, Phase::Finished { success: true }, "a target already passed does not stop it");
        let mut varied = (*l).clone();
        let tafukt_world::WorldSpec::Grid(g) = &mut varied.world else { panic!("a grid") };
        g.variants = serde_json::from_str(r#"{"seeds":[1,2],"rules":[]}"#).unwrap();
        let mut s = Session::new(Rc::new(varied), Lang::En, Some(l.solution.clone()));
        run_all(&mut s);
        s.apply(Action::Rewind);
        assert_eq!(
            (s.phase.clone(), s.variant(), s.steps),
            (Phase::Ready, (1, 2), 0),
            "on to the next world"
        );
        s.apply(Action::Rewind);
        assert_eq!(s.variant(), (1, 2), "nothing to rewind before a run");
    }
}
