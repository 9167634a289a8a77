//! The whole-polynomial operations of the lattice backend in use, for microbenchmarks only
//! (the internal `force-backend` feature; not part of the public API). Each takes and returns
//! plain coefficient arrays in the standard order, with the bounds the backend trait states.

use super::backend::{Active, Backend, BaseMulCache};
use super::{N, Q3329, Q8380417};

/// Forward NTT, q = 3329; input |c| < q.
pub fn ntt_q3329(a: &mut [i16; N]) {
    Backend::<Q3329>::ntt(Active, a);
}

/// Inverse NTT times R, q = 3329; input |c| ≤ q/2.
pub fn inv_ntt_q3329(a: &mut [i16; N]) {
    Backend::<Q3329>::inv_ntt(Active, a);
}

/// Forward NTT, q = 8380417; input |c| < q.
pub fn ntt_q8380417(a: &mut [i32; N]) {
    Backend::<Q8380417>::ntt(Active, a);
}

/// Inverse NTT times R, q = 8380417; input |c| ≤ q/2.
pub fn inv_ntt_q8380417(a: &mut [i32; N]) {
    Backend::<Q8380417>::inv_ntt(Active, a);
}

/// `acc += a ∘ b · R⁻¹`, q = 3329 (base multiplication); inputs |c| < q.
pub fn multiply_ntts_acc_q3329(acc: &mut [i16; N], a: &[i16; N], b: &[i16; N]) {
    Backend::<Q3329>::multiply_ntts_acc(Active, acc, a, b);
}

/// The γ cache of `b` for [`multiply_ntts_acc_cached_q3329`].
pub fn base_mul_cache_q3329(b: &[i16; N], cache: &mut [i16; N]) {
    Active.base_mul_cache(b, cache);
}

/// `acc += a ∘ b · R⁻¹`, q = 3329, with the γ cache of `b`.
pub fn multiply_ntts_acc_cached_q3329(
    acc: &mut [i16; N],
    a: &[i16; N],
    b: &[i16; N],
    cache: &[i16; N],
) {
    Active.multiply_ntts_acc_cached(acc, a, b, cache);
}

/// `acc += a ∘ b · R⁻¹`, q = 8380417 (pointwise); inputs |c| < q.
pub fn multiply_ntts_acc_q8380417(acc: &mut [i32; N], a: &[i32; N], b: &[i32; N]) {
    Backend::<Q8380417>::multiply_ntts_acc(Active, acc, a, b);
}
