//! The key and signature types, and the SLH-DSA external functions (FIPS 205 §10):
//! Algorithms 21 to 25.

use core::fmt;
use core::hash::{Hash, Hasher};

use rand_core::{CryptoRng, TryCryptoRng};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use super::ParameterSet;
use super::hash::{HashSuite, Seeded};
use super::internal::{self, SigningParts};
use crate::Error;
use crate::array::ByteArray;
use crate::error::Input;
use crate::hash::prehash::{MessagePrefix, PreHash, PreHashDigest};
use crate::wipe::StackBelow;

/// Stack a key import uses besides the key it builds (the verifying key's hash state), and so
/// zeroes besides that key: more than measured (tests/stack.rs, tests/residue/).
const IMPORT_STACK: usize = 4096;

/// A verifying key PK = PK.seed ‖ PK.root (public).
///
/// Holds the hash state after the padded PK.seed block (SHA2 sets) or PK.seed as Keccak lanes
/// (SHAKE sets), computed once on import, which every verification starts from.
pub struct VerifyingKey<P: ParameterSet> {
    bytes: P::VerifyingKeyBytes,
    hash: Seeded<P>,
}

/// A signing key SK = SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root; the secret seeds are wiped on drop.
pub struct SigningKey<P: ParameterSet> {
    sk_seed: P::Seed,
    sk_prf: P::Seed,
    vk: VerifyingKey<P>,
}

/// A signature R ‖ SIG_FORS ‖ SIG_HT (public), held in a fixed array of `SIGNATURE_SIZE`
/// bytes: 7 856 to 49 856 depending on the set, so mind the stack it is put on.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature<P: ParameterSet>(P::SignatureBytes);

impl<P: ParameterSet> VerifyingKey<P> {
    /// Imports PK.seed ‖ PK.root. Every byte string of the right length is a key.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is `VERIFYING_KEY_SIZE` long.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::VerifyingKey, P::VERIFYING_KEY_SIZE, bytes.len())?;
        let bytes: P::VerifyingKeyBytes = seed_from(bytes);
        Ok(Self {
            bytes,
            hash: P::Hash::seed(&bytes.as_ref()[..P::N]),
        })
    }

    /// The FIPS 205 encoding PK.seed ‖ PK.root.
    pub fn to_bytes(&self) -> P::VerifyingKeyBytes {
        self.bytes
    }

    /// The FIPS 205 encoding PK.seed ‖ PK.root, borrowed.
    pub fn as_bytes(&self) -> &P::VerifyingKeyBytes {
        &self.bytes
    }

    fn pk_seed(&self) -> &[u8] {
        &self.bytes.as_ref()[..P::N]
    }

    fn pk_root(&self) -> &[u8] {
        &self.bytes.as_ref()[P::N..]
    }

    /// FIPS 205, Algorithm 24 (slh_verify): checks a pure signature on `msg` with context
    /// `ctx`.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::InvalidSignature`]
    /// if the signature does not verify.
    pub fn verify(&self, msg: &[u8], ctx: &[u8], sig: &Signature<P>) -> Result<(), Error> {
        // 1–4: M′ ← toByte(0, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ M
        let prefix = MessagePrefix::pure(ctx)?;
        // 5
        self.verify_parts(&[prefix.as_bytes(), msg], sig)
    }

    /// FIPS 205, Algorithm 25 (hash_slh_verify): checks a pre-hash signature on `msg` with
    /// context `ctx`, hashing `msg` with `ph`.
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
        // 1–3
        let prefix = MessagePrefix::prehash(ph, ctx)?;
        // 4–21: M′ ← toByte(1, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ OID ‖ PH(M)
        self.verify_parts(&[prefix.as_bytes(), ph.hash(msg).as_bytes()], sig)
    }

    /// FIPS 205, Algorithm 25 (hash_slh_verify) for a caller that already holds
    /// `digest` = PH(M); the same verdict as [`VerifyingKey::verify_prehash`] on M.
    ///
    /// # Errors
    /// As [`VerifyingKey::verify`], and [`Error::InvalidLength`] if `digest` is not
    /// `ph.digest_size()` long.
    pub fn verify_digest(
        &self,
        ph: PreHash,
        digest: &[u8],
        ctx: &[u8],
        sig: &Signature<P>,
    ) -> Result<(), Error> {
        let prefix = MessagePrefix::prehash(ph, ctx)?;
        let digest = ph.digest_from(digest)?;
        self.verify_parts(&[prefix.as_bytes(), digest.as_bytes()], sig)
    }

    pub(crate) fn verify_parts(&self, msg: &[&[u8]], sig: &Signature<P>) -> Result<(), Error> {
        let ok = internal::verify::<P>(
            self.pk_seed(),
            self.pk_root(),
            &self.hash,
            msg,
            sig.0.as_ref(),
        );
        if ok {
            Ok(())
        } else {
            Err(Error::InvalidSignature)
        }
    }
}

impl<P: ParameterSet> SigningKey<P> {
    /// FIPS 205, Algorithm 21 (slh_keygen): a new key from three n-byte random seeds.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        // 1–3: SK.seed, SK.prf, PK.seed ← random n-byte strings
        let mut sk_seed = Zeroizing::new(P::Seed::zeroed());
        let mut sk_prf = Zeroizing::new(P::Seed::zeroed());
        let mut pk_seed = P::Seed::zeroed();
        rng.fill_bytes(sk_seed.as_mut());
        rng.fill_bytes(sk_prf.as_mut());
        rng.fill_bytes(pk_seed.as_mut());
        // PK.seed is public from the moment it is drawn: it is half of the verifying key
        // (Algorithm 18, line 4). Only SK.seed and SK.prf stay secret.
        crate::ct::declassify(&mut pk_seed);
        // 7
        Self::from_seeds(&sk_seed, &sk_prf, &pk_seed)
    }

    /// FIPS 205, Algorithm 21 (slh_keygen) with a generator that may fail, such as
    /// `getrandom::SysRng` itself.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn try_generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        let mut sk_seed = Zeroizing::new(P::Seed::zeroed());
        let mut sk_prf = Zeroizing::new(P::Seed::zeroed());
        let mut pk_seed = P::Seed::zeroed();
        crate::rng::try_fill(rng, sk_seed.as_mut())?;
        crate::rng::try_fill(rng, sk_prf.as_mut())?;
        crate::rng::try_fill(rng, pk_seed.as_mut())?;
        // As in `generate`: PK.seed is public from the moment it is drawn.
        crate::ct::declassify(&mut pk_seed);
        Ok(Self::from_seeds(&sk_seed, &sk_prf, &pk_seed))
    }

    /// FIPS 205, Algorithm 21 (slh_keygen) with the operating system's generator.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if the operating system's generator fails.
    #[cfg(feature = "getrandom")]
    pub fn generate_from_os_rng() -> Result<Self, Error> {
        Self::try_generate(&mut crate::rng::os())
    }

    /// FIPS 205, Algorithm 18 (slh_keygen_internal): the key from SK.seed, SK.prf and PK.seed.
    /// Deterministic; computes PK.root, the root of the top XMSS tree.
    pub fn from_seeds(sk_seed: &P::Seed, sk_prf: &P::Seed, pk_seed: &P::Seed) -> Self {
        let hash = P::Hash::seed(pk_seed.as_ref());
        let root = internal::pk_root::<P>(&hash, sk_seed.as_ref());
        // 4: SK = (SK.seed, SK.prf, PK.seed, PK.root), PK = (PK.seed, PK.root)
        let mut bytes = P::VerifyingKeyBytes::zeroed();
        let (seed, pk_root) = bytes.as_mut().split_at_mut(P::N);
        seed.copy_from_slice(pk_seed.as_ref());
        pk_root.copy_from_slice(&root[..P::N]);
        Self {
            sk_seed: *sk_seed,
            sk_prf: *sk_prf,
            vk: VerifyingKey { bytes, hash },
        }
    }

    /// Imports SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root as is. FIPS 205 defines no check on a
    /// signing key; one whose PK.root does not belong to its seeds makes signatures that do
    /// not verify. [`SigningKey::from_seeds`] recomputes PK.root instead.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is `SIGNING_KEY_SIZE` long.
    #[inline(never)]
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        // Declared first, so dropped last: once `import` has written its result into the
        // caller's destination, zeroes its dead frame, which still holds the key it moved into
        // that result, and those of its calls (see `crate::wipe`).
        let _wipe = StackBelow(size_of::<Self>() + IMPORT_STACK);
        Self::import(bytes)
    }

    /// The import proper, in a frame of its own for [`from_bytes`](Self::from_bytes) to wipe.
    #[inline(never)]
    fn import(bytes: &[u8]) -> Result<Self, Error> {
        let mut sk = Self::blank();
        sk.fill(bytes)?;
        Ok(sk)
    }

    /// [`SigningKey::from_bytes`] into this (blank) key's own storage.
    fn fill(&mut self, bytes: &[u8]) -> Result<(), Error> {
        Error::check_length(Input::SigningKey, P::SIGNING_KEY_SIZE, bytes.len())?;
        let (sk_seed, rest) = bytes.split_at(P::N);
        let (sk_prf, pk) = rest.split_at(P::N);
        self.sk_seed.as_mut().copy_from_slice(sk_seed);
        self.sk_prf.as_mut().copy_from_slice(sk_prf);
        self.vk = VerifyingKey::from_bytes(pk)?;
        Ok(())
    }

    /// A key to be filled in: all zero.
    /// A call of its own, so that `let mut key = Self::blank(..)` builds the key where the
    /// caller keeps it rather than in a temporary copied there (a second key's worth of stack).
    #[inline(never)]
    fn blank() -> Self {
        Self {
            sk_seed: P::Seed::zeroed(),
            sk_prf: P::Seed::zeroed(),
            vk: VerifyingKey {
                bytes: P::VerifyingKeyBytes::zeroed(),
                hash: P::Hash::seed(P::Seed::zeroed().as_ref()),
            },
        }
    }

    /// The FIPS 205 encoding SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root, in a buffer wiped on drop.
    pub fn to_bytes(&self) -> Zeroizing<P::SigningKeyBytes> {
        let mut out = Zeroizing::new(P::SigningKeyBytes::zeroed());
        let (sk_seed, rest) = out.as_mut().split_at_mut(P::N);
        let (sk_prf, pk) = rest.split_at_mut(P::N);
        sk_seed.copy_from_slice(self.sk_seed.as_ref());
        sk_prf.copy_from_slice(self.sk_prf.as_ref());
        pk.copy_from_slice(self.vk.to_bytes().as_ref());
        out
    }

    /// The matching verifying key.
    pub fn verifying_key(&self) -> &VerifyingKey<P> {
        &self.vk
    }

    /// FIPS 205, Algorithm 22 (slh_sign), hedged: signs `msg` with context `ctx`, with n fresh
    /// random bytes from `rng` as addrnd: any [`CryptoRng`] or a generator that may fail
    /// ([`TryCryptoRng`], such as `getrandom::SysRng`). The default way to sign.
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
        // 1–3, 8: M′ ← toByte(0, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ M
        let prefix = MessagePrefix::pure(ctx)?;
        // 4–7: addrnd ← n random bytes
        let addrnd = random_seed::<P, R>(rng)?;
        // 9
        Ok(self.sign_parts(&[prefix.as_bytes(), msg], Some(addrnd.as_ref())))
    }

    /// FIPS 205, Algorithm 22 (slh_sign), hedged, with the operating system's generator.
    ///
    /// # Errors
    /// As [`SigningKey::sign`].
    #[cfg(feature = "getrandom")]
    pub fn sign_with_os_rng(&self, msg: &[u8], ctx: &[u8]) -> Result<Signature<P>, Error> {
        self.sign(&mut crate::rng::os(), msg, ctx)
    }

    /// [`SigningKey::sign`] into a signature the caller already holds, for small stacks: the
    /// returned [`Signature`] of `sign` is built in the callee and copied out (the compiler
    /// moves it), so the stack holds it twice for a moment; here it exists once, wherever
    /// `sig` lives (start from [`Signature::default`]). `sig` is overwritten.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes, [`Error::RandomSource`] if
    /// `rng` fails; `sig` is then unchanged.
    pub fn sign_into<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        msg: &[u8],
        ctx: &[u8],
        sig: &mut Signature<P>,
    ) -> Result<(), Error> {
        let prefix = MessagePrefix::pure(ctx)?;
        let addrnd = random_seed::<P, R>(rng)?;
        self.sign_into_parts(&[prefix.as_bytes(), msg], Some(addrnd.as_ref()), sig);
        Ok(())
    }

    /// FIPS 205, Algorithm 22 (slh_sign), deterministic variant (opt_rand = PK.seed): the same
    /// message and context always give the same signature. For platforms without a random
    /// source; prefer [`SigningKey::sign`] where side channels are a concern (FIPS 205 §9.2).
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub fn sign_deterministic(&self, msg: &[u8], ctx: &[u8]) -> Result<Signature<P>, Error> {
        let prefix = MessagePrefix::pure(ctx)?;
        Ok(self.sign_parts(&[prefix.as_bytes(), msg], None))
    }

    /// FIPS 205, Algorithm 23 (hash_slh_sign), hedged: signs PH(`msg`) with context `ctx`.
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
        let prefix = MessagePrefix::prehash(ph, ctx)?;
        self.sign_prehashed(rng, &prefix, &ph.hash(msg))
    }

    /// FIPS 205, Algorithm 23 (hash_slh_sign), hedged, for a caller that already holds
    /// `digest` = PH(M) (for the XOFs, SHAKE128 with 32 bytes or SHAKE256 with 64 bytes of
    /// output). Gives the signature [`SigningKey::sign_prehash`] would give on M.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes; [`Error::InvalidLength`]
    /// if `digest` is not `ph.digest_size()` long; [`Error::RandomSource`] if `rng` fails.
    pub fn sign_digest<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        ph: PreHash,
        digest: &[u8],
        ctx: &[u8],
    ) -> Result<Signature<P>, Error> {
        let prefix = MessagePrefix::prehash(ph, ctx)?;
        let digest = ph.digest_from(digest)?;
        self.sign_prehashed(rng, &prefix, &digest)
    }

    fn sign_prehashed<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
        prefix: &MessagePrefix,
        digest: &PreHashDigest,
    ) -> Result<Signature<P>, Error> {
        // 4–7: addrnd ← n random bytes
        let addrnd = random_seed::<P, R>(rng)?;
        // 24–25: M′ ← toByte(1, 1) ‖ toByte(|ctx|, 1) ‖ ctx ‖ OID ‖ PH_M
        Ok(self.sign_parts(
            &[prefix.as_bytes(), digest.as_bytes()],
            Some(addrnd.as_ref()),
        ))
    }

    /// Algorithm 22 or 23 with the caller's addrnd (`None`: deterministic), for
    /// [`super::hazmat`].
    pub(crate) fn sign_message(
        &self,
        prefix: &MessagePrefix,
        message: &[u8],
        addrnd: Option<&[u8]>,
    ) -> Signature<P> {
        self.sign_parts(&[prefix.as_bytes(), message], addrnd)
    }

    /// Algorithm 19 into a new signature (also [`super::hazmat::sign_internal`]).
    pub(crate) fn sign_parts(&self, msg: &[&[u8]], addrnd: Option<&[u8]>) -> Signature<P> {
        let mut sig = Signature::default();
        self.sign_into_parts(msg, addrnd, &mut sig);
        sig
    }

    /// Algorithm 19, writing into `sig`.
    fn sign_into_parts(&self, msg: &[&[u8]], addrnd: Option<&[u8]>, sig: &mut Signature<P>) {
        let parts = SigningParts::<P> {
            sk_seed: self.sk_seed.as_ref(),
            sk_prf: self.sk_prf.as_ref(),
            pk_seed: self.vk.pk_seed(),
            pk_root: self.vk.pk_root(),
            hash: &self.vk.hash,
        };
        internal::sign::<P>(&parts, msg, addrnd, sig.0.as_mut());
    }
}

/// n fresh bytes from `rng`. The value is public once signed (R depends on it), but wiped
/// anyway since a caller's RNG output is not ours to leave around.
fn random_seed<P: ParameterSet, R: TryCryptoRng + ?Sized>(
    rng: &mut R,
) -> Result<Zeroizing<P::Seed>, Error> {
    let mut addrnd = Zeroizing::new(P::Seed::zeroed());
    crate::rng::try_fill(rng, addrnd.as_mut())?;
    Ok(addrnd)
}

/// `bytes` (exactly n long, checked by the callers) as a seed array.
fn seed_from<S: ByteArray>(bytes: &[u8]) -> S {
    let mut s = S::zeroed();
    s.as_mut().copy_from_slice(bytes);
    s
}

impl<P: ParameterSet> Signature<P> {
    /// Any byte string of length `SIGNATURE_SIZE` is accepted here; whether it verifies is
    /// for [`VerifyingKey::verify`] to say. Same as `TryFrom<&[u8]>`.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for any other length (FIPS 205 Algorithm 20, lines 1–3).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::Signature, P::SIGNATURE_SIZE, bytes.len())?;
        Ok(Self(seed_from(bytes)))
    }

    /// The signature bytes R ‖ SIG_FORS ‖ SIG_HT.
    pub fn as_bytes(&self) -> &P::SignatureBytes {
        &self.0
    }

    /// The signature bytes R ‖ SIG_FORS ‖ SIG_HT, copied.
    pub fn to_bytes(&self) -> P::SignatureBytes {
        self.0
    }
}

/// All zero bytes: not a valid signature, but a place to sign into with
/// [`SigningKey::sign_into`].
impl<P: ParameterSet> Default for Signature<P> {
    fn default() -> Self {
        Self(P::SignatureBytes::zeroed())
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

impl<P: ParameterSet> fmt::Debug for Signature<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature<{}>({} bytes)", P::NAME, P::SIGNATURE_SIZE)
    }
}

impl<P: ParameterSet> TryFrom<&[u8]> for VerifyingKey<P> {
    type Error = Error;

    /// Same as [`VerifyingKey::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl<P: ParameterSet> Clone for VerifyingKey<P> {
    fn clone(&self) -> Self {
        Self {
            bytes: self.bytes,
            hash: self.hash.clone(),
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

impl<P: ParameterSet> Hash for VerifyingKey<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl<P: ParameterSet> Hash for Signature<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<P: ParameterSet> fmt::Debug for VerifyingKey<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VerifyingKey<{}>(", P::NAME)?;
        for b in self.to_bytes().as_ref() {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

impl<P: ParameterSet> TryFrom<&[u8]> for SigningKey<P> {
    type Error = Error;

    /// Same as [`SigningKey::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
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
            sk_seed: self.sk_seed,
            sk_prf: self.sk_prf,
            vk: self.vk.clone(),
        }
    }
}

/// Constant-time in SK.seed and SK.prf; the public key is compared normally.
impl<P: ParameterSet> ConstantTimeEq for SigningKey<P> {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.sk_seed.as_ref().ct_eq(other.sk_seed.as_ref())
            & self.sk_prf.as_ref().ct_eq(other.sk_prf.as_ref())
            & subtle::Choice::from(u8::from(self.vk == other.vk))
    }
}

impl<P: ParameterSet> Zeroize for SigningKey<P> {
    fn zeroize(&mut self) {
        self.sk_seed.zeroize();
        self.sk_prf.zeroize();
    }
}

secret_key_traits!(SigningKey);
