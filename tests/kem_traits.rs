//! The `kem` traits (feature `kem`): a generic function written only against the traits
//! generates, encapsulates and decapsulates with every ML-KEM set and with X-Wing, and imports
//! and exports keys; a tampered ciphertext, a key failing the modulus check and a failing generator each
//! show the traits report what the library does.

mod common;

use common::TestRng;
use kem::{
    Decapsulate, Decapsulator, Encapsulate, FromSeed, Generate, Kem, KeyExport, Seed, TryKeyInit,
};
use pqfips::hybrid::xwing;
use pqfips::ml_kem;
use rand_core::{TryCryptoRng, TryRng};

/// A generator that always fails.
struct Broken;

#[derive(Debug)]
struct BrokenError;

impl core::fmt::Display for BrokenError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("broken")
    }
}

impl core::error::Error for BrokenError {}

impl TryRng for Broken {
    type Error = BrokenError;

    fn try_next_u32(&mut self) -> Result<u32, BrokenError> {
        Err(BrokenError)
    }

    fn try_next_u64(&mut self) -> Result<u64, BrokenError> {
        Err(BrokenError)
    }

    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), BrokenError> {
        Err(BrokenError)
    }
}

impl TryCryptoRng for Broken {}

/// Written only against the `kem` traits.
fn round_trip_through_the_traits<K>()
where
    K: Kem + FromSeed,
    K::DecapsulationKey: Decapsulate + Decapsulator<Kem = K>,
{
    let mut rng = TestRng::new(3);
    let (dk, ek) = K::generate_keypair_from_rng(&mut rng);
    assert_eq!(dk.encapsulation_key(), &ek);
    let (ct, sent) = ek.encapsulate_with_rng(&mut rng);
    assert_eq!(dk.decapsulate(&ct), sent);
    // Implicit rejection: a modified ciphertext decapsulates to an unrelated key.
    let mut tampered = ct.clone();
    tampered[0] ^= 1;
    assert_ne!(dk.decapsulate(&tampered), sent);

    // From a seed, deterministically.
    let mut seed = Seed::<K>::default();
    rng.fill(&mut seed);
    let (dk1, ek1) = K::from_seed(&seed);
    let (_, ek2) = K::from_seed(&seed);
    assert_eq!(ek1, ek2);
    let (ct, sent) = ek1.encapsulate_with_rng(&mut rng);
    assert_eq!(dk1.decapsulate(&ct), sent);

    // The encapsulation key exports and imports; the import runs the modulus check (X-Wing's
    // pk_M comes first, so the same bytes are its ML-KEM key's).
    let bytes = ek.to_bytes();
    assert_eq!(K::EncapsulationKey::new(&bytes).expect("valid"), ek);
    let mut bad = bytes.clone();
    bad[0] = 0xff;
    bad[1] |= 0x0f; // the first 12-bit coefficient is 4095 ≥ q
    assert!(K::EncapsulationKey::new(&bad).is_err());

    // Generation reports a failing generator.
    assert!(K::DecapsulationKey::try_generate_from_rng(&mut Broken).is_err());
}

/// The traits' results are the library's own.
fn kem_traits_match_the_library<P>()
where
    P: ml_kem::ParameterSet
        + Kem<
            DecapsulationKey = ml_kem::DecapsulationKey<P>,
            EncapsulationKey = ml_kem::EncapsulationKey<P>,
        > + FromSeed,
    ml_kem::DecapsulationKey<P>: Decapsulate + Decapsulator<Kem = P>,
    ml_kem::EncapsulationKey<P>: Encapsulate<Kem = P>,
{
    round_trip_through_the_traits::<P>();
    let seed = [9u8; 64];
    let (dk, _) = P::from_seed(&Seed::<P>::try_from(&seed[..]).unwrap());
    assert_eq!(dk, ml_kem::DecapsulationKey::<P>::from_seed(&seed));
    let ek = dk.encapsulation_key();
    let (ct, sent) = Encapsulate::encapsulate_with_rng(ek, &mut TestRng::new(4));
    let (ct2, sent2) = ek.encapsulate(&mut TestRng::new(4));
    assert_eq!(ct.as_slice(), ct2.as_ref());
    assert_eq!(sent.as_slice(), sent2.as_ref());
}

for_each_ml_kem_set!(kem_traits_match_the_library);

/// X-Wing through the same generic function, and the traits' results are the library's own.
#[test]
fn kem_traits_xwing() {
    round_trip_through_the_traits::<xwing::XWing>();
    let seed = [9u8; 32];
    let (dk, ek) = xwing::XWing::from_seed(&Seed::<xwing::XWing>::from(seed));
    assert_eq!(dk, xwing::DecapsulationKey::from_seed(&seed));
    assert_eq!(&ek, dk.encapsulation_key());
    let (ct, sent) = Encapsulate::encapsulate_with_rng(&ek, &mut TestRng::new(4));
    let (ct2, sent2) = ek.encapsulate(&mut TestRng::new(4));
    assert_eq!(ct.as_slice(), ct2.as_ref());
    assert_eq!(sent.as_slice(), sent2.as_ref());
    assert_eq!(
        Decapsulate::decapsulate(&dk, &ct).as_slice(),
        sent2.as_ref()
    );
}
