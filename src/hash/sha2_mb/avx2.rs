//! SHA-256 on 8 lanes and SHA-512 on 4, one lane per element of a 256-bit register (AVX2): the
//! same rounds as the AVX-512 kernels (`rounds.rs`), with rotates made of two shifts and Ch,
//! Maj and the XORs of two-operand instructions. Blocks are loaded per lane, byte-swapped, and
//! transposed in registers as in `avx512.rs`.

use core::arch::x86_64::*;

use safe_unaligned_simd::x86_64::{_mm256_loadu_si256, _mm256_storeu_si256};

use super::{K256, K512, Lane256, Lane512, chunk, chunk_mut};

type V = __m256i;

/// Byte order reversal within each `size`-byte word, for `_mm256_shuffle_epi8` (which shuffles
/// within each 128-bit half).
const fn bswap_indices(size: usize) -> [u8; 32] {
    let mut idx = [0; 32];
    let mut i = 0;
    while i < 32 {
        idx[i] = ((i % 16) / size * size + size - 1 - i % size) as u8;
        i += 1;
    }
    idx
}

#[inline]
#[target_feature(enable = "avx2")]
fn xor3(a: V, b: V, c: V) -> V {
    _mm256_xor_si256(_mm256_xor_si256(a, b), c)
}

#[inline]
#[target_feature(enable = "avx2")]
fn ch(e: V, f: V, g: V) -> V {
    _mm256_xor_si256(_mm256_and_si256(e, f), _mm256_andnot_si256(e, g))
}

#[inline]
#[target_feature(enable = "avx2")]
fn maj(a: V, b: V, c: V) -> V {
    _mm256_or_si256(
        _mm256_and_si256(a, b),
        _mm256_and_si256(c, _mm256_or_si256(a, b)),
    )
}

/// One transpose stage (see `avx512.rs`) for bit 4 of 8 × 8 words or bit 2 of 4 × 4 double
/// words: the 128-bit halves.
#[inline]
#[target_feature(enable = "avx2")]
fn swap_halves(a: V, b: V) -> (V, V) {
    (
        _mm256_permute2x128_si256::<0x20>(a, b),
        _mm256_permute2x128_si256::<0x31>(a, b),
    )
}

/// The stage for bit 2 of 8 × 8 words, or bit 1 of 4 × 4 double words: 64-bit elements.
#[inline]
#[target_feature(enable = "avx2")]
fn swap_pairs(a: V, b: V) -> (V, V) {
    (_mm256_unpacklo_epi64(a, b), _mm256_unpackhi_epi64(a, b))
}

pub(crate) mod sha256 {
    use super::*;

    const BSWAP: [u8; 32] = bswap_indices(4);

    macro_rules! ror {
        ($x:expr, $n:literal) => {
            _mm256_or_si256(
                _mm256_srli_epi32::<$n>($x),
                _mm256_slli_epi32::<{ 32 - $n }>($x),
            )
        };
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn add(a: V, b: V) -> V {
        _mm256_add_epi32(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn and(a: V, b: V) -> V {
        _mm256_and_si256(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn or(a: V, b: V) -> V {
        _mm256_or_si256(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn shl16(a: V) -> V {
        _mm256_slli_epi32::<16>(a)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn shr16(a: V) -> V {
        _mm256_srli_epi32::<16>(a)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn splat(x: u32) -> V {
        _mm256_set1_epi32(x as i32)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn bsig0(x: V) -> V {
        xor3(ror!(x, 2), ror!(x, 13), ror!(x, 22))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn bsig1(x: V) -> V {
        xor3(ror!(x, 6), ror!(x, 11), ror!(x, 25))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn ssig0(x: V) -> V {
        xor3(ror!(x, 7), ror!(x, 18), _mm256_srli_epi32::<3>(x))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn ssig1(x: V) -> V {
        xor3(ror!(x, 17), ror!(x, 19), _mm256_srli_epi32::<10>(x))
    }

    /// The mask of the lanes whose step count exceeds `t` (step counts are far below 2^31).
    #[inline]
    #[target_feature(enable = "avx2")]
    fn below(t: u32, steps: V) -> V {
        _mm256_cmpgt_epi32(steps, splat(t))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn select(mask: V, if_set: V, if_clear: V) -> V {
        _mm256_blendv_epi8(if_clear, if_set, mask)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn load_steps(steps: &[u32; 8]) -> V {
        _mm256_loadu_si256(steps)
    }

    /// Transposes the 8 × 8 matrix of words `m` (the three stages of `avx512.rs`).
    #[inline]
    #[target_feature(enable = "avx2")]
    fn transpose(m: &mut [V; 8]) {
        for i in [0, 1, 2, 3] {
            (m[i], m[i + 4]) = swap_halves(m[i], m[i + 4]);
        }
        for i in [0, 1, 4, 5] {
            (m[i], m[i + 2]) = swap_pairs(m[i], m[i + 2]);
        }
        for i in [0, 2, 4, 6] {
            let (a, b) = (m[i], m[i + 1]);
            m[i] = _mm256_blend_epi32::<0b1010_1010>(a, _mm256_slli_epi64::<32>(b));
            m[i + 1] = _mm256_blend_epi32::<0b1010_1010>(_mm256_srli_epi64::<32>(a), b);
        }
    }

    /// The 16 message words of every lane, word j of lane l at element l of row j.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn load_blocks(lanes: &[Lane256; 8]) -> [V; 16] {
        let bswap = _mm256_loadu_si256(&BSWAP);
        let mut w = [_mm256_setzero_si256(); 16];
        for half in 0..2 {
            let mut m = [_mm256_setzero_si256(); 8];
            for (row, lane) in m.iter_mut().zip(lanes) {
                let bytes: &[u8; 32] = chunk(&lane.block, half);
                *row = _mm256_shuffle_epi8(_mm256_loadu_si256(bytes), bswap);
            }
            transpose(&mut m);
            w[8 * half..8 * half + 8].copy_from_slice(&m);
        }
        w
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn store_blocks(w: [V; 16], lanes: &mut [Lane256; 8]) {
        let bswap = _mm256_loadu_si256(&BSWAP);
        for half in 0..2 {
            let mut m = [_mm256_setzero_si256(); 8];
            m.copy_from_slice(&w[8 * half..8 * half + 8]);
            transpose(&mut m);
            for (row, lane) in m.into_iter().zip(lanes.iter_mut()) {
                let bytes: &mut [u8; 32] = chunk_mut(&mut lane.block, half);
                _mm256_storeu_si256(bytes, _mm256_shuffle_epi8(row, bswap));
            }
        }
    }

    /// Compresses every lane's block into its state.
    #[target_feature(enable = "avx2")]
    pub(crate) fn compress(lanes: &mut [Lane256; 8]) {
        let mut w = load_blocks(lanes);
        let mut s = [_mm256_setzero_si256(); 8];
        for (row, lane) in s.iter_mut().zip(lanes.iter()) {
            *row = _mm256_loadu_si256(&lane.state);
        }
        transpose(&mut s);
        sha2_compress!(s, w, K256);
        transpose(&mut s);
        for (row, lane) in s.into_iter().zip(lanes.iter_mut()) {
            _mm256_storeu_si256(&mut lane.state, row);
        }
    }

    /// The F chains of `super::super::f_chains`, 8 at a time.
    #[target_feature(enable = "avx2")]
    pub(crate) fn f_chains<const NW: usize>(
        mid: &[u32; 8],
        lanes: &mut [Lane256; 8],
        steps: &[u32; 8],
    ) {
        f_chains_body!(mid, lanes, steps);
    }
}

pub(crate) mod sha512 {
    use super::*;

    const BSWAP: [u8; 32] = bswap_indices(8);

    macro_rules! ror {
        ($x:expr, $n:literal) => {
            _mm256_or_si256(
                _mm256_srli_epi64::<$n>($x),
                _mm256_slli_epi64::<{ 64 - $n }>($x),
            )
        };
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn add(a: V, b: V) -> V {
        _mm256_add_epi64(a, b)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn splat(x: u64) -> V {
        _mm256_set1_epi64x(x as i64)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn bsig0(x: V) -> V {
        xor3(ror!(x, 28), ror!(x, 34), ror!(x, 39))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn bsig1(x: V) -> V {
        xor3(ror!(x, 14), ror!(x, 18), ror!(x, 41))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn ssig0(x: V) -> V {
        xor3(ror!(x, 1), ror!(x, 8), _mm256_srli_epi64::<7>(x))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn ssig1(x: V) -> V {
        xor3(ror!(x, 19), ror!(x, 61), _mm256_srli_epi64::<6>(x))
    }

    /// Transposes the 4 × 4 matrix of double words `m` (two stages).
    #[inline]
    #[target_feature(enable = "avx2")]
    fn transpose(m: &mut [V; 4]) {
        for i in [0, 1] {
            (m[i], m[i + 2]) = swap_halves(m[i], m[i + 2]);
        }
        for i in [0, 2] {
            (m[i], m[i + 1]) = swap_pairs(m[i], m[i + 1]);
        }
    }

    /// Compresses every lane's block into its state.
    #[target_feature(enable = "avx2")]
    pub(crate) fn compress(lanes: &mut [Lane512; 4]) {
        let bswap = _mm256_loadu_si256(&BSWAP);
        let mut w = [_mm256_setzero_si256(); 16];
        for quarter in 0..4 {
            let mut m = [_mm256_setzero_si256(); 4];
            for (row, lane) in m.iter_mut().zip(lanes.iter()) {
                let bytes: &[u8; 32] = chunk(&lane.block, quarter);
                *row = _mm256_shuffle_epi8(_mm256_loadu_si256(bytes), bswap);
            }
            transpose(&mut m);
            w[4 * quarter..4 * quarter + 4].copy_from_slice(&m);
        }
        let mut s = [_mm256_setzero_si256(); 8];
        for half in 0..2 {
            let mut m = [_mm256_setzero_si256(); 4];
            for (row, lane) in m.iter_mut().zip(lanes.iter()) {
                let words: &[u64; 4] = chunk(&lane.state, half);
                *row = _mm256_loadu_si256(words);
            }
            transpose(&mut m);
            s[4 * half..4 * half + 4].copy_from_slice(&m);
        }
        sha2_compress!(s, w, K512);
        for half in 0..2 {
            let mut m = [_mm256_setzero_si256(); 4];
            m.copy_from_slice(&s[4 * half..4 * half + 4]);
            transpose(&mut m);
            for (row, lane) in m.into_iter().zip(lanes.iter_mut()) {
                let words: &mut [u64; 4] = chunk_mut(&mut lane.state, half);
                _mm256_storeu_si256(words, row);
            }
        }
    }
}
