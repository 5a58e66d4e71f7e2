//! One case per diagnostic code: a program that triggers it, the exact source text the
//! diagnostic points at, and the English message a pupil reads. The same cases are
//! snapshotted in French, Arabic and Tamazight.

use tafukt_i18n::Catalog;
use tafukt_lang::{Code, Diagnostic, Halt, Lang, Limits};
use tafukt_lesson::runner::{run_to_end, toolbox_violation};
use tafukt_world::WorldSpec;

const WORLD: &str = r#"{"grid":{"width":3,"height":3,"robot":{"x":0,"y":0,"heading":"east"}}}"#;
/// The continuous world, for the faults only it can raise.
const ARENA: &str = r#"{"arena":{"width":100,"height":60,"robot":{"x":20,"y":30,"heading":0}}}"#;

struct Case {
    key: &'static str,
    source: String,
    limits: Limits,
    /// The source text the diagnostic points at.
    at: &'static str,
    english: &'static str,
}

fn case(key: &'static str, source: &str, at: &'static str, english: &'static str) -> Case {
    Case { key, source: source.to_string(), limits: Limits::default(), at, english }
}

fn cases() -> Vec<Case> {
    let small = |l: Limits| l;
    let mut deep = "say ".to_string();
    deep.push_str(&"(".repeat(200));
    deep.push('1');
    deep.push_str(&")".repeat(200));
    // Built once; the cases hold “&'static str”.
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let variables: String = (0..=1000).map(|i| format!("v{i} = 0\n")).collect();
    let params: Vec<String> = (0..=100).map(|i| format!("p{i}")).collect();
    let define = leak(format!("define f({})\nend", params.join(", ")));
    vec![
        case("parse.unexpected-char", "@", "@", "I don't know the sign “@”. Remove it."),
        case("parse.unclosed-text", "say \"hi", "\"hi", "This text has no closing quote. End it with “\"”."),
        case(
            "parse.number-too-long",
            "say 1234567890123456",
            "1234567890123456",
            "This number is too long. Use at most 15 digits, and at most 6 after the point.",
        ),
        case(
            "parse.repeat-needs-count",
            "repeat times\nend",
            "repeat",
            "“repeat” needs a number of times, like “repeat 4 times”.",
        ),
        case(
            "parse.repeat-needs-times",
            "repeat 4\nend",
            "repeat 4",
            "Write “times” after the number, like “repeat 4 times”.",
        ),
        case(
            "parse.missing-end",
            "repeat 2 times\n  move\n",
            "repeat",
            "This “repeat” has no “end”. Add “end” after its blocks.",
        ),
        case(
            "parse.stray-end",
            "move\nend",
            "end",
            "This “end” has nothing to close. Remove it, or check the lines above.",
        ),
        case("parse.stray-else", "else", "else", "This “else” must come inside an “if … end”."),
        case(
            "parse.needs-condition",
            "if\nend",
            "if",
            "“if” needs a question to check, like “if wall ahead”.",
        ),
        case(
            "parse.expected-value",
            "x = times",
            "times",
            "A value is missing here, like a number or “wall ahead”.",
        ),
        case("parse.unknown-word", "mvoe", "mvoe", "I don't know “mvoe”. Did you mean “move”?"),
        case(
            "parse.extra-on-line",
            "move move",
            "move",
            "Something extra is on this line. Put one command per line.",
        ),
        case(
            "parse.for-each-shape",
            "for each 3 in x\nend",
            "for each",
            "Write it like “for each x in [1, 2, 3]”.",
        ),
        case(
            "parse.define-needs-name",
            "define\nend",
            "define",
            "Give your new block a name, like “define jump”.",
        ),
        case("parse.unclosed-paren", "say (1 + 2", "(", "This bracket “(” is never closed. Add “)”."),
        case("parse.unclosed-list", "say [1, 2", "[", "This list is never closed. Add “]”."),
        Case {
            key: "parse.too-deep",
            source: deep,
            limits: Limits::default(),
            at: "(",
            english: "This is nested too deeply. Split it into smaller blocks with “define”.",
        },
        case(
            "parse.program-too-long",
            &"move\n".repeat(200_001),
            "",
            "This program is too long (more than 20000 letters). Keep only what you need, or split it into smaller programs.",
        ),
        case(
            "compile.too-many-variables",
            &variables,
            "v1000 = 0",
            "This program uses too many names for values (more than 1000). Keep many values in one list instead.",
        ),
        case(
            "compile.too-many-parameters",
            define,
            define,
            "This block takes too many values (more than 100). Put some of them in a list.",
        ),
        case(
            "run.list-too-deep",
            "l = []\nrepeat 200 times\n  l = [l]\nend",
            "[l]",
            "This list has lists inside lists too many times (more than 100 levels). Put fewer lists inside each other.",
        ),
        case(
            "parse.sensor-as-statement",
            "wall ahead",
            "wall ahead",
            "“wall ahead” is a question, not a command. Use it with “if” or “while”, like “if wall ahead”.",
        ),
        case(
            "parse.action-as-value",
            "x = move",
            "move",
            "“move” is a command, not a value. Put it on a line of its own.",
        ),
        case("parse.wrong-arg-count", "paint", "paint", "“paint” needs 1 value."),
        case(
            "parse.expected-statement",
            "times",
            "times",
            "“times” cannot start a line. Start with a command, like “move”.",
        ),
        case(
            "compile.return-outside-define",
            "return 1",
            "return 1",
            "“return” only works inside a block you “define”.",
        ),
        case(
            "compile.define-not-at-top",
            "repeat 2 times\n  define f\n  end\nend",
            "define f\n  end",
            "Put “define” at the left edge, not inside another block.",
        ),
        case(
            "compile.duplicate-define",
            "define f\nend\ndefine f\nend",
            "define f\nend",
            "There are two blocks called “f”. Give one another name.",
        ),
        Case {
            key: "run.step-limit",
            source: "while true\n  x = 1\nend".into(),
            limits: small(Limits { max_steps: 100, ..Limits::default() }),
            at: "while true\n  x = 1\nend",
            english:
                "The program ran for too long (100 steps) and was stopped. Is there a loop that never ends?",
        },
        case(
            "run.action-limit",
            "x = 0\nwhile true\n  turn left\n  x = x + 1\nend",
            "turn left",
            "The robot did 5000 actions and was stopped. Is there a loop that never ends?",
        ),
        case(
            "run.negative-repeat",
            "n = 2 - 5\nrepeat n times\n  move\nend",
            "n",
            "“repeat” needs a number of times of 0 or more, but got -3.",
        ),
        case(
            "run.endless-circle",
            "while true\n  turn left\nend",
            "while true\n  turn left\nend",
            "The robot goes round in circles: everything is back as it was 4 actions ago, so this loop can never end.",
        ),
        case(
            "run.loop-limit",
            "while true\nend",
            "while true\nend",
            "This loop ran 1000000 times and was stopped. Does it ever end?",
        ),
        case(
            "run.call-depth",
            "define f\n  f\nend\nf",
            "f",
            "Blocks called each other too deeply (200 at once). Does your block call itself forever?",
        ),
        Case {
            key: "run.list-too-long",
            source: "x = [1, 2, 3]".into(),
            limits: small(Limits { max_list_len: 2, ..Limits::default() }),
            at: "[1, 2, 3]",
            english: "This list became too long (more than 2 items).",
        },
        Case {
            key: "run.text-too-long",
            source: "say \"ab\" + \"cd\"".into(),
            limits: small(Limits { max_text_len: 3, ..Limits::default() }),
            at: "\"ab\" + \"cd\"",
            english: "This text became too long (more than 3 letters).",
        },
        case("run.no-value", "say y", "y", "“y” has no value yet. Give it one first, like “y = 0”."),
        case("run.not-a-number", "say 1 - true", "1 - true", "“-” needs a number here, but got “true”."),
        case(
            "run.not-a-boolean",
            "if 3\nend",
            "3",
            "This needs a yes-or-no question, like “wall ahead”, but got “3”.",
        ),
        case(
            "run.not-a-list",
            "for each x in 3\nend",
            "3",
            "“for each” needs a list, like “[1, 2, 3]”, but got “3”.",
        ),
        case("run.needs-list", "n = 2\nadd 1 to n", "add 1 to n", "This needs a list, like “[1, 2, 3]”, but got “2”."),
        case(
            "run.list-position",
            "l = [4, 6]\nsay item 3 of l",
            "item 3 of l",
            "There is no item 3 in this list: its items are numbered from 1 to 2.",
        ),
        case("run.list-empty", "l = []\nremove item 1 of l", "remove item 1 of l", "This list is empty, so it has no item 1."),
        case(
            "compile.list-needs-variable",
            "add 1 to [2]",
            "[2]",
            "Only a list kept in a variable can change: put the variable’s name here.",
        ),
        case("parse.expected-word", "l = [1]\nsay item 1 l", "l", "“of” is missing here, between two values."),
        case("run.divide-by-zero", "say 1 / 0", "1 / 0", "You cannot divide by zero."),
        case("run.not-allowed", "move\nsay 1", "say 1", "“say” is not used in this lesson. Its blocks are: move, turn left."),
        case(
            "world.hit-wall",
            "turn left\nmove",
            "move",
            "The robot bumped into a wall. Check with “wall ahead” before you “move”.",
        ),
        case(
            "world.nothing-to-pick-up",
            "pick up",
            "pick up",
            "There is nothing here to pick up. Check with “on item” first.",
        ),
        case(
            "world.bag-empty",
            "put down",
            "put down",
            "The robot's bag is empty, so there is nothing to put down.",
        ),
        case(
            "world.unknown-colour",
            "paint \"purple\"",
            "paint \"purple\"",
            "The robot only knows the colours red, green, blue, yellow, black and white.",
        ),
        case(
            "world.not-in-this-world",
            "wait 1",
            "wait 1",
            "“wait” works only for the robot on wheels, not in this world.",
        ),
        case(
            "world.grid-only",
            "move",
            "move",
            "“move” works only in the grid world, not for the robot on wheels.",
        ),
    ]
}

/// The diagnostic a pupil would see first, and the text it points at.
fn diagnose(c: &Case) -> (Diagnostic, String) {
    let world: WorldSpec =
        serde_json::from_str(if c.key == "world.grid-only" { ARENA } else { WORLD }).unwrap();
    let (d, program) = match run_to_end(&c.source, Lang::En, &world, 0, c.limits) {
        Err(d) => (d, Default::default()),
        Ok(o) => {
            let toolbox = vec!["move".to_string(), "turn_left".to_string()];
            if c.key == "run.not-allowed" {
                (toolbox_violation(&o.program, &toolbox, Lang::En).expect("a violation"), o.program)
            } else {
                match o.halt {
                    Halt::Faulted(d) => (d, o.program),
                    other => panic!("{}: no diagnostic, halted {other:?}", c.key),
                }
            }
        }
    };
    let span = d.span(&program);
    let at = c.source[span.start..span.end].to_string();
    (d, at)
}

#[test]
fn every_code_has_a_case() {
    let keys: Vec<&str> = cases().iter().map(|c| c.key).collect();
    for code in Code::every() {
        assert!(keys.contains(&code.key().as_str()), "no case for {}", code.key());
    }
    for fault in tafukt_world::Fault::ALL {
        assert!(keys.contains(&format!("world.{}", fault.key()).as_str()), "no case for {}", fault.key());
    }
}

#[test]
fn each_diagnostic_pins_code_place_and_english_words() {
    let en = Catalog::new(Lang::En);
    let mut failures = Vec::new();
    for c in cases() {
        let (d, at) = diagnose(&c);
        let message = en.diagnostic(&d);
        if d.code.key() != c.key || at != c.at || message != c.english {
            failures.push(format!(
                "{}: got {} at {at:?}: {message}\n   want {} at {:?}: {}",
                c.key,
                d.code.key(),
                c.key,
                c.at,
                c.english
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn messages_in_french_arabic_and_tamazight() {
    for lang in [Lang::Fr, Lang::Ar, Lang::Zgh] {
        let catalog = Catalog::new(lang);
        let text: String =
            cases().iter().map(|c| format!("{}: {}\n", c.key, catalog.diagnostic(&diagnose(c).0))).collect();
        insta::assert_snapshot!(format!("diagnostics_{}", lang.tag()), text);
    }
}

/// A bump in a lesson without “wall ahead” (lesson 1) gives advice the pupil can follow with
/// the blocks they have; with “wall ahead” in the toolbox, the advice names it.
#[test]
fn world_faults_advise_only_blocks_the_lesson_has() {
    let spec: tafukt_world::WorldSpec =
        serde_json::from_str(r#"{"grid":{"width":2,"height":1,"robot":{"x":0,"y":0,"heading":"east"}}}"#)
            .unwrap();
    let o = tafukt_lesson::run_to_end("move\nmove\n", Lang::En, &spec, 1, tafukt_lang::Limits::default())
        .unwrap();
    let Halt::Faulted(d) = o.halt else { panic!("{:?}", o.halt) };
    let toolbox = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    let fit = |keys: &[&str]| tafukt_lesson::runner::fit_to_toolbox(d.clone(), &toolbox(keys));
    for lang in Lang::ALL {
        let catalog = Catalog::new(lang);
        let wall_ahead = tafukt_lang::lexicon::spelling(
            lang,
            tafukt_lang::lexicon::Term::Builtin(tafukt_lang::Builtin::WallAhead),
        );
        let without = catalog.diagnostic(&fit(&["move", "turn_left", "repeat"]));
        assert!(!without.contains(wall_ahead), "{lang:?}: {without}");
        assert_ne!(without, catalog.diagnostic(&d), "{lang:?}: a message of its own");
        let with = catalog.diagnostic(&fit(&["move", "wall_ahead", "if"]));
        assert!(with.contains(wall_ahead), "{lang:?}: {with}");
        assert_eq!(catalog.diagnostic(&fit(&[])), with, "an empty toolbox allows everything");
    }
}
