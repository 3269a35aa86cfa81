//! The store against a real S3-protocol server (`MAJLIS_TEST_S3_URL`, see
//! `common/s3.rs`): what one node writes another reads, a 50 MB file goes up
//! in parts and comes back whole, a missing object is "not found", and wrong
//! credentials are refused with nothing written. Each test has its own prefix.

mod common;
#[path = "common/s3.rs"]
mod s3env;

use std::time::Instant;

use bytes::Bytes;
use futures_util::{StreamExt, TryStreamExt, stream};
use majlis_files::{FileKind, FileStore, PutOptions, Sha256, StoreError, UploadError};
use s3env::S3Server;

/// A body stream of `data` in chunks of `chunk` bytes.
fn body(
    data: &[u8],
    chunk: usize,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> + use<> {
    let chunks: Vec<Result<Bytes, std::io::Error>> = data
        .chunks(chunk.max(1))
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    stream::iter(chunks)
}

/// A store on the test server under a prefix of its own.
fn store_at(server: &S3Server, url: &str) -> FileStore {
    FileStore::from_url(url, &server.options()).expect("S3 store from URL")
}

fn sha_of(bytes: &[u8]) -> Sha256 {
    use sha2::Digest;
    Sha256::from_bytes(sha2::Sha256::digest(bytes).into())
}

/// `len` bytes starting like a PDF, every 8 bytes different (xorshift), so
/// parts put back in the wrong order or lost would change the digest.
fn big_pdf(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(b"%PDF-1.7\n%");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

async fn listed(store: &FileStore) -> Vec<Sha256> {
    store.list().try_collect().await.expect("list")
}

#[tokio::test]
async fn what_one_node_stores_another_reads_and_removes() {
    let server = S3Server::from_env();
    let url = server.unique_url("files-two-nodes");
    let (a, b) = (store_at(&server, &url), store_at(&server, &url));
    let scratch = tempfile::tempdir().unwrap();
    let pdf = common::pdf(&[vec!["Language courses for refugees".to_owned()]], true);

    let stored = a
        .put(body(&pdf, 4096), &PutOptions::new(scratch.path()))
        .await
        .expect("stored on S3");
    assert_eq!(stored.kind, FileKind::Pdf);
    assert_eq!(stored.sha256, sha_of(&pdf));
    assert!(!stored.already_present);

    // The other node sees it, reads it whole, and lists it.
    assert!(b.exists(&stored.sha256).await.unwrap());
    let download = b.get(&stored.sha256).await.expect("read back");
    assert_eq!(download.size, pdf.len() as u64);
    assert_eq!(download.bytes().await.unwrap(), pdf);
    assert_eq!(listed(&b).await, vec![stored.sha256]);

    // The same bytes again, through the other node: nothing written.
    let again = b
        .put(body(&pdf, 1000), &PutOptions::new(scratch.path()))
        .await
        .unwrap();
    assert!(again.already_present);

    // Removed by one node, gone for both.
    b.delete(&stored.sha256).await.unwrap();
    assert!(!a.exists(&stored.sha256).await.unwrap());
    assert!(listed(&a).await.is_empty());
}

#[tokio::test]
async fn a_50_mb_file_goes_up_in_parts_and_comes_back_whole() {
    let server = S3Server::from_env();
    let url = server.unique_url("files-50mb");
    let (a, b) = (store_at(&server, &url), store_at(&server, &url));
    let scratch = tempfile::tempdir().unwrap();
    let data = big_pdf(50 * 1000 * 1000);
    let opts = PutOptions::new(scratch.path());
    assert_eq!(
        opts.max_bytes,
        data.len() as u64,
        "exactly the app's default limit"
    );

    let started = Instant::now();
    let stored = a
        .put(body(&data, 64 * 1024), &opts)
        .await
        .expect("50 MB stored");
    let up = started.elapsed();
    assert_eq!(stored.size, data.len() as u64);
    assert_eq!(stored.sha256, sha_of(&data));

    let started = Instant::now();
    let download = b.get(&stored.sha256).await.expect("read back");
    assert_eq!(download.size, data.len() as u64);
    // Streamed: hash the chunks as they come instead of holding a second copy.
    let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
    let mut count = 0u64;
    let mut chunks = download.stream;
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.expect("chunk");
        count += chunk.len() as u64;
        sha2::Digest::update(&mut hasher, &chunk);
    }
    let down = started.elapsed();
    assert_eq!(count, data.len() as u64);
    assert_eq!(
        Sha256::from_bytes(sha2::Digest::finalize(hasher).into()),
        stored.sha256,
        "the same bytes came back"
    );
    println!("50 MB on S3: up {up:?}, down {down:?}");

    // One byte over the limit is refused before anything is written.
    let url = server.unique_url("files-50mb-over");
    let c = store_at(&server, &url);
    let mut over = data;
    over.push(b'\n');
    let err = c.put(body(&over, 64 * 1024), &opts).await.unwrap_err();
    assert!(matches!(err, UploadError::TooLarge { .. }), "{err}");
    assert!(listed(&c).await.is_empty());
}

#[tokio::test]
async fn a_missing_object_is_not_found() {
    let server = S3Server::from_env();
    let store = store_at(&server, &server.unique_url("files-missing"));
    let sha = sha_of(b"never stored");
    assert!(matches!(store.get(&sha).await, Err(StoreError::NotFound)));
    assert!(!store.exists(&sha).await.unwrap());
    store
        .delete(&sha)
        .await
        .expect("removing a missing file is no error");
    assert!(listed(&store).await.is_empty());
}

#[tokio::test]
async fn wrong_credentials_are_refused_and_nothing_is_written() {
    let server = S3Server::from_env();
    let url = server.unique_url("files-wrong-secret");
    let good = store_at(&server, &url);
    let scratch = tempfile::tempdir().unwrap();
    let mut wrong_secret = server.secret_key.clone();
    wrong_secret.push('x');
    let wrong_key = format!("{}-nobody", server.access_key);
    for (key, secret) in [
        (server.access_key.as_str(), wrong_secret.as_str()),
        (wrong_key.as_str(), server.secret_key.as_str()),
    ] {
        let bad = FileStore::from_url(&url, &server.options_with(key, secret)).unwrap();
        // A small file (one request) and a large one (a multipart upload).
        for data in [
            common::pdf(&[vec!["Denied".to_owned()]], false),
            big_pdf(9 * 1024 * 1024),
        ] {
            let err = bad
                .put(body(&data, 64 * 1024), &PutOptions::new(scratch.path()))
                .await
                .expect_err("the server refuses a wrong key or secret");
            assert!(
                !err.is_client_error(),
                "the uploader is not at fault: {err}"
            );
            assert!(
                matches!(err, UploadError::Storage(StoreError::Denied(_))),
                "a refusal, told apart from other failures: {err:?}"
            );
            assert!(err.to_string().contains("credentials"), "{err}");
            assert!(
                !good.exists(&sha_of(&data)).await.unwrap(),
                "nothing written"
            );
        }
        assert!(matches!(
            bad.get(&sha_of(b"x")).await,
            Err(StoreError::Denied(_))
        ));
    }
    assert!(listed(&good).await.is_empty(), "no object under the prefix");
}
