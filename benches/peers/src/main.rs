//! pqfips against the other implementations a user might pick, timed in one run:
//!
//! ```sh
//! cargo run --release --manifest-path benches/peers/Cargo.toml [-- ml-kem | ml-dsa | slh-dsa | hybrid | all]
//! ```
//!
//! With no argument every algorithm is raced (SLH-DSA without its slow category 3 and 5 "s"
//! sets); naming algorithms races only those; `all` adds the slow sets. The report goes to
//! stdout as Markdown (progress to stderr), so `> peers.md` keeps it.
//!
//! Every implementation is cross-checked against pqfips before it is timed, then all of them are
//! raced operation by operation in interleaved batches (`race`, in this crate's library) and
//! reported as µs per operation and as time ratios pqfips / peer (`table`). pqfips runs as
//! dispatched (the best backend this CPU has) and with each lower backend forced.
//!
//! Each algorithm is one module with a `run(&Options)` and one entry in [`ALGORITHMS`]; a new race
//! (the hybrid KEMs, say) is one more such module and entry.

mod hybrid;
mod ml_dsa;
mod ml_kem;
mod slh_dsa;

use std::time::Duration;

use pqfips_peers::race::{self, Impl, Kind, Plan};

/// One algorithm's races: the name that selects it and the function that runs them and prints
/// its tables.
struct Algorithm {
    name: &'static str,
    run: fn(&Options),
}

/// The algorithms, in the order a full run races them.
const ALGORITHMS: &[Algorithm] = &[
    Algorithm {
        name: "ml-kem",
        run: ml_kem::run,
    },
    Algorithm {
        name: "ml-dsa",
        run: ml_dsa::run,
    },
    Algorithm {
        name: "slh-dsa",
        run: slh_dsa::run,
    },
    Algorithm {
        name: "hybrid",
        run: hybrid::run,
    },
];

/// What every race module is given.
pub struct Options {
    /// Whether to race the slow sets too (`-- all`).
    pub all: bool,
    /// The plan of a race of fast operations (µs to ms).
    pub plan: Plan,
    /// pqfips as dispatched, then every lower backend forced.
    pub pqfips: Vec<Impl>,
}

impl Options {
    /// pqfips with the portable backend forced.
    pub fn portable(&self) -> Impl {
        race::pqfips_forced(pqfips::backend::Backend::Portable)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let known = |a: &str| a == "all" || ALGORITHMS.iter().any(|alg| alg.name == a);
    if let Some(bad) = args.iter().find(|a| !known(a)) {
        let names: Vec<&str> = ALGORITHMS.iter().map(|alg| alg.name).collect();
        eprintln!(
            "unknown argument {bad:?}: expected any of {}, all",
            names.join(", ")
        );
        std::process::exit(2);
    }
    let named = |alg: &&Algorithm| args.iter().any(|a| a == alg.name);
    let chosen: Vec<&Algorithm> = if ALGORITHMS.iter().any(|alg| named(&alg)) {
        ALGORITHMS.iter().filter(named).collect()
    } else {
        ALGORITHMS.iter().collect()
    };
    let opts = Options {
        all: args.iter().any(|a| a == "all"),
        plan: Plan::new(Duration::from_millis(1200)),
        pqfips: race::pqfips_paths(),
    };

    print_setup(&opts);
    race::warm_up(Duration::from_secs(1));
    for alg in chosen {
        eprintln!("{}:", alg.name);
        (alg.run)(&opts);
    }
}

/// The machine, the builds and the method, ahead of the tables.
fn print_setup(opts: &Options) {
    println!("## pqfips and its peers\n");
    println!("- CPU: {}", cpu_name());
    let paths: Vec<String> = opts.pqfips.iter().map(Impl::label).collect();
    let available: Vec<&str> = pqfips::backend::available().map(|b| b.name()).collect();
    println!(
        "- pqfips dispatches to {} here (this CPU can run {}); timed as: {}",
        race::dispatched(),
        available.join(", "),
        paths.join(", ")
    );
    println!(
        "- libcrux's run-time check (libcrux_platform::simd256_support) {} AVX2; PQClean's {}",
        if libcrux_avx2() {
            "finds"
        } else {
            "does not find: its multiplexed API runs portable code"
        },
        if avx2() {
            "finds AVX2"
        } else {
            "does not find AVX2: pqcrypto runs its portable C"
        }
    );
    println!(
        "- Build: this crate's release profile (codegen-units = 1, thin LTO){}",
        if cfg!(target_feature = "avx2") {
            ", with AVX2 enabled at compile time"
        } else {
            ", no target-cpu or target-feature flags: every SIMD path is chosen at run time"
        }
    );
    println!("- Versions: {}", peer_versions().join(", "));
    println!(
        "- Method: outputs cross-checked before timing; for each operation every implementation runs \
         one batch in turn, {} times over ({:.1} s shared by the implementations for each fast \
         operation), and is charged its median batch, timed in the thread's CPU time; load average \
         at the start {}\n",
        opts.plan.batches,
        opts.plan.budget.as_secs_f64(),
        load_average()
    );
}

/// The 1-, 5- and 15-minute load averages, to judge how quiet the machine was.
fn load_average() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let fields: Vec<&str> = load.split_whitespace().take(3).collect();
    if fields.len() == 3 {
        fields.join(" / ")
    } else {
        "unknown".into()
    }
}

/// The CPU's model name from /proc/cpuinfo, with the SIMD flags that matter here.
fn cpu_name() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |key: &str| {
        info.lines()
            .find(|l| l.split(':').next().is_some_and(|k| k.trim() == key))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
    };
    let name =
        field("model name").unwrap_or_else(|| "unknown (no /proc/cpuinfo model name)".into());
    let flags = field("flags").unwrap_or_default();
    let wanted = [
        "avx2", "avx512f", "avx512vl", "avx512bw", "avx512dq", "sha_ni", "bmi2",
    ];
    let has: Vec<&str> = wanted
        .into_iter()
        .filter(|w| flags.split(' ').any(|f| f == *w))
        .collect();
    if has.is_empty() {
        name
    } else {
        format!("{name} ({})", has.join(" "))
    }
}

/// The version of every peer crate, from this crate's Cargo.lock.
fn peer_versions() -> Vec<String> {
    const PEERS: [&str; 10] = [
        "libcrux-ml-kem",
        "libcrux-ml-dsa",
        "pqcrypto-mlkem",
        "pqcrypto-mldsa",
        "aws-lc-rs",
        "ml-kem",
        "ml-dsa",
        "fips203",
        "fips204",
        "slh-dsa",
    ];
    let lock = include_str!("../Cargo.lock");
    PEERS
        .iter()
        .map(|peer| {
            let version = lock
                .split("[[package]]")
                .find(|p| p.lines().any(|l| l.trim() == format!("name = \"{peer}\"")))
                .and_then(|p| {
                    p.lines()
                        .find_map(|l| l.trim().strip_prefix("version = \""))
                })
                .map_or("?", |v| v.trim_end_matches('"'));
            format!("{peer} {version}")
        })
        .collect()
}

/// libcrux's multiplexed API (`libcrux_ml_kem::mlkem768::…`, `libcrux_ml_dsa::ml_dsa_65::…`),
/// which runs its AVX2 code when libcrux's own check finds AVX2.
fn libcrux() -> Impl {
    Impl {
        name: "libcrux AVX2",
        kind: Kind::Peer {
            simd: libcrux_avx2(),
        },
    }
}

/// libcrux's portable instantiation (`…::portable::…`).
const LIBCRUX_PORTABLE: Impl = Impl {
    name: "libcrux portable",
    kind: Kind::Peer { simd: false },
};

/// PQClean's AVX2 C through `pqcrypto-*`, which falls back to its portable C without AVX2.
fn pqclean() -> Impl {
    Impl {
        name: "PQClean AVX2",
        kind: Kind::Peer { simd: avx2() },
    }
}

/// AWS-LC through `aws-lc-rs`, which picks its vector code at run time.
fn aws_lc() -> Impl {
    Impl {
        name: "aws-lc-rs",
        kind: Kind::Peer { simd: avx2() },
    }
}

/// Whether the CPU has AVX2 (what PQClean's and aws-lc-rs's vector code needs).
fn avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether libcrux's multiplexed API takes its AVX2 path, by libcrux's own check.
fn libcrux_avx2() -> bool {
    libcrux_platform::simd256_support()
}
