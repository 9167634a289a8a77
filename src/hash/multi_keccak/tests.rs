//! Every kernel against the scalar permutation, and the multi-way sponges against the one-stream
//! SHAKE.

use super::sponge::{Shake128x4, Shake256x4, ShakeX, shake_one_block};
use super::*;
use crate::hash::{SHAKE_PAD, Shake128, Shake256, Sponge, keccak_f1600};
use crate::simd::Backend;
use crate::test_rng::Rng;

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Every level this CPU runs, each with its token: the portable one, then AVX2 and AVX-512 where
/// present. Nothing in the library's unit tests lowers the level, so `simd::level()` is the best
/// the CPU has; the assertion makes sure of it, so that no backend is skipped unnoticed.
fn levels() -> [Option<Level>; 3] {
    let best = crate::simd::available().last();
    assert_eq!(
        Some(crate::simd::active()),
        best,
        "a unit test forced a backend"
    );
    match simd::level() {
        Level::Avx512(token) => [
            Some(Level::Portable),
            Some(Level::Avx2(token.avx2())),
            Some(Level::Avx512(token)),
        ],
        Level::Avx2(token) => [Some(Level::Portable), Some(Level::Avx2(token)), None],
        Level::Portable => [Some(Level::Portable), None, None],
    }
}

fn backend(level: Level) -> Backend {
    match level {
        Level::Portable => Backend::Portable,
        Level::Avx2(_) => Backend::Avx2,
        Level::Avx512(_) => Backend::Avx512,
    }
}

/// Checks `states` after a multi-way permutation against the scalar one on `before`.
fn check_against_scalar<const L: usize>(before: &States<L>, after: &States<L>, what: Backend) {
    for j in 0..L {
        let mut one: [u64; 25] = core::array::from_fn(|i| before[i][j]);
        keccak_f1600(&mut one);
        let got: [u64; 25] = core::array::from_fn(|i| after[i][j]);
        assert_eq!(got, one, "{what} ×{L}, state {j}");
    }
}

const CASES: usize = 2000;

#[test]
fn every_kernel_matches_the_scalar_permutation() {
    let mut rng = Rng(1);
    let mut tested = [0usize; 3];
    for level in levels().into_iter().flatten() {
        let what = backend(level);
        for case in 0..CASES {
            // The all-zero state first, then random ones; a few rounds chained, as a sponge does.
            let mut x4: States<4> = [[0; 4]; 25];
            let mut x8: States<8> = [[0; 8]; 25];
            if case > 0 {
                x4 = core::array::from_fn(|_| core::array::from_fn(|_| rng.next()));
                x8 = core::array::from_fn(|_| core::array::from_fn(|_| rng.next()));
            }
            for _ in 0..2 {
                let before = x4;
                f1600_x4_at(level, &mut x4);
                check_against_scalar(&before, &x4, what);
                let before = x8;
                f1600_x8_at(level, &mut x8);
                check_against_scalar(&before, &x8, what);
            }
            tested[what as usize] += 1;
        }
    }
    assert_eq!(tested[Backend::Portable as usize], CASES);
    for b in crate::simd::available() {
        assert_eq!(tested[b as usize], CASES, "{b}");
    }
}

/// FIPS 202's permutation of the zero state (lane 0 of the well-known test value), so that the
/// scalar reference itself is pinned.
#[test]
fn the_scalar_reference_is_keccak_f1600() {
    let mut s = [0u64; 25];
    keccak_f1600(&mut s);
    assert_eq!(s[0], 0xf125_8f79_40e1_dde7);
    assert_eq!(s[24], 0xeaf1_ff7b_5cec_a249);
}

/// Splits `len` into random pieces (zero-length ones included), calling `f(start, end)` for each.
fn pieces(rng: &mut Rng, len: usize, mut f: impl FnMut(usize, usize)) {
    let mut at = 0;
    loop {
        let take = rng.below(len - at + 1).min(rng.below(300));
        f(at, at + take);
        at += take;
        if at == len {
            break;
        }
    }
}

/// Random inputs of random (shared) lengths, absorbed and squeezed in random pieces, against
/// each stream hashed alone.
fn sponge_matches_one_stream<const RATE: usize, const L: usize>()
where
    States<L>: Permute,
{
    let mut rng = Rng(RATE as u64 * 100 + L as u64);
    let mut input = [[0u8; 700]; L];
    let mut got = [[0u8; 900]; L];
    let mut want = [0u8; 900];
    for case in 0..300 {
        // Every length around the first block boundaries, then random ones over several blocks.
        let in_len = if case < 2 * RATE + 2 {
            case % (RATE + 2) + (case / (RATE + 2)) * RATE
        } else {
            rng.below(700)
        };
        let out_len = rng.below(900);
        for stream in input.iter_mut() {
            rng.fill(&mut stream[..in_len]);
        }
        let mut sponge = ShakeX::<RATE, L>::new();
        pieces(&mut rng, in_len, |a, b| {
            sponge.absorb(core::array::from_fn(|j| &input[j][a..b]));
        });
        let mut reader = sponge.finalize();
        pieces(&mut rng, out_len, |a, b| {
            reader.squeeze(got.each_mut().map(|o| &mut o[a..b]));
        });
        for j in 0..L {
            Sponge::<RATE, SHAKE_PAD>::digest(&[&input[j][..in_len]], &mut want[..out_len]);
            assert_eq!(
                got[j][..out_len],
                want[..out_len],
                "RATE {RATE} ×{L}, stream {j}, in {in_len}, out {out_len}"
            );
        }
    }
}

#[test]
fn shake128_x4_matches_one_stream() {
    sponge_matches_one_stream::<168, 4>();
}

#[test]
fn shake256_x4_matches_one_stream() {
    sponge_matches_one_stream::<136, 4>();
}

#[test]
fn shake128_x8_matches_one_stream() {
    sponge_matches_one_stream::<168, 8>();
}

#[test]
fn shake256_x8_matches_one_stream() {
    sponge_matches_one_stream::<136, 8>();
}

/// A shared prefix absorbed once for all streams is the same as absorbing it into each.
#[test]
fn absorb_all_is_a_shared_prefix() {
    let rho = [7u8; 32];
    let mut sponge = Shake128x4::new();
    sponge.absorb_all(&rho);
    sponge.absorb([&[0, 0], &[0, 1], &[1, 0], &[2, 3]]);
    let mut got = [[0u8; 200]; 4];
    let [g0, g1, g2, g3] = &mut got;
    sponge.finalize().squeeze([g0, g1, g2, g3]);
    for (j, ji) in [[0u8, 0], [0, 1], [1, 0], [2, 3]].iter().enumerate() {
        let mut want = [0u8; 200];
        Shake128::digest(&[&rho, ji], &mut want);
        assert_eq!(got[j], want, "stream {j}");
    }
}

#[test]
#[should_panic(expected = "equal lengths")]
fn unequal_lengths_are_refused() {
    Shake256x4::new().absorb([&[1], &[2], &[3], &[4, 5]]);
}

/// The one-block form, laid out by hand as SLH-DSA does, against the sponge, for every input
/// length that fits (whole lanes) and both widths.
fn one_block_matches_shake<const L: usize>()
where
    States<L>: Permute,
{
    let mut rng = Rng(L as u64);
    for lanes in 0..Shake256::RATE / 8 {
        let mut state: States<L> = [[0; L]; 25];
        let mut input = [[0u8; 136]; L];
        for (j, stream) in input.iter_mut().enumerate() {
            rng.fill(&mut stream[..8 * lanes]);
            for (i, lane) in stream[..8 * lanes].chunks_exact(8).enumerate() {
                state[i][j] = u64::from_le_bytes(lane.try_into().unwrap());
            }
        }
        shake_one_block::<136, L>(&mut state, lanes);
        for (j, stream) in input.iter().enumerate() {
            let mut want = [0u8; 136];
            Shake256::digest(&[&stream[..8 * lanes]], &mut want);
            for (i, lane) in want.chunks_exact(8).enumerate() {
                assert_eq!(
                    state[i][j].to_le_bytes(),
                    lane,
                    "×{L}, {lanes} lanes, stream {j}"
                );
            }
        }
    }
}

#[test]
fn one_block_x4_matches_shake256() {
    one_block_matches_shake::<4>();
}

#[test]
fn one_block_x8_matches_shake256() {
    one_block_matches_shake::<8>();
}
