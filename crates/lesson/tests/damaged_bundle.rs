//! A bundled lesson (`lessons/<lang>/<id>.bin`) that decodes but could not have come from a
//! checked source (a damaged or tampered file) is refused as damaged, with the app's words,
//! never built into a world; the same lesson as JSON is refused with the author's words.

use tafukt_lesson::model::{parse_lesson, read_bundled_lesson, to_bundled};
use tafukt_world::WorldSpec;

fn first_lesson() -> tafukt_lesson::Lesson {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../lessons/first-steps-1.json");
    parse_lesson("first-steps-1.json", &std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_sound_bundle_reads_back() {
    let lesson = first_lesson();
    assert_eq!(read_bundled_lesson("en/first-steps-1.bin", &to_bundled(&lesson).unwrap()), Ok(lesson));
}

/// A change that breaks one of the rules every lesson keeps.
type Breaks = fn(&mut tafukt_lesson::Lesson);

#[test]
fn a_bundle_that_breaks_a_rule_is_damaged_and_its_json_says_why() {
    let breakers: [(&str, Breaks); 4] = [
        ("world: robot at (40, 3) is outside the grid", |l| {
            let WorldSpec::Grid(g) = &mut l.world else { unreachable!() };
            g.robot.x = 40;
        }),
        ("world: grid size 0×1 must be between 1 and 100", |l| {
            let WorldSpec::Grid(g) = &mut l.world else { unreachable!() };
            (g.width, g.height) = (0, 1);
            g.robot.x = 0;
        }),
        ("toolbox names `fly`, which is not a built-in or a block", |l| l.toolbox.push("fly".into())),
        ("a lesson needs at least one goal", |l| l.goals.clear()),
    ];
    for (why, breaks) in breakers {
        let mut lesson = first_lesson();
        breaks(&mut lesson);
        let err = read_bundled_lesson("en/first-steps-1.bin", &to_bundled(&lesson).unwrap()).unwrap_err();
        assert_eq!(
            (err.file.as_str(), err.problem.as_str()),
            ("en/first-steps-1.bin", "the file is damaged or from another version")
        );
        let json = serde_json::to_string(&lesson).unwrap();
        assert_eq!(parse_lesson("first-steps-1.json", &json).unwrap_err().problem, why);
    }
}
