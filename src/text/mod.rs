//! The text pipeline without tables: clean → tokenize → transliterate → fold → skeleton.
//!
//! This module is also compiled into build.rs (through `#[path]`), so that the keys baked
//! into the tables and the keys computed at run time come from the same code. It must
//! therefore depend only on `crate::lexicon` and on crates that build.rs also has.

pub mod clean;
pub mod lang;
pub mod phon;
pub mod tokenize;
pub mod translit;
pub mod wade_giles;

use lang::{Lang, Script};
use tokenize::Span;

/// Reusable buffers for the pipeline: hold one per thread and nothing allocates per name
/// once they have grown.
#[derive(Default, Debug, Clone)]
pub struct Scratch {
    /// The cleaned text of the current name.
    pub cleaned: String,
    /// The tokens of the current name.
    pub spans: Vec<Span>,
    /// Symbols of the current word.
    pub syms: Vec<u8>,
    /// Latin of the current word.
    pub latin: String,
    bytes: Vec<u8>,
    lower: String,
    words: WordCache,
}

/// Skeletons of the words keyed before, by word, script and convention: a word's skeleton
/// depends on nothing else, and the words of a column repeat (Mohammed, Ivanov, Wang).
/// Bounded: emptied when full.
#[derive(Default, Debug, Clone)]
struct WordCache {
    /// Open addressing: `entry index + 1`, 0 for an empty slot; a power of two long.
    slots: Vec<u32>,
    entries: Vec<CachedWord>,
    /// The bytes of every entry's word, then of its skeleton.
    arena: Vec<u8>,
}

#[derive(Debug, Clone, Copy)]
struct CachedWord {
    hash: u64,
    tag: u16,
    start: u32,
    word_len: u32,
    skel_len: u32,
}

impl WordCache {
    /// Entries kept before the cache is emptied (and twice as many slots).
    const CAP: usize = 1 << 14;
    /// Arena bytes kept before the cache is emptied.
    const ARENA_CAP: usize = 1 << 20;

    fn hash(word: &[u8], tag: u16) -> u64 {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = (u64::from(tag) ^ (word.len() as u64) << 16).wrapping_mul(K);
        let mut chunks = word.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            h = (h.rotate_left(23) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(23) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        h ^ (h >> 29)
    }

    /// The slot of `word`: where it is, or the empty slot where it goes.
    fn find(&self, word: &[u8], tag: u16, hash: u64) -> (usize, Option<CachedWord>) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            match self.slots[i] {
                0 => return (i, None),
                e => {
                    let e = self.entries[e as usize - 1];
                    let start = e.start as usize;
                    if e.hash == hash && e.tag == tag && &self.arena[start..start + e.word_len as usize] == word {
                        return (i, Some(e));
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Appends the skeleton of `word` to `out`, from the cache or computed (and kept).
    fn skeleton_into(&mut self, word: &str, script: Script, lang: Lang, bufs: (&mut Vec<u8>, &mut String, &mut Vec<u8>), out: &mut String) {
        let tag = (script as u16) << 8 | lang as u16;
        let hash = Self::hash(word.as_bytes(), tag);
        if self.slots.is_empty() || self.entries.len() >= Self::CAP || self.arena.len() >= Self::ARENA_CAP {
            self.slots.clear();
            self.slots.resize(2 * Self::CAP, 0);
            self.entries.clear();
            self.arena.clear();
        }
        let (slot, found) = self.find(word.as_bytes(), tag, hash);
        if let Some(e) = found {
            let at = e.start as usize + e.word_len as usize;
            // The skeleton is ASCII, cut from a `String`.
            out.push_str(std::str::from_utf8(&self.arena[at..at + e.skel_len as usize]).unwrap_or_default());
            return;
        }
        let (syms, latin, bytes) = bufs;
        syms.clear();
        word_symbols(word, script, lang, syms, latin, bytes);
        let from = out.len();
        phon::skeleton_into(syms, out);
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(word.as_bytes());
        self.arena.extend_from_slice(&out.as_bytes()[from..]);
        self.entries.push(CachedWord { hash, tag, start, word_len: word.len() as u32, skel_len: (out.len() - from) as u32 });
        self.slots[slot] = self.entries.len() as u32;
    }
}

/// Appends the Latin transliteration of one word (rule-based, no tables) to `out`.
pub fn word_latin(word: &str, script: Script, lang: Lang, out: &mut String) {
    translit::word(word, script, lang, out);
}

/// Appends the sound symbols of one word (see [`phon`]) to `syms`.
pub fn word_symbols(word: &str, script: Script, lang: Lang, syms: &mut Vec<u8>, latin: &mut String, bytes: &mut Vec<u8>) {
    match script {
        Script::Arabic => phon::arabic_symbols(word, syms),
        Script::Latin | Script::Common => phon::latin_symbols(word, syms, bytes),
        Script::Hebrew => {
            latin.clear();
            translit::hebrew::translit_unvowelled(word, latin);
            phon::latin_symbols(latin, syms, bytes);
        }
        _ => {
            latin.clear();
            translit::word(word, script, lang, latin);
            phon::latin_symbols(latin, syms, bytes);
        }
    }
}

/// Appends the fold of `s` to `out`: lower-case ASCII, diacritics and non-Latin letters
/// spelled in ASCII (any_ascii), every run of separators one space, apostrophes kept.
pub fn fold_into(s: &str, out: &mut String) {
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() || c == '\'' || c == '-' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
        } else {
            space = true;
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, out);
        } else if c == clean::ZWNJ || unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else {
            for a in any_ascii::any_ascii_char(c).chars() {
                push(a, out);
            }
        }
    }
}

/// The form key used for exact table lookups: the cleaned words, lower-cased, with Latin
/// diacritics removed, joined by one space (hyphens and apostrophes dropped). Letters of
/// other scripts stay as they are, so `تهران` is looked up as `تهران`.
pub fn form_key_into(cleaned: &str, spans: &[Span], out: &mut String) {
    out.clear();
    for sp in spans {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in sp.text(cleaned).chars() {
            if c == '\'' || c == clean::ZWNJ || unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if lang::script_of(c) == Script::Latin {
                for a in any_ascii::any_ascii_char(c).chars() {
                    out.push(a.to_ascii_lowercase());
                }
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// Appends the skeleton key of an analysed name to `out`: the skeletons of its words in
/// order, concatenated, articles and honorifics left out (unless nothing else remains).
///
/// Concatenation makes joined and split spellings meet (`Abdelaziz` / `Abd al-Aziz`,
/// `Hezbollah` / `حزب الله`, `Mohammadreza` / `Mohammad Reza`); word order still counts.
pub fn key_into(scratch: &mut Scratch, lang: Lang, out: &mut String) {
    let Scratch { cleaned, spans, syms, latin, bytes, words, .. } = scratch;
    let all_noise = spans.iter().all(|s| s.role.is_noise());
    for sp in spans.iter() {
        if sp.role.is_noise() && !all_noise {
            continue;
        }
        words.skeleton_into(sp.text(cleaned), sp.script, lang, (syms, latin, bytes), out);
    }
}

/// The key of `input` (as `analyse` then [`key_into`] with [`Lang::Auto`]) without the
/// shortcuts: no word cache, every name through the normaliser. For the property tests.
pub fn key_general(input: &str, out: &mut String) {
    let mut scratch = Scratch::default();
    clean::clean_general(input, &mut scratch.cleaned);
    tokenize::tokenize(&scratch.cleaned, &mut scratch.lower, &mut scratch.spans);
    let Scratch { cleaned, spans, syms, latin, bytes, .. } = &mut scratch;
    let all_noise = spans.iter().all(|s| s.role.is_noise());
    for sp in spans.iter() {
        if sp.role.is_noise() && !all_noise {
            continue;
        }
        syms.clear();
        word_symbols(sp.text(cleaned), sp.script, Lang::Auto, syms, latin, bytes);
        phon::skeleton_into(syms, out);
    }
}

/// Appends the sound symbols of the words [`key_into`] keeps, concatenated, to `out`:
/// what a skeleton-key hit is rescored on.
pub fn name_symbols_into(scratch: &mut Scratch, lang: Lang, out: &mut Vec<u8>) {
    let Scratch { cleaned, spans, latin, bytes, .. } = scratch;
    let all_noise = spans.iter().all(|s| s.role.is_noise());
    for sp in spans.iter() {
        if sp.role.is_noise() && !all_noise {
            continue;
        }
        word_symbols(sp.text(cleaned), sp.script, lang, out, latin, bytes);
    }
}

/// Cleans and tokenizes `input` into `scratch`.
pub fn analyse(input: &str, scratch: &mut Scratch) {
    clean::clean_into(input, &mut scratch.cleaned);
    tokenize::tokenize(&scratch.cleaned, &mut scratch.lower, &mut scratch.spans);
}
