//! Multi-buffer SHA-256 and SHA-512: one compression function (FIPS 180-4 §6.2.2, §6.4.2) run
//! on many independent lanes at once, for SLH-DSA, which hashes thousands of short unrelated
//! inputs per signature.
//!
//! Each lane is a chaining state and a block ([`Lane256`], [`Lane512`]). The kernels, chosen at
//! run time by batch size:
//!
//! | | SHA-256 | SHA-512 |
//! |---|---|---|
//! | AVX-512 | 16 lanes, one per 32-bit element (`avx512.rs`) | 8 lanes |
//! | AVX2 | 8 lanes (`avx2.rs`) | 4 lanes |
//! | SHA extensions | 2 lanes interleaved (`sha_ni.rs`) | — |
//! | portable | the `sha2` crate's compression, lane by lane | the same |
//!
//! The vector kernels share one straight-line source for the rounds (`rounds.rs`). On a CPU
//! with both, small batches go to the SHA extensions (two lanes cost ~2 × 41 ns there, 16
//! AVX-512 lanes ~16 × 20 ns whatever the number filled), larger ones to AVX-512; with the SHA
//! extensions and AVX2 only, the SHA extensions win at every size.
//!
//! [`f_chains`] runs whole WOTS+ hash chains (FIPS 205 Algorithm 5 with the SHA2 F of §11.2) in
//! the kernels: the lanes stay transposed in registers from the first step to the last, and
//! each step's block is made from the last digest with shifts, not rebuilt in memory.
//!
//! Nothing here branches or indexes on lane contents; lane counts and chain lengths are public.

#[cfg(target_arch = "x86_64")]
#[macro_use]
mod rounds;
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2;
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx512;
#[cfg(target_arch = "x86_64")]
pub(crate) mod sha_ni;

use sha2::block_api::{compress256, compress512};
use zeroize::Zeroize;

use crate::simd;
#[cfg(target_arch = "x86_64")]
use crate::simd::Level;

/// The most lanes a batched call takes.
pub(crate) const LANES: usize = 16;

/// Batches of at most this many SHA-256 lanes go to the SHA extensions rather than the 16-lane
/// AVX-512 kernel, whose cost does not shrink with the number of lanes filled.
#[cfg(target_arch = "x86_64")]
const SHA_NI_MAX: usize = 6;

/// One SHA-256 lane: a chaining state and the next block. (C layout: the emulated tests of
/// the AVX-512 kernels pass lanes in from outside Rust.)
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct Lane256 {
    pub(crate) state: [u32; 8],
    pub(crate) block: [u8; 64],
}

/// One SHA-512 lane: a chaining state and the next block (C layout, as [`Lane256`]).
#[derive(Clone, Copy)]
#[repr(C)]
pub(crate) struct Lane512 {
    pub(crate) state: [u64; 8],
    pub(crate) block: [u8; 128],
}

impl Default for Lane256 {
    fn default() -> Self {
        Self {
            state: [0; 8],
            block: [0; 64],
        }
    }
}

impl Default for Lane512 {
    fn default() -> Self {
        Self {
            state: [0; 8],
            block: [0; 128],
        }
    }
}

impl Zeroize for Lane256 {
    fn zeroize(&mut self) {
        self.state.zeroize();
        self.block.zeroize();
    }
}

impl Zeroize for Lane512 {
    fn zeroize(&mut self) {
        self.state.zeroize();
        self.block.zeroize();
    }
}

/// Element `i` of `a` seen as `N / M` arrays of `M`.
#[inline(always)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))] // only the x86-64 kernels load in pieces
fn chunk<T, const N: usize, const M: usize>(a: &[T; N], i: usize) -> &[T; M] {
    // Infallible: the kernels ask for pieces of whole arrays (M divides N, i < N / M).
    a[i * M..(i + 1) * M].try_into().expect("M elements")
}

/// Element `i` of `a` seen as `N / M` arrays of `M`.
#[inline(always)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
fn chunk_mut<T, const N: usize, const M: usize>(a: &mut [T; N], i: usize) -> &mut [T; M] {
    // Infallible, as for `chunk`.
    (&mut a[i * M..(i + 1) * M]).try_into().expect("M elements")
}

/// The SHA-256 kernel for a batch of `count` lanes.
#[derive(Clone, Copy)]
enum Path256 {
    Portable,
    #[cfg(target_arch = "x86_64")]
    ShaNi(simd::Sha),
    #[cfg(target_arch = "x86_64")]
    Avx2(simd::Avx2),
    #[cfg(target_arch = "x86_64")]
    Avx512(simd::Avx512),
}

/// The kernel for `count` lanes in an array of `width`: the 16-lane AVX-512 kernel needs 16.
fn path256(count: usize, width: usize) -> Path256 {
    #[cfg(target_arch = "x86_64")]
    match (simd::level(), simd::sha()) {
        (Level::Avx512(avx512), sha) if width >= 16 && (sha.is_none() || count > SHA_NI_MAX) => {
            return Path256::Avx512(avx512);
        }
        (_, Some(sha)) => return Path256::ShaNi(sha),
        (Level::Avx512(avx512), None) => return Path256::Avx2(avx512.avx2()),
        (Level::Avx2(avx2), None) => return Path256::Avx2(avx2),
        (Level::Portable, None) => {}
    }
    let _ = (count, width);
    Path256::Portable
}

/// Runs `kernel` on each `W`-lane chunk of `lanes` that holds one of the first `count` lanes.
#[inline(always)]
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
fn chunks<T, const N: usize, const W: usize>(
    lanes: &mut [T; N],
    count: usize,
    mut kernel: impl FnMut(&mut [T; W]),
) {
    let (chunks, _) = lanes.as_chunks_mut::<W>();
    for chunk in chunks.iter_mut().take(count.div_ceil(W)) {
        kernel(chunk);
    }
}

/// Compresses each lane's block into its state, for the first `count` lanes (the kernels may
/// compress later lanes too, which then hold a different state).
pub(crate) fn sha256<const N: usize>(lanes: &mut [Lane256; N], count: usize) {
    match path256(count, N) {
        #[cfg(target_arch = "x86_64")]
        Path256::Avx512(t) => chunks(lanes, count, |c| simd::sha2::sha256_x16(t, c)),
        #[cfg(target_arch = "x86_64")]
        Path256::Avx2(t) => chunks(lanes, count, |c| simd::sha2::sha256_x8(t, c)),
        #[cfg(target_arch = "x86_64")]
        Path256::ShaNi(t) => chunks(lanes, count, |c| simd::sha2::sha256_x2(t, c)),
        Path256::Portable => {
            for lane in lanes.iter_mut().take(count) {
                compress256(&mut lane.state, core::slice::from_ref(&lane.block));
            }
        }
    }
}

/// FIPS 205 Algorithm 5 (chain) with the SHA2 F of §11.2, in every lane with a nonzero step
/// count: lane l's block is F's second block, ADRSc ‖ x ‖ padding (n = 4·NW bytes of x at byte
/// 22, the hash address in bytes 18 to 21, the 0x80 byte right after x and zeros up to the
/// length), after the PK.seed block whose state is `mid`; `steps[l]` times, x ← F(x) and the
/// hash address goes up by one. The chain value ends where it started, in bytes 22 to 22 + n.
/// The lanes' states are scratch.
pub(crate) fn f_chains<const NW: usize>(
    mid: &[u32; 8],
    lanes: &mut [Lane256; LANES],
    steps: &[u32; LANES],
) {
    let count = steps.iter().rposition(|&s| s > 0).map_or(0, |i| i + 1);
    match path256(count, LANES) {
        #[cfg(target_arch = "x86_64")]
        Path256::Avx512(t) => simd::sha2::f_chains_x16::<NW>(t, mid, lanes, steps),
        #[cfg(target_arch = "x86_64")]
        Path256::Avx2(t) => {
            let (steps, _) = steps.as_chunks::<8>();
            let mut i = 0;
            chunks(lanes, count, |c| {
                simd::sha2::f_chains_x8::<NW>(t, mid, c, &steps[i]);
                i += 1;
            });
        }
        #[cfg(target_arch = "x86_64")]
        Path256::ShaNi(t) => {
            let (steps, _) = steps.as_chunks::<2>();
            let mut i = 0;
            chunks(lanes, count, |c| {
                simd::sha2::f_chains_x2::<NW>(t, mid, c, &steps[i]);
                i += 1;
            });
        }
        Path256::Portable => {
            for (lane, &steps) in lanes.iter_mut().zip(steps) {
                f_chain_portable::<NW>(mid, lane, steps);
            }
        }
    }
}

/// One lane of [`f_chains`], one compression at a time.
fn f_chain_portable<const NW: usize>(mid: &[u32; 8], lane: &mut Lane256, steps: u32) {
    for _ in 0..steps {
        lane.state = *mid;
        compress256(&mut lane.state, core::slice::from_ref(&lane.block));
        let j = u16::from_be_bytes([lane.block[20], lane.block[21]]).wrapping_add(1);
        lane.block[20..22].copy_from_slice(&j.to_be_bytes());
        for (out, word) in lane.block[22..22 + 4 * NW]
            .chunks_exact_mut(4)
            .zip(&lane.state)
        {
            out.copy_from_slice(&word.to_be_bytes());
        }
    }
}

/// Compresses each lane's block into its state, for the first `count` lanes (as [`sha256`]).
pub(crate) fn sha512<const N: usize>(lanes: &mut [Lane512; N], count: usize) {
    match simd::level() {
        #[cfg(target_arch = "x86_64")]
        Level::Avx512(t) => chunks(lanes, count, |c| simd::sha2::sha512_x8(t, c)),
        #[cfg(target_arch = "x86_64")]
        Level::Avx2(t) => chunks(lanes, count, |c| simd::sha2::sha512_x4(t, c)),
        _ => {
            for lane in lanes.iter_mut().take(count) {
                compress512(&mut lane.state, core::slice::from_ref(&lane.block));
            }
        }
    }
}

/// SHA-256 round constants K (FIPS 180-4 §4.2.2).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))] // only the x86-64 kernels read them
const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// SHA-512 round constants K (FIPS 180-4 §4.2.3).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

#[cfg(test)]
mod tests {
    extern crate std;

    use std::println;
    use std::vec::Vec;

    use super::*;
    use crate::test_rng::Rng;

    impl Rng {
        fn lanes256(&mut self) -> [Lane256; LANES] {
            core::array::from_fn(|_| {
                let mut lane = Lane256 {
                    state: core::array::from_fn(|_| self.next() as u32),
                    ..Lane256::default()
                };
                self.fill(&mut lane.block);
                lane
            })
        }

        fn lanes512(&mut self) -> [Lane512; LANES] {
            core::array::from_fn(|_| {
                let mut lane = Lane512 {
                    state: core::array::from_fn(|_| self.next()),
                    ..Lane512::default()
                };
                self.fill(&mut lane.block);
                lane
            })
        }

        /// F blocks for n = 4·NW: random ADRSc and x, FIPS 180-4 padding after 64 + 22 + n
        /// bytes.
        fn f_blocks<const NW: usize>(&mut self) -> [Lane256; LANES] {
            core::array::from_fn(|_| {
                let mut lane = Lane256::default();
                let n = 4 * NW;
                self.fill(&mut lane.block[..22 + n]);
                // Hash addresses within a chain's range (and one near the 16-bit wrap).
                lane.block[20] = 0;
                lane.block[21] = (self.next() % 16) as u8;
                lane.block[22 + n] = 0x80;
                let bits = (64 + 22 + n as u64) * 8;
                lane.block[56..].copy_from_slice(&bits.to_be_bytes());
                lane
            })
        }
    }

    fn states256(lanes: &[Lane256]) -> Vec<[u32; 8]> {
        lanes.iter().map(|l| l.state).collect()
    }

    /// The kernels of each width this CPU has, whatever a test forced.
    #[cfg(target_arch = "x86_64")]
    fn tokens() -> (Option<simd::Avx512>, Option<simd::Avx2>, Option<simd::Sha>) {
        let (level, sha) = simd::best();
        match level {
            Level::Avx512(t) => (Some(t), Some(t.avx2()), sha),
            Level::Avx2(t) => (None, Some(t), sha),
            Level::Portable => (None, None, sha),
        }
    }

    /// Each SHA-256 kernel the machine has, on 16 lanes: its name and a function running it.
    #[allow(clippy::type_complexity)]
    fn sha256_kernels() -> Vec<(&'static str, std::boxed::Box<dyn Fn(&mut [Lane256; LANES])>)> {
        let mut kernels: Vec<(&'static str, std::boxed::Box<dyn Fn(&mut [Lane256; LANES])>)> =
            Vec::new();
        kernels.push((
            "portable",
            std::boxed::Box::new(|lanes: &mut [Lane256; LANES]| {
                for lane in lanes.iter_mut() {
                    compress256(&mut lane.state, core::slice::from_ref(&lane.block));
                }
            }),
        ));
        #[cfg(target_arch = "x86_64")]
        {
            let (avx512, avx2, sha) = tokens();
            if let Some(t) = avx512 {
                kernels.push((
                    "avx512 x16",
                    std::boxed::Box::new(move |l| simd::sha2::sha256_x16(t, l)),
                ));
            }
            if let Some(t) = avx2 {
                kernels.push((
                    "avx2 x8",
                    std::boxed::Box::new(move |l| {
                        chunks(l, LANES, |c| simd::sha2::sha256_x8(t, c))
                    }),
                ));
            }
            if let Some(t) = sha {
                kernels.push((
                    "sha-ni x2",
                    std::boxed::Box::new(move |l| {
                        chunks(l, LANES, |c| simd::sha2::sha256_x2(t, c))
                    }),
                ));
            }
        }
        kernels
    }

    #[test]
    fn every_sha256_kernel_agrees_with_the_one_lane_compression() {
        let mut rng = Rng(1);
        let kernels = sha256_kernels();
        for _ in 0..500 {
            let lanes = rng.lanes256();
            let mut expect = lanes;
            for lane in expect.iter_mut() {
                compress256(&mut lane.state, core::slice::from_ref(&lane.block));
            }
            for (name, kernel) in &kernels {
                let mut got = lanes;
                kernel(&mut got);
                assert_eq!(states256(&got), states256(&expect), "{name}");
                assert!(
                    got.iter().zip(&lanes).all(|(g, l)| g.block == l.block),
                    "{name}"
                );
            }
            // The dispatcher, for every count, on whatever path it picks for it.
            for count in 1..=LANES {
                let mut got = lanes;
                sha256(&mut got, count);
                assert_eq!(
                    states256(&got[..count]),
                    states256(&expect[..count]),
                    "{count}"
                );
            }
        }
        #[cfg(target_arch = "x86_64")]
        assert_eq!(
            kernels.len(),
            1 + [
                tokens().0.is_some(),
                tokens().1.is_some(),
                tokens().2.is_some()
            ]
            .iter()
            .filter(|&&k| k)
            .count()
        );
        println!(
            "SHA-256 kernels checked: {:?}",
            kernels.iter().map(|k| k.0).collect::<Vec<_>>()
        );
    }

    /// F chains of every kernel against the portable loop, for each n and per-lane lengths.
    fn f_chains_agree<const NW: usize>(rng: &mut Rng) -> Vec<&'static str> {
        let mut ran = Vec::new();
        for trial in 0..60 {
            let mid: [u32; 8] = core::array::from_fn(|_| rng.next() as u32);
            let lanes = rng.f_blocks::<NW>();
            // Equal lengths, spread lengths, and some lanes idle.
            let steps: [u32; LANES] = core::array::from_fn(|l| match trial % 3 {
                0 => 15,
                1 => (rng.next() % 16) as u32,
                _ => (l as u32 * 7 + trial) % 5,
            });
            let mut expect = lanes;
            for (lane, &s) in expect.iter_mut().zip(&steps) {
                f_chain_portable::<NW>(&mid, lane, s);
            }
            let check = |name: &'static str, got: &[Lane256; LANES], ran: &mut Vec<_>| {
                for (l, (g, e)) in got.iter().zip(&expect).enumerate() {
                    assert_eq!(g.block, e.block, "{name}, n = {}, lane {l}", 4 * NW);
                }
                if !ran.contains(&name) {
                    ran.push(name);
                }
            };
            let mut got = lanes;
            f_chains::<NW>(&mid, &mut got, &steps);
            check("dispatched", &got, &mut ran);
            #[cfg(target_arch = "x86_64")]
            {
                let (avx512, avx2, sha) = tokens();
                if let Some(t) = avx512 {
                    let mut got = lanes;
                    simd::sha2::f_chains_x16::<NW>(t, &mid, &mut got, &steps);
                    check("avx512 x16", &got, &mut ran);
                }
                if let Some(t) = avx2 {
                    let mut got = lanes;
                    let (s, _) = steps.as_chunks::<8>();
                    for (c, s) in got.as_chunks_mut::<8>().0.iter_mut().zip(s) {
                        simd::sha2::f_chains_x8::<NW>(t, &mid, c, s);
                    }
                    check("avx2 x8", &got, &mut ran);
                }
                if let Some(t) = sha {
                    let mut got = lanes;
                    let (s, _) = steps.as_chunks::<2>();
                    for (c, s) in got.as_chunks_mut::<2>().0.iter_mut().zip(s) {
                        simd::sha2::f_chains_x2::<NW>(t, &mid, c, s);
                    }
                    check("sha-ni x2", &got, &mut ran);
                }
            }
        }
        ran
    }

    #[test]
    fn every_f_chain_kernel_agrees_with_one_compression_at_a_time() {
        let mut rng = Rng(2);
        let ran = [
            f_chains_agree::<4>(&mut rng),
            f_chains_agree::<6>(&mut rng),
            f_chains_agree::<8>(&mut rng),
        ];
        assert!(ran.iter().all(|r| *r == ran[0]));
        println!("F-chain kernels checked: {:?}", ran[0]);
    }

    #[test]
    fn the_portable_f_chain_is_f_iterated() {
        // One step by hand: SHA-256 of the PK.seed block and F's block, truncated, lands in
        // the block at byte 22, and the hash address goes up.
        let mut rng = Rng(3);
        let mut first = [0u8; 64];
        rng.fill(&mut first);
        let mut mid = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        compress256(&mut mid, core::slice::from_ref(&first));
        let mut lane = rng.f_blocks::<4>()[0];
        let before = lane.block;
        f_chain_portable::<4>(&mid, &mut lane, 1);
        let mut message = [0u8; 102];
        message[..64].copy_from_slice(&first);
        message[64..].copy_from_slice(&before[..38]);
        let digest: [u8; 32] = <sha2::Sha256 as sha2::Digest>::digest(message).into();
        assert_eq!(lane.block[22..38], digest[..16]);
        assert_eq!(lane.block[21], before[21] + 1);
        assert_eq!(lane.block[..21], before[..21]);
        assert_eq!(lane.block[38..], before[38..]);
    }

    #[test]
    fn every_sha512_kernel_agrees_with_the_one_lane_compression() {
        let mut rng = Rng(4);
        let mut ran = Vec::new();
        for _ in 0..300 {
            let lanes = rng.lanes512();
            let mut expect = lanes;
            for lane in expect.iter_mut() {
                compress512(&mut lane.state, core::slice::from_ref(&lane.block));
            }
            let states = |l: &[Lane512]| l.iter().map(|l| l.state).collect::<Vec<_>>();
            for count in 1..=LANES {
                let mut got = lanes;
                sha512(&mut got, count);
                assert_eq!(states(&got[..count]), states(&expect[..count]), "{count}");
            }
            #[cfg(target_arch = "x86_64")]
            {
                let (avx512, avx2, _) = tokens();
                if let Some(t) = avx512 {
                    let mut got = lanes;
                    chunks(&mut got, LANES, |c| simd::sha2::sha512_x8(t, c));
                    assert_eq!(states(&got), states(&expect), "avx512 x8");
                    ran.push("avx512 x8");
                }
                if let Some(t) = avx2 {
                    let mut got = lanes;
                    chunks(&mut got, LANES, |c| simd::sha2::sha512_x4(t, c));
                    assert_eq!(states(&got), states(&expect), "avx2 x4");
                    ran.push("avx2 x4");
                }
            }
        }
        ran.dedup();
        println!("SHA-512 kernels checked: portable, {ran:?}");
    }

    /// A planted fault in a lane's block must change that lane's result: the comparison above
    /// is not blind to the lanes it checks.
    #[test]
    fn a_changed_lane_is_seen() {
        let mut rng = Rng(5);
        let lanes = rng.lanes256();
        for (name, kernel) in sha256_kernels() {
            for l in 0..LANES {
                let (mut a, mut b) = (lanes, lanes);
                b[l].block[l] ^= 1;
                kernel(&mut a);
                kernel(&mut b);
                for k in 0..LANES {
                    assert_eq!(a[k].state == b[k].state, k != l, "{name}: lane {l}, {k}");
                }
            }
        }
    }
}
