//! The hybrids' untrusted inputs: an X-Wing encapsulation key or ciphertext, or a TLS hybrid
//! group's key share, taken both as a client's share at a server and as a server's share at a
//! client. Input: kind ‖ bytes, kind 0 an X-Wing key, 1 an X-Wing ciphertext, 2 to 4 a share of
//! X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pqfips::hybrid::tls::{
    self, Group, SecP256r1MlKem768, SecP384r1MlKem1024, X25519MlKem768, hazmat,
};
use pqfips::hybrid::xwing;
use pqfips::ml_kem::DecapsulationKey;

/// X-Wing key import; an accepted key is canonical and encapsulates deterministically.
fn xwing_key(bytes: &[u8]) {
    let Ok(ek) = xwing::EncapsulationKey::from_bytes(bytes) else {
        return;
    };
    assert_eq!(ek.to_bytes()[..], *bytes);
    let eseed = [7; 64];
    let (ct, ss) = xwing::hazmat::encapsulate_deterministic(&ek, &eseed);
    assert!(xwing::hazmat::encapsulate_deterministic(&ek, &eseed) == (ct, ss));
}

/// X-Wing ciphertext import and decapsulation (never an error, deterministic).
fn xwing_ciphertext(bytes: &[u8]) {
    let Ok(ct) = xwing::Ciphertext::try_from(bytes) else {
        return;
    };
    static DK: OnceLock<xwing::DecapsulationKey> = OnceLock::new();
    let dk = DK.get_or_init(|| xwing::DecapsulationKey::from_seed(&[7; 32]));
    assert_eq!(dk.decapsulate(&ct), dk.decapsulate(&ct));
}

/// The fixed client of [`tls_share`], made once per group.
fn client<G: Group>() -> tls::ClientKeyExchange<G> {
    let dk = DecapsulationKey::<G::MlKem>::from_seed(&[7; 64]);
    hazmat::client_key_exchange(&dk, &[7; 48][..G::ECDH_SCALAR_SIZE])
        .expect("7…7 is a valid scalar")
}

/// `bytes` as the client's share at a server, and as the server's share at a fixed client;
/// whatever is accepted gives a secret of the group's size, the same every time.
fn tls_share<G: Group>(bytes: &[u8], client: &tls::ClientKeyExchange<G>) {
    let scalar = &[7; 48][..G::ECDH_SCALAR_SIZE];
    if let Ok((share, secret)) = hazmat::server_key_share::<G>(bytes, &[7; 32], scalar) {
        assert_eq!(share.as_ref().len(), G::SERVER_SHARE_SIZE);
        assert_eq!(secret.as_ref().len(), G::SHARED_SECRET_SIZE);
        let again = hazmat::server_key_share::<G>(bytes, &[7; 32], scalar);
        assert!(again == Ok((share, secret)));
    }
    if let Ok(secret) = client.complete(bytes) {
        assert_eq!(secret.as_ref().len(), G::SHARED_SECRET_SIZE);
        assert_eq!(client.complete(bytes), Ok(secret));
    }
}

static X25519: OnceLock<tls::ClientKeyExchange<X25519MlKem768>> = OnceLock::new();
static P256: OnceLock<tls::ClientKeyExchange<SecP256r1MlKem768>> = OnceLock::new();
static P384: OnceLock<tls::ClientKeyExchange<SecP384r1MlKem1024>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    if let Some((&kind, rest)) = data.split_first() {
        match kind % 5 {
            0 => xwing_key(rest),
            1 => xwing_ciphertext(rest),
            2 => tls_share(rest, X25519.get_or_init(client)),
            3 => tls_share(rest, P256.get_or_init(client)),
            _ => tls_share(rest, P384.get_or_init(client)),
        }
    }
});
