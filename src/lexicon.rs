//! The particle and honorific lexicon, compiled from `data/curated/particles.tsv` by
//! build.rs into a `match` (the optimiser turns it into a length switch and a few
//! compares: faster than a hash for a few hundred short keys, and nothing to build).

use crate::text::tokenize::Role;

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
