//! Untrusted keys into ML-KEM: out-of-range coefficients, a bad H(ek), random garbage; each
//! must fail its FIPS 203 input check. Every length of every input, and the absence of panics,
//! is `no_panic.rs`.

mod common;

use common::TestRng;
use pqfips::Error;
use pqfips::ml_kem::{DecapsulationKey, EncapsulationKey, ParameterSet};
use sha3::{Digest, Sha3_256};

for_each_ml_kem_set!(
    ek_coefficient_at_or_above_q_is_rejected,
    dk_with_modified_hash_is_rejected,
    dk_whose_ek_fails_the_modulus_check_is_rejected,
    dk_secret_coefficients_are_read_mod_q,
    random_keys_fail_their_checks,
);

fn key<P: ParameterSet>() -> DecapsulationKey<P> {
    DecapsulationKey::from_seed(&[0x5a; 64])
}

/// Sets 12-bit coefficient `i` of an ByteEncode₁₂ string to `value`.
fn set_coefficient(bytes: &mut [u8], i: usize, value: u16) {
    let at = 3 * (i / 2);
    let mut v = u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], 0]);
    let shift = 12 * (i % 2);
    v = (v & !(0xfff << shift)) | (u32::from(value) << shift);
    bytes[at..at + 3].copy_from_slice(&v.to_le_bytes()[..3]);
}

fn ek_coefficient_at_or_above_q_is_rejected<P: ParameterSet>() {
    let good = key::<P>().encapsulation_key().to_bytes();
    let mut rng = TestRng::new(10);
    // The first and last coefficient, both halves of a 3-byte group, and random positions.
    let mut positions = vec![0, 1, 2, 3, 255, 256, 256 * P::K - 1];
    positions.extend((0..32).map(|_| rng.below(256 * P::K)));
    for i in positions {
        for value in [3329u16, 3330, 4000, 4095] {
            let mut bad = good;
            set_coefficient(bad.as_mut(), i, value);
            assert_eq!(
                EncapsulationKey::<P>::from_bytes(bad.as_ref()),
                Err(Error::InvalidKey),
                "coefficient {i} = {value}"
            );
        }
        let mut edge = good;
        set_coefficient(edge.as_mut(), i, 3328);
        assert!(
            EncapsulationKey::<P>::from_bytes(edge.as_ref()).is_ok(),
            "q − 1 is valid"
        );
    }
}

fn dk_with_modified_hash_is_rejected<P: ParameterSet>() {
    let good = key::<P>().to_expanded_bytes();
    let h = 768 * P::K + 32;
    for byte in 0..32 {
        let mut bad = *good;
        bad.as_mut()[h + byte] ^= 1 << (byte % 8);
        assert_eq!(
            DecapsulationKey::<P>::from_expanded_bytes(bad.as_ref()),
            Err(Error::InvalidKey),
            "H byte {byte}"
        );
    }
    // A changed ek with the old hash fails the same check.
    let mut bad = *good;
    bad.as_mut()[384 * P::K] ^= 1;
    assert_eq!(
        DecapsulationKey::<P>::from_expanded_bytes(bad.as_ref()),
        Err(Error::InvalidKey)
    );
}

fn dk_whose_ek_fails_the_modulus_check_is_rejected<P: ParameterSet>() {
    let mut bad = *key::<P>().to_expanded_bytes();
    let ek = 384 * P::K..768 * P::K + 32;
    set_coefficient(&mut bad.as_mut()[ek.clone()], 7, 3329);
    let h = Sha3_256::digest(&bad.as_ref()[ek.clone()]);
    bad.as_mut()[ek.end..ek.end + 32].copy_from_slice(&h);
    assert_eq!(
        DecapsulationKey::<P>::from_expanded_bytes(bad.as_ref()),
        Err(Error::InvalidKey)
    );
}

fn dk_secret_coefficients_are_read_mod_q<P: ParameterSet>() {
    // ByteDecode₁₂ reduces mod q (FIPS 203 §4.2.1), so ŝᵢ + q encodes the same key.
    let dk = key::<P>();
    let mut bytes = *dk.to_expanded_bytes();
    let mut changed = 0;
    for i in 0..256 * P::K {
        let at = 3 * (i / 2);
        let v = u32::from_le_bytes([
            bytes.as_ref()[at],
            bytes.as_ref()[at + 1],
            bytes.as_ref()[at + 2],
            0,
        ]);
        let c = ((v >> (12 * (i % 2))) & 0xfff) as u16;
        if c + 3329 < 4096 {
            set_coefficient(bytes.as_mut(), i, c + 3329);
            changed += 1;
        }
    }
    assert!(changed > 100);
    let imported = DecapsulationKey::<P>::from_expanded_bytes(bytes.as_ref()).expect("accepted");
    assert_eq!(imported, dk);
}

fn random_keys_fail_their_checks<P: ParameterSet>() {
    let mut rng = TestRng::new(11);
    for _ in 0..200 {
        let mut ek = vec![0u8; P::ENCAPSULATION_KEY_SIZE];
        rng.fill(&mut ek);
        // Random 12-bit values are ≥ q with probability 0.19 each: the check must catch it.
        assert_eq!(
            EncapsulationKey::<P>::from_bytes(&ek),
            Err(Error::InvalidKey)
        );
        let mut dk_bytes = vec![0u8; P::EXPANDED_DECAPSULATION_KEY_SIZE];
        rng.fill(&mut dk_bytes);
        assert_eq!(
            DecapsulationKey::<P>::from_expanded_bytes(&dk_bytes),
            Err(Error::InvalidKey)
        );
    }
}
