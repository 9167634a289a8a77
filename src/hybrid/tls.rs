//! The TLS 1.3 hybrid key-exchange groups of RFC 10024 (draft-ietf-tls-ecdhe-mlkem), written
//! once for the three groups.
//!
//! Most code uses a per-group module ([`super::x25519mlkem768`], [`super::secp256r1mlkem768`],
//! [`super::secp384r1mlkem1024`]); code generic over the group uses these types and the
//! [`Group`] trait, whose constants give the codepoint and every size.
//!
//! Each group is an ML-KEM key exchange and an ephemeral ECDH exchange run side by side:
//! - the client's `key_exchange` is its ML-KEM encapsulation key and its ECDH share,
//! - the server's is an ML-KEM ciphertext to that key and the server's ECDH share,
//! - the shared secret handed to the TLS key schedule is both shared secrets concatenated,
//!
//! each time in the group's own order: ML-KEM first for X25519MLKEM768, ECDH first for
//! SecP256r1MLKEM768 and SecP384r1MLKEM1024 (so that a FIPS-approved secret comes first).

use core::fmt;

use rand_core::{CryptoRng, TryCryptoRng};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::SharedSecret;
use super::ecdh::Ecdh;
use crate::array::ByteArray;
use crate::ml_kem::{self, ParameterSet};
use crate::wipe::StackBelow;
use crate::{Error, Input};

/// A TLS 1.3 hybrid group of RFC 10024. Implemented by the group types of this module only.
pub trait Group: sealed::Sealed + Copy + Default + fmt::Debug + Eq + Send + Sync + 'static {
    /// The group's name in the TLS Supported Groups registry, e.g. `"X25519MLKEM768"`.
    const NAME: &'static str;
    /// The group's `NamedGroup` codepoint.
    const CODEPOINT: u16;
    /// Whether the ML-KEM part comes first in shares and secret (X25519MLKEM768) or second.
    const ML_KEM_FIRST: bool;
    /// Bytes of the client's `key_exchange`.
    const CLIENT_SHARE_SIZE: usize;
    /// Bytes of the server's `key_exchange`.
    const SERVER_SHARE_SIZE: usize;
    /// Bytes of the shared secret.
    const SHARED_SECRET_SIZE: usize;
    /// Bytes of the ECDH private scalar ([`hazmat`] only).
    const ECDH_SCALAR_SIZE: usize;

    /// The ML-KEM parameter set.
    type MlKem: ParameterSet;
    /// `[u8; CLIENT_SHARE_SIZE]`.
    type ClientShare: ByteArray;
    /// `[u8; SERVER_SHARE_SIZE]`.
    type ServerShare: ByteArray;
    /// `[u8; SHARED_SECRET_SIZE]`.
    type SharedSecretBytes: ByteArray;
    /// The elliptic-curve half.
    #[doc(hidden)]
    type Ecdh: Ecdh;
}

pub(crate) mod sealed {
    /// Keeps the groups to the three of RFC 10024.
    pub trait Sealed {}
}

/// Stamps out one group: its marker type and its constants.
macro_rules! group {
    ($(#[$doc:meta])* $feature:literal, $name:ident, $label:literal, $codepoint:literal,
     $ml_kem:ident, $ecdh:ident, ml_kem_first = $first:literal,
     client = $client:literal, server = $server:literal, secret = $secret:literal,
     scalar = $scalar:literal) => {
        $(#[$doc])*
        #[cfg(feature = $feature)]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name;

        #[cfg(feature = $feature)]
        impl sealed::Sealed for $name {}

        #[cfg(feature = $feature)]
        impl Group for $name {
            const NAME: &'static str = $label;
            const CODEPOINT: u16 = $codepoint;
            const ML_KEM_FIRST: bool = $first;
            const CLIENT_SHARE_SIZE: usize = $client;
            const SERVER_SHARE_SIZE: usize = $server;
            const SHARED_SECRET_SIZE: usize = $secret;
            const ECDH_SCALAR_SIZE: usize = $scalar;
            type MlKem = ml_kem::$ml_kem;
            type ClientShare = [u8; $client];
            type ServerShare = [u8; $server];
            type SharedSecretBytes = [u8; $secret];
            type Ecdh = super::ecdh::$ecdh;
        }
    };
}

group!(
    /// X25519MLKEM768 (0x11EC): ML-KEM-768 and X25519, ML-KEM first.
    "x25519mlkem768", X25519MlKem768, "X25519MLKEM768", 0x11EC, MlKem768, X25519,
    ml_kem_first = true, client = 1216, server = 1120, secret = 64, scalar = 32
);
group!(
    /// SecP256r1MLKEM768 (0x11EB): P-256 and ML-KEM-768, ECDH first.
    "secp256r1mlkem768", SecP256r1MlKem768, "SecP256r1MLKEM768", 0x11EB, MlKem768, P256,
    ml_kem_first = false, client = 1249, server = 1153, secret = 64, scalar = 32
);
group!(
    /// SecP384r1MLKEM1024 (0x11ED): P-384 and ML-KEM-1024, ECDH first.
    "secp384r1mlkem1024", SecP384r1MlKem1024, "SecP384r1MLKEM1024", 0x11ED, MlKem1024, P384,
    ml_kem_first = false, client = 1665, server = 1665, secret = 80, scalar = 48
);

/// Stack zeroed below each operation once its result is in the caller's destination: the
/// ML-KEM key, the scalar and the secrets are moved out of the frames that built them, which
/// leaves copies there (a moved-from value is not dropped, so not wiped; see `crate::wipe`).
/// With the two key-sized moves added, more than the deepest copy the residue test
/// (tests/residue/) found, 19 KiB.
const WIPE: usize = 16 * 1024;

/// `bytes`, laid out as the group's two parts, split into (ECDH part, ML-KEM part); the ML-KEM
/// part is whatever the ECDH part of `ecdh_len` bytes leaves.
fn split<G: Group>(bytes: &[u8], ecdh_len: usize) -> (&[u8], &[u8]) {
    if G::ML_KEM_FIRST {
        let (ml_kem, ecdh) = bytes.split_at(bytes.len() - ecdh_len);
        (ecdh, ml_kem)
    } else {
        bytes.split_at(ecdh_len)
    }
}

/// [`split`] for writing.
fn split_mut<G: Group>(bytes: &mut [u8], ecdh_len: usize) -> (&mut [u8], &mut [u8]) {
    if G::ML_KEM_FIRST {
        let at = bytes.len() - ecdh_len;
        let (ml_kem, ecdh) = bytes.split_at_mut(at);
        (ecdh, ml_kem)
    } else {
        bytes.split_at_mut(ecdh_len)
    }
}

/// The client's side of one hybrid key exchange (secret): its ephemeral ML-KEM decapsulation
/// key and ECDH scalar, and the key share it sends. Wiped on drop.
///
/// Use it once: [`Self::generate`] when sending the ClientHello, [`Self::key_share`] for its
/// `key_share` entry, [`Self::complete`] on the server's share, then drop it.
pub struct ClientKeyExchange<G: Group> {
    dk: ml_kem::DecapsulationKey<G::MlKem>,
    scalar: <G::Ecdh as Ecdh>::Scalar,
    share: G::ClientShare,
}

impl<G: Group> ClientKeyExchange<G> {
    /// A fresh key exchange: a new ML-KEM key pair (FIPS 203, Algorithm 19) and ECDH scalar.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        // Declared first, so dropped last: after the exchange is in the caller's destination.
        let _wipe = StackBelow(WIPE + 2 * size_of::<Self>());
        Self::generate_in_frame(rng)
    }

    /// [`Self::generate`] proper, in a frame of its own for it to wipe.
    #[inline(never)]
    fn generate_in_frame<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let Ok(exchange) = Self::generate_with(rng);
        exchange
    }

    /// [`Self::generate`] with a generator that may fail, such as `getrandom::SysRng` itself.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn try_generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        // Declared first, so dropped last: after the exchange is in the caller's destination.
        let _wipe = StackBelow(WIPE + 2 * size_of::<Self>());
        Self::try_generate_in_frame(rng)
    }

    /// [`Self::try_generate`] proper, in a frame of its own for it to wipe.
    #[inline(never)]
    fn try_generate_in_frame<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        Self::generate_with(rng).map_err(|_| Error::RandomSource)
    }

    /// [`Self::generate`] with the operating system's generator.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if the operating system's generator fails.
    #[cfg(feature = "getrandom")]
    pub fn generate_from_os_rng() -> Result<Self, Error> {
        Self::try_generate(&mut crate::rng::os())
    }

    /// A fresh key exchange; fails only if `rng` does.
    fn generate_with<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
        let mut seed = Zeroizing::new([0u8; ml_kem::SEED_SIZE]);
        rng.try_fill_bytes(&mut *seed)?;
        let dk = ml_kem::DecapsulationKey::from_seed(&seed);
        Ok(Self::with_share(dk, G::Ecdh::random(rng)?))
    }

    /// The exchange of these keys, with its key share computed.
    fn with_share(
        dk: ml_kem::DecapsulationKey<G::MlKem>,
        scalar: <G::Ecdh as Ecdh>::Scalar,
    ) -> Self {
        let mut exchange = Self {
            dk,
            scalar,
            share: G::ClientShare::zeroed(),
        };
        let (ecdh, ml_kem) = split_mut::<G>(exchange.share.as_mut(), G::Ecdh::SHARE_SIZE);
        G::Ecdh::write_share(&exchange.scalar, ecdh);
        ml_kem.copy_from_slice(exchange.dk.encapsulation_key().to_bytes().as_ref());
        exchange
    }

    /// The client's `key_exchange` bytes (public): [`Group::CLIENT_SHARE_SIZE`] bytes.
    pub fn key_share(&self) -> &G::ClientShare {
        &self.share
    }

    /// The shared secret from the server's `key_exchange` bytes: ML-KEM decapsulation of its
    /// ciphertext (FIPS 203, Algorithm 21) and ECDH with its share, concatenated in the group's
    /// order. On `Err` the handshake must abort with an `illegal_parameter` alert.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `server_share` is [`Group::SERVER_SHARE_SIZE`] long;
    /// [`Error::ZeroSharedSecret`] if the X25519 part gives the all-zero value;
    /// [`Error::PointNotUncompressed`] or [`Error::PointNotOnCurve`] if a P-256 or P-384
    /// part is not an uncompressed point on the curve.
    pub fn complete(
        &self,
        server_share: &[u8],
    ) -> Result<SharedSecret<G::SharedSecretBytes>, Error> {
        // Declared first, so dropped last: after the secret is in the caller's destination.
        let _wipe = StackBelow(WIPE);
        self.complete_in_frame(server_share)
    }

    /// [`Self::complete`] proper, in a frame of its own for it to wipe.
    #[inline(never)]
    fn complete_in_frame(
        &self,
        server_share: &[u8],
    ) -> Result<SharedSecret<G::SharedSecretBytes>, Error> {
        Error::check_length(Input::KeyShare, G::SERVER_SHARE_SIZE, server_share.len())?;
        let (ecdh_share, ct) = split::<G>(server_share, G::Ecdh::SHARE_SIZE);
        let ct = ml_kem::Ciphertext::<G::MlKem>::try_from(ct)?;
        let mut secret = SharedSecret::<G::SharedSecretBytes>::zeroed();
        let (ecdh_secret, ml_kem_secret) = split_mut::<G>(secret.0.as_mut(), G::Ecdh::SECRET_SIZE);
        G::Ecdh::agree(&self.scalar, ecdh_share, ecdh_secret)?;
        ml_kem_secret.copy_from_slice(self.dk.decapsulate(&ct).as_bytes());
        Ok(secret)
    }
}

/// The server's side of one hybrid key exchange: from the client's `key_exchange` bytes, the
/// server's `key_exchange` bytes and the shared secret. On `Err` the handshake must abort
/// with an `illegal_parameter` alert.
///
/// The client's ML-KEM key passes the FIPS 203 §7.2 check and the ECDH share the checks of
/// RFC 8446 before anything is computed with them; the server's ephemeral ECDH scalar and
/// ML-KEM randomness come from `rng` and are wiped before this returns.
///
/// # Errors
/// [`Error::InvalidLength`] unless `client_share` is [`Group::CLIENT_SHARE_SIZE`] long;
/// [`Error::InvalidKey`] if the ML-KEM encapsulation key fails the §7.2 check;
/// [`Error::ZeroSharedSecret`] if the X25519 part gives the all-zero value;
/// [`Error::PointNotUncompressed`] or [`Error::PointNotOnCurve`] if a P-256 or P-384 part
/// is not an uncompressed point on the curve.
#[allow(clippy::type_complexity)]
pub fn server_key_share<G: Group, R: CryptoRng + ?Sized>(
    rng: &mut R,
    client_share: &[u8],
) -> Result<(G::ServerShare, SharedSecret<G::SharedSecretBytes>), Error> {
    try_server_key_share::<G, R>(rng, client_share)
}

/// [`server_key_share`] with a generator that may fail, such as `getrandom::SysRng` itself.
///
/// # Errors
/// Those of [`server_key_share`], and [`Error::RandomSource`] if `rng` fails.
#[allow(clippy::type_complexity)]
pub fn try_server_key_share<G: Group, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
    client_share: &[u8],
) -> Result<(G::ServerShare, SharedSecret<G::SharedSecretBytes>), Error> {
    let mut m = Zeroizing::new([0u8; 32]);
    crate::rng::try_fill(rng, &mut *m)?;
    let scalar = G::Ecdh::random(rng).map_err(|_| Error::RandomSource)?;
    server_key_share_with::<G>(client_share, &m, &scalar)
}

/// [`server_key_share`] with the caller's ML-KEM randomness m and ECDH scalar.
#[allow(clippy::type_complexity)]
fn server_key_share_with<G: Group>(
    client_share: &[u8],
    m: &[u8; 32],
    scalar: &<G::Ecdh as Ecdh>::Scalar,
) -> Result<(G::ServerShare, SharedSecret<G::SharedSecretBytes>), Error> {
    // Declared first, so dropped last: after the result is in the caller's destination.
    let _wipe = StackBelow(WIPE);
    server_key_share_in_frame::<G>(client_share, m, scalar)
}

/// [`server_key_share_with`] proper, in a frame of its own for it to wipe.
#[allow(clippy::type_complexity)]
#[inline(never)]
fn server_key_share_in_frame<G: Group>(
    client_share: &[u8],
    m: &[u8; 32],
    scalar: &<G::Ecdh as Ecdh>::Scalar,
) -> Result<(G::ServerShare, SharedSecret<G::SharedSecretBytes>), Error> {
    Error::check_length(Input::KeyShare, G::CLIENT_SHARE_SIZE, client_share.len())?;
    let (client_ecdh, ek) = split::<G>(client_share, G::Ecdh::SHARE_SIZE);
    let ek = ml_kem::EncapsulationKey::<G::MlKem>::from_bytes(ek)?;
    let mut secret = SharedSecret::<G::SharedSecretBytes>::zeroed();
    let (ecdh_secret, ml_kem_secret) = split_mut::<G>(secret.0.as_mut(), G::Ecdh::SECRET_SIZE);
    G::Ecdh::agree(scalar, client_ecdh, ecdh_secret)?;
    let (ct, ml_kem_ss) = ml_kem::hazmat::encapsulate_deterministic(&ek, m);
    ml_kem_secret.copy_from_slice(ml_kem_ss.as_bytes());
    let mut share = G::ServerShare::zeroed();
    let (ecdh_share, ct_out) = split_mut::<G>(share.as_mut(), G::Ecdh::SHARE_SIZE);
    G::Ecdh::write_share(scalar, ecdh_share);
    ct_out.copy_from_slice(ct.as_ref());
    Ok((share, secret))
}

impl<G: Group> fmt::Debug for ClientKeyExchange<G> {
    /// Names the type and the group only: no secret byte is printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClientKeyExchange<{}>(..)", G::NAME)
    }
}

impl<G: Group> Zeroize for ClientKeyExchange<G> {
    /// Wipes the ML-KEM key; the ECDH scalar wipes itself when the exchange is dropped.
    fn zeroize(&mut self) {
        self.dk.zeroize();
    }
}

// Every secret field wipes itself on drop: the ML-KEM key and the curve crates' scalars.
impl<G: Group> ZeroizeOnDrop for ClientKeyExchange<G> {}

/// Deterministic key exchanges, for known-answer testing only.
///
/// The randomness passed in must be fresh for every exchange; [`ClientKeyExchange::generate`]
/// and [`server_key_share`] draw it themselves.
pub mod hazmat {
    use super::{ClientKeyExchange, Ecdh, Error, Group, SharedSecret};
    use crate::ml_kem;

    /// The client's key exchange with a copy of the ML-KEM decapsulation key `dk` and the ECDH
    /// private scalar (X25519: 32 bytes as RFC 7748 takes them; P-256 / P-384: big-endian, in
    /// [1, n − 1]).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `ecdh_scalar` is [`Group::ECDH_SCALAR_SIZE`] long;
    /// [`Error::InvalidKey`] if it is not a valid scalar.
    pub fn client_key_exchange<G: Group>(
        dk: &ml_kem::DecapsulationKey<G::MlKem>,
        ecdh_scalar: &[u8],
    ) -> Result<ClientKeyExchange<G>, Error> {
        let scalar = G::Ecdh::scalar_from_bytes(ecdh_scalar)?;
        Ok(ClientKeyExchange::with_share(dk.clone(), scalar))
    }

    /// [`super::server_key_share`] with the ML-KEM randomness m (FIPS 203, Algorithm 17) and the
    /// server's ECDH private scalar given.
    ///
    /// # Errors
    /// Those of [`super::server_key_share`], and those of [`client_key_exchange`] for
    /// `ecdh_scalar`.
    #[allow(clippy::type_complexity)]
    pub fn server_key_share<G: Group>(
        client_share: &[u8],
        m: &[u8; 32],
        ecdh_scalar: &[u8],
    ) -> Result<(G::ServerShare, SharedSecret<G::SharedSecretBytes>), Error> {
        let scalar = G::Ecdh::scalar_from_bytes(ecdh_scalar)?;
        super::server_key_share_with::<G>(client_share, m, &scalar)
    }
}
