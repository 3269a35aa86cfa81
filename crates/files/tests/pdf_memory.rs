//! PDF text extraction holds far less than the file's size on the heap
//! (the whole-document design held two to three times it). A test binary of
//! its own: it counts every allocation of the process.

mod common;

use majlis_files::{FileKind, extract_text};

#[global_allocator]
static HEAP: common::PeakAlloc = common::PeakAlloc::new();

/// Pages whose text is one line and whose bulk is vector drawing (as in a
/// report full of charts), so that the text extracted stays small and the
/// heap measured is what the document costs.
fn drawing_pages(pages: usize) -> (Vec<u8>, Vec<String>, Vec<u8>) {
    let mut words = common::Words::new(5);
    let mut noise = 0x2545_f491_4f6c_dd1d_u64;
    let mut coordinate = move || {
        noise ^= noise << 13;
        noise ^= noise >> 7;
        noise ^= noise << 17;
        noise % 600
    };
    let mut lines = Vec::new();
    let mut objects = common::pdf_head(pages, 4, 2);
    let mut compressed = Vec::new();
    for i in 0..pages {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let line = words.line(80);
        let mut content = format!("BT /F1 10 Tf 50 800 Td ({line}) Tj ET\n");
        for _ in 0..300 {
            let (a, b, c, d) = (coordinate(), coordinate(), coordinate(), coordinate());
            content.push_str(&format!("{a} {b} m {c} {d} l S\n"));
        }
        lines.push(line);
        objects.push(common::stream_object(content.as_bytes(), false));
        compressed.push(common::stream_object(content.as_bytes(), true));
    }
    let plain = common::assemble_pdf(&objects);
    for (i, stream) in compressed.into_iter().enumerate() {
        objects[4 + 2 * i] = stream;
    }
    (plain, lines, common::assemble_pdf(&objects))
}

#[test]
fn pdf_extraction_holds_a_fraction_of_the_file() {
    let (plain, lines, compressed) = drawing_pages(600);
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, pdf) in [("plain", plain), ("compressed", compressed)] {
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf).expect("write");
        let len = pdf.len();
        drop(pdf);
        HEAP.reset_peak();
        let before = HEAP.current();
        let text = extract_text(FileKind::Pdf, &path, usize::MAX).expect("text");
        let peak = HEAP.peak().saturating_sub(before);
        eprintln!(
            "{name}: file {len} B, text {} B, heap peak {peak} B ({:.2} of the file)",
            text.len(),
            peak as f64 / len as f64
        );
        for line in [&lines[0], &lines[299], &lines[599]] {
            assert!(text.contains(line.as_str()), "{name}: {line} missing");
        }
        assert!(
            peak < len / 2,
            "{name}: extraction held {peak} B at once for a file of {len} B"
        );
    }
}
