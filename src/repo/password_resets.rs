//! The `password_resets` table: single-use, expiring tokens, stored as hashes.

use super::Conn;
use crate::db::Timestamp;

pub async fn insert(
    conn: &mut Conn,
    token_hash: &str,
    user_id: i64,
    at: Timestamp,
    expires_at: Timestamp,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(user_id)
        .bind(at.db())
        .bind(expires_at.db())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The user a token belongs to, when it is unused and not expired.
pub async fn valid_user(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now.db())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| r.0))
}

/// Marks a token used if it still is valid; the conditional update makes a second use fail
/// even when two requests race.
pub async fn consume(conn: &mut Conn, token_hash: &str, now: Timestamp) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(now.db())
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| r.0))
}

/// Invalidates every open token of a user (after a successful reset).
pub async fn consume_all_for_user(conn: &mut Conn, user_id: i64, now: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now.db())
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
