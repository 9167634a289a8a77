//! Keccak-f[1600] ×4 in AVX-512VL: 256-bit registers, as in AVX2, but with AVX-512's native
//! rotate (`vprolq`), its three-input logic (`vpternlogq`: the five-way XOR of θ in two
//! instructions, χ in one) and 32 registers, which hold the 25 lanes without spilling.

use core::arch::x86_64::{
    __m256i, _mm256_rol_epi64, _mm256_set1_epi64x, _mm256_ternarylogic_epi64, _mm256_xor_si256,
};

use safe_unaligned_simd::x86_64::{_mm256_loadu_si256, _mm256_storeu_si256};

use super::{RC, States, keccak_round, keccak_rounds};

/// `vpternlogq` immediates: bit (a·4 + b·2 + c) of the immediate is the result for those bits.
const XOR3: i32 = 0x96;
/// a ⊕ (¬b ∧ c).
const CHI: i32 = 0xd2;

#[target_feature(enable = "avx512f,avx512vl")]
#[inline]
fn xor(a: __m256i, b: __m256i) -> __m256i {
    _mm256_xor_si256(a, b)
}

#[target_feature(enable = "avx512f,avx512vl")]
#[inline]
fn xor5(a: __m256i, b: __m256i, c: __m256i, d: __m256i, e: __m256i) -> __m256i {
    let abc = _mm256_ternarylogic_epi64::<XOR3>(a, b, c);
    _mm256_ternarylogic_epi64::<XOR3>(abc, d, e)
}

#[target_feature(enable = "avx512f,avx512vl")]
#[inline]
fn rol<const L: i32, const R: i32>(x: __m256i) -> __m256i {
    _mm256_rol_epi64::<L>(x)
}

#[target_feature(enable = "avx512f,avx512vl")]
#[inline]
fn chi(a: __m256i, b: __m256i, c: __m256i) -> __m256i {
    _mm256_ternarylogic_epi64::<CHI>(a, b, c)
}

#[target_feature(enable = "avx512f,avx512vl")]
#[inline]
fn rc(round: usize) -> __m256i {
    _mm256_set1_epi64x(RC[round] as i64)
}

/// Keccak-f[1600] on four interleaved states.
#[target_feature(enable = "avx512f,avx512vl")]
pub(crate) fn f1600_x4(state: &mut States<4>) {
    let mut a: [__m256i; 25] = core::array::from_fn(|i| _mm256_loadu_si256(&state[i]));
    keccak_rounds!(&mut a);
    for (row, lane) in state.iter_mut().zip(a) {
        _mm256_storeu_si256(row, lane);
    }
}
