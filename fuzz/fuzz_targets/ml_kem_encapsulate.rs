//! Encapsulation-key import (any length, any bytes), then encapsulation with the last 32 bytes
//! as m. Input: set ‖ ek ‖ m.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::ml_kem::{EncapsulationKey, ParameterSet, hazmat};
use pqfips_fuzz::{array, by_ml_kem_set};

fn run<P: ParameterSet>(data: &[u8]) {
    let (ek_bytes, m) = data.split_at(data.len().saturating_sub(32));
    let Ok(ek) = EncapsulationKey::<P>::from_bytes(ek_bytes) else {
        return;
    };
    // Accepted keys are canonical: the encoding comes back unchanged.
    assert_eq!(ek.to_bytes().as_ref(), ek_bytes);
    let m = array::<32>(m);
    let (ct, ss) = hazmat::encapsulate_deterministic(&ek, &m);
    assert_eq!(ct.as_ref().len(), P::CIPHERTEXT_SIZE);
    assert!(hazmat::encapsulate_deterministic(&ek, &m) == (ct, ss));
}

fuzz_target!(|data: &[u8]| by_ml_kem_set!(data, run));
