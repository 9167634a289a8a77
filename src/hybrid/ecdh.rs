//! The elliptic-curve halves of the TLS hybrid groups, over the curve crates: X25519
//! (`x25519-dalek`, RFC 7748) and P-256 / P-384 (RustCrypto `p256` / `p384`, SEC 1). Each
//! checks the peer's share as TLS 1.3 requires (RFC 8446 §4.2.8.2 and §7.4.2).

use rand_core::TryCryptoRng;

use crate::Error;

/// One elliptic-curve Diffie-Hellman function as a TLS 1.3 group uses it: an ephemeral scalar,
/// the public share it sends, and the shared secret with the peer's share.
pub trait Ecdh: 'static {
    /// Bytes of a key share on the wire.
    const SHARE_SIZE: usize;
    /// Bytes of the shared secret (X25519's output, or the x-coordinate of the shared point).
    const SECRET_SIZE: usize;
    /// Bytes of an encoded private scalar.
    const SCALAR_SIZE: usize;
    /// An ephemeral private scalar, wiped when dropped; `Send + Sync`, so that a client's key
    /// exchange can wait for the server's share on another thread or task.
    type Scalar: Send + Sync;

    /// A fresh private scalar from `rng`; fails only if `rng` does.
    fn random<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self::Scalar, R::Error>;

    /// The private scalar encoded by `bytes` (known-answer tests).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is `SCALAR_SIZE` long; [`Error::InvalidKey`] if
    /// it is not a valid scalar of the curve (P-256 and P-384: zero or not below the order).
    fn scalar_from_bytes(bytes: &[u8]) -> Result<Self::Scalar, Error>;

    /// Writes the public share of `scalar` into `out` (`SHARE_SIZE` bytes).
    fn write_share(scalar: &Self::Scalar, out: &mut [u8]);

    /// Checks the peer's share and writes the shared secret into `out` (`SECRET_SIZE` bytes).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `peer` is `SHARE_SIZE` long; for X25519
    /// [`Error::ZeroSharedSecret`]; for P-256 and P-384 [`Error::PointNotUncompressed`] and
    /// [`Error::PointNotOnCurve`].
    fn agree(scalar: &Self::Scalar, peer: &[u8], out: &mut [u8]) -> Result<(), Error>;
}

#[cfg(feature = "x25519mlkem768")]
pub use x25519::X25519;

#[cfg(feature = "x25519mlkem768")]
mod x25519 {
    use rand_core::TryCryptoRng;
    use subtle::ConstantTimeEq;
    use x25519_dalek::{PublicKey, StaticSecret};
    use zeroize::Zeroizing;

    use super::Ecdh;
    use crate::Error;

    /// X25519 (RFC 7748 §5): 32-byte scalars, shares and secrets.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct X25519;

    impl Ecdh for X25519 {
        const SHARE_SIZE: usize = 32;
        const SECRET_SIZE: usize = 32;
        const SCALAR_SIZE: usize = 32;
        type Scalar = StaticSecret;

        fn random<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<StaticSecret, R::Error> {
            let mut bytes = Zeroizing::new([0u8; 32]);
            rng.try_fill_bytes(&mut *bytes)?;
            Ok(StaticSecret::from(*bytes))
        }

        fn scalar_from_bytes(bytes: &[u8]) -> Result<StaticSecret, Error> {
            let bytes = <[u8; 32]>::try_from(bytes).map_err(|_| Error::InvalidLength {
                input: crate::Input::EcdhScalar,
                expected: 32,
                actual: bytes.len(),
            })?;
            Ok(StaticSecret::from(bytes))
        }

        fn write_share(scalar: &StaticSecret, out: &mut [u8]) {
            let mut share = PublicKey::from(scalar);
            // The share is sent to the peer.
            crate::ct::declassify(&mut share);
            out.copy_from_slice(share.as_bytes());
        }

        fn agree(scalar: &StaticSecret, peer: &[u8], out: &mut [u8]) -> Result<(), Error> {
            let peer = <[u8; 32]>::try_from(peer).map_err(|_| Error::InvalidLength {
                input: crate::Input::KeyShare,
                expected: 32,
                actual: peer.len(),
            })?;
            let secret = scalar.diffie_hellman(&PublicKey::from(peer));
            // RFC 8446 §7.4.2 (and RFC 7748 §6.1): an all-zero result means a small-order
            // share, and aborts the handshake. Whether it is zero is public: the peer chose the
            // share, and the abort shows it.
            let mut zero = secret.as_bytes().ct_eq(&[0; 32]).unwrap_u8();
            crate::ct::declassify(&mut zero);
            if zero == 1 {
                return Err(Error::ZeroSharedSecret);
            }
            out.copy_from_slice(secret.as_bytes());
            Ok(())
        }
    }
}

/// Stamps out the SEC 1 implementation of a NIST prime curve from its RustCrypto crate.
macro_rules! nist_curve {
    ($feature:literal, $module:ident, $name:ident, $scalar:ident, $crate_:ident, $label:literal,
     share = $share:literal, field = $field:literal) => {
        #[cfg(feature = $feature)]
        pub use $module::$name;

        #[cfg(feature = $feature)]
        mod $module {
            use rand_core::TryCryptoRng;
            use subtle::CtOption;
            use $crate_::elliptic_curve::sec1::{FromSec1Point, ToSec1Point};
            use $crate_::{AffinePoint, FieldBytes, NonZeroScalar, ProjectivePoint, Scalar};
            use zeroize::{Zeroize, Zeroizing};

            use super::Ecdh;
            use crate::Error;

            #[doc = concat!($label, " (SEC 1, FIPS 186-5): uncompressed shares 0x04 ‖ x ‖ y of ",
                        stringify!($share), " bytes, the x-coordinate as the shared secret.")]
            #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
            pub struct $name;

            #[doc = concat!("A ", $label, " private scalar in [1, n − 1], wiped on drop.")]
            pub struct $scalar(NonZeroScalar);

            impl Drop for $scalar {
                fn drop(&mut self) {
                    self.0.zeroize();
                }
            }

            /// The scalar `bytes` encodes, if it is in [1, n − 1], without branching on it: the
            /// returned flag is 1 for a valid scalar, and the scalar is 1 otherwise.
            fn decode(bytes: &FieldBytes) -> ($scalar, u8) {
                let candidate = NonZeroScalar::from_repr(*bytes);
                let ok = candidate.is_some().unwrap_u8();
                // Infallible: one is not zero (and the choice is public).
                let one = NonZeroScalar::new(Scalar::ONE).unwrap();
                ($scalar(CtOption::unwrap_or(candidate, one)), ok)
            }

            impl Ecdh for $name {
                const SHARE_SIZE: usize = $share;
                const SECRET_SIZE: usize = $field;
                const SCALAR_SIZE: usize = $field;
                type Scalar = $scalar;

                /// FIPS 186-5 §A.2.2 (rejection sampling): candidates of the order's length
                /// until one is in [1, n − 1].
                fn random<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<$scalar, R::Error> {
                    let mut bytes = Zeroizing::new(FieldBytes::default());
                    loop {
                        rng.try_fill_bytes(&mut bytes)?;
                        let (scalar, mut ok) = decode(&bytes);
                        // Whether a candidate is rejected says nothing about the one kept (and
                        // happens with probability below 2⁻³²).
                        crate::ct::declassify(&mut ok);
                        if ok == 1 {
                            return Ok(scalar);
                        }
                    }
                }

                fn scalar_from_bytes(bytes: &[u8]) -> Result<$scalar, Error> {
                    Error::check_length(crate::Input::EcdhScalar, $field, bytes.len())?;
                    let bytes = Zeroizing::new(FieldBytes::try_from(bytes).map_err(|_| {
                        Error::InvalidLength {
                            input: crate::Input::EcdhScalar,
                            expected: $field,
                            actual: bytes.len(),
                        }
                    })?);
                    let (scalar, mut ok) = decode(&bytes);
                    // Only known-answer tests import scalars; a bad one is their error.
                    crate::ct::declassify(&mut ok);
                    if ok == 1 {
                        Ok(scalar)
                    } else {
                        Err(Error::InvalidKey)
                    }
                }

                fn write_share(scalar: &$scalar, out: &mut [u8]) {
                    let mut point = (ProjectivePoint::GENERATOR * scalar.0.as_ref()).to_affine();
                    // The share is sent to the peer.
                    crate::ct::declassify(&mut point);
                    out.copy_from_slice(point.to_sec1_point(false).as_bytes());
                }

                fn agree(scalar: &$scalar, peer: &[u8], out: &mut [u8]) -> Result<(), Error> {
                    Error::check_length(crate::Input::KeyShare, $share, peer.len())?;
                    // RFC 8446 §4.2.8.2: only the uncompressed form, never the point at
                    // infinity; then the SEC 1 check that (x, y) is on the curve (the curves
                    // have cofactor 1, so that is the whole public-key validation).
                    if peer[0] != 0x04 {
                        return Err(Error::PointNotUncompressed);
                    }
                    let point = $crate_::Sec1Point::from_bytes(peer)
                        .ok()
                        .and_then(|p| AffinePoint::from_sec1_point(&p).into_option())
                        .ok_or(Error::PointNotOnCurve)?;
                    // By reference: the scalar is `Copy`, and a copy would outlive the call unwiped.
                    let secret = $crate_::ecdh::diffie_hellman(&scalar.0, &point);
                    out.copy_from_slice(secret.raw_secret_bytes());
                    Ok(())
                }
            }
        }
    };
}

nist_curve!(
    "secp256r1mlkem768",
    p256_impl,
    P256,
    P256Scalar,
    p256,
    "P-256",
    share = 65,
    field = 32
);
nist_curve!(
    "secp384r1mlkem1024",
    p384_impl,
    P384,
    P384Scalar,
    p384,
    "P-384",
    share = 97,
    field = 48
);
