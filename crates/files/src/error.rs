//! Typed errors; the web app maps them to translated messages and status codes.

use std::error::Error as StdError;

/// A problem with the object store or its configuration.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No object with that digest.
    #[error("file not found in storage")]
    NotFound,
    /// The storage URL or one of its options is invalid.
    #[error("invalid storage configuration: {0}")]
    Config(String),
    /// The backend refused our credentials or permissions (S3 answered 401
    /// or 403: a wrong key or secret, a bucket policy). Retrying will not help.
    #[error("storage refused access (check the storage credentials): {0}")]
    Denied(#[source] object_store::Error),
    /// The backend (local disk, S3, …) failed.
    #[error("storage backend failed: {0}")]
    Backend(#[source] object_store::Error),
    /// Local I/O around the store failed (creating the root directory, reading a spooled upload).
    #[error("storage I/O failed: {0}")]
    Io(#[from] std::io::Error),
}

impl From<object_store::Error> for StoreError {
    fn from(e: object_store::Error) -> Self {
        match e {
            object_store::Error::NotFound { .. } => StoreError::NotFound,
            e @ (object_store::Error::PermissionDenied { .. }
            | object_store::Error::Unauthenticated { .. }) => StoreError::Denied(e),
            other => StoreError::Backend(other),
        }
    }
}

/// Why an upload was refused or failed. Nothing is stored when `put` returns one of these.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// The body had no bytes.
    #[error("the file is empty")]
    Empty,
    /// The body was longer than the limit; reading stopped as soon as it passed it.
    #[error("the file is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The content is none of the accepted kinds (whatever its name says).
    #[error("unsupported file type")]
    UnsupportedType,
    /// A ZIP-based file whose entries are too many, too large once unpacked,
    /// or compressed suspiciously well (a decompression bomb).
    #[error("the archive unpacks to too much data (decompression bomb)")]
    Bomb,
    /// The content starts like an accepted kind but cannot be read as one
    /// (e.g. a broken ZIP central directory).
    #[error("the file is damaged")]
    Malformed,
    /// Reading the request body failed (the client went away, a multipart error, …).
    #[error("reading the upload failed: {0}")]
    Body(#[source] Box<dyn StdError + Send + Sync>),
    /// The scratch directory failed (disk full, permissions), or the blocking
    /// worker that inspects the file died.
    #[error("spooling the upload failed: {0}")]
    Scratch(#[source] std::io::Error),
    /// The object store failed while checking for or writing the file.
    #[error(transparent)]
    Storage(#[from] StoreError),
}

impl UploadError {
    /// Whether the fault is the uploader's (a 4xx in HTTP terms) rather than the server's.
    pub fn is_client_error(&self) -> bool {
        matches!(
            self,
            UploadError::Empty
                | UploadError::TooLarge { .. }
                | UploadError::UnsupportedType
                | UploadError::Bomb
                | UploadError::Malformed
                | UploadError::Body(_)
        )
    }
}
