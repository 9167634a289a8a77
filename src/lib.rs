//! # pqfips
//!
//! The NIST post-quantum standards in one `no_std` crate, with no heap and constant-time code:
//! **ML-KEM** (FIPS 203), a key-encapsulation mechanism, and **ML-DSA** (FIPS 204), a
//! signature scheme, on one shared NTT and hashing core, and **SLH-DSA** (FIPS 205), the
//! stateless hash-based signature, all checked against NIST's ACVP known-answer vectors.
//!
//! ```
//! use pqfips::ml_kem_768::DecapsulationKey;
//!
//! let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
//! let dk = DecapsulationKey::generate(&mut rng);      // keep secret; store dk.seed()
//! let ek = dk.encapsulation_key();                     // publish ek.to_bytes()
//! let (ct, shared) = ek.encapsulate(&mut rng);         // sender: send ct, keep shared
//! assert_eq!(dk.decapsulate(&ct), shared);             // receiver: the same 32 bytes
//! ```
//!
//! ```
//! use pqfips::ml_dsa_65::SigningKey;
//!
//! let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
//! let sk = SigningKey::generate(&mut rng);            // keep secret; store sk.seed()
//! let sig = sk.sign(&mut rng, b"message", b"context")?;
//! sk.verifying_key().verify(b"message", b"context", &sig)?;
//! # Ok::<(), pqfips::Error>(())
//! ```
//!
//! ## Picking a parameter set
//! One module per parameter set, each with the same types and `const` sizes:
//!
//! | module | standard's set | security category | public key / ciphertext or signature bytes |
//! |---|---|---|---|
//! | [`ml_kem_512`] | ML-KEM-512 | 1 | 800 / 768 |
//! | [`ml_kem_768`] | ML-KEM-768 | 3 | 1184 / 1088 |
//! | [`ml_kem_1024`] | ML-KEM-1024 | 5 | 1568 / 1568 |
//! | [`ml_dsa_44`] | ML-DSA-44 | 2 | 1312 / 2420 |
//! | [`ml_dsa_65`] | ML-DSA-65 | 3 | 1952 / 3309 |
//! | [`ml_dsa_87`] | ML-DSA-87 | 5 | 2592 / 4627 |
//!
//! ML-KEM-768 and ML-DSA-65 are the usual choices; the category-5 sets where policy asks for
//! them (CNSA 2.0). Code generic over the set uses [`ml_kem`] or [`ml_dsa`] and their
//! `ParameterSet` traits.
//!
//! SLH-DSA has twelve sets: SHA2 or SHAKE, security category 1, 3 or 5 (n = 16, 24, 32
//! bytes), and "s" (small signatures, slow signing) or "f" (fast signing, larger signatures).
//! Keys are small (public 2n, secret 4n bytes); signatures are large, and signing is slow:
//!
//! | modules | category | signature bytes | relative signing time |
//! |---|---|---|---|
//! | [`slh_dsa_sha2_128s`], [`slh_dsa_shake_128s`] | 1 | 7 856 | slow (≈ 20× f) |
//! | [`slh_dsa_sha2_128f`], [`slh_dsa_shake_128f`] | 1 | 17 088 | fast |
//! | [`slh_dsa_sha2_192s`], [`slh_dsa_shake_192s`] | 3 | 16 224 | slow |
//! | [`slh_dsa_sha2_192f`], [`slh_dsa_shake_192f`] | 3 | 35 664 | fast |
//! | [`slh_dsa_sha2_256s`], [`slh_dsa_shake_256s`] | 5 | 29 792 | slow |
//! | [`slh_dsa_sha2_256f`], [`slh_dsa_shake_256f`] | 5 | 49 856 | fast |
//!
//! The SHA2 sets are several times faster than the SHAKE sets on CPUs with SHA extensions.
//! Pick "s" where signatures are stored or sent often and signing is rare. Code generic over
//! the set uses [`slh_dsa`] and its [`slh_dsa::ParameterSet`] trait.
//!
//! ```
//! use pqfips::slh_dsa_sha2_128f::{SigningKey, VerifyingKey};
//!
//! let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
//! let sk = SigningKey::generate(&mut rng);                 // keep secret; store sk.to_bytes()
//! let vk = sk.verifying_key();                             // publish vk.to_bytes()
//! let sig = sk.sign(&mut rng, b"message", b"context")?;   // hedged; Err only if ctx > 255 B
//! vk.verify(b"message", b"context", &sig)?;                // Err(InvalidSignature) if forged
//! # Ok::<(), pqfips::Error>(())
//! ```
//!
//! ## Design
//! - **Keys**: the canonical private keys are seeds (ML-KEM's 64-byte d‖z, ML-DSA's 32-byte ξ:
//!   `from_seed`, `seed()`); the expanded FIPS encodings are available too. Public inputs are
//!   checked on import (FIPS 203 §7.2 and §7.3; an expanded ML-DSA key is re-derived and must
//!   match) and every wrong length is an [`Error`], never a panic.
//! - **Randomness** comes from a [`rand_core::CryptoRng`] passed by `&mut`.
//! - **Secrets** (keys, seeds, shared secrets and the intermediates FIPS 203 §3.3 and FIPS 204
//!   §3.6.3 name) are wiped on drop; their `Debug` prints no secret bytes; equality on them is
//!   constant-time.
//! - **Constant time**: no branch, table index or division depends on secret data; Compress,
//!   Decompose and Power2Round multiply and shift instead of dividing (the KyberSlash lesson),
//!   and selections on secrets go through `subtle`. ML-DSA signing reveals whether an iteration
//!   was rejected, which FIPS 204 allows, and nothing about the rejected values. The repository
//!   checks this on every change under valgrind, with every secret marked undefined; its README
//!   says what that check cannot see.
//! - **No heap, bounded stack**: matrices are sampled entry by entry where they are used once;
//!   ML-DSA signing, which uses Â in every iteration, holds it once. An SLH-DSA signature is a
//!   fixed array inside [`slh_dsa::Signature`] (up to 49 856 bytes), which signing fills in
//!   place; besides it, signing uses about 12 KiB of stack. `sign` returns the signature, which
//!   the compiler copies once on the way out; where the stack is tight,
//!   [`slh_dsa::SigningKey::sign_into`] signs into a [`slh_dsa::Signature`] the caller holds.
//!   The README publishes the measured stack of every operation.
//! - **SLH-DSA**: every signing and verifying entry point of FIPS 205 §10 (pure and pre-hash
//!   with the twelve [`PreHash`] functions, hedged and deterministic, contexts of 0 to 255
//!   bytes), plus `sign_digest` for a caller that already holds PH(M). The signing key is
//!   SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root; [`slh_dsa::SigningKey::from_seeds`] rebuilds it from
//!   the three seeds. Indices taken from the message digest pick leaves and trees, and the
//!   digits of the FORS public key and of each XMSS root set the WOTS+ chain lengths; all are
//!   public by the standard's design (a verifier recomputes them from the signature), and
//!   they are the only data the code branches on.
//! - API differences from the team's `API.md`: `seed()` returns an `Option` (a key imported in
//!   expanded form has no seed), and `to_expanded_bytes()` returns its secret bytes in a
//!   [`zeroize::Zeroizing`] buffer; ML-DSA adds `verify_digest` beside `sign_digest`, and
//!   `sign_mu_deterministic` beside `sign_mu`, and `VerifyingKey::prepare`, a
//!   `PreparedVerifyingKey` that keeps Â for verifying many signatures with one key; SLH-DSA
//!   adds `sign_into`, for its large signatures.
//!
//! ## Features
//! No public features: the crate is `no_std` and needs neither `std` nor `alloc`; [`Error`]
//! implements [`core::error::Error`]. The `ct-check` feature is internal to the repository's
//! constant-time check (it lets the algorithms mark where a value derived from secrets becomes
//! public, for valgrind); it changes no result and is not meant for applications.

#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_code)]
#![warn(clippy::undocumented_unsafe_blocks)]

/// The traits every secret key type implements the same way, given its own `ConstantTimeEq`
/// (which decides what equality means for it) and `Zeroize` (which decides what is secret):
/// `PartialEq`/`Eq` through `ct_eq`, so comparing keys takes the same time whatever they hold;
/// a `Debug` that names the type and parameter set but prints no secret byte; and wiping on
/// drop.
macro_rules! secret_key_traits {
    ($key:ident) => {
        /// Constant-time, through [`ConstantTimeEq`](subtle::ConstantTimeEq).
        impl<P: ParameterSet> PartialEq for $key<P> {
            fn eq(&self, other: &Self) -> bool {
                subtle::ConstantTimeEq::ct_eq(self, other).into()
            }
        }

        impl<P: ParameterSet> Eq for $key<P> {}

        /// Names the type and the parameter set only: no secret byte is printed.
        impl<P: ParameterSet> core::fmt::Debug for $key<P> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!(stringify!($key), "<{}>(..)"), P::NAME)
            }
        }

        impl<P: ParameterSet> Drop for $key<P> {
            fn drop(&mut self) {
                zeroize::Zeroize::zeroize(self);
            }
        }

        impl<P: ParameterSet> zeroize::ZeroizeOnDrop for $key<P> {}
    };
}

mod array;
mod ct;
mod error;
mod hash;
mod lattice;
pub mod ml_dsa;
// The one module allowed `unsafe`: calls into `#[target_feature]` kernels, each behind its
// detected-feature token.
pub mod ml_kem;
#[allow(unsafe_code)]
mod simd;
pub mod slh_dsa;

pub use error::Error;
pub use hash::prehash::PreHash;

/// Which SIMD kernels run: detected once at run time (AVX-512, AVX2 or portable code), with no
/// configuration needed. Every backend computes exactly the same results.
///
/// ```
/// println!("pqfips runs on its {} backend", pqfips::backend::active());
/// ```
pub mod backend {
    pub use crate::simd::{Backend, active, available};

    #[cfg(any(feature = "force-backend", feature = "ct-check"))]
    #[doc(hidden)]
    pub use crate::simd::{force, force_sha_ni};
}

/// Stamps out the public module of one ML-KEM parameter set: aliases and sizes, nothing more.
macro_rules! ml_kem_module {
    ($module:ident, $set:ident, $name:literal) => {
        #[doc = concat!("ML-KEM with the ", $name, " parameter set (FIPS 203 §8).")]
        ///
        /// ```
        #[doc = concat!("use pqfips::", stringify!($module), "::{Ciphertext, DecapsulationKey, EncapsulationKey};")]
        ///
        /// let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
        /// let dk = DecapsulationKey::generate(&mut rng);
        /// let ek_bytes = dk.encapsulation_key().to_bytes();
        ///
        /// // The sender imports the key (running the FIPS 203 §7.2 check) and encapsulates.
        /// let ek = EncapsulationKey::from_bytes(&ek_bytes)?;
        /// let (ct, shared) = ek.encapsulate(&mut rng);
        ///
        /// // The receiver imports the ciphertext and decapsulates.
        /// let ct = Ciphertext::try_from(ct.as_ref())?;
        /// assert_eq!(dk.decapsulate(&ct), shared);
        ///
        /// // The canonical private key is the 64-byte seed.
        /// let seed = dk.seed().expect("generated keys keep their seed");
        /// assert_eq!(DecapsulationKey::from_seed(seed), dk);
        /// # Ok::<(), pqfips::Error>(())
        /// ```
        pub mod $module {
            use crate::ml_kem::{self, $set, ParameterSet};

            pub use crate::ml_kem::{SEED_SIZE, SHARED_SECRET_SIZE, SharedSecret};

            /// Bytes of an encapsulation key.
            pub const ENCAPSULATION_KEY_SIZE: usize = <$set as ParameterSet>::ENCAPSULATION_KEY_SIZE;
            /// Bytes of an expanded decapsulation key.
            pub const DECAPSULATION_KEY_SIZE: usize = <$set as ParameterSet>::DECAPSULATION_KEY_SIZE;
            /// Bytes of a ciphertext.
            pub const CIPHERTEXT_SIZE: usize = <$set as ParameterSet>::CIPHERTEXT_SIZE;

            #[doc = concat!("An ", $name, " encapsulation key (public).")]
            pub type EncapsulationKey = ml_kem::EncapsulationKey<$set>;
            #[doc = concat!("An ", $name, " decapsulation key (secret).")]
            pub type DecapsulationKey = ml_kem::DecapsulationKey<$set>;
            #[doc = concat!("An ", $name, " ciphertext.")]
            pub type Ciphertext = ml_kem::Ciphertext<$set>;

            /// The deterministic internal algorithms, for known-answer testing only; see
            /// [`crate::ml_kem::hazmat`].
            pub mod hazmat {
                use super::{Ciphertext, DecapsulationKey, EncapsulationKey, SharedSecret};
                use crate::ml_kem::hazmat;

                /// FIPS 203, Algorithm 16 (ML-KEM.KeyGen_internal).
                pub fn keygen_internal(d: &[u8; 32], z: &[u8; 32]) -> DecapsulationKey {
                    hazmat::keygen_internal(d, z)
                }

                /// FIPS 203, Algorithm 17 (ML-KEM.Encaps_internal), with the caller's m.
                pub fn encapsulate_deterministic(
                    ek: &EncapsulationKey,
                    m: &[u8; 32],
                ) -> (Ciphertext, SharedSecret) {
                    hazmat::encapsulate_deterministic(ek, m)
                }

                /// FIPS 203, Algorithm 18 (ML-KEM.Decaps_internal).
                pub fn decapsulate_internal(dk: &DecapsulationKey, c: &Ciphertext) -> SharedSecret {
                    hazmat::decapsulate_internal(dk, c)
                }
            }
        }
    };
}

ml_kem_module!(ml_kem_512, MlKem512, "ML-KEM-512");
ml_kem_module!(ml_kem_768, MlKem768, "ML-KEM-768");
ml_kem_module!(ml_kem_1024, MlKem1024, "ML-KEM-1024");

/// Stamps out the public module of one ML-DSA parameter set: aliases and sizes, nothing more.
macro_rules! ml_dsa_module {
    ($module:ident, $set:ident, $name:literal) => {
        #[doc = concat!("ML-DSA with the ", $name, " parameter set (FIPS 204 §4).")]
        ///
        /// ```
        #[doc = concat!("use pqfips::", stringify!($module), "::{Signature, SigningKey, VerifyingKey};")]
        /// use pqfips::PreHash;
        ///
        /// let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
        /// let sk = SigningKey::generate(&mut rng);
        /// let vk_bytes = sk.verifying_key().to_bytes();
        ///
        /// // Hedged signing (fresh randomness), with an application context string.
        /// let sig = sk.sign(&mut rng, b"hello", b"my-app v1")?;
        ///
        /// // The verifier imports the key and the signature and checks the signature.
        /// let vk = VerifyingKey::from_bytes(&vk_bytes)?;
        /// let sig = Signature::try_from(sig.as_ref())?;
        /// vk.verify(b"hello", b"my-app v1", &sig)?;
        /// assert!(vk.verify(b"hullo", b"my-app v1", &sig).is_err());
        ///
        /// // HashML-DSA: sign a SHA-512 pre-hash of the message.
        /// let sig = sk.sign_prehash(&mut rng, PreHash::Sha2_512, b"hello", b"")?;
        /// vk.verify_prehash(PreHash::Sha2_512, b"hello", b"", &sig)?;
        ///
        /// // The canonical private key is the 32-byte seed ξ.
        /// let seed = sk.seed().expect("generated keys keep their seed");
        /// assert_eq!(SigningKey::from_seed(seed), sk);
        /// # Ok::<(), pqfips::Error>(())
        /// ```
        pub mod $module {
            use crate::ml_dsa::{self, $set, ParameterSet};

            pub use crate::ml_dsa::{MU_SIZE, Mu, MuBuilder, SEED_SIZE};

            /// Bytes of a verifying key.
            pub const VERIFYING_KEY_SIZE: usize = <$set as ParameterSet>::VERIFYING_KEY_SIZE;
            /// Bytes of an expanded signing key.
            pub const SIGNING_KEY_SIZE: usize = <$set as ParameterSet>::SIGNING_KEY_SIZE;
            /// Bytes of a signature.
            pub const SIGNATURE_SIZE: usize = <$set as ParameterSet>::SIGNATURE_SIZE;

            #[doc = concat!("An ", $name, " signing key (secret).")]
            pub type SigningKey = ml_dsa::SigningKey<$set>;
            #[doc = concat!("An ", $name, " verifying key (public).")]
            pub type VerifyingKey = ml_dsa::VerifyingKey<$set>;
            #[doc = concat!("An ", $name, " verifying key prepared for many verifications.")]
            pub type PreparedVerifyingKey = ml_dsa::PreparedVerifyingKey<$set>;
            #[doc = concat!("An ", $name, " signature.")]
            pub type Signature = ml_dsa::Signature<$set>;

            /// The deterministic internal algorithms, for known-answer testing only; see
            /// [`crate::ml_dsa::hazmat`].
            pub mod hazmat {
                use super::{Mu, Signature, SigningKey, VerifyingKey};
                use crate::Error;
                use crate::ml_dsa::hazmat;

                /// FIPS 204, Algorithm 6 (ML-DSA.KeyGen_internal).
                pub fn keygen_internal(xi: &[u8; 32]) -> SigningKey {
                    hazmat::keygen_internal(xi)
                }

                /// FIPS 204, Algorithm 7 (ML-DSA.Sign_internal) on M′ with the caller's `rnd`.
                pub fn sign_internal(sk: &SigningKey, m_prime: &[u8], rnd: &[u8; 32]) -> Signature {
                    hazmat::sign_internal(sk, m_prime, rnd)
                }

                /// FIPS 204, Algorithm 7 (ML-DSA.Sign_internal) on an external μ.
                pub fn sign_internal_mu(sk: &SigningKey, mu: &Mu, rnd: &[u8; 32]) -> Signature {
                    hazmat::sign_internal_mu(sk, mu, rnd)
                }

                /// FIPS 204, Algorithm 8 (ML-DSA.Verify_internal) on M′.
                ///
                /// # Errors
                /// [`Error::InvalidSignature`] if the signature does not verify or is malformed.
                pub fn verify_internal(vk: &VerifyingKey, m_prime: &[u8], sig: &Signature) -> Result<(), Error> {
                    hazmat::verify_internal(vk, m_prime, sig)
                }
            }
        }
    };
}

ml_dsa_module!(ml_dsa_44, MlDsa44, "ML-DSA-44");
ml_dsa_module!(ml_dsa_65, MlDsa65, "ML-DSA-65");
ml_dsa_module!(ml_dsa_87, MlDsa87, "ML-DSA-87");

/// Stamps out the public module of one SLH-DSA parameter set: aliases and sizes, nothing more.
///
/// `$doctest` is the fence of the example: the "s" sets' is `no_run`, since doc tests are built
/// unoptimised and signing with them would take minutes there (tests/ run the same calls).
macro_rules! slh_dsa_module {
    ($module:ident, $set:ident, $name:literal, $doctest:literal) => {
        #[doc = concat!("SLH-DSA with the ", $name, " parameter set (FIPS 205 §11).")]
        ///
        #[doc = concat!("```", $doctest)]
        #[doc = concat!("use pqfips::", stringify!($module), "::{Signature, SigningKey, VerifyingKey};")]
        ///
        /// let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
        /// let sk = SigningKey::generate(&mut rng);
        /// let sig = sk.sign(&mut rng, b"message", b"context")?;
        ///
        /// // The verifier imports the public key and the signature from bytes.
        /// let vk = VerifyingKey::from_bytes(&sk.verifying_key().to_bytes())?;
        /// let sig = Signature::try_from(sig.as_ref())?;
        /// vk.verify(b"message", b"context", &sig)?;
        /// assert!(vk.verify(b"other message", b"context", &sig).is_err());
        /// # Ok::<(), pqfips::Error>(())
        /// ```
        pub mod $module {
            use crate::slh_dsa::{self, $set, ParameterSet};

            pub use crate::PreHash;

            /// Bytes n of each seed (SK.seed, SK.prf, PK.seed) and of PK.root.
            pub const SEED_SIZE: usize = <$set as ParameterSet>::N;
            /// Bytes of a verifying key PK.seed ‖ PK.root.
            pub const VERIFYING_KEY_SIZE: usize = <$set as ParameterSet>::VERIFYING_KEY_SIZE;
            /// Bytes of a signing key SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root.
            pub const SIGNING_KEY_SIZE: usize = <$set as ParameterSet>::SIGNING_KEY_SIZE;
            /// Bytes of a signature.
            pub const SIGNATURE_SIZE: usize = <$set as ParameterSet>::SIGNATURE_SIZE;

            #[doc = concat!("An ", $name, " signing key (secret).")]
            pub type SigningKey = slh_dsa::SigningKey<$set>;
            #[doc = concat!("An ", $name, " verifying key (public).")]
            pub type VerifyingKey = slh_dsa::VerifyingKey<$set>;
            #[doc = concat!("An ", $name, " signature.")]
            pub type Signature = slh_dsa::Signature<$set>;

            /// The internal algorithms, for known-answer testing only; see
            /// [`crate::slh_dsa::hazmat`].
            pub mod hazmat {
                use super::{Signature, SigningKey, VerifyingKey};
                use crate::Error;
                use crate::slh_dsa::hazmat;

                /// FIPS 205, Algorithm 19 (slh_sign_internal) on `msg` as is; `addrnd = None`
                /// is the deterministic variant.
                pub fn sign_internal(
                    sk: &SigningKey,
                    msg: &[u8],
                    addrnd: Option<&[u8; super::SEED_SIZE]>,
                ) -> Signature {
                    hazmat::sign_internal(sk, msg, addrnd)
                }

                /// FIPS 205, Algorithm 20 (slh_verify_internal) on `msg` as is.
                ///
                /// # Errors
                /// [`Error::InvalidSignature`] if the signature does not verify.
                pub fn verify_internal(
                    vk: &VerifyingKey,
                    msg: &[u8],
                    sig: &Signature,
                ) -> Result<(), Error> {
                    hazmat::verify_internal(vk, msg, sig)
                }
            }
        }
    };
}

slh_dsa_module!(
    slh_dsa_sha2_128s,
    SlhDsaSha2_128s,
    "SLH-DSA-SHA2-128s",
    "no_run"
);
slh_dsa_module!(
    slh_dsa_shake_128s,
    SlhDsaShake128s,
    "SLH-DSA-SHAKE-128s",
    "no_run"
);
slh_dsa_module!(slh_dsa_sha2_128f, SlhDsaSha2_128f, "SLH-DSA-SHA2-128f", "");
slh_dsa_module!(
    slh_dsa_shake_128f,
    SlhDsaShake128f,
    "SLH-DSA-SHAKE-128f",
    ""
);
slh_dsa_module!(
    slh_dsa_sha2_192s,
    SlhDsaSha2_192s,
    "SLH-DSA-SHA2-192s",
    "no_run"
);
slh_dsa_module!(
    slh_dsa_shake_192s,
    SlhDsaShake192s,
    "SLH-DSA-SHAKE-192s",
    "no_run"
);
slh_dsa_module!(slh_dsa_sha2_192f, SlhDsaSha2_192f, "SLH-DSA-SHA2-192f", "");
slh_dsa_module!(
    slh_dsa_shake_192f,
    SlhDsaShake192f,
    "SLH-DSA-SHAKE-192f",
    ""
);
slh_dsa_module!(
    slh_dsa_sha2_256s,
    SlhDsaSha2_256s,
    "SLH-DSA-SHA2-256s",
    "no_run"
);
slh_dsa_module!(
    slh_dsa_shake_256s,
    SlhDsaShake256s,
    "SLH-DSA-SHAKE-256s",
    "no_run"
);
slh_dsa_module!(slh_dsa_sha2_256f, SlhDsaSha2_256f, "SLH-DSA-SHA2-256f", "");
slh_dsa_module!(
    slh_dsa_shake_256f,
    SlhDsaShake256f,
    "SLH-DSA-SHAKE-256f",
    ""
);

/// The README's examples, compiled and run as doc tests.
/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
