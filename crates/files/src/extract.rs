//! Text extraction for search: synchronous CPU work, meant for
//! `tokio::task::spawn_blocking` (which [`crate::FileStore::put`] uses when asked).
//!
//! * OOXML and ODF: the XML parts are streamed through `quick-xml` straight
//!   out of the archive, each entry read through a `take()` cap of its declared
//!   size, so a lying ZIP header cannot make us unpack more than was checked.
//! * PDF: `pdf-extract` (on `lopdf`), page by page, behind guards: every
//!   Flate stream is first inflated into a counter (bombs are refused before
//!   `lopdf` allocates), images are dropped before extraction, recursive form
//!   XObjects and cyclic page trees are refused (they would overflow the stack,
//!   which no `catch_unwind` can catch), and each page runs under
//!   `catch_unwind` because the crate panics on many malformed files.
//! * Images: no text.
//!
//! Extracted text is capped (at a char boundary); extraction stops once the
//! cap is reached.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use quick_xml::events::Event;
use zip::ZipArchive;

use crate::FileKind;
use crate::sniff::{ArchiveLimits, open_archive};

/// Default cap on extracted text: 2 MiB of UTF-8.
pub const DEFAULT_TEXT_CAP: usize = 2 * 1024 * 1024;

/// Extracts searchable text from the file at `path`, which must already be
/// known to be of `kind` (see [`crate::sniff`]), keeping at most `cap` bytes
/// of UTF-8 (cut at a char boundary).
///
/// Returns `None` for images, for files that cannot be read (a damaged or
/// encrypted PDF, a pathological one the guards refuse), and for files without
/// any text. Never panics on bad input. Uses [`ArchiveLimits::default`] for
/// ZIP-based files; see [`extract_text_with_limits`].
pub fn extract_text(kind: FileKind, path: &Path, cap: usize) -> Option<String> {
    extract_text_with_limits(kind, path, cap, &ArchiveLimits::default())
}

/// [`extract_text`] with explicit archive limits (checked again here, so it is
/// safe on files that never went through [`crate::sniff`]).
pub fn extract_text_with_limits(
    kind: FileKind,
    path: &Path,
    cap: usize,
    limits: &ArchiveLimits,
) -> Option<String> {
    let mut sink = TextSink::new(cap);
    match kind {
        FileKind::Jpeg | FileKind::Png | FileKind::Webp => return None,
        FileKind::Pdf => pdf_text(path, &mut sink)?,
        FileKind::Docx | FileKind::Pptx | FileKind::Xlsx => {
            let mut archive = open_file_archive(path, limits)?;
            ooxml_text(kind, &mut archive, &mut sink);
        }
        FileKind::Odt | FileKind::Ods | FileKind::Odp => {
            let mut archive = open_file_archive(path, limits)?;
            let rules = XmlRules {
                capture: Capture::Within(&["body"]),
                paragraph: &["p", "h"],
                tab: &["tab"],
                line_break: &["line-break"],
                space: &["s"],
                skip: &[],
            };
            entry_text(&mut archive, "content.xml", &rules, &mut sink);
        }
    }
    sink.finish()
}

fn open_file_archive(path: &Path, limits: &ArchiveLimits) -> Option<ZipArchive<BufReader<File>>> {
    let file = File::open(path).ok()?;
    open_archive(BufReader::new(file), limits).ok()
}

/// Accumulates text up to a byte cap, cutting at a char boundary.
struct TextSink {
    text: String,
    cap: usize,
    full: bool,
}

impl TextSink {
    fn new(cap: usize) -> Self {
        Self {
            text: String::new(),
            cap,
            full: cap == 0,
        }
    }

    /// Appends `s`; returns false once the cap is reached.
    fn push(&mut self, s: &str) -> bool {
        if self.full {
            return false;
        }
        let room = self.cap - self.text.len();
        if s.len() <= room {
            self.text.push_str(s);
            return true;
        }
        let mut cut = room;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        self.text.push_str(&s[..cut]);
        self.full = true;
        false
    }

    /// Appends a separator unless the text is empty or already ends with whitespace.
    fn separator(&mut self, sep: &str) -> bool {
        match self.text.chars().last() {
            None => true,
            Some(c) if c == '\n' || (sep != "\n" && c.is_whitespace()) => true,
            Some(_) => self.push(sep),
        }
    }

    fn finish(self) -> Option<String> {
        if self.text.trim().is_empty() {
            None
        } else {
            Some(self.text)
        }
    }
}

// ---------------------------------------------------------------- XML parts

/// Which text nodes of an XML part are kept.
enum Capture {
    /// Text inside any element with one of these local names.
    Within(&'static [&'static str]),
}

/// How the elements of one XML vocabulary map to text.
struct XmlRules {
    capture: Capture,
    /// Elements whose end is a line break (paragraphs, headings, cells' strings).
    paragraph: &'static [&'static str],
    /// Elements that stand for a tab.
    tab: &'static [&'static str],
    /// Elements that stand for a line break.
    line_break: &'static [&'static str],
    /// Elements that stand for a space.
    space: &'static [&'static str],
    /// Elements whose content is ignored entirely (e.g. phonetic guides).
    skip: &'static [&'static str],
}

/// Streams the text of an XML document into `sink`. Stops at the first XML
/// error (keeping what was read) or once the sink is full.
fn xml_text<R: BufRead>(reader: R, rules: &XmlRules, sink: &mut TextSink) {
    let mut reader = quick_xml::Reader::from_reader(reader);
    let mut buf = Vec::new();
    let mut inside = 0usize;
    let mut skipping = 0usize;
    let Capture::Within(capture) = rules.capture;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        let keep_going = match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if rules.skip.contains(&name) {
                    skipping += 1;
                }
                if capture.contains(&name) {
                    inside += 1;
                }
                true
            }
            Event::End(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if rules.skip.contains(&name) {
                    skipping = skipping.saturating_sub(1);
                }
                if capture.contains(&name) {
                    inside = inside.saturating_sub(1);
                }
                if rules.paragraph.contains(&name) {
                    sink.separator("\n")
                } else {
                    true
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if skipping > 0 {
                    true
                } else if rules.tab.contains(&name) {
                    sink.push("\t")
                } else if rules.line_break.contains(&name) || rules.paragraph.contains(&name) {
                    sink.separator("\n")
                } else if rules.space.contains(&name) {
                    sink.push(" ")
                } else {
                    true
                }
            }
            Event::Text(t) if inside > 0 && skipping == 0 => sink.push(&t.xml10_content()),
            Event::CData(t) if inside > 0 && skipping == 0 => sink.push(&t),
            Event::GeneralRef(r) if inside > 0 && skipping == 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => sink.push(c.encode_utf8(&mut [0u8; 4])),
                Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                    Some(s) => sink.push(s),
                    None => true,
                },
                Err(_) => true,
            },
            _ => true,
        };
        if !keep_going {
            break;
        }
    }
}

/// Streams one archive entry through [`xml_text`], reading at most its
/// declared (already checked) size.
fn entry_text<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
    rules: &XmlRules,
    sink: &mut TextSink,
) {
    let Ok(entry) = archive.by_name(name) else {
        return;
    };
    let declared = entry.size();
    let capped = BufReader::with_capacity(64 * 1024, entry.take(declared));
    xml_text(capped, rules, sink);
}

/// Names `prefix<N>.xml` in numeric order of N.
fn numbered_entries<R: Read + Seek>(archive: &ZipArchive<R>, prefix: &str) -> Vec<String> {
    let mut found: Vec<(u64, String)> = archive
        .file_names()
        .filter_map(|n| n.ok())
        .filter_map(|n| {
            let number = n.strip_prefix(prefix)?.strip_suffix(".xml")?;
            let number: u64 = number.parse().ok()?;
            Some((number, n.into_owned()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

fn ooxml_text<R: Read + Seek>(kind: FileKind, archive: &mut ZipArchive<R>, sink: &mut TextSink) {
    match kind {
        FileKind::Docx => {
            let rules = XmlRules {
                capture: Capture::Within(&["t"]),
                paragraph: &["p"],
                tab: &["tab"],
                line_break: &["br", "cr"],
                space: &[],
                // Tab stop definitions in paragraph properties are not tabs.
                skip: &["tabs"],
            };
            entry_text(archive, "word/document.xml", &rules, sink);
        }
        FileKind::Pptx => {
            let rules = XmlRules {
                capture: Capture::Within(&["t"]),
                paragraph: &["p"],
                tab: &[],
                line_break: &["br"],
                space: &[],
                skip: &[],
            };
            for slide in numbered_entries(archive, "ppt/slides/slide") {
                entry_text(archive, &slide, &rules, sink);
                if !sink.separator("\n") {
                    break;
                }
            }
        }
        FileKind::Xlsx => {
            let shared = XmlRules {
                capture: Capture::Within(&["si"]),
                paragraph: &["si"],
                tab: &[],
                line_break: &[],
                space: &[],
                skip: &["rPh", "phoneticPr"],
            };
            entry_text(archive, "xl/sharedStrings.xml", &shared, sink);
            let inline = XmlRules {
                capture: Capture::Within(&["is"]),
                paragraph: &["is"],
                tab: &[],
                line_break: &[],
                space: &[],
                skip: &["rPh"],
            };
            for sheet in numbered_entries(archive, "xl/worksheets/sheet") {
                if sink.full {
                    break;
                }
                entry_text(archive, &sheet, &inline, sink);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------- PDF

/// Raw pre-scan: largest any single zlib stream of a PDF may inflate to
/// before extraction is refused.
const PDF_MAX_STREAM_INFLATED: u64 = 256 * 1024 * 1024;
/// Raw pre-scan: largest all zlib streams together may inflate to (images included).
const PDF_MAX_TOTAL_INFLATED: u64 = 1024 * 1024 * 1024;
/// At load: a non-image stream decoding to more than this is emptied.
const PDF_MAX_OBJECT_DECODED: u64 = 64 * 1024 * 1024;
/// At load: once non-image streams together decode to more than this, the rest are emptied.
const PDF_MAX_OBJECTS_DECODED: u64 = 512 * 1024 * 1024;
/// Deepest nesting of form XObjects we let `pdf-extract` recurse into.
const PDF_MAX_FORM_DEPTH: usize = 16;
/// Deepest page-tree `/Parent` chain (walked recursively by `pdf-extract`).
const PDF_MAX_TREE_DEPTH: usize = 64;
/// Time after which PDF text extraction stops, keeping what it has.
const PDF_TIME_LIMIT: Duration = Duration::from_secs(30);

fn pdf_text(path: &Path, sink: &mut TextSink) -> Option<()> {
    let data = std::fs::read(path).ok()?;
    if !pdf_inflation_within_limits(&data) {
        return None;
    }
    // lopdf's loader for encrypted files bypasses the load filter below.
    if memchr::memmem::find(&data, b"/Encrypt").is_some() {
        return None;
    }
    DECODED_BUDGET.with(|b| b.set(PDF_MAX_OBJECTS_DECODED));
    let loaded = catch_unwind(AssertUnwindSafe(|| {
        let options = pdf_extract::LoadOptions {
            filter: Some(guard_object),
            ..Default::default()
        };
        let doc = pdf_extract::Document::load_mem_with_options(&data, options).ok()?;
        (!doc.is_encrypted()).then_some(doc)
    }));
    drop(data);
    let doc = loaded.ok()??;
    catch_unwind(AssertUnwindSafe(|| prepare_pdf(&doc))).ok()??;

    let mut writer = CappedWriter {
        sink,
        stopped: false,
    };
    // One pass over the pages (`output_doc_page` would rebuild the page list
    // for every page: quadratic). Text written before a panic is kept.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        let out: &mut dyn io::Write = &mut writer;
        let mut output = Deadline {
            inner: pdf_extract::PlainTextOutput::new(out),
            until: Instant::now() + PDF_TIME_LIMIT,
        };
        pdf_extract::output_doc(&doc, &mut output)
    }));
    Some(())
}

/// Stops `pdf-extract` once the time limit has passed (checked per page and
/// per character; each content stream is bounded by the load guard).
struct Deadline<'a> {
    inner: pdf_extract::PlainTextOutput<&'a mut dyn io::Write>,
    until: Instant,
}

impl Deadline<'_> {
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
        self.check()?;
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
    stopped: bool,
}

impl io::Write for CappedWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // pdf-extract writes whole `str`s through `write_all`.
        let s = String::from_utf8_lossy(buf);
        if self.sink.push(&s) {
            Ok(buf.len())
        } else {
            self.stopped = true;
            Err(io::Error::other("text cap reached"))
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Inflates every stream of the raw PDF that inflates into a counter. False
/// when one stream or all together exceed the limits: `lopdf` inflates
/// streams (cross-reference and object streams while loading) into memory
/// without bound, so a bomb must be stopped before it loads. Catches
/// single-layer Flate; [`guard_object`] then checks every object's real
/// filter chain.
fn pdf_inflation_within_limits(data: &[u8]) -> bool {
    let finder = memchr::memmem::Finder::new(b"stream");
    let mut total: u64 = 0;
    let mut pos = 0;
    while let Some(found) = finder.find(&data[pos..]) {
        let at = pos + found;
        pos = at + 6;
        if at >= 3 && &data[at - 3..at] == b"end" {
            continue;
        }
        let start = match data.get(at + 6..at + 8) {
            Some([b'\r', b'\n']) => at + 8,
            Some([b'\n', _]) | Some([b'\r', _]) => at + 7,
            _ => continue,
        };
        // Every stream is tried, whatever its dictionary says (which a crafted
        // file could hide from a textual look-back): data that is not zlib
        // fails on its first bytes.
        let decoder = flate2::read::ZlibDecoder::new(&data[start..]);
        let mut counter = Counter(0);
        // A broken stream still counts what it inflated before the error:
        // lopdf keeps such partial output too.
        let _ = io::copy(&mut decoder.take(PDF_MAX_STREAM_INFLATED + 1), &mut counter);
        if counter.0 == 0 && data.len() > start + 2 {
            // lopdf retries a failed zlib stream as raw deflate after the header.
            let raw = flate2::read::DeflateDecoder::new(&data[start + 2..]);
            let _ = io::copy(&mut raw.take(PDF_MAX_STREAM_INFLATED + 1), &mut counter);
        }
        let inflated = counter.0;
        if inflated > PDF_MAX_STREAM_INFLATED {
            return false;
        }
        total += inflated;
        if total > PDF_MAX_TOTAL_INFLATED {
            return false;
        }
    }
    true
}

thread_local! {
    /// What non-image streams of the PDF being loaded may still decode to.
    /// (lopdf calls the load filter on the loading thread: pdf-extract builds
    /// it without its `rayon` feature.)
    static DECODED_BUDGET: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// lopdf load filter, run on every object before lopdf expands object
/// streams: empties image streams (never text), and empties any other stream
/// whose filter chain decodes to more than [`PDF_MAX_OBJECT_DECODED`], uses a
/// filter whose output we cannot bound, or goes over the document's budget.
fn guard_object(
    id: pdf_extract::ObjectId,
    object: &mut pdf_extract::Object,
) -> Option<(pdf_extract::ObjectId, pdf_extract::Object)> {
    use pdf_extract::Object;
    if let Object::Stream(stream) = object {
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        let keep = !is_image
            && match decoded_len(stream) {
                Some(len) => DECODED_BUDGET.with(|budget| {
                    let left = budget.get();
                    budget.set(left.saturating_sub(len));
                    len <= left
                }),
                None => false,
            };
        if !keep {
            stream.content = Vec::new();
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.dict.set("Length", 0);
        }
    }
    // lopdf keeps `object` (as changed here) for top-level objects and the
    // returned copy for objects inside object streams, which are never streams.
    match object {
        Object::Stream(_) => Some((id, Object::Null)),
        other => Some((id, other.clone())),
    }
}

/// What a stream decodes to through its filter chain, counted without
/// holding more than [`PDF_MAX_OBJECT_DECODED`] per intermediate layer;
/// `None` when over that, or when a filter is one we do not bound.
fn decoded_len(stream: &pdf_extract::Stream) -> Option<u64> {
    let Ok(filters) = stream.filters() else {
        return Some(stream.content.len() as u64);
    };
    let cap = PDF_MAX_OBJECT_DECODED;
    let mut layer: std::borrow::Cow<'_, [u8]> = std::borrow::Cow::Borrowed(&stream.content);
    for (i, filter) in filters.iter().enumerate() {
        let last = i + 1 == filters.len();
        let mut out = LimitedSink::new(cap, !last);
        match *filter {
            b"FlateDecode" => {
                let _ = io::copy(&mut flate2::read::ZlibDecoder::new(&layer[..]), &mut out);
                if out.count == 0 && layer.len() > 2 {
                    let raw = flate2::read::DeflateDecoder::new(&layer[2..]);
                    let _ = io::copy(&mut { raw }, &mut out);
                }
            }
            b"LZWDecode" => {
                // Either code-size convention: count the larger.
                let mut a = LimitedSink::new(cap, !last);
                let _ = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
                    .into_stream(&mut a)
                    .decode(&layer[..]);
                let _ = weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
                    .into_stream(&mut out)
                    .decode(&layer[..]);
                if a.count > out.count {
                    out = a;
                }
            }
            // Decoded as-is or not at all by lopdf; images never get here.
            b"DCTDecode" | b"JPXDecode" | b"CCITTFaxDecode" | b"JBIG2Decode"
            | b"RunLengthDecode" | b"ASCIIHexDecode" | b"ASCII85Decode"
                if last && i == 0 =>
            {
                return Some(layer.len() as u64);
            }
            _ => return None,
        }
        if out.count > cap {
            return None;
        }
        if last {
            return Some(out.count);
        }
        layer = std::borrow::Cow::Owned(out.kept);
    }
    Some(layer.len() as u64)
}

/// Counts what is written; keeps it too when asked; fails once over `cap`.
struct LimitedSink {
    count: u64,
    cap: u64,
    keep: bool,
    kept: Vec<u8>,
}

impl LimitedSink {
    fn new(cap: u64, keep: bool) -> Self {
        Self {
            count: 0,
            cap,
            keep,
            kept: Vec::new(),
        }
    }
}

impl io::Write for LimitedSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.count += buf.len() as u64;
        if self.count > self.cap {
            return Err(io::Error::other("decoded stream too large"));
        }
        if self.keep {
            self.kept.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// An `io::Write` that only counts.
struct Counter(u64);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Checks a loaded PDF: `None` when its page tree or
/// form XObjects would make `pdf-extract` recurse without end (a stack
/// overflow aborts the process; `catch_unwind` cannot help). Image streams
/// were already emptied at load ([`guard_object`]): `pdf-extract` would
/// otherwise parse their pixels as content.
fn prepare_pdf(doc: &pdf_extract::Document) -> Option<()> {
    use pdf_extract::{Dictionary, Object, ObjectId};

    fn deref<'a>(doc: &'a pdf_extract::Document, o: &'a Object) -> Option<&'a Object> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok(),
            other => Some(other),
        }
    }
    fn dict_at<'a>(
        doc: &'a pdf_extract::Document,
        d: &'a Dictionary,
        key: &[u8],
    ) -> Option<&'a Dictionary> {
        deref(doc, d.get(key).ok()?)?.as_dict().ok()
    }

    let pages = doc.get_pages();
    // States (form, resources in effect) already proven to terminate.
    let mut done: HashSet<(ObjectId, usize)> = HashSet::new();
    let mut do_names: HashMap<ObjectId, Vec<Vec<u8>>> = HashMap::new();

    // Depth-first over the real call graph: a form's `Do` operators, resolved
    // in the resources in effect (its own, or its caller's when it has none).
    fn walk(
        doc: &pdf_extract::Document,
        id: ObjectId,
        resources: &Dictionary,
        depth: usize,
        done: &mut HashSet<(ObjectId, usize)>,
        do_names: &mut HashMap<ObjectId, Vec<Vec<u8>>>,
    ) -> bool {
        if depth > PDF_MAX_FORM_DEPTH {
            return false;
        }
        let state = (id, resources as *const Dictionary as usize);
        if done.contains(&state) {
            return true;
        }
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return true;
        };
        let own = dict_at(doc, &stream.dict, b"Resources");
        let effective = own.unwrap_or(resources);
        let names = do_names.entry(id).or_insert_with(|| {
            let content = if stream.filters().is_ok() {
                stream.decompressed_content().unwrap_or_default()
            } else {
                stream.content.clone()
            };
            if memchr::memmem::find(&content, b"Do").is_none() {
                return Vec::new();
            }
            pdf_extract::content::Content::decode(&content)
                .map(|c| {
                    c.operations
                        .into_iter()
                        .filter(|op| op.operator == "Do")
                        .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
                        .collect()
                })
                .unwrap_or_default()
        });
        let names = names.clone();
        if let Some(xobjects) = dict_at(doc, effective, b"XObject") {
            for name in names {
                if let Ok(Object::Reference(child)) = xobjects.get(&name)
                    && !walk(doc, *child, effective, depth + 1, done, do_names)
                {
                    return false;
                }
            }
        }
        done.insert(state);
        true
    }

    for page_id in pages.values() {
        let page = doc.get_dictionary(*page_id).ok()?;
        // The /Parent chain, which pdf-extract climbs recursively.
        let mut node = page;
        let mut resources = dict_at(doc, node, b"Resources");
        let mut depth = 0;
        while let Some(parent) = dict_at(doc, node, b"Parent") {
            depth += 1;
            if depth > PDF_MAX_TREE_DEPTH {
                return None;
            }
            node = parent;
            if resources.is_none() {
                resources = dict_at(doc, node, b"Resources");
            }
        }
        let Some(resources) = resources else { continue };
        let Some(xobjects) = dict_at(doc, resources, b"XObject") else {
            continue;
        };
        for (_, xobject) in xobjects.iter() {
            if let Object::Reference(id) = xobject
                && !walk(doc, *id, resources, 1, &mut done, &mut do_names)
            {
                return None;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sink_cuts_at_char_boundary() {
        let mut sink = TextSink::new(5);
        assert!(sink.push("ab"));
        assert!(!sink.push("دورة"));
        assert_eq!(sink.text, "abد");
        assert!(!sink.push("x"));
    }

    #[test]
    fn xml_entities_and_paragraphs() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t>Tom &amp; Jerry&#x21;</w:t></w:r></w:p><w:p><w:r><w:t>İstanbul</w:t><w:tab/><w:t>Şahinbey</w:t></w:r></w:p></w:body></w:document>"#;
        let rules = XmlRules {
            capture: Capture::Within(&["t"]),
            paragraph: &["p"],
            tab: &["tab"],
            line_break: &["br"],
            space: &[],
            skip: &["tabs"],
        };
        let mut sink = TextSink::new(1000);
        xml_text(xml.as_bytes(), &rules, &mut sink);
        assert_eq!(sink.text, "Tom & Jerry!\nİstanbul\tŞahinbey\n");
    }
}
