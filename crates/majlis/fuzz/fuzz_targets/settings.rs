//! Settings as the server loads them: defaults, then a `majlis.toml` and
//! `MAJLIS_*` variables from the fuzzer, then what start-up derives from
//! them (database URL, proxies, cookies, session limits…).
//!
//! Checked beyond "no panic": the database URL as logged never shows its
//! password.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use majlis::fuzzing::{load_settings, setting_names, use_settings};

#[derive(Arbitrary, Debug)]
struct Input {
    toml: String,
    /// A setting's name (by index into the names) and its value.
    env: Vec<(u8, String)>,
}

struct Fixture {
    dir: tempfile::TempDir,
    names: Vec<String>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| Fixture {
        dir: tempfile::tempdir().expect("scratch folder"),
        names: setting_names(),
    })
}

fn var(name: &str) -> String {
    format!("MAJLIS_{}", name.to_ascii_uppercase())
}

fuzz_target!(|input: Input| {
    let f = fixture();
    // SAFETY: a fuzz target runs one input at a time on one thread; nothing
    // else reads or writes the environment meanwhile.
    unsafe {
        for name in &f.names {
            std::env::remove_var(var(name));
        }
        for (i, value) in &input.env {
            if !value.contains('\0') && !f.names.is_empty() {
                std::env::set_var(var(&f.names[usize::from(*i) % f.names.len()]), value);
            }
        }
    }
    let path = f.dir.path().join("majlis.toml");
    std::fs::write(&path, &input.toml).expect("write majlis.toml");
    let Ok(settings) = load_settings(&path) else {
        return;
    };
    let shown = use_settings(&settings);
    if let Some(raw) = &settings.database_url
        && let Ok(url) = url::Url::parse(raw.expose())
        && let Some(password) = url.password()
        && password != "***"
    {
        assert!(
            !shown.contains(&format!(":{password}@")),
            "password shown in {shown:?}"
        );
    }
});
