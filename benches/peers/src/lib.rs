//! The race and report code of the peer comparison, apart from the races themselves (in the
//! binary, one module per algorithm) so that its tests build without the peers' code.

pub mod race;
pub mod table;
