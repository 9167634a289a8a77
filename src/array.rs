//! Fixed-size byte arrays named by the parameter sets.

use core::array::TryFromSliceError;
use core::fmt::Debug;
use zeroize::Zeroize;

/// A `[u8; N]`: what a parameter set uses for each of its encodings. Code generic over a
/// parameter set builds one from a slice with `TryFrom<&[u8]>`.
pub trait ByteArray:
    AsRef<[u8]>
    + AsMut<[u8]>
    + for<'a> TryFrom<&'a [u8], Error = TryFromSliceError>
    + Copy
    + Eq
    + Debug
    + Zeroize
    + Send
    + Sync
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
