//! Criterion benchmarks of ML-KEM: `cargo bench --bench ml_kem`.
//!
//! Key generation and encapsulation are timed on their deterministic cores so that the OS RNG
//! is not measured; `examples/speed.rs` prints the same operations as a quick table, and
//! `benches/peers` races them against other Rust implementations in one run.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pqfips::ml_kem::{
    Ciphertext, DecapsulationKey, MlKem512, MlKem768, MlKem1024, ParameterSet, hazmat,
};

fn bench_set<P: ParameterSet>(c: &mut Criterion) {
    let seed = [0x42u8; 64];
    let m = [0x24u8; 32];
    let dk = DecapsulationKey::<P>::from_seed(&seed);
    let ek = dk.encapsulation_key();
    let (ct, _) = hazmat::encapsulate_deterministic(ek, &m);
    let ek_bytes = ek.to_bytes();
    let ct_bytes = ct.as_bytes();

    let mut group = c.benchmark_group(P::NAME);
    group.bench_function("keygen", |b| {
        b.iter(|| DecapsulationKey::<P>::from_seed(black_box(&seed)))
    });
    group.bench_function("encaps", |b| {
        b.iter(|| hazmat::encapsulate_deterministic(ek, black_box(&m)))
    });
    group.bench_function("decaps", |b| b.iter(|| dk.decapsulate(black_box(&ct))));
    group.bench_function("ek_import", |b| {
        b.iter(|| pqfips::ml_kem::EncapsulationKey::<P>::from_bytes(black_box(ek_bytes.as_ref())))
    });
    group.bench_function("ct_import", |b| {
        b.iter(|| Ciphertext::<P>::try_from(black_box(ct_bytes.as_ref())))
    });
    group.finish();
}

fn ml_kem(c: &mut Criterion) {
    bench_set::<MlKem512>(c);
    bench_set::<MlKem768>(c);
    bench_set::<MlKem1024>(c);
}

criterion_group!(benches, ml_kem);
criterion_main!(benches);
