//! Helpers shared by the integration tests: vector files, hex, a reproducible RNG.
#![allow(dead_code)] // each test binary uses its own subset

use std::io::Read;

use rand_core::{Infallible, TryCryptoRng, TryRng};
use serde_json::Value;

/// Reads `kat/<folder>/<file>` (gzip-compressed JSON, as NIST ships it).
pub fn load(folder: &str, file: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("kat")
        .join(folder)
        .join(file);
    let gz = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut json = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut json)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The number of test cases in a vector file, summed over its groups.
pub fn case_count(file: &Value) -> usize {
    groups(file).iter().map(|g| tests(g).len()).sum()
}

/// The `testGroups` array of a vector file.
pub fn groups(file: &Value) -> &Vec<Value> {
    file["testGroups"].as_array().expect("testGroups")
}

/// The `tests` array of a group.
pub fn tests(group: &Value) -> &Vec<Value> {
    group["tests"].as_array().expect("tests")
}

/// A string field.
pub fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("missing string field {key}: {v}"))
}

/// A hex field, decoded.
pub fn hex_field(v: &Value, key: &str) -> Vec<u8> {
    hex::decode(str_field(v, key)).unwrap_or_else(|e| panic!("field {key}: {e}"))
}

/// A hex field of exactly N bytes.
pub fn hex_array<const N: usize>(v: &Value, key: &str) -> [u8; N] {
    hex_field(v, key)
        .try_into()
        .unwrap_or_else(|b: Vec<u8>| panic!("{key}: {} bytes, not {N}", b.len()))
}

/// A boolean field.
pub fn bool_field(v: &Value, key: &str) -> bool {
    v[key]
        .as_bool()
        .unwrap_or_else(|| panic!("missing bool field {key}: {v}"))
}

/// Runs `f` on every test case of a vector file, with its group; returns how many ran.
pub fn run_cases(file: &Value, mut f: impl FnMut(&Value, &Value)) -> usize {
    let mut run = 0;
    for group in groups(file) {
        for t in tests(group) {
            f(group, t);
            run += 1;
        }
    }
    run
}

/// The test case id, for messages.
pub fn tc_id(v: &Value) -> u64 {
    v["tcId"].as_u64().expect("tcId")
}

/// A reproducible generator (SplitMix64) for property tests. Marked `CryptoRng` only because
/// the API asks for one; it is not one, and is used nowhere but in tests.
pub struct TestRng(u64);

impl TestRng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        self.fill(&mut out);
        out
    }

    pub fn fill(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(8) {
            let v = self.next().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
    }
}

impl TryRng for TestRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.next() as u32)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.next())
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        self.fill(dst);
        Ok(())
    }
}

impl TryCryptoRng for TestRng {}

/// Runs each named generic test once per ML-KEM parameter set, as separate tests.
#[macro_export]
macro_rules! for_each_ml_kem_set {
    ($($case:ident),* $(,)?) => {
        mod ml_kem_512 { $( #[test] fn $case() { super::$case::<pqfips::ml_kem::MlKem512>() } )* }
        mod ml_kem_768 { $( #[test] fn $case() { super::$case::<pqfips::ml_kem::MlKem768>() } )* }
        mod ml_kem_1024 { $( #[test] fn $case() { super::$case::<pqfips::ml_kem::MlKem1024>() } )* }
    };
}

/// An "RNG" that hands out exactly the given bytes, for vectors that fix the randomness
/// (ML-DSA's rnd, SLH-DSA's addrnd). Asking for more than it holds is a test failure.
pub struct FixedRng(pub Vec<u8>);

impl FixedRng {
    pub fn new(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl TryRng for FixedRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        assert!(
            dst.len() <= self.0.len(),
            "FixedRng: asked for {} bytes, holds {}",
            dst.len(),
            self.0.len()
        );
        let rest = self.0.split_off(dst.len());
        dst.copy_from_slice(&self.0);
        self.0 = rest;
        Ok(())
    }
}

impl TryCryptoRng for FixedRng {}

/// PH(M), computed with the RustCrypto crates directly rather than through pqfips.
pub fn prehash_digest(ph: pqfips::PreHash, msg: &[u8]) -> Vec<u8> {
    use pqfips::PreHash;
    use sha3::Digest;
    use shake::{ExtendableOutput, Update, XofReader};
    fn xof<X: Default + Update + ExtendableOutput>(msg: &[u8], len: usize) -> Vec<u8> {
        let mut h = X::default();
        h.update(msg);
        let mut out = vec![0; len];
        h.finalize_xof().read(&mut out);
        out
    }
    match ph {
        PreHash::Sha2_224 => sha2::Sha224::digest(msg).to_vec(),
        PreHash::Sha2_256 => sha2::Sha256::digest(msg).to_vec(),
        PreHash::Sha2_384 => sha2::Sha384::digest(msg).to_vec(),
        PreHash::Sha2_512 => sha2::Sha512::digest(msg).to_vec(),
        PreHash::Sha2_512_224 => sha2::Sha512_224::digest(msg).to_vec(),
        PreHash::Sha2_512_256 => sha2::Sha512_256::digest(msg).to_vec(),
        PreHash::Sha3_224 => sha3::Sha3_224::digest(msg).to_vec(),
        PreHash::Sha3_256 => sha3::Sha3_256::digest(msg).to_vec(),
        PreHash::Sha3_384 => sha3::Sha3_384::digest(msg).to_vec(),
        PreHash::Sha3_512 => sha3::Sha3_512::digest(msg).to_vec(),
        PreHash::Shake128 => xof::<shake::Shake128>(msg, 32),
        PreHash::Shake256 => xof::<shake::Shake256>(msg, 64),
    }
}

/// The pre-hash function NIST's vectors name, e.g. "SHA2-512/256".
pub fn prehash(name: &str) -> pqfips::PreHash {
    *pqfips::PreHash::ALL
        .iter()
        .find(|p| p.name() == name)
        .unwrap_or_else(|| panic!("unknown hash {name}"))
}

/// Runs each named generic test once per ML-DSA parameter set, as separate tests.
#[macro_export]
macro_rules! for_each_ml_dsa_set {
    ($($case:ident),* $(,)?) => {
        mod ml_dsa_44 { $( #[test] fn $case() { super::$case::<pqfips::ml_dsa::MlDsa44>() } )* }
        mod ml_dsa_65 { $( #[test] fn $case() { super::$case::<pqfips::ml_dsa::MlDsa65>() } )* }
        mod ml_dsa_87 { $( #[test] fn $case() { super::$case::<pqfips::ml_dsa::MlDsa87>() } )* }
    };
}

/// Runs each named generic test once per SLH-DSA parameter set, as separate tests.
#[macro_export]
macro_rules! for_each_slh_dsa_set {
    ($($case:ident),* $(,)?) => {
        mod sha2_128s { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaSha2_128s>() } )* }
        mod shake_128s { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaShake128s>() } )* }
        mod sha2_128f { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaSha2_128f>() } )* }
        mod shake_128f { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaShake128f>() } )* }
        mod sha2_192s { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaSha2_192s>() } )* }
        mod shake_192s { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaShake192s>() } )* }
        mod sha2_192f { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaSha2_192f>() } )* }
        mod shake_192f { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaShake192f>() } )* }
        mod sha2_256s { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaSha2_256s>() } )* }
        mod shake_256s { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaShake256s>() } )* }
        mod sha2_256f { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaSha2_256f>() } )* }
        mod shake_256f { $( #[test] fn $case() { super::$case::<pqfips::slh_dsa::SlhDsaShake256f>() } )* }
    };
}

/// One way the operations can run on this CPU: a backend forced, and whether the SHA-2 kernels
/// may use the SHA extensions (SHA-NI; they only matter to SLH-DSA's SHA2 sets, and never on the
/// portable backend).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Path {
    pub backend: pqfips::backend::Backend,
    pub sha_ni: bool,
    /// Whether the CPU has the SHA extensions at all.
    cpu_has_sha: bool,
}

impl Path {
    /// A path that differs from one of [`on_every_backend`]'s only in the SHA-2 kernels: a SIMD
    /// backend with the SHA extensions switched off on a CPU that has them.
    pub fn sha2_only(self) -> bool {
        self.backend != pqfips::backend::Backend::Portable && !self.sha_ni && self.cpu_has_sha
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sha = match (self.backend, self.sha_ni) {
            (pqfips::backend::Backend::Portable, _) => "",
            (_, true) => " with SHA-NI",
            (_, false) => " without SHA-NI",
        };
        write!(f, "{}{sha}", self.backend)
    }
}

/// Runs `f` on every backend this CPU has (`pqfips::backend::available()`), each forced in
/// turn with the SHA extensions as the CPU has them, then lifts the limit; returns how many ran.
/// A failure names the backend.
pub fn on_every_backend(mut f: impl FnMut(pqfips::backend::Backend)) -> usize {
    run_paths(false, |path| f(path.backend)).len()
}

/// Runs `f` on every path SLH-DSA's SHA2 sets can take on this CPU: each backend forced in turn,
/// and the SIMD ones with and without the SHA extensions (whose two-lane kernels otherwise take
/// over from the vector ones). Returns the paths run; a failure names the path.
pub fn on_every_path(f: impl FnMut(Path)) -> Vec<Path> {
    let paths = run_paths(true, f);
    println!("paths run: {paths:?}");
    assert!(paths.len() >= pqfips::backend::available().count());
    paths
}

/// [`on_every_path`] for a parameter set whose name has "SHA2" in it, [`on_every_backend`]
/// (with the paths) for the others: the SHA extensions change nothing else.
pub fn on_every_path_of(set: &str, f: impl FnMut(Path)) -> Vec<Path> {
    if set.contains("SHA2") {
        on_every_path(f)
    } else {
        run_paths(false, f)
    }
}

/// Forces each path in turn (with the SHA extensions off too if `sha_off`), runs `f`, and lifts
/// the limits, also when `f` panics, whose message it repeats with the path's name. The forcing
/// is global to the process and tests run in parallel threads: a lock keeps two such runs
/// apart.
fn run_paths(sha_off: bool, mut f: impl FnMut(Path)) -> Vec<Path> {
    use pqfips::backend::{self, Backend};
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    // A test that failed while holding the lock leaves nothing to repair: each run forces its
    // own path.
    let _guard = LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let has_sha = backend::force_sha_ni(true);
    let mut paths = Vec::new();
    for b in backend::available() {
        let simd = b != Backend::Portable;
        let shas: &[bool] = match (simd && has_sha, sha_off) {
            (true, true) => &[true, false],
            (true, false) => &[true],
            (false, _) => &[false],
        };
        for &sha_ni in shas {
            let path = Path {
                backend: b,
                sha_ni,
                cpu_has_sha: has_sha,
            };
            backend::force_sha_ni(sha_ni);
            backend::force(Some(b));
            assert_eq!(backend::active(), b);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(path)));
            backend::force(None);
            backend::force_sha_ni(true);
            if let Err(payload) = result {
                let message = payload
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| payload.downcast_ref::<&str>().copied())
                    .unwrap_or("(no message)");
                panic!("on {path}: {message}");
            }
            paths.push(path);
        }
    }
    paths
}
