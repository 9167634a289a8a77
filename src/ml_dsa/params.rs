//! The three parameter sets of FIPS 204 §4, Table 1, as data.

use core::fmt::Debug;

use crate::array::ByteArray;
use crate::lattice::{Poly, PolyVec, Q8380417, Rows};

/// Bits dropped from t by Power2Round (FIPS 204 Table 1: d = 13).
pub(crate) const D: u32 = 13;

/// An ML-DSA parameter set (FIPS 204 Table 1). Implemented by [`MlDsa44`], [`MlDsa65`] and
/// [`MlDsa87`] only; the generic types of [`crate::ml_dsa`] take one of them.
pub trait ParameterSet:
    sealed::Sealed + Copy + Default + Debug + Eq + Send + Sync + 'static
{
    /// The name the standard gives, e.g. `"ML-DSA-65"`.
    const NAME: &'static str;
    /// Rows k of the matrix A.
    const K: usize;
    /// Columns ℓ of the matrix A.
    const L: usize;
    /// η: the bound on the coefficients of s₁ and s₂.
    const ETA: i32;
    /// τ: the number of ±1 coefficients of the challenge c.
    const TAU: usize;
    /// γ₁: the range of the mask y.
    const GAMMA1: i32;
    /// γ₂: the low-order rounding range.
    const GAMMA2: i32;
    /// ω: the most hint bits a signature may carry.
    const OMEGA: usize;
    /// λ: collision strength of c̃, in bits; c̃ has λ/4 bytes.
    const LAMBDA: usize;
    /// β = τ·η.
    const BETA: i32 = Self::TAU as i32 * Self::ETA;
    /// Bits per coefficient of s₁ and s₂ in a signing key: bitlen(2η).
    #[doc(hidden)]
    const ETA_BITS: u32 = if Self::ETA == 2 { 3 } else { 4 };
    /// Bits per coefficient of z in a signature: 1 + bitlen(γ₁ − 1).
    #[doc(hidden)]
    const Z_BITS: u32 = Self::GAMMA1.trailing_zeros() + 1;
    /// Bits per coefficient of w₁: bitlen((q − 1)/(2γ₂) − 1).
    #[doc(hidden)]
    const W1_BITS: u32 = if Self::GAMMA2 == (8_380_417 - 1) / 88 {
        6
    } else {
        4
    };
    /// Bytes of c̃.
    const C_TILDE_SIZE: usize = Self::LAMBDA / 4;
    /// Bytes of a verifying (public) key, 32 + 32·k·10.
    const VERIFYING_KEY_SIZE: usize = 32 + 320 * Self::K;
    /// Bytes of an expanded signing (private) key, 128 + 32·((k + ℓ)·bitlen(2η) + d·k).
    const EXPANDED_SIGNING_KEY_SIZE: usize =
        128 + 32 * ((Self::K + Self::L) * Self::ETA_BITS as usize + D as usize * Self::K);
    /// Bytes of a signature, λ/4 + ℓ·32·(1 + bitlen(γ₁ − 1)) + ω + k.
    const SIGNATURE_SIZE: usize =
        Self::C_TILDE_SIZE + Self::L * 32 * Self::Z_BITS as usize + Self::OMEGA + Self::K;

    /// `[u8; VERIFYING_KEY_SIZE]`.
    type VerifyingKeyBytes: ByteArray;
    /// `[u8; EXPANDED_SIGNING_KEY_SIZE]`.
    type ExpandedSigningKeyBytes: ByteArray;
    /// `[u8; SIGNATURE_SIZE]`.
    type SignatureBytes: ByteArray;
    /// `[Poly; K]`.
    #[doc(hidden)]
    type VecK: PolyVec<Q8380417>;
    /// `[Poly; L]`.
    #[doc(hidden)]
    type VecL: PolyVec<Q8380417>;
    /// `[[Poly; L]; K]`: the matrix Â, row by row.
    #[doc(hidden)]
    type Matrix: Rows<Self::VecL>;
}

pub(crate) mod sealed {
    /// Keeps the parameter sets to the three of the standard.
    pub trait Sealed {}
}

macro_rules! parameter_set {
    ($(#[$doc:meta])* $name:ident, $label:literal, k = $k:literal, l = $l:literal, eta = $eta:literal,
     tau = $tau:literal, gamma1 = $gamma1:expr, gamma2 = $gamma2:expr, omega = $omega:literal,
     lambda = $lambda:literal, sizes = ($pk:literal, $sk:literal, $sig:literal)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name;

        impl sealed::Sealed for $name {}

        impl ParameterSet for $name {
            const NAME: &'static str = $label;
            const K: usize = $k;
            const L: usize = $l;
            const ETA: i32 = $eta;
            const TAU: usize = $tau;
            const GAMMA1: i32 = $gamma1;
            const GAMMA2: i32 = $gamma2;
            const OMEGA: usize = $omega;
            const LAMBDA: usize = $lambda;
            type VerifyingKeyBytes = [u8; $pk];
            type ExpandedSigningKeyBytes = [u8; $sk];
            type SignatureBytes = [u8; $sig];
            type VecK = [Poly<Q8380417>; $k];
            type VecL = [Poly<Q8380417>; $l];
            type Matrix = [[Poly<Q8380417>; $l]; $k];
        }

        // The byte sizes of FIPS 204 Table 2 agree with the formulas above.
        const _: () = {
            assert!(<$name as ParameterSet>::VERIFYING_KEY_SIZE == $pk);
            assert!(<$name as ParameterSet>::EXPANDED_SIGNING_KEY_SIZE == $sk);
            assert!(<$name as ParameterSet>::SIGNATURE_SIZE == $sig);
        };
    };
}

parameter_set!(
    /// ML-DSA-44: security category 2.
    MlDsa44, "ML-DSA-44", k = 4, l = 4, eta = 2, tau = 39, gamma1 = 1 << 17,
    gamma2 = (8_380_417 - 1) / 88, omega = 80, lambda = 128, sizes = (1312, 2560, 2420)
);
parameter_set!(
    /// ML-DSA-65: security category 3, the general-purpose choice.
    MlDsa65, "ML-DSA-65", k = 6, l = 5, eta = 4, tau = 49, gamma1 = 1 << 19,
    gamma2 = (8_380_417 - 1) / 32, omega = 55, lambda = 192, sizes = (1952, 4032, 3309)
);
parameter_set!(
    /// ML-DSA-87: security category 5.
    MlDsa87, "ML-DSA-87", k = 8, l = 7, eta = 2, tau = 60, gamma1 = 1 << 19,
    gamma2 = (8_380_417 - 1) / 32, omega = 75, lambda = 256, sizes = (2592, 4896, 4627)
);
