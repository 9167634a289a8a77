//! Serde for the public types (feature `serde`) and the secret keys (feature
//! `serde-secret-keys`), through `serdect`: lower-case hex in human-readable formats, raw bytes
//! in binary ones, and in both directions without a branch or table lookup on the bytes.
//!
//! Each type serializes to its canonical encoding, as `to_bytes()` gives it, and deserializes
//! through the same checks as `from_bytes` (a wrong length or a failed FIPS input check is a
//! deserialization error). Secret keys serialize as their seeds (ML-KEM's d‖z, ML-DSA's ξ; for
//! SLH-DSA the FIPS 205 encoding SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root, which is canonical); a
//! key imported in expanded form has no seed and does not serialize.

use serdect::serde::de::Error as _;
use serdect::serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ByteArray, ml_dsa, ml_kem, slh_dsa};

/// Serialize and Deserialize for a public type of `$module`, through its `to_bytes` and
/// `from_bytes`; `$bytes` is the parameter set's array type of its encoding.
macro_rules! public_serde {
    ($module:ident :: $ty:ident, $bytes:ident) => {
        impl<P: $module::ParameterSet> Serialize for $module::$ty<P> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serdect::array::serialize_hex_lower_or_bin(&self.to_bytes(), serializer)
            }
        }

        impl<'de, P: $module::ParameterSet> Deserialize<'de> for $module::$ty<P> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let mut buf = P::$bytes::zeroed();
                // The hex path accepts a shorter string and says so only through the length of
                // the slice it returns: decode that slice, so from_bytes sees the real length.
                let bytes = serdect::array::deserialize_hex_or_bin(buf.as_mut(), deserializer)?;
                Self::from_bytes(bytes).map_err(D::Error::custom)
            }
        }
    };
}

public_serde!(ml_kem::EncapsulationKey, EncapsulationKeyBytes);
public_serde!(ml_kem::Ciphertext, CiphertextBytes);
public_serde!(ml_dsa::VerifyingKey, VerifyingKeyBytes);
public_serde!(ml_dsa::Signature, SignatureBytes);
public_serde!(slh_dsa::VerifyingKey, VerifyingKeyBytes);
public_serde!(slh_dsa::Signature, SignatureBytes);

#[cfg(feature = "serde-secret-keys")]
mod secret {
    use serdect::serde::de::Error as _;
    use serdect::serde::ser::Error as _;
    use serdect::serde::{Deserialize, Deserializer, Serialize, Serializer};
    use zeroize::Zeroizing;

    use crate::{ByteArray, ml_dsa, ml_kem, slh_dsa};

    /// Why a key without a seed does not serialize.
    const NO_SEED: &str = "a key imported in expanded form has no seed to serialize";

    /// The seed d‖z.
    impl<P: ml_kem::ParameterSet> Serialize for ml_kem::DecapsulationKey<P> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let seed = self.seed().ok_or_else(|| S::Error::custom(NO_SEED))?;
            serdect::array::serialize_hex_lower_or_bin(seed, serializer)
        }
    }

    /// From the seed d‖z, as `TryFrom<&[u8]>`.
    impl<'de, P: ml_kem::ParameterSet> Deserialize<'de> for ml_kem::DecapsulationKey<P> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut seed = Zeroizing::new([0u8; ml_kem::SEED_SIZE]);
            let bytes = serdect::array::deserialize_hex_or_bin(&mut *seed, deserializer)?;
            Self::try_from(bytes).map_err(D::Error::custom)
        }
    }

    /// The seed ξ.
    impl<P: ml_dsa::ParameterSet> Serialize for ml_dsa::SigningKey<P> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let seed = self.seed().ok_or_else(|| S::Error::custom(NO_SEED))?;
            serdect::array::serialize_hex_lower_or_bin(seed, serializer)
        }
    }

    /// From the seed ξ, as `TryFrom<&[u8]>`.
    impl<'de, P: ml_dsa::ParameterSet> Deserialize<'de> for ml_dsa::SigningKey<P> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut seed = Zeroizing::new([0u8; ml_dsa::SEED_SIZE]);
            let bytes = serdect::array::deserialize_hex_or_bin(&mut *seed, deserializer)?;
            Self::try_from(bytes).map_err(D::Error::custom)
        }
    }

    /// SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root.
    impl<P: slh_dsa::ParameterSet> Serialize for slh_dsa::SigningKey<P> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serdect::array::serialize_hex_lower_or_bin(&*self.to_bytes(), serializer)
        }
    }

    /// As [`slh_dsa::SigningKey::from_bytes`].
    impl<'de, P: slh_dsa::ParameterSet> Deserialize<'de> for slh_dsa::SigningKey<P> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut buf = Zeroizing::new(P::SigningKeyBytes::zeroed());
            let bytes = serdect::array::deserialize_hex_or_bin(buf.as_mut(), deserializer)?;
            Self::from_bytes(bytes).map_err(D::Error::custom)
        }
    }
}
