//! The file types Majlis accepts, decided from content.

use std::fmt;
use std::str::FromStr;

/// A file type Majlis accepts. Decided by [`crate::sniff`] from the content,
/// never from the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// PDF document.
    Pdf,
    /// Word document (Office Open XML).
    Docx,
    /// PowerPoint presentation (Office Open XML).
    Pptx,
    /// Excel workbook (Office Open XML).
    Xlsx,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// OpenDocument presentation.
    Odp,
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
    /// WebP image.
    Webp,
}

/// Why a string is not a [`FileKind`] name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown file kind")]
pub struct ParseFileKindError;

impl FileKind {
    /// Every kind, in a stable order.
    pub const ALL: [FileKind; 10] = [
        FileKind::Pdf,
        FileKind::Docx,
        FileKind::Pptx,
        FileKind::Xlsx,
        FileKind::Odt,
        FileKind::Ods,
        FileKind::Odp,
        FileKind::Jpeg,
        FileKind::Png,
        FileKind::Webp,
    ];

    /// Stable short name for a database column: `pdf`, `docx`, … (parsed back by [`FromStr`]).
    pub const fn as_str(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Docx => "docx",
            FileKind::Pptx => "pptx",
            FileKind::Xlsx => "xlsx",
            FileKind::Odt => "odt",
            FileKind::Ods => "ods",
            FileKind::Odp => "odp",
            FileKind::Jpeg => "jpeg",
            FileKind::Png => "png",
            FileKind::Webp => "webp",
        }
    }

    /// MIME type for the `Content-Type` header.
    pub const fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileKind::Odp => "application/vnd.oasis.opendocument.presentation",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Webp => "image/webp",
        }
    }

    /// Usual file extension, without the dot (`jpg` for JPEG).
    pub const fn extension(self) -> &'static str {
        match self {
            FileKind::Jpeg => "jpg",
            other => other.as_str(),
        }
    }

    /// Whether this is a raster image (JPEG, PNG, WebP).
    pub const fn is_image(self) -> bool {
        matches!(self, FileKind::Jpeg | FileKind::Png | FileKind::Webp)
    }

    /// Whether a browser may be asked to show it in place (`inline`): PDF and raster images only.
    pub const fn may_be_inline(self) -> bool {
        matches!(self, FileKind::Pdf) || self.is_image()
    }

    /// Whether text can be extracted from this kind (everything but images).
    pub const fn has_text(self) -> bool {
        !self.is_image()
    }

    /// `filename` with an extension that matches this kind: kept when it already
    /// matches (case-insensitively; `jpeg` counts for JPEG), appended otherwise,
    /// so `report.pdf` that is really a PNG downloads as `report.pdf.png`.
    pub fn download_name(self, filename: &str) -> String {
        let ext = filename
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let matches = ext == self.extension()
            || ext == self.as_str()
            || (self == FileKind::Jpeg && ext == "jpe");
        if matches {
            filename.to_owned()
        } else {
            format!("{filename}.{}", self.extension())
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FileKind {
    type Err = ParseFileKindError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FileKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(ParseFileKindError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_helpers_agree() {
        for kind in FileKind::ALL {
            assert_eq!(kind.as_str().parse::<FileKind>(), Ok(kind));
            assert!(!kind.mime().is_empty());
        }
        assert!("PDF".parse::<FileKind>().is_err());
        assert!("doc".parse::<FileKind>().is_err());
        assert_eq!(FileKind::Webp.mime(), "image/webp");
        assert_eq!(FileKind::Jpeg.extension(), "jpg");
        assert!(FileKind::Png.is_image() && !FileKind::Pdf.is_image());
        assert!(FileKind::Pdf.may_be_inline() && !FileKind::Docx.may_be_inline());
        assert_eq!(FileKind::Pdf.download_name("Report.PDF"), "Report.PDF");
        assert_eq!(FileKind::Png.download_name("report.pdf"), "report.pdf.png");
        assert_eq!(FileKind::Jpeg.download_name("photo.jpeg"), "photo.jpeg");
        assert_eq!(FileKind::Docx.download_name("notes"), "notes.docx");
    }
}
