//! Decapsulation of arbitrary ciphertexts with arbitrary expanded keys. The target writes the
//! H(ek) that the §7.3 check wants, so that the fuzzer explores keys and ciphertexts rather
//! than SHA3-256 preimages. Input: set ‖ dk_PKE ‖ ek ‖ z ‖ ciphertext (any length).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::ml_kem::{Ciphertext, DecapsulationKey, ParameterSet};
use pqfips_fuzz::by_ml_kem_set;
use sha3::{Digest, Sha3_256};

fn run<P: ParameterSet>(data: &[u8]) {
    let key_len = P::EXPANDED_DECAPSULATION_KEY_SIZE - 32;
    if data.len() < key_len {
        return;
    }
    let (key, ct) = data.split_at(key_len);
    let (dk_pke_and_ek, z) = key.split_at(key_len - 32);
    let ek = &dk_pke_and_ek[384 * P::K..];
    let mut expanded = Vec::with_capacity(P::EXPANDED_DECAPSULATION_KEY_SIZE);
    expanded.extend_from_slice(dk_pke_and_ek);
    expanded.extend_from_slice(&Sha3_256::digest(ek));
    expanded.extend_from_slice(z);
    let Ok(dk) = DecapsulationKey::<P>::from_expanded_bytes(&expanded) else {
        return;
    };
    let Ok(ct) = Ciphertext::<P>::try_from(ct) else {
        return;
    };
    // Any ciphertext decapsulates, deterministically (implicit rejection, never an error).
    assert!(dk.decapsulate(&ct) == dk.decapsulate(&ct));
}

fuzz_target!(|data: &[u8]| by_ml_kem_set!(data, run));
