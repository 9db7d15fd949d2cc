//! The key of a name written in Arabic script (Arabic, Persian, Urdu letters, harakat,
//! ASCII spaces and punctuation between words) in one pass over its characters and one
//! over its words: letters unified by a table as `clean` unifies them, words split as
//! `tokenize::split_arabic` splits them, read into the skeleton without the cleaned copy,
//! the spans or the symbol Vec.
//!
//! A name with anything else (a Latin letter, a digit, an apostrophe, a ZWNJ, a mark other
//! than the harakat, a presentation form, a letter the table does not list) goes to the
//! general path (`false`), as does a name whose words are all particles or titles.

use super::latin_key::{Class, CLASS};
use super::phon::{self, Skeleton};
use super::tokenize::Role;
use crate::lexicon::{particle_role_bytes as particle_role, MAX_FORM_LEN};

/// The most letters and words of a name read here (kept on the stack).
const MAX_CHARS: usize = 64;
const MAX_WORDS: usize = 16;

/// In [`LETTERS`]: the general path must read the character.
const BAIL: u8 = 0;
/// In [`LETTERS`]: `clean` drops the character (harakat, tatweel), joining its neighbours.
const DROP: u8 = 1;

/// For U+0600 to U+06FF: [`BAIL`], [`DROP`], or the letter `clean` writes for it, as its
/// offset from U+0600 (`أ` → `ا`, `ی` → `ي`, `ک` → `ك`, …; most letters as themselves).
/// Checked against `clean` by a test.
static LETTERS: [u8; 256] = {
    let mut t = [BAIL; 256];
    let mut u = 0x620;
    while u <= 0x6D5 {
        // Letters NFKC leaves alone (not the hamza forms U+0675..U+0678, which it
        // decomposes, nor the full stop U+06D4).
        let letter = matches!(u, 0x620..=0x63A | 0x641..=0x64A | 0x66E | 0x66F | 0x671..=0x674 | 0x679..=0x6D3 | 0x6D5);
        if letter {
            let to: u32 = match u {
                0x623 | 0x625 | 0x622 | 0x671 | 0x672 | 0x673 => 0x627,
                0x649 | 0x6CC | 0x6D0 | 0x6CD | 0x6D2 | 0x6D3 | 0x626 => 0x64A,
                0x6A9 | 0x6AA => 0x643,
                0x6C0 | 0x6C1 | 0x6BE | 0x6C2 => 0x647,
                0x624 => 0x648,
                0x6C3 => 0x629,
                _ => u,
            };
            t[(u - 0x600) as usize] = (to - 0x600) as u8;
        }
        u += 1;
    }
    t[0x40] = DROP; // tatweel
    let mut m = 0x4B; // fathatan … sukun
    while m <= 0x52 {
        t[m] = DROP;
        m += 1;
    }
    t
};

const AL: [char; 2] = ['ا', 'ل'];
const ALLAH: [char; 4] = ['ا', 'ل', 'ل', 'ه'];

/// Appends the key of `input` to `out` as `text::key_into` would after `analyse`, and
/// tells whether it could; on `false`, `out` may hold a partial key to clear.
pub fn key_arabic(input: &str, out: &mut String) -> bool {
    // The cleaned letters of the name, and where its words start and end.
    // (Only letters are kept: a word ends where the next one starts.)
    let mut chars = ['\0'; MAX_CHARS];
    let mut n = 0;
    let mut starts = [0usize; MAX_WORDS + 1];
    let mut nw = 0;
    let mut in_word = false;
    for c in input.chars() {
        let u = c as usize;
        if u < 0x80 {
            if CLASS[u] != Class::Gap {
                return false;
            }
            in_word = false;
            continue;
        }
        let Some(&m) = LETTERS.get(u.wrapping_sub(0x600)) else { return false };
        match m {
            BAIL => return false,
            DROP => continue,
            _ => {}
        }
        if n == MAX_CHARS {
            return false;
        }
        let mut m = m;
        if !in_word {
            if nw == MAX_WORDS {
                return false;
            }
            if u == 0x626 {
                m = 0x27; // a word-initial ئ is an alef, as `clean` writes it
            }
            starts[nw] = n;
            nw += 1;
            in_word = true;
        }
        chars[n] = char::from_u32(0x600 + u32::from(m)).unwrap_or('\0');
        n += 1;
    }
    starts[nw] = n;
    let mut state = State { out, has_name: false, has_noise: false };
    for i in 0..nw {
        state.split(&chars[starts[i]..starts[i + 1]], i + 1 == nw);
    }
    // Only particles and titles: `tokenize` reads them as names.
    !state.has_noise || state.has_name
}

/// The particle role of a word of letters of U+0600..U+06FF.
fn role_of(w: &[char]) -> Option<Role> {
    if 2 * w.len() > MAX_FORM_LEN {
        return None;
    }
    let mut b = [0u8; MAX_FORM_LEN];
    for (i, &c) in w.iter().enumerate() {
        let u = c as u32;
        b[2 * i] = 0xC0 | (u >> 6) as u8;
        b[2 * i + 1] = 0x80 | (u & 0x3F) as u8;
    }
    particle_role(&b[..2 * w.len()])
}

struct State<'a> {
    out: &'a mut String,
    /// A name word was seen.
    has_name: bool,
    /// An article or title was seen (and left out).
    has_noise: bool,
}

impl State<'_> {
    /// The word `w` of `role`: its skeleton, unless it is noise.
    fn emit(&mut self, w: &[char], role: Role) {
        if role.is_noise() {
            self.has_noise = true;
            return;
        }
        self.has_name |= role == Role::Name;
        let out = &mut *self.out;
        let mut k = Skeleton::new(out);
        phon::read_arabic(w, |s| k.step(s, out));
        k.finish(out);
    }

    /// `tokenize::split_arabic` over the letters of a word.
    fn split(&mut self, w: &[char], is_last: bool) {
        // A particle or title as the last word is a name, still with its article split off.
        if let Some(role) = role_of(w).filter(|_| !is_last) {
            return self.emit(w, role);
        }
        // عبدالعزيز → عبد + ال + عزيز ; ابوالفضل → ابو + ال + فضل
        for (head, role) in [(['ع', 'ب', 'د'], Role::Abd), (['ا', 'ب', 'و'], Role::Abu)] {
            if let Some(rest) = w.strip_prefix(&head) {
                let joined_article = rest.starts_with(&AL) && rest.len() >= 4;
                if joined_article || (role == Role::Abd && rest.len() >= 3) {
                    self.emit(&head, role);
                    return self.split(rest, is_last);
                }
            }
        }
        // نورالله → نور + الله
        if let Some(head) = w.strip_suffix(&ALLAH) {
            if head.len() >= 2 {
                self.split(head, false);
                return self.emit(&ALLAH, Role::Name);
            }
        }
        if w != ALLAH && w.starts_with(&AL) && w.len() >= 4 {
            self.emit(&AL, Role::Article);
            return self.emit(&w[2..], Role::Name);
        }
        self.emit(w, Role::Name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter of the table is cleaned to the letter it lists, alone and between
    /// others; every dropped mark joins its neighbours and composes with no letter.
    #[test]
    fn the_table_agrees_with_clean() {
        use unicode_normalization::UnicodeNormalization;
        let clean = crate::text::clean::clean;
        for (i, &m) in LETTERS.iter().enumerate() {
            let c = char::from_u32(0x600 + i as u32).unwrap();
            match m {
                BAIL => {}
                DROP => {
                    assert_eq!(clean(&format!("ب{c}ب")), "بب", "{c:?}");
                    for j in (0..LETTERS.len()).filter(|&j| LETTERS[j] > DROP) {
                        let letter = char::from_u32(0x600 + j as u32).unwrap();
                        let pair: String = [letter, c].into_iter().collect();
                        assert_eq!(pair.nfkc().collect::<String>(), pair, "{letter:?} {c:?}");
                    }
                }
                _ => {
                    let to = char::from_u32(0x600 + u32::from(m)).unwrap();
                    // (A word-initial ئ is an alef; see `key_arabic`.)
                    let alone = if c == 'ئ' { 'ا' } else { to };
                    assert_eq!(clean(&c.to_string()), alone.to_string(), "{c:?}");
                    assert_eq!(clean(&format!("ب{c}ب")), format!("ب{to}ب"), "{c:?}");
                    assert_eq!(crate::text::lang::script_of(to), crate::text::lang::Script::Arabic, "{c:?}");
                }
            }
        }
    }
}
