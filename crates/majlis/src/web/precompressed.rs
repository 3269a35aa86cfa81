//! Bodies that are sent many times (kept pages, kept downloads, static
//! files) are compressed once per encoding and then sent as they are,
//! instead of being compressed again for every request: with a browser's
//! `Accept-Encoding`, compressing a kept page cost more than serving it.
//!
//! A handler answers with [`response`], which sends the plain bytes and
//! marks the response with the kept body; [`send_compressed`], a
//! middleware inside the compression layer, swaps in the compressed copy
//! when the request asks for one in the usual way (`br` or `gzip` named
//! with or without a weight). Anything else (a wildcard, an unusual weight,
//! no `Accept-Encoding` at all) is left to the compression layer, which
//! then behaves as it does for every other response.
//!
//! The negotiation is written here (about twenty lines) because
//! tower-http's own is private to its compression layer.

use std::io::Write;
use std::sync::{Arc, OnceLock};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// The encodings kept, in the order of preference at equal weight (as the
/// compression layer prefers them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Encoding {
    /// `gzip`
    Gzip,
    /// `br`
    Brotli,
}

impl Encoding {
    fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Encoding::Gzip => "gzip",
            Encoding::Brotli => "br",
        })
    }

    fn encode(self, plain: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Encoding::Brotli => {
                // Quality 9 of 11: close to the best size at a fraction of
                // the time (a 40 kB page takes a few milliseconds, once).
                let mut w = brotli::CompressorWriter::new(Vec::new(), 4096, 9, 22);
                w.write_all(plain)?;
                w.flush()?;
                Ok(w.into_inner())
            }
            Encoding::Gzip => {
                let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                w.write_all(plain)?;
                w.finish()
            }
        }
    }
}

/// A body kept to be sent many times, with its compressed copies made on
/// first demand.
pub struct Compressible {
    plain: Bytes,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
}

impl Compressible {
    pub fn new(plain: impl Into<Bytes>) -> Self {
        Compressible {
            plain: plain.into(),
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        }
    }

    /// The body as it is.
    pub fn plain(&self) -> &Bytes {
        &self.plain
    }

    /// The body in `encoding` (`None` if the encoder failed: the body is then
    /// sent as the compression layer decides).
    pub fn encoded(&self, encoding: Encoding) -> Option<Bytes> {
        let slot = match encoding {
            Encoding::Brotli => &self.brotli,
            Encoding::Gzip => &self.gzip,
        };
        slot.get_or_init(|| match encoding.encode(&self.plain) {
            Ok(bytes) => Some(Bytes::from(bytes)),
            Err(e) => {
                tracing::warn!(error = %e, ?encoding, "could not compress a kept body");
                None
            }
        })
        .clone()
    }
}

/// Marks a response whose body is a kept one.
#[derive(Clone)]
struct Kept(Arc<Compressible>);

/// A `200 OK` response with `body`'s plain bytes, which [`send_compressed`]
/// replaces by a kept compressed copy when the request asks for one. The
/// caller adds the headers (content type first of all).
pub fn response(body: &Arc<Compressible>) -> Response {
    let mut res = Response::new(Body::from(body.plain.clone()));
    res.extensions_mut().insert(Kept(Arc::clone(body)));
    res
}

/// Whether a body of this content type gains from compression (text, JSON,
/// XML, scripts, SVG; not spreadsheets, PDFs or pictures, which are
/// compressed already).
pub fn worth_compressing(content_type: Option<&HeaderValue>) -> bool {
    let Some(essence) = content_type
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
    else {
        return false;
    };
    essence.starts_with("text/")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
        || matches!(
            essence.as_str(),
            "application/json" | "application/xml" | "application/javascript"
        )
}

/// The encoding to send a kept body in: the heaviest of `br` and `gzip`
/// in `Accept-Encoding` (brotli at equal weight). `None` when neither is
/// accepted, or when the header holds anything this reading does not
/// follow (a wildcard, a malformed weight): the compression layer decides.
pub fn preferred(headers: &HeaderMap) -> Option<Encoding> {
    let mut best: Option<(u16, Encoding)> = None;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        for item in value.to_str().ok()?.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let weight = match parts.next() {
                None => 1000,
                Some(q) => weight(q.trim())?,
            };
            if parts.next().is_some() || name == "*" {
                return None;
            }
            let encoding = if name.eq_ignore_ascii_case("br") {
                Encoding::Brotli
            } else if name.eq_ignore_ascii_case("gzip") {
                Encoding::Gzip
            } else {
                continue;
            };
            if weight > 0 && best.is_none_or(|b| (weight, encoding) > b) {
                best = Some((weight, encoding));
            }
        }
    }
    best.map(|(_, e)| e)
}

/// `q=0.8` as thousandths (800); `None` unless it is a weight of RFC 9110.
fn weight(param: &str) -> Option<u16> {
    let value = param
        .strip_prefix("q=")
        .or_else(|| param.strip_prefix("Q="))?;
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Middleware (inside the compression layer): a response marked by
/// [`response`] gets the kept compressed copy of its body in the encoding
/// the request prefers; the compression layer then leaves it alone.
pub async fn send_compressed(req: Request, next: Next) -> Response {
    let wanted = preferred(req.headers());
    let mut res = next.run(req).await;
    let Some(Kept(body)) = res.extensions_mut().remove::<Kept>() else {
        return res;
    };
    let Some(encoding) = wanted else {
        return res;
    };
    let headers = res.headers();
    if res.status() != StatusCode::OK
        || headers.contains_key(header::CONTENT_ENCODING)
        || headers.contains_key(header::CONTENT_RANGE)
        || !worth_compressing(headers.get(header::CONTENT_TYPE))
    {
        return res;
    }
    let Some(bytes) = body.encoded(encoding) else {
        return res;
    };
    let headers = res.headers_mut();
    headers.remove(header::CONTENT_LENGTH);
    headers.insert(header::CONTENT_ENCODING, encoding.header());
    let varies = headers.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    });
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    *res.body_mut() = Body::from(bytes);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn the_usual_headers_are_read_as_the_compression_layer_reads_them() {
        let cases: [(&[&str], Option<Encoding>); 12] = [
            (&["gzip, deflate, br, zstd"], Some(Encoding::Brotli)),
            (&["gzip, deflate"], Some(Encoding::Gzip)),
            (&["br;q=0.5, gzip"], Some(Encoding::Gzip)),
            (&["br;q=1.0, gzip;q=0.999"], Some(Encoding::Brotli)),
            (&["BR"], Some(Encoding::Brotli)),
            (&["gzip;q=0, br;q=0"], None),
            (&["identity"], None),
            (&[], None),
            (&["gzip", "br"], Some(Encoding::Brotli)),
            // Left to the compression layer:
            (&["*"], None),
            (&["br;q=2"], None),
            (&["gzip;q=0.1234"], None),
        ];
        for (values, expected) in cases {
            assert_eq!(preferred(&accept(values)), expected, "{values:?}");
        }
    }

    #[test]
    fn a_kept_body_decodes_to_itself() {
        let text = "<p>مرحبا — Şanlıurfa</p>".repeat(500);
        let body = Compressible::new(text.clone());
        let br = body.encoded(Encoding::Brotli).unwrap();
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut br.as_ref(), &mut out).unwrap();
        assert_eq!(out, text.as_bytes());
        assert!(br.len() < text.len() / 10, "{} of {}", br.len(), text.len());

        let gz = body.encoded(Encoding::Gzip).unwrap();
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(gz.as_ref()), &mut out)
            .unwrap();
        assert_eq!(out, text);
        // Made once: the second call returns the same bytes.
        assert_eq!(body.encoded(Encoding::Gzip).unwrap().as_ptr(), gz.as_ptr());
    }

    #[test]
    fn only_text_like_bodies_are_worth_compressing() {
        for (ct, worth) in [
            ("text/html; charset=utf-8", true),
            ("text/csv", true),
            ("application/json", true),
            ("application/atom+xml; charset=utf-8", true),
            ("image/svg+xml", true),
            ("text/javascript; charset=utf-8", true),
            (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                false,
            ),
            ("application/pdf", false),
            ("image/png", false),
        ] {
            let v = HeaderValue::from_static(ct);
            assert_eq!(worth_compressing(Some(&v)), worth, "{ct}");
        }
        assert!(!worth_compressing(None));
    }
}
