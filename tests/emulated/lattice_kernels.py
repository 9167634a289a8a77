r"""Runs the AVX-512 lattice kernels of a pqfips binary under Bochs, each beside its AVX2 twin.

The native tests check every AVX2 kernel against the portable backend on this CPU; no CI CPU has
AVX-512, so the kernels of src/lattice/backend/avx512.rs run only here. Each is called in the
emulated machine of `simd_kernels.py` (through `sha2_kernels.Machine`, pointer arguments in rdi,
rsi, rdx, rcx) on the same inputs as its AVX2 twin, and the two must leave identical bytes in
every argument (and write none past them). Independently, each result is checked against
FIPS 203 / FIPS 204 in Python: exactly where the kernel's output is a unique representative
(the forward NTTs' centred output, reduce, canonicalize), modulo q where it is only bounded
(inverse NTT, products, mul_r). And each AVX-512 kernel may write no more stack below its
return address than its entry call in src/simd/lattice.rs zeroes after it (`wipe::spills`):
the frames of the NTTs hold spilled lanes of secret polynomials, and the residue test that
checks this natively (tests/residue/) cannot run AVX-512.

Inputs: random polynomials within each kernel's documented bounds, a quarter of them made of
edge values (0, ±1, the bounds, ±q, ±(q − 1), the values around ±q/2), plus the all-zero,
all-maximum and all-minimum polynomials. The kernels are read from the source: a kernel defined
there that this script does not know, or whose symbol is not in the binary (renamed, inlined),
fails the run. The kernels the module re-exports from the AVX2 backend are the AVX2 functions
themselves (one symbol, which the native tests run); the script checks that list too, so a new
AVX-512 kernel cannot slip in there.

    cargo test --release --lib --no-run
    tests/emulated/run.sh target/release/deps/pqfips-HASH CASES lattice_kernels.py

Proof that it fails: in a scratch copy of the repository, plant two wrong constants in
src/lattice/backend/avx512.rs, one that shows only on some inputs (the rounding term of
`reduce16_vec`) and one that shows on almost all (`inv_ntt32`'s last twiddle), and build:

    sed -i 's/_mm512_set1_epi16(1 << 9)/_mm512_set1_epi16((1 << 9) - 1)/;
            s/mont_mul(scale, Q8380417::ZETAS\[1\])/mont_mul(scale, Q8380417::ZETAS[2])/' \
        src/lattice/backend/avx512.rs
    cargo test --release --lib --no-run

This script on that binary reports ntt16, inv_ntt16, reduce16 (which use `reduce16_vec`) and
inv_ntt32 as differing from their AVX2 twins, passes the other ten, and exits 1.
"""

import os
import random
import re
import struct
import subprocess
import sys

import simd_kernels
import sha2_kernels

N = 256
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src")
SOURCE = os.path.join(SRC, "lattice", "backend", "avx512.rs")
ENTRIES = os.path.join(SRC, "simd", "lattice.rs")
SPAN = 8192  # bytes of stack below the return address watched for a kernel's frame
# What avx512.rs takes from the AVX2 backend (sampling, compression, rounding: see its docs).
REEXPORTED = {"compress16", "decompose", "decompress16", "high_bits", "low_bits", "make_hint",
              "norm_at_least", "power2round", "rej_uniform16", "rej_uniform32", "use_hint"}


class Field:
    """Z_q with the NTT of FIPS 203 (q = 3329, 7 layers) or FIPS 204 (q = 8380417, 8 layers)."""

    def __init__(self, q, zeta, layers, bits):
        self.q, self.layers, self.bits, self.r = q, layers, bits, 1 << bits
        self.zetas = [pow(zeta, int(f"{i:0{layers}b}"[::-1], 2), q) for i in range(1 << layers)]
        # FIPS 203 Algorithm 12: γᵢ = ζ^(2·BitRev7(i) + 1).
        self.gammas = [pow(zeta, 2 * int(f"{i:07b}"[::-1], 2) + 1, q) for i in range(128)]

    def centred(self, x):
        x %= self.q
        return x - self.q if x > self.q // 2 else x

    def ntt(self, f):
        """FIPS 203 Algorithm 9, FIPS 204 Algorithm 41."""
        f, i, length = [x % self.q for x in f], 1, N // 2
        while length >= 1 << (8 - self.layers):
            for start in range(0, N, 2 * length):
                z, i = self.zetas[i], i + 1
                for j in range(start, start + length):
                    t = z * f[j + length] % self.q
                    f[j], f[j + length] = (f[j] + t) % self.q, (f[j] - t) % self.q
            length //= 2
        return f

    def inv_ntt(self, f):
        """FIPS 203 Algorithm 10, FIPS 204 Algorithm 42."""
        f, i, length = [x % self.q for x in f], (1 << self.layers) - 1, 1 << (8 - self.layers)
        while length <= N // 2:
            for start in range(0, N, 2 * length):
                z, i = self.zetas[i], i - 1
                for j in range(start, start + length):
                    t = f[j]
                    u = f[j + length]
                    f[j], f[j + length] = (t + u) % self.q, z * (u - t) % self.q
            length *= 2
        scale = pow(1 << self.layers, -1, self.q)
        return [x * scale % self.q for x in f]

    def multiply_ntts(self, a, b):
        """FIPS 203 Algorithms 11 and 12; FIPS 204's coefficient-wise product."""
        if self.layers == 8:
            return [x * y % self.q for x, y in zip(a, b)]
        c = []
        for i in range(128):
            a0, a1, b0, b1 = a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1]
            c += [(a0 * b0 + a1 * b1 * self.gammas[i]) % self.q, (a0 * b1 + a1 * b0) % self.q]
        return c

    def check_reference(self, rng):
        """NTT⁻¹(NTT(f)) = f, and NTT(f·g) = MultiplyNTTs(NTT(f), NTT(g)) in Z_q[X]/(X²⁵⁶ + 1)."""
        f = [rng.randrange(self.q) for _ in range(N)]
        g = [rng.randrange(self.q) for _ in range(N)]
        assert self.inv_ntt(self.ntt(f)) == f, f"the NTT reference, q = {self.q}"
        fg = [0] * N
        for i, x in enumerate(f):
            for j, y in enumerate(g):
                k = i + j
                fg[k % N] += x * y if k < N else -x * y
        assert self.ntt(fg) == self.multiply_ntts(self.ntt(f), self.ntt(g)), \
            f"the MultiplyNTTs reference, q = {self.q}"


KEM = Field(3329, 17, 7, 16)
DSA = Field(8380417, 1753, 8, 32)


def poly(rng, case, lo, hi, extra=()):
    """Case 0 all zero, 1 all `hi`, 2 all `lo`; then one in four made of edge values (the
    bounds, 0, ±1, the `extra` ones within the bounds), the rest uniform."""
    if case < 3:
        return [[0, hi, lo][case]] * N
    if case % 4 == 3:
        values = sorted({lo, lo + 1, -1, 0, 1, hi - 1, hi, *(e for e in extra if lo <= e <= hi)})
        return [rng.choice(values) for _ in range(N)]
    return [rng.randint(lo, hi) for _ in range(N)]


def edges(q):
    """±(q − 1), ±q, and the values around ±q/2, where a centred reduction changes sides."""
    return [s * (q // 2 + d) for s in (1, -1) for d in (-1, 0, 1)] + [q - 1, 1 - q, q, -q]


def congruent(field, got, want):
    return all((x - y) % field.q == 0 for x, y in zip(got, want))


# The checks against FIPS 203/204: each takes a kernel's arguments before and after the call
# and returns what is wrong, or None.
def ntt_check(field):
    def check(inputs, outputs):
        [a], [out] = inputs, outputs
        if out != [field.centred(x) for x in field.ntt(a)]:
            return "not the centred NTT"
    return check


def inv_ntt_check(field):
    def check(inputs, outputs):
        [a], [out] = inputs, outputs
        if not all(abs(x) < field.q for x in out):
            return "|c| ≥ q"
        if not congruent(field, out, [x * field.r for x in field.inv_ntt(a)]):
            return "not R·NTT⁻¹"
    return check


def product_check(field):
    def check(inputs, outputs):
        acc, a, b = inputs[:3]
        want = [c + p * pow(field.r, -1, field.q) for c, p in zip(acc, field.multiply_ntts(a, b))]
        if outputs[1:] != inputs[1:]:
            return "an input changed"
        if not congruent(field, outputs[0], want):
            return "not acc + MultiplyNTTs(a, b)·R⁻¹"
    return check


def cache_check(inputs, outputs):
    [b, _], [b_after, cache] = inputs, outputs
    want = [x if j % 2 == 0 else x * KEM.gammas[j // 2] for j, x in enumerate(b)]
    if b_after != b or cache[0::2] != b[0::2]:
        return "b, or an even coefficient, changed"
    if not all(abs(x) < KEM.q for x in cache) or not congruent(KEM, cache, want):
        return "odd coefficients not b₂ᵢ₊₁·γᵢ with |c| < q"


def map_check(field, want, exact):
    def check(inputs, outputs):
        [a], [out] = inputs, outputs
        expect = [want(x) for x in a]
        if exact:
            return None if out == expect else "not the unique representative"
        if not all(abs(x) < field.q for x in out) or not congruent(field, out, expect):
            return "|c| ≥ q, or not congruent"
    return check


def cached_inputs(rng, case):
    """acc, a, b, and the cache of b as `base_mul_cache16` leaves it (any representative
    of b₂ᵢ₊₁·γᵢ with |c| < q in the odd coefficients)."""
    acc = poly(rng, case, -2 * KEM.q, 2 * KEM.q)
    a = poly(rng, case, 1 - KEM.q, KEM.q - 1, edges(KEM.q))
    b = poly(rng, case + 1, 1 - KEM.q, KEM.q - 1, edges(KEM.q))

    def representative(x):
        r = x % KEM.q
        return r - KEM.q if r and rng.randrange(2) else r

    cache = [x if j % 2 == 0 else representative(x * KEM.gammas[j // 2]) for j, x in enumerate(b)]
    return [acc, a, b, cache]


def inputs_of(field, *bounds):
    """Generators for arguments within `bounds` (each (lo, hi)), with the field's edges."""
    def gen(rng, case):
        return [poly(rng, case + i, lo, hi, edges(field.q)) for i, (lo, hi) in enumerate(bounds)]
    return gen


Q16, Q32 = KEM.q, DSA.q
I16 = (-(1 << 15), (1 << 15) - 1)
REDUCE32 = (-((1 << 31) - 1 - (1 << 22)), (1 << 31) - 1 - (1 << 22))
KERNELS = {
    # name: (field, coefficient format, generator of the arguments, check)
    # The forward NTTs up to |c| = q: the portable code's bound (|c| grows by q per layer from
    # q, 8q < 2^15 after 7 layers, 9q < 2^31 after 8) holds there too.
    "ntt16": (KEM, "h", inputs_of(KEM, (-Q16, Q16)), ntt_check(KEM)),
    "inv_ntt16": (KEM, "h", inputs_of(KEM, (-(Q16 // 2), Q16 // 2)), inv_ntt_check(KEM)),
    "base_mul16": (KEM, "h", inputs_of(KEM, (-4 * Q16, 4 * Q16), (1 - Q16, Q16 - 1),
                                       (1 - Q16, Q16 - 1)), product_check(KEM)),
    "base_mul_cache16": (KEM, "h", lambda rng, case: inputs_of(KEM, (1 - Q16, Q16 - 1))(rng, case)
                         + [[rng.randint(*I16) for _ in range(N)]], cache_check),
    "base_mul_cached16": (KEM, "h", cached_inputs, product_check(KEM)),
    "reduce16": (KEM, "h", inputs_of(KEM, I16), map_check(KEM, KEM.centred, True)),
    "mul_r16": (KEM, "h", inputs_of(KEM, I16), map_check(KEM, lambda x: x * KEM.r, False)),
    "canonicalize16": (KEM, "h", inputs_of(KEM, (1 - Q16, Q16 - 1)),
                       map_check(KEM, lambda x: x % Q16, True)),
    "ntt32": (DSA, "i", inputs_of(DSA, (-Q32, Q32)), ntt_check(DSA)),
    "inv_ntt32": (DSA, "i", inputs_of(DSA, (-(Q32 // 2), Q32 // 2)), inv_ntt_check(DSA)),
    "pointwise32": (DSA, "i", inputs_of(DSA, (-6 * Q32, 6 * Q32), (1 - Q32, Q32 - 1),
                                        (1 - Q32, Q32 - 1)), product_check(DSA)),
    "reduce32": (DSA, "i", inputs_of(DSA, REDUCE32), map_check(DSA, DSA.centred, True)),
    "mul_r32": (DSA, "i", inputs_of(DSA, REDUCE32), map_check(DSA, lambda x: x * DSA.r, False)),
    "canonicalize32": (DSA, "i", inputs_of(DSA, (1 - Q32, Q32 - 1)),
                       map_check(DSA, lambda x: x % Q32, True)),
}


def source_kernels():
    """The kernels avx512.rs defines, and those it re-exports from the AVX2 backend."""
    text = open(SOURCE).read()
    defined = set(re.findall(r"#\[target_feature[^\]]*\]\s*pub\(crate\) fn (\w+)", text))
    [used] = re.findall(r"pub\(crate\) use super::avx2::\{([^}]*)\};", text)
    return defined, {name.strip() for name in used.split(",") if name.strip()}


def wiped_bytes():
    """Per AVX-512 kernel, the bytes of stack its entry call zeroes after it (`wipe::spills`)."""
    text = open(ENTRIES).read()
    wiped = {}
    for entry in re.split(r"\n(?=/// )", text):
        name = re.search(r"pub\(crate\) fn avx512_(\w+?)(?:<|\()", entry)
        if name:
            spills = re.search(r"wipe::spills::<(\d+)>", entry)
            wiped[name.group(1)] = int(spills.group(1)) if spills else 0
    return wiped


def frame_depth(machine, function, raw):
    """How far below its return address the kernel wrote the stack (its frame and calls)."""
    machine.write(simd_kernels.STACK - SPAN, b"\xa5" * SPAN)
    machine.call_with(function, raw)
    stack = machine.read(simd_kernels.STACK - SPAN, SPAN - 8)
    return SPAN - 8 - next((i for i, b in enumerate(stack) if b != 0xA5), SPAN - 8)


def main():
    binary, cases = sys.argv[1], int(sys.argv[2])
    rng = random.Random(2026)
    KEM.check_reference(rng)
    DSA.check_reference(rng)
    defined, reexported = source_kernels()
    problems = []
    if defined != set(KERNELS):
        problems.append(f"kernels in avx512.rs but not here: {sorted(defined - set(KERNELS))}; "
                        f"here but not in avx512.rs: {sorted(set(KERNELS) - defined)}")
    wiped = wiped_bytes()
    if set(KERNELS) - set(wiped):
        problems.append(f"kernels without an avx512_ entry call in src/simd/lattice.rs: "
                        f"{sorted(set(KERNELS) - set(wiped))}")
    if reexported != REEXPORTED:
        problems.append(f"avx512.rs re-exports {sorted(reexported)}, not {sorted(REEXPORTED)}")
    table = subprocess.run(["nm", "-C", "--defined-only", binary], capture_output=True, text=True,
                           check=True).stdout
    symbols = {}
    for line in table.splitlines():
        address, _, name = line.split(" ", 2)
        symbols.setdefault(name, []).append(simd_kernels.BASE + int(address, 16))
    missing = [f"pqfips::lattice::backend::{isa}::{name}" for name in sorted(KERNELS)
               for isa in ("avx512", "avx2")
               if len(symbols.get(f"pqfips::lattice::backend::{isa}::{name}", [])) != 1]
    if missing:
        problems.append(f"kernel symbols not (once) in {binary}: {missing}")
    if problems:
        sys.exit("FAIL: " + "\n      ".join(problems))
    machine = sha2_kernels.Machine(binary)
    failed, total = [], 0
    for name, (field, fmt, inputs, check) in KERNELS.items():
        avx512 = symbols[f"pqfips::lattice::backend::avx512::{name}"][0]
        avx2 = symbols[f"pqfips::lattice::backend::avx2::{name}"][0]
        pack = struct.Struct(f"<{N}{fmt}")
        for case in range(cases):
            args = inputs(rng, case)
            raw = [pack.pack(*a) for a in args]
            # Random bytes right after the arguments: a kernel must not write past them.
            guard = rng.randbytes(512)
            *got, guard512 = machine.call_with(avx512, raw + [guard])
            *twin, guard2 = machine.call_with(avx2, raw + [guard])
            outputs = [list(pack.unpack(r)) for r in got]
            if guard512 != guard or guard2 != guard:
                wrong = f"wrote past its arguments ({'AVX-512' if guard512 != guard else 'AVX2'})"
            elif got != twin:
                arg, j = next((i, j) for i, (u, v) in enumerate(zip(outputs, twin))
                              for j, x in enumerate(pack.unpack(v)) if u[j] != x)
                wrong = f"argument {arg} differs from AVX2's, first at coefficient {j}"
            else:
                wrong = check(args, outputs)
            total += 1
            if wrong:
                failed.append(name)
                print(f"FAIL: avx512::{name}, case {case}: {wrong}", flush=True)
                break
        else:
            # The frame holds spilled lanes of secret polynomials: the entry call must wipe all
            # of it (tests/residue/ checks this natively, where AVX-512 cannot run).
            depth = frame_depth(machine, avx512, raw)
            if depth > wiped[name]:
                failed.append(name)
                print(f"FAIL: avx512::{name} writes {depth} bytes of stack, its entry call "
                      f"wipes {wiped[name]}", flush=True)
                continue
            frame = (f"its frame, {depth} bytes, within the {wiped[name]} its entry call wipes"
                     if depth else "no stack written")
            print(f"avx512::{name}: {cases} calls equal to avx2::{name}, and to "
                  f"FIPS {203 if field is KEM else 204}; {frame}", flush=True)
    if failed:
        sys.exit(f"FAIL: emulated AVX-512 lattice kernels: {', '.join(failed)} failed")
    print(f"emulated AVX-512 lattice kernels: {len(KERNELS)} kernels, {total} calls each beside "
          f"its AVX2 twin, equal to it and to FIPS 203/204")


if __name__ == "__main__":
    main()
