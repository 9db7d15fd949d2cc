//! Profiling driver for `key_into`: keys every line of a file on one core and prints a
//! checksum;
//! `valgrind --tool=callgrind --toggle-collect='*key_all*' target/release/examples/key_driver FILE`
//! counts the instructions of the keying alone. `key_driver FILE time` prints the best
//! wall time of 7 passes instead.

use std::hint::black_box;
use std::time::Instant;

#[inline(never)]
fn key_all(names: &[&str]) -> u64 {
    let mut scratch = canonym::Scratch::default();
    let mut out = String::new();
    let mut sum = 0u64;
    for n in names {
        canonym::key_into(black_box(n), &mut scratch, &mut out);
        sum = sum.wrapping_mul(31).wrapping_add(out.len() as u64);
    }
    sum
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: key_driver FILE [time]");
    let text = std::fs::read_to_string(&path).expect("read");
    let names: Vec<&str> = text.lines().collect();
    if std::env::args().nth(2).as_deref() == Some("time") {
        let mut best = f64::MAX;
        for _ in 0..7 {
            let t = Instant::now();
            black_box(key_all(&names));
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{} names, best of 7 passes {:.1} ms", names.len(), best * 1e3);
    } else {
        println!("{} names, checksum {}", names.len(), key_all(&names));
    }
}
