//! The lattice core against the standard's definitions, written naively.

use super::backend::{Backend, Portable};
use super::*;

/// A small deterministic generator for test inputs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    fn poly<F: Field>(&mut self, bound: i32) -> Poly<F> {
        let mut p = Poly::zero();
        for c in p.coeffs.iter_mut() {
            *c = F::from_i32((self.next() % (2 * bound as u32 + 1)) as i32 - bound);
        }
        p
    }
}

fn canonical<F: Field>(p: &Poly<F>) -> [i32; N] {
    core::array::from_fn(|i| F::to_i32(p.coeffs[i]).rem_euclid(F::Q))
}

fn pow(b: i64, e: usize, q: i64) -> i64 {
    (0..e).fold(1, |r, _| r * b % q)
}

fn bit_rev(x: usize, bits: usize) -> usize {
    (0..bits).fold(0, |r, i| r | (((x >> i) & 1) << (bits - 1 - i)))
}

/// FIPS 203, Algorithm 9, exactly as written (q = 3329, ζ = 17), on canonical integers.
fn spec_ntt_3329(f: &[i32; N]) -> [i32; N] {
    let q = 3329i64;
    let mut f = f.map(i64::from);
    let mut i = 1;
    let mut len = 128;
    while len >= 2 {
        for start in (0..N).step_by(2 * len) {
            let zeta = pow(17, bit_rev(i, 7), q);
            i += 1;
            for j in start..start + len {
                let t = zeta * f[j + len] % q;
                f[j + len] = (f[j] - t).rem_euclid(q);
                f[j] = (f[j] + t) % q;
            }
        }
        len /= 2;
    }
    f.map(|x| x as i32)
}

/// Multiplication in Z_q[X]/(X²⁵⁶ + 1), schoolbook.
fn schoolbook(a: &[i32; N], b: &[i32; N], q: i64) -> [i32; N] {
    let mut c = [0i64; N];
    for i in 0..N {
        for j in 0..N {
            let p = i64::from(a[i]) * i64::from(b[j]) % q;
            if i + j < N {
                c[i + j] = (c[i + j] + p) % q;
            } else {
                c[i + j - N] = (c[i + j - N] - p).rem_euclid(q);
            }
        }
    }
    c.map(|x| x as i32)
}

#[test]
fn q3329_constants_match_the_reference_values() {
    assert_eq!(Q3329::ZETAS.len(), 128);
    // The first twiddles of the pq-crystals reference (ζ^BitRev7(i) · 2^16, centred).
    assert_eq!(&Q3329::ZETAS[..4], &[-1044, -758, -359, -1517]);
    assert_eq!(Q3329::INV_NTT_SCALE, 1441);
    assert_eq!(Q3329::R2, 1353);
    for (i, &z) in Q3329::ZETAS.iter().enumerate() {
        let expect = pow(17, bit_rev(i, 7), 3329) * 65536 % 3329;
        assert_eq!(i64::from(z).rem_euclid(3329), expect, "ζ[{i}]");
    }
}

#[test]
fn q3329_reduce_and_canonical_hold_for_every_i16() {
    for a in i16::MIN..=i16::MAX {
        let r = Q3329::reduce(a);
        assert!(i32::from(r).abs() <= 1664, "reduce({a}) = {r}");
        assert_eq!((i32::from(a) - i32::from(r)).rem_euclid(3329), 0);
        if i32::from(a).abs() < 3329 {
            let c = Q3329::canonical(a);
            assert!((0..3329).contains(&c) && (i32::from(a) - i32::from(c)) % 3329 == 0);
        }
    }
}

#[test]
fn q3329_mont_mul_is_a_times_b_over_r() {
    let mut rng = Lcg(1);
    for _ in 0..100_000 {
        let a = (rng.next() % 6657) as i32 - 3328;
        let b = (rng.next() % 6657) as i32 - 3328;
        let r = Q3329::mont_mul(a as i16, b as i16);
        assert!(i32::from(r).abs() < 3329);
        assert_eq!(
            (i64::from(r) * 65536 - i64::from(a * b)).rem_euclid(3329),
            0
        );
    }
}

#[test]
fn ntt_is_algorithm_9() {
    let mut rng = Lcg(2);
    for _ in 0..20 {
        let mut a: Poly<Q3329> = rng.poly(3328);
        let spec = spec_ntt_3329(&canonical(&a));
        a.ntt();
        assert!(a.coeffs.iter().all(|c| c.abs() <= 1664));
        assert_eq!(canonical(&a), spec);
    }
}

#[test]
fn inverse_ntt_undoes_ntt_times_r() {
    let mut rng = Lcg(3);
    let a: Poly<Q3329> = rng.poly(3328);
    let mut b = a.clone();
    b.ntt();
    b.inv_ntt();
    let expect = canonical(&a).map(|x| (i64::from(x) * 65536 % 3329) as i32);
    assert_eq!(canonical(&b), expect);
}

#[test]
fn ntt_multiplication_is_negacyclic_multiplication() {
    let mut rng = Lcg(4);
    for _ in 0..5 {
        let a: Poly<Q3329> = rng.poly(3328);
        let b: Poly<Q3329> = rng.poly(3328);
        let expect = schoolbook(&canonical(&a), &canonical(&b), 3329);
        let (mut x, mut y) = (a.clone(), b.clone());
        x.ntt();
        y.ntt();
        // Accumulate the same product four times, the most the 16-bit lanes allow.
        let mut acc = Poly::zero();
        for _ in 0..4 {
            acc.multiply_ntts_acc(&x, &y);
        }
        acc.reduce();
        acc.inv_ntt();
        assert_eq!(canonical(&acc), expect.map(|c| 4 * c % 3329));
    }
}

#[test]
fn compress_is_the_rounded_quotient_for_every_input() {
    for d in 1..=11u32 {
        let mut p = Poly::<Q3329>::zero();
        for x in 0..3329i32 {
            p.coeffs[x as usize % N] = x as i16;
            if x as usize % N == N - 1 || x == 3328 {
                let mut c = p.clone();
                <Portable as Backend<Q3329>>::compress(d, &mut c.coeffs);
                let base = x - x % N as i32;
                for (i, &y) in c.coeffs.iter().enumerate().take((x - base + 1) as usize) {
                    let v = base + i as i32;
                    // ⌈2^d·v / q⌋ mod 2^d by exact integer arithmetic on a public test value.
                    let expect = ((v << (d + 1)) + 3329) / (2 * 3329) % (1 << d);
                    assert_eq!(i32::from(y), expect, "d = {d}, x = {v}");
                }
            }
        }
    }
}

#[test]
fn decompress_is_the_rounded_product() {
    for d in 1..=11u32 {
        let mut p = Poly::<Q3329>::zero();
        for y in 0..(1 << d) {
            p.coeffs[0] = y as i16;
            <Portable as Backend<Q3329>>::decompress(d, &mut p.coeffs);
            let expect = (3329 * y * 2 + (1 << d)) / (2 << d);
            assert_eq!(i32::from(p.coeffs[0]), expect, "d = {d}, y = {y}");
        }
    }
}

#[test]
fn rej_uniform_stops_when_full_and_skips_values_above_q() {
    // Little-endian 3-byte groups, two 12-bit candidates each: (4095 rejected, 1),
    // (3328, 3329 rejected), (5, 7 dropped: full), then a group that is never read.
    let bytes = [
        0xff, 0x1f, 0x00, 0x00, 0x1d, 0xd0, 0x05, 0x70, 0x00, 0x09, 0x00, 0x00,
    ];
    let mut out = [0i16; 3];
    assert_eq!(rej_uniform::<Q3329>(&bytes, &mut out), 3);
    assert_eq!(out, [1, 3328, 5]);
}
