//! Keccak-f[1600] ×8 in AVX-512F: one 512-bit register holds a lane of eight states; native
//! rotates, three-input logic and 32 registers, as in the AVX-512VL ×4 kernel.

use core::arch::x86_64::{
    __m512i, _mm512_rol_epi64, _mm512_set1_epi64, _mm512_ternarylogic_epi64, _mm512_xor_si512,
};

use safe_unaligned_simd::x86_64::{_mm512_loadu_si512, _mm512_storeu_si512};

use super::{RC, States, keccak_round, keccak_rounds};

/// `vpternlogq` immediates: bit (a·4 + b·2 + c) of the immediate is the result for those bits.
const XOR3: i32 = 0x96;
/// a ⊕ (¬b ∧ c).
const CHI: i32 = 0xd2;

#[target_feature(enable = "avx512f")]
#[inline]
fn xor(a: __m512i, b: __m512i) -> __m512i {
    _mm512_xor_si512(a, b)
}

#[target_feature(enable = "avx512f")]
#[inline]
fn xor5(a: __m512i, b: __m512i, c: __m512i, d: __m512i, e: __m512i) -> __m512i {
    let abc = _mm512_ternarylogic_epi64::<XOR3>(a, b, c);
    _mm512_ternarylogic_epi64::<XOR3>(abc, d, e)
}

#[target_feature(enable = "avx512f")]
#[inline]
fn rol<const L: i32, const R: i32>(x: __m512i) -> __m512i {
    _mm512_rol_epi64::<L>(x)
}

#[target_feature(enable = "avx512f")]
#[inline]
fn chi(a: __m512i, b: __m512i, c: __m512i) -> __m512i {
    _mm512_ternarylogic_epi64::<CHI>(a, b, c)
}

#[target_feature(enable = "avx512f")]
#[inline]
fn rc(round: usize) -> __m512i {
    _mm512_set1_epi64(RC[round] as i64)
}

/// Keccak-f[1600] on eight interleaved states.
#[target_feature(enable = "avx512f")]
pub(crate) fn f1600_x8(state: &mut States<8>) {
    let mut a: [__m512i; 25] = core::array::from_fn(|i| _mm512_loadu_si512(&state[i]));
    keccak_rounds!(&mut a);
    for (row, lane) in state.iter_mut().zip(a) {
        _mm512_storeu_si512(row, lane);
    }
}
