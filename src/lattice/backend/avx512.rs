//! AVX-512 kernels: 32 × i16 lanes for q = 3329, 16 × i32 lanes for q = 8380417.
//!
//! Written from the same straight-line source as the AVX2 kernels (valgrind checks those; it
//! cannot run AVX-512), with the same arithmetic, so results are bit-identical to the portable
//! backend's. Where 512-bit registers do not pay (sampling, compression, rounding), the AVX2
//! kernel serves: every CPU with these AVX-512 subsets has AVX2.

use core::arch::x86_64::*;
use safe_unaligned_simd::x86_64 as mem;

use super::layout::{gamma_lanes, gather16, gather32, lane_zetas};
use super::{Backend, BaseMulCache, Portable, Rounding};
use crate::lattice::{Field, N, Q3329, Q8380417};
use crate::simd::{self, lattice as entry};

pub(crate) use super::avx2::{
    compress16, decompose, decompress16, high_bits, low_bits, make_hint, norm_at_least,
    power2round, rej_uniform16, rej_uniform32, use_hint,
};

/// The AVX-512 backend; holding the token proves the CPU has AVX-512 F, VL, BW and DQ.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Avx512(pub(crate) simd::Avx512);

impl Backend<Q3329> for Avx512 {
    fn ntt(self, a: &mut [i16; N]) {
        entry::avx512_ntt16(self.0, a);
    }
    fn inv_ntt(self, a: &mut [i16; N]) {
        entry::avx512_inv_ntt16(self.0, a);
    }
    fn multiply_ntts_acc(self, acc: &mut [i16; N], a: &[i16; N], b: &[i16; N]) {
        entry::avx512_base_mul16(self.0, acc, a, b);
    }
    fn reduce(self, a: &mut [i16; N]) {
        entry::avx512_reduce16(self.0, a);
    }
    fn mul_r(self, a: &mut [i16; N]) {
        entry::avx512_mul_r16(self.0, a);
    }
    fn canonicalize(self, a: &mut [i16; N]) {
        entry::avx512_canonicalize16(self.0, a);
    }
    fn compress(self, d: u32, a: &mut [i16; N]) {
        entry::avx512_compress16(self.0, d, a);
    }
    fn decompress(self, d: u32, a: &mut [i16; N]) {
        entry::avx512_decompress16(self.0, d, a);
    }
    fn rej_uniform(self, bytes: &[u8], out: &mut [i16]) -> usize {
        entry::avx512_rej_uniform16(self.0, bytes, out)
    }
}

impl Backend<Q8380417> for Avx512 {
    fn ntt(self, a: &mut [i32; N]) {
        entry::avx512_ntt32(self.0, a);
    }
    fn inv_ntt(self, a: &mut [i32; N]) {
        entry::avx512_inv_ntt32(self.0, a);
    }
    fn multiply_ntts_acc(self, acc: &mut [i32; N], a: &[i32; N], b: &[i32; N]) {
        entry::avx512_pointwise32(self.0, acc, a, b);
    }
    fn reduce(self, a: &mut [i32; N]) {
        entry::avx512_reduce32(self.0, a);
    }
    fn mul_r(self, a: &mut [i32; N]) {
        entry::avx512_mul_r32(self.0, a);
    }
    fn canonicalize(self, a: &mut [i32; N]) {
        entry::avx512_canonicalize32(self.0, a);
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
        entry::avx512_rej_uniform32(self.0, bytes, out)
    }
}

impl BaseMulCache for Avx512 {
    fn base_mul_cache(self, b: &[i16; N], cache: &mut [i16; N]) {
        entry::avx512_base_mul_cache16(self.0, b, cache);
    }
    fn multiply_ntts_acc_cached(
        self,
        acc: &mut [i16; N],
        a: &[i16; N],
        b: &[i16; N],
        cache: &[i16; N],
    ) {
        entry::avx512_base_mul_cached16(self.0, acc, a, b, cache);
    }
}

impl Rounding for Avx512 {
    fn power2round(self, t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]) {
        entry::avx512_power2round(self.0, t, t1, t0);
    }
    fn decompose<const GAMMA2: i32>(self, r: &[i32; N], r1: &mut [i32; N], r0: &mut [i32; N]) {
        entry::avx512_decompose::<GAMMA2>(self.0, r, r1, r0);
    }
    fn high_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        entry::avx512_high_bits::<GAMMA2>(self.0, r);
    }
    fn low_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        entry::avx512_low_bits::<GAMMA2>(self.0, r);
    }
    fn make_hint<const GAMMA2: i32>(self, r_plus_z: &[i32; N], r: &[i32; N]) -> [u64; 4] {
        entry::avx512_make_hint::<GAMMA2>(self.0, r_plus_z, r)
    }
    fn use_hint<const GAMMA2: i32>(self, hints: &[u64; 4], r: &mut [i32; N]) {
        entry::avx512_use_hint::<GAMMA2>(self.0, hints, r);
    }
    fn norm_at_least(self, a: &[i32; N], bound: i32) -> u32 {
        entry::avx512_norm_at_least(self.0, a, bound)
    }
}

// ---- q = 3329: 8 registers of 32 × i16 ----

const Q16: i16 = 3329;
const DISTS16: [usize; 4] = [16, 8, 4, 2];
const LANES16: [[[usize; 32]; 4]; 4] = lane_zetas(DISTS16, false);
const INV_LANES16: [[[usize; 32]; 4]; 4] = lane_zetas(DISTS16, true);
const ZETA16: [[[i16; 32]; 4]; 4] = gather16(LANES16, Q3329::ZETAS, 1);
const ZETA16_QINV: [[[i16; 32]; 4]; 4] = gather16(LANES16, Q3329::ZETAS, Q3329::QINV);
const INV_ZETA16: [[[i16; 32]; 4]; 4] = gather16(INV_LANES16, Q3329::ZETAS, 1);
const INV_ZETA16_QINV: [[[i16; 32]; 4]; 4] = gather16(INV_LANES16, Q3329::ZETAS, Q3329::QINV);
const GAMMA16: [i16; N] = gamma_lanes(Q3329::ZETAS, 1);
const GAMMA16_QINV: [i16; N] = gamma_lanes(Q3329::ZETAS, Q3329::QINV);

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
fn load16(a: &[i16; N]) -> [__m512i; 8] {
    let mut r = [_mm512_setzero_si512(); 8];
    for (r, c) in r.iter_mut().zip(a.as_chunks::<32>().0) {
        *r = mem::_mm512_loadu_epi16(c);
    }
    r
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
fn store16(r: &[__m512i; 8], a: &mut [i16; N]) {
    for (r, c) in r.iter().zip(a.as_chunks_mut::<32>().0) {
        mem::_mm512_storeu_epi16(c, *r);
    }
}

/// `Q3329::mont_mul(z, b)` with zq = z·q⁻¹ mod 2^16.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn mont16(b: __m512i, z: __m512i, zq: __m512i) -> __m512i {
    let t = _mm512_mullo_epi16(b, zq);
    let hi = _mm512_mulhi_epi16(b, z);
    _mm512_sub_epi16(hi, _mm512_mulhi_epi16(t, _mm512_set1_epi16(Q16)))
}

/// `Q3329::mont_mul(a, b)` of two variable vectors.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn mont16_var(a: __m512i, b: __m512i) -> __m512i {
    mont16(b, a, _mm512_mullo_epi16(a, _mm512_set1_epi16(Q3329::QINV)))
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn reduce16_vec(a: __m512i) -> __m512i {
    let t = _mm512_mulhi_epi16(a, _mm512_set1_epi16(Q3329::BARRETT));
    let t = _mm512_srai_epi16(_mm512_add_epi16(t, _mm512_set1_epi16(1 << 9)), 10);
    _mm512_sub_epi16(a, _mm512_mullo_epi16(t, _mm512_set1_epi16(Q16)))
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn ct16(x: &mut __m512i, y: &mut __m512i, z: __m512i, zq: __m512i) {
    let t = mont16(*y, z, zq);
    *y = _mm512_sub_epi16(*x, t);
    *x = _mm512_add_epi16(*x, t);
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn gs16(x: &mut __m512i, y: &mut __m512i, z: __m512i, zq: __m512i) {
    let t = *x;
    *x = _mm512_add_epi16(t, *y);
    *y = mont16(_mm512_sub_epi16(*y, t), z, zq);
}

/// The 2×2 transposes of `layout` (T_g) at 256, 128, 64 and 32 bits.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn t256(a: &mut __m512i, b: &mut __m512i) {
    let c = _mm512_shuffle_i64x2(*a, *b, 0x44);
    *b = _mm512_shuffle_i64x2(*a, *b, 0xee);
    *a = c;
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn t128(a: &mut __m512i, b: &mut __m512i) {
    let lo = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13);
    let hi = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
    let c = _mm512_permutex2var_epi64(*a, lo, *b);
    *b = _mm512_permutex2var_epi64(*a, hi, *b);
    *a = c;
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn t64(a: &mut __m512i, b: &mut __m512i) {
    let c = _mm512_unpacklo_epi64(*a, *b);
    *b = _mm512_unpackhi_epi64(*a, *b);
    *a = c;
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn t32(a: &mut __m512i, b: &mut __m512i) {
    let c = _mm512_mask_blend_epi32(0xaaaa, *a, _mm512_slli_epi64(*b, 32));
    *b = _mm512_mask_blend_epi32(0xaaaa, _mm512_srli_epi64(*a, 32), *b);
    *a = c;
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn ntt16_layer<const D: usize>(r: &mut [__m512i; 8], first: usize) {
    for block in 0..8 / (2 * D) {
        let zeta = Q3329::ZETAS[first + block];
        let z = _mm512_set1_epi16(zeta);
        let zq = _mm512_set1_epi16(zeta.wrapping_mul(Q3329::QINV));
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            ct16(&mut lo[block * 2 * D + i], &mut hi[i], z, zq);
        }
    }
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn inv_ntt16_layer<const D: usize>(r: &mut [__m512i; 8], last: usize) {
    for block in 0..8 / (2 * D) {
        let zeta = Q3329::ZETAS[last - block];
        let z = _mm512_set1_epi16(zeta);
        let zq = _mm512_set1_epi16(zeta.wrapping_mul(Q3329::QINV));
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            gs16(&mut lo[block * 2 * D + i], &mut hi[i], z, zq);
        }
    }
}

/// `Portable::ntt` for q = 3329.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn ntt16(a: &mut [i16; N]) {
    let mut r = load16(a);
    ntt16_layer::<4>(&mut r, 1);
    ntt16_layer::<2>(&mut r, 2);
    ntt16_layer::<1>(&mut r, 4);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            (
                mem::_mm512_loadu_epi16(&ZETA16[s][p]),
                mem::_mm512_loadu_epi16(&ZETA16_QINV[s][p]),
            )
        };
        t256(x, y);
        let (z, zq) = zeta(0);
        ct16(x, y, z, zq);
        t128(x, y);
        let (z, zq) = zeta(1);
        ct16(x, y, z, zq);
        t64(x, y);
        let (z, zq) = zeta(2);
        ct16(x, y, z, zq);
        t32(x, y);
        let (z, zq) = zeta(3);
        ct16(x, y, z, zq);
        t32(x, y);
        t64(x, y);
        t128(x, y);
        t256(x, y);
        *x = reduce16_vec(*x);
        *y = reduce16_vec(*y);
    }
    store16(&r, a);
}

/// `Portable::inv_ntt` for q = 3329.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn inv_ntt16(a: &mut [i16; N]) {
    let mut r = load16(a);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            (
                mem::_mm512_loadu_epi16(&INV_ZETA16[s][p]),
                mem::_mm512_loadu_epi16(&INV_ZETA16_QINV[s][p]),
            )
        };
        t256(x, y);
        t128(x, y);
        t64(x, y);
        t32(x, y);
        let (z, zq) = zeta(3);
        gs16(x, y, z, zq);
        t32(x, y);
        let (z, zq) = zeta(2);
        gs16(x, y, z, zq);
        t64(x, y);
        let (z, zq) = zeta(1);
        gs16(x, y, z, zq);
        t128(x, y);
        // The portable code reduces after the layer at distance 16, before the next one.
        let (z, zq) = zeta(0);
        gs16(x, y, z, zq);
        t256(x, y);
        *x = reduce16_vec(*x);
        *y = reduce16_vec(*y);
    }
    inv_ntt16_layer::<1>(&mut r, 7);
    inv_ntt16_layer::<2>(&mut r, 3);
    let scale = Q3329::INV_NTT_SCALE;
    let scaled_zeta = Q3329::mont_mul(scale, Q3329::ZETAS[1]);
    let s = _mm512_set1_epi16(scale);
    let sq = _mm512_set1_epi16(scale.wrapping_mul(Q3329::QINV));
    let sz = _mm512_set1_epi16(scaled_zeta);
    let szq = _mm512_set1_epi16(scaled_zeta.wrapping_mul(Q3329::QINV));
    let (lo, hi) = r.split_at_mut(4);
    for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
        let t = *x;
        *x = mont16(_mm512_add_epi16(t, *y), s, sq);
        *y = mont16(_mm512_sub_epi16(*y, t), sz, szq);
    }
    store16(&r, a);
}

/// c₁ = a₀b₁ + a₁b₀ of every pair, in the odd lanes.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn cross16(x: __m512i, y: __m512i) -> __m512i {
    let s = mont16_var(x, _mm512_rol_epi32(y, 16));
    _mm512_add_epi16(s, _mm512_slli_epi32(s, 16))
}

/// `Portable::multiply_ntts_acc` for q = 3329 (see the AVX2 kernel).
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn base_mul16(acc: &mut [i16; N], a: &[i16; N], b: &[i16; N]) {
    let pieces = acc
        .as_chunks_mut::<32>()
        .0
        .iter_mut()
        .zip(a.as_chunks::<32>().0.iter().zip(b.as_chunks::<32>().0))
        .zip(
            GAMMA16
                .as_chunks::<32>()
                .0
                .iter()
                .zip(GAMMA16_QINV.as_chunks::<32>().0),
        );
    for ((c, (x, y)), (g, gq)) in pieces {
        let x = mem::_mm512_loadu_epi16(x);
        let y = mem::_mm512_loadu_epi16(y);
        let p = mont16_var(x, y);
        let gp = mont16(p, mem::_mm512_loadu_epi16(g), mem::_mm512_loadu_epi16(gq));
        let c0 = _mm512_add_epi16(p, _mm512_srli_epi32(gp, 16));
        let sum = _mm512_mask_blend_epi16(0xaaaa_aaaa, c0, cross16(x, y));
        let acc = mem::_mm512_loadu_epi16(c);
        mem::_mm512_storeu_epi16(c, _mm512_add_epi16(acc, sum));
    }
}

/// `Portable::base_mul_cache`.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn base_mul_cache16(b: &[i16; N], cache: &mut [i16; N]) {
    let pieces = cache
        .as_chunks_mut::<32>()
        .0
        .iter_mut()
        .zip(b.as_chunks::<32>().0)
        .zip(
            GAMMA16
                .as_chunks::<32>()
                .0
                .iter()
                .zip(GAMMA16_QINV.as_chunks::<32>().0),
        );
    for ((c, y), (g, gq)) in pieces {
        let y = mem::_mm512_loadu_epi16(y);
        let gy = mont16(y, mem::_mm512_loadu_epi16(g), mem::_mm512_loadu_epi16(gq));
        mem::_mm512_storeu_epi16(c, _mm512_mask_blend_epi16(0xaaaa_aaaa, y, gy));
    }
}

/// `Portable::multiply_ntts_acc_cached`.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn base_mul_cached16(acc: &mut [i16; N], a: &[i16; N], b: &[i16; N], cache: &[i16; N]) {
    let pieces = acc
        .as_chunks_mut::<32>()
        .0
        .iter_mut()
        .zip(a.as_chunks::<32>().0)
        .zip(b.as_chunks::<32>().0.iter().zip(cache.as_chunks::<32>().0));
    for ((c, x), (y, g)) in pieces {
        let x = mem::_mm512_loadu_epi16(x);
        let y = mem::_mm512_loadu_epi16(y);
        let t = mont16_var(x, mem::_mm512_loadu_epi16(g));
        let c0 = _mm512_add_epi16(t, _mm512_srli_epi32(t, 16));
        let sum = _mm512_mask_blend_epi16(0xaaaa_aaaa, c0, cross16(x, y));
        let acc = mem::_mm512_loadu_epi16(c);
        mem::_mm512_storeu_epi16(c, _mm512_add_epi16(acc, sum));
    }
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn map16(a: &mut [i16; N], f: impl Fn(__m512i) -> __m512i) {
    for c in a.as_chunks_mut::<32>().0 {
        let v = mem::_mm512_loadu_epi16(c);
        mem::_mm512_storeu_epi16(c, f(v));
    }
}

/// `Portable::reduce` for q = 3329.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn reduce16(a: &mut [i16; N]) {
    map16(a, |v| reduce16_vec(v));
}

/// `Portable::mul_r` for q = 3329.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn mul_r16(a: &mut [i16; N]) {
    let z = _mm512_set1_epi16(Q3329::R2);
    let zq = _mm512_set1_epi16(Q3329::R2.wrapping_mul(Q3329::QINV));
    map16(a, |v| mont16(v, z, zq));
}

/// `Portable::canonicalize` for q = 3329.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn canonicalize16(a: &mut [i16; N]) {
    let q = _mm512_set1_epi16(Q16);
    map16(a, |v| {
        _mm512_add_epi16(v, _mm512_and_si512(_mm512_srai_epi16(v, 15), q))
    });
}

// ---- q = 8380417: 16 registers of 16 × i32 ----

const Q32: i32 = Q8380417::Q;
const DISTS32: [usize; 4] = [8, 4, 2, 1];
const LANES32: [[[usize; 16]; 8]; 4] = lane_zetas(DISTS32, false);
const INV_LANES32: [[[usize; 16]; 8]; 4] = lane_zetas(DISTS32, true);
const ZETA32: [[[i32; 16]; 8]; 4] = gather32(LANES32, Q8380417::ZETAS, 1);
const ZETA32_QINV: [[[i32; 16]; 8]; 4] = gather32(LANES32, Q8380417::ZETAS, Q8380417::QINV);
const INV_ZETA32: [[[i32; 16]; 8]; 4] = gather32(INV_LANES32, Q8380417::ZETAS, 1);
const INV_ZETA32_QINV: [[[i32; 16]; 8]; 4] = gather32(INV_LANES32, Q8380417::ZETAS, Q8380417::QINV);

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
fn load32(a: &[i32; N]) -> [__m512i; 16] {
    let mut r = [_mm512_setzero_si512(); 16];
    for (r, c) in r.iter_mut().zip(a.as_chunks::<16>().0) {
        *r = mem::_mm512_loadu_epi32(c);
    }
    r
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
fn store32(r: &[__m512i; 16], a: &mut [i32; N]) {
    for (r, c) in r.iter().zip(a.as_chunks_mut::<16>().0) {
        mem::_mm512_storeu_epi32(c, *r);
    }
}

/// ζ and ζ·q⁻¹ for [`mont32`], each also with its odd lanes moved to the even ones.
#[derive(Clone, Copy)]
struct Twiddle32 {
    z: __m512i,
    zq: __m512i,
    z_odd: __m512i,
    zq_odd: __m512i,
}

impl Twiddle32 {
    #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
    #[inline]
    fn splat(zeta: i32) -> Self {
        let z = _mm512_set1_epi32(zeta);
        let zq = _mm512_set1_epi32(zeta.wrapping_mul(Q8380417::QINV));
        Self {
            z,
            zq,
            z_odd: z,
            zq_odd: zq,
        }
    }

    #[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
    #[inline]
    fn lanes(z: __m512i, zq: __m512i) -> Self {
        Self {
            z,
            zq,
            z_odd: _mm512_srli_epi64(z, 32),
            zq_odd: _mm512_srli_epi64(zq, 32),
        }
    }
}

/// `Q8380417::mont_mul(ζ, b)` (see the AVX2 kernel).
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn mont32(b: __m512i, w: Twiddle32) -> __m512i {
    let q = _mm512_set1_epi32(Q32);
    let b_odd = _mm512_srli_epi64(b, 32);
    let even = _mm512_sub_epi64(
        _mm512_mul_epi32(b, w.z),
        _mm512_mul_epi32(_mm512_mul_epi32(b, w.zq), q),
    );
    let odd = _mm512_sub_epi64(
        _mm512_mul_epi32(b_odd, w.z_odd),
        _mm512_mul_epi32(_mm512_mul_epi32(b_odd, w.zq_odd), q),
    );
    _mm512_mask_blend_epi32(0xaaaa, _mm512_srli_epi64(even, 32), odd)
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn reduce32_vec(a: __m512i) -> __m512i {
    let q = _mm512_set1_epi32(Q32);
    let half = _mm512_set1_epi32(Q8380417::HALF);
    let t = _mm512_srai_epi32(_mm512_add_epi32(a, _mm512_set1_epi32(1 << 22)), 23);
    let tq = _mm512_add_epi32(
        _mm512_sub_epi32(_mm512_slli_epi32(t, 23), _mm512_slli_epi32(t, 13)),
        t,
    );
    let r = _mm512_sub_epi32(a, tq);
    let r = _mm512_add_epi32(
        r,
        _mm512_and_si512(_mm512_srai_epi32(_mm512_add_epi32(r, half), 31), q),
    );
    _mm512_sub_epi32(
        r,
        _mm512_and_si512(_mm512_srai_epi32(_mm512_sub_epi32(half, r), 31), q),
    )
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn ct32(x: &mut __m512i, y: &mut __m512i, w: Twiddle32) {
    let t = mont32(*y, w);
    *y = _mm512_sub_epi32(*x, t);
    *x = _mm512_add_epi32(*x, t);
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn gs32(x: &mut __m512i, y: &mut __m512i, w: Twiddle32) {
    let t = *x;
    *x = _mm512_add_epi32(t, *y);
    *y = mont32(_mm512_sub_epi32(*y, t), w);
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn ntt32_layer<const D: usize>(r: &mut [__m512i; 16], first: usize) {
    for block in 0..16 / (2 * D) {
        let w = Twiddle32::splat(Q8380417::ZETAS[first + block]);
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            ct32(&mut lo[block * 2 * D + i], &mut hi[i], w);
        }
    }
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn inv_ntt32_layer<const D: usize>(r: &mut [__m512i; 16], last: usize) {
    for block in 0..16 / (2 * D) {
        let w = Twiddle32::splat(Q8380417::ZETAS[last - block]);
        for i in 0..D {
            let (lo, hi) = r.split_at_mut(block * 2 * D + D);
            gs32(&mut lo[block * 2 * D + i], &mut hi[i], w);
        }
    }
}

/// `Portable::ntt` for q = 8380417.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn ntt32(a: &mut [i32; N]) {
    let mut r = load32(a);
    ntt32_layer::<8>(&mut r, 1);
    ntt32_layer::<4>(&mut r, 2);
    ntt32_layer::<2>(&mut r, 4);
    ntt32_layer::<1>(&mut r, 8);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            Twiddle32::lanes(
                mem::_mm512_loadu_epi32(&ZETA32[s][p]),
                mem::_mm512_loadu_epi32(&ZETA32_QINV[s][p]),
            )
        };
        t256(x, y);
        ct32(x, y, zeta(0));
        t128(x, y);
        ct32(x, y, zeta(1));
        t64(x, y);
        ct32(x, y, zeta(2));
        t32(x, y);
        ct32(x, y, zeta(3));
        t32(x, y);
        t64(x, y);
        t128(x, y);
        t256(x, y);
        *x = reduce32_vec(*x);
        *y = reduce32_vec(*y);
    }
    store32(&r, a);
}

/// `Portable::inv_ntt` for q = 8380417.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn inv_ntt32(a: &mut [i32; N]) {
    let mut r = load32(a);
    for (p, pair) in r.as_chunks_mut::<2>().0.iter_mut().enumerate() {
        let [x, y] = pair;
        let zeta = |s: usize| {
            Twiddle32::lanes(
                mem::_mm512_loadu_epi32(&INV_ZETA32[s][p]),
                mem::_mm512_loadu_epi32(&INV_ZETA32_QINV[s][p]),
            )
        };
        t256(x, y);
        t128(x, y);
        t64(x, y);
        t32(x, y);
        gs32(x, y, zeta(3));
        t32(x, y);
        gs32(x, y, zeta(2));
        t64(x, y);
        gs32(x, y, zeta(1));
        t128(x, y);
        gs32(x, y, zeta(0));
        t256(x, y);
    }
    inv_ntt32_layer::<1>(&mut r, 15);
    inv_ntt32_layer::<2>(&mut r, 7);
    inv_ntt32_layer::<4>(&mut r, 3);
    let scale = Q8380417::INV_NTT_SCALE;
    let s = Twiddle32::splat(scale);
    let sz = Twiddle32::splat(Q8380417::mont_mul(scale, Q8380417::ZETAS[1]));
    let (lo, hi) = r.split_at_mut(8);
    for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
        let t = *x;
        *x = mont32(_mm512_add_epi32(t, *y), s);
        *y = mont32(_mm512_sub_epi32(*y, t), sz);
    }
    store32(&r, a);
}

#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
#[inline]
fn map32(a: &mut [i32; N], f: impl Fn(__m512i) -> __m512i) {
    for c in a.as_chunks_mut::<16>().0 {
        let v = mem::_mm512_loadu_epi32(c);
        mem::_mm512_storeu_epi32(c, f(v));
    }
}

/// `Portable::multiply_ntts_acc` for q = 8380417.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn pointwise32(acc: &mut [i32; N], a: &[i32; N], b: &[i32; N]) {
    let qinv = _mm512_set1_epi32(Q8380417::QINV);
    let pieces = acc
        .as_chunks_mut::<16>()
        .0
        .iter_mut()
        .zip(a.as_chunks::<16>().0.iter().zip(b.as_chunks::<16>().0));
    for (c, (x, y)) in pieces {
        let x = mem::_mm512_loadu_epi32(x);
        let y = mem::_mm512_loadu_epi32(y);
        let w = Twiddle32::lanes(x, _mm512_mullo_epi32(x, qinv));
        let acc = mem::_mm512_loadu_epi32(c);
        mem::_mm512_storeu_epi32(c, _mm512_add_epi32(acc, mont32(y, w)));
    }
}

/// `Portable::reduce` for q = 8380417.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn reduce32(a: &mut [i32; N]) {
    map32(a, |v| reduce32_vec(v));
}

/// `Portable::mul_r` for q = 8380417.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn mul_r32(a: &mut [i32; N]) {
    let w = Twiddle32::splat(Q8380417::R2);
    map32(a, |v| mont32(v, w));
}

/// `Portable::canonicalize` for q = 8380417.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq")]
pub(crate) fn canonicalize32(a: &mut [i32; N]) {
    let q = _mm512_set1_epi32(Q32);
    map32(a, |v| {
        _mm512_add_epi32(v, _mm512_and_si512(_mm512_srai_epi32(v, 31), q))
    });
}
