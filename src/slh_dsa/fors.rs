//! FORS (FIPS 205 §8): Algorithms 14 to 17.
//!
//! The indices FORS signs come from the message digest, which is public; choosing leaves by
//! them is allowed. The secret values are wiped after use.

use zeroize::Zeroizing;

use super::ParameterSet;
use super::address::{Adrs, AdrsType};
use super::encoding::base_2b;
use super::hash::{HashSuite, Node};
use super::merkle::{root_from_auth, treehash};
use crate::ct::declassify;

/// The largest k of any parameter set.
const MAX_K: usize = 35;

/// FIPS 205, Algorithm 14 (fors_skGen): FORS secret value `idx`. `adrs` is a FORS_TREE address.
fn sk_gen<P: ParameterSet>(
    hs: &mut P::Hash,
    sk_seed: &[u8],
    adrs: &Adrs,
    idx: u32,
) -> Zeroizing<Node> {
    // 1–3: skADRS ← ADRS with type FORS_PRF, same key pair
    let mut sk_adrs = adrs.with_type_keeping_key_pair(AdrsType::ForsPrf);
    // 4: skADRS.setTreeIndex(idx)
    sk_adrs.set_tree_index(idx);
    // 5: PRF(PK.seed, SK.seed, skADRS)
    Zeroizing::new(hs.prf(&sk_adrs, sk_seed))
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
    let (mut leaf_adrs, mut node_adrs) = (*adrs, *adrs);
    for (i, sig_i) in sig_fors.chunks_exact_mut((1 + P::A) * n).enumerate() {
        let (sk_out, auth) = sig_i.split_at_mut(n);
        let base = i as u32 * t;
        let idx = indices[i];
        let root = treehash(
            hs,
            P::A,
            Some((idx, auth)),
            |hs, j| {
                // Algorithm 15, lines 2–5: F(PK.seed, ADRS, fors_skGen(…, i·2^a + j)) at
                // height 0, tree index i·2^a + j.
                let sk = sk_gen::<P>(hs, sk_seed, &leaf_adrs, base + j);
                if j == idx {
                    // 4: SIG_FORS ← SIG_FORS ‖ fors_skGen(SK.seed, PK.seed, ADRS, i·2^a + idx)
                    sk_out.copy_from_slice(&sk[..n]);
                }
                leaf_adrs.set_tree_height(0);
                leaf_adrs.set_tree_index(base + j);
                hs.f(&leaf_adrs, &sk[..n])
            },
            |hs, z, j, left, right| {
                // Algorithm 15, lines 9–11, with the index counted across the k trees.
                node_adrs.set_tree_height(z);
                node_adrs.set_tree_index((base >> z) + j);
                hs.h(&node_adrs, &left[..n], &right[..n])
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
    let mut tree_adrs = *adrs;
    for (i, sig_i) in sig_fors.chunks_exact((1 + P::A) * n).enumerate() {
        // 3, 7: sk ← SIG_FORS.getSK(i), auth ← SIG_FORS.getAUTH(i)
        let (sk, auth) = sig_i.split_at(n);
        // 4–6: node[0] ← F(PK.seed, ADRS, sk) at height 0, index i·2^a + indices[i]
        let index = ((i as u32) << P::A) + indices[i];
        tree_adrs.set_tree_height(0);
        tree_adrs.set_tree_index(index);
        let leaf = hs.f(&tree_adrs, sk);
        // 8–19: root[i]
        let root = root_from_auth(hs, leaf, index, auth, &mut tree_adrs);
        hs.t_absorb(&root[..n]);
    }
    // 24: pk ← T_k(PK.seed, forspkADRS, root)
    hs.t_finish()
}
