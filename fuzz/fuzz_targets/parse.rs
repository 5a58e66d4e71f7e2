//! Fuzz target: any text, in every pupil language, parses without panicking, and when it
//! parses cleanly, printing and parsing again gives the same tree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tafukt_lang::parser::parse;
use tafukt_lang::printer::print;
use tafukt_lang::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    for lang in Lang::ALL {
        let parsed = parse(src, lang);
        if parsed.diagnostics.is_empty() {
            let again = parse(&print(&parsed.program, lang), lang);
            assert!(again.diagnostics.is_empty(), "a printed program must parse");
            assert_eq!(again.program, parsed.program, "print then parse must give the same tree");
        }
    }
});
