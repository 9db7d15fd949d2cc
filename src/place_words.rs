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
/// The word may be glued to the end of the name's last word (`米子市`, `Pukianghsien`,
/// the Lithuanian ending of `Kanpuras`).
pub const JOINED: u8 = 4;
/// The word may be glued to the start of the name's first word.
pub const BEGINNING: u8 = 8;

include!(concat!(env!("OUT_DIR"), "/place_words.rs"));

/// Shortest stem, in letters, left when a glued ending or beginning of an alphabet is cut
/// off: `Pukiang|hsien`, `Kanpur|as`, but not `S|hsien`.
const MIN_STEM: usize = 3;

/// A name without its generic place words.
pub(crate) struct Bare {
    /// The text to analyse and look up.
    pub text: String,
    /// Were whole words taken off (rather than a glued affix)?
    pub whole_words: bool,
}

/// `name` without its generic place words, as texts to analyse again, likeliest first:
/// the words at its edges (`Yang-chou-shih` → `Yang chou`, `Emetab Nigeria` → `Nigeria`),
/// or else a glued ending or beginning (`米子市` → `米子`, `Kanpuras` → `kanpur`,
/// `Hutogo` → `togo`). At least one word, and a stem of [`MIN_STEM`] letters in an
/// alphabet, always remain: `City` or `Shi` alone gives nothing.
#[cfg(test)]
pub(crate) fn strip(name: &Name) -> Vec<Bare> {
    strip_keyed(name, &word_keys(name))
}

/// The form key of each word of `name` (lower case, Latin diacritics off), as the table
/// was built on; `resolve` shares them with its lookups of single words.
pub(crate) fn word_keys(name: &Name) -> Vec<String> {
    name.tokens().iter().map(|t| word_key(t.text(), t.script())).collect()
}

/// [`strip`] given the name's [`word_keys`].
pub(crate) fn strip_keyed(name: &Name, keys: &[String]) -> Vec<Bare> {
    let tokens = name.tokens();
    let (mut lo, mut hi) = (0, tokens.len());
    while hi - lo > 1 && place_word(&keys[lo]) & PREFIX != 0 {
        lo += 1;
    }
    while hi - lo > 1 && place_word(&keys[hi - 1]) & SUFFIX != 0 {
        hi -= 1;
    }
    let alphabetic = |t: &crate::name::Token| matches!(t.script(), Script::Latin | Script::Cyrillic | Script::Greek);
    let letters = |words: &[String]| words.iter().map(|k| k.chars().filter(|c| c.is_alphanumeric()).count()).sum::<usize>();
    if hi == 0 {
        return Vec::new();
    }
    if lo > 0 || hi < tokens.len() {
        // A remainder of one or two letters (`K'o-shih`) names too many places.
        if tokens[lo..hi].iter().all(alphabetic) && letters(&keys[lo..hi]) < MIN_STEM {
            return Vec::new();
        }
        let words: Vec<&str> = tokens[lo..hi].iter().map(|t| t.text()).collect();
        return vec![Bare { text: words.join(" "), whole_words: true }];
    }
    let min = |t: &crate::name::Token| if alphabetic(t) { MIN_STEM } else { 1 };
    let mut out = Vec::new();
    let last = &keys[hi - 1];
    if let Some(stem) = glued(last, min(&tokens[hi - 1]), |rest| place_word(rest) & JOINED != 0, true) {
        let mut words: Vec<&str> = keys[..hi - 1].iter().map(String::as_str).collect();
        words.push(stem);
        out.push(Bare { text: words.join(" "), whole_words: false });
    }
    let first = &keys[0];
    if let Some(stem) = glued(first, min(&tokens[0]), |rest| place_word(rest) & BEGINNING != 0, false) {
        let mut words = vec![stem];
        words.extend(keys[1..].iter().map(String::as_str));
        out.push(Bare { text: words.join(" "), whole_words: false });
    }
    out
}

/// `word` without a glued affix for which `is_affix` holds, the longest affix first, at
/// the end (`at_end`) or the start; at least `min` letters remain.
fn glued(word: &str, min: usize, is_affix: impl Fn(&str) -> bool, at_end: bool) -> Option<&str> {
    if at_end {
        // Stem = word[..i], longest affix = smallest i with at least `min` letters before.
        word.char_indices().enumerate().skip(1).find(|&(before, (i, _))| before >= min && is_affix(&word[i..])).map(|(_, (i, _))| &word[..i])
    } else {
        // Stem = word[i..], longest affix = largest i with at least `min` letters after.
        let mut after = 0;
        for (i, _) in word.char_indices().rev() {
            after += 1;
            if i > 0 && after >= min && is_affix(&word[..i]) {
                return Some(&word[i..]);
            }
        }
        None
    }
}

/// The form key of one word.
fn word_key(word: &str, script: Script) -> String {
    let span = Span { start: 0, end: word.len(), script, role: text::tokenize::Role::Name };
    let mut key = String::new();
    text::form_key_into(word, &[span], &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lang::Lang;

    fn stripped(s: &str) -> Option<String> {
        strip(&Name::analyse(s, Lang::Auto)).into_iter().next().map(|b| b.text)
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
    fn strips_affixes_learned_from_the_tables() {
        // Lithuanian nominative ending; a prefix of country names in some languages.
        assert_eq!(stripped("Teheranas").as_deref(), Some("teheran"));
        assert!(strip(&Name::analyse("Hufrance", Lang::Auto)).iter().any(|b| b.text == "france" && !b.whole_words));
        // Never below three letters of stem.
        assert_eq!(stripped("Bas"), None);
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
