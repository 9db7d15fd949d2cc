//! Step 1, clean: one spelling of the same text, whatever the keyboard.
//!
//! NFKC (which also maps Arabic presentation forms and full-width letters to plain ones),
//! then controls and bidi marks out, one hyphen, one apostrophe, one space, and one
//! spelling of the Arabic-script letters that vary between keyboards and countries.

use unicode_normalization::UnicodeNormalization;

/// The zero-width non-joiner, kept between Persian word parts (`خامنه‌ای`): it marks
/// where a silent final `ه` ends a part, which matters for the vowel-blind skeleton.
pub const ZWNJ: char = '\u{200C}';

/// Cleans `input` into `out` (cleared first). See the module docs for what changes.
pub fn clean_into(input: &str, out: &mut String) {
    out.clear();
    if input.is_ascii() {
        clean_ascii(input, out);
        return;
    }
    // Most names are already NFKC: skip the normaliser for them. (Two monomorphic loops,
    // not one over a `dyn Iterator`: this runs once per character of every name.)
    let info = char_flags();
    if is_clean(input, info) {
        out.push_str(input);
        return;
    }
    // The quick check runs inside the cleaning loop (one pass over the name). The few names
    // it cannot pass from the flags are cleaned again after NFKC.
    let mut quick = QuickCheck::default();
    let dropped = match clean_chars(input.chars(), &info.flags, out, |c| quick.step(c, info) == Quick::Yes) {
        Some(dropped) => dropped,
        None => {
            out.clear();
            let normal = nfkc_by_parts(input, info);
            clean_chars(normal.chars(), &info.flags, out, |_| true).unwrap_or(false)
        }
    };
    compose_after_drop(dropped, Some(info), out);
}

/// NFKC of `input`, through the normaliser only for the parts that need it (superscript
/// digits, ligatures, compatibility forms). The text is cut before every [`BARE`]
/// character: nothing before one composes with it or with what follows it, so NFKC of the
/// whole is NFKC of the parts; a part the quick check passes is copied, without asking the
/// normaliser's own quick check (NFKC leaves a text that would pass it as it is).
fn nfkc_by_parts(input: &str, info: &CharInfo) -> String {
    fn part(text: &str, passes: bool, out: &mut String) {
        if passes {
            out.push_str(text);
        } else {
            out.extend(text.nfkc());
        }
    }
    let mut normal = String::with_capacity(input.len() + 8);
    let mut quick = QuickCheck::default();
    let (mut start, mut passes) = (0, true);
    for (i, c) in input.char_indices() {
        if i > start && (c as usize) < FLAGS_END && info.flags[c as usize] & BARE != 0 {
            part(&input[start..i], passes, &mut normal);
            (start, passes) = (i, true);
        }
        // (A refused character leaves the state as it was: the rest of its part is
        // normalised anyway, and the next part starts with a BARE character, which resets it.)
        passes &= quick.step(c, info) == Quick::Yes;
    }
    part(&input[start..], passes, &mut normal);
    normal
}

/// Does `input` come out of [`clean_chars`] as it is: characters [`map_char`] keeps and
/// NFKC leaves alone, single spaces between words? Most names do: copied whole, not
/// character by character.
fn is_clean(input: &str, info: &CharInfo) -> bool {
    let mut quick = QuickCheck::default();
    let mut prev_space = true;
    input.chars().all(|c| {
        let kept = if c == ' ' {
            !prev_space
        } else {
            // Above the flags, `step` passes only the ranges `map_char` keeps (a test checks).
            (c as usize) >= FLAGS_END || info.flags[c as usize] & KEPT != 0
        };
        prev_space = c == ' ';
        kept && quick.step(c, info) == Quick::Yes
    }) && !prev_space
}

/// [`clean_into`] without its shortcuts (every name through the normaliser and every
/// character through `map_char`): what the tests check the shortcuts against.
pub fn clean_general(input: &str, out: &mut String) {
    static NO_FLAGS: [u8; FLAGS_END] = [0; FLAGS_END];
    out.clear();
    let dropped = clean_chars(input.nfkc(), &NO_FLAGS, out, |_| true).unwrap_or(false);
    compose_after_drop(dropped, None, out);
}

fn compose_after_drop(dropped: bool, info: Option<&CharInfo>, out: &mut String) {
    // A dropped character (tatweel, a control, a ZWNJ) may leave a letter and a combining
    // mark side by side that NFKC saw apart: compose them now, so that clean is idempotent.
    // (The characters `map_char` replaces map to letters that compose only with marks it
    // drops, so without a drop there is nothing to compose.)
    // (Text that passes NFKC's quick check is NFC already: Indic names with a ZWJ.)
    if dropped
        && out.chars().any(|c| c >= '\u{300}' && unicode_normalization::char::is_combining_mark(c))
        && !info.is_some_and(|info| quick_nfkc(out, info))
    {
        let composed: String = out.nfc().collect();
        *out = composed;
    }
}

/// The character loop of [`clean_into`] over `chars`, already NFKC. Tells whether it
/// dropped a character (spaces aside); `None` (and `out` half written) as soon as `check`
/// refuses a character.
fn clean_chars(
    chars: impl Iterator<Item = char>,
    flags: &[u8; FLAGS_END],
    out: &mut String,
    mut check: impl FnMut(char) -> bool,
) -> Option<bool> {
    let mut pending_space = false;
    let mut prev_arabic = false;
    let mut pending_zwnj = false;
    let mut dropped = false;
    for c in chars {
        if !check(c) {
            return None;
        }
        let mapped = if (c as usize) < FLAGS_END && flags[c as usize] & KEPT != 0 {
            Mapped::Char(c)
        } else if c == 'ئ' && (pending_space || !prev_arabic) {
            // A word-initial ئ is the silent seat of a vowel in Kurdish and Uyghur (ئارام
            // Aram, ئەمین Emin); Arabic and Persian start words with hamza on alef: an alef.
            Mapped::Char('ا')
        } else {
            map_char(c)
        };
        let c = match mapped {
            Mapped::Char(c) => c,
            Mapped::Drop => {
                dropped = true;
                continue;
            }
            Mapped::Space => {
                pending_space = !out.is_empty();
                pending_zwnj = false;
                continue;
            }
            Mapped::Zwnj => {
                pending_zwnj = prev_arabic;
                dropped = true; // kept or not: rare enough to check for marks
                continue;
            }
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        let arabic = is_arabic_letter(c);
        if pending_zwnj && arabic {
            out.push(ZWNJ);
        }
        pending_zwnj = false;
        prev_arabic = arabic;
        out.push(c);
    }
    Some(dropped)
}

/// Characters NFKC leaves alone in any context, by range: the letters of the common
/// scripts of names (a shortcut before the normaliser's own tables).
fn plainly_nfkc_by_range(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E | 0xC0..=0x131 | 0x134..=0x13E | 0x141..=0x148 | 0x14A..=0x17E | 0x180..=0x1C3
        | 0x1CD..=0x1F0 | 0x1F4..=0x24F | 0x400..=0x45F | 0x5D0..=0x5EA | 0x621..=0x63A | 0x641..=0x64A | 0x67E | 0x686
        | 0x698 | 0x6A9 | 0x6AF | 0x6CC | 0x391..=0x3A9 | 0x3B1..=0x3C9 | 0x10D0..=0x10FA
        | 0x531..=0x586 | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0x3041..=0x3096 | 0x30A1..=0x30FA)
}

/// Below this code point [`char_flags`] has an entry.
const FLAGS_END: usize = 0x2000;
/// NFKC leaves the character alone in any company: quick check yes, combining class 0.
const PLAIN: u8 = 1;
/// NFKC's quick check says yes for the character (its combining class may not be 0).
const QUICK_YES: u8 = 2;
/// [`map_char`] keeps the character as it is.
const KEPT: u8 = 4;
/// A starter NFKC leaves alone that has no decomposition either: a character after it can
/// compose only with it (see [`QuickCheck::step`]).
const BARE: u8 = 8;
/// NFKC's quick check says maybe (the character may compose with the one before) and the
/// character has no decomposition of its own.
const MAYBE: u8 = 16;

/// [`PLAIN`], [`QUICK_YES`], [`KEPT`], [`BARE`] and [`MAYBE`] for every character below
/// [`FLAGS_END`] (Indic and Thai letters, Greek, Cyrillic and Latin Extended Additional
/// among them), built once from the normaliser's own tables and from [`map_char`].
fn char_flags() -> &'static CharInfo {
    static INFO: std::sync::OnceLock<CharInfo> = std::sync::OnceLock::new();
    INFO.get_or_init(|| {
        use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
        use unicode_normalization::{is_nfkc_quick, IsNormalized};
        let mut info = CharInfo { flags: [0; FLAGS_END], class: [0; FLAGS_END] };
        for c in (0..FLAGS_END as u32).filter_map(char::from_u32) {
            let check = is_nfkc_quick(std::iter::once(c));
            let quick = check == IsNormalized::Yes;
            let class = canonical_combining_class(c);
            info.class[c as usize] = class;
            let undecomposed = || {
                let mut own = true;
                decompose_compatible(c, |d| own &= d == c);
                own
            };
            let f = &mut info.flags[c as usize];
            if plainly_nfkc_by_range(c) || (quick && class == 0) {
                *f |= PLAIN | QUICK_YES;
            }
            if quick {
                *f |= QUICK_YES;
            }
            if quick && class == 0 && undecomposed() {
                *f |= BARE;
            }
            if check == IsNormalized::Maybe && undecomposed() {
                *f |= MAYBE;
            }
            if matches!(map_char(c), Mapped::Char(m) if m == c) {
                *f |= KEPT;
            }
        }
        info
    })
}

/// The characters above [`FLAGS_END`] that NFKC leaves alone in any company (those of
/// [`plainly_nfkc_by_range`] there, kana with the prolonged sound mark ー and the middle dot
/// ・, CJK extension A): checked by a test.
fn plain_above_flags(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x3096 | 0x309D..=0x309E | 0x30A1..=0x30FE | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// Per-character facts for the characters below [`FLAGS_END`] (see [`char_flags`]).
struct CharInfo {
    flags: [u8; FLAGS_END],
    /// The canonical combining class.
    class: [u8; FLAGS_END],
}

/// The state of [`quick_nfkc`] over the characters seen so far.
#[derive(Default)]
struct QuickCheck {
    last_class: u8,
    /// The character before, when it is [`BARE`].
    bare: Option<char>,
}

/// The quick check's answer after one more character.
#[derive(PartialEq, Eq)]
enum Quick {
    /// Still NFKC.
    Yes,
    /// Not known from [`char_flags`]: the normaliser's own check must tell.
    Ask,
    /// Combining marks out of order: not NFKC.
    No,
}

impl QuickCheck {
    /// The quick check of the text with `c` added, from [`char_flags`] (and, for a "maybe"
    /// character, from the normaliser's composition table).
    #[inline]
    fn step(&mut self, c: char, info: &CharInfo) -> Quick {
        let u = c as usize;
        let f = if u < FLAGS_END {
            info.flags[u]
        } else if plain_above_flags(c) {
            PLAIN | QUICK_YES
        } else {
            0
        };
        if f & PLAIN != 0 {
            self.last_class = 0;
            self.bare = (f & BARE != 0).then_some(c);
            return Quick::Yes;
        }
        if f & QUICK_YES == 0 {
            // A "maybe" (Bengali া, Tamil ா, the nukta, most combining accents) right after a
            // starter without decomposition could compose only with that starter, the last
            // one before it: when the pair has no composite, NFKC leaves the character alone.
            // (Checked against the normaliser by the tests.)
            let composes = |s: char| unicode_normalization::char::compose(s, c).is_some();
            if f & MAYBE == 0 || self.bare.is_none_or(composes) {
                return Quick::Ask;
            }
        }
        // The order test of combining marks (virama, nukta, Thai tone marks).
        let class = info.class[u]; // QUICK_YES or MAYBE without PLAIN: below FLAGS_END
        if class != 0 && self.last_class > class {
            return Quick::No;
        }
        self.last_class = class;
        self.bare = None;
        Quick::Yes
    }
}

/// Is `input` NFKC? From [`char_flags`] for the usual characters (the quick check, and the
/// "maybe" characters that cannot compose with the one before); for the others, the answer
/// of `unicode_normalization::is_nfkc_quick` (yes, or not known to be yes).
fn quick_nfkc(input: &str, info: &CharInfo) -> bool {
    let mut quick = QuickCheck::default();
    for c in input.chars() {
        match quick.step(c, info) {
            Quick::Yes => {}
            Quick::Ask => {
                return unicode_normalization::is_nfkc_quick(input.chars()) == unicode_normalization::IsNormalized::Yes
            }
            Quick::No => return false,
        }
    }
    true
}

/// The ASCII case of [`clean_into`]: ASCII is NFKC already; only spaces, controls and the
/// backquote change.
fn clean_ascii(input: &str, out: &mut String) {
    // Most names are visible characters and single spaces between words: kept as they are.
    let mut prev_space = true;
    let unchanged = input.bytes().all(|b| {
        let ok = match b {
            b' ' => !prev_space,
            b'`' => false,
            0x21..=0x7E => true,
            _ => false,
        };
        prev_space = b == b' ';
        ok
    }) && !prev_space;
    if unchanged {
        out.push_str(input);
        return;
    }
    let mut pending_space = false;
    for &b in input.as_bytes() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => pending_space = !out.is_empty(),
            0..=0x1F | 0x7F => {}
            _ => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(if b == b'`' { '\'' } else { b as char });
            }
        }
    }
}

/// Cleans `input`; see [`clean_into`].
pub fn clean(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    clean_into(input, &mut out);
    out
}

enum Mapped {
    Char(char),
    Drop,
    Space,
    Zwnj,
}

#[inline]
fn is_arabic_letter(c: char) -> bool {
    // Most letters of names are not: one test for them before the ranges.
    let u = c as u32;
    (0x620..=0x8C9).contains(&u) && matches!(u, 0x620..=0x64A | 0x66E..=0x6D3 | 0x6D5 | 0x6EE..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8C9)
}

fn map_char(c: char) -> Mapped {
    use Mapped::*;
    match c {
        // Whitespace of every kind, and the controls that separate fields.
        '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' => Space,
        c if c.is_whitespace() => Space,
        ZWNJ => Zwnj,
        // Controls, format characters (bidi marks, ZWJ, BOM, soft hyphen), tatweel,
        // Arabic vowel signs (harakat), shadda, sukun, Quranic annotation marks.
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Drop,
        '\u{AD}' | '\u{200B}' | '\u{200D}'..='\u{200F}' | '\u{202A}'..='\u{202E}' => Drop,
        '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | '\u{180E}' => Drop,
        '\u{0640}' => Drop,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}' => Drop,
        // One hyphen.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{058A}'
        | '\u{05BE}' => Char('-'),
        // One apostrophe: ’ ‘ ʼ ʻ ʿ ʾ ` ´ ′ ‛ ʹ ˈ and the Hebrew geresh.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{02BF}' | '\u{02BE}' | '`'
        | '\u{B4}' | '\u{2032}' | '\u{201B}' | '\u{02B9}' | '\u{02C8}' | '\u{05F3}' | '\u{055A}' => {
            Char('\'')
        }
        // Arabic-script orthography: alef variants, ya and kaf variants, heh variants.
        // (Not the Kurdish and Uyghur ە, a vowel letter however it looks: kept as it is.)
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Char('ا'),
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ے' | 'ۓ' | 'ئ' => Char('ي'),
        'ک' | 'ڪ' => Char('ك'),
        'ۀ' | 'ہ' | 'ھ' | 'ۂ' => Char('ه'),
        'ؤ' => Char('و'),
        'ۃ' => Char('ة'),
        // Digits in Arabic-Indic and Persian forms, and Arabic punctuation.
        '٠'..='٩' => Char(char::from(b'0' + (c as u32 - 0x660) as u8)),
        '۰'..='۹' => Char(char::from(b'0' + (c as u32 - 0x6F0) as u8)),
        '،' => Char(','),
        '؛' => Char(';'),
        '؟' => Char('?'),
        _ => Char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unifies_spaces_hyphens_apostrophes() {
        for (input, want) in [
            ("  Bashar\u{00A0}al\u{2010}Assad \t", "Bashar al-Assad"),
            ("Khamene\u{2019}i", "Khamene'i"),
            ("Khamene\u{02BC}i", "Khamene'i"),
            ("a\u{200F}b\u{202B}c", "abc"),
            ("\u{FEFF}Tehran", "Tehran"),
            ("ﬁrst", "first"),
        ] {
            assert_eq!(clean(input), want, "{input:?}");
        }
    }

    #[test]
    fn unifies_arabic_orthography() {
        for (input, want) in [
            ("الأسد", "الاسد"),
            ("مُحَمَّد", "محمد"),
            ("علی", "علي"),
            ("کریم", "كريم"),
            ("مـحـمـد", "محمد"),
            ("١٢٣", "123"),
            // The Kurdish vowel ە is not the Persian final ه (ۀ, ہ, ھ are).
            ("کەریم", "كەريم"),
            // ئ starting a word seats a vowel, inside one a hamza.
            ("ئارام ئەمین", "اارام اەمين"),
            ("x-ئارام", "x-اارام"),
            ("قائد", "قايد"),
            ("خانۀ", "خانه"),
            // ZWNJ survives between Persian word parts only.
            ("خامنه\u{200C}ای", "خامنه\u{200C}اي"),
            ("a\u{200C}b", "ab"),
        ] {
            assert_eq!(clean(input), want, "{input:?}");
        }
    }

    #[test]
    fn char_flags_agree_with_the_normaliser_and_map_char() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfkc_quick, IsNormalized};
        let info = char_flags();
        let flags = &info.flags;
        let mut legacy = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let quick = is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes;
            let u = c as usize;
            let by_range = plainly_nfkc_by_range(c);
            if by_range && !(quick && canonical_combining_class(c) == 0) {
                // Kept as before, for identical output: characters the ranges include
                // though the normaliser has no quick yes for them (U+0558).
                legacy.push(c);
            }
            if plain_above_flags(c) {
                assert!(quick && canonical_combining_class(c) == 0, "{c:?}");
            }
            if u >= FLAGS_END && by_range {
                assert!(plain_above_flags(c), "{c:?}: `step` reads only plain_above_flags above the flags");
            }
            if u >= FLAGS_END && plain_above_flags(c) {
                assert!(matches!(map_char(c), Mapped::Char(m) if m == c), "{c:?}: is_clean takes it as kept");
            }
            if u < FLAGS_END && flags[u] & PLAIN != 0 {
                assert!(by_range || (quick && canonical_combining_class(c) == 0), "{c:?}");
            }
            if u < FLAGS_END {
                assert_eq!(flags[u] & QUICK_YES != 0, quick || by_range, "{c:?}");
                assert_eq!(flags[u] & KEPT != 0, matches!(map_char(c), Mapped::Char(m) if m == c), "{c:?}");
                assert_eq!(info.class[u], canonical_combining_class(c), "{c:?}");
            }
        }
        assert_eq!(legacy, ['\u{558}'], "the ranges changed");
        for c in (0..FLAGS_END as u32).filter_map(char::from_u32) {
            let own = c.to_string().nfkd().eq([c]);
            let (f, class) = (flags[c as usize], canonical_combining_class(c));
            let check = is_nfkc_quick(std::iter::once(c));
            assert_eq!(f & BARE != 0, check == IsNormalized::Yes && class == 0 && own, "{c:?}");
            assert_eq!(f & MAYBE != 0, check == IsNormalized::Maybe && own, "{c:?}");
        }
        // The "maybe" letters of Indic names have no decomposition of their own.
        for c in ['\u{9BE}', '\u{BBE}', '\u{93C}', '\u{301}'] {
            assert!(flags[c as usize] & MAYBE != 0, "{c:?}");
        }
        // Devanagari, Thai, Greek with tonos, Ukrainian letters are read without the normaliser.
        for c in ['क', 'ก', 'ά', 'ї', 'ґ', 'ệ'] {
            assert!(flags[c as usize] & PLAIN != 0, "{c:?}");
        }
    }

    #[test]
    fn quick_check_agrees_with_the_normaliser() {
        let info = char_flags();
        // With a nukta, Bengali া and Tamil ா, which the normaliser's own quick check leaves
        // at "maybe", and with marks that do compose (e + ́, ে + া, ᄀ + ᅡ).
        for s in [
            "नरेन्द्र", "क्\u{93C}", "क\u{93C}\u{94D}", "ก\u{E48}\u{E38}", "ก\u{E38}\u{E48}", "ำ", "e\u{301}", "ﬁ", "Ünal",
            "漢字", "한국", "রাম", "কোে\u{9BE}", "\u{9C7}\u{9BE}", "ராமா", "\u{BC6}\u{BBE}", "\u{1100}\u{1161}", "é\u{323}",
        ] {
            assert_eq!(quick_nfkc(s, info), s.nfkc().eq(s.chars()), "{s:?}");
        }
    }

    /// Every "maybe" character after every character below [`FLAGS_END`], alone and between
    /// others: what [`quick_nfkc`] calls NFKC, the normaliser leaves as it is.
    #[test]
    fn maybe_pairs_agree_with_the_normaliser() {
        let info = char_flags();
        let maybe: Vec<char> = (0..FLAGS_END as u32)
            .filter_map(char::from_u32)
            .filter(|&c| info.flags[c as usize] & MAYBE != 0)
            .collect();
        let mut passed = 0;
        for p in (0..FLAGS_END as u32).filter_map(char::from_u32) {
            for &c in &maybe {
                for s in [format!("{p}{c}"), format!("a{p}{c}\u{94D}"), format!("{p}{c}{c}")] {
                    if quick_nfkc(&s, info) {
                        assert!(s.nfkc().eq(s.chars()), "{s:?}");
                        passed += 1;
                    }
                }
            }
        }
        assert!(passed > 100_000, "{passed}");
    }

    /// Generated strings of starters with and without decompositions, "maybe" characters,
    /// combining marks, compatibility characters and characters clean drops: [`quick_nfkc`]
    /// agrees with the normaliser where it says yes, [`nfkc_by_parts`] always, and
    /// [`clean_into`] with [`clean_general`].
    #[test]
    fn maybe_strings_agree_with_the_normaliser() {
        let info = char_flags();
        let alphabet: Vec<char> = "কগনমলেোৌাৗ়্তকািীুূ\u{9D7}\u{9CB}கமலநெொாௗ்\u{BCA}\u{BD7}कनऱ्ािक़\u{915}\u{93C}\u{94D}            aeiouéệẹ\u{301}\u{300}\u{323}\u{302}\u{308}\u{327}\u{1100}\u{1161}\u{11A8}가\u{200C}\u{200D}\u{640} -\
            ²¹⁴ªﬁ´եւևกำ\u{E48}\u{2011}＝ﻣ\u{FB2A}\u{1E0B}\u{F900}"
            .chars()
            .collect();
        let mut rng = crate::XorShift(0x2545_F491_4F6C_DD1D);
        let mut next = || rng.next_u64();
        let (mut passed, mut cleaned, mut general) = (0, String::new(), String::new());
        for _ in 0..200_000 {
            let len = 1 + next() % 6;
            let s: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            if quick_nfkc(&s, info) {
                assert!(s.nfkc().eq(s.chars()), "{s:?}");
                passed += 1;
            }
            assert_eq!(nfkc_by_parts(&s, info), s.nfkc().collect::<String>(), "{s:?}");
            clean_into(&s, &mut cleaned);
            clean_general(&s, &mut general);
            assert_eq!(cleaned, general, "{s:?}");
        }
        assert!(passed > 20_000, "{passed}");
    }

    #[test]
    fn is_idempotent_on_samples() {
        for s in ["Bashar al-Assad", "علی خامنه‌ای", "  x ", "Téhéran", "ﷺ"] {
            let once = clean(s);
            assert_eq!(clean(&once), once);
        }
    }
}
