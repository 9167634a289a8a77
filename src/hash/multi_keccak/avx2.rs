//! Keccak-f[1600] ×4 in AVX2: one 256-bit register holds a lane of four states.
//!
//! AVX2 has 16 registers for the 25 lanes and no rotate instruction (two shifts and an OR, or a
//! byte shuffle for the rotations by 8 and 56), so this is the slowest of the SIMD kernels; it
//! is what a CPU without AVX-512 gets.

use core::arch::x86_64::{
    __m256i, _mm256_andnot_si256, _mm256_or_si256, _mm256_set1_epi64x, _mm256_setr_epi8,
    _mm256_shuffle_epi8, _mm256_slli_epi64, _mm256_srli_epi64, _mm256_xor_si256,
};

use safe_unaligned_simd::x86_64::{_mm256_loadu_si256, _mm256_storeu_si256};
use zeroize::Zeroize;

use super::{RC, States, keccak_round, keccak_rounds};

#[target_feature(enable = "avx2")]
#[inline]
fn xor(a: __m256i, b: __m256i) -> __m256i {
    _mm256_xor_si256(a, b)
}

#[target_feature(enable = "avx2")]
#[inline]
fn xor5(a: __m256i, b: __m256i, c: __m256i, d: __m256i, e: __m256i) -> __m256i {
    xor(xor(xor(a, b), xor(c, d)), e)
}

/// Left rotation of each 64-bit lane by `L` (`R` = 64 − `L`). The rotations by whole bytes are
/// one byte shuffle, which runs on another port than the shifts.
#[target_feature(enable = "avx2")]
#[inline]
fn rol<const L: i32, const R: i32>(x: __m256i) -> __m256i {
    match L {
        8 => _mm256_shuffle_epi8(
            x,
            _mm256_setr_epi8(
                7, 0, 1, 2, 3, 4, 5, 6, 15, 8, 9, 10, 11, 12, 13, 14, 7, 0, 1, 2, 3, 4, 5, 6, 15,
                8, 9, 10, 11, 12, 13, 14,
            ),
        ),
        56 => _mm256_shuffle_epi8(
            x,
            _mm256_setr_epi8(
                1, 2, 3, 4, 5, 6, 7, 0, 9, 10, 11, 12, 13, 14, 15, 8, 1, 2, 3, 4, 5, 6, 7, 0, 9,
                10, 11, 12, 13, 14, 15, 8,
            ),
        ),
        _ => _mm256_or_si256(_mm256_slli_epi64::<L>(x), _mm256_srli_epi64::<R>(x)),
    }
}

/// χ on one lane: a ⊕ (¬b ∧ c).
#[target_feature(enable = "avx2")]
#[inline]
fn chi(a: __m256i, b: __m256i, c: __m256i) -> __m256i {
    xor(a, _mm256_andnot_si256(b, c))
}

#[target_feature(enable = "avx2")]
#[inline]
fn rc(round: usize) -> __m256i {
    _mm256_set1_epi64x(RC[round] as i64)
}

/// The 24 rounds on lanes held in registers.
#[target_feature(enable = "avx2")]
#[inline]
fn permute(a: &mut [__m256i; 25]) {
    keccak_rounds!(&mut *a);
}

/// Keccak-f[1600] on four interleaved states.
#[target_feature(enable = "avx2")]
pub(crate) fn f1600_x4(state: &mut States<4>) {
    let mut a = core::array::from_fn(|i| _mm256_loadu_si256(&state[i]));
    permute(&mut a);
    for (row, lane) in state.iter_mut().zip(a) {
        _mm256_storeu_si256(row, lane);
    }
    // `a` is a copy of the states in this frame (the compiler passes it to `permute` in memory).
    a.zeroize();
}

/// Keccak-f[1600] on eight interleaved states: the four-way permutation on each half.
#[target_feature(enable = "avx2")]
pub(crate) fn f1600_x8(state: &mut States<8>) {
    let mut lo = core::array::from_fn(|i| {
        let [l0, l1, l2, l3, ..] = state[i];
        _mm256_loadu_si256(&[l0, l1, l2, l3])
    });
    let mut hi = core::array::from_fn(|i| {
        let [.., h0, h1, h2, h3] = state[i];
        _mm256_loadu_si256(&[h0, h1, h2, h3])
    });
    permute(&mut lo);
    permute(&mut hi);
    let (mut l, mut h) = ([0; 4], [0; 4]);
    for ((row, lo), hi) in state.iter_mut().zip(lo).zip(hi) {
        _mm256_storeu_si256(&mut l, lo);
        _mm256_storeu_si256(&mut h, hi);
        *row = [l[0], l[1], l[2], l[3], h[0], h[1], h[2], h[3]];
    }
    // Copies of the states in this frame.
    lo.zeroize();
    hi.zeroize();
    l.zeroize();
    h.zeroize();
}
