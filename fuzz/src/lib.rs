//! Shared by the fuzz targets: the first input byte picks the parameter set, so that each
//! target covers all of them.
//!
//! Targets (`cargo +nightly fuzz list`), one per way untrusted bytes reach the library:
//! `ml_kem_encapsulate` (ek import, then encapsulation), `ml_kem_expanded_key` (expanded dk
//! import), `ml_kem_decapsulate` (arbitrary expanded keys, given a matching H(ek), decapsulating
//! arbitrary ciphertexts), `ml_kem_round_trip` (keygen → encaps → decaps agree for arbitrary
//! seeds); `ml_dsa_verify` (vk import and verification of arbitrary signatures, messages and
//! contexts), `ml_dsa_signing_key` (expanded sk import), `ml_dsa_round_trip` (keygen → sign →
//! verify agree, a flipped signature bit is rejected). Seed corpora come from the NIST vectors:
//! `cargo run --release --example fuzz_corpus`.
//!
//! Adding an algorithm: targets named after it with a `by_*_set!` macro per algorithm.

/// `by_set!(data, run)` calls `run::<Set>(rest)` for the ML-KEM set chosen by `data[0]`.
#[macro_export]
macro_rules! by_ml_kem_set {
    ($data:expr, $run:ident) => {
        if let Some((&set, rest)) = $data.split_first() {
            match set % 3 {
                0 => $run::<pqfips::ml_kem::MlKem512>(rest),
                1 => $run::<pqfips::ml_kem::MlKem768>(rest),
                _ => $run::<pqfips::ml_kem::MlKem1024>(rest),
            }
        }
    };
}

/// `by_ml_dsa_set!(data, run)` calls `run::<Set>(rest)` for the ML-DSA set chosen by `data[0]`.
#[macro_export]
macro_rules! by_ml_dsa_set {
    ($data:expr, $run:ident) => {
        if let Some((&set, rest)) = $data.split_first() {
            match set % 3 {
                0 => $run::<pqfips::ml_dsa::MlDsa44>(rest),
                1 => $run::<pqfips::ml_dsa::MlDsa65>(rest),
                _ => $run::<pqfips::ml_dsa::MlDsa87>(rest),
            }
        }
    };
}

/// The first `N` bytes of `data`, zero-padded: lets short inputs still reach the code.
pub fn array<const N: usize>(data: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let n = data.len().min(N);
    out[..n].copy_from_slice(&data[..n]);
    out
}
