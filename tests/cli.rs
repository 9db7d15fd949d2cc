//! Integration tests of the `canonym` binary: one answer line per input line, in order;
//! bad lines answered and reported on stderr with their line number; usage errors exit 2.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_canonym");

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// Runs the binary with `args`, feeding `input` on stdin (from a thread, so large inputs
/// cannot deadlock against a full stdout pipe).
fn run(args: &[&str], input: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn canonym");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The process may exit before reading (usage errors): ignore a broken pipe.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for canonym");
    writer.join().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

// --- a tiny JSON checker (no serde) ----------------------------------------------------------

/// Checks that `s` is exactly one JSON value (RFC 8259 grammar, no extensions).
fn is_json(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    value(b, &mut i) && {
        ws(b, &mut i);
        i == b.len()
    }
}

fn ws(b: &[u8], i: &mut usize) {
    while *i < b.len() && matches!(b[*i], b' ' | b'\t' | b'\n' | b'\r') {
        *i += 1;
    }
}

fn eat(b: &[u8], i: &mut usize, c: u8) -> bool {
    ws(b, i);
    if *i < b.len() && b[*i] == c {
        *i += 1;
        true
    } else {
        false
    }
}

fn value(b: &[u8], i: &mut usize) -> bool {
    ws(b, i);
    match b.get(*i) {
        Some(b'{') => {
            *i += 1;
            if eat(b, i, b'}') {
                return true;
            }
            loop {
                ws(b, i);
                if !string(b, i) || !eat(b, i, b':') || !value(b, i) {
                    return false;
                }
                if eat(b, i, b'}') {
                    return true;
                }
                if !eat(b, i, b',') {
                    return false;
                }
            }
        }
        Some(b'[') => {
            *i += 1;
            if eat(b, i, b']') {
                return true;
            }
            loop {
                if !value(b, i) {
                    return false;
                }
                if eat(b, i, b']') {
                    return true;
                }
                if !eat(b, i, b',') {
                    return false;
                }
            }
        }
        Some(b'"') => string(b, i),
        Some(b't') => lit(b, i, b"true"),
        Some(b'f') => lit(b, i, b"false"),
        Some(b'n') => lit(b, i, b"null"),
        Some(b'-' | b'0'..=b'9') => number(b, i),
        _ => false,
    }
}

fn lit(b: &[u8], i: &mut usize, word: &[u8]) -> bool {
    if b[*i..].starts_with(word) {
        *i += word.len();
        true
    } else {
        false
    }
}

fn string(b: &[u8], i: &mut usize) -> bool {
    if b.get(*i) != Some(&b'"') {
        return false;
    }
    *i += 1;
    while let Some(&c) = b.get(*i) {
        *i += 1;
        match c {
            b'"' => return true,
            b'\\' => match b.get(*i) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => *i += 1,
                Some(b'u') => {
                    if b.len() < *i + 5 || !b[*i + 1..*i + 5].iter().all(u8::is_ascii_hexdigit) {
                        return false;
                    }
                    *i += 5;
                }
                _ => return false,
            },
            0..=0x1f => return false,
            _ => {}
        }
    }
    false
}

fn number(b: &[u8], i: &mut usize) -> bool {
    let start = *i;
    if b[*i] == b'-' {
        *i += 1;
    }
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > s
    };
    if b.get(*i) == Some(&b'0') {
        *i += 1;
    } else if !digits(i) {
        return false;
    }
    if b.get(*i) == Some(&b'.') {
        *i += 1;
        if !digits(i) {
            return false;
        }
    }
    if matches!(b.get(*i), Some(b'e' | b'E')) {
        *i += 1;
        if matches!(b.get(*i), Some(b'+' | b'-')) {
            *i += 1;
        }
        if !digits(i) {
            return false;
        }
    }
    *i > start
}

#[test]
fn json_checker_checks() {
    assert!(is_json(
        r#"{"input": "a\"b\u00e9", "ids": [{"id": "Q1", "score": 0.800}, {"x": -1e5}], "e": null}"#
    ));
    assert!(is_json("[]"));
    for bad in [
        r#"{"a": }"#,
        r#"{"a" 1}"#,
        "[1,]",
        r#""unterminated"#,
        "{} x",
        r#"{"a": 01}"#,
        "\"\u{1}\"",
    ] {
        assert!(!is_json(bad), "{bad:?}");
    }
}

/// Each line is one JSON object `{"input": …, "ids": [ … ] …}`.
fn assert_resolve_line(line: &str) {
    assert!(line.starts_with("{\"input\": "), "{line:?}");
    assert!(line.contains("\"ids\": ["), "{line:?}");
    assert!(line.ends_with('}'), "{line:?}");
    assert!(is_json(line), "not JSON: {line:?}");
}

// --- one answer line per input line, in order ---------------------------------------------

const NAMES: &[&str] = &[
    "Bashar al-Assad",
    "بشار الأسد",
    "Башар Асад",
    "Téhéran",
    "Al-Quds",
    "Ayatollah Ali Khamenei",
    "Mohammed bin Salman",
    "Hezbollah",
    "x",
    "Muammar Gaddafi",
];

fn names_input(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(NAMES[i % NAMES.len()]);
        if i % 7 == 3 {
            s.push_str(&format!(" {i}"));
        }
        s.push('\n');
    }
    s
}

#[test]
fn translit_answers_each_line_in_order() {
    let input = names_input(1000);
    let r = run(&["translit"], input.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = r.lines();
    assert_eq!(out.len(), 1000);
    for (line, got) in input.lines().zip(out) {
        assert_eq!(got, canonym::transliterate(line), "for {line:?}");
    }
}

#[test]
fn translit_lang_option() {
    let r = run(&["translit", "--lang", "bg"], "Щерев\n".as_bytes());
    assert_eq!(r.code, Some(0));
    assert_eq!(
        r.lines(),
        [canonym::transliterate_with("Щерев", canonym::Lang::Bg)]
    );
    let r = run(&["translit", "--lang", "ru"], "Щерев\n".as_bytes());
    assert_eq!(
        r.lines(),
        [canonym::transliterate_with("Щерев", canonym::Lang::Ru)]
    );
}

#[test]
fn key_answers_each_line_in_order() {
    let input = names_input(1000);
    let r = run(&["key"], input.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = r.lines();
    assert_eq!(out.len(), 1000);
    for (line, got) in input.lines().zip(out) {
        assert_eq!(got, canonym::key(line), "for {line:?}");
    }
}

#[test]
fn resolve_answers_each_line_in_order_as_json() {
    let input = names_input(300);
    let r = run(&["resolve"], input.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = r.lines();
    assert_eq!(out.len(), 300);
    for (line, got) in input.lines().zip(out) {
        assert_resolve_line(got);
        let mut expect_input = String::from("{\"input\": \"");
        expect_input.push_str(line);
        expect_input.push('"');
        assert!(got.starts_with(&expect_input), "{got:?} for {line:?}");
        let ids = canonym::resolve(line);
        if let Some(best) = ids.first() {
            assert!(
                got.contains(&format!("{{\"id\": \"{}\"", best.id)),
                "{got:?} lacks {}",
                best.id
            );
        } else {
            assert!(got.contains("\"ids\": []"), "{got:?}");
        }
    }
    assert!(
        r.stdout
            .lines()
            .nth(4)
            .unwrap()
            .contains("\"geonames:281184\""),
        "Al-Quds"
    );
}

#[test]
fn resolve_kind_filters() {
    let r = run(&["resolve", "--kind", "org"], "Hizballah\n".as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let line = r.lines()[0];
    assert_resolve_line(line);
    assert!(line.contains("\"kind\": \"org\""), "{line}");
    assert!(!line.contains("\"kind\": \"place\""), "{line}");
    for kind in ["person", "place", "org", "any"] {
        let r = run(&["resolve", "--kind", kind], "Al-Quds\n".as_bytes());
        assert_eq!(r.code, Some(0), "--kind {kind}: {}", r.stderr);
        assert_resolve_line(r.lines()[0]);
    }
}

#[test]
fn resolve_escapes_json() {
    let r = run(&["resolve"], "Ali \"the\" \\ Lion\u{1}\tx\n".as_bytes());
    assert_eq!(r.code, Some(0));
    assert_eq!(r.lines().len(), 1);
    assert_resolve_line(r.lines()[0]);
}

#[test]
fn match_answers_each_line_in_order() {
    let mut input = String::new();
    let mut pairs = Vec::new();
    for i in 0..500 {
        let (a, b) = (NAMES[i % NAMES.len()], NAMES[(i * 7 + 1) % NAMES.len()]);
        input.push_str(&format!("{a}\t{b}\n"));
        pairs.push((a, b));
    }
    let r = run(&["match"], input.as_bytes());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = r.lines();
    assert_eq!(out.len(), pairs.len());
    for ((a, b), got) in pairs.iter().zip(out) {
        let c = canonym::compare(a, b);
        assert_eq!(
            got,
            format!("{:.4}\t{}", c.score, u8::from(c.same)),
            "for {a:?} / {b:?}"
        );
    }
}

#[test]
fn match_output_format() {
    let r = run(
        &["match"],
        "Hassan Rouhani\tحسن روحانی\nBashar al-Assad\tHafez al-Assad\n".as_bytes(),
    );
    assert_eq!(r.code, Some(0));
    let out = r.lines();
    assert_eq!(out.len(), 2);
    for line in &out {
        let (score, same) = line.split_once('\t').unwrap();
        assert_eq!(score.len(), 6, "4 decimals: {score:?}");
        let s: f64 = score.parse().unwrap();
        assert!((0.0..=1.0).contains(&s));
        assert!(same == "0" || same == "1");
    }
    assert!(out[0].ends_with("\t1"), "{}", out[0]);
    assert!(out[1].ends_with("\t0"), "{}", out[1]);
}

#[test]
fn match_threshold_and_explain() {
    let line = "Bashar al-Assad\tBashar al-Asaad\n";
    let r = run(&["match", "--threshold", "0"], line.as_bytes());
    assert_eq!(r.code, Some(0));
    assert!(r.lines()[0].ends_with("\t1"));
    let r = run(
        &["match", "--threshold", "1", "--explain"],
        "Bashar al-Assad\tHafez al-Assad\n".as_bytes(),
    );
    assert_eq!(r.code, Some(0));
    let cols: Vec<&str> = r.lines()[0].split('\t').collect();
    assert_eq!(cols.len(), 3, "{:?}", r.lines()[0]);
    assert_eq!(cols[1], "0");
    assert!(!cols[2].is_empty());
}

#[test]
fn match_sound_only_leaves_the_name_groups_out() {
    // يوسف and Joseph share a Wikidata name group but not their sound.
    let line = "يوسف\tJoseph\nBashar al-Assad\tBashar al-Asaad\n";
    let with = run(&["match"], line.as_bytes());
    let without = run(&["match", "--sound-only"], line.as_bytes());
    assert_eq!(without.code, Some(0));
    assert!(with.lines()[0].ends_with("\t1"), "{:?}", with.lines());
    assert!(without.lines()[0].ends_with("\t0"), "{:?}", without.lines());
    assert!(without.lines()[1].ends_with("\t1"), "{:?}", without.lines());
    assert_ne!(run(&["key", "--sound-only"], b"x\n").code, Some(0), "a match option only");
}

// --- bad lines ------------------------------------------------------------------------------

/// Input with a bad line 2 (invalid UTF-8) and 4 (empty) between good ones.
fn bad_input(good: &str) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(good.as_bytes());
    v.push(b'\n');
    v.extend_from_slice(b"Ali \xff\xfe Hassan\n");
    v.extend_from_slice(good.as_bytes());
    v.extend_from_slice(b"\n\n");
    v.extend_from_slice(good.as_bytes());
    v.push(b'\n');
    v
}

#[test]
fn translit_bad_lines() {
    let r = run(&["translit"], &bad_input("Башар Асад"));
    assert_eq!(r.code, Some(0));
    let good = canonym::transliterate("Башар Асад");
    assert_eq!(
        r.lines(),
        [good.as_str(), "", good.as_str(), "", good.as_str()]
    );
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

#[test]
fn key_bad_lines() {
    let r = run(&["key"], &bad_input("Ali Khamenei"));
    assert_eq!(r.code, Some(0));
    let good = canonym::key("Ali Khamenei");
    assert_eq!(
        r.lines(),
        [good.as_str(), "", good.as_str(), "", good.as_str()]
    );
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

/// The usage text promises a stderr message for an empty line; translit and key answer
/// an empty line with an empty line but say nothing.
#[test]
fn translit_and_key_report_empty_lines() {
    for cmd in ["translit", "key"] {
        let r = run(&[cmd], &bad_input("Ali"));
        assert!(r.stderr.contains("line 4"), "canonym {cmd}: {:?}", r.stderr);
    }
}

#[test]
fn resolve_bad_lines() {
    let r = run(&["resolve"], &bad_input("Al-Quds"));
    assert_eq!(r.code, Some(0));
    let out = r.lines();
    assert_eq!(out.len(), 5, "{out:?}");
    for line in &out {
        assert_resolve_line(line);
    }
    for i in [0, 2, 4] {
        assert!(out[i].contains("geonames:281184"), "{}", out[i]);
        assert!(!out[i].contains("\"error\""), "{}", out[i]);
    }
    for i in [1, 3] {
        assert!(out[i].contains("\"ids\": []"), "{}", out[i]);
        assert!(out[i].contains("\"error\": "), "{}", out[i]);
    }
    assert!(
        out[1].contains("\u{FFFD}"),
        "invalid bytes shown as U+FFFD: {}",
        out[1]
    );
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
    assert!(r.stderr.contains("line 4"), "{}", r.stderr);
}

#[test]
fn resolve_too_long_line() {
    let long = "a".repeat(canonym::MAX_NAME_LEN + 1);
    let r = run(&["resolve"], format!("Ali\n{long}\nAli\n").as_bytes());
    assert_eq!(r.code, Some(0));
    let out = r.lines();
    assert_eq!(out.len(), 3);
    assert!(out[1].contains("\"error\": "), "{}", &out[1][..100]);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

#[test]
fn match_bad_lines() {
    let good = "Bashar al-Assad\tبشار الأسد";
    let mut input = bad_input(good);
    // line 6: no tab; line 7: an empty name on one side; line 8: good again
    input.extend_from_slice(b"Bashar al-Assad\nAli\t\n");
    input.extend_from_slice(good.as_bytes());
    input.push(b'\n');
    let r = run(&["match"], &input);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = r.lines();
    assert_eq!(out.len(), 8, "{out:?}");
    let c = canonym::compare("Bashar al-Assad", "بشار الأسد");
    let good_out = format!("{:.4}\t{}", c.score, u8::from(c.same));
    for i in [0, 2, 4, 7] {
        assert_eq!(out[i], good_out);
    }
    for i in [1, 3, 5, 6] {
        assert_eq!(out[i], "0.0000\t0", "line {}", i + 1);
    }
    for n in [2, 4, 6, 7] {
        assert!(
            r.stderr.contains(&format!("line {n}")),
            "line {n} not reported: {}",
            r.stderr
        );
    }
    assert!(
        !r.stderr.contains("line 1:") && !r.stderr.contains("line 8"),
        "{}",
        r.stderr
    );
}

#[test]
fn crlf_line_ends_are_accepted() {
    for (args, input) in [
        (&["translit"][..], "Башар Асад\nبشار الأسد\nAli\n"),
        (&["key"][..], "Башар Асад\nبشار الأسد\nAli\n"),
        (&["resolve"][..], "Al-Quds\nTéhéran\nAli\n"),
        (
            &["match"][..],
            "Ali\tAly\nBashar al-Assad\tبشار الأسد\nA\tB\n",
        ),
    ] {
        let lf = run(args, input.as_bytes());
        let crlf = run(args, input.replace('\n', "\r\n").as_bytes());
        assert_eq!(crlf.code, Some(0));
        assert_eq!(crlf.stdout, lf.stdout, "{args:?}");
        assert!(!crlf.stdout.contains('\r'), "{args:?}");
        assert_eq!(crlf.stderr, lf.stderr, "{args:?}");
    }
}

#[test]
fn last_line_without_newline_is_answered() {
    let r = run(&["key"], b"Ali\nHassan");
    assert_eq!(r.lines().len(), 2);
    let r = run(&["match"], b"Ali\tAly");
    assert_eq!(r.lines().len(), 1);
    let r = run(&["key"], b"");
    assert_eq!(r.code, Some(0));
    assert_eq!(r.stdout, "");
}

// --- usage errors ---------------------------------------------------------------------------

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [
        &["resolve", "--kind", "bogus"][..],
        &["frobnicate"][..],
        &[][..],
        &["translit", "--lang", "xx"][..],
        &["match", "--threshold", "2"][..],
        &["match", "--threshold", "abc"][..],
        &["key", "--kind", "person"][..],
        &["resolve", "--kind"][..],
    ] {
        let r = run(args, b"Ali\n");
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
        assert!(r.stderr.starts_with("canonym: "), "{args:?}: {}", r.stderr);
    }
    let r = run(&["resolve", "--kind", "bogus"], b"");
    assert!(r.stderr.contains("bogus"), "{}", r.stderr);
    let r = run(&["frobnicate"], b"");
    assert!(r.stderr.contains("frobnicate"), "{}", r.stderr);
}

#[test]
fn help_exits_0() {
    let r = run(&["--help"], b"");
    assert_eq!(r.code, Some(0));
    assert!(r.stdout.contains("USAGE"));
}
