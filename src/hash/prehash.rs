//! Pre-hashing and the domain-separated message M′ shared by FIPS 204 and FIPS 205.
//!
//! Both standards sign M′ = 0 ‖ |ctx| ‖ ctx ‖ M (pure: FIPS 204 Algorithm 2, FIPS 205
//! Algorithm 22) or M′ = 1 ‖ |ctx| ‖ ctx ‖ OID ‖ PH(M) (pre-hash: FIPS 204 Algorithm 4, FIPS 205
//! Algorithm 23), with the same twelve approved hash functions.

use sha2::Digest as _;
use shake::{ExtendableOutput, Update, XofReader};

use const_oid::ObjectIdentifier;
use const_oid::db::{fips202, rfc5912};

use crate::Error;

/// SHA-512/224 and SHA-512/256, which `const-oid`'s database lacks (NIST CSOR hashAlgs 5, 6).
const ID_SHA_512_224: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.5");
const ID_SHA_512_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.6");

/// Bytes of the DER of a pre-hash OID: tag, length and 9 bytes of arcs.
const OID_DER_SIZE: usize = 11;

// `OIDS_FIT`: encodes every pre-hash OID at compile time, a build error if one did not fit.
const _: () = {
    let mut i = 0;
    while i < PreHash::ALL.len() {
        PreHash::ALL[i].oid();
        i += 1;
    }
};

/// The pre-hash functions of HashML-DSA and HashSLH-DSA (FIPS 204 §5.4, FIPS 205 §10.2),
/// with the output lengths the standards fix for the two XOFs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PreHash {
    /// SHA-224, 28-byte digest.
    Sha2_224,
    /// SHA-256, 32-byte digest.
    Sha2_256,
    /// SHA-384, 48-byte digest.
    Sha2_384,
    /// SHA-512, 64-byte digest.
    Sha2_512,
    /// SHA-512/224, 28-byte digest.
    Sha2_512_224,
    /// SHA-512/256, 32-byte digest.
    Sha2_512_256,
    /// SHA3-224, 28-byte digest.
    Sha3_224,
    /// SHA3-256, 32-byte digest.
    Sha3_256,
    /// SHA3-384, 48-byte digest.
    Sha3_384,
    /// SHA3-512, 64-byte digest.
    Sha3_512,
    /// SHAKE128 with 256 bits (32 bytes) of output.
    Shake128,
    /// SHAKE256 with 512 bits (64 bytes) of output.
    Shake256,
}

/// The largest digest of any [`PreHash`].
pub(crate) const MAX_DIGEST_SIZE: usize = 64;

/// The longest context string the standards allow.
pub(crate) const MAX_CONTEXT_SIZE: usize = 255;

impl PreHash {
    /// All twelve, in the order of the NIST hash-algorithm OIDs' last arc where one exists.
    pub const ALL: [PreHash; 12] = [
        PreHash::Sha2_256,
        PreHash::Sha2_384,
        PreHash::Sha2_512,
        PreHash::Sha2_224,
        PreHash::Sha2_512_224,
        PreHash::Sha2_512_256,
        PreHash::Sha3_224,
        PreHash::Sha3_256,
        PreHash::Sha3_384,
        PreHash::Sha3_512,
        PreHash::Shake128,
        PreHash::Shake256,
    ];

    /// The name NIST's ACVP uses, e.g. `"SHA2-512/256"`, `"SHA3-256"`, `"SHAKE-128"`.
    pub const fn name(self) -> &'static str {
        match self {
            PreHash::Sha2_224 => "SHA2-224",
            PreHash::Sha2_256 => "SHA2-256",
            PreHash::Sha2_384 => "SHA2-384",
            PreHash::Sha2_512 => "SHA2-512",
            PreHash::Sha2_512_224 => "SHA2-512/224",
            PreHash::Sha2_512_256 => "SHA2-512/256",
            PreHash::Sha3_224 => "SHA3-224",
            PreHash::Sha3_256 => "SHA3-256",
            PreHash::Sha3_384 => "SHA3-384",
            PreHash::Sha3_512 => "SHA3-512",
            PreHash::Shake128 => "SHAKE-128",
            PreHash::Shake256 => "SHAKE-256",
        }
    }

    /// Bytes of the digest PH(M).
    pub const fn digest_size(self) -> usize {
        match self {
            PreHash::Sha2_224 | PreHash::Sha2_512_224 | PreHash::Sha3_224 => 28,
            PreHash::Sha2_256 | PreHash::Sha2_512_256 | PreHash::Sha3_256 | PreHash::Shake128 => 32,
            PreHash::Sha2_384 | PreHash::Sha3_384 => 48,
            PreHash::Sha2_512 | PreHash::Sha3_512 | PreHash::Shake256 => 64,
        }
    }

    /// The function's OID, 2.16.840.1.101.3.4.2.x (NIST's hashAlgs arc).
    pub(crate) const fn object_identifier(self) -> ObjectIdentifier {
        match self {
            PreHash::Sha2_224 => rfc5912::ID_SHA_224,
            PreHash::Sha2_256 => rfc5912::ID_SHA_256,
            PreHash::Sha2_384 => rfc5912::ID_SHA_384,
            PreHash::Sha2_512 => rfc5912::ID_SHA_512,
            PreHash::Sha2_512_224 => ID_SHA_512_224,
            PreHash::Sha2_512_256 => ID_SHA_512_256,
            PreHash::Sha3_224 => fips202::ID_SHA_3_224,
            PreHash::Sha3_256 => fips202::ID_SHA_3_256,
            PreHash::Sha3_384 => fips202::ID_SHA_3_384,
            PreHash::Sha3_512 => fips202::ID_SHA_3_512,
            PreHash::Shake128 => fips202::ID_SHAKE_128,
            PreHash::Shake256 => fips202::ID_SHAKE_256,
        }
    }

    /// The DER encoding of the function's OID (tag, length, arcs), as it goes into M′.
    pub const fn oid(self) -> [u8; OID_DER_SIZE] {
        let arcs = self.object_identifier();
        let arcs = arcs.as_bytes();
        // Every OID under hashAlgs takes 9 bytes of arcs: `OIDS_FIT` above evaluates this for
        // each function at compile time, so neither the indexing nor the assertion can fail at
        // run time.
        let mut der = [0; OID_DER_SIZE];
        der[0] = 0x06;
        der[1] = arcs.len() as u8;
        let mut i = 0;
        while i < arcs.len() {
            der[2 + i] = arcs[i];
            i += 1;
        }
        assert!(2 + arcs.len() == OID_DER_SIZE);
        der
    }

    /// PH(M).
    pub(crate) fn hash(self, msg: &[u8]) -> PreHashDigest {
        let mut d = PreHashDigest {
            bytes: [0; MAX_DIGEST_SIZE],
            len: self.digest_size(),
        };
        let out = &mut d.bytes[..d.len];
        match self {
            PreHash::Sha2_224 => out.copy_from_slice(&sha2::Sha224::digest(msg)),
            PreHash::Sha2_256 => out.copy_from_slice(&sha2::Sha256::digest(msg)),
            PreHash::Sha2_384 => out.copy_from_slice(&sha2::Sha384::digest(msg)),
            PreHash::Sha2_512 => out.copy_from_slice(&sha2::Sha512::digest(msg)),
            PreHash::Sha2_512_224 => out.copy_from_slice(&sha2::Sha512_224::digest(msg)),
            PreHash::Sha2_512_256 => out.copy_from_slice(&sha2::Sha512_256::digest(msg)),
            PreHash::Sha3_224 => out.copy_from_slice(&sha3::Sha3_224::digest(msg)),
            PreHash::Sha3_256 => out.copy_from_slice(&sha3::Sha3_256::digest(msg)),
            PreHash::Sha3_384 => out.copy_from_slice(&sha3::Sha3_384::digest(msg)),
            PreHash::Sha3_512 => out.copy_from_slice(&sha3::Sha3_512::digest(msg)),
            PreHash::Shake128 => {
                let mut h = shake::Shake128::default();
                h.update(msg);
                h.finalize_xof().read(out);
            }
            PreHash::Shake256 => {
                let mut h = shake::Shake256::default();
                h.update(msg);
                h.finalize_xof().read(out);
            }
        }
        d
    }

    /// A digest the caller computed, checked for this function's length.
    pub(crate) fn digest_from(self, digest: &[u8]) -> Result<PreHashDigest, Error> {
        Error::check_length(
            crate::error::Input::Digest,
            self.digest_size(),
            digest.len(),
        )?;
        let mut d = PreHashDigest {
            bytes: [0; MAX_DIGEST_SIZE],
            len: digest.len(),
        };
        d.bytes[..d.len].copy_from_slice(digest);
        Ok(d)
    }
}

/// PH(M), up to 64 bytes.
pub(crate) struct PreHashDigest {
    bytes: [u8; MAX_DIGEST_SIZE],
    len: usize,
}

impl PreHashDigest {
    /// The digest bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The bytes M′ puts in front of the message (pure) or of PH(M) (pre-hash).
pub(crate) struct MessagePrefix {
    bytes: [u8; 2 + MAX_CONTEXT_SIZE + 11],
    len: usize,
}

impl MessagePrefix {
    /// 0 ‖ |ctx| ‖ ctx, for pure signing.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub(crate) fn pure(ctx: &[u8]) -> Result<Self, Error> {
        Self::new(0, ctx, &[])
    }

    /// 1 ‖ |ctx| ‖ ctx ‖ OID(PH), for pre-hash signing.
    ///
    /// # Errors
    /// [`Error::ContextTooLong`] if `ctx` is longer than 255 bytes.
    pub(crate) fn prehash(ph: PreHash, ctx: &[u8]) -> Result<Self, Error> {
        Self::new(1, ctx, &ph.oid())
    }

    fn new(domain: u8, ctx: &[u8], oid: &[u8]) -> Result<Self, Error> {
        let ctx_len = u8::try_from(ctx.len()).map_err(|_| Error::ContextTooLong)?;
        let mut bytes = [0; 2 + MAX_CONTEXT_SIZE + 11];
        bytes[0] = domain;
        bytes[1] = ctx_len;
        bytes[2..2 + ctx.len()].copy_from_slice(ctx);
        bytes[2 + ctx.len()..2 + ctx.len() + oid.len()].copy_from_slice(oid);
        Ok(Self {
            bytes,
            len: 2 + ctx.len() + oid.len(),
        })
    }

    /// The prefix bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_of_abc_match_the_published_values() {
        // First 4 bytes of each function's digest of "abc" (FIPS 180-4 / FIPS 202 examples).
        let expect: [(PreHash, [u8; 4]); 12] = [
            (PreHash::Sha2_224, [0x23, 0x09, 0x7d, 0x22]),
            (PreHash::Sha2_256, [0xba, 0x78, 0x16, 0xbf]),
            (PreHash::Sha2_384, [0xcb, 0x00, 0x75, 0x3f]),
            (PreHash::Sha2_512, [0xdd, 0xaf, 0x35, 0xa1]),
            (PreHash::Sha2_512_224, [0x46, 0x34, 0x27, 0x0f]),
            (PreHash::Sha2_512_256, [0x53, 0x04, 0x8e, 0x26]),
            (PreHash::Sha3_224, [0xe6, 0x42, 0x82, 0x4c]),
            (PreHash::Sha3_256, [0x3a, 0x98, 0x5d, 0xa7]),
            (PreHash::Sha3_384, [0xec, 0x01, 0x49, 0x82]),
            (PreHash::Sha3_512, [0xb7, 0x51, 0x85, 0x0b]),
            (PreHash::Shake128, [0x58, 0x81, 0x09, 0x2d]),
            (PreHash::Shake256, [0x48, 0x33, 0x66, 0x60]),
        ];
        for (ph, prefix) in expect {
            let d = ph.hash(b"abc");
            assert_eq!(d.as_bytes().len(), ph.digest_size(), "{}", ph.name());
            assert_eq!(d.as_bytes()[..4], prefix, "{}", ph.name());
        }
    }

    #[test]
    fn oids_are_distinct_der_and_all_listed() {
        for (i, a) in PreHash::ALL.iter().enumerate() {
            assert_eq!(
                a.oid()[..10],
                [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02]
            );
            assert_eq!(usize::from(a.oid()[10]), i + 1, "{}", a.name());
        }
    }

    #[test]
    fn prefix_encodes_context_length_not_oid_length() {
        let p = MessagePrefix::prehash(PreHash::Sha2_256, b"ctx").unwrap();
        assert_eq!(p.as_bytes()[..5], [1, 3, b'c', b't', b'x']);
        assert_eq!(p.as_bytes()[5..], PreHash::Sha2_256.oid());
        let p = MessagePrefix::pure(&[7; 255]).unwrap();
        assert_eq!(p.as_bytes().len(), 257);
        assert_eq!(p.as_bytes()[..2], [0, 255]);
        assert!(matches!(
            MessagePrefix::pure(&[0; 256]),
            Err(Error::ContextTooLong)
        ));
        assert!(matches!(
            PreHash::Sha2_256.digest_from(&[0; 31]),
            Err(Error::InvalidLength {
                input: crate::error::Input::Digest,
                expected: 32,
                actual: 31
            })
        ));
    }
}
