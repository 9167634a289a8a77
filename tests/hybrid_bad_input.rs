//! Untrusted shares and keys into the hybrids: an ML-KEM key failing FIPS 203 §7.2, X25519
//! shares of small order, P-256 / P-384 points not uncompressed or not on the curve, scalars
//! out of range. Each must give its own error, on either side of a TLS exchange. Every length
//! of every input, and the absence of panics, is `no_panic.rs`.

mod common;

use common::TestRng;
use pqfips::Error;
use pqfips::hybrid::tls::{
    ClientKeyExchange, Group, SecP256r1MlKem768, SecP384r1MlKem1024, X25519MlKem768, hazmat,
    server_key_share,
};
use pqfips::hybrid::xwing;
use pqfips::ml_kem::DecapsulationKey;

/// Sets coefficient 0 of a ByteEncode₁₂(t̂) string to q = 3329, which §7.2 rejects.
fn set_first_coefficient_to_q(ek: &mut [u8]) {
    ek[0] = (3329 & 0xff) as u8;
    ek[1] = (ek[1] & 0xf0) | (3329 >> 8) as u8;
}

/// Where the ECDH part and the ML-KEM part sit in a share of `len` bytes (RFC 10024).
fn ecdh_range<G: Group>(len: usize, ecdh_len: usize) -> std::ops::Range<usize> {
    if G::NAME == "X25519MLKEM768" {
        len - ecdh_len..len
    } else {
        0..ecdh_len
    }
}

fn ml_kem_start<G: Group>(ecdh_len: usize) -> usize {
    if G::NAME == "X25519MLKEM768" {
        0
    } else {
        ecdh_len
    }
}

/// A client share with one change in its ECDH part goes to the server, and a server share with
/// the same change goes to the client: both must give `expected`.
fn both_sides_reject<G: Group>(ecdh_len: usize, change: impl Fn(&mut [u8]), expected: Error) {
    let mut rng = TestRng::new(3);
    let client = ClientKeyExchange::<G>::generate(&mut rng);
    let mut client_share = client.key_share().as_ref().to_vec();
    let range = ecdh_range::<G>(client_share.len(), ecdh_len);
    change(&mut client_share[range]);
    assert_eq!(
        server_key_share::<G, _>(&mut rng, &client_share).err(),
        Some(expected),
        "{}: server, changed client share",
        G::NAME
    );

    let (server_share, _) =
        server_key_share::<G, _>(&mut rng, client.key_share().as_ref()).expect("valid");
    let mut server_share = server_share.as_ref().to_vec();
    let range = ecdh_range::<G>(server_share.len(), ecdh_len);
    change(&mut server_share[range]);
    assert_eq!(
        client.complete(&server_share).err(),
        Some(expected),
        "{}: client, changed server share",
        G::NAME
    );
}

/// The server runs the FIPS 203 §7.2 check on the client's encapsulation key.
fn ml_kem_key_failing_the_modulus_check<G: Group>(ecdh_len: usize) {
    let mut rng = TestRng::new(4);
    let client = ClientKeyExchange::<G>::generate(&mut rng);
    let mut share = client.key_share().as_ref().to_vec();
    let start = ml_kem_start::<G>(ecdh_len);
    set_first_coefficient_to_q(&mut share[start..]);
    assert_eq!(
        server_key_share::<G, _>(&mut rng, &share).err(),
        Some(Error::InvalidKey),
        "{}",
        G::NAME
    );
    // The same key with coefficient q − 1 is valid: the check is exactly the modulus.
    share[start] = (3328 & 0xff) as u8;
    assert!(server_key_share::<G, _>(&mut rng, &share).is_ok());
}

#[test]
fn ml_kem_keys_failing_the_modulus_check_are_rejected() {
    ml_kem_key_failing_the_modulus_check::<X25519MlKem768>(32);
    ml_kem_key_failing_the_modulus_check::<SecP256r1MlKem768>(65);
    ml_kem_key_failing_the_modulus_check::<SecP384r1MlKem1024>(97);
}

/// u-coordinates of small order, or encodings of them, for which X25519 gives zero whatever
/// the scalar: 0, 1, the two points of order 8, and p − 1, p, p + 1 (which X25519 reads
/// modulo p), also with the top bit set (which X25519 ignores).
fn small_order_x25519() -> Vec<[u8; 32]> {
    let h = |s: &str| <[u8; 32]>::try_from(hex::decode(s).expect("hex")).expect("32 bytes");
    let mut points = vec![
        [0; 32],
        h("0100000000000000000000000000000000000000000000000000000000000000"),
        h("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
        h("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
        h("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        h("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        h("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    ];
    let with_top_bit: Vec<_> = points
        .iter()
        .map(|p| {
            let mut q = *p;
            q[31] |= 0x80;
            q
        })
        .collect();
    points.extend(with_top_bit);
    points
}

#[test]
fn x25519_shares_giving_the_all_zero_secret_are_rejected() {
    for point in small_order_x25519() {
        both_sides_reject::<X25519MlKem768>(
            32,
            |share| share.copy_from_slice(&point),
            Error::ZeroSharedSecret,
        );
    }
}

/// Tags other than 0x04 (compressed, the point at infinity's 0x00, unknown) in a share of the
/// uncompressed length.
fn not_uncompressed<G: Group>(ecdh_len: usize) {
    for tag in [0x00, 0x02, 0x03, 0x05, 0x06, 0x07, 0xff] {
        both_sides_reject::<G>(ecdh_len, |p| p[0] = tag, Error::PointNotUncompressed);
    }
}

/// Coordinates that are not a point of the curve: y changed, x changed, y = 0, and
/// coordinates at or above the field prime (all-ones bytes).
fn off_curve<G: Group>(ecdh_len: usize) {
    let n = (ecdh_len - 1) / 2;
    type Change<'a> = &'a dyn Fn(&mut [u8]);
    let changes: [Change; 5] = [
        &|p| p[ecdh_len - 1] ^= 1,
        &|p| p[1] ^= 0x10,
        &|p| p[1 + n..].fill(0),
        &|p| p[1..1 + n].fill(0xff),
        &|p| p[1 + n..].fill(0xff),
    ];
    for change in changes {
        both_sides_reject::<G>(ecdh_len, change, Error::PointNotOnCurve);
    }
}

#[test]
fn p256_points_not_uncompressed_are_rejected() {
    not_uncompressed::<SecP256r1MlKem768>(65);
}

#[test]
fn p384_points_not_uncompressed_are_rejected() {
    not_uncompressed::<SecP384r1MlKem1024>(97);
}

#[test]
fn p256_points_off_the_curve_are_rejected() {
    off_curve::<SecP256r1MlKem768>(65);
}

#[test]
fn p384_points_off_the_curve_are_rejected() {
    off_curve::<SecP384r1MlKem1024>(97);
}

/// Known-answer scalars: zero and the group order n are not scalars; n − 1 is.
fn scalar_range<G: Group>(n: &str) {
    let dk = DecapsulationKey::<G::MlKem>::from_seed(&[9; 64]);
    let n = hex::decode(n).expect("hex");
    let mut n_minus_1 = n.clone();
    *n_minus_1.last_mut().expect("not empty") -= 1;
    let zero = vec![0u8; n.len()];
    for (scalar, valid) in [(&zero, false), (&n, false), (&n_minus_1, true)] {
        let result = hazmat::client_key_exchange::<G>(&dk, scalar);
        assert_eq!(result.is_ok(), valid, "{}", G::NAME);
        if !valid {
            assert_eq!(result.err(), Some(Error::InvalidKey));
        }
    }
    let short = hazmat::client_key_exchange::<G>(&dk, &n[1..]);
    assert_eq!(
        short.err(),
        Some(Error::InvalidLength {
            input: pqfips::Input::EcdhScalar,
            expected: n.len(),
            actual: n.len() - 1
        })
    );
}

#[test]
fn nist_scalars_out_of_range_are_rejected() {
    scalar_range::<SecP256r1MlKem768>(
        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    );
    scalar_range::<SecP384r1MlKem1024>(
        "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
    );
}

#[test]
fn xwing_key_failing_the_modulus_check_is_rejected() {
    let dk = xwing::DecapsulationKey::from_seed(&[3; 32]);
    let mut ek = dk.encapsulation_key().to_bytes();
    set_first_coefficient_to_q(&mut ek);
    assert_eq!(
        xwing::EncapsulationKey::from_bytes(&ek),
        Err(Error::InvalidKey)
    );
    // A changed pk_X is still a key: X-Wing does not check X25519 values.
    let mut ek = dk.encapsulation_key().to_bytes();
    ek[xwing::ENCAPSULATION_KEY_SIZE - 1] ^= 1;
    assert!(xwing::EncapsulationKey::from_bytes(&ek).is_ok());
}
