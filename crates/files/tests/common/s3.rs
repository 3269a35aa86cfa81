//! The S3-protocol server the storage tests run against (shared by the
//! tests of `majlis-files` and of `majlis`, which includes this file).
//!
//! `MAJLIS_TEST_S3_URL` names it as `http://ACCESS_KEY:SECRET_KEY@HOST:PORT/BUCKET`;
//! `scripts/test` starts one on loopback and sets it. These tests are never
//! skipped: without the variable, or when the server does not answer, they
//! fail and say how to get one, as the PostgreSQL tests do.
#![allow(dead_code)]

use std::net::{TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The variable that names the server.
pub const VAR: &str = "MAJLIS_TEST_S3_URL";

/// Where the test server is and how to sign in to it.
#[derive(Clone, Debug)]
pub struct S3Server {
    /// `http://host:port`
    pub endpoint: String,
    pub bucket: String,
    pub access_key: String,
    pub secret_key: String,
}

impl S3Server {
    /// The server named by [`VAR`]; panics (failing the test) when the
    /// variable is missing or malformed, or the server does not answer.
    pub fn from_env() -> S3Server {
        let raw = std::env::var(VAR).unwrap_or_else(|_| {
            panic!(
                "{VAR} is not set: the S3 tests need an S3-protocol server. \
                 scripts/test starts one (s3s-fs on loopback); by hand: \
                 `eval \"$(scripts/s3-test-server)\"`"
            )
        });
        let server = S3Server::parse(&raw).unwrap_or_else(|e| panic!("{VAR}={raw:?}: {e}"));
        server.check_reachable();
        server
    }

    /// `http://KEY:SECRET@host:port/bucket` into its parts.
    pub fn parse(raw: &str) -> Result<S3Server, String> {
        let url = url::Url::parse(raw).map_err(|e| e.to_string())?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err("the scheme must be http or https".into());
        }
        let host = url.host_str().ok_or("no host")?;
        let port = url.port_or_known_default().ok_or("no port")?;
        let bucket = url.path().trim_matches('/');
        if bucket.is_empty() || bucket.contains('/') {
            return Err("the path must be one bucket name".into());
        }
        let access_key = percent_encoding::percent_decode_str(url.username())
            .decode_utf8_lossy()
            .into_owned();
        let secret_key = percent_encoding::percent_decode_str(url.password().unwrap_or(""))
            .decode_utf8_lossy()
            .into_owned();
        if access_key.is_empty() || secret_key.is_empty() {
            return Err("the access key and secret key must be given as user and password".into());
        }
        Ok(S3Server {
            endpoint: format!("{}://{host}:{port}", url.scheme()),
            bucket: bucket.to_owned(),
            access_key,
            secret_key,
        })
    }

    fn check_reachable(&self) {
        let hostport = self
            .endpoint
            .split_once("://")
            .map(|(_, rest)| rest)
            .unwrap_or(&self.endpoint);
        let addrs: Vec<_> = hostport
            .to_socket_addrs()
            .unwrap_or_else(|e| panic!("{VAR}: cannot resolve {hostport}: {e}"))
            .collect();
        let answered = addrs
            .iter()
            .any(|a| TcpStream::connect_timeout(a, Duration::from_secs(3)).is_ok());
        assert!(
            answered,
            "{VAR}: the S3 test server at {} does not answer",
            self.endpoint
        );
    }

    /// A store URL of its own for one test: the bucket and a prefix no
    /// other test or run uses (the test's name cut short, the process, the
    /// time, a counter). Prefixes stay under 40 characters: s3s-fs names a
    /// file after each object's whole key in base64 (with the upload's id
    /// during a multipart upload), a file name has at most 255 bytes, and a
    /// longer key fails there with a 500.
    pub fn unique_url(&self, test: &str) -> String {
        static N: AtomicU64 = AtomicU64::new(0);
        let test: String = test.chars().take(12).collect();
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() % (1 << 40))
            .unwrap_or(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        format!(
            "s3://{}/{test}-{:x}-{nanos:x}-{n}",
            self.bucket,
            std::process::id()
        )
    }

    /// The store options to reach the server with the right credentials.
    pub fn options(&self) -> Vec<(String, String)> {
        self.options_with(&self.access_key, &self.secret_key)
    }

    /// The store options with other credentials.
    pub fn options_with(&self, access_key: &str, secret_key: &str) -> Vec<(String, String)> {
        [
            ("aws_endpoint", self.endpoint.as_str()),
            ("aws_region", "us-east-1"),
            ("aws_access_key_id", access_key),
            ("aws_secret_access_key", secret_key),
            ("aws_allow_http", "true"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }
}

#[test]
fn the_server_url_is_read_in_parts() {
    let s = S3Server::parse("http://k:s@127.0.0.1:1/b").unwrap();
    let url = s.unique_url("a_very_long_test_name_indeed");
    let prefix = url.strip_prefix("s3://b/").unwrap();
    assert!(prefix.len() < 40, "{prefix}");
    assert_ne!(url, s.unique_url("a_very_long_test_name_indeed"));

    let s = S3Server::parse("http://majlis:s%40cret@127.0.0.1:59014/majlis-test").unwrap();
    assert_eq!(s.endpoint, "http://127.0.0.1:59014");
    assert_eq!(s.bucket, "majlis-test");
    assert_eq!(s.access_key, "majlis");
    assert_eq!(s.secret_key, "s@cret");
    assert!(S3Server::parse("http://127.0.0.1:59014/majlis-test").is_err());
    assert!(S3Server::parse("http://a:b@127.0.0.1:59014/").is_err());
    assert!(S3Server::parse("ftp://a:b@127.0.0.1/x").is_err());
}
