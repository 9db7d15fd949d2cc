//! The Brahmic scripts of India (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil,
//! Telugu, Kannada, Malayalam), read as Indian names are romanised in English.
//!
//! These blocks share one layout (inherited from ISCII): a letter's offset in its block of
//! 128 says what it is, so one table serves all nine. What reading letters one at a time
//! (any_ascii) gets wrong, and this module does not:
//!
//! - a consonant without a vowel sign or virama carries the inherent vowel `a`
//!   (`कमल`, not `kml`). In the northern scripts that vowel is not spoken at the end of a
//!   word, unless the word ends in a cluster (`नरेन्द्र` Narendra), nor between a vowel
//!   and a consonant followed by a vowel (`कमला` Kamla, `समझदार` Samajhdar: Hindi schwa
//!   deletion, read right to left). The southern scripts write a virama where no vowel is
//!   spoken, so they keep every inherent vowel;
//! - letters are spelled as English romanisation does: `च` ch, `छ` chh, `श` and `ष` sh
//!   (any_ascii: c, ch, s, s), and a nukta makes the sounds of Persian and Arabic loans
//!   (`ज़` z, `फ़` f, `क़` q, `ख़` kh, `ग़` gh) or the flap of `ड़` r;
//! - the anusvara and candrabindu are the nasal of the next consonant, `m` only before a
//!   labial (`मुंबई` Mumbai, `चंडीगढ़` Chandigarh), and `m` at the end of a word in the
//!   southern scripts.

/// Is `c` a letter of one of the Indic scripts this module reads?
pub fn is_indic(c: char) -> bool {
    ('\u{900}'..='\u{D7F}').contains(&c)
}

/// What a letter is, by its offset in its script's block.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Letter {
    Consonant(&'static str),
    /// A consonant with no inherent vowel (Malayalam chillu, Bengali khanda ta).
    Final(&'static str),
    Vowel(&'static str),
    Sign(&'static str),
    Virama,
    Nukta,
    Nasal,
    /// Gurmukhi addak: doubles the next consonant.
    Double,
    Other,
}

fn letter(c: char) -> Letter {
    use Letter::*;
    let u = c as u32;
    let block = u & !0x7F;
    let off = u & 0x7F;
    match (block, off) {
        (0xD00, 0x7A..=0x7F) => Final(["n", "n", "r", "l", "l", "k"][(off - 0x7A) as usize]),
        (0xD00, 0x54..=0x56) => Final(["m", "y", "l"][(off - 0x54) as usize]),
        (0x980, 0x4E) => Final("t"),
        (0xA00, 0x71) => Double,
        (0xA00, 0x70) => Nasal,
        (0xA00, 0x72 | 0x73) => Vowel(""), // vowel bearers: the sign after them says which
        (_, 0x01 | 0x02) => Nasal,
        (_, 0x03) => Sign("h"),
        (_, 0x04..=0x14) => Vowel(VOWELS[(off - 0x04) as usize]),
        (_, 0x60) => Vowel("ri"),
        (_, 0x61) => Vowel("li"),
        (_, 0x15..=0x39) => Consonant(CONSONANTS[(off - 0x15) as usize]),
        (_, 0x3C) => Nukta,
        (_, 0x3E..=0x4C) => Sign(VOWELS[(off - 0x3E + 0x06 - 0x04) as usize]),
        (_, 0x55..=0x57) => Sign(""), // length marks of the southern scripts
        (_, 0x62 | 0x63) => Sign("li"),
        (_, 0x4D) => Virama,
        _ => Other,
    }
}

/// Offsets 0x04–0x14: independent vowels (the signs 0x3E–0x4C line up with 0x06–0x14).
const VOWELS: [&str; 17] = ["a", "a", "a", "i", "i", "u", "u", "ri", "li", "e", "e", "e", "ai", "o", "o", "o", "au"];

/// Offsets 0x15–0x39.
const CONSONANTS: [&str; 37] = [
    "k", "kh", "g", "gh", "ng", "ch", "chh", "j", "jh", "ny", "t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n", "n", "p",
    "ph", "b", "bh", "m", "y", "r", "r", "l", "l", "zh", "v", "sh", "sh", "s", "h",
];

/// A consonant with a nukta: the sound of a loanword, or a flap.
fn with_nukta(base: &'static str) -> &'static str {
    match base {
        "k" => "q",
        "j" => "z",
        "ph" => "f",
        "d" => "r",
        "dh" => "rh",
        other => other,
    }
}

/// Scripts that leave the inherent vowel unspoken where Hindi does.
fn is_northern(c: char) -> bool {
    matches!(c as u32 & !0x7F, 0x900 | 0x980 | 0xA00 | 0xA80 | 0xB00)
}

/// Appends the Latin of `chars`, a word whose first letter [`is_indic`], to `out`.
pub fn translit(chars: &[char], out: &mut String) {
    // Letters and inherent vowels on the stack for the usual word lengths (no allocation
    // per word).
    const STACK: usize = 32;
    let (mut letters_stack, mut schwa_stack) = ([Letter::Other; STACK], [false; STACK]);
    let (mut letters_heap, mut schwa_heap) = (Vec::new(), Vec::new());
    let (letters, schwa): (&mut [Letter], &mut [bool]) = if chars.len() <= STACK {
        (&mut letters_stack[..chars.len()], &mut schwa_stack[..chars.len()])
    } else {
        letters_heap.resize(chars.len(), Letter::Other);
        schwa_heap.resize(chars.len(), false);
        (&mut letters_heap, &mut schwa_heap)
    };
    for (l, &c) in letters.iter_mut().zip(chars) {
        *l = letter(c);
    }
    let letters: &[Letter] = letters;
    // The letter after a consonant, past its nukta.
    let after = |i: usize| {
        let j = if letters.get(i + 1) == Some(&Letter::Nukta) { i + 2 } else { i + 1 };
        (j, letters.get(j).copied())
    };
    for (i, s) in schwa.iter_mut().enumerate() {
        *s = matches!(letters[i], Letter::Consonant(_)) && !matches!(after(i).1, Some(Letter::Sign(_) | Letter::Virama));
    }
    let northern = chars.first().is_some_and(|&c| is_northern(c));
    if northern {
        drop_unspoken_schwas(letters, schwa);
    }
    for (i, &l) in letters.iter().enumerate() {
        match l {
            Letter::Consonant(s) => {
                out.push_str(if letters.get(i + 1) == Some(&Letter::Nukta) { with_nukta(s) } else { s });
                if schwa[i] {
                    out.push('a');
                }
            }
            Letter::Final(s) | Letter::Vowel(s) | Letter::Sign(s) => out.push_str(s),
            Letter::Nasal => match letters.get(i + 1) {
                // Before a nasal it only lengthens it (Gurmukhi `ਅੰਮ੍ਰਿਤਸਰ` Amritsar).
                Some(Letter::Consonant("m" | "n")) => {}
                Some(Letter::Consonant(s)) if s.starts_with(['p', 'b']) => out.push('m'),
                // At the end of a word the southern scripts' anusvara is m (`കേരളം` Keralam).
                None if !northern => out.push('m'),
                _ => out.push('n'),
            },
            Letter::Double => {
                if let Some(Letter::Consonant(s)) = letters.get(i + 1) {
                    out.push_str(&s[..1]);
                }
            }
            Letter::Virama | Letter::Nukta => {}
            Letter::Other => out.push_str(any_ascii::any_ascii_char(chars[i])),
        }
    }
}

/// Hindi schwa deletion: the inherent vowel of the last consonant (unless it closes a
/// cluster or is the word's only vowel), then, right to left, of a consonant between a
/// vowel and a consonant that has one.
fn drop_unspoken_schwas(letters: &[Letter], schwa: &mut [bool]) {
    let has_vowel = |i: usize, schwa: &[bool]| match letters[i] {
        Letter::Vowel(_) | Letter::Sign(_) => true,
        Letter::Consonant(_) => schwa[i],
        _ => false,
    };
    let last = (0..letters.len()).rev().find(|&i| letters[i] != Letter::Nukta);
    if let Some(last) = last {
        let vowels = (0..letters.len()).filter(|&i| has_vowel(i, schwa)).count();
        let in_cluster = last >= 1 && letters[last - 1] == Letter::Virama;
        if schwa[last] && vowels > 1 && !in_cluster {
            schwa[last] = false;
        }
    }
    for i in (1..letters.len()).rev() {
        if !schwa[i] {
            continue;
        }
        let prev = if letters[i - 1] == Letter::Nukta && i >= 2 { i - 2 } else { i - 1 };
        let next = if letters.get(i + 1) == Some(&Letter::Nukta) { i + 2 } else { i + 1 };
        let next_has_vowel = matches!(letters.get(next), Some(Letter::Consonant(_)))
            && (schwa[next] || matches!(letters.get(if letters.get(next + 1) == Some(&Letter::Nukta) { next + 2 } else { next + 1 }), Some(Letter::Sign(_))));
        if has_vowel(prev, schwa) && next_has_vowel {
            schwa[i] = false;
        }
    }
}

#[cfg(test)]
mod tests {
    fn t(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        super::translit(&chars, &mut out);
        out
    }

    #[test]
    fn the_inherent_vowel_and_where_hindi_drops_it() {
        for (word, latin) in [
            ("कमल", "kamal"),
            ("कमला", "kamla"),
            ("समझदार", "samajhdar"),
            ("भारत", "bharat"),
            ("अमर", "amar"),
            ("नरेन्द्र", "narendra"),
            ("कृष्ण", "krishna"),
            ("दिल्ली", "dilli"),
            ("न", "na"),
        ] {
            assert_eq!(t(word), latin, "{word}");
        }
    }

    #[test]
    fn letters_as_english_romanisation_spells_them() {
        assert_eq!(t("शाह"), "shah");
        assert_eq!(t("चंडीगढ़"), "chandigarh");
        assert_eq!(t("ज़फ़र"), "zafar");
        assert_eq!(t("मुंबई"), "mumbai");
        assert_eq!(t("अंबाला"), "ambala");
    }

    #[test]
    fn other_scripts_of_the_family() {
        assert_eq!(t("রবীন্দ্রনাথ"), "rabindranath"); // Bengali
        assert_eq!(t("ਅੰਮ੍ਰਿਤਸਰ"), "amritsar"); // Gurmukhi
        assert_eq!(t("ગાંધી"), "gandhi"); // Gujarati
        assert_eq!(t("ராமன்"), "raman"); // Tamil: every inherent vowel spoken
        assert_eq!(t("రామ"), "rama"); // Telugu
        assert_eq!(t("കേരളം"), "keralam"); // Malayalam
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["\u{94D}", "\u{93C}\u{93C}", "\u{902}", "क\u{94D}", "\u{A71}", "क\u{A71}", "ਕ\u{A71}", "१२३", "क़़"] {
            t(s);
        }
    }
}
