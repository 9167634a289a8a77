//! Every byte-taking entry point of every parameter set, fed every length from 0 to twice the
//! right size with random contents: each call must return `Err` or a result that is checked to
//! be correct, never panic (a panic fails the test).
//!
//! Each algorithm lists its entry points in a function ([`ml_kem`], [`ml_dsa`], [`slh_dsa`],
//! [`xwing`], [`tls_group`]; one [`EntryPoint`] per decoder or byte-taking operation), called
//! for each set below, on every backend the CPU has, each forced in turn (and SLH-DSA's SHA2
//! sets also with the SHA extensions off): a failure names the backend.

mod common;

use common::{TestRng, on_every_backend, on_every_path_of};
use pqfips::ml_dsa::{self, Signature, SigningKey, VerifyingKey};
use pqfips::ml_kem::{self, Ciphertext, DecapsulationKey, EncapsulationKey};
use pqfips::{Error, Input, PreHash, slh_dsa};

/// Random inputs of exactly the right size per entry point, besides one per wrong length.
const RIGHT_SIZE_INPUTS: usize = 64;

/// Calls an entry point on bytes: returns the library's error unchanged, or `Ok` after checking
/// what the library made of the bytes.
type Call<'a> = Box<dyn Fn(&[u8]) -> Result<(), Error> + 'a>;

/// One way untrusted bytes get in: the length it accepts, the call, and an input it must accept.
struct EntryPoint<'a> {
    name: &'static str,
    input: Input,
    size: usize,
    call: Call<'a>,
    valid: &'a [u8],
}

/// Runs `entry` on every length 0..=2·size with random contents, and on its valid input: wrong
/// lengths must be `Error::InvalidLength` naming the input and both lengths.
///
/// The wrong lengths are prefixes of one random buffer: drawing fresh bytes for each would cost
/// time quadratic in the size (seconds for SLH-DSA's 50 KB signatures, on every backend), and
/// they are rejected before their contents are read. Each right-size input is drawn afresh.
fn feed(entry: &EntryPoint, rng: &mut TestRng) {
    let mut buf = vec![0u8; 2 * entry.size + 1];
    rng.fill(&mut buf);
    for len in 0..=2 * entry.size {
        let tries = if len == entry.size {
            RIGHT_SIZE_INPUTS
        } else {
            1
        };
        for _ in 0..tries {
            if len == entry.size {
                rng.fill(&mut buf[..len]);
            }
            let result = (entry.call)(&buf[..len]);
            if len != entry.size {
                let expected = Error::InvalidLength {
                    input: entry.input,
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
    let seed = *dk.seed().unwrap();
    let entry_points = [
        EntryPoint {
            name: "DecapsulationKey::try_from (the seed d‖z)",
            input: Input::Seed,
            size: ml_kem::SEED_SIZE,
            valid: &seed,
            call: Box::new(|bytes| {
                // Every 64-byte string is a seed; the key is the one from_seed makes.
                let dk = DecapsulationKey::<P>::try_from(bytes)?;
                assert_eq!(dk.seed().unwrap().as_ref(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "Ciphertext::from_bytes",
            input: Input::Ciphertext,
            size: P::CIPHERTEXT_SIZE,
            valid: ct.as_ref(),
            call: Box::new(|bytes| {
                assert_eq!(Ciphertext::<P>::from_bytes(bytes)?.as_ref(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "EncapsulationKey::from_bytes",
            input: Input::EncapsulationKey,
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
            input: Input::EncapsulationKey,
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
            input: Input::ExpandedDecapsulationKey,
            size: P::EXPANDED_DECAPSULATION_KEY_SIZE,
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
            input: Input::Ciphertext,
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
            input: Input::VerifyingKey,
            size: P::VERIFYING_KEY_SIZE,
            valid: vk_bytes.as_ref(),
            call: Box::new(|bytes| {
                // Every encoding of the right length is a key; it encodes back unchanged.
                let vk = VerifyingKey::<P>::from_bytes(bytes)?;
                assert_eq!(vk.as_bytes().as_ref(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "VerifyingKey::try_from (then verify)",
            input: Input::VerifyingKey,
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
            input: Input::ExpandedSigningKey,
            size: P::EXPANDED_SIGNING_KEY_SIZE,
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
            name: "SigningKey::try_from (the seed ξ)",
            input: Input::Seed,
            size: ml_dsa::SEED_SIZE,
            valid: sk.seed().unwrap(),
            call: Box::new(|bytes| {
                // Every 32-byte string is a seed; the key is the one from_seed makes.
                let sk = SigningKey::<P>::try_from(bytes)?;
                assert_eq!(sk.seed().unwrap().as_ref(), bytes);
                Ok(())
            }),
        },
        EntryPoint {
            name: "Signature::try_from (then verify)",
            input: Input::Signature,
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
            input: Input::Signature,
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
/// seeds, so that its signatures would not verify anyway). The key and the signatures to
/// compare with are made once; the entry points are fed on every path.
fn slh_dsa<P: slh_dsa::ParameterSet>() {
    let mut rng = TestRng::new(14);
    let sk = slh_dsa::SigningKey::<P>::generate(&mut rng);
    let sig = sk.sign(&mut rng, b"msg", b"ctx").unwrap();
    let det_sig = sk.sign_deterministic(b"m", b"").unwrap();
    // M′ = toByte(0, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ M, what the pure signature signs internally.
    let m_prime = [&[0, 3][..], b"ctx", b"msg"].concat();
    on_every_path_of(P::NAME, |_| {
        slh_dsa_entry_points(&sk, &sig, &det_sig, &m_prime, &mut rng)
    });
}

/// Feeds SLH-DSA's entry points, `sk` being the valid key, `sig` its signature on "msg" in the
/// context "ctx" and `det_sig` its deterministic one on "m".
fn slh_dsa_entry_points<P: slh_dsa::ParameterSet>(
    sk: &slh_dsa::SigningKey<P>,
    sig: &slh_dsa::Signature<P>,
    det_sig: &slh_dsa::Signature<P>,
    m_prime: &[u8],
    rng: &mut TestRng,
) {
    let vk = sk.verifying_key();
    let vk_bytes = vk.to_bytes();
    let sk_bytes = sk.to_bytes();
    let entry_points = [
        EntryPoint {
            name: "VerifyingKey::from_bytes",
            input: Input::VerifyingKey,
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
            input: Input::VerifyingKey,
            size: P::VERIFYING_KEY_SIZE,
            valid: vk_bytes.as_ref(),
            call: Box::new(|bytes| {
                let other = slh_dsa::VerifyingKey::<P>::try_from(bytes)?;
                // Only the signer's own key accepts its signature.
                assert_eq!(other.verify(b"msg", b"ctx", sig).is_ok(), other == *vk);
                Ok(())
            }),
        },
        EntryPoint {
            name: "SigningKey::from_bytes",
            input: Input::SigningKey,
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
            input: Input::SigningKey,
            size: P::SIGNING_KEY_SIZE,
            valid: sk_bytes.as_ref(),
            call: Box::new(|bytes| {
                let imported = slh_dsa::SigningKey::<P>::try_from(bytes)?;
                assert_eq!(imported.to_bytes().as_ref(), bytes);
                // The one input whose PK.root belongs to its seeds: the imported key is the
                // signer's, and signs as it does.
                if bytes == sk_bytes.as_ref() {
                    assert!(imported == *sk);
                    let det = imported.sign_deterministic(b"m", b"").unwrap();
                    assert!(det == *det_sig);
                    vk.verify(b"m", b"", &det).unwrap();
                }
                Ok(())
            }),
        },
        EntryPoint {
            name: "Signature::try_from (then verify)",
            input: Input::Signature,
            size: P::SIGNATURE_SIZE,
            valid: sig.as_ref(),
            call: Box::new(|bytes| {
                let other = slh_dsa::Signature::<P>::try_from(bytes)?;
                assert_eq!(other.as_ref(), bytes);
                // Only the signature made on this message verifies.
                let result = vk.verify(b"msg", b"ctx", &other);
                assert_eq!(result.is_ok(), other == *sig);
                result
            }),
        },
        EntryPoint {
            name: "Signature::from_bytes (then verify_internal, verify_prehash)",
            input: Input::Signature,
            size: P::SIGNATURE_SIZE,
            valid: sig.as_ref(),
            call: Box::new(|bytes| {
                let sig = slh_dsa::Signature::<P>::from_bytes(bytes)?;
                // Algorithm 20 on M′ says what the pure verification says; a pure signature is
                // never a pre-hash one (M′ starts with 0, not 1).
                let result = slh_dsa::hazmat::verify_internal(vk, m_prime, &sig);
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
        feed(entry, rng);
    }
}

for_each_slh_dsa_set!(slh_dsa);

#[test]
fn ml_kem_512() {
    on_every_backend(|_| ml_kem::<ml_kem::MlKem512>());
}

#[test]
fn ml_kem_768() {
    on_every_backend(|_| ml_kem::<ml_kem::MlKem768>());
}

#[test]
fn ml_kem_1024() {
    on_every_backend(|_| ml_kem::<ml_kem::MlKem1024>());
}

#[test]
fn ml_dsa_44() {
    on_every_backend(|_| ml_dsa::<ml_dsa::MlDsa44>());
}

#[test]
fn ml_dsa_65() {
    on_every_backend(|_| ml_dsa::<ml_dsa::MlDsa65>());
}

#[test]
fn ml_dsa_87() {
    on_every_backend(|_| ml_dsa::<ml_dsa::MlDsa87>());
}

/// The key-format decoders (feature `pkcs8`), PKCS#8 and SubjectPublicKeyInfo, DER and PEM,
/// of every set: fed every truncation of a valid encoding, the encoding with each byte replaced
/// by a random one, and random bytes of every length up to twice its length. Each call returns
/// `Err` or a key that exports and imports back to itself, never panics.
#[cfg(feature = "pkcs8")]
mod key_formats {
    use pqfips::pkcs8::AssociatedOid;

    use super::*;

    /// One decoder and a valid input for it; `text` inputs are PEM, mutated within printable
    /// ASCII so that they stay strings.
    struct Decoder<'a> {
        name: String,
        valid: Vec<u8>,
        text: bool,
        call: Call<'a>,
    }

    fn mutation(rng: &mut TestRng, text: bool) -> u8 {
        if text {
            // Printable ASCII and the newline: Base64, the boundaries' dashes and letters.
            let c = 0x20 + rng.below(0x60) as u8;
            if c == 0x7f { b'\n' } else { c }
        } else {
            rng.next() as u8
        }
    }

    fn sweep(decoder: &Decoder, rng: &mut TestRng) -> usize {
        let valid = &decoder.valid;
        assert_eq!(
            (decoder.call)(valid),
            Ok(()),
            "{}: a valid input",
            decoder.name
        );
        let mut calls = 1;
        for len in 0..valid.len() {
            // PEM without its final newline is still PEM: the only truncation that may decode.
            let result = (decoder.call)(&valid[..len]);
            let last_newline = decoder.text && len == valid.len() - 1;
            assert!(
                result.is_err() || last_newline,
                "{}: truncated",
                decoder.name
            );
            let mut changed = valid.clone();
            changed[len] = mutation(rng, decoder.text);
            let _ = (decoder.call)(&changed);
            calls += 2;
        }
        for len in 0..=2 * valid.len() {
            let random: Vec<u8> = (0..len).map(|_| mutation(rng, decoder.text)).collect();
            let _ = (decoder.call)(&random);
            calls += 1;
        }
        calls
    }

    fn text(bytes: &[u8]) -> &str {
        std::str::from_utf8(bytes).expect("mutated within ASCII")
    }

    /// Valid encodings of a key pair: the private key in the forms to start from, the rest as
    /// exported.
    struct Valid {
        private_ders: Vec<Vec<u8>>,
        private_pem: String,
        public_der: Vec<u8>,
        public_pem: String,
    }

    /// The decoders of a key pair, the check of an imported private key, and the encoder of a
    /// public key.
    struct Codecs<K, V> {
        private: fn(&[u8]) -> Result<K, Error>,
        private_pem: fn(&str) -> Result<K, Error>,
        check_private: fn(&K),
        public: fn(&[u8]) -> Result<V, Error>,
        public_pem: fn(&str) -> Result<V, Error>,
        public_der_of: fn(&V) -> Vec<u8>,
    }

    /// The four decoders of a key pair, each with its valid input.
    fn decoders<'a, K: 'a, V: PartialEq + std::fmt::Debug + 'a>(
        name: &str,
        valid: Valid,
        codecs: Codecs<K, V>,
    ) -> Vec<Decoder<'a>> {
        let Valid {
            private_ders,
            private_pem,
            public_der,
            public_pem,
        } = valid;
        let Codecs {
            private,
            private_pem: private_pem_decode,
            check_private,
            public,
            public_pem: public_pem_decode,
            public_der_of,
        } = codecs;
        let mut out: Vec<Decoder<'a>> = private_ders
            .into_iter()
            .enumerate()
            .map(|(i, valid)| Decoder {
                name: format!("{name} from_pkcs8_der #{i}"),
                valid,
                text: false,
                call: Box::new(move |b| private(b).map(|k| check_private(&k))),
            })
            .collect();
        out.push(Decoder {
            name: format!("{name} from_pkcs8_pem"),
            valid: private_pem.into_bytes(),
            text: true,
            call: Box::new(move |b| private_pem_decode(text(b)).map(|k| check_private(&k))),
        });
        out.push(Decoder {
            name: format!("{name} from_public_key_der"),
            valid: public_der,
            text: false,
            // Accepted only if canonical: it exports to the very input.
            call: Box::new(move |b| public(b).map(|v| assert_eq!(public_der_of(&v), b))),
        });
        out.push(Decoder {
            name: format!("{name} from_public_key_pem"),
            valid: public_pem.into_bytes(),
            text: true,
            call: Box::new(move |b| {
                public_pem_decode(text(b)).map(|v| {
                    let der = public_der_of(&v);
                    assert_eq!(public(&der).unwrap(), v);
                })
            }),
        });
        out
    }

    fn run(decoders: &[Decoder], seed: u64) {
        let mut rng = TestRng::new(seed);
        let calls: usize = decoders.iter().map(|d| sweep(d, &mut rng)).sum();
        println!("{} decoders, {calls} calls", decoders.len());
    }

    fn ml_kem<P: ml_kem::ParameterSet + AssociatedOid>() {
        let mut rng = TestRng::new(15);
        let dk = DecapsulationKey::<P>::generate(&mut rng);
        let ek = dk.encapsulation_key();
        let mut buf = vec![0u8; 8192];
        let seed_der = dk.to_pkcs8_der(&mut buf).unwrap().to_vec();
        let pem = dk.to_pkcs8_pem(&mut buf).unwrap().to_string();
        let pub_der = ek.to_public_key_der(&mut buf).unwrap().to_vec();
        let pub_pem = ek.to_public_key_pem(&mut buf).unwrap().to_string();
        // The `both` form, by hand: the seed form's CHOICE replaced (sizes below 64 KiB).
        let expanded = dk.to_expanded_bytes();
        let both = both_form(&seed_der, dk.seed().unwrap(), expanded.as_ref());
        let valid = Valid {
            private_ders: vec![seed_der, both],
            private_pem: pem,
            public_der: pub_der,
            public_pem: pub_pem,
        };
        let codecs = Codecs {
            private: DecapsulationKey::<P>::from_pkcs8_der,
            private_pem: DecapsulationKey::<P>::from_pkcs8_pem,
            check_private: |k| {
                let mut buf = [0u8; 256];
                let der = k.to_pkcs8_der(&mut buf).unwrap();
                assert!(DecapsulationKey::<P>::from_pkcs8_der(der).unwrap() == *k);
            },
            public: EncapsulationKey::<P>::from_public_key_der,
            public_pem: EncapsulationKey::<P>::from_public_key_pem,
            public_der_of: |v| {
                let mut buf = [0u8; 4096];
                v.to_public_key_der(&mut buf).unwrap().to_vec()
            },
        };
        let decoders = decoders(P::NAME, valid, codecs);
        run(&decoders, 16);
    }

    fn ml_dsa<P: ml_dsa::ParameterSet + AssociatedOid>() {
        let mut rng = TestRng::new(17);
        let sk = SigningKey::<P>::generate(&mut rng);
        let vk = sk.verifying_key();
        let mut buf = vec![0u8; 8192];
        let seed_der = sk.to_pkcs8_der(&mut buf).unwrap().to_vec();
        let pem = sk.to_pkcs8_pem(&mut buf).unwrap().to_string();
        let pub_der = vk.to_public_key_der(&mut buf).unwrap().to_vec();
        let pub_pem = vk.to_public_key_pem(&mut buf).unwrap().to_string();
        let expanded = sk.to_expanded_bytes();
        let both = both_form(&seed_der, sk.seed().unwrap(), expanded.as_ref());
        let valid = Valid {
            private_ders: vec![seed_der, both],
            private_pem: pem,
            public_der: pub_der,
            public_pem: pub_pem,
        };
        let codecs = Codecs {
            private: SigningKey::<P>::from_pkcs8_der,
            private_pem: SigningKey::<P>::from_pkcs8_pem,
            check_private: |k| {
                let mut buf = [0u8; 256];
                let der = k.to_pkcs8_der(&mut buf).unwrap();
                assert!(SigningKey::<P>::from_pkcs8_der(der).unwrap() == *k);
            },
            public: VerifyingKey::<P>::from_public_key_der,
            public_pem: VerifyingKey::<P>::from_public_key_pem,
            public_der_of: |v| {
                let mut buf = [0u8; 4096];
                v.to_public_key_der(&mut buf).unwrap().to_vec()
            },
        };
        let decoders = decoders(P::NAME, valid, codecs);
        run(&decoders, 18);
    }

    fn slh_dsa<P: slh_dsa::ParameterSet + AssociatedOid>() {
        // A key whose PK.root does not belong to its seeds imports all the same (FIPS 205
        // defines no check), so random bytes stand for a key here: no slow key generation.
        let mut rng = TestRng::new(19);
        let mut raw = vec![0u8; P::SIGNING_KEY_SIZE];
        rng.fill(&mut raw);
        let sk = slh_dsa::SigningKey::<P>::from_bytes(&raw).unwrap();
        let vk = sk.verifying_key();
        let mut buf = vec![0u8; 1024];
        let der = sk.to_pkcs8_der(&mut buf).unwrap().to_vec();
        let pem = sk.to_pkcs8_pem(&mut buf).unwrap().to_string();
        let pub_der = vk.to_public_key_der(&mut buf).unwrap().to_vec();
        let pub_pem = vk.to_public_key_pem(&mut buf).unwrap().to_string();
        let valid = Valid {
            private_ders: vec![der],
            private_pem: pem,
            public_der: pub_der,
            public_pem: pub_pem,
        };
        let codecs = Codecs {
            private: slh_dsa::SigningKey::<P>::from_pkcs8_der,
            private_pem: slh_dsa::SigningKey::<P>::from_pkcs8_pem,
            check_private: |k| {
                let mut buf = [0u8; 256];
                let der = k.to_pkcs8_der(&mut buf).unwrap();
                assert!(slh_dsa::SigningKey::<P>::from_pkcs8_der(der).unwrap() == *k);
            },
            public: slh_dsa::VerifyingKey::<P>::from_public_key_der,
            public_pem: slh_dsa::VerifyingKey::<P>::from_public_key_pem,
            public_der_of: |v| {
                let mut buf = [0u8; 256];
                v.to_public_key_der(&mut buf).unwrap().to_vec()
            },
        };
        let decoders = decoders(P::NAME, valid, codecs);
        run(&decoders, 20);
    }

    /// A DER header: tag and definite length.
    fn header(tag: u8, len: usize) -> Vec<u8> {
        match len {
            0..0x80 => vec![tag, len as u8],
            0x80..0x100 => vec![tag, 0x81, len as u8],
            _ => vec![tag, 0x82, (len >> 8) as u8, len as u8],
        }
    }

    fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
        [header(tag, value.len()), value.to_vec()].concat()
    }

    /// The `both` form of a key exported in the seed form: the same version and algorithm,
    /// with SEQUENCE { seed, expandedKey } in the OCTET STRING.
    fn both_form(seed_der: &[u8], seed: &[u8], expanded: &[u8]) -> Vec<u8> {
        let seed_form = tlv(0x80, seed);
        let inner = tlv(0x04, &seed_form);
        // Version and AlgorithmIdentifier: after the outer header (two bytes, the seed forms
        // being shorter than 128 bytes), before the OCTET STRING.
        assert!(seed_der[1] < 0x80);
        let prefix = &seed_der[2..seed_der.len() - inner.len()];
        let both = tlv(0x30, &[tlv(0x04, seed), tlv(0x04, expanded)].concat());
        tlv(0x30, &[prefix, &tlv(0x04, &both)].concat())
    }

    #[test]
    fn ml_kem_512() {
        on_every_backend(|_| ml_kem::<ml_kem::MlKem512>());
    }

    #[test]
    fn ml_kem_768() {
        on_every_backend(|_| ml_kem::<ml_kem::MlKem768>());
    }

    #[test]
    fn ml_kem_1024() {
        on_every_backend(|_| ml_kem::<ml_kem::MlKem1024>());
    }

    #[test]
    fn ml_dsa_44() {
        on_every_backend(|_| ml_dsa::<ml_dsa::MlDsa44>());
    }

    #[test]
    fn ml_dsa_65() {
        on_every_backend(|_| ml_dsa::<ml_dsa::MlDsa65>());
    }

    #[test]
    fn ml_dsa_87() {
        on_every_backend(|_| ml_dsa::<ml_dsa::MlDsa87>());
    }

    #[test]
    fn slh_dsa_every_set() {
        on_every_backend(|_| {
            slh_dsa::<slh_dsa::SlhDsaSha2_128s>();
            slh_dsa::<slh_dsa::SlhDsaSha2_128f>();
            slh_dsa::<slh_dsa::SlhDsaSha2_192s>();
            slh_dsa::<slh_dsa::SlhDsaSha2_192f>();
            slh_dsa::<slh_dsa::SlhDsaSha2_256s>();
            slh_dsa::<slh_dsa::SlhDsaSha2_256f>();
            slh_dsa::<slh_dsa::SlhDsaShake128s>();
            slh_dsa::<slh_dsa::SlhDsaShake128f>();
            slh_dsa::<slh_dsa::SlhDsaShake192s>();
            slh_dsa::<slh_dsa::SlhDsaShake192f>();
            slh_dsa::<slh_dsa::SlhDsaShake256s>();
            slh_dsa::<slh_dsa::SlhDsaShake256f>();
        });
    }
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
            input: Input::EncapsulationKey,
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
            input: Input::Ciphertext,
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
            input: Input::KeyShare,
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
            input: Input::KeyShare,
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
    on_every_backend(|_| xwing());
}

#[test]
fn x25519mlkem768() {
    on_every_backend(|_| tls_group::<pqfips::hybrid::tls::X25519MlKem768>());
}

#[test]
fn secp256r1mlkem768() {
    on_every_backend(|_| tls_group::<pqfips::hybrid::tls::SecP256r1MlKem768>());
}

#[test]
fn secp384r1mlkem1024() {
    on_every_backend(|_| tls_group::<pqfips::hybrid::tls::SecP384r1MlKem1024>());
}
