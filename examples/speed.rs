//! Times every operation of every parameter set: `cargo run --release --example speed`.
//!
//! Each row is the median over several batches of the time per operation. Key generation,
//! encapsulation and signing run their deterministic forms (from a seed, with a given m, with
//! rnd = 0 or opt_rand = PK.seed), so that the operating system's RNG is not part of what is
//! timed, as in the peers' benchmarks. SLH-DSA's slow operations (everything of the "s" sets,
//! and signing) take the median of a few single runs instead of batches. ML-DSA's "ver-prep" is
//! verification with a `PreparedVerifyingKey` (Â and NTT(t₁·2^d) computed once per key).
//!
//! A last table times the SLH-DSA SHA2 "f" sets once more on every SHA-2 path the CPU has
//! (each backend forced, with and without the SHA extensions), for comparing them in one run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use pqfips::ml_dsa::{self, MlDsa44, MlDsa65, MlDsa87};
use pqfips::ml_kem::{self, DecapsulationKey, MlKem512, MlKem768, MlKem1024};
use pqfips::slh_dsa::{self, SigningKey};

/// Runs `f` in batches for about `budget` and returns the median time per call.
fn time<T>(budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().max(Duration::from_nanos(50));
    let batches = 11u32;
    let per_batch = ((budget / batches).as_nanos() / once.as_nanos()).clamp(1, 1_000_000) as u32;
    let mut samples: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                black_box(f());
            }
            start.elapsed() / per_batch
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

/// The median of `runs` single calls of `f`, for operations too slow to batch.
fn time_few<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn row(algorithm: &str, operation: &str, t: Duration) {
    let us = t.as_secs_f64() * 1e6;
    println!(
        "{algorithm:<24} {operation:<8} {us:>12.1} {:>12.0}",
        1e6 / us
    );
}

fn ml_kem<P: ml_kem::ParameterSet>(budget: Duration) {
    let seed = [0x42u8; 64];
    let m = [0x24u8; 32];
    let dk = DecapsulationKey::<P>::from_seed(&seed);
    let ek = dk.encapsulation_key();
    let (ct, _) = ml_kem::hazmat::encapsulate_deterministic(ek, &m);
    row(
        P::NAME,
        "keygen",
        time(budget, || {
            DecapsulationKey::<P>::from_seed(black_box(&seed))
        }),
    );
    row(
        P::NAME,
        "encaps",
        time(budget, || {
            ml_kem::hazmat::encapsulate_deterministic(ek, black_box(&m))
        }),
    );
    row(
        P::NAME,
        "decaps",
        time(budget, || dk.decapsulate(black_box(&ct))),
    );
}

/// Signing time depends on the number of rejections, so it is timed over 64 different
/// messages, cycled, rather than one.
fn ml_dsa<P: ml_dsa::ParameterSet>(budget: Duration) {
    let seed = [0x42u8; 32];
    let sk = ml_dsa::SigningKey::<P>::from_seed(&seed);
    let vk = sk.verifying_key();
    let messages: Vec<[u8; 32]> = (0..64u8).map(|i| [i; 32]).collect();
    let sig = sk.sign_deterministic(&messages[0], b"").unwrap();
    row(
        P::NAME,
        "keygen",
        time(budget, || {
            ml_dsa::SigningKey::<P>::from_seed(black_box(&seed))
        }),
    );
    let mut i = 0;
    row(
        P::NAME,
        "sign",
        time(budget, || {
            i = (i + 1) % messages.len();
            sk.sign_deterministic(black_box(&messages[i]), b"")
        }),
    );
    row(
        P::NAME,
        "verify",
        time(budget, || vk.verify(black_box(&messages[0]), b"", &sig)),
    );
    let prepared = vk.prepare();
    row(
        P::NAME,
        "ver-prep",
        time(budget, || {
            prepared.verify(black_box(&messages[0]), b"", &sig)
        }),
    );
}

fn slh_dsa<P: slh_dsa::ParameterSet>(budget: Duration, runs: usize) {
    let seed = P::Seed::try_from(&[0x42u8; 32][..P::N]).expect("n bytes");
    let msg = [0x33u8; 32];
    let sk = SigningKey::<P>::from_seeds(&seed, &seed, &seed);
    let vk = sk.verifying_key();
    let sig = sk.sign_deterministic(&msg, b"").expect("empty context");
    let slow = P::HP > 4;
    let keygen = || SigningKey::<P>::from_seeds(black_box(&seed), &seed, &seed);
    row(
        P::NAME,
        "keygen",
        if slow {
            time_few(runs, keygen)
        } else {
            time(budget, keygen)
        },
    );
    row(
        P::NAME,
        "sign",
        time_few(runs, || sk.sign_deterministic(black_box(&msg), b"")),
    );
    row(
        P::NAME,
        "verify",
        time(budget, || vk.verify(black_box(&msg), b"", &sig)),
    );
}

/// The SHA2 "f" sets on every SHA-2 path: each backend forced in turn, and the SIMD ones with
/// and without the SHA extensions.
fn slh_dsa_sha2_paths(budget: Duration) {
    use pqfips::backend::{self, Backend};
    for b in backend::available() {
        for sha in [true, false] {
            // The portable backend runs without them either way.
            let cpu_has_sha = backend::force_sha_ni(sha);
            if sha && (!cpu_has_sha || b == Backend::Portable) {
                continue;
            }
            backend::force(Some(b));
            let sha = if sha { " + SHA-NI" } else { "" };
            println!("-- {b}{sha}");
            slh_dsa::<slh_dsa::SlhDsaSha2_128f>(budget, 11);
            slh_dsa::<slh_dsa::SlhDsaSha2_192f>(budget, 11);
            slh_dsa::<slh_dsa::SlhDsaSha2_256f>(budget, 11);
        }
    }
    backend::force(None);
    backend::force_sha_ni(true);
}

fn main() {
    let budget = Duration::from_millis(300);
    println!(
        "pqfips {} speed, {} backend",
        env!("CARGO_PKG_VERSION"),
        pqfips::backend::active()
    );
    println!(
        "{:<24} {:<8} {:>12} {:>12}",
        "algorithm", "op", "µs/op", "ops/s"
    );
    ml_kem::<MlKem512>(budget);
    ml_kem::<MlKem768>(budget);
    ml_kem::<MlKem1024>(budget);
    ml_dsa::<MlDsa44>(budget);
    ml_dsa::<MlDsa65>(budget);
    ml_dsa::<MlDsa87>(budget);
    // The "s" sets take up to a second per signature: three runs each.
    slh_dsa::<slh_dsa::SlhDsaSha2_128s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaShake128s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaSha2_128f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaShake128f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaSha2_192s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaShake192s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaSha2_192f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaShake192f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaSha2_256s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaShake256s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaSha2_256f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaShake256f>(budget, 11);
    println!("\nSLH-DSA SHA2 \"f\" sets on every SHA-2 path");
    slh_dsa_sha2_paths(budget);
}
