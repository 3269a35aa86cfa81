//! Helpers around poppler's command-line tools.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use majlis_print::Printer;

/// One printer for all tests, as the app keeps one per process.
pub fn printer() -> &'static Printer {
    static PRINTER: OnceLock<Printer> = OnceLock::new();
    PRINTER.get_or_init(Printer::new)
}

/// `<target>/test-artifacts/print/`, created if missing. Rendered pages are
/// kept there for a person to look at.
pub fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("..")
        .join("test-artifacts")
        .join("print");
    std::fs::create_dir_all(&dir).expect("create the test artifact directory");
    dir
}

/// Writes `pdf` to the artifact directory as `<name>.pdf` and returns its path.
pub fn save(name: &str, pdf: &[u8]) -> PathBuf {
    assert!(pdf.starts_with(b"%PDF-"), "{name}: not a PDF");
    let path = artifacts().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("write the PDF");
    path
}

/// Runs a poppler tool and returns its standard output.
pub fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} (install poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// The text of the whole PDF (or of the pages `first..=last`), in logical
/// (reading) order, with every run of white space collapsed to one space.
pub fn pdf_text(pdf: &Path, pages: Option<(u32, u32)>) -> String {
    let mut args = vec!["-enc".to_owned(), "UTF-8".to_owned()];
    if let Some((first, last)) = pages {
        args.extend([
            "-f".to_owned(),
            first.to_string(),
            "-l".to_owned(),
            last.to_string(),
        ]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    normalise(&run("pdftotext", &args, pdf))
}

/// Drops the invisible direction marks pdftotext wraps right-to-left lines
/// in (U+202B … U+202C) and the isolates and word joiners of the table of
/// contents, then collapses every run of white space to one space.
pub fn normalise(s: &str) -> String {
    let visible: String = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}'
            )
        })
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `haystack` contains `needle` once both are normalised.
#[track_caller]
pub fn assert_contains(haystack: &str, needle: &str) {
    let needle = normalise(needle);
    assert!(
        haystack.contains(&needle),
        "missing {needle:?} in:\n{haystack}"
    );
}

/// Asserts that `haystack` does not contain `needle` once both are normalised.
#[track_caller]
pub fn assert_lacks(haystack: &str, needle: &str) {
    let needle = normalise(needle);
    assert!(
        !haystack.contains(&needle),
        "unexpected {needle:?} in:\n{haystack}"
    );
}

/// The text of each page, normalised.
pub fn page_texts(pdf: &Path) -> Vec<String> {
    (1..=pages(pdf))
        .map(|p| pdf_text(pdf, Some((p, p))))
        .collect()
}

/// A word's box on a page, in points from the top left corner.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
}

/// The words of one page with their boxes (`pdftotext -bbox`). Poppler
/// gives the characters of a right-to-left word in visual order here, so
/// [`find_word`] matches either order.
pub fn words(pdf: &Path, page: u32) -> Vec<Word> {
    let p = page.to_string();
    let out = run(
        "pdftotext",
        &["-bbox", "-enc", "UTF-8", "-f", &p, "-l", &p],
        pdf,
    );
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let end = start + line[start..].find('"').expect("closing quote");
        line[start..end].parse().expect("a number")
    };
    out.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<word "))
        .map(|l| {
            let text_start = l.find('>').expect("tag end") + 1;
            let text_end = l.rfind("</word>").expect("closing tag");
            Word {
                text: normalise(&unescape(&l[text_start..text_end])),
                x_min: attr(l, "xMin"),
                x_max: attr(l, "xMax"),
                y_min: attr(l, "yMin"),
            }
        })
        .collect()
}

/// Undoes the XML escapes of `pdftotext -bbox`.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The topmost word that reads `word` (in logical or visual order; poppler
/// may glue the first dot of a contents line to the word before it).
#[track_caller]
pub fn find_word<'a>(words: &'a [Word], word: &str) -> &'a Word {
    let reversed: String = word.chars().rev().collect();
    words
        .iter()
        .filter(|w| w.text.split(' ').any(|t| t == word || t == reversed))
        .min_by(|a, b| a.y_min.total_cmp(&b.y_min))
        .unwrap_or_else(|| panic!("no word {word:?} on the page: {words:?}"))
}

/// A4 width in points, and the templates' side margins (2.2 cm).
pub const PAGE_WIDTH: f64 = 595.2756;
pub const MARGIN: f64 = 62.3622;

/// Asserts that the page's footer shows `number`: the page number is one of
/// the page's last words (its place in the extracted text depends on the
/// direction of the page's body).
#[track_caller]
pub fn assert_page_number(page: &str, number: &str) {
    let compact = page.replace(' ', "");
    let tail: Vec<&str> = page.split(' ').rev().take(8).collect();
    assert!(
        tail.contains(&number) || compact.ends_with(&number.replace(' ', "")),
        "no page number {number:?} at the end of:\n{page}"
    );
}

/// Number of pages, from `pdfinfo`.
pub fn pages(pdf: &Path) -> u32 {
    info(pdf, "Pages").parse().expect("a page count")
}

/// One field of `pdfinfo`, e.g. "Title".
pub fn info(pdf: &Path, field: &str) -> String {
    let out = run("pdfinfo", &["-enc", "UTF-8"], pdf);
    out.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

/// The fonts `pdffonts` lists, as (name, embedded).
pub fn fonts(pdf: &Path) -> Vec<(String, bool)> {
    let out = run("pdffonts", &[], pdf);
    out.lines()
        .skip(2)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // name type… encoding emb sub uni object-id generation
            (cols.len() >= 7).then(|| (cols[0].to_owned(), cols[cols.len() - 5] == "yes"))
        })
        .collect()
}

/// Renders pages `first..=last` (as far as the document goes) at 60 dpi to
/// `<artifacts>/<name>-N.png` and returns the paths.
pub fn png(pdf: &Path, name: &str, first: u32, last: u32) -> Vec<PathBuf> {
    let prefix = artifacts().join(name);
    let status = Command::new("pdftoppm")
        .args([
            "-r",
            "60",
            "-f",
            &first.to_string(),
            "-l",
            &last.to_string(),
            "-png",
        ])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("cannot run pdftoppm (install poppler-utils)");
    assert!(status.success(), "pdftoppm failed");
    (first..=last.min(pages(pdf)))
        .map(|page| {
            // pdftoppm pads the page number to the width of the page count.
            (1..=3)
                .map(|width| artifacts().join(format!("{name}-{page:0width$}.png")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("pdftoppm wrote no page {page} for {name}"))
        })
        .collect()
}
