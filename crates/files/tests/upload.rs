//! Uploads end to end: limits, sniffing, bombs, extraction, deduplication, local round trip.

mod common;

use std::io::{Cursor, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::{StreamExt, TryStreamExt, stream};
use majlis_files::{
    ArchiveLimits, FileKind, FileStore, PutOptions, Sha256, Stored, UploadError, sniff_bytes,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const ARABIC: &str = "دورات اللغة للاجئين";
const TURKISH: &str = "İstanbul Şahinbey";

/// A body stream of `data` in chunks of `chunk` bytes.
fn body(
    data: &[u8],
    chunk: usize,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + use<> {
    let chunks: Vec<Result<Bytes, std::io::Error>> = data
        .chunks(chunk.max(1))
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    stream::iter(chunks)
}

struct Env {
    store: FileStore,
    scratch: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Self {
            store: FileStore::memory(),
            scratch: tempfile::tempdir().expect("scratch dir"),
        }
    }

    fn opts(&self) -> PutOptions {
        let mut o = PutOptions::new(self.scratch.path());
        o.extract_text = true;
        o
    }

    async fn put(&self, data: &[u8]) -> Result<Stored, UploadError> {
        self.store.put(body(data, 64 * 1024), &self.opts()).await
    }

    async fn stored(&self) -> Vec<Sha256> {
        self.store.list().try_collect().await.expect("list store")
    }

    fn scratch_files(&self) -> usize {
        std::fs::read_dir(self.scratch.path())
            .map(|d| d.count())
            .unwrap_or(0)
    }

    /// Nothing was kept anywhere: the store is empty and so is the scratch dir.
    async fn assert_nothing_kept(&self) {
        assert!(self.stored().await.is_empty(), "store should be empty");
        assert_eq!(self.scratch_files(), 0, "scratch dir should be empty");
    }
}

#[tokio::test]
async fn executable_named_pdf_is_refused_and_nothing_is_kept() {
    let env = Env::new();
    // The name plays no part: the store only ever sees the bytes.
    let _name = "report.pdf";
    let err = env
        .put(&common::elf())
        .await
        .expect_err("ELF must be refused");
    assert!(matches!(err, UploadError::UnsupportedType), "{err:?}");
    assert!(err.is_client_error());
    env.assert_nothing_kept().await;

    // A real executable from the system, when there is one.
    if let Ok(ls) = std::fs::read("/bin/ls") {
        let err = env
            .put(&ls[..ls.len().min(4096)])
            .await
            .expect_err("refused");
        assert!(matches!(err, UploadError::UnsupportedType), "{err:?}");
        env.assert_nothing_kept().await;
    }
}

#[tokio::test]
async fn other_unsupported_content() {
    let env = Env::new();
    let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    let html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>";
    let plain_zip = common::zip(&[("notes.txt", b"hello")]);
    let legacy_doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
    let macro_docx = common::zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
        ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
    ]);
    let odf_template = common::zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.text-template",
        ),
        ("content.xml", b"<x/>"),
    ]);
    for (what, data) in [
        ("svg", &svg[..]),
        ("html", &html[..]),
        ("zip", &plain_zip[..]),
        ("doc", &legacy_doc[..]),
        ("docm", &macro_docx[..]),
        ("ott", &odf_template[..]),
    ] {
        let err = env.put(data).await.expect_err(what);
        assert!(
            matches!(err, UploadError::UnsupportedType),
            "{what}: {err:?}"
        );
    }
    env.assert_nothing_kept().await;

    let err = env.put(b"").await.expect_err("empty");
    assert!(matches!(err, UploadError::Empty), "{err:?}");
    let err = env
        .put(b"PK\x03\x04 this is not a zip")
        .await
        .expect_err("broken zip");
    assert!(matches!(err, UploadError::Malformed), "{err:?}");
    env.assert_nothing_kept().await;
}

#[tokio::test]
async fn one_byte_over_the_limit_is_refused() {
    let env = Env::new();
    let mut opts = env.opts();
    opts.max_bytes = 1000;
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(1000, 7);
    let ok = env
        .store
        .put(body(&png, 100), &opts)
        .await
        .expect("exactly at the limit");
    assert_eq!(ok.size, 1000);
    env.store.delete(&ok.sha256).await.expect("delete");

    png.push(7);
    let err = env
        .store
        .put(body(&png, 100), &opts)
        .await
        .expect_err("one byte over");
    assert!(
        matches!(err, UploadError::TooLarge { limit: 1000 }),
        "{err:?}"
    );
    env.assert_nothing_kept().await;
}

#[tokio::test]
async fn an_endless_body_is_cut_off_right_after_the_limit() {
    let env = Env::new();
    let mut opts = env.opts();
    opts.max_bytes = 1024 * 1024;
    const CHUNK: usize = 64 * 1024;
    const TOTAL: u64 = 1 << 30; // 1 GiB, generated lazily
    let pulled = Arc::new(AtomicU64::new(0));
    let counter = pulled.clone();
    let chunk = Bytes::from(vec![0u8; CHUNK]);
    let endless = stream::iter(0..TOTAL / CHUNK as u64).map(move |_| {
        counter.fetch_add(CHUNK as u64, Ordering::SeqCst);
        Ok::<_, std::io::Error>(chunk.clone())
    });
    let started = Instant::now();
    let err = env.store.put(endless, &opts).await.expect_err("too large");
    let elapsed = started.elapsed();
    assert!(matches!(err, UploadError::TooLarge { .. }), "{err:?}");
    let pulled = pulled.load(Ordering::SeqCst);
    assert!(
        pulled <= opts.max_bytes + CHUNK as u64,
        "read {pulled} bytes for a limit of {}",
        opts.max_bytes
    );
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    env.assert_nothing_kept().await;
}

#[tokio::test]
async fn a_failing_body_is_reported_and_nothing_is_kept() {
    let env = Env::new();
    let parts: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(Bytes::from_static(b"%PDF-1.4\n")),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "client went away",
        )),
    ];
    let err = env
        .store
        .put(stream::iter(parts), &env.opts())
        .await
        .expect_err("body error");
    assert!(matches!(err, UploadError::Body(_)), "{err:?}");
    env.assert_nothing_kept().await;
}

/// A DOCX skeleton whose `word/document.xml` is 200 MB of zeros, deflated.
fn docx_bomb() -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let deflate = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(false);
    w.start_file("[Content_Types].xml", deflate).expect("entry");
    w.write_all(b"<Types/>").expect("write");
    w.start_file("word/document.xml", deflate).expect("entry");
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        w.write_all(&zeros).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

#[tokio::test]
async fn zip_bomb_disguised_as_docx_is_refused() {
    let bomb = docx_bomb();
    assert!(bomb.len() < 2 * 1024 * 1024, "bomb is {} bytes", bomb.len());
    let env = Env::new();
    let err = env.put(&bomb).await.expect_err("bomb");
    assert!(matches!(err, UploadError::Bomb), "{err:?}");
    env.assert_nothing_kept().await;

    // The total-size limit on its own catches it too.
    let strict = ArchiveLimits {
        max_ratio: u64::MAX,
        max_unpacked_bytes: 100 * 1024 * 1024,
        ..ArchiveLimits::default()
    };
    assert!(matches!(
        sniff_bytes(&bomb, &strict),
        Err(UploadError::Bomb)
    ));
    // And without any limit it would pass as a DOCX: the checks are what refuse it.
    let lax = ArchiveLimits {
        max_ratio: u64::MAX,
        max_unpacked_bytes: u64::MAX,
        ..ArchiveLimits::default()
    };
    assert_eq!(sniff_bytes(&bomb, &lax).ok(), Some(FileKind::Docx));
}

#[tokio::test]
async fn zip_with_too_many_entries_is_refused() {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    w.start_file("[Content_Types].xml", stored).expect("entry");
    w.write_all(b"<Types/>").expect("write");
    w.start_file("word/document.xml", stored).expect("entry");
    w.write_all(b"<w:document/>").expect("write");
    for i in 0..10_000 {
        w.start_file(format!("word/media/{i}.xml"), stored)
            .expect("entry");
    }
    let many = w.finish().expect("finish").into_inner();

    let env = Env::new();
    let err = env.put(&many).await.expect_err("too many entries");
    assert!(matches!(err, UploadError::Bomb), "{err:?}");
    env.assert_nothing_kept().await;
}

fn assert_text_contains(stored: &Stored, needles: &[&str]) {
    let text = stored.text.as_deref().expect("text extracted");
    for needle in needles {
        assert!(text.contains(needle), "{needle:?} not in {text:?}");
    }
}

#[tokio::test]
async fn office_documents_are_recognised_and_their_text_extracted() {
    let env = Env::new();

    let docx = env
        .put(&common::docx(&["Concept note", ARABIC, TURKISH]))
        .await
        .expect("docx");
    assert_eq!(docx.kind, FileKind::Docx);
    assert_eq!(
        docx.text.as_deref(),
        Some(format!("Concept note\n{ARABIC}\n{TURKISH}\n").as_str())
    );

    let pptx = env
        .put(&common::pptx(&["First slide", ARABIC, TURKISH]))
        .await
        .expect("pptx");
    assert_eq!(pptx.kind, FileKind::Pptx);
    let text = pptx.text.as_deref().expect("pptx text");
    let (first, second, third) = (
        text.find("First slide").expect("slide 1"),
        text.find(ARABIC).expect("slide 2"),
        text.find(TURKISH).expect("slide 3"),
    );
    assert!(
        first < second && second < third,
        "slides out of order: {text:?}"
    );

    let xlsx = env
        .put(&common::xlsx(&["Budget", ARABIC], TURKISH))
        .await
        .expect("xlsx");
    assert_eq!(xlsx.kind, FileKind::Xlsx);
    assert_text_contains(&xlsx, &["Budget", ARABIC, TURKISH]);
    assert!(
        !xlsx.text.as_deref().unwrap_or("").contains("42"),
        "numbers are not text"
    );

    for (kind, odf) in [
        (FileKind::Odt, "text"),
        (FileKind::Ods, "spreadsheet"),
        (FileKind::Odp, "presentation"),
    ] {
        let stored = env
            .put(&common::odf(odf, &["Practice sheet", ARABIC, TURKISH]))
            .await
            .expect("odf");
        assert_eq!(stored.kind, kind);
        assert_eq!(
            stored.text.as_deref(),
            Some(format!("Practice sheet\n{ARABIC}\n{TURKISH}\n").as_str())
        );
    }
    assert_eq!(env.stored().await.len(), 6);
    assert_eq!(env.scratch_files(), 0);
}

#[tokio::test]
async fn text_is_capped_at_a_char_boundary() {
    let env = Env::new();
    let long: Vec<String> = (0..200).map(|_| ARABIC.to_owned()).collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let mut opts = env.opts();
    opts.text_cap = 1001;
    let stored = env
        .store
        .put(body(&common::docx(&long), 4096), &opts)
        .await
        .expect("docx");
    let text = stored.text.expect("text");
    assert!(text.len() <= 1001 && text.len() > 990, "{}", text.len());
    assert!(text.starts_with(ARABIC));
}

#[tokio::test]
async fn pdf_text_is_extracted() {
    let env = Env::new();
    let pages = vec![
        vec![
            "Refugee language courses".to_owned(),
            "Gaziantep 2024".to_owned(),
        ],
        vec!["Second page (with parentheses)".to_owned()],
    ];
    for compress in [false, true] {
        let pdf = common::pdf(&pages, compress);
        let stored = env.put(&pdf).await.expect("pdf");
        assert_eq!(stored.kind, FileKind::Pdf);
        assert_text_contains(
            &stored,
            &[
                "Refugee language courses",
                "Gaziantep 2024",
                "Second page (with parentheses)",
            ],
        );
        let text = stored.text.as_deref().unwrap_or("");
        assert!(
            text.find("Gaziantep") < text.find("Second page"),
            "{text:?}"
        );
    }
}

#[tokio::test]
async fn corrupt_pdf_is_stored_without_text() {
    let env = Env::new();
    let mut corrupt = b"%PDF-1.7\n".to_vec();
    let mut words = common::Words::new(7);
    corrupt.extend_from_slice(words.line(5000).as_bytes());
    corrupt
        .extend_from_slice(b"\n1 0 obj << /Type /Page /Contents 9 0 R >> stream\n\xff\xfe garbage");
    let stored = env.put(&corrupt).await.expect("stored anyway");
    assert_eq!(stored.kind, FileKind::Pdf);
    assert_eq!(stored.text, None);
    assert_eq!(env.stored().await, vec![stored.sha256]);

    // Truncated in the middle of a real document.
    let good = common::pdf(&[vec!["Hello".to_owned()]], true);
    let stored = env
        .put(&good[..good.len() / 2])
        .await
        .expect("stored anyway");
    assert_eq!(stored.kind, FileKind::Pdf);
}

/// A page whose form XObject draws itself: pdf-extract would recurse until
/// the stack overflows (which aborts the process); the guard refuses it.
#[tokio::test]
async fn self_referencing_pdf_form_does_not_crash() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        common::stream_object(b"/X1 Do", false),
        common::stream_object_with(b"/X1 Do", false, " /Type /XObject /Subtype /Form /BBox [0 0 10 10]"),
    ];
    let pdf = common::assemble_pdf(&objects);
    let env = Env::new();
    let stored = env.put(&pdf).await.expect("stored");
    assert_eq!(stored.kind, FileKind::Pdf);
    assert_eq!(stored.text, None);

    // A page tree whose /Parent points back at itself.
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec(),
        common::stream_object(b"BT (x) Tj ET", false),
    ];
    let stored = env
        .put(&common::assemble_pdf(&objects))
        .await
        .expect("stored");
    assert_eq!(stored.kind, FileKind::Pdf);
}

#[tokio::test]
async fn images_are_recognised_by_their_magic_bytes() {
    let env = Env::new();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.resize(100, 0);
    let mut jpeg = b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec();
    jpeg.resize(100, 0);
    let mut webp = b"RIFF\x50\0\0\0WEBPVP8 ".to_vec();
    webp.resize(100, 0);
    for (kind, data) in [
        (FileKind::Png, png),
        (FileKind::Jpeg, jpeg),
        (FileKind::Webp, webp),
    ] {
        let stored = env.put(&data).await.expect("image");
        assert_eq!(stored.kind, kind);
        assert_eq!(stored.text, None);
        assert!(stored.kind.is_image());
    }
}

#[tokio::test]
async fn same_bytes_twice_are_stored_once() {
    let env = Env::new();
    let doc = common::docx(&["Same report"]);
    let first = env.put(&doc).await.expect("first");
    let second = env
        .store
        .put(body(&doc, 7), &env.opts())
        .await
        .expect("second");
    assert_eq!(first.sha256, second.sha256);
    assert_eq!(first.sha256, Sha256::digest(&doc));
    assert!(!first.already_present);
    assert!(second.already_present);
    assert_eq!(second.text, first.text);
    assert_eq!(env.stored().await, vec![first.sha256]);
    assert_eq!(env.scratch_files(), 0);
}

#[tokio::test]
async fn local_store_round_trip() {
    let root = tempfile::tempdir().expect("root");
    let nested = root.path().join("files");
    let store = FileStore::local(&nested).expect("local store");
    let scratch = tempfile::tempdir().expect("scratch");
    let mut opts = PutOptions::new(scratch.path().join("new-scratch"));
    opts.extract_text = false;
    // Big enough to take the multipart path (over 8 MiB).
    let mut words = common::Words::new(3);
    let lines: Vec<Vec<String>> = (0..200)
        .map(|_| (0..60).map(|_| words.line(90)).collect())
        .collect();
    let mut pdf = common::pdf(&lines, false);
    while pdf.len() < 9 * 1024 * 1024 {
        pdf.extend_from_slice(b"% padding after the end of the document\n");
    }
    let small = common::pdf(&lines[..1], false);
    for data in [&small, &pdf] {
        let stored = store.put(body(data, 64 * 1024), &opts).await.expect("put");
        assert_eq!(stored.kind, FileKind::Pdf);
        assert_eq!(stored.text, None);
        assert!(store.exists(&stored.sha256).await.expect("exists"));
        let hex = stored.sha256.to_hex();
        let on_disk = nested
            .join("sha256")
            .join(&hex[0..2])
            .join(&hex[2..4])
            .join(&hex);
        assert_eq!(
            std::fs::metadata(&on_disk).expect("file on disk").len(),
            data.len() as u64
        );
        let download = store.get(&stored.sha256).await.expect("get");
        assert_eq!(download.size, data.len() as u64);
        assert_eq!(&download.bytes().await.expect("bytes"), data);
    }
    assert_eq!(
        std::fs::read_dir(scratch.path().join("new-scratch"))
            .expect("scratch")
            .count(),
        0
    );

    let missing = Sha256::digest(b"never stored");
    assert!(!store.exists(&missing).await.expect("exists"));
    assert!(matches!(
        store.get(&missing).await,
        Err(majlis_files::StoreError::NotFound)
    ));

    // Reopened through a file:// URL, the same files are there.
    let url = format!("file://{}", nested.display());
    let again = FileStore::from_url(&url, &[]).expect("from url");
    assert_eq!(
        again
            .list()
            .try_collect::<Vec<_>>()
            .await
            .expect("list")
            .len(),
        2
    );
}

#[test]
fn store_urls() {
    assert!(FileStore::from_url("memory://", &[]).is_ok());
    let s3 = FileStore::from_url(
        "s3://majlis-files/uploads",
        &[
            ("endpoint".to_owned(), "http://127.0.0.1:9000".to_owned()),
            ("region".to_owned(), "eu-central-1".to_owned()),
            ("access_key_id".to_owned(), "key".to_owned()),
            ("secret_access_key".to_owned(), "secret".to_owned()),
            ("allow_http".to_owned(), "true".to_owned()),
        ],
    );
    assert!(s3.is_ok(), "{s3:?}");
    assert!(matches!(
        FileStore::from_url("s3://bucket", &[("endpiont".to_owned(), "x".to_owned())]),
        Err(majlis_files::StoreError::Config(_))
    ));
    assert!(matches!(
        FileStore::from_url("gs://bucket", &[]),
        Err(majlis_files::StoreError::Config(_))
    ));
    assert!(matches!(
        FileStore::from_url("not a url", &[]),
        Err(majlis_files::StoreError::Config(_))
    ));
}

/// A PDF whose page content inflates to 300 MB: refused before lopdf loads
/// it (which would hold it all in memory); the file is still stored.
#[tokio::test]
async fn pdf_flate_bomb_is_not_inflated() {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..300 {
        enc.write_all(&spaces).expect("compress");
    }
    let bomb = enc.finish().expect("compress");
    let mut content = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        bomb.len()
    )
    .into_bytes();
    content.extend_from_slice(&bomb);
    content.extend_from_slice(b"\nendstream");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        content,
    ];
    let pdf = common::assemble_pdf(&objects);
    assert!(pdf.len() < 4 * 1024 * 1024, "{} bytes", pdf.len());
    let env = Env::new();
    let started = Instant::now();
    let stored = env.put(&pdf).await.expect("stored");
    assert_eq!(stored.kind, FileKind::Pdf);
    assert_eq!(stored.text, None);
    assert!(started.elapsed() < Duration::from_secs(60));
}

/// A PDF whose stream is Flate inside Flate (each layer modest, together
/// 100 MB): the load guard follows the real filter chain and empties it,
/// and the text of the other page survives.
#[tokio::test]
async fn pdf_double_flate_stream_is_emptied() {
    let compress = |data: &[u8]| {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).expect("compress");
        enc.finish().expect("compress")
    };
    let inner = {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..100 {
            enc.write_all(&spaces).expect("compress");
        }
        enc.finish().expect("compress")
    };
    let outer = compress(&inner);
    let mut bomb = format!(
        "<< /Length {} /Filter [/FlateDecode /FlateDecode] >>\nstream\n",
        outer.len()
    )
    .into_bytes();
    bomb.extend_from_slice(&outer);
    bomb.extend_from_slice(b"\nendstream");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>".to_vec(),
        common::stream_object(b"BT /F1 10 Tf 50 800 Td (Survivor text) Tj ET", true),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>".to_vec(),
        bomb,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    let env = Env::new();
    let stored = env
        .put(&common::assemble_pdf(&objects))
        .await
        .expect("stored");
    assert_eq!(stored.kind, FileKind::Pdf);
    assert_text_contains(&stored, &["Survivor text"]);
}

/// Axum handlers need `Send` futures.
#[test]
fn put_and_get_futures_are_send() {
    fn assert_send<T: Send>(_: T) {}
    let store = FileStore::memory();
    let opts = PutOptions::new(std::env::temp_dir());
    assert_send(store.put(body(b"x", 1), &opts));
    assert_send(store.get(&Sha256::digest(b"x")));
    assert_send(store.clone());
}
