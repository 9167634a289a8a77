//! Pseudorandom sampling (FIPS 204 §7.3) one polynomial at a time: SampleInBall, RejNTTPoly,
//! RejBoundedPoly and ExpandMask's polynomials. ExpandA, ExpandS and ExpandMask, four at a
//! time, are in [`super::sample_x4`].

use super::ParameterSet;
use crate::ct::declassify;
use crate::hash::Shake256;
use crate::lattice::{N, Poly, Q8380417, pack, sample_uniform, unpack};

type Poly32 = Poly<Q8380417>;

/// Â[r][s]: FIPS 204, Algorithm 30 (RejNTTPoly) on ρ‖s‖r, as ExpandA (Algorithm 32) seeds it.
pub(crate) fn rej_ntt_poly(rho: &[u8; 32], s: u8, r: u8) -> Poly32 {
    sample_uniform(rho, s, r)
}

/// FIPS 204, Algorithm 31 (RejBoundedPoly) on ρ′‖IntegerToBytes(nonce, 2) into `a`, with
/// CoeffFromHalfByte (Algorithm 15) inlined; [`coeffs_from_block`] says how it stays constant
/// time.
pub(crate) fn rej_bounded_poly<P: ParameterSet>(rho_prime: &[u8; 64], nonce: u16, a: &mut Poly32) {
    let mut xof = Shake256::new();
    xof.absorb(rho_prime);
    xof.absorb(&nonce.to_le_bytes());
    xof.finalize();
    let mut buf = zeroize::Zeroizing::new([0u8; Shake256::RATE]);
    let mut n = 0;
    while n < N {
        xof.squeeze(&mut *buf);
        n = coeffs_from_block::<P>(&*buf, &mut a.coeffs, n);
    }
}

/// Lines 4–14 of FIPS 204, Algorithm 31 (RejBoundedPoly) over one block of the stream:
/// coefficients from `out[n]` on, until the block ends or N are there; returns the new count.
///
/// The stream is secret. Which half-bytes are rejected is revealed through where the next
/// coefficient is written (the standard's rejection sampling): that is independent of the
/// accepted coefficients, which are computed without a branch or a division
/// (b mod 5 = b − 5·⌊205·b / 1024⌋ for b < 15). Every candidate is written and the position
/// advances by the acceptance bit; the only branch is on the count, which is public.
#[inline(always)]
pub(crate) fn coeffs_from_block<P: ParameterSet>(
    block: &[u8],
    out: &mut [i32; N],
    mut n: usize,
) -> usize {
    for &z in block {
        for b in [i32::from(z & 15), i32::from(z >> 4)] {
            if n >= N {
                return n;
            }
            let (bound, value) = if P::ETA == 2 {
                (15, 2 - (b - 5 * ((205 * b) >> 10)))
            } else {
                (9, 4 - b)
            };
            // The acceptance bit only says whether this half-byte was rejected.
            let mut accepted = ((b - bound) >> 31 & 1) as usize;
            declassify(&mut accepted);
            out[n] = value;
            n += accepted;
        }
    }
    n
}

/// Lines 1–3 of FIPS 204, Algorithm 34 (ExpandMask) for one polynomial: y = BitUnpack(H(ρ″‖
/// IntegerToBytes(nonce, 2)), γ₁ − 1, γ₁).
pub(crate) fn mask_poly<P: ParameterSet>(rho_pp: &[u8; 64], nonce: u16, y: &mut Poly32) {
    let mut buf = zeroize::Zeroizing::new([0u8; 32 * 20]);
    let buf = &mut buf[..32 * P::Z_BITS as usize];
    Shake256::digest(&[rho_pp, &nonce.to_le_bytes()], buf);
    mask_from_bytes::<P>(buf, y);
}

/// BitUnpack(bytes, γ₁ − 1, γ₁) (FIPS 204, Algorithm 19), as ExpandMask uses it.
#[inline(always)]
pub(crate) fn mask_from_bytes<P: ParameterSet>(bytes: &[u8], y: &mut Poly32) {
    unpack(bytes, P::Z_BITS, |v| P::GAMMA1 - v as i32, y);
}

/// FIPS 204, Algorithm 29 (SampleInBall): the challenge c, τ coefficients ±1, from c̃, in
/// constant time, for signing. [`sample_in_ball_public`] is the faster form for a c̃ that is
/// public (verification); both give the same c.
///
/// For the accepted iteration c̃ is part of the signature, but the signer also samples c for
/// iterations it rejects, whose c̃ must stay secret. So the Fisher–Yates positions are never
/// used as a memory index: c is kept as two 256-bit masks (nonzero, negative), read and written
/// at position j with whole-word masks and a shift. Only the byte rejections (j > i) branch;
/// they reveal nothing about the accepted positions, which are uniform whatever was rejected.
pub(crate) fn sample_in_ball<P: ParameterSet>(c_tilde: &[u8], c: &mut Poly32) {
    let mut nonzero = [0u64; 4];
    let mut negative = [0u64; 4];
    ball_positions::<P>(c_tilde, |i, j, sign| {
        // 11: c_i ← c_j (i is public: a plain bit write of the value read at j).
        let (nz_j, neg_j) = (read_bit(&nonzero, j), read_bit(&negative, j));
        write_bit(&mut nonzero, i, nz_j);
        write_bit(&mut negative, i, neg_j);
        // 12: c_j ← (−1)^h[i+τ−256].
        write_bit(&mut nonzero, j, 1);
        write_bit(&mut negative, j, sign);
    });
    for (i, coeff) in c.coeffs.iter_mut().enumerate() {
        let nz = ((nonzero[i / 64] >> (i % 64)) & 1) as i32;
        let neg = ((negative[i / 64] >> (i % 64)) & 1) as i32;
        *coeff = nz * (1 - 2 * neg);
    }
}

/// FIPS 204, Algorithm 29 (SampleInBall) as written, for a public c̃ only: the positions j
/// are memory indices, so time and memory accesses depend on c̃. Verification uses it: there c̃
/// comes from the signature, which is public. The signer's c̃ of a rejected iteration is
/// secret, so signing uses [`sample_in_ball`], whose c is the same.
pub(crate) fn sample_in_ball_public<P: ParameterSet>(c_tilde: &[u8], c: &mut Poly32) {
    // 1: c ← 0.
    c.coeffs = [0; N];
    ball_positions::<P>(c_tilde, |i, j, sign| {
        // 11–12: c_i ← c_j; c_j ← (−1)^h[i+τ−256].
        c.coeffs[i] = c.coeffs[j];
        c.coeffs[j] = 1 - 2 * sign as i32;
    });
}

/// The draws of FIPS 204, Algorithm 29, shared by both forms of SampleInBall: for each i from
/// 256 − τ to 255 in turn, `place(i, j, h[i+τ−256])` with j the next byte of H(c̃) that is ≤ i
/// (steps 7–10) and the sign bit from its first 8 bytes (steps 4–5). Only whether a byte is
/// rejected becomes public, not the byte: the draw itself is handed to `place`.
#[inline(always)]
fn ball_positions<P: ParameterSet>(c_tilde: &[u8], mut place: impl FnMut(usize, usize, u64)) {
    let mut xof = Shake256::new();
    xof.absorb(c_tilde);
    xof.finalize();
    // 4–5: the first 8 bytes are the signs, one bit each.
    let mut signs = [0u8; 8];
    xof.squeeze(&mut signs);
    let signs = u64::from_le_bytes(signs);
    let mut buf = [0u8; Shake256::RATE];
    let mut pos = buf.len();
    for (k, i) in (N - P::TAU..N).enumerate() {
        // 7–10: j ← the next byte that is ≤ i.
        let j = loop {
            if pos == buf.len() {
                xof.squeeze(&mut buf);
                pos = 0;
            }
            let j = usize::from(buf[pos]);
            pos += 1;
            // Only whether this byte is rejected becomes public, not the byte.
            let mut accept = j <= i;
            declassify(&mut accept);
            if accept {
                break j;
            }
        };
        place(i, j, (signs >> k) & 1);
    }
}

/// Bit `j` of a 256-bit mask, touching every word.
#[inline(always)]
fn read_bit(mask: &[u64; 4], j: usize) -> u64 {
    let mut bit = 0;
    for (w, word) in mask.iter().enumerate() {
        bit |= (word >> (j % 64)) & 1 & word_select(w, j);
    }
    bit
}

/// Sets bit `j` of a 256-bit mask to `bit` (0 or 1), touching every word.
#[inline(always)]
fn write_bit(mask: &mut [u64; 4], j: usize, bit: u64) {
    for (w, word) in mask.iter_mut().enumerate() {
        let m = (1u64 << (j % 64)) & word_select(w, j);
        *word = (*word & !m) | (m & bit.wrapping_neg());
    }
}

/// All ones if word `w` holds bit `j`, else zero, without a comparison branch.
#[inline(always)]
fn word_select(w: usize, j: usize) -> u64 {
    let diff = (w ^ (j / 64)) as u64;
    ((diff | diff.wrapping_neg()) >> 63).wrapping_sub(1)
}

/// w1Encode of one polynomial (FIPS 204, Algorithm 28): SimpleBitPack with W1_BITS bits.
pub(crate) fn w1_encode_poly<P: ParameterSet>(w1: &Poly32, out: &mut [u8]) {
    pack(w1, P::W1_BITS, |c| c as u32, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::Shake128;
    use crate::ml_dsa::{MlDsa44, MlDsa65, MlDsa87};

    /// Algorithm 29 as written, with the positions as indices.
    fn spec_sample_in_ball(c_tilde: &[u8], tau: usize) -> [i32; N] {
        let mut xof = Shake256::new();
        xof.absorb(c_tilde);
        xof.finalize();
        let mut s = [0u8; 8];
        xof.squeeze(&mut s);
        let h = u64::from_le_bytes(s);
        let mut c = [0i32; N];
        for i in N - tau..N {
            let mut j = [0u8];
            xof.squeeze(&mut j);
            while usize::from(j[0]) > i {
                xof.squeeze(&mut j);
            }
            let j = usize::from(j[0]);
            c[i] = c[j];
            c[j] = if (h >> (i + tau - N)) & 1 == 1 { -1 } else { 1 };
        }
        c
    }

    fn check_sample_in_ball<P: ParameterSet>() {
        for seed in 0u8..50 {
            let c_tilde = [seed; 64];
            let mut c = Poly::zero();
            sample_in_ball::<P>(&c_tilde[..P::C_TILDE_SIZE], &mut c);
            assert_eq!(
                c.coeffs,
                spec_sample_in_ball(&c_tilde[..P::C_TILDE_SIZE], P::TAU)
            );
            assert_eq!(c.coeffs.iter().filter(|&&x| x != 0).count(), P::TAU);
        }
    }

    #[test]
    fn sample_in_ball_is_algorithm_29() {
        check_sample_in_ball::<MlDsa44>();
        check_sample_in_ball::<MlDsa65>();
        check_sample_in_ball::<MlDsa87>();
    }

    /// The constant-time and the public SampleInBall on `count` pseudorandom c̃ (a SHAKE128
    /// stream): the number of c̃ on which both gave the same c, each also Algorithm 29's.
    fn agreeing_sample_in_ball<P: ParameterSet>(
        count: usize,
        public: fn(&[u8], &mut Poly32),
    ) -> usize {
        let mut stream = Shake128::new();
        stream.absorb(b"SampleInBall agreement");
        stream.finalize();
        let mut agree = 0;
        for _ in 0..count {
            let mut c_tilde = [0u8; 64];
            let c_tilde = &mut c_tilde[..P::C_TILDE_SIZE];
            stream.squeeze(c_tilde);
            let (mut c, mut c_public) = (Poly::zero(), Poly::zero());
            sample_in_ball::<P>(c_tilde, &mut c);
            // Left over from the previous c̃: the public form must not depend on what it overwrites.
            c_public.coeffs = [7; N];
            public(c_tilde, &mut c_public);
            let spec = spec_sample_in_ball(c_tilde, P::TAU);
            agree += usize::from(c.coeffs == c_public.coeffs && c.coeffs == spec);
        }
        agree
    }

    #[test]
    fn sample_in_ball_public_equals_constant_time() {
        assert_eq!(
            agreeing_sample_in_ball::<MlDsa44>(300, sample_in_ball_public::<MlDsa44>),
            300
        );
        assert_eq!(
            agreeing_sample_in_ball::<MlDsa65>(300, sample_in_ball_public::<MlDsa65>),
            300
        );
        assert_eq!(
            agreeing_sample_in_ball::<MlDsa87>(300, sample_in_ball_public::<MlDsa87>),
            300
        );
    }

    /// The agreement check fails on a planted fault: a public SampleInBall that loses one ±1.
    #[test]
    fn sample_in_ball_agreement_catches_a_fault() {
        fn one_lost(c_tilde: &[u8], c: &mut Poly32) {
            sample_in_ball_public::<MlDsa65>(c_tilde, c);
            if let Some(x) = c.coeffs.iter_mut().find(|x| **x != 0) {
                *x = 0;
            }
        }
        assert_eq!(agreeing_sample_in_ball::<MlDsa65>(50, one_lost), 0);
    }

    /// Algorithm 31 with Algorithm 15 as written.
    fn spec_rej_bounded(rho: &[u8; 64], nonce: u16, eta: i32) -> [i32; N] {
        let mut xof = Shake256::new();
        xof.absorb(rho);
        xof.absorb(&nonce.to_le_bytes());
        xof.finalize();
        let coeff = |b: i32| match eta {
            2 if b < 15 => Some(2 - b % 5),
            4 if b < 9 => Some(4 - b),
            _ => None,
        };
        let mut a = [0i32; N];
        let mut j = 0;
        while j < N {
            let mut z = [0u8];
            xof.squeeze(&mut z);
            if let Some(v) = coeff(i32::from(z[0] % 16)) {
                a[j] = v;
                j += 1;
            }
            if let (Some(v), true) = (coeff(i32::from(z[0] / 16)), j < N) {
                a[j] = v;
                j += 1;
            }
        }
        a
    }

    #[test]
    fn rej_bounded_poly_is_algorithm_31() {
        let rho = [9u8; 64];
        for nonce in [0u16, 1, 7, 300] {
            let mut a = Poly::zero();
            rej_bounded_poly::<MlDsa44>(&rho, nonce, &mut a);
            assert_eq!(a.coeffs, spec_rej_bounded(&rho, nonce, 2));
            rej_bounded_poly::<MlDsa65>(&rho, nonce, &mut a);
            assert_eq!(a.coeffs, spec_rej_bounded(&rho, nonce, 4));
        }
    }

    #[test]
    fn rej_ntt_poly_is_algorithm_30() {
        let rho = [3u8; 32];
        let fast = rej_ntt_poly(&rho, 2, 5);
        let mut xof = Shake128::new();
        xof.absorb(&rho);
        xof.absorb(&[2, 5]);
        xof.finalize();
        let mut j = 0;
        while j < N {
            let mut b = [0u8; 3];
            xof.squeeze(&mut b);
            let z = i32::from(b[2] & 127) << 16 | i32::from(b[1]) << 8 | i32::from(b[0]);
            if z < 8_380_417 {
                assert_eq!(fast.coeffs[j], z, "coefficient {j}");
                j += 1;
            }
        }
    }
}
