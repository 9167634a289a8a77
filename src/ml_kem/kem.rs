//! ML-KEM proper (FIPS 203 §6 and §7): the key, ciphertext and shared-secret types and
//! Algorithms 16 to 21.

use core::fmt;

use core::hash::{Hash, Hasher};

use rand_core::{CryptoRng, TryCryptoRng};
use subtle::{ConditionallySelectable, ConstantTimeEq};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::ParameterSet;
use super::encode::{
    byte_decode_12_vec_checked, byte_decode_12_vec_reduce, byte_encode_12_vec, poly_bytes,
};
use super::k_pke::{self, EncryptionKey, split_halves};
use crate::Error;
use crate::array::ByteArray;
use crate::error::Input;
use crate::hash::{Shake256, sha3_256, sha3_512};
use crate::lattice::PolyVec;
use crate::wipe::StackBelow;

/// Stack a key import uses besides the key it builds (decoding, the §7.2 check, H(ek)), and
/// so zeroes besides that key: more than measured (tests/stack.rs, tests/residue/).
const IMPORT_STACK: usize = 4096;

/// Bytes of a shared secret, for every parameter set.
pub const SHARED_SECRET_SIZE: usize = 32;
/// Bytes of the seed d‖z, the canonical form of a decapsulation key (FIPS 203 §3.3).
pub const SEED_SIZE: usize = 64;

/// An encapsulation key (public), checked: it passed the FIPS 203 §7.2 modulus check.
///
/// Holds t̂ decoded and H(ek) computed once, so that encapsulation neither decodes nor hashes
/// the key again.
pub struct EncapsulationKey<P: ParameterSet> {
    t_hat: P::PolyVec,
    rho: [u8; 32],
    h: [u8; 32],
}

/// A decapsulation key (secret): ŝ, the encapsulation key, H(ek) and z; wiped on drop.
pub struct DecapsulationKey<P: ParameterSet> {
    s_hat: P::PolyVec,
    ek: EncapsulationKey<P>,
    z: [u8; 32],
    /// d‖z when `has_seed`; kept as a plain array (an `Option` would be built as a temporary
    /// and copied in).
    seed: [u8; SEED_SIZE],
    has_seed: bool,
}

/// A ciphertext (public).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Ciphertext<P: ParameterSet>(P::CiphertextBytes);

/// The 32-byte shared secret K; compared in constant time and wiped on drop.
#[derive(Clone)]
pub struct SharedSecret([u8; SHARED_SECRET_SIZE]);

impl<P: ParameterSet> EncapsulationKey<P> {
    /// Imports an encapsulation key (ByteEncode₁₂(t̂)‖ρ), running the FIPS 203 §7.2 checks.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is `ENCAPSULATION_KEY_SIZE` long;
    /// [`Error::InvalidKey`] if a coefficient of t̂ is not below q (the modulus check).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let mut ek = Self::blank();
        ek.import(bytes)?;
        Ok(ek)
    }

    /// [`EncapsulationKey::from_bytes`] into this key's own storage.
    fn import(&mut self, bytes: &[u8]) -> Result<(), Error> {
        Error::check_length(
            Input::EncapsulationKey,
            P::ENCAPSULATION_KEY_SIZE,
            bytes.len(),
        )?;
        let (t_bytes, rho) = bytes.split_at(P::K * poly_bytes(12));
        byte_decode_12_vec_checked(t_bytes, self.t_hat.as_mut())?;
        self.rho.copy_from_slice(rho);
        sha3_256(&[bytes], &mut self.h);
        Ok(())
    }

    /// A key to be filled in: all zero.
    fn blank() -> Self {
        Self {
            t_hat: P::PolyVec::zero(),
            rho: [0; 32],
            h: [0; 32],
        }
    }

    /// H(ek), once t̂ and ρ are set.
    fn finish_h(&mut self) {
        let mut ek_bytes = P::EncapsulationKeyBytes::zeroed();
        self.write_bytes(ek_bytes.as_mut());
        sha3_256(&[ek_bytes.as_ref()], &mut self.h);
    }

    /// The FIPS 203 encoding, ByteEncode₁₂(t̂)‖ρ.
    pub fn to_bytes(&self) -> P::EncapsulationKeyBytes {
        let mut out = P::EncapsulationKeyBytes::zeroed();
        self.write_bytes(out.as_mut());
        out
    }

    fn write_bytes(&self, out: &mut [u8]) {
        let (t_bytes, rho) = out.split_at_mut(P::K * poly_bytes(12));
        byte_encode_12_vec(self.t_hat.as_ref(), t_bytes);
        rho.copy_from_slice(&self.rho);
    }

    /// FIPS 203, Algorithm 20 (ML-KEM.Encaps): a fresh shared secret and its ciphertext.
    #[inline(always)]
    pub fn encapsulate<R: CryptoRng + ?Sized>(&self, rng: &mut R) -> (Ciphertext<P>, SharedSecret) {
        // 1: m ← 32 random bytes
        let mut m = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(&mut *m);
        encaps_internal(self, &m)
    }

    /// FIPS 203, Algorithm 20 (ML-KEM.Encaps) with a generator that may fail, such as
    /// `getrandom::SysRng` itself.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn try_encapsulate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
    ) -> Result<(Ciphertext<P>, SharedSecret), Error> {
        let mut m = Zeroizing::new([0u8; 32]);
        crate::rng::try_fill(rng, &mut *m)?;
        Ok(encaps_internal(self, &m))
    }

    /// FIPS 203, Algorithm 20 (ML-KEM.Encaps) with the operating system's generator.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if the operating system's generator fails.
    #[cfg(feature = "getrandom")]
    pub fn encapsulate_with_os_rng(&self) -> Result<(Ciphertext<P>, SharedSecret), Error> {
        self.try_encapsulate(&mut crate::rng::os())
    }

    fn as_pke(&self) -> EncryptionKey<'_, P> {
        EncryptionKey {
            t_hat: &self.t_hat,
            rho: &self.rho,
        }
    }
}

/// FIPS 203, Algorithm 17 (ML-KEM.Encaps_internal).
///
/// The pair is made first and filled in place: K is written straight into the `SharedSecret`
/// that is returned, and the buffer of G(m‖H(ek)) that held it is wiped.
#[inline(always)]
pub(crate) fn encaps_internal<P: ParameterSet>(
    ek: &EncapsulationKey<P>,
    m: &[u8; 32],
) -> (Ciphertext<P>, SharedSecret) {
    let mut out = (
        Ciphertext(P::CiphertextBytes::zeroed()),
        SharedSecret([0; 32]),
    );
    encaps_into(ek, m, &mut out.0, &mut out.1);
    out
}

fn encaps_into<P: ParameterSet>(
    ek: &EncapsulationKey<P>,
    m: &[u8; 32],
    ct: &mut Ciphertext<P>,
    ss: &mut SharedSecret,
) {
    // 1: (K, r) ← G(m‖H(ek))
    let mut g = Zeroizing::new([0u8; 64]);
    sha3_512(&[m, &ek.h], &mut g);
    let (k, r) = split_halves(&g);
    // 2: c ← K-PKE.Encrypt(ek, m, r)
    k_pke::encrypt(&ek.as_pke(), m, r, ct.0.as_mut());
    ss.0.copy_from_slice(k);
}

impl<P: ParameterSet> DecapsulationKey<P> {
    /// FIPS 203, Algorithm 19 (ML-KEM.KeyGen): a new key pair from 64 random bytes d‖z.
    #[inline(always)]
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut seed = Zeroizing::new([0u8; SEED_SIZE]);
        rng.fill_bytes(&mut *seed);
        Self::from_seed(&seed)
    }

    /// FIPS 203, Algorithm 19 (ML-KEM.KeyGen) with a generator that may fail, such as
    /// `getrandom::SysRng` itself.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn try_generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        let mut seed = Zeroizing::new([0u8; SEED_SIZE]);
        crate::rng::try_fill(rng, &mut *seed)?;
        Ok(Self::from_seed(&seed))
    }

    /// FIPS 203, Algorithm 19 (ML-KEM.KeyGen) with the operating system's generator.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if the operating system's generator fails.
    #[cfg(feature = "getrandom")]
    pub fn generate_from_os_rng() -> Result<Self, Error> {
        Self::try_generate(&mut crate::rng::os())
    }

    /// FIPS 203, Algorithm 16 (ML-KEM.KeyGen_internal) on the seed d‖z: the canonical way to
    /// store and restore a decapsulation key (§3.3). Deterministic.
    #[inline(always)]
    pub fn from_seed(seed: &[u8; SEED_SIZE]) -> Self {
        let mut dk = Self::blank();
        dk.fill_from_seed(seed);
        dk.copied()
    }

    /// Key generation into this (blank) key's own storage: every secret is computed where the
    /// key keeps it, so none is left behind in a temporary.
    fn fill_from_seed(&mut self, seed: &[u8; SEED_SIZE]) {
        let (d, z) = split_halves(seed);
        // 1: (ek_PKE, dk_PKE) ← K-PKE.KeyGen(d)
        k_pke::keygen::<P>(d, &mut self.ek.t_hat, &mut self.ek.rho, &mut self.s_hat);
        // t̂ is public from here on: the encapsulation key is what key generation makes to be
        // published (and key equality compares it as public).
        crate::ct::declassify(self.ek.t_hat.as_mut());
        // 2–3: ek ← ek_PKE; dk ← dk_PKE‖ek‖H(ek)‖z (kept decoded).
        self.ek.finish_h();
        self.z.copy_from_slice(z);
        self.seed.copy_from_slice(seed);
        self.has_seed = true;
    }

    /// A copy of this key, for returning a key built in a local: the local is then wiped when
    /// it is dropped, where moving it out would leave it behind, unwiped (a moved-from value is
    /// not dropped). A call of its own, whose result the compiler writes straight into the
    /// caller's destination, field by field, each field in one copy (`Poly` is `Copy` for
    /// this: the `Clone` of an array of non-`Copy` polynomials builds it in a temporary first).
    #[inline(never)]
    fn copied(&self) -> Self {
        Self {
            s_hat: self.s_hat,
            ek: EncapsulationKey {
                t_hat: self.ek.t_hat,
                rho: self.ek.rho,
                h: self.ek.h,
            },
            z: self.z,
            seed: self.seed,
            has_seed: self.has_seed,
        }
    }

    /// A key to be filled in: all zero.
    /// A call of its own, so that `let mut key = Self::blank(..)` builds the key where the
    /// caller keeps it rather than in a temporary copied there (a second key's worth of stack).
    #[inline(never)]
    fn blank() -> Self {
        Self {
            s_hat: P::PolyVec::zero(),
            ek: EncapsulationKey::blank(),
            z: [0; 32],
            seed: [0; SEED_SIZE],
            has_seed: false,
        }
    }

    /// The seed d‖z this key was built from, or `None` for a key imported in expanded form.
    pub fn seed(&self) -> Option<&[u8; SEED_SIZE]> {
        self.has_seed.then_some(&self.seed)
    }

    /// The matching encapsulation key.
    pub fn encapsulation_key(&self) -> &EncapsulationKey<P> {
        &self.ek
    }

    /// FIPS 203, Algorithm 21 (ML-KEM.Decaps) with implicit rejection: a ciphertext that was not
    /// made for this key yields a pseudorandom secret J(z‖c), never an error, and which branch
    /// was taken is not observable.
    #[inline(always)]
    pub fn decapsulate(&self, ct: &Ciphertext<P>) -> SharedSecret {
        decaps_internal(self, ct)
    }

    /// Imports the expanded FIPS 203 form dk_PKE‖ek‖H(ek)‖z, running the §7.3 hash check and
    /// the §7.2 modulus check on the embedded ek (an [`EncapsulationKey`] is always checked).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is `EXPANDED_DECAPSULATION_KEY_SIZE` long;
    /// [`Error::InvalidKey`] if H(ek) does not match or ek fails its modulus check.
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
        let mut dk = Self::blank();
        dk.fill_expanded(bytes)?;
        Ok(dk)
    }

    /// [`DecapsulationKey::from_expanded_bytes`] into this (blank) key's own storage.
    fn fill_expanded(&mut self, bytes: &[u8]) -> Result<(), Error> {
        Error::check_length(
            Input::ExpandedDecapsulationKey,
            P::EXPANDED_DECAPSULATION_KEY_SIZE,
            bytes.len(),
        )?;
        let (dk_pke, rest) = bytes.split_at(P::K * poly_bytes(12));
        let (ek_bytes, rest) = rest.split_at(P::ENCAPSULATION_KEY_SIZE);
        let (h, z) = rest.split_at(32);
        self.ek.import(ek_bytes)?;
        // Both sides are public (a hash of the public key): an ordinary comparison is fine.
        if self.ek.h[..] != *h {
            return Err(Error::InvalidKey);
        }
        byte_decode_12_vec_reduce(dk_pke, self.s_hat.as_mut());
        self.z.copy_from_slice(z);
        Ok(())
    }

    /// The expanded FIPS 203 encoding dk_PKE‖ek‖H(ek)‖z, in a buffer wiped on drop.
    #[inline(always)]
    pub fn to_expanded_bytes(&self) -> Zeroizing<P::ExpandedDecapsulationKeyBytes> {
        let mut out = Zeroizing::new(P::ExpandedDecapsulationKeyBytes::zeroed());
        self.write_expanded_bytes(out.as_mut());
        out.clone()
    }

    fn write_expanded_bytes(&self, out: &mut [u8]) {
        let (dk_pke, rest) = out.split_at_mut(P::K * poly_bytes(12));
        byte_encode_12_vec(self.s_hat.as_ref(), dk_pke);
        let (ek_bytes, rest) = rest.split_at_mut(P::ENCAPSULATION_KEY_SIZE);
        self.ek.write_bytes(ek_bytes);
        let (h, z) = rest.split_at_mut(32);
        h.copy_from_slice(&self.ek.h);
        z.copy_from_slice(&self.z);
    }
}

/// FIPS 203, Algorithm 18 (ML-KEM.Decaps_internal).
#[inline(always)]
pub(crate) fn decaps_internal<P: ParameterSet>(
    dk: &DecapsulationKey<P>,
    ct: &Ciphertext<P>,
) -> SharedSecret {
    let mut ss = SharedSecret([0; 32]);
    decaps_into(dk, ct, &mut ss);
    ss
}

fn decaps_into<P: ParameterSet>(
    dk: &DecapsulationKey<P>,
    ct: &Ciphertext<P>,
    ss: &mut SharedSecret,
) {
    let c = ct.0.as_ref();
    // 5: m' ← K-PKE.Decrypt(dk_PKE, c)
    let mut m_prime = Zeroizing::new([0u8; 32]);
    k_pke::decrypt::<P>(&dk.s_hat, c, &mut m_prime);
    // 6: (K', r') ← G(m'‖h)
    let mut g = Zeroizing::new([0u8; 64]);
    sha3_512(&[&*m_prime, &dk.ek.h], &mut g);
    let (k_prime, r_prime) = split_halves(&g);
    // 7: K̄ ← J(z‖c) = SHAKE256(z‖c, 256)
    let mut k_bar = Zeroizing::new([0u8; 32]);
    Shake256::digest(&[&dk.z, c], &mut *k_bar);
    // 8: c' ← K-PKE.Encrypt(ek_PKE, m', r')
    let mut c_prime = Zeroizing::new(P::CiphertextBytes::zeroed());
    k_pke::encrypt(&dk.ek.as_pke(), &m_prime, r_prime, c_prime.as_mut());
    // 9–11: K' ← K̄ if c ≠ c', selected in constant time (byte by byte, in place); the flag
    // lives only in `equal`.
    let equal = crate::ct::bytes_eq(c, c_prime.as_ref());
    for ((out, k), k_bar) in ss.0.iter_mut().zip(k_prime).zip(k_bar.iter()) {
        *out = u8::conditional_select(k_bar, k, equal);
    }
}

impl<P: ParameterSet> Ciphertext<P> {
    /// Takes a ciphertext of exactly `CIPHERTEXT_SIZE` bytes; any such byte string is a
    /// ciphertext (the FIPS 203 §7.3 type check).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for any other length.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::Ciphertext, P::CIPHERTEXT_SIZE, bytes.len())?;
        let mut c = P::CiphertextBytes::zeroed();
        c.as_mut().copy_from_slice(bytes);
        Ok(Self(c))
    }

    /// A ciphertext from bytes whose length the type already fixes.
    #[cfg(feature = "kem")]
    pub(crate) fn from_array(bytes: P::CiphertextBytes) -> Self {
        Self(bytes)
    }

    /// The ciphertext bytes c₁‖c₂.
    pub fn as_bytes(&self) -> &P::CiphertextBytes {
        &self.0
    }

    /// The ciphertext bytes c₁‖c₂, copied.
    pub fn to_bytes(&self) -> P::CiphertextBytes {
        self.0
    }
}

impl<P: ParameterSet> Hash for Ciphertext<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl<P: ParameterSet> AsRef<[u8]> for Ciphertext<P> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_ref()
    }
}

impl<P: ParameterSet> TryFrom<&[u8]> for Ciphertext<P> {
    type Error = Error;

    /// Same as [`Ciphertext::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl<P: ParameterSet> fmt::Debug for Ciphertext<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ciphertext<{}>({} bytes)", P::NAME, P::CIPHERTEXT_SIZE)
    }
}

impl SharedSecret {
    /// The 32 secret bytes.
    pub fn as_bytes(&self) -> &[u8; SHARED_SECRET_SIZE] {
        &self.0
    }
}

impl AsRef<[u8]> for SharedSecret {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl ConstantTimeEq for SharedSecret {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.0.ct_eq(&other.0)
    }
}

/// Constant-time, through [`ConstantTimeEq`].
impl PartialEq for SharedSecret {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for SharedSecret {}

impl fmt::Debug for SharedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SharedSecret(..)")
    }
}

impl Zeroize for SharedSecret {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

impl Drop for SharedSecret {
    fn drop(&mut self) {
        self.zeroize();
    }
}

impl ZeroizeOnDrop for SharedSecret {}

impl<P: ParameterSet> TryFrom<&[u8]> for EncapsulationKey<P> {
    type Error = Error;

    /// Same as [`EncapsulationKey::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl<P: ParameterSet> Clone for EncapsulationKey<P> {
    fn clone(&self) -> Self {
        Self {
            t_hat: self.t_hat,
            rho: self.rho,
            h: self.h,
        }
    }
}

/// Keys are equal when their encodings are: t̂ (canonical) and ρ.
impl<P: ParameterSet> PartialEq for EncapsulationKey<P> {
    fn eq(&self, other: &Self) -> bool {
        self.rho == other.rho && self.t_hat.as_ref() == other.t_hat.as_ref()
    }
}

impl<P: ParameterSet> Eq for EncapsulationKey<P> {}

/// Hashes H(ek), which equal keys share (equal encodings).
impl<P: ParameterSet> Hash for EncapsulationKey<P> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.h.hash(state);
    }
}

impl<P: ParameterSet> TryFrom<&[u8]> for DecapsulationKey<P> {
    type Error = Error;

    /// The canonical form: the 64-byte seed d‖z, as [`DecapsulationKey::from_seed`]. For the
    /// expanded FIPS 203 form, use [`DecapsulationKey::from_expanded_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::Seed, SEED_SIZE, bytes.len())?;
        let mut seed = Zeroizing::new([0u8; SEED_SIZE]);
        seed.copy_from_slice(bytes);
        Ok(Self::from_seed(&seed))
    }
}

impl<P: ParameterSet> fmt::Debug for EncapsulationKey<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EncapsulationKey<{}>(H = ", P::NAME)?;
        for b in &self.h {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

impl<P: ParameterSet> Clone for DecapsulationKey<P> {
    fn clone(&self) -> Self {
        Self {
            s_hat: self.s_hat,
            ek: self.ek.clone(),
            z: self.z,
            seed: self.seed,
            has_seed: self.has_seed,
        }
    }
}

/// Constant-time in the secret parts (ŝ, z); the public ek is compared normally. Whether a seed
/// is attached does not matter.
impl<P: ParameterSet> ConstantTimeEq for DecapsulationKey<P> {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        let mut eq = self.z.ct_eq(&other.z);
        for (a, b) in self.s_hat.as_ref().iter().zip(other.s_hat.as_ref()) {
            eq &= a.coeffs.ct_eq(&b.coeffs);
        }
        eq & subtle::Choice::from(u8::from(self.ek == other.ek))
    }
}

impl<P: ParameterSet> Zeroize for DecapsulationKey<P> {
    fn zeroize(&mut self) {
        self.s_hat.zeroize();
        self.z.zeroize();
        self.seed.zeroize();
        self.has_seed = false;
    }
}

secret_key_traits!(DecapsulationKey);
