//! Progress and program files: what is written reads back the same (property tests), and
//! every hostile file is refused with its message or cleaned, never a panic.

use proptest::prelude::*;
use tafukt_lang::Lang;
use tafukt_lesson::progress_file::*;

fn known() -> Vec<String> {
    ["first-steps-1", "first-steps-2", "loops-1"].map(String::from).to_vec()
}

fn amina() -> Progress {
    Progress {
        pupil: "Amina".into(),
        date: Some("2026-11-30".into()),
        lessons: vec![
            LessonWork {
                lesson: "first-steps-1".into(),
                stars: 2,
                program: Some(SavedProgram { lang: Lang::En, source: "move\nturn left\n".into() }),
            },
            LessonWork { lesson: "loops-1".into(), stars: 0, program: None },
        ],
    }
}

fn decode(text: &str) -> Result<Decoded, FileError> {
    decode_progress(text.as_bytes(), &known())
}

/// A progress file with `pupil` and one lesson entry (JSON written by hand).
fn file_with(pupil: &str, entry: &str) -> String {
    format!(r#"{{"format":"tafukt-progress","version":1,"pupil":{pupil},"lessons":[{entry}]}}"#)
}

#[test]
fn a_progress_file_reads_back_as_written() {
    let text = encode_progress(&amina()).unwrap();
    assert!(text.contains("\"format\": \"tafukt-progress\""), "{text}");
    assert_eq!(decode(&text), Ok(Decoded { progress: amina(), unknown_lessons: 0 }));
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let text = format!("\u{FEFF}{}", encode_progress(&amina()).unwrap());
    assert_eq!(decode(&text).map(|d| d.progress), Ok(amina()));
}

#[test]
fn size_is_checked_before_parsing() {
    // Not JSON at all, but too big first: the size is the reason given.
    let big = vec![b'x'; MAX_PROGRESS_BYTES + 1];
    assert_eq!(decode_progress(&big, &known()), Err(FileError::TooBig { size_kb: 2049, limit_kb: 2048 }));
    let big = vec![b' '; MAX_PROGRAM_BYTES + 1];
    assert!(matches!(decode_program(&big, "loops-1", &known()), Err(FileError::TooBig { .. })));
}

#[test]
fn broken_files_are_refused() {
    for text in
        ["", "{", "not json", "[]", "null", "\u{0}\u{1}", r#"{"format":"tafukt-progress","version":1"#]
    {
        assert_eq!(decode(text), Err(FileError::Broken), "{text:?}");
    }
    assert_eq!(decode_progress(&[0xFF, 0xFE, b'{'], &known()), Err(FileError::Broken));
    // Right header, wrong shape: a missing name, a stars that is text, an unknown field.
    for entry in [
        r#"{"lesson":"loops-1","stars":"2"}"#,
        r#"{"lesson":"loops-1","extra":1}"#,
        r#"{"lesson":"loops-1","stars":-1}"#,
    ] {
        assert_eq!(decode(&file_with("\"A\"", entry)), Err(FileError::Broken), "{entry}");
    }
}

#[test]
fn a_file_of_another_kind_or_version_says_so() {
    assert_eq!(decode(r#"{"name":"x"}"#), Err(FileError::NotOurs));
    assert_eq!(decode(r#"{"format":"zip","version":1}"#), Err(FileError::NotOurs));
    let program = encode_program(&ProgramFile {
        lesson: "loops-1".into(),
        program: SavedProgram { lang: Lang::Fr, source: "avancer\n".into() },
    })
    .unwrap();
    assert_eq!(decode(&program), Err(FileError::ProgramNotProgress));
    let progress = encode_progress(&amina()).unwrap();
    assert_eq!(decode_program(progress.as_bytes(), "loops-1", &known()), Err(FileError::ProgressNotProgram));
    let newer = progress.replace("\"version\": 1", "\"version\": 7");
    assert_eq!(decode(&newer), Err(FileError::Newer { version: 7 }));
    let zero = progress.replace("\"version\": 1", "\"version\": 0");
    assert_eq!(decode(&zero), Err(FileError::Broken));
}

#[test]
fn lessons_this_course_lacks_are_left_out_and_counted() {
    let text = r#"{"format":"tafukt-progress","version":1,"pupil":"Yuba","lessons":[
        {"lesson":"loops-1","stars":1},{"lesson":"../../etc/passwd","stars":2},
        {"lesson":"future-9","stars":9},{"lesson":"first-steps-1","stars":2}]}"#;
    let decoded = decode(text).unwrap();
    assert_eq!(decoded.unknown_lessons, 2);
    // Course order, whatever the file's.
    let ids: Vec<&str> = decoded.progress.lessons.iter().map(|l| l.lesson.as_str()).collect();
    assert_eq!(ids, ["first-steps-1", "loops-1"]);
}

#[test]
fn stars_out_of_range_duplicates_and_too_many_lessons_are_refused() {
    for stars in ["3", "255", "256", "18446744073709551615"] {
        let entry = format!(r#"{{"lesson":"loops-1","stars":{stars}}}"#);
        assert_eq!(
            decode(&file_with("\"A\"", &entry)),
            Err(FileError::StarsOutOfRange { lesson: "loops-1".into() }),
            "{stars}"
        );
    }
    let twice = r#"{"lesson":"loops-1","stars":1},{"lesson":"loops-1","stars":2}"#;
    assert_eq!(decode(&file_with("\"A\"", twice)), Err(FileError::Duplicate { lesson: "loops-1".into() }));
    let many = vec![r#"{"lesson":"x"}"#; MAX_LESSONS + 1].join(",");
    assert_eq!(decode(&file_with("\"A\"", &many)), Err(FileError::TooManyLessons));
}

#[test]
fn names_are_cleaned_or_refused() {
    // Controls and bidi overrides out (an override would turn "Amina" into "animA"-looking
    // text), spaces made one.
    let hostile = "\"\\u202EAmi\\u0000na\\u2066 \\t\\n Idir\\u200F\\u0007\"";
    assert_eq!(decode(&file_with(hostile, "")).unwrap().progress.pupil, "Amina Idir");
    for empty in ["\"\"", "\"   \"", "\"\\u202E\\u202C\\u0001\""] {
        assert_eq!(decode(&file_with(empty, "")), Err(FileError::NameMissing), "{empty}");
    }
    let long = format!("\"{}\"", "ⴰ".repeat(MAX_NAME_CHARS + 1));
    assert_eq!(decode(&file_with(&long, "")), Err(FileError::NameTooLong));
    let just = format!("\"{}\"", "ⴰ".repeat(MAX_NAME_CHARS));
    assert!(decode(&file_with(&just, "")).is_ok());
    // Arabic and Tifinagh names keep their joiners.
    assert_eq!(clean_name("ⵜⴰⴼⵓⴽⵜ\u{200D}ⵜ"), Ok("ⵜⴰⴼⵓⴽⵜ\u{200D}ⵜ".into()));
}

#[test]
fn html_and_script_stay_plain_text() {
    let name = r#"<img src=x onerror="alert(1)">"#;
    let source = "say \"<script>alert('x')</script>\"\n# </textarea><b>bold</b>\n";
    let progress = Progress {
        pupil: name.into(),
        date: None,
        lessons: vec![LessonWork {
            lesson: "loops-1".into(),
            stars: 1,
            program: Some(SavedProgram { lang: Lang::Ar, source: source.into() }),
        }],
    };
    let back = decode(&encode_progress(&progress).unwrap()).unwrap().progress;
    assert_eq!(back.pupil, name);
    assert_eq!(back.lessons[0].program.as_ref().unwrap().source, source);
}

#[test]
fn sources_are_cleaned_and_bounded() {
    let entry =
        r#"{"lesson":"loops-1","program":{"lang":"fr","source":"avancer\r\n\u202Eavancer\u0000\r\tfin"}}"#;
    let lesson = &decode(&file_with("\"A\"", entry)).unwrap().progress.lessons[0];
    assert_eq!(lesson.program.as_ref().unwrap().source, "avancer\navancer\n\tfin");
    let bad_lang = r#"{"lesson":"loops-1","program":{"lang":"xx","source":"move"}}"#;
    assert_eq!(decode(&file_with("\"A\"", bad_lang)), Err(FileError::UnknownLanguage));
    let long = format!(
        r#"{{"lesson":"loops-1","program":{{"lang":"en","source":"{}"}}}}"#,
        "m".repeat(MAX_SOURCE_BYTES + 1)
    );
    assert_eq!(
        decode(&file_with("\"A\"", &long)),
        Err(FileError::ProgramTooLong { lesson: "loops-1".into() })
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for open in ["[", "{\"a\":"] {
        let deep = format!(r#"{{"format":"tafukt-progress","version":1,"x":{}"#, open.repeat(200_000));
        assert!(deep.len() <= MAX_PROGRESS_BYTES * 2);
        let bytes = &deep.as_bytes()[..deep.len().min(MAX_PROGRESS_BYTES)];
        assert_eq!(decode_progress(bytes, &known()), Err(FileError::Broken));
        let bytes = &deep.as_bytes()[..deep.len().min(MAX_PROGRAM_BYTES)];
        assert_eq!(decode_program(bytes, "loops-1", &known()), Err(FileError::Broken));
    }
}

#[test]
fn a_program_file_belongs_to_its_lesson() {
    let file = ProgramFile {
        lesson: "first-steps-2".into(),
        program: SavedProgram { lang: Lang::Zgh, source: "ⴰⵎⵓⵙⵙⵓ\n".into() },
    };
    let text = encode_program(&file).unwrap();
    assert_eq!(decode_program(text.as_bytes(), "first-steps-2", &known()), Ok(file));
    assert_eq!(
        decode_program(text.as_bytes(), "loops-1", &known()),
        Err(FileError::OtherLesson { lesson: "first-steps-2".into() })
    );
    let far = text.replace("first-steps-2", &format!("{}\u{202E}", "z".repeat(100)));
    let Err(FileError::UnknownLesson { lesson }) = decode_program(far.as_bytes(), "loops-1", &known()) else {
        panic!("an unknown lesson is refused");
    };
    assert_eq!(lesson, format!("{}…", "z".repeat(40)));
    // Strict like the progress file: an unknown field is refused.
    let extra = text.replacen('{', r#"{"run_on_open": true,"#, 1);
    assert_eq!(decode_program(extra.as_bytes(), "first-steps-2", &known()), Err(FileError::Broken));
}

#[test]
fn what_is_written_is_never_too_big_to_read() {
    let mut big = amina();
    big.lessons = (0..100)
        .map(|i| LessonWork {
            lesson: format!("l{i}"),
            stars: 1,
            program: Some(SavedProgram { lang: Lang::En, source: "\"".repeat(MAX_SOURCE_BYTES) }),
        })
        .collect();
    assert!(matches!(encode_progress(&big), Err(FileError::TooBig { .. })));
    let longest = ProgramFile {
        lesson: "loops-1".into(),
        program: SavedProgram { lang: Lang::En, source: "\"".repeat(MAX_SOURCE_BYTES) },
    };
    let text = encode_program(&longest).unwrap();
    assert!(decode_program(text.as_bytes(), "loops-1", &known()).is_ok());
}

#[test]
fn file_names_keep_letters_of_any_script() {
    assert_eq!(progress_file_name("Amina B.", Some("2026-11-30")), "tafukt-Amina-B-2026-11-30.json");
    assert_eq!(progress_file_name("../<b>", None), "tafukt-b.json");
    assert_eq!(progress_file_name("أمينة", Some("not a date")), "tafukt-أمينة.json");
    assert_eq!(program_file_name("loops-1"), "tafukt-loops-1.json");
}

#[test]
fn every_refusal_has_its_message_in_every_language() {
    for lang in Lang::ALL {
        let messages = tafukt_i18n::parse_catalog(tafukt_i18n::embedded(lang).unwrap());
        for error in FileError::examples() {
            let text =
                messages.get(error.key()).unwrap_or_else(|| panic!("{}: no {}", lang.tag(), error.key()));
            for (name, _) in error.args() {
                assert!(
                    text.contains(&format!("{{{name}}}")),
                    "{}: {} lacks {{{name}}}",
                    lang.tag(),
                    error.key()
                );
            }
        }
    }
}

#[test]
fn merging_keeps_the_best_stars_and_never_replaces_a_different_program() {
    let program = |s: &str| Some(SavedProgram { lang: Lang::En, source: s.into() });
    let device = vec![
        LessonWork { lesson: "first-steps-1".into(), stars: 1, program: program("turn left\n") },
        LessonWork { lesson: "first-steps-2".into(), stars: 2, program: program("  \n") },
        LessonWork { lesson: "loops-1".into(), stars: 2, program: program("move") },
    ];
    let incoming = Progress {
        pupil: "A".into(),
        date: None,
        lessons: vec![
            LessonWork { lesson: "first-steps-1".into(), stars: 2, program: program("move\n") },
            LessonWork { lesson: "first-steps-2".into(), stars: 1, program: program("move") },
            LessonWork { lesson: "loops-1".into(), stars: 0, program: program("move\n") },
        ],
    };
    let m = merge(&device, &incoming);
    assert_eq!(m.stars, vec![("first-steps-1".to_string(), 2)]);
    // An empty program on the device is no work: the file's comes in.
    assert_eq!(m.programs, vec![("first-steps-2".to_string(), program("move").unwrap())]);
    assert_eq!(m.conflicts, vec![("first-steps-1".to_string(), program("move\n").unwrap())]);
    assert_eq!(m.unchanged, 1);
    assert!(m.changes());
    assert!(!merge(&device, &Progress { lessons: vec![], ..incoming }).changes());
}

fn lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

fn work() -> impl Strategy<Value = LessonWork> {
    (0..3usize, 0..=MAX_STARS, prop::option::of((lang(), any::<String>()))).prop_map(|(i, stars, p)| {
        LessonWork {
            lesson: known()[i].clone(),
            stars,
            program: p.map(|(lang, source)| SavedProgram { lang, source }),
        }
    })
}

proptest! {
    #[test]
    fn progress_round_trips(pupil in "\\PC{1,40}", lessons in prop::collection::vec(work(), 0..4)) {
        let mut lessons = lessons;
        lessons.sort_by_key(|l| known().iter().position(|k| *k == l.lesson));
        lessons.dedup_by(|a, b| a.lesson == b.lesson);
        let Ok(pupil) = clean_name(&pupil) else { return Ok(()) };
        let progress = Progress { pupil, date: Some("2026-01-02".into()), lessons };
        let decoded = decode(&encode_progress(&progress).unwrap()).unwrap();
        // What comes back is what was written, its sources cleaned; cleaning is idempotent.
        let mut cleaned = progress.clone();
        for l in &mut cleaned.lessons {
            if let Some(p) = &mut l.program {
                p.source = clean_source(&p.source);
            }
        }
        prop_assert_eq!(&decoded.progress, &cleaned);
        prop_assert_eq!(decode(&encode_progress(&decoded.progress).unwrap()).unwrap().progress, cleaned);
    }

    #[test]
    fn program_round_trips(i in 0..3usize, lang in lang(), source in "\\PC{0,200}") {
        let file = ProgramFile { lesson: known()[i].clone(), program: SavedProgram { lang, source: clean_source(&source) } };
        let text = encode_program(&file).unwrap();
        prop_assert_eq!(decode_program(text.as_bytes(), &file.lesson, &known()), Ok(file));
    }

    #[test]
    fn any_bytes_give_a_result_not_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_progress(&bytes, &known());
        let _ = decode_program(&bytes, "loops-1", &known());
    }

    #[test]
    fn whatever_a_well_formed_file_holds_what_is_read_is_clean(
        pupil in any::<String>(),
        entries in prop::collection::vec(
            (
                prop::sample::select(vec!["loops-1", "first-steps-1", "x", ""]),
                prop_oneof![0..=3u64, any::<u64>()],
                prop::option::of((prop::sample::select(vec!["en", "ar", "xx"]), any::<String>())),
            ),
            0..5,
        ),
    ) {
        let lessons: Vec<serde_json::Value> = entries.iter().map(|(lesson, stars, program)| {
            let mut entry = serde_json::json!({ "lesson": lesson, "stars": stars });
            if let Some((lang, source)) = program {
                entry["program"] = serde_json::json!({ "lang": lang, "source": source });
            }
            entry
        }).collect();
        let file =
            serde_json::json!({ "format": "tafukt-progress", "version": 1, "pupil": pupil, "lessons": lessons });
        if let Ok(d) = decode(&file.to_string()) {
            let hidden = |c: char| {
                c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
            };
            prop_assert!(!d.progress.pupil.is_empty() && d.progress.pupil.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!d.progress.pupil.chars().any(hidden));
            for l in &d.progress.lessons {
                prop_assert!(l.stars <= MAX_STARS && known().contains(&l.lesson));
                if let Some(p) = &l.program {
                    prop_assert!(p.source.len() <= MAX_SOURCE_BYTES);
                    prop_assert!(!p.source.chars().any(|c| c != '\n' && c != '\t' && hidden(c)));
                }
            }
        }
    }

    #[test]
    fn a_damaged_file_gives_a_result_not_a_panic(at in 0..400usize, byte in any::<u8>()) {
        let mut bytes = encode_progress(&amina()).unwrap().into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(d) = decode_progress(&bytes, &known()) {
            prop_assert!(d.progress.lessons.iter().all(|l| l.stars <= MAX_STARS));
        }
    }
}

#[test]
fn the_sample_files_read() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/files/");
    let progress = std::fs::read(format!("{dir}amina.progress.json")).unwrap();
    let decoded = decode_progress(&progress, &known()).unwrap();
    assert_eq!(decoded.progress.pupil, "Amina");
    assert_eq!(decoded.progress.lessons.len(), 3);
    let program = std::fs::read(format!("{dir}loops-1.program.json")).unwrap();
    assert_eq!(decode_program(&program, "loops-1", &known()).unwrap().program.lang, Lang::Zgh);
}
