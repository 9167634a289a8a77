#!/usr/bin/env bash
# What memcheck cannot run, checked in the binary: the SIMD kernels. valgrind 3.19 executes AVX2
# but not AVX-512 (nor SHA-NI), so the AVX-512 kernels never meet memcheck; and a CPU without
# AVX-512 (CI's, perhaps) never runs them at all. They are therefore written straight-line, and
# this scan holds them to it: no conditional branch and no memory operand indexed by a register
# in any function of a kernel module, whatever data it works on. The AVX2 kernels, which share
# their source with the AVX-512 ones, are held to the same rule. Two lists below relax it, each
# entry with its reason: kernels that work on public data only (`allowed`), and kernels with a
# loop over the polynomial whose back edge and counter are allowed but nothing else (`loops`).
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
  'pqfips::lattice::backend::avx2::'
  'pqfips::lattice::backend::avx512::'
  'pqfips::hash::sha2_mb::avx2::'
  'pqfips::hash::sha2_mb::avx512::'
  'pqfips::hash::sha2_mb::sha_ni::'
)

# Functions allowed a conditional branch or an indexed memory operand, because they branch or
# index on public data only: a name (as above, a substring of the demangled name), a tab, and
# the reason, which must be given.
allowed=(
  $'pqfips::lattice::backend::avx2::rej_uniform16\trejection sampling of Â: branches on the public samples and indexes its shuffle table by their accept mask'
  $'pqfips::lattice::backend::avx2::rej_uniform32\trejection sampling of Â: branches on the public samples and indexes its shuffle table by their accept mask'
  $'pqfips::hash::sha2_mb::avx2::sha256::f_chains\tthe round counter, K[t], and the chain lengths, which are public (FIPS 205: from the digest, or w − 1 in key generation)'
  $'pqfips::hash::sha2_mb::avx512::sha256::f_chains\tthe round counter, K[t], and the chain lengths, which are public (FIPS 205: from the digest, or w − 1 in key generation)'
  $'pqfips::hash::sha2_mb::sha_ni::f_chains\tthe round counter, K[t], and the chain lengths, which are public (FIPS 205: from the digest, or w − 1 in key generation)'
)

# Functions with a loop the compiler kept: a fixed number of passes over a polynomial (or over an
# NTT layer's blocks, or over SHA-2's groups of 16 rounds), counted by a register that also
# indexes the coefficients (or the round constants). In these, a
# conditional branch back to an earlier address (the loop's back edge) and a memory operand
# indexed by a register are allowed; a forward conditional branch still fails. Same format as
# `allowed`; the reason says what the counter counts.
loops=(
  $'pqfips::lattice::backend::avx2::base_mul16\t16 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx2::compress16\t16 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx2::pointwise32\t8 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx2::reduce32\t8 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx2::ntt16\tthe blocks of an NTT layer, over the registers spilled to the stack'
  $'pqfips::lattice::backend::avx2::ntt32\tthe blocks of an NTT layer, over the registers spilled to the stack'
  $'pqfips::lattice::backend::avx2::inv_ntt16\tthe blocks of an NTT layer, over the registers spilled to the stack'
  $'pqfips::lattice::backend::avx2::inv_ntt32\tthe blocks of an NTT layer, over the registers spilled to the stack'
  $'pqfips::lattice::backend::avx512::base_mul16\t32 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx512::pointwise32\t16 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx512::reduce32\t16 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx512::ntt16\tthe blocks of an NTT layer'
  $'pqfips::lattice::backend::avx512::ntt32\tthe blocks of an NTT layer'
  $'pqfips::lattice::backend::avx512::inv_ntt16\tthe blocks of an NTT layer'
  $'pqfips::lattice::backend::avx512::inv_ntt32\tthe blocks of an NTT layer'
  $'pqfips::lattice::backend::avx2::power2round\t8 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx2::high_bits\t8 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx2::low_bits\t8 coefficients per pass over the 256'
  $'pqfips::lattice::backend::avx2::make_hint\t8 coefficients per pass over the 256; the hint word it ORs into is the pass number / 8'
  $'pqfips::lattice::backend::avx2::use_hint\t8 coefficients per pass over the 256 (verification: public values)'
  $'pqfips::hash::sha2_mb::avx2::sha256::compress\tthe 64 rounds in groups of 16, reading K[t] by the round counter (kept rolled: unrolled, 64 or 80 rounds of 8 or 16 lanes are several times the code for no gain)'
  $'pqfips::hash::sha2_mb::avx2::sha512::compress\tthe 80 rounds, reading K[t] by the round counter'
  $'pqfips::hash::sha2_mb::avx512::sha256::compress\tthe 64 rounds, reading K[t] by the round counter'
  $'pqfips::hash::sha2_mb::avx512::sha512::compress\tthe 80 rounds, reading K[t] by the round counter'
  $'pqfips::hash::sha2_mb::sha_ni::compress\tthe 64 rounds, reading K[t] by the round counter'
)

objdump -d -C --no-show-raw-insn "$bin" | awk \
  -v modules="$(printf '%s\n' "${modules[@]}")" \
  -v allowed="$(printf '%s\n' "${allowed[@]}")" \
  -v loops="$(printf '%s\n' "${loops[@]}")" '
  # Reads "name<TAB>reason" lines into names[]; fails on an entry without a reason.
  function entries(text, names,    n, i, lines, parts) {
    n = split(text, lines, "\n")
    for (i = 1; i <= n; i++) {
      if (lines[i] == "") continue
      if (split(lines[i], parts, "\t") != 2 || parts[2] == "") {
        printf "FAIL: allow-list entry without a reason: %s\n", lines[i]; bad = 1; exit 1
      }
      names[i] = parts[1]
    }
    return n
  }
  # Hex addresses as objdump prints them, compared as equal-length strings.
  function pad(hex) { return sprintf("%16s", hex) }
  BEGIN {
    nm = split(modules, mod, "\n")
    na = entries(allowed, allow_name)
    nl = entries(loops, loop_name)
  }
  /^[0-9a-f]+ <.*>:$/ {
    fn = $0; checked = 0; exempt = 0; looping = 0
    for (i = 1; i <= nm; i++) if (mod[i] != "" && index(fn, mod[i])) { checked = 1; found[i]++ }
    for (i = 1; i <= na; i++) if (allow_name[i] != "" && index(fn, allow_name[i])) exempt = 1
    for (i = 1; i <= nl; i++) if (loop_name[i] != "" && index(fn, loop_name[i])) looping = 1
    if (checked && exempt) skipped++
    if (checked && !exempt) functions++
    if (checked && !exempt && looping) loop_functions++
    next
  }
  checked && !exempt {
    instructions++
    # Conditional jumps (every jcc, jrcxz and the loop family; jmp is unconditional).
    if ($0 ~ /\t(j[a-z]+|loop[a-z]*)[ \t]/ && $0 !~ /\tjmp[ \t]/) {
      here = $1; sub(/:$/, "", here)
      back = looping && $3 ~ /^[0-9a-f]+$/ && pad($3) < pad(here)
      if (!back) { printf "%s\n  conditional branch: %s\n", fn, $0; bad = 1 }
    }
    # A memory operand with an index register: base,index[,scale] inside the parentheses.
    if (!looping && $0 ~ /\([^)]*,%[a-z0-9]+[^)]*\)/) {
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
    if (loop_functions) printf " (but the back edges and counters of %d loops)", loop_functions
    if (skipped) printf " (%d allow-listed functions not checked)", skipped
    printf "\n"
  }'
