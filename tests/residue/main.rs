//! No secret survives an operation on the stack: for every operation that touches a secret, in
//! every parameter set, 512 KiB of stack are painted with zeros, the operation runs once (in a
//! frame of its own, through [`scan::residue_of`]), everything it returned is dropped, and the
//! painted region is searched for every secret the standards name that this test can compute
//! on its own ([`spec`]): seeds, keys in their encoded and in-memory forms, and the
//! intermediates of key generation, encapsulation, decapsulation and signing. A finding names
//! the parameter set, the operation, the secret and how far below the caller's frame it lay.
//!
//! Every case runs on every backend the CPU has, each forced in turn, and SLH-DSA's SHA2 sets
//! also with the SHA extensions off: each path has frames of its own, and a finding names its
//! path too.
//!
//! What the test cannot see: secrets in registers, in memory the operation was handed (the
//! caller's), or in the caller's own copies (see the README's Security section). What it
//! proves it can see: [`the_scan_reports_a_secret_left_behind`] plants a copy and expects a
//! report, and every needle modelled on the crate's in-memory layout is first found inside a
//! live key ([`assert_found_in`]).
//!
//! Inputs live on the heap (owned by the closures), as a caller's keys would; random bytes come
//! from a scripted generator reading from the heap, so that the test knows them.

#[path = "../common/mod.rs"]
mod common;
#[cfg(any(
    feature = "xwing",
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
mod hybrid;
mod scan;
mod spec;

use std::convert::Infallible;
use std::hint::black_box;

use pqfips::PreHash;
use pqfips::ml_dsa::{self, MlDsa44, MlDsa65, MlDsa87};
use pqfips::ml_kem::{self, MlKem512, MlKem768, MlKem1024};
use pqfips::slh_dsa::{
    self, SlhDsaSha2_128f, SlhDsaSha2_128s, SlhDsaSha2_192f, SlhDsaSha2_192s, SlhDsaSha2_256f,
    SlhDsaSha2_256s, SlhDsaShake128f, SlhDsaShake128s, SlhDsaShake192f, SlhDsaShake192s,
    SlhDsaShake256f, SlhDsaShake256s,
};
use rand_core::{TryCryptoRng, TryRng};

use common::{Path, on_every_backend, on_every_path_of};
use scan::{Needle, needles, residue_of};

/// One operation of one parameter set and the secrets it must not leave behind.
struct Case {
    set: &'static str,
    op: &'static str,
    run: Box<dyn Fn() + Send + Sync>,
    needles: Vec<Needle>,
}

/// Runs every case and returns one line per finding (empty when the stack is clean).
fn findings(cases: &[Case]) -> Vec<String> {
    let mut report = Vec::new();
    for case in cases {
        let residue = residue_of(&*case.run);
        for f in residue.find(&case.needles) {
            report.push(format!(
                "{} {}: {} at {} bytes below the caller's frame (stack used: {})",
                case.set,
                case.op,
                f.secret,
                f.offset,
                residue.depth()
            ));
        }
    }
    report
}

/// Runs every case on every backend the CPU has, each forced in turn, and for SLH-DSA's SHA2
/// sets also with the SHA extensions off: each path runs code of its own (the portable loops,
/// the SIMD kernels' spills, the SHA-NI rounds), and one may leave behind what another wipes.
/// Fails with every finding of every path, each line naming its path.
fn check(what: &str, cases: Vec<Case>) {
    assert!(!cases.is_empty());
    let needles: usize = cases.iter().map(|c| c.needles.len()).sum();
    let mut report = Vec::new();
    let paths = on_every_path_of(cases[0].set, |path: Path| {
        let found = findings(&cases);
        println!(
            "{what} on {path}: {} operations, {needles} needles, {} findings",
            cases.len(),
            found.len()
        );
        report.extend(found.into_iter().map(|line| format!("{path}: {line}")));
    });
    assert!(!paths.is_empty());
    assert!(
        report.is_empty(),
        "secrets left on the stack:\n{}",
        report.join("\n")
    );
}

/// Random bytes read in order from a script on the heap.
struct Scripted {
    bytes: Vec<u8>,
    at: usize,
}

impl Scripted {
    fn new(parts: &[&[u8]]) -> Self {
        Self {
            bytes: parts.concat(),
            at: 0,
        }
    }
}

impl TryRng for Scripted {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        unimplemented!("the algorithms draw bytes only")
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        unimplemented!("the algorithms draw bytes only")
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        dst.copy_from_slice(&self.bytes[self.at..self.at + dst.len()]);
        self.at += dst.len();
        Ok(())
    }
}

impl TryCryptoRng for Scripted {}

/// Test inputs that look random (secrets made of a repeated byte would match by chance).
fn bytes(label: &str, set: &str, len: usize) -> Vec<u8> {
    spec::shake256(&[label.as_bytes(), set.as_bytes()], len)
}

/// The bytes of a live object, to check needles modelled on the in-memory layout against.
fn object_bytes<T>(value: &T) -> &[u8] {
    // SAFETY: reads `size_of::<T>()` bytes of a live, borrowed `T`; the key types hold plain
    // arrays, so every byte is initialised.
    unsafe { std::slice::from_raw_parts(std::ptr::from_ref(value).cast::<u8>(), size_of::<T>()) }
}

/// Every needle occurs in `object`: the in-memory model behind them is the crate's.
fn assert_found_in(what: &str, object: &[u8], needles: &[Needle]) {
    assert!(!needles.is_empty(), "{what}: no needles");
    for n in needles {
        assert!(
            object.windows(n.bytes.len()).any(|w| w == n.bytes),
            "{what}: {} is not where the key keeps it: the needle's model is wrong",
            n.name
        );
    }
}

// ---------------------------------------------------------------------------------------------
// ML-KEM

fn ml_kem<P: ml_kem::ParameterSet>() -> Vec<Case> {
    use ml_kem::{Ciphertext, DecapsulationKey, EncapsulationKey};
    let set = P::NAME;
    let seed: [u8; 64] = bytes("d‖z", set, 64).try_into().unwrap();
    let m = bytes("m", set, 32);
    let s = spec::ml_kem::keygen(&seed, P::K, P::ETA1);

    let dk = DecapsulationKey::<P>::from_seed(&seed);
    let ek_bytes = dk.encapsulation_key().to_bytes().as_ref().to_vec();
    let dk_bytes = dk.to_expanded_bytes().as_ref().to_vec();
    assert_eq!(dk_bytes[..s.dk_pke.len()], s.dk_pke[..], "{set}: dk_PKE");
    let s_hat = needles("ŝ (in memory)", &s.s_hat_memory, 8);
    assert_found_in(set, object_bytes(&dk), &s_hat);

    let (k, r) = spec::ml_kem::k_and_r(&m, &ek_bytes);
    let ek = EncapsulationKey::<P>::from_bytes(&ek_bytes).unwrap();
    let (ct, ss) = ek.encapsulate(&mut Scripted::new(&[&m]));
    assert_eq!(ss.as_bytes()[..], k[..], "{set}: K");
    let c = ct.as_ref().to_vec();
    assert_eq!(
        spec::ml_kem::decrypt(&s, &c, P::DU, P::DV),
        m,
        "{set}: K-PKE.Decrypt"
    );
    let k_bar = spec::ml_kem::k_bar(&s.z, &c);
    // A modified ciphertext: implicit rejection, with its own m′, K′, r′ and K̄.
    let mut c_bad = c.clone();
    c_bad[0] ^= 1;
    let m_bad = spec::ml_kem::decrypt(&s, &c_bad, P::DU, P::DV);
    let (k_bad, r_bad) = spec::ml_kem::k_and_r(&m_bad, &ek_bytes);
    let k_bar_bad = spec::ml_kem::k_bar(&s.z, &c_bad);
    let ct_bad = Ciphertext::<P>::try_from(&c_bad[..]).unwrap();
    assert_eq!(dk.decapsulate(&ct_bad).as_bytes()[..], k_bar_bad[..]);

    let key = || {
        let mut v = needles("d", &s.d, 1);
        v.extend(needles("z", &s.z, 1));
        v.extend(needles("σ", &s.sigma, 1));
        v.extend(needles("ŝ (in memory)", &s.s_hat_memory, 8));
        v.extend(needles("dk_PKE", &s.dk_pke, 8));
        v
    };
    let with = |extra: &[(&str, &[u8])]| {
        let mut v = key();
        for (name, bytes) in extra {
            v.extend(needles(name, bytes, 1));
        }
        v
    };
    let dk = std::sync::Arc::new(dk);
    let case = |op, needles, run: Box<dyn Fn() + Send + Sync>| Case {
        set,
        op,
        run,
        needles,
    };
    vec![
        case("generate", key(), {
            let seed = seed.to_vec();
            Box::new(move || {
                let dk = DecapsulationKey::<P>::generate(&mut Scripted::new(&[&seed]));
                black_box(&dk);
            })
        }),
        case(
            "from_seed",
            key(),
            Box::new(move || {
                let dk = DecapsulationKey::<P>::from_seed(black_box(&seed));
                black_box(&dk);
            }),
        ),
        case("encapsulate", with(&[("m", &m), ("K", &k), ("r", &r)]), {
            let m = m.clone();
            Box::new(move || {
                let result = black_box(&ek).encapsulate(&mut Scripted::new(&[&m]));
                black_box(&result);
            })
        }),
        case(
            "decapsulate (valid)",
            with(&[("m′", &m), ("K′", &k), ("r′", &r), ("K̄", &k_bar)]),
            {
                let dk = dk.clone();
                Box::new(move || {
                    let ss = black_box(&*dk).decapsulate(black_box(&ct));
                    black_box(&ss);
                })
            },
        ),
        case(
            "decapsulate (modified)",
            with(&[
                ("m′", &m_bad),
                ("K′", &k_bad),
                ("r′", &r_bad),
                ("K̄", &k_bar_bad),
            ]),
            {
                let dk = dk.clone();
                Box::new(move || {
                    let ss = black_box(&*dk).decapsulate(black_box(&ct_bad));
                    black_box(&ss);
                })
            },
        ),
        case(
            "from_expanded_bytes",
            key(),
            Box::new(move || {
                let dk = DecapsulationKey::<P>::from_expanded_bytes(black_box(&dk_bytes));
                black_box(&dk);
            }),
        ),
        case(
            "to_expanded_bytes",
            key(),
            Box::new(move || {
                let bytes = black_box(&*dk).to_expanded_bytes();
                black_box(&bytes);
            }),
        ),
    ]
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "about release builds: cargo test --release"
)]
fn ml_kem_leaves_no_secret_on_the_stack() {
    let mut cases = ml_kem::<MlKem512>();
    cases.extend(ml_kem::<MlKem768>());
    cases.extend(ml_kem::<MlKem1024>());
    check("ML-KEM", cases);
}

// ---------------------------------------------------------------------------------------------
// ML-DSA

fn ml_dsa<P: ml_dsa::ParameterSet>() -> Vec<Case> {
    use ml_dsa::{Mu, SigningKey};
    let set = P::NAME;
    let xi: [u8; 32] = bytes("ξ", set, 32).try_into().unwrap();
    let rnd = bytes("rnd", set, 32);
    let msg = bytes("message", set, 40);
    let (rho_prime, key) = spec::ml_dsa::seeds(&xi, P::K, P::L);

    let sk = SigningKey::<P>::from_seed(&xi);
    let sk_bytes = sk.to_expanded_bytes().as_ref().to_vec();
    let sk_import = sk_bytes.clone();
    let vk_bytes = sk.verifying_key().to_bytes().as_ref().to_vec();
    assert_eq!(sk_bytes[32..64], key[..], "{set}: K");
    let enc = spec::ml_dsa::split_sk(&sk_bytes, P::K, P::L, i64::from(P::ETA));
    let eta_bits = if P::ETA == 2 { 3 } else { 4 };
    let mut in_memory = Vec::new();
    for (name, polys, bits, b) in [
        ("NTT(s₁)", &enc.s1, eta_bits, i64::from(P::ETA)),
        ("NTT(s₂)", &enc.s2, eta_bits, i64::from(P::ETA)),
        ("NTT(t₀)", &enc.t0, 13, 1 << 12),
    ] {
        for (i, p) in polys.iter().enumerate() {
            let f = spec::ml_dsa::unpack(p, bits, b);
            let name = format!("{name}[{i}] (in memory)");
            in_memory.extend(needles(&name, &spec::ml_dsa::ntt_memory(&f), 2));
        }
    }
    assert_found_in(set, object_bytes(&sk), &in_memory);
    let key_needles = || {
        let mut v = needles("ξ", &xi, 1);
        v.extend(needles("ρ′", &rho_prime, 2));
        v.extend(needles("K", &key, 1));
        for (name, polys) in [("s₁", &enc.s1), ("s₂", &enc.s2), ("t₀", &enc.t0)] {
            for (i, p) in polys.iter().enumerate() {
                v.extend(needles(&format!("{name}[{i}] (encoded)"), p, 2));
            }
        }
        for (name, polys, bits, b) in [
            ("NTT(s₁)", &enc.s1, eta_bits, i64::from(P::ETA)),
            ("NTT(s₂)", &enc.s2, eta_bits, i64::from(P::ETA)),
            ("NTT(t₀)", &enc.t0, 13, 1 << 12),
        ] {
            for (i, p) in polys.iter().enumerate() {
                let f = spec::ml_dsa::unpack(p, bits, b);
                let name = format!("{name}[{i}] (in memory)");
                v.extend(needles(&name, &spec::ml_dsa::ntt_memory(&f), 2));
            }
        }
        v
    };
    // The secrets of one signature: ρ″ and the first mask y (raw and as held), and rnd.
    let signing = |m_prime: &[&[u8]], rnd: &[u8]| {
        let mu = spec::ml_dsa::mu(&vk_bytes, m_prime);
        let rho_pp = spec::ml_dsa::rho_pp(&key, rnd, &mu);
        let (stream, y) = spec::ml_dsa::first_mask(&rho_pp, i64::from(P::GAMMA1));
        let mut v = key_needles();
        v.extend(needles("ρ″", &rho_pp, 2));
        v.extend(needles("ExpandMask(ρ″, 0) output", &stream, 2));
        v.extend(needles("y[0] (in memory)", &y, 2));
        if rnd.iter().any(|&b| b != 0) {
            v.extend(needles("rnd", rnd, 1));
        }
        (v, mu)
    };
    let pure: Vec<u8> = [&[0u8, 0][..], &msg].concat();
    let oid = [
        0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03,
    ];
    let prehashed: Vec<u8> = [&[1u8, 0][..], &oid, &spec::ml_dsa::sha512(&msg)].concat();
    let (hedged, _) = signing(&[&pure], &rnd);
    let (deterministic, _) = signing(&[&pure], &[0; 32]);
    let (prehash, _) = signing(&[&prehashed], &rnd);
    let (external, mu) = signing(&[&pure], &rnd);
    let mu = Mu::from(<[u8; 64]>::try_from(&mu[..]).unwrap());

    let sk = std::sync::Arc::new(sk);
    let case = |op, needles, run: Box<dyn Fn() + Send + Sync>| Case {
        set,
        op,
        run,
        needles,
    };
    let with_sk = |f: fn(&SigningKey<P>, &[u8], &[u8], &Mu)| {
        let (sk, rnd, msg) = (sk.clone(), rnd.clone(), msg.clone());
        Box::new(move || f(black_box(&sk), &rnd, &msg, &mu)) as Box<dyn Fn() + Send + Sync>
    };
    vec![
        case("generate", key_needles(), {
            Box::new(move || {
                let sk = SigningKey::<P>::generate(&mut Scripted::new(&[&xi]));
                black_box(&sk);
            })
        }),
        case(
            "from_seed",
            key_needles(),
            Box::new(move || {
                let sk = SigningKey::<P>::from_seed(black_box(&xi));
                black_box(&sk);
            }),
        ),
        case(
            "sign (hedged)",
            hedged,
            with_sk(|sk, rnd, msg, _| {
                let sig = sk.sign(&mut Scripted::new(&[rnd]), msg, b"");
                black_box(&sig);
            }),
        ),
        case(
            "sign_deterministic",
            deterministic,
            with_sk(|sk, _, msg, _| {
                let sig = sk.sign_deterministic(msg, b"");
                black_box(&sig);
            }),
        ),
        case(
            "sign_prehash (SHA2-512)",
            prehash,
            with_sk(|sk, rnd, msg, _| {
                let sig = sk.sign_prehash(&mut Scripted::new(&[rnd]), PreHash::Sha2_512, msg, b"");
                black_box(&sig);
            }),
        ),
        case(
            "sign_mu",
            external,
            with_sk(|sk, rnd, _, mu| {
                let sig = sk.sign_mu(&mut Scripted::new(&[rnd]), mu);
                black_box(&sig);
            }),
        ),
        case(
            "from_expanded_bytes",
            key_needles(),
            Box::new(move || {
                let sk = SigningKey::<P>::from_expanded_bytes(black_box(&sk_import));
                black_box(&sk);
            }),
        ),
        case(
            "to_expanded_bytes",
            key_needles(),
            with_sk(|sk, _, _, _| {
                let bytes = sk.to_expanded_bytes();
                black_box(&bytes);
            }),
        ),
    ]
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "about release builds: cargo test --release"
)]
fn ml_dsa_leaves_no_secret_on_the_stack() {
    let mut cases = ml_dsa::<MlDsa44>();
    cases.extend(ml_dsa::<MlDsa65>());
    cases.extend(ml_dsa::<MlDsa87>());
    check("ML-DSA", cases);
}

// ---------------------------------------------------------------------------------------------
// SLH-DSA

fn slh_dsa<P: slh_dsa::ParameterSet>() -> Vec<Case> {
    use slh_dsa::{Signature, SigningKey};
    let set = P::NAME;
    let p = spec::slh_dsa::Params {
        sha2: set.contains("SHA2"),
        n: P::N,
        h: P::H,
        d: P::D,
        a: P::A,
        k: P::K,
    };
    let seed = |label| P::Seed::try_from(&bytes(label, set, P::N)[..]).unwrap();
    let (sk_seed, sk_prf, pk_seed) = (seed("SK.seed"), seed("SK.prf"), seed("PK.seed"));
    let addrnd = bytes("addrnd", set, P::N);
    let msg = bytes("message", set, 40);
    let m_prime: Vec<u8> = [&[0u8, 0][..], &msg].concat();

    let sk = SigningKey::<P>::from_seeds(&sk_seed, &sk_prf, &pk_seed);
    let sk_bytes = sk.to_bytes().as_ref().to_vec();
    let pk_root = sk.verifying_key().to_bytes().as_ref()[P::N..].to_vec();
    let (sk_seed_v, sk_prf_v, pk_seed_v) = (
        sk_seed.as_ref().to_vec(),
        sk_prf.as_ref().to_vec(),
        pk_seed.as_ref().to_vec(),
    );
    let (sk_seed_b, sk_prf_b, pk_seed_b) = (&sk_seed_v[..], &sk_prf_v[..], &pk_seed_v[..]);

    // Key generation computes every WOTS+ key of the top XMSS tree; so does signing.
    let key_needles = || {
        let mut v = needles("SK.seed", sk_seed_b, 1);
        v.extend(needles("SK.prf", sk_prf_b, 1));
        for chain in 0..2 {
            let top = spec::slh_dsa::wots_sk(p, pk_seed_b, sk_seed_b, P::D as u32 - 1, 0, 0, chain);
            v.extend(needles(
                &format!("WOTS+ sk (top tree, key 0, chain {chain})"),
                &top,
                1,
            ));
        }
        v
    };
    // Signing also computes the FORS secret values of the whole FORS trees and the WOTS+ keys
    // of the bottom XMSS tree; the ones never revealed are siblings of the signed ones.
    let signing = |opt_rand: &[u8]| {
        let r = spec::slh_dsa::r(p, sk_prf_b, opt_rand, &m_prime);
        let (idx_tree, idx_leaf, indices) =
            spec::slh_dsa::signing_position(p, &r, pk_seed_b, &pk_root, &m_prime);
        let mut v = key_needles();
        let mut revealed = Vec::new();
        for (t, &i) in indices.iter().enumerate().take(2) {
            let base = (t as u32) << P::A;
            let fors =
                |j| spec::slh_dsa::fors_sk(p, pk_seed_b, sk_seed_b, idx_tree, idx_leaf, base + j);
            revealed.push(fors(i));
            v.extend(needles(
                &format!("FORS sk (tree {t}, leaf {})", i ^ 1),
                &fors(i ^ 1),
                1,
            ));
        }
        let wots = spec::slh_dsa::wots_sk(p, pk_seed_b, sk_seed_b, 0, idx_tree, idx_leaf ^ 1, 0);
        v.extend(needles(
            "WOTS+ sk (bottom tree, sibling key, chain 0)",
            &wots,
            1,
        ));
        (v, r, revealed)
    };
    // The model is checked against a real signature: R and the revealed FORS values.
    let (deterministic, r, revealed) = signing(pk_seed_b);
    let sig = sk.sign_deterministic(&msg, b"").unwrap();
    let sig = sig.as_ref();
    assert_eq!(sig[..P::N], r[..], "{set}: R");
    for (t, value) in revealed.iter().enumerate() {
        let at = P::N + t * (1 + P::A) * P::N;
        assert_eq!(sig[at..at + P::N], value[..], "{set}: FORS tree {t}");
    }
    let (hedged, _, _) = signing(&addrnd);

    let sk = std::sync::Arc::new(sk);
    let case = |op, needles, run: Box<dyn Fn() + Send + Sync>| Case {
        set,
        op,
        run,
        needles,
    };
    let seeds: Vec<u8> = [sk_seed_b, sk_prf_b, pk_seed_b].concat();
    let mut cases = vec![
        case(
            "generate",
            key_needles(),
            Box::new(move || {
                let sk = SigningKey::<P>::generate(&mut Scripted::new(&[&seeds]));
                black_box(&sk);
            }),
        ),
        case(
            "from_seeds",
            key_needles(),
            Box::new(move || {
                let sk = SigningKey::<P>::from_seeds(
                    black_box(&sk_seed),
                    black_box(&sk_prf),
                    black_box(&pk_seed),
                );
                black_box(&sk);
            }),
        ),
        case("sign (hedged)", hedged.clone_needles(), {
            let (sk, addrnd, msg) = (sk.clone(), addrnd.clone(), msg.clone());
            Box::new(move || {
                let sig = black_box(&*sk).sign(&mut Scripted::new(&[&addrnd]), &msg, b"");
                black_box(&sig);
            })
        }),
        case("sign_into (hedged)", hedged, {
            let (sk, addrnd, msg) = (sk.clone(), addrnd.clone(), msg.clone());
            Box::new(move || {
                let mut sig = Box::new(Signature::<P>::default());
                let result =
                    black_box(&*sk).sign_into(&mut Scripted::new(&[&addrnd]), &msg, b"", &mut sig);
                black_box((&result, &sig));
            })
        }),
        case("sign_deterministic", deterministic, {
            let (sk, msg) = (sk.clone(), msg.clone());
            Box::new(move || {
                let sig = black_box(&*sk).sign_deterministic(&msg, b"");
                black_box(&sig);
            })
        }),
        case(
            "from_bytes",
            key_needles(),
            Box::new(move || {
                let sk = SigningKey::<P>::from_bytes(black_box(&sk_bytes));
                black_box(&sk);
            }),
        ),
        case(
            "to_bytes",
            key_needles(),
            Box::new(move || {
                let bytes = black_box(&*sk).to_bytes();
                black_box(&bytes);
            }),
        ),
    ];
    // An "s" set signs about ten times slower than its "f" set, through the same code with
    // other tree sizes: it gets one signing case (hedged `sign`, which checks every secret
    // the three variants compute), the "f" sets all three.
    if set.ends_with('s') {
        cases.retain(|c| !matches!(c.op, "sign_into (hedged)" | "sign_deterministic"));
    }
    cases
}

trait CloneNeedles {
    fn clone_needles(&self) -> Vec<Needle>;
}

impl CloneNeedles for Vec<Needle> {
    fn clone_needles(&self) -> Vec<Needle> {
        self.iter()
            .map(|n| Needle {
                name: n.name.clone(),
                bytes: n.bytes.clone(),
            })
            .collect()
    }
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "about release builds: cargo test --release"
)]
fn slh_dsa_sha2_leaves_no_secret_on_the_stack() {
    let mut cases = slh_dsa::<SlhDsaSha2_128s>();
    cases.extend(slh_dsa::<SlhDsaSha2_128f>());
    cases.extend(slh_dsa::<SlhDsaSha2_192s>());
    cases.extend(slh_dsa::<SlhDsaSha2_192f>());
    cases.extend(slh_dsa::<SlhDsaSha2_256s>());
    cases.extend(slh_dsa::<SlhDsaSha2_256f>());
    check("SLH-DSA SHA2", cases);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "about release builds: cargo test --release"
)]
fn slh_dsa_shake_leaves_no_secret_on_the_stack() {
    let mut cases = slh_dsa::<SlhDsaShake128s>();
    cases.extend(slh_dsa::<SlhDsaShake128f>());
    cases.extend(slh_dsa::<SlhDsaShake192s>());
    cases.extend(slh_dsa::<SlhDsaShake192f>());
    cases.extend(slh_dsa::<SlhDsaShake256s>());
    cases.extend(slh_dsa::<SlhDsaShake256f>());
    check("SLH-DSA SHAKE", cases);
}

// ---------------------------------------------------------------------------------------------
// Hybrids (tests/residue/hybrid.rs)

#[test]
#[cfg(feature = "xwing")]
#[cfg_attr(
    debug_assertions,
    ignore = "about release builds: cargo test --release"
)]
fn xwing_leaves_no_secret_on_the_stack() {
    check("X-Wing", hybrid::xwing());
}

#[test]
#[cfg(all(
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
#[cfg_attr(
    debug_assertions,
    ignore = "about release builds: cargo test --release"
)]
fn tls_groups_leave_no_secret_on_the_stack() {
    let mut cases = hybrid::x25519mlkem768();
    cases.extend(hybrid::secp256r1mlkem768());
    cases.extend(hybrid::secp384r1mlkem1024());
    check("TLS hybrid groups", cases);
}

// ---------------------------------------------------------------------------------------------
// The scan itself

/// A planted fault: the operation is clean, but the closure keeps an unwiped copy of the
/// shared secret in its frame. The scan must report it, by name, inside the region it used, on
/// every backend.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "about release builds: cargo test --release"
)]
fn the_scan_reports_a_secret_left_behind() {
    let mut cases = ml_kem::<MlKem768>();
    let encaps = cases
        .iter_mut()
        .find(|c| c.op == "encapsulate")
        .expect("an encapsulation case");
    let m = bytes("m", <MlKem768 as ml_kem::ParameterSet>::NAME, 32);
    let dk = ml_kem::DecapsulationKey::<MlKem768>::from_seed(
        &bytes("d‖z", <MlKem768 as ml_kem::ParameterSet>::NAME, 64)
            .try_into()
            .unwrap(),
    );
    let ek = dk.encapsulation_key().clone();
    encaps.run = Box::new(move || {
        let copy: [u8; 32] = {
            let (_, ss) = ek.encapsulate(&mut Scripted::new(&[&m]));
            *ss.as_bytes()
        };
        black_box(&copy);
    });
    encaps.op = "encapsulate, with a planted copy of K";
    // On every backend: the scan does not depend on one, but the frames the planted copy lies
    // among do, and the scan must find it among each backend's.
    let backends = on_every_backend(|backend| {
        let report = findings(std::slice::from_ref(encaps));
        assert!(
            report.iter().any(|line| line.contains(": K at ")),
            "{backend}: the planted copy of K was not reported: {report:#?}"
        );
    });
    assert!(backends >= 1);
}
