//! Which instruction set the hot loops use, detected once at run time, and the crate's only
//! `unsafe`: the calls into `#[target_feature]` kernels.
//!
//! The kernels themselves (in `hash/` and `lattice/backend/`) are safe functions compiled with
//! `#[target_feature(enable = "…")]`; calling one from code compiled without that feature is
//! `unsafe`, because running it on a CPU that lacks the feature is undefined behaviour. This
//! module is where those calls happen, and each needs a proof that the check was made: an
//! [`Avx2`] or [`Avx512`] token, which only [`level`] creates, and only after CPUID (through
//! `cpufeatures`, which works without `std`) reported the feature. A function that holds a token
//! may therefore call the kernels of that level; every entry call here takes the token as its
//! first argument and says so in its `// SAFETY:` comment.
//!
//! A build with the features enabled at compile time (`-C target-feature=+avx2`, or
//! `-C target-cpu=native` on such a CPU) skips the CPUID check: `cpufeatures` answers from the
//! compile-time configuration.
//!
//! On targets other than x86-64 (Cortex-M, wasm32, …) the level is always [`Level::Portable`].
//!
//! The SHA extensions (SHA-NI) are not a level: CPUs have them with or without AVX2 and AVX-512.
//! [`sha`] detects them apart and gives a [`Sha`] token; the SHA-2 kernels choose between them
//! and the level's vector kernels by batch size.

pub(crate) mod sha2;

#[cfg(target_arch = "x86_64")]
pub(crate) mod keccak;
#[cfg(target_arch = "x86_64")]
pub(crate) mod lattice;

/// Proof that the CPU has AVX2: only [`level`] makes one, after detecting it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Avx2(());

/// Proof that the CPU has AVX-512 F, VL, BW and DQ (and AVX2): only [`level`] makes one, after
/// detecting them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Avx512(());

impl Avx512 {
    /// Every CPU with these AVX-512 subsets has AVX2 too, and [`level`] checked it as well.
    #[allow(dead_code)]
    pub(crate) fn avx2(self) -> Avx2 {
        Avx2(())
    }
}

/// Proof that the CPU has the SHA extensions, with the SSSE3 and SSE4.1 their kernels shuffle
/// with: only [`sha`] makes one, after detecting them.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sha(());

/// The kernels in use: the best the CPU has, unless a test or benchmark lowered it (the
/// internal `force`).
#[derive(Clone, Copy, Debug)]
#[allow(dead_code)]
pub(crate) enum Level {
    /// Plain Rust, on every target.
    Portable,
    /// 256-bit AVX2 kernels.
    Avx2(Avx2),
    /// AVX-512 kernels (and AVX2 ones where they are faster).
    Avx512(Avx512),
}

/// The instruction sets the kernels are written for; [`active`] says which one runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// Plain Rust, on every target.
    Portable,
    /// AVX2 (x86-64).
    Avx2,
    /// AVX-512 F, VL, BW and DQ (x86-64).
    Avx512,
}

impl Backend {
    /// A short lower-case name: `portable`, `avx2`, `avx512`.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Portable => "portable",
            Backend::Avx2 => "avx2",
            Backend::Avx512 => "avx512",
        }
    }
}

impl core::fmt::Display for Backend {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(target_arch = "x86_64")]
cpufeatures::new!(cpuid_avx2, "avx2");
#[cfg(target_arch = "x86_64")]
cpufeatures::new!(
    cpuid_avx512,
    "avx2",
    "avx512f",
    "avx512vl",
    "avx512bw",
    "avx512dq"
);

#[cfg(target_arch = "x86_64")]
cpufeatures::new!(cpuid_sha, "sha", "sse2", "ssse3", "sse4.1");

/// Whether this CPU has the SHA extensions (detected once, like the level).
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
fn sha_detected() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        cpuid_sha::get()
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The SHA extensions, if the CPU has them and no test switched them off: forcing the portable
/// backend does, and so does the internal `force_sha_ni(false)`.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn sha() -> Option<Sha> {
    (sha_detected() && sha_allowed() && active() > Backend::Portable).then_some(Sha(()))
}

/// The best level and the SHA extensions of this CPU, whatever a test forced: for the tests
/// that run every kernel against its portable twin.
#[cfg(all(test, target_arch = "x86_64"))]
pub(crate) fn best() -> (Level, Option<Sha>) {
    let level = match detected() {
        Backend::Portable => Level::Portable,
        Backend::Avx2 => Level::Avx2(Avx2(())),
        Backend::Avx512 => Level::Avx512(Avx512(())),
    };
    (level, sha_detected().then_some(Sha(())))
}

/// The best level this CPU supports (detected once; later calls read a cached atomic).
fn detected() -> Backend {
    #[cfg(target_arch = "x86_64")]
    {
        if cpuid_avx512::get() {
            return Backend::Avx512;
        }
        if cpuid_avx2::get() {
            return Backend::Avx2;
        }
    }
    Backend::Portable
}

/// The kernels to use now: [`detected`], lowered by [`force`] if a test asked for that.
#[inline]
pub(crate) fn level() -> Level {
    match limit(detected()) {
        Backend::Portable => Level::Portable,
        Backend::Avx2 => Level::Avx2(Avx2(())),
        Backend::Avx512 => Level::Avx512(Avx512(())),
    }
}

/// The backend that operations run on now.
pub fn active() -> Backend {
    limit(detected())
}

/// Every backend this CPU can run, from the portable one up to the best it has.
pub fn available() -> impl Iterator<Item = Backend> {
    [Backend::Portable, Backend::Avx2, Backend::Avx512]
        .into_iter()
        .filter(|b| *b <= detected())
}

#[cfg(any(feature = "force-backend", feature = "ct-check"))]
mod forced {
    use super::Backend;
    use core::sync::atomic::{AtomicBool, AtomicU8, Ordering};

    /// The highest backend allowed; `u8::MAX` for no limit.
    pub(super) static LIMIT: AtomicU8 = AtomicU8::new(u8::MAX);

    pub(super) fn code(b: Backend) -> u8 {
        match b {
            Backend::Portable => 0,
            Backend::Avx2 => 1,
            Backend::Avx512 => 2,
        }
    }

    /// Whether the SHA extensions may be used (when the CPU has them).
    pub(super) static SHA_ALLOWED: AtomicBool = AtomicBool::new(true);

    pub(super) fn limit(best: Backend) -> Backend {
        match LIMIT.load(Ordering::Relaxed) {
            0 => Backend::Portable,
            1 if best >= Backend::Avx2 => Backend::Avx2,
            _ => best,
        }
    }
}

#[cfg(any(feature = "force-backend", feature = "ct-check"))]
fn limit(best: Backend) -> Backend {
    forced::limit(best)
}

#[cfg(all(
    target_arch = "x86_64",
    any(feature = "force-backend", feature = "ct-check")
))]
fn sha_allowed() -> bool {
    forced::SHA_ALLOWED.load(core::sync::atomic::Ordering::Relaxed)
}

#[cfg(not(any(feature = "force-backend", feature = "ct-check")))]
#[inline(always)]
fn limit(best: Backend) -> Backend {
    best
}

#[cfg(all(
    target_arch = "x86_64",
    not(any(feature = "force-backend", feature = "ct-check"))
))]
#[inline(always)]
fn sha_allowed() -> bool {
    true
}

/// Runs every later operation, in every thread, on `backend` or the best below it that the CPU
/// has (`None`: the best the CPU has). For tests, the constant-time harness and benchmarks that
/// compare the backends on one machine; an application has no reason to call it.
#[cfg(any(feature = "force-backend", feature = "ct-check"))]
pub fn force(backend: Option<Backend>) {
    let code = backend.map_or(u8::MAX, forced::code);
    forced::LIMIT.store(code, core::sync::atomic::Ordering::Relaxed);
}

/// Lets the SHA-2 kernels use the CPU's SHA extensions (SHA-NI), or not (`false`: they use the
/// backend's vector kernels, or the portable code), in every thread from now on. With
/// [`force`], for tests and benchmarks that run each SHA-2 path on one machine; returns whether
/// the CPU has the extensions at all.
#[cfg(any(feature = "force-backend", feature = "ct-check"))]
pub fn force_sha_ni(allowed: bool) -> bool {
    forced::SHA_ALLOWED.store(allowed, core::sync::atomic::Ordering::Relaxed);
    sha_detected()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portable_backend_is_always_available() {
        assert_eq!(available().next(), Some(Backend::Portable));
        assert!(available().any(|b| b == active()));
    }
}
