//! The six functions of FIPS 205 §4.1 (PRF_msg, H_msg, PRF, T_ℓ, H, F), instantiated with
//! SHAKE256 (§11.1, [`Shake`]) or SHA-2 (§11.2, [`Sha2`]).
//!
//! What depends on PK.seed alone, which starts every input of PRF, T_ℓ, H and F, is computed
//! once per key ([`HashSuite::Seeded`]): the SHA2 suite keeps the SHA-256 (and SHA-512) state
//! after the padded PK.seed block, the SHAKE suite keeps PK.seed as Keccak lanes. Each call of
//! F, H or PRF is then one compression or one permutation. An operation makes a [`HashSuite`]
//! value from it, which also holds the working buffers the calls use, so that the secrets
//! passing through them (SK.seed, WOTS+ and FORS secret values) are wiped when it is dropped
//! rather than left in stack slots.
//!
//! The tree code asks for many independent hashes at once, up to [`LANES`] per call (`…_x`:
//! PRF, F, H, whole WOTS+ chains, and T_ℓ over several messages in lockstep). Their default
//! bodies loop over the one-lane functions; a suite with multi-lane kernels overrides them
//! (the SHA2 suite, over `crate::hash::sha2_mb`).

mod sha2;
mod shake;

pub use self::sha2::Sha2;
pub use self::shake::Shake;

use zeroize::Zeroize;

use super::ParameterSet;
use super::address::Adrs;

/// An n-byte value (a seed, a hash-chain value, a tree node) in the first n bytes of 32.
pub(crate) type Node = [u8; 32];

/// What the hash suite of parameter set `P` keeps per key.
pub(crate) type Seeded<P> = <<P as ParameterSet>::Hash as HashSuite>::Seeded;

/// The most hashes the tree code asks for in one batched call.
pub(crate) const LANES: usize = 16;

/// The most messages the batched T_ℓ takes at once: fewer than [`LANES`], since each needs a
/// state and a block of its own for the whole of its message (the WOTS+ key generation that
/// uses it fills the other lanes with more chains per key).
pub(crate) const T_LANES: usize = 8;

/// One instantiation of the FIPS 205 hash functions for a given n. Inputs of n bytes are
/// `&[u8]` of length n (often straight out of a signature); outputs fill the first n bytes of
/// a [`Node`].
pub trait HashSuite: Zeroize + Sized + 'static {
    /// Security parameter n.
    const N: usize;

    /// What depends only on PK.seed, kept in the keys (public).
    type Seeded: Clone + Send + Sync + 'static;

    /// Precomputes what depends only on PK.seed.
    fn seed(pk_seed: &[u8]) -> Self::Seeded;

    /// A working instance for one operation.
    fn new(seeded: &Self::Seeded) -> Self;

    /// PRF(PK.seed, SK.seed, ADRS).
    fn prf(&mut self, adrs: &Adrs, sk_seed: &[u8]) -> Node;

    /// F(PK.seed, ADRS, M₁).
    fn f(&mut self, adrs: &Adrs, m: &[u8]) -> Node;

    /// H(PK.seed, ADRS, left ‖ right).
    fn h(&mut self, adrs: &Adrs, left: &[u8], right: &[u8]) -> Node;

    /// Starts T_ℓ(PK.seed, ADRS, M_ℓ), whose ℓ·n-byte message [`HashSuite::t_absorb`] then
    /// takes in pieces. F, H and PRF may be called between the pieces.
    fn t_start(&mut self, adrs: &Adrs);

    /// Absorbs the next n bytes of T_ℓ's message.
    fn t_absorb(&mut self, m: &[u8]);

    /// Finishes T_ℓ.
    fn t_finish(&mut self) -> Node;

    /// PRF_msg(SK.prf, opt_rand, M), with M the concatenation of `msg`.
    fn prf_msg(sk_prf: &[u8], opt_rand: &[u8], msg: &[&[u8]]) -> Node;

    /// H_msg(R, PK.seed, PK.root, M), with M the concatenation of `msg`, into `out` (m bytes).
    fn h_msg(r: &[u8], pk_seed: &[u8], pk_root: &[u8], msg: &[&[u8]], out: &mut [u8]);

    /// `out[l]` ← PRF(PK.seed, SK.seed, `adrs[l]`) for every lane l.
    fn prf_x(&mut self, adrs: &[Adrs], sk_seed: &[u8], out: &mut [Node]) {
        for (adrs, out) in adrs.iter().zip(out) {
            *out = self.prf(adrs, sk_seed);
        }
    }

    /// `out[l]` ← F(PK.seed, `adrs[l]`, `m[l]`) for every lane l.
    fn f_x(&mut self, adrs: &[Adrs], m: &[Node], out: &mut [Node]) {
        for ((adrs, m), out) in adrs.iter().zip(m).zip(out) {
            *out = self.f(adrs, &m[..Self::N]);
        }
    }

    /// `out[l]` ← H(PK.seed, `adrs[l]`, `m[2l]` ‖ `m[2l + 1]`) for every lane l.
    fn h_x(&mut self, adrs: &[Adrs], m: &[Node], out: &mut [Node]) {
        for ((adrs, m), out) in adrs.iter().zip(m.chunks_exact(2)).zip(out) {
            *out = self.h(adrs, &m[0][..Self::N], &m[1][..Self::N]);
        }
    }

    /// FIPS 205, Algorithm 5 (chain) in every lane l: `x[l]` ← chain(`x[l]`, `start[l]`,
    /// `steps[l]`, PK.seed, `adrs[l]`), with `adrs[l]` a WOTS_HASH address whose chain is set.
    /// The lengths steer the work; they must be public.
    fn chains_x(&mut self, adrs: &[Adrs], start: &[u32], steps: &[u32], x: &mut [Node]) {
        for (((adrs, &start), &steps), x) in adrs.iter().zip(start).zip(steps).zip(x) {
            let mut adrs = *adrs;
            // 2–5: tmp ← F(PK.seed, ADRS, tmp) with hash address j
            for j in start..start + steps {
                adrs.set_hash_address(j);
                *x = self.f(&adrs, &x[..Self::N]);
            }
        }
    }

    /// Starts T_ℓ(PK.seed, `adrs[l]`, ·) in every lane l (at most [`T_LANES`]), whose messages
    /// [`HashSuite::t_absorb_x`] then takes in pieces of n bytes, the same number in every lane.
    /// PRF, F and the chains may be batched in between, not H or the one-lane T_ℓ.
    fn t_start_x(&mut self, adrs: &[Adrs]);

    /// Absorbs `m[l]` (n bytes) into lane l's T_ℓ, for every lane started.
    fn t_absorb_x(&mut self, m: &[Node]);

    /// Finishes T_ℓ in every lane l, into `out[l]`.
    fn t_finish_x(&mut self, out: &mut [Node]);
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::println;
    use std::vec::Vec;

    use super::*;
    use crate::slh_dsa::address::AdrsType;
    use crate::test_rng::Rng;

    impl Rng {
        fn below32(&mut self, n: u64) -> u32 {
            (self.next() % n) as u32
        }

        fn node(&mut self) -> Node {
            core::array::from_fn(|_| self.next() as u8)
        }

        fn adrs(&mut self) -> Adrs {
            let mut a = Adrs::new();
            a.set_layer_address(self.below32(22));
            a.set_tree_address(self.next() >> 2);
            a.set_type_and_clear(AdrsType::WotsHash);
            a.set_key_pair_address(self.below32(512));
            a.set_chain_address(self.below32(67));
            a.set_hash_address(self.below32(16));
            a
        }
    }

    /// Up to this many lanes per call: more than [`LANES`], so that the suites' own splitting
    /// into batches is exercised too.
    const MAX: usize = LANES + 5;

    /// Every batched function of `H` against its one-lane form, for every lane count.
    fn batched_functions_agree<H: HashSuite>(rng: &mut Rng) {
        let n = H::N;
        let pk_seed = rng.node();
        let seeded = H::seed(&pk_seed[..n]);
        let (mut batched, mut one) = (H::new(&seeded), H::new(&seeded));
        for count in 0..=MAX {
            let adrs: [Adrs; MAX] = core::array::from_fn(|_| rng.adrs());
            let m: [Node; 2 * MAX] = core::array::from_fn(|_| rng.node());
            let sk_seed = rng.node();
            let mut got = [[0u8; 32]; MAX];
            let truncated =
                |nodes: &[Node]| nodes.iter().map(|x| x[..n].to_vec()).collect::<Vec<_>>();

            batched.prf_x(&adrs[..count], &sk_seed[..n], &mut got[..count]);
            let expect: Vec<Node> = adrs[..count]
                .iter()
                .map(|a| one.prf(a, &sk_seed[..n]))
                .collect();
            assert_eq!(
                truncated(&got[..count]),
                truncated(&expect),
                "prf_x, {count} lanes"
            );

            batched.f_x(&adrs[..count], &m[..count], &mut got[..count]);
            let expect: Vec<Node> = (0..count).map(|l| one.f(&adrs[l], &m[l][..n])).collect();
            assert_eq!(
                truncated(&got[..count]),
                truncated(&expect),
                "f_x, {count} lanes"
            );

            batched.h_x(&adrs[..count], &m[..2 * count], &mut got[..count]);
            let expect: Vec<Node> = (0..count)
                .map(|l| one.h(&adrs[l], &m[2 * l][..n], &m[2 * l + 1][..n]))
                .collect();
            assert_eq!(
                truncated(&got[..count]),
                truncated(&expect),
                "h_x, {count} lanes"
            );

            // Chains of every length from every start, as verification runs them.
            let start: [u32; MAX] = core::array::from_fn(|_| rng.below32(16));
            let steps: [u32; MAX] = core::array::from_fn(|l| rng.below32(u64::from(16 - start[l])));
            let mut x = [[0u8; 32]; MAX];
            x.copy_from_slice(&m[..MAX]);
            batched.chains_x(
                &adrs[..count],
                &start[..count],
                &steps[..count],
                &mut x[..count],
            );
            let expect: Vec<Node> = (0..count)
                .map(|l| {
                    let (mut a, mut v) = (adrs[l], m[l]);
                    for j in start[l]..start[l] + steps[l] {
                        a.set_hash_address(j);
                        v = one.f(&a, &v[..n]);
                    }
                    v
                })
                .collect();
            assert_eq!(
                truncated(&x[..count]),
                truncated(&expect),
                "chains_x, {count} lanes"
            );

            if count <= T_LANES {
                // T_ℓ over messages of 1 to 70 values, across several blocks.
                let pieces = 1 + rng.below32(70) as usize;
                batched.t_start_x(&adrs[..count]);
                let values: Vec<[Node; MAX]> = (0..pieces)
                    .map(|_| core::array::from_fn(|_| rng.node()))
                    .collect();
                for v in &values {
                    batched.t_absorb_x(&v[..count]);
                }
                batched.t_finish_x(&mut got[..count]);
                let expect: Vec<Node> = (0..count)
                    .map(|l| {
                        one.t_start(&adrs[l]);
                        for v in &values {
                            one.t_absorb(&v[l][..n]);
                        }
                        one.t_finish()
                    })
                    .collect();
                assert_eq!(
                    truncated(&got[..count]),
                    truncated(&expect),
                    "t_x, {count} lanes"
                );
            }

            // The comparison sees a change in any one lane: a fault planted in the reference
            // (one lane's address) makes it differ.
            if count > 0 {
                let l = rng.below32(count as u64) as usize;
                batched.f_x(&adrs[..count], &m[..count], &mut got[..count]);
                let mut wrong = adrs[l];
                wrong.set_hash_address(16);
                assert_ne!(got[l][..n], one.f(&wrong, &m[l][..n])[..n]);
            }
        }
    }

    fn every_suite(rng: &mut Rng) {
        batched_functions_agree::<Sha2<16>>(rng);
        batched_functions_agree::<Sha2<24>>(rng);
        batched_functions_agree::<Sha2<32>>(rng);
        batched_functions_agree::<Shake<16>>(rng);
        batched_functions_agree::<Shake<24>>(rng);
        batched_functions_agree::<Shake<32>>(rng);
    }

    /// On every backend the machine has, with and without the SHA extensions.
    #[test]
    fn batched_functions_agree_with_one_lane_on_every_path() {
        use crate::simd::{available, force, force_sha_ni};
        let mut rng = Rng(7);
        let mut paths = Vec::new();
        for backend in available() {
            for sha in [true, false] {
                force(Some(backend));
                // The portable backend runs without them whatever this says.
                let has_sha = force_sha_ni(sha) && backend != crate::simd::Backend::Portable;
                if sha && !has_sha {
                    continue;
                }
                for _ in 0..4 {
                    every_suite(&mut rng);
                }
                paths.push((backend, sha));
            }
        }
        force(None);
        force_sha_ni(true);
        println!("paths checked (backend, SHA extensions): {paths:?}");
        assert!(paths.len() >= available().count());
    }
}
