//! Criterion benchmarks of SLH-DSA: `cargo bench --bench slh_dsa` (all twelve sets; add a
//! filter such as `SHA2-128f` to time one).
//!
//! Key generation runs from fixed seeds and signing is deterministic, so that the OS RNG is not
//! measured; `examples/speed.rs` prints the same operations as a quick table, and
//! `benches/peers` races them against RustCrypto's `slh-dsa` in one run. The "s" sets take
//! up to two seconds per signature, so their groups use criterion's smallest sample (10).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use pqfips::slh_dsa::{
    ParameterSet, Signature, SigningKey, SlhDsaSha2_128f, SlhDsaSha2_128s, SlhDsaSha2_192f,
    SlhDsaSha2_192s, SlhDsaSha2_256f, SlhDsaSha2_256s, SlhDsaShake128f, SlhDsaShake128s,
    SlhDsaShake192f, SlhDsaShake192s, SlhDsaShake256f, SlhDsaShake256s, VerifyingKey,
};

fn bench_set<P: ParameterSet>(c: &mut Criterion) {
    let seed = P::Seed::try_from(&[0x42u8; 32][..P::N]).expect("n bytes");
    let msg = [0x33u8; 32];
    let sk = SigningKey::<P>::from_seeds(&seed, &seed, &seed);
    let vk = sk.verifying_key();
    let sig = sk.sign_deterministic(&msg, b"").expect("empty context");
    let vk_bytes = vk.to_bytes();

    let mut group = c.benchmark_group(P::NAME);
    if P::HP > 4 {
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(20));
    }
    group.bench_function("keygen", |b| {
        b.iter(|| SigningKey::<P>::from_seeds(black_box(&seed), &seed, &seed))
    });
    group.bench_function("sign", |b| {
        b.iter(|| sk.sign_deterministic(black_box(&msg), b""))
    });
    group.bench_function("verify", |b| {
        b.iter(|| vk.verify(black_box(&msg), b"", &sig))
    });
    group.bench_function("vk_import", |b| {
        b.iter(|| VerifyingKey::<P>::from_bytes(black_box(vk_bytes.as_ref())))
    });
    group.bench_function("sig_import", |b| {
        b.iter(|| Signature::<P>::try_from(black_box(sig.as_ref())))
    });
    group.finish();
}

fn slh_dsa(c: &mut Criterion) {
    bench_set::<SlhDsaSha2_128f>(c);
    bench_set::<SlhDsaShake128f>(c);
    bench_set::<SlhDsaSha2_192f>(c);
    bench_set::<SlhDsaShake192f>(c);
    bench_set::<SlhDsaSha2_256f>(c);
    bench_set::<SlhDsaShake256f>(c);
    bench_set::<SlhDsaSha2_128s>(c);
    bench_set::<SlhDsaShake128s>(c);
    bench_set::<SlhDsaSha2_192s>(c);
    bench_set::<SlhDsaShake192s>(c);
    bench_set::<SlhDsaSha2_256s>(c);
    bench_set::<SlhDsaShake256s>(c);
}

criterion_group!(benches, slh_dsa);
criterion_main!(benches);
