//! The portable backend: plain Rust written so that the compiler vectorises it, for every
//! target, and the reference every SIMD backend is tested against.

use subtle::{Choice, ConditionallySelectable};

use super::{Backend, BaseMulCache, Field, N, Q3329, Q8380417, Rounding};

/// Plain Rust, for every target.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Portable;

impl<F: Field> Backend<F> for Portable {
    fn ntt(self, a: &mut [F::Coeff; N]) {
        // Cooley–Tukey layers, each a separate instance so that the compiler knows the butterfly
        // distance and vectorises the inner loop; |c| grows by at most q per layer: 8q fits i16
        // after 7 layers, 9q fits i32 after 8, so the reduction waits until the end.
        ntt_layer::<F, 128>(a);
        ntt_layer::<F, 64>(a);
        ntt_layer::<F, 32>(a);
        ntt_layer::<F, 16>(a);
        ntt_layer::<F, 8>(a);
        ntt_layer::<F, 4>(a);
        ntt_layer::<F, 2>(a);
        if F::LAYERS == 8 {
            ntt_layer::<F, 1>(a);
        }
        <Self as Backend<F>>::reduce(self, a);
    }

    fn inv_ntt(self, a: &mut [F::Coeff; N]) {
        // Gentleman–Sande layers with the twiddles in reverse order. Sums double per layer from
        // |c| ≤ q/2; one reduction after the fourth layer keeps 16-bit lanes below 8q. The
        // scaling by R² / 2^LAYERS, folded into the last layer, turns the 2^LAYERS growth into
        // the factor R.
        if F::LAYERS == 8 {
            inv_ntt_layer::<F, 1>(a);
        }
        inv_ntt_layer::<F, 2>(a);
        inv_ntt_layer::<F, 4>(a);
        inv_ntt_layer::<F, 8>(a);
        inv_ntt_layer::<F, 16>(a);
        if F::REDUCE_IN_INV_NTT {
            <Self as Backend<F>>::reduce(self, a);
        }
        inv_ntt_layer::<F, 32>(a);
        inv_ntt_layer::<F, 64>(a);
        // The last layer with the scaling folded in: x + y and ζ·(y − x), both times the scale.
        let scale = F::INV_NTT_SCALE;
        let scaled_zeta = F::mont_mul(scale, F::ZETAS[1]);
        let (lo, hi) = a.split_at_mut(N / 2);
        for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
            let t = *x;
            *x = F::mont_mul(scale, F::add(t, *y));
            *y = F::mont_mul(scaled_zeta, F::sub(*y, t));
        }
    }

    fn multiply_ntts_acc(self, acc: &mut [F::Coeff; N], a: &[F::Coeff; N], b: &[F::Coeff; N]) {
        const { assert!(F::LAYERS == 7 || F::LAYERS == 8) };
        if F::LAYERS == 8 {
            for ((c, x), y) in acc.iter_mut().zip(a).zip(b) {
                *c = F::add(*c, F::mont_mul(*x, *y));
            }
            return;
        }
        // Degree-2 factors X² − γ with γ = ζ^(2·BitRev7(i)+1): for each group of four
        // coefficients the two factors use γ = ZETAS[64 + i] and −γ (FIPS 203 Algorithm 12).
        let quads = acc
            .chunks_exact_mut(4)
            .zip(a.chunks_exact(4))
            .zip(b.chunks_exact(4));
        for (i, ((c, x), y)) in quads.enumerate() {
            let gamma = F::ZETAS[64 + i];
            let neg_gamma = F::sub(F::Coeff::default(), gamma);
            base_case_multiply_acc::<F>(&mut c[..2], &x[..2], &y[..2], gamma);
            base_case_multiply_acc::<F>(&mut c[2..], &x[2..], &y[2..], neg_gamma);
        }
    }

    fn reduce(self, a: &mut [F::Coeff; N]) {
        for c in a.iter_mut() {
            *c = F::reduce(*c);
        }
    }

    fn mul_r(self, a: &mut [F::Coeff; N]) {
        for c in a.iter_mut() {
            *c = F::mont_mul(F::R2, *c);
        }
    }

    fn canonicalize(self, a: &mut [F::Coeff; N]) {
        for c in a.iter_mut() {
            *c = F::canonical(*c);
        }
    }

    fn compress(self, d: u32, a: &mut [F::Coeff; N]) {
        // ⌈2^d·x / q⌋ = ⌊(2^d·x + (q − 1)/2) / q⌋ for odd q (no ties). The quotient by q is a
        // multiplication by ⌈2^36 / q⌉ and a shift, exact for numerators below 2^24 (tested
        // exhaustively in `tests.rs`): no division instruction ever sees the secret.
        let q = F::Q as u64;
        let m = (1u64 << 36).div_ceil(q);
        let mask = (1u64 << d) - 1;
        for c in a.iter_mut() {
            let x = F::to_i32(*c) as u64;
            let n = (x << d) + (q - 1) / 2;
            *c = F::from_i32((((n * m) >> 36) & mask) as i32);
        }
    }

    fn decompress(self, d: u32, a: &mut [F::Coeff; N]) {
        // ⌈q·y / 2^d⌋ = ⌊(q·y + 2^(d−1)) / 2^d⌋.
        let q = F::Q as u32;
        for c in a.iter_mut() {
            let y = F::to_i32(*c) as u32;
            *c = F::from_i32(((q * y + (1 << (d - 1))) >> d) as i32);
        }
    }

    fn rej_uniform(self, bytes: &[u8], out: &mut [F::Coeff]) -> usize {
        let bits = F::UNIFORM_BITS;
        let per_group = (24 / bits) as usize;
        let candidates = |g: &[u8]| {
            let v = u32::from_le_bytes([g[0], g[1], g[2], 0]);
            (0..per_group as u32).map(move |i| (v >> (i * bits)) & ((1 << bits) - 1))
        };
        let mut n = 0;
        let mut groups = bytes.chunks_exact(3);
        // While a whole group fits, store every candidate and advance past the accepted ones:
        // no unpredictable branch per candidate (the seed is public; this is for speed).
        while n + per_group <= out.len() {
            let Some(group) = groups.next() else {
                return n;
            };
            for d in candidates(group) {
                out[n] = F::from_i32(d as i32);
                n += usize::from(d < F::Q as u32);
            }
        }
        // The last coefficients one candidate at a time, dropping what does not fit.
        for group in groups {
            for d in candidates(group) {
                if n < out.len() && d < F::Q as u32 {
                    out[n] = F::from_i32(d as i32);
                    n += 1;
                }
            }
            if n == out.len() {
                break;
            }
        }
        n
    }
}

/// The twiddles of the layer at butterfly distance `LEN`, one per block of 2·LEN coefficients:
/// ZETAS[N/(2·LEN) .. N/LEN], in forward order.
fn layer_zetas<F: Field, const LEN: usize>() -> &'static [F::Coeff] {
    &F::ZETAS[N / (2 * LEN)..N / LEN]
}

/// One forward layer at butterfly distance `LEN`.
#[inline(always)]
fn ntt_layer<F: Field, const LEN: usize>(a: &mut [F::Coeff; N]) {
    for (block, &zeta) in a.chunks_exact_mut(2 * LEN).zip(layer_zetas::<F, LEN>()) {
        let (lo, hi) = block.split_at_mut(LEN);
        for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
            let t = F::mont_mul(zeta, *y);
            *y = F::sub(*x, t);
            *x = F::add(*x, t);
        }
    }
}

/// One inverse layer at distance `LEN`: the forward layer's twiddles in reverse order.
#[inline(always)]
fn inv_ntt_layer<F: Field, const LEN: usize>(a: &mut [F::Coeff; N]) {
    for (block, &zeta) in a
        .chunks_exact_mut(2 * LEN)
        .zip(layer_zetas::<F, LEN>().iter().rev())
    {
        let (lo, hi) = block.split_at_mut(LEN);
        for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
            let t = *x;
            *x = F::add(t, *y);
            *y = F::mont_mul(zeta, F::sub(*y, t));
        }
    }
}

/// `c += (x₀ + x₁X)(y₀ + y₁X) · R⁻¹ mod (X² − γ)`, with γ in Montgomery form.
#[inline(always)]
fn base_case_multiply_acc<F: Field>(
    c: &mut [F::Coeff],
    x: &[F::Coeff],
    y: &[F::Coeff],
    gamma: F::Coeff,
) {
    let c0 = F::add(
        F::mont_mul(x[0], y[0]),
        F::mont_mul(gamma, F::mont_mul(x[1], y[1])),
    );
    let c1 = F::add(F::mont_mul(x[0], y[1]), F::mont_mul(x[1], y[0]));
    c[0] = F::add(c[0], c0);
    c[1] = F::add(c[1], c1);
}

impl BaseMulCache for Portable {
    fn base_mul_cache(self, b: &[i16; N], cache: &mut [i16; N]) {
        cache.copy_from_slice(b);
        for (i, c) in cache.chunks_exact_mut(4).enumerate() {
            let gamma = Q3329::ZETAS[64 + i];
            c[1] = Q3329::mont_mul(gamma, c[1]);
            c[3] = Q3329::mont_mul(Q3329::sub(0, gamma), c[3]);
        }
    }

    fn multiply_ntts_acc_cached(
        self,
        acc: &mut [i16; N],
        a: &[i16; N],
        b: &[i16; N],
        cache: &[i16; N],
    ) {
        let pairs = acc
            .chunks_exact_mut(2)
            .zip(a.chunks_exact(2))
            .zip(b.chunks_exact(2).zip(cache.chunks_exact(2)));
        for ((c, x), (y, g)) in pairs {
            // c₀ = a₀b₀ + a₁·(b₁γ), c₁ = a₀b₁ + a₁b₀, each product · R⁻¹.
            let c0 = Q3329::add(Q3329::mont_mul(x[0], g[0]), Q3329::mont_mul(x[1], g[1]));
            let c1 = Q3329::add(Q3329::mont_mul(x[0], y[1]), Q3329::mont_mul(x[1], y[0]));
            c[0] = Q3329::add(c[0], c0);
            c[1] = Q3329::add(c[1], c1);
        }
    }
}

const Q: i32 = Q8380417::Q;
/// d of FIPS 204: the bits Power2Round drops from t.
pub(super) const D: u32 = 13;

/// FIPS 204, Algorithm 35 (Power2Round) of r ∈ [0, q).
#[inline(always)]
pub(super) fn power2round(r: i32) -> (i32, i32) {
    let r1 = (r + (1 << (D - 1)) - 1) >> D;
    (r1, r - (r1 << D))
}

/// FIPS 204, Algorithm 36 (Decompose) of r ∈ [0, q): (r₁, r₀) with r ≡ r₁·2γ₂ + r₀ (mod q).
///
/// r₁ = ⌈r / 2γ₂⌋ is computed as ⌈(⌈r / 128⌉ · m) / 2^s⌋ with m/2^s ≈ 128/2γ₂, exact on
/// [0, q); the case r₁ = (q − 1)/2γ₂ wraps to 0 without a branch, and r₀ then loses q (step 3
/// of the algorithm).
#[inline(always)]
pub(super) fn decompose<const GAMMA2: i32>(r: i32) -> (i32, i32) {
    let mut r1 = (r + 127) >> 7;
    if GAMMA2 == (Q - 1) / 32 {
        r1 = (r1 * 1025 + (1 << 21)) >> 22;
        r1 &= 15;
    } else {
        r1 = (r1 * 11275 + (1 << 23)) >> 24;
        // r₁ = 44 wraps to 0. Selected through `subtle`: written as a mask, the compiler turned
        // this into a branch (x86-64, found by the constant-time check in ct/).
        let wrap = Choice::from(((43 - r1) >> 31 & 1) as u8);
        r1 = i32::conditional_select(&r1, &0, wrap);
    }
    let mut r0 = r - r1 * 2 * GAMMA2;
    r0 -= (((Q - 1) / 2 - r0) >> 31) & Q;
    (r1, r0)
}

/// 1 if |x| ≥ bound (x centred), else 0, without a branch.
#[inline(always)]
fn at_least(x: i32, bound: i32) -> u32 {
    let abs = x - ((x >> 31) & (2 * x));
    ((bound - 1 - abs) >> 31) as u32 & 1
}

impl Rounding for Portable {
    fn power2round(self, t: &[i32; N], t1: &mut [i32; N], t0: &mut [i32; N]) {
        for ((c, c1), c0) in t.iter().zip(t1.iter_mut()).zip(t0.iter_mut()) {
            (*c1, *c0) = power2round(*c);
        }
    }

    fn decompose<const GAMMA2: i32>(self, r: &[i32; N], r1: &mut [i32; N], r0: &mut [i32; N]) {
        for ((c, c1), c0) in r.iter().zip(r1.iter_mut()).zip(r0.iter_mut()) {
            (*c1, *c0) = decompose::<GAMMA2>(*c);
        }
    }

    fn high_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        for c in r.iter_mut() {
            *c = decompose::<GAMMA2>(*c).0;
        }
    }

    fn low_bits<const GAMMA2: i32>(self, r: &mut [i32; N]) {
        for c in r.iter_mut() {
            *c = decompose::<GAMMA2>(*c).1;
        }
    }

    fn make_hint<const GAMMA2: i32>(self, r_plus_z: &[i32; N], r: &[i32; N]) -> [u64; 4] {
        let mut hints = [0u64; 4];
        for (j, (&rz, &r)) in r_plus_z.iter().zip(r).enumerate() {
            let diff = (decompose::<GAMMA2>(rz).0 ^ decompose::<GAMMA2>(r).0) as u32;
            hints[j / 64] |= u64::from((diff | diff.wrapping_neg()) >> 31) << (j % 64);
        }
        hints
    }

    fn use_hint<const GAMMA2: i32>(self, hints: &[u64; 4], r: &mut [i32; N]) {
        let m = (Q - 1) / (2 * GAMMA2);
        for (j, c) in r.iter_mut().enumerate() {
            let (r1, r0) = decompose::<GAMMA2>(*c);
            *c = match ((hints[j / 64] >> (j % 64)) & 1 == 1, r0 > 0) {
                (false, _) => r1,
                (true, true) if r1 == m - 1 => 0,
                (true, true) => r1 + 1,
                (true, false) if r1 == 0 => m - 1,
                (true, false) => r1 - 1,
            };
        }
    }

    fn norm_at_least(self, a: &[i32; N], bound: i32) -> u32 {
        a.iter().fold(0, |acc, &c| acc | at_least(c, bound))
    }
}
