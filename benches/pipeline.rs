//! Benchmarks of the pipeline, one group per operation, over the corpus of
//! `../shared/eval/make_corpus.py` (100,000 full names in many scripts), with `any_ascii`
//! and `deunicode` measured in the same run as baselines.
//!
//!     cargo bench --bench pipeline            # all groups
//!     cargo bench --bench pipeline -- fold    # one group
//!
//! The corpus is generated once by `python3 make_corpus.py 100000` and cached as
//! `target/bench-corpus-100000.txt`; without python3 or the script the benchmarks are
//! skipped with a message. `CANONYM_CORPUS_SCRIPT=/path/to/make_corpus.py` overrides the
//! script's location. Throughput is in names (elements) per second.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use canonym::{Matcher, Name, Scratch};
use criterion::{Criterion, Throughput};

const CORPUS_SIZE: usize = 100_000;
const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/make_corpus.py");
/// Names for the slower operations (resolve, compare).
const SMALL: usize = 10_000;

/// The cargo target directory: the bench binary lives in `<target>/<profile>/deps/`.
fn target_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .filter(|t| t.is_dir())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target")))
}

/// Loads the cached corpus, generating it first if needed; `None` (with a message) when
/// it cannot be generated.
fn corpus() -> Option<Vec<String>> {
    let path = target_dir().join(format!("bench-corpus-{CORPUS_SIZE}.txt"));
    if !path.exists() {
        // CANONYM_CORPUS_SCRIPT points elsewhere when the crate is built out of its tree.
        let script = std::env::var("CANONYM_CORPUS_SCRIPT").unwrap_or_else(|_| SCRIPT.to_string());
        let script = script.as_str();
        if !Path::new(script).exists() {
            eprintln!("pipeline bench: skipped: corpus generator {script} not found");
            return None;
        }
        eprintln!(
            "pipeline bench: generating the corpus into {}",
            path.display()
        );
        let out = match Command::new("python3")
            .arg(script)
            .arg(CORPUS_SIZE.to_string())
            .output()
        {
            Ok(out) => out,
            Err(e) => {
                eprintln!("pipeline bench: skipped: cannot run python3 ({e})");
                return None;
            }
        };
        if !out.status.success() || out.stdout.is_empty() {
            eprintln!(
                "pipeline bench: skipped: {script} failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return None;
        }
        // Write then rename, so an interrupted run never leaves half a corpus behind.
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Err(e) =
            std::fs::write(&tmp, &out.stdout).and_then(|()| std::fs::rename(&tmp, &path))
        {
            eprintln!(
                "pipeline bench: cannot cache the corpus at {} ({e}); using it uncached",
                path.display()
            );
            return Some(lines(&String::from_utf8_lossy(&out.stdout)));
        }
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(lines(&text)),
        Err(e) => {
            eprintln!(
                "pipeline bench: skipped: cannot read {} ({e})",
                path.display()
            );
            None
        }
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

fn bench_fold(c: &mut Criterion, names: &[String]) {
    let mut g = c.benchmark_group("fold");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("canonym::fold", |b| {
        b.iter(|| {
            for n in names {
                black_box(canonym::fold(black_box(n)));
            }
        })
    });
    g.bench_function("any_ascii", |b| {
        b.iter(|| {
            for n in names {
                black_box(any_ascii::any_ascii(black_box(n)));
            }
        })
    });
    g.bench_function("deunicode", |b| {
        b.iter(|| {
            for n in names {
                black_box(deunicode::deunicode(black_box(n)));
            }
        })
    });
    g.finish();
}

fn bench_key(c: &mut Criterion, names: &[String]) {
    let mut g = c.benchmark_group("key");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("canonym::key_into", |b| {
        let mut scratch = Scratch::default();
        let mut out = String::new();
        b.iter(|| {
            for n in names {
                canonym::key_into(black_box(n), &mut scratch, &mut out);
                black_box(&out);
            }
        })
    });
    // Baselines: a plain ASCII transliteration of the same names.
    g.bench_function("any_ascii", |b| {
        b.iter(|| {
            for n in names {
                black_box(any_ascii::any_ascii(black_box(n)));
            }
        })
    });
    g.bench_function("deunicode", |b| {
        b.iter(|| {
            for n in names {
                black_box(deunicode::deunicode(black_box(n)));
            }
        })
    });
    g.finish();
}

fn bench_resolve(c: &mut Criterion, names: &[String]) {
    let names = &names[..names.len().min(SMALL)];
    let mut g = c.benchmark_group("resolve");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("canonym::resolve", |b| {
        b.iter(|| {
            for n in names {
                black_box(canonym::resolve(black_box(n)));
            }
        })
    });
    g.finish();
}

fn bench_compare(c: &mut Criterion, names: &[String]) {
    // Pairs of consecutive corpus lines.
    let pairs: Vec<(&str, &str)> = names
        .windows(2)
        .take(SMALL)
        .map(|w| (w[0].as_str(), w[1].as_str()))
        .collect();
    let parsed: Vec<(Name, Name)> = pairs
        .iter()
        .filter_map(|(a, b)| Some((Name::parse(a).ok()?, Name::parse(b).ok()?)))
        .collect();
    let mut g = c.benchmark_group("compare");
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("canonym::compare", |b| {
        b.iter(|| {
            for (x, y) in &pairs {
                black_box(canonym::compare(black_box(x), black_box(y)));
            }
        })
    });
    g.throughput(Throughput::Elements(parsed.len() as u64));
    let matcher = Matcher::default();
    g.bench_function("Matcher::compare (pre-parsed)", |b| {
        b.iter(|| {
            for (x, y) in &parsed {
                black_box(matcher.compare(black_box(x), black_box(y)));
            }
        })
    });
    // The score alone, as `canonym match` without --explain and dedup use it.
    g.bench_function("Matcher::score (pre-parsed)", |b| {
        b.iter(|| {
            for (x, y) in &parsed {
                black_box(matcher.score(black_box(x), black_box(y)));
            }
        })
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let Some(names) = corpus() else { return };
    eprintln!("pipeline bench: {} names", names.len());
    bench_fold(&mut c, &names);
    bench_key(&mut c, &names);
    bench_resolve(&mut c, &names);
    bench_compare(&mut c, &names);
    c.final_summary();
}
