//! The constant-time check: every secret input is marked undefined through valgrind's client
//! requests, the operations run, and memcheck reports any conditional branch or memory address
//! that depends on a secret. Run by `.ci/run` as
//!
//! ```sh
//! valgrind --error-exitcode=1 --track-origins=yes ct/target/release/pqfips-ct
//! ```
//!
//! (every algorithm; naming some, e.g. `pqfips-ct slh-dsa`, checks only those).
//!
//! Secret inputs: the randomness of key generation (d‖z, ξ, SLH-DSA's SK.seed and SK.prf), of
//! encapsulation (m) and of signing (ML-DSA's rnd, SLH-DSA's addrnd), all drawn from
//! [`SecretRng`], and the secret parts of imported keys (ML-KEM's dk_PKE and z; ML-DSA's K,
//! s₁, s₂ and t₀; SLH-DSA's SK.seed and SK.prf). Outputs that are public by design are
//! declassified here, where the harness receives them, each with the reason; values that
//! become public inside an algorithm are declassified by the library itself (`src/ct.rs`).
//!
//! Two scripts beside it complete the check: `no-division.sh` looks for the one kind of leak
//! memcheck cannot see (a division instruction, whose time depends on its operands), and
//! `selftest.sh` injects a leak of each kind into a scratch copy and requires that it is caught.
//!
//! Adding an algorithm: one function like [`ml_kem`], called for each parameter set from
//! [`main`] under a name in [`ALGORITHMS`].

use std::process::ExitCode;
use std::time::Instant;

use crabgrind::memcheck::{self, MemState};
use pqfips::PreHash;
use pqfips::ml_dsa::{self, Signature, SigningKey, VerifyingKey};
use pqfips::ml_kem::{self, Ciphertext, DecapsulationKey, EncapsulationKey};
use pqfips::slh_dsa;
use rand_core::{Infallible, TryCryptoRng, TryRng};

/// Different secrets per run, so that data-dependent paths would be taken differently.
const RUNS_PER_SET: u64 = 3;

/// Marks `bytes` secret: memcheck treats them as undefined, and so everything computed from them.
fn classify(bytes: &mut [u8]) {
    memcheck::mark_memory(bytes.as_ptr().cast(), bytes.len(), MemState::Undefined)
        .expect("the harness runs under valgrind (checked in main)");
}

/// Marks `value` public from here on. Takes `&mut` so that the compiler reloads it from memory.
fn declassify<T: ?Sized>(value: &mut T) {
    memcheck::mark_memory(
        std::ptr::from_mut(value).cast(),
        std::mem::size_of_val(value),
        MemState::Defined,
    )
    .expect("the harness runs under valgrind (checked in main)");
}

/// A deterministic stand-in for the system RNG whose every output byte is secret.
struct SecretRng(u64);

impl SecretRng {
    fn next(&mut self) -> u64 {
        // SplitMix64; the values only need to differ between runs.
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

impl TryRng for SecretRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut b = [0; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut b = [0; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_le_bytes()[..chunk.len()]);
        }
        classify(dst);
        Ok(())
    }
}

impl TryCryptoRng for SecretRng {}

/// ML-KEM keygen (from the RNG and from an expanded key), encaps, and decaps of a valid and of a
/// modified ciphertext, with every secret input undefined.
fn ml_kem<P: ml_kem::ParameterSet>(rng: &mut SecretRng) {
    // Algorithm 19: d‖z from the RNG.
    let dk = DecapsulationKey::<P>::generate(rng);
    let mut ek_bytes = dk.encapsulation_key().to_bytes();
    // The encapsulation key is published: that is what key generation makes it for.
    declassify(&mut ek_bytes);
    let ek = EncapsulationKey::<P>::from_bytes(ek_bytes.as_ref()).expect("own key is valid");

    // Algorithm 20: m from the RNG.
    let (mut ct, mut ss) = ek.encapsulate(rng);
    // The ciphertext is sent to the receiver.
    declassify(&mut ct);

    // Algorithm 21 on the valid ciphertext and on one with a flipped bit (implicit rejection),
    // with the key from its seed and imported from its expanded form.
    let mut flipped = *ct.as_bytes();
    flipped.as_mut()[0] ^= 1;
    let flipped = Ciphertext::<P>::try_from(flipped.as_ref()).expect("right length");
    let mut expanded = dk.to_expanded_bytes();
    let (dk_pke, rest) = expanded.as_mut().split_at_mut(384 * P::K);
    let (ek_and_h, z) = rest.split_at_mut(P::ENCAPSULATION_KEY_SIZE + 32);
    classify(dk_pke);
    classify(z);
    // The embedded ek and H(ek) are the published key and its hash.
    declassify(ek_and_h);
    let imported = DecapsulationKey::<P>::from_expanded_bytes(expanded.as_ref()).expect("valid");
    let mut results = [
        dk.decapsulate(&ct),
        imported.decapsulate(&ct),
        dk.decapsulate(&flipped),
        imported.decapsulate(&flipped),
    ];

    // The operations are done; the harness checks its own results, which needs them defined.
    declassify(&mut ss);
    declassify(&mut results);
    let [valid, valid_imported, rejected, rejected_imported] = results;
    assert!(
        valid == ss && valid_imported == ss,
        "decapsulation disagrees"
    );
    assert!(
        rejected != ss && rejected == rejected_imported,
        "implicit rejection failed"
    );
}

/// ML-DSA keygen (ξ from the RNG) and signing in every form (hedged, deterministic,
/// pre-hash, external μ) with a generated key and with an imported expanded key whose secret
/// parts are undefined. The rejection decisions, ρ and the verifying key are declassified by
/// the library where FIPS 204 makes them public (`src/ml_dsa/sign.rs`, `sample.rs`).
fn ml_dsa<P: ml_dsa::ParameterSet>(rng: &mut SecretRng) {
    // Algorithm 1: ξ from the RNG.
    let sk = SigningKey::<P>::generate(rng);
    let mut vk_bytes = sk.verifying_key().to_bytes();
    // The verifying key is published: that is what key generation makes it for.
    declassify(&mut vk_bytes);
    let vk = VerifyingKey::<P>::from_bytes(vk_bytes.as_ref()).expect("right length");
    let (msg, ctx) = (b"a public message", b"ctx");
    let mu = vk
        .message_representative(ctx)
        .expect("short context")
        .update(msg)
        .finalize();

    // The expanded key with K, s1, s2 and t0 undefined; ρ and tr are public parts of it.
    let mut expanded = sk.to_expanded_bytes();
    classify(&mut expanded.as_mut()[32..64]);
    classify(&mut expanded.as_mut()[128..]);
    let imported = SigningKey::<P>::from_expanded_bytes(expanded.as_ref()).expect("valid");

    // Algorithms 2 and 4 (rnd from the RNG, or 0³²), and signing an external μ.
    let mut signatures: [Signature<P>; 6] = [
        sk.sign(rng, msg, ctx).expect("short context"),
        sk.sign_deterministic(msg, ctx).expect("short context"),
        sk.sign_prehash(rng, PreHash::Sha2_512, msg, ctx)
            .expect("short context"),
        sk.sign_mu(rng, &mu),
        imported.sign(rng, msg, ctx).expect("short context"),
        imported
            .sign_deterministic(msg, ctx)
            .expect("short context"),
    ];
    // Signatures are published.
    declassify(&mut signatures);
    let [
        hedged,
        det,
        prehash,
        external_mu,
        imported_hedged,
        imported_det,
    ] = signatures;
    for sig in [&hedged, &det, &external_mu, &imported_hedged, &imported_det] {
        vk.verify(msg, ctx, sig).expect("own signature verifies");
    }
    vk.verify_prehash(PreHash::Sha2_512, msg, ctx, &prehash)
        .expect("verifies");
    assert!(det == imported_det, "imported key signs differently");
}

/// SLH-DSA keygen (SK.seed, SK.prf and PK.seed from the RNG) and signing: hedged (addrnd from
/// the RNG) in pre-hash mode and deterministic with the generated key, and hedged with a key
/// imported from its bytes whose SK.seed and SK.prf are undefined. Three signatures cover the
/// three ways a signature starts (secret addrnd, opt_rand = PK.seed, a key from bytes) and both
/// message forms; every further one would cost a minute of valgrind time for an "s" set.
/// PK.seed, PK.root, R, PK_FORS and the XMSS roots are declassified by the library where
/// FIPS 205 makes them public (`src/slh_dsa/`); the digest and the indices are not, since they
/// are computed from public values only.
fn slh_dsa<P: slh_dsa::ParameterSet>(rng: &mut SecretRng) {
    // Algorithm 21: SK.seed, SK.prf and PK.seed from the RNG.
    let sk = slh_dsa::SigningKey::<P>::generate(rng);
    let mut vk_bytes = sk.verifying_key().to_bytes();
    // The verifying key is published: that is what key generation makes it for.
    declassify(&mut vk_bytes);
    let vk = slh_dsa::VerifyingKey::<P>::from_bytes(vk_bytes.as_ref()).expect("right length");
    let (msg, ctx) = (b"a public message", b"ctx");

    // The key's encoding with SK.seed and SK.prf undefined; PK.seed ‖ PK.root is the published
    // key.
    let mut sk_bytes = sk.to_bytes();
    let (secret, public) = sk_bytes.as_mut().split_at_mut(2 * P::N);
    classify(secret);
    declassify(public);
    let imported = slh_dsa::SigningKey::<P>::from_bytes(sk_bytes.as_ref()).expect("right length");

    // Algorithm 23 (addrnd from the RNG), Algorithm 22 deterministic (opt_rand = PK.seed), and
    // Algorithm 22 hedged with the imported key, into a signature the caller holds.
    let mut prehash = sk
        .sign_prehash(rng, PreHash::Sha2_256, msg, ctx)
        .expect("short context");
    let mut det = sk.sign_deterministic(msg, ctx).expect("short context");
    let mut imported_hedged = slh_dsa::Signature::<P>::default();
    imported
        .sign_into(rng, msg, ctx, &mut imported_hedged)
        .expect("short context");
    // Signatures are published.
    declassify(&mut prehash);
    declassify(&mut det);
    declassify(&mut imported_hedged);
    vk.verify_prehash(PreHash::Sha2_256, msg, ctx, &prehash)
        .expect("own signature verifies");
    vk.verify(msg, ctx, &det).expect("own signature verifies");
    vk.verify(msg, ctx, &imported_hedged)
        .expect("own signature verifies");
}

/// The algorithms the harness checks, as named on its command line.
const ALGORITHMS: [&str; 3] = ["ml-kem", "ml-dsa", "slh-dsa"];

fn main() -> ExitCode {
    // No arguments: every algorithm. `selftest.sh` names the one it injected a leak into.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(unknown) = args.iter().find(|a| !ALGORITHMS.contains(&a.as_str())) {
        eprintln!("unknown algorithm {unknown}: the harness checks {ALGORITHMS:?}");
        return ExitCode::from(2);
    }
    let checks = |algorithm: &str| args.is_empty() || args.iter().any(|a| a == algorithm);
    if !crabgrind::VALGRIND_AVAILABLE || !crabgrind::valgrind::running_mode().is_valgrind() {
        eprintln!("run under valgrind: valgrind --error-exitcode=1 --track-origins=yes {{this}}");
        return ExitCode::from(2);
    }
    // The marking must take effect, or the check below would pass vacuously: memcheck's
    // validity bits of a probe are set by `classify` and cleared by `declassify`.
    let mut probe = [0u8; 8];
    let mut vbits = [0u8; 8];
    classify(&mut probe);
    memcheck::vbits(probe.as_ptr().cast(), &mut vbits).expect("under valgrind");
    assert_eq!(
        vbits, [0xff; 8],
        "classify did not mark the probe undefined"
    );
    declassify(&mut probe);
    memcheck::vbits(probe.as_ptr().cast(), &mut vbits).expect("under valgrind");
    assert_eq!(vbits, [0; 8], "declassify did not mark the probe defined");

    let mut rng = SecretRng(u64::from_le_bytes(*b"pqfips-c"));
    for run in 0..RUNS_PER_SET {
        if checks("ml-kem") {
            ml_kem::<ml_kem::MlKem512>(&mut rng);
            ml_kem::<ml_kem::MlKem768>(&mut rng);
            ml_kem::<ml_kem::MlKem1024>(&mut rng);
            println!(
                "run {run}: ML-KEM-512, ML-KEM-768, ML-KEM-1024: keygen, encaps, decaps (valid, modified)"
            );
        }
        if checks("ml-dsa") {
            ml_dsa::<ml_dsa::MlDsa44>(&mut rng);
            ml_dsa::<ml_dsa::MlDsa65>(&mut rng);
            ml_dsa::<ml_dsa::MlDsa87>(&mut rng);
            println!(
                "run {run}: ML-DSA-44, ML-DSA-65, ML-DSA-87: keygen, sign (hedged, deterministic, pre-hash, external μ, imported key)"
            );
        }
    }
    // SLH-DSA once per set: its branches and memory indices depend on public values only, the
    // same in every run, and an "s" set takes a minute under valgrind. Every "f" set, and the
    // two category-1 "s" sets; the other "s" sets run the same generic code with the hash
    // functions their category's "f" sets already run here.
    macro_rules! slh_dsa_sets {
        ($($set:ident),*) => {$({
            let start = Instant::now();
            slh_dsa::<slh_dsa::$set>(&mut rng);
            println!(
                "{}: keygen, sign (hedged pre-hash, deterministic, imported key): {:.0?}",
                <slh_dsa::$set as slh_dsa::ParameterSet>::NAME,
                start.elapsed()
            );
        })*};
    }
    if checks("slh-dsa") {
        // valgrind runs AVX2 (the backend detected here) but neither AVX-512 nor the SHA
        // extensions, which its CPUID hides; switched off all the same, so that the SHA2 sets
        // run the AVX2 multi-buffer kernels. Below, the SHA2 "f" sets once more on the
        // portable backend, the other path valgrind can run.
        pqfips::backend::force_sha_ni(false);
        slh_dsa_sets!(
            SlhDsaSha2_128f,
            SlhDsaShake128f,
            SlhDsaSha2_192f,
            SlhDsaShake192f,
            SlhDsaSha2_256f,
            SlhDsaShake256f,
            SlhDsaSha2_128s,
            SlhDsaShake128s
        );
        pqfips::backend::force(Some(pqfips::backend::Backend::Portable));
        println!("the SHA2 \"f\" sets again, on the portable backend:");
        slh_dsa_sets!(SlhDsaSha2_128f, SlhDsaSha2_192f, SlhDsaSha2_256f);
        pqfips::backend::force(None);
        pqfips::backend::force_sha_ni(true);
    }
    println!("memcheck errors: {}", crabgrind::valgrind::count_errors());
    ExitCode::SUCCESS
}
