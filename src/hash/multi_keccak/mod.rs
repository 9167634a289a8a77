//! Keccak-f[1600] on four or eight independent states at once, and SHAKE128/256 over as many
//! independent streams ([`ShakeX`]).
//!
//! The states are interleaved lane by lane, `[[u64; L]; 25]`: `state[i][j]` is lane i (FIPS 202
//! §3.1.2, `A[x, y]` at `i = x + 5y`) of stream j. Each row is then one SIMD register, so the
//! kernels load and store the states with no transpose, and a sponge XORs its input bytes into
//! (and reads its output from) the same rows.
//!
//! Which kernel runs is chosen per call through [`crate::simd::level`]:
//!
//! | level | ×4 | ×8 |
//! |---|---|---|
//! | portable | the scalar permutation four times | eight times |
//! | AVX2 | 256-bit registers | the ×4 kernel on each half |
//! | AVX-512 | AVX-512VL: 256-bit registers with native rotates and ternary logic | 512-bit registers |
//!
//! The SIMD kernels share one straight-line source ([`keccak_rounds`]), so that they hold no
//! branch and no indexed memory access, which `ct/simd-kernels.sh` checks in the binary.

pub(crate) mod sponge;

mod portable;

#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2;
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx512;
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx512vl;

#[cfg(test)]
mod tests;

use crate::simd::{self, Level};

/// The round constants RC[i_r] of ι (FIPS 202 Algorithm 6), for rounds 0 to 23.
#[cfg(target_arch = "x86_64")]
const RC: [u64; 24] = [
    0x0000_0000_0000_0001,
    0x0000_0000_0000_8082,
    0x8000_0000_0000_808a,
    0x8000_0000_8000_8000,
    0x0000_0000_0000_808b,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8009,
    0x0000_0000_0000_008a,
    0x0000_0000_0000_0088,
    0x0000_0000_8000_8009,
    0x0000_0000_8000_000a,
    0x0000_0000_8000_808b,
    0x8000_0000_0000_008b,
    0x8000_0000_0000_8089,
    0x8000_0000_0000_8003,
    0x8000_0000_0000_8002,
    0x8000_0000_0000_0080,
    0x0000_0000_0000_800a,
    0x8000_0000_8000_000a,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8080,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8008,
];

/// One round of Keccak-f[1600] (FIPS 202 §3.3: ι ∘ χ ∘ π ∘ ρ ∘ θ) on `$a: &mut [V; 25]`, where `V`
/// holds lane i of every state. Written out lane by lane, so that every index and rotation is
/// a constant: no loop, no indexed access.
///
/// The module that expands it provides, for its vector type `V` (each a `#[target_feature]`
/// function that inlines): `xor(a, b)`, `xor5(a, b, c, d, e)`, `rol::<N, { 64 - N }>(x)` (left
/// rotation of every 64-bit lane by N; both shifts are given so that a kernel built from two
/// shifts needs no const arithmetic), `chi(a, b, c)` = a ⊕ (¬b ∧ c), and `rc(round)`, the round
/// constant in every lane.
#[cfg(target_arch = "x86_64")]
macro_rules! keccak_round {
    ($a:expr, $round:literal) => {{
        let a: &mut [_; 25] = $a;
        // θ: D[x] = C[x − 1] ⊕ rot(C[x + 1], 1), C[x] the parity of column x.
        let c0 = xor5(a[0], a[5], a[10], a[15], a[20]);
        let c1 = xor5(a[1], a[6], a[11], a[16], a[21]);
        let c2 = xor5(a[2], a[7], a[12], a[17], a[22]);
        let c3 = xor5(a[3], a[8], a[13], a[18], a[23]);
        let c4 = xor5(a[4], a[9], a[14], a[19], a[24]);
        let d0 = xor(c4, rol::<1, 63>(c1));
        let d1 = xor(c0, rol::<1, 63>(c2));
        let d2 = xor(c1, rol::<1, 63>(c3));
        let d3 = xor(c2, rol::<1, 63>(c4));
        let d4 = xor(c3, rol::<1, 63>(c0));
        // ρ and π, plane by plane of the output: B[x, y] = rot(A[x + 3y, x] ⊕ D[x + 3y],
        // r[x + 3y, x]); then χ on that plane, and ι on lane 0.
        let b0 = xor(a[0], d0);
        let b1 = rol::<44, 20>(xor(a[6], d1));
        let b2 = rol::<43, 21>(xor(a[12], d2));
        let b3 = rol::<21, 43>(xor(a[18], d3));
        let b4 = rol::<14, 50>(xor(a[24], d4));
        let e0 = xor(chi(b0, b1, b2), rc($round));
        let e1 = chi(b1, b2, b3);
        let e2 = chi(b2, b3, b4);
        let e3 = chi(b3, b4, b0);
        let e4 = chi(b4, b0, b1);
        let b0 = rol::<28, 36>(xor(a[3], d3));
        let b1 = rol::<20, 44>(xor(a[9], d4));
        let b2 = rol::<3, 61>(xor(a[10], d0));
        let b3 = rol::<45, 19>(xor(a[16], d1));
        let b4 = rol::<61, 3>(xor(a[22], d2));
        let e5 = chi(b0, b1, b2);
        let e6 = chi(b1, b2, b3);
        let e7 = chi(b2, b3, b4);
        let e8 = chi(b3, b4, b0);
        let e9 = chi(b4, b0, b1);
        let b0 = rol::<1, 63>(xor(a[1], d1));
        let b1 = rol::<6, 58>(xor(a[7], d2));
        let b2 = rol::<25, 39>(xor(a[13], d3));
        let b3 = rol::<8, 56>(xor(a[19], d4));
        let b4 = rol::<18, 46>(xor(a[20], d0));
        let e10 = chi(b0, b1, b2);
        let e11 = chi(b1, b2, b3);
        let e12 = chi(b2, b3, b4);
        let e13 = chi(b3, b4, b0);
        let e14 = chi(b4, b0, b1);
        let b0 = rol::<27, 37>(xor(a[4], d4));
        let b1 = rol::<36, 28>(xor(a[5], d0));
        let b2 = rol::<10, 54>(xor(a[11], d1));
        let b3 = rol::<15, 49>(xor(a[17], d2));
        let b4 = rol::<56, 8>(xor(a[23], d3));
        let e15 = chi(b0, b1, b2);
        let e16 = chi(b1, b2, b3);
        let e17 = chi(b2, b3, b4);
        let e18 = chi(b3, b4, b0);
        let e19 = chi(b4, b0, b1);
        let b0 = rol::<62, 2>(xor(a[2], d2));
        let b1 = rol::<55, 9>(xor(a[8], d3));
        let b2 = rol::<39, 25>(xor(a[14], d4));
        let b3 = rol::<41, 23>(xor(a[15], d0));
        let b4 = rol::<2, 62>(xor(a[21], d1));
        let e20 = chi(b0, b1, b2);
        let e21 = chi(b1, b2, b3);
        let e22 = chi(b2, b3, b4);
        let e23 = chi(b3, b4, b0);
        let e24 = chi(b4, b0, b1);
        *a = [
            e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16, e17, e18,
            e19, e20, e21, e22, e23, e24,
        ];
    }};
}

/// Keccak-f[1600] (FIPS 202 Algorithm 7 with b = 1600: 24 rounds) on `$a: &mut [V; 25]`, with the
/// rounds unrolled; see [`keccak_round`] for what the expanding module provides.
#[cfg(target_arch = "x86_64")]
macro_rules! keccak_rounds {
    ($a:expr) => {
        keccak_round!($a, 0);
        keccak_round!($a, 1);
        keccak_round!($a, 2);
        keccak_round!($a, 3);
        keccak_round!($a, 4);
        keccak_round!($a, 5);
        keccak_round!($a, 6);
        keccak_round!($a, 7);
        keccak_round!($a, 8);
        keccak_round!($a, 9);
        keccak_round!($a, 10);
        keccak_round!($a, 11);
        keccak_round!($a, 12);
        keccak_round!($a, 13);
        keccak_round!($a, 14);
        keccak_round!($a, 15);
        keccak_round!($a, 16);
        keccak_round!($a, 17);
        keccak_round!($a, 18);
        keccak_round!($a, 19);
        keccak_round!($a, 20);
        keccak_round!($a, 21);
        keccak_round!($a, 22);
        keccak_round!($a, 23);
    };
}
#[cfg(target_arch = "x86_64")]
use {keccak_round, keccak_rounds};

/// L interleaved Keccak-f[1600] states: `state[i][j]` is lane i of state j.
pub(crate) type States<const L: usize> = [[u64; L]; 25];

/// FIPS 202 Algorithm 7 (Keccak-p[1600, 24], i.e. Keccak-f[1600]) on each of four interleaved
/// states.
pub(crate) fn f1600_x4(state: &mut States<4>) {
    f1600_x4_at(simd::level(), state);
}

/// [`f1600_x4`] with the kernels of `level`.
fn f1600_x4_at(level: Level, state: &mut States<4>) {
    match level {
        #[cfg(target_arch = "x86_64")]
        Level::Avx2(token) => simd::keccak::f1600_x4_avx2(token, state),
        #[cfg(target_arch = "x86_64")]
        Level::Avx512(token) => simd::keccak::f1600_x4_avx512vl(token, state),
        _ => portable::f1600_xl(state),
    }
}

/// FIPS 202 Algorithm 7 (Keccak-p[1600, 24], i.e. Keccak-f[1600]) on each of eight interleaved
/// states.
pub(crate) fn f1600_x8(state: &mut States<8>) {
    f1600_x8_at(simd::level(), state);
}

/// [`f1600_x8`] with the kernels of `level`.
fn f1600_x8_at(level: Level, state: &mut States<8>) {
    match level {
        #[cfg(target_arch = "x86_64")]
        Level::Avx2(token) => simd::keccak::f1600_x8_avx2(token, state),
        #[cfg(target_arch = "x86_64")]
        Level::Avx512(token) => simd::keccak::f1600_x8_avx512(token, state),
        _ => portable::f1600_xl(state),
    }
}

/// The widths this module permutes at once: four and eight states.
pub(crate) trait Permute {
    /// Keccak-f[1600] on every state.
    fn permute(&mut self);
}

impl Permute for States<4> {
    #[inline]
    fn permute(&mut self) {
        f1600_x4(self);
    }
}

impl Permute for States<8> {
    #[inline]
    fn permute(&mut self) {
        f1600_x8(self);
    }
}

/// The permutations, for benchmarks and the constant-time harness, which run them on each
/// backend in turn (through `pqfips::backend::force`). Not part of the public API.
#[cfg(any(feature = "force-backend", feature = "ct-check"))]
pub mod exposed {
    pub use super::sponge::exposed::*;

    /// Keccak-f\[1600\] on one state.
    pub fn f1600(state: &mut [u64; 25]) {
        crate::hash::keccak_f1600(state);
    }

    /// Keccak-f\[1600\] on four interleaved states (`state[i][j]`: lane i of state j).
    pub fn f1600_x4(state: &mut [[u64; 4]; 25]) {
        super::f1600_x4(state);
    }

    /// Keccak-f\[1600\] on eight interleaved states (`state[i][j]`: lane i of state j).
    pub fn f1600_x8(state: &mut [[u64; 8]; 25]) {
        super::f1600_x8(state);
    }
}
