//! Every operation of every parameter set with its published stack budget: the one list that
//! `tests/stack.rs` checks and `examples/stack.rs` prints for the README's table, both through
//! [`meter::peak_stack`].
//!
//! Inputs are made when the list is built and owned by each operation's closure (on the heap),
//! so that the stack an operation is charged with is its own frames plus its return value, as
//! for a caller that keeps its keys elsewhere. The result is kept in a local, as returned, and
//! only its address given to `black_box`: passing it by value, or converting it (a key
//! import's `Result` to an `Option`), would charge a second copy.
//!
//! Adding an algorithm: a function like [`ml_kem`] per algorithm, called for each set from
//! [`all`]. Budgets from issue 5: ML-KEM-768 16 KiB; ML-DSA-65 signing 64 KiB; SLH-DSA signing
//! 16 KiB beyond the signature buffer (see [`slh_dsa`]).

#[cfg(any(
    feature = "xwing",
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
mod hybrid;
pub mod meter;

use std::hint::black_box;

use pqfips::ml_dsa::{
    self, MlDsa44, MlDsa65, MlDsa87, PreparedVerifyingKey, SigningKey, VerifyingKey,
};
use pqfips::ml_kem::{self, DecapsulationKey, EncapsulationKey, MlKem512, MlKem768, MlKem1024};
use pqfips::slh_dsa::{
    self, SlhDsaSha2_128f, SlhDsaSha2_128s, SlhDsaSha2_192f, SlhDsaSha2_192s, SlhDsaSha2_256f,
    SlhDsaSha2_256s, SlhDsaShake128f, SlhDsaShake128s, SlhDsaShake192f, SlhDsaShake192s,
    SlhDsaShake256f, SlhDsaShake256s,
};

pub const KIB: usize = 1024;

/// One operation of one parameter set.
pub struct Operation {
    /// The parameter set, e.g. `"ML-KEM-768"`.
    pub set: &'static str,
    /// What runs, e.g. `"decaps"`.
    pub name: &'static str,
    /// The published most stack it may use, in bytes.
    pub budget: usize,
    /// Runs the operation once on its prepared inputs.
    pub run: Box<dyn Fn() + Send + Sync>,
}

/// Every operation, every parameter set.
pub fn all() -> Vec<Operation> {
    let mut ops = Vec::new();
    // ML-KEM-768 must stay below 16 KiB in every operation (issue 5); the other sets get the
    // budget that their sizes scale to.
    ops.extend(ml_kem::<MlKem512>(16 * KIB));
    ops.extend(ml_kem::<MlKem768>(16 * KIB));
    ops.extend(ml_kem::<MlKem1024>(20 * KIB));
    // ML-DSA-65 signing must stay below 64 KiB (issue 5). Every ML-DSA operation of a set but
    // `prepare` (see [`ml_dsa`]) gets the set's budget: signing holds the matrix Â (k·ℓ KiB)
    // and key generation returns the key with its NTT-domain secrets; these two are the largest.
    ops.extend(ml_dsa::<MlDsa44>(48 * KIB));
    ops.extend(ml_dsa::<MlDsa65>(64 * KIB));
    ops.extend(ml_dsa::<MlDsa87>(100 * KIB));
    ops.extend(slh_dsa::<SlhDsaSha2_128s>());
    ops.extend(slh_dsa::<SlhDsaShake128s>());
    ops.extend(slh_dsa::<SlhDsaSha2_128f>());
    ops.extend(slh_dsa::<SlhDsaShake128f>());
    ops.extend(slh_dsa::<SlhDsaSha2_192s>());
    ops.extend(slh_dsa::<SlhDsaShake192s>());
    ops.extend(slh_dsa::<SlhDsaSha2_192f>());
    ops.extend(slh_dsa::<SlhDsaShake192f>());
    ops.extend(slh_dsa::<SlhDsaSha2_256s>());
    ops.extend(slh_dsa::<SlhDsaShake256s>());
    ops.extend(slh_dsa::<SlhDsaSha2_256f>());
    ops.extend(slh_dsa::<SlhDsaShake256f>());
    #[cfg(any(
        feature = "xwing",
        feature = "x25519mlkem768",
        feature = "secp256r1mlkem768",
        feature = "secp384r1mlkem1024"
    ))]
    ops.extend(hybrid::all());
    ops
}

/// Key generation, the two key imports, signing (returning the signature, and into one the
/// caller holds) and verification of one SLH-DSA set.
///
/// Issue 5's target: signing below 16 KiB beyond the signature buffer. `sign_into` writes into
/// a `Signature` the caller holds (here in the closure's frame, so counted once): budget
/// `16 * KIB + SIGNATURE_SIZE`. `sign` returns the signature by value, and the compiler copies
/// it once on the way out, so the stack holds it twice: `16 * KIB + 2 * SIGNATURE_SIZE`. The
/// operations without a signature on the stack get 16 KiB.
fn slh_dsa<P: slh_dsa::ParameterSet>() -> Vec<Operation> {
    let seed = |b: u8| P::Seed::try_from(&[b; 32][..P::N]).expect("n bytes");
    let (sk_seed, sk_prf, pk_seed) = (seed(0x42), seed(0x43), seed(0x44));
    let sk = slh_dsa::SigningKey::<P>::from_seeds(&sk_seed, &sk_prf, &pk_seed);
    let vk = sk.verifying_key().clone();
    let vk_bytes = vk.to_bytes();
    let sk_bytes = sk.to_bytes();
    let sig = sk
        .sign_deterministic(b"message", b"")
        .expect("short context");
    let sk = std::sync::Arc::new(sk);
    let sk_for_sign_into = sk.clone();
    let op = |name, budget, run: Box<dyn Fn() + Send + Sync>| Operation {
        set: P::NAME,
        name,
        budget,
        run,
    };
    vec![
        op(
            "keygen",
            16 * KIB,
            Box::new(move || {
                let result = slh_dsa::SigningKey::<P>::from_seeds(
                    black_box(&sk_seed),
                    black_box(&sk_prf),
                    black_box(&pk_seed),
                );
                black_box(&result);
            }),
        ),
        op(
            "vk import",
            16 * KIB,
            Box::new(move || {
                let bytes = black_box(vk_bytes.as_ref());
                let result = slh_dsa::VerifyingKey::<P>::from_bytes(bytes);
                black_box(&result);
            }),
        ),
        op(
            "sk import",
            16 * KIB,
            Box::new(move || {
                let bytes = black_box(sk_bytes.as_ref());
                let result = slh_dsa::SigningKey::<P>::from_bytes(bytes);
                black_box(&result);
            }),
        ),
        op(
            "sign",
            16 * KIB + 2 * P::SIGNATURE_SIZE,
            Box::new(move || {
                let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
                let result = black_box(&sk).sign(&mut rng, black_box(b"message"), b"");
                black_box(&result);
            }),
        ),
        op(
            "sign_into",
            16 * KIB + P::SIGNATURE_SIZE,
            Box::new(move || {
                let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
                let mut sig = slh_dsa::Signature::<P>::default();
                let result = black_box(&sk_for_sign_into).sign_into(
                    &mut rng,
                    black_box(b"message"),
                    b"",
                    &mut sig,
                );
                black_box((&result, &sig));
            }),
        ),
        op(
            "verify",
            16 * KIB,
            Box::new(move || {
                let result = black_box(&vk).verify(black_box(b"message"), b"", &sig).ok();
                black_box(&result);
            }),
        ),
    ]
}

/// Key generation, the two key imports, signing and verification of one ML-DSA set.
fn ml_dsa<P: ml_dsa::ParameterSet>(budget: usize) -> Vec<Operation> {
    let seed = [0x42u8; 32];
    let sk = SigningKey::<P>::from_seed(&seed);
    let vk = sk.verifying_key().clone();
    let vk_bytes = vk.to_bytes();
    let sk_bytes = sk.to_expanded_bytes();
    let sig = sk
        .sign_deterministic(b"message", b"")
        .expect("short context");
    let sk = std::sync::Arc::new(sk);
    // Held by the caller, as an application would keep it (36 KiB for ML-DSA-65).
    let prepared = std::sync::Arc::new(vk.prepare());
    let prepared_for_prepare = prepared.clone();
    let op = |name, run: Box<dyn Fn() + Send + Sync>| Operation {
        set: P::NAME,
        name,
        budget,
        run,
    };
    vec![
        op(
            "keygen",
            Box::new(move || {
                let result = SigningKey::<P>::from_seed(black_box(&seed));
                black_box(&result);
            }),
        ),
        op(
            "vk import",
            Box::new(move || {
                let result = VerifyingKey::<P>::from_bytes(black_box(vk_bytes.as_ref()));
                black_box(&result);
            }),
        ),
        op(
            "sk import",
            Box::new(move || {
                let bytes = black_box(sk_bytes.as_ref());
                let result = SigningKey::<P>::from_expanded_bytes(bytes);
                black_box(&result);
            }),
        ),
        op(
            "sign",
            Box::new(move || {
                let result = black_box(&sk)
                    .sign_deterministic(black_box(b"message"), b"")
                    .ok();
                black_box(&result);
            }),
        ),
        op(
            "verify",
            Box::new(move || {
                let result = black_box(&vk).verify(black_box(b"message"), b"", &sig).ok();
                black_box(&result);
            }),
        ),
        // Returned by value, the prepared key is on the stack twice (the compiler builds it,
        // then copies it out), like SLH-DSA's `sign`: budget 16 KiB + twice its size.
        Operation {
            budget: 16 * KIB + 2 * size_of::<PreparedVerifyingKey<P>>(),
            ..op(
                "prepare",
                Box::new(move || {
                    let result = black_box(prepared_for_prepare.verifying_key()).prepare();
                    black_box(&result);
                }),
            )
        },
        op(
            "prepared verify",
            Box::new(move || {
                let result = black_box(&prepared)
                    .verify(black_box(b"message"), b"", &sig)
                    .ok();
                black_box(&result);
            }),
        ),
    ]
}

/// Key generation, the two key imports, encapsulation and decapsulation of one ML-KEM set.
fn ml_kem<P: ml_kem::ParameterSet>(budget: usize) -> Vec<Operation> {
    let seed = [0x42u8; 64];
    let m = [0x24u8; 32];
    let dk = DecapsulationKey::<P>::from_seed(&seed);
    let ek = dk.encapsulation_key().clone();
    let ek_bytes = ek.to_bytes();
    let dk_bytes = dk.to_expanded_bytes();
    let (ct, _) = ml_kem::hazmat::encapsulate_deterministic(&ek, &m);
    let op = |name, run: Box<dyn Fn() + Send + Sync>| Operation {
        set: P::NAME,
        name,
        budget,
        run,
    };
    vec![
        op(
            "keygen",
            Box::new(move || {
                let result = DecapsulationKey::<P>::from_seed(black_box(&seed));
                black_box(&result);
            }),
        ),
        op(
            "ek import",
            Box::new(move || {
                let result = EncapsulationKey::<P>::from_bytes(black_box(ek_bytes.as_ref()));
                black_box(&result);
            }),
        ),
        op(
            "dk import",
            Box::new(move || {
                let bytes = black_box(dk_bytes.as_ref());
                let result = DecapsulationKey::<P>::from_expanded_bytes(bytes);
                black_box(&result);
            }),
        ),
        op(
            "encaps",
            Box::new(move || {
                let result =
                    ml_kem::hazmat::encapsulate_deterministic(black_box(&ek), black_box(&m));
                black_box(&result);
            }),
        ),
        op(
            "decaps",
            Box::new(move || {
                let result = black_box(&dk).decapsulate(black_box(&ct));
                black_box(&result);
            }),
        ),
    ]
}
