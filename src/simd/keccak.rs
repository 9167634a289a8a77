//! Entry calls into the multi-way Keccak kernels of `hash::keccak`.

use super::{Avx2, Avx512};
use crate::hash::multi_keccak::{States, avx2, avx512, avx512vl};

/// Keccak-f[1600] ×4, AVX2 kernel.
#[inline]
pub(crate) fn f1600_x4_avx2(_: Avx2, state: &mut States<4>) {
    // SAFETY: the `Avx2` token exists only if the CPU has AVX2.
    unsafe { avx2::f1600_x4(state) }
    // Its frame held lanes of the states (see `wipe::spills`).
    crate::wipe::spills::<2048>();
}

/// Keccak-f[1600] ×8 as two ×4 halves, AVX2 kernel.
#[inline]
pub(crate) fn f1600_x8_avx2(_: Avx2, state: &mut States<8>) {
    // SAFETY: the `Avx2` token exists only if the CPU has AVX2.
    unsafe { avx2::f1600_x8(state) }
    // Its frame held lanes of the states (see `wipe::spills`).
    crate::wipe::spills::<3072>();
}

/// Keccak-f[1600] ×4, AVX-512VL kernel on 256-bit registers.
#[inline]
pub(crate) fn f1600_x4_avx512vl(_: Avx512, state: &mut States<4>) {
    // SAFETY: the `Avx512` token exists only if the CPU has AVX-512 F and VL.
    unsafe { avx512vl::f1600_x4(state) }
    // Its frame held lanes of the states (see `wipe::spills`).
    crate::wipe::spills::<512>();
}

/// Keccak-f[1600] ×8, AVX-512F kernel on 512-bit registers.
#[inline]
pub(crate) fn f1600_x8_avx512(_: Avx512, state: &mut States<8>) {
    // SAFETY: the `Avx512` token exists only if the CPU has AVX-512 F.
    unsafe { avx512::f1600_x8(state) }
    // Its frame held lanes of the states (see `wipe::spills`).
    crate::wipe::spills::<768>();
}
