//! Profiling driver for `key_into`: keys every line of a file, one core, and prints a
//! checksum. `valgrind --tool=callgrind --toggle-collect='*key_all*' target/release/examples/key_driver FILE`
//! counts the instructions of the keying alone.

use std::hint::black_box;

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
    let path = std::env::args().nth(1).expect("usage: key_driver FILE");
    let text = std::fs::read_to_string(&path).expect("read");
    let names: Vec<&str> = text.lines().collect();
    println!("{} names, checksum {}", names.len(), key_all(&names));
}
