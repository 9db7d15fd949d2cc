//! Wade–Giles, the romanisation of Mandarin in most English-language sources before 1979
//! (`Hsin-hsiang`, `Ch'ang-sha`, `K'an-ting`), read into pinyin (`Xinxiang`, `Changsha`,
//! `Kangding`), the romanisation the place tables mostly know. Its unaspirated `ch k t p
//! ts` are pinyin's `zh/j g d b z`, its apostrophe marks the aspirated ones, `hs` is `x`.
//! Only a name whose every word is a Wade–Giles syllable is read so.

/// Initials, longest first: (Wade–Giles, pinyin, pinyin before `i`/`ü`).
const INITIALS: &[(&str, &str, &str)] = &[
    ("ch'", "ch", "q"),
    ("ts'", "c", "c"),
    ("tz'", "c", "c"),
    ("ch", "zh", "j"),
    ("hs", "x", "x"),
    ("ts", "z", "z"),
    ("tz", "z", "z"),
    ("ss", "s", "s"),
    ("sh", "sh", "sh"),
    ("k'", "k", "q"),
    ("t'", "t", "t"),
    ("p'", "p", "p"),
    ("k", "g", "j"),
    ("t", "d", "d"),
    ("p", "b", "b"),
    ("j", "r", "r"),
    ("m", "m", "m"),
    ("f", "f", "f"),
    ("n", "n", "n"),
    ("l", "l", "l"),
    ("h", "h", "h"),
    ("s", "s", "s"),
    ("y", "y", "y"),
    ("w", "w", "w"),
    ("", "", ""),
];

/// Finals: (Wade–Giles, pinyin).
const FINALS: &[(&str, &str)] = &[
    ("a", "a"), ("ai", "ai"), ("an", "an"), ("ang", "ang"), ("ao", "ao"),
    ("e", "e"), ("eh", "e"), ("ei", "ei"), ("en", "en"), ("eng", "eng"), ("erh", "er"),
    ("i", "i"), ("ia", "ia"), ("iang", "iang"), ("iao", "iao"), ("ieh", "ie"), ("ien", "ian"),
    ("ih", "i"), ("in", "in"), ("ing", "ing"), ("iu", "iu"), ("iung", "iong"),
    ("o", "o"), ("ou", "ou"), ("u", "u"), ("ua", "ua"), ("uai", "uai"), ("uan", "uan"),
    ("uang", "uang"), ("ui", "ui"), ("uei", "ui"), ("un", "un"), ("ung", "ong"), ("uo", "uo"),
    ("ü", "ü"), ("üan", "üan"), ("üeh", "üe"), ("ün", "ün"), ("ueh", "üe"),
];

/// The pinyin of one Wade–Giles syllable (lower case, apostrophe as `'`), if it is one;
/// `ü` is written `u`, as the tables' folded forms have it.
fn syllable(s: &str) -> Option<String> {
    for &(wg, py, py_front) in INITIALS {
        let Some(rest) = s.strip_prefix(wg) else { continue };
        let Some(&(_, fin)) = FINALS.iter().find(|(f, _)| *f == rest) else { continue };
        if wg.is_empty() && rest.starts_with(['i', 'u', 'ü']) {
            continue; // a bare final other than a, e, o, erh is no syllable
        }
        // Before i and ü, the velars and ch read as pinyin's j, q, x (not in -ih).
        let front = rest.starts_with(['i', 'ü']) && rest != "ih";
        let fin = match (wg, rest) {
            // ko, k'o, ho: ge, ke, he; lo, to, tso: luo, duo, zuo.
            ("k" | "k'" | "h", "o") => "e",
            ("p" | "p'" | "m" | "f" | "y" | "w" | "", "o") => "o",
            (_, "o") => "uo",
            // tzu, tz'u, ssu: zi, ci, si.
            ("tz" | "tz'" | "ts" | "ts'" | "ss", "u") => "i",
            _ => fin,
        };
        let mut out = String::from(if front { py_front } else { py });
        out.push_str(&fin.replace('ü', "u"));
        return Some(out);
    }
    None
}

/// The pinyin of a name whose every word is a Wade–Giles syllable, joined into one word
/// (`["Hsin", "hsiang"]` → `xinxiang`); `None` for any other name, or for one that reads
/// the same in pinyin.
pub fn to_pinyin(words: &[&str]) -> Option<String> {
    if words.len() < 2 {
        return None;
    }
    let mut out = String::new();
    let mut plain = String::new();
    for w in words {
        let lower = w.to_lowercase().replace(['’', 'ʻ', '‘', '`'], "'");
        out.push_str(&syllable(&lower)?);
        plain.push_str(&lower.replace('\'', ""));
    }
    (out != plain).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::to_pinyin;

    #[test]
    fn reads_wade_giles_names_as_pinyin() {
        for (wg, py) in [
            (&["Hsi", "an"][..], "xian"),
            (&["Ch'ing", "tao"][..], "qingdao"),
            (&["T'ai", "yüan"][..], "taiyuan"),
            (&["Kuang", "chou"][..], "guangzhou"),
            (&["Ch'eng", "tu"][..], "chengdu"),
            (&["Su", "chou"][..], "suzhou"),
            (&["Ho", "fei"][..], "hefei"),
            (&["Shih", "chia", "chuang"][..], "shijiazhuang"),
            (&["Tzu", "kung"][..], "zigong"),
            (&["Nan", "ching"][..], "nanjing"),
            (&["Chi", "lin"][..], "jilin"),
        ] {
            assert_eq!(to_pinyin(wg).as_deref(), Some(py), "{wg:?}");
        }
    }

    #[test]
    fn leaves_other_names_alone() {
        assert_eq!(to_pinyin(&["New", "York"]), None);
        assert_eq!(to_pinyin(&["Beijing"]), None);
        assert_eq!(to_pinyin(&["Abu", "Dhabi"]), None);
        // Reads the same: nothing to add.
        assert_eq!(to_pinyin(&["Lan", "ma"]), None);
        assert_eq!(to_pinyin(&[]), None);
    }
}
