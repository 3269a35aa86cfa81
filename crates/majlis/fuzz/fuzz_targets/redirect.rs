//! Return targets (`next=`) through `web::redirect::local_or`, and the
//! redirect made of what it keeps.
//!
//! Checked beyond "no panic": what is kept is a path of this site by the
//! rule's own terms, as given and after every percent-decoding (one
//! leading `/`, no `//`, no backslash, no control, whitespace or bidi
//! character; `%20` allowed once decoded), and `see_other` sends exactly it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use majlis::fuzzing::{local_or, see_other};

const DEFAULT: &str = "/fallback-default";

fn bad_char(c: char, decoded: bool) -> bool {
    c.is_control()
        || (c.is_whitespace() && !(decoded && c == ' '))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn plain_local(s: &str, decoded: bool) -> bool {
    s.starts_with('/')
        && !s.contains("//")
        && !s.contains('\\')
        && !s.chars().any(|c| bad_char(c, decoded))
}

fuzz_target!(|data: &[u8]| {
    let Ok(target) = std::str::from_utf8(data) else {
        return;
    };
    let kept = local_or(Some(target), DEFAULT);
    if kept == DEFAULT && target != DEFAULT {
        return;
    }
    assert!(kept.is_ascii(), "{kept:?} is not a header value");
    assert!(plain_local(target, false), "{target:?} kept as {kept:?}");
    let mut form = target.to_owned();
    loop {
        let decoded = percent_encoding::percent_decode_str(&form)
            .decode_utf8_lossy()
            .into_owned();
        if decoded == form {
            break;
        }
        assert!(
            plain_local(&decoded, true),
            "{target:?} decodes to {decoded:?}"
        );
        form = decoded;
    }
    let response = see_other(&kept);
    assert_eq!(response.status().as_u16(), 303);
    let location = response.headers().get("location").map(|v| v.as_bytes());
    assert_eq!(location, Some(kept.as_bytes()));
});
