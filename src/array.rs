//! Fixed-size byte arrays named by the parameter sets.

use core::array::TryFromSliceError;
use core::fmt::Debug;
use core::hash::Hash;
use zeroize::Zeroize;

/// A `[u8; N]`, and nothing else: the type of each encoding a parameter set fixes the size of
/// (`ParameterSet::CiphertextBytes`, `SignatureBytes`, …), so that `to_bytes()` can return a
/// plain array generically. Code generic over a parameter set builds one from a slice with
/// `TryFrom<&[u8]>`, or starts from [`ByteArray::zeroed`]. Sealed: implemented for `[u8; N]`
/// only.
pub trait ByteArray:
    AsRef<[u8]>
    + AsMut<[u8]>
    + for<'a> TryFrom<&'a [u8], Error = TryFromSliceError>
    + Copy
    + Eq
    + Hash
    + Debug
    + Zeroize
    + Send
    + Sync
    + sealed::Sealed
    + 'static
{
    /// N.
    const LEN: usize;
    /// All zero bytes.
    fn zeroed() -> Self;
}

impl<const N: usize> ByteArray for [u8; N] {
    const LEN: usize = N;

    fn zeroed() -> Self {
        [0; N]
    }
}

mod sealed {
    /// Keeps [`ByteArray`](super::ByteArray) to byte arrays.
    pub trait Sealed {}

    impl<const N: usize> Sealed for [u8; N] {}
}
