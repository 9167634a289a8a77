//! Fixed-size byte arrays named by the parameter sets.

use core::fmt::Debug;
use zeroize::Zeroize;

/// A `[u8; N]`: what a parameter set uses for each of its encodings.
pub trait ByteArray:
    AsRef<[u8]> + AsMut<[u8]> + Copy + Eq + Debug + Zeroize + Send + Sync + 'static
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
