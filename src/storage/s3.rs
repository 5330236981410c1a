//! Objects in an S3-compatible store (AWS S3, Garage, MinIO) through rust-s3. Uploads go
//! in parts, so memory stays bounded whatever the file size; downloads are presigned GETs.

use rocket::futures::StreamExt;
use s3::creds::Credentials;
use s3::error::S3Error;
use s3::{Bucket, Region};
use sha2::{Digest, Sha256};

use super::metered::Metered;
use super::{Listed, StorageError, Stored, TIMEOUT};

/// Presigned download addresses expire after this many seconds.
pub const PRESIGN_SECS: u32 = 300;

/// The size of one uploaded part (S3 wants at least 5 MiB for all but the last).
const PART_BYTES: usize = 8 * 1024 * 1024;

/// Up to one part from the stream (less only at its end).
async fn read_part<R: tokio::io::AsyncRead + Unpin>(reader: &mut R) -> Result<Vec<u8>, StorageError> {
    use tokio::io::AsyncReadExt;
    let mut buf = Vec::with_capacity(PART_BYTES);
    let mut limited = reader.take(PART_BYTES as u64);
    limited.read_to_end(&mut buf).await.map_err(|e| StorageError::Upload(e.to_string()))?;
    Ok(buf)
}

/// How to reach the store (`WTA_S3_*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Settings {
    pub endpoint: String,
    pub region: String,
    pub bucket: String,
    pub access_key: String,
    pub secret_key: String,
    pub path_style: bool,
}

#[derive(Clone)]
pub struct S3Store {
    bucket: Box<Bucket>,
}

fn classify(e: S3Error) -> StorageError {
    match e {
        S3Error::HttpFailWithBody(404, _) => StorageError::NotFound,
        other => StorageError::Unavailable(other.to_string()),
    }
}

impl S3Store {
    pub fn new(s: &S3Settings) -> Result<Self, StorageError> {
        let region = Region::Custom { region: s.region.clone(), endpoint: s.endpoint.clone() };
        let credentials = Credentials::new(Some(&s.access_key), Some(&s.secret_key), None, None, None)
            .map_err(|e| StorageError::Unavailable(e.to_string()))?;
        let mut bucket = Bucket::new(&s.bucket, region, credentials).map_err(classify)?;
        if s.path_style {
            bucket = bucket.with_path_style();
        }
        bucket.set_request_timeout(Some(TIMEOUT));
        Ok(Self { bucket })
    }

    pub async fn put<R>(&self, key: &str, reader: R, max_bytes: u64, content_type: &str) -> Result<Stored, StorageError>
    where
        R: tokio::io::AsyncRead + Unpin + Send,
    {
        let mut metered = Metered::new(reader, max_bytes);
        let result = self.upload_in_parts(key, &mut metered, content_type).await;
        if metered.over_limit {
            return Err(StorageError::TooLarge(max_bytes));
        }
        result?;
        Ok(Stored { key: key.to_string(), size: metered.bytes, sha256: metered.digest() })
    }

    /// Sends the stream one part at a time, so memory holds one part whatever the file
    /// size; a file smaller than a part goes in one request. An unfinished multipart
    /// upload is aborted, leaving nothing behind.
    async fn upload_in_parts<R>(&self, key: &str, reader: &mut R, content_type: &str) -> Result<(), StorageError>
    where
        R: tokio::io::AsyncRead + Unpin + Send,
    {
        let first = read_part(reader).await?;
        if first.len() < PART_BYTES {
            self.bucket.put_object_with_content_type(key, &first, content_type).await.map_err(classify)?;
            return Ok(());
        }
        let upload = self.bucket.initiate_multipart_upload(key, content_type).await.map_err(classify)?;
        let id = upload.upload_id;
        let sent = async {
            let mut parts = Vec::new();
            let mut chunk = first;
            loop {
                let number = u32::try_from(parts.len() + 1).unwrap_or(u32::MAX);
                let part =
                    self.bucket.put_multipart_chunk(chunk, key, number, &id, content_type).await.map_err(classify)?;
                parts.push(part);
                chunk = read_part(reader).await?;
                if chunk.is_empty() {
                    break;
                }
            }
            self.bucket.complete_multipart_upload(key, &id, parts).await.map_err(classify)?;
            Ok::<(), StorageError>(())
        }
        .await;
        if sent.is_err() {
            let _ = self.bucket.abort_upload(key, &id).await;
        }
        sent
    }

    pub async fn read(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        let r = self.bucket.get_object(key).await.map_err(classify)?;
        Ok(r.bytes().to_vec())
    }

    pub async fn size(&self, key: &str) -> Result<Option<u64>, StorageError> {
        match self.bucket.head_object(key).await {
            Ok((head, _)) => Ok(Some(head.content_length.and_then(|n| u64::try_from(n).ok()).unwrap_or(0))),
            Err(e) => match classify(e) {
                StorageError::NotFound => Ok(None),
                other => Err(other),
            },
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match self.bucket.delete_object(key).await {
            Ok(_) => Ok(()),
            Err(e) => match classify(e) {
                StorageError::NotFound => Ok(()),
                other => Err(other),
            },
        }
    }

    pub async fn sha256(&self, key: &str) -> Result<String, StorageError> {
        let mut stream = self.bucket.get_object_stream(key).await.map_err(classify)?;
        let mut hasher = Sha256::new();
        while let Some(chunk) = stream.bytes().next().await {
            hasher.update(chunk.map_err(classify)?);
        }
        Ok(hex::encode(hasher.finalize()))
    }

    pub async fn list(&self, prefix: &str) -> Result<Vec<Listed>, StorageError> {
        let pages = self.bucket.list(prefix.to_string(), None).await.map_err(classify)?;
        let mut out = Vec::new();
        for page in pages {
            for o in page.contents {
                let modified =
                    time::OffsetDateTime::parse(&o.last_modified, &time::format_description::well_known::Rfc3339)
                        .map_or(0, time::OffsetDateTime::unix_timestamp);
                out.push(Listed { key: o.key, size: o.size, modified });
            }
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    /// A GET address valid for five minutes that names the file as `disposition` says.
    pub async fn presigned(&self, key: &str, disposition: &str) -> Result<String, StorageError> {
        self.presigned_for(key, disposition, PRESIGN_SECS).await
    }

    /// The same, valid for `secs` seconds.
    pub async fn presigned_for(&self, key: &str, disposition: &str, secs: u32) -> Result<String, StorageError> {
        let mut query = std::collections::HashMap::new();
        query.insert("response-content-disposition".to_string(), disposition.to_string());
        self.bucket.presign_get(key, secs, Some(query)).await.map_err(classify)
    }

    pub async fn ping(&self) -> bool {
        self.bucket.list_page(String::new(), None, None, None, Some(1)).await.is_ok()
    }
}
