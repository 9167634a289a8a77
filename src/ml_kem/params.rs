//! The three parameter sets of FIPS 203 §8, Table 2, as data.

use core::fmt::Debug;

use crate::array::ByteArray;
use crate::lattice::{Poly, PolyVec, Q3329};

/// An ML-KEM parameter set (FIPS 203 §8). Implemented by [`MlKem512`], [`MlKem768`] and
/// [`MlKem1024`] only; the generic types of [`crate::ml_kem`] take one of them.
pub trait ParameterSet:
    sealed::Sealed + Copy + Default + Debug + Eq + Send + Sync + 'static
{
    /// The name the standard gives, e.g. `"ML-KEM-768"`.
    const NAME: &'static str;
    /// Module rank k.
    const K: usize;
    /// η₁: the CBD parameter of s, e and y.
    const ETA1: usize;
    /// η₂: the CBD parameter of e₁ and e₂.
    const ETA2: usize = 2;
    /// d_u: compression bits of u.
    const DU: u32;
    /// d_v: compression bits of v.
    const DV: u32;
    /// Bytes of an encapsulation key, 384k + 32.
    const ENCAPSULATION_KEY_SIZE: usize = 384 * Self::K + 32;
    /// Bytes of an expanded decapsulation key, 768k + 96.
    const EXPANDED_DECAPSULATION_KEY_SIZE: usize = 768 * Self::K + 96;
    /// Bytes of a ciphertext, 32(d_u·k + d_v).
    const CIPHERTEXT_SIZE: usize = 32 * (Self::DU as usize * Self::K + Self::DV as usize);

    /// `[u8; ENCAPSULATION_KEY_SIZE]`.
    type EncapsulationKeyBytes: ByteArray;
    /// `[u8; EXPANDED_DECAPSULATION_KEY_SIZE]`.
    type ExpandedDecapsulationKeyBytes: ByteArray;
    /// `[u8; CIPHERTEXT_SIZE]`.
    type CiphertextBytes: ByteArray;
    /// `[Poly; K]`: a vector of the module.
    #[doc(hidden)]
    type PolyVec: PolyVec<Q3329>;
}

pub(crate) mod sealed {
    /// Keeps the parameter sets to the three of the standard.
    pub trait Sealed {}
}

macro_rules! parameter_set {
    ($(#[$doc:meta])* $name:ident, $label:literal, k = $k:literal, eta1 = $eta1:literal,
     du = $du:literal, dv = $dv:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name;

        impl sealed::Sealed for $name {}

        impl ParameterSet for $name {
            const NAME: &'static str = $label;
            const K: usize = $k;
            const ETA1: usize = $eta1;
            const DU: u32 = $du;
            const DV: u32 = $dv;
            type EncapsulationKeyBytes = [u8; 384 * $k + 32];
            type ExpandedDecapsulationKeyBytes = [u8; 768 * $k + 96];
            type CiphertextBytes = [u8; 32 * ($du * $k + $dv)];
            type PolyVec = [Poly<Q3329>; $k];
        }
    };
}

parameter_set!(
    /// ML-KEM-512: security category 1.
    MlKem512, "ML-KEM-512", k = 2, eta1 = 3, du = 10, dv = 4
);
parameter_set!(
    /// ML-KEM-768: security category 3, the general-purpose choice.
    MlKem768, "ML-KEM-768", k = 3, eta1 = 2, du = 10, dv = 4
);
parameter_set!(
    /// ML-KEM-1024: security category 5.
    MlKem1024, "ML-KEM-1024", k = 4, eta1 = 2, du = 11, dv = 5
);
