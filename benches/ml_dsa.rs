//! Criterion benchmarks of ML-DSA: `cargo bench --bench ml_dsa`.
//!
//! Signing is timed over 64 messages cycled (its time depends on the number of rejections)
//! with rnd = 0, so that the OS RNG is not measured.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pqfips::ml_dsa::{MlDsa44, MlDsa65, MlDsa87, ParameterSet, SigningKey, VerifyingKey};

fn bench_set<P: ParameterSet>(c: &mut Criterion) {
    let seed = [0x42u8; 32];
    let sk = SigningKey::<P>::from_seed(&seed);
    let vk = sk.verifying_key();
    let messages: Vec<[u8; 32]> = (0..64u8).map(|i| [i; 32]).collect();
    let sig = sk.sign_deterministic(&messages[0], b"").unwrap();
    let vk_bytes = vk.to_bytes();
    let sk_bytes = sk.to_expanded_bytes();

    let mut group = c.benchmark_group(P::NAME);
    group.bench_function("keygen", |b| {
        b.iter(|| SigningKey::<P>::from_seed(black_box(&seed)))
    });
    let mut i = 0;
    group.bench_function("sign", |b| {
        b.iter(|| {
            i = (i + 1) % messages.len();
            sk.sign_deterministic(black_box(&messages[i]), b"")
        })
    });
    group.bench_function("verify", |b| {
        b.iter(|| vk.verify(black_box(&messages[0]), b"", &sig))
    });
    let prepared = vk.prepare();
    group.bench_function("verify_prepared", |b| {
        b.iter(|| prepared.verify(black_box(&messages[0]), b"", &sig))
    });
    group.bench_function("prepare", |b| b.iter(|| black_box(vk).prepare()));
    group.bench_function("vk_import", |b| {
        b.iter(|| VerifyingKey::<P>::from_bytes(black_box(vk_bytes.as_ref())))
    });
    group.bench_function("sk_import", |b| {
        b.iter(|| SigningKey::<P>::from_expanded_bytes(black_box(sk_bytes.as_ref())))
    });
    group.finish();
}

fn ml_dsa(c: &mut Criterion) {
    bench_set::<MlDsa44>(c);
    bench_set::<MlDsa65>(c);
    bench_set::<MlDsa87>(c);
}

criterion_group!(benches, ml_dsa);
criterion_main!(benches);
