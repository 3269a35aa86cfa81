//! Random tokens (sessions, anti-forgery, links in mail) and comparing a
//! submitted token with the expected one. Infrastructure: imports nothing of
//! the app.

use subtle::ConstantTimeEq;

/// 128 random bits as 32 hex digits.
pub fn random_token() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// Whether a submitted token is the expected one, in constant time for
/// equal lengths (tokens have a fixed length).
pub fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_compared_whole() {
        let t = random_token();
        assert_eq!(t.len(), 32);
        assert!(t.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(t, random_token());
        assert!(same("abcd", "abcd") && !same("abcd", "abce") && !same("abc", "abcd"));
    }
}
