//! ML-KEM (FIPS 203): keygen, encaps and decaps of every parameter set.

use std::hint::black_box;

use crate::{LIBCRUX_PORTABLE, Options, aws_lc, libcrux, pqclean};
use pqfips_peers::race::{Impl, Kind, Lane, PQFIPS, race, with_backend};
use pqfips_peers::table::Table;

const RUSTCRYPTO: Impl = Impl {
    name: "RustCrypto ml-kem",
    kind: Kind::Peer { simd: false },
};
const FIPS203: Impl = Impl {
    name: "fips203",
    kind: Kind::Peer { simd: false },
};

/// Races one parameter set: cross-checks every implementation's outputs against pqfips's, then
/// times the three operations.
macro_rules! ml_kem_set {
    ($table:expr, $opts:expr, $name:literal, $pq:ident, $lc:ident, $pqc:ident, $aws:ident, $rc:ident, $f203:ident) => {{
        use fips203::traits::{Decaps as _, Encaps as _, KeyGen as _, SerDes as _};
        use ml_kem::{Decapsulate as _, KeyExport as _};
        use pqcrypto_traits::kem::{
            Ciphertext as _, PublicKey as _, SecretKey as _, SharedSecret as _,
        };
        let (table, opts): (&mut Table, &Options) = ($table, $opts);
        let seed = [0x42u8; 64];
        let (d, z) = (
            *seed.first_chunk::<32>().unwrap(),
            *seed.last_chunk::<32>().unwrap(),
        );
        let m = [0x24u8; 32];

        // pqfips, dispatched: the reference every other output is compared with.
        let dk = pqfips::$pq::DecapsulationKey::from_seed(&seed);
        let ek = dk.encapsulation_key().clone();
        let (ek_bytes, dk_bytes) = (ek.to_bytes(), dk.to_expanded_bytes());
        let (ct, ss) = pqfips::$pq::hazmat::encapsulate_deterministic(&ek, &m);
        assert_eq!(
            dk.decapsulate(&ct).as_bytes(),
            ss.as_bytes(),
            "{}: pqfips round trip",
            $name
        );
        for path in &opts.pqfips {
            let (dk2, ct2, ss2) = with_backend(path, || {
                let dk2 = pqfips::$pq::DecapsulationKey::from_seed(&seed);
                let (ct2, _) =
                    pqfips::$pq::hazmat::encapsulate_deterministic(dk2.encapsulation_key(), &m);
                let ss2 = dk2.decapsulate(&ct2);
                (dk2, ct2, ss2)
            });
            let agree = dk2.to_expanded_bytes() == dk_bytes
                && ct2.as_ref() == ct.as_ref()
                && ss2.as_bytes() == ss.as_bytes();
            assert!(
                agree,
                "{}: pqfips {} computes what dispatched pqfips does",
                $name,
                path.label()
            );
        }

        // libcrux, both APIs: the same seed and m, hence the same keys, ciphertext and secret.
        let lc_kp = libcrux_ml_kem::$lc::generate_key_pair(seed);
        let (lc_ct, lc_ss) = libcrux_ml_kem::$lc::encapsulate(lc_kp.public_key(), m);
        assert_eq!(
            (lc_kp.pk(), lc_kp.sk()),
            (&ek_bytes, &*dk_bytes),
            "{}: libcrux keys",
            $name
        );
        assert_eq!(
            (lc_ct.as_slice(), &lc_ss),
            (ct.as_bytes(), ss.as_bytes()),
            "{}: libcrux encaps",
            $name
        );
        assert_eq!(
            &libcrux_ml_kem::$lc::decapsulate(lc_kp.private_key(), &lc_ct),
            ss.as_bytes()
        );
        let lcp_kp = libcrux_ml_kem::$lc::portable::generate_key_pair(seed);
        let (lcp_ct, lcp_ss) = libcrux_ml_kem::$lc::portable::encapsulate(lcp_kp.public_key(), m);
        assert_eq!(
            (lcp_kp.pk(), lcp_kp.sk()),
            (&ek_bytes, &*dk_bytes),
            "{}: libcrux portable keys",
            $name
        );
        assert_eq!((lcp_ct.as_slice(), &lcp_ss), (ct.as_bytes(), ss.as_bytes()));
        assert_eq!(
            &libcrux_ml_kem::$lc::portable::decapsulate(lcp_kp.private_key(), &lcp_ct),
            ss.as_bytes()
        );

        // PQClean draws its own seed and m: it decapsulates pqfips's ciphertext with pqfips's
        // key, and each decapsulates what the other encapsulated to its own key.
        let pqc_pk = pqcrypto_mlkem::$pqc::PublicKey::from_bytes(&ek_bytes).unwrap();
        let pqc_sk = pqcrypto_mlkem::$pqc::SecretKey::from_bytes(&*dk_bytes).unwrap();
        let pqc_ct = pqcrypto_mlkem::$pqc::Ciphertext::from_bytes(ct.as_ref()).unwrap();
        assert_eq!(
            pqcrypto_mlkem::$pqc::decapsulate(&pqc_ct, &pqc_sk).as_bytes(),
            ss.as_bytes(),
            "{}: PQClean decaps",
            $name
        );
        let (own_pk, own_sk) = pqcrypto_mlkem::$pqc::keypair();
        let own_ek = pqfips::$pq::EncapsulationKey::from_bytes(own_pk.as_bytes()).unwrap();
        let (to_them, ss_them) = pqfips::$pq::hazmat::encapsulate_deterministic(&own_ek, &m);
        let to_them = pqcrypto_mlkem::$pqc::Ciphertext::from_bytes(to_them.as_ref()).unwrap();
        assert_eq!(
            pqcrypto_mlkem::$pqc::decapsulate(&to_them, &own_sk).as_bytes(),
            ss_them.as_bytes()
        );
        let (ss_us, to_us) = pqcrypto_mlkem::$pqc::encapsulate(&pqc_pk);
        let to_us = pqfips::$pq::Ciphertext::try_from(to_us.as_bytes()).unwrap();
        assert_eq!(
            dk.decapsulate(&to_us).as_bytes(),
            ss_us.as_bytes(),
            "{}: pqfips decaps PQClean's",
            $name
        );

        // aws-lc-rs likewise (its keygen and encapsulation take no seed or m either).
        let alg = &aws_lc_rs::kem::$aws;
        let aws_dk = aws_lc_rs::kem::DecapsulationKey::new(alg, &*dk_bytes).unwrap();
        let aws_ek = aws_lc_rs::kem::EncapsulationKey::new(alg, &ek_bytes).unwrap();
        let aws_ss = aws_dk.decapsulate(ct.as_ref().into()).unwrap();
        assert_eq!(
            aws_ss.as_ref(),
            ss.as_bytes(),
            "{}: aws-lc-rs decaps",
            $name
        );
        let own_dk = aws_lc_rs::kem::DecapsulationKey::generate(alg).unwrap();
        let own_ek_bytes = own_dk.encapsulation_key().unwrap().key_bytes().unwrap();
        let own_ek = pqfips::$pq::EncapsulationKey::from_bytes(own_ek_bytes.as_ref()).unwrap();
        let (to_them, ss_them) = pqfips::$pq::hazmat::encapsulate_deterministic(&own_ek, &m);
        assert_eq!(
            own_dk
                .decapsulate(to_them.as_ref().into())
                .unwrap()
                .as_ref(),
            ss_them.as_bytes()
        );
        let (to_us, ss_us) = aws_ek.encapsulate().unwrap();
        let to_us = pqfips::$pq::Ciphertext::try_from(to_us.as_ref()).unwrap();
        assert_eq!(
            dk.decapsulate(&to_us).as_bytes(),
            ss_us.as_ref(),
            "{}: pqfips decaps aws-lc-rs's",
            $name
        );

        // RustCrypto and fips203: the same seed and m.
        let rc_dk = ml_kem::DecapsulationKey::<ml_kem::$rc>::from_seed(seed.into());
        let rc_ek = rc_dk.encapsulation_key().clone();
        let (rc_ct, rc_ss) = rc_ek.encapsulate_deterministic(&m.into());
        assert_eq!(
            rc_ek.to_bytes().as_slice(),
            &ek_bytes[..],
            "{}: RustCrypto ek",
            $name
        );
        assert_eq!(
            (rc_ct.as_slice(), rc_ss.as_slice()),
            (&ct.as_bytes()[..], &ss.as_bytes()[..])
        );
        assert_eq!(rc_dk.decapsulate(&rc_ct).as_slice(), ss.as_bytes());
        let (f_ek, f_dk) = fips203::$f203::KG::keygen_from_seed(d, z);
        let (f_ss, f_ct) = f_ek.encaps_from_seed(&m);
        assert_eq!(
            (&f_ek.clone().into_bytes(), &f_dk.clone().into_bytes()),
            (&ek_bytes, &*dk_bytes),
            "{}: fips203 keys",
            $name
        );
        assert_eq!(
            (&f_ct.clone().into_bytes(), &f_ss.into_bytes()),
            (ct.as_bytes(), ss.as_bytes())
        );
        assert_eq!(&f_dk.try_decaps(&f_ct).unwrap().into_bytes(), ss.as_bytes());

        let plan = opts.plan;
        let t = race(
            plan,
            &mut [
                Lane::new(PQFIPS, || {
                    black_box(pqfips::$pq::DecapsulationKey::from_seed(black_box(&seed)));
                }),
                Lane::new(opts.portable(), || {
                    black_box(pqfips::$pq::DecapsulationKey::from_seed(black_box(&seed)));
                }),
                Lane::new(libcrux(), || {
                    black_box(libcrux_ml_kem::$lc::generate_key_pair(black_box(seed)));
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    black_box(libcrux_ml_kem::$lc::portable::generate_key_pair(black_box(
                        seed,
                    )));
                }),
                Lane::new(pqclean(), || {
                    black_box(pqcrypto_mlkem::$pqc::keypair());
                }),
                Lane::new(aws_lc(), || {
                    black_box(aws_lc_rs::kem::DecapsulationKey::generate(alg).unwrap());
                }),
                Lane::new(RUSTCRYPTO, || {
                    black_box(ml_kem::DecapsulationKey::<ml_kem::$rc>::from_seed(
                        black_box(seed).into(),
                    ));
                }),
                Lane::new(FIPS203, || {
                    black_box(fips203::$f203::KG::keygen_from_seed(black_box(d), z));
                }),
            ],
        );
        table.add($name, "keygen", &t);
        let t = race(
            plan,
            &mut [
                Lane::new(PQFIPS, || {
                    black_box(pqfips::$pq::hazmat::encapsulate_deterministic(
                        &ek,
                        black_box(&m),
                    ));
                }),
                Lane::new(opts.portable(), || {
                    black_box(pqfips::$pq::hazmat::encapsulate_deterministic(
                        &ek,
                        black_box(&m),
                    ));
                }),
                Lane::new(libcrux(), || {
                    black_box(libcrux_ml_kem::$lc::encapsulate(
                        lc_kp.public_key(),
                        black_box(m),
                    ));
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    black_box(libcrux_ml_kem::$lc::portable::encapsulate(
                        lc_kp.public_key(),
                        black_box(m),
                    ));
                }),
                Lane::new(pqclean(), || {
                    black_box(pqcrypto_mlkem::$pqc::encapsulate(black_box(&pqc_pk)));
                }),
                Lane::new(aws_lc(), || {
                    black_box(black_box(&aws_ek).encapsulate().unwrap());
                }),
                Lane::new(RUSTCRYPTO, || {
                    black_box(rc_ek.encapsulate_deterministic(&black_box(m).into()));
                }),
                Lane::new(FIPS203, || {
                    black_box(f_ek.encaps_from_seed(black_box(&m)));
                }),
            ],
        );
        table.add($name, "encaps", &t);
        let t = race(
            plan,
            &mut [
                Lane::new(PQFIPS, || {
                    black_box(dk.decapsulate(black_box(&ct)));
                }),
                Lane::new(opts.portable(), || {
                    black_box(dk.decapsulate(black_box(&ct)));
                }),
                Lane::new(libcrux(), || {
                    black_box(libcrux_ml_kem::$lc::decapsulate(
                        lc_kp.private_key(),
                        black_box(&lc_ct),
                    ));
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    black_box(libcrux_ml_kem::$lc::portable::decapsulate(
                        lc_kp.private_key(),
                        black_box(&lc_ct),
                    ));
                }),
                Lane::new(pqclean(), || {
                    black_box(pqcrypto_mlkem::$pqc::decapsulate(
                        black_box(&pqc_ct),
                        &pqc_sk,
                    ));
                }),
                Lane::new(aws_lc(), || {
                    black_box(aws_dk.decapsulate(black_box(ct.as_ref()).into()).unwrap());
                }),
                Lane::new(RUSTCRYPTO, || {
                    black_box(rc_dk.decapsulate(black_box(&rc_ct)));
                }),
                Lane::new(FIPS203, || {
                    black_box(f_dk.try_decaps(black_box(&f_ct)).unwrap());
                }),
            ],
        );
        table.add($name, "decaps", &t);
    }};
}

/// Races every ML-KEM parameter set and prints the tables.
pub fn run(opts: &Options) {
    let mut table = Table::new(
        "ML-KEM",
        &[
            PQFIPS,
            opts.portable(),
            libcrux(),
            LIBCRUX_PORTABLE,
            pqclean(),
            aws_lc(),
            RUSTCRYPTO,
            FIPS203,
        ],
    );
    ml_kem_set!(
        &mut table,
        opts,
        "ML-KEM-512",
        ml_kem_512,
        mlkem512,
        mlkem512,
        ML_KEM_512,
        MlKem512,
        ml_kem_512
    );
    ml_kem_set!(
        &mut table,
        opts,
        "ML-KEM-768",
        ml_kem_768,
        mlkem768,
        mlkem768,
        ML_KEM_768,
        MlKem768,
        ml_kem_768
    );
    ml_kem_set!(
        &mut table,
        opts,
        "ML-KEM-1024",
        ml_kem_1024,
        mlkem1024,
        mlkem1024,
        ML_KEM_1024,
        MlKem1024,
        ml_kem_1024
    );
    print!("{}", table.by_operation());
    println!(
        "\nInputs: pqfips, libcrux, RustCrypto and fips203 run keygen from the same 64-byte seed d ‖ z and \
         encapsulation with the same m, and compute the same keys, ciphertexts and shared secrets (checked \
         before timing, as is every forced pqfips path). PQClean and aws-lc-rs take neither: they draw their \
         own from the OS in keygen and encaps (pqfips decapsulates what they encapsulate to its key and they \
         decapsulate what pqfips encapsulates to theirs). Every implementation decapsulates the same \
         ciphertext under the same key; aws-lc-rs and PQClean encapsulate to pqfips's key.\n"
    );
}
