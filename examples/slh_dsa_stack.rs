//! How much stack SLH-DSA needs: `cargo run --release --example slh_dsa_stack`.
//!
//! For each parameter set, runs an operation on a thread whose stack is limited to a given
//! size, in a child process, and bisects for the smallest size that works: an overflow hits
//! the guard page and kills the child, which the parent sees as a failed exit. The thread
//! first puts a 32 KiB pad on its stack, so that even small needs land above the smallest
//! stack a thread can have; the table shows the need of the operation alone (the same bisection
//! with an operation that does nothing, subtracted), to 1 KiB. For signing that includes the
//! returned `Signature` (SIGNATURE_SIZE bytes), once where the caller keeps it and once more
//! where the library builds it: the compiler copies the value on return. `sign_into` writes
//! into the caller's signature and needs it once.

use std::hint::black_box;
use std::process::{Command, Stdio};

use pqfips::slh_dsa::{self, ParameterSet, Signature, SigningKey};

/// Runs `op` on a thread with `stack` bytes of stack; the process dies if it overflows.
fn probe<P: ParameterSet>(op: &str, stack: usize) {
    let seed = P::Seed::try_from(&[7u8; 32][..P::N]).expect("n bytes");
    // Built on the main thread, and borrowed (a scoped thread's closure holds references
    // only), so that just the operation itself runs on the small stack.
    let sk = SigningKey::<P>::from_seeds(&seed, &seed, &seed);
    let sig = (op == "verify").then(|| sk.sign_deterministic(b"stack", b"").unwrap());
    // Each operation is its own function, chosen before the thread starts, so that the
    // thread's frame is not sized for the largest of them.
    let f: fn(&SigningKey<P>, Option<&Signature<P>>) = match op {
        "sign" => sign::<P>,
        "sign_into" => sign_into::<P>,
        "verify" => verify::<P>,
        "keygen" => keygen::<P>,
        "nothing" => |_, _| {},
        other => panic!("unknown operation {other}"),
    };
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(s, || padded(f, &sk, sig.as_ref()))
            .expect("spawn")
            .join()
            .expect("no panic");
    });
}

/// Calls `f` below a 32 KiB pad.
#[inline(never)]
fn padded<P: ParameterSet>(
    f: fn(&SigningKey<P>, Option<&Signature<P>>),
    sk: &SigningKey<P>,
    sig: Option<&Signature<P>>,
) {
    let pad = [0u8; 32 * 1024];
    black_box(&pad);
    f(sk, sig);
    black_box(&pad);
}

#[inline(never)]
fn sign<P: ParameterSet>(sk: &SigningKey<P>, _: Option<&Signature<P>>) {
    // Looked at in place: moving the signature out would put a second copy on the stack.
    let sig = sk.sign_deterministic(black_box(b"stack"), b"");
    black_box(&sig);
}

#[inline(never)]
fn sign_into<P: ParameterSet>(sk: &SigningKey<P>, _: Option<&Signature<P>>) {
    let mut sig = Signature::<P>::default();
    let mut rng = rand_core::UnwrapErr(getrandom::SysRng);
    sk.sign_into(&mut rng, black_box(b"stack"), b"", &mut sig)
        .unwrap();
    black_box(&sig);
}

#[inline(never)]
fn verify<P: ParameterSet>(sk: &SigningKey<P>, sig: Option<&Signature<P>>) {
    let sig = sig.expect("signed before the thread started");
    sk.verifying_key()
        .verify(black_box(b"stack"), b"", sig)
        .unwrap();
}

#[inline(never)]
fn keygen<P: ParameterSet>(sk: &SigningKey<P>, _: Option<&Signature<P>>) {
    let seed = P::Seed::try_from(&[7u8; 32][..P::N]).expect("n bytes");
    black_box(SigningKey::<P>::from_seeds(&seed, &seed, black_box(&seed)));
    black_box(sk);
}

/// Runs the probe in a child process; true if it finished.
fn fits(set: &str, op: &str, stack: usize) -> bool {
    Command::new(std::env::current_exe().expect("own path"))
        .args(["probe", set, op, &stack.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("child runs")
        .success()
}

/// The smallest stack (KiB) for which `op` works, by bisection.
fn needed(set: &str, op: &str) -> usize {
    let (mut lo, mut hi) = (32, 1024);
    assert!(
        fits(set, op, hi * 1024),
        "{set} {op} needs more than {hi} KiB"
    );
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if fits(set, op, mid * 1024) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

macro_rules! sets {
    ($m:ident) => {
        $m!(
            SlhDsaSha2_128s,
            SlhDsaShake128s,
            SlhDsaSha2_128f,
            SlhDsaShake128f,
            SlhDsaSha2_192s,
            SlhDsaShake192s,
            SlhDsaSha2_192f,
            SlhDsaShake192f,
            SlhDsaSha2_256s,
            SlhDsaShake256s,
            SlhDsaSha2_256f,
            SlhDsaShake256f
        )
    };
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 5 && args[1] == "probe" {
        let stack: usize = args[4].parse().expect("stack size");
        macro_rules! dispatch {
            ($($set:ident),*) => {
                $(if args[2] == <slh_dsa::$set as ParameterSet>::NAME {
                    return probe::<slh_dsa::$set>(&args[3], stack);
                })*
            };
        }
        sets!(dispatch);
        panic!("unknown set {}", args[2]);
    }
    println!(
        "{:<20} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "set", "signature", "sign KiB", "into KiB", "verify KiB", "keygen KiB"
    );
    macro_rules! table {
        ($($set:ident),*) => {
            $({
                let name = <slh_dsa::$set as ParameterSet>::NAME;
                let base = needed(name, "nothing");
                println!(
                    "{:<20} {:>10} {:>10} {:>10} {:>10} {:>10}",
                    name,
                    <slh_dsa::$set as ParameterSet>::SIGNATURE_SIZE,
                    needed(name, "sign") - base,
                    needed(name, "sign_into") - base,
                    needed(name, "verify") - base,
                    needed(name, "keygen") - base,
                );
            })*
        };
    }
    sets!(table);
}
