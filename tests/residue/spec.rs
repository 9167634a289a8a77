//! The secrets the residue test looks for, computed here from the standards' formulas with the
//! `sha3`/`shake`/`sha2` crates and plain arithmetic, not through the crate under test. Where
//! a secret's form in memory is looked for (ŝ, NTT(s₁), …), the form is the one the crate
//! documents for its keys; `main.rs` checks each such needle against a live key first, so a
//! wrong model of the memory layout fails loudly instead of silently finding nothing.

use sha2::{Digest, Sha256, Sha512};
use shake::{ExtendableOutput, Update, XofReader};

/// SHAKE256 of the concatenation of `parts`, `len` bytes.
pub fn shake256(parts: &[&[u8]], len: usize) -> Vec<u8> {
    let mut h = shake::Shake256::default();
    for p in parts {
        h.update(p);
    }
    let mut out = vec![0; len];
    h.finalize_xof().read(&mut out);
    out
}

/// SHA3-256 of the concatenation of `parts`.
pub fn sha3_256(parts: &[&[u8]]) -> Vec<u8> {
    let mut h = sha3::Sha3_256::new();
    for p in parts {
        sha3::Digest::update(&mut h, p);
    }
    h.finalize().to_vec()
}

/// SHA3-512 of the concatenation of `parts`.
pub fn sha3_512(parts: &[&[u8]]) -> Vec<u8> {
    let mut h = sha3::Sha3_512::new();
    for p in parts {
        sha3::Digest::update(&mut h, p);
    }
    h.finalize().to_vec()
}

fn sha2<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
    let mut h = D::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().to_vec()
}

/// Forward NTT of FIPS 203 Algorithm 9 (ζ = 17, q = 3329, 7 layers) or FIPS 204 Algorithm 41
/// (ζ = 1753, q = 8380417, 8 layers), on coefficients in [0, q).
fn ntt(f: &mut [i64; 256], q: i64, zeta: i64, layers: u32) {
    let pow = |mut b: i64, mut e: u32| {
        let mut r = 1;
        b %= q;
        while e > 0 {
            if e & 1 == 1 {
                r = r * b % q;
            }
            b = b * b % q;
            e >>= 1;
        }
        r
    };
    let bits = layers;
    let rev = |m: u32| m.reverse_bits() >> (32 - bits);
    let mut m = 1u32;
    let mut len = 128;
    for _ in 0..layers {
        for start in (0..256).step_by(2 * len) {
            let z = pow(zeta, rev(m));
            m += 1;
            for j in start..start + len {
                let t = z * f[j + len] % q;
                f[j + len] = (f[j] - t).rem_euclid(q);
                f[j] = (f[j] + t) % q;
            }
        }
        len /= 2;
    }
}

/// Bits of `bytes`, least significant first (BytesToBits).
fn bits(bytes: &[u8]) -> impl Iterator<Item = i64> + '_ {
    bytes
        .iter()
        .flat_map(|b| (0..8).map(move |i| i64::from((b >> i) & 1)))
}

/// `values` as little-endian integers of `width` bytes (the crate's in-memory coefficients).
fn le_bytes(values: &[i64], width: usize) -> Vec<u8> {
    values
        .iter()
        .flat_map(|v| v.to_le_bytes()[..width].to_vec())
        .collect()
}

/// Centred representative of `x` mod `q`, in (−q/2, q/2].
fn centred(x: i64, q: i64) -> i64 {
    let r = x.rem_euclid(q);
    if r > q / 2 { r - q } else { r }
}

pub mod ml_kem {
    use super::*;

    pub const Q: i64 = 3329;

    /// What one key (seed d‖z) and one encapsulation (m) make secret, FIPS 203 §3.3.
    pub struct Secrets {
        pub d: Vec<u8>,
        pub z: Vec<u8>,
        pub sigma: Vec<u8>,
        /// ŝ as the key holds it: canonical coefficients in [0, q), little-endian i16.
        pub s_hat_memory: Vec<u8>,
        /// dk_PKE = ByteEncode₁₂(ŝ).
        pub dk_pke: Vec<u8>,
        /// s in the normal domain, to decrypt with.
        s: Vec<[i64; 256]>,
    }

    /// K-PKE.KeyGen's secrets (Algorithm 13) for rank `k` and η₁.
    pub fn keygen(seed: &[u8; 64], k: usize, eta1: usize) -> Secrets {
        let (d, z) = seed.split_at(32);
        let g = sha3_512(&[d, &[k as u8]]);
        let sigma = g[32..].to_vec();
        let mut s = Vec::new();
        let mut s_hat_memory = Vec::new();
        let mut dk_pke = Vec::new();
        for n in 0..k {
            let poly = cbd(&shake256(&[&sigma, &[n as u8]], 64 * eta1), eta1);
            let mut hat = poly;
            ntt(&mut hat, Q, 17, 7);
            s_hat_memory.extend(le_bytes(&hat, 2));
            dk_pke.extend(byte_encode_12(&hat));
            s.push(poly);
        }
        Secrets {
            d: d.to_vec(),
            z: z.to_vec(),
            sigma,
            s_hat_memory,
            dk_pke,
            s,
        }
    }

    /// SamplePolyCBD_η (Algorithm 8), coefficients in [0, q).
    fn cbd(bytes: &[u8], eta: usize) -> [i64; 256] {
        let b: Vec<i64> = bits(bytes).collect();
        let mut f = [0; 256];
        for (i, c) in f.iter_mut().enumerate() {
            let x: i64 = b[2 * i * eta..2 * i * eta + eta].iter().sum();
            let y: i64 = b[2 * i * eta + eta..2 * i * eta + 2 * eta].iter().sum();
            *c = (x - y).rem_euclid(Q);
        }
        f
    }

    fn byte_encode_12(f: &[i64; 256]) -> Vec<u8> {
        f.chunks(2)
            .flat_map(|p| {
                let v = p[0] | (p[1] << 12);
                [v as u8, (v >> 8) as u8, (v >> 16) as u8]
            })
            .collect()
    }

    /// (K, r) ← G(m‖H(ek)) (Algorithm 17 line 1, Algorithm 18 line 6).
    pub fn k_and_r(m: &[u8], ek: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let g = sha3_512(&[m, &sha3_256(&[ek])]);
        (g[..32].to_vec(), g[32..].to_vec())
    }

    /// K̄ ← J(z‖c) (Algorithm 18 line 7).
    pub fn k_bar(z: &[u8], c: &[u8]) -> Vec<u8> {
        shake256(&[z, c], 32)
    }

    /// K-PKE.Decrypt (Algorithm 15), with the product ŝᵀ·u computed in the normal domain
    /// (schoolbook, mod X²⁵⁶ + 1) rather than through the NTT: the same m′, independently.
    pub fn decrypt(sk: &Secrets, c: &[u8], du: u32, dv: u32) -> Vec<u8> {
        let poly_len = 32 * du as usize;
        let mut acc = [0i64; 256];
        for (s, c1) in sk.s.iter().zip(c.chunks(poly_len)) {
            let u = decompress(&decode(c1, du), du);
            for i in 0..256 {
                for j in 0..256 {
                    let p = s[i] * u[j] % Q;
                    if i + j < 256 {
                        acc[i + j] += p;
                    } else {
                        acc[i + j - 256] -= p;
                    }
                }
            }
        }
        let v = decompress(&decode(&c[sk.s.len() * poly_len..], dv), dv);
        let mut m = vec![0u8; 32];
        for i in 0..256 {
            let w = (v[i] - acc[i]).rem_euclid(Q);
            // Compress₁: round(2w/q) mod 2.
            let bit = ((2 * w + Q / 2) / Q) & 1;
            m[i / 8] |= (bit as u8) << (i % 8);
        }
        m
    }

    fn decode(bytes: &[u8], d: u32) -> Vec<i64> {
        let b: Vec<i64> = bits(bytes).collect();
        b.chunks(d as usize)
            .map(|c| c.iter().enumerate().map(|(j, x)| x << j).sum())
            .collect()
    }

    fn decompress(y: &[i64], d: u32) -> Vec<i64> {
        y.iter().map(|&y| (Q * y + (1 << (d - 1))) >> d).collect()
    }
}

pub mod ml_dsa {
    use super::*;

    pub const Q: i64 = 8_380_417;

    /// ρ′ and K of a seed ξ (FIPS 204 Algorithm 6 line 1).
    pub fn seeds(xi: &[u8; 32], k: usize, l: usize) -> (Vec<u8>, Vec<u8>) {
        let out = shake256(&[xi, &[k as u8, l as u8]], 128);
        (out[32..96].to_vec(), out[96..].to_vec())
    }

    /// The parts of an expanded key encoding skEncode (Algorithm 24): s₁, s₂ and t₀ encoded,
    /// one slice per polynomial.
    pub struct Encoded<'a> {
        pub s1: Vec<&'a [u8]>,
        pub s2: Vec<&'a [u8]>,
        pub t0: Vec<&'a [u8]>,
    }

    pub fn split_sk(sk: &[u8], k: usize, l: usize, eta: i64) -> Encoded<'_> {
        let eta_len = if eta == 2 { 96 } else { 128 };
        let body = &sk[128..];
        let (s1, rest) = body.split_at(l * eta_len);
        let (s2, t0) = rest.split_at(k * eta_len);
        Encoded {
            s1: s1.chunks(eta_len).collect(),
            s2: s2.chunks(eta_len).collect(),
            t0: t0.chunks(416).collect(),
        }
    }

    /// BitUnpack (Algorithm 19) of one polynomial: `b` − each `bits`-bit value.
    pub fn unpack(bytes: &[u8], bits_per: usize, b: i64) -> [i64; 256] {
        let v: Vec<i64> = bits(bytes).collect();
        let mut f = [0; 256];
        for (i, c) in f.iter_mut().enumerate() {
            let x: i64 = v[i * bits_per..(i + 1) * bits_per]
                .iter()
                .enumerate()
                .map(|(j, x)| x << j)
                .sum();
            *c = b - x;
        }
        f
    }

    /// NTT(f) as the signing key holds it: centred coefficients, little-endian i32.
    pub fn ntt_memory(f: &[i64; 256]) -> Vec<u8> {
        let mut hat = f.map(|c| c.rem_euclid(Q));
        ntt(&mut hat, Q, 1753, 8);
        le_bytes(&hat.map(|c| centred(c, Q)), 4)
    }

    /// tr = H(pk, 64); μ = H(tr ‖ M′, 64).
    pub fn mu(vk: &[u8], m_prime: &[&[u8]]) -> Vec<u8> {
        let tr = shake256(&[vk], 64);
        let mut parts: Vec<&[u8]> = vec![&tr];
        parts.extend_from_slice(m_prime);
        shake256(&parts, 64)
    }

    /// ρ″ = H(K ‖ rnd ‖ μ, 64) (Algorithm 7 line 7).
    pub fn rho_pp(key: &[u8], rnd: &[u8], mu: &[u8]) -> Vec<u8> {
        shake256(&[key, rnd, mu], 64)
    }

    /// The first polynomial of y = ExpandMask(ρ″, 0) (Algorithm 34): the raw H output and the
    /// polynomial as the signer holds it (little-endian i32, γ₁ − value).
    pub fn first_mask(rho_pp: &[u8], gamma1: i64) -> (Vec<u8>, Vec<u8>) {
        let z_bits = gamma1.trailing_zeros() as usize + 1;
        let stream = shake256(&[rho_pp, &[0, 0]], 32 * z_bits);
        let y = unpack(&stream, z_bits, gamma1);
        (stream, le_bytes(&y, 4))
    }

    /// SHA-512, for the pre-hash case.
    pub fn sha512(msg: &[u8]) -> Vec<u8> {
        sha2::<Sha512>(&[msg])
    }
}

pub mod slh_dsa {
    use super::*;

    /// The parameters the secrets depend on (FIPS 205 Table 2).
    #[derive(Clone, Copy)]
    pub struct Params {
        pub sha2: bool,
        pub n: usize,
        pub h: usize,
        pub d: usize,
        pub a: usize,
        pub k: usize,
    }

    const WOTS_PRF: u32 = 5;
    const FORS_PRF: u32 = 6;

    /// An address (FIPS 205 §4.2), 32 bytes.
    fn adrs(layer: u32, tree: u64, kind: u32, key_pair: u32, word2: u32, word3: u32) -> [u8; 32] {
        let mut a = [0u8; 32];
        a[0..4].copy_from_slice(&layer.to_be_bytes());
        a[8..16].copy_from_slice(&tree.to_be_bytes());
        a[16..20].copy_from_slice(&kind.to_be_bytes());
        a[20..24].copy_from_slice(&key_pair.to_be_bytes());
        a[24..28].copy_from_slice(&word2.to_be_bytes());
        a[28..32].copy_from_slice(&word3.to_be_bytes());
        a
    }

    /// PRF(PK.seed, SK.seed, ADRS) (§11.1 and §11.2.1: SHA-256 for every SHA2 set).
    fn prf(p: Params, pk_seed: &[u8], sk_seed: &[u8], a: &[u8; 32]) -> Vec<u8> {
        if p.sha2 {
            let mut adrs_c = vec![a[3]];
            adrs_c.extend_from_slice(&a[8..16]);
            adrs_c.push(a[19]);
            adrs_c.extend_from_slice(&a[20..32]);
            let pad = vec![0u8; 64 - p.n];
            sha2::<Sha256>(&[pk_seed, &pad, &adrs_c, sk_seed])[..p.n].to_vec()
        } else {
            shake256(&[pk_seed, a, sk_seed], p.n)
        }
    }

    /// The secret value of WOTS+ chain `chain` of key `key_pair` in XMSS tree `tree` of
    /// `layer` (Algorithms 6, 7: skADRS of type WOTS_PRF).
    pub fn wots_sk(
        p: Params,
        pk_seed: &[u8],
        sk_seed: &[u8],
        layer: u32,
        tree: u64,
        key_pair: u32,
        chain: u32,
    ) -> Vec<u8> {
        prf(
            p,
            pk_seed,
            sk_seed,
            &adrs(layer, tree, WOTS_PRF, key_pair, chain, 0),
        )
    }

    /// fors_skGen (Algorithm 14) of leaf `index` for the FORS key (`tree`, `key_pair`).
    pub fn fors_sk(
        p: Params,
        pk_seed: &[u8],
        sk_seed: &[u8],
        tree: u64,
        key_pair: u32,
        index: u32,
    ) -> Vec<u8> {
        prf(
            p,
            pk_seed,
            sk_seed,
            &adrs(0, tree, FORS_PRF, key_pair, 0, index),
        )
    }

    /// HMAC (RFC 2104) with SHA-256 or SHA-512.
    fn hmac(sha512: bool, key: &[u8], msg: &[&[u8]]) -> Vec<u8> {
        let block = if sha512 { 128 } else { 64 };
        let mut k = key.to_vec();
        k.resize(block, 0);
        let ipad: Vec<u8> = k.iter().map(|b| b ^ 0x36).collect();
        let opad: Vec<u8> = k.iter().map(|b| b ^ 0x5c).collect();
        let mut parts: Vec<&[u8]> = vec![&ipad];
        parts.extend_from_slice(msg);
        let hash = |parts: &[&[u8]]| {
            if sha512 {
                sha2::<Sha512>(parts)
            } else {
                sha2::<Sha256>(parts)
            }
        };
        let inner = hash(&parts);
        hash(&[&opad, &inner])
    }

    /// R = PRF_msg(SK.prf, opt_rand, M′) (§11.1, §11.2).
    pub fn r(p: Params, sk_prf: &[u8], opt_rand: &[u8], m_prime: &[u8]) -> Vec<u8> {
        if p.sha2 {
            hmac(p.n > 16, sk_prf, &[opt_rand, m_prime])[..p.n].to_vec()
        } else {
            shake256(&[sk_prf, opt_rand, m_prime], p.n)
        }
    }

    /// H_msg(R, PK.seed, PK.root, M′), m bytes (§11.1, §11.2).
    fn h_msg(p: Params, r: &[u8], pk_seed: &[u8], pk_root: &[u8], m_prime: &[u8]) -> Vec<u8> {
        let md_bytes = (p.k * p.a).div_ceil(8);
        let hp = p.h / p.d;
        let m = md_bytes + (p.h - hp).div_ceil(8) + hp.div_ceil(8);
        if !p.sha2 {
            return shake256(&[r, pk_seed, pk_root, m_prime], m);
        }
        let (inner, block) = if p.n > 16 {
            (sha2::<Sha512>(&[r, pk_seed, pk_root, m_prime]), true)
        } else {
            (sha2::<Sha256>(&[r, pk_seed, pk_root, m_prime]), false)
        };
        // MGF1 over R ‖ PK.seed ‖ inner.
        let mut out = Vec::new();
        let mut counter = 0u32;
        while out.len() < m {
            let c = counter.to_be_bytes();
            let parts: [&[u8]; 4] = [r, pk_seed, &inner, &c];
            out.extend(if block {
                sha2::<Sha512>(&parts)
            } else {
                sha2::<Sha256>(&parts)
            });
            counter += 1;
        }
        out.truncate(m);
        out
    }

    /// Where a signature on M′ with randomizer R signs (Algorithm 19 lines 5–13): idx_tree,
    /// idx_leaf and the FORS leaf indices, from H_msg.
    pub fn signing_position(
        p: Params,
        r: &[u8],
        pk_seed: &[u8],
        pk_root: &[u8],
        m_prime: &[u8],
    ) -> (u64, u32, Vec<u32>) {
        let digest = h_msg(p, r, pk_seed, pk_root, m_prime);
        let hp = p.h / p.d;
        let md_bytes = (p.k * p.a).div_ceil(8);
        let tree_bytes = (p.h - hp).div_ceil(8);
        let to_int = |b: &[u8]| b.iter().fold(0u64, |acc, &x| (acc << 8) | u64::from(x));
        let idx_tree =
            to_int(&digest[md_bytes..md_bytes + tree_bytes]) & (u64::MAX >> (64 - (p.h - hp)));
        let idx_leaf = (to_int(&digest[md_bytes + tree_bytes..]) & ((1 << hp) - 1)) as u32;
        // base_2b(md, a, k) (Algorithm 4): a bits at a time, most significant first.
        let mut indices = Vec::new();
        let (mut total, mut have) = (0u64, 0usize);
        let mut bytes = digest[..md_bytes].iter();
        while indices.len() < p.k {
            while have < p.a {
                total = (total << 8) | u64::from(*bytes.next().expect("enough bits"));
                have += 8;
            }
            have -= p.a;
            indices.push(((total >> have) & ((1 << p.a) - 1)) as u32);
        }
        (idx_tree, idx_leaf, indices)
    }
}
