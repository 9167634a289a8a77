//! ExpandA, ExpandS and ExpandMask four polynomials at a time, on the four-way SHAKE
//! (FIPS 204 §7.3): the same streams as the one-at-a-time samplers of [`super::sample`], squeezed
//! together. The portable backend takes the one-at-a-time samplers instead (see
//! [`four_way_pays`]).

use zeroize::Zeroizing;

use super::ParameterSet;
use super::sample::{coeffs_from_block, mask_from_bytes, rej_bounded_poly, rej_ntt_poly};
use crate::hash::Shake256;
use crate::hash::multi_keccak::sponge::Shake256x4;
use crate::lattice::{ConstZero, N, Poly, Q8380417, sample_uniform_x4};
use crate::simd::{self, Level};

type Poly32 = Poly<Q8380417>;

/// Whether `streams` streams (one to four) are worth a four-way call, two or three only where
/// `pad` allows the free streams to be wasted: with SIMD a four-way permutation costs well under
/// three scalar ones. The portable one is four scalar permutations plus the copies into and out
/// of the interleaved states, and a group squeezes as many blocks as its longest stream needs,
/// so there the streams always go one at a time (measured: the four-way samplers had made
/// portable ML-DSA 2.5–4.6 % more instructions than the one-stream code).
fn four_way_pays(streams: usize, pad: bool) -> bool {
    !matches!(simd::level(), Level::Portable) && (streams == 4 || (pad && streams >= 2))
}

/// Up to four of `items` at a time: groups of four, then the rest (trailing `None`s).
fn in_fours<T>(items: impl Iterator<Item = T>, mut f: impl FnMut([Option<T>; 4])) {
    let mut items = items.fuse();
    loop {
        let group: [Option<T>; 4] = core::array::from_fn(|_| items.next());
        if group[0].is_none() {
            return;
        }
        f(group);
    }
}

/// Fills the polynomials of `group`, each from its seed: with `x4` where that pays (see
/// [`four_way_pays`]; the streams of the gaps then repeat the last seed, and their output is
/// dropped), else with `one`, one at a time.
fn sample_group<S: Copy>(
    group: [Option<(&mut Poly32, S)>; 4],
    pad: bool,
    x4: impl FnOnce([S; 4], [Option<&mut Poly32>; 4]),
    mut one: impl FnMut(S, &mut Poly32),
) {
    let n = group.iter().flatten().count();
    if four_way_pays(n, pad) {
        let last = group.iter().flatten().last().map(|(_, s)| *s);
        // `in_fours` never makes an empty group.
        let last = last.expect("a group holds at least one polynomial");
        let seeds = group
            .each_ref()
            .map(|g| g.as_ref().map_or(last, |(_, s)| *s));
        x4(seeds, group.map(|g| g.map(|(poly, _)| poly)));
    } else {
        for (poly, seed) in group.into_iter().flatten() {
            one(seed, poly);
        }
    }
}

/// [`rej_ntt_poly`] in place, for [`sample_group`].
fn rej_ntt_poly_into(rho: &[u8; 32], [s, r]: [u8; 2], a: &mut Poly32) {
    *a = rej_ntt_poly(rho, s, r);
}

/// The seed of entry `e` of Â in row-major order: ρ‖s‖r for Â[r][s].
fn a_seed<P: ParameterSet>(e: usize) -> [u8; 2] {
    [(e % P::L) as u8, (e / P::L) as u8]
}

/// FIPS 204, Algorithm 32 (ExpandA) into `a_hat`, four entries at a time (Algorithm 30,
/// RejNTTPoly, through [`sample_uniform_x4`]); every entry goes one at a time on the portable
/// backend, and a last group of fewer than four (only ML-DSA-65's 30 entries leave one, of two)
/// is padded to four where that pays, the padding lanes written to a spare polynomial, else goes
/// one at a time. ρ is public.
///
/// Always inlined: out of line, its frame adds a KiB to signing's peak stack, and the prepared
/// verifying key that receives the matrix is copied once more.
#[inline(always)]
pub(crate) fn expand_a<P: ParameterSet>(rho: &[u8; 32], a_hat: &mut P::Matrix) {
    let entries = a_hat.as_mut().iter_mut().flat_map(|row| row.as_mut());
    in_fours(entries.zip((0..).map(a_seed::<P>)), |group| {
        sample_group(
            group,
            true,
            |b, out| match out {
                [Some(a0), Some(a1), Some(a2), Some(a3)] => {
                    sample_uniform_x4(rho, b, [a0, a1, a2, a3]);
                }
                partial => {
                    // At most two lanes are padding (`sample_group` pads two or three entries).
                    let mut spare = [Poly32::ZERO; 2];
                    let mut spare = spare.iter_mut();
                    let out = partial.map(|a| {
                        a.unwrap_or_else(|| spare.next().expect("at most two padding lanes"))
                    });
                    sample_uniform_x4(rho, b, out);
                }
            },
            |b, a| rej_ntt_poly_into(rho, b, a),
        );
    });
}

/// Â entry by entry in row-major order, four sampled at a time, without holding the matrix:
/// `f(i, j, Â[i][j])` for every i < k, j < ℓ (key generation and verification use each entry
/// once). A last group of two or three is padded to four where that pays: the buffer has room.
/// On the portable backend every entry is sampled on its own.
pub(crate) fn for_each_a_entry<P: ParameterSet>(
    rho: &[u8; 32],
    mut f: impl FnMut(usize, usize, &Poly32),
) {
    let mut four = [Poly32::ZERO; 4];
    in_fours(0..P::K * P::L, |indices| {
        let n = indices.iter().flatten().count();
        let seeds = core::array::from_fn(|k| a_seed::<P>(indices[k.min(n - 1)].unwrap_or(0)));
        if four_way_pays(n, true) {
            sample_uniform_x4(rho, seeds, four.each_mut());
        } else {
            for (a, b) in four.iter_mut().zip(seeds).take(n) {
                rej_ntt_poly_into(rho, b, a);
            }
        }
        for (e, a) in indices.into_iter().flatten().zip(&four) {
            f(e / P::L, e % P::L, a);
        }
    });
}

/// FIPS 204, Algorithm 31 (RejBoundedPoly) of four streams, ρ′‖IntegerToBytes(nonce[k], 2):
/// the four SHAKE256 streams squeezed together one block at a time until all four polynomials
/// are full; rejections as in [`rej_bounded_poly`]. Everything here is secret and is wiped.
fn rej_bounded_poly_x4<P: ParameterSet>(
    rho_prime: &[u8; 64],
    nonces: [u16; 4],
    out: [Option<&mut Poly32>; 4],
) {
    let mut xof = Shake256x4::new();
    xof.absorb_all(rho_prime);
    let nonces = nonces.map(u16::to_le_bytes);
    xof.absorb(nonces.each_ref().map(|n| n.as_slice()));
    let mut reader = xof.finalize();
    let mut blocks = Zeroizing::new([[0u8; Shake256::RATE]; 4]);
    // A stream without a polynomial counts as full from the start.
    let mut filled = out.each_ref().map(|a| if a.is_some() { 0 } else { N });
    let mut out = out;
    while filled.iter().any(|&n| n < N) {
        reader.squeeze(blocks.each_mut().map(|b| b.as_mut_slice()));
        for ((a, n), block) in out.iter_mut().zip(&mut filled).zip(blocks.iter()) {
            if let Some(a) = a {
                *n = coeffs_from_block::<P>(block, &mut a.coeffs, *n);
            }
        }
    }
}

/// FIPS 204, Algorithm 33 (ExpandS): s₁ from nonces 0..ℓ, s₂ from ℓ..ℓ+k, four polynomials
/// at a time.
pub(crate) fn expand_s<P: ParameterSet>(rho_prime: &[u8; 64], s1: &mut P::VecL, s2: &mut P::VecK) {
    let polys = s1.as_mut().iter_mut().chain(s2.as_mut());
    in_fours(polys.zip(0u16..), |group| {
        sample_group(
            group,
            true,
            |nonces, out| rej_bounded_poly_x4::<P>(rho_prime, nonces, out),
            |nonce, a| rej_bounded_poly::<P>(rho_prime, nonce, a),
        );
    });
}

/// Lines 1–3 of FIPS 204, Algorithm 34 (ExpandMask) for four nonces: y = BitUnpack(H(ρ″‖
/// IntegerToBytes(nonce[k], 2)), γ₁ − 1, γ₁), the four streams squeezed together.
fn mask_polys_x4<P: ParameterSet>(
    rho_pp: &[u8; 64],
    nonces: [u16; 4],
    out: [Option<&mut Poly32>; 4],
) {
    let mut xof = Shake256x4::new();
    xof.absorb_all(rho_pp);
    let nonces = nonces.map(u16::to_le_bytes);
    xof.absorb(nonces.each_ref().map(|n| n.as_slice()));
    let mut bufs = Zeroizing::new([[0u8; 32 * 20]; 4]);
    let len = 32 * P::Z_BITS as usize;
    xof.finalize()
        .squeeze(bufs.each_mut().map(|b| &mut b[..len]));
    for (y, buf) in out.into_iter().zip(bufs.iter()) {
        if let Some(y) = y {
            mask_from_bytes::<P>(&buf[..len], y);
        }
    }
}

/// FIPS 204, Algorithm 34 (ExpandMask): y[r] from the nonce κ + r, four polynomials at a time.
pub(crate) fn expand_mask<P: ParameterSet>(rho_pp: &[u8; 64], kappa: u16, y: &mut P::VecL) {
    let nonces = (0..).map(|r: u16| kappa.wrapping_add(r));
    in_fours(y.as_mut().iter_mut().zip(nonces), |group| {
        sample_group(
            group,
            true,
            |nonces, out| mask_polys_x4::<P>(rho_pp, nonces, out),
            |nonce, y| super::sample::mask_poly::<P>(rho_pp, nonce, y),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml_dsa::{MlDsa44, MlDsa65, MlDsa87};

    /// Pseudo-random bytes for seeds.
    fn bytes<const M: usize>(x: &mut u64) -> [u8; M] {
        core::array::from_fn(|_| {
            *x ^= *x << 13;
            *x ^= *x >> 7;
            *x ^= *x << 17;
            *x as u8
        })
    }

    /// Every sampler against the one-at-a-time sampler of each polynomial, with random seeds.
    fn matches_one_at_a_time<P: ParameterSet>() {
        let mut x = 0x5eed_u64 + P::K as u64;
        for _ in 0..20 {
            let rho: [u8; 32] = bytes(&mut x);
            let rho_prime: [u8; 64] = bytes(&mut x);
            let kappa = u16::from_le_bytes(bytes(&mut x));

            let mut a_hat = P::Matrix::ZERO;
            expand_a::<P>(&rho, &mut a_hat);
            let mut seen = 0;
            for_each_a_entry::<P>(&rho, |i, j, a| {
                assert!(*a == rej_ntt_poly(&rho, j as u8, i as u8), "Â[{i}][{j}]");
                assert!(a_hat.as_ref()[i].as_ref()[j] == *a, "ExpandA [{i}][{j}]");
                assert_eq!((i, j), (seen / P::L, seen % P::L), "row-major order");
                seen += 1;
            });
            assert_eq!(seen, P::K * P::L);

            let (mut s1, mut s2) = (P::VecL::ZERO, P::VecK::ZERO);
            expand_s::<P>(&rho_prime, &mut s1, &mut s2);
            let polys = s1.as_ref().iter().chain(s2.as_ref());
            for (r, s) in polys.enumerate() {
                let mut expect = Poly::zero();
                rej_bounded_poly::<P>(&rho_prime, r as u16, &mut expect);
                assert!(*s == expect, "ExpandS polynomial {r}");
            }

            let mut y = P::VecL::ZERO;
            expand_mask::<P>(&rho_prime, kappa, &mut y);
            for (r, y) in y.as_ref().iter().enumerate() {
                let mut expect = Poly::zero();
                super::super::sample::mask_poly::<P>(
                    &rho_prime,
                    kappa.wrapping_add(r as u16),
                    &mut expect,
                );
                assert!(*y == expect, "ExpandMask polynomial {r}");
            }
        }
    }

    #[test]
    fn samplers_match_one_at_a_time_ml_dsa_44() {
        matches_one_at_a_time::<MlDsa44>();
    }

    #[test]
    fn samplers_match_one_at_a_time_ml_dsa_65() {
        matches_one_at_a_time::<MlDsa65>();
    }

    #[test]
    fn samplers_match_one_at_a_time_ml_dsa_87() {
        matches_one_at_a_time::<MlDsa87>();
    }
}
