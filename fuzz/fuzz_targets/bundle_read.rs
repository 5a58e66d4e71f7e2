//! Fuzz target: any bytes through the app's postcard readers (a lesson and the course index)
//! are read or refused with a message, never a panic or an allocation past the RSS limit;
//! what is read writes back to the same bytes' meaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tafukt_lesson::model::{read_bundled_index, read_bundled_lesson, to_bundled};

fuzz_target!(|data: &[u8]| {
    if let Ok(lesson) = read_bundled_lesson("fuzz.bin", data) {
        let again = to_bundled(&lesson).expect("a lesson that was read can be written");
        assert_eq!(read_bundled_lesson("again.bin", &again).as_ref(), Ok(&lesson));
    }
    if let Ok(index) = read_bundled_index("index.bin", data) {
        let again = to_bundled(&index).expect("an index that was read can be written");
        assert_eq!(read_bundled_index("again.bin", &again).as_ref(), Ok(&index));
    }
});
