#!/usr/bin/env bash
# What memcheck cannot see, checked in the binary: an instruction whose time depends on its
# operands. On x86-64 that is integer division (DIV/IDIV, the KyberSlash leak); multiplication,
# shifts and conditional moves are constant-time. The library divides nothing at run time by
# design (Compress multiplies and shifts), so no DIV/IDIV may appear in any function of pqfips,
# of the hash crates, of the curve crates the hybrids use, or of the harness into which their
# code was inlined.
#
#   ct/no-division.sh ct/target/release/pqfips-ct
set -euo pipefail
bin=$1
objdump -d -C -l --no-show-raw-insn "$bin" | awk '
  /^[0-9a-f]+ <.*>:$/   { fn = $0; ours = ($0 ~ /pqfips|keccak|sha3|shake|sha2|curve25519|x25519|p256|p384|primeorder|primefield|elliptic_curve|crypto_bigint/); line = "" }
  /^\/[^ ]*:[0-9]+/     { line = $1 }
  ours && /\t(i?div)[bwlq]?[ \t]/ { printf "%s\n  %s  %s\n", fn, line, $0; found = 1 }
  END {
    if (found) { print "FAIL: division instruction in pqfips code (above)"; exit 1 }
    print "no division instruction in the code of pqfips, its hash crates or its curve crates"
  }'
