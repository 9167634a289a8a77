//! The one error type of the crate.

use core::fmt;

/// Everything that can go wrong in `pqfips`.
///
/// Errors only ever come from inputs a caller passes in (byte strings of the wrong length,
/// keys that fail a FIPS input check, contexts that are too long, signatures that do not
/// verify); no operation on well-formed inputs fails. The enum is `#[non_exhaustive]` so that
/// later algorithms may add variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A byte string had the wrong length for what it encodes.
    InvalidLength {
        /// The length this parameter set requires.
        expected: usize,
        /// The length that was given.
        actual: usize,
    },
    /// A key failed its input check: for ML-KEM the FIPS 203 §7.2 modulus check on an
    /// encapsulation key or the §7.3 hash check on a decapsulation key.
    InvalidKey,
    /// A context string was longer than the 255 bytes FIPS 204 and FIPS 205 allow.
    ContextTooLong,
    /// A signature did not verify, or is not a well-formed signature encoding.
    InvalidSignature,
    /// A key in SubjectPublicKeyInfo or PKCS#8 form (DER or PEM) is malformed or not this
    /// parameter set's, or an encoder's buffer is too small: the
    /// [`KeyFormatError`](crate::pkcs8::KeyFormatError) says which.
    #[cfg(feature = "pkcs8")]
    KeyFormat(crate::pkcs8::KeyFormatError),
}

impl Error {
    /// `Ok(())` if `actual == expected`, else [`Error::InvalidLength`].
    pub(crate) fn check_length(expected: usize, actual: usize) -> Result<(), Error> {
        if actual == expected {
            Ok(())
        } else {
            Err(Error::InvalidLength { expected, actual })
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidLength { expected, actual } => {
                write!(f, "invalid length: expected {expected} bytes, got {actual}")
            }
            Error::InvalidKey => f.write_str("invalid key: the FIPS input check failed"),
            Error::ContextTooLong => f.write_str("context string longer than 255 bytes"),
            Error::InvalidSignature => f.write_str("invalid signature"),
            #[cfg(feature = "pkcs8")]
            Error::KeyFormat(e) => write!(f, "key format: {e}"),
        }
    }
}

impl core::error::Error for Error {}
