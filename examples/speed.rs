//! Times every operation of every parameter set: `cargo run --release --example speed`.
//!
//! ML-KEM and ML-DSA are timed on every backend the CPU has (portable, AVX2, AVX-512), one
//! column each, the backends taking turns operation by operation so that all columns see the
//! same machine state; the last column is the speed-up of the best backend over the portable
//! one. `-- --backend NAME` (or `PQFIPS_BACKEND=NAME`) times that backend alone. SLH-DSA runs
//! on the dispatched backend only (its hashing is not what the lattice backends change).
//!
//! Each row is the median over several batches of the time per operation. Key generation,
//! encapsulation and signing run their deterministic forms (from a seed, with a given m, with
//! rnd = 0 or opt_rand = PK.seed), so that the operating system's RNG is not part of what is
//! timed, as in the peers' benchmarks. SLH-DSA's slow operations (everything of the "s" sets,
//! and signing) take the median of a few single runs instead of batches. ML-DSA's "ver-prep" is
//! verification with a `PreparedVerifyingKey` (Â and NTT(t₁·2^d) computed once per key).
//!
//! The hybrids: X-Wing as ML-KEM (keygen from the seed, encaps with a given eseed); each TLS
//! group's three steps, "client" (the client's key exchange and share, as at a ClientHello),
//! "server" (the server's share and secret from the client's share) and "complete" (the
//! client's secret from the server's share), with randomness from a counter, not the OS.

use std::hint::black_box;
use std::time::{Duration, Instant};

use pqfips::backend::{self, Backend};
use pqfips::hybrid::tls::{
    ClientKeyExchange, Group, SecP256r1MlKem768, SecP384r1MlKem1024, X25519MlKem768,
    server_key_share,
};
use pqfips::ml_dsa::{self, MlDsa44, MlDsa65, MlDsa87};
use pqfips::ml_kem::{self, DecapsulationKey, MlKem512, MlKem768, MlKem1024};
use pqfips::slh_dsa::{self, SigningKey};

/// Runs `f` in batches for about `budget` and returns the median time per call.
fn time<T>(budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().max(Duration::from_nanos(50));
    let batches = 11u32;
    let per_batch = ((budget / batches).as_nanos() / once.as_nanos()).clamp(1, 1_000_000) as u32;
    let mut samples: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                black_box(f());
            }
            start.elapsed() / per_batch
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

/// The median of `runs` single calls of `f`, for operations too slow to batch.
fn time_few<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn row(algorithm: &str, operation: &str, t: Duration) {
    let us = t.as_secs_f64() * 1e6;
    println!(
        "{algorithm:<24} {operation:<8} {us:>12.1} {:>12.0}",
        1e6 / us
    );
}

/// The backends to compare, as chosen on the command line.
struct Backends(Vec<Backend>);

impl Backends {
    /// Times `f` on each backend in turn and prints one row: µs per backend, then the
    /// speed-up of the last (the best) over the first.
    fn row<T>(&self, algorithm: &str, operation: &str, budget: Duration, mut f: impl FnMut() -> T) {
        let mut line = format!("{algorithm:<24} {operation:<8}");
        let mut times = Vec::new();
        for &b in &self.0 {
            backend::force(Some(b));
            times.push(time(budget, &mut f).as_secs_f64() * 1e6);
            line += &format!(" {:>10.1}", times[times.len() - 1]);
        }
        backend::force(None);
        if times.len() > 1 {
            line += &format!(" {:>7.2}×", times[0] / times[times.len() - 1]);
        }
        println!("{line}");
    }
}

fn ml_kem<P: ml_kem::ParameterSet>(b: &Backends, budget: Duration) {
    let seed = [0x42u8; 64];
    let m = [0x24u8; 32];
    let dk = DecapsulationKey::<P>::from_seed(&seed);
    let ek = dk.encapsulation_key();
    let (ct, _) = ml_kem::hazmat::encapsulate_deterministic(ek, &m);
    b.row(P::NAME, "keygen", budget, || {
        DecapsulationKey::<P>::from_seed(black_box(&seed))
    });
    b.row(P::NAME, "encaps", budget, || {
        ml_kem::hazmat::encapsulate_deterministic(ek, black_box(&m))
    });
    b.row(P::NAME, "decaps", budget, || dk.decapsulate(black_box(&ct)));
}

/// Signing time depends on the number of rejections, so it is timed over 64 different
/// messages, cycled, rather than one.
fn ml_dsa<P: ml_dsa::ParameterSet>(b: &Backends, budget: Duration) {
    let seed = [0x42u8; 32];
    let sk = ml_dsa::SigningKey::<P>::from_seed(&seed);
    let vk = sk.verifying_key();
    let messages: Vec<[u8; 32]> = (0..64u8).map(|i| [i; 32]).collect();
    let sig = sk.sign_deterministic(&messages[0], b"").unwrap();
    b.row(P::NAME, "keygen", budget, || {
        ml_dsa::SigningKey::<P>::from_seed(black_box(&seed))
    });
    let mut i = 0;
    b.row(P::NAME, "sign", budget, || {
        i = (i + 1) % messages.len();
        sk.sign_deterministic(black_box(&messages[i]), b"")
    });
    b.row(P::NAME, "verify", budget, || {
        vk.verify(black_box(&messages[0]), b"", &sig)
    });
    let prepared = vk.prepare();
    b.row(P::NAME, "ver-prep", budget, || {
        prepared.verify(black_box(&messages[0]), b"", &sig)
    });
}

fn slh_dsa<P: slh_dsa::ParameterSet>(budget: Duration, runs: usize) {
    let seed = P::Seed::try_from(&[0x42u8; 32][..P::N]).expect("n bytes");
    let msg = [0x33u8; 32];
    let sk = SigningKey::<P>::from_seeds(&seed, &seed, &seed);
    let vk = sk.verifying_key();
    let sig = sk.sign_deterministic(&msg, b"").expect("empty context");
    let slow = P::HP > 4;
    let keygen = || SigningKey::<P>::from_seeds(black_box(&seed), &seed, &seed);
    row(
        P::NAME,
        "keygen",
        if slow {
            time_few(runs, keygen)
        } else {
            time(budget, keygen)
        },
    );
    row(
        P::NAME,
        "sign",
        time_few(runs, || sk.sign_deterministic(black_box(&msg), b"")),
    );
    row(
        P::NAME,
        "verify",
        time(budget, || vk.verify(black_box(&msg), b"", &sig)),
    );
}

/// Deterministic bytes for the hybrids' generating calls: a counter, so that the OS RNG is not
/// timed and every call gets fresh values.
struct CounterRng(u64);

impl rand_core::TryRng for CounterRng {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.try_next_u64()? as u32)
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        Ok(self.0)
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        for chunk in dst.chunks_mut(8) {
            chunk.copy_from_slice(&self.try_next_u64()?.to_le_bytes()[..chunk.len()]);
        }
        Ok(())
    }
}

impl rand_core::TryCryptoRng for CounterRng {}

fn xwing(budget: Duration) {
    use pqfips::hybrid::xwing::{DecapsulationKey, hazmat};
    let seed = [0x42u8; 32];
    let eseed = [0x24u8; 64];
    let dk = DecapsulationKey::from_seed(&seed);
    let ek = dk.encapsulation_key();
    let (ct, _) = hazmat::encapsulate_deterministic(ek, &eseed);
    let keygen = time(budget, || DecapsulationKey::from_seed(black_box(&seed)));
    row("X-Wing", "keygen", keygen);
    let encaps = time(budget, || {
        hazmat::encapsulate_deterministic(ek, black_box(&eseed))
    });
    row("X-Wing", "encaps", encaps);
    row(
        "X-Wing",
        "decaps",
        time(budget, || dk.decapsulate(black_box(&ct))),
    );
}

fn tls_group<G: Group>(budget: Duration) {
    let mut rng = CounterRng(1);
    let client = ClientKeyExchange::<G>::generate(&mut rng);
    let (share, _) =
        server_key_share::<G, _>(&mut rng, client.key_share().as_ref()).expect("valid");
    row(
        G::NAME,
        "client",
        time(budget, || ClientKeyExchange::<G>::generate(&mut rng)),
    );
    row(
        G::NAME,
        "server",
        time(budget, || {
            server_key_share::<G, _>(&mut rng, black_box(client.key_share().as_ref()))
        }),
    );
    row(
        G::NAME,
        "complete",
        time(budget, || client.complete(black_box(share.as_ref()))),
    );
}

fn main() {
    let budget = Duration::from_millis(300);
    let args: Vec<String> = std::env::args().collect();
    let chosen = args
        .iter()
        .position(|a| a == "--backend")
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| std::env::var("PQFIPS_BACKEND").ok());
    let backends = match chosen {
        Some(name) => {
            let b = backend::available()
                .find(|b| b.name() == name)
                .unwrap_or_else(|| panic!("backend {name} is not available on this CPU"));
            vec![b]
        }
        None => backend::available().collect(),
    };
    let names: Vec<&str> = backends.iter().map(|b| b.name()).collect();
    let b = Backends(backends);
    println!(
        "pqfips {} speed; CPU backends: {}; dispatched: {}",
        env!("CARGO_PKG_VERSION"),
        backend::available()
            .map(|b| b.name())
            .collect::<Vec<_>>()
            .join(", "),
        backend::active()
    );
    let mut header = format!("{:<24} {:<8}", "algorithm", "op");
    for name in &names {
        header += &format!(" {:>10}", format!("µs {name}"));
    }
    if names.len() > 1 {
        header += &format!(" {:>8}", "speed-up");
    }
    println!("{header}");
    ml_kem::<MlKem512>(&b, budget);
    ml_kem::<MlKem768>(&b, budget);
    ml_kem::<MlKem1024>(&b, budget);
    ml_dsa::<MlDsa44>(&b, budget);
    ml_dsa::<MlDsa65>(&b, budget);
    ml_dsa::<MlDsa87>(&b, budget);
    if let [only] = b.0[..] {
        backend::force(Some(only));
    }
    println!();
    println!(
        "{:<24} {:<8} {:>12} {:>12}   (backend: {})",
        "algorithm",
        "op",
        "µs/op",
        "ops/s",
        backend::active()
    );
    // The hybrids: ML-KEM plus X25519 (x25519-dalek) or P-256 / P-384 (RustCrypto).
    xwing(budget);
    tls_group::<X25519MlKem768>(budget);
    tls_group::<SecP256r1MlKem768>(budget);
    tls_group::<SecP384r1MlKem1024>(budget);
    // The "s" sets take up to a second per signature: three runs each.
    slh_dsa::<slh_dsa::SlhDsaSha2_128s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaShake128s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaSha2_128f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaShake128f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaSha2_192s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaShake192s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaSha2_192f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaShake192f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaSha2_256s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaShake256s>(budget, 3);
    slh_dsa::<slh_dsa::SlhDsaSha2_256f>(budget, 11);
    slh_dsa::<slh_dsa::SlhDsaShake256f>(budget, 11);
}
