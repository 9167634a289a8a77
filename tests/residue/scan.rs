//! Runs a closure on a stack painted with zeros and looks, after it returned, for known byte
//! strings in what it left there.
//!
//! Like `tests/operations/meter.rs`, this reads and writes the unused part of the current
//! thread's stack, which needs `unsafe`: here, in test tooling, never in the library.

use std::collections::HashMap;
use std::hint::black_box;
use std::ptr;
use std::thread;

/// Painted below the scanning frame: more than any operation uses (the largest, ML-DSA-87
/// signing, stays below 100 KiB).
const DEPTH: usize = 512 * 1024;
/// Left unpainted right below the scanning frame, where `paint` itself runs.
const GAP: usize = 1024;
/// The scanning thread's stack: far more than `DEPTH`, so the painted region is mapped.
const THREAD_STACK: usize = 4 * 1024 * 1024;
/// Bytes compared at once when searching (shorter needles are refused).
const PREFIX: usize = 8;

/// A secret byte string to look for.
pub struct Needle {
    /// What it is, e.g. `"ŝ (in memory) bytes 512..544"`.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A needle found on the stack.
#[derive(Debug)]
pub struct Finding {
    pub secret: String,
    /// Bytes below the scanning frame's stack pointer.
    pub offset: usize,
}

/// The painted region after `run` returned, as it was left.
pub struct Residue {
    /// Lowest address first; `bytes[i]` is `top − DEPTH + i`.
    bytes: Vec<u8>,
}

#[inline(never)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    ptr::from_ref(black_box(&marker)).addr()
}

#[inline(never)]
fn paint(low: usize, high: usize) {
    for addr in low..high {
        // SAFETY: [low, high) lies between DEPTH and GAP bytes below the scanning frame, inside
        // this thread's THREAD_STACK-byte stack: mapped memory that no live frame uses.
        unsafe { ptr::with_exposed_provenance_mut::<u8>(addr).write_volatile(0) };
    }
}

#[inline(never)]
fn copy_out(low: usize, high: usize) -> Vec<u8> {
    (low..high)
        // SAFETY: as in `paint`; `run` has returned, so the region is unused again.
        .map(|addr| unsafe { ptr::with_exposed_provenance::<u8>(addr).read_volatile() })
        .collect()
}

#[inline(never)]
fn call(run: &(dyn Fn() + Sync)) {
    run();
}

/// Paints the stack, runs `run` and returns what it left below the scanning frame.
pub fn residue_of(run: &(dyn Fn() + Sync)) -> Residue {
    thread::scope(|scope| {
        thread::Builder::new()
            .stack_size(THREAD_STACK)
            .spawn_scoped(scope, || {
                let top = stack_pointer();
                let low = top - DEPTH;
                paint(low, top - GAP);
                call(run);
                Residue {
                    bytes: copy_out(low, top - GAP),
                }
            })
            .expect("thread starts")
            .join()
            .expect("the scanned code returns")
    })
}

impl Residue {
    /// Bytes of stack the run touched (from the lowest nonzero byte up).
    pub fn depth(&self) -> usize {
        let lowest = self.bytes.iter().position(|&b| b != 0);
        lowest.map_or(0, |i| self.bytes.len() - i + GAP)
    }

    /// Every place a needle occurs, deepest first.
    pub fn find(&self, needles: &[Needle]) -> Vec<Finding> {
        let mut by_prefix: HashMap<[u8; PREFIX], Vec<&Needle>> = HashMap::new();
        for n in needles {
            assert!(n.bytes.len() >= PREFIX, "needle {} too short", n.name);
            let prefix = n.bytes[..PREFIX].try_into().expect("PREFIX bytes");
            by_prefix.entry(prefix).or_default().push(n);
        }
        let start = self
            .bytes
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(self.bytes.len());
        let mut found = Vec::new();
        for at in start..self.bytes.len().saturating_sub(PREFIX) {
            let prefix: [u8; PREFIX] = self.bytes[at..at + PREFIX].try_into().expect("8 bytes");
            let Some(candidates) = by_prefix.get(&prefix) else {
                continue;
            };
            for n in candidates {
                if self.bytes[at..].starts_with(&n.bytes) {
                    found.push(Finding {
                        secret: n.name.clone(),
                        offset: self.bytes.len() + GAP - at,
                    });
                }
            }
        }
        found
    }
}

/// The pieces of `secret` to search for: 32-byte pieces (the whole secret if shorter, down to
/// 16 bytes), at most `max` of them spread over the secret, skipping pieces with too few
/// distinct bytes to be told from chance (zero runs, small repeated values).
pub fn needles(name: &str, secret: &[u8], max: usize) -> Vec<Needle> {
    assert!(
        secret.len() >= 16,
        "{name}: secrets shorter than 16 bytes are not searched"
    );
    let piece = secret.len().min(32);
    let count = secret.len() / piece;
    let step = count.div_ceil(max).max(1);
    (0..count)
        .step_by(step)
        .map(|i| (i * piece, &secret[i * piece..(i + 1) * piece]))
        .filter(|(_, bytes)| {
            let mut seen = [false; 256];
            bytes.iter().for_each(|&b| seen[usize::from(b)] = true);
            seen.iter().filter(|&&s| s).count() >= 6
        })
        .map(|(at, bytes)| Needle {
            name: if piece == secret.len() {
                name.to_string()
            } else {
                format!("{name} bytes {at}..{}", at + piece)
            },
            bytes: bytes.to_vec(),
        })
        .collect()
}
