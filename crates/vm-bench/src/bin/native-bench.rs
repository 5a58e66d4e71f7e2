//! Native VM figures for the benchmark program: iterations per second when driven with the
//! app's per-frame fuel, plus instructions per second.

use std::time::Instant;

use tafukt_vm_bench::BenchRun;

fn main() {
    let iterations = 1_000_000;
    for fuel in [200_000u32, 1_000_000] {
        let mut best = f64::MAX;
        let mut steps = 0.0;
        for _ in 0..3 {
            let mut run = BenchRun::new(iterations).expect("compiles");
            let start = Instant::now();
            while !run.frame(fuel).expect("runs") {}
            best = best.min(start.elapsed().as_secs_f64());
            steps = run.steps();
            assert_eq!(run.said(), "166666833333");
        }
        println!(
            "native fuel/frame {fuel}: {:.1} M iterations/s, {:.0} M instructions/s ({:.1} instructions per iteration)",
            iterations as f64 / best / 1e6,
            steps / best / 1e6,
            steps / iterations as f64
        );
    }
}
