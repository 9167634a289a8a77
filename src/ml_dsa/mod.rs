//! ML-DSA, the module-lattice digital signature algorithm of FIPS 204, written once for all
//! three parameter sets.
//!
//! Most code uses one of the per-set modules, [`crate::ml_dsa_44`], [`crate::ml_dsa_65`] or
//! [`crate::ml_dsa_87`], whose types are these generic ones with the parameter set filled in.
//! Code generic over the parameter set uses this module and [`ParameterSet`]:
//!
//! ```
//! use pqfips::ml_dsa::{MlDsa87, ParameterSet, SigningKey};
//!
//! fn sizes<P: ParameterSet>() -> (usize, usize) {
//!     (P::VERIFYING_KEY_SIZE, P::SIGNATURE_SIZE)
//! }
//! assert_eq!(sizes::<MlDsa87>(), (2592, 4627));
//! let sk = SigningKey::<MlDsa87>::from_seed(&[7; 32]);
//! let sig = sk.sign_deterministic(b"message", b"context")?;
//! sk.verifying_key().verify(b"message", b"context", &sig)?;
//! # Ok::<(), pqfips::Error>(())
//! ```
//!
//! ## Streaming: external μ
//! Signing hashes the message once, into the 64-byte representative μ = H(tr ‖ M′, 64). For a
//! message that arrives in parts or does not fit in memory, compute μ incrementally from the
//! verifying key (possibly elsewhere, FIPS 204 Algorithm 7 line 6 allows it) and sign μ. Every
//! μ entry point, in one list:
//!
//! - [`VerifyingKey::message_representative`]`(ctx)` starts a [`MuBuilder`];
//!   [`MuBuilder::update`] absorbs parts, [`MuBuilder::finalize`] gives the [`Mu`]. A μ
//!   computed elsewhere comes in with `Mu::from([u8; 64])`.
//! - [`SigningKey::sign_mu`] (hedged) and [`SigningKey::sign_mu_deterministic`] sign it;
//!   [`VerifyingKey::verify_mu`] and [`PreparedVerifyingKey::verify_mu`] verify it.
//! - For known-answer testing, [`hazmat::sign_mu_with_rnd`] signs it with the caller's `rnd`
//!   and [`hazmat::verify_mu`] verifies it.
//! - With the `signature` feature, the multipart traits sign and verify through the same
//!   builder.
//!
//! ```
//! # use pqfips::ml_dsa_65::SigningKey;
//! # fn main() -> Result<(), pqfips::Error> {
//! # let sk = SigningKey::from_seed(&[1; 32]);
//! # let vk = sk.verifying_key();
//! let mu = vk.message_representative(b"ctx")?.update(b"part 1, ").update(b"part 2").finalize();
//! let sig = sk.sign_mu_deterministic(&mu);
//! vk.verify(b"part 1, part 2", b"ctx", &sig)?;
//! vk.verify_mu(&mu, &sig)?;
//! # Ok(())
//! # }
//! ```
//!
//! Layout follows the standard: `keys` is §5 (Algorithms 1–5) with the public types, `sign` and
//! `verify` are §6 (Algorithms 6–8), `encode` is §7.1–7.2 (Algorithms 9–28), `sample` is §7.3
//! (Algorithms 29–34), `rounding` is §7.4 (Algorithms 35–40); the NTT (Algorithms 41–49) is
//! the shared one in `lattice`.

mod encode;
mod keys;
mod params;
mod rounding;
mod sample;
mod sample_x4;
mod sign;
mod verify;

pub use keys::{
    MU_SIZE, Mu, MuBuilder, PreparedVerifyingKey, SEED_SIZE, Signature, SigningKey, VerifyingKey,
};
pub use params::{MlDsa44, MlDsa65, MlDsa87, ParameterSet};

/// Known-answer testing: the internal algorithms of FIPS 204 §6, and every signing mode with
/// the caller's `rnd` instead of fresh randomness.
///
/// FIPS 204 §3.6: the internal functions take the formatted message M′ and the randomness as
/// inputs; applications should use [`SigningKey::sign`] and [`VerifyingKey::verify`], which
/// build M′ (with its context string) and draw `rnd` themselves. The `_with_rnd` forms give
/// the signatures `sign`, `sign_prehash`, `sign_digest` and `sign_mu` give when their
/// generator yields `rnd` (32 zero bytes: the deterministic variant), so that an outside tester
/// can replay a known answer without writing a byte-replaying generator.
pub mod hazmat {
    use super::{Mu, ParameterSet, Signature, SigningKey, VerifyingKey};
    use crate::{Error, PreHash};

    /// FIPS 204, Algorithm 6 (ML-DSA.KeyGen_internal); the same as [`SigningKey::from_seed`].
    pub fn keygen_internal<P: ParameterSet>(xi: &[u8; 32]) -> SigningKey<P> {
        SigningKey::from_seed(xi)
    }

    /// FIPS 204, Algorithm 7 (ML-DSA.Sign_internal) on the formatted message M′ with the
    /// caller's `rnd` (32 zero bytes for the deterministic variant).
    pub fn sign_internal<P: ParameterSet>(
        sk: &SigningKey<P>,
        m_prime: &[u8],
        rnd: &[u8; 32],
    ) -> Signature<P> {
        let mu = sk.verifying_key().mu(&[m_prime]);
        super::sign::sign_mu(sk, mu.as_bytes(), rnd)
    }

    /// FIPS 204, Algorithm 8 (ML-DSA.Verify_internal) on the formatted message M′.
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] if the signature does not verify or is malformed.
    pub fn verify_internal<P: ParameterSet>(
        vk: &VerifyingKey<P>,
        m_prime: &[u8],
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        vk.verify_mu(&vk.mu(&[m_prime]), sig)
    }

    /// FIPS 204, Algorithm 2 (ML-DSA.Sign) with the caller's `rnd`: what
    /// [`SigningKey::sign`] gives when its generator yields `rnd`.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn sign_with_rnd<P: ParameterSet>(
        sk: &SigningKey<P>,
        msg: &[u8],
        ctx: &[u8],
        rnd: &[u8; 32],
    ) -> Result<Signature<P>, Error> {
        let mu = sk.verifying_key().pure_mu(msg, ctx)?;
        Ok(sign_mu_with_rnd(sk, &mu, rnd))
    }

    /// FIPS 204, Algorithm 4 (HashML-DSA.Sign) of PH(`msg`) with the caller's `rnd`: what
    /// [`SigningKey::sign_prehash`] gives when its generator yields `rnd`.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn sign_prehash_with_rnd<P: ParameterSet>(
        sk: &SigningKey<P>,
        ph: PreHash,
        msg: &[u8],
        ctx: &[u8],
        rnd: &[u8; 32],
    ) -> Result<Signature<P>, Error> {
        sign_digest_with_rnd(sk, ph, ph.hash(msg).as_bytes(), ctx, rnd)
    }

    /// FIPS 204, Algorithm 4 (HashML-DSA.Sign) of a digest the caller computed, with the
    /// caller's `rnd`: what [`SigningKey::sign_digest`] gives when its generator yields `rnd`.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::InvalidLength`]
    /// if `digest` is not `ph.digest_size()` bytes.
    pub fn sign_digest_with_rnd<P: ParameterSet>(
        sk: &SigningKey<P>,
        ph: PreHash,
        digest: &[u8],
        ctx: &[u8],
        rnd: &[u8; 32],
    ) -> Result<Signature<P>, Error> {
        let mu = sk.verifying_key().prehash_mu(ph, digest, ctx)?;
        Ok(sign_mu_with_rnd(sk, &mu, rnd))
    }

    /// FIPS 204, Algorithm 7 (ML-DSA.Sign_internal) from line 7, on an external μ, with the
    /// caller's `rnd`: what [`SigningKey::sign_mu`] gives when its generator yields `rnd`.
    pub fn sign_mu_with_rnd<P: ParameterSet>(
        sk: &SigningKey<P>,
        mu: &Mu,
        rnd: &[u8; 32],
    ) -> Signature<P> {
        super::sign::sign_mu(sk, mu.as_bytes(), rnd)
    }

    /// FIPS 204, Algorithm 8 (ML-DSA.Verify_internal) from line 8, on an external μ; the same
    /// as [`VerifyingKey::verify_mu`], here beside the signing forms.
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] if the signature does not verify or is malformed.
    pub fn verify_mu<P: ParameterSet>(
        vk: &VerifyingKey<P>,
        mu: &Mu,
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        vk.verify_mu(mu, sig)
    }
}
