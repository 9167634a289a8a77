//! The `signature` traits (feature `signature`): a generic function written only against the
//! traits signs and verifies with every ML-DSA and SLH-DSA set, bare (empty context) and
//! through `WithContext`; ML-DSA's multipart signer and verifier agree with the one-shot ones.
//! Each check also shows a wrong message, a tampered signature or another context rejected.

mod common;

use std::fmt::Debug;

use common::TestRng;
use pqfips::signature::WithContext;
use pqfips::{Error, ml_dsa, slh_dsa};
use signature::{
    Keypair, KeypairRef, MultipartSigner, MultipartVerifier, RandomizedMultipartSigner,
    RandomizedSigner, SignatureEncoding, Signer, Verifier,
};

/// Signs with `Signer` and `RandomizedSigner`, verifies with the keypair's `Verifier`, and
/// round-trips the signature through `SignatureEncoding`; returns the deterministic signature.
fn sign_and_verify_through_the_traits<K, S>(sk: &K) -> S
where
    K: Signer<S> + RandomizedSigner<S> + Keypair,
    K::VerifyingKey: Verifier<S>,
    S: SignatureEncoding + PartialEq + Debug,
{
    let vk = sk.verifying_key();
    let sig = sk.sign(b"message");
    vk.verify(b"message", &sig)
        .expect("Signer's signature verifies");
    assert!(vk.verify(b"massage", &sig).is_err(), "another message");

    let hedged = sk.sign_with_rng(&mut TestRng::new(1), b"message");
    vk.verify(b"message", &hedged)
        .expect("RandomizedSigner's signature verifies");
    assert_ne!(hedged, sig, "hedged signing used the generator");

    let bytes = sig.to_bytes();
    assert_eq!(sig.encoded_len(), bytes.as_ref().len());
    let decoded = S::try_from(bytes.as_ref()).ok().expect("decodes");
    assert_eq!(decoded, sig);
    let mut tampered = bytes.as_ref().to_vec();
    tampered[bytes.as_ref().len() / 2] ^= 1;
    let tampered = S::try_from(&tampered).ok().expect("right length");
    assert!(
        vk.verify(b"message", &tampered).is_err(),
        "tampered signature"
    );
    sig
}

/// `KeypairRef`: the signing key lends its own verifying key.
fn keypair_ref<K: KeypairRef>(sk: &K) -> &K::VerifyingKey {
    sk.as_ref()
}

fn signature_traits_ml_dsa<P: ml_dsa::ParameterSet>()
where
    ml_dsa::Signature<P>: SignatureEncoding,
{
    let sk = ml_dsa::SigningKey::<P>::from_seed(&[4; 32]);
    assert_eq!(keypair_ref(&sk), sk.verifying_key());
    let sig = sign_and_verify_through_the_traits(&sk);
    assert_eq!(sig, sk.sign_deterministic(b"message", b"").unwrap());

    // A context string through `WithContext`, on both sides.
    let with_ctx = WithContext::new(&sk, b"ctx").unwrap();
    let sig = sign_and_verify_through_the_traits(&with_ctx);
    sk.verifying_key().verify(b"message", b"ctx", &sig).unwrap();
    assert!(Verifier::verify(sk.verifying_key(), b"message", &sig).is_err());
    let other = WithContext::new(sk.verifying_key(), b"xtc").unwrap();
    assert!(other.verify(b"message", &sig).is_err());
    let prepared = sk.verifying_key().prepare();
    WithContext::new(&prepared, b"ctx")
        .unwrap()
        .verify(b"message", &sig)
        .unwrap();
    assert!(Verifier::verify(&prepared, b"message", &sig).is_err());
    assert_eq!(
        WithContext::new(&sk, &[0; 256]).err(),
        Some(Error::ContextTooLong)
    );
}

/// The multipart traits hash the parts into μ: the signature of the parts is the signature
/// of their concatenation, whichever side is multipart.
fn signature_multipart_signer_and_verifier_ml_dsa<P: ml_dsa::ParameterSet>() {
    fn check<K, S>(sk: &K)
    where
        K: Signer<S> + MultipartSigner<S> + RandomizedMultipartSigner<S> + Keypair,
        K::VerifyingKey: Verifier<S> + MultipartVerifier<S>,
        S: PartialEq + Debug,
    {
        let vk = sk.verifying_key();
        let parts: [&[u8]; 3] = [b"mes", b"", b"sage"];
        let sig = sk.multipart_sign(&parts);
        assert_eq!(sig, sk.sign(b"message"));
        vk.verify(b"message", &sig).unwrap();
        vk.multipart_verify(&parts, &sig).unwrap();
        assert!(vk.multipart_verify(&[b"mess", b"age!"], &sig).is_err());
        let hedged = sk.multipart_sign_with_rng(&mut TestRng::new(2), &parts);
        vk.verify(b"message", &hedged).unwrap();
        assert_ne!(hedged, sig);
    }
    let sk = ml_dsa::SigningKey::<P>::from_seed(&[5; 32]);
    check(&sk);
    check(&WithContext::new(&sk, b"ctx").unwrap());
}

fn signature_traits_slh_dsa<P: slh_dsa::ParameterSet>()
where
    slh_dsa::Signature<P>: SignatureEncoding,
{
    let seed = |b: u8| P::Seed::try_from(&[b; 32][..P::N]).unwrap();
    let sk = slh_dsa::SigningKey::<P>::from_seeds(&seed(1), &seed(2), &seed(3));
    assert_eq!(keypair_ref(&sk), sk.verifying_key());
    let sig = sign_and_verify_through_the_traits(&sk);
    sk.verifying_key().verify(b"message", b"", &sig).unwrap();

    let with_ctx = WithContext::new(&sk, b"ctx").unwrap();
    let sig = sign_and_verify_through_the_traits(&with_ctx);
    sk.verifying_key().verify(b"message", b"ctx", &sig).unwrap();
    assert!(Verifier::verify(sk.verifying_key(), b"message", &sig).is_err());
}

for_each_ml_dsa_set!(
    signature_traits_ml_dsa,
    signature_multipart_signer_and_verifier_ml_dsa
);
for_each_slh_dsa_set!(signature_traits_slh_dsa);
