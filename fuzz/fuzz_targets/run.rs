//! Fuzz target: any program that compiles runs to an end (finished or a friendly error)
//! under small limits, without panicking, whatever it does.
#![no_main]

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use tafukt_lang::host::NullHost;
use tafukt_lang::{Halt, Lang, Limits, Vm};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let Ok((_, chunk)) = tafukt_lang::build(src, Lang::En) else { return };
    let limits = Limits {
        max_steps: 100_000,
        max_actions: 1_000,
        max_loop_iterations: 10_000,
        max_call_depth: 64,
        max_list_len: 1_000,
        max_text_len: 1_000,
    };
    let mut vm = Vm::new(Rc::new(chunk), limits);
    let mut host = NullHost::default();
    for _ in 0..1_000_000 {
        match vm.run(&mut host, 1_000) {
            Halt::Finished | Halt::Faulted(_) => return,
            _ => {}
        }
    }
    panic!("a run under a 100,000-step limit must end");
});
