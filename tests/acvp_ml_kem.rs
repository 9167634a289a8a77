//! NIST ACVP vectors for FIPS 203: every case of both files run, and counted, on every backend
//! this CPU has.

mod common;

use common::{
    bool_field, case_count, hex_array, hex_field, load, on_every_backend, run_cases, str_field,
    tc_id,
};
use pqfips::Error;
use pqfips::ml_kem::{
    Ciphertext, DecapsulationKey, EncapsulationKey, MlKem512, MlKem768, MlKem1024, ParameterSet,
    hazmat,
};
use serde_json::Value;

/// Calls `$f::<P>(args)` for the parameter set named in the vector file.
macro_rules! for_set {
    ($name:expr, $f:ident($($arg:expr),*)) => {
        match $name {
            "ML-KEM-512" => $f::<MlKem512>($($arg),*),
            "ML-KEM-768" => $f::<MlKem768>($($arg),*),
            "ML-KEM-1024" => $f::<MlKem1024>($($arg),*),
            other => panic!("unknown parameter set {other}"),
        }
    };
}

/// ML-KEM.KeyGen_internal(d, z) → (ek, dk).
fn keygen<P: ParameterSet>(t: &Value) {
    let dk = hazmat::keygen_internal::<P>(&hex_array(t, "d"), &hex_array(t, "z"));
    let id = tc_id(t);
    assert_eq!(
        dk.encapsulation_key().to_bytes().as_ref(),
        hex_field(t, "ek"),
        "tcId {id}: ek"
    );
    assert_eq!(
        dk.to_expanded_bytes().as_ref(),
        hex_field(t, "dk"),
        "tcId {id}: dk"
    );
    // The seed d‖z is kept, and the expanded key imports back to the same key.
    let seed = dk.seed().expect("a key from seeds keeps them");
    assert_eq!(seed[..32], hex_field(t, "d")[..], "tcId {id}: seed d");
    assert_eq!(seed[32..], hex_field(t, "z")[..], "tcId {id}: seed z");
    let imported =
        DecapsulationKey::<P>::from_expanded_bytes(&hex_field(t, "dk")).expect("valid dk");
    assert_eq!(imported, dk, "tcId {id}: import of dk");
}

/// ML-KEM.Encaps_internal(ek, m) → (c, K); the dk in the case must also decapsulate c to K.
fn encapsulation<P: ParameterSet>(t: &Value) {
    let id = tc_id(t);
    let ek = EncapsulationKey::<P>::from_bytes(&hex_field(t, "ek")).expect("valid ek");
    let (c, k) = hazmat::encapsulate_deterministic(&ek, &hex_array(t, "m"));
    assert_eq!(c.as_ref(), hex_field(t, "c"), "tcId {id}: c");
    assert_eq!(k.as_bytes(), &hex_array(t, "k"), "tcId {id}: K");
    let dk = DecapsulationKey::<P>::from_expanded_bytes(&hex_field(t, "dk")).expect("valid dk");
    assert_eq!(dk.decapsulate(&c), k, "tcId {id}: decapsulation of c");
}

/// ML-KEM.Decaps_internal(dk, c) → K, for valid and modified ciphertexts.
fn decapsulation<P: ParameterSet>(t: &Value) {
    let id = tc_id(t);
    let dk = DecapsulationKey::<P>::from_expanded_bytes(&hex_field(t, "dk")).expect("valid dk");
    let c = Ciphertext::<P>::try_from(&hex_field(t, "c")[..]).expect("ciphertext length");
    let k = hazmat::decapsulate_internal(&dk, &c);
    assert_eq!(
        k.as_bytes(),
        &hex_array(t, "k"),
        "tcId {id}: K ({})",
        str_field(t, "reason")
    );
}

/// FIPS 203 §7.3 hash check on import of dk.
fn decapsulation_key_check<P: ParameterSet>(t: &Value) {
    check_verdict(
        t,
        DecapsulationKey::<P>::from_expanded_bytes(&hex_field(t, "dk")),
    );
}

/// FIPS 203 §7.2 modulus check on import of ek.
fn encapsulation_key_check<P: ParameterSet>(t: &Value) {
    check_verdict(t, EncapsulationKey::<P>::from_bytes(&hex_field(t, "ek")));
}

/// An import is accepted exactly when the case says `testPassed`, and rejected as a bad key.
fn check_verdict<T>(t: &Value, result: Result<T, Error>) {
    let expect = bool_field(t, "testPassed");
    match result {
        Ok(_) => assert!(
            expect,
            "tcId {}: accepted ({})",
            tc_id(t),
            str_field(t, "reason")
        ),
        Err(e) => {
            assert!(!expect, "tcId {}: rejected with {e}", tc_id(t));
            assert_eq!(e, Error::InvalidKey);
        }
    }
}

#[test]
fn key_gen_all_75_cases() {
    let file = load("ML-KEM-keyGen-FIPS203", "internalProjection.json.gz");
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
fn encap_decap_all_165_cases() {
    let file = load("ML-KEM-encapDecap-FIPS203", "internalProjection.json.gz");
    let backends = on_every_backend(|backend| {
        let run = run_cases(&file, |group, t| {
            let set = str_field(group, "parameterSet");
            match str_field(group, "function") {
                "encapsulation" => for_set!(set, encapsulation(t)),
                "decapsulation" => for_set!(set, decapsulation(t)),
                "decapsulationKeyCheck" => for_set!(set, decapsulation_key_check(t)),
                "encapsulationKeyCheck" => for_set!(set, encapsulation_key_check(t)),
                other => panic!("unknown function {other}"),
            }
        });
        assert_eq!(run, case_count(&file), "{backend}");
        assert_eq!(run, 165, "{backend}");
    });
    assert!(backends >= 1);
}
