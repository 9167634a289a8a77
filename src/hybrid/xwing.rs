//! X-Wing (draft-connolly-cfrg-xwing-kem): ML-KEM-768 and X25519 with a SHA3-256 combiner,
//! a general-purpose hybrid KEM.
//!
//! The same construction is `MLKEM768-X25519` in the IRTF concrete hybrid KEM draft and KEM
//! `0x647A` in the HPKE post-quantum draft (`DeriveKeyPair` there is `SHAKE256(ikm, 32)`
//! followed by [`DecapsulationKey::from_seed`]); the private key is the 32-byte seed, and
//! the public key, ciphertext and shared secret are fixed-length byte strings.
//!
//! ```
//! use pqfips::hybrid::xwing::{Ciphertext, DecapsulationKey, EncapsulationKey};
//!
//! let mut rng = getrandom::SysRng;                     // may fail: the try_ forms say so
//! let dk = DecapsulationKey::try_generate(&mut rng)?;   // keep secret; store dk.seed()
//! let ek_bytes = dk.encapsulation_key().to_bytes();     // publish: 1216 bytes
//!
//! // The sender imports the key (running the FIPS 203 §7.2 check) and encapsulates.
//! let ek = EncapsulationKey::from_bytes(&ek_bytes)?;
//! let (ct, shared) = ek.try_encapsulate(&mut rng)?;     // send ct: 1120 bytes
//!
//! // The receiver decapsulates: the same 32 bytes.
//! let ct = Ciphertext::try_from(ct.as_ref())?;
//! assert_eq!(dk.decapsulate(&ct), shared);
//! # Ok::<(), pqfips::Error>(())
//! ```

use core::fmt;

use rand_core::{CryptoRng, TryCryptoRng};
use subtle::ConstantTimeEq;
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::hash::{Shake256, sha3_256};
use crate::ml_kem::{self, MlKem768, ParameterSet};
use crate::wipe::StackBelow;
use crate::{Error, Input};

/// Bytes of a decapsulation key: the seed `sk`.
pub const DECAPSULATION_KEY_SIZE: usize = 32;
/// Bytes of an encapsulation key pk_M ‖ pk_X.
pub const ENCAPSULATION_KEY_SIZE: usize = PK_M_SIZE + 32;
/// Bytes of a ciphertext ct_M ‖ ct_X.
pub const CIPHERTEXT_SIZE: usize = CT_M_SIZE + 32;
/// Bytes of a shared secret.
pub const SHARED_SECRET_SIZE: usize = 32;
/// The 32-byte X-Wing shared secret; compared in constant time and wiped on drop.
pub type SharedSecret = super::SharedSecret<[u8; SHARED_SECRET_SIZE]>;

/// Bytes of an encapsulation key's SubjectPublicKeyInfo DER.
#[cfg(feature = "pkcs8")]
pub const SPKI_DER_SIZE: usize = <EncapsulationKey as crate::pkcs8::PublicKeyFormat>::SPKI_DER_SIZE;
/// Bytes of an encapsulation key's SubjectPublicKeyInfo PEM.
#[cfg(feature = "pkcs8")]
pub const SPKI_PEM_SIZE: usize = <EncapsulationKey as crate::pkcs8::PublicKeyFormat>::SPKI_PEM_SIZE;
/// Bytes of a decapsulation key's PKCS#8 DER (the seed as the private key).
#[cfg(feature = "pkcs8")]
pub const PKCS8_DER_SIZE: usize =
    <DecapsulationKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_DER_SIZE;
/// Bytes of a decapsulation key's PKCS#8 PEM.
#[cfg(feature = "pkcs8")]
pub const PKCS8_PEM_SIZE: usize =
    <DecapsulationKey as crate::pkcs8::PrivateKeyFormat>::PKCS8_PEM_SIZE;

/// Bytes of the encapsulation randomness `eseed` of [`hazmat::encapsulate_deterministic`].
pub const ENCAPSULATION_SEED_SIZE: usize = 64;

const PK_M_SIZE: usize = MlKem768::ENCAPSULATION_KEY_SIZE;
const CT_M_SIZE: usize = MlKem768::CIPHERTEXT_SIZE;

/// XWingLabel, `\.//^\` in ASCII.
const LABEL: &[u8; 6] = b"\\.//^\\";

/// Stack zeroed below [`DecapsulationKey::from_seed`] once the key is built: the key, its
/// ML-KEM half and the X25519 scalar are built in frames of their own and moved out, which
/// leaves copies there (a moved-from value is not dropped, so not wiped; see `crate::wipe`).
/// More than the deepest copy the residue test (tests/residue/) found, 13.5 KiB.
const KEYGEN_WIPE: usize = 16 * 1024;
/// The same for encapsulation and decapsulation, whose ss_M, ss_X and combined secret are
/// moved out of their frames: more than the deepest copy found, 3.7 KiB.
const ENCAPS_WIPE: usize = 6 * 1024;

/// X-Wing as a type: the [`kem::Kem`](https://docs.rs/kem) of the `kem` feature and the
/// holder of the key-format OID of the `pkcs8` feature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct XWing;

/// An X-Wing encapsulation key (public), checked: its ML-KEM part passed the FIPS 203 §7.2
/// modulus check.
#[derive(Clone, PartialEq, Eq)]
pub struct EncapsulationKey {
    pk_m: ml_kem::EncapsulationKey<MlKem768>,
    pk_x: [u8; 32],
}

/// An X-Wing decapsulation key (secret): the 32-byte seed and its expansion kept ready
/// (`expandDecapsulationKey`, cached as the draft's §"Keeping expanded decapsulation key
/// around" allows); wiped on drop. Only the seed is ever exported.
#[derive(Clone)]
pub struct DecapsulationKey {
    seed: [u8; DECAPSULATION_KEY_SIZE],
    sk_m: ml_kem::DecapsulationKey<MlKem768>,
    sk_x: StaticSecret,
    ek: EncapsulationKey,
}

/// An X-Wing ciphertext ct_M ‖ ct_X (public).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Ciphertext([u8; CIPHERTEXT_SIZE]);

impl EncapsulationKey {
    /// Imports an encapsulation key pk_M ‖ pk_X, running the FIPS 203 §7.2 check on pk_M.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless `bytes` is [`ENCAPSULATION_KEY_SIZE`] long;
    /// [`Error::InvalidKey`] if pk_M fails the modulus check.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::EncapsulationKey, ENCAPSULATION_KEY_SIZE, bytes.len())?;
        let (pk_m, pk_x) = bytes.split_at(PK_M_SIZE);
        Ok(Self {
            pk_m: ml_kem::EncapsulationKey::from_bytes(pk_m)?,
            // Infallible: the length check above leaves exactly 32 bytes for pk_X.
            pk_x: pk_x.try_into().expect("32 bytes"),
        })
    }

    /// The encoding pk_M ‖ pk_X.
    pub fn to_bytes(&self) -> [u8; ENCAPSULATION_KEY_SIZE] {
        let mut out = [0u8; ENCAPSULATION_KEY_SIZE];
        let (pk_m, pk_x) = out.split_at_mut(PK_M_SIZE);
        pk_m.copy_from_slice(self.pk_m.to_bytes().as_ref());
        pk_x.copy_from_slice(&self.pk_x);
        out
    }

    /// X-Wing `Encapsulate`: a fresh shared secret and its ciphertext.
    pub fn encapsulate<R: CryptoRng + ?Sized>(&self, rng: &mut R) -> (Ciphertext, SharedSecret) {
        let mut eseed = Zeroizing::new([0u8; ENCAPSULATION_SEED_SIZE]);
        rng.fill_bytes(&mut *eseed);
        encapsulate_derand(self, &eseed)
    }

    /// X-Wing `Encapsulate` with a generator that may fail, such as `getrandom::SysRng` itself.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn try_encapsulate<R: TryCryptoRng + ?Sized>(
        &self,
        rng: &mut R,
    ) -> Result<(Ciphertext, SharedSecret), Error> {
        let mut eseed = Zeroizing::new([0u8; ENCAPSULATION_SEED_SIZE]);
        crate::rng::try_fill(rng, &mut *eseed)?;
        Ok(encapsulate_derand(self, &eseed))
    }

    /// X-Wing `Encapsulate` with the operating system's generator.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if the operating system's generator fails.
    #[cfg(feature = "getrandom")]
    pub fn encapsulate_with_os_rng(&self) -> Result<(Ciphertext, SharedSecret), Error> {
        self.try_encapsulate(&mut crate::rng::os())
    }
}

/// X-Wing `EncapsulateDerand`: eseed = m ‖ ek_X.
fn encapsulate_derand(
    ek: &EncapsulationKey,
    eseed: &[u8; ENCAPSULATION_SEED_SIZE],
) -> (Ciphertext, SharedSecret) {
    // Declared first, so dropped last: after the result is in the caller's destination.
    let _wipe = StackBelow(ENCAPS_WIPE);
    encapsulate_in_frame(ek, eseed)
}

/// [`encapsulate_derand`] proper, in a frame of its own for it to wipe.
#[inline(never)]
fn encapsulate_in_frame(
    ek: &EncapsulationKey,
    eseed: &[u8; ENCAPSULATION_SEED_SIZE],
) -> (Ciphertext, SharedSecret) {
    let (m, ek_x) = eseed.split_at(32);
    // Infallible: the two halves of 64 bytes are 32 bytes each.
    let ek_x = StaticSecret::from(<[u8; 32]>::try_from(ek_x).expect("32 bytes"));
    let ct_x = PublicKey::from(&ek_x);
    let ss_x = ek_x.diffie_hellman(&PublicKey::from(ek.pk_x));
    let (ct_m, ss_m) =
        ml_kem::hazmat::encapsulate_deterministic(&ek.pk_m, m.try_into().expect("32 bytes"));
    let mut ct = Ciphertext([0; CIPHERTEXT_SIZE]);
    let (ct_m_out, ct_x_out) = ct.0.split_at_mut(CT_M_SIZE);
    ct_m_out.copy_from_slice(ct_m.as_ref());
    ct_x_out.copy_from_slice(ct_x.as_bytes());
    let mut ss = SharedSecret::zeroed();
    combiner(
        ss_m.as_bytes(),
        ss_x.as_bytes(),
        ct_x.as_bytes(),
        &ek.pk_x,
        &mut ss.0,
    );
    (ct, ss)
}

/// X-Wing `Combiner`: SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ XWingLabel), written into `ss`.
fn combiner(ss_m: &[u8; 32], ss_x: &[u8; 32], ct_x: &[u8; 32], pk_x: &[u8; 32], ss: &mut [u8; 32]) {
    sha3_256(&[ss_m, ss_x, ct_x, pk_x, LABEL], ss);
}

impl DecapsulationKey {
    /// X-Wing `GenerateKeyPair`: a new key from 32 random bytes.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut seed = Zeroizing::new([0u8; DECAPSULATION_KEY_SIZE]);
        rng.fill_bytes(&mut *seed);
        Self::from_seed(&seed)
    }

    /// X-Wing `GenerateKeyPair` with a generator that may fail, such as `getrandom::SysRng`
    /// itself.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if `rng` fails.
    pub fn try_generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        // Declared first, so dropped last: the key moved into the `Ok` leaves a copy behind
        // in the frame below.
        let _wipe = StackBelow(KEYGEN_WIPE + size_of::<Self>());
        Self::try_generate_in_frame(rng)
    }

    /// [`Self::try_generate`] proper, in a frame of its own for it to wipe.
    #[inline(never)]
    fn try_generate_in_frame<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, Error> {
        let mut seed = Zeroizing::new([0u8; DECAPSULATION_KEY_SIZE]);
        crate::rng::try_fill(rng, &mut *seed)?;
        Ok(Self::from_seed(&seed))
    }

    /// X-Wing `GenerateKeyPair` with the operating system's generator.
    ///
    /// # Errors
    /// [`Error::RandomSource`] if the operating system's generator fails.
    #[cfg(feature = "getrandom")]
    pub fn generate_from_os_rng() -> Result<Self, Error> {
        Self::try_generate(&mut crate::rng::os())
    }

    /// X-Wing `GenerateKeyPairDerand` (`expandDecapsulationKey`): the key whose seed is `sk`.
    /// The seed is the canonical private key, the form to store and to import.
    pub fn from_seed(sk: &[u8; DECAPSULATION_KEY_SIZE]) -> Self {
        // Declared first, so dropped last: after the key is in the caller's destination.
        let _wipe = StackBelow(KEYGEN_WIPE);
        Self::expand(sk)
    }

    /// [`Self::from_seed`] proper, in a frame of its own for it to wipe.
    #[inline(never)]
    fn expand(sk: &[u8; DECAPSULATION_KEY_SIZE]) -> Self {
        // expanded = SHAKE256(sk, 96 bytes) = d ‖ z ‖ sk_X
        let mut expanded = Zeroizing::new([0u8; 96]);
        Shake256::digest(&[sk], &mut *expanded);
        let (d_z, sk_x) = expanded.split_at(64);
        // Infallible: 96 bytes split at 64 are 64 and 32 bytes.
        let sk_m = ml_kem::DecapsulationKey::from_seed(d_z.try_into().expect("64 bytes"));
        let sk_x = StaticSecret::from(<[u8; 32]>::try_from(sk_x).expect("32 bytes"));
        let mut pk_x = PublicKey::from(&sk_x).to_bytes();
        // pk_X is published in the encapsulation key.
        crate::ct::declassify(&mut pk_x);
        let ek = EncapsulationKey {
            pk_m: sk_m.encapsulation_key().clone(),
            pk_x,
        };
        Self {
            seed: *sk,
            sk_m,
            sk_x,
            ek,
        }
    }

    /// The 32-byte seed `sk`: the private key to store, and what [`Self::from_seed`] takes.
    pub fn seed(&self) -> &[u8; DECAPSULATION_KEY_SIZE] {
        &self.seed
    }

    /// The matching encapsulation key.
    pub fn encapsulation_key(&self) -> &EncapsulationKey {
        &self.ek
    }

    /// X-Wing `Decapsulate`. Never fails: ML-KEM's implicit rejection turns a ciphertext not
    /// made for this key into an unrelated secret.
    pub fn decapsulate(&self, ct: &Ciphertext) -> SharedSecret {
        // Declared first, so dropped last: after the secret is in the caller's destination.
        let _wipe = StackBelow(ENCAPS_WIPE);
        self.decapsulate_in_frame(ct)
    }

    /// [`Self::decapsulate`] proper, in a frame of its own for it to wipe.
    #[inline(never)]
    fn decapsulate_in_frame(&self, ct: &Ciphertext) -> SharedSecret {
        let (ct_m, ct_x) = ct.0.split_at(CT_M_SIZE);
        // Infallible: the split leaves CT_M_SIZE and 32 bytes.
        let ct_m = ml_kem::Ciphertext::<MlKem768>::try_from(ct_m).expect("ct_M size");
        let ct_x: &[u8; 32] = ct_x.try_into().expect("32 bytes");
        let ss_m = self.sk_m.decapsulate(&ct_m);
        let ss_x = self.sk_x.diffie_hellman(&PublicKey::from(*ct_x));
        let mut ss = SharedSecret::zeroed();
        combiner(
            ss_m.as_bytes(),
            ss_x.as_bytes(),
            ct_x,
            &self.ek.pk_x,
            &mut ss.0,
        );
        ss
    }
}

impl Ciphertext {
    /// Takes a ciphertext of exactly [`CIPHERTEXT_SIZE`] bytes; any such byte string is a
    /// ciphertext.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for any other length.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        Error::check_length(Input::Ciphertext, CIPHERTEXT_SIZE, bytes.len())?;
        let mut ct = Self([0; CIPHERTEXT_SIZE]);
        ct.0.copy_from_slice(bytes);
        Ok(ct)
    }

    /// A ciphertext from bytes whose length the type already fixes.
    #[cfg(feature = "kem")]
    pub(crate) fn from_array(bytes: [u8; CIPHERTEXT_SIZE]) -> Self {
        Self(bytes)
    }

    /// The ciphertext bytes ct_M ‖ ct_X.
    pub fn as_bytes(&self) -> &[u8; CIPHERTEXT_SIZE] {
        &self.0
    }

    /// The ciphertext bytes ct_M ‖ ct_X, copied.
    pub fn to_bytes(&self) -> [u8; CIPHERTEXT_SIZE] {
        self.0
    }
}

impl AsRef<[u8]> for Ciphertext {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl TryFrom<&[u8]> for Ciphertext {
    type Error = Error;

    /// Same as [`Ciphertext::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl fmt::Debug for Ciphertext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ciphertext<X-Wing>({CIPHERTEXT_SIZE} bytes)")
    }
}

impl TryFrom<&[u8]> for EncapsulationKey {
    type Error = Error;

    /// Same as [`EncapsulationKey::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_bytes(bytes)
    }
}

impl fmt::Debug for EncapsulationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EncapsulationKey<X-Wing>(pk_X = ")?;
        for b in &self.pk_x {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

/// Constant-time in the seed, which determines everything else in the key.
impl ConstantTimeEq for DecapsulationKey {
    fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.seed.ct_eq(&other.seed)
    }
}

/// Constant-time, through [`ConstantTimeEq`].
impl PartialEq for DecapsulationKey {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}

impl Eq for DecapsulationKey {}

/// Names the type only: no secret byte is printed.
impl fmt::Debug for DecapsulationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DecapsulationKey<X-Wing>(..)")
    }
}

impl Zeroize for DecapsulationKey {
    fn zeroize(&mut self) {
        self.seed.zeroize();
        self.sk_m.zeroize();
        // StaticSecret wipes itself when dropped, here by being replaced.
        self.sk_x = StaticSecret::from([0; 32]);
    }
}

impl Drop for DecapsulationKey {
    fn drop(&mut self) {
        self.seed.zeroize();
        // `sk_m` and `sk_x` wipe themselves when dropped after this.
    }
}

impl ZeroizeOnDrop for DecapsulationKey {}

/// Deterministic encapsulation, for known-answer testing only.
pub mod hazmat {
    use super::{Ciphertext, ENCAPSULATION_SEED_SIZE, EncapsulationKey, SharedSecret};

    /// X-Wing `EncapsulateDerand`: encapsulation with the caller's 64-byte `eseed` (the ML-KEM
    /// message m, then the X25519 ephemeral scalar ek_X).
    ///
    /// For known-answer tests only: `eseed` must be fresh randomness for every encapsulation,
    /// which [`EncapsulationKey::encapsulate`] draws itself.
    pub fn encapsulate_deterministic(
        ek: &EncapsulationKey,
        eseed: &[u8; ENCAPSULATION_SEED_SIZE],
    ) -> (Ciphertext, SharedSecret) {
        super::encapsulate_derand(ek, eseed)
    }
}
