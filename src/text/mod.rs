//! The text pipeline without tables: clean → tokenize → transliterate → fold → skeleton.
//!
//! This module is also compiled into build.rs (through `#[path]`), so that the keys baked
//! into the tables and the keys computed at run time come from the same code. It must
//! therefore depend only on `crate::lexicon` and on crates that build.rs also has.

pub mod arabic_key;
pub mod clean;
pub mod latin_key;
pub mod lang;
pub mod phon;
pub mod romaji;
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
            if c.is_ascii() {
                // No ASCII character is a combining mark.
                if c != '\'' {
                    out.push(c.to_ascii_lowercase());
                }
            } else if c == clean::ZWNJ || unicode_normalization::char::is_combining_mark(c) {
                continue;
            } else if caseless(c) {
                out.push(c);
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

/// Is `c` in a block of a script without letter case (Hebrew, Arabic, Indic, Thai, kana,
/// CJK, hangul), which lower-casing leaves as it is? Saves looking its case up.
#[inline]
pub(crate) fn caseless(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{0900}'..='\u{0EFF}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}')
}

/// Appends the skeleton key of an analysed name to `out`: the skeletons of its words in
/// order, concatenated, articles and honorifics left out (unless nothing else remains).
///
/// Concatenation makes joined and split spellings meet (`Abdelaziz` / `Abd al-Aziz`,
/// `Hezbollah` / `حزب الله`, `Mohammadreza` / `Mohammad Reza`); word order still counts.
pub fn key_into(scratch: &mut Scratch, lang: Lang, out: &mut String) {
    let Scratch { cleaned, spans, syms, latin, bytes, .. } = scratch;
    let all_noise = spans.iter().all(|s| s.role.is_noise());
    for sp in spans.iter() {
        if sp.role.is_noise() && !all_noise {
            continue;
        }
        syms.clear();
        word_symbols(sp.text(cleaned), sp.script, lang, syms, latin, bytes);
        phon::skeleton_into(syms, out);
    }
}

/// The key of `input` (as `analyse` then [`key_into`] with [`Lang::Auto`]) without the
/// shortcuts of `clean`: every name through the normaliser. For the property tests.
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

/// Appends the key of `input` to `out` (as `analyse` then [`key_into`] with [`Lang::Auto`])
/// in one pass for a name in Latin letters or in Arabic script; `false` (and `out` to
/// clear) for the others, and for the few names those passes leave to the pipeline.
pub fn key_one_pass(input: &str, scratch: &mut Scratch, out: &mut String) -> bool {
    if latin_key::key_latin(input, &mut scratch.bytes, out) {
        return true;
    }
    out.clear();
    arabic_key::key_arabic(input, out)
}

/// Cleans and tokenizes `input` into `scratch`.
pub fn analyse(input: &str, scratch: &mut Scratch) {
    clean::clean_into(input, &mut scratch.cleaned);
    tokenize::tokenize(&scratch.cleaned, &mut scratch.lower, &mut scratch.spans);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caseless_blocks_have_no_case_and_no_latin() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| caseless(c)) {
            assert!(c.to_lowercase().eq([c]), "{c:?} has a lower case");
            assert!(lang::script_of(c) != Script::Latin, "{c:?} is Latin");
        }
    }
}
