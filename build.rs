//! Bakes the name tables of `data/` into byte tables read in place at run time.
//!
//! Inputs: data/person_names.tsv, data/places.tsv, data/place_names.tsv,
//! data/curated/{organisations,place_aliases,place_words,particles,airport_codes}.tsv.
//! Outputs in OUT_DIR: `tables.bin` (layout in src/tables/layout.rs), `tables_meta.rs`
//! (section offsets), `lexicon.rs` (the particle `match`), `place_words.rs` and
//! `airport_codes.rs` (IATA codes, sorted).
//!
//! Keys are computed with the library's own text pipeline (src/text, included below), so
//! build-time and run-time keys cannot drift apart.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/text/mod.rs"]
#[allow(dead_code)]
mod text;

#[path = "src/tables/hash.rs"]
mod hash;

#[path = "src/tables/layout.rs"]
#[allow(dead_code)]
mod layout;

/// The build-time stand-in for src/lexicon.rs: the same lookup over a map read from
/// particles.tsv before any key is computed.
mod lexicon {
    use crate::text::tokenize::Role;
    use std::collections::HashMap;
    use std::sync::OnceLock;

    pub static MAP: OnceLock<HashMap<String, Role>> = OnceLock::new();

    pub fn particle_role(form: &str) -> Option<Role> {
        MAP.get().and_then(|m| m.get(form).copied())
    }

    /// No form is too long to be looked up at build time.
    pub const MAX_FORM_LEN: usize = 1 << 10;

    #[allow(dead_code)]
    pub fn particle_role_bytes(form: &[u8]) -> Option<Role> {
        std::str::from_utf8(form).ok().and_then(particle_role)
    }
}

use layout::kind;
use text::tokenize::Role;

fn read_tsv(path: &Path) -> Vec<Vec<String>> {
    println!("cargo:rerun-if-changed={}", path.display());
    let body = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    body.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|f| f.trim().to_string()).collect())
        .collect()
}

struct Entity {
    id: String,
    label: String,
    weight: u32,
    kind: u8,
    country: [u8; 2],
}

#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    by_id: HashMap<String, u32>,
    forms: HashMap<String, Vec<u32>>,
    keys: HashMap<String, Vec<(u32, Vec<u8>)>>,
    /// Skeleton keys with one consonant deleted, for places and organisations.
    dels: HashMap<String, Vec<(u32, Vec<u8>)>>,
    /// Form keys of each place's spellings, to learn generic place words from.
    place_forms: HashMap<u32, HashSet<String>>,
    syms: Vec<u8>,
    scratch: text::Scratch,
    buf: String,
}

impl Builder {
    fn entity(&mut self, id: &str, label: &str, weight: u32, kind: u8, country: &str) -> u32 {
        if let Some(&i) = self.by_id.get(id) {
            return i;
        }
        let i = self.entities.len() as u32;
        let mut c = [b' '; 2];
        for (k, b) in country.bytes().take(2).enumerate() {
            c[k] = b;
        }
        self.entities.push(Entity { id: id.into(), label: label.into(), weight, kind, country: c });
        self.by_id.insert(id.into(), i);
        i
    }

    /// Indexes one spelling of entity `e` under its form key and its skeleton key.
    fn name(&mut self, e: u32, name: &str) {
        text::analyse(name, &mut self.scratch);
        if self.scratch.spans.is_empty() {
            return;
        }
        text::form_key_into(&self.scratch.cleaned, &self.scratch.spans, &mut self.buf);
        push_unique(self.forms.entry(self.buf.clone()).or_default(), e);
        if matches!(self.entities[e as usize].kind, kind::CITY | kind::COUNTRY) {
            self.place_forms.entry(e).or_default().insert(self.buf.clone());
        }
        self.buf.clear();
        text::key_into(&mut self.scratch, text::lang::Lang::Auto, &mut self.buf);
        if !self.buf.is_empty() {
            self.syms.clear();
            text::name_symbols_into(&mut self.scratch, text::lang::Lang::Auto, &mut self.syms);
            self.syms.truncate(255);
            add_posting(self.keys.entry(self.buf.clone()).or_default(), e, &self.syms);
            if self.entities[e as usize].kind != kind::PERSON && self.buf.len() >= 3 {
                for i in 0..self.buf.len() {
                    let mut d = self.buf.clone();
                    d.remove(i);
                    add_posting(self.dels.entry(d).or_default(), e, &self.syms);
                }
            }
        }
    }
}

fn add_posting(list: &mut Vec<(u32, Vec<u8>)>, e: u32, syms: &[u8]) {
    if !list.iter().any(|(x, s)| *x == e && s == syms) {
        list.push((e, syms.to_vec()));
    }
}

fn push_unique(v: &mut Vec<u32>, e: u32) {
    if !v.contains(&e) {
        v.push(e);
    }
}

fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = true;
    for c in s.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == ' ' || c == '-';
    }
    out
}

/// The label of a name group: a plain-ASCII spelling. Preferred, in order: one whose
/// skeleton is that of the group's Arabic-script spelling (the name's own consonants),
/// one with fewer `e`/`o` (English romanisation of Arabic writes a/i/u: Asad, not Esad),
/// and the one closest to all the group's spellings.
fn group_label(forms: &[String]) -> String {
    let folded: Vec<String> = forms
        .iter()
        .map(|f| {
            let mut s = String::new();
            text::fold_into(f, &mut s);
            s
        })
        .collect();
    let key_of = |f: &str| {
        let mut scratch = text::Scratch::default();
        let mut k = String::new();
        text::analyse(f, &mut scratch);
        text::key_into(&mut scratch, text::lang::Lang::Auto, &mut k);
        k
    };
    let arabic_key = forms
        .iter()
        .find(|f| f.chars().any(|c| text::lang::script_of(c) == text::lang::Script::Arabic))
        .map(|f| key_of(f));
    let ascii: Vec<usize> = (0..forms.len())
        .filter(|&i| forms[i].bytes().all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-'))
        .collect();
    let pool: Vec<usize> = if ascii.is_empty() { (0..forms.len()).collect() } else { ascii };
    let best = pool
        .iter()
        .copied()
        .min_by_key(|&i| {
            let off_key = arabic_key.as_ref().is_some_and(|k| *k != key_of(&forms[i]));
            let eo = if arabic_key.is_some() { folded[i].bytes().filter(|b| matches!(b, b'e' | b'o')).count() } else { 0 };
            let d: usize = folded.iter().map(|f| edit_distance(folded[i].as_bytes(), f.as_bytes())).sum();
            (off_key, eo, d, folded[i].len(), i)
        })
        .unwrap_or(0);
    title_case(&folded[best])
}

fn write_lexicon(rows: &[Vec<String>], out_dir: &Path) -> HashMap<String, Role> {
    let mut map = HashMap::new();
    for (n, r) in rows.iter().enumerate() {
        let (Some(form), Some(role)) = (r.first(), r.get(1)) else {
            panic!("particles.tsv row {}: expected form, role, source", n + 2)
        };
        let role = Role::from_tsv(role).unwrap_or_else(|| panic!("particles.tsv row {}: unknown role {role:?}", n + 2));
        let form = form.to_lowercase();
        map.entry(form).or_insert(role);
    }
    let mut forms: Vec<_> = map.iter().collect();
    forms.sort_by(|a, b| a.0.cmp(b.0));
    // Forms of up to 7 bytes are matched as one integer (their bytes and their length: see
    // `short_form`), which the optimiser turns into a few compares of a binary search; the
    // longer ones by length first, then by bytes.
    let mut code = String::from(
        "// @generated by build.rs from data/curated/particles.tsv; edit that file, not this one.\n\
         /// The role of a particle or honorific (lower-case form), if it is one.\n\
         pub fn particle_role(form: &str) -> Option<Role> {\n    particle_role_bytes(form.as_bytes())\n}\n\n\
         /// [`particle_role`] of the bytes of a form.\n\
         pub fn particle_role_bytes(form: &[u8]) -> Option<Role> {\n    \
         if form.len() < 8 {\n        return Some(match short_form(form) {\n",
    );
    let short = |form: &str| -> u64 {
        let b = form.as_bytes();
        b.iter().enumerate().fold((b.len() as u64) << 56, |k, (i, &c)| k | u64::from(c) << (8 * i))
    };
    for (form, role) in forms.iter().filter(|(f, _)| f.len() < 8) {
        let _ = writeln!(code, "            {:#018x} => Role::{:?}, // {:?}", short(form), role, form);
    }
    code.push_str("            _ => return None,\n        });\n    }\n    Some(match form.len() {\n");
    let mut by_len: std::collections::BTreeMap<usize, Vec<(&String, &Role)>> = Default::default();
    for (form, role) in forms.into_iter().filter(|(f, _)| f.len() >= 8) {
        by_len.entry(form.len()).or_default().push((form, role));
    }
    for (len, forms) in by_len {
        let _ = writeln!(code, "        {len} => match form {{");
        for (form, role) in forms {
            let bytes: Vec<String> = form.bytes().map(|b| b.to_string()).collect();
            let _ = writeln!(code, "            [{}] => Role::{:?}, // {:?}", bytes.join(", "), role, form);
        }
        code.push_str("            _ => return None,\n        },\n");
    }
    let longest = map.keys().map(String::len).max().unwrap_or(0);
    let _ = writeln!(code, "        _ => return None,\n    }})\n}}\n\n/// The longest form, in bytes.\npub const MAX_FORM_LEN: usize = {longest};\n");
    code.push_str(
        "/// A form of up to 7 bytes as one integer: its bytes, little-endian, and its length\n\
         /// in the top byte.\n\
         #[inline(always)]\n\
         fn short_form(form: &[u8]) -> u64 {\n    \
         form.iter().enumerate().fold((form.len() as u64) << 56, |k, (i, &c)| k | u64::from(c) << (8 * i))\n}\n",
    );
    std::fs::write(out_dir.join("lexicon.rs"), code).expect("write lexicon.rs");
    map
}

/// Where a generic place word stands (bit flags, as in `src/place_words.rs`): before the
/// name, after it as a word of its own, glued to the end of its last word, or glued to the
/// start of its first word.
mod place_word {
    pub const PREFIX: u8 = 1;
    pub const SUFFIX: u8 = 2;
    pub const JOINED: u8 = 4;
    pub const BEGINNING: u8 = 8;
}

/// Least number of places whose spellings show a word to be generic.
const MIN_PLACES: usize = 5;
/// Least number of places whose spellings show a short glued affix of an alphabet (the
/// Lithuanian `-as` of `Kanpuras`, the Nama `-b` of `Kubab`) to be one: more than for a
/// word, as any short string ends many names.
const MIN_PLACES_AFFIX: usize = 10;
/// Longest such affix, in letters.
const MAX_AFFIX: usize = 4;

/// Learns generic place words and affixes (`shi`, `hsien`, `nutome`, `emetab`, `市`, `-as`)
/// from the place tables: a word is generic when, for enough places, a spelling with the
/// word and the same spelling without it both name that place, at least twice as often as
/// the rest names another place instead (`South Sudan` / `Sudan` keeps `south` out).
///
/// Glued endings count in scripts written without spaces (`京都市`); in Latin and
/// Cyrillic when also learned as a word of their own (`Pukianghsien`), or when short and
/// well attested (`-as`); never in abjads, where a last letter is part of the skeleton.
fn learn_place_words(place_forms: &HashMap<u32, HashSet<String>>) -> BTreeMap<String, u8> {
    use place_word::*;
    let all: HashSet<&str> = place_forms.values().flatten().map(String::as_str).collect();
    let mut same: HashMap<(u8, &str), usize> = HashMap::new();
    let mut other: HashMap<(u8, &str), usize> = HashMap::new();
    for forms in place_forms.values() {
        // Per place, each word once: true if it is generic here, false if the rest
        // names another place.
        let mut seen: HashMap<(u8, &str), bool> = HashMap::new();
        for f in forms {
            if let Some((word, rest)) = f.split_once(' ') {
                note(PREFIX, word, rest, forms, &all, &mut seen);
            }
            if let Some((rest, word)) = f.rsplit_once(' ') {
                note(SUFFIX, word, rest, forms, &all, &mut seen);
            }
            let last = f.rsplit(' ').next().unwrap_or(f);
            let stem_start = f.len() - last.len();
            for (i, _) in last.char_indices().skip(1) {
                let (head, tail) = f.split_at(stem_start + i);
                note(JOINED, tail, head, forms, &all, &mut seen);
            }
            if !f.contains(' ') {
                for (i, _) in f.char_indices().skip(1).take(MAX_AFFIX) {
                    let (head, tail) = f.split_at(i);
                    if tail.chars().count() >= 3 {
                        note(BEGINNING, head, tail, forms, &all, &mut seen);
                    }
                }
            }
        }
        for (k, generic) in seen {
            *(if generic { &mut same } else { &mut other }).entry(k).or_default() += 1;
        }
    }
    let mut out: BTreeMap<String, u8> = BTreeMap::new();
    let attested = |pos: u8, word: &str, min: usize| {
        let n = same.get(&(pos, word)).copied().unwrap_or(0);
        n >= min && n >= 2 * other.get(&(pos, word)).copied().unwrap_or(0)
    };
    for &(pos, word) in same.keys() {
        if matches!(pos, PREFIX | SUFFIX) && attested(pos, word, MIN_PLACES) {
            *out.entry(word.to_string()).or_default() |= pos;
        }
    }
    for &(pos, word) in same.keys() {
        let short = word.chars().count() <= MAX_AFFIX && word.chars().all(|c| matches!(text::lang::script_of(c), text::lang::Script::Latin | text::lang::Script::Cyrillic));
        let glued = if word.chars().all(written_without_spaces) {
            attested(pos, word, MIN_PLACES)
        } else {
            let suffix = out.get(word).is_some_and(|f| f & SUFFIX != 0) && word.chars().all(|c| text::lang::script_of(c) == text::lang::Script::Latin);
            (suffix && attested(pos, word, MIN_PLACES)) || (short && attested(pos, word, MIN_PLACES_AFFIX))
        };
        if matches!(pos, JOINED | BEGINNING) && glued {
            *out.entry(word.to_string()).or_default() |= pos;
        }
    }
    out
}

/// Counts, for one place, `word` standing at `pos` in one of its spellings: generic here
/// (true) if the `rest` of that spelling (spaces kept or dropped) is another of its
/// spellings, not (false) if the rest names another place only.
fn note<'a>(pos: u8, word: &'a str, rest: &str, forms: &HashSet<String>, all: &HashSet<&str>, seen: &mut HashMap<(u8, &'a str), bool>) {
    let joined = rest.contains(' ').then(|| rest.replace(' ', ""));
    let joined = joined.as_deref();
    if forms.contains(rest) || joined.is_some_and(|j| forms.contains(j)) {
        seen.insert((pos, word), true);
    } else if all.contains(rest) || joined.is_some_and(|j| all.contains(j)) {
        seen.entry((pos, word)).or_insert(false);
    }
}

/// Is `c` a letter of a script that glues a generic word to the name (`京都市`, `서울시`,
/// `ဒါကာမြို့`): Han, kana, Hangul, Thai, Lao, Tibetan, Myanmar, Khmer.
fn written_without_spaces(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // kana, Han
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF // Hangul
        | 0x0E00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF) // Thai, Lao, Tibetan, Myanmar, Khmer
}

/// Adds the curated generic place words (form, position, …) to `words` and writes the
/// lookup `place_words.rs`.
fn write_place_words(mut words: BTreeMap<String, u8>, curated: &[Vec<String>], out_dir: &Path) {
    let learned = words.len();
    let mut scratch = text::Scratch::default();
    let mut key = String::new();
    for (n, r) in curated.iter().enumerate() {
        let (Some(form), Some(pos)) = (r.first(), r.get(1)) else { panic!("place_words.tsv row {}: expected form, position", n + 2) };
        let pos = match pos.as_str() {
            "prefix" => place_word::PREFIX,
            "suffix" => place_word::SUFFIX,
            "joined" => place_word::SUFFIX | place_word::JOINED,
            p => panic!("place_words.tsv row {}: unknown position {p:?}", n + 2),
        };
        text::analyse(form, &mut scratch);
        text::form_key_into(&scratch.cleaned, &scratch.spans, &mut key);
        assert!(!key.is_empty() && !key.contains(' '), "place_words.tsv row {}: one word expected", n + 2);
        *words.entry(key.clone()).or_default() |= pos;
    }
    let mut code = format!(
        "// @generated by build.rs: {learned} generic place words learned from data/places.tsv and\n\
         // data/place_names.tsv, plus data/curated/place_words.tsv. Edit those, not this file.\n\
         /// Where `word` (a form key) stands as a generic place word: [`PREFIX`], [`SUFFIX`],\n\
         /// [`JOINED`] bits; 0 if it is none.\n\
         pub fn place_word(word: &str) -> u8 {{\n    match word {{\n"
    );
    for (w, f) in &words {
        let _ = writeln!(code, "        {w:?} => {f},");
    }
    code.push_str("        _ => 0,\n    }\n}\n");
    std::fs::write(out_dir.join("place_words.rs"), code).expect("write place_words.rs");
}

/// Writes `airport_codes.rs`: IATA codes (three capital ASCII letters) and the entities of
/// the cities each serves, sorted by code for a binary search at run time. A code of
/// `curated/airport_codes.tsv` names one city; a code only GeoNames lists may name several
/// (ranked by population at run time, as other matches are).
fn write_airport_codes(rows: &[Vec<String>], geonames: Vec<([u8; 3], u32)>, by_id: &HashMap<String, u32>, out_dir: &Path) {
    let mut codes: Vec<([u8; 3], u32)> = Vec::with_capacity(rows.len() + geonames.len());
    for (n, r) in rows.iter().enumerate() {
        let [code, id, ..] = &r[..] else { panic!("airport_codes.tsv row {}: expected code, id, city, source", n + 2) };
        let Ok(bytes) = <[u8; 3]>::try_from(code.as_bytes()) else { panic!("airport_codes.tsv row {}: bad code {code:?}", n + 2) };
        assert!(bytes.iter().all(u8::is_ascii_uppercase), "airport_codes.tsv row {}: bad code {code:?}", n + 2);
        let Some(&e) = by_id.get(id.as_str()) else { panic!("airport_codes.tsv row {}: unknown place id {id}", n + 2) };
        assert!(!codes.iter().any(|(c, _)| *c == bytes), "airport_codes.tsv: {code} is listed twice");
        codes.push((bytes, e));
    }
    let curated: HashSet<[u8; 3]> = codes.iter().map(|(c, _)| *c).collect();
    let from_geonames = geonames.len();
    codes.extend(geonames.into_iter().filter(|(c, _)| !curated.contains(c)));
    codes.sort();
    codes.dedup();
    let mut code = format!(
        "// @generated by build.rs from data/curated/airport_codes.tsv ({} codes) and the {from_geonames}\n\
         // airport codes among the alternate names of data/place_names.tsv; edit those, not this file.\n\
         /// IATA airport and metropolitan-area codes and the entities of the cities served, by code.\n\
         static AIRPORT_CODES: [([u8; 3], u32); {}] = [\n",
        curated.len(),
        codes.len()
    );
    for (c, e) in &codes {
        let _ = writeln!(code, "    (*b{:?}, {e}),", std::str::from_utf8(c).unwrap_or("???"));
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("airport_codes.rs"), code).expect("write airport_codes.rs");
}

struct Blob {
    bytes: Vec<u8>,
    strings: Vec<u8>,
    string_at: HashMap<String, u32>,
    symbols_at: HashMap<Vec<u8>, u32>,
}

impl Blob {
    fn symbols(&mut self, syms: &[u8]) -> u32 {
        if let Some(&o) = self.symbols_at.get(syms) {
            return o;
        }
        let o = self.strings.len() as u32;
        self.symbols_at.insert(syms.to_vec(), o);
        self.strings.push(syms.len() as u8);
        self.strings.extend_from_slice(syms);
        o
    }

    fn string(&mut self, s: &str) -> u32 {
        if let Some(&o) = self.string_at.get(s) {
            return o;
        }
        let o = self.strings.len() as u32;
        self.strings.extend_from_slice(s.as_bytes());
        self.string_at.insert(s.to_string(), o);
        o
    }
}

/// Writes one index. Each posting is two u32: the entity, and the offset in the strings
/// blob of the matched spelling's sound symbols (a length byte, then the bytes), or
/// `u32::MAX` where the index needs none.
fn write_index(blob: &mut Blob, postings: &mut Vec<u32>, map: &HashMap<String, Vec<(u32, Vec<u8>)>>, entities: &[Entity]) -> Vec<u8> {
    // Load factor between 0.4 and 0.8: short probe runs, a quarter of the memory of 2x.
    let cap = (map.len() + map.len() / 4).next_power_of_two().max(16);
    let mask = cap - 1;
    let mut slots = vec![0u8; cap * layout::SLOT_SIZE];
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort(); // deterministic output
    for key in keys {
        let mut list = map[key].clone();
        // Best first: countries, then by weight (population, spellings), then id.
        list.sort_by(|(a, _), (b, _)| {
            let (ea, eb) = (&entities[*a as usize], &entities[*b as usize]);
            (eb.kind == kind::COUNTRY)
                .cmp(&(ea.kind == kind::COUNTRY))
                .then(eb.weight.cmp(&ea.weight))
                .then(ea.id.cmp(&eb.id))
        });
        list.truncate(layout::MAX_POSTINGS);
        let h = hash::hash(key.as_bytes());
        let mut i = (h as usize) & mask;
        while slots[i * layout::SLOT_SIZE..i * layout::SLOT_SIZE + 4] != [0; 4] {
            i = (i + 1) & mask;
        }
        let key_off = blob.string(key);
        let s = &mut slots[i * layout::SLOT_SIZE..(i + 1) * layout::SLOT_SIZE];
        s[0..4].copy_from_slice(&layout::tag(h).to_le_bytes());
        s[4..8].copy_from_slice(&key_off.to_le_bytes());
        s[8..10].copy_from_slice(&(u16::try_from(key.len()).expect("key under 64 KiB")).to_le_bytes());
        s[10..12].copy_from_slice(&(list.len() as u16).to_le_bytes());
        s[12..16].copy_from_slice(&((postings.len() / 2) as u32).to_le_bytes());
        for (e, syms) in list {
            postings.push(e);
            postings.push(if syms.is_empty() { u32::MAX } else { blob.symbols(&syms) });
        }
    }
    slots
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let data = root.join("data");
    println!("cargo:rerun-if-changed=src/text");
    println!("cargo:rerun-if-changed=src/tables");

    let particles = read_tsv(&data.join("curated/particles.tsv"));
    let map = write_lexicon(&particles, &out_dir);
    let _ = lexicon::MAP.set(map);

    let mut b = Builder::default();

    // Places first: countries and cities with their populations.
    for r in read_tsv(&data.join("places.tsv")) {
        let [id, k, country, pop, name] = &r[..] else { panic!("places.tsv: bad row {r:?}") };
        let kind = if k == "country" { kind::COUNTRY } else { kind::CITY };
        let pop: u64 = pop.parse().unwrap_or(0);
        let e = b.entity(id, name, pop.min(u32::MAX as u64) as u32, kind, country);
        b.name(e, name);
    }
    // GeoNames lists airport codes among a city's alternate names (`TOM` for Timbuktu):
    // those go to the code table, read only in capitals, not to the name indexes, where
    // `Tom` or `max` would find Timbuktu or Matam.
    let mut geonames_codes: Vec<([u8; 3], u32)> = Vec::new();
    for file in ["place_names.tsv", "curated/place_aliases.tsv"] {
        for r in read_tsv(&data.join(file)) {
            let (id, name) = match &r[..] {
                [id, name] => (id, name),
                [id, _kind, name, ..] => (id, name),
                _ => panic!("{file}: bad row {r:?}"),
            };
            let Some(&e) = b.by_id.get(id.as_str()) else { panic!("{file}: unknown place id {id}") };
            match <[u8; 3]>::try_from(name.as_bytes()) {
                Ok(code) if file == "place_names.tsv" && b.entities[e as usize].kind == kind::CITY && code.iter().all(u8::is_ascii_uppercase) => {
                    geonames_codes.push((code, e))
                }
                _ => b.name(e, name),
            }
        }
    }
    let learned = learn_place_words(&b.place_forms);
    write_place_words(learned, &read_tsv(&data.join("curated/place_words.tsv")), &out_dir);
    b.place_forms = HashMap::new();
    write_airport_codes(&read_tsv(&data.join("curated/airport_codes.tsv")), geonames_codes, &b.by_id, &out_dir);
    // Organisations: the first row of an id gives its label.
    for r in read_tsv(&data.join("curated/organisations.tsv")) {
        let [id, _kind, name, ..] = &r[..] else { panic!("organisations.tsv: bad row {r:?}") };
        let e = b.entity(id, name, 0, kind::ORG, "");
        b.name(e, name);
    }
    // Person name groups.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for r in read_tsv(&data.join("person_names.tsv")) {
        let [id, form] = &r[..] else { panic!("person_names.tsv: bad row {r:?}") };
        match groups.last_mut() {
            Some((g, forms)) if g == id => forms.push(form.clone()),
            _ => groups.push((id.clone(), vec![form.clone()])),
        }
    }
    for (id, forms) in &groups {
        let label = group_label(forms);
        let e = b.entity(id, &label, forms.len() as u32, kind::PERSON, "");
        for f in forms {
            b.name(e, f);
        }
    }

    // Serialise.
    let mut blob = Blob { bytes: Vec::new(), strings: Vec::new(), string_at: HashMap::new(), symbols_at: HashMap::new() };
    let mut ents = Vec::with_capacity(b.entities.len() * layout::ENTITY_SIZE);
    for e in &b.entities {
        let id_off = blob.string(&e.id);
        let label_off = blob.string(&e.label);
        ents.extend_from_slice(&id_off.to_le_bytes());
        ents.extend_from_slice(&label_off.to_le_bytes());
        ents.extend_from_slice(&e.weight.to_le_bytes());
        ents.extend_from_slice(&(e.id.len() as u16).to_le_bytes());
        ents.extend_from_slice(&(e.label.len().min(u16::MAX as usize) as u16).to_le_bytes());
        ents.push(e.kind);
        ents.extend_from_slice(&e.country);
        ents.push(0);
    }
    let mut postings = Vec::new();
    let exact: HashMap<String, Vec<(u32, Vec<u8>)>> =
        b.forms.iter().map(|(k, v)| (k.clone(), v.iter().map(|&e| (e, Vec::new())).collect())).collect();
    let forms = write_index(&mut blob, &mut postings, &exact, &b.entities);
    let keys = write_index(&mut blob, &mut postings, &b.keys, &b.entities);
    let dels = write_index(&mut blob, &mut postings, &b.dels, &b.entities);

    let mut meta = String::from("// @generated by build.rs from data/; section offsets into tables.bin.\n");
    let mut section = |name: &str, bytes: &[u8], blob: &mut Vec<u8>| {
        while blob.len() % 8 != 0 {
            blob.push(0);
        }
        let start = blob.len();
        blob.extend_from_slice(bytes);
        let _ = writeln!(meta, "pub const {name}: core::ops::Range<usize> = {start}..{};", blob.len());
    };
    let mut out = std::mem::take(&mut blob.bytes);
    let strings = std::mem::take(&mut blob.strings);
    section("STRINGS", &strings, &mut out);
    section("ENTITIES", &ents, &mut out);
    section("FORMS", &forms, &mut out);
    section("KEYS", &keys, &mut out);
    section("DELS", &dels, &mut out);
    let post_bytes: Vec<u8> = postings.iter().flat_map(|p| p.to_le_bytes()).collect();
    section("POSTINGS", &post_bytes, &mut out);
    let _ = writeln!(
        meta,
        "/// Entities, form keys and skeleton keys in the tables.\npub const COUNTS: (usize, usize, usize) = ({}, {}, {});",
        b.entities.len(),
        b.forms.len(),
        b.keys.len()
    );
    std::fs::write(out_dir.join("tables.bin"), &out).expect("write tables.bin");
    std::fs::write(out_dir.join("tables_meta.rs"), meta).expect("write tables_meta.rs");
}
