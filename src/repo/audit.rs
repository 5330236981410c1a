//! The append-only `audit_log`: nothing in the product updates or deletes its rows.

use super::Conn;
use crate::db::now;

/// One decision or change worth keeping.
pub struct AuditEntry<'a> {
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub subject_type: &'a str,
    pub subject_id: String,
    pub before: serde_json::Value,
    pub after: serde_json::Value,
    pub reason: &'a str,
}

pub async fn record(conn: &mut Conn, e: AuditEntry<'_>) -> Result<(), sqlx::Error> {
    let json = |v: &serde_json::Value| if v.is_null() { String::new() } else { v.to_string() };
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, before_json, after_json, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now().db())
    .bind(e.actor_id)
    .bind(e.action)
    .bind(e.subject_type)
    .bind(&e.subject_id)
    .bind(json(&e.before))
    .bind(json(&e.after))
    .bind(e.reason)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest entries for one subject, for tests and history views.
pub async fn for_subject(
    conn: &mut Conn,
    subject_type: &str,
    subject_id: &str,
) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT action, before_json, after_json FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY id DESC",
    )
    .bind(subject_type)
    .bind(subject_id)
    .fetch_all(&mut *conn)
    .await
}
