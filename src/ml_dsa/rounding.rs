//! Power2Round, Decompose, HighBits, LowBits, MakeHint and UseHint (FIPS 204 §7.4) and the
//! norm check, a whole polynomial at a time on the dispatched lattice backend
//! ([`Rounding`]).
//!
//! The signer applies these to secret values, so the backends use no division, no `%` and no
//! branch: the quotient by 2γ₂ is a multiply-and-shift that is exact on [0, q), checked against
//! the standard's definition for every input in the tests below (CVE-2026-22705 was a hardware
//! division here).

use super::ParameterSet;
use crate::lattice::backend::{Active, Rounding};
use crate::lattice::{Poly, Q8380417};

const Q: i32 = 8_380_417;

type Poly32 = Poly<Q8380417>;

/// `$body` with `$g` the const γ₂ of `$p`, for the backend's functions generic over it (a
/// const generic cannot be taken from a type parameter's constant): the two arms are two
/// instantiations, and the comparison of constants folds away.
macro_rules! with_gamma2 {
    ($p:ty, $g:ident => $body:expr) => {
        if <$p>::GAMMA2 == (Q - 1) / 32 {
            const $g: i32 = (Q - 1) / 32;
            $body
        } else {
            const $g: i32 = (Q - 1) / 88;
            $body
        }
    };
}

/// FIPS 204, Algorithm 35 (Power2Round) of every coefficient of `t` (canonical), on the
/// dispatched backend.
pub(crate) fn power2round_poly(t: &Poly32, t1: &mut Poly32, t0: &mut Poly32) {
    Active.power2round(&t.coeffs, &mut t1.coeffs, &mut t0.coeffs);
}

/// FIPS 204, Algorithm 37 (HighBits) of every coefficient (canonical), in place.
pub(crate) fn high_bits_poly<P: ParameterSet>(r: &mut Poly32) {
    with_gamma2!(P, G => Active.high_bits::<G>(&mut r.coeffs));
}

/// FIPS 204, Algorithm 38 (LowBits) of every coefficient (canonical), in place.
pub(crate) fn low_bits_poly<P: ParameterSet>(r: &mut Poly32) {
    with_gamma2!(P, G => Active.low_bits::<G>(&mut r.coeffs));
}

/// FIPS 204, Algorithm 39 (MakeHint) of every coefficient, given r + z and r (canonical): bit
/// j % 64 of word j / 64 is the hint of coefficient j.
pub(crate) fn make_hint_poly<P: ParameterSet>(r_plus_z: &Poly32, r: &Poly32) -> [u64; 4] {
    with_gamma2!(P, G => Active.make_hint::<G>(&r_plus_z.coeffs, &r.coeffs))
}

/// FIPS 204, Algorithm 40 (UseHint) of every coefficient (canonical), in place, with the
/// hints laid out as [`make_hint_poly`] returns them. Verification only.
pub(crate) fn use_hint_poly<P: ParameterSet>(hints: &[u64; 4], r: &mut Poly32) {
    with_gamma2!(P, G => Active.use_hint::<G>(hints, &mut r.coeffs));
}

/// 1 if some centred coefficient of `a` has |c| ≥ `bound`, else 0, after looking at every one.
pub(crate) fn norm_at_least(a: &Poly32, bound: i32) -> u32 {
    Active.norm_at_least(&a.coeffs, bound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lattice::N;
    use crate::ml_dsa::params::D;
    use crate::ml_dsa::{MlDsa44, MlDsa65};

    /// Algorithm 36 as written, with division (fine on public test values).
    fn spec_decompose(r: i32, gamma2: i32) -> (i32, i32) {
        let alpha = 2 * gamma2;
        let mut r0 = r % alpha;
        if r0 > gamma2 {
            r0 -= alpha;
        }
        if r - r0 == Q - 1 {
            (0, r0 - 1)
        } else {
            ((r - r0) / alpha, r0)
        }
    }

    /// Every r in [0, q), a polynomial at a time (the last one wraps around to 0).
    fn every_input(mut f: impl FnMut(&Poly32)) {
        let mut r = Poly32::zero();
        for start in (0..Q).step_by(N) {
            for (i, c) in r.coeffs.iter_mut().enumerate() {
                *c = (start + i as i32) % Q;
            }
            f(&r);
        }
    }

    fn check_decompose<P: ParameterSet>() {
        every_input(|r| {
            let (mut high, mut low) = (*r, *r);
            high_bits_poly::<P>(&mut high);
            low_bits_poly::<P>(&mut low);
            for ((&r, h), l) in r.coeffs.iter().zip(high.coeffs).zip(low.coeffs) {
                assert_eq!((h, l), spec_decompose(r, P::GAMMA2), "r = {r}");
            }
        });
    }

    #[test]
    fn decompose_is_algorithm_36_for_every_input_gamma2_88() {
        check_decompose::<MlDsa44>();
    }

    #[test]
    fn decompose_is_algorithm_36_for_every_input_gamma2_32() {
        check_decompose::<MlDsa65>();
    }

    #[test]
    fn power2round_is_algorithm_35_for_every_input() {
        let (mut t1, mut t0) = (Poly32::zero(), Poly32::zero());
        every_input(|t| {
            power2round_poly(t, &mut t1, &mut t0);
            for ((&r, r1), c0) in t.coeffs.iter().zip(t1.coeffs).zip(t0.coeffs) {
                let mut r0 = r % (1 << D);
                if r0 > 1 << (D - 1) {
                    r0 -= 1 << D;
                }
                assert_eq!((r1, c0), ((r - r0) >> D, r0), "r = {r}");
            }
        });
    }

    /// MakeHint and UseHint against their definitions, through the polynomial functions.
    fn check_hints<P: ParameterSet>() {
        let m = (Q - 1) / (2 * P::GAMMA2);
        let mut seed = 1u64;
        let (mut r, mut rz) = (Poly32::zero(), Poly32::zero());
        for _ in 0..800 {
            for (r, rz) in r.coeffs.iter_mut().zip(rz.coeffs.iter_mut()) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                *r = ((seed >> 33) % Q as u64) as i32;
                let z = ((seed >> 10) % (2 * P::GAMMA2 as u64)) as i32 - P::GAMMA2 + 1;
                *rz = (*r + z).rem_euclid(Q);
            }
            let hints = make_hint_poly::<P>(&rz, &r);
            let (mut high_r, mut high_rz, mut used) = (r, rz, r);
            high_bits_poly::<P>(&mut high_r);
            high_bits_poly::<P>(&mut high_rz);
            use_hint_poly::<P>(&hints, &mut used);
            for j in 0..N {
                let h = (hints[j / 64] >> (j % 64)) & 1 == 1;
                assert_eq!(h, high_r.coeffs[j] != high_rz.coeffs[j], "MakeHint at {j}");
                // UseHint(MakeHint(z, r), r) = HighBits(r + z) for |z| ≤ γ₂ (FIPS 204 §7.4).
                assert_eq!(used.coeffs[j], high_rz.coeffs[j], "UseHint at {j}");
                let (r1, r0) = spec_decompose(r.coeffs[j], P::GAMMA2);
                let expect = match (h, r0 > 0) {
                    (false, _) => r1,
                    (true, true) => (r1 + 1).rem_euclid(m),
                    (true, false) => (r1 - 1).rem_euclid(m),
                };
                assert_eq!(used.coeffs[j], expect, "Algorithm 40 at {j}");
            }
        }
        // r₀ = 0 counts as r₀ ≤ 0: the hint moves r₁ down (Algorithm 40, step 4).
        let mut r = Poly32::zero();
        r.coeffs[0] = 2 * P::GAMMA2 * 3;
        use_hint_poly::<P>(&[0b11, 0, 0, 0], &mut r);
        assert_eq!(r.coeffs[..2], [2, m - 1]);
    }

    #[test]
    fn hints_agree_with_the_definitions_gamma2_88() {
        check_hints::<MlDsa44>();
    }

    #[test]
    fn hints_agree_with_the_definitions_gamma2_32() {
        check_hints::<MlDsa65>();
    }

    #[test]
    fn norm_at_least_is_the_absolute_value_comparison() {
        let mut p = Poly32::zero();
        for x in -300..300 {
            for bound in [1, 2, 100, 261] {
                p.coeffs[77] = x;
                assert_eq!(
                    norm_at_least(&p, bound) == 1,
                    x.abs() >= bound,
                    "{x}, {bound}"
                );
            }
        }
    }
}
