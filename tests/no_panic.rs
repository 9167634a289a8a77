//! Every byte-taking entry point of every parameter set, fed every length from 0 to twice the
//! right size with random contents: each call must return `Err` or a result that is checked to
//! be correct, never panic (a panic fails the test).
//!
//! Each algorithm lists its entry points in a function ([`ml_kem`], [`ml_dsa`], [`slh_dsa`],
//! [`xwing`], [`tls_group`]; one [`EntryPoint`] per decoder or byte-taking operation), called
//! for each set below.

mod common;

use common::TestRng;
use pqfips::ml_dsa::{self, Signature, SigningKey, VerifyingKey};
use pqfips::ml_kem::{self, Ciphertext, DecapsulationKey, EncapsulationKey};
use pqfips::{Error, PreHash, slh_dsa};

/// Random inputs of exactly the right size per entry point, besides one per wrong length.
const RIGHT_SIZE_INPUTS: usize = 64;

/// Calls an entry point on bytes: returns the library's error unchanged, or `Ok` after checking
/// what the library made of the bytes.
type Call<'a> = Box<dyn Fn(&[u8]) -> Result<(), Error> + 'a>;

/// One way untrusted bytes get in: the length it accepts, the call, and an input it must accept.
struct EntryPoint<'a> {
    name: &'static str,
    size: usize,
    call: Call<'a>,
    valid: &'a [u8],
}

/// Runs `entry` on every length 0..=2·size with random contents, and on its valid input: wrong
/// lengths must be `Error::InvalidLength` naming both lengths.
fn feed(entry: &EntryPoint, rng: &mut TestRng) {
    let mut buf = vec![0u8; 2 * entry.size + 1];
    for len in 0..=2 * entry.size {
        let tries = if len == entry.size {
            RIGHT_SIZE_INPUTS
        } else {
            1
        };
        for _ in 0..tries {
            rng.fill(&mut buf[..len]);
            let result = (entry.call)(&buf[..len]);
            if len != entry.size {
                let expected = Error::InvalidLength {
                    expected: entry.size,
                    actual: len,
                };
                assert_eq!(result, Err(expected), "{}: length {len}", entry.name);
            }
        }
    }
    assert_eq!(
        (entry.call)(entry.valid),
        Ok(()),
        "{}: a valid input",
        entry.name
    );
}

fn ml_kem<P: ml_kem::ParameterSet>() {
    let mut rng = TestRng::new(12);
    let dk = DecapsulationKey::<P>::generate(&mut rng);
    let ek_bytes = dk.encapsulation_key().to_bytes();
    let dk_bytes = dk.to_expanded_bytes();
    let (ct, _) = dk.encapsulation_key().encapsulate(&mut rng);
    let entry_points = [
        EntryPoint {
            name: "EncapsulationKey::from_bytes",
            size: P::ENCAPSULATION_KEY_SIZE,
            valid: ek_bytes.as_ref(),
            call: Box::new(|bytes| {
                let ek = EncapsulationKey::<P>::from_bytes(bytes)?;
                // Accepted only if canonical: the encoding comes back unchanged.
                assert_eq!(ek.to_bytes().as_ref(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "EncapsulationKey::try_from",
            size: P::ENCAPSULATION_KEY_SIZE,
            valid: ek_bytes.as_ref(),
            call: Box::new(|bytes| {
                let ek = EncapsulationKey::<P>::try_from(bytes)?;
                assert_eq!(ek.to_bytes().as_ref(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "DecapsulationKey::from_expanded_bytes",
            size: P::DECAPSULATION_KEY_SIZE,
            valid: dk_bytes.as_ref(),
            call: Box::new(|bytes| {
                let dk = DecapsulationKey::<P>::from_expanded_bytes(bytes)?;
                // Accepted: it decapsulates what its own encapsulation key encapsulates.
                let (ct, ss) =
                    ml_kem::hazmat::encapsulate_deterministic(dk.encapsulation_key(), &[7; 32]);
                assert_eq!(dk.decapsulate(&ct), ss);
                Ok(())
            }),
        },
        EntryPoint {
            name: "Ciphertext::try_from (then decapsulate)",
            size: P::CIPHERTEXT_SIZE,
            valid: ct.as_ref(),
            call: Box::new(|bytes| {
                let ct = Ciphertext::<P>::try_from(bytes)?;
                // Every byte string of the right length is a ciphertext; decapsulation of any of
                // them is deterministic (implicit rejection, never an error).
                assert_eq!(ct.as_ref(), bytes);
                assert_eq!(dk.decapsulate(&ct), dk.decapsulate(&ct));
                Ok(())
            }),
        },
    ];
    for entry in &entry_points {
        feed(entry, &mut rng);
    }
}

fn ml_dsa<P: ml_dsa::ParameterSet>() {
    let mut rng = TestRng::new(13);
    let sk = SigningKey::<P>::generate(&mut rng);
    let vk = sk.verifying_key();
    let vk_bytes = vk.to_bytes();
    let sk_bytes = sk.to_expanded_bytes();
    let sig = sk.sign(&mut rng, b"msg", b"ctx").unwrap();
    let entry_points = [
        EntryPoint {
            name: "VerifyingKey::from_bytes",
            size: P::VERIFYING_KEY_SIZE,
            valid: vk_bytes.as_ref(),
            call: Box::new(|bytes| {
                // Every encoding of the right length is a key; it encodes back unchanged.
                let vk = VerifyingKey::<P>::from_bytes(bytes)?;
                assert_eq!(vk.as_bytes(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "VerifyingKey::try_from (then verify)",
            size: P::VERIFYING_KEY_SIZE,
            valid: vk_bytes.as_ref(),
            call: Box::new(|bytes| {
                let other = VerifyingKey::<P>::try_from(bytes)?;
                // Only the signer's own key accepts its signature.
                assert_eq!(other.verify(b"msg", b"ctx", &sig).is_ok(), other == *vk);
                Ok(())
            }),
        },
        EntryPoint {
            name: "SigningKey::from_expanded_bytes (then sign)",
            size: P::SIGNING_KEY_SIZE,
            valid: sk_bytes.as_ref(),
            call: Box::new(|bytes| {
                let sk = SigningKey::<P>::from_expanded_bytes(bytes)?;
                // Accepted: a consistent key, whose signatures its verifying key accepts.
                let sig = sk.sign_deterministic(b"m", b"").unwrap();
                sk.verifying_key().verify(b"m", b"", &sig).unwrap();
                Ok(())
            }),
        },
        EntryPoint {
            name: "SigningKey::try_from",
            size: P::SIGNING_KEY_SIZE,
            valid: sk_bytes.as_ref(),
            call: Box::new(|bytes| SigningKey::<P>::try_from(bytes).map(drop)),
        },
        EntryPoint {
            name: "Signature::try_from (then verify)",
            size: P::SIGNATURE_SIZE,
            valid: sig.as_ref(),
            call: Box::new(|bytes| {
                let sig = Signature::<P>::try_from(bytes)?;
                assert_eq!(sig.as_ref(), bytes);
                vk.verify(b"msg", b"ctx", &sig)
            }),
        },
        EntryPoint {
            name: "Signature::from_bytes (then verify_mu)",
            size: P::SIGNATURE_SIZE,
            valid: sig.as_ref(),
            call: Box::new(|bytes| {
                let sig = Signature::<P>::from_bytes(bytes)?;
                let mu = vk.message_representative(b"ctx")?.update(b"msg").finalize();
                vk.verify_mu(&mu, &sig)
            }),
        },
    ];
    for entry in &entry_points {
        feed(entry, &mut rng);
    }
}

/// The SLH-DSA entry points. Signs once, with a valid key: an "s" set signs in up to a second
/// and a half, too slow to sign with each random key (whose PK.root does not belong to its
/// seeds, so that its signatures would not verify anyway).
fn slh_dsa<P: slh_dsa::ParameterSet>() {
    let mut rng = TestRng::new(14);
    let sk = slh_dsa::SigningKey::<P>::generate(&mut rng);
    let vk = sk.verifying_key();
    let vk_bytes = vk.to_bytes();
    let sk_bytes = sk.to_bytes();
    let sig = sk.sign(&mut rng, b"msg", b"ctx").unwrap();
    // M′ = toByte(0, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ M, what the pure signature signs internally.
    let m_prime = [&[0, 3][..], b"ctx", b"msg"].concat();
    let entry_points = [
        EntryPoint {
            name: "VerifyingKey::from_bytes",
            size: P::VERIFYING_KEY_SIZE,
            valid: vk_bytes.as_ref(),
            call: Box::new(|bytes| {
                // Every byte string of the right length is a key; it encodes back unchanged.
                let vk = slh_dsa::VerifyingKey::<P>::from_bytes(bytes)?;
                assert_eq!(vk.to_bytes().as_ref(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "VerifyingKey::try_from (then verify)",
            size: P::VERIFYING_KEY_SIZE,
            valid: vk_bytes.as_ref(),
            call: Box::new(|bytes| {
                let other = slh_dsa::VerifyingKey::<P>::try_from(bytes)?;
                // Only the signer's own key accepts its signature.
                assert_eq!(other.verify(b"msg", b"ctx", &sig).is_ok(), other == *vk);
                Ok(())
            }),
        },
        EntryPoint {
            name: "SigningKey::from_bytes",
            size: P::SIGNING_KEY_SIZE,
            valid: sk_bytes.as_ref(),
            call: Box::new(|bytes| {
                // Every byte string of the right length is a key (FIPS 205 defines no check):
                // it encodes back unchanged, and its verifying key is its last 2n bytes.
                let sk = slh_dsa::SigningKey::<P>::from_bytes(bytes)?;
                assert_eq!(sk.to_bytes().as_ref(), bytes);
                let vk = sk.verifying_key().to_bytes();
                assert_eq!(vk.as_ref(), &bytes[2 * P::N..]);
                Ok(())
            }),
        },
        EntryPoint {
            name: "SigningKey::try_from (then sign, with the valid key)",
            size: P::SIGNING_KEY_SIZE,
            valid: sk_bytes.as_ref(),
            call: Box::new(|bytes| {
                let imported = slh_dsa::SigningKey::<P>::try_from(bytes)?;
                assert_eq!(imported.to_bytes().as_ref(), bytes);
                // The one input whose PK.root belongs to its seeds: the imported key is the
                // signer's, and signs as it does.
                if bytes == sk_bytes.as_ref() {
                    assert!(imported == sk);
                    let det = imported.sign_deterministic(b"m", b"").unwrap();
                    assert!(det == sk.sign_deterministic(b"m", b"").unwrap());
                    vk.verify(b"m", b"", &det).unwrap();
                }
                Ok(())
            }),
        },
        EntryPoint {
            name: "Signature::try_from (then verify)",
            size: P::SIGNATURE_SIZE,
            valid: sig.as_ref(),
            call: Box::new(|bytes| {
                let other = slh_dsa::Signature::<P>::try_from(bytes)?;
                assert_eq!(other.as_ref(), bytes);
                // Only the signature made on this message verifies.
                let result = vk.verify(b"msg", b"ctx", &other);
                assert_eq!(result.is_ok(), other == sig);
                result
            }),
        },
        EntryPoint {
            name: "Signature::from_bytes (then verify_internal, verify_prehash)",
            size: P::SIGNATURE_SIZE,
            valid: sig.as_ref(),
            call: Box::new(|bytes| {
                let sig = slh_dsa::Signature::<P>::from_bytes(bytes)?;
                // Algorithm 20 on M′ says what the pure verification says; a pure signature is
                // never a pre-hash one (M′ starts with 0, not 1).
                let result = slh_dsa::hazmat::verify_internal(vk, &m_prime, &sig);
                assert_eq!(result, vk.verify(b"msg", b"ctx", &sig));
                assert_eq!(
                    vk.verify_prehash(PreHash::Sha2_256, b"msg", b"ctx", &sig),
                    Err(Error::InvalidSignature)
                );
                result
            }),
        },
    ];
    for entry in &entry_points {
        feed(entry, &mut rng);
    }
}

for_each_slh_dsa_set!(slh_dsa);

#[test]
fn ml_kem_512() {
    ml_kem::<ml_kem::MlKem512>();
}

#[test]
fn ml_kem_768() {
    ml_kem::<ml_kem::MlKem768>();
}

#[test]
fn ml_kem_1024() {
    ml_kem::<ml_kem::MlKem1024>();
}

#[test]
fn ml_dsa_44() {
    ml_dsa::<ml_dsa::MlDsa44>();
}

#[test]
fn ml_dsa_65() {
    ml_dsa::<ml_dsa::MlDsa65>();
}

#[test]
fn ml_dsa_87() {
    ml_dsa::<ml_dsa::MlDsa87>();
}

/// X-Wing's decoders: the encapsulation key (§7.2 check on pk_M) and the ciphertext.
fn xwing() {
    use pqfips::hybrid::xwing;
    let mut rng = TestRng::new(15);
    let dk = xwing::DecapsulationKey::generate(&mut rng);
    let ek_bytes = dk.encapsulation_key().to_bytes();
    let (ct, _) = dk.encapsulation_key().encapsulate(&mut rng);
    let entry_points = [
        EntryPoint {
            name: "xwing::EncapsulationKey::from_bytes",
            size: xwing::ENCAPSULATION_KEY_SIZE,
            valid: &ek_bytes,
            call: Box::new(|bytes| {
                let ek = xwing::EncapsulationKey::from_bytes(bytes)?;
                assert_eq!(ek.to_bytes()[..], *bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "xwing::Ciphertext::try_from (then decapsulate)",
            size: xwing::CIPHERTEXT_SIZE,
            valid: ct.as_ref(),
            call: Box::new(|bytes| {
                let ct = xwing::Ciphertext::try_from(bytes)?;
                assert_eq!(dk.decapsulate(&ct), dk.decapsulate(&ct));
                Ok(())
            }),
        },
    ];
    for entry in &entry_points {
        feed(entry, &mut rng);
    }
}

/// A TLS hybrid group's two untrusted inputs: the client's share at the server, the server's
/// share at the client.
fn tls_group<G: pqfips::hybrid::tls::Group>() {
    use pqfips::hybrid::tls::{ClientKeyExchange, server_key_share};
    let mut rng = TestRng::new(16);
    let client = ClientKeyExchange::<G>::generate(&mut rng);
    let (server_share, _) =
        server_key_share::<G, _>(&mut rng, client.key_share().as_ref()).expect("valid");
    let rng = std::cell::RefCell::new(TestRng::new(17));
    let entry_points = [
        EntryPoint {
            name: "tls::server_key_share",
            size: G::CLIENT_SHARE_SIZE,
            valid: client.key_share().as_ref(),
            call: Box::new(|bytes| {
                let (share, secret) = server_key_share::<G, _>(&mut *rng.borrow_mut(), bytes)?;
                // Accepted: a client holding the share's keys would get the same secret (checked
                // for the client's own share, the valid input).
                if bytes == client.key_share().as_ref() {
                    assert_eq!(client.complete(share.as_ref()), Ok(secret));
                }
                Ok(())
            }),
        },
        EntryPoint {
            name: "tls::ClientKeyExchange::complete",
            size: G::SERVER_SHARE_SIZE,
            valid: server_share.as_ref(),
            call: Box::new(|bytes| {
                let secret = client.complete(bytes)?;
                assert_eq!(client.complete(bytes), Ok(secret));
                Ok(())
            }),
        },
    ];
    let mut feeder = TestRng::new(18);
    for entry in &entry_points {
        feed(entry, &mut feeder);
    }
}

#[test]
fn xwing_decoders() {
    xwing();
}

#[test]
fn x25519mlkem768() {
    tls_group::<pqfips::hybrid::tls::X25519MlKem768>();
}

#[test]
fn secp256r1mlkem768() {
    tls_group::<pqfips::hybrid::tls::SecP256r1MlKem768>();
}

#[test]
fn secp384r1mlkem1024() {
    tls_group::<pqfips::hybrid::tls::SecP384r1MlKem1024>();
}
