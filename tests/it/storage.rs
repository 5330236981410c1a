//! The file store, the same cases on the local folder and on a real S3 server (s3s-fs,
//! which checks signatures): streaming with size and hash, the limit, listing, deleting,
//! presigned downloads (plain HTTP, expiry, tampering, Unicode names), and a store that is
//! down.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use rocket::http::Status;
use wta_academy::storage::{Download, LocalStore, S3Store, Storage, StorageError, content_disposition, new_key};

use crate::support::TestApp;
use crate::support::s3_server::{S3Server, http_get};

fn bytes(n: usize) -> Vec<u8> {
    (0..n).map(|i| u8::try_from((i * 7919 + i / 251) % 251).unwrap()).collect()
}

fn sha(data: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(data))
}

/// The cases every backend must pass.
async fn exercise(store: &Storage) {
    let data = bytes(3 * 1024 * 1024 + 17);
    let key = new_key("materials/test");
    let stored = store.put(&key, &data[..], 10 * 1024 * 1024, "application/pdf").await.unwrap();
    assert_eq!(stored.size, data.len() as u64);
    assert_eq!(stored.sha256, sha(&data));
    assert_eq!(store.size(&key).await.unwrap(), Some(data.len() as u64));
    assert_eq!(store.sha256(&key).await.unwrap(), sha(&data), "the stored bytes are the sent bytes");
    let listed = store.list("materials/").await.unwrap();
    assert_eq!(listed.iter().map(|l| l.key.clone()).collect::<Vec<_>>(), vec![key.clone()]);
    assert!(listed[0].modified > 1_700_000_000);

    // Past the limit: refused, nothing left behind.
    let big = new_key("materials/test");
    let r = store.put(&big, &bytes(2 * 1024 * 1024)[..], 1024 * 1024, "application/pdf").await;
    assert!(matches!(r, Err(StorageError::TooLarge(_))), "{r:?}");
    assert_eq!(store.size(&big).await.unwrap(), None);
    assert_eq!(store.list("").await.unwrap().len(), 1, "no partial object");

    // Larger than one part: sent in parts; past the limit in the middle: nothing left.
    let large = bytes(20 * 1024 * 1024 + 5);
    let parts = new_key("materials/test");
    let stored = store.put(&parts, &large[..], 64 * 1024 * 1024, "video/mp4").await.unwrap();
    assert_eq!((stored.size, stored.sha256.clone()), (large.len() as u64, sha(&large)));
    assert_eq!(store.sha256(&parts).await.unwrap(), sha(&large));
    store.delete(&parts).await.unwrap();
    let cut = new_key("materials/test");
    let r = store.put(&cut, &large[..], 12 * 1024 * 1024, "video/mp4").await;
    assert!(matches!(r, Err(StorageError::TooLarge(_))), "{r:?}");
    assert_eq!(store.size(&cut).await.unwrap(), None);
    assert_eq!(store.list("").await.unwrap().len(), 1, "no partial object after an abandoned multipart upload");

    let empty = new_key("materials/test");
    assert_eq!(store.put(&empty, &b""[..], 10, "text/plain").await.unwrap().size, 0);
    store.delete(&empty).await.unwrap();
    store.delete(&key).await.unwrap();
    assert_eq!(store.size(&key).await.unwrap(), None);
    store.delete(&key).await.unwrap();
    assert!(store.list("").await.unwrap().is_empty());
    assert!(store.ping().await);
}

#[rocket::async_test]
async fn the_local_store_keeps_streams_whole_and_refuses_unsafe_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = Storage::Local(LocalStore::new(dir.path().join("objects")));
    exercise(&store).await;
    assert!(matches!(store.size("../../etc/passwd").await, Err(StorageError::NotFound)));
    assert!(matches!(store.put("a/../../x", &b"x"[..], 10, "text/plain").await, Err(StorageError::NotFound)));
    let key = new_key("materials/test");
    store.put(&key, &b"%PDF-1.7"[..], 100, "application/pdf").await.unwrap();
    match store.download(&key, "Bài giảng.pdf", true).await.unwrap() {
        Download::File(path) => assert_eq!(std::fs::read(path).unwrap(), b"%PDF-1.7"),
        Download::Redirect(_) => panic!("the local store streams the file itself"),
    }
}

#[rocket::async_test]
async fn the_s3_store_passes_the_same_cases_against_a_signature_checking_server() {
    let server = S3Server::start();
    let store = Storage::S3(S3Store::new(&server.settings()).unwrap());
    exercise(&store).await;

    // Wrong credentials are refused by the server.
    let mut wrong = server.settings();
    wrong.secret_key = "not-the-secret".into();
    let bad = Storage::S3(S3Store::new(&wrong).unwrap());
    assert!(matches!(bad.put("materials/x", &b"x"[..], 10, "text/plain").await, Err(StorageError::Unavailable(_))));
    assert!(!bad.ping().await);
}

#[rocket::async_test]
async fn presigned_downloads_work_over_plain_http_expire_and_resist_tampering() {
    let server = S3Server::start();
    let s3 = S3Store::new(&server.settings()).unwrap();
    let store = Storage::S3(s3.clone());
    let data = bytes(100_000);
    let key = new_key("materials/test");
    store.put(&key, &data[..], 1_000_000, "application/pdf").await.unwrap();

    let name = "Trần Thanh Liêm — 허태정 李明.pdf";
    let Download::Redirect(url) = store.download(&key, name, true).await.unwrap() else { panic!("S3 redirects") };
    assert!(url.contains("X-Amz-Expires=300"), "five minutes at most: {url}");
    let (status, headers, body) = http_get(&url);
    assert_eq!(status, 200);
    assert_eq!(body, data);
    let disposition =
        headers.iter().find(|(k, _)| k == "content-disposition").map(|(_, v)| v.clone()).unwrap_or_default();
    assert_eq!(disposition, content_disposition(name, true), "the Unicode name comes back intact");

    // Tampered: another key with the same signature.
    let tampered = url.replace(&key, &new_key("materials/test"));
    assert_eq!(http_get(&tampered).0, 403);
    let sig_at = url.find("X-Amz-Signature=").unwrap() + "X-Amz-Signature=".len();
    let mut forged = url.clone();
    let flipped = if &url[sig_at..=sig_at] == "0" { "1" } else { "0" };
    forged.replace_range(sig_at..=sig_at, flipped);
    assert_eq!(http_get(&forged).0, 403);

    // Expired.
    let short = s3.presigned_for(&key, &content_disposition("a.pdf", true), 1).await.unwrap();
    assert_eq!(http_get(&short).0, 200);
    std::thread::sleep(std::time::Duration::from_millis(2200));
    assert_eq!(http_get(&short).0, 403, "refused after expiry");
}

#[rocket::async_test]
async fn a_store_that_is_down_fails_fast_and_readiness_says_so() {
    let mut server = S3Server::start();
    let settings = server.settings();
    let app = TestApp::with(move |c| c.storage = wta_academy::config::StorageConfig::S3(settings)).await;
    let r = app.get("/health/ready").await;
    assert_eq!(r.status(), Status::Ok);
    assert!(r.into_string().await.unwrap().contains("\"storage\":\"ok\""));

    server.stop();
    let started = std::time::Instant::now();
    let r = app.state.storage.put("materials/after-stop", &b"data"[..], 100, "text/plain").await;
    assert!(matches!(r, Err(StorageError::Unavailable(_))), "{r:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "bounded: {:?}", started.elapsed());
    let r = app.get("/health/ready").await;
    assert_eq!(r.status(), Status::ServiceUnavailable);
    assert!(r.into_string().await.unwrap().contains("\"storage\":\"failing\""));
    assert_eq!(app.get("/catalogue").await.status(), Status::Ok, "pages still render");
}
