//! FIPS 205 §11.1: every function is SHAKE256.
//!
//! PRF, F and H hash PK.seed ‖ ADRS ‖ M with |M| ≤ 2n ≤ 64 bytes, at most 128 bytes in all: one
//! block of SHAKE256's 136-byte rate. They are computed as a single Keccak-f[1600] on a state
//! laid out here. n, 32 and every message length are multiples of 8, so every piece is a whole
//! number of little-endian lanes. T_ℓ absorbs lane by lane across blocks.
//!
//! The batched functions run four or eight of these permutations at once on the multi-way
//! Keccak (`crate::hash::multi_keccak`), its states interleaved lane by lane, so that a block
//! is laid out straight into the rows the kernels load.

use zeroize::Zeroize;

use super::{HashSuite, Node, T_LANES};
use crate::hash::multi_keccak::sponge::shake_one_block;
use crate::hash::multi_keccak::{Permute, States};
use crate::hash::{Shake256, keccak_f1600};
use crate::simd;
use crate::slh_dsa::address::Adrs;

/// SHAKE256's rate in lanes (136 bytes).
const RATE_LANES: usize = 17;

/// The SHAKE instantiation for n = `N` bytes.
pub struct Shake<const N: usize> {
    /// PK.seed as N/8 lanes.
    seed: [u64; 4],
    /// The state of the last F, H or PRF.
    scratch: [u64; 25],
    /// T_ℓ's sponge and the next lane it absorbs into.
    t: [u64; 25],
    t_pos: usize,
    /// The states of the last batched F, H or PRF, four or eight wide.
    scratch_x4: States<4>,
    scratch_x8: States<8>,
    /// The interleaved sponges of the batched T_ℓ, how many are in use, and the next lane
    /// they absorb into (the same in all: they absorb in lockstep).
    tx: States<T_LANES>,
    tx_count: usize,
    tx_pos: usize,
}

/// The lanes of `bytes` (a multiple of 8 long), little-endian as FIPS 202 §B.1 reads them.
#[inline(always)]
fn lanes(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes
        .chunks_exact(8)
        // Infallible: chunks_exact(8) yields 8-byte slices.
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
}

/// The first N bytes of the squeezed state.
#[inline(always)]
fn squeeze<const N: usize>(state: &[u64; 25]) -> Node {
    let mut out = [0u8; 32];
    for (chunk, lane) in out[..N].chunks_exact_mut(8).zip(state) {
        chunk.copy_from_slice(&lane.to_le_bytes());
    }
    out
}

/// Absorbs `m` (whole lanes) into the sponge `t` from lane `pos` on; returns the next lane.
#[inline(always)]
fn absorb(t: &mut [u64; 25], mut pos: usize, m: &[u8]) -> usize {
    for lane in lanes(m) {
        t[pos] ^= lane;
        pos += 1;
        if pos == RATE_LANES {
            keccak_f1600(t);
            pos = 0;
        }
    }
    pos
}

/// Pads the sponge `t` after lane `pos` (SHAKE's domain bits and pad10*1, FIPS 202 §6.2, §5.1)
/// and permutes it.
#[inline(always)]
fn finish(t: &mut [u64; 25], pos: usize) {
    t[pos] ^= 0x1f;
    t[RATE_LANES - 1] ^= 0x80 << 56;
    keccak_f1600(t);
}

impl<const N: usize> Shake<N> {
    /// A sponge with PK.seed absorbed, and the lane where ADRS goes.
    #[inline(always)]
    fn t_sponge(&self) -> ([u64; 25], usize) {
        let mut t = [0; 25];
        t[..N / 8].copy_from_slice(&self.seed[..N / 8]);
        (t, N / 8)
    }

    /// SHAKE256(PK.seed ‖ ADRS ‖ a ‖ b, 8n) in one permutation.
    #[inline(always)]
    fn one_block(&mut self, adrs: &Adrs, a: &[u8], b: &[u8]) -> Node {
        let s = &mut self.scratch;
        *s = [0; 25];
        s[..N / 8].copy_from_slice(&self.seed[..N / 8]);
        let mut pos = N / 8;
        for lane in lanes(adrs.as_bytes()).chain(lanes(a)).chain(lanes(b)) {
            s[pos] = lane;
            pos += 1;
        }
        // SHAKE's domain bits and pad10*1 (FIPS 202 §6.2, §5.1), byte-aligned input.
        s[pos] ^= 0x1f;
        s[RATE_LANES - 1] ^= 0x80 << 56;
        keccak_f1600(s);
        squeeze::<N>(s)
    }

    /// [`Self::one_block`] in every lane l, with the message `parts(l)`: eight permutations
    /// at a time where AVX-512 runs them in one register set, four elsewhere (AVX2's eight
    /// are two runs of four, no faster per hash).
    fn one_block_x<'a>(
        &mut self,
        adrs: &[Adrs],
        parts: impl Fn(usize) -> [&'a [u8]; 2],
        out: &mut [Node],
    ) {
        match simd::level() {
            #[cfg(target_arch = "x86_64")]
            simd::Level::Avx512(_) => {
                one_block_xl::<N, 8>(&self.seed, &mut self.scratch_x8, adrs, parts, out);
            }
            _ => one_block_xl::<N, 4>(&self.seed, &mut self.scratch_x4, adrs, parts, out),
        }
    }
}

/// [`Shake::one_block`] in every lane l (message `parts(l)`), `L` lanes per permutation.
#[inline(always)]
fn one_block_xl<'a, const N: usize, const L: usize>(
    seed: &[u64; 4],
    s: &mut States<L>,
    adrs: &[Adrs],
    parts: impl Fn(usize) -> [&'a [u8]; 2],
    out: &mut [Node],
) where
    States<L>: Permute,
{
    for (i, (adrs, out)) in adrs.chunks(L).zip(out.chunks_mut(L)).enumerate() {
        // Unused lanes of the last chunk permute a zero state: public, and not read.
        *s = [[0; L]; 25];
        // The inputs' length in lanes: the same in every lane of a call.
        let mut used = 0;
        for (j, adrs) in adrs.iter().enumerate() {
            for (row, &lane) in s.iter_mut().zip(&seed[..N / 8]) {
                row[j] = lane;
            }
            let [a, b] = parts(i * L + j);
            let message = lanes(adrs.as_bytes()).chain(lanes(a)).chain(lanes(b));
            let mut pos = N / 8;
            for lane in message {
                s[pos][j] = lane;
                pos += 1;
            }
            used = pos;
        }
        shake_one_block::<{ RATE_LANES * 8 }, L>(s, used);
        for (j, out) in out.iter_mut().enumerate() {
            for (chunk, row) in out[..N].chunks_exact_mut(8).zip(s.iter()) {
                chunk.copy_from_slice(&row[j].to_le_bytes());
            }
        }
    }
}

/// Absorbs `m(j)` (`len` bytes, whole lanes) into sponge j of the interleaved `t`, for every
/// j below `count`, from lane `pos` on; returns the next lane. The sponges absorb in lockstep,
/// so a full block permutes them all at once.
#[inline(always)]
fn absorb_x<'a>(
    t: &mut States<T_LANES>,
    mut pos: usize,
    count: usize,
    len: usize,
    m: impl Fn(usize) -> &'a [u8],
) -> usize {
    for k in (0..len).step_by(8) {
        for (j, lane) in t[pos].iter_mut().enumerate().take(count) {
            // Infallible: an 8-byte slice of a message of whole lanes.
            *lane ^= u64::from_le_bytes(m(j)[k..k + 8].try_into().expect("8 bytes"));
        }
        pos += 1;
        if pos == RATE_LANES {
            t.permute();
            pos = 0;
        }
    }
    pos
}

impl<const N: usize> HashSuite for Shake<N> {
    const N: usize = N;

    /// PK.seed as N/8 lanes.
    type Seeded = [u64; 4];

    fn seed(pk_seed: &[u8]) -> [u64; 4] {
        let mut seed = [0; 4];
        for (s, lane) in seed.iter_mut().zip(lanes(pk_seed)) {
            *s = lane;
        }
        seed
    }

    fn new(seeded: &[u64; 4]) -> Self {
        Self {
            seed: *seeded,
            scratch: [0; 25],
            t: [0; 25],
            t_pos: 0,
            scratch_x4: [[0; 4]; 25],
            scratch_x8: [[0; 8]; 25],
            tx: [[0; T_LANES]; 25],
            tx_count: 0,
            tx_pos: 0,
        }
    }

    /// SHAKE256(PK.seed ‖ ADRS ‖ SK.seed, 8n).
    #[inline]
    fn prf(&mut self, adrs: &Adrs, sk_seed: &[u8]) -> Node {
        self.one_block(adrs, sk_seed, &[])
    }

    /// SHAKE256(PK.seed ‖ ADRS ‖ M₁, 8n).
    #[inline]
    fn f(&mut self, adrs: &Adrs, m: &[u8]) -> Node {
        self.one_block(adrs, m, &[])
    }

    /// SHAKE256(PK.seed ‖ ADRS ‖ M₂, 8n).
    #[inline]
    fn h(&mut self, adrs: &Adrs, left: &[u8], right: &[u8]) -> Node {
        self.one_block(adrs, left, right)
    }

    fn t_start(&mut self, adrs: &Adrs) {
        let (t, pos) = self.t_sponge();
        self.t = t;
        self.t_pos = absorb(&mut self.t, pos, adrs.as_bytes());
    }

    fn t_absorb(&mut self, m: &[u8]) {
        self.t_pos = absorb(&mut self.t, self.t_pos, m);
    }

    fn t_finish(&mut self) -> Node {
        finish(&mut self.t, self.t_pos);
        squeeze::<N>(&self.t)
    }

    fn prf_x(&mut self, adrs: &[Adrs], sk_seed: &[u8], out: &mut [Node]) {
        self.one_block_x(adrs, |_| [sk_seed, &[]], out);
    }

    fn f_x(&mut self, adrs: &[Adrs], m: &[Node], out: &mut [Node]) {
        self.one_block_x(adrs, |l| [&m[l][..N], &[]], out);
    }

    fn h_x(&mut self, adrs: &[Adrs], m: &[Node], out: &mut [Node]) {
        self.one_block_x(adrs, |l| [&m[2 * l][..N], &m[2 * l + 1][..N]], out);
    }

    /// The chains in lockstep, each step one batched F over the lanes still running. The
    /// lengths are public, so which lanes run is too.
    fn chains_x(&mut self, adrs: &[Adrs], start: &[u32], steps: &[u32], x: &mut [Node]) {
        let mut lane_adrs = [Adrs::new(); T_LANES];
        let mut index = [0usize; T_LANES];
        let mut tmp = [[0u8; 32]; T_LANES];
        let mut out = [[0u8; 32]; T_LANES];
        let longest = steps.iter().copied().max().unwrap_or(0);
        for step in 0..longest {
            // The lanes still running, T_LANES at a time.
            let mut running = (0..adrs.len()).filter(|&l| step < steps[l]).peekable();
            while running.peek().is_some() {
                let mut count = 0;
                for l in running.by_ref().take(T_LANES) {
                    lane_adrs[count] = adrs[l];
                    lane_adrs[count].set_hash_address(start[l] + step);
                    tmp[count] = x[l];
                    index[count] = l;
                    count += 1;
                }
                self.f_x(&lane_adrs[..count], &tmp[..count], &mut out[..count]);
                for (&l, out) in index[..count].iter().zip(&out) {
                    x[l] = *out;
                }
            }
        }
        // Chain values are secret in key generation and signing.
        tmp.zeroize();
        out.zeroize();
    }

    /// Interleaved sponges, one per lane, each absorbing as [`HashSuite::t_start`] does.
    fn t_start_x(&mut self, adrs: &[Adrs]) {
        self.tx_count = adrs.len().min(T_LANES);
        self.tx = [[0; T_LANES]; 25];
        for (j, adrs) in adrs.iter().take(T_LANES).enumerate() {
            for (row, &lane) in self.tx.iter_mut().zip(&self.seed[..N / 8]) {
                row[j] = lane;
            }
            for (row, lane) in self.tx[N / 8..].iter_mut().zip(lanes(adrs.as_bytes())) {
                row[j] = lane;
            }
        }
        // PK.seed and ADRS fill at most 8 of the 17 lanes of the first block.
        self.tx_pos = N / 8 + 4;
    }

    fn t_absorb_x(&mut self, m: &[Node]) {
        self.tx_pos = absorb_x(&mut self.tx, self.tx_pos, self.tx_count, N, |j| &m[j][..N]);
    }

    fn t_finish_x(&mut self, out: &mut [Node]) {
        for j in 0..self.tx_count {
            self.tx[self.tx_pos][j] ^= 0x1f;
            self.tx[RATE_LANES - 1][j] ^= 0x80 << 56;
        }
        self.tx.permute();
        for (j, out) in out.iter_mut().enumerate().take(self.tx_count) {
            for (chunk, row) in out[..N].chunks_exact_mut(8).zip(self.tx.iter()) {
                chunk.copy_from_slice(&row[j].to_le_bytes());
            }
        }
    }

    /// SHAKE256(SK.prf ‖ opt_rand ‖ M, 8n).
    fn prf_msg(sk_prf: &[u8], opt_rand: &[u8], msg: &[&[u8]]) -> Node {
        let mut h = Shake256::new();
        h.absorb(sk_prf);
        h.absorb(opt_rand);
        for part in msg {
            h.absorb(part);
        }
        let mut out = [0u8; 32];
        h.finalize();
        h.squeeze(&mut out[..N]);
        out
    }

    /// SHAKE256(R ‖ PK.seed ‖ PK.root ‖ M, 8m).
    fn h_msg(r: &[u8], pk_seed: &[u8], pk_root: &[u8], msg: &[&[u8]], out: &mut [u8]) {
        let mut h = Shake256::new();
        h.absorb(r);
        h.absorb(pk_seed);
        h.absorb(pk_root);
        for part in msg {
            h.absorb(part);
        }
        h.finalize();
        h.squeeze(out);
    }
}

impl<const N: usize> Zeroize for Shake<N> {
    fn zeroize(&mut self) {
        self.scratch.zeroize();
        self.scratch_x4.zeroize();
        self.scratch_x8.zeroize();
        self.t.zeroize();
        self.tx.zeroize();
    }
}

impl<const N: usize> Drop for Shake<N> {
    fn drop(&mut self) {
        self.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-laid blocks against the sponge of the shared hashing core.
    #[test]
    fn one_block_and_t_agree_with_shake256() {
        let seed: [u8; 32] = core::array::from_fn(|i| i as u8);
        let m: [u8; 64] = core::array::from_fn(|i| (200 - i) as u8);
        let mut adrs = Adrs::new();
        adrs.set_layer_address(3);
        adrs.set_tree_address(0x1234_5678_9abc);
        adrs.set_hash_address(9);
        let expect = |parts: &[&[u8]], n: usize| {
            let mut out = [0u8; 32];
            let mut all = [b"".as_slice(); 8];
            all[..parts.len()].copy_from_slice(parts);
            Shake256::digest(&all[..parts.len()], &mut out[..n]);
            out
        };
        let mut s16 = Shake::<16>::new(&Shake::<16>::seed(&seed[..16]));
        assert_eq!(
            s16.f(&adrs, &m[..16]),
            expect(&[&seed[..16], adrs.as_bytes(), &m[..16]], 16)
        );
        let mut s32 = Shake::<32>::new(&Shake::<32>::seed(&seed));
        assert_eq!(
            s32.h(&adrs, &m[..32], &m[32..]),
            expect(&[&seed, adrs.as_bytes(), &m], 32)
        );
        // T over 35 values of 24 bytes: several blocks, ending mid-block.
        let mut s24 = Shake::<24>::new(&Shake::<24>::seed(&seed[..24]));
        let mut h = Shake256::new();
        h.absorb(&seed[..24]);
        h.absorb(adrs.as_bytes());
        s24.t_start(&adrs);
        for i in 0..35u8 {
            let v = [i; 24];
            s24.t_absorb(&v);
            h.absorb(&v);
        }
        let mut out = [0u8; 32];
        h.finalize();
        h.squeeze(&mut out[..24]);
        assert_eq!(s24.t_finish(), out);
    }
}
