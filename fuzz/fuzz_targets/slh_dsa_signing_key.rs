//! Signing-key import of any bytes, any length: every byte string of the right length is a key
//! (FIPS 205 defines no check), and then it encodes back unchanged and its verifying key is its
//! last 2n bytes. It does not sign: an "s" set signs in up to 1.5 s, far too slow for a fuzzer
//! (`slh_dsa_round_trip` signs). Input: set ‖ sk.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::Error;
use pqfips::slh_dsa::{ParameterSet, SigningKey};
use pqfips_fuzz::by_slh_dsa_set;

fn run<P: ParameterSet>(data: &[u8]) {
    let sk = match SigningKey::<P>::from_bytes(data) {
        Ok(sk) => sk,
        Err(e) => {
            let wrong_length = Error::InvalidLength {
                input: pqfips::Input::SigningKey,
                expected: P::SIGNING_KEY_SIZE,
                actual: data.len(),
            };
            assert_eq!(e, wrong_length);
            return;
        }
    };
    assert_eq!(sk.to_bytes().as_ref(), data);
    assert_eq!(sk.verifying_key().to_bytes().as_ref(), &data[2 * P::N..]);
    assert!(SigningKey::<P>::try_from(data).expect("same as from_bytes") == sk);
}

fuzz_target!(|data: &[u8]| by_slh_dsa_set!(data, run));
