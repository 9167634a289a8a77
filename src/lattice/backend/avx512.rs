//! AVX-512 kernels: 32 × i16 lanes for q = 3329, 16 × i32 lanes for q = 8380417.
//!
//! Written from the same straight-line source as the AVX2 kernels (valgrind checks those; it
//! cannot run AVX-512), with the same arithmetic, so results are bit-identical to the portable
//! backend's. Where 512-bit registers do not pay (sampling, compression, rounding), the AVX2
//! kernel serves: every CPU with these AVX-512 subsets has AVX2.

use super::{Backend, BaseMulCache, Portable, Rounding};
use crate::lattice::{N, Q3329, Q8380417};
use crate::simd::{self, lattice as entry};

pub(crate) use super::avx2::{
    base_mul_cache16, base_mul_cached16, base_mul16, canonicalize16, canonicalize32, compress16,
    decompose, decompress16, high_bits, inv_ntt16, inv_ntt32, low_bits, make_hint, mul_r16,
    mul_r32, norm_at_least, ntt16, ntt32, pointwise32, power2round, reduce16, reduce32,
    rej_uniform16, rej_uniform32, use_hint,
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
