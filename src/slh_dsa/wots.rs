//! WOTS+ (FIPS 205 §5): Algorithms 5 to 8.
//!
//! Signing does not call Algorithm 7 on its own: the XMSS tree that holds the signing key must
//! be built anyway, and building its leaf runs every chain of the key from the start, passing
//! through the values the signature needs. [`pk_gen`] writes them out on the way when asked
//! (Algorithm 6 fused with Algorithm 7), so no chain is computed twice.
//!
//! Chains are computed many at a time (Algorithm 5 is [`HashSuite::chains_x`]): in key
//! generation every chain runs from 0 to w − 1, so the chains of several keys run in lockstep;
//! in verification the lengths differ, and the chains are sorted by length so that the ones
//! computed together end together.

use zeroize::Zeroizing;

use super::ParameterSet;
use super::address::{Adrs, AdrsType};
use super::encoding::base_2b;
use super::hash::{HashSuite, LANES, Node, T_LANES};

/// The largest len of any parameter set (n = 32): 2n + 3.
pub(crate) const MAX_LEN: usize = 67;

/// The base-w digits of an n-byte message followed by those of its checksum: lines 1–7 of
/// Algorithms 7 and 8. The message is a tree root or a FORS public key, so public.
pub(crate) fn digits<P: ParameterSet>(m: &[u8]) -> [u32; MAX_LEN] {
    let mut msg = [0u32; MAX_LEN];
    let (digits, checksum) = msg[..P::LEN].split_at_mut(P::LEN1);
    // 2: msg ← base_2b(M, lg_w, len₁)
    base_2b(m, P::LGW as u32, digits);
    // 1–5: csum ← Σ (w − 1 − msg[i])
    let csum: u32 = digits.iter().map(|&d| P::W as u32 - 1 - d).sum();
    // 6: csum ← csum ≪ ((8 − ((len₂·lg_w) mod 8)) mod 8)
    let csum = csum << ((8 - ((P::LEN2 * P::LGW) % 8)) % 8);
    // 7: msg ← msg ‖ base_2b(toByte(csum, ⌈len₂·lg_w/8⌉), lg_w, len₂); ⌈3·4/8⌉ = 2 bytes.
    debug_assert_eq!((P::LEN2 * P::LGW).div_ceil(8), 2);
    base_2b(&(csum as u16).to_be_bytes(), P::LGW as u32, checksum);
    msg
}

/// FIPS 205, Algorithm 6 (wots_pkGen) for the WOTS+ public keys of key pairs `first`,
/// `first + 1`, … (`out.len()` ≤ [`T_LANES`] of them) of the XMSS tree at `adrs` (a WOTS_HASH
/// address with layer and tree set), into `out`. The chains run in lockstep, chain i of every
/// key together, with as many consecutive chains per call as fill the lanes; their ends go into
/// each key's T_len as they come, in chain order.
///
/// With `sign = Some((idx, msg, sig))` it is also Algorithm 7 (wots_sign) for key pair `idx`,
/// if it is among them, on the digits `msg` (from [`digits`]): the chains stop where that key's
/// chains reach their digits (public: they encode a signed root), its values are written to
/// sig[i], and every chain then continues to w − 1, which is the value chain(sk, 0, w − 1)
/// gives.
pub(crate) fn pk_gen<P: ParameterSet>(
    hs: &mut P::Hash,
    sk_seed: &[u8],
    adrs: &Adrs,
    first: u32,
    mut sign: Option<(u32, &[u32; MAX_LEN], &mut [u8])>,
    out: &mut [Node],
) {
    let n = P::N;
    let keys = out.len();
    debug_assert!(keys <= T_LANES);
    let per_call = LANES / keys;
    let top = P::W as u32 - 1;
    let key_adrs = |b: usize| {
        let mut a = *adrs;
        a.set_key_pair_address(first + b as u32);
        a
    };
    {
        // 10–12: wotspkADRS ← ADRS with type WOTS_PK, same key pair; T_len absorbs as we go.
        let pk_adrs: [Adrs; T_LANES] =
            core::array::from_fn(|b| key_adrs(b).with_type_keeping_key_pair(AdrsType::WotsPk));
        hs.t_start_x(&pk_adrs[..keys]);
    }
    // The signing key's place among the keys, if it is there.
    let signer = sign
        .as_ref()
        .and_then(|(idx, ..)| idx.checked_sub(first))
        .map(|b| b as usize)
        .filter(|&b| b < keys);
    let mut lane_adrs = [Adrs::new(); LANES];
    let mut x = Zeroizing::new([[0u8; 32]; LANES]);
    for i0 in (0..P::LEN).step_by(per_call) {
        // Lane c·keys + b: chain i0 + c of key b.
        let lanes = per_call.min(P::LEN - i0) * keys;
        let chain = |lane: usize| (i0 + lane / keys) as u32;
        for (lane, a) in lane_adrs[..lanes].iter_mut().enumerate() {
            // 1–3: skADRS ← ADRS with type WOTS_PRF, same key pair
            *a = key_adrs(lane % keys).with_type_keeping_key_pair(AdrsType::WotsPrf);
            a.set_chain_address(chain(lane));
        }
        // 5–6: sk ← PRF(PK.seed, SK.seed, skADRS)
        hs.prf_x(&lane_adrs[..lanes], sk_seed, &mut x[..lanes]);
        for (lane, a) in lane_adrs[..lanes].iter_mut().enumerate() {
            *a = key_adrs(lane % keys);
            a.set_chain_address(chain(lane));
        }
        // 7–8: tmp[i] ← chain(sk, 0, w − 1, PK.seed, ADRS), stopping at each digit of the
        // signing key's chains among these to write its signature values.
        let signing = || (0..lanes).filter(|lane| Some(lane % keys) == signer);
        let mut stops = [top; LANES + 1];
        let mut count = 0;
        if let Some((_, msg, _)) = sign.as_ref() {
            for lane in signing() {
                stops[count] = msg[i0 + lane / keys];
                count += 1;
            }
        }
        stops[count] = top;
        let stops = &mut stops[..=count];
        stops.sort_unstable();
        let mut pos = 0;
        for &stop in stops.iter() {
            if stop > pos {
                let (start, steps) = ([pos; LANES], [stop - pos; LANES]);
                hs.chains_x(
                    &lane_adrs[..lanes],
                    &start[..lanes],
                    &steps[..lanes],
                    &mut x[..lanes],
                );
                pos = stop;
            }
            if let Some((_, msg, sig)) = sign.as_mut() {
                for lane in signing().filter(|&lane| msg[i0 + lane / keys] == pos) {
                    // 8 (Algorithm 7): sig[i] ← chain(sk, 0, msg[i])
                    let i = i0 + lane / keys;
                    sig[i * n..(i + 1) * n].copy_from_slice(&x[lane][..n]);
                }
            }
        }
        for ends in x[..lanes].chunks(keys) {
            hs.t_absorb_x(ends);
        }
    }
    // 13: pk ← T_len(PK.seed, wotspkADRS, tmp)
    hs.t_finish_x(out);
}

/// FIPS 205, Algorithm 8 (wots_pkFromSig): the public key a WOTS+ signature `sig` on `m`
/// implies. `adrs` is the WOTS_HASH address of the key pair (layer, tree and key pair set).
pub(crate) fn pk_from_sig<P: ParameterSet>(
    hs: &mut P::Hash,
    sig: &[u8],
    m: &[u8],
    adrs: &Adrs,
) -> Node {
    let n = P::N;
    // 1–7
    let msg = digits::<P>(m);
    let top = P::W as u32 - 1;
    // 9–10: tmp[i] ← chain(sig[i], msg[i], w − 1 − msg[i], PK.seed, ADRS), the chains taken in
    // order of length so that those run together end together. The digits are public (m is
    // a signed root or FORS key, recomputed by every verifier).
    let mut order: [usize; MAX_LEN] = core::array::from_fn(|i| i);
    order[..P::LEN].sort_unstable_by_key(|&i| msg[i]);
    let mut tmp = [[0u8; 32]; MAX_LEN];
    for batch in order[..P::LEN].chunks(LANES) {
        let (mut chain_adrs, mut start, mut steps) = ([*adrs; LANES], [0; LANES], [0; LANES]);
        let mut x = [[0u8; 32]; LANES];
        for (k, &i) in batch.iter().enumerate() {
            chain_adrs[k].set_chain_address(i as u32);
            (start[k], steps[k]) = (msg[i], top - msg[i]);
            x[k][..n].copy_from_slice(&sig[i * n..(i + 1) * n]);
        }
        let lanes = batch.len();
        hs.chains_x(
            &chain_adrs[..lanes],
            &start[..lanes],
            &steps[..lanes],
            &mut x[..lanes],
        );
        for (&i, x) in batch.iter().zip(&x) {
            tmp[i] = *x;
        }
    }
    // 12–15: pk_sig ← T_len(PK.seed, wotspkADRS, tmp)
    hs.t_start(&adrs.with_type_keeping_key_pair(AdrsType::WotsPk));
    for end in &tmp[..P::LEN] {
        hs.t_absorb(&end[..n]);
    }
    hs.t_finish()
}
