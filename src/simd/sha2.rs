//! Entry calls into the multi-buffer SHA-2 kernels of `crate::hash::sha2_mb`: one line each,
//! each behind the token of the instruction set its kernel is compiled for.

#[cfg(target_arch = "x86_64")]
use super::{Avx2, Avx512, Sha};
#[cfg(target_arch = "x86_64")]
use crate::hash::sha2_mb::{Lane256, Lane512, avx2, avx512, sha_ni};

/// SHA-256 on 16 lanes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn sha256_x16(_: Avx512, lanes: &mut [Lane256; 16]) {
    // SAFETY: the `Avx512` token exists only if AVX-512 F, VL, BW and DQ were detected.
    unsafe { avx512::sha256::compress(lanes) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<5120>();
}

/// SHA-256 on 8 lanes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn sha256_x8(_: Avx2, lanes: &mut [Lane256; 8]) {
    // SAFETY: the `Avx2` token exists only if AVX2 was detected.
    unsafe { avx2::sha256::compress(lanes) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<1536>();
}

/// SHA-256 on 2 lanes, interleaved.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn sha256_x2(_: Sha, lanes: &mut [Lane256; 2]) {
    // SAFETY: the `Sha` token exists only if SHA, SSE2, SSSE3 and SSE4.1 were detected.
    unsafe { sha_ni::compress(lanes) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<512>();
}

/// F chains on 16 lanes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn f_chains_x16<const NW: usize>(
    _: Avx512,
    mid: &[u32; 8],
    lanes: &mut [Lane256; 16],
    steps: &[u32; 16],
) {
    // SAFETY: the `Avx512` token exists only if AVX-512 F, VL, BW and DQ were detected.
    unsafe { avx512::sha256::f_chains::<NW>(mid, lanes, steps) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<5120>();
}

/// F chains on 8 lanes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn f_chains_x8<const NW: usize>(
    _: Avx2,
    mid: &[u32; 8],
    lanes: &mut [Lane256; 8],
    steps: &[u32; 8],
) {
    // SAFETY: the `Avx2` token exists only if AVX2 was detected.
    unsafe { avx2::sha256::f_chains::<NW>(mid, lanes, steps) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<3072>();
}

/// F chains on 2 lanes, interleaved.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn f_chains_x2<const NW: usize>(
    _: Sha,
    mid: &[u32; 8],
    lanes: &mut [Lane256; 2],
    steps: &[u32; 2],
) {
    // SAFETY: the `Sha` token exists only if SHA, SSE2, SSSE3 and SSE4.1 were detected.
    unsafe { sha_ni::f_chains::<NW>(mid, lanes, steps) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<512>();
}

/// SHA-512 on 8 lanes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn sha512_x8(_: Avx512, lanes: &mut [Lane512; 8]) {
    // SAFETY: the `Avx512` token exists only if AVX-512 F, VL, BW and DQ were detected.
    unsafe { avx512::sha512::compress(lanes) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<1024>();
}

/// SHA-512 on 4 lanes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn sha512_x4(_: Avx2, lanes: &mut [Lane512; 4]) {
    // SAFETY: the `Avx2` token exists only if AVX2 was detected.
    unsafe { avx2::sha512::compress(lanes) }
    // Its frame held lanes of the states and blocks (see `wipe::spills`).
    crate::wipe::spills::<1536>();
}
