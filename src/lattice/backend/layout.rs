//! Where each coefficient sits while a SIMD NTT runs its last layers inside registers, and the
//! per-lane twiddle tables that follow from it, computed at compile time.
//!
//! Once the butterfly distance is smaller than a register, the NTT works on pairs of registers
//! (a, b) holding 2W consecutive coefficients. Before the layer at distance g (in coefficients)
//! it applies T_g: a 2×2 transpose of g-coefficient blocks, c = [a₀ b₀ a₂ b₂ …],
//! d = [a₁ b₁ a₃ b₃ …] (block i of a is aᵢ). Applied to the standard order, the layers at
//! distances g₁ > g₂ > … then always find each butterfly's two inputs in the same lane of c
//! and d. Every T_g is an involution, so applying them again in reverse order restores the
//! standard order: the permutation never leaves the kernel.

use super::N;

/// The coefficient offsets (within the register pair: a is 0..W, b is W..2W) after T_g of the
/// layout `idx`; lane j of the result is `out[j]` (register c) and `out[W + j]` (register d).
const fn transpose(idx: [usize; 64], w: usize, g: usize) -> [usize; 64] {
    let mut out = [0; 64];
    let mut j = 0;
    while j < w {
        let p = j / (2 * g);
        let r = j % (2 * g);
        let (c, d) = if r < g {
            (2 * p * g + r, (2 * p + 1) * g + r)
        } else {
            (w + 2 * p * g + r - g, w + (2 * p + 1) * g + r - g)
        };
        out[j] = idx[c];
        out[w + j] = idx[d];
        j += 1;
    }
    out
}

/// For the in-register layers at the butterfly distances `dists` (forward order, largest
/// first) and each of the `P` register pairs of W lanes, the index into `ZETAS` of the twiddle
/// of every lane: the forward NTT's (`inverse == false`) or the inverse NTT's, which takes the
/// twiddles of each layer in reverse order.
pub(super) const fn lane_zetas<const W: usize, const P: usize, const S: usize>(
    dists: [usize; S],
    inverse: bool,
) -> [[[usize; W]; P]; S] {
    let mut out = [[[0; W]; P]; S];
    let mut idx = [0; 64];
    let mut j = 0;
    while j < 2 * W {
        idx[j] = j;
        j += 1;
    }
    let mut s = 0;
    while s < S {
        let g = dists[s];
        idx = transpose(idx, W, g);
        let mut p = 0;
        while p < P {
            let mut j = 0;
            while j < W {
                let block = (p * 2 * W + idx[j]) / (2 * g);
                out[s][p][j] = if inverse {
                    N / g - 1 - block
                } else {
                    N / (2 * g) + block
                };
                j += 1;
            }
            p += 1;
        }
        s += 1;
    }
    out
}

/// `table` with every index replaced by `zetas[index]` (16-bit lanes).
pub(super) const fn gather16<const W: usize, const P: usize, const S: usize>(
    table: [[[usize; W]; P]; S],
    zetas: &[i16],
    factor: i16,
) -> [[[i16; W]; P]; S] {
    let mut out = [[[0; W]; P]; S];
    let mut s = 0;
    while s < S {
        let mut p = 0;
        while p < P {
            let mut j = 0;
            while j < W {
                out[s][p][j] = zetas[table[s][p][j]].wrapping_mul(factor);
                j += 1;
            }
            p += 1;
        }
        s += 1;
    }
    out
}

/// `table` with every index replaced by `zetas[index]` (32-bit lanes).
pub(super) const fn gather32<const W: usize, const P: usize, const S: usize>(
    table: [[[usize; W]; P]; S],
    zetas: &[i32],
    factor: i32,
) -> [[[i32; W]; P]; S] {
    let mut out = [[[0; W]; P]; S];
    let mut s = 0;
    while s < S {
        let mut p = 0;
        while p < P {
            let mut j = 0;
            while j < W {
                out[s][p][j] = zetas[table[s][p][j]].wrapping_mul(factor);
                j += 1;
            }
            p += 1;
        }
        s += 1;
    }
    out
}

/// For ML-KEM's base multiplication, lane by lane: γᵢ·`factor` on the odd coefficient of each
/// first degree-2 factor, −γᵢ·`factor` on that of the second, 0 on even coefficients.
pub(super) const fn gamma_lanes(zetas: &[i16], factor: i16) -> [i16; N] {
    let mut out = [0; N];
    let mut j = 0;
    while j < N {
        let gamma = zetas[64 + j / 4];
        out[j] = match j % 4 {
            1 => gamma.wrapping_mul(factor),
            3 => gamma.wrapping_neg().wrapping_mul(factor),
            _ => 0,
        };
        j += 1;
    }
    out
}

/// pshufb patterns that move the 16-bit lanes selected by an 8-bit mask to the front, in order
/// (the rest zero): uniform rejection sampling, 8 candidates per step.
pub(super) const fn compact16() -> [[u8; 16]; 256] {
    let mut out = [[0xff; 16]; 256];
    let mut m = 0;
    while m < 256 {
        let mut k = 0;
        let mut j = 0;
        while j < 8 {
            if (m >> j) & 1 == 1 {
                out[m][2 * k] = 2 * j as u8;
                out[m][2 * k + 1] = 2 * j as u8 + 1;
                k += 1;
            }
            j += 1;
        }
        m += 1;
    }
    out
}

/// The number of bits set in each 8-bit mask: the candidates a step of uniform rejection
/// sampling accepted (a table lookup, as AVX2 does not imply `popcnt`).
pub(super) const fn bit_counts() -> [u8; 256] {
    let mut out = [0; 256];
    let mut m = 0;
    while m < 256 {
        out[m] = (m as u8).count_ones() as u8;
        m += 1;
    }
    out
}

/// vpermd indices (as bytes) that move the 32-bit lanes selected by an 8-bit mask to the front.
pub(super) const fn compact32() -> [[u8; 8]; 256] {
    let mut out = [[0; 8]; 256];
    let mut m = 0;
    while m < 256 {
        let mut k = 0;
        let mut j = 0;
        while j < 8 {
            if (m >> j) & 1 == 1 {
                out[m][k] = j as u8;
                k += 1;
            }
            j += 1;
        }
        m += 1;
    }
    out
}
