//! The hot loops of the lattice algorithms behind one narrow trait.
//!
//! [`Portable`] is plain Rust written so that the compiler vectorises it; it is always present
//! and is the reference the SIMD backends are tested against. [`Active`] names the backend that
//! [`super::Poly`] dispatches to.

use super::{Field, N};

/// The operations a backend provides for the field `F`. Each takes whole polynomials (or byte
/// streams), never single coefficients, so that an implementation can keep them in registers.
pub(crate) trait Backend<F: Field> {
    /// Forward NTT (FIPS 203 Algorithm 9, FIPS 204 Algorithm 41); output reduced.
    fn ntt(a: &mut [F::Coeff; N]);
    /// Inverse NTT (FIPS 203 Algorithm 10, FIPS 204 Algorithm 42) times R; input reduced.
    fn inv_ntt(a: &mut [F::Coeff; N]);
    /// `acc += a ∘ b · R⁻¹` (FIPS 203 Algorithms 11 and 12; FIPS 204 pointwise product).
    fn multiply_ntts_acc(acc: &mut [F::Coeff; N], a: &[F::Coeff; N], b: &[F::Coeff; N]);
    /// Centred reduction of every coefficient.
    fn reduce(a: &mut [F::Coeff; N]);
    /// Multiplication of every coefficient by R.
    fn mul_r(a: &mut [F::Coeff; N]);
    /// |c| < q to [0, q), branch-free.
    fn canonicalize(a: &mut [F::Coeff; N]);
    /// Compress_d of canonical coefficients, without division.
    fn compress(d: u32, a: &mut [F::Coeff; N]);
    /// Decompress_d.
    fn decompress(d: u32, a: &mut [F::Coeff; N]);
    /// Uniform rejection sampling from 3-byte groups; returns the number of coefficients written.
    fn rej_uniform(bytes: &[u8], out: &mut [F::Coeff]) -> usize;
}

/// The backend in use. A SIMD backend will make this a dispatcher chosen at run time.
pub(crate) type Active = Portable;

/// Plain Rust, for every target.
pub(crate) struct Portable;

impl<F: Field> Backend<F> for Portable {
    fn ntt(a: &mut [F::Coeff; N]) {
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
        <Self as Backend<F>>::reduce(a);
    }

    fn inv_ntt(a: &mut [F::Coeff; N]) {
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
            <Self as Backend<F>>::reduce(a);
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

    fn multiply_ntts_acc(acc: &mut [F::Coeff; N], a: &[F::Coeff; N], b: &[F::Coeff; N]) {
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

    fn reduce(a: &mut [F::Coeff; N]) {
        for c in a.iter_mut() {
            *c = F::reduce(*c);
        }
    }

    fn mul_r(a: &mut [F::Coeff; N]) {
        for c in a.iter_mut() {
            *c = F::mont_mul(F::R2, *c);
        }
    }

    fn canonicalize(a: &mut [F::Coeff; N]) {
        for c in a.iter_mut() {
            *c = F::canonical(*c);
        }
    }

    fn compress(d: u32, a: &mut [F::Coeff; N]) {
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

    fn decompress(d: u32, a: &mut [F::Coeff; N]) {
        // ⌈q·y / 2^d⌋ = ⌊(q·y + 2^(d−1)) / 2^d⌋.
        let q = F::Q as u32;
        for c in a.iter_mut() {
            let y = F::to_i32(*c) as u32;
            *c = F::from_i32(((q * y + (1 << (d - 1))) >> d) as i32);
        }
    }

    fn rej_uniform(bytes: &[u8], out: &mut [F::Coeff]) -> usize {
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
