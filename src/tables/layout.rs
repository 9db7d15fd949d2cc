//! Byte layout of the baked tables, shared by build.rs (writer) and the library (reader).
//! All integers are little-endian.
//!
//! - strings: UTF-8 blob; ids, labels and keys point into it.
//! - entities: [`ENTITY_SIZE`]-byte records: id_off u32, label_off u32, weight u32,
//!   id_len u16, label_len u16, kind u8, country [u8; 2], pad u8.
//! - an index: `2^k` slots of [`SLOT_SIZE`] bytes: tag u32 (high half of the hash, low bit
//!   forced to 1; 0 = empty), key_off u32, key_len u16, count u16, postings_off u32
//!   (index into the postings array). Linear probing.
//! - postings: [`POSTING_SIZE`]-byte pairs: entity u32, symbols_off u32 (offset in strings of
//!   a length byte and the matched spelling's sound symbols; `u32::MAX` for none).

/// Size of one entity record in bytes.
pub const ENTITY_SIZE: usize = 20;
/// Size of one index slot in bytes.
pub const SLOT_SIZE: usize = 16;
/// Size of one posting in bytes.
pub const POSTING_SIZE: usize = 8;
/// Most postings kept for one key (best first); the rest could never reach a top list.
pub const MAX_POSTINGS: usize = 512;

/// Entity kinds as stored in the tables.
pub mod kind {
    /// A Wikidata name group (given or family name).
    pub const PERSON: u8 = 0;
    /// A country (GeoNames).
    pub const COUNTRY: u8 = 1;
    /// A city (GeoNames).
    pub const CITY: u8 = 2;
    /// An organisation (curated).
    pub const ORG: u8 = 3;
}

/// The tag stored in a slot for a key hash (never 0).
#[inline]
pub fn tag(h: u64) -> u32 {
    ((h >> 32) as u32) | 1
}
