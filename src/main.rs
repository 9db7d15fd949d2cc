//! The `canonym` command: one name (or pair) a line in, one answer a line out, in order.
//!
//! A thin layer over the library: argument parsing, line I/O and output formats only.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use canonym::{Kind, Lang, Matcher, Name};

const USAGE: &str = "\
canonym: transliterate, key, resolve and match names in any script

USAGE:
    canonym translit [--lang CODE]   readable Latin, one line per input line
    canonym key                       skeleton key, one line per input line
    canonym resolve [--kind KIND]     canonical IDs as one JSON object per line
    canonym match [--threshold T] [--explain]
                                      input `a<TAB>b`, output `score<TAB>same`

OPTIONS:
    --lang CODE     auto (default), ar, fa, ur, ru, uk, be, sr, bg, mk, he, el, hy, ka
    --kind KIND     person, place, org or any (default)
    --threshold T   decision threshold of match, in [0, 1] (default 0.72)
    --explain       match: add a column describing how the words were aligned
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
            Short('h') | Long("help") => return Err(String::new()),
            other => return Err(format!("{} for `canonym {sub}`", other.unexpected())),
        }
    }
    Ok(match sub.as_str() {
        "translit" | "transliterate" => Command::Translit(lang),
        "key" => Command::Key,
        "resolve" => Command::Resolve(kind),
        "match" => Command::Match { matcher: Matcher::builder().threshold(threshold).build(), explain },
        other => return Err(format!("unknown command {other:?}")),
    })
}

fn main() -> ExitCode {
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

fn run(cmd: &Command) -> io::Result<()> {
    let stdin = io::stdin().lock();
    let stdout = io::stdout().lock();
    let mut input = io::BufReader::with_capacity(1 << 16, stdin);
    let mut out = BufWriter::with_capacity(1 << 16, stdout);
    let mut raw = Vec::with_capacity(256);
    let mut line_no = 0u64;
    let mut key_scratch = canonym::Scratch::default();
    let mut buf = String::new();
    loop {
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        line_no += 1;
        while matches!(raw.last(), Some(b'\n' | b'\r')) {
            raw.pop();
        }
        let line = std::str::from_utf8(&raw);
        match line {
            Err(_) => eprintln!("canonym: line {line_no}: invalid UTF-8"),
            Ok(l) if !matches!(cmd, Command::Match { .. } | Command::Resolve(_)) && !l.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80) => {
                eprintln!("canonym: line {line_no}: empty name")
            }
            Ok(_) => {}
        }
        match cmd {
            Command::Translit(lang) => {
                if let Ok(l) = line {
                    out.write_all(canonym::transliterate_with(l, *lang).as_bytes())?;
                }
                out.write_all(b"\n")?;
            }
            Command::Key => {
                if let Ok(l) = line {
                    canonym::key_into(l, &mut key_scratch, &mut buf);
                    out.write_all(buf.as_bytes())?;
                }
                out.write_all(b"\n")?;
            }
            Command::Resolve(kind) => {
                let text = String::from_utf8_lossy(&raw);
                buf.clear();
                buf.push_str("{\"input\": ");
                json_string(&text, &mut buf);
                buf.push_str(", \"ids\": [");
                let error = match line {
                    Err(_) => Some("invalid UTF-8".to_string()),
                    Ok(l) => match Name::parse(l) {
                        Err(e) => Some(e.to_string()),
                        Ok(_) => {
                            for (i, c) in canonym::resolve_kind(l, *kind).iter().enumerate() {
                                if i > 0 {
                                    buf.push_str(", ");
                                }
                                buf.push_str("{\"id\": ");
                                json_string(c.id, &mut buf);
                                buf.push_str(", \"kind\": ");
                                json_string(c.kind.as_str(), &mut buf);
                                buf.push_str(", \"label\": ");
                                json_string(c.label, &mut buf);
                                buf.push_str(&format!(", \"score\": {:.3}}}", c.score));
                            }
                            None
                        }
                    },
                };
                buf.push(']');
                if let Some(e) = error {
                    if line.is_ok() {
                        eprintln!("canonym: line {line_no}: {e}");
                    }
                    buf.push_str(", \"error\": ");
                    json_string(&e, &mut buf);
                }
                buf.push_str("}\n");
                out.write_all(buf.as_bytes())?;
            }
            Command::Match { matcher, explain } => {
                let pair = line.ok().and_then(|l| l.split_once('\t'));
                match pair {
                    Some((a, b)) => {
                        let b = b.split('\t').next().unwrap_or(b);
                        let (na, nb) = (Name::parse(a), Name::parse(b));
                        let c = match (&na, &nb) {
                            (Ok(x), Ok(y)) => Some(matcher.compare(x, y)),
                            _ => {
                                let e = na.err().or(nb.err()).map(|e| e.to_string()).unwrap_or_default();
                                eprintln!("canonym: line {line_no}: {e}");
                                None
                            }
                        };
                        match c {
                            Some(c) => {
                                write!(out, "{:.4}\t{}", c.score, u8::from(c.same))?;
                                if *explain {
                                    out.write_all(b"\t")?;
                                    for (i, a) in c.alignments.iter().enumerate() {
                                        if i > 0 {
                                            out.write_all(b"; ")?;
                                        }
                                        write!(out, "{} = {} ({}, {:.2})", a.left, a.right, a.rule, a.score)?;
                                    }
                                }
                                out.write_all(b"\n")?;
                            }
                            None => out.write_all(b"0.0000\t0\n")?,
                        }
                    }
                    None => {
                        if line.is_ok() {
                            eprintln!("canonym: line {line_no}: expected two names separated by a tab");
                        }
                        out.write_all(b"0.0000\t0\n")?;
                    }
                }
            }
        }
    }
    out.flush()
}

/// Appends `s` as a JSON string literal.
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
