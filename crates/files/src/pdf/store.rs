//! Where a document's objects wait while pages are extracted.
//!
//! `lopdf` parses every object of a file up front. Its load filter
//! ([`guard_object`]) sees each one as it is parsed, and here almost none
//! stays in the `lopdf::Document`: only the catalog and the page-tree
//! nodes. Every other object is written in [`compact`] form into one byte
//! arena; a stream keeps only its dictionary, and where its content lies in
//! the file (found by [`Store::locate`], checked by CRC-32 when read back).
//!
//! For each page, [`Store::materialize`] puts back into the document the
//! objects that page reaches (its dictionary, resources, fonts, forms and
//! their streams' content), and [`Store::dematerialize`] takes them out
//! again once the page is extracted. Streams that pages share (fonts,
//! forms) keep their content in a small cache between pages.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

use pdf_extract::{Document, Object, ObjectId};

use super::compact;
use super::guards::{PDF_MAX_TREE_DEPTH, decoded_len, inherited};
use super::pager::Pager;

/// At load: once non-image streams together decode to more than this, the rest are emptied.
const PDF_MAX_OBJECTS_DECODED: u64 = 512 * 1024 * 1024;
/// Most bytes of shared streams' content (fonts, forms) kept between pages.
const SHARED_CACHE: usize = 4 * 1024 * 1024;
/// Bytes at each end of a stream that find it again in the file.
const PROBE: usize = 64;
/// What `pdf-extract` reads of a page (directly or inherited from the tree).
const PAGE_KEYS: [&[u8]; 5] = [
    b"Contents",
    b"Resources",
    b"MediaBox",
    b"CropBox",
    b"ArtBox",
];
/// Entries never followed when putting a page's objects back: the tree
/// upwards (its nodes stay in the document), and what `pdf-extract` never
/// reads and can be large (annotations, application data such as an
/// illustration program's private copy of the artwork, XMP, thumbnails).
const UNREAD_KEYS: [&[u8]; 5] = [b"Parent", b"Annots", b"PieceInfo", b"Metadata", b"Thumb"];

/// Objects `pdf-extract` never reads, left out at load: tagged-PDF
/// structure (thousands of small dictionaries in a long report),
/// annotations, XMP metadata, attachments and the cross-reference stream
/// (already read by `lopdf`).
const UNREAD_TYPES: [&[u8]; 8] = [
    b"StructTreeRoot",
    b"StructElem",
    b"MCR",
    b"OBJR",
    b"Annot",
    b"Metadata",
    b"EmbeddedFile",
    b"XRef",
];

/// An object in the arena.
#[derive(Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    /// `/Type /Page`.
    page: bool,
}

/// Where a stream's content lies in the file.
struct SetAside {
    /// From the `%PDF-` header, as `lopdf` counts; `None` until found.
    position: Option<u64>,
    /// `None` until found, for a stream `lopdf` left to read after the load
    /// (its `/Length` was an indirect object it could not reach yet).
    len: Option<usize>,
    /// Of the content `lopdf` parsed (`None` for a stream read late).
    crc: Option<u32>,
    /// Of its first and last [`PROBE`] bytes, to find it without reading it all.
    probe: u32,
    /// The `/Length` object, for a stream read late.
    length: Option<ObjectId>,
}

/// What the load filter (a plain `fn`, called on the loading thread:
/// pdf-extract builds lopdf without its `rayon` feature) builds.
#[derive(Default)]
pub(super) struct Loading {
    /// What non-image streams of the PDF may still decode to.
    budget: u64,
    /// The map being parsed, to let its pages go as the parse goes on.
    pager: Option<Pager>,
    arena: Vec<u8>,
    index: HashMap<ObjectId, Entry>,
    set_aside: HashMap<ObjectId, SetAside>,
}

thread_local! {
    static LOADING: std::cell::RefCell<Loading> = std::cell::RefCell::new(Loading::default());
}

/// Loads `data` with [`guard_object`] as the filter; the document holds
/// the catalog and page-tree nodes, the returned [`Loading`] the rest.
/// `None` when `lopdf` cannot load it or it is encrypted.
pub(super) fn load(data: &[u8], pager: &Pager) -> Option<(Document, Loading)> {
    pager.release();
    LOADING.with(|l| {
        *l.borrow_mut() = Loading {
            budget: PDF_MAX_OBJECTS_DECODED,
            pager: Some(pager.clone()),
            ..Loading::default()
        }
    });
    let loaded = std::panic::catch_unwind(|| {
        let options = pdf_extract::LoadOptions {
            filter: Some(guard_object),
            ..Default::default()
        };
        Document::load_mem_with_options(data, options).ok()
    });
    let loading = LOADING.with(|l| std::mem::take(&mut *l.borrow_mut()));
    let doc = loaded.ok()??;
    (!doc.is_encrypted()).then_some((doc, loading))
}

/// lopdf load filter, run on every object as it is parsed (before lopdf
/// expands object streams). Keeps in the document only the catalog, the
/// page-tree nodes and object streams (which lopdf expands next); leaves
/// out [`UNREAD_TYPES`]; writes everything else to the arena. Streams:
/// image streams (never text) and streams whose filter chain decodes to
/// more than the guards allow, or past the document's budget, are emptied;
/// the content of the others is dropped and found again in the file later.
fn guard_object(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    LOADING.with(|l| {
        if let Some(pager) = &l.borrow().pager {
            let content = match &*object {
                Object::Stream(stream) => stream.content.len(),
                _ => 0,
            };
            pager.read(256 + content);
        }
    });
    let dict = match object {
        Object::Dictionary(dict) => Some(&*dict),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    };
    let kind = dict.and_then(|d| d.get(b"Type").and_then(Object::as_name).ok());
    if kind.is_some_and(|kind| UNREAD_TYPES.contains(&kind)) {
        return None;
    }
    let keep_here = matches!(kind, Some(b"Catalog" | b"Pages" | b"ObjStm"));
    let page = kind == Some(b"Page");
    if let Object::Stream(stream) = object {
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Image");
        let keep = !is_image
            && match decoded_len(stream) {
                Some(len) => LOADING.with(|l| {
                    let mut l = l.borrow_mut();
                    let left = l.budget;
                    l.budget = left.saturating_sub(len);
                    len <= left
                }),
                None => false,
            };
        if !keep {
            stream.content = Vec::new();
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.dict.set("Length", 0);
        } else if !keep_here {
            let aside = if stream.content.is_empty() {
                // lopdf reads this one after the load, by its `/Length`.
                stream.start_position.map(|p| SetAside {
                    position: Some(p as u64),
                    len: None,
                    crc: None,
                    probe: 0,
                    length: stream
                        .dict
                        .get(b"Length")
                        .and_then(Object::as_reference)
                        .ok(),
                })
            } else {
                Some(SetAside {
                    position: stream.start_position.map(|p| p as u64),
                    len: Some(stream.content.len()),
                    crc: Some(crc32(&stream.content)),
                    probe: probe(&stream.content),
                    length: None,
                })
            };
            stream.content = Vec::new();
            if let Some(aside) = aside {
                LOADING.with(|l| l.borrow_mut().set_aside.insert(id, aside));
            }
        }
    }
    if keep_here {
        // lopdf keeps `object` for top-level objects and the returned copy
        // for objects inside object streams, which are never streams.
        return match object {
            Object::Stream(_) => Some((id, Object::Null)),
            other => Some((id, other.clone())),
        };
    }
    LOADING.with(|l| {
        let mut l = l.borrow_mut();
        let start = l.arena.len();
        if compact::write(object, &mut l.arena) {
            let end = l.arena.len();
            l.index.insert(id, Entry { start, end, page });
        }
    });
    None
}

/// The objects of a loaded document that are not in the `lopdf` document.
pub(super) struct Store {
    file: File,
    /// Where `%PDF-` starts in the file: lopdf's positions count from there.
    header: u64,
    arena: Vec<u8>,
    index: HashMap<ObjectId, Entry>,
    set_aside: HashMap<ObjectId, SetAside>,
    /// Content of shared streams kept between pages.
    cache: HashMap<ObjectId, Vec<u8>>,
    cache_bytes: usize,
}

impl Store {
    /// Takes what the load filter built; `data` is the file's bytes (still
    /// mapped), `file` the file to read streams back from later.
    pub(super) fn new(
        loading: Loading,
        doc: &mut Document,
        data: &[u8],
        header: u64,
        file: File,
        pager: &Pager,
    ) -> Self {
        let mut arena = loading.arena;
        arena.shrink_to_fit();
        let mut store = Self {
            file,
            header,
            arena,
            index: loading.index,
            set_aside: loading.set_aside,
            cache: HashMap::new(),
            cache_bytes: 0,
        };
        // Object streams were expanded; they are not needed any more.
        doc.objects
            .retain(|_, object| !matches!(object, Object::Stream(s) if s.dict.has_type(b"ObjStm")));
        store.locate(data, doc, pager);
        store
    }

    /// Finds where each set-aside stream's content starts in `data`. A
    /// stream lopdf read late has its position; its length is its
    /// `/Length` object's value. Any other is after the first `stream`
    /// keyword (and its end of line) that follows the object's offset in the
    /// cross-reference table and begins and ends with the right bytes (the
    /// whole is checked when read back). A stream that cannot be found is
    /// forgotten (it stays empty).
    fn locate(&mut self, data: &[u8], doc: &Document, pager: &Pager) {
        use pdf_extract::xref::XrefEntry;
        /// `stream` keywords tried per object (a dictionary may hold the word in a string).
        const TRIES: usize = 8;
        /// Where the keyword is looked for, from the object's start.
        const DICTIONARY_SPAN: usize = 64 * 1024;
        let keyword = memchr::memmem::Finder::new(b"stream");
        let header = self.header as usize;
        let (arena, index) = (&self.arena, &self.index);
        self.set_aside.retain(|id, aside| {
            if aside.len.is_none() {
                let len = aside
                    .length
                    .and_then(|length| index.get(&length))
                    .and_then(|e| compact::read(&arena[e.start..e.end]))
                    .and_then(|o| o.as_i64().ok())
                    .and_then(|n| usize::try_from(n).ok());
                let fits = aside
                    .position
                    .zip(len)
                    .and_then(|(p, n)| (header as u64 + p).checked_add(n as u64))
                    .is_some_and(|end| end <= data.len() as u64);
                aside.len = len;
                return fits;
            }
            if aside.position.is_some() {
                return true;
            }
            let Some(len) = aside.len else {
                return false;
            };
            let Some(XrefEntry::Normal { offset, .. }) = doc.reference_table.get(id.0) else {
                return false;
            };
            let object_start = header + *offset as usize;
            let Some(object) = data.get(object_start..) else {
                return false;
            };
            let head = &object[..object.len().min(DICTIONARY_SPAN)];
            for found in keyword.find_iter(head).take(TRIES) {
                let mut at = found + 6;
                while matches!(object.get(at), Some(b' ' | b'\t')) {
                    at += 1;
                }
                at += match object.get(at..at + 2) {
                    Some(b"\r\n") => 2,
                    _ if matches!(object.get(at), Some(b'\n' | b'\r')) => 1,
                    _ => continue,
                };
                pager.touch(object_start);
                pager.touch(object_start + at + len);
                if object
                    .get(at..at + len)
                    .is_some_and(|content| probe(content) == aside.probe)
                {
                    aside.position = Some((object_start + at - header) as u64);
                    return true;
                }
            }
            false
        });
    }

    /// Puts `id` back into the document for good (a catalog or tree node
    /// written to the arena because it lacked its `/Type`).
    fn keep(&self, doc: &mut Document, id: ObjectId) {
        if !doc.objects.contains_key(&id)
            && let Some(object) = self.read(id)
        {
            doc.objects.insert(id, object);
        }
    }

    fn read(&self, id: ObjectId) -> Option<Object> {
        let e = self.index.get(&id)?;
        compact::read(&self.arena[e.start..e.end])
    }

    /// The pages, in order: the catalog's tree walked depth first. A node
    /// is a dictionary with `/Kids`; a page an object typed `/Page` (as
    /// `lopdf` counts them). Cycles, and trees deeper than
    /// [`PDF_MAX_TREE_DEPTH`] (whose pages `page_is_safe` refuses anyway),
    /// stop the walk.
    pub(super) fn pages(&self, doc: &mut Document) -> Vec<ObjectId> {
        let mut pages = Vec::new();
        let Some(root) = doc.trailer.get(b"Root").and_then(Object::as_reference).ok() else {
            return pages;
        };
        self.keep(doc, root);
        let Some(tree) = doc
            .get_dictionary(root)
            .and_then(|c| c.get(b"Pages"))
            .and_then(Object::as_reference)
            .ok()
        else {
            return pages;
        };
        let mut seen = HashSet::new();
        self.walk_tree(doc, tree, 0, &mut seen, &mut pages);
        pages
    }

    fn walk_tree(
        &self,
        doc: &mut Document,
        node: ObjectId,
        depth: usize,
        seen: &mut HashSet<ObjectId>,
        pages: &mut Vec<ObjectId>,
    ) {
        if depth > PDF_MAX_TREE_DEPTH || !seen.insert(node) {
            return;
        }
        self.keep(doc, node);
        let kids: Vec<ObjectId> = match doc.get_dictionary(node).and_then(|d| d.get(b"Kids")) {
            Ok(Object::Array(kids)) => kids.iter().filter_map(|k| k.as_reference().ok()).collect(),
            _ => return,
        };
        for kid in kids {
            if self.index.get(&kid).is_some_and(|e| e.page) {
                pages.push(kid);
            } else if doc.objects.contains_key(&kid) || self.index.contains_key(&kid) {
                self.walk_tree(doc, kid, depth + 1, seen, pages);
            }
        }
    }

    /// Puts back into `doc` page `page` and every object it reaches through
    /// what `pdf-extract` reads of it ([`PAGE_KEYS`], its own or inherited),
    /// never following `/Parent` (the tree nodes are in the document
    /// already) nor into [`UNREAD_KEYS`]. Streams get their content back,
    /// except TrueType programs (`/FontFile2`), which `pdf-extract` decodes
    /// but never reads. Returns what was put back, to hand to
    /// [`Self::dematerialize`].
    pub(super) fn materialize(&mut self, doc: &mut Document, page: ObjectId) -> Vec<ObjectId> {
        let mut added = Vec::new();
        if !doc.objects.contains_key(&page)
            && let Some(object) = self.read(page)
        {
            doc.objects.insert(page, object);
            added.push(page);
        }
        // Inherited attributes live in tree nodes, which are in the document.
        let mut todo = Vec::new();
        if let Ok(dict) = doc.get_dictionary(page) {
            for key in PAGE_KEYS {
                if let Some(value) = inherited(doc, dict, key) {
                    references(value, &mut todo);
                }
            }
        }
        self.put_back(doc, todo, &mut added);
        added
    }

    fn put_back(
        &mut self,
        doc: &mut Document,
        mut todo: Vec<(ObjectId, bool)>,
        added: &mut Vec<ObjectId>,
    ) {
        while let Some((id, with_content)) = todo.pop() {
            if doc.objects.contains_key(&id) {
                continue;
            }
            let Some(mut object) = self.read(id) else {
                continue;
            };
            references(&object, &mut todo);
            if let Object::Stream(stream) = &mut object
                && with_content
            {
                let content = match self.cache.remove(&id) {
                    Some(content) => {
                        self.cache_bytes -= content.len();
                        Some(content)
                    }
                    None => self.read_back(id),
                };
                if let Some(content) = content {
                    stream.set_content(content);
                }
            }
            doc.objects.insert(id, object);
            added.push(id);
        }
    }

    /// Takes `added` out of the document again. The content of streams
    /// other than the page's own contents stays in the cache while it fits.
    pub(super) fn dematerialize(&mut self, doc: &mut Document, page: ObjectId, added: &[ObjectId]) {
        let mut own = Vec::new();
        if let Ok(contents) = doc.get_dictionary(page).and_then(|d| d.get(b"Contents")) {
            references(contents, &mut own);
        }
        for id in added {
            let Some(object) = doc.objects.remove(id) else {
                continue;
            };
            if let Object::Stream(stream) = object
                && !stream.content.is_empty()
                && !own.iter().any(|(o, _)| o == id)
                && self.cache_bytes + stream.content.len() <= SHARED_CACHE
            {
                self.cache_bytes += stream.content.len();
                self.cache.insert(*id, stream.content);
            }
        }
    }

    /// Reads a set-aside stream's content back from the file; `None` when
    /// it cannot be read or does not match what was parsed.
    fn read_back(&mut self, id: ObjectId) -> Option<Vec<u8>> {
        let aside = self.set_aside.get(&id)?;
        let position = self.header.checked_add(aside.position?)?;
        self.file.seek(SeekFrom::Start(position)).ok()?;
        let mut content = vec![0; aside.len?];
        self.file.read_exact(&mut content).ok()?;
        match aside.crc {
            Some(crc) if crc32(&content) != crc => None,
            _ => Some(content),
        }
    }
}

/// Pushes the objects `object` refers to (not through [`UNREAD_KEYS`]),
/// each with whether its content is wanted.
fn references(object: &Object, todo: &mut Vec<(ObjectId, bool)>) {
    let mut stack = vec![(object, true)];
    while let Some((object, with_content)) = stack.pop() {
        match object {
            Object::Reference(id) => todo.push((*id, with_content)),
            Object::Array(items) => stack.extend(items.iter().map(|i| (i, with_content))),
            Object::Dictionary(dict) => push_values(dict, &mut stack),
            Object::Stream(stream) => push_values(&stream.dict, &mut stack),
            _ => {}
        }
    }
}

fn push_values<'a>(dict: &'a pdf_extract::Dictionary, stack: &mut Vec<(&'a Object, bool)>) {
    for (key, value) in dict.iter() {
        match key.as_slice() {
            key if UNREAD_KEYS.contains(&key) => {}
            b"FontFile2" => stack.push((value, false)),
            _ => stack.push((value, true)),
        }
    }
}

/// CRC-32 of the first and last [`PROBE`] bytes (of all, when fewer).
fn probe(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    if bytes.len() <= 2 * PROBE {
        crc.update(bytes);
    } else {
        crc.update(&bytes[..PROBE]);
        crc.update(&bytes[bytes.len() - PROBE..]);
    }
    crc.sum()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}
