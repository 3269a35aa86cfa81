//! PDF text extraction across the ways a PDF can be laid out: object and
//! cross-reference streams, incremental updates, bytes before the header,
//! resources shared by many pages, stream lengths held in other objects.
//! (Extraction puts each page's objects back from a compact store and reads
//! stream contents back from the file; these are the cases where that could
//! go wrong.)

mod common;

use majlis_files::{FileKind, extract_text};
use pdf_extract::{Document, Object, SaveOptions};

fn extract(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write");
    extract_text(FileKind::Pdf, &path, usize::MAX)
}

fn pages(n: usize, seed: u64) -> Vec<Vec<String>> {
    let mut words = common::Words::new(seed);
    (0..n)
        .map(|_| (0..5).map(|_| words.line(60)).collect())
        .collect()
}

fn assert_in_order(text: &str, lines: &[&str]) {
    let mut from = 0;
    for line in lines {
        match text[from..].find(line) {
            Some(at) => from += at + line.len(),
            None => panic!("{line:?} missing or out of order in {text:?}"),
        }
    }
}

/// PDF 1.5 files keep their dictionaries inside compressed object streams
/// and their cross-reference table in a stream.
#[test]
fn object_and_xref_streams() {
    let pages = pages(12, 21);
    let mut doc = Document::load_mem(&common::pdf(&pages, true)).expect("load");
    let mut modern = Vec::new();
    doc.save_with_options(
        &mut modern,
        SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .build(),
    )
    .expect("save");
    assert!(memchr::memmem::find(&modern, b"/ObjStm").is_some());
    assert!(memchr::memmem::find(&modern, b"/XRef").is_some());
    let text = extract(&modern).expect("text");
    let all: Vec<&str> = pages.iter().flatten().map(String::as_str).collect();
    assert_in_order(&text, &all);
}

/// An incremental update appends a new version of an object; the newest wins.
#[test]
fn incremental_update_uses_the_newest_version() {
    let mut pdf = common::pdf(&[vec!["Draft wording".to_owned()]], false);
    let previous = {
        let at = memchr::memmem::rfind(&pdf, b"startxref").expect("startxref");
        let digits: String = pdf[at + 9..]
            .iter()
            .map(|&b| b as char)
            .skip_while(|c| c.is_whitespace())
            .take_while(char::is_ascii_digit)
            .collect();
        digits
    };
    // Object 5 is the first page's contents (catalog, pages, font, page, contents).
    let offset = pdf.len();
    pdf.extend_from_slice(b"5 0 obj\n");
    pdf.extend_from_slice(&common::stream_object(
        b"BT /F1 10 Tf 50 800 Td (Final wording) Tj ET",
        true,
    ));
    pdf.extend_from_slice(b"\nendobj\n");
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!(
            "xref\n5 1\n{offset:010} 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    let text = extract(&pdf).expect("text");
    assert!(text.contains("Final wording"), "{text:?}");
    assert!(!text.contains("Draft wording"), "{text:?}");
}

/// Bytes before `%PDF-` (some mail gateways add them): lopdf counts
/// positions from the header, and so must reading streams back.
#[test]
fn bytes_before_the_header() {
    let pages = pages(3, 4);
    for compress in [false, true] {
        let mut pdf = b"X-Junk: added by a gateway\r\n\r\n".to_vec();
        pdf.extend_from_slice(&common::pdf(&pages, compress));
        let text = extract(&pdf).expect("text");
        let all: Vec<&str> = pages.iter().flatten().map(String::as_str).collect();
        assert_in_order(&text, &all);
    }
}

/// Forty pages, each drawing a large form of its own (together more than
/// the cache of shared streams) and one form they all share, which must
/// come back on every page even after the cache was emptied.
#[test]
fn resources_shared_by_many_pages() {
    let n = 40;
    let padding = format!("% {}\n", "x".repeat(200 * 1024));
    let mut objects = common::pdf_head(n, 5, 3);
    // 4: the shared footer form.
    objects.push(common::stream_object_with(
        b"BT /F1 8 Tf 50 20 Td (Shared footer) Tj ET",
        true,
        " /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>",
    ));
    for i in 0..n {
        let (page, contents, own) = (5 + 3 * i, 6 + 3 * i, 7 + 3 * i);
        assert_eq!(objects.len() + 1, page);
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Own {own} 0 R /Footer 4 0 R >> >> /Contents {contents} 0 R >>"
            )
            .into_bytes(),
        );
        objects.push(common::stream_object(b"/Own Do /Footer Do", false));
        let form = format!("BT /F1 12 Tf 50 700 Td (Page {i} body) Tj ET\n{padding}");
        objects.push(common::stream_object_with(
            form.as_bytes(),
            false,
            " /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>",
        ));
    }
    let pdf = common::assemble_pdf(&objects);
    // More than the 4 MiB kept of shared streams between pages.
    assert!(pdf.len() > 6 * 1024 * 1024);
    let text = extract(&pdf).expect("text");
    assert_eq!(text.matches("Shared footer").count(), n, "{text:?}");
    let bodies: Vec<String> = (0..n).map(|i| format!("Page {i} body")).collect();
    let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
    assert_in_order(&text, &bodies);
}

/// A content stream whose `/Length` is an object stored inside an object
/// stream (lopdf reads that object stream to parse the content stream).
#[test]
fn stream_length_inside_an_object_stream() {
    let body = format!(
        "BT /F1 10 Tf 50 800 Td (Length kept elsewhere) Tj ET\n% {}\n",
        "y".repeat(20_000)
    );
    let mut doc = Document::with_version("1.5");
    // Object 1: the length (a single digit id, see below).
    let length = doc.add_object(Object::Integer(body.len() as i64));
    assert_eq!(length, (1, 0));
    let font = doc.add_object(Object::Dictionary(pdf_extract::Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type1".to_vec())),
        ("BaseFont", Object::Name(b"Helvetica".to_vec())),
    ])));
    let contents = doc.add_object(pdf_extract::Stream::new(
        pdf_extract::Dictionary::new(),
        body.clone().into_bytes(),
    ));
    let pages_id = doc.new_object_id();
    let page = doc.add_object(Object::Dictionary(pdf_extract::Dictionary::from_iter([
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", Object::Reference(pages_id)),
        (
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
        ),
        ("Contents", Object::Reference(contents)),
        (
            "Resources",
            Object::Dictionary(pdf_extract::Dictionary::from_iter([(
                "Font",
                Object::Dictionary(pdf_extract::Dictionary::from_iter([(
                    "F1",
                    Object::Reference(font),
                )])),
            )])),
        ),
    ])));
    doc.objects.insert(
        pages_id,
        Object::Dictionary(pdf_extract::Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(vec![Object::Reference(page)])),
            ("Count", Object::Integer(1)),
        ])),
    );
    let catalog = doc.add_object(Object::Dictionary(pdf_extract::Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages_id)),
    ])));
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut pdf = Vec::new();
    doc.save_with_options(
        &mut pdf,
        SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .build(),
    )
    .expect("save");
    // Point the stream's direct length at object 1, keeping every offset.
    let direct = format!("/Length {}", body.len());
    let indirect = "/Length 1 0 R";
    assert_eq!(direct.len(), indirect.len());
    let at = memchr::memmem::find(&pdf, direct.as_bytes()).expect("direct length");
    pdf[at..at + direct.len()].copy_from_slice(indirect.as_bytes());
    let text = extract(&pdf).expect("text");
    assert!(text.contains("Length kept elsewhere"), "{text:?}");
}
