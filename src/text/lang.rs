//! Scripts and transliteration conventions.

/// A transliteration convention: which language's rules to apply to a script.
///
/// `Auto` lets canonym guess from the letters (Ukrainian `і ї є ґ`, Serbian `ђ ћ џ`,
/// Persian `پ چ ژ گ`); the others force one convention, e.g. for a column known to be
/// Bulgarian.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Lang {
    /// Guess per word from its letters.
    #[default]
    Auto,
    /// Arabic.
    Ar,
    /// Persian (Farsi).
    Fa,
    /// Urdu.
    Ur,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
    /// Belarusian.
    Be,
    /// Serbian (Cyrillic).
    Sr,
    /// Bulgarian.
    Bg,
    /// Macedonian.
    Mk,
    /// Hebrew.
    He,
    /// Greek.
    El,
    /// Armenian.
    Hy,
    /// Georgian.
    Ka,
}

impl Lang {
    /// Parses a language code (`ru`, `uk`, `sr`, `bg`, `fa`, `ar`, …; case-insensitive).
    /// Returns `None` for a code canonym has no convention for.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Some(match code.as_str() {
            "auto" => Lang::Auto,
            "ar" | "ara" | "arabic" => Lang::Ar,
            "fa" | "fas" | "per" | "persian" | "farsi" => Lang::Fa,
            "ur" | "urd" | "urdu" => Lang::Ur,
            "ru" | "rus" | "russian" => Lang::Ru,
            "uk" | "ukr" | "ukrainian" => Lang::Uk,
            "be" | "bel" | "belarusian" => Lang::Be,
            "sr" | "srp" | "serbian" => Lang::Sr,
            "bg" | "bul" | "bulgarian" => Lang::Bg,
            "mk" | "mkd" | "macedonian" => Lang::Mk,
            "he" | "heb" | "hebrew" | "iw" => Lang::He,
            "el" | "ell" | "gre" | "greek" => Lang::El,
            "hy" | "hye" | "arm" | "armenian" => Lang::Hy,
            "ka" | "kat" | "geo" | "georgian" => Lang::Ka,
            _ => return None,
        })
    }

    /// The language codes accepted by [`Lang::from_code`], for help texts.
    pub const CODES: &'static [&'static str] =
        &["auto", "ar", "fa", "ur", "ru", "uk", "be", "sr", "bg", "mk", "he", "el", "hy", "ka"];
}

/// The writing system of a character, as far as canonym treats scripts differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin letters, with or without diacritics.
    Latin,
    /// Arabic script (Arabic, Persian, Urdu, …).
    Arabic,
    /// Cyrillic.
    Cyrillic,
    /// Greek.
    Greek,
    /// Hebrew.
    Hebrew,
    /// Armenian.
    Armenian,
    /// Georgian.
    Georgian,
    /// Any other script: handled by the generic fallback table.
    Other,
    /// Digits, punctuation, marks and everything that is not a letter of a script.
    Common,
}

/// Below this code point [`script_of`] reads a table.
const SCRIPT_TABLE_END: usize = 0x2000;

/// The script of every character below [`SCRIPT_TABLE_END`], built once from
/// [`script_by_range`]: one load instead of a chain of range tests and, for Indic letters,
/// the Unicode tables.
fn script_table() -> &'static [Script; SCRIPT_TABLE_END] {
    static TABLE: std::sync::OnceLock<[Script; SCRIPT_TABLE_END]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [Script::Common; SCRIPT_TABLE_END];
        for (u, s) in t.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(u as u32) {
                *s = script_by_range(c);
            }
        }
        t
    })
}

/// The script of one character.
#[inline]
pub fn script_of(c: char) -> Script {
    match c as usize {
        0x41..=0x5A | 0x61..=0x7A => Script::Latin,
        0..=0x7F => Script::Common,
        u if u < SCRIPT_TABLE_END => script_table()[u],
        // The large scripts of [`script_by_range`] before its chain (ZWNJ and punctuation,
        // kana, CJK, Hangul); the test below checks every character.
        0x2000..=0x2BFF => Script::Common,
        0x3041..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => Script::Other,
        _ => script_by_range(c),
    }
}

/// The script of one character, by range.
fn script_by_range(c: char) -> Script {
    let u = c as u32;
    match u {
        0x41..=0x5A | 0x61..=0x7A => Script::Latin,
        0..=0x7F => Script::Common,
        0xC0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F
        | 0x250..=0x2AF => {
            if c == '\u{D7}' || c == '\u{F7}' {
                Script::Common
            } else {
                Script::Latin
            }
        }
        0x2B0..=0x2FF => Script::Common, // modifier letters (ʿ ʾ ʼ …) behave as punctuation here
        0x300..=0x36F => Script::Common, // combining marks
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x530..=0x58F | 0xFB13..=0xFB17 => Script::Armenian,
        0x591..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        // Arabic punctuation, number signs and the Urdu full stop are not letters.
        0x600..=0x60F | 0x61B..=0x61F | 0x66A..=0x66D | 0x6D4 | 0x6DD | 0x6DE | 0x6E9 => Script::Common,
        0x610..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
        // Punctuation, symbols and emoji blocks; everything else counts as a letter of some
        // other script (a range test instead of the Unicode property tables: hot path).
        // The katakana middle dot ・ and double hyphen ゠ separate the words of a foreign
        // name (マリア・デ・ラス・メルセデス).
        0x80..=0xBF | 0x2000..=0x2BFF | 0x3000..=0x3040 | 0x30A0 | 0x30FB | 0xFE10..=0xFE6F | 0xFF00..=0xFF20 | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65 | 0x1F000..=0x1FAFF | 0xE000..=0xF8FF | 0xFFF0..=0xFFFF => Script::Common,
        // Letters of the large scripts without digits or spaces, before the Unicode tables
        // (see the test below).
        0x3041..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => Script::Other,
        _ if c.is_numeric() || c.is_whitespace() => Script::Common,
        _ => Script::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_other_scripts_hold_no_digit_or_space() {
        let ranges = [0x3041..=0x309F, 0x30A1..=0x30FA, 0x30FC..=0x30FF, 0x3400..=0x4DBF, 0x4E00..=0x9FFF, 0xAC00..=0xD7A3];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(!c.is_numeric() && !c.is_whitespace(), "{c:?}");
            assert_eq!(script_of(c), Script::Other, "{c:?}");
        }
    }

    #[test]
    fn the_table_agrees_with_the_ranges() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(script_of(c), script_by_range(c), "{c:?}");
        }
    }
}
