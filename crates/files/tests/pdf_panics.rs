//! A page that makes `pdf-extract` panic is skipped and the other pages keep
//! their text; the panic happens while `majlis_files::extracting()` is true,
//! so a panic hook can keep it out of the error log. A test binary of its
//! own: it installs a panic hook.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use majlis_files::{FileKind, extract_text, extracting};

static DURING: AtomicUsize = AtomicUsize::new(0);
static OUTSIDE: AtomicUsize = AtomicUsize::new(0);

#[test]
fn a_panicking_page_is_skipped_and_reported_as_extracting() {
    std::panic::set_hook(Box::new(|_| {
        if extracting() {
            DURING.fetch_add(1, Ordering::SeqCst);
        } else {
            OUTSIDE.fetch_add(1, Ordering::SeqCst);
        }
    }));
    // Page 2's `Tm` has two operands instead of six: pdf-extract asserts.
    let mut objects = common::pdf_head(3, 4, 2);
    for text in ["First page text", "(broken) Tj", "Third page text"] {
        let content = if text.starts_with('(') {
            "BT /F1 10 Tf 1 2 Tm (Never shown) Tj ET".to_owned()
        } else {
            format!("BT /F1 10 Tf 50 800 Td ({text}) Tj ET")
        };
        let id = objects.len() + 2;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {id} 0 R >>"
            )
            .into_bytes(),
        );
        objects.push(common::stream_object(content.as_bytes(), false));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, common::assemble_pdf(&objects)).expect("write");

    let text = extract_text(FileKind::Pdf, &path, usize::MAX).expect("text");
    assert!(text.contains("First page text"), "{text:?}");
    assert!(
        text.contains("Third page text"),
        "the page after the panic is extracted: {text:?}"
    );
    assert!(!text.contains("Never shown"), "{text:?}");
    assert!(!extracting(), "the mark ends with the extraction");
    assert_eq!(
        DURING.load(Ordering::SeqCst),
        1,
        "one panic, seen while extracting"
    );
    assert_eq!(OUTSIDE.load(Ordering::SeqCst), 0);
    let _ = std::panic::take_hook();
}
