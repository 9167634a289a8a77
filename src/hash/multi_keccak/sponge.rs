//! SHAKE128 and SHAKE256 (FIPS 202 §6.2) over L independent streams at once, on the interleaved
//! states of the multi-way permutation.
//!
//! The streams advance together: every call absorbs (or squeezes) the same number of bytes for
//! each stream, as the callers do (the seeds of one matrix row, one vector's noise). Lengths
//! are the callers' constants, never input: a call with unequal lengths is a bug in the crate,
//! and it panics rather than hash something other than what was asked.

use zeroize::Zeroize;

use super::{Permute, States};

/// FIPS 202 §6.2 (SHAKE128, SHAKE256: the sponge of Algorithm 8 with pad10*1 and the domain
/// bits 1111) over L streams, in its absorbing phase; `RATE` is 168 bytes for SHAKE128, 136 for
/// SHAKE256. Wiped on drop: the states hold the absorbed input, which may be secret.
pub(crate) struct ShakeX<const RATE: usize, const L: usize>
where
    States<L>: Permute,
{
    state: States<L>,
    /// Bytes of the current block absorbed so far, the same in every stream.
    pos: usize,
}

/// SHAKE128 over four streams.
pub(crate) type Shake128x4 = ShakeX<168, 4>;
/// SHAKE256 over four streams.
pub(crate) type Shake256x4 = ShakeX<136, 4>;
/// SHAKE128 over eight streams.
#[cfg(any(test, feature = "force-backend", feature = "ct-check"))]
pub(crate) type Shake128x8 = ShakeX<168, 8>;
/// SHAKE256 over eight streams.
#[cfg(any(test, feature = "force-backend", feature = "ct-check"))]
pub(crate) type Shake256x8 = ShakeX<136, 8>;

/// The common length of the streams' `lens`; panics if they differ (a caller's bug, see the
/// module docs).
fn common_len<const L: usize>(lens: [usize; L]) -> usize {
    let len = lens[0];
    assert!(
        lens.iter().all(|&l| l == len),
        "the streams of a multi-way SHAKE take equal lengths"
    );
    len
}

/// XORs `bytes` into stream `j` of `state` from byte `at` of the block on: whole lanes where
/// `at` is lane-aligned (every block, and every input of the callers but the last bytes).
fn xor_bytes<const L: usize>(state: &mut States<L>, j: usize, mut at: usize, bytes: &[u8]) {
    let mut chunks = bytes.chunks_exact(8);
    if at.is_multiple_of(8) {
        for chunk in &mut chunks {
            let mut lane = [0; 8];
            lane.copy_from_slice(chunk);
            state[at / 8][j] ^= u64::from_le_bytes(lane);
            at += 8;
        }
    }
    let rest = if at.is_multiple_of(8) {
        chunks.remainder()
    } else {
        bytes
    };
    for &b in rest {
        state[at / 8][j] ^= u64::from(b) << (8 * (at % 8));
        at += 1;
    }
}

/// Copies bytes `at..at + out.len()` of the block of stream `j` into `out`, whole lanes where
/// `at` is lane-aligned.
fn read_bytes<const L: usize>(state: &States<L>, j: usize, mut at: usize, out: &mut [u8]) {
    let aligned = at.is_multiple_of(8);
    let mut chunks = out.chunks_exact_mut(8);
    if aligned {
        for chunk in &mut chunks {
            chunk.copy_from_slice(&state[at / 8][j].to_le_bytes());
            at += 8;
        }
    }
    let rest = if aligned {
        chunks.into_remainder()
    } else {
        out
    };
    for b in rest {
        *b = (state[at / 8][j] >> (8 * (at % 8))) as u8;
        at += 1;
    }
}

impl<const RATE: usize, const L: usize> ShakeX<RATE, L>
where
    States<L>: Permute,
{
    /// Bytes produced per stream and permutation when squeezing.
    pub(crate) const RATE: usize = RATE;

    /// A fresh instance: every stream empty.
    pub(crate) fn new() -> Self {
        Self {
            state: [[0; L]; 25],
            pos: 0,
        }
    }

    /// Absorbs `data[j]` into stream j; all of equal length. May be called any number of times
    /// before [`ShakeX::finalize`].
    pub(crate) fn absorb(&mut self, data: [&[u8]; L]) {
        let len = common_len(data.map(<[u8]>::len));
        let mut done = 0;
        while done < len {
            let take = (RATE - self.pos).min(len - done);
            for (j, part) in data.iter().enumerate() {
                xor_bytes(&mut self.state, j, self.pos, &part[done..done + take]);
            }
            self.pos += take;
            done += take;
            if self.pos == RATE {
                self.state.permute();
                self.pos = 0;
            }
        }
    }

    /// Absorbs the same `data` into every stream (a seed they share, such as ρ).
    pub(crate) fn absorb_all(&mut self, data: &[u8]) {
        self.absorb([data; L]);
    }

    /// Pads every stream and switches to squeezing, in place: the reader borrows these states,
    /// and they are wiped when this instance is dropped. Nothing is absorbed after this.
    pub(crate) fn finalize(&mut self) -> ShakeXReader<'_, RATE, L> {
        // SHAKE's domain bits 1111 and pad10*1 (FIPS 202 §6.2, §5.1) on a byte-aligned input.
        for j in 0..L {
            xor_bytes(&mut self.state, j, self.pos, &[0x1f]);
            xor_bytes(&mut self.state, j, RATE - 1, &[0x80]);
        }
        self.state.permute();
        self.pos = 0;
        ShakeXReader { sponge: self }
    }
}

impl<const RATE: usize, const L: usize> Drop for ShakeX<RATE, L>
where
    States<L>: Permute,
{
    fn drop(&mut self) {
        self.state.zeroize();
    }
}

/// SHAKE over L streams in its squeezing phase, on the states of the [`ShakeX`] it borrows.
pub(crate) struct ShakeXReader<'a, const RATE: usize, const L: usize>
where
    States<L>: Permute,
{
    sponge: &'a mut ShakeX<RATE, L>,
}

impl<const RATE: usize, const L: usize> ShakeXReader<'_, RATE, L>
where
    States<L>: Permute,
{
    /// Fills `out[j]` with the next bytes of stream j; all of equal length.
    pub(crate) fn squeeze(&mut self, mut out: [&mut [u8]; L]) {
        let len = common_len(out.each_ref().map(|o| o.len()));
        let s = &mut *self.sponge;
        let mut done = 0;
        while done < len {
            if s.pos == RATE {
                s.state.permute();
                s.pos = 0;
            }
            let take = (RATE - s.pos).min(len - done);
            for (j, part) in out.iter_mut().enumerate() {
                read_bytes(&s.state, j, s.pos, &mut part[done..done + take]);
            }
            s.pos += take;
            done += take;
        }
    }
}

/// SHAKE of inputs that fit in one block, laid out by hand (SLH-DSA's F, H and PRF): `state`
/// holds in its first `lanes` lanes each stream's input, a multiple of 8 bytes and at most
/// `RATE − 8` long, and zeros after them. Pads every stream and permutes once; the first
/// `RATE / 8` lanes of each stream are then its first `RATE` bytes of output.
pub(crate) fn shake_one_block<const RATE: usize, const L: usize>(
    state: &mut States<L>,
    lanes: usize,
) where
    States<L>: Permute,
{
    for lane in &mut state[lanes] {
        *lane ^= 0x1f;
    }
    for lane in &mut state[RATE / 8 - 1] {
        *lane ^= 0x80 << 56;
    }
    state.permute();
}

/// The sponges, for benchmarks and the constant-time harness. Not part of the public API.
#[cfg(any(feature = "force-backend", feature = "ct-check"))]
pub mod exposed {
    use super::{Shake128x4, Shake128x8, Shake256x4, Shake256x8};

    macro_rules! exposed {
        ($name:ident, $sponge:ident, $l:literal, $doc:literal) => {
            #[doc = $doc]
            pub fn $name(input: [&[u8]; $l], output: [&mut [u8]; $l]) {
                let mut sponge = $sponge::new();
                sponge.absorb(input);
                sponge.finalize().squeeze(output);
            }
        };
    }

    exposed!(
        shake128_x4,
        Shake128x4,
        4,
        "SHAKE128 of four inputs of equal length."
    );
    exposed!(
        shake256_x4,
        Shake256x4,
        4,
        "SHAKE256 of four inputs of equal length."
    );
    exposed!(
        shake128_x8,
        Shake128x8,
        8,
        "SHAKE128 of eight inputs of equal length."
    );
    exposed!(
        shake256_x8,
        Shake256x8,
        8,
        "SHAKE256 of eight inputs of equal length."
    );
}
