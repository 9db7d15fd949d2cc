//! Deduper on arbitrary names (one per line): no panic, and the clusters do not depend
//! on the order the names were added in.
//!
//!     cargo fuzz run dedup -- -max_total_time=60
#![no_main]

use libfuzzer_sys::fuzz_target;

fn clusters(names: &[&str]) -> Vec<(String, Option<String>)> {
    let mut d = canonym::Deduper::default();
    for n in names {
        let _ = d.add(n);
    }
    let c = d.clusters();
    let mut out: Vec<(String, Option<String>)> = names
        .iter()
        .map(|n| {
            let cluster = d.id_of(n).and_then(|id| c.get(id)).map(|c| c.id().to_string());
            (n.to_string(), cluster)
        })
        .collect();
    out.sort();
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let names: Vec<&str> = s.lines().take(64).collect();
    let forward = clusters(&names);
    let mut reversed = names.clone();
    reversed.reverse();
    assert_eq!(forward, clusters(&reversed), "order changed the clusters of {names:?}");
});
