//! SLH-DSA keys in SubjectPublicKeyInfo and OneAsymmetricKey (RFC 9909).

use ::spki::{
    AlgorithmIdentifierRef, AssociatedAlgorithmIdentifier, SignatureAlgorithmIdentifier,
    SubjectPublicKeyInfoRef,
};
use const_oid::db::fips205;
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::asn1::AnyRef;

use super::{
    PrivateKeyFormat, PublicKeyFormat, algorithm_identifier, check_length, pkcs8_error, spki_error,
};
use crate::Error;
use crate::slh_dsa::{
    ParameterSet, SigningKey, SlhDsaSha2_128f, SlhDsaSha2_128s, SlhDsaSha2_192f, SlhDsaSha2_192s,
    SlhDsaSha2_256f, SlhDsaSha2_256s, SlhDsaShake128f, SlhDsaShake128s, SlhDsaShake192f,
    SlhDsaShake192s, SlhDsaShake256f, SlhDsaShake256s, VerifyingKey,
};

/// `id-slh-dsa-sha2-128s` (RFC 9909 §3).
impl AssociatedOid for SlhDsaSha2_128s {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHA_2_128_S;
}

/// `id-slh-dsa-sha2-128f` (RFC 9909 §3).
impl AssociatedOid for SlhDsaSha2_128f {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHA_2_128_F;
}

/// `id-slh-dsa-sha2-192s` (RFC 9909 §3).
impl AssociatedOid for SlhDsaSha2_192s {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHA_2_192_S;
}

/// `id-slh-dsa-sha2-192f` (RFC 9909 §3).
impl AssociatedOid for SlhDsaSha2_192f {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHA_2_192_F;
}

/// `id-slh-dsa-sha2-256s` (RFC 9909 §3).
impl AssociatedOid for SlhDsaSha2_256s {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHA_2_256_S;
}

/// `id-slh-dsa-sha2-256f` (RFC 9909 §3).
impl AssociatedOid for SlhDsaSha2_256f {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHA_2_256_F;
}

/// `id-slh-dsa-shake-128s` (RFC 9909 §3).
impl AssociatedOid for SlhDsaShake128s {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHAKE_128_S;
}

/// `id-slh-dsa-shake-128f` (RFC 9909 §3).
impl AssociatedOid for SlhDsaShake128f {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHAKE_128_F;
}

/// `id-slh-dsa-shake-192s` (RFC 9909 §3).
impl AssociatedOid for SlhDsaShake192s {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHAKE_192_S;
}

/// `id-slh-dsa-shake-192f` (RFC 9909 §3).
impl AssociatedOid for SlhDsaShake192f {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHAKE_192_F;
}

/// `id-slh-dsa-shake-256s` (RFC 9909 §3).
impl AssociatedOid for SlhDsaShake256s {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHAKE_256_S;
}

/// `id-slh-dsa-shake-256f` (RFC 9909 §3).
impl AssociatedOid for SlhDsaShake256f {
    const OID: ObjectIdentifier = fips205::ID_SLH_DSA_SHAKE_256_F;
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
    /// SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root, with no ASN.1 wrapping (RFC 9909 §7).
    const PRIVATE_KEY_SIZE: usize = P::SIGNING_KEY_SIZE;

    fn write_private_key(&self, out: &mut [u8]) -> Result<(), Error> {
        out.copy_from_slice(self.to_bytes().as_ref());
        Ok(())
    }

    fn from_private_key(content: &[u8]) -> Result<Self, Error> {
        check_length(P::SIGNING_KEY_SIZE, content.len())?;
        Self::from_bytes(content)
    }

    fn public_key(&self) -> &VerifyingKey<P> {
        self.verifying_key()
    }
}

impl<P: ParameterSet + AssociatedOid> VerifyingKey<P> {
    /// Writes the key as SubjectPublicKeyInfo DER (RFC 9909 §5) into `buf`, which needs the
    /// parameter set's `SPKI_DER_SIZE` bytes (e.g. [`crate::slh_dsa_sha2_128s::SPKI_DER_SIZE`]);
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
    /// Writes the key as a OneAsymmetricKey (PKCS#8) DER (RFC 9909 §7) into `buf`, which
    /// needs the parameter set's `PKCS8_DER_SIZE` bytes (e.g.
    /// [`crate::slh_dsa_sha2_128s::PKCS8_DER_SIZE`]); returns the DER. `buf` then holds the
    /// secret seeds: wipe it when done.
    ///
    /// # Errors
    /// [`KeyFormatError::BufferTooSmall`](super::KeyFormatError::BufferTooSmall) if `buf` is
    /// too short.
    pub fn to_pkcs8_der<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        super::to_pkcs8_der(self, buf)
    }

    /// Writes the key as OneAsymmetricKey PEM (label `PRIVATE KEY`) into `buf`,
    /// which needs the parameter set's `PKCS8_PEM_SIZE` bytes; returns the PEM.
    ///
    /// # Errors
    /// As [`to_pkcs8_der`](Self::to_pkcs8_der).
    pub fn to_pkcs8_pem<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        super::to_pkcs8_pem(self, buf)
    }

    /// Imports the key from OneAsymmetricKey DER, taking SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root
    /// as [`SigningKey::from_bytes`] does; a public key in the OneAsymmetricKey must be
    /// PK.seed ‖ PK.root.
    ///
    /// # Errors
    /// [`Error::KeyFormat`] for DER that is not this parameter set's key (see
    /// [`KeyFormatError`](super::KeyFormatError)).
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

/// Pure SLH-DSA signs with the key's own OID, parameters absent (RFC 9909 §3).
impl<P: ParameterSet + AssociatedOid> SignatureAlgorithmIdentifier for SigningKey<P> {
    type Params = AnyRef<'static>;
    const SIGNATURE_ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> =
        algorithm_identifier(P::OID);
}

/// Pure SLH-DSA signs with the key's own OID, parameters absent (RFC 9909 §3).
impl<P: ParameterSet + AssociatedOid> SignatureAlgorithmIdentifier for VerifyingKey<P> {
    type Params = AnyRef<'static>;
    const SIGNATURE_ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> =
        algorithm_identifier(P::OID);
}
