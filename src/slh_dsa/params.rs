//! The twelve parameter sets of FIPS 205 §11, Table 2, as data, and the quantities derived
//! from them (§5 Equations 5.1–5.4, §9 for m, Figures 15–17 for the sizes).

use core::fmt::Debug;

use super::hash::{HashSuite, Sha2, Shake};
use crate::array::ByteArray;

/// An SLH-DSA parameter set (FIPS 205 §11, Table 2). Implemented by the twelve sets of the
/// standard only; the generic types of [`crate::slh_dsa`] take one of them.
pub trait ParameterSet:
    sealed::Sealed + Copy + Default + Debug + Eq + Send + Sync + 'static
{
    /// The name the standard gives, e.g. `"SLH-DSA-SHA2-128s"`.
    const NAME: &'static str;
    /// Security parameter n: bytes of every hash output, seed and signature element.
    const N: usize;
    /// Total height h of the hypertree.
    const H: usize;
    /// Number d of hypertree layers.
    const D: usize;
    /// Height h′ = h/d of each XMSS tree.
    const HP: usize = Self::H / Self::D;
    /// Height a of each FORS tree (t = 2^a leaves).
    const A: usize;
    /// Number k of FORS trees.
    const K: usize;
    /// lg_w: bits per WOTS+ hash chain (4 for every set of the standard).
    const LGW: usize = 4;
    /// w = 2^lg_w (Equation 5.1).
    const W: usize = 1 << Self::LGW;
    /// len₁ = ⌈8n / lg_w⌉ (Equation 5.2).
    const LEN1: usize = (8 * Self::N).div_ceil(Self::LGW);
    /// len₂ (Equation 5.3), from Algorithm 1.
    const LEN2: usize = gen_len2(Self::N, Self::LGW);
    /// len = len₁ + len₂ (Equation 5.4): chains per WOTS+ key.
    const LEN: usize = Self::LEN1 + Self::LEN2;
    /// Bytes m of the message digest: ⌈(h − h′)/8⌉ + ⌈h′/8⌉ + ⌈k·a/8⌉ (§9).
    const M: usize = Self::MD_BYTES + Self::TREE_BYTES + Self::LEAF_BYTES;
    /// ⌈k·a/8⌉: the digest bytes FORS signs.
    #[doc(hidden)]
    const MD_BYTES: usize = (Self::K * Self::A).div_ceil(8);
    /// ⌈(h − h/d)/8⌉: the digest bytes that pick the XMSS tree of the bottom layer.
    #[doc(hidden)]
    const TREE_BYTES: usize = (Self::H - Self::HP).div_ceil(8);
    /// ⌈h/(8d)⌉: the digest bytes that pick the WOTS+ (and FORS) key in that tree.
    #[doc(hidden)]
    const LEAF_BYTES: usize = Self::HP.div_ceil(8);
    /// Bytes of a verifying key PK.seed ‖ PK.root (Figure 16).
    const VERIFYING_KEY_SIZE: usize = 2 * Self::N;
    /// Bytes of a signing key SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root (Figure 15).
    const SIGNING_KEY_SIZE: usize = 4 * Self::N;
    /// Bytes of SIG_FORS, k(1 + a)·n (Figure 14).
    const FORS_SIGNATURE_SIZE: usize = Self::K * (1 + Self::A) * Self::N;
    /// Bytes of one XMSS signature, (len + h′)·n (Figure 11).
    const XMSS_SIGNATURE_SIZE: usize = (Self::LEN + Self::HP) * Self::N;
    /// Bytes of a signature R ‖ SIG_FORS ‖ SIG_HT, (1 + k(1 + a) + h + d·len)·n (Figure 17).
    const SIGNATURE_SIZE: usize = signature_size(Self::N, Self::H, Self::D, Self::A, Self::K);

    /// `[u8; N]`: a seed.
    type Seed: ByteArray;
    /// `[u8; VERIFYING_KEY_SIZE]`.
    type VerifyingKeyBytes: ByteArray;
    /// `[u8; SIGNING_KEY_SIZE]`.
    type SigningKeyBytes: ByteArray;
    /// `[u8; SIGNATURE_SIZE]`.
    type SignatureBytes: ByteArray;
    /// The instantiation of PRF_msg, H_msg, PRF, T_ℓ, H and F (FIPS 205 §11.1 or §11.2).
    #[doc(hidden)]
    type Hash: HashSuite;
}

pub(crate) mod sealed {
    /// Keeps the parameter sets to the twelve of the standard.
    pub trait Sealed {}
}

/// FIPS 205, Algorithm 1 (gen_len2): len₂ from n and lg_w, evaluated at compile time.
/// Crate-private: defined only for the lg_w of the standard's sets (it panics for lg_w = 0).
pub(crate) const fn gen_len2(n: usize, lg_w: usize) -> usize {
    // 1: w ← 2^lg_w
    let w = 1 << lg_w;
    // 2: len₁ ← ⌊(8n + lg_w − 1)/lg_w⌋ = ⌈8n/lg_w⌉
    let len1 = (8 * n).div_ceil(lg_w);
    // 3: max_checksum ← len₁·(w − 1)
    let max_checksum = len1 * (w - 1);
    // 4–9: the number of base-w digits needed to write max_checksum
    let mut len2 = 1;
    let mut capacity = w;
    while capacity <= max_checksum {
        len2 += 1;
        capacity *= w;
    }
    len2
}

/// (1 + k(1 + a) + h + d·len)·n with len = 2n + 3 (lg_w = 4), for the array types below.
const fn signature_size(n: usize, h: usize, d: usize, a: usize, k: usize) -> usize {
    let len = 2 * n + gen_len2(n, 4);
    (1 + k * (1 + a) + h + d * len) * n
}

macro_rules! parameter_set {
    ($(#[$doc:meta])* $name:ident, $label:literal, $hash:ident,
     n = $n:literal, h = $h:literal, d = $d:literal, a = $a:literal, k = $k:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name;

        impl sealed::Sealed for $name {}

        impl ParameterSet for $name {
            const NAME: &'static str = $label;
            const N: usize = $n;
            const H: usize = $h;
            const D: usize = $d;
            const A: usize = $a;
            const K: usize = $k;
            type Seed = [u8; $n];
            type VerifyingKeyBytes = [u8; 2 * $n];
            type SigningKeyBytes = [u8; 4 * $n];
            type SignatureBytes = [u8; signature_size($n, $h, $d, $a, $k)];
            type Hash = $hash<$n>;
        }
    };
}

parameter_set!(
    /// SLH-DSA-SHA2-128s: security category 1, small signatures.
    SlhDsaSha2_128s, "SLH-DSA-SHA2-128s", Sha2, n = 16, h = 63, d = 7, a = 12, k = 14
);
parameter_set!(
    /// SLH-DSA-SHAKE-128s: security category 1, small signatures.
    SlhDsaShake128s, "SLH-DSA-SHAKE-128s", Shake, n = 16, h = 63, d = 7, a = 12, k = 14
);
parameter_set!(
    /// SLH-DSA-SHA2-128f: security category 1, fast signing.
    SlhDsaSha2_128f, "SLH-DSA-SHA2-128f", Sha2, n = 16, h = 66, d = 22, a = 6, k = 33
);
parameter_set!(
    /// SLH-DSA-SHAKE-128f: security category 1, fast signing.
    SlhDsaShake128f, "SLH-DSA-SHAKE-128f", Shake, n = 16, h = 66, d = 22, a = 6, k = 33
);
parameter_set!(
    /// SLH-DSA-SHA2-192s: security category 3, small signatures.
    SlhDsaSha2_192s, "SLH-DSA-SHA2-192s", Sha2, n = 24, h = 63, d = 7, a = 14, k = 17
);
parameter_set!(
    /// SLH-DSA-SHAKE-192s: security category 3, small signatures.
    SlhDsaShake192s, "SLH-DSA-SHAKE-192s", Shake, n = 24, h = 63, d = 7, a = 14, k = 17
);
parameter_set!(
    /// SLH-DSA-SHA2-192f: security category 3, fast signing.
    SlhDsaSha2_192f, "SLH-DSA-SHA2-192f", Sha2, n = 24, h = 66, d = 22, a = 8, k = 33
);
parameter_set!(
    /// SLH-DSA-SHAKE-192f: security category 3, fast signing.
    SlhDsaShake192f, "SLH-DSA-SHAKE-192f", Shake, n = 24, h = 66, d = 22, a = 8, k = 33
);
parameter_set!(
    /// SLH-DSA-SHA2-256s: security category 5, small signatures.
    SlhDsaSha2_256s, "SLH-DSA-SHA2-256s", Sha2, n = 32, h = 64, d = 8, a = 14, k = 22
);
parameter_set!(
    /// SLH-DSA-SHAKE-256s: security category 5, small signatures.
    SlhDsaShake256s, "SLH-DSA-SHAKE-256s", Shake, n = 32, h = 64, d = 8, a = 14, k = 22
);
parameter_set!(
    /// SLH-DSA-SHA2-256f: security category 5, fast signing.
    SlhDsaSha2_256f, "SLH-DSA-SHA2-256f", Sha2, n = 32, h = 68, d = 17, a = 9, k = 35
);
parameter_set!(
    /// SLH-DSA-SHAKE-256f: security category 5, fast signing.
    SlhDsaShake256f, "SLH-DSA-SHAKE-256f", Shake, n = 32, h = 68, d = 17, a = 9, k = 35
);

#[cfg(test)]
mod tests {
    use super::*;

    fn table_2<P: ParameterSet>() -> (usize, usize, usize, usize, usize) {
        (
            P::HP,
            P::M,
            P::VERIFYING_KEY_SIZE,
            P::SIGNATURE_SIZE,
            P::LEN2,
        )
    }

    #[test]
    fn derived_values_match_table_2() {
        assert_eq!(table_2::<SlhDsaSha2_128s>(), (9, 30, 32, 7856, 3));
        assert_eq!(table_2::<SlhDsaShake128f>(), (3, 34, 32, 17088, 3));
        assert_eq!(table_2::<SlhDsaSha2_192s>(), (9, 39, 48, 16224, 3));
        assert_eq!(table_2::<SlhDsaShake192f>(), (3, 42, 48, 35664, 3));
        assert_eq!(table_2::<SlhDsaSha2_256s>(), (8, 47, 64, 29792, 3));
        assert_eq!(table_2::<SlhDsaShake256f>(), (4, 49, 64, 49856, 3));
    }
}
