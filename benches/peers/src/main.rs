//! pqfips against the other pure-Rust implementations, timed in one run:
//! `cargo run --release --manifest-path benches/peers/Cargo.toml`.
//!
//! Every implementation runs its deterministic core (keygen from a seed, encapsulation with a
//! given m, signing with a given rnd; for SLH-DSA keygen from the three seeds and deterministic
//! signing), interleaved batch by batch so that machine noise hits all of them alike, and each is
//! charged its fastest batch (the least disturbed one). The ratio columns are peer time / pqfips
//! time: above 1 means pqfips is faster. `… -- all` also races the slow "s" sets of SLH-DSA at
//! categories 3 and 5.

mod hybrid;

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Time per call of each closure in its fastest batch, sampled in interleaved batches.
fn race(budget: Duration, fs: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    race_with(15, budget, None, fs)
}

/// [`race`] with `batches` batches, fewer for the operations that take a second.
fn race_in(batches: u32, budget: Duration, fs: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    race_with(batches, budget, None, fs)
}

/// As [`race`]; with `fixed_reps`, every closure runs exactly that many calls per batch, so that
/// closures cycling through the same inputs do the same work (ML-DSA signing, whose time depends
/// on the number of rejections).
fn race_with(
    batches: u32,
    budget: Duration,
    fixed_reps: Option<u32>,
    fs: &mut [&mut dyn FnMut()],
) -> Vec<Duration> {
    let per_call: Vec<Duration> = fs
        .iter_mut()
        .map(|f| {
            let start = Instant::now();
            f();
            start.elapsed().max(Duration::from_nanos(50))
        })
        .collect();
    let reps: Vec<u32> = per_call
        .iter()
        .map(|t| {
            fixed_reps.unwrap_or(((budget / batches / fs.len() as u32).as_nanos() / t.as_nanos()).max(1) as u32)
        })
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
        .map(|s| s.into_iter().min().expect("at least one batch"))
        .collect()
}

/// Busy for `d` before the first race: without it, the first rows (ML-KEM-512 keygen) ran
/// while the CPU was still clocking up, and pqfips, timed first, showed up to 25% slower than
/// in the same row later.
fn warm_up(d: Duration) {
    let start = Instant::now();
    let mut x = 0u64;
    while start.elapsed() < d {
        for i in 0..1000 {
            x = black_box(x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i));
        }
    }
}

fn report(set: &str, op: &str, t: &[Duration]) {
    let us = |d: &Duration| d.as_secs_f64() * 1e6;
    print!("{set:<18} {op:<7} {:>9.1}", us(&t[0]));
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

macro_rules! ml_dsa_race {
    ($budget:expr, $name:literal, $pq:ident, $lc:ident, $f204:ident, $rc:ident) => {{
        use fips204::traits::{Signer as _, Verifier as _, KeyGen as _, SerDes as _};
        let seed = [0x42u8; 32];
        const MSGS: usize = 32;
        // The same 32 (message, rnd) pairs for every implementation, cycled: identical signatures,
        // hence identical numbers of rejections.
        let inputs: Vec<([u8; 32], [u8; 32])> = (0..MSGS as u8).map(|i| ([i; 32], [i ^ 0x5a; 32])).collect();
        let ctx = b"";
        let m_prime = |msg: &[u8]| [&[0u8, 0][..], msg].concat();

        let sk = pqfips::$pq::SigningKey::from_seed(&seed);
        let vk = sk.verifying_key().clone();
        let sig = pqfips::$pq::hazmat::sign_internal(&sk, &m_prime(&inputs[0].0), &inputs[0].1);
        let lc_kp = libcrux_ml_dsa::$lc::portable::generate_key_pair(seed);
        let lc_sig = libcrux_ml_dsa::$lc::portable::sign(&lc_kp.signing_key, &inputs[0].0, ctx, inputs[0].1).unwrap();
        let (f_pk, f_sk) = fips204::$f204::KG::keygen_from_seed(&seed);
        let f_sig = f_sk.try_sign_with_seed(&inputs[0].1, &inputs[0].0, ctx).unwrap();
        let rc_sk = ml_dsa::ExpandedSigningKey::<ml_dsa::$rc>::from_seed(&seed.into());
        let rc_vk = rc_sk.verifying_key();
        let rc_sig = rc_sk.sign_internal(&[&[0, 0], &inputs[0].0], &inputs[0].1.into());
        assert_eq!(sig.as_ref(), lc_sig.as_ref());
        assert_eq!(sig.as_ref(), &f_sig[..]);
        assert_eq!(sig.as_ref(), &rc_sig.encode()[..]);

        let t = race($budget, &mut [
            &mut || { black_box(pqfips::$pq::SigningKey::from_seed(black_box(&seed))); },
            &mut || { black_box(libcrux_ml_dsa::$lc::portable::generate_key_pair(black_box(seed))); },
            &mut || { black_box(fips204::$f204::KG::keygen_from_seed(black_box(&seed))); },
            &mut || { black_box(ml_dsa::SigningKey::<ml_dsa::$rc>::from_seed(&black_box(seed).into())); },
        ]);
        report($name, "keygen", &t);
        let (mut a, mut b, mut c, mut d) = (0, 0, 0, 0);
        let t = race_with(15, $budget, Some(MSGS as u32), &mut [
            &mut || { a = (a + 1) % MSGS; let (m, r) = &inputs[a]; black_box(pqfips::$pq::hazmat::sign_internal(&sk, &m_prime(m), r)); },
            &mut || { b = (b + 1) % MSGS; let (m, r) = &inputs[b]; black_box(libcrux_ml_dsa::$lc::portable::sign(&lc_kp.signing_key, m, ctx, *r).unwrap()); },
            &mut || { c = (c + 1) % MSGS; let (m, r) = &inputs[c]; black_box(f_sk.try_sign_with_seed(r, m, ctx).unwrap()); },
            &mut || { d = (d + 1) % MSGS; let (m, r) = &inputs[d]; black_box(rc_sk.sign_internal(&[&[0, 0], m], &(*r).into())); },
        ]);
        report($name, "sign", &t);
        let t = race($budget, &mut [
            &mut || { black_box(vk.verify(black_box(&inputs[0].0), ctx, &sig).unwrap()); },
            &mut || { black_box(libcrux_ml_dsa::$lc::portable::verify(&lc_kp.verification_key, black_box(&inputs[0].0), ctx, &lc_sig).unwrap()); },
            &mut || { assert!(f_pk.verify(black_box(&inputs[0].0), &f_sig, ctx)); },
            &mut || { assert!(rc_vk.verify_with_context(black_box(&inputs[0].0), ctx, &rc_sig)); },
        ]);
        report($name, "verify", &t);
        // The same with pqfips's PreparedVerifyingKey, which holds Â and NTT(t₁·2^d) as
        // RustCrypto's VerifyingKey does (libcrux and fips204 have no such form).
        let prepared = vk.prepare();
        let t = race($budget, &mut [
            &mut || { black_box(prepared.verify(black_box(&inputs[0].0), ctx, &sig).unwrap()); },
            &mut || { black_box(libcrux_ml_dsa::$lc::portable::verify(&lc_kp.verification_key, black_box(&inputs[0].0), ctx, &lc_sig).unwrap()); },
            &mut || { assert!(f_pk.verify(black_box(&inputs[0].0), &f_sig, ctx)); },
            &mut || { assert!(rc_vk.verify_with_context(black_box(&inputs[0].0), ctx, &rc_sig)); },
        ]);
        report($name, "ver-prep", &t);
        // pqfips's VerifyingKey holds its encoding and tr, RustCrypto's holds Â and NTT(t₁) too;
        // libcrux and fips204 start from bytes. This row charges everyone the import too.
        let vk_bytes = vk.to_bytes();
        let rc_vk_bytes = rc_vk.encode();
        let t = race($budget, &mut [
            &mut || { let vk = pqfips::$pq::VerifyingKey::from_bytes(&vk_bytes).unwrap(); black_box(vk.verify(black_box(&inputs[0].0), ctx, &sig).unwrap()); },
            &mut || { black_box(libcrux_ml_dsa::$lc::portable::verify(&lc_kp.verification_key, black_box(&inputs[0].0), ctx, &lc_sig).unwrap()); },
            &mut || { let pk = fips204::$f204::PublicKey::try_from_bytes(f_pk.clone().into_bytes()).unwrap(); assert!(pk.verify(black_box(&inputs[0].0), &f_sig, ctx)); },
            &mut || { let vk = ml_dsa::VerifyingKey::<ml_dsa::$rc>::decode(&rc_vk_bytes); assert!(vk.verify_with_context(black_box(&inputs[0].0), ctx, &rc_sig)); },
        ]);
        report($name, "vk+ver", &t);
    }};
}

/// pqfips against RustCrypto `slh-dsa` on one parameter set: keygen from the three seeds,
/// deterministic signing and verification of a 32-byte message through the internal
/// functions (no context prefix), which is what both crates time alike.
macro_rules! slh_dsa_race {
    ($budget:expr, $batches:expr, $name:literal, $pq:ident, $rc:ident, $n:literal) => {{
        let seed = [0x42u8; $n];
        let msg = [0x33u8; 32];
        let sk = pqfips::$pq::SigningKey::from_seeds(&seed, &seed, &seed);
        let vk = sk.verifying_key().clone();
        let sig = pqfips::$pq::hazmat::sign_internal(&sk, &msg, None);
        let rc_sk = slh_dsa::SigningKey::<slh_dsa::$rc>::slh_keygen_internal(&seed, &seed, &seed);
        let rc_vk: &slh_dsa::VerifyingKey<slh_dsa::$rc> = rc_sk.as_ref();
        let rc_sig = rc_sk.slh_sign_internal(&[&msg], None);
        assert_eq!(sig.as_ref(), rc_sig.to_bytes().as_slice(), "the two crates agree");

        let t = race_in($batches, $budget, &mut [
            &mut || { black_box(pqfips::$pq::SigningKey::from_seeds(black_box(&seed), &seed, &seed)); },
            &mut || { black_box(slh_dsa::SigningKey::<slh_dsa::$rc>::slh_keygen_internal(black_box(&seed), &seed, &seed)); },
        ]);
        report($name, "keygen", &t);
        let t = race_in($batches, $budget, &mut [
            &mut || { black_box(pqfips::$pq::hazmat::sign_internal(&sk, black_box(&msg), None)); },
            &mut || { black_box(rc_sk.slh_sign_internal(&[black_box(&msg)], None)); },
        ]);
        report($name, "sign", &t);
        let t = race_in($batches, $budget, &mut [
            &mut || { pqfips::$pq::hazmat::verify_internal(&vk, black_box(&msg), &sig).unwrap(); },
            &mut || { rc_vk.slh_verify_internal(&[black_box(&msg)], &rc_sig).unwrap(); },
        ]);
        report($name, "verify", &t);
    }};
}

fn main() {
    let budget = Duration::from_millis(600);
    println!("µs/op (peer / pqfips in parentheses; > 1 means pqfips is faster)");
    println!(
        "{:<18} {:<7} {:>9} {:>16} {:>16} {:>16}",
        "set", "op", "pqfips", "libcrux-port.", "fips203", "RustCrypto"
    );
    warm_up(Duration::from_secs(1));
    ml_kem_race!(budget, "ML-KEM-512", ml_kem_512, mlkem512, ml_kem_512, ml_kem_512);
    ml_kem_race!(budget, "ML-KEM-768", ml_kem_768, mlkem768, ml_kem_768, ml_kem_768);
    ml_kem_race!(budget, "ML-KEM-1024", ml_kem_1024, mlkem1024, ml_kem_1024, ml_kem_1024);
    ml_dsa_race!(budget, "ML-DSA-44", ml_dsa_44, ml_dsa_44, ml_dsa_44, MlDsa44);
    ml_dsa_race!(budget, "ML-DSA-65", ml_dsa_65, ml_dsa_65, ml_dsa_65, MlDsa65);
    ml_dsa_race!(budget, "ML-DSA-87", ml_dsa_87, ml_dsa_87, ml_dsa_87, MlDsa87);

    // SLH-DSA against RustCrypto slh-dsa: every "f" set, and the two 128-bit "s" sets (the
    // others take seconds per signature; pass `all` to race them too, 5 batches each).
    println!();
    println!("{:<18} {:<7} {:>9} {:>16}", "set", "op", "pqfips", "RustCrypto");
    let all = std::env::args().any(|a| a == "all");
    slh_dsa_race!(budget, 15, "SLH-DSA-SHA2-128f", slh_dsa_sha2_128f, Sha2_128f, 16);
    slh_dsa_race!(budget, 15, "SLH-DSA-SHAKE-128f", slh_dsa_shake_128f, Shake128f, 16);
    slh_dsa_race!(budget, 15, "SLH-DSA-SHA2-192f", slh_dsa_sha2_192f, Sha2_192f, 24);
    slh_dsa_race!(budget, 15, "SLH-DSA-SHAKE-192f", slh_dsa_shake_192f, Shake192f, 24);
    slh_dsa_race!(budget, 15, "SLH-DSA-SHA2-256f", slh_dsa_sha2_256f, Sha2_256f, 32);
    slh_dsa_race!(budget, 15, "SLH-DSA-SHAKE-256f", slh_dsa_shake_256f, Shake256f, 32);
    slh_dsa_race!(budget, 5, "SLH-DSA-SHA2-128s", slh_dsa_sha2_128s, Sha2_128s, 16);
    slh_dsa_race!(budget, 5, "SLH-DSA-SHAKE-128s", slh_dsa_shake_128s, Shake128s, 16);
    if all {
        slh_dsa_race!(budget, 5, "SLH-DSA-SHA2-192s", slh_dsa_sha2_192s, Sha2_192s, 24);
        slh_dsa_race!(budget, 5, "SLH-DSA-SHAKE-192s", slh_dsa_shake_192s, Shake192s, 24);
        slh_dsa_race!(budget, 5, "SLH-DSA-SHA2-256s", slh_dsa_sha2_256s, Sha2_256s, 32);
        slh_dsa_race!(budget, 5, "SLH-DSA-SHAKE-256s", slh_dsa_shake_256s, Shake256s, 32);
    }
    hybrid::xwing(budget);
}
