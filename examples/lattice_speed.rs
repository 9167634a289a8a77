//! Nanoseconds per call of the lattice kernels on every backend the CPU has:
//! `cargo run --release --example lattice_speed`.
//!
//! The backends take turns kernel by kernel; each figure is the fastest of 21 batches (the
//! least disturbed by other processes on a shared machine). The
//! inputs are fixed, in the bounds each kernel documents. "k² products" is ML-KEM-768's
//! Â∘ŝ (9 base multiplications over 3 vectors) without and with the γ cache of ŝ.

use std::hint::black_box;
use std::time::{Duration, Instant};

use pqfips::backend::{self, kernels};

/// The fastest time per call of `f` over 21 batches of about 1 ms each.
fn time(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..100 {
        f();
    }
    let per_batch =
        (Duration::from_millis(20).as_nanos() / 11 / (start.elapsed() / 100).as_nanos().max(1))
            .max(1) as u32;
    let samples = (0..21)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed() / per_batch
        })
        .min();
    samples.expect("21 batches")
}

/// A kernel to time, by name.
type Row<'a> = (&'static str, Box<dyn Fn() + 'a>);

fn main() {
    let backends: Vec<_> = backend::available().collect();
    let small16: [i16; 256] = core::array::from_fn(|i| ((i * 1_237) % 3_329) as i16 - 1_664);
    let small32: [i32; 256] =
        core::array::from_fn(|i| ((i * 1_234_567) % 8_380_417) as i32 - 4_190_208);
    let vec16 = [small16, small16.map(|c| c / 2), small16.map(|c| -c)];
    let rows: [Row; 7] = [
        (
            "NTT q=3329",
            Box::new(|| kernels::ntt_q3329(&mut black_box(small16))),
        ),
        (
            "invNTT q=3329",
            Box::new(|| kernels::inv_ntt_q3329(&mut black_box(small16))),
        ),
        (
            "NTT q=8380417",
            Box::new(|| kernels::ntt_q8380417(&mut black_box(small32))),
        ),
        (
            "invNTT q=8380417",
            Box::new(|| kernels::inv_ntt_q8380417(&mut black_box(small32))),
        ),
        (
            "pointwise q=8380417",
            Box::new(|| {
                kernels::multiply_ntts_acc_q8380417(&mut black_box(small32), &small32, &small32)
            }),
        ),
        (
            "k² products, plain",
            Box::new(|| {
                let mut acc = black_box([0i16; 256]);
                for row in &vec16 {
                    for s in &vec16 {
                        kernels::multiply_ntts_acc_q3329(&mut acc, row, s);
                    }
                }
                black_box(acc);
            }),
        ),
        (
            "k² products, cached",
            Box::new(|| {
                let mut cache = [[0i16; 256]; 3];
                for (c, s) in cache.iter_mut().zip(&vec16) {
                    kernels::base_mul_cache_q3329(s, c);
                }
                let mut acc = black_box([0i16; 256]);
                for row in &vec16 {
                    for (s, c) in vec16.iter().zip(&cache) {
                        kernels::multiply_ntts_acc_cached_q3329(&mut acc, row, s, c);
                    }
                }
                black_box(acc);
            }),
        ),
    ];
    print!("{:<22}", "ns per call");
    for b in &backends {
        print!(" {:>10}", b.name());
    }
    println!();
    for (name, f) in &rows {
        print!("{name:<22}");
        for &b in &backends {
            backend::force(Some(b));
            print!(" {:>10.1}", time(f).as_secs_f64() * 1e9);
        }
        backend::force(None);
        println!();
    }
}
