//! The fallible-generator forms: every `try_` form and every signing method takes a
//! `TryCryptoRng`, and a generator that fails gives `Err(Error::RandomSource)`, never a panic
//! and never a result made from unfilled bytes. The same calls with a generator that works
//! give exactly what the infallible forms give with the same bytes, so the failing case is the
//! only difference.

mod common;

use common::{FixedRng, TestRng};
use pqfips::{Error, PreHash, ml_dsa, ml_kem, slh_dsa};
use rand_core::{TryCryptoRng, TryRng};

/// The error of [`FailingRng`].
#[derive(Debug)]
struct RngFailed;

impl core::fmt::Display for RngFailed {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("test generator failed")
    }
}

impl core::error::Error for RngFailed {}

/// Gives `budget` bytes (from a fixed stream), then fails on every request it cannot fill.
struct FailingRng {
    budget: usize,
    inner: TestRng,
}

impl FailingRng {
    fn after(budget: usize) -> Self {
        Self {
            budget,
            inner: TestRng::new(99),
        }
    }
}

impl TryRng for FailingRng {
    type Error = RngFailed;

    fn try_next_u32(&mut self) -> Result<u32, RngFailed> {
        let mut b = [0; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, RngFailed> {
        let mut b = [0; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), RngFailed> {
        if dst.len() > self.budget {
            return Err(RngFailed);
        }
        self.budget -= dst.len();
        self.inner.fill(dst);
        Ok(())
    }
}

impl TryCryptoRng for FailingRng {}

/// A working generator through the fallible path: never fails.
fn working() -> FailingRng {
    FailingRng::after(usize::MAX)
}

/// The infallible twin of [`working`]: the same bytes.
fn same_bytes() -> TestRng {
    TestRng::new(99)
}

fn ml_kem_generator_failures_are_errors<P: ml_kem::ParameterSet>() {
    let fail = ml_kem::DecapsulationKey::<P>::try_generate(&mut FailingRng::after(63));
    assert_eq!(fail.err(), Some(Error::RandomSource));
    let dk = ml_kem::DecapsulationKey::<P>::try_generate(&mut working()).unwrap();
    assert_eq!(
        dk,
        ml_kem::DecapsulationKey::<P>::generate(&mut same_bytes())
    );

    let ek = dk.encapsulation_key();
    let fail = ek.try_encapsulate(&mut FailingRng::after(31));
    assert_eq!(fail.err(), Some(Error::RandomSource));
    let (ct, ss) = ek.try_encapsulate(&mut working()).unwrap();
    assert_eq!((ct, ss.clone()), ek.encapsulate(&mut same_bytes()));
    assert_eq!(dk.decapsulate(&ct), ss);
}

fn ml_dsa_generator_failures_are_errors<P: ml_dsa::ParameterSet>() {
    let fail = ml_dsa::SigningKey::<P>::try_generate(&mut FailingRng::after(31));
    assert_eq!(fail.err(), Some(Error::RandomSource));
    let sk = ml_dsa::SigningKey::<P>::try_generate(&mut working()).unwrap();
    assert_eq!(sk, ml_dsa::SigningKey::<P>::generate(&mut same_bytes()));

    let vk = sk.verifying_key();
    let digest = common::prehash_digest(PreHash::Sha2_256, b"m");
    let mu = vk
        .message_representative(b"c")
        .unwrap()
        .update(b"m")
        .finalize();
    // The 32 bytes of rnd a working generator gives first.
    let rnd: [u8; 32] = same_bytes().bytes();
    type Sign<'a, P> = &'a dyn Fn(&mut FailingRng) -> Result<ml_dsa::Signature<P>, Error>;
    let cases: [(&str, Sign<P>, ml_dsa::Signature<P>); 4] = [
        (
            "sign",
            &|rng| sk.sign(rng, b"m", b"c"),
            ml_dsa::hazmat::sign_with_rnd(&sk, b"m", b"c", &rnd).unwrap(),
        ),
        (
            "sign_prehash",
            &|rng| sk.sign_prehash(rng, PreHash::Sha2_256, b"m", b"c"),
            ml_dsa::hazmat::sign_prehash_with_rnd(&sk, PreHash::Sha2_256, b"m", b"c", &rnd)
                .unwrap(),
        ),
        (
            "sign_digest",
            &|rng| sk.sign_digest(rng, PreHash::Sha2_256, &digest, b"c"),
            ml_dsa::hazmat::sign_digest_with_rnd(&sk, PreHash::Sha2_256, &digest, b"c", &rnd)
                .unwrap(),
        ),
        (
            "sign_mu",
            &|rng| sk.sign_mu(rng, &mu),
            ml_dsa::hazmat::sign_mu_with_rnd(&sk, &mu, &rnd),
        ),
    ];
    for (name, sign, expected) in cases {
        let fail = sign(&mut FailingRng::after(31));
        assert_eq!(fail.err(), Some(Error::RandomSource), "{name}");
        assert_eq!(
            sign(&mut FailingRng::after(32)).unwrap(),
            expected,
            "{name}"
        );
    }
}

fn slh_dsa_generator_failures_are_errors<P: slh_dsa::ParameterSet>() {
    // Keygen draws three n-byte seeds: a failure at any of them is an error.
    for budget in [0, P::N, 2 * P::N] {
        let fail = slh_dsa::SigningKey::<P>::try_generate(&mut FailingRng::after(budget));
        assert_eq!(fail.err(), Some(Error::RandomSource), "budget {budget}");
    }
    let sk = slh_dsa::SigningKey::<P>::from_seeds(
        &P::Seed::try_from(&[1; 32][..P::N]).unwrap(),
        &P::Seed::try_from(&[2; 32][..P::N]).unwrap(),
        &P::Seed::try_from(&[3; 32][..P::N]).unwrap(),
    );
    let digest = common::prehash_digest(PreHash::Sha2_256, b"m");
    let mut into = slh_dsa::Signature::<P>::default();
    let short = || FailingRng::after(P::N - 1);
    assert_eq!(
        sk.sign(&mut short(), b"m", b"c").err(),
        Some(Error::RandomSource)
    );
    assert_eq!(
        sk.sign_prehash(&mut short(), PreHash::Sha2_256, b"m", b"c")
            .err(),
        Some(Error::RandomSource)
    );
    assert_eq!(
        sk.sign_digest(&mut short(), PreHash::Sha2_256, &digest, b"c")
            .err(),
        Some(Error::RandomSource)
    );
    assert_eq!(
        sk.sign_into(&mut short(), b"m", b"c", &mut into),
        Err(Error::RandomSource)
    );
    assert_eq!(
        into,
        slh_dsa::Signature::default(),
        "sign_into left sig unchanged"
    );
}

/// Key generation only (signing succeeds on the fast sets below): a working fallible
/// generator gives the key the infallible path gives.
fn slh_dsa_try_generate_matches_generate<P: slh_dsa::ParameterSet>() {
    let sk = slh_dsa::SigningKey::<P>::try_generate(&mut working()).unwrap();
    assert_eq!(sk, slh_dsa::SigningKey::<P>::generate(&mut same_bytes()));
    let sig = sk.sign(&mut FixedRng(vec![5; P::N]), b"m", b"c").unwrap();
    sk.verifying_key().verify(b"m", b"c", &sig).unwrap();
}

for_each_ml_kem_set!(ml_kem_generator_failures_are_errors);
for_each_ml_dsa_set!(ml_dsa_generator_failures_are_errors);
for_each_slh_dsa_set!(slh_dsa_generator_failures_are_errors);

mod fast_slh_dsa_sets {
    #[test]
    fn slh_dsa_try_generate_matches_generate() {
        super::slh_dsa_try_generate_matches_generate::<pqfips::slh_dsa::SlhDsaSha2_128f>();
        super::slh_dsa_try_generate_matches_generate::<pqfips::slh_dsa::SlhDsaShake128f>();
    }
}

#[test]
fn xwing_generator_failures_are_errors() {
    use pqfips::hybrid::xwing::DecapsulationKey;
    let fail = DecapsulationKey::try_generate(&mut FailingRng::after(31));
    assert_eq!(fail.err(), Some(Error::RandomSource));
    let dk = DecapsulationKey::try_generate(&mut working()).unwrap();
    assert_eq!(dk, DecapsulationKey::generate(&mut same_bytes()));

    let ek = dk.encapsulation_key();
    let fail = ek.try_encapsulate(&mut FailingRng::after(63));
    assert_eq!(fail.err(), Some(Error::RandomSource));
    let (ct, ss) = ek.try_encapsulate(&mut working()).unwrap();
    assert_eq!((ct, ss.clone()), ek.encapsulate(&mut same_bytes()));
    assert_eq!(dk.decapsulate(&ct), ss);
}

/// The client draws the ML-KEM seed (64 bytes), then the ECDH scalar; the server the ML-KEM
/// m (32 bytes), then its scalar. A failure at either draw is an error.
fn tls_generator_failures_are_errors<G: pqfips::hybrid::tls::Group>() {
    use pqfips::hybrid::tls::{self, ClientKeyExchange};
    let scalar = G::ECDH_SCALAR_SIZE;
    for budget in [63, 64 + scalar - 1] {
        let fail = ClientKeyExchange::<G>::try_generate(&mut FailingRng::after(budget));
        assert_eq!(
            fail.err(),
            Some(Error::RandomSource),
            "{} {budget}",
            G::NAME
        );
    }
    let client = ClientKeyExchange::<G>::try_generate(&mut working()).unwrap();
    let twin = ClientKeyExchange::<G>::generate(&mut same_bytes());
    assert_eq!(client.key_share().as_ref(), twin.key_share().as_ref());

    let share = client.key_share().as_ref();
    for budget in [31, 32 + scalar - 1] {
        let fail = tls::try_server_key_share::<G, _>(&mut FailingRng::after(budget), share);
        assert_eq!(
            fail.err(),
            Some(Error::RandomSource),
            "{} {budget}",
            G::NAME
        );
    }
    let (server_share, secret) = tls::try_server_key_share::<G, _>(&mut working(), share).unwrap();
    let (twin_share, twin_secret) =
        tls::server_key_share::<G, _>(&mut same_bytes(), share).unwrap();
    assert_eq!(server_share.as_ref(), twin_share.as_ref());
    assert_eq!(secret, twin_secret);
    assert_eq!(client.complete(server_share.as_ref()).unwrap(), secret);
}

#[test]
fn tls_groups_generator_failures_are_errors() {
    use pqfips::hybrid::tls::{SecP256r1MlKem768, SecP384r1MlKem1024, X25519MlKem768};
    tls_generator_failures_are_errors::<X25519MlKem768>();
    tls_generator_failures_are_errors::<SecP256r1MlKem768>();
    tls_generator_failures_are_errors::<SecP384r1MlKem1024>();
}
