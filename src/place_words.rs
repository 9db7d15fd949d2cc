//! Generic place words: "city", "county", "province" in many languages and romanisations
//! (`City`, `shi`, `hsien`, `nutome`, `Emetab`, `市`, `시`), which a spelling of a place may
//! carry or not. Most are learned by build.rs from the place tables themselves (a word
//! that, for many places, can be added to one of its spellings to give another); the rest
//! are written by hand in `data/curated/place_words.tsv`.

use crate::name::Name;
use crate::text::{self, lang::Script, tokenize::Span};

/// The word may stand before the name (`Emetab Nigeria`, `Kota Bandung`).
pub const PREFIX: u8 = 1;
/// The word may stand after the name (`Iran nutome`, `Yang-chou-shih`).
pub const SUFFIX: u8 = 2;
/// The word may be glued to the end of the name's last word (`米子市`, `Pukianghsien`).
pub const JOINED: u8 = 4;

include!(concat!(env!("OUT_DIR"), "/place_words.rs"));

/// Shortest stem, in bytes, left when a glued Latin ending is cut off: `Pukiang|hsien`
/// but not `S|hsien`.
const MIN_LATIN_STEM: usize = 3;
/// Shortest glued Latin ending cut off: `Andong|shi`, but `Bekasi` keeps its `si`.
const MIN_LATIN_ENDING: usize = 3;

/// `name` without the generic place words at its edges, if it has any, as text to analyse
/// again: `Yang-chou-shih` → `Yang chou`, `Emetab Nigeria` → `Nigeria`, `米子市` → `米子`.
/// At least one word always remains, so `City` or `Shi` alone is kept as it is.
pub(crate) fn strip(name: &Name) -> Option<String> {
    let tokens = name.tokens();
    let keys: Vec<String> = tokens.iter().map(|t| word_key(t.text(), t.script())).collect();
    let (mut lo, mut hi) = (0, tokens.len());
    while hi - lo > 1 && place_word(&keys[lo]) & PREFIX != 0 {
        lo += 1;
    }
    while hi - lo > 1 && place_word(&keys[hi - 1]) & SUFFIX != 0 {
        hi -= 1;
    }
    if hi == 0 {
        return None;
    }
    let stem = glued_stem(&keys[hi - 1], tokens[hi - 1].script());
    if lo == 0 && hi == tokens.len() && stem.is_none() {
        return None;
    }
    // A Latin remainder of one or two letters (`K'o-shih`) names too many places.
    let letters: usize = keys[lo..hi].iter().map(|k| k.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    if tokens[lo..hi].iter().all(|t| t.script() == Script::Latin) && letters < MIN_LATIN_STEM {
        return None;
    }
    let mut out = String::new();
    for (i, t) in tokens[lo..hi].iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match stem {
            Some(s) if lo + i == hi - 1 => out.push_str(s),
            _ => out.push_str(t.text()),
        }
    }
    Some(out)
}

/// The form key of one word (lower case, Latin diacritics off), as the table was built on.
fn word_key(word: &str, script: Script) -> String {
    let span = Span { start: 0, end: word.len(), script, role: text::tokenize::Role::Name };
    let mut key = String::new();
    text::form_key_into(word, &[span], &mut key);
    key
}

/// The word `key` without a generic ending glued to it, the longest ending first.
fn glued_stem(key: &str, script: Script) -> Option<&str> {
    let (min, max) = match script {
        Script::Latin => (MIN_LATIN_STEM, key.len().saturating_sub(MIN_LATIN_ENDING)),
        _ => (1, key.len()),
    };
    key.char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= min && i <= max)
        .find(|&i| place_word(&key[i..]) & JOINED != 0)
        .map(|i| &key[..i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lang::Lang;

    fn stripped(s: &str) -> Option<String> {
        strip(&Name::analyse(s, Lang::Auto))
    }

    #[test]
    fn curated_words_are_known() {
        assert_ne!(place_word("city") & SUFFIX, 0);
        assert_ne!(place_word("市") & JOINED, 0);
        assert_ne!(place_word("hsien") & SUFFIX, 0);
        assert_eq!(place_word("tehran"), 0);
    }

    #[test]
    fn learned_words_keep_direction_words_out() {
        // "South Sudan" / "Sudan" name two places: not a generic word.
        for w in ["south", "north", "new", "san"] {
            assert_eq!(place_word(w) & PREFIX, 0, "{w}");
        }
    }

    #[test]
    fn strips_words_at_either_edge() {
        assert_eq!(stripped("Tianjin City").as_deref(), Some("Tianjin"));
        assert_eq!(stripped("Kuei-lin-hsien").as_deref(), Some("Kuei lin"));
        assert_eq!(stripped("Kota Surabaya").as_deref(), Some("Surabaya"));
        // The article goes too: it is noise to the lookup either way.
        assert_eq!(stripped("محافظة البصرة").as_deref(), Some("بصرة"));
    }

    #[test]
    fn strips_glued_endings() {
        assert_eq!(stripped("京都市").as_deref(), Some("京都"));
        assert_eq!(stripped("Kueilinhsien").as_deref(), Some("kueilin"));
        // Too short an ending to cut from a Latin word.
        assert_eq!(stripped("Kota Bekasi").as_deref(), Some("Bekasi"));
    }

    #[test]
    fn keeps_at_least_one_word() {
        assert_eq!(stripped("City"), None);
        assert_eq!(stripped("市"), None);
        assert_eq!(stripped("Shi"), None);
        assert_eq!(stripped("Ko-shih"), None);
        assert_eq!(stripped("Tehran"), None);
        assert_eq!(stripped(""), None);
    }
}
