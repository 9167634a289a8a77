//! The 32-byte address ADRS (FIPS 205 §4.2, §4.3 Table 1) and its 22-byte compressed form
//! ADRSc for the SHA2 parameter sets (§11.2, Figure 18).
//!
//! Every field is a public position in the hypertree or a FORS tree; none is secret.

/// The address types of FIPS 205 §4.2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum AdrsType {
    WotsHash = 0,
    WotsPk = 1,
    Tree = 2,
    ForsTree = 3,
    ForsRoots = 4,
    WotsPrf = 5,
    ForsPrf = 6,
}

/// ADRS: layer (4 bytes) ‖ tree (12) ‖ type (4) ‖ three type-specific words, all big-endian.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Adrs([u8; 32]);

impl Adrs {
    /// toByte(0, 32).
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The 32 bytes, as the SHAKE functions hash them.
    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// ADRSc = ADRS[3] ‖ ADRS[8:16] ‖ ADRS[19] ‖ ADRS[20:32] (§11.2), as the SHA2 functions
    /// hash it. The bytes dropped are zero for every address the algorithms make (layer < 256,
    /// tree < 2^64, type < 256).
    #[inline(always)]
    pub(crate) fn compressed(&self) -> [u8; 22] {
        let a = &self.0;
        let mut c = [0u8; 22];
        c[0] = a[3];
        c[1..9].copy_from_slice(&a[8..16]);
        c[9] = a[19];
        c[10..22].copy_from_slice(&a[20..32]);
        c
    }

    fn set_word(&mut self, at: usize, value: u32) {
        // toByte(value, 4) (Algorithm 3) is the big-endian encoding.
        self.0[at..at + 4].copy_from_slice(&value.to_be_bytes());
    }

    /// ADRS.setLayerAddress(l).
    pub(crate) fn set_layer_address(&mut self, layer: u32) {
        self.set_word(0, layer);
    }

    /// ADRS.setTreeAddress(t): toByte(t, 12); t < 2^64 for every set, so the top word is 0.
    pub(crate) fn set_tree_address(&mut self, tree: u64) {
        self.0[4..8].fill(0);
        self.0[8..16].copy_from_slice(&tree.to_be_bytes());
    }

    /// ADRS.setTypeAndClear(Y): sets the type and zeroes the last 12 bytes.
    pub(crate) fn set_type_and_clear(&mut self, t: AdrsType) {
        self.set_word(16, t as u32);
        self.0[20..32].fill(0);
    }

    /// ADRS.setKeyPairAddress(i).
    pub(crate) fn set_key_pair_address(&mut self, i: u32) {
        self.set_word(20, i);
    }

    /// ADRS.getKeyPairAddress().
    pub(crate) fn key_pair_address(&self) -> u32 {
        u32::from_be_bytes([self.0[20], self.0[21], self.0[22], self.0[23]])
    }

    /// ADRS.setChainAddress(i).
    pub(crate) fn set_chain_address(&mut self, i: u32) {
        self.set_word(24, i);
    }

    /// ADRS.setTreeHeight(z) (the same word as the chain address).
    pub(crate) fn set_tree_height(&mut self, z: u32) {
        self.set_word(24, z);
    }

    /// ADRS.setHashAddress(i).
    pub(crate) fn set_hash_address(&mut self, i: u32) {
        self.set_word(28, i);
    }

    /// ADRS.setTreeIndex(i) (the same word as the hash address).
    pub(crate) fn set_tree_index(&mut self, i: u32) {
        self.set_word(28, i);
    }

    /// A copy with the type changed to `t` (cleared) and the key pair address kept: the
    /// skADRS / wotspkADRS / forspkADRS copies of Algorithms 6, 7, 8, 14 and 17.
    pub(crate) fn with_type_keeping_key_pair(&self, t: AdrsType) -> Self {
        let mut a = *self;
        a.set_type_and_clear(t);
        a.set_key_pair_address(self.key_pair_address());
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_land_where_table_1_and_table_3_put_them() {
        let mut a = Adrs::new();
        a.set_layer_address(0x0a);
        a.set_tree_address(0x0102_0304_0506_0708);
        a.set_type_and_clear(AdrsType::ForsPrf);
        a.set_key_pair_address(0x1112_1314);
        a.set_tree_height(0x2122_2324);
        a.set_tree_index(0x3132_3334);
        let mut expect = [0u8; 32];
        expect[3] = 0x0a;
        expect[8..16].copy_from_slice(&[1, 2, 3, 4, 5, 6, 7, 8]);
        expect[19] = 6;
        expect[20..32].copy_from_slice(&[
            0x11, 0x12, 0x13, 0x14, 0x21, 0x22, 0x23, 0x24, 0x31, 0x32, 0x33, 0x34,
        ]);
        assert_eq!(a.as_bytes(), &expect);
        let c = a.compressed();
        assert_eq!(c[0], 0x0a);
        assert_eq!(c[1..9], [1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(c[9], 6);
        assert_eq!(c[10..], expect[20..]);
        assert_eq!(a.key_pair_address(), 0x1112_1314);
        let b = a.with_type_keeping_key_pair(AdrsType::WotsPk);
        assert_eq!(b.as_bytes()[16..24], [0, 0, 0, 1, 0x11, 0x12, 0x13, 0x14]);
        assert_eq!(b.as_bytes()[24..], [0; 8]);
    }
}
