"""Runs the SIMD kernels of a pqfips binary under Bochs and checks them against FIPS 202.

The binary's loadable segments are mapped into an emulated x86-64 machine (long mode, ring 0,
AVX-512 state enabled in XCR0) with the dynamic linker's relocations applied; each kernel is
called as `fn(state: &mut [[u64; L]; 25])` on random interleaved states and returns to an
unmapped address, whose instruction fetch ends the run. Usage (through run.sh):

    simd_kernels.py BINARY CASES
"""

import random
import struct
import subprocess
import sys

import bochscpu
import bochscpu.cpu
import bochscpu.memory

# The kernels and their widths; every one must be in the binary.
KERNELS = [
    ("pqfips::hash::multi_keccak::avx2::f1600_x4", 4),
    ("pqfips::hash::multi_keccak::avx2::f1600_x8", 8),
    ("pqfips::hash::multi_keccak::avx512vl::f1600_x4", 4),
    ("pqfips::hash::multi_keccak::avx512::f1600_x8", 8),
]

PAGE = 0x1000
BASE = 0x5555_0000_0000  # where the PIE is loaded
STACK = 0x7FFF_0000_0000  # top of the stack
ARGS = 0x6000_0000_0000  # the states passed to a kernel
STUBS = 0x6100_0000_0000  # memcpy, memset
RETURN = 0x7000_0000_0000  # unmapped: a kernel's `ret` lands here and faults
PML4 = 0x8000_0000  # guest-physical page tables

# The libc functions a kernel may call (to copy its state), as x86-64 code: rax = dst; rep movsb
# or rep stosb; ret. (A kernel that calls another will fail on an unmapped address.)
LIBC = {
    "memcpy": (0x000, "4889f8 4889d1 f3a4 c3"),
    "memset": (0x200, "4989f8 89f0 4889d1 f3aa 4c89c0 c3"),
}

M64 = (1 << 64) - 1
RC = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]
# ρ offsets r[x][y] (FIPS 202 Table 2).
RHO = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56],
       [27, 20, 39, 8, 14]]


def rol(v, n):
    return ((v << n) | (v >> (64 - n))) & M64 if n else v


def keccak_f1600(lanes):
    """FIPS 202 Algorithm 7 on 25 lanes, lane i = A[i mod 5, i div 5]."""
    a = [[lanes[x + 5 * y] for y in range(5)] for x in range(5)]
    for rc in RC:
        c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
        d = [c[(x - 1) % 5] ^ rol(c[(x + 1) % 5], 1) for x in range(5)]
        a = [[a[x][y] ^ d[x] for y in range(5)] for x in range(5)]
        b = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                b[y][(2 * x + 3 * y) % 5] = rol(a[x][y], RHO[x][y])
        a = [[b[x][y] ^ (~b[(x + 1) % 5][y] & b[(x + 2) % 5][y]) for y in range(5)]
             for x in range(5)]
        a[0][0] ^= rc
    return [a[i % 5][i // 5] for i in range(25)]


class Machine:
    def __init__(self, binary):
        self.binary = binary
        self.pml4 = bochscpu.memory.PageMapLevel4Table()
        self.next_gpa = 0x100_0000
        self.pages = {}
        data = open(binary, "rb").read()
        phoff, = struct.unpack_from("<Q", data, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
        loads = []
        for i in range(phnum):
            p_type, _, offset, vaddr, _, filesz, memsz, _ = struct.unpack_from(
                "<IIQQQQQQ", data, phoff + i * phentsize)
            if p_type == 1:  # PT_LOAD
                loads.append((vaddr, data[offset:offset + filesz], memsz))
        for vaddr, _, memsz in loads:
            self.map(BASE + vaddr, memsz)
        self.map(STACK - 16 * PAGE, 16 * PAGE)
        self.map(ARGS, 4 * PAGE)
        self.map(STUBS, PAGE)
        for hva, gpa in self.pml4.commit(PML4):
            bochscpu.memory.page_insert(gpa, hva)
        for vaddr, content, _ in loads:
            self.write(BASE + vaddr, content)
        for offset, code in LIBC.values():
            self.write(STUBS + offset, bytes.fromhex(code.replace(" ", "")))
        self.relocate()

    def map(self, va, size):
        for page in range(va & ~(PAGE - 1), va + size, PAGE):
            if page not in self.pages:
                gpa = self.next_gpa
                self.next_gpa += PAGE
                bochscpu.memory.page_insert(gpa, bochscpu.memory.allocate_host_page())
                self.pml4.insert(page, gpa, 0x7)
                self.pages[page] = gpa

    def write(self, va, content):
        done = 0
        while done < len(content):
            page = (va + done) & ~(PAGE - 1)
            n = min(len(content) - done, page + PAGE - (va + done))
            gpa = self.pages[page] + (va + done - page)
            bochscpu.memory.phy_write(gpa, list(content[done:done + n]))
            done += n

    def read(self, va, size):
        out = bytearray()
        while len(out) < size:
            page = (va + len(out)) & ~(PAGE - 1)
            n = min(size - len(out), page + PAGE - (va + len(out)))
            out += bytes(bochscpu.memory.phy_read(self.pages[page] + va + len(out) - page, n))
        return bytes(out)

    def relocate(self):
        """What the dynamic linker does for a PIE: relative relocations, and libc's functions."""
        table = subprocess.run(["readelf", "-rW", self.binary], capture_output=True, text=True,
                               check=True).stdout
        for line in table.splitlines():
            f = line.split()
            if len(f) >= 4 and f[2] == "R_X86_64_RELATIVE":
                self.write(BASE + int(f[0], 16), struct.pack("<Q", BASE + int(f[3], 16)))
            elif len(f) >= 5 and f[2] in ("R_X86_64_GLOB_DAT", "R_X86_64_JUMP_SLOT"):
                name = f[4].split("@")[0]
                if name in LIBC:
                    self.write(BASE + int(f[0], 16), struct.pack("<Q", STUBS + LIBC[name][0]))

    def symbol(self, name):
        table = subprocess.run(["nm", "-C", "--defined-only", self.binary], capture_output=True,
                               text=True, check=True).stdout
        hits = [line for line in table.splitlines() if line.endswith(" " + name)]
        if len(hits) != 1:
            sys.exit(f"FAIL: {name} is not (once) in {self.binary}: {hits}")
        return BASE + int(hits[0].split()[0], 16)

    def call(self, function, argument):
        """Runs `function(ARGS)` with `argument` at ARGS; returns the bytes there afterwards."""
        self.write(ARGS, argument)
        self.write(STACK - 8, struct.pack("<Q", RETURN))
        session = bochscpu.Session()

        def missing_page(gpa):
            raise RuntimeError(f"missing guest page {gpa:#x}")

        session.missing_page_handler = missing_page
        state = bochscpu.State()
        bochscpu.cpu.set_long_mode(state)
        state.cr0 &= ~(1 << 16)  # WP off: ring 0 may write every page
        state.cr3 = PML4
        state.cr4 |= (1 << 9) | (1 << 10) | (1 << 18)  # OSFXSR, OSXMMEXCPT, OSXSAVE
        state.xcr0 = 0xE7  # x87, SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM
        code = bochscpu.Segment()
        code.present, code.selector, code.base, code.limit, code.attr = True, 0x10, 0, 0xFFFFFFFF, 0x209B
        data = bochscpu.Segment()
        data.present, data.selector, data.base, data.limit, data.attr = True, 0x18, 0, 0xFFFFFFFF, 0xC093
        state.cs, state.ss, state.ds, state.es = code, data, data, data
        state.rip, state.rsp, state.rdi, state.rflags = function, STACK - 8, ARGS, 0x202
        session.cpu.set_state(state)
        outcome = {}

        def exception(s, _cpu, vector, error_code):
            outcome["rip"], outcome["vector"], outcome["error"] = s.cpu.rip, vector, error_code
            s.stop()

        hook = bochscpu.Hook()
        hook.exception = exception
        session.run([hook])
        # The only way out is the fetch from RETURN: a page fault (14) there after `ret`.
        if outcome.get("vector") != 14 or outcome.get("rip") != RETURN:
            sys.exit(f"FAIL: the kernel stopped with {outcome} (rip {outcome.get('rip', 0):#x})")
        return self.read(ARGS, len(argument))


def main():
    binary, cases = sys.argv[1], int(sys.argv[2])
    zero = keccak_f1600([0] * 25)
    assert (zero[0], zero[24]) == (0xF1258F7940E1DDE7, 0xEAF1FF7B5CECA249), "the reference"
    machine = Machine(binary)
    rng = random.Random(2024)
    total = 0
    for name, width in KERNELS:
        function = machine.symbol(name)
        for case in range(cases):
            states = [[rng.getrandbits(64) if case else 0 for _ in range(25)]
                      for _ in range(width)]
            argument = b"".join(struct.pack("<Q", states[j][i])
                                for i in range(25) for j in range(width))
            after = struct.unpack(f"<{25 * width}Q", machine.call(function, argument))
            for j, state in enumerate(states):
                got = [after[i * width + j] for i in range(25)]
                if got != keccak_f1600(state):
                    sys.exit(f"FAIL: {name}, case {case}, state {j} differs from FIPS 202")
        print(f"{name}: {cases} calls, {cases * width} states equal to FIPS 202")
        total += cases
    print(f"emulated SIMD kernels: all {total} calls equal to FIPS 202")


if __name__ == "__main__":
    main()
