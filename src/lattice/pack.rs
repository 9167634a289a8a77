//! Bit packing of polynomial coefficients: BitsToBytes ∘ IntegerToBits, coefficient by
//! coefficient, little-endian (FIPS 203 Algorithms 3–6, FIPS 204 Algorithms 16–19).

use super::{Field, N, Poly};

/// Coefficients per group: a group of `group(bits)` values is a whole number of bytes that fits
/// one 128-bit word (8 odd-width values, or 4 even-width ones up to 32 bits).
const fn group(bits: u32) -> usize {
    if bits % 2 == 1 { 8 } else { 4 }
}

/// Writes `map(c)` of every coefficient as `bits` bits, little-endian, into `out`
/// (32·bits bytes). Only the low `bits` bits of each mapped value are kept.
#[inline]
pub(crate) fn pack<F: Field>(f: &Poly<F>, bits: u32, map: impl Fn(i32) -> u32, out: &mut [u8]) {
    debug_assert_eq!(out.len(), N * bits as usize / 8);
    let g = group(bits);
    let bytes = g * bits as usize / 8;
    let mask = (1u128 << bits) - 1;
    for (values, chunk) in f.coeffs.chunks_exact(g).zip(out.chunks_exact_mut(bytes)) {
        let mut acc = 0u128;
        for (i, &c) in values.iter().enumerate() {
            acc |= (u128::from(map(F::to_i32(c))) & mask) << (i * bits as usize);
        }
        chunk.copy_from_slice(&acc.to_le_bytes()[..bytes]);
    }
}

/// Reads 256 values of `bits` bits from `bytes` (32·bits bytes) and stores `map(v)` of each.
#[inline]
pub(crate) fn unpack<F: Field>(bytes: &[u8], bits: u32, map: impl Fn(u32) -> i32, f: &mut Poly<F>) {
    debug_assert_eq!(bytes.len(), N * bits as usize / 8);
    let g = group(bits);
    let len = g * bits as usize / 8;
    let mask = (1u128 << bits) - 1;
    for (values, chunk) in f.coeffs.chunks_exact_mut(g).zip(bytes.chunks_exact(len)) {
        let mut word = [0u8; 16];
        word[..len].copy_from_slice(chunk);
        let acc = u128::from_le_bytes(word);
        for (i, c) in values.iter_mut().enumerate() {
            *c = F::from_i32(map(((acc >> (i * bits as usize)) & mask) as u32));
        }
    }
}
