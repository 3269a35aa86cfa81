//! Any bytes as a PDF: text extraction as the upload path runs it (pre-scan
//! for Flate bombs, compact parse, one page at a time).
#![no_main]

use libfuzzer_sys::fuzz_target;
use majlis_files::{FileKind, extract_text};
use majlis_files_fuzz::{CAP, allow_caught_extraction_panics, check_text, scratch};

fuzz_target!(
    init: allow_caught_extraction_panics(),
    |data: &[u8]| {
        let path = scratch(data);
        check_text(extract_text(FileKind::Pdf, &path, CAP), FileKind::Pdf);
        assert!(!majlis_files::extracting(), "the mark outlives the extraction");
    }
);
