//! Upload forms through the app's multipart reader
//! (`library::files::read_form`): the token first, then values and files,
//! with its limits (fields, files, bytes per file and per form, value
//! length, quota), files checked and stored, rows written, then the
//! resource form's parsers on what was read. The first input byte sets the
//! size of the chunks the body arrives in; the rest is the body, with the
//! boundary `majlisfuzz` and the token `0123…cdef` (see the seeds).
//!
//! Checked beyond "no panic": a form that is read never holds more files
//! than allowed, a file larger than allowed, more bytes than the form's
//! limit, or a NUL or bidi control in a value.
#![no_main]

use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;
use majlis::fuzzing::{Uploading, is_unwanted};

/// Stored files and rows pile up across runs (and the quota fills): the
/// database and store start afresh after this many inputs.
const FRESH_EVERY: u32 = 2000;

struct State {
    runtime: tokio::runtime::Runtime,
    _dir: tempfile::TempDir,
    uploading: Uploading,
    runs: u32,
}

fn fresh(runtime: tokio::runtime::Runtime) -> State {
    let dir = tempfile::tempdir().expect("scratch folder");
    let uploading = runtime
        .block_on(Uploading::new(dir.path()))
        .expect("database and store");
    State {
        runtime,
        _dir: dir,
        uploading,
        runs: 0,
    }
}

static STATE: Mutex<Option<State>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let Some((&chunk, body)) = data.split_first() else {
        return;
    };
    let mut guard = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let state = match guard.take() {
        Some(s) if s.runs < FRESH_EVERY => s,
        Some(s) => {
            let State {
                runtime,
                uploading,
                _dir,
                ..
            } = s;
            drop(uploading);
            drop(_dir);
            fresh(runtime)
        }
        None => fresh(
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime"),
        ),
    };
    let u = &state.uploading;
    let chunk = 1 + usize::from(chunk) * 17;
    if let Ok(form) = state.runtime.block_on(u.read(body, chunk)) {
        assert!(
            form.files.len() <= u.max_files(),
            "{} files",
            form.files.len()
        );
        let mut total = 0u64;
        for (_, _, stored) in &form.files {
            assert!(
                stored.size <= u.max_file_bytes(),
                "a file of {}",
                stored.size
            );
            total += stored.size;
        }
        for (name, value) in &form.values {
            assert!(!name.contains(is_unwanted) && !value.contains(is_unwanted));
            total += value.len() as u64;
        }
        assert!(total <= u.request_max_bytes(), "a form of {total} bytes");
    }
    *guard = Some(State {
        runs: state.runs + 1,
        ..state
    });
});
