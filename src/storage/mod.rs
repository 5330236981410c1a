//! Where uploaded files live: an S3-compatible object store through rust-s3, or a folder in
//! the data directory (the zero-configuration default). Both take a stream, enforce a size
//! limit while reading it, and report the size and SHA-256 of what they stored, so a caller
//! never holds a whole file in memory.

mod local;
mod metered;
mod s3;

use std::time::Duration;

pub use local::LocalStore;
pub use s3::{S3Settings, S3Store};

/// Longest time any storage call may take before it counts as unavailable.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// What was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub key: String,
    pub size: u64,
    /// Lowercase hex.
    pub sha256: String,
}

/// An object as listed by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub key: String,
    pub size: u64,
    /// Seconds since the epoch.
    pub modified: i64,
}

/// How a download is answered.
#[derive(Debug)]
pub enum Download {
    /// A short-lived signed address at the object store.
    Redirect(String),
    /// A file the app streams itself (the local store).
    File(std::path::PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("the file is larger than {0} bytes")]
    TooLarge(u64),
    #[error("no such object")]
    NotFound,
    #[error("the file store is unavailable: {0}")]
    Unavailable(String),
    #[error("cannot read the upload: {0}")]
    Upload(String),
}

/// The configured store.
#[derive(Clone)]
pub enum Storage {
    Local(LocalStore),
    S3(S3Store),
}

impl Storage {
    pub fn from_config(c: &crate::config::StorageConfig) -> Result<Self, StorageError> {
        Ok(match c {
            crate::config::StorageConfig::Local(dir) => Storage::Local(LocalStore::new(dir.clone())),
            crate::config::StorageConfig::S3(s) => Storage::S3(S3Store::new(s)?),
        })
    }

    /// Streams `reader` into `key`; refused (and nothing left behind) past `max_bytes`.
    pub async fn put<R>(&self, key: &str, reader: R, max_bytes: u64, content_type: &str) -> Result<Stored, StorageError>
    where
        R: tokio::io::AsyncRead + Unpin + Send,
    {
        match self {
            Storage::Local(s) => s.put(key, reader, max_bytes).await,
            Storage::S3(s) => s.put(key, reader, max_bytes, content_type).await,
        }
    }

    /// The object's size, or `None` when it does not exist.
    pub async fn size(&self, key: &str) -> Result<Option<u64>, StorageError> {
        match self {
            Storage::Local(s) => s.size(key).await,
            Storage::S3(s) => s.size(key).await,
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self {
            Storage::Local(s) => s.delete(key).await,
            Storage::S3(s) => s.delete(key).await,
        }
    }

    /// Every object under `prefix`.
    pub async fn list(&self, prefix: &str) -> Result<Vec<Listed>, StorageError> {
        match self {
            Storage::Local(s) => s.list(prefix).await,
            Storage::S3(s) => s.list(prefix).await,
        }
    }

    /// A small object whole (signature images), refused when larger than `max_bytes`.
    pub async fn read(&self, key: &str, max_bytes: u64) -> Result<Vec<u8>, StorageError> {
        let bytes = match self {
            Storage::Local(s) => s.read(key).await?,
            Storage::S3(s) => s.read(key).await?,
        };
        if bytes.len() as u64 > max_bytes { Err(StorageError::TooLarge(max_bytes)) } else { Ok(bytes) }
    }

    /// The SHA-256 of a stored object (read through once), for verification.
    pub async fn sha256(&self, key: &str) -> Result<String, StorageError> {
        match self {
            Storage::Local(s) => s.sha256(key).await,
            Storage::S3(s) => s.sha256(key).await,
        }
    }

    /// How to hand `key` to a browser under `file_name`; `attachment` forces a download.
    pub async fn download(&self, key: &str, file_name: &str, attachment: bool) -> Result<Download, StorageError> {
        match self {
            Storage::Local(s) => s.path_of(key).map(Download::File),
            Storage::S3(s) => {
                s.presigned(key, &content_disposition(file_name, attachment)).await.map(Download::Redirect)
            }
        }
    }

    /// True when the store answers (readiness probe).
    pub async fn ping(&self) -> bool {
        match self {
            Storage::Local(s) => s.ping().await,
            Storage::S3(s) => s.ping().await,
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Storage::Local(_) => "local",
            Storage::S3(_) => "s3",
        }
    }
}

/// A Content-Disposition header value keeping any Unicode name intact (RFC 6266 with the
/// RFC 5987 `filename*`), with a plain ASCII fallback for old clients.
pub fn content_disposition(file_name: &str, attachment: bool) -> String {
    let kind = if attachment { "attachment" } else { "inline" };
    let fallback: String = file_name
        .chars()
        .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
        .collect();
    let encoded: String =
        url::form_urlencoded::byte_serialize(file_name.as_bytes()).collect::<String>().replace('+', "%20");
    format!("{kind}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

/// A fresh object key under `prefix` (never a name a person typed).
pub fn new_key(prefix: &str) -> String {
    format!("{prefix}/{}", crate::services::tokens::random_token().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispositions_keep_unicode_names_and_stay_safe() {
        let d = content_disposition("Bài giảng \"1\".pdf", true);
        assert!(d.starts_with("attachment; filename=\"B_i gi_ng _1_.pdf\"; filename*=UTF-8''"), "{d}");
        assert!(d.ends_with("B%C3%A0i%20gi%E1%BA%A3ng%20%221%22.pdf"), "{d}");
        assert!(content_disposition("a.pdf", false).starts_with("inline;"));
    }
}
