//! The generic transliteration for the scripts without a module of their own (CJK, kana,
//! Hangul, Thai, Ethiopic, …): any_ascii letter by letter, with the corrections that
//! reading letters one at a time gets wrong and that matter to the skeleton (the Indic
//! scripts go to [`indic`](super::indic)):
//!
//! - kana: a small ya/yu/yo or small vowel joins the syllable before it (Hepburn
//!   `ジャ` ja, `シャ` sha, `ティ` ti, `ファ` fa), not `jiya`, `shiya`, `tei`, `fua`; a small
//!   tsu doubles the next consonant (`ッカ` kka), not a `t` of its own;
//! - Thai: a vowel written before its consonant (`เ แ โ ใ ไ`) is read after it, a silent
//!   tone `ห` before a sonorant is dropped, and aspirated stops are read as plain ones
//!   (`ท` t, `พ` p, `ค` k: RTGS `th`, `ph` would land on the skeleton's `s` and `f`).

/// Appends the Latin of `word` (letters of one script without a module) to `out`.
pub fn translit(word: &str, out: &mut String) {
    // The letters on the stack for the usual word lengths (no allocation per word).
    let mut stack = ['\0'; 32];
    let heap: Vec<char>;
    let mut n = 0;
    for c in word.chars() {
        if n == stack.len() {
            n = usize::MAX;
            break;
        }
        stack[n] = c;
        n += 1;
    }
    let chars: &[char] = if n == usize::MAX {
        heap = word.chars().collect();
        &heap
    } else {
        &stack[..n]
    };
    if chars.first().is_some_and(|&c| super::indic::is_indic(c)) {
        return super::indic::translit(chars, out);
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            // Small ya, yu, yo (hiragana, katakana).
            'ゃ' | 'ゅ' | 'ょ' | 'ャ' | 'ュ' | 'ョ' => small_y(small_vowel(c), out),
            // Small vowels, and small wa; a small u (トゥ, ドゥ) mostly writes a French or
            // English `ou` / `oo` and stays a vowel of its own.
            'ぁ' | 'ぃ' | 'ぇ' | 'ぉ' | 'ァ' | 'ィ' | 'ェ' | 'ォ' | 'ゎ' | 'ヮ' => small(small_vowel(c), out),
            // The small tsu doubles the next consonant (Hepburn `ッカ` kka, `ッチ` tchi);
            // any_ascii reads the katakana one as a `t` of its own.
            'ッ' | 'っ' => {
                let first = next.map(any_ascii::any_ascii_char).and_then(|r| r.bytes().next());
                match first {
                    Some(b'c') => out.push('t'),
                    Some(b) if b.is_ascii_alphabetic() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u') => out.push(b as char),
                    _ => {}
                }
            }
            // Thai vowels written before their consonant.
            '\u{E40}'..='\u{E44}' if next.is_some_and(is_thai_consonant) => {
                let mut j = i + 1;
                // A silent ห marking the tone of a sonorant: ใหม่ mai.
                if chars[j] == 'ห' && chars.get(j + 1).is_some_and(|&s| is_thai_sonorant(s)) {
                    j += 1;
                }
                thai(chars[j], out);
                // A cluster with ร ล ว as second consonant: เปร pre.
                // (Not before a vowel sign: เปรู is pe-ru.)
                if chars.get(j + 1).is_some_and(|&s| matches!(s, 'ร' | 'ล' | 'ว')) && chars.get(j + 2).is_some_and(|&s| is_thai_consonant(s)) {
                    j += 1;
                    thai(chars[j], out);
                }
                thai(c, out);
                i = j + 1;
                continue;
            }
            'ห' if next.is_some_and(is_thai_sonorant) && i == 0 => {}
            '\u{E01}'..='\u{E2E}' => thai(c, out),
            _ => out.push_str(any_ascii::any_ascii_char(c)),
        }
        i += 1;
    }
}

/// The vowel of a small kana.
fn small_vowel(c: char) -> char {
    match c {
        'ゃ' | 'ャ' | 'ぁ' | 'ァ' | 'ゎ' | 'ヮ' => 'a',
        'ゅ' | 'ュ' | 'ぅ' | 'ゥ' => 'u',
        'ょ' | 'ョ' | 'ぉ' | 'ォ' => 'o',
        'ぃ' | 'ィ' => 'i',
        _ => 'e',
    }
}

/// A small ya/yu/yo after an i-syllable: `ki`+`ya` → `kya`, `shi`+`ya` → `sha`.
fn small_y(v: char, out: &mut String) {
    if out.ends_with('i') && out.len() >= 2 {
        out.pop();
        if !(out.ends_with("sh") || out.ends_with("ch") || out.ends_with('j')) {
            out.push('y');
        }
    } else {
        out.push('y');
    }
    out.push(v);
}

/// A small vowel replaces the vowel of the syllable before it (`fu`+`a` → `fa`, `te`+`i`
/// → `ti`, `u`+`i` → `wi`).
fn small(v: char, out: &mut String) {
    let bytes = out.as_bytes();
    match bytes {
        [.., c, b'a' | b'i' | b'u' | b'e' | b'o'] if c.is_ascii_alphabetic() && !b"aiueo".contains(c) => {
            out.pop();
        }
        [.., b'u'] => {
            out.pop();
            out.push('w');
        }
        _ => {}
    }
    out.push(v);
}

fn is_thai_consonant(c: char) -> bool {
    ('\u{E01}'..='\u{E2E}').contains(&c)
}

/// Thai consonants that a silent ห before them gives a high tone.
fn is_thai_sonorant(c: char) -> bool {
    matches!(c, 'ง' | 'ญ' | 'น' | 'ม' | 'ย' | 'ร' | 'ล' | 'ว')
}

/// One Thai letter; aspirated stops as plain ones.
fn thai(c: char, out: &mut String) {
    match c {
        'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => out.push('k'),
        'ฐ' | 'ฑ' | 'ฒ' | 'ถ' | 'ท' | 'ธ' => out.push('t'),
        'ผ' | 'พ' | 'ภ' => out.push('p'),
        _ => out.push_str(any_ascii::any_ascii_char(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::translit;

    fn t(s: &str) -> String {
        let mut out = String::new();
        translit(s, &mut out);
        out
    }

    #[test]
    fn small_tsu_doubles_the_next_consonant() {
        let t = |w: &str| {
            let mut s = String::new();
            translit(w, &mut s);
            s
        };
        assert_eq!(t("フォックラー"), "fokkura");
        assert_eq!(t("マッチ"), "matchi");
        assert_eq!(t("きって"), "kitte");
        assert_eq!(t("ッ"), "");
    }

    #[test]
    fn kana_syllables_join_their_small_letters() {
        for (kana, latin) in [
            ("ジャカルタ", "jakaruta"),
            ("シャルジャ", "sharuja"),
            ("チェンナイ", "chennai"),
            ("キョウト", "kyouto"),
            ("ティラナ", "tirana"),
            ("ファルージャ", "faruja"),
            ("ウィーン", "win"),
            ("ヴェネツィア", "venetsia"),
            ("とうきょう", "toukyou"),
        ] {
            assert_eq!(t(kana), latin, "{kana}");
        }
    }

    #[test]
    fn thai_vowels_follow_their_consonant() {
        assert_eq!(t("กรุงเทพ"), "krungtep");
        assert_eq!(t("เปรู"), "peru");
        assert_eq!(t("เพลง"), "pleng");
        assert!(t("ใหม่").starts_with("mai"), "{}", t("ใหม่"));
    }

    #[test]
    fn other_scripts_pass_to_any_ascii() {
        assert_eq!(t("ዓለም"), any_ascii::any_ascii("ዓለም"));
        assert_eq!(t(""), "");
    }
}
