//! Shared hashing core: SHA3-256, SHA3-512 and SHAKE128/256 with incremental absorb and squeeze,
//! the bare Keccak-f[1600] permutation and SHA-256/512 compression for callers that lay out
//! their own blocks, and the pre-hash functions with the message prefix M′ of FIPS 204 and
//! FIPS 205.
//!
//! Thin wrappers over the RustCrypto `sha3` and `shake` crates, so that the algorithm modules
//! say what they hash, not how a digest API is driven. All states are wiped on drop (the
//! `zeroize` feature of both crates), which covers the keyed uses (PRF, J, G on secrets).

pub(crate) mod prehash;
pub(crate) mod sha2_block;
pub(crate) mod sha2_mb;

use sha3::Digest;
use shake::{ExtendableOutput, Update, XofReader};

/// SHA3-256 of the concatenation of `parts`.
pub(crate) fn sha3_256(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = sha3::Sha3_256::new();
    for part in parts {
        Digest::update(&mut h, part);
    }
    h.finalize().into()
}

/// SHA3-512 of the concatenation of `parts`.
pub(crate) fn sha3_512(parts: &[&[u8]]) -> [u8; 64] {
    let mut h = sha3::Sha3_512::new();
    for part in parts {
        Digest::update(&mut h, part);
    }
    h.finalize().into()
}

/// Keccak-f[1600] (FIPS 202 §3.4) on 25 lanes, each lane read little-endian from the byte string
/// as FIPS 202 §B.1 lays it out.
#[inline(always)]
pub(crate) fn keccak_f1600(state: &mut [u64; 25]) {
    keccak::Keccak::new().with_f1600(|f| f(state));
}

/// A SHAKE instance in its absorbing phase; `RATE` is 168 bytes for SHAKE128, 136 for SHAKE256.
#[derive(Clone, Default)]
pub(crate) struct Shake<const RATE: usize>(shake::Shake<RATE>);

/// SHAKE128 (FIPS 202), absorbing.
pub(crate) type Shake128 = Shake<168>;
/// SHAKE256 (FIPS 202), absorbing.
pub(crate) type Shake256 = Shake<136>;

impl<const RATE: usize> Shake<RATE> {
    /// Bytes produced per Keccak-f[1600] call when squeezing.
    pub(crate) const RATE: usize = RATE;

    /// A fresh instance.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Absorbs `data`; may be called any number of times before [`Shake::finalize`].
    pub(crate) fn absorb(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    /// Pads and switches to squeezing.
    pub(crate) fn finalize(self) -> ShakeReader<RATE> {
        ShakeReader(self.0.finalize_xof())
    }

    /// The first `out.len()` bytes of SHAKE over the concatenation of `parts`.
    pub(crate) fn digest(parts: &[&[u8]], out: &mut [u8]) {
        let mut h = Self::new();
        for part in parts {
            h.absorb(part);
        }
        h.finalize().squeeze(out);
    }
}

/// A SHAKE instance in its squeezing phase.
pub(crate) struct ShakeReader<const RATE: usize>(shake::ShakeReader<RATE>);

impl<const RATE: usize> ShakeReader<RATE> {
    /// Fills `out` with the next `out.len()` output bytes.
    pub(crate) fn squeeze(&mut self, out: &mut [u8]) {
        self.0.read(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> [u8; 64] {
        let mut s = [0u8; 64];
        for (i, b) in bytes.iter().take(32).enumerate() {
            s[2 * i] = b"0123456789abcdef"[usize::from(b >> 4)];
            s[2 * i + 1] = b"0123456789abcdef"[usize::from(b & 15)];
        }
        s
    }

    // FIPS 202 / NIST example values for the empty string and "abc".
    #[test]
    fn known_answers() {
        assert_eq!(
            &hex(&sha3_256(&[b"a", b"bc"])),
            b"3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"
        );
        let h512 = sha3_512(&[b""]);
        assert_eq!(
            &hex(&h512[..32]),
            b"a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a6"
        );
        let mut out = [0u8; 32];
        Shake128::digest(&[b""], &mut out);
        assert_eq!(
            &hex(&out),
            b"7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26"
        );
        Shake256::digest(&[b""], &mut out);
        assert_eq!(
            &hex(&out),
            b"46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
        );
    }

    #[test]
    fn squeeze_is_a_stream() {
        let mut whole = [0u8; 500];
        Shake128::digest(&[b"stream"], &mut whole);
        let mut h = Shake128::new();
        h.absorb(b"str");
        h.absorb(b"eam");
        let mut r = h.finalize();
        let mut parts = [0u8; 500];
        let (a, rest) = parts.split_at_mut(7);
        let (b, c) = rest.split_at_mut(Shake128::RATE);
        r.squeeze(a);
        r.squeeze(b);
        r.squeeze(c);
        assert_eq!(whole, parts);
    }
}
