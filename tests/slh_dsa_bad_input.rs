//! Untrusted bytes into SLH-DSA: flipped signature bits in each part (R, SIG_FORS, SIG_HT),
//! overlong contexts, wrong digest lengths, the all-zero signature. Each must give `Err`; none
//! may panic. Every length of every input, with random contents, is `no_panic.rs`. Signs once
//! per set: run with `--release`.

mod common;

use common::{FixedRng, TestRng};
use pqfips::slh_dsa::{ParameterSet, Signature, SigningKey, hazmat};
use pqfips::{Error, PreHash};

for_each_slh_dsa_set!(
    a_flipped_signature_bit_is_rejected_in_every_part,
    a_context_of_256_bytes_is_an_error,
    a_digest_of_the_wrong_length_is_an_error,
    the_all_zero_signature_is_rejected,
);

fn key<P: ParameterSet>() -> SigningKey<P> {
    let seed = |b: u8| P::Seed::try_from(&[b; 32][..P::N]).expect("n bytes");
    SigningKey::from_seeds(&seed(1), &seed(2), &seed(3))
}

fn a_flipped_signature_bit_is_rejected_in_every_part<P: ParameterSet>() {
    let sk = key::<P>();
    let vk = sk.verifying_key();
    let (msg, ctx) = (b"flip".as_slice(), b"ctx".as_slice());
    let sig = sk.sign_deterministic(msg, ctx).unwrap();
    assert_eq!(vk.verify(msg, ctx, &sig), Ok(()));
    let n = P::N;
    let r = 0..n;
    let fors = n..n + P::FORS_SIGNATURE_SIZE;
    let ht = fors.end..P::SIGNATURE_SIZE;
    assert_eq!(ht.len(), P::D * P::XMSS_SIGNATURE_SIZE);
    let mut rng = TestRng::new(P::SIGNATURE_SIZE as u64);
    for (part, bytes) in [("R", r), ("SIG_FORS", fors), ("SIG_HT", ht)] {
        // Every bit of the part's first and last byte, and 48 random bits inside it.
        let mut bits: Vec<usize> = (0..8)
            .flat_map(|b| [8 * bytes.start + b, 8 * (bytes.end - 1) + b])
            .collect();
        bits.extend((0..48).map(|_| 8 * bytes.start + rng.below(8 * bytes.len())));
        for bit in bits {
            let mut bad = sig.as_ref().to_vec();
            bad[bit / 8] ^= 1 << (bit % 8);
            let bad = Signature::<P>::try_from(&bad[..]).unwrap();
            assert_eq!(
                vk.verify(msg, ctx, &bad),
                Err(Error::InvalidSignature),
                "{part}: bit {bit}"
            );
        }
    }
}

fn a_context_of_256_bytes_is_an_error<P: ParameterSet>() {
    let sk = key::<P>();
    let vk = sk.verifying_key();
    let ctx = [7u8; 256];
    let sig = Signature::<P>::try_from(&vec![0u8; P::SIGNATURE_SIZE][..]).unwrap();
    let mut rng = TestRng::new(1);
    let long = Err(Error::ContextTooLong);
    assert_eq!(sk.sign(&mut rng, b"m", &ctx).err(), long.err());
    assert_eq!(sk.sign_deterministic(b"m", &ctx).err(), long.err());
    assert_eq!(
        sk.sign_prehash(&mut rng, PreHash::Sha2_256, b"m", &ctx)
            .err(),
        long.err()
    );
    assert_eq!(
        sk.sign_digest(&mut rng, PreHash::Sha2_256, &[0; 32], &ctx)
            .err(),
        long.err()
    );
    assert_eq!(vk.verify(b"m", &ctx, &sig), long);
    assert_eq!(vk.verify_prehash(PreHash::Sha3_256, b"m", &ctx, &sig), long);
    // No randomness was drawn before the context was refused, and sign_into left its
    // output alone.
    let mut empty = FixedRng(Vec::new());
    assert_eq!(sk.sign(&mut empty, b"m", &ctx).err(), long.err());
    let mut into = sig.clone();
    assert_eq!(sk.sign_into(&mut empty, b"m", &ctx, &mut into), long);
    assert_eq!(into, sig);
}

fn a_digest_of_the_wrong_length_is_an_error<P: ParameterSet>() {
    let sk = key::<P>();
    let mut empty = FixedRng(Vec::new());
    for ph in PreHash::ALL {
        for len in [0, ph.digest_size() - 1, ph.digest_size() + 1, 100] {
            assert_eq!(
                sk.sign_digest(&mut empty, ph, &vec![0; len], b"").err(),
                Some(Error::InvalidLength {
                    input: pqfips::Input::Digest,
                    expected: ph.digest_size(),
                    actual: len
                }),
                "{}",
                ph.name()
            );
        }
    }
}

/// `Signature::default()`, where `sign_into` starts from, is no signature.
fn the_all_zero_signature_is_rejected<P: ParameterSet>() {
    let vk = key::<P>().verifying_key().clone();
    let zeros = Signature::<P>::default();
    assert_eq!(zeros.as_ref(), vec![0u8; P::SIGNATURE_SIZE]);
    assert_eq!(vk.verify(b"", b"", &zeros), Err(Error::InvalidSignature));
    assert_eq!(
        hazmat::verify_internal(&vk, b"", &zeros),
        Err(Error::InvalidSignature)
    );
}
