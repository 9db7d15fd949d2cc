//! Step 4, resolve: canonical IDs for a name from the compiled-in tables.
//!
//! The whole name is looked up by its exact form first, then by its skeleton key (hits
//! ranked by how close the matched spelling sounds), then, for places and organisations,
//! one consonant away. A place named inside a longer phrase (`Bezirk Bergedorf`) is found
//! through the phrase's shorter runs of words; a person's full name gets the name groups
//! of its words. Among equal matches places rank by population.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::compare::{SymQuery, Writing};
use crate::name::Name;
use crate::place_words;
use crate::tables::{self, Entry, Index, Kind};
use crate::text::{self, lang::Lang};

/// A canonical ID found for a name.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// `Q…` (a Wikidata name group), `geonames:N` (a place) or `canonym:…` (curated).
    pub id: &'static str,
    /// What the ID names.
    pub kind: Kind,
    /// A readable label.
    pub label: &'static str,
    /// Match strength in [0, 1]: 1 for an exact spelling, less for a skeleton match or a
    /// match of part of the name.
    pub score: f64,
}

/// Most candidates returned.
pub const MAX_CANDIDATES: usize = 10;

/// Scores by kind of match: exact spelling, same skeleton, skeleton one consonant away,
/// a run of the name's words, one word of a person's name.
const EXACT: f64 = 1.0;
const SKELETON: f64 = 0.8;
const FUZZY: f64 = 0.7;
const PART: f64 = 0.6;
const QUALIFIED: f64 = 0.95;
/// An IATA airport or metropolitan-area code (`CDG`, `LON`): the city it serves.
const AIRPORT_CODE: f64 = 0.95;
/// The name without a generic place word (`Tianjin City`, `京都市`).
const BARE: f64 = 0.9;
/// The name's words written as one (`yu yao`), or read from Wade–Giles.
const JOINED_WORDS: f64 = 0.9;
/// Share of a whole-name match added to a match of the bare name for the same place.
const CORROBORATED: f64 = 0.05;
const WORD_EXACT: f64 = 0.6;
const WORD_SKELETON: f64 = 0.45;
/// Below this, a whole-name hit of a name made of known personal names is dropped.
const LOOSE_WHOLE: f64 = 0.7;

/// Candidates gathered so far (an entry may appear several times; the best score counts).
struct Found {
    kind: Option<Kind>,
    hits: Vec<(Entry, f64)>,
    best: f64,
    /// Hits scored by sound below this are left out: they could change nothing (see
    /// `resolve_with`), and their similarity need not be computed in full.
    floor: f64,
}

impl Found {
    fn new(kind: Option<Kind>) -> Found {
        Found { kind, hits: Vec::new(), best: 0.0, floor: 0.0 }
    }

    fn wants(&self, e: &Entry) -> bool {
        self.kind.is_none_or(|k| e.kind() == k)
    }

    fn add(&mut self, e: Entry, s: f64) {
        if self.wants(&e) {
            self.hits.push((e, s));
            self.best = self.best.max(s);
        }
    }

    /// Each entry once, with its best score, best first: score, then small bonuses for
    /// size and for the number of its spellings that match as well, so that a city of
    /// millions beats a town of the same sound, never an exact spelling.
    fn ranked(mut self) -> Vec<(Entry, f64)> {
        self.hits.sort_unstable_by(|(a, sa), (b, sb)| a.cmp(b).then(sb.total_cmp(sa)));
        let mut ranked: Vec<(f64, Entry, f64)> = Vec::new();
        for same in self.hits.chunk_by(|(a, _), (b, _)| a == b) {
            let (e, s) = same[0];
            // Spellings of the entry that match about as well as its best one: a reading
            // many languages share is the likelier one.
            let support = same.iter().filter(|(_, x)| *x >= s - SUPPORT_WINDOW).count();
            ranked.push((s + rank_bonus(&e) + SUPPORT_BONUS * (support as f64).ln(), e, s));
        }
        ranked.sort_unstable_by(|(ra, a, _), (rb, b, _)| rb.total_cmp(ra).then(a.cmp(b)));
        ranked.truncate(MAX_CANDIDATES);
        ranked.into_iter().map(|(_, e, s)| (e, s)).collect()
    }
}

/// Most name groups taken per word of a longer name (best-attested first): the answer
/// keeps ten candidates in all.
const MAX_WORD_POSTINGS: usize = 32;

/// Most postings of one key rescored by sound (they come best-weighted first).
const MAX_RESCORED: usize = 200;

/// The whole-name lookups of one `resolve_name` call, with their buffers: each text is
/// analysed once, and each table spelling is scored once per query sound string.
struct Lookup {
    scratch: text::Scratch,
    lower: String,
    form: String,
    key: String,
    shorter: String,
    query: Vec<u8>,
    writing: Writing,
    scores: Scores,
}

/// The similarity of each table spelling met (keyed by where its symbols sit in the
/// tables) to the query sound string.
struct Scores {
    /// The query, prepared for comparison with table spellings (written as alphabets).
    prepared: SymQuery,
    /// The similarity, or (`false`) a floor it is known to be below.
    sim: HashMap<usize, (f64, bool), BuildHasherDefault<AddressHasher>>,
}

impl Scores {
    /// Scores against `query` from now on (forgetting the old scores if it changed).
    fn set_query(&mut self, query: &[u8], writing: Writing) {
        if !self.prepared.is_for(query, writing, Writing::Alphabet) {
            self.prepared.set(query, writing, Writing::Alphabet);
            self.sim.clear();
        }
    }

    /// The similarity of `syms` to the query if it is at least `floor`.
    fn at_least(&mut self, syms: &'static [u8], floor: f64) -> Option<f64> {
        let known = self.sim.entry(syms.as_ptr() as usize).or_insert((f64::NAN, false));
        match *known {
            (sim, true) => return (sim >= floor).then_some(sim),
            (below, false) if floor >= below => return None,
            _ => {}
        }
        // Every similarity is at least 0: below that, no floor.
        let sim = self.prepared.at_least(syms, floor.max(0.0));
        *known = sim.map_or((floor, false), |s| (s, true));
        sim
    }
}

/// Hashes a table address or entry number: one multiply, the high bits folded down
/// (SipHash cost more than the lookups it guards).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        let h = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }
}

impl Lookup {
    fn new() -> Lookup {
        Lookup {
            scratch: text::Scratch::default(),
            lower: String::new(),
            form: String::new(),
            key: String::new(),
            shorter: String::new(),
            query: Vec::new(),
            writing: Writing::Alphabet,
            scores: Scores { prepared: SymQuery::new(), sim: HashMap::default() },
        }
    }

    /// Looks the whole of `name` up, scaling scores by `factor`; `fuzzy` also tries
    /// skeletons one consonant away (for places and organisations).
    fn name(&mut self, name: &Name, factor: f64, fuzzy: bool, found: &mut Found) {
        // The cleaned text cleans to itself: tokenizing it again is all that is needed.
        self.scratch.cleaned.clear();
        self.scratch.cleaned.push_str(name.cleaned());
        text::tokenize::tokenize(&self.scratch.cleaned, &mut self.lower, &mut self.scratch.spans);
        self.key.clear();
        self.key.push_str(&name.key());
        self.writing = name.tokens().first().map_or(Writing::Alphabet, |t| Writing::of(t.script()));
        self.run(factor, fuzzy, found);
    }

    /// [`Lookup::name`] for a text (a part or another reading of a name), analysed here
    /// as `Name::analyse(text, Lang::Auto)` would, without the name's other readings.
    fn text(&mut self, text: &str, factor: f64, fuzzy: bool, found: &mut Found) {
        text::analyse(text, &mut self.scratch);
        self.key.clear();
        text::key_into(&mut self.scratch, Lang::Auto, &mut self.key);
        self.writing = self.scratch.spans.first().map_or(Writing::Alphabet, |s| Writing::of(s.script));
        self.run(factor, fuzzy, found);
    }

    /// [`Lookup::text`] without one-edit lookups, its sound hits left in `later` to be
    /// scored once the whole pass is known (see [`Deferred::score`]).
    fn text_deferred(&mut self, text: &str, factor: f64, found: &mut Found, later: &mut Deferred) {
        text::analyse(text, &mut self.scratch);
        self.key.clear();
        text::key_into(&mut self.scratch, Lang::Auto, &mut self.key);
        self.writing = self.scratch.spans.first().map_or(Writing::Alphabet, |s| Writing::of(s.script));
        self.exact_hits(factor, found);
        let q = later.queries.len();
        later.queries.push((self.query.clone(), self.writing));
        let kind = found.kind;
        let wanted = |(e, _): &(Entry, &[u8])| kind.is_none_or(|k| e.kind() == k);
        for (e, syms) in tables::lookup_with_symbols(Index::Keys, &self.key).filter(wanted).take(MAX_RESCORED) {
            later.hits.push((q, e, syms, SKELETON * factor));
        }
    }

    /// The exact-form hits of the analysed text, and its sound string in `query`.
    fn exact_hits(&mut self, factor: f64, found: &mut Found) {
        text::form_key_into(&self.scratch.cleaned, &self.scratch.spans, &mut self.form);
        for e in tables::lookup(Index::Forms, &self.form) {
            found.add(e, EXACT * factor);
        }
        // Skeleton hits are ranked by how close the spelling that produced them sounds.
        self.query.clear();
        text::name_symbols_into(&mut self.scratch, Lang::Auto, &mut self.query);
    }

    fn run(&mut self, factor: f64, fuzzy: bool, found: &mut Found) {
        self.exact_hits(factor, found);
        let Lookup { key, shorter, query, writing, scores, .. } = self;
        // The one-edit lookups meet the same spellings again and again, and other readings
        // of a name often sound the same: each spelling is scored once per sound string.
        scores.set_query(query, *writing);
        sound_hits(scores, found, Index::Keys, key, SKELETON * factor);
        // One consonant away (a deletion on either side), unless a spelling that sounds the
        // same was found already.
        if fuzzy && key.len() >= 3 && found.best < SKELETON * factor * 0.99 {
            sound_hits(scores, found, Index::Dels, key, FUZZY * factor);
            for i in 0..key.len() {
                shorter.clear();
                shorter.push_str(&key[..i]);
                shorter.push_str(&key[i + 1..]);
                sound_hits(scores, found, Index::Keys, shorter, FUZZY * factor);
                sound_hits(scores, found, Index::Dels, shorter, FUZZY * factor);
            }
        }
    }
}

/// The sound hits of the last pass (the runs of words, for a place or an organisation),
/// put off so that hits which cannot change the answer need not be scored in full.
#[derive(Default)]
struct Deferred {
    /// The sound string and writing of each text looked up.
    queries: Vec<(Vec<u8>, Writing)>,
    /// Query index, entry, the spelling's sound symbols, scale.
    hits: Vec<(usize, Entry, &'static [u8], f64)>,
}

impl Deferred {
    /// Scores the hits, leaving out those that cannot change the answer. Nothing is added
    /// after this pass, and `Found::ranked` keeps the ten best ranks, a rank being at least
    /// an entry's best score plus its `rank_bonus` and at most that plus the support bonus
    /// of all its hits. Let L be the 11th best of those lower bounds over the hits kept: a
    /// hit scoring s with s + SUPPORT_WINDOW + rank_bonus + SUPPORT_BONUS * ln(all hits of
    /// its entry) < L is either SUPPORT_WINDOW under its entry's best (neither best nor
    /// support changes) or its entry ranks under ten others with or without it.
    fn score(self, scores: &mut Scores, found: &mut Found) {
        // Per entry: best score kept, its rank bonus, number of hits (kept and pending),
        // the most its rank can add to its score.
        let mut per: HashMap<Entry, (f64, f64, u32, f64), BuildHasherDefault<AddressHasher>> = HashMap::default();
        for &(e, s) in &found.hits {
            let p = per.entry(e).or_insert_with(|| (f64::NEG_INFINITY, rank_bonus(&e), 0, 0.0));
            p.0 = p.0.max(s);
            p.2 += 1;
        }
        for &(_, e, _, _) in &self.hits {
            per.entry(e).or_insert_with(|| (f64::NEG_INFINITY, rank_bonus(&e), 0, 0.0)).2 += 1;
        }
        // Rank bonus and every hit's support: all an entry's rank can add to its score.
        for p in per.values_mut() {
            p.3 = p.1 + SUPPORT_BONUS * f64::from(p.2).ln();
        }
        // The eleven best lower bounds, best first (each entry once).
        let mut top: Vec<(f64, Entry)> = Vec::with_capacity(MAX_CANDIDATES + 2);
        for (&e, p) in &per {
            if p.0 > f64::NEG_INFINITY {
                raise(&mut top, e, p.0 + p.1);
            }
        }
        let mut query = usize::MAX;
        for &(q, e, syms, scale) in &self.hits {
            if q != query {
                let (sound, writing) = &self.queries[q];
                scores.set_query(sound, *writing);
                query = q;
            }
            let eleventh = if top.len() > MAX_CANDIDATES { top[MAX_CANDIDATES].0 } else { f64::NEG_INFINITY };
            let p = per.get_mut(&e).expect("counted above");
            // The least score that may matter, with a margin for rounding.
            let need = eleventh - SUPPORT_WINDOW - p.3 - 1e-9;
            let floor = if need > 0.0 { 2.0 * need / scale - 1.0 - 1e-9 } else { 0.0 };
            if let Some(sim) = scores.at_least(syms, floor) {
                let s = scale * (0.5 + 0.5 * sim);
                if s > p.0 {
                    p.0 = s;
                    raise(&mut top, e, s + p.1);
                }
                found.add(e, s);
            }
        }
    }
}

/// Puts `e` with lower bound `rank` among the eleven best of `top` (best first), where
/// its rank can only have grown.
fn raise(top: &mut Vec<(f64, Entry)>, e: Entry, rank: f64) {
    if let Some(i) = top.iter().position(|&(_, x)| x == e) {
        top.remove(i);
    } else if top.len() > MAX_CANDIDATES && rank <= top[MAX_CANDIDATES].0 {
        return;
    }
    let at = top.partition_point(|&(r, _)| r >= rank);
    top.insert(at, (rank, e));
    top.truncate(MAX_CANDIDATES + 1);
}

/// Adds the wanted postings of `key` in `index`, scored `scale` by how close they sound.
fn sound_hits(scores: &mut Scores, found: &mut Found, index: Index, key: &str, scale: f64) {
    let kind = found.kind;
    let wanted = |(e, _): &(Entry, &[u8])| kind.is_none_or(|k| e.kind() == k);
    // A similarity below this scores below `found.floor`, with a margin for rounding.
    let floor = 2.0 * found.floor / scale - 1.0 - 1e-9;
    for (e, syms) in tables::lookup_with_symbols(index, key).filter(wanted).take(MAX_RESCORED) {
        if let Some(sim) = scores.at_least(syms, floor) {
            found.add(e, scale * (0.5 + 0.5 * sim));
        }
    }
}

thread_local! {
    /// The lookup buffers of this thread, grown once. Scores kept from earlier names stay
    /// valid: a similarity depends only on the two sound strings.
    static LOOKUP: std::cell::RefCell<Lookup> = std::cell::RefCell::new(Lookup::new());
}

/// Resolves an analysed name; `kind` restricts the kinds returned.
pub fn resolve_name(name: &Name, kind: Option<Kind>) -> Vec<Candidate> {
    LOOKUP.with(|l| match l.try_borrow_mut() {
        Ok(mut lookup) => resolve_with(name, kind, &mut lookup),
        Err(_) => resolve_with(name, kind, &mut Lookup::new()),
    })
}

fn resolve_with(name: &Name, kind: Option<Kind>, lookup: &mut Lookup) -> Vec<Candidate> {
    let mut found = Found::new(kind);
    let not_person = kind != Some(Kind::Person);
    let content: Vec<_> = name.tokens().iter().filter(|t| !t.role().is_noise()).collect();
    // The form key of each word, made once for the bare names and the person's words.
    let mut word_keys = None;
    let place_or_org = matches!(kind, Some(Kind::Place | Kind::Org));
    let person_words = (content.len() > 1 && kind.is_none_or(|k| k == Kind::Person)).then(|| {
        person_words(name.tokens(), keys_of(&mut word_keys, name))
    });
    // The bare names, when a whole-name hit may add to theirs (see below).
    let mut bares = None;
    // A name of known personal names keeps only whole-name hits of at least LOOSE_WHOLE
    // (below). Every test on `found.best` before that asks for more, so a weaker hit
    // changes nothing, unless it corroborates a bare name's hit: none are left out then.
    if person_words.as_ref().is_some_and(|w| w.1) {
        let no_bare = !not_person || bares.insert(place_words::strip_keyed(name, keys_of(&mut word_keys, name))).is_empty();
        if no_bare {
            found.floor = LOOSE_WHOLE;
        }
    }
    // One-edit lookups when places or organisations are asked for, or for a name of one or
    // two words (a longer name of any kind is mostly a person's, where a place one
    // consonant away is noise).
    lookup.name(name, 1.0, place_or_org || (not_person && content.len() <= 2), &mut found);
    // "CDG", "LON": an airport code, as the whole name and in capitals, names the city it
    // serves, unless some wanted entry is spelled so (`UAE`, `USA`; `AVA` for any kind
    // is a person's name). Lower case (`ava`, `ulm`) is a word, never a code.
    if found.best < EXACT && kind.is_none_or(|k| k == Kind::Place) {
        if let Some(code) = airport_code(name.cleaned()) {
            for city in tables::airport_cities(code) {
                found.add(city, AIRPORT_CODE);
            }
        }
    }
    // "Oakland, California", "المدية، الجزائر": the place, then where it is.
    if found.best < EXACT && not_person {
        if let Some((head, _)) = name.cleaned().split_once(',') {
            if !head.trim().is_empty() {
                lookup.text(head, QUALIFIED, true, &mut found);
            }
        }
    }
    // "Yang-chou-shih", "Emetab Nigeria", "米子市": the name without its word for city,
    // county or country, unless the whole name sounds like a known spelling already
    // (`Kochi-shi` is Kōchi-shi, not any Kochi; `nanshi` may be Nancy).
    if found.best < SKELETON * 0.99 && not_person {
        let mut alone = Found::new(kind);
        // One consonant away too only without whole words: a glued affix (`-a`, `-s`)
        // ends too many names to pay for that.
        for bare in bares.unwrap_or_else(|| place_words::strip_keyed(name, keys_of(&mut word_keys, name))) {
            lookup.text(&bare.text, BARE, bare.whole_words, &mut alone);
        }
        // Of the places the bare name gives, one the whole name also pointed to (one
        // consonant away, say) is the likelier: `Kochi-shi` is Kōchi, Japan.
        let whole: Vec<(Entry, f64)> = std::mem::take(&mut found.hits);
        let mut best_whole: HashMap<Entry, f64, BuildHasherDefault<AddressHasher>> = HashMap::with_capacity_and_hasher(whole.len(), Default::default());
        for &(e, w) in &whole {
            let b = best_whole.entry(e).or_insert(0.0);
            *b = b.max(w);
        }
        for (e, s) in alone.hits {
            let also = best_whole.get(&e).copied().unwrap_or(0.0);
            found.add(e, s + CORROBORATED * also);
        }
        found.hits.extend(whole);
    }
    // "yu yao", "Hsin-hsiang": syllables written apart that the tables write as one word,
    // in Wade–Giles also read as pinyin.
    if found.best < SKELETON * 0.99 && not_person && content.len() > 1 {
        let words: Vec<&str> = content.iter().map(|t| t.text()).collect();
        lookup.text(&words.concat(), JOINED_WORDS, false, &mut found);
        if let Some(pinyin) = text::wade_giles::to_pinyin(&words) {
            lookup.text(&pinyin, JOINED_WORDS, false, &mut found);
        }
    }
    // Runs of words, longest first, for a place or organisation inside a phrase (asked
    // for by kind: for any kind, a place named by one word of a longer name is noise).
    // Nothing is added after this pass (`person_words` is for persons): its sound hits are
    // scored last, only those that can still change the answer in full.
    if found.best < SKELETON && place_or_org && content.len() > 1 {
        let mut later = Deferred::default();
        for len in (1..content.len()).rev() {
            for run in content.windows(len) {
                let text: Vec<&str> = run.iter().map(|t| t.text()).collect();
                let coverage = len as f64 / content.len() as f64;
                lookup.text_deferred(&text.join(" "), PART * (0.8 + 0.2 * coverage), &mut found, &mut later);
            }
        }
        later.score(&mut lookup.scores, &mut found);
    }
    // Words of a person's name: their name groups (a place or an organisation named by
    // one word of a person's name is noise).
    if let Some((words, every_word_known)) = person_words {
        // A name whose every word is a known given or family name (`Bashar al-Assad`) is a
        // person's: a whole-name hit that only loosely sounds like it (`Béchar`,
        // `Bucharest`) is a chance resemblance, weaker than the words' own name groups.
        if every_word_known {
            found.hits.retain(|&(_, s)| s >= LOOSE_WHOLE);
        }
        for (e, s) in words.hits {
            found.add(e, s);
        }
    }
    found.ranked().into_iter().map(|(e, score)| Candidate { id: e.id(), kind: e.kind(), label: e.label(), score }).collect()
}

/// The form keys of the words of `name`, made on first use.
fn keys_of<'a>(keys: &'a mut Option<Vec<String>>, name: &Name) -> &'a [String] {
    keys.get_or_insert_with(|| place_words::word_keys(name))
}

/// The name groups of each word of a person's name, and whether every word is spelled as
/// a known name (`keys`: the form keys of `tokens`; noise words left out).
fn person_words(tokens: &[crate::name::Token], keys: &[String]) -> (Found, bool) {
    let mut words = Found::new(Some(Kind::Person));
    let mut every_word_known = true;
    for (t, word) in tokens.iter().zip(keys).filter(|(t, _)| !t.role().is_noise()) {
        let before = words.hits.len();
        for e in tables::lookup(Index::Forms, word).take(MAX_WORD_POSTINGS) {
            words.add(e, WORD_EXACT);
        }
        every_word_known &= words.hits.len() > before;
        for e in tables::lookup(Index::Keys, t.skeleton()).take(MAX_WORD_POSTINGS) {
            words.add(e, WORD_SKELETON);
        }
    }
    (words, every_word_known)
}

/// `text` as an airport code if it is written as one: three capital ASCII letters,
/// nothing else but surrounding spaces.
fn airport_code(text: &str) -> Option<&str> {
    let t = text.trim();
    (t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase())).then_some(t)
}

/// Rank bonus per natural log of the number of an entry's spellings that match within
/// [`SUPPORT_WINDOW`] of its best.
const SUPPORT_BONUS: f64 = 0.005;
const SUPPORT_WINDOW: f64 = 0.02;

/// Rank bonus per power of ten of population (or of spellings, for name groups).
const POPULATION_BONUS: f64 = 0.004;

/// What an entry adds to its match score when ranked: a little per power of ten of its
/// population (spellings for name groups), a little more for a country.
pub(crate) fn rank_bonus(e: &Entry) -> f64 {
    POPULATION_BONUS * (f64::from(e.weight()) + 1.0).log10() + if e.is_country() { 0.01 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(name: &str) -> &'static str {
        let n = Name::analyse(name, Lang::Auto);
        resolve_name(&n, Some(Kind::Place)).first().map_or("", |c| c.label)
    }

    #[test]
    fn generic_place_words_are_looked_past() {
        assert_eq!(top("Kota Surabaya"), "Surabaya");
        assert_eq!(top("Tianjin City"), "Tianjin");
        assert_eq!(top("京都市"), "Kyoto");
        assert_eq!(top("Teheranas"), "Tehran");
    }

    fn top_any(name: &str) -> (&'static str, Kind) {
        let n = Name::analyse(name, Lang::Auto);
        resolve_name(&n, None).first().map_or(("", Kind::Org), |c| (c.label, c.kind))
    }

    #[test]
    fn airport_codes_in_capitals_name_the_city_served() {
        assert_eq!(top("CDG"), "Paris");
        assert_eq!(top(" LHR "), "London");
        assert_eq!(top("NYC"), "New York City");
        assert_eq!(top_any("CDG"), ("Paris", Kind::Place));
        // A code counts only as the whole name, in capitals.
        assert_ne!(top("cdg"), "Paris");
        assert_ne!(top("CDG Airport"), "Paris");
        // Spellings in the tables come first: abbreviations of countries, persons' names
        // when any kind is asked for (`AVA` serves Anshun, China).
        assert_eq!(top("UAE"), "United Arab Emirates");
        assert_eq!(top("USA"), "United States");
        assert_eq!(top_any("AVA"), ("Ava", Kind::Person));
        assert_eq!(top("AVA"), "Anshun");
        // GeoNames' own codes among alternate names are codes too, and only codes.
        assert_eq!(top("TOM"), "Timbuktu");
        assert_eq!(top_any("Tom").1, Kind::Person);
        // Asked for persons only, a code is nothing.
        let n = Name::analyse("CDG", Lang::Auto);
        assert!(resolve_name(&n, Some(Kind::Person)).iter().all(|c| c.kind == Kind::Person));
        assert_eq!(airport_code("CDG"), Some("CDG"));
        assert_eq!(airport_code("Cdg"), None);
        assert_eq!(airport_code("ÉCD"), None);
    }

    #[test]
    fn syllables_written_apart_and_wade_giles_are_found() {
        assert_eq!(top("Qing dao"), "Qingdao");
        assert_eq!(top("Ch'ing-tao"), "Qingdao");
        assert_eq!(top("Chung-ch'ing"), "Chongqing");
    }

    #[test]
    fn a_full_name_of_known_names_gives_their_groups_not_a_place_that_sounds_alike() {
        for name in ["Leila Hatami", "Omar Sharif", "ليلى حاتمي"] {
            let ids = resolve_name(&Name::analyse(name, Lang::Auto), None);
            assert!(!ids.is_empty(), "{name}");
            assert!(ids.iter().take(3).all(|c| c.kind == Kind::Person), "{name}: {ids:?}");
        }
        // A place spelled exactly still comes first.
        assert_eq!(top_any("Santa Monica"), ("Santa Monica", Kind::Place));
    }
}
