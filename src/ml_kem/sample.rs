//! SampleNTT and SamplePolyCBD (FIPS 203 §4.2.2) and the PRF feeding the latter.

use zeroize::Zeroizing;

use crate::hash::Shake256;
use crate::hash::multi_keccak::sponge::Shake256x4;
use crate::lattice::{Poly, Q3329};
use crate::simd::{self, Level};

/// SamplePolyCBD_η(PRF_η(s, b)) (FIPS 203 (4.3), Algorithm 8) of every polynomial `polys`
/// yields, given with its η, b counting up from `first`: a vector's noise, four PRF streams at
/// a time.
///
/// The portable backend, whose ×4 permutation is four scalar ones, and a lone polynomial left
/// at the end (one scalar permutation is cheaper than a ×4 one on AVX2) take the one-stream
/// PRF; the outputs are the same.
pub(crate) fn sample_poly_cbd_vec<'a>(
    s: &[u8; 32],
    first: u8,
    polys: impl IntoIterator<Item = (usize, &'a mut Poly<Q3329>)>,
) {
    let mut polys = polys.into_iter();
    let mut b = first;
    let portable = matches!(simd::level(), Level::Portable);
    loop {
        let group: [_; 4] = core::array::from_fn(|_| polys.next());
        match group {
            [None, ..] => return,
            [Some((eta, f)), None, ..] => sample_poly_cbd(eta, s, b, f),
            group if portable => {
                for (eta, f) in group.into_iter().flatten() {
                    sample_poly_cbd(eta, s, b, f);
                    b += 1;
                }
                continue;
            }
            group => sample_poly_cbd_x4(s, b, group),
        }
        b += 4;
    }
}

/// [`sample_poly_cbd`] of up to four polynomials, b = `first`, `first` + 1, …, on SHAKE256 ×4.
/// Unused lanes hash a nonce of their own and are not read; a group of mixed η squeezes the
/// longer PRF output for all, of which the shorter one is a prefix.
fn sample_poly_cbd_x4(s: &[u8; 32], first: u8, group: [Option<(usize, &mut Poly<Q3329>)>; 4]) {
    let eta = group
        .iter()
        .flatten()
        .map(|(eta, _)| *eta)
        .max()
        .unwrap_or(2);
    let nonces: [[u8; 1]; 4] = core::array::from_fn(|l| [first.wrapping_add(l as u8)]);
    let mut prf = Zeroizing::new([[0u8; 64 * 3]; 4]);
    // The sponge holds s; it is wiped when dropped (`ShakeX`'s Drop), here at the end.
    let mut xof = Shake256x4::new();
    xof.absorb_all(s);
    xof.absorb(nonces.each_ref().map(|n| n.as_slice()));
    xof.finalize()
        .squeeze(prf.each_mut().map(|p| &mut p[..64 * eta]));
    for (bytes, lane) in prf.iter().zip(group) {
        if let Some((eta, f)) = lane {
            cbd(eta, &bytes[..64 * eta], f);
        }
    }
}

/// SamplePolyCBD_η(PRF_η(s, b)): FIPS 203 (4.3) and Algorithm 8, for η ∈ {2, 3}, into `f`
/// (the result is secret: written where the caller keeps it, not returned by value).
pub(crate) fn sample_poly_cbd(eta: usize, s: &[u8; 32], b: u8, f: &mut Poly<Q3329>) {
    // PRF_η(s, b) = SHAKE256(s‖b, 8·64·η).
    let mut prf = Zeroizing::new([0u8; 64 * 3]);
    let prf = &mut prf[..64 * eta];
    Shake256::digest(&[s, &[b]], prf);
    cbd(eta, prf, f);
}

/// FIPS 203, Algorithm 8 (SamplePolyCBD_η) of the 64·η bytes of a PRF output, into `f`.
fn cbd(eta: usize, prf: &[u8], f: &mut Poly<Q3329>) {
    match eta {
        2 => cbd2(prf, f),
        3 => cbd3(prf, f),
        _ => unreachable!("FIPS 203 uses η ∈ {{2, 3}} only"),
    }
}

/// Algorithm 8 for η = 2: each coefficient is (b₀ + b₁) − (b₂ + b₃) of four consecutive bits.
/// Bit-sliced: a mask-and-add sums adjacent bit pairs of a 32-bit word at once, no branches.
fn cbd2(bytes: &[u8], f: &mut Poly<Q3329>) {
    for (word, out) in bytes.chunks_exact(4).zip(f.coeffs.chunks_exact_mut(8)) {
        let t = u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
        let d = (t & 0x5555_5555) + ((t >> 1) & 0x5555_5555);
        for (j, c) in out.iter_mut().enumerate() {
            let a = (d >> (4 * j)) & 3;
            let b = (d >> (4 * j + 2)) & 3;
            *c = a as i16 - b as i16;
        }
    }
}

/// Algorithm 8 for η = 3: six bits per coefficient, summed three at a time in a 24-bit word.
fn cbd3(bytes: &[u8], f: &mut Poly<Q3329>) {
    for (word, out) in bytes.chunks_exact(3).zip(f.coeffs.chunks_exact_mut(4)) {
        let t = u32::from_le_bytes([word[0], word[1], word[2], 0]);
        let d = (t & 0x0024_9249) + ((t >> 1) & 0x0024_9249) + ((t >> 2) & 0x0024_9249);
        for (j, c) in out.iter_mut().enumerate() {
            let a = (d >> (6 * j)) & 7;
            let b = (d >> (6 * j + 3)) & 7;
            *c = a as i16 - b as i16;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::Shake128;
    use crate::lattice::{ConstZero, N};

    /// Algorithm 8 as written: bit sums over the bit string of the input.
    fn spec_cbd(eta: usize, bytes: &[u8]) -> [i16; N] {
        let bit = |k: usize| i16::from((bytes[k / 8] >> (k % 8)) & 1);
        core::array::from_fn(|i| {
            let x: i16 = (0..eta).map(|j| bit(2 * i * eta + j)).sum();
            let y: i16 = (0..eta).map(|j| bit(2 * i * eta + eta + j)).sum();
            x - y
        })
    }

    #[test]
    fn cbd_matches_the_bitwise_algorithm() {
        for eta in [2, 3] {
            let mut bytes = [0u8; 192];
            Shake256::digest(&[b"cbd", &[eta as u8]], &mut bytes);
            let bytes = &bytes[..64 * eta];
            let mut f = Poly::zero();
            if eta == 2 {
                cbd2(bytes, &mut f);
            } else {
                cbd3(bytes, &mut f);
            }
            assert_eq!(f.coeffs, spec_cbd(eta, bytes), "η = {eta}");
        }
    }

    /// Every length from one polynomial to three groups, η mixed and first b not 0: the ×4 PRF
    /// gives what the one-stream PRF gives.
    #[test]
    fn cbd_of_a_vector_is_cbd_of_each_polynomial() {
        let s = [0xa5; 32];
        for len in 1..=9 {
            let mut got = [const { Poly::<Q3329>::ZERO }; 9];
            let etas = |i: usize| if i % 3 == 1 { 2 } else { 3 };
            sample_poly_cbd_vec(
                &s,
                5,
                got[..len].iter_mut().enumerate().map(|(i, f)| (etas(i), f)),
            );
            for (i, f) in got[..len].iter().enumerate() {
                let mut want = Poly::zero();
                sample_poly_cbd(etas(i), &s, 5 + i as u8, &mut want);
                assert!(*f == want, "{len} polynomials, number {i}");
            }
        }
    }

    /// Algorithm 7 as written: three bytes at a time from the XOF.
    #[test]
    fn sample_ntt_matches_the_bytewise_algorithm() {
        let rho = [7u8; 32];
        let fast = crate::lattice::sample_uniform::<Q3329>(&rho, 2, 1);
        let mut xof = Shake128::new();
        xof.absorb(&rho);
        xof.absorb(&[2, 1]);
        xof.finalize();
        let mut j = 0;
        let mut spec = [0i16; N];
        while j < N {
            let mut c = [0u8; 3];
            xof.squeeze(&mut c);
            let d1 = i16::from(c[0]) + 256 * i16::from(c[1] % 16);
            let d2 = i16::from(c[1] / 16) + 16 * i16::from(c[2]);
            if d1 < 3329 {
                spec[j] = d1;
                j += 1;
            }
            if d2 < 3329 && j < N {
                spec[j] = d2;
                j += 1;
            }
        }
        assert_eq!(fast.coeffs, spec);
    }
}
