//! The RustCrypto `signature` traits (3.x) for every ML-DSA and SLH-DSA
//! parameter set (feature `signature`).
//!
//! On the keys themselves, as RustCrypto's own ML-DSA and SLH-DSA crates do, with the empty
//! context string: [`Signer`] signs deterministically (FIPS 204 and FIPS 205's deterministic
//! variants), [`RandomizedSigner`] hedged (fresh randomness from the generator it is given),
//! [`Verifier`] verifies; [`KeypairRef`] (hence [`Keypair`]) gives a signing key's verifying
//! key, and [`SignatureEncoding`] the signature bytes. ML-DSA adds [`MultipartSigner`],
//! [`RandomizedMultipartSigner`] and [`MultipartVerifier`], which hash the parts into μ as they
//! come (the [`MuBuilder`](crate::ml_dsa::MuBuilder)), so the message is never joined.
//!
//! For a context string, wrap the key in a [`WithContext`]: it implements the same traits,
//! signing and verifying with that context.
//!
//! The key types also have inherent methods named `sign` and `verify` (which take the context,
//! and for `sign` the generator, explicitly); in code that is not generic, call the traits'
//! methods by path, `Signer::sign(&sk, msg)`, since Rust picks the inherent method first.
//!
//! ```
//! use pqfips::ml_dsa_65::SigningKey;
//! use pqfips::signature::WithContext;
//! use signature::{Keypair, Signer, Verifier};
//!
//! /// Written against the traits only.
//! fn sign_and_check<K, S>(signer: &K, msg: &[u8]) -> Result<S, signature::Error>
//! where
//!     K: Signer<S> + Keypair,
//!     K::VerifyingKey: Verifier<S>,
//! {
//!     let sig = signer.try_sign(msg)?;
//!     signer.verifying_key().verify(msg, &sig)?;
//!     Ok(sig)
//! }
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let sk = SigningKey::from_seed(&[7; 32]);
//!     sign_and_check(&sk, b"message")?;
//!     let with_ctx = WithContext::new(&sk, b"my-app v1")?;
//!     let sig = sign_and_check(&with_ctx, b"message")?;
//!     sk.verifying_key().verify(b"message", b"my-app v1", &sig)?;
//!     Ok(())
//! }
//! ```

use ::signature::{
    Error as SignatureError, Keypair, KeypairRef, MultipartSigner, MultipartVerifier,
    RandomizedMultipartSigner, RandomizedSigner, SignatureEncoding, Signer, Verifier,
};
use rand_core::TryCryptoRng;

use crate::hash::prehash::MAX_CONTEXT_SIZE;
use crate::{Error, ml_dsa, slh_dsa};

/// A key with a context string: the `signature` traits on it sign and verify with `ctx`
/// (FIPS 204 and FIPS 205 domain separation), where the traits on the bare key use the empty
/// context. Borrows both; made by [`WithContext::new`], which checks the context's length once.
#[derive(Debug)]
pub struct WithContext<'a, K> {
    key: &'a K,
    ctx: &'a [u8],
}

impl<'a, K> WithContext<'a, K> {
    /// `key` with the context string `ctx`.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn new(key: &'a K, ctx: &'a [u8]) -> Result<Self, Error> {
        if ctx.len() > MAX_CONTEXT_SIZE {
            return Err(Error::ContextTooLong);
        }
        Ok(Self { key, ctx })
    }

    /// The key.
    pub fn key(&self) -> &'a K {
        self.key
    }

    /// The context string.
    pub fn context(&self) -> &'a [u8] {
        self.ctx
    }
}

impl<K> Clone for WithContext<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for WithContext<'_, K> {}

/// The `signature` crate's error is opaque by design: the reason stays in our [`Error`].
fn opaque(_: Error) -> SignatureError {
    SignatureError::new()
}

// ---- ML-DSA ----

/// μ for the pure signature of the concatenation of `parts` with context `ctx`, streamed.
fn ml_dsa_mu<P: ml_dsa::ParameterSet>(
    vk: &ml_dsa::VerifyingKey<P>,
    parts: &[&[u8]],
    ctx: &[u8],
) -> Result<ml_dsa::Mu, Error> {
    let mut builder = vk.message_representative(ctx)?;
    for part in parts {
        builder.update(part);
    }
    Ok(builder.finalize())
}

fn ml_dsa_sign<P: ml_dsa::ParameterSet>(
    sk: &ml_dsa::SigningKey<P>,
    parts: &[&[u8]],
    ctx: &[u8],
) -> Result<ml_dsa::Signature<P>, SignatureError> {
    let mu = ml_dsa_mu(sk.verifying_key(), parts, ctx).map_err(opaque)?;
    Ok(sk.sign_mu_deterministic(&mu))
}

fn ml_dsa_sign_with_rng<P: ml_dsa::ParameterSet, R: TryCryptoRng + ?Sized>(
    sk: &ml_dsa::SigningKey<P>,
    rng: &mut R,
    parts: &[&[u8]],
    ctx: &[u8],
) -> Result<ml_dsa::Signature<P>, SignatureError> {
    let mu = ml_dsa_mu(sk.verifying_key(), parts, ctx).map_err(opaque)?;
    sk.sign_mu(rng, &mu).map_err(opaque)
}

fn ml_dsa_verify<P: ml_dsa::ParameterSet>(
    vk: &ml_dsa::VerifyingKey<P>,
    parts: &[&[u8]],
    ctx: &[u8],
    sig: &ml_dsa::Signature<P>,
) -> Result<(), SignatureError> {
    let mu = ml_dsa_mu(vk, parts, ctx).map_err(opaque)?;
    vk.verify_mu(&mu, sig).map_err(opaque)
}

fn ml_dsa_verify_prepared<P: ml_dsa::ParameterSet>(
    pvk: &ml_dsa::PreparedVerifyingKey<P>,
    parts: &[&[u8]],
    ctx: &[u8],
    sig: &ml_dsa::Signature<P>,
) -> Result<(), SignatureError> {
    let mu = ml_dsa_mu(pvk.verifying_key(), parts, ctx).map_err(opaque)?;
    pvk.verify_mu(&mu, sig).map_err(opaque)
}

/// Implements the signing traits for `$ty` (a signing key, bare or with a context), given how
/// to reach the key and the context from `self`.
macro_rules! ml_dsa_signer {
    ([$($generics:tt)*] $ty:ty, |$s:ident| ($key:expr, $ctx:expr)) => {
        /// FIPS 204, Algorithm 2 (ML-DSA.Sign), deterministic variant.
        impl<$($generics)*> Signer<ml_dsa::Signature<P>> for $ty {
            fn try_sign(&self, msg: &[u8]) -> Result<ml_dsa::Signature<P>, SignatureError> {
                let $s = self;
                ml_dsa_sign($key, &[msg], $ctx)
            }
        }

        /// FIPS 204, Algorithm 2 (ML-DSA.Sign), deterministic variant, on the concatenation of
        /// the parts, hashed into μ one by one.
        impl<$($generics)*> MultipartSigner<ml_dsa::Signature<P>> for $ty {
            fn try_multipart_sign(
                &self,
                msg: &[&[u8]],
            ) -> Result<ml_dsa::Signature<P>, SignatureError> {
                let $s = self;
                ml_dsa_sign($key, msg, $ctx)
            }
        }

        /// FIPS 204, Algorithm 2 (ML-DSA.Sign), hedged.
        impl<$($generics)*> RandomizedSigner<ml_dsa::Signature<P>> for $ty {
            fn try_sign_with_rng<R: TryCryptoRng + ?Sized>(
                &self,
                rng: &mut R,
                msg: &[u8],
            ) -> Result<ml_dsa::Signature<P>, SignatureError> {
                let $s = self;
                ml_dsa_sign_with_rng($key, rng, &[msg], $ctx)
            }
        }

        /// FIPS 204, Algorithm 2 (ML-DSA.Sign), hedged, on the concatenation of the parts.
        impl<$($generics)*> RandomizedMultipartSigner<ml_dsa::Signature<P>> for $ty {
            fn try_multipart_sign_with_rng<R: TryCryptoRng + ?Sized>(
                &self,
                rng: &mut R,
                msg: &[&[u8]],
            ) -> Result<ml_dsa::Signature<P>, SignatureError> {
                let $s = self;
                ml_dsa_sign_with_rng($key, rng, msg, $ctx)
            }
        }
    };
}

/// Implements the verifying traits for `$ty`, as [`ml_dsa_signer`] does the signing ones.
macro_rules! ml_dsa_verifier {
    ($verify:ident, [$($generics:tt)*] $ty:ty, |$s:ident| ($key:expr, $ctx:expr)) => {
        /// FIPS 204, Algorithm 3 (ML-DSA.Verify).
        impl<$($generics)*> Verifier<ml_dsa::Signature<P>> for $ty {
            fn verify(&self, msg: &[u8], sig: &ml_dsa::Signature<P>) -> Result<(), SignatureError> {
                let $s = self;
                $verify($key, &[msg], $ctx, sig)
            }
        }

        /// FIPS 204, Algorithm 3 (ML-DSA.Verify) of the concatenation of the parts.
        impl<$($generics)*> MultipartVerifier<ml_dsa::Signature<P>> for $ty {
            fn multipart_verify(
                &self,
                msg: &[&[u8]],
                sig: &ml_dsa::Signature<P>,
            ) -> Result<(), SignatureError> {
                let $s = self;
                $verify($key, msg, $ctx, sig)
            }
        }
    };
}

ml_dsa_signer!([P: ml_dsa::ParameterSet] ml_dsa::SigningKey<P>, |s| (s, b""));
ml_dsa_signer!(
    ['a, P: ml_dsa::ParameterSet] WithContext<'a, ml_dsa::SigningKey<P>>,
    |s| (s.key, s.ctx)
);
ml_dsa_verifier!(ml_dsa_verify, [P: ml_dsa::ParameterSet] ml_dsa::VerifyingKey<P>, |s| (s, b""));
ml_dsa_verifier!(
    ml_dsa_verify,
    ['a, P: ml_dsa::ParameterSet] WithContext<'a, ml_dsa::VerifyingKey<P>>,
    |s| (s.key, s.ctx)
);
ml_dsa_verifier!(
    ml_dsa_verify_prepared,
    [P: ml_dsa::ParameterSet] ml_dsa::PreparedVerifyingKey<P>,
    |s| (s, b"")
);
ml_dsa_verifier!(
    ml_dsa_verify_prepared,
    ['a, P: ml_dsa::ParameterSet] WithContext<'a, ml_dsa::PreparedVerifyingKey<P>>,
    |s| (s.key, s.ctx)
);

impl<P: ml_dsa::ParameterSet> KeypairRef for ml_dsa::SigningKey<P> {
    type VerifyingKey = ml_dsa::VerifyingKey<P>;
}

/// The verifying key with the same context.
impl<'a, P: ml_dsa::ParameterSet> Keypair for WithContext<'a, ml_dsa::SigningKey<P>> {
    type VerifyingKey = WithContext<'a, ml_dsa::VerifyingKey<P>>;

    fn verifying_key(&self) -> Self::VerifyingKey {
        WithContext {
            key: self.key.verifying_key(),
            ctx: self.ctx,
        }
    }
}

// ---- SLH-DSA ----

/// Implements the traits for `$ty`, as the ML-DSA macros do (SLH-DSA reads the message twice,
/// for R and for the digest, so it has no multipart forms).
macro_rules! slh_dsa_traits {
    ([$($generics:tt)*] $sk:ty, $vk:ty, |$s:ident| ($key:expr, $ctx:expr)) => {
        /// FIPS 205, Algorithm 22 (slh_sign), deterministic variant.
        impl<$($generics)*> Signer<slh_dsa::Signature<P>> for $sk {
            fn try_sign(&self, msg: &[u8]) -> Result<slh_dsa::Signature<P>, SignatureError> {
                let $s = self;
                $key.sign_deterministic(msg, $ctx).map_err(opaque)
            }
        }

        /// FIPS 205, Algorithm 22 (slh_sign), hedged.
        impl<$($generics)*> RandomizedSigner<slh_dsa::Signature<P>> for $sk {
            fn try_sign_with_rng<R: TryCryptoRng + ?Sized>(
                &self,
                rng: &mut R,
                msg: &[u8],
            ) -> Result<slh_dsa::Signature<P>, SignatureError> {
                let $s = self;
                $key.sign(rng, msg, $ctx).map_err(opaque)
            }
        }

        /// FIPS 205, Algorithm 24 (slh_verify).
        impl<$($generics)*> Verifier<slh_dsa::Signature<P>> for $vk {
            fn verify(
                &self,
                msg: &[u8],
                sig: &slh_dsa::Signature<P>,
            ) -> Result<(), SignatureError> {
                let $s = self;
                $key.verify(msg, $ctx, sig).map_err(opaque)
            }
        }
    };
}

slh_dsa_traits!(
    [P: slh_dsa::ParameterSet] slh_dsa::SigningKey<P>,
    slh_dsa::VerifyingKey<P>,
    |s| (s, b"")
);
slh_dsa_traits!(
    ['a, P: slh_dsa::ParameterSet] WithContext<'a, slh_dsa::SigningKey<P>>,
    WithContext<'a, slh_dsa::VerifyingKey<P>>,
    |s| (s.key, s.ctx)
);

impl<P: slh_dsa::ParameterSet> KeypairRef for slh_dsa::SigningKey<P> {
    type VerifyingKey = slh_dsa::VerifyingKey<P>;
}

/// The verifying key with the same context.
impl<'a, P: slh_dsa::ParameterSet> Keypair for WithContext<'a, slh_dsa::SigningKey<P>> {
    type VerifyingKey = WithContext<'a, slh_dsa::VerifyingKey<P>>;

    fn verifying_key(&self) -> Self::VerifyingKey {
        WithContext {
            key: self.key.verifying_key(),
            ctx: self.ctx,
        }
    }
}

// ---- Signature encodings: per set, since the representation is the set's array ----

macro_rules! signature_encoding {
    ($($module:ident)::+, $set:ty, $size:expr) => {
        impl SignatureEncoding for $($module)::+::Signature<$set> {
            type Repr = [u8; $size];
        }

        impl From<$($module)::+::Signature<$set>> for [u8; $size] {
            fn from(sig: $($module)::+::Signature<$set>) -> Self {
                sig.to_bytes()
            }
        }
    };
}

signature_encoding!(ml_dsa, ml_dsa::MlDsa44, crate::ml_dsa_44::SIGNATURE_SIZE);
signature_encoding!(ml_dsa, ml_dsa::MlDsa65, crate::ml_dsa_65::SIGNATURE_SIZE);
signature_encoding!(ml_dsa, ml_dsa::MlDsa87, crate::ml_dsa_87::SIGNATURE_SIZE);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaSha2_128s,
    crate::slh_dsa_sha2_128s::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaShake128s,
    crate::slh_dsa_shake_128s::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaSha2_128f,
    crate::slh_dsa_sha2_128f::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaShake128f,
    crate::slh_dsa_shake_128f::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaSha2_192s,
    crate::slh_dsa_sha2_192s::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaShake192s,
    crate::slh_dsa_shake_192s::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaSha2_192f,
    crate::slh_dsa_sha2_192f::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaShake192f,
    crate::slh_dsa_shake_192f::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaSha2_256s,
    crate::slh_dsa_sha2_256s::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaShake256s,
    crate::slh_dsa_shake_256s::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaSha2_256f,
    crate::slh_dsa_sha2_256f::SIGNATURE_SIZE
);
signature_encoding!(
    slh_dsa,
    slh_dsa::SlhDsaShake256f,
    crate::slh_dsa_shake_256f::SIGNATURE_SIZE
);
