//! OOXML and ODF documents whose XML parts come from the fuzzer, packed in a
//! well-formed ZIP (random bytes rarely make one): the first byte picks the
//! format, the rest is split at NUL bytes into the main part and, for
//! presentations and workbooks, further numbered slides or sheets. The
//! archive then goes through the upload path (sniffing, bomb checks, text).
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use majlis_files::ArchiveLimits;
use majlis_files_fuzz::inspect;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

fn archive(format: u8, parts: &[&[u8]]) -> Vec<u8> {
    let main = parts.first().copied().unwrap_or_default();
    let rest = parts.get(1..).unwrap_or_default();
    let mut entries: Vec<(String, &[u8])> = Vec::new();
    match format % 6 {
        0 => {
            entries.push(("[Content_Types].xml".into(), CONTENT_TYPES));
            entries.push(("word/document.xml".into(), main));
        }
        1 => {
            entries.push(("[Content_Types].xml".into(), CONTENT_TYPES));
            entries.push(("ppt/presentation.xml".into(), b"<p:presentation/>"));
            for (i, part) in parts.iter().enumerate() {
                // Out of order, and with a gap, as real files may be.
                entries.push((format!("ppt/slides/slide{}.xml", (i * 7 + 3) % 11), part));
            }
        }
        2 => {
            entries.push(("[Content_Types].xml".into(), CONTENT_TYPES));
            entries.push(("xl/workbook.xml".into(), b"<workbook/>"));
            entries.push(("xl/sharedStrings.xml".into(), main));
            for (i, part) in rest.iter().enumerate() {
                entries.push((format!("xl/worksheets/sheet{}.xml", i + 1), part));
            }
        }
        n => {
            let mime: &[u8] = match n {
                3 => b"application/vnd.oasis.opendocument.text",
                4 => b"application/vnd.oasis.opendocument.spreadsheet",
                _ => b"application/vnd.oasis.opendocument.presentation",
            };
            entries.push(("mimetype".into(), mime));
            entries.push(("content.xml".into(), main));
        }
    }
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        let method = if name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default().compression_method(method);
        if w.start_file(name, options).is_err() || w.write_all(content).is_err() {
            return Vec::new();
        }
    }
    w.finish().map(Cursor::into_inner).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let Some((&format, rest)) = data.split_first() else {
        return;
    };
    let parts: Vec<&[u8]> = rest.split(|b| *b == 0).take(8).collect();
    let zipped = archive(format, &parts);
    assert!(!zipped.is_empty(), "the zip writer failed");
    inspect(&zipped, &ArchiveLimits::default(), false);
});
