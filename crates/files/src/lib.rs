//! File storage for Majlis.
//!
//! * [`FileStore`]: content-addressed storage (key `sha256/ab/cd/<digest>`)
//!   through `object_store`: a local folder, S3-compatible storage, or memory.
//!   Identical uploads are stored once.
//! * [`FileStore::put`]: a streamed upload with a size limit, spooled to a
//!   scratch file while hashed, its kind decided from the content
//!   ([`sniff`]), ZIP-based files checked for decompression bombs
//!   ([`ArchiveLimits`]), optionally with text extracted for search
//!   ([`extract_text`]).
//! * Serving: [`FileStore::get`], [`FileKind::mime`], [`content_disposition`].
//!
//! Knows nothing of the web application; errors are typed ([`UploadError`],
//! [`StoreError`]) for the application to translate.
//!
//! Memory: an upload is spooled to disk and copied to the store in 8 MiB
//! parts (about 20 MB resident whatever the file size). PDF text extraction
//! maps the file and keeps on the heap a compact copy of its dictionaries
//! and one page's objects at a time (about a fifth of a 20 MB text PDF, far
//! less for one made of images; see `pdf`); ZIP-based formats are streamed.
//! Extraction runs on tokio's blocking threads, and glibc keeps a malloc
//! arena per thread: without `MALLOC_ARENA_MAX=2` (or another allocator) the
//! process's resident size grows with the number of threads that ever
//! extracted a large document, although nothing leaks.

#![warn(missing_docs)]

mod disposition;
mod error;
mod extract;
mod kind;
mod pdf;
mod sha;
mod sniff;
mod store;

pub use disposition::content_disposition;
pub use error::{StoreError, UploadError};
pub use extract::{DEFAULT_TEXT_CAP, extract_text, extract_text_with_limits};
pub use kind::{FileKind, ParseFileKindError};
pub use pdf::extracting;
pub use sha::{ParseSha256Error, Sha256};
pub use sniff::{ArchiveLimits, sniff, sniff_bytes, sniff_path};
pub use store::{Download, FileStore, PutOptions, Spooled, Stored};
