//! ML-KEM-768 from key generation to a shared secret, over the byte strings two programs would
//! exchange: the receiver publishes its encapsulation key, the sender imports it and sends back
//! a ciphertext, and both end with the same 32-byte secret. A tampered ciphertext gives the
//! receiver an unrelated secret (implicit rejection), never an error.
//!
//! `cargo run --release --example kem_roundtrip`

use getrandom::SysRng;
use pqfips::ml_kem_768::{
    CIPHERTEXT_SIZE, Ciphertext, DecapsulationKey, ENCAPSULATION_KEY_SIZE, EncapsulationKey,
    SEED_SIZE,
};

fn main() -> Result<(), pqfips::Error> {
    // Receiver: a key pair from the operating system's generator. The seed is the private key
    // to store; the encapsulation key is what it publishes.
    let dk = DecapsulationKey::try_generate(&mut SysRng)?;
    let seed: [u8; SEED_SIZE] = *dk.seed().expect("a generated key keeps its seed");
    let published: [u8; ENCAPSULATION_KEY_SIZE] = dk.encapsulation_key().to_bytes();
    println!("receiver publishes a {ENCAPSULATION_KEY_SIZE}-byte encapsulation key");

    // Sender: import the key (the FIPS 203 §7.2 check), encapsulate, send the ciphertext.
    let ek = EncapsulationKey::from_bytes(&published)?;
    let (ct, sender_secret) = ek.try_encapsulate(&mut SysRng)?;
    let sent: [u8; CIPHERTEXT_SIZE] = ct.to_bytes();
    println!("sender sends a {CIPHERTEXT_SIZE}-byte ciphertext");

    // Receiver, later: restore the key from its seed, import the ciphertext, decapsulate.
    let dk = DecapsulationKey::try_from(&seed[..])?;
    let receiver_secret = dk.decapsulate(&Ciphertext::from_bytes(&sent)?);
    assert_eq!(receiver_secret, sender_secret);
    println!("both hold the same 32-byte shared secret");

    // A ciphertext changed in transit decapsulates to an unrelated secret.
    let mut tampered = sent;
    tampered[0] ^= 1;
    let other = dk.decapsulate(&Ciphertext::from_bytes(&tampered)?);
    assert_ne!(other, sender_secret);
    println!("a tampered ciphertext yields an unrelated secret (implicit rejection)");

    // Wrong lengths are errors that say which input and how long it should be.
    let err = Ciphertext::from_bytes(&sent[1..]).unwrap_err();
    println!("a short ciphertext: {err}");
    Ok(())
}
