//! The SLH-DSA hypertree (FIPS 205 §7): Algorithms 12 and 13.
//!
//! idx_tree and idx_leaf come from the message digest, which is public; so are every root and
//! signature computed here.

use super::ParameterSet;
use super::address::Adrs;
use super::hash::Node;
use super::xmss;
use crate::ct::declassify;

/// FIPS 205, Algorithm 12 (ht_sign): the hypertree signature on `m` (a FORS public key), into
/// `sig_ht` ((h + d·len)·n bytes).
pub(crate) fn sign<P: ParameterSet>(
    hs: &mut P::Hash,
    m: &Node,
    sk_seed: &[u8],
    mut idx_tree: u64,
    mut idx_leaf: u32,
    sig_ht: &mut [u8],
) {
    // 1: ADRS ← toByte(0, 32)
    let mut adrs = Adrs::new();
    let mut root = *m;
    // Layer j signs the root of layer j − 1; xmss::node returns this layer's root, which
    // equals xmss_pkFromSig on the signature just made (lines 5 and 14).
    for (j, sig_tmp) in sig_ht.chunks_exact_mut(P::XMSS_SIGNATURE_SIZE).enumerate() {
        if j > 0 {
            // 7–8: the h′ low bits of idx_tree pick the leaf one layer up.
            idx_leaf = (idx_tree & ((1 << P::HP) - 1)) as u32;
            idx_tree >>= P::HP;
        }
        // 2, 9–10
        adrs.set_layer_address(j as u32);
        adrs.set_tree_address(idx_tree);
        // 3, 11–12: SIG_HT ← SIG_HT ‖ xmss_sign(root, SK.seed, idx_leaf, PK.seed, ADRS)
        root = xmss::node::<P>(hs, sk_seed, &adrs, Some((idx_leaf, &root[..P::N], sig_tmp)));
        // This layer's root is public: every verifier recomputes it from SIG_HT (Algorithm 13,
        // lines 4 and 11; the top one is PK.root). It is the message the next layer's WOTS+
        // key signs, whose digits set the chain lengths.
        declassify(&mut root);
    }
}

/// FIPS 205, Algorithm 13 (ht_verify): whether `sig_ht` is a hypertree signature on `m` under
/// `pk_root`.
pub(crate) fn verify<P: ParameterSet>(
    hs: &mut P::Hash,
    m: &Node,
    sig_ht: &[u8],
    mut idx_tree: u64,
    mut idx_leaf: u32,
    pk_root: &[u8],
) -> bool {
    // 1: ADRS ← toByte(0, 32)
    let mut adrs = Adrs::new();
    let mut node = *m;
    for (j, sig_tmp) in sig_ht.chunks_exact(P::XMSS_SIGNATURE_SIZE).enumerate() {
        if j > 0 {
            // 6–7
            idx_leaf = (idx_tree & ((1 << P::HP) - 1)) as u32;
            idx_tree >>= P::HP;
        }
        // 2, 8–9
        adrs.set_layer_address(j as u32);
        adrs.set_tree_address(idx_tree);
        // 3–4, 10–11: node ← xmss_pkFromSig(idx_leaf, SIG_tmp, node, PK.seed, ADRS)
        node = xmss::pk_from_sig::<P>(hs, idx_leaf, sig_tmp, &node[..P::N], &adrs);
    }
    // 13: both sides are public, so an ordinary comparison is fine.
    node[..P::N] == *pk_root
}
