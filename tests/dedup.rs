//! `canonym dedup` and `canonym link` on real files (tests/data/dedup/).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_canonym");

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dedup").join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run canonym")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("canonym-dedup-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// Parses CSV output into header-keyed rows.
fn csv_rows(bytes: &[u8]) -> Vec<HashMap<String, String>> {
    let mut r = csv::ReaderBuilder::new().from_reader(bytes);
    let header: Vec<String> = r.headers().expect("header").iter().map(|h| h.trim_start_matches('\u{feff}').to_string()).collect();
    r.byte_records()
        .map(|rec| {
            let rec = rec.expect("record");
            header.iter().cloned().zip(rec.iter().map(|f| String::from_utf8_lossy(f).into_owned())).collect()
        })
        .collect()
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn csv_quotes_newlines_bom_crlf_and_several_files() {
    let (a, b) = (data("people.csv"), data("more.csv"));
    let out = run(&["dedup", "--input", path_str(&a), path_str(&b), "--column", "name"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = &out.stdout;
    // BOM and CRLF kept, one header, all columns.
    assert!(text.starts_with(b"\xEF\xBB\xBFid,name,note,canonym_cluster,canonym_id,canonym_label,canonym_error\r\n"));
    let rows = csv_rows(text);
    assert_eq!(rows.len(), 12, "every row of both files, in order");
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    // Quotes and embedded newlines survive.
    assert_eq!(rows[0]["note"], "said \"hello\"");
    assert_eq!(rows[1]["note"], "two\r\nlines");
    assert_eq!(rows[3]["note"], "a, b");
    // Clusters: one man in two scripts, his father apart, one across files.
    let c = |i: usize| rows[i]["canonym_cluster"].as_str();
    assert!(c(0).starts_with("c-") && c(0).len() == 18);
    assert_eq!(c(0), c(1));
    assert_eq!(c(0), c(7));
    assert_ne!(c(0), c(2));
    assert_eq!(c(3), c(4));
    assert_eq!(c(3), c(8), "one cluster ID across files");
    assert_eq!(c(10), c(11));
    assert_eq!(rows[1]["canonym_label"], "Bashar al-Assad");
    assert_eq!(rows[10]["canonym_id"], "canonym:org/hezbollah");
    // Bad rows pass through with an error.
    assert_eq!(rows[5]["canonym_error"], "empty name");
    assert!(rows[6]["canonym_error"].starts_with("malformed row"));
    assert_eq!(rows[6]["name"], "Bashar al-Asad");
    assert_eq!(rows[9]["canonym_error"], "invalid UTF-8");
    assert_eq!(c(9), "");
    assert!(rows[0]["canonym_error"].is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("3 rows with errors"), "{err}");
}

#[test]
fn invalid_utf8_bytes_pass_through_unchanged() {
    let out = run(&["dedup", "--input", path_str(&data("more.csv")), "--column", "name"]);
    assert!(out.status.success());
    assert!(out.stdout.windows(5).any(|w| w == b"\xff\xfeBad"), "the raw bytes are kept");
}

#[test]
fn strict_exit_code() {
    let out = run(&["dedup", "--input", path_str(&data("more.csv")), "--column", "name", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["dedup", "--input", path_str(&data("people.tsv")), "--column", "name", "--strict"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_column_is_a_usage_error() {
    let out = run(&["dedup", "--input", path_str(&data("people.csv")), "--column", "nom"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no column \"nom\""), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn tsv_keeps_its_format() {
    let out = run(&["dedup", "--input", path_str(&data("people.tsv")), "--column", "name"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines[0], ["id", "name", "canonym_cluster", "canonym_id", "canonym_label", "canonym_error"]);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[1][2], lines[2][2], "Ali Khamenei in two scripts");
    assert_ne!(lines[1][2], lines[3][2]);
    assert_eq!(lines[4][1], "\"Quoted\" Name", "quotes are literal in TSV");
}

#[test]
fn jsonl_nested_fields_missing_keys_and_bad_lines() {
    let out = run(&["dedup", "--input", path_str(&data("people.jsonl")), "--column", "person.name.full"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines.len(), 9, "8 lines and the final newline");
    assert_eq!(lines[2], "", "blank line kept");
    let v: Vec<serde_json::Value> = lines.iter().filter(|l| !l.is_empty()).map(|l| serde_json::from_str(l).expect("valid JSON")).collect();
    assert_eq!(v.len(), 7);
    // Input kept (nested objects, arrays), fields added at the top level.
    assert_eq!(v[0]["extra"], serde_json::json!([1, 2]));
    assert_eq!(v[0]["person"]["name"]["full"], "Bashar al-Assad");
    assert_eq!(v[0]["canonym_cluster"], v[1]["canonym_cluster"]);
    assert_ne!(v[0]["canonym_cluster"], v[3]["canonym_cluster"]);
    assert_eq!(v[1]["canonym_label"], "Bashar al-Assad");
    assert!(lines[0].starts_with("{\"id\": 1, \"person\": {\"name\": {\"full\": \"Bashar al-Assad\"}}, \"extra\": [1, 2], \"canonym_cluster\": "));
    // Missing key, not JSON, not an object, not a string: kept, with an error.
    assert_eq!(v[2]["canonym_cluster"], "");
    assert!(v[2]["canonym_error"].as_str().unwrap_or("").contains("no field"));
    assert_eq!(v[4]["canonym_line"], "not json at all");
    assert_eq!(v[4]["canonym_error"], "invalid JSON");
    assert_eq!(v[5]["canonym_line"], "[1, 2]");
    assert!(v[6]["canonym_error"].as_str().unwrap_or("").contains("not a string"));
}

/// The cluster of each name, from dedup of `files`.
fn clusters_of(files: &[&Path]) -> HashMap<String, (String, String)> {
    let mut args = vec!["dedup", "--column", "name", "--input"];
    args.extend(files.iter().map(|p| path_str(p)));
    let out = run(&args);
    assert!(out.status.success());
    csv_rows(&out.stdout)
        .into_iter()
        .filter(|r| !r["canonym_cluster"].is_empty())
        .map(|r| (r["name"].clone(), (r["canonym_cluster"].clone(), r["canonym_label"].clone())))
        .collect()
}

#[test]
fn shuffled_rows_and_split_files_give_the_same_clusters() {
    let names = [
        "Bashar al-Assad", "بشار الأسد", "Bashar al-Asad", "Hafez al-Assad", "Ali Khamenei", "علی خامنه‌ای",
        "Ali Khamene'i", "Hassan Rouhani", "حسن روحانی", "Hasan Rowhani", "Mohammed bin Salman", "محمد بن سلمان",
        "Muammar Gaddafi", "Mouammar Kadhafi", "Abdelaziz Bouteflika", "Abd al-Aziz Bouteflika", "Ali", "Ali Hassan",
    ];
    let write = |file: &str, rows: &[&str]| {
        let p = tmp(file);
        let mut text = String::from("name\n");
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(&p, text).expect("write");
        p
    };
    let all = write("all.csv", &names);
    let mut shuffled: Vec<&str> = names.to_vec();
    shuffled.reverse();
    shuffled.swap(2, 9);
    shuffled.swap(0, 5);
    let rev = write("shuffled.csv", &shuffled);
    let (one, two) = (write("part1.csv", &shuffled[..7]), write("part2.csv", &shuffled[7..]));
    let a = clusters_of(&[&all]);
    assert_eq!(a.len(), names.len());
    assert_eq!(a, clusters_of(&[&rev]));
    assert_eq!(a, clusters_of(&[&one, &two]));
    assert_eq!(a["Bashar al-Assad"].0, a["بشار الأسد"].0);
    assert_ne!(a["Bashar al-Assad"].0, a["Hafez al-Assad"].0);
}

#[test]
fn output_file_and_stats() {
    let out_path = tmp("out.csv");
    let out = run(&["dedup", "--input", path_str(&data("people.csv")), "--column", "name", "--output", path_str(&out_path), "--stats"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rows\t8"), "{err}");
    assert!(err.contains("distinct names\t"), "{err}");
    assert!(err.contains("clusters\t"), "{err}");
    assert!(err.contains("Bashar al-Assad"), "largest clusters listed: {err}");
    assert!(!err.contains('\u{1b}'), "no progress bar when stderr is not a terminal");
    assert_eq!(csv_rows(&std::fs::read(&out_path).expect("output")).len(), 8);
    // The output may not overwrite an input.
    let out = run(&["dedup", "--input", path_str(&out_path), "--column", "name", "--output", path_str(&out_path)]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn link_two_files() {
    let out = run(&["link", "--left", path_str(&data("left.csv")), "--right", path_str(&data("right.csv")), "--column", "name"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines[0], ["left_row", "right_row", "left_name", "right_name", "score"]);
    let pairs: Vec<(&str, &str)> = lines[1..].iter().map(|l| (l[0], l[1])).collect();
    assert!(pairs.contains(&("1", "1")), "Mohammed bin Salman = محمد بن سلمان: {text}");
    assert!(pairs.contains(&("1", "4")), "identical names link: {text}");
    assert!(pairs.contains(&("2", "2")), "Rouhani = Rowhani: {text}");
    assert!(!pairs.iter().any(|p| p.0 == "3"), "Merkel is not Scholz: {text}");
    for l in &lines[1..] {
        let s: f64 = l[4].parse().expect("score");
        assert!((0.72..=1.0).contains(&s));
    }
}

#[test]
fn library_api() {
    let mut d = canonym::Deduper::builder().threshold(0.8).kind(Some(canonym::Kind::Org)).build();
    let a = d.add("Hezbollah").expect("name");
    let b = d.add("Hizballah").expect("name");
    let c = d.add("Hamas").expect("name");
    assert_eq!(d.add("Hezbollah").expect("name"), a);
    assert_eq!(d.count(a), 2);
    let clusters = d.clusters();
    let (ca, cb, cc) = (clusters.get(a).expect("a"), clusters.get(b).expect("b"), clusters.get(c).expect("c"));
    assert_eq!(ca.id(), cb.id());
    assert_ne!(ca.id(), cc.id());
    assert_eq!(ca.label(), "Hezbollah");
    assert_eq!(ca.canonical_id(), Some("canonym:org/hezbollah"));
    assert_eq!(ca.rows(), 3);
    assert_eq!(ca.names(), 2);
    assert_eq!(clusters.len(), 2);
    let m = d.matches();
    assert!(m.iter().any(|m| (m.a, m.b) == (a.min(b), a.max(b))));
}

#[test]
fn standard_input_is_read_like_a_file() {
    use std::io::Write;
    let file = data("people.csv");
    let from_file = run(&["dedup", "--input", path_str(&file), "--column", "name"]);
    let mut child = Command::new(BIN)
        .args(["dedup", "--input", "-", "--column", "name"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run canonym");
    child.stdin.take().expect("stdin").write_all(&std::fs::read(&file).expect("read")).expect("write");
    let from_stdin = child.wait_with_output().expect("wait");
    assert!(from_stdin.status.success());
    assert_eq!(from_stdin.stdout, from_file.stdout);
    // Given twice, it is a usage error.
    assert!(!run(&["dedup", "-", "-", "--column", "name"]).status.success());
}
