//! Every operation of every parameter set with its published stack budget: the one list that
//! `tests/stack.rs` checks and `examples/stack.rs` prints for the README's table, both through
//! [`meter::peak_stack`].
//!
//! Inputs are made when the list is built and owned by each operation's closure (on the heap),
//! so that the stack an operation is charged with is its own frames plus its return value, as
//! for a caller that keeps its keys elsewhere.
//!
//! Adding an algorithm: a function like [`ml_kem`] per algorithm, called for each set from
//! [`all`]. Budgets from issue 5: ML-DSA-65 signing 64 KiB; SLH-DSA signing 16 KiB beyond the
//! signature buffer, so `16 * KIB + SIGNATURE_SIZE` when the signature is returned by value.

pub mod meter;

use std::hint::black_box;

use pqfips::ml_kem::{self, DecapsulationKey, EncapsulationKey, MlKem512, MlKem768, MlKem1024};

pub const KIB: usize = 1024;

/// One operation of one parameter set.
pub struct Operation {
    /// The parameter set, e.g. `"ML-KEM-768"`.
    pub set: &'static str,
    /// What runs, e.g. `"decaps"`.
    pub name: &'static str,
    /// The published most stack it may use, in bytes.
    pub budget: usize,
    /// Runs the operation once on its prepared inputs.
    pub run: Box<dyn Fn() + Send + Sync>,
}

/// Every operation, every parameter set.
pub fn all() -> Vec<Operation> {
    let mut ops = Vec::new();
    // ML-KEM-768 must stay below 16 KiB in every operation (issue 5); the other sets get the
    // budget that their sizes scale to.
    ops.extend(ml_kem::<MlKem512>(16 * KIB));
    ops.extend(ml_kem::<MlKem768>(16 * KIB));
    ops.extend(ml_kem::<MlKem1024>(20 * KIB));
    ops
}

/// Key generation, the two key imports, encapsulation and decapsulation of one ML-KEM set.
/// (`P::PolyVec: Send + Sync` holds for every set; the trait does not state it, so it is asked
/// for here.)
fn ml_kem<P: ml_kem::ParameterSet>(budget: usize) -> Vec<Operation>
where
    P::PolyVec: Send + Sync,
{
    let seed = [0x42u8; 64];
    let m = [0x24u8; 32];
    let dk = DecapsulationKey::<P>::from_seed(&seed);
    let ek = dk.encapsulation_key().clone();
    let ek_bytes = ek.to_bytes();
    let dk_bytes = dk.to_expanded_bytes();
    let (ct, _) = ml_kem::hazmat::encapsulate_deterministic(&ek, &m);
    let op = |name, run: Box<dyn Fn() + Send + Sync>| Operation {
        set: P::NAME,
        name,
        budget,
        run,
    };
    vec![
        op(
            "keygen",
            Box::new(move || {
                black_box(DecapsulationKey::<P>::from_seed(black_box(&seed)));
            }),
        ),
        op(
            "ek import",
            Box::new(move || {
                black_box(EncapsulationKey::<P>::from_bytes(black_box(ek_bytes.as_ref())).ok());
            }),
        ),
        op(
            "dk import",
            Box::new(move || {
                let bytes = black_box(dk_bytes.as_ref());
                black_box(DecapsulationKey::<P>::from_expanded_bytes(bytes).ok());
            }),
        ),
        op(
            "encaps",
            Box::new(move || {
                black_box(ml_kem::hazmat::encapsulate_deterministic(
                    black_box(&ek),
                    black_box(&m),
                ));
            }),
        ),
        op(
            "decaps",
            Box::new(move || {
                black_box(black_box(&dk).decapsulate(black_box(&ct)));
            }),
        ),
    ]
}
