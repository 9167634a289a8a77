//! SLH-DSA, the stateless hash-based digital signature algorithm of FIPS 205, written once for
//! all twelve parameter sets.
//!
//! Most code uses one of the per-set modules, e.g. [`crate::slh_dsa_sha2_128s`] or
//! [`crate::slh_dsa_shake_256f`], whose types are these generic ones with the parameter set
//! filled in. Code that is itself generic over the parameter set can use this module directly:
//!
//! ```
//! use pqfips::slh_dsa::{ParameterSet, SigningKey, SlhDsaShake128f};
//!
//! fn sizes<P: ParameterSet>() -> (usize, usize) {
//!     (P::VERIFYING_KEY_SIZE, P::SIGNATURE_SIZE)
//! }
//! assert_eq!(sizes::<SlhDsaShake128f>(), (32, 17088));
//! let sk = SigningKey::<SlhDsaShake128f>::from_seeds(&[1; 16], &[2; 16], &[3; 16]);
//! let sig = sk.sign_deterministic(b"message", b"")?;
//! sk.verifying_key().verify(b"message", b"", &sig)?;
//! # Ok::<(), pqfips::Error>(())
//! ```
//!
//! Layout follows the standard: `encoding` is §4.4 (Algorithms 2–4; Algorithm 1 is
//! `params::gen_len2`), `address` §4.2 and §11.2 (ADRS, ADRSc), `hash` §11 (the SHAKE and SHA2
//! instantiations of F, H, T_ℓ, PRF, PRF_msg, H_msg), `wots` §5 (Algorithms 5–8), `xmss` §6
//! (9–11), `hypertree` §7 (12–13), `fors` §8 (14–17), `internal` §9 (18–20), `keys` §10
//! (21–25). `merkle` holds the bottom-up tree computation XMSS and FORS share.
//!
//! ## How signing is organised
//! Signing computes each node of each tree it touches exactly once. For every layer of the
//! hypertree the whole XMSS tree is built bottom-up (it must be, for the authentication path);
//! the WOTS+ signature is read off the chains of the signing leaf as they are computed, and the
//! tree's root is the message of the next layer up, so Algorithm 12's calls to
//! xmss_pkFromSig are not needed. FORS likewise yields its public key from the signing pass.
//! The signature is written in place into its output array.
//!
//! The hash calls are made many at a time (`hash`'s batched functions, up to 16 lanes), so
//! that multi-buffer kernels can run them together: WOTS+ key generation runs the chains of 8
//! keys in lockstep (chain i of each, two chains per key per call), FORS computes 16 leaves at a
//! time, and each batch of leaves is reduced to its subtree's root one level per call. The
//! indices that decide which lanes do what, and the chain lengths, are public (they come from
//! the digest and the signed roots). Verification follows Algorithms 17, 11 and 8, with the k
//! FORS trees climbed together and the WOTS+ chains sorted by length so that the chains
//! computed together end together. The working memory is about 12 KiB, most of it the lanes.

mod address;
mod encoding;
mod fors;
mod hash;
mod hypertree;
mod internal;
mod keys;
mod merkle;
mod params;
mod wots;
mod xmss;

pub use keys::{Signature, SigningKey, VerifyingKey};
pub use params::{
    ParameterSet, SlhDsaSha2_128f, SlhDsaSha2_128s, SlhDsaSha2_192f, SlhDsaSha2_192s,
    SlhDsaSha2_256f, SlhDsaSha2_256s, SlhDsaShake128f, SlhDsaShake128s, SlhDsaShake192f,
    SlhDsaShake192s, SlhDsaShake256f, SlhDsaShake256s,
};

/// Known-answer testing: the internal functions of FIPS 205 §9, and every signing mode with
/// the caller's `addrnd` instead of fresh randomness.
///
/// FIPS 205 §9: "Other than for testing purposes, the interfaces for key generation and
/// signature generation specified in this section should not be made available to
/// applications". `sign_internal` and `verify_internal` sign and verify the message as given,
/// with no context and no domain separation. The `_with_addrnd` forms give the signatures
/// `sign`, `sign_prehash` and `sign_digest` give when their generator yields `addrnd` (`None`:
/// the deterministic variant, opt_rand = PK.seed), so that an outside tester can replay a
/// known answer without writing a byte-replaying generator. Use [`SigningKey::sign`] and
/// [`VerifyingKey::verify`] in production.
pub mod hazmat {
    use super::{ParameterSet, Signature, SigningKey, VerifyingKey};
    use crate::hash::prehash::MessagePrefix;
    use crate::{Error, PreHash};

    /// FIPS 205, Algorithm 19 (slh_sign_internal) on `msg` as is, with the caller's `addrnd`
    /// (`None`: the deterministic variant, opt_rand = PK.seed).
    pub fn sign_internal<P: ParameterSet>(
        sk: &SigningKey<P>,
        msg: &[u8],
        addrnd: Option<&P::Seed>,
    ) -> Signature<P> {
        sk.sign_parts(&[msg], addrnd.map(AsRef::as_ref))
    }

    /// FIPS 205, Algorithm 20 (slh_verify_internal) on `msg` as is.
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] if the signature does not verify.
    pub fn verify_internal<P: ParameterSet>(
        vk: &VerifyingKey<P>,
        msg: &[u8],
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        vk.verify_parts(&[msg], sig)
    }

    /// FIPS 205, Algorithm 22 (slh_sign) with the caller's `addrnd`: what
    /// [`SigningKey::sign`] gives when its generator yields `addrnd` (`None`: what
    /// [`SigningKey::sign_deterministic`] gives).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn sign_with_addrnd<P: ParameterSet>(
        sk: &SigningKey<P>,
        msg: &[u8],
        ctx: &[u8],
        addrnd: Option<&P::Seed>,
    ) -> Result<Signature<P>, Error> {
        let prefix = MessagePrefix::pure(ctx)?;
        Ok(sk.sign_message(&prefix, msg, addrnd.map(AsRef::as_ref)))
    }

    /// FIPS 205, Algorithm 23 (hash_slh_sign) of PH(`msg`) with the caller's `addrnd`: what
    /// [`SigningKey::sign_prehash`] gives when its generator yields `addrnd` (`None`: the
    /// deterministic variant).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn sign_prehash_with_addrnd<P: ParameterSet>(
        sk: &SigningKey<P>,
        ph: PreHash,
        msg: &[u8],
        ctx: &[u8],
        addrnd: Option<&P::Seed>,
    ) -> Result<Signature<P>, Error> {
        sign_digest_with_addrnd(sk, ph, ph.hash(msg).as_bytes(), ctx, addrnd)
    }

    /// FIPS 205, Algorithm 23 (hash_slh_sign) of a digest the caller computed, with the
    /// caller's `addrnd`: what [`SigningKey::sign_digest`] gives when its generator yields
    /// `addrnd` (`None`: the deterministic variant).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::InvalidLength`]
    /// if `digest` is not `ph.digest_size()` long.
    pub fn sign_digest_with_addrnd<P: ParameterSet>(
        sk: &SigningKey<P>,
        ph: PreHash,
        digest: &[u8],
        ctx: &[u8],
        addrnd: Option<&P::Seed>,
    ) -> Result<Signature<P>, Error> {
        let prefix = MessagePrefix::prehash(ph, ctx)?;
        let digest = ph.digest_from(digest)?;
        Ok(sk.sign_message(&prefix, digest.as_bytes(), addrnd.map(AsRef::as_ref)))
    }
}
