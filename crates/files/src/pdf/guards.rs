//! Guards between a hostile PDF and `lopdf`/`pdf-extract`: a raw pre-scan
//! that refuses Flate bombs before anything is parsed, a bound on what each
//! stream decodes to, and a check, page by page, that `pdf-extract` will not
//! recurse without end (a stack overflow aborts the process, which no
//! `catch_unwind` catches).

use std::collections::{HashMap, HashSet};
use std::io::{self, Read};

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::pager::Pager;

/// Raw pre-scan: largest any single zlib stream of a PDF may inflate to
/// before extraction is refused.
const PDF_MAX_STREAM_INFLATED: u64 = 256 * 1024 * 1024;
/// Raw pre-scan: largest all zlib streams together may inflate to (images included).
const PDF_MAX_TOTAL_INFLATED: u64 = 1024 * 1024 * 1024;
/// At load: a non-image stream decoding to more than this is emptied.
const PDF_MAX_OBJECT_DECODED: u64 = 64 * 1024 * 1024;
/// Deepest nesting of form XObjects we let `pdf-extract` recurse into.
const PDF_MAX_FORM_DEPTH: usize = 16;
/// Deepest page-tree `/Parent` chain (walked recursively by `pdf-extract`).
pub(super) const PDF_MAX_TREE_DEPTH: usize = 64;

/// What [`page_is_safe`] learnt of form XObjects, kept across pages.
#[derive(Default)]
pub(super) struct FormCheck {
    /// The names each form draws with `Do`.
    do_names: HashMap<ObjectId, Vec<Vec<u8>>>,
}

/// False when `pdf-extract` would recurse without end on this page (a
/// stack overflow aborts the process; `catch_unwind` cannot help): a
/// `/Parent` chain deeper than [`PDF_MAX_TREE_DEPTH`] (or a cycle), or form
/// XObjects nested deeper than [`PDF_MAX_FORM_DEPTH`] (or drawing
/// themselves). Needs the page's streams read back.
pub(super) fn page_is_safe(doc: &Document, page: ObjectId, forms: &mut FormCheck) -> bool {
    let Ok(dict) = doc.get_dictionary(page) else {
        return false;
    };
    let mut node = dict;
    let mut depth = 0;
    while let Some(parent) = dict_at(doc, node, b"Parent") {
        depth += 1;
        if depth > PDF_MAX_TREE_DEPTH {
            return false;
        }
        node = parent;
    }
    let Some(resources) =
        inherited(doc, dict, b"Resources").and_then(|r| deref(doc, r)?.as_dict().ok())
    else {
        return true;
    };
    let Some(xobjects) = dict_at(doc, resources, b"XObject") else {
        return true;
    };
    // States (form, resources in effect) proven to terminate on this page.
    let mut done: HashSet<(ObjectId, usize)> = HashSet::new();
    xobjects.iter().all(|(_, xobject)| match xobject {
        Object::Reference(id) => walk_form(doc, *id, resources, 1, &mut done, forms),
        _ => true,
    })
}

/// Depth-first over the real call graph: a form's `Do` operators, resolved
/// in the resources in effect (its own, or its caller's when it has none).
fn walk_form(
    doc: &Document,
    id: ObjectId,
    resources: &Dictionary,
    depth: usize,
    done: &mut HashSet<(ObjectId, usize)>,
    forms: &mut FormCheck,
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
    let names = forms
        .do_names
        .entry(id)
        .or_insert_with(|| drawn_names(stream))
        .clone();
    if let Some(xobjects) = dict_at(doc, effective, b"XObject") {
        for name in names {
            if let Ok(Object::Reference(child)) = xobjects.get(&name)
                && !walk_form(doc, *child, effective, depth + 1, done, forms)
            {
                return false;
            }
        }
    }
    done.insert(state);
    true
}

/// The XObject names a content stream draws (`/Name Do`).
fn drawn_names(stream: &pdf_extract::Stream) -> Vec<Vec<u8>> {
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
}

pub(super) fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

pub(super) fn dict_at<'a>(
    doc: &'a Document,
    d: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    deref(doc, d.get(key).ok()?)?.as_dict().ok()
}

/// `key` of a page, or of the nearest ancestor that has it (at most
/// [`PDF_MAX_TREE_DEPTH`] up).
pub(super) fn inherited<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..=PDF_MAX_TREE_DEPTH {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        node = dict_at(doc, node, b"Parent")?;
    }
    None
}

/// Inflates every stream of the raw PDF that inflates into a counter. False
/// when one stream or all together exceed the limits: `lopdf` inflates
/// streams (cross-reference and object streams while loading) into memory
/// without bound, so a bomb must be stopped before it loads. Catches
/// single-layer Flate; [`super::store`]'s load filter then checks every object's real
/// filter chain.
pub(super) fn pdf_inflation_within_limits(data: &[u8], pager: &Pager) -> bool {
    let finder = memchr::memmem::Finder::new(b"stream");
    let mut total: u64 = 0;
    let mut pos = 0;
    while let Some(found) = finder.find(&data[pos..]) {
        let at = pos + found;
        pager.read(at + 6 - pos);
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

/// What a stream decodes to through its filter chain, counted without
/// holding more than [`PDF_MAX_OBJECT_DECODED`] per intermediate layer;
/// `None` when over that, or when a filter is one we do not bound.
pub(super) fn decoded_len(stream: &pdf_extract::Stream) -> Option<u64> {
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
