//! The typst [`World`]: a tiny virtual file system holding the embedded
//! templates and the document's `/data.json`, and the embedded fonts.

use std::any::Any;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::PrintError;

/// The fonts shipped in `fonts/` (see `fonts/README.md`).
const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf"),
];

const COMMON: &str = include_str!("../templates/common.typ");
const SHEET: &str = include_str!("../templates/sheet.typ");
const COMPENDIUM: &str = include_str!("../templates/compendium.typ");
const REPORT: &str = include_str!("../templates/report.typ");
const SURVEY: &str = include_str!("../templates/survey.typ");

/// Which document to typeset.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Template {
    Sheet,
    Compendium,
    Report,
    Survey,
}

/// Renders running at the moment, across all printers; the memoisation
/// cache is cleared when the last one ends (see [`Printer::render`]).
static RENDERING: AtomicUsize = AtomicUsize::new(0);

/// Typesets practice sheets, compendia, consultation reports and survey
/// results into PDF.
///
/// Creating a `Printer` parses and indexes the embedded fonts and builds the
/// typst standard library, which takes a few milliseconds; keep one per
/// process and share it (it is `Send + Sync`; renders may run concurrently).
pub struct Printer {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    common: Source,
    sheet: Source,
    compendium: Source,
    report: Source,
    survey: Source,
    data_id: FileId,
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer")
            .field("fonts", &self.fonts.len())
            .finish_non_exhaustive()
    }
}

impl Default for Printer {
    fn default() -> Self {
        Self::new()
    }
}

/// The id of a file at `path` in the project root.
fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("template paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Printer {
    /// Loads the embedded fonts and templates.
    pub fn new() -> Printer {
        let fonts: Vec<Font> = FONTS
            .iter()
            .map(|data| {
                Font::new(Bytes::new(*data), 0).expect("embedded fonts are valid OpenType fonts")
            })
            .collect();
        let book = FontBook::from_fonts(&fonts);
        Printer {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            common: Source::new(file_id("/common.typ"), COMMON.to_owned()),
            sheet: Source::new(file_id("/sheet.typ"), SHEET.to_owned()),
            compendium: Source::new(file_id("/compendium.typ"), COMPENDIUM.to_owned()),
            report: Source::new(file_id("/report.typ"), REPORT.to_owned()),
            survey: Source::new(file_id("/survey.typ"), SURVEY.to_owned()),
            data_id: file_id("/data.json"),
        }
    }

    /// Compiles `template` with `data` as `/data.json` and exports the PDF.
    pub(crate) fn render(&self, template: Template, data: Vec<u8>) -> Result<Vec<u8>, PrintError> {
        let main = match template {
            Template::Sheet => &self.sheet,
            Template::Compendium => &self.compendium,
            Template::Report => &self.report,
            Template::Survey => &self.survey,
        };
        let world = PrintWorld {
            printer: self,
            main: main.clone(),
            data: Bytes::new(data),
        };

        RENDERING.fetch_add(1, Ordering::SeqCst);
        // A bug in typst must not take the caller's thread down with it.
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| compile_pdf(&world)))
            .unwrap_or_else(|panic| Err(PrintError::Compile(panic_message(panic.as_ref()))));
        // Typst memoises layout results in a global cache. Clearing it once no
        // render is running keeps a long-lived process from growing; each
        // render is therefore a cold one.
        if RENDERING.fetch_sub(1, Ordering::SeqCst) == 1 {
            typst::comemo::evict(0);
        }
        result
    }
}

fn compile_pdf(world: &PrintWorld<'_>) -> Result<Vec<u8>, PrintError> {
    let document: PagedDocument = typst::compile(world)
        .output
        .map_err(|errors| PrintError::Compile(join(&errors)))?;
    let options = PdfOptions {
        creator: Smart::Custom(Some("Majlis".to_owned())),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| PrintError::Pdf(join(&errors)))
}

/// The message of a caught panic.
fn panic_message(panic: &(dyn Any + Send)) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown panic");
    format!("typst panicked: {message}")
}

/// The diagnostics' messages and hints, joined with "; ".
fn join(diagnostics: &[SourceDiagnostic]) -> String {
    let mut messages = Vec::new();
    for diagnostic in diagnostics {
        let mut message = diagnostic.message.to_string();
        for hint in &diagnostic.hints {
            message.push_str(" (hint: ");
            message.push_str(&hint.v);
            message.push(')');
        }
        messages.push(message);
    }
    if messages.is_empty() {
        "unknown error".to_owned()
    } else {
        messages.join("; ")
    }
}

/// The world of one render: the shared printer plus this document's data.
struct PrintWorld<'a> {
    printer: &'a Printer,
    main: Source,
    data: Bytes,
}

impl PrintWorld<'_> {
    fn source_for(&self, id: FileId) -> Option<&Source> {
        let p = self.printer;
        [
            &self.main,
            &p.common,
            &p.sheet,
            &p.compendium,
            &p.report,
            &p.survey,
        ]
        .into_iter()
        .find(|source| source.id() == id)
    }
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.printer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.printer.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.source_for(id) {
            Some(source) => Ok(source.clone()),
            None if id == self.printer.data_id => Err(FileError::NotSource),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.printer.data_id {
            return Ok(self.data.clone());
        }
        match self.source_for(id) {
            Some(source) => Ok(Bytes::from_string(source.text().to_owned())),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.printer.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiles `text` as the main file, with `/data.json` holding `{}`.
    fn compile_text(printer: &Printer, text: &str) -> Result<Vec<u8>, PrintError> {
        let id = FileId::unique(RootedPath::new(
            VirtualRoot::Project,
            VirtualPath::new("/test.typ").expect("a valid path"),
        ));
        let world = PrintWorld {
            printer,
            main: Source::new(id, text.to_owned()),
            data: Bytes::new(b"{}".to_vec()),
        };
        compile_pdf(&world)
    }

    #[test]
    fn compile_errors_carry_typst_messages() {
        let printer = Printer::new();
        let err = compile_text(&printer, "#json(\"/missing.json\")").expect_err("must fail");
        assert!(matches!(err, PrintError::Compile(_)), "{err:?}");
        let message = err.to_string();
        assert!(message.starts_with("typesetting failed: "), "{message}");
        assert!(message.contains("missing.json"), "{message}");

        // Every syntax error is reported, joined with "; ".
        let err = compile_text(&printer, "#let\n\n#}").expect_err("must fail");
        let message = err.to_string();
        assert_eq!(message.matches("; ").count(), 1, "{message}");
    }

    #[test]
    fn the_world_serves_templates_data_and_fonts_only() {
        let printer = Printer::new();
        assert!(
            compile_text(
                &printer,
                "#import \"/common.typ\": is-blank\n#json(\"/data.json\")"
            )
            .is_ok()
        );
        let err = compile_text(&printer, "#read(\"/etc/passwd\")").expect_err("no real files");
        assert!(err.to_string().contains("not found"), "{err}");
        assert_eq!(printer.book.families().count(), 2);
        assert_eq!(printer.fonts.len(), 4);
    }
}
