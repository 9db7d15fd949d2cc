//! The whole pipeline on arbitrary UTF-8: invariants, not only "does not crash".
//!
//!     cargo fuzz run pipeline -- -max_total_time=60
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(x) = std::str::from_utf8(data) else {
        return;
    };

    let cleaned = canonym::clean(x);
    assert_eq!(
        canonym::clean(&cleaned),
        cleaned,
        "clean is not idempotent on {x:?}"
    );

    let k = canonym::key(x);
    assert_eq!(
        canonym::key(&cleaned),
        k,
        "key(x) != key(clean(x)) for {x:?}"
    );
    let mut scratch = canonym::Scratch::default();
    let mut out = String::new();
    canonym::key_into(x, &mut scratch, &mut out);
    assert_eq!(out, k, "key_into != key for {x:?}");
    // The one-pass keys (Latin, Arabic script) and the fast path agree with the plain
    // pipeline on whatever they accept.
    assert_eq!(canonym::key_general(x), k, "key != key_general for {x:?}");
    for one_pass in [canonym::key_latin_path(x), canonym::key_arabic_path(x)].into_iter().flatten() {
        assert_eq!(one_pass, k, "a one-pass key differs from key for {x:?}");
    }

    let f = canonym::fold(x);
    assert_eq!(canonym::fold(&f), f, "fold is not idempotent on {x:?}");
    assert!(f.is_ascii(), "fold gave non-ASCII {f:?} for {x:?}");

    let _ = canonym::transliterate(x);
    for c in canonym::resolve(x) {
        assert!(
            (0.0..=1.0).contains(&c.score),
            "resolve score {} for {x:?}",
            c.score
        );
    }
    match canonym::Name::parse(x) {
        Ok(name) => {
            assert!(x.len() <= canonym::MAX_NAME_LEN);
            assert_eq!(name.key(), k, "Name::key != key for {x:?}");
        }
        Err(e) => {
            if x.len() > canonym::MAX_NAME_LEN {
                assert_eq!(e.kind(), canonym::ErrorKind::TooLong);
            }
        }
    }
});
