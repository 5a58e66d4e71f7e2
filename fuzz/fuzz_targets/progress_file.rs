//! Fuzz target: any bytes as a pupil's progress file and as a program file, read as the app
//! reads files a pupil or teacher picks: a typed refusal or a value, never a panic, and what
//! is read writes back to a file that reads as the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tafukt_lesson::progress_file::{decode_program, decode_progress, encode_program, encode_progress};

fuzz_target!(|data: &[u8]| {
    let known: Vec<String> = ["first-steps-1", "first-steps-2", "loops-1"].map(String::from).to_vec();
    if let Ok(decoded) = decode_progress(data, &known) {
        let text = encode_progress(&decoded.progress).expect("what was read is small enough to write");
        let again = decode_progress(text.as_bytes(), &known).expect("what was written reads back");
        assert_eq!(again.progress, decoded.progress);
    }
    if let Ok(file) = decode_program(data, "loops-1", &known) {
        let text = encode_program(&file).expect("what was read is small enough to write");
        assert_eq!(decode_program(text.as_bytes(), "loops-1", &known), Ok(file));
    }
});
