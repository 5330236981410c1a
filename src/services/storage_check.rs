//! Keeping the file store and the database in step: `verify` finds rows whose object is
//! missing or differs; `gc` removes objects no row points to (older than an hour, so an
//! upload in flight is never touched) and the objects of materials deleted 30 days ago.

use std::collections::HashMap;

use super::ServiceResult;
use crate::db::now;
use crate::repo::materials as repo;
use crate::state::AppState;

/// One problem `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    Missing { key: String },
    SizeDiffers { key: String, recorded: i64, stored: u64 },
    HashDiffers { key: String },
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finding::Missing { key } => write!(f, "missing object: {key}"),
            Finding::SizeDiffers { key, recorded, stored } => {
                write!(f, "size differs: {key} (recorded {recorded}, stored {stored})")
            }
            Finding::HashDiffers { key } => write!(f, "content differs: {key} (SHA-256 does not match)"),
        }
    }
}

/// Every version row checked against its object (size from a listing, hash read through).
pub async fn verify(state: &AppState) -> ServiceResult<(usize, Vec<Finding>)> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = repo::all_objects(&mut conn).await?;
    drop(conn);
    let stored: HashMap<String, u64> =
        state.storage.list("materials/").await.map_err(unavailable)?.into_iter().map(|l| (l.key, l.size)).collect();
    let mut findings = Vec::new();
    for (key, size, sha) in &rows {
        match stored.get(key) {
            None => findings.push(Finding::Missing { key: key.clone() }),
            Some(s) if i64::try_from(*s).ok() != Some(*size) => {
                findings.push(Finding::SizeDiffers { key: key.clone(), recorded: *size, stored: *s });
            }
            Some(_) => {
                if state.storage.sha256(key).await.map_err(unavailable)? != *sha {
                    findings.push(Finding::HashDiffers { key: key.clone() });
                }
            }
        }
    }
    Ok((rows.len(), findings))
}

fn unavailable(e: crate::storage::StorageError) -> super::ServiceError {
    super::ServiceError::Internal(e.to_string())
}

/// What `gc` removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Collected {
    pub orphans: Vec<String>,
    pub expired_objects: usize,
    pub expired_materials: u64,
}

/// Removes orphan objects older than an hour and what was deleted more than 30 days ago.
pub async fn gc(state: &AppState) -> ServiceResult<Collected> {
    let at = now();
    let mut out = Collected::default();
    let cutoff = at.plus_minutes(-30 * 24 * 60).db();
    let mut conn = state.db.pool.acquire().await?;
    for (_, key) in repo::deleted_objects(&mut conn, &cutoff).await? {
        state.storage.delete(&key).await.map_err(unavailable)?;
        out.expired_objects += 1;
    }
    out.expired_materials = repo::purge(&mut conn, &cutoff).await?;
    let known: std::collections::HashSet<String> =
        repo::all_objects(&mut conn).await?.into_iter().map(|(k, _, _)| k).collect();
    drop(conn);
    let hour_ago = at.0.unix_timestamp() - 3600;
    for l in state.storage.list("materials/").await.map_err(unavailable)? {
        if !known.contains(&l.key) && l.modified < hour_ago {
            state.storage.delete(&l.key).await.map_err(unavailable)?;
            out.orphans.push(l.key);
        }
    }
    Ok(out)
}
