//! ByteEncode_d and ByteDecode_d (FIPS 203 §4.2.1) and the §7.2 modulus check.

use crate::Error;
use crate::lattice::{Field, N, Poly, Q3329, pack, unpack};

/// FIPS 203, Algorithm 5 (ByteEncode_d), for 1 ≤ d ≤ 12; coefficients in [0, 2^d).
/// Algorithms 3 and 4 (BitsToBytes, BytesToBits) are the little-endian bit order of `pack`.
pub(crate) fn byte_encode(d: u32, f: &Poly<Q3329>, out: &mut [u8]) {
    pack(f, d, |c| c as u32, out);
}

/// FIPS 203, Algorithm 6 (ByteDecode_d) for d < 12: every value in [0, 2^d).
pub(crate) fn byte_decode(d: u32, bytes: &[u8], f: &mut Poly<Q3329>) {
    unpack(bytes, d, |v| v as i32, f);
}

/// ByteEncode_12 of each polynomial of a vector (canonical coefficients), concatenated.
pub(crate) fn byte_encode_12_vec(v: &[Poly<Q3329>], out: &mut [u8]) {
    for (f, chunk) in v.iter().zip(out.chunks_exact_mut(poly_bytes(12))) {
        byte_encode(12, f, chunk);
    }
}

/// ByteDecode_12 of a vector of secret polynomials: values in [q, 2^12) are reduced mod q as
/// the standard says, with a mask rather than a branch.
pub(crate) fn byte_decode_12_vec_reduce(bytes: &[u8], v: &mut [Poly<Q3329>]) {
    for (f, chunk) in v.iter_mut().zip(bytes.chunks_exact(poly_bytes(12))) {
        byte_decode(12, chunk, f);
        for c in f.coeffs.iter_mut() {
            *c = Q3329::canonical(*c - Q3329::Q as i16);
        }
    }
}

/// ByteDecode_12 of an encapsulation key's t̂ with the FIPS 203 §7.2 modulus check.
///
/// ByteEncode_12(ByteDecode_12(x)) = x holds exactly when every 12-bit value of x is below q, so
/// that is what is checked. The key is public: the early return reveals nothing secret.
pub(crate) fn byte_decode_12_vec_checked(bytes: &[u8], v: &mut [Poly<Q3329>]) -> Result<(), Error> {
    for (f, chunk) in v.iter_mut().zip(bytes.chunks_exact(poly_bytes(12))) {
        byte_decode(12, chunk, f);
        if f.coeffs.iter().any(|&c| i32::from(c) >= Q3329::Q) {
            return Err(Error::InvalidKey);
        }
    }
    Ok(())
}

/// Number of bytes of one encoded polynomial at d bits per coefficient.
pub(crate) const fn poly_bytes(d: u32) -> usize {
    N * d as usize / 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits_to_bytes(bits: &[u8], out: &mut [u8]) {
        for (i, &b) in bits.iter().enumerate() {
            out[i / 8] |= b << (i % 8);
        }
    }

    /// ByteEncode_d exactly as Algorithm 5 writes it, bit by bit.
    fn spec_encode(d: u32, f: &Poly<Q3329>, out: &mut [u8]) {
        let mut bits = [0u8; 256 * 12];
        for i in 0..N {
            let mut a = f.coeffs[i] as u16;
            for j in 0..d as usize {
                bits[i * d as usize + j] = (a & 1) as u8;
                a >>= 1;
            }
        }
        bits_to_bytes(&bits[..256 * d as usize], out);
    }

    #[test]
    fn encode_matches_the_bitwise_algorithm_and_decodes_back() {
        let mut seed = 0x1234_5678u32;
        for d in [1u32, 4, 5, 10, 11, 12] {
            let mut f = Poly::<Q3329>::zero();
            for c in f.coeffs.iter_mut() {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                *c = ((seed >> 8) % (1 << d)) as i16;
            }
            let mut fast = [0u8; 384];
            let mut spec = [0u8; 384];
            byte_encode(d, &f, &mut fast[..poly_bytes(d)]);
            spec_encode(d, &f, &mut spec[..poly_bytes(d)]);
            assert_eq!(fast, spec, "d = {d}");
            let mut back = Poly::zero();
            byte_decode(d, &fast[..poly_bytes(d)], &mut back);
            assert_eq!(back, f, "d = {d}");
        }
    }

    #[test]
    fn decode_12_reduces_or_rejects_values_above_q() {
        let mut bytes = [0u8; 384];
        // First coefficient 3329 (= q), second 4095.
        bytes[0] = 0x01;
        bytes[1] = 0xfd;
        bytes[2] = 0xff;
        let mut f = [Poly::zero()];
        byte_decode_12_vec_reduce(&bytes, &mut f);
        assert_eq!(&f[0].coeffs[..3], &[0, 4095 - 3329, 0]);
        assert_eq!(
            byte_decode_12_vec_checked(&bytes, &mut f),
            Err(Error::InvalidKey)
        );
        bytes[0] = 0x00;
        bytes[1] = 0x0d;
        bytes[2] = 0xd0;
        // 3328 and 3328: the largest valid values.
        assert_eq!(byte_decode_12_vec_checked(&bytes, &mut f), Ok(()));
        assert_eq!(&f[0].coeffs[..2], &[3328, 3328]);
    }
}
