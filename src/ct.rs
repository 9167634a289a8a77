//! Where a value computed from secrets becomes public, marked for the constant-time check.
//!
//! The check (`ct/` in the repository) runs the algorithms under valgrind's memcheck with every
//! secret input marked undefined, so that any branch or memory index depending on it is
//! reported. Some values derived from secrets are public by design (ML-KEM's ρ is published in
//! the encapsulation key; ML-DSA's rejection decision and SLH-DSA's indices are public by the
//! standards' security arguments): the algorithm passes them to [`declassify`] at exactly the
//! point they become public, with a comment saying why, and the check then treats them as
//! public.
//!
//! Without the internal `ct-check` feature [`declassify`] compiles to nothing. With it, it
//! issues valgrind's `MAKE_MEM_DEFINED` client request through the `crabgrind` crate, which is
//! a few instructions and no effect when the program is not running under valgrind.
//!
//! [`bytes_eq`] compares byte strings in constant time, a word at a time.

use subtle::{Choice, ConstantTimeEq};

/// Marks `value` as public from here on (a no-op unless the `ct-check` feature is on).
///
/// Takes `&mut` so that the compiler reloads the value from memory after the call rather than
/// reuse a register copy that valgrind would still track as secret.
#[cfg(feature = "ct-check")]
pub(crate) fn declassify<T: ?Sized>(value: &mut T) {
    // Not running under valgrind is the normal case and not an error.
    let _ = crabgrind::memcheck::mark_memory(
        core::ptr::from_mut(value).cast::<core::ffi::c_void>(),
        core::mem::size_of_val(value),
        crabgrind::memcheck::MemState::Defined,
    );
}

/// Marks `value` as public from here on (a no-op unless the `ct-check` feature is on).
#[cfg(not(feature = "ct-check"))]
#[inline(always)]
pub(crate) fn declassify<T: ?Sized>(_value: &mut T) {}

/// Whether `a` and `b` are equal, in constant time in their contents (their lengths are public:
/// unequal lengths compare unequal). The XOR of their 8-byte words is ORed into one word, which
/// `subtle` then compares with zero: no branch and no early exit on the contents. `subtle`'s
/// own slice `ct_eq` reads every byte through a volatile load, which made the ciphertext
/// comparison of ML-KEM decapsulation 1.5–4.5 µs on its own.
pub(crate) fn bytes_eq(a: &[u8], b: &[u8]) -> Choice {
    if a.len() != b.len() {
        return Choice::from(0);
    }
    let (a_words, a_rest) = a.as_chunks::<8>();
    let (b_words, b_rest) = b.as_chunks::<8>();
    let mut diff = 0u64;
    for (x, y) in a_words.iter().zip(b_words) {
        diff |= u64::from_ne_bytes(*x) ^ u64::from_ne_bytes(*y);
    }
    for (x, y) in a_rest.iter().zip(b_rest) {
        diff |= u64::from(x ^ y);
    }
    diff.ct_eq(&0)
}

#[cfg(test)]
mod tests {
    use super::bytes_eq;

    /// Equal strings compare equal; a single flipped bit anywhere (in a whole word or in the
    /// tail), or a different length, compares unequal.
    #[test]
    fn bytes_eq_sees_every_bit() {
        for len in [0, 1, 7, 8, 9, 768, 1088, 1571] {
            let a: [u8; 1600] = core::array::from_fn(|i| (i * 131 + 7) as u8);
            let a = &a[..len];
            assert!(bool::from(bytes_eq(a, a)), "len {len}");
            let mut b = [0u8; 1600];
            for bit in 0..len * 8 {
                b[..len].copy_from_slice(a);
                b[bit / 8] ^= 1 << (bit % 8);
                assert!(!bool::from(bytes_eq(a, &b[..len])), "len {len}, bit {bit}");
            }
            if len > 0 {
                assert!(!bool::from(bytes_eq(a, &a[..len - 1])), "len {len}");
            }
        }
    }
}
