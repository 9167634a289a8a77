//! Untrusted bytes into ML-DSA: malformed hints, contexts that are too long, flipped bits,
//! inconsistent expanded keys. Each must give `Err`, never an accepted signature. Every length
//! of every input, with random contents, is `no_panic.rs`.

mod common;

use common::TestRng;
use pqfips::ml_dsa::{ParameterSet, Signature, SigningKey};
use pqfips::{Error, PreHash};

for_each_ml_dsa_set!(
    malformed_hints_are_rejected,
    context_of_256_bytes_is_an_error,
    flipped_bits_are_rejected,
    inconsistent_expanded_keys_are_rejected,
);

fn key<P: ParameterSet>() -> SigningKey<P> {
    SigningKey::from_seed(&[0x5a; 32])
}

/// The hint part of a signature: ω index bytes, then k running counts.
fn hint_range<P: ParameterSet>() -> core::ops::Range<usize> {
    P::SIGNATURE_SIZE - P::OMEGA - P::K..P::SIGNATURE_SIZE
}

fn malformed_hints_are_rejected<P: ParameterSet>() {
    let sk = key::<P>();
    let vk = sk.verifying_key();
    // A signature whose first polynomial carries at least two hints.
    let (msg, sig) = (0u32..)
        .map(|i| {
            let msg = i.to_le_bytes();
            (msg, sk.sign_deterministic(&msg, b"").unwrap())
        })
        .find(|(_, sig)| sig.as_ref()[P::SIGNATURE_SIZE - P::K] >= 2)
        .unwrap();
    vk.verify(&msg, b"", &sig).expect("the original verifies");
    let h = hint_range::<P>().start;
    let counts = P::SIGNATURE_SIZE - P::K;
    let total = usize::from(sig.as_ref()[P::SIGNATURE_SIZE - 1]);
    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    // CVE-2026-24850: a repeated index within a polynomial.
    let mut repeated = sig.as_ref().to_vec();
    repeated[h + 1] = repeated[h];
    cases.push(("repeated index", repeated));
    // Indices out of order within a polynomial.
    let mut swapped = sig.as_ref().to_vec();
    swapped.swap(h, h + 1);
    cases.push(("decreasing indices", swapped));
    // Nonzero padding after the last index, if there is padding.
    if total < P::OMEGA {
        let mut padding = sig.as_ref().to_vec();
        padding[h + P::OMEGA - 1] = 1;
        cases.push(("nonzero padding", padding));
    }
    // A running count above ω, and one that decreases.
    let mut too_many = sig.as_ref().to_vec();
    too_many[P::SIGNATURE_SIZE - 1] = P::OMEGA as u8 + 1;
    cases.push(("count above ω", too_many));
    let mut decreasing = sig.as_ref().to_vec();
    decreasing[counts + 1] = decreasing[counts] - 1;
    cases.push(("decreasing count", decreasing));
    for (what, bytes) in cases {
        let sig = Signature::<P>::try_from(&bytes[..]).unwrap();
        assert_eq!(
            vk.verify(&msg, b"", &sig),
            Err(Error::InvalidSignature),
            "{what}"
        );
    }
}

fn context_of_256_bytes_is_an_error<P: ParameterSet>() {
    let sk = key::<P>();
    let vk = sk.verifying_key();
    let mut rng = TestRng::new(1);
    let long = [7u8; 256];
    let sig = sk
        .sign(&mut rng, b"m", &long[..255])
        .expect("255 bytes is the limit");
    vk.verify(b"m", &long[..255], &sig).unwrap();
    let e = Err(Error::ContextTooLong);
    assert_eq!(sk.sign(&mut rng, b"m", &long).map(drop), e);
    assert_eq!(sk.sign_deterministic(b"m", &long).map(drop), e);
    assert_eq!(
        sk.sign_prehash(&mut rng, PreHash::Sha2_256, b"m", &long)
            .map(drop),
        e
    );
    assert_eq!(
        sk.sign_digest(&mut rng, PreHash::Sha2_256, &[0; 32], &long)
            .map(drop),
        e
    );
    assert_eq!(vk.verify(b"m", &long, &sig), e);
    assert_eq!(vk.verify_prehash(PreHash::Sha2_256, b"m", &long, &sig), e);
    assert_eq!(
        vk.verify_digest(PreHash::Sha2_256, &[0; 32], &long, &sig),
        e
    );
    assert_eq!(vk.message_representative(&long).map(drop), e);
}

fn flipped_bits_are_rejected<P: ParameterSet>() {
    let sk = key::<P>();
    let vk = sk.verifying_key();
    let mut rng = TestRng::new(2);
    let (msg, ctx) = (b"the message".to_vec(), b"ctx".to_vec());
    let sig = sk.sign(&mut rng, &msg, &ctx).unwrap();
    vk.verify(&msg, &ctx, &sig).unwrap();
    for bit in 0..8 * msg.len() {
        let mut m = msg.clone();
        m[bit / 8] ^= 1 << (bit % 8);
        assert_eq!(
            vk.verify(&m, &ctx, &sig),
            Err(Error::InvalidSignature),
            "message bit {bit}"
        );
    }
    for bit in 0..8 * ctx.len() {
        let mut c = ctx.clone();
        c[bit / 8] ^= 1 << (bit % 8);
        assert_eq!(
            vk.verify(&msg, &c, &sig),
            Err(Error::InvalidSignature),
            "context bit {bit}"
        );
    }
    // Every bit of c̃ and of the hints; a sample of the bits of z.
    let z = P::C_TILDE_SIZE..hint_range::<P>().start;
    let mut bits: Vec<usize> = (0..8 * P::C_TILDE_SIZE)
        .chain(8 * hint_range::<P>().start..8 * P::SIGNATURE_SIZE)
        .collect();
    bits.extend((0..400).map(|_| 8 * z.start + rng.below(8 * z.len())));
    for bit in bits {
        let mut bytes = sig.as_ref().to_vec();
        bytes[bit / 8] ^= 1 << (bit % 8);
        let tampered = Signature::<P>::try_from(&bytes[..]).unwrap();
        assert_eq!(
            vk.verify(&msg, &ctx, &tampered),
            Err(Error::InvalidSignature),
            "signature bit {bit}"
        );
    }
}

fn inconsistent_expanded_keys_are_rejected<P: ParameterSet>() {
    let sk = key::<P>();
    let good = sk.to_expanded_bytes();
    assert_eq!(
        SigningKey::<P>::from_expanded_bytes(good.as_ref()).as_ref(),
        Ok(&sk)
    );
    let eta_bytes = 32 * if P::ETA == 2 { 3 } else { 4 };
    let s_end = 128 + (P::K + P::L) * eta_bytes;
    // ρ (bytes 0..32), tr (64..128), s₁ and s₂, t₀ (s_end..): each changed is caught.
    for (what, at) in [
        ("ρ", 0),
        ("tr", 64),
        ("tr end", 127),
        ("s₁", 128),
        ("s₂", s_end - 1),
        ("t₀", s_end),
        ("t₀ end", P::EXPANDED_SIGNING_KEY_SIZE - 1),
    ] {
        let mut bad = *good;
        bad.as_mut()[at] ^= 1;
        assert_eq!(
            SigningKey::<P>::from_expanded_bytes(bad.as_ref()),
            Err(Error::InvalidKey),
            "{what}"
        );
    }
    // An s₁ coefficient outside [−η, η]: the encoding η − s = 2^bits − 1 decodes below −η.
    let mut bad = *good;
    bad.as_mut()[128] |= 0x0f;
    assert_eq!(
        SigningKey::<P>::from_expanded_bytes(bad.as_ref()),
        Err(Error::InvalidKey)
    );
    // K is free: another K is another (valid) key.
    let mut other_k = *good;
    other_k.as_mut()[40] ^= 1;
    let other = SigningKey::<P>::from_expanded_bytes(other_k.as_ref()).expect("any K is valid");
    assert_ne!(other, sk);
    assert_eq!(other.verifying_key(), sk.verifying_key());
}
