//! Step 4, resolve: canonical IDs for a name from the compiled-in tables.
//!
//! The whole name is looked up by its exact form first, then by its skeleton key; a name
//! of several words that the tables do not know as a whole gets the name groups of its
//! words. Among equal matches places rank by population.

use crate::compare::Writing;
use crate::name::Name;
use crate::tables::{self, Entry, Index, Kind};
use crate::text;

/// A canonical ID found for a name.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// `Q…` (a Wikidata name group), `geonames:N` (a place) or `canonym:…` (curated).
    pub id: &'static str,
    /// What the ID names.
    pub kind: Kind,
    /// A readable label.
    pub label: &'static str,
    /// Match strength in [0, 1]: 1 for an exact spelling, less for a skeleton match or a
    /// match of one word of the name.
    pub score: f64,
}

/// Most candidates returned.
pub const MAX_CANDIDATES: usize = 10;

const EXACT: f64 = 1.0;
const SKELETON: f64 = 0.8;
const FUZZY: f64 = 0.7;
const WORD_EXACT: f64 = 0.6;
const WORD_SKELETON: f64 = 0.45;

/// Resolves an analysed name; `kind` restricts the kinds returned.
pub fn resolve_name(name: &Name, kind: Option<Kind>) -> Vec<Candidate> {
    let mut found: Vec<(Entry, f64)> = Vec::new();
    let keep = |e: &Entry| kind.is_none_or(|k| e.kind() == k);
    let add = |found: &mut Vec<(Entry, f64)>, e: Entry, s: f64| {
        if let Some(f) = found.iter_mut().find(|(x, _)| *x == e) {
            f.1 = f.1.max(s);
        } else {
            found.push((e, s));
        }
    };
    let mut scratch = text::Scratch::default();
    text::analyse(name.cleaned(), &mut scratch);
    let mut form = String::new();
    text::form_key_into(&scratch.cleaned, &scratch.spans, &mut form);
    for e in tables::lookup(Index::Forms, &form).filter(keep) {
        add(&mut found, e, EXACT);
    }
    // Skeleton hits are ranked by how close the spelling that produced them sounds.
    let key = name.key();
    let mut query = Vec::new();
    text::name_symbols_into(&mut scratch, crate::Lang::Auto, &mut query);
    let writing = name.tokens().first().map_or(Writing::Alphabet, |t| Writing::of(t.script()));
    let sound_hits = |found: &mut Vec<(Entry, f64)>, index: Index, key: &str, base: f64| {
        for (e, syms) in tables::lookup_with_symbols(index, key) {
            if keep(&e) {
                let sim = crate::compare::sym_similarity(&query, writing, syms, Writing::Alphabet);
                add(found, e, base * (0.5 + 0.5 * sim));
            }
        }
    };
    sound_hits(&mut found, Index::Keys, &key, SKELETON);
    // One consonant away (places and organisations only): a deletion on either side.
    if found.iter().all(|(_, s)| *s < EXACT) && key.len() >= 3 && kind != Some(Kind::Person) {
        sound_hits(&mut found, Index::Dels, &key, FUZZY);
        let mut shorter = String::with_capacity(key.len());
        for i in 0..key.len() {
            shorter.clear();
            shorter.push_str(&key[..i]);
            shorter.push_str(&key[i + 1..]);
            sound_hits(&mut found, Index::Keys, &shorter, FUZZY);
            sound_hits(&mut found, Index::Dels, &shorter, FUZZY);
        }
    }
    // Words of a longer name: person name groups only (a place or an organisation
    // named by one word of a person's name is noise).
    let content: Vec<_> = name.tokens().iter().filter(|t| !t.role().is_noise()).collect();
    if content.len() > 1 && kind.is_none_or(|k| k == Kind::Person) {
        for t in &content {
            let mut word = String::new();
            text::form_key_into(t.text(), &[text::tokenize::Span { start: 0, end: t.text().len(), script: t.script(), role: t.role() }], &mut word);
            for e in tables::lookup(Index::Forms, &word).filter(|e| e.kind() == Kind::Person) {
                add(&mut found, e, WORD_EXACT);
            }
            for e in tables::lookup(Index::Keys, t.skeleton()).filter(|e| e.kind() == Kind::Person) {
                add(&mut found, e, WORD_SKELETON);
            }
        }
    }
    // Score first; a small bonus for size lets a city of millions beat a town of the
    // same sound, never an exact spelling.
    let rank = |e: &Entry, s: f64| s + 0.004 * (e.weight() as f64 + 1.0).log10() + if e.is_country() { 0.01 } else { 0.0 };
    found.sort_by(|(a, sa), (b, sb)| rank(b, *sb).total_cmp(&rank(a, *sa)).then(a.id().cmp(b.id())));
    found.truncate(MAX_CANDIDATES);
    found.into_iter().map(|(e, score)| Candidate { id: e.id(), kind: e.kind(), label: e.label(), score }).collect()
}
