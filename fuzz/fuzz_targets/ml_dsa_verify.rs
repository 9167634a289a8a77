//! Verifying-key import and verification of arbitrary signatures, messages and contexts; the
//! hint decoder, the z bound and every length check see untrusted bytes here. The external-μ
//! path and a prepared key must reach the same verdict.
//! Input: set ‖ vk ‖ signature ‖ context length ‖ context ‖ message (short inputs zero-padded).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::Error;
use pqfips::ml_dsa::{ParameterSet, Signature, VerifyingKey};
use pqfips_fuzz::{by_ml_dsa_set, split_verify_input};

fn run<P: ParameterSet>(data: &[u8]) {
    let (vk, sig, ctx, msg) = split_verify_input(data, P::VERIFYING_KEY_SIZE, P::SIGNATURE_SIZE);
    let vk = VerifyingKey::<P>::from_bytes(&vk).expect("every encoding of a vk is valid");
    let sig = Signature::<P>::try_from(&sig[..]).expect("right length");
    let verdict = vk.verify(msg, ctx, &sig);
    match verdict {
        Ok(()) | Err(Error::InvalidSignature) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
    // External μ agrees with the one-shot path.
    let mu = vk
        .message_representative(ctx)
        .expect("context ≤ 255")
        .update(msg)
        .finalize();
    assert_eq!(vk.verify_mu(&mu, &sig), verdict);
    // A prepared key (Â and NTT(t₁·2^d) computed once) reaches the same verdict.
    assert_eq!(vk.prepare().verify(msg, ctx, &sig), verdict);
}

fuzz_target!(|data: &[u8]| by_ml_dsa_set!(data, run));
