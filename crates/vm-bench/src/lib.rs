//! The VM benchmark: one program (sum of the multiples of 3 below N), run with a per-frame
//! fuel budget exactly as the app runs pupils' programs. Exposed to node through
//! wasm-bindgen so the same run can be timed beside JS-Interpreter.

use std::rc::Rc;

use tafukt_lang::host::NullHost;
use tafukt_lang::{Halt, Lang, Limits, Vm};
use wasm_bindgen::prelude::*;

/// The benchmark program in Tafukt: `n = 0; for i in 0..N: if i mod 3 == 0: n = n + i`.
pub fn program(iterations: u32) -> String {
    format!(
        "n = 0\nfor each i in 0 to {}\n  if i mod 3 = 0\n    n = n + i\n  end\nend\nsay n\n",
        iterations - 1
    )
}

/// A compiled benchmark run that a host advances one frame's worth of fuel at a time.
#[wasm_bindgen]
pub struct BenchRun {
    vm: Vm,
    host: NullHost,
}

#[wasm_bindgen]
impl BenchRun {
    #[wasm_bindgen(constructor)]
    pub fn new(iterations: u32) -> Result<BenchRun, String> {
        let (_, chunk) =
            tafukt_lang::build(&program(iterations), Lang::En).map_err(|d| format!("{:?}", d.code))?;
        let limits = Limits { max_steps: u64::MAX, max_loop_iterations: u64::MAX, ..Limits::default() };
        Ok(BenchRun { vm: Vm::new(Rc::new(chunk), limits), host: NullHost::default() })
    }

    /// Runs one frame's worth of fuel; true once the program has finished.
    pub fn frame(&mut self, fuel: u32) -> Result<bool, String> {
        match self.vm.run(&mut self.host, fuel as u64) {
            Halt::Finished => Ok(true),
            Halt::Faulted(d) => Err(format!("{:?}", d.code)),
            _ => Ok(false),
        }
    }

    /// What the program said (the sum), to check both interpreters agree.
    pub fn said(&self) -> String {
        self.host.said.join("\n")
    }

    pub fn steps(&self) -> f64 {
        self.vm.steps() as f64
    }
}
