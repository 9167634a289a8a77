//! ML-KEM, the module-lattice key-encapsulation mechanism of FIPS 203, written once for all
//! three parameter sets.
//!
//! Most code uses one of the per-set modules, [`crate::ml_kem_512`], [`crate::ml_kem_768`] or
//! [`crate::ml_kem_1024`], whose types are these generic ones with the parameter set filled
//! in. Code that is itself generic over the parameter set can use this module directly:
//!
//! ```
//! use pqfips::ml_kem::{DecapsulationKey, ParameterSet, MlKem1024};
//!
//! fn key_sizes<P: ParameterSet>() -> (usize, usize) {
//!     (P::ENCAPSULATION_KEY_SIZE, P::CIPHERTEXT_SIZE)
//! }
//! assert_eq!(key_sizes::<MlKem1024>(), (1568, 1568));
//! let dk = DecapsulationKey::<MlKem1024>::from_seed(&[7; 64]);
//! # let _ = dk;
//! ```
//!
//! Layout follows the standard: `k_pke` is §5 (Algorithms 13–15), `kem` is §6–7
//! (Algorithms 16–21), `encode` is §4.2.1 (Algorithms 3–6 and Compress), `sample` is §4.2.2
//! (Algorithms 7–8); the NTT (Algorithms 9–12) is the shared one in `lattice`.

mod encode;
mod k_pke;
mod kem;
mod params;
mod sample;

pub use kem::{
    Ciphertext, DecapsulationKey, EncapsulationKey, SEED_SIZE, SHARED_SECRET_SIZE, SharedSecret,
};
pub use params::{MlKem512, MlKem768, MlKem1024, ParameterSet};

/// The deterministic internal algorithms of FIPS 203 §6, for known-answer testing.
///
/// FIPS 203 §3.3: these interfaces "should not be made available to applications other than
/// for testing purposes"; the randomness of key generation and encapsulation must come from an
/// approved RBG inside the module. Use [`DecapsulationKey::generate`] and
/// [`EncapsulationKey::encapsulate`] in production.
pub mod hazmat {
    use super::{Ciphertext, DecapsulationKey, EncapsulationKey, ParameterSet, SharedSecret};

    /// FIPS 203, Algorithm 16 (ML-KEM.KeyGen_internal) on d and z.
    #[inline(always)]
    pub fn keygen_internal<P: ParameterSet>(d: &[u8; 32], z: &[u8; 32]) -> DecapsulationKey<P> {
        let mut seed = zeroize::Zeroizing::new([0u8; 64]);
        seed[..32].copy_from_slice(d);
        seed[32..].copy_from_slice(z);
        DecapsulationKey::from_seed(&seed)
    }

    /// FIPS 203, Algorithm 17 (ML-KEM.Encaps_internal): encapsulation with the caller's m.
    #[inline(always)]
    pub fn encapsulate_deterministic<P: ParameterSet>(
        ek: &EncapsulationKey<P>,
        m: &[u8; 32],
    ) -> (Ciphertext<P>, SharedSecret) {
        super::kem::encaps_internal(ek, m)
    }

    /// FIPS 203, Algorithm 18 (ML-KEM.Decaps_internal); the same as
    /// [`DecapsulationKey::decapsulate`], named for the known-answer tests.
    #[inline(always)]
    pub fn decapsulate_internal<P: ParameterSet>(
        dk: &DecapsulationKey<P>,
        c: &Ciphertext<P>,
    ) -> SharedSecret {
        super::kem::decaps_internal(dk, c)
    }
}
