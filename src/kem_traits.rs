//! The RustCrypto [`kem`] traits (0.3) for the three ML-KEM parameter sets (feature `kem`),
//! and for X-Wing with the feature `xwing` too.
//!
//! Each parameter set type ([`MlKem512`], [`MlKem768`], [`MlKem1024`]) is a [`kem::Kem`]; its
//! [`DecapsulationKey`] generates ([`Generate`]), is made from the 64-byte seed d‖z
//! ([`KeyInit`], hence [`kem::FromSeed`]) and decapsulates ([`Decapsulate`]); its
//! [`EncapsulationKey`] imports with the FIPS 203 §7.2 check ([`TryKeyInit`]), exports
//! ([`KeyExport`]) and encapsulates ([`Encapsulate`]). The traits' ciphertexts and shared keys
//! are `hybrid_array` arrays: the shared key the traits return is a plain array, not wiped on
//! drop as [`crate::ml_kem::SharedSecret`] is.

use kem::common::array::Array;
use kem::common::array::sizes::{U32, U64, U768, U800, U1088, U1184, U1568};
use kem::{
    Decapsulate, Decapsulator, Encapsulate, Generate, InvalidKey, Key, KeyExport, KeyInit,
    KeySizeUser, TryKeyInit,
};
use rand_core::{CryptoRng, TryCryptoRng};
use zeroize::Zeroizing;

use crate::ml_kem::{
    Ciphertext, DecapsulationKey, EncapsulationKey, MlKem512, MlKem768, MlKem1024, SEED_SIZE,
};

macro_rules! kem_traits {
    ($set:ty, ek = $ek:ty, ct = $ct:ty) => {
        impl kem::Kem for $set {
            type DecapsulationKey = DecapsulationKey<$set>;
            type EncapsulationKey = EncapsulationKey<$set>;
            type SharedKeySize = U32;
            type CiphertextSize = $ct;
        }

        impl KeySizeUser for EncapsulationKey<$set> {
            type KeySize = $ek;
        }

        /// [`EncapsulationKey::from_bytes`]: the FIPS 203 §7.2 modulus check.
        impl TryKeyInit for EncapsulationKey<$set> {
            fn new(key: &Key<Self>) -> Result<Self, InvalidKey> {
                Self::from_bytes(key.as_slice()).map_err(|_| InvalidKey)
            }
        }

        impl KeyExport for EncapsulationKey<$set> {
            fn to_bytes(&self) -> Key<Self> {
                Array::from(EncapsulationKey::to_bytes(self))
            }
        }

        /// FIPS 203, Algorithm 20 (ML-KEM.Encaps).
        impl Encapsulate for EncapsulationKey<$set> {
            type Kem = $set;

            fn encapsulate_with_rng<R: CryptoRng + ?Sized>(
                &self,
                rng: &mut R,
            ) -> (kem::Ciphertext<$set>, kem::SharedKey<$set>) {
                let (ct, ss) = EncapsulationKey::encapsulate(self, rng);
                (Array::from(ct.to_bytes()), Array::from(*ss.as_bytes()))
            }
        }

        impl Decapsulator for DecapsulationKey<$set> {
            type Kem = $set;

            fn encapsulation_key(&self) -> &EncapsulationKey<$set> {
                DecapsulationKey::encapsulation_key(self)
            }
        }

        /// FIPS 203, Algorithm 21 (ML-KEM.Decaps), with implicit rejection.
        impl Decapsulate for DecapsulationKey<$set> {
            fn decapsulate(&self, ct: &kem::Ciphertext<$set>) -> kem::SharedKey<$set> {
                let ct = Ciphertext::<$set>::from_array((*ct).into());
                Array::from(*DecapsulationKey::decapsulate(self, &ct).as_bytes())
            }
        }

        /// FIPS 203, Algorithm 19 (ML-KEM.KeyGen).
        impl Generate for DecapsulationKey<$set> {
            fn try_generate_from_rng<R: TryCryptoRng + ?Sized>(
                rng: &mut R,
            ) -> Result<Self, R::Error> {
                let mut seed = Zeroizing::new([0u8; SEED_SIZE]);
                rng.try_fill_bytes(&mut *seed)?;
                Ok(Self::from_seed(&seed))
            }
        }

        impl KeySizeUser for DecapsulationKey<$set> {
            type KeySize = U64;
        }

        /// [`DecapsulationKey::from_seed`]: the canonical 64-byte seed d‖z.
        impl KeyInit for DecapsulationKey<$set> {
            fn new(seed: &Key<Self>) -> Self {
                Self::from_seed(seed.as_ref())
            }
        }
    };
}

kem_traits!(MlKem512, ek = U800, ct = U768);
kem_traits!(MlKem768, ek = U1184, ct = U1088);
kem_traits!(MlKem1024, ek = U1568, ct = U1568);

/// X-Wing through the same traits: [`XWing`](crate::hybrid::xwing::XWing) is the [`kem::Kem`],
/// its decapsulation key is made from the 32-byte seed ([`KeyInit`], hence [`kem::FromSeed`]),
/// and the shared key the traits return is a plain array, not wiped on drop as
/// [`crate::hybrid::xwing::SharedSecret`] is.
#[cfg(feature = "xwing")]
mod xwing {
    use kem::common::array::Array;
    use kem::common::array::sizes::{U32, U1120, U1216};
    use kem::{
        Decapsulate, Decapsulator, Encapsulate, Generate, InvalidKey, Key, KeyExport, KeyInit,
        KeySizeUser, TryKeyInit,
    };
    use rand_core::{CryptoRng, TryCryptoRng};
    use zeroize::Zeroizing;

    use crate::hybrid::xwing::{
        Ciphertext, DECAPSULATION_KEY_SIZE, DecapsulationKey, EncapsulationKey, XWing,
    };

    impl kem::Kem for XWing {
        type DecapsulationKey = DecapsulationKey;
        type EncapsulationKey = EncapsulationKey;
        type SharedKeySize = U32;
        type CiphertextSize = U1120;
    }

    impl KeySizeUser for EncapsulationKey {
        type KeySize = U1216;
    }

    /// [`EncapsulationKey::from_bytes`]: the FIPS 203 §7.2 modulus check on pk_M.
    impl TryKeyInit for EncapsulationKey {
        fn new(key: &Key<Self>) -> Result<Self, InvalidKey> {
            Self::from_bytes(key.as_slice()).map_err(|_| InvalidKey)
        }
    }

    impl KeyExport for EncapsulationKey {
        fn to_bytes(&self) -> Key<Self> {
            Array::from(EncapsulationKey::to_bytes(self))
        }
    }

    /// X-Wing `Encapsulate`.
    impl Encapsulate for EncapsulationKey {
        type Kem = XWing;

        fn encapsulate_with_rng<R: CryptoRng + ?Sized>(
            &self,
            rng: &mut R,
        ) -> (kem::Ciphertext<XWing>, kem::SharedKey<XWing>) {
            let (ct, ss) = EncapsulationKey::encapsulate(self, rng);
            (Array::from(ct.to_bytes()), Array::from(*ss.as_bytes()))
        }
    }

    impl Decapsulator for DecapsulationKey {
        type Kem = XWing;

        fn encapsulation_key(&self) -> &EncapsulationKey {
            DecapsulationKey::encapsulation_key(self)
        }
    }

    /// X-Wing `Decapsulate`, with ML-KEM's implicit rejection.
    impl Decapsulate for DecapsulationKey {
        fn decapsulate(&self, ct: &kem::Ciphertext<XWing>) -> kem::SharedKey<XWing> {
            let ct = Ciphertext::from_array((*ct).into());
            Array::from(*DecapsulationKey::decapsulate(self, &ct).as_bytes())
        }
    }

    /// X-Wing `GenerateKeyPair`.
    impl Generate for DecapsulationKey {
        fn try_generate_from_rng<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
            let mut seed = Zeroizing::new([0u8; DECAPSULATION_KEY_SIZE]);
            rng.try_fill_bytes(&mut *seed)?;
            Ok(Self::from_seed(&seed))
        }
    }

    impl KeySizeUser for DecapsulationKey {
        type KeySize = U32;
    }

    /// [`DecapsulationKey::from_seed`]: the canonical 32-byte seed.
    impl KeyInit for DecapsulationKey {
        fn new(seed: &Key<Self>) -> Self {
            Self::from_seed(seed.as_ref())
        }
    }
}
