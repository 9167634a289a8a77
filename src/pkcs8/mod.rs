//! The IETF key formats (feature `pkcs8`): public keys as X.509 SubjectPublicKeyInfo, private
//! keys as PKCS#8 OneAsymmetricKey (RFC 5958), each in DER and in PEM (RFC 7468), for ML-KEM
//! (RFC 9935), ML-DSA (RFC 9881) and SLH-DSA (RFC 9909), and with the feature `xwing` for
//! X-Wing (OID 1.3.6.1.4.1.62253.25722, draft-connolly-cfrg-xwing-kem). No heap: encoders write into a buffer
//! the caller holds, whose size is a constant of each parameter set (`SPKI_DER_SIZE`,
//! `SPKI_PEM_SIZE`, `PKCS8_DER_SIZE`, `PKCS8_PEM_SIZE` in [`crate::ml_kem_768`] and the
//! others).
//!
//! ```
//! use pqfips::ml_dsa_65::{PKCS8_PEM_SIZE, SPKI_DER_SIZE, SigningKey, VerifyingKey};
//!
//! let sk = SigningKey::from_seed(&[7; 32]);
//! let mut pem = [0u8; PKCS8_PEM_SIZE];
//! let pem = sk.to_pkcs8_pem(&mut pem)?; // "-----BEGIN PRIVATE KEY-----\n..."
//! assert_eq!(SigningKey::from_pkcs8_pem(pem)?, sk);
//!
//! let mut der = [0u8; SPKI_DER_SIZE];
//! let der = sk.verifying_key().to_public_key_der(&mut der)?;
//! assert_eq!(&VerifyingKey::from_public_key_der(der)?, sk.verifying_key());
//! # Ok::<(), pqfips::Error>(())
//! ```
//!
//! ## What is written and what is read
//! - **Public keys**: the SubjectPublicKeyInfo of the RFCs: the parameter set's OID with its
//!   parameters absent, and the FIPS encoding of the key as the BIT STRING.
//! - **ML-KEM and ML-DSA private keys**: the RFCs' `PrivateKey` CHOICE inside the
//!   OneAsymmetricKey. Export writes the `seed` form (ML-KEM's 64-byte d‖z, ML-DSA's 32-byte
//!   ξ), which the RFCs recommend; a key imported from an expanded key has no seed and is not
//!   exported ([`KeyFormatError::NoSeed`]). Import reads all three forms, told apart by their
//!   DER tag as the RFCs require, never by length: `seed` (`[0]`), `expandedKey` (OCTET
//!   STRING, checked as `from_expanded_bytes` checks it) and `both` (SEQUENCE), whose expanded
//!   key must be exactly the one its seed derives ([`KeyFormatError::SeedMismatch`]).
//! - **SLH-DSA private keys**: SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root, the one form of RFC 9909,
//!   taken as `SigningKey::from_bytes` takes it.
//! - **X-Wing private keys**: the 32-byte seed as the `privateKey` OCTET STRING's content, the
//!   one form of the X-Wing draft; its public key is pk_M ‖ pk_X (1216 bytes).
//! - **The optional public key** of a version 2 OneAsymmetricKey is checked on import against
//!   the public key of the private key ([`KeyFormatError::PublicKeyMismatch`]); export writes
//!   version 1, without it. Attributes are ignored.
//! - **PEM**: labels `PUBLIC KEY` and `PRIVATE KEY`, lines of 64 characters ending in `\n`
//!   as RFC 7468's strict grammar has them; import reads that grammar (with `\n` or `\r\n`)
//!   and decodes up to [`MAX_PEM_DER_SIZE`] bytes of DER.
//! - Only the pure OIDs are known (`id-alg-ml-kem-*`, `id-ml-dsa-*`, `id-slh-dsa-*`); a key
//!   labelled with a pre-hash OID is a [`KeyFormatError::WrongAlgorithm`].
//!
//! Each method returns [`Error::KeyFormat`] with a [`KeyFormatError`] naming what is wrong, or
//! the error of the key import itself ([`Error::InvalidKey`] for an ML-KEM encapsulation key
//! that fails its modulus check, or an expanded key that fails its check).
//!
//! The `pkcs8` and `spki` crates' [`DecodePrivateKey`](::pkcs8::DecodePrivateKey) and
//! [`DecodePublicKey`](::spki::DecodePublicKey) work through the `TryFrom` implementations for
//! [`PrivateKeyInfoRef`] and
//! [`SubjectPublicKeyInfoRef`]; their encoding traits need a
//! heap, and the buffer methods here take their place. The parameter sets implement
//! [`AssociatedOid`], and the key types
//! [`AssociatedAlgorithmIdentifier`](::spki::AssociatedAlgorithmIdentifier) (and the signature
//! keys [`SignatureAlgorithmIdentifier`](::spki::SignatureAlgorithmIdentifier)), for building
//! certificates with other crates.

use core::fmt;

use ::pkcs8::PrivateKeyInfoRef;
use ::spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};
use der::asn1::{AnyRef, BitStringRef, OctetStringRef};
use der::{Decode, Encode, ErrorKind, Reader, SliceReader, Tag, TagNumber, Writer};
use pem_rfc7468::LineEnding;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::Error;

pub use const_oid::{AssociatedOid, ObjectIdentifier};

mod ml_dsa;
mod ml_kem;
mod slh_dsa;
#[cfg(feature = "xwing")]
mod x_wing;

/// What is wrong with a key in SubjectPublicKeyInfo or PKCS#8 form, or with a buffer given to
/// an encoder. Carried by [`Error::KeyFormat`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyFormatError {
    /// Not DER of the structure expected: a wrong tag (other than the private-key CHOICE's),
    /// a malformed length, a missing field, a version other than 1 or 2, or a BIT STRING that
    /// is not a whole number of bytes.
    Asn1,
    /// Bytes follow the DER structure: after the SubjectPublicKeyInfo or OneAsymmetricKey, or
    /// after the private key inside its OCTET STRING.
    TrailingBytes,
    /// The algorithm OID is not the one of this parameter set.
    WrongAlgorithm,
    /// The AlgorithmIdentifier has parameters, which the RFCs require to be absent.
    ParametersPresent,
    /// The ML-KEM or ML-DSA private key is none of the CHOICE's three forms: its tag is not
    /// `[0]` (seed), OCTET STRING (expandedKey) or SEQUENCE (both).
    WrongChoiceTag,
    /// A key, seed or expanded key has the wrong length for this parameter set.
    WrongLength {
        /// The length the parameter set requires.
        expected: usize,
        /// The length found.
        actual: usize,
    },
    /// The `both` form's expanded key is not the one its seed derives.
    SeedMismatch,
    /// The OneAsymmetricKey's public key is not the public key of its private key.
    PublicKeyMismatch,
    /// Not PEM as RFC 7468 defines it (boundaries, line wrapping, Base64), or more than
    /// [`MAX_PEM_DER_SIZE`] bytes of DER.
    Pem,
    /// The PEM label is not the one expected (`PUBLIC KEY` or `PRIVATE KEY`).
    PemLabel,
    /// The key has no seed to export: it was imported from an expanded key.
    NoSeed,
    /// The output buffer is shorter than the encoding (the `*_SIZE` constants give it).
    BufferTooSmall {
        /// Bytes the encoding needs.
        needed: usize,
        /// Bytes the buffer has.
        actual: usize,
    },
}

impl fmt::Display for KeyFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyFormatError::Asn1 => f.write_str("malformed DER"),
            KeyFormatError::TrailingBytes => f.write_str("trailing bytes after the DER"),
            KeyFormatError::WrongAlgorithm => f.write_str("wrong algorithm OID"),
            KeyFormatError::ParametersPresent => {
                f.write_str("algorithm parameters present (must be absent)")
            }
            KeyFormatError::WrongChoiceTag => {
                f.write_str("private key is not a seed, expandedKey or both CHOICE")
            }
            KeyFormatError::WrongLength { expected, actual } => {
                write!(
                    f,
                    "wrong key length: expected {expected} bytes, got {actual}"
                )
            }
            KeyFormatError::SeedMismatch => {
                f.write_str("the expanded key is not the one the seed derives")
            }
            KeyFormatError::PublicKeyMismatch => {
                f.write_str("the public key does not belong to the private key")
            }
            KeyFormatError::Pem => f.write_str("malformed or oversized PEM"),
            KeyFormatError::PemLabel => f.write_str("wrong PEM label"),
            KeyFormatError::NoSeed => f.write_str("the key has no seed to export"),
            KeyFormatError::BufferTooSmall { needed, actual } => {
                write!(f, "buffer too small: {needed} bytes needed, {actual} given")
            }
        }
    }
}

impl From<KeyFormatError> for Error {
    fn from(e: KeyFormatError) -> Error {
        Error::KeyFormat(e)
    }
}

/// The most DER a PEM decoder here takes: more than the largest private key in `both` form
/// with its public key (ML-DSA-87, 7 559 bytes), decoded into a buffer on the stack.
pub const MAX_PEM_DER_SIZE: usize = 8192;

/// The most DER a public key's PEM encoder holds on the stack (an ML-DSA-87 SPKI is 2614).
const MAX_SPKI_DER_SIZE: usize = 4096;

/// The most DER a private key's PEM encoder holds on the stack (an SLH-DSA-256 key is 150).
const MAX_PKCS8_DER_SIZE: usize = 256;

/// The most bytes of a private key inside the OneAsymmetricKey's OCTET STRING, as exported.
const MAX_PRIVATE_KEY_SIZE: usize = 192;

const PUBLIC_KEY_LABEL: &str = "PUBLIC KEY";
const PRIVATE_KEY_LABEL: &str = "PRIVATE KEY";

/// A public key type as SubjectPublicKeyInfo holds it: the parameter set's OID and the FIPS
/// encoding of the key. Adding an algorithm means implementing this for its public key type
/// and [`PrivateKeyFormat`] for its private key type, then adding the thin inherent methods
/// (see `ml_kem.rs`).
pub(crate) trait PublicKeyFormat: Sized {
    /// The algorithm OID, with its parameters absent.
    const OID: ObjectIdentifier;
    /// Bytes of the key's encoding.
    const KEY_SIZE: usize;
    /// Bytes of the SubjectPublicKeyInfo DER.
    const SPKI_DER_SIZE: usize = spki_der_size(Self::OID.as_bytes().len(), Self::KEY_SIZE);
    /// Bytes of its PEM.
    const SPKI_PEM_SIZE: usize = pem_size(PUBLIC_KEY_LABEL, Self::SPKI_DER_SIZE);

    /// The encoding, `KEY_SIZE` bytes.
    type Bytes: AsRef<[u8]>;

    /// The key's encoding.
    fn key_bytes(&self) -> Self::Bytes;

    /// Imports the key from an encoding of `KEY_SIZE` bytes.
    fn from_key_bytes(bytes: &[u8]) -> Result<Self, Error>;
}

/// A private key type as OneAsymmetricKey holds it: the OID of its public key and the content
/// of the `privateKey` OCTET STRING.
pub(crate) trait PrivateKeyFormat: Sized {
    /// The matching public key type.
    type Public: PublicKeyFormat;
    /// Bytes of the `privateKey` content in the form export writes.
    const PRIVATE_KEY_SIZE: usize;
    /// Bytes of the OneAsymmetricKey DER as export writes it.
    const PKCS8_DER_SIZE: usize = pkcs8_der_size(
        <Self::Public as PublicKeyFormat>::OID.as_bytes().len(),
        Self::PRIVATE_KEY_SIZE,
    );
    /// Bytes of its PEM.
    const PKCS8_PEM_SIZE: usize = pem_size(PRIVATE_KEY_LABEL, Self::PKCS8_DER_SIZE);

    /// Writes the `privateKey` content into `out`, `PRIVATE_KEY_SIZE` bytes long.
    fn write_private_key(&self, out: &mut [u8]) -> Result<(), Error>;

    /// Imports the key from the `privateKey` content, in any form the RFC allows.
    fn from_private_key(content: &[u8]) -> Result<Self, Error>;

    /// The matching public key.
    fn public_key(&self) -> &Self::Public;
}

/// Bytes of a DER TLV whose value has `len` bytes.
const fn tlv_size(len: usize) -> usize {
    let length_bytes = if len < 0x80 {
        1
    } else if len < 0x100 {
        2
    } else if len < 0x1_0000 {
        3
    } else {
        4
    };
    1 + length_bytes + len
}

/// Bytes of an AlgorithmIdentifier with this OID and no parameters.
const fn algorithm_identifier_size(oid_len: usize) -> usize {
    tlv_size(tlv_size(oid_len))
}

/// Bytes of a SubjectPublicKeyInfo: AlgorithmIdentifier and BIT STRING (one byte of unused
/// bits, then the key).
const fn spki_der_size(oid_len: usize, key_size: usize) -> usize {
    tlv_size(algorithm_identifier_size(oid_len) + tlv_size(1 + key_size))
}

/// Bytes of a version 1 OneAsymmetricKey: INTEGER 0, AlgorithmIdentifier, OCTET STRING.
const fn pkcs8_der_size(oid_len: usize, private_key_size: usize) -> usize {
    tlv_size(tlv_size(1) + algorithm_identifier_size(oid_len) + tlv_size(private_key_size))
}

/// Bytes of the PEM of `der_size` bytes of DER: the boundaries, and the Base64 in lines of 64
/// characters, each line ending in `\n`.
const fn pem_size(label: &str, der_size: usize) -> usize {
    let base64 = der_size.div_ceil(3) * 4;
    let lines = base64.div_ceil(64);
    let begin = "-----BEGIN ".len() + label.len() + "-----\n".len();
    let end = "-----END ".len() + label.len() + "-----\n".len();
    begin + base64 + lines + end
}

fn check_buffer(needed: usize, buf: &[u8]) -> Result<(), Error> {
    if buf.len() < needed {
        Err(KeyFormatError::BufferTooSmall {
            needed,
            actual: buf.len(),
        })?;
    }
    Ok(())
}

fn check_length(expected: usize, actual: usize) -> Result<(), Error> {
    if actual != expected {
        Err(KeyFormatError::WrongLength { expected, actual })?;
    }
    Ok(())
}

/// The error for a DER decoding failure: trailing bytes are told apart, the rest is malformed.
fn der_error(e: der::Error) -> Error {
    match e.kind() {
        ErrorKind::TrailingData { .. } => KeyFormatError::TrailingBytes.into(),
        _ => KeyFormatError::Asn1.into(),
    }
}

/// Checks an AlgorithmIdentifier: the OID first, then that parameters are absent.
fn check_algorithm(
    expected: ObjectIdentifier,
    alg: &AlgorithmIdentifierRef<'_>,
) -> Result<(), Error> {
    if alg.oid != expected {
        Err(KeyFormatError::WrongAlgorithm)?;
    }
    if alg.parameters.is_some() {
        Err(KeyFormatError::ParametersPresent)?;
    }
    Ok(())
}

/// The AlgorithmIdentifier of `oid` with its parameters absent, as the RFCs require.
pub(crate) const fn algorithm_identifier(oid: ObjectIdentifier) -> AlgorithmIdentifierRef<'static> {
    AlgorithmIdentifierRef {
        oid,
        parameters: None::<AnyRef<'static>>,
    }
}

/// The bytes of a BIT STRING that must hold whole bytes.
fn bit_string_bytes<'a>(bits: &BitStringRef<'a>) -> Result<&'a [u8], Error> {
    Ok(bits.as_bytes().ok_or(KeyFormatError::Asn1)?)
}

/// Writes the SubjectPublicKeyInfo DER of `key` into `buf`.
pub(crate) fn to_public_key_der<'b, K: PublicKeyFormat>(
    key: &K,
    buf: &'b mut [u8],
) -> Result<&'b [u8], Error> {
    check_buffer(K::SPKI_DER_SIZE, buf)?;
    let bytes = key.key_bytes();
    let spki = SubjectPublicKeyInfoRef {
        algorithm: algorithm_identifier(K::OID),
        subject_public_key: BitStringRef::from_bytes(bytes.as_ref()).map_err(der_error)?,
    };
    spki.encode_to_slice(buf).map_err(der_error)
}

/// Imports a public key from its SubjectPublicKeyInfo DER.
pub(crate) fn from_public_key_der<K: PublicKeyFormat>(der: &[u8]) -> Result<K, Error> {
    from_spki(SubjectPublicKeyInfoRef::from_der(der).map_err(der_error)?)
}

/// Imports a public key from a parsed SubjectPublicKeyInfo.
pub(crate) fn from_spki<K: PublicKeyFormat>(spki: SubjectPublicKeyInfoRef<'_>) -> Result<K, Error> {
    check_algorithm(K::OID, &spki.algorithm)?;
    let bytes = bit_string_bytes(&spki.subject_public_key)?;
    check_length(K::KEY_SIZE, bytes.len())?;
    K::from_key_bytes(bytes)
}

/// Writes the SubjectPublicKeyInfo PEM of `key` into `buf`.
pub(crate) fn to_public_key_pem<'b, K: PublicKeyFormat>(
    key: &K,
    buf: &'b mut [u8],
) -> Result<&'b str, Error> {
    const { assert!(K::SPKI_DER_SIZE <= MAX_SPKI_DER_SIZE) };
    check_buffer(K::SPKI_PEM_SIZE, buf)?;
    let mut der = [0u8; MAX_SPKI_DER_SIZE];
    let der = to_public_key_der(key, &mut der)?;
    pem_encode(PUBLIC_KEY_LABEL, der, buf)
}

/// Imports a public key from its SubjectPublicKeyInfo PEM.
pub(crate) fn from_public_key_pem<K: PublicKeyFormat>(pem: &str) -> Result<K, Error> {
    let mut der = [0u8; MAX_PEM_DER_SIZE];
    from_public_key_der(pem_decode(PUBLIC_KEY_LABEL, pem, &mut der)?)
}

/// Writes the OneAsymmetricKey DER of `key` (version 1, the exported form) into `buf`.
pub(crate) fn to_pkcs8_der<'b, K: PrivateKeyFormat>(
    key: &K,
    buf: &'b mut [u8],
) -> Result<&'b [u8], Error> {
    const { assert!(K::PRIVATE_KEY_SIZE <= MAX_PRIVATE_KEY_SIZE) };
    check_buffer(K::PKCS8_DER_SIZE, buf)?;
    let mut content = Zeroizing::new([0u8; MAX_PRIVATE_KEY_SIZE]);
    let content = &mut content[..K::PRIVATE_KEY_SIZE];
    key.write_private_key(content)?;
    let info = PrivateKeyInfoRef::new(
        algorithm_identifier(<K::Public as PublicKeyFormat>::OID),
        OctetStringRef::new(content).map_err(der_error)?,
    );
    info.encode_to_slice(buf).map_err(der_error)
}

/// Imports a private key from its OneAsymmetricKey DER.
pub(crate) fn from_pkcs8_der<K: PrivateKeyFormat>(der: &[u8]) -> Result<K, Error> {
    from_private_key_info(PrivateKeyInfoRef::from_der(der).map_err(der_error)?)
}

/// Imports a private key from a parsed OneAsymmetricKey, checking its public key if present.
pub(crate) fn from_private_key_info<K: PrivateKeyFormat>(
    info: PrivateKeyInfoRef<'_>,
) -> Result<K, Error> {
    check_algorithm(<K::Public as PublicKeyFormat>::OID, &info.algorithm)?;
    let key = K::from_private_key(info.private_key.as_bytes())?;
    if let Some(public_key) = info.public_key {
        let given = bit_string_bytes(&public_key)?;
        check_length(<K::Public as PublicKeyFormat>::KEY_SIZE, given.len())?;
        // Both are public keys: an ordinary comparison is fine.
        if key.public_key().key_bytes().as_ref() != given {
            Err(KeyFormatError::PublicKeyMismatch)?;
        }
    }
    Ok(key)
}

/// Writes the OneAsymmetricKey PEM of `key` into `buf`.
pub(crate) fn to_pkcs8_pem<'b, K: PrivateKeyFormat>(
    key: &K,
    buf: &'b mut [u8],
) -> Result<&'b str, Error> {
    const { assert!(K::PKCS8_DER_SIZE <= MAX_PKCS8_DER_SIZE) };
    check_buffer(K::PKCS8_PEM_SIZE, buf)?;
    let mut der = Zeroizing::new([0u8; MAX_PKCS8_DER_SIZE]);
    let der = to_pkcs8_der(key, &mut *der)?;
    pem_encode(PRIVATE_KEY_LABEL, der, buf)
}

/// Imports a private key from its OneAsymmetricKey PEM.
pub(crate) fn from_pkcs8_pem<K: PrivateKeyFormat>(pem: &str) -> Result<K, Error> {
    let mut der = Zeroizing::new([0u8; MAX_PEM_DER_SIZE]);
    from_pkcs8_der(pem_decode(PRIVATE_KEY_LABEL, pem, &mut *der)?)
}

fn pem_encode<'b>(label: &str, der: &[u8], buf: &'b mut [u8]) -> Result<&'b str, Error> {
    Ok(pem_rfc7468::encode(label, LineEnding::LF, der, buf).map_err(|_| KeyFormatError::Pem)?)
}

/// Decodes PEM with the label `label` into `buf`.
fn pem_decode<'b>(label: &str, pem: &str, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
    let mut decoder = pem_rfc7468::Decoder::new(pem.as_bytes()).map_err(|_| KeyFormatError::Pem)?;
    if decoder.type_label() != label {
        Err(KeyFormatError::PemLabel)?;
    }
    let buf = buf
        .get_mut(..decoder.remaining_len())
        .ok_or(KeyFormatError::Pem)?;
    let der = decoder.decode(buf).map_err(|_| KeyFormatError::Pem)?;
    if !decoder.is_finished() {
        Err(KeyFormatError::Pem)?;
    }
    Ok(der)
}

/// The three forms of the ML-KEM and ML-DSA `PrivateKey` CHOICE (RFC 9935 §6, RFC 9881 §6),
/// with seeds of `N` bytes.
pub(crate) enum SeedChoice<'a, const N: usize> {
    /// `seed [0] OCTET STRING`.
    Seed(&'a [u8; N]),
    /// `expandedKey OCTET STRING`.
    ExpandedKey(&'a [u8]),
    /// `both SEQUENCE { seed OCTET STRING, expandedKey OCTET STRING }`.
    Both {
        /// The seed.
        seed: &'a [u8; N],
        /// The expanded key.
        expanded_key: &'a [u8],
    },
}

/// The tag of the `seed` form: context-specific, primitive, number 0 (the byte 0x80).
const SEED_TAG: Tag = Tag::ContextSpecific {
    constructed: false,
    number: TagNumber(0),
};

impl<'a, const N: usize> SeedChoice<'a, N> {
    /// Parses the CHOICE, telling the forms apart by their tag (never by length, as the RFCs
    /// require), and checks the seed and expanded key lengths.
    pub(crate) fn decode(content: &'a [u8], expanded_size: usize) -> Result<Self, Error> {
        let mut reader = SliceReader::new(content).map_err(der_error)?;
        let choice = match Tag::peek(&reader).map_err(der_error)? {
            SEED_TAG => {
                let header = der::Header::decode(&mut reader).map_err(der_error)?;
                let seed = reader.read_slice(header.length()).map_err(der_error)?;
                SeedChoice::Seed(seed_array(seed)?)
            }
            Tag::OctetString => {
                let key = <&OctetStringRef>::decode(&mut reader).map_err(der_error)?;
                check_length(expanded_size, key.as_bytes().len())?;
                SeedChoice::ExpandedKey(key.as_bytes())
            }
            Tag::Sequence => {
                let (seed, expanded_key) = reader
                    .sequence(|r| {
                        let seed = <&OctetStringRef>::decode(r)?;
                        let expanded_key = <&OctetStringRef>::decode(r)?;
                        Ok((seed.as_bytes(), expanded_key.as_bytes()))
                    })
                    .map_err(der_error)?;
                check_length(expanded_size, expanded_key.len())?;
                SeedChoice::Both {
                    seed: seed_array(seed)?,
                    expanded_key,
                }
            }
            _ => Err(KeyFormatError::WrongChoiceTag)?,
        };
        reader.finish().map_err(der_error)?;
        Ok(choice)
    }
}

/// A seed of exactly `N` bytes.
fn seed_array<const N: usize>(seed: &[u8]) -> Result<&[u8; N], Error> {
    Ok(seed.try_into().map_err(|_| KeyFormatError::WrongLength {
        expected: N,
        actual: seed.len(),
    })?)
}

/// Writes the `seed [0]` form of the CHOICE: the tag, the length and the seed.
pub(crate) fn write_seed_choice(seed: &[u8], out: &mut [u8]) -> Result<(), Error> {
    let mut writer = der::SliceWriter::new(out);
    der::Header::new(
        SEED_TAG,
        der::Length::try_from(seed.len()).map_err(der_error)?,
    )
    .encode(&mut writer)
    .map_err(der_error)?;
    writer.write(seed).map_err(der_error)?;
    writer.finish().map_err(der_error)?;
    Ok(())
}

/// The `both` form's check: `derived` (the expanded key the seed gives) must equal `given`.
/// The expanded key is secret, so the comparison is constant-time; whether they match is the
/// public result of the import.
pub(crate) fn check_seed_consistency(derived: &[u8], given: &[u8]) -> Result<(), Error> {
    let mut consistent = bool::from(derived.ct_eq(given));
    crate::ct::declassify(&mut consistent);
    if consistent {
        Ok(())
    } else {
        Err(KeyFormatError::SeedMismatch.into())
    }
}

/// The `pkcs8` crate's error for one of ours, for [`DecodePrivateKey`](::pkcs8::DecodePrivateKey).
pub(crate) fn pkcs8_error(e: Error, oid: ObjectIdentifier) -> ::pkcs8::Error {
    match e {
        Error::KeyFormat(KeyFormatError::WrongAlgorithm) => {
            ::pkcs8::Error::PublicKey(::spki::Error::OidUnknown { oid })
        }
        Error::KeyFormat(KeyFormatError::ParametersPresent) => ::pkcs8::Error::ParametersMalformed,
        _ => ::pkcs8::Error::KeyMalformed(::pkcs8::KeyError::Invalid),
    }
}

/// The `spki` crate's error for one of ours, for [`DecodePublicKey`](::spki::DecodePublicKey).
pub(crate) fn spki_error(e: Error, oid: ObjectIdentifier) -> ::spki::Error {
    match e {
        Error::KeyFormat(KeyFormatError::WrongAlgorithm) => ::spki::Error::OidUnknown { oid },
        _ => ::spki::Error::KeyMalformed,
    }
}
