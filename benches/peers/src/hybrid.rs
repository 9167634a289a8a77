//! X-Wing: pqfips against RustCrypto `x-wing` and libcrux's `libcrux-kem`, all three checked to
//! compute the same keys, ciphertexts and secrets first.
//!
//! pqfips keeps a decapsulation key expanded (the ML-KEM key and the X25519 scalar, as the
//! draft allows); both peers keep the 32-byte seed and expand it in every decapsulation. The
//! "seed+dec" row charges pqfips that expansion too, which is the peers' "decaps".

use std::hint::black_box;
use std::time::Duration;

use libcrux_kem::Algorithm::XWingKemDraft06;
use x_wing::{Decapsulate as _, Decapsulator as _};

use crate::{race, report};

pub fn xwing(budget: Duration) {
    println!();
    println!("{:<18} {:<7} {:>9} {:>16} {:>16}", "set", "op", "pqfips", "RustCrypto", "libcrux-port.");
    let seed = [0x42u8; 32];
    let eseed = [0x24u8; 64];
    let dk = pqfips::hybrid::xwing::DecapsulationKey::from_seed(&seed);
    let ek = dk.encapsulation_key().clone();
    let (ct, ss) = pqfips::hybrid::xwing::hazmat::encapsulate_deterministic(&ek, &eseed);
    let rc_dk = x_wing::DecapsulationKey::from(seed);
    let rc_ek = rc_dk.encapsulation_key().clone();
    let (rc_ct, rc_ss) = rc_ek.encapsulate_deterministic(&eseed.into());
    let (lc_sk, lc_pk) = libcrux_kem::key_gen_derand(XWingKemDraft06, &seed).unwrap();
    let (lc_ss, lc_ct) = lc_pk.encapsulate_derand(&eseed).unwrap();
    assert_eq!(&ek.to_bytes()[..], &lc_pk.encode()[..], "the three agree on the key");
    assert_eq!(ct.as_ref(), &rc_ct[..], "the three agree on the ciphertext");
    assert_eq!(ct.as_ref(), &lc_ct.encode()[..], "the three agree on the ciphertext");
    assert_eq!(ss.as_ref(), &rc_ss[..], "the three agree on the secret");
    assert_eq!(ss.as_ref(), &lc_ss.encode()[..], "the three agree on the secret");

    let t = race(budget, &mut [
        &mut || { black_box(pqfips::hybrid::xwing::DecapsulationKey::from_seed(black_box(&seed))); },
        &mut || { black_box(x_wing::DecapsulationKey::from(black_box(seed))); },
        &mut || { black_box(libcrux_kem::key_gen_derand(XWingKemDraft06, black_box(&seed)).unwrap()); },
    ]);
    report("X-Wing", "keygen", &t);
    let t = race(budget, &mut [
        &mut || { black_box(pqfips::hybrid::xwing::hazmat::encapsulate_deterministic(&ek, black_box(&eseed))); },
        &mut || { black_box(rc_ek.encapsulate_deterministic(&black_box(eseed).into())); },
        &mut || { black_box(lc_pk.encapsulate_derand(black_box(&eseed)).unwrap()); },
    ]);
    report("X-Wing", "encaps", &t);
    let t = race(budget, &mut [
        &mut || { black_box(dk.decapsulate(black_box(&ct))); },
        &mut || { black_box(rc_dk.decapsulate(black_box(&rc_ct))); },
        &mut || { black_box(lc_ct.decapsulate(black_box(&lc_sk)).unwrap()); },
    ]);
    report("X-Wing", "decaps", &t);
    let t = race(budget, &mut [
        &mut || { black_box(pqfips::hybrid::xwing::DecapsulationKey::from_seed(black_box(&seed)).decapsulate(&ct)); },
        &mut || { black_box(rc_dk.decapsulate(black_box(&rc_ct))); },
        &mut || { black_box(lc_ct.decapsulate(black_box(&lc_sk)).unwrap()); },
    ]);
    report("X-Wing", "seed+dec", &t);
}
