//! pqfips against the other pure-Rust implementations, timed in one run:
//! `cargo run --release --manifest-path benches/peers/Cargo.toml`.
//!
//! Every implementation runs its deterministic core (keygen from a seed, encapsulation with a
//! given m), interleaved batch by batch so that machine noise hits all of them alike. The ratio
//! columns are peer time / pqfips time: above 1 means pqfips is faster.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median time per call of each closure, sampled in interleaved batches.
fn race(budget: Duration, fs: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    let per_call: Vec<Duration> = fs
        .iter_mut()
        .map(|f| {
            let start = Instant::now();
            f();
            start.elapsed().max(Duration::from_nanos(50))
        })
        .collect();
    let batches = 15u32;
    let reps: Vec<u32> = per_call
        .iter()
        .map(|t| ((budget / batches / fs.len() as u32).as_nanos() / t.as_nanos()).max(1) as u32)
        .collect();
    let mut samples = vec![Vec::new(); fs.len()];
    for _ in 0..batches {
        for (i, f) in fs.iter_mut().enumerate() {
            let start = Instant::now();
            for _ in 0..reps[i] {
                f();
            }
            samples[i].push(start.elapsed() / reps[i]);
        }
    }
    samples
        .into_iter()
        .map(|mut s| {
            s.sort();
            s[s.len() / 2]
        })
        .collect()
}

fn report(set: &str, op: &str, t: &[Duration]) {
    let us = |d: &Duration| d.as_secs_f64() * 1e6;
    print!("{set:<12} {op:<7} {:>9.1}", us(&t[0]));
    for peer in &t[1..] {
        print!(" {:>9.1} ({:>4.2})", us(peer), us(peer) / us(&t[0]));
    }
    println!();
}

macro_rules! ml_kem_race {
    ($budget:expr, $name:literal, $pq:ident, $lc:ident, $f203:ident, $rc:ident) => {{
        use fips203::traits::{Decaps as _, Encaps as _, KeyGen as _};
        use ml_kem::Decapsulate as _;
        let seed = [0x42u8; 64];
        let (d, z) = (*seed.first_chunk::<32>().unwrap(), *seed.last_chunk::<32>().unwrap());
        let m = [0x24u8; 32];

        let dk = pqfips::$pq::DecapsulationKey::from_seed(&seed);
        let ek = dk.encapsulation_key().clone();
        let (ct, _) = pqfips::$pq::hazmat::encapsulate_deterministic(&ek, &m);
        let lc_kp = libcrux_ml_kem::$lc::portable::generate_key_pair(seed);
        let (lc_ct, _) = libcrux_ml_kem::$lc::portable::encapsulate(lc_kp.public_key(), m);
        let (f_ek, f_dk) = fips203::$f203::KG::keygen_from_seed(d, z);
        let (_, f_ct) = f_ek.encaps_from_seed(&m);
        let rc_dk = ml_kem::$rc::DecapsulationKey::from_seed(seed.into());
        let rc_ek = rc_dk.encapsulation_key().clone();
        let (rc_ct, _) = rc_ek.encapsulate_deterministic(&m.into());

        let t = race($budget, &mut [
            &mut || { black_box(pqfips::$pq::DecapsulationKey::from_seed(black_box(&seed))); },
            &mut || { black_box(libcrux_ml_kem::$lc::portable::generate_key_pair(black_box(seed))); },
            &mut || { black_box(fips203::$f203::KG::keygen_from_seed(black_box(d), z)); },
            &mut || { black_box(ml_kem::$rc::DecapsulationKey::from_seed(black_box(seed).into())); },
        ]);
        report($name, "keygen", &t);
        let t = race($budget, &mut [
            &mut || { black_box(pqfips::$pq::hazmat::encapsulate_deterministic(&ek, black_box(&m))); },
            &mut || { black_box(libcrux_ml_kem::$lc::portable::encapsulate(lc_kp.public_key(), black_box(m))); },
            &mut || { black_box(f_ek.encaps_from_seed(black_box(&m))); },
            &mut || { black_box(rc_ek.encapsulate_deterministic(&black_box(m).into())); },
        ]);
        report($name, "encaps", &t);
        let t = race($budget, &mut [
            &mut || { black_box(dk.decapsulate(black_box(&ct))); },
            &mut || { black_box(libcrux_ml_kem::$lc::portable::decapsulate(lc_kp.private_key(), black_box(&lc_ct))); },
            &mut || { black_box(f_dk.try_decaps(black_box(&f_ct)).unwrap()); },
            &mut || { black_box(rc_dk.decapsulate(black_box(&rc_ct))); },
        ]);
        report($name, "decaps", &t);
    }};
}

fn main() {
    let budget = Duration::from_millis(600);
    println!("µs/op (peer / pqfips in parentheses; > 1 means pqfips is faster)");
    println!(
        "{:<12} {:<7} {:>9} {:>16} {:>16} {:>16}",
        "set", "op", "pqfips", "libcrux-port.", "fips203", "RustCrypto"
    );
    ml_kem_race!(budget, "ML-KEM-512", ml_kem_512, mlkem512, ml_kem_512, ml_kem_512);
    ml_kem_race!(budget, "ML-KEM-768", ml_kem_768, mlkem768, ml_kem_768, ml_kem_768);
    ml_kem_race!(budget, "ML-KEM-1024", ml_kem_1024, mlkem1024, ml_kem_1024, ml_kem_1024);
}
