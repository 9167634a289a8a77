//! The `getrandom` feature: the forms that take no generator use the operating system's, and
//! what they make works (keys from two calls differ; every result verifies or decapsulates).

use pqfips::{ml_dsa_65, ml_kem_768, slh_dsa_sha2_128f};

#[test]
fn getrandom_ml_kem_generate_and_encapsulate_with_os_rng() {
    let dk = ml_kem_768::DecapsulationKey::generate_from_os_rng().unwrap();
    let other = ml_kem_768::DecapsulationKey::generate_from_os_rng().unwrap();
    assert_ne!(dk, other, "two draws of the OS generator");
    let (ct, ss) = dk.encapsulation_key().encapsulate_with_os_rng().unwrap();
    assert_eq!(dk.decapsulate(&ct), ss);
    assert_ne!(other.decapsulate(&ct), ss);
}

#[test]
fn getrandom_ml_dsa_generate_and_sign_with_os_rng() {
    let sk = ml_dsa_65::SigningKey::generate_from_os_rng().unwrap();
    assert_ne!(sk, ml_dsa_65::SigningKey::generate_from_os_rng().unwrap());
    let a = sk.sign_with_os_rng(b"m", b"c").unwrap();
    let b = sk.sign_with_os_rng(b"m", b"c").unwrap();
    assert_ne!(a, b, "hedged: fresh randomness each time");
    sk.verifying_key().verify(b"m", b"c", &a).unwrap();
    assert!(sk.verifying_key().verify(b"m", b"d", &a).is_err());
}

#[test]
fn getrandom_slh_dsa_generate_and_sign_with_os_rng() {
    let sk = slh_dsa_sha2_128f::SigningKey::generate_from_os_rng().unwrap();
    assert_ne!(
        sk,
        slh_dsa_sha2_128f::SigningKey::generate_from_os_rng().unwrap()
    );
    let a = sk.sign_with_os_rng(b"m", b"c").unwrap();
    sk.verifying_key().verify(b"m", b"c", &a).unwrap();
    assert!(sk.verifying_key().verify(b"m", b"d", &a).is_err());
}

#[test]
fn getrandom_hybrids_with_os_rng() {
    use pqfips::hybrid::{x25519mlkem768, xwing};
    let dk = xwing::DecapsulationKey::generate_from_os_rng().unwrap();
    assert_ne!(dk, xwing::DecapsulationKey::generate_from_os_rng().unwrap());
    let (ct, ss) = dk.encapsulation_key().encapsulate_with_os_rng().unwrap();
    assert_eq!(dk.decapsulate(&ct), ss);

    let client = x25519mlkem768::ClientKeyExchange::generate_from_os_rng().unwrap();
    let (share, secret) = x25519mlkem768::server_key_share_with_os_rng(client.key_share()).unwrap();
    assert_eq!(client.complete(&share).unwrap(), secret);
}
