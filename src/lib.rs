//! # canonym
//!
//! Names of people, places and organisations arrive spelled many ways, in many scripts:
//! `Bashar al-Assad`, `Bashar al-Asaad`, `بشار الأسد`, `Башар Асад`. canonym turns each
//! into readable Latin ([`transliterate`]), a key on which its variants meet ([`key`]),
//! canonical IDs from name tables compiled into the binary ([`resolve`]), and a
//! same/different decision between two names ([`compare`]).
//!
//! ```
//! // One key for the spellings of one name, in any script.
//! assert_eq!(canonym::key("Bashar al-Assad"), canonym::key("بشار الأسد"));
//! assert_eq!(canonym::key("Muammar Gaddafi"), canonym::key("Mouammar Kadhafi"));
//!
//! // Canonical IDs: GeoNames for places, Wikidata for name groups, canonym:… for curated.
//! let ids = canonym::resolve("Al-Quds");
//! assert_eq!(ids[0].id, "geonames:281184");
//!
//! // Same or different?
//! assert!(canonym::compare("Hassan Rouhani", "حسن روحانی").same);
//! assert!(!canonym::compare("Bashar al-Assad", "Hafez al-Assad").same);
//!
//! // Readable Latin.
//! assert_eq!(canonym::transliterate("Башар Асад"), "Bashar Asad");
//! ```
//!
//! ## The pipeline
//!
//! `clean → tokenize → transliterate → fold → skeleton → resolve / compare`:
//! [`clean`] unifies Unicode forms, hyphens, apostrophes and Arabic-script orthography;
//! tokenization tags particles (`al-`, `bin`, `abd`, `abu`) and honorifics (`Sheikh`,
//! `Ayatollah`); each script is transliterated by its own rules ([`Lang`] picks a
//! convention); the *skeleton* maps an unvowelled Arabic-script word and its
//! romanisations onto shared consonant classes. Analyse a name once with [`Name::parse`]
//! to key, resolve and compare it many times.
//!
//! For whole datasets, [`Deduper`] clusters many names without comparing all pairs
//! (blocking on keys, coherent union-find clusters, stable cluster IDs); the `canonym dedup`
//! and `canonym link` commands are built on it.
//!
//! Nothing reads a file at run time: the tables are baked by build.rs from `data/`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod compare;
mod dedup;
mod error;
mod lexicon;
mod name;
mod place_words;
mod resolve;
mod tables;
mod text;

pub use compare::{Alignment, Comparison, Matcher, MatcherBuilder, DEFAULT_THRESHOLD};
pub use dedup::{Cluster, ClusterId, Clusters, Deduper, DeduperBuilder, Match, NameId, MIN_ID_SCORE};
#[doc(hidden)]
pub use dedup::Timings;
pub use error::{Error, ErrorKind};
pub use name::{Name, Token, MAX_NAME_LEN};
pub use resolve::{Candidate, MAX_CANDIDATES};
pub use tables::{Entry, Kind};
pub use text::lang::{Lang, Script};
pub use text::tokenize::Role;

/// Cleans a name: Unicode NFKC, controls and bidi marks removed, one kind of hyphen,
/// apostrophe and space, and one spelling of Arabic-script letters (`أ إ آ → ا`,
/// `ی ى → ي`, `ک → ك`, harakat and tatweel removed).
///
/// ```
/// assert_eq!(canonym::clean("  Bashar\u{00A0}al\u{2010}Assad "), "Bashar al-Assad");
/// assert_eq!(canonym::clean("مُحَمَّد"), "محمد");
/// ```
pub fn clean(name: &str) -> String {
    text::clean::clean(name)
}

/// Readable Latin for a name in any script, guessing the convention per word.
///
/// Arabic-script words the name tables know get the spelling of their name group
/// (`بشار` → `Bashar`); others are read letter by letter.
///
/// ```
/// assert_eq!(canonym::transliterate("Зеленський"), "Zelensky");
/// assert_eq!(canonym::transliterate_with("Зеленський", canonym::Lang::Uk), "Zelenskyi");
/// assert_eq!(canonym::transliterate("بشار الأسد"), "Bashar al-Assad");
/// ```
pub fn transliterate(name: &str) -> String {
    transliterate_with(name, Lang::Auto)
}

/// Readable Latin for a name with the conventions of `lang` (e.g. [`Lang::Bg`] for a
/// Bulgarian column).
///
/// ```
/// use canonym::Lang;
/// assert_eq!(canonym::transliterate_with("Щерев", Lang::Bg), "Shterev");
/// assert_eq!(canonym::transliterate_with("Щерев", Lang::Ru), "Shcherev");
/// ```
pub fn transliterate_with(name: &str, lang: Lang) -> String {
    Name::analyse(name, lang).to_latin()
}

/// Lower-case ASCII without diacritics; other scripts spelled in ASCII by a generic table.
///
/// ```
/// assert_eq!(canonym::fold("Téhéran"), "teheran");
/// assert_eq!(canonym::fold("Hewlêr"), "hewler");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text::fold_into(text, &mut out);
    out
}

/// The skeleton key of a name: consonant classes of its words, vowels, articles and
/// honorifics left out, on which spellings of one name meet across scripts and
/// romanisations. Good for blocking and grouping; use [`compare`] to decide.
///
/// ```
/// let k = canonym::key("Ali Khamenei");
/// assert_eq!(k, canonym::key("Ali Khamene'i"));
/// assert_eq!(k, canonym::key("علی خامنه‌ای"));
/// assert_eq!(canonym::key("Hezbollah"), canonym::key("حزب الله"));
/// ```
pub fn key(name: &str) -> String {
    let mut scratch = Scratch::default();
    let mut out = String::new();
    key_into(name, &mut scratch, &mut out);
    out
}

/// [`key`] into caller-owned buffers: no allocation once they have grown. `out` is cleared.
pub fn key_into(name: &str, scratch: &mut Scratch, out: &mut String) {
    out.clear();
    // Names in Latin letters and in Arabic script in one pass; the others, and the few names
    // those passes cannot key, through the pipeline.
    if text::key_one_pass(name, &mut scratch.0, out) {
        return;
    }
    out.clear();
    text::analyse(name, &mut scratch.0);
    text::key_into(&mut scratch.0, Lang::Auto, out);
}

/// [`key`] computed without the shortcuts of the fast path (every name through the
/// Unicode normaliser, every character through the full map): for tests that the
/// shortcuts change nothing.
#[doc(hidden)]
pub fn key_general(name: &str) -> String {
    let mut out = String::new();
    text::key_general(name, &mut out);
    out
}

/// The key of a name in Latin letters by the one-pass path [`key_into`] tries first;
/// `None` for a name it leaves to the pipeline. For the tests that both paths agree.
#[doc(hidden)]
pub fn key_latin_path(name: &str) -> Option<String> {
    let mut out = String::new();
    text::latin_key::key_latin(name, &mut Vec::new(), &mut out).then_some(out)
}

/// The key of an Arabic-script name by the one-pass path [`key_into`] tries second; `None`
/// for a name it leaves to the pipeline. For the tests that both paths agree.
#[doc(hidden)]
pub fn key_arabic_path(name: &str) -> Option<String> {
    let mut out = String::new();
    text::arabic_key::key_arabic(name, &mut out).then_some(out)
}

/// Reusable buffers for [`key_into`]; keep one per thread.
#[derive(Default, Debug, Clone)]
pub struct Scratch(text::Scratch);

/// Canonical IDs for a name, best first (at most [`MAX_CANDIDATES`]); empty when the
/// tables know nothing of it.
///
/// ```
/// let ids = canonym::resolve("Téhéran");
/// assert_eq!(ids[0].id, "geonames:112931");
/// assert_eq!(ids[0].kind, canonym::Kind::Place);
/// ```
pub fn resolve(name: &str) -> Vec<Candidate> {
    resolve_kind(name, None)
}

/// [`resolve`], keeping only IDs of `kind` (`None` for any).
///
/// ```
/// use canonym::Kind;
/// let ids = canonym::resolve_kind("Hizballah", Some(Kind::Org));
/// assert_eq!(ids[0].label, "Hezbollah");
/// ```
pub fn resolve_kind(name: &str, kind: Option<Kind>) -> Vec<Candidate> {
    resolve::resolve_name(&Name::analyse(name, Lang::Auto), kind)
}

/// [`resolve_kind`] for a name analysed already.
pub fn resolve_name(name: &Name, kind: Option<Kind>) -> Vec<Candidate> {
    resolve::resolve_name(name, kind)
}

/// Compares two names with the default [`Matcher`].
///
/// ```
/// let c = canonym::compare("Mohammed bin Salman", "محمد بن سلمان");
/// assert!(c.same && c.score > 0.9);
/// ```
pub fn compare(a: &str, b: &str) -> Comparison {
    Matcher::default().compare(&Name::analyse(a, Lang::Auto), &Name::analyse(b, Lang::Auto))
}

/// A small reproducible generator for the tests that draw many inputs without proptest.
#[cfg(test)]
pub(crate) struct XorShift(pub(crate) u64);

#[cfg(test)]
impl XorShift {
    /// The next state of Marsaglia's xorshift64 (13, 7, 17).
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[cfg(test)]
mod send_sync {
    fn check<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        check::<super::Name>();
        check::<super::Token>();
        check::<super::Matcher>();
        check::<super::MatcherBuilder>();
        check::<super::Comparison>();
        check::<super::Alignment>();
        check::<super::Candidate>();
        check::<super::Entry>();
        check::<super::Error>();
        check::<super::Scratch>();
        check::<super::Lang>();
        check::<super::Kind>();
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
