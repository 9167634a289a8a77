//! The TLS 1.3 hybrid groups of RFC 10024: composed known answers, round trips and sizes.
//!
//! No known answers are published for these groups, so they are composed from answers for their
//! parts: every ACVP ML-KEM encapsulation case of the group's parameter set (ek, dk, m → c, K),
//! each paired with an ECDH exchange whose answer is known independently (X25519: RFC 7748
//! §6.1; P-256 / P-384: the multiples k·G that the `p256` and `p384` crates test with, NIST's
//! values). The expected shares and secret are laid out here from RFC 10024's text, not from the
//! library's code.

mod common;

use common::{TestRng, groups, hex_array, hex_field, load, str_field, tests};
use pqfips::Error;
use pqfips::hybrid::tls::{
    ClientKeyExchange, Group, SecP256r1MlKem768, SecP384r1MlKem1024, X25519MlKem768, hazmat,
    server_key_share,
};
use pqfips::ml_kem::{DecapsulationKey, ParameterSet};

/// An ECDH exchange with a known answer: both scalars, both shares, the shared secret.
struct EcdhAnswer {
    client_scalar: Vec<u8>,
    client_share: Vec<u8>,
    server_scalar: Vec<u8>,
    server_share: Vec<u8>,
    secret: Vec<u8>,
}

/// RFC 7748 §6.1: Alice (the client) and Bob (the server).
fn x25519_answers() -> Vec<EcdhAnswer> {
    let h = |s: &str| hex::decode(s).expect("hex");
    vec![EcdhAnswer {
        client_scalar: h("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
        client_share: h("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"),
        server_scalar: h("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"),
        server_share: h("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"),
        secret: h("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"),
    }]
}

/// ECDH answers on a NIST curve from its crate's test vectors: `multiples[k - 1]` is k·G for
/// k = 1..=20 (x, y), and `mul` lists (k, k·G) for large k. A client scalar a and server
/// scalar b give the shares a·G and b·G and the secret x(ab·G): small pairs with ab ≤ 20, and
/// each large k against 1 on either side.
fn nist_answers<const N: usize>(
    multiples: &[([u8; N], [u8; N])],
    mul: &[([u8; N], [u8; N], [u8; N])],
) -> Vec<EcdhAnswer> {
    let point = |(x, y): &([u8; N], [u8; N])| [&[4u8][..], x, y].concat();
    let scalar = |k: usize| {
        let mut s = vec![0u8; N];
        s[N - 8..].copy_from_slice(&(k as u64).to_be_bytes());
        s
    };
    let mut answers: Vec<EcdhAnswer> = [(2, 3), (4, 5), (3, 6), (2, 10), (5, 4), (1, 20), (7, 2)]
        .into_iter()
        .map(|(a, b)| EcdhAnswer {
            client_scalar: scalar(a),
            client_share: point(&multiples[a - 1]),
            server_scalar: scalar(b),
            server_share: point(&multiples[b - 1]),
            secret: multiples[a * b - 1].0.to_vec(),
        })
        .collect();
    for (k, x, y) in mul {
        let k_g = point(&(*x, *y));
        answers.push(EcdhAnswer {
            client_scalar: k.to_vec(),
            client_share: k_g.clone(),
            server_scalar: scalar(1),
            server_share: point(&multiples[0]),
            secret: x.to_vec(),
        });
        answers.push(EcdhAnswer {
            client_scalar: scalar(1),
            client_share: point(&multiples[0]),
            server_scalar: k.to_vec(),
            server_share: k_g,
            secret: x.to_vec(),
        });
    }
    answers
}

/// What the test knows of each group from RFC 10024 itself: the sizes of the client share,
/// server share and secret, and whether the ML-KEM part comes first.
fn rfc_10024<G: Group>() -> (usize, usize, usize, bool) {
    match G::NAME {
        "X25519MLKEM768" => (1216, 1120, 64, true),
        "SecP256r1MLKEM768" => (1249, 1153, 64, false),
        "SecP384r1MLKEM1024" => (1665, 1665, 80, false),
        other => panic!("unknown group {other}"),
    }
}

/// The two parts in the group's order.
fn layout<G: Group>(ecdh: &[u8], ml_kem: &[u8]) -> Vec<u8> {
    if rfc_10024::<G>().3 {
        [ml_kem, ecdh].concat()
    } else {
        [ecdh, ml_kem].concat()
    }
}

/// Every ACVP encapsulation case of the group's ML-KEM set, with the ECDH answers in turn:
/// the client's share, the server's share and secret, and the client's secret must all be the
/// composition of the parts' answers. Returns the number of cases run.
fn composed_known_answers<G: Group>(answers: &[EcdhAnswer]) -> usize {
    let file = load("ML-KEM-encapDecap-FIPS203", "internalProjection.json.gz");
    let mut run = 0;
    for group in groups(&file) {
        if str_field(group, "parameterSet") != <G::MlKem as ParameterSet>::NAME
            || str_field(group, "function") != "encapsulation"
        {
            continue;
        }
        for t in tests(group) {
            let ecdh = &answers[run % answers.len()];
            let id = format!("{} with ACVP tcId {}", G::NAME, t["tcId"]);
            let dk = DecapsulationKey::<G::MlKem>::from_expanded_bytes(&hex_field(t, "dk"))
                .expect("valid dk");
            let client =
                hazmat::client_key_exchange::<G>(&dk, &ecdh.client_scalar).expect("valid scalar");
            let client_share = client.key_share().as_ref();
            assert_eq!(
                client_share,
                layout::<G>(&ecdh.client_share, &hex_field(t, "ek")),
                "{id}: client share"
            );

            let m: [u8; 32] = hex_array(t, "m");
            let (server_share, server_secret) =
                hazmat::server_key_share::<G>(client_share, &m, &ecdh.server_scalar)
                    .expect("valid client share");
            assert_eq!(
                server_share.as_ref(),
                layout::<G>(&ecdh.server_share, &hex_field(t, "c")),
                "{id}: server share"
            );
            let secret = layout::<G>(&ecdh.secret, &hex_field(t, "k"));
            assert_eq!(server_secret.as_ref(), secret, "{id}: server's secret");

            let client_secret = client.complete(server_share.as_ref()).expect("valid share");
            assert_eq!(client_secret.as_ref(), secret, "{id}: client's secret");
            run += 1;
        }
    }
    run
}

#[test]
fn x25519mlkem768_known_answers() {
    assert_eq!(
        composed_known_answers::<X25519MlKem768>(&x25519_answers()),
        25
    );
}

#[test]
fn secp256r1mlkem768_known_answers() {
    let answers = nist_answers(
        p256::test_vectors::group::ADD_TEST_VECTORS,
        p256::test_vectors::group::MUL_TEST_VECTORS,
    );
    assert_eq!(composed_known_answers::<SecP256r1MlKem768>(&answers), 25);
}

#[test]
fn secp384r1mlkem1024_known_answers() {
    let answers = nist_answers(
        p384::test_vectors::group::ADD_TEST_VECTORS,
        p384::test_vectors::group::MUL_TEST_VECTORS,
    );
    assert_eq!(composed_known_answers::<SecP384r1MlKem1024>(&answers), 25);
}

/// The composition can fail: an ECDH answer with one byte changed is caught in each part.
#[test]
fn a_changed_answer_fails() {
    for part in 0..4 {
        let mut answers = x25519_answers();
        let a = &mut answers[0];
        match part {
            0 => a.client_share[0] ^= 1,
            1 => a.server_share[31] ^= 1,
            2 => a.secret[7] ^= 1,
            _ => a.server_scalar[9] ^= 1,
        }
        let caught = std::panic::catch_unwind(|| {
            composed_known_answers::<X25519MlKem768>(&answers);
        })
        .is_err();
        assert!(caught, "a change in part {part} went unnoticed");
    }
}

/// Random exchanges in both directions agree, with RFC 10024's sizes and codepoints.
fn round_trip<G: Group>() {
    let (client_size, server_size, secret_size, _) = rfc_10024::<G>();
    assert_eq!(G::CLIENT_SHARE_SIZE, client_size);
    assert_eq!(G::SERVER_SHARE_SIZE, server_size);
    assert_eq!(G::SHARED_SECRET_SIZE, secret_size);
    let codepoint = match G::NAME {
        "SecP256r1MLKEM768" => 0x11EB,
        "X25519MLKEM768" => 0x11EC,
        _ => 0x11ED,
    };
    assert_eq!(G::CODEPOINT, codepoint);
    let mut rng = TestRng::new(1);
    for _ in 0..20 {
        let client = ClientKeyExchange::<G>::generate(&mut rng);
        assert_eq!(client.key_share().as_ref().len(), client_size);
        let (share, server_secret) =
            server_key_share::<G, _>(&mut rng, client.key_share().as_ref()).expect("valid");
        assert_eq!(share.as_ref().len(), server_size);
        assert_eq!(server_secret.as_ref().len(), secret_size);
        let client_secret = client.complete(share.as_ref()).expect("valid");
        assert_eq!(client_secret, server_secret);
        // Another exchange gives another secret.
        let other = ClientKeyExchange::<G>::generate(&mut rng);
        let (_, other_secret) =
            server_key_share::<G, _>(&mut rng, other.key_share().as_ref()).expect("valid");
        assert_ne!(other_secret, server_secret);
    }
}

#[test]
fn x25519mlkem768_round_trip() {
    round_trip::<X25519MlKem768>();
}

#[test]
fn secp256r1mlkem768_round_trip() {
    round_trip::<SecP256r1MlKem768>();
}

#[test]
fn secp384r1mlkem1024_round_trip() {
    round_trip::<SecP384r1MlKem1024>();
}

/// The per-group modules are the generic types with the group filled in.
#[test]
fn group_modules() {
    use pqfips::hybrid::{secp256r1mlkem768, secp384r1mlkem1024, x25519mlkem768};
    assert_eq!(x25519mlkem768::CODEPOINT, 0x11EC);
    assert_eq!(secp256r1mlkem768::CODEPOINT, 0x11EB);
    assert_eq!(secp384r1mlkem1024::CODEPOINT, 0x11ED);
    let mut rng = TestRng::new(2);
    let client = x25519mlkem768::ClientKeyExchange::generate(&mut rng);
    let (share, secret): ([u8; x25519mlkem768::SERVER_SHARE_SIZE], _) =
        x25519mlkem768::server_key_share(&mut rng, client.key_share()).expect("valid");
    assert_eq!(client.complete(&share), Ok(secret));
    let bad_scalar = secp256r1mlkem768::hazmat::client_key_exchange(
        &DecapsulationKey::from_seed(&[1; 64]),
        &[0; 32],
    );
    assert_eq!(bad_scalar.err(), Some(Error::InvalidKey));
}
