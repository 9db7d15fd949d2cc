//! The compiled-in name tables, read in place from bytes baked by build.rs.
//!
//! Nothing is parsed or built at start-up: `include_bytes!` puts the tables in the
//! binary's read-only data and every lookup reads little-endian integers straight from it
//! (no `unsafe`, no alignment assumptions). Layout: [`layout`].

pub mod hash;
#[allow(dead_code)] // shared with build.rs, which uses the writer's half
pub mod layout;

#[allow(dead_code)] // COUNTS is for tests
mod meta {
    include!(concat!(env!("OUT_DIR"), "/tables_meta.rs"));
}

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tables.bin"));

/// The kind of a table entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A person-name group (a Wikidata given- or family-name item).
    Person,
    /// A place: country or city (GeoNames).
    Place,
    /// An organisation (canonym's curated table).
    Org,
}

impl Kind {
    /// `"person"`, `"place"` or `"org"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Org => "org",
        }
    }

    /// Parses `person`, `place` or `org`.
    pub fn from_name(s: &str) -> Option<Kind> {
        match s {
            "person" => Some(Kind::Person),
            "place" => Some(Kind::Place),
            "org" | "organisation" | "organization" => Some(Kind::Org),
            _ => None,
        }
    }
}

/// One entry of the tables: a name group, a place or an organisation. Entries order by
/// their position in the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entry {
    index: u32,
}

#[inline]
fn u32_at(b: &[u8], off: usize) -> u32 {
    match b.get(off..off + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

#[inline]
fn u16_at(b: &[u8], off: usize) -> u16 {
    match b.get(off..off + 2) {
        Some(s) => u16::from_le_bytes([s[0], s[1]]),
        None => 0,
    }
}

fn string(off: u32, len: usize) -> &'static str {
    let strings = &BLOB[meta::STRINGS];
    let off = off as usize;
    strings.get(off..off + len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
}

impl Entry {
    fn record(&self) -> &'static [u8] {
        let e = &BLOB[meta::ENTITIES];
        let off = self.index as usize * layout::ENTITY_SIZE;
        e.get(off..off + layout::ENTITY_SIZE).unwrap_or(&[0; layout::ENTITY_SIZE])
    }

    /// The canonical ID: `Q…` (Wikidata), `geonames:N` or `canonym:…`.
    pub fn id(&self) -> &'static str {
        let r = self.record();
        string(u32_at(r, 0), u16_at(r, 12) as usize)
    }

    /// A readable Latin label.
    pub fn label(&self) -> &'static str {
        let r = self.record();
        string(u32_at(r, 4), u16_at(r, 14) as usize)
    }

    /// Population for places, number of attested spellings for name groups, 0 for
    /// organisations: the tie-breaker among equal matches.
    pub fn weight(&self) -> u32 {
        u32_at(self.record(), 8)
    }

    /// What the entry names.
    pub fn kind(&self) -> Kind {
        match self.record()[16] {
            layout::kind::PERSON => Kind::Person,
            layout::kind::ORG => Kind::Org,
            _ => Kind::Place,
        }
    }

    /// Is this a country (rather than a city)? Only meaningful for places.
    pub fn is_country(&self) -> bool {
        self.record()[16] == layout::kind::COUNTRY
    }

    /// ISO 3166-1 alpha-2 code of a place's country; empty for other kinds.
    pub fn country(&self) -> &'static str {
        let r = self.record();
        std::str::from_utf8(&r[17..19]).map(str::trim).unwrap_or("")
    }
}

/// Which index to look a key up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Index {
    /// Exact form keys (see `text::form_key_into`).
    Forms,
    /// Skeleton keys (see `text::key_into`).
    Keys,
    /// Skeleton keys of places and organisations with one letter deleted: with the
    /// query's own deletions, finds keys one edit away.
    Dels,
}

/// The entries indexed under `key`, best first (countries, then by weight).
pub(crate) fn lookup(index: Index, key: &str) -> impl ExactSizeIterator<Item = Entry> + 'static {
    lookup_with_symbols(index, key).map(|(e, _)| e)
}

/// [`lookup`], with the sound symbols of the spelling that produced each hit (empty for
/// the exact-form index).
pub(crate) fn lookup_with_symbols(index: Index, key: &str) -> impl ExactSizeIterator<Item = (Entry, &'static [u8])> + 'static {
    let slots = &BLOB[match index {
        Index::Forms => meta::FORMS,
        Index::Keys => meta::KEYS,
        Index::Dels => meta::DELS,
    }];
    let n = slots.len() / layout::SLOT_SIZE;
    let (mut off, mut count) = (0usize, 0usize);
    if n > 0 && !key.is_empty() {
        let h = hash::hash(key.as_bytes());
        let tag = layout::tag(h);
        let mask = n - 1;
        let mut i = (h as usize) & mask;
        for _ in 0..n {
            let s = i * layout::SLOT_SIZE;
            let t = u32_at(slots, s);
            if t == 0 {
                break;
            }
            let (ko, kl) = (u32_at(slots, s + 4) as usize, u16_at(slots, s + 8) as usize);
            if t == tag && BLOB[meta::STRINGS].get(ko..ko + kl) == Some(key.as_bytes()) {
                count = u16_at(slots, s + 10) as usize;
                off = u32_at(slots, s + 12) as usize;
                break;
            }
            i = (i + 1) & mask;
        }
    }
    let postings = &BLOB[meta::POSTINGS];
    (off..off + count).map(move |p| {
        let at = p * layout::POSTING_SIZE;
        let entry = Entry { index: u32_at(postings, at) };
        let so = u32_at(postings, at + 4);
        let syms = if so == u32::MAX {
            &[][..]
        } else {
            let strings = &BLOB[meta::STRINGS];
            let so = so as usize;
            let len = strings.get(so).copied().unwrap_or(0) as usize;
            strings.get(so + 1..so + 1 + len).unwrap_or(&[])
        };
        (entry, syms)
    })
}

include!(concat!(env!("OUT_DIR"), "/airport_codes.rs"));

/// The cities an IATA airport or metropolitan-area code serves (`CDG`, `LON`), from
/// `data/curated/airport_codes.tsv` (one city a code) or else from the codes GeoNames
/// lists among alternate names (maybe several). `code` must be written as the tables write
/// it: three capital ASCII letters.
pub(crate) fn airport_cities(code: &str) -> impl Iterator<Item = Entry> + 'static {
    let code: [u8; 3] = code.as_bytes().try_into().unwrap_or([0; 3]);
    let start = AIRPORT_CODES.partition_point(|(c, _)| *c < code);
    AIRPORT_CODES[start..].iter().take_while(move |(c, _)| *c == code).map(|&(_, index)| Entry { index })
}

/// Numbers of entries, form keys and skeleton keys compiled in.
#[cfg(test)]
pub fn counts() -> (usize, usize, usize) {
    meta::COUNTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_not_empty_and_lookups_agree_with_build() {
        let (entities, forms, keys) = counts();
        assert!(entities > 100_000 && forms > 500_000 && keys > 100_000);
        let hits: Vec<_> = lookup(Index::Forms, "tehran").map(|e| e.id()).collect();
        assert!(hits.contains(&"geonames:112931"), "{hits:?}");
        assert_eq!(lookup(Index::Forms, "no such name qqq").len(), 0);
        assert_eq!(lookup(Index::Forms, "").len(), 0);
    }

    #[test]
    fn airport_codes_name_the_city_served() {
        let ids = |code| airport_cities(code).map(|e| e.id()).collect::<Vec<_>>();
        assert_eq!(ids("CDG"), ["geonames:2988507"]); // Paris
        assert_eq!(airport_cities("LHR").map(|e| e.label()).collect::<Vec<_>>(), ["London"]);
        assert_eq!(airport_cities("LON").map(|e| e.label()).collect::<Vec<_>>(), ["London"]);
        assert!(ids("cdg").is_empty(), "codes are looked up as written");
        assert!(ids("CD").is_empty() && ids("CDGX").is_empty() && ids("").is_empty() && ids("AAA\0").is_empty());
        // GeoNames' own codes are codes, not names: `tom` is no spelling of Timbuktu.
        assert!(lookup(Index::Forms, "tom").all(|e| e.label() != "Timbuktu"));
    }
}
