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

use super::{HashSuite, Node};
use crate::hash::sha2_block::{Sha256Block, Sha512Block};
use crate::slh_dsa::address::Adrs;

/// The SHA2 instantiation for n = `N` bytes.
#[derive(Clone)]
pub struct Sha2<const N: usize> {
    /// SHA-256 after PK.seed ‖ toByte(0, 64 − n).
    seed256: Sha256Block,
    /// SHA-512 after PK.seed ‖ toByte(0, 128 − n); categories 3 and 5 only (`None` at 1).
    seed512: Option<Sha512Block>,
    /// T_ℓ in progress.
    t: TState,
    /// The block and state of the last one-block call.
    block256: [u8; 64],
    state256: [u32; 8],
    block512: [u8; 128],
    state512: [u64; 8],
}

#[derive(Clone)]
enum TState {
    Idle,
    Sha256(Sha256Block),
    Sha512(Sha512Block),
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
}

impl<const N: usize> HashSuite for Sha2<N> {
    const N: usize = N;

    fn new(pk_seed: &[u8]) -> Self {
        let mut b256 = [0u8; 64];
        b256[..N].copy_from_slice(pk_seed);
        let seed512 = Self::SHA512.then(|| {
            let mut b512 = [0u8; 128];
            b512[..N].copy_from_slice(pk_seed);
            Sha512Block::with_first_block(&b512)
        });
        Self {
            seed256: Sha256Block::with_first_block(&b256),
            seed512,
            t: TState::Idle,
            block256: [0; 64],
            state256: [0; 8],
            block512: [0; 128],
            state512: [0; 8],
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

impl<const N: usize> Zeroize for Sha2<N> {
    fn zeroize(&mut self) {
        self.t.zeroize();
        self.block256.zeroize();
        self.state256.zeroize();
        self.block512.zeroize();
        self.state512.zeroize();
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

        let mut s = Sha2::<16>::new(&seed[..16]);
        let mut full = Sha256::new();
        full.update(&seed[..16]);
        full.update([0u8; 48]);
        full.update(c);
        full.update(&m[..32]);
        assert_eq!(
            s.h(&adrs, &m[..16], &m[16..32])[..16],
            full.finalize()[..16]
        );

        let mut s = Sha2::<32>::new(&seed);
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
