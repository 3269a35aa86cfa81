//! Upload benchmark: `cargo bench -p majlis-files`.
//!
//! Generates a ~20 MB text PDF and a ~20 MB DOCX in a temporary folder, then
//! runs each case in a child process of its own (this executable, re-run with
//! `--case`) so that each case's peak resident memory (VmHWM) is its own.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::stream;
use majlis_files::{DEFAULT_TEXT_CAP, FileKind, FileStore, PutOptions, extract_text};
use tokio::io::AsyncReadExt;

const TARGET: usize = 20 * 1000 * 1000;

/// Counts heap bytes: the `peak heap` column.
#[global_allocator]
static HEAP: common::PeakAlloc = common::PeakAlloc::new();

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let case = args.get(i + 1).map(String::as_str).unwrap_or("");
        let file = args.get(i + 2).map(PathBuf::from).unwrap_or_default();
        let runs: usize = args.get(i + 3).and_then(|r| r.parse().ok()).unwrap_or(3);
        child(case, &file, runs);
        return;
    }

    // MAJLIS_BENCH_DIR keeps the fixtures there (to run a case by hand:
    // `upload --case "put PDF + extraction" DIR/big.pdf 1`).
    let temp = tempfile::tempdir().expect("temp dir");
    let dir =
        std::env::var_os("MAJLIS_BENCH_DIR").map_or_else(|| temp.path().to_owned(), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("fixture dir");
    let started = Instant::now();
    let pdf = dir.join("big.pdf");
    std::fs::write(&pdf, big_pdf()).expect("write pdf");
    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, image_pdf()).expect("write pdf");
    let docx = dir.join("big.docx");
    std::fs::write(&docx, big_docx()).expect("write docx");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!(
        "fixtures: text PDF {:.1} MB, scanned PDF {:.1} MB, DOCX {:.1} MB (generated in {:.1?})",
        size(&pdf) as f64 / 1e6,
        size(&scan) as f64 / 1e6,
        size(&docx) as f64 / 1e6,
        started.elapsed()
    );
    println!();
    println!(
        "{:<34} {:>4} {:>10} {:>12} {:>12} {:>12} {:>10}",
        "case", "runs", "median", "throughput", "peak RSS", "peak heap", "text"
    );
    let exe = std::env::current_exe().expect("own path");
    let cases: [(&str, &Path, usize); 11] = [
        ("baseline (runtime, no work)", &pdf, 1),
        ("put PDF, no extraction", &pdf, 5),
        ("extract PDF (2 MiB text cap)", &pdf, 3),
        ("extract PDF (no cap)", &pdf, 3),
        ("put PDF + extraction", &pdf, 3),
        ("extract scanned PDF", &scan, 3),
        ("put scanned PDF + extraction", &scan, 3),
        ("put DOCX, no extraction", &docx, 5),
        ("extract DOCX (2 MiB text cap)", &docx, 3),
        ("extract DOCX (no cap)", &docx, 3),
        ("put DOCX + extraction", &docx, 3),
    ];
    for (case, file, runs) in cases {
        let out = Command::new(&exe)
            .args([
                "--case",
                case,
                &file.display().to_string(),
                &runs.to_string(),
            ])
            .output()
            .expect("run case");
        let stdout = String::from_utf8_lossy(&out.stdout);
        match stdout.lines().find_map(|l| l.strip_prefix("RESULT ")) {
            Some(result) => println!("{case:<34} {result}"),
            None => println!(
                "{case:<34} failed: {}",
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ),
        }
    }
}

/// Runs one case `runs` times and prints `RESULT runs median throughput peak text`.
fn child(case: &str, file: &Path, runs: usize) {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let kind = if case.contains("DOCX") {
        FileKind::Docx
    } else {
        FileKind::Pdf
    };
    let cap = if case.contains("no cap") {
        usize::MAX
    } else {
        DEFAULT_TEXT_CAP
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let work = tempfile::tempdir().expect("work dir");
    let store = FileStore::local(&work.path().join("store")).expect("store");
    let mut opts = PutOptions::new(work.path().join("scratch"));
    opts.extract_text = case.contains("+ extraction");

    let mut times = Vec::new();
    let mut text_len = 0;
    for _ in 0..runs {
        let started = Instant::now();
        if case.starts_with("baseline") {
            rt.block_on(async {});
        } else if case.starts_with("extract") {
            text_len = extract_text(kind, file, cap).map_or(0, |t| t.len());
        } else {
            let stored = rt
                .block_on(async { store.put(file_stream(file).await, &opts).await })
                .expect("put");
            assert_eq!(stored.kind, kind);
            text_len = stored.text.as_ref().map_or(0, String::len);
            times.push(started.elapsed());
            // Next run writes again rather than finding the file present.
            rt.block_on(store.delete(&stored.sha256)).expect("delete");
            continue;
        }
        times.push(started.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let throughput = if case.starts_with("baseline") {
        "-".to_owned()
    } else {
        format!("{:.1} MB/s", size as f64 / 1e6 / median.as_secs_f64())
    };
    println!(
        "RESULT {:>4} {:>10} {:>12} {:>12} {:>12} {:>10}",
        runs,
        format_duration(median),
        throughput,
        format!("{:.1} MB", peak_rss_kb() as f64 * 1024.0 / 1e6),
        format!("{:.1} MB", HEAP.peak() as f64 / 1e6),
        if text_len >= 100_000 {
            format!("{:.2} MB", text_len as f64 / 1e6)
        } else if text_len > 0 {
            format!("{:.1} kB", text_len as f64 / 1e3)
        } else {
            "-".to_owned()
        }
    );
}

fn format_duration(d: Duration) -> String {
    if d < Duration::from_millis(10) {
        format!("{:.2} ms", d.as_secs_f64() * 1e3)
    } else {
        format!("{:.0} ms", d.as_secs_f64() * 1e3)
    }
}

/// Peak resident set size of this process, from /proc/self/status.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// The file as a body stream of 64 KB chunks, read as it is consumed.
async fn file_stream(
    path: &Path,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + use<> {
    let file = tokio::fs::File::open(path).await.expect("open");
    stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(Bytes::from(buf)), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    })
}

/// ~20 MB PDF: pages of 60 lines of text; every 50th page's content compressed.
fn big_pdf() -> Vec<u8> {
    let mut words = common::Words::new(42);
    let mut pages = Vec::new();
    let mut approx = 0;
    while approx < TARGET {
        let lines: Vec<String> = (0..60).map(|_| words.line(90)).collect();
        approx += lines.iter().map(|l| l.len() + 8).sum::<usize>() + 300;
        pages.push(lines);
    }
    // Mostly uncompressed so the file is ~20 MB of text; a few compressed pages.
    pdf_mixed(&pages)
}

/// Like `common::pdf`, compressing every 50th page's content stream.
fn pdf_mixed(pages: &[Vec<String>]) -> Vec<u8> {
    let mut objects = common::pdf_head(pages.len(), 4, 2);
    for (i, lines) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut content = String::from("BT /F1 10 Tf 12 TL 50 800 Td\n");
        for line in lines {
            content.push_str(&format!("({line}) Tj T*\n"));
        }
        content.push_str("ET\n");
        objects.push(common::stream_object(content.as_bytes(), i % 50 == 0));
    }
    common::assemble_pdf(&objects)
}

/// ~20 MB PDF as a scanned report is: 40 pages, each a ~500 KB JPEG-coded
/// image (random bytes; never decoded) and a line of text.
fn image_pdf() -> Vec<u8> {
    let mut words = common::Words::new(9);
    let pages = 40;
    let image_len = TARGET / pages;
    let mut objects = common::pdf_head(pages, 4, 3);
    let mut noise = 0x9e37_79b9_7f4a_7c15_u64;
    for i in 0..pages {
        let (content, image) = (5 + 3 * i, 6 + 3 * i);
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 {image} 0 R >> >> /Contents {content} 0 R >>"
            )
            .into_bytes(),
        );
        let text = format!(
            "q 595 0 0 800 0 42 cm /Im1 Do Q BT /F1 10 Tf 50 20 Td ({}) Tj ET",
            words.line(80)
        );
        objects.push(common::stream_object(text.as_bytes(), false));
        let pixels: Vec<u8> = (0..image_len)
            .map(|_| {
                noise ^= noise << 13;
                noise ^= noise >> 7;
                noise ^= noise << 17;
                noise as u8
            })
            .collect();
        let mut body = format!(
            "<< /Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {image_len} >>\nstream\n"
        )
        .into_bytes();
        body.extend_from_slice(&pixels);
        body.extend_from_slice(b"\nendstream");
        objects.push(body);
    }
    common::assemble_pdf(&objects)
}

/// ~20 MB DOCX of pseudo-random words (deflates about 3:1).
fn big_docx() -> Vec<u8> {
    let mut words = common::Words::new(7);
    let paragraphs: Vec<String> = (0..TARGET * 3 / 400).map(|_| words.line(400)).collect();
    let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    common::docx(&refs)
}
