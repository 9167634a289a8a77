#!/usr/bin/env bash
# Self-test of the constant-time check: it must fail when a leak is put in. For each case below,
# a scratch copy of the crate gets one secret-dependent operation injected, the harness is built
# against it and run on the algorithm concerned, and the case passes only if the check reports
# the leak at the injected file (memcheck stops at the first report).
#
#   ct/selftest.sh        (run by .ci/run after the real check; a few minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The crate without its vector files and build outputs; one scratch path for every case, so that
# only pqfips and the harness are rebuilt between cases.
tar -C "$root" --exclude=./.git --exclude=./kat --exclude='./*target' --exclude=./fuzz \
  -cf - . | tar -C "$scratch" -xf -
export CARGO_TARGET_DIR="$root/ct/target/selftest"
harness="$CARGO_TARGET_DIR/release/pqfips-ct"
failures=0

# inject FILE OLD NEW: replaces the one occurrence of OLD in a pristine copy of FILE.
inject() {
  cp "$root/$1" "$scratch/$1"
  OLD=$2 NEW=$3 perl -0pi -e '$n = s/\Q$ENV{OLD}\E/$ENV{NEW}/g; die "pattern found $n times\n" if $n != 1' \
    "$scratch/$1"
}

restore() { cp "$root/$1" "$scratch/$1"; }

# build_and_run ALGORITHM: builds the harness against the scratch copy and runs it on ALGORITHM.
build_and_run() {
  if ! cargo build --quiet --release --manifest-path "$scratch/ct/Cargo.toml" 2>"$scratch/build"; then
    cat "$scratch/build"
    echo "FAIL: the scratch copy with the injected code does not build"
    exit 1
  fi
  set +e
  valgrind --vex-guest-max-insns=30 --error-exitcode=1 --exit-on-first-error=yes --track-origins=yes "$harness" "$1" \
    >"$scratch/log" 2>&1
  status=$?
  set -e
}

# What memcheck says of a secret-dependent branch or of a memory address computed from a secret
# (which one depends on how the compiler translated the injected code).
report='Conditional jump or move depends on uninitialised|Use of uninitialised value'

# expect_memcheck WHAT FILE ALGORITHM: the harness run on ALGORITHM must fail with a memcheck
# report whose stack names FILE.
expect_memcheck() {
  local what=$1 file=$2
  build_and_run "$3"
  if [ "$status" -eq 1 ] && grep -qE "$report" "$scratch/log" \
    && grep -qE "[(/]${file##*/}:[0-9]+\)" "$scratch/log"; then
    echo "ok: memcheck caught it (exit $status). First report:"
    grep -m1 -A5 -E "$report" "$scratch/log" | sed 's/^==[0-9]*== /    /'
  else
    echo "FAIL: $what was not reported (exit $status)"
    tail -20 "$scratch/log"
    failures=$((failures + 1))
  fi
}

echo "-- case 1: an if on the implicit-rejection decision (Decaps steps 9-11)"
inject src/ml_kem/kem.rs \
  '*out = u8::conditional_select(k_bar, k, equal);' \
  '*out = if bool::from(equal) { *k } else { *k_bar };'
expect_memcheck "the branch" src/ml_kem/kem.rs ml-kem
restore src/ml_kem/kem.rs

echo "-- case 2: a table lookup indexed by secret noise bits (SamplePolyCBD, eta = 2)"
inject src/ml_kem/sample.rs \
  'let a = (d >> (4 * j)) & 3;' \
  'let a = core::hint::black_box(&[0u32, 1, 2, 3])[((d >> (4 * j)) & 3) as usize];'
expect_memcheck "the secret index" src/ml_kem/sample.rs ml-kem
restore src/ml_kem/sample.rs

echo "-- case 4: an early exit from ML-DSA's norm check (which coefficient failed, and when)"
inject src/lattice/backend/portable.rs \
  'a.iter().fold(0, |acc, &c| acc | at_least(c, bound))' \
  'u32::from(a.iter().any(|&c| c.abs() >= bound))'
expect_memcheck "the early exit" src/lattice/backend/portable.rs ml-dsa
restore src/lattice/backend/portable.rs

echo "-- case 5: a branch on a byte of a FORS secret value (SLH-DSA signing, fors_skGen's output)"
inject src/slh_dsa/fors.rs \
  'sk_gen::<P>(hs, sk_seed, adrs, base + first, sk);' \
  'sk_gen::<P>(hs, sk_seed, adrs, base + first, sk);
                if sk[0][0] == 0 {
                    core::hint::black_box(&sk);
                }'
expect_memcheck "the branch" src/slh_dsa/fors.rs slh-dsa-f
restore src/slh_dsa/fors.rs

echo "-- case 8: the X25519 all-zero check (TLS hybrid groups) branching on the undeclassified secret"
inject src/hybrid/ecdh.rs \
  'crate::ct::declassify(&mut zero);' \
  ''
expect_memcheck "the branch" src/hybrid/ecdh.rs tls-groups
restore src/hybrid/ecdh.rs

# A 32-bit division: for 64-bit operands the compiler adds a branch (a fast path for small
# values) that memcheck would report, but the DIV instruction itself it never reports.
echo "-- case 3: Compress by a 32-bit division, the KyberSlash leak (invisible to memcheck)"
inject src/lattice/backend/portable.rs \
  '*c = F::from_i32((((n * m) >> 36) & mask) as i32);' \
  '*c = F::from_i32(((n as u32 / core::hint::black_box(q as u32)) as u64 & mask) as i32);'
build_and_run ml-kem
echo "   memcheck exit status: $status (0: memcheck does not see a division, as documented)"
if scan=$("$root/ct/no-division.sh" "$harness"); then
  echo "FAIL: the division scan did not find the injected division"
  failures=$((failures + 1))
elif grep -q "backend/portable.rs" <<<"$scan"; then
  echo "ok: the division scan caught it:"
  grep -m1 -B1 "div" <<<"$scan" | sed 's/^/    /'
else
  echo "FAIL: the division scan failed elsewhere than the injected line:"
  echo "$scan"
  failures=$((failures + 1))
fi
restore src/lattice/backend/portable.rs

# Two leaks planted in the AVX-512 Keccak kernels, which valgrind cannot run (and this CPU may
# not have): a round taken or not on a bit of the state, and a table lookup indexed by state bits.
echo "-- case 6: a secret branch and a secret table index in the AVX-512 kernels (invisible to memcheck)"
inject src/hash/multi_keccak/avx512vl.rs \
  '    keccak_rounds!(&mut a);' \
  '    if state[0][0] & 1 == 1 {
        keccak_round!(&mut a, 0);
    }
    keccak_rounds!(&mut a);'
inject src/hash/multi_keccak/avx512.rs \
  '    keccak_rounds!(&mut a);' \
  '    a[1] = xor(a[1], rc((state[0][0] & 7) as usize));
    keccak_rounds!(&mut a);'
build_and_run multi-keccak
echo "   memcheck exit status: $status (0: valgrind does not run the AVX-512 kernels)"
if scan=$("$root/ct/simd-kernels.sh" "$harness"); then
  echo "FAIL: the SIMD kernel scan did not find the planted branch and index"
  failures=$((failures + 1))
elif grep -A1 'multi_keccak::avx512vl::f1600_x4' <<<"$scan" | grep -q 'conditional branch' \
  && grep -A1 'multi_keccak::avx512::f1600_x8' <<<"$scan" | grep -q 'indexed memory operand'; then
  echo "ok: the SIMD kernel scan caught both:"
  grep -m1 -B1 'conditional branch' <<<"$scan" | sed 's/^/    /'
  grep -m1 -B1 'indexed memory operand' <<<"$scan" | sed 's/^/    /'
else
  echo "FAIL: the SIMD kernel scan failed, but not on both planted leaks:"
  echo "$scan"
  failures=$((failures + 1))
fi
restore src/hash/multi_keccak/avx512vl.rs
restore src/hash/multi_keccak/avx512.rs

# The same for the AVX-512 lattice kernels: a branch on a coefficient in a kernel without a loop,
# and a forward branch in one whose loop back edges the scan allows (it must still be caught).
echo "-- case 6b: secret branches in the AVX-512 lattice kernels, one in a kernel with a loop"
inject src/lattice/backend/avx512.rs \
  '    let q = _mm512_set1_epi16(Q16);
    map16(a, |v| {
        _mm512_add_epi16(v, _mm512_and_si512(_mm512_srai_epi16(v, 15), q))' \
  '    if a[0] & 1 == 1 {
        ntt16(a);
    }
    let q = _mm512_set1_epi16(Q16);
    map16(a, |v| {
        _mm512_add_epi16(v, _mm512_and_si512(_mm512_srai_epi16(v, 15), q))'
OLD='    let mut r = load16(a);
    ntt16_layer::<4>(&mut r, 1);' NEW='    let mut r = load16(a);
    if a[5] & 1 == 1 {
        ntt16_layer::<1>(&mut r, 4);
    }
    ntt16_layer::<4>(&mut r, 1);' perl -0pi -e '$n = s/\Q$ENV{OLD}\E/$ENV{NEW}/g; die "pattern found $n times\n" if $n != 1' \
  "$scratch/src/lattice/backend/avx512.rs"
build_and_run multi-keccak
if scan=$("$root/ct/simd-kernels.sh" "$harness"); then
  echo "FAIL: the SIMD kernel scan did not find the planted branches"
  failures=$((failures + 1))
elif grep -A1 'lattice::backend::avx512::canonicalize16' <<<"$scan" | grep -q 'conditional branch' \
  && grep -A1 'lattice::backend::avx512::ntt16' <<<"$scan" | grep -q 'conditional branch'; then
  echo "ok: the SIMD kernel scan caught both:"
  grep -A1 -E 'avx512::(canonicalize16|ntt16)' <<<"$scan" | grep -m2 -B1 'conditional branch' | sed 's/^/    /'
else
  echo "FAIL: the SIMD kernel scan failed, but not on both planted branches:"
  echo "$scan"
  failures=$((failures + 1))
fi
restore src/lattice/backend/avx512.rs

# The SHA-2 kernels memcheck never runs: the AVX-512 16-lane one (on the loops list, so only its
# round loop's back edge is allowed) and the SHA-NI two-lane one.
echo "-- case 6c: secret branches in the SHA-2 kernels memcheck never runs (AVX-512 x16, SHA-NI x2)"
inject src/hash/sha2_mb/avx512.rs \
  '        let mut s = load_states(lanes);
        sha2_compress!(s, w, K256);' \
  '        let mut s = load_states(lanes);
        if lanes[3].block[7] & 1 == 1 {
            sha2_compress!(s, w, K256);
        }
        sha2_compress!(s, w, K256);'
inject src/hash/sha2_mb/sha_ni.rs \
  '    compress2(&mut s, [load_block(&x.block), load_block(&y.block)]);' \
  '    if x.block[5] & 1 == 1 {
        compress2(&mut s, [load_block(&y.block), load_block(&x.block)]);
    }
    compress2(&mut s, [load_block(&x.block), load_block(&y.block)]);'
build_and_run multi-keccak
if scan=$("$root/ct/simd-kernels.sh" "$harness"); then
  echo "FAIL: the SIMD kernel scan did not find the planted branches"
  failures=$((failures + 1))
elif grep -A1 'sha2_mb::avx512::sha256::compress' <<<"$scan" | grep -q 'conditional branch' \
  && grep -A1 'sha2_mb::sha_ni::compress' <<<"$scan" | grep -q 'conditional branch'; then
  echo "ok: the SIMD kernel scan caught both:"
  grep -A1 -E 'sha2_mb::(avx512::sha256|sha_ni)::compress' <<<"$scan" | grep -m2 -B1 'conditional branch' | sed 's/^/    /'
else
  echo "FAIL: the SIMD kernel scan failed, but not on both planted branches:"
  echo "$scan"
  failures=$((failures + 1))
fi
restore src/hash/sha2_mb/avx512.rs
restore src/hash/sha2_mb/sha_ni.rs

echo "-- case 7: a round taken on a secret bit of the state in the AVX2 Keccak kernel"
inject src/hash/multi_keccak/avx2.rs \
  '    permute(&mut a);
    for (row, lane) in state.iter_mut().zip(a) {' \
  '    permute(&mut a);
    if state[0][0] & 1 == 1 {
        permute(&mut a);
    }
    for (row, lane) in state.iter_mut().zip(a) {'
expect_memcheck "the branch" src/hash/multi_keccak/avx2.rs multi-keccak
restore src/hash/multi_keccak/avx2.rs

if [ "$failures" -ne 0 ]; then
  echo "constant-time self-test: $failures case(s) not caught"
  exit 1
fi
echo "constant-time self-test: every injected leak was caught"
