//! Measures the peak stack of a closure by painting (used by `tests/stack.rs` and
//! `examples/stack.rs`).
//!
//! In a thread with a large stack, the region below the current frame is filled with a
//! pattern, the closure runs, and the lowest byte that no longer holds the pattern marks the
//! deepest it reached. The count is from the calling frame down: the closure's frames and its
//! return value, not data it owns on the heap.
//!
//! Why not simply run the closure in a thread whose stack is the budget: the C library raises
//! small thread stacks to its minimum and rounds them up, and keeps its thread descriptor in
//! them, so such a thread asked for 16 KiB ran a 19 000-byte frame here without overflowing.
//! Painting measures to the byte. It reads and writes this thread's unused stack, which needs
//! `unsafe`: here, in test tooling, never in the library (`#![forbid(unsafe_code)]`).

use std::hint::black_box;
use std::ptr;
use std::thread;

const PATTERN: u8 = 0xa5;
/// Painted below the measuring frame; more than any operation may use.
const DEPTH: usize = 256 * 1024;
/// Left unpainted right below the measuring frame, where `paint` itself runs.
const GAP: usize = 1024;
/// The measuring thread's stack: far more than `DEPTH`, so the painted region is mapped.
const THREAD_STACK: usize = 4 * 1024 * 1024;

/// The address of a local of a frame one call below the caller: the caller's stack pointer,
/// give or take a few bytes.
#[inline(never)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    ptr::from_ref(black_box(&marker)).addr()
}

#[inline(never)]
fn paint(low: usize, high: usize) {
    for addr in low..high {
        // SAFETY: [low, high) lies between DEPTH and GAP bytes below the measuring frame, inside
        // this thread's THREAD_STACK-byte stack: mapped memory that no live frame uses.
        unsafe { ptr::with_exposed_provenance_mut::<u8>(addr).write_volatile(PATTERN) };
    }
}

#[inline(never)]
fn lowest_touched(low: usize, high: usize) -> usize {
    (low..high)
        // SAFETY: as in `paint`; the closure has returned, so the region is unused again.
        .find(
            |&addr| unsafe { ptr::with_exposed_provenance::<u8>(addr).read_volatile() } != PATTERN,
        )
        .unwrap_or(high)
}

#[inline(never)]
fn call(run: &(dyn Fn() + Sync)) {
    run();
}

/// Bytes of stack `run` uses below the frame that calls it.
pub fn peak_stack(run: &(dyn Fn() + Sync)) -> usize {
    thread::scope(|scope| {
        thread::Builder::new()
            .stack_size(THREAD_STACK)
            .spawn_scoped(scope, || {
                let top = stack_pointer();
                let low = top - DEPTH;
                paint(low, top - GAP);
                call(run);
                let touched = lowest_touched(low, top - GAP);
                assert!(touched > low, "used more than the {DEPTH} bytes painted");
                top - touched
            })
            .expect("thread starts")
            .join()
            .expect("the measured code returns")
    })
}
