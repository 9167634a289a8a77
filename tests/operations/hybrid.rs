//! The hybrids' operations: X-Wing key generation, encapsulation and decapsulation, and each
//! TLS group's client share, server share and client secret. Budgets: the ML-KEM set's own
//! plus the curve's work and the wiping of the frames the hybrid's moves leave a copy in
//! (`src/hybrid`, 16 KiB below key generation).

use std::hint::black_box;

use super::{KIB, Operation};

/// Every hybrid construction whose feature is on.
pub fn all() -> Vec<Operation> {
    let mut ops = Vec::new();
    #[cfg(feature = "xwing")]
    ops.extend(xwing(28 * KIB));
    #[cfg(feature = "x25519mlkem768")]
    ops.extend(tls::<pqfips::hybrid::tls::X25519MlKem768>(36 * KIB));
    #[cfg(feature = "secp256r1mlkem768")]
    ops.extend(tls::<pqfips::hybrid::tls::SecP256r1MlKem768>(36 * KIB));
    #[cfg(feature = "secp384r1mlkem1024")]
    ops.extend(tls::<pqfips::hybrid::tls::SecP384r1MlKem1024>(40 * KIB));
    ops
}

#[cfg(feature = "xwing")]
fn xwing(budget: usize) -> Vec<Operation> {
    use pqfips::hybrid::xwing::{DecapsulationKey, hazmat};
    let seed = [0x42u8; 32];
    let eseed = [0x24u8; 64];
    let dk = DecapsulationKey::from_seed(&seed);
    let ek = dk.encapsulation_key().clone();
    let (ct, _) = hazmat::encapsulate_deterministic(&ek, &eseed);
    let op = |name, run: Box<dyn Fn() + Send + Sync>| Operation {
        set: "X-Wing",
        name,
        budget,
        run,
    };
    vec![
        op(
            "keygen",
            Box::new(move || {
                let result = DecapsulationKey::from_seed(black_box(&seed));
                black_box(&result);
            }),
        ),
        op(
            "encaps",
            Box::new(move || {
                let result = hazmat::encapsulate_deterministic(black_box(&ek), black_box(&eseed));
                black_box(&result);
            }),
        ),
        op(
            "decaps",
            Box::new(move || {
                let result = black_box(&dk).decapsulate(black_box(&ct));
                black_box(&result);
            }),
        ),
    ]
}

#[cfg(any(
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
fn tls<G: pqfips::hybrid::tls::Group>(budget: usize) -> Vec<Operation> {
    use pqfips::hybrid::tls::{ClientKeyExchange, hazmat};
    use pqfips::ml_kem::DecapsulationKey;
    // A valid scalar for every curve: 1 (big-endian) for P-256 / P-384, any bytes for X25519.
    let mut scalar = vec![0u8; G::ECDH_SCALAR_SIZE];
    scalar[G::ECDH_SCALAR_SIZE - 1] = 1;
    scalar[0] = 0x17;
    let m = [0x24u8; 32];
    let dk = DecapsulationKey::<G::MlKem>::from_seed(&[0x42; 64]);
    let client = hazmat::client_key_exchange::<G>(&dk, &scalar).unwrap();
    let share = client.key_share().as_ref().to_vec();
    let (server_share, _) = hazmat::server_key_share::<G>(&share, &m, &scalar).unwrap();
    let server_share = server_share.as_ref().to_vec();
    let op = |name, run: Box<dyn Fn() + Send + Sync>| Operation {
        set: G::NAME,
        name,
        budget,
        run,
    };
    vec![
        op("client share", {
            let scalar = scalar.clone();
            Box::new(move || {
                let result = hazmat::client_key_exchange::<G>(black_box(&dk), &scalar);
                black_box(&result);
            })
        }),
        op(
            "client share (generate)",
            Box::new(|| {
                let result =
                    ClientKeyExchange::<G>::generate(&mut rand_core::UnwrapErr(getrandom::SysRng));
                black_box(&result);
            }),
        ),
        op(
            "server share",
            Box::new(move || {
                let result =
                    hazmat::server_key_share::<G>(black_box(&share), black_box(&m), &scalar);
                black_box(&result);
            }),
        ),
        op(
            "client secret",
            Box::new(move || {
                let result = black_box(&client).complete(black_box(&server_share));
                black_box(&result);
            }),
        ),
    ]
}
