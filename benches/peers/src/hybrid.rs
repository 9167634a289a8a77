//! X-Wing: pqfips against RustCrypto `x-wing` and libcrux's `libcrux-kem`, all three checked to
//! compute the same keys, ciphertexts and secrets first.
//!
//! pqfips keeps a decapsulation key expanded (the ML-KEM key and the X25519 scalar, as the
//! draft allows); both peers keep the 32-byte seed and expand it in every decapsulation. The
//! "seed+dec" row charges pqfips that expansion too, which is the peers' "decaps".

use std::hint::black_box;

use libcrux_kem::Algorithm::XWingKemDraft06;
use x_wing::{Decapsulate as _, Decapsulator as _};

use crate::Options;
use pqfips_peers::race::{Impl, Kind, Lane, PQFIPS, race, with_backend};
use pqfips_peers::table::Table;

const RUSTCRYPTO: Impl = Impl {
    name: "RustCrypto x-wing",
    kind: Kind::Peer { simd: false },
};
/// libcrux's X-Wing: its ML-KEM-768 picks AVX2 at run time where the CPU has it.
fn libcrux() -> Impl {
    Impl {
        name: "libcrux-kem",
        kind: Kind::Peer {
            simd: crate::libcrux_avx2(),
        },
    }
}

pub fn run(opts: &Options) {
    use pqfips::hybrid::xwing::{DecapsulationKey, hazmat};
    let mut table = Table::new("X-Wing", &[PQFIPS, opts.portable(), RUSTCRYPTO, libcrux()]);
    let seed = [0x42u8; 32];
    let eseed = [0x24u8; 64];
    let dk = DecapsulationKey::from_seed(&seed);
    let ek = dk.encapsulation_key().clone();
    let (ct, ss) = hazmat::encapsulate_deterministic(&ek, &eseed);
    for path in &opts.pqfips {
        let (ek2, ct2, ss2) = with_backend(path, || {
            let dk2 = DecapsulationKey::from_seed(&seed);
            let (ct2, _) = hazmat::encapsulate_deterministic(dk2.encapsulation_key(), &eseed);
            let ss2 = dk2.decapsulate(&ct2);
            (dk2.encapsulation_key().to_bytes(), ct2, ss2)
        });
        assert!(
            ek2 == ek.to_bytes() && ct2.as_ref() == ct.as_ref() && ss2 == ss,
            "X-Wing: pqfips {} computes what dispatched pqfips does",
            path.label()
        );
    }
    let rc_dk = x_wing::DecapsulationKey::from(seed);
    let rc_ek = rc_dk.encapsulation_key().clone();
    let (rc_ct, rc_ss) = rc_ek.encapsulate_deterministic(&eseed.into());
    let (lc_sk, lc_pk) = libcrux_kem::key_gen_derand(XWingKemDraft06, &seed).unwrap();
    let (lc_ss, lc_ct) = lc_pk.encapsulate_derand(&eseed).unwrap();
    assert_eq!(
        &ek.to_bytes()[..],
        &lc_pk.encode()[..],
        "the three agree on the key"
    );
    assert_eq!(ct.as_ref(), &rc_ct[..], "the three agree on the ciphertext");
    assert_eq!(
        ct.as_ref(),
        &lc_ct.encode()[..],
        "the three agree on the ciphertext"
    );
    assert_eq!(ss.as_ref(), &rc_ss[..], "the three agree on the secret");
    assert_eq!(
        ss.as_ref(),
        &lc_ss.encode()[..],
        "the three agree on the secret"
    );

    let plan = opts.plan;
    let keygen = || {
        black_box(DecapsulationKey::from_seed(black_box(&seed)));
    };
    let t = race(
        plan,
        &mut [
            Lane::new(PQFIPS, keygen),
            Lane::new(opts.portable(), keygen),
            Lane::new(RUSTCRYPTO, || {
                black_box(x_wing::DecapsulationKey::from(black_box(seed)));
            }),
            Lane::new(libcrux(), || {
                black_box(libcrux_kem::key_gen_derand(XWingKemDraft06, black_box(&seed)).unwrap());
            }),
        ],
    );
    table.add("X-Wing", "keygen", &t);
    let encaps = || {
        black_box(hazmat::encapsulate_deterministic(&ek, black_box(&eseed)));
    };
    let t = race(
        plan,
        &mut [
            Lane::new(PQFIPS, encaps),
            Lane::new(opts.portable(), encaps),
            Lane::new(RUSTCRYPTO, || {
                black_box(rc_ek.encapsulate_deterministic(&black_box(eseed).into()));
            }),
            Lane::new(libcrux(), || {
                black_box(lc_pk.encapsulate_derand(black_box(&eseed)).unwrap());
            }),
        ],
    );
    table.add("X-Wing", "encaps", &t);
    let decaps = || {
        black_box(dk.decapsulate(black_box(&ct)));
    };
    let peer_decaps = [
        Lane::new(RUSTCRYPTO, || {
            black_box(rc_dk.decapsulate(black_box(&rc_ct)));
        }),
        Lane::new(libcrux(), || {
            black_box(lc_ct.decapsulate(black_box(&lc_sk)).unwrap());
        }),
    ];
    let [rc_lane, lc_lane] = peer_decaps;
    let t = race(
        plan,
        &mut [
            Lane::new(PQFIPS, decaps),
            Lane::new(opts.portable(), decaps),
            rc_lane,
            lc_lane,
        ],
    );
    table.add("X-Wing", "decaps", &t);
    let seed_decaps = || {
        black_box(DecapsulationKey::from_seed(black_box(&seed)).decapsulate(&ct));
    };
    let t = race(
        plan,
        &mut [
            Lane::new(PQFIPS, seed_decaps),
            Lane::new(opts.portable(), seed_decaps),
            Lane::new(RUSTCRYPTO, || {
                black_box(rc_dk.decapsulate(black_box(&rc_ct)));
            }),
            Lane::new(libcrux(), || {
                black_box(lc_ct.decapsulate(black_box(&lc_sk)).unwrap());
            }),
        ],
    );
    table.add("X-Wing", "seed+dec", &t);
    print!("{}", table.by_operation());
    println!(
        "\nInputs: all three compute the same keys, ciphertexts and secrets from the same 32-byte seed \
         and 64-byte eseed (checked before timing). The peers keep the seed and expand it in every \
         decapsulation; pqfips keeps the expanded key, and \"seed+dec\" charges it the expansion too.\n"
    );
}
