//! ML-KEM keys in SubjectPublicKeyInfo and OneAsymmetricKey (RFC 9935).

use ::spki::{AlgorithmIdentifierRef, AssociatedAlgorithmIdentifier, SubjectPublicKeyInfoRef};
use const_oid::db::fips203;
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::asn1::AnyRef;

use super::{
    PrivateKeyFormat, PublicKeyFormat, SeedChoice, algorithm_identifier, check_seed_consistency,
    pkcs8_error, spki_error, write_seed_choice,
};
use crate::Error;
use crate::ml_kem::{
    DecapsulationKey, EncapsulationKey, MlKem512, MlKem768, MlKem1024, ParameterSet, SEED_SIZE,
};

/// `id-alg-ml-kem-512` (RFC 9935 §3).
impl AssociatedOid for MlKem512 {
    const OID: ObjectIdentifier = fips203::ID_ALG_ML_KEM_512;
}

/// `id-alg-ml-kem-768` (RFC 9935 §3).
impl AssociatedOid for MlKem768 {
    const OID: ObjectIdentifier = fips203::ID_ALG_ML_KEM_768;
}

/// `id-alg-ml-kem-1024` (RFC 9935 §3).
impl AssociatedOid for MlKem1024 {
    const OID: ObjectIdentifier = fips203::ID_ALG_ML_KEM_1024;
}

impl<P: ParameterSet + AssociatedOid> PublicKeyFormat for EncapsulationKey<P> {
    const OID: ObjectIdentifier = P::OID;
    const KEY_SIZE: usize = P::ENCAPSULATION_KEY_SIZE;
    type Bytes = P::EncapsulationKeyBytes;

    fn key_bytes(&self) -> Self::Bytes {
        self.to_bytes()
    }

    fn from_key_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl<P: ParameterSet + AssociatedOid> PrivateKeyFormat for DecapsulationKey<P> {
    type Public = EncapsulationKey<P>;
    /// The `seed [0]` form: tag, length and the 64 bytes of d‖z.
    const PRIVATE_KEY_SIZE: usize = 2 + SEED_SIZE;

    fn write_private_key(&self, out: &mut [u8]) -> Result<(), Error> {
        write_seed_choice(self.seed().ok_or(super::KeyFormatError::NoSeed)?, out)
    }

    fn from_private_key(content: &[u8]) -> Result<Self, Error> {
        match SeedChoice::<SEED_SIZE>::decode(content, P::EXPANDED_DECAPSULATION_KEY_SIZE)? {
            SeedChoice::Seed(seed) => Ok(Self::from_seed(seed)),
            SeedChoice::ExpandedKey(key) => Self::from_expanded_bytes(key),
            SeedChoice::Both { seed, expanded_key } => {
                let dk = Self::from_seed(seed);
                check_seed_consistency(dk.to_expanded_bytes().as_ref(), expanded_key)?;
                Ok(dk)
            }
        }
    }

    fn public_key(&self) -> &EncapsulationKey<P> {
        self.encapsulation_key()
    }
}

impl<P: ParameterSet + AssociatedOid> EncapsulationKey<P> {
    /// Writes the key as SubjectPublicKeyInfo DER (RFC 9935 §4) into `buf`, which needs the
    /// parameter set's `SPKI_DER_SIZE` bytes (e.g. [`crate::ml_kem_768::SPKI_DER_SIZE`]);
    /// returns the DER, the start of `buf`.
    ///
    /// # Errors
    /// [`KeyFormatError::BufferTooSmall`](super::KeyFormatError::BufferTooSmall) if `buf` is
    /// too short.
    pub fn to_public_key_der<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        super::to_public_key_der(self, buf)
    }

    /// Writes the key as SubjectPublicKeyInfo PEM (label `PUBLIC KEY`) into `buf`, which
    /// needs the parameter set's `SPKI_PEM_SIZE` bytes; returns the PEM.
    ///
    /// # Errors
    /// As [`to_public_key_der`](Self::to_public_key_der).
    pub fn to_public_key_pem<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        super::to_public_key_pem(self, buf)
    }

    /// Imports the key from SubjectPublicKeyInfo DER, running the FIPS 203 §7.2 modulus check.
    ///
    /// # Errors
    /// [`Error::KeyFormat`] for DER that is not this parameter set's SubjectPublicKeyInfo (see
    /// [`KeyFormatError`](super::KeyFormatError)); [`Error::InvalidKey`] if the key fails the
    /// modulus check.
    pub fn from_public_key_der(der: &[u8]) -> Result<Self, Error> {
        super::from_public_key_der(der)
    }

    /// Imports the key from SubjectPublicKeyInfo PEM.
    ///
    /// # Errors
    /// As [`from_public_key_der`](Self::from_public_key_der), and
    /// [`KeyFormatError::Pem`](super::KeyFormatError::Pem) or
    /// [`KeyFormatError::PemLabel`](super::KeyFormatError::PemLabel) for bad PEM.
    pub fn from_public_key_pem(pem: &str) -> Result<Self, Error> {
        super::from_public_key_pem(pem)
    }
}

impl<P: ParameterSet + AssociatedOid> DecapsulationKey<P> {
    /// Writes the key as a OneAsymmetricKey (PKCS#8) DER in the `seed` form (RFC 9935 §6) into
    /// `buf`, which needs the parameter set's `PKCS8_DER_SIZE` bytes (e.g.
    /// [`crate::ml_kem_768::PKCS8_DER_SIZE`]); returns the DER. `buf` then holds the secret
    /// seed: wipe it when done.
    ///
    /// # Errors
    /// [`KeyFormatError::NoSeed`](super::KeyFormatError::NoSeed) for a key imported from an
    /// expanded key; [`KeyFormatError::BufferTooSmall`](super::KeyFormatError::BufferTooSmall)
    /// if `buf` is too short.
    pub fn to_pkcs8_der<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        super::to_pkcs8_der(self, buf)
    }

    /// Writes the key as OneAsymmetricKey PEM (label `PRIVATE KEY`, `seed` form) into `buf`,
    /// which needs the parameter set's `PKCS8_PEM_SIZE` bytes; returns the PEM.
    ///
    /// # Errors
    /// As [`to_pkcs8_der`](Self::to_pkcs8_der).
    pub fn to_pkcs8_pem<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        super::to_pkcs8_pem(self, buf)
    }

    /// Imports the key from OneAsymmetricKey DER, in any of the `seed`, `expandedKey` and
    /// `both` forms (told apart by their tag). An expanded key gets the FIPS 203 §7.2 and §7.3
    /// checks; in `both`, the expanded key must be the one the seed derives; a public key in
    /// the OneAsymmetricKey must be this key's.
    ///
    /// # Errors
    /// [`Error::KeyFormat`] for DER that is not this parameter set's key (see
    /// [`KeyFormatError`](super::KeyFormatError)); [`Error::InvalidKey`] if an expanded key
    /// fails its checks.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self, Error> {
        super::from_pkcs8_der(der)
    }

    /// Imports the key from OneAsymmetricKey PEM.
    ///
    /// # Errors
    /// As [`from_pkcs8_der`](Self::from_pkcs8_der), and
    /// [`KeyFormatError::Pem`](super::KeyFormatError::Pem) or
    /// [`KeyFormatError::PemLabel`](super::KeyFormatError::PemLabel) for bad PEM.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, Error> {
        super::from_pkcs8_pem(pem)
    }
}

/// For [`DecodePublicKey`](::spki::DecodePublicKey); the inherent
/// [`EncapsulationKey::from_public_key_der`] says more about what is wrong.
impl<P: ParameterSet + AssociatedOid> TryFrom<SubjectPublicKeyInfoRef<'_>> for EncapsulationKey<P> {
    type Error = ::spki::Error;

    fn try_from(spki: SubjectPublicKeyInfoRef<'_>) -> Result<Self, ::spki::Error> {
        let oid = spki.algorithm.oid;
        super::from_spki(spki).map_err(|e| spki_error(e, oid))
    }
}

/// For [`DecodePrivateKey`](::pkcs8::DecodePrivateKey); the inherent
/// [`DecapsulationKey::from_pkcs8_der`] says more about what is wrong.
impl<P: ParameterSet + AssociatedOid> TryFrom<::pkcs8::PrivateKeyInfoRef<'_>>
    for DecapsulationKey<P>
{
    type Error = ::pkcs8::Error;

    fn try_from(info: ::pkcs8::PrivateKeyInfoRef<'_>) -> Result<Self, ::pkcs8::Error> {
        let oid = info.algorithm.oid;
        super::from_private_key_info(info).map_err(|e| pkcs8_error(e, oid))
    }
}

/// The parameter set's OID, parameters absent.
impl<P: ParameterSet + AssociatedOid> AssociatedAlgorithmIdentifier for EncapsulationKey<P> {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> = algorithm_identifier(P::OID);
}

/// The parameter set's OID, parameters absent.
impl<P: ParameterSet + AssociatedOid> AssociatedAlgorithmIdentifier for DecapsulationKey<P> {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> = algorithm_identifier(P::OID);
}
