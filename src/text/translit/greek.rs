//! Greek → Latin (ASCII): modern Greek after ELOT 743 / the UN system (1987), in ASCII.
//!
//! This is the convention of Greek passports, road signs and most English-language text
//! about modern Greek people and places, so it meets the spellings found in the wild:
//! - letters: `β` → `v`, `γ` → `g`, `δ` → `d`, `ζ` → `z`, `η ι` → `i`, `θ` → `th`, `ξ` → `x`,
//!   `υ` → `y`, `φ` → `f`, `χ` → `ch`, `ψ` → `ps`, `ω` → `o` (Kyriakos Mitsotakis);
//!   ELOT's `υ` → `y` is kept rather than `i`: it is what the names are spelled with
//!   (Mykonos, Kyriakos, Elytis), and the skeleton treats `y` and `i` alike anyway;
//! - `αυ ευ ηυ` → `av ev iv` before a vowel or a voiced consonant (`β γ δ ζ λ μ ν ρ`),
//!   `af ef if` before a voiceless one and at the end (Evangelos, Eleftherios, Zefs);
//!   a diaeresis on the `υ` keeps the letters apart (Taygetos);
//! - `ου` → `ou`;
//! - `μπ` → `b` at the start of a word, `mb` inside; `ντ` → `d` at the start, `nd` inside,
//!   but `nt` before `ζ` (Kazantzakis); `γγ` → `ng`; `γκ` → `g` at the start, `ng` inside;
//!   `γξ` → `nx`; `γχ` → `nch`;
//! - accents, breathings and iota subscripts are dropped; polytonic letters (U+1F00–U+1FFF)
//!   are read as their monotonic base letters.
//!
//! Case follows the source: `Θ` → `Th`, and `TH` inside an all-caps word.

use super::super::lang::Lang;
use super::emit;
use std::str::Chars;

/// A Greek letter: its lower-case monotonic base letter, whether it was upper-case, and
/// whether it carried a diaeresis.
#[derive(Clone, Copy)]
struct G {
    l: char,
    upper: bool,
    dia: bool,
}

/// Appends the Latin transliteration of the Greek word `word` to `out`. `lang` is ignored.
pub fn translit(word: &str, _lang: Lang, out: &mut String) {
    read(word, false, out);
}

/// The word as English-language text often spells it where ELOT keeps the letters: `μπ ντ
/// γκ` inside a word as `b d g`, as they sound in names taken from other languages
/// (Ρουντί Rudy, Εντουάρ Edouard) and in many Greek ones (Andonis / Adonis), `τζ` as `j`
/// (Τζόελ Joel), `γι` before a vowel as `y` (Γιάννης Yannis, Παναγιώτης Panayiotis), `χ`
/// as the `h` it stands for in names from other languages (Χασάν Hasan).
/// `None` when that is the ELOT reading. For a second reading in comparisons.
pub fn spoken(word: &str) -> Option<String> {
    let (mut elot, mut spoken) = (String::new(), String::new());
    read(word, false, &mut elot);
    read(word, true, &mut spoken);
    (spoken != elot).then_some(spoken)
}

/// [`translit`], or with `spoken` the reading of [`spoken`].
fn read(word: &str, spoken: bool, out: &mut String) {
    let mut it = word.chars();
    let mut initial = true;
    // After a consonant a nasal cannot be heard: μπ ντ γκ are b d g (Ματίλντα Matilda).
    let mut after_consonant = false;
    let mut prev_upper = false;
    while let Some(c) = it.next() {
        let Some(g) = letter(c) else {
            if !is_mark(c) {
                let mut buf = [0u8; 4];
                super::fallback(c.encode_utf8(&mut buf), out);
                initial = !c.is_alphabetic();
                prev_upper = false;
            }
            continue;
        };
        let n1 = peek(&it);
        let is = |n: Option<G>, l: char| n.is_some_and(|n| n.l == l);
        let (s, pair): (&str, bool) = match g.l {
            'α' | 'ε' | 'η' if n1.is_some_and(|n| n.l == 'υ' && !n.dia) => {
                let voiced = peek2(&it).is_some_and(|n| voiced(n.l));
                let s = match (g.l, voiced) {
                    ('α', true) => "av",
                    ('α', false) => "af",
                    ('ε', true) => "ev",
                    ('ε', false) => "ef",
                    (_, true) => "iv",
                    (_, false) => "if",
                };
                (s, true)
            }
            'ο' if n1.is_some_and(|n| n.l == 'υ' && !n.dia) => ("ou", true),
            'μ' if is(n1, 'π') => (if initial || after_consonant || spoken { "b" } else { "mb" }, true),
            'ν' if is(n1, 'τ') => {
                if initial || after_consonant || spoken {
                    ("d", true)
                } else if is(peek2(&it), 'ζ') {
                    ("nt", true)
                } else {
                    ("nd", true)
                }
            }
            'γ' if is(n1, 'γ') => ("ng", true),
            'γ' if is(n1, 'κ') => (if initial || after_consonant || spoken { "g" } else { "ng" }, true),
            'τ' if spoken && is(n1, 'ζ') => ("j", true),
            'γ' if spoken && n1.is_some_and(|n| n.l == 'ι' && !n.dia) && peek2(&it).is_some_and(|n| is_vowel(n.l)) => ("y", true),
            'γ' if is(n1, 'ξ') => ("nx", true),
            'γ' if is(n1, 'χ') => ("nch", true),
            // Greek has no h: names from other languages write it χ (Χασάν Hasan, Χάνα Hana).
            'χ' if spoken => ("h", false),
            l => (single(l), false),
        };
        let caps = if pair {
            // Skip the second letter of the pair (and any marks before it).
            for c in it.by_ref() {
                if !is_mark(c) {
                    break;
                }
            }
            n1.is_some_and(|n| n.upper)
        } else {
            match n1 {
                Some(n) => n.upper,
                None => prev_upper,
            }
        };
        emit(out, s, g.upper, caps);
        initial = false;
        after_consonant = !is_vowel(g.l) || s.ends_with(['v', 'f']);
        prev_upper = g.upper;
    }
}


/// The next letter of `rest`, marks skipped; `None` at the end or before a non-letter.
fn peek(rest: &Chars) -> Option<G> {
    rest.clone().find(|&c| !is_mark(c)).and_then(letter)
}

/// The letter after the next one.
fn peek2(rest: &Chars) -> Option<G> {
    let mut r = rest.clone().filter(|&c| !is_mark(c));
    r.next();
    r.next().and_then(letter)
}

fn is_vowel(l: char) -> bool {
    matches!(l, 'α' | 'ε' | 'η' | 'ι' | 'ο' | 'υ' | 'ω')
}

/// Vowels and voiced consonants: `αυ ευ ηυ` before them are read `av ev iv`.
fn voiced(l: char) -> bool {
    matches!(
        l,
        'α' | 'ε' | 'η' | 'ι' | 'ο' | 'υ' | 'ω' | 'β' | 'γ' | 'δ' | 'ζ' | 'λ' | 'μ' | 'ν' | 'ρ'
    )
}

/// Combining marks and spacing accents: dropped.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0374}' | '\u{0375}' | '\u{037A}' | '\u{0384}' | '\u{0385}'
        | '\u{1FBD}'..='\u{1FC1}' | '\u{1FCD}'..='\u{1FCF}' | '\u{1FDD}'..='\u{1FDF}'
        | '\u{1FED}'..='\u{1FEF}' | '\u{1FFD}' | '\u{1FFE}')
}

/// One letter, lower-case base letter.
fn single(l: char) -> &'static str {
    match l {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => "",
    }
}

/// Reads a Greek letter (monotonic, polytonic or a symbol variant); `None` for anything else.
fn letter(c: char) -> Option<G> {
    let g = |l: char, upper: bool, dia: bool| Some(G { l, upper, dia });
    match c {
        'α'..='ω' => g(c, false, false),
        'Α'..='Ω' => g(char::from_u32(c as u32 + 0x20)?, true, false),
        'ά' => g('α', false, false),
        'έ' => g('ε', false, false),
        'ή' => g('η', false, false),
        'ί' => g('ι', false, false),
        'ό' => g('ο', false, false),
        'ύ' => g('υ', false, false),
        'ώ' => g('ω', false, false),
        'ϊ' | 'ΐ' => g('ι', false, true),
        'ϋ' | 'ΰ' => g('υ', false, true),
        'Ά' => g('α', true, false),
        'Έ' => g('ε', true, false),
        'Ή' => g('η', true, false),
        'Ί' => g('ι', true, false),
        'Ό' => g('ο', true, false),
        'Ύ' => g('υ', true, false),
        'Ώ' => g('ω', true, false),
        'Ϊ' => g('ι', true, true),
        'Ϋ' => g('υ', true, true),
        'ϐ' => g('β', false, false),
        'ϑ' => g('θ', false, false),
        'ϕ' => g('φ', false, false),
        'ϖ' => g('π', false, false),
        'ϰ' => g('κ', false, false),
        'ϱ' => g('ρ', false, false),
        'ϲ' => g('σ', false, false),
        'ϵ' => g('ε', false, false),
        'Ϲ' => g('σ', true, false),
        'ϴ' => g('θ', true, false),
        '\u{1F00}'..='\u{1FFF}' => polytonic(c as u32),
        _ => None,
    }
}

/// The base letter of a precomposed polytonic letter (Greek Extended block).
fn polytonic(u: u32) -> Option<G> {
    let (l, upper, dia) = match u {
        0x1F00..=0x1F07 | 0x1F70..=0x1F71 | 0x1F80..=0x1F87 | 0x1FB0..=0x1FB4 | 0x1FB6..=0x1FB7 => {
            ('α', false, false)
        }
        0x1F08..=0x1F0F | 0x1F88..=0x1F8F | 0x1FB8..=0x1FBC => ('α', true, false),
        0x1F10..=0x1F15 | 0x1F72..=0x1F73 => ('ε', false, false),
        0x1F18..=0x1F1D | 0x1FC8..=0x1FC9 => ('ε', true, false),
        0x1F20..=0x1F27 | 0x1F74..=0x1F75 | 0x1F90..=0x1F97 | 0x1FC2..=0x1FC4 | 0x1FC6..=0x1FC7 => {
            ('η', false, false)
        }
        0x1F28..=0x1F2F | 0x1F98..=0x1F9F | 0x1FCA..=0x1FCC => ('η', true, false),
        0x1F30..=0x1F37 | 0x1F76..=0x1F77 | 0x1FD0..=0x1FD1 | 0x1FD6 => ('ι', false, false),
        0x1FD2..=0x1FD3 | 0x1FD7 => ('ι', false, true),
        0x1F38..=0x1F3F | 0x1FD8..=0x1FDB => ('ι', true, false),
        0x1F40..=0x1F45 | 0x1F78..=0x1F79 => ('ο', false, false),
        0x1F48..=0x1F4D | 0x1FF8..=0x1FF9 => ('ο', true, false),
        0x1F50..=0x1F57 | 0x1F7A..=0x1F7B | 0x1FE0..=0x1FE1 | 0x1FE6 => ('υ', false, false),
        0x1FE2..=0x1FE3 | 0x1FE7 => ('υ', false, true),
        0x1F59 | 0x1F5B | 0x1F5D | 0x1F5F | 0x1FE8..=0x1FEB => ('υ', true, false),
        0x1F60..=0x1F67 | 0x1F7C..=0x1F7D | 0x1FA0..=0x1FA7 | 0x1FF2..=0x1FF4 | 0x1FF6..=0x1FF7 => {
            ('ω', false, false)
        }
        0x1F68..=0x1F6F | 0x1FA8..=0x1FAF | 0x1FFA..=0x1FFC => ('ω', true, false),
        0x1FE4..=0x1FE5 => ('ρ', false, false),
        0x1FEC => ('ρ', true, false),
        _ => return None,
    };
    Some(G { l, upper, dia })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(word: &str) -> String {
        let mut s = String::new();
        translit(word, Lang::El, &mut s);
        s
    }

    #[test]
    fn words() {
        let cases = [
            ("Αθήνα", "Athina"),
            ("Θεσσαλονίκη", "Thessaloniki"),
            ("Μητσοτάκης", "Mitsotakis"),
            ("Κυριάκος", "Kyriakos"),
            ("Ευάγγελος", "Evangelos"),
            ("Ελευθέριος", "Eleftherios"),
            ("Ζευς", "Zefs"),
            ("Εύβοια", "Evvoia"),
            ("Αύγουστος", "Avgoustos"),
            ("Ταΰγετος", "Taygetos"),
            ("Παπανδρέου", "Papandreou"),
            ("Μπακογιάννη", "Bakogianni"),
            ("Λάμπρος", "Lambros"),
            ("Ντόρα", "Dora"),
            ("Σαντορίνη", "Sandorini"),
            ("Καζαντζάκης", "Kazantzakis"),
            ("Γκάλης", "Galis"),
            ("Αγκαλιά", "Angalia"),
            ("Σφίγξ", "Sfinx"),
            ("Μελαγχολία", "Melancholia"),
            ("Ψαρά", "Psara"),
            ("Ξάνθη", "Xanthi"),
            ("Χανιά", "Chania"),
            ("Ηλίας", "Ilias"),
            ("Ωρωπός", "Oropos"),
            ("Ηυ", "If"),
            // μπ ντ γκ after a consonant: no nasal to hear.
            ("Ματίλντα", "Matilda"),
            ("Μπέρνχαρντ", "Bernchard"),
            ("Μαργκαρίτα", "Margarita"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn spoken_spellings() {
        assert_eq!(spoken("Ρουντί").as_deref(), Some("Roudi"));
        assert_eq!(spoken("Αντώνης").as_deref(), Some("Adonis"));
        assert_eq!(spoken("Γιάννης").as_deref(), Some("Yannis"));
        assert_eq!(spoken("Παναγιώτης").as_deref(), Some("Panayotis"));
        assert_eq!(spoken("Τζόελ").as_deref(), Some("Joel"));
        assert_eq!(spoken("Χασάν").as_deref(), Some("Hasan"));
        // Nothing to say otherwise; γι before a consonant stays.
        assert_eq!(spoken("Κυριάκος"), None);
        assert_eq!(spoken("Ματίλντα"), None);
        assert_eq!(spoken("Αιγίνα"), None);
    }

    #[test]
    fn case_polytonic_marks() {
        let cases = [
            ("ΘΕΣΣΑΛΟΝΙΚΗ", "THESSALONIKI"),
            ("ΟΥΡΑΝΟΣ", "OURANOS"),
            ("Ουρανός", "Ouranos"),
            ("ΜΠΑΜΠΗΣ", "BAMBIS"),
            ("Θ", "Th"),
            ("Ἀθῆναι", "Athinai"),
            ("Ὅμηρος", "Omiros"),
            ("ᾠδή", "odi"),
            ("Ῥόδος", "Rodos"),
            ("Αθη\u{301}να", "Athina"),
            ("ΑΎΡΑ", "AVRA"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for w in [
            "",
            "\u{301}",
            "μ",
            "ν",
            "γ",
            "αυ",
            "ευ\u{301}",
            "Ϝ",
            "α1β",
            "ʹ",
            "ᾼ",
        ] {
            let s = t(w);
            assert!(s.is_ascii(), "{w:?} → {s:?}");
        }
        let mut s = String::from("x ");
        translit("Ρόδος", Lang::Auto, &mut s);
        assert_eq!(s, "x Rodos");
    }
}
