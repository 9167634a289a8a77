//! Expanded signing-key import of any bytes, any length: accepted only if consistent, and then
//! it signs what its verifying key accepts. Input: set ‖ sk.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::ml_dsa::{ParameterSet, SigningKey};
use pqfips_fuzz::by_ml_dsa_set;

fn run<P: ParameterSet>(data: &[u8]) {
    let Ok(sk) = SigningKey::<P>::from_expanded_bytes(data) else {
        return;
    };
    assert_eq!(sk.to_expanded_bytes().as_ref(), data);
    assert_eq!(sk.seed(), None);
    let sig = sk.sign_deterministic(b"fuzz", b"").expect("short context");
    sk.verifying_key()
        .verify(b"fuzz", b"", &sig)
        .expect("own signature verifies");
}

fuzz_target!(|data: &[u8]| by_ml_dsa_set!(data, run));
