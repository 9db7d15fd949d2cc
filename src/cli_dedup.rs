//! `canonym dedup` and `canonym link`: a thin layer over [`canonym::Deduper`] that reads
//! and writes CSV, TSV and JSONL files.
//!
//! Both read their inputs twice (first the names, then the rows to write), so memory
//! grows with the number of distinct names, not of rows.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use canonym::{Clusters, Deduper, Kind, NameId};

const DEDUP_USAGE: &str = "\
canonym dedup: cluster the names of a dataset

USAGE:
    canonym dedup --input FILE... --column NAME [OPTIONS]

Writes every input row unchanged, plus the columns canonym_cluster (a stable cluster
ID), canonym_id (the canonical ID the tables give the cluster, if any), canonym_label
(the cluster's representative name) and canonym_error (why a row has no cluster).
Several input files are one dataset: one output, in input order, one header.

OPTIONS:
    --input FILE...   input files (or give them as arguments); - is standard input
    --column NAME     the name column; for JSONL a dotted path (person.name.full)
    --format F        csv, tsv or jsonl (default: from the file extension, else csv)
    --kind KIND       person, place, org or any (default): the kind of canonical IDs
    --threshold T     decision threshold in [0, 1] (default 0.72)
    --output FILE     write there instead of standard output
    --stats           print counts and the largest clusters on stderr
    --strict          exit 1 when any row had an error
    -h, --help        this help";

const LINK_USAGE: &str = "\
canonym link: the pairs of rows of two files that name the same entity

USAGE:
    canonym link --left FILE --right FILE --column NAME [OPTIONS]

Writes TSV: left_row, right_row (1-based data rows), left_name, right_name, score.

OPTIONS:
    --column NAME     the name column of both files; for JSONL a dotted path
    --right-column N  the name column of the right file, when it differs
    --format F        csv, tsv or jsonl (default: from the file extension, else csv)
    --kind KIND       person, place, org or any (default)
    --threshold T     decision threshold in [0, 1] (default 0.72)
    --output FILE     write there instead of standard output
    --stats           print counts on stderr
    --strict          exit 1 when any row had an error
    -h, --help        this help";

/// The columns dedup adds, in order.
const EXTRA: [&str; 4] = ["canonym_cluster", "canonym_id", "canonym_label", "canonym_error"];

/// Error messages printed per row before only counting.
const MAX_ROW_MESSAGES: u64 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Tsv,
    Jsonl,
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        match s {
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            _ => None,
        }
    }

    fn of_path(p: &Path) -> Format {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        Format::parse(&ext).unwrap_or(Format::Csv)
    }
}

/// Why a command failed: a usage error (exit 2) or an I/O error (exit 1).
enum Fail {
    Usage(String),
    Io(String),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Fail {
        Fail::Io(e.to_string())
    }
}

fn usage(msg: impl Into<String>) -> Fail {
    Fail::Usage(msg.into())
}

fn finish(result: Result<bool, Fail>, usage_text: &str) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Fail::Usage(m)) if m.is_empty() => {
            println!("{usage_text}");
            ExitCode::SUCCESS
        }
        Err(Fail::Usage(m)) => {
            eprintln!("canonym: {m}\n\n{usage_text}");
            ExitCode::from(2)
        }
        Err(Fail::Io(m)) if m.contains("Broken pipe") => ExitCode::from(141),
        Err(Fail::Io(m)) => {
            eprintln!("canonym: {m}");
            ExitCode::FAILURE
        }
    }
}

/// A command-line argument, owned (lexopt's borrows the parser).
enum Arg {
    Long(String),
    Short(char),
    Value(std::ffi::OsString),
}

impl Arg {
    fn next(parser: &mut lexopt::Parser) -> Result<Option<Arg>, Fail> {
        Ok(parser.next().map_err(|e| usage(e.to_string()))?.map(|a| match a {
            lexopt::Arg::Long(l) => Arg::Long(l.to_string()),
            lexopt::Arg::Short(c) => Arg::Short(c),
            lexopt::Arg::Value(v) => Arg::Value(v),
        }))
    }

    fn unexpected(&self, sub: &str) -> Fail {
        match self {
            Arg::Long(l) => usage(format!("invalid option '--{l}' for `canonym {sub}`")),
            Arg::Short(c) => usage(format!("invalid option '-{c}' for `canonym {sub}`")),
            Arg::Value(v) => usage(format!("unexpected argument {v:?} for `canonym {sub}`")),
        }
    }
}

fn value(parser: &mut lexopt::Parser) -> Result<String, Fail> {
    let v = parser.value().map_err(|e| usage(e.to_string()))?;
    v.into_string().map_err(|v| usage(format!("{v:?} is not UTF-8")))
}

/// Options shared by both commands.
struct Common {
    column: Option<String>,
    format: Option<Format>,
    kind: Option<Kind>,
    threshold: f64,
    output: Option<PathBuf>,
    stats: bool,
    strict: bool,
}

impl Common {
    fn new() -> Common {
        Common { column: None, format: None, kind: None, threshold: canonym::DEFAULT_THRESHOLD, output: None, stats: false, strict: false }
    }

    /// Takes one shared option; false if `arg` is not one.
    fn take(&mut self, arg: &Arg, parser: &mut lexopt::Parser) -> Result<bool, Fail> {
        let (long, short) = match arg {
            Arg::Long(l) => (l.as_str(), None),
            Arg::Short(c) => ("", Some(*c)),
            Arg::Value(_) => return Ok(false),
        };
        let mut value = || value(parser);
        match (long, short) {
            ("column", _) => self.column = Some(value()?),
            ("format", _) => {
                let v = value()?;
                self.format = Some(Format::parse(&v).ok_or_else(|| usage(format!("unknown --format {v:?}; known: csv, tsv, jsonl")))?);
            }
            ("kind", _) => {
                let v = value()?;
                self.kind = match v.as_str() {
                    "any" => None,
                    other => Some(Kind::from_name(other).ok_or_else(|| usage(format!("unknown --kind {other:?}; known: person, place, org, any")))?),
                };
            }
            ("threshold", _) => {
                let v = value()?;
                self.threshold = v
                    .parse::<f64>()
                    .ok()
                    .filter(|t| (0.0..=1.0).contains(t))
                    .ok_or_else(|| usage(format!("--threshold wants a number in [0, 1], got {v:?}")))?;
            }
            ("output", _) | (_, Some('o')) => self.output = Some(PathBuf::from(value()?)),
            ("stats", _) => self.stats = true,
            ("strict", _) => self.strict = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn deduper(&self) -> Deduper {
        Deduper::builder().threshold(self.threshold).kind(self.kind).build()
    }

    fn format_of(&self, p: &Path) -> Format {
        self.format.unwrap_or_else(|| Format::of_path(p))
    }

    fn open_output(&self, inputs: &[&Path]) -> Result<Box<dyn Write>, Fail> {
        match &self.output {
            None => Ok(Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock()))),
            Some(p) => {
                if let Ok(out) = p.canonicalize() {
                    if inputs.iter().any(|i| i.canonicalize().ok().as_ref() == Some(&out)) {
                        return Err(usage(format!("--output {} is also an input", p.display())));
                    }
                }
                let f = File::create(p).map_err(|e| Fail::Io(format!("{}: {e}", p.display())))?;
                Ok(Box::new(BufWriter::with_capacity(1 << 16, f)))
            }
        }
    }
}

/// Standard input copied to a temporary file, removed when dropped.
struct Spool(PathBuf);

impl Spool {
    fn stdin() -> Result<Spool, Fail> {
        let path = std::env::temp_dir().join(format!("canonym-stdin-{}", std::process::id()));
        let spool = Spool(path);
        let mut f = BufWriter::new(File::create(&spool.0).map_err(|e| Fail::Io(format!("{}: {e}", spool.0.display())))?);
        io::copy(&mut io::stdin().lock(), &mut f).map_err(|e| Fail::Io(format!("standard input: {e}")))?;
        f.flush().map_err(|e| Fail::Io(format!("{}: {e}", spool.0.display())))?;
        Ok(spool)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Counts rows with errors and prints the first few.
struct Errors {
    count: u64,
}

impl Errors {
    fn report(&mut self, file: &Path, row: u64, msg: &str) {
        self.count += 1;
        if self.count <= MAX_ROW_MESSAGES {
            eprintln!("canonym: {}: row {row}: {msg}", file.display());
        } else if self.count == MAX_ROW_MESSAGES + 1 {
            eprintln!("canonym: more rows with errors; counting only");
        }
    }
}

/// A progress bar on stderr when it is a terminal; nothing otherwise.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(total_bytes: u64, what: &str) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::with_draw_target(Some(total_bytes), indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {bytes}/{total_bytes} {elapsed}") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        Progress(Some(bar))
    }

    fn spinner(what: &str) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(what.to_string());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress(Some(bar))
    }

    fn set(&self, pos: u64) {
        if let Some(b) = &self.0 {
            b.set_position(pos);
        }
    }

    fn done(self) {
        if let Some(b) = self.0 {
            b.finish_and_clear();
        }
    }
}

fn total_size(paths: &[PathBuf]) -> u64 {
    paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
}

// ---------------------------------------------------------------------------------------
// Reading rows

/// One data row of an input, as read.
enum Row<'a> {
    /// A CSV or TSV record, with the number of fields of its file's header.
    Delimited(&'a csv::ByteRecord),
    /// A JSONL line (without its line end), and its value if it parsed.
    Json { line: &'a [u8], end: &'a [u8], value: Option<&'a serde_json::Value> },
    /// A blank line of a JSONL file: written back as it was, not a row.
    Blank(&'a [u8]),
}

/// How one file's rows are read: the header (for CSV and TSV) and the name column.
struct FileInfo {
    path: PathBuf,
    format: Format,
    /// CSV/TSV: the header fields (BOM removed) and the column's index.
    header: Vec<Vec<u8>>,
    column: usize,
    /// JSONL: the path to the name.
    json_path: Vec<String>,
    /// The file starts with a UTF-8 BOM.
    bom: bool,
    /// Lines end with CRLF.
    crlf: bool,
}

/// Peeks at the start of a file: BOM and line ends.
fn sniff(path: &Path) -> Result<(bool, bool), Fail> {
    let f = File::open(path).map_err(|e| Fail::Io(format!("{}: {e}", path.display())))?;
    let mut head = Vec::with_capacity(1 << 16);
    f.take(1 << 16).read_to_end(&mut head)?;
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let crlf = head.iter().position(|&b| b == b'\n').is_some_and(|i| i > 0 && head[i - 1] == b'\r');
    Ok((bom, crlf))
}

fn csv_reader(path: &Path, format: Format) -> Result<csv::Reader<File>, Fail> {
    let f = File::open(path).map_err(|e| Fail::Io(format!("{}: {e}", path.display())))?;
    let mut b = csv::ReaderBuilder::new();
    b.has_headers(false).flexible(true).buffer_capacity(1 << 16);
    if format == Format::Tsv {
        b.delimiter(b'\t').quoting(false);
    }
    Ok(b.from_reader(f))
}

impl FileInfo {
    fn open(path: &Path, format: Format, column: &str) -> Result<FileInfo, Fail> {
        let (bom, crlf) = sniff(path)?;
        let mut info = FileInfo { path: path.to_path_buf(), format, header: Vec::new(), column: 0, json_path: Vec::new(), bom, crlf };
        match format {
            Format::Jsonl => info.json_path = column.split('.').map(str::to_string).collect(),
            Format::Csv | Format::Tsv => {
                let mut r = csv_reader(path, format)?;
                let mut rec = csv::ByteRecord::new();
                let got = r.read_byte_record(&mut rec).map_err(|e| Fail::Io(format!("{}: {e}", path.display())))?;
                if !got {
                    return Err(usage(format!("{}: empty file, no header", path.display())));
                }
                info.header = rec.iter().map(<[u8]>::to_vec).collect();
                if let Some(first) = info.header.first_mut() {
                    if first.starts_with(b"\xEF\xBB\xBF") {
                        first.drain(..3);
                    }
                }
                info.column = info.header.iter().position(|h| h.as_slice() == column.as_bytes()).ok_or_else(|| {
                    let names: Vec<String> = info.header.iter().map(|h| String::from_utf8_lossy(h).into_owned()).collect();
                    usage(format!("{}: no column {column:?} in the header (columns: {})", path.display(), names.join(", ")))
                })?;
            }
        }
        Ok(info)
    }

    /// The name of a row, or why it has none.
    fn name<'r>(&self, row: &Row<'r>) -> Result<&'r str, String> {
        match *row {
            Row::Delimited(rec) => {
                if rec.len() != self.header.len() {
                    return Err(format!("malformed row: {} fields, the header has {}", rec.len(), self.header.len()));
                }
                let field = rec.get(self.column).unwrap_or(b"");
                let s = std::str::from_utf8(field).map_err(|_| "invalid UTF-8".to_string())?;
                check_name(s)
            }
            Row::Json { line, value, .. } => {
                let Some(value) = value else {
                    return Err(match std::str::from_utf8(line) {
                        Err(_) => "invalid UTF-8".to_string(),
                        Ok(_) => "invalid JSON".to_string(),
                    });
                };
                if !value.is_object() {
                    return Err("not a JSON object".to_string());
                }
                let mut v = value;
                for key in &self.json_path {
                    v = match v.get(key.as_str()) {
                        Some(x) => x,
                        None => return Err(format!("no field {:?}", self.json_path.join("."))),
                    };
                }
                match v {
                    serde_json::Value::String(s) => check_name(s),
                    serde_json::Value::Null => Err(format!("no field {:?}", self.json_path.join("."))),
                    _ => Err(format!("field {:?} is not a string", self.json_path.join("."))),
                }
            }
            Row::Blank(_) => Err(String::new()),
        }
    }

    /// Calls `f` on every data row with its 1-based number (blank JSONL lines get 0), and
    /// `progress` with the bytes read so far.
    fn for_each_row(&self, mut f: impl FnMut(u64, &Row<'_>) -> Result<(), Fail>, mut progress: impl FnMut(u64)) -> Result<(), Fail> {
        let err = |e: &dyn std::fmt::Display| Fail::Io(format!("{}: {e}", self.path.display()));
        match self.format {
            Format::Csv | Format::Tsv => {
                let mut r = csv_reader(&self.path, self.format)?;
                let mut rec = csv::ByteRecord::new();
                let mut n = 0u64;
                let mut header = true;
                while r.read_byte_record(&mut rec).map_err(|e| err(&e))? {
                    if header {
                        header = false;
                        continue;
                    }
                    n += 1;
                    f(n, &Row::Delimited(&rec))?;
                    if n % 8192 == 0 {
                        progress(r.position().byte());
                    }
                }
            }
            Format::Jsonl => {
                let file = File::open(&self.path).map_err(|e| err(&e))?;
                let mut r = BufReader::with_capacity(1 << 16, file);
                let mut buf = Vec::with_capacity(1024);
                let (mut n, mut bytes, mut lines) = (0u64, 0u64, 0u64);
                loop {
                    buf.clear();
                    let got = r.read_until(b'\n', &mut buf).map_err(|e| err(&e))?;
                    if got == 0 {
                        break;
                    }
                    bytes += got as u64;
                    lines += 1;
                    let mut body = buf.len();
                    while body > 0 && matches!(buf[body - 1], b'\n' | b'\r') {
                        body -= 1;
                    }
                    let (mut line, end) = buf.split_at(body);
                    if lines == 1 && line.starts_with(b"\xEF\xBB\xBF") {
                        line = &line[3..];
                    }
                    if line.iter().all(u8::is_ascii_whitespace) {
                        f(0, &Row::Blank(&buf))?;
                        continue;
                    }
                    n += 1;
                    let value: Option<serde_json::Value> = serde_json::from_slice(line).ok();
                    f(n, &Row::Json { line, end, value: value.as_ref() })?;
                    if n % 8192 == 0 {
                        progress(bytes);
                    }
                }
            }
        }
        Ok(())
    }
}

fn check_name(s: &str) -> Result<&str, String> {
    if s.len() > canonym::MAX_NAME_LEN {
        return Err(format!("name too long: {} bytes, at most {}", s.len(), canonym::MAX_NAME_LEN));
    }
    if !s.chars().any(char::is_alphanumeric) {
        return Err("empty name".to_string());
    }
    Ok(s)
}

// ---------------------------------------------------------------------------------------
// dedup

/// `canonym dedup`, its arguments after the subcommand in `parser`.
pub fn run_dedup(mut parser: lexopt::Parser) -> ExitCode {
    finish(dedup(&mut parser), DEDUP_USAGE)
}

fn dedup(parser: &mut lexopt::Parser) -> Result<bool, Fail> {
    let mut common = Common::new();
    let mut inputs: Vec<PathBuf> = Vec::new();
    while let Some(arg) = Arg::next(parser)? {
        if common.take(&arg, parser)? {
            continue;
        }
        match &arg {
            Arg::Long(l) if l == "input" => {
                let values = parser.values().map_err(|e| usage(e.to_string()))?;
                inputs.extend(values.map(PathBuf::from));
            }
            Arg::Short('i') => {
                let values = parser.values().map_err(|e| usage(e.to_string()))?;
                inputs.extend(values.map(PathBuf::from));
            }
            Arg::Value(v) => inputs.push(PathBuf::from(v)),
            Arg::Short('h') => return Err(usage("")),
            Arg::Long(l) if l == "help" => return Err(usage("")),
            other => return Err(other.unexpected("dedup")),
        }
    }
    let column = common.column.clone().ok_or_else(|| usage("missing --column NAME"))?;
    if inputs.is_empty() {
        return Err(usage("missing --input FILE"));
    }
    // Dedup reads its input twice (names, then rows): standard input is spooled to a
    // temporary file first.
    let _spool = match inputs.iter().filter(|p| p.as_os_str() == "-").count() {
        0 => None,
        1 => {
            let spool = Spool::stdin()?;
            for p in inputs.iter_mut().filter(|p| p.as_os_str() == "-") {
                p.clone_from(&spool.0);
            }
            Some(spool)
        }
        _ => return Err(usage("standard input (-) can be given once")),
    };
    let files: Vec<FileInfo> = inputs.iter().map(|p| FileInfo::open(p, common.format_of(p), &column)).collect::<Result<_, _>>()?;
    let first = &files[0];
    if files.iter().any(|f| (f.format == Format::Jsonl) != (first.format == Format::Jsonl) || (f.format != first.format)) {
        return Err(usage("all inputs must have one format"));
    }
    // Later CSV/TSV files may order their columns differently: map them onto the first.
    let mut maps: Vec<Option<Vec<Option<usize>>>> = Vec::new();
    for f in &files {
        if f.format == Format::Jsonl || f.header == first.header {
            maps.push(None);
            continue;
        }
        let map: Vec<Option<usize>> = first.header.iter().map(|h| f.header.iter().position(|x| x == h)).collect();
        if let Some(extra) = f.header.iter().find(|h| !first.header.contains(h)) {
            return Err(usage(format!(
                "{}: column {:?} is not in the header of {}",
                f.path.display(),
                String::from_utf8_lossy(extra),
                first.path.display()
            )));
        }
        maps.push(Some(map));
    }

    // Pass 1: the names.
    let mut time = canonym::Timings::start();
    let total = total_size(&inputs);
    let mut deduper = common.deduper();
    let mut errors = Errors { count: 0 };
    let mut rows = 0u64;
    let bar = Progress::new(total, "reading");
    let mut done = 0u64;
    for f in &files {
        f.for_each_row(
            |n, row| {
                if matches!(row, Row::Blank(_)) {
                    return Ok(());
                }
                rows += 1;
                let added = f.name(row).and_then(|name| deduper.add(name).map_err(|e| e.to_string()));
                if let Err(e) = added {
                    errors.report(&f.path, n, &e);
                }
                Ok(())
            },
            |b| bar.set(done + b),
        )?;
        done += std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
    }
    bar.done();
    time.mark("read");

    let spin = Progress::spinner("clustering");
    let clusters = deduper.clusters();
    spin.done();

    // Pass 2: the rows, with their clusters.
    let out = common.open_output(&inputs.iter().map(PathBuf::as_path).collect::<Vec<_>>())?;
    let bar = Progress::new(total, "writing");
    let mut done = 0u64;
    match first.format {
        Format::Jsonl => {
            let mut out = out;
            for f in &files {
                f.for_each_row(|_, row| write_json_row(&mut out, f, row, &deduper, &clusters), |b| bar.set(done + b))?;
                done += std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
            }
            out.flush()?;
        }
        Format::Csv | Format::Tsv => {
            let mut w = csv_writer(out, first);
            let extra_pos: Vec<Option<usize>> = EXTRA.iter().map(|e| first.header.iter().position(|h| h.as_slice() == e.as_bytes())).collect();
            let mut header = csv::ByteRecord::new();
            for h in &first.header {
                header.push_field(h);
            }
            if first.bom {
                header = csv::ByteRecord::new();
                for (i, h) in first.header.iter().enumerate() {
                    if i == 0 {
                        let mut b = b"\xEF\xBB\xBF".to_vec();
                        b.extend_from_slice(h);
                        header.push_field(&b);
                    } else {
                        header.push_field(h);
                    }
                }
            }
            for (e, pos) in EXTRA.iter().zip(&extra_pos) {
                if pos.is_none() {
                    header.push_field(e.as_bytes());
                }
            }
            w.write_byte_record(&header).map_err(csv_err)?;
            for (f, map) in files.iter().zip(&maps) {
                f.for_each_row(
                    |_, row| {
                        let Row::Delimited(input) = row else { return Ok(()) };
                        let values = extra_values(f.name(row), &deduper, &clusters);
                        // Field j of the output: mapped onto the first header when the file
                        // orders its columns differently; a malformed row as it is, padded.
                        let mapped = map.as_ref().filter(|_| input.len() == f.header.len());
                        let width = if mapped.is_some() { first.header.len() } else { input.len().max(first.header.len()) };
                        for j in 0..width {
                            let field = match extra_pos.iter().position(|p| *p == Some(j)) {
                                Some(k) => values[k].as_bytes(),
                                None => match mapped {
                                    Some(m) => m[j].and_then(|i| input.get(i)).unwrap_or(b""),
                                    None => input.get(j).unwrap_or(b""),
                                },
                            };
                            w.write_field(field).map_err(csv_err)?;
                        }
                        for (v, pos) in values.iter().zip(&extra_pos) {
                            if pos.is_none() {
                                w.write_field(v.as_bytes()).map_err(csv_err)?;
                            }
                        }
                        w.write_record(None::<&[u8]>).map_err(csv_err)
                    },
                    |b| bar.set(done + b),
                )?;
                done += std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
            }
            w.flush()?;
        }
    }
    bar.done();
    time.mark("write");

    if common.stats {
        print_stats(rows, &deduper, &clusters, errors.count);
    }
    if errors.count > 0 {
        eprintln!("canonym: {} rows with errors (kept, with canonym_error)", errors.count);
    }
    Ok(!(common.strict && errors.count > 0))
}

fn csv_err(e: csv::Error) -> Fail {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Fail::from(e),
        other => Fail::Io(format!("{other:?}")),
    }
}

fn csv_writer(out: Box<dyn Write>, first: &FileInfo) -> csv::Writer<Box<dyn Write>> {
    let mut b = csv::WriterBuilder::new();
    b.flexible(true).buffer_capacity(1 << 16);
    if first.crlf {
        b.terminator(csv::Terminator::CRLF);
    }
    if first.format == Format::Tsv {
        b.delimiter(b'\t').quote_style(csv::QuoteStyle::Never);
    } else {
        b.quote_style(csv::QuoteStyle::Necessary);
    }
    b.from_writer(out)
}

/// The values of the added columns for a row whose name is `name`.
fn extra_values(name: Result<&str, String>, d: &Deduper, clusters: &Clusters) -> [String; 4] {
    match name {
        Ok(n) => match d.id_of(n).and_then(|id| clusters.get(id)) {
            Some(c) => [c.id().to_string(), c.canonical_id().unwrap_or("").to_string(), c.label().to_string(), String::new()],
            None => [String::new(), String::new(), String::new(), "name not clustered".to_string()],
        },
        Err(e) => [String::new(), String::new(), String::new(), e],
    }
}

fn write_json_row(out: &mut dyn Write, f: &FileInfo, row: &Row<'_>, d: &Deduper, clusters: &Clusters) -> Result<(), Fail> {
    let (line, end, value) = match *row {
        Row::Blank(raw) => {
            out.write_all(raw)?;
            return Ok(());
        }
        Row::Json { line, end, value } => (line, end, value),
        Row::Delimited(_) => return Ok(()),
    };
    let values = extra_values(f.name(row), d, clusters);
    let spaced = line.windows(3).any(|w| w == b"\": ");
    let (comma, colon) = if spaced { (", ", ": ") } else { (",", ":") };
    let mut fields = String::new();
    for (k, v) in EXTRA.iter().zip(&values) {
        if !fields.is_empty() {
            fields.push_str(comma);
        }
        fields.push_str(&serde_json::Value::from(*k).to_string());
        fields.push_str(colon);
        fields.push_str(&serde_json::Value::from(v.as_str()).to_string());
    }
    match value.and_then(serde_json::Value::as_object) {
        // An object: the fields go before its closing brace, the rest kept byte for byte.
        Some(obj) if !EXTRA.iter().any(|k| obj.contains_key(*k)) => {
            let close = line.iter().rposition(|&b| b == b'}').unwrap_or(line.len());
            out.write_all(&line[..close])?;
            if !obj.is_empty() {
                out.write_all(comma.as_bytes())?;
            }
            out.write_all(fields.as_bytes())?;
            out.write_all(&line[close..])?;
        }
        // An object that has the fields already (an output read again): replace them.
        Some(obj) => {
            let mut obj = obj.clone();
            for (k, v) in EXTRA.iter().zip(values) {
                obj.insert(k.to_string(), serde_json::Value::from(v));
            }
            out.write_all(serde_json::Value::Object(obj).to_string().as_bytes())?;
        }
        // Not an object, or not JSON: kept as a string in an object of its own.
        None => {
            let text = String::from_utf8_lossy(line);
            out.write_all(b"{\"canonym_line\"")?;
            out.write_all(colon.as_bytes())?;
            out.write_all(serde_json::Value::from(text.as_ref()).to_string().as_bytes())?;
            out.write_all(comma.as_bytes())?;
            out.write_all(fields.as_bytes())?;
            out.write_all(b"}")?;
        }
    }
    out.write_all(if end.is_empty() { b"\n" } else { end })?;
    Ok(())
}

fn print_stats(rows: u64, d: &Deduper, clusters: &Clusters, errors: u64) {
    eprintln!("rows\t{rows}");
    eprintln!("distinct names\t{}", d.len());
    eprintln!("clusters\t{}", clusters.len());
    eprintln!("rows with errors\t{errors}");
    let mut largest: Vec<&canonym::Cluster> = clusters.iter().collect();
    largest.sort_by(|a, b| b.rows().cmp(&a.rows()).then(b.names().cmp(&a.names())).then(a.id().cmp(&b.id())));
    eprintln!("largest clusters (rows, distinct names, label):");
    for c in largest.iter().take(10) {
        eprintln!("  {}\t{}\t{}", c.rows(), c.names(), c.label());
    }
}

// ---------------------------------------------------------------------------------------
// link

/// `canonym link`, its arguments after the subcommand in `parser`.
pub fn run_link(mut parser: lexopt::Parser) -> ExitCode {
    finish(link(&mut parser), LINK_USAGE)
}

fn link(parser: &mut lexopt::Parser) -> Result<bool, Fail> {
    let mut common = Common::new();
    let (mut left, mut right, mut right_column) = (None, None, None);
    while let Some(arg) = Arg::next(parser)? {
        if common.take(&arg, parser)? {
            continue;
        }
        match &arg {
            Arg::Long(l) if l == "left" => left = Some(PathBuf::from(value(parser)?)),
            Arg::Long(l) if l == "right" => right = Some(PathBuf::from(value(parser)?)),
            Arg::Long(l) if l == "right-column" => right_column = Some(value(parser)?),
            Arg::Short('h') => return Err(usage("")),
            Arg::Long(l) if l == "help" => return Err(usage("")),
            other => return Err(other.unexpected("link")),
        }
    }
    let column = common.column.clone().ok_or_else(|| usage("missing --column NAME"))?;
    let left = left.ok_or_else(|| usage("missing --left FILE"))?;
    let right = right.ok_or_else(|| usage("missing --right FILE"))?;
    let sides = [
        FileInfo::open(&left, common.format_of(&left), &column)?,
        FileInfo::open(&right, common.format_of(&right), right_column.as_deref().unwrap_or(&column))?,
    ];
    let mut deduper = common.deduper();
    let mut errors = Errors { count: 0 };
    // The name of every row of each side; bit 0 of `side`: on the left, bit 1: right.
    let mut row_names: [Vec<Option<NameId>>; 2] = [Vec::new(), Vec::new()];
    let total = total_size(&[left.clone(), right.clone()]);
    let bar = Progress::new(total, "reading");
    let mut done = 0u64;
    for (s, f) in sides.iter().enumerate() {
        let names = &mut row_names[s];
        f.for_each_row(
            |n, row| {
                if matches!(row, Row::Blank(_)) {
                    return Ok(());
                }
                match f.name(row).and_then(|name| deduper.add(name).map_err(|e| e.to_string())) {
                    Ok(id) => names.push(Some(id)),
                    Err(e) => {
                        errors.report(&f.path, n, &e);
                        names.push(None);
                    }
                }
                Ok(())
            },
            |b| bar.set(done + b),
        )?;
        done += std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
    }
    bar.done();
    let mut side = vec![0u8; deduper.len()];
    for (s, names) in row_names.iter().enumerate() {
        for id in names.iter().flatten() {
            side[id.index()] |= 1 << s;
        }
    }
    let crosses = |a: NameId, b: NameId| {
        let (x, y) = (side[a.index()], side[b.index()]);
        (x & 1 != 0 && y & 2 != 0) || (x & 2 != 0 && y & 1 != 0)
    };
    let spin = Progress::spinner("linking");
    let matches = deduper.matches_where(crosses);
    spin.done();
    // Rows of each name on each side (CSR).
    let rows_of = |names: &[Option<NameId>]| -> (Vec<usize>, Vec<u32>) {
        let mut start = vec![0usize; deduper.len() + 1];
        for id in names.iter().flatten() {
            start[id.index() + 1] += 1;
        }
        for i in 0..deduper.len() {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut rows = vec![0u32; start[deduper.len()]];
        for (r, id) in names.iter().enumerate() {
            if let Some(id) = id {
                rows[fill[id.index()]] = r as u32 + 1;
                fill[id.index()] += 1;
            }
        }
        (start, rows)
    };
    let (ls, lr) = rows_of(&row_names[0]);
    let (rs, rr) = rows_of(&row_names[1]);
    let left_rows = |id: usize| &lr[ls[id]..ls[id + 1]];
    let right_rows = |id: usize| &rr[rs[id]..rs[id + 1]];
    let mut out_pairs: Vec<(u32, u32, NameId, NameId, f64)> = Vec::new(); // rows, names, score
    for m in &matches {
        for (x, y) in [(m.a, m.b), (m.b, m.a)] {
            for &l in left_rows(x.index()) {
                for &r in right_rows(y.index()) {
                    out_pairs.push((l, r, x, y, m.score));
                }
            }
        }
    }
    // The same name on both sides.
    for names in &row_names[0..1] {
        let mut seen = vec![false; deduper.len()];
        for id in names.iter().flatten() {
            if side[id.index()] == 3 && !std::mem::replace(&mut seen[id.index()], true) {
                for &l in left_rows(id.index()) {
                    for &r in right_rows(id.index()) {
                        out_pairs.push((l, r, *id, *id, 1.0));
                    }
                }
            }
        }
    }
    out_pairs.sort_by(|p, q| p.0.cmp(&q.0).then(p.1.cmp(&q.1)));
    let mut out = common.open_output(&[left.as_path(), right.as_path()])?;
    out.write_all(b"left_row\tright_row\tleft_name\tright_name\tscore\n")?;
    let clean = |id: NameId| deduper.name(id).unwrap_or("").replace(['\t', '\n', '\r'], " ");
    for (l, r, a, b, s) in &out_pairs {
        writeln!(out, "{l}\t{r}\t{}\t{}\t{s:.4}", clean(*a), clean(*b))?;
    }
    out.flush()?;
    if common.stats {
        eprintln!("left rows\t{}", row_names[0].len());
        eprintln!("right rows\t{}", row_names[1].len());
        eprintln!("distinct names\t{}", deduper.len());
        eprintln!("matching name pairs\t{}", matches.len());
        eprintln!("linked row pairs\t{}", out_pairs.len());
        eprintln!("rows with errors\t{}", errors.count);
    }
    if errors.count > 0 {
        eprintln!("canonym: {} rows with errors (not linked)", errors.count);
    }
    Ok(!(common.strict && errors.count > 0))
}
