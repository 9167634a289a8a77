//! Shared lattice core: arithmetic modulo q, the NTT, polynomials and uniform sampling.
//!
//! Everything here is written once over the [`Field`] trait. ML-KEM instantiates it with
//! q = 3329 (16-bit coefficients, a 7-layer NTT that stops at degree-2 factors); ML-DSA plugs in
//! q = 8380417 (32-bit coefficients, a complete 8-layer NTT) through the same code.
//!
//! The hot loops sit behind [`backend::Backend`]; algorithm code only calls the methods of
//! [`Poly`], which dispatch to the active backend, so a SIMD backend replaces them without
//! touching the algorithms.

pub(crate) mod backend;
mod field;
#[cfg(feature = "force-backend")]
pub mod kernels;
mod pack;
mod sample_x4;

use core::fmt;
use zeroize::Zeroize;

use crate::hash::Shake128;
use backend::{Active, Backend};
pub(crate) use field::{Field, Q3329, Q8380417};
pub(crate) use pack::{pack, unpack};
pub(crate) use sample_x4::sample_uniform_upto4;
pub(crate) use sample_x4::sample_uniform_x4;

/// Number of coefficients of every polynomial in FIPS 203 and FIPS 204.
pub(crate) const N: usize = 256;

/// A polynomial of R_q or, after [`Poly::ntt`], its NTT representation T_q.
///
/// Which domain a value is in, and how far its coefficients are reduced, is the caller's
/// bookkeeping, stated at each use; the operations below say what they require.
///
/// `Copy`, so that an array of polynomials is copied in one move straight to where it goes:
/// the element-wise `Clone` of a non-`Copy` array builds the copy in a temporary first, which
/// would leave a stray copy of a secret key on the stack.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(C, align(32))]
pub struct Poly<F: Field> {
    pub(crate) coeffs: [F::Coeff; N],
}

// The bound names the crate-internal dispatcher; `Poly` is public only as a name in trait
// bounds of the parameter sets, its methods are all crate-internal.
#[allow(private_bounds)]
impl<F: Field> Poly<F>
where
    Active: Backend<F>,
{
    /// The zero polynomial.
    pub(crate) fn zero() -> Self {
        Self::ZERO
    }

    /// Forward NTT in place. Input: |coefficients| < q. Output: reduced, |c| ≤ q/2.
    pub(crate) fn ntt(&mut self) {
        <Active as Backend<F>>::ntt(Active, &mut self.coeffs);
    }

    /// Inverse NTT in place, multiplied by the Montgomery factor R so that it undoes the R⁻¹ of
    /// [`Poly::multiply_ntts_acc`]. Input: |coefficients| ≤ q/2 (call [`Poly::reduce`] first).
    /// Output: |c| < q.
    pub(crate) fn inv_ntt(&mut self) {
        <Active as Backend<F>>::inv_ntt(Active, &mut self.coeffs);
    }

    /// `self += a ∘ b · R⁻¹` in the NTT domain (MultiplyNTTs, lazily accumulated).
    /// Inputs |c| < q; for q = 3329 up to four products (8q < 2^15) may be accumulated before
    /// [`Poly::reduce`].
    pub(crate) fn multiply_ntts_acc(&mut self, a: &Self, b: &Self) {
        <Active as Backend<F>>::multiply_ntts_acc(Active, &mut self.coeffs, &a.coeffs, &b.coeffs);
    }

    /// Reduces every coefficient to the centred representative, |c| ≤ q/2.
    pub(crate) fn reduce(&mut self) {
        <Active as Backend<F>>::reduce(Active, &mut self.coeffs);
    }

    /// Multiplies every coefficient by the Montgomery factor R (undoing one R⁻¹).
    pub(crate) fn mul_r(&mut self) {
        <Active as Backend<F>>::mul_r(Active, &mut self.coeffs);
    }

    /// Maps every coefficient from |c| < q to its canonical representative in [0, q).
    pub(crate) fn canonicalize(&mut self) {
        <Active as Backend<F>>::canonicalize(Active, &mut self.coeffs);
    }

    /// Compress_d (FIPS 203 (4.7)) of every coefficient; input canonical, in [0, q).
    pub(crate) fn compress(&mut self, d: u32) {
        <Active as Backend<F>>::compress(Active, d, &mut self.coeffs);
    }

    /// Decompress_d (FIPS 203 (4.8)) of every coefficient; input in [0, 2^d).
    pub(crate) fn decompress(&mut self, d: u32) {
        <Active as Backend<F>>::decompress(Active, d, &mut self.coeffs);
    }

    /// Coefficient-wise `self += other` without reduction.
    pub(crate) fn add_assign(&mut self, other: &Self) {
        for (a, b) in self.coeffs.iter_mut().zip(&other.coeffs) {
            *a = F::add(*a, *b);
        }
    }

    /// Coefficient-wise `self = other − self` without reduction.
    pub(crate) fn sub_from(&mut self, other: &Self) {
        for (a, b) in self.coeffs.iter_mut().zip(&other.coeffs) {
            *a = F::sub(*b, *a);
        }
    }
}

impl<F: Field> Zeroize for Poly<F> {
    fn zeroize(&mut self) {
        self.coeffs.zeroize();
    }
}

/// Polynomials are key material as often as not: never print their coefficients.
impl<F: Field> fmt::Debug for Poly<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Poly(..)")
    }
}

/// A zero that is a constant, so that large zero values (a vector, the matrix Â) are written
/// in place rather than built elsewhere and copied: it keeps the stack small.
pub trait ConstZero: Sized {
    /// All zero.
    const ZERO: Self;
}

impl<F: Field> ConstZero for Poly<F> {
    const ZERO: Self = Self {
        coeffs: [F::ZERO; N],
    };
}

impl<T: ConstZero, const K: usize> ConstZero for [T; K] {
    const ZERO: Self = [const { T::ZERO }; K];
}

/// A fixed-length vector of polynomials, `[Poly<F>; K]`, as the parameter sets name it.
pub trait PolyVec<F: Field>:
    AsRef<[Poly<F>]> + AsMut<[Poly<F>]> + Copy + Zeroize + ConstZero + Send + Sync
{
    /// The all-zero vector.
    fn zero() -> Self {
        Self::ZERO
    }
}

impl<F: Field, const K: usize> PolyVec<F> for [Poly<F>; K] {}

/// A fixed-length array of rows, `[V; K]`: the matrices of the standards, row by row.
pub trait Rows<V>: AsRef<[V]> + AsMut<[V]> + ConstZero + Send + Sync {}

impl<V: ConstZero + Send + Sync, const K: usize> Rows<V> for [V; K] {}

/// FIPS 203 Algorithm 7 (SampleNTT) and FIPS 204 Algorithm 30 (RejNTTPoly): a polynomial
/// uniform in T_q from SHAKE128(ρ ‖ b₀ ‖ b₁), rejecting 3-byte candidates that are not below q.
///
/// Squeezes as many blocks as 256 coefficients take without rejections (3 for q = 3329, 5 for
/// q = 8380417), then one block at a time; block sizes are multiples of 3, so this reads the same
/// 3-byte groups as the standards' byte-by-byte loops. The seed is public: the rejections branch.
pub(crate) fn sample_uniform<F: Field>(rho: &[u8; 32], b0: u8, b1: u8) -> Poly<F>
where
    Active: Backend<F>,
{
    const MAX_BLOCKS: usize = 5;
    let first_blocks = (N * 3 / (24 / F::UNIFORM_BITS) as usize).div_ceil(Shake128::RATE);
    let mut xof = Shake128::new();
    xof.absorb(rho);
    xof.absorb(&[b0, b1]);
    xof.finalize();
    let mut a = Poly::zero();
    let mut buf = [0u8; MAX_BLOCKS * Shake128::RATE];
    let first = &mut buf[..first_blocks * Shake128::RATE];
    xof.squeeze(first);
    let mut n = <Active as Backend<F>>::rej_uniform(Active, first, &mut a.coeffs);
    while n < N {
        let block = &mut buf[..Shake128::RATE];
        xof.squeeze(block);
        n += <Active as Backend<F>>::rej_uniform(Active, block, &mut a.coeffs[n..]);
    }
    a
}

#[cfg(test)]
mod tests;
