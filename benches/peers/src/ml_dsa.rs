//! ML-DSA (FIPS 204): keygen, sign and verify of every parameter set, and two forms of
//! verification that charge the verifying key differently.

use std::hint::black_box;

use crate::{LIBCRUX_PORTABLE, Options, aws_lc, libcrux, pqclean};
use pqfips_peers::race::{Impl, Kind, Lane, PQFIPS, Plan, race, with_backend};
use pqfips_peers::table::Table;

const RUSTCRYPTO: Impl = Impl {
    name: "RustCrypto ml-dsa",
    kind: Kind::Peer { simd: false },
};
const FIPS204: Impl = Impl {
    name: "fips204",
    kind: Kind::Peer { simd: false },
};

/// Signatures per batch: every deterministic signer signs the same slice of [`inputs`] in the same
/// batch, so their batches do the same work, rejections included.
const SIGNS_PER_BATCH: u32 = 64;

/// The (message, rnd) pairs signed in turn: a different slice per batch, so that the median
/// batch stands for the average number of rejections (the random-rnd signers draw their own).
fn inputs(plan: Plan) -> Vec<([u8; 32], [u8; 32])> {
    (0..plan.batches * SIGNS_PER_BATCH)
        .map(|i| {
            let (mut msg, mut rnd) = ([0x33u8; 32], [0x5au8; 32]);
            msg[..4].copy_from_slice(&i.to_le_bytes());
            rnd[28..].copy_from_slice(&i.to_be_bytes());
            (msg, rnd)
        })
        .collect()
}

/// An index walking round the inputs, one step per call.
#[derive(Clone, Copy)]
struct Cursor {
    at: usize,
    len: usize,
}

impl Cursor {
    fn new(len: usize) -> Self {
        Self { at: 0, len }
    }

    fn next(&mut self) -> usize {
        self.at = (self.at + 1) % self.len;
        self.at
    }
}

/// Races one parameter set: cross-checks every implementation's outputs against pqfips's, then
/// times keygen, signing and the three forms of verification.
macro_rules! ml_dsa_set {
    ($table:expr, $opts:expr, $name:literal, $pq:ident, $lc:ident, $pqc:ident, $aws:ident, $aws_sign:ident, $rc:ident, $f204:ident) => {{
        use aws_lc_rs::signature::KeyPair as _;
        use fips204::traits::{KeyGen as _, SerDes as _, Signer as _, Verifier as _};
        use pqcrypto_traits::sign::{DetachedSignature as _, PublicKey as _, SecretKey as _};
        let (table, opts): (&mut Table, &Options) = ($table, $opts);
        let seed = [0x42u8; 32];
        let ctx = b"";
        let sign_plan = opts.plan.fixed(SIGNS_PER_BATCH);
        let inputs = inputs(sign_plan);
        // M′ = 0 ‖ |ctx| ‖ ctx ‖ M (FIPS 204, Algorithm 2) for pqfips's sign_internal.
        let m_primes: Vec<Vec<u8>> = inputs
            .iter()
            .map(|(m, _)| [&[0u8, 0][..], m].concat())
            .collect();
        let (msg, rnd) = &inputs[0];

        // pqfips, dispatched: the reference every other output is compared with.
        let sk = pqfips::$pq::SigningKey::from_seed(&seed);
        let vk = sk.verifying_key().clone();
        let (vk_bytes, sk_bytes) = (vk.to_bytes(), sk.to_expanded_bytes());
        let sig = pqfips::$pq::hazmat::sign_internal(&sk, &m_primes[0], rnd);
        vk.verify(msg, ctx, &sig)
            .expect("pqfips verifies its own signature");
        for path in &opts.pqfips {
            let (sk2, sig2, ok) = with_backend(path, || {
                let sk2 = pqfips::$pq::SigningKey::from_seed(&seed);
                let sig2 = pqfips::$pq::hazmat::sign_internal(&sk2, &m_primes[0], rnd);
                let ok = sk2.verifying_key().verify(msg, ctx, &sig).is_ok()
                    && vk.prepare().verify(msg, ctx, &sig).is_ok();
                (sk2, sig2, ok)
            });
            let agree = sk2.to_expanded_bytes() == sk_bytes && sig2.as_ref() == sig.as_ref() && ok;
            assert!(
                agree,
                "{}: pqfips {} computes what dispatched pqfips does",
                $name,
                path.label()
            );
        }

        // libcrux, both APIs: the same seed and rnd, hence the same keys and signature.
        let lc_kp = libcrux_ml_dsa::$lc::generate_key_pair(seed);
        let lc_sig = libcrux_ml_dsa::$lc::sign(&lc_kp.signing_key, msg, ctx, *rnd).unwrap();
        assert_eq!(
            (
                lc_kp.verification_key.as_slice(),
                lc_kp.signing_key.as_slice()
            ),
            (&vk_bytes[..], &sk_bytes[..]),
            "{}: libcrux keys",
            $name
        );
        assert_eq!(
            lc_sig.as_slice(),
            sig.as_ref(),
            "{}: libcrux signature",
            $name
        );
        libcrux_ml_dsa::$lc::verify(&lc_kp.verification_key, msg, ctx, &lc_sig).unwrap();
        let lcp_kp = libcrux_ml_dsa::$lc::portable::generate_key_pair(seed);
        let lcp_sig =
            libcrux_ml_dsa::$lc::portable::sign(&lcp_kp.signing_key, msg, ctx, *rnd).unwrap();
        assert_eq!(
            (
                lcp_kp.verification_key.as_slice(),
                lcp_kp.signing_key.as_slice()
            ),
            (&vk_bytes[..], &sk_bytes[..])
        );
        assert_eq!(
            lcp_sig.as_slice(),
            sig.as_ref(),
            "{}: libcrux portable signature",
            $name
        );
        libcrux_ml_dsa::$lc::portable::verify(&lcp_kp.verification_key, msg, ctx, &lcp_sig)
            .unwrap();

        // PQClean signs with its own rnd (and generates keys from its own seed): it signs with
        // pqfips's key, pqfips verifies that, and PQClean verifies pqfips's signature.
        let pqc_pk = pqcrypto_mldsa::$pqc::PublicKey::from_bytes(&vk_bytes).unwrap();
        let pqc_sk = pqcrypto_mldsa::$pqc::SecretKey::from_bytes(&*sk_bytes).unwrap();
        let pqc_sig = pqcrypto_mldsa::$pqc::DetachedSignature::from_bytes(sig.as_ref()).unwrap();
        pqcrypto_mldsa::$pqc::verify_detached_signature_ctx(&pqc_sig, msg, ctx, &pqc_pk)
            .expect("PQClean verifies pqfips");
        let theirs = pqcrypto_mldsa::$pqc::detached_sign_ctx(msg, ctx, &pqc_sk);
        let theirs = pqfips::$pq::Signature::from_bytes(theirs.as_bytes()).unwrap();
        vk.verify(msg, ctx, &theirs)
            .expect("pqfips verifies PQClean");

        // aws-lc-rs takes the seed (the same keys) but signs with its own rnd.
        let aws_kp =
            aws_lc_rs::signature::PqdsaKeyPair::from_seed(&aws_lc_rs::signature::$aws_sign, &seed)
                .unwrap();
        assert_eq!(
            aws_kp.public_key().as_ref(),
            &vk_bytes[..],
            "{}: aws-lc-rs keys",
            $name
        );
        let aws_vk =
            aws_lc_rs::signature::ParsedPublicKey::new(&aws_lc_rs::signature::$aws, &vk_bytes)
                .unwrap();
        aws_vk
            .verify_sig(msg, sig.as_ref())
            .expect("aws-lc-rs verifies pqfips");
        let mut aws_sig = vec![0u8; aws_lc_rs::signature::$aws_sign.signature_len()];
        aws_kp.sign(msg, &mut aws_sig).unwrap();
        vk.verify(
            msg,
            ctx,
            &pqfips::$pq::Signature::from_bytes(&aws_sig).unwrap(),
        )
        .expect("pqfips verifies aws-lc-rs");

        // RustCrypto and fips204: the same seed and rnd.
        let rc_sk = ml_dsa::ExpandedSigningKey::<ml_dsa::$rc>::from_seed(&seed.into());
        let rc_vk = rc_sk.verifying_key();
        let rc_sig = rc_sk.sign_internal(&[&[0, 0], msg], &(*rnd).into());
        assert_eq!(
            rc_vk.encode().as_slice(),
            &vk_bytes[..],
            "{}: RustCrypto keys",
            $name
        );
        assert_eq!(
            rc_sig.encode().as_slice(),
            sig.as_ref(),
            "{}: RustCrypto signature",
            $name
        );
        let (f_pk, f_sk) = fips204::$f204::KG::keygen_from_seed(&seed);
        let f_sig = f_sk.try_sign_with_seed(rnd, msg, ctx).unwrap();
        assert_eq!(
            (
                &f_pk.clone().into_bytes()[..],
                &f_sk.clone().into_bytes()[..]
            ),
            (&vk_bytes[..], &sk_bytes[..]),
            "{}: fips204 keys",
            $name
        );
        assert_eq!(&f_sig[..], sig.as_ref(), "{}: fips204 signature", $name);

        let plan = opts.plan;
        let t = race(
            plan,
            &mut [
                Lane::new(PQFIPS, || {
                    black_box(pqfips::$pq::SigningKey::from_seed(black_box(&seed)));
                }),
                Lane::new(opts.portable(), || {
                    black_box(pqfips::$pq::SigningKey::from_seed(black_box(&seed)));
                }),
                Lane::new(libcrux(), || {
                    black_box(libcrux_ml_dsa::$lc::generate_key_pair(black_box(seed)));
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    black_box(libcrux_ml_dsa::$lc::portable::generate_key_pair(black_box(
                        seed,
                    )));
                }),
                Lane::new(pqclean(), || {
                    black_box(pqcrypto_mldsa::$pqc::keypair());
                }),
                Lane::new(aws_lc(), || {
                    black_box(
                        aws_lc_rs::signature::PqdsaKeyPair::from_seed(
                            &aws_lc_rs::signature::$aws_sign,
                            black_box(&seed),
                        )
                        .unwrap(),
                    );
                }),
                Lane::new(RUSTCRYPTO, || {
                    black_box(ml_dsa::SigningKey::<ml_dsa::$rc>::from_seed(
                        &black_box(seed).into(),
                    ));
                }),
                Lane::new(FIPS204, || {
                    black_box(fips204::$f204::KG::keygen_from_seed(black_box(&seed)));
                }),
            ],
        );
        table.add($name, "keygen", &t);

        // Every lane walks the inputs from the same start, one per call.
        let [c0, c1, c2, c3, c4, c5, c6, c7] = &mut [Cursor::new(inputs.len()); 8];
        let t = race(
            sign_plan,
            &mut [
                Lane::new(PQFIPS, || {
                    let i = c0.next();
                    black_box(pqfips::$pq::hazmat::sign_internal(
                        &sk,
                        &m_primes[i],
                        &inputs[i].1,
                    ));
                }),
                Lane::new(opts.portable(), || {
                    let i = c1.next();
                    black_box(pqfips::$pq::hazmat::sign_internal(
                        &sk,
                        &m_primes[i],
                        &inputs[i].1,
                    ));
                }),
                Lane::new(libcrux(), || {
                    let i = c2.next();
                    let (m, r) = &inputs[i];
                    black_box(libcrux_ml_dsa::$lc::sign(&lc_kp.signing_key, m, ctx, *r).unwrap());
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    let i = c3.next();
                    let (m, r) = &inputs[i];
                    black_box(
                        libcrux_ml_dsa::$lc::portable::sign(&lc_kp.signing_key, m, ctx, *r)
                            .unwrap(),
                    );
                }),
                Lane::new(pqclean(), || {
                    let i = c4.next();
                    black_box(pqcrypto_mldsa::$pqc::detached_sign_ctx(
                        &inputs[i].0,
                        ctx,
                        &pqc_sk,
                    ));
                }),
                Lane::new(aws_lc(), || {
                    let i = c5.next();
                    let mut s = [0u8; pqfips::$pq::SIGNATURE_SIZE];
                    black_box(aws_kp.sign(&inputs[i].0, &mut s).unwrap());
                    black_box(s);
                }),
                Lane::new(RUSTCRYPTO, || {
                    let i = c6.next();
                    let (m, r) = &inputs[i];
                    black_box(rc_sk.sign_internal(&[&[0, 0], m], &(*r).into()));
                }),
                Lane::new(FIPS204, || {
                    let i = c7.next();
                    let (m, r) = &inputs[i];
                    black_box(f_sk.try_sign_with_seed(r, m, ctx).unwrap());
                }),
            ],
        );
        table.add($name, "sign", &t);

        // Verification of the same signature under the same key, the key already imported in
        // each implementation's own form (libcrux and PQClean verify from the key's bytes;
        // RustCrypto's imported key holds the expanded matrix Â, aws-lc-rs's a parsed key).
        let t = race(
            plan,
            &mut [
                Lane::new(PQFIPS, || {
                    black_box(vk.verify(black_box(msg), ctx, &sig).unwrap());
                }),
                Lane::new(opts.portable(), || {
                    black_box(vk.verify(black_box(msg), ctx, &sig).unwrap());
                }),
                Lane::new(libcrux(), || {
                    black_box(
                        libcrux_ml_dsa::$lc::verify(
                            &lc_kp.verification_key,
                            black_box(msg),
                            ctx,
                            &lc_sig,
                        )
                        .unwrap(),
                    );
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    black_box(
                        libcrux_ml_dsa::$lc::portable::verify(
                            &lc_kp.verification_key,
                            black_box(msg),
                            ctx,
                            &lc_sig,
                        )
                        .unwrap(),
                    );
                }),
                Lane::new(pqclean(), || {
                    pqcrypto_mldsa::$pqc::verify_detached_signature_ctx(
                        &pqc_sig,
                        black_box(msg),
                        ctx,
                        &pqc_pk,
                    )
                    .unwrap();
                }),
                Lane::new(aws_lc(), || {
                    aws_vk.verify_sig(black_box(msg), sig.as_ref()).unwrap();
                }),
                Lane::new(RUSTCRYPTO, || {
                    assert!(rc_vk.verify_with_context(black_box(msg), ctx, &rc_sig));
                }),
                Lane::new(FIPS204, || {
                    assert!(f_pk.verify(black_box(msg), &f_sig, ctx));
                }),
            ],
        );
        table.add($name, "verify", &t);

        // The same with pqfips's PreparedVerifyingKey, which holds Â and NTT(t₁·2^d).
        let prepared = vk.prepare();
        let t = race(
            plan,
            &mut [
                Lane::new(PQFIPS, || {
                    black_box(prepared.verify(black_box(msg), ctx, &sig).unwrap());
                }),
                Lane::new(opts.portable(), || {
                    black_box(prepared.verify(black_box(msg), ctx, &sig).unwrap());
                }),
                Lane::new(libcrux(), || {
                    black_box(
                        libcrux_ml_dsa::$lc::verify(
                            &lc_kp.verification_key,
                            black_box(msg),
                            ctx,
                            &lc_sig,
                        )
                        .unwrap(),
                    );
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    black_box(
                        libcrux_ml_dsa::$lc::portable::verify(
                            &lc_kp.verification_key,
                            black_box(msg),
                            ctx,
                            &lc_sig,
                        )
                        .unwrap(),
                    );
                }),
                Lane::new(pqclean(), || {
                    pqcrypto_mldsa::$pqc::verify_detached_signature_ctx(
                        &pqc_sig,
                        black_box(msg),
                        ctx,
                        &pqc_pk,
                    )
                    .unwrap();
                }),
                Lane::new(aws_lc(), || {
                    aws_vk.verify_sig(black_box(msg), sig.as_ref()).unwrap();
                }),
                Lane::new(RUSTCRYPTO, || {
                    assert!(rc_vk.verify_with_context(black_box(msg), ctx, &rc_sig));
                }),
                Lane::new(FIPS204, || {
                    assert!(f_pk.verify(black_box(msg), &f_sig, ctx));
                }),
            ],
        );
        table.add($name, "ver-prep", &t);

        // Importing the key's bytes, then verifying: what verifying a signature from a
        // certificate costs.
        let rc_vk_bytes = rc_vk.encode();
        let t = race(
            plan,
            &mut [
                Lane::new(PQFIPS, || {
                    let vk = pqfips::$pq::VerifyingKey::from_bytes(black_box(&vk_bytes)).unwrap();
                    black_box(vk.verify(msg, ctx, &sig).unwrap());
                }),
                Lane::new(opts.portable(), || {
                    let vk = pqfips::$pq::VerifyingKey::from_bytes(black_box(&vk_bytes)).unwrap();
                    black_box(vk.verify(msg, ctx, &sig).unwrap());
                }),
                Lane::new(libcrux(), || {
                    black_box(
                        libcrux_ml_dsa::$lc::verify(
                            &lc_kp.verification_key,
                            black_box(msg),
                            ctx,
                            &lc_sig,
                        )
                        .unwrap(),
                    );
                }),
                Lane::new(LIBCRUX_PORTABLE, || {
                    black_box(
                        libcrux_ml_dsa::$lc::portable::verify(
                            &lc_kp.verification_key,
                            black_box(msg),
                            ctx,
                            &lc_sig,
                        )
                        .unwrap(),
                    );
                }),
                Lane::new(pqclean(), || {
                    pqcrypto_mldsa::$pqc::verify_detached_signature_ctx(
                        &pqc_sig,
                        black_box(msg),
                        ctx,
                        &pqc_pk,
                    )
                    .unwrap();
                }),
                Lane::new(aws_lc(), || {
                    aws_lc_rs::signature::UnparsedPublicKey::new(
                        &aws_lc_rs::signature::$aws,
                        black_box(&vk_bytes),
                    )
                    .verify(msg, sig.as_ref())
                    .unwrap();
                }),
                Lane::new(RUSTCRYPTO, || {
                    let vk = ml_dsa::VerifyingKey::<ml_dsa::$rc>::decode(black_box(&rc_vk_bytes));
                    assert!(vk.verify_with_context(msg, ctx, &rc_sig));
                }),
                Lane::new(FIPS204, || {
                    let pk =
                        fips204::$f204::PublicKey::try_from_bytes(black_box(vk_bytes)).unwrap();
                    assert!(pk.verify(msg, &f_sig, ctx));
                }),
            ],
        );
        table.add($name, "vk+ver", &t);
    }};
}

/// Races every ML-DSA parameter set and prints the tables.
pub fn run(opts: &Options) {
    let mut table = Table::new(
        "ML-DSA",
        &[
            PQFIPS,
            opts.portable(),
            libcrux(),
            LIBCRUX_PORTABLE,
            pqclean(),
            aws_lc(),
            RUSTCRYPTO,
            FIPS204,
        ],
    );
    ml_dsa_set!(
        &mut table,
        opts,
        "ML-DSA-44",
        ml_dsa_44,
        ml_dsa_44,
        mldsa44,
        ML_DSA_44,
        ML_DSA_44_SIGNING,
        MlDsa44,
        ml_dsa_44
    );
    ml_dsa_set!(
        &mut table,
        opts,
        "ML-DSA-65",
        ml_dsa_65,
        ml_dsa_65,
        mldsa65,
        ML_DSA_65,
        ML_DSA_65_SIGNING,
        MlDsa65,
        ml_dsa_65
    );
    ml_dsa_set!(
        &mut table,
        opts,
        "ML-DSA-87",
        ml_dsa_87,
        ml_dsa_87,
        mldsa87,
        ML_DSA_87,
        ML_DSA_87_SIGNING,
        MlDsa87,
        ml_dsa_87
    );
    print!("{}", table.by_operation());
    let signs = opts.plan.batches * SIGNS_PER_BATCH;
    println!(
        "\nInputs: keygen from the same 32-byte seed ξ (all but PQClean, which draws its own, produce the \
         same keys). Signing: pure ML-DSA, empty context, {signs} different 32-byte messages signed in turn \
         ({SIGNS_PER_BATCH} per batch, each batch the next slice); pqfips, libcrux, RustCrypto and fips204 \
         sign them with the same given rnd, hence the same signatures and rejections (checked before \
         timing, as is every forced pqfips path); PQClean and aws-lc-rs draw their own rnd, so their \
         rejections are random with the same distribution, and PQClean signs with pqfips's key. Every \
         implementation verifies the same signature under the same key: \"verify\" with the key imported \
         in its own form (RustCrypto's holds the matrix Â, aws-lc-rs's is parsed; libcrux and PQClean \
         always start from bytes), \"ver-prep\" the same but pqfips's PreparedVerifyingKey (Â and \
         NTT(t₁·2^d) kept), \"vk+ver\" importing the key's bytes as well.\n"
    );
}
