//! Text extraction for search: synchronous CPU work, meant for
//! `tokio::task::spawn_blocking` (which [`crate::FileStore::put`] uses when asked).
//!
//! * OOXML and ODF: the XML parts are streamed through `quick-xml` straight
//!   out of the archive, each entry read through a `take()` cap of its declared
//!   size, so a lying ZIP header cannot make us unpack more than was checked.
//! * PDF: `pdf-extract` (on `lopdf`), one page at a time with only that
//!   page's streams in memory, behind guards against bombs, recursion and
//!   panics (see [`crate::pdf`]).
//! * Images: no text.
//!
//! Extracted text is capped (at a char boundary); extraction stops once the
//! cap is reached.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;

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
        FileKind::Pdf => crate::pdf::pdf_text(path, &mut sink)?,
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
pub(crate) struct TextSink {
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
    pub(crate) fn push(&mut self, s: &str) -> bool {
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
