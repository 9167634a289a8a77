//! Power2Round, Decompose, HighBits, LowBits, MakeHint and UseHint (FIPS 204 §7.4).
//!
//! The signer applies these to secret values, so they use no division, no `%` and no branch:
//! the quotient by 2γ₂ is a multiply-and-shift that is exact on [0, q), checked against the
//! standard's definition for every input in the tests below (CVE-2026-22705 was a hardware
//! division here).

use subtle::{Choice, ConditionallySelectable};

use super::ParameterSet;
use super::params::D;

const Q: i32 = 8_380_417;

/// FIPS 204, Algorithm 35 (Power2Round) of r ∈ [0, q): (r₁, r₀) with r = r₁·2^d + r₀ and
/// r₀ ∈ (−2^(d−1), 2^(d−1)].
#[inline(always)]
pub(crate) fn power2round(r: i32) -> (i32, i32) {
    let r1 = (r + (1 << (D - 1)) - 1) >> D;
    (r1, r - (r1 << D))
}

/// FIPS 204, Algorithm 36 (Decompose) of r ∈ [0, q): (r₁, r₀) with r ≡ r₁·2γ₂ + r₀ (mod q).
///
/// r₁ = ⌈r / 2γ₂⌋ is computed as ⌈(⌈r / 128⌉ · m) / 2^s⌋ with m/2^s ≈ 128/2γ₂, exact on
/// [0, q); the case r₁ = (q − 1)/2γ₂ wraps to 0 without a branch, and r₀ then loses q (step 3
/// of the algorithm).
#[inline(always)]
pub(crate) fn decompose<P: ParameterSet>(r: i32) -> (i32, i32) {
    let mut r1 = (r + 127) >> 7;
    if P::GAMMA2 == (Q - 1) / 32 {
        r1 = (r1 * 1025 + (1 << 21)) >> 22;
        r1 &= 15;
    } else {
        r1 = (r1 * 11275 + (1 << 23)) >> 24;
        // r₁ = 44 wraps to 0. Selected through `subtle`: written as a mask, the compiler turned
        // this into a branch (x86-64, found by the constant-time check in ct/).
        let wrap = Choice::from(((43 - r1) >> 31 & 1) as u8);
        r1 = i32::conditional_select(&r1, &0, wrap);
    }
    let mut r0 = r - r1 * 2 * P::GAMMA2;
    r0 -= (((Q - 1) / 2 - r0) >> 31) & Q;
    (r1, r0)
}

/// FIPS 204, Algorithm 37 (HighBits) of r ∈ [0, q).
#[inline(always)]
pub(crate) fn high_bits<P: ParameterSet>(r: i32) -> i32 {
    decompose::<P>(r).0
}

/// FIPS 204, Algorithm 38 (LowBits) of r ∈ [0, q).
#[inline(always)]
pub(crate) fn low_bits<P: ParameterSet>(r: i32) -> i32 {
    decompose::<P>(r).1
}

/// FIPS 204, Algorithm 39 (MakeHint), given r + z and r (both in [0, q)): 1 if adding z
/// changes the high bits of r, else 0, computed without a branch.
#[inline(always)]
pub(crate) fn make_hint<P: ParameterSet>(r_plus_z: i32, r: i32) -> u64 {
    let diff = (high_bits::<P>(r_plus_z) ^ high_bits::<P>(r)) as u32;
    u64::from((diff | diff.wrapping_neg()) >> 31)
}

/// FIPS 204, Algorithm 40 (UseHint) of r ∈ [0, q). Verification only: all inputs are public.
#[inline(always)]
pub(crate) fn use_hint<P: ParameterSet>(h: bool, r: i32) -> i32 {
    let m = (Q - 1) / (2 * P::GAMMA2);
    let (r1, r0) = decompose::<P>(r);
    match (h, r0 > 0) {
        (false, _) => r1,
        (true, true) if r1 == m - 1 => 0,
        (true, true) => r1 + 1,
        (true, false) if r1 == 0 => m - 1,
        (true, false) => r1 - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    fn check_decompose<P: ParameterSet>() {
        for r in 0..Q {
            assert_eq!(decompose::<P>(r), spec_decompose(r, P::GAMMA2), "r = {r}");
        }
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
        for r in 0..Q {
            let mut r0 = r % (1 << D);
            if r0 > 1 << (D - 1) {
                r0 -= 1 << D;
            }
            assert_eq!(power2round(r), ((r - r0) >> D, r0), "r = {r}");
        }
    }

    fn check_hints<P: ParameterSet>() {
        let m = (Q - 1) / (2 * P::GAMMA2);
        let mut seed = 1u64;
        for _ in 0..200_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let r = ((seed >> 33) % Q as u64) as i32;
            let z = ((seed >> 10) % (2 * P::GAMMA2 as u64)) as i32 - P::GAMMA2 + 1;
            let rz = (r + z).rem_euclid(Q);
            let h = make_hint::<P>(rz, r);
            assert_eq!(h == 1, high_bits::<P>(r) != high_bits::<P>(rz));
            // UseHint(MakeHint(z, r), r) = HighBits(r + z) for |z| ≤ γ₂ (FIPS 204 §7.4).
            assert_eq!(
                use_hint::<P>(h == 1, r),
                high_bits::<P>(rz),
                "r = {r}, z = {z}"
            );
            let (r1, r0) = decompose::<P>(r);
            let expect = match (h == 1, r0 > 0) {
                (false, _) => r1,
                (true, true) => (r1 + 1).rem_euclid(m),
                (true, false) => (r1 - 1).rem_euclid(m),
            };
            assert_eq!(use_hint::<P>(h == 1, r), expect);
        }
        // r₀ = 0 counts as r₀ ≤ 0: the hint moves r₁ down (Algorithm 40, step 4).
        let r = 2 * P::GAMMA2 * 3;
        assert_eq!(decompose::<P>(r), (3, 0));
        assert_eq!(use_hint::<P>(true, r), 2);
        assert_eq!(use_hint::<P>(true, 0), m - 1);
    }

    #[test]
    fn hints_agree_with_the_definitions_gamma2_88() {
        check_hints::<MlDsa44>();
    }

    #[test]
    fn hints_agree_with_the_definitions_gamma2_32() {
        check_hints::<MlDsa65>();
    }
}
