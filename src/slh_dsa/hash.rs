//! The six functions of FIPS 205 §4.1 (PRF_msg, H_msg, PRF, T_ℓ, H, F), instantiated with
//! SHAKE256 (§11.1, [`Shake`]) or SHA-2 (§11.2, [`Sha2`]).
//!
//! A [`HashSuite`] value is made once per key from PK.seed, which starts every input of PRF,
//! T_ℓ, H and F: the SHA2 suite keeps the SHA-256 (and SHA-512) state after the padded PK.seed
//! block, the SHAKE suite keeps PK.seed as Keccak lanes. Each call of F, H or PRF is then one
//! compression or one permutation. The value also holds the working buffers those calls use,
//! so that the secrets passing through them (SK.seed, WOTS+ and FORS secret values) are wiped
//! when it is dropped rather than left in stack slots.

mod sha2;
mod shake;

pub use self::sha2::Sha2;
pub use self::shake::Shake;

use zeroize::Zeroize;

use super::address::Adrs;

/// An n-byte value (a seed, a hash-chain value, a tree node) in the first n bytes of 32.
pub(crate) type Node = [u8; 32];

/// One instantiation of the FIPS 205 hash functions for a given n. Inputs of n bytes are
/// `&[u8]` of length n (often straight out of a signature); outputs fill the first n bytes of
/// a [`Node`].
pub trait HashSuite: Clone + Zeroize + Send + Sync + 'static {
    /// Security parameter n.
    const N: usize;

    /// Precomputes what depends only on PK.seed.
    fn new(pk_seed: &[u8]) -> Self;

    /// PRF(PK.seed, SK.seed, ADRS).
    fn prf(&mut self, adrs: &Adrs, sk_seed: &[u8]) -> Node;

    /// F(PK.seed, ADRS, M₁).
    fn f(&mut self, adrs: &Adrs, m: &[u8]) -> Node;

    /// H(PK.seed, ADRS, left ‖ right).
    fn h(&mut self, adrs: &Adrs, left: &[u8], right: &[u8]) -> Node;

    /// Starts T_ℓ(PK.seed, ADRS, M_ℓ), whose ℓ·n-byte message [`HashSuite::t_absorb`] then
    /// takes in pieces. F, H and PRF may be called between the pieces.
    fn t_start(&mut self, adrs: &Adrs);

    /// Absorbs the next n bytes of T_ℓ's message.
    fn t_absorb(&mut self, m: &[u8]);

    /// Finishes T_ℓ.
    fn t_finish(&mut self) -> Node;

    /// PRF_msg(SK.prf, opt_rand, M), with M the concatenation of `msg`.
    fn prf_msg(sk_prf: &[u8], opt_rand: &[u8], msg: &[&[u8]]) -> Node;

    /// H_msg(R, PK.seed, PK.root, M), with M the concatenation of `msg`, into `out` (m bytes).
    fn h_msg(r: &[u8], pk_seed: &[u8], pk_root: &[u8], msg: &[&[u8]], out: &mut [u8]);
}
