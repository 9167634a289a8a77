//! X-Wing keys in SubjectPublicKeyInfo and OneAsymmetricKey (draft-connolly-cfrg-xwing-kem,
//! "Use in X.509 Public Key Infrastructure").

use ::spki::{AlgorithmIdentifierRef, AssociatedAlgorithmIdentifier, SubjectPublicKeyInfoRef};
use const_oid::{AssociatedOid, ObjectIdentifier};
use der::asn1::AnyRef;

use super::{
    PrivateKeyFormat, PublicKeyFormat, algorithm_identifier, check_length, pkcs8_error, spki_error,
};
use crate::Error;
use crate::hybrid::xwing::{
    DECAPSULATION_KEY_SIZE, DecapsulationKey, ENCAPSULATION_KEY_SIZE, EncapsulationKey, XWing,
};

/// `id-XWing`, 1.3.6.1.4.1.62253.25722: in no OID database yet, so written out here.
impl AssociatedOid for XWing {
    const OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.62253.25722");
}

/// The BIT STRING holds pk_M ‖ pk_X as it is.
impl PublicKeyFormat for EncapsulationKey {
    const OID: ObjectIdentifier = XWing::OID;
    const KEY_SIZE: usize = ENCAPSULATION_KEY_SIZE;
    type Bytes = [u8; ENCAPSULATION_KEY_SIZE];

    fn key_bytes(&self) -> Self::Bytes {
        self.to_bytes()
    }

    fn from_key_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

/// The `privateKey` OCTET STRING holds the 32-byte seed itself: X-Wing has one private key
/// form, not ML-KEM's CHOICE.
impl PrivateKeyFormat for DecapsulationKey {
    type Public = EncapsulationKey;
    const PRIVATE_KEY_SIZE: usize = DECAPSULATION_KEY_SIZE;

    fn write_private_key(&self, out: &mut [u8]) -> Result<(), Error> {
        out.copy_from_slice(self.seed());
        Ok(())
    }

    fn from_private_key(content: &[u8]) -> Result<Self, Error> {
        check_length(DECAPSULATION_KEY_SIZE, content.len())?;
        // Infallible: the length was just checked.
        Ok(Self::from_seed(content.try_into().expect("32 bytes")))
    }

    fn public_key(&self) -> &EncapsulationKey {
        self.encapsulation_key()
    }
}

impl EncapsulationKey {
    /// Writes the key as SubjectPublicKeyInfo DER into `buf`, which needs
    /// [`SPKI_DER_SIZE`](crate::hybrid::xwing::SPKI_DER_SIZE) bytes; returns the DER, the start
    /// of `buf`.
    ///
    /// # Errors
    /// [`KeyFormatError::BufferTooSmall`](super::KeyFormatError::BufferTooSmall) if `buf` is
    /// too short.
    pub fn to_public_key_der<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        super::to_public_key_der(self, buf)
    }

    /// Writes the key as SubjectPublicKeyInfo PEM (label `PUBLIC KEY`) into `buf`, which
    /// needs [`SPKI_PEM_SIZE`](crate::hybrid::xwing::SPKI_PEM_SIZE) bytes; returns the PEM.
    ///
    /// # Errors
    /// As [`to_public_key_der`](Self::to_public_key_der).
    pub fn to_public_key_pem<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        super::to_public_key_pem(self, buf)
    }

    /// Imports the key from SubjectPublicKeyInfo DER, running the FIPS 203 §7.2 modulus check
    /// on pk_M.
    ///
    /// # Errors
    /// [`Error::KeyFormat`] for DER that is not an X-Wing SubjectPublicKeyInfo (see
    /// [`KeyFormatError`](super::KeyFormatError): `WrongAlgorithm`, `ParametersPresent`,
    /// `WrongLength`, `TrailingBytes`, `Asn1`); [`Error::InvalidKey`] if pk_M fails the
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

impl DecapsulationKey {
    /// Writes the key as OneAsymmetricKey (PKCS#8) DER, the 32-byte seed as the private key,
    /// into `buf`, which needs [`PKCS8_DER_SIZE`](crate::hybrid::xwing::PKCS8_DER_SIZE)
    /// bytes; returns the DER. `buf` then holds the secret seed: wipe it when done.
    ///
    /// # Errors
    /// [`KeyFormatError::BufferTooSmall`](super::KeyFormatError::BufferTooSmall) if `buf` is
    /// too short.
    pub fn to_pkcs8_der<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        super::to_pkcs8_der(self, buf)
    }

    /// Writes the key as OneAsymmetricKey PEM (label `PRIVATE KEY`) into `buf`, which needs
    /// [`PKCS8_PEM_SIZE`](crate::hybrid::xwing::PKCS8_PEM_SIZE) bytes; returns the PEM.
    ///
    /// # Errors
    /// As [`to_pkcs8_der`](Self::to_pkcs8_der).
    pub fn to_pkcs8_pem<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Error> {
        super::to_pkcs8_pem(self, buf)
    }

    /// Imports the key from OneAsymmetricKey DER whose private key is the 32-byte seed. The
    /// draft says a public key must be absent; one that is present is accepted only if it is
    /// this key's.
    ///
    /// # Errors
    /// [`Error::KeyFormat`] for DER that is not an X-Wing private key (see
    /// [`KeyFormatError`](super::KeyFormatError): `WrongAlgorithm`, `ParametersPresent`,
    /// `WrongLength` for a private key other than 32 bytes, `TrailingBytes`, `Asn1`,
    /// `PublicKeyMismatch`).
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
impl TryFrom<SubjectPublicKeyInfoRef<'_>> for EncapsulationKey {
    type Error = ::spki::Error;

    fn try_from(spki: SubjectPublicKeyInfoRef<'_>) -> Result<Self, ::spki::Error> {
        let oid = spki.algorithm.oid;
        super::from_spki(spki).map_err(|e| spki_error(e, oid))
    }
}

/// For [`DecodePrivateKey`](::pkcs8::DecodePrivateKey); the inherent
/// [`DecapsulationKey::from_pkcs8_der`] says more about what is wrong.
impl TryFrom<::pkcs8::PrivateKeyInfoRef<'_>> for DecapsulationKey {
    type Error = ::pkcs8::Error;

    fn try_from(info: ::pkcs8::PrivateKeyInfoRef<'_>) -> Result<Self, ::pkcs8::Error> {
        let oid = info.algorithm.oid;
        super::from_private_key_info(info).map_err(|e| pkcs8_error(e, oid))
    }
}

/// `id-XWing`, parameters absent.
impl AssociatedAlgorithmIdentifier for EncapsulationKey {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> = algorithm_identifier(XWing::OID);
}

/// `id-XWing`, parameters absent.
impl AssociatedAlgorithmIdentifier for DecapsulationKey {
    type Params = AnyRef<'static>;
    const ALGORITHM_IDENTIFIER: AlgorithmIdentifierRef<'static> = algorithm_identifier(XWing::OID);
}
