//! Expanded decapsulation-key import of any bytes, any length. Input: set ‖ dk.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::ml_kem::{DecapsulationKey, ParameterSet};
use pqfips_fuzz::by_ml_kem_set;

fn run<P: ParameterSet>(data: &[u8]) {
    let Ok(dk) = DecapsulationKey::<P>::from_expanded_bytes(data) else {
        return;
    };
    // The embedded ek is kept as given (it passed the modulus check, so it is canonical).
    let ek = 384 * P::K..768 * P::K + 32;
    assert_eq!(dk.encapsulation_key().to_bytes().as_ref(), &data[ek]);
    assert_eq!(dk.seed(), None);
    // Re-encoding reduces dk_PKE mod q; that encoding imports to the same key.
    let again = dk.to_expanded_bytes();
    let reimported =
        DecapsulationKey::<P>::from_expanded_bytes(again.as_ref()).expect("own encoding");
    assert!(reimported == dk);
    assert_eq!(reimported.to_expanded_bytes().as_ref(), again.as_ref());
}

fuzz_target!(|data: &[u8]| by_ml_kem_set!(data, run));
