//! The SLH-DSA internal functions (FIPS 205 §9): Algorithms 18 to 20.
//!
//! Messages arrive as a list of parts whose concatenation is M (for the external functions,
//! M′ = prefix ‖ M or prefix ‖ PH(M)), so that no copy of the message is made.

use super::ParameterSet;
use super::address::{Adrs, AdrsType};
use super::encoding::to_int;
use super::hash::{HashSuite, Node, Seeded};
use super::{fors, hypertree, xmss};
use crate::ct::declassify;

/// The largest m of any parameter set.
const MAX_M: usize = 49;

/// FIPS 205, Algorithm 18 (slh_keygen_internal), lines 1–3: PK.root, the root of the top
/// XMSS tree. `hash` was made from PK.seed; the work is done in a working instance, whose
/// buffers see SK.seed and are wiped when it is dropped.
pub(crate) fn pk_root<P: ParameterSet>(hash: &Seeded<P>, sk_seed: &[u8]) -> Node {
    let mut hs = P::Hash::new(hash);
    // 1–2: ADRS ← toByte(0, 32); ADRS.setLayerAddress(d − 1)
    let mut adrs = Adrs::new();
    adrs.set_layer_address(P::D as u32 - 1);
    // 3: PK.root ← xmss_node(SK.seed, 0, h′, PK.seed, ADRS)
    let mut root = xmss::node::<P>(&mut hs, sk_seed, &adrs, None);
    // PK.root is published in the verifying key (line 4), and it is H_msg's input in signing.
    declassify(&mut root);
    root
}

/// Lines 6–10 of Algorithms 19 and 20: md, idx_tree and idx_leaf from the digest. The digest
/// is public (it is recomputed by every verifier), and so is everything derived from it.
fn split_digest<P: ParameterSet>(digest: &[u8]) -> (&[u8], u64, u32) {
    let (md, rest) = digest.split_at(P::MD_BYTES);
    let (tmp_idx_tree, rest) = rest.split_at(P::TREE_BYTES);
    let tmp_idx_leaf = &rest[..P::LEAF_BYTES];
    // 9: idx_tree ← toInt(tmp_idx_tree) mod 2^(h − h/d); h − h/d ≤ 64.
    let idx_tree = to_int(tmp_idx_tree) & (u64::MAX >> (64 - (P::H - P::HP)));
    // 10: idx_leaf ← toInt(tmp_idx_leaf) mod 2^(h/d)
    let idx_leaf = (to_int(tmp_idx_leaf) & ((1 << P::HP) - 1)) as u32;
    (md, idx_tree, idx_leaf)
}

/// The FORS_TREE address of the key that signs with (idx_tree, idx_leaf): Algorithm 19 lines
/// 1, 11–13, Algorithm 20 lines 4, 14–16.
fn fors_adrs(idx_tree: u64, idx_leaf: u32) -> Adrs {
    let mut adrs = Adrs::new();
    adrs.set_tree_address(idx_tree);
    adrs.set_type_and_clear(AdrsType::ForsTree);
    adrs.set_key_pair_address(idx_leaf);
    adrs
}

/// The secret and public halves of a signing key, as Algorithm 19 reads them.
pub(crate) struct SigningParts<'a, P: ParameterSet> {
    pub(crate) sk_seed: &'a [u8],
    pub(crate) sk_prf: &'a [u8],
    pub(crate) pk_seed: &'a [u8],
    pub(crate) pk_root: &'a [u8],
    /// What the hash suite precomputed from PK.seed.
    pub(crate) hash: &'a Seeded<P>,
}

/// FIPS 205, Algorithm 19 (slh_sign_internal): the signature on M (the concatenation of
/// `msg`) into `sig` (SIGNATURE_SIZE bytes). `addrnd = None` is the deterministic variant.
pub(crate) fn sign<P: ParameterSet>(
    sk: &SigningParts<'_, P>,
    msg: &[&[u8]],
    addrnd: Option<&[u8]>,
    sig: &mut [u8],
) {
    let n = P::N;
    // A working instance, wiped when dropped (its buffers see SK.seed and secret values).
    let mut hs = P::Hash::new(sk.hash);
    // 2: opt_rand ← addrnd, or PK.seed for the deterministic variant
    let opt_rand = addrnd.unwrap_or(sk.pk_seed);
    // 3–4: R ← PRF_msg(SK.prf, opt_rand, M); SIG ← R
    let (r, rest) = sig.split_at_mut(n);
    r.copy_from_slice(&P::Hash::prf_msg(sk.sk_prf, opt_rand, msg)[..n]);
    // R is public: it is the first part of the signature. With PK.seed and PK.root it is all
    // of H_msg's input besides M, so the digest and the indices taken from it are then public
    // as computed (they are not declassified: the check confirms they depend on nothing else).
    declassify(r);
    // 5: digest ← H_msg(R, PK.seed, PK.root, M)
    let mut digest = [0u8; MAX_M];
    P::Hash::h_msg(r, sk.pk_seed, sk.pk_root, msg, &mut digest[..P::M]);
    // 6–10
    let (md, idx_tree, idx_leaf) = split_digest::<P>(&digest[..P::M]);
    // 11–13
    let adrs = fors_adrs(idx_tree, idx_leaf);
    // 14–16: SIG ← SIG ‖ fors_sign(md, …); PK_FORS comes from the same computation.
    let (sig_fors, sig_ht) = rest.split_at_mut(P::FORS_SIGNATURE_SIZE);
    let pk_fors = fors::sign::<P>(&mut hs, md, sk.sk_seed, &adrs, sig_fors);
    // 17–18: SIG ← SIG ‖ ht_sign(PK_FORS, SK.seed, PK.seed, idx_tree, idx_leaf)
    hypertree::sign::<P>(&mut hs, &pk_fors, sk.sk_seed, idx_tree, idx_leaf, sig_ht);
}

/// FIPS 205, Algorithm 20 (slh_verify_internal): whether `sig` is a signature on M (the
/// concatenation of `msg`) under PK = (`pk_seed`, `pk_root`), with `hash` made from PK.seed.
pub(crate) fn verify<P: ParameterSet>(
    pk_seed: &[u8],
    pk_root: &[u8],
    hash: &Seeded<P>,
    msg: &[&[u8]],
    sig: &[u8],
) -> bool {
    let n = P::N;
    // 1–3
    if sig.len() != P::SIGNATURE_SIZE {
        return false;
    }
    let mut hs = P::Hash::new(hash);
    // 5–7: R, SIG_FORS, SIG_HT
    let (r, rest) = sig.split_at(n);
    let (sig_fors, sig_ht) = rest.split_at(P::FORS_SIGNATURE_SIZE);
    // 8: digest ← H_msg(R, PK.seed, PK.root, M)
    let mut digest = [0u8; MAX_M];
    P::Hash::h_msg(r, pk_seed, pk_root, msg, &mut digest[..P::M]);
    // 9–13
    let (md, idx_tree, idx_leaf) = split_digest::<P>(&digest[..P::M]);
    // 14–16
    let adrs = fors_adrs(idx_tree, idx_leaf);
    // 17: PK_FORS ← fors_pkFromSig(SIG_FORS, md, PK.seed, ADRS)
    let pk_fors = fors::pk_from_sig::<P>(&mut hs, sig_fors, md, &adrs);
    // 18: ht_verify(PK_FORS, SIG_HT, PK.seed, idx_tree, idx_leaf, PK.root)
    hypertree::verify::<P>(&mut hs, &pk_fors, sig_ht, idx_tree, idx_leaf, pk_root)
}
