//! Serde (features `serde` and `serde-secret-keys`): every public type of every algorithm
//! round-trips through a human-readable format (JSON: lower-case hex) and a binary one
//! (postcard: raw bytes); deserialization runs the `from_bytes` checks, so a wrong length or a
//! key failing its FIPS check is an error, and a changed byte changes the value.

mod common;

use common::TestRng;
use pqfips::{ml_dsa, ml_kem, slh_dsa};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON and postcard round trips of `value`, whose encoding is `bytes`; returns the JSON.
fn round_trip<T>(value: &T, bytes: &[u8]) -> String
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).unwrap();
    assert_eq!(
        json,
        format!("\"{}\"", hex::encode(bytes)),
        "lower-case hex"
    );
    assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
    let bin = postcard::to_allocvec(value).unwrap();
    assert!(bin.ends_with(bytes), "raw bytes after the length prefix");
    assert_eq!(&postcard::from_bytes::<T>(&bin).unwrap(), value);
    // One byte short is an error in both formats.
    let short = format!("\"{}\"", hex::encode(&bytes[1..]));
    assert!(serde_json::from_str::<T>(&short).is_err(), "short JSON");
    let short = postcard::to_allocvec(&serde_bytes_of(&bytes[1..])).unwrap();
    assert!(postcard::from_bytes::<T>(&short).is_err(), "short binary");
    json
}

/// `bytes` serialized the way the binary format carries a byte string.
fn serde_bytes_of(bytes: &[u8]) -> ByteString<'_> {
    ByteString(bytes)
}

struct ByteString<'a>(&'a [u8]);

impl Serialize for ByteString<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// The JSON with one hex digit changed deserializes to a different value (or is rejected).
fn flipped_differs<T>(json: &str, value: &T)
where
    T: DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let mut flipped = json.as_bytes().to_vec();
    flipped[1] = if flipped[1] == b'0' { b'1' } else { b'0' };
    let flipped = String::from_utf8(flipped).unwrap();
    if let Ok(other) = serde_json::from_str::<T>(&flipped) {
        assert_ne!(&other, value);
    }
}

fn serde_public_types_ml_kem<P: ml_kem::ParameterSet>() {
    let dk = ml_kem::DecapsulationKey::<P>::generate(&mut TestRng::new(1));
    let ek = dk.encapsulation_key();
    let json = round_trip(ek, ek.to_bytes().as_ref());
    flipped_differs(&json, ek);
    let (ct, _) = ek.encapsulate(&mut TestRng::new(2));
    let json = round_trip(&ct, ct.as_ref());
    flipped_differs(&json, &ct);
    // The modulus check runs: a first coefficient of 4095 is rejected.
    let mut bad = ek.to_bytes();
    bad.as_mut()[0] = 0xff;
    bad.as_mut()[1] |= 0x0f;
    let json = format!("\"{}\"", hex::encode(bad));
    assert!(serde_json::from_str::<ml_kem::EncapsulationKey<P>>(&json).is_err());
}

fn serde_public_types_ml_dsa<P: ml_dsa::ParameterSet>() {
    let sk = ml_dsa::SigningKey::<P>::from_seed(&[1; 32]);
    let vk = sk.verifying_key();
    let json = round_trip(vk, vk.as_bytes().as_ref());
    flipped_differs(&json, vk);
    let sig = sk.sign_deterministic(b"m", b"").unwrap();
    let json = round_trip(&sig, sig.as_ref());
    let back: ml_dsa::Signature<P> = serde_json::from_str(&json).unwrap();
    vk.verify(b"m", b"", &back).unwrap();
    flipped_differs(&json, &sig);
}

fn serde_public_types_slh_dsa<P: slh_dsa::ParameterSet>() {
    let seed = |b: u8| P::Seed::try_from(&[b; 32][..P::N]).unwrap();
    let sk = slh_dsa::SigningKey::<P>::from_seeds(&seed(1), &seed(2), &seed(3));
    let vk = sk.verifying_key();
    let json = round_trip(vk, vk.as_bytes().as_ref());
    flipped_differs(&json, vk);
    let sig = sk.sign_deterministic(b"m", b"").unwrap();
    let json = round_trip(&sig, sig.as_ref());
    let back: slh_dsa::Signature<P> = serde_json::from_str(&json).unwrap();
    vk.verify(b"m", b"", &back).unwrap();
}

#[cfg(feature = "serde-secret-keys")]
mod secret_keys {
    use super::*;

    /// Seeds, not expanded keys; a key without a seed does not serialize.
    fn serde_secret_keys_ml_kem<P: ml_kem::ParameterSet>() {
        let dk = ml_kem::DecapsulationKey::<P>::from_seed(&[3; 64]);
        round_trip(&dk, &[3; 64]);
        let expanded = dk.to_expanded_bytes();
        let imported =
            ml_kem::DecapsulationKey::<P>::from_expanded_bytes(expanded.as_ref()).unwrap();
        assert!(serde_json::to_string(&imported).is_err());
    }

    fn serde_secret_keys_ml_dsa<P: ml_dsa::ParameterSet>() {
        let sk = ml_dsa::SigningKey::<P>::from_seed(&[4; 32]);
        round_trip(&sk, &[4; 32]);
        let expanded = sk.to_expanded_bytes();
        let imported = ml_dsa::SigningKey::<P>::from_expanded_bytes(expanded.as_ref()).unwrap();
        assert!(serde_json::to_string(&imported).is_err());
    }

    fn serde_secret_keys_slh_dsa<P: slh_dsa::ParameterSet>() {
        let seed = |b: u8| P::Seed::try_from(&[b; 32][..P::N]).unwrap();
        let sk = slh_dsa::SigningKey::<P>::from_seeds(&seed(1), &seed(2), &seed(3));
        round_trip(&sk, sk.to_bytes().as_ref());
    }

    for_each_ml_kem_set!(serde_secret_keys_ml_kem);
    for_each_ml_dsa_set!(serde_secret_keys_ml_dsa);
    mod slh_dsa_sets {
        #[test]
        fn serde_secret_keys_slh_dsa() {
            super::serde_secret_keys_slh_dsa::<pqfips::slh_dsa::SlhDsaSha2_128s>();
            super::serde_secret_keys_slh_dsa::<pqfips::slh_dsa::SlhDsaShake256f>();
        }
    }
}

for_each_ml_kem_set!(serde_public_types_ml_kem);
for_each_ml_dsa_set!(serde_public_types_ml_dsa);

/// The fast sets sign; the "s" sets share every line of the serde code with them.
mod slh_dsa_sets {
    #[test]
    fn serde_public_types_slh_dsa() {
        super::serde_public_types_slh_dsa::<pqfips::slh_dsa::SlhDsaSha2_128f>();
        super::serde_public_types_slh_dsa::<pqfips::slh_dsa::SlhDsaShake128f>();
        super::serde_public_types_slh_dsa::<pqfips::slh_dsa::SlhDsaSha2_256f>();
    }
}
