//! The hybrids: X-Wing's key generation, encapsulation and decapsulation, and each TLS group's
//! client share, server share and client secret. The secrets are computed here on their own:
//! the ML-KEM halves through [`spec::ml_kem`], X25519 through `x25519-dalek`'s bare function and
//! the P-256 / P-384 products through the curve crates' arithmetic, the X-Wing combiner from
//! its formula.

use std::hint::black_box;
use std::sync::Arc;

use crate::scan::{Needle, needles};
use crate::{Case, CloneNeedles, Scripted, assert_found_in, bytes, object_bytes, spec};

/// The needles of an ML-KEM key of seed d‖z, first found in the live `object` holding it.
fn ml_kem_key(s: &spec::ml_kem::Secrets, object: &[u8], what: &str) -> Vec<Needle> {
    let mut v = needles("d", &s.d, 1);
    v.extend(needles("z", &s.z, 1));
    v.extend(needles("σ", &s.sigma, 1));
    v.extend(needles("ŝ (in memory)", &s.s_hat_memory, 8));
    v.extend(needles("dk_PKE", &s.dk_pke, 8));
    assert_found_in(what, object, &needles("ŝ (in memory)", &s.s_hat_memory, 8));
    v
}

fn with(mut base: Vec<Needle>, extra: &[(&str, &[u8])]) -> Vec<Needle> {
    for (name, bytes) in extra {
        base.extend(needles(name, bytes, 1));
    }
    base
}

fn case(
    set: &'static str,
    op: &'static str,
    needles: Vec<Needle>,
    run: Box<dyn Fn() + Send + Sync>,
) -> Case {
    Case {
        set,
        op,
        run,
        needles,
    }
}

/// X-Wing's secrets for one seed and one eseed, and the cases that must leave none of them.
#[cfg(feature = "xwing")]
pub fn xwing() -> Vec<Case> {
    use pqfips::hybrid::xwing::{Ciphertext, DecapsulationKey, EncapsulationKey};
    const SET: &str = "X-Wing";
    const LABEL: &[u8] = b"\\.//^\\";
    let seed: [u8; 32] = bytes("seed", SET, 32).try_into().unwrap();
    let eseed = bytes("eseed", SET, 64);
    let (m, ek_x) = eseed.split_at(32);
    // expandDecapsulationKey: SHAKE256(seed, 96) = d ‖ z ‖ sk_X.
    let expanded = spec::shake256(&[&seed], 96);
    let d_z: [u8; 64] = expanded[..64].try_into().unwrap();
    let sk_x: [u8; 32] = expanded[64..].try_into().unwrap();
    let s = spec::ml_kem::keygen(&d_z, 3, 2);

    let dk = DecapsulationKey::from_seed(&seed);
    let ek_bytes = dk.encapsulation_key().to_bytes().to_vec();
    let (pk_m, pk_x) = ek_bytes.split_at(1184);
    assert_eq!(
        pk_x,
        x25519_dalek::x25519(sk_x, x25519_dalek::X25519_BASEPOINT_BYTES),
        "pk_X"
    );
    let key = {
        let mut v = needles("seed", &seed, 1);
        v.extend(needles("sk_X", &sk_x, 1));
        v.extend(ml_kem_key(&s, object_bytes(&dk), SET));
        v
    };

    // Encapsulation: ss_M = K from m, ss_X = X25519(ek_X, pk_X), ss the combiner's.
    let (ss_m, r) = spec::ml_kem::k_and_r(m, pk_m);
    let ek_x: [u8; 32] = ek_x.try_into().unwrap();
    let ct_x = x25519_dalek::x25519(ek_x, x25519_dalek::X25519_BASEPOINT_BYTES);
    let ss_x = x25519_dalek::x25519(ek_x, pk_x.try_into().unwrap());
    let ss = spec::sha3_256(&[&ss_m, &ss_x, &ct_x, pk_x, LABEL]);
    let ek = EncapsulationKey::from_bytes(&ek_bytes).unwrap();
    let (ct, got) = ek.encapsulate(&mut Scripted::new(&[&eseed]));
    assert_eq!(got.as_bytes()[..], ss[..], "{SET}: ss");
    let c = ct.as_bytes().to_vec();
    assert_eq!(c[1088..], ct_x, "{SET}: ct_X");
    let k_bar = spec::ml_kem::k_bar(&s.z, &c[..1088]);

    // A modified ct_M: ML-KEM's implicit rejection, ss_X unchanged.
    let mut c_bad = c.clone();
    c_bad[0] ^= 1;
    let m_bad = spec::ml_kem::decrypt(&s, &c_bad[..1088], 10, 4);
    let (k_bad, r_bad) = spec::ml_kem::k_and_r(&m_bad, pk_m);
    let k_bar_bad = spec::ml_kem::k_bar(&s.z, &c_bad[..1088]);
    let ss_bad = spec::sha3_256(&[&k_bar_bad, &ss_x, &ct_x, pk_x, LABEL]);
    let ct_bad = Ciphertext::from_bytes(&c_bad).unwrap();
    assert_eq!(
        dk.decapsulate(&ct_bad).as_bytes()[..],
        ss_bad[..],
        "{SET}: rejection"
    );

    let dk = Arc::new(dk);
    vec![
        case(SET, "generate", key.clone_needles(), {
            let seed = seed.to_vec();
            Box::new(move || {
                let dk = DecapsulationKey::generate(&mut Scripted::new(&[&seed]));
                black_box(&dk);
            })
        }),
        case(SET, "try_generate", key.clone_needles(), {
            let seed = seed.to_vec();
            Box::new(move || {
                let dk = DecapsulationKey::try_generate(&mut Scripted::new(&[&seed]));
                black_box(&dk);
            })
        }),
        case(
            SET,
            "from_seed",
            key.clone_needles(),
            Box::new(move || {
                let dk = DecapsulationKey::from_seed(black_box(&seed));
                black_box(&dk);
            }),
        ),
        case(
            SET,
            "encapsulate",
            with(
                Vec::new(),
                &[
                    ("m", m),
                    ("ek_X", &ek_x),
                    ("ss_M", &ss_m),
                    ("r", &r),
                    ("ss_X", &ss_x),
                    ("ss", &ss),
                ],
            ),
            {
                let eseed = eseed.clone();
                let ek = ek.clone();
                Box::new(move || {
                    let result = black_box(&ek).encapsulate(&mut Scripted::new(&[&eseed]));
                    black_box(&result);
                })
            },
        ),
        case(
            SET,
            "try_encapsulate",
            with(
                Vec::new(),
                &[
                    ("m", m),
                    ("ek_X", &ek_x),
                    ("ss_M", &ss_m),
                    ("r", &r),
                    ("ss_X", &ss_x),
                    ("ss", &ss),
                ],
            ),
            {
                let eseed = eseed.clone();
                let ek = ek.clone();
                Box::new(move || {
                    let result = black_box(&ek).try_encapsulate(&mut Scripted::new(&[&eseed]));
                    black_box(&result);
                })
            },
        ),
        case(
            SET,
            "decapsulate (valid)",
            with(
                key.clone_needles(),
                &[
                    ("m′", m),
                    ("ss_M", &ss_m),
                    ("r′", &r),
                    ("K̄", &k_bar),
                    ("ss_X", &ss_x),
                    ("ss", &ss),
                ],
            ),
            {
                let dk = dk.clone();
                Box::new(move || {
                    let ss = black_box(&*dk).decapsulate(black_box(&ct));
                    black_box(&ss);
                })
            },
        ),
        case(
            SET,
            "decapsulate (modified)",
            with(
                key.clone_needles(),
                &[
                    ("m′", &m_bad),
                    ("K′", &k_bad),
                    ("r′", &r_bad),
                    ("K̄ = ss_M", &k_bar_bad),
                    ("ss_X", &ss_x),
                    ("ss", &ss_bad),
                ],
            ),
            Box::new(move || {
                let ss = black_box(&*dk).decapsulate(black_box(&ct_bad));
                black_box(&ss);
            }),
        ),
    ]
}

/// One TLS group: the client's share, the server's share and the client's secret, with the
/// client's ML-KEM key secrets, both ECDH scalars (as drawn, and as the key holds them) and the
/// shared secrets. `ecdh_secret(a, b)` is the ECDH secret of scalars a and b, computed on its
/// own; `scalar_memory(a)` is scalar a as the curve crate keeps it.
#[cfg(any(
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
fn tls<G: pqfips::hybrid::tls::Group>(
    ecdh_secret: fn(&[u8], &[u8]) -> Vec<u8>,
    scalar_memory: fn(&[u8]) -> Vec<u8>,
) -> Vec<Case>
where
    G::MlKem: pqfips::ml_kem::ParameterSet,
{
    use pqfips::hybrid::tls::{self, ClientKeyExchange, hazmat};
    use pqfips::ml_kem::{DecapsulationKey, ParameterSet};
    let set = G::NAME;
    let seed: [u8; 64] = bytes("client d‖z", set, 64).try_into().unwrap();
    let a = bytes("client scalar", set, G::ECDH_SCALAR_SIZE);
    let m = bytes("server m", set, 32);
    let b = bytes("server scalar", set, G::ECDH_SCALAR_SIZE);
    let s = spec::ml_kem::keygen(&seed, G::MlKem::K, G::MlKem::ETA1);

    let dk = DecapsulationKey::<G::MlKem>::from_seed(&seed);
    let client = hazmat::client_key_exchange::<G>(&dk, &a).unwrap();
    let client_ml_kem = ml_kem_key(&s, object_bytes(&client), set);
    let scalar_a = needles("client ECDH scalar (in memory)", &scalar_memory(&a), 1);
    assert_found_in(set, object_bytes(&client), &scalar_a);
    let mut client_key = with(client_ml_kem, &[("client ECDH scalar", &a)]);
    client_key.extend(scalar_a);

    let share = client.key_share().as_ref().to_vec();
    let ek = dk.encapsulation_key().to_bytes().as_ref().to_vec();
    let (k, r) = spec::ml_kem::k_and_r(&m, &ek);
    let ecdh = ecdh_secret(&a, &b);
    let (server_share, server_secret) =
        tls::server_key_share::<G, _>(&mut Scripted::new(&[&m, &b]), &share).unwrap();
    let secret = server_secret.as_ref();
    assert!(
        secret.windows(32).any(|w| w == k),
        "{set}: the ML-KEM secret"
    );
    assert!(
        secret.windows(ecdh.len()).any(|w| w == ecdh),
        "{set}: the ECDH secret"
    );
    let ecdh_share = G::SERVER_SHARE_SIZE - G::MlKem::CIPHERTEXT_SIZE;
    let c = if G::ML_KEM_FIRST {
        server_share.as_ref()[..G::MlKem::CIPHERTEXT_SIZE].to_vec()
    } else {
        server_share.as_ref()[ecdh_share..].to_vec()
    };
    let k_bar = spec::ml_kem::k_bar(&s.z, &c);
    let server_share = server_share.as_ref().to_vec();
    let secrets = [("m", &m[..]), ("K", &k), ("r", &r), ("ECDH secret", &ecdh)];

    let client = Arc::new(client);
    vec![
        case(
            set,
            "client key share (generate)",
            client_key.clone_needles(),
            {
                let (seed, a) = (seed.to_vec(), a.clone());
                Box::new(move || {
                    let c = ClientKeyExchange::<G>::generate(&mut Scripted::new(&[&seed, &a]));
                    black_box(&c);
                })
            },
        ),
        case(
            set,
            "client key share (try_generate)",
            client_key.clone_needles(),
            {
                let (seed, a) = (seed.to_vec(), a.clone());
                Box::new(move || {
                    let c = ClientKeyExchange::<G>::try_generate(&mut Scripted::new(&[&seed, &a]));
                    black_box(&c);
                })
            },
        ),
        case(
            set,
            "server key share",
            with(needles("server ECDH scalar", &b, 1), &secrets)
                .into_iter()
                .chain(needles(
                    "server ECDH scalar (in memory)",
                    &scalar_memory(&b),
                    1,
                ))
                .collect(),
            {
                let (m, b, share) = (m.clone(), b.clone(), share.clone());
                Box::new(move || {
                    let result =
                        tls::server_key_share::<G, _>(&mut Scripted::new(&[&m, &b]), &share);
                    black_box(&result);
                })
            },
        ),
        case(
            set,
            "client secret (complete)",
            with(
                client_key.clone_needles(),
                &[&secrets[..], &[("K̄", &k_bar[..])]].concat(),
            ),
            Box::new(move || {
                let secret = black_box(&*client).complete(black_box(&server_share));
                black_box(&secret);
            }),
        ),
    ]
}

/// X25519MLKEM768: X25519 from `x25519-dalek`'s bare function; the scalar is kept as given.
#[cfg(feature = "x25519mlkem768")]
pub fn x25519mlkem768() -> Vec<Case> {
    fn secret(a: &[u8], b: &[u8]) -> Vec<u8> {
        let b_pub =
            x25519_dalek::x25519(b.try_into().unwrap(), x25519_dalek::X25519_BASEPOINT_BYTES);
        x25519_dalek::x25519(a.try_into().unwrap(), b_pub).to_vec()
    }
    tls::<pqfips::hybrid::tls::X25519MlKem768>(secret, |a| a.to_vec())
}

/// Stamps out a NIST-curve group: the ECDH secret is the x-coordinate of (a·b)·G; the scalar
/// is kept as little-endian limbs, in Montgomery form a·2^`montgomery_bits` mod n (p384) or
/// plain (p256, `montgomery_bits` 0), found by doubling.
macro_rules! nist_group {
    ($feature:literal, $fn:ident, $group:ident, $curve:ident, montgomery_bits = $bits:literal) => {
        #[cfg(feature = $feature)]
        pub fn $fn() -> Vec<Case> {
            use $curve::elliptic_curve::ff::PrimeField;
            use $curve::elliptic_curve::point::AffineCoordinates;
            fn scalar(bytes: &[u8]) -> $curve::Scalar {
                $curve::Scalar::from_repr(bytes.try_into().unwrap()).unwrap()
            }
            fn secret(a: &[u8], b: &[u8]) -> Vec<u8> {
                let point =
                    ($curve::ProjectivePoint::GENERATOR * (scalar(a) * scalar(b))).to_affine();
                point.x().to_vec()
            }
            fn memory(a: &[u8]) -> Vec<u8> {
                let bits: u32 = $bits;
                let x = (0..bits).fold(scalar(a), |x, _| x.double());
                let mut le = x.to_repr().to_vec();
                le.reverse();
                le
            }
            tls::<pqfips::hybrid::tls::$group>(secret, memory)
        }
    };
}

nist_group!(
    "secp256r1mlkem768",
    secp256r1mlkem768,
    SecP256r1MlKem768,
    p256,
    montgomery_bits = 0
);
nist_group!(
    "secp384r1mlkem1024",
    secp384r1mlkem1024,
    SecP384r1MlKem1024,
    p384,
    montgomery_bits = 384
);
