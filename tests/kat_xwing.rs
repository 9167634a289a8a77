//! X-Wing known answers: the draft's 3 vectors and the IRTF concrete hybrid KEM draft's 5
//! MLKEM768-X25519 vectors (the same construction), every field of every vector checked and
//! every vector counted.

mod common;

use common::{hex_array, hex_field, load};
use pqfips::hybrid::xwing::{
    CIPHERTEXT_SIZE, Ciphertext, DecapsulationKey, ENCAPSULATION_KEY_SIZE, EncapsulationKey, hazmat,
};
use serde_json::Value;
use shake::{ExtendableOutput, Update, XofReader};

/// One X-Wing vector under either file's field names.
struct Vector {
    seed: [u8; 32],
    eseed: [u8; 64],
    pk: Vec<u8>,
    ct: Vec<u8>,
    ss: [u8; 32],
}

/// Key generation from the seed, deterministic encapsulation from eseed, decapsulation, and
/// the imported forms of the key and ciphertext, each against the vector.
fn check(v: &Vector, id: &str) {
    let dk = DecapsulationKey::from_seed(&v.seed);
    assert_eq!(dk.seed(), &v.seed, "{id}: seed");
    let pk = dk.encapsulation_key().to_bytes();
    assert_eq!(pk.len(), ENCAPSULATION_KEY_SIZE, "{id}: pk size");
    assert_eq!(pk[..], v.pk[..], "{id}: pk");
    let ek = EncapsulationKey::from_bytes(&v.pk).expect("the vector's pk is valid");
    assert_eq!(&ek, dk.encapsulation_key(), "{id}: imported pk");

    let (ct, ss) = hazmat::encapsulate_deterministic(&ek, &v.eseed);
    assert_eq!(ct.as_ref().len(), CIPHERTEXT_SIZE, "{id}: ct size");
    assert_eq!(ct.as_ref(), &v.ct[..], "{id}: ct");
    assert_eq!(ss.as_bytes(), &v.ss, "{id}: ss from encapsulation");

    let ct = Ciphertext::try_from(&v.ct[..]).expect("the vector's ct has the right size");
    assert_eq!(
        dk.decapsulate(&ct).as_bytes(),
        &v.ss,
        "{id}: ss from decapsulation"
    );
}

/// SHAKE256(seed, 96) = d ‖ z ‖ sk_X, computed here with the `shake` crate directly.
fn expand(seed: &[u8; 32]) -> [u8; 96] {
    let mut h = shake::Shake256::default();
    h.update(seed);
    let mut out = [0u8; 96];
    h.finalize_xof().read(&mut out);
    out
}

#[test]
fn draft_vectors() {
    let file = load("X-Wing", "test-vectors.json.gz");
    let vectors = file.as_array().expect("a list of vectors");
    let mut run = 0;
    for (i, t) in vectors.iter().enumerate() {
        // `sk` is the seed: the decapsulation key is the 32-byte seed itself.
        assert_eq!(hex_field(t, "sk"), hex_field(t, "seed"), "vector {i}: sk");
        let v = Vector {
            seed: hex_array(t, "seed"),
            eseed: hex_array(t, "eseed"),
            pk: hex_field(t, "pk"),
            ct: hex_field(t, "ct"),
            ss: hex_array(t, "ss"),
        };
        check(&v, &format!("X-Wing vector {i}"));
        run += 1;
    }
    assert_eq!(run, 3, "the X-Wing draft has 3 vectors");
}

#[test]
fn concrete_hybrid_vectors() {
    let file = load("concrete-hybrid-kems", "test-vectors.json.gz");
    let vectors: &Vec<Value> = file["mlkem768_x25519"].as_array().expect("a list");
    let mut run = 0;
    for (i, t) in vectors.iter().enumerate() {
        let id = format!("MLKEM768-X25519 vector {i}");
        let seed: [u8; 32] = hex_array(t, "seed");
        assert_eq!(
            hex_field(t, "decapsulation_key"),
            seed,
            "{id}: decapsulation_key"
        );
        // The expanded private key: the ML-KEM-768 seed d ‖ z and the X25519 scalar, checked
        // against an independent SHAKE256 and against the public key they must produce.
        let expanded = expand(&seed);
        let dk_pq: [u8; 64] = hex_array(t, "decapsulation_key_pq");
        let dk_t: [u8; 32] = hex_array(t, "decapsulation_key_t");
        assert_eq!(expanded[..64], dk_pq, "{id}: decapsulation_key_pq");
        assert_eq!(expanded[64..], dk_t, "{id}: decapsulation_key_t");
        let ek = hex_field(t, "encapsulation_key");
        let pk_m = pqfips::ml_kem_768::DecapsulationKey::from_seed(&dk_pq)
            .encapsulation_key()
            .to_bytes();
        assert_eq!(ek[..1184], pk_m[..], "{id}: pk_M from decapsulation_key_pq");
        let pk_x = x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(dk_t));
        assert_eq!(
            ek[1184..],
            pk_x.as_bytes()[..],
            "{id}: pk_X from decapsulation_key_t"
        );

        let v = Vector {
            seed,
            eseed: hex_array(t, "randomness"),
            pk: ek,
            ct: hex_field(t, "ciphertext"),
            ss: hex_array(t, "shared_secret"),
        };
        check(&v, &id);
        run += 1;
    }
    assert_eq!(
        run, 5,
        "the concrete hybrid KEM file has 5 MLKEM768-X25519 vectors"
    );
}

/// The checks above can fail: a vector with one byte changed in any field is caught.
#[test]
fn a_changed_vector_fails() {
    let file = load("X-Wing", "test-vectors.json.gz");
    let t = &file[0];
    let good = Vector {
        seed: hex_array(t, "seed"),
        eseed: hex_array(t, "eseed"),
        pk: hex_field(t, "pk"),
        ct: hex_field(t, "ct"),
        ss: hex_array(t, "ss"),
    };
    type Change = fn(&mut Vector);
    let changes: [(&str, Change); 5] = [
        ("seed", |v| v.seed[5] ^= 1),
        ("eseed (ML-KEM m)", |v| v.eseed[3] ^= 1),
        ("eseed (X25519 ek_X)", |v| v.eseed[40] ^= 1),
        ("ct", |v| v.ct[CIPHERTEXT_SIZE - 1] ^= 1),
        ("ss", |v| v.ss[31] ^= 1),
    ];
    for (field, change) in changes {
        let mut bad = Vector {
            pk: good.pk.clone(),
            ct: good.ct.clone(),
            ..good
        };
        change(&mut bad);
        let caught = std::panic::catch_unwind(|| check(&bad, "changed")).is_err();
        assert!(caught, "a change in {field} went unnoticed");
    }
}
