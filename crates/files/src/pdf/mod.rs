//! PDF text extraction in memory bounded by the file size, not a multiple.
//!
//! `pdf-extract` works on a whole `lopdf::Document`, and `lopdf` parses
//! every object up front, copying every stream out of the file: the
//! whole-document design held two to three times the file. Here:
//!
//! * **Parse:** the file is mapped, not read onto the heap, and `lopdf`
//!   parses it with a load filter ([`store`]) that keeps in the document
//!   only the catalog and the page tree. Every other object goes, in a
//!   compact form ([`compact`]), to one byte arena; a stream's content is
//!   dropped at once (where it lies in the file is kept). The map is
//!   released once the parse is done.
//! * **Pages, one at a time:** the objects a page reaches are put back into
//!   the document (stream contents read back from the file and checked by
//!   CRC), `pdf-extract` runs on that page alone (the catalog points at a
//!   one-page tree while it does), and the objects are taken out again.
//!
//! The heap thus holds the arena (about the size of the file's
//! dictionaries, without its streams) and one page's objects.
//!
//! Guards ([`guards`]) stand between hostile files and the two crates: a
//! raw pre-scan refuses Flate bombs before anything is parsed, each
//! stream's decoded size is bounded, a page whose forms or tree would make
//! `pdf-extract` recurse without end is skipped, each page runs under
//! `catch_unwind` (the crate panics on many malformed files), and a time
//! limit stops the whole extraction.

mod compact;
mod guards;
mod pager;
mod store;

use std::cell::Cell;
use std::fs::File;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use crate::extract::TextSink;
use guards::{FormCheck, page_is_safe, pdf_inflation_within_limits};
use pager::Pager;
use store::Store;

/// Time after which PDF text extraction stops, keeping what it has.
const PDF_TIME_LIMIT: Duration = Duration::from_secs(30);

/// Extracts the text of the PDF at `path` into `sink`. `None` when the file
/// cannot be read, is encrypted, or is refused by the pre-scan.
pub(crate) fn pdf_text(path: &Path, sink: &mut TextSink) -> Option<()> {
    let _extracting = Extracting::start();
    let file = File::open(path).ok()?;
    // SAFETY: the map is read while `lopdf` parses and is dropped before
    // the pages are extracted. The files extracted are upload scratch files
    // and content-addressed store files, which nothing writes in place;
    // were one truncated meanwhile, reading the map would fault. Mapping
    // rather than reading keeps the bytes in the page cache (where the
    // upload just put them) instead of copying them onto the heap.
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    let data: &[u8] = &map;
    let pager = Pager::new(data);
    if !pdf_inflation_within_limits(data, &pager) {
        return None;
    }
    // lopdf's loader for encrypted files bypasses the load filter.
    if contains(data, b"/Encrypt", &pager) {
        return None;
    }
    // lopdf parses from the header on; its positions count from there.
    let header = data.windows(5).position(|w| w == b"%PDF-").unwrap_or(0) as u64;
    let (mut doc, loading) = store::load(data, &pager)?;
    let mut store = Store::new(loading, &mut doc, data, header, file, &pager);
    drop(map);

    let pages = store.pages(&mut doc);
    let tree = one_page_tree(&mut doc)?;
    let full = Cell::new(false);
    let mut writer = CappedWriter { sink, full: &full };
    let out: &mut dyn io::Write = &mut writer;
    let mut output = Deadline {
        inner: pdf_extract::PlainTextOutput::new(out),
        until: Instant::now() + PDF_TIME_LIMIT,
        chars: 0,
    };
    let mut forms = FormCheck::default();
    for page in pages {
        if output.check().is_err() {
            break;
        }
        let added = store.materialize(&mut doc, page);
        if page_is_safe(&doc, page, &mut forms) {
            if let Ok(Object::Dictionary(tree)) = doc.get_object_mut(tree) {
                tree.set("Kids", vec![Object::Reference(page)]);
            }
            // Text written before a panic is kept, and the next page is tried.
            let _ = catch_unwind(AssertUnwindSafe(|| {
                pdf_extract::output_doc(&doc, &mut output)
            }));
        }
        store.dematerialize(&mut doc, page, &added);
        if full.get() {
            break;
        }
    }
    Some(())
}

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is extracting a PDF's text. `pdf-extract` panics on
/// many malformed files; each panic is caught and its page skipped, so a
/// panic hook may treat the panics it sees while this is true as expected
/// (and keep them out of the error log).
pub fn extracting() -> bool {
    EXTRACTING.with(Cell::get)
}

/// Marks this thread as extracting until dropped.
struct Extracting(bool);

impl Extracting {
    fn start() -> Self {
        Self(EXTRACTING.with(|e| e.replace(true)))
    }
}

impl Drop for Extracting {
    fn drop(&mut self) {
        EXTRACTING.with(|e| e.set(self.0));
    }
}

/// Whether `needle` occurs in `data`, searched a mebibyte at a time so that
/// `pager` can let the pages read go.
fn contains(data: &[u8], needle: &[u8], pager: &Pager) -> bool {
    const CHUNK: usize = 1024 * 1024;
    let finder = memchr::memmem::Finder::new(needle);
    let mut start = 0;
    while start < data.len() {
        let end = (start + CHUNK + needle.len()).min(data.len());
        if finder.find(&data[start..end]).is_some() {
            return true;
        }
        pager.read(end - start);
        start += CHUNK;
    }
    false
}

/// Points the catalog at a new, empty page tree (`/Kids` is set to the one
/// page being extracted). `pdf-extract` walks the catalog's tree, while each
/// page keeps its `/Parent`, so inherited attributes still come from the
/// real tree. Returns the new tree's id.
fn one_page_tree(doc: &mut Document) -> Option<ObjectId> {
    let root = doc.trailer.get(b"Root").ok()?.as_reference().ok()?;
    let tree = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Pages".to_vec())),
        ("Kids", Object::Array(Vec::new())),
        ("Count", Object::Integer(1)),
    ]));
    match doc.get_object_mut(root) {
        Ok(Object::Dictionary(catalog)) => catalog.set("Pages", Object::Reference(tree)),
        _ => return None,
    }
    Some(tree)
}

/// Stops `pdf-extract` once the time limit has passed (checked per page and
/// every [`Deadline::EVERY`] characters; each content stream is bounded by
/// the load guard).
struct Deadline<'a> {
    inner: pdf_extract::PlainTextOutput<&'a mut dyn io::Write>,
    until: Instant,
    /// Characters since the clock was last read.
    chars: u32,
}

impl Deadline<'_> {
    /// Reading the clock for every character took a tenth of the time.
    const EVERY: u32 = 256;

    fn check(&self) -> Result<(), pdf_extract::OutputError> {
        if Instant::now() > self.until {
            Err(pdf_extract::OutputError::IoError(io::Error::other(
                "PDF text extraction took too long",
            )))
        } else {
            Ok(())
        }
    }
}

impl pdf_extract::OutputDev for Deadline<'_> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &pdf_extract::MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.check()?;
        self.inner.begin_page(page_num, media_box, art_box)
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.inner.end_page()
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        self.chars += 1;
        if self.chars >= Self::EVERY {
            self.chars = 0;
            self.check()?;
        }
        self.inner
            .output_character(trm, width, spacing, font_size, char)
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.inner.begin_word()
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.inner.end_word()
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.inner.end_line()
    }
}

/// `io::Write` into a [`TextSink`] that fails once the sink is full, which
/// makes `pdf-extract` stop processing the page.
struct CappedWriter<'a> {
    sink: &'a mut TextSink,
    /// Set once the sink is full.
    full: &'a Cell<bool>,
}

impl io::Write for CappedWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // pdf-extract writes whole `str`s through `write_all`.
        let s = String::from_utf8_lossy(buf);
        if self.sink.push(&s) {
            Ok(buf.len())
        } else {
            self.full.set(true);
            Err(io::Error::other("text cap reached"))
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
