//! NIST ACVP vectors for FIPS 204: every case of the three files run, and counted, on every
//! backend this CPU has.

mod common;

use std::collections::HashMap;

use common::{
    FixedRng, bool_field, case_count, groups, hex_array, hex_field, load, on_every_backend,
    prehash, run_cases, str_field, tc_id, tests,
};
use pqfips::Error;
use pqfips::ml_dsa::{
    MlDsa44, MlDsa65, MlDsa87, Mu, ParameterSet, Signature, SigningKey, VerifyingKey, hazmat,
};
use serde_json::Value;

/// Calls `$f::<P>(args)` for the parameter set named in the vector file.
macro_rules! for_set {
    ($name:expr, $f:ident($($arg:expr),*)) => {
        match $name {
            "ML-DSA-44" => $f::<MlDsa44>($($arg),*),
            "ML-DSA-65" => $f::<MlDsa65>($($arg),*),
            "ML-DSA-87" => $f::<MlDsa87>($($arg),*),
            other => panic!("unknown parameter set {other}"),
        }
    };
}

/// ML-DSA.KeyGen_internal(ξ) → (pk, sk), and the expanded sk imports back to the same key.
fn keygen<P: ParameterSet>(t: &Value) {
    let id = tc_id(t);
    let sk = hazmat::keygen_internal::<P>(&hex_array(t, "seed"));
    assert_eq!(
        sk.verifying_key().as_bytes().as_ref(),
        hex_field(t, "pk"),
        "tcId {id}: pk"
    );
    assert_eq!(
        sk.to_expanded_bytes().as_ref(),
        hex_field(t, "sk"),
        "tcId {id}: sk"
    );
    let imported = SigningKey::<P>::from_expanded_bytes(&hex_field(t, "sk")).expect("valid sk");
    assert_eq!(imported, sk, "tcId {id}: import of sk");
    assert_eq!(
        imported.verifying_key(),
        sk.verifying_key(),
        "tcId {id}: derived vk"
    );
    assert_eq!(imported.seed(), None);
}

/// Signs as the group says (external pure or pre-hash, internal on M′ or on μ; deterministic or
/// with the case's rnd), compares with the expected signature, and verifies it.
fn sig_gen<P: ParameterSet>(group: &Value, t: &Value, expected: &[u8]) {
    let id = tc_id(t);
    let sk = SigningKey::<P>::from_expanded_bytes(&hex_field(t, "sk")).expect("valid sk");
    let vk = sk.verifying_key();
    let deterministic = bool_field(group, "deterministic");
    let rnd: [u8; 32] = if deterministic {
        [0; 32]
    } else {
        hex_array(t, "rnd")
    };
    let mut rng = FixedRng::new(&rnd);
    let sig: Signature<P> = match str_field(group, "signatureInterface") {
        "external" => {
            let (msg, ctx) = (hex_field(t, "message"), hex_field(t, "context"));
            if str_field(group, "preHash") == "preHash" {
                let ph = prehash(str_field(t, "hashAlg"));
                let sig = sk.sign_prehash(&mut rng, ph, &msg, &ctx).unwrap();
                vk.verify_prehash(ph, &msg, &ctx, &sig).unwrap();
                let replayed = hazmat::sign_prehash_with_rnd(&sk, ph, &msg, &ctx, &rnd).unwrap();
                assert_eq!(replayed, sig, "tcId {id}: sign_prehash_with_rnd differs");
                sig
            } else {
                let sig = if deterministic {
                    sk.sign_deterministic(&msg, &ctx).unwrap()
                } else {
                    sk.sign(&mut rng, &msg, &ctx).unwrap()
                };
                vk.verify(&msg, &ctx, &sig).unwrap();
                let replayed = hazmat::sign_with_rnd(&sk, &msg, &ctx, &rnd).unwrap();
                assert_eq!(replayed, sig, "tcId {id}: sign_with_rnd differs");
                sig
            }
        }
        "internal" if bool_field(group, "externalMu") => {
            let mu = Mu::from(hex_array::<64>(t, "mu"));
            let sig = hazmat::sign_mu_with_rnd(&sk, &mu, &rnd);
            let via_api = if deterministic {
                sk.sign_mu_deterministic(&mu)
            } else {
                sk.sign_mu(&mut rng, &mu).unwrap()
            };
            assert_eq!(
                via_api, sig,
                "tcId {id}: sign_mu and sign_mu_with_rnd differ"
            );
            vk.verify_mu(&mu, &sig).unwrap();
            hazmat::verify_mu(vk, &mu, &sig).unwrap();
            sig
        }
        "internal" => {
            let m_prime = hex_field(t, "message");
            let sig = hazmat::sign_internal(&sk, &m_prime, &rnd);
            hazmat::verify_internal(vk, &m_prime, &sig).unwrap();
            sig
        }
        other => panic!("unknown interface {other}"),
    };
    assert_eq!(sig.as_ref(), expected, "tcId {id}: signature");
}

/// Verification as the group says; the verdict must be the case's `testPassed`, and a
/// [`PreparedVerifyingKey`] of the same key must reach the same verdict.
fn sig_ver<P: ParameterSet>(group: &Value, t: &Value) {
    let id = tc_id(t);
    let vk = VerifyingKey::<P>::from_bytes(&hex_field(t, "pk")).expect("valid pk");
    let prepared = vk.prepare();
    let sig = Signature::<P>::try_from(&hex_field(t, "signature")[..]);
    let (result, prepared_result) = match sig {
        Err(e) => (Err(e), Err(e)),
        Ok(sig) => match str_field(group, "signatureInterface") {
            "external" => {
                let (msg, ctx) = (hex_field(t, "message"), hex_field(t, "context"));
                if str_field(group, "preHash") == "preHash" {
                    let ph = prehash(str_field(t, "hashAlg"));
                    (
                        vk.verify_prehash(ph, &msg, &ctx, &sig),
                        prepared.verify_prehash(ph, &msg, &ctx, &sig),
                    )
                } else {
                    (
                        vk.verify(&msg, &ctx, &sig),
                        prepared.verify(&msg, &ctx, &sig),
                    )
                }
            }
            "internal" if bool_field(group, "externalMu") => {
                let mu = Mu::from(hex_array::<64>(t, "mu"));
                (vk.verify_mu(&mu, &sig), prepared.verify_mu(&mu, &sig))
            }
            "internal" => {
                let m_prime = hex_field(t, "message");
                (
                    hazmat::verify_internal(&vk, &m_prime, &sig),
                    prepared.verify_mu(&internal_mu(&vk, &m_prime), &sig),
                )
            }
            other => panic!("unknown interface {other}"),
        },
    };
    assert_eq!(prepared_result, result, "tcId {id}: prepared key");
    let expect = bool_field(t, "testPassed");
    match result {
        Ok(()) => assert!(expect, "tcId {id}: accepted ({})", str_field(t, "reason")),
        Err(e) => {
            assert!(!expect, "tcId {id}: rejected with {e}");
            assert_eq!(e, Error::InvalidSignature, "tcId {id}");
        }
    }
}

/// μ = H(H(pk, 64) ‖ M′, 64) of FIPS 204 Algorithm 7 (lines 1 and 6), computed here with the
/// `shake` crate rather than the library, for the internal interface's M′.
fn internal_mu<P: ParameterSet>(vk: &VerifyingKey<P>, m_prime: &[u8]) -> Mu {
    use shake::{ExtendableOutput, Update};
    let mut tr = [0u8; 64];
    shake::Shake256::default()
        .chain(vk.as_bytes())
        .finalize_xof_into(&mut tr);
    let mut mu = [0u8; 64];
    shake::Shake256::default()
        .chain(tr)
        .chain(m_prime)
        .finalize_xof_into(&mut mu);
    Mu::from(mu)
}

#[test]
fn key_gen_all_75_cases() {
    let file = load("ML-DSA-keyGen-FIPS204", "internalProjection.json.gz");
    let backends = on_every_backend(|backend| {
        let run = run_cases(&file, |group, t| {
            for_set!(str_field(group, "parameterSet"), keygen(t))
        });
        assert_eq!(run, case_count(&file), "{backend}");
        assert_eq!(run, 75, "{backend}");
    });
    assert!(backends >= 1);
}

#[test]
fn sig_gen_all_360_cases() {
    let prompt = load("ML-DSA-sigGen-FIPS204", "prompt.json.gz");
    let answers = load("ML-DSA-sigGen-FIPS204", "expectedResults.json.gz");
    let mut expected = HashMap::new();
    for group in groups(&answers) {
        for t in tests(group) {
            expected.insert(tc_id(t), hex_field(t, "signature"));
        }
    }
    let backends = on_every_backend(|backend| {
        let mut expected = expected.clone();
        let run = run_cases(&prompt, |group, t| {
            let sig = expected
                .remove(&tc_id(t))
                .unwrap_or_else(|| panic!("no answer for {}", tc_id(t)));
            for_set!(str_field(group, "parameterSet"), sig_gen(group, t, &sig));
        });
        assert!(
            expected.is_empty(),
            "answers without a prompt: {:?}",
            expected.keys()
        );
        assert_eq!(run, case_count(&prompt), "{backend}");
        assert_eq!(run, 360, "{backend}");
    });
    assert!(backends >= 1);
}

#[test]
fn sig_ver_all_180_cases() {
    let file = load("ML-DSA-sigVer-FIPS204", "internalProjection.json.gz");
    let backends = on_every_backend(|backend| {
        let run = run_cases(&file, |group, t| {
            for_set!(str_field(group, "parameterSet"), sig_ver(group, t))
        });
        assert_eq!(run, case_count(&file), "{backend}");
        assert_eq!(run, 180, "{backend}");
    });
    assert!(backends >= 1);
}
