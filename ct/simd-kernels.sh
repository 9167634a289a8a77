#!/usr/bin/env bash
# What memcheck cannot run, checked in the binary: the SIMD kernels. valgrind 3.19 executes AVX2
# but not AVX-512 (nor SHA-NI), so the AVX-512 kernels never meet memcheck; and a CPU without
# AVX-512 (CI's, perhaps) never runs them at all. They are therefore written straight-line, and
# this scan holds them to it: no conditional branch and no memory operand indexed by a register
# in any function of a kernel module, whatever data it works on. The AVX2 kernels, which share
# their source with the AVX-512 ones, are held to the same rule.
#
#   ct/simd-kernels.sh ct/target/release/pqfips-ct
#
# A function is checked when its demangled name contains one of the module paths below, which
# covers the kernels, the helpers and closures that were not inlined into them, and generic code
# instantiated for them. Each module must have at least one function in the binary: a module
# that was not linked in would pass vacuously.
set -euo pipefail
bin=$1

# The SIMD kernel modules, one line each.
modules=(
  'pqfips::hash::multi_keccak::avx2::'
  'pqfips::hash::multi_keccak::avx512::'
  'pqfips::hash::multi_keccak::avx512vl::'
  'pqfips::hash::sha2_mb::avx2::'
  'pqfips::hash::sha2_mb::avx512::'
  'pqfips::hash::sha2_mb::sha_ni::'
)

# Functions allowed a conditional branch or an indexed memory operand, because they branch or
# index on public data only: a name (as above, a substring of the demangled name), a tab, and
# the reason, which must be given; an entry reads
#   $'pqfips::some::avx2::kernel\tindexes a table by the accept mask of public samples'
# The multi-buffer SHA-2 kernels keep their round loops rolled (unrolled, 64 or 80 rounds of
# 8 or 16 lanes would be several times the code for no gain): they branch on the round counter
# and read the round constants K by it, and the chain kernels also on the chain lengths, which
# are public (FIPS 205: from the digest in signing and verification, w − 1 in key generation).
# The AVX2 ones run under memcheck as well, with secret inputs.
allowed=(
  $'pqfips::hash::sha2_mb::avx2::sha256::compress\tthe round counter and K[t]: constants'
  $'pqfips::hash::sha2_mb::avx2::sha512::compress\tthe round counter and K[t]: constants'
  $'pqfips::hash::sha2_mb::avx512::sha256::compress\tthe round counter and K[t]: constants'
  $'pqfips::hash::sha2_mb::avx512::sha512::compress\tthe round counter and K[t]: constants'
  $'pqfips::hash::sha2_mb::sha_ni::compress\tthe round counter and K[t]: constants'
  $'pqfips::hash::sha2_mb::avx2::sha256::f_chains\tthe round counter, K[t], public chain lengths'
  $'pqfips::hash::sha2_mb::avx512::sha256::f_chains\tthe round counter, K[t], public chain lengths'
  $'pqfips::hash::sha2_mb::sha_ni::f_chains\tthe round counter, K[t], public chain lengths'
  $'pqfips::hash::sha2_mb::avx512::sha256::load_blocks\tthe transpose stages: a constant count'
  $'pqfips::hash::sha2_mb::avx512::sha256::store_blocks\tthe transpose stages: a constant count'
)

objdump -d -C --no-show-raw-insn "$bin" | awk \
  -v modules="$(printf '%s\n' "${modules[@]}")" \
  -v allowed="$(printf '%s\n' "${allowed[@]}")" '
  BEGIN {
    nm = split(modules, mod, "\n")
    na = split(allowed, allow, "\n")
    for (i = 1; i <= na; i++) {
      if (allow[i] == "") continue
      if (split(allow[i], parts, "\t") != 2 || parts[2] == "") {
        printf "FAIL: allow-list entry without a reason: %s\n", allow[i]; bad = 1; exit 1
      }
      allow_name[i] = parts[1]
    }
  }
  /^[0-9a-f]+ <.*>:$/ {
    fn = $0; checked = 0; exempt = 0
    for (i = 1; i <= nm; i++) if (mod[i] != "" && index(fn, mod[i])) { checked = 1; found[i]++ }
    for (i = 1; i <= na; i++) if (allow_name[i] != "" && index(fn, allow_name[i])) exempt = 1
    if (checked && exempt) skipped++
    if (checked && !exempt) functions++
    next
  }
  checked && !exempt {
    instructions++
    # Conditional jumps (every jcc, jrcxz and the loop family; jmp is unconditional).
    if ($0 ~ /\t(j[a-z]+|loop[a-z]*)[ \t]/ && $0 !~ /\tjmp[ \t]/) {
      printf "%s\n  conditional branch: %s\n", fn, $0; bad = 1
    }
    # A memory operand with an index register: base,index[,scale] inside the parentheses.
    if ($0 ~ /\([^)]*,%[a-z0-9]+[^)]*\)/) {
      printf "%s\n  indexed memory operand: %s\n", fn, $0; bad = 1
    }
  }
  END {
    for (i = 1; i <= nm; i++) if (mod[i] != "" && !found[i]) {
      printf "FAIL: no function of %s in the binary (not linked in: the check would be vacuous)\n", mod[i]
      bad = 1
    }
    if (bad) { print "FAIL: a SIMD kernel branches or indexes memory by a register (above)"; exit 1 }
    printf "SIMD kernels: %d functions, %d instructions, no conditional branch or indexed memory operand", functions, instructions
    if (skipped) printf " (%d allow-listed functions not checked)", skipped
    printf "\n"
  }'
