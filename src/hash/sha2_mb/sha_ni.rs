//! SHA-256 with the SHA extensions, two lanes interleaved: one stream's rounds wait on the
//! latency of `sha256rnds2`, so two independent streams issued together run in little more
//! than the time of one. The state is kept in the ABEF/CDGH register form the instructions
//! use (as in the `sha2` crate's backend, on which this is modelled).

use core::arch::x86_64::*;

use safe_unaligned_simd::x86_64::{_mm_loadu_si128, _mm_storeu_si128};

use super::{K256, Lane256, chunk, chunk_mut};

type V = __m128i;

/// `pshufb` indices that reverse the bytes of each 32-bit word.
const BSWAP: [u8; 16] = [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12];

/// A state in the instructions' form: (A, B, E, F) and (C, D, G, H), highest element first.
#[derive(Clone, Copy)]
struct State {
    abef: V,
    cdgh: V,
}

impl State {
    #[inline]
    #[target_feature(enable = "sse2,ssse3,sse4.1")]
    fn load(state: &[u32; 8]) -> Self {
        let dcba = _mm_loadu_si128(chunk::<_, 8, 4>(state, 0));
        let hgfe = _mm_loadu_si128(chunk::<_, 8, 4>(state, 1));
        Self::from_words(dcba, hgfe)
    }

    /// From (A, B, C, D) and (E, F, G, H), A in element 0.
    #[inline]
    #[target_feature(enable = "sse2,ssse3,sse4.1")]
    fn from_words(dcba: V, hgfe: V) -> Self {
        let cdab = _mm_shuffle_epi32::<0xb1>(dcba);
        let efgh = _mm_shuffle_epi32::<0x1b>(hgfe);
        Self {
            abef: _mm_alignr_epi8::<8>(cdab, efgh),
            cdgh: _mm_blend_epi16::<0xf0>(efgh, cdab),
        }
    }

    /// (A, B, C, D) and (E, F, G, H), A in element 0.
    #[inline]
    #[target_feature(enable = "sse2,ssse3,sse4.1")]
    fn words(self) -> (V, V) {
        let feba = _mm_shuffle_epi32::<0x1b>(self.abef);
        let dchg = _mm_shuffle_epi32::<0xb1>(self.cdgh);
        (
            _mm_blend_epi16::<0xf0>(feba, dchg),
            _mm_alignr_epi8::<8>(dchg, feba),
        )
    }

    #[inline]
    #[target_feature(enable = "sse2,ssse3,sse4.1")]
    fn store(self, state: &mut [u32; 8]) {
        let (dcba, hgfe) = self.words();
        _mm_storeu_si128(chunk_mut::<_, 8, 4>(state, 0), dcba);
        _mm_storeu_si128(chunk_mut::<_, 8, 4>(state, 1), hgfe);
    }
}

#[inline]
#[target_feature(enable = "sse2,ssse3")]
fn load_block(block: &[u8; 64]) -> [V; 4] {
    let bswap = _mm_loadu_si128(&BSWAP);
    let mut w = [_mm_setzero_si128(); 4];
    for (i, word) in w.iter_mut().enumerate() {
        *word = _mm_shuffle_epi8(_mm_loadu_si128(chunk::<_, 64, 16>(block, i)), bswap);
    }
    w
}

#[inline]
#[target_feature(enable = "sse2,ssse3")]
fn store_block(w: [V; 4], block: &mut [u8; 64]) {
    let bswap = _mm_loadu_si128(&BSWAP);
    for (i, word) in w.into_iter().enumerate() {
        _mm_storeu_si128(
            chunk_mut::<_, 64, 16>(block, i),
            _mm_shuffle_epi8(word, bswap),
        );
    }
}

/// Four rounds of both streams, from message words `w` (with the round constants not yet
/// added).
#[inline]
#[target_feature(enable = "sha,sse2")]
fn rounds4(r: usize, s: &mut [State; 2], w: [V; 2]) {
    let k = _mm_set_epi32(
        K256[4 * r + 3] as i32,
        K256[4 * r + 2] as i32,
        K256[4 * r + 1] as i32,
        K256[4 * r] as i32,
    );
    let t = [_mm_add_epi32(w[0], k), _mm_add_epi32(w[1], k)];
    for (s, t) in s.iter_mut().zip(t) {
        s.cdgh = _mm_sha256rnds2_epu32(s.cdgh, s.abef, t);
    }
    for (s, t) in s.iter_mut().zip(t) {
        s.abef = _mm_sha256rnds2_epu32(s.abef, s.cdgh, _mm_shuffle_epi32::<0x0e>(t));
    }
}

/// One compression of both streams: `s[i]` ← `s[i]` + rounds over `w[i]`.
#[inline]
#[target_feature(enable = "sha,sse2,ssse3")]
fn compress2(s: &mut [State; 2], mut w: [[V; 4]; 2]) {
    let saved = *s;
    for (i, (&x, &y)) in w[0].iter().zip(&w[1]).enumerate() {
        rounds4(i, s, [x, y]);
    }
    for r in 4..16 {
        let i = r % 4;
        for w in w.iter_mut() {
            // W_t for the next four t (FIPS 180-4 §6.2.2 step 1).
            let t = _mm_add_epi32(
                _mm_sha256msg1_epu32(w[i], w[(i + 1) % 4]),
                _mm_alignr_epi8::<4>(w[(i + 3) % 4], w[(i + 2) % 4]),
            );
            w[i] = _mm_sha256msg2_epu32(t, w[(i + 3) % 4]);
        }
        rounds4(r, s, [w[0][i], w[1][i]]);
    }
    for (s, saved) in s.iter_mut().zip(saved) {
        s.abef = _mm_add_epi32(s.abef, saved.abef);
        s.cdgh = _mm_add_epi32(s.cdgh, saved.cdgh);
    }
}

/// Compresses both lanes' blocks into their states.
#[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
pub(crate) fn compress(lanes: &mut [Lane256; 2]) {
    let [x, y] = lanes;
    let mut s = [State::load(&x.state), State::load(&y.state)];
    compress2(&mut s, [load_block(&x.block), load_block(&y.block)]);
    s[0].store(&mut x.state);
    s[1].store(&mut y.state);
}

/// `prev << 16 | cur >> 16` in each element.
#[inline]
#[target_feature(enable = "sse2")]
fn join16(prev: V, cur: V) -> V {
    _mm_or_si128(_mm_slli_epi32::<16>(prev), _mm_srli_epi32::<16>(cur))
}

/// The next message words of an F chain (see `rounds.rs`, `f_chains_body`) from the digest
/// `s` and the current words `w`: words 5 to 5 + NW hold, at a 16-bit offset, the hash address
/// plus one, the first NW digest words and the 0x80 padding byte.
#[inline]
#[target_feature(enable = "sse2,ssse3,sse4.1")]
fn next_words<const NW: usize>(s: State, w: [V; 4]) -> [V; 4] {
    let (abcd, efgh) = s.words();
    let pad = _mm_cvtsi32_si128(0x8000_0000_u32 as i32);
    // The hash address (the top half of word 5) plus one, alone in element 0.
    let j = _mm_add_epi32(
        _mm_srli_epi32::<16>(_mm_cvtsi32_si128(_mm_extract_epi32::<1>(w[1]))),
        _mm_cvtsi32_si128(1),
    );
    // The sequence p = j, digest words 0..NW, pad, 0, … in vectors of four (p0, p1, p2):
    // message word t (5 ≤ t ≤ 5 + NW) is p[t − 5] << 16 | p[t − 4] >> 16.
    let p0 = _mm_or_si128(_mm_slli_si128::<4>(abcd), j);
    let (p1, p2) = match NW {
        4 => (
            _mm_or_si128(_mm_srli_si128::<12>(abcd), _mm_slli_si128::<4>(pad)),
            _mm_setzero_si128(),
        ),
        6 => (
            _mm_blend_epi16::<0xc0>(_mm_alignr_epi8::<12>(efgh, abcd), _mm_slli_si128::<12>(pad)),
            _mm_setzero_si128(),
        ),
        _ => (
            _mm_alignr_epi8::<12>(efgh, abcd),
            _mm_or_si128(_mm_srli_si128::<12>(efgh), _mm_slli_si128::<4>(pad)),
        ),
    };
    let w4 = join16(_mm_slli_si128::<4>(p0), p0);
    let w8 = join16(_mm_alignr_epi8::<12>(p1, p0), p1);
    let w12 = join16(_mm_alignr_epi8::<12>(p2, p1), p2);
    [
        w[0],
        // Word 4 stays.
        _mm_blend_epi16::<0x03>(w4, w[1]),
        w8,
        // Words 14 and 15 stay (zeros and the length); below NW = 8 all four do.
        if NW == 8 {
            _mm_blend_epi16::<0xf0>(w12, w[3])
        } else {
            w[3]
        },
    ]
}

/// The F chains of `super::f_chains`, two at a time: both run to the larger step count, and a
/// lane keeps its block once its own count is reached (step counts are public).
#[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
pub(crate) fn f_chains<const NW: usize>(
    mid: &[u32; 8],
    lanes: &mut [Lane256; 2],
    steps: &[u32; 2],
) {
    let mid = State::load(mid);
    let [x, y] = lanes;
    let mut w = [load_block(&x.block), load_block(&y.block)];
    for t in 0..steps[0].max(steps[1]) {
        let mut s = [mid; 2];
        compress2(&mut s, w);
        for ((w, s), steps) in w.iter_mut().zip(s).zip(steps) {
            if t < *steps {
                *w = next_words::<NW>(s, *w);
            }
        }
    }
    store_block(w[0], &mut x.block);
    store_block(w[1], &mut y.block);
}
