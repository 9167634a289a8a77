//! Properties of SLH-DSA that must hold for every parameter set. Signing the "s" sets costs up
//! to two seconds even optimised, so those sets get one or two signatures per property where
//! the "f" sets get several; run with `--release`.

mod common;

use common::{FixedRng, TestRng, prehash_digest};
use pqfips::slh_dsa::{ParameterSet, Signature, SigningKey, VerifyingKey, hazmat};
use pqfips::{Error, PreHash};
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

for_each_slh_dsa_set!(
    sign_then_verify_through_the_byte_encodings,
    other_message_context_or_key_is_rejected,
    deterministic_signing_is_reproducible_and_is_sign_internal_of_m_prime,
    prehash_and_digest_entry_points_agree,
    seeds_key_bytes_round_trip,
    zeroize_wipes_the_secret_seeds,
);

/// Signatures per property: few for the slow "s" sets.
fn rounds<P: ParameterSet>() -> usize {
    if P::HP > 4 { 1 } else { 3 }
}

fn seed<P: ParameterSet>(rng: &mut TestRng) -> P::Seed {
    P::Seed::try_from(&rng.bytes::<32>()[..P::N]).expect("n bytes")
}

fn message(rng: &mut TestRng) -> Vec<u8> {
    let mut m = vec![0u8; rng.below(300)];
    rng.fill(&mut m);
    m
}

fn sign_then_verify_through_the_byte_encodings<P: ParameterSet>() {
    let mut rng = TestRng::new(1);
    for _ in 0..rounds::<P>() {
        let sk = SigningKey::<P>::generate(&mut rng);
        let (msg, ctx) = (message(&mut rng), message(&mut rng)[..].to_vec());
        let ctx = &ctx[..ctx.len().min(255)];
        let sig = sk.sign(&mut rng, &msg, ctx).unwrap();
        assert_eq!(sig.as_ref().len(), P::SIGNATURE_SIZE);
        let vk = VerifyingKey::<P>::from_bytes(sk.verifying_key().to_bytes().as_ref()).unwrap();
        assert_eq!(&vk, sk.verifying_key());
        let sig = Signature::<P>::try_from(sig.as_ref()).unwrap();
        assert_eq!(vk.verify(&msg, ctx, &sig), Ok(()));
        // A signing key imported from its bytes signs as the original does.
        let imported = SigningKey::<P>::from_bytes(sk.to_bytes().as_ref()).unwrap();
        assert_eq!(imported, sk);
        assert_eq!(
            imported.sign_deterministic(&msg, ctx),
            sk.sign_deterministic(&msg, ctx)
        );
        // sign_into writes the signature sign returns, for the same randomness.
        let addrnd = rng.bytes::<32>()[..P::N].to_vec();
        let mut into = Signature::<P>::default();
        sk.sign_into(&mut FixedRng(addrnd.clone()), &msg, ctx, &mut into)
            .unwrap();
        assert_eq!(into, sk.sign(&mut FixedRng(addrnd), &msg, ctx).unwrap());
        assert_eq!(vk.verify(&msg, ctx, &into), Ok(()));
    }
}

fn other_message_context_or_key_is_rejected<P: ParameterSet>() {
    let mut rng = TestRng::new(2);
    let sk = SigningKey::<P>::generate(&mut rng);
    let vk = sk.verifying_key();
    let sig = sk.sign(&mut rng, b"message", b"context").unwrap();
    let bad = Err(Error::InvalidSignature);
    assert_eq!(vk.verify(b"message", b"context", &sig), Ok(()));
    assert_eq!(vk.verify(b"messagf", b"context", &sig), bad);
    assert_eq!(vk.verify(b"message", b"contexu", &sig), bad);
    assert_eq!(vk.verify(b"message", b"", &sig), bad);
    // Pure and pre-hash signatures are domain-separated, and neither is an internal one.
    assert_eq!(
        vk.verify_prehash(PreHash::Sha2_256, b"message", b"context", &sig),
        bad
    );
    assert_eq!(hazmat::verify_internal(vk, b"message", &sig), bad);
    let other = SigningKey::<P>::generate(&mut rng);
    assert_eq!(
        other.verifying_key().verify(b"message", b"context", &sig),
        bad
    );
}

fn deterministic_signing_is_reproducible_and_is_sign_internal_of_m_prime<P: ParameterSet>() {
    let mut rng = TestRng::new(3);
    let sk = SigningKey::<P>::generate(&mut rng);
    let (msg, ctx) = (message(&mut rng), [0xc7u8; 9]);
    let a = sk.sign_deterministic(&msg, &ctx).unwrap();
    // M′ = 0 ‖ |ctx| ‖ ctx ‖ M (Algorithm 22), signed with opt_rand = PK.seed.
    let mut m_prime = vec![0, ctx.len() as u8];
    m_prime.extend_from_slice(&ctx);
    m_prime.extend_from_slice(&msg);
    let b = hazmat::sign_internal(&sk, &m_prime, None);
    assert_eq!(a, b);
    assert_eq!(
        hazmat::verify_internal(sk.verifying_key(), &m_prime, &a),
        Ok(())
    );
    if rounds::<P>() > 1 {
        assert_eq!(sk.sign_deterministic(&msg, &ctx).unwrap(), a);
        // Hedged signing with addrnd = PK.seed is the deterministic variant; with other
        // randomness the signature differs.
        let pk_seed = sk.verifying_key().to_bytes().as_ref()[..P::N].to_vec();
        assert_eq!(sk.sign(&mut FixedRng(pk_seed), &msg, &ctx).unwrap(), a);
        assert_ne!(sk.sign(&mut rng, &msg, &ctx).unwrap(), a);
    }
}

fn prehash_and_digest_entry_points_agree<P: ParameterSet>() {
    let mut rng = TestRng::new(4);
    let sk = SigningKey::<P>::generate(&mut rng);
    let vk = sk.verifying_key();
    let all = [
        PreHash::Sha2_384,
        PreHash::Sha3_256,
        PreHash::Sha2_512_224,
        PreHash::Sha3_512,
    ];
    for ph in &all[..if rounds::<P>() > 1 { 4 } else { 1 }] {
        let msg = message(&mut rng);
        let addrnd = rng.bytes::<32>()[..P::N].to_vec();
        let a = sk
            .sign_prehash(&mut FixedRng(addrnd.clone()), *ph, &msg, b"ph")
            .unwrap();
        let b = sk
            .sign_digest(
                &mut FixedRng(addrnd),
                *ph,
                &prehash_digest(*ph, &msg),
                b"ph",
            )
            .unwrap();
        assert_eq!(a, b, "{}", ph.name());
        assert_eq!(vk.verify_prehash(*ph, &msg, b"ph", &a), Ok(()));
        assert_eq!(
            vk.verify(&msg, b"ph", &a),
            Err(Error::InvalidSignature),
            "a pre-hash signature is not a pure one"
        );
    }
}

fn seeds_key_bytes_round_trip<P: ParameterSet>() {
    let mut rng = TestRng::new(5);
    for _ in 0..rounds::<P>() {
        let (sk_seed, sk_prf, pk_seed) = (
            seed::<P>(&mut rng),
            seed::<P>(&mut rng),
            seed::<P>(&mut rng),
        );
        let sk = SigningKey::<P>::from_seeds(&sk_seed, &sk_prf, &pk_seed);
        let bytes = sk.to_bytes();
        let bytes = bytes.as_ref();
        assert_eq!(bytes.len(), P::SIGNING_KEY_SIZE);
        assert_eq!(&bytes[..P::N], sk_seed.as_ref());
        assert_eq!(&bytes[P::N..2 * P::N], sk_prf.as_ref());
        assert_eq!(&bytes[2 * P::N..], sk.verifying_key().to_bytes().as_ref());
        assert_eq!(&bytes[2 * P::N..3 * P::N], pk_seed.as_ref());
        assert!(bool::from(
            SigningKey::<P>::from_bytes(bytes).unwrap().ct_eq(&sk)
        ));
        // PK.root depends on every seed but SK.prf.
        let other = SigningKey::<P>::from_seeds(&sk_seed, &seed::<P>(&mut rng), &pk_seed);
        assert_eq!(other.verifying_key(), sk.verifying_key());
        assert_ne!(other, sk);
    }
}

fn zeroize_wipes_the_secret_seeds<P: ParameterSet>() {
    let mut rng = TestRng::new(6);
    let mut sk = SigningKey::<P>::generate(&mut rng);
    let vk = sk.verifying_key().clone();
    sk.zeroize();
    let bytes = sk.to_bytes();
    assert!(bytes.as_ref()[..2 * P::N].iter().all(|&b| b == 0));
    assert_eq!(sk.verifying_key(), &vk, "the public part stays");
}

#[test]
fn debug_prints_no_secret() {
    use pqfips::slh_dsa_sha2_128f as set;
    let sk = set::SigningKey::from_seeds(&[0xab; 16], &[0xcd; 16], &[0x01; 16]);
    assert_eq!(format!("{sk:?}"), "SigningKey<SLH-DSA-SHA2-128f>(..)");
    let vk = format!("{:?}", sk.verifying_key());
    assert!(
        vk.starts_with("VerifyingKey<SLH-DSA-SHA2-128f>(01010101"),
        "{vk}"
    );
    assert!(!vk.contains("abab") && !vk.contains("cdcd"), "{vk}");
    let sig = sk.sign_deterministic(b"", b"").unwrap();
    assert_eq!(
        format!("{sig:?}"),
        "Signature<SLH-DSA-SHA2-128f>(17088 bytes)"
    );
}

#[test]
fn sizes_are_those_of_fips_205_table_2() {
    use pqfips::*;
    macro_rules! sizes {
        ($m:ident) => {
            (
                $m::N,
                $m::VERIFYING_KEY_SIZE,
                $m::SIGNING_KEY_SIZE,
                $m::SIGNATURE_SIZE,
            )
        };
    }
    assert_eq!(sizes!(slh_dsa_sha2_128s), (16, 32, 64, 7856));
    assert_eq!(sizes!(slh_dsa_shake_128s), (16, 32, 64, 7856));
    assert_eq!(sizes!(slh_dsa_sha2_128f), (16, 32, 64, 17088));
    assert_eq!(sizes!(slh_dsa_shake_128f), (16, 32, 64, 17088));
    assert_eq!(sizes!(slh_dsa_sha2_192s), (24, 48, 96, 16224));
    assert_eq!(sizes!(slh_dsa_shake_192s), (24, 48, 96, 16224));
    assert_eq!(sizes!(slh_dsa_sha2_192f), (24, 48, 96, 35664));
    assert_eq!(sizes!(slh_dsa_shake_192f), (24, 48, 96, 35664));
    assert_eq!(sizes!(slh_dsa_sha2_256s), (32, 64, 128, 29792));
    assert_eq!(sizes!(slh_dsa_shake_256s), (32, 64, 128, 29792));
    assert_eq!(sizes!(slh_dsa_sha2_256f), (32, 64, 128, 49856));
    assert_eq!(sizes!(slh_dsa_shake_256f), (32, 64, 128, 49856));
}
