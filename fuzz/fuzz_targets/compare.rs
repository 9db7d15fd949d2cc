//! compare(a, b) on arbitrary UTF-8 pairs: symmetric, in [0, 1], one decision both ways.
//!
//!     cargo fuzz run compare -- -max_total_time=60
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    // Split at the first NUL or tab into the two names.
    let (a, b) = match s.find(['\0', '\t']) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    };
    let ab = canonym::compare(a, b);
    let ba = canonym::compare(b, a);
    assert!(
        (0.0..=1.0).contains(&ab.score),
        "score {} out of [0, 1] for {a:?} / {b:?}",
        ab.score
    );
    assert!(
        ab.score == ba.score,
        "asymmetric: {} vs {} for {a:?} / {b:?}",
        ab.score,
        ba.score
    );
    assert_eq!(ab.same, ba.same, "same differs for {a:?} / {b:?}");

    if let (Ok(na), Ok(nb)) = (canonym::Name::parse(a), canonym::Name::parse(b)) {
        let m = canonym::Matcher::default();
        let (x, y) = (m.compare(&na, &nb), m.compare(&nb, &na));
        assert!(
            x.score == y.score && x.same == y.same,
            "Matcher asymmetric for {a:?} / {b:?}"
        );
        assert!(
            x.score == ab.score,
            "Matcher::compare != compare for {a:?} / {b:?}"
        );
    }
});
