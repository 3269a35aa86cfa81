//! Any urlencoded body as `CsrfForm` reads it (cleaned by `web::input`,
//! then deserialised), then through every rule that parses a form or a
//! list's query into typed values.
//!
//! Checked beyond "no panic": no name, and no value but a password's,
//! keeps a NUL or a bidirectional control after cleaning.
#![no_main]

use libfuzzer_sys::fuzz_target;
use majlis::fuzzing::{form_map, form_pairs, is_unwanted, kept_as_typed, run_form_rules};

fuzz_target!(|body: &[u8]| {
    let _ = form_map(body);
    let Some(pairs) = form_pairs(body) else {
        return;
    };
    for (name, value) in &pairs {
        assert!(!name.contains(is_unwanted), "name kept {name:?}");
        if !kept_as_typed(name) {
            assert!(!value.contains(is_unwanted), "{name} kept {value:?}");
        }
    }
    run_form_rules(pairs);
});
