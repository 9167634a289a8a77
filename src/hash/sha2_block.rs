//! SHA-256 and SHA-512 (FIPS 180-4) at the level of the compression function, over
//! `sha2::block_api` (which picks SHA-NI or the portable code at run time).
//!
//! SLH-DSA hashes millions of short inputs that all start with the same padded PK.seed block.
//! These types let it absorb that block once, keep the state, and finish each hash from there;
//! [`Sha256Block::finish_one`] lays out a message that fits in the final block by hand and
//! runs one compression, with none of a digest API's buffering.

use sha2::block_api::{compress256, compress512};
use zeroize::Zeroize;

/// SHA-256 initial hash value H⁽⁰⁾ (FIPS 180-4 §5.3.3).
const IV256: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// SHA-512 initial hash value H⁽⁰⁾ (FIPS 180-4 §5.3.5).
const IV512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

macro_rules! sha2_block {
    ($(#[$doc:meta])* $name:ident, $word:ty, $block:literal, $len_bytes:literal, $iv:expr,
     $compress:path) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub(crate) struct $name {
            state: [$word; 8],
            buf: [u8; $block],
            filled: usize,
            /// Bytes absorbed so far, the ones in `buf` included.
            total: u64,
        }

        impl $name {
            /// The state after absorbing `block`, the first block of every message that uses it.
            pub(crate) fn with_first_block(block: &[u8; $block]) -> Self {
                let mut state = $iv;
                $compress(&mut state, core::slice::from_ref(block));
                Self {
                    state,
                    buf: [0; $block],
                    filled: 0,
                    total: $block,
                }
            }

            /// Absorbs `data`.
            pub(crate) fn update(&mut self, mut data: &[u8]) {
                self.total += data.len() as u64;
                while !data.is_empty() {
                    let take = data.len().min($block - self.filled);
                    self.buf[self.filled..self.filled + take].copy_from_slice(&data[..take]);
                    self.filled += take;
                    data = &data[take..];
                    if self.filled == $block {
                        $compress(&mut self.state, core::slice::from_ref(&self.buf));
                        self.filled = 0;
                    }
                }
            }

            /// Pads, and writes the first `out.len()` bytes of the digest.
            pub(crate) fn finalize_into(&mut self, out: &mut [u8]) {
                let bits = self.total * 8;
                self.buf[self.filled] = 0x80;
                self.buf[self.filled + 1..].fill(0);
                if self.filled + 1 > $block - $len_bytes {
                    $compress(&mut self.state, core::slice::from_ref(&self.buf));
                    self.buf.fill(0);
                }
                // The length field is $len_bytes wide; messages here are far below 2^64 bits.
                self.buf[$block - 8..].copy_from_slice(&bits.to_be_bytes());
                $compress(&mut self.state, core::slice::from_ref(&self.buf));
                write_be(&self.state, out);
            }

            /// The state after the first block, which every message that uses it starts from.
            pub(crate) fn midstate(&self) -> &[$word; 8] {
                debug_assert_eq!(self.filled, 0);
                &self.state
            }

            /// Lays out in `block` the final block of a message that continues the first block
            /// with the concatenation of `parts` (short enough to fit with the padding).
            #[inline(always)]
            pub(crate) fn final_block(&self, parts: &[&[u8]], block: &mut [u8; $block]) {
                debug_assert_eq!(self.filled, 0);
                *block = [0; $block];
                let mut len = 0;
                for part in parts {
                    block[len..len + part.len()].copy_from_slice(part);
                    len += part.len();
                }
                block[len] = 0x80;
                let bits = (self.total + len as u64) * 8;
                block[$block - 8..].copy_from_slice(&bits.to_be_bytes());
            }

            /// The digest of (the absorbed first block) ‖ the concatenation of `parts`, which
            /// must fit with the padding in one more block: one compression, into `out`.
            /// The block and the state are built in `block` and `state`, which are left holding
            /// them so that the caller decides when to wipe them.
            #[inline(always)]
            pub(crate) fn finish_one(
                &self,
                parts: &[&[u8]],
                block: &mut [u8; $block],
                state: &mut [$word; 8],
                out: &mut [u8],
            ) {
                self.final_block(parts, block);
                *state = self.state;
                $compress(state, core::slice::from_ref(block));
                write_be(state, out);
            }
        }

        impl Zeroize for $name {
            fn zeroize(&mut self) {
                self.state.zeroize();
                self.buf.zeroize();
                self.filled = 0;
                self.total = 0;
            }
        }
    };
}

sha2_block!(
    /// SHA-256 started from a cached state.
    Sha256Block, u32, 64, 8, IV256, compress256
);
sha2_block!(
    /// SHA-512 started from a cached state.
    Sha512Block, u64, 128, 16, IV512, compress512
);

/// The first `out.len()` bytes of the big-endian encoding of `state`.
#[inline(always)]
pub(crate) fn write_be<W: Copy + BeBytes>(state: &[W; 8], out: &mut [u8]) {
    for (chunk, word) in out.chunks_mut(W::SIZE).zip(state) {
        chunk.copy_from_slice(&word.be_bytes().as_ref()[..chunk.len()]);
    }
}

/// A SHA-2 word, written big-endian.
pub(crate) trait BeBytes {
    const SIZE: usize;
    type Bytes: AsRef<[u8]>;
    fn be_bytes(self) -> Self::Bytes;
}

impl BeBytes for u32 {
    const SIZE: usize = 4;
    type Bytes = [u8; 4];
    fn be_bytes(self) -> [u8; 4] {
        self.to_be_bytes()
    }
}

impl BeBytes for u64 {
    const SIZE: usize = 8;
    type Bytes = [u8; 8];
    fn be_bytes(self) -> [u8; 8] {
        self.to_be_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Digest;

    #[test]
    fn agrees_with_sha2_on_every_length_around_the_block_edges() {
        let data: [u8; 300] = core::array::from_fn(|i| (i * 7 + 3) as u8);
        let first64: &[u8; 64] = data[..64].try_into().unwrap();
        let first128: &[u8; 128] = data[..128].try_into().unwrap();
        for len in 0..=170 {
            let rest = &data[128..128 + len];
            let mut h = Sha256Block::with_first_block(first64);
            h.update(rest);
            let mut out = [0u8; 32];
            h.finalize_into(&mut out);
            let mut full = sha2::Sha256::new();
            full.update(&data[..64]);
            full.update(rest);
            assert_eq!(out[..], full.finalize()[..], "SHA-256, {len}");

            let mut h = Sha512Block::with_first_block(first128);
            let (a, b) = rest.split_at(len / 3);
            h.update(a);
            h.update(b);
            let mut out = [0u8; 64];
            h.finalize_into(&mut out);
            let mut full = sha2::Sha512::new();
            full.update(&data[..128]);
            full.update(rest);
            assert_eq!(out[..], full.finalize()[..], "SHA-512, {len}");
        }
    }

    #[test]
    fn finish_one_agrees_with_sha2() {
        let data: [u8; 256] = core::array::from_fn(|i| (i * 5 + 1) as u8);
        let h = Sha256Block::with_first_block(data[..64].try_into().unwrap());
        let (mut block, mut state) = ([0; 64], [0; 8]);
        for len in 0..=55 {
            let (a, b) = data[64..64 + len].split_at(len / 2);
            let mut out = [0u8; 32];
            h.finish_one(&[a, b], &mut block, &mut state, &mut out);
            assert_eq!(
                out[..],
                sha2::Sha256::digest(&data[..64 + len])[..],
                "{len}"
            );
        }
        let h = Sha512Block::with_first_block(data[..128].try_into().unwrap());
        let (mut block, mut state) = ([0; 128], [0; 8]);
        for len in 0..=111 {
            let (a, b) = data[128..128 + len].split_at(len / 3);
            let mut out = [0u8; 48];
            h.finish_one(&[a, b, &[]], &mut block, &mut state, &mut out);
            assert_eq!(
                out[..],
                sha2::Sha512::digest(&data[..128 + len])[..48],
                "{len}"
            );
        }
    }
}
