//! The key of a name written in Latin letters (ASCII, and the precomposed letters of
//! Latin-1 and Latin Extended-A/B that NFKC leaves alone), in one pass over its words:
//! words found, particles recognised and letters read into the skeleton as they come,
//! without the cleaned copy, the spans and the symbol Vec of the general path
//! (`clean → tokenize → latin_symbols → skeleton_into`), whose rules it repeats.
//!
//! A name it cannot key the way the general path does goes there instead (`false`): a
//! control character, a backquote or any other character `clean` changes, a character of
//! another script or a combining mark, a word longer than [`MAX_WORD`] bytes, and a name
//! whose words are all particles or titles (which `tokenize` turns back into names). The
//! property tests compare both paths on generated names.

use super::phon::{self, SkeletonSyms};
use super::tokenize::{camel_case_particle, fold_letter, Role, SUN_ARTICLES};
use crate::lexicon::particle_role_bytes as particle_role;

/// The longest word read here, in bytes (its letters are copied to the stack).
const MAX_WORD: usize = 48;

/// How the ASCII bytes of a name behave in it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// A letter, a digit or an apostrophe: part of a word.
    Word,
    /// Anything else printable, and white space: between words.
    Gap,
    /// What `clean` drops or rewrites: the general path.
    Other,
}

/// [`Class`] of every ASCII byte.
pub(super) static CLASS: [Class; 128] = {
    let mut t = [Class::Gap; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'\'' {
            Class::Word
        } else if c == b'`' || c == 0x7F || (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)) {
            Class::Other
        } else {
            Class::Gap
        };
        b += 1;
    }
    t
};

/// The letters above ASCII read here: Latin letters that `clean` keeps as they are (NFKC
/// leaves them alone in any company: the ranges of `clean::plainly_nfkc_by_range` up to
/// U+024F), without × and ÷.
fn is_plain_latin(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x131 | 0x134..=0x13E | 0x141..=0x148 | 0x14A..=0x17E
        | 0x180..=0x1C3 | 0x1CD..=0x1F0 | 0x1F4..=0x24F)
}

/// Appends the key of `input` to `out` as `text::key_into` would after `analyse`, and
/// tells whether it could; on `false`, `out` holds a partial key to clear. `bytes` is a
/// reusable buffer.
pub fn key_latin(input: &str, bytes: &mut Vec<u8>, out: &mut String) -> bool {
    let mut state = State { input, bytes, out, has_name: false, has_noise: false };
    let Ok(mut cur) = next_word(input, 0) else { return false };
    let b = input.as_bytes();
    while let Some((s0, e0)) = cur {
        let Ok(next) = next_word(input, e0) else { return false };
        cur = next;
        // Apostrophes at the edges are no part of the word ('Ali, Abdullah').
        let (mut s, mut e) = (s0, e0);
        while s < e && b[s] == b'\'' {
            s += 1;
        }
        while e > s && b[e - 1] == b'\'' {
            e -= 1;
        }
        let word = &input[s..e];
        if word.is_empty() {
            continue;
        }
        if word.len() > MAX_WORD {
            return false;
        }
        let is_last = next.is_none();
        // Where the next word starts, for the sun letter test (read only there: rare).
        let next_start = next.map(|(ns, _)| ns);
        let mut lower = [0u8; MAX_WORD];
        if word.is_ascii() {
            let lower = &mut lower[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            if word.bytes().any(|c| c.is_ascii_alphabetic()) {
                state.latin(Word { lower, base: s, at: None }, is_last, next_start);
            } else {
                // Digits and apostrophes only: no script, looked up but never split.
                let role = particle_role(lower).filter(|_| !is_last).unwrap_or(Role::Name);
                state.emit(Word { lower, base: s, at: None }, role);
            }
            continue;
        }
        // Lower-cased and folded letter by letter (`Ülker` → `ulker`), as
        // `tokenize::fold_letters` does, with each letter's offset in `input`.
        let mut at = [0u8; MAX_WORD + 1];
        let mut n = 0;
        let mut folded = true;
        for (i, c) in word.char_indices() {
            let f = if c.is_ascii() {
                c.to_ascii_lowercase() as u8
            } else {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    // (A letter lower-cased to ASCII would make `tokenize` take the
                    // word for ASCII: none does, but the general path shall tell.)
                    (Some(l), None) if l.is_ascii() => return false,
                    (Some(l), None) => fold_letter(l).unwrap_or(0),
                    _ => 0,
                }
            };
            if f == 0 {
                folded = false;
                break;
            }
            lower[n] = f;
            at[n] = i as u8; // < MAX_WORD
            n += 1;
        }
        at[n] = word.len() as u8;
        if folded {
            state.latin(Word { lower: &lower[..n], base: s, at: Some(&at[..=n]) }, is_last, next_start);
        } else {
            // No particle is written with such letters (`ß`, `æ`): a name word.
            state.emit_text(word, Role::Name);
        }
    }
    // Only particles and titles: `tokenize` reads them as names.
    !state.has_noise || state.has_name
}

/// The next run of word characters in `input` at or after byte `from`; `Err` at a
/// character the general path must read.
fn next_word(input: &str, from: usize) -> Result<Option<(usize, usize)>, ()> {
    // The gap before the word, then the word: two loops, each with one test per ASCII byte.
    let b = input.as_bytes();
    let mut i = from;
    let start = loop {
        match b.get(i) {
            None => return Ok(None),
            Some(&c) if c < 0x80 => match CLASS[usize::from(c)] {
                Class::Word => break i,
                Class::Gap => i += 1,
                Class::Other => return Err(()),
            },
            Some(_) => {
                plain_latin_len(input, i)?;
                break i;
            }
        }
    };
    loop {
        match b.get(i) {
            None => break,
            Some(&c) if c < 0x80 => match CLASS[usize::from(c)] {
                Class::Word => i += 1,
                Class::Gap => break,
                Class::Other => return Err(()),
            },
            Some(_) => i += plain_latin_len(input, i)?,
        }
    }
    Ok(Some((start, i)))
}

/// The first letter of `text` (an apostrophe, maybe), lower-cased and folded.
fn first_letter(text: &str) -> u8 {
    let c = text.chars().next().unwrap_or('\0');
    let c = c.to_lowercase().next().unwrap_or(c);
    if c.is_ascii() { c as u8 } else { fold_letter(c).unwrap_or(0) }
}

/// The length of the letter above ASCII at byte `i` of `input`; `Err` for a character that
/// is not [`is_plain_latin`].
fn plain_latin_len(input: &str, i: usize) -> Result<usize, ()> {
    match input[i..].chars().next() {
        Some(ch) if is_plain_latin(ch) => Ok(ch.len_utf8()),
        _ => Err(()),
    }
}

/// A Latin word or part of one: its letters lower-cased and folded to ASCII, and where
/// each is in the input (`base + i`, or `base + at[i]` for a word with letters above
/// ASCII; `at` also holds the end).
#[derive(Clone, Copy)]
struct Word<'a> {
    lower: &'a [u8],
    base: usize,
    at: Option<&'a [u8]>,
}

impl<'a> Word<'a> {
    fn at(&self, i: usize) -> usize {
        self.base + self.at.map_or(i, |at| usize::from(at[i]))
    }

    /// The letters `a..b`.
    fn part(&self, a: usize, b: usize) -> Word<'a> {
        match self.at {
            None => Word { lower: &self.lower[a..b], base: self.base + a, at: None },
            Some(at) => Word { lower: &self.lower[a..b], base: self.base, at: Some(&at[a..=b]) },
        }
    }
}

struct State<'a> {
    input: &'a str,
    bytes: &'a mut Vec<u8>,
    out: &'a mut String,
    /// A name word was seen.
    has_name: bool,
    /// An article or title was seen (and left out).
    has_noise: bool,
}

impl State<'_> {
    /// The word `w` of `role`: its skeleton, unless it is noise.
    fn emit(&mut self, w: Word<'_>, role: Role) {
        if w.at.is_some() {
            let text = &self.input[w.at(0)..w.at(w.lower.len())];
            if !text.is_ascii() {
                return self.emit_text(text, role);
            }
        }
        if role.is_noise() {
            self.has_noise = true;
            return;
        }
        self.has_name |= role == Role::Name;
        self.skeleton(w.lower, None);
    }

    /// The word `text` (with letters above ASCII) of `role`: its skeleton, unless it is
    /// noise.
    fn emit_text(&mut self, text: &str, role: Role) {
        if role.is_noise() {
            self.has_noise = true;
            return;
        }
        self.has_name |= role == Role::Name;
        self.skeleton(&[], Some(text));
    }

    /// Appends the skeleton of the ASCII letters `lower`, or of `text` (a word with letters
    /// above ASCII, spelled by `spell_letters` first). The one call of `read_latin` here,
    /// not inlined into two callers: a second call site made LLVM stop inlining it.
    #[inline(never)]
    fn skeleton(&mut self, lower: &[u8], text: Option<&str>) {
        // The letters followed by four zero bytes, as `read_latin` reads them.
        let mut p = [0u8; MAX_WORD + 4];
        let (p, n) = match text {
            None => {
                p[..lower.len()].copy_from_slice(lower);
                (&p[..], lower.len())
            }
            Some(text) => {
                phon::spell_letters(text, self.bytes);
                let n = self.bytes.len();
                self.bytes.extend_from_slice(&[0; 4]);
                (&self.bytes[..], n)
            }
        };
        let mut sink = SkeletonSyms::new(self.out);
        phon::read_latin(p, n, text, &mut sink);
        sink.finish();
    }

    /// `tokenize::split_latin` for a Latin word, `next_start` where the next word starts
    /// in the input.
    fn latin(&mut self, w: Word<'_>, is_last: bool, next_start: Option<usize>) {
        let lower = w.lower;
        let n = lower.len();
        if let Some(role) = particle_role(lower) {
            let role = if is_last {
                Role::Name
            } else if role == Role::Article && SUN_ARTICLES.iter().any(|a| a.as_bytes() == lower) {
                // An article only before its sun letter (ad-Din).
                let next_first = next_start.map(|ns| first_letter(&self.input[ns..]));
                if next_first.is_some() && next_first == lower.get(1).copied() {
                    Role::Article
                } else {
                    Role::Name
                }
            } else {
                role
            };
            return self.emit(w, role);
        }
        if n == 1 && lower[0].is_ascii_alphabetic() {
            return self.emit(w, Role::Initial);
        }
        // camelCase after a particle: alAssad, AbdulAziz (letters counted as characters).
        let text = &self.input[w.at(0)..w.at(n)];
        if let Some((i, role)) = camel_case_particle(text, |i| particle_role(&lower[..i])) {
            self.emit(w.part(0, i), role);
            return self.latin(w.part(i, n), is_last, next_start);
        }
        // Abd joined to its name: Abdulaziz, Abdurrahman.
        let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
        if n >= 6 && lower.starts_with(b"abd") && vowel(lower[3]) {
            let mut j = 4;
            if n > j + 2 {
                let c = lower[j];
                if c == b'l' || (lower[j + 1] == c && !vowel(c)) {
                    j += 1;
                }
            }
            if n - j >= 3 {
                self.emit(w.part(0, 3), Role::Abd);
                return self.emit(w.part(j, n), Role::Name);
            }
        }
        // Allah joined to its name: Nasrallah, Ruhollah.
        if n >= 8 && lower.ends_with(b"llah") && matches!(lower[n - 5], b'u' | b'o' | b'a') {
            let cut = n - 5;
            self.latin(w.part(0, cut), false, None);
            return self.emit(w.part(cut, n), Role::Name);
        }
        // Abu joined through the article: Abulfazl, Aboulkacem.
        if lower.starts_with(b"ab") {
            for head in [&b"aboul"[..], b"abul", b"abol", b"abil"] {
                if n >= head.len() + 3 && lower.starts_with(head) {
                    self.emit(w.part(0, head.len() - 1), Role::Abu);
                    return self.emit(w.part(head.len(), n), Role::Name);
                }
            }
        }
        self.emit(w, Role::Name)
    }
}
