//! Where a value computed from secrets becomes public, marked for the constant-time check.
//!
//! The check (`ct/` in the repository) runs the algorithms under valgrind's memcheck with every
//! secret input marked undefined, so that any branch or memory index depending on it is
//! reported. Some values derived from secrets are public by design (ML-KEM's ρ is published in
//! the encapsulation key; ML-DSA's rejection decision and SLH-DSA's indices are public by the
//! standards' security arguments): the algorithm passes them to [`declassify`] at exactly the
//! point they become public, with a comment saying why, and the check then treats them as
//! public.
//!
//! Without the internal `ct-check` feature [`declassify`] compiles to nothing. With it, it
//! issues valgrind's `MAKE_MEM_DEFINED` client request through the `crabgrind` crate, which is
//! a few instructions and no effect when the program is not running under valgrind.

/// Marks `value` as public from here on (a no-op unless the `ct-check` feature is on).
///
/// Takes `&mut` so that the compiler reloads the value from memory after the call rather than
/// reuse a register copy that valgrind would still track as secret.
#[cfg(feature = "ct-check")]
pub(crate) fn declassify<T: ?Sized>(value: &mut T) {
    // Not running under valgrind is the normal case and not an error.
    let _ = crabgrind::memcheck::mark_memory(
        core::ptr::from_mut(value).cast::<core::ffi::c_void>(),
        core::mem::size_of_val(value),
        crabgrind::memcheck::MemState::Defined,
    );
}

/// Marks `value` as public from here on (a no-op unless the `ct-check` feature is on).
#[cfg(not(feature = "ct-check"))]
#[inline(always)]
pub(crate) fn declassify<T: ?Sized>(_value: &mut T) {}
