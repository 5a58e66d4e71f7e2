//! World benchmark: one simulated minute of the continuous robot (3,000 fixed steps, with the
//! distance and line sensors read every 0.05 s, as a pupil's control loop would), natively.
//! Prints `sim-minute-ms: <ms>` (best of 5).

use std::time::Instant;

use tafukt_world::spec::{Area, ArenaRobotSpec, ArenaSpec, Obstacle};
use tafukt_world::Arena;

fn main() {
    let spec = ArenaSpec::fixed(
        300,
        200,
        ArenaRobotSpec { x: 30, y: 100, heading: 0 },
        (0..20)
            .map(|i| Obstacle::Circle { x: 60 + i * 11 % 220, y: 20 + i * 37 % 160, r: 6 })
            .chain([Obstacle::Rect { x: 150, y: 90, w: 20, h: 20 }])
            .collect(),
        (0..10).map(|i| Area { x: 0, y: 20 * i, w: 300, h: 3, colour: "black".into() }).collect(),
    );

    let mut best = f64::MAX;
    let mut readings = 0.0;
    for _ in 0..5 {
        let mut arena = Arena::new(&spec);
        let start = Instant::now();
        for tick in 0..1200 {
            // A simple avoid-and-wander controller, as a lesson's program would run it.
            let d = arena.distance();
            let line = arena.on_line();
            if d < 15.0 {
                arena.set_motors(-40.0, 40.0);
            } else if line {
                arena.set_motors(70.0, 50.0);
            } else {
                arena.set_motors(60.0, 60.0 - (tick % 9) as f64);
            }
            readings += d;
            arena.wait(0.05);
        }
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        assert!((arena.time - 60.0).abs() < 1e-6, "one simulated minute");
    }
    println!("(sensor checksum {readings:.1})");
    println!("sim-minute-ms: {best:.2}");
}
