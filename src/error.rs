//! The one error type of the crate.

use core::fmt;

/// Everything that can go wrong in `pqfips`.
///
/// Errors only ever come from inputs a caller passes in (byte strings of the wrong length,
/// keys that fail a FIPS input check, contexts that are too long, signatures that do not
/// verify, elliptic-curve key shares that TLS 1.3 rejects); no operation on well-formed inputs
/// fails. The enum is `#[non_exhaustive]` so that later algorithms may add variants.
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
    /// A P-256 or P-384 key share is not in the uncompressed form 0x04 ‖ x ‖ y that TLS 1.3
    /// requires (RFC 8446 §4.2.8.2): compressed, the point at infinity, or an unknown tag.
    PointNotUncompressed,
    /// A P-256 or P-384 key share's coordinates do not name a point on the curve (or are not
    /// below the field prime).
    PointNotOnCurve,
    /// X25519 with the peer's share gave the all-zero value: the share is a point of small
    /// order, which TLS 1.3 must reject (RFC 8446 §7.4.2).
    ZeroSharedSecret,
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
            Error::PointNotUncompressed => {
                f.write_str("invalid key share: not an uncompressed elliptic-curve point")
            }
            Error::PointNotOnCurve => {
                f.write_str("invalid key share: the point is not on the curve")
            }
            Error::ZeroSharedSecret => {
                f.write_str("invalid key share: X25519 gave the all-zero secret")
            }
        }
    }
}

impl core::error::Error for Error {}
