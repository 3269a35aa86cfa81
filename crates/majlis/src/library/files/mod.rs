//! Uploads and downloads through `majlis-files`: a folder under the data
//! directory by default, S3-compatible storage when configured. A file is
//! checked (type from its content, size while streaming, archives against
//! bombs) before anything is stored. An upload form is bounded as a whole
//! (fields, files, bytes across every part) and each person's stored files
//! by a quota (staff exempt).
//!
//! Every stored file has a `file_object` row, written (with its uploader in
//! `file_owner`) before its bytes reach the store. A row that nothing refers
//! to carries `orphan_since`; [`collect`], run on every node, removes such
//! files once `file_grace_hours` have passed: it deletes the row by a
//! conditional delete (still unused, still old) and removes the bytes while
//! that transaction still holds the row, so an upload of the same bytes on
//! any node (which first refreshes or re-creates the row, waiting on that
//! lock, and only then looks in the store) either keeps the file or writes
//! it again.

use majlis_files::FileKind;

mod form;
mod orphans;
mod upload;

pub use form::{FormError, UploadForm, read_form};
pub use orphans::{Collected, EVERY, Holders, Holds, adopt, collect, spawn};
pub use upload::{FormLimits, MadeError, Uploader, Uploads, record, refusal_message, usage};

/// Largest plain (non-file) form value read from an upload form.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// The kind of a row made for bytes found in the store without one (stored
/// before rows were written at upload): it is removed after the grace period
/// unless an upload of the same bytes fills it in.
pub const UNKNOWN_KIND: &str = "unknown";

const MB: u64 = 1024 * 1024;

/// A file name as people gave it, without any folder part or control
/// characters, at most 200 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !crate::web::input::is_unwanted(*c))
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

/// A download's file name: the given one, with the extension its real type has.
pub fn download_name(name: Option<&str>, kind: FileKind) -> String {
    let name = clean_file_name(name.unwrap_or("file"));
    let ext = kind.extension();
    let lower = name.to_lowercase();
    if lower.ends_with(&format!(".{ext}")) {
        name
    } else {
        format!("{name}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_folders_and_controls() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\x\\تقرير.pdf"), "تقرير.pdf");
        assert_eq!(clean_file_name("a\r\nb.pdf"), "ab.pdf");
        assert_eq!(clean_file_name(".."), "file");
        assert_eq!(download_name(Some("report"), FileKind::Pdf), "report.pdf");
        assert_eq!(download_name(Some("x.PDF"), FileKind::Pdf), "x.PDF");
    }
}
