//! Times Keccak-f[1600] per state: the scalar permutation and the multi-way ones on every backend
//! this CPU has (`cargo run --release --example keccak`). All rows come from one run, so their
//! ratios are what to compare.
//!
//! Each row is the fastest of many short batches (time per call, divided by the number of states
//! the call permutes): on a shared machine the median measures the other processes as well, the
//! fastest batch what the code costs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use pqfips::backend::{self, keccak};

/// The fastest time per call of `f` over batches of about `budget` in all.
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(20));
    let batches = 101u32;
    let per_batch = ((budget / batches).as_nanos() / once.as_nanos()).clamp(1, 10_000_000) as u32;
    let samples: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed() / per_batch
        })
        .collect();
    samples.into_iter().min().expect("at least one batch")
}

fn row(what: &str, per_call: Duration, states: u32) {
    let ns = per_call.as_secs_f64() * 1e9 / f64::from(states);
    println!("| {what:<22} | {ns:>8.1} |");
}

fn main() {
    let budget = Duration::from_millis(300);
    println!(
        "Keccak-f[1600], ns per state permuted (best backend here: {})",
        backend::active()
    );
    println!();
    println!("| permutation            | ns/state |");
    println!("|---|--:|");
    let mut one = [0x0123_4567_89ab_cdefu64; 25];
    row(
        "scalar",
        time(budget, || keccak::f1600(black_box(&mut one))),
        1,
    );
    let mut x4 = [[0x0123_4567_89ab_cdefu64; 4]; 25];
    let mut x8 = [[0x0123_4567_89ab_cdefu64; 8]; 25];
    for b in backend::available() {
        backend::force(Some(b));
        assert_eq!(backend::active(), b);
        let t4 = time(budget, || keccak::f1600_x4(black_box(&mut x4)));
        let t8 = time(budget, || keccak::f1600_x8(black_box(&mut x8)));
        row(&format!("{b} ×4"), t4, 4);
        row(&format!("{b} ×8"), t8, 8);
    }
    backend::force(None);
}
