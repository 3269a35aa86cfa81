//! The SHA-256 digest that names every stored file.

use std::fmt;
use std::str::FromStr;

/// A SHA-256 digest: the identity of a stored file's content.
///
/// Parsed from exactly 64 lowercase hexadecimal characters ([`FromStr`]) and
/// displayed the same way, so it can go in URLs and database columns as is.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sha256([u8; 32]);

/// Why a string is not a [`Sha256`]: anything but 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a SHA-256 digest (64 lowercase hexadecimal characters expected)")]
pub struct ParseSha256Error;

impl Sha256 {
    /// Wraps raw digest bytes.
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The raw digest bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Digest of a byte slice (the same digest `put` computes while streaming).
    pub fn digest(data: &[u8]) -> Self {
        use sha2::Digest;
        Self(sha2::Sha256::digest(data).into())
    }

    /// The 64-character lowercase hex form.
    pub fn to_hex(&self) -> String {
        self.to_string()
    }

    /// Key of the object in the store: `sha256/ab/cd/<64 hex>`.
    pub fn storage_key(&self) -> String {
        let hex = self.to_hex();
        format!("sha256/{}/{}/{}", &hex[0..2], &hex[2..4], hex)
    }

    pub(crate) fn object_path(&self) -> object_store::path::Path {
        object_store::path::Path::from(self.storage_key())
    }
}

impl FromStr for Sha256 {
    type Err = ParseSha256Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if bytes.len() != 64 {
            return Err(ParseSha256Error);
        }
        // Lowercase only: the `hex` crate would also take uppercase digits.
        if !bytes.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(ParseSha256Error);
        }
        let mut out = [0u8; 32];
        hex::decode_to_slice(bytes, &mut out).map_err(|_| ParseSha256Error)?;
        Ok(Self(out))
    }
}

impl fmt::Display for Sha256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl fmt::Debug for Sha256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_lowercase_hex_of_the_right_length() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let sha: Sha256 = empty.parse().expect("valid digest");
        assert_eq!(sha.to_string(), empty);
        assert_eq!(sha, Sha256::digest(b""));
        assert_eq!(sha.storage_key(), format!("sha256/e3/b0/{empty}"),);
        assert!(empty.to_uppercase().parse::<Sha256>().is_err());
        assert!(empty[..63].parse::<Sha256>().is_err());
        assert!(format!("{empty}0").parse::<Sha256>().is_err());
        assert!(format!("{}g", &empty[..63]).parse::<Sha256>().is_err());
        assert!(format!(" {}", &empty[..63]).parse::<Sha256>().is_err());
        assert!("".parse::<Sha256>().is_err());
        // Multi-byte characters must not slip through a byte-length check.
        assert!("é".repeat(32).parse::<Sha256>().is_err());
    }
}
