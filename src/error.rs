//! The one error type of the crate.

use core::fmt;

/// Everything that can go wrong in `pqfips`.
///
/// Errors come from inputs a caller passes in (byte strings of the wrong length, keys that fail
/// a FIPS input check, contexts that are too long, signatures that do not verify) or from a
/// random number generator that reports a failure; no operation on well-formed inputs with a
/// working generator fails. The enum is `#[non_exhaustive]` so that later versions may add
/// variants. Nothing here allocates: every variant is a few words of plain data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// A byte string had the wrong length for what it encodes.
    InvalidLength {
        /// Which input it was.
        input: Input,
        /// The length this parameter set requires.
        expected: usize,
        /// The length that was given.
        actual: usize,
    },
    /// A key failed its input check. ML-KEM: an encapsulation key (also the one inside an
    /// expanded decapsulation key) failed the FIPS 203 §7.2 modulus check, or an expanded
    /// decapsulation key the §7.3 hash check. ML-DSA: an expanded signing key is malformed (a
    /// coefficient of s₁ or s₂ out of range) or inconsistent (its t₀ or tr is not what its ρ,
    /// s₁ and s₂ determine). Every SLH-DSA key of the right length is accepted: FIPS 205
    /// defines no key check.
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
    /// The random number generator reported a failure (only from the `try_` forms, which take a
    /// [`rand_core::TryCryptoRng`], and from the forms that use the operating system's
    /// generator). Nothing was generated, encapsulated or signed.
    RandomSource,
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

/// Which input an [`Error::InvalidLength`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Input {
    /// An ML-KEM encapsulation key.
    EncapsulationKey,
    /// An ML-KEM decapsulation key in the expanded FIPS 203 form.
    ExpandedDecapsulationKey,
    /// An ML-KEM ciphertext.
    Ciphertext,
    /// The seed of a key (ML-KEM's d ‖ z, ML-DSA's ξ).
    Seed,
    /// An ML-DSA or SLH-DSA verifying key.
    VerifyingKey,
    /// An ML-DSA signing key in the expanded FIPS 204 form.
    ExpandedSigningKey,
    /// An SLH-DSA signing key SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root.
    SigningKey,
    /// An ML-DSA or SLH-DSA signature.
    Signature,
    /// A pre-hash digest PH(M), whose length the [`crate::PreHash`] function fixes.
    Digest,
    /// A TLS 1.3 hybrid key share (a client's or a server's, or its elliptic-curve part).
    KeyShare,
    /// An elliptic-curve private scalar given to a hybrid's `hazmat` function.
    EcdhScalar,
}

impl Input {
    /// What the input is, in words, as [`Error`]'s `Display` prints it.
    pub const fn name(self) -> &'static str {
        match self {
            Input::EncapsulationKey => "encapsulation key",
            Input::ExpandedDecapsulationKey => "expanded decapsulation key",
            Input::Ciphertext => "ciphertext",
            Input::Seed => "seed",
            Input::VerifyingKey => "verifying key",
            Input::ExpandedSigningKey => "expanded signing key",
            Input::SigningKey => "signing key",
            Input::Signature => "signature",
            Input::Digest => "pre-hash digest",
            Input::KeyShare => "key share",
            Input::EcdhScalar => "elliptic-curve scalar",
        }
    }
}

impl Error {
    /// `Ok(())` if `actual == expected`, else [`Error::InvalidLength`] about `input`.
    pub(crate) fn check_length(input: Input, expected: usize, actual: usize) -> Result<(), Error> {
        if actual == expected {
            Ok(())
        } else {
            Err(Error::InvalidLength {
                input,
                expected,
                actual,
            })
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidLength {
                input,
                expected,
                actual,
            } => write!(
                f,
                "invalid {} length: expected {expected} bytes, got {actual}",
                input.name()
            ),
            Error::InvalidKey => f.write_str("invalid key: the FIPS input check failed"),
            Error::ContextTooLong => f.write_str("context string longer than 255 bytes"),
            Error::InvalidSignature => f.write_str("invalid signature"),
            #[cfg(feature = "pkcs8")]
            Error::KeyFormat(e) => write!(f, "key format: {e}"),
            Error::RandomSource => f.write_str("the random number generator failed"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_input_and_both_lengths() {
        extern crate std;
        use std::string::ToString;
        let e = Error::InvalidLength {
            input: Input::Ciphertext,
            expected: 1088,
            actual: 1087,
        };
        assert_eq!(
            e.to_string(),
            "invalid ciphertext length: expected 1088 bytes, got 1087"
        );
    }
}
