//! Every operation of every parameter set stays within its published stack budget
//! (`tests/operations`, measured to the byte by `tests/operations/meter.rs`): a change that
//! needs more stack fails here. Budgets are for release builds, which is how `.ci/run` runs
//! the tests; unoptimised code needs several times the stack.
//!
//! The budgets hold on every backend the CPU has, each forced in turn (the portable loops and
//! the SIMD kernels keep different frames), and SLH-DSA's SHA2 sets' also with the SHA
//! extensions off.

mod common;
mod operations;

use std::hint::black_box;

use common::{on_every_backend, on_every_path};
use operations::meter::peak_stack;

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "stack budgets are for release builds: cargo test --release"
)]
fn every_operation_stays_within_its_published_stack_budget() {
    let ops = operations::all();
    assert!(!ops.is_empty());
    let mut over = Vec::new();
    on_every_path(|path| {
        // A path that only switches the SHA extensions off runs nothing new but SHA-2.
        let ops = ops
            .iter()
            .filter(|op| !path.sha2_only() || op.set.contains("SHA2"));
        let mut measured = 0;
        for op in ops {
            let used = peak_stack(&*op.run);
            if used > op.budget {
                over.push(format!(
                    "{path}: {} {}: {used} > {} bytes",
                    op.set, op.name, op.budget
                ));
            }
            measured += 1;
        }
        println!("{path}: {measured} operations measured");
        assert!(measured > 0);
    });
    assert!(over.is_empty(), "over budget: {over:#?}");
}

/// A frame of known size, to check the meter against.
#[inline(never)]
fn frame_of<const N: usize>() {
    let bytes = [1u8; N];
    black_box(&bytes);
}

#[test]
fn the_meter_measures_a_known_frame() {
    for (size, used) in [
        (4_000, peak_stack(&frame_of::<4_000>)),
        (20_000, peak_stack(&frame_of::<20_000>)),
        (100_000, peak_stack(&frame_of::<100_000>)),
    ] {
        // The frame itself plus a return address, saved registers and alignment.
        assert!(
            (size..size + 256).contains(&used),
            "{size}-byte frame measured as {used}"
        );
    }
}

/// A planted fault on one forced backend: a frame over its budget on the portable path only.
/// The check fails, and its message names that backend.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "stack budgets are for release builds: cargo test --release"
)]
fn a_budget_exceeded_on_one_backend_is_reported_with_its_name() {
    let result = std::panic::catch_unwind(|| {
        on_every_backend(|backend| {
            let used = if backend == pqfips::backend::Backend::Portable {
                peak_stack(&frame_of::<20_000>)
            } else {
                peak_stack(&frame_of::<4_000>)
            };
            assert!(used <= 16 * 1024, "{used} > 16 KiB");
        })
    });
    let payload = result.expect_err("the planted fault was not reported");
    let message = payload
        .downcast_ref::<String>()
        .expect("a formatted message");
    assert!(message.starts_with("on portable: "), "{message}");
    assert!(message.contains("> 16 KiB"), "{message}");
}
