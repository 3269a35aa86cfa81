//! Fixture builders shared by the tests and the benchmark: everything is
//! generated in code, nothing binary is committed.
#![allow(dead_code)]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A ZIP archive of `(name, content)` entries, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in entries {
        let method = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        w.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .expect("start entry");
        w.write_all(content).expect("write entry");
    }
    w.finish().expect("finish zip").into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `word/document.xml` with one `w:p` per paragraph.
pub fn docx_document_xml(paragraphs: &[&str]) -> String {
    let mut body = String::new();
    for p in paragraphs {
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            esc(p)
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

/// A minimal DOCX.
pub fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let doc = docx_document_xml(paragraphs);
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", b"<Relationships/>"),
        ("word/document.xml", doc.as_bytes()),
    ])
}

/// A minimal PPTX, one text per slide (written out of order on purpose).
pub fn pptx(slides: &[&str]) -> Vec<u8> {
    let xmls: Vec<(String, String)> = slides
        .iter()
        .enumerate()
        .map(|(i, text)| {
            (
                format!("ppt/slides/slide{}.xml", i + 1),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"#,
                    esc(text)
                ),
            )
        })
        .collect();
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("ppt/presentation.xml", b"<p:presentation xmlns:p=\"p\"/>"),
    ];
    for (name, xml) in xmls.iter().rev() {
        entries.push((name, xml.as_bytes()));
    }
    zip(&entries)
}

/// A minimal XLSX: shared strings plus one inline string in the sheet.
pub fn xlsx(shared: &[&str], inline: &str) -> Vec<u8> {
    let sst: String = shared
        .iter()
        .map(|s| format!("<si><t>{}</t></si>", esc(s)))
        .collect();
    let sst = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{sst}</sst>"#,
        shared.len()
    );
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c><c r="C1" t="inlineStr"><is><t>{}</t></is></c></row></sheetData></worksheet>"#,
        esc(inline)
    );
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/sharedStrings.xml", sst.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

/// A minimal OpenDocument file of the given type (`text`, `spreadsheet`, `presentation`).
pub fn odf(kind: &str, paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<text:p>{}</text:p>", esc(p)))
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles/><office:body><office:{kind}>{body}</office:{kind}></office:body></office:document-content>"#
    );
    let mime = format!("application/vnd.oasis.opendocument.{kind}");
    zip(&[
        ("mimetype", mime.as_bytes()),
        ("META-INF/manifest.xml", b"<manifest/>"),
        ("content.xml", content.as_bytes()),
    ])
}

/// The first objects of the fixtures' PDFs: 1 the catalog, 2 the page tree
/// (`pages` pages, object `first + step * i` for page `i`), 3 Helvetica.
pub fn pdf_head(pages: usize, first: usize, step: usize) -> Vec<Vec<u8>> {
    let kids: Vec<String> = (0..pages)
        .map(|i| format!("{} 0 R", first + step * i))
        .collect();
    vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ]
}

/// A PDF with one page per entry of `pages`, each a list of text lines in
/// Helvetica (WinAnsi). Content streams are Flate-compressed when `compress`.
pub fn pdf(pages: &[Vec<String>], compress: bool) -> Vec<u8> {
    // 1: catalog, 2: pages, 3: font, then (page, content) pairs.
    let mut objects = pdf_head(pages.len(), 4, 2);
    for (i, lines) in pages.iter().enumerate() {
        let content_id = 5 + 2 * i;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        let mut content = String::from("BT /F1 10 Tf 12 TL 50 800 Td\n");
        for line in lines {
            let escaped = line
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!("({escaped}) Tj T*\n"));
        }
        content.push_str("ET\n");
        objects.push(stream_object(content.as_bytes(), compress));
    }
    assemble_pdf(&objects)
}

/// A stream object body (dictionary + stream), optionally Flate-compressed.
pub fn stream_object(data: &[u8], compress: bool) -> Vec<u8> {
    stream_object_with(data, compress, "")
}

/// Like [`stream_object`] with extra dictionary entries.
pub fn stream_object_with(data: &[u8], compress: bool, extra: &str) -> Vec<u8> {
    let (data, filter) = if compress {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(data).expect("compress");
        (enc.finish().expect("compress"), " /Filter /FlateDecode")
    } else {
        (data.to_vec(), "")
    };
    let mut out = format!("<< /Length {}{filter}{extra} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// Numbers `objects` from 1, writes the xref table and trailer (root = 1).
pub fn assemble_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Deterministic pseudo-random words (xorshift), for bulky realistic text.
pub struct Words(u64);

impl Words {
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A line of about `len` characters of lowercase words.
    pub fn line(&mut self, len: usize) -> String {
        const SYLLABLES: [&str; 16] = [
            "ka", "lo", "mer", "tan", "si", "ve", "dor", "ra", "nu", "bel", "gaz", "ist", "an",
            "ul", "sha", "hin",
        ];
        let mut s = String::with_capacity(len + 8);
        while s.len() < len {
            let n = 1 + self.next() % 4;
            for _ in 0..n {
                s.push_str(SYLLABLES[(self.next() % 16) as usize]);
            }
            s.push(' ');
        }
        s
    }
}

/// The first bytes of an x86-64 ELF executable.
pub fn elf() -> Vec<u8> {
    let mut v = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0".to_vec();
    v.resize(4096, 0x90);
    v
}

/// The system allocator, counting the bytes in use and their peak. A test
/// or benchmark binary installs it with `#[global_allocator]`.
pub struct PeakAlloc {
    current: std::sync::atomic::AtomicUsize,
    peak: std::sync::atomic::AtomicUsize,
}

impl PeakAlloc {
    pub const fn new() -> Self {
        Self {
            current: std::sync::atomic::AtomicUsize::new(0),
            peak: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Starts a new measurement: the peak becomes what is in use now.
    pub fn reset_peak(&self) {
        use std::sync::atomic::Ordering::SeqCst;
        self.peak.store(self.current.load(SeqCst), SeqCst);
    }

    /// Bytes in use now.
    pub fn current(&self) -> usize {
        self.current.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Most bytes in use at once since the last [`Self::reset_peak`].
    pub fn peak(&self) -> usize {
        self.peak.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn grew(&self, by: usize) {
        use std::sync::atomic::Ordering::Relaxed;
        let now = self.current.fetch_add(by, Relaxed) + by;
        if now > self.peak.load(Relaxed) {
            self.peak.fetch_max(now, Relaxed);
        }
    }
}

impl Default for PeakAlloc {
    fn default() -> Self {
        Self::new()
    }
}

// SAFETY: every call is passed to `System` unchanged; only sizes are counted.
unsafe impl std::alloc::GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { std::alloc::System.alloc(layout) };
        if !p.is_null() {
            self.grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { std::alloc::System.dealloc(ptr, layout) };
        self.current
            .fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { std::alloc::System.alloc_zeroed(layout) };
        if !p.is_null() {
            self.grew(layout.size());
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { std::alloc::System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                self.grew(new_size - layout.size());
            } else {
                self.current.fetch_sub(
                    layout.size() - new_size,
                    std::sync::atomic::Ordering::Relaxed,
                );
            }
        }
        p
    }
}
