//! Sound symbols and the abjad skeleton: where an unvowelled Arabic-script word and its
//! Latin romanisations meet.
//!
//! A word becomes a sequence of *symbols*, one byte each (see [`sym`]): short vowels
//! `a e i o u`, written ("long") vowels `A I U`, the weak letter `'` (ʿayn, hamza,
//! apostrophe) and consonants. Latin is read with the digraphs of English, French, German,
//! Persian and Turkish romanisation (`kh gh sh ch th dh zh dj sch dsch ou`); Arabic script
//! is read letter by letter, with `و ي` as vowels or glides by position (and the vowel
//! letters of Kurdish and Uyghur as vowels).
//!
//! The *skeleton* keeps one class letter per consonant, drops vowels and weak letters, and
//! merges the consonants romanisations confuse: `q k g kh gh → k`, `d z dh → d`,
//! `s th → s`, `sh ch → x`, `b p → b`, `j zh → j`, `w v → w`. Vowel-blind keys block well
//! but merge different names (Hassan / Hussein), so comparisons use the symbols, not the
//! skeleton; see `compare`.

/// Symbol bytes. Vowels are lower-case (short) or upper-case (written) `a e i o u`.
pub mod sym {
    /// ʿayn, hamza and apostrophes: a letter that romanisations write or omit at will.
    pub const WEAK: u8 = b'\'';
    /// `th` as in Uthman (ث).
    pub const TH: u8 = b'T';
    /// `dh` as in Kadhafi (ذ).
    pub const DH: u8 = b'D';
    /// `zh` (ژ, ж).
    pub const ZH: u8 = b'Z';
    /// `ch` (چ, ч).
    pub const CH: u8 = b'C';
    /// `sh` (ش, ш).
    pub const SH: u8 = b'S';
    /// `gh` (غ).
    pub const GH: u8 = b'G';
    /// `kh` (خ, х).
    pub const KH: u8 = b'K';
    /// An Arabic-script vowel letter whose sound varies, read as `a`: an initial alef
    /// (Ahmad, Ismail, Usama) and a final `ة`/`ه` (Fatima, Fatemeh, Boulahya).
    pub const ANY_A: u8 = b'V';
    /// A final `ي`, which also stands for the alef maksura `ى` that cleaning unifies with it
    /// (Ali, but Issa, Mustafa, Musa): read as `i`.
    pub const ANY_I: u8 = b'Y';
}

/// Is `s` a vowel symbol (short, written, or one of the ambiguous ones)?
#[inline]
pub const fn is_vowel(s: u8) -> bool {
    matches!(s, b'a' | b'e' | b'i' | b'o' | b'u' | b'A' | b'I' | b'U' | sym::ANY_A | sym::ANY_I)
}

/// The skeleton class of a consonant symbol; `None` for vowels and weak letters.
#[inline]
pub const fn class(s: u8) -> Option<u8> {
    Some(match s {
        b'b' | b'p' => b'b',
        b't' => b't',
        b's' | b'T' => b's',
        b'd' | b'D' | b'z' => b'd',
        b'j' | b'Z' => b'j',
        b'C' | b'S' => b'x',
        b'k' | b'q' | b'g' | b'G' | b'K' => b'k',
        b'w' | b'v' => b'w',
        b'h' | b'f' | b'y' | b'l' | b'm' | b'n' | b'r' => s,
        _ => return None,
    })
}

/// [`class`] of every byte, 0 for `None`.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut s = 0;
    while s < 256 {
        if let Some(c) = class(s as u8) {
            t[s] = c;
        }
        s += 1;
    }
    t
};

/// Appends the skeleton of a symbol sequence to `out`: class letters, a class repeated
/// with only vowels between written once. Latin writes gemination (`ss`, `dd`) and Arabic
/// script does not, while Arabic writes a repeated consonant (`ممدوح` Mamdouh) whose vowel
/// it omits: collapsing across vowels makes both meet.
///
/// A final `h` is dropped: Latin `-ah`/`-eh` writes both a silent final `ه`/`ة`
/// (Fatimah, Zadeh) and a real `ح` (Saleh, Mamdouh), so the key cannot tell them apart.
pub fn skeleton_into(syms: &[u8], out: &mut String) {
    let mut k = Skeleton::new(out);
    for &s in syms {
        k.step(s, out);
    }
    k.finish(out);
}

/// The state of [`skeleton_into`] over the symbols of one word seen so far.
pub struct Skeleton {
    start: usize,
    last: u8,
    last_h_at: Option<usize>,
}

impl Skeleton {
    /// A word's skeleton, to be appended to `out`.
    pub fn new(out: &str) -> Self {
        Skeleton { start: out.len(), last: 0, last_h_at: None }
    }

    /// One more symbol.
    #[inline(always)]
    pub fn step(&mut self, s: u8, out: &mut String) {
        // One load per symbol instead of the match of `class`.
        let c = CLASS[usize::from(s)];
        if c != 0 {
            if c != self.last {
                self.last_h_at = if c == b'h' { Some(out.len()) } else { None };
                out.push(c as char);
            } else if c != b'h' {
                self.last_h_at = None;
            }
            self.last = c;
        }
    }

    /// The end of the word: a final `h` dropped.
    pub fn finish(self, out: &mut String) {
        if let Some(at) = self.last_h_at {
            if at > self.start {
                out.truncate(at);
            }
        }
    }
}

/// Where [`read_latin`] writes a word's symbols: a symbol Vec ([`WordSyms`]), or straight
/// into the skeleton ([`SkeletonSyms`], the key's ASCII path).
pub trait Syms {
    /// Appends `s` unless it repeats the last symbol: gemination and doubled vowels carry
    /// no identity in romanised names.
    fn push(&mut self, s: u8);
    /// The last symbol of the word so far, 0 before its first.
    fn last(&self) -> u8;
}

/// Symbols appended to a Vec, which may hold earlier words' symbols (a repeat across the
/// word boundary is written once too).
pub struct WordSyms<'a> {
    out: &'a mut Vec<u8>,
    start: usize,
}

impl<'a> WordSyms<'a> {
    /// The symbols of a word starting at the end of `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        let start = out.len();
        WordSyms { out, start }
    }
}

impl Syms for WordSyms<'_> {
    #[inline]
    fn push(&mut self, s: u8) {
        if self.out.last() != Some(&s) {
            self.out.push(s);
        }
    }

    #[inline]
    fn last(&self) -> u8 {
        if self.out.len() > self.start {
            self.out.last().copied().unwrap_or(0)
        } else {
            0
        }
    }
}

/// A word's symbols read straight into its skeleton, appended to `out`.
pub struct SkeletonSyms<'a> {
    out: &'a mut String,
    skeleton: Skeleton,
    last: u8,
}

impl<'a> SkeletonSyms<'a> {
    /// The skeleton of a word, to be appended to `out`.
    pub fn new(out: &'a mut String) -> Self {
        let skeleton = Skeleton::new(out);
        SkeletonSyms { out, skeleton, last: 0 }
    }

    /// The end of the word.
    pub fn finish(self) {
        self.skeleton.finish(self.out);
    }
}

impl Syms for SkeletonSyms<'_> {
    #[inline]
    fn push(&mut self, s: u8) {
        if s != self.last {
            self.last = s;
            self.skeleton.step(s, self.out);
        }
    }

    #[inline]
    fn last(&self) -> u8 {
        self.last
    }
}

/// Does the window `w` (little-endian bytes, 0 past the end of the word) start with `pat`
/// (1 to 4 bytes, none 0)?
#[inline(always)]
fn window_starts(w: u32, pat: &[u8]) -> bool {
    let (mut value, mut mask) = (0u32, 0u32);
    for (k, &b) in pat.iter().enumerate() {
        value |= u32::from(b) << (8 * k);
        mask |= 0xFF << (8 * k);
    }
    w & mask == value
}

fn is_latin_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// `word` lower-cased into `scratch`, its letters with diacritics spelled as the digraphs
/// they stand for (`ş` sh, `ā` aa), other letters through any_ascii.
pub fn spell_letters(word: &str, scratch: &mut Vec<u8>) {
    scratch.clear();
    let ascii = word.is_ascii();
    if ascii {
        scratch.extend_from_slice(word.as_bytes());
        scratch.make_ascii_lowercase();
    }
    for c in if ascii { "" } else { word }.chars() {
        if c.is_ascii() {
            scratch.push(c.to_ascii_lowercase() as u8);
            continue;
        }
        let rep: &str = match c {
            // Capitals too: a name's first letter (Śliwa, Żak) reads as the others do.
            'ş' | 'ș' | 'š' | 'ś' | 'Ş' | 'Ș' | 'Š' | 'Ś' => "sh",
            'ç' | 'č' | 'ć' | 'Ç' | 'Č' | 'Ć' => "ch",
            'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "zh",
            'ğ' | 'ġ' | 'Ğ' | 'Ġ' => "gh",
            'ḫ' | 'ẖ' | 'ḵ' => "kh",
            'ḏ' | 'ð' | 'Ð' => "dh",
            'ṯ' | 'þ' | 'Ṯ' | 'Þ' => "th",
            'đ' | 'Đ' => "dj",
            'ā' | 'â' | 'Ā' => "aa",
            'ī' | 'î' | 'Ī' => "ii",
            'ū' | 'û' | 'Ū' => "uu",
            'ō' | 'Ō' => "oo",
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'ı' => "i",
            'ə' | 'Ə' => "a",
            'ʿ' | 'ʾ' | 'ʼ' | 'ʻ' | '’' => "'",
            _ => {
                let a = any_ascii::any_ascii_char(c);
                for b in a.bytes() {
                    scratch.push(b.to_ascii_lowercase());
                }
                continue;
            }
        };
        scratch.extend_from_slice(rep.as_bytes());
    }
}

/// Reads a lower-case Latin word (diacritics allowed) into symbols, appended to `out`.
pub fn latin_symbols(word: &str, out: &mut Vec<u8>, scratch: &mut Vec<u8>) {
    spell_letters(word, scratch);
    // Four zero bytes past the end: the window of the last letters reads them, no bounds
    // test per byte.
    let n = scratch.len();
    scratch.extend_from_slice(&[0; 4]);
    read_latin(&scratch[..], n, (!word.is_ascii()).then_some(word), &mut WordSyms::new(out));
}

/// Reads the letters `p[..n]` (lower-case ASCII as [`spell_letters`] writes them, followed
/// by four zero bytes) into `out`; `word` is the word they spell when it is not ASCII.
#[inline]
pub fn read_latin<S: Syms>(p: &[u8], n: usize, word: Option<&str>, out: &mut S) {
    // Azerbaijani, Turkish and Uzbek spelling (a word with ə, ı or ğ): c is j (Cəlil =
    // Jalil), x is kh (Xəlil = Khalil).
    let turkic = word.is_some_and(|w| w.chars().any(|c| matches!(c, 'ə' | 'Ə' | 'ı' | 'ğ' | 'Ğ')));
    // Cut to the letters and their four zero bytes: the reads below stay in bounds.
    let p = &p[..n + 4];
    let at = |i: usize| -> u8 { p[i] };
    // Hungarian spelling (a word with cs, zs, ő or ű, and no w, which Hungarian does not
    // use and Welsh uses as a vowel: Lwcsembwrg): cs is ch, zs is zh, and sz is s
    // (Szocsics, Augusztina), where Polish sz is sh.
    // Dutch spelling of a Slavic name (oe for u, j for y: Hoemenjoek); joined pinyin
    // syllables (bo-en-li) have an oe too, but no j. (One pass for w, j, cs and zs, made
    // only when a cs, zs, sz or oe asks: most words have none.)
    let mut spelling_cache: Option<(bool, bool)> = None;
    let mut spelling = || -> (bool, bool) {
        *spelling_cache.get_or_insert_with(|| {
            let (mut has_w, mut dutch, mut cs_zs, mut prev) = (false, false, false, 0u8);
            for &b in &p[..n] {
                has_w |= b == b'w';
                dutch |= b == b'j';
                cs_zs |= b == b's' && matches!(prev, b'c' | b'z');
                prev = b;
            }
            let hungarian =
                !has_w && (cs_zs || word.is_some_and(|w| w.chars().any(|c| matches!(c, 'ő' | 'ű' | 'Ő' | 'Ű'))));
            (hungarian, dutch)
        })
    };
    let mut i = 0;
    while i < n {
        // The next four bytes (0 past the end) in one word, one bounds test: each digraph
        // test is a mask and a compare.
        let Some(&window) = p[i..].first_chunk::<4>() else { break };
        let b = window[0];
        let w = u32::from_le_bytes(window);
        // The digraphs that start with `b`, longest first; the chain for one first letter
        // only (patterns with different first letters never both match).
        let st = |pat: &[u8]| window_starts(w, pat);
        let next2 = at(i + 2);
        let digraph: Option<(u8, usize)> = match b {
            b'd' => {
                if st(b"dsch") {
                    Some((b'j', 4))
                } else if st(b"dzh") {
                    Some((b'j', 3))
                } else if st(b"dj") {
                    Some((b'j', 2))
                } else if st(b"dh") {
                    Some((sym::DH, 2))
                } else {
                    None
                }
            }
            b't' => {
                if st(b"tsch") {
                    Some((sym::CH, 4))
                } else if st(b"tch") || st(b"tsh") || st(b"tsj") {
                    // tsj: Dutch (Melnytsjoek)
                    Some((sym::CH, 3))
                } else if (st(b"tj") && next2 != 0 && !is_latin_vowel(next2)) || st(b"tx") {
                    // Swedish and Dutch tj before a consonant (Machatjkala), Basque and
                    // Catalan tx (Etxegoien, Dudtxenko).
                    Some((sym::CH, 2))
                } else if st(b"th") {
                    Some((sym::TH, 2))
                } else {
                    None
                }
            }
            b's' => {
                if st(b"sch") {
                    Some((sym::SH, 3))
                } else if st(b"sz") && spelling().0 {
                    Some((b's', 2))
                } else if st(b"szcz") {
                    // Polish: Szczecin, Szczepanski.
                    out.push(sym::SH);
                    Some((sym::CH, 4))
                } else if st(b"sz") || st(b"sh") {
                    Some((sym::SH, 2)) // Polish sz: Szymon, Kowalczyk
                } else {
                    None
                }
            }
            b'c' => {
                // Hungarian cs, Polish cz: Czech, Kaczmarek.
                if (st(b"cs") && spelling().0) || st(b"cz") || st(b"ch") {
                    Some((sym::CH, 2))
                } else if st(b"ck") {
                    Some((b'k', 2))
                } else {
                    None
                }
            }
            b'z' if (st(b"zs") && spelling().0) || st(b"zh") => Some((sym::ZH, 2)),
            b'r' if st(b"rz") && i > 0 => {
                out.push(b'r');
                Some((sym::ZH, 2)) // Polish rz: Grzegorz, Brzezinski (read r-zh, to meet both)
            }
            b'k' if st(b"kh") => Some((sym::KH, 2)),
            b'g' if st(b"gh") => Some((sym::GH, 2)),
            b'p' if st(b"ph") => Some((b'f', 2)),
            b'o' => {
                if st(b"ou") {
                    // French و: Ouahab, Ouali (a glide before a vowel at the start of a word).
                    Some((if out.last() == 0 && is_latin_vowel(next2) { b'w' } else { b'U' }, 2))
                } else if st(b"oe") && spelling().1 && next2 != 0 && !is_latin_vowel(next2) && !matches!(next2, b'y' | b'\'') {
                    // Dutch oe before a consonant is u: Hoemenjoek, Melnytsjoek.
                    Some((b'U', 2))
                } else if st(b"oo") {
                    Some((b'U', 2))
                } else {
                    None
                }
            }
            b'a' if st(b"aa") => Some((b'A', 2)),
            b'e' if st(b"ee") => Some((b'I', 2)),
            b'i' if st(b"ii") => Some((b'I', 2)),
            b'u' if st(b"uu") => Some((b'U', 2)),
            _ => None,
        };
        let (s, len): (u8, usize) = if let Some(d) = digraph {
            d
        } else {
            match single_letter(p, n, i, out, turkic) {
                Some(s) => (s, 1),
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        out.push(s);
        i += len;
    }
}

/// The symbol of the Latin letter `p[i]` read alone (no digraph starts there; the word is
/// `p[..n]`, followed by four zero bytes), `None` for one that writes nothing (a final h
/// after a or e, punctuation). `out` holds the word's symbols so far; an `x` pushes its `k`
/// there itself.
#[inline]
fn single_letter<S: Syms>(p: &[u8], n: usize, i: usize, out: &mut S, turkic: bool) -> Option<u8> {
    let b = p[i];
    let at = |j: usize| p[j];
    Some(match b {
        // The second half of ei/ai/ey/ay writes a long i (Hussein = حسين, not حسن).
        b'i' if matches!(out.last(), b'e' | b'a') => b'I',
        b'a' | b'e' | b'i' | b'o' | b'u' => b,
        b'y' => {
            if is_latin_vowel(at(i + 1)) {
                b'y'
            } else if matches!(out.last(), b'e' | b'a') {
                b'I'
            } else {
                b'i'
            }
        }
        b'w' => {
            if is_latin_vowel(at(i + 1)) || out.last() == 0 {
                b'w'
            } else {
                b'U'
            }
        }
        b'h' => {
            let prev = out.last();
            let rest = &p[i + 1..n];
            // Final h after a or e (Fatimah, Allah, Shah, Persian -eh) and -ehi
            // (Khamenehi); a final h after o/u/i is mostly ح (Mamdouh, Masih).
            if matches!(prev, b'a' | b'e' | b'A')
                && (rest.is_empty() || (prev == b'e' && (rest == b"i" || rest == b"ee")))
            {
                return None;
            }
            b'h'
        }
        b'c' if turkic => b'j',
        // and at the start before a, e, o (Xomeyni, Xalid); pinyin x comes before i/u.
        b'x' if turkic || (out.last() == 0 && matches!(at(i + 1), b'a' | b'e' | b'o')) => sym::KH,
        b'c' => {
            if matches!(at(i + 1), b'e' | b'i' | b'y') {
                b's'
            } else {
                b'k'
            }
        }
        b'x' => {
            out.push(b'k');
            b's'
        }
        b'\'' => sym::WEAK,
        b'b'..=b'z' => b,
        _ => return None,
    })
}

/// Reads a cleaned Arabic-script word (see `clean`) into symbols, appended to `out`.
pub fn arabic_symbols(word: &str, out: &mut Vec<u8>) {
    // The letters on the stack for the usual word lengths.
    let mut stack = ['\0'; 40];
    let heap: Vec<char>;
    let chars: &[char] = if word.chars().count() <= stack.len() {
        let mut n = 0;
        for c in word.chars() {
            stack[n] = c;
            n += 1;
        }
        &stack[..n]
    } else {
        heap = word.chars().collect();
        &heap
    };
    read_arabic(chars, |s| out.push(s));
}

/// Reads the letters of a cleaned Arabic-script word into symbols, handed to `emit` one by
/// one (repeats included: Arabic script writes a doubled letter only when two consonants
/// are pronounced with a vowel between them).
#[inline]
pub fn read_arabic(chars: &[char], mut emit: impl FnMut(u8)) {
    if chars == ['ا', 'ل', 'ل', 'ه'] {
        // Allah: the article's l and the word's l are one geminate l, as Latin writes it.
        for &s in b"AlA" {
            emit(s);
        }
        return;
    }
    let n = chars.len();
    let at = |i: usize| -> char { if i < n { chars[i] } else { '\0' } };
    // A segment ends at the end of the word or at a ZWNJ (Persian خامنه‌ای).
    let seg_end = |i: usize| -> bool { i + 1 >= n || chars[i + 1] == super::clean::ZWNJ };
    let seg_start = |i: usize| -> bool { i == 0 || chars[i - 1] == super::clean::ZWNJ };
    let vowel_letter = |c: char| matches!(c, 'ا' | 'ة');
    // Before the vowel letters of Kurdish and Uyghur (ە e/a, ۆ o, ێ ê, ۇ u, ۈ ü) و ي are
    // glides too; after ە they close a diphthong that Latin reads as a vowel (Heydar).
    let vowel_next = |c: char| matches!(c, 'ا' | 'ة' | 'ە' | 'ۆ' | 'ێ' | 'ۇ' | 'ۈ');
    for i in 0..n {
        let c = chars[i];
        let s = match c {
            'ا' => {
                if seg_start(i) && matches!(at(i + 1), 'و' | 'ي' | 'ا' | 'ە' | 'ۆ' | 'ێ' | 'ۇ' | 'ۈ') {
                    // An initial alef carrying u or i (اسماعيل, اوسامة), or the Kurdish and
                    // Uyghur vowel after it (ئەمین, ئارام: cleaned to اەمين, اارام).
                    continue;
                }
                if seg_start(i) {
                    sym::ANY_A
                } else {
                    b'A'
                }
            }
            'و' => {
                let glide = seg_start(i)
                    || (i > 0 && vowel_letter(chars[i - 1]) && !seg_start(i))
                    || vowel_next(at(i + 1))
                    || (at(i + 1) == 'ه' && seg_end(i + 1));
                if glide {
                    b'w'
                } else {
                    b'U'
                }
            }
            'ي' => {
                let glide = seg_start(i)
                    || (i > 0 && vowel_letter(chars[i - 1]) && !seg_end(i))
                    || vowel_next(at(i + 1))
                    || (at(i + 1) == 'ه' && seg_end(i + 1));
                if glide {
                    b'y'
                } else if seg_end(i) && i > 0 {
                    sym::ANY_I
                } else {
                    b'I'
                }
            }
            'ه' => {
                // A final he after a consonant is a vowel (Fatemeh, خامنه); after alef
                // (شاه) it is an h that Latin also drops at the end of a word.
                if seg_end(i) && i > 0 {
                    if chars[i - 1] == 'ا' {
                        continue;
                    }
                    sym::ANY_A
                } else {
                    b'h'
                }
            }
            'ة' => sym::ANY_A,
            // Kurdish (Sorani) and Uyghur write every vowel: ە is an e or a, final like
            // the Persian ه (Kawa, Kawe); ۆ o (ö), ێ ê, ۇ u, ۈ ü.
            'ە' => {
                if seg_end(i) && i > 0 {
                    sym::ANY_A
                } else {
                    b'e'
                }
            }
            'ۆ' => b'o',
            'ێ' => b'e',
            'ۇ' | 'ۈ' => b'U',
            'ب' => b'b',
            'پ' => b'p',
            // Regional letters read as the sounds their romanisations write: Urdu and
            // Pashto retroflexes as the plain letters, Pashto ښ ږ ځ څ, and the g of Pashto
            // (ګ), the Maghreb (ڨ ڭ ݣ) and Jawi (ڬ).
            'ت' | 'ط' | 'ٹ' | 'ټ' => b't',
            'ث' => sym::TH,
            'ج' => b'j',
            'چ' => sym::CH,
            'ح' => b'h',
            'خ' => sym::KH,
            'د' | 'ڈ' | 'ډ' => b'd',
            'ذ' => sym::DH,
            // Kurdish ڕ rr and ڵ ll are heavier r and l.
            'ر' | 'ڑ' | 'ړ' | 'ڕ' => b'r',
            'ز' | 'ظ' | 'ځ' => b'z',
            'ض' => b'd',
            'ژ' | 'ږ' => sym::ZH,
            'س' | 'ص' | 'څ' => b's',
            'ش' | 'ښ' => sym::SH,
            'ع' | 'ء' => sym::WEAK,
            'غ' => sym::GH,
            'ف' => b'f',
            'ڤ' => b'v',
            'ۋ' => b'w', // Uyghur w / v
            'ق' => b'q',
            'ك' => b'k',
            'گ' | 'ګ' | 'ڨ' | 'ڭ' | 'ݣ' | 'ڬ' => b'g',
            'ل' | 'ڵ' => b'l',
            'م' => b'm',
            'ن' | 'ں' | 'ڼ' | 'ڻ' => b'n',
            _ => continue,
        };
        emit(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skel_latin(w: &str) -> String {
        let (mut syms, mut scratch, mut out) = (Vec::new(), Vec::new(), String::new());
        latin_symbols(w, &mut syms, &mut scratch);
        skeleton_into(&syms, &mut out);
        out
    }

    fn skel_arabic(w: &str) -> String {
        let (mut syms, mut out) = (Vec::new(), String::new());
        arabic_symbols(&crate::text::clean::clean(w), &mut syms);
        skeleton_into(&syms, &mut out);
        out
    }

    #[test]
    fn latin_spellings_meet() {
        for group in [
            &["assad", "asad", "asaad"][..],
            &["qaddafi", "gaddafi", "kadhafi", "gadhafi", "qadhdhafi"],
            &["khamenei", "khamene'i", "khamenehi"],
            &["rouhani", "rowhani", "ruhani"],
            &["hezbollah", "hizballah", "hizbullah"],
            &["muammar", "moammar", "mouammar"],
            &["mohammed", "muhammad", "mohamed", "mohammad"],
            &["hussein", "husayn", "hossein", "husain"],
            &["sheikh", "shaykh", "cheikh", "şeykh"],
            &["jamal", "djamel", "dschamal"],
            &["uthman", "othman", "osman"],
        ] {
            let want = skel_latin(group[0]);
            for w in group {
                assert_eq!(skel_latin(w), want, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn arabic_meets_latin() {
        for (ar, la) in [
            ("بشار", "bashar"),
            ("اسد", "asad"),
            ("قذافي", "qaddafi"),
            ("خامنه‌ای", "khamenei"),
            ("روحانی", "rouhani"),
            ("حسن", "hassan"),
            ("حسين", "hussein"),
            ("معمر", "muammar"),
            ("محمد", "mohammed"),
            ("سلمان", "salman"),
            ("وليد", "walid"),
            ("يوسف", "youssef"),
            ("فاطمه", "fatemeh"),
            ("الله", "allah"),
            ("ګل", "gul"),       // Pashto g
            ("ڨاسمي", "gasmi"),  // Maghreb g
            ("ڭرواني", "gerwani"), // Moroccan g
            ("ټوپک", "topak"),   // Pashto retroflex t
            ("ښکلی", "shkuli"),  // Pashto sh
            // Kurdish (Sorani) and Uyghur vowel letters, ڕ rr, ڵ ll, ۋ w.
            ("کەریم", "karim"),
            ("شێرکۆ", "sherko"),
            ("هەڵۆ", "halo"),
            ("ڕەسوڵ", "rasul"),
            ("نەوزاد", "nawzad"),
            ("شەوکەت", "shawkat"),
            ("حەیدەر", "haydar"),
            ("تۇرسۇن", "tursun"),
            ("ۋەلی", "wali"),
            ("ئارام", "aram"),
            ("ئەمین", "emin"),
        ] {
            assert_eq!(skel_arabic(ar), skel_latin(la), "{ar} vs {la}");
        }
    }

    #[test]
    fn kurdish_and_uyghur_vowel_letters_are_vowels() {
        let syms = |w: &str| {
            let mut x = Vec::new();
            arabic_symbols(&crate::text::clean::clean(w), &mut x);
            x
        };
        // ە is e inside a word, a or e at its end; و ی after it end a diphthong, before it
        // they are glides.
        assert_eq!(syms("کەریم"), b"kerIm");
        assert_eq!(syms("کاوە"), [b'k', b'A', b'w', sym::ANY_A]);
        assert_eq!(syms("نەوزاد"), b"neUzAd");
        assert_eq!(syms("سەوەر"), b"sewer");
        assert_eq!(syms("شێرکۆ"), [sym::SH, b'e', b'r', b'k', b'o']);
        assert_eq!(syms("گوڵبەهار"), b"gUlbehAr");
        assert_eq!(syms("تۈرسۇن"), b"tUrsUn");
        // A word-initial ئ seats the vowel after it.
        assert_eq!(syms("ئەمین"), b"emIn");
        assert_eq!(syms("ئارام"), b"ArAm");
        // The Persian final ه, ۀ and the Arabic ة are as before.
        assert_eq!(syms("خانه"), [sym::KH, b'A', b'n', sym::ANY_A]);
        assert_eq!(syms("خانۀ"), syms("خانه"));
        assert_eq!(syms("فاطمة"), [b'f', b'A', b't', b'm', sym::ANY_A]);
    }

    #[test]
    fn european_spellings_of_slavic_and_other_names_meet() {
        for (a, b) in [
            ("etxeberria", "echeberria"),     // Basque tx
            ("dudtxenko", "dudchenko"),       // Catalan tx
            ("melnytsjoek", "melnychuk"),     // Dutch tsj, oe
            ("szocsics", "sochich"),          // Hungarian sz, cs
            ("zsolt", "zholt"),               // Hungarian zs
            ("machatjkala", "machachkala"),   // Swedish tj
        ] {
            assert_eq!(skel_latin(a), skel_latin(b), "{a} / {b}");
        }
        // Polish sz stays sh; a Welsh cs (w a vowel) and a pinyin o-e stay letters.
        assert_eq!(skel_latin("szymon"), skel_latin("shymon"));
        assert_eq!(skel_latin("lwcsembwrg"), skel_latin("luksemburg"));
        let syms = |w: &str| {
            let (mut x, mut scratch) = (Vec::new(), Vec::new());
            latin_symbols(w, &mut x, &mut scratch);
            x
        };
        assert_eq!(syms("boenli"), b"boenli");
        // Dutch oe before a consonant is the u of Ukrainian names.
        assert_eq!(syms("hoemenjoek"), b"hUmenjUk");
        // A capital with a diacritic reads as its small letter.
        for (cap, small) in [("Śliwa", "śliwa"), ("Żak", "żak"), ("Źrebiec", "źrebiec")] {
            assert_eq!(syms(cap), syms(small), "{cap}");
        }
    }

    /// `latin_symbols` as it was, one chain of digraph tests for every letter: the reference
    /// for the dispatch on the first letter.
    fn latin_symbols_chain(word: &str, out: &mut Vec<u8>, scratch: &mut Vec<u8>) {
        // Azerbaijani, Turkish and Uzbek spelling (a word with ə, ı or ğ): c is j (Cəlil =
        // Jalil), x is kh (Xəlil = Khalil).
        let turkic = !word.is_ascii() && word.chars().any(|c| matches!(c, 'ə' | 'Ə' | 'ı' | 'ğ' | 'Ğ'));
        spell_letters(word, scratch);
        let n = scratch.len();
        scratch.extend_from_slice(&[0; 4]);
        let p = &scratch[..];
        let at = |i: usize| -> u8 { p[i] };
        // Hungarian spelling (a word with cs, zs, ő or ű, and no w, which Hungarian does not
        // use and Welsh uses as a vowel: Lwcsembwrg): cs is ch, zs is zh, and sz is s
        // (Szocsics, Augusztina), where Polish sz is sh.
        // Dutch spelling of a Slavic name (oe for u, j for y: Hoemenjoek); joined pinyin
        // syllables (bo-en-li) have an oe too, but no j. (One pass for w, j, cs and zs.)
        let (mut has_w, mut dutch, mut cs_zs, mut prev) = (false, false, false, 0u8);
        for &b in &p[..n] {
            has_w |= b == b'w';
            dutch |= b == b'j';
            cs_zs |= b == b's' && matches!(prev, b'c' | b'z');
            prev = b;
        }
        let hungarian =
            !has_w && (cs_zs || (!word.is_ascii() && word.chars().any(|c| matches!(c, 'ő' | 'ű' | 'Ő' | 'Ű'))));
        let out = &mut WordSyms::new(out);
        let mut i = 0;
        while i < n {
            let b = p[i];
            // The next four bytes (0 past the end) in one word: each digraph test is a mask and
            // a compare.
            let w = u32::from_le_bytes([b, at(i + 1), at(i + 2), at(i + 3)]);
            // Longest digraphs first (none starts with another letter than these: the other
            // letters skip the chain).
            let digraph_start = matches!(b, b'a' | b'c' | b'd' | b'e' | b'g' | b'i' | b'k' | b'o' | b'p' | b'r' | b's' | b't' | b'u' | b'z');
            let starts = |_: usize, pat: &[u8]| digraph_start && window_starts(w, pat);
            let (s, len): (u8, usize) = if starts(i, b"dsch") {
                (b'j', 4)
            } else if starts(i, b"tsch") {
                (sym::CH, 4)
            } else if starts(i, b"sch") {
                (sym::SH, 3)
            } else if starts(i, b"tch") || starts(i, b"tsh") {
                (sym::CH, 3)
            } else if starts(i, b"dzh") {
                (b'j', 3)
            } else if starts(i, b"tsj") {
                (sym::CH, 3) // Dutch tsj: Melnytsjoek
            } else if (starts(i, b"tj") && at(i + 2) != 0 && !is_latin_vowel(at(i + 2)))
                || starts(i, b"tx")
                || (hungarian && starts(i, b"cs"))
            {
                // Swedish and Dutch tj before a consonant (Machatjkala), Basque and Catalan tx
                // (Etxegoien, Dudtxenko), Hungarian cs.
                (sym::CH, 2)
            } else if hungarian && starts(i, b"zs") {
                (sym::ZH, 2)
            } else if hungarian && starts(i, b"sz") {
                (b's', 2)
            } else if starts(i, b"szcz") {
                // Polish: Szczecin, Szczepanski.
                out.push(sym::SH);
                (sym::CH, 4)
            } else if starts(i, b"cz") {
                (sym::CH, 2) // Polish cz: Czech, Kaczmarek
            } else if starts(i, b"sz") {
                (sym::SH, 2) // Polish sz: Szymon, Kowalczyk
            } else if starts(i, b"rz") && i > 0 {
                out.push(b'r');
                (sym::ZH, 2) // Polish rz: Grzegorz, Brzezinski (read r-zh, to meet both)
            } else if starts(i, b"sh") {
                (sym::SH, 2)
            } else if starts(i, b"ch") {
                (sym::CH, 2)
            } else if starts(i, b"kh") {
                (sym::KH, 2)
            } else if starts(i, b"gh") {
                (sym::GH, 2)
            } else if starts(i, b"th") {
                (sym::TH, 2)
            } else if starts(i, b"dh") {
                (sym::DH, 2)
            } else if starts(i, b"zh") {
                (sym::ZH, 2)
            } else if starts(i, b"dj") {
                (b'j', 2)
            } else if starts(i, b"ph") {
                (b'f', 2)
            } else if starts(i, b"ck") {
                (b'k', 2)
            } else if starts(i, b"ou") {
                // French و: Ouahab, Ouali (a glide before a vowel at the start of a word).
                if out.last() == 0 && is_latin_vowel(at(i + 2)) {
                    (b'w', 2)
                } else {
                    (b'U', 2)
                }
            } else if dutch && starts(i, b"oe") && at(i + 2) != 0 && !is_latin_vowel(at(i + 2)) && !matches!(at(i + 2), b'y' | b'\'') {
                // Dutch oe before a consonant is u: Hoemenjoek, Melnytsjoek.
                (b'U', 2)
            } else if starts(i, b"aa") {
                (b'A', 2)
            } else if starts(i, b"ee") || starts(i, b"ii") {
                (b'I', 2)
            } else if starts(i, b"oo") || starts(i, b"uu") {
                (b'U', 2)
            } else {
                match single_letter(p, n, i, out, turkic) {
                    Some(s) => (s, 1),
                    None => {
                        i += 1;
                        continue;
                    }
                }
            };
            out.push(s);
            i += len;
        }
    }

    /// Every word of up to four letters from the letters digraphs are made of, and longer
    /// pseudo-random ones (with Hungarian, Turkic and w letters), read as the chain read them.
    #[test]
    fn digraph_dispatch_agrees_with_the_chain() {
        const LETTERS: &[u8] = b"acdeghijkloprstuwxyz'";
        let check = |w: &str| {
            let (mut a, mut b, mut sa, mut sb) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            latin_symbols(w, &mut a, &mut sa);
            latin_symbols_chain(w, &mut b, &mut sb);
            assert_eq!(a, b, "{w:?}");
        };
        let n = LETTERS.len();
        for len in 1..=4u32 {
            for mut k in 0..n.pow(len) {
                let mut w = String::new();
                for _ in 0..len {
                    w.push(LETTERS[k % n] as char);
                    k /= n;
                }
                check(&w);
            }
        }
        let extra = ["ő", "ı", "ç", "Ş"];
        let mut rng = crate::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let mut w = String::new();
            let x = rng.next_u64();
            let len = 5 + (x % 8) as usize;
            for j in 0..len {
                let r = (x >> (5 * j)) as usize;
                if r % 29 == 0 {
                    w.push_str(extra[(r / 29) % extra.len()]);
                } else {
                    w.push(LETTERS[r % n] as char);
                }
            }
            check(&w);
        }
    }

    #[test]
    fn different_consonants_stay_apart() {
        for (a, b) in [("bashar", "hafez"), ("salman", "zayed"), ("khamenei", "larijani")] {
            assert_ne!(skel_latin(a), skel_latin(b));
        }
    }
}
