//! The `sessions` table: one row per signed-in browser, keyed by the hash of the cookie.

use super::Conn;
use crate::db::Timestamp;

pub async fn insert(
    conn: &mut Conn,
    id_hash: &str,
    user_id: i64,
    at: Timestamp,
    expires_at: Timestamp,
    user_agent: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at, user_agent) \
         VALUES ($1, $2, $3, $3, $4, $5)",
    )
    .bind(id_hash)
    .bind(user_id)
    .bind(at.db())
    .bind(expires_at.db())
    .bind(user_agent)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn touch(conn: &mut Conn, id_hash: &str, at: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(at.db())
        .bind(id_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut Conn, id_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(&mut *conn).await?;
    Ok(())
}

/// Ends every session of a user, except optionally the one still in use.
pub async fn delete_for_user(conn: &mut Conn, user_id: i64, keep: Option<&str>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(keep.unwrap_or(""))
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}

pub async fn count_for_user(conn: &mut Conn, user_id: i64) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM sessions WHERE user_id = $1").bind(user_id).fetch_one(&mut *conn).await?;
    Ok(n)
}

/// Removes sessions past their absolute expiry or idle longer than allowed.
pub async fn purge_expired(conn: &mut Conn, now: Timestamp, idle_cutoff: Timestamp) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at < $1 OR last_seen_at < $2")
        .bind(now.db())
        .bind(idle_cutoff.db())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected())
}
