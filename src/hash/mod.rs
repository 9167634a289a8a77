//! Shared hashing core: SHA3-256, SHA3-512 and SHAKE128/256 with incremental absorb and squeeze,
//! the bare Keccak-f[1600] permutation and SHA-256/512 compression for callers that lay out
//! their own blocks, and the pre-hash functions with the message prefix M′ of FIPS 204 and
//! FIPS 205.
//!
//! The sponge is written here over the `keccak` crate's permutation rather than taken from the
//! `sha3`/`shake` crates, because those finalise by value: `finalize(self)` moves the state
//! (holding the absorbed secret, or after the last permutation the output itself) into a
//! reader, and the moved-from copy stays behind in a dead stack frame, unwiped. [`Sponge`]
//! pads, permutes and squeezes in the one state it absorbed into, which is wiped on drop; so
//! the keyed uses (PRF, J, G and H on secrets) leave no copy. The pre-hash functions, which
//! hash public messages, still use those crates.

pub(crate) mod multi_keccak;
pub(crate) mod prehash;
pub(crate) mod sha2_block;
pub(crate) mod sha2_mb;

use zeroize::Zeroize;

/// SHA3-256 of the concatenation of `parts`, into `out`.
pub(crate) fn sha3_256(parts: &[&[u8]], out: &mut [u8; 32]) {
    Sponge::<136, SHA3_PAD>::digest(parts, out);
}

/// SHA3-512 of the concatenation of `parts`, into `out` (G of FIPS 203: its output is secret,
/// so it is written where the caller keeps and wipes it, not returned by value).
pub(crate) fn sha3_512(parts: &[&[u8]], out: &mut [u8; 64]) {
    Sponge::<72, SHA3_PAD>::digest(parts, out);
}

/// Keccak-f[1600] (FIPS 202 §3.4) on 25 lanes, each lane read little-endian from the byte string
/// as FIPS 202 §B.1 lays it out.
#[inline(always)]
pub(crate) fn keccak_f1600(state: &mut [u64; 25]) {
    keccak::Keccak::new().with_f1600(|f| f(state));
}

/// The domain-separation bits and first padding bit of SHA-3 (01, then pad10*1; FIPS 202 §6.1).
const SHA3_PAD: u8 = 0x06;
/// The same for SHAKE (1111, then pad10*1; FIPS 202 §6.2).
pub(crate) const SHAKE_PAD: u8 = 0x1f;

/// A Keccak sponge (FIPS 202 §4) of `RATE` bytes with the padding byte `PAD`: absorbs, then
/// after [`Sponge::finalize`] squeezes, all in one state that is wiped on drop.
#[derive(Clone)]
pub(crate) struct Sponge<const RATE: usize, const PAD: u8> {
    state: [u64; 25],
    /// Bytes of the current block absorbed, or squeezed; `RATE` when the block is used up.
    pos: usize,
    squeezing: bool,
}

/// SHAKE128 (FIPS 202).
pub(crate) type Shake128 = Sponge<168, SHAKE_PAD>;
/// SHAKE256 (FIPS 202).
pub(crate) type Shake256 = Sponge<136, SHAKE_PAD>;

impl<const RATE: usize, const PAD: u8> Default for Sponge<RATE, PAD> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const RATE: usize, const PAD: u8> Sponge<RATE, PAD> {
    /// Bytes produced per Keccak-f[1600] call when squeezing.
    pub(crate) const RATE: usize = RATE;

    /// A fresh instance.
    pub(crate) const fn new() -> Self {
        Self {
            state: [0; 25],
            pos: 0,
            squeezing: false,
        }
    }

    /// Absorbs `data`; may be called any number of times before [`Sponge::finalize`].
    pub(crate) fn absorb(&mut self, mut data: &[u8]) {
        debug_assert!(!self.squeezing, "absorb after finalize");
        while !data.is_empty() {
            if self.pos == RATE {
                keccak_f1600(&mut self.state);
                self.pos = 0;
            }
            if self.pos.is_multiple_of(8) && data.len() >= 8 {
                // Whole lanes at a time while the input lasts and the block has room.
                let lanes = ((RATE - self.pos) / 8).min(data.len() / 8);
                let (whole, rest) = data.split_at(8 * lanes);
                let first = self.pos / 8;
                for (lane, bytes) in self.state[first..first + lanes]
                    .iter_mut()
                    .zip(whole.chunks_exact(8))
                {
                    // Infallible: chunks of exactly 8 bytes.
                    *lane ^= u64::from_le_bytes(bytes.try_into().expect("8 bytes"));
                }
                self.pos += 8 * lanes;
                data = rest;
            } else {
                self.state[self.pos / 8] ^= u64::from(data[0]) << (8 * (self.pos % 8));
                self.pos += 1;
                data = &data[1..];
            }
        }
    }

    /// Pads and switches to squeezing, in place.
    pub(crate) fn finalize(&mut self) {
        debug_assert!(!self.squeezing, "finalize twice");
        if self.pos == RATE {
            keccak_f1600(&mut self.state);
            self.pos = 0;
        }
        self.state[self.pos / 8] ^= u64::from(PAD) << (8 * (self.pos % 8));
        self.state[RATE / 8 - 1] ^= 1 << 63;
        keccak_f1600(&mut self.state);
        self.pos = 0;
        self.squeezing = true;
    }

    /// Fills `out` with the next `out.len()` output bytes (after [`Sponge::finalize`]).
    pub(crate) fn squeeze(&mut self, mut out: &mut [u8]) {
        debug_assert!(self.squeezing, "squeeze before finalize");
        while !out.is_empty() {
            if self.pos == RATE {
                keccak_f1600(&mut self.state);
                self.pos = 0;
            }
            if self.pos.is_multiple_of(8) && out.len() >= 8 {
                let lanes = ((RATE - self.pos) / 8).min(out.len() / 8);
                let (whole, rest) = out.split_at_mut(8 * lanes);
                let first = self.pos / 8;
                for (lane, bytes) in self.state[first..first + lanes]
                    .iter()
                    .zip(whole.chunks_exact_mut(8))
                {
                    bytes.copy_from_slice(&lane.to_le_bytes());
                }
                self.pos += 8 * lanes;
                out = rest;
            } else {
                out[0] = (self.state[self.pos / 8] >> (8 * (self.pos % 8))) as u8;
                self.pos += 1;
                out = &mut out[1..];
            }
        }
    }

    /// The first `out.len()` bytes of the sponge over the concatenation of `parts`.
    pub(crate) fn digest(parts: &[&[u8]], out: &mut [u8]) {
        let mut h = Self::new();
        for part in parts {
            h.absorb(part);
        }
        h.finalize();
        h.squeeze(out);
    }
}

impl<const RATE: usize, const PAD: u8> Drop for Sponge<RATE, PAD> {
    fn drop(&mut self) {
        self.state.zeroize();
        self.pos.zeroize();
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
            &hex(&{
                let mut h = [0; 32];
                sha3_256(&[b"a", b"bc"], &mut h);
                h
            }),
            b"3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"
        );
        let mut h512 = [0; 64];
        sha3_512(&[b""], &mut h512);
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
        h.finalize();
        let r = &mut h;
        let mut parts = [0u8; 500];
        let (a, rest) = parts.split_at_mut(7);
        let (b, c) = rest.split_at_mut(Shake128::RATE);
        r.squeeze(a);
        r.squeeze(b);
        r.squeeze(c);
        assert_eq!(whole, parts);
    }
}
