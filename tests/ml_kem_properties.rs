//! Properties of ML-KEM that must hold for every parameter set and every seed.

mod common;

use common::TestRng;
use pqfips::ml_kem::{
    Ciphertext, DecapsulationKey, EncapsulationKey, MlKem512, MlKem768, MlKem1024, ParameterSet,
    hazmat,
};
use shake::{ExtendableOutput, Shake256, Update, XofReader};
use zeroize::Zeroize;

const SEEDS: usize = 200;

for_each_ml_kem_set!(
    encapsulate_then_decapsulate_agree,
    seed_key_seed_round_trip,
    expanded_key_round_trip,
    flipped_ciphertext_bit_gives_implicit_rejection,
    zeroize_wipes_the_secret_parts,
);

/// J(z‖c) = SHAKE256(z‖c, 32), computed here independently of the crate.
fn j<P: ParameterSet>(dk: &DecapsulationKey<P>, c: &[u8]) -> [u8; 32] {
    let expanded = dk.to_expanded_bytes();
    let z = &expanded.as_ref()[P::EXPANDED_DECAPSULATION_KEY_SIZE - 32..];
    let mut h = Shake256::default();
    h.update(z);
    h.update(c);
    let mut out = [0u8; 32];
    h.finalize_xof().read(&mut out);
    out
}

fn encapsulate_then_decapsulate_agree<P: ParameterSet>() {
    let mut rng = TestRng::new(1);
    for _ in 0..SEEDS {
        let dk = DecapsulationKey::<P>::generate(&mut rng);
        let (ct, ss) = dk.encapsulation_key().encapsulate(&mut rng);
        assert_eq!(dk.decapsulate(&ct), ss);
        // Through the byte encodings, as two parties would do it.
        let ek = EncapsulationKey::<P>::from_bytes(dk.encapsulation_key().to_bytes().as_ref())
            .expect("own ek is valid");
        let (ct, ss) = ek.encapsulate(&mut rng);
        let ct = Ciphertext::<P>::try_from(ct.as_bytes().as_ref()).expect("right length");
        assert_eq!(dk.decapsulate(&ct), ss);
    }
}

fn seed_key_seed_round_trip<P: ParameterSet>() {
    let mut rng = TestRng::new(2);
    for _ in 0..SEEDS {
        let seed = rng.bytes::<64>();
        let dk = DecapsulationKey::<P>::from_seed(&seed);
        assert_eq!(dk.seed(), Some(&seed));
        assert_eq!(DecapsulationKey::<P>::from_seed(dk.seed().unwrap()), dk);
        let (d, z) = seed.split_at(32);
        let internal = hazmat::keygen_internal::<P>(d.try_into().unwrap(), z.try_into().unwrap());
        assert_eq!(internal, dk);
    }
}

fn expanded_key_round_trip<P: ParameterSet>() {
    let mut rng = TestRng::new(3);
    for _ in 0..SEEDS {
        let dk = DecapsulationKey::<P>::generate(&mut rng);
        let bytes = dk.to_expanded_bytes();
        assert_eq!(bytes.as_ref().len(), P::EXPANDED_DECAPSULATION_KEY_SIZE);
        let imported = DecapsulationKey::<P>::from_expanded_bytes(bytes.as_ref()).expect("valid");
        assert_eq!(imported, dk);
        assert_eq!(imported.seed(), None, "an expanded key carries no seed");
        assert_eq!(imported.to_expanded_bytes().as_ref(), bytes.as_ref());
        let ek_bytes = dk.encapsulation_key().to_bytes();
        assert_eq!(
            &bytes.as_ref()[384 * P::K..768 * P::K + 32],
            ek_bytes.as_ref()
        );
        let (ct, ss) = dk.encapsulation_key().encapsulate(&mut rng);
        assert_eq!(imported.decapsulate(&ct), ss);
    }
}

fn flipped_ciphertext_bit_gives_implicit_rejection<P: ParameterSet>() {
    let mut rng = TestRng::new(4);
    for _ in 0..SEEDS {
        let dk = DecapsulationKey::<P>::generate(&mut rng);
        let (ct, ss) = dk.encapsulation_key().encapsulate(&mut rng);
        let mut bytes = *ct.as_bytes();
        let bit = rng.below(8 * P::CIPHERTEXT_SIZE);
        bytes.as_mut()[bit / 8] ^= 1 << (bit % 8);
        let tampered = Ciphertext::<P>::try_from(bytes.as_ref()).unwrap();
        let rejected = dk.decapsulate(&tampered);
        assert_ne!(rejected, ss, "bit {bit}");
        assert_eq!(rejected.as_bytes(), &j(&dk, bytes.as_ref()), "bit {bit}");
    }
}

fn zeroize_wipes_the_secret_parts<P: ParameterSet>() {
    let mut rng = TestRng::new(5);
    let mut dk = DecapsulationKey::<P>::generate(&mut rng);
    let ek = dk.encapsulation_key().clone();
    dk.zeroize();
    assert_eq!(dk.seed(), None);
    let bytes = dk.to_expanded_bytes();
    let bytes = bytes.as_ref();
    assert!(bytes[..384 * P::K].iter().all(|&b| b == 0), "ŝ wiped");
    assert!(
        bytes[P::EXPANDED_DECAPSULATION_KEY_SIZE - 32..]
            .iter()
            .all(|&b| b == 0),
        "z wiped"
    );
    assert_eq!(dk.encapsulation_key(), &ek, "the public part stays");
    let (_, mut ss) = ek.encapsulate(&mut rng);
    ss.zeroize();
    assert_eq!(ss.as_bytes(), &[0; 32]);
}

#[test]
fn deterministic_encapsulation_is_reproducible() {
    let dk = DecapsulationKey::<MlKem768>::from_seed(&[9; 64]);
    let a = hazmat::encapsulate_deterministic(dk.encapsulation_key(), &[1; 32]);
    let b = hazmat::encapsulate_deterministic(dk.encapsulation_key(), &[1; 32]);
    let c = hazmat::encapsulate_deterministic(dk.encapsulation_key(), &[2; 32]);
    assert_eq!(a, b);
    assert_ne!(a.0, c.0);
    assert_ne!(a.1, c.1);
}

#[test]
fn parameter_sets_differ_for_the_same_seed() {
    // FIPS 203 puts k into G(d‖k), so one seed gives unrelated keys in different sets.
    let seed = [5u8; 64];
    let a = DecapsulationKey::<MlKem512>::from_seed(&seed)
        .encapsulation_key()
        .to_bytes();
    let b = DecapsulationKey::<MlKem768>::from_seed(&seed)
        .encapsulation_key()
        .to_bytes();
    let c = DecapsulationKey::<MlKem1024>::from_seed(&seed)
        .encapsulation_key()
        .to_bytes();
    assert_ne!(a[..32], b[..32]);
    assert_ne!(b[..32], c[..32]);
}

#[test]
fn debug_prints_no_secret() {
    let dk = DecapsulationKey::<MlKem768>::from_seed(&[0xab; 64]);
    let (_, ss) = hazmat::encapsulate_deterministic(dk.encapsulation_key(), &[0xcd; 32]);
    assert_eq!(format!("{dk:?}"), "DecapsulationKey<ML-KEM-768>(..)");
    assert_eq!(format!("{ss:?}"), "SharedSecret(..)");
}

#[test]
fn sizes_are_those_of_fips_203_table_3() {
    use pqfips::{ml_kem_512 as a, ml_kem_768 as b, ml_kem_1024 as c};
    assert_eq!(
        (
            a::ENCAPSULATION_KEY_SIZE,
            a::EXPANDED_DECAPSULATION_KEY_SIZE,
            a::CIPHERTEXT_SIZE
        ),
        (800, 1632, 768)
    );
    assert_eq!(
        (
            b::ENCAPSULATION_KEY_SIZE,
            b::EXPANDED_DECAPSULATION_KEY_SIZE,
            b::CIPHERTEXT_SIZE
        ),
        (1184, 2400, 1088)
    );
    assert_eq!(
        (
            c::ENCAPSULATION_KEY_SIZE,
            c::EXPANDED_DECAPSULATION_KEY_SIZE,
            c::CIPHERTEXT_SIZE
        ),
        (1568, 3168, 1568)
    );
    assert_eq!((a::SHARED_SECRET_SIZE, a::SEED_SIZE), (32, 64));
}
