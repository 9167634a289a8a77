//! NIST ACVP vectors for FIPS 205: every case of the three files run, and counted, on every
//! SHA-2 path the CPU has (each backend forced in turn, with and without the SHA extensions).
//!
//! Signing the "s" sets is slow in a debug build; run with `cargo test --release`. The sigGen
//! cases are spread over two threads; each thread counts what it ran and the totals are
//! checked against the file and against the count FORMAT.md documents.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::{
    FixedRng, Path, bool_field, case_count, groups, hex_field, load, on_every_path, prehash_digest,
    str_field, tc_id, tests,
};
use pqfips::slh_dsa::{
    ParameterSet, Signature, SigningKey, SlhDsaSha2_128f, SlhDsaSha2_128s, SlhDsaSha2_192f,
    SlhDsaSha2_192s, SlhDsaSha2_256f, SlhDsaSha2_256s, SlhDsaShake128f, SlhDsaShake128s,
    SlhDsaShake192f, SlhDsaShake192s, SlhDsaShake256f, SlhDsaShake256s, VerifyingKey, hazmat,
};
use pqfips::{Error, PreHash};
use serde_json::Value;

/// Calls `$f::<P>(args)` for the parameter set named in the vector file.
macro_rules! for_set {
    ($name:expr, $f:ident($($arg:expr),*)) => {
        match $name {
            "SLH-DSA-SHA2-128s" => $f::<SlhDsaSha2_128s>($($arg),*),
            "SLH-DSA-SHAKE-128s" => $f::<SlhDsaShake128s>($($arg),*),
            "SLH-DSA-SHA2-128f" => $f::<SlhDsaSha2_128f>($($arg),*),
            "SLH-DSA-SHAKE-128f" => $f::<SlhDsaShake128f>($($arg),*),
            "SLH-DSA-SHA2-192s" => $f::<SlhDsaSha2_192s>($($arg),*),
            "SLH-DSA-SHAKE-192s" => $f::<SlhDsaShake192s>($($arg),*),
            "SLH-DSA-SHA2-192f" => $f::<SlhDsaSha2_192f>($($arg),*),
            "SLH-DSA-SHAKE-192f" => $f::<SlhDsaShake192f>($($arg),*),
            "SLH-DSA-SHA2-256s" => $f::<SlhDsaSha2_256s>($($arg),*),
            "SLH-DSA-SHAKE-256s" => $f::<SlhDsaShake256s>($($arg),*),
            "SLH-DSA-SHA2-256f" => $f::<SlhDsaSha2_256f>($($arg),*),
            "SLH-DSA-SHAKE-256f" => $f::<SlhDsaShake256f>($($arg),*),
            other => panic!("unknown parameter set {other}"),
        }
    };
}

/// The pre-hash function an ACVP `hashAlg` names.
fn pre_hash(name: &str) -> PreHash {
    PreHash::ALL
        .into_iter()
        .find(|ph| ph.name() == name)
        .unwrap_or_else(|| panic!("unknown hashAlg {name}"))
}

/// slh_keygen_internal(SK.seed, SK.prf, PK.seed) → (SK, PK); the encodings import back.
fn keygen<P: ParameterSet>(t: &Value) {
    let id = tc_id(t);
    let seed = |key| P::Seed::try_from(&hex_field(t, key)[..]).expect("n bytes");
    let sk = SigningKey::<P>::from_seeds(&seed("skSeed"), &seed("skPrf"), &seed("pkSeed"));
    assert_eq!(sk.to_bytes().as_ref(), hex_field(t, "sk"), "tcId {id}: sk");
    assert_eq!(
        sk.verifying_key().to_bytes().as_ref(),
        hex_field(t, "pk"),
        "tcId {id}: pk"
    );
    let imported = SigningKey::<P>::from_bytes(&hex_field(t, "sk")).expect("sk length");
    assert_eq!(imported, sk, "tcId {id}: import of sk");
}

/// The signature the case asks for, through the interface its group names. Cases alternate
/// between the key's methods and the `hazmat` forms with the case's addrnd (pure: `sign` or
/// `sign_deterministic`, `sign_with_addrnd`; pre-hash: `sign_prehash`, `sign_digest` with a
/// digest computed outside pqfips, `sign_prehash_with_addrnd`, `sign_digest_with_addrnd`), so
/// every entry point meets the vectors without signing twice.
fn sig_gen<P: ParameterSet>(group: &Value, t: &Value) {
    let id = tc_id(t);
    let sk = SigningKey::<P>::from_bytes(&hex_field(t, "sk")).expect("sk length");
    let vk = sk.verifying_key();
    assert_eq!(vk.to_bytes().as_ref(), hex_field(t, "pk"), "tcId {id}: pk");
    let msg = hex_field(t, "message");
    let deterministic = bool_field(group, "deterministic");
    // Hedged signing draws addrnd; the deterministic variant is opt_rand = PK.seed, which
    // is what an RNG returning PK.seed makes the hedged functions do.
    let addrnd = if deterministic {
        hex_field(t, "pk")[..P::N].to_vec()
    } else {
        hex_field(t, "additionalRandomness")
    };
    let mut rng = FixedRng(addrnd.clone());
    let a = P::Seed::try_from(&addrnd[..]).expect("n bytes");
    let hazmat_addrnd = (!deterministic).then_some(&a);
    let sig = match str_field(group, "signatureInterface") {
        "internal" => {
            let sig = hazmat::sign_internal(&sk, &msg, hazmat_addrnd);
            hazmat::verify_internal(vk, &msg, &sig).expect("verifies");
            sig
        }
        "external" => {
            let ctx = hex_field(t, "context");
            match str_field(group, "preHash") {
                "pure" if id % 2 == 1 => {
                    hazmat::sign_with_addrnd(&sk, &msg, &ctx, hazmat_addrnd).unwrap()
                }
                "pure" if deterministic => sk.sign_deterministic(&msg, &ctx).unwrap(),
                "pure" => sk.sign(&mut rng, &msg, &ctx).unwrap(),
                "preHash" => {
                    let ph = pre_hash(str_field(t, "hashAlg"));
                    let digest = prehash_digest(ph, &msg);
                    let sig = match id % 4 {
                        0 => sk.sign_prehash(&mut rng, ph, &msg, &ctx),
                        1 => sk.sign_digest(&mut rng, ph, &digest, &ctx),
                        2 => hazmat::sign_prehash_with_addrnd(&sk, ph, &msg, &ctx, hazmat_addrnd),
                        _ => hazmat::sign_digest_with_addrnd(&sk, ph, &digest, &ctx, hazmat_addrnd),
                    }
                    .unwrap();
                    vk.verify_prehash(ph, &msg, &ctx, &sig).expect("verifies");
                    vk.verify_digest(ph, &digest, &ctx, &sig).expect("verifies");
                    return check_signature(id, &sig, t);
                }
                other => panic!("unknown preHash {other}"),
            }
        }
        other => panic!("unknown signatureInterface {other}"),
    };
    check_signature(id, &sig, t);
}

fn check_signature<P: ParameterSet>(id: u64, sig: &Signature<P>, t: &Value) {
    assert!(
        sig.as_ref() == hex_field(t, "signature"),
        "tcId {id}: signature differs"
    );
}

/// Verification with the group's interface: accepted exactly when `testPassed`, and every
/// rejection an `Err` (a signature of the wrong length fails on import).
fn sig_ver<P: ParameterSet>(group: &Value, t: &Value) {
    let id = tc_id(t);
    let vk = VerifyingKey::<P>::from_bytes(&hex_field(t, "pk")).expect("pk length");
    let msg = hex_field(t, "message");
    let sig_bytes = hex_field(t, "signature");
    let result = Signature::<P>::try_from(&sig_bytes[..]).and_then(|sig| {
        match (
            str_field(group, "signatureInterface"),
            str_field(group, "preHash"),
        ) {
            ("internal", _) => hazmat::verify_internal(&vk, &msg, &sig),
            ("external", "pure") => vk.verify(&msg, &hex_field(t, "context"), &sig),
            ("external", "preHash") => vk.verify_prehash(
                pre_hash(str_field(t, "hashAlg")),
                &msg,
                &hex_field(t, "context"),
                &sig,
            ),
            other => panic!("unknown interface {other:?}"),
        }
    });
    let reason = str_field(t, "reason");
    match result {
        Ok(()) => assert!(
            bool_field(t, "testPassed"),
            "tcId {id}: accepted ({reason})"
        ),
        Err(e) => {
            assert!(!bool_field(t, "testPassed"), "tcId {id}: rejected with {e}");
            let expect = if sig_bytes.len() == P::SIGNATURE_SIZE {
                Error::InvalidSignature
            } else {
                Error::InvalidLength {
                    input: pqfips::Input::Signature,
                    expected: P::SIGNATURE_SIZE,
                    actual: sig_bytes.len(),
                }
            };
            assert_eq!(e, expect, "tcId {id}: {reason}");
        }
    }
}

/// Runs `f` on every (group, test) of `file` on two threads — on a path that differs from
/// another only in its SHA-2 kernels, the SHA2 sets' groups only (the SHAKE sets' code is the
/// same as on the path with the SHA extensions) — and checks how many ran against the file's
/// count of those cases, `total` when all ran.
fn run_all(file: &Value, path: Path, total: usize, f: impl Fn(&Value, &Value) + Sync) {
    let wanted = |g: &Value| !path.sha2_only() || str_field(g, "parameterSet").contains("SHA2");
    let cases: Vec<(&Value, &Value)> = groups(file)
        .iter()
        .filter(|g| wanted(g))
        .flat_map(|g| tests(g).iter().map(move |t| (g, t)))
        .collect();
    let run = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for start in 0..2 {
            let (cases, run, f) = (&cases, &run, &f);
            s.spawn(move || {
                for (g, t) in cases.iter().skip(start).step_by(2) {
                    f(g, t);
                    run.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    let run = run.into_inner();
    let expected: usize = groups(file)
        .iter()
        .filter(|g| wanted(g))
        .map(|g| tests(g).len())
        .sum();
    assert_eq!(run, expected, "{path}");
    if !path.sha2_only() {
        assert_eq!(run, case_count(file), "{path}");
        assert_eq!(run, total, "{path}");
    }
    println!("{path}: {run} cases");
}

#[test]
fn key_gen_all_120_cases() {
    let file = load("SLH-DSA-keyGen-FIPS205", "internalProjection.json.gz");
    on_every_path(|path| {
        run_all(&file, path, 120, |g, t| {
            for_set!(str_field(g, "parameterSet"), keygen(t))
        });
    });
}

#[test]
fn sig_gen_all_624_cases() {
    let file = load("SLH-DSA-sigGen-FIPS205", "internalProjection.json.gz");
    on_every_path(|path| {
        run_all(&file, path, 624, |g, t| {
            for_set!(str_field(g, "parameterSet"), sig_gen(g, t))
        });
    });
}

#[test]
fn sig_ver_all_504_cases() {
    let file = load("SLH-DSA-sigVer-FIPS205", "internalProjection.json.gz");
    on_every_path(|path| {
        run_all(&file, path, 504, |g, t| {
            for_set!(str_field(g, "parameterSet"), sig_ver(g, t))
        });
    });
}
