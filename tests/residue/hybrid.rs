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
