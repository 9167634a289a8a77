//! The Merkle-tree computations XMSS (§6) and FORS (§8) share.
//!
//! Algorithms 9 and 15 (xmss_node, fors_node) define a node recursively, and Algorithms 10 and
//! 16 call them once per level of the authentication path, which recomputes the lower levels
//! over and over. [`treehash`] computes the same nodes bottom-up instead, every leaf once, left
//! to right, keeping at most one pending node per height, and picks out the authentication path
//! on the way, batching the hash calls. [`root_from_auth`] is the loop that climbs back to the root from a leaf and its
//! path (Algorithm 11 lines 6–18, Algorithm 17 lines 8–18).

use super::address::Adrs;
use super::hash::{HashSuite, LANES, Node};

/// The largest tree height of any parameter set (a = 14).
const MAX_HEIGHT: usize = 14;

/// The root of a tree of height `height` whose leaf j and whose node j at height z are as the
/// recursive definition of Algorithms 9 and 15 gives them, computed `batch` (a power of two,
/// at most [`LANES`]) leaves at a time: `leaves(hs, j, out)` fills `out` with leaves j, j + 1,
/// … (`out.len()` = min(batch, 2^height) of them), and `parents(hs, z, j, children, out)` fills `out[k]` with node j + k at
/// height z from its children `children[2k]`, `children[2k + 1]`. Each batch of leaves is
/// reduced level by level to its subtree's root, all nodes of a level in one call; the
/// subtrees' roots then combine as one node at a time, keeping at most one pending node per
/// height. With `auth = Some((idx, out))`, also writes the authentication path of leaf `idx`
/// to `out` (AUTH[z] is node ⌊idx/2^z⌋ ⊕ 1 at height z, Algorithm 10 line 2, Algorithm 16
/// line 6). Leaf indices are public (they come from the message digest), so comparing against
/// them is allowed.
#[inline]
pub(crate) fn treehash<H: HashSuite>(
    hs: &mut H,
    height: usize,
    batch: usize,
    mut auth: Option<(u32, &mut [u8])>,
    mut leaves: impl FnMut(&mut H, u32, &mut [Node]),
    mut parents: impl FnMut(&mut H, u32, u32, &[Node], &mut [Node]),
) -> Node {
    debug_assert!(height <= MAX_HEIGHT && batch.is_power_of_two() && batch <= LANES);
    let n = H::N;
    let mut keep = |z: usize, j: u32, node: &Node| {
        if let Some((idx, out)) = auth.as_mut()
            && z < height
            && j == (*idx >> z) ^ 1
        {
            out[z * n..(z + 1) * n].copy_from_slice(&node[..n]);
        }
    };
    let batch_height = height.min(batch.ilog2() as usize);
    let batch = 1 << batch_height;
    let mut level = [[0u8; 32]; LANES];
    let mut up = [[0u8; 32]; LANES / 2];
    let mut stack = [[0u8; 32]; MAX_HEIGHT];
    let mut depth = 0;
    let mut root = [0u8; 32];
    for c in 0..1u32 << (height - batch_height) {
        let first = c << batch_height;
        leaves(hs, first, &mut level[..batch]);
        for (k, node) in (first..).zip(&level[..batch]) {
            keep(0, k, node);
        }
        for z in 1..=batch_height {
            let (count, first) = (batch >> z, first >> z);
            parents(hs, z as u32, first, &level[..2 * count], &mut up[..count]);
            level[..count].copy_from_slice(&up[..count]);
            for (k, node) in (first..).zip(&level[..count]) {
                keep(z, k, node);
            }
        }
        // The batch's root, node c at height batch_height. A left child waits for its
        // sibling; a right child completes its parent.
        let (mut node, mut z, mut j) = (level[0], batch_height, c);
        while !j.is_multiple_of(2) && z < height {
            depth -= 1;
            z += 1;
            j /= 2;
            let children = [stack[depth], node];
            parents(hs, z as u32, j, &children, core::slice::from_mut(&mut node));
            keep(z, j, &node);
        }
        if z == height {
            // Only the last batch gets here.
            root = node;
        } else {
            stack[depth] = node;
            depth += 1;
        }
    }
    root
}

/// The root reached from `node`, the leaf with index `index`, and its authentication path
/// `auth` (height = auth.len()/n nodes). `adrs` has its type (TREE or FORS_TREE) set; tree
/// height and index are set here. `index` may count across several trees (FORS): dividing it
/// by 2 at each level gives the parent's index all the same, since each tree's first leaf
/// index is a multiple of 2^height.
pub(crate) fn root_from_auth<H: HashSuite>(
    hs: &mut H,
    mut node: Node,
    index: u32,
    auth: &[u8],
    adrs: &mut Adrs,
) -> Node {
    let n = H::N;
    let mut tree_index = index;
    for (k, sibling) in auth.chunks_exact(n).enumerate() {
        // 9: ADRS.setTreeHeight(k + 1); 10–16: the parent index, and which side node is on.
        // The index and the path are public, as is every node here (verification input).
        adrs.set_tree_height(k as u32 + 1);
        let on_left = tree_index.is_multiple_of(2);
        tree_index /= 2;
        adrs.set_tree_index(tree_index);
        node = if on_left {
            hs.h(adrs, &node[..n], sibling)
        } else {
            hs.h(adrs, sibling, &node[..n])
        };
    }
    node
}
