//! WOTS+ (FIPS 205 §5): Algorithms 5 to 8.
//!
//! Signing does not call Algorithm 7 on its own: the XMSS tree that holds the signing key must
//! be built anyway, and building its leaf runs every chain of the key from the start, passing
//! through the values the signature needs. [`pk_gen`] writes them out on the way when asked
//! (Algorithm 6 fused with Algorithm 7), so no chain is computed twice.

use zeroize::Zeroizing;

use super::ParameterSet;
use super::address::{Adrs, AdrsType};
use super::encoding::base_2b;
use super::hash::{HashSuite, Node};

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

/// FIPS 205, Algorithm 5 (chain): F iterated `s` times on `x`, from position `i`.
/// `adrs` is a WOTS_HASH address with its chain set; its hash address is changed.
#[inline]
pub(crate) fn chain<H: HashSuite>(hs: &mut H, x: &[u8], i: u32, s: u32, adrs: &mut Adrs) -> Node {
    // 1: tmp ← X
    let mut tmp = [0u8; 32];
    tmp[..H::N].copy_from_slice(x);
    // 2–5: tmp ← F(PK.seed, ADRS, tmp) with hash address j
    for j in i..i + s {
        adrs.set_hash_address(j);
        tmp = hs.f(adrs, &tmp[..H::N]);
    }
    tmp
}

/// FIPS 205, Algorithm 6 (wots_pkGen): the WOTS+ public key at `adrs` (a WOTS_HASH address with
/// layer, tree and key pair set). With `sign = Some((msg, sig))` it is also Algorithm 7
/// (wots_sign) for the digits `msg` (from [`digits`]): chain i is computed up to msg[i], that
/// value is written to sig[i], and the chain then continues from it to w − 1, which is the
/// same value chain(sk, 0, w − 1) gives.
pub(crate) fn pk_gen<P: ParameterSet>(
    hs: &mut P::Hash,
    sk_seed: &[u8],
    adrs: &Adrs,
    mut sign: Option<(&[u32; MAX_LEN], &mut [u8])>,
) -> Node {
    let n = P::N;
    let mut adrs = *adrs;
    // 1–3: skADRS ← ADRS with type WOTS_PRF, same key pair
    let mut sk_adrs = adrs.with_type_keeping_key_pair(AdrsType::WotsPrf);
    // 10–12: wotspkADRS ← ADRS with type WOTS_PK, same key pair; T_len absorbs as we go.
    hs.t_start(&adrs.with_type_keeping_key_pair(AdrsType::WotsPk));
    let top = P::W as u32 - 1;
    for i in 0..P::LEN {
        // 5–6: sk ← PRF(PK.seed, SK.seed, skADRS)
        sk_adrs.set_chain_address(i as u32);
        let sk = Zeroizing::new(hs.prf(&sk_adrs, sk_seed));
        // 7–8: tmp[i] ← chain(sk, 0, w − 1, PK.seed, ADRS)
        adrs.set_chain_address(i as u32);
        let end = match sign.as_mut() {
            Some((msg, sig)) => {
                let d = msg[i];
                let s = chain(hs, &sk[..n], 0, d, &mut adrs);
                sig[i * n..(i + 1) * n].copy_from_slice(&s[..n]);
                chain(hs, &s[..n], d, top - d, &mut adrs)
            }
            None => chain(hs, &sk[..n], 0, top, &mut adrs),
        };
        hs.t_absorb(&end[..n]);
    }
    // 13: pk ← T_len(PK.seed, wotspkADRS, tmp)
    hs.t_finish()
}

/// FIPS 205, Algorithm 8 (wots_pkFromSig): the public key a WOTS+ signature `sig` on `m`
/// implies. `adrs` as for [`pk_gen`].
pub(crate) fn pk_from_sig<P: ParameterSet>(
    hs: &mut P::Hash,
    sig: &[u8],
    m: &[u8],
    adrs: &Adrs,
) -> Node {
    let n = P::N;
    let mut adrs = *adrs;
    // 1–7
    let msg = digits::<P>(m);
    // 12–14: wotspkADRS; T_len absorbs each chain end as it is computed.
    hs.t_start(&adrs.with_type_keeping_key_pair(AdrsType::WotsPk));
    let top = P::W as u32 - 1;
    for i in 0..P::LEN {
        // 9–10: tmp[i] ← chain(sig[i], msg[i], w − 1 − msg[i], PK.seed, ADRS)
        adrs.set_chain_address(i as u32);
        let end = chain(
            hs,
            &sig[i * n..(i + 1) * n],
            msg[i],
            top - msg[i],
            &mut adrs,
        );
        hs.t_absorb(&end[..n]);
    }
    // 15: pk_sig ← T_len(PK.seed, wotspkADRS, tmp)
    hs.t_finish()
}
