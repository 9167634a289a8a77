//! Shared by the fuzz targets: the first input byte picks the parameter set, so that each
//! target covers all of them.
//!
//! Targets (`cargo +nightly fuzz list`), one per way untrusted bytes reach the library:
//! `ml_kem_encapsulate` (ek import, then encapsulation), `ml_kem_expanded_key` (expanded dk
//! import), `ml_kem_decapsulate` (arbitrary expanded keys, given a matching H(ek), decapsulating
//! arbitrary ciphertexts), `ml_kem_round_trip` (keygen → encaps → decaps agree for arbitrary
//! seeds); `ml_dsa_verify` (vk import and verification of arbitrary signatures, messages and
//! contexts), `ml_dsa_signing_key` (expanded sk import), `ml_dsa_round_trip` (keygen → sign →
//! verify agree, a flipped signature bit is rejected); `slh_dsa_verify` (vk import and
//! verification of arbitrary signatures, messages and contexts), `slh_dsa_signing_key` (sk
//! import), `slh_dsa_round_trip` (keygen → sign → verify agree for the "f" sets, a flipped
//! signature bit is rejected); `key_formats` (PKCS#8 and SubjectPublicKeyInfo import, DER and
//! PEM, of every set); `hybrid_shares` (X-Wing key and ciphertext import, and each TLS hybrid
//! group's shares at a server and at a client). Seed corpora come from the vectors in `kat/`
//! and the RFCs' example keys:
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

/// `by_slh_dsa_set!(data, run)` calls `run::<Set>(rest)` for the SLH-DSA set chosen by
/// `data[0]`: the six "f" sets first, then the six "s" sets.
#[macro_export]
macro_rules! by_slh_dsa_set {
    ($data:expr, $run:ident) => {
        if let Some((&set, rest)) = $data.split_first() {
            match set % 12 {
                0 => $run::<pqfips::slh_dsa::SlhDsaSha2_128f>(rest),
                1 => $run::<pqfips::slh_dsa::SlhDsaShake128f>(rest),
                2 => $run::<pqfips::slh_dsa::SlhDsaSha2_192f>(rest),
                3 => $run::<pqfips::slh_dsa::SlhDsaShake192f>(rest),
                4 => $run::<pqfips::slh_dsa::SlhDsaSha2_256f>(rest),
                5 => $run::<pqfips::slh_dsa::SlhDsaShake256f>(rest),
                6 => $run::<pqfips::slh_dsa::SlhDsaSha2_128s>(rest),
                7 => $run::<pqfips::slh_dsa::SlhDsaShake128s>(rest),
                8 => $run::<pqfips::slh_dsa::SlhDsaSha2_192s>(rest),
                9 => $run::<pqfips::slh_dsa::SlhDsaShake192s>(rest),
                10 => $run::<pqfips::slh_dsa::SlhDsaSha2_256s>(rest),
                _ => $run::<pqfips::slh_dsa::SlhDsaShake256s>(rest),
            }
        }
    };
}

/// `by_slh_dsa_f_set!(data, run)`: as [`by_slh_dsa_set!`] among the six "f" sets only, for
/// targets that sign (an "s" set signs in up to 1.5 s, too slow for a fuzzer). A byte below 6
/// names the same set in both.
#[macro_export]
macro_rules! by_slh_dsa_f_set {
    ($data:expr, $run:ident) => {
        if let Some((&set, rest)) = $data.split_first() {
            match set % 6 {
                0 => $run::<pqfips::slh_dsa::SlhDsaSha2_128f>(rest),
                1 => $run::<pqfips::slh_dsa::SlhDsaShake128f>(rest),
                2 => $run::<pqfips::slh_dsa::SlhDsaSha2_192f>(rest),
                3 => $run::<pqfips::slh_dsa::SlhDsaShake192f>(rest),
                4 => $run::<pqfips::slh_dsa::SlhDsaSha2_256f>(rest),
                _ => $run::<pqfips::slh_dsa::SlhDsaShake256f>(rest),
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

/// The input layout of the verify targets: vk ‖ signature ‖ context length (fixed sizes,
/// zero-padded when the input is short) ‖ context ‖ message (the rest; the context is cut to
/// what is there). Returns (vk, signature, context, message).
pub fn split_verify_input(
    data: &[u8],
    vk_size: usize,
    sig_size: usize,
) -> (Vec<u8>, Vec<u8>, &[u8], &[u8]) {
    let mut fixed = vec![0u8; vk_size + sig_size + 1];
    let n = data.len().min(fixed.len());
    fixed[..n].copy_from_slice(&data[..n]);
    let rest = &data[n..];
    let ctx_len = usize::from(fixed[vk_size + sig_size]).min(rest.len());
    let (ctx, msg) = rest.split_at(ctx_len);
    let sig = fixed[vk_size..vk_size + sig_size].to_vec();
    fixed.truncate(vk_size);
    (fixed, sig, ctx, msg)
}
