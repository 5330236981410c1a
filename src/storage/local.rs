//! Objects as files under one folder (by default `<data dir>/objects`). A file is written
//! under a temporary name and renamed into place, so a failed upload leaves nothing.

use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

use super::metered::Metered;
use super::{Listed, StorageError, Stored};

#[derive(Clone)]
pub struct LocalStore {
    root: PathBuf,
}

fn unavailable(e: std::io::Error) -> StorageError {
    StorageError::Unavailable(e.to_string())
}

/// Keys are generated (`prefix/token`); anything else is refused rather than resolved.
fn safe(key: &str) -> Option<&str> {
    let ok = !key.is_empty()
        && !key.starts_with('/')
        && key.split('/').all(|p| !p.is_empty() && p != "." && p != "..")
        && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'));
    ok.then_some(key)
}

impl LocalStore {
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    pub fn path_of(&self, key: &str) -> Result<PathBuf, StorageError> {
        safe(key).map(|k| self.root.join(k)).ok_or(StorageError::NotFound)
    }

    pub async fn put<R>(&self, key: &str, reader: R, max_bytes: u64) -> Result<Stored, StorageError>
    where
        R: tokio::io::AsyncRead + Unpin + Send,
    {
        let path = self.path_of(key)?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| self.root.clone());
        tokio::fs::create_dir_all(&dir).await.map_err(unavailable)?;
        let temp = dir.join(format!(".part-{}", crate::services::tokens::random_token()));
        let mut metered = Metered::new(reader, max_bytes);
        let result = async {
            let mut file = tokio::fs::File::create(&temp).await.map_err(unavailable)?;
            match tokio::io::copy(&mut metered, &mut file).await {
                Ok(_) => {}
                Err(_) if metered.over_limit => return Err(StorageError::TooLarge(max_bytes)),
                Err(e) => return Err(StorageError::Upload(e.to_string())),
            }
            file.flush().await.map_err(unavailable)?;
            file.sync_all().await.map_err(unavailable)?;
            tokio::fs::rename(&temp, &path).await.map_err(unavailable)
        }
        .await;
        if let Err(e) = result {
            let _ = tokio::fs::remove_file(&temp).await;
            return Err(e);
        }
        Ok(Stored { key: key.to_string(), size: metered.bytes, sha256: metered.digest() })
    }

    pub async fn size(&self, key: &str) -> Result<Option<u64>, StorageError> {
        let path = self.path_of(key)?;
        match tokio::fs::metadata(&path).await {
            Ok(m) => Ok(Some(m.len())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }

    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        match tokio::fs::remove_file(self.path_of(key)?).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }

    pub async fn read(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        match tokio::fs::read(self.path_of(key)?).await {
            Ok(b) => Ok(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StorageError::NotFound),
            Err(e) => Err(unavailable(e)),
        }
    }

    pub async fn sha256(&self, key: &str) -> Result<String, StorageError> {
        let file = match tokio::fs::File::open(self.path_of(key)?).await {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(StorageError::NotFound),
            Err(e) => return Err(unavailable(e)),
        };
        let mut metered = Metered::new(file, u64::MAX);
        tokio::io::copy(&mut metered, &mut tokio::io::sink()).await.map_err(unavailable)?;
        Ok(metered.digest())
    }

    pub async fn list(&self, prefix: &str) -> Result<Vec<Listed>, StorageError> {
        let mut out = Vec::new();
        let mut stack = vec![self.root.clone()];
        while let Some(dir) = stack.pop() {
            let mut entries = match tokio::fs::read_dir(&dir).await {
                Ok(e) => e,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(unavailable(e)),
            };
            while let Some(entry) = entries.next_entry().await.map_err(unavailable)? {
                let path = entry.path();
                let meta = entry.metadata().await.map_err(unavailable)?;
                if meta.is_dir() {
                    stack.push(path);
                    continue;
                }
                let Ok(rel) = path.strip_prefix(&self.root) else { continue };
                let key = rel.to_string_lossy().replace('\\', "/");
                if key.starts_with(prefix) && !key.rsplit('/').next().unwrap_or_default().starts_with(".part-") {
                    let modified = meta
                        .modified()
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
                    out.push(Listed { key, size: meta.len(), modified });
                }
            }
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    pub async fn ping(&self) -> bool {
        tokio::fs::create_dir_all(&self.root).await.is_ok()
    }
}
