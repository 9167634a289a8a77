#!/usr/bin/env bash
# The AVX-512 kernels on a CPU without AVX-512: each SIMD kernel of the binary runs under Bochs
# (bochscpu-python, which emulates AVX-512), and its results are compared with a reference
# written from FIPS 202 in Python. The AVX2 kernels run too, so that the emulation is itself
# checked against kernels that the native tests also check.
#
#   tests/emulated/run.sh target/release/examples/keccak [CASES]
#   tests/emulated/run.sh TEST-BINARY CASES sha2_kernels.py   (the multi-buffer SHA-2 kernels,
#                                                              against FIPS 180-4 in Python)
#   tests/emulated/run.sh TEST-BINARY CASES lattice_kernels.py (the AVX-512 lattice kernels, beside
#                                                              their AVX2 twins and FIPS 203/204)
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
bin=$1
cases=${2:-100}
script=${3:-simd_kernels.py}
venv=${TMPDIR:-/tmp}/pqfips-bochscpu
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check bochscpu-python==0.4.0
gcc -shared -fPIC -O2 -o "$venv/isoc23.so" "$dir/isoc23.c"
LD_PRELOAD="$venv/isoc23.so" "$venv/bin/python" "$dir/$script" "$bin" "$cases"
