//! The IETF key formats (feature `pkcs8`) against keys written by other implementations (the
//! RFCs' example keys and certificates in kat/formats/), and every way a key can be malformed,
//! each rejected with its own error.
#![cfg(feature = "pkcs8")]

use std::path::Path;

use const_oid::AssociatedOid;
use pkcs8::DecodePrivateKey;
use pqfips::pkcs8::KeyFormatError;
use pqfips::{Error, ml_dsa, ml_kem, slh_dsa};
use spki::DecodePublicKey;
use x509_cert::Certificate;
use x509_cert::der::{DecodePem, Encode};

/// Reads `kat/formats/<path>`.
fn read(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("kat/formats")
        .join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The DER inside a PEM file, and its label.
fn pem_to_der(pem: &str) -> (String, Vec<u8>) {
    let (label, der) = pem_rfc7468::decode_vec(pem.as_bytes()).expect("PEM");
    (label.to_string(), der)
}

/// The DER of the certificate's SubjectPublicKeyInfo.
fn certificate_spki(pem: &str) -> Vec<u8> {
    let cert = Certificate::from_pem(pem.as_bytes()).expect("certificate");
    cert.tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .expect("SPKI")
}

fn key_format(e: KeyFormatError) -> Error {
    Error::KeyFormat(e)
}

fn wrong_length(expected: usize, actual: usize) -> Error {
    key_format(KeyFormatError::WrongLength { expected, actual })
}

// A small DER writer, to build malformed keys field by field.

/// A DER TLV.
fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else if len < 0x100 {
        out.extend([0x81, len as u8]);
    } else {
        out.extend([0x82, (len >> 8) as u8, len as u8]);
    }
    out.extend_from_slice(value);
    out
}

fn sequence(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

fn octet_string(bytes: &[u8]) -> Vec<u8> {
    tlv(0x04, bytes)
}

/// A BIT STRING of whole bytes.
fn bit_string(bytes: &[u8]) -> Vec<u8> {
    tlv(0x03, &[&[0][..], bytes].concat())
}

/// An AlgorithmIdentifier, with parameters if given.
fn algorithm(oid: &const_oid::ObjectIdentifier, parameters: Option<&[u8]>) -> Vec<u8> {
    let oid = tlv(0x06, oid.as_bytes());
    sequence(&[&oid, parameters.unwrap_or_default()])
}

/// A OneAsymmetricKey: version 0 without a public key, version 1 with one.
fn one_asymmetric_key(algorithm: &[u8], private_key: &[u8], public_key: Option<&[u8]>) -> Vec<u8> {
    match public_key {
        None => sequence(&[&[2, 1, 0], algorithm, &octet_string(private_key)]),
        Some(pk) => {
            let pk = tlv(0x81, &[&[0][..], pk].concat());
            sequence(&[&[2, 1, 1], algorithm, &octet_string(private_key), &pk])
        }
    }
}

fn spki(algorithm: &[u8], public_key: &[u8]) -> Vec<u8> {
    sequence(&[algorithm, &bit_string(public_key)])
}

/// One ML-KEM or ML-DSA parameter set, seen through what the tests need of it.
trait SeedScheme {
    /// The file name prefix, e.g. "ML-KEM-512".
    const NAME: &'static str;
    /// The folder under kat/formats/.
    const DIR: &'static str;
    const SEED_SIZE: usize;
    const EXPANDED_SIZE: usize;
    const PUBLIC_SIZE: usize;
    const SPKI_DER_SIZE: usize;
    const SPKI_PEM_SIZE: usize;
    const PKCS8_DER_SIZE: usize;
    const PKCS8_PEM_SIZE: usize;
    type OidSet: AssociatedOid;
    /// Another set of the same algorithm, for a wrong OID.
    type OtherSet: AssociatedOid;
    type Private: PartialEq + std::fmt::Debug;
    type Public: PartialEq + std::fmt::Debug;

    fn from_seed(seed: &[u8]) -> Self::Private;
    fn seed(key: &Self::Private) -> Option<Vec<u8>>;
    fn expanded(key: &Self::Private) -> Vec<u8>;
    fn public(key: &Self::Private) -> &Self::Public;
    fn public_bytes(key: &Self::Public) -> Vec<u8>;

    fn private_from_der(der: &[u8]) -> Result<Self::Private, Error>;
    fn private_from_pem(pem: &str) -> Result<Self::Private, Error>;
    fn private_to_der<'b>(key: &Self::Private, buf: &'b mut [u8]) -> Result<&'b [u8], Error>;
    fn private_to_pem<'b>(key: &Self::Private, buf: &'b mut [u8]) -> Result<&'b str, Error>;
    fn private_via_trait(der: &[u8]) -> Result<Self::Private, pkcs8::Error>;

    fn public_from_der(der: &[u8]) -> Result<Self::Public, Error>;
    fn public_from_pem(pem: &str) -> Result<Self::Public, Error>;
    fn public_to_der<'b>(key: &Self::Public, buf: &'b mut [u8]) -> Result<&'b [u8], Error>;
    fn public_to_pem<'b>(key: &Self::Public, buf: &'b mut [u8]) -> Result<&'b str, Error>;
    fn public_via_trait(der: &[u8]) -> Result<Self::Public, spki::Error>;
}

macro_rules! seed_scheme {
    ($scheme:ident, $name:literal, $dir:literal, $module:ident, $other:ty,
     $private:ident, $public:ident, $expanded:ident, $public_size:ident, $to_expanded:ident,
     $public_of:ident) => {
        struct $scheme;

        impl SeedScheme for $scheme {
            const NAME: &'static str = $name;
            const DIR: &'static str = $dir;
            const SEED_SIZE: usize = pqfips::$module::SEED_SIZE;
            const EXPANDED_SIZE: usize = pqfips::$module::$expanded;
            const PUBLIC_SIZE: usize = pqfips::$module::$public_size;
            const SPKI_DER_SIZE: usize = pqfips::$module::SPKI_DER_SIZE;
            const SPKI_PEM_SIZE: usize = pqfips::$module::SPKI_PEM_SIZE;
            const PKCS8_DER_SIZE: usize = pqfips::$module::PKCS8_DER_SIZE;
            const PKCS8_PEM_SIZE: usize = pqfips::$module::PKCS8_PEM_SIZE;
            type OidSet = <pqfips::$module::$private as SetOf>::Set;
            type OtherSet = $other;
            type Private = pqfips::$module::$private;
            type Public = pqfips::$module::$public;

            fn from_seed(seed: &[u8]) -> Self::Private {
                Self::Private::from_seed(seed.try_into().unwrap())
            }
            fn seed(key: &Self::Private) -> Option<Vec<u8>> {
                key.seed().map(|s| s.to_vec())
            }
            fn expanded(key: &Self::Private) -> Vec<u8> {
                key.$to_expanded().as_ref().to_vec()
            }
            fn public(key: &Self::Private) -> &Self::Public {
                key.$public_of()
            }
            fn public_bytes(key: &Self::Public) -> Vec<u8> {
                key.to_bytes().as_ref().to_vec()
            }
            fn private_from_der(der: &[u8]) -> Result<Self::Private, Error> {
                Self::Private::from_pkcs8_der(der)
            }
            fn private_from_pem(pem: &str) -> Result<Self::Private, Error> {
                Self::Private::from_pkcs8_pem(pem)
            }
            fn private_to_der<'b>(k: &Self::Private, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
                k.to_pkcs8_der(buf)
            }
            fn private_to_pem<'b>(k: &Self::Private, buf: &'b mut [u8]) -> Result<&'b str, Error> {
                k.to_pkcs8_pem(buf)
            }
            fn private_via_trait(der: &[u8]) -> Result<Self::Private, pkcs8::Error> {
                <Self::Private as DecodePrivateKey>::from_pkcs8_der(der)
            }
            fn public_from_der(der: &[u8]) -> Result<Self::Public, Error> {
                Self::Public::from_public_key_der(der)
            }
            fn public_from_pem(pem: &str) -> Result<Self::Public, Error> {
                Self::Public::from_public_key_pem(pem)
            }
            fn public_to_der<'b>(k: &Self::Public, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
                k.to_public_key_der(buf)
            }
            fn public_to_pem<'b>(k: &Self::Public, buf: &'b mut [u8]) -> Result<&'b str, Error> {
                k.to_public_key_pem(buf)
            }
            fn public_via_trait(der: &[u8]) -> Result<Self::Public, spki::Error> {
                <Self::Public as DecodePublicKey>::from_public_key_der(der)
            }
        }
    };
}

/// The parameter set of a key type.
trait SetOf {
    type Set: AssociatedOid;
}

impl<P: ml_kem::ParameterSet + AssociatedOid> SetOf for ml_kem::DecapsulationKey<P> {
    type Set = P;
}

impl<P: ml_dsa::ParameterSet + AssociatedOid> SetOf for ml_dsa::SigningKey<P> {
    type Set = P;
}

seed_scheme!(
    MlKem512,
    "ML-KEM-512",
    "ml-kem",
    ml_kem_512,
    ml_kem::MlKem768,
    DecapsulationKey,
    EncapsulationKey,
    EXPANDED_DECAPSULATION_KEY_SIZE,
    ENCAPSULATION_KEY_SIZE,
    to_expanded_bytes,
    encapsulation_key
);
seed_scheme!(
    MlKem768,
    "ML-KEM-768",
    "ml-kem",
    ml_kem_768,
    ml_kem::MlKem1024,
    DecapsulationKey,
    EncapsulationKey,
    EXPANDED_DECAPSULATION_KEY_SIZE,
    ENCAPSULATION_KEY_SIZE,
    to_expanded_bytes,
    encapsulation_key
);
seed_scheme!(
    MlKem1024,
    "ML-KEM-1024",
    "ml-kem",
    ml_kem_1024,
    ml_kem::MlKem512,
    DecapsulationKey,
    EncapsulationKey,
    EXPANDED_DECAPSULATION_KEY_SIZE,
    ENCAPSULATION_KEY_SIZE,
    to_expanded_bytes,
    encapsulation_key
);
seed_scheme!(
    MlDsa44,
    "ML-DSA-44",
    "ml-dsa",
    ml_dsa_44,
    ml_dsa::MlDsa65,
    SigningKey,
    VerifyingKey,
    EXPANDED_SIGNING_KEY_SIZE,
    VERIFYING_KEY_SIZE,
    to_expanded_bytes,
    verifying_key
);
seed_scheme!(
    MlDsa65,
    "ML-DSA-65",
    "ml-dsa",
    ml_dsa_65,
    ml_dsa::MlDsa87,
    SigningKey,
    VerifyingKey,
    EXPANDED_SIGNING_KEY_SIZE,
    VERIFYING_KEY_SIZE,
    to_expanded_bytes,
    verifying_key
);
seed_scheme!(
    MlDsa87,
    "ML-DSA-87",
    "ml-dsa",
    ml_dsa_87,
    ml_dsa::MlDsa44,
    SigningKey,
    VerifyingKey,
    EXPANDED_SIGNING_KEY_SIZE,
    VERIFYING_KEY_SIZE,
    to_expanded_bytes,
    verifying_key
);

/// The RFC's example files of a set: every private form imports to the same key, whose public
/// key is the `.pub` file's and the certificate's; our export is the `-seed.priv` file and the
/// `.pub` file byte for byte, in DER and PEM; the `pkcs8`/`spki` traits read them too.
fn interoperates<S: SeedScheme>() -> usize {
    let file = |suffix: &str| read(&format!("{}/{}{suffix}", S::DIR, S::NAME));
    let seed_pem = file("-seed.priv");
    let seed_key = S::private_from_pem(&seed_pem).unwrap();
    // The RFCs' examples all use the seed 00 01 02 …
    let seed: Vec<u8> = (0..S::SEED_SIZE as u8).collect();
    assert_eq!(S::seed(&seed_key), Some(seed.clone()), "{}", S::NAME);
    assert_eq!(seed_key, S::from_seed(&seed));

    let mut forms = 0;
    for form in ["-seed.priv", "-expanded.priv", "-both.priv"] {
        let pem = file(form);
        let (label, der) = pem_to_der(&pem);
        assert_eq!(label, "PRIVATE KEY");
        for key in [
            S::private_from_pem(&pem).unwrap(),
            S::private_from_der(&der).unwrap(),
            S::private_via_trait(&der).unwrap(),
        ] {
            assert_eq!(key, seed_key, "{} {form}", S::NAME);
            assert_eq!(S::expanded(&key), S::expanded(&seed_key));
            // The expanded form has no seed, the other two keep it.
            let expected_seed = (form != "-expanded.priv").then(|| seed.clone());
            assert_eq!(S::seed(&key), expected_seed, "{} {form}", S::NAME);
        }
        forms += 1;
    }

    let pub_pem = file(".pub");
    let (label, pub_der) = pem_to_der(&pub_pem);
    assert_eq!(label, "PUBLIC KEY");
    let cert_spki = certificate_spki(&file(".crt"));
    assert_eq!(cert_spki, pub_der, "{}: the certificate's key", S::NAME);
    for public in [
        S::public_from_pem(&pub_pem).unwrap(),
        S::public_from_der(&pub_der).unwrap(),
        S::public_from_der(&cert_spki).unwrap(),
        S::public_via_trait(&pub_der).unwrap(),
    ] {
        assert_eq!(&public, S::public(&seed_key), "{}", S::NAME);
    }

    // Export, into buffers of exactly the published sizes.
    let (_, seed_der) = pem_to_der(&seed_pem);
    let mut buf = vec![0u8; S::PKCS8_DER_SIZE];
    assert_eq!(S::private_to_der(&seed_key, &mut buf).unwrap(), seed_der);
    let mut buf = vec![0u8; S::PKCS8_PEM_SIZE];
    assert_eq!(S::private_to_pem(&seed_key, &mut buf).unwrap(), seed_pem);
    let mut buf = vec![0u8; S::SPKI_DER_SIZE];
    assert_eq!(
        S::public_to_der(S::public(&seed_key), &mut buf).unwrap(),
        pub_der
    );
    let mut buf = vec![0u8; S::SPKI_PEM_SIZE];
    assert_eq!(
        S::public_to_pem(S::public(&seed_key), &mut buf).unwrap(),
        pub_pem
    );
    forms
}

/// Every malformed key we can think of, each rejected with its own error.
fn rejects_malformed<S: SeedScheme>() -> usize {
    let mut cases = 0;
    let mut check = |what: &str, der: &[u8], expected: Error| {
        assert_eq!(
            S::private_from_der(der),
            Err(expected),
            "{}: {what}",
            S::NAME
        );
        cases += 1;
    };
    let seed: Vec<u8> = (0..S::SEED_SIZE as u8).collect();
    let key = S::from_seed(&seed);
    let expanded = S::expanded(&key);
    let public = S::public_bytes(S::public(&key));
    let alg = algorithm(&S::OidSet::OID, None);
    let seed_form = tlv(0x80, &seed);
    let both = |s: &[u8], e: &[u8]| sequence(&[&octet_string(s), &octet_string(e)]);
    let good_both = both(&seed, &expanded);

    // Our builder writes what the files hold, so that what it changes is the only change.
    let (_, file_der) = pem_to_der(&read(&format!("{}/{}-seed.priv", S::DIR, S::NAME)));
    assert_eq!(one_asymmetric_key(&alg, &seed_form, None), file_der);
    let (_, file_der) = pem_to_der(&read(&format!("{}/{}-both.priv", S::DIR, S::NAME)));
    assert_eq!(one_asymmetric_key(&alg, &good_both, None), file_der);
    // A public key that belongs is accepted (version 2).
    let with_public = one_asymmetric_key(&alg, &seed_form, Some(&public));
    assert_eq!(S::private_from_der(&with_public), Ok(S::from_seed(&seed)));

    // both: a flipped byte in the expanded key, or in the seed.
    for at in [0, S::EXPANDED_SIZE / 2, S::EXPANDED_SIZE - 1] {
        let mut e = expanded.clone();
        e[at] ^= 1;
        let der = one_asymmetric_key(&alg, &both(&seed, &e), None);
        check(
            "both, expanded key flipped",
            &der,
            key_format(KeyFormatError::SeedMismatch),
        );
    }
    let mut s = seed.clone();
    s[3] ^= 0x80;
    let der = one_asymmetric_key(&alg, &both(&s, &expanded), None);
    check(
        "both, seed flipped",
        &der,
        key_format(KeyFormatError::SeedMismatch),
    );

    // The wrong OID: another set's, and a pre-hash signature OID.
    let other = algorithm(&S::OtherSet::OID, None);
    check(
        "another set's OID",
        &one_asymmetric_key(&other, &seed_form, None),
        key_format(KeyFormatError::WrongAlgorithm),
    );
    let sha512 = algorithm(&const_oid::db::rfc5912::ID_SHA_512, None);
    check(
        "a hash OID",
        &one_asymmetric_key(&sha512, &seed_form, None),
        key_format(KeyFormatError::WrongAlgorithm),
    );
    // Parameters present: NULL, and an empty SEQUENCE.
    for params in [&[0x05, 0x00][..], &[0x30, 0x00]] {
        let alg = algorithm(&S::OidSet::OID, Some(params));
        check(
            "parameters present",
            &one_asymmetric_key(&alg, &seed_form, None),
            key_format(KeyFormatError::ParametersPresent),
        );
    }
    // Trailing bytes: after the OneAsymmetricKey, and after the CHOICE in its OCTET STRING.
    let mut der = one_asymmetric_key(&alg, &seed_form, None);
    der.push(0);
    check(
        "a byte after the DER",
        &der,
        key_format(KeyFormatError::TrailingBytes),
    );
    for inner in [&seed_form, &good_both, &octet_string(&expanded)] {
        let mut content = inner.clone();
        content.extend([0x04, 0x00]);
        let der = one_asymmetric_key(&alg, &content, None);
        check(
            "bytes after the CHOICE",
            &der,
            key_format(KeyFormatError::TrailingBytes),
        );
    }
    // The wrong CHOICE tag: [1], [0] constructed, INTEGER, BIT STRING, SET.
    for tag in [0x81, 0xa0, 0x02, 0x03, 0x31] {
        let der = one_asymmetric_key(&alg, &tlv(tag, &seed), None);
        check(
            "wrong CHOICE tag",
            &der,
            key_format(KeyFormatError::WrongChoiceTag),
        );
    }
    // Wrong lengths: of the seed (in `seed` and in `both`) and of the expanded key (alone and
    // in `both`). The CHOICE is told apart by its tag, never its length: a seed-sized
    // expandedKey is a wrong-length expanded key, not a seed.
    for len in [0, S::SEED_SIZE - 1, S::SEED_SIZE + 1, S::EXPANDED_SIZE] {
        let s = vec![7u8; len];
        check(
            "seed length",
            &one_asymmetric_key(&alg, &tlv(0x80, &s), None),
            wrong_length(S::SEED_SIZE, len),
        );
        check(
            "both, seed length",
            &one_asymmetric_key(&alg, &both(&s, &expanded), None),
            wrong_length(S::SEED_SIZE, len),
        );
    }
    for len in [S::SEED_SIZE, S::EXPANDED_SIZE - 1, S::EXPANDED_SIZE + 1] {
        let e = vec![7u8; len];
        check(
            "expanded key length",
            &one_asymmetric_key(&alg, &octet_string(&e), None),
            wrong_length(S::EXPANDED_SIZE, len),
        );
        check(
            "both, expanded key length",
            &one_asymmetric_key(&alg, &both(&seed, &e), None),
            wrong_length(S::EXPANDED_SIZE, len),
        );
    }
    // `both` with a missing or an extra element.
    check(
        "both without its expanded key",
        &one_asymmetric_key(&alg, &sequence(&[&octet_string(&seed)]), None),
        key_format(KeyFormatError::Asn1),
    );
    let extra = sequence(&[&octet_string(&seed), &octet_string(&expanded), &[5, 0]]);
    check(
        "both with a third element",
        &one_asymmetric_key(&alg, &extra, None),
        key_format(KeyFormatError::TrailingBytes),
    );
    // The public key: another key's, a wrong length, a version that does not match.
    let other_public = S::public_bytes(S::public(&S::from_seed(&vec![9; S::SEED_SIZE])));
    check(
        "another key's public key",
        &one_asymmetric_key(&alg, &seed_form, Some(&other_public)),
        key_format(KeyFormatError::PublicKeyMismatch),
    );
    check(
        "public key length",
        &one_asymmetric_key(&alg, &seed_form, Some(&public[1..])),
        wrong_length(S::PUBLIC_SIZE, S::PUBLIC_SIZE - 1),
    );
    let v1_with_public = sequence(&[
        &[2, 1, 0],
        &alg,
        &octet_string(&seed_form),
        &tlv(0x81, &[&[0][..], &public].concat()),
    ]);
    check(
        "version 1 with a public key",
        &v1_with_public,
        key_format(KeyFormatError::Asn1),
    );
    let v3 = sequence(&[&[2, 1, 2], &alg, &octet_string(&seed_form)]);
    check("version 3", &v3, key_format(KeyFormatError::Asn1));
    // Every truncation of a valid key.
    let valid = one_asymmetric_key(&alg, &good_both, Some(&public));
    assert!(S::private_from_der(&valid).is_ok());
    for len in 0..valid.len() {
        check("truncated", &valid[..len], key_format(KeyFormatError::Asn1));
    }
    cases
}

/// The public key's malformations, each rejected with its own error.
fn rejects_malformed_public<S: SeedScheme>() -> usize {
    let mut cases = 0;
    let mut check = |what: &str, der: &[u8], expected: Error| {
        assert_eq!(
            S::public_from_der(der),
            Err(expected),
            "{}: {what}",
            S::NAME
        );
        cases += 1;
    };
    let key = S::from_seed(&vec![1; S::SEED_SIZE]);
    let public = S::public_bytes(S::public(&key));
    let alg = algorithm(&S::OidSet::OID, None);
    let valid = spki(&alg, &public);
    assert_eq!(S::public_from_der(&valid).as_ref(), Ok(S::public(&key)));

    let other = algorithm(&S::OtherSet::OID, None);
    check(
        "another set's OID",
        &spki(&other, &public),
        key_format(KeyFormatError::WrongAlgorithm),
    );
    let alg_null = algorithm(&S::OidSet::OID, Some(&[5, 0]));
    check(
        "parameters present",
        &spki(&alg_null, &public),
        key_format(KeyFormatError::ParametersPresent),
    );
    let mut der = valid.clone();
    der.push(0);
    check(
        "a byte after the DER",
        &der,
        key_format(KeyFormatError::TrailingBytes),
    );
    for len in [0, S::PUBLIC_SIZE - 1, S::PUBLIC_SIZE + 1] {
        check(
            "key length",
            &spki(&alg, &vec![0; len]),
            wrong_length(S::PUBLIC_SIZE, len),
        );
    }
    let unused_bits = sequence(&[&alg, &tlv(0x03, &[&[1][..], &public].concat())]);
    check(
        "a BIT STRING with unused bits",
        &unused_bits,
        key_format(KeyFormatError::Asn1),
    );
    for len in 0..valid.len() {
        check("truncated", &valid[..len], key_format(KeyFormatError::Asn1));
    }
    cases
}

/// PEM: the wrong label, broken Base64, a key in one buffer too small; and export of a key that
/// has no seed.
fn rejects_bad_pem_and_buffers<S: SeedScheme>() {
    let seed_pem = read(&format!("{}/{}-seed.priv", S::DIR, S::NAME));
    let pub_pem = read(&format!("{}/{}.pub", S::DIR, S::NAME));
    let label = key_format(KeyFormatError::PemLabel);
    assert_eq!(S::private_from_pem(&pub_pem), Err(label));
    assert_eq!(S::public_from_pem(&seed_pem), Err(label));
    let pem = key_format(KeyFormatError::Pem);
    let broken = seed_pem.replacen("-\nM", "-\n*", 1);
    assert_ne!(broken, seed_pem);
    assert_eq!(S::private_from_pem(&broken), Err(pem));
    assert_eq!(
        S::private_from_pem(&seed_pem[..seed_pem.len() - 10]),
        Err(pem)
    );
    assert_eq!(S::private_from_pem(""), Err(pem));
    // CRLF line endings are PEM too.
    let crlf = seed_pem.replace('\n', "\r\n");
    assert!(S::private_from_pem(&crlf).is_ok());

    let key = S::private_from_pem(&seed_pem).unwrap();
    let too_small = |needed: usize| {
        key_format(KeyFormatError::BufferTooSmall {
            needed,
            actual: needed - 1,
        })
    };
    let mut buf = vec![0u8; S::SPKI_PEM_SIZE.max(S::PKCS8_PEM_SIZE) + 1];
    let n = S::PKCS8_DER_SIZE;
    assert_eq!(
        S::private_to_der(&key, &mut buf[..n - 1]),
        Err(too_small(n))
    );
    let n = S::PKCS8_PEM_SIZE;
    assert_eq!(
        S::private_to_pem(&key, &mut buf[..n - 1]),
        Err(too_small(n))
    );
    let n = S::SPKI_DER_SIZE;
    assert_eq!(
        S::public_to_der(S::public(&key), &mut buf[..n - 1]),
        Err(too_small(n))
    );
    let n = S::SPKI_PEM_SIZE;
    assert_eq!(
        S::public_to_pem(S::public(&key), &mut buf[..n - 1]),
        Err(too_small(n))
    );
    // A larger buffer is fine: the encoding is its start.
    let der = S::private_to_der(&key, &mut buf).unwrap();
    assert_eq!(der.len(), S::PKCS8_DER_SIZE);

    let expanded = S::private_from_pem(&read(&format!("{}/{}-expanded.priv", S::DIR, S::NAME)));
    let no_seed = key_format(KeyFormatError::NoSeed);
    assert_eq!(
        S::private_to_der(&expanded.unwrap(), &mut buf),
        Err(no_seed)
    );
}

/// The trait forms keep the gist of the error.
fn trait_errors<S: SeedScheme>() {
    let seed: Vec<u8> = (0..S::SEED_SIZE as u8).collect();
    let other = algorithm(&S::OtherSet::OID, None);
    let der = one_asymmetric_key(&other, &tlv(0x80, &seed), None);
    assert!(matches!(
        S::private_via_trait(&der),
        Err(pkcs8::Error::PublicKey(spki::Error::OidUnknown { .. }))
    ));
    let public = S::public_bytes(S::public(&S::from_seed(&seed)));
    assert!(matches!(
        S::public_via_trait(&spki(&other, &public)),
        Err(spki::Error::OidUnknown { .. })
    ));
}

fn all<S: SeedScheme>() {
    assert_eq!(interoperates::<S>(), 3);
    let cases = rejects_malformed::<S>();
    let public_cases = rejects_malformed_public::<S>();
    rejects_bad_pem_and_buffers::<S>();
    trait_errors::<S>();
    println!(
        "{}: 3 private forms, {cases} malformed private keys, {public_cases} malformed public keys",
        S::NAME
    );
}

#[test]
fn ml_kem_512_key_formats() {
    all::<MlKem512>();
}

#[test]
fn ml_kem_768_key_formats() {
    all::<MlKem768>();
}

#[test]
fn ml_kem_1024_key_formats() {
    all::<MlKem1024>();
}

#[test]
fn ml_dsa_44_key_formats() {
    all::<MlDsa44>();
}

#[test]
fn ml_dsa_65_key_formats() {
    all::<MlDsa65>();
}

#[test]
fn ml_dsa_87_key_formats() {
    all::<MlDsa87>();
}

/// An expanded ML-KEM key that fails the FIPS 203 §7.3 hash check, and a public key that fails
/// the §7.2 modulus check: the import's own error, [`Error::InvalidKey`].
#[test]
fn ml_kem_fips_checks_apply() {
    let key = ml_kem::DecapsulationKey::<ml_kem::MlKem768>::from_seed(&[4; 64]);
    let alg = algorithm(&ml_kem::MlKem768::OID, None);
    let mut expanded = key.to_expanded_bytes().to_vec();
    let h_at = 384 * 3 + 1184;
    expanded[h_at] ^= 1; // a byte of H(ek)
    let der = one_asymmetric_key(&alg, &octet_string(&expanded), None);
    assert_eq!(
        ml_kem::DecapsulationKey::<ml_kem::MlKem768>::from_pkcs8_der(&der),
        Err(Error::InvalidKey)
    );
    let mut public = key.encapsulation_key().to_bytes().to_vec();
    public[0] = 0xff;
    public[1] |= 0x0f; // the first coefficient is 0xfff ≥ q
    let der = spki(&alg, &public);
    assert_eq!(
        ml_kem::EncapsulationKey::<ml_kem::MlKem768>::from_public_key_der(&der),
        Err(Error::InvalidKey)
    );
}

/// An expanded ML-DSA key that is not consistent (a flipped byte of t₀): the import's own
/// error, [`Error::InvalidKey`].
#[test]
fn ml_dsa_expanded_key_is_checked() {
    let key = ml_dsa::SigningKey::<ml_dsa::MlDsa44>::from_seed(&[4; 32]);
    let alg = algorithm(&ml_dsa::MlDsa44::OID, None);
    let mut expanded = key.to_expanded_bytes().to_vec();
    let last = expanded.len() - 1;
    expanded[last] ^= 1;
    let der = one_asymmetric_key(&alg, &octet_string(&expanded), None);
    assert_eq!(
        ml_dsa::SigningKey::<ml_dsa::MlDsa44>::from_pkcs8_der(&der),
        Err(Error::InvalidKey)
    );
}

/// The RFC 9909 example: SLH-DSA-SHA2-128s, private key, public key and the certificate's.
#[test]
fn slh_dsa_sha2_128s_interoperates() {
    use pqfips::slh_dsa_sha2_128s::{
        PKCS8_DER_SIZE, PKCS8_PEM_SIZE, SPKI_DER_SIZE, SPKI_PEM_SIZE, SigningKey, VerifyingKey,
    };
    let priv_pem = read("slh-dsa/id-slh-dsa-sha2-128s.priv");
    let pub_pem = read("slh-dsa/id-slh-dsa-sha2-128s.pub");
    let (_, priv_der) = pem_to_der(&priv_pem);
    let (_, pub_der) = pem_to_der(&pub_pem);
    let cert_spki = certificate_spki(&read("slh-dsa/id-slh-dsa-sha2-128s.pem"));
    assert_eq!(cert_spki, pub_der);

    let sk = SigningKey::from_pkcs8_pem(&priv_pem).unwrap();
    assert_eq!(SigningKey::from_pkcs8_der(&priv_der).as_ref(), Ok(&sk));
    assert_eq!(
        <SigningKey as DecodePrivateKey>::from_pkcs8_der(&priv_der).as_ref(),
        Ok(&sk)
    );
    assert_eq!(sk.to_bytes().as_ref(), &priv_der[priv_der.len() - 64..]);
    // The key's PK.root is the one its seeds derive.
    let bytes = sk.to_bytes();
    let seed = |i: usize| bytes[16 * i..16 * (i + 1)].try_into().unwrap();
    assert_eq!(SigningKey::from_seeds(&seed(0), &seed(1), &seed(2)), sk);
    for vk in [
        VerifyingKey::from_public_key_pem(&pub_pem).unwrap(),
        VerifyingKey::from_public_key_der(&pub_der).unwrap(),
        VerifyingKey::from_public_key_der(&cert_spki).unwrap(),
        <VerifyingKey as DecodePublicKey>::from_public_key_der(&pub_der).unwrap(),
    ] {
        assert_eq!(&vk, sk.verifying_key());
    }
    // The certificate is self-signed: the key verifies its signature.
    let cert = Certificate::from_pem(read("slh-dsa/id-slh-dsa-sha2-128s.pem").as_bytes()).unwrap();
    let tbs = cert.tbs_certificate().to_der().unwrap();
    let sig = slh_dsa::Signature::from_bytes(cert.signature().raw_bytes()).unwrap();
    sk.verifying_key().verify(&tbs, b"", &sig).unwrap();

    let mut buf = [0u8; PKCS8_DER_SIZE];
    assert_eq!(sk.to_pkcs8_der(&mut buf).unwrap(), priv_der);
    let mut buf = [0u8; PKCS8_PEM_SIZE];
    assert_eq!(sk.to_pkcs8_pem(&mut buf).unwrap(), priv_pem);
    let mut buf = [0u8; SPKI_DER_SIZE];
    assert_eq!(
        sk.verifying_key().to_public_key_der(&mut buf).unwrap(),
        pub_der
    );
    let mut buf = [0u8; SPKI_PEM_SIZE];
    assert_eq!(
        sk.verifying_key().to_public_key_pem(&mut buf).unwrap(),
        pub_pem
    );
}

/// Every SLH-DSA set: export and import give the key back, with the published sizes, and the
/// malformed keys are rejected as for the other algorithms.
fn slh_dsa_set<P: slh_dsa::ParameterSet + AssociatedOid>(other: &const_oid::ObjectIdentifier) {
    let seed = |b: u8| P::Seed::try_from(&[b; 32][..P::N]).unwrap();
    let sk = slh_dsa::SigningKey::<P>::from_seeds(&seed(1), &seed(2), &seed(3));
    let vk = sk.verifying_key();
    let mut buf = [0u8; 1024];
    let der = sk.to_pkcs8_der(&mut buf).unwrap().to_vec();
    assert_eq!(
        slh_dsa::SigningKey::<P>::from_pkcs8_der(&der).as_ref(),
        Ok(&sk)
    );
    let pem = sk.to_pkcs8_pem(&mut buf).unwrap().to_string();
    assert_eq!(pem_to_der(&pem).1, der);
    assert_eq!(
        slh_dsa::SigningKey::<P>::from_pkcs8_pem(&pem).as_ref(),
        Ok(&sk)
    );
    let pub_der = vk.to_public_key_der(&mut buf).unwrap().to_vec();
    assert_eq!(
        slh_dsa::VerifyingKey::<P>::from_public_key_der(&pub_der).as_ref(),
        Ok(vk)
    );
    let pub_pem = vk.to_public_key_pem(&mut buf).unwrap().to_string();
    assert_eq!(
        slh_dsa::VerifyingKey::<P>::from_public_key_pem(&pub_pem).as_ref(),
        Ok(vk)
    );

    let alg = algorithm(&P::OID, None);
    let raw = sk.to_bytes();
    let public = vk.to_bytes();
    // Our builder writes what the encoder writes.
    assert_eq!(one_asymmetric_key(&alg, raw.as_ref(), None), der);
    assert_eq!(spki(&alg, public.as_ref()), pub_der);
    let import = |der: &[u8]| slh_dsa::SigningKey::<P>::from_pkcs8_der(der);
    let other_alg = algorithm(other, None);
    let cases: [(&str, Vec<u8>, Error); 6] = [
        (
            "another set's OID",
            one_asymmetric_key(&other_alg, raw.as_ref(), None),
            key_format(KeyFormatError::WrongAlgorithm),
        ),
        (
            "parameters present",
            one_asymmetric_key(&algorithm(&P::OID, Some(&[5, 0])), raw.as_ref(), None),
            key_format(KeyFormatError::ParametersPresent),
        ),
        (
            "key length",
            one_asymmetric_key(&alg, &raw.as_ref()[1..], None),
            wrong_length(4 * P::N, 4 * P::N - 1),
        ),
        (
            "wrapped in an OCTET STRING",
            one_asymmetric_key(&alg, &octet_string(raw.as_ref()), None),
            wrong_length(4 * P::N, octet_string(raw.as_ref()).len()),
        ),
        (
            "a byte after the DER",
            [&der[..], &[0]].concat(),
            key_format(KeyFormatError::TrailingBytes),
        ),
        (
            "another key's public key",
            one_asymmetric_key(&alg, raw.as_ref(), Some(&[7; 64][..2 * P::N])),
            key_format(KeyFormatError::PublicKeyMismatch),
        ),
    ];
    for (what, der, expected) in cases {
        assert_eq!(import(&der), Err(expected), "{}: {what}", P::NAME);
    }
    assert_eq!(
        import(&one_asymmetric_key(
            &alg,
            raw.as_ref(),
            Some(public.as_ref())
        ))
        .as_ref(),
        Ok(&sk)
    );
    for len in 0..der.len() {
        assert_eq!(import(&der[..len]), Err(key_format(KeyFormatError::Asn1)));
    }
    let spki_cases: [(&str, Vec<u8>, Error); 3] = [
        (
            "another set's OID",
            spki(&other_alg, public.as_ref()),
            key_format(KeyFormatError::WrongAlgorithm),
        ),
        (
            "parameters present",
            spki(&algorithm(&P::OID, Some(&[5, 0])), public.as_ref()),
            key_format(KeyFormatError::ParametersPresent),
        ),
        (
            "key length",
            spki(&alg, &public.as_ref()[1..]),
            wrong_length(2 * P::N, 2 * P::N - 1),
        ),
    ];
    for (what, der, expected) in spki_cases {
        let got = slh_dsa::VerifyingKey::<P>::from_public_key_der(&der);
        assert_eq!(got, Err(expected), "{}: {what}", P::NAME);
    }
}

#[test]
fn slh_dsa_key_formats_every_set() {
    use const_oid::db::fips205::*;
    slh_dsa_set::<slh_dsa::SlhDsaSha2_128s>(&ID_SLH_DSA_SHA_2_128_F);
    slh_dsa_set::<slh_dsa::SlhDsaSha2_128f>(&ID_SLH_DSA_SHAKE_128_F);
    slh_dsa_set::<slh_dsa::SlhDsaSha2_192s>(&ID_SLH_DSA_SHA_2_192_F);
    slh_dsa_set::<slh_dsa::SlhDsaSha2_192f>(&ID_SLH_DSA_SHA_2_256_F);
    slh_dsa_set::<slh_dsa::SlhDsaSha2_256s>(&ID_SLH_DSA_SHA_2_256_F);
    slh_dsa_set::<slh_dsa::SlhDsaSha2_256f>(&ID_SLH_DSA_SHA_2_128_F);
    slh_dsa_set::<slh_dsa::SlhDsaShake128s>(&ID_SLH_DSA_SHA_2_128_S);
    slh_dsa_set::<slh_dsa::SlhDsaShake128f>(&ID_SLH_DSA_SHAKE_128_S);
    slh_dsa_set::<slh_dsa::SlhDsaShake192s>(&ID_SLH_DSA_SHAKE_192_F);
    slh_dsa_set::<slh_dsa::SlhDsaShake192f>(&ID_SLH_DSA_SHAKE_192_S);
    slh_dsa_set::<slh_dsa::SlhDsaShake256s>(&ID_SLH_DSA_SHAKE_256_F);
    slh_dsa_set::<slh_dsa::SlhDsaShake256f>(&ID_SLH_DSA_SHAKE_256_S);
}

/// The published sizes are those of the encodings, for every set (the SLH-DSA ones above are
/// checked through a larger buffer).
#[test]
fn published_sizes_are_exact() {
    macro_rules! sizes {
        ($($module:ident: $private:ident, $public:ident, $make:expr;)*) => {$({
            use pqfips::$module::*;
            let sk: $private = $make;
            let mut buf = [0u8; 4096];
            assert_eq!(sk.to_pkcs8_der(&mut buf).unwrap().len(), PKCS8_DER_SIZE);
            assert_eq!(sk.to_pkcs8_pem(&mut buf).unwrap().len(), PKCS8_PEM_SIZE);
            let vk: &$public = public_of(&sk);
            assert_eq!(vk.to_public_key_der(&mut buf).unwrap().len(), SPKI_DER_SIZE);
            assert_eq!(vk.to_public_key_pem(&mut buf).unwrap().len(), SPKI_PEM_SIZE);
        })*};
    }
    trait PublicOf {
        type Public;
        fn public(&self) -> &Self::Public;
    }
    impl<P: ml_kem::ParameterSet> PublicOf for ml_kem::DecapsulationKey<P> {
        type Public = ml_kem::EncapsulationKey<P>;
        fn public(&self) -> &Self::Public {
            self.encapsulation_key()
        }
    }
    impl<P: ml_dsa::ParameterSet> PublicOf for ml_dsa::SigningKey<P> {
        type Public = ml_dsa::VerifyingKey<P>;
        fn public(&self) -> &Self::Public {
            self.verifying_key()
        }
    }
    impl<P: slh_dsa::ParameterSet> PublicOf for slh_dsa::SigningKey<P> {
        type Public = slh_dsa::VerifyingKey<P>;
        fn public(&self) -> &Self::Public {
            self.verifying_key()
        }
    }
    fn public_of<K: PublicOf>(k: &K) -> &K::Public {
        k.public()
    }
    let slh = |n: usize| [5u8; 128][..4 * n].to_vec();
    sizes! {
        ml_kem_512: DecapsulationKey, EncapsulationKey, DecapsulationKey::from_seed(&[1; 64]);
        ml_kem_768: DecapsulationKey, EncapsulationKey, DecapsulationKey::from_seed(&[1; 64]);
        ml_kem_1024: DecapsulationKey, EncapsulationKey, DecapsulationKey::from_seed(&[1; 64]);
        ml_dsa_44: SigningKey, VerifyingKey, SigningKey::from_seed(&[1; 32]);
        ml_dsa_65: SigningKey, VerifyingKey, SigningKey::from_seed(&[1; 32]);
        ml_dsa_87: SigningKey, VerifyingKey, SigningKey::from_seed(&[1; 32]);
        slh_dsa_sha2_128s: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(16)).unwrap();
        slh_dsa_sha2_128f: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(16)).unwrap();
        slh_dsa_sha2_192s: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(24)).unwrap();
        slh_dsa_sha2_192f: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(24)).unwrap();
        slh_dsa_sha2_256s: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(32)).unwrap();
        slh_dsa_sha2_256f: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(32)).unwrap();
        slh_dsa_shake_128s: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(16)).unwrap();
        slh_dsa_shake_128f: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(16)).unwrap();
        slh_dsa_shake_192s: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(24)).unwrap();
        slh_dsa_shake_192f: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(24)).unwrap();
        slh_dsa_shake_256s: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(32)).unwrap();
        slh_dsa_shake_256f: SigningKey, VerifyingKey, SigningKey::from_bytes(&slh(32)).unwrap();
    }
}

/// X-Wing (draft-connolly-cfrg-xwing-kem): the draft repository's key files import to the key
/// of seed 00 01 … 1f, our export equals them byte for byte, and each malformed input is
/// rejected with its documented error.
#[test]
fn x_wing_key_formats() {
    use pqfips::hybrid::xwing::{
        DecapsulationKey, EncapsulationKey, PKCS8_DER_SIZE, PKCS8_PEM_SIZE, SPKI_DER_SIZE,
        SPKI_PEM_SIZE, XWing,
    };
    let oid = const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.62253.25722");
    assert_eq!(XWing::OID, oid);
    let priv_pem = read("x-wing/xwing.priv");
    let pub_pem = read("x-wing/xwing.pub");
    let (label, priv_der) = pem_to_der(&priv_pem);
    assert_eq!(label, "PRIVATE KEY");
    let (_, pub_der) = pem_to_der(&pub_pem);
    let seed: [u8; 32] = core::array::from_fn(|i| i as u8);
    let dk = DecapsulationKey::from_seed(&seed);

    // Import: every route gives the key of the seed, and the .pub file holds its public key.
    for got in [
        DecapsulationKey::from_pkcs8_pem(&priv_pem),
        DecapsulationKey::from_pkcs8_der(&priv_der),
        <DecapsulationKey as DecodePrivateKey>::from_pkcs8_der(&priv_der)
            .map_err(|_| Error::InvalidKey),
    ] {
        assert_eq!(got.as_ref(), Ok(&dk));
    }
    for got in [
        EncapsulationKey::from_public_key_pem(&pub_pem),
        EncapsulationKey::from_public_key_der(&pub_der),
        <EncapsulationKey as DecodePublicKey>::from_public_key_der(&pub_der)
            .map_err(|_| Error::InvalidKey),
    ] {
        assert_eq!(got.as_ref(), Ok(dk.encapsulation_key()));
    }

    // Export: byte for byte the files, at exactly the published sizes.
    let mut buf = [0u8; PKCS8_DER_SIZE];
    assert_eq!(dk.to_pkcs8_der(&mut buf).unwrap(), priv_der);
    let mut buf = [0u8; PKCS8_PEM_SIZE];
    assert_eq!(dk.to_pkcs8_pem(&mut buf).unwrap(), priv_pem);
    let ek = dk.encapsulation_key();
    let mut buf = [0u8; SPKI_DER_SIZE];
    assert_eq!(ek.to_public_key_der(&mut buf).unwrap(), pub_der);
    let mut buf = [0u8; SPKI_PEM_SIZE];
    assert_eq!(ek.to_public_key_pem(&mut buf).unwrap(), pub_pem);
    let mut short = [0u8; PKCS8_DER_SIZE - 1];
    assert_eq!(
        dk.to_pkcs8_der(&mut short),
        Err(key_format(KeyFormatError::BufferTooSmall {
            needed: PKCS8_DER_SIZE,
            actual: PKCS8_DER_SIZE - 1
        }))
    );

    // Our builder writes what the files hold, so the malformed keys below differ from them in
    // one thing each.
    let alg = algorithm(&oid, None);
    let public = ek.to_bytes();
    assert_eq!(one_asymmetric_key(&alg, &seed, None), priv_der);
    assert_eq!(spki(&alg, &public), pub_der);
    let ml_kem_oid = algorithm(&ml_kem::MlKem768::OID, None);
    let import = DecapsulationKey::from_pkcs8_der;
    let cases: [(&str, Vec<u8>, Error); 8] = [
        (
            "ML-KEM-768's OID",
            one_asymmetric_key(&ml_kem_oid, &seed, None),
            key_format(KeyFormatError::WrongAlgorithm),
        ),
        (
            "parameters present",
            one_asymmetric_key(&algorithm(&oid, Some(&[5, 0])), &seed, None),
            key_format(KeyFormatError::ParametersPresent),
        ),
        (
            "a 31-byte seed",
            one_asymmetric_key(&alg, &seed[..31], None),
            wrong_length(32, 31),
        ),
        (
            "a 33-byte seed",
            one_asymmetric_key(&alg, &[&seed[..], &[0]].concat(), None),
            wrong_length(32, 33),
        ),
        (
            "the seed in ML-KEM's seed [0] CHOICE",
            one_asymmetric_key(&alg, &tlv(0x80, &seed), None),
            wrong_length(32, 34),
        ),
        (
            "a byte after the DER",
            [&priv_der[..], &[0]].concat(),
            key_format(KeyFormatError::TrailingBytes),
        ),
        (
            "another key's public key",
            one_asymmetric_key(&alg, &seed, Some(&[7; 1216])),
            key_format(KeyFormatError::PublicKeyMismatch),
        ),
        (
            "a public key of the wrong length",
            one_asymmetric_key(&alg, &seed, Some(&public[1..])),
            wrong_length(1216, 1215),
        ),
    ];
    for (what, der, expected) in cases {
        assert_eq!(import(&der), Err(expected), "X-Wing private key: {what}");
    }
    assert_eq!(
        import(&one_asymmetric_key(&alg, &seed, Some(&public))).as_ref(),
        Ok(&dk)
    );
    for len in 0..priv_der.len() {
        assert_eq!(
            import(&priv_der[..len]),
            Err(key_format(KeyFormatError::Asn1)),
            "truncated to {len}"
        );
    }
    assert_eq!(
        DecapsulationKey::from_pkcs8_pem(&pub_pem),
        Err(key_format(KeyFormatError::PemLabel))
    );

    let mut bad_m = public;
    bad_m[0] = 0xff;
    bad_m[1] |= 0x0f; // pk_M's first coefficient is 0xfff ≥ q
    let spki_cases: [(&str, Vec<u8>, Error); 6] = [
        (
            "ML-KEM-768's OID",
            spki(&ml_kem_oid, &public[..1184]),
            key_format(KeyFormatError::WrongAlgorithm),
        ),
        (
            "parameters present",
            spki(&algorithm(&oid, Some(&[5, 0])), &public),
            key_format(KeyFormatError::ParametersPresent),
        ),
        (
            "pk_M alone",
            spki(&alg, &public[..1184]),
            wrong_length(1216, 1184),
        ),
        (
            "a byte more",
            spki(&alg, &[&public[..], &[0]].concat()),
            wrong_length(1216, 1217),
        ),
        (
            "a byte after the DER",
            [&pub_der[..], &[0]].concat(),
            key_format(KeyFormatError::TrailingBytes),
        ),
        (
            "pk_M failing the FIPS 203 §7.2 check",
            spki(&alg, &bad_m),
            Error::InvalidKey,
        ),
    ];
    for (what, der, expected) in spki_cases {
        let got = EncapsulationKey::from_public_key_der(&der);
        assert_eq!(got, Err(expected), "X-Wing public key: {what}");
    }
    for len in 0..pub_der.len() {
        assert_eq!(
            EncapsulationKey::from_public_key_der(&pub_der[..len]),
            Err(key_format(KeyFormatError::Asn1)),
            "truncated to {len}"
        );
    }
}
