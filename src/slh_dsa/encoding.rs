//! Byte strings and integers (FIPS 205 §4.4): toInt (Algorithm 2) and base_2b (Algorithm 4).
//! toByte (Algorithm 3) is the big-endian `to_be_bytes` of Rust's integers, used where needed.
//!
//! Everything these functions read is public: digests of the message and tree roots.

/// FIPS 205, Algorithm 2 (toInt): the big-endian integer of `x` (at most 8 bytes).
pub(crate) fn to_int(x: &[u8]) -> u64 {
    debug_assert!(x.len() <= 8);
    // 1–4: total ← 256·total + X[i]
    x.iter().fold(0, |total, &b| (total << 8) | u64::from(b))
}

/// FIPS 205, Algorithm 4 (base_2b): the first `out.len()` b-bit values of `x`, most significant
/// bit first. `x` holds at least ⌈out.len()·b/8⌉ bytes; b ≤ 16.
pub(crate) fn base_2b(x: &[u8], b: u32, out: &mut [u32]) {
    let mut bytes = x.iter();
    let mut bits = 0u32;
    let mut total = 0u32;
    for o in out.iter_mut() {
        // 5–9: pull in bytes until b bits are available; total holds at most b + 7 bits.
        while bits < b {
            // Callers pass enough bytes (see above); an exhausted `x` would read as zeros.
            total = (total << 8) | u32::from(*bytes.next().unwrap_or(&0));
            bits += 8;
        }
        // 10–11
        bits -= b;
        *o = (total >> bits) & ((1 << b) - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_int_is_big_endian() {
        assert_eq!(to_int(&[]), 0);
        assert_eq!(to_int(&[1, 2]), 0x0102);
        assert_eq!(to_int(&[0xff; 8]), u64::MAX);
    }

    #[test]
    fn base_2b_splits_bits_most_significant_first() {
        let mut out = [0u32; 4];
        base_2b(&[0xab, 0xcd], 4, &mut out);
        assert_eq!(out, [0xa, 0xb, 0xc, 0xd]);
        let mut out = [0u32; 2];
        base_2b(&[0b1010_1010, 0b1100_1100, 0b1111_0000], 12, &mut out);
        assert_eq!(out, [0b1010_1010_1100, 0b1100_1111_0000]);
        let mut out = [0u32; 3];
        base_2b(&[0xff, 0x00, 0xff], 6, &mut out);
        assert_eq!(out, [0b111111, 0b110000, 0b000011]);
    }
}
