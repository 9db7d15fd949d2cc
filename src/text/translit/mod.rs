//! Rule-based transliteration of one word to Latin, per script.
//!
//! Each script module exposes `translit(word, lang, out)`: `word` is a run of letters of
//! that script (NFC, already cleaned), the Latin is appended to `out`. Output is ASCII
//! except where a diacritic carries a sound the skeleton needs (none at present), and
//! keeps the source's letter case where the script has case.

pub mod arabic;
pub mod armenian;
pub mod cyrillic;
pub mod georgian;
pub mod greek;
pub mod hebrew;

use super::lang::{Lang, Script};

/// Appends the Latin transliteration of `word`, a run of letters of `script`, to `out`.
pub fn word(word: &str, script: Script, lang: Lang, out: &mut String) {
    match script {
        Script::Latin | Script::Common => out.push_str(word),
        Script::Arabic => arabic::translit(word, lang, out),
        Script::Cyrillic => cyrillic::translit(word, lang, out),
        Script::Greek => greek::translit(word, lang, out),
        Script::Hebrew => hebrew::translit(word, lang, out),
        Script::Armenian => armenian::translit(word, lang, out),
        Script::Georgian => georgian::translit(word, lang, out),
        Script::Other => fallback(word, out),
    }
}

/// The generic table for every other script (CJK, Indic, Thai, Ethiopic, …): any_ascii.
pub fn fallback(word: &str, out: &mut String) {
    for c in word.chars() {
        out.push_str(any_ascii::any_ascii_char(c));
    }
}
