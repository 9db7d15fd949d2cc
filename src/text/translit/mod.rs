//! Rule-based transliteration of one word to Latin, per script.
//!
//! Each script module exposes `translit(word, lang, out)`: `word` is a run of letters of
//! that script (NFC, already cleaned), the Latin is appended to `out`. Output is ASCII
//! except where a diacritic carries a sound the skeleton needs (none at present), and
//! keeps the source's letter case where the script has case.

pub mod arabic;
pub mod armenian;
pub mod cyrillic;
pub mod fallback;
pub mod georgian;
pub mod greek;
pub mod hebrew;
pub mod indic;
pub mod polivanov;

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

/// Appends the ASCII `s`, capitalised if `upper`, all in capitals if `caps` too: how the
/// scripts with letter case (Cyrillic, Greek, Armenian) write a letter's reading.
#[inline]
pub(crate) fn emit(out: &mut String, s: &str, upper: bool, caps: bool) {
    if !upper {
        // One-letter readings are the common case: no memcpy call for them.
        match s.as_bytes() {
            [b] => out.push(*b as char),
            _ => out.push_str(s),
        }
        return;
    }
    for (i, b) in s.bytes().enumerate() {
        out.push(if i == 0 || caps { b.to_ascii_uppercase() } else { b } as char);
    }
}

/// The generic table for every other script (CJK, kana, Hangul, Indic, Thai, Ethiopic, …):
/// any_ascii, with a few corrections per script (see [`fallback`](self::fallback)).
pub fn fallback(word: &str, out: &mut String) {
    fallback::translit(word, out);
}

/// The golden lists of tests/golden: `input<TAB>lang<TAB>expected`, one well-known name a
/// row, each word transliterated by its script's module.
#[cfg(test)]
mod golden {
    use super::{armenian, cyrillic, georgian, greek, hebrew};
    use crate::text::lang::Lang;

    type Translit = fn(&str, Lang, &mut String);

    fn check(file: &str, translit: Translit) {
        let path = format!("{}/tests/golden/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        let mut lines = text.lines();
        assert_eq!(lines.next().map(str::trim_end), Some("input\tlang\texpected"), "{path}: header");
        let (mut n, mut bad) = (0, Vec::new());
        for (i, line) in lines.enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "{path}:{}: want 3 columns", i + 2);
            let lang = Lang::from_code(cols[1]).unwrap_or_else(|| panic!("{path}:{}: lang {}", i + 2, cols[1]));
            let mut got = String::new();
            for (k, w) in cols[0].split(' ').filter(|w| !w.is_empty()).enumerate() {
                if k > 0 {
                    got.push(' ');
                }
                translit(w, lang, &mut got);
            }
            if got != cols[2] {
                bad.push(format!("{}: {} [{}] → {got:?}, want {:?}", i + 2, cols[0], cols[1], cols[2]));
            }
            n += 1;
        }
        assert!(bad.is_empty(), "{path}:\n{}", bad.join("\n"));
        assert!(n >= 10, "{path}: only {n} cases");
    }

    #[test]
    fn every_golden_list_holds() {
        let lists: [(&str, Translit); 8] = [
            ("cyrillic_ru.tsv", cyrillic::translit),
            ("cyrillic_uk.tsv", cyrillic::translit),
            ("cyrillic_sr.tsv", cyrillic::translit),
            ("cyrillic_bg.tsv", cyrillic::translit),
            ("greek.tsv", greek::translit),
            ("hebrew.tsv", hebrew::translit),
            ("armenian.tsv", armenian::translit),
            ("georgian.tsv", georgian::translit),
        ];
        for (file, translit) in lists {
            check(file, translit);
        }
    }
}
