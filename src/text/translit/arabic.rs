//! Arabic script (Arabic, Persian, Urdu) to Latin, letter by letter.
//!
//! Arabic script writes consonants and long vowels only, so a letter-by-letter reading of
//! an unvowelled word is a skeleton with its long vowels (`بشار` → `Bshar`); the library
//! replaces it with the spelling of a known name group when the tables know the word
//! (`Bashar`). The reading follows the common English-language romanisation: `ث th`,
//! `خ kh`, `ذ dh`, `ش sh`, `غ gh`, `ق q`, `ع` and `ء` as an apostrophe inside a word;
//! Persian (`Lang::Fa`, or a word with `پ چ ژ گ`) reads `و v`, `ث ذ ض ظ` as `s z z z`,
//! `ق gh` and a final `ه` as `e`. Kurdish and Uyghur vowel letters read as their vowels
//! (`ە e`, `ۆ o`, `ێ e`, `ۇ ۈ u`).

use crate::text::lang::Lang;
use crate::text::phon::{self, sym};

/// Appends the Latin of an Arabic-script word (cleaned) to `out`.
pub fn translit(word: &str, lang: Lang, out: &mut String) {
    let persian = match lang {
        Lang::Fa | Lang::Ur => true,
        Lang::Auto => word.chars().any(|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ')),
        _ => false,
    };
    let mut syms = Vec::with_capacity(word.len());
    phon::arabic_symbols(word, &mut syms);
    let start = out.len();
    let n = syms.len();
    for (i, &s) in syms.iter().enumerate() {
        let piece: &str = match s {
            b'A' => "a",
            sym::ANY_I => "i",
            sym::ANY_A => {
                if i > 0 && persian {
                    "e"
                } else {
                    "a"
                }
            }
            // A Kurdish diphthong: ەی ey, ەو ew.
            b'I' | b'U' if i > 0 && syms[i - 1] == b'e' => {
                if s == b'I' {
                    "y"
                } else {
                    "w"
                }
            }
            b'I' => "i",
            b'U' => "u",
            // Kurdish and Uyghur vowel letters (ە, ێ): Latin writes e.
            b'e' => "e",
            b'w' => {
                if persian {
                    "v"
                } else {
                    "w"
                }
            }
            sym::TH => {
                if persian {
                    "s"
                } else {
                    "th"
                }
            }
            sym::DH => {
                if persian {
                    "z"
                } else {
                    "dh"
                }
            }
            sym::ZH => "zh",
            sym::CH => "ch",
            sym::SH => "sh",
            sym::GH => "gh",
            sym::KH => "kh",
            b'q' => {
                if persian {
                    "gh"
                } else {
                    "q"
                }
            }
            sym::WEAK => {
                if i == 0 || i + 1 == n {
                    ""
                } else {
                    "'"
                }
            }
            _ => {
                out.push(s as char);
                continue;
            }
        };
        out.push_str(piece);
    }
    // Capitalise: Arabic script has no case, names are proper nouns.
    if let Some(first) = out[start..].chars().next() {
        if first.is_ascii_lowercase() {
            let up = first.to_ascii_uppercase();
            out.replace_range(start..start + 1, up.encode_utf8(&mut [0; 4]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str, lang: Lang) -> String {
        let mut out = String::new();
        translit(&crate::text::clean::clean(s), lang, &mut out);
        out
    }

    #[test]
    fn reads_letters() {
        assert_eq!(t("بشار", Lang::Auto), "Bshar");
        assert_eq!(t("خالد", Lang::Auto), "Khald");
        assert_eq!(t("وليد", Lang::Auto), "Wlid");
        assert_eq!(t("وحيد", Lang::Fa), "Vhid");
        assert_eq!(t("قاسم", Lang::Fa), "Ghasm");
    }

    #[test]
    fn reads_kurdish_and_uyghur_vowels() {
        assert_eq!(t("کەریم", Lang::Auto), "Kerim");
        assert_eq!(t("شێرکۆ", Lang::Auto), "Sherko");
        assert_eq!(t("ڕەسوڵ", Lang::Auto), "Resul");
        assert_eq!(t("تۇرسۇن", Lang::Auto), "Tursun");
        assert_eq!(t("ۋەلی", Lang::Auto), "Weli");
        assert_eq!(t("شەوکەت", Lang::Auto), "Shewket");
        assert_eq!(t("حەیدەر", Lang::Auto), "Heyder");
    }
}
