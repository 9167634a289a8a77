//! The portable multi-way permutation: the scalar one, state by state.

use super::States;
use crate::hash::keccak_f1600;
use zeroize::Zeroize;

/// Keccak-f[1600] on each of the L interleaved states, one at a time.
pub(super) fn f1600_xl<const L: usize>(state: &mut States<L>) {
    let mut one = [0u64; 25];
    for j in 0..L {
        for (lane, row) in one.iter_mut().zip(state.iter()) {
            *lane = row[j];
        }
        keccak_f1600(&mut one);
        for (lane, row) in one.iter().zip(state.iter_mut()) {
            row[j] = *lane;
        }
    }
    // The copy held a state, which may derive from secret input.
    one.zeroize();
}
