//! Georgian → Latin (ASCII): the national system (2002, used on passports and road signs
//! and by most English-language text), without the apostrophes that mark the ejectives:
//! `თ ტ` → `t`, `ფ პ` → `p`, `ქ კ` → `k`, `ჩ ჭ` → `ch`, `ც წ` → `ts`, `ყ` → `q`,
//! `ღ` → `gh`, `ხ` → `kh`, `ჯ` → `j`, `შ` → `sh`, `ჟ` → `zh`, `ძ` → `dz`
//! (Tbilisi, Mtskheta, Shevardnadze, Chavchavadze). Archaic letters: `ჱ` → `e`, `ჲ` → `y`,
//! `ჳ` → `w`, `ჴ` → `q`, `ჵ` → `o`, `ჶ` → `f`.
//!
//! Mkhedruli (the everyday alphabet) has no case, so it gives lower-case Latin (`tbilisi`).
//! Mtavruli (U+1C90–1CBF), used for all-caps text, is read as upper-case Mkhedruli, and so is
//! the ecclesiastical Asomtavruli (U+10A0–10CD), with its lower-case Nuskhuri (U+2D00–2D2D).

use super::super::lang::Lang;
use std::str::Chars;

/// Readings of Mkhedruli U+10D0..=U+10FA, in code point order.
const MKHEDRULI: [&str; 43] = [
    "a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p",
    "zh", // ა–ჟ
    "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh",
    "j", // რ–ჯ
    "h", "e", "y", "w", "q", "o", "f", "y", "", "g", "", // ჰ–ჺ
];

/// Appends the Latin transliteration of the Georgian word `word` to `out`. `lang` is ignored.
pub fn translit(word: &str, _lang: Lang, out: &mut String) {
    let mut it = word.chars();
    let mut prev_upper = false;
    while let Some(c) = it.next() {
        if is_mark(c) {
            continue;
        }
        let Some((s, upper)) = letter(c) else {
            let mut buf = [0u8; 4];
            super::fallback(c.encode_utf8(&mut buf), out);
            prev_upper = false;
            continue;
        };
        if upper {
            let caps = match peek(&it) {
                Some(n) => letter(n).is_some_and(|(_, u)| u),
                None => prev_upper,
            };
            for (i, b) in s.bytes().enumerate() {
                out.push(if i == 0 || caps {
                    b.to_ascii_uppercase()
                } else {
                    b
                } as char);
            }
        } else {
            match s.as_bytes() {
                [b] => out.push(*b as char),
                _ => out.push_str(s),
            }
        }
        prev_upper = upper;
    }
}

/// A name ending in a consonant takes the nominative ending -ი in Georgian (Mariam
/// მარიამი, Kurt კურტი, Gorbachov გორბაჩოვი, and Georgian names: Malkhaz მალხაზი): the word
/// without it, for a second reading; `None` for any other word (Tamari / Tamar is one more
/// letter than Georgian writes, ნინო Nino has no ending).
pub fn nominative_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('ი')?;
    let last = stem.chars().last()?;
    let vowel = matches!(last, 'ა' | 'ე' | 'ი' | 'ო' | 'უ');
    (stem.chars().count() >= 2 && !vowel).then_some(stem)
}

/// The reading of one Georgian letter and whether it is upper-case (Mtavruli, Asomtavruli).
#[inline]
fn letter(c: char) -> Option<(&'static str, bool)> {
    let u = c as u32;
    let (i, upper) = match u {
        0x10D0..=0x10FA => (u - 0x10D0, false),
        0x10FC => return Some(("n", false)), // modifier letter nar
        0x1C90..=0x1CBA => (u - 0x1C90, true),
        0x10A0..=0x10C5 => (u - 0x10A0, true),
        0x10C7 => (0x27, true),
        0x2D00..=0x2D25 => (u - 0x2D00, false),
        0x2D27 => (0x27, false),
        _ => return None,
    };
    MKHEDRULI.get(i as usize).map(|s| (*s, upper))
}

/// The next character that is not a mark.
fn peek(rest: &Chars) -> Option<char> {
    rest.clone().find(|&c| !is_mark(c))
}

/// Combining marks: dropped.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(word: &str) -> String {
        let mut s = String::new();
        translit(word, Lang::Ka, &mut s);
        s
    }

    #[test]
    fn nominative_ending() {
        assert_eq!(nominative_stem("მარიამი"), Some("მარიამ"));
        assert_eq!(nominative_stem("მალხაზი"), Some("მალხაზ"));
        // A vowel before it, or a word that is only a consonant and the ending: no stem.
        for w in ["ნინო", "ლაშა", "ბი", "თამარ"] {
            assert_eq!(nominative_stem(w), None, "{w}");
        }
    }

    #[test]
    fn words() {
        let cases = [
            ("თბილისი", "tbilisi"),
            ("მცხეთა", "mtskheta"),
            ("შევარდნაძე", "shevardnadze"),
            ("ჭავჭავაძე", "chavchavadze"),
            ("ყაზბეგი", "qazbegi"),
            ("ღვინო", "ghvino"),
            ("ჟღენტი", "zhghenti"),
            ("ჯავახიშვილი", "javakhishvili"),
            ("წყალტუბო", "tsqaltubo"),
            ("ფოთი", "poti"),
            ("ქუთაისი", "kutaisi"),
            ("ძმა", "dzma"),
            ("ჰერეთი", "hereti"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn other_alphabets_and_case() {
        let cases = [
            // Mtavruli: all caps.
            ("ᲗᲑᲘᲚᲘᲡᲘ", "TBILISI"),
            ("ᲨᲔᲕᲐᲠᲓᲜᲐᲫᲔ", "SHEVARDNADZE"),
            // Mtavruli initial + Mkhedruli.
            ("Ჭავჭავაძე", "Chavchavadze"),
            ("Ჭ", "Ch"),
            // Asomtavruli capital + Nuskhuri.
            ("Ⴇⴁⴈⴊⴈⴑⴈ", "Tbilisi"),
            ("ႧႡႨႪႨႱႨ", "TBILISI"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for w in [
            "", "\u{301}", "჻", "ჼ", "ჿ", "\u{1CBB}", "\u{10C6}", "ⴭ", "ჺ", "Ჿ",
        ] {
            let s = t(w);
            assert!(s.is_ascii(), "{w:?} → {s:?}");
        }
        let mut s = String::from("x ");
        translit("ბათუმი", Lang::Auto, &mut s);
        assert_eq!(s, "x batumi");
    }
}
