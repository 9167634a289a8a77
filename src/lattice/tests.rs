//! The lattice core against the standard's definitions, written naively.

use super::backend::{Active, Backend, Portable};
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

    fn poly<F: Field>(&mut self, bound: i32) -> Poly<F>
    where
        Active: Backend<F>,
    {
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

/// What the tests need to know about a field beyond [`Field`].
trait Standard: Field {
    /// The primitive 2^(LAYERS+1)-th root of unity the standard names.
    const ROOT: i64;
    /// The Montgomery factor R mod q.
    const R_MOD_Q: i64;
    /// How many products `multiply_ntts_acc` may accumulate before a reduction.
    const MAX_ACC: usize;
}

impl Standard for Q3329 {
    const ROOT: i64 = 17;
    const R_MOD_Q: i64 = (1 << 16) % 3329;
    const MAX_ACC: usize = 4;
}

impl Standard for Q8380417 {
    const ROOT: i64 = 1753;
    const R_MOD_Q: i64 = (1 << 32) % 8_380_417;
    const MAX_ACC: usize = 7;
}

/// FIPS 203 Algorithm 9 / FIPS 204 Algorithm 41, exactly as written, on canonical integers.
fn spec_ntt<F: Standard>(f: &[i32; N]) -> [i32; N] {
    let q = i64::from(F::Q);
    let mut f = f.map(i64::from);
    let mut i = 1;
    let mut len = 128;
    while len >= N >> F::LAYERS {
        for start in (0..N).step_by(2 * len) {
            let zeta = pow(F::ROOT, bit_rev(i, F::LAYERS), q);
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
    // The first twiddles of the pq-crystals reference (ζ^BitRev7(i) · 2^16, centred).
    assert_eq!(&Q3329::ZETAS[..4], &[-1044, -758, -359, -1517]);
    assert_eq!(Q3329::INV_NTT_SCALE, 1441);
    assert_eq!(Q3329::R2, 1353);
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

/// Runs a generic test for both fields.
macro_rules! both_fields {
    ($($name:ident),*) => {$(
        mod $name {
            #[test]
            fn q3329() { super::$name::<super::Q3329>() }
            #[test]
            fn q8380417() { super::$name::<super::Q8380417>() }
        }
    )*};
}

both_fields!(
    zetas_are_the_standards_twiddles_in_montgomery_form,
    ntt_is_the_standards_algorithm,
    inverse_ntt_undoes_ntt_times_r,
    ntt_multiplication_is_negacyclic_multiplication
);

fn zetas_are_the_standards_twiddles_in_montgomery_form<F: Standard>()
where
    Active: Backend<F>,
{
    let q = i64::from(F::Q);
    assert_eq!(F::ZETAS.len(), 1 << F::LAYERS);
    for (i, &z) in F::ZETAS.iter().enumerate() {
        let expect = pow(F::ROOT, bit_rev(i, F::LAYERS), q) * F::R_MOD_Q % q;
        assert_eq!(i64::from(F::to_i32(z)).rem_euclid(q), expect, "ζ[{i}]");
        assert!(2 * F::to_i32(z).abs() <= F::Q, "ζ[{i}] centred");
    }
    // R² / 2^LAYERS and R², both mod q.
    let inv = pow(1 << F::LAYERS, (F::Q - 2) as usize, q);
    assert_eq!(
        i64::from(F::to_i32(F::INV_NTT_SCALE)).rem_euclid(q),
        F::R_MOD_Q * F::R_MOD_Q % q * inv % q
    );
    assert_eq!(
        i64::from(F::to_i32(F::R2)).rem_euclid(q),
        F::R_MOD_Q * F::R_MOD_Q % q
    );
}

fn ntt_is_the_standards_algorithm<F: Standard>()
where
    Active: Backend<F>,
{
    let mut rng = Lcg(2);
    for _ in 0..20 {
        let mut a: Poly<F> = rng.poly(F::Q - 1);
        let spec = spec_ntt::<F>(&canonical(&a));
        a.ntt();
        assert!(a.coeffs.iter().all(|&c| 2 * F::to_i32(c).abs() <= F::Q));
        assert_eq!(canonical(&a), spec);
    }
}

fn inverse_ntt_undoes_ntt_times_r<F: Standard>()
where
    Active: Backend<F>,
{
    let mut rng = Lcg(3);
    let a: Poly<F> = rng.poly(F::Q - 1);
    let mut b = a;
    b.ntt();
    b.inv_ntt();
    assert!(b.coeffs.iter().all(|&c| F::to_i32(c).abs() < F::Q));
    let q = i64::from(F::Q);
    let expect = canonical(&a).map(|x| (i64::from(x) * F::R_MOD_Q % q) as i32);
    assert_eq!(canonical(&b), expect);
}

fn ntt_multiplication_is_negacyclic_multiplication<F: Standard>()
where
    Active: Backend<F>,
{
    let mut rng = Lcg(4);
    let q = i64::from(F::Q);
    for _ in 0..5 {
        let a: Poly<F> = rng.poly(F::Q - 1);
        let b: Poly<F> = rng.poly(F::Q - 1);
        let expect = schoolbook(&canonical(&a), &canonical(&b), q);
        let (mut x, mut y) = (a, b);
        x.ntt();
        y.ntt();
        // Accumulate the same product as often as the lanes allow before reducing.
        let mut acc = Poly::zero();
        for _ in 0..F::MAX_ACC {
            acc.multiply_ntts_acc(&x, &y);
        }
        acc.reduce();
        acc.inv_ntt();
        let times = F::MAX_ACC as i64;
        assert_eq!(
            canonical(&acc),
            expect.map(|c| (times * i64::from(c) % q) as i32)
        );
    }
}

#[test]
fn q8380417_reduce_centres_and_mont_mul_divides_by_r() {
    let mut rng = Lcg(5);
    let q = 8_380_417i64;
    let edges = [
        i32::MIN + (1 << 22),
        -8_380_417,
        -4_190_209,
        -4_190_208,
        -1,
        0,
        1,
        4_190_208,
        4_190_209,
        8_380_417,
        i32::MAX - (1 << 22),
    ];
    let randoms =
        (0..200_000).map(|_| ((rng.next() as u64) << 1 | u64::from(rng.next() & 1)) as u32 as i32);
    for a in edges.into_iter().chain(randoms) {
        if a > i32::MAX - (1 << 22) {
            continue;
        }
        let r = Q8380417::reduce(a);
        assert!(i64::from(r).abs() <= (q - 1) / 2, "reduce({a}) = {r}");
        assert_eq!((i64::from(a) - i64::from(r)).rem_euclid(q), 0);
    }
    for _ in 0..200_000 {
        let a = (rng.next() % (2 * 8_380_417 - 1)) as i32 - 8_380_416;
        let b = (rng.next() % (2 * 8_380_417 - 1)) as i32 - 8_380_416;
        let r = Q8380417::mont_mul(a, b);
        assert!(i64::from(r).abs() < q);
        assert_eq!(
            (i64::from(r) * (1 << 32) - i64::from(a) * i64::from(b)).rem_euclid(q),
            0
        );
    }
    assert_eq!(Q8380417::INV_NTT_SCALE, 41_978);
}

#[test]
fn compress_is_the_rounded_quotient_for_every_input() {
    for d in 1..=11u32 {
        let mut p = Poly::<Q3329>::zero();
        for x in 0..3329i32 {
            p.coeffs[x as usize % N] = x as i16;
            if x as usize % N == N - 1 || x == 3328 {
                let mut c = p;
                <Portable as Backend<Q3329>>::compress(Portable, d, &mut c.coeffs);
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
            <Portable as Backend<Q3329>>::decompress(Portable, d, &mut p.coeffs);
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
    assert_eq!(
        <Portable as Backend<Q3329>>::rej_uniform(Portable, &bytes, &mut out),
        3
    );
    assert_eq!(out, [1, 3328, 5]);
}
