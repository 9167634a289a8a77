//! ML-DSA keys in SubjectPublicKeyInfo and OneAsymmetricKey (RFC 9881).

use ::spki::{
    AlgorithmIdentifierRef, AssociatedAlgorithmIdentifier, SignatureAlgorithmIdentifier,
    SubjectPublicKeyInfoRef,
};
use const_oid::db::fips204;
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::asn1::AnyRef;

use super::{
    PrivateKeyFormat, PublicKeyFormat, SeedChoice, algorithm_identifier, check_seed_consistency,
    pkcs8_error, spki_error, write_seed_choice,
};
use crate::Error;
use crate::ml_dsa::{MlDsa44, MlDsa65, MlDsa87, ParameterSet, SEED_SIZE, SigningKey, VerifyingKey};

/// `id-ml-dsa-44` (RFC 9881 §2).
impl AssociatedOid for MlDsa44 {
    const OID: ObjectIdentifier = fips204::ID_ML_DSA_44;
}

/// `id-ml-dsa-65` (RFC 9881 §2).
impl AssociatedOid for MlDsa65 {
    const OID: ObjectIdentifier = fips204::ID_ML_DSA_65;
}

/// `id-ml-dsa-87` (RFC 9881 §2).
impl AssociatedOid for MlDsa87 {
    const OID: ObjectIdentifier = fips204::ID_ML_DSA_87;
}

impl<P: ParameterSet + AssociatedOid> PublicKeyFormat for VerifyingKey<P> {
    const OID: ObjectIdentifier = P::OID;
    const KEY_SIZE: usize = P::VERIFYING_KEY_SIZE;
    type Bytes = P::VerifyingKeyBytes;

    fn key_bytes(&self) -> Self::Bytes {
        self.to_bytes()
    }

    fn from_key_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl<P: ParameterSet + AssociatedOid> PrivateKeyFormat for SigningKey<P> {
    type Public = VerifyingKey<P>;
    /// The `seed [0]` form: tag, length and the 32 bytes of ξ.
    const PRIVATE_KEY_SIZE: usize = 2 + SEED_SIZE;

    fn write_private_key(&self, out: &mut [u8]) -> Result<(), Error> {
        write_seed_choice(self.seed().ok_or(super::KeyFormatError::NoSeed)?, out)
    }

    fn from_private_key(content: &[u8]) -> Result<Self, Error> {
        match SeedChoice::<SEED_SIZE>::decode(content, P::EXPANDED_SIGNING_KEY_SIZE)? {
            SeedChoice::Seed(seed) => Ok(Self::from_seed(seed)),
            SeedChoice::ExpandedKey(key) => Self::from_expanded_bytes(key),
            SeedChoice::Both { seed, expanded_key } => {
                let sk = Self::from_seed(seed);
                check_seed_consistency(sk.to_expanded_bytes().as_ref(), expanded_key)?;
                Ok(sk)
            }
        }
    }

    fn public_key(&self) -> &VerifyingKey<P> {
        self.verifying_key()
    }
}

impl<P: ParameterSet + AssociatedOid> VerifyingKey<P> {
    /// Writes the key as SubjectPublicKeyInfo DER (RFC 9881 §4) into `buf`, which needs the
    /// parameter set's `SPKI_DER_SIZE` bytes (e.g. [`crate::ml_dsa_65::SPKI_DER_SIZE`]);
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

    /// Imports the key from SubjectPublicKeyInfo DER.
    ///
    /// # Errors
    /// [`Error::KeyFormat`] for DER that is not this parameter set's SubjectPublicKeyInfo (see
    /// [`KeyFormatError`](super::KeyFormatError)).
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

impl<P: ParameterSet + AssociatedOid> SigningKey<P> {
    /// Writes the key as a OneAsymmetricKey (PKCS#8) DER in the `seed` form (RFC 9881 §6) into
    /// `buf`, which needs the parameter set's `PKCS8_DER_SIZE` bytes (e.g.
    /// [`crate::ml_dsa_65::PKCS8_DER_SIZE`]); returns the DER. `buf` then holds the secret
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
    /// `both` forms (told apart by their tag). An expanded key gets the checks of
    /// [`SigningKey::from_expanded_bytes`]; in `both`, the expanded key must be the one the seed derives; a public key in
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
/// [`VerifyingKey::from_public_key_der`] says more about what is wrong.
impl<P: ParameterSet + AssociatedOid> TryFrom<SubjectPublicKeyInfoRef<'_>> for VerifyingKey<P> {
    type Error = ::spki::Error;

    fn try_from(spki: SubjectPublicKeyInfoRef<'_>) -> Result<Self, ::spki::Error> {
        let oid = spki.algorithm.oid;
        super::from_spki(spki).map_err(|e| spki_error(e, oid))
    }
}

/// For [`DecodePrivateKey`](::pkcs8::DecodePrivateKey); the inherent
/// [`SigningKey::from_pkcs8_der`] says more about what is wrong.
impl<P: ParameterSet + AssociatedOid> TryFrom<::pkcs8::PrivateKeyInfoRef<'_>> for SigningKey<P> {
    type Error = ::pkcs8::Error;

    fn try_from(info: ::pkcs8::PrivateKeyInfoRef<'_>) -> Result<Self, ::pkcs8::Error> {
        let oid = info.algorithm.oid;
        super::from_private_key_info(info).map_err(|e| pkcs8_error(e, oid))
    }
}

/// The parameter set's OID, parameters absent.
impl<P: ParameterSet + AssociatedOid> AssociatedAlgorithmIdentifier for VerifyingKey<P> {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> = algorithm_identifier(P::OID);
}

/// The parameter set's OID, parameters absent.
impl<P: ParameterSet + AssociatedOid> AssociatedAlgorithmIdentifier for SigningKey<P> {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> = algorithm_identifier(P::OID);
}

/// ML-DSA signs with the key's own OID, parameters absent (RFC 9881 §3).
impl<P: ParameterSet + AssociatedOid> SignatureAlgorithmIdentifier for SigningKey<P> {
    type Params = AnyRef<'static>;
    const SIGNATURE_ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> =
        algorithm_identifier(P::OID);
}

/// ML-DSA signs with the key's own OID, parameters absent (RFC 9881 §3).
impl<P: ParameterSet + AssociatedOid> SignatureAlgorithmIdentifier for VerifyingKey<P> {
    type Params = AnyRef<'static>;
    const SIGNATURE_ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> =
        algorithm_identifier(P::OID);
}
