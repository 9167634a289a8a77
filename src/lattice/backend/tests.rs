//! Every SIMD kernel against its portable twin, bit for bit, on thousands of random inputs and
//! the edge values (0, ±(q − 1), the bounds of each operation), for every backend this CPU has.

use super::*;
use crate::test_rng::Rng;

impl Rng {
    /// Uniform in [lo, hi].
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// A polynomial of values in [lo, hi]; one in eight is made of edge values only.
    fn poly<T: Copy + Default>(&mut self, lo: i64, hi: i64, from: fn(i64) -> T) -> [T; N] {
        let edges = [lo, hi, 0, lo + 1, hi - 1, (lo + hi) / 2];
        let edgy = self.next().is_multiple_of(8);
        core::array::from_fn(|_| {
            let v = if edgy {
                edges[(self.next() % edges.len() as u64) as usize]
            } else {
                self.range(lo, hi)
            };
            from(v.clamp(lo, hi))
        })
    }
}

fn i16_of(v: i64) -> i16 {
    v as i16
}

fn i32_of(v: i64) -> i32 {
    v as i32
}

const CASES: usize = 3000;
const Q16: i64 = 3329;
const Q32: i64 = 8_380_417;
const GAMMA2_88: i32 = (8_380_417 - 1) / 88;
const GAMMA2_32: i32 = (8_380_417 - 1) / 32;

/// Runs each check on every SIMD backend of this CPU (the AVX-512 one and, on such a CPU,
/// the AVX2 one too), and on the portable one against itself.
macro_rules! on_simd_backends {
    ($($check:ident),* $(,)?) => {$(
        #[test]
        fn $check() {
            #[cfg(target_arch = "x86_64")]
            match crate::simd::level() {
                Level::Avx512(token) => {
                    super::$check(avx512::Avx512(token));
                    super::$check(avx2::Avx2(token.avx2()));
                }
                Level::Avx2(token) => {
                    super::$check(avx2::Avx2(token));
                }
                Level::Portable => {}
            }
            // The portable backend against itself: the harness works where no SIMD runs.
            super::$check(Portable);
        }
    )*};
}

mod simd_matches_portable {
    use super::*;
    on_simd_backends!(
        ntt_q3329,
        ntt_q8380417,
        inv_ntt_q3329,
        inv_ntt_q8380417,
        multiply_ntts_acc_q3329,
        multiply_ntts_acc_q8380417,
        base_mul_cache_q3329,
        reduce_mul_r_canonicalize_q3329,
        reduce_mul_r_canonicalize_q8380417,
        compress_decompress_q3329,
        rej_uniform_q3329,
        rej_uniform_q8380417,
        power2round_every_input,
        decompose_every_input,
        hints,
        norm_at_least,
    );
}

fn ntt_q3329<B: Backend<Q3329>>(b: B) {
    let mut rng = Rng(1);
    for _ in 0..CASES {
        let a = rng.poly(-(Q16 - 1), Q16 - 1, i16_of);
        let (mut x, mut y) = (a, a);
        b.ntt(&mut x);
        Backend::<Q3329>::ntt(Portable, &mut y);
        assert_eq!(x, y, "input {a:?}");
    }
}

fn ntt_q8380417<B: Backend<Q8380417>>(b: B) {
    let mut rng = Rng(2);
    for _ in 0..CASES {
        let a = rng.poly(-(Q32 - 1), Q32 - 1, i32_of);
        let (mut x, mut y) = (a, a);
        b.ntt(&mut x);
        Backend::<Q8380417>::ntt(Portable, &mut y);
        assert_eq!(x, y, "input {a:?}");
    }
}

fn inv_ntt_q3329<B: Backend<Q3329>>(b: B) {
    let mut rng = Rng(3);
    for _ in 0..CASES {
        let a = rng.poly(-(Q16 / 2), Q16 / 2, i16_of);
        let (mut x, mut y) = (a, a);
        b.inv_ntt(&mut x);
        Backend::<Q3329>::inv_ntt(Portable, &mut y);
        assert_eq!(x, y, "input {a:?}");
    }
}

fn inv_ntt_q8380417<B: Backend<Q8380417>>(b: B) {
    let mut rng = Rng(4);
    for _ in 0..CASES {
        let a = rng.poly(-(Q32 / 2), Q32 / 2, i32_of);
        let (mut x, mut y) = (a, a);
        b.inv_ntt(&mut x);
        Backend::<Q8380417>::inv_ntt(Portable, &mut y);
        assert_eq!(x, y, "input {a:?}");
    }
}

fn multiply_ntts_acc_q3329<B: Backend<Q3329>>(b: B) {
    let mut rng = Rng(5);
    for _ in 0..CASES {
        let (x, y) = (
            rng.poly(-(Q16 - 1), Q16 - 1, i16_of),
            rng.poly(-(Q16 - 1), Q16 - 1, i16_of),
        );
        let acc = rng.poly(-4 * Q16, 4 * Q16, i16_of);
        let (mut c, mut d) = (acc, acc);
        b.multiply_ntts_acc(&mut c, &x, &y);
        Backend::<Q3329>::multiply_ntts_acc(Portable, &mut d, &x, &y);
        assert_eq!(c, d, "inputs {x:?} {y:?}");
    }
}

fn multiply_ntts_acc_q8380417<B: Backend<Q8380417>>(b: B) {
    let mut rng = Rng(6);
    for _ in 0..CASES {
        let (x, y) = (
            rng.poly(-(Q32 - 1), Q32 - 1, i32_of),
            rng.poly(-(Q32 - 1), Q32 - 1, i32_of),
        );
        let acc = rng.poly(-6 * Q32, 6 * Q32, i32_of);
        let (mut c, mut d) = (acc, acc);
        b.multiply_ntts_acc(&mut c, &x, &y);
        Backend::<Q8380417>::multiply_ntts_acc(Portable, &mut d, &x, &y);
        assert_eq!(c, d, "inputs {x:?} {y:?}");
    }
}

/// The cache matches the portable one, and the cached product is congruent to the uncached.
fn base_mul_cache_q3329<B: Backend<Q3329> + BaseMulCache>(b: B) {
    let mut rng = Rng(7);
    for _ in 0..CASES {
        let (x, y) = (
            rng.poly(-(Q16 - 1), Q16 - 1, i16_of),
            rng.poly(-(Q16 - 1), Q16 - 1, i16_of),
        );
        let (mut cache, mut expect) = ([0; N], [0; N]);
        b.base_mul_cache(&y, &mut cache);
        Portable.base_mul_cache(&y, &mut expect);
        assert_eq!(cache, expect, "input {y:?}");
        assert!(cache.iter().all(|c| i64::from(*c).abs() < Q16));
        let acc = rng.poly(-2 * Q16, 2 * Q16, i16_of);
        let (mut c, mut d, mut plain) = (acc, acc, acc);
        b.multiply_ntts_acc_cached(&mut c, &x, &y, &cache);
        Portable.multiply_ntts_acc_cached(&mut d, &x, &y, &cache);
        assert_eq!(c, d, "inputs {x:?} {y:?}");
        Backend::<Q3329>::multiply_ntts_acc(Portable, &mut plain, &x, &y);
        for (c, p) in c.iter().zip(&plain) {
            assert_eq!((i64::from(*c) - i64::from(*p)).rem_euclid(Q16), 0);
        }
    }
}

fn reduce_mul_r_canonicalize_q3329<B: Backend<Q3329>>(b: B) {
    let mut rng = Rng(8);
    for _ in 0..CASES {
        let a = rng.poly(i64::from(i16::MIN), i64::from(i16::MAX), i16_of);
        let (mut x, mut y) = (a, a);
        Backend::<Q3329>::reduce(b, &mut x);
        Backend::<Q3329>::reduce(Portable, &mut y);
        assert_eq!(x, y, "reduce {a:?}");
        let (mut x, mut y) = (a, a);
        Backend::<Q3329>::mul_r(b, &mut x);
        Backend::<Q3329>::mul_r(Portable, &mut y);
        assert_eq!(x, y, "mul_r {a:?}");
        let a = rng.poly(-(Q16 - 1), Q16 - 1, i16_of);
        let (mut x, mut y) = (a, a);
        Backend::<Q3329>::canonicalize(b, &mut x);
        Backend::<Q3329>::canonicalize(Portable, &mut y);
        assert_eq!(x, y, "canonicalize {a:?}");
    }
}

fn reduce_mul_r_canonicalize_q8380417<B: Backend<Q8380417>>(b: B) {
    let mut rng = Rng(9);
    let limit = i64::from(i32::MAX - (1 << 22));
    for _ in 0..CASES {
        let a = rng.poly(-limit, limit, i32_of);
        let (mut x, mut y) = (a, a);
        Backend::<Q8380417>::reduce(b, &mut x);
        Backend::<Q8380417>::reduce(Portable, &mut y);
        assert_eq!(x, y, "reduce {a:?}");
        let (mut x, mut y) = (a, a);
        Backend::<Q8380417>::mul_r(b, &mut x);
        Backend::<Q8380417>::mul_r(Portable, &mut y);
        assert_eq!(x, y, "mul_r {a:?}");
        let a = rng.poly(-(Q32 - 1), Q32 - 1, i32_of);
        let (mut x, mut y) = (a, a);
        Backend::<Q8380417>::canonicalize(b, &mut x);
        Backend::<Q8380417>::canonicalize(Portable, &mut y);
        assert_eq!(x, y, "canonicalize {a:?}");
    }
}

/// Compress_d of every canonical input and Decompress_d of every d-bit input, d = 1..=11.
fn compress_decompress_q3329<B: Backend<Q3329>>(b: B) {
    for d in 1..=11u32 {
        for start in (0..Q16).step_by(N) {
            let a: [i16; N] = core::array::from_fn(|i| ((start + i as i64) % Q16) as i16);
            let (mut x, mut y) = (a, a);
            b.compress(d, &mut x);
            Backend::<Q3329>::compress(Portable, d, &mut y);
            assert_eq!(x, y, "compress_{d} from {start}");
        }
        for start in (0..1i64 << d).step_by(N) {
            let a: [i16; N] = core::array::from_fn(|i| ((start + i as i64) % (1 << d)) as i16);
            let (mut x, mut y) = (a, a);
            b.decompress(d, &mut x);
            Backend::<Q3329>::decompress(Portable, d, &mut y);
            assert_eq!(x, y, "decompress_{d} from {start}");
        }
    }
}

/// Random streams (some with many candidates ≥ q) into outputs of every length up to N: the
/// same count and the same accepted values, in order.
fn rej_uniform<F: Field, B: Backend<F>>(b: B, seed: u64)
where
    Portable: Backend<F>,
{
    let mut rng = Rng(seed);
    let mut bytes = [0u8; 840];
    for case in 0..CASES {
        let len = 3 * rng.range(0, 280) as usize;
        let high = rng.next().is_multiple_of(4);
        for byte in bytes[..len].iter_mut() {
            *byte = rng.next() as u8 | if high { 0xe0 } else { 0 };
        }
        let out_len = if case % 2 == 0 {
            N
        } else {
            rng.range(0, N as i64) as usize
        };
        let (mut x, mut y) = ([F::ZERO; N], [F::ZERO; N]);
        let n = b.rej_uniform(&bytes[..len], &mut x[..out_len]);
        let m = Backend::<F>::rej_uniform(Portable, &bytes[..len], &mut y[..out_len]);
        assert_eq!(n, m, "count, {len} bytes into {out_len}");
        assert_eq!(x[..n], y[..n], "values, {len} bytes into {out_len}");
    }
}

fn rej_uniform_q3329<B: Backend<Q3329>>(b: B) {
    rej_uniform::<Q3329, B>(b, 10);
}

fn rej_uniform_q8380417<B: Backend<Q8380417>>(b: B) {
    rej_uniform::<Q8380417, B>(b, 11);
}

/// Every r ∈ [0, q), 256 at a time.
fn every_canonical_input(mut f: impl FnMut(&[i32; N])) {
    for start in (0..Q32).step_by(N) {
        f(&core::array::from_fn(|i| ((start + i as i64) % Q32) as i32));
    }
}

fn power2round_every_input<B: Rounding>(b: B) {
    every_canonical_input(|t| {
        let (mut t1, mut t0, mut u1, mut u0) = ([0; N], [0; N], [0; N], [0; N]);
        b.power2round(t, &mut t1, &mut t0);
        Portable.power2round(t, &mut u1, &mut u0);
        assert_eq!((t1, t0), (u1, u0), "from {}", t[0]);
    });
}

fn decompose_every_input<B: Rounding>(b: B) {
    fn check<const GAMMA2: i32, B: Rounding>(b: B, r: &[i32; N]) {
        let (mut r1, mut r0, mut s1, mut s0) = ([0; N], [0; N], [0; N], [0; N]);
        b.decompose::<GAMMA2>(r, &mut r1, &mut r0);
        Portable.decompose::<GAMMA2>(r, &mut s1, &mut s0);
        assert_eq!((r1, r0), (s1, s0), "γ₂ = {GAMMA2}, from {}", r[0]);
        let (mut high, mut low) = (*r, *r);
        b.high_bits::<GAMMA2>(&mut high);
        b.low_bits::<GAMMA2>(&mut low);
        assert_eq!((high, low), (s1, s0), "γ₂ = {GAMMA2}, from {}", r[0]);
    }
    every_canonical_input(|r| {
        check::<GAMMA2_88, B>(b, r);
        check::<GAMMA2_32, B>(b, r);
    });
}

fn hints<B: Rounding>(b: B) {
    fn check<const GAMMA2: i32, B: Rounding>(b: B, rng: &mut Rng) {
        let g = i64::from(GAMMA2);
        let r = rng.poly(0, Q32 - 1, i32_of);
        let z = rng.poly(-g, g, i64::from);
        let rz: [i32; N] =
            core::array::from_fn(|i| (i64::from(r[i]) + z[i]).rem_euclid(Q32) as i32);
        let h = b.make_hint::<GAMMA2>(&rz, &r);
        assert_eq!(h, Portable.make_hint::<GAMMA2>(&rz, &r), "make_hint");
        let random = [rng.next(), rng.next(), rng.next(), rng.next()];
        for hints in [h, random, [0; 4], [u64::MAX; 4]] {
            let (mut x, mut y) = (r, r);
            b.use_hint::<GAMMA2>(&hints, &mut x);
            Portable.use_hint::<GAMMA2>(&hints, &mut y);
            assert_eq!(x, y, "use_hint γ₂ = {GAMMA2}, {hints:x?}");
        }
    }
    let mut rng = Rng(12);
    for _ in 0..CASES {
        check::<GAMMA2_88, B>(b, &mut rng);
        check::<GAMMA2_32, B>(b, &mut rng);
    }
}

/// Polynomials just inside a bound, and the same with one coefficient moved to ±bound.
fn norm_at_least<B: Rounding>(b: B) {
    let mut rng = Rng(13);
    for _ in 0..CASES {
        let bound = rng.range(1, Q32 / 2) as i32;
        let inside = i64::from(bound - 1);
        let mut a = rng.poly(-inside, inside, i32_of);
        assert_eq!(b.norm_at_least(&a, bound), 0, "bound {bound}");
        assert_eq!(Portable.norm_at_least(&a, bound), 0, "bound {bound}");
        let i = rng.range(0, N as i64 - 1) as usize;
        a[i] = if rng.next().is_multiple_of(2) {
            bound
        } else {
            -bound
        };
        assert_eq!(b.norm_at_least(&a, bound), 1, "bound {bound} at {i}");
        assert_eq!(Portable.norm_at_least(&a, bound), 1, "bound {bound} at {i}");
    }
}
