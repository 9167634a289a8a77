//! Wiping the dead stack below a frame, for the key imports, which cannot help leaving a copy
//! of the key in a frame of their own.
//!
//! Rust moves a value by copying its bytes and leaves the source as it was; a moved-from value
//! is not dropped, so a key moved on its way out of a function stays behind, unwiped, in that
//! function's dead frame. Most operations avoid this by building their results where they are
//! kept, or by returning a copy (`copied()`) of a local that is then dropped and wiped: the
//! result of a call goes straight into the caller's destination. An import returns
//! `Result<Key, Error>`, and the key has to be moved into the `Ok`; where the compiler puts the
//! temporaries of that is its choice (the residue test, `tests/residue/`, found a copy of the
//! key left behind in every variant that relied on it). So the public import tail-calls the
//! import proper, whose result goes straight into the caller's destination, and holds a
//! [`StackBelow`] guard that, dropped after that, overwrites the import's dead frames with
//! zeros.

/// Bytes zeroed by each frame of [`stack`]: small, so that the region zeroed is never much
/// larger than asked for (the stack may be small on embedded targets), large beside the
/// frame's own return address and saved registers (the stack it takes for nothing).
const CHUNK: usize = 1024;

/// Overwrites at least `bytes` bytes of the stack below the caller's frame, `CHUNK` bytes of
/// zeros per frame; the rest of each frame, its return address and saved registers, is
/// overwritten too, with values that are no secret.
#[inline(never)]
fn stack(bytes: usize) {
    let mut chunk = [0u8; CHUNK];
    if bytes > CHUNK {
        stack(bytes - CHUNK);
    }
    // `black_box` may read the chunk, so the zeros are really written; after the recursive
    // call, so that the call is no tail call the compiler could turn into a loop in one frame.
    core::hint::black_box(&mut chunk);
}

/// When dropped, zeroes the given number of bytes of stack below the frame that owns it.
///
/// Declared as the first local of a function, it is dropped last: after the function's tail
/// expression (a call writing its result straight into the caller's destination) and after
/// the function's other locals, so the region it zeroes holds the dead frames of every call
/// the function made.
pub(crate) struct StackBelow(pub(crate) usize);

impl Drop for StackBelow {
    // Inlined, so that the zeroing starts right below the owner's frame.
    #[inline(always)]
    fn drop(&mut self) {
        stack(self.0);
    }
}

/// Zeroes `BYTES` of stack right below the caller's frame, where a SIMD kernel it just called
/// had its own: a kernel that holds a whole polynomial or four Keccak states in registers
/// spills some of them to its frame, and those lanes (NTT(t₀), a sponge keyed with a secret)
/// would stay there, unwiped, once it returns. Called from the entry call right after the
/// kernel, so that its frame starts where the kernel's did; `BYTES` covers the kernel's frame
/// and those of its calls (measured from the compiled code, with a margin; the residue test,
/// `tests/residue/`, checks the result).
#[cfg(target_arch = "x86_64")]
#[inline(never)]
pub(crate) fn spills<const BYTES: usize>() {
    let mut zeros = [0u8; BYTES];
    core::hint::black_box(&mut zeros);
}
