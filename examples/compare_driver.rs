//! Profiling driver for compare: `compare_driver MODE FILE` over tab-separated pairs.
//! MODE: `parse` (Name::parse of both sides only), `score` (parse, then Matcher::score),
//! `explain` (parse, then Matcher::compare). Run under callgrind and subtract `parse`
//! from the others for the cost of comparing alone.
use canonym::{Matcher, Name};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mode, file) = (args.next().unwrap_or_default(), args.next().unwrap_or_default());
    let text = std::fs::read_to_string(&file).expect("pairs file");
    let names: Vec<(Name, Name)> = text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(a, b)| Some((Name::parse(a).ok()?, Name::parse(b).ok()?)))
        .collect();
    let m = Matcher::default();
    let mut sum = 0.0;
    match mode.as_str() {
        "score" => names.iter().for_each(|(a, b)| sum += m.score(a, b)),
        "explain" => names.iter().for_each(|(a, b)| sum += m.compare(a, b).score),
        _ => {}
    }
    println!("{} pairs, score sum {sum:.4}", names.len());
}
