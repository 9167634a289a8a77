//! The key-format decoders (feature `pkcs8`) on any bytes: PKCS#8 and SubjectPublicKeyInfo, as
//! DER and, where the bytes are UTF-8, as PEM. Input: set ‖ bytes, the set byte picking one of
//! the 18 sets: 0–2 ML-KEM, 3–5 ML-DSA, 6–17 SLH-DSA (in `by_slh_dsa_set!`'s order).
//! A key that imports must export to DER that imports to the same key; a public key that
//! imports must export to exactly the DER it came from (DER has one encoding per value).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pqfips::Error;
use pqfips::pkcs8::KeyFormatError;
use pqfips::{ml_dsa, ml_kem, slh_dsa};

/// Room for any exported key (the largest, an ML-DSA-87 public key in PEM, is under 4 KiB).
const BUF: usize = 4096;

fn ml_kem<P: ml_kem::ParameterSet + pqfips::pkcs8::AssociatedOid>(data: &[u8]) {
    use ml_kem::{DecapsulationKey, EncapsulationKey};
    let mut buf = [0u8; BUF];
    let text = core::str::from_utf8(data).ok();
    for dk in [
        DecapsulationKey::<P>::from_pkcs8_der(data).ok(),
        text.and_then(|t| DecapsulationKey::<P>::from_pkcs8_pem(t).ok()),
    ]
    .into_iter()
    .flatten()
    {
        match dk.to_pkcs8_der(&mut buf) {
            Ok(der) => assert!(DecapsulationKey::<P>::from_pkcs8_der(der).unwrap() == dk),
            Err(e) => {
                assert_eq!(e, Error::KeyFormat(KeyFormatError::NoSeed));
                assert!(dk.seed().is_none());
            }
        }
    }
    if let Ok(ek) = EncapsulationKey::<P>::from_public_key_der(data) {
        assert_eq!(ek.to_public_key_der(&mut buf).unwrap(), data);
    }
    if let Some(ek) = text.and_then(|t| EncapsulationKey::<P>::from_public_key_pem(t).ok()) {
        let der = ek.to_public_key_der(&mut buf).unwrap();
        assert!(EncapsulationKey::<P>::from_public_key_der(der).unwrap() == ek);
    }
}

fn ml_dsa<P: ml_dsa::ParameterSet + pqfips::pkcs8::AssociatedOid>(data: &[u8]) {
    use ml_dsa::{SigningKey, VerifyingKey};
    let mut buf = [0u8; BUF];
    let text = core::str::from_utf8(data).ok();
    for sk in [
        SigningKey::<P>::from_pkcs8_der(data).ok(),
        text.and_then(|t| SigningKey::<P>::from_pkcs8_pem(t).ok()),
    ]
    .into_iter()
    .flatten()
    {
        match sk.to_pkcs8_der(&mut buf) {
            Ok(der) => assert!(SigningKey::<P>::from_pkcs8_der(der).unwrap() == sk),
            Err(e) => {
                assert_eq!(e, Error::KeyFormat(KeyFormatError::NoSeed));
                assert!(sk.seed().is_none());
            }
        }
    }
    if let Ok(vk) = VerifyingKey::<P>::from_public_key_der(data) {
        assert_eq!(vk.to_public_key_der(&mut buf).unwrap(), data);
    }
    if let Some(vk) = text.and_then(|t| VerifyingKey::<P>::from_public_key_pem(t).ok()) {
        let der = vk.to_public_key_der(&mut buf).unwrap();
        assert!(VerifyingKey::<P>::from_public_key_der(der).unwrap() == vk);
    }
}

fn slh_dsa<P: slh_dsa::ParameterSet + pqfips::pkcs8::AssociatedOid>(data: &[u8]) {
    use slh_dsa::{SigningKey, VerifyingKey};
    let mut buf = [0u8; BUF];
    let text = core::str::from_utf8(data).ok();
    for sk in [
        SigningKey::<P>::from_pkcs8_der(data).ok(),
        text.and_then(|t| SigningKey::<P>::from_pkcs8_pem(t).ok()),
    ]
    .into_iter()
    .flatten()
    {
        let der = sk.to_pkcs8_der(&mut buf).unwrap();
        assert!(SigningKey::<P>::from_pkcs8_der(der).unwrap() == sk);
    }
    if let Ok(vk) = VerifyingKey::<P>::from_public_key_der(data) {
        assert_eq!(vk.to_public_key_der(&mut buf).unwrap(), data);
    }
    if let Some(vk) = text.and_then(|t| VerifyingKey::<P>::from_public_key_pem(t).ok()) {
        let der = vk.to_public_key_der(&mut buf).unwrap();
        assert!(VerifyingKey::<P>::from_public_key_der(der).unwrap() == vk);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&set, rest)) = data.split_first() else {
        return;
    };
    match set % 18 {
        0 => ml_kem::<ml_kem::MlKem512>(rest),
        1 => ml_kem::<ml_kem::MlKem768>(rest),
        2 => ml_kem::<ml_kem::MlKem1024>(rest),
        3 => ml_dsa::<ml_dsa::MlDsa44>(rest),
        4 => ml_dsa::<ml_dsa::MlDsa65>(rest),
        5 => ml_dsa::<ml_dsa::MlDsa87>(rest),
        6 => slh_dsa::<slh_dsa::SlhDsaSha2_128f>(rest),
        7 => slh_dsa::<slh_dsa::SlhDsaShake128f>(rest),
        8 => slh_dsa::<slh_dsa::SlhDsaSha2_192f>(rest),
        9 => slh_dsa::<slh_dsa::SlhDsaShake192f>(rest),
        10 => slh_dsa::<slh_dsa::SlhDsaSha2_256f>(rest),
        11 => slh_dsa::<slh_dsa::SlhDsaShake256f>(rest),
        12 => slh_dsa::<slh_dsa::SlhDsaSha2_128s>(rest),
        13 => slh_dsa::<slh_dsa::SlhDsaShake128s>(rest),
        14 => slh_dsa::<slh_dsa::SlhDsaSha2_192s>(rest),
        15 => slh_dsa::<slh_dsa::SlhDsaShake192s>(rest),
        16 => slh_dsa::<slh_dsa::SlhDsaSha2_256s>(rest),
        _ => slh_dsa::<slh_dsa::SlhDsaShake256s>(rest),
    }
});
