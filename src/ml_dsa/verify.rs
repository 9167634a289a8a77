//! Verification (FIPS 204 §6.3, Algorithm 8). Everything here is public: plain branches.

use super::ParameterSet;
use super::encode::{HintMask, hint_bit_unpack, unpack_z};
use super::rounding::use_hint_poly;
use super::sample::{sample_in_ball_public, w1_encode_poly};
use crate::Error;
use crate::hash::Shake256;
use crate::lattice::{Poly, PolyVec, Q8380417};

/// Where verification gets Â and NTT(t₁·2^d): a [`VerifyingKey`](super::VerifyingKey) samples
/// and decodes them as they are used, a [`PreparedVerifyingKey`](super::PreparedVerifyingKey)
/// holds them.
pub(crate) trait PublicTerms<P: ParameterSet> {
    /// Line 9 before NTT⁻¹, row by row in order: `f(i, w)` with w = Σⱼ Â[i, j] ∘ ẑ[j] + (−ĉ) ∘
    /// NTT(t₁[i]·2^d), for i = 0..k (a callback, so that Â can be sampled in groups of entries
    /// that straddle rows).
    fn rows(
        &self,
        z_hat: &P::VecL,
        neg_c_hat: &Poly<Q8380417>,
        f: impl FnMut(usize, &mut Poly<Q8380417>),
    );
}

/// FIPS 204, Algorithm 8 (ML-DSA.Verify_internal) from line 8, given μ and a signature of the
/// right length.
pub(crate) fn verify_mu<P: ParameterSet>(
    key: &impl PublicTerms<P>,
    mu: &[u8; 64],
    sig: &P::SignatureBytes,
) -> Result<(), Error> {
    // 2–4: (c̃, z, h) ← sigDecode(σ); a malformed hint is ⊥.
    let (c_tilde, rest) = sig.as_ref().split_at(P::C_TILDE_SIZE);
    let (z_bytes, h_bytes) = rest.split_at(P::L * 32 * P::Z_BITS as usize);
    let hints: HintMask = hint_bit_unpack::<P>(h_bytes)?;
    let mut z_hat = P::VecL::zero();
    for (z, chunk) in z_hat
        .as_mut()
        .iter_mut()
        .zip(z_bytes.chunks_exact(32 * P::Z_BITS as usize))
    {
        unpack_z::<P>(chunk, z);
        // 13: ‖z‖∞ < γ₁ − β, checked first since it needs no arithmetic.
        if !z_in_range::<P>(z) {
            return Err(Error::InvalidSignature);
        }
        z.ntt();
    }
    // 8: c ← SampleInBall(c̃); the NTT of −c, so that line 9 only accumulates products. c̃ is
    // from the signature, public: the variable-time form is allowed.
    let mut neg_c_hat = Poly::zero();
    sample_in_ball_public::<P>(c_tilde, &mut neg_c_hat);
    for c in neg_c_hat.coeffs.iter_mut() {
        *c = -*c;
    }
    neg_c_hat.ntt();
    // 9–12: w′_Approx = NTT⁻¹(Â ∘ NTT(z) − NTT(c) ∘ NTT(t₁·2^d)), w′₁ ← UseHint(h, w′_Approx),
    // c̃′ ← H(μ ‖ w1Encode(w′₁), λ/4); row by row.
    let mut h = Shake256::new();
    h.absorb(mu);
    key.rows(&z_hat, &neg_c_hat, |i, w| {
        w.reduce();
        w.inv_ntt();
        w.reduce();
        w.canonicalize();
        use_hint_poly::<P>(&hints[i], w);
        let mut encoded = [0u8; 32 * 6];
        let encoded = &mut encoded[..32 * P::W1_BITS as usize];
        w1_encode_poly::<P>(w, encoded);
        h.absorb(encoded);
    });
    let mut c_tilde_prime = [0u8; 64];
    h.finalize();
    h.squeeze(&mut c_tilde_prime[..P::C_TILDE_SIZE]);
    // 13: c̃ = c̃′.
    if c_tilde == &c_tilde_prime[..P::C_TILDE_SIZE] {
        Ok(())
    } else {
        Err(Error::InvalidSignature)
    }
}

/// ‖z‖∞ < γ₁ − β for one polynomial of z (Algorithm 8, line 13).
fn z_in_range<P: ParameterSet>(z: &Poly<Q8380417>) -> bool {
    z.coeffs.iter().all(|c| c.abs() < P::GAMMA1 - P::BETA)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml_dsa::{MlDsa44, MlDsa65, MlDsa87};

    fn check_bound<P: ParameterSet>() {
        let bound = P::GAMMA1 - P::BETA;
        let mut z = Poly::zero();
        for (value, ok) in [
            (bound - 1, true),
            (bound, false),
            (-(bound - 1), true),
            (-bound, false),
            (P::GAMMA1, false),
        ] {
            z.coeffs[17] = value;
            assert_eq!(z_in_range::<P>(&z), ok, "z = {value}");
        }
    }

    #[test]
    fn z_bound_is_strict_at_gamma1_minus_beta() {
        check_bound::<MlDsa44>();
        check_bound::<MlDsa65>();
        check_bound::<MlDsa87>();
    }
}
