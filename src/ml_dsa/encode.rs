//! Encodings of ML-DSA keys and signatures (FIPS 204 §7.1–7.2, Algorithms 16–27).
//!
//! SimpleBitPack/BitPack and their inverses are `lattice::pack`/`unpack` with the offset the
//! standard subtracts; Algorithms 9–13 (bit and byte conversions) are their little-endian bit
//! order.

use super::ParameterSet;
use super::params::D;
use crate::Error;
use crate::lattice::{N, Poly, Q8380417, pack, unpack};

type Poly32 = Poly<Q8380417>;

/// Bytes of t₁ per polynomial: 10 bits per coefficient, bitlen(q − 1) − d.
pub(crate) const T1_POLY_BYTES: usize = 320;
/// Bytes of t₀ per polynomial: d bits per coefficient.
const T0_POLY_BYTES: usize = 32 * D as usize;

/// The hint vector h as one 256-bit mask per polynomial (bit j of row i is h[i]_j).
pub(crate) type HintMask = [[u64; 4]; 8];

/// SimpleBitPack(t₁[i], 2^10 − 1) (in pkEncode, Algorithm 22).
pub(crate) fn pack_t1(t1: &Poly32, out: &mut [u8]) {
    pack(t1, 10, |c| c as u32, out);
}

/// SimpleBitUnpack(z, 2^10 − 1) (in pkDecode, Algorithm 23): always in range.
pub(crate) fn unpack_t1(bytes: &[u8], t1: &mut Poly32) {
    unpack(bytes, 10, |v| v as i32, t1);
}

// FIPS 204, Algorithms 24 and 25 (skEncode, skDecode), in the parts key generation and import
// need: the encoding is ρ ‖ K ‖ tr ‖ s₁ ‖ s₂ ‖ t₀, with BitPack(s, η, η) and
// BitPack(t₀, 2^(d−1) − 1, 2^(d−1)).

/// Bytes of one polynomial of s₁ or s₂ in the encoding.
const fn eta_poly_bytes<P: ParameterSet>() -> usize {
    32 * P::ETA_BITS as usize
}

/// Where s₁ ‖ s₂ start and end in the encoding.
const fn s_range<P: ParameterSet>() -> core::ops::Range<usize> {
    128..128 + (P::K + P::L) * eta_poly_bytes::<P>()
}

/// Lines 1 of skEncode: ρ ‖ K ‖ tr.
pub(crate) fn sk_encode_head(rho: &[u8; 32], key: &[u8; 32], tr: &[u8; 64], out: &mut [u8]) {
    out[..32].copy_from_slice(rho);
    out[32..64].copy_from_slice(key);
    out[64..128].copy_from_slice(tr);
}

/// Lines 2–7 of skEncode: s₁ ‖ s₂.
pub(crate) fn sk_encode_s<P: ParameterSet>(s1: &P::VecL, s2: &P::VecK, out: &mut [u8]) {
    let s = s1.as_ref().iter().chain(s2.as_ref());
    for (p, chunk) in s.zip(out[s_range::<P>()].chunks_exact_mut(eta_poly_bytes::<P>())) {
        pack(p, P::ETA_BITS, |c| (P::ETA - c) as u32, chunk);
    }
}

/// Line 9 of skEncode: BitPack(t₀[i], 2^(d−1) − 1, 2^(d−1)) at its place in the encoding.
pub(crate) fn sk_encode_t0<P: ParameterSet>(i: usize, t0: &Poly32, out: &mut [u8]) {
    let at = s_range::<P>().end + i * T0_POLY_BYTES;
    pack(
        t0,
        D,
        |c| ((1 << (D - 1)) - c) as u32,
        &mut out[at..at + T0_POLY_BYTES],
    );
}

/// Line 6 of skDecode for one row: s₂[i] = BitUnpack(z_i, η, η).
pub(crate) fn sk_decode_s2_row<P: ParameterSet>(bytes: &[u8], i: usize, s2: &mut Poly32) {
    let at = s_range::<P>().start + (P::L + i) * eta_poly_bytes::<P>();
    unpack(
        &bytes[at..at + eta_poly_bytes::<P>()],
        P::ETA_BITS,
        |v| P::ETA - v as i32,
        s2,
    );
}

/// Lines 2–7 of skDecode (FIPS 204, Algorithm 25): s₁ and s₂ into the given vectors, rejecting
/// what the standard warns about: coefficients outside [−η, η] (a malformed key) give
/// [`Error::InvalidKey`]. The range check scans every coefficient before deciding, so a
/// failure reveals only that the key is malformed.
pub(crate) fn sk_decode_s<P: ParameterSet>(
    bytes: &[u8],
    s1: &mut P::VecL,
    s2: &mut P::VecK,
) -> Result<(), Error> {
    let mut out_of_range = 0u32;
    let s = s1.as_mut().iter_mut().chain(s2.as_mut().iter_mut());
    for (p, chunk) in s.zip(bytes[s_range::<P>()].chunks_exact(eta_poly_bytes::<P>())) {
        unpack(chunk, P::ETA_BITS, |v| P::ETA - v as i32, p);
        for &c in &p.coeffs {
            // (c + η) outside [0, 2η] sets the sign bit of one of the two differences.
            out_of_range |= ((c + P::ETA) | (2 * P::ETA - (c + P::ETA))) as u32;
        }
    }
    // Whether the key is malformed is public (it is the result of the import).
    let mut valid = out_of_range >> 31 == 0;
    crate::ct::declassify(&mut valid);
    if valid {
        Ok(())
    } else {
        Err(Error::InvalidKey)
    }
}

/// FIPS 204, Algorithm 20 (HintBitPack) of a mask with at most ω bits set, into ω + k bytes.
pub(crate) fn hint_bit_pack<P: ParameterSet>(h: &HintMask, out: &mut [u8]) {
    out.fill(0);
    let mut index = 0;
    for (i, row) in h.iter().take(P::K).enumerate() {
        for j in 0..N {
            if (row[j / 64] >> (j % 64)) & 1 == 1 {
                out[index] = j as u8;
                index += 1;
            }
        }
        out[P::OMEGA + i] = index as u8;
    }
}

/// FIPS 204, Algorithm 21 (HintBitUnpack) of ω + k bytes, with every check of the standard:
/// the running counts must not decrease nor exceed ω, the indices within a polynomial must be
/// strictly increasing, and the unused index bytes must be zero. Public data: returns early.
pub(crate) fn hint_bit_unpack<P: ParameterSet>(y: &[u8]) -> Result<HintMask, Error> {
    let mut h = [[0u64; 4]; 8];
    let mut index = 0;
    for (i, row) in h.iter_mut().take(P::K).enumerate() {
        let end = usize::from(y[P::OMEGA + i]);
        if end < index || end > P::OMEGA {
            return Err(Error::InvalidSignature);
        }
        let first = index;
        while index < end {
            if index > first && y[index - 1] >= y[index] {
                return Err(Error::InvalidSignature);
            }
            let j = usize::from(y[index]);
            row[j / 64] |= 1 << (j % 64);
            index += 1;
        }
    }
    if y[index..P::OMEGA].iter().any(|&b| b != 0) {
        return Err(Error::InvalidSignature);
    }
    Ok(h)
}

/// BitPack(z[i], γ₁ − 1, γ₁) (in sigEncode, Algorithm 26).
pub(crate) fn pack_z<P: ParameterSet>(z: &Poly32, out: &mut [u8]) {
    pack(z, P::Z_BITS, |c| (P::GAMMA1 - c) as u32, out);
}

/// BitUnpack(x, γ₁ − 1, γ₁) (in sigDecode, Algorithm 27): always in range, γ₁ being a power of 2.
pub(crate) fn unpack_z<P: ParameterSet>(bytes: &[u8], z: &mut Poly32) {
    unpack(bytes, P::Z_BITS, |v| P::GAMMA1 - v as i32, z);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml_dsa::{MlDsa44, MlDsa65};

    fn packed<P: ParameterSet>(rows: &[&[u8]]) -> [u8; 90] {
        let mut y = [0u8; 90];
        let mut index = 0;
        for (i, row) in rows.iter().enumerate() {
            y[index..index + row.len()].copy_from_slice(row);
            index += row.len();
            y[P::OMEGA + i] = index as u8;
        }
        for i in rows.len()..P::K {
            y[P::OMEGA + i] = index as u8;
        }
        y
    }

    #[test]
    fn hints_round_trip() {
        let y = packed::<MlDsa44>(&[&[0, 5, 255], &[], &[1], &[7, 8]]);
        let h = hint_bit_unpack::<MlDsa44>(&y[..84]).expect("well formed");
        let mut back = [0u8; 84];
        hint_bit_pack::<MlDsa44>(&h, &mut back);
        assert_eq!(back, y[..84]);
    }

    #[test]
    fn hint_unpack_rejects_every_malformation() {
        type P = MlDsa65;
        let len = P::OMEGA + P::K;
        let ok = packed::<P>(&[&[3, 9], &[0]]);
        assert!(hint_bit_unpack::<P>(&ok[..len]).is_ok());
        // A repeated index (CVE-2026-24850: a verifier accepted repeated hints).
        let repeated = packed::<P>(&[&[3, 3], &[0]]);
        assert_eq!(
            hint_bit_unpack::<P>(&repeated[..len]),
            Err(Error::InvalidSignature)
        );
        // Decreasing indices within a polynomial.
        let decreasing = packed::<P>(&[&[9, 3]]);
        assert_eq!(
            hint_bit_unpack::<P>(&decreasing[..len]),
            Err(Error::InvalidSignature)
        );
        // Indices may restart across polynomials, though.
        assert!(hint_bit_unpack::<P>(&packed::<P>(&[&[9], &[3]])[..len]).is_ok());
        // Nonzero padding after the last index.
        let mut padding = ok;
        padding[P::OMEGA - 1] = 1;
        assert_eq!(
            hint_bit_unpack::<P>(&padding[..len]),
            Err(Error::InvalidSignature)
        );
        // A count above ω, and a count that goes down.
        let mut too_many = ok;
        too_many[P::OMEGA + P::K - 1] = P::OMEGA as u8 + 1;
        assert_eq!(
            hint_bit_unpack::<P>(&too_many[..len]),
            Err(Error::InvalidSignature)
        );
        let mut shrinking = ok;
        shrinking[P::OMEGA + 1] = 1;
        assert_eq!(
            hint_bit_unpack::<P>(&shrinking[..len]),
            Err(Error::InvalidSignature)
        );
        // Exactly ω hints is allowed.
        let all: [u8; 55] = core::array::from_fn(|i| i as u8);
        assert!(hint_bit_unpack::<P>(&packed::<P>(&[&all])[..len]).is_ok());
    }
}
