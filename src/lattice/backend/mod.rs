//! The hot loops of the lattice algorithms behind narrow traits, and the dispatcher that picks
//! an implementation at run time.
//!
//! [`Portable`] is plain Rust written so that the compiler vectorises it; it is always present
//! and is the reference the SIMD backends are tested against, bit for bit. On x86-64,
//! `avx2::Avx2` and `avx512::Avx512` run `#[target_feature]` kernels; each holds the token that
//! proves the CPU has its features, so a value of either type can only exist on such a CPU.
//! [`Active`] is what [`super::Poly`] calls: it asks [`crate::simd::level`] once per operation
//! on a whole polynomial and forwards to one of them.
//!
//! Every backend keeps the standard coefficient order at this boundary: the algorithms and the
//! encodings never see a permutation (the SIMD NTTs transpose inside their registers and back).

#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2;
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx512;
#[cfg(target_arch = "x86_64")]
mod layout;
mod portable;
#[cfg(test)]
mod tests;

pub(crate) use portable::Portable;

use super::{Field, N, Q3329, Q8380417};
use crate::simd;
#[cfg(target_arch = "x86_64")]
use crate::simd::Level;

/// The operations a backend provides for the field `F`. Each takes whole polynomials (or byte
/// streams), never single coefficients, so that an implementation can keep them in registers.
pub(crate) trait Backend<F: Field>: Copy {
    /// Forward NTT (FIPS 203 Algorithm 9, FIPS 204 Algorithm 41); output reduced.
    fn ntt(self, a: &mut [F::Coeff; N]);
    /// Inverse NTT (FIPS 203 Algorithm 10, FIPS 204 Algorithm 42) times R; input reduced.
    fn inv_ntt(self, a: &mut [F::Coeff; N]);
    /// `acc += a ∘ b · R⁻¹` (FIPS 203 Algorithms 11 and 12; FIPS 204 pointwise product).
    fn multiply_ntts_acc(self, acc: &mut [F::Coeff; N], a: &[F::Coeff; N], b: &[F::Coeff; N]);
    /// Centred reduction of every coefficient.
    fn reduce(self, a: &mut [F::Coeff; N]);
    /// Multiplication of every coefficient by R.
    fn mul_r(self, a: &mut [F::Coeff; N]);
    /// |c| < q to [0, q), branch-free.
    fn canonicalize(self, a: &mut [F::Coeff; N]);
    /// Compress_d of canonical coefficients, without division.
    fn compress(self, d: u32, a: &mut [F::Coeff; N]);
    /// Decompress_d.
    fn decompress(self, d: u32, a: &mut [F::Coeff; N]);
    /// Uniform rejection sampling from 3-byte groups; returns the number of coefficients written.
    /// The bytes are public (the seed of Â): the kernels may branch and index on them.
    fn rej_uniform(self, bytes: &[u8], out: &mut [F::Coeff]) -> usize;
}

/// ML-KEM's base multiplication with the factor γ of each degree-2 factor folded into the
/// second operand ahead of time: for a vector multiplied by every row of Â, the k² products
/// then skip one Montgomery multiplication each.
// Not yet called by ml_kem: its matrix–vector products adopt it separately.
#[allow(dead_code)]
pub(crate) trait BaseMulCache: Copy {
    /// `cache = b` with every odd coefficient b₂ᵢ₊₁ replaced by b₂ᵢ₊₁·γᵢ·R⁻¹, γᵢ the constant of
    /// its factor X² − γᵢ (FIPS 203 Algorithm 11); input |b| < q, output |c| < q.
    fn base_mul_cache(self, b: &[i16; N], cache: &mut [i16; N]);
    /// `acc += a ∘ b · R⁻¹` as [`Backend::multiply_ntts_acc`], with `cache` from
    /// [`BaseMulCache::base_mul_cache`] of `b`. Same bounds; the result is congruent to, not
    /// bit-identical with, the uncached product (γ is applied to b₁ rather than to a₁·b₁).
    fn multiply_ntts_acc_cached(
        self,
        acc: &mut [i16; N],
        a: &[i16; N],
        b: &[i16; N],
        cache: &[i16; N],
    );
}

/// ML-DSA's rounding (FIPS 204 §7.4) and norm check over whole polynomials, q = 8380417.
/// `GAMMA2` is γ₂ of the parameter set: (q − 1)/88 or (q − 1)/32. Inputs of the rounding
/// functions are canonical, in [0, q). Everything but `use_hint` may see secrets: no branch, no
/// index on a coefficient.
// `decompose` (both halves at once) is not called: ML-DSA needs one half at a time.
#[allow(dead_code)]
pub(crate) trait Rounding: Copy {
    /// FIPS 204, Algorithm 35 (Power2Round) of every coefficient: `t = t1·2^d + t0`.
    fn power2round(self, t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]);
    /// FIPS 204, Algorithm 36 (Decompose) of every coefficient.
    fn decompose<const GAMMA2: i32>(self, r: &[i32; N], r1: &mut [i32; N], r0: &mut [i32; N]);
    /// FIPS 204, Algorithm 37 (HighBits) of every coefficient, in place.
    fn high_bits<const GAMMA2: i32>(self, r: &mut [i32; N]);
    /// FIPS 204, Algorithm 38 (LowBits) of every coefficient, in place.
    fn low_bits<const GAMMA2: i32>(self, r: &mut [i32; N]);
    /// FIPS 204, Algorithm 39 (MakeHint) of every coefficient, given r + z and r: bit j % 64 of
    /// word j / 64 is the hint of coefficient j.
    fn make_hint<const GAMMA2: i32>(self, r_plus_z: &[i32; N], r: &[i32; N]) -> [u64; 4];
    /// FIPS 204, Algorithm 40 (UseHint) of every coefficient, in place, with the hints laid out
    /// as [`Rounding::make_hint`] returns them. Verification only: all inputs are public.
    fn use_hint<const GAMMA2: i32>(self, hints: &[u64; 4], r: &mut [i32; N]);
    /// 1 if some centred coefficient has |c| ≥ `bound`, else 0, after looking at every one.
    fn norm_at_least(self, a: &[i32; N], bound: i32) -> u32;
}

/// The backend in use: the best the CPU has (or what a test forced), asked once per call.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Active;

/// `body` with `$b` bound to the backend of the current [`simd::level`].
macro_rules! on_level {
    ($b:ident => $body:expr) => {
        match simd::level() {
            #[cfg(target_arch = "x86_64")]
            Level::Avx512(token) => {
                let $b = avx512::Avx512(token);
                $body
            }
            #[cfg(target_arch = "x86_64")]
            Level::Avx2(token) => {
                let $b = avx2::Avx2(token);
                $body
            }
            _ => {
                let $b = Portable;
                $body
            }
        }
    };
}

/// The dispatching implementation of [`Backend`] for one field. Inlined, so that the portable
/// code keeps the constant lengths of its callers (measured: rej_uniform's loop lost them
/// behind an out-of-line dispatch, 1.2 % more instructions in ML-KEM and ML-DSA).
macro_rules! dispatch {
    ($field:ty) => {
        impl Backend<$field> for Active {
            #[inline]
            fn ntt(self, a: &mut [<$field as Field>::Coeff; N]) {
                on_level!(b => Backend::<$field>::ntt(b, a))
            }
            #[inline]
            fn inv_ntt(self, a: &mut [<$field as Field>::Coeff; N]) {
                on_level!(b => Backend::<$field>::inv_ntt(b, a))
            }
            #[inline]
            fn multiply_ntts_acc(
                self,
                acc: &mut [<$field as Field>::Coeff; N],
                a: &[<$field as Field>::Coeff; N],
                x: &[<$field as Field>::Coeff; N],
            ) {
                on_level!(b => Backend::<$field>::multiply_ntts_acc(b, acc, a, x))
            }
            #[inline]
            fn reduce(self, a: &mut [<$field as Field>::Coeff; N]) {
                on_level!(b => Backend::<$field>::reduce(b, a))
            }
            #[inline]
            fn mul_r(self, a: &mut [<$field as Field>::Coeff; N]) {
                on_level!(b => Backend::<$field>::mul_r(b, a))
            }
            #[inline]
            fn canonicalize(self, a: &mut [<$field as Field>::Coeff; N]) {
                on_level!(b => Backend::<$field>::canonicalize(b, a))
            }
            #[inline]
            fn compress(self, d: u32, a: &mut [<$field as Field>::Coeff; N]) {
                on_level!(b => Backend::<$field>::compress(b, d, a))
            }
            #[inline]
            fn decompress(self, d: u32, a: &mut [<$field as Field>::Coeff; N]) {
                on_level!(b => Backend::<$field>::decompress(b, d, a))
            }
            // Always: ML-DSA's call site kept it out of line with `#[inline]` alone.
            #[inline(always)]
            fn rej_uniform(self, bytes: &[u8], out: &mut [<$field as Field>::Coeff]) -> usize {
                on_level!(b => Backend::<$field>::rej_uniform(b, bytes, out))
            }
        }
    };
}

dispatch!(Q3329);
dispatch!(Q8380417);

impl BaseMulCache for Active {
    fn base_mul_cache(self, b: &[i16; N], cache: &mut [i16; N]) {
        on_level!(k => k.base_mul_cache(b, cache))
    }
    fn multiply_ntts_acc_cached(
        self,
        acc: &mut [i16; N],
        a: &[i16; N],
        b: &[i16; N],
        cache: &[i16; N],
    ) {
        on_level!(k => k.multiply_ntts_acc_cached(acc, a, b, cache))
    }
}

impl Rounding for Active {
    fn power2round(self, t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]) {
        on_level!(b => b.power2round(t, t1, t0))
    }
    fn decompose<const GAMMA2: i32>(self, r: &[i32; N], r1: &mut [i32; N], r0: &mut [i32; N]) {
        on_level!(b => b.decompose::<GAMMA2>(r, r1, r0))
    }
    fn high_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        on_level!(b => b.high_bits::<GAMMA2>(r))
    }
    fn low_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        on_level!(b => b.low_bits::<GAMMA2>(r))
    }
    fn make_hint<const GAMMA2: i32>(self, r_plus_z: &[i32; N], r: &[i32; N]) -> [u64; 4] {
        on_level!(b => b.make_hint::<GAMMA2>(r_plus_z, r))
    }
    fn use_hint<const GAMMA2: i32>(self, hints: &[u64; 4], r: &mut [i32; N]) {
        on_level!(b => b.use_hint::<GAMMA2>(hints, r))
    }
    fn norm_at_least(self, a: &[i32; N], bound: i32) -> u32 {
        on_level!(b => b.norm_at_least(a, bound))
    }
}
