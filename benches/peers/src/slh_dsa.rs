//! SLH-DSA (FIPS 205): keygen, sign and verify of every parameter set against RustCrypto
//! `slh-dsa`, with a line per pqfips path (dispatched, every lower backend forced, and the
//! dispatched one with the SHA extensions off, the SHA-2 path of a CPU without them).

use std::hint::black_box;

use crate::Options;
use pqfips_peers::race::{Impl, Kind, Lane, Plan, pqfips_without_sha_ni, race, with_backend};
use pqfips_peers::table::Table;

const RUSTCRYPTO: Impl = Impl {
    name: "RustCrypto slh-dsa",
    kind: Kind::Peer { simd: false },
};

/// Batches for the "s" sets, whose signing takes up to seconds.
const SLOW_BATCHES: u32 = 5;

/// A lane per pqfips path, all running `pq`, then RustCrypto's running `rc`.
fn lanes<'a>(paths: &[Impl], pq: &'a dyn Fn(), rc: &'a dyn Fn()) -> Vec<Lane<'a>> {
    let mut lanes: Vec<Lane<'a>> = paths.iter().map(|p| Lane::new(*p, pq)).collect();
    lanes.push(Lane::new(RUSTCRYPTO, rc));
    lanes
}

/// Races one parameter set: checks that every pqfips path and RustCrypto compute the same keys
/// and signature, then times keygen from the three seeds, deterministic signing and verification
/// of a 32-byte message through the internal functions (no context prefix), which both crates
/// expose alike.
macro_rules! slh_dsa_set {
    ($table:expr, $paths:expr, $plan:expr, $name:literal, $pq:ident, $rc:ident, $n:literal) => {{
        let (table, paths, plan): (&mut Table, &[Impl], Plan) = ($table, $paths, $plan);
        let seed = [0x42u8; $n];
        let msg = [0x33u8; 32];

        let sk = pqfips::$pq::SigningKey::from_seeds(&seed, &seed, &seed);
        let vk = sk.verifying_key().clone();
        let sig = pqfips::$pq::hazmat::sign_internal(&sk, &msg, None);
        for path in paths {
            let (sk2, sig2, ok) = with_backend(path, || {
                let sk2 = pqfips::$pq::SigningKey::from_seeds(&seed, &seed, &seed);
                let sig2 = pqfips::$pq::hazmat::sign_internal(&sk2, &msg, None);
                (
                    sk2,
                    sig2,
                    pqfips::$pq::hazmat::verify_internal(&vk, &msg, &sig).is_ok(),
                )
            });
            let agree = *sk2.to_bytes() == *sk.to_bytes() && sig2.as_ref() == sig.as_ref() && ok;
            assert!(
                agree,
                "{}: pqfips {} computes what dispatched pqfips does",
                $name,
                path.label()
            );
        }
        let rc_sk = slh_dsa::SigningKey::<slh_dsa::$rc>::slh_keygen_internal(&seed, &seed, &seed);
        let rc_vk: &slh_dsa::VerifyingKey<slh_dsa::$rc> = rc_sk.as_ref();
        let rc_sig = rc_sk.slh_sign_internal(&[&msg], None);
        assert_eq!(
            rc_vk.to_bytes().as_slice(),
            &vk.to_bytes()[..],
            "{}: RustCrypto keys",
            $name
        );
        assert_eq!(
            rc_sig.to_bytes().as_slice(),
            sig.as_ref(),
            "{}: RustCrypto signature",
            $name
        );

        let t = race(
            plan,
            &mut lanes(
                paths,
                &|| {
                    black_box(pqfips::$pq::SigningKey::from_seeds(
                        black_box(&seed),
                        &seed,
                        &seed,
                    ));
                },
                &|| {
                    black_box(slh_dsa::SigningKey::<slh_dsa::$rc>::slh_keygen_internal(
                        black_box(&seed),
                        &seed,
                        &seed,
                    ));
                },
            ),
        );
        table.add($name, "keygen", &t);
        let t = race(
            plan,
            &mut lanes(
                paths,
                &|| {
                    black_box(pqfips::$pq::hazmat::sign_internal(
                        &sk,
                        black_box(&msg),
                        None,
                    ));
                },
                &|| {
                    black_box(rc_sk.slh_sign_internal(&[black_box(&msg)], None));
                },
            ),
        );
        table.add($name, "sign", &t);
        let t = race(
            plan,
            &mut lanes(
                paths,
                &|| pqfips::$pq::hazmat::verify_internal(&vk, black_box(&msg), &sig).unwrap(),
                &|| {
                    rc_vk
                        .slh_verify_internal(&[black_box(&msg)], &rc_sig)
                        .unwrap()
                },
            ),
        );
        table.add($name, "verify", &t);
    }};
}

/// Races every "f" set and the two 128-bit "s" sets, the four other "s" sets too with `all`, and
/// prints the table.
pub fn run(opts: &Options) {
    let mut paths = opts.pqfips.clone();
    paths.extend(pqfips_without_sha_ni());
    let paths = &paths[..];
    let mut table = Table::new("SLH-DSA", &[paths, &[RUSTCRYPTO]].concat());
    let (fast, slow) = (opts.plan, opts.plan.batches(SLOW_BATCHES));
    slh_dsa_set!(
        &mut table,
        paths,
        fast,
        "SLH-DSA-SHA2-128f",
        slh_dsa_sha2_128f,
        Sha2_128f,
        16
    );
    slh_dsa_set!(
        &mut table,
        paths,
        fast,
        "SLH-DSA-SHAKE-128f",
        slh_dsa_shake_128f,
        Shake128f,
        16
    );
    slh_dsa_set!(
        &mut table,
        paths,
        fast,
        "SLH-DSA-SHA2-192f",
        slh_dsa_sha2_192f,
        Sha2_192f,
        24
    );
    slh_dsa_set!(
        &mut table,
        paths,
        fast,
        "SLH-DSA-SHAKE-192f",
        slh_dsa_shake_192f,
        Shake192f,
        24
    );
    slh_dsa_set!(
        &mut table,
        paths,
        fast,
        "SLH-DSA-SHA2-256f",
        slh_dsa_sha2_256f,
        Sha2_256f,
        32
    );
    slh_dsa_set!(
        &mut table,
        paths,
        fast,
        "SLH-DSA-SHAKE-256f",
        slh_dsa_shake_256f,
        Shake256f,
        32
    );
    slh_dsa_set!(
        &mut table,
        paths,
        slow,
        "SLH-DSA-SHA2-128s",
        slh_dsa_sha2_128s,
        Sha2_128s,
        16
    );
    slh_dsa_set!(
        &mut table,
        paths,
        slow,
        "SLH-DSA-SHAKE-128s",
        slh_dsa_shake_128s,
        Shake128s,
        16
    );
    if opts.all {
        slh_dsa_set!(
            &mut table,
            paths,
            slow,
            "SLH-DSA-SHA2-192s",
            slh_dsa_sha2_192s,
            Sha2_192s,
            24
        );
        slh_dsa_set!(
            &mut table,
            paths,
            slow,
            "SLH-DSA-SHAKE-192s",
            slh_dsa_shake_192s,
            Shake192s,
            24
        );
        slh_dsa_set!(
            &mut table,
            paths,
            slow,
            "SLH-DSA-SHA2-256s",
            slh_dsa_sha2_256s,
            Sha2_256s,
            32
        );
        slh_dsa_set!(
            &mut table,
            paths,
            slow,
            "SLH-DSA-SHAKE-256s",
            slh_dsa_shake_256s,
            Shake256s,
            32
        );
    }
    print!("{}", table.by_implementation());
    println!(
        "\nInputs: keygen from the same three seeds, deterministic signing (opt_rand = PK.seed) and \
         verification of the same 32-byte message through the internal functions; every pqfips path and \
         RustCrypto compute the same keys and signature (checked before timing). The \"s\" sets run {SLOW_BATCHES} \
         batches{}.\n",
        if opts.all {
            ""
        } else {
            "; SHA2/SHAKE-192s and -256s are left out (`-- all` races them)"
        }
    );
}
