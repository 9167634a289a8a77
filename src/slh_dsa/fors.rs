//! FORS (FIPS 205 §8): Algorithms 14 to 17.
//!
//! The indices FORS signs come from the message digest, which is public; choosing leaves by
//! them is allowed. The secret values are wiped after use.

use zeroize::Zeroizing;

use super::ParameterSet;
use super::address::{Adrs, AdrsType};
use super::encoding::base_2b;
use super::hash::{HashSuite, LANES, Node};
use super::merkle::treehash;
use crate::ct::declassify;

/// The largest k of any parameter set.
const MAX_K: usize = 35;

/// FIPS 205, Algorithm 14 (fors_skGen) for FORS secret values `first`, `first + 1`, … into
/// `sk`. `adrs` is a FORS_TREE address.
fn sk_gen<P: ParameterSet>(
    hs: &mut P::Hash,
    sk_seed: &[u8],
    adrs: &Adrs,
    first: u32,
    sk: &mut [Node],
) {
    // 1–4: skADRS ← ADRS with type FORS_PRF, same key pair, tree index idx
    let sk_adrs: [Adrs; LANES] = core::array::from_fn(|k| {
        let mut a = adrs.with_type_keeping_key_pair(AdrsType::ForsPrf);
        a.set_tree_index(first + k as u32);
        a
    });
    // 5: PRF(PK.seed, SK.seed, skADRS)
    hs.prf_x(&sk_adrs[..sk.len()], sk_seed, sk);
}

/// The k a-bit indices md holds (Algorithm 16 line 2, Algorithm 17 line 1).
fn indices<P: ParameterSet>(md: &[u8]) -> [u32; MAX_K] {
    let mut indices = [0u32; MAX_K];
    base_2b(md, P::A as u32, &mut indices[..P::K]);
    indices
}

/// FIPS 205, Algorithm 16 (fors_sign): the FORS signature on `md` into `sig_fors`
/// (k(1 + a)·n bytes). `adrs` is the FORS_TREE address of the key (layer 0, tree, key pair).
///
/// Each tree's nodes are computed once, bottom-up (Algorithm 15 through [`treehash`]), and the
/// roots are absorbed into T_k as they come, so this also returns the FORS public key that
/// Algorithm 17 would compute from the signature (Algorithm 19 line 16).
pub(crate) fn sign<P: ParameterSet>(
    hs: &mut P::Hash,
    md: &[u8],
    sk_seed: &[u8],
    adrs: &Adrs,
    sig_fors: &mut [u8],
) -> Node {
    let n = P::N;
    let t = 1u32 << P::A;
    // 2: indices ← base_2b(md, a, k)
    let indices = indices::<P>(md);
    // Algorithm 17, lines 21–23: forspkADRS, for T_k over the roots.
    hs.t_start(&adrs.with_type_keeping_key_pair(AdrsType::ForsRoots));
    for (i, sig_i) in sig_fors.chunks_exact_mut((1 + P::A) * n).enumerate() {
        let (sk_out, auth) = sig_i.split_at_mut(n);
        let base = i as u32 * t;
        let idx = indices[i];
        // The node addresses of tree i: height z, index counted across the k trees.
        let at = |z: u32, first: u32| -> [Adrs; LANES] {
            core::array::from_fn(|k| {
                let mut a = *adrs;
                a.set_tree_height(z);
                a.set_tree_index((base >> z) + first + k as u32);
                a
            })
        };
        let root = treehash(
            hs,
            P::A,
            LANES,
            Some((idx, auth)),
            |hs, first, leaves| {
                // Algorithm 15, lines 2–5: F(PK.seed, ADRS, fors_skGen(…, i·2^a + j)) at
                // height 0, tree index i·2^a + j.
                let mut sk = Zeroizing::new([[0u8; 32]; LANES]);
                let sk = &mut sk[..leaves.len()];
                sk_gen::<P>(hs, sk_seed, adrs, base + first, sk);
                if let Some(sk) = idx.checked_sub(first).and_then(|j| sk.get(j as usize)) {
                    // 4: SIG_FORS ← SIG_FORS ‖ fors_skGen(SK.seed, PK.seed, ADRS, i·2^a + idx)
                    sk_out.copy_from_slice(&sk[..n]);
                }
                hs.f_x(&at(0, first)[..leaves.len()], sk, leaves);
            },
            |hs, z, first, children, out| {
                // Algorithm 15, lines 9–11.
                hs.h_x(&at(z, first)[..out.len()], children, out);
            },
        );
        hs.t_absorb(&root[..n]);
    }
    // Algorithm 17, line 24: pk ← T_k(PK.seed, forspkADRS, root)
    let mut pk = hs.t_finish();
    // PK_FORS is public: every verifier recomputes it from SIG_FORS (Algorithm 20, line 17).
    // It is the message the bottom WOTS+ key signs, whose digits set the chain lengths.
    declassify(&mut pk);
    pk
}

/// FIPS 205, Algorithm 17 (fors_pkFromSig): the FORS public key that `sig_fors` on `md`
/// implies. `adrs` as for [`sign`].
pub(crate) fn pk_from_sig<P: ParameterSet>(
    hs: &mut P::Hash,
    sig_fors: &[u8],
    md: &[u8],
    adrs: &Adrs,
) -> Node {
    let n = P::N;
    // 1: indices ← base_2b(md, a, k)
    let indices = indices::<P>(md);
    // 21–23: forspkADRS; T_k absorbs each root as it is computed.
    hs.t_start(&adrs.with_type_keeping_key_pair(AdrsType::ForsRoots));
    // The k trees are climbed together, up to LANES at a time, one level per call.
    let trees = sig_fors.chunks_exact((1 + P::A) * n).enumerate();
    let mut group = [(0, &[][..], &[][..]); LANES];
    let mut count = 0;
    for (i, sig_i) in trees {
        // 3, 7: sk ← SIG_FORS.getSK(i), auth ← SIG_FORS.getAUTH(i)
        let (sk, auth) = sig_i.split_at(n);
        group[count] = (((i as u32) << P::A) + indices[i], sk, auth);
        count += 1;
        if count == LANES || i == P::K - 1 {
            for root in &roots::<P>(hs, adrs, &group[..count])[..count] {
                hs.t_absorb(&root[..n]);
            }
            count = 0;
        }
    }
    // 24: pk ← T_k(PK.seed, forspkADRS, root)
    hs.t_finish()
}

/// Lines 4–19 of Algorithm 17 for several trees at once: the roots implied by `trees` (leaf
/// index counted across the k trees, SK, AUTH each). `adrs` as for [`pk_from_sig`].
fn roots<P: ParameterSet>(
    hs: &mut P::Hash,
    adrs: &Adrs,
    trees: &[(u32, &[u8], &[u8])],
) -> [Node; LANES] {
    let n = P::N;
    let count = trees.len();
    let mut index = [0; LANES];
    let mut node = [[0u8; 32]; LANES];
    let mut children = [[0u8; 32]; 2 * LANES];
    for (k, &(leaf, sk, _)) in trees.iter().enumerate() {
        index[k] = leaf;
        children[k][..n].copy_from_slice(sk);
    }
    let at = |z: u32, index: &[u32; LANES]| -> [Adrs; LANES] {
        core::array::from_fn(|k| {
            let mut a = *adrs;
            a.set_tree_height(z);
            a.set_tree_index(index[k]);
            a
        })
    };
    // 4–6: node[0] ← F(PK.seed, ADRS, sk) at height 0, index i·2^a + indices[i]
    hs.f_x(
        &at(0, &index)[..count],
        &children[..count],
        &mut node[..count],
    );
    // 8–18: at each height, the node and its sibling in the order the index says (public: it
    // comes from the digest), and the parent's index.
    for z in 0..P::A {
        for (k, &(_, _, auth)) in trees.iter().enumerate() {
            let sibling = &auth[z * n..(z + 1) * n];
            let (left, right) = children[2 * k..2 * k + 2].split_at_mut(1);
            let (node_side, other) = if index[k].is_multiple_of(2) {
                (&mut left[0], &mut right[0])
            } else {
                (&mut right[0], &mut left[0])
            };
            *node_side = node[k];
            other[..n].copy_from_slice(sibling);
            index[k] /= 2;
        }
        hs.h_x(
            &at(z as u32 + 1, &index)[..count],
            &children[..2 * count],
            &mut node[..count],
        );
    }
    node
}
