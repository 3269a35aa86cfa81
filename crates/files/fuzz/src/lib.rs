//! Shared by the fuzz targets of `majlis-files`: a scratch file per process,
//! the upload path's checks as `FileStore::spool` runs them, and the checks
//! every extracted text must pass.

use std::path::PathBuf;
use std::sync::OnceLock;

use majlis_files::{ArchiveLimits, FileKind, UploadError, extract_text_with_limits, sniff_path};

/// Text cap used by the targets: small, so that cutting at the cap (at a
/// char boundary) is exercised often.
pub const CAP: usize = 4096;

/// Writes `data` to this process's scratch file and returns its path.
pub fn scratch(data: &[u8]) -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("scratch folder"));
    let path = dir.path().join("upload");
    std::fs::write(&path, data).expect("write scratch file");
    path
}

/// Archive limits tighter than the app's, so the bomb checks are reached by
/// small inputs too.
pub fn tight_limits() -> ArchiveLimits {
    ArchiveLimits {
        max_entries: 16,
        max_unpacked_bytes: 256 * 1024,
        max_ratio: 20,
        ratio_min_size: 4096,
    }
}

/// What the upload path does with a file once spooled: its kind from the
/// content (bomb checks included), then its text.
pub fn inspect(data: &[u8], limits: &ArchiveLimits, extract_pdf: bool) {
    let path = scratch(data);
    let kind = match sniff_path(&path, limits) {
        Ok(kind) => kind,
        Err(UploadError::Empty) => {
            assert!(data.is_empty(), "Empty for {} bytes", data.len());
            return;
        }
        Err(_) => return,
    };
    assert!(!data.is_empty());
    if kind == FileKind::Pdf && !extract_pdf {
        return;
    }
    check_text(extract_text_with_limits(kind, &path, CAP, limits), kind);
}

/// An extracted text is within the cap and never blank (blank is `None`).
pub fn check_text(text: Option<String>, kind: FileKind) {
    if let Some(text) = text {
        assert!(
            text.len() <= CAP,
            "{} bytes of text over the cap",
            text.len()
        );
        assert!(!text.trim().is_empty(), "blank text returned as Some");
        assert!(
            !matches!(kind, FileKind::Jpeg | FileKind::Png | FileKind::Webp),
            "text from an image"
        );
    }
}

/// PDF text extraction catches `pdf-extract`'s panics page by page (see
/// `majlis_files::extracting`), as the app's panic hook expects; libFuzzer's
/// hook aborts on every panic. This keeps its abort for every panic except
/// those caught inside an extraction.
pub fn allow_caught_extraction_panics() {
    let abort = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !majlis_files::extracting() {
            abort(info);
        }
    }));
}
