//! Keygen → sign → verify must agree for arbitrary seeds, randomness, contexts and messages,
//! through the byte encodings; a flipped signature bit must be rejected.
//! Input: set ‖ ξ ‖ rnd ‖ which bit to flip ‖ context length ‖ context ‖ message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::ml_dsa::{ParameterSet, Signature, SigningKey, VerifyingKey, hazmat};
use pqfips_fuzz::{array, by_ml_dsa_set};

fn run<P: ParameterSet>(data: &[u8]) {
    let head = array::<{ 32 + 32 + 2 + 1 }>(data);
    let rest = data.get(head.len()..).unwrap_or_default();
    let (xi, head_rest) = head.split_at(32);
    let (rnd, head_rest) = head_rest.split_at(32);
    let (flip, ctx_len) = head_rest.split_at(2);
    let (ctx, msg) = rest.split_at(usize::from(ctx_len[0]).min(rest.len()));
    let sk = SigningKey::<P>::from_seed(&array(xi));
    let vk = VerifyingKey::<P>::from_bytes(sk.verifying_key().as_bytes().as_ref()).expect("own vk");
    // Hedged signing with the fuzzer's rnd: M′ = 0 ‖ |ctx| ‖ ctx ‖ M.
    let m_prime = [&[0, ctx.len() as u8][..], ctx, msg].concat();
    let sig = hazmat::sign_internal(&sk, &m_prime, &array(rnd));
    vk.verify(msg, ctx, &sig).expect("own signature verifies");
    let mut tampered = *sig.as_bytes();
    let bit = usize::from(u16::from_le_bytes([flip[0], flip[1]])) % (8 * P::SIGNATURE_SIZE);
    tampered.as_mut()[bit / 8] ^= 1 << (bit % 8);
    let tampered = Signature::<P>::try_from(tampered.as_ref()).expect("right length");
    assert!(
        vk.verify(msg, ctx, &tampered).is_err(),
        "flipped bit {bit} accepted"
    );
}

fuzz_target!(|data: &[u8]| by_ml_dsa_set!(data, run));
