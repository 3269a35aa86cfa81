//! The content-addressed store: streamed uploads in, byte streams out.

use std::fmt;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::stream::{BoxStream, Stream, StreamExt, TryStreamExt};
use object_store::memory::InMemory;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use sha2::Digest;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::extract::{DEFAULT_TEXT_CAP, extract_text_with_limits};
use crate::sniff::{ArchiveLimits, sniff_path};
use crate::{FileKind, Sha256, StoreError, UploadError};

/// Files up to this size go to the store in one request; larger ones as a
/// multipart upload streamed from the spooled file, so memory stays bounded.
const SINGLE_PUT_MAX: u64 = 8 * 1024 * 1024;
/// Part size of multipart uploads (S3 needs at least 5 MiB).
const PART_SIZE: usize = 8 * 1024 * 1024;
/// Read size when copying a spooled file into the store.
const COPY_CHUNK: usize = 1024 * 1024;

/// Where files live: a local folder, S3-compatible storage, or memory (tests).
/// Cheap to clone; share one per application.
#[derive(Clone)]
pub struct FileStore {
    inner: Arc<dyn ObjectStore>,
}

impl fmt::Debug for FileStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileStore({})", self.inner)
    }
}

/// How [`FileStore::put`] treats one upload.
#[derive(Debug, Clone)]
pub struct PutOptions {
    /// Most bytes accepted; reading stops with [`UploadError::TooLarge`] as soon as the body passes it.
    pub max_bytes: u64,
    /// Where the body is spooled while it is hashed and inspected (created if missing).
    /// Best on the same disk as a local store.
    pub scratch_dir: PathBuf,
    /// Whether to extract text (on a blocking thread) and return it in [`Stored::text`].
    pub extract_text: bool,
    /// Decompression-bomb limits for ZIP-based files.
    pub limits: ArchiveLimits,
    /// Most bytes of extracted text kept.
    pub text_cap: usize,
}

impl PutOptions {
    /// The app's defaults: 50 MB, no text extraction, default limits, 2 MiB of text.
    pub fn new(scratch_dir: impl Into<PathBuf>) -> Self {
        Self {
            max_bytes: 50 * 1000 * 1000,
            scratch_dir: scratch_dir.into(),
            extract_text: false,
            limits: ArchiveLimits::default(),
            text_cap: DEFAULT_TEXT_CAP,
        }
    }
}

/// What [`FileStore::put`] stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Digest of the content, its name in the store.
    pub sha256: Sha256,
    /// Size in bytes.
    pub size: u64,
    /// Kind decided from the content.
    pub kind: FileKind,
    /// Extracted text, when asked for and there was any.
    pub text: Option<String>,
    /// True when the same bytes were already stored (nothing was written).
    pub already_present: bool,
}

/// An upload checked by [`FileStore::spool`], waiting in a temporary file
/// for [`FileStore::keep`]; dropping it removes the temporary file.
pub struct Spooled {
    temp: tempfile::NamedTempFile,
    /// Digest of the content, its name in the store.
    pub sha256: Sha256,
    /// Size in bytes.
    pub size: u64,
    /// Kind decided from the content.
    pub kind: FileKind,
    /// Extracted text, when asked for and there was any.
    pub text: Option<String>,
}

impl fmt::Debug for Spooled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spooled")
            .field("sha256", &self.sha256)
            .field("size", &self.size)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

/// A file being read from the store.
pub struct Download {
    /// Size in bytes (for `Content-Length`).
    pub size: u64,
    /// The bytes, in chunks.
    pub stream: BoxStream<'static, Result<Bytes, StoreError>>,
}

impl fmt::Debug for Download {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// Reads the whole file into memory (for tests and small files).
    pub async fn bytes(self) -> Result<Vec<u8>, StoreError> {
        let mut out = Vec::with_capacity(usize::try_from(self.size).unwrap_or(0));
        let mut stream = self.stream;
        while let Some(chunk) = stream.next().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }
}

impl FileStore {
    /// A store in the local folder `root`, created if missing.
    pub fn local(root: &Path) -> Result<FileStore, StoreError> {
        std::fs::create_dir_all(root)?;
        let fs = object_store::local::LocalFileSystem::new_with_prefix(root)?;
        Ok(FileStore {
            inner: Arc::new(fs),
        })
    }

    /// A store in memory, for tests.
    pub fn memory() -> FileStore {
        FileStore {
            inner: Arc::new(InMemory::new()),
        }
    }

    /// A store from a URL: `file:///srv/majlis/files` (a local folder),
    /// `memory://`, or S3-compatible storage as `s3://bucket/optional/prefix`
    /// with `options` such as `endpoint`, `region`, `access_key_id`,
    /// `secret_access_key`, `allow_http` (object_store's `AmazonS3ConfigKey`
    /// names, with or without the `aws_` prefix). Unknown option names are
    /// refused rather than ignored.
    pub fn from_url(url: &str, options: &[(String, String)]) -> Result<FileStore, StoreError> {
        let parsed = url::Url::parse(url).map_err(|e| StoreError::Config(format!("{url}: {e}")))?;
        match parsed.scheme() {
            "file" => {
                let path = parsed
                    .to_file_path()
                    .map_err(|()| StoreError::Config(format!("{url}: not a local path")))?;
                return FileStore::local(&path);
            }
            "memory" => return Ok(FileStore::memory()),
            "s3" | "s3a" => {}
            other => {
                return Err(StoreError::Config(format!(
                    "unsupported storage scheme {other:?} (file, memory, s3)"
                )));
            }
        }
        for (key, _) in options {
            key.to_ascii_lowercase()
                .parse::<object_store::aws::AmazonS3ConfigKey>()
                .map_err(|_| StoreError::Config(format!("unknown S3 option {key:?}")))?;
        }
        // reqwest is built without a bundled TLS provider; use ring, which the
        // rest of the application already links. Fails harmlessly when the
        // application installed a provider itself.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let (store, prefix) = object_store::parse_url_opts(
            &parsed,
            options.iter().map(|(k, v)| (k.as_str(), v.clone())),
        )
        .map_err(|e| StoreError::Config(e.to_string()))?;
        let inner: Arc<dyn ObjectStore> = if prefix.as_ref().is_empty() {
            Arc::from(store)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(store, prefix))
        };
        Ok(FileStore { inner })
    }

    /// Stores an upload: [`FileStore::spool`], then [`FileStore::keep`].
    ///
    /// Pass an axum body as `body.into_data_stream()`, a multipart field as
    /// `field.map_err(…)`: any stream of `Result<Bytes, E>`.
    pub async fn put<S, E>(&self, body: S, opts: &PutOptions) -> Result<Stored, UploadError>
    where
        S: Stream<Item = Result<Bytes, E>>,
        E: std::error::Error + Send + Sync + 'static,
    {
        let spooled = self.spool(body, opts).await?;
        Ok(self.keep(spooled).await?)
    }

    /// Checks an upload without storing it yet.
    ///
    /// The body is spooled to a temporary file in `opts.scratch_dir` while it
    /// is hashed and counted; reading stops with [`UploadError::TooLarge`] as
    /// soon as the count passes `opts.max_bytes`. The kind is then decided
    /// from the content ([`crate::sniff`], bomb checks included) and text is
    /// extracted on a blocking thread if `opts.extract_text`. Nothing is in
    /// the store until [`FileStore::keep`]; dropping the [`Spooled`] removes
    /// the temporary file. Between the two, the caller may record the digest
    /// (so that a collector of unused files sees it before the bytes land).
    pub async fn spool<S, E>(&self, body: S, opts: &PutOptions) -> Result<Spooled, UploadError>
    where
        S: Stream<Item = Result<Bytes, E>>,
        E: std::error::Error + Send + Sync + 'static,
    {
        let scratch = opts.scratch_dir.clone();
        let temp = blocking(move || {
            std::fs::create_dir_all(&scratch)?;
            tempfile::Builder::new()
                .prefix(".upload-")
                .tempfile_in(&scratch)
        })
        .await?
        .map_err(UploadError::Scratch)?;

        let (sha256, size) = spool(body, &temp, opts.max_bytes).await?;

        let limits = opts.limits.clone();
        let want_text = opts.extract_text;
        let cap = opts.text_cap;
        let (temp, inspected) = blocking(move || {
            let kind = sniff_path(temp.path(), &limits);
            let inspected = kind.map(|kind| {
                let text = if want_text {
                    extract_text_with_limits(kind, temp.path(), cap, &limits)
                } else {
                    None
                };
                (kind, text)
            });
            (temp, inspected)
        })
        .await?;
        let (kind, text) = inspected?;
        Ok(Spooled {
            temp,
            sha256,
            size,
            kind,
            text,
        })
    }

    /// Writes a checked upload under its digest, unless the store already
    /// has those bytes (then nothing is written). On error nothing is stored.
    pub async fn keep(&self, spooled: Spooled) -> Result<Stored, StoreError> {
        let Spooled {
            temp,
            sha256,
            size,
            kind,
            text,
        } = spooled;
        let location = sha256.object_path();
        let already_present = match self.inner.head(&location).await {
            Ok(_) => true,
            Err(object_store::Error::NotFound { .. }) => false,
            Err(e) => return Err(StoreError::from(e)),
        };
        if !already_present {
            self.write(&location, temp.path(), size).await?;
        }
        drop(temp);
        Ok(Stored {
            sha256,
            size,
            kind,
            text,
            already_present,
        })
    }

    /// Copies a spooled file into the store without holding it all in memory.
    async fn write(
        &self,
        location: &object_store::path::Path,
        path: &Path,
        size: u64,
    ) -> Result<(), StoreError> {
        let mut file = tokio::fs::File::open(path).await?;
        if size <= SINGLE_PUT_MAX {
            let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            file.read_to_end(&mut buf).await?;
            self.inner
                .put(location, PutPayload::from(Bytes::from(buf)))
                .await?;
            return Ok(());
        }
        let upload = self.inner.put_multipart(location).await?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART_SIZE);
        let mut buf = vec![0u8; COPY_CHUNK];
        loop {
            let n = match file.read(&mut buf).await {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    let _ = writer.abort().await;
                    return Err(e.into());
                }
            };
            if let Err(e) = writer.wait_for_capacity(2).await {
                let _ = writer.abort().await;
                return Err(e.into());
            }
            writer.write(&buf[..n]);
        }
        writer.finish().await?;
        Ok(())
    }

    /// Opens a stored file for reading: its size and a stream of its bytes.
    pub async fn get(&self, sha: &Sha256) -> Result<Download, StoreError> {
        let result = self.inner.get(&sha.object_path()).await?;
        let size = result.meta.size;
        let stream = result.into_stream().map_err(StoreError::from).boxed();
        Ok(Download { size, stream })
    }

    /// Whether a file with this digest is stored.
    pub async fn exists(&self, sha: &Sha256) -> Result<bool, StoreError> {
        match self.inner.head(&sha.object_path()).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes a stored file (the caller makes sure nothing refers to it any
    /// more: identical uploads share one object). Removing a missing file is not an error.
    pub async fn delete(&self, sha: &Sha256) -> Result<(), StoreError> {
        match self.inner.delete(&sha.object_path()).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Every stored digest, in no particular order (for audits and garbage
    /// collection). Objects that are not ours are skipped.
    pub fn list(&self) -> BoxStream<'static, Result<Sha256, StoreError>> {
        let prefix = object_store::path::Path::from("sha256");
        self.inner
            .list(Some(&prefix))
            .filter_map(|meta| async move {
                match meta {
                    Ok(meta) => {
                        let sha: Sha256 = meta.location.filename()?.parse().ok()?;
                        (sha.object_path() == meta.location).then_some(Ok(sha))
                    }
                    Err(e) => Some(Err(StoreError::from(e))),
                }
            })
            .boxed()
    }
}

/// Writes `body` into `temp`, hashing and counting; stops as soon as the
/// count passes `max_bytes`.
async fn spool<S, E>(
    body: S,
    temp: &tempfile::NamedTempFile,
    max_bytes: u64,
) -> Result<(Sha256, u64), UploadError>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: std::error::Error + Send + Sync + 'static,
{
    let file = temp.as_file().try_clone().map_err(UploadError::Scratch)?;
    let mut out = tokio::io::BufWriter::with_capacity(COPY_CHUNK, tokio::fs::File::from_std(file));
    let mut hasher = sha2::Sha256::new();
    let mut size: u64 = 0;
    let mut body = pin!(body);
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| UploadError::Body(Box::new(e)))?;
        size = size.saturating_add(chunk.len() as u64);
        if size > max_bytes {
            return Err(UploadError::TooLarge { limit: max_bytes });
        }
        hasher.update(&chunk);
        out.write_all(&chunk).await.map_err(UploadError::Scratch)?;
    }
    out.flush().await.map_err(UploadError::Scratch)?;
    out.into_inner()
        .sync_all()
        .await
        .map_err(UploadError::Scratch)?;
    if size == 0 {
        return Err(UploadError::Empty);
    }
    Ok((Sha256::from_bytes(hasher.finalize().into()), size))
}

/// Runs blocking work off the async threads; a panicking worker becomes an I/O error.
async fn blocking<T, F>(f: F) -> Result<T, UploadError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| UploadError::Scratch(std::io::Error::other(e)))
}
