//! The `canonym` command: one name (or pair) a line in, one answer a line out, in order.
//!
//! A thin layer over the library: argument parsing, line I/O and output formats only.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use canonym::{Kind, Lang, Matcher, Name};

mod cli_dedup; // `dedup` and `link` (issue 5)

const USAGE: &str = "\
canonym: transliterate, key, resolve and match names in any script

USAGE:
    canonym translit [--lang CODE]   readable Latin, one line per input line
    canonym key                       skeleton key, one line per input line
    canonym resolve [--kind KIND]     canonical IDs as one JSON object per line
    canonym match [--threshold T] [--explain] [--sound-only]
                                      input `a<TAB>b`, output `score<TAB>same`
    canonym dedup --input FILE... --column NAME [--format csv|tsv|jsonl] [--kind KIND]
                  [--threshold T] [--output FILE] [--stats] [--strict]
                                      every row, plus canonym_cluster, canonym_id,
                                      canonym_label and canonym_error columns
    canonym link --left FILE --right FILE --column NAME [--format …] [--threshold T]
                                      pairs of rows naming the same entity, with score

OPTIONS:
    --lang CODE     auto (default), ar, fa, ur, ru, uk, be, sr, bg, mk, he, el, hy, ka
    --kind KIND     person, place, org or any (default)
    --threshold T   decision threshold of match, in [0, 1] (default 0.72)
    --explain       match: add a column describing how the words were aligned
    --sound-only    match: compare words by sound alone, without the name groups of the
                    tables (Yusuf / Joseph then differ): measures the sound comparison
    -h, --help      this help

Bad input lines (invalid UTF-8, a missing tab, an empty line) still get their answer
line, and a message naming the line number on stderr.";

enum Command {
    Translit(Lang),
    Key,
    Resolve(Option<Kind>),
    Match { matcher: Matcher, explain: bool },
}

fn parse_args() -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let sub = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.into_string().map_err(|_| "command is not UTF-8".to_string())?,
        Some(Short('h')) | Some(Long("help")) => return Err(String::new()),
        Some(other) => return Err(format!("expected a command, found {}", other.unexpected())),
        None => return Err("missing command".into()),
    };
    let mut lang = Lang::Auto;
    let mut kind = None;
    let mut threshold = canonym::DEFAULT_THRESHOLD;
    let mut explain = false;
    let mut name_groups = true;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("lang") if sub == "translit" => {
                let v = parser.value().map_err(|e| e.to_string())?;
                let v = v.to_string_lossy();
                lang = Lang::from_code(&v).ok_or_else(|| format!("unknown --lang {v:?}; known: {}", Lang::CODES.join(", ")))?;
            }
            Long("kind") if sub == "resolve" => {
                let v = parser.value().map_err(|e| e.to_string())?;
                let v = v.to_string_lossy();
                kind = match v.as_ref() {
                    "any" => None,
                    other => Some(Kind::from_name(other).ok_or_else(|| format!("unknown --kind {other:?}; known: person, place, org, any"))?),
                };
            }
            Long("threshold") if sub == "match" => {
                let v = parser.value().map_err(|e| e.to_string())?;
                threshold = v
                    .to_string_lossy()
                    .parse::<f64>()
                    .ok()
                    .filter(|t| (0.0..=1.0).contains(t))
                    .ok_or_else(|| format!("--threshold wants a number in [0, 1], got {:?}", v.to_string_lossy()))?;
            }
            Long("explain") if sub == "match" => explain = true,
            Long("sound-only") if sub == "match" => name_groups = false,
            Short('h') | Long("help") => return Err(String::new()),
            other => return Err(format!("{} for `canonym {sub}`", other.unexpected())),
        }
    }
    Ok(match sub.as_str() {
        "translit" | "transliterate" => Command::Translit(lang),
        "key" => Command::Key,
        "resolve" => Command::Resolve(kind),
        "match" => Command::Match { matcher: Matcher::builder().threshold(threshold).name_groups(name_groups).build(), explain },
        other => return Err(format!("unknown command {other:?}")),
    })
}

fn main() -> ExitCode {
    // `dedup` and `link` (issue 5) parse their own options: see cli_dedup.rs.
    match std::env::args_os().nth(1).as_deref().and_then(|s| s.to_str()) {
        Some("dedup") | Some("link") => {
            let mut parser = lexopt::Parser::from_env();
            let sub = parser.next().ok().flatten().map(|a| matches!(a, lexopt::Arg::Value(v) if v == "dedup"));
            return if sub == Some(true) { cli_dedup::run_dedup(parser) } else { cli_dedup::run_link(parser) };
        }
        _ => {}
    }
    let cmd = match parse_args() {
        Ok(c) => c,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("canonym: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(141),
        Err(e) => {
            eprintln!("canonym: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Lines read and answered per batch: large enough to keep both cores busy, small enough
/// to stream (the first answers leave before the input ends).
const BATCH: usize = 8192;

/// Answers stdin line by line in batches: a reader thread collects the lines that are
/// ready (up to BATCH) while the batch before is answered in parallel (rayon); answers
/// and stderr messages leave in input order.
fn run(cmd: &Command) -> io::Result<()> {
    use rayon::prelude::*;
    if matches!(cmd, Command::Key) {
        return run_key();
    }
    let (tx, rx) = std::sync::mpsc::sync_channel::<io::Result<Vec<Vec<u8>>>>(2);
    std::thread::spawn(move || {
        let mut input = io::BufReader::with_capacity(1 << 20, io::stdin().lock());
        loop {
            let batch = read_batch(&mut input);
            let done = matches!(&batch, Ok(b) if b.is_empty()) || batch.is_err();
            if tx.send(batch).is_err() || done {
                break;
            }
        }
    });
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut answers: Vec<(String, Option<String>)> = Vec::with_capacity(BATCH);
    let mut first_line = 1u64;
    for batch in rx {
        let lines = batch?;
        if lines.is_empty() {
            break;
        }
        let parsed = Parsed::new(cmd, &lines);
        lines
            .par_iter()
            .enumerate()
            .map(|(i, raw)| answer(cmd, first_line + i as u64, raw, &parsed))
            .collect_into_vec(&mut answers);
        for (text, message) in &answers {
            if let Some(m) = message {
                eprintln!("canonym: {m}");
            }
            out.write_all(text.as_bytes())?;
        }
        first_line += lines.len() as u64;
        out.flush()?;
    }
    out.flush()
}

/// Bytes asked of stdin per read by `canonym key`.
const KEY_READ: usize = 1 << 20;
/// Input bytes per parallel task of `canonym key` (whole lines; a longer line is one task).
const KEY_TASK: usize = 1 << 15;

/// `canonym key`: the cheapest answer, so the I/O around it is lean: stdin read in large
/// blocks of whole lines (what a read returns is answered at once, so an interactive
/// caller is still answered line by line), blocks cut into tasks of whole lines keyed in
/// parallel into one output buffer per task, written in input order.
fn run_key() -> io::Result<()> {
    use rayon::prelude::*;
    use std::io::Read;
    let (tx, rx) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(2);
    // Blocks go back to the reader once written: a new one would be zeroed before each read.
    let (back_tx, back_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    std::thread::spawn(move || {
        let mut input = io::stdin().lock();
        let mut carry = Vec::new();
        loop {
            let mut block = back_rx.try_recv().unwrap_or_default();
            let start = carry.len();
            // A used block keeps its length, so only what lies beyond it is zeroed.
            block.resize(block.len().max(start + KEY_READ), 0);
            block[..start].copy_from_slice(&carry);
            carry.clear();
            let n = loop {
                match input.read(&mut block[start..start + KEY_READ]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    r => break r,
                }
            };
            let n = match n {
                Ok(n) => n,
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            };
            block.truncate(start + n);
            if n == 0 {
                // End of input: the last line may have no line end.
                if !block.is_empty() {
                    let _ = tx.send(Ok(block));
                }
                return;
            }
            if let Some(end) = block.iter().rposition(|&b| b == b'\n') {
                carry.extend_from_slice(&block[end + 1..]);
                block.truncate(end + 1);
                if tx.send(Ok(block)).is_err() {
                    return;
                }
            } else {
                carry = block;
            }
        }
    });
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut answers: Vec<KeyTask> = Vec::new();
    let mut first_line = 1u64;
    for block in rx {
        let block = block?;
        let mut tasks = Vec::with_capacity(block.len() / KEY_TASK + 1);
        let mut from = 0;
        while from < block.len() {
            let cut = (from + KEY_TASK).min(block.len());
            let end = block[cut..].iter().position(|&b| b == b'\n').map_or(block.len(), |i| cut + i + 1);
            let end = if cut == block.len() { block.len() } else { end };
            tasks.push(&block[from..end]);
            from = end;
        }
        tasks.par_iter().map_init(canonym::Scratch::default, |scratch, task| key_task(task, scratch)).collect_into_vec(&mut answers);
        for task in &answers {
            for (i, problem) in &task.problems {
                eprintln!("canonym: line {}: {problem}", first_line + *i as u64);
            }
            out.write_all(&task.out)?;
            first_line += task.lines as u64;
        }
        out.flush()?;
        drop(tasks);
        let _ = back_tx.try_send(block);
    }
    out.flush()
}

/// The answers to one task of `canonym key`: output lines, how many, and the problems met
/// (line index in the task, message).
struct KeyTask {
    out: Vec<u8>,
    lines: usize,
    problems: Vec<(usize, &'static str)>,
}

/// Keys the lines of `text` (each ended by a line end, but maybe the last), as `answer`
/// does for `Command::Key`. The task's UTF-8 is checked once with SIMD (the standard
/// check cost ~280 instructions a line on mixed scripts) and its lines are found with
/// `memchr`; a task with invalid UTF-8 is checked line by line, to name the lines.
fn key_task(text: &[u8], scratch: &mut canonym::Scratch) -> KeyTask {
    let mut task = KeyTask { out: Vec::with_capacity(text.len() / 2), lines: 0, problems: Vec::new() };
    let mut key = String::new();
    let mut key_line = |line: Option<&str>, task: &mut KeyTask| {
        match line.map(|line| line.trim_end_matches(['\n', '\r'])) {
            None => task.problems.push((task.lines, "invalid UTF-8")),
            Some(line) => {
                if is_blank(line) {
                    task.problems.push((task.lines, "empty name"));
                }
                canonym::key_into(line, scratch, &mut key);
                task.out.extend_from_slice(key.as_bytes());
            }
        }
        task.out.push(b'\n');
        task.lines += 1;
    };
    let valid = simdutf8::basic::from_utf8(text).ok();
    let mut from = 0;
    for end in memchr::memchr_iter(b'\n', text).map(|i| i + 1).chain((!text.is_empty() && !text.ends_with(b"\n")).then_some(text.len())) {
        // A line end is a character boundary of valid text.
        let line = match valid {
            Some(text) => Some(&text[from..end]),
            None => std::str::from_utf8(&text[from..end]).ok(),
        };
        key_line(line, &mut task);
        from = end;
    }
    task
}

/// The lines that are ready on `input`, at least one unless the input has ended (then
/// none), at most BATCH; line ends (LF or CRLF) removed.
fn read_batch(input: &mut io::BufReader<io::StdinLock<'static>>) -> io::Result<Vec<Vec<u8>>> {
    let mut lines = Vec::new();
    while lines.len() < BATCH && (lines.is_empty() || !input.buffer().is_empty()) {
        let mut raw = Vec::with_capacity(64);
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        while matches!(raw.last(), Some(b'\n' | b'\r')) {
            raw.pop();
        }
        lines.push(raw);
    }
    Ok(lines)
}

/// The two names of a `match` line: before the first tab, and up to the next one.
fn match_sides(raw: &[u8]) -> Option<(&str, &str)> {
    let (a, b) = std::str::from_utf8(raw).ok()?.split_once('\t')?;
    Some((a, b.split('\t').next().unwrap_or(b)))
}

/// The distinct names of a batch of `match` lines, each parsed once (in parallel): a
/// name often comes back within a batch (one record against several).
struct Parsed<'a> {
    index: HashMap<&'a str, usize, BuildHasherDefault<Fnv>>,
    names: Vec<Result<Name, canonym::Error>>,
}

impl<'a> Parsed<'a> {
    fn new(cmd: &Command, lines: &'a [Vec<u8>]) -> Parsed<'a> {
        use rayon::prelude::*;
        // Sized for two names a line: growing them to a batch's size cost more than the map.
        let (mut index, mut distinct) = if matches!(cmd, Command::Match { .. }) {
            (HashMap::with_capacity_and_hasher(2 * lines.len(), Default::default()), Vec::with_capacity(2 * lines.len()))
        } else {
            (HashMap::default(), Vec::new())
        };
        if matches!(cmd, Command::Match { .. }) {
            for (a, b) in lines.iter().filter_map(|l| match_sides(l)) {
                for n in [a, b] {
                    index.entry(n).or_insert_with(|| {
                        distinct.push(n);
                        distinct.len() - 1
                    });
                }
            }
        }
        let names = distinct.par_iter().map(|n| Name::parse(n)).collect();
        Parsed { index, names }
    }

    /// The analysis of a name of the batch (parsed now if it was not).
    fn get(&self, name: &str) -> std::borrow::Cow<'_, Result<Name, canonym::Error>> {
        match self.index.get(name) {
            Some(&i) => std::borrow::Cow::Borrowed(&self.names[i]),
            None => std::borrow::Cow::Owned(Name::parse(name)),
        }
    }
}

/// FNV-1a: a fast hash for the short strings of a batch (no untrusted-input concern in a
/// map that lives for one batch of one process).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A line with no letter or digit: no name to answer for.
fn is_blank(line: &str) -> bool {
    !line.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80)
}

/// The answer line (with its newline) to one input line, and a message for stderr.
fn answer(cmd: &Command, line_no: u64, raw: &[u8], parsed: &Parsed) -> (String, Option<String>) {
    let line = std::str::from_utf8(raw);
    // Room for a `match` answer without growing; longer answers grow from there.
    let mut out = String::with_capacity(32);
    let mut message = match line {
        Err(_) => Some(format!("line {line_no}: invalid UTF-8")),
        Ok(l) if is_blank(l) && !matches!(cmd, Command::Match { .. }) => {
            Some(format!("line {line_no}: empty name"))
        }
        Ok(_) => None,
    };
    match cmd {
        Command::Translit(lang) => {
            if let Ok(l) = line {
                out.push_str(&canonym::transliterate_with(l, *lang));
            }
        }
        Command::Key => unreachable!("`canonym key` is answered by run_key"),
        Command::Resolve(kind) => {
            out.push_str("{\"input\": ");
            json_string(&String::from_utf8_lossy(raw), &mut out);
            out.push_str(", \"ids\": [");
            let error = match line {
                Err(_) => Some("invalid UTF-8".to_string()),
                Ok(l) => match Name::parse(l) {
                    Err(e) => Some(e.to_string()),
                    Ok(name) => {
                        for (i, c) in canonym::resolve_name(&name, *kind).iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str("{\"id\": ");
                            json_string(c.id, &mut out);
                            out.push_str(", \"kind\": ");
                            json_string(c.kind.as_str(), &mut out);
                            out.push_str(", \"label\": ");
                            json_string(c.label, &mut out);
                            let _ = write!(out, ", \"score\": {:.3}}}", c.score);
                        }
                        None
                    }
                },
            };
            out.push(']');
            if let Some(e) = error {
                if line.is_ok() {
                    message = Some(format!("line {line_no}: {e}"));
                }
                out.push_str(", \"error\": ");
                json_string(&e, &mut out);
            }
            out.push('}');
        }
        Command::Match { matcher, explain } => match match_sides(raw) {
            Some((a, b)) => {
                let (na, nb) = (parsed.get(a), parsed.get(b));
                match (&*na, &*nb) {
                    (Ok(x), Ok(y)) if *explain => {
                        let c = matcher.compare(x, y);
                        let _ = write!(out, "{:.4}\t{}\t", c.score, u8::from(c.same));
                        for (i, a) in c.alignments.iter().enumerate() {
                            if i > 0 {
                                out.push_str("; ");
                            }
                            let _ = write!(out, "{} = {} ({}, {:.2})", a.left, a.right, a.rule, a.score);
                        }
                    }
                    (Ok(x), Ok(y)) => {
                        let score = matcher.score(x, y);
                        let _ = write!(out, "{:.4}\t{}", score, u8::from(matcher.is_same(score)));
                    }
                    (na, nb) => {
                        let e = na.as_ref().err().or(nb.as_ref().err()).map(ToString::to_string).unwrap_or_default();
                        message = Some(format!("line {line_no}: {e}"));
                        out.push_str("0.0000\t0");
                    }
                }
            }
            None => {
                if line.is_ok() {
                    message = Some(format!("line {line_no}: expected two names separated by a tab"));
                }
                out.push_str("0.0000\t0");
            }
        },
    }
    out.push('\n');
    (out, message)
}

/// Appends `s` as a JSON string literal.
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    // Copy the runs that need no escape whole; only `"`, `\` and controls are escaped.
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        if escaped.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.push_str(escaped);
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}
