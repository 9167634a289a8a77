//! Keygen → sign → verify must agree for arbitrary seeds, randomness, contexts and messages,
//! through the byte encodings; a flipped signature bit must be rejected. The six "f" sets only
//! (`by_slh_dsa_f_set!`): an "s" set signs in up to 1.5 s, which would leave the fuzzer a
//! handful of runs. Input: set ‖ SK.seed ‖ SK.prf ‖ PK.seed ‖ addrnd (32 bytes each, the first
//! n used) ‖ which bit to flip (3 bytes) ‖ context length ‖ context ‖ message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::slh_dsa::{ParameterSet, Signature, SigningKey, VerifyingKey, hazmat};
use pqfips_fuzz::{array, by_slh_dsa_f_set};

fn run<P: ParameterSet>(data: &[u8]) {
    let head = array::<{ 4 * 32 + 3 + 1 }>(data);
    let rest = data.get(head.len()..).unwrap_or_default();
    let seed = |i: usize| P::Seed::try_from(&head[32 * i..32 * i + P::N]).expect("n bytes");
    let (flip, ctx_len) = head[4 * 32..].split_at(3);
    let (ctx, msg) = rest.split_at(usize::from(ctx_len[0]).min(rest.len()));
    let sk = SigningKey::<P>::from_seeds(&seed(0), &seed(1), &seed(2));
    // Signer and verifier hold the keys as bytes.
    let sk = SigningKey::<P>::from_bytes(sk.to_bytes().as_ref()).expect("own key");
    let vk = VerifyingKey::<P>::from_bytes(sk.verifying_key().to_bytes().as_ref()).expect("own vk");
    // Hedged signing with the fuzzer's addrnd: M′ = 0 ‖ |ctx| ‖ ctx ‖ M.
    let m_prime = [&[0, ctx.len() as u8][..], ctx, msg].concat();
    let sig = hazmat::sign_internal(&sk, &m_prime, Some(&seed(3)));
    vk.verify(msg, ctx, &sig).expect("own signature verifies");
    let mut tampered = sig.as_ref().to_vec();
    let bit = u32::from_le_bytes([flip[0], flip[1], flip[2], 0]) as usize % (8 * P::SIGNATURE_SIZE);
    tampered[bit / 8] ^= 1 << (bit % 8);
    let tampered = Signature::<P>::try_from(&tampered[..]).expect("right length");
    assert!(
        vk.verify(msg, ctx, &tampered).is_err(),
        "flipped bit {bit} accepted"
    );
}

fuzz_target!(|data: &[u8]| by_slh_dsa_f_set!(data, run));
