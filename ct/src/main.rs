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
//! Three scripts beside it complete the check: `no-division.sh` looks for the one kind of leak
//! memcheck cannot see (a division instruction, whose time depends on its operands),
//! `simd-kernels.sh` holds the SIMD kernels, which memcheck cannot run in AVX-512, to
//! straight-line code (no conditional branch, no register-indexed memory access), and
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
    // Key equality is constant-time in the secret parts; its answer is the caller's to use.
    let mut same_key = imported == dk;
    declassify(&mut same_key);
    assert!(same_key, "the imported key differs");
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
/// pre-hash with `ph[0]`, a caller's digest with `ph[1]`, external μ) with a generated key and
/// with an imported expanded key whose secret parts are undefined, and key equality. The
/// rejection decisions, ρ and the verifying key are declassified by the library where
/// FIPS 204 makes them public (`src/ml_dsa/sign.rs`, `sample.rs`).
fn ml_dsa<P: ml_dsa::ParameterSet>(rng: &mut SecretRng, ph: [PreHash; 2]) {
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
    // Key equality is constant-time; its answer is the caller's to use.
    let mut same_key = imported == sk;
    declassify(&mut same_key);
    assert!(same_key, "the imported key differs");
    // A digest PH(M) the caller computed: public, and any bytes will do here.
    let digest = vec![0x5a; ph[1].digest_size()];

    // Algorithms 2 and 4 (rnd from the RNG, or 0³²), and signing an external μ.
    let mut signatures: [Signature<P>; 7] = [
        sk.sign(rng, msg, ctx).expect("short context"),
        sk.sign_deterministic(msg, ctx).expect("short context"),
        sk.sign_prehash(rng, ph[0], msg, ctx)
            .expect("short context"),
        sk.sign_digest(rng, ph[1], &digest, ctx)
            .expect("short context, right digest size"),
        sk.sign_mu(rng, &mu).expect("infallible RNG"),
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
        from_digest,
        external_mu,
        imported_hedged,
        imported_det,
    ] = signatures;
    for sig in [&hedged, &det, &external_mu, &imported_hedged, &imported_det] {
        vk.verify(msg, ctx, sig).expect("own signature verifies");
    }
    vk.verify_prehash(ph[0], msg, ctx, &prehash)
        .expect("verifies");
    vk.verify_digest(ph[1], &digest, ctx, &from_digest)
        .expect("verifies");
    assert!(det == imported_det, "imported key signs differently");
}

/// SLH-DSA keygen (SK.seed, SK.prf and PK.seed from the RNG) and signing: hedged (addrnd from
/// the RNG) in pre-hash mode with `ph` (on the message, or, if `digest`, on a digest the caller
/// computed) and deterministic with the generated key, and hedged with a key imported from its
/// bytes whose SK.seed and SK.prf are undefined; and key equality. Three signatures cover the
/// three ways a signature starts (secret addrnd, opt_rand = PK.seed, a key from bytes) and both
/// message forms; every further one would cost a minute of valgrind time for an "s" set.
/// PK.seed, PK.root, R, PK_FORS and the XMSS roots are declassified by the library where
/// FIPS 205 makes them public (`src/slh_dsa/`); the digest and the indices are not, since they
/// are computed from public values only.
fn slh_dsa<P: slh_dsa::ParameterSet>(rng: &mut SecretRng, ph: PreHash, digest: bool) {
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
    // Key equality is constant-time; its answer is the caller's to use.
    let mut same_key = imported == sk;
    declassify(&mut same_key);
    assert!(same_key, "the imported key differs");

    // Algorithm 23 (addrnd from the RNG), Algorithm 22 deterministic (opt_rand = PK.seed), and
    // Algorithm 22 hedged with the imported key, into a signature the caller holds.
    // A digest PH(M) the caller computed: public, and any bytes will do here; M′ as the
    // signer builds it, for hazmat::verify_internal.
    let ph_m = vec![0x5a; ph.digest_size()];
    let m_prime = [&[1, ctx.len() as u8][..], ctx, &ph.oid(), &ph_m].concat();
    let mut prehash = if digest {
        sk.sign_digest(rng, ph, &ph_m, ctx)
            .expect("short context, right digest size")
    } else {
        sk.sign_prehash(rng, ph, msg, ctx).expect("short context")
    };
    let mut det = sk.sign_deterministic(msg, ctx).expect("short context");
    let mut imported_hedged = slh_dsa::Signature::<P>::default();
    imported
        .sign_into(rng, msg, ctx, &mut imported_hedged)
        .expect("short context");
    // Signatures are published.
    declassify(&mut prehash);
    declassify(&mut det);
    declassify(&mut imported_hedged);
    if digest {
        slh_dsa::hazmat::verify_internal(&vk, &m_prime, &prehash)
    } else {
        vk.verify_prehash(ph, msg, ctx, &prehash)
    }
    .expect("own signature verifies");
    vk.verify(msg, ctx, &det).expect("own signature verifies");
    vk.verify(msg, ctx, &imported_hedged)
        .expect("own signature verifies");
}

/// X-Wing keygen (the seed from the RNG), encaps (eseed from the RNG), and decaps of a valid
/// and of a modified ciphertext. X25519 is `x25519-dalek`'s; the X25519 public key is
/// declassified by the library where it is published.
fn xwing(rng: &mut SecretRng) {
    use pqfips::hybrid::xwing::{Ciphertext, DecapsulationKey, EncapsulationKey};
    let dk = DecapsulationKey::generate(rng);
    let mut ek_bytes = dk.encapsulation_key().to_bytes();
    // The encapsulation key is published: that is what key generation makes it for.
    declassify(&mut ek_bytes);
    let ek = EncapsulationKey::from_bytes(&ek_bytes).expect("own key is valid");
    let (mut ct, mut ss) = ek.encapsulate(rng);
    // The ciphertext is sent to the receiver.
    declassify(&mut ct);
    let mut flipped = *ct.as_bytes();
    flipped[0] ^= 1;
    let flipped = Ciphertext::try_from(&flipped[..]).expect("right length");
    let mut results = [dk.decapsulate(&ct), dk.decapsulate(&flipped)];
    declassify(&mut ss);
    declassify(&mut results);
    let [valid, rejected] = results;
    assert!(valid == ss, "X-Wing decapsulation disagrees");
    assert!(rejected != ss, "X-Wing implicit rejection failed");
}

/// One TLS hybrid group: the client's key exchange (ML-KEM seed and ECDH scalar from the RNG),
/// the server's share and secret from the client's share (m and the server's scalar from the
/// RNG), and the client's secret from the server's share. The curve halves are `x25519-dalek`
/// and RustCrypto's `p256` / `p384`; the library declassifies the ECDH public shares where they
/// are sent, and the accept decision of P-256 / P-384 scalar sampling.
fn tls_group<G: pqfips::hybrid::tls::Group>(rng: &mut SecretRng) {
    use pqfips::hybrid::tls::{ClientKeyExchange, server_key_share};
    let client = ClientKeyExchange::<G>::generate(rng);
    let mut client_share = *client.key_share();
    // The client's key share is sent in its ClientHello.
    declassify(&mut client_share);
    let (mut server_share, mut server_secret) =
        server_key_share::<G, _>(rng, client_share.as_ref()).expect("own share is valid");
    // The server's key share is sent in its ServerHello.
    declassify(&mut server_share);
    let mut client_secret = client
        .complete(server_share.as_ref())
        .expect("own share is valid");
    declassify(&mut server_secret);
    declassify(&mut client_secret);
    assert!(
        client_secret == server_secret,
        "{}: secrets differ",
        G::NAME
    );
}

/// The algorithms the harness checks, as named on its command line.
/// The multi-way SHAKE (the algorithms' next hashing core) on secret inputs: every width and
/// rate, one and several blocks in and out, on every backend that valgrind runs (portable and
/// AVX2; it cannot run AVX-512, whose kernels `simd-kernels.sh` checks in the binary instead).
fn multi_keccak(rng: &mut SecretRng) {
    use pqfips::backend::{self, keccak};
    let mut input = [[0u8; 300]; 8];
    let mut output = [[0u8; 400]; 8];
    for b in backend::available() {
        backend::force(Some(b));
        for len in [33, 300] {
            for stream in input.iter_mut() {
                let Ok(()) = rng.try_fill_bytes(&mut stream[..len]);
            }
            let ins: [&[u8]; 8] = core::array::from_fn(|j| &input[j][..len]);
            let [i0, i1, i2, i3, ..] = ins;
            let outs = output.each_mut().map(|o| &mut o[..]);
            keccak::shake128_x8(ins, outs);
            let [o0, o1, o2, o3, ..] = output.each_mut().map(|o| &mut o[..]);
            keccak::shake256_x4([i0, i1, i2, i3], [o0, o1, o2, o3]);
            let [o0, o1, o2, o3, ..] = output.each_mut().map(|o| &mut o[..]);
            keccak::shake128_x4([i0, i1, i2, i3], [o0, o1, o2, o3]);
            keccak::shake256_x8(ins, output.each_mut().map(|o| &mut o[..]));
        }
    }
    backend::force(None);
}

/// The backends this CPU has that valgrind 3.19 can execute: all but AVX-512 (whose kernels
/// `simd-kernels.sh` checks in the binary instead).
fn valgrind_backends() -> Vec<pqfips::backend::Backend> {
    use pqfips::backend::{Backend, available};
    available().filter(|b| *b != Backend::Avx512).collect()
}

/// SLH-DSA in four groups: the six "f" sets on the AVX2 kernels, the same on the portable
/// backend, and the "s" sets of each hash family, which take most of the time (`.ci/run` runs
/// the SHAKE "s" sets and the portable "f" sets in a second valgrind process).
const ALGORITHMS: [&str; 9] = [
    "ml-kem",
    "ml-dsa",
    "slh-dsa-f",
    "slh-dsa-f-portable",
    "slh-dsa-sha2-s",
    "slh-dsa-shake-s",
    "multi-keccak",
    "xwing",
    "tls-groups",
];

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
    // Each ML-DSA call signs with two pre-hash functions (`sign_prehash`, `sign_digest`):
    // over the runs and sets, every one of the twelve at least once.
    let mut prehashes = PreHash::ALL.iter().copied().cycle();
    let mut two = || {
        [
            prehashes.next().expect("cycles"),
            prehashes.next().expect("cycles"),
        ]
    };
    for run in 0..RUNS_PER_SET {
        if checks("ml-kem") {
            // On each backend whose instructions valgrind executes: the portable code and the
            // AVX2 kernels (NTTs, base multiplication, compression, the ×4 Keccak) are
            // different code, each checked here.
            for backend in valgrind_backends() {
                pqfips::backend::force(Some(backend));
                ml_kem::<ml_kem::MlKem512>(&mut rng);
                ml_kem::<ml_kem::MlKem768>(&mut rng);
                ml_kem::<ml_kem::MlKem1024>(&mut rng);
                println!(
                    "run {run}, {backend}: ML-KEM-512, ML-KEM-768, ML-KEM-1024: keygen, encaps, decaps (valid, modified), import, equality"
                );
            }
            pqfips::backend::force(None);
        }
        if checks("xwing") {
            xwing(&mut rng);
            println!("run {run}: X-Wing: keygen, encaps, decaps (valid, modified)");
        }
        if checks("tls-groups") {
            use pqfips::hybrid::tls::{SecP256r1MlKem768, SecP384r1MlKem1024, X25519MlKem768};
            tls_group::<X25519MlKem768>(&mut rng);
            tls_group::<SecP256r1MlKem768>(&mut rng);
            tls_group::<SecP384r1MlKem1024>(&mut rng);
            println!(
                "run {run}: X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024: client share, server share, client secret"
            );
        }
        if checks("ml-dsa") {
            // On each backend whose instructions valgrind executes, as for ML-KEM: the
            // portable rounding, norm checks and NTTs, and the AVX2 kernels with the ×4 Keccak.
            for backend in valgrind_backends() {
                pqfips::backend::force(Some(backend));
                let mut used = Vec::new();
                for (set, ph) in [two(), two(), two()].into_iter().enumerate() {
                    match set {
                        0 => ml_dsa::<ml_dsa::MlDsa44>(&mut rng, ph),
                        1 => ml_dsa::<ml_dsa::MlDsa65>(&mut rng, ph),
                        _ => ml_dsa::<ml_dsa::MlDsa87>(&mut rng, ph),
                    }
                    used.extend(ph.map(PreHash::name));
                }
                println!(
                    "run {run}, {backend}: ML-DSA-44, ML-DSA-65, ML-DSA-87: keygen, sign (hedged, deterministic, pre-hash, digest, external μ, imported key), import, equality; pre-hash {}",
                    used.join(", ")
                );
            }
            pqfips::backend::force(None);
        }
    }
    // SLH-DSA once per set: its branches and memory indices depend on public values only, the
    // same in every run, and an "s" set takes minutes under valgrind. Each set signs with its
    // own one of the twelve pre-hash functions, every other one from a caller's digest.
    macro_rules! slh_dsa_sets {
        ($($set:ident: $ph:ident, $digest:literal;)*) => {$({
            let start = Instant::now();
            slh_dsa::<slh_dsa::$set>(&mut rng, PreHash::$ph, $digest);
            println!(
                "{}: keygen, sign ({} {}, deterministic, imported key), import, equality: {:.0?}",
                <slh_dsa::$set as slh_dsa::ParameterSet>::NAME,
                if $digest { "hedged digest" } else { "hedged pre-hash" },
                PreHash::$ph.name(),
                start.elapsed()
            );
        })*};
    }
    if checks("slh-dsa-f") {
        // valgrind runs AVX2 (the backend detected here) but neither AVX-512 nor the SHA
        // extensions, which its CPUID hides; switched off all the same, so that the SHA2 sets
        // run the AVX2 multi-buffer kernels and the SHAKE sets the 4-way AVX2 Keccak.
        pqfips::backend::force_sha_ni(false);
        slh_dsa_sets!(
            SlhDsaSha2_128f: Sha2_256, false;
            SlhDsaShake128f: Sha2_384, true;
            SlhDsaSha2_192f: Sha2_512, false;
            SlhDsaShake192f: Sha2_224, true;
            SlhDsaSha2_256f: Sha2_512_224, false;
            SlhDsaShake256f: Sha2_512_256, true;
        );
        pqfips::backend::force_sha_ni(true);
    }
    if checks("slh-dsa-f-portable") {
        // The portable path, the other one valgrind can run: the "f" sets once more.
        pqfips::backend::force(Some(pqfips::backend::Backend::Portable));
        println!("the \"f\" sets on the portable backend:");
        slh_dsa_sets!(
            SlhDsaSha2_128f: Sha2_512_224, true;
            SlhDsaShake128f: Sha2_512_256, false;
            SlhDsaSha2_192f: Sha2_224, true;
            SlhDsaShake192f: Sha2_256, false;
            SlhDsaSha2_256f: Sha2_384, true;
            SlhDsaShake256f: Sha2_512, false;
        );
        pqfips::backend::force(None);
    }
    if checks("slh-dsa-sha2-s") {
        slh_dsa_sets!(
            SlhDsaSha2_128s: Sha3_224, false;
            SlhDsaSha2_192s: Sha3_384, true;
            SlhDsaSha2_256s: Shake128, false;
        );
    }
    if checks("slh-dsa-shake-s") {
        slh_dsa_sets!(
            SlhDsaShake128s: Sha3_256, true;
            SlhDsaShake192s: Sha3_512, false;
            SlhDsaShake256s: Shake256, true;
        );
    }
    if checks("multi-keccak") {
        multi_keccak(&mut rng);
        println!(
            "SHAKE128/256 ×4 and ×8 on the backends {:?}",
            pqfips::backend::available().collect::<Vec<_>>()
        );
    }
    println!("memcheck errors: {}", crabgrind::valgrind::count_errors());
    ExitCode::SUCCESS
}
