//! Keygen → encaps → decaps must agree for arbitrary seeds and messages, through the byte
//! encodings and the expanded key; a flipped ciphertext bit must give implicit rejection.
//! Input: set ‖ d ‖ z ‖ m ‖ which bit to flip (short inputs are zero-padded).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::ml_kem::{Ciphertext, DecapsulationKey, EncapsulationKey, ParameterSet, hazmat};
use pqfips_fuzz::{array, by_ml_kem_set};

fn run<P: ParameterSet>(data: &[u8]) {
    let input = array::<{ 64 + 32 + 2 }>(data);
    let (seed, rest) = input.split_at(64);
    let (m, flip) = rest.split_at(32);
    let dk = DecapsulationKey::<P>::from_seed(&array(seed));
    let ek = EncapsulationKey::<P>::from_bytes(dk.encapsulation_key().to_bytes().as_ref())
        .expect("own ek passes the modulus check");
    let (ct, ss) = hazmat::encapsulate_deterministic(&ek, &array(m));
    assert!(dk.decapsulate(&ct) == ss);
    let expanded = DecapsulationKey::<P>::from_expanded_bytes(dk.to_expanded_bytes().as_ref())
        .expect("own expanded key passes the hash check");
    assert!(expanded.decapsulate(&ct) == ss);
    let mut tampered = *ct.as_bytes();
    let bit = usize::from(u16::from_le_bytes([flip[0], flip[1]])) % (8 * P::CIPHERTEXT_SIZE);
    tampered.as_mut()[bit / 8] ^= 1 << (bit % 8);
    let tampered = Ciphertext::<P>::try_from(tampered.as_ref()).expect("right length");
    assert!(dk.decapsulate(&tampered) != ss);
}

fuzz_target!(|data: &[u8]| by_ml_kem_set!(data, run));
