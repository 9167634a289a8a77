"""Runs the multi-buffer SHA-2 kernels of a pqfips binary under Bochs and checks them against
SHA-256 and SHA-512 compressions written from FIPS 180-4 in Python.

The native tests run only the kernels the CPU has; this runs the AVX-512 ones on any x86-64
CPU (and the AVX2 ones, which checks the emulation against kernels the native tests check).
It uses the emulated machine of `simd_kernels.py` beside it (the binary mapped into a long-mode
Bochs CPU with AVX-512 state enabled), calling each kernel with its pointer arguments in rdi,
rsi and rdx. The binary is the library's test binary, which calls every kernel:

    cargo test --release --lib --no-run
    LD_PRELOAD=… python sha2_kernels.py target/release/deps/pqfips-HASH CASES

(see run.sh for the environment). Lanes are `#[repr(C)]`: a SHA-256 lane is 8 u32 of state
and a 64-byte block, a SHA-512 lane 8 u64 and 128 bytes.
"""

import random
import struct
import subprocess
import sys

import bochscpu
import bochscpu.cpu

import simd_kernels
from simd_kernels import ARGS, RETURN, STACK


def primes(count):
    found = []
    k = 2
    while len(found) < count:
        if all(k % p for p in found):
            found.append(k)
        k += 1
    return found


def icbrt(x):
    lo, hi = 0, 1 << ((x.bit_length() + 2) // 3 + 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid ** 3 <= x:
            lo = mid
        else:
            hi = mid - 1
    return lo


# FIPS 180-4 §4.2.2 and §4.2.3: the first bits of the fractional parts of the cube roots of
# the first 64 (80) primes.
K256 = [icbrt(p << 96) & 0xFFFFFFFF for p in primes(64)]
K512 = [icbrt(p << 192) & (2 ** 64 - 1) for p in primes(80)]


def compress(state, block, bits):
    """FIPS 180-4 §6.2.2 (bits = 32) or §6.4.2 (bits = 64), one block."""
    mask = (1 << bits) - 1

    def ror(x, n):
        return ((x >> n) | (x << (bits - n))) & mask

    if bits == 32:
        k, big0, big1, small0, small1 = K256, (2, 13, 22), (6, 11, 25), (7, 18, 3), (17, 19, 10)
        w = list(struct.unpack(">16I", block))
    else:
        k, big0, big1, small0, small1 = K512, (28, 34, 39), (14, 18, 41), (1, 8, 7), (19, 61, 6)
        w = list(struct.unpack(">16Q", block))
    for t in range(16, len(k)):
        x, y = w[t - 15], w[t - 2]
        w.append((w[t - 16] + (ror(x, small0[0]) ^ ror(x, small0[1]) ^ (x >> small0[2])) + w[t - 7]
                  + (ror(y, small1[0]) ^ ror(y, small1[1]) ^ (y >> small1[2]))) & mask)
    a, b, c, d, e, f, g, h = state
    for t in range(len(k)):
        t1 = (h + (ror(e, big1[0]) ^ ror(e, big1[1]) ^ ror(e, big1[2])) + ((e & f) ^ (~e & g))
              + k[t] + w[t]) & mask
        t2 = ((ror(a, big0[0]) ^ ror(a, big0[1]) ^ ror(a, big0[2])) + ((a & b) ^ (a & c) ^ (b & c))) & mask
        h, g, f, e, d, c, b, a = g, f, e, (d + t1) & mask, c, b, a, (t1 + t2) & mask
    return [(x + y) & mask for x, y in zip(state, [a, b, c, d, e, f, g, h])]


def f_chain(mid, block, steps, nw):
    """`steps` times: the n = 4·nw digest bytes of a compression from `mid` into bytes 22.., and
    the hash address (bytes 20, 21) up by one (FIPS 205 F chains, src/hash/sha2_mb)."""
    block = bytearray(block)
    for _ in range(steps):
        digest = compress(mid, bytes(block), 32)
        j = (int.from_bytes(block[20:22], "big") + 1) & 0xFFFF
        block[20:22] = j.to_bytes(2, "big")
        block[22:22 + 4 * nw] = b"".join(x.to_bytes(4, "big") for x in digest[:nw])
    return bytes(block)


class Machine(simd_kernels.Machine):
    def symbols(self, name):
        table = subprocess.run(["nm", "-C", "--defined-only", self.binary], capture_output=True,
                               text=True, check=True).stdout
        return [simd_kernels.BASE + int(line.split()[0], 16)
                for line in table.splitlines() if line.endswith(" " + name)]

    def call_with(self, function, args):
        """Runs `function(p0, p1, …)` with each argument's bytes at pi; returns them after."""
        pointers, offset = [], 0
        for arg in args:
            self.write(ARGS + offset, arg)
            pointers.append(ARGS + offset)
            offset += (len(arg) + 63) // 64 * 64
        self.write(STACK - 8, struct.pack("<Q", RETURN))
        session = bochscpu.Session()

        def missing_page(gpa):
            raise RuntimeError(f"missing guest page {gpa:#x}")

        session.missing_page_handler = missing_page
        state = bochscpu.State()
        bochscpu.cpu.set_long_mode(state)
        state.cr0 &= ~(1 << 16)
        state.cr3 = simd_kernels.PML4
        state.cr4 |= (1 << 9) | (1 << 10) | (1 << 18)
        state.xcr0 = 0xE7
        code = bochscpu.Segment()
        code.present, code.selector, code.base, code.limit, code.attr = True, 0x10, 0, 0xFFFFFFFF, 0x209B
        data = bochscpu.Segment()
        data.present, data.selector, data.base, data.limit, data.attr = True, 0x18, 0, 0xFFFFFFFF, 0xC093
        state.cs, state.ss, state.ds, state.es = code, data, data, data
        state.rip, state.rsp, state.rflags = function, STACK - 8, 0x202
        for register, pointer in zip(["rdi", "rsi", "rdx", "rcx"], pointers):
            setattr(state, register, pointer)
        session.cpu.set_state(state)
        outcome = {}

        def exception(s, _cpu, vector, error_code):
            outcome["rip"], outcome["vector"], outcome["error"] = s.cpu.rip, vector, error_code
            s.stop()

        hook = bochscpu.Hook()
        hook.exception = exception
        session.run([hook])
        if outcome.get("vector") != 14 or outcome.get("rip") != RETURN:
            sys.exit(f"FAIL: the kernel stopped with {outcome} (rip {outcome.get('rip', 0):#x})")
        return [self.read(p, len(a)) for p, a in zip(pointers, args)]


def pack256(lanes):
    return b"".join(struct.pack("<8I", *state) + block for state, block in lanes)


def unpack256(raw, width):
    return [(list(struct.unpack_from("<8I", raw, 96 * i)), raw[96 * i + 32:96 * i + 96])
            for i in range(width)]


def f_blocks(rng, width, nw):
    """F blocks valid for n = 4·nw: random ADRSc and chain value, then FIPS 180-4 padding."""
    blocks = []
    for _ in range(width):
        block = bytearray(rng.getrandbits(8) for _ in range(22 + 4 * nw)) + bytearray(42 - 4 * nw)
        block[20], block[21] = 0, rng.randrange(16)
        block[22 + 4 * nw] = 0x80
        block[56:] = ((64 + 22 + 4 * nw) * 8).to_bytes(8, "big")
        blocks.append(bytes(block))
    return blocks


def main():
    binary, cases = sys.argv[1], int(sys.argv[2])
    # The reference, pinned by SHA-256("abc") and SHA-512("abc") (FIPS 180-4 examples).
    iv256 = [0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB,
             0x5BE0CD19]
    abc = b"abc\x80" + bytes(52) + (24).to_bytes(8, "big")
    assert compress(iv256, abc, 32)[0] == 0xBA7816BF, "the SHA-256 reference"
    iv512 = [0x6A09E667F3BCC908, 0xBB67AE8584CAA73B, 0x3C6EF372FE94F82B, 0xA54FF53A5F1D36F1,
             0x510E527FADE682D1, 0x9B05688C2B3E6C1F, 0x1F83D9ABFB41BD6B, 0x5BE0CD19137E2179]
    abc = b"abc\x80" + bytes(108) + (24).to_bytes(16, "big")
    assert compress(iv512, abc, 64)[0] == 0xDDAF35A193617ABA, "the SHA-512 reference"
    machine = Machine(binary)
    rng = random.Random(2025)
    total = 0
    for isa, width in [("avx512", 16), ("avx2", 8)]:
        [function] = machine.symbols(f"pqfips::hash::sha2_mb::{isa}::sha256::compress")
        for case in range(cases):
            lanes = [([rng.getrandbits(32) for _ in range(8)],
                      bytes(rng.getrandbits(8) for _ in range(64))) for _ in range(width)]
            [out] = machine.call_with(function, [pack256(lanes)])
            for lane, ((state, block), (after, block_after)) in enumerate(zip(lanes, unpack256(out, width))):
                if after != compress(state, block, 32) or block_after != block:
                    sys.exit(f"FAIL: {isa} SHA-256 ×{width}, case {case}, lane {lane}")
        total += cases
        print(f"{isa} SHA-256 ×{width}: {cases} calls equal to FIPS 180-4")
        # Three instances (n = 16, 24, 32); each must match the reference for exactly one n.
        instances = machine.symbols(f"pqfips::hash::sha2_mb::{isa}::sha256::f_chains")
        matched = []
        for function in instances:
            fits = []
            for nw in (4, 6, 8):
                ok = True
                for _ in range(max(2, cases // 10)):
                    mid = [rng.getrandbits(32) for _ in range(8)]
                    blocks = f_blocks(rng, width, nw)
                    steps = [rng.randrange(16) for _ in range(width)]
                    args = [struct.pack("<8I", *mid), pack256([([0] * 8, b) for b in blocks]),
                            struct.pack(f"<{width}I", *steps)]
                    _, out, _ = machine.call_with(function, args)
                    got = [b for _, b in unpack256(out, width)]
                    ok &= got == [f_chain(mid, b, s, nw) for b, s in zip(blocks, steps)]
                    total += 1
                if ok:
                    fits.append(nw)
            if len(fits) != 1:
                sys.exit(f"FAIL: {isa} F chains ×{width}: an instance fits n/4 in {fits}")
            matched += fits
        if sorted(matched) != [4, 6, 8]:
            sys.exit(f"FAIL: {isa} F chains ×{width}: instances for n/4 = {matched}")
        print(f"{isa} F chains ×{width}: n = 16, 24 and 32 equal to F iterated")
    for isa, width in [("avx512", 8), ("avx2", 4)]:
        [function] = machine.symbols(f"pqfips::hash::sha2_mb::{isa}::sha512::compress")
        for case in range(cases):
            lanes = [([rng.getrandbits(64) for _ in range(8)],
                      bytes(rng.getrandbits(8) for _ in range(128))) for _ in range(width)]
            raw = b"".join(struct.pack("<8Q", *state) + block for state, block in lanes)
            [out] = machine.call_with(function, [raw])
            for lane, (state, block) in enumerate(lanes):
                if list(struct.unpack_from("<8Q", out, 192 * lane)) != compress(state, block, 64):
                    sys.exit(f"FAIL: {isa} SHA-512 ×{width}, case {case}, lane {lane}")
        total += cases
        print(f"{isa} SHA-512 ×{width}: {cases} calls equal to FIPS 180-4")
    print(f"emulated multi-buffer SHA-2 kernels: all {total} calls equal to FIPS 180-4")


if __name__ == "__main__":
    main()
