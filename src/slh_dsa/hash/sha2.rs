//! FIPS 205 §11.2: the SHA2 instantiations, with the compressed address ADRSc.
//!
//! - Category 1 (n = 16, §11.2.1): SHA-256 for everything, HMAC-SHA-256 for PRF_msg,
//!   MGF1-SHA-256 in H_msg.
//! - Categories 3 and 5 (n = 24, 32, §11.2.2): SHA-256 for F and PRF; SHA-512 for H, T_ℓ and
//!   H_msg (with MGF1-SHA-512); HMAC-SHA-512 for PRF_msg.
//!
//! PK.seed ‖ toByte(0, 64 − n) (or 128 − n for SHA-512) is exactly one block, so its state is
//! computed once. What follows it in F, H and PRF (22 + n or 22 + 2n bytes) fits with the
//! padding in one more block: one compression per call.

use ::sha2::{Digest, Sha256, Sha512};
use zeroize::{Zeroize, Zeroizing};

use super::{HashSuite, LANES, Node, T_LANES};
use crate::hash::sha2_block::{Sha256Block, Sha512Block, write_be};
use crate::hash::sha2_mb::{self, Lane256, Lane512};
use crate::slh_dsa::address::Adrs;

/// What a key keeps for the SHA2 sets: the states after the PK.seed block.
#[derive(Clone)]
pub struct Sha2Seeded {
    /// SHA-256 after PK.seed ‖ toByte(0, 64 − n).
    seed256: Sha256Block,
    /// SHA-512 after PK.seed ‖ toByte(0, 128 − n); categories 3 and 5 only (`None` at 1).
    seed512: Option<Sha512Block>,
}

/// The SHA2 instantiation for n = `N` bytes.
pub struct Sha2<const N: usize> {
    seed256: Sha256Block,
    seed512: Option<Sha512Block>,
    /// T_ℓ in progress.
    t: TState,
    /// The block and state of the last one-block call.
    block256: [u8; 64],
    state256: [u32; 8],
    block512: [u8; 128],
    state512: [u64; 8],
    /// The lanes of the batched SHA-256 calls: PRF, F, chains, and H at category 1.
    lanes256: [Lane256; LANES],
    /// The batched T_ℓ; at categories 3 and 5 its lanes also serve the batched H when no T_ℓ
    /// is in progress.
    tx: TxState,
}

#[derive(Clone)]
enum TState {
    Idle,
    Sha256(Sha256Block),
    Sha512(Sha512Block),
}

/// The batched T_ℓ: SHA-256 lanes at category 1, SHA-512 above (fixed when the suite is made).
#[allow(clippy::large_enum_variant)] // a set only ever uses one of the two
enum TxState {
    Sha256(TxLanes<Lane256>),
    Sha512(TxLanes<Lane512>),
}

/// What the batched T_ℓ needs of a lane type.
trait TLane: Copy + Default + Zeroize {
    /// Bytes per block.
    const BLOCK: usize;
    /// Bytes of the length field at the end of the last block.
    const LEN_BYTES: usize;
    /// The hash after the PK.seed block.
    type Seed;
    fn start(&mut self, seed: &Self::Seed);
    fn block(&mut self) -> &mut [u8];
    fn compress(lanes: &mut [Self; T_LANES], count: usize);
    fn digest(&self, out: &mut [u8]);
}

impl TLane for Lane256 {
    const BLOCK: usize = 64;
    const LEN_BYTES: usize = 8;
    type Seed = Sha256Block;

    fn start(&mut self, seed: &Sha256Block) {
        self.state = *seed.midstate();
    }

    fn block(&mut self) -> &mut [u8] {
        &mut self.block
    }

    fn compress(lanes: &mut [Self; T_LANES], count: usize) {
        sha2_mb::sha256(lanes, count);
    }

    fn digest(&self, out: &mut [u8]) {
        write_be(&self.state, out);
    }
}

impl TLane for Lane512 {
    const BLOCK: usize = 128;
    const LEN_BYTES: usize = 16;
    type Seed = Sha512Block;

    fn start(&mut self, seed: &Sha512Block) {
        self.state = *seed.midstate();
    }

    fn block(&mut self) -> &mut [u8] {
        &mut self.block
    }

    fn compress(lanes: &mut [Self; T_LANES], count: usize) {
        sha2_mb::sha512(lanes, count);
    }

    fn digest(&self, out: &mut [u8]) {
        write_be(&self.state, out);
    }
}

/// SHA-2 over `count` messages that grow by the same number of bytes at a time, so that every
/// lane fills its block together and the lanes are compressed in one batch.
struct TxLanes<L> {
    lanes: [L; T_LANES],
    /// The lanes in use; 0 when no T_ℓ is in progress.
    count: usize,
    /// Bytes in the current block of every lane.
    filled: usize,
    /// Bytes hashed so far in every lane, the PK.seed block included.
    total: u64,
}

impl<L: TLane> TxLanes<L> {
    fn idle() -> Self {
        Self {
            lanes: [L::default(); T_LANES],
            count: 0,
            filled: 0,
            total: 0,
        }
    }

    /// Starts `count` messages after the PK.seed block.
    fn start(&mut self, seed: &L::Seed, count: usize) {
        for lane in self.lanes.iter_mut().take(count) {
            lane.start(seed);
        }
        self.count = count;
        self.filled = 0;
        self.total = L::BLOCK as u64;
    }

    /// Appends `part(l)` to lane l's message; every part is `len` bytes.
    fn absorb<'a>(&mut self, len: usize, part: impl Fn(usize) -> &'a [u8]) {
        let mut done = 0;
        while done < len {
            let take = (len - done).min(L::BLOCK - self.filled);
            for (l, lane) in self.lanes.iter_mut().enumerate().take(self.count) {
                lane.block()[self.filled..self.filled + take]
                    .copy_from_slice(&part(l)[done..done + take]);
            }
            self.filled += take;
            done += take;
            if self.filled == L::BLOCK {
                L::compress(&mut self.lanes, self.count);
                self.filled = 0;
            }
        }
        self.total += len as u64;
    }

    /// Pads every message (FIPS 180-4 §5.1) and writes the first `n` bytes of each digest.
    fn finish(&mut self, n: usize, out: &mut [Node]) {
        let bits = self.total * 8;
        let two_blocks = self.filled + 1 > L::BLOCK - L::LEN_BYTES;
        for lane in self.lanes.iter_mut().take(self.count) {
            let block = lane.block();
            block[self.filled] = 0x80;
            block[self.filled + 1..].fill(0);
        }
        if two_blocks {
            L::compress(&mut self.lanes, self.count);
            for lane in self.lanes.iter_mut().take(self.count) {
                lane.block().fill(0);
            }
        }
        for lane in self.lanes.iter_mut().take(self.count) {
            // The length field is 8 or 16 bytes; messages here are far below 2^64 bits.
            lane.block()[L::BLOCK - 8..].copy_from_slice(&bits.to_be_bytes());
        }
        L::compress(&mut self.lanes, self.count);
        for (lane, out) in self.lanes.iter().zip(out).take(self.count) {
            lane.digest(&mut out[..n]);
        }
    }
}

impl<const N: usize> Sha2<N> {
    /// Categories 3 and 5 use SHA-512 for H, T_ℓ, H_msg and PRF_msg.
    const SHA512: bool = N > 16;

    /// Trunc_n(SHA-256(PK.seed ‖ toByte(0, 64 − n) ‖ ADRSc ‖ a ‖ b)).
    #[inline(always)]
    fn sha256_one(&mut self, adrs: &Adrs, a: &[u8], b: &[u8]) -> Node {
        let mut out = [0u8; 32];
        self.seed256.finish_one(
            &[&adrs.compressed(), a, b],
            &mut self.block256,
            &mut self.state256,
            &mut out[..N],
        );
        out
    }

    /// [`Self::sha256_one`] in every lane l, with the message `parts(l)`.
    fn sha256_x<'a>(
        &mut self,
        adrs: &[Adrs],
        parts: impl Fn(usize) -> [&'a [u8]; 2],
        out: &mut [Node],
    ) {
        for (i, (adrs, out)) in adrs.chunks(LANES).zip(out.chunks_mut(LANES)).enumerate() {
            for (l, (lane, adrs)) in self.lanes256.iter_mut().zip(adrs).enumerate() {
                let [a, b] = parts(i * LANES + l);
                self.seed256
                    .final_block(&[&adrs.compressed(), a, b], &mut lane.block);
                lane.state = *self.seed256.midstate();
            }
            sha2_mb::sha256(&mut self.lanes256, adrs.len());
            for (lane, out) in self.lanes256.iter().zip(out) {
                write_be(&lane.state, &mut out[..N]);
            }
        }
    }
}

impl<const N: usize> HashSuite for Sha2<N> {
    const N: usize = N;

    type Seeded = Sha2Seeded;

    fn seed(pk_seed: &[u8]) -> Sha2Seeded {
        let mut b256 = [0u8; 64];
        b256[..N].copy_from_slice(pk_seed);
        let seed512 = Self::SHA512.then(|| {
            let mut b512 = [0u8; 128];
            b512[..N].copy_from_slice(pk_seed);
            Sha512Block::with_first_block(&b512)
        });
        Sha2Seeded {
            seed256: Sha256Block::with_first_block(&b256),
            seed512,
        }
    }

    fn new(seeded: &Sha2Seeded) -> Self {
        Self {
            seed256: seeded.seed256.clone(),
            seed512: seeded.seed512.clone(),
            t: TState::Idle,
            block256: [0; 64],
            state256: [0; 8],
            block512: [0; 128],
            state512: [0; 8],
            lanes256: [Lane256::default(); LANES],
            tx: if Self::SHA512 {
                TxState::Sha512(TxLanes::idle())
            } else {
                TxState::Sha256(TxLanes::idle())
            },
        }
    }
    /// Trunc_n(SHA-256(PK.seed ‖ toByte(0, 64 − n) ‖ ADRSc ‖ SK.seed)), every category.
    #[inline]
    fn prf(&mut self, adrs: &Adrs, sk_seed: &[u8]) -> Node {
        self.sha256_one(adrs, sk_seed, &[])
    }

    /// Trunc_n(SHA-256(PK.seed ‖ toByte(0, 64 − n) ‖ ADRSc ‖ M₁)), every category.
    #[inline]
    fn f(&mut self, adrs: &Adrs, m: &[u8]) -> Node {
        self.sha256_one(adrs, m, &[])
    }

    /// Trunc_n(SHA-512(PK.seed ‖ toByte(0, 128 − n) ‖ ADRSc ‖ left ‖ right)) at categories 3
    /// and 5; at category 1 SHA-256 as for F.
    #[inline]
    fn h(&mut self, adrs: &Adrs, left: &[u8], right: &[u8]) -> Node {
        match &self.seed512 {
            Some(seed512) => {
                let mut out = [0u8; 32];
                seed512.finish_one(
                    &[&adrs.compressed(), left, right],
                    &mut self.block512,
                    &mut self.state512,
                    &mut out[..N],
                );
                out
            }
            None => self.sha256_one(adrs, left, right),
        }
    }

    /// SHA-256 at category 1, SHA-512 at categories 3 and 5.
    fn t_start(&mut self, adrs: &Adrs) {
        self.t = match &self.seed512 {
            Some(seed512) => TState::Sha512(seed512.clone()),
            None => TState::Sha256(self.seed256.clone()),
        };
        self.t_absorb(&adrs.compressed());
    }

    fn t_absorb(&mut self, m: &[u8]) {
        match &mut self.t {
            TState::Sha256(h) => h.update(m),
            TState::Sha512(h) => h.update(m),
            TState::Idle => debug_assert!(false, "t_absorb before t_start"),
        }
    }

    fn t_finish(&mut self) -> Node {
        let mut out = [0u8; 32];
        match &mut self.t {
            TState::Sha256(h) => h.finalize_into(&mut out[..N]),
            TState::Sha512(h) => h.finalize_into(&mut out[..N]),
            TState::Idle => debug_assert!(false, "t_finish before t_start"),
        }
        self.t.zeroize();
        out
    }

    /// Trunc_n(HMAC-SHA-256(SK.prf, opt_rand ‖ M)) at category 1, HMAC-SHA-512 above.
    fn prf_msg(sk_prf: &[u8], opt_rand: &[u8], msg: &[&[u8]]) -> Node {
        let mut out = [0u8; 32];
        if Self::SHA512 {
            hmac::<Sha512, 128>(sk_prf, opt_rand, msg, &mut out[..N]);
        } else {
            hmac::<Sha256, 64>(sk_prf, opt_rand, msg, &mut out[..N]);
        }
        out
    }

    /// MGF1-SHA-x(R ‖ PK.seed ‖ SHA-x(R ‖ PK.seed ‖ PK.root ‖ M), m), x = 256 at category 1,
    /// 512 above.
    fn h_msg(r: &[u8], pk_seed: &[u8], pk_root: &[u8], msg: &[&[u8]], out: &mut [u8]) {
        if Self::SHA512 {
            h_msg_with::<Sha512>(r, pk_seed, pk_root, msg, out);
        } else {
            h_msg_with::<Sha256>(r, pk_seed, pk_root, msg, out);
        }
    }

    fn prf_x(&mut self, adrs: &[Adrs], sk_seed: &[u8], out: &mut [Node]) {
        self.sha256_x(adrs, |_| [sk_seed, &[]], out);
    }

    fn f_x(&mut self, adrs: &[Adrs], m: &[Node], out: &mut [Node]) {
        self.sha256_x(adrs, |l| [&m[l][..N], &[]], out);
    }

    fn h_x(&mut self, adrs: &[Adrs], m: &[Node], out: &mut [Node]) {
        let (Some(seed512), TxState::Sha512(tx)) = (&self.seed512, &mut self.tx) else {
            return self.sha256_x(adrs, |l| [&m[2 * l][..N], &m[2 * l + 1][..N]], out);
        };
        debug_assert_eq!(tx.count, 0, "h_x during t_absorb_x");
        let lanes = &mut tx.lanes;
        let chunks = adrs.chunks(T_LANES).zip(m.chunks(2 * T_LANES));
        for ((adrs, m), out) in chunks.zip(out.chunks_mut(T_LANES)) {
            for ((lane, adrs), m) in lanes.iter_mut().zip(adrs).zip(m.chunks_exact(2)) {
                let parts = [&adrs.compressed()[..], &m[0][..N], &m[1][..N]];
                seed512.final_block(&parts, &mut lane.block);
                lane.state = *seed512.midstate();
            }
            sha2_mb::sha512(lanes, adrs.len());
            for (lane, out) in lanes.iter().zip(out) {
                write_be(&lane.state, &mut out[..N]);
            }
        }
    }

    /// The chains run in the multi-buffer kernels from F's block, with the chain value kept
    /// there (see `crate::hash::sha2_mb::f_chains`).
    fn chains_x(&mut self, adrs: &[Adrs], start: &[u32], steps: &[u32], x: &mut [Node]) {
        let chunks = adrs
            .chunks(LANES)
            .zip(start.chunks(LANES))
            .zip(steps.chunks(LANES));
        for (((adrs, start), steps), x) in chunks.zip(x.chunks_mut(LANES)) {
            let mut lane_steps = [0; LANES];
            let lanes = self.lanes256.iter_mut().zip(&mut lane_steps);
            for ((((lane, lane_steps), adrs), &start), (&steps, x)) in
                lanes.zip(adrs).zip(start).zip(steps.iter().zip(x.iter()))
            {
                let mut adrs = *adrs;
                adrs.set_hash_address(start);
                self.seed256
                    .final_block(&[&adrs.compressed(), &x[..N]], &mut lane.block);
                *lane_steps = steps;
            }
            let mid = self.seed256.midstate();
            match N {
                16 => sha2_mb::f_chains::<4>(mid, &mut self.lanes256, &lane_steps),
                24 => sha2_mb::f_chains::<6>(mid, &mut self.lanes256, &lane_steps),
                _ => sha2_mb::f_chains::<8>(mid, &mut self.lanes256, &lane_steps),
            }
            for (lane, x) in self.lanes256.iter().zip(x) {
                x[..N].copy_from_slice(&lane.block[22..22 + N]);
            }
        }
    }

    fn t_start_x(&mut self, adrs: &[Adrs]) {
        let count = adrs.len().min(T_LANES);
        let mut compressed = [[0u8; 22]; T_LANES];
        for (c, adrs) in compressed.iter_mut().zip(adrs) {
            *c = adrs.compressed();
        }
        match (&mut self.tx, &self.seed512) {
            (TxState::Sha512(t), Some(seed512)) => {
                t.start(seed512, count);
                t.absorb(22, |l| &compressed[l]);
            }
            (TxState::Sha256(t), _) => {
                t.start(&self.seed256, count);
                t.absorb(22, |l| &compressed[l]);
            }
            (TxState::Sha512(_), None) => unreachable!("SHA-512 lanes only at categories 3 and 5"),
        }
    }

    fn t_absorb_x(&mut self, m: &[Node]) {
        match &mut self.tx {
            TxState::Sha256(t) => t.absorb(N, |l| &m[l][..N]),
            TxState::Sha512(t) => t.absorb(N, |l| &m[l][..N]),
        }
    }

    fn t_finish_x(&mut self, out: &mut [Node]) {
        match &mut self.tx {
            TxState::Sha256(t) => t.finish(N, out),
            TxState::Sha512(t) => t.finish(N, out),
        }
        self.tx.zeroize();
    }
}

/// HMAC (FIPS 198-1) with a key shorter than the block of `D` (`B` bytes), into `out`.
fn hmac<D: Digest, const B: usize>(key: &[u8], a: &[u8], msg: &[&[u8]], out: &mut [u8]) {
    // K₀ = key ‖ zeros; inner pad K₀ ⊕ ipad, then outer pad K₀ ⊕ opad.
    let mut pad = Zeroizing::new([0x36u8; B]);
    for (p, k) in pad.iter_mut().zip(key) {
        *p ^= k;
    }
    let mut inner = D::new();
    inner.update(&pad[..]);
    inner.update(a);
    for part in msg {
        inner.update(part);
    }
    let inner = inner.finalize();
    for p in pad.iter_mut() {
        *p ^= 0x36 ^ 0x5c;
    }
    let mut outer = D::new();
    outer.update(&pad[..]);
    outer.update(&inner);
    out.copy_from_slice(&outer.finalize()[..out.len()]);
}

fn h_msg_with<D: Digest>(r: &[u8], pk_seed: &[u8], pk_root: &[u8], msg: &[&[u8]], out: &mut [u8]) {
    let mut h = D::new();
    h.update(r);
    h.update(pk_seed);
    h.update(pk_root);
    for part in msg {
        h.update(part);
    }
    let inner = h.finalize();
    mgf1::<D>(&[r, pk_seed, &inner], out);
}

/// MGF1 (RFC 8017 §B.2.1) with hash `D`: the first `out.len()` bytes of
/// Hash(seed ‖ toByte(0, 4)) ‖ Hash(seed ‖ toByte(1, 4)) ‖ …
fn mgf1<D: Digest>(seed: &[&[u8]], out: &mut [u8]) {
    for (counter, chunk) in (0u32..).zip(out.chunks_mut(<D as Digest>::output_size())) {
        let mut h = D::new();
        for part in seed {
            h.update(part);
        }
        h.update(counter.to_be_bytes());
        chunk.copy_from_slice(&h.finalize()[..chunk.len()]);
    }
}

impl Zeroize for TState {
    fn zeroize(&mut self) {
        match self {
            TState::Sha256(h) => h.zeroize(),
            TState::Sha512(h) => h.zeroize(),
            TState::Idle => {}
        }
        *self = TState::Idle;
    }
}

impl<L: TLane> Zeroize for TxLanes<L> {
    fn zeroize(&mut self) {
        self.lanes.zeroize();
        self.count = 0;
    }
}

impl Zeroize for TxState {
    fn zeroize(&mut self) {
        match self {
            TxState::Sha256(t) => t.zeroize(),
            TxState::Sha512(t) => t.zeroize(),
        }
    }
}

impl<const N: usize> Zeroize for Sha2<N> {
    fn zeroize(&mut self) {
        self.t.zeroize();
        self.block256.zeroize();
        self.state256.zeroize();
        self.block512.zeroize();
        self.state512.zeroize();
        self.lanes256.zeroize();
        self.tx.zeroize();
    }
}

impl<const N: usize> Drop for Sha2<N> {
    fn drop(&mut self) {
        self.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_block_functions_agree_with_sha2() {
        let seed: [u8; 32] = core::array::from_fn(|i| 3 * i as u8);
        let m: [u8; 64] = core::array::from_fn(|i| (100 + i) as u8);
        let mut adrs = Adrs::new();
        adrs.set_layer_address(5);
        adrs.set_tree_address(77);
        adrs.set_key_pair_address(6);
        let c = adrs.compressed();

        let mut s = Sha2::<16>::new(&Sha2::<16>::seed(&seed[..16]));
        let mut full = Sha256::new();
        full.update(&seed[..16]);
        full.update([0u8; 48]);
        full.update(c);
        full.update(&m[..32]);
        assert_eq!(
            s.h(&adrs, &m[..16], &m[16..32])[..16],
            full.finalize()[..16]
        );

        let mut s = Sha2::<32>::new(&Sha2::<32>::seed(&seed));
        let mut full = Sha512::new();
        full.update(seed);
        full.update([0u8; 96]);
        full.update(c);
        full.update(m);
        assert_eq!(s.h(&adrs, &m[..32], &m[32..])[..], full.finalize()[..32]);
        let mut full = Sha256::new();
        full.update(seed);
        full.update([0u8; 32]);
        full.update(c);
        full.update(&m[..32]);
        assert_eq!(s.f(&adrs, &m[..32])[..], full.finalize()[..]);
    }
}
