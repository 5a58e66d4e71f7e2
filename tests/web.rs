//! Browser tests (wasm-bindgen-test in headless Chromium) for the web glue: saving on the
//! device and the page's language direction, plus one engine run inside real wasm.
#![cfg(target_arch = "wasm32")]

use tafukt::services::{page, storage};
use tafukt_lang::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_saved_program_comes_back_with_its_language() {
    let text = "كرر ٣ مرات\n  تقدم\nنهاية\n";
    assert!(storage::save_program("test-lesson", Lang::Ar, text));
    assert_eq!(storage::load_program("test-lesson", Lang::En), Some((Lang::Ar, text.to_string())));
}

#[wasm_bindgen_test]
fn a_corrupt_save_is_kept_as_text_not_lost() {
    assert!(storage::set("program.corrupt", "no language tag here"));
    assert_eq!(
        storage::load_program("corrupt", Lang::Fr),
        Some((Lang::Fr, "no language tag here".to_string()))
    );
}

#[wasm_bindgen_test]
fn arabic_turns_the_page_right_to_left() {
    page::set_language(Lang::Ar);
    let root = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar"));
    page::set_language(Lang::Fr);
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
fn the_first_lesson_solution_passes_inside_wasm() {
    let text = include_str!("../lessons/first-steps-1.json");
    let lesson = tafukt_lesson::model::parse_lesson("first-steps-1.json", text).unwrap();
    assert_eq!(tafukt_lesson::check::passes(&lesson, &lesson.solution), Ok(true));
    assert_eq!(tafukt_lesson::check::passes(&lesson, &lesson.starter), Ok(false));
}

#[wasm_bindgen_test]
fn a_sample_of_golden_programs_runs_the_same_in_wasm() {
    for (name, src) in [
        ("arithmetic", include_str!("programs/arithmetic.tfk")),
        ("recursion", include_str!("programs/recursion.tfk")),
        ("arabic", include_str!("programs/arabic.tfk")),
        ("tamazight", include_str!("programs/tamazight.tfk")),
        ("error-endless-loop", include_str!("programs/error-endless-loop.tfk")),
    ] {
        assert_eq!(tafukt_lesson::golden::check(src), Ok(()), "{name}");
    }
}

/// The arena is in the full app only (run with `--features full`, as the test command does).
#[cfg(feature = "full")]
#[wasm_bindgen_test]
fn the_continuous_robot_follows_the_same_path_in_the_browser() {
    // Pinned natively in crates/world/src/arena.rs: portable maths give the same bits here.
    assert_eq!(tafukt_world::arena::recorded_scenario(), tafukt_world::arena::RECORDED_SCENARIO);
    // A line follower on a bent and curved road: every reading of the floor steers it.
    assert_eq!(tafukt_world::arena::recorded_line_scenario(), tafukt_world::arena::RECORDED_LINE_SCENARIO);
}
