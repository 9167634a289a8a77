//! Entry calls into the lattice kernels of `crate::lattice::backend::{avx2, avx512}`.
//!
//! Each is one call of a safe `#[target_feature]` kernel, made `unsafe` only because this
//! module is compiled without those features; the token argument proves that [`level`] saw
//! them on this CPU. The kernels' contracts (bounds of inputs) are those of the portable
//! backend; nothing here depends on them for memory safety.
//!
//! [`level`]: super::level

use super::{Avx2, Avx512};
use crate::lattice::N;
use crate::lattice::backend::{avx2, avx512};

/// `avx2::ntt16`.
#[inline]
pub(crate) fn avx2_ntt16(_: Avx2, a: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::ntt16(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<1024>();
}

/// `avx2::inv_ntt16`.
#[inline]
pub(crate) fn avx2_inv_ntt16(_: Avx2, a: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::inv_ntt16(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<1024>();
}

/// `avx2::base_mul16`.
#[inline]
pub(crate) fn avx2_base_mul16(_: Avx2, acc: &mut [i16; N], a: &[i16; N], b: &[i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::base_mul16(acc, a, b) }
}

/// `avx2::base_mul_cache16`.
#[inline]
pub(crate) fn avx2_base_mul_cache16(_: Avx2, b: &[i16; N], cache: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::base_mul_cache16(b, cache) }
}

/// `avx2::base_mul_cached16`.
#[inline]
pub(crate) fn avx2_base_mul_cached16(
    _: Avx2,
    acc: &mut [i16; N],
    a: &[i16; N],
    b: &[i16; N],
    cache: &[i16; N],
) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::base_mul_cached16(acc, a, b, cache) }
}

/// `avx2::reduce16`.
#[inline]
pub(crate) fn avx2_reduce16(_: Avx2, a: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::reduce16(a) }
}

/// `avx2::mul_r16`.
#[inline]
pub(crate) fn avx2_mul_r16(_: Avx2, a: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::mul_r16(a) }
}

/// `avx2::canonicalize16`.
#[inline]
pub(crate) fn avx2_canonicalize16(_: Avx2, a: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::canonicalize16(a) }
}

/// `avx2::compress16`.
#[inline]
pub(crate) fn avx2_compress16(_: Avx2, d: u32, a: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::compress16(d, a) }
}

/// `avx2::decompress16`.
#[inline]
pub(crate) fn avx2_decompress16(_: Avx2, d: u32, a: &mut [i16; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::decompress16(d, a) }
}

/// `avx2::rej_uniform16`.
#[inline]
pub(crate) fn avx2_rej_uniform16(_: Avx2, bytes: &[u8], out: &mut [i16]) -> usize {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::rej_uniform16(bytes, out) }
}

/// `avx2::ntt32`.
#[inline]
pub(crate) fn avx2_ntt32(_: Avx2, a: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::ntt32(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<1280>();
}

/// `avx2::inv_ntt32`.
#[inline]
pub(crate) fn avx2_inv_ntt32(_: Avx2, a: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::inv_ntt32(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<1280>();
}

/// `avx2::pointwise32`.
#[inline]
pub(crate) fn avx2_pointwise32(_: Avx2, acc: &mut [i32; N], a: &[i32; N], b: &[i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::pointwise32(acc, a, b) }
}

/// `avx2::reduce32`.
#[inline]
pub(crate) fn avx2_reduce32(_: Avx2, a: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::reduce32(a) }
}

/// `avx2::mul_r32`.
#[inline]
pub(crate) fn avx2_mul_r32(_: Avx2, a: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::mul_r32(a) }
}

/// `avx2::canonicalize32`.
#[inline]
pub(crate) fn avx2_canonicalize32(_: Avx2, a: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::canonicalize32(a) }
}

/// `avx2::rej_uniform32`.
#[inline]
pub(crate) fn avx2_rej_uniform32(_: Avx2, bytes: &[u8], out: &mut [i32]) -> usize {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::rej_uniform32(bytes, out) }
}

/// `avx2::power2round`.
#[inline]
pub(crate) fn avx2_power2round(_: Avx2, t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::power2round(t, t1, t0) }
}

/// `avx2::decompose`.
#[inline]
pub(crate) fn avx2_decompose<const GAMMA2: i32>(
    _: Avx2,
    r: &[i32; N],
    r1: &mut [i32; N],
    r0: &mut [i32; N],
) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::decompose::<GAMMA2>(r, r1, r0) }
}

/// `avx2::high_bits`.
#[inline]
pub(crate) fn avx2_high_bits<const GAMMA2: i32>(_: Avx2, r: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::high_bits::<GAMMA2>(r) }
}

/// `avx2::low_bits`.
#[inline]
pub(crate) fn avx2_low_bits<const GAMMA2: i32>(_: Avx2, r: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::low_bits::<GAMMA2>(r) }
}

/// `avx2::make_hint`.
#[inline]
pub(crate) fn avx2_make_hint<const GAMMA2: i32>(
    _: Avx2,
    r_plus_z: &[i32; N],
    r: &[i32; N],
) -> [u64; 4] {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::make_hint::<GAMMA2>(r_plus_z, r) }
}

/// `avx2::use_hint`.
#[inline]
pub(crate) fn avx2_use_hint<const GAMMA2: i32>(_: Avx2, hints: &[u64; 4], r: &mut [i32; N]) {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::use_hint::<GAMMA2>(hints, r) }
}

/// `avx2::norm_at_least`.
#[inline]
pub(crate) fn avx2_norm_at_least(_: Avx2, a: &[i32; N], bound: i32) -> u32 {
    // SAFETY: the `Avx2` token exists only after CPUID reported AVX2.
    unsafe { avx2::norm_at_least(a, bound) }
}

/// `avx512::ntt16`.
#[inline]
pub(crate) fn avx512_ntt16(_: Avx512, a: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::ntt16(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<768>();
}

/// `avx512::inv_ntt16`.
#[inline]
pub(crate) fn avx512_inv_ntt16(_: Avx512, a: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::inv_ntt16(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<768>();
}

/// `avx512::base_mul16`.
#[inline]
pub(crate) fn avx512_base_mul16(_: Avx512, acc: &mut [i16; N], a: &[i16; N], b: &[i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::base_mul16(acc, a, b) }
}

/// `avx512::base_mul_cache16`.
#[inline]
pub(crate) fn avx512_base_mul_cache16(_: Avx512, b: &[i16; N], cache: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::base_mul_cache16(b, cache) }
}

/// `avx512::base_mul_cached16`.
#[inline]
pub(crate) fn avx512_base_mul_cached16(
    _: Avx512,
    acc: &mut [i16; N],
    a: &[i16; N],
    b: &[i16; N],
    cache: &[i16; N],
) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::base_mul_cached16(acc, a, b, cache) }
}

/// `avx512::reduce16`.
#[inline]
pub(crate) fn avx512_reduce16(_: Avx512, a: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::reduce16(a) }
}

/// `avx512::mul_r16`.
#[inline]
pub(crate) fn avx512_mul_r16(_: Avx512, a: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::mul_r16(a) }
}

/// `avx512::canonicalize16`.
#[inline]
pub(crate) fn avx512_canonicalize16(_: Avx512, a: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::canonicalize16(a) }
}

/// `avx512::compress16`.
#[inline]
pub(crate) fn avx512_compress16(_: Avx512, d: u32, a: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::compress16(d, a) }
}

/// `avx512::decompress16`.
#[inline]
pub(crate) fn avx512_decompress16(_: Avx512, d: u32, a: &mut [i16; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::decompress16(d, a) }
}

/// `avx512::rej_uniform16`.
#[inline]
pub(crate) fn avx512_rej_uniform16(_: Avx512, bytes: &[u8], out: &mut [i16]) -> usize {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::rej_uniform16(bytes, out) }
}

/// `avx512::ntt32`.
#[inline]
pub(crate) fn avx512_ntt32(_: Avx512, a: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::ntt32(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<1280>();
}

/// `avx512::inv_ntt32`.
#[inline]
pub(crate) fn avx512_inv_ntt32(_: Avx512, a: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::inv_ntt32(a) }
    // Its frame held lanes of the polynomial (see `wipe::spills`).
    crate::wipe::spills::<1280>();
}

/// `avx512::pointwise32`.
#[inline]
pub(crate) fn avx512_pointwise32(_: Avx512, acc: &mut [i32; N], a: &[i32; N], b: &[i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::pointwise32(acc, a, b) }
}

/// `avx512::reduce32`.
#[inline]
pub(crate) fn avx512_reduce32(_: Avx512, a: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::reduce32(a) }
}

/// `avx512::mul_r32`.
#[inline]
pub(crate) fn avx512_mul_r32(_: Avx512, a: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::mul_r32(a) }
}

/// `avx512::canonicalize32`.
#[inline]
pub(crate) fn avx512_canonicalize32(_: Avx512, a: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::canonicalize32(a) }
}

/// `avx512::rej_uniform32`.
#[inline]
pub(crate) fn avx512_rej_uniform32(_: Avx512, bytes: &[u8], out: &mut [i32]) -> usize {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::rej_uniform32(bytes, out) }
}

/// `avx512::power2round`.
#[inline]
pub(crate) fn avx512_power2round(_: Avx512, t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::power2round(t, t1, t0) }
}

/// `avx512::decompose`.
#[inline]
pub(crate) fn avx512_decompose<const GAMMA2: i32>(
    _: Avx512,
    r: &[i32; N],
    r1: &mut [i32; N],
    r0: &mut [i32; N],
) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::decompose::<GAMMA2>(r, r1, r0) }
}

/// `avx512::high_bits`.
#[inline]
pub(crate) fn avx512_high_bits<const GAMMA2: i32>(_: Avx512, r: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::high_bits::<GAMMA2>(r) }
}

/// `avx512::low_bits`.
#[inline]
pub(crate) fn avx512_low_bits<const GAMMA2: i32>(_: Avx512, r: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::low_bits::<GAMMA2>(r) }
}

/// `avx512::make_hint`.
#[inline]
pub(crate) fn avx512_make_hint<const GAMMA2: i32>(
    _: Avx512,
    r_plus_z: &[i32; N],
    r: &[i32; N],
) -> [u64; 4] {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::make_hint::<GAMMA2>(r_plus_z, r) }
}

/// `avx512::use_hint`.
#[inline]
pub(crate) fn avx512_use_hint<const GAMMA2: i32>(_: Avx512, hints: &[u64; 4], r: &mut [i32; N]) {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::use_hint::<GAMMA2>(hints, r) }
}

/// `avx512::norm_at_least`.
#[inline]
pub(crate) fn avx512_norm_at_least(_: Avx512, a: &[i32; N], bound: i32) -> u32 {
    // SAFETY: the `Avx512` token exists only after CPUID reported AVX-512 F, VL, BW, DQ and AVX2.
    unsafe { avx512::norm_at_least(a, bound) }
}
