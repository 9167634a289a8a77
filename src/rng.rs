//! Drawing randomness from a fallible generator.

use rand_core::TryCryptoRng;

use crate::Error;

/// Fills `out` from `rng`; a generator failure is [`Error::RandomSource`] (its own error value
/// says nothing the caller can act on, and keeping it would make every signing error generic).
pub(crate) fn try_fill<R: TryCryptoRng + ?Sized>(rng: &mut R, out: &mut [u8]) -> Result<(), Error> {
    rng.try_fill_bytes(out).map_err(|_| Error::RandomSource)
}

/// The operating system's generator, through `getrandom`.
#[cfg(feature = "getrandom")]
pub(crate) fn os() -> getrandom::SysRng {
    getrandom::SysRng
}
