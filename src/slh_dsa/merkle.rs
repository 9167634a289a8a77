//! The Merkle-tree computations XMSS (§6) and FORS (§8) share.
//!
//! Algorithms 9 and 15 (xmss_node, fors_node) define a node recursively, and Algorithms 10 and
//! 16 call them once per level of the authentication path, which recomputes the lower levels
//! over and over. [`treehash`] computes the same nodes bottom-up instead, every leaf once, left
//! to right, keeping at most one pending node per height, and picks out the authentication path
//! on the way. [`root_from_auth`] is the loop that climbs back to the root from a leaf and its
//! path (Algorithm 11 lines 6–18, Algorithm 17 lines 8–18).

use super::address::Adrs;
use super::hash::{HashSuite, Node};

/// The largest tree height of any parameter set (a = 14).
const MAX_HEIGHT: usize = 14;

/// The root of a tree of height `height` whose leaf j is `leaf(hs, j)` and whose node j at
/// height z is `parent(hs, z, j, left child, right child)`, exactly as the recursive
/// definition of Algorithms 9 and 15 gives it. With `auth = Some((idx, out))`, also writes the
/// authentication path of leaf `idx` to `out` (AUTH[z] is node ⌊idx/2^z⌋ ⊕ 1 at height z,
/// Algorithm 10 line 2, Algorithm 16 line 6). Leaf indices are public (they come from the
/// message digest), so comparing against them is allowed.
#[inline]
pub(crate) fn treehash<H: HashSuite>(
    hs: &mut H,
    height: usize,
    mut auth: Option<(u32, &mut [u8])>,
    mut leaf: impl FnMut(&mut H, u32) -> Node,
    mut parent: impl FnMut(&mut H, u32, u32, &Node, &Node) -> Node,
) -> Node {
    debug_assert!(height <= MAX_HEIGHT);
    let n = H::N;
    let mut stack = [[0u8; 32]; MAX_HEIGHT];
    let mut depth = 0;
    let mut root = [0u8; 32];
    for i in 0..1u32 << height {
        let mut node = leaf(hs, i);
        let (mut z, mut j) = (0, i);
        loop {
            if let Some((idx, out)) = auth.as_mut()
                && z < height
                && j == (*idx >> z) ^ 1
            {
                out[z * n..(z + 1) * n].copy_from_slice(&node[..n]);
            }
            // A left child waits for its sibling; a right child completes its parent.
            if j.is_multiple_of(2) || z == height {
                break;
            }
            depth -= 1;
            z += 1;
            j /= 2;
            node = parent(hs, z as u32, j, &stack[depth], &node);
        }
        if z == height {
            // Only the last leaf gets here.
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
