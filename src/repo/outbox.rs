//! The `outbox` table: mail written in the same transaction as the change it reports, and
//! sent later by whichever instance claims it first.

use sqlx::FromRow;

use super::Conn;
use crate::db::Timestamp;

/// A message to send.
#[derive(Debug, Clone, FromRow)]
pub struct OutgoingMail {
    pub id: i64,
    pub to_email: String,
    pub to_name: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i64,
}

pub async fn enqueue(
    conn: &mut Conn,
    to_email: &str,
    to_name: &str,
    subject: &str,
    body_text: &str,
    at: Timestamp,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO outbox (to_email, to_name, subject, body_text, created_at, send_after) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(to_email)
    .bind(to_name)
    .bind(subject)
    .bind(body_text)
    .bind(at.db())
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Claims the oldest due message for `lease_secs`. The lock condition is repeated in the
/// outer WHERE so that, on PostgreSQL, a second instance racing for the same row re-checks
/// it after the first one's update and claims nothing.
pub async fn claim_next(conn: &mut Conn, now: Timestamp, lease_secs: i64) -> Result<Option<OutgoingMail>, sqlx::Error> {
    let until = now.plus_seconds(lease_secs);
    sqlx::query_as(
        "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 \
         WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL AND send_after <= $2 \
                     AND (locked_until IS NULL OR locked_until < $2) ORDER BY id LIMIT 1) \
           AND sent_at IS NULL AND (locked_until IS NULL OR locked_until < $2) \
         RETURNING id, to_email, to_name, subject, body_text, attempts",
    )
    .bind(until.db())
    .bind(now.db())
    .fetch_optional(&mut *conn)
    .await
}

pub async fn mark_sent(conn: &mut Conn, id: i64, at: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE outbox SET sent_at = $1, locked_until = NULL, last_error = '' WHERE id = $2")
        .bind(at.db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records a failure and schedules the next attempt.
pub async fn mark_failed(conn: &mut Conn, id: i64, error: &str, retry_at: Timestamp) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE outbox SET locked_until = NULL, last_error = $1, send_after = $2 WHERE id = $3")
        .bind(error)
        .bind(retry_at.db())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn pending_count(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetch_one(&mut *conn).await?;
    Ok(n)
}

/// The newest messages to one address (tests and the admin's view of what was sent).
pub async fn recent_to(conn: &mut Conn, to_email: &str, limit: i64) -> Result<Vec<OutgoingMail>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, to_email, to_name, subject, body_text, attempts FROM outbox WHERE to_email = $1 \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(to_email)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await
}
