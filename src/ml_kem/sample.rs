//! SampleNTT and SamplePolyCBD (FIPS 203 §4.2.2) and the PRF feeding the latter.

use zeroize::Zeroizing;

use crate::hash::Shake256;
use crate::lattice::{Poly, Q3329, sample_uniform};

/// Â[i][j]: FIPS 203, Algorithm 7 (SampleNTT) on ρ‖j‖i.
pub(crate) fn sample_ntt(rho: &[u8; 32], i: u8, j: u8) -> Poly<Q3329> {
    sample_uniform(rho, j, i)
}

/// SamplePolyCBD_η(PRF_η(s, b)): FIPS 203 (4.3) and Algorithm 8, for η ∈ {2, 3}, into `f`
/// (the result is secret: written where the caller keeps it, not returned by value).
pub(crate) fn sample_poly_cbd(eta: usize, s: &[u8; 32], b: u8, f: &mut Poly<Q3329>) {
    // PRF_η(s, b) = SHAKE256(s‖b, 8·64·η).
    let mut prf = Zeroizing::new([0u8; 64 * 3]);
    let prf = &mut prf[..64 * eta];
    Shake256::digest(&[s, &[b]], prf);
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
    use crate::lattice::N;

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

    /// Algorithm 7 as written: three bytes at a time from the XOF.
    #[test]
    fn sample_ntt_matches_the_bytewise_algorithm() {
        let rho = [7u8; 32];
        let fast = sample_ntt(&rho, 1, 2);
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
