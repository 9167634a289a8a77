//! The multi-way SHAKE of every width on every backend this CPU has (forced in turn, the
//! portable one always included), against the one-stream SHAKE of the `shake` crate.

use pqfips::backend::{self, Backend, keccak};
use shake::{ExtendableOutput, Shake128, Shake256, Update, XofReader};

/// SplitMix64: a small deterministic generator for test inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn reference(rate: usize, input: &[u8], out: &mut [u8]) {
    if rate == 168 {
        let mut h = Shake128::default();
        h.update(input);
        h.finalize_xof().read(out);
    } else {
        let mut h = Shake256::default();
        h.update(input);
        h.finalize_xof().read(out);
    }
}

type ShakeX<const L: usize> = fn([&[u8]; L], [&mut [u8]; L]);

/// Random inputs and output lengths (up to several blocks each) through `shake`, stream by
/// stream against the reference; returns the number of cases.
fn check<const L: usize>(rate: usize, shake: ShakeX<L>, rng: &mut Rng, what: &str) -> usize {
    let mut input = [[0u8; 600]; L];
    let mut got = [[0u8; 700]; L];
    let mut want = [0u8; 700];
    let cases = 100;
    for _ in 0..cases {
        let in_len = (rng.next() % 600) as usize;
        let out_len = (rng.next() % 700) as usize;
        for stream in &mut input {
            stream.iter_mut().for_each(|b| *b = rng.next() as u8);
        }
        shake(
            core::array::from_fn(|j| &input[j][..in_len]),
            got.each_mut().map(|o| &mut o[..out_len]),
        );
        for (j, stream) in input.iter().enumerate() {
            reference(rate, &stream[..in_len], &mut want[..out_len]);
            assert_eq!(
                got[j][..out_len],
                want[..out_len],
                "{what}, stream {j}, in {in_len}, out {out_len}"
            );
        }
    }
    cases
}

/// One test for all backends: forcing is global, so the backends take turns in one thread.
#[test]
fn multi_way_shake_matches_one_stream_on_every_backend() {
    let mut rng = Rng(42);
    let mut backends = 0;
    for b in backend::available() {
        backend::force(Some(b));
        assert_eq!(backend::active(), b);
        let mut cases = check(
            168,
            keccak::shake128_x4,
            &mut rng,
            &format!("{b} SHAKE128 ×4"),
        );
        cases += check(
            136,
            keccak::shake256_x4,
            &mut rng,
            &format!("{b} SHAKE256 ×4"),
        );
        cases += check(
            168,
            keccak::shake128_x8,
            &mut rng,
            &format!("{b} SHAKE128 ×8"),
        );
        cases += check(
            136,
            keccak::shake256_x8,
            &mut rng,
            &format!("{b} SHAKE256 ×8"),
        );
        assert_eq!(cases, 400);
        backends += 1;
    }
    backend::force(None);
    assert!(backend::available().any(|b| b == Backend::Portable));
    assert_eq!(backends, backend::available().count());
}
