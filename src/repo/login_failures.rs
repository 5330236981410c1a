//! The `login_failures` table: failed attempts per throttle key (an address or an account),
//! kept in the database so the limit holds across instances.

use super::Conn;
use crate::db::Timestamp;

pub async fn record(conn: &mut Conn, key: &str, at: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO login_failures (throttle_key, failed_at) VALUES ($1, $2)")
        .bind(key)
        .bind(at.db())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn count_since(conn: &mut Conn, key: &str, since: Timestamp) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE throttle_key = $1 AND failed_at > $2")
        .bind(key)
        .bind(since.db())
        .fetch_one(&mut *conn)
        .await?;
    Ok(n)
}

pub async fn clear(conn: &mut Conn, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE throttle_key = $1").bind(key).execute(&mut *conn).await?;
    Ok(())
}

pub async fn purge_before(conn: &mut Conn, before: Timestamp) -> Result<u64, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM login_failures WHERE failed_at < $1").bind(before.db()).execute(&mut *conn).await?;
    Ok(done.rows_affected())
}
