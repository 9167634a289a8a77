//! Key generation and signing (FIPS 204 §6.1–6.2, Algorithms 6 and 7).

use zeroize::Zeroizing;

use super::ParameterSet;
use super::Signature;
use super::encode::{
    HintMask, hint_bit_pack, pack_z, sk_decode_s2_row, sk_encode_head, sk_encode_s, sk_encode_t0,
};
use super::keys::SigningKey;
use super::rounding::{
    high_bits_poly, low_bits_poly, make_hint_poly, norm_at_least, power2round_poly,
};
use super::sample::{sample_in_ball, w1_encode_poly};
use super::sample_x4::{expand_a, expand_mask, expand_s, for_each_a_entry};
use crate::array::ByteArray;
use crate::ct::declassify;
use crate::hash::Shake256;
use crate::lattice::{ConstZero, Poly, PolyVec, Q8380417};

type Poly32 = Poly<Q8380417>;

/// FIPS 204, Algorithm 6 (ML-DSA.KeyGen_internal).
pub(crate) fn keygen_internal<P: ParameterSet>(xi: &[u8; 32]) -> SigningKey<P> {
    // 1: (ρ, ρ′, K) ← H(ξ ‖ k ‖ ℓ, 128)
    let mut seeds = Zeroizing::new([0u8; 128]);
    Shake256::digest(&[xi, &[P::K as u8, P::L as u8]], &mut *seeds);
    let (rho, rest) = seeds.split_at(32);
    let (rho_prime, key) = rest.split_at(64);
    // ρ is derived from the secret ξ but published in pk (line 8), and ExpandA's rejection
    // sampling branches on bytes derived from it.
    let mut rho: [u8; 32] = rho.try_into().expect("32 bytes");
    declassify(&mut rho);
    let mut sk = SigningKey::<P>::blank(&rho);
    // The seed is copied into the key's own storage: `Some(*xi)` would be built elsewhere first.
    sk.seed.get_or_insert([0; 32]).copy_from_slice(xi);
    // 4: (s₁, s₂) ← ExpandS(ρ′), into the key's own storage. Infallible: fixed sub-ranges of
    // the 128-byte output.
    expand_s::<P>(
        rho_prime.try_into().expect("64 bytes"),
        &mut sk.s1_hat,
        &mut sk.s2_hat,
    );
    finish_key(&mut sk, key.try_into().expect("32 bytes"));
    sk.copied()
}

/// Lines 3 and 5–10 of Algorithm 6, for a key whose ρ is set and whose s₁ and s₂ have been put
/// (in the normal domain) where NTT(s₁) and NTT(s₂) belong: t = NTT⁻¹(Â ∘ NTT(s₁)) + s₂,
/// (t₁, t₀) ← Power2Round(t), pk, tr and sk, plus the NTT forms the signer and verifier keep.
/// Also re-derives an imported expanded key, to check it.
///
/// Everything is written in place, row by row, so that no vector of s₁, s₂, t₁ or t₀ is held
/// beside the key (stack).
pub(crate) fn finish_key<P: ParameterSet>(sk: &mut SigningKey<P>, key: &[u8; 32]) {
    // 10 (part): s₁ and s₂ into skEncode, then to the NTT domain in place.
    sk_encode_s::<P>(&sk.s1_hat, &sk.s2_hat, sk.bytes.as_mut());
    for s in sk.s1_hat.as_mut().iter_mut().chain(sk.s2_hat.as_mut()) {
        s.ntt();
    }
    let rho = *sk.vk.rho();
    let mut t = Zeroizing::new(Poly::zero());
    let mut t1 = Poly::zero();
    let mut t0 = Zeroizing::new(Poly::zero());
    // 3, 5: t̂[i] = Σⱼ Â[i, j] ∘ ŝ₁[j] (times R⁻¹), Â sampled four entries at a time and used
    // as it comes, row by row, accumulated in t itself (zero at the start of each row).
    for_each_a_entry::<P>(&rho, |i, j, a| {
        if j == 0 {
            *t = Poly::zero();
        }
        t.multiply_ntts_acc(a, &sk.s1_hat.as_ref()[j]);
        if j < P::L - 1 {
            return;
        }
        t.reduce();
        // t[i] = NTT⁻¹(…) + s₂[i], canonical; s₂[i] read back from the encoding.
        t.inv_ntt();
        sk_decode_s2_row::<P>(sk.bytes.as_ref(), i, &mut t0);
        t.add_assign(&t0);
        t.reduce();
        t.canonicalize();
        // 6: (t₁, t₀) ← Power2Round(t)
        power2round_poly(&t, &mut t1, &mut t0);
        // 8, 10: t₁ into pkEncode, t₀ into skEncode.
        sk.vk.set_t1(i, &t1);
        sk_encode_t0::<P>(i, &t0, sk.bytes.as_mut());
        let t0_hat = &mut sk.t0_hat.as_mut()[i];
        t0_hat.clone_from(&t0);
        t0_hat.ntt();
    });
    // The verifying key pkEncode(ρ, t₁) is complete and is public: it is what key generation
    // makes to be published. tr, hashed from it, is then public too.
    declassify(sk.vk.bytes.as_mut());
    // 9: tr ← H(pk, 64)
    sk.vk.finish_tr();
    // 10 (rest): ρ ‖ K ‖ tr.
    sk_encode_head(&rho, key, &sk.vk.tr, sk.bytes.as_mut());
}

/// FIPS 204, Algorithm 7 (ML-DSA.Sign_internal) from line 7, given μ.
///
/// The loop reveals, per iteration, whether it was rejected (the number of iterations is
/// public in every implementation of Fiat–Shamir with aborts) and, if so, whether by the ‖z‖∞
/// check or by one of the other three (‖r₀‖∞, ‖c·t₀‖∞, the hint count). The z check's outcome
/// has the same distribution for every key (see the loop), so that second bit says nothing
/// about the key; it lets a rejected iteration skip c·s₂ and c·t₀. Each check looks at every
/// coefficient, and the other three are combined before their bit is declassified, so which
/// coefficient failed, by how much, and which of the three failed stay secret. Everything of
/// a rejected iteration stays secret and is overwritten.
pub(crate) fn sign_mu<P: ParameterSet>(
    sk: &SigningKey<P>,
    mu: &[u8; 64],
    rnd: &[u8; 32],
) -> Signature<P> {
    // 7: ρ″ ← H(K ‖ rnd ‖ μ, 64)
    let mut rho_pp = Zeroizing::new([0u8; 64]);
    Shake256::digest(&[sk.key(), rnd, mu], &mut *rho_pp);
    // 5: Â ← ExpandA(ρ); kept for the whole loop.
    let mut a_hat = P::Matrix::ZERO;
    expand_a::<P>(sk.vk.rho(), &mut a_hat);
    let mut y = Zeroizing::new(P::VecL::zero());
    let mut w = Zeroizing::new(P::VecK::zero());
    let mut c_hat = Zeroizing::new(Poly::zero());
    let mut tmp = Zeroizing::new(Poly::zero());
    let mut c_tilde = Zeroizing::new([0u8; 64]);
    let c_tilde = &mut c_tilde[..P::C_TILDE_SIZE];
    let mut hints: Zeroizing<HintMask> = Zeroizing::new([[0; 4]; 8]);
    // 8: κ ← 0. κ grows by ℓ per iteration; it cannot wrap 16 bits before about 9000
    // consecutive rejections, an event of probability below 2^−1000.
    let mut kappa = 0u16;
    loop {
        // 11: y ← ExpandMask(ρ″, κ); 31: κ ← κ + ℓ
        expand_mask::<P>(&rho_pp, kappa, &mut y);
        kappa = kappa.wrapping_add(P::L as u16);
        // 12: w ← NTT⁻¹(Â ∘ NTT(y)), column by column: NTT(y[j]) is needed only while its
        // column of Â is multiplied, so one polynomial holds it (no vector ŷ on the stack).
        *w = P::VecK::ZERO;
        for (j, y) in y.as_ref().iter().enumerate() {
            (*tmp).clone_from(y);
            tmp.ntt();
            for (w, row) in w.as_mut().iter_mut().zip(a_hat.as_ref()) {
                w.multiply_ntts_acc(&row.as_ref()[j], &tmp);
            }
        }
        for w in w.as_mut() {
            w.reduce();
            w.inv_ntt();
            w.reduce();
            w.canonicalize();
        }
        // 13, 15: w₁ ← HighBits(w); c̃ ← H(μ ‖ w1Encode(w₁), λ/4), one polynomial at a time.
        // The encoding is wiped on return: a rejected iteration's w₁ is not public.
        let mut h = Shake256::new();
        h.absorb(mu);
        let mut encoded = Zeroizing::new([0u8; 32 * 6]);
        let encoded = &mut encoded[..32 * P::W1_BITS as usize];
        for w in w.as_ref() {
            (*tmp).clone_from(w);
            high_bits_poly::<P>(&mut tmp);
            w1_encode_poly::<P>(&tmp, encoded);
            h.absorb(encoded);
        }
        h.finalize();
        h.squeeze(c_tilde);
        // 16–17: ĉ ← NTT(SampleInBall(c̃))
        sample_in_ball::<P>(c_tilde, &mut c_hat);
        c_hat.ntt();
        // 18, 20: z ← y + NTT⁻¹(ĉ ∘ ŝ₁), in place of y. |y| < γ₁ and |c·s₁| ≤ β, so z is the
        // exact small integer, no reduction needed. 23: ‖z‖∞ ≥ γ₁ − β rejects.
        let mut reject = 0u32;
        for (z, s1) in y.as_mut().iter_mut().zip(sk.s1_hat.as_ref()) {
            product(&mut tmp, &c_hat, s1);
            z.add_assign(&tmp);
            reject |= norm_at_least(z, P::GAMMA1 - P::BETA);
        }
        // The z check's verdict is public on its own: for each coefficient, y is uniform on
        // (−γ₁, γ₁] and |c·s₁| ≤ β, so exactly 2β + 1 of the 2γ₁ values of y put |y + c·s₁| at
        // γ₁ − β or above, whatever c·s₁ is. Its outcome is independent of the key, and
        // revealing it (before c·s₂ and c·t₀ are computed) saves those products in the
        // iterations it rejects. Which coefficient failed, and by how much, stays secret.
        declassify(&mut reject);
        if reject != 0 {
            continue;
        }
        // 19, 21: r₀ ← LowBits(w − c·s₂), with w ← w − c·s₂ kept for the hint. 23: ‖r₀‖∞ ≥
        // γ₂ − β rejects.
        for (w, s2) in w.as_mut().iter_mut().zip(sk.s2_hat.as_ref()) {
            product(&mut tmp, &c_hat, s2);
            tmp.sub_from(w);
            tmp.reduce();
            tmp.canonicalize();
            core::mem::swap(w, &mut *tmp);
            (*tmp).clone_from(w);
            low_bits_poly::<P>(&mut tmp);
            reject |= norm_at_least(&tmp, P::GAMMA2 - P::BETA);
        }
        // 25–26: h ← MakeHint(−c·t₀, w − c·s₂ + c·t₀), i.e. whether adding c·t₀ to w − c·s₂
        // changes its high bits; kept as bit masks, with no index that depends on h.
        // 28: ‖c·t₀‖∞ ≥ γ₂ or more than ω hints rejects.
        let mut count = 0;
        for ((w, t0), row) in w
            .as_ref()
            .iter()
            .zip(sk.t0_hat.as_ref())
            .zip(hints.iter_mut())
        {
            product(&mut tmp, &c_hat, t0);
            reject |= norm_at_least(&tmp, P::GAMMA2);
            // w − c·s₂ + c·t₀, canonical: |c·t₀| < q/2 after the centred reduction, so the sum
            // fits an i32 before it is reduced.
            tmp.add_assign(w);
            tmp.reduce();
            tmp.canonicalize();
            *row = make_hint_poly::<P>(&tmp, w);
            count += row.iter().map(|m| m.count_ones()).sum::<u32>();
        }
        // count ≤ k·256 < 2^31: the sign bit of ω − count is count > ω.
        reject |= (P::OMEGA as u32).wrapping_sub(count) >> 31;
        // The second value of an iteration that becomes public: whether the other three checks
        // rejected it (the number of iterations is public in Fiat–Shamir with aborts). They ran
        // on every coefficient whatever the others found, so which of them failed, where, and
        // by how much stay secret.
        declassify(&mut reject);
        if reject != 0 {
            continue;
        }
        // Accepted: c̃, z and h are the signature, public from here on; HintBitPack branches on h.
        declassify(&mut *hints);
        // 33: σ ← sigEncode(c̃, z mod± q, h)
        let mut sig = P::SignatureBytes::zeroed();
        let (c_bytes, rest) = sig.as_mut().split_at_mut(P::C_TILDE_SIZE);
        c_bytes.copy_from_slice(c_tilde);
        let (z_bytes, h_bytes) = rest.split_at_mut(P::L * 32 * P::Z_BITS as usize);
        for (z, chunk) in y
            .as_ref()
            .iter()
            .zip(z_bytes.chunks_exact_mut(32 * P::Z_BITS as usize))
        {
            pack_z::<P>(z, chunk);
        }
        hint_bit_pack::<P>(&hints, h_bytes);
        return Signature(sig);
    }
}

/// out = NTT⁻¹(a ∘ b), centred: the product of two NTT-domain polynomials.
fn product(out: &mut Poly32, a: &Poly32, b: &Poly32) {
    *out = Poly::zero();
    out.multiply_ntts_acc(a, b);
    out.reduce();
    out.inv_ntt();
    out.reduce();
}
