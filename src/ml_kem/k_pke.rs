//! K-PKE (FIPS 203 §5): the public-key encryption scheme inside ML-KEM. Not for use on its own.
//!
//! Keys are handled decoded (t̂ and ŝ as polynomials with canonical coefficients, ρ as bytes):
//! ML-KEM keeps them that way so that each operation does not decode them again. The matrix Â
//! is sampled where it is used, four entries at a time (four SHAKE128 streams in one SIMD
//! permutation), never stored whole, which bounds the stack.

use zeroize::Zeroizing;

use super::ParameterSet;
use super::encode::{byte_decode, byte_encode, poly_bytes};
use super::sample::sample_poly_cbd_vec;
use crate::ct::declassify;
use crate::hash::sha3_512;
use crate::lattice::{ConstZero, Poly, PolyVec, Q3329, sample_uniform_upto4};

/// The decoded encryption key ek_PKE = ByteEncode₁₂(t̂)‖ρ.
pub(crate) struct EncryptionKey<'a, P: ParameterSet> {
    pub(crate) t_hat: &'a P::PolyVec,
    pub(crate) rho: &'a [u8; 32],
}

/// FIPS 203, Algorithm 13 (K-PKE.KeyGen): t̂, ρ and ŝ, coefficients canonical, written into
/// the key that holds them (so that no copy of ŝ is left in a returned temporary).
pub(crate) fn keygen<P: ParameterSet>(
    d: &[u8; 32],
    t_hat: &mut P::PolyVec,
    rho: &mut [u8; 32],
    s_hat: &mut P::PolyVec,
) {
    // 1: (ρ, σ) ← G(d‖k)
    let mut g = Zeroizing::new([0u8; 64]);
    sha3_512(&[d, &[P::K as u8]], &mut g);
    let (rho_g, sigma) = split_halves(&g);
    // ρ is derived from the secret d but is published in ek (19: ek_PKE ← ByteEncode₁₂(t̂)‖ρ),
    // and from here on SampleNTT's rejection loop branches on bytes derived from it.
    rho.copy_from_slice(rho_g);
    declassify(rho);
    // 8–17: s and e from CBD_η₁(PRF(σ, N)), N = 0, …, 2k − 1, then ŝ = NTT(s), ê = NTT(e);
    // ê is kept in t̂ until the products are added to it.
    let noise = s_hat.as_mut().iter_mut().chain(t_hat.as_mut());
    sample_poly_cbd_vec(sigma, 0, noise.map(|f| (P::ETA1, f)));
    for f in s_hat.as_mut().iter_mut().chain(t_hat.as_mut()) {
        f.ntt();
    }
    // 3–7, 18: t̂ = Â ∘ ŝ + ê, Â sampled as it is needed.
    let mut a_s = Zeroizing::new(P::PolyVec::zero());
    multiply_matrix_acc::<P>(rho, false, s_hat, &mut a_s);
    for (t, a_s) in t_hat.as_mut().iter_mut().zip(a_s.as_mut()) {
        a_s.mul_r();
        t.add_assign(a_s);
        t.reduce();
        t.canonicalize();
    }
    for s in s_hat.as_mut() {
        s.canonicalize();
    }
}

/// `out[i] += Σⱼ M[i, j] ∘ v[j] · R⁻¹` for M = Â, or Âᵀ if `transpose`, with
/// Â[i, j] = SampleNTT(ρ‖j‖i) (FIPS 203 Algorithm 13, steps 3–7). The k² entries are sampled
/// four at a time in row order, a group spanning rows where k is odd, and dropped once used.
/// At most k ≤ 4 products are accumulated per coefficient: within the bound of
/// [`Poly::multiply_ntts_acc`].
fn multiply_matrix_acc<P: ParameterSet>(
    rho: &[u8; 32],
    transpose: bool,
    v: &P::PolyVec,
    out: &mut P::PolyVec,
) {
    let k = P::K;
    // Entry e of the row-major order is M[e / k, e % k]; its SampleNTT input bytes are ρ‖j‖i
    // for Â[i, j], and Âᵀ[i, j] = Â[j, i].
    let index = |e: usize| (e / k, e % k);
    let bytes = |e: usize| {
        let (i, j) = index(e);
        if transpose {
            [i as u8, j as u8]
        } else {
            [j as u8, i as u8]
        }
    };
    let mut m = <[Poly<Q3329>; 4]>::ZERO;
    for first in (0..k * k).step_by(4) {
        let count = (k * k - first).min(4);
        let b = core::array::from_fn(|l| bytes(first + l.min(count - 1)));
        sample_uniform_upto4(rho, b, count, &mut m);
        for (e, m) in (first..first + count).zip(&m) {
            let (i, j) = index(e);
            out.as_mut()[i].multiply_ntts_acc(m, &v.as_ref()[j]);
        }
    }
}

/// FIPS 203, Algorithm 14 (K-PKE.Encrypt): writes c = c₁‖c₂ to `c`.
pub(crate) fn encrypt<P: ParameterSet>(
    ek: &EncryptionKey<'_, P>,
    m: &[u8; 32],
    r: &[u8; 32],
    c: &mut [u8],
) {
    let (c1, c2) = c.split_at_mut(P::K * poly_bytes(P::DU));
    // 9–12, 18: ŷ = NTT(y), y[i] ← CBD_η₁(PRF(r, i)).
    let mut y_hat = Zeroizing::new(P::PolyVec::zero());
    sample_poly_cbd_vec(r, 0, y_hat.as_mut().iter_mut().map(|y| (P::ETA1, y)));
    for y in y_hat.as_mut() {
        y.ntt();
    }
    // 13–17: e₁[i] ← CBD_η₂(PRF(r, k + i)), e₂ ← CBD_η₂(PRF(r, 2k)).
    let mut e1 = Zeroizing::new(P::PolyVec::zero());
    let mut e2 = Zeroizing::new(Poly::zero());
    let noise = e1.as_mut().iter_mut().chain([&mut *e2]);
    sample_poly_cbd_vec(r, P::K as u8, noise.map(|e| (P::ETA2, e)));
    // 19, 22: u = NTT⁻¹(Âᵀ ∘ ŷ) + e₁, compressed and encoded row by row.
    let mut u = Zeroizing::new(P::PolyVec::zero());
    multiply_matrix_acc::<P>(ek.rho, true, &y_hat, &mut u);
    for ((u, e1), c1) in u
        .as_mut()
        .iter_mut()
        .zip(e1.as_ref())
        .zip(c1.chunks_exact_mut(poly_bytes(P::DU)))
    {
        finish_row(u, e1, None);
        u.compress(P::DU);
        byte_encode(P::DU, u, c1);
    }
    // 17, 20, 21, 23: v = NTT⁻¹(t̂ᵀ ∘ ŷ) + e₂ + μ, μ = Decompress₁(ByteDecode₁(m)).
    let v = &mut u.as_mut()[0];
    *v = Poly::zero();
    for (t, y) in ek.t_hat.as_ref().iter().zip(y_hat.as_ref()) {
        v.multiply_ntts_acc(t, y);
    }
    let mut mu = Zeroizing::new(Poly::zero());
    byte_decode(1, m, &mut mu);
    mu.decompress(1);
    finish_row(v, &e2, Some(&mu));
    v.compress(P::DV);
    byte_encode(P::DV, v, c2);
}

/// NTT⁻¹ of an accumulated row, plus the noise (and message) terms, to canonical form.
fn finish_row(acc: &mut Poly<Q3329>, e: &Poly<Q3329>, mu: Option<&Poly<Q3329>>) {
    acc.reduce();
    acc.inv_ntt();
    acc.add_assign(e);
    if let Some(mu) = mu {
        acc.add_assign(mu);
    }
    acc.reduce();
    acc.canonicalize();
}

/// FIPS 203, Algorithm 15 (K-PKE.Decrypt): the message m, into `m`.
pub(crate) fn decrypt<P: ParameterSet>(s_hat: &P::PolyVec, c: &[u8], m: &mut [u8; 32]) {
    let (c1, c2) = c.split_at(P::K * poly_bytes(P::DU));
    // 3, 6: ŝᵀ ∘ NTT(u'), u' = Decompress_du(ByteDecode_du(c₁)), one row at a time.
    let mut acc = Zeroizing::new(Poly::zero());
    let mut u = Poly::zero();
    for (s, c1) in s_hat
        .as_ref()
        .iter()
        .zip(c1.chunks_exact(poly_bytes(P::DU)))
    {
        byte_decode(P::DU, c1, &mut u);
        u.decompress(P::DU);
        u.ntt();
        acc.multiply_ntts_acc(s, &u);
    }
    acc.reduce();
    acc.inv_ntt();
    // 4, 6: w = v' − NTT⁻¹(…), v' = Decompress_dv(ByteDecode_dv(c₂)).
    let mut w = Zeroizing::new(Poly::zero());
    byte_decode(P::DV, c2, &mut w);
    w.decompress(P::DV);
    acc.sub_from(&w);
    acc.reduce();
    acc.canonicalize();
    // 7: m = ByteEncode₁(Compress₁(w)).
    acc.compress(1);
    byte_encode(1, &acc, m);
}

/// Splits a 64-byte hash output into its two 32-byte halves.
pub(crate) fn split_halves(g: &[u8; 64]) -> (&[u8; 32], &[u8; 32]) {
    let (a, b) = g.split_at(32);
    // Infallible: both halves of a 64-byte array are 32 bytes long.
    (
        a.try_into().expect("32 bytes"),
        b.try_into().expect("32 bytes"),
    )
}
