//! # pqfips
//!
//! The NIST post-quantum standards in one `no_std` crate, with no heap and constant-time code:
//! **ML-KEM** (FIPS 203), a key-encapsulation mechanism, and **ML-DSA** (FIPS 204), a
//! signature scheme, on one shared NTT and hashing core, and **SLH-DSA** (FIPS 205), the
//! stateless hash-based signature, all checked against NIST's ACVP known-answer vectors. It is
//! not a FIPS 140-3 validated module.
//!
//! ```
//! use getrandom::SysRng;
//! use pqfips::ml_kem_768::DecapsulationKey;
//!
//! fn main() -> Result<(), pqfips::Error> {
//!     let dk = DecapsulationKey::try_generate(&mut SysRng)?; // keep secret; store dk.seed()
//!     let ek = dk.encapsulation_key();                       // publish ek.to_bytes()
//!     let (ct, shared) = ek.try_encapsulate(&mut SysRng)?;   // sender: send ct, keep shared
//!     assert_eq!(dk.decapsulate(&ct), shared);               // receiver: the same 32 bytes
//!     Ok(())
//! }
//! ```
//!
//! ```
//! use getrandom::SysRng;
//! use pqfips::ml_dsa_65::SigningKey;
//!
//! fn main() -> Result<(), pqfips::Error> {
//!     let sk = SigningKey::try_generate(&mut SysRng)?; // keep secret; store sk.seed()
//!     let sig = sk.sign(&mut SysRng, b"message", b"context")?;
//!     sk.verifying_key().verify(b"message", b"context", &sig)?;
//!     Ok(())
//! }
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
//! use getrandom::SysRng;
//! use pqfips::slh_dsa_sha2_128f::SigningKey;
//!
//! fn main() -> Result<(), pqfips::Error> {
//!     let sk = SigningKey::try_generate(&mut SysRng)?;        // keep secret; store sk.to_bytes()
//!     let vk = sk.verifying_key();                            // publish vk.to_bytes()
//!     let sig = sk.sign(&mut SysRng, b"message", b"context")?; // hedged; Err if ctx > 255 B
//!     vk.verify(b"message", b"context", &sig)?;               // Err(InvalidSignature) if forged
//!     Ok(())
//! }
//! ```
//!
//! ## The same names everywhere
//! - **Keys**: `generate(&mut rng)` takes a [`rand_core::CryptoRng`]; `try_generate(&mut rng)`
//!   a [`rand_core::TryCryptoRng`] (a generator that may fail, such as `getrandom::SysRng`),
//!   whose failure is [`Error::RandomSource`]. The canonical private keys are seeds (ML-KEM's
//!   64-byte d‖z, ML-DSA's 32-byte ξ: `from_seed`, `seed()`, and `TryFrom<&[u8]>` of the seed);
//!   SLH-DSA's is its FIPS 205 encoding (`from_bytes`, `to_bytes`, `TryFrom<&[u8]>`). The
//!   expanded FIPS 203 and FIPS 204 encodings are `from_expanded_bytes` and
//!   `to_expanded_bytes`, their sizes `EXPANDED_DECAPSULATION_KEY_SIZE` and
//!   `EXPANDED_SIGNING_KEY_SIZE`. `seed()` returns an `Option`: a key imported in expanded form
//!   has no seed.
//! - **Public values** (encapsulation and verifying keys, ciphertexts, signatures):
//!   `from_bytes` and `TryFrom<&[u8]>` (checked: FIPS 203 §7.2 for encapsulation keys),
//!   `to_bytes()` (a plain array), and `Hash`, `Eq`, `Clone`. Ciphertexts, signatures and the
//!   ML-DSA and SLH-DSA verifying keys hold their encodings and lend them with `as_bytes()`
//!   and `AsRef<[u8]>`; an ML-KEM encapsulation key holds t̂ decoded, for fast encapsulation.
//!   Sizes: `ENCAPSULATION_KEY_SIZE`, `CIPHERTEXT_SIZE`, `VERIFYING_KEY_SIZE`,
//!   `SIGNATURE_SIZE`, `SEED_SIZE` (and SLH-DSA's `SIGNING_KEY_SIZE` and `N`).
//! - **Signing**: `sign(&mut rng, msg, ctx)` (hedged; any [`rand_core::TryCryptoRng`]),
//!   `sign_deterministic(msg, ctx)`, `sign_prehash` and `sign_digest` (HashML-DSA and
//!   HashSLH-DSA with the twelve [`PreHash`] functions), and the matching `verify`,
//!   `verify_prehash`, `verify_digest`. ML-DSA adds external μ (see [`ml_dsa`]) and
//!   `VerifyingKey::prepare`; SLH-DSA adds `sign_into`, for its large signatures.
//! - **Errors**: one [`Error`]; a wrong length says which [`Input`], the expected and the actual
//!   length, without allocating.
//! - **Known-answer testing**: each parameter set's `hazmat` module has the internal algorithms
//!   and every signing mode with the caller's `rnd` (ML-DSA) or `addrnd` (SLH-DSA).
//!
//! ## Design
//! - **Input checks**: public inputs are checked on import (FIPS 203 §7.2 and §7.3; an
//!   expanded ML-DSA key is re-derived and must match) and every wrong length is an
//!   [`Error`], never a panic.
//! - **Secrets** (keys, seeds, shared secrets and the intermediates FIPS 203 §3.3 and FIPS 204
//!   §3.6.3 name) are wiped on drop; their `Debug` prints no secret bytes; equality on them is
//!   constant-time. No operation leaves a copy of a secret behind on the stack; copies the
//!   caller makes (moving a key or a `SharedSecret` to a new place, copying its bytes out) are
//!   the caller's to wipe.
//! - **Constant time**: no branch, table index or division depends on secret data; Compress,
//!   Decompose and Power2Round multiply and shift instead of dividing (the KyberSlash lesson),
//!   and selections on secrets go through `subtle`. ML-DSA signing reveals whether an
//!   iteration was rejected, which FIPS 204 allows, and whether by the ‖z‖∞ check (whose
//!   outcome has the same distribution for every key) or by one of the other three, but nothing
//!   about which of those three failed or about the rejected values. The repository
//!   checks this on every change under valgrind, with every secret marked undefined; its
//!   SECURITY.md says what that check cannot see.
//! - **No heap, bounded stack**: matrices are sampled entry by entry where they are used once;
//!   ML-DSA signing, which uses Â in every iteration, holds it once. An SLH-DSA signature is a
//!   fixed array inside [`slh_dsa::Signature`] (up to 49 856 bytes), which signing fills in
//!   place; besides it, signing uses about 12 KiB of stack. `sign` returns the signature, which
//!   the compiler copies once on the way out; where the stack is tight,
//!   [`slh_dsa::SigningKey::sign_into`] signs into a [`slh_dsa::Signature`] the caller holds.
//!   The README publishes the measured stack of every operation.
//! - **SLH-DSA**: every signing and verifying entry point of FIPS 205 §10 (pure and pre-hash
//!   with the twelve [`PreHash`] functions, hedged and deterministic, contexts of 0 to 255
//!   bytes), plus `sign_digest` and `verify_digest` for a caller that already holds PH(M). The
//!   signing key is SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root; [`slh_dsa::SigningKey::from_seeds`]
//!   rebuilds it from the three seeds. Indices taken from the message digest pick leaves and
//!   trees, and the digits of the FORS public key and of each XMSS root set the WOTS+ chain
//!   lengths; all are public by the standard's design (a verifier recomputes them from the
//!   signature), and they are the only data the code branches on.
//!
//! ## Features
//! All off by default, all `no_std`:
//! - `getrandom`: `generate_from_os_rng()`, `encapsulate_with_os_rng()` and
//!   `sign_with_os_rng(msg, ctx)`, with the operating system's generator.
//! - `signature`: the RustCrypto `signature` traits for every ML-DSA and SLH-DSA set, and
//!   `pqfips::signature::WithContext` for a context string (module `pqfips::signature`).
//! - `kem`: the RustCrypto `kem` traits for every ML-KEM set (on [`ml_kem::MlKem512`], …).
//! - `pkcs8`: the IETF key formats, SubjectPublicKeyInfo and PKCS#8 in DER and PEM, for every
//!   parameter set (module `pkcs8`), still without a heap.
//! - `serde`: serde for public keys, ciphertexts and signatures, through `serdect`;
//!   `serde-secret-keys` adds the secret keys, as their canonical forms.
//! - The hybrid key exchanges of `hybrid`, one feature each: `xwing` (X-Wing),
//!   `x25519mlkem768`, `secp256r1mlkem768` and `secp384r1mlkem1024` (the TLS 1.3 groups of
//!   RFC 10024); they bring in `x25519-dalek`, `p256` or `p384`.
//!
//! The crate needs neither `std` nor `alloc`; [`Error`] implements [`core::error::Error`].
//! The `ct-check` and `force-backend` features are internal to the repository's checks (they
//! change no result) and are not meant for applications.

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
#[cfg(any(
    feature = "xwing",
    feature = "x25519mlkem768",
    feature = "secp256r1mlkem768",
    feature = "secp384r1mlkem1024"
))]
pub mod hybrid;
mod lattice;
pub mod ml_dsa;
pub mod ml_kem;
#[cfg(feature = "pkcs8")]
pub mod pkcs8;
mod rng;
#[cfg(test)]
mod test_rng;
// The one module allowed `unsafe`: calls into `#[target_feature]` kernels, each behind its
// detected-feature token.
#[allow(unsafe_code)]
mod simd;
pub mod slh_dsa;
mod wipe;

#[cfg(feature = "kem")]
mod kem_traits;
#[cfg(feature = "serde")]
mod serde_impls;
#[cfg(feature = "signature")]
pub mod signature;

pub use array::ByteArray;
pub use error::{Error, Input};
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

    #[cfg(any(feature = "force-backend", feature = "ct-check"))]
    #[doc(hidden)]
    pub use crate::hash::multi_keccak::exposed as keccak;

    #[cfg(feature = "force-backend")]
    #[doc(hidden)]
    pub use crate::lattice::kernels;
}

/// Stamps out the public module of one ML-KEM parameter set: aliases and sizes, nothing more.
macro_rules! ml_kem_module {
    ($module:ident, $set:ident, $name:literal) => {
        #[doc = concat!("ML-KEM with the ", $name, " parameter set (FIPS 203 §8).")]
        ///
        /// ```
        /// use getrandom::SysRng;
        #[doc = concat!("use pqfips::", stringify!($module), "::{Ciphertext, DecapsulationKey, EncapsulationKey};")]
        ///
        /// fn main() -> Result<(), pqfips::Error> {
        ///     let dk = DecapsulationKey::try_generate(&mut SysRng)?;
        ///     let ek_bytes = dk.encapsulation_key().to_bytes();
        ///
        ///     // The sender imports the key (running the FIPS 203 §7.2 check) and encapsulates.
        ///     let ek = EncapsulationKey::from_bytes(&ek_bytes)?;
        ///     let (ct, shared) = ek.try_encapsulate(&mut SysRng)?;
        ///
        ///     // The receiver imports the ciphertext and decapsulates.
        ///     let ct = Ciphertext::from_bytes(ct.as_ref())?;
        ///     assert_eq!(dk.decapsulate(&ct), shared);
        ///
        ///     // The canonical private key is the 64-byte seed.
        ///     let seed = dk.seed().expect("generated keys keep their seed");
        ///     assert_eq!(DecapsulationKey::try_from(&seed[..])?, dk);
        ///     Ok(())
        /// }
        /// ```
        pub mod $module {
            use crate::ml_kem::{self, $set, ParameterSet};

            pub use crate::ml_kem::{SEED_SIZE, SHARED_SECRET_SIZE, SharedSecret};

            /// Bytes of an encapsulation key.
            pub const ENCAPSULATION_KEY_SIZE: usize = <$set as ParameterSet>::ENCAPSULATION_KEY_SIZE;
            /// Bytes of a decapsulation key in the expanded FIPS 203 form (the canonical form
            /// is the [`SEED_SIZE`]-byte seed).
            pub const EXPANDED_DECAPSULATION_KEY_SIZE: usize =
                <$set as ParameterSet>::EXPANDED_DECAPSULATION_KEY_SIZE;
            /// Bytes of a ciphertext.
            pub const CIPHERTEXT_SIZE: usize = <$set as ParameterSet>::CIPHERTEXT_SIZE;
            /// Bytes of an encapsulation key's SubjectPublicKeyInfo DER.
            #[cfg(feature = "pkcs8")]
            pub const SPKI_DER_SIZE: usize = <EncapsulationKey as crate::pkcs8::PublicKeyFormat>::SPKI_DER_SIZE;
            /// Bytes of an encapsulation key's SubjectPublicKeyInfo PEM.
            #[cfg(feature = "pkcs8")]
            pub const SPKI_PEM_SIZE: usize = <EncapsulationKey as crate::pkcs8::PublicKeyFormat>::SPKI_PEM_SIZE;
            /// Bytes of a decapsulation key's PKCS#8 DER, as exported (`seed` form).
            #[cfg(feature = "pkcs8")]
            pub const PKCS8_DER_SIZE: usize = <DecapsulationKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_DER_SIZE;
            /// Bytes of a decapsulation key's PKCS#8 PEM, as exported (`seed` form).
            #[cfg(feature = "pkcs8")]
            pub const PKCS8_PEM_SIZE: usize = <DecapsulationKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_PEM_SIZE;

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
        /// use getrandom::SysRng;
        #[doc = concat!("use pqfips::", stringify!($module), "::{Signature, SigningKey, VerifyingKey};")]
        /// use pqfips::PreHash;
        ///
        /// fn main() -> Result<(), pqfips::Error> {
        ///     let sk = SigningKey::try_generate(&mut SysRng)?;
        ///     let vk_bytes = sk.verifying_key().to_bytes();
        ///
        ///     // Hedged signing (fresh randomness), with an application context string.
        ///     let sig = sk.sign(&mut SysRng, b"hello", b"my-app v1")?;
        ///
        ///     // The verifier imports the key and the signature and checks the signature.
        ///     let vk = VerifyingKey::from_bytes(&vk_bytes)?;
        ///     let sig = Signature::from_bytes(sig.as_ref())?;
        ///     vk.verify(b"hello", b"my-app v1", &sig)?;
        ///     assert!(vk.verify(b"hullo", b"my-app v1", &sig).is_err());
        ///
        ///     // HashML-DSA: sign a SHA-512 pre-hash of the message.
        ///     let sig = sk.sign_prehash(&mut SysRng, PreHash::Sha2_512, b"hello", b"")?;
        ///     vk.verify_prehash(PreHash::Sha2_512, b"hello", b"", &sig)?;
        ///
        ///     // The canonical private key is the 32-byte seed ξ.
        ///     let seed = sk.seed().expect("generated keys keep their seed");
        ///     assert_eq!(SigningKey::try_from(&seed[..])?, sk);
        ///     Ok(())
        /// }
        /// ```
        pub mod $module {
            use crate::ml_dsa::{self, $set, ParameterSet};

            pub use crate::ml_dsa::{MU_SIZE, Mu, MuBuilder, SEED_SIZE};

            /// Bytes of a verifying key.
            pub const VERIFYING_KEY_SIZE: usize = <$set as ParameterSet>::VERIFYING_KEY_SIZE;
            /// Bytes of a signing key in the expanded FIPS 204 form (the canonical form is the
            /// [`SEED_SIZE`]-byte seed ξ).
            pub const EXPANDED_SIGNING_KEY_SIZE: usize =
                <$set as ParameterSet>::EXPANDED_SIGNING_KEY_SIZE;
            /// Bytes of a signature.
            pub const SIGNATURE_SIZE: usize = <$set as ParameterSet>::SIGNATURE_SIZE;
            /// Bytes of a verifying key's SubjectPublicKeyInfo DER.
            #[cfg(feature = "pkcs8")]
            pub const SPKI_DER_SIZE: usize = <VerifyingKey as crate::pkcs8::PublicKeyFormat>::SPKI_DER_SIZE;
            /// Bytes of a verifying key's SubjectPublicKeyInfo PEM.
            #[cfg(feature = "pkcs8")]
            pub const SPKI_PEM_SIZE: usize = <VerifyingKey as crate::pkcs8::PublicKeyFormat>::SPKI_PEM_SIZE;
            /// Bytes of a signing key's PKCS#8 DER, as exported.
            #[cfg(feature = "pkcs8")]
            pub const PKCS8_DER_SIZE: usize = <SigningKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_DER_SIZE;
            /// Bytes of a signing key's PKCS#8 PEM, as exported.
            #[cfg(feature = "pkcs8")]
            pub const PKCS8_PEM_SIZE: usize = <SigningKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_PEM_SIZE;

            #[doc = concat!("An ", $name, " signing key (secret).")]
            pub type SigningKey = ml_dsa::SigningKey<$set>;
            #[doc = concat!("An ", $name, " verifying key (public).")]
            pub type VerifyingKey = ml_dsa::VerifyingKey<$set>;
            #[doc = concat!("An ", $name, " verifying key prepared for many verifications.")]
            pub type PreparedVerifyingKey = ml_dsa::PreparedVerifyingKey<$set>;
            #[doc = concat!("An ", $name, " signature.")]
            pub type Signature = ml_dsa::Signature<$set>;

            /// Known-answer testing only: the internal algorithms and every signing mode with the
            /// caller's `rnd`; see [`crate::ml_dsa::hazmat`].
            pub mod hazmat {
                use super::{Mu, Signature, SigningKey, VerifyingKey};
                use crate::ml_dsa::hazmat;
                use crate::{Error, PreHash};

                /// FIPS 204, Algorithm 6 (ML-DSA.KeyGen_internal).
                pub fn keygen_internal(xi: &[u8; 32]) -> SigningKey {
                    hazmat::keygen_internal(xi)
                }

                /// FIPS 204, Algorithm 7 (ML-DSA.Sign_internal) on M′ with the caller's `rnd`.
                pub fn sign_internal(sk: &SigningKey, m_prime: &[u8], rnd: &[u8; 32]) -> Signature {
                    hazmat::sign_internal(sk, m_prime, rnd)
                }

                /// FIPS 204, Algorithm 8 (ML-DSA.Verify_internal) on M′.
                ///
                /// # Errors
                /// [`Error::InvalidSignature`] if the signature does not verify or is malformed.
                pub fn verify_internal(vk: &VerifyingKey, m_prime: &[u8], sig: &Signature) -> Result<(), Error> {
                    hazmat::verify_internal(vk, m_prime, sig)
                }

                /// FIPS 204, Algorithm 2 (ML-DSA.Sign) with the caller's `rnd`.
                ///
                /// # Errors
                /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
                pub fn sign_with_rnd(sk: &SigningKey, msg: &[u8], ctx: &[u8], rnd: &[u8; 32]) -> Result<Signature, Error> {
                    hazmat::sign_with_rnd(sk, msg, ctx, rnd)
                }

                /// FIPS 204, Algorithm 4 (HashML-DSA.Sign) of PH(`msg`) with the caller's `rnd`.
                ///
                /// # Errors
                /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
                pub fn sign_prehash_with_rnd(
                    sk: &SigningKey,
                    ph: PreHash,
                    msg: &[u8],
                    ctx: &[u8],
                    rnd: &[u8; 32],
                ) -> Result<Signature, Error> {
                    hazmat::sign_prehash_with_rnd(sk, ph, msg, ctx, rnd)
                }

                /// FIPS 204, Algorithm 4 (HashML-DSA.Sign) of a digest, with the caller's `rnd`.
                ///
                /// # Errors
                /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes;
                /// [`Error::InvalidLength`] if `digest` is not `ph.digest_size()` bytes.
                pub fn sign_digest_with_rnd(
                    sk: &SigningKey,
                    ph: PreHash,
                    digest: &[u8],
                    ctx: &[u8],
                    rnd: &[u8; 32],
                ) -> Result<Signature, Error> {
                    hazmat::sign_digest_with_rnd(sk, ph, digest, ctx, rnd)
                }

                /// FIPS 204, Algorithm 7 (ML-DSA.Sign_internal) from line 7 on an external μ,
                /// with the caller's `rnd`.
                pub fn sign_mu_with_rnd(sk: &SigningKey, mu: &Mu, rnd: &[u8; 32]) -> Signature {
                    hazmat::sign_mu_with_rnd(sk, mu, rnd)
                }

                /// FIPS 204, Algorithm 8 (ML-DSA.Verify_internal) from line 8 on an external μ.
                ///
                /// # Errors
                /// [`Error::InvalidSignature`] if the signature does not verify or is malformed.
                pub fn verify_mu(vk: &VerifyingKey, mu: &Mu, sig: &Signature) -> Result<(), Error> {
                    hazmat::verify_mu(vk, mu, sig)
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
        /// use getrandom::SysRng;
        #[doc = concat!("use pqfips::", stringify!($module), "::{Signature, SigningKey, VerifyingKey};")]
        ///
        /// fn main() -> Result<(), pqfips::Error> {
        ///     let sk = SigningKey::try_generate(&mut SysRng)?;
        ///     let sig = sk.sign(&mut SysRng, b"message", b"context")?;
        ///
        ///     // The verifier imports the public key and the signature from bytes.
        ///     let vk = VerifyingKey::from_bytes(&sk.verifying_key().to_bytes())?;
        ///     let sig = Signature::from_bytes(sig.as_ref())?;
        ///     vk.verify(b"message", b"context", &sig)?;
        ///     assert!(vk.verify(b"other message", b"context", &sig).is_err());
        ///     Ok(())
        /// }
        /// ```
        pub mod $module {
            use crate::slh_dsa::{self, $set, ParameterSet};

            pub use crate::PreHash;

            /// The security parameter n: bytes of each seed (SK.seed, SK.prf, PK.seed), of
            /// PK.root and of `addrnd`.
            pub const N: usize = <$set as ParameterSet>::N;
            /// Bytes of a verifying key PK.seed ‖ PK.root.
            pub const VERIFYING_KEY_SIZE: usize = <$set as ParameterSet>::VERIFYING_KEY_SIZE;
            /// Bytes of a signing key SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root.
            pub const SIGNING_KEY_SIZE: usize = <$set as ParameterSet>::SIGNING_KEY_SIZE;
            /// Bytes of a signature.
            pub const SIGNATURE_SIZE: usize = <$set as ParameterSet>::SIGNATURE_SIZE;
            /// Bytes of a verifying key's SubjectPublicKeyInfo DER.
            #[cfg(feature = "pkcs8")]
            pub const SPKI_DER_SIZE: usize = <VerifyingKey as crate::pkcs8::PublicKeyFormat>::SPKI_DER_SIZE;
            /// Bytes of a verifying key's SubjectPublicKeyInfo PEM.
            #[cfg(feature = "pkcs8")]
            pub const SPKI_PEM_SIZE: usize = <VerifyingKey as crate::pkcs8::PublicKeyFormat>::SPKI_PEM_SIZE;
            /// Bytes of a signing key's PKCS#8 DER, as exported.
            #[cfg(feature = "pkcs8")]
            pub const PKCS8_DER_SIZE: usize = <SigningKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_DER_SIZE;
            /// Bytes of a signing key's PKCS#8 PEM, as exported.
            #[cfg(feature = "pkcs8")]
            pub const PKCS8_PEM_SIZE: usize = <SigningKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_PEM_SIZE;

            #[doc = concat!("An ", $name, " signing key (secret).")]
            pub type SigningKey = slh_dsa::SigningKey<$set>;
            #[doc = concat!("An ", $name, " verifying key (public).")]
            pub type VerifyingKey = slh_dsa::VerifyingKey<$set>;
            #[doc = concat!("An ", $name, " signature.")]
            pub type Signature = slh_dsa::Signature<$set>;

            /// Known-answer testing only: the internal algorithms and every signing mode with the
            /// caller's `addrnd`; see [`crate::slh_dsa::hazmat`].
            pub mod hazmat {
                use super::{N, Signature, SigningKey, VerifyingKey};
                use crate::slh_dsa::hazmat;
                use crate::{Error, PreHash};

                /// FIPS 205, Algorithm 19 (slh_sign_internal) on `msg` as is; `addrnd = None`
                /// is the deterministic variant.
                pub fn sign_internal(
                    sk: &SigningKey,
                    msg: &[u8],
                    addrnd: Option<&[u8; N]>,
                ) -> Signature {
                    hazmat::sign_internal(sk, msg, addrnd)
                }

                /// FIPS 205, Algorithm 22 (slh_sign) with the caller's `addrnd` (`None`:
                /// deterministic).
                ///
                /// # Errors
                /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
                pub fn sign_with_addrnd(
                    sk: &SigningKey,
                    msg: &[u8],
                    ctx: &[u8],
                    addrnd: Option<&[u8; N]>,
                ) -> Result<Signature, Error> {
                    hazmat::sign_with_addrnd(sk, msg, ctx, addrnd)
                }

                /// FIPS 205, Algorithm 23 (hash_slh_sign) of PH(`msg`) with the caller's
                /// `addrnd` (`None`: deterministic).
                ///
                /// # Errors
                /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
                pub fn sign_prehash_with_addrnd(
                    sk: &SigningKey,
                    ph: PreHash,
                    msg: &[u8],
                    ctx: &[u8],
                    addrnd: Option<&[u8; N]>,
                ) -> Result<Signature, Error> {
                    hazmat::sign_prehash_with_addrnd(sk, ph, msg, ctx, addrnd)
                }

                /// FIPS 205, Algorithm 23 (hash_slh_sign) of a digest, with the caller's
                /// `addrnd` (`None`: deterministic).
                ///
                /// # Errors
                /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes;
                /// [`Error::InvalidLength`] if `digest` is not `ph.digest_size()` bytes.
                pub fn sign_digest_with_addrnd(
                    sk: &SigningKey,
                    ph: PreHash,
                    digest: &[u8],
                    ctx: &[u8],
                    addrnd: Option<&[u8; N]>,
                ) -> Result<Signature, Error> {
                    hazmat::sign_digest_with_addrnd(sk, ph, digest, ctx, addrnd)
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
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
