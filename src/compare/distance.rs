//! The edit distance of [`super`]: two words' sound symbols compared by a weighted edit
//! distance in which the differences romanisations make are cheap (vowels, `q/k/g`,
//! `d/z/dh`, gemination, a dropped ʿayn, a digraph read as one sound or two) and a
//! different consonant is expensive, as a similarity in [0, 1]. The costs are a table
//! computed at compile time plus the few that depend on a symbol's place in the word.

use super::Writing;
use super::consonants;
use crate::text::phon::{self, is_vowel, sym};

/// Cost of substituting symbol `x` by `y` ([`raw_sub_cost`]), for every pair of ASCII
/// symbols, computed at compile time; `[1]` when one word is a syllabic transcription,
/// which merges l/r, voiced/unvoiced and the sibilants. Column [`NON_ASCII`] stands for
/// every symbol above ASCII, which costs 1 against anything (so a row needs no test).
static SUB_COST: [[[f32; 129]; 128]; 2] = {
    let mut t = [[[1.0f32; 129]; 128]; 2];
    let mut l = 0;
    while l < 2 {
        let mut x = 0;
        while x < 128 {
            let mut y = 0;
            while y < 128 {
                t[l][x][y] = raw_sub_cost(x as u8, y as u8, l == 1) as f32;
                y += 1;
            }
            x += 1;
        }
        l += 1;
    }
    t
};

/// The cost-table column of every symbol above ASCII, and the row of such a symbol.
const NON_ASCII: u8 = 128;
static SUB_COST_NON_ASCII: [f32; 129] = [1.0; 129];

/// A long (written) vowel the other spelling leaves out.
const LONG_VOWEL_DROPPED: f64 = 0.5;
/// A Latin u written long (ou, oo) that Arabic script leaves out (see [`indel_cost`]).
const LATIN_OU_AGAINST_ABJAD: f64 = 0.3;

/// A final vowel letter of an Arabic-script word that the Latin spelling lacks.
const ABJAD_FINAL_VOWEL_DROPPED: f64 = 0.8;

/// A vowel between the last two consonants of an alphabetic word that the other lacks.
const LAST_SYLLABLE_VOWEL: f64 = 0.7;
/// The same where it may be epenthetic or a Slavic fleeting e (see [`indel_cost`]).
const EPENTHETIC_VOWEL: f64 = 0.6;

/// The s of Japanese tsu that a tu spelling lacks (see [`indel_cost`]).
const TSU_S_DROPPED: f64 = 0.3;

/// One of two equal adjacent consonants of an Arabic-script word, which Latin writes once.
const ABJAD_DOUBLE_DROPPED: f64 = 0.2;

/// A long (written) vowel read as a vowel of another quality.
const LONG_VOWEL_MISMATCH: f64 = 0.9;

/// Consonant groups a syllabic transcription does not tell apart.
const fn loose_group(c: u8) -> u8 {
    match c {
        b'l' | b'r' => 1,
        b'b' | b'p' | b'v' | b'w' | b'f' => 2,
        b'd' | b't' | b'T' | b'D' => 3,
        b'g' | b'k' | b'q' | b'K' | b'G' | b'h' => 4,
        b's' | b'z' | b'j' | b'C' | b'S' | b'Z' => 5,
        b'm' | b'n' => 6,
        _ => 0,
    }
}

pub(super) const fn raw_sub_cost(x: u8, y: u8, loose: bool) -> f64 {
    if x == y {
        return 0.0;
    }
    if loose && !is_vowel(x) && !is_vowel(y) && loose_group(x) != 0 && loose_group(x) == loose_group(y) {
        return 0.25;
    }
    let (vx, vy) = (is_vowel(x), is_vowel(y));
    if vx && vy && (matches!(x, sym::ANY_A | sym::ANY_I) || matches!(y, sym::ANY_A | sym::ANY_I)) {
        return 0.1;
    }
    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
    if vx && vy {
        let (a, b) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if a == b {
            return 0.05;
        }
        // A written long vowel read as another vowel: جليل Jalil is not Jalal.
        let long = x.is_ascii_uppercase() || y.is_ascii_uppercase();
        let pair = if a < b { (a, b) } else { (b, a) };
        let near = matches!(pair, (b'e', b'i') | (b'o', b'u') | (b'a', b'e'));
        if long && !near {
            return LONG_VOWEL_MISMATCH;
        }
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        return match (a, b) {
            (b'e', b'i') | (b'o', b'u') => 0.15,
            (b'a', b'e') => 0.2,
            (b'a', b'o') => 0.35,
            (b'e', b'o') => 0.4,
            (b'e', b'u') => 0.45,
            _ => 0.8, // a/i, a/u, i/u, i/o: Hassan / Hussein
        };
    }
    if vx || vy {
        let (v, c) = if vx { (x, y) } else { (y, x) };
        // A glide written as a vowel: w/u, y/i; an h or ʿayn written as a vowel.
        return match (v.to_ascii_lowercase(), c) {
            (b'u' | b'o', b'w' | b'v') | (b'i' | b'e', b'y') => 0.2,
            (b'i', b'j') => 0.4, // German j: Bajjumi = بيومي
            (_, b'\'') => 0.15,
            (_, b'h') => 0.5,
            _ => 1.0,
        };
    }
    if x == b'\'' || y == b'\'' {
        let other = if x == b'\'' { y } else { x };
        return if other == b'h' || other == b'G' { 0.4 } else { 0.9 };
    }
    if let (Some(cx), Some(cy)) = (phon::class(x), phon::class(y)) {
        if cx == cy {
            return 0.2;
        }
    }
    match (lo, hi) {
        (b'g', b'j') => 0.3,                               // Egyptian g for ج
        (b'K', b'h') => 0.4,                               // kh / h
        (b'S', b's') | (b'Z', b'z') | (b'S', b'Z') => 0.35, // sh / s, zh / z, sh / zh
        (b's', b'z') => 0.35,                              // Kusmin / Kuzmin
        (b'C', b'h') => 0.45,                              // German ch / h
        (b'T', b't') | (b'D', b'd') | (b'T', b'd') => 0.3, // th / t
        // English romanisation writes ذ as th as well as dh (Natheer, Thiab / Dhiab).
        (b'D', b'T') => 0.3,
        (b'f', b'v') => 0.2, // Arabic script has no v: Pavlov is بافلوف
        (b'b', b'v') | (b'b', b'w') => 0.4,
        (b'j', b'y') => 0.4,                 // German j
        (b'C', b'K') | (b'C', b'k') => 0.45, // German ch
        (b'C', b't') => 0.5,                 // Japanese ti / chi: Inoguti = Inoguchi
        (b'C', b'j') | (b'S', b'j') => 0.45,
        (b'd', b't') | (b'k', b'q') => 0.3,
        (b'm', b'n') => 0.7,
        _ => 1.0,
    }
}

/// Cost of substituting the last symbol `x` of one word by the last symbol `y` of the
/// other, written in `wx` and `wy`, where it differs from [`raw_sub_cost`]: a word-final
/// vowel is a suffix (Maria / Mario, Zubaida / Zubaidi: the feminine -a against the nisba
/// -i), not a romanisation detail; only -a / -e (Fatima / Fatemeh) and -o / -u (Abdo /
/// Abdu) alternate. Arabic script writes a final vowel as a letter: ة / ه is an a or e,
/// ي an i, e or a (ى), never an o or u.
fn final_sub_cost(x: u8, y: u8, wx: Writing, wy: Writing) -> Option<f64> {
    // A final ه is a vowel (Fatemeh) or an h (فقيه Fakih, وجيه Wajih); Latin keeps a
    // final h only where it is one.
    if (x == sym::ANY_A && y == b'h' && wx == Writing::Abjad) || (y == sym::ANY_A && x == b'h' && wy == Writing::Abjad) {
        return Some(FINAL_HE_AS_H);
    }
    if !is_vowel(x) || !is_vowel(y) {
        return None;
    }
    let (lx, ly) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
    match (wx, wy) {
        (Writing::Alphabet, Writing::Alphabet) if !matches!(x, sym::ANY_A | sym::ANY_I) && !matches!(y, sym::ANY_A | sym::ANY_I) => {
            let pair = if lx < ly { (lx, ly) } else { (ly, lx) };
            match pair {
                _ if lx == ly => None,
                (b'a', b'e') => Some(FINAL_VOWEL_NEAR.max(raw_sub_cost(x, y, false))),
                (b'o', b'u') => Some(FINAL_VOWEL_O_U),
                _ => Some(FINAL_VOWEL_MISMATCH),
            }
        }
        (Writing::Abjad, Writing::Alphabet) | (Writing::Alphabet, Writing::Abjad) => {
            let (abjad, latin) = if wx == Writing::Abjad { (x, ly) } else { (y, lx) };
            match (abjad, latin) {
                (sym::ANY_A, b'i' | b'o' | b'u') | (sym::ANY_I, b'o' | b'u') => Some(FINAL_VOWEL_MISMATCH),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The y between vowels of Arabic script that a Latin spelling lacks (see [`indel_cost`]).
const HAMZA_SEAT_DROPPED: f64 = 0.15;

/// A final ه of Arabic script read as the h that Latin writes.
const FINAL_HE_AS_H: f64 = 0.15;

/// A word-final vowel of one quality against one of another (see [`final_sub_cost`]).
const FINAL_VOWEL_MISMATCH: f64 = 1.0;
/// Final -a against -e: Persian and Turkish write the feminine ending -e(h).
const FINAL_VOWEL_NEAR: f64 = 0.3;
/// Final -o against -u: Abdo / Abdu, Marinesco / Marinescu.
const FINAL_VOWEL_O_U: f64 = 0.5;

/// Cost of the symbol `seq[i]` of a word written in `own` present on one side only, the
/// other word written in `other`.
fn indel_cost(seq: &[u8], i: usize, own: Writing, other: Writing) -> f64 {
    let x = seq[i];
    // A consonant written twice in Arabic script with no vowel between (اميررضا
    // Amirreza, ميررحيمي) is the one geminate that Latin symbols collapse.
    if own == Writing::Abjad && i > 0 && seq[i - 1] == x && !is_vowel(x) && other == Writing::Alphabet {
        return ABJAD_DOUBLE_DROPPED;
    }
    // Most consonants have no case below.
    if PLAIN_CONSONANT[x as usize] {
        return 1.0;
    }
    // Japanese tu / tsu (Katugi = Katsugi).
    if x == b's' && i > 0 && seq[i - 1] == b't' && seq.get(i + 1) == Some(&b'u') {
        return TSU_S_DROPPED;
    }
    if x == b'h' {
        // An h at the end or between vowels comes and goes (Fatimah, Khamenehi); one
        // before a consonant or at the start is a letter of its own (Hossein / Sina).
        let next_vowel = seq.get(i + 1).is_none_or(|&n| is_vowel(n));
        let prev_vowel = i > 0 && is_vowel(seq[i - 1]);
        return if next_vowel && prev_vowel { 0.45 } else { 0.8 };
    }
    // A final vowel of an alphabetic word that the other alphabetic word lacks is a
    // suffix (Khalil / Khalili, Suhail / Suhaila), except a French silent e (Amine).
    // Arabic script writes a final long vowel too (Ashrafi = اشرفي, not اشرف).
    let final_vowel = i + 1 == seq.len() && i > 0 && !is_vowel(seq[i - 1]);
    if final_vowel && own == Writing::Alphabet && matches!(other, Writing::Alphabet | Writing::Abjad) && x != b'e' && is_vowel(x) {
        return 0.8;
    }
    match x {
        b'a' | b'e' | b'i' | b'o' | b'u' => {
            // A vowel between the last two consonants of an alphabetic word is mostly a
            // syllable of another name (Majd / Majed, Zayd / Zayed, Karl / Karol), seldom
            // an epenthetic one (Fahd / Fahad).
            let before_last = i > 0 && i + 2 == seq.len() && !is_vowel(seq[i - 1]) && !is_vowel(seq[i + 1]);
            match (own, other) {
                // Arabic script writes the i of -iya, -ian (ـية, ـيان) as ي.
                (Writing::Alphabet, Writing::Abjad) if x == b'i' && iya_suffix(seq, i) => IYA_SUFFIX,
                (_, Writing::Abjad) | (Writing::Syllabary, _) => 0.05,
                (_, Writing::Syllabary) => 0.15,
                // Less after a guttural or before a sonorant, where romanisations add a
                // vowel to a final cluster (Fahd / Fahad, Badr / Bader), and for the
                // fleeting e of Slavic -ek (Bulek / Bulkowa).
                (Writing::Alphabet, Writing::Alphabet) if before_last => {
                    let epenthetic = matches!(seq[i - 1], b'h' | sym::KH | sym::GH | sym::WEAK) || matches!(seq[i + 1], b'r' | b'l' | b'n' | b'm');
                    if epenthetic || (x == b'e' && seq[i + 1] == b'k') {
                        EPENTHETIC_VOWEL
                    } else {
                        LAST_SYLLABLE_VOWEL
                    }
                }
                (Writing::Alphabet, Writing::Alphabet) if x == b'i' && iya_suffix(seq, i) => IYA_SUFFIX,
                _ => 0.3,
            }
        }
        // The y of an -iya, -yan suffix, in Latin or as the ي of Arabic script (رانيا Rania,
        // زوريان Zorian), that the other word lacks (Rana, Zoran).
        b'y' if own != Writing::Syllabary && other != Writing::Syllabary && iya_suffix(seq, i) => IYA_SUFFIX,
        // The written long u of the last syllable of an Arabic pattern (maf'ul: محمود
        // Mahmoud, منصور Mansour) is heard in every spelling: a Latin word that leaves it
        // out has another name's vowel there (Mohammad), as dear as reading it as another
        // vowel. Not in short words, often foreign names spelled loosely (جون Jean), nor
        // for a long i or a, which Maghreb spellings drop with every vowel (عبد الجليل
        // Abdejlil, سلطاني Slatni).
        b'U' if own == Writing::Abjad
            && other == Writing::Alphabet
            && i > 0
            && i + 2 == seq.len()
            && !is_vowel(seq[i - 1])
            && !is_vowel(seq[i + 1])
            && consonants(seq) >= 3 =>
        {
            LONG_VOWEL_MISMATCH
        }
        // The same long u written in Latin (ou, oo, ū: Mahmoud, Mansour, Shakour) where
        // Arabic script has no و: another name (محمد). Only after a first a, the pattern's:
        // French writes every u ou (Youssouf = يوسف).
        b'U' if own == Writing::Alphabet
            && other == Writing::Abjad
            && i > 0
            && i + 2 == seq.len()
            && !is_vowel(seq[i - 1])
            && !is_vowel(seq[i + 1])
            && consonants(seq) >= 3
            && seq.iter().find(|&&v| is_vowel(v)).is_some_and(|&v| matches!(v, b'a' | b'A')) =>
        {
            LONG_VOWEL_MISMATCH
        }
        // Elsewhere a Latin ou is any u, long or short: French spelling writes the short u of
        // منير, مراد, مصعب ou (Mounir, Mourad, Moussab).
        b'U' if own == Writing::Alphabet && other == Writing::Abjad => LATIN_OU_AGAINST_ABJAD,
        b'A' | b'I' | b'U' => LONG_VOWEL_DROPPED,
        // A final vowel letter of Arabic script (ة, ه, ي: Rashida, Khalili) is written in
        // Latin too.
        sym::ANY_A | sym::ANY_I if final_vowel && seq[i - 1] != sym::WEAK && other == Writing::Alphabet => ABJAD_FINAL_VOWEL_DROPPED,
        sym::ANY_A | sym::ANY_I => 0.3,
        b'\'' => 0.1,
        // A y of Arabic script between two vowels is mostly the seat of a hamza (ئ, unified
        // as ي: رضايي Rezai, طباطبايي Tabatabai), which Latin spellings may leave out.
        b'y' if own == Writing::Abjad && other == Writing::Alphabet && i > 0 && is_vowel(seq[i - 1]) && seq.get(i + 1).is_some_and(|&v| is_vowel(v)) => {
            HAMZA_SEAT_DROPPED
        }
        b'y' | b'w' => 0.35,
        _ => 1.0,
    }
}

/// Per symbol: a consonant with no case of its own in [`indel_cost`] (not h, y, w, s,
/// the apostrophe or a vowel), which costs 1 there unless a geminate of Arabic script.
static PLAIN_CONSONANT: [bool; 256] = {
    let mut t = [false; 256];
    let mut x = 0;
    while x < 256 {
        let s = x as u8;
        t[x] = !is_vowel(s) && !matches!(s, b'h' | b'y' | b'w' | b's' | b'\'');
        x += 1;
    }
    t
};

/// An i or y between a consonant and the last vowel of a word, at its end or before a
/// last consonant: the -iya, -ian of another name (Rania / Rana, Nadia / Nada, Damian /
/// Daman), not a spelling of the same one.
fn iya_suffix(seq: &[u8], i: usize) -> bool {
    let n = seq.len();
    i > 0
        && !is_vowel(seq[i - 1])
        && seq[i - 1] != sym::WEAK
        && seq.get(i + 1).is_some_and(|&v| is_vowel(v) && !matches!(v.to_ascii_lowercase(), b'i'))
        && (i + 2 == n || (i + 3 == n && !is_vowel(seq[i + 2])))
}

/// A vowel or glide of an -iya, -ian suffix that the other word lacks (see [`iya_suffix`]).
const IYA_SUFFIX: f64 = 0.8;

fn weight_of(x: u8) -> f64 {
    if is_vowel(x) || x == b'\'' {
        0.25
    } else {
        1.0
    }
}

const DIGRAPH_SPLIT: f64 = 0.15;

/// Is one side a short e and the other a long i (ee, ii, ī), each after a consonant, in
/// the last syllable (the caller checks that one consonant follows)? A Latin spelling
/// that marks a long i there writes the fa'il pattern (Rasheed, Hameed, Jameel), one that
/// writes e the fa'il pattern with a long a before it (Rashed, Hamed, Jamel); a plain i
/// is either. The I of a diphthong (Nayef / Naif) follows a vowel; elsewhere ee may be a
/// long e (Estonian, Dutch).
#[inline]
fn short_e_for_long_i(x: u8, before_x: u8, y: u8, before_y: u8) -> bool {
    matches!((x, y), (b'e', b'I') | (b'I', b'e')) && !is_vowel(before_x) && !is_vowel(before_y) && before_x != b'\'' && before_y != b'\''
}

/// The two letters a digraph symbol may stand for when read apart.
const fn split_of(s: u8) -> Option<(u8, u8)> {
    Some(match s {
        sym::TH => (b't', b'h'),
        sym::SH => (b's', b'h'),
        sym::KH => (b'k', b'h'),
        sym::GH => (b'g', b'h'),
        sym::DH => (b'd', b'h'),
        sym::ZH => (b'z', b'h'),
        sym::CH => (b't', sym::SH),
        b'z' => (b't', b's'), // German and Polish z, c: Nizza / Nitsa
        _ => return None,
    })
}

/// Weighted edit distance between two symbol strings, as a similarity in [0, 1].
pub(crate) fn sym_similarity(a: &[u8], wa: Writing, b: &[u8], wb: Writing) -> f64 {
    // Every similarity is at least 0: the DP runs to the end.
    sym_similarity_at_least(a, wa, b, wb, 0.0).unwrap_or(0.0)
}

/// [`sym_similarity`] if it is at least `floor`, else `None` (never `None` when it is):
/// the DP stops at the first row whose cheapest cell already costs too much. Costs are
/// never negative and a step goes down one row, or two for a digraph of b read as two
/// letters of a: every path to the last cell passes through a row, or through the one
/// before when the row may be stepped over, and their minimum bounds the final cost.
/// [`sym_similarity`] is this with floor 0; the DP itself is [`edit_dp`].
pub(crate) fn sym_similarity_at_least(a: &[u8], wa: Writing, b: &[u8], wb: Writing, floor: f64) -> Option<f64> {
    if a == b {
        return Some(1.0).filter(|&s| s >= floor);
    }
    if a.is_empty() || b.is_empty() {
        return Some(0.0).filter(|&s| s >= floor);
    }
    let m = b.len();
    let wsum = |s: &[u8]| s.iter().map(|&x| weight_of(x)).sum::<f64>();
    let norm = wsum(a).max(wsum(b)).max(1.0);
    // Per-column data on the stack for the usual word lengths: no allocation per
    // comparison.
    const STACK: usize = 48;
    let (mut rows_s, mut ins_s, mut bcol_s) = ([0.0f64; 3 * STACK + 3], [0.0f64; STACK], [0u8; STACK]);
    let (mut bsplit_s, mut bpair_s) = ([0u16; STACK], [0u16; STACK]);
    let (mut rows_h, mut ins_h, mut bcol_h, mut bsplit_h, mut bpair_h);
    let (dp, ins, bcol, bsplit, bpair) = if m < STACK {
        (&mut rows_s[..3 * m + 3], &mut ins_s[..m], &mut bcol_s[..m], &mut bsplit_s[..m], &mut bpair_s[..m])
    } else {
        (rows_h, ins_h, bcol_h) = (vec![0.0; 3 * m + 3], vec![0.0; m], vec![0u8; m]);
        (bsplit_h, bpair_h) = (vec![0u16; m], vec![0u16; m]);
        (&mut rows_h[..], &mut ins_h[..], &mut bcol_h[..], &mut bsplit_h[..], &mut bpair_h[..])
    };
    let bufs = Buffers { dp, ins, bcol, bsplit, bpair };
    edit_dp(a, |i| a_row(a, i, wa, wb), b, wa, wb, norm, floor, bufs)
}

/// What a row of the DP needs of its symbol of a, the same for every b: its deletion cost,
/// the pair it may stand for, the pair it ends, and whether it is an e or I of the last
/// syllable (see [`short_e_for_long_i`]).
#[derive(Clone, Copy)]
struct ARow {
    del: f64,
    x_split: u16,
    a_pair: u16,
    x_ei: bool,
}

#[inline(always)]
fn a_row(a: &[u8], i: usize, wa: Writing, wb: Writing) -> ARow {
    let x = a[i];
    let both_alphabet = wa == Writing::Alphabet && wb == Writing::Alphabet;
    ARow {
        del: indel_cost(a, i, wa, wb),
        x_split: split_of(x).map_or(0, pack),
        a_pair: if i > 0 { pack((a[i - 1], x)) } else { 0 },
        x_ei: both_alphabet && i > 0 && i + 2 == a.len() && matches!(x, b'e' | b'I') && !is_vowel(a[i + 1]),
    }
}

/// The DP's working memory, `m` = b's length: three rows of `m + 1` cells and, per
/// column, b's insertion cost, cost-table column, the letters a digraph of b may stand
/// for and two adjacent letters of b (both packed in a u16, 0: none).
struct Buffers<'a> {
    dp: &'a mut [f64],
    ins: &'a mut [f64],
    bcol: &'a mut [u8],
    bsplit: &'a mut [u16],
    bpair: &'a mut [u16],
}

/// The edit distance proper, for [`sym_similarity_at_least`] and [`SymQuery::at_least`]
/// (which keeps a's rows between calls): `a` and `b` non-empty and different, `norm` the
/// larger weight of the two (at least 1). Stops with `None` at the first row whose
/// cheapest cell already costs too much for `floor`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn edit_dp(a: &[u8], row_of: impl Fn(usize) -> ARow, b: &[u8], wa: Writing, wb: Writing, norm: f64, floor: f64, bufs: Buffers) -> Option<f64> {
    let loose = wa == Writing::Syllabary || wb == Writing::Syllabary;
    let m = b.len();
    // The same expression as the result: a cost whose similarity falls below the floor.
    let too_dear = |cost: f64| (1.0 - cost / norm).max(0.0) < floor;
    let Buffers { dp, ins, bcol, bsplit, bpair } = bufs;
    let (r2, rest) = dp[..3 * m + 3].split_at_mut(m + 1);
    let (r1, r0) = rest.split_at_mut(m + 1);
    let (mut prev2, mut prev, mut cur) = (r2, r1, r0);
    prev[0] = 0.0;
    for j in 0..m {
        ins[j] = indel_cost(b, j, wb, wa);
        prev[j + 1] = prev[j] + ins[j];
        bcol[j] = b[j].min(NON_ASCII);
        bsplit[j] = split_of(b[j]).map_or(0, pack);
        bpair[j] = if j > 0 { pack((b[j - 1], b[j])) } else { 0 };
    }
    let b_has_digraph = bsplit.iter().any(|&s| s != 0);
    let cols = Cols { ins, bcol, bpair, bsplit };
    let table = &SUB_COST[loose as usize];
    let n = a.len();
    // The cheapest cell of the row before (row 0: its first cell, 0).
    let mut prev_min = 0.0;
    for (i, &x) in a.iter().enumerate() {
        let ARow { del, x_split, a_pair, x_ei } = row_of(i);
        let row = table.get(x as usize).unwrap_or(&SUB_COST_NON_ASCII);
        cur[0] = prev[0] + del;
        let row_ctx = Row { costs: row, del, x_split, a_pair };
        if x_split != 0 || (a_pair != 0 && b_has_digraph) {
            dp_row::<true>(&row_ctx, &cols, prev2, prev, cur);
        } else {
            dp_row::<false>(&row_ctx, &cols, prev2, prev, cur);
        }
        if x_ei && m >= 3 && !is_vowel(b[m - 1]) && short_e_for_long_i(x, a[i - 1], b[m - 2], b[m - 3]) {
            let j = m - 2;
            cur[j + 1] = cell::<true>(&row_ctx, &cols, prev2, prev, j, cur[j], LONG_VOWEL_MISMATCH);
            let sub = row[(cols.bcol[m - 1] as usize).min(NON_ASCII as usize)] as f64;
            cur[m] = cell::<true>(&row_ctx, &cols, prev2, prev, m - 1, cur[m - 1], sub);
        }
        if i + 1 == n {
            if let Some(sub) = final_sub_cost(x, b[m - 1], wa, wb) {
                cur[m] = cell::<true>(&row_ctx, &cols, prev2, prev, m - 1, cur[m - 1], sub);
            }
        } else if floor > 0.0 {
            let cur_min = cur.iter().copied().fold(f64::INFINITY, min);
            // The next row steps over this one only where a[i], a[i + 1] is a split of b.
            let skippable = b_has_digraph && cols.bsplit.contains(&pack((x, a[i + 1])));
            if too_dear(if skippable { min(cur_min, prev_min) } else { cur_min }) {
                return None;
            }
            prev_min = cur_min;
        }
        let old2 = prev2;
        prev2 = prev;
        prev = cur;
        cur = old2;
    }
    let sim = (1.0 - prev[m] / norm).max(0.0);
    (sim >= floor).then_some(sim)
}

/// One sound string compared with many: [`sym_similarity_at_least`] with the work that
/// depends on `a` alone (each row's deletion cost and pairs, the weight) done once, and
/// the DP's buffers kept between comparisons (none zeroed per call). Bit-identical to
/// [`sym_similarity_at_least`] (property-tested); added for `resolve`, which scores one
/// query against hundreds of table spellings.
pub(crate) struct SymQuery {
    a: Vec<u8>,
    wa: Writing,
    wb: Writing,
    /// Per symbol of a, what its row of the DP needs.
    rows: Vec<ARow>,
    weight: f64,
    /// Are `rows`, `weight` and `b_least` made for `a`?
    ready: bool,
    /// Per symbol of b (column [`NON_ASCII`] for the rest), the least it costs in any
    /// alignment with a (see [`SymQuery::b_side_bound`]); NaN until first needed.
    b_least: [f64; 129],
    dp: Vec<f64>,
    ins: Vec<f64>,
    bcol: Vec<u8>,
    bsplit: Vec<u16>,
    bpair: Vec<u16>,
}

impl SymQuery {
    pub(crate) fn new() -> SymQuery {
        SymQuery {
            a: Vec::new(),
            wa: Writing::Alphabet,
            wb: Writing::Alphabet,
            rows: Vec::new(),
            weight: 0.0,
            ready: false,
            b_least: [0.0; 129],
            dp: Vec::new(),
            ins: Vec::new(),
            bcol: Vec::new(),
            bsplit: Vec::new(),
            bpair: Vec::new(),
        }
    }

    /// Compares `a`, written in `wa`, with words written in `wb` from now on.
    pub(crate) fn set(&mut self, a: &[u8], wa: Writing, wb: Writing) {
        self.a.clear();
        self.a.extend_from_slice(a);
        (self.wa, self.wb) = (wa, wb);
        self.ready = false;
    }

    /// Is this the query set for `a`, written in `wa`, against words in `wb`?
    pub(crate) fn is_for(&self, a: &[u8], wa: Writing, wb: Writing) -> bool {
        self.a == a && self.wa == wa && self.wb == wb
    }

    /// The rows and weight of a, made at the first comparison (many queries have none).
    #[cold]
    fn prepare(&mut self) {
        self.ready = true;
        let (a, wa, wb) = (&self.a[..], self.wa, self.wb);
        self.rows.clear();
        self.rows.extend((0..a.len()).map(|i| a_row(a, i, wa, wb)));
        self.weight = a.iter().map(|&x| weight_of(x)).sum::<f64>();
        // Filled in as b's symbols come (NaN: not yet).
        self.b_least = [f64::NAN; 129];
    }

    /// The least a symbol `y` of b costs in any alignment with a.
    #[cold]
    fn b_least_of(&mut self, y: u8) -> f64 {
        let (a, wa, wb) = (&self.a, self.wa, self.wb);
        let loose = wa == Writing::Syllabary || wb == Writing::Syllabary;
        let abjad = wa == Writing::Abjad || wb == Writing::Abjad;
        let sub = a.iter().map(|&x| sub_cost(x, y, loose)).fold(1.0, min);
        let mut least = least_alone(y, min_indel_cost(y, wb), abjad).min(sub);
        // A digraph of a read as two letters costs DIGRAPH_SPLIT for the three symbols it
        // covers: at least half of it for each of the two letters, all of it for the one.
        if a.iter().filter_map(|&x| split_of(x)).any(|(p, q)| p == y || q == y) {
            least = least.min(DIGRAPH_SPLIT / 2.0);
        }
        self.b_least[y.min(NON_ASCII) as usize] = least;
        least
    }

    /// A lower bound of the cost of every alignment of a with `b`: each symbol of b is
    /// inserted, substituted or read in a digraph split once, so the sum of each symbol's
    /// cheapest way out bounds the DP from below (a few loads per symbol).
    fn b_side_bound(&mut self, b: &[u8]) -> f64 {
        let mut sum = 0.0;
        for &y in b {
            let known = self.b_least[y.min(NON_ASCII) as usize];
            sum += if known.is_nan() { self.b_least_of(y) } else { known };
        }
        sum
    }

    /// `sym_similarity_at_least(a, wa, b, wb, floor)` for the `a`, `wa`, `wb` set.
    pub(crate) fn at_least(&mut self, b: &[u8], floor: f64) -> Option<f64> {
        if !self.ready {
            self.prepare();
        }
        let (a, weight) = (&self.a[..], self.weight);
        if a == b {
            return Some(1.0).filter(|&s| s >= floor);
        }
        if a.is_empty() || b.is_empty() {
            return Some(0.0).filter(|&s| s >= floor);
        }
        let m = b.len();
        let norm = weight.max(b.iter().map(|&x| weight_of(x)).sum::<f64>()).max(1.0);
        let too_dear = |cost: f64| (1.0 - cost / norm).max(0.0) < floor;
        // Before any set-up: a word that cannot come close enough (with a margin for the
        // bound's own rounding). Most one-edit hits of resolve end here.
        if floor > 0.0 && too_dear(self.b_side_bound(b) - 1e-9) {
            return None;
        }
        let SymQuery { a, wa, wb, rows, dp, ins, bcol, bsplit, bpair, .. } = self;
        if dp.len() < 3 * m + 3 {
            dp.resize(3 * m + 3, 0.0);
            ins.resize(m, 0.0);
            bcol.resize(m, 0);
            bsplit.resize(m, 0);
            bpair.resize(m, 0);
        }
        let bufs = Buffers { dp, ins: &mut ins[..m], bcol: &mut bcol[..m], bsplit: &mut bsplit[..m], bpair: &mut bpair[..m] };
        edit_dp(a, |i| rows[i], b, *wa, *wb, norm, floor, bufs)
    }
}

/// The substitution cost the DP uses for `x` by `y`.
#[inline]
fn sub_cost(x: u8, y: u8, loose: bool) -> f64 {
    match SUB_COST[loose as usize].get(x as usize) {
        Some(row) => row[y.min(NON_ASCII) as usize] as f64,
        None => SUB_COST_NON_ASCII[0] as f64,
    }
}

/// The least [`indel_cost`] of `x` in a word written in `own`, whatever its place.
fn min_indel_cost(x: u8, own: Writing) -> f64 {
    let least = match x {
        b'a' | b'e' | b'i' | b'o' | b'u' => 0.05,
        b'A' | b'I' => LONG_VOWEL_DROPPED,
        b'U' => LATIN_OU_AGAINST_ABJAD.min(LONG_VOWEL_DROPPED),
        sym::ANY_A | sym::ANY_I => 0.3,
        b'\'' => 0.1,
        b'h' => 0.45,
        b'y' => HAMZA_SEAT_DROPPED,
        b'w' => 0.35,
        b's' => 0.3,
        _ => 1.0,
    };
    if own == Writing::Abjad && !is_vowel(x) {
        least.min(ABJAD_DOUBLE_DROPPED)
    } else {
        least
    }
}

/// The least cost of symbol `x` (dropped at `indel`) bar a substitution: a digraph read
/// as two letters, a final ه read as h.
fn least_alone(x: u8, indel: f64, abjad: bool) -> f64 {
    let mut least = indel;
    if split_of(x).is_some() {
        least = least.min(DIGRAPH_SPLIT);
    }
    if abjad && matches!(x, sym::ANY_A | b'h') {
        least = least.min(FINAL_HE_AS_H);
    }
    least
}

/// The cheapest substitution of each symbol by a vowel or the weak letter, per cost table
/// (what a consonant costs that [`consonant_bound`] pairs with none).
static TO_VOWEL: [[f32; 128]; 2] = {
    let mut t = [[1.0f32; 128]; 2];
    let mut l = 0;
    while l < 2 {
        let mut x = 0;
        while x < 128 {
            let mut y = 0;
            while y < 128 {
                if (is_vowel(y as u8) || y as u8 == sym::WEAK) && SUB_COST[l][x][y] < t[l][x] {
                    t[l][x] = SUB_COST[l][x][y];
                }
                y += 1;
            }
            x += 1;
        }
        l += 1;
    }
    t
};

/// Per ASCII symbol, for [`Consonants::of`]: the least that leaving the consonant out
/// costs wherever it stands (its deletion, by [`indel_cost`]'s cases that need no
/// context, or its substitution by a vowel: [`TO_VOWEL`]), without and with loose costs.
static BOUND_COST: [[f64; 128]; 2] = {
    let mut t = [[1.0f64; 128]; 2];
    let mut l = 0;
    while l < 2 {
        let mut x = 0;
        while x < 128 {
            let own = match x as u8 {
                b'h' => 0.8,
                b'y' | b'w' => 0.35,
                _ => 1.0,
            };
            let to_vowel = TO_VOWEL[l][x] as f64;
            t[l][x] = if to_vowel < own { to_vowel } else { own };
            x += 1;
        }
        l += 1;
    }
    t
};

/// Per symbol, for [`Consonants::of`]: not a consonant there (a vowel or the weak
/// letter), and the letters a digraph splits into, packed (0: none).
static BOUND_SYMBOL: [(bool, u16); 256] = {
    let mut t = [(false, 0u16); 256];
    let mut x = 0;
    while x < 256 {
        let s = x as u8;
        t[x] = (is_vowel(s) || s == sym::WEAK, match split_of(s) {
            Some(p) => pack(p),
            None => 0,
        });
        x += 1;
    }
    t
};

/// The symbols of `seq` neither vowels nor the weak letter (by [`BOUND_SYMBOL`]).
pub(super) fn consonant_count(seq: &[u8]) -> usize {
    seq.iter().filter(|&&x| !BOUND_SYMBOL[x as usize].0).count()
}

/// Most consonants [`consonant_bound`] bounds (a longer word is not bounded).
const BOUND_MAX: usize = 16;

/// The consonants of a symbol string as [`consonant_bound`] reads them against a word in
/// another writing: each with the least that leaving it out of an alignment costs
/// (deleting it, by [`indel_cost`] or less, or replacing it by a vowel), the letters it
/// splits into (packed, 0 for none); the string's weight. (The pair a consonant ends is
/// packed from `sym` where a split needs it: a smaller struct to fill and move.)
pub(crate) struct Consonants {
    sym: [u8; BOUND_MAX],
    cost: [f64; BOUND_MAX],
    split: [u16; BOUND_MAX],
    len: usize,
    weight: f64,
    splits: bool,
}

impl Consonants {
    /// `seq` written in `own` against a word in `other`; `None` with more than
    /// [`BOUND_MAX`] consonants.
    #[cfg(test)]
    pub(crate) fn of(seq: &[u8], own: Writing, other: Writing) -> Option<Consonants> {
        let mut slot = None;
        Consonants::of_in(&mut slot, seq, own, other);
        slot
    }

    /// [`Consonants::of`] made in `slot` (built where it is kept, not moved there).
    pub(crate) fn of_in<'s>(slot: &'s mut Option<Consonants>, seq: &[u8], own: Writing, other: Writing) -> Option<&'s Consonants> {
        let loose = (own == Writing::Syllabary || other == Writing::Syllabary) as usize;
        let abjad_latin = own == Writing::Abjad && other == Writing::Alphabet;
        let c = slot.insert(Consonants { sym: [0; BOUND_MAX], cost: [0.0; BOUND_MAX], split: [0; BOUND_MAX], len: 0, weight: 0.0, splits: false });
        let mut prev = 0u8;
        let last = seq.len().wrapping_sub(1);
        for (i, &x) in seq.iter().enumerate() {
            let (not_consonant, split) = BOUND_SYMBOL[x as usize];
            if not_consonant {
                c.weight += 0.25;
                prev = x;
                continue;
            }
            c.weight += 1.0;
            // indel_cost's cheaper cases, each taken wherever it may apply (all cheaper
            // than the symbol's own cost in `BOUND_COST`).
            let mut cost = if x < 128 { BOUND_COST[loose][x as usize] } else { 1.0 };
            match x {
                b'h' => {
                    if is_vowel(prev) && seq.get(i + 1).is_none_or(|&n| is_vowel(n)) {
                        cost = min(cost, 0.45);
                    }
                    // A final h read as the final ه of the other word.
                    if i == last && other == Writing::Abjad {
                        cost = min(cost, FINAL_HE_AS_H);
                    }
                }
                b'y' if abjad_latin => cost = min(cost, HAMZA_SEAT_DROPPED),
                b's' if prev == b't' => cost = min(cost, TSU_S_DROPPED),
                _ => {}
            }
            if abjad_latin && prev == x {
                cost = min(cost, ABJAD_DOUBLE_DROPPED);
            }
            let n = c.len;
            if n == BOUND_MAX {
                *slot = None;
                break;
            }
            c.sym[n] = x;
            c.cost[n] = cost;
            c.split[n] = split;
            c.splits |= split != 0;
            c.len = n + 1;
            prev = x;
        }
        slot.as_ref()
    }
}

/// An upper bound of [`sym_similarity`] of the strings of `a` and `b` (see
/// [`Consonants`]), or a number under `floor` only when the similarity is (then it may
/// stop early): the edit distance of the consonants alone, with the DP's substitution
/// costs and digraph splits and [`Consonants`]' costs of a consonant paired with none.
/// Any alignment of the words, restricted to their consonants, is one of these that
/// costs no more, as vowels cost nothing here.
pub(crate) fn consonant_bound(a: &Consonants, b: &Consonants, loose: bool, floor: f64) -> f64 {
    let (n, m) = (a.len, b.len);
    let norm = a.weight.max(b.weight).max(1.0);
    // The cost above which the similarity falls under the floor, and the similarity of a
    // cost, with a margin for the rounding of the DP's sums.
    let budget = (1.0 - floor) * norm + 1e-9;
    let similarity = |cost: f64| 1.0 - (cost - 1e-9) / norm;
    let mut rows = [[0.0f64; BOUND_MAX + 1]; 3];
    let [r2, r1, r0] = &mut rows;
    let (mut prev2, mut prev, mut cur) = (&mut r2[..=m], &mut r1[..=m], &mut r0[..=m]);
    for j in 0..m {
        prev[j + 1] = prev[j] + b.cost[j];
    }
    let table = &SUB_COST[loose as usize];
    let mut prev_min = 0.0;
    for i in 0..n {
        let row_min = if a.splits || b.splits { bound_row::<true>(a, b, i, table, prev2, prev, cur) } else { bound_row::<false>(a, b, i, table, prev2, prev, cur) };
        // Every path passes through this row or, by a split, the one before.
        if min(row_min, prev_min) > budget {
            return similarity(min(row_min, prev_min));
        }
        prev_min = row_min;
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    similarity(prev[m])
}

/// Row `i` of [`consonant_bound`] into `cur` from the two before; its cheapest cell.
/// `SPLITS`: may a digraph split here.
#[inline(always)]
fn bound_row<const SPLITS: bool>(a: &Consonants, b: &Consonants, i: usize, table: &[[f32; 129]; 128], prev2: &[f64], prev: &[f64], cur: &mut [f64]) -> f64 {
    let m = b.len;
    let (bsym, bcost, prev, cur) = (&b.sym[..m], &b.cost[..m], &prev[..=m], &mut cur[..=m]);
    let (x, dx) = (a.sym[i], a.cost[i]);
    // The pair of consonants row i ends (0: none).
    let a_pair = if SPLITS && i > 0 { pack((a.sym[i - 1], x)) } else { 0 };
    let a_split = if SPLITS { a.split[i] } else { 0 };
    let costs = table.get(x as usize).unwrap_or(&SUB_COST_NON_ASCII);
    let mut left = prev[0] + dx;
    cur[0] = left;
    let mut row_min = left;
    for j in 0..m {
        let sub = costs[(bsym[j] as usize).min(NON_ASCII as usize)] as f64;
        let mut c = min(min(prev[j] + sub, prev[j + 1] + dx), left + bcost[j]);
        if SPLITS {
            if a_split != 0 && j > 0 && a_split == pack((bsym[j - 1], bsym[j])) {
                c = min(c, prev[j - 1] + DIGRAPH_SPLIT);
            }
            if a_pair != 0 && b.split[j] == a_pair {
                c = min(c, prev2[j] + DIGRAPH_SPLIT);
            }
        }
        cur[j + 1] = c;
        left = c;
        row_min = min(row_min, c);
    }
    row_min
}

/// [`sym_similarity`] if it is at least `floor`, else `None`, with the DP skipped where
/// [`consonant_bound`] already falls under the floor; `ca`, `cb`: the strings'
/// [`Consonants`] against each other's writing where known.
pub(crate) fn sym_similarity_above(a: &[u8], wa: Writing, ca: Option<&Consonants>, b: &[u8], wb: Writing, cb: Option<&Consonants>, floor: f64) -> Option<f64> {
    #[cfg(test)]
    if tests::EXACT.get() {
        return Some(sym_similarity(a, wa, b, wb));
    }
    if floor > 0.0 && a != b {
        let loose = wa == Writing::Syllabary || wb == Writing::Syllabary;
        let (mut own_a, mut own_b) = (None, None);
        let ca = if ca.is_some() { ca } else { Consonants::of_in(&mut own_a, a, wa, wb) };
        let cb = if cb.is_some() { cb } else { Consonants::of_in(&mut own_b, b, wb, wa) };
        if let (Some(ca), Some(cb)) = (ca, cb) {
            if consonant_bound(ca, cb, loose, floor) < floor {
                return None;
            }
        }
    }
    Some(sym_similarity(a, wa, b, wb)).filter(|&s| s >= floor)
}

/// The columns of [`sym_similarity`]: per symbol of b, its insertion cost, cost-table
/// column, the pair it ends, the pair it may stand for.
struct Cols<'a> {
    ins: &'a [f64],
    bcol: &'a [u8],
    bpair: &'a [u16],
    bsplit: &'a [u16],
}

/// One row of [`sym_similarity`]: the symbol of a's cost-table row, its deletion cost,
/// the pair it may stand for, the pair it ends.
struct Row<'a> {
    costs: &'a [f32; 129],
    del: f64,
    x_split: u16,
    a_pair: u16,
}

/// Fills `cur[1..]` from `cur[0]` and the two rows before; `SPLITS`: may a digraph split
/// in this row.
#[inline(always)]
fn dp_row<const SPLITS: bool>(r: &Row, cols: &Cols, prev2: &[f64], prev: &[f64], cur: &mut [f64]) {
    let m = cols.ins.len();
    // Slices of known length: no bounds checks in the loop.
    let (bcol, prev, cur) = (&cols.bcol[..m], &prev[..=m], &mut cur[..=m]);
    let mut left = cur[0];
    for j in 0..m {
        let sub = r.costs[(bcol[j] as usize).min(NON_ASCII as usize)] as f64;
        left = cell::<SPLITS>(r, cols, prev2, prev, j, left, sub);
        cur[j + 1] = left;
    }
}

/// The cell after column `j` (`left` its left neighbour), with substitution cost `sub`.
#[inline(always)]
fn cell<const SPLITS: bool>(r: &Row, cols: &Cols, prev2: &[f64], prev: &[f64], j: usize, left: f64, sub: f64) -> f64 {
    // Plain comparisons: no NaN can occur, and f64::min costs more.
    let mut c = min(min(prev[j] + sub, prev[j + 1] + r.del), left + cols.ins[j]);
    // A digraph read as one sound on one side and two letters on the other:
    // Fathi (th) / فتحي (t-h), Ishaq (sh) / اسحاق (s-h), Chinn (ch) / تشين (t-sh).
    if SPLITS && r.x_split != 0 && r.x_split == cols.bpair[j] {
        c = min(c, prev[j - 1] + DIGRAPH_SPLIT);
    }
    if SPLITS && r.a_pair != 0 && cols.bsplit[j] == r.a_pair {
        c = min(c, prev2[j] + DIGRAPH_SPLIT);
    }
    c
}

/// The smaller of two costs (never NaN).
#[inline(always)]
fn min(x: f64, y: f64) -> f64 {
    if y < x {
        y
    } else {
        x
    }
}

/// Two symbols in one u16, never 0 for a pair of symbols (both are non-zero bytes).
#[inline(always)]
const fn pack((p, q): (u8, u8)) -> u16 {
    (p as u16) << 8 | q as u16
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Every symbol class, digraphs and their letters, the weak letter, a byte above ASCII.
    const SYMBOLS: &[u8] = b"aeiouAIUVYbdfghjklmnpqrstvwyzTDZCSGK'\xe9";

    /// Random sound strings of `len` symbols of [`SYMBOLS`].
    fn word_of(len: std::ops::Range<usize>) -> impl proptest::strategy::Strategy<Value = Vec<u8>> + Clone {
        proptest::collection::vec(proptest::sample::select(SYMBOLS.to_vec()), len)
    }

    fn any_writing() -> impl proptest::strategy::Strategy<Value = Writing> + Clone {
        proptest::sample::select(vec![Writing::Alphabet, Writing::Abjad, Writing::Syllabary])
    }

    thread_local! {
        /// Makes [`sym_similarity_above`] give every similarity, floor or not: the
        /// comparison as it was before the bound, to check that scores do not change.
        pub(crate) static EXACT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// The edit distance as first written (plain loops, f64::min), kept to check that the
    /// faster [`sym_similarity`] gives bit-identical results.
    fn reference_similarity(a: &[u8], wa: Writing, b: &[u8], wb: Writing) -> f64 {
        let loose = wa == Writing::Syllabary || wb == Writing::Syllabary;
        if a == b {
            return 1.0;
        }
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let m = b.len();
        // Rows on the stack for the usual word lengths: no allocation per comparison.
        const STACK: usize = 48;
        let (mut s2, mut s1, mut s0, mut si) = ([0.0f64; STACK], [0.0f64; STACK], [0.0f64; STACK], [0.0f64; STACK]);
        let (mut h2, mut h1, mut h0, mut hi);
        let (prev2, prev, cur, ins): (&mut [f64], &mut [f64], &mut [f64], &mut [f64]) = if m < STACK {
            (&mut s2[..=m], &mut s1[..=m], &mut s0[..=m], &mut si[..m])
        } else {
            h2 = vec![0.0; m + 1];
            h1 = vec![0.0; m + 1];
            h0 = vec![0.0; m + 1];
            hi = vec![0.0; m];
            (&mut h2[..], &mut h1[..], &mut h0[..], &mut hi[..])
        };
        let (mut prev2, mut prev, mut cur) = (prev2, prev, cur);
        for j in 0..m {
            ins[j] = indel_cost(b, j, wb, wa);
            prev[j + 1] = prev[j] + ins[j];
        }
        let b_has_digraph = b.iter().any(|&y| split_of(y).is_some());
        let table = &SUB_COST[loose as usize];
        let n = a.len();
        for (i, &x) in a.iter().enumerate() {
            let del = indel_cost(a, i, wa, wb);
            let row = table.get(x as usize);
            let x_split = split_of(x);
            let x_ei = wa == Writing::Alphabet && wb == Writing::Alphabet && i > 0 && i + 2 == n && matches!(x, b'e' | b'I') && !is_vowel(a[i + 1]);
            cur[0] = prev[0] + del;
            for j in 0..m {
                let mut sub = row.and_then(|r| r.get(b[j] as usize).filter(|_| b[j] < 128)).map_or(1.0, |&c| c as f64);
                if i + 1 == n && j + 1 == m {
                    sub = final_sub_cost(x, b[j], wa, wb).unwrap_or(sub);
                }
                if x_ei && j + 2 == m && j > 0 && short_e_for_long_i(x, a[i - 1], b[j], b[j - 1]) && !is_vowel(b[j + 1]) {
                    sub = LONG_VOWEL_MISMATCH;
                }
                let mut c = (prev[j] + sub).min(prev[j + 1] + del).min(cur[j] + ins[j]);
                // A digraph read as one sound on one side and two letters on the other:
                // Fathi (th) / فتحي (t-h), Ishaq (sh) / اسحاق (s-h), Chinn (ch) / تشين (t-sh).
                if j > 0 && x_split.is_some() && x_split == Some((b[j - 1], b[j])) {
                    c = c.min(prev[j - 1] + DIGRAPH_SPLIT);
                }
                if b_has_digraph && i > 0 && split_of(b[j]) == Some((a[i - 1], x)) {
                    c = c.min(prev2[j] + DIGRAPH_SPLIT);
                }
                cur[j + 1] = c;
            }
            let old2 = prev2;
            prev2 = prev;
            prev = cur;
            cur = old2;
        }
        let cost = prev[m];
        let wa: f64 = a.iter().map(|&x| weight_of(x)).sum();
        let wb: f64 = b.iter().map(|&x| weight_of(x)).sum();
        let norm = wa.max(wb).max(1.0);
        (1.0 - cost / norm).max(0.0)
    }

    #[test]
    fn fast_similarity_is_bit_identical_to_the_reference() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        // Words long enough for the heap rows too.
        let (word, writing) = (word_of(0..60), any_writing());
        let mut runner = TestRunner::new(Config { cases: 20_000, ..Config::default() });
        runner
            .run(&(word.clone(), writing.clone(), word, writing), |(a, wa, b, wb)| {
                let (fast, slow) = (sym_similarity(&a, wa, &b, wb), reference_similarity(&a, wa, &b, wb));
                prop_assert_eq!(fast.to_bits(), slow.to_bits(), "{:?} / {:?}", a, b);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn similarity_with_a_floor_is_the_similarity_or_below_the_floor() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let (word, writing) = (word_of(0..60), any_writing());
        let mut runner = TestRunner::new(Config { cases: 20_000, ..Config::default() });
        runner
            .run(&(word.clone(), writing.clone(), word, writing, 0.0..1.1f64), |(a, wa, b, wb, floor)| {
                // Random words, and a against itself one symbol changed or dropped: near
                // words reach the high floors.
                let mut near = vec![b.clone()];
                if !a.is_empty() {
                    let k = a.len() / 2;
                    let mut changed = a.clone();
                    changed[k] = b.first().copied().unwrap_or(b'a');
                    let mut dropped = a.clone();
                    dropped.remove(k);
                    near.extend([changed, dropped]);
                }
                for b in near {
                    let full = sym_similarity(&a, wa, &b, wb);
                    // The drawn floor, and floors at the similarity itself and around it.
                    for f in [floor, full, full - 1e-12, full + 1e-12, 0.0, 1.0] {
                        match sym_similarity_at_least(&a, wa, &b, wb, f) {
                            Some(s) => prop_assert!(s.to_bits() == full.to_bits() && s >= f, "{:?} / {:?}: {} / {}", a, b, s, full),
                            None => prop_assert!(full < f, "{:?} / {:?}: {} >= floor {}", a, b, full, f),
                        }
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    /// [`consonant_bound`] is at least the similarity, and under a floor only when the
    /// similarity is; [`sym_similarity_above`] is the similarity or `None` under the floor.
    pub(crate) fn check_bound(a: &[u8], wa: Writing, b: &[u8], wb: Writing, floor: f64) -> Result<(), String> {
        let exact = sym_similarity(a, wa, b, wb);
        let loose = wa == Writing::Syllabary || wb == Writing::Syllabary;
        if let (Some(ca), Some(cb)) = (Consonants::of(a, wa, wb), Consonants::of(b, wb, wa)) {
            let full = consonant_bound(&ca, &cb, loose, 0.0);
            let stopped = consonant_bound(&ca, &cb, loose, floor);
            if a != b && (full < exact || (stopped < floor && exact >= floor)) {
                return Err(format!("{:?} {wa:?} / {:?} {wb:?}: similarity {exact}, bound {full}, {stopped} at floor {floor}", a, b));
            }
        }
        for (ca, cb) in [(None, None), (Consonants::of(a, wa, wb), Consonants::of(b, wb, wa))] {
            match sym_similarity_above(a, wa, ca.as_ref(), b, wb, cb.as_ref(), floor) {
                Some(s) if s.to_bits() == exact.to_bits() && s >= floor => {}
                None if exact < floor => {}
                other => return Err(format!("{:?} / {:?}: {other:?} for {exact} at floor {floor}", a, b)),
            }
        }
        Ok(())
    }

    #[test]
    fn consonant_bound_is_never_under_the_similarity() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        // Words long enough to pass BOUND_MAX consonants.
        let symbols = SYMBOLS;
        let (word, writing) = (word_of(0..24), any_writing());
        let mut runner = TestRunner::new(Config { cases: 30_000, ..Config::default() });
        runner
            .run(&(word.clone(), writing.clone(), word, writing, 0.0..1.0f64, any::<u64>()), |(a, wa, b, wb, floor, r)| {
                // Random words, and a with a symbol changed, dropped, doubled or split in
                // two letters: near words, which reach the high similarities.
                let mut others = vec![b.clone(), a.clone()];
                if !a.is_empty() {
                    let k = (r as usize) % a.len();
                    let mut changed = a.clone();
                    changed[k] = symbols[(r >> 16) as usize % symbols.len()];
                    let mut dropped = a.clone();
                    dropped.remove(k);
                    let mut doubled = a.clone();
                    doubled.insert(k, a[k]);
                    let mut split = a.clone();
                    if let Some((p, q)) = split_of(a[k]) {
                        split.splice(k..=k, [p, q]);
                    }
                    others.extend([changed, dropped, doubled, split]);
                }
                for b in others {
                    for f in [floor, 0.5, 0.7] {
                        check_bound(&a, wa, &b, wb, f).map_err(TestCaseError::fail)?;
                        check_bound(&b, wb, &a, wa, f).map_err(TestCaseError::fail)?;
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn a_prepared_query_is_bit_identical_to_the_similarity_with_a_floor() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let (word, writing) = (word_of(0..60), any_writing());
        let words = proptest::collection::vec(word.clone(), 1..6);
        let mut runner = TestRunner::new(Config { cases: 10_000, ..Config::default() });
        // One query kept across calls against words of every length: the buffers grow and
        // are reused without being cleared.
        let q = std::cell::RefCell::new(SymQuery::new());
        runner
            .run(&(word, writing.clone(), words, writing, 0.0..1.1f64), |(a, wa, bs, wb, floor)| {
                let mut q = q.borrow_mut();
                q.set(&a, wa, wb);
                let mut bs = bs;
                if !a.is_empty() {
                    // a itself, one symbol dropped, changed, or added: near words, which
                    // the bound must let through.
                    let (k, y) = (a.len() / 2, bs[0].first().copied().unwrap_or(b'h'));
                    let mut dropped = a.clone();
                    dropped.remove(k);
                    let mut changed = a.clone();
                    changed[k] = y;
                    let mut added = a.clone();
                    added.insert(k, y);
                    bs.extend([a.clone(), dropped, changed, added]);
                }
                for b in &bs {
                    let full = sym_similarity(&a, wa, b, wb);
                    for f in [floor, full, full - 1e-12, full + 1e-12, 0.0, 1.0] {
                        let (fast, slow) = (q.at_least(b, f), sym_similarity_at_least(&a, wa, b, wb, f));
                        prop_assert_eq!(fast.map(f64::to_bits), slow.map(f64::to_bits), "{:?} / {:?} floor {}", a, b, f);
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn a_prepared_query_lets_through_every_cheap_special_case() {
        // Digraphs read as two letters either way, a final ه read as h, an Arabic-script
        // geminate, Japanese tsu, a hamza seat, a long vowel against a short e: the costs
        // below the table's that the bound of `SymQuery::at_least` must allow for.
        let (al, ab, sy) = (Writing::Alphabet, Writing::Abjad, Writing::Syllabary);
        let pairs: &[(&[u8], Writing, &[u8], Writing)] = &[
            (b"fathi", al, b"faTi", al),
            (b"tsin", al, b"Cin", al),
            (b"Cin", al, b"tSin", al),
            (b"nitsa", al, b"niza", al),
            (b"fatimV", ab, b"fatimah", al),
            (b"amirrVza", ab, b"amireza", al),
            (b"katsugi", al, b"katugi", al),
            (b"rVzayi", ab, b"rezai", al),
            (b"raSId", al, b"raSed", al),
            (b"kippen", sy, b"kipen", al),
            (b"", al, b"a", al),
        ];
        let mut q = SymQuery::new();
        // Each pair both ways.
        for &(a, wa, b, wb) in pairs {
            for (a, wa, b, wb) in [(a, wa, b, wb), (b, wb, a, wa)] {
                q.set(a, wa, wb);
                let full = sym_similarity(a, wa, b, wb);
                for f in [full, full - 1e-12, full + 1e-12, 0.5, 0.9] {
                    let (fast, slow) = (q.at_least(b, f), sym_similarity_at_least(a, wa, b, wb, f));
                    assert_eq!(fast.map(f64::to_bits), slow.map(f64::to_bits), "{a:?} / {b:?} floor {f}");
                }
            }
        }
    }

    #[test]
    fn the_bounds_least_costs_are_below_every_indel_cost() {
        // Every word of up to four symbols over the symbols the special costs test, every
        // place in it, every pair of writings: neither the bound of `SymQuery` nor the
        // cost of leaving a consonant out in `Consonants` (which repeat indel_cost's cheap
        // cases, to stay cheap) may be above the cost the DP pays.
        let symbols: &[u8] = b"aeiouAIUVY'hyswtkrnmbdlTDZCSGK";
        let writings = [Writing::Alphabet, Writing::Abjad, Writing::Syllabary];
        let mut seq = Vec::with_capacity(4);
        for len in 1..=4u32 {
            for mut code in 0..symbols.len().pow(len) {
                seq.clear();
                for _ in 0..len {
                    seq.push(symbols[code % symbols.len()]);
                    code /= symbols.len();
                }
                for i in 0..seq.len() {
                    for own in writings {
                        for other in writings {
                            let (least, cost) = (min_indel_cost(seq[i], own), indel_cost(&seq, i, own, other));
                            assert!(least <= cost, "{:?} at {i}, {own:?} against {other:?}: bound {least} > cost {cost}", std::str::from_utf8(&seq));
                        }
                    }
                }
                for own in writings {
                    for other in writings {
                        let Some(c) = Consonants::of(&seq, own, other) else { continue };
                        let places = (0..seq.len()).filter(|&i| !BOUND_SYMBOL[seq[i] as usize].0);
                        for (k, i) in places.enumerate() {
                            let cost = indel_cost(&seq, i, own, other);
                            assert!(c.cost[k] <= cost, "{:?} at {i}, {own:?} against {other:?}: consonant {} > cost {cost}", std::str::from_utf8(&seq), c.cost[k]);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn cost_table_matches_its_definition() {
        for (x, y, loose) in [(b'a', b'u', false), (b'q', b'k', false), (b'l', b'r', true), (b'S', b'j', false)] {
            assert_eq!(SUB_COST[loose as usize][x as usize][y as usize], raw_sub_cost(x, y, loose) as f32);
        }
        assert_eq!(SUB_COST[0][b'l' as usize][b'r' as usize], 1.0, "l/r merge only for syllabic scripts");
    }
}
