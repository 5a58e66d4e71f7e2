//! Lists a program reads and changes (`item`, `length of`, `add`, `remove item`, `replace
//! item`): what they do, in every language, and the messages of what goes wrong, each at its
//! line. The nasty cases first: a list grown without end, a list added to itself, a long
//! list copied again and again: each ends at a limit, quickly.

use std::rc::Rc;

use tafukt_lang::host::NullHost;
use tafukt_lang::{Halt, Lang, Limits, Program, Vm};

/// A diagnostic's key, line and arguments.
type Ended = (String, usize, Vec<(&'static str, String)>);

/// What a run said, and how it ended: with a diagnostic, or `None` when it finished.
fn run(src: &str, lang: Lang) -> (Vec<String>, Option<Ended>) {
    let (program, chunk) = match tafukt_lang::build(src, lang) {
        Ok(built) => built,
        Err(d) => return (vec![], Some((d.code.key(), d.span(&Program::default()).line(src), d.args))),
    };
    let mut vm = Vm::new(Rc::new(chunk), Limits::default());
    let mut host = NullHost::default();
    let end = loop {
        match vm.run(&mut host, 100_000) {
            Halt::Finished => break None,
            Halt::Faulted(d) => break Some((d.code.key(), d.span(&program).line(src), d.args)),
            _ => {}
        }
    };
    (host.said, end)
}

fn ends_with(src: &str, key: &str, line: usize) -> Vec<(&'static str, String)> {
    match run(src, Lang::En).1 {
        Some((k, l, args)) if k == key && l == line => args,
        other => panic!("{src}: {other:?}"),
    }
}

#[test]
fn a_list_grown_without_end_stops_at_the_list_limit() {
    ends_with("l = []\nwhile true\n  add 1 to l\nend\n", "run.list-too-long", 3);
}

#[test]
fn a_list_added_to_itself_stops_growing_with_a_message() {
    ends_with("l = [1]\nwhile true\n  add l to l\nend\n", "run.list-too-long", 3);
    ends_with("l = []\nwhile true\n  add l to l\nend\n", "run.list-too-long", 3);
}

#[test]
fn copying_a_long_list_again_and_again_is_work_the_step_limit_sees() {
    // Every change copies the list: 10,000 items each time.
    let src = "l = 1 to 9999\nwhile true\n  replace item 1 of l with 0\nend\n";
    let started = std::time::Instant::now();
    ends_with(src, "run.step-limit", 2);
    // Printed, not asserted (benchmarks measure time): a few tenths of a second.
    println!("10,000-item list copied until the step limit: {:?}", started.elapsed());
}

#[test]
fn items_are_counted_from_one_and_changes_stay_in_the_variable() {
    let src =
        "scores = [3, 5, 2]\nadd 8 to scores\nremove item 1 of scores\nreplace item 2 of scores with 7\n\
               say scores\nsay item 3 of scores\nsay length of scores + 1\nsay length of \"olive\"\n";
    let (said, end) = run(src, Lang::En);
    assert_eq!(end, None);
    assert_eq!(said, ["[5, 7, 8]", "8", "4", "5"]);
}

#[test]
fn a_procedure_changes_the_list_of_the_main_program_and_a_copy_is_not_changed() {
    let src = "define note(n)\n  add n to seen\nend\nseen = []\ncopy = seen\nnote(4)\nnote(2)\n\
               say seen\nsay copy\n";
    let (said, end) = run(src, Lang::En);
    assert_eq!(end, None);
    assert_eq!(said, ["[4, 2]", "[]"]);
}

#[test]
fn the_same_program_runs_alike_in_every_language() {
    let programs = [
        (Lang::Fr, "notes = [3, 5]\najouter 8 dans notes\nremplacer élément 1 de notes par 1\ndire élément 1 de notes + longueur de notes\n"),
        (Lang::Ar, "ن = [3، 5]\nأضف 8 إلى ن\nاستبدل العنصر 1 من ن ب 1\nقل العنصر 1 من ن + طول ن\n"),
        (Lang::Zgh, "ⵉⵎⴹⴰⵏ = [3, 5]\nⵔⵏⵓ 8 ⴳ ⵉⵎⴹⴰⵏ\nⵙⵏⴼⵍ ⴰⴼⵔⴷⵉⵙ 1 ⵏ ⵉⵎⴹⴰⵏ ⵙ 1\nⵉⵏⵉ ⴰⴼⵔⴷⵉⵙ 1 ⵏ ⵉⵎⴹⴰⵏ + ⵜⵉⵖⵣⵉ ⵏ ⵉⵎⴹⴰⵏ\n"),
    ];
    for (lang, src) in programs {
        let (said, end) = run(src, lang);
        assert_eq!((said.as_slice(), end), (["4".to_string()].as_slice(), None), "{lang:?}: {src}");
    }
}

#[test]
fn a_position_outside_the_list_says_which_positions_there_are() {
    let args = ends_with("l = [4, 6]\nsay item 3 of l\n", "run.list-position", 2);
    assert_eq!(args, [("position", "3".to_string()), ("count", "2".to_string())]);
    ends_with("l = [4, 6]\nremove item 0 of l\n", "run.list-position", 2);
    ends_with("l = [4, 6]\nreplace item 1.5 of l with 1\n", "run.list-position", 2);
    let args = ends_with("l = []\nsay 1\nremove item 1 of l\n", "run.list-empty", 3);
    assert_eq!(args, [("position", "1".to_string())]);
}

#[test]
fn a_list_built_in_on_something_else_is_named() {
    ends_with("n = 4\nadd 1 to n\n", "run.needs-list", 2);
    ends_with("say item 1 of 7\n", "run.needs-list", 1);
    ends_with("say length of true\n", "run.needs-list", 1);
    // Only a variable's list can change.
    ends_with("move\nadd 1 to [1, 2]\n", "compile.list-needs-variable", 2);
    // A missing word between the values.
    let args = ends_with("l = [1]\nsay item 1 l\n", "parse.expected-word", 2);
    assert_eq!(args, [("word", "of".to_string())]);
    let fr = run("l = [1]\nremplacer élément 1 de l 5\n", Lang::Fr).1.unwrap();
    assert_eq!((fr.0.as_str(), fr.2), ("parse.expected-word", vec![("word", "par".to_string())]));
}
