//! Hybrid key exchange: ML-KEM combined with an elliptic-curve Diffie-Hellman function, so that
//! the shared secret stays safe while either of the two holds. Each construction is behind its
//! own cargo feature, off by default:
//!
//! | feature | module | what |
//! |---|---|---|
//! | `xwing` | [`xwing`] | X-Wing: ML-KEM-768 + X25519 with a SHA3-256 combiner, a general-purpose KEM (HPKE, and anything that wants one 32-byte secret) |
//! | `x25519mlkem768` | [`x25519mlkem768`] | the TLS 1.3 group X25519MLKEM768 (0x11EC) |
//! | `secp256r1mlkem768` | [`secp256r1mlkem768`] | the TLS 1.3 group SecP256r1MLKEM768 (0x11EB) |
//! | `secp384r1mlkem1024` | [`secp384r1mlkem1024`] | the TLS 1.3 group SecP384r1MLKEM1024 (0x11ED) |
//!
//! The curves come from `x25519-dalek` and RustCrypto's `p256` and `p384`; the ML-KEM half is
//! this crate's. The TLS groups give the raw shared secret of RFC 10024 (both secrets
//! concatenated) for the TLS 1.3 key schedule, whose transcript hashing their security rests
//! on: outside TLS, use X-Wing.

#[cfg(any(
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
mod ecdh;
#[cfg(any(
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
pub mod tls;
#[cfg(feature = "xwing")]
pub mod xwing;

use core::fmt;

use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::array::ByteArray;

/// A hybrid shared secret of `B` bytes (32 for X-Wing; 64 or 80 for the TLS groups); compared
/// in constant time and wiped on drop.
#[derive(Clone)]
pub struct SharedSecret<B: ByteArray>(pub(crate) B);

impl<B: ByteArray> SharedSecret<B> {
    /// All zero, to be filled in place.
    pub(crate) fn zeroed() -> Self {
        Self(B::zeroed())
    }

    /// The secret bytes.
    pub fn as_bytes(&self) -> &B {
        &self.0
    }
}

impl<B: ByteArray> AsRef<[u8]> for SharedSecret<B> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_ref()
    }
}

impl<B: ByteArray> ConstantTimeEq for SharedSecret<B> {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.0.as_ref().ct_eq(other.0.as_ref())
    }
}

/// Constant-time, through [`ConstantTimeEq`].
impl<B: ByteArray> PartialEq for SharedSecret<B> {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl<B: ByteArray> Eq for SharedSecret<B> {}

/// Prints the length only.
impl<B: ByteArray> fmt::Debug for SharedSecret<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedSecret({} bytes)", B::LEN)
    }
}

impl<B: ByteArray> Zeroize for SharedSecret<B> {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

impl<B: ByteArray> Drop for SharedSecret<B> {
    fn drop(&mut self) {
        self.zeroize();
    }
}

impl<B: ByteArray> ZeroizeOnDrop for SharedSecret<B> {}

/// Stamps out the public module of one TLS group: aliases, sizes and the two server-side
/// functions, nothing more.
macro_rules! tls_group_module {
    ($feature:literal, $module:ident, $group:ident, $name:literal, $order:literal) => {
        #[doc = concat!("The TLS 1.3 hybrid group ", $name, " of RFC 10024 (feature `", $feature, "`).")]
        ///
        #[doc = concat!("Shares and the shared secret are laid out ", $order, ".")]
        /// A TLS library (a rustls `SupportedKxGroup`, for one) plugs it in as follows; every
        /// `Err` is an `illegal_parameter` alert.
        ///
        /// ```
        #[doc = concat!("use pqfips::hybrid::", stringify!($module), "::{self, ClientKeyExchange};")]
        ///
        /// let mut rng = getrandom::SysRng; // a generator failure is an Err
        ///
        /// // Client: a fresh exchange per ClientHello; send its key share.
        /// let client = ClientKeyExchange::try_generate(&mut rng)?;
        /// let client_share: &[u8] = client.key_share();
        #[doc = concat!("assert_eq!(client_share.len(), ", stringify!($module), "::CLIENT_SHARE_SIZE);")]
        ///
        /// // Server: the share for its ServerHello and its secret, from the client's share.
        #[doc = concat!("let (server_share, server_secret) = ", stringify!($module), "::try_server_key_share(&mut rng, client_share)?;")]
        ///
        /// // Client: the same secret from the server's share; then drop `client`.
        /// let client_secret = client.complete(&server_share)?;
        /// assert_eq!(client_secret, server_secret);
        /// // Both feed `client_secret.as_ref()` to the TLS 1.3 key schedule as the (EC)DHE input.
        /// # Ok::<(), pqfips::Error>(())
        /// ```
        #[cfg(feature = $feature)]
        pub mod $module {
            use rand_core::{CryptoRng, TryCryptoRng};

            use super::tls::{self, Group};
            use crate::Error;

            pub use super::tls::$group;
            /// The `NamedGroup` codepoint, for `supported_groups` and `key_share`.
            pub const CODEPOINT: u16 = <$group as Group>::CODEPOINT;
            /// Bytes of the client's `key_exchange`.
            pub const CLIENT_SHARE_SIZE: usize = <$group as Group>::CLIENT_SHARE_SIZE;
            /// Bytes of the server's `key_exchange`.
            pub const SERVER_SHARE_SIZE: usize = <$group as Group>::SERVER_SHARE_SIZE;
            /// Bytes of the shared secret.
            pub const SHARED_SECRET_SIZE: usize = <$group as Group>::SHARED_SECRET_SIZE;

            #[doc = concat!("The client's side of an ", $name, " exchange (secret).")]
            pub type ClientKeyExchange = tls::ClientKeyExchange<$group>;
            #[doc = concat!("The ", $name, " shared secret, wiped on drop.")]
            pub type SharedSecret = super::SharedSecret<[u8; SHARED_SECRET_SIZE]>;

            /// The server's `key_exchange` bytes and the shared secret, from the client's
            /// `key_exchange` bytes; see [`tls::server_key_share`].
            ///
            /// # Errors
            /// See [`tls::server_key_share`].
            pub fn server_key_share<R: CryptoRng + ?Sized>(
                rng: &mut R,
                client_share: &[u8],
            ) -> Result<([u8; SERVER_SHARE_SIZE], SharedSecret), Error> {
                tls::server_key_share::<$group, R>(rng, client_share)
            }

            /// [`server_key_share`] with a generator that may fail, such as
            /// `getrandom::SysRng` itself; see [`tls::try_server_key_share`].
            ///
            /// # Errors
            /// See [`tls::try_server_key_share`].
            pub fn try_server_key_share<R: TryCryptoRng + ?Sized>(
                rng: &mut R,
                client_share: &[u8],
            ) -> Result<([u8; SERVER_SHARE_SIZE], SharedSecret), Error> {
                tls::try_server_key_share::<$group, R>(rng, client_share)
            }

            /// [`server_key_share`] with the operating system's generator.
            ///
            /// # Errors
            /// See [`tls::try_server_key_share`].
            #[cfg(feature = "getrandom")]
            pub fn server_key_share_with_os_rng(
                client_share: &[u8],
            ) -> Result<([u8; SERVER_SHARE_SIZE], SharedSecret), Error> {
                try_server_key_share(&mut crate::rng::os(), client_share)
            }

            /// The deterministic exchanges, for known-answer testing only; see
            /// [`tls::hazmat`].
            pub mod hazmat {
                use super::{$group, ClientKeyExchange, Error, SERVER_SHARE_SIZE, SharedSecret};
                use crate::hybrid::tls::{Group, hazmat};
                use crate::ml_kem::DecapsulationKey;

                /// The client's exchange with a copy of the ML-KEM key `dk` and the ECDH scalar.
                ///
                /// # Errors
                /// See [`hazmat::client_key_exchange`].
                pub fn client_key_exchange(
                    dk: &DecapsulationKey<<$group as Group>::MlKem>,
                    ecdh_scalar: &[u8],
                ) -> Result<ClientKeyExchange, Error> {
                    hazmat::client_key_exchange::<$group>(dk, ecdh_scalar)
                }

                /// The server's share and secret with the ML-KEM randomness m and the ECDH
                /// scalar given.
                ///
                /// # Errors
                /// See [`hazmat::server_key_share`].
                pub fn server_key_share(
                    client_share: &[u8],
                    m: &[u8; 32],
                    ecdh_scalar: &[u8],
                ) -> Result<([u8; SERVER_SHARE_SIZE], SharedSecret), Error> {
                    hazmat::server_key_share::<$group>(client_share, m, ecdh_scalar)
                }
            }
        }
    };
}

tls_group_module!(
    "x25519mlkem768",
    x25519mlkem768,
    X25519MlKem768,
    "X25519MLKEM768",
    "ML-KEM first: client share = ML-KEM-768 encapsulation key (1184) ‖ X25519 share (32) = \
     1216 bytes; server share = ML-KEM-768 ciphertext (1088) ‖ X25519 share (32) = 1120 bytes; \
     secret = ML-KEM secret (32) ‖ X25519 secret (32) = 64 bytes"
);
tls_group_module!(
    "secp256r1mlkem768",
    secp256r1mlkem768,
    SecP256r1MlKem768,
    "SecP256r1MLKEM768",
    "ECDH first: client share = uncompressed P-256 point (65) ‖ ML-KEM-768 encapsulation key \
     (1184) = 1249 bytes; server share = P-256 point (65) ‖ ML-KEM-768 ciphertext (1088) = \
     1153 bytes; secret = P-256 x-coordinate (32) ‖ ML-KEM secret (32) = 64 bytes"
);
tls_group_module!(
    "secp384r1mlkem1024",
    secp384r1mlkem1024,
    SecP384r1MlKem1024,
    "SecP384r1MLKEM1024",
    "ECDH first: client share = uncompressed P-384 point (97) ‖ ML-KEM-1024 encapsulation key \
     (1568) = 1665 bytes; server share = P-384 point (97) ‖ ML-KEM-1024 ciphertext (1568) = \
     1665 bytes; secret = P-384 x-coordinate (48) ‖ ML-KEM secret (32) = 80 bytes"
);
