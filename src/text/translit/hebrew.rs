//! Hebrew → Latin (ASCII), in the popular Israeli/English spelling of names (the consonant
//! values of the Academy of the Hebrew Language's 2006 simplified rules, ASCII only).
//!
//! Consonants: `ב` → `b` at the start of a word or with dagesh, else `v`; `כ` → `k` / `kh`
//! and final `ך` → `kh`; `פ` → `p` / `f` and final `ף` → `f`; `ח` → `kh`; `צ ץ` → `ts`;
//! `ש` → `sh` (`s` with the sin dot); `ג׳ ז׳ צ׳ ת׳` → `j zh ch th`; `א ע` carry no consonant.
//! Hebrew has no letter case, so the output is lower-case (like Georgian).
//!
//! **With vowel points** (niqqud), the points give the vowels: `ַ ָ ֲ` → `a`, `ֶ ֵ ֱ` → `e`,
//! `ִ` → `i`, `ֹ ׇ ֳ` → `o`, `ֻ` → `u`, `וֹ` → `o`, `וּ` → `u`, shva → `e` on the first letter of
//! the word only, a furtive patah before final `ח ע` → `a` first (`נֹחַ` → `noakh`),
//! `י` after `i`/`e` is silent (`דָּוִד` → `david`, `יְרוּשָׁלַיִם` → `yerushalayim`).
//!
//! **Without points** (the usual case) the short vowels are not written, so the rules are
//! deliberately simple, and documented because they guess:
//! - `ו`: `v` at the start of a word and for a doubled `וו`; `u` at the end after `ה`
//!   (Netanyahu); `o` elsewhere (`גוריון` → `gorion`);
//! - `י`: `y` at the start of a word and after a vowel; a doubled `יי` → `y` (or `ay` after
//!   a consonant: `חיים` → `khaym`); `i` elsewhere;
//! - `א ע` → `a`, or nothing before `ו`/`י` (whose vowel is then read: `אורי` → `ori`);
//! - final `ה` → `a`;
//! - **vowel insertion**: between two consonants, `e` is inserted (the shva/segol reading,
//!   the most frequent unwritten vowel in names): `נתניהו` → `netenihu`, `ירושלים` →
//!   `yeroshelim`, `מנחם בגין` → `menekhem begin`. It only serves readability: the
//!   matcher reads Hebrew without it ([`translit_unvowelled`]), as an abjad.

use super::super::lang::Lang;
use std::str::Chars;

/// The points and marks that follow a letter.
#[derive(Default, Clone, Copy)]
struct Marks {
    dagesh: bool,
    shin: bool,
    sin: bool,
    geresh: bool,
    shva: bool,
    holam: bool,
    patah: bool,
    /// The vowel of any vowel point other than shva and holam.
    vowel: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum St {
    Start,
    Vowel,
    Cons,
}

/// Appends the Latin transliteration of the Hebrew word `word` to `out`. `lang` is ignored.
pub fn translit(word: &str, _lang: Lang, out: &mut String) {
    spell(word, true, Stops::Usual, out);
}

/// The same without the `e` inserted between two consonants of an unpointed word, for
/// matching: an abjad reading leaves the unwritten vowels unknown, and a guessed `e`
/// would cost against a Latin consonant cluster (`Klingberg` / `קלינגברג`).
pub fn translit_unvowelled(word: &str, out: &mut String) {
    spell(word, false, Stops::Usual, out);
}

/// How an unpointed `ב כ פ` is read: without its dagesh, the text does not say whether it
/// is b k p or v kh f.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stops {
    /// b k p at the start of a word, v kh f elsewhere: the rule of Hebrew words.
    Usual,
    /// b k p everywhere, as in names from other languages (קספר Kasper, ספארק Spark).
    Plosive,
    /// v kh f everywhere, the start of a word too (פליקס Felix, פרנק Frank).
    Fricative,
}

/// The other readings of an unpointed word than [`translit_unvowelled`], for comparisons:
/// with `ch` where it writes `kh` (see [`with_ch`]), and its `ב כ פ` read as plosives or as
/// fricatives wherever they stand (see [`Stops`]). The usual reading is spelled once.
pub fn unvowelled_other_readings(word: &str) -> Vec<String> {
    let mut usual = String::new();
    translit_unvowelled(word, &mut usual);
    let mut readings: Vec<String> = with_ch(&usual).into_iter().collect();
    readings.extend(other_stops(word, &usual));
    readings
}

/// The unvowelled reading `usual` with `ch` where it writes `kh` (`ח`, `כ`, `ך`), as most
/// Latin spellings of Hebrew and German names do (Chaim, Rachel, Menachem, Michael, Erich;
/// a Latin ch is read as in English). `None` without `kh`.
fn with_ch(usual: &str) -> Option<String> {
    usual.contains("kh").then(|| usual.replace("kh", "ch"))
}

/// The readings of an unpointed word's `ב כ פ` by the other [`Stops`] that differ from its
/// unvowelled reading `usual`: names from other languages do not follow the Hebrew rule.
fn other_stops(word: &str, usual: &str) -> Vec<String> {
    let mut readings = Vec::new();
    if word.chars().any(is_vowel_point) {
        return readings;
    }
    for stops in [Stops::Plosive, Stops::Fricative] {
        let mut other = String::new();
        spell(word, false, stops, &mut other);
        if other != usual && !readings.contains(&other) {
            readings.push(other);
        }
    }
    readings
}

fn spell(word: &str, insert_e: bool, stops: Stops, out: &mut String) {
    let pointed = word.chars().any(is_vowel_point);
    let mut w = W {
        out,
        st: St::Start,
        last: 0,
        insert_e,
        stops,
    };
    let mut it = word.chars();
    let mut first = true; // no Hebrew letter yet
    let mut prev_letter = '\0';
    while let Some(c) = it.next() {
        if !is_letter(c) {
            if !is_mark(c) && !is_geresh(c) {
                let mut buf = [0u8; 4];
                super::fallback(c.encode_utf8(&mut buf), w.out);
                w.st = St::Start;
                first = true;
            }
            continue;
        }
        let m = marks(&mut it);
        let next = it.clone().next();
        let fin = !matches!(next, Some(n) if is_letter(n));
        if pointed {
            pointed_letter(&mut w, c, &m, first, fin);
        } else {
            plain_letter(&mut w, c, &m, first, fin, next, prev_letter, &mut it);
        }
        first = false;
        prev_letter = c;
    }
}

/// The output with what the rules need to know about it.
struct W<'a> {
    out: &'a mut String,
    st: St,
    /// The last byte written for this word (0 if none).
    last: u8,
    /// Whether unpointed consonants get an `e` between them (see [`translit_unvowelled`]).
    insert_e: bool,
    stops: Stops,
}

impl W<'_> {
    /// A consonant; in unpointed text an `e` goes between two consonants.
    fn cons(&mut self, s: &str, insert: bool) {
        if s.is_empty() {
            return;
        }
        if insert && self.insert_e && self.st == St::Cons {
            self.out.push('e');
        }
        self.push(s);
        self.st = St::Cons;
    }

    fn vowel(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.push(s);
        self.st = St::Vowel;
    }

    fn push(&mut self, s: &str) {
        match s.as_bytes() {
            [b] => self.out.push(*b as char),
            _ => self.out.push_str(s),
        }
        self.last = s.bytes().last().unwrap_or(self.last);
    }
}

/// One letter of an unpointed word.
#[allow(clippy::too_many_arguments)]
fn plain_letter(
    w: &mut W,
    c: char,
    m: &Marks,
    first: bool,
    fin: bool,
    next: Option<char>,
    prev: char,
    it: &mut Chars,
) {
    match c {
        'א' | 'ע' => {
            if !matches!(next, Some('ו' | 'י')) {
                w.vowel("a");
            }
        }
        'ו' => {
            if next == Some('ו') {
                it.next();
                marks(it);
                w.cons("v", true);
            } else if m.dagesh && !first {
                w.vowel("u");
            } else if first {
                w.cons("v", true);
            } else if fin && prev == 'ה' {
                w.vowel("u");
            } else {
                w.vowel("o");
            }
        }
        'י' => {
            if next == Some('י') {
                it.next();
                marks(it);
                if w.st == St::Cons {
                    w.vowel("ay");
                } else {
                    w.cons("y", true);
                }
            } else if first || w.st == St::Vowel {
                w.cons("y", true);
            } else {
                w.vowel("i");
            }
        }
        'ה' if fin && !m.dagesh && !first => {
            if w.last == b'a' {
                w.cons("h", true);
            } else {
                w.vowel("a");
            }
        }
        'ױ' => w.vowel("oy"),
        'ײ' => w.vowel("ey"),
        _ => w.cons(consonant(c, m, first, w.stops), true),
    }
}

/// One letter of a pointed word.
fn pointed_letter(w: &mut W, c: char, m: &Marks, first: bool, fin: bool) {
    let shva = if m.shva && first { "e" } else { "" };
    let bare = m.vowel.is_none() && !m.shva;
    match c {
        'ו' if bare && m.holam => {
            if w.st == St::Vowel {
                w.cons("v", false);
            }
            w.vowel("o");
        }
        'ו' if bare && m.dagesh => {
            if w.st == St::Vowel {
                w.cons("v", false);
            }
            w.vowel("u");
        }
        'ו' if bare && w.st != St::Vowel && !first => w.vowel("o"),
        'י' if bare && !m.holam => {
            if matches!(w.last, b'i' | b'e') {
                // a mater lectionis: the vowel is already written
            } else if w.st == St::Vowel || first {
                w.cons("y", false);
            } else {
                w.vowel("i");
            }
        }
        'ה' if bare && !m.holam && fin && !m.dagesh => {}
        'ײ' => w.vowel(if m.vowel == Some("a") { "ay" } else { "ey" }),
        'ױ' => w.vowel("oy"),
        _ => {
            // Furtive patah: the vowel is said before the final guttural.
            if fin && m.patah && matches!(c, 'ח' | 'ע' | 'ה') {
                w.vowel("a");
                w.cons(consonant(c, m, first, w.stops), false);
                return;
            }
            w.cons(consonant(c, m, first, w.stops), false);
            if let Some(v) = m.vowel {
                w.vowel(v);
            } else if m.holam {
                w.vowel("o");
            } else {
                w.vowel(shva);
            }
        }
    }
}

/// The consonant value of a letter (empty for `א ע`).
fn consonant(c: char, m: &Marks, first: bool, stops: Stops) -> &'static str {
    let hard = match stops {
        Stops::Usual => m.dagesh || first,
        Stops::Plosive => true,
        Stops::Fricative => m.dagesh,
    };
    match c {
        'ב' => {
            if hard {
                "b"
            } else {
                "v"
            }
        }
        'ג' => {
            if m.geresh {
                "j"
            } else {
                "g"
            }
        }
        'ד' => {
            if m.geresh {
                "dh"
            } else {
                "d"
            }
        }
        'ה' => "h",
        'ו' | 'װ' => "v",
        'ז' => {
            if m.geresh {
                "zh"
            } else {
                "z"
            }
        }
        'ח' => "kh",
        'ט' => "t",
        'י' => "y",
        'כ' => {
            if hard {
                "k"
            } else {
                "kh"
            }
        }
        'ך' => {
            if m.dagesh {
                "k"
            } else {
                "kh"
            }
        }
        'ל' => "l",
        'מ' | 'ם' => "m",
        'נ' | 'ן' => "n",
        'ס' => "s",
        'פ' => {
            if hard {
                "p"
            } else {
                "f"
            }
        }
        'ף' => {
            if m.dagesh {
                "p"
            } else {
                "f"
            }
        }
        'צ' | 'ץ' => {
            if m.geresh {
                "ch"
            } else {
                "ts"
            }
        }
        'ק' => "k",
        'ר' => "r",
        'ש' => {
            if m.sin && !m.shin {
                "s"
            } else {
                "sh"
            }
        }
        'ת' => {
            if m.geresh {
                "th"
            } else {
                "t"
            }
        }
        'ױ' => "oy",
        'ײ' => "y",
        _ => "",
    }
}

/// Consumes the points, accents and geresh that follow a letter.
fn marks(it: &mut Chars) -> Marks {
    let mut m = Marks::default();
    while let Some(c) = it.clone().next() {
        match c {
            '\u{05B0}' => m.shva = true,
            '\u{05B1}' | '\u{05B5}' | '\u{05B6}' => m.vowel = Some("e"),
            '\u{05B2}' | '\u{05B8}' => m.vowel = Some("a"),
            '\u{05B7}' => {
                m.vowel = Some("a");
                m.patah = true;
            }
            '\u{05B3}' | '\u{05C7}' => m.vowel = Some("o"),
            '\u{05B4}' => m.vowel = Some("i"),
            '\u{05B9}' | '\u{05BA}' => m.holam = true,
            '\u{05BB}' => m.vowel = Some("u"),
            '\u{05BC}' => m.dagesh = true,
            '\u{05C1}' => m.shin = true,
            '\u{05C2}' => m.sin = true,
            c if is_geresh(c) => m.geresh = true,
            c if is_mark(c) => {}
            _ => break,
        }
        it.next();
    }
    m
}

fn is_letter(c: char) -> bool {
    matches!(c, '\u{05D0}'..='\u{05EA}' | '\u{05F0}'..='\u{05F2}')
}

/// Vowel points (not dagesh, not the shin/sin dots, not accents).
fn is_vowel_point(c: char) -> bool {
    matches!(c, '\u{05B0}'..='\u{05BB}' | '\u{05C7}')
}

/// Points, accents and other combining marks: read by [`marks`] or dropped.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}' | '\u{0300}'..='\u{036F}' | '\u{FB1E}')
}

/// Geresh and gershayim (and the apostrophes and quotes typed for them).
fn is_geresh(c: char) -> bool {
    matches!(
        c,
        '\u{05F3}' | '\u{05F4}' | '\'' | '"' | '\u{2019}' | '\u{02BC}' | '`'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(word: &str) -> String {
        let mut s = String::new();
        translit(word, Lang::He, &mut s);
        s
    }

    /// [`translit_unvowelled`] of `word`.
    fn usual(word: &str) -> String {
        let mut s = String::new();
        translit_unvowelled(word, &mut s);
        s
    }

    #[test]
    fn other_stops() {
        let unvowelled_other_stops = |w: &str| super::other_stops(w, &usual(w));
        // קספר: the usual reading has f, the plosive one p (Kasper).
        assert!(unvowelled_other_stops("קספר").iter().any(|r| r.contains('p')), "{:?}", unvowelled_other_stops("קספר"));
        // פליקס: an initial f.
        assert!(unvowelled_other_stops("פליקס").iter().any(|r| r.starts_with('f')));
        // No ב כ פ: nothing else to read; pointed text says which it is.
        assert!(unvowelled_other_stops("משה").is_empty());
        assert!(unvowelled_other_stops("פֶּרֶץ").is_empty());
    }

    #[test]
    fn kh_written_ch() {
        let unvowelled_with_ch = |w: &str| with_ch(&usual(w));
        assert_eq!(unvowelled_with_ch("חיים").as_deref(), Some("chaym"));
        assert_eq!(unvowelled_with_ch("אריך").as_deref(), Some("arich"));
        assert_eq!(unvowelled_with_ch("משה"), None);
    }

    #[test]
    fn unpointed() {
        let cases = [
            ("ירושלים", "yeroshelim"),
            ("נתניהו", "netenihu"),
            ("תל", "tel"),
            ("אביב", "aviv"),
            ("חיפה", "khifa"),
            ("אילת", "ilet"),
            ("דוד", "dod"),
            ("משה", "mesha"),
            ("שמעון", "shemon"),
            ("פרס", "peres"),
            ("מנחם", "menekhem"),
            ("בגין", "begin"),
            ("עמוס", "amos"),
            ("עוז", "oz"),
            ("אורי", "ori"),
            ("חיים", "khaym"),
            ("וייצמן", "vaytsemen"),
            ("יוסף", "yosef"),
            ("לאה", "lah"),
            ("מלך", "melekh"),
            ("ג'ורג'", "jorej"),
            ("ג׳ורג׳", "jorej"),
            ("שׂרה", "sera"),
            ("בּית", "bit"),
            ("ויקטור", "viketor"),
            ("גוריון", "gorion"),
            ("ציון", "tsion"),
            ("יעקב", "yakev"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn pointed() {
        let cases = [
            ("יְרוּשָׁלַיִם", "yerushalayim"),
            ("מֹשֶׁה", "moshe"),
            ("דָּוִד", "david"),
            ("אַבְרָהָם", "avraham"),
            ("שְׁלֹמֹה", "shelomo"),
            ("יִצְחָק", "yitskhak"),
            ("שָׁלוֹם", "shalom"),
            ("רָחֵל", "rakhel"),
            ("יַעֲקֹב", "yaakov"),
            ("יִשְׂרָאֵל", "yisrael"),
            ("נֹחַ", "noakh"),
            ("שָׂרָה", "sara"),
            ("חַיִּים", "khayim"),
            ("אֱלִיָּהוּ", "eliyahu"),
            ("עֵשָׂו", "esav"),
            ("בִּנְיָמִין", "binyamin"),
            ("יוֹסֵף", "yosef"),
        ];
        for (src, want) in cases {
            assert_eq!(t(src), want, "{src}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for w in [
            "",
            "\u{05B0}",
            "ו",
            "וו",
            "יי",
            "ה",
            "'",
            "א\u{0591}",
            "ﭏ",
            "ײַ",
            "x",
            "ש\u{05C1}\u{05C2}",
        ] {
            let s = t(w);
            assert!(s.is_ascii(), "{w:?} → {s:?}");
        }
        let mut s = String::from("x ");
        translit("דוד", Lang::Auto, &mut s);
        assert_eq!(s, "x dod");
    }

    #[test]
    fn matching_reads_without_the_guessed_e() {
        let (mut shown, mut matched) = (String::new(), String::new());
        translit("קלינגברג", Lang::Auto, &mut shown);
        translit_unvowelled("קלינגברג", &mut matched);
        assert_eq!(shown, "kelinegevereg");
        assert!(!matched.contains('e'), "{matched}");
        assert!(crate::compare("Klingberg", "קלינגברג").same);
        assert!(crate::compare("Merhav", "מרחב").same);
    }
}
