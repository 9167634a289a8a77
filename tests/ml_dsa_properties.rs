//! Properties of ML-DSA that must hold for every parameter set.

mod common;

use common::{FixedRng, TestRng, prehash_digest};
use pqfips::ml_dsa::{Mu, ParameterSet, Signature, SigningKey, VerifyingKey, hazmat};
use pqfips::{Error, PreHash};
use zeroize::Zeroize;

for_each_ml_dsa_set!(
    sign_then_verify_agree,
    key_encodings_round_trip,
    deterministic_signing_is_reproducible_and_matches_internal,
    prehash_and_digest_entry_points_agree,
    streaming_mu_signs_a_multi_megabyte_message_like_one_shot,
    zeroize_wipes_the_secret_parts,
    a_prepared_key_gives_the_same_verdicts,
);

fn sign_then_verify_agree<P: ParameterSet>() {
    let mut rng = TestRng::new(1);
    for i in 0..20 {
        let sk = SigningKey::<P>::generate(&mut rng);
        let vk = VerifyingKey::<P>::from_bytes(sk.verifying_key().as_bytes().as_ref()).unwrap();
        let mut msg = vec![0u8; rng.below(3000)];
        rng.fill(&mut msg);
        let ctx = vec![i as u8; i * 12];
        let sig = sk.sign(&mut rng, &msg, &ctx).unwrap();
        let sig = Signature::<P>::try_from(sig.as_ref()).unwrap();
        vk.verify(&msg, &ctx, &sig).unwrap();
        // Hedged signatures differ from each other; both verify.
        let again = sk.sign(&mut rng, &msg, &ctx).unwrap();
        assert_ne!(again, sig);
        vk.verify(&msg, &ctx, &again).unwrap();
        // A signature is bound to its key.
        let other = SigningKey::<P>::generate(&mut rng);
        assert_eq!(
            other.verifying_key().verify(&msg, &ctx, &sig),
            Err(Error::InvalidSignature)
        );
    }
}

fn key_encodings_round_trip<P: ParameterSet>() {
    let mut rng = TestRng::new(2);
    for _ in 0..10 {
        let seed = rng.bytes::<32>();
        let sk = SigningKey::<P>::from_seed(&seed);
        assert_eq!(sk.seed(), Some(&seed));
        assert_eq!(SigningKey::<P>::from_seed(sk.seed().unwrap()), sk);
        assert_eq!(hazmat::keygen_internal::<P>(&seed), sk);
        let expanded = sk.to_expanded_bytes();
        assert_eq!(expanded.as_ref().len(), P::EXPANDED_SIGNING_KEY_SIZE);
        let imported = SigningKey::<P>::from_expanded_bytes(expanded.as_ref()).unwrap();
        assert_eq!(imported, sk);
        assert_eq!(imported.seed(), None);
        assert_eq!(imported.verifying_key(), sk.verifying_key());
        let vk_bytes = sk.verifying_key().to_bytes();
        assert_eq!(
            VerifyingKey::<P>::from_bytes(vk_bytes.as_ref()).unwrap(),
            *sk.verifying_key()
        );
        // Both keys sign identically.
        assert_eq!(
            imported.sign_deterministic(b"m", b"").unwrap(),
            sk.sign_deterministic(b"m", b"").unwrap()
        );
    }
}

fn deterministic_signing_is_reproducible_and_matches_internal<P: ParameterSet>() {
    let sk = SigningKey::<P>::from_seed(&[3; 32]);
    let a = sk.sign_deterministic(b"msg", b"ctx").unwrap();
    assert_eq!(sk.sign_deterministic(b"msg", b"ctx").unwrap(), a);
    // Deterministic = hedged with rnd = 0³²; M′ = 0 ‖ |ctx| ‖ ctx ‖ M.
    assert_eq!(
        sk.sign(&mut FixedRng::new(&[0; 32]), b"msg", b"ctx")
            .unwrap(),
        a
    );
    assert_eq!(hazmat::sign_internal(&sk, b"\x00\x03ctxmsg", &[0; 32]), a);
    hazmat::verify_internal(sk.verifying_key(), b"\x00\x03ctxmsg", &a).unwrap();
    let rnd = [9u8; 32];
    assert_eq!(
        sk.sign(&mut FixedRng::new(&rnd), b"msg", b"ctx").unwrap(),
        hazmat::sign_internal(&sk, b"\x00\x03ctxmsg", &rnd)
    );
}

fn prehash_and_digest_entry_points_agree<P: ParameterSet>() {
    let sk = SigningKey::<P>::from_seed(&[4; 32]);
    let vk = sk.verifying_key();
    let msg = b"pre-hash me";
    for ph in PreHash::ALL {
        let digest = prehash_digest(ph, msg);
        let a = sk
            .sign_prehash(&mut FixedRng::new(&[1; 32]), ph, msg, b"c")
            .unwrap();
        let b = sk
            .sign_digest(&mut FixedRng::new(&[1; 32]), ph, &digest, b"c")
            .unwrap();
        assert_eq!(a, b, "{}", ph.name());
        vk.verify_prehash(ph, msg, b"c", &a).unwrap();
        vk.verify_digest(ph, &digest, b"c", &a).unwrap();
        // A pre-hash signature is not a pure signature of the same message, nor of another hash.
        assert_eq!(vk.verify(msg, b"c", &a), Err(Error::InvalidSignature));
        let other = if ph == PreHash::Sha2_256 {
            PreHash::Sha3_256
        } else {
            PreHash::Sha2_256
        };
        assert_eq!(
            vk.verify_prehash(other, msg, b"c", &a),
            Err(Error::InvalidSignature)
        );
        // A digest of the wrong length is an error, not a signature.
        let short = &digest[..digest.len() - 1];
        assert_eq!(
            sk.sign_digest(&mut FixedRng::new(&[1; 32]), ph, short, b"c")
                .map(drop),
            Err(Error::InvalidLength {
                input: pqfips::Input::Digest,
                expected: ph.digest_size(),
                actual: ph.digest_size() - 1
            })
        );
    }
}

fn streaming_mu_signs_a_multi_megabyte_message_like_one_shot<P: ParameterSet>() {
    let sk = SigningKey::<P>::from_seed(&[5; 32]);
    let vk = sk.verifying_key();
    let mut msg = vec![0u8; 3 << 20];
    TestRng::new(4).fill(&mut msg);
    let mut builder = vk.message_representative(b"stream").unwrap();
    for chunk in msg.chunks(65_537) {
        builder.update(chunk);
    }
    let mu: Mu = builder.finalize();
    let streamed = sk.sign_mu_deterministic(&mu);
    assert_eq!(streamed, sk.sign_deterministic(&msg, b"stream").unwrap());
    vk.verify(&msg, b"stream", &streamed).unwrap();
    vk.verify_mu(&mu, &streamed).unwrap();
    let hedged = sk.sign_mu(&mut FixedRng::new(&[6; 32]), &mu).unwrap();
    assert_eq!(
        hedged,
        sk.sign(&mut FixedRng::new(&[6; 32]), &msg, b"stream")
            .unwrap()
    );
    assert_eq!(hedged, hazmat::sign_mu_with_rnd(&sk, &mu, &[6; 32]));
    // finalize does not consume the builder: more parts make another μ.
    builder.update(b"!");
    assert_ne!(builder.finalize(), mu);
}

fn zeroize_wipes_the_secret_parts<P: ParameterSet>() {
    let mut sk = SigningKey::<P>::from_seed(&[8; 32]);
    let vk = sk.verifying_key().clone();
    assert!(format!("{sk:?}").ends_with("(..)"));
    sk.zeroize();
    assert_eq!(sk.seed(), None);
    assert!(sk.to_expanded_bytes().as_ref().iter().all(|&b| b == 0));
    assert_eq!(sk.verifying_key(), &vk, "the public part stays");
}

/// A prepared key accepts and rejects exactly what its key does, through every entry point:
/// valid signatures, each with one bit flipped (in c̃, z and the hints), another message or
/// context, and a signature made with another key.
fn a_prepared_key_gives_the_same_verdicts<P: ParameterSet>() {
    let mut rng = TestRng::new(9);
    for i in 0..8 {
        let sk = SigningKey::<P>::generate(&mut rng);
        let vk = sk.verifying_key();
        let prepared = vk.prepare();
        assert_eq!(prepared.verifying_key(), vk);
        let mut msg = vec![0u8; rng.below(500)];
        rng.fill(&mut msg);
        let ctx = vec![i as u8; i * 9];
        let other_sig = SigningKey::<P>::generate(&mut rng)
            .sign(&mut rng, &msg, &ctx)
            .unwrap();
        let sig = sk.sign(&mut rng, &msg, &ctx).unwrap();
        let mut candidates = vec![sig, other_sig];
        for _ in 0..6 {
            let mut bytes = sig.as_ref().to_vec();
            let bit = rng.below(8 * P::SIGNATURE_SIZE);
            bytes[bit / 8] ^= 1 << (bit % 8);
            candidates.push(Signature::<P>::try_from(&bytes[..]).unwrap());
        }
        for (k, candidate) in candidates.iter().enumerate() {
            let verdict = vk.verify(&msg, &ctx, candidate);
            // Only the valid signature verifies: every bit of a signature counts.
            assert_eq!(verdict.is_ok(), k == 0, "candidate {k}");
            assert_eq!(prepared.verify(&msg, &ctx, candidate), verdict);
            let mu = vk
                .message_representative(&ctx)
                .unwrap()
                .update(&msg)
                .finalize();
            assert_eq!(prepared.verify_mu(&mu, candidate), verdict);
            for (m, c) in [(&b"other"[..], &ctx[..]), (&msg[..], &b"other"[..])] {
                assert_eq!(prepared.verify(m, c, candidate), vk.verify(m, c, candidate));
            }
        }
        assert_eq!(
            prepared.verify(&msg, &[0; 256], &candidates[0]),
            Err(Error::ContextTooLong)
        );

        let ph = PreHash::ALL[i % PreHash::ALL.len()];
        let sig = sk.sign_prehash(&mut rng, ph, &msg, &ctx).unwrap();
        prepared.verify_prehash(ph, &msg, &ctx, &sig).unwrap();
        let digest = prehash_digest(ph, &msg);
        prepared.verify_digest(ph, &digest, &ctx, &sig).unwrap();
        assert_eq!(
            prepared.verify_prehash(ph, b"other", &ctx, &sig),
            Err(Error::InvalidSignature)
        );
        assert_eq!(
            prepared.verify_digest(ph, &digest[1..], &ctx, &sig),
            vk.verify_digest(ph, &digest[1..], &ctx, &sig)
        );
        assert!(
            prepared
                .verify_digest(ph, &digest[1..], &ctx, &sig)
                .is_err()
        );
        assert!(format!("{prepared:?}").starts_with("PreparedVerifyingKey(VerifyingKey<"));
    }
}
