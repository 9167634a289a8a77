//! The SHA-2 compression (FIPS 180-4 §6.2.2 and §6.4.2) written once over lanes of words, for
//! every vector kernel: each instruction-set module defines the same small operations on its
//! vector type `V` (one word of every lane) and expands these macros, so the AVX-512 and AVX2
//! kernels run the same straight-line code. Nothing here branches or indexes memory on data:
//! the round constants are read at the round number, the rest stays in registers.
//!
//! The operations a module defines: `add(V, V)`, `splat(word)`, `ch`, `maj`, `bsig0`, `bsig1`
//! (Σ₀, Σ₁), `ssig0`, `ssig1` (σ₀, σ₁).

/// `$s` ← `$s` + the rounds over message `$w` (16 vectors, one big-endian-decoded word of every
/// lane each), with round constants `$k` (64 for SHA-256, 80 for SHA-512). `$w` is used as the
/// rolling 16-word schedule and holds its last 16 words afterwards.
macro_rules! sha2_compress {
    ($s:ident, $w:ident, $k:expr) => {{
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = $s;
        // The constants 16 at a time: whole arrays, so that no read of them needs a bounds
        // check. The first 16 rounds use the message as it is; every later group of 16 first
        // extends the schedule. The loop's back edge is its only branch.
        let (k16, _) = $k.as_chunks::<16>();
        let (first, rest) = k16.split_at(1);
        sha2_compress!(@rounds16 a b c d e f g h, $w, &first[0]);
        for k in rest {
            // W_t for the next 16 t (FIPS 180-4 §6.2.2 step 1), in place.
            sha2_compress!(@schedule $w, 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);
            sha2_compress!(@rounds16 a b c d e f g h, $w, k);
        }
        // Step 4: the intermediate hash value.
        $s = [
            add($s[0], a),
            add($s[1], b),
            add($s[2], c),
            add($s[3], d),
            add($s[4], e),
            add($s[5], f),
            add($s[6], g),
            add($s[7], h),
        ];
    }};
    (@rounds16 $a:ident $b:ident $c:ident $d:ident $e:ident $f:ident $g:ident $h:ident,
     $w:ident, $k:expr) => {
        let k: &[_; 16] = $k;
        sha2_compress!(@round $a $b $c $d $e $f $g $h, $w, k, 0);
        sha2_compress!(@round $h $a $b $c $d $e $f $g, $w, k, 1);
        sha2_compress!(@round $g $h $a $b $c $d $e $f, $w, k, 2);
        sha2_compress!(@round $f $g $h $a $b $c $d $e, $w, k, 3);
        sha2_compress!(@round $e $f $g $h $a $b $c $d, $w, k, 4);
        sha2_compress!(@round $d $e $f $g $h $a $b $c, $w, k, 5);
        sha2_compress!(@round $c $d $e $f $g $h $a $b, $w, k, 6);
        sha2_compress!(@round $b $c $d $e $f $g $h $a, $w, k, 7);
        sha2_compress!(@round $a $b $c $d $e $f $g $h, $w, k, 8);
        sha2_compress!(@round $h $a $b $c $d $e $f $g, $w, k, 9);
        sha2_compress!(@round $g $h $a $b $c $d $e $f, $w, k, 10);
        sha2_compress!(@round $f $g $h $a $b $c $d $e, $w, k, 11);
        sha2_compress!(@round $e $f $g $h $a $b $c $d, $w, k, 12);
        sha2_compress!(@round $d $e $f $g $h $a $b $c, $w, k, 13);
        sha2_compress!(@round $c $d $e $f $g $h $a $b, $w, k, 14);
        sha2_compress!(@round $b $c $d $e $f $g $h $a, $w, k, 15);
    };
    (@schedule $w:ident, $($j:literal)*) => {
        $(
            $w[$j] = add(
                add($w[$j], ssig1($w[($j + 14) % 16])),
                add($w[($j + 9) % 16], ssig0($w[($j + 1) % 16])),
            );
        )*
    };
    // Step 3, with the working variables renamed instead of moved: after the round, `$h`
    // holds the new a and `$d` the new e.
    (@round $a:ident $b:ident $c:ident $d:ident $e:ident $f:ident $g:ident $h:ident,
     $w:ident, $k:ident, $j:literal) => {
        let t1 = add(
            add(add($h, bsig1($e)), ch($e, $f, $g)),
            add(splat($k[$j]), $w[$j]),
        );
        let t2 = add(bsig0($a), maj($a, $b, $c));
        $d = add($d, t1);
        $h = add(t1, t2);
    };
}

/// The body of an F-chain kernel (see `super::f_chains`) over the lanes of SHA-256, with
/// `NW` = n/4 words of chaining value: the blocks are loaded and transposed once; every step
/// compresses from the broadcast midstate and writes the truncated digest back into message
/// words 5 to 5 + NW at the 16-bit offset FIPS 205's layout puts it, and adds one to the hash
/// address (the top half of word 5); lanes whose step count is reached keep their block. Needs,
/// besides the operations of [`sha2_compress`]: `load_blocks`, `store_blocks`, `load_steps`,
/// `and`, `or`, `shl16`, `shr16`, `below(t, steps)` (the mask of the lanes whose step count
/// exceeds t) and `select(mask, if_set, if_clear)`.
macro_rules! f_chains_body {
    ($mid:ident, $lanes:ident, $steps:ident) => {{
        let mut block = load_blocks($lanes);
        let mut mid = [splat(0); 8];
        for (m, word) in mid.iter_mut().zip($mid) {
            *m = splat(*word);
        }
        let steps = load_steps($steps);
        let rounds = $steps.iter().copied().max().unwrap_or(0);
        let (high, one, pad) = (splat(0xffff_0000), splat(1 << 16), splat(0x8000));
        for t in 0..rounds {
            let mut s = mid;
            let mut w = block;
            sha2_compress!(s, w, K256);
            // Word 5 holds the hash address's low half and the digest's first two bytes; each
            // later word the end of one digest word and the start of the next; the last one
            // ends with the 0x80 padding byte.
            let mut next = [s[0]; 9];
            next[0] = or(add(and(block[5], high), one), shr16(s[0]));
            for i in 1..NW {
                next[i] = or(shl16(s[i - 1]), shr16(s[i]));
            }
            next[NW] = or(shl16(s[NW - 1]), pad);
            let active = below(t, steps);
            for i in 0..=NW {
                block[5 + i] = select(active, next[i], block[5 + i]);
            }
        }
        store_blocks(block, $lanes);
    }};
}
