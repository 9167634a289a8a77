//! AVX2 kernels: 16 × i16 lanes for q = 3329, 8 × i32 lanes for q = 8380417.
//!
//! The arithmetic is the portable backend's, lane by lane (the same Montgomery products, the
//! same reduction points), so results are bit-identical to it and the tests compare them
//! exactly. No kernel branches on or indexes memory with a coefficient, except `rej_uniform*`,
//! whose input is public. Loops run a fixed number of times; where the compiler keeps one
//! rolled, its counter is the only branch.
//!
//! The kernels are safe `#[target_feature]` functions; [`Avx2`] calls them through the entry
//! points in `crate::simd::lattice`, with the token that proves the CPU has AVX2.

use core::arch::x86_64::*;
use safe_unaligned_simd::x86_64 as mem;

use super::layout::{
    bit_counts, compact16, compact32, gamma_lanes, gather16, gather32, lane_zetas,
};
use super::{Backend, BaseMulCache, Portable, Rounding};
use crate::lattice::{Field, N, Q3329, Q8380417};
use crate::simd::{self, lattice as entry};

/// The AVX2 backend; holding the token proves the CPU has AVX2.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Avx2(pub(crate) simd::Avx2);

impl Backend<Q3329> for Avx2 {
    fn ntt(self, a: &mut [i16; N]) {
        entry::avx2_ntt16(self.0, a);
    }
    fn inv_ntt(self, a: &mut [i16; N]) {
        entry::avx2_inv_ntt16(self.0, a);
    }
    fn multiply_ntts_acc(self, acc: &mut [i16; N], a: &[i16; N], b: &[i16; N]) {
        entry::avx2_base_mul16(self.0, acc, a, b);
    }
    fn reduce(self, a: &mut [i16; N]) {
        entry::avx2_reduce16(self.0, a);
    }
    fn mul_r(self, a: &mut [i16; N]) {
        entry::avx2_mul_r16(self.0, a);
    }
    fn canonicalize(self, a: &mut [i16; N]) {
        entry::avx2_canonicalize16(self.0, a);
    }
    fn compress(self, d: u32, a: &mut [i16; N]) {
        entry::avx2_compress16(self.0, d, a);
    }
    fn decompress(self, d: u32, a: &mut [i16; N]) {
        entry::avx2_decompress16(self.0, d, a);
    }
    fn rej_uniform(self, bytes: &[u8], out: &mut [i16]) -> usize {
        entry::avx2_rej_uniform16(self.0, bytes, out)
    }
}

impl Backend<Q8380417> for Avx2 {
    fn ntt(self, a: &mut [i32; N]) {
        entry::avx2_ntt32(self.0, a);
    }
    fn inv_ntt(self, a: &mut [i32; N]) {
        entry::avx2_inv_ntt32(self.0, a);
    }
    fn multiply_ntts_acc(self, acc: &mut [i32; N], a: &[i32; N], b: &[i32; N]) {
        entry::avx2_pointwise32(self.0, acc, a, b);
    }
    fn reduce(self, a: &mut [i32; N]) {
        entry::avx2_reduce32(self.0, a);
    }
    fn mul_r(self, a: &mut [i32; N]) {
        entry::avx2_mul_r32(self.0, a);
    }
    fn canonicalize(self, a: &mut [i32; N]) {
        entry::avx2_canonicalize32(self.0, a);
    }
    /// ML-DSA compresses nothing: the portable code serves the trait.
    fn compress(self, d: u32, a: &mut [i32; N]) {
        Backend::<Q8380417>::compress(Portable, d, a);
    }
    /// ML-DSA decompresses nothing: the portable code serves the trait.
    fn decompress(self, d: u32, a: &mut [i32; N]) {
        Backend::<Q8380417>::decompress(Portable, d, a);
    }
    fn rej_uniform(self, bytes: &[u8], out: &mut [i32]) -> usize {
        entry::avx2_rej_uniform32(self.0, bytes, out)
    }
}

impl BaseMulCache for Avx2 {
    fn base_mul_cache(self, b: &[i16; N], cache: &mut [i16; N]) {
        entry::avx2_base_mul_cache16(self.0, b, cache);
    }
    fn multiply_ntts_acc_cached(
        self,
        acc: &mut [i16; N],
        a: &[i16; N],
        b: &[i16; N],
        cache: &[i16; N],
    ) {
        entry::avx2_base_mul_cached16(self.0, acc, a, b, cache);
    }
}

impl Rounding for Avx2 {
    fn power2round(self, t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]) {
        entry::avx2_power2round(self.0, t, t1, t0);
    }
    fn decompose<const GAMMA2: i32>(self, r: &[i32; N], r1: &mut [i32; N], r0: &mut [i32; N]) {
        entry::avx2_decompose::<GAMMA2>(self.0, r, r1, r0);
    }
    fn high_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        entry::avx2_high_bits::<GAMMA2>(self.0, r);
    }
    fn low_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        entry::avx2_low_bits::<GAMMA2>(self.0, r);
    }
    fn make_hint<const GAMMA2: i32>(self, r_plus_z: &[i32; N], r: &[i32; N]) -> [u64; 4] {
        entry::avx2_make_hint::<GAMMA2>(self.0, r_plus_z, r)
    }
    fn use_hint<const GAMMA2: i32>(self, hints: &[u64; 4], r: &mut [i32; N]) {
        entry::avx2_use_hint::<GAMMA2>(self.0, hints, r);
    }
    fn norm_at_least(self, a: &[i32; N], bound: i32) -> u32 {
        entry::avx2_norm_at_least(self.0, a, bound)
    }
}

// ---- q = 3329: 16 registers of 16 × i16 ----

const Q16: i16 = 3329;
/// Butterfly distances of the layers that run inside a register pair.
const DISTS16: [usize; 3] = [8, 4, 2];
const LANES16: [[[usize; 16]; 8]; 3] = lane_zetas(DISTS16, false);
const INV_LANES16: [[[usize; 16]; 8]; 3] = lane_zetas(DISTS16, true);
const ZETA16: [[[i16; 16]; 8]; 3] = gather16(LANES16, Q3329::ZETAS, 1);
const ZETA16_QINV: [[[i16; 16]; 8]; 3] = gather16(LANES16, Q3329::ZETAS, Q3329::QINV);
const INV_ZETA16: [[[i16; 16]; 8]; 3] = gather16(INV_LANES16, Q3329::ZETAS, 1);
const INV_ZETA16_QINV: [[[i16; 16]; 8]; 3] = gather16(INV_LANES16, Q3329::ZETAS, Q3329::QINV);
const GAMMA16: [i16; N] = gamma_lanes(Q3329::ZETAS, 1);
const GAMMA16_QINV: [i16; N] = gamma_lanes(Q3329::ZETAS, Q3329::QINV);
const COMPACT16: [[u8; 16]; 256] = compact16();
const ACCEPTED: [u8; 256] = bit_counts();

#[target_feature(enable = "avx2")]
fn load16(a: &[i16; N]) -> [__m256i; 16] {
    let mut r = [_mm256_setzero_si256(); 16];
    for (r, c) in r.iter_mut().zip(a.as_chunks::<16>().0) {
        *r = mem::_mm256_loadu_si256(c);
    }
    r
}

#[target_feature(enable = "avx2")]
fn store16(r: &[__m256i; 16], a: &mut [i16; N]) {
    for (r, c) in r.iter().zip(a.as_chunks_mut::<16>().0) {
        mem::_mm256_storeu_si256(c, *r);
    }
}

/// Montgomery product b·z·R⁻¹ with zq = z·q⁻¹ mod 2^16 precomputed: `Q3329::mont_mul(z, b)`.
#[target_feature(enable = "avx2")]
#[inline]
fn mont16(b: __m256i, z: __m256i, zq: __m256i) -> __m256i {
    let t = _mm256_mullo_epi16(b, zq);
    let hi = _mm256_mulhi_epi16(b, z);
    _mm256_sub_epi16(hi, _mm256_mulhi_epi16(t, _mm256_set1_epi16(Q16)))
}

/// Montgomery product of two variable vectors: `Q3329::mont_mul(a, b)`.
#[target_feature(enable = "avx2")]
#[inline]
fn mont16_var(a: __m256i, b: __m256i) -> __m256i {
    mont16(b, a, _mm256_mullo_epi16(a, _mm256_set1_epi16(Q3329::QINV)))
}

#[target_feature(enable = "avx2")]
#[inline]
fn reduce16_vec(a: __m256i) -> __m256i {
    let t = _mm256_mulhi_epi16(a, _mm256_set1_epi16(Q3329::BARRETT));
    let t = _mm256_srai_epi16(_mm256_add_epi16(t, _mm256_set1_epi16(1 << 9)), 10);
    _mm256_sub_epi16(a, _mm256_mullo_epi16(t, _mm256_set1_epi16(Q16)))
}

/// Cooley–Tukey butterfly: (x, y) ← (x + ζy, x − ζy).
#[target_feature(enable = "avx2")]
#[inline]
fn ct16(x: &mut __m256i, y: &mut __m256i, z: __m256i, zq: __m256i) {
    let t = mont16(*y, z, zq);
    *y = _mm256_sub_epi16(*x, t);
    *x = _mm256_add_epi16(*x, t);
}

/// Gentleman–Sande butterfly: (x, y) ← (x + y, ζ(y − x)).
#[target_feature(enable = "avx2")]
#[inline]
fn gs16(x: &mut __m256i, y: &mut __m256i, z: __m256i, zq: __m256i) {
    let t = *x;
    *x = _mm256_add_epi16(t, *y);
    *y = mont16(_mm256_sub_epi16(*y, t), z, zq);
}

/// The 2×2 transposes of `layout` (T_g) at 128, 64 and 32 bits.
#[target_feature(enable = "avx2")]
#[inline]
fn t128(a: &mut __m256i, b: &mut __m256i) {
    let c = _mm256_permute2x128_si256(*a, *b, 0x20);
    *b = _mm256_permute2x128_si256(*a, *b, 0x31);
    *a = c;
}

#[target_feature(enable = "avx2")]
#[inline]
fn t64(a: &mut __m256i, b: &mut __m256i) {
    let c = _mm256_unpacklo_epi64(*a, *b);
    *b = _mm256_unpackhi_epi64(*a, *b);
    *a = c;
}

#[target_feature(enable = "avx2")]
#[inline]
fn t32(a: &mut __m256i, b: &mut __m256i) {
    let c = _mm256_blend_epi32(*a, _mm256_slli_epi64(*b, 32), 0xaa);
    *b = _mm256_blend_epi32(_mm256_srli_epi64(*a, 32), *b, 0xaa);
    *a = c;
}

/// One forward layer whose butterflies pair registers `D` apart; `first` indexes the layer's
/// first twiddle in `ZETAS`.
#[target_feature(enable = "avx2")]
#[inline]
fn ntt16_layer<const D: usize>(r: &mut [__m256i; 16], first: usize) {
    for block in 0..16 / (2 * D) {
        let zeta = Q3329::ZETAS[first + block];
        let z = _mm256_set1_epi16(zeta);
        let zq = _mm256_set1_epi16(zeta.wrapping_mul(Q3329::QINV));
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            ct16(&mut lo[block * 2 * D + i], &mut hi[i], z, zq);
        }
    }
}

/// One inverse layer pairing registers `D` apart; `last` indexes the layer's last twiddle.
#[target_feature(enable = "avx2")]
#[inline]
fn inv_ntt16_layer<const D: usize>(r: &mut [__m256i; 16], last: usize) {
    for block in 0..16 / (2 * D) {
        let zeta = Q3329::ZETAS[last - block];
        let z = _mm256_set1_epi16(zeta);
        let zq = _mm256_set1_epi16(zeta.wrapping_mul(Q3329::QINV));
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            gs16(&mut lo[block * 2 * D + i], &mut hi[i], z, zq);
        }
    }
}

/// `Portable::ntt` for q = 3329.
#[target_feature(enable = "avx2")]
pub(crate) fn ntt16(a: &mut [i16; N]) {
    let mut r = load16(a);
    ntt16_layer::<8>(&mut r, 1);
    ntt16_layer::<4>(&mut r, 2);
    ntt16_layer::<2>(&mut r, 4);
    ntt16_layer::<1>(&mut r, 8);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            (
                mem::_mm256_loadu_si256(&ZETA16[s][p]),
                mem::_mm256_loadu_si256(&ZETA16_QINV[s][p]),
            )
        };
        t128(x, y);
        let (z, zq) = zeta(0);
        ct16(x, y, z, zq);
        t64(x, y);
        let (z, zq) = zeta(1);
        ct16(x, y, z, zq);
        t32(x, y);
        let (z, zq) = zeta(2);
        ct16(x, y, z, zq);
        t32(x, y);
        t64(x, y);
        t128(x, y);
        *x = reduce16_vec(*x);
        *y = reduce16_vec(*y);
    }
    store16(&r, a);
}

/// `Portable::inv_ntt` for q = 3329.
#[target_feature(enable = "avx2")]
pub(crate) fn inv_ntt16(a: &mut [i16; N]) {
    let mut r = load16(a);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            (
                mem::_mm256_loadu_si256(&INV_ZETA16[s][p]),
                mem::_mm256_loadu_si256(&INV_ZETA16_QINV[s][p]),
            )
        };
        t128(x, y);
        t64(x, y);
        t32(x, y);
        let (z, zq) = zeta(2);
        gs16(x, y, z, zq);
        t32(x, y);
        let (z, zq) = zeta(1);
        gs16(x, y, z, zq);
        t64(x, y);
        let (z, zq) = zeta(0);
        gs16(x, y, z, zq);
        t128(x, y);
    }
    inv_ntt16_layer::<1>(&mut r, 15);
    for x in r.iter_mut() {
        *x = reduce16_vec(*x);
    }
    inv_ntt16_layer::<2>(&mut r, 7);
    inv_ntt16_layer::<4>(&mut r, 3);
    // The last layer with the scaling folded in, as in the portable code.
    let scale = Q3329::INV_NTT_SCALE;
    let scaled_zeta = Q3329::mont_mul(scale, Q3329::ZETAS[1]);
    let s = _mm256_set1_epi16(scale);
    let sq = _mm256_set1_epi16(scale.wrapping_mul(Q3329::QINV));
    let sz = _mm256_set1_epi16(scaled_zeta);
    let szq = _mm256_set1_epi16(scaled_zeta.wrapping_mul(Q3329::QINV));
    let (lo, hi) = r.split_at_mut(8);
    for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
        let t = *x;
        *x = mont16(_mm256_add_epi16(t, *y), s, sq);
        *y = mont16(_mm256_sub_epi16(*y, t), sz, szq);
    }
    store16(&r, a);
}

/// (b₁, b₀) of every pair (b₀, b₁): the 16-bit halves of each 32-bit lane swapped.
#[target_feature(enable = "avx2")]
#[inline]
fn swap_pairs16(b: __m256i) -> __m256i {
    _mm256_or_si256(_mm256_slli_epi32(b, 16), _mm256_srli_epi32(b, 16))
}

/// c₁ = a₀b₁ + a₁b₀ of every pair, in the odd lanes (even lanes: don't care).
#[target_feature(enable = "avx2")]
#[inline]
fn cross16(x: __m256i, y: __m256i) -> __m256i {
    let s = mont16_var(x, swap_pairs16(y));
    _mm256_add_epi16(s, _mm256_slli_epi32(s, 16))
}

/// `Portable::multiply_ntts_acc` for q = 3329: per pair, c₀ = a₀b₀ + γ·(a₁b₁) and
/// c₁ = a₀b₁ + a₁b₀ (FIPS 203 Algorithm 12), with the products in lanes and the pair sums
/// formed by 16-bit shifts within each 32-bit lane.
#[target_feature(enable = "avx2")]
pub(crate) fn base_mul16(acc: &mut [i16; N], a: &[i16; N], b: &[i16; N]) {
    let pieces = acc
        .as_chunks_mut::<16>()
        .0
        .iter_mut()
        .zip(a.as_chunks::<16>().0.iter().zip(b.as_chunks::<16>().0))
        .zip(
            GAMMA16
                .as_chunks::<16>()
                .0
                .iter()
                .zip(GAMMA16_QINV.as_chunks::<16>().0),
        );
    for ((c, (x, y)), (g, gq)) in pieces {
        let x = mem::_mm256_loadu_si256(x);
        let y = mem::_mm256_loadu_si256(y);
        let p = mont16_var(x, y);
        let gp = mont16(p, mem::_mm256_loadu_si256(g), mem::_mm256_loadu_si256(gq));
        let c0 = _mm256_add_epi16(p, _mm256_srli_epi32(gp, 16));
        let sum = _mm256_blend_epi16(c0, cross16(x, y), 0xaa);
        let acc = mem::_mm256_loadu_si256(c);
        mem::_mm256_storeu_si256(c, _mm256_add_epi16(acc, sum));
    }
}

/// `Portable::base_mul_cache`: b with its odd lanes multiplied by ±γ.
#[target_feature(enable = "avx2")]
pub(crate) fn base_mul_cache16(b: &[i16; N], cache: &mut [i16; N]) {
    let pieces = cache
        .as_chunks_mut::<16>()
        .0
        .iter_mut()
        .zip(b.as_chunks::<16>().0)
        .zip(
            GAMMA16
                .as_chunks::<16>()
                .0
                .iter()
                .zip(GAMMA16_QINV.as_chunks::<16>().0),
        );
    for ((c, y), (g, gq)) in pieces {
        let y = mem::_mm256_loadu_si256(y);
        let gy = mont16(y, mem::_mm256_loadu_si256(g), mem::_mm256_loadu_si256(gq));
        mem::_mm256_storeu_si256(c, _mm256_blend_epi16(y, gy, 0xaa));
    }
}

/// `Portable::multiply_ntts_acc_cached`: c₀ = a₀b₀ + a₁(b₁γ) from one product with the cache.
#[target_feature(enable = "avx2")]
pub(crate) fn base_mul_cached16(acc: &mut [i16; N], a: &[i16; N], b: &[i16; N], cache: &[i16; N]) {
    let pieces = acc
        .as_chunks_mut::<16>()
        .0
        .iter_mut()
        .zip(a.as_chunks::<16>().0)
        .zip(b.as_chunks::<16>().0.iter().zip(cache.as_chunks::<16>().0));
    for ((c, x), (y, g)) in pieces {
        let x = mem::_mm256_loadu_si256(x);
        let y = mem::_mm256_loadu_si256(y);
        let t = mont16_var(x, mem::_mm256_loadu_si256(g));
        let c0 = _mm256_add_epi16(t, _mm256_srli_epi32(t, 16));
        let sum = _mm256_blend_epi16(c0, cross16(x, y), 0xaa);
        let acc = mem::_mm256_loadu_si256(c);
        mem::_mm256_storeu_si256(c, _mm256_add_epi16(acc, sum));
    }
}

/// Applies `f` to every register of `a`.
#[target_feature(enable = "avx2")]
#[inline]
fn map16(a: &mut [i16; N], f: impl Fn(__m256i) -> __m256i) {
    for c in a.as_chunks_mut::<16>().0 {
        let v = mem::_mm256_loadu_si256(c);
        mem::_mm256_storeu_si256(c, f(v));
    }
}

/// `Portable::reduce` for q = 3329.
#[target_feature(enable = "avx2")]
pub(crate) fn reduce16(a: &mut [i16; N]) {
    map16(a, |v| reduce16_vec(v));
}

/// `Portable::mul_r` for q = 3329.
#[target_feature(enable = "avx2")]
pub(crate) fn mul_r16(a: &mut [i16; N]) {
    let z = _mm256_set1_epi16(Q3329::R2);
    let zq = _mm256_set1_epi16(Q3329::R2.wrapping_mul(Q3329::QINV));
    map16(a, |v| mont16(v, z, zq));
}

/// `Portable::canonicalize` for q = 3329.
#[target_feature(enable = "avx2")]
pub(crate) fn canonicalize16(a: &mut [i16; N]) {
    let q = _mm256_set1_epi16(Q16);
    map16(a, |v| {
        _mm256_add_epi16(v, _mm256_and_si256(_mm256_srai_epi16(v, 15), q))
    });
}

/// ⌊(x·2^d + (q − 1)/2) · ⌈2^36/q⌉ / 2^36⌋ mod 2^d of eight 32-bit lanes: the portable
/// formula, with the 64-bit products of `vpmuludq` on even and odd lanes.
#[target_feature(enable = "avx2")]
#[inline]
fn compress32_lanes(x: __m256i, d: __m128i, mask: __m256i) -> __m256i {
    let m = _mm256_set1_epi32(((1i64 << 36) / 3329 + 1) as i32);
    let n = _mm256_add_epi32(_mm256_sll_epi32(x, d), _mm256_set1_epi32(1664));
    let even = _mm256_srli_epi64(_mm256_mul_epu32(n, m), 36);
    let odd = _mm256_srli_epi64(_mm256_mul_epu32(_mm256_srli_epi64(n, 32), m), 4);
    _mm256_and_si256(_mm256_blend_epi32(even, odd, 0xaa), mask)
}

/// `Portable::compress` for q = 3329.
#[target_feature(enable = "avx2")]
pub(crate) fn compress16(d: u32, a: &mut [i16; N]) {
    let count = _mm_cvtsi32_si128(d as i32);
    let mask = _mm256_set1_epi32((1 << d) - 1);
    map16(a, |v| {
        let lo = compress32_lanes(
            _mm256_cvtepi16_epi32(_mm256_castsi256_si128(v)),
            count,
            mask,
        );
        let hi = compress32_lanes(
            _mm256_cvtepi16_epi32(_mm256_extracti128_si256(v, 1)),
            count,
            mask,
        );
        _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xd8)
    });
}

/// `Portable::decompress` for q = 3329: ⌊(q·y + 2^(d−1)) / 2^d⌋ is the rounding high product
/// `vpmulhrsw` of y·2^(15−d) (below 2^15) and q.
#[target_feature(enable = "avx2")]
pub(crate) fn decompress16(d: u32, a: &mut [i16; N]) {
    let count = _mm_cvtsi32_si128(15 - d as i32);
    let q = _mm256_set1_epi16(Q16);
    map16(a, |v| _mm256_mulhrs_epi16(_mm256_sll_epi16(v, count), q));
}

/// `Portable::rej_uniform` for q = 3329: 16 candidates (24 bytes) per step while 24 bytes are
/// left, then the portable code for the last 0 to 7 groups. A block of SHAKE128 (168 bytes) and
/// the callers' buffers of whole blocks are whole steps. The bytes are public: the table lookups
/// by the accept mask and the data-dependent stores are allowed here.
#[target_feature(enable = "avx2")]
pub(crate) fn rej_uniform16(bytes: &[u8], out: &mut [i16]) -> usize {
    // Groups 0–3 from the first 16 bytes, groups 4–7 from bytes 8..24: two loads within the
    // step's 24 bytes, so that the last step of a buffer reads nothing past it.
    let spread = _mm256_setr_epi8(
        0, 1, 1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 10, 11, //
        4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 11, 12, 13, 14, 14, 15,
    );
    let low12 = _mm256_set1_epi16(0xfff);
    let q = _mm256_set1_epi16(Q16);
    let mut n = 0;
    let mut pos = 0;
    while n < out.len() {
        let (Some(lo), Some(hi)) = (
            bytes.get(pos..).and_then(<[u8]>::first_chunk::<16>),
            bytes.get(pos + 8..).and_then(<[u8]>::first_chunk::<16>),
        ) else {
            break;
        };
        let v = _mm256_set_m128i(mem::_mm_loadu_si128(hi), mem::_mm_loadu_si128(lo));
        let v = _mm256_shuffle_epi8(v, spread);
        let v = _mm256_blend_epi16(_mm256_and_si256(v, low12), _mm256_srli_epi16(v, 4), 0xaa);
        let good = _mm256_cmpgt_epi16(q, v);
        let bits = _mm256_movemask_epi8(_mm256_packs_epi16(good, good)) as u32;
        for (half, m) in [
            (_mm256_castsi256_si128(v), bits & 0xff),
            (_mm256_extracti128_si256(v, 1), (bits >> 16) & 0xff),
        ] {
            let packed = _mm_shuffle_epi8(half, mem::_mm_loadu_si128(&COMPACT16[m as usize]));
            let accepted = usize::from(ACCEPTED[m as usize]);
            if let Some(dst) = out[n..].first_chunk_mut::<8>() {
                mem::_mm_storeu_si128(dst, packed);
                n += accepted;
            } else {
                // The last few coefficients: the first ones accepted, in order, as the
                // portable loop takes them.
                let mut last = [0i16; 8];
                mem::_mm_storeu_si128(&mut last, packed);
                let take = accepted.min(out.len() - n);
                out[n..n + take].copy_from_slice(&last[..take]);
                n += take;
            }
        }
        pos += 24;
    }
    n + Backend::<Q3329>::rej_uniform(
        Portable,
        bytes.get(pos..).unwrap_or_default(),
        &mut out[n..],
    )
}

// ---- q = 8380417: 32 registers of 8 × i32 ----

const Q32: i32 = Q8380417::Q;
const DISTS32: [usize; 3] = [4, 2, 1];
const LANES32: [[[usize; 8]; 16]; 3] = lane_zetas(DISTS32, false);
const INV_LANES32: [[[usize; 8]; 16]; 3] = lane_zetas(DISTS32, true);
const ZETA32: [[[i32; 8]; 16]; 3] = gather32(LANES32, Q8380417::ZETAS, 1);
const ZETA32_QINV: [[[i32; 8]; 16]; 3] = gather32(LANES32, Q8380417::ZETAS, Q8380417::QINV);
const INV_ZETA32: [[[i32; 8]; 16]; 3] = gather32(INV_LANES32, Q8380417::ZETAS, 1);
const INV_ZETA32_QINV: [[[i32; 8]; 16]; 3] = gather32(INV_LANES32, Q8380417::ZETAS, Q8380417::QINV);
const COMPACT32: [[u8; 8]; 256] = compact32();

#[target_feature(enable = "avx2")]
fn load32(a: &[i32; N]) -> [__m256i; 32] {
    let mut r = [_mm256_setzero_si256(); 32];
    for (r, c) in r.iter_mut().zip(a.as_chunks::<8>().0) {
        *r = mem::_mm256_loadu_si256(c);
    }
    r
}

#[target_feature(enable = "avx2")]
fn store32(r: &[__m256i; 32], a: &mut [i32; N]) {
    for (r, c) in r.iter().zip(a.as_chunks_mut::<8>().0) {
        mem::_mm256_storeu_si256(c, *r);
    }
}

/// A twiddle for [`mont32`]: ζ and ζ·q⁻¹ mod 2^32, each also with its odd lanes moved to the
/// even ones (where `vpmuldq` reads its operands).
#[derive(Clone, Copy)]
struct Twiddle32 {
    z: __m256i,
    zq: __m256i,
    z_odd: __m256i,
    zq_odd: __m256i,
}

impl Twiddle32 {
    #[target_feature(enable = "avx2")]
    #[inline]
    fn splat(zeta: i32) -> Self {
        let z = _mm256_set1_epi32(zeta);
        let zq = _mm256_set1_epi32(zeta.wrapping_mul(Q8380417::QINV));
        Self {
            z,
            zq,
            z_odd: z,
            zq_odd: zq,
        }
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn lanes(z: __m256i, zq: __m256i) -> Self {
        Self {
            z,
            zq,
            z_odd: _mm256_srli_epi64(z, 32),
            zq_odd: _mm256_srli_epi64(zq, 32),
        }
    }
}

/// Montgomery product b·ζ·R⁻¹, `Q8380417::mont_mul(ζ, b)`: the 64-bit products of even and
/// odd lanes; a·b − t·q is exact in 64 bits and its high half is the result.
#[target_feature(enable = "avx2")]
#[inline]
fn mont32(b: __m256i, w: Twiddle32) -> __m256i {
    let q = _mm256_set1_epi32(Q32);
    let b_odd = _mm256_srli_epi64(b, 32);
    let even = _mm256_sub_epi64(
        _mm256_mul_epi32(b, w.z),
        _mm256_mul_epi32(_mm256_mul_epi32(b, w.zq), q),
    );
    let odd = _mm256_sub_epi64(
        _mm256_mul_epi32(b_odd, w.z_odd),
        _mm256_mul_epi32(_mm256_mul_epi32(b_odd, w.zq_odd), q),
    );
    _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xaa)
}

#[target_feature(enable = "avx2")]
#[inline]
fn reduce32_vec(a: __m256i) -> __m256i {
    let q = _mm256_set1_epi32(Q32);
    let half = _mm256_set1_epi32(Q8380417::HALF);
    let t = _mm256_srai_epi32(_mm256_add_epi32(a, _mm256_set1_epi32(1 << 22)), 23);
    // t·q = t·2^23 − t·2^13 + t.
    let tq = _mm256_add_epi32(
        _mm256_sub_epi32(_mm256_slli_epi32(t, 23), _mm256_slli_epi32(t, 13)),
        t,
    );
    let r = _mm256_sub_epi32(a, tq);
    let r = _mm256_add_epi32(
        r,
        _mm256_and_si256(_mm256_srai_epi32(_mm256_add_epi32(r, half), 31), q),
    );
    _mm256_sub_epi32(
        r,
        _mm256_and_si256(_mm256_srai_epi32(_mm256_sub_epi32(half, r), 31), q),
    )
}

#[target_feature(enable = "avx2")]
#[inline]
fn ct32(x: &mut __m256i, y: &mut __m256i, w: Twiddle32) {
    let t = mont32(*y, w);
    *y = _mm256_sub_epi32(*x, t);
    *x = _mm256_add_epi32(*x, t);
}

#[target_feature(enable = "avx2")]
#[inline]
fn gs32(x: &mut __m256i, y: &mut __m256i, w: Twiddle32) {
    let t = *x;
    *x = _mm256_add_epi32(t, *y);
    *y = mont32(_mm256_sub_epi32(*y, t), w);
}

#[target_feature(enable = "avx2")]
#[inline]
fn ntt32_layer<const D: usize>(r: &mut [__m256i; 32], first: usize) {
    for block in 0..32 / (2 * D) {
        let w = Twiddle32::splat(Q8380417::ZETAS[first + block]);
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            ct32(&mut lo[block * 2 * D + i], &mut hi[i], w);
        }
    }
}

#[target_feature(enable = "avx2")]
#[inline]
fn inv_ntt32_layer<const D: usize>(r: &mut [__m256i; 32], last: usize) {
    for block in 0..32 / (2 * D) {
        let w = Twiddle32::splat(Q8380417::ZETAS[last - block]);
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            gs32(&mut lo[block * 2 * D + i], &mut hi[i], w);
        }
    }
}

/// `Portable::ntt` for q = 8380417.
#[target_feature(enable = "avx2")]
pub(crate) fn ntt32(a: &mut [i32; N]) {
    let mut r = load32(a);
    ntt32_layer::<16>(&mut r, 1);
    ntt32_layer::<8>(&mut r, 2);
    ntt32_layer::<4>(&mut r, 4);
    ntt32_layer::<2>(&mut r, 8);
    ntt32_layer::<1>(&mut r, 16);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            Twiddle32::lanes(
                mem::_mm256_loadu_si256(&ZETA32[s][p]),
                mem::_mm256_loadu_si256(&ZETA32_QINV[s][p]),
            )
        };
        t128(x, y);
        ct32(x, y, zeta(0));
        t64(x, y);
        ct32(x, y, zeta(1));
        t32(x, y);
        ct32(x, y, zeta(2));
        t32(x, y);
        t64(x, y);
        t128(x, y);
        *x = reduce32_vec(*x);
        *y = reduce32_vec(*y);
    }
    store32(&r, a);
}

/// `Portable::inv_ntt` for q = 8380417.
#[target_feature(enable = "avx2")]
pub(crate) fn inv_ntt32(a: &mut [i32; N]) {
    let mut r = load32(a);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            Twiddle32::lanes(
                mem::_mm256_loadu_si256(&INV_ZETA32[s][p]),
                mem::_mm256_loadu_si256(&INV_ZETA32_QINV[s][p]),
            )
        };
        t128(x, y);
        t64(x, y);
        t32(x, y);
        gs32(x, y, zeta(2));
        t32(x, y);
        gs32(x, y, zeta(1));
        t64(x, y);
        gs32(x, y, zeta(0));
        t128(x, y);
    }
    inv_ntt32_layer::<1>(&mut r, 31);
    inv_ntt32_layer::<2>(&mut r, 15);
    inv_ntt32_layer::<4>(&mut r, 7);
    inv_ntt32_layer::<8>(&mut r, 3);
    let scale = Q8380417::INV_NTT_SCALE;
    let s = Twiddle32::splat(scale);
    let sz = Twiddle32::splat(Q8380417::mont_mul(scale, Q8380417::ZETAS[1]));
    let (lo, hi) = r.split_at_mut(16);
    for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
        let t = *x;
        *x = mont32(_mm256_add_epi32(t, *y), s);
        *y = mont32(_mm256_sub_epi32(*y, t), sz);
    }
    store32(&r, a);
}

/// Applies `f` to every register of `a`.
#[target_feature(enable = "avx2")]
#[inline]
fn map32(a: &mut [i32; N], f: impl Fn(__m256i) -> __m256i) {
    for c in a.as_chunks_mut::<8>().0 {
        let v = mem::_mm256_loadu_si256(c);
        mem::_mm256_storeu_si256(c, f(v));
    }
}

/// `Portable::multiply_ntts_acc` for q = 8380417: acc += a·b·R⁻¹ lane by lane.
#[target_feature(enable = "avx2")]
pub(crate) fn pointwise32(acc: &mut [i32; N], a: &[i32; N], b: &[i32; N]) {
    let qinv = _mm256_set1_epi32(Q8380417::QINV);
    let pieces = acc
        .as_chunks_mut::<8>()
        .0
        .iter_mut()
        .zip(a.as_chunks::<8>().0.iter().zip(b.as_chunks::<8>().0));
    for (c, (x, y)) in pieces {
        let x = mem::_mm256_loadu_si256(x);
        let y = mem::_mm256_loadu_si256(y);
        let w = Twiddle32::lanes(x, _mm256_mullo_epi32(x, qinv));
        let acc = mem::_mm256_loadu_si256(c);
        mem::_mm256_storeu_si256(c, _mm256_add_epi32(acc, mont32(y, w)));
    }
}

/// `Portable::reduce` for q = 8380417.
#[target_feature(enable = "avx2")]
pub(crate) fn reduce32(a: &mut [i32; N]) {
    map32(a, |v| reduce32_vec(v));
}

/// `Portable::mul_r` for q = 8380417.
#[target_feature(enable = "avx2")]
pub(crate) fn mul_r32(a: &mut [i32; N]) {
    let w = Twiddle32::splat(Q8380417::R2);
    map32(a, |v| mont32(v, w));
}

/// `Portable::canonicalize` for q = 8380417.
#[target_feature(enable = "avx2")]
pub(crate) fn canonicalize32(a: &mut [i32; N]) {
    let q = _mm256_set1_epi32(Q32);
    map32(a, |v| {
        _mm256_add_epi32(v, _mm256_and_si256(_mm256_srai_epi32(v, 31), q))
    });
}

/// `Portable::rej_uniform` for q = 8380417: 8 candidates (24 bytes) per step while 24 bytes
/// are left, as [`rej_uniform16`]. The bytes are public (see there).
#[target_feature(enable = "avx2")]
pub(crate) fn rej_uniform32(bytes: &[u8], out: &mut [i32]) -> usize {
    // Groups 0–3 from the first 16 bytes, groups 4–7 from bytes 8..24 (see `rej_uniform16`).
    let spread = _mm256_setr_epi8(
        0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1, //
        4, 5, 6, -1, 7, 8, 9, -1, 10, 11, 12, -1, 13, 14, 15, -1,
    );
    let low23 = _mm256_set1_epi32((1 << 23) - 1);
    let q = _mm256_set1_epi32(Q32);
    let mut n = 0;
    let mut pos = 0;
    while n < out.len() {
        let (Some(lo), Some(hi)) = (
            bytes.get(pos..).and_then(<[u8]>::first_chunk::<16>),
            bytes.get(pos + 8..).and_then(<[u8]>::first_chunk::<16>),
        ) else {
            break;
        };
        let v = _mm256_set_m128i(mem::_mm_loadu_si128(hi), mem::_mm_loadu_si128(lo));
        let v = _mm256_and_si256(_mm256_shuffle_epi8(v, spread), low23);
        let good = _mm256_cmpgt_epi32(q, v);
        let m = _mm256_movemask_ps(_mm256_castsi256_ps(good)) as usize;
        let idx = _mm256_cvtepu8_epi32(mem::_mm_loadu_si64(&COMPACT32[m]));
        let packed = _mm256_permutevar8x32_epi32(v, idx);
        let accepted = usize::from(ACCEPTED[m as usize]);
        if let Some(dst) = out[n..].first_chunk_mut::<8>() {
            mem::_mm256_storeu_si256(dst, packed);
            n += accepted;
        } else {
            // The last few coefficients, as in `rej_uniform16`.
            let mut last = [0i32; 8];
            mem::_mm256_storeu_si256(&mut last, packed);
            let take = accepted.min(out.len() - n);
            out[n..n + take].copy_from_slice(&last[..take]);
            n += take;
        }
        pos += 24;
    }
    n + Backend::<Q8380417>::rej_uniform(
        Portable,
        bytes.get(pos..).unwrap_or_default(),
        &mut out[n..],
    )
}

// ---- ML-DSA rounding, 8 × i32 ----

/// `portable::decompose` of eight lanes: (r₁, r₀).
#[target_feature(enable = "avx2")]
#[inline]
fn decompose_vec<const GAMMA2: i32>(r: __m256i) -> (__m256i, __m256i) {
    let r1 = _mm256_srai_epi32(_mm256_add_epi32(r, _mm256_set1_epi32(127)), 7);
    let r1 = if GAMMA2 == (Q32 - 1) / 32 {
        let r1 = _mm256_mullo_epi32(r1, _mm256_set1_epi32(1025));
        let r1 = _mm256_srai_epi32(_mm256_add_epi32(r1, _mm256_set1_epi32(1 << 21)), 22);
        _mm256_and_si256(r1, _mm256_set1_epi32(15))
    } else {
        let r1 = _mm256_mullo_epi32(r1, _mm256_set1_epi32(11275));
        let r1 = _mm256_srai_epi32(_mm256_add_epi32(r1, _mm256_set1_epi32(1 << 23)), 24);
        // r₁ = 44 wraps to 0: cleared where 43 − r₁ < 0.
        let wrap = _mm256_srai_epi32(_mm256_sub_epi32(_mm256_set1_epi32(43), r1), 31);
        _mm256_andnot_si256(wrap, r1)
    };
    let r0 = _mm256_sub_epi32(r, _mm256_mullo_epi32(r1, _mm256_set1_epi32(2 * GAMMA2)));
    let over = _mm256_srai_epi32(_mm256_sub_epi32(_mm256_set1_epi32((Q32 - 1) / 2), r0), 31);
    let r0 = _mm256_sub_epi32(r0, _mm256_and_si256(over, _mm256_set1_epi32(Q32)));
    (r1, r0)
}

/// `Portable::power2round`.
#[target_feature(enable = "avx2")]
pub(crate) fn power2round(t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]) {
    let round = _mm256_set1_epi32((1 << (super::portable::D - 1)) - 1);
    let pieces = t.as_chunks::<8>().0.iter().zip(
        t1.as_chunks_mut::<8>()
            .0
            .iter_mut()
            .zip(t0.as_chunks_mut::<8>().0),
    );
    for (c, (c1, c0)) in pieces {
        let r = mem::_mm256_loadu_si256(c);
        let r1 = _mm256_srai_epi32(_mm256_add_epi32(r, round), super::portable::D as i32);
        let r0 = _mm256_sub_epi32(r, _mm256_slli_epi32(r1, super::portable::D as i32));
        mem::_mm256_storeu_si256(c1, r1);
        mem::_mm256_storeu_si256(c0, r0);
    }
}

/// `Portable::decompose`.
#[target_feature(enable = "avx2")]
pub(crate) fn decompose<const GAMMA2: i32>(r: &[i32; N], r1: &mut [i32; N], r0: &mut [i32; N]) {
    let pieces = r.as_chunks::<8>().0.iter().zip(
        r1.as_chunks_mut::<8>()
            .0
            .iter_mut()
            .zip(r0.as_chunks_mut::<8>().0),
    );
    for (c, (c1, c0)) in pieces {
        let (v1, v0) = decompose_vec::<GAMMA2>(mem::_mm256_loadu_si256(c));
        mem::_mm256_storeu_si256(c1, v1);
        mem::_mm256_storeu_si256(c0, v0);
    }
}

/// `Portable::high_bits`.
#[target_feature(enable = "avx2")]
pub(crate) fn high_bits<const GAMMA2: i32>(r: &mut [i32; N]) {
    map32(r, |v| decompose_vec::<GAMMA2>(v).0);
}

/// `Portable::low_bits`.
#[target_feature(enable = "avx2")]
pub(crate) fn low_bits<const GAMMA2: i32>(r: &mut [i32; N]) {
    map32(r, |v| decompose_vec::<GAMMA2>(v).1);
}

/// `Portable::make_hint`: the lanes whose high bits differ, as bits (a mask move, no branch).
#[target_feature(enable = "avx2")]
pub(crate) fn make_hint<const GAMMA2: i32>(r_plus_z: &[i32; N], r: &[i32; N]) -> [u64; 4] {
    let mut hints = [0u64; 4];
    let pieces = r_plus_z.as_chunks::<8>().0.iter().zip(r.as_chunks::<8>().0);
    for (g, (rz, r)) in pieces.enumerate() {
        let h1 = decompose_vec::<GAMMA2>(mem::_mm256_loadu_si256(rz)).0;
        let h2 = decompose_vec::<GAMMA2>(mem::_mm256_loadu_si256(r)).0;
        let same = _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(h1, h2))) as u64;
        hints[g / 8] |= (!same & 0xff) << (8 * (g % 8));
    }
    hints
}

/// `Portable::use_hint`, without its branches: r₁ ± 1 mod m where the hint is set.
#[target_feature(enable = "avx2")]
pub(crate) fn use_hint<const GAMMA2: i32>(hints: &[u64; 4], r: &mut [i32; N]) {
    let m = (Q32 - 1) / (2 * GAMMA2);
    let bit = _mm256_setr_epi32(1, 2, 4, 8, 16, 32, 64, 128);
    let one = _mm256_set1_epi32(1);
    for (g, c) in r.as_chunks_mut::<8>().0.iter_mut().enumerate() {
        let byte = (hints[g / 8] >> (8 * (g % 8))) as i32 & 0xff;
        let h = _mm256_cmpeq_epi32(_mm256_and_si256(_mm256_set1_epi32(byte), bit), bit);
        let (r1, r0) = decompose_vec::<GAMMA2>(mem::_mm256_loadu_si256(c));
        let up = _mm256_cmpgt_epi32(r0, _mm256_setzero_si256());
        let moved = _mm256_blendv_epi8(_mm256_sub_epi32(r1, one), _mm256_add_epi32(r1, one), up);
        let moved = if m == 16 {
            _mm256_and_si256(moved, _mm256_set1_epi32(15))
        } else {
            let m_vec = _mm256_set1_epi32(m);
            let below = _mm256_cmpgt_epi32(_mm256_setzero_si256(), moved);
            let moved = _mm256_add_epi32(moved, _mm256_and_si256(below, m_vec));
            _mm256_andnot_si256(_mm256_cmpeq_epi32(moved, m_vec), moved)
        };
        mem::_mm256_storeu_si256(c, _mm256_blendv_epi8(r1, moved, h));
    }
}

/// `Portable::norm_at_least`: every lane compared, the results or-ed, one test at the end.
#[target_feature(enable = "avx2")]
pub(crate) fn norm_at_least(a: &[i32; N], bound: i32) -> u32 {
    let limit = _mm256_set1_epi32(bound - 1);
    let mut over = _mm256_setzero_si256();
    for c in a.as_chunks::<8>().0 {
        let v = _mm256_abs_epi32(mem::_mm256_loadu_si256(c));
        over = _mm256_or_si256(over, _mm256_cmpgt_epi32(v, limit));
    }
    1 - _mm256_testz_si256(over, over) as u32
}
