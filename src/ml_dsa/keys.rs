//! The public ML-DSA types and the external algorithms of FIPS 204 §5 (Algorithms 1–5): keys,
//! signatures, the message representative μ, pure and pre-hash signing and verification.

use core::fmt;
use core::hash::{Hash, Hasher};

use rand_core::{CryptoRng, TryCryptoRng};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use super::ParameterSet;
use super::encode::{T1_POLY_BYTES, pack_t1, sk_decode_s, unpack_t1};
use super::params::D;
use super::sample::rej_ntt_poly;
use super::sample_x4::for_each_a_entry;
use super::{sign, verify};
use crate::Error;
use crate::array::ByteArray;
use crate::error::Input;
use crate::hash::Shake256;
use crate::hash::prehash::{MessagePrefix, PreHash};
use crate::lattice::{ConstZero, Poly, Q8380417};
use crate::wipe::StackBelow;

/// Stack a key import uses besides the key it builds (decoding, and re-deriving t₀ and tr
/// row by row), and so zeroes besides that key: more than measured (tests/stack.rs,
/// tests/residue/).
const IMPORT_STACK: usize = 10 * 1024;

/// Bytes of the seed ξ, the canonical form of a signing key (FIPS 204 §3.6.3).
pub const SEED_SIZE: usize = 32;
/// Bytes of the message representative μ.
pub const MU_SIZE: usize = 64;

/// A verifying (public) key: the FIPS 204 encoding and tr = H(pk, 64), hashed once on import.
/// Verification decodes t₁ and samples Â as it goes, so the key stays as small as its
/// encoding; to verify many signatures with one key, [`prepare`](Self::prepare) it.
pub struct VerifyingKey<P: ParameterSet> {
    pub(super) bytes: P::VerifyingKeyBytes,
    pub(super) tr: [u8; 64],
}

/// A verifying key prepared for verifying many signatures: the key with the matrix Â and
/// NTT(t₁·2^d) computed once, which [`VerifyingKey`] recomputes in every verification. Made by
/// [`VerifyingKey::prepare`] (which costs about one verification); verifies exactly as the key
/// it was made from, in about a third of the time, at the cost of k·ℓ + k KiB of memory
/// (36 KiB for ML-DSA-65).
///
/// ```
/// use pqfips::ml_dsa_65::SigningKey;
///
/// let sk = SigningKey::from_seed(&[3; 32]);
/// let prepared = sk.verifying_key().prepare();
/// for msg in [&b"one"[..], b"two", b"three"] {
///     let sig = sk.sign_deterministic(msg, b"")?;
///     prepared.verify(msg, b"", &sig)?;
/// }
/// # Ok::<(), pqfips::Error>(())
/// ```
pub struct PreparedVerifyingKey<P: ParameterSet> {
    vk: VerifyingKey<P>,
    a_hat: P::Matrix,
    t1_hat: P::VecK,
}

/// A signing (private) key: its FIPS 204 encoding, NTT(s₁), NTT(s₂) and NTT(t₀) precomputed
/// for signing, the verifying key, and the seed ξ when there is one. Wiped on drop.
pub struct SigningKey<P: ParameterSet> {
    pub(super) bytes: P::ExpandedSigningKeyBytes,
    pub(super) s1_hat: P::VecL,
    pub(super) s2_hat: P::VecK,
    pub(super) t0_hat: P::VecK,
    pub(super) vk: VerifyingKey<P>,
    pub(super) seed: Option<[u8; SEED_SIZE]>,
}

/// A signature: c̃ ‖ z ‖ h as FIPS 204 encodes it. Any byte string of the right length is a
/// `Signature`; malformed contents are rejected by verification.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Signature<P: ParameterSet>(pub(super) P::SignatureBytes);

/// The 64-byte message representative μ = H(tr ‖ M′, 64) of FIPS 204 Algorithm 7, line 6:
/// what is signed when μ is computed outside the signer ("external μ").
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Mu([u8; MU_SIZE]);

/// Computes μ incrementally, for messages that arrive in parts or do not fit in memory.
/// Made by [`VerifyingKey::message_representative`].
#[derive(Clone)]
pub struct MuBuilder(Shake256);

impl<P: ParameterSet> SigningKey<P> {
    /// FIPS 204, Algorithm 1 (ML-DSA.KeyGen): a new key from 32 random bytes ξ.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut xi = Zeroizing::new([0u8; SEED_SIZE]);
        rng.fill_bytes(&mut *xi);
        Self::from_seed(&xi)
    }

    /// FIPS 204, Algorithm 1 (ML-DSA.KeyGen) with a generator that may fail, such as
    /// `getrandom::SysRng` itself.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn try_generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        let mut xi = Zeroizing::new([0u8; SEED_SIZE]);
        crate::rng::try_fill(rng, &mut *xi)?;
        Ok(Self::from_seed(&xi))
    }

    /// FIPS 204, Algorithm 1 (ML-DSA.KeyGen) with the operating system's generator.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if the operating system's generator fails.
    #[cfg(feature = "getrandom")]
    pub fn generate_from_os_rng() -> Result<Self, Error> {
        Self::try_generate(&mut crate::rng::os())
    }

    /// FIPS 204, Algorithm 6 (ML-DSA.KeyGen_internal) on the seed ξ: the canonical way to store
    /// and restore a signing key. Deterministic.
    pub fn from_seed(xi: &[u8; SEED_SIZE]) -> Self {
        sign::keygen_internal(xi)
    }

    /// The seed ξ this key was made from, or `None` for a key imported in expanded form.
    pub fn seed(&self) -> Option<&[u8; SEED_SIZE]> {
        self.seed.as_ref()
    }

    /// The matching verifying key.
    pub fn verifying_key(&self) -> &VerifyingKey<P> {
        &self.vk
    }

    /// FIPS 204, Algorithm 2 (ML-DSA.Sign), hedged: 32 fresh random bytes `rnd` from `rng`,
    /// any [`CryptoRng`] or a generator that may fail ([`TryCryptoRng`], such as
    /// `getrandom::SysRng`).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::RandomSource`] if
    /// `rng` fails.
    pub fn sign<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        msg: &[u8],
        ctx: &[u8],
    ) -> Result<Signature<P>, Error> {
        self.sign_mu(rng, &self.vk.pure_mu(msg, ctx)?)
    }

    /// FIPS 204, Algorithm 2 (ML-DSA.Sign), hedged, with the operating system's generator.
    ///
    /// # Errors
    /// As [`SigningKey::sign`].
    #[cfg(feature = "getrandom")]
    pub fn sign_with_os_rng(&self, msg: &[u8], ctx: &[u8]) -> Result<Signature<P>, Error> {
        self.sign(&mut crate::rng::os(), msg, ctx)
    }

    /// FIPS 204, Algorithm 2 (ML-DSA.Sign), deterministic variant: `rnd` = 0³². Signatures
    /// repeat for repeated messages; prefer [`SigningKey::sign`] where side channels matter.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn sign_deterministic(&self, msg: &[u8], ctx: &[u8]) -> Result<Signature<P>, Error> {
        Ok(self.sign_mu_deterministic(&self.vk.pure_mu(msg, ctx)?))
    }

    /// FIPS 204, Algorithm 4 (HashML-DSA.Sign), hedged: signs PH(`msg`).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::RandomSource`] if
    /// `rng` fails.
    pub fn sign_prehash<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        ph: PreHash,
        msg: &[u8],
        ctx: &[u8],
    ) -> Result<Signature<P>, Error> {
        self.sign_digest(rng, ph, ph.hash(msg).as_bytes(), ctx)
    }

    /// FIPS 204, Algorithm 4 (HashML-DSA.Sign), hedged, for a caller who already computed
    /// `digest` = PH(M).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::InvalidLength`]
    /// if `digest` is not `ph.digest_size()` bytes; [`Error::RandomSource`] if `rng` fails.
    pub fn sign_digest<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        ph: PreHash,
        digest: &[u8],
        ctx: &[u8],
    ) -> Result<Signature<P>, Error> {
        self.sign_mu(rng, &self.vk.prehash_mu(ph, digest, ctx)?)
    }

    /// Signs an externally computed μ (FIPS 204 Algorithm 7 from line 7), hedged. μ comes from
    /// [`VerifyingKey::message_representative`] (or is computed elsewhere, for this key's tr).
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn sign_mu<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        mu: &Mu,
    ) -> Result<Signature<P>, Error> {
        let mut rnd = Zeroizing::new([0u8; 32]);
        crate::rng::try_fill(rng, &mut *rnd)?;
        Ok(sign::sign_mu(self, &mu.0, &rnd))
    }

    /// Signs an externally computed μ, deterministic variant (`rnd` = 0³²).
    pub fn sign_mu_deterministic(&self, mu: &Mu) -> Signature<P> {
        sign::sign_mu(self, &mu.0, &[0; 32])
    }

    /// Imports the expanded FIPS 204 encoding (skEncode). FIPS 204 warns that skDecode of a
    /// malformed key yields out-of-range values, so the import checks the key completely: s₁
    /// and s₂ in [−η, η], and t₀ and tr equal to what s₁, s₂ and ρ determine (this recomputes
    /// t = A·s₁ + s₂, about the cost of key generation).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is `EXPANDED_SIGNING_KEY_SIZE` long;
    /// [`Error::InvalidKey`] if the key is malformed or inconsistent.
    #[inline(never)]
    pub fn from_expanded_bytes(bytes: &[u8]) -> Result<Self, Error> {
        // Declared first, so dropped last: once `import_expanded` has written its result into the
        // caller's destination, zeroes its dead frame, which still holds the key it moved into
        // that result, and those of its calls (see `crate::wipe`).
        let _wipe = StackBelow(size_of::<Self>() + IMPORT_STACK);
        Self::import_expanded(bytes)
    }

    /// The import proper, in a frame of its own for [`from_expanded_bytes`](Self::from_expanded_bytes) to wipe.
    #[inline(never)]
    fn import_expanded(bytes: &[u8]) -> Result<Self, Error> {
        let mut sk = Self::blank(&[0; 32]);
        sk.fill_expanded(bytes)?;
        Ok(sk)
    }

    /// [`SigningKey::from_expanded_bytes`] into this (blank) key's own storage.
    fn fill_expanded(&mut self, bytes: &[u8]) -> Result<(), Error> {
        Error::check_length(
            Input::ExpandedSigningKey,
            P::EXPANDED_SIGNING_KEY_SIZE,
            bytes.len(),
        )?;
        // Infallible: fixed sub-ranges of a checked length.
        let key: &[u8; 32] = bytes[32..64].try_into().expect("32 bytes");
        self.vk.set_rho(bytes[..32].try_into().expect("32 bytes"));
        sk_decode_s::<P>(bytes, &mut self.s1_hat, &mut self.s2_hat)?;
        sign::finish_key(self, key);
        // Re-encoding what ρ, K, s₁ and s₂ determine must give the input back, t₀ and tr
        // included. t₀ is secret: the comparison is constant-time; whether the key is
        // consistent is public (it is the result of the import).
        let encoded: &[u8] = self.bytes.as_ref();
        let mut consistent = bool::from(encoded.ct_eq(bytes));
        crate::ct::declassify(&mut consistent);
        if consistent {
            Ok(())
        } else {
            Err(Error::InvalidKey)
        }
    }

    /// The expanded FIPS 204 encoding (skEncode), in a buffer wiped on drop.
    pub fn to_expanded_bytes(&self) -> Zeroizing<P::ExpandedSigningKeyBytes> {
        Zeroizing::new(self.bytes)
    }

    /// A key to be filled in by key generation or import: ρ set, the rest zero.
    /// A call of its own, so that `let mut key = Self::blank(..)` builds the key where the
    /// caller keeps it rather than in a temporary copied there (a second key's worth of stack).
    #[inline(never)]
    pub(super) fn blank(rho: &[u8; 32]) -> Self {
        Self {
            bytes: P::ExpandedSigningKeyBytes::zeroed(),
            s1_hat: P::VecL::ZERO,
            s2_hat: P::VecK::ZERO,
            t0_hat: P::VecK::ZERO,
            vk: VerifyingKey::with_rho(rho),
            seed: None,
        }
    }

    /// A copy of this key, for returning a key built in a local: the local is then wiped when
    /// it is dropped, where moving it out would leave it behind, unwiped (a moved-from value is
    /// not dropped). A call of its own, whose result the compiler writes straight into the
    /// caller's destination, field by field, each field in one copy (`Poly` is `Copy` for
    /// this: the `Clone` of an array of non-`Copy` polynomials builds it in a temporary first).
    #[inline(never)]
    pub(super) fn copied(&self) -> Self {
        Self {
            bytes: self.bytes,
            s1_hat: self.s1_hat,
            s2_hat: self.s2_hat,
            t0_hat: self.t0_hat,
            vk: VerifyingKey {
                bytes: self.vk.bytes,
                tr: self.vk.tr,
            },
            seed: self.seed,
        }
    }

    /// K, the private seed for the per-signature randomness.
    pub(super) fn key(&self) -> &[u8; 32] {
        // Infallible: bytes 32..64 of the encoding are K.
        self.bytes.as_ref()[32..64].try_into().expect("32 bytes")
    }
}

impl<P: ParameterSet> VerifyingKey<P> {
    /// Imports the FIPS 204 encoding pkEncode(ρ, t₁). Every byte string of the right length
    /// decodes to a valid key (t₁ has 10-bit coefficients).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is `VERIFYING_KEY_SIZE` long.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::VerifyingKey, P::VERIFYING_KEY_SIZE, bytes.len())?;
        let mut vk = Self {
            bytes: P::VerifyingKeyBytes::zeroed(),
            tr: [0; 64],
        };
        vk.bytes.as_mut().copy_from_slice(bytes);
        vk.finish_tr();
        Ok(vk)
    }

    /// A key to be filled in: ρ set, t₁ and tr still zero.
    pub(super) fn with_rho(rho: &[u8; 32]) -> Self {
        let mut bytes = P::VerifyingKeyBytes::zeroed();
        bytes.as_mut()[..32].copy_from_slice(rho);
        Self { bytes, tr: [0; 64] }
    }

    /// Sets ρ, the first 32 bytes of the encoding.
    pub(super) fn set_rho(&mut self, rho: &[u8; 32]) {
        self.bytes.as_mut()[..32].copy_from_slice(rho);
    }

    /// pkDecode (FIPS 204, Algorithm 23) of row `i` of t₁, as NTT(t₁[i]·2^d) for verification.
    pub(super) fn t1_hat_row(&self, i: usize, t: &mut Poly<Q8380417>) {
        let at = 32 + i * T1_POLY_BYTES;
        unpack_t1(&self.bytes.as_ref()[at..at + T1_POLY_BYTES], t);
        for c in t.coeffs.iter_mut() {
            *c <<= D;
        }
        t.ntt();
    }

    /// pkEncode (FIPS 204, Algorithm 22) of row `i` of t₁.
    pub(super) fn set_t1(&mut self, i: usize, t1: &Poly<Q8380417>) {
        let at = 32 + i * T1_POLY_BYTES;
        pack_t1(t1, &mut self.bytes.as_mut()[at..at + T1_POLY_BYTES]);
    }

    /// tr = H(pk, 64), once the encoding is complete.
    pub(super) fn finish_tr(&mut self) {
        Shake256::digest(&[self.bytes.as_ref()], &mut self.tr);
    }

    /// The FIPS 204 encoding pkEncode(ρ, t₁).
    pub fn to_bytes(&self) -> P::VerifyingKeyBytes {
        self.bytes
    }

    /// The FIPS 204 encoding pkEncode(ρ, t₁), borrowed.
    pub fn as_bytes(&self) -> &P::VerifyingKeyBytes {
        &self.bytes
    }

    /// ρ, the seed of the matrix A.
    pub(super) fn rho(&self) -> &[u8; 32] {
        // Infallible: the encoding starts with the 32 bytes of ρ.
        self.bytes.as_ref()[..32].try_into().expect("32 bytes")
    }

    /// FIPS 204, Algorithm 3 (ML-DSA.Verify).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::InvalidSignature`]
    /// if the signature does not verify or is malformed.
    pub fn verify(&self, msg: &[u8], ctx: &[u8], sig: &Signature<P>) -> Result<(), Error> {
        self.verify_mu(&self.pure_mu(msg, ctx)?, sig)
    }

    /// FIPS 204, Algorithm 5 (HashML-DSA.Verify): verifies a signature on PH(`msg`).
    ///
    /// # Errors
    /// As [`VerifyingKey::verify`].
    pub fn verify_prehash(
        &self,
        ph: PreHash,
        msg: &[u8],
        ctx: &[u8],
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        self.verify_digest(ph, ph.hash(msg).as_bytes(), ctx, sig)
    }

    /// FIPS 204, Algorithm 5 (HashML-DSA.Verify) for a caller who already computed
    /// `digest` = PH(M).
    ///
    /// # Errors
    /// As [`VerifyingKey::verify`], and [`Error::InvalidLength`] if `digest` is not
    /// `ph.digest_size()` bytes.
    pub fn verify_digest(
        &self,
        ph: PreHash,
        digest: &[u8],
        ctx: &[u8],
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        self.verify_mu(&self.prehash_mu(ph, digest, ctx)?, sig)
    }

    /// Verifies a signature on an externally computed μ (FIPS 204 Algorithm 8 from line 8).
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] if the signature does not verify or is malformed.
    pub fn verify_mu(&self, mu: &Mu, sig: &Signature<P>) -> Result<(), Error> {
        verify::verify_mu(self, &mu.0, &sig.0)
    }

    /// Starts computing μ = H(tr ‖ M′, 64) for a pure signature with context `ctx`, where
    /// M′ = 0 ‖ |ctx| ‖ ctx ‖ M and M is given in parts to [`MuBuilder::update`].
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn message_representative(&self, ctx: &[u8]) -> Result<MuBuilder, Error> {
        let prefix = MessagePrefix::pure(ctx)?;
        let mut h = Shake256::new();
        h.absorb(&self.tr);
        h.absorb(prefix.as_bytes());
        Ok(MuBuilder(h))
    }

    /// Computes Â and NTT(t₁·2^d) once, for verifying many signatures with this key faster
    /// (see [`PreparedVerifyingKey`]).
    pub fn prepare(&self) -> PreparedVerifyingKey<P> {
        // Each part is built by a call that returns it, straight into the result: filling a
        // local and returning it made the compiler copy the whole key once more.
        PreparedVerifyingKey {
            vk: self.clone(),
            a_hat: self.a_hat(),
            t1_hat: self.t1_hat(),
        }
    }

    /// Â = ExpandA(ρ) (FIPS 204, Algorithm 32), one entry at a time: built four at a time
    /// (`sample_x4::expand_a`), the matrix was copied once more on its way into the prepared
    /// key (over the stack budget), and preparing is a once-per-key cost.
    fn a_hat(&self) -> P::Matrix {
        let mut a_hat = P::Matrix::ZERO;
        for (r, row) in a_hat.as_mut().iter_mut().enumerate() {
            for (s, a) in row.as_mut().iter_mut().enumerate() {
                *a = rej_ntt_poly(self.rho(), s as u8, r as u8);
            }
        }
        a_hat
    }

    /// NTT(t₁·2^d), every row.
    fn t1_hat(&self) -> P::VecK {
        let mut t1_hat = P::VecK::ZERO;
        for (i, t) in t1_hat.as_mut().iter_mut().enumerate() {
            self.t1_hat_row(i, t);
        }
        t1_hat
    }

    /// μ of a pure signature on `msg` with context `ctx` (M′ of Algorithms 2 and 3, μ of
    /// Algorithms 7 and 8).
    pub(super) fn pure_mu(&self, msg: &[u8], ctx: &[u8]) -> Result<Mu, Error> {
        let prefix = MessagePrefix::pure(ctx)?;
        Ok(self.mu(&[prefix.as_bytes(), msg]))
    }

    /// μ of a HashML-DSA signature on the pre-hash `digest` with context `ctx` (M′ of
    /// Algorithms 4 and 5, μ of Algorithms 7 and 8).
    pub(super) fn prehash_mu(&self, ph: PreHash, digest: &[u8], ctx: &[u8]) -> Result<Mu, Error> {
        let prefix = MessagePrefix::prehash(ph, ctx)?;
        let digest = ph.digest_from(digest)?;
        Ok(self.mu(&[prefix.as_bytes(), digest.as_bytes()]))
    }

    /// μ = H(tr ‖ parts…, 64).
    pub(super) fn mu(&self, parts: &[&[u8]]) -> Mu {
        let mut h = Shake256::new();
        h.absorb(&self.tr);
        for part in parts {
            h.absorb(part);
        }
        let mut mu = [0u8; MU_SIZE];
        h.finalize();
        h.squeeze(&mut mu);
        Mu(mu)
    }
}

impl<P: ParameterSet> PreparedVerifyingKey<P> {
    /// The verifying key this was prepared from.
    pub fn verifying_key(&self) -> &VerifyingKey<P> {
        &self.vk
    }

    /// FIPS 204, Algorithm 3 (ML-DSA.Verify); the same verdict as [`VerifyingKey::verify`].
    ///
    /// # Errors
    /// As [`VerifyingKey::verify`].
    pub fn verify(&self, msg: &[u8], ctx: &[u8], sig: &Signature<P>) -> Result<(), Error> {
        self.verify_mu(&self.vk.pure_mu(msg, ctx)?, sig)
    }

    /// FIPS 204, Algorithm 5 (HashML-DSA.Verify) on PH(`msg`); the same verdict as
    /// [`VerifyingKey::verify_prehash`].
    ///
    /// # Errors
    /// As [`VerifyingKey::verify_prehash`].
    pub fn verify_prehash(
        &self,
        ph: PreHash,
        msg: &[u8],
        ctx: &[u8],
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        self.verify_digest(ph, ph.hash(msg).as_bytes(), ctx, sig)
    }

    /// FIPS 204, Algorithm 5 (HashML-DSA.Verify) on a digest the caller computed; the same
    /// verdict as [`VerifyingKey::verify_digest`].
    ///
    /// # Errors
    /// As [`VerifyingKey::verify_digest`].
    pub fn verify_digest(
        &self,
        ph: PreHash,
        digest: &[u8],
        ctx: &[u8],
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        self.verify_mu(&self.vk.prehash_mu(ph, digest, ctx)?, sig)
    }

    /// Verifies a signature on an external μ; the same verdict as [`VerifyingKey::verify_mu`].
    ///
    /// # Errors
    /// As [`VerifyingKey::verify_mu`].
    pub fn verify_mu(&self, mu: &Mu, sig: &Signature<P>) -> Result<(), Error> {
        verify::verify_mu(self, &mu.0, &sig.0)
    }
}

impl<P: ParameterSet> verify::PublicTerms<P> for VerifyingKey<P> {
    fn rows(
        &self,
        z_hat: &P::VecL,
        neg_c_hat: &Poly<Q8380417>,
        mut f: impl FnMut(usize, &mut Poly<Q8380417>),
    ) {
        let mut w = Poly::ZERO;
        let mut t1_hat = Poly::ZERO;
        for_each_a_entry::<P>(self.rho(), |i, j, a| {
            w.multiply_ntts_acc(a, &z_hat.as_ref()[j]);
            if j == P::L - 1 {
                self.t1_hat_row(i, &mut t1_hat);
                w.multiply_ntts_acc(neg_c_hat, &t1_hat);
                f(i, &mut w);
                w = Poly::ZERO;
            }
        });
    }
}

impl<P: ParameterSet> verify::PublicTerms<P> for PreparedVerifyingKey<P> {
    fn rows(
        &self,
        z_hat: &P::VecL,
        neg_c_hat: &Poly<Q8380417>,
        mut f: impl FnMut(usize, &mut Poly<Q8380417>),
    ) {
        for (i, (row, t1_hat)) in self
            .a_hat
            .as_ref()
            .iter()
            .zip(self.t1_hat.as_ref())
            .enumerate()
        {
            let mut w = Poly::ZERO;
            for (a, z) in row.as_ref().iter().zip(z_hat.as_ref()) {
                w.multiply_ntts_acc(a, z);
            }
            w.multiply_ntts_acc(neg_c_hat, t1_hat);
            f(i, &mut w);
        }
    }
}

impl MuBuilder {
    /// Absorbs the next part of the message.
    pub fn update(&mut self, part: &[u8]) -> &mut Self {
        self.0.absorb(part);
        self
    }

    /// μ of everything absorbed so far.
    pub fn finalize(&self) -> Mu {
        let mut mu = [0u8; MU_SIZE];
        let mut h = self.0.clone();
        h.finalize();
        h.squeeze(&mut mu);
        Mu(mu)
    }
}

impl Mu {
    /// The 64 bytes of μ.
    pub fn as_bytes(&self) -> &[u8; MU_SIZE] {
        &self.0
    }
}

impl From<[u8; MU_SIZE]> for Mu {
    fn from(bytes: [u8; MU_SIZE]) -> Self {
        Self(bytes)
    }
}

impl<P: ParameterSet> Signature<P> {
    /// The signature bytes c̃ ‖ z ‖ h.
    pub fn as_bytes(&self) -> &P::SignatureBytes {
        &self.0
    }

    /// The signature bytes c̃ ‖ z ‖ h, copied.
    pub fn to_bytes(&self) -> P::SignatureBytes {
        self.0
    }

    /// Takes a signature of exactly `SIGNATURE_SIZE` bytes.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for any other length.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::Signature, P::SIGNATURE_SIZE, bytes.len())?;
        let mut sig = P::SignatureBytes::zeroed();
        sig.as_mut().copy_from_slice(bytes);
        Ok(Self(sig))
    }
}

impl<P: ParameterSet> AsRef<[u8]> for Signature<P> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_ref()
    }
}

impl<P: ParameterSet> TryFrom<&[u8]> for Signature<P> {
    type Error = Error;

    /// Same as [`Signature::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl<P: ParameterSet> TryFrom<&[u8]> for VerifyingKey<P> {
    type Error = Error;

    /// Same as [`VerifyingKey::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl<P: ParameterSet> TryFrom<&[u8]> for SigningKey<P> {
    type Error = Error;

    /// The canonical form: the 32-byte seed ξ, as [`SigningKey::from_seed`]. For the expanded
    /// FIPS 204 form, use [`SigningKey::from_expanded_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::Seed, SEED_SIZE, bytes.len())?;
        let mut xi = Zeroizing::new([0u8; SEED_SIZE]);
        xi.copy_from_slice(bytes);
        Ok(Self::from_seed(&xi))
    }
}

impl<P: ParameterSet> Hash for Signature<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl Hash for Mu {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<P: ParameterSet> Hash for VerifyingKey<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl<P: ParameterSet> fmt::Debug for Signature<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature<{}>({} bytes)", P::NAME, P::SIGNATURE_SIZE)
    }
}

impl fmt::Debug for Mu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Mu(")?;
        for b in &self.0 {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

impl fmt::Debug for MuBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MuBuilder(..)")
    }
}

impl<P: ParameterSet> Clone for VerifyingKey<P> {
    fn clone(&self) -> Self {
        Self {
            bytes: self.bytes,
            tr: self.tr,
        }
    }
}

/// Keys are equal when their encodings are.
impl<P: ParameterSet> PartialEq for VerifyingKey<P> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl<P: ParameterSet> Eq for VerifyingKey<P> {}

impl<P: ParameterSet> fmt::Debug for VerifyingKey<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VerifyingKey<{}>(tr = ", P::NAME)?;
        for b in &self.tr[..16] {
            write!(f, "{b:02x}")?;
        }
        f.write_str("…)")
    }
}

impl<P: ParameterSet> fmt::Debug for PreparedVerifyingKey<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PreparedVerifyingKey")
            .field(&self.vk)
            .finish()
    }
}

/// The matching verifying key, as [`SigningKey::verifying_key`].
impl<P: ParameterSet> AsRef<VerifyingKey<P>> for SigningKey<P> {
    fn as_ref(&self) -> &VerifyingKey<P> {
        &self.vk
    }
}

impl<P: ParameterSet> Clone for SigningKey<P> {
    fn clone(&self) -> Self {
        Self {
            bytes: self.bytes,
            s1_hat: self.s1_hat,
            s2_hat: self.s2_hat,
            t0_hat: self.t0_hat,
            vk: self.vk.clone(),
            seed: self.seed,
        }
    }
}

/// Constant-time over the secret encoding (which determines everything else but the seed):
/// whether a seed is attached does not matter.
impl<P: ParameterSet> ConstantTimeEq for SigningKey<P> {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.bytes.as_ref().ct_eq(other.bytes.as_ref())
    }
}

impl<P: ParameterSet> Zeroize for SigningKey<P> {
    fn zeroize(&mut self) {
        self.bytes.zeroize();
        self.s1_hat.zeroize();
        self.s2_hat.zeroize();
        self.t0_hat.zeroize();
        self.seed.zeroize();
    }
}

secret_key_traits!(SigningKey);
