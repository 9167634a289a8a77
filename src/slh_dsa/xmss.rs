//! XMSS (FIPS 205 §6): Algorithms 9 to 11.

use super::ParameterSet;
use super::address::{Adrs, AdrsType};
use super::hash::{HashSuite, LANES, Node, T_LANES};
use super::merkle::{root_from_auth, treehash};
use super::wots;

/// FIPS 205, Algorithm 9 (xmss_node) for the root of the XMSS tree at `adrs` (layer and tree
/// address set), computed bottom-up (see [`treehash`]).
///
/// With `sign = Some((idx, m, sig_xmss))` it is also Algorithm 10 (xmss_sign): the
/// authentication path of leaf `idx` is taken from the same pass over the tree, and the WOTS+
/// signature on `m` from the computation of leaf `idx` itself ([`wots::pk_gen`]). The root
/// returned is then the one Algorithm 11 would compute from that signature, which is what
/// Algorithm 12 lines 5 and 14 use it for.
pub(crate) fn node<P: ParameterSet>(
    hs: &mut P::Hash,
    sk_seed: &[u8],
    adrs: &Adrs,
    sign: Option<(u32, &[u8], &mut [u8])>,
) -> Node {
    // Algorithm 10, lines 5–8: SIG_XMSS = sig ‖ AUTH, and the WOTS+ digits of M, once.
    let (mut wots_sig, auth, digits) = match sign {
        Some((idx, m, sig_xmss)) => {
            let (sig, auth) = sig_xmss.split_at_mut(P::LEN * P::N);
            (Some((idx, sig)), Some((idx, auth)), wots::digits::<P>(m))
        }
        None => (None, None, [0; wots::MAX_LEN]),
    };
    let mut leaf_adrs = *adrs;
    // Algorithm 9, lines 2–3: type WOTS_HASH, key pair i.
    leaf_adrs.set_type_and_clear(AdrsType::WotsHash);
    let mut tree_adrs = *adrs;
    // Algorithm 9, line 8: type TREE.
    tree_adrs.set_type_and_clear(AdrsType::Tree);
    // As many leaves at a time as T_len takes messages at once (WOTS+ fills the other lanes
    // with more chains per key).
    treehash(
        hs,
        P::HP,
        T_LANES,
        auth,
        |hs, first, out| {
            // Algorithm 9, line 4: node ← wots_pkGen(SK.seed, PK.seed, ADRS) for key pairs
            // first, first + 1, …; the leaf index is public, so choosing the signing leaf by it
            // is allowed.
            let sign = wots_sig
                .as_mut()
                .map(|(idx, sig)| (*idx, &digits, &mut **sig));
            wots::pk_gen::<P>(hs, sk_seed, &leaf_adrs, first, sign, out);
        },
        |hs, z, first, children, out| {
            // Algorithm 9, lines 9–11: H(PK.seed, ADRS, lnode ‖ rnode) at height z, index i.
            let adrs: [Adrs; LANES / 2] = core::array::from_fn(|k| {
                let mut a = tree_adrs;
                a.set_tree_height(z);
                a.set_tree_index(first + k as u32);
                a
            });
            hs.h_x(&adrs[..out.len()], children, out);
        },
    )
}

/// FIPS 205, Algorithm 11 (xmss_pkFromSig): the root implied by the XMSS signature `sig_xmss`
/// of leaf `idx` on `m`. `adrs` has the layer and tree address set.
pub(crate) fn pk_from_sig<P: ParameterSet>(
    hs: &mut P::Hash,
    idx: u32,
    sig_xmss: &[u8],
    m: &[u8],
    adrs: &Adrs,
) -> Node {
    // 3–4: sig ← SIG_XMSS[0 : len·n], AUTH ← the rest
    let (sig, auth) = sig_xmss.split_at(P::LEN * P::N);
    // 1–2, 5: node[0] ← wots_pkFromSig(sig, M, PK.seed, ADRS) at WOTS_HASH, key pair idx
    let mut wots_adrs = *adrs;
    wots_adrs.set_type_and_clear(AdrsType::WotsHash);
    wots_adrs.set_key_pair_address(idx);
    let leaf = wots::pk_from_sig::<P>(hs, sig, m, &wots_adrs);
    // 6–18: climb to the root at type TREE.
    let mut tree_adrs = *adrs;
    tree_adrs.set_type_and_clear(AdrsType::Tree);
    root_from_auth(hs, leaf, idx, auth, &mut tree_adrs)
}
