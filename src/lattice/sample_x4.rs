//! Uniform sampling of four polynomials at once, from the four-way SHAKE128.

use super::backend::{Active, Backend};
use super::{Field, N, Poly, sample_uniform};
use crate::hash::multi_keccak::sponge::Shake128x4;
use crate::simd::{self, Level};

/// [`sample_uniform`] of the first `count` (1 to 4) index pairs of `b` into the first `count`
/// polynomials of `out`, the rest of `out` left unspecified: a matrix's entries four at a time,
/// its last group partial.
///
/// Four streams at once where a SIMD permutation runs them; a lane past `count` repeats the last
/// used pair, so that it finishes with it and costs no extra block. The portable backend, whose
/// ×4 permutation is four scalar ones, samples each entry on its own (squeezing nothing for the
/// unused lanes); so does a lone entry on AVX2, where one scalar permutation costs less than a
/// ×4 one (about 390 ns against 4 × 160 ns).
pub(crate) fn sample_uniform_upto4<F: Field>(
    rho: &[u8; 32],
    b: [[u8; 2]; 4],
    count: usize,
    out: &mut [Poly<F>; 4],
) where
    Active: Backend<F>,
{
    sample_uniform_upto4_at(simd::level(), rho, b, count, out);
}

/// [`sample_uniform_upto4`] as chosen for `level` (the permutations and the rejection kernel
/// still run on the current level: they compute the same either way).
fn sample_uniform_upto4_at<F: Field>(
    level: Level,
    rho: &[u8; 32],
    b: [[u8; 2]; 4],
    count: usize,
    out: &mut [Poly<F>; 4],
) where
    Active: Backend<F>,
{
    debug_assert!((1..=4).contains(&count));
    match level {
        Level::Avx512(_) => {}
        Level::Avx2(_) if count > 1 => {}
        _ => {
            for (poly, [b0, b1]) in out.iter_mut().zip(b).take(count) {
                *poly = sample_uniform(rho, b0, b1);
            }
            return;
        }
    }
    let b = core::array::from_fn(|l| b[l.min(count - 1)]);
    sample_uniform_x4(rho, b, out.each_mut());
}

/// FIPS 203 Algorithm 7 (SampleNTT) and FIPS 204 Algorithm 30 (RejNTTPoly) of four matrix
/// entries at once: `out[k]` becomes [`super::sample_uniform`]`(rho, b[k][0], b[k][1])`.
///
/// The four SHAKE128 streams are squeezed together, up to [`BUF_BLOCKS`] blocks at a time,
/// each stream's run through the rejection kernel in one call, until every polynomial is full;
/// a stream that is done early is squeezed along with the others and the surplus is not read.
/// Blocks are multiples of 3 bytes, so this reads the same 3-byte groups as the one-stream
/// sampler. The seed is public: the rejections branch.
pub(crate) fn sample_uniform_x4<F: Field>(rho: &[u8; 32], b: [[u8; 2]; 4], out: [&mut Poly<F>; 4])
where
    Active: Backend<F>,
{
    let mut xof = Shake128x4::new();
    xof.absorb_all(rho);
    xof.absorb(b.each_ref().map(|b| b.as_slice()));
    let mut reader = xof.finalize();
    let mut bufs = [[0u8; BUF_BLOCKS * Shake128x4::RATE]; 4];
    let mut filled = [0; 4];
    let mut out = out;
    loop {
        let short = filled.iter().map(|&n| N - n).max().unwrap_or(0);
        if short == 0 {
            return;
        }
        let len = blocks_at_least::<F>(short).min(BUF_BLOCKS) * Shake128x4::RATE;
        reader.squeeze(bufs.each_mut().map(|buf| &mut buf[..len]));
        for ((poly, n), buf) in out.iter_mut().zip(&mut filled).zip(&bufs) {
            if *n < N {
                *n += <Active as Backend<F>>::rej_uniform(
                    Active,
                    &buf[..len],
                    &mut poly.coeffs[*n..],
                );
            }
        }
    }
}

/// Blocks of each stream squeezed at once by [`sample_uniform_x4`]: two are most of ML-KEM's
/// three and cut ML-DSA's five calls of the kernel per polynomial to three, where the bigger
/// buffers of three or five blocks would take the stack of ML-KEM-768 and ML-DSA-44 past their
/// budgets.
const BUF_BLOCKS: usize = 2;

/// The blocks that `short` more coefficients take at the least, with no candidate rejected:
/// squeezing that many at once for the stream that lacks the most squeezes no block that
/// squeezing one at a time would not.
fn blocks_at_least<F: Field>(short: usize) -> usize {
    let per_group = (24 / F::UNIFORM_BITS) as usize;
    (short.div_ceil(per_group) * 3).div_ceil(Shake128x4::RATE)
}

#[cfg(test)]
mod tests {
    use super::super::{ConstZero, Q3329, Q8380417};
    use super::*;

    /// Random seeds and indices (all 65 536 index pairs are equally valid), against four calls
    /// of the one-stream sampler.
    fn matches_one_stream<F: Field>()
    where
        Active: Backend<F>,
    {
        let mut x = 0x5eed_u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        };
        for _ in 0..300 {
            let rho: [u8; 32] = core::array::from_fn(|_| next());
            let b: [[u8; 2]; 4] = core::array::from_fn(|_| [next(), next()]);
            let mut got = [const { Poly::<F>::ZERO }; 4];
            let [g0, g1, g2, g3] = &mut got;
            sample_uniform_x4(&rho, b, [g0, g1, g2, g3]);
            for (k, (poly, [b0, b1])) in got.iter().zip(b).enumerate() {
                assert!(*poly == sample_uniform::<F>(&rho, b0, b1), "entry {k}");
            }
        }
    }

    /// Every count, along each path a level takes: the entries asked for are those of the
    /// one-stream sampler.
    #[test]
    fn sample_uniform_upto4_samples_the_entries_asked_for() {
        let rho = [0x3c; 32];
        let b = [[0, 1], [2, 3], [1, 0], [3, 3]];
        let levels = match simd::level() {
            Level::Avx512(token) => [Some(Level::Avx2(token.avx2())), Some(Level::Avx512(token))],
            Level::Avx2(token) => [Some(Level::Avx2(token)), None],
            Level::Portable => [None, None],
        };
        for level in [Some(Level::Portable)].into_iter().chain(levels).flatten() {
            for count in 1..=4 {
                let mut got = [const { Poly::<Q3329>::ZERO }; 4];
                sample_uniform_upto4_at(level, &rho, b, count, &mut got);
                for (poly, [b0, b1]) in got.iter().zip(b).take(count) {
                    assert!(
                        *poly == sample_uniform::<Q3329>(&rho, b0, b1),
                        "{level:?}, {count} entries"
                    );
                }
            }
        }
    }

    /// A block is 56 groups of 3 bytes: 112 candidates for q = 3329, 56 for q = 8380417.
    #[test]
    fn blocks_at_least_counts_whole_blocks_of_candidates() {
        for (short, blocks) in [(1, 1), (112, 1), (113, 2), (224, 2), (225, 3), (256, 3)] {
            assert_eq!(blocks_at_least::<Q3329>(short), blocks, "q = 3329, {short}");
        }
        for (short, blocks) in [(1, 1), (56, 1), (57, 2), (224, 4), (225, 5), (256, 5)] {
            assert_eq!(
                blocks_at_least::<Q8380417>(short),
                blocks,
                "q = 8380417, {short}"
            );
        }
    }

    #[test]
    fn sample_uniform_x4_is_four_samples_q3329() {
        matches_one_stream::<Q3329>();
    }

    #[test]
    fn sample_uniform_x4_is_four_samples_q8380417() {
        matches_one_stream::<Q8380417>();
    }
}
