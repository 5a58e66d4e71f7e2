//! World benchmark: one simulated minute of the continuous robot (3,000 fixed steps, with the
//! distance and line sensors read every 0.05 s, as a pupil's control loop would), natively.
//! Prints `sim-minute-ms: <ms>` (best of 5).

use std::time::Instant;

use tafukt_world::spec::{Area, ArenaRobotSpec, ArenaSpec, Obstacle};
use tafukt_world::Arena;

fn main() {
    let spec = ArenaSpec {
        width: 300.0,
        height: 200.0,
        robot: ArenaRobotSpec { x: 30.0, y: 100.0, heading: 0.0 },
        obstacles: (0..20)
            .map(|i| Obstacle::Circle {
                x: 60.0 + (i * 11 % 220) as f64,
                y: 20.0 + (i * 37 % 160) as f64,
                r: 6.0,
            })
            .chain([Obstacle::Rect { x: 150.0, y: 90.0, w: 20.0, h: 20.0 }])
            .collect(),
        floor: (0..10)
            .map(|i| Area { x: 0.0, y: 20.0 * i as f64, w: 300.0, h: 3.0, colour: "black".into() })
            .collect(),
    };
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
