//! Japanese words written in Cyrillic by the Polivanov system, the convention of Russian
//! texts (Фудзимото, Мидзусима, Сёуда), read back into Latin (Fujimoto, Mizushima, Shoda),
//! which the Russian reading of the letters misses (Fudzimoto, Midzusima, Syouda).

use super::cyrillic;
use crate::text::lang::Lang;

/// The ways Latin writes a Japanese word, each a spelling of [`latin`].
#[derive(Clone, Copy, PartialEq)]
enum Style {
    /// Hepburn, long vowels written short: Tojo, Shoda (the usual Latin).
    Hepburn,
    /// Hepburn, long vowels as the kana write them: Toujou, Shouda, Yuuki.
    AsWritten,
    /// Hepburn with ō written oh (the passport convention): Tohjoh, Ohta.
    Oh,
    /// Kunrei-shiki: Husida, Kamizi, Tutomu, Tyoko (Fushida, Kamiji, Tsutomu, Choko).
    Kunrei,
    /// As typed on a Japanese keyboard: ふ hu, long vowels as written (Hujirou, Kohuji).
    Typed,
}

/// The Latin spellings of `word` if it parses completely as Polivanov syllables, in the
/// order of [`Style`], each once. A spelling that is the Russian reading (Сато, sato either
/// way) is left out, and any word with a letter or a cluster Japanese lacks (л ш щ ж ч ы ь
/// ъ, a final consonant other than н, ст, ту) has none: Russian names keep their one reading.
pub fn latin(word: &str) -> [Option<String>; 5] {
    let Some(hepburn) = parse(word, Style::Hepburn) else { return Default::default() };
    let mut usual = String::with_capacity(word.len());
    cyrillic::translit(word, Lang::Ru, &mut usual);
    let mut out = [Some(hepburn), None, None, None, None];
    for (k, style) in [Style::AsWritten, Style::Oh, Style::Kunrei, Style::Typed].into_iter().enumerate() {
        out[k + 1] = parse(word, style).filter(|s| !out[..=k].iter().flatten().any(|o| o == s));
    }
    out.map(|s| s.filter(|s| !usual.eq_ignore_ascii_case(s)))
}

/// Longer words are no Japanese names: they are rejected before any work.
const MAX: usize = 24;

/// The spelling in `style` of a word made of Polivanov syllables.
fn parse(word: &str, style: Style) -> Option<String> {
    let mut w = ['\0'; MAX];
    let mut n = 0;
    for c in word.chars() {
        *w.get_mut(n)? = c.to_lowercase().next().unwrap_or(c);
        n += 1;
    }
    let w = &w[..n];
    let mut out = String::with_capacity(2 * n);
    // The vowel of the last syllable, which a following у or о may lengthen (оу, ёу, уу, оо).
    let mut last: Option<u8> = None;
    let mut i = 0;
    while i < n {
        let c = w[i];
        let next = w.get(i + 1).copied();
        if let Some(v) = vowel(c) {
            // е is e only after a consonant (Такеси); alone it is Russian ye.
            if c == 'е' {
                return None;
            }
            let lengthens = matches!((last, c), (Some(b'o'), 'у' | 'о') | (Some(b'u'), 'у'));
            match style {
                _ if !lengthens => out.push(v as char),
                Style::AsWritten | Style::Typed => out.push(v as char),
                Style::Oh if last == Some(b'o') => out.push('h'),
                _ => {}
            }
            last = (!lengthens).then_some(v);
            i += 1;
            continue;
        }
        if let Some(v) = iotated(c) {
            out.push('y');
            out.push(v as char);
            last = Some(v);
            i += 1;
            continue;
        }
        // Initial йо, йа, йу are ё, я, ю (Йосиро Yoshiro).
        if c == 'й' && i == 0 && matches!(next, Some('а' | 'у' | 'о')) {
            out.push('y');
            i += 1;
            continue;
        }
        // й after a vowel is the i of ai, ei (Кэйко Keiko).
        if c == 'й' {
            if last.is_none() || next.is_some_and(|c| vowel(c).is_some() || iotated(c).is_some()) {
                return None;
            }
            out.push('i');
            last = Some(b'i');
            i += 1;
            continue;
        }
        let next_vowel = next.is_some_and(|c| vowel(c).is_some() || iotated(c).is_some());
        // ん: н before anything but a vowel, м before б п м (Хомма Homma, Намба Namba).
        if (c == 'н' && !next_vowel) || (c == 'м' && matches!(next, Some('б' | 'п' | 'м'))) {
            if i == 0 {
                return None;
            }
            out.push(if c == 'м' && style != Style::Kunrei { 'm' } else { 'n' });
            last = None;
            i += 1;
            continue;
        }
        // A doubled consonant (っ): Хаттори Hattori, Ниссан Nissan, Мацу Matsu has one.
        if matches!(c, 'к' | 'с' | 'т' | 'п') && (next == Some(c) || (c == 'т' && next == Some('ц'))) {
            out.push(match c {
                'к' => 'k',
                'с' => 's',
                'т' => 't',
                _ => 'p',
            });
            last = None;
            i += 1;
            continue;
        }
        // A consonant and its vowel; дз (and з inside a word) is the Z row.
        let (onset, len) = if c == 'д' && next == Some('з') { ('з', 2) } else { (c, 1) };
        let v = *w.get(i + len)?;
        out.push_str(syllable(onset, v, style)?);
        last = vowel(v).or_else(|| iotated(v));
        i += len + 1;
    }
    Some(out)
}

/// The plain vowels: э and, after a consonant, е are e.
fn vowel(c: char) -> Option<u8> {
    Some(match c {
        'а' => b'a',
        'и' => b'i',
        'у' => b'u',
        'э' | 'е' => b'e',
        'о' => b'o',
        _ => return None,
    })
}

/// The vowels with a y: я ю ё.
fn iotated(c: char) -> Option<u8> {
    Some(match c {
        'я' => b'a',
        'ю' => b'u',
        'ё' => b'o',
        _ => return None,
    })
}

/// The Hepburn (or Kunrei-shiki) of a consonant and a vowel letter, `None` where the kana
/// has no such syllable (ту, ди, ху, ве: Russian, not Japanese).
fn syllable(onset: char, v: char, style: Style) -> Option<&'static str> {
    let kunrei = style == Style::Kunrei;
    let k = match v {
        'а' => 0,
        'и' => 1,
        'у' => 2,
        'э' | 'е' => 3,
        'о' => 4,
        'я' => 5,
        'ю' => 6,
        'ё' => 7,
        _ => return None,
    };
    let row: [&str; 8] = match onset {
        'с' if kunrei => ["sa", "si", "su", "se", "so", "sya", "syu", "syo"],
        'з' if kunrei => ["za", "zi", "zu", "ze", "zo", "zya", "zyu", "zyo"],
        'т' if kunrei => ["ta", "ti", "", "te", "to", "tya", "tyu", "tyo"],
        'ц' if kunrei => ["", "", "tu", "", "", "", "", ""],
        'ф' if kunrei || style == Style::Typed => ["", "", "hu", "", "", "", "", ""],
        'к' => ["ka", "ki", "ku", "ke", "ko", "kya", "kyu", "kyo"],
        'г' => ["ga", "gi", "gu", "ge", "go", "gya", "gyu", "gyo"],
        'с' => ["sa", "shi", "su", "se", "so", "sha", "shu", "sho"],
        'з' => ["za", "ji", "zu", "ze", "zo", "ja", "ju", "jo"],
        'т' => ["ta", "chi", "", "te", "to", "cha", "chu", "cho"],
        'ц' => ["", "", "tsu", "", "", "", "", ""],
        'д' => ["da", "", "", "de", "do", "", "", ""],
        'н' => ["na", "ni", "nu", "ne", "no", "nya", "nyu", "nyo"],
        'х' => ["ha", "hi", "", "he", "ho", "hya", "hyu", "hyo"],
        'ф' => ["", "", "fu", "", "", "", "", ""],
        'б' => ["ba", "bi", "bu", "be", "bo", "bya", "byu", "byo"],
        'п' => ["pa", "pi", "pu", "pe", "po", "pya", "pyu", "pyo"],
        'м' => ["ma", "mi", "mu", "me", "mo", "mya", "myu", "myo"],
        'р' => ["ra", "ri", "ru", "re", "ro", "rya", "ryu", "ryo"],
        'в' => ["wa", "", "", "", "", "", "", ""],
        _ => return None,
    };
    Some(row[k]).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(w: &str) -> Option<String> {
        parse(w, Style::Hepburn)
    }

    fn none() -> [Option<String>; 5] {
        Default::default()
    }

    #[test]
    fn japanese_words_read_as_hepburn() {
        assert_eq!(short("Фудзимото").as_deref(), Some("fujimoto"));
        assert_eq!(short("Мидзусима").as_deref(), Some("mizushima"));
        assert_eq!(short("Кадзуо").as_deref(), Some("kazuo"));
        assert_eq!(short("Ёсида").as_deref(), Some("yoshida"));
        assert_eq!(short("Хаттори").as_deref(), Some("hattori"));
        assert_eq!(short("Мацумото").as_deref(), Some("matsumoto"));
        assert_eq!(short("Кэйко").as_deref(), Some("keiko"));
        assert_eq!(short("Тиба").as_deref(), Some("chiba"));
        assert_eq!(short("Синдзи").as_deref(), Some("shinji"));
        assert_eq!(short("Хомма").as_deref(), Some("homma"));
        assert_eq!(short("Такеси").as_deref(), Some("takeshi"));
        assert_eq!(short("Ватанабэ").as_deref(), Some("watanabe"));
        let all = |w: &str| latin(w).into_iter().flatten().collect::<Vec<_>>();
        assert_eq!(all("Тоудзёу"), ["tojo", "toujou", "tohjoh", "tozyo"]);
        assert_eq!(all("Сёуда"), ["shoda", "shouda", "shohda", "syoda"]);
        assert_eq!(all("Фусида"), ["fushida", "husida", "hushida"]);
        assert_eq!(all("Фудзироу"), ["fujiro", "fujirou", "fujiroh", "huziro", "hujirou"]);
        assert_eq!(short("Йосиро").as_deref(), Some("yoshiro"));
        // Only the spellings that differ from the Russian reading (oota, matsumoto).
        assert_eq!(all("Оота"), ["ota", "ohta"]);
        assert_eq!(all("Мацумото"), ["matumoto"]);
    }

    #[test]
    fn russian_words_keep_their_reading() {
        // A letter or a cluster Japanese lacks.
        for w in ["Шишкин", "Щукин", "Жуков", "Чехов", "Быков", "Ольга", "Степан", "Тургенев", "Дина", "Вера", "Елена", "Подъячев"] {
            assert_eq!(latin(w), none(), "{w}");
        }
        // Parses, but reads as the Russian letters do.
        assert_eq!(latin("Марина"), none());
        assert_eq!(latin("Сато"), none());
    }
}
