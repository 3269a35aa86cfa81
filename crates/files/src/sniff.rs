//! Deciding a file's kind from its bytes, and the decompression-bomb checks
//! every ZIP-based file goes through before it is accepted.
//!
//! Magic bytes (PDF, JPEG, PNG, WebP, ZIP) are checked by hand: five
//! comparisons do not justify a dependency. ZIP-based office formats are told
//! apart by their entries, read with the `zip` crate.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use zip::ZipArchive;

use crate::{FileKind, UploadError};

/// Limits applied to ZIP-based files (OOXML and ODF) before they are accepted
/// and while text is extracted from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// Most entries (files and folders) an archive may have.
    pub max_entries: usize,
    /// Most bytes all entries together may declare once unpacked.
    pub max_unpacked_bytes: u64,
    /// Highest compression ratio (unpacked : packed) for entries larger than
    /// [`ratio_min_size`](Self::ratio_min_size).
    pub max_ratio: u64,
    /// Entries whose unpacked size is at most this are exempt from the ratio
    /// check (small XML parts legitimately compress very well).
    pub ratio_min_size: u64,
}

impl Default for ArchiveLimits {
    /// 10 000 entries, 512 MiB unpacked, 100:1 for entries over 1 MiB.
    fn default() -> Self {
        Self {
            max_entries: 10_000,
            max_unpacked_bytes: 512 * 1024 * 1024,
            max_ratio: 100,
            ratio_min_size: 1024 * 1024,
        }
    }
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// What the first bytes say, before any archive is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Magic {
    Kind(FileKind),
    Zip,
}

fn magic(head: &[u8]) -> Option<Magic> {
    if head.starts_with(b"%PDF-") {
        Some(Magic::Kind(FileKind::Pdf))
    } else if head.starts_with(b"\xff\xd8\xff") {
        Some(Magic::Kind(FileKind::Jpeg))
    } else if head.starts_with(PNG_MAGIC) {
        Some(Magic::Kind(FileKind::Png))
    } else if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some(Magic::Kind(FileKind::Webp))
    } else if head.starts_with(ZIP_MAGIC) {
        Some(Magic::Zip)
    } else {
        None
    }
}

/// Decides the kind of the file in `reader` from its content, running the
/// [`ArchiveLimits`] checks on ZIP-based files.
///
/// Errors: [`UploadError::Empty`], [`UploadError::UnsupportedType`] (an
/// executable, HTML, SVG, a plain ZIP, a legacy `.doc`, a macro-enabled
/// OOXML file, …), [`UploadError::Bomb`], [`UploadError::Malformed`] (a ZIP
/// that cannot be read), [`UploadError::Scratch`] for I/O errors.
pub fn sniff<R: Read + Seek>(
    mut reader: R,
    limits: &ArchiveLimits,
) -> Result<FileKind, UploadError> {
    let mut head = [0u8; 16];
    let n = read_up_to(&mut reader, &mut head).map_err(UploadError::Scratch)?;
    if n == 0 {
        return Err(UploadError::Empty);
    }
    match magic(&head[..n]) {
        Some(Magic::Kind(kind)) => Ok(kind),
        Some(Magic::Zip) => {
            reader
                .seek(SeekFrom::Start(0))
                .map_err(UploadError::Scratch)?;
            let mut archive = open_archive(reader, limits)?;
            zip_kind(&mut archive)
        }
        None => Err(UploadError::UnsupportedType),
    }
}

/// [`sniff`] on a file.
pub fn sniff_path(path: &Path, limits: &ArchiveLimits) -> Result<FileKind, UploadError> {
    let file = File::open(path).map_err(UploadError::Scratch)?;
    sniff(BufReader::new(file), limits)
}

/// [`sniff`] on bytes in memory.
pub fn sniff_bytes(bytes: &[u8], limits: &ArchiveLimits) -> Result<FileKind, UploadError> {
    sniff(Cursor::new(bytes), limits)
}

fn read_up_to<R: Read>(reader: &mut R, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Opens a ZIP archive and checks its central directory against `limits`.
pub(crate) fn open_archive<R: Read + Seek>(
    reader: R,
    limits: &ArchiveLimits,
) -> Result<ZipArchive<R>, UploadError> {
    let archive = ZipArchive::new(reader).map_err(|e| match e {
        zip::result::ZipError::Io(io) => UploadError::Scratch(io),
        _ => UploadError::Malformed,
    })?;
    check_archive(&archive, limits)?;
    Ok(archive)
}

/// The decompression-bomb checks, on the central directory only: entry
/// count, declared total unpacked size, and per-entry compression ratio.
/// Declared sizes can lie; readers of entries cap what they read separately.
fn check_archive<R: Read + Seek>(
    archive: &ZipArchive<R>,
    limits: &ArchiveLimits,
) -> Result<(), UploadError> {
    if archive.len() > limits.max_entries {
        return Err(UploadError::Bomb);
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_data(i)
            .map_err(|_| UploadError::Malformed)?;
        let size = entry.size();
        let packed = entry.compressed_size();
        total = total.saturating_add(size);
        if total > limits.max_unpacked_bytes {
            return Err(UploadError::Bomb);
        }
        if size > limits.ratio_min_size && size > packed.saturating_mul(limits.max_ratio) {
            return Err(UploadError::Bomb);
        }
    }
    Ok(())
}

fn zip_kind<R: Read + Seek>(archive: &mut ZipArchive<R>) -> Result<FileKind, UploadError> {
    let has = |a: &ZipArchive<R>, name: &str| a.index_for_name(name).is_some();
    if has(archive, "[Content_Types].xml") {
        // Macro-enabled documents (.docm, .xlsm, .pptm) carry a VBA project;
        // they are not what their .docx/.xlsx/.pptx name promises.
        let has_macros = archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin")));
        if has_macros {
            return Err(UploadError::UnsupportedType);
        }
        return if has(archive, "word/document.xml") {
            Ok(FileKind::Docx)
        } else if has(archive, "ppt/presentation.xml") {
            Ok(FileKind::Pptx)
        } else if has(archive, "xl/workbook.xml") {
            Ok(FileKind::Xlsx)
        } else {
            Err(UploadError::UnsupportedType)
        };
    }
    if archive.index_for_name("mimetype").is_some() {
        let mut mime = String::new();
        let entry = archive
            .by_name("mimetype")
            .map_err(|_| UploadError::Malformed)?;
        // A lying header must not make this read more than a short line.
        entry
            .take(128)
            .read_to_string(&mut mime)
            .map_err(|_| UploadError::Malformed)?;
        return match mime.trim() {
            "application/vnd.oasis.opendocument.text" => Ok(FileKind::Odt),
            "application/vnd.oasis.opendocument.spreadsheet" => Ok(FileKind::Ods),
            "application/vnd.oasis.opendocument.presentation" => Ok(FileKind::Odp),
            _ => Err(UploadError::UnsupportedType),
        };
    }
    Err(UploadError::UnsupportedType)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        let l = ArchiveLimits::default();
        assert_eq!(sniff_bytes(b"%PDF-1.7\n", &l).ok(), Some(FileKind::Pdf));
        assert_eq!(
            sniff_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF", &l).ok(),
            Some(FileKind::Jpeg)
        );
        assert_eq!(
            sniff_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &l).ok(),
            Some(FileKind::Png)
        );
        assert_eq!(
            sniff_bytes(b"RIFF\x24\0\0\0WEBPVP8 ", &l).ok(),
            Some(FileKind::Webp)
        );
        assert!(matches!(
            sniff_bytes(b"RIFF\x24\0\0\0WAVEfmt ", &l),
            Err(UploadError::UnsupportedType)
        ));
        assert!(matches!(sniff_bytes(b"", &l), Err(UploadError::Empty)));
        assert!(matches!(
            sniff_bytes(b"x", &l),
            Err(UploadError::UnsupportedType)
        ));
        assert!(matches!(
            sniff_bytes(b"PK\x03\x04garbage", &l),
            Err(UploadError::Malformed)
        ));
        // Legacy .doc (OLE compound file).
        assert!(matches!(
            sniff_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", &l),
            Err(UploadError::UnsupportedType)
        ));
    }
}
