//! Writes the fuzz targets' seed corpora from the NIST vectors and the RFCs' example keys in
//! `kat/`:
//! `cargo run --release --example fuzz_corpus -- fuzz/corpus` (run by `.ci/run`; corpora are
//! not committed). Each input starts with the parameter-set byte the targets dispatch on, then
//! the layout each target documents.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::{groups, hex_field, load, str_field, tc_id, tests};

/// Seeds per target, parameter set and kind of vector: a start from every kind, few enough to
/// run fast.
const PER_KIND: usize = 6;
/// The same for SLH-DSA, whose verification inputs are large (8 to 50 KB) and slow to run.
const SLH_DSA_PER_KIND: usize = 1;

struct Corpus {
    root: PathBuf,
    count: HashMap<(&'static str, u8, &'static str), usize>,
}

impl Corpus {
    /// Writes set ‖ parts as `<target>/<kind>-<tcId>`, up to `PER_KIND` (`SLH_DSA_PER_KIND`)
    /// of a kind.
    fn add(&mut self, target: &'static str, set: u8, kind: &'static str, id: u64, parts: &[&[u8]]) {
        let limit = if target.starts_with("slh_dsa") {
            SLH_DSA_PER_KIND
        } else {
            PER_KIND
        };
        let n = self.count.entry((target, set, kind)).or_default();
        if *n == limit {
            return;
        }
        *n += 1;
        let dir = self.root.join(target);
        std::fs::create_dir_all(&dir).expect("create corpus directory");
        let mut bytes = vec![set];
        for part in parts {
            bytes.extend_from_slice(part);
        }
        std::fs::write(dir.join(format!("{kind}-{id}")), bytes).expect("write corpus file");
    }
}

fn set_byte(name: &str) -> u8 {
    match name {
        "ML-KEM-512" | "ML-DSA-44" => 0,
        "ML-KEM-768" | "ML-DSA-65" => 1,
        "ML-KEM-1024" | "ML-DSA-87" => 2,
        other => panic!("unknown parameter set {other}"),
    }
}

/// dk_PKE ‖ ek and z of an expanded key: the decapsulation target supplies H(ek) itself.
fn without_hash(dk: &[u8]) -> (&[u8], &[u8]) {
    let (key, z) = dk.split_at(dk.len() - 32);
    (&key[..key.len() - 32], z)
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .expect("usage: fuzz_corpus <corpus directory>");
    let mut corpus = Corpus {
        root: Path::new(&root).to_path_buf(),
        count: HashMap::new(),
    };
    let no_m: &[u8] = &[0u8; 32];
    let keygen = load("ML-KEM-keyGen-FIPS203", "internalProjection.json.gz");
    for group in groups(&keygen) {
        let set = set_byte(str_field(group, "parameterSet"));
        for t in tests(group) {
            let id = tc_id(t);
            let [d, z, ek, dk] = ["d", "z", "ek", "dk"].map(|field| hex_field(t, field));
            let round_trip: &[&[u8]] = &[&d, &z, no_m, &[0, 0]];
            corpus.add("ml_kem_round_trip", set, "keygen", id, round_trip);
            corpus.add("ml_kem_encapsulate", set, "keygen", id, &[&ek, no_m]);
            corpus.add("ml_kem_expanded_key", set, "keygen", id, &[&dk]);
        }
    }
    let encap_decap = load("ML-KEM-encapDecap-FIPS203", "internalProjection.json.gz");
    for group in groups(&encap_decap) {
        let set = set_byte(str_field(group, "parameterSet"));
        for t in tests(group) {
            let id = tc_id(t);
            match str_field(group, "function") {
                "encapsulation" => {
                    let (ek, m) = (hex_field(t, "ek"), hex_field(t, "m"));
                    corpus.add("ml_kem_encapsulate", set, "encapsulation", id, &[&ek, &m]);
                }
                "encapsulationKeyCheck" => {
                    let ek = hex_field(t, "ek");
                    corpus.add("ml_kem_encapsulate", set, "ek-check", id, &[&ek, no_m]);
                }
                "decapsulation" => {
                    let (dk, c) = (hex_field(t, "dk"), hex_field(t, "c"));
                    let (key, z) = without_hash(&dk);
                    corpus.add(
                        "ml_kem_decapsulate",
                        set,
                        "decapsulation",
                        id,
                        &[key, z, &c],
                    );
                }
                "decapsulationKeyCheck" => {
                    let dk = hex_field(t, "dk");
                    corpus.add("ml_kem_expanded_key", set, "dk-check", id, &[&dk]);
                }
                other => panic!("unknown function {other}"),
            }
        }
    }
    ml_dsa(&mut corpus);
    slh_dsa(&mut corpus);
    key_formats(&mut corpus);
    hybrid(&mut corpus);
    let mut per_target = std::collections::BTreeMap::<&str, usize>::new();
    for ((target, _, _), n) in &corpus.count {
        *per_target.entry(target).or_default() += n;
    }
    for (target, n) in per_target {
        println!("{target}: {n} seeds from kat/");
    }
}

/// ML-DSA seeds: key-generation seeds and expanded keys, and the sigVer cases (valid and
/// modified) for verification with their message and context.
fn ml_dsa(corpus: &mut Corpus) {
    let keygen = load("ML-DSA-keyGen-FIPS204", "internalProjection.json.gz");
    for group in groups(&keygen) {
        let set = set_byte(str_field(group, "parameterSet"));
        for t in tests(group) {
            let id = tc_id(t);
            let [seed, sk] = ["seed", "sk"].map(|field| hex_field(t, field));
            let round_trip: &[&[u8]] = &[&seed, &[0u8; 32], &[0, 0], &[0]];
            corpus.add("ml_dsa_round_trip", set, "keygen", id, round_trip);
            corpus.add("ml_dsa_signing_key", set, "keygen", id, &[&sk]);
        }
    }
    pure_sig_ver(
        corpus,
        "ML-DSA-sigVer-FIPS204",
        "ml_dsa_verify",
        set_byte,
        |_| true,
    );
}

/// The sigVer cases of the pure external interface in `dir` as seeds for the verify target
/// `target`: pk ‖ signature ‖ |ctx| ‖ ctx ‖ message, "valid" or "modified", for the cases
/// `keep` accepts.
fn pure_sig_ver(
    corpus: &mut Corpus,
    dir: &str,
    target: &'static str,
    set_byte: fn(&str) -> u8,
    keep: fn(&serde_json::Value) -> bool,
) {
    let sig_ver = load(dir, "internalProjection.json.gz");
    for group in groups(&sig_ver) {
        if str_field(group, "signatureInterface") != "external"
            || str_field(group, "preHash") != "pure"
        {
            continue;
        }
        let set = set_byte(str_field(group, "parameterSet"));
        for t in tests(group).iter().filter(|t| keep(t)) {
            let [pk, sig, ctx, msg] =
                ["pk", "signature", "context", "message"].map(|f| hex_field(t, f));
            let kind = if t["testPassed"].as_bool() == Some(true) {
                "valid"
            } else {
                "modified"
            };
            let parts: &[&[u8]] = &[&pk, &sig, &[ctx.len() as u8], &ctx, &msg];
            corpus.add(target, set, kind, tc_id(t), parts);
        }
    }
}

/// The set byte of `fuzz/src/lib.rs`'s `by_slh_dsa_set!`: the "f" sets first (the only ones
/// `by_slh_dsa_f_set!` picks, with the same bytes), then the "s" sets.
fn slh_dsa_set_byte(name: &str) -> u8 {
    const SETS: [&str; 12] = [
        "SLH-DSA-SHA2-128f",
        "SLH-DSA-SHAKE-128f",
        "SLH-DSA-SHA2-192f",
        "SLH-DSA-SHAKE-192f",
        "SLH-DSA-SHA2-256f",
        "SLH-DSA-SHAKE-256f",
        "SLH-DSA-SHA2-128s",
        "SLH-DSA-SHAKE-128s",
        "SLH-DSA-SHA2-192s",
        "SLH-DSA-SHAKE-192s",
        "SLH-DSA-SHA2-256s",
        "SLH-DSA-SHAKE-256s",
    ];
    let index = SETS.iter().position(|&s| s == name);
    index.unwrap_or_else(|| panic!("unknown parameter set {name}")) as u8
}

/// `bytes` zero-padded to 32: the round-trip target reads 32-byte fields and uses the first n.
fn field32(bytes: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[..bytes.len()].copy_from_slice(bytes);
    out
}

/// SLH-DSA seeds: key-generation seeds (round trip, "f" sets) and signing keys, and one valid
/// and one modified pure signature per set from sigVer for verification, with its message and
/// context. Cases whose signature has the wrong length are left out: the target reads a
/// signature of the right length, so they would not line up.
fn slh_dsa(corpus: &mut Corpus) {
    let keygen = load("SLH-DSA-keyGen-FIPS205", "internalProjection.json.gz");
    for group in groups(&keygen) {
        let set = slh_dsa_set_byte(str_field(group, "parameterSet"));
        for t in tests(group) {
            let id = tc_id(t);
            let [sk_seed, sk_prf, pk_seed, sk] =
                ["skSeed", "skPrf", "pkSeed", "sk"].map(|field| hex_field(t, field));
            if set < 6 {
                let (sk_seed, sk_prf, pk_seed) =
                    (field32(&sk_seed), field32(&sk_prf), field32(&pk_seed));
                let round_trip: &[&[u8]] = &[&sk_seed, &sk_prf, &pk_seed, &[0; 32], &[0; 3], &[0]];
                corpus.add("slh_dsa_round_trip", set, "keygen", id, round_trip);
            }
            corpus.add("slh_dsa_signing_key", set, "keygen", id, &[&sk]);
        }
    }
    pure_sig_ver(
        corpus,
        "SLH-DSA-sigVer-FIPS205",
        "slh_dsa_verify",
        slh_dsa_set_byte,
        |t| !str_field(t, "reason").starts_with("invalid signature"),
    );
}

/// The RFCs' example keys (kat/formats/) for the `key_formats` target, as PEM and as DER: set ‖
/// file, the set byte being 0–2 for ML-KEM, 3–5 for ML-DSA, 6 + `slh_dsa_set_byte` for SLH-DSA.
fn key_formats(corpus: &mut Corpus) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("kat/formats");
    let mut files = vec![];
    for (set, name) in ["ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"]
        .iter()
        .enumerate()
    {
        for suffix in ["-seed.priv", "-expanded.priv", "-both.priv", ".pub"] {
            files.push((set as u8, format!("ml-kem/{name}{suffix}")));
        }
    }
    for (set, name) in ["ML-DSA-44", "ML-DSA-65", "ML-DSA-87"].iter().enumerate() {
        for suffix in ["-seed.priv", "-expanded.priv", "-both.priv", ".pub"] {
            files.push((3 + set as u8, format!("ml-dsa/{name}{suffix}")));
        }
    }
    let slh = 6 + slh_dsa_set_byte("SLH-DSA-SHA2-128s");
    for suffix in [".priv", ".pub"] {
        files.push((slh, format!("slh-dsa/id-slh-dsa-sha2-128s{suffix}")));
    }
    for (id, (set, file)) in files.iter().enumerate() {
        let pem = std::fs::read(dir.join(file)).expect("kat/formats file");
        let (_, der) = pem_rfc7468::decode_vec(&pem).expect("PEM");
        corpus.add("key_formats", *set, "pem", id as u64, &[&pem]);
        corpus.add("key_formats", *set, "der", id as u64, &[&der]);
    }
}

/// Hybrid seeds for `hybrid_shares` (kind byte ‖ bytes): the X-Wing keys and ciphertexts of
/// both X-Wing vector files (kinds 0 and 1), and for each TLS group (kinds 2 to 4) client and
/// server shares built by the library from the ACVP ML-KEM encapsulation cases of its set.
fn hybrid(corpus: &mut Corpus) {
    use pqfips::hybrid::tls::{
        Group, SecP256r1MlKem768, SecP384r1MlKem1024, X25519MlKem768, hazmat,
    };

    let xwing = load("X-Wing", "test-vectors.json.gz");
    let concrete = load("concrete-hybrid-kems", "test-vectors.json.gz");
    let vectors = xwing
        .as_array()
        .expect("a list")
        .iter()
        .map(|t| (t, "pk", "ct"));
    let more = concrete["mlkem768_x25519"].as_array().expect("a list");
    let more = more.iter().map(|t| (t, "encapsulation_key", "ciphertext"));
    for (i, (t, pk, ct)) in vectors.chain(more).enumerate() {
        corpus.add(
            "hybrid_shares",
            0,
            "xwing-pk",
            i as u64,
            &[&hex_field(t, pk)],
        );
        corpus.add(
            "hybrid_shares",
            1,
            "xwing-ct",
            i as u64,
            &[&hex_field(t, ct)],
        );
    }

    fn shares<G: Group>(
        corpus: &mut Corpus,
        kind: u8,
        names: [&'static str; 2],
        t: &serde_json::Value,
    ) {
        let dk =
            pqfips::ml_kem::DecapsulationKey::<G::MlKem>::from_expanded_bytes(&hex_field(t, "dk"))
                .expect("valid dk");
        let scalar = &[3u8; 48][..G::ECDH_SCALAR_SIZE];
        let client = hazmat::client_key_exchange::<G>(&dk, scalar).expect("valid scalar");
        let m: [u8; 32] = hex_field(t, "m").try_into().expect("32 bytes");
        let (server_share, _) = hazmat::server_key_share::<G>(
            client.key_share().as_ref(),
            &m,
            &[5u8; 48][..G::ECDH_SCALAR_SIZE],
        )
        .expect("valid share");
        let id = tc_id(t);
        corpus.add(
            "hybrid_shares",
            kind,
            names[0],
            id,
            &[client.key_share().as_ref()],
        );
        corpus.add(
            "hybrid_shares",
            kind,
            names[1],
            id,
            &[server_share.as_ref()],
        );
    }
    let encap_decap = load("ML-KEM-encapDecap-FIPS203", "internalProjection.json.gz");
    for group in groups(&encap_decap) {
        if str_field(group, "function") != "encapsulation" {
            continue;
        }
        for t in tests(group) {
            match str_field(group, "parameterSet") {
                "ML-KEM-768" => {
                    shares::<X25519MlKem768>(corpus, 2, ["x25519-client", "x25519-server"], t);
                    shares::<SecP256r1MlKem768>(corpus, 3, ["p256-client", "p256-server"], t);
                }
                "ML-KEM-1024" => {
                    shares::<SecP384r1MlKem1024>(corpus, 4, ["p384-client", "p384-server"], t)
                }
                _ => {}
            }
        }
    }
}
