//! Photos people upload (JPEG, PNG or WebP, recognised by their content,
//! never by their name), made into thumbnails: turned upright by their
//! EXIF orientation, scaled to fit a square of a given side (never
//! enlarged) and written as lossless WebP. Knows nothing of the app.
//!
//! Decoding is bounded: a picture whose declared size exceeds
//! [`MAX_SIDE`] on a side or whose pixels would need more than
//! [`MAX_ALLOC`] bytes is refused before its pixels are read, so a small
//! file cannot claim gigabytes.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The largest side a picture may declare.
pub const MAX_SIDE: u32 = 12_000;
/// The most memory decoding one picture may take.
pub const MAX_ALLOC: u64 = 256 * 1024 * 1024;

/// The formats accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

impl Format {
    fn image(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
            Format::Webp => ImageFormat::WebP,
        }
    }
}

/// The format the bytes are in, from their first bytes; `None` for
/// anything but JPEG, PNG and WebP.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(Format::Webp)
    } else {
        None
    }
}

/// Why a picture was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PictureError {
    /// Not a JPEG, PNG or WebP file.
    #[error("not a JPEG, PNG or WebP picture")]
    NotAPicture,
    /// Its declared size is beyond the limits.
    #[error("the picture is too large to decode")]
    TooLarge,
    /// It says it is a picture but cannot be read as one.
    #[error("the picture cannot be read: {0}")]
    Unreadable(String),
}

/// A thumbnail: lossless WebP bytes and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thumbnail {
    pub webp: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Reads a picture (by its content) and writes its thumbnail, fitting a
/// square of `max_side` pixels.
pub fn thumbnail(bytes: &[u8], max_side: u32) -> Result<Thumbnail, PictureError> {
    let format = sniff(bytes).ok_or(PictureError::NotAPicture)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image());
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refused)?;
    let orientation = decoder.orientation().map_err(refused)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refused)?;
    picture.apply_orientation(orientation);
    let side = max_side.max(1);
    let picture = if picture.width() > side || picture.height() > side {
        picture.resize(side, side, image::imageops::FilterType::Triangle)
    } else {
        picture
    };
    // Lossless WebP of eight-bit RGB (RGBA when the picture has alpha).
    let picture = if picture.color().has_alpha() {
        DynamicImage::ImageRgba8(picture.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(picture.to_rgb8())
    };
    let mut webp = Vec::new();
    picture
        .write_with_encoder(image::codecs::webp::WebPEncoder::new_lossless(&mut webp))
        .map_err(|e| PictureError::Unreadable(e.to_string()))?;
    Ok(Thumbnail {
        webp,
        width: picture.width(),
        height: picture.height(),
    })
}

fn refused(e: image::ImageError) -> PictureError {
    match e {
        image::ImageError::Limits(_) => PictureError::TooLarge,
        e => PictureError::Unreadable(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb};

    fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
        let picture = ImageBuffer::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(picture)
            .write_to(&mut out, format)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn a_large_jpeg_becomes_a_webp_thumbnail() {
        let jpeg = encoded(1600, 900, ImageFormat::Jpeg);
        assert_eq!(sniff(&jpeg), Some(Format::Jpeg));
        let t = thumbnail(&jpeg, 640).unwrap();
        assert_eq!((t.width, t.height), (640, 360));
        assert_eq!(sniff(&t.webp), Some(Format::Webp));
        let back = image::load_from_memory_with_format(&t.webp, ImageFormat::WebP).unwrap();
        assert_eq!((back.width(), back.height()), (640, 360));
    }

    #[test]
    fn a_small_png_is_not_enlarged() {
        let png = encoded(200, 300, ImageFormat::Png);
        let t = thumbnail(&png, 640).unwrap();
        assert_eq!((t.width, t.height), (200, 300));
    }

    #[test]
    fn text_named_as_a_picture_is_refused() {
        assert_eq!(
            thumbnail(b"just some text, not a photo", 640),
            Err(PictureError::NotAPicture)
        );
        assert_eq!(sniff(b"GIF89a......"), None);
    }

    #[test]
    fn a_truncated_picture_is_refused() {
        let jpeg = encoded(100, 100, ImageFormat::Jpeg);
        assert!(matches!(
            thumbnail(&jpeg[..40], 640),
            Err(PictureError::Unreadable(_))
        ));
    }

    #[test]
    fn a_picture_claiming_a_huge_size_is_refused_before_decoding() {
        // A PNG header declaring 100 000 × 100 000 pixels.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        assert!(thumbnail(&png, 640).is_err());
    }
}
