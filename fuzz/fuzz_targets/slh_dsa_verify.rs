//! Verifying-key import and verification of arbitrary signatures, messages and contexts: the
//! digest split, the FORS and hypertree index arithmetic and every length check see untrusted
//! bytes here. Input: set ‖ vk ‖ signature ‖ context length ‖ context ‖ message (short inputs
//! zero-padded).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::Error;
use pqfips::slh_dsa::{ParameterSet, Signature, VerifyingKey, hazmat};
use pqfips_fuzz::{by_slh_dsa_set, split_verify_input};

fn run<P: ParameterSet>(data: &[u8]) {
    let (vk_bytes, sig, ctx, msg) =
        split_verify_input(data, P::VERIFYING_KEY_SIZE, P::SIGNATURE_SIZE);
    let vk = VerifyingKey::<P>::from_bytes(&vk_bytes).expect("every encoding of a vk is valid");
    assert_eq!(vk.to_bytes().as_ref(), &vk_bytes[..]);
    let sig = Signature::<P>::try_from(&sig[..]).expect("right length");
    let result = vk.verify(msg, ctx, &sig);
    match result {
        Ok(()) | Err(Error::InvalidSignature) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
    // Algorithm 20 on M′ = 0 ‖ |ctx| ‖ ctx ‖ M agrees with the pure verification.
    let m_prime = [&[0, ctx.len() as u8][..], ctx, msg].concat();
    assert_eq!(hazmat::verify_internal(&vk, &m_prime, &sig), result);
}

fuzz_target!(|data: &[u8]| by_slh_dsa_set!(data, run));
