//! SHA-256 on 16 lanes and SHA-512 on 8, one lane per element of a 512-bit register (AVX-512 F
//! and BW). The rounds are the shared straight-line source of `rounds.rs`; what is particular
//! here is the operations (native rotates, ternary logic for Ch, Maj and the three-way XORs)
//! and the loads: each lane's block is loaded whole, byte-swapped, and the lanes × words matrix
//! transposed in registers, so that no word of a block passes through a stack buffer.

use core::arch::x86_64::*;

use safe_unaligned_simd::x86_64::{
    _mm256_loadu_si256, _mm256_storeu_si256, _mm512_loadu_si512, _mm512_storeu_si512,
};

use super::{K256, K512, Lane256, Lane512, chunk};

/// The permutation indices of one transpose stage (see `swap`): for the first row of a pair,
/// then for the second, as `_mm512_permutex2var` reads them (0..L from the first operand,
/// L..2L from the second).
const fn swap_indices<const L: usize>(d: usize) -> [[i64; L]; 2] {
    let mut idx = [[0; L]; 2];
    let mut c = 0;
    while c < L {
        if c & d == 0 {
            idx[0][c] = c as i64;
            idx[1][c] = (c + d) as i64;
        } else {
            idx[0][c] = (L + c - d) as i64;
            idx[1][c] = (L + c) as i64;
        }
        c += 1;
    }
    idx
}

/// `_mm512_ternarylogic` immediates: bit (a << 2 | b << 1 | c) of the immediate is the result
/// for input bits a, b, c. Ch is "a ? b : c", Maj the majority, and the three-way XOR.
const CH: i32 = 0xca;
const MAJ: i32 = 0xe8;
const XOR3: i32 = 0x96;

/// Byte order reversal within each `$size`-byte word of a 128-bit lane, for `_mm512_shuffle_epi8`.
const fn bswap_indices(size: usize) -> [u8; 64] {
    let mut idx = [0; 64];
    let mut i = 0;
    while i < 64 {
        idx[i] = ((i % 16) / size * size + size - 1 - i % size) as u8;
        i += 1;
    }
    idx
}

pub(crate) mod sha256 {
    use super::*;

    type V = __m512i;

    /// The stage indices as 32-bit elements.
    const fn swap32(d: usize) -> [[i32; 16]; 2] {
        let wide = swap_indices::<16>(d);
        let mut idx = [[0; 16]; 2];
        let mut c = 0;
        while c < 16 {
            idx[0][c] = wide[0][c] as i32;
            idx[1][c] = wide[1][c] as i32;
            c += 1;
        }
        idx
    }
    pub(super) const SWAP: [[[i32; 16]; 2]; 4] = [swap32(8), swap32(4), swap32(2), swap32(1)];
    pub(super) const BSWAP: [u8; 64] = bswap_indices(4);

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn add(a: V, b: V) -> V {
        _mm512_add_epi32(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn and(a: V, b: V) -> V {
        _mm512_and_si512(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn or(a: V, b: V) -> V {
        _mm512_or_si512(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn shl16(a: V) -> V {
        _mm512_slli_epi32::<16>(a)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn shr16(a: V) -> V {
        _mm512_srli_epi32::<16>(a)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn splat(x: u32) -> V {
        _mm512_set1_epi32(x as i32)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn ch(e: V, f: V, g: V) -> V {
        _mm512_ternarylogic_epi32::<CH>(e, f, g)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn maj(a: V, b: V, c: V) -> V {
        _mm512_ternarylogic_epi32::<MAJ>(a, b, c)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn xor3(a: V, b: V, c: V) -> V {
        _mm512_ternarylogic_epi32::<XOR3>(a, b, c)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn bsig0(x: V) -> V {
        xor3(
            _mm512_ror_epi32::<2>(x),
            _mm512_ror_epi32::<13>(x),
            _mm512_ror_epi32::<22>(x),
        )
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn bsig1(x: V) -> V {
        xor3(
            _mm512_ror_epi32::<6>(x),
            _mm512_ror_epi32::<11>(x),
            _mm512_ror_epi32::<25>(x),
        )
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn ssig0(x: V) -> V {
        xor3(
            _mm512_ror_epi32::<7>(x),
            _mm512_ror_epi32::<18>(x),
            _mm512_srli_epi32::<3>(x),
        )
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn ssig1(x: V) -> V {
        xor3(
            _mm512_ror_epi32::<17>(x),
            _mm512_ror_epi32::<19>(x),
            _mm512_srli_epi32::<10>(x),
        )
    }

    /// The mask of the lanes whose step count exceeds `t`.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn below(t: u32, steps: V) -> __mmask16 {
        _mm512_cmplt_epu32_mask(splat(t), steps)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn select(mask: __mmask16, if_set: V, if_clear: V) -> V {
        _mm512_mask_blend_epi32(mask, if_clear, if_set)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn load_steps(steps: &[u32; 16]) -> V {
        _mm512_loadu_si512(steps)
    }

    /// Transposes the 16 × 16 matrix of words `m` in four stages; the stage for bit d
    /// exchanges, between rows i and i + d (bit d of i clear), the elements whose column has
    /// bit d set in row i with those whose column has it clear in row i + d.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn transpose(m: &mut [V; 16]) {
        transpose_stage::<8, 0>(m);
        transpose_stage::<4, 1>(m);
        transpose_stage::<2, 2>(m);
        transpose_stage::<1, 3>(m);
    }

    /// Stage `S` of [`transpose`], for bit `D`: the eight pairs of rows (i, i + D), with
    /// constant indices once unrolled, so that nothing is bounds-checked (a branch).
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn transpose_stage<const D: usize, const S: usize>(m: &mut [V; 16]) {
        let first = _mm512_loadu_si512(&SWAP[S][0]);
        let second = _mm512_loadu_si512(&SWAP[S][1]);
        for k in 0..8 {
            let i = k / D * 2 * D + k % D;
            let (a, b) = (m[i], m[i + D]);
            m[i] = _mm512_permutex2var_epi32(a, first, b);
            m[i + D] = _mm512_permutex2var_epi32(a, second, b);
        }
    }

    /// The 16 message words of every lane, word j of lane l at element l of row j.
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw")]
    fn load_blocks(lanes: &[Lane256; 16]) -> [V; 16] {
        let bswap = _mm512_loadu_si512(&BSWAP);
        let mut m = [_mm512_setzero_si512(); 16];
        for (row, lane) in m.iter_mut().zip(lanes) {
            *row = _mm512_shuffle_epi8(_mm512_loadu_si512(&lane.block), bswap);
        }
        transpose(&mut m);
        m
    }

    #[inline]
    #[target_feature(enable = "avx512f,avx512bw")]
    fn store_blocks(mut m: [V; 16], lanes: &mut [Lane256; 16]) {
        let bswap = _mm512_loadu_si512(&BSWAP);
        transpose(&mut m);
        for (row, lane) in m.into_iter().zip(lanes) {
            _mm512_storeu_si512(&mut lane.block, _mm512_shuffle_epi8(row, bswap));
        }
    }

    /// The chaining states, word j of lane l at element l of row j (rows 8 to 15 are zero
    /// before the transpose, and ignored).
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn load_states(lanes: &[Lane256; 16]) -> [V; 8] {
        let mut m = [_mm512_setzero_si512(); 16];
        for (row, lane) in m.iter_mut().zip(lanes) {
            *row = _mm512_zextsi256_si512(_mm256_loadu_si256(&lane.state));
        }
        transpose(&mut m);
        let mut s = [m[0]; 8];
        s.copy_from_slice(&m[..8]);
        s
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn store_states(s: [V; 8], lanes: &mut [Lane256; 16]) {
        let mut m = [_mm512_setzero_si512(); 16];
        m[..8].copy_from_slice(&s);
        transpose(&mut m);
        for (row, lane) in m.into_iter().zip(lanes) {
            _mm256_storeu_si256(&mut lane.state, _mm512_castsi512_si256(row));
        }
    }

    /// Compresses every lane's block into its state.
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(crate) fn compress(lanes: &mut [Lane256; 16]) {
        let mut w = load_blocks(lanes);
        let mut s = load_states(lanes);
        sha2_compress!(s, w, K256);
        store_states(s, lanes);
    }

    /// The F chains of `super::super::f_chains`, 16 at a time.
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(crate) fn f_chains<const NW: usize>(
        mid: &[u32; 8],
        lanes: &mut [Lane256; 16],
        steps: &[u32; 16],
    ) {
        f_chains_body!(mid, lanes, steps);
    }
}

pub(crate) mod sha512 {
    use super::*;

    type V = __m512i;

    pub(super) const SWAP: [[[i64; 8]; 2]; 3] = [
        swap_indices::<8>(4),
        swap_indices::<8>(2),
        swap_indices::<8>(1),
    ];
    pub(super) const BSWAP: [u8; 64] = bswap_indices(8);

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn add(a: V, b: V) -> V {
        _mm512_add_epi64(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn splat(x: u64) -> V {
        _mm512_set1_epi64(x as i64)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn ch(e: V, f: V, g: V) -> V {
        _mm512_ternarylogic_epi64::<CH>(e, f, g)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn maj(a: V, b: V, c: V) -> V {
        _mm512_ternarylogic_epi64::<MAJ>(a, b, c)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn xor3(a: V, b: V, c: V) -> V {
        _mm512_ternarylogic_epi64::<XOR3>(a, b, c)
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn bsig0(x: V) -> V {
        xor3(
            _mm512_ror_epi64::<28>(x),
            _mm512_ror_epi64::<34>(x),
            _mm512_ror_epi64::<39>(x),
        )
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn bsig1(x: V) -> V {
        xor3(
            _mm512_ror_epi64::<14>(x),
            _mm512_ror_epi64::<18>(x),
            _mm512_ror_epi64::<41>(x),
        )
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn ssig0(x: V) -> V {
        xor3(
            _mm512_ror_epi64::<1>(x),
            _mm512_ror_epi64::<8>(x),
            _mm512_srli_epi64::<7>(x),
        )
    }

    #[inline]
    #[target_feature(enable = "avx512f")]
    fn ssig1(x: V) -> V {
        xor3(
            _mm512_ror_epi64::<19>(x),
            _mm512_ror_epi64::<61>(x),
            _mm512_srli_epi64::<6>(x),
        )
    }

    /// Transposes the 8 × 8 matrix of words `m` (as in the SHA-256 module, three stages).
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn transpose(m: &mut [V; 8]) {
        for (stage, d) in [4, 2, 1].into_iter().enumerate() {
            let first = _mm512_loadu_si512(&SWAP[stage][0]);
            let second = _mm512_loadu_si512(&SWAP[stage][1]);
            for i in (0..8).filter(|i| i & d == 0) {
                let (a, b) = (m[i], m[i + d]);
                m[i] = _mm512_permutex2var_epi64(a, first, b);
                m[i + d] = _mm512_permutex2var_epi64(a, second, b);
            }
        }
    }

    /// Compresses every lane's block into its state.
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(crate) fn compress(lanes: &mut [Lane512; 8]) {
        let bswap = _mm512_loadu_si512(&BSWAP);
        let mut w = [_mm512_setzero_si512(); 16];
        let mut s = [_mm512_setzero_si512(); 8];
        for half in 0..2 {
            let mut m = [_mm512_setzero_si512(); 8];
            for (row, lane) in m.iter_mut().zip(lanes.iter()) {
                let bytes: &[u8; 64] = chunk(&lane.block, half);
                *row = _mm512_shuffle_epi8(_mm512_loadu_si512(bytes), bswap);
            }
            transpose(&mut m);
            w[8 * half..8 * half + 8].copy_from_slice(&m);
        }
        for (row, lane) in s.iter_mut().zip(lanes.iter()) {
            *row = _mm512_loadu_si512(&lane.state);
        }
        transpose(&mut s);
        sha2_compress!(s, w, K512);
        transpose(&mut s);
        for (row, lane) in s.into_iter().zip(lanes.iter_mut()) {
            _mm512_storeu_si512(&mut lane.state, row);
        }
    }
}

/// The tables and immediates above, checked by simulating the instructions that read them on
/// plain arrays (as Intel's pseudocode defines them), so that they are tested on every machine,
/// AVX-512 or not; the kernels themselves are checked against the portable code in
/// `super::tests` wherever the CPU runs them.
#[cfg(test)]
mod tests {
    use super::*;

    /// `_mm512_permutex2var`: element c of the result is a[idx[c]] below L, b[idx[c] − L] above.
    fn permutex2var<const L: usize>(a: [u32; L], idx: [i64; L], b: [u32; L]) -> [u32; L] {
        core::array::from_fn(|c| {
            let i = idx[c] as usize;
            if i < L { a[i] } else { b[i - L] }
        })
    }

    fn transposes<const L: usize>(stages: &[[[i64; L]; 2]], ds: &[usize]) {
        let mut m: [[u32; L]; L] =
            core::array::from_fn(|r| core::array::from_fn(|c| (r * L + c) as u32));
        for (idx, &d) in stages.iter().zip(ds) {
            for i in (0..L).filter(|i| i & d == 0) {
                let (a, b) = (m[i], m[i + d]);
                m[i] = permutex2var(a, idx[0], b);
                m[i + d] = permutex2var(a, idx[1], b);
            }
        }
        for (r, row) in m.iter().enumerate() {
            for (c, &x) in row.iter().enumerate() {
                assert_eq!(x, (c * L + r) as u32, "L = {L}: ({r}, {c})");
            }
        }
    }

    #[test]
    fn the_transpose_stages_transpose() {
        let wide = sha256::SWAP.map(|stage| stage.map(|row| row.map(i64::from)));
        transposes::<16>(&wide, &[8, 4, 2, 1]);
        transposes::<8>(&sha512::SWAP, &[4, 2, 1]);
    }

    #[test]
    fn the_byte_swaps_reverse_each_word() {
        for (table, size) in [(sha256::BSWAP, 4), (sha512::BSWAP, 8)] {
            // `_mm512_shuffle_epi8` indexes within each 128-bit lane.
            let src: [u8; 64] = core::array::from_fn(|i| i as u8);
            let out: [u8; 64] =
                core::array::from_fn(|i| src[i / 16 * 16 + usize::from(table[i] & 15)]);
            for (word, swapped) in src.chunks(size).zip(out.chunks(size)) {
                assert!(swapped.iter().eq(word.iter().rev()), "{size}-byte words");
            }
        }
    }

    #[test]
    fn the_ternary_immediates_are_ch_maj_and_xor() {
        let imm = |f: fn(bool, bool, bool) -> bool| {
            (0..8).fold(0, |acc, i| {
                acc | (i32::from(f(i & 4 != 0, i & 2 != 0, i & 1 != 0)) << i)
            })
        };
        assert_eq!(CH, imm(|a, b, c| if a { b } else { c }));
        assert_eq!(
            MAJ,
            imm(|a, b, c| u8::from(a) + u8::from(b) + u8::from(c) >= 2)
        );
        assert_eq!(XOR3, imm(|a, b, c| a ^ b ^ c));
    }
}
