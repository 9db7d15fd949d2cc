//! Step 4, resolve: canonical IDs for a name from the compiled-in tables.
//!
//! The whole name is looked up by its exact form first, then by its skeleton key; a name
//! of several words that the tables do not know as a whole gets the name groups of its
//! words. Among equal matches places rank by population.

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
    let key = name.key();
    for e in tables::lookup(Index::Keys, &key).filter(keep) {
        add(&mut found, e, SKELETON);
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
    found.sort_by(|(a, sa), (b, sb)| {
        sb.total_cmp(sa)
            .then(b.is_country().cmp(&a.is_country()))
            .then(b.weight().cmp(&a.weight()))
            .then(a.id().cmp(b.id()))
    });
    found.truncate(MAX_CANDIDATES);
    found.into_iter().map(|(e, score)| Candidate { id: e.id(), kind: e.kind(), label: e.label(), score }).collect()
}
