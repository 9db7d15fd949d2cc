//! The key of a name written in plain ASCII, in one pass over its bytes: words found,
//! particles recognised and letters read into the skeleton as they come, without the
//! cleaned copy, the spans and the symbol Vec of the general path
//! (`clean → tokenize → latin_symbols → skeleton_into`), whose rules it repeats.
//!
//! A name it cannot key the way the general path does goes there instead (`false`): a
//! control character or a backquote (which `clean` drops or rewrites), a word longer than
//! [`MAX_WORD`], and a name whose words are all particles or titles (which `tokenize`
//! turns back into names). The property tests compare both paths on generated names.

use super::phon::{self, SkeletonSyms};
use super::tokenize::{Role, SUN_ARTICLES};
use crate::lexicon::particle_role_bytes as particle_role;

/// The longest word read here (the letters are copied to the stack).
const MAX_WORD: usize = 48;

/// How the bytes of a name behave in it.
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

/// Appends the key of `input` to `out` as `text::key_into` would after `analyse`, and
/// tells whether it could; on `false`, `out` holds a partial key to clear.
pub fn key_ascii(input: &str, out: &mut String) -> bool {
    if !input.is_ascii() {
        return false;
    }
    let b = input.as_bytes();
    let mut state = State { out, has_name: false, has_noise: false };
    let Ok(mut cur) = next_word(b, 0) else { return false };
    while let Some((s0, e0)) = cur {
        let Ok(next) = next_word(b, e0) else { return false };
        cur = next;
        // Apostrophes at the edges are no part of the word ('Ali, Abdullah').
        let (mut s, mut e) = (s0, e0);
        while s < e && b[s] == b'\'' {
            s += 1;
        }
        while e > s && b[e - 1] == b'\'' {
            e -= 1;
        }
        let word = &b[s..e];
        if word.is_empty() {
            continue;
        }
        if word.len() > MAX_WORD {
            return false;
        }
        let mut buf = [0u8; MAX_WORD];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        let is_last = next.is_none();
        if word.iter().any(u8::is_ascii_alphabetic) {
            // The first byte of the next word, apostrophe or not, for the sun letter test.
            let next_first = next.map(|(ns, _)| b[ns].to_ascii_lowercase());
            state.latin(word, lower, is_last, next_first);
        } else {
            // Digits and apostrophes only: no script, looked up but never split.
            let role = particle_role(lower).filter(|_| !is_last).unwrap_or(Role::Name);
            state.emit(lower, role);
        }
    }
    // Only particles and titles: `tokenize` reads them as names.
    !state.has_noise || state.has_name
}

/// The next run of word bytes at or after `from`; `Err` at a byte of [`Class::Other`].
fn next_word(b: &[u8], from: usize) -> Result<Option<(usize, usize)>, ()> {
    let mut i = from;
    let start = loop {
        match b.get(i) {
            None => return Ok(None),
            Some(&c) => match CLASS[usize::from(c)] {
                Class::Word => break i,
                Class::Gap => i += 1,
                Class::Other => return Err(()),
            },
        }
    };
    i += 1;
    while let Some(&c) = b.get(i) {
        match CLASS[usize::from(c)] {
            Class::Word => i += 1,
            Class::Gap => break,
            Class::Other => return Err(()),
        }
    }
    Ok(Some((start, i)))
}

struct State<'a> {
    out: &'a mut String,
    /// A name word was seen.
    has_name: bool,
    /// An article or title was seen (and left out).
    has_noise: bool,
}

impl State<'_> {
    /// The word `lower` of `role`: its skeleton, unless it is noise.
    fn emit(&mut self, lower: &[u8], role: Role) {
        if role.is_noise() {
            self.has_noise = true;
            return;
        }
        self.has_name |= role == Role::Name;
        // The letters followed by four zero bytes, as `read_latin` reads them.
        let mut p = [0u8; MAX_WORD + 4];
        p[..lower.len()].copy_from_slice(lower);
        let mut sink = SkeletonSyms::new(self.out);
        phon::read_latin(&p, lower.len(), None, &mut sink);
        sink.finish();
    }

    /// `tokenize::split_latin` for an ASCII word: `word` as written, `lower` lower-cased.
    fn latin(&mut self, word: &[u8], lower: &[u8], is_last: bool, next_first: Option<u8>) {
        if let Some(role) = particle_role(lower) {
            let role = if is_last {
                Role::Name
            } else if role == Role::Article && SUN_ARTICLES.iter().any(|a| a.as_bytes() == lower) {
                // An article only before its sun letter (ad-Din).
                if next_first.is_some() && next_first == lower.get(1).copied() {
                    Role::Article
                } else {
                    Role::Name
                }
            } else {
                role
            };
            return self.emit(lower, role);
        }
        let n = lower.len();
        if n == 1 && lower[0].is_ascii_alphabetic() {
            return self.emit(lower, Role::Initial);
        }
        // camelCase after a particle: alAssad, AbdulAziz.
        if let Some(i) = word.iter().skip(2).position(u8::is_ascii_uppercase).map(|p| p + 2) {
            if word[1..i].iter().all(u8::is_ascii_lowercase) {
                let arabic_particle = |r: &Role| matches!(r, Role::Article | Role::Abd | Role::Abu | Role::Patronymic);
                if let Some(role) = particle_role(&lower[..i]).filter(arabic_particle) {
                    self.emit(&lower[..i], role);
                    return self.latin(&word[i..], &lower[i..], is_last, next_first);
                }
            }
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
                self.emit(&lower[..3], Role::Abd);
                return self.emit(&lower[j..], Role::Name);
            }
        }
        // Allah joined to its name: Nasrallah, Ruhollah.
        if n >= 8 && lower.ends_with(b"llah") && matches!(lower[n - 5], b'u' | b'o' | b'a') {
            let cut = n - 5;
            self.latin(&word[..cut], &lower[..cut], false, None);
            return self.emit(&lower[cut..], Role::Name);
        }
        // Abu joined through the article: Abulfazl, Aboulkacem.
        if lower.starts_with(b"ab") {
            for head in [&b"aboul"[..], b"abul", b"abol", b"abil"] {
                if n >= head.len() + 3 && lower.starts_with(head) {
                    self.emit(&lower[..head.len() - 1], Role::Abu);
                    return self.emit(&lower[head.len()..], Role::Name);
                }
            }
        }
        self.emit(lower, Role::Name)
    }
}
