//! Armenian → Latin (ASCII): BGN/PCGN 1981 (Eastern Armenian, Reformed spelling), with the
//! apostrophes of the aspirated letters dropped, which is how Armenian names are spelled in
//! English (Yerevan, Khachatryan, Pashinyan, Aznavur).
//!
//! - `ու` → `u`, `և` → `ev` (`yev` at the start of a word);
//! - `ե` → `ye` at the start of a word and after a vowel, `e` elsewhere (Yerevan, Yesayan);
//! - `ո` → `vo` at the start of a word, `o` elsewhere (Voskan);
//! - `թ տ` → `t`, `փ պ` → `p`, `ք կ` → `k`, `ծ ց` → `ts`, `ճ չ` → `ch`, `ձ` → `dz`,
//!   `ջ` → `j`, `ղ` → `gh`, `խ` → `kh`, `ժ` → `zh`, `ռ ր` → `r`, `ը` → `y`;
//! - emphasis, exclamation, question and abbreviation marks inside a word are dropped;
//!   the ligatures U+FB13–FB17 are read as their letters.
//!
//! Case follows the source: `Ե` → `Ye`, and `YE` inside an all-caps word.

use super::super::lang::Lang;
use super::emit;
use std::str::Chars;

/// Appends the Latin transliteration of the Armenian word `word` to `out`. `lang` is ignored.
pub fn translit(word: &str, _lang: Lang, out: &mut String) {
    read(word, false, out);
}

/// The word as Western Armenian pronounces it, the spelling of the diaspora of Lebanon,
/// Syria, Turkey and the Americas: the voiced and voiceless stops and affricates of the
/// Eastern reading swapped (Հակոբ Hagop, Պետրոս Bedros, Գևորգ Kevork, Կարապետ
/// Garabed). `None` when it has none of those letters. For a second reading in comparisons.
pub fn western(word: &str) -> Option<String> {
    if !word.chars().any(|c| western_stop(lower(c).0).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 4);
    read(word, true, &mut out);
    Some(out)
}

/// The Western Armenian reading of a letter whose Eastern one is a voiced or voiceless
/// stop or affricate.
fn western_stop(l: char) -> Option<&'static str> {
    Some(match l {
        'բ' => "p",
        'պ' => "b",
        'գ' => "k",
        'կ' => "g",
        'դ' => "t",
        'տ' => "d",
        'ջ' => "ch",
        'ճ' => "j",
        'ձ' => "ts",
        'ծ' => "dz",
        _ => return None,
    })
}

/// [`translit`], or with `western` the reading of [`western`].
fn read(word: &str, western: bool, out: &mut String) {
    let mut it = word.chars();
    let mut initial = true;
    let mut after_vowel = false;
    let mut prev_upper = false;
    while let Some(c) = it.next() {
        if is_mark(c) {
            continue;
        }
        let (l, upper) = lower(c);
        let (next, next_upper) = peek(&it);
        let s = match l {
            'ո' if next == Some('ւ') => {
                skip_letter(&mut it);
                "u"
            }
            'ե' if initial || after_vowel => "ye",
            'ո' if initial => "vo",
            'և' if initial => "yev",
            l if western && western_stop(l).is_some() => western_stop(l).unwrap_or_default(),
            _ => match single(l) {
                Some(s) => s,
                None => {
                    let mut buf = [0u8; 4];
                    super::fallback(c.encode_utf8(&mut buf), out);
                    initial = !c.is_alphabetic();
                    after_vowel = false;
                    prev_upper = upper;
                    continue;
                }
            },
        };
        emit(out, s, upper, next_upper || (next.is_none() && prev_upper));
        after_vowel = matches!(s.as_bytes().last(), Some(b'a' | b'e' | b'i' | b'o' | b'u'));
        initial = false;
        prev_upper = upper;
    }
}


/// Lower-case form and whether the letter was upper-case.
#[inline]
fn lower(c: char) -> (char, bool) {
    match c {
        'Ա'..='Ֆ' => (char::from_u32(c as u32 + 0x30).unwrap_or(c), true),
        _ => (c, false),
    }
}

/// The next character, marks skipped, lower-cased, and whether it is upper-case.
fn peek(rest: &Chars) -> (Option<char>, bool) {
    match rest.clone().find(|&c| !is_mark(c)) {
        Some(c) => {
            let (l, u) = lower(c);
            (Some(l), u)
        }
        None => (None, false),
    }
}

/// Skips the next letter (and the marks before it).
fn skip_letter(it: &mut Chars) {
    for c in it.by_ref() {
        if !is_mark(c) {
            break;
        }
    }
}

/// Combining marks and the Armenian marks written inside words: dropped.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0559}'..='\u{055F}')
}

/// The reading of one lower-case letter out of context.
fn single(l: char) -> Option<&'static str> {
    Some(match l {
        'ա' => "a",
        'բ' => "b",
        'գ' => "g",
        'դ' => "d",
        'ե' => "e",
        'զ' => "z",
        'է' => "e",
        'ը' => "y",
        'թ' => "t",
        'ժ' => "zh",
        'ի' => "i",
        'լ' => "l",
        'խ' => "kh",
        'ծ' => "ts",
        'կ' => "k",
        'հ' => "h",
        'ձ' => "dz",
        'ղ' => "gh",
        'ճ' => "ch",
        'մ' => "m",
        'յ' => "y",
        'ն' => "n",
        'շ' => "sh",
        'ո' => "o",
        'չ' => "ch",
        'պ' => "p",
        'ջ' => "j",
        'ռ' => "r",
        'ս' => "s",
        'վ' => "v",
        'տ' => "t",
        'ր' => "r",
        'ց' => "ts",
        'ւ' => "v",
        'փ' => "p",
        'ք' => "k",
        'օ' => "o",
        'ֆ' => "f",
        'և' => "ev",
        'ﬓ' => "mn",
        'ﬔ' => "me",
        'ﬕ' => "mi",
        'ﬖ' => "vn",
        'ﬗ' => "mkh",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(word: &str) -> String {
        let mut s = String::new();
        translit(word, Lang::Hy, &mut s);
        s
    }

    #[test]
    fn western_armenian() {
        assert_eq!(western("Հակոբ").as_deref(), Some("Hagop"));
        assert_eq!(western("Պետրոս").as_deref(), Some("Bedros"));
        assert_eq!(western("Կարապետ").as_deref(), Some("Garabed"));
        assert_eq!(western("Արամ"), None);
    }

    #[test]
    fn words() {
        let cases = [
            ("Երևան", "Yerevan"),
            ("Գյումրի", "Gyumri"),
            ("Էջմիածին", "Ejmiatsin"),
            ("Խաչատրյան", "Khachatryan"),
            ("Փաշինյան", "Pashinyan"),
            ("Ազնավուր", "Aznavur"),
            ("Ոսկան", "Voskan"),
            ("Ուիլյամ", "Uilyam"),
            ("Եսայան", "Yesayan"),
            ("Հովհաննես", "Hovhannes"),
            ("Մխիթարյան", "Mkhitaryan"),
            ("Սևան", "Sevan"),
            ("Սեւան", "Sevan"),
            ("Ղարաբաղ", "Gharabagh"),
            ("Ճանապարհ", "Chanaparh"),
            ("Հայաստան", "Hayastan"),
            ("Մայիսյան", "Mayisyan"),
            ("Քաջարանը", "Kajarany"),
            ("ﬓ", "mn"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn case_and_marks() {
        let cases = [
            ("ԵՐԵՎԱՆ", "YEREVAN"),
            ("ՈՒՐԱՐՏՈՒ", "URARTU"),
            ("Ե", "Ye"),
            ("Երևա՛ն", "Yerevan"),
            ("ԽԱՉ", "KHACH"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for w in [
            "", "\u{055B}", "ո", "ու", "ւ", "և", "Ու", "ՈՒ", "ֈ", "ՠ", "1",
        ] {
            let s = t(w);
            assert!(s.is_ascii(), "{w:?} → {s:?}");
        }
        let mut s = String::from("x ");
        translit("Սևան", Lang::Auto, &mut s);
        assert_eq!(s, "x Sevan");
    }
}
