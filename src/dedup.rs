//! Step 6, dedup: cluster the names of a whole dataset.
//!
//! A [`Deduper`] is fed names (one call per row; identical strings are counted once) and
//! asked for [`Clusters`]. It never compares all pairs:
//!
//! 1. **Block** each distinct name on keys: its whole skeleton key, the skeleton of each
//!    name word (a bound particle joined to its word, `Abd al-Aziz` → one unit) and each
//!    pair of word skeletons. A name of one word also gets the keys of its skeleton with
//!    one letter left out, so that `Filipov` / `Filipoff` meet. Blocks larger than a cap
//!    are skipped (a first name shared by thousands of rows says little; a *pair* of word
//!    skeletons is still a small block).
//! 2. **Compare** the distinct pairs found inside blocks with the [`Matcher`], in parallel.
//! 3. **Join** the pairs at or above the threshold, best first, with union-find, keeping
//!    clusters coherent: two small clusters join only if every name of one matches every
//!    name of the other (complete link); larger ones only if their representatives match
//!    each other and the linking pair. A chain `A ~ B ~ C` does not join `A` and `C` when
//!    they differ.
//!
//! Everything depends on the *set* of names (and on how often each occurs, for the
//! label), never on the order they were added in: the same names give the same cluster
//! IDs whatever the row order or file split. Memory grows with the number of distinct
//! names, not of rows.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::compare::{Matcher, DEFAULT_THRESHOLD};
use crate::error::{Error, ErrorKind};
use crate::name::{Name, MAX_NAME_LEN};
use crate::tables::Kind;
use crate::text::tokenize::Role;

/// Smallest [`crate::Candidate::score`] for a cluster to take a canonical ID.
pub const MIN_ID_SCORE: f64 = 0.8;

/// Largest blocks compared, by kind of key: the whole skeleton, a pair of word
/// skeletons, one word skeleton, a one-word name with a letter left out.
const CAP_WHOLE: usize = 400;
const CAP_PAIR: usize = 120;
const CAP_WORD: usize = 40;
const CAP_DEL: usize = 40;
/// Words of a name used for pair keys.
const MAX_UNITS: usize = 6;
/// Two clusters whose sizes multiply to at most this are joined by complete link.
const COMPLETE_LINK: usize = 64;

const TAG_WHOLE: u64 = 0;
const TAG_PAIR: u64 = 1;
const TAG_WORD: u64 = 2;
const TAG_DEL: u64 = 3;

/// The number a [`Deduper`] gives a distinct name, in the order names were first added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameId(u32);

impl NameId {
    /// The position of the name among the distinct names, from 0, in order of addition.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A stable cluster ID: a hash of the cluster's smallest member name (in byte order),
/// shown as `c-` and 16 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClusterId(u64);

impl ClusterId {
    /// The 64 bits of the ID.
    pub fn as_u64(self) -> u64 {
        self.0
    }
}

impl fmt::Display for ClusterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "c-{:016x}", self.0)
    }
}

/// Options of a [`Deduper`].
#[derive(Clone, Debug, PartialEq)]
pub struct DeduperBuilder {
    threshold: f64,
    kind: Option<Kind>,
}

impl DeduperBuilder {
    /// Sets the decision threshold of the comparisons (clamped to [0, 1]; default
    /// [`DEFAULT_THRESHOLD`]).
    pub fn threshold(mut self, t: f64) -> DeduperBuilder {
        self.threshold = if t.is_nan() { DEFAULT_THRESHOLD } else { t.clamp(0.0, 1.0) };
        self
    }

    /// Restricts canonical IDs to one kind of entity (`None`, the default, for any).
    pub fn kind(mut self, kind: Option<Kind>) -> DeduperBuilder {
        self.kind = kind;
        self
    }

    /// Builds the deduper.
    pub fn build(self) -> Deduper {
        Deduper {
            matcher: Matcher::builder().threshold(self.threshold).build(),
            kind: self.kind,
            index: HashMap::default(),
            names: Vec::new(),
            counts: Vec::new(),
        }
    }
}

/// Clusters the names of a dataset: feed it names with [`Deduper::add`], then ask for
/// [`Deduper::clusters`].
///
/// ```
/// let mut d = canonym::Deduper::builder().kind(Some(canonym::Kind::Person)).build();
/// let rows = ["Bashar al-Assad", "بشار الأسد", "Hafez al-Assad", "Bashar al-Assad", "Bashar al-Asad"];
/// let ids: Vec<canonym::NameId> = rows.iter().map(|r| d.add(r)).collect::<Result<_, _>>()?;
/// assert_eq!(d.len(), 4); // identical strings count once
///
/// let clusters = d.clusters();
/// let bashar = clusters.get(ids[0]).unwrap();
/// assert_eq!(bashar.label(), "Bashar al-Assad"); // the most frequent spelling
/// assert_eq!(clusters.get(ids[1]).unwrap().id(), bashar.id());
/// assert_eq!(clusters.get(ids[4]).unwrap().id(), bashar.id());
/// assert_ne!(clusters.get(ids[2]).unwrap().id(), bashar.id()); // Hafez is another man
/// assert!(bashar.id().to_string().starts_with("c-"));
///
/// // Bad input is an error value, not a panic.
/// assert!(d.add("  ").is_err());
/// # Ok::<(), canonym::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Deduper {
    matcher: Matcher,
    kind: Option<Kind>,
    index: HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>>,
    names: Vec<Box<str>>,
    counts: Vec<u64>,
}

impl Default for Deduper {
    fn default() -> Deduper {
        Deduper::builder().build()
    }
}

/// One pair of distinct names that match (see [`Deduper::matches`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    /// One name.
    pub a: NameId,
    /// The other name.
    pub b: NameId,
    /// Their similarity, at or above the threshold.
    pub score: f64,
}

impl Deduper {
    /// A builder with the default options.
    pub fn builder() -> DeduperBuilder {
        DeduperBuilder { threshold: DEFAULT_THRESHOLD, kind: None }
    }

    /// Adds one occurrence of `name` and returns its ID; identical strings get the same ID.
    ///
    /// Fails, adding nothing, on a name without letters or digits ([`ErrorKind::Empty`])
    /// and on one over [`MAX_NAME_LEN`] bytes ([`ErrorKind::TooLong`]).
    pub fn add(&mut self, name: &str) -> Result<NameId, Error> {
        if let Some(&id) = self.index.get(name) {
            self.counts[id as usize] += 1;
            return Ok(NameId(id));
        }
        if name.len() > MAX_NAME_LEN {
            return Err(Error::new(ErrorKind::TooLong, format!("{} bytes, at most {MAX_NAME_LEN}", name.len())));
        }
        if !name.chars().any(char::is_alphanumeric) {
            return Err(Error::new(ErrorKind::Empty, ""));
        }
        let id = u32::try_from(self.names.len()).map_err(|_| Error::new(ErrorKind::TooLong, "more than 4,294,967,295 distinct names"))?;
        let boxed: Box<str> = name.into();
        self.index.insert(boxed.clone(), id);
        self.names.push(boxed);
        self.counts.push(1);
        Ok(NameId(id))
    }

    /// The ID of `name` if it was added.
    pub fn id_of(&self, name: &str) -> Option<NameId> {
        self.index.get(name).map(|&i| NameId(i))
    }

    /// The name of `id`.
    pub fn name(&self, id: NameId) -> Option<&str> {
        self.names.get(id.index()).map(|s| &**s)
    }

    /// How many times the name of `id` was added.
    pub fn count(&self, id: NameId) -> u64 {
        self.counts.get(id.index()).copied().unwrap_or(0)
    }

    /// The number of distinct names added.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no name was added.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The pairs of distinct names that the blocking finds and that score at or above the
    /// threshold, without any clustering: for record linkage. Sorted by `a`, then `b`.
    pub fn matches(&self) -> Vec<Match> {
        self.matches_where(|_, _| true)
    }

    /// [`Deduper::matches`], comparing only the pairs for which `keep` is true (e.g. one
    /// name from each of two files).
    pub fn matches_where<F>(&self, keep: F) -> Vec<Match>
    where
        F: Fn(NameId, NameId) -> bool + Sync,
    {
        let order = self.sorted_order();
        let pairs = self.candidate_pairs(&order);
        let pairs: Vec<(u32, u32)> = pairs.into_iter().filter(|&(x, y)| keep(NameId(order[x as usize]), NameId(order[y as usize]))).collect();
        let parsed = Parsed::new(self, &order, &pairs);
        let scores = parsed.score_pairs(&self.matcher, &pairs);
        let mut out: Vec<Match> = pairs
            .iter()
            .zip(scores)
            .filter(|(_, s)| *s >= self.matcher.threshold())
            .map(|(&(x, y), s)| {
                let (a, b) = (order[x as usize], order[y as usize]);
                Match { a: NameId(a.min(b)), b: NameId(a.max(b)), score: s }
            })
            .collect();
        out.sort_by(|p, q| p.a.cmp(&q.a).then(p.b.cmp(&q.b)));
        out
    }

    /// Clusters the names added so far.
    pub fn clusters(&self) -> Clusters {
        let n = self.names.len();
        let order = self.sorted_order();
        let pairs = self.candidate_pairs(&order);
        let parsed = Parsed::new(self, &order, &pairs);
        let scores = parsed.score_pairs(&self.matcher, &pairs);
        let threshold = self.matcher.threshold();
        let mut edges: Vec<(u32, u32, f64)> =
            pairs.iter().zip(scores).filter(|(_, s)| *s >= threshold).map(|(&(x, y), s)| (x, y, s)).collect();
        // Best pairs first; ties in rank order, so that the outcome depends on the names only.
        edges.sort_by(|p, q| q.2.total_cmp(&p.2).then(p.0.cmp(&q.0)).then(p.1.cmp(&q.1)));
        let mut known: HashMap<(u32, u32), f64, BuildHasherDefault<FxHasher>> = HashMap::default();
        for &(x, y, s) in &edges {
            known.insert((x, y), s);
        }

        // Union-find over ranks, with member lists and a representative per root.
        let mut parent: Vec<u32> = (0..n as u32).collect();
        let mut members: HashMap<u32, Vec<u32>, BuildHasherDefault<FxHasher>> = HashMap::default();
        let mut rep: HashMap<u32, u32, BuildHasherDefault<FxHasher>> = HashMap::default();
        let better = |x: u32, y: u32| -> u32 {
            if self.label_rank(order[x as usize], x) <= self.label_rank(order[y as usize], y) {
                x
            } else {
                y
            }
        };
        let mut score_of = |x: u32, y: u32| -> f64 {
            if x == y {
                return 1.0;
            }
            let k = (x.min(y), x.max(y));
            if let Some(&s) = known.get(&k) {
                return s;
            }
            let s = parsed.score(&self.matcher, k.0, k.1);
            known.insert(k, s);
            s
        };
        for &(x, y, _) in &edges {
            let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
            if rx == ry {
                continue;
            }
            let (px, py) = (rep.get(&rx).copied().unwrap_or(rx), rep.get(&ry).copied().unwrap_or(ry));
            let (lx, ly) = {
                let mx = members.get(&rx).map_or(std::slice::from_ref(&rx), Vec::as_slice);
                let my = members.get(&ry).map_or(std::slice::from_ref(&ry), Vec::as_slice);
                let coherent = if mx.len() * my.len() <= COMPLETE_LINK {
                    mx.iter().all(|&a| my.iter().all(|&b| score_of(a, b) >= threshold))
                } else {
                    score_of(px, py) >= threshold && score_of(x, py) >= threshold && score_of(y, px) >= threshold
                };
                if !coherent {
                    continue;
                }
                (mx.len(), my.len())
            };
            // Join the smaller into the larger.
            let (root, child) = if lx >= ly { (rx, ry) } else { (ry, rx) };
            parent[child as usize] = root;
            let mut all = members.remove(&root).unwrap_or_else(|| vec![root]);
            all.extend(members.remove(&child).unwrap_or_else(|| vec![child]));
            rep.remove(&child);
            members.insert(root, all);
            rep.insert(root, better(px, py));
        }

        // Clusters, numbered by their smallest member rank.
        let mut cluster_of_rank: Vec<u32> = vec![u32::MAX; n];
        let mut heads: Vec<(u32, u32)> = Vec::new(); // (root, representative)
        let mut sizes: Vec<(usize, u64)> = Vec::new();
        for r in 0..n as u32 {
            let root = find(&mut parent, r);
            let c = cluster_of_rank[root as usize];
            let c = if c == u32::MAX {
                let c = heads.len() as u32;
                cluster_of_rank[root as usize] = c;
                heads.push((r, rep.get(&root).copied().unwrap_or(root)));
                sizes.push((0, 0));
                c
            } else {
                c
            };
            cluster_of_rank[r as usize] = c;
            sizes[c as usize].0 += 1;
            sizes[c as usize].1 += self.counts[order[r as usize] as usize];
        }
        let kind = self.kind;
        let clusters: Vec<Cluster> = heads
            .par_iter()
            .zip(sizes.par_iter())
            .map(|(&(first, label), &(names, rows))| {
                let label_text = &self.names[order[label as usize] as usize];
                let canonical_id = canonical_id(label_text, kind);
                Cluster {
                    id: ClusterId(stable_hash(self.names[order[first as usize] as usize].as_bytes())),
                    label: label_text.clone(),
                    canonical_id,
                    names,
                    rows,
                }
            })
            .collect();
        let mut of_name = vec![0u32; n];
        for (r, &id) in order.iter().enumerate() {
            of_name[id as usize] = cluster_of_rank[r];
        }
        Clusters { of_name, clusters }
    }

    /// The IDs of the distinct names sorted by their text: position in this order is the
    /// name's *rank*, on which all the work is done so that it does not depend on the
    /// order of addition.
    fn sorted_order(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.names.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| self.names[a as usize].cmp(&self.names[b as usize]));
        order
    }

    /// Which name of a cluster labels it: the most frequent, then one in Latin letters,
    /// then one not in capitals, then the first in byte order.
    fn label_rank(&self, id: u32, rank: u32) -> (std::cmp::Reverse<u64>, bool, bool, u32) {
        let s = &self.names[id as usize];
        let latin = s.chars().all(|c| !c.is_alphabetic() || (c as u32) < 0x250 || ('\u{1E00}'..='\u{1EFF}').contains(&c));
        let caps = s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
        (std::cmp::Reverse(self.counts[id as usize]), !latin, caps, rank)
    }

    /// The pairs of ranks `(x, y)`, `x < y`, that share a block, sorted and distinct.
    fn candidate_pairs(&self, order: &[u32]) -> Vec<(u32, u32)> {
        // Keys of every name, in parallel; each key carries its kind in its low 2 bits.
        let mut keys: Vec<(u64, u32)> = order
            .par_iter()
            .enumerate()
            .fold(Vec::new, |mut acc, (rank, &id)| {
                block_keys(&self.names[id as usize], rank as u32, &mut acc);
                acc
            })
            .reduce(Vec::new, |mut a, mut b| {
                if a.len() < b.len() {
                    std::mem::swap(&mut a, &mut b);
                }
                a.extend(b);
                a
            });
        keys.par_sort_unstable();
        keys.dedup();
        // Blocks: runs of one key.
        let mut blocks: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let mut j = i + 1;
            while j < keys.len() && keys[j].0 == keys[i].0 {
                j += 1;
            }
            let cap = match keys[i].0 & 3 {
                TAG_WHOLE => CAP_WHOLE,
                TAG_PAIR => CAP_PAIR,
                TAG_WORD => CAP_WORD,
                _ => CAP_DEL,
            };
            if j - i >= 2 && j - i <= cap {
                blocks.push((i, j));
            }
            i = j;
        }
        let mut pairs: Vec<(u32, u32)> = blocks
            .par_iter()
            .fold(Vec::new, |mut acc, &(i, j)| {
                let block = &keys[i..j];
                for (p, a) in block.iter().enumerate() {
                    for b in &block[p + 1..] {
                        acc.push((a.1.min(b.1), a.1.max(b.1)));
                    }
                }
                acc
            })
            .reduce(Vec::new, |mut a, mut b| {
                if a.len() < b.len() {
                    std::mem::swap(&mut a, &mut b);
                }
                a.extend(b);
                a
            });
        drop(keys);
        pairs.par_sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// The canonical ID of a cluster labelled `label`: the best candidate of at least
/// [`MIN_ID_SCORE`].
fn canonical_id(label: &str, kind: Option<Kind>) -> Option<&'static str> {
    let name = Name::parse(label).ok()?;
    crate::resolve::resolve_name(&name, kind).into_iter().find(|c| c.score >= MIN_ID_SCORE).map(|c| c.id)
}

/// The blocking keys of one name, pushed as `(key, rank)`.
fn block_keys(text: &str, rank: u32, out: &mut Vec<(u64, u32)>) {
    let Ok(name) = Name::parse(text) else { return };
    let key = name.key();
    if !key.is_empty() {
        out.push((tagged(&[key.as_bytes()], TAG_WHOLE), rank));
    }
    // Units: name words, a bound particle joined to its word; no articles, honorifics,
    // patronymic particles, connectors or initials.
    let mut units: Vec<String> = Vec::new();
    let mut pending = String::new();
    for t in name.tokens() {
        match t.role() {
            r if r.binds_next() => pending.push_str(t.skeleton()),
            Role::Name => {
                let mut u = std::mem::take(&mut pending);
                u.push_str(t.skeleton());
                if u.len() >= 2 {
                    units.push(u);
                }
            }
            _ => {}
        }
    }
    if pending.len() >= 2 {
        units.push(pending);
    }
    units.truncate(MAX_UNITS);
    for (i, u) in units.iter().enumerate() {
        if units.len() > 1 {
            out.push((tagged(&[u.as_bytes()], TAG_WORD), rank));
        }
        for v in &units[i + 1..] {
            let (lo, hi) = if u <= v { (u, v) } else { (v, u) };
            out.push((tagged(&[lo.as_bytes(), b" ", hi.as_bytes()], TAG_PAIR), rank));
        }
    }
    // A name of one word: its skeleton with one letter left out, and whole.
    if units.len() == 1 {
        let u = units[0].as_bytes();
        out.push((tagged(&[u], TAG_DEL), rank));
        if u.len() >= 3 {
            for i in 0..u.len() {
                out.push((tagged(&[&u[..i], &u[i + 1..]], TAG_DEL), rank));
            }
        }
    }
}

fn tagged(parts: &[&[u8]], tag: u64) -> u64 {
    let mut h = Fnv::new();
    h.bytes(&[tag as u8]);
    for p in parts {
        h.bytes(p);
    }
    (h.finish() & !3) | tag
}

/// The names that take part in candidate pairs, analysed once.
struct Parsed {
    slot: Vec<u32>,
    names: Vec<Option<Name>>,
}

impl Parsed {
    fn new(d: &Deduper, order: &[u32], pairs: &[(u32, u32)]) -> Parsed {
        let mut slot = vec![u32::MAX; order.len()];
        let mut ranks: Vec<u32> = Vec::new();
        for &(x, y) in pairs {
            for r in [x, y] {
                if slot[r as usize] == u32::MAX {
                    slot[r as usize] = ranks.len() as u32;
                    ranks.push(r);
                }
            }
        }
        let names = ranks.par_iter().map(|&r| Name::parse(&d.names[order[r as usize] as usize]).ok()).collect();
        Parsed { slot, names }
    }

    fn get(&self, rank: u32) -> Option<&Name> {
        let s = *self.slot.get(rank as usize)?;
        self.names.get(s as usize)?.as_ref()
    }

    fn score(&self, m: &Matcher, x: u32, y: u32) -> f64 {
        match (self.get(x), self.get(y)) {
            (Some(a), Some(b)) => m.compare(a, b).score,
            _ => 0.0,
        }
    }

    fn score_pairs(&self, m: &Matcher, pairs: &[(u32, u32)]) -> Vec<f64> {
        pairs.par_iter().with_min_len(256).map(|&(x, y)| self.score(m, x, y)).collect()
    }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let p = parent[x as usize];
        parent[x as usize] = parent[p as usize];
        x = p;
    }
    x
}

/// The clusters of a [`Deduper`]'s names.
#[derive(Clone, Debug)]
pub struct Clusters {
    of_name: Vec<u32>,
    clusters: Vec<Cluster>,
}

impl Clusters {
    /// The cluster of the name `id`; `None` for an ID this deduper did not give.
    pub fn get(&self, id: NameId) -> Option<&Cluster> {
        let c = *self.of_name.get(id.index())?;
        self.clusters.get(c as usize)
    }

    /// The number of clusters.
    pub fn len(&self) -> usize {
        self.clusters.len()
    }

    /// Whether there are no clusters (no name was added).
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }

    /// The clusters, in the byte order of their smallest member name.
    pub fn iter(&self) -> std::slice::Iter<'_, Cluster> {
        self.clusters.iter()
    }
}

/// One cluster: names taken to name one entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    id: ClusterId,
    label: Box<str>,
    canonical_id: Option<&'static str>,
    names: usize,
    rows: u64,
}

impl Cluster {
    /// The stable ID of the cluster.
    pub fn id(&self) -> ClusterId {
        self.id
    }

    /// The representative name: the most frequent spelling (then one in Latin letters,
    /// then one not in capitals, then the first in byte order).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The canonical ID the tables give the label with a score of at least
    /// [`MIN_ID_SCORE`], if any.
    pub fn canonical_id(&self) -> Option<&'static str> {
        self.canonical_id
    }

    /// The number of distinct names in the cluster.
    pub fn names(&self) -> usize {
        self.names
    }

    /// The number of names added to the cluster, repeats included.
    pub fn rows(&self) -> u64 {
        self.rows
    }
}

/// FNV-1a 64 with a final mix: stable across runs, platforms and versions, which cluster
/// IDs depend on.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

fn stable_hash(b: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.bytes(b);
    h.finish()
}

/// A fast hasher for in-memory maps (FxHash).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        // Spread the high bits into the low ones that hashbrown uses.
        let h = self.0;
        h ^ (h >> 29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_does_not_matter() {
        let names = ["Bashar al-Assad", "بشار الأسد", "Hafez al-Assad", "Ali Khamenei", "علی خامنه‌ای", "Ali Khamene'i", "Ali"];
        let run = |names: &[&str]| {
            let mut d = Deduper::default();
            for n in names {
                d.add(n).ok();
            }
            let c = d.clusters();
            let mut out: Vec<(String, String, String)> = names
                .iter()
                .filter_map(|n| d.id_of(n).and_then(|id| c.get(id)).map(|c| (n.to_string(), c.id().to_string(), c.label().to_string())))
                .collect();
            out.sort();
            out
        };
        let mut rev = names;
        rev.reverse();
        assert_eq!(run(&names), run(&rev));
    }

    #[test]
    fn chains_do_not_join_different_names() {
        let mut d = Deduper::default();
        let ids: Vec<NameId> = ["Ali", "Ali Hassan", "Ali Reza"].iter().filter_map(|n| d.add(n).ok()).collect();
        let c = d.clusters();
        let (a, b) = (c.get(ids[1]).map(Cluster::id), c.get(ids[2]).map(Cluster::id));
        assert_ne!(a, b);
    }

    #[test]
    fn bad_input_is_an_error() {
        let mut d = Deduper::default();
        assert_eq!(d.add("").map_err(|e| e.kind()), Err(ErrorKind::Empty));
        assert_eq!(d.add(&"a".repeat(MAX_NAME_LEN + 1)).map_err(|e| e.kind()), Err(ErrorKind::TooLong));
        assert!(d.is_empty());
        assert!(d.clusters().is_empty());
    }
}
