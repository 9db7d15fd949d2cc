//! The one hash function of the baked tables, shared by build.rs and the library so that
//! both always agree. FxHash-style over 8-byte little-endian chunks: fast on short keys;
//! the tables are built from our own data, so HashDoS does not apply.

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hashes `bytes` to 64 bits.
#[inline]
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // Final avalanche so the low bits (slot index) depend on every input bit.
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}
